"""The synthetic caseload: realistic, consistent with the workflow rules, deterministic."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from desktop.japanese.validators import furigana, phone_number, postal_code
from desktop.models import (
    CaseAssignment,
    Consent,
    ContactLog,
    Episode,
    Person,
    RetentionCheckpoint,
    Transition,
)
from desktop.services import Services
from desktop.services.caseload import CaseloadFilter
from desktop.services.demo import DemoService
from desktop.services.errors import DomainError, PasswordChangeRequired
from desktop.services.workflow import ALLOWED
from tests.conftest import PASSWORD, World


def test_demo_caseload_is_consistent_with_the_workflow(world: World) -> None:
    result = DemoService(world.services.ctx).generate(world.admin, 300, seed=7, force=True)
    assert result.persons == 300 and result.episodes >= 300
    db = world.services.ctx.db
    with db.read() as s:
        persons = s.scalars(select(Person)).all()
        for p in persons[:100]:
            assert furigana(p.family_kana) == p.family_kana
            assert postal_code(p.postal_code) == p.postal_code
            if p.phone_mobile:
                assert phone_number(p.phone_mobile) == p.phone_mobile
        states = Counter(s.scalars(select(Episode.state)))
        assert set(states) == {"candidate", "screening", "consented", "referred", "active",
                               "retention", "closed"}
        for episode in s.scalars(select(Episode)):
            steps = s.execute(select(Transition.from_state, Transition.to_state)
                              .where(Transition.episode_id == episode.id)
                              .order_by(Transition.effective_on, Transition.id)).all()
            # Every episode's state is the end of a legal chain of stored transitions.
            state = None
            for frm, to in sorted(steps, key=lambda t: _order(t[0])):
                assert frm == state
                assert state is None or to in ALLOWED[state]
                state = to
            assert state == episode.state
            if episode.state in ("consented", "referred", "active", "retention"):
                kinds = set(s.scalars(select(Consent.kind).where(
                    Consent.episode_id == episode.id)))
                assert kinds == {"participation", "information_sharing"}
        contacts = s.scalar(select(func.count(ContactLog.id)))
        assert 6 * result.episodes <= contacts <= 12 * result.episodes
        assert s.scalar(select(func.count(RetentionCheckpoint.id))) > 0
    assert world.services.maintenance.verify(world.admin).ok


def _order(state: str | None) -> int:
    path = [None, "candidate", "screening", "consented", "referred", "active", "placed",
            "retention", "closed"]
    return path.index(state)


def test_demo_is_deterministic_for_a_seed(world: World) -> None:
    DemoService(world.services.ctx).generate(world.admin, 50, seed=3, force=True)
    with world.services.ctx.db.read() as s:
        first = s.execute(select(Person.family_name, Person.given_name, Person.birth_date)
                          .order_by(Person.search_no)).all()
    # A second run appends 50 more persons generated from the same seed.
    DemoService(world.services.ctx).generate(world.admin, 50, seed=3, force=True)
    with world.services.ctx.db.read() as s:
        both = s.execute(select(Person.family_name, Person.given_name, Person.birth_date)
                         .order_by(Person.search_no)).all()
    assert both[50:] == first


def test_demo_names_a_fictional_welfare_office_and_its_hello_work_offices(
        services: Services) -> None:
    services.auth.create_first_admin("admin", "管理 者", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    result = DemoService(services.ctx).generate(admin, 20, seed=2)
    assert result.staff_password
    (org,) = services.organisations.organisations()
    assert (org.name, org.head_title, org.doc_symbol, org.phone) == (
        "つなぎ市福祉事務所", "つなぎ市福祉事務所長", "つ福", "042-555-0110")
    offices = {o.name: o for o in services.offices.offices()}
    assert offices["ハローワーク新宿"].addressee == "新宿公共職業安定所長"
    assert offices["ハローワーク梅田"].navigator == "西岡 恵、堀内 誠"
    assert [o.kind for o in offices.values()].count("satellite") == 1
    # Every demo staff member must choose their own password at the first sign-in.
    staff = services.auth.list_users(admin)
    assert {u.username for u in staff if u.must_change_password} == {
        f"cw0{i}" for i in range(1, 9)} | {"sv01"}
    with pytest.raises(PasswordChangeRequired):
        services.auth.login("cw01", result.staff_password)
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count(Person.id)).where(
            Person.organisation_id != org.id)) == 0
        assert s.scalar(select(func.count(CaseAssignment.id))) == 20
    # Run again, the demo adds to its own records.
    assert DemoService(services.ctx).generate(admin, 5, seed=3).persons == 5


def test_demo_refuses_a_database_with_records_it_did_not_make(world: World) -> None:
    world.person()
    before = world.services.caseload.count(world.admin, CaseloadFilter())
    with pytest.raises(DomainError, match="--force"):
        DemoService(world.services.ctx).generate(world.admin, 10)
    assert world.services.caseload.count(world.admin, CaseloadFilter()) == before
