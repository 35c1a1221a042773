"""One small task runner: service calls leave the GUI thread, one at a time, and their
results come back on the GUI thread (only the GUI thread touches widgets and models)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("tsunagi.ui")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], report: Callable[[Any, BaseException | None], None]):
        super().__init__()
        self.fn, self.report = fn, report

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.report(None, exc)
        else:
            self.report(result, None)


class TaskRunner(QObject):
    """Runs ``fn`` on a worker thread (serially: SQLite has one writer, and ordering keeps
    the UI predictable), then calls ``on_done(result)`` or ``on_error(exc)`` on the GUI
    thread. ``inline=True`` runs tasks immediately, for tests."""

    _finished = Signal(object, object, object)
    busy_changed = Signal(bool)

    def __init__(self, on_unhandled: Failed, parent: QObject | None = None,
                 inline: bool = False) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._inline = inline
        self._pending = 0
        self._on_unhandled = on_unhandled
        self._finished.connect(self._deliver)

    def submit(self, fn: Callable[[], Any], on_done: Done | None = None,
               on_error: Failed | None = None) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        callbacks = (on_done, on_error)
        if self._inline:
            try:
                result = fn()
            except Exception as exc:
                self._deliver(callbacks, None, exc)
            else:
                self._deliver(callbacks, result, None)
            return
        self._pool.start(_Job(fn, lambda r, e: self._finished.emit(callbacks, r, e)))

    def _deliver(self, callbacks: tuple[Done | None, Failed | None], result: Any,
                 error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        on_done, on_error = callbacks
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            self._on_unhandled(error)

    @property
    def inline(self) -> bool:
        return self._inline

    def report_unhandled(self, error: BaseException) -> None:
        """For callers that catch an error themselves but still want it reported."""
        self._on_unhandled(error)

    def wait(self) -> None:
        """Block until queued work is done (shutdown only)."""
        self._pool.waitForDone()
