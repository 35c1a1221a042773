"""協力事業所: the registry of cooperating employers (name, industry, address, contact person,
what they offer), kept across cases, picked in placements and 職場体験, searchable, with the
history of the persons placed or hosted there.

The registry itself is reference data (businesses and their contact people), readable by
every member of staff; the history names recipients, so it lists only the persons the
reader may read (the others are counted, not named) and every reading is audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import listing, translator
from desktop.japanese import validators
from desktop.japanese.kana import fold, fold_terms
from desktop.models import Employer, Episode, Person, Placement, SupportActivity
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import InvalidInput, NotFound, StaleRecord
from desktop.services.labels import EMPLOYER_OFFERS, shown
from desktop.services.outreach import refuse_on_laptop
from desktop.services.permissions import EDITOR_ROLES, require_role, visible_persons
from desktop.services.persons import actor_organisation

_t = translator("Employers")


@dataclass(frozen=True)
class EmployerInput:
    name: str
    industry: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    contact_person: str = ""
    offers: tuple[str, ...] = field(default_factory=tuple)  # labels.EMPLOYER_OFFERS
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class EmployerRecord(EmployerInput):
    id: uuid.UUID
    version: int = 1
    active: bool = True
    registered_on: date | None = None
    placed: int = 0  # placements recorded with this employer
    hosted: int = 0  # 職場体験・中間的就労 held there


@dataclass(frozen=True)
class HistoryRow:
    """A person placed (就職) or hosted (職場体験・中間的就労) at the employer."""

    kind: str  # placement | work_experience | intermediate_employment
    start_on: date
    end_on: date | None
    person_id: uuid.UUID
    person_name: str
    case_number: str
    detail: str  # the job title, or what the person did there


@dataclass(frozen=True)
class EmployerHistory:
    employer: EmployerRecord
    rows: tuple[HistoryRow, ...]
    hidden: int  # persons placed or hosted whom the reader may not read: counted, not named


def validated(data: EmployerInput) -> EmployerInput:
    name = " ".join(data.name.split())
    if not name:
        raise InvalidInput("name", _t("事業所名を入力してください"))
    unknown = [o for o in data.offers if o not in EMPLOYER_OFFERS]
    if unknown:
        raise InvalidInput("offers", _t("協力の内容が正しくありません: {items}").format(
            items=listing(unknown)))

    def check(field_name: str, validate: Callable[[str], str]) -> str:
        value = getattr(data, field_name).strip()
        if not value:
            return ""
        try:
            return validate(value)
        except validators.ValidationError as exc:
            raise InvalidInput(field_name, exc.message) from None

    return replace(data, name=name, industry=data.industry.strip(),
                   postal_code=check("postal_code", validators.postal_code),
                   address=data.address.strip(), phone=check("phone", validators.phone_number),
                   contact_person=data.contact_person.strip(),
                   offers=tuple(o for o in EMPLOYER_OFFERS if o in data.offers),
                   note=data.note.strip())


def _keys(data: EmployerInput) -> dict[str, str]:
    return {"name_key": fold(data.name),
            "search_key": " ".join(fold(x) for x in (data.name, data.industry, data.address,
                                                      data.contact_person) if x)}


_FIELDS = ("name", "industry", "postal_code", "address", "phone", "contact_person", "note")


def _record(e: Employer, placed: int = 0, hosted: int = 0) -> EmployerRecord:
    return EmployerRecord(
        name=e.name, industry=e.industry, postal_code=e.postal_code, address=e.address,
        phone=e.phone, contact_person=e.contact_person, offers=tuple(e.offers or ()),
        note=e.note, id=e.id, version=e.version, active=e.active,
        registered_on=e.registered_on, placed=placed, hosted=hosted)


def usable_employer(s: Session, employer_id: uuid.UUID) -> Employer:
    """The employer a placement or a 職場体験 picks: registered and active."""
    employer = s.get(Employer, employer_id)
    if employer is None or employer.deleted_at is not None:
        raise InvalidInput("employer", _t("協力事業所が見つかりません"))
    if not employer.active:
        raise InvalidInput("employer", _t("「{name}」は無効になっている協力事業所です").format(
            name=employer.name))
    return employer


class EmployerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _unique(self, s: Session, key: str, except_id: uuid.UUID | None = None) -> None:
        other = s.scalar(select(Employer.name).where(Employer.name_key == key,
                                                     Employer.id != except_id)
                         if except_id else select(Employer.name).where(Employer.name_key == key))
        if other is not None:
            raise InvalidInput("name", _t("「{name}」は既に協力事業所として登録されています").format(
                name=other))

    def register(self, actor: Actor, data: EmployerInput) -> EmployerRecord:
        """A new 協力事業所 (any member of staff who records cases)."""
        require_role(actor, *EDITOR_ROLES)
        clean = validated(data)
        with self.ctx.db.write() as s:
            refuse_on_laptop(s)
            keys = _keys(clean)
            self._unique(s, keys["name_key"])
            row = Employer(**{f: getattr(clean, f) for f in _FIELDS}, offers=list(clean.offers),
                           registered_on=self.ctx.today(),
                           organisation_id=actor_organisation(s, actor), active=True, **keys)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "employer", row.id)
            return _record(row)

    def update(self, actor: Actor, employer_id: uuid.UUID, expected_version: int,
               data: EmployerInput) -> EmployerRecord:
        require_role(actor, *EDITOR_ROLES)
        clean = validated(data)
        try:
            with self.ctx.db.write() as s:
                row = s.get(Employer, employer_id)
                if row is None or row.deleted_at is not None:
                    raise NotFound(_t("協力事業所が見つかりません"))
                refuse_on_laptop(s)
                if row.version != expected_version:
                    raise StaleRecord(_t("この協力事業所の情報は、開いた後に他の利用者が更新しています。読み込み直してください"))
                keys = _keys(clean)
                self._unique(s, keys["name_key"], row.id)
                changed = [f for f in _FIELDS if getattr(row, f) != getattr(clean, f)]
                if list(row.offers or ()) != list(clean.offers):
                    changed.append("offers")
                for f in _FIELDS:
                    setattr(row, f, getattr(clean, f))
                row.offers = list(clean.offers)
                row.name_key, row.search_key = keys["name_key"], keys["search_key"]
                stamp_update(actor, row)
                s.flush()
                audit.append(s, self.ctx, actor, "update", "employer", row.id, fields=changed)
                return _record(row)
        except StaleDataError:
            raise StaleRecord(_t("他の利用者が同時に更新しました。読み込み直してください")) from None

    def set_active(self, actor: Actor, employer_id: uuid.UUID, active: bool) -> EmployerRecord:
        """An employer no longer cooperating is disabled (its history stays), never deleted."""
        require_role(actor, *EDITOR_ROLES)
        with self.ctx.db.write() as s:
            row = s.get(Employer, employer_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_t("協力事業所が見つかりません"))
            refuse_on_laptop(s)
            row.active = active
            stamp_update(actor, row)
            s.flush()
            audit.append(s, self.ctx, actor, "enable" if active else "disable", "employer",
                         row.id)
            return _record(row)

    def search(self, actor: Actor, text: str = "", offer: str | None = None,
               include_inactive: bool = False, limit: int = 500) -> list[EmployerRecord]:
        """協力事業所 whose name, industry, address or contact person contain every term of
        ``text`` (ひらがな/カタカナ and 全角/半角 alike), offering ``offer`` if given; with
        the number of placements and 職場体験 each has had."""
        if offer is not None and offer not in EMPLOYER_OFFERS:
            raise InvalidInput("offer", _t("協力の内容が正しくありません: {items}").format(items=offer))
        with self.ctx.db.read() as s:
            stmt = select(Employer).where(Employer.deleted_at.is_(None))
            for term in fold_terms(text):
                escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                stmt = stmt.where(Employer.search_key.like(f"%{escaped}%", escape="\\"))
            if not include_inactive:
                stmt = stmt.where(Employer.active.is_(True))
            rows = [e for e in s.scalars(stmt.order_by(Employer.name_key).limit(limit))
                    if offer is None or offer in (e.offers or ())]
            ids = [e.id for e in rows]
            placed = dict(s.execute(
                select(Placement.employer_id, func.count(Placement.id))
                .where(Placement.employer_id.in_(ids), Placement.deleted_at.is_(None))
                .group_by(Placement.employer_id)).all()) if ids else {}
            hosted = dict(s.execute(
                select(SupportActivity.employer_id, func.count(SupportActivity.id))
                .where(SupportActivity.employer_id.in_(ids),
                       SupportActivity.deleted_at.is_(None))
                .group_by(SupportActivity.employer_id)).all()) if ids else {}
            return [_record(e, placed.get(e.id, 0), hosted.get(e.id, 0)) for e in rows]

    def get(self, actor: Actor, employer_id: uuid.UUID) -> EmployerRecord:
        with self.ctx.db.read() as s:
            row = s.get(Employer, employer_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_t("協力事業所が見つかりません"))
            return _record(row)

    def history(self, actor: Actor, employer_id: uuid.UUID) -> EmployerHistory:
        """The persons placed or hosted there, newest first: those the reader may read by
        name, the others as a count. Audited as a view (it names recipients)."""
        with self.ctx.db.write() as s:
            row = s.get(Employer, employer_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_t("協力事業所が見つかりません"))
            name = Person.family_name + " " + Person.given_name
            placements = s.execute(
                select(Placement.start_on, Placement.end_on, Person.id, name,
                       Person.case_number, Placement.job_title, visible_persons(actor))
                .join(Episode, Episode.id == Placement.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(Placement.employer_id == employer_id, Placement.deleted_at.is_(None),
                       Episode.deleted_at.is_(None), Person.deleted_at.is_(None))).all()
            hosted = s.execute(
                select(SupportActivity.start_on, SupportActivity.end_on, Person.id, name,
                       Person.case_number, SupportActivity.course, visible_persons(actor),
                       SupportActivity.subtype)
                .join(Episode, Episode.id == SupportActivity.episode_id)
                .join(Person, Person.id == Episode.person_id)
                .where(SupportActivity.employer_id == employer_id,
                       SupportActivity.deleted_at.is_(None), Episode.deleted_at.is_(None),
                       Person.deleted_at.is_(None))).all()
            rows: list[HistoryRow] = []
            hidden: set[uuid.UUID] = set()
            for kind, r in [("placement", r) for r in placements] + [(r[7], r) for r in hosted]:
                if r[6]:
                    rows.append(HistoryRow(str(kind), r[0], r[1], r[2], str(r[3]), str(r[4]),
                                           str(r[5] or "")))
                else:
                    hidden.add(r[2])
            rows.sort(key=lambda r: r.start_on, reverse=True)
            hidden -= {r.person_id for r in rows}
            audit.append(s, self.ctx, actor, "view", "employer", row.id, rows=len(rows))
            return EmployerHistory(_record(row, len(placements), len(hosted)), tuple(rows),
                                   len(hidden))


def offers_text(offers: tuple[str, ...] | list[str]) -> str:
    """「職場体験・求人」: what an employer offers, for lists."""
    return "・".join(shown(EMPLOYER_OFFERS[o]) for o in offers if o in EMPLOYER_OFFERS)

