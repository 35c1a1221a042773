"""監査ログ: append-only rows chained by hash, so that any edit or deletion is detectable.

Rows name who did what to which record; they hold ids and codes, never free text or names,
so the log itself carries no more personal data than needed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.models import AuditEntry
from desktop.services.context import Actor, ServiceContext

_t = translator("Audit")
GENESIS = "0" * 64


def _timestamp(dt: datetime) -> str:
    """UTC, microseconds, no zone suffix: SQLite returns naive datetimes, PostgreSQL aware."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.isoformat(timespec="microseconds")


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def row_hash(
    seq: int, at: datetime, user_id: uuid.UUID | None, username: str, action: str,
    entity: str, entity_id: str, detail: str, origin: str, prev_hash: str,
) -> str:
    body = json.dumps(
        [seq, _timestamp(at), str(user_id) if user_id else "", username, action, entity,
         entity_id, detail, origin, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _entry_hash(e: AuditEntry) -> str:
    return row_hash(e.seq, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id,
                    e.detail, e.origin, e.prev_hash)


def append(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    entity: str = "",
    entity_id: object = "",
    **detail: Any,
) -> AuditEntry:
    """Add one row in the caller's transaction (a write transaction holds the database's
    write lock from its start on SQLite, so the chain cannot fork)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = ctx.now().astimezone(UTC)
    entry = AuditEntry(
        id=uuid.uuid4(), seq=seq, at=at,
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "",
        action=action, entity=entity, entity_id=str(entity_id or ""),
        detail=canonical_detail(detail), origin=ctx.device_id, prev_hash=prev,
    )
    entry.hash = _entry_hash(entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    bad_seq: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Recompute every hash in order; report the first row that does not match."""
    prev, expected_seq, rows = GENESIS, 1, 0
    stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    for entry in session.scalars(stmt):
        rows += 1
        if entry.seq != expected_seq:
            return ChainReport(False, rows, expected_seq,
                               _t("監査ログ #{seq} が欠落しています（次は #{next}）").format(
                                   seq=expected_seq, next=entry.seq))
        if entry.prev_hash != prev:
            return ChainReport(False, rows, entry.seq,
                               _t("監査ログ #{seq} の直前ハッシュが一致しません"
                                  "（前の行が改ざんまたは削除されています）").format(seq=entry.seq))
        if _entry_hash(entry) != entry.hash:
            return ChainReport(False, rows, entry.seq,
                               _t("監査ログ #{seq}（{action}）の内容が改ざんされています").format(
                                   seq=entry.seq, action=entry.action))
        prev, expected_seq = entry.hash, expected_seq + 1
    return ChainReport(True, rows)
