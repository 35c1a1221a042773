"""The one consent rule for everything that leaves the office (情報提供の可否).

A document addressed to another organisation (a 支援要請書, a 就労支援プラン, a 支援状況連絡票,
a referral packet, an exchange sheet, a meeting's minutes) may carry a person's data only
under an 情報提供同意 that is in force on the day it is made and names that organisation,
and of that data only the items inside the consent's scope; any other item is printed as
「（同意範囲外）」. Nothing more leaves for an episode once its 参加同意 has been withdrawn
(on or after the withdrawal date; the notice of the end of support is the one document that
still goes), and a consent whose scope nobody has yet read off the signed paper (one
imported from a ledger) shares nothing until a person confirms it.

Every service that lets data leave calls this module inside its own transaction:
``disclosure`` for one episode (it refuses with the reason), ``disclosures`` for many (one
query for all of them; an export leaves out the episodes it refuses). Several recipients at
once (the organisations attending a meeting) need a consent naming each of them, and only
the items every one of them may receive are shared.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import shown_date, translator
from desktop.models import Consent
from desktop.services.errors import ConsentMissing

_t = translator("Consent")
OUT_OF_SCOPE = "（同意範囲外）"
# Why an episode's data may not leave (Refusal.reason, DisclosureRefused.reason).
NO_CONSENT = "no_consent"
SCOPE_UNCONFIRMED = "scope_unconfirmed"
PARTICIPATION_WITHDRAWN = "participation_withdrawn"


def recipient_key(name: str) -> str:
    """Recipient names compared as people mean them: width and spaces do not matter."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())


@dataclass(frozen=True)
class Disclosure:
    """What may go to ``recipients`` about one episode on ``on``."""

    episode_id: uuid.UUID
    recipients: tuple[str, ...]
    on: date
    scope: frozenset[str]  # CONSENT_SCOPE keys
    consent_ids: tuple[uuid.UUID, ...]  # the consents it rests on
    signed_on: date  # the latest signing day among them

    def allows(self, item: str) -> bool:
        return item in self.scope

    def shown(self, item: str, value: str) -> str:
        """``value`` when ``item`` is inside the scope, else 「（同意範囲外）」."""
        return value if item in self.scope else OUT_OF_SCOPE


@dataclass(frozen=True)
class Refusal:
    episode_id: uuid.UUID
    reason: str  # NO_CONSENT | SCOPE_UNCONFIRMED | PARTICIPATION_WITHDRAWN
    message: str  # in the language of this PC
    withdrawn_on: date | None = None  # for PARTICIPATION_WITHDRAWN


class DisclosureRefused(ConsentMissing):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.reason = refusal.reason
        self.withdrawn_on = refusal.withdrawn_on


def _in_force(on: date) -> tuple[ColumnElement[bool], ...]:
    return (Consent.deleted_at.is_(None), Consent.signed_on <= on,
            or_(Consent.valid_until.is_(None), Consent.valid_until >= on),
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > on))


def participation_withdrawals(session: Session, episode_ids: Iterable[uuid.UUID],
                              on: date) -> dict[uuid.UUID, date]:
    """The episodes whose 参加同意 was withdrawn on or before ``on`` (and not given again,
    in force on ``on``), with the withdrawal day."""
    ids = list(dict.fromkeys(episode_ids))
    out: dict[uuid.UUID, date] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = session.execute(select(Consent.episode_id, Consent.withdrawn_on).where(
            Consent.episode_id.in_(chunk), Consent.kind == "participation",
            Consent.deleted_at.is_(None), Consent.withdrawn_on.is_not(None),
            Consent.withdrawn_on <= on)).all()
        if not rows:
            continue
        again = set(session.scalars(select(Consent.episode_id).where(
            Consent.episode_id.in_(chunk), Consent.kind == "participation", *_in_force(on))))
        for episode_id, withdrawn_on in rows:
            if episode_id not in again and withdrawn_on is not None:
                out[episode_id] = min(withdrawn_on, out.get(episode_id, withdrawn_on))
    return out


def disclosures(session: Session, episode_ids: Iterable[uuid.UUID],
                recipients: Sequence[str], on: date) -> dict[uuid.UUID, Disclosure | Refusal]:
    """The rule for each episode: a Disclosure, or a Refusal saying why nothing may go."""
    ids = list(dict.fromkeys(episode_ids))
    wanted = [(name, recipient_key(name)) for name in dict.fromkeys(recipients)]
    if not wanted:
        raise ValueError("a disclosure needs at least one recipient")
    withdrawn = participation_withdrawals(session, ids, on)
    consents: dict[uuid.UUID, list[Consent]] = {}
    for start in range(0, len(ids), 500):
        for c in session.scalars(select(Consent).where(
                Consent.episode_id.in_(ids[start:start + 500]),
                Consent.kind == "information_sharing", *_in_force(on))
                .order_by(Consent.signed_on)):
            consents.setdefault(c.episode_id, []).append(c)
    result: dict[uuid.UUID, Disclosure | Refusal] = {}
    for episode_id in ids:
        if episode_id in withdrawn:
            day = withdrawn[episode_id]
            result[episode_id] = Refusal(episode_id, PARTICIPATION_WITHDRAWN, _t(
                "参加同意が{day}に撤回されています。撤回日以降、この支援エピソードの情報は"
                "提供できません（支援終了・同意撤回の連絡を除く）").format(day=shown_date(day)), day)
            continue
        scope: set[str] | None = None
        used: list[Consent] = []
        refusal: Refusal | None = None
        for name, key in wanted:
            naming = [c for c in consents.get(episode_id, [])
                      if any(recipient_key(r) == key for r in c.recipients)]
            confirmed = [c for c in naming if c.scope_confirmed]
            if not confirmed:
                refusal = (Refusal(episode_id, SCOPE_UNCONFIRMED, _t(
                    "「{recipient}」への情報提供同意の範囲が確認されていません（台帳から取り込んだ"
                    "同意）。署名された同意書を見て範囲を確認するまで、情報は提供できません").format(
                        recipient=name)) if naming else
                    Refusal(episode_id, NO_CONSENT, _t(
                        "「{recipient}」を提供先とする有効な情報提供同意がありません"
                        "（未取得・期限切れ・撤回済み）").format(recipient=name)))
                break
            items = {x for c in confirmed for x in c.scope}
            scope = items if scope is None else scope & items
            used += confirmed
        if refusal is not None:
            result[episode_id] = refusal
            continue
        assert scope is not None
        result[episode_id] = Disclosure(
            episode_id, tuple(n for n, _ in wanted), on, frozenset(scope),
            tuple(dict.fromkeys(c.id for c in used)), max(c.signed_on for c in used))
    return result


def disclosure(session: Session, episode_id: uuid.UUID, recipients: Sequence[str],
               on: date) -> Disclosure:
    """The rule for one episode; DisclosureRefused (a ConsentMissing) with the reason."""
    found = disclosures(session, [episode_id], recipients, on)[episode_id]
    if isinstance(found, Refusal):
        raise DisclosureRefused(found)
    return found
