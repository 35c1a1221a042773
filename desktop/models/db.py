"""Engine and sessions: SQLCipher-encrypted SQLite by default, any SQLAlchemy URL in office mode."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.errors import DatabaseBusy, DomainError, StorageError
from desktop.i18n import translator
from desktop.models.chain import Head, HeadAnchor

_t = translator("Storage")
# Page cache per connection. 今日の予定's queries read about 34 MB of pages together on the
# 100,000-person demo: at 32 MB they evicted each other on every run (120 ms instead of
# 20 ms). 48 MB costs the GUI 18 MB of peak memory (203 → 221 MB; budget 300 MB).
CACHE_KIB = 49152
BUSY_TIMEOUT_MS = 10_000
SQLITE_NOTADB = 26


# The key of the PostgreSQL advisory lock every write transaction takes ("tsunagi").
SERVER_WRITE_LOCK = int.from_bytes(b"tsunagi", "big")


class DatabaseUnavailable(Exception):
    """The database cannot be opened; the message (Japanese) says why and what to do."""


class WrongKey(DatabaseUnavailable):
    pass


def sqlcipher_engine(path: Path, key: bytes) -> Engine:
    """An engine on an encrypted SQLite file: WAL, foreign keys on, busy timeout, and
    explicit BEGIN so that write transactions can take the lock up front (BEGIN IMMEDIATE)."""
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
    # hide_parameters: SQL errors must not carry personal data into messages or logs.
    engine = create_engine(url, module=sqlcipher3, poolclass=QueuePool, pool_size=4,
                           hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # The dialect has already sent PRAGMA key. sqlcipher3 has no .autocommit attribute,
        # so plain cursor.execute rather than SQLAlchemy's FK recipe.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # A wrong key is reported by check_key in Japanese; keep SQLCipher's own page-level
        # error lines off the user's terminal.
        cur.execute("PRAGMA cipher_log_level=NONE")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        # Deleted records (purge) are overwritten in the file, not left in free pages.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        if options.get("sqlite_wait", True):
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        # A write that must not wait (the batched view audits): take the lock at once or
        # fail with SQLITE_BUSY; the busy timeout comes back for the rest of the work.
        conn.exec_driver_sql("PRAGMA busy_timeout=0")
        try:
            conn.exec_driver_sql(f"BEGIN {mode}")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    engine.dialect.statement_compiler = _with_index_hints(engine.dialect.statement_compiler)
    return engine


def server_engine(url: str | URL) -> Engine:
    """An engine on a PostgreSQL server (office mode). TLS and other libpq options come in
    the URL's query (``?sslmode=verify-full&sslrootcert=...``) and pass through to libpq."""
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                           hide_parameters=True,
                           # Timestamps cross the wire in UTC whatever the server's zone.
                           connect_args={"application_name": "tsunagi",
                                         "options": "-c timezone=UTC"})

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_nul(_conn: Any, _cursor: Any, _statement: str, parameters: Any,
                    _context: Any, executemany: bool) -> None:
        # PostgreSQL cannot hold U+0000 in text, even as a search value; SQLite could, and
        # the text check refuses it before any write. Say so before the server does.
        rows = parameters if executemany else [parameters]
        for row in rows:
            values = row.values() if isinstance(row, dict) else row or ()
            if any(isinstance(v, str) and "\x00" in v for v in values):
                raise DomainError(_t("入力に使えない制御文字（NUL）が含まれています"))

    return engine


def _with_index_hints(base: type[Any]) -> type[Any]:
    """SQLAlchemy's SQLite compiler drops table hints; render them, so a query can say
    ``.with_hint(Person, "INDEXED BY ix_...", "sqlite")``. SQLite plans a lookup by primary
    key on the unique index even when a narrow covering index would skip the wide row."""

    class HintingCompiler(base):
        def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
            return text

    return HintingCompiler


@dataclass
class Database:
    """One engine and its session factories. Each use case opens its own short Session.

    ``audit_key`` signs the audit chain (derived from the database key, or on a server the
    office's audit key kept on each PC); ``anchor`` keeps the chain's head outside the
    database. Neither is ever written into the database."""

    engine: Engine
    audit_key: bytes | None = field(default=None, repr=False)
    anchor: HeadAnchor | None = None

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_bind = self.engine
        if self.is_sqlite:
            writer_bind = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writer = sessionmaker(writer_bind, expire_on_commit=False)
        nowait_bind = self.engine
        if self.is_sqlite:
            nowait_bind = self.engine.execution_options(sqlite_begin="IMMEDIATE",
                                                        sqlite_wait=False)
        self._writer_nowait = sessionmaker(nowait_bind, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise storage_error(exc) or exc from None

    @contextlib.contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A Core connection in a read transaction, for hot read paths (search, lists) where
        an ORM Session's bookkeeping is pure overhead."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def select_rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """One SELECT on a pooled driver connection, outside any explicit transaction: the
        statement is its own consistent snapshot. For the hottest read (search as you type),
        where BEGIN and COMMIT round trips cost as much as the query."""
        conn = self.engine.raw_connection()
        try:
            cur = conn.cursor()
            try:
                return list(cur.execute(sql, params).fetchall())
            finally:
                cur.close()
        finally:
            conn.close()  # back to the pool

    @contextlib.contextmanager
    def write(self, wait: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception.
        A full disk or a read-only data folder becomes a StorageError with a message.

        The write lock is taken when the transaction begins; another writer holding it is
        waited for up to the busy timeout, then DatabaseBusy. ``wait=False`` raises
        DatabaseBusy at once instead (for work that can simply be tried again later)."""
        factory = self._writer if wait else self._writer_nowait
        try:
            with factory() as session, session.begin():
                if not self.is_sqlite:
                    # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: the audit chain
                    # appends in order, and a state transition reads the state the previous
                    # one left. Readers are never blocked; writes take milliseconds.
                    # As long as SQLite's busy timeout; then DatabaseBusy (SQLSTATE 55P03).
                    if wait:
                        session.execute(text(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}"))
                        session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                        {"key": SERVER_WRITE_LOCK})
                    elif not session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"),
                                            {"key": SERVER_WRITE_LOCK}):
                        raise busy_error()
                yield session
        except DBAPIError as exc:
            raise storage_error(exc) or exc from None

    def close(self) -> None:
        self.engine.dispose()


