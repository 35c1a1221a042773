"""The real task runner, with its worker threads (every other UI test uses the FakeRunner):
results come back on the GUI thread, superseded ones are dropped, errors are delivered,
the busy state follows the work, reads do not queue behind writes, and a write that meets
another process's long transaction shows the busy message with a retry, never the crash
dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.models import db as dbmodule
from desktop.services import Services
from desktop.services.commands import Changes, Command, UpdatePerson
from desktop.services.context import Actor
from desktop.services.errors import DomainError, InvalidInput
from desktop.ui import dialogs
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.conftest import World
from tests.services.test_busy import write_lock_held_elsewhere

TIMEOUT = 10_000


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[tuple[TaskRunner, list[BaseException]]]:
    crashes: list[BaseException] = []
    r = TaskRunner(crashes.append)
    yield r, crashes
    r.wait()


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_results_come_back_on_the_gui_thread_and_work_runs_off_it(
        qtbot: QtBot, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, crashes = runner
    ran_on: list[bool] = []
    got: list[tuple[int, bool]] = []
    r.read(lambda: ran_on.append(on_gui_thread()) or 41 + 1,
           lambda value: got.append((value, on_gui_thread())))
    qtbot.waitUntil(lambda: got != [], timeout=TIMEOUT)
    assert ran_on == [False] and got == [(42, True)] and crashes == []


def test_a_superseded_result_is_dropped(
        qtbot: QtBot, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, _ = runner
    release = threading.Event()
    shown: list[str] = []
    # "や" is still being searched when "やま" is typed: only the answer to "やま" is shown.
    r.read(lambda: release.wait(TIMEOUT / 1000) and "や", shown.append, key="search")
    r.read(lambda: "やま", shown.append, key="search")
    done: list[int] = []
    r.read(lambda: 1, done.append)  # after both, on the same lane
    release.set()
    qtbot.waitUntil(lambda: done == [1], timeout=TIMEOUT)
    assert shown == ["やま"]


def test_a_result_for_a_closed_screen_is_dropped(
        qtbot: QtBot, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, crashes = runner
    release = threading.Event()
    screen = QWidget()
    shown: list[Any] = []
    r.read(lambda: release.wait(TIMEOUT / 1000), shown.append, owner=screen)
    shiboken6.delete(screen)  # the tab was closed while its record was loading
    release.set()
    r.wait()
    qtbot.waitUntil(lambda: not r.busy, timeout=TIMEOUT)
    assert shown == [] and crashes == []


def test_errors_are_delivered_refusals_to_the_caller_the_unexpected_to_the_reporter(
        qtbot: QtBot, runner: tuple[TaskRunner, list[BaseException]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    r, crashes = runner
    caught: list[tuple[str, bool]] = []

    def refuse() -> None:
        raise InvalidInput("on", "日付が正しくありません")

    def bug() -> None:
        raise KeyError("no such thing")

    r.read(refuse, None, lambda exc: caught.append((str(exc), on_gui_thread())))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: shown.append(text))
    r.read(refuse)  # no handler: present_error shows the refusal
    r.read(bug)  # no handler, not a refusal: the crash reporter
    qtbot.waitUntil(lambda: len(crashes) == 1, timeout=TIMEOUT)
    assert caught == [("日付が正しくありません", True)]
    assert shown == ["日付が正しくありません"]
    assert isinstance(crashes[0], KeyError)


def test_the_busy_state_follows_the_work(
        qtbot: QtBot, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, _ = runner
    states: list[bool] = []
    r.busy_changed.connect(states.append)
    release = threading.Event()
    with qtbot.waitSignal(r.busy_changed, timeout=TIMEOUT):
        r.read(lambda: release.wait(TIMEOUT / 1000))
        r.read(lambda: None)
    assert r.busy and states == [True]
    with qtbot.waitSignal(r.busy_changed, timeout=TIMEOUT) as idle:
        release.set()
    assert idle.args == [False] and not r.busy and states == [True, False]


@dataclass(frozen=True)
class HoldTheWriteLane(Command[str]):
    """A long write of our own: holds the write lane until released."""

    release: threading.Event

    def run(self, services: Services, actor: Actor | None) -> str:
        with services.ctx.db.write():
            self.release.wait(TIMEOUT / 1000)
        return "done"


def test_a_command_runs_on_the_write_lane_and_announces_what_it_changed(
        qtbot: QtBot, world: World, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, crashes = runner
    r.bind(world.services, world.cw_a)
    person = world.person()
    record = world.services.persons.get_person(world.cw_a, person)
    saved: list[Any] = []
    with qtbot.waitSignal(r.changed, timeout=TIMEOUT) as changed:
        r.run(UpdatePerson(person, record.version, _with(record, address="東京都新宿区1-1")),
              on_done=saved.append)
    assert saved[0].address == "東京都新宿区1-1"
    assert isinstance(changed.args[0], Changes) and changed.args[0].persons == {person}
    assert crashes == []


def test_reading_does_not_queue_behind_a_long_write(
        qtbot: QtBot, world: World, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, crashes = runner
    r.bind(world.services, world.cw_a)
    person = world.person(family_name="長谷川")
    release = threading.Event()
    finished: list[str] = []
    r.run(HoldTheWriteLane(release), on_done=finished.append)
    read: list[str] = []
    r.read(lambda: world.services.persons.get_person(world.cw_a, person).family_name,
           read.append)
    qtbot.waitUntil(lambda: read == ["長谷川"], timeout=TIMEOUT)
    assert finished == []  # the write is still holding its transaction
    release.set()
    qtbot.waitUntil(lambda: finished == ["done"], timeout=TIMEOUT)
    # The view audit noted by the read was written after the long write, by the write lane.
    qtbot.waitUntil(lambda: world.services.ctx.views.pending == 0, timeout=TIMEOUT)
    assert crashes == []


def test_a_command_whose_screen_closed_still_announces_what_it_changed(
        qtbot: QtBot, world: World, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    """The tab that saved was closed while the write ran: the write happened, so the other
    screens still hear of it; nothing is delivered to the closed one."""
    r, crashes = runner
    r.bind(world.services, world.cw_a)
    person = world.person()
    record = world.services.persons.get_person(world.cw_a, person)
    screen = QWidget()
    release = threading.Event()
    r.run(HoldTheWriteLane(release), parent=screen)  # the lane is busy meanwhile
    delivered: list[Any] = []
    r.run(UpdatePerson(person, record.version, _with(record, address="東京都中野区1-1")),
          parent=screen, on_done=delivered.append)
    shiboken6.delete(screen)
    with qtbot.waitSignal(r.changed, timeout=TIMEOUT,
                          check_params_cb=lambda c: person in c.persons) as changed:
        release.set()
    assert changed.args[0].persons == {person} and delivered == [] and crashes == []


def _with(record: Any, **changes: Any) -> Any:
    from desktop.services.persons import INPUT_FIELDS, PersonInput

    return PersonInput(**{**{n: getattr(record, n) for n in INPUT_FIELDS}, **changes})


@pytest.fixture
def real_window(qtbot: QtBot, world: World) -> Iterator[tuple[MainWindow, list[BaseException]]]:
    crashes: list[BaseException] = []
    world.services.ctx.views.eager = False
    w = MainWindow(world.services, world.cw_a, TaskRunner(crashes.append))
    qtbot.addWidget(w)
    w.show()
    yield w, crashes
    w.runner.shutdown()


def test_a_save_behind_another_process_long_transaction_shows_busy_then_retries(
        qtbot: QtBot, world: World, real_window: tuple[MainWindow, list[BaseException]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another PC's import holds the write lock longer than the busy timeout (10 s in the
    product; cut here so the test does not wait it out): the save is refused with the busy
    message and 再試行, nothing is saved, no crash dialog; 再試行 once the import is over
    saves it."""
    window, crashes = real_window
    person = world.person(address="")
    view = window.open_person(person)
    qtbot.waitUntil(lambda: view.person is not None, timeout=TIMEOUT)
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 200)
    world.services.ctx.db.engine.dispose()  # new connections get the short timeout
    asked: list[str] = []
    lock = write_lock_held_elsewhere(world.services.ctx.db)

    def retry_after_the_import(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        lock.__exit__(None, None, None)  # the import is over
        return True

    monkeypatch.setattr(dialogs, "ask_retry", retry_after_the_import)
    view.profile.fields["address"].setText("東京都豊島区池袋1-1")  # type: ignore[attr-defined]
    lock.__enter__()
    view.save_profile()
    qtbot.waitUntil(lambda: view.save_state.text() == "保存しました", timeout=TIMEOUT)
    assert len(asked) == 1 and "他の処理がデータベースを使用中です" in asked[0]
    assert world.services.persons.get_person(world.cw_a, person).address == "東京都豊島区池袋1-1"
    assert crashes == []


def test_an_unexpected_error_in_a_command_goes_to_the_crash_reporter(
        qtbot: QtBot, world: World, runner: tuple[TaskRunner, list[BaseException]]) -> None:
    r, crashes = runner
    r.bind(world.services, world.cw_a)

    @dataclass(frozen=True)
    class Broken(Command[None]):
        def run(self, services: Services, actor: Actor | None) -> None:
            raise ZeroDivisionError

    refused: list[BaseException] = []
    r.run(Broken(), on_failed=lambda exc: refused.append(exc) and False)
    qtbot.waitUntil(lambda: len(crashes) == 1, timeout=TIMEOUT)
    assert isinstance(crashes[0], ZeroDivisionError) and len(refused) == 1
    assert not isinstance(crashes[0], DomainError)
