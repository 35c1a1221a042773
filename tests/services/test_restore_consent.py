"""Restore needs the consent of the database it replaces (security issue, item 2), and a
backup's audit chain must end where its header says (item 3)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from desktop.config import Config
from desktop.models import AuditEntry, Person
from desktop.models.chain import audit_key
from desktop.models.db import checkpoint, sqlcipher_engine
from desktop.models.keystore import parse_recovery_key
from desktop.models.migrate import downgrade
from desktop.models.storage import create_database, open_database
from desktop.services import build_services
from desktop.services.errors import AuthenticationFailed
from desktop.services.maintenance import MAGIC, BackupInvalid, read_backup, restore_backup
from tests.conftest import PASSWORD, World
from tests.services.helpers import seal_as_an_older_release

pytestmark = pytest.mark.sqlite_only(reason="backups and restores are of the SQLite file")
OTHER_PASSPHRASE = "another office's passphrase"


@pytest.fixture
def foreign_backup(tmp_path: Path) -> Path:
    """A backup of another installation, whose administrator is "admin" with the same
    password as ours, and "mallory"."""
    other = create_database(Config(tmp_path / "other", passphrase=OTHER_PASSPHRASE))
    try:
        services = build_services(other.db, other.device_id, engine=other.db.engine,
                                  key_info=other.key_info)
        services.auth.create_first_admin("admin", "よその 管理者", PASSWORD)
        admin = services.auth.login("admin", PASSWORD)
        services.auth.add_user(admin, "mallory", "よその 人", "admin", PASSWORD)
        return services.maintenance.backup(admin, tmp_path / "foreign.tsunagi-backup")
    finally:
        other.db.close()


def _persons(config: Config) -> int:
    opened = open_database(config)
    try:
        with opened.db.read() as s:
            return s.scalar(select(func.count()).select_from(Person)) or 0
    finally:
        opened.db.close()


def test_another_installations_backup_needs_foreign(world: World, config: Config, opened,  # type: ignore[no-untyped-def]
                                                   foreign_backup: Path) -> None:
    world.person()
    opened.db.close()
    with pytest.raises(BackupInvalid, match="別の事務所"):
        restore_backup(config, foreign_backup, "admin", PASSWORD,
                       backup_passphrase=OTHER_PASSPHRASE)
    assert _persons(config) == 1


def test_the_backups_own_admin_cannot_replace_the_current_database(
        world: World, config: Config, opened, foreign_backup: Path) -> None:  # type: ignore[no-untyped-def]
    world.person()
    opened.db.close()
    with pytest.raises(AuthenticationFailed):
        restore_backup(config, foreign_backup, "mallory", PASSWORD, foreign=True,
                       backup_passphrase=OTHER_PASSPHRASE)
    assert _persons(config) == 1


def test_a_foreign_restore_by_the_current_admin_is_written_into_the_current_chain(
        world: World, config: Config, opened, foreign_backup: Path) -> None:  # type: ignore[no-untyped-def]
    world.person()
    opened.db.close()
    key = parse_recovery_key(config.passphrase or "")
    assert key is not None
    previous = restore_backup(config, foreign_backup, "admin", PASSWORD, foreign=True,
                              backup_passphrase=OTHER_PASSPHRASE)
    assert previous is not None
    kept = sqlcipher_engine(previous, key)  # the replaced database, kept under backups/
    try:
        with kept.connect() as conn:
            last = conn.execute(select(AuditEntry.action, AuditEntry.username, AuditEntry.detail)
                                .order_by(AuditEntry.seq.desc()).limit(1)).one()
    finally:
        kept.dispose()
    assert (last[0], last[1]) == ("restore", "admin") and '"foreign":true' in last[2]
    restored = open_database(Config(config.data_dir, passphrase=OTHER_PASSPHRASE))
    try:
        services = build_services(restored.db, restored.device_id, engine=restored.db.engine,
                                  key_info=restored.key_info)
        assert services.maintenance.verify(services.auth.login("admin", PASSWORD)).ok
    finally:
        restored.db.close()


def test_a_backup_whose_chain_was_cut_short_is_refused(world: World, config: Config, opened,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    world.person()
    backup = world.services.maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup")
    header, payload = read_backup(backup)
    # Someone holding the key deletes the last audit rows inside the backup and re-seals it.
    copy = tmp_path / "inside.db"
    copy.write_bytes(payload)
    key = parse_recovery_key(config.passphrase or "")
    assert key is not None
    engine = sqlcipher_engine(copy, key)
    with engine.begin() as conn:
        top = conn.execute(select(func.max(AuditEntry.seq))).scalar_one()
        conn.execute(delete(AuditEntry).where(AuditEntry.seq > top - 2))
    engine.dispose()
    body = copy.read_bytes()
    header.update(payload_size=len(body), payload_sha256=hashlib.sha256(body).hexdigest())
    backup.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + body)
    opened.db.close()
    with pytest.raises(BackupInvalid, match="末尾が削除されています"):
        restore_backup(config, backup, "admin", PASSWORD)


def _older_release_backup(world: World, config: Config, tmp_path: Path,
                          cut: int = 0) -> Path:
    """A backup made by a release at revision 0006: its records sealed as that release
    sealed them, its header's head the chain's; ``cut``: rows then deleted from the end
    inside it by someone holding the key."""
    world.person()
    backup = world.services.maintenance.backup(world.admin, tmp_path / "old.tsunagi-backup")
    header, payload = read_backup(backup)
    copy = tmp_path / "inside.db"
    copy.write_bytes(payload)
    key = parse_recovery_key(config.passphrase or "")
    assert key is not None
    engine = sqlcipher_engine(copy, key)
    downgrade(engine, "0006")
    for _ in range(2):  # twice: a cut of the last rows leaves every record a seal
        seal_as_an_older_release(engine, audit_key(key), None)
    with engine.begin() as conn:
        top = conn.execute(select(AuditEntry.seq, AuditEntry.hash)
                           .order_by(AuditEntry.seq.desc())).first()
        assert top is not None
        header.update(schema="0006", audit_head={"seq": top.seq, "hash": top.hash})
        conn.execute(delete(AuditEntry).where(AuditEntry.seq > top.seq - cut))
    checkpoint(engine)
    engine.dispose()
    body = copy.read_bytes()
    header.update(payload_size=len(body), payload_sha256=hashlib.sha256(body).hexdigest())
    backup.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + body)
    return backup


def test_an_older_releases_backup_is_migrated_resealed_and_restored(
        world: World, config: Config, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backup = _older_release_backup(world, config, tmp_path)
    opened.db.close()
    restore_backup(config, backup, "admin", PASSWORD)
    reopened = open_database(config)
    try:
        services = build_services(reopened.db, reopened.device_id)
        assert services.maintenance.verify(world.admin).ok
        with reopened.db.read() as s:
            assert s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "record_reseal")) == 1  # the one Hello Work office
    finally:
        reopened.db.close()


def test_an_older_releases_backup_cut_short_is_refused_though_its_migration_writes(
        world: World, config: Config, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The migration's re-seal rows link onto the cut chain and move the restore's anchor:
    the divergence they meet refuses the backup."""
    backup = _older_release_backup(world, config, tmp_path, cut=2)
    opened.db.close()
    with pytest.raises(BackupInvalid, match="食い違い"):
        restore_backup(config, backup, "admin", PASSWORD)


def test_backup_into_a_missing_folder_creates_it(world: World, tmp_path: Path) -> None:
    out = world.services.maintenance.backup(world.admin, tmp_path / "new-folder",
                                            into_folder=True)
    assert out.parent == tmp_path / "new-folder" and out.suffix == ".tsunagi-backup"
    assert (tmp_path / "new-folder").is_dir()