# SQLite result codes (the primary code is the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL = 5, 6, 8, 10, 13
SQLITE_CORRUPT = 11
# PostgreSQL SQLSTATEs: a lock that could not be had (lock_timeout, NOWAIT), a deadlock, a
# statement cancelled by statement_timeout; a full disk; a read-only transaction.
PG_BUSY = {"55P03", "40P01", "57014"}
PG_DISK_FULL = {"53100"}
PG_READ_ONLY = {"25006"}


def _codes(exc: BaseException) -> tuple[int | None, str | None]:
    """(SQLite primary result code, PostgreSQL SQLSTATE) of a driver error, if any."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return (code & 0xFF if isinstance(code, int) else None,
            getattr(orig, "sqlstate", None))


def is_busy(exc: BaseException) -> bool:
    sqlite, sqlstate = _codes(exc)
    return sqlite in (SQLITE_BUSY, SQLITE_LOCKED) or sqlstate in PG_BUSY


def busy_error() -> DatabaseBusy:
    return DatabaseBusy(_t("他の処理がデータベースを使用中です（取込やバックアップなど）。変更は保存されていません。"
                           "しばらく待ってから、もう一度実行してください"))


def storage_error(exc: BaseException) -> StorageError | None:
    """The Japanese message for the storage faults a person can act on, classified by the
    driver's result code (SQLite) or SQLSTATE (PostgreSQL), never by the message text."""
    sqlite, sqlstate = _codes(exc)
    if sqlite in (SQLITE_BUSY, SQLITE_LOCKED) or sqlstate in PG_BUSY:
        return busy_error()
    if sqlite == SQLITE_FULL or sqlstate in PG_DISK_FULL:
        return StorageError(_t("ディスクの空き容量が足りないため保存できませんでした。変更は保存されていません。"
                               "不要なファイルを削除してから、もう一度保存してください"))
    if sqlite == SQLITE_READONLY or sqlstate in PG_READ_ONLY:
        return StorageError(_t("データの保存先に書き込めないため保存できませんでした（読み取り専用）。変更は保存されていません。"
                               "フォルダの書き込み権限を確認してください"))
    orig = getattr(exc, "orig", exc)
    if getattr(exc, "connection_invalidated", False) or (
            type(orig).__module__.startswith("psycopg") and (
                sqlstate is None or sqlstate.startswith("08") or sqlstate.startswith("57P"))):
        # No SQLSTATE at all: the server could not be reached or the connection dropped;
        # class 08 (connection exception) and 57P (the server shutting down) say the same.
        return StorageError(_t("データベースサーバーに接続できないため保存できませんでした。変更は保存されていません。"
                               "ネットワークとサーバーの状態を確認して、もう一度保存してください"))
    return None


def check_key(engine: Engine) -> None:
    """A wrong key fails only at the first statement; turn that into a clear message."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if getattr(exc.orig, "sqlite_errorcode", None) == SQLITE_NOTADB:
            raise WrongKey(
                _t("データベースを開けません: 鍵（パスフレーズまたは回復キー）が一致しないか、ファイルが壊れています。データは変更していません")
            ) from None
        raise DatabaseUnavailable(_t("データベースを開けません: {orig}").format(orig=exc.orig)) from None


def refresh_statistics(engine: Engine) -> bool:
    """Let SQLite (re)analyse tables whose statistics are missing or stale, cheaply
    (analysis_limit samples each index). Without statistics the planner mis-orders some
    caseload filters by orders of magnitude; with them, every list query is an index walk.

    ANALYZE writes, so this never waits for the write lock: when another process holds it,
    nothing happens (returns False) and the next bulk write or start tries again. It runs
    after migrations and bulk writes (demo, ledger and kit imports) and on the desktop's
    task runner after sign-in, never while opening the database."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA busy_timeout=0")
        try:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("PRAGMA optimize=0x10002")
            conn.commit()
        except OperationalError as exc:
            conn.rollback()
            if not is_busy(exc):
                raise
            return False
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return True


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file, so that a file copy is the whole database."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def snapshot_head(engine: Engine, snapshot: Path) -> Head | None:
    """The audit chain's head inside a snapshot (attached with the same key)."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("ATTACH DATABASE ? AS snapshot", (str(snapshot),))
        try:
            row = cur.execute("SELECT seq, hash FROM snapshot.audit_log "
                              "ORDER BY seq DESC LIMIT 1").fetchone()
        finally:
            cur.execute("DETACH DATABASE snapshot")
        return Head(int(row[0]), str(row[1])) if row else None
    finally:
        raw.close()


def snapshot_to(engine: Engine, target: Path) -> None:
    """A consistent encrypted copy of a live SQLCipher database (same key), via VACUUM INTO."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("VACUUM INTO ?", (str(target),))
    finally:
        raw.close()
