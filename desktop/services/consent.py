"""同意: recording, withdrawing and checking the consents an episode rests on, their scanned
signed originals, and the confirmation of a scope read off the paper.

A referral needs both a 参加同意 and a 情報提供同意 in force; withdrawal (撤回) stops new
referrals and the printing of shared data from the day of withdrawal. What may leave the
office under them is decided in one place: services/disclosure.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, translator
from desktop.lazy import lazy_module
from desktop.models import Consent, ConsentScan, User
from desktop.services import audit, scans
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.disclosure import disclosure, recipient_key
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import InvalidInput, NotFound, StaleRecord
from desktop.services.labels import CONSENT_KINDS, CONSENT_SCOPE, shown

if TYPE_CHECKING:
    from desktop.documents import scans as scan_files
else:  # pypdfium2 and Pillow load with the first attachment
    scan_files = lazy_module("desktop.documents.scans")

_t = translator("Consent")
# The wording printed on the 同意書 and recorded with each consent (a recorded consent keeps
# the words it was signed with). 2026.1: the form names no kind of office (a 自立相談支援機関
# uses it too) and points at the boxes ticked on it.
WORDING_VERSION = "2026.1"
WORDINGS: dict[str, str] = {
    "participation": (
        "私は、上記の事業の趣旨と内容について説明を受け、宛先の機関と公共職業安定所"
        "（ハローワーク）が連携して行う就労支援に参加することに同意します。"
    ),
    "information_sharing": (
        "私は、就労支援を受けるために必要な範囲で、「(2) 提供する情報」で印を付けた情報を、"
        "宛先の機関と「(1) 提供先」で印を付けた機関との間で相互に提供し、就労支援のために"
        "利用することに同意します。提供された情報は、就労支援の目的以外には利用されません。"
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


@dataclass(frozen=True)
class ScanRecord:
    """A scanned signed original attached to a consent (its content is read separately:
    scan_content, audited)."""

    id: uuid.UUID
    consent_id: uuid.UUID
    mime: str
    filename: str
    size: int
    sha256: str
    attached_on: date
    attached_by: str = ""  # the staff member's display name


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
    # False: recorded without anyone reading the scope off the paper (a ledger import);
    # nothing is shared under it until confirm_scope.
    scope_confirmed: bool = True
    # The signed originals attached, oldest first (filled by ConsentService.consents).
    scans: tuple[ScanRecord, ...] = ()

    def in_force(self, on: date) -> bool:
        return (self.signed_on <= on and (self.valid_until is None or self.valid_until >= on)
                and (self.withdrawn_on is None or self.withdrawn_on > on))


def consent_record(c: Consent, has_scan: bool = False) -> ConsentRecord:
    return ConsentRecord(c.id, c.episode_id, c.kind, c.signed_on, c.valid_until, c.withdrawn_on,
                         tuple(c.recipients), tuple(c.scope), c.wording_version, c.wording_hash,
                         has_scan, c.version, c.scope_confirmed)


def _scan_record(row: ConsentScan, attached_by: str | None) -> ScanRecord:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return ScanRecord(row.id, row.consent_id, row.mime, row.filename, row.size, row.sha256,
                      created.astimezone().date(), attached_by or "")


def _scan_rows(s: Session, consent_ids: list[uuid.UUID]) -> list[ScanRecord]:
    """The scans of ``consent_ids`` still attached, oldest first, with who attached them."""
    rows = s.execute(select(ConsentScan, User.display_name)
                     .outerjoin(User, User.id == ConsentScan.created_by)
                     .where(ConsentScan.consent_id.in_(consent_ids),
                            ConsentScan.deleted_at.is_(None))
                     .order_by(ConsentScan.created_at, ConsentScan.id))
    return [_scan_record(row, name) for row, name in rows]


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
    if office_name is None:
        return None
    naming = [c for c in consents if c.kind == "information_sharing"
              and any(recipient_key(r) == recipient_key(office_name) for r in c.recipients)]
    if not naming:
        return _t("情報提供同意の提供先に「{office}」が含まれていません").format(office=office_name)
    if not any(c.scope_confirmed for c in naming):
        return _t("情報提供同意の範囲が確認されていません（同意の画面で範囲を確認してください）")
    return None


def withdraw(s: Session, ctx: ServiceContext, access: EpisodeAccess, actor: Actor,
             consent_id: uuid.UUID, on: date, note: str) -> Consent:
    """The withdrawal of one consent in the caller's transaction, audited."""
    consent = s.get(Consent, consent_id)
    if consent is None or consent.deleted_at is not None:
        raise NotFound(_t("同意の記録が見つかりません"))
    access.for_edit(s, actor, consent.episode_id)
    if consent.withdrawn_on is not None:
        raise InvalidInput("withdrawn_on", _t("この同意は既に撤回されています"))
    if on < consent.signed_on or on > ctx.today():
        raise InvalidInput("withdrawn_on", _t("撤回日は署名日から今日までの日付にしてください"))
    consent.withdrawn_on, consent.withdrawal_note = on, note
    stamp_update(actor, consent)
    s.flush()
    audit.append(s, ctx, actor, "withdraw", "consent", consent.id, on=on)
    return consent


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
                wording_text=text, wording_hash=wording_hash(text), scope_confirmed=True,
            )
            s.add(stamp_new(self.ctx, actor, consent))
            s.flush()
            audit.append(s, self.ctx, actor, "create", "consent", consent.id, kind=data.kind,
                         episode=str(episode.id))
            return consent_record(consent)

    def withdraw_consent(self, actor: Actor, consent_id: uuid.UUID, on: date,
                         note: str = "") -> ConsentRecord:
        """撤回: from ``on`` the consent no longer supports referrals or shared printing.
        (A 参加同意 withdrawn with the end of support: WorkflowService.withdraw_participation.)"""
        with self.ctx.db.write() as s:
            consent = withdraw(s, self.ctx, self.access, actor, consent_id, on, note)
            return consent_record(consent, self._has_scan(s, consent.id))

    def consents(self, actor: Actor, episode_id: uuid.UUID) -> list[ConsentRecord]:
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            rows = s.scalars(select(Consent).where(Consent.episode_id == episode_id,
                                                   Consent.deleted_at.is_(None))
                             .order_by(Consent.signed_on)).all()
            scans: dict[uuid.UUID, list[ScanRecord]] = {}
            for scan in _scan_rows(s, [c.id for c in rows]):
                scans.setdefault(scan.consent_id, []).append(scan)
            return [dataclasses.replace(consent_record(c, c.id in scans),
                                        scans=tuple(scans.get(c.id, ()))) for c in rows]

    def sharing_scope(self, actor: Actor, episode_id: uuid.UUID, recipient: str,
                      on: date) -> frozenset[str]:
        """The scope items that may be shared with ``recipient`` on ``on`` (the rule of
        services/disclosure.py); ConsentMissing says why nothing may."""
        with self.ctx.db.read() as s:
            self.access.for_read(s, actor, episode_id)
            return disclosure(s, episode_id, [recipient], on).scope

    def confirm_scope(self, actor: Actor, consent_id: uuid.UUID, expected_version: int,
                      scope: list[str]) -> ConsentRecord:
        """The scope of an 情報提供同意 as read off the signed paper (a consent imported from
        a ledger shares nothing until this is done)."""
        unknown = [x for x in scope if x not in CONSENT_SCOPE]
        if unknown:
            raise InvalidInput("scope", _t("同意範囲の項目が正しくありません: {items}").format(
                items=', '.join(unknown)))
        if not scope:
            raise InvalidInput("scope", _t("署名された同意書で印の付いている項目を1つ以上選んでください"))
        with self.ctx.db.write() as s:
            consent = self._consent(s, consent_id)
            self.access.for_edit(s, actor, consent.episode_id)
            if consent.kind != "information_sharing":
                raise InvalidInput("scope", _t("範囲があるのは情報提供同意です"))
            if consent.version != expected_version:
                raise StaleRecord(_t("この同意は、開いた後に他の利用者が更新しています。読み込み直してください"))
            consent.scope = [x for x in CONSENT_SCOPE if x in scope]
            consent.scope_confirmed = True
            stamp_update(actor, consent)
            s.flush()
            audit.append(s, self.ctx, actor, "confirm_scope", "consent", consent.id,
                         scope=consent.scope)
            return consent_record(consent, self._has_scan(s, consent.id))

    # ---------------------------------------------------------------- scans

    @staticmethod
    def _consent(s: Session, consent_id: uuid.UUID) -> Consent:
        consent = s.get(Consent, consent_id)
        if consent is None or consent.deleted_at is not None:
            raise NotFound(_t("同意の記録が見つかりません"))
        return consent

    @staticmethod
    def _has_scan(s: Session, consent_id: uuid.UUID) -> bool:
        return s.scalar(select(ConsentScan.id).where(
            ConsentScan.consent_id == consent_id, ConsentScan.deleted_at.is_(None))
            .limit(1)) is not None

    def attach_scan(self, actor: Actor, consent_id: uuid.UUID, content: bytes,
                    filename: str = "") -> ScanRecord:
        """The scanned signed original (PDF, JPEG or PNG), stored encrypted; the referral
        packet sends it as the consent's copy."""
        found = scan_files.inspect_scan(content)  # before the write lock: a PDF is parsed
        name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()[:200]
        with self.ctx.db.write() as s:
            consent = self._consent(s, consent_id)
            episode, _ = self.access.for_edit(s, actor, consent.episode_id)
            row = ConsentScan(id=uuid.uuid4(), consent_id=consent.id, mime=found.mime,
                              filename=name, size=len(content),
                              sha256=hashlib.sha256(content).hexdigest(),
                              created_at=self.ctx.now())  # the date shown is the service's
            row.content = scans.seal(self.ctx.db, row.id, content)
            s.add(stamp_new(self.ctx, actor, row))
            s.flush()
            audit.append(s, self.ctx, actor, "attach_scan", "consent", consent.id,
                         scan=str(row.id), mime=found.mime, pages=found.pages,
                         sha256=row.sha256, episode=str(episode.id))
            return _scan_record(row, actor.display_name)

    def attach_scan_file(self, actor: Actor, consent_id: uuid.UUID, path: Path) -> ScanRecord:
        """attach_scan of a file chosen on this PC (read no further than the size allowed)."""
        try:
            with path.open("rb") as file:
                content = file.read(scan_files.MAX_BYTES + 1)
        except OSError:
            raise InvalidInput("file", _t("ファイルを読み込めません: {name}").format(
                name=path.name)) from None
        return self.attach_scan(actor, consent_id, content, path.name)

    def scans(self, actor: Actor, consent_id: uuid.UUID) -> list[ScanRecord]:
        with self.ctx.db.read() as s:
            consent = self._consent(s, consent_id)
            self.access.for_read(s, actor, consent.episode_id)
            return _scan_rows(s, [consent_id])

    def scan_content(self, actor: Actor, scan_id: uuid.UUID) -> tuple[ScanRecord, bytes]:
        """The file as attached, decrypted in memory (audited as a view: it shows the signed
        paper). Whoever may read the person's case may see it."""
        with self.ctx.db.write() as s:
            row = self._scan(s, scan_id)
            consent = self._consent(s, row.consent_id)
            self.access.for_read(s, actor, consent.episode_id)
            audit.append(s, self.ctx, actor, "view_scan", "consent", consent.id,
                         scan=str(row.id))
            return (_scan_record(row, self._name(s, row.created_by)),
                    scans.open_sealed(self.ctx.db, row.id, row.content))

    def remove_scan(self, actor: Actor, scan_id: uuid.UUID) -> ScanRecord:
        """A scan attached by mistake (another person's paper, the wrong page): gone from
        the database. Whoever may attach one may remove it (the person's case editable by
        them); the packet prints the office's 控 again when no scan is left."""
        with self.ctx.db.write() as s:
            row = self._scan(s, scan_id)
            consent = self._consent(s, row.consent_id)
            self.access.for_edit(s, actor, consent.episode_id)
            record = _scan_record(row, self._name(s, row.created_by))
            s.delete(row)
            audit.append(s, self.ctx, actor, "remove_scan", "consent", consent.id,
                         scan=str(row.id), sha256=row.sha256)
            return record

    @staticmethod
    def _scan(s: Session, scan_id: uuid.UUID) -> ConsentScan:
        row = s.get(ConsentScan, scan_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_t("同意書の画像が見つかりません"))
        return row

    @staticmethod
    def _name(s: Session, user_id: uuid.UUID | None) -> str:
        return (s.scalar(select(User.display_name).where(User.id == user_id)) or ""
                if user_id is not None else "")
