"""Bulk inserts for large jobs (demo data, ledger import) inside one transaction, every row
through the one value check (services.hygiene)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop.models import (
    CaseAssignment,
    Consent,
    ContactLog,
    Employer,
    Episode,
    EpisodeReassignment,
    HelloWorkActivity,
    Meeting,
    MeetingCase,
    Person,
    Placement,
    Plan,
    ProtectionOutcome,
    ReadinessAssessment,
    Referral,
    RetentionCheckpoint,
    RouteChange,
    SupportActivity,
    SupportCost,
    Transition,
)
from desktop.services import hygiene


class Batch:
    """Rows for each table, inserted in bulk when large enough.

    On SQLite the rows go straight to the driver's executemany, each value converted by the
    column type's own SQLAlchemy bind processor (so the stored format is exactly what the ORM
    reads back) but without per-row statement compilation, which dominated the run time.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}
        self.fast = session.get_bind().dialect.name == "sqlite"

    def add(self, model: Any, row: dict[str, Any]) -> None:
        # Core inserts never reach the ORM's before_flush hook: the same value check here.
        hygiene.check_values(model.__table__, row)
        self.rows.setdefault(model.__table__, []).append(row)

    def flush(self) -> None:
        # Parents before children.
        for table in _ORDER:
            rows = self.rows.pop(table, None)
            if not rows:
                continue
            if self.fast:
                self._executemany(table, rows)
            else:
                self.session.execute(insert(table), rows)
            self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def _executemany(self, table: Table, rows: list[dict[str, Any]]) -> None:
        conn = self.session.connection()
        dialect = conn.dialect
        names = list(rows[0])
        procs = [table.c[n].type.bind_processor(dialect) for n in names]
        quote = dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        params = [
            tuple(v if p is None or v is None else p(v) for p, v in
                  zip(procs, (r[n] for n in names), strict=True))
            for r in rows
        ]
        conn.exec_driver_sql(sql, params)


_ORDER: list[Table] = [m.__table__ for m in (  # type: ignore[misc]
    Employer, Person, Episode, CaseAssignment, EpisodeReassignment, Transition, RouteChange,
    ReadinessAssessment, Consent, Referral, Plan, Placement, RetentionCheckpoint,
    ProtectionOutcome, HelloWorkActivity, ContactLog, SupportActivity, SupportCost, Meeting,
    MeetingCase)]
