"""The Excel ledger (台帳): import from xlsx/CSV and export in the same layout.

One row per support episode (a second placement of the same episode is a further row with
the same ケース番号 and 受付日). Columns and rules are documented in docs/LEDGER.md.

Import validates every row first, then writes the good ones in one transaction: persons,
episodes with the transitions their dates imply, consents, referrals, placements and
retention checkpoints. The fixed lists (性別, 対象者区分, 雇用期間区分, the 定着 checks) accept
the spellings real ledgers use, each mapped in one table (SPELLINGS); anything else is
rejected with the accepted spellings. The optional 支援要請先 column names each row's Hello
Work office (offices not yet registered are listed in the preview and registered on
confirmation); the optional 担当者 column assigns the case. An episode already in the
database (same ケース番号 and 受付日) is skipped, so importing the same file twice imports
nothing the second time. Rejected rows are listed with their row number, column and a reason
in Japanese.

The work is split by stage: ``template`` (the columns and the xlsx layout), ``reading`` (the
file to cells), ``parsing`` (cells to checked rows and episodes, no database), ``writing``
(the rows in bulk), ``export`` (the caseload back to a file) and ``service`` (the use cases).
"""

from desktop.services.ledger.export import FORMATS, ledger_file, ledger_rows
from desktop.services.ledger.parsing import (
    SPELLINGS,
    LedgerPreview,
    ParsedRow,
    PreviewRow,
    RowError,
    accepted,
    parse_ledger,
    spelled,
    spelling_key,
    staff_key,
)
from desktop.services.ledger.reading import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_ROWS,
    cell_text,
    read_file,
    read_table,
)
from desktop.services.ledger.service import LedgerService
from desktop.services.ledger.template import (
    BY_HEADER,
    COLUMNS,
    HEADER,
    REQUIRED,
    RETENTION_COLUMNS,
    ledger_xlsx,
)
from desktop.services.ledger.writing import ImportResult, write_rejected_report

__all__ = [
    "BY_HEADER", "COLUMNS", "FORMATS", "HEADER", "MAX_CELL", "MAX_COLUMNS", "MAX_ROWS",
    "REQUIRED", "RETENTION_COLUMNS", "SPELLINGS", "ImportResult", "LedgerPreview",
    "LedgerService", "ParsedRow", "PreviewRow", "RowError", "accepted", "cell_text",
    "ledger_file", "ledger_rows", "ledger_xlsx", "parse_ledger", "read_file", "read_table",
    "spelled", "spelling_key", "staff_key", "write_rejected_report",
]
