"""和暦 formatting and parsing, including 元年 and the era boundaries."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.japanese.wareki import (
    DateParseError,
    add_months,
    fiscal_year_of,
    fiscal_year_range,
    format_wareki,
    format_wareki_short,
    parse_date,
)

dates = st.dates(min_value=date(1868, 10, 23), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    ("d", "long", "short"),
    [
        (date(2025, 4, 1), "令和7年4月1日", "R7.4.1"),
        (date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
        (date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (date(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (date(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
    ],
)
def test_format_shows_era_and_gannen(d: date, long: str, short: str) -> None:
    assert format_wareki(d) == long
    assert format_wareki_short(d) == short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R7.4.1", date(2025, 4, 1)),
        ("r7.4.1", date(2025, 4, 1)),
        ("Ｒ７．４．１", date(2025, 4, 1)),
        ("令和7年4月1日", date(2025, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令7.4.1", date(2025, 4, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("S55/1/2", date(1980, 1, 2)),
        ("2025-04-01", date(2025, 4, 1)),
        ("2025/4/1", date(2025, 4, 1)),
        ("2025年4月1日", date(2025, 4, 1)),
        ("20250401", date(2025, 4, 1)),
        (" ２０２５－０４－０１ ", date(2025, 4, 1)),
    ],
)
def test_parse_accepts_what_people_type(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("平成31年5月1日", "令和元年5月1日"),  # Heisei ended on 4/30
        ("R1.4.30", "平成31年4月30日"),  # Reiwa began on 5/1
        ("R7.2.30", "存在しない日付"),
        ("2025-13-01", "存在しない日付"),
        ("あした", "日付として読めません"),
        ("", "入力されていません"),
    ],
)
def test_parse_refuses_with_a_japanese_reason(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as err:
        parse_date(text)
    assert fragment in str(err.value)


@given(dates)
def test_long_and_short_forms_round_trip(d: date) -> None:
    assert parse_date(format_wareki(d)) == d
    assert parse_date(format_wareki_short(d)) == d
    assert parse_date(d.isoformat()) == d


@given(dates)
def test_fiscal_year_contains_the_date(d: date) -> None:
    first, last = fiscal_year_range(fiscal_year_of(d))
    assert first <= d <= last


def test_fiscal_year_boundary_is_april_first() -> None:
    assert fiscal_year_of(date(2025, 3, 31)) == 2024
    assert fiscal_year_of(date(2025, 4, 1)) == 2025


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2190, 1, 1)),
       st.integers(min_value=0, max_value=120))
def test_add_months_lands_in_the_right_month_and_never_later_day(d: date, n: int) -> None:
    result = add_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    assert result.day <= d.day


def test_add_months_clamps_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
