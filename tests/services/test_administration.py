"""Running an office: organisations, Hello Work offices, staff and their passwords, and
who is in charge of each case (担当), with every change audited."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.models import AuditEntry, CaseAssignment, Episode, Person
from desktop.services.auth import StaffChanges
from desktop.services.caseload import CaseloadFilter
from desktop.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    PasswordChangeRequired,
    PermissionDenied,
    StaleRecord,
)
from desktop.services.offices import Navigator, OfficeInput
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonInput
from tests.conftest import PASSWORD, Clock, World
from tests.services.helpers import to_state

WEST = OrganisationInput("横浜市西区福祉保健センター", head_title="西区福祉保健センター長",
                         doc_symbol="西福", phone="045-320-8484", postal_code="2200051",
                         address="横浜市西区中央1-5-10")


def _person(n: int) -> PersonInput:
    return PersonInput(f"A-{n}", "代田", "花子", "シロタ", "ハナコ", date(1985, 5, 1),
                       "public_assistance")


def _audits(world: World, action: str) -> int:
    with world.services.ctx.db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == action)) or 0


# ---------------------------------------------------------------- organisations


def test_organisation_identity_is_validated_normalised_and_audited(world: World) -> None:
    orgs = world.services.organisations
    west = orgs.add(world.admin, WEST)
    assert (west.postal_code, west.doc_symbol, west.seal_omitted) == ("220-0051", "西福", True)
    for bad, field in ((OrganisationInput(""), "name"),
                       (OrganisationInput("X", head_title=""), "head_title"),
                       (OrganisationInput("X", kind="city_hall", head_title="長"), "kind"),
                       (OrganisationInput("X", head_title="長", fax="123"), "fax"),
                       (OrganisationInput("X", head_title="長", doc_symbol="中 福"), "doc_symbol"),
                       # The same name in full-width with a space is the same organisation.
                       (OrganisationInput("横浜市西区　福祉保健センター", head_title="長"), "name")):
        with pytest.raises(InvalidInput) as caught:
            orgs.add(world.admin, bad)
        assert caught.value.field == field
    assert len(orgs.organisations()) == 2
    changed = orgs.update(world.admin, west.id, west.version,
                          OrganisationInput(WEST.name, head_title=WEST.head_title,
                                            head_name="西 太郎", seal_omitted=False))
    assert changed.head_name == "西 太郎" and not changed.seal_omitted
    with pytest.raises(StaleRecord):
        orgs.update(world.admin, west.id, west.version, WEST)  # the version read before
    assert _audits(world, "update") >= 1
    assert orgs.find("横浜市西区 福祉保健センター").id == west.id
    with pytest.raises(NotFound, match="横浜市西区福祉保健センター"):
        orgs.find("横浜市北区")  # the message lists the registered ones


# ---------------------------------------------------------------- Hello Work offices


def test_office_identity_navigators_and_the_addressee(world: World) -> None:
    offices = world.services.offices
    office = offices.register_office(world.supervisor, OfficeInput(
        "ハローワーク横浜", official_name="横浜公共職業安定所", head_title="横浜公共職業安定所長",
        phone="０４５－６６３－８６０９", navigators=(Navigator("田島 聡子", "045-663-8610"),
                                                Navigator("", ""), Navigator("小松 宏"))))
    assert office.phone == "045-663-8609" and office.addressee == "横浜公共職業安定所長"
    assert office.navigators == (Navigator("田島 聡子", "045-663-8610"), Navigator("小松 宏"))
    assert office.navigator == "田島 聡子、小松 宏"
    with pytest.raises(InvalidInput, match="ナビゲーターの氏名"):
        offices.register_office(world.admin, OfficeInput(
            "ハローワーク戸塚", navigators=(Navigator("", "045-864-8609"),)))
    with pytest.raises(InvalidInput, match="既に登録"):
        offices.register_office(world.admin, OfficeInput("ﾊﾛｰﾜｰｸ横浜"))  # half-width kana
    with pytest.raises(PermissionDenied):
        offices.register_office(world.cw_a, OfficeInput("ハローワーク鶴見"))


def test_a_used_office_keeps_its_name_and_is_disabled_not_deleted(world: World) -> None:
    offices, wf = world.services.offices, world.services.workflow
    unused = offices.add_office(world.admin, "ハローワーク品川")
    renamed = offices.update_office(world.admin, unused.id, unused.version, OfficeInput(
        "ハローワーク品川（仮）", official_name="品川公共職業安定所"))
    assert renamed.name == "ハローワーク品川（仮）"
    # The world's office is named by a consent and a referral: its name stays.
    episode = to_state(world, world.person(), "referred")
    used = next(o for o in offices.offices() if o.id == world.office_id)
    with pytest.raises(InvalidInput, match="名称は変えられません"):
        offices.update_office(world.admin, used.id, used.version,
                              OfficeInput("ハローワーク新宿（新）"))
    corrected = offices.update_office(world.admin, used.id, used.version, OfficeInput(
        used.name, official_name="新宿公共職業安定所", head_title="新宿公共職業安定所長"))
    assert corrected.addressee == "新宿公共職業安定所長"

    offices.set_active(world.admin, world.office_id, False)
    assert world.office_id not in [o.id for o in offices.offices()]
    assert world.office_id in [o.id for o in offices.offices(include_inactive=True)]
    # The past referral still prints; a new one to the disabled office is refused.
    assert world.services.printing.print_document(world.cw_a, "referral", episode).pdf
    other = to_state(world, world.person(), "consented")
    with pytest.raises(InvalidInput, match="無効"):
        wf.refer_to_hello_work(world.cw_a, other, world.office_id, date(2026, 6, 1))
    assert _audits(world, "office_disable") == 1


# ---------------------------------------------------------------- staff and passwords


def test_an_initial_password_opens_nothing_until_it_is_changed(world: World,
                                                                clock: Clock) -> None:
    auth = world.services.auth
    added = auth.add_user(world.admin, "kato", "加藤 誠", "caseworker", "initial-pass-1",
                          phone_extension="内線 2345")
    assert added.must_change_password and added.phone_extension == "2345"
    with pytest.raises(PasswordChangeRequired):
        auth.login("kato", "initial-pass-1")
    with pytest.raises(AuthenticationFailed):  # the message never tells a wrong password apart
        auth.change_initial_password("kato", "wrong-password", "kato-own-pass")
    with pytest.raises(InvalidInput, match="違うパスワード"):
        auth.change_initial_password("kato", "initial-pass-1", "initial-pass-1")
    actor = auth.change_initial_password("kato", "initial-pass-1", "kato-own-pass")
    assert actor.username == "kato" and actor.organisation_id == world.admin.organisation_id
    assert auth.login("kato", "kato-own-pass").user_id == actor.user_id
    # The administrator's reset: a temporary password, changed at the next sign-in.
    auth.reset_password(world.admin, "kato", "temporary-pass")
    with pytest.raises(PasswordChangeRequired):
        auth.login("kato", "temporary-pass")
    with pytest.raises(AuthenticationFailed):
        auth.login("kato", "kato-own-pass")


def test_changing_an_initial_password_counts_towards_the_lockout(world: World) -> None:
    auth = world.services.auth
    auth.add_user(world.admin, "kato", "加藤 誠", "caseworker", "initial-pass-1")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.change_initial_password("kato", "guess-password", "new-password-1")
    with pytest.raises(AuthenticationFailed, match="ロック"):
        auth.change_initial_password("kato", "initial-pass-1", "new-password-1")


def test_staff_edit_organisation_extension_and_scope(world: World) -> None:
    auth, orgs = world.services.auth, world.services.organisations
    west = orgs.add(world.admin, WEST)
    auth.add_user(world.admin, "sv2", "西区 査察指導", "supervisor", PASSWORD, west.id)
    changed = auth.update_user(world.admin, "cwb", StaffChanges(
        display_name="石原 正人", organisation_id=west.id, phone_extension="3456"))
    assert (changed.organisation_name, changed.phone_extension) == (WEST.name, "3456")
    with pytest.raises(InvalidInput, match="自分自身"):
        auth.update_user(world.admin, "admin", StaffChanges(role="supervisor"))
    with pytest.raises(InvalidInput, match="内線"):
        auth.update_user(world.admin, "cwb", StaffChanges(phone_extension="二三四"))
    # A supervisor lists their own organisation's staff only.
    assert {u.username for u in auth.list_users(world.supervisor)} == {
        "admin", "sv", "cwa", "view"}
    with pytest.raises(NotFound):
        auth.find_user(world.supervisor, "sv2")
    assert len(auth.list_users(world.admin)) == 6


# ---------------------------------------------------------------- assignment (担当)


def test_intake_assigns_the_caseworker_and_records_the_day(world: World) -> None:
    wf, persons = world.services.workflow, world.services.persons
    own, _ = wf.intake(world.cw_a, _person(1), date(2026, 6, 1))
    assert own.caseworker_id == world.cw_a.user_id  # a caseworker: always themselves
    chosen, episode = wf.intake(world.admin, _person(2), date(2026, 6, 2),
                                caseworker_id=world.cw_b.user_id)
    assert chosen.caseworker_id == world.cw_b.user_id
    (line,) = persons.assignment_history(world.admin, chosen.id)
    assert (line.effective_on, line.caseworker_name, line.reason, line.recorded_by) == (
        date(2026, 6, 2), "石原 正人", "intake", "管理 者")
    with world.services.ctx.db.read() as s:
        row = s.scalars(select(CaseAssignment).where(CaseAssignment.person_id == chosen.id)).one()
        assert row.episode_id == episode.id
        assert s.get(Episode, episode.id).organisation_id == world.admin.organisation_id  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="閲覧のみ"):
        wf.intake(world.admin, _person(3), date(2026, 6, 2), caseworker_id=world.viewer.user_id)
    world.services.auth.disable_user(world.admin, "cwb")
    with pytest.raises(InvalidInput, match="無効"):
        wf.intake(world.admin, _person(4), date(2026, 6, 2), caseworker_id=world.cw_b.user_id)
    choices = persons.assignable_staff(world.supervisor)
    assert {c.username for c in choices} == {"admin", "sv", "cwa"}  # active, not viewers
    assert [c.username for c in persons.assignable_staff(world.cw_a)] == ["cwa"]


def test_reassignment_moves_the_case_and_is_shown_in_the_history(world: World,
                                                                  clock: Clock) -> None:
    persons = world.services.persons
    person = world.person(by=world.cw_a)
    clock.advance(days=10)
    done = persons.assign_caseworker(world.supervisor, person, world.cw_b.user_id)
    assert (done.previous_caseworker_name, done.caseworker_name, done.reason) == (
        "青山 里美", "石原 正人", "reassign")
    assert done.effective_on == date(2026, 6, 25)
    history = persons.assignment_history(world.cw_b, person)
    assert [(h.reason, h.caseworker_name) for h in history] == [
        ("intake", "青山 里美"), ("reassign", "石原 正人")]
    with pytest.raises(PermissionDenied):
        persons.get_person(world.cw_a, person)
    with pytest.raises(InvalidInput, match="既に"):
        persons.assign_caseworker(world.supervisor, person, world.cw_b.user_id)
    assert _audits(world, "assign") == 1


def test_a_whole_caseload_moves_after_a_preview(world: World) -> None:
    persons, caseload = world.services.persons, world.services.caseload
    moving = [world.person(by=world.cw_a, case_number=f"M-{i}") for i in range(3)]
    to_state(world, moving[0], "referred")
    staying = world.person(by=world.cw_b, case_number="S-1")
    preview = persons.move_caseload(world.supervisor, world.cw_a.user_id, world.cw_b.user_id,
                                    dry_run=True)
    assert (preview.applied, [c.case_number for c in preview.cases]) == (
        False, ["M-0", "M-1", "M-2"])
    assert preview.cases[0].state == "referred" and preview.cases[1].state is None
    assert caseload.count(world.cw_a, CaseloadFilter(states=("referred",))) == 1  # unchanged
    moved = persons.move_caseload(world.supervisor, world.cw_a.user_id, world.cw_b.user_id)
    assert moved.applied and len(moved.cases) == 3
    assert caseload.count(world.cw_a, CaseloadFilter(states=("referred",))) == 0
    assert caseload.count(world.cw_b, CaseloadFilter(states=("referred",))) == 1
    with world.services.ctx.db.read() as s:
        owners = dict(s.execute(select(Person.case_number, Person.caseworker_id)).all())
    assert {owners[n] for n in ("M-0", "M-1", "M-2", "S-1")} == {world.cw_b.user_id}
    assert persons.assignment_history(world.cw_b, moving[2])[-1].reason == "transfer"
    assert persons.assignment_history(world.cw_b, staying)[-1].reason == "intake"
    assert _audits(world, "assign") == 3 and _audits(world, "caseload_move") == 1
    with pytest.raises(InvalidInput, match="同じ職員"):
        persons.move_caseload(world.admin, world.cw_b.user_id, world.cw_b.user_id)


def test_a_caseload_moves_from_a_departed_colleague_but_never_to_one(world: World) -> None:
    persons = world.services.persons
    world.person(by=world.cw_a)
    world.services.auth.disable_user(world.admin, "cwa")  # left in March
    assert persons.move_caseload(world.admin, world.cw_a.user_id,
                                 world.cw_b.user_id).applied
    with pytest.raises(InvalidInput, match="無効"):
        persons.move_caseload(world.admin, world.cw_b.user_id, world.cw_a.user_id)


def test_a_supervisor_moves_cases_only_within_their_organisation(world: World) -> None:
    auth, persons = world.services.auth, world.services.persons
    west = world.services.organisations.add(world.admin, WEST)
    auth.add_user(world.admin, "cw9", "西区 担当", "caseworker", PASSWORD, west.id)
    cw9 = auth.find_user(world.admin, "cw9")
    person = world.person(by=world.cw_a)
    with pytest.raises(PermissionDenied, match="ほかの組織"):
        persons.assign_caseworker(world.supervisor, person, cw9.id)
    with pytest.raises(PermissionDenied, match="ほかの組織"):
        persons.move_caseload(world.supervisor, world.cw_a.user_id, cw9.id, dry_run=True)
    # An administrator transfers the case: the person and their open episode go with it.
    episode = to_state(world, person, "consented")
    persons.assign_caseworker(world.admin, person, cw9.id)
    with world.services.ctx.db.read() as s:
        assert s.get(Person, person).organisation_id == west.id  # type: ignore[union-attr]
        assert s.get(Episode, episode).organisation_id == west.id  # type: ignore[union-attr]
    assert persons.assignment_history(world.admin, person)[-1].organisation_name == WEST.name
    with pytest.raises(PermissionDenied):
        persons.get_person(world.supervisor, person)


def test_the_referral_prints_the_episodes_organisation_and_the_offices_head(
        world: World) -> None:
    orgs, offices = world.services.organisations, world.services.offices
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "横浜市中区福祉保健センター", head_title="中区福祉保健センター長", head_name="山本 一郎",
        postal_code="231-0021", address="横浜市中区日本大通35", phone="045-224-8181",
        fax="045-224-8189", doc_symbol="中福"))
    office = next(o for o in offices.offices() if o.id == world.office_id)
    offices.update_office(world.admin, office.id, office.version, OfficeInput(
        office.name, official_name="新宿公共職業安定所", head_title="新宿公共職業安定所長"))
    world.services.auth.update_user(world.admin, "cwa", StaffChanges(phone_extension="2345"))
    episode = to_state(world, world.person(), "referred")
    pdf = world.services.printing.print_document(world.cw_a, "referral", episode).pdf
    text = "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for expected in ("中福第1号", "新宿公共職業安定所長殿", "横浜市中区福祉保健センター",
                     "中区福祉保健センター長山本一郎", "（公印省略）", "青山里美（内線2345）",
                     "045-224-8181", "045-224-8189", "〒231-0021横浜市中区日本大通35"):
        assert expected in text, expected
    assert "ハローワーク新宿長" not in text
