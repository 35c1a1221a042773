"""Attacks on the organisation boundary and on staff sessions, with the services alone (the
security review of the organisations release, round 3). Each test failed before its fix.

Two organisations in one database: the world's (中区, the case's) and 西区, whose supervisor,
caseworker and viewer try to reach the world's recipient; and staff whose account an
administrator disabled or demoted while they were signed in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, CaseShare, Episode
from desktop.services.auth import StaffChanges
from desktop.services.caseload import CaseloadFilter
from desktop.services.context import Actor
from desktop.services.errors import DomainError, NotFound, PermissionDenied
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonService
from desktop.services.reports import Period, ReportService
from tests.conftest import PASSWORD, World
from tests.services.helpers import to_state


@dataclass
class West:
    supervisor: Actor
    caseworker: Actor
    viewer: Actor


@pytest.fixture
def west(world: World) -> West:
    """A second organisation's staff, as a sign-in makes them."""
    services = world.services
    org = services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    actors = {}
    for username, role in (("sv2", "supervisor"), ("cw2", "caseworker"), ("view2", "viewer")):
        user = services.auth.add_user(world.admin, username, f"西区 {username}", role,
                                      PASSWORD, org.id)
        actors[role] = Actor(user.id, user.username, user.display_name, role,
                             user.organisation_id)
    return West(actors["supervisor"], actors["caseworker"], actors["viewer"])


def _organisation_of(world: World, person: uuid.UUID) -> uuid.UUID | None:
    return world.services.persons.get_person(world.admin, person).organisation_id


def test_a_caseworker_cannot_share_a_case_with_staff_of_another_organisation(
        world: World, west: West) -> None:
    """Before: share_case checked only that the colleague could hold cases, so a caseworker
    gave another organisation's caseworker or supervisor their recipient to read and edit."""
    person = world.person()
    for outsider in (west.caseworker, west.supervisor):
        with pytest.raises(PermissionDenied, match="ほかの組織"):
            world.services.persons.share_case(world.cw_a, person, outsider.user_id)
        with pytest.raises(PermissionDenied):
            world.services.persons.get_person(outsider, person)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(func.count(CaseShare.id))) == 0
    # Within the organisation, sharing is what it was.
    world.services.persons.share_case(world.cw_a, person, world.cw_b.user_id)
    assert world.services.persons.get_person(world.cw_b, person).family_name == "山田"


def test_a_supervisor_with_a_shared_case_of_another_organisation_cannot_move_it_over(
        world: World, west: West) -> None:
    """Before: assign_caseworker let a supervisor edit through a case share, so another
    organisation's supervisor who had a case shared with them assigned it to their own
    caseworker, and the person and their open episode moved into their organisation: a
    transfer that only an administrator may make."""
    person = world.person()
    world.services.persons.share_case(world.admin, person, west.supervisor.user_id)
    home = _organisation_of(world, person)
    for target in (west.caseworker, west.supervisor):
        with pytest.raises(PermissionDenied, match="ほかの組織"):
            world.services.persons.assign_caseworker(west.supervisor, person, target.user_id)
    assert _organisation_of(world, person) == home
    with world.services.ctx.db.read() as s:
        assert {e for e in s.scalars(select(Episode.organisation_id).where(
            Episode.person_id == person))} <= {home}
    # The administrator's transfer still works.
    world.services.persons.assign_caseworker(world.admin, person, west.caseworker.user_id)
    assert _organisation_of(world, person) == west.caseworker.organisation_id


def test_the_duplicate_check_names_no_one_the_actor_may_not_read(
        world: World, west: West) -> None:
    """Before: possible_duplicates gave any role (a viewer, another organisation's viewer)
    the name and case number of every person with a given reading and birth date, with no
    audit row: an enumeration of every organisation's recipients. Now only staff who
    register persons may ask; a match they may not read is reported without its name."""
    world.person(family_name="山田", given_name="太郎")
    ask = world.services.persons.possible_duplicates
    birth = date(1980, 4, 1)
    for reader in (world.viewer, west.viewer):
        with pytest.raises(PermissionDenied):
            ask(reader, "ヤマダ", "タロウ", birth)
    for outsider in (world.cw_b, west.caseworker, west.supervisor):
        [found] = ask(outsider, "ヤマダ", "タロウ", birth)
        assert "山田" not in found.name and "太郎" not in found.name
    [own] = ask(world.cw_a, "やまだ", "たろう", birth)
    assert own.name == "山田 太郎"


