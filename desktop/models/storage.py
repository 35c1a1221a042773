"""Create and open Tsunagi's database: key, engine, automatic backup and migrations."""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from desktop.config import Config
from desktop.i18n import translator
from desktop.models.chain import ANCHOR_FILENAME, HeadAnchor, audit_key, server_anchor
from desktop.models.db import (
    Database,
    DatabaseUnavailable,
    check_key,
    refresh_statistics,
    server_engine,
    snapshot_to,
    sqlcipher_engine,
    storage_error,
)
from desktop.models.keystore import KeyInfo, KeyUnavailable, create_key, forget_key, load_key
from desktop.models.migrate import current_revision, head_revision, known_revision, upgrade
from desktop.models.reseal import Sealer
from desktop.models.server_settings import save_audit_key, server_audit_key, server_label

_t = translator("Storage")
DEVICE_FILENAME = "device-id"


@dataclass
class OpenedDatabase:
    db: Database
    device_id: str
    key: bytes | None  # None in office mode (the server holds the data)
    key_info: KeyInfo | None
    pre_migration_backup: Path | None = None
    new_audit_key: bytes | None = None  # a server database's audit key, made just now


def device_id(data_dir: Path) -> str:
    """A stable id for this installation, stamped on every record it writes (``origin``)."""
    path = data_dir / DEVICE_FILENAME
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    value = str(uuid.uuid4())
    path.write_text(value, encoding="utf-8")
    return value


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)


def database_exists(config: Config) -> bool:
    return config.db_url is not None or config.db_path.exists()


def _server_database(engine: Engine, config: Config, key: bytes) -> Database:
    assert config.db_url is not None
    return Database(engine, audit_key=key,
                    anchor=server_anchor(config.data_dir, server_label(config.db_url)))


def _local_database(engine: Engine, config: Config, key: bytes) -> Database:
    return Database(engine, audit_key=audit_key(key),
                    anchor=HeadAnchor(config.data_dir / ANCHOR_FILENAME))


def create_database(config: Config) -> OpenedDatabase:
    """A new, empty, migrated database. On any failure nothing is left behind."""
    if config.db_url:
        # A new office database on a server: its audit key is given (TSUNAGI_AUDIT_KEY) or
        # made here and kept in this PC's keychain; `init` shows it for the other PCs.
        chain_key = server_audit_key(config.db_url)
        made = chain_key is None
        if chain_key is None:
            chain_key = secrets.token_bytes(32)
            if not save_audit_key(config.db_url, chain_key):
                raise KeyUnavailable(_t("この PC にはキーチェーンがないため、サーバーの監査ログの鍵を保存できません。"
                                        "鍵（XXXX-… の16組）を TSUNAGI_AUDIT_KEY に指定してください"))
        engine = server_engine(config.db_url)
        upgrade(engine)
        return OpenedDatabase(_server_database(engine, config, chain_key),
                              device_id(config.data_dir), None, None,
                              new_audit_key=chain_key if made else None)
    if config.db_path.exists():
        raise DatabaseUnavailable(_t("データベースは既にあります: {db_path}").format(db_path=config.db_path))
    _private_dir(config.data_dir)
    info, key = create_key(config.data_dir, config.passphrase)
    engine = sqlcipher_engine(config.db_path, key)
    try:
        upgrade(engine)
        info.save(config.data_dir)
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{config.db_path}{suffix}").unlink(missing_ok=True)
        forget_key(info)
        raise
    return OpenedDatabase(_local_database(engine, config, key), device_id(config.data_dir),
                          key, info)


