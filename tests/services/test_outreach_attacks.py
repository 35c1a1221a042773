"""The outreach attacks of the security review (item 1), run against kits built with the
product's own read_kit/write_kit: a caseworker who holds their kit's passphrase decrypts the
return kit, edits it and seals it again, or plants a look-alike of a colleague's recipient."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from desktop.config import Config
from desktop.models import AuditEntry, ContactLog, Person, Setting
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.errors import DomainError, PermissionDenied
from desktop.services.outreach import KitInvalid, read_kit, write_kit
from desktop.services.persons import PersonInput
from desktop.services.workflow import ContactInput
from tests.conftest import PASSWORD, Clock, World, accept_initial_passwords
from tests.services.test_outreach import KIT_PASS, laptop_factory  # noqa: F401 (fixture)

COLLEAGUE = dict(case_number="COL-1", family_name="別所", given_name="一郎", family_kana="ベッショ",
                 given_kana="イチロウ", birth_date=date(1975, 5, 5))


def _counts(world: World) -> tuple[int, ...]:
    with world.services.ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (Person, ContactLog))


@pytest.fixture
def trip(world: World, tmp_path: Path, laptop_factory):  # type: ignore[no-untyped-def]  # noqa: F811
    """cw_a's kit taken out and brought back with one contact added; cw_b's recipient V
    (open episode) stays at the office."""
    office = world.services
    mine = world.person(case_number="MINE-1")
    office.workflow.open_episode(world.cw_a, mine, date(2026, 6, 1))
    colleague = world.person(by=world.cw_b, **COLLEAGUE)
    colleague_ep = office.workflow.open_episode(world.cw_b, colleague, date(2026, 6, 1)).id
    kit = tmp_path / "out.tsunagi-kit"
    office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()
    lwf = laptop.services.workflow
    lwf.add_contact(me, lwf.episodes_of(me, mine)[0].id,
                    ContactInput(date(2026, 6, 15), "interview", "出張先で面談"))
    return world, laptop, me, mine, colleague, colleague_ep


def _return(laptop: Any, me: Any, path: Path) -> Path:
    laptop.services.outreach.export_kit(me, path, KIT_PASS)
    return path


def _edited(path: Path, edit: Callable[[dict[str, Any], dict[str, Any]], None]) -> Path:
    """Decrypt with the passphrase the caseworker knows, edit, seal again."""
    header, payload = read_kit(path, KIT_PASS)
    edit(header, payload)
    for key in ("format", "kdf", "nonce"):
        header.pop(key, None)
    out = path.with_name(f"edited-{path.name}")
    write_kit(out, header, payload, KIT_PASS)
    return out


def _row(world: World, table: Any, record_id: uuid.UUID) -> dict[str, Any]:
    from desktop.services.outreach import _rows

    with world.services.ctx.db.read() as s:
        return _rows(s, table.__table__, table.id == record_id)[0]


def test_a_look_alike_of_a_colleagues_recipient_is_neither_named_nor_merged(
        trip: Any, tmp_path: Path) -> None:
    world, laptop, me, _mine, colleague, _ = trip
    twin, _ep = laptop.services.workflow.intake(me, PersonInput(
        case_number="LAP-1", category="other", **{k: v for k, v in COLLEAGUE.items()
                                                  if k != "case_number"}), date(2026, 6, 15))
    back = _return(laptop, me, tmp_path / "back.tsunagi-kit")
    plan = world.services.outreach.plan_import(world.cw_a, back, KIT_PASS)
    assert [c for c in plan.conflicts if c.kind == "possible_duplicate"] == []
    assert "COL-1" not in json.dumps([c.summary for c in plan.conflicts], ensure_ascii=False)
    # Asking to merge anyway changes nothing: the look-alike is kept apart.
    result = world.services.outreach.apply_import(world.cw_a, back, KIT_PASS,
                                                  {f"persons:{twin.id}": "merge"})
    assert result.merged_persons == 0
    with pytest.raises(PermissionDenied):
        world.services.persons.get_person(world.cw_a, colleague)
    found = world.services.search.search(world.cw_a, "ベッショ")
    assert [h.case_number for h in found] == ["LAP-1"]
    assert world.services.maintenance.verify(world.admin).ok


def test_a_case_share_smuggled_into_the_return_kit_is_not_applied(trip: Any,
                                                                  tmp_path: Path) -> None:
    world, laptop, me, _mine, colleague, _ = trip

    def share(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        payload["records"].setdefault("case_shares", []).append({
            "id": str(uuid.uuid4()), "version": 1, "created_at": "2026-06-15T03:00:00",
            "updated_at": "2026-06-15T03:00:00", "origin": "laptop", "deleted_at": None,
            "created_by": None, "updated_by": None, "person_id": str(colleague),
            "user_id": str(world.cw_a.user_id)})

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), share)
    world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    with pytest.raises(PermissionDenied):
        world.services.persons.get_person(world.cw_a, colleague)
    with pytest.raises(PermissionDenied):
        world.services.printing.print_document(world.cw_a, "referral", trip[5])


_LAPTOP_ROW = {"version": 1, "created_at": "2026-06-15T03:00:00",
               "updated_at": "2026-06-15T03:00:00", "origin": "laptop", "deleted_at": None,
               "created_by": None, "updated_by": None}


@pytest.mark.parametrize("edit", ["colleague_person", "colleague_contact", "colleague_episode",
                                  "colleague_hello_work_activity", "colleague_reassignment"])
def test_a_return_kit_reaching_outside_the_caseload_is_refused_whole(
        trip: Any, tmp_path: Path, edit: str) -> None:
    world, laptop, me, _mine, colleague, colleague_ep = trip
    person_row = _row(world, Person, colleague)
    before = _counts(world)

    def tamper(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        records = payload["records"]
        if edit == "colleague_person":  # overwrite the colleague's recipient, and take them
            records.setdefault("persons", []).append({
                **person_row, "family_name": "改竄", "caseworker_id": str(world.cw_a.user_id),
                "version": person_row["version"] + 1})
            payload["base"].setdefault("persons", {})[str(colleague)] = person_row["version"]
        elif edit == "colleague_contact":
            records.setdefault("contact_logs", []).append({
                "id": str(uuid.uuid4()), "version": 1, "created_at": "2026-06-15T03:00:00",
                "updated_at": "2026-06-15T03:00:00", "origin": "laptop", "deleted_at": None,
                "created_by": None, "updated_by": None, "episode_id": str(colleague_ep),
                "contact_on": "2026-06-15", "kind": "phone", "staff_id": None,
                "content": "担当外の記録", "next_action": "", "next_action_due": None,
                "next_action_done_on": None, "attendees_welfare": "",
                "attendees_hello_work": "", "decisions": "", "next_review_on": None})
        elif edit == "colleague_hello_work_activity":  # found in the attack round of 12-02
            records.setdefault("hello_work_activities", []).append({
                **_LAPTOP_ROW, "id": str(uuid.uuid4()), "episode_id": str(colleague_ep),
                "office_id": str(world.office_id), "kind": "consultation",
                "activity_on": "2026-06-14", "end_on": None, "company": "", "job_title": "",
                "title": "", "result": None, "note": "担当外のケースに書き込み",
                "source": "manual", "placement_id": None, "dismissed_on": None})
        elif edit == "colleague_reassignment":  # (idem): attribution in the reports
            records.setdefault("episode_reassignments", []).append({
                **_LAPTOP_ROW, "id": str(uuid.uuid4()), "episode_id": str(colleague_ep),
                "valid_from": "2026-06-01", "valid_to": None,
                "caseworker_id": str(me.user_id), "organisation_id": None})
        else:  # a new episode for the colleague's recipient
            row = next(iter(records["contact_logs"]))
            records.setdefault("episodes", []).append({
                "id": str(uuid.uuid4()), "version": 1, "created_at": row["created_at"],
                "updated_at": row["updated_at"], "origin": "laptop", "deleted_at": None,
                "created_by": None, "updated_by": None, "person_id": str(colleague),
                "state": "candidate", "state_since": "2026-06-15", "intake_on": "2026-06-15",
                "screening_decision": None, "screening_decided_on": None,
                "screening_meeting": "", "support_start_on": None, "planned_end_on": None,
                "closed_on": None, "closure_reason": None, "note": ""})

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), tamper)
    with pytest.raises(KitInvalid, match="担当ケース以外"):
        world.services.outreach.plan_import(world.cw_a, back, KIT_PASS)
    with pytest.raises(KitInvalid, match="何も取り込んでいません"):
        world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    assert _counts(world) == before
    assert world.services.persons.get_person(world.cw_b, colleague).family_name == "別所"


def test_caseworker_assignment_never_travels_back(trip: Any, tmp_path: Path) -> None:
    world, laptop, me, mine, _colleague, _ = trip

    def reassign(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        row = _row(world, Person, mine)
        payload["records"].setdefault("persons", []).append({
            **row, "caseworker_id": str(world.cw_b.user_id), "address": "新宿区",
            "version": row["version"] + 1})

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), reassign)
    world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {"persons:x": "laptop"})
    with world.services.ctx.db.read() as s:
        person = s.get(Person, mine)
        assert person is not None and person.caseworker_id == world.cw_a.user_id
        assert person.address == "新宿区"  # the kit's other change is applied
    assert world.services.maintenance.verify(world.admin).ok


def test_a_return_kit_cannot_move_a_case_to_another_organisation(trip: Any,
                                                                 tmp_path: Path) -> None:
    """(The second attack round of 12-02.) A return kit edited to name another
    organisation on the person and episode moved the recipient there: its viewer read them
    and their own supervisor was refused. The organisation never comes back from a kit, and
    a person made on the laptop takes the caseworker's."""
    from desktop.models import Episode
    from desktop.services.organisations import OrganisationInput

    world, laptop, me, mine, _colleague, _ = trip
    west = world.services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    own = world.services.persons.get_person(world.admin, mine).organisation_id

    def move(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        records = payload["records"]
        row = _row(world, Person, mine)
        records.setdefault("persons", []).append({
            **row, "organisation_id": str(west.id), "address": "西区", "version": row["version"] + 1})
        for episode in [r for r in records.get("episodes", []) if r["person_id"] == str(mine)]:
            episode["organisation_id"] = str(west.id)

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), move)
    world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {"persons:x": "laptop"})
    with world.services.ctx.db.read() as s:
        person = s.get(Person, mine)
        assert person is not None and person.organisation_id == own and person.address == "西区"
        assert {e.organisation_id for e in s.scalars(
            select(Episode).where(Episode.person_id == mine))} == {own}
    assert world.services.persons.get_person(world.supervisor, mine).family_name
    assert world.services.maintenance.verify(world.admin).ok


