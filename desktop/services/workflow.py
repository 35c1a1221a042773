"""The support episode (支援エピソード) and its state machine, with the records that drive it:
screening and the route it leads to (支援の経路), referral (支援要請), plan (就労支援プラン),
placement (就職), retention checkpoints (定着確認), support period extensions, protection
outcomes, contact log and closure.

The state is never edited directly: every change goes through ``_move`` which checks the
transition table, stores a Transition row and audits it, all in the caller's transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, shown_date, translator
from desktop.japanese.wareki import add_months, format_wareki
from desktop.models import (
    Consent,
    ContactLog,
    Episode,
    HelloWorkActivity,
    HelloWorkOffice,
    Placement,
    Plan,
    PlanReview,
    ProtectionOutcome,
    Referral,
    RetentionCheckpoint,
    RouteChange,
    SupportExtension,
    Transition,
)
from desktop.services import audit
from desktop.services.attribution import freeze_at_referral
from desktop.services.builder import (
    History,
    Move,
    support_end,
    transition_values,
)
from desktop.services.consent import (
    ConsentRecord,
    consent_record,
    missing_for_referral,
    withdraw,
)
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.employers import usable_employer
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import (
    ConsentMissing,
    DomainError,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
)
from desktop.services.labels import (
    CHECKPOINT_OBSERVED,
    CLOSURE_NO_CONSENT,
    CLOSURE_WITHDRAWN,
    CONTACT_KINDS,
    PLACEMENT_ROUTES,
    PROTECTION_OUTCOMES,
    ROUTES,
    STATES,
    SUPPORT_MENU,
    TERM_CATEGORIES,
    shown,
)
from desktop.services.permissions import check_edit, check_read
from desktop.services.persons import (
    PersonInput,
    PersonRecord,
    actor_organisation,
    insert_person,
    load_person,
    prepare_new_person,
    record_assignment,
    to_record,
)
from desktop.services.settings import read_setting
from desktop.services.states import ALLOWED, SUPPORTING, check_day, check_move, refusal

_t = translator("Workflow")
# The route (支援の経路) can change from the screening decision until Hello Work's support has
# led to a job: 検討, 同意取得, 支援要請済 (the waiting referral is withdrawn) and 支援中.
ROUTE_STATES = ("screening", "consented", "referred", "active")
HELLO_WORK_ROUTE = "hello_work"
ROUTE_WITHDRAWAL_NOTE = "経路の変更により支援要請を取下げ"
# A retention check recorded more than this before its due date is asked about first.
EARLY_CHECK_DAYS = 14
# What becomes of the retention checks still open when an episode is closed.
OPEN_CHECKS_CANCEL, OPEN_CHECKS_KEEP = "cancel", "keep"


# ---------------------------------------------------------------- inputs and results


@dataclass(frozen=True)
class TeamMember:
    name: str
    side: str  # welfare | hello_work
    role: str = ""


@dataclass(frozen=True)
class PlanInput:
    team: list[TeamMember]
    goal_job: str
    goal_employment_type: str = ""
    goal_hours: str = ""
    goal_wage: str = ""
    goal_area: str = ""
    goal_target_on: date | None = None
    barriers: str = ""
    menu: list[str] = field(default_factory=list)
    role_hello_work: str = ""
    role_welfare: str = ""
    review_dates: list[date] = field(default_factory=list)
    # The plan's date (作成日) printed on it; None: the day support starts (a first plan)
    # or today (a revision).
    planned_on: date | None = None


@dataclass(frozen=True)
class PlacementInput:
    start_on: date
    employer: str
    term_category: str
    employer_address: str = ""
    job_title: str = ""
    employment_type: str = ""
    weekly_hours: float | None = None
    wage_amount: int | None = None
    wage_unit: str = "monthly"
    employment_insurance: bool = False
    route: str = "hello_work"
    # A 協力事業所 from the registry: its name and address fill the blanks above.
    employer_id: uuid.UUID | None = None
    # The 採用 reported by Hello Work that this placement confirms (a proposal), if any.
    hired_activity_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ContactInput:
    on: date
    kind: str
    content: str
    next_action: str = ""
    next_action_due: date | None = None
    attendees_welfare: str = ""
    attendees_hello_work: str = ""
    decisions: str = ""
    next_review_on: date | None = None


@dataclass(frozen=True)
class TransitionRecord:
    from_state: str | None
    to_state: str
    on: date
    by: uuid.UUID | None
    reason: str | None
    note: str
    # What the action recorded beside the move, kept elsewhere: the 離職理由 of a job that
    # ended (on the placement), the 理由・メモ of a route change that withdrew a referral.
    detail: str = ""


@dataclass(frozen=True)
class EpisodeSummary:
    id: uuid.UUID
    person_id: uuid.UUID
    state: str
    state_since: date
    intake_on: date
    support_start_on: date | None
    planned_end_on: date | None
    closed_on: date | None
    closure_reason: str | None
    screening_decision: str | None
    version: int
    route: str | None = None  # 支援の経路 now (labels.ROUTES)
    screening_route: str | None = None  # the route the screening decision led to


@dataclass(frozen=True)
class RouteChangeRecord:
    """One move of the episode's route (the screening decision's first)."""

    from_route: str | None
    to_route: str
    on: date
    by: uuid.UUID | None
    note: str


@dataclass(frozen=True)
class CheckpointRecord:
    id: uuid.UUID
    placement_id: uuid.UUID
    months: int
    due_on: date
    done_on: date | None
    result: str | None


class OpenCheckpoints(DomainError):
    """Closing would leave retention checks open: the caller must say whether they are
    cancelled with the closure or kept (``close_episode(open_checkpoints=...)``)."""

    def __init__(self, message: str, checkpoints: list[CheckpointRecord]) -> None:
        super().__init__(message)
        self.checkpoints = checkpoints


@dataclass(frozen=True)
class ReferralRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    number: str | None  # None until the 支援要請書 is issued
    referred_on: date
    office_id: uuid.UUID
    status: str


@dataclass(frozen=True)
class ActionAvailability:
    """Whether a transition can be made now and, if not, why (for disabled buttons)."""

    target: str
    allowed: bool
    reason: str = ""


def _summary(e: Episode) -> EpisodeSummary:
    return EpisodeSummary(e.id, e.person_id, e.state, e.state_since, e.intake_on,
                          e.support_start_on, e.planned_end_on, e.closed_on, e.closure_reason,
                          e.screening_decision, e.version, route_of(e),
                          e.screening_route if e.route is not None else route_of(e))


def route_of(episode: Episode) -> str | None:
    """The episode's route now. An approved screening with none recorded was decided before
    routes existed (revision 0011), when the Hello Work referral was the only one."""
    if episode.route is not None:
        return episode.route
    return HELLO_WORK_ROUTE if episode.screening_decision == "approved" else None


# ---------------------------------------------------------------- the service


class WorkflowService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    # -- helpers -------------------------------------------------------------

    def _check_day(self, on: date, earliest: date | None, field_name: str = "on") -> None:
        check_day(on, earliest, self.ctx.today(), field_name)

    def _move(self, s: Session, actor: Actor, episode: Episode, to: str, on: date,
              reason: str | None = None, note: str = "") -> None:
        """The only code that changes a stored episode's state (the bulk paths build theirs
        with builder.History): the one check, a Transition row, an audit row."""
        check_move(episode.state, to, on, episode.state_since, self.ctx.today())
        move = Move(episode.state, to, on, reason, note)
        s.add(stamp_new(self.ctx, actor, Transition(
            **transition_values(episode.id, move, actor.user_id, self.ctx.now()))))
        previous = episode.state
        episode.state, episode.state_since = to, on
        if to == "closed":
            episode.closed_on, episode.closure_reason = on, reason
        stamp_update(actor, episode)
        s.flush()
        if "active" in (previous, to):
            self._news_clock(s, actor, episode, on)
        audit.append(s, self.ctx, actor, "transition", "episode", episode.id,
                     **{"from": previous, "to": to, "on": on, "reason": reason or ""})

    def _news_clock(self, s: Session, actor: Actor, episode: Episode, on: date) -> None:
        """今日の予定 watches Hello Work's silence only while the case is in support: the
        clock starts at the acceptance or the return to 支援中 and stops on leaving it."""
        referral = s.scalar(select(Referral).where(
            Referral.episode_id == episode.id, Referral.status == "accepted",
            Referral.deleted_at.is_(None)).order_by(Referral.referred_on.desc()).limit(1))
        if referral is not None:
            referral.last_news_on = on if episode.state == "active" else None
            stamp_update(actor, referral)

    def _guard(self, s: Session, episode: Episode, to: str, on: date,
               **kw: Any) -> str | None:
        """Domain preconditions beyond the transition table; a reason in Japanese or None."""
        if to == "consented" and episode.state == "screening":
            if episode.screening_decision != "approved":
                return _t("所内協議（ケース診断会議）で支援対象と決定されていません")
            if why := self._off_route(episode):
                return why
            missing = missing_for_referral(s, episode.id, on)
            return (_t("同意が未取得のため同意取得にできません（{missing}）").format(missing=missing)
                    if missing else None)
        if to == "referred":
            if why := self._off_route(episode):
                return why
            missing = missing_for_referral(s, episode.id, on, kw.get("office_name"))
            return (_t("同意が未取得のため支援要請できません（{missing}）").format(missing=missing)
                    if missing else None)
        if (to == "active" and episode.state == "referred"
                and self._open_referral(s, episode.id) is None):
            return _t("回答待ちの支援要請がありません")
        return None

    @staticmethod
    def _off_route(episode: Episode) -> str | None:
        """Why the episode is not on the Hello Work route now (consents and referrals are
        that route's), or None."""
        route = route_of(episode)
        if route == HELLO_WORK_ROUTE:
            return None
        return _t("支援の経路が「{route}」です。ハローワークへ支援要請するには、経路を「{hello_work}」に"
                  "変更してください").format(
            route=shown(ROUTES[route]) if route else _t("未定"),
            hello_work=shown(ROUTES[HELLO_WORK_ROUTE]))

    def _set_route(self, s: Session, actor: Actor, episode: Episode, to: str, on: date,
                   note: str = "", previous: str | None = None) -> None:
        """Store a RouteChange from ``previous`` and the episode's new route, audited
        (caller's transaction)."""
        s.add(stamp_new(self.ctx, actor, RouteChange(
            episode_id=episode.id, from_route=previous, to_route=to, effective_on=on,
            actor_id=actor.user_id, note=note)))
        episode.route = to
        stamp_update(actor, episode)
        s.flush()
        audit.append(s, self.ctx, actor, "route_change", "episode", episode.id,
                     **{"from": previous or "", "to": to, "on": on})

    def _last_route_day(self, s: Session, episode_id: uuid.UUID) -> date | None:
        return s.scalar(select(func.max(RouteChange.effective_on)).where(
            RouteChange.episode_id == episode_id, RouteChange.deleted_at.is_(None)))

    def _open_referral(self, s: Session, episode_id: uuid.UUID) -> Referral | None:
        return s.scalar(select(Referral).where(
            Referral.episode_id == episode_id, Referral.status == "sent",
            Referral.deleted_at.is_(None)).order_by(Referral.referred_on.desc()).limit(1))

    # -- reading -------------------------------------------------------------

    def episodes_of(self, actor: Actor, person_id: uuid.UUID) -> list[EpisodeSummary]:
        with self.ctx.db.read() as s:
            check_read(s, actor, load_person(s, person_id))
            rows = s.scalars(select(Episode).where(Episode.person_id == person_id,
                                                   Episode.deleted_at.is_(None))
                             .order_by(Episode.intake_on))
            return [_summary(e) for e in rows]

    def episode(self, actor: Actor, episode_id: uuid.UUID) -> EpisodeSummary:
        with self.ctx.db.read() as s:
            episode, _ = self.access.for_read(s, actor, episode_id)
            return _summary(episode)

    def timeline(self, actor: Actor, episode_id: uuid.UUID) -> list[TransitionRecord]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(Transition).where(Transition.episode_id == episode_id)
                             .order_by(Transition.recorded_at))
            ended = list(s.execute(select(Placement.end_on, Placement.end_reason).where(
                Placement.episode_id == episode_id, Placement.end_on.is_not(None),
                Placement.deleted_at.is_(None)).order_by(Placement.end_on)))
            route_notes = dict(s.execute(select(RouteChange.effective_on, RouteChange.note)
                                         .where(RouteChange.episode_id == episode_id,
                                                RouteChange.note != "",
                                                RouteChange.deleted_at.is_(None))
                                         .order_by(RouteChange.created_at)).all())

            def detail(t: Transition) -> str:
                if t.from_state in ("placed", "retention") and t.to_state == "active":
                    # The job that ended: the last one ended by the day of the move.
                    reasons = [r for end_on, r in ended
                               if end_on is not None and end_on <= t.effective_on]
                    return reasons[-1] if reasons else ""
                if t.note == ROUTE_WITHDRAWAL_NOTE:
                    return route_notes.get(t.effective_on, "")
                return ""

            return [TransitionRecord(t.from_state, t.to_state, t.effective_on, t.actor_id,
                                     t.reason, t.note, detail(t))
                    for t in rows]

    def checkpoints(self, actor: Actor, episode_id: uuid.UUID) -> list[CheckpointRecord]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(RetentionCheckpoint).where(
                RetentionCheckpoint.episode_id == episode_id,
                RetentionCheckpoint.deleted_at.is_(None)).order_by(RetentionCheckpoint.due_on))
            return [CheckpointRecord(c.id, c.placement_id, c.months, c.due_on, c.done_on,
                                     c.result) for c in rows]

    def edit_refusal(self, actor: Actor, episode_id: uuid.UUID) -> str:
        """Why ``actor`` may not change this episode's records ("" when they may): for the
        buttons that are not transitions."""
        with self.ctx.db.read() as s:
            _, person = self.access.for_read(s, actor, episode_id)
            try:
                check_edit(s, actor, person)
            except DomainError as exc:
                return exc.message
            return ""

    def available_actions(self, actor: Actor, episode_id: uuid.UUID) -> list[ActionAvailability]:
        """Every state the episode could move to next, each with allowed/why-not."""
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            episode, person = self.access.for_read(s, actor, episode_id)
            try:
                check_edit(s, actor, person)
                editable = ""
            except DomainError as exc:
                editable = exc.message
            result = []
            for target in STATES:
                if target not in ALLOWED[episode.state]:
                    continue
                reason = editable or self._guard(s, episode, target, today) or ""
                result.append(ActionAvailability(target, not reason, reason))
            return result

    # -- intake and screening -------------------------------------------------

    def open_episode(self, actor: Actor, person_id: uuid.UUID, intake_on: date,
                     note: str = "") -> EpisodeSummary:
        """Intake (候補): a person judged able to work. Only one open episode at a time."""
        self._check_day(intake_on, None, "intake_on")
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_edit(s, actor, person)
            return _summary(self._insert_episode(s, actor, person_id, intake_on, note))

    def intake(self, actor: Actor, data: PersonInput, intake_on: date, note: str = "",
               caseworker_id: uuid.UUID | None = None) -> tuple[PersonRecord, EpisodeSummary]:
        """新規受付: register a person and open their first episode in one transaction. The
        担当 is ``caseworker_id`` (a caseworker: always themselves); the episode belongs to
        the caseworker's organisation."""
        clean, caseworker_id = prepare_new_person(self.ctx, actor, data, caseworker_id)
        self._check_day(intake_on, None, "intake_on")
        with self.ctx.db.write() as s:
            person = insert_person(s, self.ctx, actor, clean, caseworker_id)
            episode = self._insert_episode(s, actor, person.id, intake_on, note)
            if caseworker_id is not None:
                record_assignment(s, self.ctx, actor, person, None, "intake", intake_on,
                                  episode.id)
            return to_record(person), _summary(episode)

    def _insert_episode(self, s: Session, actor: Actor, person_id: uuid.UUID, intake_on: date,
                        note: str) -> Episode:
        open_one = s.scalar(select(Episode.id).where(
            Episode.person_id == person_id, Episode.state != "closed",
            Episode.deleted_at.is_(None)))
        if open_one:
            raise DomainError(_t("この対象者には終了していない支援エピソードがあります"))
        history = History(intake_on, self.ctx.today(), note)
        person = load_person(s, person_id)
        episode = Episode(person_id=person_id, state=history.state, state_since=intake_on,
                          intake_on=intake_on, note=note,
                          organisation_id=person.organisation_id or actor_organisation(s, actor))
        s.add(stamp_new(self.ctx, actor, episode))
        s.flush()
        s.add(stamp_new(self.ctx, actor, Transition(**transition_values(
            episode.id, history.moves[0], actor.user_id, self.ctx.now()))))
        audit.append(s, self.ctx, actor, "create", "episode", episode.id,
                     person=str(person_id))
        return episode

    def start_screening(self, actor: Actor, episode_id: uuid.UUID, on: date,
                        note: str = "") -> EpisodeSummary:
        """検討票 filled in: the case goes to 所内協議."""
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self._move(s, actor, episode, "screening", on, note=note)
            return _summary(episode)

    def record_screening_decision(self, actor: Actor, episode_id: uuid.UUID, decision: str,
                                  decided_on: date, meeting: str = "所内協議",
                                  route: str | None = None) -> EpisodeSummary:
        """The decision of 所内協議 / ケース診断会議 (approved or rejected) and its date. An
        approval records the route it leads to (labels.ROUTES; the Hello Work referral unless
        said otherwise), which becomes the episode's route from that day."""
        if decision not in ("approved", "rejected"):
            raise InvalidInput("decision", _t("決定は「支援対象とする」か「対象としない」を選んでください"))
        if decision == "approved":
            route = route or HELLO_WORK_ROUTE
            if route not in ROUTES:
                raise InvalidInput("route", _t("支援の経路を選んでください"))
        elif route:
            raise InvalidInput("route", _t("「対象としない」決定には支援の経路はありません"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state != "screening":
                raise DomainError(_t("検討結果は「{screening}」の状態でのみ記録できます（現在: {current}）").format(
                    screening=shown(STATES['screening']), current=shown(STATES[episode.state])))
            self._check_day(decided_on, episode.state_since, "decided_on")
            before = route_of(episode)
            episode.screening_decision, episode.screening_decided_on = decision, decided_on
            episode.screening_meeting = meeting
            episode.screening_route = route
            stamp_update(actor, episode)
            s.flush()
            audit.append(s, self.ctx, actor, "screening_decision", "episode", episode.id,
                         decision=decision, on=decided_on, route=route or "")
            if route is not None and route == before:
                episode.route = route  # decided before routes existed: now said outright
            elif route is not None:
                last = self._last_route_day(s, episode.id)
                self._set_route(s, actor, episode, route, max(decided_on, last or decided_on),
                                previous=before)
            return _summary(episode)

    # -- routes ------------------------------------------------------------------

    def change_route(self, actor: Actor, episode_id: uuid.UUID, to: str, on: date,
                     note: str = "") -> EpisodeSummary:
        """A person moves to another route: from 就労準備支援事業, 職場体験 or 職業訓練 to the
        Hello Work referral, or back. Allowed from an approved screening until 支援中
        (ROUTE_STATES). Leaving the Hello Work route while a referral waits for its answer
        withdraws it (取下げ) and the episode returns to 同意取得; in 支援中 the support
        period and the team go on while the person is on the other route."""
        if to not in ROUTES:
            raise InvalidInput("route", _t("支援の経路を選んでください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state not in ROUTE_STATES:
                raise DomainError(_t("支援の経路は検討から支援中までの間に変更できます（現在: {current}）").format(
                    current=shown(STATES[episode.state])))
            if episode.screening_decision != "approved":
                raise DomainError(_t("所内協議（ケース診断会議）で支援対象と決定されてから経路を選んでください"))
            if route_of(episode) == to:
                raise InvalidInput("route", _t("既に「{route}」の経路です").format(
                    route=shown(ROUTES[to])))
            self._check_day(on, self._last_route_day(s, episode.id))
            if to != HELLO_WORK_ROUTE and episode.state == "referred":
                pending = self._open_referral(s, episode.id)
                if pending is not None:
                    pending.status, pending.status_on = "withdrawn", on
                    stamp_update(actor, pending)
                    audit.append(s, self.ctx, actor, "withdraw", "referral", pending.id)
                self._move(s, actor, episode, "consented", on, note=ROUTE_WITHDRAWAL_NOTE)
            self._set_route(s, actor, episode, to, on, note, previous=route_of(episode))
            return _summary(episode)

    def route_history(self, actor: Actor, episode_id: uuid.UUID) -> list[RouteChangeRecord]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(RouteChange).where(
                RouteChange.episode_id == episode_id, RouteChange.deleted_at.is_(None))
                .order_by(RouteChange.effective_on, RouteChange.created_at))
            return [RouteChangeRecord(r.from_route, r.to_route, r.effective_on, r.actor_id,
                                      r.note) for r in rows]

    def confirm_consent(self, actor: Actor, episode_id: uuid.UUID, on: date) -> EpisodeSummary:
        """検討 → 同意取得: both consents signed and in force, and the case approved."""
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if "consented" not in ALLOWED[episode.state] or episode.state != "screening":
                raise refusal(episode.state, "consented")
            if why := self._guard(s, episode, "consented", on):
                raise ConsentMissing(why)
            self._move(s, actor, episode, "consented", on)
            return _summary(episode)

    def refuse_consent(self, actor: Actor, episode_id: uuid.UUID, on: date,
                       note: str = "") -> EpisodeSummary:
        """The person declined to consent: 検討 → 終了 with reason 同意なし."""
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state != "screening":
                raise refusal(episode.state, "closed")
            self._move(s, actor, episode, "closed", on, reason=CLOSURE_NO_CONSENT, note=note)
            return _summary(episode)

    # -- referral to Hello Work ------------------------------------------------

    def refer_to_hello_work(self, actor: Actor, episode_id: uuid.UUID,
                            office_id: uuid.UUID, on: date,
                            number: str | None = None) -> ReferralRecord:
        """支援要請: needs consents in force naming the office as a recipient."""
        with self.ctx.db.write() as s:
            episode, person = self.access.for_edit(s, actor, episode_id)
            if "referred" not in ALLOWED[episode.state]:
                raise refusal(episode.state, "referred")
            office = s.get(HelloWorkOffice, office_id)
            if office is None or office.deleted_at is not None:
                raise InvalidInput("office", _t("支援要請先のハローワークを選んでください"))
            if not office.active:
                raise InvalidInput("office", _t("「{name}」は無効になっているハローワークです").format(
                    name=office.name))
            if why := self._guard(s, episode, "referred", on, office_name=office.name):
                raise ConsentMissing(why)
            # The number is taken when the 支援要請書 is issued (PrintService.issue); one
            # given here is that of a document already sent on paper.
            number = (number or "").strip() or None
            if number is not None and s.scalar(select(Referral.id).where(
                    Referral.number == number, Referral.deleted_at.is_(None)).limit(1)):
                raise InvalidInput("number", _t("文書番号「{number}」は既に使われています").format(number=number))
            referral = Referral(episode_id=episode.id, number=number, referred_on=on,
                                office_id=office.id, sent_by=actor.user_id, status="sent",
                                status_on=on,
                                printed_at=self.ctx.now() if number is not None else None)
            s.add(stamp_new(self.ctx, actor, referral))
            freeze_at_referral(episode, person)
            self._move(s, actor, episode, "referred", on)
            audit.append(s, self.ctx, actor, "create", "referral", referral.id,
                         episode=str(episode.id), office=str(office.id))
            return ReferralRecord(referral.id, episode.id, referral.number, on, office.id,
                                  referral.status)

    def return_referral(self, actor: Actor, episode_id: uuid.UUID, on: date,
                        reason: str) -> EpisodeSummary:
        """差戻し: Hello Work returned the referral; back to 同意取得 with the reason."""
        if not reason.strip():
            raise InvalidInput("reason", _t("差戻しの理由を入力してください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state != "referred":
                raise refusal(episode.state, "consented")
            referral = self._open_referral(s, episode.id)
            if referral is None:
                raise DomainError(_t("回答待ちの支援要請がありません"))
            referral.status, referral.status_on, referral.return_reason = "returned", on, reason
            stamp_update(actor, referral)
            self._move(s, actor, episode, "consented", on, note=reason)
            return _summary(episode)

    def accept_referral(self, actor: Actor, episode_id: uuid.UUID, on: date,
                        plan: PlanInput) -> EpisodeSummary:
        """Hello Work accepted and interviewed: 支援中, with the team and plan recorded.
        The support period starts that day (planned end = start + configured months)."""
        self._validate_plan(plan)
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state != "referred":
                raise refusal(episode.state, "active")
            referral = self._open_referral(s, episode.id)
            if referral is None:
                raise DomainError(_t("回答待ちの支援要請がありません"))
            referral.status, referral.status_on = "accepted", on
            stamp_update(actor, referral)
            episode.support_start_on = on
            episode.planned_end_on = support_end(on, read_setting(s, "support_period_months"))
            self._add_plan(s, actor, episode, plan, plan.planned_on or on)
            self._move(s, actor, episode, "active", on)
            return _summary(episode)

    # -- plan -------------------------------------------------------------------

    def _validate_plan(self, plan: PlanInput) -> None:
        """Every problem of the plan at once (InvalidInput.problems: a form shows them
        together; the trial of 12-02 met them one per try)."""
        problems: dict[str, str] = {}
        if not plan.team:
            problems["team"] = _t("就労支援チームの構成員を1人以上入力してください")
        elif any(not m.name.strip() or m.side not in ("welfare", "hello_work")
                 for m in plan.team):
            problems["team"] = _t("チーム構成員の氏名と所属（福祉/ハローワーク）を入力してください")
        if not plan.goal_job.strip():
            problems["goal_job"] = _t("目標とする職種を入力してください")
        unknown = [m for m in plan.menu if m not in SUPPORT_MENU]
        if unknown:
            problems["menu"] = _t("支援メニューが正しくありません: {items}").format(
                items=', '.join(unknown))
        if plan.planned_on is not None:
            try:
                self._check_day(plan.planned_on, None, "planned_on")
            except InvalidInput as exc:
                problems["planned_on"] = exc.message
            if plan.goal_target_on is not None and plan.goal_target_on < plan.planned_on:
                problems["goal_target_on"] = _t("目標時期がプランの作成日より前になっています")
            early = [d for d in plan.review_dates if d < plan.planned_on]
            if early:
                problems["review_dates"] = _t(
                    "見直し日（{day}）がプランの作成日（{planned}）より前になっています").format(
                        day=format_wareki(min(early)), planned=format_wareki(plan.planned_on))
        if problems:
            field, message = next(iter(problems.items()))
            raise InvalidInput(field, message, problems)

    def _add_plan(self, s: Session, actor: Actor, episode: Episode, plan: PlanInput,
                  planned_on: date) -> Plan:
        early = [d for d in plan.review_dates if d < planned_on]
        if early:
            raise InvalidInput("review_dates", _t(
                "見直し日（{day}）がプランの作成日（{planned}）より前になっています").format(
                    day=format_wareki(min(early)), planned=format_wareki(planned_on)))
        revision = (s.scalar(select(func.max(Plan.revision)).where(
            Plan.episode_id == episode.id)) or 0) + 1
        row = Plan(
            episode_id=episode.id, revision=revision,
            team=[{"name": m.name, "side": m.side, "role": m.role} for m in plan.team],
            goal_job=plan.goal_job, goal_employment_type=plan.goal_employment_type,
            goal_hours=plan.goal_hours, goal_wage=plan.goal_wage, goal_area=plan.goal_area,
            goal_target_on=plan.goal_target_on, barriers=plan.barriers, menu=list(plan.menu),
            role_hello_work=plan.role_hello_work, role_welfare=plan.role_welfare,
            planned_on=planned_on)
        s.add(stamp_new(self.ctx, actor, row))
        s.flush()
        # The superseded revision's pending reviews are settled by this revision, which
        # carries its own review dates.
        superseded = s.scalars(select(PlanReview).join(Plan, Plan.id == PlanReview.plan_id).where(
            Plan.episode_id == episode.id, Plan.revision < revision,
            PlanReview.done_on.is_(None)))
        for review in superseded:
            review.done_on = self.ctx.today()
            review.result = f"第{revision}版への改訂により終了"
            stamp_update(actor, review)
        for due in sorted(set(plan.review_dates)):
            s.add(stamp_new(self.ctx, actor, PlanReview(plan_id=row.id, due_on=due)))
        audit.append(s, self.ctx, actor, "create", "plan", row.id, episode=str(episode.id),
                     revision=revision)
        return row

    def revise_plan(self, actor: Actor, episode_id: uuid.UUID, plan: PlanInput) -> int:
        """A new revision; earlier revisions are kept unchanged. Returns the revision number."""
        self._validate_plan(plan)
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state not in SUPPORTING:
                raise DomainError(_t("支援プランは支援中・就職・定着支援の間に改訂できます（現在: {current}）").format(
                    current=shown(STATES[episode.state])))
            return self._add_plan(s, actor, episode, plan,
                                  plan.planned_on or self.ctx.today()).revision

    def record_plan_review(self, actor: Actor, review_id: uuid.UUID, done_on: date,
                           result: str) -> None:
        with self.ctx.db.write() as s:
            review = s.get(PlanReview, review_id)
            plan = s.get(Plan, review.plan_id) if review else None
            if review is None or plan is None:
                raise NotFound(_t("プランの見直し予定が見つかりません"))
            self.access.for_edit(s, actor, plan.episode_id)
            self._check_day(done_on, None, "done_on")
            review.done_on, review.result = done_on, result
            stamp_update(actor, review)
            audit.append(s, self.ctx, actor, "update", "plan_review", review.id)

    # -- placement and retention ---------------------------------------------

    def _validate_placement(self, p: PlacementInput) -> None:
        if not p.employer.strip() and p.employer_id is None:
            raise InvalidInput("employer", _t("事業所名を入力してください"))
        if p.term_category not in TERM_CATEGORIES:
            raise InvalidInput("term_category", _t("雇用期間の区分を選んでください"))
        if p.route not in PLACEMENT_ROUTES:
            raise InvalidInput("route", _t("就職経路を選んでください"))
        if p.wage_unit not in ("monthly", "hourly"):
            raise InvalidInput("wage_unit", _t("賃金の単位は月給か時給です"))
        if p.weekly_hours is not None and not 0 < p.weekly_hours <= 80:
            raise InvalidInput("weekly_hours", _t("週の労働時間は0より大きく80以下で入力してください"))
        if p.wage_amount is not None and p.wage_amount <= 0:
            raise InvalidInput("wage_amount", _t("賃金は正の金額で入力してください"))

    def record_placement(self, actor: Actor, episode_id: uuid.UUID,
                         data: PlacementInput) -> uuid.UUID:
        """就職: 支援中 → 就職 → 定着支援, with checkpoints due at the configured months."""
        self._validate_placement(data)
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state != "active":
                raise refusal(episode.state, "placed")
            employer_name, employer_address = data.employer.strip(), data.employer_address
            if data.employer_id is not None:
                employer = usable_employer(s, data.employer_id)
                employer_name = employer_name or employer.name
                employer_address = employer_address or employer.address
            placement = Placement(
                episode_id=episode.id, start_on=data.start_on, employer=employer_name,
                employer_address=employer_address, employer_id=data.employer_id,
                job_title=data.job_title,
                employment_type=data.employment_type, term_category=data.term_category,
                weekly_hours=data.weekly_hours, wage_amount=data.wage_amount,
                wage_unit=data.wage_unit, employment_insurance=data.employment_insurance,
                route=data.route)
            s.add(stamp_new(self.ctx, actor, placement))
            s.flush()
            if data.hired_activity_id is not None:
                self._confirm_hire(s, actor, episode, data.hired_activity_id, placement)
            for months in read_setting(s, "checkpoint_months"):
                s.add(stamp_new(self.ctx, actor, RetentionCheckpoint(
                    placement_id=placement.id, episode_id=episode.id, months=months,
                    due_on=add_months(data.start_on, months))))
            audit.append(s, self.ctx, actor, "create", "placement", placement.id,
                         episode=str(episode.id))
            self._move(s, actor, episode, "placed", data.start_on)
            self._move(s, actor, episode, "retention", data.start_on,
                       note="就職により定着支援へ自動移行")
            return placement.id

    def _confirm_hire(self, s: Session, actor: Actor, episode: Episode,
                      activity_id: uuid.UUID, placement: Placement) -> None:
        """Link Hello Work's reported 採用 to the placement that confirms it."""
        hire = s.get(HelloWorkActivity, activity_id)
        if (hire is None or hire.deleted_at is not None or hire.episode_id != episode.id
                or hire.kind != "outcome" or hire.result != "hired"):
            raise InvalidInput("hired_activity_id", _t("ハローワークから連絡のあった採用が見つかりません"))
        if hire.placement_id is not None:
            raise DomainError(_t("この採用は既に就職として記録されています"))
        hire.placement_id, hire.dismissed_on = placement.id, None
        stamp_update(actor, hire)
        audit.append(s, self.ctx, actor, "confirm", "hello_work_activity", hire.id,
                     placement=str(placement.id))

    def record_checkpoint(self, actor: Actor, checkpoint_id: uuid.UUID, done_on: date,
                          result: str, note: str = "",
                          early: bool = False) -> CheckpointRecord:
        """定着確認の結果. The check is dated after the job started; one dated more than
        EARLY_CHECK_DAYS before its due date raises NeedsConfirmation unless ``early``."""
        if result not in CHECKPOINT_OBSERVED:
            raise InvalidInput("result", _t("確認結果を選んでください"))
        with self.ctx.db.write() as s:
            cp = s.get(RetentionCheckpoint, checkpoint_id)
            if cp is None or cp.deleted_at is not None:
                raise NotFound(_t("定着確認の予定が見つかりません"))
            self.access.for_edit(s, actor, cp.episode_id)
            self._check_day(done_on, None, "done_on")
            placement = s.get(Placement, cp.placement_id)
            if placement is not None and done_on <= placement.start_on:
                raise InvalidInput("done_on", _t(
                    "確認日は就職日（{start}）より後の日付にしてください").format(
                        start=shown_date(placement.start_on)))
            days_early = (cp.due_on - done_on).days
            if days_early > EARLY_CHECK_DAYS and not early:
                raise NeedsConfirmation(_t(
                    "{months}か月の定着確認の予定日は {due} です。{days}日早い {on} の確認として"
                    "記録しますか？").format(months=cp.months, due=shown_date(cp.due_on),
                                           days=days_early, on=shown_date(done_on)))
            cp.done_on, cp.result, cp.note = done_on, result, note
            stamp_update(actor, cp)
            s.flush()
            audit.append(s, self.ctx, actor, "update", "checkpoint", cp.id, result=result)
            return CheckpointRecord(cp.id, cp.placement_id, cp.months, cp.due_on, cp.done_on,
                                    cp.result)

    def end_placement(self, actor: Actor, placement_id: uuid.UUID, end_on: date,
                      reason: str) -> EpisodeSummary:
        """離職: the job ended; the episode goes back to 支援中 to look for the next one."""
        if not reason.strip():
            raise InvalidInput("end_reason", _t("離職理由を入力してください"))
        with self.ctx.db.write() as s:
            placement = s.get(Placement, placement_id)
            if placement is None or placement.deleted_at is not None:
                raise NotFound(_t("就職の記録が見つかりません"))
            episode, _ = self.access.for_edit(s, actor, placement.episode_id)
            if placement.end_on is not None:
                raise DomainError(_t("この就職は既に離職として記録されています"))
            if end_on < placement.start_on:
                raise InvalidInput("end_on", _t("離職日が就職日より前になっています"))
            placement.end_on, placement.end_reason = end_on, reason
            stamp_update(actor, placement)
            audit.append(s, self.ctx, actor, "update", "placement", placement.id, ended=end_on)
            if episode.state in ("placed", "retention"):
                self._move(s, actor, episode, "active", max(end_on, episode.state_since),
                           note="離職")
            return _summary(episode)

    # -- period, outcomes, contacts, closure ------------------------------------

    def extend_support(self, actor: Actor, episode_id: uuid.UUID, new_end_on: date,
                       reason: str) -> EpisodeSummary:
        if not reason.strip():
            raise InvalidInput("reason", _t("延長の理由を入力してください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            if episode.state not in SUPPORTING:
                raise DomainError(_t("支援期間は支援中の間に延長できます（現在: {current}）").format(
                    current=shown(STATES[episode.state])))
            if episode.planned_end_on and new_end_on <= episode.planned_end_on:
                raise InvalidInput("new_end_on", _t("延長後の終了予定日は現在の終了予定日より後にしてください"))
            s.add(stamp_new(self.ctx, actor, SupportExtension(
                episode_id=episode.id, previous_end_on=episode.planned_end_on,
                new_end_on=new_end_on, reason=reason)))
            episode.planned_end_on = new_end_on
            stamp_update(actor, episode)
            s.flush()
            audit.append(s, self.ctx, actor, "extend", "episode", episode.id, to=new_end_on)
            return _summary(episode)

    def record_protection_outcome(self, actor: Actor, episode_id: uuid.UUID, kind: str,
                                  on: date, independence_benefit: bool = False) -> uuid.UUID:
        """保護廃止 or 減額 by work income, and whether 就労自立給付金 was applied for."""
        if kind not in PROTECTION_OUTCOMES:
            raise InvalidInput("kind", _t("保護の変更は「廃止」か「減額」を選んでください"))
        self._check_day(on, None)
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            placement_id = s.scalar(select(Placement.id).where(
                Placement.episode_id == episode.id, Placement.deleted_at.is_(None),
                Placement.start_on <= on).order_by(Placement.start_on.desc()).limit(1))
            row = ProtectionOutcome(episode_id=episode.id, kind=kind, decided_on=on,
                                    independence_benefit=independence_benefit,
                                    placement_id=placement_id)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "protection_outcome", row.id, kind=kind)
            return row.id

    def add_contact(self, actor: Actor, episode_id: uuid.UUID, data: ContactInput) -> uuid.UUID:
        """ケース記録: one entry of the support log, written by the signed-in staff member."""
        if data.kind not in CONTACT_KINDS:
            raise InvalidInput("kind", _t("記録の種別を選んでください"))
        if not data.content.strip():
            raise InvalidInput("content", _t("記録の内容を入力してください"))
        self._check_day(data.on, None)
        if data.next_action_due and not data.next_action.strip():
            raise InvalidInput("next_action", _t("期限を入れる場合は次の対応も入力してください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            row = ContactLog(
                episode_id=episode.id, contact_on=data.on, kind=data.kind,
                staff_id=actor.user_id,
                content=data.content, next_action=data.next_action,
                next_action_due=data.next_action_due, attendees_welfare=data.attendees_welfare,
                attendees_hello_work=data.attendees_hello_work, decisions=data.decisions,
                next_review_on=data.next_review_on)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "contact", row.id, kind=data.kind)
            return row.id

    def complete_next_action(self, actor: Actor, contact_id: uuid.UUID,
                             done_on: date) -> None:
        """Mark the next action of a contact-log entry as done (it leaves 今日の予定)."""
        with self.ctx.db.write() as s:
            row = s.get(ContactLog, contact_id)
            if row is None or row.deleted_at is not None or not row.next_action:
                raise NotFound(_t("次の対応の記録が見つかりません"))
            self.access.for_edit(s, actor, row.episode_id)
            self._check_day(done_on, row.contact_on, "done_on")
            row.next_action_done_on = done_on
            stamp_update(actor, row)
            audit.append(s, self.ctx, actor, "update", "contact", row.id, done=done_on)

    def open_checkpoints(self, actor: Actor, episode_id: uuid.UUID) -> list[CheckpointRecord]:
        """The episode's retention checks not yet recorded (what closing would leave)."""
        return [c for c in self.checkpoints(actor, episode_id) if c.done_on is None]

    def close_episode(self, actor: Actor, episode_id: uuid.UUID, on: date, reason: str,
                      note: str = "", open_checkpoints: str | None = None) -> EpisodeSummary:
        """終了 from any state, with one of the configured closure reasons. Retention checks
        still open are cancelled with the closure (result 中止, settled on the closing day)
        or kept (still to record, and still on 今日の予定): ``open_checkpoints`` says which,
        and without it a closure that would leave some raises OpenCheckpoints."""
        if open_checkpoints not in (None, OPEN_CHECKS_CANCEL, OPEN_CHECKS_KEEP):
            raise InvalidInput("open_checkpoints", _t("残っている定着確認の扱いを選んでください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            reasons = read_setting(s, "closure_reasons")
            if episode.state == "closed":
                raise refusal("closed", "closed")
            if reason not in reasons:
                raise InvalidInput("reason", _t("終了理由を一覧から選んでください（{reasons}）").format(
                    reasons=listing(reasons)))
            self._close(s, actor, episode, on, reason, note, open_checkpoints)
            return _summary(episode)

    def _close(self, s: Session, actor: Actor, episode: Episode, on: date, reason: str,
               note: str, open_checkpoints: str | None) -> None:
        still_open = list(s.scalars(select(RetentionCheckpoint).where(
            RetentionCheckpoint.episode_id == episode.id,
            RetentionCheckpoint.done_on.is_(None),
            RetentionCheckpoint.deleted_at.is_(None)).order_by(RetentionCheckpoint.due_on)))
        if still_open and open_checkpoints is None:
            raise OpenCheckpoints(_t(
                "定着確認が {n} 件残っています（{which}）。支援の終了とともに中止するか、"
                "予定として残すかを選んでください").format(
                    n=len(still_open), which=listing(
                        _t("{months}か月").format(months=c.months) for c in still_open)),
                [CheckpointRecord(c.id, c.placement_id, c.months, c.due_on, c.done_on,
                                  c.result) for c in still_open])
        self._move(s, actor, episode, "closed", on, reason=reason, note=note)
        if open_checkpoints == OPEN_CHECKS_CANCEL:
            for cp in still_open:
                cp.done_on, cp.result = on, "cancelled"
                cp.note = (cp.note + "\n" if cp.note else "") + "支援終了により中止"
                stamp_update(actor, cp)
                audit.append(s, self.ctx, actor, "update", "checkpoint", cp.id,
                             result="cancelled")
        # A referral still waiting for Hello Work's answer is withdrawn (取下げ) with the case.
        pending = self._open_referral(s, episode.id)
        if pending is not None:
            pending.status, pending.status_on = "withdrawn", on
            stamp_update(actor, pending)
            audit.append(s, self.ctx, actor, "withdraw", "referral", pending.id)

    def withdraw_participation(self, actor: Actor, consent_id: uuid.UUID, on: date,
                               note: str = "", close_episode: bool = True
                               ) -> tuple[ConsentRecord, EpisodeSummary]:
        """撤回 of a 参加同意: from ``on`` nothing of the episode is shared any more (the
        notice of the end of support excepted). With ``close_episode`` the episode closes
        the same day with the reason 同意撤回, in the same transaction: its retention checks
        are cancelled (there is no support left to check) and a referral still waiting is
        withdrawn."""
        with self.ctx.db.write() as s:
            consent = s.get(Consent, consent_id)
            if consent is not None and consent.kind != "participation":
                raise InvalidInput("kind", _t("支援の終了を伴う撤回は参加同意のものです"))
            consent = withdraw(s, self.ctx, self.access, actor, consent_id, on, note)
            episode, _ = self.access.for_edit(s, actor, consent.episode_id)
            if close_episode and episode.state != "closed":
                self._close(s, actor, episode, max(on, episode.state_since),
                            CLOSURE_WITHDRAWN, note, OPEN_CHECKS_CANCEL)
            return consent_record(consent), _summary(episode)