def open_engine(config: Config) -> tuple[Engine, bytes | None, KeyInfo | None]:
    """Connect and prove the key, touching nothing."""
    if config.db_url:
        engine = server_engine(config.db_url)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except OperationalError:
            engine.dispose()
            raise DatabaseUnavailable(
                _t("サーバー（{server}）に接続できません。ネットワーク、サーバーの状態、ユーザー名とパスワードを確認してください").format(
                    server=server_label(config.db_url))) from None
        return engine, None, None
    if not config.db_path.exists():
        raise DatabaseUnavailable(
            _t("データベースがありません（{db_path}）。先に tsunagi init を実行してください").format(db_path=config.db_path)
        )
    info = KeyInfo.load(config.data_dir)
    if info is None:
        raise KeyUnavailable(
            _t("鍵の設定ファイル（tsunagi.keyinfo.json）がありません。回復キーを TSUNAGI_DB_PASSPHRASE に指定してください")
        )
    key = load_key(info, config.passphrase)
    engine = sqlcipher_engine(config.db_path, key)
    check_key(engine)
    return engine, key, info


LEFTOVER_AGE = timedelta(minutes=15)


def remove_leftovers(config: Config) -> list[Path]:
    """Temporary files that a killed backup, restore, export or migration left behind
    (``restore-*.db``, ``.*.partial``, ``.*.tmp``, ``.*.part``), once they are old enough
    that no running process can still be writing them. Returns what went."""
    cutoff = datetime.now(UTC) - LEFTOVER_AGE
    gone: list[Path] = []
    patterns = ("restore-*.db", "restore-*.db-wal", "restore-*.db-shm", ".*.partial", ".*.tmp",
                ".*.part", "*.tmp")
    for folder in (config.data_dir, config.backup_dir):
        if not folder.is_dir():
            continue
        for pattern in patterns:
            for path in folder.glob(pattern):
                try:
                    if datetime.fromtimestamp(path.stat().st_mtime, UTC) < cutoff:
                        path.unlink()
                        gone.append(path)
                except OSError:
                    continue
    return gone


def open_database(config: Config, migrate: bool = True) -> OpenedDatabase:
    """Open an existing database; if its schema is behind, back it up, then migrate."""
    if config.db_url is None:
        remove_leftovers(config)
    engine, key, info = open_engine(config)
    if key is not None:
        db = _local_database(engine, config, key)
    else:
        assert config.db_url is not None
        chain_key = server_audit_key(config.db_url)
        if chain_key is None:
            engine.dispose()
            raise KeyUnavailable(_t("この PC にはサーバーの監査ログの鍵がありません。migrate-to-server または"
                                    " init のときに表示された鍵（XXXX-… の16組）を TSUNAGI_AUDIT_KEY に指定して"
                                    "ください（tsunagi server use で一度指定すると、キーチェーンに保存します）"))
        db = _server_database(engine, config, chain_key)
    backup: Path | None = None
    if migrate:
        current = current_revision(engine)
        if current is None:
            raise DatabaseUnavailable(_t("データベースが初期化されていません（tsunagi init）"))
        if current != head_revision():
            if not known_revision(current):
                engine.dispose()
                raise DatabaseUnavailable(_t(
                    "このデータベースは、これより新しいバージョンのつなぎで作成・更新されたため開けません"
                    "（スキーマ {revision}）。新しいバージョンのつなぎを使ってください。何も変更していません").format(
                    revision=current))
            if engine.dialect.name == "sqlite":
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                backup = config.backup_dir / f"pre-migrate-{current}-{stamp}.db"
                _private_dir(config.backup_dir)
                # Under a temporary name until complete: a copy cut short by a crash must
                # never look like a backup.
                partial = backup.with_name(f".{backup.name}.partial")
                partial.unlink(missing_ok=True)
                snapshot_to(engine, partial)
                partial.replace(backup)
            sealer = (Sealer(db.audit_key, db.anchor, device_id(config.data_dir))
                      if db.audit_key is not None else None)
            try:
                upgrade(engine, sealer=sealer)
            except OperationalError as exc:
                engine.dispose()
                raise storage_error(exc) or exc from None
            refresh_statistics(engine)
    return OpenedDatabase(db, device_id(config.data_dir), key, info, backup)
