"""The 実績報告 screen (period, tables, charts, targets, export) and the ledger dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desktop.services.context import Actor
from desktop.services.ledger import COLUMNS
from desktop.ui import dialogs, preview
from desktop.ui.forms import ActionDialog
from desktop.ui.ledger_dialog import LedgerImportDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.services.helpers import build_report_caseload
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
    assert rows["就職件数"] == ["5", "10", "50.0%"]
    assert rows["就職率"] == ["75.0%", "60.0%", "125.0%"]
    assert rows["支援対象者数"] == ["4", "", "—"]
    assert "令和7年度" in view.heading.text() and "就職率 75.0%" in view.heading.text()
    assert _cell(view.retention, 0, 0) == "1か月後" and _cell(view.retention, 0, 3) == "60.0%"
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
    assert load_workbook(target).sheetnames == ["概要", "区分別", "担当者別", "月別", "経路・連携"]


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
