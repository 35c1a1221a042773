"""The official documents as A4 PDFs: 支援要請書, 同意書 and 同意撤回届, 就労支援プラン,
支援状況連絡票, 支援終了・同意撤回の連絡, 送付書 and the referral packet, with the bundled IPAex
fonts embedded (TrueType outlines, so every reader shows the same glyphs).

Layout as official documents are: 明朝 for the text, margins to bind on the left, the
number, date, addressee (殿) and issuer at the head, 「記」 … 「以上」, each document's pages
numbered 「1/2」. Long names and texts wrap, then shrink, then continue on the next page;
nothing is clipped. What is printed is decided by the services (the consent's scope among
it): this module only lays it out."""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeAlias

from reportlab import rl_config
from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import split as _words

from desktop.errors import DomainError
from desktop.i18n import translator
from desktop.japanese.wareki import format_wareki
from desktop.resources import resource_path

_t = translator("Forms")

MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
# Binary (Flate only) streams instead of ASCII85 text on top: smaller files, and the
# encoding was a tenth of each packet's time.
rl_config.useA85 = 0


def _fast_flate(self: Any, text: str | bytes) -> bytes:
    """Flate at level 1 instead of zlib's default 6: compression was 6 of a packet's ~40 ms;
    level 1 takes a third of that for files about 15% larger. The embedded font subsets
    (TrueType, 70-95 KB each) are stored (level 0, still a valid Flate stream): glyph
    outlines shrink by a fifth only, and deflating them was an eighth of a packet's time."""
    data = text.encode("utf8") if isinstance(text, str) else text
    return zlib.compress(data, 0 if data[:4] == _TRUETYPE else 1)


_TRUETYPE = b"\x00\x01\x00\x00"  # the sfnt version a TrueType font file starts with


# ReportLab has no setting for the level; every Flate stream it writes goes through this
# one filter class.
pdfdoc.PDFStreamFilterZCompress.encode = _fast_flate


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond the BMP (𠮷 U+20BB7) written as
    UTF-16 surrogate pairs: ReportLab writes them as five hex digits, which readers reject,
    so the printed name could not be searched or copied."""
    def utf16(cp: int) -> str:
        return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _kept_table(self: Any, tag: str) -> bytes:
    """A table of the font file, sliced out once: ReportLab slices the whole 'glyf' table
    (4-6 MB) afresh for each subset it embeds, four of them in a packet. The fonts are read
    only, so the copy kept is the table."""
    tables: dict[str, bytes] = self.__dict__.setdefault("_kept_tables", {})
    if tag not in tables:
        pos, length = self.get_table_pos(tag)
        tables[tag] = self._ttf_data[pos:pos + length]
    return tables[tag]


ttfonts.TTFontFile.get_table = _kept_table


@cache
def _char_width(char: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(char, font, size)


def _char_widths(word: str, font: str, size: float) -> list[float]:
    """ReportLab's CJK line breaking measures each character with its own stringWidth call;
    the same widths, each measured once (a form uses a few hundred characters)."""
    return [_char_width(char, font, size) for char in word]


textsplit.getCharWidths = _char_widths
# IPAmj明朝 (IPA, JIS X 0213 and the 文字情報基盤 glyphs): prints the characters of real
# names that IPAex lacks (𠮷田). Too large to keep in git (46 MB): installed from Debian's
# fonts-ipamj-mincho by scripts/_env.sh, copied into the bundle at build time.
FALLBACK = "IPAmjMincho"
FALLBACK_FILE = "ipamjm.ttf"
FALLBACK_PLACES = (Path("/usr/share/fonts/truetype/ipamj") / FALLBACK_FILE,
                   Path("/usr/local/share/fonts") / FALLBACK_FILE)


class UnprintableText(DomainError):
    """Text holding a character that no font of the forms can draw: refused, never printed
    as a substitute glyph (☒)."""


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(MINCHO, str(resource_path("fonts", "ipaexm.ttf"))))
    pdfmetrics.registerFont(TTFont(GOTHIC, str(resource_path("fonts", "ipaexg.ttf"))))


def fallback_font_file() -> Path | None:
    """Where IPAmj明朝 is: in the bundle's resources/fonts, or installed on this machine."""
    for place in (resource_path("fonts", FALLBACK_FILE), *FALLBACK_PLACES):
        if place.is_file():
            return place
    return None


@cache
def _fallback() -> frozenset[int]:
    """Register IPAmj明朝 (only when a text needs it: it takes 0.1 s) and return its
    characters; UnprintableText when it is not installed."""
    path = fallback_font_file()
    if path is None:
        raise UnprintableText(_t("この書類には IPAex フォントにない文字（JIS第3・第4水準の漢字など）があります。"
                                 "印刷には IPAmj明朝 フォントが必要ですが、インストールされていません"
                                 "（docs/INSTALL.md）"))
    font = TTFont(FALLBACK, str(path))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@cache
def _covered() -> frozenset[int]:
    _register_fonts()
    return frozenset(pdfmetrics.getFont(MINCHO).face.charToGlyph)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """``text`` as Paragraph markup: each run of characters IPAex cannot draw goes to
    IPAmj明朝; a character neither can draw raises UnprintableText (never printed as ☒)."""
    covered = _covered()
    if text.isascii() or all(ord(ch) in covered or ch in "\n\t\r" for ch in text):
        return _escape(text)
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append(f'<font name="{FALLBACK}">{_escape("".join(run))}</font>')
            run.clear()

    for ch in text:
        if ord(ch) in covered or ch in "\n\t\r":
            close()
            out.append(_escape(ch))
        elif ord(ch) in _fallback():
            run.append(ch)
        else:
            raise UnprintableText(_t("「{char}」（U+{code:04X}）は書類に印刷できない文字です（絵文字など）。"
                                     "入力した内容を直してから印刷してください").format(char=ch, code=ord(ch)))
    close()
    return "".join(out)


