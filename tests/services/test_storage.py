"""The encrypted database: keys, wrong keys, plaintext, and migrations."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import keyring
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from keyring.backends import fail
from sqlalchemy import text

from desktop.config import Config
from desktop.models import Base
from desktop.models.db import DatabaseUnavailable, WrongKey
from desktop.models.keystore import KeyInfo, KeyUnavailable, format_recovery_key
from desktop.models.migrate import (
    MigrationFailed,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)
from desktop.models.storage import (
    OpenedDatabase,
    create_database,
    open_database,
    open_engine,
)
from desktop.services import build_services
from desktop.services.persons import PersonInput
from tests.conftest import PASSPHRASE, MemoryKeyring

SQLITE_FILE = "about the encrypted SQLite file, its key and its pragmas; a server has none"

NAME = "代田ヒミツ子"


def _add_person(config: Config) -> None:
    opened = open_database(config)
    services = build_services(opened.db, opened.device_id)
    services.auth.create_first_admin("admin", "管理者", "password-123")
    admin = services.auth.login("admin", "password-123")
    services.persons.create_person(admin, PersonInput(
        "P-1", "代田", "ヒミツ子", "シロタ", "ヒミツコ", date(1990, 1, 1), "needy",
        address="東京都世田谷区代田9丁目"))
    opened.db.close()


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_database_file_holds_no_plaintext_personal_data(config: Config) -> None:
    _add_person(config)
    raw = b"".join(p.read_bytes() for p in config.data_dir.glob("tsunagi.db*"))
    for needle in ("代田", "シロタ", "世田谷区", "persons", "CREATE TABLE"):
        assert needle.encode("utf-8") not in raw
    assert not raw.startswith(b"SQLite format 3")


def test_passphrase_mode_opens_only_with_the_same_passphrase(tmp_path: Path) -> None:
    config = Config(tmp_path, passphrase=PASSPHRASE)
    create_database(config).db.close()
    assert KeyInfo.load(tmp_path).mode == "passphrase"  # type: ignore[union-attr]
    open_database(config).db.close()
    with pytest.raises(WrongKey, match="鍵"):
        open_database(Config(tmp_path, passphrase="another passphrase!"))
    with pytest.raises(KeyUnavailable, match="パスフレーズが必要"):
        open_database(Config(tmp_path))


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_wrong_key_touches_nothing(config: Config) -> None:
    _add_person(config)
    before = {p.name: p.read_bytes() for p in config.data_dir.iterdir() if p.is_file()}
    with pytest.raises(WrongKey):
        open_database(Config(config.data_dir, passphrase="not the right passphrase"))
    after = {p.name: p.read_bytes() for p in config.data_dir.iterdir() if p.is_file()}
    assert after == before
    assert not (config.data_dir / "backups").exists()


def test_keychain_mode_keeps_the_key_only_in_the_keychain(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    opened = create_database(Config(tmp_path))
    assert opened.key is not None
    opened.db.close()
    info = KeyInfo.load(tmp_path)
    assert info is not None and info.mode == "keyring"
    stored = memory_keyring.items[("Tsunagi", info.keyring_user)]
    assert bytes.fromhex(stored) == opened.key
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert opened.key.hex().encode() not in file.read_bytes()
    open_database(Config(tmp_path)).db.close()


def test_lost_keychain_entry_is_recovered_with_the_recovery_key(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    opened = create_database(Config(tmp_path))
    recovery = format_recovery_key(opened.key)  # type: ignore[arg-type]
    opened.db.close()
    memory_keyring.items.clear()
    with pytest.raises(KeyUnavailable, match="回復キー"):
        open_database(Config(tmp_path))
    open_database(Config(tmp_path, passphrase=recovery)).db.close()


def test_without_a_keychain_init_asks_for_a_passphrase(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(KeyUnavailable, match="TSUNAGI_DB_PASSPHRASE"):
            create_database(Config(tmp_path))
    finally:
        keyring.set_keyring(previous)
    assert not (tmp_path / "tsunagi.db").exists()


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyUnavailable, match="10文字以上"):
        create_database(Config(tmp_path, passphrase="short"))
    assert not (tmp_path / "tsunagi.db").exists()


def test_missing_database_says_to_run_init(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="tsunagi init"):
        open_database(Config(tmp_path, passphrase=PASSPHRASE))


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_pragmas_wal_foreign_keys_busy_timeout(config: Config) -> None:
    engine, _, _ = open_engine(config)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    engine.dispose()


def test_migration_from_empty_database_reaches_head(tmp_path: Path) -> None:
    opened = create_database(Config(tmp_path, passphrase=PASSPHRASE))
    assert current_revision(opened.db.engine) == head_revision()
    opened.db.close()


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_migration_from_previous_revision_keeps_data_and_backs_up_first(config: Config) -> None:
    """Downgrade the search index revision, then let start-up upgrade it again: the person
    is found through the rebuilt FTS index, and a backup was taken before migrating."""
    _add_person(config)
    engine, _, _ = open_engine(config)
    downgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()

    opened = open_database(config)
    try:
        assert current_revision(opened.db.engine) == head_revision()
        assert opened.pre_migration_backup is not None
        assert opened.pre_migration_backup.exists()
        services = build_services(opened.db, opened.device_id)
        admin = services.auth.login("admin", "password-123")
        assert [h.case_number for h in services.search.search(admin, "ヒミツコ")] == ["P-1"]
    finally:
        opened.db.close()


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_migration_runs_with_foreign_keys_off_and_checks_them_after(config: Config) -> None:
    """A child row whose parent is missing makes the migration fail and roll back."""
    engine, _, _ = open_engine(config)
    downgrade(engine, "0001")
    raw = engine.raw_connection()
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute(
        "INSERT INTO case_shares (id, version, created_at, updated_at, origin, person_id, user_id)"
        " VALUES ('a1', 1, '2026-01-01', '2026-01-01', '', 'nope', 'nobody')")
    raw.commit()
    raw.close()
    with pytest.raises(MigrationFailed, match="参照整合性"):
        upgrade(engine)
    assert current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name='person_fts'")
                            ).scalar() == 0
    engine.dispose()


@pytest.mark.sqlite_only(reason=SQLITE_FILE)
def test_copy_of_database_with_recovery_key_only(config: Config, tmp_path: Path) -> None:
    """The recovery key alone (no keyinfo salt needed) opens a copied database, with what
    the original holds."""
    original = open_database(config)
    build_services(original.db, original.device_id).auth.create_first_admin(
        "admin", "管理 者", "password-123")
    original.db.close()
    copy = tmp_path / "copy"
    shutil.copytree(config.data_dir, copy)
    opened = open_database(Config(copy, passphrase=config.passphrase))
    try:
        with opened.db.read() as s:
            assert s.execute(text("SELECT username FROM users")).scalars().all() == ["admin"]
    finally:
        opened.db.close()


def test_migrations_match_the_models(opened: OpenedDatabase) -> None:
    """Autogenerate finds nothing to do: the shipped migrations build exactly the models."""
    with opened.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 virtual table and its shadow tables are created by revision 0002 in SQL.
    # PostgreSQL's trigram index (GIN, pg_trgm) is created by revision 0005 in SQL.
    unexpected = [d for d in diff if "person_fts" not in str(d)
                  and "ix_persons_search_text_trgm" not in str(d) and "person_grams" not in str(d)]
    assert unexpected == []


def test_the_known_head_is_alembics_head() -> None:
    from desktop.models.migrate import script_head

    assert head_revision() == script_head()
