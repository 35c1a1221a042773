"""The database's own organisations (福祉事務所, 自立相談支援機関 直営・委託): their identity,
which every printed form carries as its issuer, and the staff and cases that belong to them.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import listing, translator
from desktop.japanese import validators
from desktop.models import Organisation, Person, User
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import InvalidInput, NotFound, StaleRecord
from desktop.services.labels import (
    INDEPENDENT_SUPPORT_KINDS,
    INDEPENDENT_SUPPORT_ROLES,
    ORGANISATION_KINDS,
    ROLES,
    shown,
)
from desktop.services.permissions import require

_t = translator("Organisations")
# The name a database's first organisation has until someone enters the real one.
PLACEHOLDER_NAME = "福祉事務所"
PLACEHOLDER_HEAD = "福祉事務所長"


@dataclass(frozen=True)
class OrganisationInput:
    """What an administrator types for an organisation (every form prints it)."""

    name: str
    kind: str = "welfare_office"
    head_title: str = ""
    head_name: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    doc_symbol: str = ""
    seal_omitted: bool = True
    section: str = ""  # 担当課・係, printed as the sender of the forms


@dataclass(frozen=True, kw_only=True)
class OrganisationRecord(OrganisationInput):
    id: uuid.UUID
    version: int
    staff: int = 0
    persons: int = 0

    @property
    def configured(self) -> bool:
        """False while the organisation still has the name it got at set-up."""
        return self.name != PLACEHOLDER_NAME


def _record(o: Organisation, staff: int = 0, persons: int = 0) -> OrganisationRecord:
    return OrganisationRecord(
        name=o.name, kind=o.kind, head_title=o.head_title, head_name=o.head_name,
        postal_code=o.postal_code, address=o.address, phone=o.phone, fax=o.fax,
        doc_symbol=o.doc_symbol, seal_omitted=o.seal_omitted, section=o.section, id=o.id,
        version=o.version,
        staff=staff, persons=persons)


def name_key(text: str) -> str:
    """Names compared as people mean them: width and spaces do not matter."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def validated(data: OrganisationInput) -> OrganisationInput:
    """The organisation as entered, normalised; InvalidInput naming every field with a
    problem at once (a form shows them together: the setup wizard showed one per try)."""
    problems: dict[str, str] = {}
    name = (data.name or "").strip()
    if not name:
        problems["name"] = _t("組織の正式名称を入力してください")
    if data.kind not in ORGANISATION_KINDS:
        problems["kind"] = _t("組織の種別は {kinds} のいずれかです").format(
            kinds=listing(shown(v) for v in ORGANISATION_KINDS.values()))
    head_title = data.head_title.strip()
    if not head_title:
        problems["head_title"] = _t("長の職名を入力してください（例: 中区福祉保健センター長）")

    def check(field: str, validate: Callable[[str], str]) -> str:
        value = getattr(data, field).strip()
        if not value:
            return ""
        try:
            return validate(value)
        except validators.ValidationError as exc:
            problems[field] = exc.message
            return value

    symbol = unicodedata.normalize("NFKC", data.doc_symbol).strip()
    if len(symbol) > 16 or any(c.isspace() for c in symbol):
        problems["doc_symbol"] = _t("文書記号は空白なしの16文字以内で入力してください（例: 中福）")
    clean = replace(data, name=name, head_title=head_title, head_name=data.head_name.strip(),
                    postal_code=check("postal_code", validators.postal_code),
                    address=data.address.strip(),
                    phone=check("phone", validators.phone_number),
                    fax=check("fax", validators.phone_number), doc_symbol=symbol,
                    section=data.section.strip())
    if problems:
        field, message = next(iter(problems.items()))
        raise InvalidInput(field, message, problems)
    return clean


def _unique_name(s: Session, name: str, except_id: uuid.UUID | None = None) -> None:
    key = name_key(name)
    for other_id, other in s.execute(select(Organisation.id, Organisation.name)):
        if other_id != except_id and name_key(other) == key:
            raise InvalidInput("name", _t("「{name}」という組織は既に登録されています").format(name=other))


