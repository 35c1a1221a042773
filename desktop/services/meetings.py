"""会議: 支援調整会議, ケース会議 and ハローワーク連絡会議 — date, kind, the organisations and
people attending (就職支援ナビゲーター included), and the cases discussed with a decision
each. Every decision is also written into that person's ケース記録 (a ケース会議 entry with the
attendees and the decision), so it stands in their history; the printed 会議録 lists a case
only under an information sharing consent that names the attending organisations.

A meeting belongs to the organisation that held it: its staff see it (an administrator sees
every organisation's). The cases in it are shown only to those who may read each case; the
others are counted, never named. Adding or changing a case's decision needs the right to
edit that case.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.japanese.wareki import format_wareki
from desktop.lazy import lazy_module
from desktop.models import ContactLog, Episode, Meeting, MeetingCase, Organisation, Person
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.disclosure import Refusal, disclosures, recipient_key
from desktop.services.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleRecord,
)
from desktop.services.labels import ATTENDEE_SIDES, CONSENT_SCOPE, MEETING_KINDS
from desktop.services.organisations import name_key
from desktop.services.outreach import refuse_on_laptop
from desktop.services.permissions import (
    EDITOR_ROLES,
    check_edit,
    check_read,
    require_role,
    visible_persons,
)
from desktop.services.persons import actor_organisation, load_person
from desktop.services.printing import PrintedDocument, office_of

if TYPE_CHECKING:
    from desktop.documents import network_forms
else:  # ReportLab loads with the first print
    network_forms = lazy_module("desktop.documents.network_forms")

_t = translator("Meetings")
MAX_CASES = 200
MAX_PEOPLE = 100


@dataclass(frozen=True)
class AttendingOrganisation:
    """An organisation at the meeting, named as consents name it (a Hello Work office by its
    通称); ``side``: ``own`` (this database's organisations), ``hello_work`` or ``other``."""

    name: str
    side: str = "other"


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str  # one of the meeting's organisations
    role: str = ""  # 相談支援員, 就職支援ナビゲーター, ...


@dataclass(frozen=True)
class CaseDecision:
    person_id: uuid.UUID
    decision: str
    next_review_on: date | None = None


@dataclass(frozen=True)
class MeetingInput:
    held_on: date
    kind: str  # labels.MEETING_KINDS
    organisations: tuple[AttendingOrganisation, ...]
    attendees: tuple[Attendee, ...]
    cases: tuple[CaseDecision, ...] = ()
    title: str = ""
    place: str = ""
    note: str = ""  # 議事の概要


@dataclass(frozen=True)
class CaseView:
    person_id: uuid.UUID
    episode_id: uuid.UUID
    person_name: str
    case_number: str
    decision: str
    next_review_on: date | None


@dataclass(frozen=True)
class MeetingRecord:
    id: uuid.UUID
    version: int
    organisation_id: uuid.UUID
    organisation_name: str
    held_on: date
    kind: str
    title: str
    place: str
    organisations: tuple[AttendingOrganisation, ...]
    attendees: tuple[Attendee, ...]
    note: str
    cases: tuple[CaseView, ...]  # those the reader may read
    hidden_cases: int = 0  # discussed, but outside what the reader may read

    def as_input(self, cases: Sequence[CaseDecision] | None = None) -> MeetingInput:
        """The record as an input to change it (the cases the reader sees, or ``cases``)."""
        return MeetingInput(
            self.held_on, self.kind, self.organisations, self.attendees,
            tuple(cases) if cases is not None else tuple(
                CaseDecision(c.person_id, c.decision, c.next_review_on) for c in self.cases),
            self.title, self.place, self.note)


@dataclass(frozen=True)
class MeetingSummary:
    id: uuid.UUID
    held_on: date
    kind: str
    title: str
    organisation_names: tuple[str, ...]
    attendees: int
    cases: int  # every case discussed (a count: no one is named)


def minutes_scope(s: Session, episode: Episode, attending: Iterable[str],
                  on: date) -> frozenset[str] | None:
    """The consent rule for the 会議録 (services/disclosure.py, the office's one rule for
    what leaves it): a case may be listed when, on ``on``, an information sharing consent
    whose scope has been confirmed names each attending organisation other than the case's
    own, and its 参加同意 has not been withdrawn. Returns the scope items every one of them
    may receive (every item when no other organisation attends), or None: not listed."""
    own = s.scalar(select(Organisation.name).where(Organisation.id == episode.organisation_id))
    others = [n for n in dict.fromkeys(attending)
              if recipient_key(n) != recipient_key(own or "")]
    if not others:
        return frozenset(CONSENT_SCOPE)
    found = disclosures(s, [episode.id], others, on)[episode.id]
    return None if isinstance(found, Refusal) else found.scope


def _clean(data: MeetingInput, today: date) -> MeetingInput:
    if data.kind not in MEETING_KINDS:
        raise InvalidInput("kind", _t("会議の種類を選んでください"))
    if data.held_on > today:
        raise InvalidInput("held_on", _t("開催日に未来の日付は入力できません（会議の後に記録します）"))
    organisations: list[AttendingOrganisation] = []
    for org in data.organisations:
        name = " ".join(org.name.split())
        if not name:
            continue
        if org.side not in ATTENDEE_SIDES:
            raise InvalidInput("organisations", _t("出席機関の区分が正しくありません"))
        if any(name_key(o.name) == name_key(name) for o in organisations):
            raise InvalidInput("organisations", _t("出席機関「{name}」が2回あります").format(name=name))
        organisations.append(AttendingOrganisation(name, org.side))
    if not organisations:
        raise InvalidInput("organisations", _t("出席した機関を入力してください"))
    keys = {name_key(o.name): o.name for o in organisations}
    attendees: list[Attendee] = []
    for person in data.attendees:
        name = " ".join(person.name.split())
        if not name:
            continue
        organisation = keys.get(name_key(person.organisation))
        if organisation is None:
            raise InvalidInput("attendees", _t("出席者「{name}」の所属（{organisation}）が出席機関にありません").format(
                name=name, organisation=person.organisation or _t("未入力")))
        attendees.append(Attendee(name, organisation, person.role.strip()))
    if not attendees:
        raise InvalidInput("attendees", _t("出席者を入力してください"))
    if len(attendees) > MAX_PEOPLE or len(organisations) > MAX_PEOPLE:
        raise InvalidInput("attendees", _t("出席者・出席機関は{max}まで記録できます").format(max=MAX_PEOPLE))
    seen: set[uuid.UUID] = set()
    for case in data.cases:
        if case.person_id in seen:
            raise InvalidInput("cases", _t("同じ対象者が2回あります"))
        seen.add(case.person_id)
        if not case.decision.strip():
            raise InvalidInput("cases", _t("検討したケースごとに決定事項を入力してください"))
        if case.next_review_on is not None and case.next_review_on < data.held_on:
            raise InvalidInput("cases", _t("次回の見直し日は開催日より後にしてください"))
    if len(data.cases) > MAX_CASES:
        raise InvalidInput("cases", _t("1回の会議で記録できるケースは{max}件までです").format(max=MAX_CASES))
    return MeetingInput(data.held_on, data.kind, tuple(organisations), tuple(attendees),
                        tuple(CaseDecision(c.person_id, c.decision.strip(), c.next_review_on)
                              for c in data.cases),
                        data.title.strip(), data.place.strip(), data.note.strip())


def _attendee_lines(data: MeetingInput) -> tuple[str, str]:
    """The ケース記録's 出席者 (福祉側・関係機関) and 出席者 (HW), as the contact log keeps them."""
    sides = {o.name: o.side for o in data.organisations}

    def who(a: Attendee) -> str:
        return f"{a.name}（{a.organisation}）"

    welfare = "、".join(who(a) for a in data.attendees if sides[a.organisation] != "hello_work")
    hello_work = "、".join(who(a) for a in data.attendees
                          if sides[a.organisation] == "hello_work")
    return welfare, hello_work


def _content(data: MeetingInput) -> str:
    """The ケース記録's text: the meeting (records stay in Japanese)."""
    title = f"「{data.title}」" if data.title else ""
    place = f"（{data.place}）" if data.place else ""
    return f"{MEETING_KINDS[data.kind]}{title}{place}で検討"


class MeetingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- helpers ---------------------------------------------------------------

    def _meeting(self, s: Session, actor: Actor, meeting_id: uuid.UUID) -> Meeting:
        row = s.get(Meeting, meeting_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_t("会議の記録が見つかりません"))
        if actor.role != "admin" and row.organisation_id != actor.organisation_id:
            raise PermissionDenied(_t("ほかの組織の会議の記録は扱えません"))
        return row

    @staticmethod
    def _open_episode(s: Session, person: Person) -> Episode:
        episode = s.scalar(select(Episode).where(
            Episode.person_id == person.id, Episode.state != "closed",
            Episode.deleted_at.is_(None)).limit(1))
        if episode is None:
            raise InvalidInput("cases", _t("{name}（{case}）には終了していない支援エピソードがありません").format(
                name=f"{person.family_name} {person.given_name}", case=person.case_number))
        return episode

    def _write_cases(self, s: Session, actor: Actor, meeting: Meeting, data: MeetingInput,
                     existing: list[tuple[MeetingCase, Episode]]) -> None:
        """Add, change or take out the cases ``data`` lists, each with its ケース記録 entry.
        A case already there that the actor may not read is left as it is."""
        by_person = {episode.person_id: (case, episode) for case, episode in existing}
        wanted = {c.person_id for c in data.cases}
        welfare, hello_work = _attendee_lines(data)
        content = _content(data)
        for decision in data.cases:
            person = load_person(s, decision.person_id)
            check_edit(s, actor, person)
            found = by_person.get(person.id)
            if found is None:
                episode = self._open_episode(s, person)
                case = s.scalar(select(MeetingCase).where(
                    MeetingCase.meeting_id == meeting.id, MeetingCase.episode_id == episode.id))
                if case is None:
                    case = stamp_new(self.ctx, actor, MeetingCase(
                        meeting_id=meeting.id, episode_id=episode.id))
                    s.add(case)
                case.deleted_at = None
                contact = None
            else:
                case, episode = found
                contact = s.get(ContactLog, case.contact_id) if case.contact_id else None
            if contact is None:
                contact = stamp_new(self.ctx, actor, ContactLog(
                    episode_id=episode.id, kind="case_conference", staff_id=actor.user_id))
                s.add(contact)
            contact.deleted_at = None
            contact.contact_on, contact.content = meeting.held_on, content
            contact.attendees_welfare, contact.attendees_hello_work = welfare, hello_work
            contact.decisions, contact.next_review_on = decision.decision, decision.next_review_on
            case.decision, case.next_review_on = decision.decision, decision.next_review_on
            stamp_update(actor, contact)
            stamp_update(actor, case)
            s.flush()
            case.contact_id = contact.id
            s.flush()
            action = "create" if found is None else "update"
            audit.append(s, self.ctx, actor, action, "meeting_case", case.id,
                         meeting=str(meeting.id), episode=str(episode.id))
            audit.append(s, self.ctx, actor, action, "contact", contact.id, kind=contact.kind)
        for person_id, (case, _episode) in by_person.items():
            if person_id in wanted:
                continue
            person = load_person(s, person_id)
            try:
                check_read(s, actor, person)
            except PermissionDenied:
                continue  # not the actor's to see, so not theirs to take out
            check_edit(s, actor, person)
            case.deleted_at = self.ctx.now()
            stamp_update(actor, case)
            contact = s.get(ContactLog, case.contact_id) if case.contact_id else None
            if contact is not None:
                contact.deleted_at = self.ctx.now()
                stamp_update(actor, contact)
            s.flush()
            audit.append(s, self.ctx, actor, "delete", "meeting_case", case.id,
                         meeting=str(meeting.id))
            if contact is not None:
                audit.append(s, self.ctx, actor, "delete", "contact", contact.id)

    def _cases(self, s: Session, meeting_id: uuid.UUID) -> list[tuple[MeetingCase, Episode]]:
        return [(c, e) for c, e in s.execute(
            select(MeetingCase, Episode).join(Episode, Episode.id == MeetingCase.episode_id)
            .where(MeetingCase.meeting_id == meeting_id, MeetingCase.deleted_at.is_(None),
                   Episode.deleted_at.is_(None))).all()]

    def _record(self, s: Session, actor: Actor, row: Meeting) -> MeetingRecord:
        org = s.get(Organisation, row.organisation_id)
        rows = s.execute(
            select(MeetingCase, Episode.person_id, Person.family_name, Person.given_name,
                   Person.case_number, visible_persons(actor))
            .join(Episode, Episode.id == MeetingCase.episode_id)
            .join(Person, Person.id == Episode.person_id)
            .where(MeetingCase.meeting_id == row.id, MeetingCase.deleted_at.is_(None),
                   Episode.deleted_at.is_(None), Person.deleted_at.is_(None))
            .order_by(Person.kana_key)).all()
        cases = tuple(CaseView(pid, c.episode_id, f"{family} {given}", number, c.decision,
                               c.next_review_on)
                      for c, pid, family, given, number, visible in rows if visible)
        return MeetingRecord(
            row.id, row.version, row.organisation_id, org.name if org else "", row.held_on,
            row.kind, row.title, row.place,
            tuple(AttendingOrganisation(o["name"], o.get("side", "other"))
                  for o in row.organisations),
            tuple(Attendee(a["name"], a["organisation"], a.get("role", ""))
                  for a in row.attendees),
            row.note, cases, len(rows) - len(cases))

    @staticmethod
    def _assign(row: Meeting, data: MeetingInput) -> None:
        row.held_on, row.kind, row.title, row.place = (data.held_on, data.kind, data.title,
                                                       data.place)
        row.note = data.note
        row.organisations = [{"name": o.name, "side": o.side} for o in data.organisations]
        row.attendees = [{"name": a.name, "organisation": a.organisation, "role": a.role}
                         for a in data.attendees]

    # -- writing ---------------------------------------------------------------

    def record_meeting(self, actor: Actor, data: MeetingInput) -> MeetingRecord:
        """A meeting held by the actor's organisation, with each case's decision (also
        written into the person's ケース記録), in one transaction."""
        require_role(actor, *EDITOR_ROLES)
        clean = _clean(data, self.ctx.today())
        with self.ctx.db.write() as s:
            refuse_on_laptop(s)
            row = Meeting(organisation_id=actor_organisation(s, actor))
            self._assign(row, clean)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "meeting", row.id, kind=clean.kind,
                         cases=len(clean.cases))
            self._write_cases(s, actor, row, clean, [])
            return self._record(s, actor, row)

    def update_meeting(self, actor: Actor, meeting_id: uuid.UUID, expected_version: int,
                       data: MeetingInput) -> MeetingRecord:
        """Correct the meeting and the decisions of the cases the actor may read (those
        ``data`` leaves out are taken out; cases the actor may not read stay as they are)."""
        require_role(actor, *EDITOR_ROLES)
        clean = _clean(data, self.ctx.today())
        with self.ctx.db.write() as s:
            row = self._meeting(s, actor, meeting_id)
            refuse_on_laptop(s)
            if row.version != expected_version:
                raise StaleRecord(_t("この会議の記録は、開いた後に他の利用者が更新しています。読み込み直してください"))
            self._assign(row, clean)
            stamp_update(actor, row)
            s.flush()
            audit.append(s, self.ctx, actor, "update", "meeting", row.id, kind=clean.kind,
                         cases=len(clean.cases))
            self._write_cases(s, actor, row, clean, self._cases(s, row.id))
            return self._record(s, actor, row)

    # -- reading ---------------------------------------------------------------

    def meetings(self, actor: Actor, start: date | None = None,
                 end: date | None = None) -> list[MeetingSummary]:
        """The meetings of the actor's organisation (an administrator: all), newest first,
        with counts only (no case is named in a list)."""
        with self.ctx.db.read() as s:
            stmt = select(Meeting).where(Meeting.deleted_at.is_(None))
            if actor.role != "admin":
                stmt = stmt.where(Meeting.organisation_id == actor.organisation_id)
            if start is not None:
                stmt = stmt.where(Meeting.held_on >= start)
            if end is not None:
                stmt = stmt.where(Meeting.held_on <= end)
            rows = list(s.scalars(stmt.order_by(Meeting.held_on.desc(), Meeting.created_at.desc())
                                  .limit(1000)))
            counts = dict(s.execute(
                select(MeetingCase.meeting_id, func.count(MeetingCase.id))
                .where(MeetingCase.meeting_id.in_([r.id for r in rows]),
                       MeetingCase.deleted_at.is_(None))
                .group_by(MeetingCase.meeting_id)).all()) if rows else {}
            return [MeetingSummary(r.id, r.held_on, r.kind, r.title,
                                   tuple(o["name"] for o in r.organisations), len(r.attendees),
                                   counts.get(r.id, 0)) for r in rows]

    def meeting(self, actor: Actor, meeting_id: uuid.UUID) -> MeetingRecord:
        """One meeting with the cases the reader may read (audited: it names them)."""
        with self.ctx.db.write() as s:
            row = self._meeting(s, actor, meeting_id)
            record = self._record(s, actor, row)
            audit.append(s, self.ctx, actor, "view", "meeting", row.id,
                         cases=len(record.cases))
            return record

    # -- printing --------------------------------------------------------------

    def print_minutes(self, actor: Actor, meeting_id: uuid.UUID) -> PrintedDocument:
        """会議録 (A4): the meeting, the attending organisations and people, and the cases
        discussed — each only under an information sharing consent in force today that names
        every attending organisation besides the case's own (minutes_scope), its name and
        case number only inside that consent's 本人確認情報 scope. The cases left out (no
        such consent, or not the reader's to read) are counted, not named."""
        today = self.ctx.today()
        with self.ctx.db.write() as s:
            row = self._meeting(s, actor, meeting_id)
            record = self._record(s, actor, row)
            attending = [o.name for o in record.organisations]
            listed: list[network_forms.MinutesCase] = []
            for case in record.cases:
                episode = s.get(Episode, case.episode_id)
                assert episode is not None
                scope = minutes_scope(s, episode, attending, today)
                if scope is None:
                    continue
                identity = "identity_contact" in scope
                listed.append(network_forms.MinutesCase(
                    case.person_name if identity else network_forms.OUT_OF_SCOPE,
                    case.case_number if identity else network_forms.OUT_OF_SCOPE,
                    case.decision,
                    format_wareki(case.next_review_on) if case.next_review_on else ""))
            total = len(record.cases) + record.hidden_cases
            data = network_forms.MinutesData(
                office=office_of(s, row.organisation_id), kind=MEETING_KINDS[row.kind],
                title=row.title, held_on=row.held_on, place=row.place,
                organisations=tuple((o.name, ATTENDEE_SIDES[o.side])
                                    for o in record.organisations),
                attendees=tuple((a.organisation, a.name, a.role) for a in record.attendees),
                note=row.note, cases=tuple(listed), omitted=total - len(listed),
                printed_on=today)
            pdf = network_forms.minutes_pdf(data)
            digest = hashlib.sha256(pdf).hexdigest()
            audit.append(s, self.ctx, actor, "print", "meeting", row.id, kind="minutes",
                         listed=len(listed), omitted=total - len(listed), sha256=digest)
            return PrintedDocument("minutes", f"minutes-{row.held_on.isoformat()}.pdf", pdf,
                                   digest)

