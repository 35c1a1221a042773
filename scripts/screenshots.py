"""Render the main screens to docs/screenshots/ from a real (demo) database.

    TSUNAGI_DB_PASSPHRASE=... TSUNAGI_PASSWORD=... python scripts/screenshots.py DATA_DIR [USER]
        [--small]

Windows take their size from the screen (scripts/screenshots runs Xvfb at 1366×768); with
--small (Xvfb at 1024×700) only the main window, 新規受付, the print preview and a consent's
signed original (the 同意 tab and the viewer) are rendered, named *-1024x700.png.

The demo database the pictures come from (the script records a Hello Work 採用 and issues a
支援要請書 in it: never point it at real data):

    export TSUNAGI_DATA_DIR=/tmp/shots-demo TSUNAGI_DB_PASSPHRASE=tsunagi-demo-passphrase
    export TSUNAGI_PASSWORD=tsunagi-demo PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring
    tsunagi init --admin admin --display-name デモ管理者
    tsunagi --user admin demo --persons 1000 --seed 1
    tsunagi --user admin org add つなぎ市生活自立相談センター \
        --kind independent_support_contracted --head-title つなぎ市生活自立相談センター長
    scripts/screenshots /tmp/shots-demo && TSUNAGI_LANG=en scripts/screenshots /tmp/shots-demo

With more than one organisation registered (`org add`), 実績報告 is also rendered with its
organisation picker and 組織別 (43-reports-by-organisation).

Work on the runner's lanes is waited for before each grab (no 読み込み中… in a picture).

In the language saved for DATA_DIR (TSUNAGI_LANG=en overrides): Japanese screens go to
docs/screenshots/, English ones to docs/screenshots/en/ with the same names.

Run under Xvfb for a real window (scripts/screenshots does that), or with
QT_QPA_PLATFORM=offscreen. Each screen is shown, given time to load, and grabbed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import CrashReporter, setup_application
from desktop.config import Config
from desktop.i18n import saved_language
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.ui.intake import IntakeDialog
from desktop.ui.login import LoginDialog, RecoveryKeyDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.preview import PreviewDialog
from desktop.ui.tasks import TaskRunner

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        settle(100)
        waited += 100


def watch(runner: TaskRunner) -> TaskRunner:
    """Grab no screen while ``runner`` has work under way (its result not yet shown, and the
    status bar still saying 読み込み中…)."""
    _runners.append(runner)
    return runner


_runners: list[TaskRunner] = []


def grab(widget: QWidget, name: str) -> None:
    settle()
    wait_for(lambda: not any(r.busy for r in _runners))
    settle(200)  # the results delivered are painted
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def set_up(app: QApplication, data_dir: Path | None = None) -> str:
    """The app's look in the language saved for ``data_dir`` (TSUNAGI_LANG overrides);
    screens of another language than Japanese go to docs/screenshots/<language>/."""
    global OUT
    language = setup_application(app, saved_language(data_dir or Path("/nonexistent")))
    if language != "ja":
        OUT = OUT / language
    OUT.mkdir(parents=True, exist_ok=True)
    return language


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--small"]
    data_dir, user = args[0], (args[1] if len(args) > 1 else "admin")
    small = "--small" in sys.argv
    app = QApplication(sys.argv)
    set_up(app, Path(data_dir))
    opened = open_database(Config.from_env(data_dir))
    services = build_services(opened.db, opened.device_id, defer_views=True)
    runner = watch(TaskRunner(CrashReporter().report))
    runner.bind(services)
    if not small:
        login = LoginDialog(username=user)
        login.show()
        grab(login, "01-login")
        login.close()
    actor = services.auth.login(user, os.environ["TSUNAGI_PASSWORD"])
    window = MainWindow(services, actor, runner, Path(data_dir))
    window.show()
    wait_for(lambda: window.agenda_model.rowCount() > 0)
    if small:
        show_small(window, services, actor, runner)
        window.close()
        runner.shutdown()  # as the app quits: queued work and the view audits first
        opened.db.close()
        return
    grab(window, "02-today")
    window.tabs.setCurrentIndex(1)
    wait_for(lambda: window.caseload_model.rowCount() > 0
             and any(c.isdigit() for c in window.status_count.text()))
    grab(window, "03-caseload")
    rows = [r for r in window.caseload_model.rows if r.state == "retention"]
    window.search.setText("やまだ")
    wait_for(lambda: window.caseload_view.model() is window.search_model)
    grab(window, "04-search")
    hits = window.search_model.rows
    person = window.open_person(hits[0].person_id if hits else
                                window.caseload_model.rows[0].person_id)
    wait_for(lambda: person.person is not None)
    grab(window, "05-person-profile")
    # A person whose episode went far, to show the timeline and records.
    if rows:
        person = window.open_person(rows[0].person_id)
        wait_for(lambda: person.timeline.rowCount() > 0)
    for index, name in ((1, "06-person-episode"), (2, "07-person-consents"),
                        (3, "08-person-contacts"), (4, "09-person-placement"),
                        (5, "10-person-plan")):
        person.tabs.setCurrentIndex(index)
        grab(window, name)
    show_intake(window, services, actor, runner, "24-intake-duplicate")
    show_issue(window, services, actor, runner)
    show_preview(window, services, actor, "15-print-preview")
    show_closing(window, person)
    show_scan(window, services, actor)
    key = RecoveryKeyDialog("-".join(["7F3A", "0C9E", "51D2", "B846"] * 4), window)
    key.show()
    grab(key, "26-recovery-key")
    key.confirmed.setChecked(True)
    key.close()
    show_hello_work(window)
    show_user_menu(window)
    show_reports(window)
    show_ledger_import(window, services, actor, runner)
    show_exchange_import(window, services, actor, runner)
    from desktop.ui.text_size_dialog import text_size_dialog

    sizes = text_size_dialog(window, Path(data_dir))
    sizes.show()
    grab(sizes, "27-text-size")
    sizes.close()
    from desktop.ui.language_dialog import language_dialog

    dialog = language_dialog(window, Path(data_dir))
    dialog.show()
    grab(dialog, "23-language")
    dialog.close()
    window.close()
    runner.shutdown()
    opened.db.close()


def show_hello_work(window: MainWindow) -> None:
    """The ハローワーク tab of a case still in support with several activities."""
    rows = [r for r in window.caseload_model.rows if r.state == "active"]
    best = None
    for row in rows[:60]:
        case = window.services.hello_work.case(window.actor, row.episode_id)
        if best is None or len(case.activities) > len(best[1].activities):
            best = (row, case)
    if best is None:
        return
    # The navigator has just reported a 採用: it waits for the caseworker to record it.
    from desktop.services.hello_work import ActivityInput

    if not best[1].proposals:  # once per database: the script may be run again
        window.services.hello_work.record_activity(
            window.actor, best[0].episode_id, ActivityInput(
                "outcome", window.services.ctx.today(), company="株式会社サンライズ製作所",
                job_title="製造ライン作業", result="hired"))
    person = window.open_person(best[0].person_id, "hello_work", best[0].episode_id)
    wait_for(lambda: person.hello_work is not None and person.episode() is not None
             and person.episode().id == best[0].episode_id)  # type: ignore[union-attr]
    person.activities_view.selectRow(person.activities_model.rowCount() - 1)
    grab(window, "40-person-hello-work")


def show_small(window: MainWindow, services, actor, runner) -> None:  # type: ignore[no-untyped-def]
    """The main window, 新規受付, the print preview and a consent's signed original on a
    1024×700 screen."""
    grab(window, "02-today-1024x700")
    window.tabs.setCurrentIndex(1)
    wait_for(lambda: window.caseload_model.rowCount() > 0)
    grab(window, "03-caseload-1024x700")
    rows = [r for r in window.caseload_model.rows if r.state == "retention"]
    if rows:
        person = window.open_person(rows[0].person_id, "episode")
        wait_for(lambda: person.timeline.rowCount() > 0)
        grab(window, "06-person-episode-1024x700")
    show_intake(window, services, actor, runner, "24-intake-1024x700")
    show_preview(window, services, actor, "15-print-preview-1024x700")
    show_scan(window, services, actor, "-1024x700")


def show_scan(window: MainWindow, services, actor, suffix: str = "") -> None:  # type: ignore[no-untyped-def]
    """The 同意 tab with a signed original attached to the 情報提供同意 (the file, the day
    and who attached it; 61-person-consent-original), and that original in the viewer
    (60-consent-original). The "scan" is the blank 同意書 as printed for signature, attached
    once per database."""
    from desktop.services.caseload import CaseloadFilter
    from desktop.ui.scan_viewer import ScanViewerDialog

    rows = services.caseload.page(actor, CaseloadFilter(states=("active",)), limit=20)
    found = next(((row, sharing[-1]) for row in rows if (sharing := [
        c for c in services.consent.consents(actor, row.episode_id)
        if c.kind == "information_sharing"])), None)
    if found is None:
        return
    row, consent = found
    if not consent.scans:
        paper = services.printing.print_document(actor, "consent", None, blank=True).pdf
        services.consent.attach_scan(actor, consent.id, paper, "同意書_署名済み.pdf")
    scan = services.consent.scans(actor, consent.id)[0]
    person = window.open_person(row.person_id, "consents", row.episode_id)
    wait_for(lambda: any(c.scans for c in person.consents_model.rows))
    person.consents_view.selectRow(next(
        i for i, c in enumerate(person.consents_model.rows) if c.scans))
    grab(window, f"61-person-consent-original{suffix}")
    viewer = ScanViewerDialog(*services.consent.scan_content(actor, scan.id), window)
    viewer.show()
    settle()
    viewer.fit_to_window()
    grab(viewer, f"60-consent-original{suffix}")
    viewer.close()


def show_intake(window: MainWindow, services, actor, runner, name: str) -> None:  # type: ignore[no-untyped-def]
    """新規受付 with a likely duplicate found: the warning above the form, with 開く."""
    existing = window.caseload_model.rows[0]
    family_kana, given_kana = existing.kana.split(" ", 1)
    dialog = IntakeDialog(services, actor, runner, window)
    fields = dialog.form.fields
    for field, text in (("case_number", "R8-0901"), ("family_name", existing.name.split()[0]),
                        ("given_name", existing.name.split()[1]),
                        ("family_kana", family_kana), ("given_kana", given_kana),
                        ("birth_date", existing.birth_date.isoformat()),
                        ("phone_mobile", "090-12")):
        fields[field].setText(text)  # type: ignore[attr-defined]
    fields["birth_date"].editingFinished.emit()  # type: ignore[attr-defined]  # shown in 和暦
    dialog.show()
    dialog.check_duplicates()  # on the read lane: the warning comes back with its result
    wait_for(lambda: dialog.duplicate_box.isVisible())
    fields["phone_mobile"].editingFinished.emit()  # type: ignore[attr-defined]
    settle()
    from PySide6.QtWidgets import QScrollArea

    scroll = dialog.findChild(QScrollArea)
    if scroll is not None:  # the form scrolled down to the message under 電話（携帯）
        scroll.ensureWidgetVisible(dialog.form.errors["phone_mobile"])
    grab(dialog, name)
    dialog.close()


def show_issue(window: MainWindow, services, actor, runner) -> None:  # type: ignore[no-untyped-def]
    """発行前の確認 of a 支援要請書 not issued yet: the texts beside the page, no number."""
    from desktop.services.caseload import CaseloadFilter
    from desktop.ui.issue_dialog import IssueDialog

    rows = services.caseload.page(actor, CaseloadFilter(states=("active",)), limit=20)
    for row in rows:
        try:
            draft = services.printing.draft(actor, "referral", row.episode_id)
        except Exception:
            continue
        if draft.issued:
            continue
        dialog = IssueDialog(draft, runner, window)
        dialog.show()
        grab(dialog, "44-print-issue")
        dialog.close()
        return


def show_user_menu(window: MainWindow) -> None:
    """The name's menu at the top right (パスワードを変更, 画面をロック, ログアウト), drawn
    over the window's top right corner (a grab of the window leaves popups out)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QToolButton

    window.tabs.setCurrentIndex(0)
    button = window.findChild(QToolButton, "userMenu")
    menu = button.menu() if button is not None else None
    if button is None or menu is None:
        return
    # Its right edge under the button's, as Qt places it at the screen's edge.
    menu.popup(button.mapToGlobal(QPoint(button.width() - menu.sizeHint().width(),
                                         button.height())))
    settle()
    wait_for(lambda: not any(r.busy for r in _runners))
    settle(200)
    shot = window.grab()
    at = window.mapFromGlobal(menu.pos())
    painter = QPainter(shot)
    painter.drawPixmap(at, menu.grab())
    painter.end()
    menu.close()
    width = min(shot.width(), 640)
    area = QRect(shot.width() - width, 0, width, min(shot.height(), at.y() + menu.height() + 24))
    shot.copy(area).save(str(OUT / "45-user-menu.png"))
    print("wrote", OUT / "45-user-menu.png")


