"""Fiscal-year report (budget: 500 ms) beside the same counts as hand-written SQL.

    TSUNAGI_DB_PASSPHRASE=... TSUNAGI_PASSWORD=... python -m benchmarks.report_bench DIR [FY]

The floor is the same aggregations written by hand (grouped by the 区分 and 担当者 of the
episode on the event's day, and month; per Hello Work office), run through the raw SQLCipher
connection with no ORM, no audit row and no shaping. The period is a finished fiscal year
(its as-of date is its last day). Both are run alternately, 15 times each, after one warm-up; median and p95 in ms.
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


def _at(episode: str, day: str) -> str:
    """A reassignment of the episode in force on the event's day (区分 and 担当 at the time)."""
    return (f"LEFT JOIN episode_reassignments a ON a.episode_id = {episode} "
            f"AND a.deleted_at IS NULL AND a.valid_from <= {day} "
            f"AND (a.valid_to IS NULL OR a.valid_to > {day})")


# The frozen 区分 and 担当 of the episode, the person's only for an episode never referred.
GROUP = ("coalesce(e.category_at_referral, (SELECT p.category FROM persons p "
         "INDEXED BY ix_persons_report WHERE p.id = e.person_id)), "
         "coalesce(a.caseworker_id, e.caseworker_at_referral, (SELECT p.caseworker_id "
         "FROM persons p INDEXED BY ix_persons_report WHERE p.id = e.person_id))")
HAND_WRITTEN = [
    # referrals, per office
    f"""SELECT {GROUP}, r.office_id, substr(r.referred_on, 1, 7), count(*)
       FROM referrals r JOIN episodes e ON e.id = r.episode_id
       {_at("r.episode_id", "r.referred_on")}
       WHERE r.referred_on BETWEEN :lo AND :hi AND r.deleted_at IS NULL
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3, 4""",
    # support targets
    f"""SELECT {GROUP}, substr(t.effective_on, 1, 7), count(DISTINCT t.episode_id)
       FROM transitions t JOIN episodes e ON e.id = t.episode_id
       {_at("t.episode_id", "t.effective_on")}
       WHERE t.effective_on BETWEEN :lo AND :hi AND t.to_state = 'active'
         AND t.from_state = 'referred' AND t.deleted_at IS NULL
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # placements, regular placements, placements through Hello Work's 職業紹介
    f"""SELECT {GROUP}, substr(pl.start_on, 1, 7), count(*),
              sum(pl.term_category IN ('indefinite', 'over_4m')), sum(pl.route = 'hello_work')
       FROM placements pl JOIN episodes e ON e.id = pl.episode_id
       {_at("pl.episode_id", "pl.start_on")}
       WHERE pl.start_on BETWEEN :lo AND :hi AND pl.deleted_at IS NULL
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # placed persons among support targets
    f"""WITH t AS (SELECT e.person_id pid, min(t.effective_on) d FROM transitions t
                  JOIN episodes e ON e.id = t.episode_id
                  WHERE t.effective_on BETWEEN :lo AND :hi AND t.to_state = 'active'
                    AND t.from_state = 'referred' AND t.deleted_at IS NULL
                    AND e.deleted_at IS NULL GROUP BY e.person_id),
            j AS (SELECT e.person_id, pl.episode_id eid, pl.start_on d,
                         e.category_at_referral, e.caseworker_at_referral,
                         row_number() OVER (PARTITION BY e.person_id
                                            ORDER BY pl.start_on, pl.episode_id) n
                  FROM placements pl JOIN episodes e ON e.id = pl.episode_id
                  WHERE pl.start_on BETWEEN :lo AND :hi AND pl.deleted_at IS NULL
                    AND e.deleted_at IS NULL)
       SELECT {GROUP.replace("e.", "j.")}, substr(max(t.d, j.d), 1, 7), count(*)
       FROM t JOIN j ON j.person_id = t.pid AND j.n = 1
       {_at("j.eid", "max(t.d, j.d)")}
       GROUP BY 1, 2, 3""",
    # protection outcomes of 生活保護受給者
    f"""SELECT {GROUP}, substr(o.decided_on, 1, 7), sum(o.kind = 'abolished'),
              sum(o.kind = 'reduced'), sum(o.independence_benefit)
       FROM protection_outcomes o JOIN episodes e ON e.id = o.episode_id
       {_at("o.episode_id", "o.decided_on")}
       WHERE o.decided_on BETWEEN :lo AND :hi AND o.deleted_at IS NULL
         AND coalesce(e.category_at_referral, (SELECT p.category FROM persons p
                      WHERE p.id = e.person_id)) = 'public_assistance'
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3""",
    # Hello Work's 職業紹介, 面接, 採用, per office
    f"""SELECT {GROUP}, h.office_id, substr(h.activity_on, 1, 7),
              sum(h.kind = 'job_referral'), sum(h.kind = 'interview'),
              sum(h.kind = 'outcome' AND h.result = 'hired')
       FROM hello_work_activities h JOIN episodes e ON e.id = h.episode_id
       {_at("h.episode_id", "h.activity_on")}
       WHERE h.activity_on BETWEEN :lo AND :hi
         AND h.kind IN ('job_referral', 'interview', 'outcome') AND h.deleted_at IS NULL
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3, 4""",
    # retention checkpoints due by the as-of date (the period's last day)
    f"""SELECT {GROUP}, c.months, count(*),
              sum(c.done_on <= :hi AND c.result = 'employed'),
              sum(c.due_on < :hi AND (c.done_on IS NULL OR c.done_on > :hi))
       FROM retention_checkpoints c JOIN episodes e ON e.id = c.episode_id
       {_at("c.episode_id", "c.due_on")}
       WHERE c.due_on BETWEEN :lo AND :hi AND c.deleted_at IS NULL
         AND e.deleted_at IS NULL GROUP BY 1, 2, 3""",
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
    assert sum(r[4] for r in floor_rows[0]) == report["referrals"]
    assert sum(r[3] for r in floor_rows[2]) == report["placements"]
    assert sum(r[3] for r in floor_rows[3]) == report["placed_persons"]
    assert sum(r[3] for r in floor_rows[4]) == report["protection_ended_by_work"]
    assert sum(r[6] for r in floor_rows[5]) == report["hires"]
    assert sum(r[3] for r in floor_rows[6]) == sum(v["due"] for v in report["retention"].values())
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
