"""UI fixtures: the main window on a real test database, tasks run inline, and modal
dialogs driven by the test instead of blocking.

Every UI test runs on an office laptop's screen: Qt's offscreen platform is given one screen
of 1024×700 (TSUNAGI_TEST_SCREEN=125 gives 1366×768 at 125 % scaling, less a 48-pixel task
bar: 1093×576 in Qt's units), so that a window too large for it is caught (test_fit.py)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

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
SCREENS = {
    "100": {"width": 1024, "height": 700, "logicalDpi": 96},
    "125": {"width": 1366, "height": 768 - 48, "logicalDpi": 120},
}


def _office_screen() -> None:
    """Before the QApplication exists (conftest files are read before any test runs)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return  # a real display, or a screen chosen by the caller
    screen = {"name": "office", "x": 0, "y": 0, "logicalBaseDpi": 96, "dpr": 1,
              **SCREENS[os.environ.get("TSUNAGI_TEST_SCREEN", "100")]}
    path = Path(tempfile.mkdtemp(prefix="tsunagi-screen-")) / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


_office_screen()


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
    # TSUNAGI_TEST_TEXT_SCALE=150: the whole suite with the largest text size.
    setup_application(qapp, text_scale=int(os.environ.get("TSUNAGI_TEST_TEXT_SCALE", "100")))


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
