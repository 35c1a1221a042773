"""Small builders for the records before and beside the referral: assessments, employers,
activities, costs and meetings."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.context import Actor
from desktop.services.costs import CostInput
from desktop.services.employers import EmployerInput
from desktop.services.labels import DEFAULT_READINESS_ITEMS
from desktop.services.meetings import Attendee, AttendingOrganisation, CaseDecision, MeetingInput
from desktop.services.routes import ActivityInput, AssessmentInput, ReadinessScore
from tests.conftest import World


def assessment(on: date = date(2026, 4, 4), score: int = 3, low: tuple[str, ...] = (),
               summary: str = "") -> AssessmentInput:
    """Every default item scored ``score``, the items in ``low`` scored 1 with a note."""
    return AssessmentInput(on, tuple(
        ReadinessScore(item, 1 if item in low else score, "要支援" if item in low else "")
        for item in DEFAULT_READINESS_ITEMS), summary)


def screened(w: World, person: uuid.UUID, route: str = "hello_work",
             by: Actor | None = None, on: date = date(2026, 4, 5)) -> uuid.UUID:
    """An episode at 検討, approved at 所内協議 with ``route``."""
    actor = by or w.cw_a
    wf = w.services.workflow
    ep = wf.open_episode(actor, person, date(2026, 4, 1)).id
    wf.start_screening(actor, ep, date(2026, 4, 3))
    wf.record_screening_decision(actor, ep, "approved", on, route=route)
    return ep


def employer(w: World, name: str = "株式会社みどり農園", by: Actor | None = None,
             offers: tuple[str, ...] = ("work_experience", "job_offers")) -> uuid.UUID:
    return w.services.employers.register(by or w.cw_a, EmployerInput(
        name, industry="農業", address="東京都つなぎ市西町2-3", contact_person="緑川 一郎",
        offers=offers)).id


def readiness_program(start: date = date(2026, 4, 10)) -> ActivityInput:
    return ActivityInput("work_readiness", start, provider="NPO法人あゆみ",
                         planned_end_on=date(2026, 9, 30), planned_days=60)


def experience(employer_id: uuid.UUID, start: date = date(2026, 5, 1)) -> ActivityInput:
    return ActivityInput("work_experience", start, subtype="work_experience",
                         employer_id=employer_id, course="野菜の袋詰め",
                         planned_end_on=date(2026, 5, 31), planned_days=10)


def training(start: date = date(2026, 5, 10)) -> ActivityInput:
    return ActivityInput("training", start, subtype="public_training", course="介護職員初任者研修科",
                         provider="つなぎ職業能力開発校", planned_end_on=date(2026, 8, 31))


def fare(on: date = date(2026, 5, 1), amount: int = 440,
         purpose: str = "interview") -> CostInput:
    return CostInput(on, "transport", purpose, amount, "就労準備支援事業費", "自宅〜新宿駅 往復")


def meeting(w: World, cases: tuple[CaseDecision, ...], on: date = date(2026, 6, 10),
            kind: str = "coordination") -> MeetingInput:
    return MeetingInput(
        on, kind,
        (AttendingOrganisation("福祉事務所", "own"),
         AttendingOrganisation(w.office_name, "hello_work")),
        (Attendee("青山 里美", "福祉事務所", "ケースワーカー"),
         Attendee("田島 聡子", w.office_name, "就職支援ナビゲーター")),
        cases, title="6月定例", place="第2会議室")


def audit_rows(w: World, entity: str, action: str | None = None) -> list[AuditEntry]:
    with w.services.ctx.db.read() as s:
        stmt = select(AuditEntry).where(AuditEntry.entity == entity)
        if action is not None:
            stmt = stmt.where(AuditEntry.action == action)
        return list(s.scalars(stmt.order_by(AuditEntry.seq)))


def audit_actions(w: World, action: str) -> list[AuditEntry]:
    with w.services.ctx.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)
                              .order_by(AuditEntry.seq)))
