"""A full disk or a read-only database: a clear message, nothing half written, no damage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import event, func, select

from desktop.models import AuditEntry, Person
from desktop.services.errors import StorageError
from tests.conftest import World

pytestmark = pytest.mark.sqlite_only(
    reason="disk full and read-only files are faults of the local SQLite file")


def _on_every_connection(world: World, pragma: Callable[[int], str]) -> Callable[..., None]:
    engine = world.services.ctx.db.engine
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    engine.dispose()  # new connections only from here on

    @event.listens_for(engine, "connect")
    def limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute(pragma(pages))
        cur.close()

    return limit


def _rows(world: World) -> tuple[int, int]:
    with world.services.ctx.db.read() as s:
        return (s.scalar(select(func.count()).select_from(Person)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize(("pragma", "message"), [
    (lambda pages: f"PRAGMA max_page_count={pages}", "ディスクの空き容量が足りない"),
    (lambda pages: "PRAGMA query_only=ON", "読み取り専用"),
])
def test_writes_fail_whole_with_a_message(world: World, pragma: Callable[[int], str],
                                          message: str) -> None:
    pid = world.person()
    before = _rows(world)
    _on_every_connection(world, pragma)
    big = "長い経過記録。" * 2500  # needs new pages
    with pytest.raises(StorageError, match=message) as caught:
        for i in range(40):
            world.person(case_number=f"FULL-{i}", household=big)
    assert "保存されていません" in caught.value.message
    assert _rows(world) == before  # nothing half written: no person, no audit row
    # Searching still works (viewing a record is audited, so it waits for space).
    assert [h.person_id for h in world.services.search.search(world.admin, "T-0001")] == [pid]


def test_a_read_only_database_refuses_every_write(world: World) -> None:
    pid = world.person()
    before = _rows(world)
    _on_every_connection(world, lambda pages: "PRAGMA query_only=ON")
    with pytest.raises(StorageError, match="読み取り専用"):
        world.services.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1))
    with pytest.raises(StorageError, match="読み取り専用"):
        world.services.persons.get_person(world.admin, pid)  # the view's audit row
    assert _rows(world) == before


def test_the_database_is_sound_after_a_full_disk(world: World) -> None:
    world.person()
    limit = _on_every_connection(world, lambda pages: f"PRAGMA max_page_count={pages}")
    with pytest.raises(StorageError):
        for i in range(40):
            world.person(case_number=f"FULL-{i}", household="記録" * 9000)
    engine = world.services.ctx.db.engine
    engine.dispose()
    event.remove(engine, "connect", limit)  # space again
    assert world.services.maintenance.verify(world.admin).ok
    world.person(case_number="AFTER-1")
    assert _rows(world)[0] == 2
