"""The caseload list (keyset pages, filters, sorting) and today's work (今日の予定)."""

from __future__ import annotations

import heapq
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

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
from desktop.services.audit import check_still_signed_in
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import InvalidInput
from desktop.services.labels import CATEGORIES, STATES
from desktop.services.permissions import OFFICE_READERS, organisation_scope, visible_persons
from desktop.services.settings import read_setting
from desktop.services.states import OPEN_STATES, SUPPORTING

_t = translator("Caseload")
# Every column the list shows can order it (the UI's columns, in their order).
SORT_KEYS = ("case_number", "name", "kana", "birth_date", "category", "state", "state_since",
             "planned_end_on", "caseworker")



# The reader of warm_up: no one's account (it sees nothing and returns nothing), so the
# account check of the lists is skipped for it alone, by identity.
_WARM_UP = Actor(uuid.UUID(int=0), "", "", "viewer")


def _check_signed_in(conn: Connection, actor: Actor) -> None:
    if actor is not _WARM_UP:
        check_still_signed_in(conn, actor)

@dataclass(frozen=True)
class _Walk:
    """One stretch of a sort order: the rows matching ``where``, in ``key`` order, read by
    walking an index that yields that order and stopping after a page. A sort order is one
    or more walks one after the other (状態 is one walk per state, in the workflow's order).

    The page names the index (SQLite's INDEXED BY): left to itself, with the statistics of a
    large office, the planner scanned a narrow covering index and sorted every person before
    taking 200 (4-15 s on 300,000 persons), where walking the ordered index stops after the
    first 200 matches. Person columns are walked on the persons table, for the whole office
    (``office_index``), one caseworker (``caseworker_index``, leading with the caseworker) or
    one organisation (``organisation_index``, leading with the organisation; the office-wide
    index, skipping the other organisations' persons, where there is none); the episode's
    columns (状態, 状態の日付, 支援終了予定) on the episodes table."""

    key: Any
    where: tuple[ColumnElement[bool], ...] = ()
    office_index: str = ""
    caseworker_index: str = ""
    episodes: bool = False
    organisation_index: str = ""


def _person_walk(key: Any, office: str, caseworker: str, *where: ColumnElement[bool],
                 organisation: str = "") -> _Walk:
    return _Walk(key, where, office, caseworker, organisation_index=organisation or office)


_PERSON_WALKS: dict[str, _Walk] = {
    "case_number": _person_walk(Person.case_number_key, "ix_persons_case_number_key",
                                "ix_persons_caseworker_case_number",
                                organisation="ix_persons_organisation_case_number"),
    # One caseworker's list walks the office-wide index for these (about 1 in 8 match): an
    # index per caseworker for each made writes (the ledger import) slower.
    "name": _person_walk(Person.name_key, "ix_persons_name_key", "ix_persons_name_key"),
    "kana": _person_walk(Person.kana_key, "ix_persons_kana_key", "ix_persons_caseworker_kana",
                         organisation="ix_persons_organisation_kana"),
    "birth_date": _person_walk(Person.birth_date, "ix_persons_birth_date",
                               "ix_persons_birth_date"),
}


@dataclass(frozen=True)
class CaseloadFilter:
    states: tuple[str, ...] = OPEN_STATES
    category: str | None = None
    caseworker_id: uuid.UUID | None = None
    overdue_only: bool = False
    # An administrator's view of one organisation (the others see only their own anyway).
    organisation_id: uuid.UUID | None = None


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
    # Where this row stands in its sort order: give it back as ``after`` for the next page.
    cursor: Any = field(compare=False, repr=False)


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

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)


HIRE_GRACE_DAYS = 7  # a 採用 Hello Work reported is due to be recorded within a week


