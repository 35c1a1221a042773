"""支援費用: 交通費 and other costs of job-search support paid to a person (date, purpose —
面接・職場体験・訓練 —, amount, funding source), the receipt list printed for signature, and
(in services.reports) the totals per period.

The receipt list stays in the office (the person signs for what they received, the office
keeps it for its accounts): it is addressed to no other organisation, so no information
sharing consent is involved; printing it is audited like every print.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.i18n import translator
from desktop.lazy import lazy_module
from desktop.models import Episode, Organisation, Person, SupportCost, User
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.labels import COST_KINDS, COST_PURPOSES
from desktop.services.permissions import check_edit, check_read, visible_persons
from desktop.services.persons import load_person
from desktop.services.printing import PrintedDocument, office_of
from desktop.services.settings import read_setting

if TYPE_CHECKING:
    from desktop.documents import network_forms
    from desktop.services.reports import Period
else:  # ReportLab loads with the first print
    network_forms = lazy_module("desktop.documents.network_forms")

_t = translator("Costs")
MAX_AMOUNT = 300_000  # one payment; more is a typing error (an extra zero)


@dataclass(frozen=True)
class CostInput:
    paid_on: date
    kind: str  # labels.COST_KINDS
    purpose: str  # labels.COST_PURPOSES
    amount: int  # yen
    funding_source: str  # one of the setting funding_sources
    description: str = ""  # 区間 (自宅〜新宿駅) or what was bought


@dataclass(frozen=True)
class CostRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    paid_on: date
    kind: str
    purpose: str
    amount: int
    funding_source: str
    description: str
    recorded_by: str


def _record(c: SupportCost, by: str | None) -> CostRecord:
    return CostRecord(c.id, c.episode_id, c.paid_on, c.kind, c.purpose, c.amount,
                      c.funding_source, c.description, by or "")


class CostService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    def funding_sources(self) -> list[str]:
        with self.ctx.db.read() as s:
            return list(read_setting(s, "funding_sources"))

    def record_cost(self, actor: Actor, episode_id: uuid.UUID, data: CostInput) -> CostRecord:
        """A payment to the person during their (open) episode."""
        if data.kind not in COST_KINDS:
            raise InvalidInput("kind", _t("費用の区分を選んでください"))
        if data.purpose not in COST_PURPOSES:
            raise InvalidInput("purpose", _t("費用の目的を選んでください"))
        if isinstance(data.amount, bool) or not isinstance(data.amount, int) or not (
                0 < data.amount <= MAX_AMOUNT):
            raise InvalidInput("amount", _t("金額は1〜{max:,}円で入力してください").format(max=MAX_AMOUNT))
        if data.paid_on > self.ctx.today():
            raise InvalidInput("paid_on", _t("支給日に未来の日付は入力できません"))
        if data.kind == "other" and not data.description.strip():
            raise InvalidInput("description", _t("その他の費用は内容（品目）を入力してください"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self.access.require_open(episode)
            if data.paid_on < episode.intake_on:
                raise InvalidInput("paid_on", _t("支給日は受付日以降にしてください"))
            if data.funding_source not in read_setting(s, "funding_sources"):
                raise InvalidInput("funding_source", _t("財源を一覧から選んでください"))
            row = SupportCost(episode_id=episode.id, paid_on=data.paid_on, kind=data.kind,
                              purpose=data.purpose, amount=data.amount,
                              funding_source=data.funding_source,
                              description=data.description.strip())
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "cost", row.id,
                         episode=str(episode.id), amount=data.amount)
            return _record(row, actor.display_name)

    def void_cost(self, actor: Actor, cost_id: uuid.UUID) -> None:
        """A payment recorded by mistake: taken out of the lists and the totals (the audit
        log keeps that it was there and who took it out)."""
        with self.ctx.db.write() as s:
            row = s.get(SupportCost, cost_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_t("支援費用の記録が見つかりません"))
            self.access.for_edit(s, actor, row.episode_id)
            row.deleted_at = self.ctx.now()
            row.updated_by = actor.user_id
            s.flush()
            audit.append(s, self.ctx, actor, "void", "cost", row.id)

    def costs_of(self, actor: Actor, person_id: uuid.UUID) -> list[CostRecord]:
        """Every payment to the person, across their episodes, newest first."""
        with self.ctx.db.read() as s:
            check_read(s, actor, load_person(s, person_id))
            rows = s.execute(
                select(SupportCost, User.display_name)
                .join(Episode, Episode.id == SupportCost.episode_id)
                .outerjoin(User, User.id == SupportCost.created_by)
                .where(Episode.person_id == person_id, Episode.deleted_at.is_(None),
                       SupportCost.deleted_at.is_(None))
                .order_by(SupportCost.paid_on.desc(), SupportCost.created_at.desc()))
            return [_record(c, name) for c, name in rows]

    def receipt_list(self, actor: Actor, period: Period,
                     person_id: uuid.UUID | None = None) -> PrintedDocument:
        """The payments of ``period`` as a list to sign: one person's 受領書 (``person_id``),
        or every person the actor may read (支給一覧, by person with subtotals)."""
        with self.ctx.db.write() as s:
            stmt = (select(SupportCost, Person)
                    .join(Episode, Episode.id == SupportCost.episode_id)
                    .join(Person, Person.id == Episode.person_id)
                    .where(SupportCost.paid_on.between(period.start, period.end),
                           SupportCost.deleted_at.is_(None), Episode.deleted_at.is_(None),
                           Person.deleted_at.is_(None)))
            if person_id is not None:
                person = load_person(s, person_id)
                check_edit(s, actor, person)
                stmt = stmt.where(Person.id == person_id)
            else:
                stmt = stmt.where(visible_persons(actor))
            rows = s.execute(stmt.order_by(Person.kana_key, Person.id, SupportCost.paid_on)).all()
            org = s.get(Organisation, actor.organisation_id) if actor.organisation_id else None
            data = network_forms.ReceiptData(
                office=office_of(s, org.id if org else None), period=period.label,
                person=(f"{rows[0][1].family_name} {rows[0][1].given_name}" if rows
                        and person_id is not None else ""),
                rows=tuple(network_forms.ReceiptRow(
                    f"{p.family_name} {p.given_name}", p.case_number, c.paid_on,
                    COST_KINDS[c.kind], COST_PURPOSES[c.purpose], c.description,
                    c.funding_source, c.amount) for c, p in rows),
                single=person_id is not None, printed_on=self.ctx.today())
            pdf = network_forms.receipt_pdf(data)
            digest = hashlib.sha256(pdf).hexdigest()
            audit.append(s, self.ctx, actor, "print", "person" if person_id else "",
                         person_id or "", kind="cost_receipts", rows=len(rows),
                         start=period.start.isoformat(), end=period.end.isoformat(),
                         sha256=digest)
            name = (f"receipts-{rows[0][1].case_number}-" if person_id and rows
                    else "receipts-") + f"{period.start.isoformat()}.pdf"
            return PrintedDocument("cost_receipts", name, pdf, digest)
