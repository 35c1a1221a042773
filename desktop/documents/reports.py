"""The indicator report (services.reports JSON) as labelled tables, CSV, Excel and a PDF with
charts. Every format is built from the same tables, so each shows the JSON's numbers exactly:
rates stay fractions (0.75) and Excel formats them as percentages."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.documents.forms import GOTHIC, MINCHO, _p, _register_fonts, _styles, render
from desktop.japanese.wareki import format_wareki
from desktop.services.labels import CATEGORIES

COUNT_LABELS: dict[str, str] = {
    "referrals": "支援要請件数",
    "support_targets": "支援対象者数",
    "placements": "就職件数",
    "regular_placements": "うち常用就職",
    "placed_persons": "就職者数",
    "placement_rate": "就職率",
    "protection_ended_by_work": "就労による保護廃止",
}
RATE_KEYS = {"placement_rate"}
Cell = int | float | str | None


@dataclass(frozen=True)
class LabelledTable:
    title: str
    header: list[str]
    rows: list[list[Cell]]
    rate_columns: frozenset[int]  # fractions shown as percentages
    rate_rows: frozenset[int] = frozenset()  # rows that are fractions throughout

    def is_rate(self, row: int, column: int) -> bool:
        return column in self.rate_columns or row in self.rate_rows


def percent(value: Cell) -> str:
    if value is None or isinstance(value, str):
        return value or "—"
    return f"{value * 100:.1f}%"


def shown(value: Cell, rate: bool) -> str:
    if rate:
        return percent(value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, int | float) else (value or "")


def month_label(key: str) -> str:
    y, m = (int(x) for x in key.split("-"))
    return format_wareki(date(y, m, 1)).split("年")[0] + f"年{m}月"


def _retention_keys(report: dict[str, Any]) -> list[str]:
    return list(report["retention"])


def summary_table(report: dict[str, Any]) -> LabelledTable:
    targets = report.get("targets", {})
    rows: list[list[Cell]] = []
    for key, label in COUNT_LABELS.items():
        target = targets.get(key)
        rows.append([label, report[key], target["target"] if target else None,
                     target["achievement"] if target else None])
    rate_rows = frozenset(i for i, k in enumerate(COUNT_LABELS) if k in RATE_KEYS)
    return LabelledTable("実績と目標", ["指標", "実績", "目標", "達成率"], rows,
                         frozenset({3}), rate_rows)


def retention_table(report: dict[str, Any]) -> LabelledTable:
    rows: list[list[Cell]] = [
        [f"{key[:-1]}か月後", v["due"], v["confirmed_employed"], v["rate"]]
        for key, v in report["retention"].items()]
    return LabelledTable("職場定着の状況（確認予定日が期間内のもの）",
                         ["定着確認", "対象", "継続就労", "定着率"], rows, frozenset({3}))


def _block_columns(report: dict[str, Any]) -> tuple[list[str], list[str]]:
    keys = list(COUNT_LABELS)
    header = [COUNT_LABELS[k] for k in keys] + [
        f"{k[:-1]}か月定着率" for k in _retention_keys(report)]
    return keys, header


def _block_row(block: dict[str, Any], keys: list[str], report: dict[str, Any]) -> list[Cell]:
    return [block[k] for k in keys] + [block["retention"][r]["rate"]
                                       for r in _retention_keys(report)]


def _rate_columns(keys: list[str], report: dict[str, Any], offset: int) -> frozenset[int]:
    rates = {offset + i for i, k in enumerate(keys) if k in RATE_KEYS}
    rates |= {offset + len(keys) + i for i in range(len(_retention_keys(report)))}
    return frozenset(rates)


def category_table(report: dict[str, Any]) -> LabelledTable:
    keys, header = _block_columns(report)
    rows = [[CATEGORIES.get(cat, cat), *_block_row(block, keys, report)]
            for cat, block in report["by_category"].items()]
    rows.append(["合計", *_block_row(report, keys, report)])
    return LabelledTable("対象者区分別", ["対象者区分", *header], rows,
                         _rate_columns(keys, report, 1))


def staff_table(report: dict[str, Any]) -> LabelledTable:
    keys, header = _block_columns(report)
    rows = [[block["name"], *_block_row(block, keys, report)]
            for block in report["by_staff"].values()]
    rows.append(["合計", *_block_row(report, keys, report)])
    return LabelledTable("担当者別", ["担当者", *header], rows, _rate_columns(keys, report, 1))


def monthly_table(report: dict[str, Any]) -> LabelledTable:
    keys = [k for k in COUNT_LABELS if k not in RATE_KEYS]
    rows = [[month_label(m["month"]), *(m[k] for k in keys)] for m in report["monthly"]]
    return LabelledTable("月別", ["月", *(COUNT_LABELS[k] for k in keys)], rows, frozenset())


def all_tables(report: dict[str, Any]) -> list[LabelledTable]:
    return [summary_table(report), retention_table(report), category_table(report),
            staff_table(report), monthly_table(report)]


def title_of(report: dict[str, Any]) -> str:
    return f"就労支援 実績報告　{report['period']['label']}"


# ------------------------------------------------------------------ CSV


def report_csv(report: dict[str, Any]) -> bytes:
    """UTF-8 with BOM (Excel opens it as Japanese); the tables one after another, each with
    its title row; numbers exactly as in the JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title_of(report)])
    writer.writerow(["期間", report["period"]["from"], report["period"]["to"]])
    for table in all_tables(report):
        writer.writerow([])
        writer.writerow([f"■{table.title}"])
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")


