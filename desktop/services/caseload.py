"""The caseload list (keyset pages, filters, sorting) and today's work (今日の予定)."""

from __future__ import annotations

import heapq
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, exists, func, or_, select

from desktop.i18n import translator
from desktop.models import (
    CaseShare,
    ContactLog,
    Episode,
    HelloWorkActivity,
    Person,
    Plan,
    PlanReview,
    Referral,
    RetentionCheckpoint,
    User,
)
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import InvalidInput
from desktop.services.permissions import OFFICE_READERS, visible_persons
from desktop.services.settings import read_setting

_t = translator("Caseload")
OPEN_STATES = ("candidate", "screening", "consented", "referred", "active", "placed",
               "retention")
# The list is driven from the persons table in index order (one row per person, with their
# latest matching episode); sorting by an episode column would need a full scan and sort.
SORT_KEYS: dict[str, Any] = {
    "kana": Person.kana_key,
    "case_number": Person.case_number_key,
}
# The index that yields each sort order, for the whole office and for one caseworker. The
# page names it (SQLite's INDEXED BY): left to itself, with statistics of a large office the
# planner scans a narrow covering index and sorts every person before taking 200 (4-15 s
# on 300,000 persons), where walking the ordered index stops after the first 200 matches.
ORDER_INDEX: dict[str, tuple[str, str]] = {
    "kana": ("ix_persons_kana_key", "ix_persons_caseworker_kana"),
    "case_number": ("ix_persons_case_number_key", "ix_persons_caseworker_case_number"),
}


@dataclass(frozen=True)
class CaseloadFilter:
    states: tuple[str, ...] = OPEN_STATES
    category: str | None = None
    caseworker_id: uuid.UUID | None = None
    overdue_only: bool = False


@dataclass(frozen=True)
class CaseloadRow:
    episode_id: uuid.UUID
    person_id: uuid.UUID
    case_number: str
    name: str
    kana: str
    birth_date: date
    category: str
    state: str
    state_since: date
    planned_end_on: date | None
    caseworker_name: str
    sort_value: Any = field(compare=False, repr=False)


@dataclass(frozen=True)
class AgendaItem:
    # checkpoint | plan_review | waiting_referral | hello_work_silent | hire_reported |
    # next_action | period_end
    kind: str
    due_on: date
    overdue: bool
    episode_id: uuid.UUID
    person_id: uuid.UUID
    case_number: str
    name: str
    detail: str
    item_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Agenda:
    today: date
    items: tuple[AgendaItem, ...]

    def of_kind(self, kind: str) -> list[AgendaItem]:
        return [i for i in self.items if i.kind == kind]


