"""Draw the application icon (resources/icons/tsunagi.png and .ico) with the bundled font.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parents[1]


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setBrush(QColor("#1f6f78"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(box, size * 0.18, size * 0.18)
    # Two linked rings: つなぎ, "what connects".
    pen = QPen(QColor("#f3c969"), size * 0.05)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    r = size * 0.13
    p.drawEllipse(QRectF(size * 0.56 - r, size * 0.72 - r, 2 * r, 2 * r))
    p.drawEllipse(QRectF(size * 0.74 - r, size * 0.72 - r, 2 * r, 2 * r))
    font = QFont("IPAexGothic")
    font.setPixelSize(int(size * 0.58))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(margin, margin * 0.2, size * 0.72, size * 0.78),
               Qt.AlignmentFlag.AlignCenter, "つ")
    p.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv)
    QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "ipaexg.ttf"))
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "tsunagi.png"))
    draw(256).save(str(out / "tsunagi.ico"))
    print("wrote", out / "tsunagi.png", out / "tsunagi.ico")
    del app


if __name__ == "__main__":
    main()
