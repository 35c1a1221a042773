"""Hello Work's side of a referred case: its 求職番号, the navigator, the activity list
(職業相談・職業紹介・応募・面接・採否・セミナー／訓練), and the 支援状況連絡票 exchanged with each
Hello Work office — written for its navigators to fill in, read back with a row-by-row
preview, where a reported 採用 becomes a placement proposal for the caseworker to confirm.

Data goes to Hello Work, and comes back from it, only for cases whose information-sharing
consent in force names that office; 求職番号 and the activities are 「求職活動の状況」 and go
out only when the consent's scope includes it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, shown_date, translator
from desktop.japanese.wareki import DateParseError, format_wareki_short, parse_date
from desktop.models import (
    Episode,
    HelloWorkActivity,
    HelloWorkOffice,
    Organisation,
    Person,
    Referral,
)
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.disclosure import Disclosure, Refusal, disclosures
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import DomainError, InvalidInput, NotFound
from desktop.services.exchange_sheet import (
    SheetReferral,
    SheetRow,
    read_sheet,
    write_sheet,
)
from desktop.services.labels import HELLO_WORK_ACTIVITIES, HIRING_RESULTS, shown
from desktop.services.permissions import check_edit, require, visible_persons

_t = translator("HelloWork")
OPEN_REFERRAL = ("sent", "accepted")
OUT_OF_SCOPE = "（同意範囲外）"
SCOPE = "job_search_status"
MAX_FILE_BYTES = 20 * 1024 * 1024
KIND_BY_WORD = {**{v: k for k, v in HELLO_WORK_ACTIVITIES.items()},
                **{k: k for k in HELLO_WORK_ACTIVITIES}, "セミナー": "seminar", "訓練": "seminar",
                "職業訓練": "seminar", "紹介": "job_referral", "相談": "consultation"}
RESULT_BY_WORD = {**{v: k for k, v in HIRING_RESULTS.items()}, **{k: k for k in HIRING_RESULTS},
                  "内定": "hired", "採用内定": "hired", "不合格": "rejected"}
SO_FAR_LINES = 8
ACTIVITY_COLUMNS = ("kind", "on", "end_on", "company", "job_title", "result", "title", "note")


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class ActivityInput:
    """One step of Hello Work's support, as the caseworker or the sheet gives it."""

    kind: str
    on: date
    company: str = ""
    job_title: str = ""
    result: str | None = None
    title: str = ""
    end_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    office_name: str
    kind: str
    on: date
    end_on: date | None
    company: str
    job_title: str
    title: str
    result: str | None
    note: str
    source: str
    placement_id: uuid.UUID | None
    dismissed_on: date | None

    @property
    def proposal(self) -> bool:
        """A 採用 reported but not yet recorded as a placement (nor set aside)."""
        return (self.kind == "outcome" and self.result == "hired"
                and self.placement_id is None and self.dismissed_on is None)


@dataclass(frozen=True)
class HelloWorkCase:
    """The episode's Hello Work side for the recipient screen."""

    episode_id: uuid.UUID
    job_seeker_number: str
    navigator: str
    referral_number: str
    office_name: str
    referral_status: str
    activities: tuple[ActivityRecord, ...]

    @property
    def proposals(self) -> list[ActivityRecord]:
        return [a for a in self.activities if a.proposal]


@dataclass(frozen=True)
class ExchangeSheet:
    filename: str
    data: bytes
    listed: int
    left_out: int  # open referrals without a consent in force naming the office


@dataclass(frozen=True)
class ExchangeRow:
    """One filled row of a returned sheet and what importing it would do.

    status: add (an activity to record) | update (求職番号 / ナビゲーター only) | duplicate
    (already recorded) | rejected (with the reasons)."""

    row: int
    status: str
    referral_number: str
    case_number: str
    name: str
    kind: str | None
    on: date | None
    summary: str
    reasons: tuple[str, ...] = ()
    proposal: bool = False


@dataclass(frozen=True)
class ExchangePreview:
    office_id: uuid.UUID
    office_name: str
    rows: tuple[ExchangeRow, ...]
    blank: int  # rows with nothing written by Hello Work

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def proposals(self) -> int:
        return sum(1 for r in self.rows if r.status == "add" and r.proposal)


