"""The audit chain against someone who edits the database behind the application (security
issue, item 3): truncation, a deleted middle row with the later hashes recomputed, an
appended row, a record edited by raw SQL; and an upgraded (SHA-256) chain still verifies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import delete, insert, select, update

from desktop.config import Config
from desktop.models import AuditEntry, Organisation, Person, chain
from desktop.models.chain import GENESIS, keyed_row_hash, server_anchor, sha256_row_hash
from desktop.models.db import Database
from desktop.models.migrate import _alembic_config, downgrade, head_revision, upgrade
from desktop.models.server_settings import server_label
from desktop.models.storage import open_database, open_engine
from desktop.services import audit, build_services
from desktop.services.errors import PermissionDenied
from desktop.services.maintenance import check_database
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonInput
from tests.conftest import PASSWORD, Clock, World
from tests.services.helpers import seal_as_an_older_release

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


def test_an_organisation_edited_by_raw_sql_is_reported(world: World) -> None:
    """Before: organisations were not sealed, so the issuer printed on every referral and
    consent form (name, head's title, 文書記号) could be rewritten behind the application and
    verify passed (security review, round 3)."""
    org = world.services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長", doc_symbol="西福"))
    assert problems(world) == []
    with world.services.ctx.db.engine.begin() as conn:
        conn.execute(update(Organisation).where(Organisation.id == org.id).values(
            doc_symbol="偽", head_title="偽所長"))
    found = problems(world)
    assert any("organisations" in p and str(org.id) in p and "変更されています" in p
               for p in found), found


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


# --- Seals across migrations (integration of issue 16: a migration must not make every
# record sealed before it look changed) -------------------------------------------------

TRACKED = {"id", "version", "created_at", "created_by", "updated_at", "updated_by", "origin",
           "deleted_at"}
# The columns of each audited table when its records were first sealed: revision 0006 (a
# table audited later: the revision that created it, and its columns then). Frozen: only
# ever add a table here. A column added since must be in chain.COLUMNS_ADDED.
FIRST_SEALED: dict[str, tuple[str, set[str]]] = {
    "persons": ("0006", TRACKED | {
        "address", "barriers", "birth_date", "case_number", "case_number_key",
        "caseworker_id", "category", "desired_area", "desired_hours", "desired_job",
        "desired_wage", "education", "family_kana", "family_name", "given_kana",
        "given_kana_key", "given_name", "given_name_key", "household", "kana_key", "licences",
        "name_key", "phone_home", "phone_mobile", "postal_code", "search_no", "search_text",
        "sex", "work_history"}),
    "users": ("0006", TRACKED | {
        "active", "display_name", "failed_logins", "last_login_at", "locked_until",
        "password_hash", "role", "username"}),
    "episodes": ("0006", TRACKED | {
        "closed_on", "closure_reason", "intake_on", "note", "person_id", "planned_end_on",
        "screening_decided_on", "screening_decision", "screening_meeting", "state",
        "state_since", "support_start_on"}),
    "consents": ("0006", TRACKED | {
        "episode_id", "kind", "recipients", "scan", "scan_mime", "scope", "signed_on",
        "valid_until", "withdrawal_note", "withdrawn_on", "wording_hash", "wording_text",
        "wording_version"}),
    "referrals": ("0006", TRACKED | {
        "episode_id", "number", "office_id", "printed_at", "referred_on", "return_reason",
        "sent_by", "status", "status_on"}),
    "plans": ("0006", TRACKED | {
        "barriers", "episode_id", "goal_area", "goal_employment_type", "goal_hours",
        "goal_job", "goal_target_on", "goal_wage", "menu", "revision", "role_hello_work",
        "role_welfare", "team"}),
    "plan_reviews": ("0006", TRACKED | {"done_on", "due_on", "plan_id", "result"}),
    "placements": ("0006", TRACKED | {
        "employer", "employer_address", "employment_insurance", "employment_type", "end_on",
        "end_reason", "episode_id", "job_title", "route", "start_on", "term_category",
        "wage_amount", "wage_unit", "weekly_hours"}),
    "retention_checkpoints": ("0006", TRACKED | {
        "done_on", "due_on", "episode_id", "months", "note", "placement_id", "result"}),
    "contact_logs": ("0006", TRACKED | {
        "attendees_hello_work", "attendees_welfare", "contact_on", "content", "decisions",
        "episode_id", "kind", "next_action", "next_action_done_on", "next_action_due",
        "next_review_on", "staff_id"}),
    "protection_outcomes": ("0006", TRACKED | {
        "decided_on", "episode_id", "independence_benefit", "kind"}),
    "hello_work_offices": ("0006", TRACKED | {
        "address", "name", "navigator", "phone"}),
    "hello_work_activities": ("0009", TRACKED | {
        "company", "dismissed_on", "end_on", "episode_id", "job_title", "activity_on", "kind",
        "note", "office_id", "placement_id", "result", "source", "title"}),
    "episode_reassignments": ("0009", TRACKED | {
        "caseworker_id", "episode_id", "organisation_id", "valid_from", "valid_to"}),
    # Created by revision 0011 (issue 22).
    "readiness_assessments": ("0011", TRACKED | {
        "assessed_on", "assessor_id", "episode_id", "items", "revision", "summary"}),
    "support_activities": ("0011", TRACKED | {
        "course", "days_attended", "employer_id", "end_on", "episode_id", "evaluation", "kind",
        "note", "outcome", "planned_days", "planned_end_on", "provider", "start_on",
        "subtype"}),
    "employers": ("0011", TRACKED | {
        "active", "address", "contact_person", "industry", "name", "name_key", "note",
        "offers", "organisation_id", "phone", "postal_code", "registered_on", "search_key"}),
    "support_costs": ("0011", TRACKED | {
        "amount", "description", "episode_id", "funding_source", "kind", "paid_on",
        "purpose"}),
    "meetings": ("0011", TRACKED | {
        "attendees", "held_on", "kind", "note", "organisation_id", "organisations", "place",
        "title"}),
    "meeting_cases": ("0011", TRACKED | {
        "contact_id", "decision", "episode_id", "meeting_id", "next_review_on"}),
    "organisations": ("0007", TRACKED | {
        "address", "doc_symbol", "fax", "head_name", "head_title", "kind", "name", "phone",
        "postal_code", "seal_omitted"}),
}


def test_every_column_of_an_audited_table_is_sealed_or_listed_as_added_after() -> None:
    """A model that gains a column on an audited table without its line in
    chain.COLUMNS_ADDED would make every record sealed before that migration look changed
    behind the application; a column dropped since needs the table in chain.RESEALED."""
    for entity, model in audit.AUDITED.items():
        name = model.__tablename__
        assert name in FIRST_SEALED, (
            f"監査対象の表 {name}（{entity}）: 最初に封印された版とその列を FIRST_SEALED に加えてください")
        since, first = FIRST_SEALED[name]
        added = {c for revision, tables in chain.COLUMNS_ADDED.items() if revision > since
                 for c in tables.get(name, ())}
        now = set(model.__table__.c.keys())
        assert not now - first - added, (
            f"{name} の列 {sorted(now - first - added)} を chain.COLUMNS_ADDED に、"
            "それを加えた版の下に書いてください")
        dropped = (first | added) - now
        assert not dropped or any(name in tables.values() for revision, tables in
                                  chain.RESEALED.items() if revision > since), (
            f"{name} の列 {sorted(dropped)} を削除した版を chain.RESEALED に書いてください")
    for revision in (*chain.COLUMNS_ADDED, *chain.RESEALED):
        assert len(revision) == 4 and revision.isdigit() and revision <= head_revision()


@pytest.mark.sqlite_only(reason="the schema at each revision is the same on both back ends")
def test_the_registry_says_at_which_revision_each_column_came(config: Config) -> None:
    """Walked up from 0006 one revision at a time: the columns a seal at each revision
    covers are exactly those the audited tables have then."""
    # The next revision of each, from the scripts (ids may skip numbers while branches
    # with earlier revisions wait to be merged).
    following = {script.down_revision: script.revision for script in
                 ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    engine, _, _ = open_engine(config)
    try:
        downgrade(engine, "0006")
        revision = "0006"
        while True:
            inspector = sa.inspect(engine)
            for model in audit.AUDITED.values():
                name = model.__tablename__
                since, _ = FIRST_SEALED[name]
                if revision < since:
                    continue
                present = {c["name"] for c in inspector.get_columns(name)}
                model_now = set(model.__table__.c.keys())
                assert present & model_now == model_now - chain.added_after(name, revision), (
                    name, revision)
                # Columns gone from today's model went with a revision that sealed again.
                assert any(name in t.values() for r, t in chain.RESEALED.items()
                           if r > revision) or present <= model_now, (name, revision)
            if revision == head_revision():
                break
            revision = following[revision]
            upgrade(engine, revision)
    finally:
        engine.dispose()


def test_a_seal_names_its_revision_and_outlives_columns_added_after_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A later revision (here 0099) that adds a column listed in the registry leaves a seal
    made before it valid; an edit of a column the seal covers still shows; a column added
    without its line in the registry breaks it."""
    row = {"id": uuid.uuid4(), "family_name": "山田", "birth_date": datetime(1980, 4, 1).date()}
    seal = chain.record_seal("persons", "0008", row)
    assert seal.startswith("0008:") and len(seal) == 64
    assert chain.seal_matches("persons", seal, row)
    grown = {**row, "nickname": "やまちゃん"}
    assert not chain.seal_matches("persons", seal, grown)  # not in the registry
    monkeypatch.setitem(chain.COLUMNS_ADDED, "0099", {"persons": ("nickname",)})
    chain.added_after.cache_clear()
    try:
        assert chain.seal_matches("persons", seal, grown)
        assert not chain.seal_matches("persons", seal, {**grown, "family_name": "悪田"})
        assert chain.seal_matches("persons", chain.record_seal("persons", "0099", grown), grown)
    finally:
        monkeypatch.undo()
        chain.added_after.cache_clear()
    # An untagged seal (releases 0006 to 0008) over the columns of 0006 or of 0007.
    assert chain.seal_matches("persons", chain.record_digest("persons", row), row)


def test_an_upgrade_keeps_an_older_releases_seals_and_reseals_what_it_rewrites(
        config: Config, world: World) -> None:
    """A database in use under release 0006 (its records sealed as that release sealed
    them), upgraded: the columns added since leave every seal valid; the Hello Work offices,
    whose navigator revision 0007 rewrote, are sealed again in the migration; what was
    edited behind the application before the upgrade is reported after it, and is not
    sealed again."""
    kept = world.person(case_number="S-1")
    edited = world.person(case_number="S-2", family_name="山田")
    other_office = world.services.offices.add_office(world.admin, "ハローワーク渋谷",
                                                     "東京都渋谷区神南1-3-5").id
    db = world.services.ctx.db
    assert db.audit_key is not None
    downgrade(db.engine, "0006")
    assert seal_as_an_older_release(db.engine, db.audit_key, db.anchor) >= 9
    persons, offices = sa.table("persons", sa.column("id", sa.Uuid()),
                                sa.column("family_name")), sa.table(
        "hello_work_offices", sa.column("id", sa.Uuid()), sa.column("address"))
    with db.engine.begin() as conn:  # behind the application's back, before the upgrade
        conn.execute(persons.update().where(persons.c.id == edited).values(family_name="悪田"))
        conn.execute(offices.update().where(offices.c.id == world.office_id)
                     .values(address="偽の住所"))
    db.close()

    opened = open_database(config)  # upgrades, as the application does
    try:
        services = build_services(opened.db, opened.device_id)
        found = services.maintenance.verify(world.admin).problems
        assert len(found) == 2, found
        assert any(str(edited) in p and "persons" in p for p in found), found
        assert any(str(world.office_id) in p and "hello_work_offices" in p
                   for p in found), found
        with opened.db.read() as s:
            resealed = set(s.scalars(select(AuditEntry.entity_id).where(
                AuditEntry.action == "record_reseal")))
            seal = s.scalar(select(AuditEntry.record_hash).where(
                AuditEntry.action == "record_reseal"))
        assert resealed == {str(other_office)}
        assert seal is not None and seal.startswith(f"{head_revision()}:")
        assert str(kept) not in " ".join(found)
    finally:
        opened.db.close()


# --- Divergence: a write after tampering must not heal the anchor ----------------------

def _truncate(world: World, rows: int) -> None:
    with world.services.ctx.db.engine.begin() as conn:  # behind the application's back
        top = conn.execute(select(sa.func.max(AuditEntry.seq))).scalar_one()
        conn.execute(delete(AuditEntry).where(AuditEntry.seq > top - rows))


def test_a_truncation_stays_reported_after_later_writes_until_an_administrator_accepts_it(
        world: World) -> None:
    """Before: the next write linked onto the cut chain and moved the anchor, so one verify
    at most saw the truncation. Now the writer records the divergence (a signed row and the
    anchor file) and every verify reports it until an administrator accepts it."""
    world.person()
    maintenance = world.services.maintenance
    for _ in range(3):
        assert maintenance.verify(world.admin).ok
    _truncate(world, 2)  # two of verify's rows, which name no record
    world.services.auth.login("cwa", PASSWORD)  # the office keeps working: a write
    for _ in range(2):
        report = maintenance.verify(world.admin)
        assert not report.ok
        assert len(report.divergences) == 1 and "食い違い" in report.divergences[0], report
    with world.services.ctx.db.read() as s:
        row = s.scalar(select(AuditEntry).where(AuditEntry.action == audit.DIVERGED))
    assert row is not None and row.scheme == 2
    state = world.services.ctx.db.anchor.state()  # type: ignore[union-attr]
    assert state is not None and [d.seq for d in state.divergences] == [row.seq]

    with pytest.raises(PermissionDenied):
        maintenance.accept_divergences(world.supervisor)
    accepted = maintenance.accept_divergences(world.admin)
    assert len(accepted) == 1 and f"#{row.seq}" in accepted[0]
    assert maintenance.verify(world.admin).ok
    assert maintenance.accept_divergences(world.admin) == []  # nothing left: nothing written
    with world.services.ctx.db.read() as s:
        acceptance = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.ACCEPTED))
        assert [(a.username, a.detail) for a in acceptance] == [
            ("admin", f'{{"accepted":[{row.seq}]}}')]
    state = world.services.ctx.db.anchor.state()  # type: ignore[union-attr]
    assert state is not None and state.divergences == ()


