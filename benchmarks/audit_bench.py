"""The cost of the audit writer's anchor check, per write, on SQLite and on PostgreSQL.

    python -m benchmarks.audit_bench [ROWS]     # ROWS audit rows first (default 200,000)

Before it links its rows, every write transaction compares the chain as it finds it with
the anchor kept outside the database (services.audit._check_anchor): on SQLite it reads the
small anchor file; on a server it also looks one row up by its seq when another PC wrote
since. Each write here is one audited view (``audit.append`` and the commit), timed with
the check as shipped and with the check taken out, alternately, 300 times each, and the
time spent inside the check itself; on the server also with a second PC writing between
each of ours (so the lookup always runs; both PCs' writes are in each sample).
The server is started with scripts/pg-test-server unless TSUNAGI_TEST_PG_URL is set.
Median and p95 in ms; writes benchmarks/results/audit.json. Not a test: nothing asserts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, make_url

from benchmarks.run_all import PASSPHRASE, PASSWORD, ROOT, alternate, stats

ROUNDS = 300


def _fill(opened: Any, rows: int) -> None:
    """``rows`` audit rows before the head (their hashes are not checked here: only the
    size of the seq index matters to the lookup), then one real row that seals them."""
    from desktop.models import AuditEntry
    from desktop.models.chain import Head

    at = datetime(2026, 5, 1, tzinfo=UTC)
    with opened.db.engine.begin() as conn:
        for start in range(1, rows + 1, 5000):
            conn.execute(insert(AuditEntry), [
                {"id": uuid.uuid4(), "seq": seq, "at": at, "user_id": None, "username": "",
                 "action": "view", "entity": "", "entity_id": "", "detail": "{}",
                 "origin": "bench", "prev_hash": "0" * 64, "hash": f"{seq:064x}",
                 "record_hash": "", "scheme": 2}
                for seq in range(start, min(start + 5000, rows + 1))])
    if opened.db.anchor is not None:
        opened.db.anchor.write(None, Head(rows, f"{rows:064x}"))


def measure(opened: Any, other: Any | None = None) -> dict[str, Any]:
    """One audited write with and without the anchor check (``other``: a second PC's
    database object, which writes before each of ours)."""
    from desktop.services import audit, build_services

    services = build_services(opened.db, opened.device_id)
    admin = services.auth.create_first_admin("admin", "管理 者", PASSWORD)
    ctx = services.ctx
    other_ctx = build_services(other, "pc-b").ctx if other is not None else None

    def write() -> None:
        if other_ctx is not None:
            with other.write() as s:
                audit.append(s, other_ctx, admin, "view", "user", admin.user_id)
        with ctx.db.write() as s:
            audit.append(s, ctx, admin, "view", "user", admin.user_id)

    checked = audit._check_anchor
    inside: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> int:
        t = time.perf_counter()
        try:
            return checked(*args, **kwargs)
        finally:
            inside.append((time.perf_counter() - t) * 1000)

    def unchecked(_session: Any, _ctx: Any, _pending: Any, seq: int, *_: Any,
                  **__: Any) -> int:
        return seq

    def with_check() -> None:
        audit._check_anchor = timed  # type: ignore[assignment]
        write()

    def without_check() -> None:
        audit._check_anchor = unchecked  # type: ignore[assignment]
        write()

    try:
        a, b = alternate(with_check, without_check, ROUNDS)
    finally:
        audit._check_anchor = checked  # type: ignore[assignment]
    anchor = opened.db.anchor
    reads = _time(lambda: anchor.state(), 2000) if anchor is not None else []
    # ``inside``: the check itself, in every write of ours (and the other PC's).
    return {"write_with_check_ms": stats(a), "write_without_check_ms": stats(b),
            "check_itself_ms": stats(inside),
            "anchor_file_read_ms": stats(reads) if reads else None}


def _time(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    from desktop.config import Config
    from desktop.models.chain import server_anchor
    from desktop.models.db import Database
    from desktop.models.server_settings import server_label
    from desktop.models.storage import create_database

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    results: dict[str, Any] = {"audit_rows_before": rows}
    with tempfile.TemporaryDirectory() as tmp:
        opened = create_database(Config(Path(tmp) / "sqlite", passphrase=PASSPHRASE))
        _fill(opened, rows)
        results["sqlite"] = measure(opened)
        opened.db.close()

        url, started = os.environ.get("TSUNAGI_TEST_PG_URL"), None
        if not url:
            out = subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "start"],
                                 check=True, capture_output=True, text=True).stdout
            values = dict(line.removeprefix("export ").split("=", 1)
                          for line in out.splitlines())
            url, started = (values["TSUNAGI_TEST_PG_URL"].strip("'"),
                            values["TSUNAGI_TEST_PG_DIR"].strip("'"))
        from sqlalchemy import create_engine

        name = f"audit_bench_{os.getpid()}"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        db_url = make_url(url).set(database=name).render_as_string(hide_password=False)
        os.environ.setdefault("TSUNAGI_AUDIT_KEY", "-".join(["A11C"] * 16))
        try:
            for label, second_pc in (("postgresql", False), ("postgresql_two_pcs", True)):
                with admin.connect() as conn:
                    conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                    conn.exec_driver_sql(f"CREATE DATABASE {name}")
                config = Config(Path(tmp) / label, db_url=db_url)
                opened = create_database(config)
                _fill(opened, rows)
                other = (Database(opened.db.engine, audit_key=opened.db.audit_key,
                                  anchor=server_anchor(Path(tmp) / "pc-b",
                                                       server_label(db_url)))
                         if second_pc else None)
                results[label] = measure(opened, other)
                opened.db.close()
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.dispose()
            if started:
                subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "stop", started],
                               check=False)
    out = ROOT / "benchmarks" / "results" / "audit.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
