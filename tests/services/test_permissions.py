"""Roles and caseloads, enforced by the services without any UI."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.errors import PermissionDenied
from desktop.services.persons import PersonInput
from tests.conftest import World
from tests.services.helpers import to_state


def test_caseworker_sees_only_own_caseload(world: World) -> None:
    mine = world.person(by=world.cw_a, family_name="青木", family_kana="アオキ")
    theirs = world.person(by=world.cw_b, family_name="青山", family_kana="アオヤマ")
    persons = world.services.persons
    assert persons.get_person(world.cw_a, mine).family_name == "青木"
    with pytest.raises(PermissionDenied, match="閲覧する権限"):
        persons.get_person(world.cw_a, theirs)
    hits = world.services.search.search(world.cw_a, "アオ")
    assert [h.person_id for h in hits] == [mine]


def test_sharing_a_case_lets_a_colleague_read_and_edit(world: World) -> None:
    theirs = world.person(by=world.cw_b)
    ep = to_state(world, theirs, "candidate", by=world.cw_b)
    with pytest.raises(PermissionDenied):
        world.services.workflow.start_screening(world.cw_a, ep, date(2026, 4, 3))
    world.services.persons.share_case(world.cw_b, theirs, world.cw_a.user_id)
    world.services.workflow.start_screening(world.cw_a, ep, date(2026, 4, 3))
    assert world.services.search.search(world.cw_a, "ヤマダ")[0].person_id == theirs
    world.services.persons.unshare_case(world.cw_b, theirs, world.cw_a.user_id)
    with pytest.raises(PermissionDenied):
        world.services.persons.get_person(world.cw_a, theirs)


def test_caseworker_cannot_register_a_person_for_someone_else(world: World) -> None:
    data = PersonInput("X-1", "林", "誠", "ハヤシ", "マコト", date(1970, 1, 1), "needy")
    with pytest.raises(PermissionDenied):
        world.services.persons.create_person(world.cw_a, data, caseworker_id=world.cw_b.user_id)


def test_supervisor_sees_and_edits_the_whole_office(world: World) -> None:
    theirs = world.person(by=world.cw_b)
    ep = to_state(world, theirs, "candidate", by=world.cw_b)
    assert world.services.persons.get_person(world.supervisor, theirs).id == theirs
    world.services.workflow.start_screening(world.supervisor, ep, date(2026, 4, 3))


def test_viewer_reads_everything_and_changes_nothing(world: World) -> None:
    person = world.person(by=world.cw_b)
    ep = to_state(world, person, "candidate", by=world.cw_b)
    assert world.services.persons.get_person(world.viewer, person).id == person
    assert world.services.search.search(world.viewer, "ヤマダ")
    with pytest.raises(PermissionDenied, match="閲覧のみ"):
        world.services.workflow.start_screening(world.viewer, ep, date(2026, 4, 3))
    with pytest.raises(PermissionDenied):
        world.services.persons.create_person(world.viewer, PersonInput(
            "V-1", "林", "誠", "ハヤシ", "マコト", date(1970, 1, 1), "needy"))
    actions = world.services.workflow.available_actions(world.viewer, ep)
    assert actions and all(not a.allowed and "閲覧のみ" in a.reason for a in actions)


def test_only_admin_manages_users_and_settings(world: World) -> None:
    with pytest.raises(PermissionDenied, match="管理者"):
        world.services.auth.add_user(world.supervisor, "new", "新人", "caseworker", "password-1")
    with pytest.raises(PermissionDenied):
        world.services.auth.disable_user(world.cw_a, "cwb")
    with pytest.raises(PermissionDenied):
        world.services.settings.set(world.supervisor, "support_period_months", 12)
    world.services.settings.set_target(world.supervisor, 2026, "placements", 120)
    assert world.services.settings.targets(2026) == {"placements": 120}
    with pytest.raises(PermissionDenied):
        world.services.settings.set_target(world.cw_a, 2026, "placements", 1)


def test_only_supervisor_or_admin_reassign_cases(world: World) -> None:
    person = world.person(by=world.cw_a)
    with pytest.raises(PermissionDenied):
        world.services.persons.assign_caseworker(world.cw_a, person, world.cw_b.user_id)
    world.services.persons.assign_caseworker(world.supervisor, person, world.cw_b.user_id)
    with pytest.raises(PermissionDenied):
        world.services.persons.get_person(world.cw_a, person)
    assert world.services.persons.get_person(world.cw_b, person).caseworker_name == "石原 正人"
