"""Before and beside the referral: the readiness assessment (就労準備度) made at 検討, and the
support activities of the routes other than the Hello Work referral — 就労準備支援事業,
職場体験・中間的就労 and 職業訓練 — each with its outcome. (The route itself, and moving
between routes, is the episode's: WorkflowService.change_route.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, shown_date, translator
from desktop.models import Employer, Episode, ReadinessAssessment, SupportActivity, User
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import DomainError, InvalidInput, NotFound
from desktop.services.labels import (
    ACTIVITY_KINDS,
    ACTIVITY_OUTCOMES,
    EXPERIENCE_TYPES,
    READINESS_SCORES,
    STATES,
    TRAINING_TYPES,
    shown,
)
from desktop.services.settings import read_setting

_t = translator("Routes")
NOTE_LIMIT = 200  # an item's note: a short line, not a report
# A support activity lasts days to months; more days than this is a typing error.
MAX_DAYS = 400


# ---------------------------------------------------------------- readiness


@dataclass(frozen=True)
class ReadinessScore:
    """One item of the check: its label as configured, a score 1–4 (labels.READINESS_SCORES)
    and a short note."""

    item: str
    score: int
    note: str = ""


@dataclass(frozen=True)
class AssessmentInput:
    assessed_on: date
    scores: tuple[ReadinessScore, ...]
    summary: str = ""


@dataclass(frozen=True)
class AssessmentRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    revision: int
    assessed_on: date
    assessor_name: str
    scores: tuple[ReadinessScore, ...]
    summary: str

    @property
    def concerns(self) -> tuple[ReadinessScore, ...]:
        """The items scored 1 or 2 (課題がある): what the decision must weigh."""
        return tuple(x for x in self.scores if x.score <= 2)


def _assessment(row: ReadinessAssessment, assessor: str | None) -> AssessmentRecord:
    return AssessmentRecord(
        row.id, row.episode_id, row.revision, row.assessed_on, assessor or "",
        tuple(ReadinessScore(i["item"], int(i["score"]), i.get("note", "")) for i in row.items),
        row.summary)


def latest_assessment(s: Session, episode_id: uuid.UUID) -> AssessmentRecord | None:
    """The assessment in force (the latest revision), for the decision and the referral."""
    row = s.execute(
        select(ReadinessAssessment, User.display_name)
        .outerjoin(User, User.id == ReadinessAssessment.assessor_id)
        .where(ReadinessAssessment.episode_id == episode_id,
               ReadinessAssessment.deleted_at.is_(None))
        .order_by(ReadinessAssessment.revision.desc()).limit(1)).first()
    return _assessment(row[0], row[1]) if row else None


# ---------------------------------------------------------------- activities


@dataclass(frozen=True)
class ActivityInput:
    """A support activity as it starts. By kind:
    - ``work_readiness`` (就労準備支援事業): ``provider`` (実施事業者), start, planned end,
      planned days;
    - ``work_experience`` (職場体験・中間的就労): ``subtype`` (labels.EXPERIENCE_TYPES),
      ``employer_id`` (協力事業所), ``course`` (what the person does there), dates;
    - ``training`` (職業訓練): ``subtype`` (求職者支援訓練 / 公共職業訓練), ``course``
      (訓練科), ``provider`` (訓練実施機関, the school), dates."""

    kind: str
    start_on: date
    subtype: str = ""
    provider: str = ""
    course: str = ""
    employer_id: uuid.UUID | None = None
    planned_end_on: date | None = None
    planned_days: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    kind: str
    subtype: str
    provider: str
    course: str
    employer_id: uuid.UUID | None
    employer_name: str
    start_on: date
    planned_end_on: date | None
    end_on: date | None
    planned_days: int | None
    days_attended: int | None
    evaluation: str
    outcome: str | None
    note: str
    version: int = 1

    @property
    def ongoing(self) -> bool:
        return self.outcome is None

    @property
    def where(self) -> str:
        """Where it takes place: the 協力事業所, the provider or the school."""
        return self.employer_name or self.provider


def _activity(row: SupportActivity, employer: str | None) -> ActivityRecord:
    return ActivityRecord(row.id, row.episode_id, row.kind, row.subtype, row.provider,
                          row.course, row.employer_id, employer or "", row.start_on,
                          row.planned_end_on, row.end_on, row.planned_days, row.days_attended,
                          row.evaluation, row.outcome, row.note, row.version)


class RouteService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    # -- helpers -------------------------------------------------------------

    def _not_future(self, on: date, field_name: str) -> None:
        if on > self.ctx.today():
            raise InvalidInput(field_name, _t("未来の日付は入力できません"))

    @staticmethod
    def _require_screened(episode: Episode, what: str) -> None:
        """Open, and past intake: the readiness check starts with 検討."""
        if episode.state in ("candidate", "closed"):
            raise DomainError(_t("{what}は検討を始めてから支援の終了までの間に記録できます（現在: {current}）").format(
                what=what, current=shown(STATES[episode.state])))

    # -- readiness -------------------------------------------------------------

    def readiness_items(self) -> list[str]:
        """The items of a new assessment (the setting readiness_items)."""
        with self.ctx.db.read() as s:
            return list(read_setting(s, "readiness_items"))

    def assess_readiness(self, actor: Actor, episode_id: uuid.UUID,
                         data: AssessmentInput) -> AssessmentRecord:
        """A new revision of the episode's readiness check: every configured item scored
        1–4, each with an optional short note. Earlier revisions are kept as made."""
        self._not_future(data.assessed_on, "assessed_on")
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self._require_screened(episode, _t("就労準備度"))
            if data.assessed_on < episode.intake_on:
                raise InvalidInput("assessed_on", _t("評価日は受付日（{on}）以降にしてください").format(
                    on=shown_date(episode.intake_on)))
            items = self._checked_scores(list(read_setting(s, "readiness_items")), data.scores)
            revision = (s.scalar(select(func.max(ReadinessAssessment.revision)).where(
                ReadinessAssessment.episode_id == episode.id)) or 0) + 1
            row = ReadinessAssessment(
                episode_id=episode.id, revision=revision, assessed_on=data.assessed_on,
                assessor_id=actor.user_id, items=items, summary=data.summary.strip())
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "readiness", row.id,
                         episode=str(episode.id), revision=revision)
            return _assessment(row, actor.display_name)

    @staticmethod
    def _checked_scores(configured: list[str],
                        scores: tuple[ReadinessScore, ...]) -> list[dict[str, Any]]:
        given = {x.item: x for x in scores}
        if len(given) != len(scores):
            raise InvalidInput("scores", _t("同じ項目が2回あります"))
        unknown = [x.item for x in scores if x.item not in configured]
        if unknown:
            raise InvalidInput("scores", _t("評価項目にない項目です: {items}").format(
                items=listing(unknown)))
        missing = [item for item in configured if item not in given]
        if missing:
            raise InvalidInput(f"score:{missing[0]}", _t("すべての項目を評価してください（未評価: {items}）").format(
                items=listing(missing)))
        out = []
        for item in configured:
            x = given[item]
            if x.score not in READINESS_SCORES:
                raise InvalidInput(f"score:{item}", _t("「{item}」の評価を1〜4で選んでください").format(
                    item=item))
            if len(x.note.strip()) > NOTE_LIMIT:
                raise InvalidInput(f"note:{item}", _t("「{item}」のメモは{limit}文字以内にしてください").format(
                    item=item, limit=NOTE_LIMIT))
            out.append({"item": item, "score": x.score, "note": x.note.strip()})
        return out

    def assessments(self, actor: Actor, episode_id: uuid.UUID) -> list[AssessmentRecord]:
        """Every revision, the latest first."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.execute(
                select(ReadinessAssessment, User.display_name)
                .outerjoin(User, User.id == ReadinessAssessment.assessor_id)
                .where(ReadinessAssessment.episode_id == episode_id,
                       ReadinessAssessment.deleted_at.is_(None))
                .order_by(ReadinessAssessment.revision.desc()))
            return [_assessment(row, name) for row, name in rows]

    def current_assessment(self, actor: Actor, episode_id: uuid.UUID) -> AssessmentRecord | None:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            return latest_assessment(s, episode_id)

    # -- activities ------------------------------------------------------------

    def _checked_activity(self, s: Session, data: ActivityInput) -> dict[str, Any]:
        if data.kind not in ACTIVITY_KINDS:
            raise InvalidInput("kind", _t("支援の種類を選んでください"))
        provider, course = data.provider.strip(), data.course.strip()
        employer_id = data.employer_id
        if data.kind == "work_readiness":
            if not provider:
                raise InvalidInput("provider", _t("就労準備支援事業の実施事業者を入力してください"))
            subtype, employer_id = "", None
        elif data.kind == "work_experience":
            subtype = data.subtype
            if subtype not in EXPERIENCE_TYPES:
                raise InvalidInput("subtype", _t("職場体験か中間的就労かを選んでください"))
            employer = s.get(Employer, employer_id) if employer_id else None
            if employer is None or employer.deleted_at is not None:
                raise InvalidInput("employer", _t("協力事業所を選んでください"))
            if not employer.active:
                raise InvalidInput("employer", _t("「{name}」は無効になっている協力事業所です").format(
                    name=employer.name))
            provider = ""
        else:
            subtype = data.subtype
            if subtype not in TRAINING_TYPES:
                raise InvalidInput("subtype", _t("求職者支援訓練か公共職業訓練かを選んでください"))
            if not course:
                raise InvalidInput("course", _t("訓練のコース（訓練科）を入力してください"))
            if not provider:
                raise InvalidInput("provider", _t("訓練実施機関（学校）を入力してください"))
            employer_id = None
        if data.planned_end_on is not None and data.planned_end_on < data.start_on:
            raise InvalidInput("planned_end_on", _t("終了予定日が開始日より前になっています"))
        if data.planned_days is not None and not 0 < data.planned_days <= MAX_DAYS:
            raise InvalidInput("planned_days", _t("予定日数は1〜{max}日で入力してください").format(
                max=MAX_DAYS))
        return {"kind": data.kind, "subtype": subtype, "provider": provider, "course": course,
                "employer_id": employer_id, "start_on": data.start_on,
                "planned_end_on": data.planned_end_on, "planned_days": data.planned_days,
                "note": data.note.strip()}

    def start_activity(self, actor: Actor, episode_id: uuid.UUID,
                       data: ActivityInput) -> ActivityRecord:
        """A support activity begins (it may be booked ahead: the start can be in the
        future). On an approved episode from 検討 until it closes, whatever its route now:
        a person on the Hello Work route may go to 公共職業訓練 or 職場体験 too."""
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self._require_screened(episode, _t("支援メニュー"))
            if episode.screening_decision != "approved":
                raise DomainError(_t("所内協議（ケース診断会議）で支援対象と決定されてから記録してください"))
            values = self._checked_activity(s, data)
            if data.start_on < episode.intake_on:
                raise InvalidInput("start_on", _t("開始日は受付日（{on}）以降にしてください").format(
                    on=shown_date(episode.intake_on)))
            row = SupportActivity(episode_id=episode.id, **values)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "activity", row.id,
                         episode=str(episode.id), kind=data.kind)
            return self._record(s, row)

    def _record(self, s: Session, row: SupportActivity) -> ActivityRecord:
        name = s.scalar(select(Employer.name).where(Employer.id == row.employer_id)
                        ) if row.employer_id else None
        return _activity(row, name)

    def _load(self, s: Session, actor: Actor, activity_id: uuid.UUID) -> SupportActivity:
        row = s.get(SupportActivity, activity_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_t("支援の記録が見つかりません"))
        self.access.for_edit(s, actor, row.episode_id)
        return row

    def _checked_days(self, row: SupportActivity, days: int | None, until: date) -> None:
        if days is None:
            return
        span = (until - row.start_on).days + 1
        if days < 0 or days > max(0, span):
            raise InvalidInput("days_attended", _t(
                "出席日数は0〜{span}日で入力してください（{start}から{until}まで）").format(
                    span=max(0, span), start=shown_date(row.start_on), until=shown_date(until)))

    def record_progress(self, actor: Actor, activity_id: uuid.UUID, days_attended: int,
                        evaluation: str | None = None) -> ActivityRecord:
        """出席・経過: the days attended so far (and the evaluation so far) of an activity
        still going on."""
        with self.ctx.db.write() as s:
            row = self._load(s, actor, activity_id)
            if row.outcome is not None:
                raise DomainError(_t("終了した支援の出席日数は、終了の記録で直してください"))
            self._checked_days(row, days_attended, self.ctx.today())
            row.days_attended = days_attended
            if evaluation is not None:
                row.evaluation = evaluation.strip()
            stamp_update(actor, row)
            s.flush()
            audit.append(s, self.ctx, actor, "update", "activity", row.id,
                         days_attended=days_attended)
            return self._record(s, row)

    def end_activity(self, actor: Actor, activity_id: uuid.UUID, end_on: date, outcome: str,
                     days_attended: int | None = None, evaluation: str = "") -> ActivityRecord:
        """The activity ended: its end date, outcome (修了 / 中断 / 就職により終了), the days
        attended and the evaluation (職場体験の評価, 訓練の結果)."""
        if outcome not in ACTIVITY_OUTCOMES:
            raise InvalidInput("outcome", _t("結果を選んでください"))
        self._not_future(end_on, "end_on")
        with self.ctx.db.write() as s:
            row = self._load(s, actor, activity_id)
            if row.outcome is not None:
                raise DomainError(_t("この支援は既に終了として記録されています"))
            if end_on < row.start_on:
                raise InvalidInput("end_on", _t("終了日が開始日（{on}）より前になっています").format(
                    on=shown_date(row.start_on)))
            self._checked_days(row, days_attended, end_on)
            row.end_on, row.outcome = end_on, outcome
            if days_attended is not None:
                row.days_attended = days_attended
            row.evaluation = evaluation.strip() or row.evaluation
            stamp_update(actor, row)
            s.flush()
            audit.append(s, self.ctx, actor, "update", "activity", row.id, outcome=outcome,
                         ended=end_on)
            return self._record(s, row)

    def activities(self, actor: Actor, episode_id: uuid.UUID) -> list[ActivityRecord]:
        """The episode's support activities, in the order they started."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.execute(
                select(SupportActivity, Employer.name)
                .outerjoin(Employer, Employer.id == SupportActivity.employer_id)
                .where(SupportActivity.episode_id == episode_id,
                       SupportActivity.deleted_at.is_(None))
                .order_by(SupportActivity.start_on, SupportActivity.created_at))
            return [_activity(row, name) for row, name in rows]