# ------------------------------------------------------------------ layout

# A4 portrait with room to bind on the left (綴じ代), as the office files its copies.
BINDING, OUTER, TOP, BOTTOM = 25 * mm, 20 * mm, 15 * mm, 17 * mm
WIDTH = A4[0] - BINDING - OUTER
OUT_OF_SCOPE = "（同意範囲外）"  # the same words as services/disclosure.OUT_OF_SCOPE
# Room to write the year, month and day: no-break spaces, since a paragraph folds each run
# of other spaces (U+3000 included) into one.
GAP = "\u00a0" * 7
BLANK_DATE = f"令和{GAP}年{GAP}月{GAP}日"
TICK, NO_TICK = "■", "□"
PENDING = "（発行時に採番）"  # the number's place on a page not yet issued
# Smaller sizes tried, in turn, for a text that does not fit the lines it is given; past the
# smallest it wraps on and, in a table, continues on the next page.
SHRINK = (0.9, 0.8)
PADDING = 4


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("body", fontName=MINCHO, fontSize=10, leading=14.5, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=10.5),
        "seal": ParagraphStyle("seal", parent=base, fontSize=9, leading=12, alignment=TA_CENTER,
                               textColor=colors.grey),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "label": ParagraphStyle("label", parent=base, fontName=GOTHIC, fontSize=8.5,
                                leading=11.5),
        "title": ParagraphStyle("title", parent=base, fontName=GOTHIC, fontSize=15, leading=21,
                                alignment=TA_CENTER, spaceBefore=1 * mm, spaceAfter=3 * mm),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", parent=base, fontName=GOTHIC, fontSize=10,
                                  leading=14, spaceBefore=2.5 * mm, spaceAfter=1 * mm),
        "mark": ParagraphStyle("mark", parent=base, fontName=GOTHIC, fontSize=10, leading=14,
                               alignment=TA_RIGHT),
    }


@cache
def _scaled(style: str, factor: float) -> ParagraphStyle:
    base = _styles()[style]
    return ParagraphStyle(f"{style}-{factor}", parent=base, fontSize=base.fontSize * factor,
                          leading=base.leading * factor)