def test_a_case_number_of_another_organisation_is_answered_as_not_registered(
        world: World, west: West) -> None:
    """Before: person_by_case_number (the CLI's assign) answered 「ほかの組織のケース」 for a
    case number another organisation holds and 「登録されていません」 otherwise: whether a
    case number exists, and where, told by the message."""
    world.person()
    messages = []
    for number in ("T-0001", "T-9999"):
        with pytest.raises(NotFound) as caught:
            world.services.persons.person_by_case_number(west.supervisor, number)
        messages.append(caught.value.message.replace(number, "N"))
    assert messages[0] == messages[1]
    assert world.services.persons.person_by_case_number(world.supervisor, "T-0001")


def _ledger(path: Path, *rows: str) -> Path:
    path.write_text("ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日\n" + "".join(
        f"{r}\n" for r in rows), encoding="utf-8")
    return path


def test_a_ledger_import_cannot_add_to_or_probe_another_organisations_recipient(
        world: World, west: West, tmp_path: Path) -> None:
    """Before: a supervisor's ledger import matched case numbers against every
    organisation: a row with another organisation's case number and the right name and
    birth date added an episode to that organisation's recipient, and the preview told
    whether a guessed name and birth date were those of the case number (「新規」 against
    「氏名または生年月日が異なる」)."""
    person = world.person()
    right = _ledger(tmp_path / "right.csv",
                    "T-0001,山田 太郎,ヤマダ タロウ,1980-04-01,生活保護,2026-05-01")
    wrong = _ledger(tmp_path / "wrong.csv",
                    "T-0001,山田 花子,ヤマダ ハナコ,1985-01-01,生活保護,2026-05-01")
    ledger = world.services.ledger
    answers = []
    for path in (right, wrong):
        [row] = ledger.preview(west.supervisor, path).rows
        assert row.status == "rejected"
        answers.append(row.reasons)
    assert answers[0] == answers[1]  # the same answer whether the guess was right or not
    result = ledger.import_file(west.supervisor, right)
    assert (result.imported, result.rejected) == (0, 1)
    assert world.services.workflow.episodes_of(world.admin, person) == []
    # The organisation's own supervisor imports it as before.
    assert ledger.import_file(world.supervisor, right).imported == 1


def test_a_disabled_staff_members_open_session_stops_working(world: World) -> None:
    """Before: services trusted the Actor a sign-in made for as long as the window stayed
    open: a caseworker disabled by an administrator (on this or another PC) kept reading
    and changing their caseload until the idle lock, and a supervisor demoted to viewer
    kept assigning cases."""
    person = world.person()
    services = world.services
    services.auth.disable_user(world.admin, "cwa")
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        services.persons.get_person(world.cw_a, person)
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        services.ledger.export_rows(world.cw_a)
    # The lists show names and case numbers too: the caseload, its count, the agenda and
    # search (on its own driver connection) refuse as well.
    for read in (lambda: services.caseload.page(world.cw_a, CaseloadFilter()),
                 lambda: services.caseload.count(world.cw_a, CaseloadFilter()),
                 lambda: services.caseload.agenda(world.cw_a),
                 lambda: services.search.search(world.cw_a, "山田"),
                 lambda: services.search.search(world.cw_a, "0")):
        with pytest.raises(PermissionDenied, match="ログインし直して"):
            read()
    assert services.search.search(world.cw_b, "山田") == []  # a colleague still searches
    with pytest.raises(PermissionDenied, match="ログインし直して"):  # intake's duplicate check
        services.persons.possible_duplicates(world.cw_a, "ヤマダ", "タロウ", date(1980, 4, 1))
    # Every read of a case (a tab of a record left open: its costs, say) checks too, in
    # permissions.check_read (the second attack round of 12-02 found costs_of unchecked).
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        services.costs.costs_of(world.cw_a, person)

    other = world.person(by=world.cw_b)
    services.auth.update_user(world.admin, "sv", StaffChanges(role="viewer"))
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        services.persons.assign_caseworker(world.supervisor, other, world.admin.user_id)
    # Signed in again, the account is what the administrator made it.
    viewer = services.auth.login("sv", PASSWORD)
    assert viewer.role == "viewer"
    assert services.persons.get_person(viewer, other).family_name == "山田"
    with pytest.raises(DomainError):
        services.auth.login("cwa", PASSWORD)


