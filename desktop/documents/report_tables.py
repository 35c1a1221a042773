"""The indicator report (services.reports JSON) as labelled tables, CSV and Excel. Every
format is built from the same tables, so each shows the JSON's numbers exactly: rates stay
fractions (0.75) and Excel formats them as percentages; a rate over no one (no support
targets, no retention check due) is none: 「—」 on screen and in the PDF, blank in the files. No ReportLab here: the desktop's
report screen imports these tables at start-up (the PDF is desktop.documents.reports)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.cells import neutralise
from desktop.i18n import N_, shown_date, shown_month, translator
from desktop.services.labels import CATEGORIES
from desktop.services.labels import shown as shown_label

_t = translator("ReportTables")

COUNT_LABELS: dict[str, str] = {
    "referrals": N_("支援要請件数"),
    "support_targets": N_("支援対象者数"),
    "placements": N_("就職件数"),
    "regular_placements": N_("うち常用就職"),
    "referral_placements": N_("うち紹介就職"),
    "placement_rate": N_("就職率（就職件数÷支援対象者数）"),
    "placed_persons": N_("就職者数（支援対象者のうち）"),
    "placed_person_rate": N_("支援対象者のうち就職した人の割合"),
    "protection_ended_by_work": N_("就労による保護廃止"),
    "protection_reduced": N_("就労による保護減額"),
    "self_reliance_benefit": N_("就労自立給付金"),
    "job_referrals": N_("職業紹介件数"),
    "interviews": N_("面接件数"),
    "hires": N_("採用件数"),
}
# Column headings of the breakdown tables, where the long labels would not fit.
COLUMN_LABELS: dict[str, str] = {
    "referrals": N_("支援要請件数"),
    "support_targets": N_("支援対象者数"),
    "placements": N_("就職件数"),
    "regular_placements": N_("うち常用就職"),
    "referral_placements": N_("うち紹介就職"),
    "placement_rate": N_("就職率"),
    "placed_persons": N_("就職者数"),
    "placed_person_rate": N_("就職者の割合"),
    "protection_ended_by_work": N_("就労による保護廃止"),
    "protection_reduced": N_("就労による保護減額"),
    "self_reliance_benefit": N_("就労自立給付金"),
    "job_referrals": N_("職業紹介"),
    "interviews": N_("面接"),
    "hires": N_("採用"),
}
# The breakdowns (区分別・担当者別・組織別) leave Hello Work's activities and the smaller
# protection counts to their own tables.
BREAKDOWN_KEYS = ("referrals", "support_targets", "placements", "regular_placements",
                  "referral_placements", "placed_persons", "placement_rate",
                  "placed_person_rate", "protection_ended_by_work")
OFFICE_KEYS = ("referrals", "job_referrals", "interviews", "hires")
# The summary ("実績と目標"): every indicator but Hello Work's activity counts, which are the
# total row of the per-office table.
SUMMARY_KEYS = tuple(k for k in COUNT_LABELS if k not in ("job_referrals", "interviews", "hires"))
RATE_KEYS = {"placement_rate", "placed_person_rate"}
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


def period_months(report: dict[str, Any]) -> list[str]:
    """Every month of the report's period ('YYYY-MM'), also those after its as-of date: the
    charts' axis spans the period, their lines stop at the as-of month."""
    start = date.fromisoformat(report["period"]["from"])
    end = date.fromisoformat(report["period"]["to"])
    keys, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return keys


def cumulative_rates(report: dict[str, Any]) -> list[float]:
    """就職率 to date at the end of each reported month: placements so far / support targets
    so far (0 until there is a target), as a percentage."""
    placements = targets = 0
    rates = []
    for m in report["monthly"]:
        placements += m["placements"]
        targets += m["support_targets"]
        rates.append(round(placements / targets * 100, 1) if targets else 0.0)
    return rates


def month_label(key: str) -> str:
    y, m = (int(x) for x in key.split("-"))
    return shown_month(y, m)


def count_label(key: str) -> str:
    return _t(COUNT_LABELS[key])


def column_label(key: str) -> str:
    return _t(COLUMN_LABELS[key])


def _retention_keys(report: dict[str, Any]) -> list[str]:
    return list(report["retention"])


def summary_table(report: dict[str, Any]) -> LabelledTable:
    targets = report.get("targets", {})
    rows: list[list[Cell]] = []
    for key in SUMMARY_KEYS:
        target = targets.get(key)
        rows.append([count_label(key), figure(report, key), target["target"] if target else None,
                     target["achievement"] if target else None])
    rate_rows = frozenset(i for i, k in enumerate(SUMMARY_KEYS) if k in RATE_KEYS)
    return LabelledTable(_t("実績と目標"), [_t("指標"), _t("実績"), _t("目標"), _t("達成率")], rows,
                         frozenset({3}), rate_rows)


def figure(block: dict[str, Any], key: str) -> Cell:
    """The block's (or the report's) figure ``key``; a rate over no support targets is none
    (shown as —): 0 % of no one is no rate. The JSON keeps the service's 0.0."""
    if key in RATE_KEYS and not block.get("support_targets"):
        return None
    return block[key]


