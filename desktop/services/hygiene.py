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

from desktop.models import AuditEntry
from desktop.services.errors import InvalidInput

MAX_TEXT = 20_000
JSON_TEXT = 500  # one text inside a JSON value (a recipient, a setting)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Written by the application itself, never typed: not checked.
SKIP = {("consents", "wording_text"), ("users", "password_hash")}
LABELS = {
    "case_number": "ケース番号", "family_name": "氏", "given_name": "名",
    "family_kana": "フリガナ（氏）", "given_kana": "フリガナ（名）", "address": "住所",
    "postal_code": "郵便番号", "phone_home": "電話（自宅）", "phone_mobile": "電話（携帯）",
    "household": "世帯状況", "barriers": "就労阻害要因", "education": "学歴",
    "work_history": "職歴", "licences": "資格・免許", "desired_job": "希望職種",
    "content": "内容", "next_action": "次の対応", "note": "備考", "employer": "事業所名",
    "job_title": "職種", "display_name": "表示名", "username": "ユーザー名", "name": "名称",
    "reason": "理由", "end_reason": "離職理由", "return_reason": "差戻しの理由",
    "goal_job": "目標とする職種", "result": "結果", "decisions": "決定事項",
    "recipients": "提供先", "value": "設定値", "team": "チーム構成員",
}


def problem(value: str, limit: int | None, multiline: bool) -> str | None:
    """Why ``value`` cannot be stored, in Japanese, or None."""
    if limit is not None and len(value) > limit:
        return f"{limit:,}文字以内で入力してください（{len(value):,}文字あります）"
    for ch in value:
        if ch in BIDI_CONTROLS:
            return "文字の表示方向を変える制御文字が含まれています"
        category = unicodedata.category(ch)
        if category == "Cs":
            return "保存できない文字が含まれています"
        if category == "Cc" and not (multiline and ch in "\n\t\r"):
            return ("改行は入力できません" if ch in "\n\r"
                    else "制御文字が含まれています（コピーした文字に紛れ込んでいないか確認してください）")
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
                    raise InvalidInput(name, f"{LABELS.get(name, name)}: {why}")


def install() -> None:
    """Idempotent: the hook is registered once for every Session."""
    if not event.contains(Session, "before_flush", _check):
        event.listen(Session, "before_flush", _check)
