"""Cycles are collected on the GUI thread only: a worker thread that allocates a great deal
never runs the collector (which could destroy a Qt object off its thread), and the timer on
the GUI thread collects what the worker left."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.collector import GuiThreadCollector, due_generation


@pytest.fixture
def collections_by_thread() -> Iterator[list[int]]:
    threads: list[int] = []

    def seen(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(seen)
    yield threads
    gc.callbacks.remove(seen)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _make_garbage(count: int) -> None:
    for _ in range(count):
        _Cycle()


def test_a_worker_that_allocates_never_collects_and_the_gui_thread_does(
        qtbot: QtBot, collections_by_thread: list[int]) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        worker = threading.Thread(target=_make_garbage, args=(50 * gc.get_threshold()[0],))
        worker.start()
        worker.join()
        assert collections_by_thread == []  # automatic collection is off
        qtbot.waitUntil(lambda: collector.collections > 0, timeout=2000)
        assert set(collections_by_thread) == {threading.get_ident()}
    finally:
        collector.stop()
    assert gc.isenabled()


def test_a_qt_object_in_a_cycle_made_on_a_worker_is_destroyed_on_the_gui_thread(
        qtbot: QtBot, collections_by_thread: list[int]) -> None:
    destroyed_on: list[int] = []
    collector = GuiThreadCollector(interval_ms=10)
    collector.start()
    try:
        widget = QWidget()
        widget.cycle = widget  # type: ignore[attr-defined]
        widget.destroyed.connect(lambda: destroyed_on.append(threading.get_ident()))
        del widget
        worker = threading.Thread(target=_make_garbage, args=(50 * gc.get_threshold()[0],))
        worker.start()
        worker.join()
        assert destroyed_on == []
        qtbot.waitUntil(lambda: destroyed_on != [], timeout=2000)
        assert destroyed_on == [threading.get_ident()]
    finally:
        collector.stop()


@pytest.mark.parametrize(("counts", "expected"), [
    ((10, 0, 0), None),        # the youngest generation is not due
    ((701, 0, 0), 0),
    ((701, 11, 0), 1),         # enough young collections: the middle one too
    ((701, 11, 11), 2),        # and the oldest
    ((701, 3, 11), 2),         # CPython looks from the oldest down
    ((10, 11, 11), None),      # nothing happens before the youngest is due
])
def test_the_generation_due_follows_cpython_s_rule(
        counts: tuple[int, int, int], expected: int | None) -> None:
    assert due_generation(counts, (700, 10, 10)) == expected


def test_collection_turned_off_by_a_zero_threshold_stays_off() -> None:
    assert due_generation((10_000, 100, 100), (0, 10, 10)) is None
