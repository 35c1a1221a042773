"""The 実績報告 screen (period, tables, charts, targets, export) and the ledger dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.context import Actor
from desktop.services.ledger import COLUMNS
from desktop.ui import dialogs, preview
from desktop.ui.forms import ActionDialog
from desktop.ui.ledger_dialog import LedgerImportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets import index_of
from tests.conftest import World
from tests.services.helpers import build_report_caseload, transfer_to_a_second_organisation
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner


def _window(qtbot: QtBot, world: World, actor: Actor) -> Iterator[MainWindow]:
    errors: list[BaseException] = []
    w = MainWindow(world.services, actor, FakeRunner(errors.append))
    qtbot.addWidget(w)
    w.show()
    yield w
    assert errors == [], errors


@pytest.fixture
def supervisor_window(qtbot: QtBot, world: World, driver: DialogDriver) -> Iterator[MainWindow]:
    yield from _window(qtbot, world, world.supervisor)


@pytest.fixture
def admin_window(qtbot: QtBot, world: World, driver: DialogDriver) -> Iterator[MainWindow]:
    yield from _window(qtbot, world, world.admin)


def _cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return table.item(row, column).text()


def test_report_screen_shows_figures_targets_and_charts(
        supervisor_window: MainWindow, world: World, driver: DialogDriver,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_report_caseload(world)
    view = supervisor_window.reports
    view.year.setCurrentIndex(view.year.findData(2025))

    def fill_targets(dialog: ActionDialog) -> None:
        dialog.form.fields["placements"].setText("10")  # type: ignore[attr-defined]
        dialog.form.fields["placement_rate"].setText("0.6")  # type: ignore[attr-defined]
        ok(dialog)

    driver.then(fill_targets)
    view.targets_button.click()
    assert world.services.settings.targets(2025) == {"placements": 10, "placement_rate": 0.6}
    view.compute()  # the dialog's save recomputes too; a second run gives the same
    summary = view.summary
    rows = {_cell(summary, r, 0): [_cell(summary, r, c) for c in range(1, 4)]
            for r in range(summary.rowCount())}
    assert rows["就職件数"] == ["7", "10", "70.0%"]
    assert rows["就職率（就職件数÷支援対象者数）"] == ["140.0%", "60.0%", "233.3%"]
    assert rows["支援対象者のうち就職した人の割合"] == ["100.0%", "—", "—"]
    assert rows["うち紹介就職"] == ["6", "", "—"]
    assert rows["支援対象者数"] == ["5", "", "—"]
    assert "令和7年度（2025年度）　令和8年3月31日現在" in view.heading.text()
    assert "就職率 140.0%" in view.heading.text()
    assert [_cell(view.retention, 0, c) for c in range(5)] == ["1か月後", "7", "5", "71.4%", "2"]
    assert [_cell(view.offices, 1, c) for c in range(5)] == ["ハローワーク池袋", "1", "1", "1",
                                                            "1"]
    categories = {_cell(view.by_category, r, 0): r for r in range(view.by_category.rowCount())}
    assert _cell(view.by_category, categories["生活保護受給者"], 3) == "4"
    assert {_cell(view.by_staff, r, 0) for r in range(view.by_staff.rowCount())} == {
        "青山 里美", "石原 正人", "合計"}
    placements = view.placements_chart.chart()
    assert [s.name() for s in placements.series()] == ["", "累計", "目標ペース（年10件）"]
    assert [s.name() for s in view.rate_chart.chart().series()] == ["就職率（累計, %）",
                                                                     "目標 60.0%"]

    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(preview, "choose_save_path", lambda *a: str(target))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    view.export_buttons["xlsx"].click()
    assert shown and str(target) in shown[0]
    assert load_workbook(target).sheetnames == ["概要", "区分別", "担当者別", "ハローワーク別",
                                                "月別", "経路・連携"]


def test_a_report_is_run_for_every_organisation_or_for_one(
        qtbot: QtBot, world: World, driver: DialogDriver) -> None:
    """With two organisations an administrator's picker offers すべての組織 and each one,
    and 組織別 shows a row per organisation; run for one, the heading names it and counts
    only its events. A supervisor of the second organisation gets their own, no choice."""
    build_report_caseload(world)
    west = transfer_to_a_second_organisation(world)
    window = next(_window(qtbot, world, world.admin))
    view = window.reports
    assert view.organisation.isVisibleTo(view)
    assert [view.organisation.itemText(i) for i in range(view.organisation.count())] == [
        "すべての組織", *sorted(o.name for o in world.services.organisations.organisations())]
    assert view.organisation.currentIndex() == 0  # an administrator starts from every one
    assert view.details.isTabVisible(view.details.indexOf(view.by_organisation))
    view.year.setCurrentIndex(view.year.findData(2025))
    view.compute()
    names = [_cell(view.by_organisation, r, 0) for r in range(view.by_organisation.rowCount())]
    assert names == [*view.report["by_organisation"], "合計"]  # type: ignore[index]
    assert west.name not in view.heading.text()

    view.organisation.setCurrentIndex(index_of(view.organisation, west.id))
    view.compute()
    assert f"令和7年度（2025年度）　{west.name}" in view.heading.text()
    rows = {_cell(view.summary, r, 0): _cell(view.summary, r, 1)
            for r in range(view.summary.rowCount())}
    assert rows["就職件数"] == "0"
    # No support targets: no rate (「—」, not 「0.0%」), in the table and the heading.
    assert rows["就職率（就職件数÷支援対象者数）"] == "—"
    assert view.heading.text().endswith("就職率 —")
    assert [_cell(view.retention, 0, c) for c in range(5)] == ["1か月後", "1", "1", "100.0%",
                                                             "0"]

    # Anyone else runs their own organisation's report: no picker, no 組織別.
    theirs = next(_window(qtbot, world, west.supervisor)).reports
    assert not theirs.organisation.isVisibleTo(theirs)
    assert not theirs.details.isTabVisible(theirs.details.indexOf(theirs.by_organisation))
    theirs.year.setCurrentIndex(theirs.year.findData(2025))
    theirs.compute()
    assert f"令和7年度（2025年度）　{west.name}" in theirs.heading.text()
    assert [_cell(theirs.retention, 0, c) for c in range(5)] == ["1か月後", "1", "1", "100.0%",
                                                               "0"]


def test_a_bad_custom_period_is_shown_beside_the_picker(supervisor_window: MainWindow) -> None:
    view = supervisor_window.reports
    view.mode.setCurrentIndex(view.mode.findData("custom"))
    view.start.setText("R7.9.1")
    view.end.setText("R7.4.1")
    view.compute()
    assert view.error.text() == "期間の終わりが始まりより前になっています"
    assert not view.export_buttons["pdf"].isEnabled()


def test_ledger_import_previews_then_imports(
        admin_window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    header = [label for _, label in COLUMNS]
    good = dict.fromkeys(header, "")
    good.update({"ケース番号": "L-1", "氏名": "新井 一郎", "フリガナ": "アライ イチロウ",
                 "生年月日": "S50.1.1", "対象者区分": "生活保護受給者", "受付日": "R8.4.1"})
    bad = {**good, "ケース番号": "L-2", "生年月日": "S50.2.30"}
    path = tmp_path / "ledger.csv"
    path.write_bytes(("\r\n".join(",".join(r) for r in (
        header, [good[h] for h in header], [bad[h] for h in header])) + "\r\n").encode("cp932"))
    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(path))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    seen: dict[str, object] = {}

    def drive(dialog: LedgerImportDialog) -> int:
        seen["summary"] = dialog.summary.text()
        seen["first"] = [dialog.table.item(0, c).text() for c in range(6)]
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        return int(dialog.result())

    monkeypatch.setattr(LedgerImportDialog, "exec", drive)
    admin_window.import_ledger()
    assert "取り込む 1行" in str(seen["summary"]) and "誤りのある行 1行" in str(seen["summary"])
    assert seen["first"][:3] == ["3", "誤り", "L-2"]
    assert "「S50.2.30」は存在しない日付です" in str(seen["first"][5])
    assert shown and "1行を取り込みました" in shown[0]
    assert [h.case_number for h in world.services.search.search(world.admin, "L-1")] == ["L-1"]
    assert (tmp_path / "ledger.rejected.csv").exists()


def test_a_caseworker_cannot_import_but_can_export_their_caseload(
        window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert not window.import_action.isEnabled()
    target = tmp_path / "mine.xlsx"
    monkeypatch.setattr(preview, "choose_save_path", lambda *a: str(target))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    window.export_ledger("xlsx")
    assert "0行を書き出しました" in shown[0]
    assert [c.value for c in load_workbook(target)["台帳"][1]][:2] == ["ケース番号", "氏名"]


def test_an_empty_report_says_no_rate_counts_in_whole_numbers_and_keeps_its_buttons_on_one_line(
        qtbot: QtBot, supervisor_window: MainWindow, world: World) -> None:
    """A trial at 1024×700 with a new office's first placement: 定着率 said 0.0% of no one,
    the count chart's axis read 0, 1, 1, and CSVに出力 wrapped alone onto a second line."""
    from PySide6.QtCharts import QValueAxis

    supervisor_window.resize(1024, 700)
    supervisor_window.tabs.setCurrentWidget(supervisor_window.reports_tab)
    view = supervisor_window.reports
    view.compute()
    assert view.retention.rowCount() > 0
    for r in range(view.retention.rowCount()):
        assert _cell(view.retention, r, 1) == "0"
        assert _cell(view.retention, r, 3) == "—"  # no one to be retained: no rate
    staff_rates = [_cell(view.by_staff, r, c) for r in range(view.by_staff.rowCount())
                   for c in range(view.by_staff.columnCount())
                   if "定着率" in view.by_staff.horizontalHeaderItem(c).text()]
    assert staff_rates and set(staff_rates) == {"—"}
    for placed in (0, 1, 3, 47):
        chart = view._placements_chart({**view.report, "monthly": [
            {**view.report["monthly"][0], "placements": placed}]})
        (axis,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
        step = axis.tickInterval()
        assert axis.tickType() == QValueAxis.TickType.TicksDynamic
        assert step >= 1 and step == int(step) and axis.min() == 0
        assert axis.max() >= placed and axis.max() % step == 0  # whole numbers, none twice
    qtbot.waitUntil(lambda: view.export_buttons["csv"].isVisible())

    def line(widget: QWidget) -> int:  # the middle of the widget, in the view's coordinates
        return widget.mapTo(view, widget.rect().center()).y()

    run = next(b for b in view.findChildren(QPushButton) if b.text() == "集計")
    assert {line(b) for b in view.export_buttons.values()} == {line(run)}