def test_a_disabled_staff_members_noted_views_and_reports(world: World) -> None:
    """Views are audited by the view log after the read (a batch of its own): the read
    itself refuses a disabled account, a report too, and a view noted before the account
    was disabled is still appended, without holding up the other notes of its batch."""
    person = world.person()
    services = world.services
    views = services.ctx.views
    services.persons.get_person(world.cw_a, person)
    services.auth.disable_user(world.admin, "cwa")
    # The desktop defers the notes to its write runner: the read alone must refuse.
    desktop = replace(services.ctx, defer_views=True)
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        PersonService(desktop).get_person(world.cw_a, person)
    with pytest.raises(PermissionDenied, match="ログインし直して"):
        ReportService(desktop).indicators(world.cw_a, Period.fiscal(2026))
    assert desktop.views.pending == 0
    # A view made just before the administrator's change, its note written after it.
    views.note(world.cw_a, "view", "person", person)
    views.note(world.supervisor, "view", "person", person)
    assert views.flush(wait=True) == 0 and views.pending == 0
    with services.ctx.db.read() as s:
        usernames = s.scalars(select(AuditEntry.username).where(
            AuditEntry.action == "view", AuditEntry.entity_id == str(person))).all()
    assert usernames.count("cwa") == 2 and "sv" in usernames


def test_guessing_the_current_password_at_an_open_session_counts_towards_the_lockout(
        world: World) -> None:
    """Found in round 3: the signed-in user's password change (the GUI's パスワードの変更)
    checked the current password without counting failures, so anyone at an unlocked
    screen could try passwords without limit, learn the user's password and sign in as
    them later; and it accepted the same password as the new one, clearing a reset
    password's must-change flag without changing it."""
    auth = world.services.auth
    for _ in range(5):  # the default lockout threshold
        with pytest.raises(DomainError):
            auth.change_password(world.cw_a, "guess-password", "new-password-1")
    with pytest.raises(DomainError, match="ロック"):
        auth.change_password(world.cw_a, PASSWORD, "new-password-1")
    with pytest.raises(DomainError, match="ロック"):
        auth.login("cwa", PASSWORD)

    auth.reset_password(world.admin, "cwb", "temporary-1")
    with pytest.raises(DomainError, match="違うパスワード"):
        auth.change_password(world.cw_b, "temporary-1", "temporary-1")
    with pytest.raises(DomainError, match="初期パスワード"):
        auth.login("cwb", "temporary-1")


def test_a_caseworker_moved_to_another_organisation_takes_no_recipient_with_them(
        world: World, west: West) -> None:
    """Found in round 3: ``user edit --org`` moved a caseworker to another organisation but
    left their caseload where it was, still in their charge: from the new organisation
    they kept reading and changing the old one's recipients, and the old organisation's
    supervisor could not move that caseload (the colleague was now 「ほかの組織の職員」);
    only an administrator could. The move is refused while the caseload is theirs."""
    services = world.services
    person = world.person()
    home = world.cw_a.organisation_id
    with pytest.raises(DomainError, match="担当を移して"):
        services.auth.update_user(world.admin, "cwa", StaffChanges(
            organisation_id=west.supervisor.organisation_id))
    # Nothing changed: the account is where it was and its open session still works.
    assert services.auth.find_user(world.admin, "cwa").organisation_id == home
    assert services.persons.get_person(world.cw_a, person).caseworker_id == world.cw_a.user_id

    # Once the organisation's supervisor has moved the caseload, the move is made, and the
    # session signed in before it no longer reads the old organisation's recipient.
    services.persons.move_caseload(world.supervisor, world.cw_a.user_id, world.cw_b.user_id)
    services.auth.update_user(world.admin, "cwa", StaffChanges(
        organisation_id=west.supervisor.organisation_id))
    assert services.auth.find_user(world.admin, "cwa").organisation_id == \
        west.supervisor.organisation_id
    with pytest.raises(PermissionDenied):
        services.persons.get_person(world.cw_a, person)
    moved = Actor(world.cw_a.user_id, "cwa", world.cw_a.display_name, "caseworker",
                  west.supervisor.organisation_id)  # as a new sign-in makes them
    with pytest.raises(PermissionDenied):
        services.persons.get_person(moved, person)


