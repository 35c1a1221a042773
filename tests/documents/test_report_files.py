"""The report's CSV, Excel and PDF carry exactly the JSON's numbers, labelled in Japanese."""

from __future__ import annotations

import csv
import io
from typing import Any

import pypdfium2
import pytest
from openpyxl import load_workbook

from desktop.documents import reports as files
from desktop.services.reports import Period
from tests.conftest import World
from tests.documents.test_printing import pages, text_of
from tests.services.helpers import build_report_caseload


@pytest.fixture
def report(world: World) -> dict[str, Any]:
    w = build_report_caseload(world)
    w.services.settings.set_target(w.supervisor, 2025, "placements", 10)
    w.services.settings.set_target(w.supervisor, 2025, "placement_rate", 0.6)
    return w.services.reports.indicators(w.supervisor, Period.fiscal(2025))


def test_csv_has_every_table_with_the_json_numbers(report: dict[str, Any]) -> None:
    raw = files.report_csv(report)
    assert raw.startswith("\ufeff".encode())  # Excel reads the BOM as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["就労支援 実績報告　令和7年度（2025年度）"]
    by_label = {r[0]: r for r in rows if r}
    assert by_label["支援要請件数"][1:] == ["6", "", ""]
    assert by_label["就職件数"][1:] == ["5", "10", "0.5"]
    assert by_label["就職率"][1:] == ["0.75", "0.6", "1.25"]
    assert by_label["1か月後"][1:] == ["5", "3", "0.6"]
    assert by_label["生活保護受給者"][1:8] == ["2", "3", "4", "2", "3", "1.0", "1"]
    assert by_label["青山 里美"][1:8] == ["4", "2", "3", "2", "2", "1.0", "0"]
    assert by_label["令和7年5月"][1:] == ["1", "1", "1", "1", "1", "0"]


def test_xlsx_sheets_hold_numbers_with_percent_formats(report: dict[str, Any]) -> None:
    wb = load_workbook(io.BytesIO(files.report_xlsx(report)))
    assert wb.sheetnames == ["概要", "区分別", "担当者別", "月別", "経路・連携"]
    summary = {row[0].value: row for row in wb["概要"].iter_rows() if row[0].value}
    assert [c.value for c in summary["就職件数"][1:4]] == [5, 10, 0.5]
    rate = summary["就職率"]
    assert [c.value for c in rate[1:4]] == [0.75, 0.6, 1.25]
    assert rate[1].number_format == "0.0%"
    cats = {row[0].value: [c.value for c in row] for row in wb["区分別"].iter_rows()
            if row[0].value}
    assert cats["対象者区分"][:3] == ["対象者区分", "支援要請件数", "支援対象者数"]
    assert cats["障害者"][1:8] == [1, 1, 0, 0, 0, 0.0, 0]
    assert cats["合計"][1:8] == [6, 4, 5, 3, 3, 0.75, 1]
    months = [row[0].value for row in wb["月別"].iter_rows(min_row=6)]
    assert months[0] == "令和7年4月" and months[-1] == "令和8年3月"
    routes = {row[0].value: [c.value for c in row] for row in wb["経路・連携"].iter_rows()
              if row[0].value}
    assert routes["就労準備度を評価した人数"][1] == 0 and routes["合計"][1] == 0
    assert routes["福祉事務所"][:2] == ["福祉事務所", 0]


def test_pdf_shows_the_figures_and_charts_in_japanese(report: dict[str, Any],
                                                      tmp_path: Any) -> None:
    pdf = files.report_pdf(report, "新宿区福祉事務所")
    text = text_of(pdf)
    for expected in ("就労支援 実績報告", "令和7年度", "新宿区福祉事務所", "支援要請件数",
                     "就職率", "75.0%", "60.0%", "125.0%", "月別の就職件数", "就職率の推移",
                     "目標ペース（年10件）", "対象者区分別", "生活保護受給者", "担当者別",
                     "青山 里美", "令和8年3月", "就労準備・支援の経路・連携",
                     "支援費用の合計（円）", "組織別（就労準備・支援の経路・連携）"):
        assert expected in text, expected
    assert pages(pdf) >= 2
    # The first page renders (charts included) to a non-blank image.
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=0.5).to_pil().convert("L")
    document.close()
    assert image.getextrema()[0] < 100  # dark ink: text, bars and lines were drawn
