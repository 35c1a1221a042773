"""Render the outreach screens (start from a kit; conflicts side by side) to
docs/screenshots/, from a small made-up office and laptop in a temporary folder.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/outreach_screens.py
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop.app import CrashReporter  # noqa: E402
from desktop.config import Config  # noqa: E402
from desktop.models.storage import create_database  # noqa: E402
from desktop.services import build_services  # noqa: E402
from desktop.services.outreach import create_working_database  # noqa: E402
from desktop.services.persons import PersonInput  # noqa: E402
from desktop.services.workflow import ContactInput  # noqa: E402
from desktop.ui.login import SetupDialog  # noqa: E402
from desktop.ui.outreach_dialogs import OutreachImportDialog  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from screenshots import grab, set_up  # noqa: E402

KIT = "出張相談 2026 秋"


def main() -> None:
    app = QApplication(sys.argv)
    set_up(app)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        office = create_database(Config(tmp / "office", passphrase="office passphrase 1"))
        sv = build_services(office.db, office.device_id)
        sv.auth.create_first_admin("admin", "管理者", "password-123")
        admin = sv.auth.login("admin", "password-123")
        sv.auth.add_user(admin, "cw01", "青山 里美", "caseworker", "password-123")
        cw = sv.auth.change_initial_password("cw01", "password-123", "password-456")
        sv.offices.add_office(admin, "ハローワーク新宿")
        people = []
        for number, (family, kana, phone) in enumerate(
                [("代田", "シロタ", "090-1234-5678"), ("森", "モリ", "080-2222-3333")], 1):
            record, episode = sv.workflow.intake(cw, PersonInput(
                case_number=f"2026-{number:04d}", family_name=family, given_name="花子",
                family_kana=kana, given_kana="ハナコ", birth_date=date(1985, 5, 1),
                category="public_assistance", phone_mobile=phone,
                address="東京都新宿区西新宿2-8-1"), date(2026, 10, 1))
            people.append((record.id, episode.id))
        sv.persons.create_person(admin, PersonInput(
            case_number="2026-0099", family_name="関", given_name="陽子", family_kana="セキ",
            given_kana="ヨウコ", birth_date=date(1974, 7, 1), category="needy"))
        kit, back = tmp / "out.tsunagi-kit", tmp / "back.tsunagi-kit"
        sv.outreach.export_kit(cw, kit, KIT)

        setup = SetupDialog(TaskRunner(CrashReporter().report), lambda *a: "", False,
                            open_kit=lambda *a: "")
        setup.resize(560, 480)
        setup.show()
        grab(setup, "19-setup-from-kit")
        setup.close()

        laptop, _ = create_working_database(Config(tmp / "laptop", passphrase="laptop pass 1"),
                                            kit, KIT)
        lv = build_services(laptop.db, laptop.device_id)
        me = lv.auth.login("cw01", "password-456")
        (p1, e1), (p2, _) = people
        rec = lv.persons.get_person(me, p1)
        lv.persons.update_person(me, p1, rec.version, dataclasses.replace(
            rec, phone_mobile="070-4444-5555", address="東京都新宿区百人町1-2-3 コーポ百人町201"))
        lv.workflow.add_contact(me, e1, ContactInput(date(2026, 11, 20), "interview",
                                                     "出張相談で面談。応募書類を一緒に作成した。"))
        lv.workflow.intake(me, PersonInput(
            case_number="出張-01", family_name="関", given_name="陽子", family_kana="セキ",
            given_kana="ヨウコ", birth_date=date(1974, 7, 1), category="needy"),
            date(2026, 11, 20))
        lv.outreach.export_kit(me, back, KIT)
        laptop.db.close()
        rec = sv.persons.get_person(cw, p1)
        sv.persons.update_person(cw, p1, rec.version, dataclasses.replace(
            rec, phone_mobile="03-3333-4444"))
        plan = sv.outreach.plan_import(cw, back, KIT)
        runner = TaskRunner(CrashReporter().report)
        runner.bind(sv, cw)
        dialog = OutreachImportDialog(sv, cw, runner, back, KIT, plan)
        dialog.show()
        grab(dialog, "20-outreach-conflicts")
        dialog.close()
        office.db.close()
    print("done")


if __name__ == "__main__":
    main()