@dataclass(frozen=True)
class ExchangeResult:
    added: int
    proposals: int
    updated: int
    duplicates: int
    rejected: int
    rows: tuple[ExchangeRow, ...]

    def summary(self) -> dict[str, int]:
        return {"added": self.added, "proposals": self.proposals, "updated": self.updated,
                "duplicates": self.duplicates, "rejected": self.rejected}


@dataclass
class _Planned:
    row: ExchangeRow
    episode_id: uuid.UUID | None = None
    activity: ActivityInput | None = None
    details: dict[str, str] | None = None
    referral_id: uuid.UUID | None = None  # of a row to add (a referral may have no number)


def _record(a: HelloWorkActivity, office_name: str) -> ActivityRecord:
    return ActivityRecord(a.id, a.episode_id, office_name, a.kind, a.activity_on, a.end_on,
                          a.company, a.job_title, a.title, a.result, a.note, a.source,
                          a.placement_id, a.dismissed_on)


def describe(kind: str, on: date, company: str = "", job_title: str = "", title: str = "",
             result: str | None = None, end_on: date | None = None) -> str:
    """One line for the sheet's 「これまでの支援状況」 (office records: Japanese)."""
    what = HELLO_WORK_ACTIVITIES.get(kind, kind)
    parts = [format_wareki_short(on), what]
    if kind == "seminar":
        parts.append(title + (f"（〜{format_wareki_short(end_on)}）" if end_on else ""))
    else:
        parts.append(company + (f"（{job_title}）" if job_title else ""))
    if result:
        parts.append(HIRING_RESULTS.get(result, result))
    return " ".join(p for p in parts if p)


def validate_activity(data: ActivityInput, earliest: date, today: date) -> ActivityInput:
    """The activity with its text trimmed, or InvalidInput naming the field."""
    if data.kind not in HELLO_WORK_ACTIVITIES:
        raise InvalidInput("kind", _t("種別を選んでください（{kinds}）").format(
            kinds=listing(shown(v) for v in HELLO_WORK_ACTIVITIES.values())))
    clean = replace(data, company=data.company.strip(), job_title=data.job_title.strip(),
                    title=data.title.strip(), note=data.note.strip())
    if clean.on > today:
        raise InvalidInput("on", _t("未来の日付は入力できません"))
    if clean.on < earliest:
        raise InvalidInput("on", _t("日付は {earliest} 以降にしてください（受付日より前です）").format(
            earliest=shown_date(earliest)))
    if clean.kind in ("job_referral", "application", "outcome") and not clean.company:
        raise InvalidInput("company", _t("事業所名を入力してください"))
    if clean.kind == "outcome":
        if clean.result not in HIRING_RESULTS:
            raise InvalidInput("result", _t("採否（採用・不採用・辞退）を選んでください"))
    elif clean.result is not None:
        raise InvalidInput("result", _t("採否は種別が「採否」のときだけ入力します"))
    if clean.kind == "seminar":
        if not clean.title:
            raise InvalidInput("title", _t("セミナー・訓練の名称を入力してください"))
        if clean.end_on is not None and clean.end_on < clean.on:
            raise InvalidInput("end_on", _t("終了日が開始日より前になっています"))
    elif clean.end_on is not None:
        raise InvalidInput("end_on", _t("終了日はセミナー・訓練のときだけ入力します"))
    for name, limit in (("company", 200), ("job_title", 100), ("title", 200), ("note", 2000)):
        if len(getattr(clean, name)) > limit:
            raise InvalidInput(name, _t("{limit}文字以内で入力してください").format(limit=limit))
    return clean


def _duplicate_key(episode_id: uuid.UUID, a: ActivityInput) -> tuple[Any, ...]:
    return (episode_id, a.kind, a.on, a.company, a.title, a.result)


def _heard_from(referral: Referral, episode: Episode, on: date) -> None:
    """Hello Work's latest news on a case in support (今日の予定 flags the silent ones)."""
    if episode.state == "active" and referral.status == "accepted" and (
            referral.last_news_on is None or on > referral.last_news_on):
        referral.last_news_on = on