def overdue(ep: Any, today: date, wait_days: int, silence_days: int) -> ColumnElement[bool]:
    """The episode ``ep`` (the entity or an alias) has something overdue: exactly what
    今日の予定 marks 期限超過 — a retention check (also one kept open when the episode was
    closed), and for an episode still open a plan review, a referral unanswered after the
    waiting days, a referral Hello Work has been silent on for longer than the silence days,
    a reported 採用 not recorded within a week, a next action, or the end of the support
    period."""
    check = select(RetentionCheckpoint.id).where(
        RetentionCheckpoint.episode_id == ep.id, RetentionCheckpoint.done_on.is_(None),
        RetentionCheckpoint.due_on < today, RetentionCheckpoint.deleted_at.is_(None))
    review = (select(PlanReview.id).join(Plan, Plan.id == PlanReview.plan_id)
              .where(Plan.episode_id == ep.id, PlanReview.done_on.is_(None),
                     PlanReview.due_on < today, PlanReview.deleted_at.is_(None)))
    waiting = select(Referral.id).where(
        Referral.episode_id == ep.id, Referral.status == "sent",
        Referral.referred_on < today - timedelta(days=wait_days),
        Referral.deleted_at.is_(None))
    action = select(ContactLog.id).where(
        ContactLog.episode_id == ep.id, ContactLog.next_action_done_on.is_(None),
        ContactLog.next_action_due < today, ContactLog.deleted_at.is_(None))
    silent = select(Referral.id).where(
        Referral.episode_id == ep.id, Referral.status == "accepted",
        Referral.last_news_on < today - timedelta(days=silence_days),
        Referral.deleted_at.is_(None))
    hire = select(HelloWorkActivity.id).where(
        HelloWorkActivity.episode_id == ep.id, HelloWorkActivity.kind == "outcome",
        HelloWorkActivity.result == "hired", HelloWorkActivity.placement_id.is_(None),
        HelloWorkActivity.dismissed_on.is_(None), HelloWorkActivity.deleted_at.is_(None),
        HelloWorkActivity.activity_on < today - timedelta(days=HIRE_GRACE_DAYS))
    # A closed episode can only have a kept check. There are many closed episodes and few
    # open checks past due, so for them the checks are read once per query (uncorrelated
    # IN, from the open-checks index), not looked up episode by episode.
    kept = (select(RetentionCheckpoint.episode_id)
            .where(RetentionCheckpoint.done_on.is_(None), RetentionCheckpoint.due_on < today,
                   RetentionCheckpoint.deleted_at.is_(None)))
    return or_(and_(ep.state != "closed",
                    or_(exists(check), exists(review), exists(waiting), exists(action),
                        exists(silent), exists(hire))),
               and_(ep.state == "closed", ep.id.in_(kept)),
               and_(ep.planned_end_on < today,
                    ep.state.in_([literal(s) for s in SUPPORTING])))


@dataclass(frozen=True)
class OverdueTerms:
    """期限超過 as of ``today``, with the office's waiting and silence days."""

    today: date
    wait_days: int
    silence_days: int


def overdue_terms(ctx: ServiceContext, conn: Connection) -> OverdueTerms:
    """What 期限超過 is measured against today."""
    return OverdueTerms(ctx.today(), read_setting(conn, "referral_wait_days"),
                        read_setting(conn, "hello_work_silence_days"))


def listed_states(filters: CaseloadFilter) -> tuple[str, ...]:
    """The states listed under ``filters``: with 期限超過のみ also 終了 (a retention check
    kept open after closing can be overdue)."""
    if filters.overdue_only and "closed" not in filters.states:
        return (*filters.states, "closed")
    return filters.states


def episode_matches(ep: Any, filters: CaseloadFilter,
                    terms: OverdueTerms | None) -> list[ColumnElement[bool]]:
    """Conditions on the episode ``ep`` for it to be listed under ``filters`` (the caseload
    list and the search both filter with these). With 期限超過のみ (``terms`` given), a
    closed episode whose retention checks were kept open and are overdue is listed too, so
    that the list holds everything 今日の予定 shows as overdue. The states are literal
    values, not one expanding parameter, so the search can compile its statement once to
    plain SQL."""
    states = listed_states(filters) if terms is not None else filters.states
    where = [ep.deleted_at.is_(None), ep.state.in_([literal(s) for s in states])]
    if terms is not None:
        where.append(overdue(ep, terms.today, terms.wait_days, terms.silence_days))
    return where


