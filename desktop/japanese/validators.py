"""Validators for 〒, telephone numbers and フリガナ. Each returns the normalised value or
raises ValidationError with a message in Japanese."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from desktop.i18n import translator
from desktop.japanese.kana import to_katakana

_t = translator("Validators")

class ValidationError(ValueError):
    """Bad input; ``field`` names the form field, the message is shown to the user as is."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ーｰ－"})
_POSTAL = re.compile(r"^〒?\s*(\d{3})-?(\d{4})$")


def postal_code(text: str) -> str:
    """〒123-4567, 1234567, １２３－４５６７ → 123-4567."""
    s = unicodedata.normalize("NFKC", text or "").strip().translate(_DASHES)
    if m := _POSTAL.match(s):
        return f"{m[1]}-{m[2]}"
    raise ValidationError("postal_code", _t("郵便番号は 123-4567 の形式（7桁）で入力してください"))


_PHONE_CHARS = re.compile(r"^[0-9\-() ]+$")


def phone_number(text: str) -> str:
    """Japanese telephone numbers: 10 digits fixed line (0 + non-zero), or 11 digits for
    mobile and IP phones (0A0: 070/080/090/060/020, and 050). Hyphens are kept as typed,
    full-width input is normalised."""
    s = unicodedata.normalize("NFKC", text or "").strip().translate(_DASHES)
    s = re.sub(r"\s+", " ", s)
    if not s or not _PHONE_CHARS.match(s):
        raise ValidationError("phone", _t("電話番号は数字とハイフンで入力してください"))
    digits = re.sub(r"\D", "", s)
    # 0A0 (A = 2, 5–9) prefixes are mobile/IP/M2M services with 11 digits; every other
    # number starting with 0 + non-zero is a 10-digit fixed line (0120 free dial included).
    eleven_digit_prefix = digits[2:3] == "0" and digits[1:2] in ("2", "5", "6", "7", "8", "9")
    ok = digits[:1] == "0" and digits[1:2] != "0" and (
        len(digits) == (11 if eleven_digit_prefix else 10))
    if not ok:
        raise ValidationError(
            "phone",
            _t("電話番号の桁数が正しくありません（固定電話は10桁、携帯・IP電話は11桁）"),
        )
    if "-" in s:
        parts = [p for p in re.split(r"[-() ]+", s) if p]
        return "-".join(parts)
    return digits


_KATAKANA_READING = re.compile(r"^[\u30A1-\u30FA\u30FC\u30FD\u30FE\u30FB ]+$")


def furigana(text: str) -> str:
    """フリガナ in full-width katakana. Hiragana and half-width katakana are converted;
    anything else (kanji, latin letters, digits) is refused."""
    s = unicodedata.normalize("NFKC", text or "").strip()
    s = re.sub(r"\s+", " ", to_katakana(s))
    if not s:
        raise ValidationError("kana", _t("フリガナを入力してください"))
    if not _KATAKANA_READING.match(s):
        raise ValidationError("kana", _t("フリガナはカタカナで入力してください"))
    return s


# Where the hyphens of a number stored as plain digits are certain from its first digits:
# (digits, prefixes, the lengths of its parts). A 10-digit fixed line elsewhere has an area
# code of 2 to 5 digits that only the national numbering plan tells (042 / 0422 / 04-29):
# left as typed rather than split wrongly.
_PHONE_GROUPS: tuple[tuple[int, tuple[str, ...], tuple[int, ...]], ...] = (
    (11, ("0800",), (4, 3, 4)),  # free dial
    (11, ("020", "050", "060", "070", "080", "090"), (3, 4, 4)),  # mobile, IP, M2M
    (10, ("0120", "0570", "0990"), (4, 3, 3)),  # free dial, navi dial, information
    # Tokyo, Osaka (060 and 030 begin 11-digit services, not these fixed lines)
    (10, tuple(f"0{area}{d}" for area in "36" for d in "123456789"), (2, 4, 4)),
)


def printed_phone(text: str) -> str:
    """A telephone number as a form prints it: plain digits get their hyphens where the
    grouping is certain (0312345678 → 03-1234-5678, 09012345678 → 090-1234-5678,
    0120123456 → 0120-123-456); anything else (hyphens typed, an area code the rule cannot
    tell, not a number) is printed as typed."""
    digits = (text or "").strip()
    if not (digits.isascii() and digits.isdigit()):
        return text
    for length, prefixes, parts in _PHONE_GROUPS:
        if len(digits) == length and digits.startswith(prefixes):
            cuts = [sum(parts[:i]) for i in range(len(parts) + 1)]
            return "-".join(digits[a:b] for a, b in pairwise(cuts))
    return text
