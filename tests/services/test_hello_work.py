"""Hello Work's side of the case: 求職番号, navigator, activities, placement proposals, the
agenda's silent referrals, and the 支援状況連絡票 round trip through a real xlsx."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from openpyxl import load_workbook

from desktop.services.consent import ConsentInput
from desktop.services.errors import (
    ConsentMissing,
    DomainError,
    InvalidInput,
    PermissionDenied,
    TransitionNotAllowed,
)
from desktop.services.exchange_sheet import COLUMNS
from desktop.services.hello_work import ActivityInput
from tests.conftest import Clock, World
from tests.services.helpers import ALL_SCOPE, activity, ledger_case, placement, to_state

ACCEPTED = date(2026, 4, 15)  # to_state(..., "active") accepts on this day


@pytest.fixture
def active(world: World) -> uuid.UUID:
    """cw_a's case, referred to ハローワーク新宿 on 2026-04-08 and accepted on 04-15."""
    return to_state(world, world.person(), "active")


def record(w: World, ep: uuid.UUID, kind: str, on: date, company: str = "",
           result: str | None = None, **extra: object) -> uuid.UUID:
    return w.services.hello_work.record_activity(w.cw_a, ep, ActivityInput(
        kind, on, company=company, result=result, **extra))  # type: ignore[arg-type]


# ------------------------------------------------------------------ one case


def test_activities_number_and_navigator_on_the_episode(world: World, active: uuid.UUID) -> None:
    hw = world.services.hello_work
    hw.set_details(world.cw_a, active, " 13010-12345678 ", "田島 聡子")
    record(world, active, "consultation", date(2026, 4, 20))
    record(world, active, "seminar", date(2026, 4, 22), title="面接対策セミナー",
           end_on=date(2026, 4, 23))
    record(world, active, "job_referral", date(2026, 5, 1), "株式会社ひかり物流",
           job_title="倉庫内軽作業")
    record(world, active, "application", date(2026, 5, 2), "株式会社ひかり物流")
    record(world, active, "interview", date(2026, 5, 10), "株式会社ひかり物流")
    record(world, active, "outcome", date(2026, 5, 12), "株式会社ひかり物流", "rejected")
    case = hw.case(world.cw_a, active)
    assert (case.job_seeker_number, case.navigator) == ("13010-12345678", "田島 聡子")
    assert (case.office_name, case.referral_status) == ("ハローワーク新宿", "accepted")
    assert [(a.kind, a.on) for a in case.activities] == [
        ("consultation", date(2026, 4, 20)), ("seminar", date(2026, 4, 22)),
        ("job_referral", date(2026, 5, 1)), ("application", date(2026, 5, 2)),
        ("interview", date(2026, 5, 10)), ("outcome", date(2026, 5, 12))]
    assert case.activities[1].end_on == date(2026, 4, 23)
    assert case.activities[2].job_title == "倉庫内軽作業"
    assert case.proposals == []  # 不採用 proposes nothing
    assert all(a.source == "manual" for a in case.activities)


