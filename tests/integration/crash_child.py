"""The process the kill test shoots: it works on a database and prints ACK after each commit.

    python -m tests.integration.crash_child MODE DATA_DIR [ARG]
      write   create persons K-<n> one transaction each, printing "ACK n" after each commit
      import  import the ledger file ARG (one transaction), then print "DONE"
      open    open the database (backup, then migrate if behind), then print "DONE"
The key comes from TSUNAGI_DB_PASSPHRASE (the recovery key, so no scrypt per start).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.persons import PersonInput


def main() -> None:
    mode, data = sys.argv[1], Path(sys.argv[2])
    opened = open_database(Config.from_env(data))
    print("OPEN", flush=True)
    if mode == "open":
        print("DONE", flush=True)
        return
    services = build_services(opened.db, opened.device_id)
    admin = services.auth.login("admin", "password-123")
    if mode == "import":
        services.ledger.import_file(admin, Path(sys.argv[3]))
        print("DONE", flush=True)
        return
    start = int(sys.argv[3])
    for n in range(start, start + 100_000):
        services.persons.create_person(admin, PersonInput(
            case_number=f"K-{n}", family_name="強制", given_name="終了",
            family_kana="キョウセイ", given_kana="シュウリョウ", birth_date=date(1980, 1, 1),
            category="other", household="記録" * (n % 50)))
        print(f"ACK {n}", flush=True)


if __name__ == "__main__":
    main()
