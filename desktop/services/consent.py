"""同意: recording, withdrawing and checking the consents an episode rests on.

A referral needs both a 参加同意 and a 情報提供同意 in force; withdrawal (撤回) stops new
referrals and the printing of shared data from the day of withdrawal.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, translator
from desktop.models import Consent
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import ConsentMissing, InvalidInput, NotFound
from desktop.services.labels import CONSENT_KINDS, CONSENT_SCOPE, shown

_t = translator("Consent")
WORDING_VERSION = "2025.1"
WORDINGS: dict[str, str] = {
    "participation": (
        "私は、生活保護受給者等就労自立促進事業の趣旨と内容について説明を受け、"
        "福祉事務所と公共職業安定所（ハローワーク）が連携して行う就労支援に参加することに同意します。"
        "この同意は、いつでも撤回することができます。"
    ),
    "information_sharing": (
        "私は、就労支援を受けるために必要な範囲で、下記の情報を福祉事務所と下記の提供先との間で"
        "相互に提供し、利用することに同意します。提供された情報は就労支援の目的以外には利用されません。"
        "この同意は、いつでも撤回することができ、撤回した日以降は情報の提供を行いません。"
    ),
}


def wording_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ConsentInput:
    kind: str
    signed_on: date
    valid_until: date | None = None
    recipients: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    wording_version: str = WORDING_VERSION
    wording_text: str | None = None  # None: the standard wording of that version
    scan: bytes | None = None
    scan_mime: str | None = None


@dataclass(frozen=True)
class ConsentRecord:
    id: uuid.UUID
    episode_id: uuid.UUID
    kind: str
    signed_on: date
    valid_until: date | None
    withdrawn_on: date | None
    recipients: tuple[str, ...]
    scope: tuple[str, ...]
    wording_version: str
    wording_hash: str
    has_scan: bool
    version: int

    def in_force(self, on: date) -> bool:
        return (self.signed_on <= on and (self.valid_until is None or self.valid_until >= on)
                and (self.withdrawn_on is None or self.withdrawn_on > on))


def _record(c: Consent) -> ConsentRecord:
    return ConsentRecord(c.id, c.episode_id, c.kind, c.signed_on, c.valid_until, c.withdrawn_on,
                         tuple(c.recipients), tuple(c.scope), c.wording_version, c.wording_hash,
                         c.scan is not None, c.version)


def in_force(session: Session, episode_id: uuid.UUID, on: date,
             kind: str | None = None) -> list[Consent]:
    """Consents of an episode in force on ``on`` (signed, not expired, not withdrawn)."""
    stmt = select(Consent).where(
        Consent.episode_id == episode_id,
        Consent.deleted_at.is_(None),
        Consent.signed_on <= on,
        or_(Consent.valid_until.is_(None), Consent.valid_until >= on),
        or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > on),
    )
    if kind:
        stmt = stmt.where(Consent.kind == kind)
    return list(session.scalars(stmt))


def missing_for_referral(session: Session, episode_id: uuid.UUID, on: date,
                         office_name: str | None = None) -> str | None:
    """Why a referral (or the 同意取得 state) cannot rest on the consents, or None."""
    consents = in_force(session, episode_id, on)
    kinds = {c.kind for c in consents}
    missing = [CONSENT_KINDS[k] for k in CONSENT_KINDS if k not in kinds]
    if missing:
        return _t("有効な{kinds}がありません").format(kinds=listing(shown(m) for m in missing))
    if office_name is not None and not any(
            office_name in c.recipients for c in consents if c.kind == "information_sharing"):
        return _t("情報提供同意の提供先に「{office}」が含まれていません").format(office=office_name)
    return None


class ConsentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    def record_consent(self, actor: Actor, episode_id: uuid.UUID,
                       data: ConsentInput) -> ConsentRecord:
        today = self.ctx.today()
        if data.kind not in CONSENT_KINDS:
            raise InvalidInput("kind", _t("同意の種類が正しくありません"))
        if data.signed_on > today:
            raise InvalidInput("signed_on", _t("署名日が未来の日付になっています"))
        if data.valid_until is not None and data.valid_until < data.signed_on:
            raise InvalidInput("valid_until", _t("有効期限が署名日より前になっています"))
        unknown = [x for x in data.scope if x not in CONSENT_SCOPE]
        if unknown:
            raise InvalidInput("scope", _t("同意範囲の項目が正しくありません: {items}").format(
                items=', '.join(unknown)))
        recipients = [r.strip() for r in data.recipients if r.strip()]
        if data.kind == "information_sharing" and (not recipients or not data.scope):
            raise InvalidInput("scope", _t("情報提供同意には提供先と提供する情報の範囲が必要です"))
        text = data.wording_text or WORDINGS.get(data.kind, "")
        if not text:
            raise InvalidInput("wording_text", _t("同意書の文言がありません"))
        with self.ctx.db.write() as s:
            episode, _ = self.access.for_edit(s, actor, episode_id)
            self.access.require_open(episode)
            consent = Consent(
                episode_id=episode.id, kind=data.kind, recipients=recipients,
                scope=list(dict.fromkeys(data.scope)), signed_on=data.signed_on,
                valid_until=data.valid_until, wording_version=data.wording_version,
                wording_text=text, wording_hash=wording_hash(text), scan=data.scan,
                scan_mime=data.scan_mime,
            )
            s.add(stamp_new(self.ctx, actor, consent))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "consent", consent.id, kind=data.kind,
                         episode=str(episode.id))
            return _record(consent)

    def withdraw_consent(self, actor: Actor, consent_id: uuid.UUID, on: date,
                         note: str = "") -> ConsentRecord:
        """撤回: from ``on`` the consent no longer supports referrals or shared printing."""
        with self.ctx.db.write() as s:
            consent = s.get(Consent, consent_id)
            if consent is None or consent.deleted_at is not None:
                raise NotFound(_t("同意の記録が見つかりません"))
            self.access.for_edit(s, actor, consent.episode_id)
            if consent.withdrawn_on is not None:
                raise InvalidInput("withdrawn_on", _t("この同意は既に撤回されています"))
            if on < consent.signed_on or on > self.ctx.today():
                raise InvalidInput("withdrawn_on", _t("撤回日は署名日から今日までの日付にしてください"))
            consent.withdrawn_on, consent.withdrawal_note = on, note
            stamp_update(actor, consent)
            s.flush()
            audit.append(s, self.ctx, actor, "withdraw", "consent", consent.id, on=on)
            return _record(consent)

    def consents(self, actor: Actor, episode_id: uuid.UUID) -> list[ConsentRecord]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(Consent).where(Consent.episode_id == episode_id,
                                                   Consent.deleted_at.is_(None))
                             .order_by(Consent.signed_on))
            return [_record(c) for c in rows]

    def sharing_scope(self, actor: Actor, episode_id: uuid.UUID, recipient: str,
                      on: date) -> frozenset[str]:
        """The scope items that may be shared with ``recipient`` on ``on``. Printing shared
        data must go through this; with no consent in force it refuses."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            granted = [c for c in in_force(s, episode_id, on, "information_sharing")
                       if recipient in c.recipients]
            if not granted:
                raise ConsentMissing(
                    _t("「{recipient}」への情報提供に有効な同意がありません（未取得・期限切れ・撤回済み）").format(recipient=recipient)
                )
            return frozenset(x for c in granted for x in c.scope)
