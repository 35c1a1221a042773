"""The Excel ledger (台帳): import from xlsx/CSV and export in the same layout.

One row per support episode (a second placement of the same episode is a further row with
the same ケース番号 and 受付日). Columns and rules are documented in docs/LEDGER.md.

Import validates every row first, then writes the good ones in one transaction: persons,
episodes with the transitions their dates imply, consents, referrals, placements and
retention checkpoints. The fixed lists (性別, 対象者区分, 雇用期間区分, the 定着 checks) accept
the spellings real ledgers use, each mapped in one table (SPELLINGS); anything else is
rejected with the accepted spellings. The optional 支援要請先 column names each row's Hello
Work office (offices not yet registered are listed in the preview and registered on
confirmation); the optional 担当者 column assigns the case. An episode already in the database (same ケース番号 and 受付日) is
skipped, so importing the same file twice imports nothing the second time. Rejected rows are
listed with their row number, column and a reason in Japanese.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop.cells import neutralise, restore
from desktop.files import write_whole
from desktop.i18n import listing, shown_date, translator
from desktop.japanese.wareki import (
    DateParseError,
    add_months,
    fiscal_year_of,
    format_wareki,
    parse_date,
)
from desktop.models import (
    CaseAssignment,
    Consent,
    Episode,
    HelloWorkOffice,
    Person,
    Placement,
    Referral,
    RetentionCheckpoint,
    RouteChange,
    Transition,
    User,
)
from desktop.models.db import refresh_statistics
from desktop.services import audit, hygiene
from desktop.services.bulk import Batch
from desktop.services.consent import WORDING_VERSION, WORDINGS, wording_hash
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.labels import (
    CATEGORIES,
    CHECKPOINT_RESULTS,
    CONSENT_SCOPE,
    SEXES,
    TERM_CATEGORIES,
)
from desktop.services.offices import OfficeInput, insert_office
from desktop.services.organisations import name_key
from desktop.services.permissions import require_role, visible_persons
from desktop.services.persons import (
    ASSIGNABLE_ROLES,
    INPUT_FIELDS,
    PersonInput,
    actor_organisation,
    search_keys,
    validated,
)
from desktop.services.settings import read_setting

_t = translator("Ledger")
COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_number", "ケース番号"), ("name", "氏名"), ("kana", "フリガナ"),
    ("birth_date", "生年月日"), ("sex", "性別"), ("postal_code", "〒"), ("address", "住所"),
    ("phone", "電話"), ("category", "対象者区分"), ("caseworker", "担当者"),
    ("intake_on", "受付日"), ("consent_on", "同意日"), ("referred_on", "支援要請日"),
    ("office", "支援要請先"), ("support_start_on", "支援開始日"), ("placed_on", "就職日"), ("employer", "事業所名"),
    ("job_title", "職種"), ("employment_type", "雇用形態"), ("term", "雇用期間区分"),
    ("r1", "1か月定着"), ("r3", "3か月定着"), ("r6", "6か月定着"), ("closed_on", "終了日"),
    ("closure_reason", "終了理由"), ("note", "備考"),
)
HEADER = {key: label for key, label in COLUMNS}
BY_HEADER = {label: key for key, label in COLUMNS}
REQUIRED = ("case_number", "name", "kana", "birth_date", "category", "intake_on")
RETENTION_COLUMNS = {"r1": 1, "r3": 3, "r6": 6}
MAX_ROWS = 200_000
MAX_COLUMNS = 64  # the ledger has 25; room for a sheet's own extra columns, which are ignored
MAX_CELL = 2000
IMPORT_MEETING = "台帳取込"
MOBILE = re.compile(r"^0[5789]0")
# The ledger column a person field comes from (for naming it in a rejected row).
PERSON_COLUMNS = {"family_kana": "kana", "given_kana": "kana", "family_name": "name",
                  "given_name": "name", "phone_home": "phone", "phone_mobile": "phone"}


# ------------------------------------------------------------------ spellings

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


# ------------------------------------------------------------------ reading files


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # An apostrophe that neutralised a formula on export is not part of the value.
    return restore(str(value).strip())


def _decode_csv(data: bytes) -> tuple[str, str]:
    for encoding, label in (("utf-8-sig", "UTF-8"), ("cp932", "Shift_JIS (CP932)")):
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError:
            continue
    raise InvalidInput("file", _t("文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）"))


def read_table(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    """Header and non-empty data rows (with their row number in the file) of an xlsx or CSV
    ledger. Rows are counted while they are read: a file claiming more than MAX_ROWS is
    refused before it fills the memory, and no row is wider than MAX_COLUMNS."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        encoding = "xlsx"
        return (*_table(_xlsx_rows(data)), encoding)
    if suffix in (".csv", ".txt"):
        text, encoding = _decode_csv(data)
        try:
            return (*_table(r[:MAX_COLUMNS] for r in csv.reader(io.StringIO(text))), encoding)
        except csv.Error as exc:
            raise InvalidInput("file", _t("CSVを読み取れません（{exc}）").format(exc=exc)) from None
    raise InvalidInput("file", _t("台帳は .xlsx または .csv のファイルを指定してください"))


