"""The report's CSV, Excel and PDF carry exactly the JSON's numbers, labelled in Japanese."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pypdfium2
import pytest
from openpyxl import load_workbook

from desktop.documents import reports as files
from desktop.services.reports import Period
from tests.conftest import World
from tests.documents.test_printing import pages, text_of
from tests.services.helpers import build_report_caseload, transfer_to_a_second_organisation


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
    assert by_label["集計の基準日"][1:] == ["2026-03-31"]
    assert by_label["支援要請件数"][1:] == ["7", "", ""]
    assert by_label["就職件数"][1:] == ["7", "10", "0.7"]
    assert by_label["うち紹介就職"][1:] == ["6", "", ""]
    assert by_label["就職率（就職件数÷支援対象者数）"][1:] == ["1.4", "0.6", "2.333"]
    assert by_label["支援対象者のうち就職した人の割合"][1:] == ["1.0", "", ""]
    assert by_label["就労による保護減額"][1:] == ["1", "", ""]
    assert by_label["1か月後"][1:] == ["7", "5", "0.714", "2"]
    assert by_label["生活保護受給者"][1:10] == ["2", "3", "4", "2", "3", "3", "1.333", "1.0",
                                          "1"]
    assert by_label["青山 里美"][1:10] == ["5", "3", "5", "4", "4", "4", "1.667", "1.333", "0"]
    assert by_label["ハローワーク新宿"][1:] == ["6", "2", "2", "1"]
    assert by_label["ハローワーク池袋"][1:] == ["1", "1", "1", "1"]
    assert by_label["令和7年5月"][1:] == ["1", "1", "1", "1", "1", "1", "0", "0", "0", "0", "0",
                                        "0"]


def test_xlsx_sheets_hold_numbers_with_percent_formats(report: dict[str, Any]) -> None:
    wb = load_workbook(io.BytesIO(files.report_xlsx(report)))
    assert wb.sheetnames == ["概要", "区分別", "担当者別", "ハローワーク別", "月別", "経路・連携"]
    summary = {row[0].value: row for row in wb["概要"].iter_rows() if row[0].value}
    assert [c.value for c in summary["就職件数"][1:4]] == [7, 10, 0.7]
    rate = summary["就職率（就職件数÷支援対象者数）"]
    assert [c.value for c in rate[1:4]] == [1.4, 0.6, 2.333]
    assert rate[1].number_format == "0.0%"
    cats = {row[0].value: [c.value for c in row] for row in wb["区分別"].iter_rows()
            if row[0].value}
    assert cats["対象者区分"][:3] == ["対象者区分", "支援要請件数", "支援対象者数"]
    assert cats["障害者"][1:10] == [1, 1, 1, 1, 1, 1, 1.0, 1.0, 0]
    assert cats["合計"][1:10] == [7, 5, 7, 5, 6, 5, 1.4, 1.0, 1]
    offices = {row[0].value: [c.value for c in row] for row in wb["ハローワーク別"].iter_rows()
               if row[0].value}
    assert offices["合計"][1:5] == [7, 3, 3, 2]
    months = [row[0].value for row in wb["月別"].iter_rows(min_row=6)]
    assert months[0] == "令和7年4月" and months[-1] == "令和8年3月"
    routes = {row[0].value: [c.value for c in row] for row in wb["経路・連携"].iter_rows()
              if row[0].value}
    assert routes["就労準備度を評価した人数"][1] == 0
    # One organisation: its counts are the report's, no 組織別 beside them.
    assert "福祉事務所" not in routes


def test_pdf_shows_the_figures_and_charts_in_japanese(report: dict[str, Any],
                                                      tmp_path: Any) -> None:
    pdf = files.report_pdf(report, "新宿区福祉事務所")
    text = text_of(pdf)
    for expected in ("就労支援 実績報告", "令和7年度", "新宿区福祉事務所", "支援要請件数",
                     "就職率", "140.0%", "60.0%", "233.3%", "月別の就職件数", "就職率の推移",
                     "目標ペース（年10件）", "対象者区分別", "生活保護受給者", "担当者別",
                     "青山 里美", "令和8年3月", "支援対象者のうち就職した人の割合",
                     "未記録（期限超過）", "職業紹介件数", "ハローワーク池袋",
                     "令和8年3月31日現在", "就労準備・支援の経路・連携", "支援費用の合計（円）"):
        assert expected in text, expected
    assert pages(pdf) >= 2
    # The first page renders (charts included) to a non-blank image.
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=0.5).to_pil().convert("L")
    document.close()
    assert image.getextrema()[0] < 100  # dark ink: text, bars and lines were drawn


def test_a_report_over_two_organisations_adds_their_table_to_every_file(world: World) -> None:
    """With a second organisation (P7's 1-month check counted under it), the CSV, the
    Excel file and the PDF carry 組織別 with the JSON's numbers; a report for one
    organisation names it in its title. An office of one organisation (above) has no such
    table: its single row would repeat the totals."""
    w = build_report_caseload(world)
    west = transfer_to_a_second_organisation(w)
    report = w.services.reports.indicators(w.admin, Period.fiscal(2025))
    home = next(name for name in report["by_organisation"] if name != west.name)

    rows = list(csv.reader(io.StringIO(files.report_csv(report).decode("utf-8-sig"))))
    at = rows.index(["■組織別"])
    assert rows[at + 1][:3] == ["組織", "支援要請件数", "支援対象者数"]
    table = {r[0]: r for r in rows[at + 2:at + 5]}
    assert list(table) == [*report["by_organisation"], "合計"]
    assert table[west.name][1:4] == ["0", "0", "0"]
    assert table[home][1:4] == table["合計"][1:4] == ["7", "5", "7"]

    wb = load_workbook(io.BytesIO(files.report_xlsx(report)))
    assert wb.sheetnames == ["概要", "区分別", "担当者別", "組織別", "ハローワーク別", "月別",
                             "経路・連携"]
    # 経路・連携 has its 組織別 too, one row per organisation.
    routes = {row[0].value for row in wb["経路・連携"].iter_rows() if row[0].value}
    assert {home, west.name, "合計"} <= routes
    sheet = {row[0].value: [c.value for c in row] for row in wb["組織別"].iter_rows()
             if row[0].value}
    assert sheet[home][1:4] == [7, 5, 7] and sheet[west.name][1:4] == [0, 0, 0]

    text = text_of(files.report_pdf(report, "新宿区福祉事務所"))
    assert "組織別" in text and west.name in text
    assert "組織別（就労準備・支援の経路・連携）" in text

    theirs = w.services.reports.indicators(w.admin, Period.fiscal(2025),
                                           organisation_id=west.id)
    title = f"就労支援 実績報告　令和7年度（2025年度）　{west.name}"
    assert files.report_csv(theirs).decode("utf-8-sig").splitlines()[0] == title
    assert "組織別" not in load_workbook(io.BytesIO(files.report_xlsx(theirs))).sheetnames
    # The PDF's text layer reads the title's full-width spaces back as spaces.
    printed = text_of(files.report_pdf(theirs, "新宿区福祉事務所")).replace("\n", "")
    assert title.replace("\u3000", " ") in printed.replace("\u3000", " ")


def test_a_rate_over_no_support_targets_is_shown_as_a_dash_not_zero(world: World) -> None:
    """An organisation with no support targets had 「0.0%」 as its 就職率 in 組織別 (and in
    its own report): 0 % of no one is no rate, shown 「—」 as the retention rates are."""
    from desktop.documents.report_tables import organisation_table, shown, summary_table

    w = build_report_caseload(world)
    west = transfer_to_a_second_organisation(w)
    report = w.services.reports.indicators(w.admin, Period.fiscal(2025))
    assert report["by_organisation"][west.name]["support_targets"] == 0
    table = organisation_table(report)
    rates = sorted(table.rate_columns)
    row = next(r for r in table.rows if r[0] == west.name)
    home = next(r for r in table.rows if r[0] not in (west.name, "合計"))
    rate_columns = [c for c in rates if table.header[c] in ("就職率", "就職者の割合")]
    assert [shown(row[c], True) for c in rate_columns] == ["—", "—"]
    assert [shown(home[c], True) for c in rate_columns] == ["140.0%", "100.0%"]
    rows = list(csv.reader(io.StringIO(files.report_csv(report).decode("utf-8-sig"))))
    at = rows.index(["■組織別"])
    csv_row = next(r for r in rows[at:] if r and r[0] == west.name)
    assert [csv_row[c] for c in rate_columns] == ["", ""]  # blank, as a rate over no one due

    theirs = w.services.reports.indicators(w.admin, Period.fiscal(2025),
                                           organisation_id=west.id)
    summary = {r[0]: r for r in summary_table(theirs).rows}
    assert shown(summary["就職率（就職件数÷支援対象者数）"][1], True) == "—"
    printed = text_of(files.report_pdf(theirs, "新宿区福祉事務所"))
    assert "就職率（就職件数÷支援対象者数） — — —" in printed
    assert not re.search(r"(?<![\d.])0\.0%", printed)  # (100.0% of the one check is fine)
