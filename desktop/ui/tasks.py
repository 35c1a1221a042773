"""The task runner: database work leaves the GUI thread on two lanes, and every result comes
back to the GUI thread (only the GUI thread touches widgets and models).

- The write lane is one thread: every command (services.commands) runs there, in the order
  given, then the batched view audits and the automatic backup. One writer, as SQLite has.
- The read lane is one thread: lists, search, a person's record, reports, previews. SQLite's
  WAL and PostgreSQL's MVCC let it read while the write lane writes, so opening a person
  never waits behind an import, and a read never takes the write lock.

A result whose ``key`` was submitted again since (a newer search, the same record reloaded)
is dropped, as is one whose ``owner`` widget is gone. An error goes to ``on_error``, or to
present_error (a refusal shown, anything else to the crash reporter). After a command, the
``changed`` signal carries its Changes so that each screen refreshes only what it shows.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import DomainError
from desktop.ui.errors import present_error

if TYPE_CHECKING:  # the runner is made before the services are loaded (app.Startup)
    from desktop.services import Services
    from desktop.services.commands import Command
    from desktop.services.context import Actor
    from desktop.ui.widgets import Form

log = logging.getLogger("tsunagi.ui")

R = TypeVar("R")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
# A view audit that could not be written (another writer held the lock) is tried again.
VIEW_RETRY_MS = 5_000


class Lane(Protocol):
    """Where jobs run: one worker thread (the real runner) or inline (tests' FakeRunner)."""

    def start(self, job: Callable[[], None]) -> None: ...

    def wait(self) -> None: ...


class _Runnable(QRunnable):
    def __init__(self, job: Callable[[], None]) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job()


class ThreadLane:
    """One worker thread: jobs run one at a time, in the order given."""

    def __init__(self, parent: QObject) -> None:
        self.pool = QThreadPool(parent)
        self.pool.setMaxThreadCount(1)

    def start(self, job: Callable[[], None]) -> None:
        self.pool.start(_Runnable(job))

    def wait(self) -> None:
        self.pool.waitForDone()


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None
    key: Hashable | None
    token: int
    owner: QObject | None


class TaskRunner(QObject):
    """Runs work off the GUI thread and delivers results on it (see the module's note).

    ``bind(services, actor)`` after sign-in gives ``run`` its services and actor, and the
    view audits their flushing."""

    _finished = Signal(object, object, object)  # job, result, error
    busy_changed = Signal(bool)
    changed = Signal(object)  # services.commands.Changes, after a command that changed any

    def __init__(self, on_unhandled: Failed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = self._lane("reads")
        self._writes = self._lane("writes")
        self._on_unhandled = on_unhandled
        self._pending = 0
        self._tokens = itertools.count(1)
        self._latest: dict[Hashable, int] = {}
        self.services: Services | None = None
        self.actor: Actor | None = None
        self._flush_queued = False
        self._view_retry = QTimer(self)
        self._view_retry.setSingleShot(True)
        self._view_retry.setInterval(VIEW_RETRY_MS)
        self._view_retry.timeout.connect(self._flush_views)
        self._finished.connect(self._deliver)

    def _lane(self, name: str) -> Lane:
        return ThreadLane(self)

    def bind(self, services: Services, actor: Actor | None = None) -> None:
        self.services, self.actor = services, actor

    # ---------------------------------------------------------------- submitting

    def read(self, fn: Callable[[], Any], on_done: Done | None = None,
             on_error: Failed | None = None, *, key: Hashable | None = None,
             owner: QObject | None = None) -> None:
        """``fn`` on the read lane. It must not write (a view audit is noted, not written)."""
        self._submit(self._reads, fn, on_done, on_error, key, owner)

    def write(self, fn: Callable[[], Any], on_done: Done | None = None,
              on_error: Failed | None = None, *, key: Hashable | None = None,
              owner: QObject | None = None) -> None:
        """``fn`` on the write lane: for writes that are not a service's use case (opening
        or creating a database at start-up, the view audits)."""
        self._submit(self._writes, fn, on_done, on_error, key, owner)

    def call(self, fn: Callable[[], R]) -> R:
        """``fn`` on the write lane, waited for with the GUI's event loop running (the
        window keeps painting): for the steps of start-up that must happen in order
        (opening or creating the database). Returns its result or raises its error."""
        outcome: list[tuple[Any, BaseException | None]] = []
        loop = QEventLoop()

        def finish(result: Any, error: BaseException | None) -> None:
            outcome.append((result, error))
            loop.quit()

        self.write(fn, lambda r: finish(r, None), lambda e: finish(None, e))
        if not outcome:
            loop.exec()
        result, error = outcome[0]
        if error is not None:
            raise error
        return cast(R, result)

    def run(self, command: Command[R], *, parent: QWidget | None = None,
            on_done: Callable[[R], None] | None = None,
            on_failed: Callable[[BaseException], bool | None] | None = None,
            form: Form | None = None, title: str = "") -> None:
        """A command on the write lane. On success ``on_done(result)``, then ``changed``
        with what it changed. On failure ``on_failed(exc)`` (to re-enable a button; it
        returns True when it has dealt with the error itself), then present_error: beside
        the field of ``form``, in a dialog titled ``title``, the busy message with a retry
        that runs the same command again, or the crash reporter."""
        # Unbound (before a database is open) only commands that need no services run.
        services, actor = cast("Services", self.services), self.actor

        def alive() -> bool:
            return parent is None or shiboken6.isValid(parent)

        def done(result: R) -> None:
            if on_done is not None and alive():
                on_done(result)
            # Announced even when the screen that asked is gone: the write happened.
            changes = command.changes(result)
            if changes:
                self.changed.emit(changes)

        def failed(exc: BaseException) -> None:
            if not alive():
                self.present(exc)
                return
            if on_failed is not None and on_failed(exc):
                return
            self.present(exc, parent=parent, form=form, title=title,
                         retry=lambda: self.run(command, parent=parent, on_done=on_done,
                                                on_failed=on_failed, form=form, title=title))

        self._submit(self._writes, lambda: command.run(services, actor), done, failed, None,
                     None)

    def _submit(self, lane: Lane, fn: Callable[[], Any], on_done: Done | None,
                on_error: Failed | None, key: Hashable | None, owner: QObject | None) -> None:
        token = next(self._tokens)
        if key is not None:
            self._latest[key] = token
        job = _Job(fn, on_done, on_error, key, token, owner)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def work() -> None:
            result, error = self._compute(fn)
            self._finished.emit(job, result, error)

        lane.start(work)

    def _compute(self, fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        """Run ``fn`` where the lane runs it (never on the GUI thread but in tests)."""
        try:
            return fn(), None
        except BaseException as exc:  # delivered to the GUI thread, never lost
            return None, exc

    # ---------------------------------------------------------------- delivering

    def _deliver(self, job: _Job, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        try:
            if job.key is not None and self._latest.get(job.key) != job.token:
                return  # superseded: a newer one with the same key is on its way
            if job.key is not None:
                del self._latest[job.key]
            if job.owner is not None and not shiboken6.isValid(job.owner):
                return  # the screen that asked has been closed
            if error is None:
                if job.on_done is not None:
                    job.on_done(result)
            elif job.on_error is not None:
                job.on_error(error)
            else:
                self.present(error)
        finally:
            self._flush_views()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def present(self, error: BaseException, *, parent: QWidget | None = None,
                form: Form | None = None, title: str = "",
                retry: Callable[[], None] | None = None) -> None:
        """present_error with this runner's crash reporter."""
        present_error(error, parent=parent, report=self._on_unhandled, form=form, title=title,
                      retry=retry)

    def report_unhandled(self, error: BaseException) -> None:
        """For callers that catch an error themselves but still want it reported."""
        self._on_unhandled(error)

    # ---------------------------------------------------------------- view audits

    def _flush_views(self) -> None:
        """Append the noted view audits on the write lane, never waiting for the lock: when
        another writer has it, they are tried again a little later."""
        if self.services is None or self._flush_queued or self._view_retry.isActive():
            return
        views = self.services.ctx.views
        if not views.pending:
            return
        self._flush_queued = True

        def flushed(remaining: int) -> None:
            self._flush_queued = False
            if remaining:
                self._view_retry.start()

        def failed(exc: BaseException) -> None:
            self._flush_queued = False
            self._view_retry.start()  # the notes stay queued
            if not isinstance(exc, DomainError):
                self.report_unhandled(exc)

        self.write(lambda: views.flush(wait=False), flushed, failed)

    # ---------------------------------------------------------------- shutting down

    def wait(self) -> None:
        """Block until both lanes are idle (shutdown only)."""
        self._reads.wait()
        self._writes.wait()

    def shutdown(self) -> None:
        """Let queued work finish, write the last view audits (waiting for the lock like
        any write), then stop."""
        self._view_retry.stop()
        views = self.services.ctx.views if self.services is not None else None
        if views is not None and views.pending:
            def last() -> None:
                _, error = self._compute(lambda: views.flush(wait=True))
                if isinstance(error, DomainError):  # busy to the end: logged, without data
                    log.warning("view audits not written at shutdown: %s",
                                type(error).__name__)
                elif error is not None:
                    log.error("view audits not written at shutdown: %s", type(error).__name__)

            self._writes.start(last)
        self.wait()
