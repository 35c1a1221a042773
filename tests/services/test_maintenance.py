"""verify, encrypted backup and verified restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.config import Config
from desktop.models import AuditEntry
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.errors import DomainError, PermissionDenied
from desktop.services.maintenance import BackupInvalid, read_backup, restore_backup
from tests.conftest import PASSWORD, Clock, World

FILE_BACKUPS = ("backups of the SQLite file; a PostgreSQL server is backed up on the server "
                "(pg_dump), which the app refuses to do: test_server_backups_are_refused")


def test_verify_passes_on_a_healthy_database(world: World) -> None:
    report = world.services.maintenance.verify(world.admin)
    assert report.ok and report.audit_rows > 0


def test_verify_names_a_tampered_audit_row(world: World) -> None:
    with world.services.ctx.db.write() as s:
        s.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(detail='{"x":1}'))
    report = world.services.maintenance.verify(world.admin)
    assert not report.ok
    assert any("#2" in p for p in report.problems)


def test_verify_and_backup_need_admin_or_supervisor(world: World, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        world.services.maintenance.verify(world.cw_a)
    with pytest.raises(PermissionDenied):
        world.services.maintenance.backup(world.viewer, tmp_path / "b.tsunagi-backup")


@pytest.mark.sqlite_only(reason=FILE_BACKUPS)
def test_backup_is_encrypted_and_restores_after_verification(
        world: World, config: Config, opened, tmp_path: Path) -> None:
    world.person(family_name="代田", family_kana="シロタ")
    backup = world.services.maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup")
    assert "代田".encode() not in backup.read_bytes()
    # Work continues after the backup ...
    world.person(family_name="後藤", family_kana="ゴトウ")
    opened.db.close()
    previous = restore_backup(config, backup, "admin", PASSWORD)
    assert previous is not None and previous.exists()
    # ... and the restore brings back the state at backup time.
    reopened = open_database(config)
    try:
        services = build_services(reopened.db, reopened.device_id)
        admin = services.auth.login("admin", PASSWORD)
        assert [h.family_name for h in services.search.search(admin, "シロタ")] == ["代田"]
        assert services.search.search(admin, "ゴトウ") == []
    finally:
        reopened.db.close()


@pytest.mark.parametrize("damage", ["truncate", "flip", "not_a_backup"])
@pytest.mark.sqlite_only(reason=FILE_BACKUPS)
def test_damaged_backup_is_refused_and_nothing_changes(
        world: World, config: Config, opened, tmp_path: Path, damage: str) -> None:
    world.person()
    backup = world.services.maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup")
    data = backup.read_bytes()
    if damage == "truncate":
        backup.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        backup.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    else:
        backup.write_bytes(b"hello")
    opened.db.close()
    before = config.db_path.read_bytes()
    with pytest.raises(BackupInvalid, match="何も変更していません"):
        restore_backup(config, backup, "admin", PASSWORD)
    assert config.db_path.read_bytes() == before
    assert not list(config.data_dir.glob("restore-*"))


@pytest.mark.sqlite_only(reason=FILE_BACKUPS)
def test_restore_requires_an_administrator_of_the_current_database(
        world: World, config: Config, opened, tmp_path: Path) -> None:
    backup = world.services.maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup")
    world.person(case_number="AFTER-BACKUP")
    opened.db.close()
    with pytest.raises(PermissionDenied):
        restore_backup(config, backup, "cwa", PASSWORD)
    reopened = open_database(config)
    try:  # still the current database, with the person added after the backup
        services = build_services(reopened.db, reopened.device_id)
        admin = services.auth.login("admin", PASSWORD)
        assert [h.case_number for h in services.search.search(admin, "AFTER-BACKUP")] == [
            "AFTER-BACKUP"]
    finally:
        reopened.db.close()


@pytest.mark.sqlite_only(reason=FILE_BACKUPS)
def test_automatic_backups_follow_the_interval_and_rotate(world: World, clock: Clock,
                                                          config: Config) -> None:
    maintenance = world.services.maintenance
    world.services.settings.set(world.admin, "backup_keep", 2)
    first = maintenance.auto_backup(world.cw_a)  # whoever is signed in; no role needed
    assert first.path is not None and first.path.parent == config.backup_dir
    assert first.path.name.startswith("auto-") and first.removed == []
    clock.advance(hours=23)
    assert maintenance.auto_backup(world.cw_a).path is None  # not due within 24 h
    clock.advance(hours=2)
    second = maintenance.auto_backup(world.cw_a)
    clock.advance(hours=25)
    third = maintenance.auto_backup(world.cw_a)
    assert third.removed == [first.path]
    assert maintenance.auto_backups() == [third.path, second.path]
    header, payload = read_backup(third.path)  # type: ignore[arg-type]
    assert header["payload_size"] == len(payload)
    with world.services.ctx.db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "backup_auto")).all()
    assert len(actions) == 3


@pytest.mark.sqlite_only(reason=FILE_BACKUPS)
def test_a_backup_that_cannot_be_written_says_so(world: World, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DomainError, match="バックアップを書き込めません"):
        world.services.maintenance.backup(world.admin, blocker / "b.tsunagi-backup")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "not-a-folder"]


@pytest.mark.parametrize("config", ["postgresql"], indirect=True)
def test_server_backups_are_refused(world: World, tmp_path: Path) -> None:
    maintenance = world.services.maintenance
    with pytest.raises(DomainError, match="サーバー側で取得"):
        maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup")
    assert list(tmp_path.glob("b.*")) == []
