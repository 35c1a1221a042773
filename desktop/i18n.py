"""The words people see, in the language chosen on this PC (standard library only).

Japanese is the source language: every message is written in Japanese in the code, and the
English catalogue (resources/translations/tsunagi_en.ts, compiled to .qm at build time) maps it.
Each module names its context once and wraps what it shows::

    _t = translator("PersonView")
    label = _t("保存しました")
    text = _t("{name}さんの記録").format(name=name)

Texts kept in tables or variables are marked where they are written with ``N_`` (which returns
them unchanged, so the catalogue sees them) and translated where they are shown with ``_t``.
Printed forms, exports and the audit trail stay in Japanese whatever the language: they are
the office's records.

The lookup is installed by the app (Qt's translators) or the CLI; until then it is the identity,
so services and tests work unchanged in Japanese.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from desktop import preferences

LANGUAGES: dict[str, str] = {"ja": "日本語", "en": "English"}
DEFAULT_LANGUAGE = "ja"
CATALOGUE = "tsunagi_{language}"  # resources/translations/tsunagi_en.qm

Lookup = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_lookup: Lookup = _identity
_language = DEFAULT_LANGUAGE


def install(lookup: Lookup | None, language: str = DEFAULT_LANGUAGE) -> None:
    """Route every translation through ``lookup`` (None: back to Japanese as written)."""
    global _lookup, _language
    _lookup = lookup or _identity
    _language = language if lookup else DEFAULT_LANGUAGE


def current_language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    return _lookup(context, text) or text


def translator(context: str) -> Callable[[str], str]:
    """The ``_t`` of one module: its texts are looked up under ``context``."""

    def _t(text: str) -> str:
        return _lookup(context, text) or text

    return _t


def listing(items: Iterable[str]) -> str:
    """A、B、C in Japanese; A, B, C in English."""
    return translate("Text", "、").join(items)


def shown_date(d: date, short: bool = False) -> str:
    """令和7年4月1日 (R7.4.1 when short) in Japanese; 2025-04-01 in English."""
    from desktop.japanese.wareki import format_wareki, format_wareki_short

    if _language != "ja":
        return d.isoformat()
    return format_wareki_short(d) if short else format_wareki(d)


def shown_fiscal_year(fy: int, with_seireki: bool = True) -> str:
    """令和7年度（2025年度） in Japanese; FY2025 in English."""
    from desktop.japanese.wareki import format_wareki_year

    if _language != "ja":
        return f"FY{fy}"
    return f"{format_wareki_year(fy)}度（{fy}年度）" if with_seireki else f"{format_wareki_year(fy)}度"


def shown_month(year: int, month: int) -> str:
    """令和7年4月 in Japanese; 2025-04 in English."""
    from desktop.japanese.wareki import format_wareki

    if _language != "ja":
        return f"{year}-{month:02d}"
    return format_wareki(date(year, month, 1)).split("年")[0] + f"年{month}月"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def shown_month_name(month: int, short: bool = False) -> str:
    """4月 in Japanese; April (Apr when short) in English: a month without its year."""
    if _language == "ja":
        return f"{month}月"
    name = _MONTHS[month - 1]
    return name[:3] if short else name


def N_(text: str) -> str:
    """Marks a text for the catalogue where it is written; translate it where it is shown."""
    return text


def saved_language(data_dir: Path) -> str:
    """This PC's language: TSUNAGI_LANG, else the preference saved in the data folder, else
    Japanese. An unknown value is Japanese (never an error at start-up)."""
    chosen = os.environ.get("TSUNAGI_LANG", "").strip().lower()
    if not chosen:
        chosen = str(preferences.load(data_dir).get("language", ""))
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, language: str) -> None:
    """Saves the language for this PC (applies from the next start). Other preferences in
    the file are kept; the file is replaced whole, never half written."""
    if language not in LANGUAGES:
        raise ValueError(language)
    preferences.save(data_dir, language=language)
