"""Outreach kits carry the readiness assessments, route changes, support activities and costs of
the caseload to the laptop and back, with the 協力事業所 registry as reference data; the
laptop does not write what a return kit cannot carry (the registry, meetings)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services.employers import EmployerInput
from desktop.services.errors import DomainError
from desktop.services.meetings import CaseDecision
from tests.conftest import World
from tests.services.route_helpers import (
    assessment,
    employer,
    experience,
    fare,
    meeting,
    screened,
)
from tests.services.test_outreach import KIT_PASS, laptop_factory  # noqa: F401  (fixture)


def test_the_records_beside_the_referral_go_out_and_come_back(
        world: World, tmp_path: Path, laptop_factory) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    office = world.services
    person = world.person(family_name="出張", family_kana="シュッチョウ")
    ep = screened(world, person, "work_experience")
    office.routes.assess_readiness(world.cw_a, ep, assessment(low=("移動手段",)))
    farm = employer(world)
    visit = office.routes.start_activity(world.cw_a, ep, experience(farm))
    kit = tmp_path / "out.tsunagi-kit"
    header = office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    assert header["counts"]["support_activities"] == 1

    laptop = laptop_factory(kit)
    me = laptop.login()
    lsv = laptop.services
    assert [e.name for e in lsv.employers.search(me)] == ["株式会社みどり農園"]
    assert lsv.routes.current_assessment(me, ep).concerns[0].item == "移動手段"
    lsv.routes.end_activity(me, visit.id, date(2026, 5, 30), "completed", 10, "毎日出勤できた")
    lsv.routes.assess_readiness(me, ep, assessment(date(2026, 6, 14), score=4))
    lsv.costs.record_cost(me, ep, fare(date(2026, 6, 14), 660, "work_experience"))
    lsv.workflow.change_route(me, ep, "hello_work", date(2026, 6, 15))
    with pytest.raises(DomainError, match="ノートPC"):
        lsv.employers.register(me, EmployerInput("出張先で見つけた会社"))
    with pytest.raises(DomainError, match="ノートPC"):
        lsv.meetings.record_meeting(me, meeting(world, (CaseDecision(person, "継続"),)))
    returned = tmp_path / "return.tsunagi-kit"
    lsv.outreach.export_kit(me, returned, KIT_PASS)

    plan = office.outreach.plan_import(world.cw_a, returned, KIT_PASS)
    assert plan.conflicts == []
    office.outreach.apply_import(world.cw_a, returned, KIT_PASS, {})
    [activity] = office.routes.activities(world.cw_a, ep)
    assert (activity.outcome, activity.days_attended, activity.evaluation) == (
        "completed", 10, "毎日出勤できた")
    assert [a.revision for a in office.routes.assessments(world.cw_a, ep)] == [2, 1]
    assert [c.amount for c in office.costs.costs_of(world.cw_a, person)] == [660]
    assert office.workflow.episode(world.cw_a, ep).route == "hello_work"
    assert [c.to_route for c in office.workflow.route_history(world.cw_a, ep)] == [
        "work_experience", "hello_work"]
    assert office.maintenance.verify(world.admin).ok