@pytest.mark.parametrize("edit", ["caseworker", "kit_id", "installation"])
def test_an_edited_header_is_refused(trip: Any, tmp_path: Path, edit: str) -> None:
    world, laptop, me, *_ = trip

    def tamper(header: dict[str, Any], _payload: dict[str, Any]) -> None:
        if edit == "caseworker":
            header["caseworker"] = "cwb"
        elif edit == "kit_id":
            header["kit_id"] = str(uuid.uuid4())
        else:
            header["installation"] = str(uuid.uuid4())

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), tamper)
    before = _counts(world)
    message = "担当者" if edit == "caseworker" else "この事務所のものではありません"
    with pytest.raises(KitInvalid, match=message):
        world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    assert _counts(world) == before


def test_laptop_audit_rows_are_re_signed_never_trusted(trip: Any, tmp_path: Path) -> None:
    world, laptop, me, *_ = trip

    def forge(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        payload["audit"] = [{  # the laptop's own rows dropped, one forged in their place
            "seq": 1, "at": "2026-06-15T03:00:00", "user_id": str(world.admin.user_id),
            "username": "admin", "action": "user_create", "entity": "user",
            "entity_id": str(world.admin.user_id), "detail": "{}", "origin": "office",
            "prev_hash": "0" * 64, "hash": "f" * 64}]

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), forge)
    with world.services.ctx.db.read() as s:
        last = s.scalar(select(func.max(AuditEntry.seq)))
    world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    with world.services.ctx.db.read() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > last)))
    received = [r for r in rows if r.action == "outreach_received"]
    assert len(received) == 1
    assert received[0].username == "cwa"  # who imported it, not who the kit claims
    assert '"username":"admin"' in received[0].detail  # the claim, kept as a claim
    assert not any(r.action == "user_create" for r in rows)
    assert world.services.maintenance.verify(world.admin).ok


