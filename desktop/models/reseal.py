"""Seal again, inside a migration's transaction, the audited records it rewrites.

A migration listed in ``models.chain.RESEALED`` changes existing values of audited records
(a dropped or retyped column, an UPDATE), so their seals, taken before, can no longer be
checked. Before Alembic runs, each such record is checked against the last audit row that
sealed it; after, the records that matched get a ``record_reseal`` row carrying their new
seal, signed into the chain like any other row, in the same transaction: the migration and
the new seals commit together or not at all. A record that no longer matched its seal
before the migration (changed behind the application) is not sealed again: verify keeps
reporting it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from desktop.models.base import Base
from desktop.models.chain import (
    KEYED_CHAIN,
    RESEALED,
    Divergence,
    Head,
    HeadAnchor,
    canonical_detail,
    chain_continues,
    keyed_row_hash,
    record_seal,
    seal_matches,
)
from desktop.models.entities import AuditEntry

RESEAL = "record_reseal"
BATCH = 500


@dataclass(frozen=True)
class Sealer:
    """What appending to the audit chain needs below the services: the audit key, the
    anchor, and the origin written on the rows (this installation's device id)."""

    key: bytes
    anchor: HeadAnchor | None
    origin: str
    now: Callable[[], datetime] = lambda: datetime.now(UTC)


@dataclass(frozen=True)
class Planned:
    revision: str
    entity: str
    table: str
    ids: tuple[uuid.UUID, ...]  # the records that still matched their seal


def plan(conn: Connection, from_revision: str | None) -> list[Planned]:
    """Before the migration: the records of each table rewritten by a revision after
    ``from_revision`` that carry a seal and still match it."""
    if from_revision is None:
        return []
    inspector = sa.inspect(conn)
    tables = set(inspector.get_table_names())
    if "audit_log" not in tables or "record_hash" not in {
            c["name"] for c in inspector.get_columns("audit_log")}:
        return []  # not sealed yet (before revision 0006)
    out = []
    for revision, rewritten in sorted(RESEALED.items()):
        if revision <= from_revision:
            continue
        for entity, table in rewritten.items():
            if table not in tables:
                continue
            rows = {row["id"]: row for row in read_rows(conn, table)}
            seals = _last_seals(conn, entity, list(rows))
            out.append(Planned(revision, entity, table, tuple(
                i for i, seal in seals.items() if seal_matches(table, seal, rows[i]))))
    return out


def apply(conn: Connection, planned: list[Planned], sealer: Sealer, revision: str) -> int:
    """After the migration (now at ``revision``): one ``record_reseal`` row per planned
    record whose rewriting revision has run, with its seal at ``revision``. Returns how
    many were sealed again."""
    todo = [p for p in planned if p.revision <= revision and p.ids]
    if not todo:
        return 0
    last = conn.execute(sa.select(AuditEntry.seq, AuditEntry.hash, AuditEntry.scheme)
                        .order_by(AuditEntry.seq.desc()).limit(1)).first()
    if last is None or last.scheme != KEYED_CHAIN:
        return 0  # no keyed row, so no seal to renew
    found = Head(last.seq, last.hash)
    at = sealer.now().astimezone(UTC)
    rows: list[dict[str, Any]] = []
    divergence = None
    state = sealer.anchor.state() if sealer.anchor is not None else None
    if sealer.anchor is not None and not chain_continues(
            state, sealer.anchor.exclusive, found, True,
            lambda seq: conn.scalar(sa.select(AuditEntry.hash).where(AuditEntry.seq == seq))):
        expected = (state.next or state.head) if state is not None else None
        rows.append(_row(at, sealer.origin, "audit_chain_diverged", "audit_log", "", "", {
            "expected": expected.as_dict() if expected else None, "found": found.as_dict()}))
        divergence = Divergence(expected, found, at.isoformat(timespec="seconds"),
                                found.seq + 1)
    for p in todo:
        for row in read_rows(conn, p.table, p.ids):
            rows.append(_row(at, sealer.origin, RESEAL, p.entity, str(row["id"]),
                             record_seal(p.table, revision, row), {"revision": p.revision}))
    prev = found.hash
    for seq, row in enumerate(rows, start=found.seq + 1):
        row["seq"], row["prev_hash"] = seq, prev
        row["hash"] = prev = keyed_row_hash(
            sealer.key, seq, at, None, "", row["action"], row["entity"], row["entity_id"],
            row["detail"], row["origin"], row["record_hash"], row["prev_hash"])
    for start in range(0, len(rows), BATCH):
        conn.execute(sa.insert(AuditEntry), rows[start:start + BATCH])
    if sealer.anchor is not None:
        kept = state.divergences if state is not None else ()
        sealer.anchor.write(found, Head(found.seq + len(rows), prev),
                            kept + ((divergence,) if divergence else ()))
    return len(rows) - (divergence is not None)


def _row(at: datetime, origin: str, action: str, entity: str, entity_id: str, seal: str,
         detail: dict[str, Any]) -> dict[str, Any]:
    return {"id": uuid.uuid4(), "at": at, "user_id": None, "username": "", "action": action,
            "entity": entity, "entity_id": entity_id, "detail": canonical_detail(detail),
            "origin": origin, "record_hash": seal, "scheme": KEYED_CHAIN}


def read_rows(conn: Connection, table: str,
          ids: tuple[uuid.UUID, ...] | None = None) -> Iterator[dict[str, Any]]:
    """The table's rows with every column it has now, each read with the type the
    application binds (so that values hash as they did when sealed), columns the models
    no longer have with their reflected type."""
    model = Base.metadata.tables.get(table)
    columns = [sa.column(c["name"], model.c[c["name"]].type
                         if model is not None and c["name"] in model.c else c["type"])
               for c in sa.inspect(conn).get_columns(table)]
    clause = sa.table(table, *columns)
    if ids is None:
        for row in conn.execute(sa.select(clause)):
            yield dict(row._mapping)
        return
    for start in range(0, len(ids), BATCH):
        for row in conn.execute(sa.select(clause).where(
                clause.c.id.in_(ids[start:start + BATCH]))):
            yield dict(row._mapping)


def _last_seals(conn: Connection, entity: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The seal of the last audit row naming each record (by the entity_id index)."""
    by_text = {str(i): i for i in ids}
    out: dict[uuid.UUID, str] = {}
    keys = list(by_text)
    for start in range(0, len(keys), BATCH):
        for entity_id, seal in conn.execute(
                sa.select(AuditEntry.entity_id, AuditEntry.record_hash)
                .where(AuditEntry.entity == entity,
                       AuditEntry.entity_id.in_(keys[start:start + BATCH]),
                       AuditEntry.record_hash != "")
                .order_by(AuditEntry.seq)):
            out[by_text[entity_id]] = seal
    return out
