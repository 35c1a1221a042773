"""Outreach kits: office → laptop → office, with one-sided changes merged, two-sided changes
listed as conflicts, tombstones travelling, damaged kits refused, and nothing lost."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.config import Config
from desktop.models import AuditEntry, ContactLog, Episode, Person
from desktop.models.storage import OpenedDatabase, open_database
from desktop.services import Services, build_services
from desktop.services.errors import DomainError
from desktop.services.outreach import KitInvalid, OutreachService
from desktop.services.persons import PersonInput
from desktop.services.workflow import ContactInput
from tests.conftest import PASSWORD, Clock, World
from tests.services.helpers import to_state

KIT_PASS = "kit passphrase 2026"


@dataclasses.dataclass
class Laptop:
    services: Services
    opened: OpenedDatabase

    def login(self) -> object:
        return self.services.auth.login("cwa", PASSWORD)


@pytest.fixture
def laptop_factory(tmp_path: Path, template_dir: tuple[Path, str],
                   clock: Clock) -> Iterator[object]:
    made: list[Laptop] = []

    def make(kit: Path) -> Laptop:
        data = tmp_path / f"laptop{len(made)}"
        shutil.copytree(template_dir[0], data)
        opened = open_database(Config(data, passphrase=template_dir[1]))
        services = build_services(opened.db, f"laptop-{len(made)}", engine=opened.db.engine,
                                  now=clock)
        with opened.db.write() as s:
            OutreachService.open_kit(s, services.ctx, kit, KIT_PASS)
        laptop = Laptop(services, opened)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.opened.db.close()


def _counts(services: Services) -> tuple[int, int, int, int]:
    with services.ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0  # type: ignore[return-value]
                     for m in (Person, Episode, ContactLog, AuditEntry))


def _person(services: Services, actor: object, pid: uuid.UUID) -> object:
    return services.persons.get_person(actor, pid)  # type: ignore[arg-type]


def test_round_trip_merges_one_sided_changes_and_lists_conflicts(
        world: World, tmp_path: Path, laptop_factory) -> None:  # type: ignore[no-untyped-def]
    office = world.services
    p1 = world.person(family_name="出張", family_kana="シュッチョウ", phone_mobile="090-1111-2222")
    ep1 = to_state(world, p1, "active")
    p2 = world.person(family_name="巡回", family_kana="ジュンカイ")
    ep2 = office.workflow.open_episode(world.cw_a, p2, date(2026, 6, 1)).id
    doomed = office.workflow.add_contact(world.cw_a, ep2, ContactInput(
        date(2026, 6, 2), "phone", "誤って登録した記録"))
    other = world.person(by=world.cw_b, family_name="別担当", family_kana="ベツタントウ")
    office.workflow.open_episode(world.cw_b, other, date(2026, 6, 1))
    # A past recipient of the same caseworker (no open episode, so not in the kit itself):
    # a look-alike created on the laptop may be merged into them.
    twin = world.person(by=world.cw_a, case_number="TWIN-1", family_name="双子",
                        given_name="一郎", family_kana="フタゴ", given_kana="イチロウ",
                        birth_date=date(1975, 5, 5))

    kit = tmp_path / "out.tsunagi-kit"
    header = office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    assert header["caseworker"] == "cwa" and header["counts"]["persons"] == 2
    assert "出張".encode() not in kit.read_bytes()

    laptop = laptop_factory(kit)
    me = laptop.login()
    lsv = laptop.services
    assert {h.case_number for h in lsv.search.search(me, "シュッチョウ")} == {"T-0001"}
    assert lsv.search.search(me, "ベツタントウ") == []  # not in the kit
    with pytest.raises(DomainError):  # only the kit's caseworker can sign in on the laptop
        lsv.auth.login("cwb", PASSWORD)
    # On the laptop: a contact, an address change, a new person, a new look-alike person, a
    # phone change that the office also makes, and a contact deleted (tombstone).
    lsv.workflow.add_contact(me, ep1, ContactInput(date(2026, 6, 15), "interview",
                                                   "出張相談で面談した"))
    rec2 = _person(lsv, me, p2)
    lsv.persons.update_person(me, p2, rec2.version, dataclasses.replace(  # type: ignore[attr-defined]
        rec2, address="東京都新宿区百人町1-1"))
    rec1 = _person(lsv, me, p1)
    lsv.persons.update_person(me, p1, rec1.version, dataclasses.replace(  # type: ignore[attr-defined]
        rec1, phone_mobile="080-3333-4444"))
    new, new_ep = lsv.workflow.intake(me, PersonInput(
        case_number="NEW-1", family_name="新規", given_name="花子", family_kana="シンキ",
        given_kana="ハナコ", birth_date=date(1990, 3, 3), category="needy"), date(2026, 6, 15))
    _, look_ep = lsv.workflow.intake(me, PersonInput(
        case_number="LAP-9", family_name="双子", given_name="一郎", family_kana="フタゴ",
        given_kana="イチロウ", birth_date=date(1975, 5, 5), category="other"), date(2026, 6, 15))
    with lsv.ctx.db.write() as s:
        s.get(ContactLog, doomed).deleted_at = lsv.ctx.now()  # type: ignore[union-attr]
    returned = tmp_path / "return.tsunagi-kit"
    back = lsv.outreach.export_kit(me, returned, KIT_PASS)  # type: ignore[arg-type]
    assert back["kind"] == "return"

    # Meanwhile at the office: the same phone changed, and a contact on P2.
    office_rec = _person(office, world.cw_a, p1)
    office.persons.update_person(world.cw_a, p1, office_rec.version, dataclasses.replace(  # type: ignore[attr-defined]
        office_rec, phone_mobile="070-5555-6666"))
    office.workflow.add_contact(world.cw_a, ep2, ContactInput(date(2026, 6, 15), "phone",
                                                              "事務所で電話"))

    plan = office.outreach.plan_import(world.cw_a, returned, KIT_PASS)
    kinds = {(c.kind, c.table) for c in plan.conflicts}
    assert kinds == {("both_changed", "persons"), ("possible_duplicate", "persons")}
    phone = next(c for c in plan.conflicts if c.kind == "both_changed")
    assert [(d.name, d.office, d.laptop) for d in phone.fields] == [
        ("phone_mobile", "070-5555-6666", "080-3333-4444")]
    assert plan.counts["updated"] == 2  # P2's address, the office's contact deleted on the road
    before = _counts(office)
    with pytest.raises(DomainError, match="未解決の競合"):
        office.outreach.apply_import(world.cw_a, returned, KIT_PASS, {})
    assert _counts(office) == before  # nothing applied

    dup = next(c for c in plan.conflicts if c.kind == "possible_duplicate")
    result = office.outreach.apply_import(world.cw_a, returned, KIT_PASS, {
        phone.id: {"phone_mobile": "laptop"}, dup.id: "merge"})
    assert result.merged_persons == 1 and not result.already_imported
    assert _person(office, world.cw_a, p1).phone_mobile == "080-3333-4444"  # type: ignore[attr-defined]
    assert _person(office, world.cw_a, p2).address == "東京都新宿区百人町1-1"  # type: ignore[attr-defined]
    contents = {c.content for c in office.records.contacts(world.cw_a, ep2)}
    assert contents == {"事務所で電話"}  # the office's own stays; the laptop's deletion travels
    assert "出張相談で面談した" in {c.content for c in office.records.contacts(world.cw_a, ep1)}
    assert [h.case_number for h in office.search.search(world.admin, "シンキ")] == ["NEW-1"]
    assert office.workflow.episodes_of(world.admin, new.id)[0].id == new_ep.id
    merged = office.workflow.episodes_of(world.admin, twin)
    assert look_ep.id in {e.id for e in merged}  # the look-alike's episode joined the twin
    assert office.search.search(world.admin, "LAP-9") == []
    with office.ctx.db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(
            AuditEntry.action.in_(("outreach_import", "outreach_received")))).all()
        received = s.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "outreach_received")).all()
    # The laptop's log joined, re-signed as received from the kit.
    assert "outreach_import" in actions and "outreach_received" in actions
    assert any('"action":"outreach_return"' in d for d in received)
    assert office.maintenance.verify(world.admin).ok

    after = _counts(office)
    again = office.outreach.apply_import(world.cw_a, returned, KIT_PASS, {})
    assert again.already_imported and _counts(office) == after


@pytest.mark.parametrize("damage", ["flip", "truncate", "header", "passphrase", "not_a_kit"])
def test_damaged_kits_are_refused_whole(world: World, tmp_path: Path, laptop_factory,  # type: ignore[no-untyped-def]
                                        damage: str) -> None:
    pid = world.person()
    world.services.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1))
    kit = tmp_path / "out.tsunagi-kit"
    world.services.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()
    laptop.services.workflow.add_contact(me, laptop.services.workflow.episodes_of(me, pid)[0].id,
                                         ContactInput(date(2026, 6, 15), "phone", "記録"))
    returned = tmp_path / "return.tsunagi-kit"
    laptop.services.outreach.export_kit(me, returned, KIT_PASS)  # type: ignore[arg-type]
    data = returned.read_bytes()
    passphrase = KIT_PASS
    if damage == "flip":
        returned.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    elif damage == "truncate":
        returned.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "header":
        returned.write_bytes(data.replace(b'"kind": "return"', b'"kind": "returN"', 1))
    elif damage == "passphrase":
        passphrase = "another passphrase"
    else:
        returned.write_bytes(b"PK\x03\x04 something else")
    before = _counts(world.services)
    with pytest.raises(KitInvalid, match="何も変更していません"):
        world.services.outreach.apply_import(world.cw_a, returned, passphrase, {})
    assert _counts(world.services) == before


def test_a_caseworker_exports_only_their_own_caseload(world: World, tmp_path: Path) -> None:
    from desktop.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        world.services.outreach.export_kit(world.cw_a, tmp_path / "k", KIT_PASS, "cwb")
    with pytest.raises(DomainError, match="10文字以上"):
        world.services.outreach.export_kit(world.cw_a, tmp_path / "k", "short")
    header = world.services.outreach.export_kit(world.supervisor, tmp_path / "k", KIT_PASS,
                                                "cwb")
    assert header["caseworker"] == "cwb"


def test_wipe_overwrites_then_deletes(tmp_path: Path) -> None:
    files = [tmp_path / "kit", tmp_path / "work.db", tmp_path / "work.db-wal"]
    for f in files:
        f.write_bytes(b"secret data" * 100)
    gone = OutreachService.wipe([files[0], files[1]])
    assert set(gone) == set(files)
    assert not any(f.exists() for f in files)


# ------------------------------------------------------------------ property


EDIT = st.sampled_from(["address", "household", "contact", "none"])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(office_edits=st.lists(st.tuples(st.integers(0, 2), EDIT), max_size=5),
       laptop_edits=st.lists(st.tuples(st.integers(0, 2), EDIT), max_size=5))
@pytest.mark.slow
def test_no_record_is_lost_whatever_both_sides_do(
        world: World, tmp_path_factory: pytest.TempPathFactory, laptop_factory,  # type: ignore[no-untyped-def]
        office_edits: list[tuple[int, str]], laptop_edits: list[tuple[int, str]]) -> None:
    office = world.services
    people = []
    for _ in range(3):
        pid = world.person(case_number=f"P-{uuid.uuid4().hex[:6]}")
        people.append((pid, office.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1)).id))
    folder = tmp_path_factory.mktemp("kit")
    kit = folder / "out"
    office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()

    def apply(services: Services, actor: object, edits: list[tuple[int, str]],
              side: str) -> dict[tuple[uuid.UUID, str], str]:
        done: dict[tuple[uuid.UUID, str], str] = {}
        for n, (who, what) in enumerate(edits):
            pid, ep = people[who]
            value = f"{side}{n}"
            if what == "contact":
                services.workflow.add_contact(actor, ep, ContactInput(  # type: ignore[arg-type]
                    date(2026, 6, 15), "phone", value))
                done[(pid, f"contact{n}")] = value
            elif what != "none":
                rec = services.persons.get_person(actor, pid)  # type: ignore[arg-type]
                services.persons.update_person(actor, pid, rec.version,  # type: ignore[arg-type]
                                               dataclasses.replace(rec, **{what: value}))
                done[(pid, what)] = value
        return done

    laptop_done = apply(laptop.services, me, laptop_edits, "laptop")
    returned = folder / "return"
    laptop.services.outreach.export_kit(me, returned, KIT_PASS)  # type: ignore[arg-type]
    office_done = apply(office, world.cw_a, office_edits, "office")
    plan = office.outreach.plan_import(world.cw_a, returned, KIT_PASS)
    office.outreach.apply_import(world.cw_a, returned, KIT_PASS,
                                 {c.id: "laptop" for c in plan.conflicts})
    contacts = {c.content for _, ep in people for c in office.records.contacts(world.cw_a, ep)}
    for (_, what), value in {**office_done, **laptop_done}.items():
        if what.startswith("contact"):
            assert value in contacts  # every contact from both sides is there
    for pid, what in laptop_done:
        if not what.startswith("contact"):
            final = getattr(office.persons.get_person(world.cw_a, pid), what)
            # The laptop's last value for the field wins (it was chosen for every conflict)
            last = [v for (p, w), v in laptop_done.items() if p == pid and w == what][-1]
            assert final == last
    for (pid, what), value in office_done.items():
        if not what.startswith("contact") and (pid, what) not in laptop_done:
            assert getattr(office.persons.get_person(world.cw_a, pid), what) == value
