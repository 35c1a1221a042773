"""View audits kept off the read's path: a read notes who saw what, and the notes are
appended to the audit chain by a small write of their own.

Reading never takes the write lock (in office mode, never the server's advisory lock), so
opening a record does not wait behind another PC's import. The rows keep the time of the
view, not of the write. ``eager`` (the command line, the services on their own) writes the
notes right after the read when the lock is free; the desktop defers them and its write
runner flushes them in batches. A flush that would have to wait leaves the notes queued for
the next one; ``flush(wait=True)`` at shutdown waits like any write.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.errors import DatabaseBusy
from desktop.services import audit

if TYPE_CHECKING:
    from desktop.services.context import Actor, ServiceContext


@dataclass(frozen=True)
class ViewNote:
    at: datetime
    actor: Actor | None
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]


class ViewLog:
    def __init__(self, ctx: ServiceContext, eager: bool = True) -> None:
        self.ctx = ctx
        self.eager = eager
        self._queue: list[ViewNote] = []
        self._queue_lock = threading.Lock()
        self._flush_lock = threading.Lock()

    def note(self, actor: Actor | None, action: str, entity: str = "", entity_id: object = "",
             **detail: Any) -> None:
        """Record that ``actor`` saw something; thread-safe, never touches the database
        unless eager (and then only when the write lock is free)."""
        with self._queue_lock:
            self._queue.append(ViewNote(self.ctx.now(), actor, action, entity,
                                        str(entity_id or ""), detail))
        if self.eager:
            self.flush(wait=False)

    @property
    def pending(self) -> int:
        with self._queue_lock:
            return len(self._queue)

    def flush(self, wait: bool = False) -> int:
        """Append every queued note in one transaction. Returns how many are still queued:
        0, or all of them when ``wait`` is False and another writer holds the lock (or when
        the write failed, which raises)."""
        with self._flush_lock:
            with self._queue_lock:
                notes = list(self._queue)
            if not notes:
                return 0
            try:
                with self.ctx.db.write(wait=wait) as s:
                    for n in notes:
                        audit.append_at(s, self.ctx, n.at, n.actor, n.action, n.entity,
                                        n.entity_id, n.detail)
            except DatabaseBusy:
                if wait:
                    raise
                return len(notes)
            with self._queue_lock:
                del self._queue[:len(notes)]
                return len(self._queue)
