"""The indicator report as an A4 landscape PDF with charts (ReportLab, IPAex embedded). The
tables, CSV and Excel are in desktop.documents.report_tables and re-exported here."""

from __future__ import annotations

from collections.abc import Sequence
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
from desktop.documents.report_tables import (
    LabelledTable,
    as_of_label,
    breakdown_tables,
    cumulative_rates,
    monthly_table,
    office_table,
    percent,
    period_months,
    report_csv,
    report_xlsx,
    retention_table,
    routes_table,
    routes_tables,
    shown,
    summary_table,
    title_of,
)
from desktop.i18n import shown_date, shown_month_name, translator

_t = translator("ReportPdf")
__all__ = ["report_csv", "report_pdf", "report_xlsx"]


# ------------------------------------------------------------------ PDF


def _number(text: str) -> Paragraph:
    style = ParagraphStyle("number", parent=_styles()["cell"], alignment=TA_RIGHT)
    return Paragraph(text, style)


def _pdf_table(table: LabelledTable, widths: Sequence[float], label_rows: int = 1,
               padding: float = 2) -> Table:
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
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
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


def _month(key: str) -> str:
    return shown_month_name(int(key[5:]), short=True)


def _monthly_chart(report: dict[str, Any], width: float, height: float) -> Drawing:
    """Placements per month (bars) and their running total (line) up to the as-of month,
    on an axis spanning the whole period, with the target's pace over the period."""
    months = report["monthly"]
    axis = period_months(report)
    labels = [_month(m) for m in axis]
    gap: list[float | None] = [None] * (len(axis) - len(months))
    d = Drawing(width, height)
    d.add(String(0, height - 12, _t("月別の就職件数（棒）と累計（線）"), fontName=GOTHIC, fontSize=10))
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
    chart.data = [[*values, *gap]]
    chart.bars[0].fillColor = colors.HexColor("#4a7fb5")
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top * 1.1
    chart.valueAxis.labels.fontName = chart.categoryAxis.labels.fontName = MINCHO
    chart.valueAxis.labels.fontSize = chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels
    d.add(chart)
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = chart.x, chart.y, chart.width, chart.height
    series: list[list[float | None]] = [[*cumulative, *gap]]
    names = [_t("就職件数（月）"), _t("累計")]
    if target:
        pace = [round(target["target"] * (i + 1) / len(axis), 1) for i in range(len(axis))]
        series.append(list(pace))
        names.append(_t("目標ペース（年{target}件）").format(target=shown(target["target"], False)))
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
    """就職率 to date by month (placements so far / support targets so far) up to the as-of
    month, against the target rate."""
    axis = period_months(report)
    d = Drawing(width, height)
    d.add(String(0, height - 12, _t("就職率の推移（累計）と目標"), fontName=GOTHIC, fontSize=10))
    rates: list[float | None] = list(cumulative_rates(report))
    rates += [None] * (len(axis) - len(rates))
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = 30, 20, width - 40, height - 60
    series, names = [rates], [_t("就職率（累計, %）")]
    goal = report.get("targets", {}).get("placement_rate")
    top = max([100.0, *(r for r in rates if r is not None)])
    if goal:
        series.append([round(goal["target"] * 100, 1)] * len(axis))
        names.append(_t("目標 {rate}").format(rate=percent(goal["target"])))
        top = max(top, goal["target"] * 100)
    line.data = series
    line.valueAxis.valueMin, line.valueAxis.valueMax = 0, top
    line.valueAxis.valueStep = 20 if top <= 100 else 50
    line.valueAxis.labels.fontName = line.categoryAxis.labels.fontName = MINCHO
    line.valueAxis.labels.fontSize = line.categoryAxis.labels.fontSize = 7
    line.categoryAxis.categoryNames = [_month(m) for m in axis]
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
        _p(_t("{office}　期間: {start}〜{end}").format(
            office=office_name, start=shown_date(date.fromisoformat(report["period"]["from"])),
            end=shown_date(date.fromisoformat(report["period"]["to"])))
           + _t("（{as_of}現在）").format(as_of=as_of_label(report))
           + (_t("　作成日: {on}").format(on=shown_date(generated_on)) if generated_on else ""),
           "right"),
        Spacer(1, 3 * mm),
    ]
    # Page 1: every indicator, retention and Hello Work per office beside it, the charts.
    summary = _pdf_table(summary_table(report), [62 * mm, 28 * mm, 28 * mm, 24 * mm],
                         padding=0.6)
    right = page_w - 146 * mm
    retention = _pdf_table(retention_table(report),
                           [22 * mm, 18 * mm, 20 * mm, 18 * mm, right - 80 * mm], padding=0.6)
    offices = _pdf_table(office_table(report),
                         [36 * mm] + [(right - 38 * mm) / 4] * 4, padding=0.6)
    side = Table([[summary, [retention, Spacer(1, 3 * mm), offices]]],
                 colWidths=[146 * mm, right])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [side, Spacer(1, 2 * mm)]
    half = page_w / 2
    charts = Table([[_monthly_chart(report, half - 6 * mm, 58 * mm),
                     _rate_chart(report, half - 6 * mm, 58 * mm)]],
                   colWidths=[half, half])
    story += [charts, PageBreak()]
    for table in breakdown_tables(report):
        first = 42 * mm
        rest = (page_w - first) / (len(table.header) - 1)
        story += [Paragraph(table.title, styles["heading"]),
                  _pdf_table(table, [first] + [rest] * (len(table.header) - 1)),
                  Spacer(1, 3 * mm)]
    monthly = monthly_table(report)
    story += [Paragraph(monthly.title, styles["heading"]),
              _pdf_table(monthly, [30 * mm] + [(page_w - 30 * mm) / (len(monthly.header) - 1)]
                         * (len(monthly.header) - 1))]
    routes = routes_table(report)
    story += [PageBreak(), Paragraph(routes.title, styles["heading"]),
              _pdf_table(routes, [90 * mm, 30 * mm]), Spacer(1, 3 * mm)]
    for table in routes_tables(report)[1:]:  # 組織別, when the report covers several
        first = 46 * mm
        rest = (page_w - first) / (len(table.header) - 1)
        story += [Paragraph(table.title, styles["heading"]),
                  _pdf_table(table, [first] + [rest] * (len(table.header) - 1))]
    return render(story, title_of(report), office_name, landscape(A4))
