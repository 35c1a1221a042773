"""Every role against every service operation, and the other caseworker and the other
organisation against every path to a recipient's data. Enforced in the services, so tested
without the UI.

Roles: admin, supervisor, owner (the caseworker in charge), other (another caseworker),
viewer, all of the case's organisation; foreign_supervisor and foreign_viewer, of another
organisation in the same database. A role the table allows must succeed outright (a rule of
the domain refusing it would hide a permission problem); every other role must be refused
with PermissionDenied. An operation that moves an episode on gets, for each role, an
episode of its own in the state it starts from.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.services.auth import StaffChanges
from desktop.services.caseload import CaseloadFilter
from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.errors import PermissionDenied
from desktop.services.labels import CASELOAD_ROLES
from desktop.services.offices import OfficeInput
from desktop.services.organisations import OrganisationInput
from desktop.services.permissions import RULES
from desktop.services.persons import INPUT_FIELDS, PersonInput
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
    fresh: dict[str, tuple[uuid.UUID, uuid.UUID]] = field(default_factory=dict)

    def actor(self, role: str) -> Actor:
        w = self.world
        return {"admin": w.admin, "supervisor": w.supervisor, "owner": w.cw_a,
                "other": w.cw_b, "viewer": w.viewer, **self.foreign}[role]

    def own(self, role: str, state: str) -> tuple[uuid.UUID, uuid.UUID]:
        """A person of the owner's caseload with an episode in ``state``, for ``role`` alone
        (an operation that moves an episode on can succeed once per episode)."""
        if role not in self.fresh:
            person = self.world.person(case_number=f"P-{role}")
            if state == "closed":
                episode = to_state(self.world, person, "candidate")
                self.world.services.workflow.close_episode(
                    self.world.cw_a, episode, date(2026, 4, 2), "辞退")
            else:
                episode = to_state(self.world, person, state)
            self.fresh[role] = (person, episode)
        return self.fresh[role]


@dataclass(frozen=True)
class Op:
    """``run(case, actor, role)``; ``state``: the state of the episode of its own each role
    acts on (None: the shared case)."""

    run: Callable[[Case, Actor, str], Any]
    allowed: set[str]
    state: str | None = None


def _person_input(n: str) -> PersonInput:
    return PersonInput(case_number=f"M-{n}", family_name="権限", given_name="確認",
                       family_kana="ケンゲン", given_kana="カクニン",
                       birth_date=date(1990, 1, 1), category="needy")


def _update_person(c: Case, a: Actor, role: str) -> Any:
    persons = c.world.services.persons
    current = persons.get_person(c.world.admin, c.person)
    data = PersonInput(**{**{n: getattr(current, n) for n in INPUT_FIELDS},
                          "address": f"東京都新宿区{role}"})
    return persons.update_person(a, c.person, current.version, data)


def _edit_office(c: Case, a: Actor, role: str) -> Any:
    offices = c.world.services.offices
    current = next(o for o in offices.offices() if o.id == c.world.office_id)
    return offices.update_office(a, current.id, current.version,
                                 OfficeInput(current.name, address=f"住所{role}"))


def _edit_organisation(c: Case, a: Actor, role: str) -> Any:
    organisations = c.world.services.organisations
    current = organisations.get(c.world.admin.organisation_id)  # type: ignore[arg-type]
    return organisations.update(a, current.id, current.version,
                                OrganisationInput(current.name, head_title=f"所長{role}"))


def _unique(role: str) -> str:
    return f"{role[:8]}{uuid.uuid4().hex[:6]}"


OPERATIONS: dict[str, Op] = {
    # reading a recipient
    "get_person": Op(lambda c, a, r: c.world.services.persons.get_person(a, c.person), READERS),
    "episodes_of": Op(lambda c, a, r: c.world.services.workflow.episodes_of(a, c.person),
                      READERS),
    "timeline": Op(lambda c, a, r: c.world.services.workflow.timeline(a, c.episode), READERS),
    "available_actions": Op(
        lambda c, a, r: c.world.services.workflow.available_actions(a, c.episode), READERS),
    "consents": Op(lambda c, a, r: c.world.services.consent.consents(a, c.episode), READERS),
    "referrals": Op(lambda c, a, r: c.world.services.records.referrals(a, c.episode), READERS),
    "current_plan": Op(lambda c, a, r: c.world.services.records.current_plan(a, c.episode),
                       READERS),
    "contacts": Op(lambda c, a, r: c.world.services.records.contacts(a, c.episode), READERS),
    "draft referral": Op(lambda c, a, r: c.world.services.printing.draft(
        a, "referral", c.episode), READERS),
    "print consent": Op(lambda c, a, r: c.world.services.printing.print_document(
        a, "consent", c.episode), READERS),
    # issuing takes a number of the register and marks the referral sent: a change
    "issue referral": Op(lambda c, a, r: c.world.services.printing.issue(
        a, "referral", c.episode), EDITORS),
    "print packet": Op(lambda c, a, r: c.world.services.printing.print_document(
        a, "packet", c.episode), EDITORS),
    # changing a recipient's record
    "update_person": Op(_update_person, EDITORS),
    "share_case": Op(lambda c, a, r: c.world.services.persons.share_case(
        a, c.person, c.world.supervisor.user_id), EDITORS),
    "add_contact": Op(lambda c, a, r: c.world.services.workflow.add_contact(
        a, c.episode, ContactInput(date(2026, 6, 1), "phone", "電話で確認")), EDITORS),
    "record_consent": Op(lambda c, a, r: c.world.services.consent.record_consent(
        a, c.episode, ConsentInput("participation", date(2026, 6, 1))), EDITORS),
    "accept_referral": Op(lambda c, a, r: c.world.services.workflow.accept_referral(
        a, c.own(r, "referred")[1], date(2026, 6, 1), plan()), EDITORS, "referred"),
    "record_placement": Op(lambda c, a, r: c.world.services.workflow.record_placement(
        a, c.own(r, "active")[1], placement(date(2026, 6, 2))), EDITORS, "active"),
    "open_episode": Op(lambda c, a, r: c.world.services.workflow.open_episode(
        a, c.own(r, "closed")[0], date(2026, 6, 3)), EDITORS, "closed"),
    "close_episode": Op(lambda c, a, r: c.world.services.workflow.close_episode(
        a, c.own(r, "referred")[1], date(2026, 6, 10), "辞退"), EDITORS, "referred"),
    # office-level work
    "assignment history": Op(lambda c, a, r: c.world.services.persons.assignment_history(
        a, c.person), READERS),
    "create_person": Op(lambda c, a, r: c.world.services.persons.create_person(
        a, _person_input(_unique(r))), STAFF),
    "assign_caseworker": Op(lambda c, a, r: c.world.services.persons.assign_caseworker(
        a, c.own(r, "candidate")[0], c.world.cw_b.user_id), MANAGERS, "candidate"),
    "move caseload": Op(lambda c, a, r: c.world.services.persons.move_caseload(
        a, c.world.cw_a.user_id, c.world.cw_b.user_id, dry_run=True), MANAGERS),
    "search": Op(lambda c, a, r: c.world.services.search.search(a, "ヤマダ"), EVERYONE),
    "caseload": Op(lambda c, a, r: c.world.services.caseload.page(a, CaseloadFilter()),
                   EVERYONE),
    "agenda": Op(lambda c, a, r: c.world.services.caseload.agenda(a), EVERYONE),
    "report": Op(lambda c, a, r: c.world.services.reports.indicators(a, Period.fiscal(2026)),
                 EVERYONE),
    "export ledger": Op(lambda c, a, r: c.world.services.ledger.export_rows(a), EVERYONE),
    "preview ledger": Op(lambda c, a, r: c.world.services.ledger.preview(a, c.ledger),
                         ANY_MANAGER),
    "import ledger": Op(lambda c, a, r: c.world.services.ledger.import_file(a, c.ledger),
                        ANY_MANAGER),
    "set target": Op(lambda c, a, r: c.world.services.settings.set_target(
        a, 2026, "placements", 10), ANY_MANAGER),
    "set targets": Op(lambda c, a, r: c.world.services.settings.set_targets(
        a, 2026, {"placements": 10, "placement_rate": 0.5}), ANY_MANAGER),
    "set setting": Op(lambda c, a, r: c.world.services.settings.set(
        a, "referral_wait_days", 10), ADMIN),
    "add office": Op(lambda c, a, r: c.world.services.offices.add_office(
        a, f"ハローワーク{_unique(r)}"), ANY_MANAGER),
    "edit office": Op(_edit_office, ANY_MANAGER),
    "disable office": Op(lambda c, a, r: c.world.services.offices.set_active(
        a, c.world.office_id, True), ANY_MANAGER),
    "add organisation": Op(lambda c, a, r: c.world.services.organisations.add(
        a, OrganisationInput(f"組織{_unique(r)}", head_title="所長")), ADMIN),
    "edit organisation": Op(_edit_organisation, ADMIN),
    "list users": Op(lambda c, a, r: c.world.services.auth.list_users(a), ANY_MANAGER),
    "add user": Op(lambda c, a, r: c.world.services.auth.add_user(
        a, _unique(r), "新規 職員", "viewer", "password-123"), ADMIN),
    "edit user": Op(lambda c, a, r: c.world.services.auth.update_user(
        a, "cwb", StaffChanges(phone_extension="1234")), ADMIN),
    "reset password": Op(lambda c, a, r: c.world.services.auth.reset_password(
        a, "view", "temporary-1"), ADMIN),
    "verify": Op(lambda c, a, r: c.world.services.maintenance.verify(a), ANY_MANAGER),
    "outreach kit of owner's caseload": Op(lambda c, a, r: c.world.services.outreach.export_kit(
        a, c.ledger.with_name(f"kit-{r}"), "kit passphrase 1", "cwa"), EDITORS),
    "purge list": Op(lambda c, a, r: c.world.services.retention.candidates(a), ADMIN),
    "purge": Op(lambda c, a, r: c.world.services.retention.purge(a), ADMIN),
}


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


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_permission_matrix(case: Case, name: str) -> None:
    op = OPERATIONS[name]
    if op.state is not None:
        for role in ROLES:  # made before anyone acts: the setup is the owner's doing
            case.own(role, op.state)
    refused = set()
    for role in ROLES:
        try:
            op.run(case, case.actor(role), role)
        except PermissionDenied:
            refused.add(role)
    # Anything but PermissionDenied from an allowed role fails the test by itself.
    assert EVERYONE - refused == op.allowed


def test_the_screens_role_rules_are_the_services_rules() -> None:
    """What the screens show or enable comes from permissions.RULES; the services enforce
    the same table (here, for the rules the matrix covers)."""
    covered = {"import_ledger": "import ledger", "set_targets": "set targets",
               "list_staff": "list users", "manage_users": "add user",
               "manage_offices": "add office", "change_settings": "set setting",
               "register_persons": "create_person", "assign_caseworker": "assign_caseworker",
               "verify": "verify", "purge": "purge"}
    by_role = {"admin": "admin", "supervisor": "supervisor", "owner": "caseworker",
               "other": "caseworker", "viewer": "viewer", "foreign_supervisor": "supervisor",
               "foreign_viewer": "viewer"}
    for rule, operation in covered.items():
        allowed_roles = {by_role[r] for r in OPERATIONS[operation].allowed}
        # The matrix's caseworker stands for every role with a caseload (相談支援員 and
        # 就労支援員 too): a rule names all of them or none.
        named, caseload = set(RULES[rule]), set(CASELOAD_ROLES)
        assert not named & caseload or caseload <= named, rule
        assert {"caseworker" if r in CASELOAD_ROLES else r for r in named} == allowed_roles, rule


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
