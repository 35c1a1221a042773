"""Display text for domain codes and dates, through Qt's translation layer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop.japanese.wareki import format_wareki, format_wareki_short
from desktop.services import labels

_TABLES = {
    "state": labels.STATES, "category": labels.CATEGORIES, "consent": labels.CONSENT_KINDS,
    "scope": labels.CONSENT_SCOPE, "contact": labels.CONTACT_KINDS,
    "menu": labels.SUPPORT_MENU, "term": labels.TERM_CATEGORIES,
    "route": labels.PLACEMENT_ROUTES, "checkpoint": labels.CHECKPOINT_RESULTS,
    "protection": labels.PROTECTION_OUTCOMES, "role": labels.ROLES, "sex": labels.SEXES,
}


def label(table: str, key: str | None) -> str:
    """The label of a code, e.g. label("state", "active") → 支援中."""
    if key is None:
        return ""
    text = _TABLES[table].get(key, key)
    return QCoreApplication.translate("Labels", text)


def choices(table: str) -> list[tuple[str, str]]:
    return [(k, label(table, k)) for k in _TABLES[table]]


def wareki(d: date | None, short: bool = False) -> str:
    if d is None:
        return ""
    return format_wareki_short(d) if short else format_wareki(d)


def age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
