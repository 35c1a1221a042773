"""Every window and dialog fits an office laptop's screen: each is opened offscreen on a
1024×700 screen (tests/ui/conftest.py) and every button in it must lie on the screen, or in
a scroll area that does. One test runs this file again on 1366×768 at 125 % scaling and
with the largest text size."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.services.consent import ScanRecord
from desktop.services.ledger import LedgerPreview, PreviewRow
from desktop.services.outreach import Conflict, FieldDiff, ImportPlan
from desktop.ui import dialogs, language_dialog, server_dialog, text_size_dialog
from desktop.ui.admin_assignment import CaseloadMoveDialog
from desktop.ui.admin_hellowork import HelloWorkDialog
from desktop.ui.admin_organisations import OrganisationsDialog
from desktop.ui.admin_staff import StaffDialog
from desktop.ui.dialogs import StaleRecordDialog
from desktop.ui.forms import ActionDialog
from desktop.ui.intake import IntakeDialog
from desktop.ui.issue_dialog import IssueDialog
from desktop.ui.ledger_dialog import LedgerImportDialog
from desktop.ui.login import LoginDialog, PassphraseDialog, RecoveryKeyDialog, SetupDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.outreach_dialogs import OutreachImportDialog, caseworker_dialog, passphrase_dialog
from desktop.ui.person_view import PersonView
from desktop.ui.preview import PreviewDialog
from desktop.ui.scan_viewer import ScanViewerDialog
from desktop.ui.setup_wizard import SetupWizard
from tests.conftest import World
from tests.services.helpers import build_report_caseload, to_state
from tests.ui.conftest import DialogDriver
from tests.ui.fakes import FakeRunner

KEY = "-".join(["ABCD"] * 16)


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _reach(widget: QWidget) -> QRect:
    """Where the widget can be seen: its own rectangle, or, inside a scroll area, the
    area's window onto it (it is reached by scrolling), and so on outwards."""
    rect = _global(widget)
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            rect = _global(parent)
        parent = area if isinstance(area, QAbstractScrollArea) else parent.parentWidget()
    return rect


def _pages(window: QWidget) -> Iterator[None]:
    """Every page of every tab widget in the window, each in turn."""
    yield
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield


def assert_fits(window: QWidget, checked: list[str]) -> None:
    """The window is on the screen, and so is every button of every tab of it."""
    window.show()
    QApplication.processEvents()
    screen = window.screen().availableGeometry()
    name = window.windowTitle() or type(window).__name__
    assert screen.contains(window.frameGeometry()), (name, window.frameGeometry(), screen)
    buttons = 0
    for _ in _pages(window):
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible():
                continue
            buttons += 1
            assert screen.contains(_reach(button)), (name, button.text(), _reach(button),
                                                     screen)
    assert buttons, name
    for _ in _pages(window):
        for area in window.findChildren(QPlainTextEdit):
            if area.isVisible() and not area.isReadOnly():
                assert_shows_lines(area, 3, name)
    checked.append(name)


def assert_shows_lines(area: QPlainTextEdit, lines: int, name: str = "") -> None:
    """``area`` shows at least ``lines`` whole lines (a note field once showed two and a
    bit of three)."""
    need = area.fontMetrics().lineSpacing() * lines + 2 * area.document().documentMargin()
    assert area.viewport().height() >= need, (name, area.objectName(),
                                              area.viewport().height(), need)


@pytest.fixture
def checked() -> list[str]:
    return []


@pytest.fixture
def fit_driver(driver: DialogDriver, checked: list[str]) -> DialogDriver:
    """Every ActionDialog that opens is checked, then cancelled."""
    def check(dialog: ActionDialog) -> None:
        assert_fits(dialog, checked)
        dialog.reject()

    driver.queue[:] = []
    driver.then = lambda fill: driver  # type: ignore[method-assign]
    driver.exec = lambda dialog: check(dialog) or 0  # type: ignore[method-assign]
    return driver


def test_the_screen_is_an_office_laptops() -> None:
    screen = QApplication.primaryScreen().availableGeometry()
    expected = (1093, 576) if os.environ.get("TSUNAGI_TEST_SCREEN") == "125" else (1024, 700)
    assert (screen.width(), screen.height()) == expected
    scale = int(os.environ.get("TSUNAGI_TEST_TEXT_SCALE", "100"))
    assert QApplication.font().pointSize() == round(10 * scale / 100)


