"""Reading a ledger file: an xlsx sheet or a CSV (UTF-8 or Shift_JIS) to a header and rows of
cells, within the limits (rows, columns, cell length) counted while reading, never after."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.cells import restore
from desktop.i18n import listing, translator
from desktop.services.errors import InvalidInput
from desktop.services.ledger.template import HEADER, REQUIRED

_t = translator("Ledger")


MAX_ROWS = 200_000


MAX_COLUMNS = 64  # the ledger has 25; room for a sheet's own extra columns, which are ignored


MAX_CELL = 2000


def cell_text(value: Any) -> str:
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
            texts = [cell_text(v) for v in row]
            if "ケース番号" in texts:
                header = texts
            elif number >= 20:
                break
            continue
        if not any(cell_text(v) for v in row):
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


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("file", _t("ファイルが見つかりません: {path}").format(path=path)) from None
    except OSError as exc:
        raise InvalidInput("file", _t("ファイルを読み取れません: {path}（{reason}）").format(
            path=path, reason=exc.strerror or exc)) from None
