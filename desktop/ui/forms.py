"""Dialogs for the workflow actions: each builds a form, calls one service use case, and shows
a refusal beside the field it concerns (the dialog stays open until the write succeeds)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services.errors import DomainError, InvalidInput
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Form, fit_to_screen, top_aligned

_t = translator("Forms")


class ActionDialog(QDialog):
    """``build(form)`` adds fields; ``submit(values)`` performs the use case (raising
    DomainError to refuse). Accepted only when ``submit`` returned. With a ``runner``,
    ``submit`` runs on the task runner's worker (it must then touch no widget) and the
    dialog waits with its OK button disabled."""

    def __init__(self, title: str, build: Callable[[Form], None],
                 submit: Callable[[dict[str, Any]], Any], intro: str = "",
                 ok_text: str = "", parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit_fn = submit
        self.runner = runner
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.form = Form()
        build(self.form)
        # Spare height goes below the last field, not between the fields.
        spare = QWidget()
        spare.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        self.form.layout_.addRow(spare)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(top_aligned(self.form))
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or _t("登録"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("キャンセル"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        # The buttons stay below the scrolled form: never off a small screen.
        fit_to_screen(self, 560, min(720, 140 + 58 * len(self.form.fields)))

    def try_submit(self) -> None:
        values = self.form.values()
        if values is None:
            return
        if self.runner is not None:
            self.ok_button.setEnabled(False)
            self.runner.submit(lambda: self.submit_fn(values), self._done, self._refused)
            return
        try:
            self.result_value = self.submit_fn(values)
        except DomainError as exc:
            self._refused(exc)
            return
        self.accept()

    def _done(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, InvalidInput):
            self.form.show_error(exc.field, exc.message)
        elif isinstance(exc, DomainError):
            self.form.show_error("", exc.message)
        elif self.runner is not None:
            self.runner.report_unhandled(exc)
        else:
            raise exc


def required(values: dict[str, Any], name: str, message: str) -> Any:
    value = values.get(name)
    if value in (None, ""):
        raise InvalidInput(name, message)
    return value
