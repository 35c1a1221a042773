"""Integrity checks (tsunagi verify), encrypted backups and verified restore."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.config import Config
from desktop.files import private_dir, write_private
from desktop.i18n import translator
from desktop.models import AuditEntry
from desktop.models.chain import ANCHOR_FILENAME, Head, HeadAnchor, audit_key
from desktop.models.db import (
    Database,
    DatabaseUnavailable,
    check_key,
    checkpoint,
    snapshot_head,
    snapshot_to,
    sqlcipher_engine,
)
from desktop.models.keystore import KEYINFO_FILENAME, KeyInfo, KeyUnavailable, load_key
from desktop.models.migrate import (
    MigrationFailed,
    current_revision,
    head_revision,
    known_revision,
    upgrade,
)
from desktop.models.reseal import Sealer
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import DomainError
from desktop.services.permissions import require, require_role
from desktop.services.settings import read_setting

if TYPE_CHECKING:
    from desktop.models.storage import OpenedDatabase

_t = translator("Maintenance")
MAGIC = b"TSUNAGI-BACKUP/1\n"


class BackupInvalid(DomainError):
    """The backup file is damaged, truncated, altered, or not a Tsunagi backup."""


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    audit_rows: int = 0
    # Divergences of the audit chain from its anchor that no administrator has accepted
    # (audit.describe_divergence): reported until accepted (accept_divergences).
    divergences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.divergences


def check_database(engine: Engine, db: Database) -> VerifyReport:
    """SQLite/SQLCipher page integrity, foreign keys, the audit chain and the audited
    records. A damaged file is reported, step by step, never raised: each check that the
    damage stops is named as a problem and the others still run."""
    report = VerifyReport()

    def damaged(step: str, exc: DBAPIError) -> None:
        code = getattr(exc.orig, "sqlite_errorname", None) or type(exc.orig).__name__
        report.problems.append(_t("データベースが壊れているため {step} を完了できません（{code}）").format(
            step=step, code=code))

    if engine.dialect.name == "sqlite":
        checks = (("cipher_integrity_check", _t("暗号化ページの検証に失敗: {page}")),
                  ("integrity_check", _t("データベースの整合性: {page}")),
                  ("foreign_key_check", ""))
        with engine.connect() as conn:
            for pragma, message in checks:
                try:
                    rows = conn.exec_driver_sql(f"PRAGMA {pragma}").all()
                except DBAPIError as exc:
                    damaged(pragma, exc)
                    continue
                if pragma == "foreign_key_check":
                    if rows:
                        report.problems.append(_t("参照整合性の違反が {count} 件あります（例: {example}）")
                                               .format(count=len(rows), example=tuple(rows[0])))
                    continue
                found = [r[0] for r in rows if r[0] != "ok"]
                report.problems += [message.format(page=p) for p in found[:20]]
    try:
        with db.read() as s:
            chain = audit.verify_chain(s, db.audit_key, db.anchor)
            report.audit_rows = chain.rows
            report.divergences = [audit.describe_divergence(d) for d in chain.divergences]
            if not chain.ok:
                report.problems.append(chain.problem)
            else:
                report.problems += audit.verify_records(s, chain)
    except DBAPIError as exc:
        damaged(_t("監査ログの検証"), exc)
    return report


class MaintenanceService:
    def __init__(self, ctx: ServiceContext, engine: Engine, key_info: KeyInfo | None) -> None:
        self.ctx = ctx
        self.engine = engine
        self.key_info = key_info

    def verify(self, actor: Actor) -> VerifyReport:
        require(actor, "verify")
        report = check_database(self.engine, self.ctx.db)
        report.problems += self._backups_ahead_of_the_chain()
        try:
            with self.ctx.db.write() as s:
                audit.append(s, self.ctx, actor, "verify", ok=report.ok,
                             problems=len(report.problems) + len(report.divergences))
        except DBAPIError:
            if report.ok:
                raise
            report.problems.append(_t("検査の結果を監査ログに記録できませんでした（データベースの損傷のため）"))
        return report

    def _backups_ahead_of_the_chain(self) -> list[str]:
        """This installation's backups in backups/ whose audit head the chain lacks: the
        database (with its anchor file, which file access alone can copy) was put back to
        an older copy after they were made. Backups made before the last restore (which
        goes back in time on purpose) are not looked at."""
        if self.key_info is None or not self.engine.url.database:
            return []
        folder = self.backup_dir
        if not folder.is_dir():
            return []
        with self.ctx.db.read() as s:
            restored = s.scalar(select(func.max(AuditEntry.at)).where(
                AuditEntry.action == "restored"))
            problems = []
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                header = read_backup_header(path) or {}
                head, key = header.get("audit_head"), header.get("key")
                if not (isinstance(head, dict) and isinstance(key, dict)
                        and key.get("db_id") == self.key_info.db_id):
                    continue
                try:
                    made = datetime.fromisoformat(str(header.get("created_at")))
                    seq, digest = int(head["seq"]), str(head["hash"])
                except (TypeError, ValueError, KeyError):
                    continue
                if restored is not None and made <= _aware(restored):
                    continue
                if s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq)) != digest:
                    problems.append(_t(
                        "バックアップ {name} には、このデータベースにない監査ログ #{seq} までが記録されています。"
                        "データベースがそれより前の複製に置き換えられた（その後の記録が失われた）可能性があります"
                        ).format(name=path.name, seq=seq))
            return problems

    def accept_divergences(self, actor: Actor) -> list[str]:
        """An administrator accepts, after looking into them, the divergences verify
        reports (the audit chain found elsewhere than its anchor: a cut or rewritten tail,
        an older copy put in place). A signed row names them; verify stops reporting them.
        Returns them in words (none: nothing was written)."""
        require_role(actor, "admin")
        with self.ctx.db.write() as s:
            chain = audit.verify_chain(s, self.ctx.db.audit_key, self.ctx.db.anchor)
            if chain.divergences:
                audit.accept_divergences(s, self.ctx, actor, chain.divergences)
        return [audit.describe_divergence(d) for d in chain.divergences]

    @property
    def backup_dir(self) -> Path:
        database = self.engine.url.database
        if self.key_info is None or not database:
            raise DomainError(_t("サーバー（PostgreSQL）のバックアップはサーバー側で取得してください"))
        return Path(database).resolve().parent / "backups"

    def auto_backups(self) -> list[Path]:
        """The automatic backups, newest first."""
        folder = self.backup_dir
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"), reverse=True)

    def auto_backup(self, actor: Actor, force: bool = False) -> AutoBackup:
        """The scheduled backup: when the newest automatic backup is older than the
        configured interval, write a new one into backups/ and keep only the newest N.
        Runs for whoever is signed in (it protects everyone's data), and is audited."""
        with self.ctx.db.read() as s:
            keep = int(read_setting(s, "backup_keep"))
            hours = int(read_setting(s, "backup_interval_hours"))
        existing = self.auto_backups()
        now = self.ctx.now()
        if existing and not force:
            # The time is in the name (written from the service clock), not the file's mtime.
            stamp = existing[0].name[len(AUTO_PREFIX):-len(SUFFIX)]
            try:
                newest = datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            except ValueError:
                newest = datetime.min.replace(tzinfo=UTC)
            if now - newest < timedelta(hours=hours):
                return AutoBackup(None, [])
        folder = private_dir(self.backup_dir)
        out = folder / f"{AUTO_PREFIX}{now.astimezone(UTC).strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
        self._write_backup(actor, out, "backup_auto")
        removed = []
        for old in self.auto_backups()[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
        return AutoBackup(out, removed)

    def backup(self, actor: Actor, out: Path, into_folder: bool = False) -> Path:
        """An encrypted backup file: the SQLCipher snapshot (same key) behind a header that
        holds its SHA-256, size, the (non-secret) key parameters needed to open it and the
        audit chain's head at that moment. ``out`` is a file, or a folder (created if
        missing) when it exists as one or ``into_folder`` (``--out DIR/``)."""
        require(actor, "backup")
        return self._write_backup(actor, out, "backup", into_folder)

    def _write_backup(self, actor: Actor, out: Path, action: str,
                      into_folder: bool = False) -> Path:
        if self.key_info is None:
            raise DomainError(_t("サーバー（PostgreSQL）のバックアップはサーバー側で取得してください"))
        out = out.expanduser().resolve()
        if into_folder or out.is_dir():
            try:
                private_dir(out)
            except OSError as exc:
                raise DomainError(_t("バックアップの保存先のフォルダを作れません（{reason}）: {out}").format(
                    reason=exc.strerror or exc, out=out)) from None
            stamp = self.ctx.now().strftime("%Y%m%d-%H%M%S")
            out = out / f"tsunagi-{stamp}.tsunagi-backup"
        with self.ctx.db.write() as s:
            audit.append(s, self.ctx, actor, action, file=out.name)
        snapshot = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
        try:
            snapshot_to(self.engine, snapshot)
            head = snapshot_head(self.engine, snapshot)
            payload = snapshot.read_bytes()
        except (OSError, OperationalError) as exc:
            reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
            raise DomainError(_t("バックアップを書き込めません（{reason}）: {parent}").format(
                reason=reason, parent=out.parent)) from None
        finally:
            _remove(snapshot)
        header = {
            "format": 1, "created_at": self.ctx.now().isoformat(),
            "schema": current_revision(self.engine), "key": asdict(self.key_info),
            "payload_size": len(payload),
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
            "audit_head": head.as_dict() if head else None,
        }
        tmp = out.with_name(f".{out.name}.partial")
        try:
            write_private(tmp, MAGIC + json.dumps(header).encode() + b"\n" + payload, sync=True)
            tmp.replace(out)
        except OSError as exc:
            _remove(tmp)
            raise DomainError(_t("バックアップを書き込めません（{reason}）: {parent}").format(
                reason=exc.strerror or exc, parent=out.parent)
                              ) from None
        return out


AUTO_PREFIX = "auto-"
SUFFIX = ".tsunagi-backup"


@dataclass(frozen=True)
class AutoBackup:
    path: Path | None  # None: not due yet
    removed: list[Path]


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def read_backup_header(path: Path) -> dict[str, object] | None:
    """The header of a backup file (its first line, without reading the payload), or None
    for a file that is not a readable backup."""
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                return None
            header = json.loads(f.readline(1 << 16))
    except (OSError, ValueError):
        return None
    return header if isinstance(header, dict) else None


def _aware(dt: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def read_backup(path: Path) -> tuple[dict[str, object], bytes]:
    """Header and payload of a backup file, refusing anything damaged or truncated."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackupInvalid(_t("バックアップファイルを読めません: {strerror}").format(
            strerror=exc.strerror)) from None
    if not data.startswith(MAGIC):
        raise BackupInvalid(_t("つなぎのバックアップファイルではありません。何も変更していません"))
    try:
        line, payload = data[len(MAGIC):].split(b"\n", 1)
        header = json.loads(line)
    except ValueError:
        raise BackupInvalid(_t("バックアップファイルの見出しが壊れています。何も変更していません")) from None
    if (len(payload) != header.get("payload_size")
            or hashlib.sha256(payload).hexdigest() != header.get("payload_sha256")):
        raise BackupInvalid(
            _t("バックアップファイルが壊れています（途中で切れているか、内容が変わっています）。何も変更していません")
        )
    return header, payload


def _open_current(config: Config) -> OpenedDatabase | None:
    """The database being replaced, or None when there is none or it cannot be opened
    (lost key, damaged file): then only a backup of this same installation may replace it."""
    from desktop.models.storage import open_database

    if not config.db_path.exists():
        return None
    try:
        return open_database(config)
    except (DatabaseUnavailable, KeyUnavailable, MigrationFailed):
        return None


def restore_backup(config: Config, path: Path, username: str, password: str, *,
                   foreign: bool = False, backup_passphrase: str | None = None) -> Path | None:
    """Restore ``path`` over the current database, only after the copy has been proved
    (checksum, key, page integrity, audit chain against the head recorded in the backup,
    schema) and the current database has consented: an administrator of the **current**
    database signs in and the restore is written into its audit chain before the swap. A
    backup of another installation (another database key) also needs ``foreign``. Where
    the current database cannot be opened, only a backup of the same installation is
    restored, on the word of one of the backup's administrators. The current database is
    kept under backups/. Returns where it went."""
    from desktop.services import build_services  # late: the container imports this module

    header, payload = read_backup(path)
    info = KeyInfo(**header["key"])  # type: ignore[arg-type]
    current_info = KeyInfo.load(config.data_dir)
    is_foreign = current_info is not None and current_info.db_id != info.db_id
    if is_foreign and not foreign:
        raise BackupInvalid(_t("このバックアップは別の事務所（別のデータベース）のものです。置き換えるには --foreign を"
                               "付け、現在のデータベースの管理者が実行してください。何も変更していません"))
    private_dir(config.data_dir)
    tmp = config.data_dir / f"restore-{secrets.token_hex(4)}.db"
    anchor_tmp = config.data_dir / f".{tmp.name}.audit-head.json"
    write_private(tmp, payload)
    engine: Engine | None = None
    current: OpenedDatabase | None = None
    try:
        key = load_key(info, backup_passphrase or config.passphrase)
        engine = sqlcipher_engine(tmp, key)
        check_key(engine)
        revision = current_revision(engine)
        if revision != head_revision() and (revision is None or not known_revision(revision)):
            raise BackupInvalid(_t("このバックアップは、これより新しいバージョンのつなぎで作成されたため復元できません"
                                   "（スキーマ {revision}）。何も変更していません").format(revision=revision))
        db = Database(engine, audit_key=audit_key(key))
        recorded = header.get("audit_head")
        if isinstance(recorded, dict):  # the head when the backup was made: no row may be
            # missing from its end, nor added after it
            db.anchor = HeadAnchor(anchor_tmp)
            db.anchor.write(Head(int(recorded["seq"]), str(recorded["hash"])))
        if revision != head_revision():
            assert db.audit_key is not None
            upgrade(engine, sealer=Sealer(db.audit_key, db.anchor, "restore"))
        report = check_database(engine, db)
        # A divergence the migration met here is a copy whose chain does not end at the
        # head its header recorded; those recorded before, not yet accepted, travel with it.
        state = db.anchor.state() if db.anchor is not None else None
        problems = report.problems + [audit.describe_divergence(d)
                                      for d in (state.divergences if state else ())]
        if problems:
            raise BackupInvalid(_t("バックアップの検証に失敗しました: {problems}").format(
                problems=" / ".join(problems)))
        # The verified copy's head becomes the restored database's anchor (a copy without a
        # recorded head had none).
        db.anchor = HeadAnchor(anchor_tmp)
        with db.read() as s:
            db.anchor.write(audit.chain_head(s))
        # The current database consents: one of its administrators, and its audit chain
        # records the restore before anything is replaced.
        current = _open_current(config)
        if current is not None:
            here = build_services(current.db, current.device_id)
            actor = here.auth.login(username, password)
            require_role(actor, "admin")
            with current.db.write() as s:
                audit.append(s, here.ctx, actor, "restore", "database", "", file=path.name,
                             foreign=is_foreign, backup_rows=report.audit_rows)
            current.db.close()
            current = None
        elif is_foreign:
            raise BackupInvalid(_t("現在のデータベースを開けないため、別の事務所のバックアップでは置き換えられません。"
                                   "何も変更していません"))
        else:
            require_role(build_services(db, "restore").auth.login(username, password), "admin")
        services = build_services(db, "restore", engine=engine, key_info=info)
        with db.write() as s:  # the restored copy says where it came from
            audit.append(s, services.ctx, None, "restored", "database", "", file=path.name,
                         by=username, foreign=is_foreign)
        checkpoint(engine)
        engine.dispose()
        engine = None
        previous: Path | None = None
        if config.db_path.exists():
            private_dir(config.backup_dir)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            previous = config.backup_dir / f"pre-restore-{stamp}.db"
            for suffix in ("", "-wal", "-shm"):
                src = Path(f"{config.db_path}{suffix}")
                if src.exists():
                    shutil.move(src, Path(f"{previous}{suffix}"))
            for kept in (KEYINFO_FILENAME, ANCHOR_FILENAME):
                if (config.data_dir / kept).exists():
                    shutil.copy2(config.data_dir / kept, config.backup_dir / f"{previous.name}.{kept}")
        os.replace(tmp, config.db_path)
        os.replace(anchor_tmp, config.data_dir / ANCHOR_FILENAME)
        info.save(config.data_dir)
        return previous
    except DatabaseUnavailable as exc:
        raise BackupInvalid(_t("バックアップを開けません: {exc}。何も変更していません").format(exc=exc)) from None
    finally:
        if current is not None:
            current.db.close()
        if engine is not None:
            engine.dispose()
        tmp.unlink(missing_ok=True)
        anchor_tmp.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
