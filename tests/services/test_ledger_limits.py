"""A spreadsheet that lies about its size (security issue, item 5): a 5 KB xlsx whose
``<dimension ref>`` claims A1:XFD1048576 is read in bounded memory, and the row cap is
applied while reading."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.services import ledger
from desktop.services.errors import InvalidInput
from desktop.services.ledger import COLUMNS, read_table

HEADER = [label for _, label in COLUMNS]


def claimed_everything(rows: list[list[str]]) -> bytes:
    """An ordinary small workbook whose sheet then claims every cell Excel has."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台帳"
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
            dst.writestr(item, data)
    return out.getvalue()


def test_a_lying_dimension_is_read_in_bounded_memory(tmp_path: Path) -> None:
    row = ["A-001", "山田 太郎", "ヤマダ タロウ", "S55.4.1", "", "", "", "", "生活保護受給者", "",
           "R7.4.1"]
    data = claimed_everything([HEADER, row + [""] * (len(HEADER) - len(row))])
    assert len(data) < 10_000
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    # In a child limited to 1 GiB of address space: the old reader padded every row to
    # 16,384 cells and every sheet to 1,048,576 rows, and died of MemoryError here.
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from desktop.services.ledger import read_table
        header, body, _ = read_table(open({str(path)!r}, "rb").read(), "bomb.xlsx")
        print(len(header), len(body), max(len(r) for _, r in body))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    width, rows, widest = (int(x) for x in done.stdout.split())
    assert rows == 1
    assert width <= ledger.MAX_COLUMNS and widest <= ledger.MAX_COLUMNS


def test_the_row_cap_stops_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger.reading, "MAX_ROWS", 5)
    read: list[int] = []

    def rows():  # type: ignore[no-untyped-def]
        yield HEADER
        for i in range(1_000_000):
            read.append(i)
            yield [f"A-{i}", "山田 太郎"]

    with pytest.raises(InvalidInput, match="5行まで"):
        ledger.reading._table(rows())
    assert len(read) == 6  # stopped at the first row over the cap, not after a million


def test_csv_rows_are_cut_to_the_column_cap() -> None:
    wide = ",".join(HEADER + ["x"] * 5000) + "\n" + ",".join(["A-1"] + ["y"] * 6000) + "\n"
    header, body, _ = read_table(wide.encode(), "wide.csv")
    assert len(header) == ledger.MAX_COLUMNS and len(body[0][1]) == ledger.MAX_COLUMNS