def _retention_rate(check: dict[str, Any]) -> Cell:
    """A retention rate, or none (shown as —) when no one was due: 0 % of no one is no rate."""
    return check["rate"] if check["due"] else None


def retention_table(report: dict[str, Any]) -> LabelledTable:
    rows: list[list[Cell]] = [
        [_t("{months}か月後").format(months=key[:-1]), v["due"], v["confirmed_employed"],
         _retention_rate(v), v["overdue_unrecorded"]]
        for key, v in report["retention"].items()]
    return LabelledTable(_t("職場定着の状況（確認予定日が期間内で、{as_of}までのもの）").format(
        as_of=as_of_label(report)),
        [_t("定着確認"), _t("対象"), _t("継続就労"), _t("定着率"), _t("未記録（期限超過）")], rows,
        frozenset({3}))


def as_of_label(report: dict[str, Any]) -> str:
    return shown_date(date.fromisoformat(report["period"]["as_of"]))


def _block_columns(report: dict[str, Any]) -> tuple[list[str], list[str]]:
    keys = list(BREAKDOWN_KEYS)
    header = [column_label(k) for k in keys] + [
        _t("{months}か月定着率").format(months=k[:-1]) for k in _retention_keys(report)]
    return keys, header


def _block_row(block: dict[str, Any], keys: list[str], report: dict[str, Any]) -> list[Cell]:
    return [figure(block, k) for k in keys] + [_retention_rate(block["retention"][r])
                                       for r in _retention_keys(report)]


def _rate_columns(keys: list[str], report: dict[str, Any], offset: int) -> frozenset[int]:
    rates = {offset + i for i, k in enumerate(keys) if k in RATE_KEYS}
    rates |= {offset + len(keys) + i for i in range(len(_retention_keys(report)))}
    return frozenset(rates)


def total_label() -> str:
    return _t("合計")


def category_table(report: dict[str, Any]) -> LabelledTable:
    keys, header = _block_columns(report)
    rows = [[shown_label(CATEGORIES.get(cat, cat)), *_block_row(block, keys, report)]
            for cat, block in report["by_category"].items()]
    rows.append([total_label(), *_block_row(report, keys, report)])
    return LabelledTable(_t("対象者区分別"), [_t("対象者区分"), *header], rows,
                         _rate_columns(keys, report, 1))


def staff_table(report: dict[str, Any]) -> LabelledTable:
    keys, header = _block_columns(report)
    rows = [[block["name"], *_block_row(block, keys, report)]
            for block in report["by_staff"].values()]
    rows.append([total_label(), *_block_row(report, keys, report)])
    return LabelledTable(_t("担当者別"), [_t("担当者"), *header], rows,
                         _rate_columns(keys, report, 1))


def organisation_table(report: dict[str, Any]) -> LabelledTable:
    """The block per organisation (福祉事務所・自立相談支援機関)."""
    keys, header = _block_columns(report)
    rows = [[name, *_block_row(block, keys, report)]
            for name, block in report["by_organisation"].items()]
    rows.append([total_label(), *_block_row(report, keys, report)])
    return LabelledTable(_t("組織別"), [_t("組織"), *header], rows,
                         _rate_columns(keys, report, 1))


def office_table(report: dict[str, Any]) -> LabelledTable:
    """支援要請 and Hello Work's 職業紹介・面接・採用 per Hello Work office."""
    rows: list[list[Cell]] = [[name, *(block[k] for k in OFFICE_KEYS)]
                              for name, block in report["by_hello_work_office"].items()]
    rows.append([total_label(), *(report[k] for k in OFFICE_KEYS)])
    return LabelledTable(_t("ハローワーク別（ハローワークの支援）"),
                         [_t("ハローワーク"), *(count_label(k) for k in OFFICE_KEYS)], rows,
                         frozenset())


def monthly_table(report: dict[str, Any]) -> LabelledTable:
    keys = [k for k in COUNT_LABELS if k not in RATE_KEYS]
    rows = [[month_label(m["month"]), *(m[k] for k in keys)] for m in report["monthly"]]
    return LabelledTable(_t("月別"), [_t("月"), *(column_label(k) for k in keys)], rows,
                         frozenset())


def several_organisations(report: dict[str, Any]) -> bool:
    """Whether the report covers more than one organisation: only then does 組織別 say
    anything the totals do not (an office of one organisation keeps its files as they were)."""
    return len(report["by_organisation"]) > 1


def breakdown_tables(report: dict[str, Any]) -> list[LabelledTable]:
    """区分別, 担当者別 and, when the report covers several organisations, 組織別."""
    return [category_table(report), staff_table(report),
            *([organisation_table(report)] if several_organisations(report) else [])]