# ------------------------------------------------------------------ Excel


def report_xlsx(report: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheets = [("概要", [summary_table(report), retention_table(report)]),
              ("区分別", [category_table(report)]), ("担当者別", [staff_table(report)]),
              ("月別", [monthly_table(report)])]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    for index, (name, tables) in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = name
        ws.append([title_of(report)])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(["期間", f"{report['period']['from']} 〜 {report['period']['to']}"])
        widths: dict[int, int] = {}
        for table in tables:
            ws.append([])
            ws.append([table.title])
            ws.cell(ws.max_row, 1).font = bold
            ws.append(table.header)
            for c in range(1, len(table.header) + 1):
                cell = ws.cell(ws.max_row, c)
                cell.font, cell.fill = bold, fill
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            for i, row in enumerate(table.rows):
                ws.append(list(row))
                r = ws.max_row
                for c, value in enumerate(row):
                    cell = ws.cell(r, c + 1)
                    if table.is_rate(i, c) and isinstance(value, int | float):
                        cell.number_format = "0.0%"
                    elif isinstance(value, int | float):
                        cell.number_format = "#,##0" if float(value).is_integer() else "0.###"
            for c, text in enumerate(table.header):
                widths[c] = max(widths.get(c, 8), min(24, len(str(text)) * 2 + 2))
            for row in table.rows:
                widths[0] = max(widths[0], min(30, len(str(row[0])) * 2 + 2))
        for c, width in widths.items():
            ws.column_dimensions[get_column_letter(c + 1)].width = width
    buffer = io.BytesIO()
    wb.properties.title = title_of(report)
    wb.properties.creator = "つなぎ (Tsunagi)"
    wb.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ PDF


def _number(text: str) -> Paragraph:
    style = ParagraphStyle("number", parent=_styles()["cell"], alignment=TA_RIGHT)
    return Paragraph(text, style)


def _pdf_table(table: LabelledTable, widths: Sequence[float], label_rows: int = 1) -> Table:
    data = [[_p(h, "label") for h in table.header]]
    for i, row in enumerate(table.rows):
        data.append([_p(str(v), "label") if c == 0 else _number(shown(v, table.is_rate(i, c)))
                     for c, v in enumerate(row)])
    t = Table(data, colWidths=list(widths), repeatRows=label_rows)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f5f5f2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def _legend(height: float, swatches: list[Any], names: list[str]) -> Legend:
    """One row under the chart's title: swatch, then its name."""
    legend = Legend()
    legend.x, legend.y = 6, height - 22
    legend.fontName, legend.fontSize = MINCHO, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 100
    legend.colorNamePairs = list(zip(swatches, names, strict=False))
    return legend


def _monthly_chart(report: dict[str, Any], width: float, height: float) -> Drawing:
    months = report["monthly"]
    labels = [f"{int(m['month'][5:])}月" for m in months]
    d = Drawing(width, height)
    d.add(String(0, height - 12, "月別の就職件数（棒）と累計（線）", fontName=GOTHIC, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, width - 40, height - 60
    values = [m["placements"] for m in months]
    cumulative, total = [], 0
    for v in values:
        total += v
        cumulative.append(total)
    top = max([*cumulative, 1])
    target = report.get("targets", {}).get("placements")
    if target:
        top = max(top, target["target"])
    chart.data = [values]
    chart.bars[0].fillColor = colors.HexColor("#4a7fb5")
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top * 1.1
    chart.valueAxis.labels.fontName = chart.categoryAxis.labels.fontName = MINCHO
    chart.valueAxis.labels.fontSize = chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels
    d.add(chart)
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = chart.x, chart.y, chart.width, chart.height
    series = [cumulative]
    names = ["就職件数（月）", "累計"]
    if target:
        pace = [round(target["target"] * (i + 1) / len(months), 1) for i in range(len(months))]
        series.append(pace)
        names.append(f"目標ペース（年{shown(target['target'], False)}件）")
    line.data = series
    line.valueAxis.valueMin, line.valueAxis.valueMax = 0, top * 1.1
    line.valueAxis.visible = False
    line.categoryAxis.visible = False
    line.lines[0].strokeColor = colors.HexColor("#d9822b")
    line.lines[0].strokeWidth = 1.5
    if target:
        line.lines[1].strokeColor = colors.HexColor("#888888")
        line.lines[1].strokeDashArray = [3, 2]
    d.add(line)
    d.add(_legend(height, [colors.HexColor("#4a7fb5"), colors.HexColor("#d9822b"),
                           colors.HexColor("#888888")], names))
    return d


def _rate_chart(report: dict[str, Any], width: float, height: float) -> Drawing:
    """Cumulative placement rate by month (placed persons / support targets so far) against
    the target rate."""
    months = report["monthly"]
    d = Drawing(width, height)
    d.add(String(0, height - 12, "就職率の推移（累計）と目標", fontName=GOTHIC, fontSize=10))
    placed = targets = 0
    rates = []
    for m in months:
        placed += m["placed_persons"]
        targets += m["support_targets"]
        rates.append(round(placed / targets * 100, 1) if targets else 0.0)
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = 30, 20, width - 40, height - 60
    series, names = [rates], ["就職率（累計, %）"]
    goal = report.get("targets", {}).get("placement_rate")
    if goal:
        series.append([round(goal["target"] * 100, 1)] * len(months))
        names.append(f"目標 {percent(goal['target'])}")
    line.data = series
    line.valueAxis.valueMin, line.valueAxis.valueMax = 0, 100
    line.valueAxis.valueStep = 20
    line.valueAxis.labels.fontName = line.categoryAxis.labels.fontName = MINCHO
    line.valueAxis.labels.fontSize = line.categoryAxis.labels.fontSize = 7
    line.categoryAxis.categoryNames = [f"{int(m['month'][5:])}月" for m in months]
    line.lines[0].strokeColor = colors.HexColor("#2e8b57")
    line.lines[0].strokeWidth = 1.5
    if goal:
        line.lines[1].strokeColor = colors.HexColor("#c0392b")
        line.lines[1].strokeDashArray = [3, 2]
    d.add(line)
    d.add(_legend(height, [colors.HexColor("#2e8b57"), colors.HexColor("#c0392b")], names))
    return d


def report_pdf(report: dict[str, Any], office_name: str = "", generated_on: date | None = None
               ) -> bytes:
    _register_fonts()
    styles = _styles()
    page_w = landscape(A4)[0] - 30 * mm
    story: list[Flowable] = [
        Paragraph(title_of(report), styles["title"]),
        _p(f"{office_name}　期間: {format_wareki(date.fromisoformat(report['period']['from']))}"
           f"〜{format_wareki(date.fromisoformat(report['period']['to']))}"
           + (f"　作成日: {format_wareki(generated_on)}" if generated_on else ""), "right"),
        Spacer(1, 3 * mm),
    ]
    summary = _pdf_table(summary_table(report), [60 * mm, 30 * mm, 30 * mm, 25 * mm])
    retention = _pdf_table(retention_table(report), [35 * mm, 22 * mm, 22 * mm, 22 * mm])
    side = Table([[summary, retention]], colWidths=[150 * mm, page_w - 150 * mm])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [side, Spacer(1, 4 * mm)]
    half = page_w / 2
    charts = Table([[_monthly_chart(report, half - 6 * mm, 62 * mm),
                     _rate_chart(report, half - 6 * mm, 62 * mm)]],
                   colWidths=[half, half])
    story += [charts, PageBreak()]
    for table in (category_table(report), staff_table(report)):
        first = 42 * mm
        rest = (page_w - first) / (len(table.header) - 1)
        story += [Paragraph(table.title, styles["heading"]),
                  _pdf_table(table, [first] + [rest] * (len(table.header) - 1)),
                  Spacer(1, 3 * mm)]
    monthly = monthly_table(report)
    story += [Paragraph(monthly.title, styles["heading"]),
              _pdf_table(monthly, [30 * mm] + [(page_w - 30 * mm) / (len(monthly.header) - 1)]
                         * (len(monthly.header) - 1))]
    return render(story, title_of(report), office_name, landscape(A4))
