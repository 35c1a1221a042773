"""UI fixtures: the main window on a real test database, tasks run inline, and modal
dialogs driven by the test instead of blocking."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.app import setup_application
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.conftest import World

Fill = Callable[[ActionDialog], None]


class DialogDriver:
    """Replaces ActionDialog.exec: the next queued ``fill`` types into the dialog and clicks
    its OK button, like a person would; exec returns whether the dialog was accepted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.queue: list[Fill] = []
        self.seen: list[ActionDialog] = []

    def then(self, fill: Fill) -> DialogDriver:
        self.queue.append(fill)
        return self

    def exec(self, dialog: ActionDialog) -> int:
        assert self.queue, f"unexpected dialog: {dialog.windowTitle()}"
        self.seen.append(dialog)
        self.queue.pop(0)(dialog)
        return int(dialog.result() == QDialog.DialogCode.Accepted)


def ok(dialog: ActionDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture(scope="session", autouse=True)
def _application_look(qapp: QApplication) -> None:
    setup_application(qapp)


@pytest.fixture
def driver(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    d = DialogDriver(qtbot)
    monkeypatch.setattr(ActionDialog, "exec", lambda dialog: d.exec(dialog))
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    return d


@pytest.fixture
def window(qtbot: QtBot, world: World, driver: DialogDriver) -> Iterator[MainWindow]:
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append, inline=True)
    w = MainWindow(world.services, world.cw_a, runner)
    qtbot.addWidget(w)
    w.show()
    yield w
    assert errors == [], errors
