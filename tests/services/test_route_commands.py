"""The commands the desktop runs for readiness, routes, costs, employers and meetings: each
calls its use case for the signed-in actor and says what it changed, so the screens showing
the person reload (services/commands.py; run here without the desktop)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.commands import (
    AssessReadiness,
    ChangeRoute,
    EndActivity,
    PrintMinutes,
    PrintReceipts,
    RecordActivityProgress,
    RecordCost,
    RecordScreeningDecision,
    SaveEmployer,
    SaveMeeting,
    SetEmployerActive,
    SetLists,
    StartActivity,
    VoidCost,
)
from desktop.services.employers import EmployerInput
from desktop.services.errors import PermissionDenied
from desktop.services.meetings import CaseDecision
from desktop.services.reports import Period
from tests.conftest import World
from tests.services import route_helpers as rh


def test_the_route_commands_change_the_episode_they_act_on(world: World) -> None:
    services, cw = world.services, world.cw_a
    person = world.person()
    wf = services.workflow
    ep = wf.open_episode(cw, person, date(2026, 4, 1)).id
    wf.start_screening(cw, ep, date(2026, 4, 3))
    assessed = AssessReadiness(ep, rh.assessment(low=("移動手段",)))
    assert assessed.changes(assessed.run(services, cw)).episodes == {ep}
    decided = RecordScreeningDecision(ep, "approved", date(2026, 4, 5), "所内協議",
                                      "work_readiness")
    decided.run(services, cw)
    assert wf.episode(cw, ep).route == "work_readiness"
    started = StartActivity(ep, rh.readiness_program())
    activity = started.run(services, cw)
    assert started.changes(activity).episodes == {ep}
    RecordActivityProgress(ep, activity.id, 12, "通所は安定").run(services, cw)
    ended = EndActivity(ep, activity.id, date(2026, 5, 20), "completed", 20, "修了")
    assert ended.run(services, cw).outcome == "completed"
    moved = ChangeRoute(ep, "hello_work", date(2026, 5, 21))
    summary = moved.run(services, cw)
    assert summary.route == "hello_work"
    changes = moved.changes(summary)
    assert changes.episodes == {ep} and changes.caseload and changes.agenda


def test_a_cost_and_its_voiding_change_the_person_and_a_receipt_list_is_printed(
        world: World) -> None:
    services, cw = world.services, world.cw_a
    person = world.person()
    ep = rh.screened(world, person)
    recorded = RecordCost(person, ep, rh.fare())
    cost = recorded.run(services, cw)
    assert recorded.changes(cost).persons == {person}
    receipts = PrintReceipts(Period.custom(date(2026, 5, 1), date(2026, 5, 31)), person)
    assert receipts.run(services, cw).pdf.startswith(b"%PDF")
    voided = VoidCost(person, ep, cost.id)
    voided.run(services, cw)
    assert voided.changes(None).persons == {person}
    assert services.costs.costs_of(cw, person) == []


def test_a_meeting_changes_the_persons_it_decided_on_and_a_correction_every_record(
        world: World) -> None:
    services, cw = world.services, world.cw_a
    person = world.person()
    rh.screened(world, person)
    data = rh.meeting(world, (CaseDecision(person, "職場体験を継続"),))
    saved = SaveMeeting(data)
    record = saved.run(services, cw)
    changes = saved.changes(record)
    assert changes.persons == {person} and changes.agenda and not changes.records
    corrected = SaveMeeting(rh.meeting(world, ()), record.id, record.version)
    assert corrected.changes(corrected.run(services, cw)).records
    assert PrintMinutes(record.id).run(services, cw).pdf.startswith(b"%PDF")


def test_employers_and_the_lists_are_saved_by_commands_for_whoever_may(world: World) -> None:
    services = world.services
    employer = SaveEmployer(EmployerInput("株式会社あおば", industry="小売")).run(
        services, world.cw_a)
    renamed = SaveEmployer(EmployerInput("株式会社あおば商店", industry="小売"), employer.id,
                           employer.version).run(services, world.cw_a)
    assert renamed.name == "株式会社あおば商店"
    assert not SetEmployerActive(employer.id, False).run(services, world.cw_a).active
    with pytest.raises(PermissionDenied):
        SaveEmployer(EmployerInput("株式会社みなと")).run(services, world.viewer)
    lists = SetLists({"funding_sources": ["市単独事業費"]})
    lists.run(services, world.admin)
    assert services.costs.funding_sources() == ["市単独事業費"]
    assert lists.changes(None).settings
    with pytest.raises(PermissionDenied):
        SetLists({"funding_sources": ["x"]}).run(services, world.cw_a)
