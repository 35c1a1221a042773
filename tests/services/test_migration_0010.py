"""Revision 0010 (official documents) on a database in use at revision 0008: the referral
numbers already given stay, consents a ledger import recorded with every scope item (and
that nobody has touched since) become unconfirmed, every other record keeps its seal, and
the downgrade with data gives back unique numbers (taken away again by the upgrade)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import select

from desktop.config import Config
from desktop.models import Consent, Plan, Referral
from desktop.models.migrate import current_revision, downgrade, head_revision
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.consent import WORDING_VERSION, WORDINGS, wording_hash
from desktop.services.disclosure import SCOPE_UNCONFIRMED, disclosures
from desktop.services.labels import CONSENT_SCOPE
from tests.conftest import World
from tests.services.helpers import seal_as_an_older_release, to_state

IMPORT_NOTE = "台帳から取込"


def _consent_at_0008(conn: sa.Connection, episode_id: uuid.UUID, office: str) -> uuid.UUID:
    """An 情報提供同意 as the ledger import of 0008 wrote it: every scope item, in bulk,
    named by no audit row."""
    consents = sa.table("consents", *(sa.column(c) for c in (
        "version", "created_at", "updated_at", "origin", "kind", "signed_on",
        "withdrawal_note", "wording_version", "wording_text", "wording_hash")),
        sa.column("recipients", sa.JSON), sa.column("scope", sa.JSON),
        sa.column("id", sa.Uuid()), sa.column("episode_id", sa.Uuid()))
    cid = uuid.uuid4()
    now = datetime(2026, 4, 6, 3, 0, tzinfo=UTC)
    text = WORDINGS["information_sharing"]
    conn.execute(consents.insert().values(
        id=cid, version=1, created_at=now, updated_at=now, origin="ledger",
        episode_id=episode_id, kind="information_sharing", recipients=[office],
        scope=list(CONSENT_SCOPE), signed_on=date(2026, 4, 6), withdrawal_note="",
        wording_version=WORDING_VERSION, wording_text=text, wording_hash=wording_hash(text)))
    return cid


def test_0010_from_0008_with_data_and_back(config: Config, world: World) -> None:
    kept = to_state(world, world.person(), "active")  # consents, referral, plan: all audited
    imported = to_state(world, world.person(), "referred")
    db = world.services.ctx.db
    downgrade(db.engine, "0008")
    transitions = sa.table("transitions", sa.column("episode_id", sa.Uuid()),
                           sa.column("from_state"), sa.column("note"))
    referrals = sa.table("referrals", sa.column("episode_id", sa.Uuid()), sa.column("number"))
    with db.engine.begin() as conn:
        numbers = dict(conn.execute(select(referrals.c.episode_id, referrals.c.number)).all())
    # Referrals never issued went down with their id as their number (unique again).
    assert len(numbers) == 2 and all(len(n) == 32 for n in numbers.values())
    assert db.audit_key is not None
    seal_as_an_older_release(db.engine, db.audit_key, db.anchor)  # in use under 0008
    with db.engine.begin() as conn:
        conn.execute(transitions.update().where(
            transitions.c.episode_id == imported, transitions.c.from_state.is_(None))
            .values(note=IMPORT_NOTE))
        from_ledger = _consent_at_0008(conn, imported, world.office_name)
        # The same consent on an episode that did not come from a ledger stays confirmed.
        typed_in = _consent_at_0008(conn, kept, world.office_name)
    db.close()

    opened = open_database(config)  # upgrades, as the application does
    try:
        assert current_revision(opened.db.engine) == head_revision()
        services = build_services(opened.db, opened.device_id)
        assert services.maintenance.verify(world.admin).problems == []
        with opened.db.read() as s:
            confirmed = dict(s.execute(select(Consent.id, Consent.scope_confirmed)).all())
            assert confirmed.pop(from_ledger) is False
            assert confirmed.pop(typed_in) is True
            assert all(confirmed.values())  # every consent recorded through the services
            # Never issued: no number again, as their records were sealed.
            assert dict(s.execute(select(Referral.episode_id, Referral.number)).all()) == {
                episode: None for episode in numbers}
            assert set(s.scalars(select(Plan.planned_on))) == {None}
        services.consent.confirm_scope(
            world.cw_a, from_ledger, 1, ["identity_contact", "job_search_status"])
        with opened.db.read() as s:
            consent = s.get(Consent, from_ledger)
            assert consent is not None and consent.scope_confirmed
            assert consent.scope == ["identity_contact", "job_search_status"]
    finally:
        opened.db.close()


def test_a_ledger_consent_alone_shares_nothing_after_the_upgrade(
        config: Config, world: World) -> None:
    ep = to_state(world, world.person(), "candidate")
    db = world.services.ctx.db
    downgrade(db.engine, "0008")
    assert db.audit_key is not None
    seal_as_an_older_release(db.engine, db.audit_key, db.anchor)
    transitions = sa.table("transitions", sa.column("episode_id", sa.Uuid()),
                           sa.column("from_state"), sa.column("note"))
    with db.engine.begin() as conn:
        conn.execute(transitions.update().where(
            transitions.c.episode_id == ep, transitions.c.from_state.is_(None))
            .values(note=IMPORT_NOTE))
        _consent_at_0008(conn, ep, world.office_name)
    db.close()
    opened = open_database(config)
    try:
        with opened.db.read() as s:
            found = disclosures(s, [ep], [world.office_name], date(2026, 5, 1))[ep]
        assert getattr(found, "reason", None) == SCOPE_UNCONFIRMED
    finally:
        opened.db.close()
