"""The Excel/CSV ledger: import (validation, encodings, idempotence), export and round trip."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.config import Config
from desktop.models import AuditEntry, Episode, Person, Placement, Referral, Transition
from desktop.models.storage import open_database
from desktop.resources import resource_path
from desktop.services import Services, build_services, report_routes
from desktop.services.demo import STAFF, DemoService
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.ledger import COLUMNS
from desktop.services.reports import Period
from tests.conftest import PASSWORD, Clock, World, accept_initial_passwords

HEADER = [label for _, label in COLUMNS]


def ledger_row(**cells: str) -> list[str]:
    values = {"ケース番号": "A-001", "氏名": "山田 太郎", "フリガナ": "ヤマダ タロウ",
              "生年月日": "S55.4.1", "対象者区分": "生活保護受給者", "受付日": "R7.4.1"}
    values.update(cells)
    return [values.get(h, "") for h in HEADER]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def counts(services: Services) -> dict[str, int]:
    with services.ctx.db.read() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (Person, Episode, Transition, Referral, Placement)}


def test_template_has_the_documented_columns() -> None:
    wb = load_workbook(resource_path("templates", "ledger_template.xlsx"))
    assert [c.value for c in wb["台帳"][1]] == HEADER
    notes = [row[0].value for row in wb["記入方法"].iter_rows(min_row=2)]
    assert notes == HEADER
    documented = Path(__file__).resolve().parents[2].joinpath("docs", "LEDGER.md").read_text()
    for label in HEADER:
        assert f"| {label} |" in documented, label


def test_cp932_csv_with_wareki_dates_imports_the_whole_history(world: World,
                                                                tmp_path: Path) -> None:
    path = write_csv(tmp_path / "台帳.csv", [
        ledger_row(**{"ケース番号": "A-001", "性別": "男", "〒": "160-0023",
                      "住所": "東京都新宿区西新宿1-1", "電話": "03-1234-5678 / 090-1234-5678",
                      "担当者": "青山 里美", "同意日": "令和7年4月3日", "支援要請日": "R7.4.10",
                      "支援開始日": "2025/4/20", "就職日": "R7.5.1", "事業所名": "株式会社ひかり物流",
                      "職種": "倉庫内軽作業", "雇用形態": "パート", "雇用期間区分": "定めなし",
                      "1か月定着": "継続就労 R7.6.3", "3か月定着": "○", "備考": "台帳から"}),
        ledger_row(**{"ケース番号": "B-002", "氏名": "佐藤　花子", "フリガナ": "さとう はなこ",
                      "生年月日": "1990-02-03", "対象者区分": "児童扶養手当受給者",
                      "受付日": "R7.5.1", "終了日": "R7.5.20", "終了理由": "辞退"}),
    ], encoding="cp932")
    result = world.services.ledger.import_file(world.admin, path)
    assert (result.imported, result.rejected, result.skipped) == (2, 0, 0)
    assert (result.persons, result.episodes, result.report) == (2, 2, None)

    found = world.services.search.search(world.admin, "ヤマダ")
    assert [p.case_number for p in found] == ["A-001"]
    person = world.services.persons.get_person(world.admin, found[0].person_id)
    assert (person.phone_home, person.phone_mobile, person.sex) == (
        "03-1234-5678", "090-1234-5678", "male")
    assert person.caseworker_name == "青山 里美"
    episode = world.services.workflow.episodes_of(world.admin, found[0].person_id)[0]
    assert episode.state == "retention"
    steps = [(t.to_state, t.on)
             for t in world.services.workflow.timeline(world.admin, episode.id)]
    assert steps == [("candidate", date(2025, 4, 1)), ("screening", date(2025, 4, 3)),
                     ("consented", date(2025, 4, 3)), ("referred", date(2025, 4, 10)),
                     ("active", date(2025, 4, 20)), ("placed", date(2025, 5, 1)),
                     ("retention", date(2025, 5, 1))]
    checks = {c.months: (c.result, c.done_on)
              for c in world.services.workflow.checkpoints(world.admin, episode.id)}
    assert checks == {1: ("employed", date(2025, 6, 3)), 3: ("employed", date(2025, 8, 1)),
                      6: (None, None)}
    hanako = world.services.search.search(world.admin, "サトウ")[0]
    closed = world.services.workflow.episodes_of(world.admin, hanako.person_id)[0]
    assert (closed.state, closed.closure_reason) == ("closed", "辞退")

    report = world.services.reports.indicators(world.admin, Period.fiscal(2025))
    assert (report["referrals"], report["support_targets"], report["placements"],
            report["placed_persons"]) == (1, 1, 1, 1)
    with world.services.ctx.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert entry.entity_id == "台帳.csv"
    assert json.loads(entry.detail)["imported"] == 2


def test_bad_rows_are_reported_and_the_good_ones_imported(world: World,
                                                          tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ledger.csv", [
        ledger_row(**{"ケース番号": "OK-1"}),
        ledger_row(**{"ケース番号": "BAD-1", "受付日": "R7.2.30"}),
        ledger_row(**{"ケース番号": "BAD-2", "対象者区分": "高齢者"}),
        ledger_row(**{"ケース番号": "BAD-3", "支援要請日": "R7.4.10"}),
        ledger_row(**{"ケース番号": "BAD-4", "氏名": "山田太郎"}),
        ledger_row(**{"ケース番号": "BAD-5", "就職日": "R7.5.1"}),
        ledger_row(**{"ケース番号": "BAD-6", "受付日": "R20.1.1"}),
        ledger_row(**{"ケース番号": "BAD-7", "終了日": "R7.5.1"}),
        ledger_row(**{"ケース番号": "BAD-8", "電話": "12345"}),
        ledger_row(**{"ケース番号": "BAD-9", "備考": "改行\x00NUL"}),
        ledger_row(**{"ケース番号": "OK-1"}),  # the same row again
    ])
    before = counts(world.services)
    result = world.services.ledger.import_file(world.admin, path)
    assert (result.imported, result.rejected, result.skipped) == (1, 10, 0)
    reasons = {(e.row, e.column): e.reason for e in result.errors}
    assert reasons[(3, "受付日")] == "「R7.2.30」は存在しない日付です"
    assert reasons[(4, "対象者区分")].startswith("対象者区分「高齢者」は一覧にありません（生活保護受給者")
    assert reasons[(5, "支援要請日")] == "支援要請日があるのに同意日がありません"
    assert "姓と名の間に空白" in reasons[(6, "氏名")]
    assert reasons[(7, "就職日")] == "就職日があるのに支援開始日がありません"
    assert reasons[(8, "受付日")].startswith("未来の日付です")
    assert reasons[(9, "終了理由")] == "終了日と終了理由は両方入力してください"
    assert (10, "電話") in reasons
    assert reasons[(11, "備考")].startswith("制御文字が含まれています")
    assert reasons[(12, "行")] == "2行目と同じ支援エピソード・就職日の重複行です"
    after = counts(world.services)
    assert after["persons"] == before["persons"] + 1
    assert result.report == tmp_path / "ledger.rejected.csv"
    lines = list(csv.reader(io.StringIO(result.report.read_text(encoding="utf-8-sig"))))
    assert lines[0] == ["行", "列", "理由"]
    assert ["3", "受付日", "「R7.2.30」は存在しない日付です"] in lines


def test_importing_the_same_file_twice_changes_nothing(world: World, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ledger.csv", [
        ledger_row(**{"ケース番号": f"C-{i}", "同意日": "R7.4.2", "支援要請日": "R7.4.3"})
        for i in range(5)])
    first = world.services.ledger.import_file(world.admin, path)
    assert (first.imported, first.skipped) == (5, 0)
    after_first = counts(world.services)
    second = world.services.ledger.import_file(world.admin, path)
    assert (second.imported, second.rejected, second.skipped) == (0, 0, 5)
    assert counts(world.services) == after_first
    preview = world.services.ledger.preview(world.admin, path)
    assert [r.status for r in preview.rows] == ["exists"] * 5


def test_a_case_number_used_by_someone_else_is_refused(world: World, tmp_path: Path) -> None:
    world.person(case_number="X-1", family_name="鈴木", given_name="一郎")
    path = write_csv(tmp_path / "ledger.csv", [ledger_row(**{"ケース番号": "X-1"})])
    result = world.services.ledger.import_file(world.admin, path)
    assert result.imported == 0
    assert "氏名または生年月日が異なる対象者" in result.errors[0].reason


def test_unreadable_files_are_refused_with_a_message(world: World, tmp_path: Path) -> None:
    before = counts(world.services)
    junk = tmp_path / "ledger.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput, match="Excelファイルとして読み取れません"):
        world.services.ledger.import_file(world.admin, junk)
    sjis_broken = tmp_path / "ledger.csv"
    sjis_broken.write_bytes(b"\x82\xa0\xff\xfe\x81")
    with pytest.raises(InvalidInput, match="文字コードを判別できません"):
        world.services.ledger.import_file(world.admin, sjis_broken)
    no_header = tmp_path / "other.csv"
    no_header.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="見出し行"):
        world.services.ledger.import_file(world.admin, no_header)
    pdf = tmp_path / "ledger.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(InvalidInput, match=r"xlsx または \.csv"):
        world.services.ledger.import_file(world.admin, pdf)
    with pytest.raises(InvalidInput, match="ファイルが見つかりません"):
        world.services.ledger.import_file(world.admin, tmp_path / "missing.xlsx")
    assert counts(world.services) == before


def test_only_admin_and_supervisor_import_and_export_follows_the_caseload(
        world: World, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ledger.csv", [ledger_row()])
    with pytest.raises(PermissionDenied):
        world.services.ledger.import_file(world.cw_a, path)
    world.person(by=world.cw_a, case_number="MINE")
    world.person(by=world.cw_b, case_number="THEIRS")
    for who in (world.cw_a, world.cw_b):
        pid = world.services.search.search(world.admin, "MINE" if who is world.cw_a
                                           else "THEIRS")[0].person_id
        world.services.workflow.open_episode(who, pid, date(2026, 4, 1))
    mine = world.services.ledger.export_rows(world.cw_a)
    assert [r[0] for r in mine] == ["MINE"]
    assert sorted(r[0] for r in world.services.ledger.export_rows(world.supervisor)) == [
        "MINE", "THEIRS"]


def test_formula_cells_are_neutralised_in_exports_and_restored_on_import(
        world: World, tmp_path: Path) -> None:
    hostile = "=CMD|' /C calc'!A0"
    pid = world.person(case_number="F-1", address=hostile)
    world.services.workflow.open_episode(world.cw_a, pid, date(2026, 4, 1))
    xlsx, _ = world.services.ledger.export(world.admin, "xlsx")
    ws = load_workbook(io.BytesIO(xlsx))["台帳"]
    cell = ws.cell(2, HEADER.index("住所") + 1)
    assert cell.value == "'" + hostile and cell.data_type == "s"
    raw_csv, _ = world.services.ledger.export(world.admin, "csv")
    assert ("'" + hostile) in raw_csv.decode("utf-8-sig")


def _other_database(tmp_path: Path, template_dir: tuple[Path, str], clock: Clock,
                    staff: list[tuple[str, str, str]]) -> tuple[Services, object]:
    data = tmp_path / "other"
    shutil.copytree(template_dir[0], data)
    opened = open_database(Config(data, passphrase=template_dir[1]))
    services = build_services(opened.db, opened.device_id, engine=opened.db.engine, now=clock)
    services.auth.create_first_admin("admin", "管理 者", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    for username, display, role in staff:
        services.auth.add_user(admin, username, display, role, PASSWORD)
    accept_initial_passwords(services)
    services.offices.add_office(admin, "ハローワーク新宿")
    return services, opened


# What the ledger does not carry: the placement's route, protection outcomes, Hello Work's
# activities, the office of each referral (an import addresses every referral to one), and
# readiness, the other routes, employers, costs and meetings (report_routes.KEYS).
NOT_IN_LEDGER = {"referral_placements", "protection_ended_by_work", "protection_reduced",
                 "self_reliance_benefit", "job_referrals", "interviews", "hires",
                 "by_hello_work_office", *report_routes.KEYS}


def _carried(report: Any) -> Any:
    """The report without the figures the ledger has no columns for. by_organisation keeps
    its figures, not its keys: each database names its own organisation."""
    if isinstance(report, dict):
        return {k: (sorted(map(str, _carried(list(v.values())))) if k == "by_organisation"
                    else _carried(v))
                for k, v in report.items() if k not in NOT_IN_LEDGER}
    if isinstance(report, list):
        return [_carried(v) for v in report]
    return report


def _round_trip(world: World, tmp_path: Path, template_dir: tuple[Path, str], clock: Clock,
                staff: list[tuple[str, str, str]], years: range) -> None:
    source = world.services
    exported, rows = source.ledger.export(world.admin, "xlsx")
    path = tmp_path / "export.xlsx"
    path.write_bytes(exported)
    target, opened = _other_database(tmp_path, template_dir, clock, staff)
    try:
        admin = target.auth.login("admin", PASSWORD)
        result = target.ledger.import_file(admin, path, create_offices=True)
        assert (result.imported, result.rejected) == (rows, 0), result.errors[:3]
        for fy in years:
            a = source.reports.indicators(world.admin, Period.fiscal(fy))
            b = target.reports.indicators(admin, Period.fiscal(fy))
            assert _carried(a) == _carried(b), fy
        assert target.ledger.export_rows(admin) == source.ledger.export_rows(world.admin)
    finally:
        opened.db.close()  # type: ignore[attr-defined]


def test_round_trip_of_a_demo_caseload(world: World, tmp_path: Path,
                                       template_dir: tuple[Path, str], clock: Clock) -> None:
    DemoService(world.services.ctx).generate(world.admin, 300, seed=11, force=True)
    staff = [("sv", "査察 指導", "supervisor"), ("cwa", "青山 里美", "caseworker"),
             ("cwb", "石原 正人", "caseworker"), *STAFF]
    _round_trip(world, tmp_path, template_dir, clock, staff, range(2022, 2027))


def test_a_second_placement_is_a_further_row_of_the_same_episode(world: World,
                                                                  tmp_path: Path) -> None:
    common = {"同意日": "R7.4.2", "支援要請日": "R7.4.3", "支援開始日": "R7.4.10",
              "事業所名": "株式会社まるやま商店", "雇用期間区分": "4か月以上"}
    path = write_csv(tmp_path / "ledger.csv", [
        ledger_row(**{**common, "就職日": "R7.9.1", "1か月定着": "継続就労"}),
        ledger_row(**{**common, "就職日": "R7.5.1", "雇用期間区分": "1か月未満",
                      "1か月定着": "×"}),
    ])
    result = world.services.ledger.import_file(world.admin, path)
    assert (result.imported, result.episodes, result.persons) == (2, 1, 1)
    pid = world.services.search.search(world.admin, "A-001")[0].person_id
    episode = world.services.workflow.episodes_of(world.admin, pid)[0]
    steps = [(t.to_state, t.on) for t in world.services.workflow.timeline(world.admin,
                                                                          episode.id)]
    assert steps[-5:] == [("placed", date(2025, 5, 1)), ("retention", date(2025, 5, 1)),
                          ("active", date(2025, 8, 31)), ("placed", date(2025, 9, 1)),
                          ("retention", date(2025, 9, 1))]
    report = world.services.reports.indicators(world.admin, Period.fiscal(2025))
    assert (report["placements"], report["regular_placements"], report["placed_persons"]) == (
        2, 1, 1)
    assert report["retention"]["1m"] == {"due": 2, "confirmed_employed": 1, "rate": 0.5,
                                         "overdue_unrecorded": 0}
