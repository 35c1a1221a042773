"""Outreach merge of 5,000 changed records (budget: 5 s).

    python -m benchmarks.outreach_bench [PERSONS]

A fresh office database with a demo caseload (default 20,000 persons); a kit of caseworker
cw01's caseload opened as a laptop database; on the laptop every kit person is edited and
new contact-log entries are added until 5,000 records have changed; the return kit is then
planned and applied at the office, timed end to end (decrypt, three-way compare, one
transaction). The kit export and laptop set-up are timed too.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, update

from desktop.config import Config
from desktop.models import ContactLog, Episode, Person, User
from desktop.models.storage import create_database
from desktop.services import build_services
from desktop.services.context import Actor
from desktop.services.demo import DemoService
from desktop.services.outreach import create_working_database

PASS = "benchmark kit passphrase"
CHANGED = 5000


def main() -> None:
    persons = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    out: dict[str, object] = {"office_persons": persons}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        office = create_database(Config(tmp / "office", passphrase="office bench pass"))
        sv = build_services(office.db, office.device_id)
        sv.auth.create_first_admin("admin", "管理者", "bench-password")
        admin = sv.auth.login("admin", "bench-password")
        DemoService(sv.ctx).generate(admin, persons, seed=9)
        kit, back = tmp / "out.kit", tmp / "back.kit"
        t = time.perf_counter()
        header = sv.outreach.export_kit(admin, kit, PASS, "cw01")
        out["kit_export_s"] = round(time.perf_counter() - t, 2)
        out["kit_records"] = sum(header["counts"].values())
        out["kit_bytes"] = kit.stat().st_size
        t = time.perf_counter()
        laptop, _ = create_working_database(Config(tmp / "laptop", passphrase="laptop pass 1"),
                                            kit, PASS)
        out["laptop_open_s"] = round(time.perf_counter() - t, 2)
        lv = build_services(laptop.db, laptop.device_id)
        with laptop.db.write() as s:
            cw = s.scalar(select(User).where(User.username == "cw01"))
            assert cw is not None
            me = Actor(cw.id, cw.username, cw.display_name, cw.role, cw.organisation_id)
            ids = list(s.scalars(select(Person.id)))
            s.execute(update(Person).values(household="出張相談で世帯状況を更新",
                                            version=Person.version + 1))
            episodes = list(s.scalars(select(Episode.id).where(Episode.state != "closed")))
            extra = CHANGED - len(ids)
            s.execute(insert(ContactLog), [{
                "id": uuid.uuid4(), "episode_id": episodes[i % len(episodes)],
                "contact_on": date(2026, 11, 20), "kind": "interview", "staff_id": cw.id,
                "content": f"出張相談の記録 {i}", "origin": lv.ctx.device_id}
                for i in range(extra)])
        out["changed_records"] = len(ids) + extra
        t = time.perf_counter()
        lv.outreach.export_kit(me, back, PASS)
        out["return_export_s"] = round(time.perf_counter() - t, 2)
        laptop.db.close()
        t = time.perf_counter()
        plan = sv.outreach.plan_import(admin, back, PASS)
        out["plan_s"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        result = sv.outreach.apply_import(admin, back, PASS, {c.id: "laptop"
                                                            for c in plan.conflicts})
        out["merge_s"] = round(time.perf_counter() - t, 2)
        out["result"] = result.summary()
        office.db.close()
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