@pytest.mark.parametrize(("data", "field"), [
    (ActivityInput("lunch", date(2026, 5, 1)), "kind"),
    (ActivityInput("job_referral", date(2026, 5, 1)), "company"),
    (ActivityInput("outcome", date(2026, 5, 1), company="A社"), "result"),
    (ActivityInput("interview", date(2026, 5, 1), company="A社", result="hired"), "result"),
    (ActivityInput("seminar", date(2026, 5, 1)), "title"),
    (ActivityInput("seminar", date(2026, 5, 3), title="訓練", end_on=date(2026, 5, 1)), "end_on"),
    (ActivityInput("interview", date(2026, 5, 1), end_on=date(2026, 5, 2)), "end_on"),
    (ActivityInput("consultation", date(2026, 6, 16)), "on"),  # tomorrow
    (ActivityInput("consultation", date(2026, 3, 1)), "on"),  # before the intake
])
def test_a_bad_activity_is_refused_by_field(world: World, active: uuid.UUID,
                                            data: ActivityInput, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        world.services.hello_work.record_activity(world.cw_a, active, data)
    assert refused.value.field == field
    assert world.services.hello_work.case(world.cw_a, active).activities == ()


def test_activities_need_an_open_referral_a_live_episode_and_the_right_to_edit(
        world: World, active: uuid.UUID) -> None:
    hw = world.services.hello_work
    consented = to_state(world, world.person(), "consented")
    with pytest.raises(DomainError, match="支援要請"):
        hw.record_activity(world.cw_a, consented, ActivityInput("consultation", ACCEPTED))
    with pytest.raises(PermissionDenied):
        hw.record_activity(world.cw_b, active, ActivityInput("consultation", ACCEPTED))
    with pytest.raises(PermissionDenied):
        hw.record_activity(world.viewer, active, ActivityInput("consultation", ACCEPTED))
    with pytest.raises(PermissionDenied):
        hw.set_details(world.cw_b, active, "1", "")
    world.services.workflow.close_episode(world.cw_a, active, date(2026, 6, 1), "辞退")
    with pytest.raises(TransitionNotAllowed):
        hw.record_activity(world.cw_a, active, ActivityInput("consultation", ACCEPTED))


def test_a_reported_hire_is_proposed_then_confirmed_as_the_placement(
        world: World, active: uuid.UUID) -> None:
    hw, wf = world.services.hello_work, world.services.workflow
    hire = record(world, active, "outcome", date(2026, 5, 20), "社会福祉法人みどり会", "hired",
                  job_title="介護職員")
    [proposal] = hw.case(world.cw_a, active).proposals
    assert (proposal.id, proposal.company) == (hire, "社会福祉法人みどり会")
    assert [i.item_id for i in world.services.caseload.agenda(world.cw_a)
            .of_kind("hire_reported")] == [hire]
    with pytest.raises(DomainError, match="就職として記録済み"):
        placement_id = wf.record_placement(world.cw_a, active, replace(
            placement(date(2026, 6, 1)), hired_activity_id=hire))
        hw.remove_activity(world.cw_a, hire)
    case = hw.case(world.cw_a, active)
    assert case.proposals == [] and case.activities[0].placement_id == placement_id
    assert world.services.caseload.agenda(world.cw_a).of_kind("hire_reported") == []


def test_a_hire_can_be_set_aside_and_a_mistake_removed(world: World, active: uuid.UUID) -> None:
    hw = world.services.hello_work
    hire = record(world, active, "outcome", date(2026, 5, 20), "A社", "hired")
    mistake = record(world, active, "interview", date(2026, 5, 21), "B社")
    hw.dismiss_proposal(world.cw_a, hire)
    with pytest.raises(DomainError):
        hw.dismiss_proposal(world.cw_a, hire)
    hw.remove_activity(world.cw_a, mistake)
    case = hw.case(world.cw_a, active)
    assert [a.id for a in case.activities] == [hire] and case.proposals == []
    other = to_state(world, world.person(), "active")
    with pytest.raises(InvalidInput):  # another episode's hire confirms nothing here
        world.services.workflow.record_placement(world.cw_a, other, replace(
            placement(date(2026, 6, 1)), hired_activity_id=hire))


def test_protection_outcomes_are_recorded_on_the_latest_placement(
        world: World, active: uuid.UUID) -> None:
    from desktop.models import ProtectionOutcome

    wf = world.services.workflow
    first = wf.record_placement(world.cw_a, active, placement(date(2026, 5, 1)))
    outcome = wf.record_protection_outcome(world.cw_a, active, "reduced", date(2026, 6, 1))
    with world.services.ctx.db.read() as s:
        row = s.get(ProtectionOutcome, outcome)
        assert row is not None and row.placement_id == first


# ------------------------------------------------------------------ 今日の予定


def test_the_agenda_shows_referrals_hello_work_has_been_silent_on(
        world: World, clock: Clock) -> None:
    silent = to_state(world, world.person(), "active")  # accepted 2026-04-15
    busy = to_state(world, world.person(family_kana="サトウ"), "active")
    record(world, busy, "job_referral", date(2026, 6, 10), "A社")
    agenda = world.services.caseload.agenda(world.cw_a)
    [item] = agenda.of_kind("hello_work_silent")
    assert (item.episode_id, item.due_on, item.overdue) == (silent, date(2026, 4, 29), True)
    assert "61日" in item.detail
    record(world, silent, "consultation", date(2026, 6, 14))
    assert world.services.caseload.agenda(world.cw_a).of_kind("hello_work_silent") == []
    clock.advance(days=14)  # 2026-06-29: the last activities (06-10, 06-14) are 14+ days old
    assert [i.episode_id for i in world.services.caseload.agenda(world.cw_a)
            .of_kind("hello_work_silent")] == [busy, silent]
    world.services.settings.set(world.admin, "hello_work_silence_days", 30)
    assert world.services.caseload.agenda(world.cw_a).of_kind("hello_work_silent") == []
    assert world.services.caseload.agenda(world.cw_b).of_kind("hello_work_silent") == []


def test_hello_works_silence_is_watched_only_while_the_case_is_in_support(
        world: World, clock: Clock) -> None:
    """Placed: nothing to hear from Hello Work; back to 支援中 after 離職: the clock starts
    again that day. Removing the latest activity puts the one before back."""
    wf, hw = world.services.workflow, world.services.hello_work
    ep = to_state(world, world.person(), "active")  # accepted 2026-04-15

    def silent() -> list[date]:
        return [i.due_on for i in world.services.caseload.agenda(world.cw_a)
                .of_kind("hello_work_silent")]

    assert silent() == [date(2026, 4, 29)]
    job = wf.record_placement(world.cw_a, ep, placement(date(2026, 5, 1)))
    assert silent() == []
    wf.end_placement(world.cw_a, job, date(2026, 5, 20), "体調不良")
    assert silent() == [date(2026, 6, 3)]  # 14 days after the return to 支援中
    first = record(world, ep, "consultation", date(2026, 5, 25))
    latest = record(world, ep, "job_referral", date(2026, 6, 10), "A社")
    assert silent() == []
    hw.remove_activity(world.cw_a, latest)
    assert silent() == [date(2026, 6, 8)]  # the consultation of 05-25, 14 days on
    hw.remove_activity(world.cw_a, first)
    assert silent() == [date(2026, 6, 3)]


# ------------------------------------------------------------------ the exchange sheet


def _fill(sheet: bytes, rows: list[dict[str, object]]) -> bytes:
    """The navigator's side: write activities into the rows of the sheet by column title;
    a row with a 支援要請番号 not on the sheet is added at the end."""
    wb = load_workbook(io.BytesIO(sheet))
    ws = wb["連絡票"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "支援要請番号")
    column = {ws.cell(header, c).value: c for c in range(1, len(COLUMNS) + 1)}
    used: set[int] = set()
    for values in rows:
        number = values["支援要請番号"]
        target = next((r for r in range(header + 1, ws.max_row + 1)
                       if ws.cell(r, 1).value == number and r not in used
                       and not ws.cell(r, column["種別"]).value), None)
        if target is None:
            target = ws.max_row + 1
        used.add(target)
        for title, value in values.items():
            ws.cell(target, column[title]).value = value  # type: ignore[arg-type]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class TwoOffices(NamedTuple):
    shinjuku: uuid.UUID  # cw_a's case referred to 新宿 (S-1, 青木)
    other: uuid.UUID  # cw_a's case referred to 池袋 (I-1, 上田)
    ikebukuro_id: uuid.UUID
    number: str  # the 新宿 referral's number
    foreign: str  # the 池袋 referral's number


@pytest.fixture
def two_offices(world: World) -> TwoOffices:
    """Two open referrals to 新宿 (one without a consent in force any more) and one to 池袋."""
    wf = world.services.workflow
    shinjuku = to_state(world, world.person(case_number="S-1", family_name="青木"), "active")
    gone = to_state(world, world.person(case_number="S-2", family_name="井上"), "referred")
    consent = next(c for c in world.services.consent.consents(world.cw_a, gone)
                   if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, consent.id, date(2026, 5, 1))
    ikebukuro = world.services.offices.add_office(world.admin, "ハローワーク池袋")
    other = world.services.workflow.open_episode(
        world.cw_a, world.person(case_number="I-1", family_name="上田"), date(2026, 4, 1)).id
    wf.start_screening(world.cw_a, other, date(2026, 4, 2))
    wf.record_screening_decision(world.cw_a, other, "approved", date(2026, 4, 2))
    for kind, recipients in (("participation", []), ("information_sharing",
                                                     [ikebukuro.name])):
        world.services.consent.record_consent(world.cw_a, other, ConsentInput(
            kind, date(2026, 4, 2), recipients=recipients,
            scope=[s for s in ALL_SCOPE if s != "job_search_status"] if recipients else []))
    wf.confirm_consent(world.cw_a, other, date(2026, 4, 2))
    wf.refer_to_hello_work(world.cw_a, other, ikebukuro.id, date(2026, 4, 3))
    for episode in (shinjuku, other):  # the 支援要請書 sent: the referral has its number
        world.services.printing.issue(world.cw_a, "referral", episode)
    [mine], [theirs] = (world.services.records.referrals(world.cw_a, ep)
                        for ep in (shinjuku, other))
    return TwoOffices(shinjuku, other, ikebukuro.id, mine.number, theirs.number)


def test_the_exchange_sheet_round_trip(world: World, tmp_path: Path,
                                       two_offices: TwoOffices) -> None:
    shinjuku, other, number, foreign = (two_offices.shinjuku, two_offices.other,
                                        two_offices.number, two_offices.foreign)
    hw = world.services.hello_work
    hw.set_details(world.cw_a, shinjuku, "13010-1", "")
    record(world, shinjuku, "consultation", date(2026, 4, 20))

    sheet = hw.exchange_sheet(world.cw_a, world.office_id)
    assert (sheet.listed, sheet.left_out) == (1, 1)  # 井上: the consent was withdrawn
    assert sheet.filename == "支援状況連絡票_ハローワーク新宿_20260615.xlsx"
    ws = load_workbook(io.BytesIO(sheet.data))["連絡票"]
    texts = [[c.value for c in row] for row in ws.iter_rows()]
    assert texts[0][0] == "支援状況連絡票（ハローワーク新宿）"
    assert texts[1][:2] == ["ハローワーク", "ハローワーク新宿"]
    first = next(r for r in texts if r[0] == number)
    assert first[1:7] == ["S-1", "青木 太郎", "令和8年4月8日", "13010-1", None,
                          "R8.4.20 職業相談"]
    assert sum(1 for r in texts if r[0] == number) == 3
    assert not any("井上" in str(r) for r in texts)

    filled = _fill(sheet.data, [
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "職業紹介", "日付": "R8.6.1",
         "事業所名": "株式会社東和フーズ", "職種": "調理補助", "担当ナビゲーター": "田島 聡子"},
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "面接", "日付": date(2026, 6, 8),
         "事業所名": "株式会社東和フーズ"},
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "採否", "日付": "2026-06-12",
         "事業所名": "株式会社東和フーズ", "職種": "調理補助", "採否": "採用"},
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "職業相談", "日付": "R8.4.20"},
        {"支援要請番号": foreign, "ケース番号": "I-1", "種別": "職業相談", "日付": "R8.6.2"},
        {"支援要請番号": "2026-9999", "ケース番号": "X-1", "種別": "職業相談", "日付": "R8.6.2"},
        {"支援要請番号": number, "ケース番号": "S-9", "種別": "職業相談", "日付": "R8.6.2"},
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "昼食", "日付": "R8.6.2"},
    ])
    path = tmp_path / "filled.xlsx"
    path.write_bytes(filled)

    preview = hw.preview_exchange(world.cw_a, path)  # the office named on the sheet
    assert preview.office_name == "ハローワーク新宿"
    statuses = [(r.status, r.proposal) for r in preview.rows]
    assert statuses == [("add", False), ("add", False), ("add", True), ("duplicate", False),
                        ("rejected", False), ("rejected", False), ("rejected", False),
                        ("rejected", False)]
    reasons = [r.reasons[0] for r in preview.rows if r.status == "rejected"]
    assert reasons[0] == f"ハローワーク新宿への支援要請に「{foreign}」はありません"
    assert reasons[1] == "ハローワーク新宿への支援要請に「2026-9999」はありません"
    assert reasons[2] == f"ケース番号「S-9」は支援要請「{number}」の対象者と一致しません"
    assert reasons[3].startswith("種別「昼食」は")
    assert hw.case(world.cw_a, shinjuku).activities[-1].kind == "consultation"  # nothing yet

    result = hw.import_exchange(world.cw_a, path)
    assert result.summary() == {"added": 3, "proposals": 1, "updated": 1, "duplicates": 1,
                                "rejected": 4}
    case = hw.case(world.cw_a, shinjuku)
    assert [(a.kind, a.on, a.source) for a in case.activities] == [
        ("consultation", date(2026, 4, 20), "manual"),
        ("job_referral", date(2026, 6, 1), "exchange"),
        ("interview", date(2026, 6, 8), "exchange"),
        ("outcome", date(2026, 6, 12), "exchange")]
    assert (case.job_seeker_number, case.navigator) == ("13010-1", "田島 聡子")
    [proposal] = case.proposals
    assert (proposal.company, proposal.job_title) == ("株式会社東和フーズ", "調理補助")
    assert hw.case(world.cw_a, other).activities == ()  # the foreign row changed nothing
    # The same sheet again adds nothing.
    again = hw.import_exchange(world.cw_a, path)
    assert (again.added, again.duplicates, again.updated) == (0, 4, 0)