def _table(rows: Iterable[Sequence[Any]]) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    header: list[str] | None = None
    body: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(rows, start=1):
        if header is None:
            texts = [_text(v) for v in row]
            if "ケース番号" in texts:
                header = texts
            elif number >= 20:
                break
            continue
        if not any(_text(v) for v in row):
            continue
        if len(body) == MAX_ROWS:
            raise InvalidInput("file", _t("1回に取り込める行数は{MAX_ROWS:,}行までです").format(
                MAX_ROWS=MAX_ROWS))
        body.append((number, list(row)))
    if header is None:
        raise InvalidInput("file", _t("見出し行（ケース番号・氏名・受付日 などの列名）が見つかりません"))
    missing = [HEADER[k] for k in REQUIRED if HEADER[k] not in header]
    if missing:
        raise InvalidInput("file", _t("必須の列がありません: {columns}").format(columns=listing(missing)))
    return header, body


def _xlsx_rows(data: bytes) -> Iterator[tuple[Any, ...]]:
    """The ledger sheet's rows, streamed. The sheet's own ``<dimension ref>`` is not trusted
    (a 5 KB file claiming A1:XFD1048576 made openpyxl pad every row to 16,384 cells): the
    dimensions are recomputed while reading and no row is read wider than MAX_COLUMNS."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InvalidInput("file", _t("Excelファイルとして読み取れません（{error}）").format(
            error=type(exc).__name__)) from None
    try:
        ws = wb["台帳"] if "台帳" in wb.sheetnames else wb.worksheets[0]
        ws.reset_dimensions()
        yield from ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    finally:
        wb.close()


# ------------------------------------------------------------------ rows


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


@dataclass(frozen=True)
class ImportResult:
    imported: int
    rejected: int
    skipped: int
    persons: int
    episodes: int
    report: Path | None
    errors: list[RowError]

    def summary(self) -> dict[str, Any]:
        """The JSON summary of docs/CLI.md (plus what was skipped)."""
        return {"imported": self.imported, "rejected": self.rejected, "skipped": self.skipped,
                "persons": self.persons, "episodes": self.episodes,
                "report": str(self.report) if self.report else None}


class _Office(NamedTuple):
    """A Hello Work office as the import needs it (plain values: contexts are compared)."""

    id: uuid.UUID
    name: str


@dataclass
class _Context:
    today: date
    staff: dict[str, uuid.UUID | None]
    closure_reasons: list[str]
    checkpoint_months: list[int]
    support_months: int
    staff_organisation: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    offices: dict[str, _Office] = field(default_factory=dict)  # by name_key of either name


def _parse_row(number: int, cells: dict[str, str], ctx: _Context) -> ParsedRow:
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


# ------------------------------------------------------------------ the service


class LedgerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading

    def _context(self, s: Session, actor: Actor) -> _Context:
        staff: dict[str, uuid.UUID | None] = {}
        organisations: dict[uuid.UUID, uuid.UUID] = {}
        stmt = select(User.id, User.username, User.display_name, User.organisation_id).where(
            User.active.is_(True), User.deleted_at.is_(None),
            User.role.in_(ASSIGNABLE_ROLES))
        if actor.role != "admin":  # a supervisor assigns within their organisation
            stmt = stmt.where(User.organisation_id == actor.organisation_id)
        for uid, username, display, organisation in s.execute(stmt):
            name = staff_key(display)
            staff[name] = None if name in staff else uid  # None: two staff share the name
            staff[staff_key(f"{display}（{username}）")] = uid
            staff[username] = uid
            organisations[uid] = organisation
        offices: dict[str, _Office] = {}
        for office_id, name, official in s.execute(
                select(HelloWorkOffice.id, HelloWorkOffice.name, HelloWorkOffice.official_name)
                .where(HelloWorkOffice.deleted_at.is_(None))
                .order_by(HelloWorkOffice.active.desc(), HelloWorkOffice.name)):
            for key in (name_key(name), name_key(official)):
                if key:
                    offices.setdefault(key, _Office(office_id, name))
        return _Context(self.ctx.today(), staff, list(read_setting(s, "closure_reasons")),
                        list(read_setting(s, "checkpoint_months")),
                        int(read_setting(s, "support_period_months")), organisations, offices)

    def _parse(self, data: bytes, filename: str, ctx: _Context
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
            cells = {k: _text(v) for k, v in zip(keys, values, strict=False) if k}
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

        episodes = [rows for key, rows in groups.items() if key not in bad_groups]
        return preview, episodes, rows_by_number

    def _analyse(self, s: Session, actor: Actor, data: bytes, filename: str
                 ) -> tuple[LedgerPreview, list[list[ParsedRow]]]:
        """Parse, validate and classify every row; nothing is written."""
        context = self._context(s, actor)
        preview, episodes, rows_by_number = self._parse(data, filename, context)
        episodes = self._against_database(s, actor, episodes, rows_by_number,
                                              preview.reject)
        self._offices_needed(preview, episodes, context)
        return preview, episodes

    @staticmethod
    def _offices_needed(preview: LedgerPreview, episodes: list[list[ParsedRow]],
                        context: _Context) -> None:
        """The offices the 支援要請先 column names that are not registered, and whether rows
        with a 支援要請日 but no 支援要請先 need the default office."""
        unknown: dict[str, str] = {}
        for rows in episodes:
            head = rows[0]
            if head.office and name_key(head.office) not in context.offices:
                unknown.setdefault(name_key(head.office), head.office)
            if head.referred_on is not None and not head.office:
                preview.needs_default_office = True
        preview.unknown_offices = sorted(unknown.values())

    def _against_database(self, s: Session, actor: Actor, episodes: list[list[ParsedRow]],
                          rows_by_number: dict[int, PreviewRow],
                          reject: Callable[[PreviewRow, str, str], None]
                          ) -> list[list[ParsedRow]]:
        numbers = sorted({rows[0].person.case_number for rows in episodes})
        existing: dict[str, tuple[uuid.UUID, PersonInput]] = {}
        # Case numbers held by a person of another organisation (a supervisor imports into
        # their own): refused whatever the row says, so that nothing is added to that
        # person and the answer never confirms a guessed name or birth date.
        foreign: set[str] = set()
        open_episode: dict[uuid.UUID, date] = {}
        intakes: set[tuple[uuid.UUID, date]] = set()
        for chunk in _chunks(numbers, 500):
            for person in s.scalars(select(Person).where(Person.case_number.in_(chunk),
                                                         Person.deleted_at.is_(None))):
                if actor.role != "admin" and person.organisation_id != actor.organisation_id:
                    foreign.add(person.case_number)
                    continue
                existing[person.case_number] = (person.id, PersonInput(
                    **{n: getattr(person, n) for n in INPUT_FIELDS}))
        ids = [pid for pid, _ in existing.values()]
        for chunk in _chunks(ids, 500):
            for pid, intake, state in s.execute(
                    select(Episode.person_id, Episode.intake_on, Episode.state).where(
                        Episode.person_id.in_(chunk), Episode.deleted_at.is_(None))):
                intakes.add((pid, intake))
                if state != "closed":
                    open_episode[pid] = intake

        by_person: dict[str, list[list[ParsedRow]]] = defaultdict(list)
        for rows in episodes:
            by_person[rows[0].person.case_number].append(rows)
        accepted: list[list[ParsedRow]] = []

        def reject_all(rows: list[ParsedRow], column: str, reason: str) -> None:
            for r in rows:
                reject(rows_by_number[r.row], column, reason)

        for number, person_episodes in by_person.items():
            if number in foreign:
                for rows in person_episodes:
                    reject_all(rows, HEADER["case_number"], _t(
                        "ケース番号「{number}」はほかの組織の対象者に使われているため、取り込めません"
                        "（その組織で取り込むか、管理者に依頼してください）").format(number=number))
                continue
            person_episodes.sort(key=lambda rows: rows[0].intake_on)
            first = person_episodes[0][0].person
            found = existing.get(number)
            if found is not None:
                pid, known = found
                if (known.family_name, known.given_name, known.birth_date) != (
                        first.family_name, first.given_name, first.birth_date):
                    for rows in person_episodes:
                        reject_all(rows, HEADER["case_number"],
                                   _t("ケース番号「{number}」は氏名または生年月日が異なる対象者として"
                                      "登録済みです").format(number=number))
                    continue
            fresh = []
            for rows in person_episodes:
                if rows[0].person != first:
                    reject_all(rows, HEADER["name"],
                               _t("同じケース番号の別の行と氏名・生年月日などが一致しません"))
                elif found is not None and (found[0], rows[0].intake_on) in intakes:
                    for r in rows:
                        rows_by_number[r.row].status = "exists"
                else:
                    fresh.append(rows)
            # At most one open episode per person, and it must be the latest one.
            open_on = open_episode.get(found[0]) if found else None
            for rows in fresh:
                head = rows[0]
                if open_on is not None and head.intake_on >= open_on:
                    reject_all(rows, HEADER["intake_on"],
                               _t("この対象者には終了していない支援エピソードが既にあります"))
                    continue
                later = [r for r in fresh if r[0].intake_on > head.intake_on]
                if head.closed_on is None and later:
                    reject_all(rows, HEADER["closed_on"], _t("後の受付がある支援エピソードは終了日が必要です"))
                    continue
                if open_on is not None and head.closed_on is None:
                    reject_all(rows, HEADER["closed_on"],
                               _t("この対象者には終了していない支援エピソードが既にあります"))
                    continue
                accepted.append(rows)
        return accepted

    def preview(self, actor: Actor, path: Path) -> LedgerPreview:
        """What importing ``path`` would do, row by row; nothing is written."""
        require_role(actor, "admin", "supervisor")
        data = _read_file(path)
        with self.ctx.db.read() as s:
            return self._analyse(s, actor, data, path.name)[0]

    # ---------------------------------------------------------------- writing

    def import_file(self, actor: Actor, path: Path, report_path: Path | None = None,
                    office_id: uuid.UUID | None = None,
                    create_offices: bool = False) -> ImportResult:
        """Import every good row in one transaction. A row's Hello Work office is its
        支援要請先; without one, ``office_id`` or the only registered office. Offices the file
        names that are not registered are created with ``create_offices`` (the preview's
        confirmation); otherwise, or when rows with a 支援要請日 have no office to go to,
        nothing is imported and the message says why."""
        require_role(actor, "admin", "supervisor")
        data = _read_file(path)
        with self.ctx.db.read() as s:
            context = self._context(s, actor)
        # Parsed before the write transaction: the write lock is held only to check the rows
        # against the database and insert them.
        parsed = self._parse(data, path.name, context)
        with self.ctx.db.write() as s:
            if self._context(s, actor) != context:  # staff or settings changed meanwhile
                context = self._context(s, actor)
                parsed = self._parse(data, path.name, context)
            preview, episodes, rows_by_number = parsed
            episodes = self._against_database(s, actor, episodes, rows_by_number,
                                              preview.reject)
            self._offices_needed(preview, episodes, context)
            if preview.unknown_offices and not create_offices:
                raise DomainError(_t(
                    "台帳の{column}に、登録されていないハローワークがあります: {names}。"
                    "登録してから取り込むか、取り込むときに登録してください"
                    "（コマンドでは --create-offices）。何も取り込んでいません").format(
                        column=HEADER["office"], names=listing(preview.unknown_offices)))
            default = self._default_office(s, office_id) if preview.needs_default_office else None
            if preview.needs_default_office and default is None:
                registered = s.scalar(select(func.count(HelloWorkOffice.id)).where(
                    HelloWorkOffice.active.is_(True), HelloWorkOffice.deleted_at.is_(None)))
                raise DomainError((_t(
                    "{date}のある行がありますが、支援要請先のハローワークが登録されていません。"
                    "ハローワークを登録するか、台帳に{column}の列を加えてください。何も取り込んでいません")
                    if not registered and not preview.unknown_offices else _t(
                    "{date}のある行に{column}が書かれていません。既定の支援要請先のハローワークを"
                    "指定してください（コマンドでは --office）。何も取り込んでいません")).format(
                        date=HEADER["referred_on"], column=HEADER["office"]))
            for name in preview.unknown_offices:
                office = insert_office(s, self.ctx, actor, OfficeInput(name), source="ledger")
                context.offices[name_key(name)] = _Office(office.id, office.name)
            writer = _Writer(s, self.ctx, actor, default, context)
            for rows in episodes:
                writer.episode(rows)
            writer.batch.flush()
            imported = sum(len(rows) for rows in episodes)
            result = ImportResult(imported, preview.count("rejected"), preview.count("exists"),
                                  writer.new_persons, len(episodes), None, preview.errors)
            audit.append(s, self.ctx, actor, "import", "ledger", path.name,
                         sha256=hashlib.sha256(data).hexdigest(), imported=imported,
                         rejected=result.rejected, skipped=result.skipped,
                         offices_created=len(preview.unknown_offices))
        if result.episodes:
            refresh_statistics(self.ctx.db.engine)  # never waits: skipped when busy
        if result.errors:
            target = report_path or path.with_name(f"{path.stem}.rejected.csv")
            write_rejected_report(target, result.errors)
            result = ImportResult(result.imported, result.rejected, result.skipped,
                                  result.persons, result.episodes, target, result.errors)
        return result

    def _default_office(self, s: Session, office_id: uuid.UUID | None) -> _Office | None:
        """The office given, else the only active one (None when there are none or several)."""
        if office_id is not None:
            office = s.get(HelloWorkOffice, office_id)
            if office is None or office.deleted_at is not None or not office.active:
                raise InvalidInput("office", _t("指定したハローワークが見つかりません（無効になっていないか確認してください）"))
            return _Office(office.id, office.name)
        active = s.execute(select(HelloWorkOffice.id, HelloWorkOffice.name).where(
            HelloWorkOffice.deleted_at.is_(None), HelloWorkOffice.active.is_(True)).limit(2)).all()
        return _Office(*active[0]) if len(active) == 1 else None

    # ---------------------------------------------------------------- export

    def export_rows(self, actor: Actor) -> list[list[str]]:
        """The caseload the actor may read, one row per episode (per placement), in the
        ledger's column order, as text (dates in 和暦)."""
        with self.ctx.db.write() as s:
            rows = list(_export_rows(s, actor))
            audit.append(s, self.ctx, actor, "export", "ledger", "", rows=len(rows))
            return rows

    def export(self, actor: Actor, fmt: str) -> tuple[bytes, int]:
        if fmt not in ("xlsx", "csv", "json"):
            raise InvalidInput("format", _t("形式は xlsx・csv・json のいずれかです"))
        rows = self.export_rows(actor)
        header = [label for _, label in COLUMNS]
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows([neutralise(v) for v in row] for row in rows)
            return out.getvalue().encode("utf-8-sig"), len(rows)
        if fmt == "json":
            payload = {"columns": header,
                       "rows": [dict(zip(header, row, strict=True)) for row in rows]}
            return json.dumps(payload, ensure_ascii=False, indent=1).encode(), len(rows)
        return ledger_xlsx(rows), len(rows)


