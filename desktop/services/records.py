"""Read models for one episode's records (referrals, plan, placements, contact log), as plain
data for the recipient screen and the printed forms."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.models import ContactLog, HelloWorkOffice, Placement, Plan, PlanReview, Referral, User
from desktop.services.context import Actor, ServiceContext
from desktop.services.episodes_base import EpisodeAccess


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    number: str | None  # None until the 支援要請書 is issued
    referred_on: date
    office_name: str
    status: str
    status_on: date | None
    return_reason: str


@dataclass(frozen=True)
class PlanView:
    id: uuid.UUID
    revision: int
    team: tuple[dict[str, Any], ...]
    goal_job: str
    goal_employment_type: str
    goal_hours: str
    goal_wage: str
    goal_area: str
    goal_target_on: date | None
    barriers: str
    menu: tuple[str, ...]
    role_hello_work: str
    role_welfare: str
    reviews: tuple[tuple[uuid.UUID, date, date | None, str], ...]


@dataclass(frozen=True)
class PlacementView:
    id: uuid.UUID
    start_on: date
    employer: str
    job_title: str
    employment_type: str
    term_category: str
    weekly_hours: float | None
    wage_amount: int | None
    wage_unit: str
    employment_insurance: bool
    route: str
    end_on: date | None
    end_reason: str
    employer_id: uuid.UUID | None = None  # the 協力事業所 picked, if any


@dataclass(frozen=True)
class ContactView:
    id: uuid.UUID
    contact_on: date
    kind: str
    staff_name: str
    content: str
    next_action: str
    next_action_due: date | None
    next_action_done_on: date | None
    attendees_welfare: str
    attendees_hello_work: str
    decisions: str


class EpisodeRecords:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    def referrals(self, actor: Actor, episode_id: uuid.UUID) -> list[ReferralView]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.execute(
                select(Referral, HelloWorkOffice.name)
                .join(HelloWorkOffice, HelloWorkOffice.id == Referral.office_id)
                .where(Referral.episode_id == episode_id, Referral.deleted_at.is_(None))
                .order_by(Referral.referred_on))
            return [ReferralView(r.id, r.number, r.referred_on, name, r.status, r.status_on,
                                 r.return_reason) for r, name in rows]

    def current_plan(self, actor: Actor, episode_id: uuid.UUID) -> PlanView | None:
        """The plan in force: the latest revision."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            plan = s.scalar(select(Plan).where(Plan.episode_id == episode_id,
                                               Plan.deleted_at.is_(None))
                            .order_by(Plan.revision.desc()).limit(1))
            if plan is None:
                return None
            reviews = s.execute(select(PlanReview.id, PlanReview.due_on, PlanReview.done_on,
                                       PlanReview.result)
                                .where(PlanReview.plan_id == plan.id,
                                       PlanReview.deleted_at.is_(None))
                                .order_by(PlanReview.due_on)).all()
            return PlanView(plan.id, plan.revision, tuple(plan.team), plan.goal_job,
                            plan.goal_employment_type, plan.goal_hours, plan.goal_wage,
                            plan.goal_area, plan.goal_target_on, plan.barriers,
                            tuple(plan.menu), plan.role_hello_work, plan.role_welfare,
                            tuple((r[0], r[1], r[2], r[3]) for r in reviews))

    def placements(self, actor: Actor, episode_id: uuid.UUID) -> list[PlacementView]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(Placement).where(Placement.episode_id == episode_id,
                                                     Placement.deleted_at.is_(None))
                             .order_by(Placement.start_on))
            return [PlacementView(p.id, p.start_on, p.employer, p.job_title, p.employment_type,
                                  p.term_category, p.weekly_hours, p.wage_amount, p.wage_unit,
                                  p.employment_insurance, p.route, p.end_on, p.end_reason,
                                  p.employer_id)
                    for p in rows]

    def contacts(self, actor: Actor, episode_id: uuid.UUID,
                 limit: int = 500) -> list[ContactView]:
        """The support log, newest first."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.execute(
                select(ContactLog, User.display_name)
                .outerjoin(User, User.id == ContactLog.staff_id)
                .where(ContactLog.episode_id == episode_id, ContactLog.deleted_at.is_(None))
                .order_by(ContactLog.contact_on.desc(), ContactLog.created_at.desc())
                .limit(limit))
            return [ContactView(c.id, c.contact_on, c.kind, name or "", c.content,
                                c.next_action, c.next_action_due, c.next_action_done_on,
                                c.attendees_welfare, c.attendees_hello_work, c.decisions)
                    for c, name in rows]
