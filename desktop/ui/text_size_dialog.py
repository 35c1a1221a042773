"""文字の大きさ: this PC's text size (100 %, 125 %, 150 %), applied to every window at once and
kept for the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from desktop import preferences
from desktop.errors import DomainError
from desktop.i18n import translator
from desktop.ui.forms import ActionDialog
from desktop.ui.look import apply_look

_t = translator("TextSizeDialog")


def text_size_dialog(parent: QWidget | None, data_dir: Path) -> ActionDialog:
    """The dialog itself (its result_value is the size saved, in percent)."""
    before = preferences.text_scale(data_dir)

    def build(form: Any) -> None:
        form.choice("scale", _t("文字の大きさ"), [
            (100, _t("標準（100%）")), (125, _t("大きい（125%）")),
            (150, _t("とても大きい（150%）"))], before)

    def submit(values: dict[str, Any]) -> int:
        chosen = int(values.get("scale") or before)
        try:
            preferences.save_text_scale(data_dir, chosen)
        except OSError as exc:
            raise DomainError(_t("設定を保存できませんでした（{reason}）").format(
                reason=exc.strerror or type(exc).__name__)) from None
        return chosen

    return ActionDialog(_t("文字の大きさ"), build, submit, intro=_t(
        "この PC で使う文字の大きさを選びます。すべての画面にすぐ反映され、次回の起動でも"
        "同じ大きさになります。"), ok_text=_t("保存"), parent=parent)


def choose_text_size(parent: QWidget | None, data_dir: Path) -> bool:
    """Ask for the size, save it for this PC and apply it now. True when it changed."""
    before = preferences.text_scale(data_dir)
    dialog = text_size_dialog(parent, data_dir)
    if not dialog.exec() or dialog.result_value == before:
        return False
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_look(app, int(dialog.result_value))
    return True
