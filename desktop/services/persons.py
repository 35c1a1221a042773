"""支援対象者: intake, profile edits, duplicate check, assignment (担当) and sharing.

A person's case is in one caseworker's charge (or none yet) and belongs to one organisation,
the caseworker's. Every assignment, at intake, import or a later change, is a
CaseAssignment row with its day, shown as the person's 担当の履歴."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import translator
from desktop.japanese import validators
from desktop.japanese.kana import fold
from desktop.models import CaseAssignment, CaseShare, Episode, Organisation, Person, User
from desktop.services import audit, hygiene
from desktop.services.attribution import record_reassignment
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import (
    DomainError,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleRecord,
)
from desktop.services.labels import CASELOAD_ROLES, CATEGORIES, SEXES
from desktop.services.organisations import first_organisation
from desktop.services.permissions import (
    check_edit,
    check_read,
    has_caseload,
    require,
    require_same_organisation,
    visible_persons,
)

_t = translator("Persons")

@dataclass(frozen=True)
class PersonInput:
    """What a caseworker types at intake or when editing a profile."""

    case_number: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    birth_date: date
    category: str
    sex: str | None = None
    postal_code: str = ""
    address: str = ""
    phone_home: str = ""
    phone_mobile: str = ""
    household: str = ""
    barriers: str = ""
    education: str = ""
    work_history: str = ""
    licences: str = ""
    desired_job: str = ""
    desired_hours: str = ""
    desired_wage: str = ""
    desired_area: str = ""


@dataclass(frozen=True, kw_only=True)
class PersonRecord(PersonInput):
    id: uuid.UUID
    version: int
    caseworker_id: uuid.UUID | None = None
    caseworker_name: str = ""
    organisation_id: uuid.UUID | None = None
    organisation_name: str = ""


@dataclass(frozen=True)
class StaffChoice:
    """A staff member a case can be assigned to."""

    id: uuid.UUID
    username: str
    display_name: str
    role: str
    organisation_id: uuid.UUID
    organisation_name: str
    active: bool = True


@dataclass(frozen=True)
class AssignmentRecord:
    """One line of a person's 担当の履歴."""

    effective_on: date
    caseworker_id: uuid.UUID | None
    caseworker_name: str
    previous_caseworker_name: str
    organisation_name: str
    reason: str  # intake | reassign | transfer | import
    recorded_by: str


@dataclass(frozen=True)
class MovedCase:
    person_id: uuid.UUID
    case_number: str
    name: str
    state: str | None  # of the latest episode; None when the person has none


@dataclass(frozen=True)
class CaseloadMove:
    """担当の一括変更: what moves from one caseworker to another (or did, when applied)."""

    from_name: str
    to_name: str
    cases: tuple[MovedCase, ...]
    applied: bool


INPUT_FIELDS = tuple(f.name for f in fields(PersonInput))


def _checked(data: PersonInput, today: date) -> tuple[dict[str, object], dict[str, str]]:
    """Every field checked on its own: the normalised values, and each field's problem."""
    values: dict[str, object] = {}
    problems: dict[str, str] = {}

    def required(name: str, label: str) -> None:
        value = str(getattr(data, name) or "").strip()
        if value:
            values[name] = value
        else:
            problems[name] = _t("{label}を入力してください").format(label=label)

    def check(name: str, validate: Callable[[str], str]) -> None:
        value = str(getattr(data, name) or "")
        if not value.strip() and name not in ("family_kana", "given_kana"):
            values[name] = ""
            return
        try:
            values[name] = validate(value)
        except validators.ValidationError as exc:
            problems[name] = exc.message

    required("case_number", _t("ケース番号"))
    required("family_name", _t("氏"))
    required("given_name", _t("名"))
    check("family_kana", validators.furigana)
    check("given_kana", validators.furigana)
    check("postal_code", validators.postal_code)
    check("phone_home", validators.phone_number)
    check("phone_mobile", validators.phone_number)
    if not isinstance(data.birth_date, date):
        problems["birth_date"] = _t("生年月日を入力してください")
    elif data.birth_date > today:
        problems["birth_date"] = _t("生年月日が未来の日付になっています")
    if data.category not in CATEGORIES:
        problems["category"] = _t("対象者区分を選んでください")
    if data.sex is not None and data.sex not in SEXES:
        problems["sex"] = _t("性別の値が正しくありません")
    return values, problems