def show_preview(window: MainWindow, services, actor, name: str) -> None:  # type: ignore[no-untyped-def]
    """The print preview of a referral packet (cover, referral, consent copy, plan)."""
    from desktop.services.caseload import CaseloadFilter

    rows = services.caseload.page(actor, CaseloadFilter(states=("active",)), limit=20)
    for row in rows:
        try:
            document = services.printing.print_document(actor, "packet", row.episode_id)
        except Exception:
            continue
        dialog = PreviewDialog(document, window)
        dialog.show()
        grab(dialog, name)
        dialog.close()
        return


def show_closing(window: MainWindow, person) -> None:  # type: ignore[no-untyped-def]
    """終了 for a person in 定着支援: what becomes of the checks still open is asked."""
    from desktop.ui.forms import ActionDialog

    captured: list[ActionDialog] = []
    original = ActionDialog.exec
    ActionDialog.exec = lambda dialog: captured.append(dialog) or 0  # type: ignore[method-assign]
    try:
        person.tabs.setCurrentIndex(1)
        button = person.buttons.get("closed")
        if button is None or not button.isEnabled():
            return
        button.click()
        # What closing asks about is read on the read lane first; the dialog follows.
        wait_for(lambda: bool(captured) or not any(r.busy for r in _runners))
    finally:
        ActionDialog.exec = original  # type: ignore[method-assign]
    if captured:
        dialog = captured[0]
        dialog.show()
        grab(dialog, "25-close-with-open-checks")
        dialog.close()