def ledger_xlsx(rows: Iterable[list[str]]) -> bytes:
    """The template's layout (its header, widths and notes sheet), written in openpyxl's
    streaming mode: loading the template and appending was 4x slower."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.cell import WriteOnlyCell

    from desktop.resources import resource_path

    template = load_workbook(resource_path("templates", "ledger_template.xlsx"))
    wb = Workbook(write_only=True)
    for source in template.worksheets:
        ws = wb.create_sheet(source.title)
        for letter, dim in source.column_dimensions.items():
            ws.column_dimensions[letter].width = dim.width
        if source.freeze_panes:
            ws.freeze_panes = source.freeze_panes
        for line in source.iter_rows():
            cells = []
            for c in line:
                cell = WriteOnlyCell(ws, value=c.value)
                cell.font, cell.fill, cell.alignment = copy(c.font), copy(c.fill), copy(
                    c.alignment)
                cells.append(cell)
            ws.append(cells)
        if source.title == "台帳":
            for row in rows:
                # Every value is text; one that a spreadsheet would run as a formula gets an
                # apostrophe (openpyxl would otherwise store "=..." as a formula).
                ws.append([neutralise(v) for v in row])
    template.close()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_rejected_report(path: Path, errors: list[RowError]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["行", "列", "理由"])
    for e in sorted(errors, key=lambda e: e.row):
        writer.writerow([e.row, neutralise(e.column), neutralise(e.reason)])
    try:
        write_whole(path, out.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        raise DomainError(_t("取り込めなかった行の一覧を {path} に書き込めません（{reason}）。取り込んだ行は保存されています").format(
            path=path, reason=exc.strerror or exc)) from None


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("file", _t("ファイルが見つかりません: {path}").format(path=path)) from None
    except OSError as exc:
        raise InvalidInput("file", _t("ファイルを読み取れません: {path}（{reason}）").format(
            path=path, reason=exc.strerror or exc)) from None


def as_text(column: Any) -> Any:
    """An id column read as its stored text: building a UUID per row dominated exports."""
    return type_coerce(column, String)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class _Writer:
    """Rows for one import, inserted in bulk in the caller's transaction."""

    def __init__(self, s: Session, ctx: ServiceContext, actor: Actor,
                 office: _Office | None, settings: _Context) -> None:
        self.s, self.ctx, self.actor, self.office, self.settings = s, ctx, actor, office, settings
        self.batch = Batch(s)
        self.now = ctx.now()
        self.organisation = actor_organisation(s, actor)
        self.persons: dict[str, tuple[uuid.UUID, uuid.UUID | None]] = {
            number: (pid, org) for number, pid, org in s.execute(
                select(Person.case_number, Person.id, Person.organisation_id))}
        self.search_no = (s.scalar(select(func.max(Person.search_no))) or 0)
        self.referral_counts: dict[int, int] = {}
        self.new_persons = 0

    def stamp(self) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "version": 1, "created_at": self.now,
                "updated_at": self.now, "created_by": self.actor.user_id,
                "updated_by": self.actor.user_id, "origin": self.ctx.device_id,
                "deleted_at": None}

    def person(self, row: ParsedRow, episode_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
        """The person's id and organisation: a new person belongs to their 担当者's
        organisation (none: the importer's), and their assignment is the first line of their
        担当の履歴."""
        number = row.person.case_number
        if number in self.persons:
            pid, org = self.persons[number]
            return pid, org or self.organisation
        self.search_no += 1
        values = {n: getattr(row.person, n) for n in INPUT_FIELDS}
        org = (self.settings.staff_organisation.get(row.caseworker_id, self.organisation)
               if row.caseworker_id else self.organisation)
        record = {**self.stamp(), **values, **search_keys(row.person),
                  "caseworker_id": row.caseworker_id, "organisation_id": org,
                  "search_no": self.search_no}
        self.batch.add(Person, record)
        if row.caseworker_id is not None:
            self.batch.add(CaseAssignment, {
                **self.stamp(), "person_id": record["id"], "episode_id": episode_id,
                "caseworker_id": row.caseworker_id, "previous_caseworker_id": None,
                "organisation_id": org, "effective_on": row.intake_on, "reason": "import"})
        self.persons[number] = (record["id"], org)
        self.new_persons += 1
        return record["id"], org

    def office_of(self, row: ParsedRow) -> _Office | None:
        if row.office:
            return self.settings.offices[name_key(row.office)]
        return self.office

    def referral_number(self, on: date) -> str:
        fy = fiscal_year_of(on)
        if fy not in self.referral_counts:
            self.referral_counts[fy] = self.s.scalar(select(func.count(Referral.id)).where(
                Referral.number.like(f"{fy}-%"))) or 0
        self.referral_counts[fy] += 1
        return f"{fy}-{self.referral_counts[fy]:04d}"

    def episode(self, rows: list[ParsedRow]) -> None:
        head = rows[0]
        eid = uuid.uuid4()
        pid, organisation = self.person(head, eid)
        office = self.office_of(head) if head.referred_on is not None else None
        state, since = "candidate", head.intake_on
        moves: list[tuple[str | None, str, date, str | None, str]] = [
            (None, "candidate", head.intake_on, None, "台帳から取込")]

        def move(to: str, on: date, reason: str | None = None, note: str = "") -> None:
            nonlocal state, since
            moves.append((state, to, on, reason, note))
            state, since = to, on

        episode: dict[str, Any] = {
            **self.stamp(), "id": eid, "person_id": pid, "organisation_id": organisation,
            "intake_on": head.intake_on,
            "note": head.note, "screening_decision": None, "screening_decided_on": None,
            "screening_meeting": "", "support_start_on": None, "planned_end_on": None,
            "closed_on": None, "closure_reason": None, "screening_route": None, "route": None}
        if head.consent_on is not None:
            move("screening", head.consent_on)
            # The ledger is the Hello Work programme's: its cases are on that route.
            episode.update(screening_decision="approved", screening_decided_on=head.consent_on,
                           screening_meeting=IMPORT_MEETING, screening_route="hello_work",
                           route="hello_work")
            self.batch.add(RouteChange, {
                **self.stamp(), "episode_id": eid, "from_route": None,
                "to_route": "hello_work", "effective_on": head.consent_on,
                "actor_id": self.actor.user_id, "note": ""})
            self.consents(eid, head.consent_on, office)
            move("consented", head.consent_on)
        referral: dict[str, Any] | None = None
        if head.referred_on is not None and office is not None:
            referral = {**self.stamp(), "episode_id": eid,
                        "number": self.referral_number(head.referred_on),
                        "referred_on": head.referred_on, "office_id": office.id,
                        "sent_by": self.actor.user_id, "status": "sent",
                        "status_on": head.referred_on, "return_reason": "",
                        # Sent on paper before the ledger came in: not waiting to be printed.
                        "printed_at": self.now}
            self.batch.add(Referral, referral)
            move("referred", head.referred_on)
        if head.support_start_on is not None and referral is not None:
            referral.update(status="accepted", status_on=head.support_start_on)
            episode.update(support_start_on=head.support_start_on,
                           planned_end_on=add_months(head.support_start_on,
                                                     self.settings.support_months))
            move("active", head.support_start_on)
        placed = [r for r in rows if r.placed_on is not None]
        for i, row in enumerate(placed):
            assert row.placed_on is not None
            following = placed[i + 1].placed_on if i + 1 < len(placed) else None
            end_on = None
            if following is not None:
                end_on = max(row.placed_on, following - timedelta(days=1))
            self.placement(eid, row, end_on)
            move("placed", row.placed_on)
            move("retention", row.placed_on, note="就職により定着支援へ自動移行")
            if end_on is not None:
                move("active", end_on, note="離職")
        if head.closed_on is not None:
            move("closed", head.closed_on, head.closure_reason)
            episode.update(closed_on=head.closed_on, closure_reason=head.closure_reason)
            if referral is not None and referral["status"] == "sent":
                referral.update(status="withdrawn", status_on=head.closed_on)
        episode.update(state=state, state_since=since)
        self.batch.add(Episode, episode)
        for frm, to, on, reason, note in moves:
            self.batch.add(Transition, {
                **self.stamp(), "episode_id": eid, "from_state": frm, "to_state": to,
                "effective_on": on, "recorded_at": self.now, "actor_id": self.actor.user_id,
                "reason": reason, "note": note})

    def consents(self, eid: uuid.UUID, on: date, recipient: _Office | None) -> None:
        office = [recipient.name] if recipient is not None else []
        for kind in ("participation", "information_sharing"):
            text = WORDINGS[kind]
            sharing = kind == "information_sharing"
            self.batch.add(Consent, {
                **self.stamp(), "episode_id": eid, "kind": kind,
                "recipients": office if sharing else [],
                "scope": list(CONSENT_SCOPE) if sharing else [], "signed_on": on,
                "valid_until": None, "withdrawn_on": None, "withdrawal_note": "",
                "wording_version": WORDING_VERSION, "wording_text": text,
                "wording_hash": wording_hash(text), "scan": None, "scan_mime": None})

    def placement(self, eid: uuid.UUID, row: ParsedRow, end_on: date | None) -> None:
        assert row.placed_on is not None and row.term is not None
        record = {**self.stamp(), "episode_id": eid, "start_on": row.placed_on,
                  "employer": row.employer, "employer_address": "", "job_title": row.job_title,
                  "employment_type": row.employment_type, "term_category": row.term,
                  "weekly_hours": None, "wage_amount": None, "wage_unit": "monthly",
                  "employment_insurance": False, "route": "hello_work", "end_on": end_on,
                  "end_reason": "台帳取込: 次の就職の前に離職" if end_on else ""}
        self.batch.add(Placement, record)
        for months in sorted(set(self.settings.checkpoint_months) | set(row.results)):
            result, done = row.results.get(months, (None, None))
            self.batch.add(RetentionCheckpoint, {
                **self.stamp(), "placement_id": record["id"], "episode_id": eid,
                "months": months, "due_on": add_months(row.placed_on, months),
                "done_on": done, "result": result, "note": ""})


# ------------------------------------------------------------------ export rows


def _export_rows(s: Session, actor: Actor) -> Iterable[list[str]]:
    """Column tuples with ids left as text, not ORM objects: an export of 120,000 episodes
    loaded as objects took 40 s."""
    w = lru_cache(maxsize=65536)(lambda d: format_wareki(d) if d else "")
    users = list(s.execute(select(as_text(User.id), User.username, User.display_name)))
    shared = {d for d in (staff_key(u[2]) for u in users)
              if sum(1 for u in users if staff_key(u[2]) == d) > 1}
    # A display name two staff share is written with the username, so import finds the one.
    staff = {uid: f"{display}（{username}）" if staff_key(display) in shared else display
             for uid, username, display in users}
    person_cols = (as_text(Person.id), Person.case_number, Person.family_name, Person.given_name,
                   Person.family_kana, Person.given_kana, Person.birth_date, Person.sex,
                   Person.postal_code, Person.address, Person.phone_home, Person.phone_mobile,
                   Person.category, as_text(Person.caseworker_id))
    persons = {row[0]: row for row in s.execute(select(*person_cols).where(
        Person.deleted_at.is_(None), visible_persons(actor)))}
    episodes = [row for row in s.execute(
        select(as_text(Episode.id), as_text(Episode.person_id), Episode.intake_on, Episode.support_start_on,
               Episode.closed_on, Episode.closure_reason, Episode.note)
        .where(Episode.deleted_at.is_(None))) if row[1] in persons]
    wanted = {row[0] for row in episodes}

    def by_episode(*cols: Any, order: Any) -> dict[str, list[Any]]:
        table = cols[0].class_
        out: dict[str, list[Any]] = defaultdict(list)
        for row in s.execute(select(as_text(cols[0]), *cols[1:]).where(table.deleted_at.is_(None))
                             .order_by(order)):
            if row[0] in wanted:
                out[row[0]].append(row)
        return out

    signed = {eid: day for eid, day in s.execute(
        select(as_text(Consent.episode_id), func.max(Consent.signed_on))
        .where(Consent.deleted_at.is_(None)).group_by(Consent.episode_id))}
    referrals = by_episode(Referral.episode_id, Referral.referred_on, Referral.status,
                           as_text(Referral.office_id), order=Referral.referred_on)
    office_names: dict[str, str] = {
        oid: name for oid, name in s.execute(select(as_text(HelloWorkOffice.id),
                                                    HelloWorkOffice.name))}
    placements = by_episode(Placement.episode_id, as_text(Placement.id), Placement.start_on,
                            Placement.employer, Placement.job_title, Placement.employment_type,
                            Placement.term_category, order=Placement.start_on)
    checks: dict[tuple[str, int], tuple[str, date]] = {}
    for eid, pid, months, result, done in s.execute(
            select(as_text(RetentionCheckpoint.episode_id), as_text(RetentionCheckpoint.placement_id),
                   RetentionCheckpoint.months, RetentionCheckpoint.result,
                   RetentionCheckpoint.done_on)
            .where(RetentionCheckpoint.deleted_at.is_(None),
                   RetentionCheckpoint.result.is_not(None))):
        if eid in wanted and done is not None:
            checks[(pid, months)] = (result, done)
    episodes.sort(key=lambda e: (persons[e[1]][1], e[2]))
    for eid, person_id, intake, start, closed, reason, note in episodes:
        (_, number, family, given, fkana, gkana, birth, sex, postal, address, home, mobile,
         category, caseworker) = persons[person_id]
        sent = [r for r in referrals.get(eid, []) if r[2] != "returned"] or referrals.get(eid, [])
        person_cells = [number, f"{family} {given}", f"{fkana} {gkana}", w(birth),
                        SEXES.get(sex or "", ""), postal, address,
                        " / ".join(x for x in (home, mobile) if x),
                        CATEGORIES.get(category, category),
                        staff.get(caseworker, "") if caseworker else "", w(intake),
                        w(signed.get(eid)),
                        w(sent[-1][1] if sent else None),
                        office_names.get(sent[-1][3], "") if sent else "", w(start)]
        tail = [w(closed), reason or "", note]
        jobs = placements.get(eid)
        if not jobs:
            yield [*person_cells, "", "", "", "", "", "", "", "", *tail]
            continue
        for _, job_id, job_start, employer, job_title, employment_type, term in jobs:
            marks = []
            for months in (1, 3, 6):
                check = checks.get((job_id, months))
                marks.append(f"{CHECKPOINT_RESULTS[check[0]]} {w(check[1])}" if check else "")
            yield [*person_cells, w(job_start), employer, job_title, employment_type,
                   TERM_CATEGORIES.get(term, ""), *marks, *tail]
