"""The synthetic caseload: realistic, consistent with the workflow rules, deterministic."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from desktop.japanese.validators import furigana, phone_number, postal_code
from desktop.models import Consent, ContactLog, Episode, Person, RetentionCheckpoint, Transition
from desktop.services.demo import DemoService
from desktop.services.workflow import ALLOWED
from tests.conftest import World


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