def validated(data: PersonInput, today: date) -> PersonInput:
    """Normalise and check every field; the first problem raises InvalidInput."""
    values, problems = _checked(data, today)
    if problems:
        field, message = next(iter(problems.items()))
        raise InvalidInput(field, message)
    clean = replace(data, **values)  # type: ignore[arg-type]
    # The one value check (column lengths, invisible and unprintable characters), here too so
    # that the ledger rejects a row before anything is written.
    hygiene.check_values(Person.__table__,  # type: ignore[arg-type]
                         {n: getattr(clean, n) for n in INPUT_FIELDS})
    return clean


def person_problems(data: PersonInput, today: date) -> dict[str, str]:
    """Every problem of a person's data at once (field → message), for a form to show them
    all together and beside each field as it is left; empty when the data is acceptable.
    The same checks as saving makes (no database needed)."""
    return _checked(data, today)[1]


def search_keys(p: PersonInput) -> dict[str, str]:
    """Folded keys for search: name, reading and case number, plus the FTS text."""
    family, given = fold(p.family_name), fold(p.given_name)
    fkana, gkana = fold(p.family_kana), fold(p.given_kana)
    case = fold(p.case_number)
    return {
        "name_key": family + given, "given_name_key": given,
        "kana_key": fkana + gkana, "given_kana_key": gkana,
        "case_number_key": case,
        "search_text": f"{family}{given} {fkana}{gkana} {case}",
    }


def next_search_no(session: Session) -> int:
    return (session.scalar(select(func.max(Person.search_no))) or 0) + 1


def to_record(person: Person, caseworker_name: str = "",
              organisation_name: str = "") -> PersonRecord:
    values = {name: getattr(person, name) for name in INPUT_FIELDS}
    return PersonRecord(**values, id=person.id, version=person.version,
                        caseworker_id=person.caseworker_id, caseworker_name=caseworker_name,
                        organisation_id=person.organisation_id,
                        organisation_name=organisation_name)


def load_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFound(_t("対象者が見つかりません（削除されたか、IDが違います）"))
    return person


ASSIGNABLE_ROLES = (*CASELOAD_ROLES, "supervisor", "admin")


def require_staff(s: Session, user_id: uuid.UUID) -> User:
    user = s.get(User, user_id)
    if user is None or user.deleted_at is not None or user.role not in ASSIGNABLE_ROLES:
        raise InvalidInput("caseworker", _t("担当者に指定できる職員ではありません（閲覧のみの利用者は担当になれません）"))
    if not user.active:
        raise InvalidInput("caseworker", _t("「{name}」は無効になっている職員のため、担当にできません").format(
            name=user.display_name))
    return user


def record_assignment(s: Session, ctx: ServiceContext, actor: Actor | None, person: Person,
                      previous: uuid.UUID | None, reason: str, on: date,
                      episode_id: uuid.UUID | None = None) -> None:
    """One line of the person's 担当の履歴 (the episode open at the time, if any)."""
    if episode_id is None:
        episode_id = s.scalar(select(Episode.id).where(
            Episode.person_id == person.id, Episode.state != "closed",
            Episode.deleted_at.is_(None)).limit(1))
    assert person.organisation_id is not None
    s.add(stamp_new(ctx, actor, CaseAssignment(
        person_id=person.id, episode_id=episode_id, caseworker_id=person.caseworker_id,
        previous_caseworker_id=previous, organisation_id=person.organisation_id,
        effective_on=on, reason=reason)))


def prepare_new_person(ctx: ServiceContext, actor: Actor, data: PersonInput,
                       caseworker_id: uuid.UUID | None) -> tuple[PersonInput, uuid.UUID | None]:
    """Permission and validation for a new person; a caseworker registers into their own
    caseload (担当 defaults to self), an administrator or supervisor chooses."""
    require(actor, "register_persons")
    clean = validated(data, ctx.today())
    if has_caseload(actor):
        if caseworker_id not in (None, actor.user_id):
            raise PermissionDenied(_t("他の担当者のケースとして登録することはできません"))
        caseworker_id = actor.user_id
    return clean, caseworker_id


