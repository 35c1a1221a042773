"""Every role against every operation on the records before and beside the referral
(readiness, routes, activities, employers, support costs, meetings): enforced in the
services. Roles as in test_permission_matrix — the case's organisation's administrator,
supervisor, owner (the caseworker in charge), another caseworker and viewer; a supervisor of
another organisation; and a 相談支援員 of a 自立相談支援機関 (a caseload role, not in charge).
An allowed call may still be refused by a domain rule; what is asserted is the permission
decision alone."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from desktop.services.context import Actor
from desktop.services.employers import EmployerInput
from desktop.services.errors import DomainError, PermissionDenied
from desktop.services.meetings import CaseDecision
from desktop.services.organisations import OrganisationInput
from desktop.services.reports import Period
from tests.conftest import PASSWORD, World
from tests.services.route_helpers import (
    assessment,
    employer,
    fare,
    meeting,
    readiness_program,
    screened,
)

ROLES = ("admin", "supervisor", "owner", "other", "viewer", "foreign_supervisor", "consultant")
EVERYONE = set(ROLES)
READERS = {"admin", "supervisor", "owner", "viewer"}
EDITORS = {"admin", "supervisor", "owner"}
STAFF = EVERYONE - {"viewer"}
OWN_ORGANISATION = {"admin", "supervisor", "owner", "other", "viewer"}


@dataclass
class Case:
    world: World
    person: uuid.UUID
    episode: uuid.UUID
    employer: uuid.UUID
    meeting: uuid.UUID
    foreign: dict[str, Actor]

    def actor(self, role: str) -> Actor:
        w = self.world
        return {"admin": w.admin, "supervisor": w.supervisor, "owner": w.cw_a,
                "other": w.cw_b, "viewer": w.viewer, **self.foreign}[role]


@pytest.fixture
def case(world: World) -> Case:
    person = world.person()
    episode = screened(world, person, "work_readiness")
    farm = employer(world)
    record = world.services.meetings.record_meeting(world.cw_a, meeting(world, (
        CaseDecision(person, "就労準備支援事業を継続"),)))
    west = world.services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    centre = world.services.organisations.add(world.admin, OrganisationInput(
        "つなぎ市くらし・しごと相談センター", kind="independent_support_direct", head_title="センター長"))
    foreign = {}
    for username, role, org in (("sv2", "supervisor", west.id),
                                ("soudan", "consultant", centre.id)):
        user = world.services.auth.add_user(world.admin, username, f"外部 {role}", role,
                                            PASSWORD, org)
        key = "foreign_supervisor" if role == "supervisor" else role
        foreign[key] = Actor(user.id, user.username, user.display_name, role,
                             user.organisation_id)
    return Case(world, person, episode, farm, record.id, foreign)


Op = Callable[[Case, Actor], Any]
OPERATIONS: list[tuple[str, Op, set[str]]] = [
    ("assess_readiness", lambda c, a: c.world.services.routes.assess_readiness(
        a, c.episode, assessment()), EDITORS),
    ("assessments", lambda c, a: c.world.services.routes.assessments(a, c.episode), READERS),
    ("change_route", lambda c, a: c.world.services.workflow.change_route(
        a, c.episode, "hello_work", date(2026, 6, 1)), EDITORS),
    ("route_history", lambda c, a: c.world.services.workflow.route_history(a, c.episode),
     READERS),
    ("start_activity", lambda c, a: c.world.services.routes.start_activity(
        a, c.episode, readiness_program()), EDITORS),
    ("activities", lambda c, a: c.world.services.routes.activities(a, c.episode), READERS),
    ("record_cost", lambda c, a: c.world.services.costs.record_cost(a, c.episode, fare()),
     EDITORS),
    ("costs_of", lambda c, a: c.world.services.costs.costs_of(a, c.person), READERS),
    ("person's receipts", lambda c, a: c.world.services.costs.receipt_list(
        a, Period.fiscal(2026), c.person), EDITORS),
    ("office receipts", lambda c, a: c.world.services.costs.receipt_list(
        a, Period.fiscal(2026)), EVERYONE),  # lists only the persons each may read
    ("register employer", lambda c, a: c.world.services.employers.register(
        a, EmployerInput(f"事業所{uuid.uuid4().hex[:6]}")), STAFF),
    ("edit employer", lambda c, a: c.world.services.employers.update(
        a, c.employer, 999, EmployerInput("株式会社みどり農園")), STAFF),
    ("search employers", lambda c, a: c.world.services.employers.search(a, "みどり"), EVERYONE),
    ("employer history", lambda c, a: c.world.services.employers.history(a, c.employer),
     EVERYONE),  # names only the persons each may read
    ("record meeting with the case", lambda c, a: c.world.services.meetings.record_meeting(
        a, meeting(c.world, (CaseDecision(c.person, "継続"),))), EDITORS),
    ("record meeting without cases", lambda c, a: c.world.services.meetings.record_meeting(
        a, meeting(c.world, ())), STAFF),
    ("meetings", lambda c, a: c.world.services.meetings.meetings(a), EVERYONE),
    ("meeting", lambda c, a: c.world.services.meetings.meeting(a, c.meeting),
     OWN_ORGANISATION),
    ("print minutes", lambda c, a: c.world.services.meetings.print_minutes(a, c.meeting),
     OWN_ORGANISATION),
]


@pytest.mark.parametrize(("name", "operation", "allowed"), OPERATIONS,
                         ids=[name for name, _, _ in OPERATIONS])
def test_permission_matrix(case: Case, name: str, operation: Op, allowed: set[str]) -> None:
    decisions = {}
    for role in ROLES:
        try:
            operation(case, case.actor(role))
            decisions[role] = True
        except PermissionDenied:
            decisions[role] = False
        except DomainError:
            decisions[role] = True  # allowed, then refused by a rule of the domain
    assert {r for r, ok in decisions.items() if ok} == allowed


def test_a_meeting_names_the_case_only_to_those_who_may_read_it(case: Case) -> None:
    meetings = case.world.services.meetings
    for role in ROLES:
        if role not in OWN_ORGANISATION:
            assert meetings.meetings(case.actor(role)) == []
            continue
        record = meetings.meeting(case.actor(role), case.meeting)
        assert (len(record.cases) == 1) == (role in READERS), role
        assert record.hidden_cases == (0 if role in READERS else 1), role