def test_the_sheet_of_another_office_or_a_bad_file_is_refused_whole(
        world: World, tmp_path: Path, two_offices: TwoOffices) -> None:
    other, ikebukuro_id, foreign = (two_offices.other, two_offices.ikebukuro_id,
                                    two_offices.foreign)
    hw = world.services.hello_work
    sheet = hw.exchange_sheet(world.cw_a, ikebukuro_id)
    ws = load_workbook(io.BytesIO(sheet.data))["連絡票"]
    # 池袋's consent leaves out 求職活動の状況: the number and the activities are not shared.
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == foreign)
    assert row[4] == "（同意範囲外）" and row[6] == "（同意範囲外）"
    path = tmp_path / "ikebukuro.xlsx"
    path.write_bytes(_fill(sheet.data, [{"支援要請番号": foreign, "ケース番号": "I-1",
                                         "種別": "職業相談", "日付": "R8.6.2"}]))
    with pytest.raises(InvalidInput, match="ハローワーク池袋」あてです"):
        hw.preview_exchange(world.cw_a, path, world.office_id)
    assert hw.import_exchange(world.cw_a, path, ikebukuro_id).added == 1
    assert hw.case(world.cw_a, other).job_seeker_number == ""  # 「（同意範囲外）」 is no number
    bad = tmp_path / "not.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InvalidInput, match="Excel"):
        hw.preview_exchange(world.cw_a, bad)
    csv = tmp_path / "sheet.csv"
    csv.write_text("支援要請番号\n")
    with pytest.raises(InvalidInput, match=r"\.xlsx"):
        hw.import_exchange(world.cw_a, csv)


