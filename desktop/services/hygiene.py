"""Every text a person can type passes one check before it is written, whatever the use case.

A ``before_flush`` hook on the ORM session looks at each new or changed record's text
columns and refuses (InvalidInput naming the field, nothing written):
- control characters (NUL, escape sequences …); line breaks and tabs only in long-text
  (Text) columns,
- bidirectional-override characters (U+202A–U+202E, U+2066–U+2069), which can make a name
  display differently from what is stored,
- unpaired surrogates, which cannot be stored as UTF-8,
- more characters than the column holds (String(n)), or than MAX_TEXT for long text.

Formula-like text (=CMD(...)) is stored as typed; it is neutralised where it leaves the
application (ledger and report exports).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from sqlalchemy import JSON, String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from desktop.i18n import N_, translator
from desktop.models import AuditEntry
from desktop.services.errors import InvalidInput

_t = translator("Hygiene")
MAX_TEXT = 20_000
JSON_TEXT = 500  # one text inside a JSON value (a recipient, a setting)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Written by the application itself, never typed: not checked.
SKIP = {("consents", "wording_text"), ("users", "password_hash")}
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


def problem(value: str, limit: int | None, multiline: bool) -> str | None:
    """Why ``value`` cannot be stored, in Japanese, or None."""
    if limit is not None and len(value) > limit:
        return _t("{limit:,}文字以内で入力してください（{count:,}文字あります）").format(
            limit=limit, count=len(value))
    for ch in value:
        if ch in BIDI_CONTROLS:
            return _t("文字の表示方向を変える制御文字が含まれています")
        category = unicodedata.category(ch)
        if category == "Cs":
            return _t("保存できない文字が含まれています")
        if category == "Cc" and not (multiline and ch in "\n\t\r"):
            return (_t("改行は入力できません") if ch in "\n\r"
                    else _t("制御文字が含まれています（コピーした文字に紛れ込んでいないか確認してください）"))
    return None


@cache
def _text_columns(table: Any) -> list[tuple[str, str, int | None, bool]]:
    """(attribute key, column name, length limit, multiline) of a mapped table's text."""
    out: list[tuple[str, str, int | None, bool]] = []
    for column in table.columns:
        if (table.name, column.name) in SKIP:
            continue
        if isinstance(column.type, Text):
            out.append((column.key, column.name, MAX_TEXT, True))
        elif isinstance(column.type, String):
            out.append((column.key, column.name, column.type.length, False))
        elif isinstance(column.type, JSON):  # settings values, consent recipients and scope
            out.append((column.key, column.name, JSON_TEXT, False))
    return out


def _check(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, AuditEntry):
            continue
        state = inspect(obj)
        table = state.mapper.local_table
        for key, name, limit, multiline in _text_columns(table):
            if obj not in session.new and not state.attrs[key].history.has_changes():
                continue
            value = getattr(obj, key)
            items = value if isinstance(value, list) else [value]
            # JSON lists may hold records (plan team members): check their texts too.
            items = [v for i in items for v in (i.values() if isinstance(i, dict) else [i])]
            for item in items:
                if isinstance(item, str) and (why := problem(item, limit, multiline)):
                    raise InvalidInput(name, _t("{field}: {why}").format(
                        field=_t(LABELS.get(name, name)), why=why))


def install() -> None:
    """Idempotent: the hook is registered once for every Session."""
    if not event.contains(Session, "before_flush", _check):
        event.listen(Session, "before_flush", _check)