class CaseloadService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _overdue(self, today: date, wait_days: int) -> ColumnElement[bool]:
        checkpoint = exists(select(RetentionCheckpoint.id).where(
            RetentionCheckpoint.episode_id == Episode.id, RetentionCheckpoint.done_on.is_(None),
            RetentionCheckpoint.due_on < today, RetentionCheckpoint.deleted_at.is_(None)))
        waiting = exists(select(Referral.id).where(
            Referral.episode_id == Episode.id, Referral.status == "sent",
            Referral.referred_on < today - timedelta(days=wait_days)))
        period = and_(Episode.planned_end_on < today,
                      Episode.state.in_(("active", "placed", "retention")))
        return or_(checkpoint, waiting, period)

    def _persons_matching(self, conn: Connection, actor: Actor,
                          filters: CaseloadFilter) -> list[ColumnElement[bool]]:
        episode_match = [Episode.person_id == Person.id, Episode.deleted_at.is_(None),
                         Episode.state.in_(filters.states)]
        if filters.overdue_only:
            wait = read_setting(conn, "referral_wait_days")
            episode_match.append(self._overdue(self.ctx.today(), wait))
        where = [Person.deleted_at.is_(None), visible_persons(actor),
                 exists(select(Episode.id).where(*episode_match))]
        if filters.category:
            where.append(Person.category == filters.category)
        if filters.caseworker_id:
            where.append(Person.caseworker_id == filters.caseworker_id)
        return where

    def page(self, actor: Actor, filters: CaseloadFilter, sort: str = "kana",
             descending: bool = False, after: tuple[Any, uuid.UUID] | None = None,
             limit: int = 200) -> list[CaseloadRow]:
        """One keyset page: persons strictly after ``after`` (the last row's sort value and
        person id), so that scrolling never re-reads or skips rows as the list changes."""
        if sort not in SORT_KEYS:
            raise InvalidInput("sort", _t("並べ替えの項目が正しくありません"))
        key = SORT_KEYS[sort]
        with self.ctx.db.read_connection() as conn:
            stmt = (select(Person.id, Person.case_number, Person.family_name, Person.given_name,
                           Person.family_kana, Person.given_kana, Person.birth_date,
                           Person.category, User.display_name, key)
                    .outerjoin(User, User.id == Person.caseworker_id)
                    .where(*self._persons_matching(conn, actor, filters)))
            if after is not None:
                # (key, id) > (k, i), spelled so that the first conjunct is an index range.
                value, last_id = after
                if descending:
                    stmt = stmt.where(key <= value, or_(key < value, Person.id < last_id))
                else:
                    stmt = stmt.where(key >= value, or_(key > value, Person.id > last_id))
            order = (key.desc(), Person.id.desc()) if descending else (key, Person.id)
            office_wide, one_caseworker = ORDER_INDEX[sort]
            stmt = stmt.order_by(*order).limit(limit)
            if filters.caseworker_id:
                persons = conn.execute(
                    stmt.with_hint(Person, f"INDEXED BY {one_caseworker}", "sqlite")).all()
            elif actor.role in OFFICE_READERS:
                persons = conn.execute(
                    stmt.with_hint(Person, f"INDEXED BY {office_wide}", "sqlite")).all()
            else:
                # A caseworker sees their own persons and the few shared with them: walk
                # their own index, fetch the shared ones apart, and merge the two in order.
                own = conn.execute(
                    stmt.where(Person.caseworker_id == actor.user_id)
                    .with_hint(Person, f"INDEXED BY {one_caseworker}", "sqlite")).all()
                shared = conn.execute(stmt.where(
                    Person.id.in_(select(CaseShare.person_id).where(
                        CaseShare.user_id == actor.user_id, CaseShare.deleted_at.is_(None))),
                    or_(Person.caseworker_id.is_(None),
                        Person.caseworker_id != actor.user_id))).all()
                pick = heapq.nlargest if descending else heapq.nsmallest
                persons = pick(limit, [*own, *shared], key=lambda r: (r[9], r[0]))
            latest: dict[uuid.UUID, Any] = {}
            if persons:
                episodes = conn.execute(
                    select(Episode.person_id, Episode.id, Episode.state, Episode.state_since,
                           Episode.planned_end_on)
                    .where(Episode.person_id.in_([p[0] for p in persons]),
                           Episode.deleted_at.is_(None), Episode.state.in_(filters.states))
                    .order_by(Episode.intake_on))
                for ep in episodes:
                    latest[ep[0]] = ep  # later intakes overwrite earlier ones
        rows = []
        for p in persons:
            e = latest.get(p[0])
            if e is None:  # changed between the two reads; it will show on refresh
                continue
            rows.append(CaseloadRow(e[1], p[0], p[1], f"{p[2]} {p[3]}", f"{p[4]} {p[5]}", p[6],
                                    p[7], e[2], e[3], e[4], p[8] or "", p[9]))
        return rows

    def count(self, actor: Actor, filters: CaseloadFilter) -> int:
        with self.ctx.db.read_connection() as conn:
            stmt = select(func.count(Person.id)).where(
                *self._persons_matching(conn, actor, filters))
            return int(conn.execute(stmt).scalar_one())

    def agenda(self, actor: Actor, horizon_days: int = 7, limit: int = 200,
               overdue_days: int = 365) -> Agenda:
        """今日の予定: what is due within ``horizon_days``, or overdue by at most
        ``overdue_days`` (older items are a data-cleaning matter, found with the caseload's
        overdue filter; the bound also keeps every query an index range)."""
        today = self.ctx.today()
        until = today + timedelta(days=horizon_days)
        since = today - timedelta(days=overdue_days)
        items: list[AgendaItem] = []
        person_cols = (Episode.id, Person.id, Person.case_number, Person.family_name,
                       Person.given_name)
        base_filters = (Person.deleted_at.is_(None), Episode.deleted_at.is_(None),
                        visible_persons(actor), Episode.state != "closed")

        def add(kind: str, due: date, r: Any, detail: str, item_id: uuid.UUID | None) -> None:
            items.append(AgendaItem(kind, due, due < today, r[0], r[1], r[2], f"{r[3]} {r[4]}",
                                    detail, item_id))

        with self.ctx.db.read_connection() as conn:
            wait_days = read_setting(conn, "referral_wait_days")
            rows = conn.execute(
                select(*person_cols, RetentionCheckpoint.due_on, RetentionCheckpoint.months,
                       RetentionCheckpoint.id)
                .join(Episode, Episode.id == RetentionCheckpoint.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, RetentionCheckpoint.done_on.is_(None),
                       RetentionCheckpoint.deleted_at.is_(None),
                       RetentionCheckpoint.due_on >= since, RetentionCheckpoint.due_on <= until)
                .order_by(RetentionCheckpoint.due_on).limit(limit))
            for r in rows:
                add("checkpoint", r[5], r, _t("{months}か月定着確認").format(months=r[6]), r[7])
            rows = conn.execute(
                select(*person_cols, PlanReview.due_on, Plan.revision, PlanReview.id)
                .join(Plan, Plan.id == PlanReview.plan_id)
                .join(Episode, Episode.id == Plan.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, PlanReview.done_on.is_(None),
                       PlanReview.deleted_at.is_(None), PlanReview.due_on >= since,
                       PlanReview.due_on <= until)
                .order_by(PlanReview.due_on).limit(limit))
            for r in rows:
                add("plan_review", r[5], r, _t("支援プラン（第{revision}版）の見直し").format(
                    revision=r[6]), r[7])
            rows = conn.execute(
                select(*person_cols, Referral.referred_on, Referral.number, Referral.id)
                .join(Episode, Episode.id == Referral.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, Referral.status == "sent",
                       Referral.deleted_at.is_(None),
                       Referral.referred_on >= since - timedelta(days=wait_days),
                       Referral.referred_on <= today - timedelta(days=wait_days))
                .order_by(Referral.referred_on).limit(limit))
            for r in rows:
                due = r[5] + timedelta(days=wait_days)
                add("waiting_referral", due, r,
                    _t("支援要請（{number}）からHWの回答待ち {days}日").format(
                        number=r[6], days=(today - r[5]).days), r[7])
            # Referrals Hello Work accepted where nothing of its support was recorded for
            # N days (since the latest activity, or since the acceptance): one index range.
            silence = read_setting(conn, "hello_work_silence_days")
            last = Referral.last_news_on
            rows = conn.execute(
                select(*person_cols, last, Referral.number, Referral.id)
                .join(Episode, Episode.id == Referral.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, Episode.state == "active", Referral.status == "accepted",
                       Referral.deleted_at.is_(None),
                       last >= since - timedelta(days=silence),
                       last <= today - timedelta(days=silence))
                .order_by(last).limit(limit))
            for r in rows:
                add("hello_work_silent", r[5] + timedelta(days=silence), r,
                    _t("支援要請（{number}）: ハローワークの支援の記録が {days}日ありません").format(
                        number=r[6], days=(today - r[5]).days), r[7])
            # 採用 reported by Hello Work, waiting for the caseworker to record the placement.
            rows = conn.execute(
                select(*person_cols, HelloWorkActivity.activity_on, HelloWorkActivity.company,
                       HelloWorkActivity.id)
                .join(Episode, Episode.id == HelloWorkActivity.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, HelloWorkActivity.kind == "outcome",
                       HelloWorkActivity.result == "hired",
                       HelloWorkActivity.placement_id.is_(None),
                       HelloWorkActivity.dismissed_on.is_(None),
                       HelloWorkActivity.deleted_at.is_(None),
                       HelloWorkActivity.activity_on >= since,
                       HelloWorkActivity.activity_on <= until)
                .order_by(HelloWorkActivity.activity_on).limit(limit))
            for r in rows:
                add("hire_reported", r[5], r,
                    _t("ハローワークから採用の連絡（{company}）: 就職の記録を確認").format(
                        company=r[6]), r[7])
            rows = conn.execute(
                select(*person_cols, ContactLog.next_action_due, ContactLog.next_action,
                       ContactLog.id)
                .join(Episode, Episode.id == ContactLog.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, ContactLog.next_action_done_on.is_(None),
                       ContactLog.next_action_due >= since, ContactLog.next_action_due <= until,
                       ContactLog.deleted_at.is_(None))
                .order_by(ContactLog.next_action_due).limit(limit))
            for r in rows:
                add("next_action", r[5], r, str(r[6]), r[7])
            rows = conn.execute(
                select(*person_cols, Episode.planned_end_on)
                .join(Person, Person.id == Episode.person_id)
                .where(*base_filters, Episode.state.in_(("active", "placed", "retention")),
                       Episode.planned_end_on >= since, Episode.planned_end_on <= until)
                .order_by(Episode.planned_end_on).limit(limit))
            for r in rows:
                add("period_end", r[5], r, _t("支援期間の終了予定"), None)
        items.sort(key=lambda i: (i.due_on, i.case_number))
        return Agenda(today, tuple(items))