def test_a_merge_keeps_one_open_episode_per_person(world: World, tmp_path: Path,
                                                   laptop_factory) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    office = world.services
    mine = world.person(case_number="OPEN-1", family_name="重複", family_kana="チョウフク",
                        birth_date=date(1970, 1, 1))
    office.workflow.open_episode(world.cw_a, mine, date(2026, 6, 1))
    kit = tmp_path / "out.tsunagi-kit"
    office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()
    look, _ = laptop.services.workflow.intake(me, PersonInput(
        case_number="LAP-2", family_name="重複", given_name="太郎", family_kana="チョウフク",
        given_kana="タロウ", birth_date=date(1970, 1, 1), category="other"), date(2026, 6, 15))
    back = _return(laptop, me, tmp_path / "back.tsunagi-kit")
    plan = office.outreach.plan_import(world.cw_a, back, KIT_PASS)
    dup = next(c for c in plan.conflicts if c.kind == "possible_duplicate")
    assert dup.existing_id == str(mine)
    before = _counts(world)
    with pytest.raises(DomainError, match="2つになる"):
        office.outreach.apply_import(world.cw_a, back, KIT_PASS, {dup.id: "merge"})
    assert _counts(world) == before
    office.outreach.apply_import(world.cw_a, back, KIT_PASS, {dup.id: "new"})
    assert {h.case_number for h in office.search.search(world.cw_a, "チョウフク")} == {
        "OPEN-1", "LAP-2"}
    del look


