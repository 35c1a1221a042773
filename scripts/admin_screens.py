"""Render the 管理 screens and the first-run wizard to docs/screenshots/, from a small demo
office made in a temporary folder (the printed forms: scripts/form_pages.py, docs/forms/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/admin_screens.py

The demo is the fictional つなぎ市福祉事務所 (its head, address, phone, FAX and 文書記号);
the wizard is shown on a second, brand-new database, as a new office meets it.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QPushButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import grab, set_up, settle

from desktop.app import CrashReporter
from desktop.config import Config
from desktop.models.storage import create_database
from desktop.services import Services, build_services
from desktop.services.context import Actor
from desktop.services.demo import DemoService
from desktop.services.ledger import COLUMNS
from desktop.services.organisations import OrganisationInput
from desktop.ui.admin_assignment import CaseloadMoveDialog
from desktop.ui.admin_common import (
    office_fields,
    organisation_fields,
    staff_fields,
    temporary_password,
)
from desktop.ui.admin_hellowork import HelloWorkDialog
from desktop.ui.admin_organisations import OrganisationsDialog
from desktop.ui.admin_staff import StaffDialog
from desktop.ui.forms import ActionDialog
from desktop.ui.intake import IntakeDialog
from desktop.ui.ledger_dialog import LedgerImportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_wizard import SetupWizard
from desktop.ui.tasks import TaskRunner

PASSWORD = "password-123"
ALL_SCOPE = ["identity_contact", "health_barriers", "education_work_history",
             "job_search_status", "placement_retention"]


def shot(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> None:
    if size is not None:
        widget.resize(*size)
    widget.show()
    grab(widget, name)
    widget.close()


def form_dialog(title: str, build, intro: str = "", ok: str = "保存") -> ActionDialog:  # type: ignore[no-untyped-def]
    """The dialog a 管理 screen opens, shown rather than run (nothing is saved)."""
    return ActionDialog(title, build, lambda v: None, intro, ok)


def office(tmp: Path) -> tuple[Services, Actor, object]:
    opened = create_database(Config(tmp / "office", passphrase="admin screens passphrase"))
    services = build_services(opened.db, opened.device_id)
    services.auth.create_first_admin("admin", "管理 太郎", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    DemoService(services.ctx).generate(admin, 400, seed=3)
    services.organisations.add(admin, OrganisationInput(
        "つなぎ市生活自立相談センター", kind="independent_support_contracted",
        head_title="つなぎ市生活自立相談センター長", head_name="大野 みどり", postal_code="198-0002",
        address="東京都つなぎ市本町二丁目3番4号", phone="042-555-0200", doc_symbol="つ自"))
    return services, admin, opened


def admin_screens(services: Services, admin: Actor, runner: TaskRunner) -> None:
    window = MainWindow(services, admin, runner)
    window.resize(1366, 820)
    window.show()
    settle()
    menu = window.findChild(QMenu, "adminMenu")
    assert menu is not None
    menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    grab(menu, "24-admin-menu")
    menu.close()

    shot(OrganisationsDialog(services, admin, runner), "25-admin-organisations")
    record = services.organisations.organisations()[0]
    shot(form_dialog("組織の編集", lambda f: organisation_fields(f, record),
                     "支援要請書などの書類に、発信者として印刷されます。"),
         "26-admin-organisation-edit", (600, 640))
    offices = HelloWorkDialog(services, admin, runner)
    offices.show_inactive.setChecked(True)
    shot(offices, "27-admin-hellowork")
    yokohama = next(o for o in services.offices.offices() if o.name == "ハローワーク梅田")
    shot(form_dialog("ハローワークの編集", lambda f: office_fields(f, yokohama),
                     "支援要請書は「所長の職名　殿」宛てに印刷されます。同意書の提供先には通称を書きます。"),
         "28-admin-hellowork-edit", (600, 640))
    shot(StaffDialog(services, admin, runner), "29-admin-staff")
    organisations = services.organisations.organisations()

    def new_staff(f):  # type: ignore[no-untyped-def]
        staff_fields(f, organisations, admin.organisation_id)
        f.text("password", "初期パスワード（本人が最初のログインで変更）", temporary_password())
        f.fields["username"].setText("cw09")
        f.fields["display_name"].setText("小野 結衣")
        f.fields["phone_extension"].setText("2109")

    shot(form_dialog("職員の登録", new_staff, ok="登録"), "30-admin-staff-add", (560, 420))

    move = CaseloadMoveDialog(services, admin, runner)
    move.source.setCurrentIndex(move.source.findText("青山 里美", Qt.MatchFlag.MatchContains))
    move.target.setCurrentIndex(move.target.findText("石原 正人", Qt.MatchFlag.MatchContains))
    move.preview()
    shot(move, "31-admin-move-caseload")

    # A person reassigned once: the 担当 tab with its history.
    staff = {s.username: s for s in services.persons.assignable_staff(admin)}
    first = window.caseload_model.rows[0] if window.caseload_model.rows else None
    if first is not None:
        services.persons.assign_caseworker(admin, first.person_id, staff["cw05"].id)
        view = window.open_person(first.person_id)
        view.tabs.setCurrentWidget(view.assignment_tab)
        settle()
        grab(window, "32-person-assignment")

    intake = IntakeDialog(services, admin, window, list(staff.values()))
    combo = intake.form.fields["caseworker"]
    combo.setCurrentIndex(2)  # type: ignore[attr-defined]
    shot(intake, "33-intake-caseworker", (600, 760))
    window.close()


def password_screen(services: Services) -> None:
    from desktop.ui.password_dialog import _t as login_t  # the dialog's own texts

    def build(f):  # type: ignore[no-untyped-def]
        for name, text in (("new", login_t("新しいパスワード（{n}文字以上）").format(n=8)),
                           ("confirm", login_t("新しいパスワード（確認）"))):
            f.text(name, text).setEchoMode(QLineEdit.EchoMode.Password)

    dialog = form_dialog(login_t("パスワードの変更"), build, login_t(
        "初期パスワード（または管理者がリセットしたパスワード）でログインしました。"
        "使い始める前に、自分だけが知っている新しいパスワードに変更してください。"),
        login_t("変更してログイン"))
    shot(dialog, "34-initial-password", (520, 300))


def ledger_with_new_offices(services: Services, admin: Actor, runner: TaskRunner,
                            tmp: Path) -> None:
    header = [label for _, label in COLUMNS]
    rows = [
        {"ケース番号": "L-0001", "氏名": "新井 一郎", "フリガナ": "アライ イチロウ", "生年月日": "S52.3.4",
         "対象者区分": "生保", "担当者": "青山 里美", "受付日": "R8.4.6", "同意日": "R8.4.8",
         "支援要請日": "R8.4.10", "支援要請先": "ハローワーク新宿"},
        {"ケース番号": "L-0002", "氏名": "森 さくら", "フリガナ": "モリ サクラ", "生年月日": "H2.11.20",
         "対象者区分": "生活困窮者", "担当者": "cw02", "受付日": "R8.4.8", "同意日": "R8.4.9",
         "支援要請日": "R8.4.13", "支援要請先": "ハローワーク立川"},
        {"ケース番号": "L-0003", "氏名": "林 健太", "フリガナ": "ハヤシ ケンタ", "生年月日": "S60.2.3",
         "対象者区分": "生活保護受給者", "受付日": "R8.4.9", "同意日": "R8.4.9", "支援要請日": "R8.4.14",
         "支援要請先": "ハローワーク府中", "支援開始日": "R8.4.20", "就職日": "R8.5.11",
         "事業所名": "株式会社ひかり物流", "雇用期間区分": "期間の定めなし", "1か月定着": "済"},
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[r.get(h, "") for h in header] for r in rows])
    path = tmp / "就労支援台帳_令和8年度.csv"
    path.write_bytes(out.getvalue().encode("cp932"))
    dialog = LedgerImportDialog(services, admin, runner, path)
    shot(dialog, "35-ledger-new-offices")


def wizard_screens(tmp: Path, runner: TaskRunner) -> None:
    """A brand-new office meets the wizard after its first administrator."""
    opened = create_database(Config(tmp / "new", passphrase="admin screens passphrase"))
    services = build_services(opened.db, opened.device_id)
    services.auth.create_first_admin("admin", "管理 太郎", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    organisation = services.organisations.organisations()[0]
    wizard = SetupWizard(services, admin, runner, organisation)
    wizard.show()
    values = {"name": "横浜市中区福祉保健センター", "head_title": "中区福祉保健センター長",
              "head_name": "山本 一郎", "postal_code": "231-0021", "address": "横浜市中区日本大通35",
              "phone": "045-224-8181", "fax": "045-224-8189", "doc_symbol": "中福"}
    for name, value in values.items():
        wizard.organisation_form.fields[name].setText(value)  # type: ignore[attr-defined]
    grab(wizard, "36-wizard-organisation")
    wizard.next_step()
    office_values = {"name": "ハローワーク横浜", "official_name": "横浜公共職業安定所",
                     "head_title": "横浜公共職業安定所長", "address": "横浜市中区山下町209",
                     "phone": "045-663-8609"}
    for name, value in office_values.items():
        wizard.office_form.fields[name].setText(value)  # type: ignore[attr-defined]
    wizard.office_form.fields["navigators"].setPlainText(  # type: ignore[attr-defined]
        "田島 聡子 045-663-8610\n小松 宏 045-663-8611")
    wizard.add_office()
    wizard.office_form.fields["name"].setText("中区福祉保健センター内ハローワーク窓口")  # type: ignore[attr-defined]
    wizard.office_form.fields["official_name"].setText("横浜公共職業安定所中区常設窓口")  # type: ignore[attr-defined]
    wizard.office_form.fields["head_title"].setText("横浜公共職業安定所長")  # type: ignore[attr-defined]
    wizard.office_form.fields["kind"].setCurrentIndex(1)  # type: ignore[attr-defined]
    wizard.add_office()
    grab(wizard, "37-wizard-hellowork")
    wizard.next_step()
    for username, name, role in (("kato", "加藤 誠", 0), ("sato", "佐藤 花", 0),
                                 ("suzuki", "鈴木 一郎", 1)):
        form = wizard.staff_form
        form.fields["username"].setText(username)  # type: ignore[attr-defined]
        form.fields["display_name"].setText(name)  # type: ignore[attr-defined]
        form.fields["role"].setCurrentIndex(2 if role == 0 else 1)  # type: ignore[attr-defined]
        wizard.add_staff()
    grab(wizard, "38-wizard-staff")
    wizard.next_step()
    grab(wizard, "39-wizard-done")
    wizard.close()
    opened.db.close()  # type: ignore[attr-defined]


def main() -> None:
    app = QApplication(sys.argv)
    set_up(app)
    runner = TaskRunner(CrashReporter().report, inline=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        services, admin, opened = office(tmp)
        admin_screens(services, admin, runner)
        password_screen(services)
        ledger_with_new_offices(services, admin, runner, tmp)
        opened.db.close()  # type: ignore[attr-defined]
        wizard_screens(tmp, runner)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QPushButton):
            widget.deleteLater()
    print("done")


if __name__ == "__main__":
    main()
