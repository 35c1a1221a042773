"""The demo caseload holds the records before and beside the referral: assessments, every
route with its activities (and people who moved from one to the referral), the employer
registry (placements picking from it), support costs and meetings whose decisions stand in
the persons' contact logs; consistent with the services' rules."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from desktop.models import (
    ContactLog,
    Employer,
    Episode,
    Meeting,
    MeetingCase,
    Placement,
    ReadinessAssessment,
    RouteChange,
    SupportActivity,
    SupportCost,
)
from desktop.services.demo import DemoService
from desktop.services.reports import Period
from desktop.services.workflow import route_of
from tests.conftest import World


def test_the_demo_has_assessments_every_route_employers_costs_and_meetings(
        world: World) -> None:
    DemoService(world.services.ctx).generate(world.admin, 800, seed=5, force=True)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(func.count(ReadinessAssessment.id))) > 100
        kinds = Counter(s.scalars(select(SupportActivity.kind)))
        assert set(kinds) == {"work_readiness", "work_experience", "training"}
        outcomes = set(s.scalars(select(SupportActivity.outcome)))
        assert {"completed", None} <= outcomes
        moves = set(s.execute(select(RouteChange.from_route, RouteChange.to_route)).all())
        assert ("work_readiness", "hello_work") in moves
        assert {(None, r) for r in ("hello_work", "work_readiness", "work_experience",
                                    "training")} <= moves
        # Each approved episode's route is the last of its changes; consents only on the
        # Hello Work route.
        for episode in s.scalars(select(Episode).where(Episode.screening_decision == "approved")):
            last = s.scalars(select(RouteChange.to_route).where(
                RouteChange.episode_id == episode.id)
                .order_by(RouteChange.effective_on.desc(), RouteChange.from_route.is_(None))
                .limit(1)).first()
            assert last == route_of(episode)
            if episode.state in ("consented", "referred", "active", "retention"):
                assert route_of(episode) == "hello_work"
        assert s.scalar(select(func.count(Employer.id))) >= 16
        assert s.scalar(select(func.count(Placement.id)).where(
            Placement.employer_id.is_not(None))) > 0
        hosts = s.scalars(select(SupportActivity.employer_id).where(
            SupportActivity.kind == "work_experience")).all()
        assert hosts and all(hosts)
        assert s.scalar(select(func.count(SupportCost.id))) > 50
        assert s.scalar(select(func.count(Meeting.id))) == 3
        cases = s.scalars(select(MeetingCase)).all()
        assert cases and all(c.contact_id for c in cases)
        for case in cases:
            entry = s.get(ContactLog, case.contact_id)
            assert entry is not None and entry.decisions == case.decision
            assert entry.episode_id == case.episode_id and entry.kind == "case_conference"
    report = world.services.reports.indicators(world.admin, Period.fiscal(2025))
    assert report["assessed_persons"] > 0 and report["support_costs_total"] > 0
    assert all(report["routes"][k]["started"] > 0 for k in report["routes"])
    assert report["employers"]["active"] > 0
    assert world.services.maintenance.verify(world.admin).ok
