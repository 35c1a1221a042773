"""支援対象者: intake, profile edits, duplicate check, caseload assignment and sharing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import translator
from desktop.japanese import validators
from desktop.japanese.kana import fold
from desktop.models import CaseShare, Person, User
from desktop.services import audit, hygiene
from desktop.services.attribution import record_reassignment
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied, StaleRecord
from desktop.services.labels import CATEGORIES, SEXES
from desktop.services.permissions import check_edit, check_read, require_role

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


def to_record(person: Person, caseworker_name: str = "") -> PersonRecord:
    values = {name: getattr(person, name) for name in INPUT_FIELDS}
    return PersonRecord(**values, id=person.id, version=person.version,
                        caseworker_id=person.caseworker_id, caseworker_name=caseworker_name)


def load_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFound(_t("対象者が見つかりません（削除されたか、IDが違います）"))
    return person


def require_staff(s: Session, user_id: uuid.UUID) -> User:
    user = s.get(User, user_id)
    if user is None or not user.active or user.role not in ("caseworker", "supervisor",
                                                           "admin"):
        raise InvalidInput("caseworker", _t("担当者に指定できる有効な職員ではありません"))
    return user


def prepare_new_person(ctx: ServiceContext, actor: Actor, data: PersonInput,
                       caseworker_id: uuid.UUID | None) -> tuple[PersonInput, uuid.UUID | None]:
    """Permission and validation for a new person; a caseworker registers into their own
    caseload."""
    require_role(actor, "admin", "supervisor", "caseworker")
    clean = validated(data, ctx.today())
    if actor.role == "caseworker":
        if caseworker_id not in (None, actor.user_id):
            raise PermissionDenied(_t("他の担当者のケースとして登録することはできません"))
        caseworker_id = actor.user_id
    return clean, caseworker_id


def insert_person(s: Session, ctx: ServiceContext, actor: Actor, clean: PersonInput,
                  caseworker_id: uuid.UUID | None) -> Person:
    """Add a validated person in the caller's transaction, audited."""
    if s.scalar(select(Person.id).where(Person.case_number == clean.case_number)):
        raise InvalidInput("case_number", _t("ケース番号「{case_number}」は既に使われています").format(
            case_number=clean.case_number))
    if caseworker_id is not None:
        require_staff(s, caseworker_id)
    person = Person(**{n: getattr(clean, n) for n in INPUT_FIELDS}, **search_keys(clean),
                    caseworker_id=caseworker_id, search_no=next_search_no(s))
    s.add(stamp_new(ctx, actor, person))
    s.flush()
    audit.append(s, ctx, actor, "create", "person", person.id)
    return person


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

    def possible_duplicates(self, actor: Actor, family_kana: str, given_kana: str,
                            birth_date: date) -> list[DuplicateCandidate]:
        """Persons already registered with the same reading and birth date (any caseload:
        a duplicate must be caught even when it belongs to a colleague)."""
        kana = fold(family_kana) + fold(given_kana)
        with self.ctx.db.read() as s:
            rows = s.execute(select(Person).where(
                Person.kana_key == kana, Person.birth_date == birth_date,
                Person.deleted_at.is_(None))).scalars()
            return [DuplicateCandidate(p.id, p.case_number, p.family_name + " " + p.given_name,
                                       p.family_kana + " " + p.given_kana, p.birth_date)
                    for p in rows]

    def create_person(self, actor: Actor, data: PersonInput,
                      caseworker_id: uuid.UUID | None = None) -> PersonRecord:
        clean, caseworker_id = prepare_new_person(self.ctx, actor, data, caseworker_id)
        with self.ctx.db.write() as s:
            return to_record(insert_person(s, self.ctx, actor, clean, caseworker_id))

    def get_person(self, actor: Actor, person_id: uuid.UUID) -> PersonRecord:
        """Read a profile; every view is audited."""
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_read(s, actor, person)
            audit.append(s, self.ctx, actor, "view", "person", person.id)
            name = ""
            if person.caseworker_id:
                name = s.scalar(select(User.display_name).where(
                    User.id == person.caseworker_id)) or ""
            return to_record(person, name)

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

    def assign_caseworker(self, actor: Actor, person_id: uuid.UUID,
                          caseworker_id: uuid.UUID) -> None:
        require_role(actor, "admin", "supervisor")
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            require_staff(s, caseworker_id)
            person.caseworker_id = caseworker_id
            stamp_update(actor, person)
            # Events from today on count under the new caseworker; earlier ones stay.
            record_reassignment(s, self.ctx, actor, person.id, caseworker_id, self.ctx.today())
            audit.append(s, self.ctx, actor, "assign", "person", person.id,
                         caseworker=str(caseworker_id))

    def share_case(self, actor: Actor, person_id: uuid.UUID, user_id: uuid.UUID) -> None:
        """Let another caseworker see and edit this case (e.g. a 就労支援員 working with the
        地区担当員)."""
        with self.ctx.db.write() as s:
            person = load_person(s, person_id)
            check_edit(s, actor, person)
            require_staff(s, user_id)
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
