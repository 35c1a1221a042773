"""The report's counts of what happens before and beside the referral, overall and per
organisation (services.reports puts them beside the referral's indicators; the JSON keys
are a stable contract, docs/DOMAIN.md):

- ``assessed_persons``: distinct persons with a 就労準備度 assessment (any revision) dated in
  the period.
- ``routes``: per kind — ``work_readiness`` (就労準備支援事業), ``work_experience``
  (職場体験・中間的就労), ``training`` (職業訓練) — ``started``: activities starting in the
  period; ``completed``: activities ending in the period with the outcome 修了.
- ``work_experience_days``: days attended in 職場体験・中間的就労 that ended in the period.
- ``employers``: ``active``: distinct 協力事業所 where a placement started in the period or a
  職場体験・中間的就労 ran during some of it; ``new``: registered in the period.
- ``support_costs_total``: yen of the 支援費用 (交通費 and other costs) paid in the period.
- ``meetings``: ``held``: meetings held in the period; ``cases_discussed``: the cases
  discussed at them (a person discussed at two meetings counts twice).

Per organisation: the episode's organisation (the one running it) for assessments,
activities, placements and costs; the registering organisation for new employers; the
holding organisation for meetings. An employer active for two organisations counts once in
the total, and a person assessed in two organisations' episodes once too. Every count is one
SQL aggregation grouped by organisation (the two distinct totals are counted again only when
more than one organisation has rows).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, distinct, func, or_, select, union_all
from sqlalchemy.orm import Session

from desktop.models import (
    Employer,
    Episode,
    Meeting,
    MeetingCase,
    Organisation,
    Person,
    Placement,
    ReadinessAssessment,
    SupportActivity,
    SupportCost,
)
from desktop.services.labels import ACTIVITY_KINDS

ROUTE_KEYS = tuple(ACTIVITY_KINDS)  # work_readiness, work_experience, training
KEYS = ("assessed_persons", "routes", "work_experience_days", "employers",
        "support_costs_total", "meetings")
PERSON_INDEX = "INDEXED BY ix_persons_report"


def empty_block() -> dict[str, Any]:
    return {
        "assessed_persons": 0,
        "routes": {k: {"started": 0, "completed": 0} for k in ROUTE_KEYS},
        "work_experience_days": 0,
        "employers": {"active": 0, "new": 0},
        "support_costs_total": 0,
        "meetings": {"held": 0, "cases_discussed": 0},
    }


def compute(s: Session, start: Any, end: Any) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The overall block and one block per organisation (every organisation, by id, with its
    name), for the period ``start``–``end`` (inclusive)."""
    live = and_(Episode.deleted_at.is_(None), Person.deleted_at.is_(None))
    overall = empty_block()
    names = {str(i): n for i, n in s.execute(
        select(Organisation.id, Organisation.name).where(Organisation.deleted_at.is_(None))
        .order_by(Organisation.created_at))}
    by_org: dict[str, dict[str, Any]] = {i: {"name": n, **empty_block()} for i, n in names.items()}

    def block(org: Any) -> dict[str, Any]:
        key = str(org)
        if key not in by_org:  # an organisation deleted since: still counted
            by_org[key] = {"name": key, **empty_block()}
        return by_org[key]

    def episode_rows(model: Any, values: tuple[Any, ...], where: Any,
                     by: tuple[Any, ...] = ()) -> Any:
        """``values`` of an episode's records matching ``where``, grouped by the episode's
        organisation (and ``by``). The records' date index drives; the person lookup stays
        in its covering index."""
        return s.execute(
            select(Episode.organisation_id, *by, *values)
            .select_from(model).join(Episode, Episode.id == model.episode_id)
            .join(Person, Person.id == Episode.person_id)
            .with_hint(Person, PERSON_INDEX, "sqlite")
            .where(live, model.deleted_at.is_(None), where)
            .group_by(Episode.organisation_id, *by))

    # 就労準備度: distinct persons (overall counted again, not summed: one person, one count).
    # With one organisation in the rows (most offices) the overall count is its count: the
    # second pass over the period, as long as the first, is needed only across several.
    assessed = ReadinessAssessment.assessed_on.between(start, end)
    rows = episode_rows(ReadinessAssessment, (func.count(distinct(Episode.person_id)),),
                        assessed).all()
    for org, n in rows:
        block(org)["assessed_persons"] = int(n)
    overall["assessed_persons"] = sum(int(n) for _, n in rows) if len(rows) < 2 else int(
        s.scalar(select(func.count(distinct(Episode.person_id))).select_from(ReadinessAssessment)
                 .join(Episode, Episode.id == ReadinessAssessment.episode_id)
                 .join(Person, Person.id == Episode.person_id)
                 .where(live, ReadinessAssessment.deleted_at.is_(None), assessed)) or 0)

    # Routes started, and completed (修了) with the days of the 職場体験 that ended.
    for org, kind, n in episode_rows(SupportActivity, (func.count(),),
                                     SupportActivity.start_on.between(start, end),
                                     by=(SupportActivity.kind,)):
        if kind in ROUTE_KEYS:
            block(org)["routes"][kind]["started"] += int(n)
            overall["routes"][kind]["started"] += int(n)
    completed = func.sum(case((SupportActivity.outcome == "completed", 1), else_=0))
    days = func.sum(case((SupportActivity.kind == "work_experience",
                          func.coalesce(SupportActivity.days_attended, 0)), else_=0))
    for org, kind, n, d in episode_rows(SupportActivity, (completed, days),
                                        SupportActivity.end_on.between(start, end),
                                        by=(SupportActivity.kind,)):
        if kind in ROUTE_KEYS:
            block(org)["routes"][kind]["completed"] += int(n or 0)
            overall["routes"][kind]["completed"] += int(n or 0)
        block(org)["work_experience_days"] += int(d or 0)
        overall["work_experience_days"] += int(d or 0)

    # 協力事業所: active (a placement started, or a 職場体験 ran, in the period) and new.
    placed = (select(Placement.employer_id.label("employer"),
                     Episode.organisation_id.label("org"))
              .join(Episode, Episode.id == Placement.episode_id)
              .join(Person, Person.id == Episode.person_id)
              .where(live, Placement.deleted_at.is_(None), Placement.employer_id.is_not(None),
                     Placement.start_on.between(start, end)))
    hosted = (select(SupportActivity.employer_id.label("employer"),
                     Episode.organisation_id.label("org"))
              .join(Episode, Episode.id == SupportActivity.episode_id)
              .join(Person, Person.id == Episode.person_id)
              .where(live, SupportActivity.deleted_at.is_(None),
                     SupportActivity.employer_id.is_not(None),
                     SupportActivity.start_on <= end,
                     or_(SupportActivity.end_on.is_(None), SupportActivity.end_on >= start)))
    active = union_all(placed, hosted).subquery()
    rows = s.execute(select(active.c.org, func.count(distinct(active.c.employer)))
                     .group_by(active.c.org)).all()
    for org, n in rows:
        block(org)["employers"]["active"] = int(n)
    overall["employers"]["active"] = sum(int(n) for _, n in rows) if len(rows) < 2 else int(
        s.scalar(select(func.count(distinct(active.c.employer)))) or 0)
    for org, n in s.execute(select(Employer.organisation_id, func.count())
                            .where(Employer.deleted_at.is_(None),
                                   Employer.registered_on.between(start, end))
                            .group_by(Employer.organisation_id)):
        block(org)["employers"]["new"] = int(n)
        overall["employers"]["new"] += int(n)

    # 支援費用
    for org, total in episode_rows(SupportCost, (func.sum(SupportCost.amount),),
                                   SupportCost.paid_on.between(start, end)):
        block(org)["support_costs_total"] += int(total or 0)
        overall["support_costs_total"] += int(total or 0)

    # 会議
    cases = (select(MeetingCase.meeting_id, func.count().label("n"))
             .where(MeetingCase.deleted_at.is_(None)).group_by(MeetingCase.meeting_id)
             .subquery())
    for org, held, discussed in s.execute(
            select(Meeting.organisation_id, func.count(), func.sum(func.coalesce(cases.c.n, 0)))
            .outerjoin(cases, cases.c.meeting_id == Meeting.id)
            .where(Meeting.deleted_at.is_(None), Meeting.held_on.between(start, end))
            .group_by(Meeting.organisation_id)):
        block(org)["meetings"]["held"] += int(held)
        block(org)["meetings"]["cases_discussed"] += int(discussed or 0)
        overall["meetings"]["held"] += int(held)
        overall["meetings"]["cases_discussed"] += int(discussed or 0)
    return overall, by_org

