"""Retention (保存期間): closed episodes past the configured period are listed and, on
request, deleted for good.

An episode closed in fiscal year F is kept through fiscal year F + retention_years (default
5) and may be purged from the fiscal year after. A person whose every episode is purged is
deleted too, with their search index entry (the FTS trigger) and case shares. Deleted pages
are overwritten (secure_delete) and the WAL is folded back, so the data does not linger in
the file. The audit record keeps counts and years only, no personal data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.japanese.wareki import fiscal_year_of, fiscal_year_range
from desktop.models import Episode, Person
from desktop.models.db import checkpoint
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext
from desktop.services.permissions import require
from desktop.services.settings import read_setting


@dataclass(frozen=True)
class PurgeCandidate:
    episode_id: uuid.UUID
    person_id: uuid.UUID
    case_number: str
    closed_on: date
    whole_person: bool  # the person has no other episode left and goes too


@dataclass(frozen=True)
class PurgeResult:
    episodes: int
    persons: int
    closed_on_or_before: date


class RetentionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def cutoff(self, s: Session) -> date:
        """Episodes closed on or before this day are past the retention period."""
        years = int(read_setting(s, "retention_years"))
        current = fiscal_year_of(self.ctx.today())
        return fiscal_year_range(current - years - 1)[1]

    def _candidates(self, s: Session) -> list[PurgeCandidate]:
        cutoff = self.cutoff(s)
        rows = s.execute(
            select(Episode.id, Episode.person_id, Person.case_number, Episode.closed_on)
            .join(Person, Person.id == Episode.person_id)
            .where(Episode.state == "closed", Episode.closed_on <= cutoff)
            .order_by(Episode.closed_on)).all()
        expired = {r[0] for r in rows}
        persons = {r[1] for r in rows}
        remaining: dict[uuid.UUID, int] = {}
        for chunk_start in range(0, len(persons), 500):
            chunk = list(persons)[chunk_start:chunk_start + 500]
            for pid, eid in s.execute(select(Episode.person_id, Episode.id).where(
                    Episode.person_id.in_(chunk))):
                if eid not in expired:
                    remaining[pid] = remaining.get(pid, 0) + 1
        return [PurgeCandidate(eid, pid, number, closed, remaining.get(pid, 0) == 0)
                for eid, pid, number, closed in rows if closed is not None]

    def candidates(self, actor: Actor) -> list[PurgeCandidate]:
        """What ``purge`` would delete (listing is audited, without the list itself)."""
        require(actor, "purge")
        with self.ctx.db.write() as s:
            found = self._candidates(s)
            audit.append(s, self.ctx, actor, "purge_list", "retention", "",
                         episodes=len(found), cutoff=self.cutoff(s).isoformat())
            return found

    def purge(self, actor: Actor) -> PurgeResult:
        require(actor, "purge")
        with self.ctx.db.write() as s:
            cutoff = self.cutoff(s)
            found = self._candidates(s)
            episodes = [c.episode_id for c in found]
            persons = sorted({c.person_id for c in found if c.whole_person})
            for start in range(0, len(episodes), 500):
                s.execute(delete(Episode).where(Episode.id.in_(episodes[start:start + 500])))
            for start in range(0, len(persons), 500):
                s.execute(delete(Person).where(Person.id.in_(persons[start:start + 500])))
            audit.append(s, self.ctx, actor, "purge", "retention", "", episodes=len(episodes),
                         persons=len(persons), cutoff=cutoff.isoformat(),
                         retention_years=int(read_setting(s, "retention_years")))
        checkpoint(self.ctx.db.engine)
        return PurgeResult(len(episodes), len(persons), cutoff)
