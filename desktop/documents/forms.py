"""支援要請書, 同意書, 就労支援プラン, 就職・定着報告 and the referral packet, as A4 PDFs with
the bundled IPAex fonts embedded (TrueType outlines, so every reader shows the same glyphs)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

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
    level 1 takes a third of that for files about 15% larger."""
    return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


# ReportLab has no setting for the level; every Flate stream it writes goes through this
# one filter class.
pdfdoc.PDFStreamFilterZCompress.encode = _fast_flate
OUT_OF_SCOPE = "（同意範囲外）"


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


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("body", fontName=MINCHO, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        "label": ParagraphStyle("label", parent=base, fontName=GOTHIC, fontSize=9, leading=12),
        "title": ParagraphStyle("title", parent=base, fontName=GOTHIC, fontSize=16, leading=22,
                                alignment=TA_CENTER, spaceAfter=6 * mm),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "heading": ParagraphStyle("heading", parent=base, fontName=GOTHIC, fontSize=11,
                                  leading=16, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
    }


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(markup(text or "").replace("\n", "<br/>"), _styles()[style])


def wareki(d: date | None) -> str:
    return format_wareki(d) if d else "　　年　　月　　日"


def _grid(rows: Sequence[Sequence[str]], widths: Sequence[float],
          label_columns: Sequence[int] = (0,)) -> Table:
    data = [[_p(cell, "label" if i in label_columns else "cell") for i, cell in enumerate(row)]
            for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#f1f1ee"))
                 for c in label_columns]
    table.setStyle(TableStyle(commands))
    return table


def _issuer(office: Office) -> Flowable:
    """The issuer block at the right: name, head's title and name, then 「（公印省略）」 or a
    square for the official seal beside the head's line."""
    if office.seal_omitted:
        return _p(f"{office.name}\n{office.head_line}\n（公印省略）", "right")
    seal = Table([[_p("公印", "small")]], colWidths=[15 * mm], rowHeights=[15 * mm])
    seal.setStyle(TableStyle([
        ("BOX", (0, 0), (0, 0), 0.5, colors.black),
        ("ALIGN", (0, 0), (0, 0), "CENTER"),
        ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
        ("TEXTCOLOR", (0, 0), (0, 0), colors.grey),
    ]))
    block = Table([[_p(f"{office.name}\n{office.head_line}", "right"), seal]],
                  colWidths=[WIDTH - 18 * mm, 18 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
    return block


def _contact_rows(d: ReferralData) -> list[tuple[str, str, str, str]]:
    staff = d.caseworker
    if d.caseworker_extension:
        staff = f"{staff}（内線 {d.caseworker_extension}）"
    return [
        ("担当者", staff, "電話", d.office.phone),
        ("同意取得日", wareki(d.consent_signed_on), "FAX", d.office.fax),
        ("所属", d.office.name, "所在地", d.office.address_line),
    ]


def _seal_box() -> Table:
    """A signature line with a 印 box, for the person's signature or seal."""
    table = Table([[_p("氏名（自署）", "label"), "", _p("印", "small")]],
                  colWidths=[28 * mm, 80 * mm, 14 * mm], rowHeights=[14 * mm])
    table.setStyle(TableStyle([
        ("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
        ("BOX", (2, 0), (2, 0), 0.5, colors.black),
        ("ALIGN", (2, 0), (2, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return table


def _render(story: list[Flowable], title: str, author: str) -> bytes:
    return render(story, title, author, A4)


def render(story: list[Flowable], title: str, author: str,
           pagesize: tuple[float, float]) -> bytes:
    _register_fonts()
    buffer = io.BytesIO()
    margin = 20 * mm if pagesize == A4 else 15 * mm
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=18 * mm, bottomMargin=18 * mm, title=title, author=author,
                            subject=title, creator="つなぎ (Tsunagi)")

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(MINCHO, 8)
        canvas.drawRightString(pagesize[0] - margin, 10 * mm, f"{title}　{document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class Office:
    """The issuing organisation as printed: official name, the head's title and name, the
    contact lines, the 文書記号 of document numbers, and 公印省略 or a 公印 box."""

    name: str
    head: str  # the head's title: 中区福祉保健センター長
    address: str = ""
    phone: str = ""
    head_name: str = ""
    postal_code: str = ""
    fax: str = ""
    doc_symbol: str = ""
    seal_omitted: bool = True

    @property
    def head_line(self) -> str:
        return f"{self.head}　{self.head_name}" if self.head_name else self.head

    @property
    def address_line(self) -> str:
        return f"〒{self.postal_code}　{self.address}" if self.postal_code else self.address

    def number(self, number: str) -> str:
        """A document number in the organisation's style: 中福第2026-0001号."""
        return f"{self.doc_symbol}第{number}号"


@dataclass(frozen=True)
class Recipient:
    """The person as printed; items outside the consent's scope are already OUT_OF_SCOPE."""

    name: str
    kana: str
    birth_date: date | None  # None when outside the consent's scope
    sex: str
    postal_code: str
    address: str
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
    number: str  # as printed, with the 文書記号: 中福第2026-0001号
    issued_on: date
    hello_work_office: str  # the addressee: the office's head (横浜公共職業安定所長)
    office: Office
    recipient: Recipient
    motivation: str
    notes: str
    caseworker: str
    consent_signed_on: date | None
    caseworker_extension: str = ""
    # 支援経過: the readiness assessment quoted, items outside the consent already
    # OUT_OF_SCOPE; empty when not quoted.
    progress: str = ""


@dataclass(frozen=True)
class ConsentData:
    office: Office
    kinds: tuple[str, ...]  # labels, e.g. 参加同意, 情報提供同意
    purpose: str
    wording: str
    wording_version: str
    recipients: tuple[str, ...]
    scope: tuple[tuple[str, bool], ...]  # (item label, included)
    valid_until: date | None
    recipient_name: str = ""  # empty: a blank form for signature
    signed_on: date | None = None


@dataclass(frozen=True)
class PlanData:
    office: Office
    recipient_name: str
    case_number: str
    revision: int
    created_on: date
    team: tuple[tuple[str, str, str], ...]  # (name, side label, role)
    goal: tuple[tuple[str, str], ...]  # (label, value)
    barriers: str
    menu: tuple[tuple[str, bool], ...]
    role_hello_work: str
    role_welfare: str
    reviews: tuple[tuple[date, date | None, str], ...]


@dataclass(frozen=True)
class FollowupData:
    office: Office
    recipient_name: str
    case_number: str
    period: str
    activity: tuple[tuple[str, int], ...]  # (contact kind label, count)
    placements: tuple[tuple[str, ...], ...]  # rows of placement terms
    checkpoints: tuple[tuple[str, str, str, str], ...]  # (months, due, done, result)
    closure: str
    written_on: date = field(default_factory=date.today)


# ------------------------------------------------------------------ forms

WIDTH = A4[0] - 40 * mm


def _referral_story(d: ReferralData) -> list[Flowable]:
    r = d.recipient
    story: list[Flowable] = [
        _p(f"{d.number}\n{wareki(d.issued_on)}", "right"),
        Spacer(0, 4 * mm),
        _p(f"{d.hello_work_office}　殿", "body"),
        Spacer(0, 2 * mm),
        _issuer(d.office),
        Spacer(0, 6 * mm),
        _p("支援要請書", "title"),
        _p("生活保護受給者等就労自立促進事業の実施について、下記の者に対する就労支援を要請します。"
           "なお、本人から情報提供に関する同意を得ています。", "body"),
        Spacer(0, 4 * mm),
        _p("1　支援対象者", "heading"),
        _grid([
            ("フリガナ", r.kana, "ケース番号", r.case_number),
            ("氏名", r.name, "生年月日", wareki(r.birth_date) if r.birth_date else OUT_OF_SCOPE),
            ("性別", r.sex, "対象者区分", r.category),
            ("住所", f"{r.postal_code and '〒' + r.postal_code}\n{r.address}", "電話", r.phone),
        ], [24 * mm, 70 * mm, 24 * mm, WIDTH - 118 * mm], label_columns=(0, 2)),
        _p("2　支援に必要な情報", "heading"),
        _grid([
            ("世帯の状況", r.household),
            ("健康状態・就労阻害要因", r.barriers),
            ("学歴", r.education),
            ("職歴", r.work_history),
            ("資格・免許", r.licences),
            ("希望職種・条件", r.wishes),
            ("就労意欲", d.motivation),
            *([("支援経過", d.progress)] if d.progress else []),
            ("特記事項", d.notes),
        ], [40 * mm, WIDTH - 40 * mm]),
        _p("3　連絡先", "heading"),
        _grid(_contact_rows(d), [24 * mm, 60 * mm, 20 * mm, WIDTH - 104 * mm],
              label_columns=(0, 2)),
    ]
    return story


def referral_pdf(d: ReferralData) -> bytes:
    return _render(_referral_story(d), "支援要請書", d.office.name)


def _consent_story(d: ConsentData) -> list[Flowable]:
    scope_rows = [(("■" if included else "□") + " " + label,) for label, included in d.scope]
    story: list[Flowable] = [
        _p(f"{d.office.head}　殿", "body"),
        Spacer(0, 4 * mm),
        _p("同意書（" + "・".join(d.kinds) + "）", "title"),
        _p(d.purpose, "body"),
        Spacer(0, 3 * mm),
        _p(d.wording, "body"),
        _p("1　提供する情報", "heading"),
        _grid(scope_rows or [("（なし）",)], [WIDTH], label_columns=()),
        _p("2　情報の提供先（相互に提供します）", "heading"),
        _grid([(name,) for name in d.recipients] or [("　",)], [WIDTH], label_columns=()),
        _p("3　同意の期間と撤回", "heading"),
        _p(f"この同意は{wareki(d.valid_until) + 'まで' if d.valid_until else '支援の終了まで'}"
           "有効です。同意はいつでも撤回でき、撤回した日以降は情報の提供を行いません。"
           "撤回しても、撤回の前に提供した情報の取扱いには影響しません。", "body"),
        Spacer(0, 8 * mm),
        _p(f"{wareki(d.signed_on)}", "body"),
        Spacer(0, 4 * mm),
    ]
    if d.recipient_name:
        story.append(_p(f"氏名　{d.recipient_name}", "body"))
        story.append(Spacer(0, 2 * mm))
    story.append(_seal_box())
    story.append(Spacer(0, 6 * mm))
    story.append(_p(f"同意書文言 第{d.wording_version}版", "small"))
    return story


def consent_pdf(d: ConsentData) -> bytes:
    return _render(_consent_story(d), "同意書", d.office.name)


def _plan_story(d: PlanData) -> list[Flowable]:
    return [
        _p(f"作成日　{wareki(d.created_on)}　（第{d.revision}版）", "right"),
        _p("就労支援プラン", "title"),
        _grid([("対象者", d.recipient_name, "ケース番号", d.case_number)],
              [22 * mm, 70 * mm, 24 * mm, WIDTH - 116 * mm], label_columns=(0, 2)),
        _p("1　就労支援チーム", "heading"),
        _grid([("所属", "氏名", "役割"), *[(side, name, role) for name, side, role in d.team]],
              [40 * mm, 60 * mm, WIDTH - 100 * mm], label_columns=()),
        _p("2　目標", "heading"),
        _grid(list(d.goal), [40 * mm, WIDTH - 40 * mm]),
        _p("3　就労阻害要因と対応", "heading"),
        _grid([(d.barriers or "　",)], [WIDTH], label_columns=()),
        _p("4　支援メニュー", "heading"),
        _grid([(("■" if on else "□") + " " + label,) for label, on in d.menu], [WIDTH],
              label_columns=()),
        _p("5　役割分担", "heading"),
        _grid([("ハローワーク", d.role_hello_work), ("福祉事務所", d.role_welfare)],
              [40 * mm, WIDTH - 40 * mm]),
        _p("6　見直し", "heading"),
        _grid([("予定日", "実施日", "結果"),
               *[(wareki(due), wareki(done) if done else "", result)
                 for due, done, result in d.reviews]] if d.reviews else [("（予定なし）", "", "")],
              [40 * mm, 40 * mm, WIDTH - 80 * mm], label_columns=()),
    ]


def plan_pdf(d: PlanData) -> bytes:
    return _render(_plan_story(d), "就労支援プラン", d.office.name)


def _followup_story(d: FollowupData) -> list[Flowable]:
    return [
        _p(f"{wareki(d.written_on)}", "right"),
        _p("支援状況連絡票（就職・定着報告）", "title"),
        _grid([("対象者", d.recipient_name, "ケース番号", d.case_number),
               ("報告期間", d.period, "報告者", d.office.name)],
              [22 * mm, 70 * mm, 24 * mm, WIDTH - 116 * mm], label_columns=(0, 2)),
        _p("1　支援の実施状況", "heading"),
        _grid([(label, f"{n} 回") for label, n in d.activity] or [("（記録なし）", "")],
              [60 * mm, WIDTH - 60 * mm]),
        _p("2　就職の状況", "heading"),
        _grid([("就職日", "事業所", "職種", "雇用期間", "賃金", "離職日"), *d.placements]
              if d.placements else [("（就職なし）",)],
              [26 * mm, 42 * mm, 26 * mm, 24 * mm, 26 * mm, WIDTH - 144 * mm]
              if d.placements else [WIDTH], label_columns=()),
        _p("3　定着の確認", "heading"),
        _grid([("時期", "予定日", "確認日", "結果"), *d.checkpoints] if d.checkpoints
              else [("（予定なし）", "", "", "")],
              [24 * mm, 44 * mm, 44 * mm, WIDTH - 112 * mm], label_columns=()),
        _p("4　支援の終了", "heading"),
        _grid([(d.closure or "支援継続中",)], [WIDTH], label_columns=()),
    ]


def followup_pdf(d: FollowupData) -> bytes:
    return _render(_followup_story(d), "支援状況連絡票", d.office.name)


def packet_pdf(referral: ReferralData, consent: ConsentData, plan: PlanData | None) -> bytes:
    """Cover sheet + referral + consent copy + plan, in one PDF for Hello Work."""
    r = referral.recipient
    story: list[Flowable] = [
        _p("送付書", "title"),
        _p(f"{referral.hello_work_office}　殿", "body"),
        Spacer(0, 3 * mm),
        _p(f"{referral.office.name}\n担当　{referral.caseworker}"
           + (f"（内線 {referral.caseworker_extension}）" if referral.caseworker_extension
              else "")
           + (f"\n電話 {referral.office.phone}" if referral.office.phone else "")
           + (f"　FAX {referral.office.fax}" if referral.office.fax else ""), "right"),
        Spacer(0, 6 * mm),
        _p("下記の書類を送付します。", "body"),
        _grid([("文書番号", referral.number), ("対象者", f"{r.name}（{r.kana}）"),
               ("送付日", wareki(referral.issued_on)),
               ("同封書類", "1 支援要請書　2 同意書（写）" + ("　3 就労支援プラン" if plan else ""))],
              [40 * mm, WIDTH - 40 * mm]),
        PageBreak(), *_referral_story(referral),
        PageBreak(), _p("（写）", "right"), *_consent_story(consent),
    ]
    if plan is not None:
        story += [PageBreak(), *_plan_story(plan)]
    return _render(story, "支援要請書類一式", referral.office.name)
