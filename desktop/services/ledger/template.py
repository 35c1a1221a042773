"""The ledger's layout (台帳のひな形): its columns in order, the required ones, and the xlsx
written in the template's layout (resources/templates/ledger_template.xlsx, made by
scripts/make_ledger_template.py). docs/LEDGER.md describes the columns."""

from __future__ import annotations

import io
from collections.abc import Iterable
from copy import copy

from desktop.cells import neutralise
from desktop.i18n import translator

_t = translator("Ledger")


COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_number", "ケース番号"), ("name", "氏名"), ("kana", "フリガナ"),
    ("birth_date", "生年月日"), ("sex", "性別"), ("postal_code", "〒"), ("address", "住所"),
    ("phone", "電話"), ("category", "対象者区分"), ("caseworker", "担当者"),
    ("intake_on", "受付日"), ("consent_on", "同意日"), ("referred_on", "支援要請日"),
    ("office", "支援要請先"), ("support_start_on", "支援開始日"), ("placed_on", "就職日"), ("employer", "事業所名"),
    ("job_title", "職種"), ("employment_type", "雇用形態"), ("term", "雇用期間区分"),
    ("r1", "1か月定着"), ("r3", "3か月定着"), ("r6", "6か月定着"), ("closed_on", "終了日"),
    ("closure_reason", "終了理由"), ("note", "備考"),
)


HEADER = {key: label for key, label in COLUMNS}


BY_HEADER = {label: key for key, label in COLUMNS}


REQUIRED = ("case_number", "name", "kana", "birth_date", "category", "intake_on")


RETENTION_COLUMNS = {"r1": 1, "r3": 3, "r6": 6}


# The ledger column a person field comes from (for naming it in a rejected row).
PERSON_COLUMNS = {"family_kana": "kana", "given_kana": "kana", "family_name": "name",
                  "given_name": "name", "phone_home": "phone", "phone_mobile": "phone"}


def ledger_xlsx(rows: Iterable[list[str]]) -> bytes:
    """The template's layout (its header, widths and notes sheet), written in openpyxl's
    streaming mode: loading the template and appending was 4x slower."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.cell import WriteOnlyCell

    from desktop.resources import resource_path

    template = load_workbook(resource_path("templates", "ledger_template.xlsx"))
    wb = Workbook(write_only=True)
    for source in template.worksheets:
        ws = wb.create_sheet(source.title)
        for letter, dim in source.column_dimensions.items():
            ws.column_dimensions[letter].width = dim.width
        if source.freeze_panes:
            ws.freeze_panes = source.freeze_panes
        for line in source.iter_rows():
            cells = []
            for c in line:
                cell = WriteOnlyCell(ws, value=c.value)
                cell.font, cell.fill, cell.alignment = copy(c.font), copy(c.fill), copy(
                    c.alignment)
                cells.append(cell)
            ws.append(cells)
        if source.title == "台帳":
            for row in rows:
                # Every value is text; one that a spreadsheet would run as a formula gets an
                # apostrophe (openpyxl would otherwise store "=..." as a formula).
                ws.append([neutralise(v) for v in row])
    template.close()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
