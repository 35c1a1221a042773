"""Fiscal-year report (budget: 500 ms) beside the same counts as hand-written SQL.

    TSUNAGI_DB_PASSPHRASE=... TSUNAGI_PASSWORD=... python -m benchmarks.report_bench DIR [FY]

The floor is six hand-written aggregate queries giving the same numbers (grouped by 区分,
担当者 and month), run through the raw SQLCipher connection with no ORM, no audit row and no
shaping. Both are run alternately, 15 times each, after one warm-up; median and p95 in ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.reports import Period

HAND_WRITTEN = [
    # referrals
    """SELECT p.category, p.caseworker_id, substr(r.referred_on, 1, 7), count(*)
       FROM referrals r JOIN episodes e ON e.id = r.episode_id
       JOIN persons p INDEXED BY ix_persons_report ON p.id = e.person_id
       WHERE r.referred_on BETWEEN :lo AND :hi AND r.deleted_at IS NULL
         AND e.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # support targets
    """SELECT p.category, p.caseworker_id, substr(t.effective_on, 1, 7),
              count(DISTINCT t.episode_id)
       FROM transitions t JOIN episodes e ON e.id = t.episode_id
       JOIN persons p INDEXED BY ix_persons_report ON p.id = e.person_id
       WHERE t.effective_on BETWEEN :lo AND :hi AND t.to_state = 'active'
         AND t.from_state = 'referred' AND t.deleted_at IS NULL
         AND e.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # placements and regular placements
    """SELECT p.category, p.caseworker_id, substr(pl.start_on, 1, 7), count(*),
              sum(pl.term_category IN ('indefinite', 'over_4m'))
       FROM placements pl JOIN episodes e ON e.id = pl.episode_id
       JOIN persons p INDEXED BY ix_persons_report ON p.id = e.person_id
       WHERE pl.start_on BETWEEN :lo AND :hi AND pl.deleted_at IS NULL
         AND e.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # placed persons among support targets
    """WITH t AS (SELECT e.person_id pid, min(t.effective_on) d FROM transitions t
                  JOIN episodes e ON e.id = t.episode_id
                  WHERE t.effective_on BETWEEN :lo AND :hi AND t.to_state = 'active'
                    AND t.from_state = 'referred' AND t.deleted_at IS NULL
                    AND e.deleted_at IS NULL GROUP BY e.person_id),
            j AS (SELECT e.person_id pid, min(pl.start_on) d FROM placements pl
                  JOIN episodes e ON e.id = pl.episode_id
                  WHERE pl.start_on BETWEEN :lo AND :hi AND pl.deleted_at IS NULL
                    AND e.deleted_at IS NULL GROUP BY e.person_id)
       SELECT p.category, p.caseworker_id, substr(max(t.d, j.d), 1, 7), count(*)
       FROM t JOIN j ON j.pid = t.pid JOIN persons p INDEXED BY ix_persons_report
         ON p.id = t.pid WHERE p.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # protection ended by work
    """SELECT p.category, p.caseworker_id, substr(e.closed_on, 1, 7), count(*)
       FROM episodes e JOIN persons p INDEXED BY ix_persons_report ON p.id = e.person_id
       WHERE e.closed_on BETWEEN :lo AND :hi AND e.closure_reason = '保護廃止(就労収入増)'
         AND e.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # retention checkpoints
    """SELECT p.category, p.caseworker_id, c.months, count(*), sum(c.result = 'employed')
       FROM retention_checkpoints c JOIN episodes e ON e.id = c.episode_id
       JOIN persons p INDEXED BY ix_persons_report ON p.id = e.person_id
       WHERE c.due_on BETWEEN :lo AND :hi AND c.deleted_at IS NULL
         AND e.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2, 3""",
]


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    fy = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    opened = open_database(Config.from_env(sys.argv[1]))
    services = build_services(opened.db, opened.device_id)
    admin = services.auth.login("admin", os.environ["TSUNAGI_PASSWORD"])
    period = Period.fiscal(fy)
    raw = opened.db.engine.raw_connection()
    params = {"lo": period.start.isoformat(), "hi": period.end.isoformat()}

    def hand() -> list[list[tuple]]:  # type: ignore[type-arg]
        cur = raw.cursor()
        out = [cur.execute(sql, params).fetchall() for sql in HAND_WRITTEN]
        cur.close()
        return out

    report = services.reports.indicators(admin, period)
    floor_rows = hand()
    # The floor really counts the same things.
    assert sum(r[3] for r in floor_rows[0]) == report["referrals"]
    assert sum(r[3] for r in floor_rows[2]) == report["placements"]
    assert sum(r[3] for r in floor_rows[3]) == report["placed_persons"]
    service_ms, floor_ms = [], []
    for _ in range(15):
        t = time.perf_counter()
        services.reports.indicators(admin, period)
        service_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        hand()
        floor_ms.append((time.perf_counter() - t) * 1000)
    raw.close()
    result = {
        "fiscal_year": fy,
        "service_ms": {"median": round(statistics.median(service_ms), 1),
                       "p95": round(p95(service_ms), 1)},
        "hand_written_sql_ms": {"median": round(statistics.median(floor_ms), 1),
                                "p95": round(p95(floor_ms), 1)},
    }
    result["ratio_median"] = round(result["service_ms"]["median"]  # type: ignore[index]
                                   / result["hand_written_sql_ms"]["median"], 2)  # type: ignore[index]
    print(json.dumps(result, ensure_ascii=False, indent=2))
    opened.db.close()


if __name__ == "__main__":
    main()
