"""Hello Work offices (公共職業安定所): the reference list referrals are addressed to.

An office has the name people use (ハローワーク横浜; consents name the office by it), its
official name and head's title (the printed referral is addressed 「横浜公共職業安定所長 殿」),
whether it is the main office or a 常設窓口 at a welfare office, and its 就職支援ナビゲーター.
Offices are disabled, never deleted, once a referral or a consent names them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import listing, translator
from desktop.japanese import validators
from desktop.models import Consent, HelloWorkOffice, Referral
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import InvalidInput, NotFound, StaleRecord
from desktop.services.labels import OFFICE_KINDS
from desktop.services.organisations import name_key
from desktop.services.permissions import require

_t = translator("Offices")
MAX_NAVIGATORS = 20


@dataclass(frozen=True)
class Navigator:
    """就職支援ナビゲーター: a contact at Hello Work (not a user of Tsunagi)."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class OfficeInput:
    name: str  # the name people use: ハローワーク横浜
    official_name: str = ""  # 横浜公共職業安定所
    head_title: str = ""  # 横浜公共職業安定所長
    kind: str = "main"  # main | satellite (常設窓口)
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    navigators: tuple[Navigator, ...] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class OfficeRecord(OfficeInput):
    id: uuid.UUID
    version: int = 1
    active: bool = True

    @property
    def navigator(self) -> str:
        """The navigators' names in one line (lists and the CLI)."""
        return listing(n.name for n in self.navigators)

    @property
    def addressee(self) -> str:
        """Whom a referral is addressed to: the head's title, else the official name + 長."""
        return self.head_title or f"{self.official_name or self.name}長"


def _record(o: HelloWorkOffice) -> OfficeRecord:
    return OfficeRecord(
        name=o.name, official_name=o.official_name, head_title=o.head_title, kind=o.kind,
        postal_code=o.postal_code, address=o.address, phone=o.phone,
        navigators=tuple(Navigator(str(n.get("name", "")), str(n.get("phone", "")))
                         for n in o.navigators or []),
        id=o.id, version=o.version, active=o.active)


def parse_navigator(text: str) -> Navigator:
    """「田島 聡子:03-1234-5678」 or 「田島 聡子」 (the CLI's --navigator)."""
    name, _, phone = text.replace("：", ":").partition(":")
    return Navigator(name.strip(), phone.strip())


def validated(data: OfficeInput) -> OfficeInput:
    name = (data.name or "").strip()
    if not name:
        raise InvalidInput("name", _t("ハローワークの名称を入力してください"))
    if data.kind not in OFFICE_KINDS:
        raise InvalidInput("kind", _t("種別は本所・出張所か常設窓口を選んでください"))

    def check(value: str, field_name: str, validate: Callable[[str], str]) -> str:
        value = value.strip()
        if not value:
            return ""
        try:
            return validate(value)
        except validators.ValidationError as exc:
            raise InvalidInput(field_name, exc.message) from None

    navigators = []
    for n in data.navigators:
        if not n.name.strip() and not n.phone.strip():
            continue
        if not n.name.strip():
            raise InvalidInput("navigators", _t("ナビゲーターの氏名を入力してください"))
        if len(n.name.strip()) > 100:
            raise InvalidInput("navigators", _t("ナビゲーターの氏名は100文字以内です"))
        navigators.append(Navigator(n.name.strip(),
                                    check(n.phone, "navigators", validators.phone_number)))
    if len(navigators) > MAX_NAVIGATORS:
        raise InvalidInput("navigators", _t("ナビゲーターは{n}人まで登録できます").format(
            n=MAX_NAVIGATORS))
    return replace(data, name=name, official_name=data.official_name.strip(),
                   head_title=data.head_title.strip(),
                   postal_code=check(data.postal_code, "postal_code", validators.postal_code),
                   address=data.address.strip(),
                   phone=check(data.phone, "phone", validators.phone_number),
                   navigators=tuple(navigators))


def _values(data: OfficeInput) -> dict[str, object]:
    return {"name": data.name, "official_name": data.official_name,
            "head_title": data.head_title, "kind": data.kind, "postal_code": data.postal_code,
            "address": data.address, "phone": data.phone,
            "navigators": [{"name": n.name, "phone": n.phone} for n in data.navigators]}


def _same_name(s: Session, data: OfficeInput,
               except_id: uuid.UUID | None = None) -> str | None:
    """Another office already called by the name or the official name given (either is
    how the office is found again: 支援要請先 in a ledger, the command line)."""
    keys = {name_key(data.name), name_key(data.official_name)} - {""}
    for office_id, other, official in s.execute(select(
            HelloWorkOffice.id, HelloWorkOffice.name, HelloWorkOffice.official_name)):
        if office_id != except_id and keys & {name_key(other), name_key(official)}:
            return str(other)
    return None


