"""Modal questions and messages in one place, so tests can replace them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                parent).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                parent).exec()
