"""The application's look: the bundled Japanese font at the text size chosen on this PC, and
the one stylesheet scaled to match (applied at start and when the size is changed)."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.preferences import DEFAULT_TEXT_SCALE
from desktop.resources import resource_path

UI_FONT = "ipaexg.ttf"
BASE_POINT_SIZE = 10
_families: list[str] = []


def scaled_stylesheet(text: str, scale: int) -> str:
    """The stylesheet with every point size scaled to the chosen text size (percent)."""
    return re.sub(r"(\d+(?:\.\d+)?)pt",
                  lambda m: f"{float(m.group(1)) * scale / 100:g}pt", text)


def apply_look(app: QApplication, scale: int = DEFAULT_TEXT_SCALE) -> None:
    """Font (so Japanese never shows as boxes) and stylesheet at ``scale`` percent; every
    open window follows."""
    if not _families:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", UI_FONT)))
        _families.append(QFontDatabase.applicationFontFamilies(font_id)[0] if font_id >= 0
                         else "IPAexGothic")
    app.setFont(QFont(_families[0], round(BASE_POINT_SIZE * scale / 100)))
    app.setStyleSheet(scaled_stylesheet(
        resource_path("style.qss").read_text(encoding="utf-8"), scale))