class _Text(Flowable):
    """A text drawn as plain strings, one a line, where ReportLab's Paragraph would put
    them: the lines as written when each fits the width it is given (measured with
    stringWidth; spaces folded as Paragraph folds them), else the lines Paragraph breaks it
    into (_broken, kept per text and width: the forms' fixed wordings are broken once). The
    first baseline is one font size below the top, one leading a line. Paragraph's markup
    parse and CJK line breaking were half of a packet's time; a text that must split across
    pages, or that Paragraph would stretch, is that Paragraph (built only then)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        # Paragraph folds each run of whitespace but the no-break space into one space and
        # drops it at the ends; an empty text takes no height.
        self.lines = [" ".join(w for w in _words(line) if w) for line in text.split("\n")]
        self.widths = [pdfmetrics.stringWidth(line, style.fontName, style.fontSize)
                       for line in self.lines]
        self.paragraph: Paragraph | None = None
        self.drawn: tuple[tuple[str, float], ...] | None = None  # (line, its width)

    def _laid_out(self) -> Paragraph:
        if self.paragraph is None:
            self.paragraph = Paragraph(_escape(self.text).replace("\n", "<br/>"), self.style)
        return self.paragraph

    def _lines_at(self, width: float) -> tuple[tuple[str, float], ...] | None:
        if max(self.widths) <= width and (len(self.lines) == 1 or all(self.lines)):
            return tuple(zip(self.lines, self.widths, strict=True)) if any(self.lines) else ()
        return _broken(self.text, self.style, width)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.drawn = self._lines_at(available_width)
        if self.drawn is None:
            _, self.height = self._laid_out().wrap(available_width, available_height)
        else:
            self.height = self.style.leading * len(self.drawn)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        drawn = self._lines_at(available_width)
        if drawn is not None:
            # As Paragraph: no orphan (a one-line text never splits), whole when it fits.
            room = int(available_height / self.style.leading)
            if room <= 1 or not drawn:
                return []
            if len(drawn) <= room:
                return [self]
        paragraph = self._laid_out()
        paragraph.wrap(available_width, available_height)
        return paragraph.split(available_width, available_height)

    def draw(self) -> None:
        if self.drawn is None:
            paragraph = self._laid_out()
            paragraph.canv = self.canv
            paragraph.draw()
            del paragraph.canv
            return
        style, canvas = self.style, self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        y = self.height - style.fontSize
        for line, width in self.drawn:
            if style.alignment == TA_RIGHT:
                canvas.drawString(self.width - width, y, line)
            elif style.alignment == TA_CENTER:
                canvas.drawString((self.width - width) / 2, y, line)
            else:
                canvas.drawString(0, y, line)
            y -= style.leading


@lru_cache(maxsize=2048)
def _broken(text: str, style: ParagraphStyle, width: float
            ) -> tuple[tuple[str, float], ...] | None:
    """The lines ReportLab's Paragraph breaks ``text`` into at ``width``, each with its
    width as Paragraph places it, 句読点 hung (_hang); None when a line is not one plain run
    (another font) or is squeezed (Paragraph draws those itself)."""
    paragraph = Paragraph(_escape(text).replace("\n", "<br/>"), style)
    paragraph.wrap(width, 1e9)
    broken = paragraph.blPara
    running = not style.name.startswith("cell")
    lines: list[tuple[str, float]] = []
    for line in broken.lines:
        if broken.kind == 0:
            extra, words = line
            drawn = " ".join(words)
        else:
            extra = line.extraSpace
            if any(getattr(f, "cbDefn", None) or f.fontName != style.fontName
                   or f.fontSize != style.fontSize for f in line.words):
                return None
            drawn = "".join(f.text for f in line.words)
        # Running text (not a table's cell, whose border is a character away): a line
        # past the width by less than a character is ReportLab hanging a 句読点 itself,
        # drawn as it is, as Paragraph draws it; more is a squeezed line.
        if extra < (-style.fontSize * 1.5 if running else -1e-8):
            return None
        lines.append((drawn, width - extra))
    if not running or not any(line[:1] in _HANGING for line, _ in lines[1:]):
        return tuple(lines)
    return _hang(lines, style, _starts(text, style, width) if "\n" in text else {0})


def _starts(text: str, style: ParagraphStyle, width: float) -> set[int]:
    """The lines of ``text`` broken at ``width`` that begin one of its own lines (after
    a "\n"): a mark is never hung across those (it belongs to the line it begins)."""
    starts, at = set(), 0
    for part in text.split("\n"):
        starts.add(at)
        paragraph = Paragraph(_escape(part), style)
        paragraph.wrap(width, 1e9)
        at += max(1, len(paragraph.blPara.lines))
    return starts


# 句読点 and closing brackets never start a line of running text (行頭禁則). ReportLab's CJK
# breaking keeps them off a line's start only within a run without spaces: 「（同意日　令和8年
# 4月6日）。」 left 「。」 alone on the next line (found in the new-office trial of 12-02).
# In a table's cell the border is too near to hang a mark past the width: left as broken.
_HANGING = frozenset("、。，．）」』】〕］｝〉》！？,.)]")


def _hang(lines: list[tuple[str, float]], style: ParagraphStyle, starts: set[int]
          ) -> tuple[tuple[str, float], ...]:
    """Each 句読点 or closing bracket that begins a wrapped line (not one of ``starts``,
    which begin lines of their own) hung at the end of the line before (ぶら下げ, as
    Japanese print does: past the width by at most a character or two); a line left empty
    by it goes."""
    emptied: set[int] = set()
    for i in range(1, len(lines)):
        if i in starts:
            continue
        while lines[i][0][:1] in _HANGING and lines[i - 1][0]:
            char = lines[i][0][0]
            width = _char_width(char, style.fontName, style.fontSize)
            lines[i - 1] = (lines[i - 1][0] + char, lines[i - 1][1] + width)
            lines[i] = (lines[i][0][1:], lines[i][1] - width)
            if not lines[i][0]:
                emptied.add(i)
    return tuple(line for i, line in enumerate(lines) if i not in emptied)


def _p(text: str, style: str = "cell") -> Flowable:
    """``text`` in ``style``: a _Text when IPAex draws every character of it, else a
    Paragraph (markup sends the other characters to IPAmj明朝)."""
    text = text or ""
    body = markup(text)
    if "<" not in body and "&" not in body:
        return _Text(text, _styles()[style])
    return Paragraph(body.replace("\n", "<br/>"), _styles()[style])


def _lines_needed(text: str, size: float, width: float) -> int:
    """A generous estimate of the lines ``text`` takes (full-width characters are one em,
    others half), without laying it out."""
    lines = 0
    for line in (text or "").split("\n"):
        ems = sum(0.55 if ord(ch) < 0x2000 else 1.0 for ch in line)
        lines += max(1, -(-int(ems * size * 1.05) // max(int(width), 1)))
    return lines


def _fit(text: str, width: float, lines: int, style: str = "cell") -> Flowable:
    """``text`` in ``width`` points: wrapped; if it needs more than ``lines`` lines, in a
    smaller size (SHRINK); at the smallest it wraps on (and continues on the next page)."""
    base = _styles()[style]
    if _lines_needed(text, base.fontSize, width) <= lines:
        return _p(text, style)
    body = markup(text or "")
    plain = "<" not in body and "&" not in body
    fitted: Flowable = Paragraph("", base)
    for factor in (1.0, *SHRINK):
        sized = _scaled(style, factor) if factor != 1.0 else base
        fitted = (_Text(text or "", sized) if plain
                  else Paragraph(body.replace("\n", "<br/>"), sized))
        _, height = fitted.wrap(width, 100_000)
        if height <= sized.leading * lines + 0.5:
            return fitted
    return fitted


def wareki(d: date | None) -> str:
    return format_wareki(d) if d else BLANK_DATE


def ticks(items: Sequence[tuple[str, bool]]) -> str:
    return "　".join(f"{TICK if on else NO_TICK} {label}" for label, on in items)


Cell: TypeAlias = str | Flowable


def _grid(rows: Sequence[Sequence[Cell]], widths: Sequence[float],
          label_columns: Sequence[int] = (0,), fit: int = 0, header: bool = False,
          spans: Sequence[tuple[int, int, int]] = (), min_height: float = 0) -> Table:
    """A ruled table. Strings become paragraphs (labels, shaded, in the label style); with
    ``fit`` each value is fitted to that many lines first. ``spans``: (row, first column,
    last column) merged. Rows taller than a page split."""
    spanned = {(r, c) for r, first, last in spans for c in range(first + 1, last + 1)}
    data = []
    shaded: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for i, cell in enumerate(row):
            if (r, i) in spanned:
                cells.append("")
            elif not isinstance(cell, str):
                cells.append(cell)
            elif i in label_columns or (header and r == 0):
                cells.append(_p(cell, "label"))
                shaded.append((i, r))
            elif fit:
                width = sum(widths[c] for c in range(i, next(
                    (last for rr, first, last in spans if rr == r and first == i), i) + 1))
                cells.append(_fit(cell, width - 2 * PADDING, fit))
            else:
                cells.append(_p(cell, "cell"))
        data.append(cells)
    table = Table(data, colWidths=list(widths), splitInRow=1, repeatRows=1 if header else 0,
                  minRowHeights=[min_height] * len(data) if min_height else None)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("BACKGROUND", cell, cell, colors.HexColor("#f1f1ee")) for cell in shaded]
    commands += [("SPAN", (first, r), (last, r)) for r, first, last in spans]
    table.setStyle(TableStyle(commands))
    return table


def _box(text: Cell, fit: int = 12, min_height: float = 9 * mm) -> Table:
    """A ruled box of free text (支援経過, 特記事項), fitted, split across pages if long;
    an empty one keeps room to write in."""
    return _grid([(text,)], [WIDTH], label_columns=(), fit=fit, min_height=min_height)


class _Keep(KeepTogether):
    """KeepTogether without its copy of the frame: ReportLab deep-copies the frame on each
    wrap (a tenth of a packet's drawing) so that content generated while wrapping (a
    FrameBreak, an index entry) does not reach the real one. The forms' content (paragraphs,
    tables, texts) generates none, so the content is wrapped with no frame in view."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        template: Any = getattr(self.canv, "_doctemplate", None)
        frame = getattr(template, "frame", None)
        if frame is None:
            return super().wrap(aW, aH)
        template.frame = None
        try:
            return super().wrap(aW, aH)
        finally:
            template.frame = frame


