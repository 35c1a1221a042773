"""Which index answers a long search term on PostgreSQL: pg_trgm where the migration could
create it, otherwise the person_grams table kept by its trigger. Same answers either way
(the search tests in test_persons_and_search.py run on both)."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from sqlalchemy import text

from desktop.services.persons import INPUT_FIELDS, PersonInput
from tests.conftest import World


def _catalogue(world: World) -> tuple[bool, bool, bool]:
    with world.services.ctx.db.read() as s:
        trgm = s.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
        index = s.execute(text("SELECT to_regclass('ix_persons_search_text_trgm')"))
        grams = s.execute(text("SELECT to_regclass('person_grams')"))
        return (bool(trgm.scalar()), index.scalar() is not None, grams.scalar() is not None)


def _sql(world: World, query: str) -> str:
    prepared = world.services.search.statement(world.admin, query)
    assert prepared is not None
    return str(prepared[0])


@pytest.mark.backends("postgresql")
def test_with_pg_trgm_the_gin_index_answers(world: World) -> None:
    assert _catalogue(world) == (True, True, False)
    assert "person_grams" not in _sql(world, "ヤマダ")


@pytest.mark.backends("postgresql_no_trgm")
def test_without_pg_trgm_the_gram_table_answers_and_follows_every_change(world: World) -> None:
    assert _catalogue(world) == (False, False, True)
    assert "person_grams" in _sql(world, "ヤマダ")
    assert "person_grams" not in _sql(world, "ヤマ")  # short terms: the key prefixes
    search = world.services.search
    person = world.person(family_name="代田", given_name="花子", family_kana="シロタ",
                          given_kana="ハナコ")
    assert [h.person_id for h in search.search(world.admin, "シロタハ")] == [person]
    record = world.services.persons.get_person(world.admin, person)
    values = {k: v for k, v in asdict(record).items() if k in INPUT_FIELDS}
    values.update(family_name="森田", family_kana="モリタ")
    world.services.persons.update_person(world.admin, person, record.version,
                                         PersonInput(**values))
    assert search.search(world.admin, "シロタハ") == []
    assert [h.person_id for h in search.search(world.admin, "モリタハナ")] == [person]
    with world.services.ctx.db.read() as s:
        grams = s.execute(text("SELECT count(*) FROM person_grams")).scalar_one()
    assert grams > 0
