"""Parsing and validating a ledger: each row to a person and an episode's dates, the fixed
lists' spellings (SPELLINGS), rows grouped into episodes, and each episode's history checked
as the services check every move (builder.History). No database: it all runs before the
write transaction begins."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from desktop.i18n import listing, shown_date, translator
from desktop.japanese.wareki import DateParseError, add_months, parse_date
from desktop.models import Placement
from desktop.services import hygiene
from desktop.services.builder import History
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.labels import CATEGORIES, CHECKPOINT_RESULTS, SEXES, TERM_CATEGORIES
from desktop.services.ledger.reading import MAX_CELL, cell_text, read_table
from desktop.services.ledger.template import BY_HEADER, HEADER, PERSON_COLUMNS, RETENTION_COLUMNS
from desktop.services.persons import PersonInput, validated

_t = translator("Ledger")


MOBILE = re.compile(r"^0[5789]0")


_COUNTER = re.compile(r"[ヶヵカケ箇](?=月)")


def spelling_key(text: str) -> str:
    """How a cell of a fixed list is looked up: full/half width folded (NFKC), spaces
    removed, the counter of 月 written か (ヶ・ヵ・カ・ケ・箇), the range mark written 〜
    (~ ～)."""
    folded = "".join(unicodedata.normalize("NFKC", text or "").split())
    return _COUNTER.sub("か", folded).replace("~", "〜")


# Every spelling accepted for the fixed lists, in the form spelling_key gives, and the code
# it means (docs/LEDGER.md lists them). The labels the application itself writes, and the
# codes, are accepted too.
SPELLINGS: dict[str, dict[str, str]] = {
    "sex": {
        "男": "male", "男性": "male",
        "女": "female", "女性": "female",
        "その他": "other",
    },
    "category": {
        "生活保護": "public_assistance", "生保": "public_assistance",
        "児童扶養手当": "child_rearing",
        "住居確保給付金": "housing_benefit",
        "生活困窮": "needy", "困窮者": "needy",
        "障害": "disability", "障がい者": "disability",
    },
    "term": {
        "定めなし": "indefinite", "定め無し": "indefinite", "期間の定めなし": "indefinite",
        "期間の定め無し": "indefinite", "期間の定めのない雇用": "indefinite",
        "無期": "indefinite", "無期雇用": "indefinite", "無期限": "indefinite",
        "4か月以上": "over_4m",
        "1か月以上4か月未満": "1_to_4m", "1か月〜4か月": "1_to_4m",
        "1か月〜4か月未満": "1_to_4m", "1〜4か月": "1_to_4m", "1〜4か月未満": "1_to_4m",
        "1か月未満": "under_1m",
    },
    # The 1か月・3か月・6か月定着 columns: a result, optionally followed by the day checked.
    "check": {
        "○": "employed", "◯": "employed", "〇": "employed", "済": "employed",
        "確認済": "employed", "継続": "employed", "就労継続": "employed",
        "×": "left", "✕": "left", "退職": "left",
    },
}


_CANONICAL = {"sex": SEXES, "category": CATEGORIES, "term": TERM_CATEGORIES,
              "check": CHECKPOINT_RESULTS}


for _name, _labels in _CANONICAL.items():
    for _code, _label in _labels.items():
        SPELLINGS[_name].setdefault(spelling_key(_label), _code)
        SPELLINGS[_name].setdefault(_code, _code)


def spelled(kind: str, text: str) -> str | None:
    """The code ``text`` means in the fixed list ``kind``, or None."""
    return SPELLINGS[kind].get(spelling_key(text))


def accepted(kind: str) -> str:
    """The accepted spellings, for a message: the labels first, then the other spellings."""
    labels = list(_CANONICAL[kind].values())
    others = [k for k, code in SPELLINGS[kind].items()
              if k not in labels and k != code and k not in {spelling_key(v) for v in labels}]
    return listing([*labels, *others])


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ParsedRow:
    row: int
    person: PersonInput
    caseworker_id: uuid.UUID | None
    intake_on: date
    consent_on: date | None
    referred_on: date | None
    office: str  # 支援要請先 as written (empty: the default office)
    support_start_on: date | None
    placed_on: date | None
    employer: str
    job_title: str
    employment_type: str
    term: str | None
    results: dict[int, tuple[str, date]]
    closed_on: date | None
    closure_reason: str | None
    note: str

    @property
    def episode_key(self) -> tuple[str, date]:
        return self.person.case_number, self.intake_on

    def same_episode_fields(self, other: ParsedRow) -> bool:
        return (self.consent_on, self.referred_on, self.office, self.support_start_on,
                self.closed_on, self.closure_reason) == (
                    other.consent_on, other.referred_on, other.office, other.support_start_on,
                    other.closed_on, other.closure_reason)


class _RowRejected(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


@dataclass
class PreviewRow:
    row: int
    status: str  # new | exists | rejected
    case_number: str
    name: str
    intake_on: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class LedgerPreview:
    filename: str
    encoding: str
    rows: list[PreviewRow]
    errors: list[RowError]
    ignored_columns: list[str]
    # 支援要請先 the file names that are not registered (registered on confirmation).
    unknown_offices: list[str] = field(default_factory=list)
    # Rows with a 支援要請日 and no 支援要請先 of their own: they need a default office.
    needs_default_office: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def reject(self, row: PreviewRow, column: str, reason: str) -> None:
        row.status = "rejected"
        row.reasons.append(reason if reason.startswith(column) else f"{column}: {reason}")
        self.errors.append(RowError(row.row, column, reason))


class OfficeRef(NamedTuple):
    """A Hello Work office as the import needs it (plain values: contexts are compared)."""

    id: uuid.UUID
    name: str


@dataclass
class ImportContext:
    today: date
    staff: dict[str, uuid.UUID | None]
    closure_reasons: list[str]
    checkpoint_months: list[int]
    support_months: int
    staff_organisation: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    offices: dict[str, OfficeRef] = field(default_factory=dict)  # by name_key of either name


def _parse_row(number: int, cells: dict[str, str], ctx: ImportContext) -> ParsedRow:
    def get(key: str) -> str:
        value = cells.get(key, "")
        if why := hygiene.problem(value, MAX_CELL, multiline=key == "note"):
            raise _RowRejected(HEADER[key], why)
        return value

    def day(key: str, required: bool = False) -> date | None:
        text = get(key)
        if not text:
            if required:
                raise _RowRejected(HEADER[key], _t("{column}を入力してください").format(column=HEADER[key]))
            return None
        try:
            value = parse_date(text)
        except DateParseError as exc:
            raise _RowRejected(HEADER[key], str(exc)) from None
        if value > ctx.today:
            raise _RowRejected(HEADER[key], _t("未来の日付です（{date}）").format(
                date=shown_date(value)))
        return value

    def split_name(key: str) -> tuple[str, str]:
        parts = re.split(r"[\s\u3000]+", get(key).strip(), maxsplit=1)
        if len(parts) != 2 or not all(parts):
            raise _RowRejected(HEADER[key], _t("{column}は姓と名の間に空白を入れてください（例: 山田 太郎）").format(
                column=HEADER[key]))
        return parts[0], parts[1]

    family, given = split_name("name")
    family_kana, given_kana = split_name("kana")
    category_text = get("category")
    category = spelled("category", category_text)
    if category is None:
        raise _RowRejected(HEADER["category"], _t("対象者区分「{category_text}」は一覧にありません（{choices}）").format(
            category_text=category_text, choices=accepted("category")))
    sex_text = get("sex")
    sex = spelled("sex", sex_text) if sex_text else None
    if sex_text and sex is None:
        raise _RowRejected(HEADER["sex"], _t("性別「{sex_text}」が読めません（{choices}、または空欄）").format(
            sex_text=sex_text, choices=accepted("sex")))
    phones = [p for p in re.split(r"\s*[/／、,]\s*", get("phone")) if p]
    if len(phones) > 2:
        raise _RowRejected(HEADER["phone"], _t("電話番号は2つまでです（自宅 / 携帯）"))
    home = next((p for p in phones if not MOBILE.match(unicodedata.normalize("NFKC", p))), "")
    mobile = next((p for p in phones if p != home), "")
    birth = day("birth_date", required=True)
    assert birth is not None
    try:
        person = validated(PersonInput(
            case_number=get("case_number"), family_name=family, given_name=given,
            family_kana=family_kana, given_kana=given_kana, birth_date=birth,
            category=category, sex=sex, postal_code=get("postal_code"),
            address=get("address"), phone_home=home, phone_mobile=mobile), ctx.today)
    except InvalidInput as exc:
        column = PERSON_COLUMNS.get(exc.field, exc.field)
        raise _RowRejected(HEADER.get(column, column), exc.message) from None

    staff_text = get("caseworker")
    caseworker_id = None
    if staff_text:
        found = staff_key(staff_text)
        if found not in ctx.staff:
            raise _RowRejected(HEADER["caseworker"],
                               _t("担当者「{staff_text}」が有効な職員として登録されていません").format(
                                   staff_text=staff_text))
        caseworker_id = ctx.staff[found]
        if caseworker_id is None:
            raise _RowRejected(HEADER["caseworker"], _t("「{staff_text}」という職員が複数います。「表示名（ユーザー名）」の形で指定してください").format(
                staff_text=staff_text))

    intake = day("intake_on", required=True)
    assert intake is not None
    if intake < birth:
        raise _RowRejected(HEADER["intake_on"], _t("受付日が生年月日より前になっています"))
    steps = [("consent_on", day("consent_on")), ("referred_on", day("referred_on")),
             ("support_start_on", day("support_start_on")), ("placed_on", day("placed_on"))]
    previous_key: str = "intake_on"
    previous: date | None = intake
    for step, value in steps:  # each step needs the one before it, on or after its date
        if value is not None:
            if previous is None:
                raise _RowRejected(HEADER[step], _t("{column}があるのに{previous}がありません").format(
                    column=HEADER[step], previous=HEADER[previous_key]))
            if value < previous:
                raise _RowRejected(HEADER[step], _t("{column}が{previous}より前になっています").format(
                    column=HEADER[step], previous=HEADER[previous_key]))
        previous_key, previous = step, value
    consent_on, referred_on, start_on, placed_on = (v for _, v in steps)
    office = " ".join(get("office").split())
    if office and referred_on is None:
        raise _RowRejected(HEADER["office"], _t("{column}があるときは{date}も入力してください").format(
            column=HEADER["office"], date=HEADER["referred_on"]))

    employer, job_title = get("employer"), get("job_title")
    employment_type, term_text = get("employment_type"), get("term")
    for key, text in (("employer", employer), ("job_title", job_title),
                      ("employment_type", employment_type)):  # the columns' own limits
        if why := hygiene.value_problem(Placement.__table__, key, text):  # type: ignore[arg-type]
            raise _RowRejected(HEADER[key], why)
    term = None
    if placed_on is not None:
        if not employer:
            raise _RowRejected(HEADER["employer"], _t("就職日があるときは事業所名を入力してください"))
        term = spelled("term", term_text)
        if term is None:
            raise _RowRejected(HEADER["term"], _t("雇用期間区分「{term_text}」は一覧にありません（{choices}）").format(
                term_text=term_text, choices=accepted("term")))
    elif employer or term_text:
        raise _RowRejected(HEADER["placed_on"], _t("事業所名・雇用期間区分があるときは就職日を入力してください"))

    results: dict[int, tuple[str, date]] = {}
    for key, months in RETENTION_COLUMNS.items():
        text = get(key)
        if not text:
            continue
        if placed_on is None:
            raise _RowRejected(HEADER[key], _t("定着確認の結果は就職日がある行にだけ入力できます"))
        results[months] = _retention(text, add_months(placed_on, months), HEADER[key], ctx.today)

    closed_on = day("closed_on")
    reason = get("closure_reason") or None
    if (closed_on is None) != (reason is None):
        raise _RowRejected(HEADER["closed_on"] if closed_on is None else HEADER["closure_reason"],
                           _t("終了日と終了理由は両方入力してください"))
    if reason is not None:
        # 就職（定着確認） and 就職(定着確認) are the same reason.
        configured = {spelling_key(r): r for r in ctx.closure_reasons}
        if spelling_key(reason) not in configured:
            raise _RowRejected(HEADER["closure_reason"], _t("終了理由「{reason}」は一覧にありません（{choices}）").format(
                reason=reason, choices=listing(ctx.closure_reasons)))
        reason = configured[spelling_key(reason)]
    last = max(d for d in (intake, consent_on, referred_on, start_on, placed_on) if d)
    if closed_on is not None and closed_on < last:
        raise _RowRejected(HEADER["closed_on"], _t("終了日がほかの日付より前になっています"))
    return ParsedRow(number, person, caseworker_id, intake, consent_on, referred_on, office,
                     start_on, placed_on, employer, job_title, employment_type, term, results,
                     closed_on, reason, get("note"))


def staff_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _retention(text: str, due: date, column: str, today: date) -> tuple[str, date]:
    """A 定着 check: a result from the table (the longest spelling that starts the cell),
    then optionally the day it was checked."""
    normal = unicodedata.normalize("NFKC", text).strip()
    key = spelling_key(normal)
    result, rest = None, ""
    for spelling in sorted(SPELLINGS["check"], key=len, reverse=True):
        if key.startswith(spelling):
            result = SPELLINGS["check"][spelling]
            rest = key[len(spelling):].strip("()")
            break
    if result is None:
        raise _RowRejected(column, _t("「{text}」が読めません（{choices}。続けて確認日も書けます）").format(
            text=text, choices=accepted("check")))
    if rest:
        try:
            done = parse_date(rest)
        except DateParseError as exc:
            raise _RowRejected(column, str(exc)) from None
    else:
        done = due
    if done > today:
        raise _RowRejected(column, _t("確認日が未来です（{date}）").format(
            date=shown_date(done)))
    return result, done


def episode_history(rows: list[ParsedRow], today: date) -> History:
    """The moves the rows of one episode imply, checked as the services check every move
    (builder.History): no database, so it runs while the file is parsed."""
    head = rows[0]
    history = History(head.intake_on, today, "台帳から取込")
    if head.consent_on is not None:
        history.move("screening", head.consent_on)
        history.move("consented", head.consent_on)
    if head.referred_on is not None:
        history.move("referred", head.referred_on)
        if head.support_start_on is not None:
            history.move("active", head.support_start_on)
    for row, end_on in placements_of(rows):
        assert row.placed_on is not None
        history.move("placed", row.placed_on)
        history.move("retention", row.placed_on, note="就職により定着支援へ自動移行")
        if end_on is not None:
            history.move("active", end_on, note="離職")
    if head.closed_on is not None:
        history.move("closed", head.closed_on, head.closure_reason)
    return history


def placements_of(rows: list[ParsedRow]) -> list[tuple[ParsedRow, date | None]]:
    """Each placement of the episode with the day it ended: the day before the next one."""
    placed = [r for r in rows if r.placed_on is not None]
    out: list[tuple[ParsedRow, date | None]] = []
    for i, row in enumerate(placed):
        assert row.placed_on is not None
        following = placed[i + 1].placed_on if i + 1 < len(placed) else None
        out.append((row, max(row.placed_on, following - timedelta(days=1))
                    if following is not None else None))
    return out


def parse_ledger(data: bytes, filename: str, ctx: ImportContext
                 ) -> tuple[LedgerPreview, list[list[ParsedRow]], dict[int, PreviewRow]]:
    """Read the file, parse and validate every row and group them into episodes: no
    database access at all, so it runs before any transaction (a long file never holds
    the write lock while it is parsed)."""
    header, body, encoding = read_table(data, filename)
    keys = [BY_HEADER.get(h) for h in header]
    ignored = [h for h in header if h and h not in BY_HEADER]
    preview = LedgerPreview(filename, encoding, [], [], ignored)
    parsed: list[ParsedRow] = []
    rows_by_number: dict[int, PreviewRow] = {}
    reject = preview.reject

    for number, values in body:
        cells = {k: cell_text(v) for k, v in zip(keys, values, strict=False) if k}
        row = PreviewRow(number, "new", cells.get("case_number", ""), cells.get("name", ""),
                         cells.get("intake_on", ""))
        preview.rows.append(row)
        rows_by_number[number] = row
        try:
            parsed.append(_parse_row(number, cells, ctx))
        except _RowRejected as exc:
            reject(row, exc.column, exc.reason)

    # Same episode and same placement twice in the file.
    seen: dict[tuple[str, date, date | None], int] = {}
    unique: list[ParsedRow] = []
    for p in parsed:
        dup = (*p.episode_key, p.placed_on)
        if dup in seen:
            reject(rows_by_number[p.row], _t("行"),
                   _t("{row}行目と同じ支援エピソード・就職日の重複行です").format(row=seen[dup]))
        else:
            seen[dup] = p.row
            unique.append(p)

    groups: dict[tuple[str, date], list[ParsedRow]] = defaultdict(list)
    for p in unique:
        groups[p.episode_key].append(p)
    bad_groups: set[tuple[str, date]] = set()
    for key, rows in groups.items():
        rows.sort(key=lambda r: (r.placed_on or date.min, r.row))
        first = rows[0]
        for other in rows[1:]:
            if other.person != first.person or not other.same_episode_fields(first):
                reject(rows_by_number[other.row], _t("行"), _t(
                    "{row}行目と同じ支援エピソード（ケース番号・受付日）ですが、"
                    "氏名や日付が一致しません").format(row=first.row))
                bad_groups.add(key)
        if first.placed_on is None and len(rows) > 1:
            bad_groups.add(key)
        if key in bad_groups:
            for r in rows:
                if rows_by_number[r.row].status != "rejected":
                    reject(rows_by_number[r.row], _t("行"),
                           _t("同じ支援エピソードの別の行に誤りがあります"))
        else:
            try:  # the moves the rows imply, checked as every move is
                episode_history(rows, ctx.today)
            except DomainError as exc:
                for r in rows:
                    reject(rows_by_number[r.row], _t("行"), exc.message)
                bad_groups.add(key)
    episodes = [rows for key, rows in groups.items() if key not in bad_groups]
    return preview, episodes, rows_by_number
