"""Reading never takes the write lock: a record, a report or a list opens while another
process (another PC, in office mode) holds the write lock for a long transaction. The view
audit is noted and appended by a small write of its own once the lock is free, with the
time of the view; the keyed chain and its anchor stay whole. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services import audit
from desktop.services.reports import Period
from tests.conftest import Clock, World
from tests.services.helpers import to_state
from tests.services.test_busy import write_lock_held_elsewhere, write_lock_is_free


def _views(world: World) -> list[AuditEntry]:
    with world.services.ctx.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ("view", "report"))).order_by(AuditEntry.seq)))


def test_opening_a_person_during_a_long_write_returns_at_once(world: World,
                                                               clock: Clock) -> None:
    person = world.person(family_name="佐藤", given_name="花子")
    to_state(world, person, "referred")
    db, views = world.services.ctx.db, world.services.ctx.views
    seen_at = clock()
    with write_lock_held_elsewhere(db):
        assert not write_lock_is_free(db)
        # The busy timeout is 10 s: had the read waited for the lock, it would have failed
        # with DatabaseBusy; it returns the record instead.
        record = world.services.persons.get_person(world.cw_a, person)
        episodes = world.services.workflow.episodes_of(world.cw_a, person)
        report = world.services.reports.indicators(world.supervisor, Period.fiscal(2026))
        assert (record.family_name, record.given_name) == ("佐藤", "花子")
        assert [e.state for e in episodes] == ["referred"]
        assert report["referrals"] == 1
        assert views.pending == 2  # noted, waiting for the lock
        clock.advance(minutes=5)
    assert views.flush() == 0
    rows = _views(world)
    assert [(r.action, r.username) for r in rows] == [("view", "cwa"), ("report", "sv")]
    assert rows[0].entity_id == str(person) and rows[0].at.replace(tzinfo=None) == (
        seen_at.replace(tzinfo=None))  # the time of the view, not of the write
    with db.read() as s:
        report = audit.verify_chain(s, db.audit_key, db.anchor)
    assert report.ok, report.problem


def test_view_audits_are_written_right_away_when_the_lock_is_free(world: World) -> None:
    person = world.person()
    world.services.persons.get_person(world.viewer, person)
    assert world.services.ctx.views.pending == 0
    assert [(r.action, r.username) for r in _views(world)] == [("view", "view")]


def test_deferred_view_audits_wait_for_a_flush_in_one_transaction(world: World) -> None:
    views = world.services.ctx.views
    views.eager = False  # as the desktop runs: its write runner flushes them
    people = [world.person(case_number=f"D-{i}") for i in range(3)]
    for p in people:
        world.services.persons.get_person(world.supervisor, p)
    assert views.pending == 3 and _views(world) == []
    assert views.flush() == 0
    rows = _views(world)
    assert [r.entity_id for r in rows] == [str(p) for p in people]
    assert len({r.seq for r in rows}) == 3 and rows[-1].seq - rows[0].seq == 2
    with world.services.ctx.db.read() as s:
        assert audit.verify_chain(s, world.services.ctx.db.audit_key,
                                  world.services.ctx.db.anchor).ok


def test_a_print_renders_without_the_lock_and_is_audited_before_it_is_handed_out(
        world: World) -> None:
    person = world.person()
    episode = to_state(world, person, "referred")
    # A 支援要請書 is issued (its number taken and printed in one write: issue 19) ...
    doc = world.services.printing.print_document(world.cw_a, "referral", episode)
    with world.services.ctx.db.read() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.action == "issue")
                         .order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.entity_id == str(episode)
    assert doc.sha256 in last.detail
    # ... an unnumbered form is read, drawn outside any transaction, then audited.
    consent = world.services.printing.print_document(world.cw_a, "consent", episode)
    with world.services.ctx.db.read() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")
                         .order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.entity_id == str(episode)
    assert consent.sha256 in last.detail
    assert world.services.printing.pending_referrals(world.cw_a) == []  # marked printed
    assert doc.filename.endswith(f"{date(2026, 6, 15).isoformat()}.pdf")  # the test's clock
