"""Retention: closed episodes past the period are listed, then purged everywhere."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select, text

from desktop.models import AuditEntry, Episode, Person
from desktop.services.caseload import CaseloadFilter
from desktop.services.errors import NotFound, PermissionDenied
from tests.conftest import World


def _closed_episode(w: World, person: object, intake: date, closed: date) -> None:
    wf = w.services.workflow
    ep = wf.open_episode(w.cw_a, person, intake).id  # type: ignore[arg-type]
    wf.close_episode(w.cw_a, ep, closed, "辞退")


def _fts_rows(w: World) -> int:
    """Entries of the search index: the FTS5 table on SQLite, the gram table on PostgreSQL
    without pg_trgm; otherwise the trigram index is on the persons rows themselves."""
    with w.services.ctx.db.read() as s:
        if w.services.ctx.db.is_sqlite:
            sql = "SELECT count(*) FROM person_fts"
        elif s.execute(text("SELECT to_regclass('person_grams')")).scalar() is not None:
            sql = "SELECT count(DISTINCT search_no) FROM person_grams"
        else:
            sql = "SELECT count(*) FROM persons"
        return int(s.execute(text(sql)).scalar_one())


@pytest.mark.backends("sqlite", "postgresql", "postgresql_no_trgm")
def test_purge_removes_expired_episodes_and_persons_everywhere(world: World) -> None:
    # Today is 2026-06-15 (FY2026); kept for 5 years after FY2020, so FY2020 closures go.
    gone = world.person(case_number="OLD-1", family_name="消去", given_name="太郎",
                        family_kana="ショウキョ", given_kana="タロウ")
    _closed_episode(world, gone, date(2021, 1, 10), date(2021, 3, 31))
    kept = world.person(case_number="KEEP-1", family_name="保存", given_name="花子",
                        family_kana="ホゾン", given_kana="ハナコ")
    _closed_episode(world, kept, date(2021, 1, 10), date(2021, 4, 1))
    mixed = world.person(case_number="MIX-1", family_name="混合", given_name="次郎",
                         family_kana="コンゴウ", given_kana="ジロウ")
    _closed_episode(world, mixed, date(2020, 4, 1), date(2020, 5, 1))
    world.services.workflow.open_episode(world.cw_a, mixed, date(2026, 4, 1))
    retention = world.services.retention

    listed = retention.candidates(world.admin)
    assert [(c.case_number, c.closed_on, c.whole_person) for c in listed] == [
        ("MIX-1", date(2020, 5, 1), False), ("OLD-1", date(2021, 3, 31), True)]
    fts_before = _fts_rows(world)

    result = retention.purge(world.admin)
    assert (result.episodes, result.persons, result.closed_on_or_before) == (
        2, 1, date(2021, 3, 31))
    search = world.services.search
    assert search.search(world.admin, "ショウキョ") == []
    assert search.search(world.admin, "消去") == []
    assert search.search(world.admin, "OLD-1") == []
    assert _fts_rows(world) == fts_before - 1
    with pytest.raises(NotFound):
        world.services.persons.get_person(world.admin, gone)  # type: ignore[arg-type]
    listed_now = world.services.caseload.page(world.admin, CaseloadFilter(
        states=("candidate", "closed")), "kana", False, None, 100)
    assert {r.case_number for r in listed_now} == {"KEEP-1", "MIX-1"}
    remaining = world.services.workflow.episodes_of(world.admin, mixed)  # type: ignore[arg-type]
    assert [e.state for e in remaining] == ["candidate"]
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 2
        assert s.scalar(select(func.count()).select_from(Episode)) == 2
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "purge")).one()
    detail = json.loads(entry.detail)
    assert detail == {"cutoff": "2021-03-31", "episodes": 2, "persons": 1,
                      "retention_years": 5}
    assert entry.entity_id == ""
    assert world.services.maintenance.verify(world.admin).ok
    assert retention.candidates(world.admin) == []
    assert retention.purge(world.admin).episodes == 0


def test_the_retention_period_is_a_setting(world: World) -> None:
    person = world.person()
    _closed_episode(world, person, date(2024, 4, 1), date(2024, 6, 1))
    assert world.services.retention.candidates(world.admin) == []
    world.services.settings.set(world.admin, "retention_years", 1)
    assert [c.closed_on for c in world.services.retention.candidates(world.admin)] == [
        date(2024, 6, 1)]


def test_only_an_administrator_purges(world: World) -> None:
    for actor in (world.supervisor, world.cw_a, world.viewer):
        with pytest.raises(PermissionDenied):
            world.services.retention.purge(actor)
        with pytest.raises(PermissionDenied):
            world.services.retention.candidates(actor)
