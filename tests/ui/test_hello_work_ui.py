"""Hello Work's side on the screens: the ハローワーク tab (number, navigator, activities, a
reported hire confirmed as the placement), the 支援状況連絡票 import preview, and 今日の予定."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui import dialogs, preview
from desktop.ui.exchange_dialog import ExchangeImportDialog
from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.person_view import PersonView
from tests.conftest import World
from tests.services.helpers import to_state
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner
from tests.ui.test_full_case import choose, type_into, type_text


def _open(qtbot: QtBot, window: MainWindow, world: World) -> PersonView:
    pid = world.person(family_name="代田", given_name="花子")
    to_state(world, pid, "active")
    view = window.open_person(pid)
    qtbot.waitUntil(lambda: view.hello_work is not None)
    view.tabs.setCurrentWidget(view.hello_work_page)
    return view


def _texts(view: PersonView) -> list[list[str]]:
    model = view.activities_model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_hello_work_tab_records_activities_and_confirms_a_hire(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World,
        qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = _open(qtbot, window, world)
    assert "支援要請" in view.hw_referral.text() and "ハローワーク新宿" in view.hw_referral.text()
    type_text(qtbot, view.hw_number, "13010-555")
    type_text(qtbot, view.hw_navigator, "田島 聡子")
    qtbot.mouseClick(view.hw_save, Qt.MouseButton.LeftButton)
    episode = view.episode()
    assert episode is not None
    case = world.services.hello_work.case(world.cw_a, episode.id)
    assert (case.job_seeker_number, case.navigator) == ("13010-555", "田島 聡子")

    refused: list[str] = []

    def referral(d: ActionDialog) -> None:
        choose(d, "kind", "職業紹介")
        type_into(qtbot, d, "on", "R8.6.1")
        ok(d)  # no employer: refused beside the field, the dialog stays open
        refused.append(d.form.errors["company"].text())
        type_into(qtbot, d, "company", "株式会社東和フーズ")
        type_into(qtbot, d, "job_title", "調理補助")
        ok(d)

    def hired(d: ActionDialog) -> None:
        choose(d, "kind", "採否")
        type_into(qtbot, d, "on", "R8.6.10")
        type_into(qtbot, d, "company", "株式会社東和フーズ")
        type_into(qtbot, d, "job_title", "調理補助")
        choose(d, "result", "採用")
        ok(d)

    driver.then(referral).then(hired)
    view.hw_add.click()
    view.hw_add.click()
    assert refused == ["事業所名を入力してください"]
    assert _texts(view) == [
        ["令和8年6月1日", "職業紹介", "株式会社東和フーズ", "調理補助", "", "入力", ""],
        ["令和8年6月10日", "採否", "株式会社東和フーズ", "調理補助", "採用（就職の記録待ち）",
         "入力", ""]]
    qtmodeltester.check(view.activities_model)
    assert view.hw_proposals.isVisible() and "株式会社東和フーズ" in view.hw_proposals.text()
    assert view.hw_confirm.isEnabled()

    prefilled: dict[str, str] = {}

    def confirm(d: ActionDialog) -> None:
        for name in ("start_on", "employer", "job_title"):
            prefilled[name] = d.form.fields[name].text()  # type: ignore[attr-defined]
        type_into(qtbot, d, "start_on", "R8.6.15")
        choose(d, "term_category", "定めなし")
        ok(d)

    driver.then(confirm)
    view.hw_confirm.click()
    assert prefilled == {"start_on": "令和8年6月10日", "employer": "株式会社東和フーズ",
                         "job_title": "調理補助"}
    assert world.services.workflow.episode(world.cw_a, episode.id).state == "retention"
    assert _texts(view)[1][4] == "採用（就職として記録済み）"
    assert not view.hw_proposals.isVisible()


def test_an_activity_is_removed_after_asking(qtbot: QtBot, window: MainWindow,
                                             driver: DialogDriver, world: World) -> None:
    view = _open(qtbot, window, world)
    episode = view.episode()
    assert episode is not None
    from desktop.services.hello_work import ActivityInput

    world.services.hello_work.record_activity(world.cw_a, episode.id,
                                              ActivityInput("consultation", date(2026, 6, 1)))
    view.reload()
    qtbot.waitUntil(lambda: view.activities_model.rowCount() == 1)
    view.activities_view.selectRow(0)
    view.hw_remove.click()
    assert view.activities_model.rowCount() == 0


def test_the_exchange_sheet_is_previewed_row_by_row_then_imported(
        qtbot: QtBot, window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = world.person(case_number="S-1", family_name="青木")
    ep = to_state(world, pid, "active")
    [referral] = world.services.records.referrals(world.cw_a, ep)
    sheet = world.services.hello_work.exchange_sheet(world.cw_a, world.office_id)
    wb = load_workbook(io.BytesIO(sheet.data))
    ws = wb["連絡票"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "支援要請番号")
    col = {ws.cell(header, c).value: c for c in range(1, 16)}
    ws.cell(header + 1, col["種別"]).value = "採否"
    ws.cell(header + 1, col["日付"]).value = "R8.6.12"
    ws.cell(header + 1, col["事業所名"]).value = "株式会社東和フーズ"
    ws.cell(header + 1, col["採否"]).value = "採用"
    stray = ws.max_row + 1
    for title, value in (("支援要請番号", "2099-0001"), ("ケース番号", "Z-9"),
                         ("種別", "面接"), ("日付", "R8.6.3"), ("事業所名", "A社")):
        ws.cell(stray, col[title]).value = value
    path = tmp_path / "filled.xlsx"
    wb.save(path)

    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(path))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    seen: dict[str, object] = {}

    def drive(dialog: ExchangeImportDialog) -> int:
        seen["summary"] = dialog.summary.text()
        seen["rows"] = [[dialog.table.item(r, c).text() for c in (1, 2, 7)]
                        for r in range(dialog.table.rowCount())]
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ExchangeImportDialog, "exec", drive)
    window.exchange_import_action.trigger()
    assert "追加 1行（うち就職の提案 1）" in str(seen["summary"])
    assert seen["rows"] == [
        ["誤り", "2099-0001", "ハローワーク新宿への支援要請に「2099-0001」はありません"],
        ["追加（就職の提案）", referral.number or "", "R8.6.12 採否 株式会社東和フーズ 採用"]]
    assert shown and "就職の提案 1 件" in shown[0]

    agenda = window.agenda_model
    qtbot.waitUntil(lambda: any(row.kind == "hire_reported" for row in agenda.rows))
    row = next(i for i, r in enumerate(agenda.rows) if r.kind == "hire_reported")
    assert agenda.data(agenda.index(row, 1)) == "HW採用連絡"
    view = window.open_agenda_item(agenda.rows[row])
    qtbot.waitUntil(lambda: view.hello_work is not None)
    assert view.tabs.currentWidget() is view.hello_work_page
    assert view.hw_confirm.isEnabled()


def test_the_exchange_sheet_is_saved_for_the_chosen_office(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    to_state(world, world.person(), "active")
    target = tmp_path / "sheet.xlsx"
    monkeypatch.setattr(preview, "choose_save_path", lambda *a: str(target))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    driver.then(ok)  # the only office, ハローワーク新宿
    window.exchange_export_action.trigger()
    assert shown and "1 件の支援要請を書き出しました" in shown[0]
    assert load_workbook(target)["連絡票"]["B2"].value == "ハローワーク新宿"


def test_a_viewer_cannot_exchange(qtbot: QtBot, world: World) -> None:
    w = MainWindow(world.services, world.viewer, FakeRunner(lambda e: None))
    qtbot.addWidget(w)
    assert not w.exchange_export_action.isEnabled()
    assert not w.exchange_import_action.isEnabled()
    assert isinstance(w.findChild(QPushButton), QPushButton)


def test_the_hello_work_tab_and_the_exchange_preview_fit_an_office_laptop(
        qtbot: QtBot, window: MainWindow, world: World, tmp_path: Path) -> None:
    from tests.ui.test_fit import assert_fits

    checked: list[str] = []
    view = _open(qtbot, window, world)
    assert_fits(window, checked)
    sheet = world.services.hello_work.exchange_sheet(world.cw_a, world.office_id)
    wb = load_workbook(io.BytesIO(sheet.data))
    ws = wb["連絡票"]
    for r in range(7, 67):  # sixty rows that are no open referral of the office
        for c, value in enumerate(("2099-0001", "Z-9", "面接", "R8.6.3", "A社"), start=1):
            ws.cell(r, (1, 2, 8, 9, 11)[c - 1]).value = value
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    dialog = ExchangeImportDialog(world.services, world.cw_a, window.runner, path, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 60
    assert_fits(dialog, checked)
    # The ハローワーク tab follows the plan's (the 担当 tab of issue 17 comes after it).
    index = view.tabs.indexOf(view.hello_work_page)
    assert view.tabs.tabText(index) == "ハローワーク"
    assert view.tabs.tabText(index - 1) == "支援プラン・支援要請"