def test_a_divergence_is_reported_from_the_chain_when_the_anchor_file_forgets_it(
        world: World) -> None:
    """The anchor file is plain JSON beside the database: an attacker who cuts the chain
    and then empties the anchor's list still meets the signed row."""
    world.person()
    _truncate(world, 2)
    world.services.auth.login("cwa", PASSWORD)
    anchor = world.services.ctx.db.anchor
    assert anchor is not None
    state = anchor.state()
    assert state is not None and state.divergences
    anchor.write(state.head, state.next)  # the divergence dropped from the file
    assert len(world.services.maintenance.verify(world.admin).divergences) == 1


def test_a_rewritten_tail_with_the_key_is_a_divergence_at_the_next_write(
        world: World) -> None:
    """Someone with the key deletes the last rows and appends re-signed ones of their own,
    ending elsewhere than the anchor: the next write (verify's own row) records it."""
    world.person()
    db = world.services.ctx.db
    assert db.audit_key is not None
    rows = _rows(world)
    _truncate(world, 2)
    keep = rows[-3]
    at = datetime(2026, 6, 15, 3, 0, tzinfo=UTC)
    fields = (keep.seq + 1, at, None, "mallory", "view", "person", "", "{}", "x")
    forged = keyed_row_hash(db.audit_key, *fields, "", keep.hash)
    with db.engine.begin() as conn:
        conn.execute(insert(AuditEntry).values(
            id=uuid.uuid4(), seq=keep.seq + 1, at=at, user_id=None, username="mallory",
            action="view", entity="person", entity_id="", detail="{}", origin="x",
            prev_hash=keep.hash, hash=forged, record_hash="", scheme=2))
    problems(world)
    assert len(world.services.maintenance.verify(world.admin).divergences) == 1


