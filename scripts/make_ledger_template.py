"""Build resources/templates/ledger_template.xlsx from the column list in the ledger service.

Run after changing desktop/services/ledger.py's COLUMNS:
    .venv/bin/python scripts/make_ledger_template.py
A test checks that the committed template matches the columns.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.services.labels import (  # noqa: E402
    CATEGORIES,
    CHECKPOINT_RESULTS,
    DEFAULT_CLOSURE_REASONS,
    SEXES,
    TERM_CATEGORIES,
)
from desktop.services.ledger import COLUMNS, REQUIRED  # noqa: E402

NOTES = {
    "case_number": "福祉事務所のケース番号。同じ番号の行は同じ人です",
    "name": "姓と名の間に空白（例: 山田 太郎）",
    "kana": "カタカナまたはひらがな、姓と名の間に空白",
    "birth_date": "和暦（R7.4.1、令和7年4月1日、S60.5.1）または西暦（2025-04-01）",
    "sex": "男性・女性・その他（男・女も可）、または空欄",
    "postal_code": "123-4567",
    "address": "",
    "phone": "自宅と携帯の両方は「/」で区切る",
    "category": "一覧から選ぶ",
    "caseworker": "職員の表示名またはユーザー名（空欄は担当者なし）",
    "intake_on": "受付日（必須）。ケース番号と受付日で支援エピソードを見分けます",
    "consent_on": "参加同意・情報提供同意の署名日",
    "referred_on": "ハローワークへの支援要請日",
    "office": "支援要請先のハローワーク（ハローワーク横浜 など、通称または正式名称）。"
              "未登録のハローワークは取込のときに登録できます。空欄は取込のときに選ぶハローワーク",
    "support_start_on": "ハローワークが受理し支援を開始した日",
    "placed_on": "就職日。同じエピソードで2回目の就職は、次の行に同じケース番号・受付日で記入",
    "employer": "就職日があるときは必須",
    "job_title": "",
    "employment_type": "正社員・パート など",
    "term": "一覧から選ぶ（就職日があるときは必須）。期間の定めなし・無期・4ヶ月以上・1～4か月 なども可",
    "r1": "継続就労・離職・連絡不能（○・済＝継続就労、×＝離職も可）。続けて確認日も書けます",
    "r3": "同上",
    "r6": "同上",
    "closed_on": "終了日と終了理由は両方入力",
    "closure_reason": "一覧から選ぶ",
    "note": "",
}


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "台帳"
    ws.append([label for _, label in COLUMNS])
    bold, required_fill = Font(bold=True), PatternFill("solid", fgColor="FCE4D6")
    fill = PatternFill("solid", fgColor="DDEBF7")
    for i, (key, label) in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, i)
        cell.font = bold
        cell.fill = required_fill if key in REQUIRED else fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = max(10, len(label) * 2 + 4)
    ws.freeze_panes = "C2"
    lists = {
        "category": list(CATEGORIES.values()),
        "sex": list(SEXES.values()),
        "term": list(TERM_CATEGORIES.values()),
        "closure_reason": DEFAULT_CLOSURE_REASONS,
    }
    keys = [k for k, _ in COLUMNS]
    for key, values in lists.items():
        col = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                            showErrorMessage=False)
        dv.add(f"{col}2:{col}10000")
        ws.add_data_validation(dv)
    for key in ("r1", "r3", "r6"):
        col = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(type="list", formula1=f'"{",".join(CHECKPOINT_RESULTS.values())}"',
                            allow_blank=True, showErrorMessage=False)
        dv.add(f"{col}2:{col}10000")
        ws.add_data_validation(dv)

    notes = wb.create_sheet("記入方法")
    notes.append(["列", "必須", "書き方"])
    for c in range(1, 4):
        notes.cell(1, c).font = bold
    for key, label in COLUMNS:
        notes.append([label, "○" if key in REQUIRED else "", NOTES.get(key, "")])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 6
    notes.column_dimensions["C"].width = 90
    wb.properties.title = "つなぎ 就労支援台帳"
    wb.properties.creator = "つなぎ (Tsunagi)"
    out = ROOT / "resources" / "templates" / "ledger_template.xlsx"
    wb.save(out)
    print(out)


if __name__ == "__main__":
    main()
