"""UI fixtures: the main window on a real test database, tasks run by the FakeRunner, modal
dialogs driven by the test instead of blocking, and the guard that fails any UI test in
which the GUI thread touched the database.

Every UI test runs on an office laptop's screen: Qt's offscreen platform is given one screen
of 1024×700 (TSUNAGI_TEST_SCREEN=125 gives 1366×768 at 125 % scaling, less a 48-pixel task
bar: 1093×576 in Qt's units), so that a window too large for it is caught (test_fit.py)."""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.pool import Pool

from desktop.app import setup_application
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.ui.fakes import FakeRunner, in_runner_job

Fill = Callable[[ActionDialog], None]
SCREEN_MODULES = ("desktop.ui.", "desktop.app")
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


def _screen_code_on_stack() -> bool:
    frame: Any = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__", "").startswith(SCREEN_MODULES):
            return True
        frame = frame.f_back
    return False


class GuiThreadGuard:
    """Every database connection is checked out of a pool (sessions, Core connections, raw
    driver connections alike). One checked out on the GUI thread, by screen code, outside a
    runner job, is a screen touching the database: recorded with where it happened."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.checked = 0

    def checkout(self, _dbapi: Any, _record: Any, _proxy: Any) -> None:
        self.checked += 1
        if (threading.current_thread() is threading.main_thread() and not in_runner_job()
                and _screen_code_on_stack()):
            self.violations.append("".join(traceback.format_stack(limit=25)[:-2]))


def _dispose_of_closed_widgets() -> None:
    """The widgets pytest-qt closed and scheduled for deletion (deleteLater) deleted now,
    then the cycles they leave collected: left to a later event loop, a whole test file's
    windows lived on, and every style sheet or language change re-polished thousands of them
    (test_english's set-up took 40 s of a loaded run). One full collection a test: with
    four, the UI suite spent half its time in the collector."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """What a test leaves in reference cycles (widgets, dialogs, windows) is collected here,
    on the GUI thread. Left to Python's automatic collection, it may be collected by a
    runner's worker thread that happens to allocate, and a Qt object destroyed off its
    thread crashes the process (seen once: a segmentation fault inside a worker's query).
    pytest-qt has closed the test's widgets (its teardown hook runs before the fixtures')
    by the time this fixture is torn down."""
    yield
    _dispose_of_closed_widgets()


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[GuiThreadGuard]:
    """Over the whole UI suite: the GUI thread never opens a database transaction."""
    guard = GuiThreadGuard()
    event.listen(Pool, "checkout", guard.checkout)
    try:
        yield guard
    finally:
        event.remove(Pool, "checkout", guard.checkout)
    assert not guard.violations, (
        "the GUI thread touched the database (use the runner):\n" + guard.violations[0])


@pytest.fixture
def driver(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    d = DialogDriver(qtbot)
    monkeypatch.setattr(ActionDialog, "exec", lambda dialog: d.exec(dialog))
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    return d


def fake_runner(world: World, errors: list[BaseException]) -> FakeRunner:
    """As the desktop runs: view audits wait for the runner to write them."""
    world.services.ctx.views.eager = False
    return FakeRunner(errors.append)


@pytest.fixture
def window(qtbot: QtBot, world: World, driver: DialogDriver) -> Iterator[MainWindow]:
    errors: list[BaseException] = []
    w = MainWindow(world.services, world.cw_a, fake_runner(world, errors))
    qtbot.addWidget(w)
    w.show()
    yield w
    assert errors == [], errors