def test_a_write_that_never_committed_is_no_divergence(world: World) -> None:
    """The anchor is written before the commit: a crash between them leaves the anchor one
    write ahead of the database, which is not tampering."""
    world.person()
    anchor = world.services.ctx.db.anchor
    assert anchor is not None
    last = _rows(world)[-1]
    anchor.write(audit.Head(last.seq, last.hash), audit.Head(last.seq + 1, "f" * 64))
    world.services.auth.login("cwa", PASSWORD)
    assert problems(world) == []


@pytest.mark.sqlite_only(reason="only an exclusive (SQLite) anchor is always there")
def test_a_lost_anchor_file_is_a_divergence_not_a_fresh_start(world: World) -> None:
    world.person()
    anchor = world.services.ctx.db.anchor
    assert anchor is not None
    anchor.forget()
    world.services.auth.login("cwa", PASSWORD)  # before: wrote a new anchor, all was well
    report = world.services.maintenance.verify(world.admin)
    assert len(report.divergences) == 1 and "記録なし" in report.divergences[0]


# --- On a server, this PC's anchored row must still be in the chain, by hash ------------

def _resign_without(world: World, victim_seq: int) -> None:
    """Delete one row and re-sign every later one with the key (seq moved down by one)."""
    key = world.services.ctx.db.audit_key
    assert key is not None
    with world.services.ctx.db.engine.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(
            select(AuditEntry.__table__).order_by(AuditEntry.seq))]
        conn.execute(delete(AuditEntry).where(AuditEntry.seq == victim_seq))
        prev = next(r["hash"] for r in rows if r["seq"] == victim_seq - 1)
        for row in (r for r in rows if r["seq"] > victim_seq):
            seq = row["seq"] - 1
            new = keyed_row_hash(key, seq, row["at"], row["user_id"], row["username"],
                                 row["action"], row["entity"], row["entity_id"],
                                 row["detail"], row["origin"], row["record_hash"], prev)
            conn.execute(update(AuditEntry).where(AuditEntry.id == row["id"]).values(
                seq=seq, prev_hash=prev, hash=new))
            prev = new


