"""Another process holding the write lock: a Japanese "busy" message, never a crash; opening
the database and parsing an import take no lock at all (security issue, item 7)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.config import Config
from desktop.models import AuditEntry, Person
from desktop.models import db as dbmodule
from desktop.models.db import SERVER_WRITE_LOCK, Database, DatabaseBusy, storage_error
from desktop.models.storage import open_database
from desktop.services.ledger import parsing
from tests.conftest import World

BUSY = "他の処理がデータベースを使用中です"


@contextlib.contextmanager
def write_lock_held_elsewhere(db: Database) -> Iterator[None]:
    """What a long import in another process does: hold the database's write lock."""
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        if db.is_sqlite:
            cur.execute("BEGIN IMMEDIATE")
        else:
            cur.execute("SELECT pg_advisory_lock(%s)", (SERVER_WRITE_LOCK,))
        yield
        if db.is_sqlite:
            cur.execute("ROLLBACK")
        else:
            cur.execute("SELECT pg_advisory_unlock(%s)", (SERVER_WRITE_LOCK,))
            raw.commit()
    finally:
        raw.close()


def write_lock_is_free(db: Database) -> bool:
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        if db.is_sqlite:
            cur.execute("PRAGMA busy_timeout=0")
            try:
                cur.execute("BEGIN IMMEDIATE")
            except Exception as exc:
                if storage_error(exc) is None or not isinstance(storage_error(exc), DatabaseBusy):
                    raise
                return False
            cur.execute("ROLLBACK")
            return True
        cur.execute("SELECT pg_try_advisory_lock(%s)", (SERVER_WRITE_LOCK,))
        free = bool(cur.fetchone()[0])
        if free:
            cur.execute("SELECT pg_advisory_unlock(%s)", (SERVER_WRITE_LOCK,))
        raw.commit()
        return free
    finally:
        raw.close()


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch, world: World) -> World:
    """The busy timeout cut from 10 s to 50 ms, for new connections and transactions."""
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 50)
    world.services.ctx.db.engine.dispose()
    return world


def _counts(world: World) -> tuple[int, int]:
    with world.services.ctx.db.read() as s:
        return (s.scalar(select(func.count()).select_from(Person)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_write_that_cannot_get_the_lock_says_busy_and_saves_nothing(short_wait: World) -> None:
    world = short_wait
    before = _counts(world)
    with write_lock_held_elsewhere(world.services.ctx.db), pytest.raises(DatabaseBusy) as caught:
        world.person(case_number="BUSY-1")
    assert BUSY in caught.value.message and "保存されていません" in caught.value.message
    assert _counts(world) == before
    world.person(case_number="BUSY-1")  # free again: the same write goes through
    assert _counts(world)[0] == before[0] + 1


class _Driver(Exception):
    def __init__(self, message: str, code: int | None = None, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlite_errorcode, self.sqlstate = code, sqlstate


class _Wrapped(Exception):
    def __init__(self, orig: Exception) -> None:
        super().__init__(str(orig))
        self.orig = orig


@pytest.mark.parametrize(("orig", "kind"), [
    (_Driver("anything at all", code=5), DatabaseBusy),          # SQLITE_BUSY
    (_Driver("anything at all", code=6), DatabaseBusy),          # SQLITE_LOCKED
    (_Driver("anything at all", code=5 | (2 << 8)), DatabaseBusy),  # SQLITE_BUSY_SNAPSHOT
    (_Driver("anything at all", sqlstate="55P03"), DatabaseBusy),  # lock_not_available
    (_Driver("anything at all", sqlstate="40P01"), DatabaseBusy),  # deadlock_detected
    (_Driver("anything at all", sqlstate="57014"), DatabaseBusy),  # query_canceled
])
def test_busy_is_classified_by_error_code_not_message(orig: Exception, kind: type) -> None:
    assert isinstance(storage_error(_Wrapped(orig)), kind)


def test_messages_that_merely_mention_a_fault_are_not_classified() -> None:
    # The old classifier matched "disk is full" or "readonly" in any message text.
    assert storage_error(_Wrapped(_Driver("the value 'disk is full' was readonly", code=1))) is None
    assert storage_error(_Wrapped(_Driver("database is locked"))) is None


@pytest.mark.sqlite_only(reason="opening a SQLite file is what used to run PRAGMA optimize")
def test_opening_the_database_takes_no_lock(world: World, config: Config,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):  # tables with rows and no statistics: what PRAGMA optimize analyses
        world.person(case_number=f"OPEN-{i}")
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 0)
    with write_lock_held_elsewhere(world.services.ctx.db):
        opened = open_database(config)
        try:
            with opened.db.read() as s:
                assert s.scalar(select(func.count()).select_from(Person)) == 30
        finally:
            opened.db.close()


LEDGER = "ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日\n" + "".join(
    f"L-{i:03d},山田 太郎,ヤマダ タロウ,1980-04-01,生活保護受給者,2025-04-0{1 + i % 9}\n"
    for i in range(20))


def test_a_ledger_is_parsed_before_the_write_lock_is_taken(world: World, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = world.services.ctx.db
    seen: list[bool] = []
    parse_row = parsing._parse_row

    def watching(*args: Any, **kw: Any) -> Any:
        seen.append(write_lock_is_free(db))
        return parse_row(*args, **kw)

    monkeypatch.setattr(parsing, "_parse_row", watching)
    path = tmp_path / "ledger.csv"
    path.write_text(LEDGER, encoding="utf-8")
    result = world.services.ledger.import_file(world.supervisor, path)
    assert result.imported == 20
    assert seen and all(seen), "a row was parsed while the write lock was held"