def show_reports(window: MainWindow) -> None:
    """実績報告 for the last complete fiscal year (with targets if the office set them), and
    the running year, whose charts stop at this month."""
    view = window.reports
    window.tabs.setCurrentWidget(window.reports_tab)
    view.year.setCurrentIndex(1)
    view.compute()
    wait_for(lambda: view.report is not None)
    grab(window, "16-reports")
    view.details.setCurrentIndex(1)
    grab(window, "17-reports-by-category")
    view.details.setCurrentIndex(0)
    view.report = None
    view.year.setCurrentIndex(0)
    view.compute()
    wait_for(lambda: view.report is not None)
    bar = window.reports_tab.verticalScrollBar()
    bar.setValue(bar.maximum())  # down to the charts, which stop at this month
    grab(window, "42-reports-running-year")
    bar.setValue(0)
    if view.organisation.isVisibleTo(view):
        # With a second organisation registered (`org add`): the picker and 組織別.
        view.report = None
        view.year.setCurrentIndex(1)
        view.compute()
        wait_for(lambda: view.report is not None)
        view.details.setCurrentIndex(view.details.indexOf(view.by_organisation))
        bar.setValue(bar.maximum())
        grab(window, "43-reports-by-organisation")
        bar.setValue(0)
        view.details.setCurrentIndex(0)


