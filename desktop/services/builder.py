"""The one domain builder: how an episode's history, its rows and its referral numbers are
made, whoever makes them. The services' use cases make one move at a time (workflow._move);
the ledger import, the demo and the kit import make many in bulk; all go through the same
check (states.check_move) and the same pieces here.

- ``History``: an episode's moves, each checked as the services check it. It touches no
  database, so the ledger import checks every row's history while parsing, before the write
  transaction begins.
- ``Stamps`` and ``add_episode``: the episode and its transitions as bulk rows (through
  bulk.Batch and so through the one value check, services.hygiene).
- ``ReferralNumbers``: 支援要請の文書番号 「{年度}-{n}」, one above the highest in use that
  fiscal year (a count reused numbers after a hand-typed one or a purge).
- ``support_end``: the support period's planned end, from the office's setting.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.japanese.wareki import add_months, fiscal_year_of
from desktop.models import Episode, Referral, Transition
from desktop.services.bulk import Batch
from desktop.services.states import FIRST, check_move


@dataclass(frozen=True)
class Move:
    from_state: str | None
    to_state: str
    on: date
    reason: str | None = None
    note: str = ""


class History:
    """The moves of one episode from 受付, each checked against the one table and dated on
    or after the state it leaves (and not after ``today``)."""

    def __init__(self, intake_on: date, today: date, note: str = "") -> None:
        check_move(None, FIRST, intake_on, None, today, "intake_on")
        self.today = today
        self.moves: list[Move] = [Move(None, FIRST, intake_on, None, note)]

    @property
    def state(self) -> str:
        return self.moves[-1].to_state

    @property
    def since(self) -> date:
        return self.moves[-1].on

    @property
    def intake_on(self) -> date:
        return self.moves[0].on

    def move(self, to: str, on: date, reason: str | None = None, note: str = "") -> None:
        check_move(self.state, to, on, self.since, self.today)
        self.moves.append(Move(self.state, to, on, reason, note))

    def closure(self) -> tuple[date | None, str | None]:
        last = self.moves[-1]
        return (last.on, last.reason) if last.to_state == "closed" else (None, None)


def support_end(start: date, months: int) -> date:
    """The planned end of a support period that starts on ``start`` (setting
    support_period_months)."""
    return add_months(start, months)


class Stamps:
    """The bookkeeping columns of rows written in bulk: one time, this device, the person
    who did it."""

    def __init__(self, now: datetime, device_id: str) -> None:
        self.now, self.device_id = now, device_id

    def __call__(self, who: uuid.UUID | None, row_id: uuid.UUID | None = None) -> dict[str, Any]:
        return {"id": row_id or uuid.uuid4(), "version": 1, "created_at": self.now,
                "updated_at": self.now, "created_by": who, "updated_by": who,
                "origin": self.device_id, "deleted_at": None}


def transition_values(episode_id: uuid.UUID, move: Move, actor_id: uuid.UUID | None,
                      recorded_at: datetime) -> dict[str, Any]:
    """A Transition row's own columns (the ORM's and the bulk path's)."""
    return {"episode_id": episode_id, "from_state": move.from_state, "to_state": move.to_state,
            "effective_on": move.on, "recorded_at": recorded_at, "actor_id": actor_id,
            "reason": move.reason, "note": move.note}


def add_episode(batch: Batch, stamps: Stamps, episode_id: uuid.UUID, person_id: uuid.UUID,
                history: History, who: uuid.UUID | None, **values: Any) -> None:
    """The episode as its history leaves it, and one transition row per move."""
    closed_on, reason = history.closure()
    row = {"screening_decision": None, "screening_decided_on": None, "screening_meeting": "",
           "screening_route": None, "route": None, "support_start_on": None,
           "planned_end_on": None, "note": "",
           "job_seeker_number": "", "navigator": "", "category_at_referral": None,
           "caseworker_at_referral": None, "organisation_at_referral": None, **values}
    batch.add(Episode, {**stamps(who, episode_id), **row, "person_id": person_id,
                        "intake_on": history.intake_on, "state": history.state,
                        "state_since": history.since, "closed_on": closed_on,
                        "closure_reason": reason})
    for move in history.moves:
        batch.add(Transition, {**stamps(who),
                               **transition_values(episode_id, move, who, stamps.now)})


_SERIAL = re.compile(r"^(\d{4})-(\d+)$")


class ReferralNumbers:
    """Allocates 「{fiscal year}-{n:04d}」 within one transaction: n one above the highest
    number of that form in use that year, or given out here."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.top: dict[int, int] = {}

    def _highest(self, fiscal_year: int) -> int:
        if fiscal_year not in self.top:
            numbers = self.session.scalars(select(Referral.number).where(
                Referral.number.like(f"{fiscal_year}-%")))
            self.top[fiscal_year] = max(
                (int(m[2]) for m in (_SERIAL.match(n) for n in numbers if n) if m), default=0)
        return self.top[fiscal_year]

    def next(self, on: date) -> str:
        fy = fiscal_year_of(on)
        self.top[fy] = self._highest(fy) + 1
        return f"{fy}-{self.top[fy]:04d}"

    def taken(self, number: str) -> None:
        """A number given by other means (typed by hand): the next ones go above it."""
        m = _SERIAL.match(number)
        if m:
            fy = int(m[1])
            self.top[fy] = max(self._highest(fy), int(m[2]))
