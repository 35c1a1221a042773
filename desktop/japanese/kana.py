"""Kana and width folding so that search treats ひらがな/カタカナ and 全角/半角 alike."""

from __future__ import annotations

import re
import unicodedata

_HIRA_TO_KATA = {c: c + 0x60 for c in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
_SPACES = re.compile(r"\s+")


def to_katakana(text: str) -> str:
    """Hiragana to katakana; everything else unchanged."""
    return text.translate(_HIRA_TO_KATA)


def fold(text: str) -> str:
    """The search key of a text: NFKC, case-folded, hiragana→katakana, no whitespace.

    NFKC turns half-width katakana into full width and full-width ASCII into ASCII;
    it does not fold hiragana and katakana, hence the extra step.
    """
    s = text or ""
    # Case folding and removing spaces can expose new compositions (a spacing accent next
    # to a letter); repeat until stable so that fold(fold(x)) == fold(x).
    for _ in range(4):
        folded = _SPACES.sub("", to_katakana(unicodedata.normalize("NFKC", s).casefold()))
        if folded == s:
            break
        s = folded
    return s


def fold_terms(query: str) -> list[str]:
    """Split a query on whitespace (half or full width) and fold each term. Control and
    invisible format characters (NUL, bidi marks, zero-width joiners) are dropped: no stored
    name contains them, and NUL would end the full-text query early."""
    s = unicodedata.normalize("NFKC", query or "")
    s = "".join(ch for ch in s if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return [t for t in (fold(p) for p in s.split()) if t]
