"""Steps that drive an episode through the workflow, for tests that need a given state."""

from __future__ import annotations

import uuid
from datetime import date

from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.workflow import PlacementInput, PlanInput, TeamMember
from tests.conftest import World

ALL_SCOPE = ["identity_contact", "health_barriers", "education_work_history",
             "job_search_status", "placement_retention"]


def plan(goal: str = "介護職員") -> PlanInput:
    return PlanInput(team=[TeamMember("青山 里美", "welfare", "地区担当員"),
                           TeamMember("田島 聡子", "hello_work", "ナビゲーター")],
                     goal_job=goal, menu=["navigator", "seminar"],
                     review_dates=[date(2026, 7, 1)])


def placement(start: date, term: str = "indefinite") -> PlacementInput:
    return PlacementInput(start_on=start, employer="株式会社ひかり物流", term_category=term,
                          job_title="倉庫内軽作業", weekly_hours=30, wage_amount=1100,
                          wage_unit="hourly", employment_insurance=True)


def sign_consents(w: World, episode_id: uuid.UUID, on: date, by: Actor | None = None,
                  recipients: list[str] | None = None) -> tuple[uuid.UUID, uuid.UUID]:
    c = w.services.consent
    p = c.record_consent(by or w.cw_a, episode_id, ConsentInput("participation", on))
    i = c.record_consent(by or w.cw_a, episode_id, ConsentInput(
        "information_sharing", on, recipients=recipients or [w.office_name], scope=ALL_SCOPE))
    return p.id, i.id


def to_state(w: World, person_id: uuid.UUID, state: str, by: Actor | None = None) -> uuid.UUID:
    """Open an episode and move it, the legitimate way, up to ``state``."""
    actor = by or w.cw_a
    wf = w.services.workflow
    ep = wf.open_episode(actor, person_id, date(2026, 4, 1)).id
    steps = ["candidate", "screening", "consented", "referred", "active", "retention"]
    for target in steps[1:steps.index(state) + 1]:
        if target == "screening":
            wf.start_screening(actor, ep, date(2026, 4, 3))
        elif target == "consented":
            wf.record_screening_decision(actor, ep, "approved", date(2026, 4, 5))
            sign_consents(w, ep, date(2026, 4, 6), actor)
            wf.confirm_consent(actor, ep, date(2026, 4, 6))
        elif target == "referred":
            wf.refer_to_hello_work(actor, ep, w.office_id, date(2026, 4, 8))
        elif target == "active":
            wf.accept_referral(actor, ep, date(2026, 4, 15), plan())
        elif target == "retention":
            wf.record_placement(actor, ep, placement(date(2026, 5, 1)))
    return ep