def _section(title: str, *content: Flowable) -> KeepTogether:
    """A numbered heading kept on the page of what follows it."""
    return _Keep([_p(title, "heading"), *content])


def _issuer(office: Office) -> Flowable:
    """The issuer block at the right: name, head's title and name, then 「（公印省略）」 or a
    square for the official seal beside the head's line."""
    lines = f"{office.name}\n{office.head_line}"
    if office.seal_omitted:
        return _fit(f"{lines}\n（公印省略）", WIDTH, 3, "right")
    seal = Table([[_p("公印", "seal")]], colWidths=[15 * mm], rowHeights=[15 * mm])
    seal.setStyle(TableStyle([
        ("BOX", (0, 0), (0, 0), 0.5, colors.black),
        ("ALIGN", (0, 0), (0, 0), "CENTER"),
        ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
        ("TEXTCOLOR", (0, 0), (0, 0), colors.grey),
    ]))
    block = Table([[_fit(lines, WIDTH - 18 * mm, 2, "right"), seal]],
                  colWidths=[WIDTH - 18 * mm, 18 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return block


def _letterhead(number: str, issued_on: date | None, addressee: str,
                office: Office) -> list[Flowable]:
    """Number and date at the right, the addressee (殿) at the left, the issuer below it."""
    head = f"{number}\n{wareki(issued_on)}" if number else wareki(issued_on)
    return [_p(head, "right"), Spacer(0, 2 * mm),
            _fit(f"{addressee}　殿", WIDTH * 0.75, 1, "body"), Spacer(0, 1 * mm),
            _issuer(office), Spacer(0, 2 * mm)]


def _sign_lines(rows: Sequence[tuple[str, str]], label_width: float = 34 * mm) -> Table:
    """Lines to write on: (label, what is printed on the line already)."""
    data = [[_p(label, "label"), _fit(value, WIDTH - label_width - 2 * PADDING, 1)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, WIDTH - label_width],
                  rowHeights=[11 * mm] * len(data))
    table.setStyle(TableStyle([
        ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
    ]))
    return table


def _staff_rows(office: Office, staff: Staff) -> list[tuple[Cell, Cell, Cell, Cell]]:
    section = f"{office.name}　{office.section}" if office.section else office.name
    return [("担当者", staff.line, "電話", office.phone or "　"),
            ("所属", section, "FAX", office.fax or "　"),
            ("所在地", office.address_line or "　", "", "")]


def _staff_grid(office: Office, staff: Staff) -> Table:
    return _grid(_staff_rows(office, staff), [20 * mm, 80 * mm, 16 * mm, WIDTH - 116 * mm],
                 label_columns=(0, 2), fit=2, spans=[(2, 1, 3)])


class _NewDocument(Flowable):
    """Where a document of a bundle starts: its pages are numbered 「1/2」 on their own."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.start_document()


class _NumberedCanvas(Canvas):
    """Keeps every page until the end, then writes 「page/pages」 of its document on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept: list[tuple[dict[str, Any], int]] = []
        self._document = 0

    def start_document(self) -> None:
        self._document += 1

    def showPage(self) -> None:
        self._kept.append((dict(self.__dict__), self._document))
        self._startPage()

    def save(self) -> None:
        totals = Counter(document for _, document in self._kept)
        seen: Counter[int] = Counter()
        for state, document in self._kept:
            self.__dict__.update(state)
            seen[document] += 1
            self.setFont(MINCHO, 9)
            self.drawCentredString(self._pagesize[0] / 2, 10 * mm,
                                   f"{seen[document]}/{totals[document]}")
            super().showPage()
        super().save()


def render(story: list[Flowable], title: str, author: str,
           pagesize: tuple[float, float] = A4) -> bytes:
    """The PDF of ``story``; each _NewDocument in it starts its own page numbering."""
    _register_fonts()
    buffer = io.BytesIO()
    if pagesize == A4:
        margins = {"leftMargin": BINDING, "rightMargin": OUTER, "topMargin": TOP,
                   "bottomMargin": BOTTOM}
    else:
        margins = {"leftMargin": 15 * mm, "rightMargin": 15 * mm, "topMargin": 15 * mm,
                   "bottomMargin": 18 * mm}
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, title=title, author=author,
                            subject=title, creator="つなぎ (Tsunagi)", **margins)
    if not story or not isinstance(story[0], _NewDocument):
        story = [_NewDocument(), *story]
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class Office:
    """The issuing organisation as printed: official name, the head's title and name, the
    contact lines, the 文書記号 of document numbers, 公印省略 or a 公印 box, and the section
    that sends the forms."""

    name: str
    head: str  # the head's title: 中区福祉保健センター長
    address: str = ""
    phone: str = ""
    head_name: str = ""
    postal_code: str = ""
    fax: str = ""
    doc_symbol: str = ""
    seal_omitted: bool = True
    section: str = ""

    @property
    def head_line(self) -> str:
        return f"{self.head}　{self.head_name}" if self.head_name else self.head

    @property
    def address_line(self) -> str:
        return f"〒{self.postal_code}　{self.address}" if self.postal_code else self.address

    def number(self, serial: int | None) -> str:
        """The document number in the organisation's style: 中福第123号 (the place left
        open, 「中福第　　号（発行時に採番）」, on a page shown before it is issued)."""
        if serial is None:
            return f"{self.doc_symbol}第　　号{PENDING}"
        return f"{self.doc_symbol}第{serial}号"


@dataclass(frozen=True)
class Staff:
    """The 担当者 a form names: the caseworker and their extension."""

    name: str
    extension: str = ""

    @property
    def line(self) -> str:
        if not self.name:
            return "　"
        return f"{self.name}（内線 {self.extension}）" if self.extension else self.name


@dataclass(frozen=True)
class Recipient:
    """The person as printed; items outside the consent's scope are already OUT_OF_SCOPE."""

    name: str
    kana: str
    birth_date: str  # 昭和60年5月1日（41歳）, or OUT_OF_SCOPE
    sex: str
    address: str  # with its 〒
    phone: str
    case_number: str
    category: str
    household: str
    barriers: str
    education: str
    work_history: str
    licences: str
    wishes: str


@dataclass(frozen=True)
class ReferralData:
    """支援要請書."""

    number: str  # as printed: 中福第123号 (or the open place before issue)
    issued_on: date
    addressee: str  # the Hello Work office's head: 横浜公共職業安定所長
    office: Office
    staff: Staff
    recipient: Recipient
    consent_signed_on: date
    progress: str  # 支援経過 (or OUT_OF_SCOPE)
    requested: tuple[tuple[str, bool], ...]  # 希望する支援
    period_from: date | None
    period_until: date | None
    notes: str  # 特記事項 (or OUT_OF_SCOPE)


@dataclass(frozen=True)
class ConsentForm:
    """同意書: 参加同意 and 情報提供同意 on one form. Blank (for signature: nothing ticked,
    every Hello Work office offered) or the office's copy of a recorded consent."""

    office: Office
    programme: str  # what the 事業 is, as explained to the person
    participation_wording: str
    sharing_wording: str
    recipients: tuple[tuple[str, bool], ...]  # (official name as printed, ticked)
    scope: tuple[tuple[str, str, bool], ...]  # (item, what it covers, ticked)
    withdrawal: str  # how to withdraw
    version: str
    valid_until: date | None = None
    participation_ticked: bool = False
    sharing_ticked: bool = False
    person_name: str = ""  # empty: a blank form
    signed_on: date | None = None
    copy_mark: str = ""  # 「控（署名欄は原本参照）」 on the office's copy


@dataclass(frozen=True)
class WithdrawalForm:
    """同意撤回届 (blank, for the person to fill in and sign)."""

    office: Office
    version: str


@dataclass(frozen=True)
class PlanData:
    """就労支援プラン; a None section is outside the consent's scope."""

    office: Office
    recipient_name: str
    case_number: str
    revision: int
    planned_on: date
    period_from: date | None
    period_until: date | None
    team: tuple[tuple[str, str, str], ...]  # (organisation, name, role)
    goal: tuple[tuple[str, str], ...] | None
    barriers: str
    menu: tuple[tuple[str, bool], ...] | None
    roles: tuple[tuple[str, str], ...] | None
    reviews: tuple[tuple[date, date | None, str], ...]
    navigator: str = ""  # the navigator's name and office, for the signature line


@dataclass(frozen=True)
class FollowupData:
    """支援状況連絡票（就職・定着の状況）; a None section is outside the consent's scope."""

    number: str
    issued_on: date
    addressee: str
    office: Office
    staff: Staff
    recipient_name: str
    case_number: str
    reference: str  # 「令和8年4月8日付け中福第123号」: the referral it follows
    period: str
    activity: tuple[tuple[str, str], ...] | None
    placements: tuple[tuple[tuple[str, str], ...], ...] | None  # each: (label, value) rows
    checkpoints: tuple[tuple[str, str, str, str], ...] | None
    protection: tuple[str, ...] | None
    closure: str | None
    notes: str = ""


@dataclass(frozen=True)
class NoticeData:
    """支援終了・同意撤回の連絡: the one document that goes after a withdrawal."""

    number: str
    issued_on: date
    addressee: str
    office: Office
    staff: Staff
    recipient_name: str
    reference: str
    withdrawn_on: date
    closed_on: date | None


@dataclass(frozen=True)
class CoverData:
    """送付書 of a referral packet."""

    sent_on: date
    addressee: str
    office: Office
    staff: Staff
    subject: str
    enclosures: tuple[tuple[str, str], ...]  # (document, copies)


@dataclass(frozen=True)
class ScanPage:
    """One page of a scanned signed original, as an image (JPEG or PNG bytes)."""

    image: bytes
    width: int
    height: int


# ------------------------------------------------------------------ 支援要請書


def _person_grid(r: Recipient) -> Table:
    return _grid([("フリガナ", r.kana, "ケース番号", r.case_number),
                  ("氏名", r.name, "生年月日", r.birth_date),
                  ("性別", r.sex or "　", "対象者区分", r.category),
                  ("住所", r.address or "　", "", ""),
                  ("電話", r.phone or "　", "", "")],
                 [24 * mm, 62 * mm, 24 * mm, WIDTH - 110 * mm], label_columns=(0, 2), fit=2,
                 spans=[(3, 1, 3), (4, 1, 3)])


def _referral_story(d: ReferralData) -> list[Flowable]:
    r = d.recipient
    period = (f"{wareki(d.period_from)}から{wareki(d.period_until)}まで"
              if d.period_from or d.period_until else f"{BLANK_DATE}から{BLANK_DATE}まで")
    return [
        _NewDocument(),
        *_letterhead(d.number, d.issued_on, d.addressee, d.office),
        _p("支援要請書", "title"),
        _p("生活保護受給者等就労自立促進事業の実施について、下記の者に対する就労支援を要請します。"
           "なお、本人から、事業への参加及び下記の情報の提供について同意を得ています"
           f"（同意日　{wareki(d.consent_signed_on)}）。", "body"),
        Spacer(0, 2 * mm),
        _p("記", "center"),
        _section("1　支援対象者", _person_grid(r)),
        _section("2　支援に必要な情報", _grid(
            [("世帯の状況", r.household or "　"),
             ("健康状態・就労阻害要因", r.barriers or "　"),
             ("学歴", r.education or "　"),
             ("職歴", r.work_history or "　"),
             ("資格・免許", r.licences or "　"),
             ("希望職種・条件", r.wishes or "　")],
            [38 * mm, WIDTH - 38 * mm], fit=6)),
        _section("3　これまでの支援経過", _box(d.progress or "")),
        _section("4　希望する支援", _box(ticks(d.requested), fit=3, min_height=0)),
        _section("5　支援期間", _box(period, fit=1, min_height=0)),
        _section("6　特記事項", _box(d.notes or "")),
        _section("7　担当者（連絡先）", _staff_grid(d.office, d.staff), Spacer(0, 2 * mm),
                 _p("以上", "right")),
    ]


def referral_pdf(d: ReferralData) -> bytes:
    return render(_referral_story(d), "支援要請書", d.office.name)


# ------------------------------------------------------------------ 同意書


def _person_sign(copy_mark: str, name: str, signed_on: date | None) -> list[Flowable]:
    """The signature block: date, 住所, 氏名 (自署), 生年月日, and the 代筆者 line. On the
    office's copy the lines the person wrote say where the original is."""
    if copy_mark:
        original = "（原本参照）"
        rows = [("記入日", wareki(signed_on)), ("住所", original),
                ("氏名（自署）", f"{name}　{original}" if name else original),
                ("生年月日", original)]
    else:
        rows = [("記入日", BLANK_DATE), ("住所", ""), ("氏名（自署）", ""),
                ("生年月日", f"大正・昭和・平成{GAP}年{GAP}月{GAP}日")]
    return [
        _sign_lines(rows),
        Spacer(0, 3 * mm),
        _p("本人が署名できない場合は、代筆者が本人の氏名を記入し、次の欄に記入してください。",
           "small"),
        _sign_lines([("代筆者　氏名", ""), ("本人との関係", ""), ("代筆の理由", "")]),
    ]


def _consent_story(d: ConsentForm) -> list[Flowable]:
    story: list[Flowable] = [_NewDocument()]
    if d.copy_mark:
        story.append(_p(d.copy_mark, "mark"))
    story += [
        _fit(f"{d.office.head}　様", WIDTH * 0.75, 1, "body"),
        _p("同意書", "title"),
        _section("1　生活保護受給者等就労自立促進事業への参加について（参加同意）",
                 _box(d.programme, fit=10, min_height=0), Spacer(0, 1.5 * mm),
                 _p(d.participation_wording, "body"),
                 _p(f"{TICK if d.participation_ticked else NO_TICK}　"
                    "この事業に参加することに同意します。", "body")),
        _section("2　個人情報の提供について（情報提供同意）", _p(d.sharing_wording, "body")),
        _section("(1) 提供先（相互に提供します）",
                 _grid([(f"{TICK if on else NO_TICK} {name}",) for name, on in d.recipients]
                       or [("　",)], [WIDTH], label_columns=(), fit=2)),
        _section("(2) 提供する情報",
                 _grid([(f"{TICK if on else NO_TICK} {label}", covers)
                        for label, covers, on in d.scope],
                       [62 * mm, WIDTH - 62 * mm], label_columns=(), fit=3)),
        _section("(3) 利用の目的", _p(
            "就労支援チーム（福祉事務所等の担当者とハローワークの就職支援ナビゲーター等）が、"
            "就職に向けた支援と就職した後の定着の支援を行うためにだけ利用します。", "body")),
        _section("(4) 同意の有効期間", _p(
            "署名した日から、この事業による支援が終了する日まで"
            + (f"（{wareki(d.valid_until)}まで）" if d.valid_until else "") + "有効です。",
            "body"),
            # The 情報提供同意's own box ends its part 2 (it stood under (5) 撤回: the trial
            # of 12-02).
            Spacer(0, 1 * mm),
            _p(f"{TICK if d.sharing_ticked else NO_TICK}　印を付けた情報を印を付けた"
               "提供先に提供することに同意します。", "body")),
        # The last section, the statement and the signature on one page: a page that ends
        # in the text and leaves the signature alone on the next (the new-office trial of
        # 12-02) is not a form anyone signs.
        _Keep([
            _p("(5) 同意の撤回", "heading"), _p(d.withdrawal, "body"),
            Spacer(0, 3 * mm),
            _p("以上の内容について説明を受け、印を付けた項目に同意します。", "body"),
            Spacer(0, 1 * mm),
            *_person_sign(d.copy_mark, d.person_name, d.signed_on)]),
        Spacer(0, 3 * mm),
        _p(f"{d.office.name}　同意書様式 第{d.version}版", "note"),
    ]
    return story


def consent_pdf(d: ConsentForm) -> bytes:
    return render(_consent_story(d), "同意書", d.office.name)


def _withdrawal_story(d: WithdrawalForm) -> list[Flowable]:
    return [
        _NewDocument(),
        _p(BLANK_DATE, "right"),
        _fit(f"{d.office.head}　様", WIDTH * 0.75, 1, "body"),
        _p("同意撤回届", "title"),
        _p("私は、次の同意を撤回します（撤回するものに印を付けてください）。", "body"),
        Spacer(0, 2 * mm),
        _grid([(f"{NO_TICK} 生活保護受給者等就労自立促進事業への参加同意",
                "撤回すると、この事業による支援は終了します。"),
               (f"{NO_TICK} 個人情報の提供についての同意（情報提供同意）",
                f"{NO_TICK} すべての提供先について\n{NO_TICK} 次の提供先についてのみ"
                "（　　　　　　　　　　　　　　　）")],
              [72 * mm, WIDTH - 72 * mm], label_columns=(), fit=3),
        _section("同意した日", _box(BLANK_DATE, fit=1, min_height=0)),
        _section("撤回の理由（書かなくてもかまいません）", _box("", min_height=18 * mm)),
        Spacer(0, 2 * mm),
        _p("撤回した日以降、情報の提供は行われないこと、撤回の前に提供された情報の取扱いには"
           "影響しないこと、撤回によって生活保護その他の支援で不利な扱いを受けないことについて"
           "説明を受けました。", "body"),
        Spacer(0, 2 * mm),
        _Keep(_person_sign("", "", None)),
        _sign_lines([("連絡先の電話", "")]),
        Spacer(0, 4 * mm),
        _p("（受付欄）", "small"),
        _grid([("受付日", BLANK_DATE, "受付者", "　"), ("ケース番号", "　", "処理", "　")],
              [24 * mm, 58 * mm, 24 * mm, WIDTH - 106 * mm], label_columns=(0, 2)),
        Spacer(0, 2 * mm),
        _p(f"{d.office.name}　同意撤回届様式 第{d.version}版", "note"),
    ]


def withdrawal_form_pdf(d: WithdrawalForm) -> bytes:
    return render(_withdrawal_story(d), "同意撤回届", d.office.name)


def _scan_story(pages: Sequence[ScanPage], mark: str) -> list[Flowable]:
    """A scanned original, each page as large as the page allows, marked as a copy."""
    story: list[Flowable] = [_NewDocument()]
    room = A4[1] - TOP - BOTTOM - 12 * mm
    for i, page in enumerate(pages):
        if i:
            story.append(PageBreak())
        scale = min(WIDTH / page.width, room / page.height)
        story += [_p(mark, "mark"),
                  Image(io.BytesIO(page.image), width=page.width * scale,
                        height=page.height * scale)]
    return story


# ------------------------------------------------------------------ 就労支援プラン


def _plan_story(d: PlanData) -> list[Flowable]:
    period = (f"{wareki(d.period_from)}から{wareki(d.period_until)}まで"
              if d.period_from else "　")
    story: list[Flowable] = [
        _NewDocument(),
        _p(f"作成日　{wareki(d.planned_on)}（第{d.revision}版）", "right"),
        _p("就労支援プラン", "title"),
        _grid([("対象者", d.recipient_name, "ケース番号", d.case_number),
               ("支援期間", period, "", "")],
              [24 * mm, 64 * mm, 24 * mm, WIDTH - 112 * mm], label_columns=(0, 2), fit=2,
              spans=[(1, 1, 3)]),
        _section("1　就労支援チーム", _grid(
            [("所属", "氏名", "役割"), *(d.team or [("　", "　", "　")])],
            [62 * mm, 50 * mm, WIDTH - 112 * mm], label_columns=(), fit=2, header=True)),
        _section("2　目標", _grid(list(d.goal), [38 * mm, WIDTH - 38 * mm], fit=3)
                 if d.goal is not None else _box(OUT_OF_SCOPE, 1, 0)),
        _section("3　就労阻害要因と対応", _box(d.barriers or "")),
        _section("4　支援メニュー", _box(ticks(d.menu), 4, 0) if d.menu is not None
                 else _box(OUT_OF_SCOPE, 1, 0)),
        _section("5　役割分担", _grid(list(d.roles), [38 * mm, WIDTH - 38 * mm], fit=6)
                 if d.roles is not None else _box(OUT_OF_SCOPE, 1, 0)),
        _section("6　見直し", _grid(
            [("予定日", "実施日", "結果"),
             *[(wareki(due), wareki(done) if done else "　", result or "　")
               for due, done, result in d.reviews]] if d.reviews
            else [("予定日", "実施日", "結果"), ("（予定なし）", "　", "　")],
            [36 * mm, 36 * mm, WIDTH - 72 * mm], label_columns=(), fit=4, header=True)),
        _section("7　確認", _p("このプランの内容について説明を受け、確認しました。", "body"),
                 _sign_lines([("本人　氏名（自署）", ""), ("　記入日", BLANK_DATE),
                              ("就職支援ナビゲーター", d.navigator or ""),
                              ("　記入日", BLANK_DATE)], label_width=40 * mm)),
    ]
    return story


def plan_pdf(d: PlanData) -> bytes:
    return render(_plan_story(d), "就労支援プラン", d.office.name)


# ------------------------------------------------------------------ 支援状況連絡票


def _followup_story(d: FollowupData) -> list[Flowable]:
    lead = (f"{d.reference}で支援を要請した下記の者について、支援の状況を連絡します。"
            if d.reference else "下記の者について、支援の状況を連絡します。")
    out_of_scope = _box(OUT_OF_SCOPE, 1, 0)
    placements: list[Flowable] = []
    if d.placements is None:
        placements.append(out_of_scope)
    for i, rows in enumerate(d.placements or ()):
        pairs = list(rows)
        placements += [Spacer(0, 2 * mm)] * bool(i) + [_grid(
            [(*pairs[j], *(pairs[j + 1] if j + 1 < len(pairs) else ("", "")))
             for j in range(0, len(pairs), 2)],
            [24 * mm, 58 * mm, 24 * mm, WIDTH - 106 * mm], label_columns=(0, 2), fit=3)]
    if d.placements == ():
        placements.append(_box("（就職なし）", 1, 0))
    checks = [("時期", "予定日", "確認日", "結果"),
              *(d.checkpoints or [("（予定なし）", "　", "　", "　")])]
    sections = [
        _section("1　対象者", _grid(
            [("氏名", d.recipient_name, "ケース番号", d.case_number),
             ("報告期間", d.period, "", "")],
            [24 * mm, 64 * mm, 24 * mm, WIDTH - 112 * mm], label_columns=(0, 2), fit=2,
            spans=[(1, 1, 3)])),
        _section("2　支援の実施状況", out_of_scope if d.activity is None else _grid(
            list(d.activity) or [("（記録なし）", "　")], [50 * mm, WIDTH - 50 * mm])),
        _section("3　就職の状況", *placements),
        _section("4　定着の確認", out_of_scope if d.checkpoints is None else _grid(
            checks, [24 * mm, 40 * mm, 40 * mm, WIDTH - 104 * mm], label_columns=(), fit=2,
            header=True)),
        _section("5　保護の状況", out_of_scope if d.protection is None
                 else _box("\n".join(d.protection) or "（記録なし）", 4, 0)),
        _section("6　支援の終了", out_of_scope if d.closure is None
                 else _box(d.closure or "支援継続中", 2, 0)),
    ]
    if d.notes:
        sections.append(_section("7　特記事項", _box(d.notes)))
    sections.append(_section(f"{len(sections) + 1}　担当者（連絡先）",
                             _staff_grid(d.office, d.staff), Spacer(0, 2 * mm),
                             _p("以上", "right")))
    return [_NewDocument(), *_letterhead(d.number, d.issued_on, d.addressee, d.office),
            _p("支援状況連絡票（就職・定着の状況）", "title"), _p(lead, "body"),
            Spacer(0, 2 * mm), _p("記", "center"), *sections]


def followup_pdf(d: FollowupData) -> bytes:
    return render(_followup_story(d), "支援状況連絡票", d.office.name)


# ------------------------------------------------------------------ 支援終了・同意撤回の連絡


def _notice_story(d: NoticeData) -> list[Flowable]:
    lead = (f"{d.reference}で支援を要請した下記の者について" if d.reference
            else "下記の者について")
    return [
        _NewDocument(),
        *_letterhead(d.number, d.issued_on, d.addressee, d.office),
        _p("支援終了・同意撤回について（連絡）", "title"),
        _p(f"{lead}、本人から生活保護受給者等就労自立促進事業への参加同意を撤回する旨の申出が"
           "あったため、下記のとおり支援を終了しましたので連絡します。", "body"),
        _p("同意の撤回により、撤回した日以降、本人に関する情報の提供は行いません。"
           "貴所で保有している本人の情報の取扱いについて、ご配慮をお願いします。", "body"),
        Spacer(0, 2 * mm),
        _p("記", "center"),
        Spacer(0, 1 * mm),
        _grid([("対象者", d.recipient_name),
               ("同意撤回日", wareki(d.withdrawn_on)),
               ("支援終了日", wareki(d.closed_on) if d.closed_on else "（終了の手続き中）")],
              [36 * mm, WIDTH - 36 * mm], fit=2),
        _section("担当者（連絡先）", _staff_grid(d.office, d.staff), Spacer(0, 2 * mm),
                 _p("以上", "right")),
    ]


def notice_pdf(d: NoticeData) -> bytes:
    return render(_notice_story(d), "支援終了・同意撤回の連絡", d.office.name)


# ------------------------------------------------------------------ 送付書 and the packet


def _cover_story(d: CoverData) -> list[Flowable]:
    office = d.office
    sender = "\n".join(x for x in (
        f"{office.name}　{office.section}".strip(),
        f"担当　{d.staff.line}",
        "　".join(x for x in (f"電話 {office.phone}" if office.phone else "",
                             f"FAX {office.fax}" if office.fax else "") if x)) if x)
    return [
        _NewDocument(),
        _p(wareki(d.sent_on), "right"),
        Spacer(0, 3 * mm),
        _fit(f"{d.addressee}　殿", WIDTH * 0.75, 1, "body"),
        Spacer(0, 2 * mm),
        _fit(sender, WIDTH, 4, "right"),
        Spacer(0, 6 * mm),
        _p("送付書", "title"),
        _p("下記の書類を送付しますので、よろしくお取り計らいください。", "body"),
        Spacer(0, 2 * mm),
        _p("記", "center"),
        _grid([("件名", d.subject)], [30 * mm, WIDTH - 30 * mm], fit=2),
        Spacer(0, 3 * mm),
        _grid([("送付する書類", "部数"), *d.enclosures], [WIDTH - 30 * mm, 30 * mm],
              label_columns=(), fit=2, header=True),
        Spacer(0, 2 * mm),
        _p("以上", "right"),
    ]


def cover_pdf(d: CoverData) -> bytes:
    return render(_cover_story(d), "送付書", d.office.name)


def packet_pdf(cover: CoverData, referral: ReferralData, consent: ConsentForm | None,
               scans: Sequence[ScanPage], plan: PlanData | None) -> bytes:
    """送付書 + 支援要請書 + the consent's copy (the scanned signed original when there is
    one, else the office's 控) + 就労支援プラン, in one PDF for Hello Work; each document
    numbers its own pages."""
    story: list[Flowable] = [*_cover_story(cover), PageBreak(), *_referral_story(referral),
                             PageBreak()]
    if scans:
        story += _scan_story(scans, "同意書（写）")
    elif consent is not None:
        story += _consent_story(consent)
    if plan is not None:
        story += [PageBreak(), *_plan_story(plan)]
    return render(story, "支援要請書類一式", referral.office.name)
