"""会議 (支援調整会議, ケース会議, ハローワーク連絡会議): organisations and attendees, the cases
discussed with a decision each (written into each person's ケース記録), permissions, audit,
corrections, and the printed 会議録 — a case listed only under a consent in force that names
every attending organisation, tested by the PDF's text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput, PermissionDenied, StaleRecord
from desktop.services.meetings import Attendee, AttendingOrganisation, CaseDecision
from desktop.services.organisations import OrganisationInput
from tests.conftest import PASSWORD, World
from tests.services.helpers import ALL_SCOPE
from tests.services.route_helpers import audit_rows, meeting


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def _case(w: World, family: str, kana: str, by: Actor | None = None,
          recipients: list[str] | None = None, scope: list[str] | None = None) -> tuple:
    """A person at 支援中 whose information sharing consent names ``recipients``."""
    actor = by or w.cw_a
    person = w.person(by=actor, family_name=family, family_kana=kana)
    wf = w.services.workflow
    ep = wf.open_episode(actor, person, date(2026, 4, 1)).id
    wf.start_screening(actor, ep, date(2026, 4, 2))
    wf.record_screening_decision(actor, ep, "approved", date(2026, 4, 3))
    w.services.consent.record_consent(actor, ep, ConsentInput("participation", date(2026, 4, 4)))
    consent = w.services.consent.record_consent(actor, ep, ConsentInput(
        "information_sharing", date(2026, 4, 4), recipients=recipients or [w.office_name],
        scope=scope if scope is not None else ALL_SCOPE))
    return person, ep, consent.id


def _foreign_supervisor(w: World) -> Actor:
    west = w.services.organisations.add(w.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    user = w.services.auth.add_user(w.admin, "sv2", "西区 査察", "supervisor", PASSWORD, west.id)
    return Actor(user.id, user.username, user.display_name, "supervisor", user.organisation_id)


def test_a_meeting_s_decisions_stand_in_each_person_s_history(world: World) -> None:
    meetings = world.services.meetings
    a, ep_a, _ = _case(world, "青木", "アオキ")
    b, _, _ = _case(world, "井上", "イノウエ")
    record = meetings.record_meeting(world.cw_a, meeting(world, (
        CaseDecision(a, "職場体験（みどり農園）を2週間実施する", date(2026, 7, 10)),
        CaseDecision(b, "ハローワークへの支援要請を進める"))))
    assert (record.kind, record.title, record.organisation_name) == (
        "coordination", "6月定例", "福祉事務所")
    assert [(c.person_name, c.decision) for c in record.cases] == [
        ("青木 太郎", "職場体験（みどり農園）を2週間実施する"),
        ("井上 太郎", "ハローワークへの支援要請を進める")]
    [entry] = world.services.records.contacts(world.viewer, ep_a)
    assert (entry.contact_on, entry.kind, entry.decisions) == (
        date(2026, 6, 10), "case_conference", "職場体験（みどり農園）を2週間実施する")
    assert entry.content == "支援調整会議「6月定例」（第2会議室）で検討"
    assert entry.attendees_hello_work == "田島 聡子（ハローワーク新宿）"
    assert entry.attendees_welfare == "青山 里美（福祉事務所）"
    assert [m.cases for m in meetings.meetings(world.viewer)] == [2]
    assert len(audit_rows(world, "meeting", "create")) == 1
    assert len(audit_rows(world, "meeting_case", "create")) == 2
    assert world.services.maintenance.verify(world.admin).ok


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "party"}, "kind"),
    ({"held_on": date(2026, 6, 16)}, "held_on"),
    ({"organisations": ()}, "organisations"),
    ({"attendees": ()}, "attendees"),
    ({"attendees": (Attendee("田島 聡子", "ハローワーク池袋"),)}, "attendees"),
    ({"organisations": (AttendingOrganisation("A", "own"), AttendingOrganisation("Ａ", "own"))},
     "organisations"),
    ({"organisations": (AttendingOrganisation("A", "friend"),)}, "organisations"),
])
def test_a_bad_meeting_is_refused_and_nothing_is_written(
        world: World, change: dict[str, object], field: str) -> None:
    a, ep, _ = _case(world, "青木", "アオキ")
    data = replace(meeting(world, (CaseDecision(a, "継続"),)), **change)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as err:
        world.services.meetings.record_meeting(world.cw_a, data)
    assert err.value.field == field
    assert world.services.meetings.meetings(world.admin) == []
    assert world.services.records.contacts(world.cw_a, ep) == []


def test_each_case_needs_a_decision_once_and_an_open_episode(world: World) -> None:
    meetings = world.services.meetings
    a, ep, _ = _case(world, "青木", "アオキ")
    for cases, message in (((CaseDecision(a, " "),), "決定事項"),
                           ((CaseDecision(a, "x"), CaseDecision(a, "y")), "2回"),
                           ((CaseDecision(a, "x", date(2026, 6, 1)),), "見直し日")):
        with pytest.raises(InvalidInput, match=message):
            meetings.record_meeting(world.cw_a, meeting(world, cases))
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 6, 1), "辞退")
    with pytest.raises(InvalidInput, match="終了していない支援エピソード"):
        meetings.record_meeting(world.cw_a, meeting(world, (CaseDecision(a, "x"),)))
    assert meetings.meetings(world.admin) == []


def test_who_may_record_read_and_correct_a_meeting(world: World) -> None:
    meetings = world.services.meetings
    mine, _, _ = _case(world, "青木", "アオキ")
    theirs, _, _ = _case(world, "井上", "イノウエ", by=world.cw_b)
    with pytest.raises(PermissionDenied):  # not the viewer's to write
        meetings.record_meeting(world.viewer, meeting(world, ()))
    with pytest.raises(PermissionDenied):  # another caseworker's case
        meetings.record_meeting(world.cw_a, meeting(world, (CaseDecision(theirs, "x"),)))
    record = meetings.record_meeting(world.supervisor, meeting(world, (
        CaseDecision(mine, "継続"), CaseDecision(theirs, "職業訓練を検討"))))
    seen = meetings.meeting(world.cw_a, record.id)
    assert [c.person_name for c in seen.cases] == ["青木 太郎"] and seen.hidden_cases == 1
    assert len(meetings.meeting(world.viewer, record.id).cases) == 2
    # A caseworker's correction changes their own case and leaves the colleague's alone.
    updated = meetings.update_meeting(world.cw_a, record.id, seen.version, seen.as_input(
        [CaseDecision(mine, "職場体験を始める")]))
    assert [c.decision for c in updated.cases] == ["職場体験を始める"]
    full = meetings.meeting(world.supervisor, record.id)
    assert sorted(c.decision for c in full.cases) == ["職場体験を始める", "職業訓練を検討"]
    with pytest.raises(StaleRecord):
        meetings.update_meeting(world.cw_a, record.id, seen.version, seen.as_input())
    foreign = _foreign_supervisor(world)
    with pytest.raises(PermissionDenied, match="ほかの組織"):
        meetings.meeting(foreign, record.id)
    assert meetings.meetings(foreign) == []
    assert len(audit_rows(world, "meeting", "view")) == 3


def test_a_case_taken_out_of_a_meeting_leaves_the_person_s_history(world: World) -> None:
    meetings = world.services.meetings
    a, ep_a, _ = _case(world, "青木", "アオキ")
    b, ep_b, _ = _case(world, "井上", "イノウエ")
    record = meetings.record_meeting(world.cw_a, meeting(world, (
        CaseDecision(a, "継続"), CaseDecision(b, "継続"))))
    meetings.update_meeting(world.cw_a, record.id, record.version, replace(
        record.as_input([CaseDecision(a, "支援要請へ")]), title="6月定例（訂正）"))
    assert world.services.records.contacts(world.cw_a, ep_b) == []
    [entry] = world.services.records.contacts(world.cw_a, ep_a)
    assert entry.decisions == "支援要請へ" and "6月定例（訂正）" in entry.content
    assert [m.cases for m in meetings.meetings(world.cw_a)] == [1]
    again = meetings.meeting(world.cw_a, record.id)
    meetings.update_meeting(world.cw_a, record.id, again.version, again.as_input(
        [CaseDecision(a, "支援要請へ"), CaseDecision(b, "再検討")]))
    assert [c.decisions for c in world.services.records.contacts(world.cw_a, ep_b)] == ["再検討"]
    assert [r.action for r in audit_rows(world, "meeting_case")] == [
        "create", "create", "update", "delete", "update", "create"]
    assert world.services.maintenance.verify(world.admin).ok


def test_the_minutes_list_a_case_only_under_a_consent_naming_every_organisation(
        world: World) -> None:
    meetings = world.services.meetings
    named, _, _ = _case(world, "青木", "アオキ")
    narrow, _, _ = _case(world, "井上", "イノウエ", scope=["job_search_status"])
    elsewhere, _, _ = _case(world, "上田", "ウエダ", recipients=["ハローワーク池袋"])
    withdrawn, _, withdrawn_consent = _case(world, "江藤", "エトウ")
    record = meetings.record_meeting(world.cw_a, meeting(world, tuple(
        CaseDecision(p, f"決定{i}") for i, p in enumerate((named, narrow, elsewhere,
                                                            withdrawn)))))
    world.services.consent.withdraw_consent(world.cw_a, withdrawn_consent, date(2026, 6, 12))
    text = _text(meetings.print_minutes(world.cw_a, record.id).pdf)
    assert "会議録" in text and "支援調整会議" in text and "6月定例" in text
    assert "ハローワーク新宿" in text and "田島 聡子" in text and "就職支援ナビゲーター" in text
    assert "青木 太郎" in text and "決定0" in text  # consent names the office, full scope
    assert "決定1" in text and "井上" not in text and "（同意範囲外）" in text  # no identity
    assert "上田" not in text and "決定2" not in text  # consent names another office only
    assert "江藤" not in text and "決定3" not in text  # withdrawn before the print
    assert "このほか 2 件" in text
    [row] = audit_rows(world, "meeting", "print")
    assert '"listed":2' in row.detail and '"omitted":2' in row.detail


def test_minutes_of_an_in_house_meeting_list_every_case(world: World) -> None:
    """Only the case's own organisation attended: nothing leaves it, every case is listed."""
    meetings = world.services.meetings
    nobody, _, _ = _case(world, "青木", "アオキ", recipients=["ハローワーク池袋"])
    record = meetings.record_meeting(world.cw_a, replace(
        meeting(world, (CaseDecision(nobody, "所内で継続"),), kind="case_conference"),
        organisations=(AttendingOrganisation("福祉事務所", "own"),),
        attendees=(Attendee("青山 里美", "福祉事務所"), Attendee("査察 指導", "福祉事務所"))))
    text = _text(meetings.print_minutes(world.supervisor, record.id).pdf)
    assert "ケース会議" in text and "青木 太郎" in text and "所内で継続" in text
    assert "このほか" not in text


def test_minutes_leave_out_the_cases_the_printer_may_not_read(world: World) -> None:
    meetings = world.services.meetings
    mine, _, _ = _case(world, "青木", "アオキ")
    theirs, _, _ = _case(world, "井上", "イノウエ", by=world.cw_b)
    record = meetings.record_meeting(world.supervisor, meeting(world, (
        CaseDecision(mine, "継続"), CaseDecision(theirs, "職業訓練"))))
    text = _text(meetings.print_minutes(world.cw_a, record.id).pdf)
    assert "青木 太郎" in text and "井上" not in text and "このほか 1 件" in text
    with pytest.raises(PermissionDenied):
        meetings.print_minutes(_foreign_supervisor(world), record.id)


def test_a_consent_naming_the_office_with_other_spacing_still_counts(world: World) -> None:
    meetings = world.services.meetings
    person, _, _ = _case(world, "青木", "アオキ", recipients=["ハローワーク　新宿"])
    record = meetings.record_meeting(world.cw_a, meeting(world, (CaseDecision(person, "継続"),)))
    assert "青木 太郎" in _text(meetings.print_minutes(world.cw_a, record.id).pdf)