def add_organisation(s: Session, ctx: ServiceContext, actor: Actor | None,
                     data: OrganisationInput) -> Organisation:
    """Insert a validated organisation in the caller's transaction, audited."""
    _unique_name(s, data.name)
    row = Organisation(**{f: getattr(data, f) for f in _FIELDS})
    s.add(stamp_new(ctx, actor, row))
    s.flush()
    audit.append(s, ctx, actor, "create", "organisation", row.id, kind=data.kind)
    return row


_FIELDS = ("name", "kind", "head_title", "head_name", "postal_code", "address", "phone", "fax",
           "doc_symbol", "seal_omitted", "section")


def first_organisation(s: Session) -> Organisation | None:
    return s.scalars(select(Organisation).where(Organisation.deleted_at.is_(None))
                     .order_by(Organisation.created_at).limit(1)).first()


class OrganisationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def organisations(self) -> list[OrganisationRecord]:
        """Every organisation with its number of active staff and of persons (reference
        data: names and addresses of offices, no personal data)."""
        with self.ctx.db.read() as s:
            staff = dict(s.execute(select(User.organisation_id, func.count(User.id))
                                   .where(User.active.is_(True), User.deleted_at.is_(None))
                                   .group_by(User.organisation_id)).all())
            persons = dict(s.execute(select(Person.organisation_id, func.count(Person.id))
                                     .where(Person.deleted_at.is_(None))
                                     .group_by(Person.organisation_id)).all())
            rows = s.scalars(select(Organisation).where(Organisation.deleted_at.is_(None))
                             .order_by(Organisation.created_at))
            return [_record(o, staff.get(o.id, 0), persons.get(o.id, 0)) for o in rows]

    def get(self, organisation_id: uuid.UUID) -> OrganisationRecord:
        with self.ctx.db.read() as s:
            row = s.get(Organisation, organisation_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_t("組織が見つかりません"))
            return _record(row)

    def find(self, name: str) -> OrganisationRecord:
        """By official name (width and spaces ignored); NotFound lists the registered ones."""
        known = self.organisations()
        key = name_key(name)
        for o in known:
            if name_key(o.name) == key:
                return o
        raise NotFound(_t("組織「{name}」は登録されていません（登録済み: {known}）").format(
            name=name, known=listing(o.name for o in known) or _t("なし")))

    def add(self, actor: Actor, data: OrganisationInput) -> OrganisationRecord:
        require(actor, "manage_organisations")
        clean = validated(data)
        with self.ctx.db.write() as s:
            return _record(add_organisation(s, self.ctx, actor, clean))

    @staticmethod
    def _no_independent_support_staff(s: Session, row: Organisation) -> None:
        """An organisation with 相談支援員 or 就労支援員 stays a 自立相談支援機関."""
        role = s.scalar(select(User.role).where(
            User.organisation_id == row.id, User.role.in_(INDEPENDENT_SUPPORT_ROLES),
            User.deleted_at.is_(None)).limit(1))
        if role is not None:
            raise InvalidInput("kind", _t(
                "「{name}」には{role}の職員がいるため、自立相談支援機関のままにしてください"
                "（先に職員の権限を変えてください）").format(name=row.name, role=shown(ROLES[role])))

    def update(self, actor: Actor, organisation_id: uuid.UUID, expected_version: int,
               data: OrganisationInput) -> OrganisationRecord:
        require(actor, "manage_organisations")
        clean = validated(data)
        try:
            with self.ctx.db.write() as s:
                row = s.get(Organisation, organisation_id)
                if row is None or row.deleted_at is not None:
                    raise NotFound(_t("組織が見つかりません"))
                if row.version != expected_version:
                    raise StaleRecord(_t("この組織の情報は、開いた後に他の利用者が更新しています。読み込み直してください"))
                _unique_name(s, clean.name, row.id)
                if clean.kind not in INDEPENDENT_SUPPORT_KINDS:
                    self._no_independent_support_staff(s, row)
                changed = [f for f in _FIELDS if getattr(row, f) != getattr(clean, f)]
                for f in changed:
                    setattr(row, f, getattr(clean, f))
                stamp_update(actor, row)
                s.flush()
                audit.append(s, self.ctx, actor, "update", "organisation", row.id,
                             fields=changed)
                return _record(row)
        except StaleDataError:
            raise StaleRecord(_t("他の利用者が同時に更新しました。読み込み直してください")) from None
