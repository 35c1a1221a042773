"""Moving an office from one PC to a PostgreSQL server: ``tsunagi migrate-to-server URL``.

The local SQLite database is copied, table by table in dependency order, into a new server
database that the shipped migrations have just built, in one server transaction. Before
committing, the copy is checked: every table has the same number of rows as the source and
the audit hash chain recomputes from its first row. A copy that fails either check, or any
error on the way, leaves the server database empty, and the local file is never changed
except for one audit row recording the move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session

from desktop.errors import DomainError
from desktop.i18n import translator
from desktop.models import Base
from desktop.models.chain import server_anchor
from desktop.models.db import Database, server_engine
from desktop.models.migrate import upgrade
from desktop.models.server_settings import server_label
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext
from desktop.services.permissions import require

_t = translator("ServerCopy")
BATCH = 5000
Progress = Callable[[str, int], None]


INSTALLATION_KEY = "installation_id"


def _not_generated(stmt: Any, table: Any) -> Any:
    """Rows a person put there: not the installation id the migrations write."""
    if table.name == "settings":
        return stmt.where(table.c.key != INSTALLATION_KEY)
    return stmt


@dataclass
class CopyResult:
    counts: dict[str, int] = field(default_factory=dict)
    audit_rows: int = 0


def copy_to_server(ctx: ServiceContext, actor: Actor, url: str,
                   progress: Progress | None = None) -> CopyResult:
    require(actor, "migrate_to_server")
    if not ctx.db.is_sqlite:
        raise DomainError(_t("このデータベースは既にサーバー上にあります"))
    target = server_engine(url)
    try:
        if target.dialect.name != "postgresql":
            raise DomainError(_t("コピー先には PostgreSQL の URL（postgresql+psycopg://…）を指定してください"))
        tables = Base.metadata.sorted_tables
        existing = set(inspect(target).get_table_names())
        if existing:
            with target.connect() as conn:
                used = [t.name for t in tables if t.name in existing
                        and conn.execute(_not_generated(
                            select(func.count()).select_from(t), t)).scalar_one()]
            if used:
                raise DomainError(
                    _t("コピー先のデータベース（{server}）は空ではありません（{tables} など）。新しい空のデータベースを指定してください").format(
                        server=server_label(url), tables=', '.join(used[:3])))
        upgrade(target)
        result = CopyResult()
        with ctx.db.engine.connect() as src, target.begin() as dst:
            # The migrations gave the new database an installation id of its own; it is the
            # same installation moving, so this database's id comes across instead.
            settings = Base.metadata.tables["settings"]
            dst.execute(delete(settings).where(settings.c.key == INSTALLATION_KEY))
            for table in tables:
                rows = src.execution_options(yield_per=BATCH).execute(select(table))
                n = 0
                for chunk in rows.partitions(BATCH):
                    dst.execute(insert(table), [dict(r._mapping) for r in chunk])
                    n += len(chunk)
                    if progress:
                        progress(table.name, n)
                result.counts[table.name] = n
            # Checked inside the transaction: a copy that does not match is never committed.
            for table in tables:
                copied = dst.execute(select(func.count()).select_from(table)).scalar_one()
                if copied != result.counts[table.name]:
                    raise DomainError(_t("コピーの件数が一致しません（{name}: {count} → {copied}）").format(
                        name=table.name, count=result.counts[table.name], copied=copied))
            # The server's chain goes on under the same audit key (derived from this
            # database's key); this PC keeps the server's head beside its own.
            anchor = (server_anchor(ctx.db.anchor.path.parent, server_label(url))
                      if ctx.db.anchor is not None else None)
            server = ServiceContext(Database(target, audit_key=ctx.db.audit_key, anchor=anchor),
                                    ctx.device_id, ctx.now)
            with Session(bind=dst) as s:
                chain = audit.verify_chain(s, ctx.db.audit_key)
                if not chain.ok:
                    raise DomainError(_t("コピー先の監査ログを検証できません: {problem}").format(
                        problem=chain.problem))
                result.audit_rows = chain.rows
                audit.append(s, server, actor, "migrate_to_server", "database", "",
                             source=ctx.device_id, rows=sum(result.counts.values()))
                audit.finalize(s)  # the connection commits, not the Session
        with ctx.db.write() as s:
            audit.append(s, ctx, actor, "migrate_to_server", "database", "",
                         target=server_label(url), rows=sum(result.counts.values()))
        return result
    finally:
        target.dispose()