def insert_office(s: Session, ctx: ServiceContext, actor: Actor, data: OfficeInput,
                  **detail: object) -> HelloWorkOffice:
    """Add a validated office in the caller's transaction, audited."""
    if (other := _same_name(s, data)) is not None:
        raise InvalidInput("name", _t("同じ名称のハローワーク「{name}」が既に登録されています").format(
            name=other))
    office = HelloWorkOffice(**_values(data), active=True)
    s.add(stamp_new(ctx, actor, office))
    s.flush()
    audit.append(s, ctx, actor, "create", "office", office.id, **detail)
    return office


def _named_by_records(s: Session, office: HelloWorkOffice) -> bool:
    """A referral is addressed to it, or a consent names it as a recipient."""
    if s.scalar(select(Referral.id).where(Referral.office_id == office.id).limit(1)):
        return True
    stmt = select(Consent.recipients).where(Consent.kind == "information_sharing")
    return any(office.name in (recipients or [])
               for recipients in s.scalars(stmt.execution_options(yield_per=2000)))


class OfficeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def register_office(self, actor: Actor, data: OfficeInput) -> OfficeRecord:
        require(actor, "manage_offices")
        clean = validated(data)
        with self.ctx.db.write() as s:
            return _record(insert_office(s, self.ctx, actor, clean))

    def add_office(self, actor: Actor, name: str, address: str = "", phone: str = "",
                   navigator: str = "") -> OfficeRecord:
        """The short form: a name (and address, phone, one navigator); the official name and
        head's title can be added later (the printed referral falls back to the name)."""
        navigators = (Navigator(navigator),) if navigator.strip() else ()
        return self.register_office(actor, OfficeInput(name, address=address, phone=phone,
                                                       navigators=navigators))

    def update_office(self, actor: Actor, office_id: uuid.UUID, expected_version: int,
                      data: OfficeInput) -> OfficeRecord:
        """Everything can be corrected, except the name people use once a referral or a
        consent names the office (the signed consent names it)."""
        require(actor, "manage_offices")
        clean = validated(data)
        try:
            with self.ctx.db.write() as s:
                office = self._load(s, office_id)
                if office.version != expected_version:
                    raise StaleRecord(_t("このハローワークの情報は、開いた後に他の利用者が更新しています。読み込み直してください"))
                if (other := _same_name(s, clean, office.id)) is not None:
                    raise InvalidInput("name", _t("同じ名称のハローワーク「{name}」が既に登録されています").format(
                        name=other))
                if clean.name != office.name and _named_by_records(s, office):
                    raise InvalidInput("name", _t(
                        "「{name}」は支援要請または同意書に記載されているため、名称は変えられません"
                        "（新しい名称で登録し、こちらは無効にしてください）").format(name=office.name))
                values = _values(clean)
                changed = [k for k, v in values.items() if getattr(office, k) != v]
                for k in changed:
                    setattr(office, k, values[k])
                stamp_update(actor, office)
                s.flush()
                audit.append(s, self.ctx, actor, "update", "office", office.id, fields=changed)
                return _record(office)
        except StaleDataError:
            raise StaleRecord(_t("他の利用者が同時に更新しました。読み込み直してください")) from None

    def set_active(self, actor: Actor, office_id: uuid.UUID, active: bool) -> OfficeRecord:
        """Disable (no longer offered for new referrals) or enable again; kept either way."""
        require(actor, "manage_offices")
        with self.ctx.db.write() as s:
            office = self._load(s, office_id)
            if office.active != active:
                office.active = active
                stamp_update(actor, office)
                s.flush()
                audit.append(s, self.ctx, actor, "office_enable" if active else "office_disable",
                             "office", office.id)
            return _record(office)

    def _load(self, s: Session, office_id: uuid.UUID) -> HelloWorkOffice:
        office = s.get(HelloWorkOffice, office_id)
        if office is None or office.deleted_at is not None:
            raise NotFound(_t("ハローワークが見つかりません"))
        return office

    def offices(self, include_inactive: bool = False) -> list[OfficeRecord]:
        """The offices a referral can go to (with ``include_inactive``, the disabled ones too)."""
        with self.ctx.db.read() as s:
            stmt = select(HelloWorkOffice).where(HelloWorkOffice.deleted_at.is_(None))
            if not include_inactive:
                stmt = stmt.where(HelloWorkOffice.active.is_(True))
            rows = s.scalars(stmt.order_by(HelloWorkOffice.name))
            return [_record(o) for o in rows]

    def find(self, name: str, include_inactive: bool = True) -> OfficeRecord:
        """By the name people use or the official name (width and spaces ignored)."""
        known = self.offices(include_inactive)
        key = name_key(name)
        for o in known:
            if key in (name_key(o.name), name_key(o.official_name)):
                return o
        raise NotFound(_t("ハローワーク「{name}」は登録されていません（登録済み: {known}）").format(
            name=name, known=listing(o.name for o in known) or _t("なし")))


def by_name(offices: Sequence[OfficeRecord]) -> dict[str, OfficeRecord]:
    """Each office under the keys it can be written as (name and official name)."""
    found: dict[str, OfficeRecord] = {}
    for o in offices:
        for key in (name_key(o.name), name_key(o.official_name)):
            if key:
                found.setdefault(key, o)
    return found
