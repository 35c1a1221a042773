"""会議録 (minutes of a 支援調整会議, ケース会議 or ハローワーク連絡会議) and the 支援費用 receipt
list (受領書 / 支給一覧), as A4 PDFs in the same type and layout as the other forms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.documents.forms import (
    OUT_OF_SCOPE,
    WIDTH,
    Office,
    _grid,
    _issuer,
    _p,
    render,
    wareki,
)

__all__ = ["OUT_OF_SCOPE", "MinutesCase", "MinutesData", "ReceiptData", "ReceiptRow",
           "minutes_pdf", "receipt_pdf"]


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


@dataclass(frozen=True)
class MinutesCase:
    """A case as the 会議録 lists it (name and number already OUT_OF_SCOPE where the consent
    does not cover them)."""

    name: str
    case_number: str
    decision: str
    next_review: str


@dataclass(frozen=True)
class MinutesData:
    office: Office
    kind: str  # 支援調整会議 …
    title: str
    held_on: date
    place: str
    organisations: tuple[tuple[str, str], ...]  # (name, side label)
    attendees: tuple[tuple[str, str, str], ...]  # (organisation, name, role)
    note: str
    cases: tuple[MinutesCase, ...]
    omitted: int  # cases discussed but not listed (no consent naming every organisation)
    printed_on: date


def _minutes_story(d: MinutesData) -> list[Flowable]:
    heading = d.kind + (f"（{d.title}）" if d.title else "")
    story: list[Flowable] = [
        _p(f"{wareki(d.printed_on)}", "right"),
        _issuer(d.office),
        Spacer(0, 4 * mm),
        _p(f"会議録　{heading}", "title"),
        _grid([("開催日", wareki(d.held_on), "会議", d.kind),
               ("場所", d.place or "—", "主催", d.office.name)],
              [22 * mm, 60 * mm, 22 * mm, WIDTH - 104 * mm], label_columns=(0, 2)),
        _p("1　出席機関", "heading"),
        _grid([("区分", "機関名"), *[(side, name) for name, side in d.organisations]],
              [30 * mm, WIDTH - 30 * mm], label_columns=()),
        _p("2　出席者", "heading"),
        _grid([("所属", "氏名", "役割"), *d.attendees],
              [70 * mm, 45 * mm, WIDTH - 115 * mm], label_columns=()),
    ]
    if d.note:
        story += [_p("3　議事の概要", "heading"), _grid([(d.note,)], [WIDTH], label_columns=())]
    number = "4" if d.note else "3"
    story.append(_p(f"{number}　検討したケースと決定事項", "heading"))
    if d.cases:
        story.append(_grid([("ケース番号", "氏名", "決定事項", "次回見直し"),
                            *[(c.case_number, c.name, c.decision, c.next_review)
                              for c in d.cases]],
                           [26 * mm, 32 * mm, WIDTH - 96 * mm, 38 * mm], label_columns=()))
    if d.omitted:
        story.append(_p(
            f"このほか {d.omitted} 件のケースを検討しました。出席したすべての機関への情報提供に"
            "本人の同意がないため、この会議録には記載していません。", "small"))
    elif not d.cases:
        story.append(_p("（検討したケースはありません）", "body"))
    return story


def minutes_pdf(d: MinutesData) -> bytes:
    return render(_minutes_story(d), "会議録", d.office.name)


@dataclass(frozen=True)
class ReceiptRow:
    person: str
    case_number: str
    paid_on: date
    kind: str  # 交通費 …
    purpose: str  # 面接 …
    description: str
    funding_source: str
    amount: int


@dataclass(frozen=True)
class ReceiptData:
    office: Office
    period: str  # as shown: 令和7年度 …
    person: str  # one person's 受領書; "" for the office's 支給一覧
    rows: tuple[ReceiptRow, ...]
    single: bool
    printed_on: date


def _yen(amount: int) -> str:
    return f"{amount:,}円"


def _receipt_table(rows: tuple[ReceiptRow, ...], with_person: bool) -> Table:
    header = ["支給日", "区分", "目的", "内容", "財源", "金額", "受領印"]
    widths = [26 * mm, 18 * mm, 18 * mm, 36 * mm, 34 * mm, 22 * mm, WIDTH - 154 * mm]
    body = [[wareki(r.paid_on), r.kind, r.purpose, r.description, r.funding_source,
             _yen(r.amount), ""] for r in rows]
    if with_person:
        header = ["氏名（ケース番号）", *header[:-1]]
        widths = [34 * mm, 26 * mm, 16 * mm, 16 * mm, 28 * mm, 30 * mm, WIDTH - 150 * mm]
        body = [[f"{r.person}（{r.case_number}）", *row[:-1]] for r, row in zip(rows, body,
                                                                               strict=True)]
    table = _grid([header, *body] if body else [header, ["（支給なし）"] + [""] *
                                                 (len(header) - 1)], widths, label_columns=())
    table.setStyle(TableStyle([("ALIGN", (len(header) - 2 if not with_person
                                          else len(header) - 1, 1), (-1, -1), "RIGHT")]))
    return table


def _receipt_story(d: ReceiptData) -> list[Flowable]:
    total = sum(r.amount for r in d.rows)
    if d.single:
        story: list[Flowable] = [
            _p(f"{wareki(d.printed_on)}", "right"),
            _p(f"{d.office.head}　殿", "body"),
            Spacer(0, 4 * mm),
            _p("支援費用 受領書", "title"),
            _p(f"対象期間　{d.period}", "body"),
            Spacer(0, 2 * mm),
            _receipt_table(d.rows, with_person=False),
            Spacer(0, 3 * mm),
            _grid([("合計", _yen(total))], [40 * mm, WIDTH - 40 * mm]),
            Spacer(0, 6 * mm),
            _p("上記の金額を受領しました。", "body"),
            Spacer(0, 4 * mm),
            _p(f"氏名　{d.person}", "body"),
            Spacer(0, 2 * mm),
            _seal_box(),
        ]
        return story
    people: dict[str, int] = {}
    for r in d.rows:
        key = f"{r.person}（{r.case_number}）"
        people[key] = people.get(key, 0) + r.amount
    return [
        _p(f"{wareki(d.printed_on)}", "right"),
        _p(d.office.name, "right"),
        _p("支援費用 支給一覧", "title"),
        _p(f"対象期間　{d.period}　　件数 {len(d.rows)} 件　　合計 {_yen(total)}", "body"),
        Spacer(0, 2 * mm),
        _receipt_table(d.rows, with_person=True),
        _p("対象者別の合計", "heading"),
        _grid([("対象者", "合計"), *[(name, _yen(n)) for name, n in people.items()]]
              if people else [("（支給なし）", "")], [WIDTH - 40 * mm, 40 * mm],
              label_columns=()),
    ]


def receipt_pdf(d: ReceiptData) -> bytes:
    title = "支援費用 受領書" if d.single else "支援費用 支給一覧"
    return render(_receipt_story(d), title, d.office.name)