# Before and beside the referral (services/report_routes.py): (label, how to read it).
ROUTE_ROWS: list[tuple[str, tuple[str, ...]]] = [
    (N_("就労準備度を評価した人数"), ("assessed_persons",)),
    (N_("就労準備支援事業の開始"), ("routes", "work_readiness", "started")),
    (N_("就労準備支援事業の修了"), ("routes", "work_readiness", "completed")),
    (N_("職場体験・中間的就労の開始"), ("routes", "work_experience", "started")),
    (N_("職場体験・中間的就労の修了"), ("routes", "work_experience", "completed")),
    (N_("職場体験・中間的就労の出席日数"), ("work_experience_days",)),
    (N_("職業訓練の開始"), ("routes", "training", "started")),
    (N_("職業訓練の修了"), ("routes", "training", "completed")),
    (N_("協力事業所（受入れ・就職のあった事業所）"), ("employers", "active")),
    (N_("協力事業所（新規登録）"), ("employers", "new")),
    (N_("支援費用の合計（円）"), ("support_costs_total",)),
    (N_("会議の開催回数"), ("meetings", "held")),
    (N_("会議で検討したケース数"), ("meetings", "cases_discussed")),
]


def _pick(block: dict[str, Any], path: tuple[str, ...]) -> Cell:
    value: Any = block
    for key in path:
        value = value.get(key, 0) if isinstance(value, dict) else 0
    return value if isinstance(value, int | float) else 0


def routes_table(report: dict[str, Any]) -> LabelledTable:
    """Readiness, the routes besides the referral, employers, costs and meetings."""
    rows: list[list[Cell]] = [[_t(label), _pick(report, path)] for label, path in ROUTE_ROWS]
    return LabelledTable(_t("就労準備・支援の経路・連携"), [_t("指標"), _t("実績")], rows,
                         frozenset())


def routes_organisation_table(report: dict[str, Any]) -> LabelledTable:
    """The same counts per organisation, with the total."""
    rows: list[list[Cell]] = [[name, *(_pick(block, path) for _, path in ROUTE_ROWS)]
                              for name, block in report.get("by_organisation", {}).items()]
    rows.append([total_label(), *(_pick(report, path) for _, path in ROUTE_ROWS)])
    return LabelledTable(_t("組織別（就労準備・支援の経路・連携）"),
                         [_t("組織"), *(_t(label) for label, _ in ROUTE_ROWS)], rows,
                         frozenset())


def routes_tables(report: dict[str, Any]) -> list[LabelledTable]:
    """経路・連携 and, when the report covers several organisations, its 組織別."""
    return [routes_table(report),
            *([routes_organisation_table(report)] if several_organisations(report) else [])]


def all_tables(report: dict[str, Any]) -> list[LabelledTable]:
    return [summary_table(report), retention_table(report), *breakdown_tables(report),
            office_table(report), monthly_table(report), *routes_tables(report)]


def title_of(report: dict[str, Any]) -> str:
    organisation = report["period"].get("organisation")
    if organisation:
        return _t("就労支援 実績報告　{period}　{organisation}").format(
            period=report["period"]["label"], organisation=organisation)
    return _t("就労支援 実績報告　{period}").format(period=report["period"]["label"])


# ------------------------------------------------------------------ CSV


def report_csv(report: dict[str, Any]) -> bytes:
    """UTF-8 with BOM (Excel opens it as Japanese); the tables one after another, each with
    its title row; numbers exactly as in the JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def write(row: list[Cell]) -> None:  # every text cell neutralised (staff names are typed)
        writer.writerow(["" if v is None else neutralise(v) for v in row])

    write([title_of(report)])
    write([_t("期間"), report["period"]["from"], report["period"]["to"]])
    write([_t("集計の基準日"), report["period"]["as_of"]])
    for table in all_tables(report):
        write([])
        write([f"■{table.title}"])
        write(list(table.header))
        for row in table.rows:
            write(row)
    return out.getvalue().encode("utf-8-sig")


# ------------------------------------------------------------------ Excel


def report_xlsx(report: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheets = [(_t("概要"), [summary_table(report), retention_table(report)]),
              (_t("区分別"), [category_table(report)]), (_t("担当者別"), [staff_table(report)]),
              *([(_t("組織別"), [organisation_table(report)])]
                if several_organisations(report) else []),
              (_t("ハローワーク別"), [office_table(report)]), (_t("月別"), [monthly_table(report)]),
              (_t("経路・連携"), routes_tables(report))]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    for index, (name, tables) in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = name
        ws.append([neutralise(title_of(report))])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([_t("期間"), _t("{start} 〜 {end}（{as_of}現在）").format(
            start=report["period"]["from"], end=report["period"]["to"],
            as_of=report["period"]["as_of"])])
        widths: dict[int, int] = {}
        for table in tables:
            ws.append([])
            ws.append([neutralise(table.title)])
            ws.cell(ws.max_row, 1).font = bold
            ws.append([neutralise(h) for h in table.header])
            for c in range(1, len(table.header) + 1):
                cell = ws.cell(ws.max_row, c)
                cell.font, cell.fill = bold, fill
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            for i, row in enumerate(table.rows):
                ws.append([neutralise(v) for v in row])
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