@pytest.mark.sqlite_only(reason="a second installation is a second SQLite database here")
def test_a_kit_from_another_installation_is_refused(
        world: World, tmp_path: Path, template_dir: tuple[Path, str], clock: Clock,
        laptop_factory) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    data = tmp_path / "other-office"
    shutil.copytree(template_dir[0], data)
    other = open_database(Config(data, passphrase=template_dir[1]))
    try:
        with other.db.write() as s:  # another installation: its own id
            s.execute(update(Setting).where(Setting.key == "installation_id")
                      .values(value=str(uuid.uuid4())))
        services = build_services(other.db, "other-office", engine=other.db.engine, now=clock)
        services.auth.create_first_admin("admin", "管理 者", PASSWORD)
        admin = services.auth.login("admin", PASSWORD)
        services.auth.add_user(admin, "cwa", "青山 里美", "caseworker", PASSWORD)
        accept_initial_passwords(services)
        cwa = services.auth.login("cwa", PASSWORD)
        pid = services.persons.create_person(cwa, PersonInput(
            "OTHER-1", "他所", "太郎", "タショ", "タロウ", date(1980, 1, 1), "other")).id
        services.workflow.open_episode(cwa, pid, date(2026, 6, 1))
        kit = tmp_path / "other.tsunagi-kit"
        services.outreach.export_kit(cwa, kit, KIT_PASS)
    finally:
        other.db.close()
    laptop = laptop_factory(kit)
    me = laptop.login()
    back = _return(laptop, me, tmp_path / "back.tsunagi-kit")
    before = _counts(world)
    with pytest.raises(KitInvalid, match="この事務所のものではありません"):
        world.services.outreach.plan_import(world.cw_a, back, KIT_PASS)
    with pytest.raises(KitInvalid, match="この事務所のものではありません"):
        world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    assert _counts(world) == before