def test_who_may_exchange(world: World, tmp_path: Path, two_offices: TwoOffices) -> None:
    number = two_offices.number
    hw = world.services.hello_work
    with pytest.raises(PermissionDenied):
        hw.exchange_sheet(world.viewer, world.office_id)
    # Another caseworker's sheet lists none of cw_a's cases; their import rejects them.
    assert hw.exchange_sheet(world.cw_b, world.office_id).listed == 0
    path = tmp_path / "s.xlsx"
    path.write_bytes(_fill(hw.exchange_sheet(world.cw_a, world.office_id).data, [
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "職業相談", "日付": "R8.6.2"}]))
    [row] = hw.preview_exchange(world.cw_b, path).rows
    # Answered as a number no one holds: neither the recipient's name nor whether the
    # case number fits it (the second attack round of 12-02 read names this way).
    assert row.status == "rejected" and "はありません" in row.reasons[0]
    # On cw_b's own sheet, another's number gives back only what was typed: no name.
    own = tmp_path / "own.xlsx"
    own.write_bytes(_fill(hw.exchange_sheet(world.cw_b, world.office_id).data, [
        {"支援要請番号": number, "ケース番号": "S-1", "種別": "職業相談", "日付": "R8.6.2"}]))
    [mine] = hw.preview_exchange(world.cw_b, own).rows
    assert mine.name == "" and mine.reasons == row.reasons
    guessed = tmp_path / "guess.xlsx"
    guessed.write_bytes(_fill(hw.exchange_sheet(world.cw_b, world.office_id).data, [
        {"支援要請番号": number, "ケース番号": "S-9", "種別": "職業相談", "日付": "R8.6.2"}]))
    assert hw.preview_exchange(world.cw_b, guessed).rows[0].reasons == row.reasons
    assert hw.preview_exchange(world.supervisor, path).rows[0].status == "add"
    world.services.auth.disable_user(world.admin, "cwb")
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        hw.preview_exchange(world.cw_b, path)


