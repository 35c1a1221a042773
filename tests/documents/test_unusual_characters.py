"""Real names with characters IPAex lacks print correctly (security issue, item 8): 𠮷田 on
the referral sent to Hello Work comes out as 𠮷, in IPAmj明朝, never as a substitute box;
a character no bundled font has (emoji) stops the print with a message."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from desktop.documents import forms
from desktop.documents.forms import UnprintableText
from tests.conftest import World
from tests.documents.test_printing import text_of
from tests.services.helpers import to_state


def _fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_a_jis_x_0213_surname_prints_as_itself(world: World, tmp_path: Path) -> None:
    pid = world.person(family_name="𠮷田", given_name="髙﨑", family_kana="ヨシダ",
                       given_kana="タカサキ", address="東京都葛飾区柴又𠮷野町1-1",
                       birth_date=date(1980, 4, 1))
    episode = to_state(world, pid, "referred")
    doc = world.services.printing.print_document(world.cw_a, "referral", episode)
    text = text_of(doc.pdf)
    assert "𠮷田 髙﨑" in text and "柴又𠮷野町" in text
    assert any(name.endswith("IPAmjMincho") for name in _fonts(doc.pdf))
    # Rendered, for a person to look at (pdftoppm where installed, else pdfium).
    out = tmp_path / "referral.png"
    page = pypdfium2.PdfDocument(doc.pdf)[0]
    page.render(scale=1.5).to_pil().save(out)
    assert out.stat().st_size > 10_000
    if Path("/usr/bin/pdftoppm").exists():
        (tmp_path / "referral.pdf").write_bytes(doc.pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1",
                        str(tmp_path / "referral.pdf"), str(tmp_path / "page")], check=True)


def test_a_character_no_font_has_stops_the_print(world: World) -> None:
    pid = world.person(household="本人と犬😀の二人暮らし")  # long text may hold it...
    episode = to_state(world, pid, "referred")
    with pytest.raises(UnprintableText, match="U\\+1F600"):  # ...but it is never printed as ☒
        world.services.printing.print_document(world.cw_a, "referral", episode)


def test_without_ipamj_the_print_says_what_is_missing(world: World,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pid = world.person(family_name="𠮷田")
    episode = to_state(world, pid, "referred")
    monkeypatch.setattr(forms, "fallback_font_file", lambda: None)
    forms._fallback.cache_clear()
    try:
        with pytest.raises(UnprintableText, match="IPAmj明朝"):
            world.services.printing.print_document(world.cw_a, "referral", episode)
    finally:
        forms._fallback.cache_clear()


def test_markup_leaves_ordinary_text_alone() -> None:
    assert forms.markup("山田 <太郎> & 花子") == "山田 &lt;太郎&gt; &amp; 花子"
    assert forms.markup("𠮷").startswith('<font name="IPAmjMincho">')
