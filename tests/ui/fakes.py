"""Test doubles for the desktop (as Picard keeps its FakeThreadPool under test/, not as a
flag in the shipped runner).

FakeRunner is the real TaskRunner with its lanes replaced: each job runs at once on the
calling thread and its result is delivered before ``read``/``run`` returns, so a test can
click and then look. The job itself (and only the job, not the callbacks that deliver its
result to widgets) runs marked as runner work, which is what lets the GUI-thread guard tell
it from a screen touching the database."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.ui.tasks import Lane, TaskRunner

_state = threading.local()


def in_runner_job() -> bool:
    return getattr(_state, "depth", 0) > 0


@contextmanager
def runner_job() -> Iterator[None]:
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1


class InlineLane:
    def start(self, job: Callable[[], None]) -> None:
        job()

    def wait(self) -> None:
        pass


class FakeRunner(TaskRunner):
    def _lane(self, name: str) -> Lane:
        return InlineLane()

    def _compute(self, fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        with runner_job():
            return super()._compute(fn)
