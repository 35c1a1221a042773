"""Run Alembic migrations in-process, with foreign keys off during the run and checked after."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

import desktop.migrations


class MigrationFailed(Exception):
    """A migration left the database inconsistent; it was rolled back."""


def _alembic_config(connection: Connection | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(Path(desktop.migrations.__file__).parent))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` in one transaction.

    On SQLite, PRAGMA foreign_keys only takes effect outside a transaction, so it is switched
    off on the raw connection first: with it on, a batch migration (copy table, drop, rename)
    of a parent table would cascade-delete its children. foreign_key_check runs before commit.
    """
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), target)
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if problems:
                        raise MigrationFailed(
                            f"移行後に参照整合性の違反が {len(problems)} 件あります: {problems[:5]}"
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
