"""Hello Work offices (公共職業安定所): the reference list referrals are addressed to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from desktop.i18n import translator
from desktop.models import HelloWorkOffice
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new
from desktop.services.errors import InvalidInput
from desktop.services.permissions import require

_t = translator("Offices")

@dataclass(frozen=True)
class OfficeRecord:
    id: uuid.UUID
    name: str
    address: str
    phone: str
    navigator: str


class OfficeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add_office(self, actor: Actor, name: str, address: str = "", phone: str = "",
                   navigator: str = "") -> OfficeRecord:
        require(actor, "manage_offices")
        name = name.strip()
        if not name:
            raise InvalidInput("name", _t("ハローワークの名称を入力してください"))
        with self.ctx.db.write() as s:
            if s.scalar(select(HelloWorkOffice.id).where(HelloWorkOffice.name == name)):
                raise InvalidInput("name", _t("「{name}」は既に登録されています").format(name=name))
            office = HelloWorkOffice(name=name, address=address, phone=phone,
                                     navigator=navigator)
            s.add(stamp_new(self.ctx, actor, office))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "office", office.id)
            return OfficeRecord(office.id, name, address, phone, navigator)

    def offices(self) -> list[OfficeRecord]:
        with self.ctx.db.read() as s:
            rows = s.scalars(select(HelloWorkOffice).where(HelloWorkOffice.deleted_at.is_(None))
                             .order_by(HelloWorkOffice.name))
            return [OfficeRecord(o.id, o.name, o.address, o.phone, o.navigator) for o in rows]
