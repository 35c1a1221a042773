"""Text cells leaving the application for a spreadsheet: formula injection neutralised in one
place, for every export (ledger xlsx/CSV, rejected-rows report, indicator report xlsx/CSV).

A cell that a spreadsheet would run as a formula or treat as one (it starts with = + - @, or
with a tab or carriage return that Excel strips before looking) is written with a leading
apostrophe, the convention spreadsheets themselves use for "text, not a formula"; the
ledger import removes exactly that apostrophe again. Numbers are not touched. Standard
library only: the documents layer and the services both use it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` safe to put in a spreadsheet cell: text that would start a formula gets an
    apostrophe; anything else (numbers, None) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value


def restore(text: str) -> str:
    """The value a neutralised cell held: the apostrophe that ``neutralise`` added, and only
    that one, is removed."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def cell_text(value: Any) -> str:
    """A spreadsheet cell read back as text: dates as ISO dates, whole floats as integers,
    stripped, and the apostrophe that ``neutralise`` added on export removed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return restore(str(value).strip())
