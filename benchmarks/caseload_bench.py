"""Caseload list and agenda latency on a real (demo) database.

    TSUNAGI_DB_PASSPHRASE=... TSUNAGI_PASSWORD=... python -m benchmarks.caseload_bench DIR

Times the first page and the following pages of the caseload list (200 rows, the page the
model fetches) for an administrator, a supervisor (their organisation's cases: the walk of
the organisation's index) and a caseworker, with each filter, plus the agenda. Every sort
order (every column the list shows) is timed on the default and the overdue lists; the other
filters by reading and case number.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

from sqlalchemy import select

from desktop.config import Config
from desktop.models import User
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.caseload import SORT_KEYS, CaseloadFilter
from desktop.services.context import Actor


def timed(fn, rounds: int = 7) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(samples), 1)


def main() -> None:
    opened = open_database(Config.from_env(sys.argv[1]))
    services = build_services(opened.db, opened.device_id)
    admin = services.auth.login("admin", os.environ["TSUNAGI_PASSWORD"])
    def actor_of(role: str) -> Actor:
        with opened.db.read() as s:
            user = s.scalars(select(User).where(User.role == role).order_by(User.username)).first()
        if user is None:
            return admin
        # Built directly: demo staff have initial passwords that must be changed first.
        scope = [user.organisation_id] if hasattr(user, "organisation_id") else []
        return Actor(user.id, user.username, user.display_name, user.role, *scope)

    caseworker, supervisor = actor_of("caseworker"), actor_of("supervisor")
    filters = {
        "open (default)": CaseloadFilter(),
        "state=retention": CaseloadFilter(states=("retention",)),
        "category=disability": CaseloadFilter(category="disability"),
        "overdue only": CaseloadFilter(overdue_only=True),
    }
    page = services.caseload.page
    results: dict[str, object] = {}
    for who, actor in (("admin", admin), ("supervisor", supervisor), ("caseworker", caseworker)):
        for name, f in filters.items():
            sorts = SORT_KEYS if name in ("open (default)", "overdue only") else (
                "kana", "case_number")
            for sort in sorts:
                first = page(actor, f, sort, False, None, 200)
                after = first[-1].cursor if first else None
                results[f"{who} | {name} | {sort}"] = {
                    "first_page_ms": timed(lambda a=actor, f=f, s=sort: page(a, f, s, False, None, 200)),
                    "next_page_ms": timed(lambda a=actor, f=f, s=sort, k=after: page(a, f, s, False, k, 200)),
                }
        results[f"{who} | agenda"] = {"ms": timed(lambda a=actor: services.caseload.agenda(a), 3)}
        results[f"{who} | count"] = {"ms": timed(lambda a=actor: services.caseload.count(a, CaseloadFilter()), 3)}
    opened.db.close()
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
