"""Run Alembic migrations in-process, with foreign keys off during the run and checked after."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

import desktop.migrations
from desktop.i18n import translator

_t = translator("Storage")
if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

    from desktop.models.reseal import Sealer

# The newest revision in desktop/migrations/versions (a test checks it against Alembic's own
# view). Known here so that opening an up-to-date database needs no Alembic import, which
# took 150 ms of every start.
HEAD = "0011"


class MigrationFailed(Exception):
    """A migration left the database inconsistent; it was rolled back."""


def _alembic_config(connection: Connection | None = None) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(Path(desktop.migrations.__file__).parent))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return HEAD


def script_head() -> str:
    """The head according to Alembic's scripts (for the test that HEAD is kept true)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """Whether this release's migrations know ``revision`` (a newer release's do not)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows: Any = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        return rows[0][0] if rows else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head", sealer: Sealer | None = None) -> None:
    """Upgrade to ``target`` in one transaction.

    On SQLite, PRAGMA foreign_keys only takes effect outside a transaction, so it is switched
    off on the raw connection first: with it on, a batch migration (copy table, drop, rename)
    of a parent table would cascade-delete its children. foreign_key_check runs before commit.
    With a ``sealer`` (the audit key and anchor of a database in use), the audited records
    that a revision rewrites are sealed again in the same transaction (models.reseal).
    """
    _run(engine, "upgrade", target, sealer)


def downgrade(engine: Engine, target: str) -> None:
    """Downgrade to ``target`` the same way (for development and the migration tests: the
    application itself only upgrades)."""
    _run(engine, "downgrade", target)


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _run(engine: Engine, direction: str, target: str, sealer: Sealer | None = None) -> None:
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                from alembic import command

                from desktop.models import reseal

                planned = reseal.plan(conn, _revision(conn)) if sealer is not None else []
                getattr(command, direction)(_alembic_config(conn), target)
                if sealer is not None:
                    revision = _revision(conn)
                    assert revision is not None
                    reseal.apply(conn, planned, sealer, revision)
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if problems:
                        raise MigrationFailed(
                            _t("移行後に参照整合性の違反が {count} 件あります: {examples}").format(
                                count=len(problems), examples=problems[:5])
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
