"""Office mode at scale: copy a demo database to PostgreSQL with ``migrate-to-server``'s code,
then time search (each query beside the same SQL sent raw through psycopg), the caseload's
first page and the fiscal-year report on the server.

    python -m benchmarks.server_bench [DATA_DIR]     # default: .bench/100000/data

Starts a throw-away server with scripts/pg-test-server unless TSUNAGI_TEST_PG_URL is set.
Writes benchmarks/results/server.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url

from benchmarks.run_all import PASSPHRASE, PASSWORD, ROOT, SEARCHES, alternate, stats


def server_url() -> tuple[str, str | None]:
    url = os.environ.get("TSUNAGI_TEST_PG_URL")
    if url:
        return url, None
    out = subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "start"], check=True,
                         capture_output=True, text=True).stdout
    values = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines())
    return values["TSUNAGI_TEST_PG_URL"].strip("'"), values["TSUNAGI_TEST_PG_DIR"].strip("'")


def main() -> None:
    from desktop.config import Config
    from desktop.models.storage import open_database
    from desktop.services import build_services
    from desktop.services.caseload import CaseloadFilter
    from desktop.services.reports import Period
    from desktop.services.server_copy import copy_to_server

    data = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".bench" / "100000" / "data")
    admin_url, server_dir = server_url()
    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    results: dict[str, Any] = {"source": str(data)}
    try:
        local = open_database(Config(data, passphrase=PASSPHRASE))
        services = build_services(local.db, local.device_id)
        actor = services.auth.login("admin", PASSWORD)
        started = time.perf_counter()
        copied = copy_to_server(services.ctx, actor, url)
        results["copy_seconds"] = round(time.perf_counter() - started, 1)
        results["copied_rows"] = sum(copied.counts.values())
        results["persons"] = copied.counts["persons"]
        local.db.close()

        opened = open_database(Config(data.parent / "server-pc", db_url=url))
        with opened.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        sv = build_services(opened.db, opened.device_id)
        actor = sv.auth.login("admin", PASSWORD)
        raw = opened.db.engine.raw_connection()
        dialect = opened.db.engine.dialect
        search: dict[str, Any] = {}
        for label, queries in SEARCHES.items():
            service_ms: list[float] = []
            floor_ms: list[float] = []
            for q in queries:
                prepared = sv.search.statement(actor, q)
                assert prepared is not None
                stmt, values = prepared
                compiled = stmt.compile(dialect=dialect)
                sql, params = str(compiled), compiled.construct_params(values)

                def floor(sql: str = sql, params: Any = params) -> Any:
                    cur = raw.cursor()
                    cur.execute(sql, params)
                    rows = cur.fetchall()
                    cur.close()
                    return rows

                a, b = alternate(lambda q=q: sv.search.search(actor, q), floor, 20)
                service_ms += a
                floor_ms += b
            search[label] = {"service": stats(service_ms), "floor": stats(floor_ms)}
        results["search"] = search
        page = sv.caseload.page
        first = [0.0] * 7
        for i in range(7):
            t = time.perf_counter()
            page(actor, CaseloadFilter(), "kana", False, None, 200)
            first[i] = (time.perf_counter() - t) * 1000
        results["list_first_page"] = stats(first)
        report = []
        for _ in range(5):
            t = time.perf_counter()
            sv.reports.indicators(actor, Period.fiscal(2025))
            report.append((time.perf_counter() - t) * 1000)
        results["fy_report"] = stats(report)
        raw.close()
        opened.db.close()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
        if server_dir:
            subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "stop", server_dir],
                           check=False)
    out = ROOT / "benchmarks" / "results" / "server.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
