"""相談支援員 and 就労支援員: roles of a 自立相談支援機関 (直営・委託) only, with the caseworker's
caseload rules — their own cases and the cases shared with them, nobody else's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.services.auth import StaffChanges
from desktop.services.caseload import CaseloadFilter
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonInput
from tests.conftest import PASSWORD, World
from tests.services.route_helpers import assessment

CENTRE = OrganisationInput("つなぎ市くらし・しごと相談センター", kind="independent_support_contracted",
                           head_title="センター長")


def _person(n: int) -> PersonInput:
    return PersonInput(case_number=f"J-{n}", family_name="自立", given_name=f"太郎{n}",
                       family_kana="ジリツ", given_kana="タロウ", birth_date=date(1985, 5, 5),
                       category="needy")


def _centre_staff(w: World) -> dict[str, Actor]:
    centre = w.services.organisations.add(w.admin, CENTRE)
    out = {}
    for username, role in (("soudan", "consultant"), ("shuro", "job_support"),
                           ("soudan2", "consultant")):
        user = w.services.auth.add_user(w.admin, username, f"センター {username}", role,
                                        PASSWORD, centre.id)
        out[username] = Actor(user.id, user.username, user.display_name, role,
                              user.organisation_id)
    return out


def test_the_roles_belong_to_an_independent_support_centre_only(world: World) -> None:
    auth = world.services.auth
    with pytest.raises(InvalidInput, match="自立相談支援機関の職員の権限") as err:
        auth.add_user(world.admin, "soudan", "相談 員", "consultant", PASSWORD)
    assert err.value.field == "role"
    with pytest.raises(InvalidInput, match="自立相談支援機関"):
        auth.update_user(world.admin, "cwa", StaffChanges(role="job_support"))
    staff = _centre_staff(world)
    welfare_office = world.admin.organisation_id
    with pytest.raises(InvalidInput, match="自立相談支援機関"):
        auth.update_user(world.admin, "shuro", StaffChanges(organisation_id=welfare_office))
    centre = world.services.organisations.find(CENTRE.name)
    with pytest.raises(InvalidInput, match="自立相談支援機関のままに") as err:
        world.services.organisations.update(world.admin, centre.id, centre.version,
                                            replace(CENTRE, kind="welfare_office"))
    assert err.value.field == "kind"
    world.services.organisations.update(world.admin, centre.id, centre.version,
                                        replace(CENTRE, kind="independent_support_direct"))
    assert {u.role for u in auth.list_users(world.admin) if u.username in staff} == {
        "consultant", "job_support"}


def test_they_keep_a_caseload_of_their_own_like_a_caseworker(world: World) -> None:
    staff = _centre_staff(world)
    soudan, shuro, colleague = staff["soudan"], staff["shuro"], staff["soudan2"]
    wf, persons = world.services.workflow, world.services.persons
    record, episode = wf.intake(soudan, _person(1), date(2026, 4, 1))
    assert record.caseworker_id == soudan.user_id  # taken into their own caseload
    with pytest.raises(PermissionDenied, match="他の担当者"):
        wf.intake(soudan, _person(2), date(2026, 4, 1), caseworker_id=colleague.user_id)
    wf.start_screening(soudan, episode.id, date(2026, 4, 2))
    world.services.routes.assess_readiness(soudan, episode.id, assessment(date(2026, 4, 3)))
    for outsider in (colleague, shuro, world.cw_a):
        with pytest.raises(PermissionDenied):
            persons.get_person(outsider, record.id)
        assert world.services.search.search(outsider, "ジリツ") == []
        assert world.services.caseload.count(outsider, CaseloadFilter()) == 0
    # The 就労支援員 takes over the employment part: shared, then assigned.
    persons.share_case(soudan, record.id, shuro.user_id)
    assert persons.get_person(shuro, record.id).family_name == "自立"
    wf.record_screening_decision(shuro, episode.id, "approved", date(2026, 4, 5),
                                 route="work_readiness")
    persons.assign_caseworker(world.admin, record.id, shuro.user_id)
    assert [h.person_id for h in world.services.search.search(shuro, "ジリツ")] == [record.id]
    assert world.services.caseload.count(shuro, CaseloadFilter()) == 1
    assert [s.username for s in persons.assignable_staff(shuro)] == ["shuro"]


def test_the_centre_s_supervisor_and_the_welfare_office_see_what_they_should(
        world: World) -> None:
    staff = _centre_staff(world)
    record, _ = world.services.workflow.intake(staff["soudan"], _person(1), date(2026, 4, 1))
    with pytest.raises(PermissionDenied, match="ほかの組織"):
        world.services.persons.get_person(world.supervisor, record.id)  # the welfare office's
    assert world.services.persons.get_person(world.admin, record.id).case_number == "J-1"
