"""Steps that drive an episode through the workflow, for tests that need a given state."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa

from desktop.models.chain import HeadAnchor
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


def _referred(w: World, actor: Actor, category: str, intake: date, refer: date) -> uuid.UUID:
    wf = w.services.workflow
    pid = w.person(by=w.admin, category=category)
    w.services.persons.assign_caseworker(w.admin, pid, actor.user_id)
    ep = wf.open_episode(actor, pid, intake).id
    wf.start_screening(actor, ep, intake)
    wf.record_screening_decision(actor, ep, "approved", intake)
    sign_consents(w, ep, intake, actor)
    wf.confirm_consent(actor, ep, intake)
    wf.refer_to_hello_work(actor, ep, w.office_id, refer)
    return ep


def _checkpoint(w: World, actor: Actor, ep: uuid.UUID, due: date, result: str) -> None:
    cp = next(c for c in w.services.workflow.checkpoints(actor, ep) if c.due_on == due)
    w.services.workflow.record_checkpoint(actor, cp.id, due, result)


def build_report_caseload(world: World) -> World:
    """The seven cases of tests/services/test_reports.py, counted there by hand."""
    w, wf, a, b = world, world.services.workflow, world.cw_a, world.cw_b
    # P1
    ep = _referred(w, a, "public_assistance", date(2025, 3, 20), date(2025, 3, 31))
    wf.accept_referral(a, ep, date(2025, 4, 1), plan())
    wf.record_placement(a, ep, placement(date(2025, 5, 1), "indefinite"))
    _checkpoint(w, a, ep, date(2025, 6, 1), "employed")
    _checkpoint(w, a, ep, date(2025, 8, 1), "employed")
    _checkpoint(w, a, ep, date(2025, 11, 1), "left")
    # P2: placed twice
    ep = _referred(w, a, "public_assistance", date(2025, 4, 10), date(2025, 4, 15))
    wf.accept_referral(a, ep, date(2025, 4, 20), plan())
    first = wf.record_placement(a, ep, placement(date(2025, 6, 1), "1_to_4m"))
    _checkpoint(w, a, ep, date(2025, 7, 1), "employed")
    wf.end_placement(a, first, date(2025, 7, 15), "契約満了")
    wf.record_placement(a, ep, placement(date(2025, 9, 1), "over_4m"))
    # P3: accepted in FY2024, placed on the first day of FY2025, closed in FY2026
    ep = _referred(w, b, "child_rearing", date(2025, 3, 1), date(2025, 3, 10))
    wf.accept_referral(b, ep, date(2025, 3, 31), plan())
    wf.record_placement(b, ep, placement(date(2025, 4, 1), "indefinite"))
    _checkpoint(w, b, ep, date(2025, 5, 1), "employed")
    wf.close_episode(b, ep, date(2026, 4, 1), "保護廃止(就労収入増)", open_checkpoints="keep")
    # P4: closed on the last day of FY2025
    ep = _referred(w, b, "public_assistance", date(2025, 5, 1), date(2025, 5, 10))
    wf.accept_referral(b, ep, date(2025, 5, 20), plan())
    wf.record_placement(b, ep, placement(date(2025, 8, 1), "under_1m"))
    wf.close_episode(b, ep, date(2026, 3, 31), "保護廃止(就労収入増)", open_checkpoints="keep")
    # P5: returned, referred again, then declined (the second referral is withdrawn)
    ep = _referred(w, a, "needy", date(2025, 6, 1), date(2025, 6, 10))
    wf.return_referral(a, ep, date(2025, 6, 20), "書類の不足")
    wf.refer_to_hello_work(a, ep, w.office_id, date(2025, 7, 1))
    wf.close_episode(a, ep, date(2025, 7, 15), "辞退")
    # P6: referred on the last day, accepted on the first day of the next year
    ep = _referred(w, a, "needy", date(2026, 3, 1), date(2026, 3, 31))
    wf.accept_referral(a, ep, date(2026, 4, 1), plan())
    # P7: accepted, not placed
    ep = _referred(w, b, "disability", date(2025, 10, 1), date(2025, 10, 10))
    wf.accept_referral(b, ep, date(2025, 10, 20), plan())
    return w


def seal_as_an_older_release(engine: sa.Engine, key: bytes, anchor: HeadAnchor | None) -> int:
    """Seal every audited record of a database downgraded to an older revision (0006 to
    0008) as the releases of those revisions sealed them: a keyed ``record_update`` row each,
    holding the untagged SHA-256 of all the columns the record has at that revision, linked
    onto the chain and anchored. The database then looks like one in use under that
    release, ready to be upgraded. Returns the rows written."""
    from desktop.models import AuditEntry
    from desktop.models.chain import (
        KEYED_CHAIN,
        Head,
        canonical_detail,
        keyed_row_hash,
        record_digest,
    )
    from desktop.models.reseal import read_rows
    from desktop.services.audit import AUDITED

    at = datetime(2026, 5, 1, 3, 0, tzinfo=UTC)
    with engine.begin() as conn:
        last = conn.execute(sa.select(AuditEntry.seq, AuditEntry.hash)
                            .order_by(AuditEntry.seq.desc()).limit(1)).one()
        before = prev = Head(last.seq, last.hash)
        seq, rows = last.seq, []
        existing = set(sa.inspect(conn).get_table_names())
        for entity, model in AUDITED.items():
            if model.__tablename__ not in existing:
                continue  # a table of a later revision
            if entity == "organisation":
                continue  # sealed only by releases after revision 0008
            for record in read_rows(conn, model.__tablename__):
                seq += 1
                row = {"id": uuid.uuid4(), "seq": seq, "at": at, "user_id": None,
                       "username": "", "action": "record_update", "entity": entity,
                       "entity_id": str(record["id"]), "detail": canonical_detail({}),
                       "origin": "old-release", "prev_hash": prev.hash,
                       "record_hash": record_digest(model.__tablename__, record),
                       "scheme": KEYED_CHAIN}
                row["hash"] = keyed_row_hash(key, seq, at, None, "", "record_update", entity,
                                             row["entity_id"], row["detail"], row["origin"],
                                             row["record_hash"], prev.hash)
                prev = Head(seq, row["hash"])
                rows.append(row)
        conn.execute(sa.insert(AuditEntry), rows)
    if anchor is not None:
        anchor.write(before, prev)
    return len(rows)
