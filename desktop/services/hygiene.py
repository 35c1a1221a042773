"""Every text a person can type passes one check before it is written, whatever the path.

``check_values(table, row)`` is that check. A ``before_flush`` hook on the ORM session runs
it on each new or changed record; the bulk paths, which insert with Core and so never reach
the hook (ledger import, outreach kit import, demo data: ``services.bulk.Batch``), call it
on every row. It refuses (InvalidInput naming the field, nothing written):
- more characters than the column holds (``String(n)``), or than MAX_TEXT for long text,
- control characters (NUL, escape sequences …); line breaks and tabs only in long-text
  (Text) columns,
- bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+061C), which can make a name
  display differently from what is stored,
- unpaired surrogates, which cannot be stored as UTF-8,
- in one-line fields (names, addresses, phone numbers …) also invisible characters (zero
  width space and joiners, the directional marks U+200E/U+200F, U+2060, U+FEFF), line and
  paragraph separators (U+2028, U+2029), and characters that no font the forms print with
  can draw (emoji, Hangul …; ``PRINTABLE``), so that what is printed is what was typed.

Formula-like text (=CMD(...)) is stored as typed; it is neutralised where it leaves the
application (``desktop.cells``), and refused in staff display names, which reports export.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import JSON, String, Table, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from desktop.cells import FORMULA_START
from desktop.i18n import N_, translator
from desktop.models import AuditEntry
from desktop.resources import resource_path
from desktop.services.errors import InvalidInput

_t = translator("Hygiene")
MAX_TEXT = 20_000
JSON_TEXT = 500  # one text inside a JSON value (a recipient, a setting)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u2028\u2029")
# Anything but plain text in one pass (C speed); a hit is then explained character by character.
_SUSPECT_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060"
                           "\u2066-\u2069\ufeff\ud800-\udfff]")
_SUSPECT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u202a-\u202e"
                           "\u2066-\u2069\ud800-\udfff]")
# Written by the application itself, never typed: not checked.
SKIP = {("consents", "wording_text"), ("users", "password_hash"),
        # The caseworker's texts of an issued document, checked by the print service
        # (services/printing.py: longer than one JSON text may be).
        ("issued_documents", "content")}
# Texts exported to spreadsheets as they are (report and ledger staff columns).
NO_FORMULA = {("users", "display_name")}
LABELS = {
    "case_number": N_("ケース番号"), "family_name": N_("氏"), "given_name": N_("名"),
    "family_kana": N_("フリガナ（氏）"), "given_kana": N_("フリガナ（名）"), "address": N_("住所"),
    "postal_code": N_("郵便番号"), "phone_home": N_("電話（自宅）"), "phone_mobile": N_("電話（携帯）"),
    "household": N_("世帯状況"), "barriers": N_("就労阻害要因"), "education": N_("学歴"),
    "work_history": N_("職歴"), "licences": N_("資格・免許"), "desired_job": N_("希望職種"),
    "content": N_("内容"), "next_action": N_("次の対応"), "note": N_("備考"), "employer": N_("事業所名"),
    "job_title": N_("職種"), "display_name": N_("表示名"), "username": N_("ユーザー名"), "name": N_("名称"),
    "reason": N_("理由"), "end_reason": N_("離職理由"), "return_reason": N_("差戻しの理由"),
    "goal_job": N_("目標とする職種"), "result": N_("結果"), "decisions": N_("決定事項"),
    "recipients": N_("提供先"), "value": N_("設定値"), "team": N_("チーム構成員"),
    "official_name": N_("正式名称"), "head_title": N_("長の職名"), "head_name": N_("長の氏名"),
    "phone": N_("電話"), "fax": N_("FAX"), "doc_symbol": N_("文書記号"),
    "phone_extension": N_("内線"), "navigators": N_("ナビゲーター"),
}


@cache
def printable() -> frozenset[int]:
    """The code points the forms' fonts can draw (IPAex明朝/ゴシック and IPAmj明朝), from
    resources/fonts/coverage.txt (made by scripts/font_coverage.py from the fonts' cmaps)."""
    points: set[int] = set()
    text = resource_path("fonts", "coverage.txt").read_text(encoding="ascii")
    for line in text.split():
        first, _, last = line.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def unprintable(value: str) -> str | None:
    """The first character of ``value`` that no bundled font can print, or None."""
    if value.isascii():
        return None
    covered = printable()
    return next((ch for ch in value if ord(ch) not in covered and ord(ch) >= 0x20), None)


def problem(value: str, limit: int | None, multiline: bool) -> str | None:
    """Why ``value`` cannot be stored, in Japanese, or None."""
    if len(value) <= 64 and _clean(value, limit, multiline):
        return None  # bulk paths repeat short values (names, codes): remembered as clean
    return _problem(value, limit, multiline)


@lru_cache(maxsize=65536)
def _clean(value: str, limit: int | None, multiline: bool) -> bool:
    return _problem(value, limit, multiline) is None


def _problem(value: str, limit: int | None, multiline: bool) -> str | None:
    if limit is not None and len(value) > limit:
        return _t("{limit:,}文字以内で入力してください（{count:,}文字あります）").format(
            limit=limit, count=len(value))
    suspect = (_SUSPECT_TEXT if multiline else _SUSPECT_LINE).search(value)
    if suspect is not None:
        for ch in value[suspect.start():]:
            if ch in BIDI_CONTROLS:
                return _t("文字の表示方向を変える制御文字が含まれています")
            if ch in INVISIBLE and not multiline:
                return _t("目に見えない文字（ゼロ幅スペース・方向マーク・行区切りなど）が含まれています。"
                          "コピーした文字に紛れ込んでいないか確認してください")
            category = unicodedata.category(ch)
            if category == "Cs":
                return _t("保存できない文字が含まれています")
            if category == "Cc" and not (multiline and ch in "\n\t\r"):
                return (_t("改行は入力できません") if ch in "\n\r"
                        else _t("制御文字が含まれています（コピーした文字に紛れ込んでいないか確認してください）"))
    if not multiline and (bad := unprintable(value)) is not None:
        return _t("「{char}」（U+{code:04X}）は書類に印刷できない文字のため入力できません"
                  "（絵文字など）。別の文字で入力してください").format(char=bad, code=ord(bad))
    return None


@cache
def text_columns(table: Table) -> dict[str, tuple[str, int | None, bool]]:
    """Column name → (attribute key, length limit, multiline) of a table's typed text."""
    out: dict[str, tuple[str, int | None, bool]] = {}
    for column in table.columns:
        if (table.name, column.name) in SKIP:
            continue
        if isinstance(column.type, Text):
            out[column.name] = (column.key, MAX_TEXT, True)
        elif isinstance(column.type, String):
            out[column.name] = (column.key, column.type.length, False)
        elif isinstance(column.type, JSON):  # settings values, consent recipients and scope
            out[column.name] = (column.key, JSON_TEXT, False)
    return out


def value_problem(table: Table, column: str, value: Any) -> str | None:
    """Why ``value`` cannot go into ``table.column``, in Japanese (without the field's
    name), or None. Columns that hold no typed text are not checked here."""
    spec = text_columns(table).get(column)
    if spec is None or value is None:
        return None
    _key, limit, multiline = spec
    items = value if isinstance(value, list) else [value]
    # JSON lists may hold records (plan team members): check their texts too.
    items = [v for i in items for v in (i.values() if isinstance(i, dict) else [i])]
    for item in items:
        if isinstance(item, str):
            if why := problem(item, limit, multiline):
                return why
            if (table.name, column) in NO_FORMULA and item.lstrip().startswith(FORMULA_START):
                return _t("先頭に = + - @ は使えません（表計算ソフトで数式として実行されるため）")
    return None


def label(column: str) -> str:
    return _t(LABELS.get(column, column))


def check_values(table: Table, row: Mapping[str, Any]) -> None:
    """The one value check: every text of ``row`` (column name → value) fits ``table``, or
    InvalidInput naming the first field that does not. Only the table's text columns are
    looked at (the bulk paths call this for every row they insert)."""
    for column, (_key, limit, multiline) in text_columns(table).items():
        value = row.get(column)
        if value is None:
            continue
        if (type(value) is str and len(value) <= 64 and _clean(value, limit, multiline)
                and (table.name, column) not in NO_FORMULA):
            continue
        if why := value_problem(table, column, value):
            raise InvalidInput(column, _t("{field}: {why}").format(field=label(column), why=why))


def _check(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, AuditEntry):
            continue
        state = inspect(obj)
        table = state.mapper.local_table
        assert isinstance(table, Table)
        changed = {name: getattr(obj, key) for name, (key, _l, _m) in text_columns(table).items()
                   if obj in session.new or state.attrs[key].history.has_changes()}
        check_values(table, changed)


def install() -> None:
    """Idempotent: the hook is registered once for every Session."""
    if not event.contains(Session, "before_flush", _check):
        event.listen(Session, "before_flush", _check)