def test_exports_and_imports_are_audited_without_personal_data(
        world: World, tmp_path: Path, two_offices: TwoOffices) -> None:
    from sqlalchemy import select

    from desktop.models import AuditEntry

    hw = world.services.hello_work
    sheet = hw.exchange_sheet(world.cw_a, world.office_id)
    path = tmp_path / "s.xlsx"
    path.write_bytes(sheet.data)
    hw.import_exchange(world.cw_a, path)
    with world.services.ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ("exchange_export", "exchange_import"))).order_by(AuditEntry.seq)).all()
    assert [(r.action, r.entity_id) for r in rows] == [
        ("exchange_export", str(world.office_id)), ("exchange_import", str(world.office_id))]
    assert "青木" not in rows[0].detail and '"rows":1' in rows[0].detail


def test_a_referral_never_issued_from_tsunagi_is_on_the_sheet_and_known_by_its_case_number(
        world: World, tmp_path: Path) -> None:
    """A referral whose 支援要請書 was not issued here (taken over from the office's Excel
    ledger, say) has no number; Hello Work still supports the person. Its row is listed with
    the 支援要請番号 blank, and the navigator's row comes back by the case number."""
    episode = to_state(world, world.person(case_number="U-1", family_name="宇野"), "active")
    [referral] = world.services.records.referrals(world.cw_a, episode)
    assert referral.number is None
    hw = world.services.hello_work
    sheet = hw.exchange_sheet(world.cw_a, world.office_id)
    ws = load_workbook(io.BytesIO(sheet.data))["連絡票"]
    listed = next([c.value for c in row] for row in ws.iter_rows() if row[1].value == "U-1")
    assert listed[0] in (None, "") and listed[2] == "宇野 太郎"
    filled = _fill(sheet.data, [
        {"支援要請番号": listed[0], "ケース番号": "U-1", "種別": "職業相談", "日付": "R8.6.2"},
        {"支援要請番号": None, "ケース番号": "NO-SUCH", "種別": "職業相談", "日付": "R8.6.2"}])
    path = tmp_path / "filled.xlsx"
    path.write_bytes(filled)
    preview = hw.preview_exchange(world.cw_a, path)
    assert [(r.case_number, r.status) for r in preview.rows] == [
        ("U-1", "add"), ("NO-SUCH", "rejected")]
    assert preview.rows[1].reasons == ("支援要請番号がありません",)
    assert hw.import_exchange(world.cw_a, path).summary()["added"] == 1
    assert [(a.kind, a.on) for a in hw.case(world.cw_a, episode).activities] == [
        ("consultation", date(2026, 6, 2))]