class CaseloadService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _matching(self, conn: Connection, ep: Any,
                  filters: CaseloadFilter) -> list[ColumnElement[bool]]:
        return episode_matches(ep, filters, self.overdue_terms(conn, filters))

    def overdue_terms(self, conn: Connection, filters: CaseloadFilter) -> OverdueTerms | None:
        return overdue_terms(self.ctx, conn) if filters.overdue_only else None

    def _listed_states(self, filters: CaseloadFilter) -> tuple[str, ...]:
        return listed_states(filters)

    def _persons_matching(self, conn: Connection, actor: Actor,
                          filters: CaseloadFilter) -> list[ColumnElement[bool]]:
        # The person's own columns first: SQLite tests the terms in this order, and the
        # episode test (with 期限超過のみ, four lookups) is the dear one.
        where: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
        if filters.category:
            where.append(Person.category == filters.category)
        if filters.caseworker_id:
            where.append(Person.caseworker_id == filters.caseworker_id)
        if filters.organisation_id:
            where.append(Person.organisation_id == filters.organisation_id)
        return [*where, visible_persons(actor),
                exists(select(Episode.id).where(Episode.person_id == Person.id,
                                                *self._matching(conn, Episode, filters)))]

    def _walks(self, conn: Connection, sort: str, filters: CaseloadFilter) -> list[_Walk]:
        """The walks that make up ``sort``, in ascending order."""
        if sort in _PERSON_WALKS:
            return [_PERSON_WALKS[sort]]
        if sort == "category":
            return [*(_person_walk(Person.kana_key, "ix_persons_category_kana",
                                   "ix_persons_category_kana",
                                   Person.category == code) for code in CATEGORIES),
                    _person_walk(Person.kana_key, "ix_persons_kana_key",
                                 "ix_persons_caseworker_kana",
                                 Person.category.not_in(list(CATEGORIES)))]
        if sort == "caseworker":
            staff = conn.execute(select(User.id).order_by(User.display_name, User.id)).scalars()
            by = "ix_persons_caseworker_kana"
            return [*(_person_walk(Person.kana_key, by, by, Person.caseworker_id == user)
                      for user in staff),
                    _person_walk(Person.kana_key, by, by, Person.caseworker_id.is_(None))]
        since = "ix_episodes_state_since"
        if sort == "state":
            listed = self._listed_states(filters)
            return [_Walk(Episode.state_since, (Episode.state == state,), since, episodes=True)
                    for state in STATES if state in listed]
        if sort == "state_since":
            return [_Walk(Episode.state_since, (), since, episodes=True)]
        if sort == "planned_end_on":  # those with an end date first, then the others
            return [_Walk(Episode.planned_end_on, (Episode.planned_end_on.is_not(None),),
                          "ix_episodes_planned_end_state", episodes=True),
                    _Walk(Episode.state_since, (Episode.planned_end_on.is_(None),), since,
                          episodes=True)]
        raise InvalidInput("sort", _t("並べ替えの項目が正しくありません"))

    def page(self, actor: Actor, filters: CaseloadFilter, sort: str = "kana",
             descending: bool = False, after: Any = None,
             limit: int = 200) -> list[CaseloadRow]:
        """One keyset page: rows strictly after ``after`` (the ``cursor`` of the last row of
        the previous page), so that scrolling never re-reads or skips rows as the list
        changes. One row per person, with their latest matching episode."""
        with self.ctx.db.read_connection() as conn:
            _check_signed_in(conn, actor)
            walks = list(enumerate(self._walks(conn, sort, filters)))
            if descending:
                walks.reverse()
            rows: list[CaseloadRow] = []
            for number, walk in walks:
                if after is not None and (number > after[0] if descending
                                          else number < after[0]):
                    continue
                resume = (after[1], after[2]) if after is not None and number == after[0] \
                    else None
                read = self._episode_walk if walk.episodes else self._person_walk
                rows += read(conn, actor, filters, number, walk, descending, resume,
                             limit - len(rows))
                if len(rows) >= limit:
                    break
            return rows

    @staticmethod
    def _after(key: Any, tiebreak: Any, resume: tuple[Any, uuid.UUID],
               descending: bool) -> list[ColumnElement[bool]]:
        # (key, id) > (k, i), spelled so that the first conjunct is an index range.
        value, last_id = resume
        if descending:
            return [key <= value, or_(key < value, tiebreak < last_id)]
        return [key >= value, or_(key > value, tiebreak > last_id)]

    def _person_walk(self, conn: Connection, actor: Actor, filters: CaseloadFilter,
                     number: int, walk: _Walk, descending: bool,
                     resume: tuple[Any, uuid.UUID] | None, limit: int) -> list[CaseloadRow]:
        key = walk.key
        order = (key.desc(), Person.id.desc()) if descending else (key, Person.id)

        def query(*first: ColumnElement[bool]) -> Any:
            # ``first``: the cheap tests, before the episode test.
            stmt = (select(Person.id, Person.case_number, Person.family_name,
                           Person.given_name, Person.family_kana, Person.given_kana,
                           Person.birth_date, Person.category, User.display_name, key)
                    .outerjoin(User, User.id == Person.caseworker_id)
                    .where(*walk.where, *first, *self._persons_matching(conn, actor, filters)))
            if resume is not None:
                stmt = stmt.where(*self._after(key, Person.id, resume, descending))
            return stmt.order_by(*order).limit(limit)

        if filters.caseworker_id:
            persons = conn.execute(
                query().with_hint(Person, f"INDEXED BY {walk.caseworker_index}", "sqlite")).all()
        elif filters.organisation_id or organisation_scope(actor):
            persons = conn.execute(query().with_hint(
                Person, f"INDEXED BY {walk.organisation_index}", "sqlite")).all()
        elif actor.role in OFFICE_READERS:
            persons = conn.execute(
                query().with_hint(Person, f"INDEXED BY {walk.office_index}", "sqlite")).all()
        else:
            # A caseworker sees their own persons and the few shared with them: walk
            # their own index, fetch the shared ones apart, and merge the two in order.
            own = conn.execute(
                query(Person.caseworker_id == actor.user_id)
                .with_hint(Person, f"INDEXED BY {walk.caseworker_index}", "sqlite")).all()
            shared = conn.execute(query(
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
                       *self._matching(conn, Episode, filters))
                .order_by(Episode.intake_on, Episode.id))
            for ep in episodes:
                latest[ep[0]] = ep  # later intakes overwrite earlier ones
        rows = []
        for p in persons:
            e = latest.get(p[0])
            if e is None:  # changed between the two reads; it will show on refresh
                continue
            rows.append(CaseloadRow(e[1], p[0], p[1], f"{p[2]} {p[3]}", f"{p[4]} {p[5]}", p[6],
                                    p[7], e[2], e[3], e[4], p[8] or "", (number, p[9], p[0])))
        return rows

    def _episode_walk(self, conn: Connection, actor: Actor, filters: CaseloadFilter,
                      number: int, walk: _Walk, descending: bool,
                      resume: tuple[Any, uuid.UUID] | None, limit: int) -> list[CaseloadRow]:
        """A sort by the episode's columns: walk the episodes in that order, keeping each
        person's latest matching episode only (a later one would be the row shown)."""
        key = walk.key
        later = aliased(Episode)
        superseded = exists(select(later.id).where(
            later.person_id == Episode.person_id, *self._matching(conn, later, filters),
            or_(later.intake_on > Episode.intake_on,
                and_(later.intake_on == Episode.intake_on, later.id > Episode.id))))
        stmt = (select(Person.id, Person.case_number, Person.family_name, Person.given_name,
                       Person.family_kana, Person.given_kana, Person.birth_date,
                       Person.category, User.display_name, Episode.id, Episode.state,
                       Episode.state_since, Episode.planned_end_on, key)
                .select_from(Episode)
                .join(Person, Person.id == Episode.person_id)
                .outerjoin(User, User.id == Person.caseworker_id)
                .where(*self._matching(conn, Episode, filters), *walk.where, ~superseded,
                       Person.deleted_at.is_(None), visible_persons(actor)))
        if filters.category:
            stmt = stmt.where(Person.category == filters.category)
        if filters.caseworker_id:
            stmt = stmt.where(Person.caseworker_id == filters.caseworker_id)
        if filters.organisation_id:
            stmt = stmt.where(Person.organisation_id == filters.organisation_id)
        if resume is not None:
            stmt = stmt.where(*self._after(key, Episode.id, resume, descending))
        order = (key.desc(), Episode.id.desc()) if descending else (key, Episode.id)
        stmt = stmt.order_by(*order).limit(limit)
        hinted = stmt.with_hint(Episode, f"INDEXED BY {walk.office_index}", "sqlite")
        found: list[Any]
        if not filters.overdue_only:
            found = list(conn.execute(hinted))
        else:
            # Closed episodes are listed here only for a retention check kept open and now
            # overdue. Walking the index, each closed one (most of the early dates) would be
            # read to test that; instead the few that qualify are read from the open checks
            # and merged in order.
            found = [*conn.execute(hinted.where(Episode.state != "closed")),
                     *conn.execute(stmt.where(Episode.state == "closed"))]
            pick = heapq.nlargest if descending else heapq.nsmallest
            found = pick(limit, found, key=lambda r: (r[13], r[9]))
        return [CaseloadRow(r[9], r[0], r[1], f"{r[2]} {r[3]}", f"{r[4]} {r[5]}", r[6], r[7],
                            r[10], r[11], r[12], r[8] or "", (number, r[13], r[9]))
                for r in found]

    def warm_up(self) -> None:
        """Read what the first screen reads, office-wide, and drop it: SQLite's page cache
        and the compiled statements are then ready when someone signs in (the desktop app
        runs this on its worker while the sign-in window is up; cold, the agenda and the
        first page took 140 ms instead of 40). Nothing is returned or shown."""
        self.agenda(_WARM_UP)
        self.page(_WARM_UP, CaseloadFilter())

    def count(self, actor: Actor, filters: CaseloadFilter) -> int:
        """How many persons the list holds under ``filters`` (one row per person)."""
        with self.ctx.db.read_connection() as conn:
            _check_signed_in(conn, actor)
            stmt = select(func.count(Person.id)).where(
                *self._persons_matching(conn, actor, filters))
            return int(conn.execute(stmt).scalar_one())

    def agenda(self, actor: Actor, horizon_days: int = 7, limit: int = 200,
               overdue_days: int = 365) -> Agenda:
        """今日の予定: what is due within ``horizon_days``, or overdue by at most
        ``overdue_days`` (older items are a data-cleaning matter, found with the caseload's
        overdue filter; the bound also keeps every query an index range). Retention checks
        kept open when their episode was closed stay here until recorded."""
        today = self.ctx.today()
        until = today + timedelta(days=horizon_days)
        since = today - timedelta(days=overdue_days)
        items: list[AgendaItem] = []
        person_cols = (Episode.id, Person.id, Person.case_number, Person.family_name,
                       Person.given_name)
        live = (Person.deleted_at.is_(None), Episode.deleted_at.is_(None),
                visible_persons(actor))
        base_filters = (*live, Episode.state != "closed")

        def add(kind: str, due: date, r: Any, detail: str, item_id: uuid.UUID | None) -> None:
            items.append(AgendaItem(kind, due, due < today, r[0], r[1], r[2], f"{r[3]} {r[4]}",
                                    detail, item_id))

        with self.ctx.db.read_connection() as conn:
            _check_signed_in(conn, actor)
            wait_days = read_setting(conn, "referral_wait_days")
            rows = conn.execute(
                select(*person_cols, RetentionCheckpoint.due_on, RetentionCheckpoint.months,
                       RetentionCheckpoint.id)
                .join(Episode, Episode.id == RetentionCheckpoint.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(*live, RetentionCheckpoint.done_on.is_(None),
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
                        number=r[6] or _t("未発行"), days=(today - r[5]).days), r[7])
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
                        number=r[6] or _t("未発行"), days=(today - r[5]).days), r[7])
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
                add("hire_reported", r[5] + timedelta(days=HIRE_GRACE_DAYS), r,
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
                .where(*base_filters, Episode.state.in_(SUPPORTING),
                       Episode.planned_end_on >= since, Episode.planned_end_on <= until)
                .order_by(Episode.planned_end_on).limit(limit))
            for r in rows:
                add("period_end", r[5], r, _t("支援期間の終了予定"), None)
        items.sort(key=lambda i: (i.due_on, i.case_number))
        return Agenda(today, tuple(items))

