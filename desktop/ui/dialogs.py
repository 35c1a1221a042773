"""Modal questions and messages in one place, so tests can replace them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.ui.widgets import fit_to_screen


def ask_confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_retry(parent: QWidget | None, title: str, text: str) -> bool:
    """The database is busy: try the same thing again now, or leave it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("busyMessage")
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box.exec() == QMessageBox.StandardButton.Retry


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                parent).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                parent).exec()


_t = translator("Dialogs")


class StaleRecordDialog(QDialog):
    """Someone else saved the record after this screen read it, and changed some of the
    fields this person changed too: both values side by side; the person decides which to
    keep (the fields only one side changed are merged without asking)."""

    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("他の利用者が先に保存しました"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(_t("この画面を開いた後に、他の利用者がこの記録を保存しました。"
                          "次の項目は両方で変更されています。どちらを残すか選んでください"
                          "（片方だけが変更した項目は、そのまま合わせて保存します）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(len(rows), 3)
        table.setObjectName("staleDiff")
        table.setHorizontalHeaderLabels([_t("項目"), _t("あなたの入力"), _t("保存されている内容")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table)
        buttons = QDialogButtonBox()
        for key, text in (("mine", _t("自分の入力を残す")),
                          ("theirs", _t("保存されている内容を残す"))):
            button = QPushButton(text)
            button.setObjectName(f"stale_{key}")
            button.clicked.connect(lambda _=False, k=key: self._pick(k))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_t("あとで決める（入力は残ります）"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 160 + 30 * len(rows))

    def _pick(self, key: str) -> None:
        self.choice = key
        self.accept()


def resolve_stale(parent: QWidget | None, rows: Sequence[tuple[str, str, str]]) -> str | None:
    """'mine', 'theirs', or None (go on editing)."""
    dialog = StaleRecordDialog(rows, parent)
    dialog.exec()
    return dialog.choice
