"""Ledger import of 10,000 rows (budget: 10 s), from a file exported from the demo database.

    TSUNAGI_DB_PASSPHRASE=... TSUNAGI_PASSWORD=... python -m benchmarks.ledger_bench DEMO_DIR [ROWS]

Exports the demo caseload in the ledger layout, keeps the first ROWS rows (default 10,000),
and imports them as xlsx and as CSV into fresh encrypted databases that have the demo's staff
and Hello Work offices, each timed end to end (read, validate, write, commit).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from desktop.config import Config
from desktop.models.storage import create_database, open_database
from desktop.services import build_services
from desktop.services.demo import OFFICES, STAFF
from desktop.services.ledger import COLUMNS, ledger_xlsx


def fresh(tmp: Path, name: str):  # type: ignore[no-untyped-def]
    opened = create_database(Config(tmp / name, passphrase="ledger-bench-passphrase"))
    services = build_services(opened.db, opened.device_id)
    services.auth.create_first_admin("admin", "管理者", "bench-password")
    admin = services.auth.login("admin", "bench-password")
    for username, display, role in STAFF:
        services.auth.add_user(admin, username, display, role, "bench-password")
    for office, _official, _head, _postal, address, phone, navigators in OFFICES:
        services.offices.add_office(admin, office, address, phone, navigators[0][0])
    return opened, services, admin


def main() -> None:
    rows_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    source = open_database(Config.from_env(sys.argv[1]))
    services = build_services(source.db, source.device_id)
    admin = services.auth.login("admin", os.environ["TSUNAGI_PASSWORD"])
    t = time.perf_counter()
    rows = services.ledger.export_rows(admin)
    export_s = time.perf_counter() - t
    total = len(rows)
    # Whole episodes only: stop at an episode boundary at or after the wanted count.
    cut = rows_wanted
    while cut < len(rows) and rows[cut][0] == rows[cut - 1][0] and rows[cut][10] == rows[cut - 1][10]:
        cut += 1
    rows = rows[:cut]
    source.db.close()
    results: dict[str, object] = {"rows": len(rows), "export_rows_s": round(export_s, 2),
                                  "export_total_rows": total}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        xlsx = tmp / "ledger.xlsx"
        xlsx.write_bytes(ledger_xlsx(rows))
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([label for _, label in COLUMNS])
        writer.writerows(rows)
        sjis = tmp / "ledger.csv"
        sjis.write_bytes(text.getvalue().encode("cp932", errors="replace"))
        for label, path in (("xlsx", xlsx), ("csv (Shift_JIS)", sjis)):
            opened, target, actor = fresh(tmp, label.split()[0])
            t = time.perf_counter()
            result = target.ledger.import_file(actor, path)
            seconds = time.perf_counter() - t
            t = time.perf_counter()
            again = target.ledger.import_file(actor, path)
            rerun = time.perf_counter() - t
            opened.db.close()
            results[label] = {"import_s": round(seconds, 2), "summary": result.summary(),
                              "rerun_s": round(rerun, 2), "rerun_skipped": again.skipped}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
