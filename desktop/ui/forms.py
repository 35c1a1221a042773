"""Dialogs for the workflow actions: each builds a form and runs one command on the write
runner, and shows a refusal beside the field it concerns (the dialog stays open until the
write succeeds)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
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
from desktop.services.errors import DomainError, InvalidInput, NeedsConfirmation
from desktop.ui import dialogs
from desktop.ui.widgets import Form, fit_to_screen, top_aligned

if TYPE_CHECKING:
    from desktop.services.commands import Command
    from desktop.ui.tasks import TaskRunner

_t = translator("Forms")


class ActionDialog(QDialog):
    """``build(form)`` adds fields; ``submit(values)`` checks them (raising DomainError to
    refuse) and returns the dialog's result. Accepted only when ``submit`` returned. For
    what needs no database (a passphrase, a choice); a dialog that writes is a
    CommandDialog."""

    def __init__(self, title: str, build: Callable[[Form], None],
                 submit: Callable[[dict[str, Any]], Any], intro: str = "",
                 ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit_fn = submit
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

    def showEvent(self, event: QShowEvent) -> None:
        """The first field takes the focus when the dialog opens: it opened with none to
        be seen (the new-office trial of 12-02)."""
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is None or not self.form.isAncestorOf(focus):
            self.form.focus_first()

    def try_submit(self) -> None:
        values = self.form.values()
        if values is None:
            return
        try:
            self.result_value = self.submit_fn(values)
        except InvalidInput as exc:
            self.form.show_refusal(exc)
            return
        except DomainError as exc:
            self.form.show_error("", exc.message)
            return
        self.accept()


def required(values: dict[str, Any], name: str, message: str) -> Any:
    value = values.get(name)
    if value in (None, ""):
        raise InvalidInput(name, message)
    return value


class CommandDialog(ActionDialog):
    """An ActionDialog whose ``submit(values)`` returns a command: it runs on the write
    runner (OK disabled meanwhile), and the dialog closes when it has succeeded; a refusal
    is shown beside its field and the dialog stays open.

    A command refused with NeedsConfirmation (allowed, but unusual) asks the question; yes
    runs ``confirmed(command)``, no shows the question beside ``question_field``."""

    def __init__(self, runner: TaskRunner, title: str, build: Callable[[Form], None],
                 submit: Callable[[dict[str, Any]], Command[Any]], intro: str = "",
                 ok_text: str = "", parent: QWidget | None = None,
                 confirmed: Callable[[Any], Command[Any]] | None = None,
                 question_field: str = "") -> None:
        super().__init__(title, build, submit, intro, ok_text, parent)
        self.runner = runner
        self.running = False
        self.confirmed = confirmed
        self.question_field = question_field

    def try_submit(self) -> None:
        if self.running:
            return
        values = self.form.values()
        if values is None:
            return
        try:
            command = self.submit_fn(values)
        except InvalidInput as exc:  # the form's own checks (a required date)
            self.form.show_refusal(exc)
            return
        except DomainError as exc:
            self.form.show_error("", exc.message)
            return
        self._run(command)

    def _run(self, command: Command[Any]) -> None:
        self._set_running(True)
        self.runner.run(command, parent=self, form=self.form, on_done=self._succeeded,
                        on_failed=lambda error: self._failed(error, command))

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.ok_button.setEnabled(not running)

    def _failed(self, error: BaseException, command: Command[Any] | None = None) -> bool:
        """True when dealt with here; otherwise present_error shows it beside its field."""
        self._set_running(False)
        if (isinstance(error, NeedsConfirmation) and self.confirmed is not None
                and command is not None):
            if dialogs.ask_confirm(self, self.windowTitle(), error.message):
                self._run(self.confirmed(command))
            else:
                self.form.show_error(self.question_field, error.message)
            return True
        return False

    def _succeeded(self, result: Any) -> None:
        self._set_running(False)
        self.result_value = result
        self.accept()

    def reject(self) -> None:
        if not self.running:  # a command under way finishes first: it cannot be taken back
            super().reject()
