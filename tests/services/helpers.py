"""Steps that drive an episode through the workflow, for tests that need a given state."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from desktop.models.chain import HeadAnchor
from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.hello_work import ActivityInput
from desktop.services.persons import PersonInput
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


def _referred(w: World, actor: Actor, category: str, intake: date, refer: date,
              office: tuple[uuid.UUID, str] | None = None) -> uuid.UUID:
    wf = w.services.workflow
    office_id, office_name = office or (w.office_id, w.office_name)
    pid = w.person(by=w.admin, category=category)
    w.services.persons.assign_caseworker(w.admin, pid, actor.user_id)
    ep = wf.open_episode(actor, pid, intake).id
    wf.start_screening(actor, ep, intake)
    wf.record_screening_decision(actor, ep, "approved", intake)
    sign_consents(w, ep, intake, actor, recipients=[office_name])
    wf.confirm_consent(actor, ep, intake)
    wf.refer_to_hello_work(actor, ep, office_id, refer)
    return ep


def _checkpoint(w: World, actor: Actor, ep: uuid.UUID, due: date, result: str) -> None:
    cp = next(c for c in w.services.workflow.checkpoints(actor, ep) if c.due_on == due)
    w.services.workflow.record_checkpoint(actor, cp.id, due, result)


@contextmanager
def on_day(w: World, day: date) -> Iterator[None]:
    """Run a step as if it were ``day`` (for use cases that take today's date, such as a
    reassignment)."""
    clock = w.services.ctx.now
    saved = clock.current  # type: ignore[attr-defined]
    clock.current = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        clock.current = saved  # type: ignore[attr-defined]


def activity(w: World, actor: Actor, ep: uuid.UUID, kind: str, on: date, company: str = "",
             result: str | None = None, **extra: object) -> uuid.UUID:
    return w.services.hello_work.record_activity(actor, ep, ActivityInput(
        kind, on, company=company, result=result, **extra))  # type: ignore[arg-type]


SECOND_OFFICE = "ハローワーク池袋"


def build_report_caseload(world: World) -> World:
    """The cases of tests/services/test_reports.py, counted there by hand."""
    w, wf, a, b = world, world.services.workflow, world.cw_a, world.cw_b
    ikebukuro = w.services.offices.add_office(w.admin, SECOND_OFFICE, "東京都豊島区東池袋3-5-13")
    # P1: accepted on the first day of FY2025; 減額 by the job's income
    ep = _referred(w, a, "public_assistance", date(2025, 3, 20), date(2025, 3, 31))
    wf.accept_referral(a, ep, date(2025, 4, 1), plan())
    wf.record_placement(a, ep, placement(date(2025, 5, 1), "indefinite"))
    _checkpoint(w, a, ep, date(2025, 6, 1), "employed")
    _checkpoint(w, a, ep, date(2025, 8, 1), "employed")
    _checkpoint(w, a, ep, date(2025, 11, 1), "left")
    wf.record_protection_outcome(a, ep, "reduced", date(2025, 7, 1))
    # P2: placed twice, the first job found by the person (自己開拓)
    ep = _referred(w, a, "public_assistance", date(2025, 4, 10), date(2025, 4, 15))
    wf.accept_referral(a, ep, date(2025, 4, 20), plan())
    first = wf.record_placement(a, ep, replace(placement(date(2025, 6, 1), "1_to_4m"),
                                               route="self"))
    _checkpoint(w, a, ep, date(2025, 7, 1), "employed")
    wf.end_placement(a, first, date(2025, 7, 15), "契約満了")
    wf.record_placement(a, ep, placement(date(2025, 9, 1), "over_4m"))
    # P3: accepted on the last day of FY2024, placed in April; closed in FY2026 with the
    # reason 保護廃止 but no protection outcome recorded (a closure reason alone no longer counts)
    ep = _referred(w, b, "child_rearing", date(2025, 3, 1), date(2025, 3, 10))
    wf.accept_referral(b, ep, date(2025, 3, 31), plan())
    wf.record_placement(b, ep, placement(date(2025, 4, 1), "indefinite"))
    _checkpoint(w, b, ep, date(2025, 5, 1), "employed")
    wf.close_episode(b, ep, date(2026, 4, 1), "保護廃止(就労収入増)", open_checkpoints="keep")
    # P4: 保護廃止 with 就労自立給付金, then closed on the last day of FY2025 (its open checks
    # kept: they stay due and unrecorded)
    ep = _referred(w, b, "public_assistance", date(2025, 5, 1), date(2025, 5, 10))
    wf.accept_referral(b, ep, date(2025, 5, 20), plan())
    wf.record_placement(b, ep, placement(date(2025, 8, 1), "under_1m"))
    wf.record_protection_outcome(b, ep, "abolished", date(2026, 3, 1), independence_benefit=True)
    wf.close_episode(b, ep, date(2026, 3, 31), "保護廃止(就労収入増)", open_checkpoints="keep")
    # P5: returned, referred again, then declined (the second referral is withdrawn)
    ep = _referred(w, a, "needy", date(2025, 6, 1), date(2025, 6, 10))
    wf.return_referral(a, ep, date(2025, 6, 20), "書類の不足")
    wf.refer_to_hello_work(a, ep, w.office_id, date(2025, 7, 1))
    wf.close_episode(a, ep, date(2025, 7, 15), "辞退")
    # P6: referred on the last day of FY2025, accepted on the first day of FY2026, placed in
    # May 2026 (its 1-month check is overdue on 2026-06-15, the later ones not yet due)
    ep = _referred(w, a, "needy", date(2026, 3, 1), date(2026, 3, 31))
    wf.accept_referral(a, ep, date(2026, 4, 1), plan())
    wf.record_placement(a, ep, placement(date(2026, 5, 1), "indefinite"))
    # P7: referred and accepted under cwb, reassigned to cwa on 2025-12-01, placed in
    # January through Hello Work's 職業紹介 (the reported 採用 confirmed as the placement)
    ep = _referred(w, b, "disability", date(2025, 10, 1), date(2025, 10, 10))
    wf.accept_referral(b, ep, date(2025, 10, 20), plan())
    activity(w, b, ep, "job_referral", date(2025, 11, 5), "株式会社ひかり物流")
    activity(w, b, ep, "interview", date(2025, 11, 20), "株式会社ひかり物流")
    activity(w, b, ep, "outcome", date(2025, 11, 25), "株式会社ひかり物流", "rejected")
    with on_day(w, date(2025, 12, 1)):
        w.services.persons.assign_caseworker(w.admin, wf.episode(b, ep).person_id, a.user_id)
    activity(w, a, ep, "job_referral", date(2025, 12, 10), "社会福祉法人みどり会")
    activity(w, a, ep, "interview", date(2025, 12, 20), "社会福祉法人みどり会")
    hire = activity(w, a, ep, "outcome", date(2026, 1, 10), "社会福祉法人みどり会", "hired")
    wf.record_placement(a, ep, replace(placement(date(2026, 1, 15), "indefinite"),
                                       hired_activity_id=hire))
    _checkpoint(w, a, ep, date(2026, 2, 15), "employed")
    # P8: 生活困窮者 referred to the second office; the person's 区分 changes to 生活保護受給者
    # after the referral (the episode keeps counting as 生活困窮者)
    ep = _referred(w, a, "needy", date(2025, 5, 20), date(2025, 6, 1),
                   (ikebukuro.id, ikebukuro.name))
    wf.accept_referral(a, ep, date(2025, 6, 10), plan())
    pid = wf.episode(a, ep).person_id
    person = w.services.persons.get_person(a, pid)
    w.services.persons.update_person(a, pid, person.version, replace(
        PersonInput(**{f.name: getattr(person, f.name) for f in fields(PersonInput)}),
        category="public_assistance"))
    activity(w, a, ep, "consultation", date(2025, 6, 15))
    activity(w, a, ep, "seminar", date(2025, 6, 20), title="応募書類の書き方セミナー",
             end_on=date(2025, 6, 25))
    activity(w, a, ep, "job_referral", date(2025, 7, 1), "株式会社東和フーズ")
    activity(w, a, ep, "interview", date(2025, 7, 10), "株式会社東和フーズ")
    hire = activity(w, a, ep, "outcome", date(2025, 7, 20), "株式会社東和フーズ", "hired")
    wf.record_placement(a, ep, replace(placement(date(2025, 8, 1), "over_4m"),
                                       hired_activity_id=hire))
    _checkpoint(w, a, ep, date(2025, 9, 1), "employed")
    _checkpoint(w, a, ep, date(2025, 11, 1), "employed")
    _checkpoint(w, a, ep, date(2026, 2, 1), "left")
    return w


@dataclass(frozen=True)
class SecondOrganisation:
    id: uuid.UUID
    name: str
    caseworker: Actor  # 西 一郎 (cwc)
    supervisor: Actor  # 西 監督 (sv2)
    transferred: uuid.UUID  # P7, moved to cwc on 2026-01-20


def transfer_to_a_second_organisation(w: World) -> SecondOrganisation:
    """The report caseload plus a second organisation, 横浜市西区福祉保健センター, with a
    caseworker (cwc) and a supervisor (sv2); P7 (障害者) is reassigned to cwc on 2026-01-20,
    so its 1-month check of 2026-02-15 counts under the second organisation and everything
    before under the first."""
    from desktop.services.organisations import OrganisationInput
    from tests.conftest import PASSWORD

    west = w.services.organisations.add(w.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    staff = {}
    for username, name, role in (("cwc", "西 一郎", "caseworker"), ("sv2", "西 監督", "supervisor")):
        user = w.services.auth.add_user(w.admin, username, name, role, PASSWORD, west.id)
        staff[username] = Actor(user.id, user.username, user.display_name, role,
                                user.organisation_id)
    from desktop.services.caseload import OPEN_STATES, CaseloadFilter

    p7 = next(r.person_id for r in w.services.caseload.page(
        w.admin, CaseloadFilter(states=(*OPEN_STATES, "closed"))) if r.category == "disability")
    with on_day(w, date(2026, 1, 20)):
        w.services.persons.assign_caseworker(w.admin, p7, staff["cwc"].user_id)
    return SecondOrganisation(west.id, west.name, staff["cwc"], staff["sv2"], p7)


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
        present = set(sa.inspect(conn).get_table_names())
        for entity, model in AUDITED.items():
            if model.__tablename__ not in present:  # audited from a later revision on
                continue
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


def ledger_case(w: World, folder: Path) -> uuid.UUID:
    """The episode of 代田 花子 (L-1), taken over from an office's ledger by the supervisor,
    referred to the world's office with a consent whose scope is unconfirmed."""
    path = folder / "ledger.csv"
    path.write_text("ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日,同意日,支援要請日,支援要請先\n"
                    "L-1,代田 花子,シロタ ハナコ,S60.5.1,生活保護,R8.4.1,R8.4.6,R8.4.8,"
                    f"{w.office_name}\n", encoding="utf-8")
    w.services.ledger.import_file(w.supervisor, path)
    (hit,) = w.services.search.search(w.supervisor, "シロタ")
    (episode,) = w.services.workflow.episodes_of(w.supervisor, hit.person_id)
    return episode.id
