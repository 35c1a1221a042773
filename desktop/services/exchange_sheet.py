"""The 支援状況連絡票 workbook exchanged with one Hello Work office: written for its navigators
to fill in, read back as raw rows (validation against the database is hello_work.py's job).

One sheet 「連絡票」: a title, the office line, a short instruction, a header row, then three
rows per open referral — the first with what the welfare office knows (支援要請番号, ケース番号,
氏名, 支援要請日, 求職番号, ナビゲーター, the activities so far), the next two with the key
columns repeated, for the navigator to write one activity per row (more rows: copy the
支援要請番号 and ケース番号). The sheet's words are the office's records and stay Japanese in
every display language, like the ledger's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.cells import neutralise, restore
from desktop.i18n import listing, translator
from desktop.japanese.wareki import format_wareki
from desktop.services.errors import InvalidInput
from desktop.services.labels import HELLO_WORK_ACTIVITIES, HIRING_RESULTS

_t = translator("ExchangeSheet")

SHEET = "連絡票"
TITLE = "支援状況連絡票"
OFFICE_LABEL = "ハローワーク"
COLUMNS: tuple[tuple[str, str, int], ...] = (
    # key, header, width
    ("number", "支援要請番号", 14), ("case_number", "ケース番号", 12), ("name", "氏名", 14),
    ("referred_on", "支援要請日", 12), ("job_seeker_number", "求職番号", 16),
    ("navigator", "担当ナビゲーター", 14), ("so_far", "これまでの支援状況（福祉事務所の記録）", 40),
    ("kind", "種別", 12), ("on", "日付", 12), ("end_on", "終了日（訓練等）", 12),
    ("company", "事業所名", 20), ("job_title", "職種", 14), ("result", "採否", 8),
    ("title", "セミナー・訓練名", 18), ("note", "備考", 24),
)
HEADERS = {key: header for key, header, _ in COLUMNS}
KEY_BY_HEADER = {header: key for key, header, _ in COLUMNS}
FILLED_BY_HELLO_WORK = ("job_seeker_number", "navigator", "kind", "on", "end_on", "company",
                        "job_title", "result", "title", "note")
ROWS_PER_REFERRAL = 3
MAX_ROWS = 20_000
MAX_COLUMNS = 40
INSTRUCTION = ("「種別」から右の列に、支援の状況を1行に1件ずつ記入してください（種別: "
               + "・".join(HELLO_WORK_ACTIVITIES.values()) + "　採否: "
               + "・".join(HIRING_RESULTS.values())
               + "）。行が足りないときは、支援要請番号とケース番号を写した行を追加してください。"
               "求職番号とナビゲーターは、空欄または変更があれば記入してください。")


@dataclass(frozen=True)
class SheetReferral:
    """One open referral as the sheet lists it."""

    number: str
    case_number: str
    name: str
    referred_on: date
    job_seeker_number: str
    navigator: str
    so_far: str


@dataclass(frozen=True)
class SheetRow:
    """A data row as read back: its row number in the file and its cells by column key."""

    row: int
    cells: dict[str, Any]

    def text(self, key: str) -> str:
        return cell_text(self.cells.get(key))

    def is_blank(self, keys: tuple[str, ...]) -> bool:
        return not any(self.text(k) for k in keys)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return restore(str(value).strip())


def write_sheet(office_name: str, welfare_office: str, made_on: date,
                referrals: list[SheetReferral]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([f"{TITLE}（{office_name}）"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([OFFICE_LABEL, office_name, "福祉事務所", welfare_office, "作成日",
               format_wareki(made_on)])
    ws.append([INSTRUCTION])
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(COLUMNS))
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[3].height = 32
    ws.append([])
    ws.append([header for _, header, _ in COLUMNS])
    header_row = ws.max_row
    ours = PatternFill("solid", fgColor="E8EEF4")
    theirs = PatternFill("solid", fgColor="FFF4D6")
    thin = Side(style="thin", color="999999")
    for c, (key, _, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(header_row, c)
        cell.font = Font(bold=True)
        cell.fill = theirs if key in FILLED_BY_HELLO_WORK else ours
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = width
    grey = Font(color="777777")
    for r in referrals:
        first = [r.number, r.case_number, r.name, format_wareki(r.referred_on),
                 r.job_seeker_number, r.navigator, r.so_far]
        ws.append([neutralise(v) if v else None for v in first])
        ws.cell(ws.max_row, 7).alignment = Alignment(wrap_text=True, vertical="top")
        for _ in range(ROWS_PER_REFERRAL - 1):
            ws.append([neutralise(r.number), neutralise(r.case_number), neutralise(r.name)])
            for c in (1, 2, 3):
                ws.cell(ws.max_row, c).font = grey
    last = max(ws.max_row, header_row + 1)
    for row in ws.iter_rows(min_row=header_row, max_row=last, max_col=len(COLUMNS)):
        for cell in row:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    kinds = DataValidation(type="list", allow_blank=True,
                           formula1='"' + ",".join(HELLO_WORK_ACTIVITIES.values()) + '"')
    results = DataValidation(type="list", allow_blank=True,
                             formula1='"' + ",".join(HIRING_RESULTS.values()) + '"')
    letter = {key: get_column_letter(i) for i, (key, _, _) in enumerate(COLUMNS, start=1)}
    first_data = header_row + 1
    kinds.add(f"{letter['kind']}{first_data}:{letter['kind']}{last + 200}")
    results.add(f"{letter['result']}{first_data}:{letter['result']}{last + 200}")
    ws.add_data_validation(kinds)
    ws.add_data_validation(results)
    ws.freeze_panes = ws.cell(first_data, 4)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = f"{TITLE}（{office_name}）"
    wb.properties.creator = "つなぎ (Tsunagi)"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def read_sheet(data: bytes) -> tuple[str, list[SheetRow]]:
    """The office named on the sheet and its data rows (blank rows left out). The sheet's
    declared size is not trusted: at most MAX_COLUMNS columns and MAX_ROWS rows are read."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InvalidInput("file", _t("Excelファイルとして読み取れません（{error}）").format(
            error=type(exc).__name__)) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        office = ""
        columns: dict[int, str] | None = None
        rows: list[SheetRow] = []
        for number, values in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True),
                                        start=1):
            texts = [cell_text(v) for v in values]
            if columns is None:
                if texts and texts[0] == OFFICE_LABEL and len(texts) > 1:
                    office = texts[1]
                if HEADERS["number"] in texts:
                    columns = {i: KEY_BY_HEADER[t] for i, t in enumerate(texts)
                               if t in KEY_BY_HEADER}
                elif number >= 20:
                    break
                continue
            if len(rows) >= MAX_ROWS:
                raise InvalidInput("file", _t("1回に取り込める行数は{n:,}行までです").format(
                    n=MAX_ROWS))
            if not any(texts):
                continue
            rows.append(SheetRow(number, {key: values[i] for i, key in columns.items()
                                          if i < len(values)}))
    finally:
        wb.close()
    if columns is None:
        raise InvalidInput("file", _t("支援状況連絡票の見出し行（支援要請番号・ケース番号 などの列名）が見つかりません"))
    missing = [HEADERS[k] for k in ("number", "case_number", "kind", "on")
               if k not in columns.values()]
    if missing:
        raise InvalidInput("file", _t("必須の列がありません: {columns}").format(
            columns=listing(missing)))
    return office, rows
