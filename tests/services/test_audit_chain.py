"""The audit chain against someone who edits the database behind the application (security
issue, item 3): truncation, a deleted middle row with the later hashes recomputed, an
appended row, a record edited by raw SQL; and an upgraded (SHA-256) chain still verifies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import delete, insert, select, update

from desktop.config import Config
from desktop.models import AuditEntry, Person
from desktop.models.chain import GENESIS, keyed_row_hash, sha256_row_hash
from desktop.models.migrate import _alembic_config
from desktop.models.storage import open_database, open_engine
from desktop.services import audit, build_services
from tests.conftest import PASSWORD, Clock, World

OLD_AUDIT_LOG = sa.table("audit_log", *(sa.column(c) for c in (
    "id", "seq", "at", "user_id", "username", "action", "entity", "entity_id", "detail", "origin",
    "prev_hash", "hash")))


def problems(world: World) -> list[str]:
    return world.services.maintenance.verify(world.admin).problems


def _rows(world: World) -> list[AuditEntry]:
    with world.services.ctx.db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def test_a_healthy_database_verifies_and_records_carry_their_content_hash(world: World) -> None:
    pid = world.person()
    world.services.persons.get_person(world.admin, pid)
    assert problems(world) == []
    last = _rows(world)[-2]  # the view (verify's own row is the last)
    assert (last.action, last.entity, last.scheme) == ("view", "person", 2)
    assert len(last.record_hash) == 64


def test_deleting_the_last_rows_is_detected(world: World) -> None:
    world.person()
    head = _rows(world)[-1].seq
    with world.services.ctx.db.engine.begin() as conn:  # behind the application's back
        conn.execute(delete(AuditEntry).where(AuditEntry.seq > head - 3))
    found = problems(world)
    assert any("末尾が削除されています" in p for p in found), found


def test_a_deleted_middle_row_with_recomputed_hashes_is_detected(world: World) -> None:
    """An attacker without the key can only recompute plain SHA-256: the first rehashed row
    fails. With the key, the rewritten chain still ends away from the anchored head."""
    for i in range(3):
        world.person(case_number=f"M-{i}")
    db = world.services.ctx.db
    assert db.audit_key is not None
    for key in (None, db.audit_key):
        with db.engine.begin() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                select(AuditEntry.__table__).order_by(AuditEntry.seq))]
            victim = rows[len(rows) // 2]
            conn.execute(delete(AuditEntry).where(AuditEntry.seq == victim["seq"]))
            prev = rows[len(rows) // 2 - 1]["hash"]
            for row in rows[len(rows) // 2 + 1:]:
                seq = row["seq"] - 1
                fields = (seq, row["at"], row["user_id"], row["username"], row["action"],
                          row["entity"], row["entity_id"], row["detail"], row["origin"])
                new = (sha256_row_hash(*fields, prev) if key is None else
                       keyed_row_hash(key, *fields, row["record_hash"], prev))
                conn.execute(update(AuditEntry).where(AuditEntry.id == row["id"]).values(
                    seq=seq, prev_hash=prev, hash=new))
                prev = new
        assert problems(world), "a rewritten chain passed verify"


def test_an_appended_row_is_detected(world: World) -> None:
    world.person()
    db = world.services.ctx.db
    last = _rows(world)[-1]
    assert db.audit_key is not None
    at = datetime(2026, 6, 15, 3, 0, tzinfo=UTC)
    fields = (last.seq + 1, at, None, "mallory", "view", "person", "", "{}", "x")
    forgeries = [sha256_row_hash(*fields, last.hash)]  # without the key
    if db.is_sqlite:  # with the key too: the anchor is this file's only writer's head (on a
        # server other PCs append, so there only the keyless forgery is detectable)
        forgeries.append(keyed_row_hash(db.audit_key, *fields, "", last.hash))
    for forged in forgeries:
        with db.engine.begin() as conn:
            conn.execute(delete(AuditEntry).where(AuditEntry.seq == last.seq + 1))
            conn.execute(insert(AuditEntry).values(
                id=uuid.uuid4(), seq=last.seq + 1, at=at, user_id=None, username="mallory",
                action="view", entity="person", entity_id="", detail="{}", origin="x",
                prev_hash=last.hash, hash=forged, record_hash="", scheme=2))
        found = problems(world)
        assert found and any(f"#{last.seq + 1}" in p for p in found), found
        with db.engine.begin() as conn:  # verify's own row went after the forged one
            conn.execute(delete(AuditEntry).where(AuditEntry.seq > last.seq))
        db.anchor.write(audit.Head(last.seq, last.hash))  # type: ignore[union-attr]


def test_a_record_edited_by_raw_sql_is_reported_with_its_table_and_row(world: World) -> None:
    pid = world.person(family_name="山田")
    with world.services.ctx.db.engine.begin() as conn:
        conn.execute(update(Person).where(Person.id == pid).values(family_name="悪田"))
    found = problems(world)
    assert any("persons" in p and str(pid) in p and "変更されています" in p for p in found), found


def test_every_service_write_leaves_records_matching_their_last_audit_row(world: World) -> None:
    """The whole workflow, then verify: no service changes an audited record without an
    audit row naming it (the content check would report it as tampering)."""
    from tests.services.helpers import build_report_caseload, to_state

    build_report_caseload(world)
    pid = world.person(case_number="WF-1")
    to_state(world, pid, "retention")
    world.services.persons.share_case(world.cw_a, pid, world.cw_b.user_id)
    world.services.printing.print_document(world.cw_a, "referral", _episode(world, pid))
    assert problems(world) == []


def _episode(world: World, pid: uuid.UUID) -> uuid.UUID:
    return world.services.workflow.episodes_of(world.admin, pid)[0].id


@pytest.mark.sqlite_only(reason="the upgrade is from a SQLite file written by release 0005")
def test_an_upgraded_sha256_chain_verifies_and_is_closed_by_a_signed_checkpoint(
        config: Config, clock: Clock) -> None:
    engine, _, _ = open_engine(config)
    with engine.begin() as conn:  # a database as release 0005 left it, with its old chain
        command.downgrade(_alembic_config(conn), "0005")
        prev = GENESIS
        for seq in range(1, 6):
            at = datetime(2026, 5, seq, tzinfo=UTC)
            h = sha256_row_hash(seq, at, None, "", "login_failed", "user", "", "{}", "old", prev)
            conn.execute(insert(OLD_AUDIT_LOG).values(
                id=uuid.uuid4().hex, seq=seq, at=at.replace(tzinfo=None).isoformat(sep=' '), user_id=None, username="", action="login_failed",
                entity="user", entity_id="", detail="{}", origin="old", prev_hash=prev, hash=h))
            prev = h
    engine.dispose()
    opened = open_database(config)  # upgrades to 0006
    try:
        services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                                  key_info=opened.key_info, now=clock)
        admin = services.auth.create_first_admin("admin", "管理 者", PASSWORD)
        report = services.maintenance.verify(admin)
        assert report.ok, report.problems
        with opened.db.read() as s:
            rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        assert [r.scheme for r in rows[:5]] == [1] * 5
        assert (rows[5].action, rows[5].scheme, rows[5].prev_hash) == (
            "audit_chain_keyed", 2, prev)
        with opened.db.engine.begin() as conn:  # an old row rewritten with plain SHA-256
            conn.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(username="x"))
        assert not services.maintenance.verify(admin).ok
    finally:
        opened.db.close()


def test_the_anchor_lives_outside_the_database(world: World, config: Config) -> None:
    world.person()
    anchor = world.services.ctx.db.anchor
    assert anchor is not None and anchor.path.parent == config.data_dir
    head, _ = anchor.read()  # type: ignore[misc]
    assert head is not None and head.seq >= 1
