"""Revision 0009 (Hello Work's side, attributions) upgrades a database holding cases: every
referred episode gets its 区分/担当 history row, protection outcomes find their placement,
and the reports count the same as before."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select

from desktop.models import Episode, EpisodeAttribution, ProtectionOutcome
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
    to_state(world, world.person(category="needy"), "referred")
    candidate = to_state(world, world.person(), "candidate")
    second = to_state(world, world.person(by=world.cw_b), "active", by=world.cw_b)
    wf.record_placement(world.cw_b, second, placement(date(2026, 6, 1)))
    before = world.services.reports.indicators(world.admin, Period.fiscal(2026))
    engine = world.services.ctx.db.engine

    _downgrade(engine, _previous())
    assert current_revision(engine) == _previous()
    upgrade(engine)
    assert current_revision(engine) == head_revision()

    with world.services.ctx.db.read() as s:
        rows = s.execute(select(EpisodeAttribution.episode_id, EpisodeAttribution.reason,
                                EpisodeAttribution.valid_from, EpisodeAttribution.recorded_on,
                                EpisodeAttribution.category)).all()
        assert len(rows) == 3 and candidate not in {r[0] for r in rows}
        assert {r[1] for r in rows} == {"migration"}
        assert {(r[2], r[3]) for r in rows} == {(date(2026, 4, 1), date(2026, 4, 8))}
        assert sorted(r[4] for r in rows) == ["needy", "public_assistance",
                                              "public_assistance"]
        outcome = s.scalars(select(ProtectionOutcome)).one()
        assert outcome.placement_id is not None
        assert s.scalar(select(func.count()).where(Episode.job_seeker_number == "")) == 4
    after = world.services.reports.indicators(world.admin, Period.fiscal(2026))
    assert after == before
    assert after["protection_ended_by_work"] == 1 and after["placements"] == 2
