"""Incremental search latency on a real (demo) database, side by side with raw SQL.

Usage:
    TSUNAGI_DB_PASSPHRASE=... python -m benchmarks.search_bench --data-dir DIR --user admin

For each query length (1, 2, 3+ characters) it runs the service search and the same statement
issued as raw SQL through the sqlcipher3 connection, interleaved, and prints p50/p95 in ms and
the ratio. The password comes from TSUNAGI_PASSWORD.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid

from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.search import SearchService

QUERIES = {
    "1 char": ["山", "や", "タ", "林", "ｻ", "東", "小", "マ"],
    "2 chars": ["山田", "やま", "タナ", "代田", "ｻﾄ", "佐藤", "小林", "イト"],
    "3+ chars": ["ヤマダ", "さとう", "田太郎", "タナカ ヨウコ", "0001234", "コバヤシ", "ﾜﾀﾅﾍﾞ", "佐々木"],
    # Short digits are also looked for anywhere in the case number (walking its index).
    "case number, 1-2 digits": ["5", "42", "07", "99", "1", "00", "3", "88"],
}


def _raw(value: object) -> object:
    # What the driver receives for these parameters: UUIDs as 32 hex digits.
    return value.hex if isinstance(value, uuid.UUID) else value


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--role", help="search as the first staff member of this role "
                        "(supervisor: their organisation's persons; caseworker: their caseload)")
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    opened = open_database(Config.from_env(args.data_dir))
    services = build_services(opened.db, opened.device_id)
    actor = services.auth.login(args.user, os.environ["TSUNAGI_PASSWORD"])
    if args.role:
        from sqlalchemy import select

        from desktop.models import User
        from desktop.services.context import Actor

        with opened.db.read() as s:
            user = s.scalars(select(User).where(User.role == args.role)
                             .order_by(User.username)).first()
        assert user is not None, args.role
        # Built directly: demo staff have initial passwords that must be changed first.
        scope = [user.organisation_id] if hasattr(user, "organisation_id") else []
        actor = Actor(user.id, user.username, user.display_name, user.role, *scope)
    search: SearchService = services.search
    raw = opened.db.engine.raw_connection()
    results = {}
    for label, queries in QUERIES.items():
        service_ms: list[float] = []
        raw_ms: list[float] = []
        hits = []
        for q in queries:  # warm-up: statement shapes compiled, pages cached
            search.search(actor, q)
        for _ in range(args.rounds):
            for q in queries:
                t = time.perf_counter()
                found = search.search(actor, q)
                service_ms.append((time.perf_counter() - t) * 1000)
                hits.append(len(found))
                prepared = search.statement(actor, q)
                assert prepared is not None
                stmt, values = prepared
                compiled = stmt.compile(dialect=opened.db.engine.dialect)
                params = [_raw(values.get(name, compiled.params.get(name)))
                          for name in compiled.positiontup or []]
                sql = str(compiled)
                t = time.perf_counter()
                cur = raw.cursor()
                cur.execute(sql, params)
                cur.fetchall()
                raw_ms.append((time.perf_counter() - t) * 1000)
        results[label] = {
            "service_p50_ms": round(statistics.median(service_ms), 2),
            "service_p95_ms": round(percentile(service_ms, 95), 2),
            "raw_sql_p50_ms": round(statistics.median(raw_ms), 2),
            "raw_sql_p95_ms": round(percentile(raw_ms, 95), 2),
            "ratio_p95": round(percentile(service_ms, 95) / max(percentile(raw_ms, 95), 1e-6), 2),
            "median_hits": statistics.median(hits),
        }
    raw.close()
    opened.db.close()
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