def show_exchange_import(window: MainWindow, services, actor, runner) -> None:  # type: ignore[no-untyped-def]
    """The preview of a 支援状況連絡票 that came back filled in: activities, a 採用, a new
    求職番号, and two rows that are not this office's open referrals."""
    import io
    import tempfile

    from openpyxl import load_workbook

    from desktop.ui.exchange_dialog import ExchangeImportDialog

    def sheet_of(office):  # type: ignore[no-untyped-def]
        wb = load_workbook(io.BytesIO(services.hello_work.exchange_sheet(actor, office.id).data))
        ws = wb["連絡票"]
        header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "支援要請番号")
        return ws.max_row - header, office, wb, ws, header

    # The office with the most open referrals (a 常設窓口 may have none).
    _, office, wb, ws, header = max((sheet_of(o) for o in services.offices.offices()),
                                    key=lambda sheet: sheet[0])
    col = {ws.cell(header, c).value: c for c in range(1, 16)}
    today = services.ctx.today()
    firsts = [r for r in range(header + 1, ws.max_row + 1, 3)][:3]
    fills = [
        [("種別", "職業紹介"), ("事業所名", "株式会社サンライズ製作所"), ("職種", "製造ライン作業")],
        [("種別", "面接"), ("事業所名", "株式会社サンライズ製作所")],
        [("種別", "採否"), ("事業所名", "株式会社サンライズ製作所"), ("職種", "製造ライン作業"),
         ("採否", "採用")],
    ]
    for first in firsts:
        for offset, values in enumerate(fills):
            for title, value in [*values, ("日付", today)]:
                ws.cell(first + offset, col[title]).value = value
        ws.cell(first, col["求職番号"]).value = "13010-" + str(first).zfill(8)
    stray = ws.max_row + 1
    for title, value in (("支援要請番号", "2024-0999"), ("ケース番号", "0000000"),
                         ("種別", "職業相談"), ("日付", today)):
        ws.cell(stray, col[title]).value = value
    for title, value in (("支援要請番号", ws.cell(firsts[0], 1).value), ("ケース番号", "9999999"),
                         ("種別", "職業相談"), ("日付", today)):
        ws.cell(stray + 1, col[title]).value = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"支援状況連絡票_{office.name}_記入済み.xlsx"
        wb.save(path)
        dialog = ExchangeImportDialog(services, actor, runner, path, window)
        dialog.show()
        wait_for(lambda: dialog.table.rowCount() > 0)
        grab(dialog, "41-exchange-import")
        dialog.close()


