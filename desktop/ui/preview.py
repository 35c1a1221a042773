"""Print preview rendered in the application (pypdfium2), printing through the system dialog,
and saving the PDF where the caseworker chooses. Nothing is written to a temporary file: the
PDF holds personal data."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import platformdirs
import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.files import write_whole
from desktop.i18n import N_, translator
from desktop.services.printing import PrintedDocument
from desktop.ui.widgets import fit_to_screen

_t = translator("Preview")


def render_page(page: pypdfium2.PdfPage, scale: float) -> QImage:
    """One PDF page as an image, in memory (``scale``: pixels per point)."""
    pil = page.render(scale=scale).to_pil().convert("RGB")
    data = pil.tobytes("raw", "RGB")
    image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels before ``data`` goes away


def render_pages(pdf: bytes, scale: float) -> list[QImage]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [render_page(document[index], scale) for index in range(len(document))]
    finally:
        document.close()


class SaveFolder:
    """Where the save questions open: the folder last saved to while the app runs, else
    the person's Documents folder (platformdirs), else their home folder. Qt, given a bare
    file name, opened in the program's working directory (the installation folder)."""

    last: Path | None = None

    @classmethod
    def start(cls) -> Path:
        if cls.last is not None and cls.last.is_dir():
            return cls.last
        documents = Path(platformdirs.user_documents_dir())
        return documents if documents.is_dir() else Path.home()

    @classmethod
    def used(cls, folder: str | Path) -> None:
        if str(folder):
            cls.last = Path(folder)


def choose_folder(parent: QWidget | None) -> str:
    folder = QFileDialog.getExistingDirectory(parent, _t("保存先のフォルダ"),
                                              str(SaveFolder.start()))
    if folder:
        SaveFolder.used(folder)
    return folder


def choose_save_path(parent: QWidget | None, suggested: str, title: str = "",
                     filters: str = "PDF (*.pdf)") -> str:
    """The file-save question, in one place so tests can answer it. ``suggested``: a file
    name, offered in SaveFolder's folder."""
    start = Path(suggested) if Path(suggested).is_absolute() else SaveFolder.start() / suggested
    path, _ = QFileDialog.getSaveFileName(parent, title or _t("PDFを保存"), str(start),
                                          filters)
    if path:
        SaveFolder.used(Path(path).parent)
    return path


def choose_open_paths(parent: QWidget | None, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(paths)


def choose_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """The file-open question, in one place so tests can answer it."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


class PreviewDialog(QDialog):
    TITLES: ClassVar[dict[str, str]] = {
        "referral": N_("支援要請書"), "consent": N_("同意書"), "plan": N_("就労支援プラン"),
        "followup": N_("支援状況連絡票"), "packet": N_("支援要請書類一式"),
        "withdrawal_notice": N_("支援終了・同意撤回の連絡"), "withdrawal_form": N_("同意撤回届"),
        "consent_blank": N_("同意書"), "withdrawal_form_blank": N_("同意撤回届")}

    def __init__(self, document: PrintedDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(_t("印刷プレビュー — {title}").format(
            title=_t(self.TITLES.get(document.kind, ""))))
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.page_labels: list[QLabel] = []
        for image in render_pages(document.pdf, 1.25):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setObjectName("previewPage")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll.setWidget(pages)
        layout.addWidget(scroll)
        row = QHBoxLayout()
        info = QLabel(_t("{n} ページ　SHA-256 {h}…").format(n=len(self.page_labels),
                                                         h=document.sha256[:12]))
        row.addWidget(info, 1)
        save = QPushButton(_t("PDFを保存…"))
        save.clicked.connect(self.save)
        send = QPushButton(_t("印刷…"))
        send.setObjectName("primary")
        send.clicked.connect(self.print_pages)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        for button in (save, send, close):
            row.addWidget(button)
        layout.addLayout(row)
        fit_to_screen(self, 900, 1000)

    def save(self) -> Path | None:
        path = choose_save_path(self, self.document.filename)
        if not path:
            return None
        return write_whole(Path(path), self.document.pdf)

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.filename)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            dpi = printer.resolution()
            for index, image in enumerate(render_pages(self.document.pdf, dpi / 72)):
                if index:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
