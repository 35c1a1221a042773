"""The report's counts before and beside the referral on a caseload counted by hand: two
organisations (a 福祉事務所 and a 自立相談支援機関), events on both edges of fiscal year 2025,
revisions, a payment taken back, a case taken out of a meeting. Every key is asserted,
overall and per organisation, in JSON and in the exported tables."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.documents.report_tables import report_csv
from desktop.services import report_routes
from desktop.services.context import Actor
from desktop.services.employers import EmployerInput
from desktop.services.meetings import CaseDecision
from desktop.services.organisations import OrganisationInput
from desktop.services.reports import Period
from desktop.services.routes import ActivityInput
from tests.conftest import PASSWORD, Clock, World
from tests.services.helpers import placement, plan, sign_consents
from tests.services.route_helpers import assessment, fare, meeting

FY2025 = Period.fiscal(2025)


def _at(clock: Clock, day: date) -> None:
    clock.current = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


@pytest.fixture
def counted(world: World, clock: Clock) -> tuple[World, str, str]:
    """The caseload of this module's docstring; returns the two organisations' ids."""
    s = world.services
    wf, routes, costs = s.workflow, s.routes, s.costs
    centre = s.organisations.add(world.admin, OrganisationInput(
        "つなぎ市くらし・しごと相談センター", kind="independent_support_contracted",
        head_title="センター長"))
    user = s.auth.add_user(world.admin, "soudan", "相談 員", "consultant", PASSWORD, centre.id)
    soudan = Actor(user.id, user.username, user.display_name, "consultant", centre.id)
    # Employers, each registered on its own day: E1 in FY2025 (the welfare office), E2 the
    # year before, E3 after it, E4 in FY2025 by the centre and never used.
    registered = {}
    for name, day, by in (("E1 みどり農園", date(2025, 5, 1), world.cw_a),
                          ("E2 さくら清掃", date(2025, 3, 15), world.cw_a),
                          ("E3 ひかり物流", date(2026, 4, 10), world.cw_a),
                          ("E4 東和フーズ", date(2025, 8, 1), soudan)):
        _at(clock, day)
        registered[name[:2]] = s.employers.register(by, EmployerInput(name)).id
    _at(clock, date(2026, 6, 15))
    e1, e2, e3 = registered["E1"], registered["E2"], registered["E3"]

    def case(by: Actor, intake: date, route: str, n: int) -> tuple:
        person = world.person(by=by, case_number=f"R-{n}")
        ep = wf.open_episode(by, person, intake).id
        wf.start_screening(by, ep, intake.replace(day=intake.day + 1))
        wf.record_screening_decision(by, ep, "approved", intake.replace(day=intake.day + 5),
                                     route=route)
        return person, ep

    a = world.cw_a
    # P1 (welfare office): assessed in FY2024 and again in FY2025; a 就労準備支援事業 started
    # in FY2024 and completed in FY2025.
    p1, ep1 = case(a, date(2025, 3, 20), "work_readiness", 1)
    routes.assess_readiness(a, ep1, assessment(date(2025, 3, 28)))
    routes.assess_readiness(a, ep1, assessment(date(2025, 4, 2)))
    prog = routes.start_activity(a, ep1, ActivityInput("work_readiness", date(2025, 3, 30),
                                                       provider="NPO法人あゆみ"))
    routes.end_activity(a, prog.id, date(2025, 4, 30), "completed", 20)
    # P2: Hello Work route, placed at E3; 公共職業訓練 from July to the year's last day.
    p2, ep2 = case(a, date(2025, 6, 1), "hello_work", 2)
    routes.assess_readiness(a, ep2, assessment(date(2025, 6, 2)))
    routes.assess_readiness(a, ep2, assessment(date(2025, 6, 10)))
    sign_consents(world, ep2, date(2025, 6, 7))
    wf.confirm_consent(a, ep2, date(2025, 6, 7))
    wf.refer_to_hello_work(a, ep2, world.office_id, date(2025, 6, 8))
    wf.accept_referral(a, ep2, date(2025, 6, 10), plan())
    wf.record_placement(a, ep2, replace(placement(date(2025, 11, 1)), employer_id=e3))
    course = routes.start_activity(a, ep2, ActivityInput(
        "training", date(2025, 7, 1), subtype="public_training", course="介護科", provider="校"))
    routes.end_activity(a, course.id, date(2026, 3, 31), "completed")
    costs.record_cost(a, ep2, fare(date(2025, 7, 1), 1000))
    costs.record_cost(a, ep2, fare(date(2026, 4, 1), 500))
    mistake = costs.record_cost(a, ep2, fare(date(2025, 8, 1), 9999))
    costs.void_cost(a, mistake.id)
    # P3: 職場体験 at E1 (10 days, completed) and 中間的就労 at E2 still going on.
    p3, ep3 = case(a, date(2025, 9, 1), "work_experience", 3)
    visit = routes.start_activity(a, ep3, ActivityInput(
        "work_experience", date(2025, 10, 1), subtype="work_experience", employer_id=e1))
    routes.end_activity(a, visit.id, date(2025, 10, 14), "completed", 10)
    routes.start_activity(a, ep3, ActivityInput(
        "work_experience", date(2026, 3, 20), subtype="intermediate_employment",
        employer_id=e2))
    # P4 (the centre): assessed; 就労準備支援事業 discontinued; 職場体験 at E1 ended by a job.
    p4, ep4 = case(soudan, date(2025, 5, 10), "work_readiness", 4)
    routes.assess_readiness(soudan, ep4, assessment(date(2025, 5, 12)))
    prog4 = routes.start_activity(soudan, ep4, ActivityInput(
        "work_readiness", date(2025, 6, 1), provider="NPO法人あゆみ"))
    routes.end_activity(soudan, prog4.id, date(2025, 9, 30), "discontinued", 30)
    visit4 = routes.start_activity(soudan, ep4, ActivityInput(
        "work_experience", date(2025, 12, 1), subtype="work_experience", employer_id=e1))
    routes.end_activity(soudan, visit4.id, date(2025, 12, 5), "employed", 5)
    costs.record_cost(soudan, ep4, fare(date(2025, 6, 1), 1500))
    costs.record_cost(soudan, ep4, fare(date(2025, 6, 15), 2000))
    # Meetings: the centre's in July (P4); the office's in December (P1, P2, P3, then P3
    # taken out) and one in FY2026.
    centre_meeting = meeting(world, (CaseDecision(p4, "就労準備支援事業を継続"),),
                             on=date(2025, 7, 1))
    s.meetings.record_meeting(soudan, replace(centre_meeting, attendees=(
        replace(centre_meeting.attendees[0], organisation="福祉事務所"),)))
    december = s.meetings.record_meeting(a, meeting(world, tuple(
        CaseDecision(p, "継続") for p in (p1, p2, p3)), on=date(2025, 12, 10)))
    s.meetings.update_meeting(a, december.id, december.version, december.as_input(
        [CaseDecision(p1, "継続"), CaseDecision(p2, "継続")]))
    s.meetings.record_meeting(a, meeting(world, (CaseDecision(p1, "継続"),),
                                         on=date(2026, 4, 5)))
    return world, str(world.admin.organisation_id), str(centre.id)


def test_the_counts_before_and_beside_the_referral(counted: tuple[World, str, str]) -> None:
    world, _office, centre = counted
    report = world.services.reports.indicators(world.admin, FY2025)  # every organisation's
    assert report["assessed_persons"] == 3
    assert report["routes"] == {"work_readiness": {"started": 1, "completed": 1},
                                "work_experience": {"started": 3, "completed": 1},
                                "training": {"started": 1, "completed": 1}}
    assert report["work_experience_days"] == 15
    assert report["employers"] == {"active": 3, "new": 2}
    assert report["support_costs_total"] == 4500
    assert report["meetings"] == {"held": 2, "cases_discussed": 3}
    by_org = report["by_organisation"]  # by name, beside issue 20's indicators
    keys = list(report_routes.KEYS)
    assert {k: by_org["福祉事務所"][k] for k in keys} == {
        "assessed_persons": 2,
        "routes": {"work_readiness": {"started": 0, "completed": 1},
                   "work_experience": {"started": 2, "completed": 1},
                   "training": {"started": 1, "completed": 1}},
        "work_experience_days": 10, "employers": {"active": 3, "new": 1},
        "support_costs_total": 1000, "meetings": {"held": 1, "cases_discussed": 2}}
    centre_counts = {
        "assessed_persons": 1,
        "routes": {"work_readiness": {"started": 1, "completed": 0},
                   "work_experience": {"started": 1, "completed": 0},
                   "training": {"started": 0, "completed": 0}},
        "work_experience_days": 5, "employers": {"active": 1, "new": 1},
        "support_costs_total": 3500, "meetings": {"held": 1, "cases_discussed": 1}}
    assert {k: by_org["つなぎ市くらし・しごと相談センター"][k] for k in keys} == centre_counts
    # A report for one organisation (anyone but an administrator gets their own) counts its
    # own: the centre's totals are its block.
    own = world.services.reports.indicators(world.admin, FY2025, organisation_id=uuid.UUID(centre))
    assert {k: own[k] for k in keys} == centre_counts
    assert list(own["by_organisation"]) == ["つなぎ市くらし・しごと相談センター"]
    # The keys sit after the referral's indicators.
    keys = list(report)
    assert keys.index("retention") < keys.index("assessed_persons") < keys.index("meetings")


def test_the_next_year_counts_what_fell_after_the_edge(counted: tuple[World, str, str]) -> None:
    world, _office, _centre = counted
    report = world.services.reports.indicators(world.viewer, Period.fiscal(2026))
    assert report["assessed_persons"] == 0
    assert report["routes"]["work_experience"] == {"started": 0, "completed": 0}
    assert report["employers"] == {"active": 1, "new": 1}  # E2's 中間的就労 goes on; E3 new
    assert report["support_costs_total"] == 500
    assert report["meetings"] == {"held": 1, "cases_discussed": 1}


def test_a_month_and_the_exported_tables(counted: tuple[World, str, str]) -> None:
    world, _office, _centre = counted
    june = world.services.reports.indicators(world.admin, Period.month(2025, 6))
    assert (june["assessed_persons"], june["support_costs_total"]) == (1, 3500)
    assert june["routes"]["work_readiness"]["started"] == 1
    rows = list(csv.reader(io.StringIO(report_csv(
        world.services.reports.indicators(world.admin, FY2025)).decode("utf-8-sig"))))
    flat = {row[0]: row[1:] for row in rows if row}
    assert flat["就労準備度を評価した人数"][0] == "3"
    assert flat["支援費用の合計（円）"][0] == "4500"
    assert flat["職場体験・中間的就労の出席日数"][0] == "15"
    assert any(row[:1] == ["つなぎ市くらし・しごと相談センター"] for row in rows)


def test_the_counts_are_empty_without_records(world: World) -> None:
    report = world.services.reports.indicators(world.cw_a, FY2025)
    assert report["assessed_persons"] == 0 and report["support_costs_total"] == 0
    assert report["employers"] == {"active": 0, "new": 0}
    assert next(iter(report["by_organisation"].values()))["meetings"] == {
        "held": 0, "cases_discussed": 0}
