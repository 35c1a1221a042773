"""Revision 0009 (Hello Work's side, 区分/担当 at the time) upgrades a database holding cases:
every referred episode freezes its person's 区分 and 担当, protection outcomes find their
placement, and the reports count the same as before."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select

from desktop.models import Episode, EpisodeReassignment, ProtectionOutcome, Referral
from desktop.models.migrate import _alembic_config, current_revision, head_revision, upgrade
from desktop.services.reports import Period
from tests.conftest import World
from tests.services.helpers import placement, to_state


def _previous() -> str:
    revision = ScriptDirectory.from_config(_alembic_config()).get_revision("0009")
    assert revision is not None and isinstance(revision.down_revision, str)
    return revision.down_revision


def _downgrade(engine: Engine, target: str) -> None:
    """As migrate.upgrade does: foreign keys off on SQLite, so that a rebuilt parent table
    does not cascade-delete its children."""
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.downgrade(_alembic_config(conn), target)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def test_upgrade_from_the_previous_revision_with_cases_in_it(world: World) -> None:
    wf = world.services.workflow
    placed = to_state(world, world.person(), "retention")  # placed 2026-05-01
    wf.record_protection_outcome(world.cw_a, placed, "abolished", date(2026, 6, 1),
                                 independence_benefit=True)
    referred = to_state(world, world.person(category="needy"), "referred")
    candidate = to_state(world, world.person(), "candidate")
    second = to_state(world, world.person(by=world.cw_b), "active", by=world.cw_b)
    wf.record_placement(world.cw_b, second, placement(date(2026, 6, 1)))
    active = to_state(world, world.person(), "active")
    before = world.services.reports.indicators(world.admin, Period.fiscal(2026))
    engine = world.services.ctx.db.engine

    _downgrade(engine, _previous())
    assert current_revision(engine) == _previous()
    upgrade(engine)
    assert current_revision(engine) == head_revision()

    with world.services.ctx.db.read() as s:
        frozen = {e.id: (e.category_at_referral, e.caseworker_at_referral, e.job_seeker_number)
                  for e in s.scalars(select(Episode))}
        assert frozen[candidate] == (None, None, "")  # never referred: nothing to freeze
        assert sorted(c for c, _, _ in frozen.values() if c) == [
            "needy", "public_assistance", "public_assistance", "public_assistance"]
        assert frozen[second][1] == world.cw_b.user_id
        assert s.scalar(select(func.count()).select_from(EpisodeReassignment)) == 0
        outcome = s.scalars(select(ProtectionOutcome)).one()
        assert outcome.placement_id is not None
        # Hello Work's news clock runs only for the case still in support (since 04-15).
        news = dict(s.execute(select(Referral.episode_id, Referral.last_news_on)).all())
        assert news == {placed: None, referred: None, second: None,
                        active: date(2026, 4, 15)}
    after = world.services.reports.indicators(world.admin, Period.fiscal(2026))
    assert after == before
    assert after["protection_ended_by_work"] == 1 and after["placements"] == 2
