"""Kana folding for search keys and the validators for 〒, telephone and フリガナ."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.japanese.kana import fold, fold_terms, to_katakana
from desktop.japanese.validators import (
    ValidationError,
    furigana,
    phone_number,
    postal_code,
    printed_phone,
)

hiragana = st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3096), min_size=1)


@given(hiragana)
def test_hiragana_and_katakana_fold_to_the_same_key(text: str) -> None:
    assert fold(text) == fold(to_katakana(text))


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_width_and_case_do_not_matter() -> None:
    assert fold("ﾔﾏﾀﾞ ﾀﾛｳ") == fold("やまだ　たろう") == "ヤマダタロウ"
    assert fold("Ｃ－０１２") == fold("c-012") == "c-012"


def test_query_terms_split_on_any_space() -> None:
    assert fold_terms("山田　たろう  C1") == ["山田", "タロウ", "c1"]


@pytest.mark.parametrize("text", ["123-4567", "1234567", "〒123-4567", "１２３－４５６７", "123ー4567"])
def test_postal_code_normalised(text: str) -> None:
    assert postal_code(text) == "123-4567"


@pytest.mark.parametrize("text", ["123-456", "12-34567", "abc-defg", "1234-567", ""])
def test_postal_code_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="郵便番号"):
        postal_code(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03-1234-5678", "03-1234-5678"),
        ("0312345678", "0312345678"),
        ("090-1234-5678", "090-1234-5678"),
        ("０８０－１２３４－５６７８", "080-1234-5678"),
        ("050-1234-5678", "050-1234-5678"),
        ("045-123-4567", "045-123-4567"),
        ("(03) 1234-5678", "03-1234-5678"),
    ],
)
def test_phone_numbers_accepted(text: str, expected: str) -> None:
    assert phone_number(text) == expected


@pytest.mark.parametrize(
    "text",
    ["03-1234-567", "090-1234-567", "0012345678", "03-1234-56789", "01234567890", "電話", "+81-3"],
)
def test_phone_numbers_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        phone_number(text)


@given(st.from_regex(r"0(1[0-9]|[2-9][1-9])[0-9]{7}", fullmatch=True))
def test_every_ten_digit_fixed_line_is_accepted(digits: str) -> None:
    assert phone_number(digits) == digits


@given(st.from_regex(r"0[789]0[0-9]{8}", fullmatch=True))
def test_every_mobile_number_is_accepted_with_hyphens(digits: str) -> None:
    text = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    assert phone_number(text) == text


def test_furigana_converts_hiragana_and_half_width() -> None:
    assert furigana("やまだ") == "ヤマダ"
    assert furigana("ﾔﾏﾀﾞ") == "ヤマダ"
    assert furigana("サトウ　ヒナ") == "サトウ ヒナ"


@pytest.mark.parametrize("text", ["山田", "Yamada", "ヤマダ1", ""])
def test_furigana_refuses_non_kana(text: str) -> None:
    with pytest.raises(ValidationError, match="フリガナ"):
        furigana(text)


@pytest.mark.parametrize(("stored", "printed"), [
    ("0312345678", "03-1234-5678"), ("0612345678", "06-1234-5678"),
    ("09012345678", "090-1234-5678"), ("07012345678", "070-1234-5678"),
    ("05012345678", "050-1234-5678"), ("0120123456", "0120-123-456"),
    ("0570123456", "0570-123-456"), ("08001234567", "0800-123-4567"),
    # An area code the first digits cannot tell (045 / 0422 / 04-29…): as typed.
    ("0451234567", "0451234567"), ("0422123456", "0422123456"),
    # Hyphens typed, a wrong length, not digits, nothing: as typed.
    ("045-123-4567", "045-123-4567"), ("031234567", "031234567"),
    ("内線123", "内線123"), ("", ""),
])
def test_a_printed_phone_number_gets_hyphens_only_where_they_are_certain(
        stored: str, printed: str) -> None:
    assert printed_phone(stored) == printed


@given(st.from_regex(r"0[1-9][0-9]{8,9}", fullmatch=True))
def test_a_printed_phone_number_keeps_its_digits_in_their_order(stored: str) -> None:
    printed = printed_phone(stored)
    assert printed.replace("-", "") == stored
    if printed != stored:  # hyphenated: three groups, none empty, each valid again
        assert len(printed.split("-")) == 3 and all(printed.split("-"))
        assert phone_number(printed) == printed
