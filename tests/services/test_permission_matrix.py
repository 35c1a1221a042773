"""Every role against every service operation, and the other caseworker and the other
organisation against every path to a recipient's data. Enforced in the services, so tested
without the UI.

Roles: admin, supervisor, owner (the caseworker in charge), other (another caseworker),
viewer, all of the case's organisation; foreign_supervisor and foreign_viewer, of another
organisation in the same database. An allowed call may still be refused by a domain rule
(the episode is in the wrong state by then); what is asserted is the permission decision
alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.services.auth import StaffChanges
from desktop.services.caseload import CaseloadFilter
from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.errors import DomainError, PermissionDenied
from desktop.services.offices import OfficeInput
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonInput
from desktop.services.reports import Period
from desktop.services.workflow import ContactInput
from tests.conftest import PASSWORD, World
from tests.services.helpers import placement, plan, to_state

FOREIGN = {"foreign_supervisor", "foreign_viewer"}
EVERYONE = {"admin", "supervisor", "owner", "other", "viewer", *FOREIGN}
READERS = {"admin", "supervisor", "owner", "viewer"}
EDITORS = {"admin", "supervisor", "owner"}
STAFF = {"admin", "supervisor", "owner", "other", "foreign_supervisor"}
MANAGERS = {"admin", "supervisor"}
ANY_MANAGER = {"admin", "supervisor", "foreign_supervisor"}  # each within their organisation
ADMIN = {"admin"}
ROLES = ("viewer", "other", "owner", "supervisor", "admin", "foreign_supervisor",
         "foreign_viewer")


@dataclass
class Case:
    world: World
    person: uuid.UUID
    episode: uuid.UUID
    ledger: Path
    foreign: dict[str, Actor]

    def actor(self, role: str) -> Actor:
        w = self.world
        return {"admin": w.admin, "supervisor": w.supervisor, "owner": w.cw_a,
                "other": w.cw_b, "viewer": w.viewer, **self.foreign}[role]


Op = Callable[[Case, Actor], Any]


def _person_input(n: str) -> PersonInput:
    return PersonInput(case_number=f"M-{n}", family_name="権限", given_name="確認",
                       family_kana="ケンゲン", given_kana="カクニン",
                       birth_date=date(1990, 1, 1), category="needy")


OPERATIONS: list[tuple[str, Op, set[str]]] = [
    # reading a recipient
    ("get_person", lambda c, a: c.world.services.persons.get_person(a, c.person), READERS),
    ("episodes_of", lambda c, a: c.world.services.workflow.episodes_of(a, c.person), READERS),
    ("timeline", lambda c, a: c.world.services.workflow.timeline(a, c.episode), READERS),
    ("available_actions",
     lambda c, a: c.world.services.workflow.available_actions(a, c.episode), READERS),
    ("consents", lambda c, a: c.world.services.consent.consents(a, c.episode), READERS),
    ("referrals", lambda c, a: c.world.services.records.referrals(a, c.episode), READERS),
    ("current_plan", lambda c, a: c.world.services.records.current_plan(a, c.episode), READERS),
    ("contacts", lambda c, a: c.world.services.records.contacts(a, c.episode), READERS),
    ("draft referral",
     lambda c, a: c.world.services.printing.draft(a, "referral", c.episode), READERS),
    ("print consent",
     lambda c, a: c.world.services.printing.print_document(a, "consent", c.episode), READERS),
    # issuing takes a number of the register and marks the referral sent: a change
    ("issue referral",
     lambda c, a: c.world.services.printing.issue(a, "referral", c.episode), EDITORS),
    ("print packet",
     lambda c, a: c.world.services.printing.print_document(a, "packet", c.episode), EDITORS),
    # changing a recipient's record
    ("update_person", lambda c, a: c.world.services.persons.update_person(
        a, c.person, 999, _person_input("u")), EDITORS),
    ("share_case", lambda c, a: c.world.services.persons.share_case(
        a, c.person, c.world.supervisor.user_id), EDITORS),
    ("add_contact", lambda c, a: c.world.services.workflow.add_contact(
        a, c.episode, ContactInput(date(2026, 6, 1), "phone", "電話で確認")), EDITORS),
    ("record_consent", lambda c, a: c.world.services.consent.record_consent(
        a, c.episode, ConsentInput("participation", date(2026, 6, 1))), EDITORS),
    ("accept_referral", lambda c, a: c.world.services.workflow.accept_referral(
        a, c.episode, date(2026, 6, 1), plan()), EDITORS),
    ("record_placement", lambda c, a: c.world.services.workflow.record_placement(
        a, c.episode, placement(date(2026, 6, 2))), EDITORS),
    ("open_episode", lambda c, a: c.world.services.workflow.open_episode(
        a, c.person, date(2026, 6, 3)), EDITORS),
    ("close_episode", lambda c, a: c.world.services.workflow.close_episode(
        a, c.episode, date(2026, 6, 10), "辞退"), EDITORS),
    # office-level work
    ("assignment history", lambda c, a: c.world.services.persons.assignment_history(
        a, c.person), READERS),
    ("create_person", lambda c, a: c.world.services.persons.create_person(
        a, _person_input(uuid.uuid4().hex[:8])), STAFF),
    ("assign_caseworker", lambda c, a: c.world.services.persons.assign_caseworker(
        a, c.person, c.world.cw_b.user_id), MANAGERS),
    ("move caseload", lambda c, a: c.world.services.persons.move_caseload(
        a, c.world.cw_a.user_id, c.world.cw_b.user_id, dry_run=True), MANAGERS),
    ("search", lambda c, a: c.world.services.search.search(a, "ヤマダ"), EVERYONE),
    ("caseload", lambda c, a: c.world.services.caseload.page(a, CaseloadFilter()), EVERYONE),
    ("agenda", lambda c, a: c.world.services.caseload.agenda(a), EVERYONE),
    ("report", lambda c, a: c.world.services.reports.indicators(a, Period.fiscal(2026)),
     EVERYONE),
    ("export ledger", lambda c, a: c.world.services.ledger.export_rows(a), EVERYONE),
    ("preview ledger", lambda c, a: c.world.services.ledger.preview(a, c.ledger), ANY_MANAGER),
    ("import ledger", lambda c, a: c.world.services.ledger.import_file(a, c.ledger),
     ANY_MANAGER),
    ("set target", lambda c, a: c.world.services.settings.set_target(
        a, 2026, "placements", 10), ANY_MANAGER),
    ("set setting", lambda c, a: c.world.services.settings.set(
        a, "referral_wait_days", 10), ADMIN),
    ("add office", lambda c, a: c.world.services.offices.add_office(
        a, f"ハローワーク{uuid.uuid4().hex[:6]}"), ANY_MANAGER),
    ("edit office", lambda c, a: c.world.services.offices.update_office(
        a, c.world.office_id, 999, OfficeInput(c.world.office_name)), ANY_MANAGER),
    ("disable office", lambda c, a: c.world.services.offices.set_active(
        a, c.world.office_id, True), ANY_MANAGER),
    ("add organisation", lambda c, a: c.world.services.organisations.add(
        a, OrganisationInput(f"組織{uuid.uuid4().hex[:6]}", head_title="所長")), ADMIN),
    ("edit organisation", lambda c, a: c.world.services.organisations.update(
        a, c.world.admin.organisation_id, 999, OrganisationInput("組織", head_title="所長")),
     ADMIN),
    ("list users", lambda c, a: c.world.services.auth.list_users(a), ANY_MANAGER),
    ("add user", lambda c, a: c.world.services.auth.add_user(
        a, f"u{uuid.uuid4().hex[:6]}", "新規 職員", "viewer", "password-123"), ADMIN),
    ("edit user", lambda c, a: c.world.services.auth.update_user(
        a, "cwb", StaffChanges(phone_extension="1234")), ADMIN),
    ("reset password", lambda c, a: c.world.services.auth.reset_password(
        a, "view", "temporary-1"), ADMIN),
    ("verify", lambda c, a: c.world.services.maintenance.verify(a), ANY_MANAGER),
    ("outreach kit of owner's caseload", lambda c, a: c.world.services.outreach.export_kit(
        a, c.ledger.with_name("kit"), "kit passphrase 1", "cwa"), EDITORS),
    ("purge list", lambda c, a: c.world.services.retention.candidates(a), ADMIN),
    ("purge", lambda c, a: c.world.services.retention.purge(a), ADMIN),
]


@pytest.fixture
def case(world: World, tmp_path: Path) -> Case:
    person = world.person(family_name="山田", family_kana="ヤマダ")
    episode = to_state(world, person, "referred")
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日\n", encoding="utf-8")
    return Case(world, person, episode, ledger, foreign_staff(world))


def foreign_staff(world: World) -> dict[str, Actor]:
    """A supervisor and a viewer of a second organisation in the same database."""
    services = world.services
    west = services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    actors = {}
    for username, role in (("sv2", "supervisor"), ("view2", "viewer")):
        user = services.auth.add_user(world.admin, username, f"西区 {role}", role, PASSWORD,
                                      west.id)
        # As a sign-in would make it (a login costs a scrypt run per test and role).
        actors[f"foreign_{role}"] = Actor(user.id, user.username, user.display_name, role,
                                          user.organisation_id)
    return actors


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


def test_another_caseworker_reaches_the_recipient_by_no_path(case: Case) -> None:
    w, other = case.world, case.world.cw_b
    assert w.services.search.search(other, "ヤマダ") == []
    assert w.services.search.search(other, "T-0001") == []
    everything = CaseloadFilter(states=("candidate", "screening", "consented", "referred",
                                        "active", "placed", "retention", "closed"))
    assert w.services.caseload.page(other, everything) == []
    assert w.services.caseload.count(other, everything) == 0
    assert all(i.person_id != case.person for i in w.services.caseload.agenda(other).items)
    assert w.services.ledger.export_rows(other) == []
    for kind in ("referral", "consent", "packet"):
        with pytest.raises(PermissionDenied):
            w.services.printing.print_document(other, kind, case.episode)
    report = w.services.reports.indicators(other, Period.fiscal(2026))
    assert "T-0001" not in str(report) and "山田" not in str(report)  # counts only
    # Once the case is shared with them, they may read it.
    w.services.persons.share_case(w.cw_a, case.person, other.user_id)
    assert [h.person_id for h in w.services.search.search(other, "ヤマダ")] == [case.person]
    assert w.services.persons.get_person(other, case.person).family_name == "山田"


@pytest.mark.parametrize("role", sorted(FOREIGN))
def test_another_organisation_reaches_the_recipient_by_no_path(case: Case, role: str) -> None:
    """A supervisor or viewer of another organisation: nothing of the case, by any path;
    their own organisation's cases stay theirs."""
    w, foreigner = case.world, case.actor(role)
    assert w.services.search.search(foreigner, "ヤマダ") == []
    assert w.services.search.search(foreigner, "T-0001") == []
    everything = CaseloadFilter(states=("candidate", "screening", "consented", "referred",
                                        "active", "placed", "retention", "closed"))
    assert w.services.caseload.page(foreigner, everything) == []
    assert w.services.caseload.count(foreigner, everything) == 0
    assert w.services.caseload.agenda(foreigner).items == ()
    assert w.services.ledger.export_rows(foreigner) == []
    assert w.services.printing.pending_referrals(foreigner) == []
    with pytest.raises(PermissionDenied, match="ほかの組織"):
        w.services.persons.get_person(foreigner, case.person)
    for kind in ("referral", "consent", "packet"):
        with pytest.raises(PermissionDenied):
            w.services.printing.print_document(foreigner, kind, case.episode)
    assert {u.username for u in w.services.auth.list_users(case.actor("foreign_supervisor"))
            } == {"sv2", "view2"}
    # Moved to the other organisation by an administrator, the case is theirs, not ours.
    sv2 = case.actor("foreign_supervisor")
    w.services.persons.assign_caseworker(w.admin, case.person, sv2.user_id)
    assert [h.person_id for h in w.services.search.search(foreigner, "ヤマダ")] == [case.person]
    assert w.services.caseload.count(foreigner, everything) == 1
    with pytest.raises(PermissionDenied):
        w.services.persons.get_person(w.supervisor, case.person)
    assert w.services.search.search(w.viewer, "ヤマダ") == []