def actor_organisation(s: Session, actor: Actor) -> uuid.UUID:
    """The organisation new records of the actor belong to."""
    if actor.organisation_id is not None:
        return actor.organisation_id
    org = first_organisation(s)
    if org is None:
        raise DomainError(_t("組織が登録されていません（管理 → 組織 で登録してください）"))
    return org.id


def insert_person(s: Session, ctx: ServiceContext, actor: Actor, clean: PersonInput,
                  caseworker_id: uuid.UUID | None) -> Person:
    """Add a validated person in the caller's transaction, audited. The person belongs to
    their caseworker's organisation (unassigned: the actor's)."""
    if s.scalar(select(Person.id).where(Person.case_number == clean.case_number)):
        raise InvalidInput("case_number", _t("ケース番号「{case_number}」は既に使われています").format(
            case_number=clean.case_number))
    organisation_id = actor_organisation(s, actor)
    if caseworker_id is not None:
        caseworker = require_staff(s, caseworker_id)
        require_same_organisation(actor, caseworker.organisation_id)
        organisation_id = caseworker.organisation_id
    person = Person(**{n: getattr(clean, n) for n in INPUT_FIELDS}, **search_keys(clean),
                    caseworker_id=caseworker_id, organisation_id=organisation_id,
                    search_no=next_search_no(s))
    s.add(stamp_new(ctx, actor, person))
    s.flush()
    audit.append(s, ctx, actor, "create", "person", person.id)
    return person


_SERIES = re.compile(r"^(.*?)(\d+)$")


@dataclass(frozen=True)
class CaseNumberHint:
    """The office's case numbers as 新規受付 offers them: ``example``, the number registered
    last ("" before the first); ``next_number``, one above the highest in use of its form
    ("" when the last one does not end in digits)."""

    example: str
    next_number: str


def next_in_series(latest: str, taken: Iterable[str]) -> str:
    """One above the highest number of ``latest``'s form (its text before the final digits,
    then digits at least as many as its) among ``taken`` and ``latest``, padded to its
    width: 2026-0042 → 2026-0043, 0000831 → 0000832, A-99 → A-100; "" when ``latest`` does
    not end in digits."""
    series = _SERIES.match(latest)
    if series is None:
        return ""
    prefix, width = series[1], len(series[2])
    same_form = re.compile(re.escape(prefix) + r"(\d{" + str(width) + ",})")
    highest = max((int(m[1]) for m in (same_form.fullmatch(n) for n in (latest, *taken))
                   if m), default=0)
    return f"{prefix}{highest + 1:0{width}d}"


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class DuplicateCandidate:
    id: uuid.UUID
    case_number: str
    name: str
    kana: str
    birth_date: date