# ------------------------------------------------------------------ the service


class HelloWorkService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    @staticmethod
    def _open_referral(s: Session, episode_id: uuid.UUID) -> tuple[Referral, str] | None:
        row = s.execute(
            select(Referral, HelloWorkOffice.name)
            .join(HelloWorkOffice, HelloWorkOffice.id == Referral.office_id)
            .where(Referral.episode_id == episode_id, Referral.deleted_at.is_(None),
                   Referral.status.in_(OPEN_REFERRAL))
            .order_by(Referral.referred_on.desc()).limit(1)).first()
        return (row[0], row[1]) if row else None

    # ---------------------------------------------------------------- one case

    def case(self, actor: Actor, episode_id: uuid.UUID) -> HelloWorkCase:
        with self.ctx.db.read() as s:
            episode, _ = self.access.for_read(s, actor, episode_id)
            referral = self._open_referral(s, episode_id)
            if referral is None:  # the latest one, whatever became of it
                row = s.execute(
                    select(Referral, HelloWorkOffice.name)
                    .join(HelloWorkOffice, HelloWorkOffice.id == Referral.office_id)
                    .where(Referral.episode_id == episode_id, Referral.deleted_at.is_(None))
                    .order_by(Referral.referred_on.desc()).limit(1)).first()
                referral = (row[0], row[1]) if row else None
            rows = s.execute(
                select(HelloWorkActivity, HelloWorkOffice.name)
                .join(HelloWorkOffice, HelloWorkOffice.id == HelloWorkActivity.office_id)
                .where(HelloWorkActivity.episode_id == episode_id,
                       HelloWorkActivity.deleted_at.is_(None))
                .order_by(HelloWorkActivity.activity_on, HelloWorkActivity.created_at))
            activities = tuple(_record(a, name) for a, name in rows)
            return HelloWorkCase(
                episode.id, episode.job_seeker_number, episode.navigator,
                (referral[0].number or "") if referral else "", referral[1] if referral else "",
                referral[0].status if referral else "", activities)

    def set_details(self, actor: Actor, episode_id: uuid.UUID, job_seeker_number: str,
                    navigator: str) -> None:
        """Hello Work's 求職番号 and the navigator in charge of the case."""
        number, navigator = job_seeker_number.strip(), navigator.strip()
        if len(number) > 32:
            raise InvalidInput("job_seeker_number", _t("求職番号は32文字以内で入力してください"))
        if len(navigator) > 100:
            raise InvalidInput("navigator", _t("ナビゲーターの氏名は100文字以内で入力してください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            episode.job_seeker_number, episode.navigator = number, navigator
            stamp_update(actor, episode)
            audit.append(s, self.ctx, actor, "update", "episode", episode.id,
                         fields=["job_seeker_number", "navigator"])

    def record_activity(self, actor: Actor, episode_id: uuid.UUID,
                        data: ActivityInput) -> uuid.UUID:
        """One step of Hello Work's support, under the episode's open referral."""
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self.access.require_open(episode)
            clean = validate_activity(data, episode.intake_on, self.ctx.today())
            referral = self._open_referral(s, episode.id)
            if referral is None:
                raise DomainError(_t("ハローワークへの支援要請（回答待ちまたは受理）がないため記録できません"))
            row = HelloWorkActivity(
                episode_id=episode.id, office_id=referral[0].office_id, kind=clean.kind,
                activity_on=clean.on, end_on=clean.end_on, company=clean.company,
                job_title=clean.job_title, title=clean.title, result=clean.result,
                note=clean.note, source="manual")
            s.add(stamp_new(self.ctx, actor, row))
            _heard_from(referral[0], episode, clean.on)
            s.flush()
            audit.append(s, self.ctx, actor, "create", "hello_work_activity", row.id,
                         episode=str(episode.id), kind=clean.kind)
            return row.id

    def _activity(self, s: Session, actor: Actor, activity_id: uuid.UUID) -> HelloWorkActivity:
        row = s.get(HelloWorkActivity, activity_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_t("ハローワークの支援の記録が見つかりません"))
        self.access.for_edit(s, actor, row.episode_id)
        return row

    def remove_activity(self, actor: Actor, activity_id: uuid.UUID) -> None:
        """A mistaken entry is withdrawn (kept as a tombstone); one already recorded as a
        placement stays, as the placement rests on it."""
        with self.ctx.db.write() as s:
            row = self._activity(s, actor, activity_id)
            if row.placement_id is not None:
                raise DomainError(_t("就職として記録済みの採用は削除できません"))
            row.deleted_at = self.ctx.now()
            stamp_update(actor, row)
            s.flush()
            referral = self._open_referral(s, row.episode_id)
            episode = s.get(Episode, row.episode_id)
            if (referral is not None and episode is not None and episode.state == "active"
                    and referral[0].status == "accepted"):
                # Its latest news is now the one before (or the return to 支援中).
                latest = s.scalar(select(func.max(HelloWorkActivity.activity_on)).where(
                    HelloWorkActivity.episode_id == row.episode_id,
                    HelloWorkActivity.deleted_at.is_(None),
                    HelloWorkActivity.activity_on >= episode.state_since))
                referral[0].last_news_on = max(latest or episode.state_since,
                                               episode.state_since)
            audit.append(s, self.ctx, actor, "delete", "hello_work_activity", row.id)

    def dismiss_proposal(self, actor: Actor, activity_id: uuid.UUID) -> None:
        """The caseworker sets a reported 採用 aside (e.g. the person did not start work)."""
        with self.ctx.db.write() as s:
            row = self._activity(s, actor, activity_id)
            if not (row.kind == "outcome" and row.result == "hired"
                    and row.placement_id is None and row.dismissed_on is None):
                raise DomainError(_t("就職の記録を待っている採用ではありません"))
            row.dismissed_on = self.ctx.today()
            stamp_update(actor, row)
            audit.append(s, self.ctx, actor, "dismiss", "hello_work_activity", row.id)

    # ---------------------------------------------------------------- the exchange

    def _office(self, s: Session, office_id: uuid.UUID) -> HelloWorkOffice:
        office = s.get(HelloWorkOffice, office_id)
        if office is None or office.deleted_at is not None:
            raise InvalidInput("office", _t("ハローワークを選んでください"))
        return office

    def _open_referrals(self, s: Session, actor: Actor,
                        office: HelloWorkOffice) -> list[tuple[Referral, Episode, Person]]:
        rows = s.execute(
            select(Referral, Episode, Person)
            .join(Episode, Episode.id == Referral.episode_id)
            .join(Person, Person.id == Episode.person_id)
            .where(Referral.office_id == office.id, Referral.status.in_(OPEN_REFERRAL),
                   Referral.deleted_at.is_(None), Episode.deleted_at.is_(None),
                   Episode.state != "closed", Person.deleted_at.is_(None),
                   visible_persons(actor))
            .order_by(Referral.referred_on, Referral.number)).all()
        return [(r, e, p) for r, e, p in rows]

    @staticmethod
    def _sharing_rules(s: Session, episode_ids: list[uuid.UUID], office: str,
                       on: date) -> dict[uuid.UUID, Disclosure | Refusal]:
        """Per episode, the one consent rule of every document for ``office`` on ``on``
        (disclosure.disclosures: an 情報提供同意 in force naming the office, its scope
        confirmed, the 参加同意 not withdrawn): a Disclosure of the items it may share, or
        the Refusal saying why nothing of it may go, not even its name on the sheet."""
        return disclosures(s, episode_ids, [office], on) if episode_ids else {}

    @staticmethod
    def _scopes(rules: dict[uuid.UUID, Disclosure | Refusal]) -> dict[uuid.UUID, set[str]]:
        return {e: set(rule.scope) for e, rule in rules.items() if isinstance(rule, Disclosure)}

    def _activities_of(self, s: Session,
                       episode_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[HelloWorkActivity]]:
        found: dict[uuid.UUID, list[HelloWorkActivity]] = defaultdict(list)
        for start in range(0, len(episode_ids), 500):
            for a in s.scalars(select(HelloWorkActivity).where(
                    HelloWorkActivity.episode_id.in_(episode_ids[start:start + 500]),
                    HelloWorkActivity.deleted_at.is_(None))
                    .order_by(HelloWorkActivity.activity_on, HelloWorkActivity.created_at)):
                found[a.episode_id].append(a)
        return found

    def exchange_sheet(self, actor: Actor, office_id: uuid.UUID) -> ExchangeSheet:
        """The 支援状況連絡票 for one Hello Work office: its open referrals that the actor may
        see and whose sharing consent in force names the office. Audited as an export."""
        require(actor, "hello_work_exchange")
        today = self.ctx.today()
        with self.ctx.db.write() as s:
            office = self._office(s, office_id)
            referrals = self._open_referrals(s, actor, office)
            episode_ids = [e.id for _, e, _ in referrals]
            scopes = self._scopes(self._sharing_rules(s, episode_ids, office.name, today))
            activities = self._activities_of(s, episode_ids)
            listed: list[SheetReferral] = []
            for referral, episode, person in referrals:
                scope = scopes.get(episode.id)
                if scope is None:
                    continue
                shared = SCOPE in scope
                lines = [describe(a.kind, a.activity_on, a.company, a.job_title, a.title,
                                  a.result, a.end_on) for a in activities[episode.id]]
                so_far = "\n".join(lines[-SO_FAR_LINES:]) or "（記録なし）"
                listed.append(SheetReferral(
                    referral.number or "", person.case_number,
                    f"{person.family_name} {person.given_name}", referral.referred_on,
                    episode.job_seeker_number if shared else OUT_OF_SCOPE,
                    episode.navigator, so_far if shared else OUT_OF_SCOPE))
            # The sheet names the sender: the actor's organisation.
            organisation = (s.get(Organisation, actor.organisation_id)
                            if actor.organisation_id else None)
            welfare = organisation.name if organisation is not None else ""
            data = write_sheet(office.name, welfare, today, listed)
            audit.append(s, self.ctx, actor, "exchange_export", "hello_work_office", office.id,
                         rows=len(listed), left_out=len(referrals) - len(listed))
            return ExchangeSheet(f"支援状況連絡票_{office.name}_{today:%Y%m%d}.xlsx", data,
                                 len(listed), len(referrals) - len(listed))

    @staticmethod
    def _read(path: Path) -> tuple[str, list[SheetRow]]:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InvalidInput("file", _t("ファイルが大きすぎます（20MBまで）"))
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput("file", _t("ファイルを読み込めません（{error}）").format(
                error=exc.strerror or type(exc).__name__)) from None
        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise InvalidInput("file", _t("支援状況連絡票は .xlsx のファイルを指定してください"))
        return read_sheet(data)

    def preview_exchange(self, actor: Actor, path: Path,
                         office_id: uuid.UUID | None = None) -> ExchangePreview:
        """What importing the filled sheet would do, row by row; nothing is written. The
        office is the one named on the sheet unless ``office_id`` is given (it must agree)."""
        require(actor, "hello_work_exchange")
        named, rows = self._read(path)
        with self.ctx.db.read() as s:
            audit.check_signed_in(s, actor)  # the rows show names: as the lists do
            office = self._sheet_office(s, named, office_id)
            planned, blank = self._plan(s, actor, office, rows)
            return ExchangePreview(office.id, office.name, tuple(p.row for p in planned),
                                   blank)

    def import_exchange(self, actor: Actor, path: Path,
                        office_id: uuid.UUID | None = None) -> ExchangeResult:
        """Record the sheet's activities (and 求職番号 / ナビゲーター) in one transaction;
        rows that do not match an open referral of the office are rejected with the reason.
        A 採用 is recorded as an activity that proposes the placement; the caseworker
        confirms it on the recipient screen."""
        require(actor, "hello_work_exchange")
        named, rows = self._read(path)  # parsed before the write lock is taken
        with self.ctx.db.write() as s:
            office = self._sheet_office(s, named, office_id)
            planned, _ = self._plan(s, actor, office, rows)
            details: dict[uuid.UUID, dict[str, str]] = {}
            referrals = {r.id: r for r in s.scalars(select(Referral).where(
                Referral.id.in_({p.referral_id for p in planned if p.referral_id})))}
            for p in planned:
                if p.episode_id is None:
                    continue
                if p.details:
                    details.setdefault(p.episode_id, {}).update(p.details)
                if p.row.status == "add" and p.activity is not None:
                    a = p.activity
                    s.add(stamp_new(self.ctx, actor, HelloWorkActivity(
                        episode_id=p.episode_id, office_id=office.id, kind=a.kind,
                        activity_on=a.on, end_on=a.end_on, company=a.company,
                        job_title=a.job_title, title=a.title, result=a.result, note=a.note,
                        source="exchange")))
                    episode = s.get(Episode, p.episode_id)
                    assert episode is not None
                    assert p.referral_id is not None
                    _heard_from(referrals[p.referral_id], episode, a.on)
            for episode_id, fields in details.items():
                episode = s.get(Episode, episode_id)
                assert episode is not None
                for name, value in fields.items():
                    setattr(episode, name, value)
                stamp_update(actor, episode)
            result = ExchangeResult(
                added=sum(1 for p in planned if p.row.status == "add"),
                proposals=sum(1 for p in planned if p.row.status == "add" and p.row.proposal),
                updated=len(details),
                duplicates=sum(1 for p in planned if p.row.status == "duplicate"),
                rejected=sum(1 for p in planned if p.row.status == "rejected"),
                rows=tuple(p.row for p in planned))
            audit.append(s, self.ctx, actor, "exchange_import", "hello_work_office", office.id,
                         **result.summary())
            return result

    def _sheet_office(self, s: Session, named: str,
                      office_id: uuid.UUID | None) -> HelloWorkOffice:
        if office_id is not None:
            office = self._office(s, office_id)
            if named and named != office.name:
                raise InvalidInput("office", _t("この連絡票は「{named}」あてです（選んだのは「{chosen}」）").format(
                    named=named, chosen=office.name))
            return office
        if not named:
            raise InvalidInput("office", _t("連絡票にハローワークの名称がありません。ハローワークを指定してください"))
        found = s.scalar(select(HelloWorkOffice).where(HelloWorkOffice.name == named,
                                                       HelloWorkOffice.deleted_at.is_(None)))
        if found is None:
            raise InvalidInput("office", _t("連絡票のハローワーク「{named}」は登録されていません").format(
                named=named))
        return found

    def _plan(self, s: Session, actor: Actor, office: HelloWorkOffice,
              rows: list[SheetRow]) -> tuple[list[_Planned], int]:
        today = self.ctx.today()
        numbers = {r.text("number") for r in rows if r.text("number")}
        known: dict[str, tuple[Referral, Episode, Person]] = {}
        for start in range(0, len(numbers), 500):
            chunk = sorted(numbers)[start:start + 500]
            for referral, episode, person in s.execute(
                    select(Referral, Episode, Person)
                    .join(Episode, Episode.id == Referral.episode_id)
                    .join(Person, Person.id == Episode.person_id)
                    .where(Referral.number.in_(chunk), Referral.deleted_at.is_(None),
                           Episode.deleted_at.is_(None), Person.deleted_at.is_(None))):
                if referral.number is not None:
                    known[referral.number] = (referral, episode, person)
        # A referral whose 支援要請書 was never issued from Tsunagi (one taken over from the
        # office's Excel ledger, say) has no number: its row is known by the case number, as
        # the office's open referral to this Hello Work office.
        unnumbered = sorted({r.text("case_number") for r in rows
                             if not r.text("number") and r.text("case_number")})
        for start in range(0, len(unnumbered), 500):
            for referral, episode, person in s.execute(
                    select(Referral, Episode, Person)
                    .join(Episode, Episode.id == Referral.episode_id)
                    .join(Person, Person.id == Episode.person_id)
                    .where(Person.case_number.in_(unnumbered[start:start + 500]),
                           Referral.number.is_(None), Referral.office_id == office.id,
                           Referral.status.in_(OPEN_REFERRAL), Referral.deleted_at.is_(None),
                           Episode.deleted_at.is_(None), Episode.state != "closed",
                           Person.deleted_at.is_(None))):
                known[_unnumbered_key(person.case_number)] = (referral, episode, person)
        episode_ids = [e.id for _, e, _ in known.values()]
        rules = self._sharing_rules(s, episode_ids, office.name, today)
        scopes = self._scopes(rules)
        seen = {_duplicate_key(a.episode_id, ActivityInput(
            a.kind, a.activity_on, a.company, a.job_title, a.result, a.title))
            for acts in self._activities_of(s, episode_ids).values() for a in acts}
        editable: dict[uuid.UUID, str] = {}
        planned: list[_Planned] = []
        blank = 0
        for row in rows:
            if row.is_blank(ACTIVITY_COLUMNS):
                # Nothing but the 求職番号 / ナビゲーター (pre-filled on the sheet): new values
                # are taken for an open referral the actor may edit; anything else is blank.
                update = self._details_only(s, actor, row, known, office, scopes, editable)
                if update is None:
                    blank += 1
                else:
                    planned.append(update)
                continue
            number, case_number = row.text("number"), row.text("case_number")
            match = known.get(_row_key(row))
            if match is not None and self._refusal(s, actor, match[2], match[1], editable):
                # A case the actor may not change is answered exactly as a number no one
                # holds: its name, and whether a guessed case number fits it, were told to
                # anyone who typed the number (the second attack round of 12-02).
                match = None
            name = f"{match[2].family_name} {match[2].given_name}" if match else row.text("name")

            def rejected(*reasons: str, row: SheetRow = row, number: str = number,
                         case_number: str = case_number, name: str = name) -> _Planned:
                return _Planned(ExchangeRow(row.row, "rejected", number, case_number, name,
                                            None, None, "", tuple(reasons)))

            if not number and match is None:
                planned.append(rejected(_t("支援要請番号がありません")))
                continue
            if match is None or match[0].office_id != office.id:
                planned.append(rejected(_t("{office}への支援要請に「{number}」はありません").format(
                    office=office.name, number=number)))
                continue
            referral, episode, person = match
            if referral.status not in OPEN_REFERRAL or episode.state == "closed":
                planned.append(rejected(_t("支援要請「{number}」は支援中ではありません（終了・差戻し・取下げ）").format(
                    number=number)))
                continue
            if case_number != person.case_number:
                planned.append(rejected(_t("ケース番号「{case_number}」は支援要請「{number}」の対象者と一致しません").format(
                    case_number=case_number, number=number)))
                continue
            rule = rules.get(episode.id)
            if not isinstance(rule, Disclosure):  # why, as printing says it (scope unconfirmed…)
                planned.append(rejected(rule.message if isinstance(rule, Refusal) else _t(
                    "「{office}」との情報提供に有効な同意がありません（未取得・期限切れ・撤回済み）").format(
                        office=office.name)))
                continue
            planned.append(self._plan_row(row, referral, episode, person, seen, today))
        return planned, blank

    @staticmethod
    def _refusal(s: Session, actor: Actor, person: Person, episode: Episode,
                 editable: dict[uuid.UUID, str]) -> str:
        """Why the actor may not change this case ("" when they may), asked once per case."""
        if episode.id not in editable:
            try:
                check_edit(s, actor, person)
                editable[episode.id] = ""
            except DomainError as exc:
                editable[episode.id] = exc.message
        return editable[episode.id]

    def _details_only(self, s: Session, actor: Actor, row: SheetRow,
                      known: dict[str, tuple[Referral, Episode, Person]],
                      office: HelloWorkOffice, scopes: dict[uuid.UUID, set[str]],
                      editable: dict[uuid.UUID, str]) -> _Planned | None:
        match = known.get(_row_key(row))
        if match is None:
            return None
        referral, episode, person = match
        if (referral.office_id != office.id or referral.status not in OPEN_REFERRAL
                or episode.state == "closed" or row.text("case_number") != person.case_number
                or episode.id not in scopes
                or self._refusal(s, actor, person, episode, editable)):
            return None
        planned = self._plan_row(row, referral, episode, person, set(), self.ctx.today())
        return planned if planned.row.status == "update" or planned.row.status == "rejected" \
            else None

    def _plan_row(self, row: SheetRow, referral: Referral, episode: Episode, person: Person,
                  seen: set[tuple[Any, ...]], today: date) -> _Planned:
        number, name = referral.number or "", f"{person.family_name} {person.given_name}"
        details = {}
        for field in ("job_seeker_number", "navigator"):
            value = row.text(field)
            if value and value != OUT_OF_SCOPE and value != getattr(episode, field):
                limit = 32 if field == "job_seeker_number" else 100
                if len(value) > limit:
                    return _Planned(ExchangeRow(
                        row.row, "rejected", number, person.case_number, name, None, None, "",
                        (_t("{limit}文字以内で入力してください").format(limit=limit),)))
                details[field] = value
        changes = []
        if "job_seeker_number" in details:
            changes.append(_t("求職番号 {value}").format(value=details["job_seeker_number"]))
        if "navigator" in details:
            changes.append(_t("ナビゲーター {value}").format(value=details["navigator"]))
        if row.is_blank(ACTIVITY_COLUMNS):
            status = "update" if details else "blank"
            return _Planned(ExchangeRow(row.row, status, number, person.case_number, name, None,
                                        None, listing(changes)), episode.id, None, details)
        try:
            activity = self._activity_from(row, episode, today)
        except InvalidInput as exc:
            return _Planned(ExchangeRow(row.row, "rejected", number, person.case_number, name,
                                        None, None, "", (exc.message,)))
        summary = listing([describe(activity.kind, activity.on, activity.company,
                                    activity.job_title, activity.title, activity.result,
                                    activity.end_on), *changes])
        key = _duplicate_key(episode.id, activity)
        if key in seen:
            return _Planned(ExchangeRow(row.row, "duplicate", number, person.case_number, name,
                                        activity.kind, activity.on, summary), episode.id, None,
                            details)
        seen.add(key)
        proposal = activity.kind == "outcome" and activity.result == "hired"
        return _Planned(ExchangeRow(row.row, "add", number, person.case_number, name,
                                    activity.kind, activity.on, summary, (), proposal),
                        episode.id, activity, details, referral.id)

    @staticmethod
    def _activity_from(row: SheetRow, episode: Episode, today: date) -> ActivityInput:
        kind_text = row.text("kind")
        kind = KIND_BY_WORD.get(kind_text)
        if kind is None:
            raise InvalidInput("kind", _t("種別「{kind}」は{kinds}のいずれかで記入してください").format(
                kind=kind_text, kinds=listing(shown(v) for v in HELLO_WORK_ACTIVITIES.values()))
                if kind_text else _t("種別が記入されていません"))

        def day(field: str) -> date | None:
            value = row.cells.get(field)
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            text = row.text(field)
            if not text:
                return None
            try:
                return parse_date(text)
            except DateParseError as exc:
                raise InvalidInput(field, str(exc)) from None

        on = day("on")
        if on is None:
            raise InvalidInput("on", _t("日付が記入されていません"))
        result_text = row.text("result")
        result = RESULT_BY_WORD.get(result_text) if result_text else None
        if result_text and result is None:
            raise InvalidInput("result", _t("採否「{result}」は採用・不採用・辞退のいずれかで記入してください").format(
                result=result_text))
        return validate_activity(ActivityInput(
            kind, on, row.text("company"), row.text("job_title"), result, row.text("title"),
            day("end_on"), row.text("note")), episode.intake_on, today)


def _unnumbered_key(case_number: str) -> str:
    """The key of a referral without a number among the numbered ones (a 文書番号 never
    starts with a NUL)."""
    return "\0" + case_number


def _row_key(row: SheetRow) -> str:
    """A sheet row's referral: its 支援要請番号, or for a referral never numbered its case
    number."""
    return row.text("number") or _unnumbered_key(row.text("case_number"))