def test_a_middle_row_deleted_and_the_rest_resigned_is_found_before_any_write(
        world: World) -> None:
    """Before: on a server the anchor check compared lengths only, so a chain one row
    shorter whose tail was re-signed with the key passed. Now the chain must hold this
    PC's anchored row with its hash (SQLite: end at it)."""
    for i in range(3):
        world.person(case_number=f"R-{i}")
    rows = _rows(world)
    _resign_without(world, rows[len(rows) // 2].seq)
    db = world.services.ctx.db
    report = check_database(db.engine, db)  # verify's check, before its own row
    assert not report.ok and report.problems, report


@pytest.mark.backends("postgresql")
def test_rows_of_other_pcs_are_no_divergence_but_a_resigned_chain_is(
        config: Config, world: World, tmp_path: Path) -> None:
    """Two PCs write to one server, each anchoring its own last row: the other's rows after
    it are normal; a row deleted below both anchors and the rest re-signed is found by each
    PC, before any write and after."""
    assert config.db_url is not None
    world.person(case_number="A-1")  # PC A (the world's)
    other = Database(world.services.ctx.db.engine, audit_key=world.services.ctx.db.audit_key,
                     anchor=server_anchor(tmp_path / "pc-b", server_label(config.db_url)))
    pc_b = build_services(other, "pc-b")
    pc_b.auth.login("cwb", PASSWORD)
    pc_b.persons.create_person(world.cw_b, PersonInput(
        case_number="B-1", family_name="石原", given_name="花子", family_kana="イシハラ",
        given_kana="ハナコ", birth_date=datetime(1985, 1, 1).date(), category="other"))
    world.services.auth.login("cwa", PASSWORD)  # A again, after B's rows
    assert problems(world) == []
    assert pc_b.maintenance.verify(world.admin).ok

    _resign_without(world, 3)
    db = world.services.ctx.db
    for anchor in (db.anchor, other.anchor):
        found = check_database(db.engine, Database(db.engine, db.audit_key, anchor))
        assert any("見つからないか、書き換えられています" in p for p in found.problems), found
    pc_b.auth.login("cwb", PASSWORD)  # B writes onto the re-signed chain
    assert pc_b.maintenance.verify(world.admin).divergences
    assert world.services.maintenance.verify(world.admin).divergences


@pytest.mark.sqlite_only(reason="the database file and its anchor file are copied back")
def test_a_database_put_back_with_its_anchor_file_is_reported_by_a_newer_backup(
        world: World, config: Config, clock: Clock, tmp_path: Path) -> None:
    """Found in the security review, round 3: someone with file access but without the
    database key copies the database file and the anchor file aside, later puts both back
    (undoing every view, print and change since, audit rows included), and verify passes:
    the anchor only proves the database and the anchor file agree. An automatic backup made
    between the copy and the put-back holds a head the put-back chain lacks."""
    services = world.services
    person = world.person()
    db = services.ctx.db
    assert db.anchor is not None
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    aside = tmp_path / "aside"
    aside.mkdir()
    copies = [config.db_path, db.anchor.path]
    for path in copies:
        (aside / path.name).write_bytes(path.read_bytes())
    services.persons.get_person(world.cw_a, person)  # what the copy put back would undo
    clock.advance(days=1)
    assert services.maintenance.auto_backup(world.admin).path is not None
    services.persons.get_person(world.cw_a, person)
    db.close()
    for suffix in ("-wal", "-shm"):
        config.db_path.with_name(config.db_path.name + suffix).unlink(missing_ok=True)
    for path in copies:
        path.write_bytes((aside / path.name).read_bytes())

    opened = open_database(config)
    try:
        again = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                               key_info=opened.key_info, now=clock)
        report = again.maintenance.verify(world.admin)
        assert not report.ok
        assert any("バックアップ" in p for p in report.problems + report.divergences), report
    finally:
        opened.db.close()
