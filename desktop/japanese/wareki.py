"""和暦 (Japanese era) dates: formatting for display and print, parsing of what people type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from desktop.i18n import N_, shown_date, translator

_t = translator("Wareki")

class DateParseError(ValueError):
    """Raised with a message in Japanese that can be shown to the user as is."""


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: date


# Newest first. Meiji starts on the day of the 改元 (the calendar before 1873 was lunisolar,
# so dates before then are not meaningful for this application anyway).
ERAS: tuple[Era, ...] = (
    Era(N_("令和"), "R", date(2019, 5, 1)),
    Era(N_("平成"), "H", date(1989, 1, 8)),
    Era(N_("昭和"), "S", date(1926, 12, 25)),
    Era(N_("大正"), "T", date(1912, 7, 30)),
    Era(N_("明治"), "M", date(1868, 10, 23)),
)
_BY_NAME = {e.name: e for e in ERAS} | {e.name[0]: e for e in ERAS} | {e.letter: e for e in ERAS}


def era_of(d: date) -> Era:
    for era in ERAS:
        if d >= era.start:
            return era
    raise ValueError(_t("{date} は明治より前の日付です").format(date=d.isoformat()))


def era_year(d: date) -> tuple[Era, int]:
    era = era_of(d)
    return era, d.year - era.start.year + 1


def _year_text(n: int) -> str:
    return "元" if n == 1 else str(n)


def format_wareki(d: date) -> str:
    """令和7年4月1日 (元年 for the first year of an era)."""
    era, y = era_year(d)
    return f"{era.name}{_year_text(y)}年{d.month}月{d.day}日"


def format_wareki_short(d: date) -> str:
    """R7.4.1: the compact form used in ledgers and narrow table columns."""
    era, y = era_year(d)
    return f"{era.letter}{y}.{d.month}.{d.day}"


def format_wareki_year(fiscal_or_calendar_year: int) -> str:
    """令和7年 for 2025 (the era in force on 1 April of that year, as fiscal years are named)."""
    era, y = era_year(date(fiscal_or_calendar_year, 4, 1))
    return f"{era.name}{_year_text(y)}年"


_ERA_KEYS = "|".join(sorted((re.escape(k) for k in _BY_NAME), key=len, reverse=True))
_WAREKI = re.compile(
    rf"^(?P<era>{_ERA_KEYS})\s*(?P<y>元|\d{{1,3}})\s*(?:年|[./\-])\s*(?P<m>\d{{1,2}})\s*(?:月|[./\-])"
    rf"\s*(?P<d>\d{{1,2}})\s*日?$"
)
_SEIREKI = re.compile(
    r"^(?P<y>\d{4})\s*(?:年|[./\-])\s*(?P<m>\d{1,2})\s*(?:月|[./\-])\s*(?P<d>\d{1,2})\s*日?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")


def _make_date(y: int, m: int, d: int, shown: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateParseError(_t("「{shown}」は存在しない日付です").format(shown=shown)) from None


def parse_date(text: str) -> date:
    """Parse R7.4.1, 令和7年4月1日, 令和元年5月1日, H31.4.30, 2025-04-01, 2025/4/1, 20250401.

    Full-width digits and letters are accepted. An era date outside its era (平成31年5月1日,
    令和元年4月30日) is refused, naming the era that applies on that day.
    """
    raw = text
    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        raise DateParseError(_t("日付が入力されていません"))
    s = s.upper().replace("〇", "0")
    if m := _WAREKI.match(s):
        era = _BY_NAME[m["era"]]
        n = 1 if m["y"] == "元" else int(m["y"])
        if n < 1:
            raise DateParseError(_t("「{raw}」の年が正しくありません").format(raw=raw))
        d = _make_date(era.start.year + n - 1, int(m["m"]), int(m["d"]), raw)
        actual = era_of(d)
        if actual is not era:
            raise DateParseError(
                _t("「{raw}」は{era}の期間外です（その日は{date}です）").format(
                    raw=raw, era=_t(era.name), date=shown_date(d))
            )
        return d
    if m := _SEIREKI.match(s) or _COMPACT.match(s):
        d = _make_date(int(m["y"]), int(m["m"]), int(m["d"]), raw)
        if d < ERAS[-1].start:
            raise DateParseError(_t("「{raw}」は明治より前の日付です").format(raw=raw))
        return d
    raise DateParseError(
        _t("「{raw}」は日付として読めません（例: R7.4.1、令和7年4月1日、2025-04-01）").format(raw=raw)
    )


def fiscal_year_of(d: date) -> int:
    """The 年度 (April–March) a date belongs to, named by its starting calendar year."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy`` (inclusive)."""
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (1/31 + 1 month = 2/28 or 2/29)."""
    total = d.month - 1 + months
    y, m = d.year + total // 12, total % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
