"""Display text for domain codes and dates, through Qt's translation layer."""

from __future__ import annotations

import re
from datetime import date

from desktop.i18n import listing, shown_date, shown_fiscal_year, translator
from desktop.services import labels

_t = translator("Text")
_labels = translator("Labels")

__all__ = ["age", "choices", "fiscal_year", "fiscal_year_short", "label", "listing",
           "parenthesised", "split_list", "user_label", "wareki"]

_TABLES = {
    "state": labels.STATES, "category": labels.CATEGORIES, "consent": labels.CONSENT_KINDS,
    "scope": labels.CONSENT_SCOPE, "contact": labels.CONTACT_KINDS,
    "menu": labels.SUPPORT_MENU, "term": labels.TERM_CATEGORIES,
    "route": labels.PLACEMENT_ROUTES, "checkpoint": labels.CHECKPOINT_RESULTS,
    "protection": labels.PROTECTION_OUTCOMES, "role": labels.ROLES, "sex": labels.SEXES,
    "support_route": labels.ROUTES, "support_activity": labels.ACTIVITY_KINDS,
    "experience": labels.EXPERIENCE_TYPES, "training": labels.TRAINING_TYPES,
    "outcome": labels.ACTIVITY_OUTCOMES, "offer": labels.EMPLOYER_OFFERS,
    "cost_kind": labels.COST_KINDS, "cost_purpose": labels.COST_PURPOSES,
    "meeting": labels.MEETING_KINDS, "side": labels.ATTENDEE_SIDES,
    "readiness": labels.READINESS_SCORES,
    "activity": labels.HELLO_WORK_ACTIVITIES, "hiring": labels.HIRING_RESULTS,
}


def label(table: str, key: str | int | None) -> str:
    """The label of a code, e.g. label("state", "active") → 支援中."""
    if key is None:
        return ""
    return _labels(str(_TABLES[table].get(key, key)))


def choices(table: str) -> list[tuple[str, str]]:
    return [(k, label(table, k)) for k in _TABLES[table]]


def wareki(d: date | None, short: bool = False) -> str:
    """令和7年4月1日 (R7.4.1 when short) in Japanese; 2025-04-01 in English."""
    return shown_date(d, short) if d is not None else ""


def fiscal_year(fy: int) -> str:
    """令和7年度（2025） in Japanese; FY2025 in English."""
    return shown_fiscal_year(fy)


def fiscal_year_short(fy: int) -> str:
    """令和7年度 in Japanese; FY2025 in English."""
    return shown_fiscal_year(fy, with_seireki=False)


def parenthesised(text: str, note: str) -> str:
    """text（note）: a name with its user id, a task with its due date."""
    return _t("{text}（{note}）").format(text=text, note=note) if note else text


def split_list(text: str) -> list[str]:
    """Names typed as a list, separated by 、 or commas in either language."""
    return [n.strip() for n in re.split(r"[、,，]", text) if n.strip()]  # i18n: ja


def user_label(display_name: str, username: str) -> str:
    return parenthesised(display_name, username)


def age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
