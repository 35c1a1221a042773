"""A signed-out person's window goes from memory with everything it showed: the records in
its models, its services and its database engine. Qt holds a signal's Python slot strongly;
a lambda that refers to the window, connected to a signal of an object the window owns in
Python, made a cycle the garbage collector cannot see, and every window ever opened (with
the last person's records) lived until the program ended."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.services.helpers import to_state
from tests.ui.conftest import fake_runner


def _gone_after_deletion(window: MainWindow) -> weakref.ref[MainWindow]:
    ref = weakref.ref(window)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return ref


def test_a_closed_window_and_the_records_it_showed_are_freed(qtbot: QtBot, world: World) -> None:
    person = world.person()
    to_state(world, person, "retention")
    errors: list[BaseException] = []
    window = MainWindow(world.services, world.cw_a, fake_runner(world, errors))
    window.show()
    view = window.open_person(person)
    for index in range(view.tabs.count()):  # every tab built and shown once
        view.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(0)
    qtbot.wait(10)
    view_ref = weakref.ref(view)
    del view
    ref = _gone_after_deletion(window)
    del window
    gc.collect()
    assert errors == []
    assert view_ref() is None, gc.get_referrers(view_ref())
    assert ref() is None, [type(r) for r in gc.get_referrers(ref())]