def _sheet_text(data: bytes) -> str:
    ws = load_workbook(io.BytesIO(data))["連絡票"]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


@pytest.mark.parametrize("how", ["withdraw_participation_keep_open", "consent_tab_withdraw"])
def test_the_sheet_leaves_out_a_case_whose_participation_was_withdrawn(
        world: World, how: str) -> None:
    """Found in the attack round of 12-02: the sheet checked the sharing consents by hand,
    not by the one consent rule, and still named a person whose 参加同意 was withdrawn (the
    episode kept open a few days), with their 求職番号 and activities, while every print of
    the case was refused."""
    ep = to_state(world, world.person(family_name="撤回", given_name="花子"), "active")
    hello_work = world.services.hello_work
    hello_work.set_details(world.cw_a, ep, "13010-99999", "")
    activity(world, world.cw_a, ep, "consultation", date(2026, 5, 20))
    participation = next(c for c in world.services.consent.consents(world.cw_a, ep)
                         if c.kind == "participation")
    if how == "consent_tab_withdraw":
        world.services.consent.withdraw_consent(world.cw_a, participation.id, date(2026, 6, 10))
    else:
        world.services.workflow.withdraw_participation(
            world.cw_a, participation.id, date(2026, 6, 10), "本人の申出", close_episode=False)
    with pytest.raises(ConsentMissing):
        world.services.printing.print_document(world.cw_a, "plan", ep)
    sheet = hello_work.exchange_sheet(world.cw_a, world.office_id)
    text = _sheet_text(sheet.data)
    assert "撤回 花子" not in text and "13010-99999" not in text
    assert (sheet.listed, sheet.left_out) == (0, 1)


def test_the_sheet_leaves_out_a_ledger_consent_whose_scope_is_unconfirmed(
        world: World, tmp_path: Path) -> None:
    """(idem) A consent imported from a ledger shares nothing until a person confirms its
    scope: the sheet listed the person anyway."""
    episode_id = ledger_case(world, tmp_path)
    with pytest.raises(ConsentMissing, match="範囲が確認されていません"):
        world.services.printing.print_document(world.supervisor, "referral", episode_id)
    sheet = world.services.hello_work.exchange_sheet(world.supervisor, world.office_id)
    text = _sheet_text(sheet.data)
    assert "代田 花子" not in text and "L-1" not in text
    # A row for the case coming back is refused with the reason (the review of 12-02: it
    # said 「有効な同意がありません」 of a consent valid and in force, only unconfirmed).
    back = tmp_path / "back.xlsx"
    back.write_bytes(_fill(sheet.data, [{"支援要請番号": "", "ケース番号": "L-1",
                                         "種別": "職業相談", "日付": "R8.6.2"}]))
    [row] = world.services.hello_work.preview_exchange(world.supervisor, back).rows
    assert row.status == "rejected" and "範囲が確認されていません" in row.reasons[0], row
