"""The viewer of a consent's signed original (PDF, JPEG or PNG): shown inside the application
from the decrypted bytes in memory, never from a file (the paper shows the person's
handwriting, address and birth date). Images fit the window or zoom; a PDF's pages are
rendered one at a time with pypdfium2 (QtPdf is not in the PySide6 wheels)."""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services.consent import ScanRecord
from desktop.ui.preview import render_page
from desktop.ui.text import wareki
from desktop.ui.widgets import fit_to_screen

_t = translator("ScanViewer")
PDF = "application/pdf"
# 100 % is the paper's size on a 96-dpi screen (a PDF page's points are 1/72 inch).
SCREEN_DPI = 96
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
# A page is never rendered larger than this on its longer side (memory at 400 %).
MAX_RENDER_PIXELS = 6000
KINDS = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}


def describe(scan: ScanRecord, lines: bool = False) -> str:
    """A scan as the consent area and the viewer show it: file, date and who attached it
    (``lines``: the date and who under the file, for a narrow table column)."""
    text = _t("{file}\n{on} {who}") if lines else _t("{file}（{on} {who}）")
    return text.format(file=scan.filename or _t("（名前なし）"), on=wareki(scan.attached_on),
                       who=scan.attached_by or "—")


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / (1024 * 1024):.1f} MB"


class ScanViewerDialog(QDialog):
    """One signed original: page up/down through a PDF, fit to the window or zoom."""

    def __init__(self, scan: ScanRecord, content: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan = scan
        self.setObjectName("scanViewer")
        self.setWindowTitle(_t("署名済みの同意書（原本）— {file}").format(
            file=scan.filename or _t("（名前なし）")))
        self.pdf: pypdfium2.PdfDocument | None = None
        self.image: QImage | None = None
        if scan.mime == PDF:
            self.pdf = pypdfium2.PdfDocument(content)  # from memory: no file is written
            self.page_count = len(self.pdf)
        else:
            self.image = QImage.fromData(content)
            self.page_count = 1
        self.page_index = 0
        self.fit = True
        self.zoom = 1.0  # of the natural size (see natural_size); set by fit when fitting
        layout = QVBoxLayout(self)
        info = QLabel(_t("{description}　{kind}・{size}").format(
            description=describe(scan), kind=KINDS.get(scan.mime, scan.mime),
            size=_size(scan.size)))
        info.setObjectName("scanInfo")
        info.setWordWrap(True)
        layout.addWidget(info)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setObjectName("scanScroll")
        self.page = QLabel()
        self.page.setObjectName("scanPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.page)
        self.scroll_area.setWidgetResizable(False)
        layout.addWidget(self.scroll_area, 1)
        row = QHBoxLayout()
        self.previous_button = QPushButton(_t("前のページ"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.page_index - 1))
        self.next_button = QPushButton(_t("次のページ"))
        self.next_button.clicked.connect(lambda: self.go_to(self.page_index + 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("scanPageNumber")
        for widget in (self.previous_button, self.page_label, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.zoom_out_button = QPushButton(_t("縮小"))
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("scanZoom")
        self.zoom_in_button = QPushButton(_t("拡大"))
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        self.fit_button = QPushButton(_t("全体を表示"))
        self.fit_button.clicked.connect(self.fit_to_window)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button, close):
            row.addWidget(widget)
        layout.addLayout(row)
        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage,
                            lambda: self.go_to(self.page_index - 1)),
                           (QKeySequence.StandardKey.MoveToNextPage,
                            lambda: self.go_to(self.page_index + 1)),
                           (QKeySequence.StandardKey.ZoomIn,
                            lambda: self.set_zoom(self.zoom * ZOOM_STEP)),
                           (QKeySequence.StandardKey.ZoomOut,
                            lambda: self.set_zoom(self.zoom / ZOOM_STEP))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        # Fitting follows the window's size; resizes come in bursts, one render after them.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(40)
        self._refit.timeout.connect(self.show_page)
        self.finished.connect(self._release)
        fit_to_screen(self, 820, 1000)
        self.show_page()

    # ---------------------------------------------------------------- pages and zoom

    def natural_size(self) -> tuple[float, float]:
        """The page at 100 %: an image's pixels; a PDF page at its paper size on screen."""
        if self.pdf is not None:
            width, height = self.pdf[self.page_index].get_size()
            return width * SCREEN_DPI / 72, height * SCREEN_DPI / 72
        if self.image is None or self.image.isNull():
            return 1.0, 1.0
        return float(self.image.width()), float(self.image.height())

    def fitting_zoom(self) -> float:
        width, height = self.natural_size()
        room = self.scroll_area.viewport().size()
        return max(MIN_ZOOM, min((room.width() - 8) / width, (room.height() - 8) / height))

    def go_to(self, index: int) -> None:
        if 0 <= index < self.page_count and index != self.page_index:
            self.page_index = index
            self.show_page()

    def set_zoom(self, zoom: float) -> None:
        self.fit = False
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.show_page()

    def fit_to_window(self) -> None:
        self.fit = True
        self.show_page()

    def show_page(self) -> None:
        if self.fit:
            self.zoom = self.fitting_zoom()
        width, height = self.natural_size()
        target_w, target_h = max(1, round(width * self.zoom)), max(1, round(height * self.zoom))
        image = self._render(target_w, target_h)
        if image is None:
            self.page.setText(_t("この原本は表示できません（画像を読み取れません）"))
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(image.width() / target_w)
            self.page.setPixmap(pixmap)
        self.page.resize(target_w, target_h)
        self.page_label.setText(_t("{page} / {pages} ページ").format(
            page=self.page_index + 1, pages=self.page_count))
        self.zoom_label.setText(f"{self.zoom * 100:.0f}%")
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < self.page_count - 1)
        self.zoom_in_button.setEnabled(self.zoom < MAX_ZOOM)
        self.zoom_out_button.setEnabled(self.zoom > MIN_ZOOM)
        self.fit_button.setEnabled(not self.fit)

    def _render(self, width: int, height: int) -> QImage | None:
        """The page at ``width`` × ``height`` device-independent pixels (sharper on a
        high-density screen), in memory."""
        ratio = self.devicePixelRatioF()
        scale = min(ratio, MAX_RENDER_PIXELS / max(width, height))
        if self.pdf is not None:
            page = self.pdf[self.page_index]
            page_width, _ = page.get_size()
            return render_page(page, width * scale / page_width)
        if self.image is None or self.image.isNull():
            return None
        return self.image.scaled(max(1, round(width * scale)), max(1, round(height * scale)),
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._refit.start()

    def _release(self) -> None:
        """Closed: the decrypted document leaves memory with the dialog."""
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
        self.image = None
