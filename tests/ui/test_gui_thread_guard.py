"""The guard that runs over every UI test (conftest.gui_thread_guard) does see a screen
that opens a transaction on the GUI thread, and lets the same work through on the runner."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from desktop.models import Person
from tests.conftest import World
from tests.ui.conftest import GuiThreadGuard
from tests.ui.fakes import FakeRunner


def _screen_function(world: World) -> Any:
    """A function whose module is a screen's (desktop.ui.*), counting persons itself."""
    source = ("def count():\n"
              "    with world.services.ctx.db.read() as s:\n"
              "        return s.scalar(select(func.count()).select_from(Person))\n")
    namespace: dict[str, Any] = {"__name__": "desktop.ui.probe", "world": world,
                                 "select": select, "func": func, "Person": Person}
    exec(compile(source, "desktop/ui/probe.py", "exec"), namespace)
    return namespace["count"]


def test_a_screen_reading_on_the_gui_thread_is_caught(
        world: World, gui_thread_guard: GuiThreadGuard) -> None:
    count = _screen_function(world)
    world.person()  # test code on the GUI thread: allowed
    assert gui_thread_guard.violations == []
    assert count() == 1
    caught = list(gui_thread_guard.violations)
    gui_thread_guard.violations.clear()  # this test's own violation is the expected one
    assert len(caught) == 1 and "desktop/ui/probe.py" in caught[0]


def test_the_same_read_on_the_runner_passes(world: World,
                                            gui_thread_guard: GuiThreadGuard) -> None:
    count = _screen_function(world)
    errors: list[BaseException] = []
    got: list[int] = []
    FakeRunner(errors.append).read(count, got.append)
    assert got == [0] and errors == []
    assert gui_thread_guard.violations == [] and gui_thread_guard.checked > 0