def test_sign_in_set_up_and_key_dialogs_fit(qtbot: QtBot, checked: list[str]) -> None:
    for dialog in (LoginDialog(username="cwa"), LoginDialog(locked_user="cwa", idle=False),
                   SetupDialog(FakeRunner(print), lambda *a: "", True,
                               open_kit=lambda *a: ""),
                   RecoveryKeyDialog(KEY), PassphraseDialog("鍵がありません")):
        qtbot.addWidget(dialog)
        assert_fits(dialog, checked)
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.confirmed.setChecked(True)
    assert len(checked) == 5


def test_the_main_window_and_a_whole_record_fit(
        qtbot: QtBot, world: World, fit_driver: DialogDriver, checked: list[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The main window with each of its tabs, a person in 定着支援 with each of theirs, and
    every dialog their buttons open."""
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    monkeypatch.setattr(dialogs, "show_error", lambda *a: None)
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: assert_fits(self, checked) or 0)
    monkeypatch.setattr(IssueDialog, "exec", lambda self: assert_fits(self, checked) or 0)
    build_report_caseload(world)
    person = world.person(family_name="長谷川", given_name="久美子",
                          family_kana="ハセガワ", given_kana="クミコ")
    to_state(world, person, "retention")
    errors: list[BaseException] = []
    runner = FakeRunner(errors.append)
    window = MainWindow(world.services, world.supervisor, runner, tmp_path)
    qtbot.addWidget(window)
    window.reports.compute()
    assert_fits(window, checked)
    for state in ("candidate", "screening", "consented", "referred", "active"):
        someone = world.person()
        to_state(world, someone, state)
        step = window.open_person(someone, "episode")
        for button in list(step.buttons.values()):  # every workflow action's dialog
            if button.isEnabled():
                button.click()
        window.close_tab(window.tabs.indexOf(step))
    view = window.open_person(person)
    assert isinstance(view, PersonView)
    view.tabs.setCurrentIndex(1)
    assert_fits(window, checked)
    for button in list(view.buttons.values()):
        if button.isEnabled():
            button.click()
    for text in ("同意を記録", "新しい支援エピソード", "プランを改訂", "保護の変更を記録",
                 "見直しの結果を記録"):
        for button in view.findChildren(QAbstractButton):
            if button.text() == text and button.isEnabled():
                button.click()
    view.checkpoints_view.selectRow(0)
    view.record_checkpoint()
    view.print_form("packet")  # the issue dialog (cancelled)
    view.print_form("consent")  # the preview
    window.intake()
    window.change_password()
    window.reports.edit_targets()
    text_size_dialog.choose_text_size(window, tmp_path)
    language_dialog.choose_language(window, tmp_path)
    server_dialog.configure_server(window, runner, tmp_path)
    passphrase_dialog(window, "出張用キット", confirm=True)
    caseworker_dialog(window, world.services.auth.list_users(world.supervisor))
    assert errors == []
    titles = " ".join(checked)
    for expected in ("検討を開始", "所内協議の結果", "ハローワークへ支援要請",
                     "HW受理・支援開始", "差戻しを記録", "就職を記録", "離職を記録", "支援を終了",
                     "同意を記録", "定着確認の結果", "新規受付", "発行前の確認", "印刷プレビュー",
                     "パスワードの変更", "文字の大きさ", "データベースの接続先"):
        assert expected in titles, expected


def test_the_administration_screens_and_every_step_of_the_set_up_wizard_fit(
        qtbot: QtBot, world: World, checked: list[str]) -> None:
    """The 管理 menu's windows (wide tables: they used to open 1,120 and 1,260 pixels wide,
    past the right edge of a 1024×700 screen) and the first-run wizard, step by step."""
    errors: list[BaseException] = []
    services, admin = world.services, world.admin
    runner = FakeRunner(errors.append)
    runner.bind(services, admin)
    for dialog in (OrganisationsDialog(services, admin, runner),
                   HelloWorkDialog(services, admin, runner), StaffDialog(services, admin, runner),
                   CaseloadMoveDialog(services, admin, runner)):
        qtbot.addWidget(dialog)
        assert_fits(dialog, checked)
    (organisation,) = [o for o in services.organisations.organisations()
                       if o.id == admin.organisation_id]
    wizard = SetupWizard(services, admin, runner, organisation)
    qtbot.addWidget(wizard)
    for step in range(4):
        wizard.go(step)
        assert_fits(wizard, checked)
    assert errors == []
    assert len(checked) == 8


def test_the_intake_with_its_duplicate_warning_fits(
        qtbot: QtBot, world: World, checked: list[str]) -> None:
    world.person(family_kana="ヤマダ", given_kana="タロウ", birth_date=date(1980, 4, 1))
    dialog = IntakeDialog(world.services, world.cw_a, FakeRunner(print))
    qtbot.addWidget(dialog)
    for name, text in (("family_kana", "ヤマダ"), ("given_kana", "タロウ"),
                       ("birth_date", "S55.4.1")):
        dialog.form.fields[name].setText(text)  # type: ignore[attr-defined]
    dialog.check_duplicates()
    assert dialog.duplicate_box.isVisibleTo(dialog)
    assert_fits(dialog, checked)


def test_import_preview_kit_conflicts_and_stale_save_fit(
        qtbot: QtBot, world: World, checked: list[str], tmp_path: Path) -> None:
    runner = FakeRunner(lambda exc: None)
    rows = [PreviewRow(i + 2, ("new", "exists", "rejected")[i % 3], f"L-{i}", "山田 太郎",
                       "R7.4.1", ["生年月日が読めません"] * (i % 3 == 2))
            for i in range(60)]
    ledger = LedgerImportDialog.__new__(LedgerImportDialog)
    world.services.ledger.preview = lambda actor, path: LedgerPreview(  # type: ignore[method-assign]
        path.name, "cp932", rows, [], ["備考"])
    LedgerImportDialog.__init__(ledger, world.services, world.admin, runner,
                                tmp_path / "台帳.xlsx")
    qtbot.addWidget(ledger)
    assert_fits(ledger, checked)
    conflicts = [Conflict(f"persons:{i}", "persons", str(i), "both_changed",
                          f"山田 太郎（L-{i}）の連絡先",
                          [FieldDiff("phone_mobile", "090-1111-2222", "080-3333-4444"),
                           FieldDiff("address", "東京都新宿区西新宿2-8-1", "東京都新宿区大久保")])
                 for i in range(6)]
    plan = ImportPlan("kit", False, {}, {}, conflicts, 3, {}, [])
    kit = OutreachImportDialog(world.services, world.admin, runner, tmp_path / "k.tsunagi-kit",
                               "pass", plan)
    qtbot.addWidget(kit)
    assert_fits(kit, checked)
    stale = StaleRecordDialog([("住所", "東京都新宿区西新宿2-8-1", "東京都新宿区大久保2-2")] * 12)
    qtbot.addWidget(stale)
    assert_fits(stale, checked)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("TSUNAGI_TEST_SCREEN") is not None,
                    reason="already a run on another screen (started by this test)")
@pytest.mark.parametrize(("screen", "text_scale"), [("125", "100"), ("100", "150"),
                                                    ("125", "150")])
def test_everything_fits_at_125_percent_scaling_and_with_large_text(
        screen: str, text_scale: str) -> None:
    """The same checks in a new process (a QApplication's screen is fixed): on 1366×768 at
    125 % scaling, less the task bar (1093×576 in Qt's units, shorter than 1024×700), and
    with the text size at 150 %."""
    env = {**os.environ, "TSUNAGI_TEST_SCREEN": screen, "TSUNAGI_TEST_TEXT_SCALE": text_scale,
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           str(Path(__file__)), "-k", "not large_text"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def test_dialogs_keep_the_buttons_outside_the_scrolled_form(qtbot: QtBot, world: World) -> None:
    """A long form scrolls; its OK and Cancel stay visible below it."""
    dialog = IntakeDialog(world.services, world.cw_a, FakeRunner(print))
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    box_buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text() in ("登録する",
                                                                                   "キャンセル")]
    assert len(box_buttons) == 2
    for button in box_buttons:
        assert not isinstance(button.parentWidget().parentWidget(), QAbstractScrollArea)
        assert dialog.screen().availableGeometry().contains(_global(button))


def test_the_routes_costs_and_network_screens_fit(
        qtbot: QtBot, world: World, fit_driver: DialogDriver, checked: list[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The 就労準備・経路 and 支援費用 tabs with every dialog they open, and the 連携 menu's
    協力事業所 and 会議の記録 screens with the meeting dialog full of rows."""
    from desktop.services.meetings import CaseDecision
    from desktop.ui.employers_dialog import EmployersDialog
    from desktop.ui.meetings_dialog import MeetingDialog, MeetingsDialog, meeting_context
    from tests.services import route_helpers as rh

    monkeypatch.setattr(PreviewDialog, "exec", lambda self: assert_fits(self, checked) or 0)
    person = world.person()
    ep = rh.screened(world, person, route="work_experience")
    world.services.routes.assess_readiness(world.cw_a, ep, rh.assessment(low=("移動手段",)))
    employer = rh.employer(world)
    world.services.routes.start_activity(world.cw_a, ep, rh.experience(employer))
    world.services.costs.record_cost(world.cw_a, ep, rh.fare())
    world.services.meetings.record_meeting(world.cw_a, rh.meeting(world, (
        CaseDecision(person, "職場体験を継続"),)))
    errors: list[BaseException] = []
    runner = FakeRunner(errors.append)
    runner.bind(world.services, world.cw_a)
    window = MainWindow(world.services, world.cw_a, runner, tmp_path)
    qtbot.addWidget(window)
    view = window.open_person(person, "routes")
    assert_fits(window, checked)
    view.routes_tab.activities_view.selectRow(0)
    for button in (view.routes_tab.assess_button, view.routes_tab.route_button,
                   *view.routes_tab.add_buttons.values(), view.routes_tab.progress_button,
                   view.routes_tab.end_button, view.costs_tab.add_button,
                   view.costs_tab.print_button):
        assert button.isEnabled(), button.text()
        button.click()
    for dialog in (EmployersDialog(world.services, world.cw_a, runner, window),
                   MeetingsDialog(world.services, world.cw_a, runner, window)):
        assert_fits(dialog, checked)
        dialog.close()
    read: list[Any] = []
    runner.read(lambda: meeting_context(world.services, world.cw_a), read.append)
    context = read[0]
    meeting = MeetingDialog(world.services, world.cw_a, runner, context, None, window)
    for i in range(8):
        meeting.add_attendee(context.own, f"職員 {i}", "相談支援員")
        meeting.add_case(world.person(), f"山田 太郎（T-{i}）", "継続")
    assert_fits(meeting, checked)
    meeting.close()
    from desktop.ui.network_menu import edit_lists
    edit_lists(window, world.services, world.admin, runner)
    assert errors == []
    titles = " ".join(checked)
    for expected in ("就労準備度の評価", "支援の経路を変更", "就労準備支援事業を記録",
                     "職場体験・中間的就労を記録", "職業訓練を記録", "出席・経過を記録", "終了を記録",
                     "支援費用の支給を記録", "支援費用の受領書", "連携 — 協力事業所", "連携 — 会議の記録",
                     "会議の記録", "就労準備度の評価項目・支援費用の財源"):
        assert expected in titles, expected


def test_the_signed_original_viewer_fits_with_its_page_in_view(
        qtbot: QtBot, world: World, checked: list[str]) -> None:
    """A consent's signed original (an A4 scan at 300 dpi) in the viewer: on the screen,
    every button on it, and the page fitted inside the window."""
    buffer = io.BytesIO()
    Image.new("RGB", (2480, 3508), "white").save(buffer, "JPEG")
    content = buffer.getvalue()
    record = ScanRecord(uuid.uuid4(), uuid.uuid4(), "image/jpeg", "同意書_署名済み.jpg",
                        len(content), "0" * 64, date(2026, 6, 15), "青山 里美")
    viewer = ScanViewerDialog(record, content)
    qtbot.addWidget(viewer)
    assert_fits(viewer, checked)
    viewer.fit_to_window()
    room = viewer.scroll_area.viewport().size()
    assert 0 < viewer.page.height() <= room.height() and viewer.page.width() <= room.width()
    assert checked == [viewer.windowTitle()]