def test_another_organisations_report_counts_none_of_our_cases(world: World, west: West) -> None:
    """Found in round 3: the indicator report counted every organisation's cases whoever
    ran it. A viewer of 西区 got 中区's referrals in their totals and 中区's caseworkers, by
    name, with their own counts in ``by_staff``, and the PDF put these figures under 西区's
    name as issuer. Now a non-administrator's report is their own organisation's, and
    asking for another one's is refused."""
    to_state(world, world.person(), "referred")
    ours = world.services.reports.indicators(world.supervisor, Period.fiscal(2026))
    assert ours["referrals"] == 1 and "cwa" in ours["by_staff"]
    west_name = dict(world.services.reports.organisations(world.admin))[
        west.supervisor.organisation_id]
    for outsider in (west.supervisor, west.viewer, west.caseworker):
        theirs = world.services.reports.indicators(outsider, Period.fiscal(2026))
        assert theirs["referrals"] == 0, theirs["referrals"]
        assert "cwa" not in theirs["by_staff"], theirs["by_staff"]
        assert theirs["period"]["organisation"] == west_name
        with pytest.raises(PermissionDenied):
            world.services.reports.indicators(outsider, Period.fiscal(2026),
                                              organisation_id=world.supervisor.organisation_id)
        assert world.services.reports.organisations(outsider) == [
            (outsider.organisation_id, west_name)]
    everyone = world.services.reports.indicators(world.admin, Period.fiscal(2026))
    assert everyone["referrals"] == 1 and everyone["period"]["organisation"] is None


def test_an_outreach_kit_carries_only_the_staff_and_organisations_its_records_name(
        world: World, west: West, tmp_path: Path) -> None:
    """Before: every kit held the whole staff list of every organisation in the database
    (names, user names, roles, extensions) and every organisation, on a laptop carried out
    of the office. Now: the kit's caseworker and whoever the caseload's records name (a
    colleague the case is shared with, a supervisor who assessed), and their organisations."""
    from desktop.services.employers import EmployerInput
    from desktop.services.outreach import read_kit

    services = world.services
    mine = world.person()
    services.workflow.open_episode(world.cw_a, mine, date(2026, 6, 1))
    services.persons.share_case(world.cw_a, mine, world.cw_b.user_id)
    # An employer another organisation registered is no reason to carry that organisation
    # (nor the employer) on the laptop (the second attack round of 12-02).
    services.employers.register(west.supervisor, EmployerInput("西区の協力事業所"))
    services.employers.register(world.supervisor, EmployerInput("中区の協力事業所"))
    kit = tmp_path / "kit.tsunagi-kit"
    services.outreach.export_kit(world.cw_a, kit, "kit-passphrase-1")
    _, payload = read_kit(kit, "kit-passphrase-1")
    users = {u["username"] for u in payload["records"]["users"]}
    assert users == {"cwa", "cwb"}
    organisations = {o["name"] for o in payload["records"]["organisations"]}
    assert "横浜市西区福祉保健センター" not in organisations and len(organisations) == 1
    assert payload["records"]["hello_work_offices"]  # every office, to refer to
    assert [e["name"] for e in payload["records"]["employers"]] == ["中区の協力事業所"]