class PersonService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def case_number_hint(self, actor: Actor) -> CaseNumberHint:
        """新規受付's case number: the office's form (the number registered last) and the
        next free number of that form, one above the highest in use, as the referral numbers
        are given. Case numbers only (no names): any number the form could clash with,
        whoever's caseload it is in, deleted records too (their numbers stay taken)."""
        require(actor, "register_persons")
        with self.ctx.db.read() as s:
            # search_no grows by one with each person registered (and has an index).
            latest = s.scalar(select(Person.case_number)
                              .order_by(Person.search_no.desc()).limit(1))
            if latest is None:
                return CaseNumberHint("", "")
            series = _SERIES.match(latest)
            if series is None:
                return CaseNumberHint(latest, "")
            prefix, width = series[1], len(series[2])
            taken: list[str] = []
            # Same form, as wide or one digit wider (9999 → 10000): the highest of each width
            # is first walking the unique index down.
            for digits in (width, width + 1):
                taken += s.scalars(select(Person.case_number)
                                   .where(Person.case_number.like(
                                       _like_literal(prefix) + "_" * digits, escape="\\"))
                                   .order_by(Person.case_number.desc()).limit(50))
            return CaseNumberHint(latest, next_in_series(latest, taken))

    def possible_duplicates(self, actor: Actor, family_kana: str, given_kana: str,
                            birth_date: date) -> list[DuplicateCandidate]:
        """Persons already registered with the same reading and birth date (any caseload:
        a duplicate must be caught even when it belongs to a colleague or another
        organisation). Asked by staff who register persons; a match the actor may not read
        is given by its case number alone, its name withheld (the reading and birth date
        are what the actor typed)."""
        require(actor, "register_persons")
        kana = fold(family_kana) + fold(given_kana)
        with self.ctx.db.read() as s:
            audit.check_signed_in(s, actor)  # names and case numbers: as the lists do
            rows = s.execute(select(Person).where(
                Person.kana_key == kana, Person.birth_date == birth_date,
                Person.deleted_at.is_(None))).scalars()
            found = []
            for p in rows:
                try:
                    check_read(s, actor, p)
                    name = p.family_name + " " + p.given_name
                except PermissionDenied:
                    name = _t("（担当外の対象者）")
                found.append(DuplicateCandidate(p.id, p.case_number, name,
                                                p.family_kana + " " + p.given_kana,
                                                p.birth_date))
            return found

    def create_person(self, actor: Actor, data: PersonInput,
                      caseworker_id: uuid.UUID | None = None) -> PersonRecord:
        clean, caseworker_id = prepare_new_person(self.ctx, actor, data, caseworker_id)
        with self.ctx.db.write() as s:
            person = insert_person(s, self.ctx, actor, clean, caseworker_id)
            if caseworker_id is not None:
                record_assignment(s, self.ctx, actor, person, None, "intake", self.ctx.today())
            return to_record(person)

    def get_person(self, actor: Actor, person_id: uuid.UUID) -> PersonRecord:
        """Read a profile; every view is audited (noted, and appended by a write of its
        own: reading never waits for another writer)."""
        with self.ctx.db.read() as s:
            person = load_person(s, person_id)
            check_read(s, actor, person)  # the account too: the view is noted, not appended
            name = ""
            if person.caseworker_id:
                name = s.scalar(select(User.display_name).where(
                    User.id == person.caseworker_id)) or ""
            organisation = s.scalar(select(Organisation.name).where(
                Organisation.id == person.organisation_id)) or ""
            record = to_record(person, name, organisation)
        self.ctx.views.note(actor, "view", "person", record.id)
        return record

    def update_person(self, actor: Actor, person_id: uuid.UUID, expected_version: int,
                      data: PersonInput) -> PersonRecord:
        clean = validated(data, self.ctx.today())
        try:
            with self.ctx.db.write() as s:
                person = load_person(s, person_id)
                check_edit(s, actor, person)
                if person.version != expected_version:
                    raise StaleRecord(
                        _t("この対象者の情報は、開いた後に他の利用者が更新しています。最新の内容を読み込み直してください")
                    )
                if clean.case_number != person.case_number and s.scalar(
                        select(Person.id).where(Person.case_number == clean.case_number)):
                    raise InvalidInput("case_number",
                                       _t("ケース番号「{case_number}」は既に使われています").format(
                                           case_number=clean.case_number))
                changed = [n for n in INPUT_FIELDS if getattr(person, n) != getattr(clean, n)]
                for n in changed:
                    setattr(person, n, getattr(clean, n))
                for k, v in search_keys(clean).items():
                    setattr(person, k, v)
                stamp_update(actor, person)
                s.flush()
                audit.append(s, self.ctx, actor, "update", "person", person.id, fields=changed)
                return to_record(person)
        except StaleDataError:
            raise StaleRecord(_t("他の利用者が同時に更新しました。読み込み直してください")) from None

    # -- 担当 (assignment) ------------------------------------------------------

    def assignable_staff(self, actor: Actor) -> list[StaffChoice]:
        """Whom the actor may put in charge of a case: a caseworker only themselves, a
        supervisor their organisation's active staff, an administrator anyone active."""
        with self.ctx.db.read() as s:
            stmt = (select(User, Organisation.name)
                    .join(Organisation, Organisation.id == User.organisation_id)
                    .where(User.active.is_(True), User.deleted_at.is_(None),
                           User.role.in_(ASSIGNABLE_ROLES)))
            if has_caseload(actor):
                stmt = stmt.where(User.id == actor.user_id)
            elif actor.role != "admin":
                stmt = stmt.where(User.organisation_id == actor.organisation_id)
            rows = s.execute(stmt.order_by(User.role.not_in(CASELOAD_ROLES),
                                           User.display_name))
            return [StaffChoice(u.id, u.username, u.display_name, u.role, u.organisation_id,
                                org, u.active) for u, org in rows]

    def person_by_case_number(self, actor: Actor, case_number: str) -> uuid.UUID:
        with self.ctx.db.read() as s:
            person = s.scalar(select(Person).where(Person.case_number == case_number.strip(),
                                                   Person.deleted_at.is_(None)))
            missing = NotFound(_t("ケース番号「{case_number}」の対象者は登録されていません").format(
                case_number=case_number))
            if person is None:
                raise missing
            try:
                check_read(s, actor, person)
            except PermissionDenied:
                # The same answer as for a number no one holds: the message must not tell
                # that another caseload or organisation has it.
                raise missing from None
            return person.id

    def assign_caseworker(self, actor: Actor, person_id: uuid.UUID,
                          caseworker_id: uuid.UUID) -> AssignmentRecord:
        """担当変更: the case goes to ``caseworker_id`` from today. To a caseworker of another
        organisation (an administrator's transfer), the person and their open episode move
        with it."""
        require(actor, "assign_caseworker")
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_edit(s, actor, person)
            # A supervisor assigns their organisation's cases, never one shared with them
            # from another organisation (moving it over is an administrator's transfer).
            require_same_organisation(actor, person.organisation_id)
            caseworker = require_staff(s, caseworker_id)
            require_same_organisation(actor, caseworker.organisation_id)
            if person.caseworker_id == caseworker.id:
                raise InvalidInput("caseworker", _t("既に「{name}」の担当です").format(
                    name=caseworker.display_name))
            self._reassign(s, actor, person, caseworker, "reassign")
            return self._history(s, person.id)[-1]

    def _reassign(self, s: Session, actor: Actor, person: Person, caseworker: User,
                  reason: str) -> None:
        previous = person.caseworker_id
        person.caseworker_id = caseworker.id
        if person.organisation_id != caseworker.organisation_id:
            person.organisation_id = caseworker.organisation_id
            for episode in s.scalars(select(Episode).where(
                    Episode.person_id == person.id, Episode.state != "closed",
                    Episode.deleted_at.is_(None))):
                episode.organisation_id = caseworker.organisation_id
                stamp_update(actor, episode)
        stamp_update(actor, person)
        s.flush()
        record_assignment(s, self.ctx, actor, person, previous, reason, self.ctx.today())
        # The open, referred episodes count under the new caseworker (and organisation) from
        # today on; what they counted before stays where it was.
        record_reassignment(s, self.ctx, actor, person.id, caseworker.id,
                            caseworker.organisation_id, self.ctx.today())
        audit.append(s, self.ctx, actor, "assign", "person", person.id,
                     caseworker=str(caseworker.id), previous=str(previous or ""),
                     reason=reason)

    def move_caseload(self, actor: Actor, from_id: uuid.UUID, to_id: uuid.UUID,
                      dry_run: bool = False) -> CaseloadMove:
        """担当の一括変更 (人事異動): every case in ``from_id``'s charge goes to ``to_id`` in one
        transaction, each audited and written to the person's 担当の履歴. ``dry_run`` only
        lists them (the preview)."""
        require(actor, "assign_caseworker")
        if from_id == to_id:
            raise InvalidInput("to", _t("移す先に、移す元と同じ職員は選べません"))
        session = self.ctx.db.read() if dry_run else self.ctx.db.write()
        with session as s:
            source = s.get(User, from_id)
            if source is None or source.deleted_at is not None:
                raise NotFound(_t("移す元の職員が見つかりません"))
            require_same_organisation(actor, source.organisation_id)
            target = require_staff(s, to_id)
            require_same_organisation(actor, target.organisation_id)
            persons = s.scalars(select(Person).where(
                Person.caseworker_id == source.id, Person.deleted_at.is_(None),
                visible_persons(actor)).order_by(Person.case_number_key)).all()
            states: dict[uuid.UUID, str] = {}
            for start in range(0, len(persons), 500):
                chunk = [p.id for p in persons[start:start + 500]]
                for pid, state in s.execute(select(Episode.person_id, Episode.state).where(
                        Episode.person_id.in_(chunk), Episode.deleted_at.is_(None))
                        .order_by(Episode.intake_on)):
                    states[pid] = state  # the latest intake's state wins
            cases = tuple(MovedCase(p.id, p.case_number, f"{p.family_name} {p.given_name}",
                                    states.get(p.id)) for p in persons)
            if not dry_run:
                for person in persons:
                    self._reassign(s, actor, person, target, "transfer")
                audit.append(s, self.ctx, actor, "caseload_move", "user", source.id,
                             to=str(target.id), cases=len(persons))
            return CaseloadMove(source.display_name, target.display_name, cases, not dry_run)

    def assignment_history(self, actor: Actor, person_id: uuid.UUID) -> list[AssignmentRecord]:
        with self.ctx.db.read() as s:
            check_read(s, actor, load_person(s, person_id))
            return self._history(s, person_id)

    def _history(self, s: Session, person_id: uuid.UUID) -> list[AssignmentRecord]:
        rows = list(s.scalars(select(CaseAssignment).where(
            CaseAssignment.person_id == person_id, CaseAssignment.deleted_at.is_(None))
            .order_by(CaseAssignment.effective_on, CaseAssignment.created_at)))
        ids = {i for r in rows for i in (r.caseworker_id, r.previous_caseworker_id,
                                         r.created_by) if i}
        names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())
        orgs = dict(s.execute(select(Organisation.id, Organisation.name)).all())
        return [AssignmentRecord(r.effective_on, r.caseworker_id,
                                 names.get(r.caseworker_id, "") if r.caseworker_id else "",
                                 names.get(r.previous_caseworker_id, "")
                                 if r.previous_caseworker_id else "",
                                 orgs.get(r.organisation_id, ""), r.reason,
                                 names.get(r.created_by, "") if r.created_by else "")
                for r in rows]

    def share_case(self, actor: Actor, person_id: uuid.UUID, user_id: uuid.UUID) -> None:
        """Let another caseworker see and edit this case (e.g. a 就労支援員 working with the
        地区担当員) of the case's organisation; only an administrator shares across
        organisations."""
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_edit(s, actor, person)
            colleague = require_staff(s, user_id)
            if actor.role != "admin" and colleague.organisation_id != person.organisation_id:
                raise PermissionDenied(_t(
                    "ほかの組織の職員とはケースを共有できません（組織をまたぐ共有・移管は管理者が行います）"))
            share = s.scalar(select(CaseShare).where(CaseShare.person_id == person_id,
                                                     CaseShare.user_id == user_id))
            if share is None:
                s.add(stamp_new(self.ctx, actor, CaseShare(person_id=person_id,
                                                           user_id=user_id)))
            elif share.deleted_at is not None:
                share.deleted_at = None
                stamp_update(actor, share)
            audit.append(s, self.ctx, actor, "share", "person", person_id, user=str(user_id))

    def unshare_case(self, actor: Actor, person_id: uuid.UUID, user_id: uuid.UUID) -> None:
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_edit(s, actor, person)
            share = s.scalar(select(CaseShare).where(CaseShare.person_id == person_id,
                                                     CaseShare.user_id == user_id,
                                                     CaseShare.deleted_at.is_(None)))
            if share is None:
                raise NotFound(_t("このケースはその職員と共有されていません"))
            share.deleted_at = self.ctx.now()
            stamp_update(actor, share)
            audit.append(s, self.ctx, actor, "unshare", "person", person_id, user=str(user_id))