def show_ledger_import(window: MainWindow, services, actor, runner) -> None:  # type: ignore[no-untyped-def]
    """The import preview of a small ledger: two rows already in the database, two new, and
    two with mistakes."""
    import csv
    import io
    import tempfile

    from desktop.services.ledger import COLUMNS
    from desktop.ui.ledger_dialog import LedgerImportDialog

    header = [label for _, label in COLUMNS]
    existing = services.ledger.export_rows(actor)[:2]
    new = [dict.fromkeys(header, "") for _ in range(4)]
    samples = [("N-9001", "新井 一郎", "アライ イチロウ", "S52.3.4", "R8.4.6", "生活保護受給者"),
               ("N-9002", "森 さくら", "モリ サクラ", "H2.11.20", "R8.4.8", "生活困窮者"),
               ("N-9003", "林 健太", "ハヤシ ケンタ", "S60.2.30", "R8.4.9", "生活保護受給者"),
               ("N-9004", "関 陽子", "セキ ヨウコ", "S49.7.1", "R8.4.10", "高齢者")]
    for row, (number, name, kana, birth, intake, category) in zip(new, samples, strict=True):
        row.update({"ケース番号": number, "氏名": name, "フリガナ": kana, "生年月日": birth,
                    "受付日": intake, "対象者区分": category})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(existing)
    writer.writerows([[r[h] for h in header] for r in new])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "就労支援台帳_2026.csv"
        path.write_bytes(out.getvalue().encode("cp932"))
        dialog = LedgerImportDialog(services, actor, runner, path, window)
        dialog.show()
        wait_for(lambda: dialog.table.rowCount() > 0)
        grab(dialog, "18-ledger-import")
        dialog.close()


if __name__ == "__main__":
    main()
    # Everything is written and the database closed. Python's own tear-down of the Qt
    # objects left crashed in PySide6 after the English pass (Fatal Python error:
    # bool_dealloc, while garbage-collecting at finalisation), failing scripts/screenshots
    # before its 1024×700 pass: leave without it.
    sys.stdout.flush()
    os._exit(0)
