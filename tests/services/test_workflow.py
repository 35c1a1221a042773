"""The episode state machine and the records that drive it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Transition
from desktop.services.consent import ConsentInput
from desktop.services.errors import (
    ConsentMissing,
    DomainError,
    InvalidInput,
    TransitionNotAllowed,
)
from desktop.services.workflow import ALLOWED, ContactInput, refusal
from tests.conftest import World
from tests.services.helpers import placement, plan, sign_consents, to_state


def test_full_case_from_intake_to_closure_records_every_transition(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    wf.close_episode(world.cw_a, ep, date(2026, 6, 10), "就職(定着確認)",
                     open_checkpoints="keep")
    timeline = wf.timeline(world.cw_a, ep)
    assert [(t.from_state, t.to_state) for t in timeline] == [
        (None, "candidate"), ("candidate", "screening"), ("screening", "consented"),
        ("consented", "referred"), ("referred", "active"), ("active", "placed"),
        ("placed", "retention"), ("retention", "closed"),
    ]
    assert timeline[-1].reason == "就職(定着確認)"
    assert all(t.by == world.cw_a.user_id for t in timeline)
    summary = wf.episode(world.cw_a, ep)
    assert (summary.state, summary.closed_on) == ("closed", date(2026, 6, 10))


def test_refused_transition_names_current_and_requested_state(world: World) -> None:
    wf = world.services.workflow
    ep = wf.open_episode(world.cw_a, world.person(), date(2026, 4, 1)).id
    with pytest.raises(TransitionNotAllowed) as err:
        wf.record_placement(world.cw_a, ep, placement(date(2026, 5, 1)))
    assert err.value.message == "現在の状態「候補」から「就職」へは移行できません"
    assert wf.episode(world.cw_a, ep).state == "candidate"


@pytest.mark.parametrize("state", ["candidate", "screening", "consented", "referred",
                                   "active", "retention"])
def test_every_state_can_be_closed_with_a_configured_reason(world: World, state: str) -> None:
    ep = to_state(world, world.person(), state)
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 6, 1), "辞退",
                                          open_checkpoints="cancel")
    assert world.services.workflow.episode(world.cw_a, ep).closure_reason == "辞退"


def test_closed_episode_allows_nothing(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "candidate")
    wf.close_episode(world.cw_a, ep, date(2026, 4, 2), "連絡不能")
    with pytest.raises(TransitionNotAllowed, match="「終了」から「検討」"):
        wf.start_screening(world.cw_a, ep, date(2026, 4, 3))
    with pytest.raises(TransitionNotAllowed, match="「終了」から「終了」"):
        wf.close_episode(world.cw_a, ep, date(2026, 4, 3), "辞退")


def test_unknown_closure_reason_is_refused(world: World) -> None:
    ep = to_state(world, world.person(), "candidate")
    with pytest.raises(InvalidInput, match="終了理由"):
        world.services.workflow.close_episode(world.cw_a, ep, date(2026, 4, 2), "なんとなく")


def test_closure_reasons_are_configurable(world: World) -> None:
    world.services.settings.set(world.admin, "closure_reasons", ["辞退", "施設入所"])
    ep = to_state(world, world.person(), "candidate")
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 4, 2), "施設入所")
    assert world.services.workflow.episode(world.cw_a, ep).closure_reason == "施設入所"


def test_transition_table_matches_design() -> None:
    assert ALLOWED["referred"] == {"active", "consented", "closed"}
    assert ALLOWED["retention"] == {"active", "closed"}
    assert ALLOWED["closed"] == set()
    assert "候補" in refusal("candidate", "placed").message


def test_consent_needs_approved_screening_and_both_consents(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "screening")
    with pytest.raises(ConsentMissing, match="所内協議"):
        wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    world.services.consent.record_consent(world.cw_a, ep,
                                          ConsentInput("participation", date(2026, 4, 6)))
    with pytest.raises(ConsentMissing, match="情報提供同意"):
        wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    assert wf.episode(world.cw_a, ep).state == "screening"


def test_refusal_of_consent_closes_with_reason_no_consent(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "screening")
    summary = wf.refuse_consent(world.cw_a, ep, date(2026, 4, 6), "本人が辞退")
    assert (summary.state, summary.closure_reason) == ("closed", "同意なし")


def test_referral_refused_after_consent_withdrawn(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "consented")
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
            if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, info.id, date(2026, 4, 7))
    with pytest.raises(ConsentMissing, match="支援要請できません"):
        wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    assert wf.episode(world.cw_a, ep).state == "consented"


def test_withdrawal_blocks_sharing_from_that_day_not_before(world: World) -> None:
    ep = to_state(world, world.person(), "consented")
    consent = world.services.consent
    info = next(c for c in consent.consents(world.cw_a, ep) if c.kind == "information_sharing")
    consent.withdraw_consent(world.cw_a, info.id, date(2026, 5, 1))
    scope = consent.sharing_scope(world.cw_a, ep, world.office_name, date(2026, 4, 30))
    assert "health_barriers" in scope
    with pytest.raises(ConsentMissing):
        consent.sharing_scope(world.cw_a, ep, world.office_name, date(2026, 5, 1))


def test_referral_needs_the_office_among_consent_recipients(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "screening")
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    sign_consents(world, ep, date(2026, 4, 6), recipients=["ハローワーク池袋"])
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    with pytest.raises(ConsentMissing, match="ハローワーク新宿"):
        wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))


def test_expired_consent_does_not_support_a_referral(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "screening")
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    consent = world.services.consent
    consent.record_consent(world.cw_a, ep, ConsentInput("participation", date(2026, 4, 6)))
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", date(2026, 4, 6), valid_until=date(2026, 4, 7),
        recipients=[world.office_name], scope=["identity_contact"]))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    with pytest.raises(ConsentMissing):
        wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))


def test_consent_stores_wording_and_its_hash(world: World) -> None:
    ep = to_state(world, world.person(), "screening")
    record = world.services.consent.record_consent(
        world.cw_a, ep, ConsentInput("participation", date(2026, 4, 6),
                                     wording_version="2026.1", wording_text="同意します。"))
    import hashlib

    assert record.wording_hash == hashlib.sha256("同意します。".encode()).hexdigest()
    assert record.wording_version == "2026.1"


def test_a_referral_takes_its_number_only_when_the_document_is_issued(world: World) -> None:
    """Recording the 支援要請 takes no number (tests/documents/test_numbering.py: issuing
    does); a number typed for a paper already sent marks it sent, and is not taken twice."""
    from desktop.models import Referral

    ep1 = to_state(world, world.person(), "referred")
    ep2 = to_state(world, world.person(), "consented")
    wf = world.services.workflow
    record = wf.refer_to_hello_work(world.cw_a, ep2, world.office_id, date(2026, 4, 9),
                                    "福第45号")
    assert record.number == "福第45号"
    with world.services.ctx.db.read() as s:
        rows = {r.episode_id: r for r in s.scalars(select(Referral))}
    assert rows[ep1].number is None and rows[ep1].printed_at is None
    assert rows[ep2].printed_at is not None
    assert world.services.printing.pending_referrals(world.cw_a) == [ep1]
    ep3 = to_state(world, world.person(), "consented")
    with pytest.raises(InvalidInput, match="既に使われています"):
        wf.refer_to_hello_work(world.cw_a, ep3, world.office_id, date(2026, 4, 9), "福第45号")


def test_return_by_hello_work_goes_back_to_consented_with_reason(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "referred")
    with pytest.raises(InvalidInput, match="理由"):
        wf.return_referral(world.cw_a, ep, date(2026, 4, 10), " ")
    wf.return_referral(world.cw_a, ep, date(2026, 4, 10), "本人の体調不良のため")
    last = wf.timeline(world.cw_a, ep)[-1]
    assert (last.from_state, last.to_state, last.note) == ("referred", "consented",
                                                            "本人の体調不良のため")
    # ... and can be referred again.
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 20))
    assert wf.episode(world.cw_a, ep).state == "referred"


def test_acceptance_starts_support_period_and_records_plan(world: World) -> None:
    ep = to_state(world, world.person(), "active")
    summary = world.services.workflow.episode(world.cw_a, ep)
    assert summary.support_start_on == date(2026, 4, 15)
    assert summary.planned_end_on == date(2026, 10, 15)


def test_support_period_length_is_configurable_and_extendable(world: World) -> None:
    world.services.settings.set(world.admin, "support_period_months", 3)
    wf = world.services.workflow
    ep = to_state(world, world.person(), "active")
    assert wf.episode(world.cw_a, ep).planned_end_on == date(2026, 7, 15)
    with pytest.raises(InvalidInput):
        wf.extend_support(world.cw_a, ep, date(2026, 7, 1), "延長")
    wf.extend_support(world.cw_a, ep, date(2026, 10, 15), "職業訓練の受講のため")
    assert wf.episode(world.cw_a, ep).planned_end_on == date(2026, 10, 15)


def test_plan_needs_team_and_goal(world: World) -> None:
    ep = to_state(world, world.person(), "referred")
    bad = plan()
    from dataclasses import replace

    with pytest.raises(InvalidInput, match="チーム"):
        world.services.workflow.accept_referral(world.cw_a, ep, date(2026, 4, 15),
                                                replace(bad, team=[]))
    with pytest.raises(InvalidInput, match="職種"):
        world.services.workflow.accept_referral(world.cw_a, ep, date(2026, 4, 15),
                                                replace(bad, goal_job=""))
    # A review before the plan's own date (the new-office trial of 12-02: saved, and at
    # once 期限超過 on the agenda): refused, naming both days, and nothing is written.
    with pytest.raises(InvalidInput, match="見直し日（令和8年4月1日）がプランの作成日") as refused:
        world.services.workflow.accept_referral(world.cw_a, ep, date(2026, 4, 15), replace(
            bad, planned_on=date(2026, 4, 15), review_dates=[date(2026, 4, 1)]))
    assert refused.value.field == "review_dates"
    # Every problem at once (the re-check of 12-02 met the date only on a second try).
    with pytest.raises(InvalidInput) as both:
        world.services.workflow.accept_referral(world.cw_a, ep, date(2026, 4, 15), replace(
            bad, goal_job="", planned_on=date(2026, 4, 15), review_dates=[date(2026, 4, 1)]))
    assert set(both.value.problems) == {"goal_job", "review_dates"}
    assert world.services.workflow.episode(world.cw_a, ep).state == "referred"
    with pytest.raises(InvalidInput, match="見直し日"):
        world.services.workflow.revise_plan(world.cw_a, to_state(world, world.person(), "active"),
                                            replace(bad, review_dates=[date(2020, 1, 1)]))


def test_plan_revision_keeps_the_old_one(world: World) -> None:
    ep = to_state(world, world.person(), "active")
    assert world.services.workflow.revise_plan(world.cw_a, ep, plan("調理補助")) == 2
    from desktop.models import Plan

    with world.services.ctx.db.read() as s:
        rows = s.execute(select(Plan.revision, Plan.goal_job).where(Plan.episode_id == ep)
                         .order_by(Plan.revision)).all()
    assert [tuple(r) for r in rows] == [(1, "介護職員"), (2, "調理補助")]
    from desktop.models import PlanReview

    with world.services.ctx.db.read() as s:
        reviews = s.execute(select(PlanReview.done_on, PlanReview.result)).all()
    assert [tuple(r) for r in reviews] == [
        (date(2026, 6, 15), "第2版への改訂により終了"),  # revision 1's review, settled
        (None, ""),  # revision 2's own review date
    ]


def test_placement_moves_to_retention_with_checkpoints_at_1_3_6_months(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    assert wf.episode(world.cw_a, ep).state == "retention"
    cps = wf.checkpoints(world.cw_a, ep)
    assert [(c.months, c.due_on) for c in cps] == [
        (1, date(2026, 6, 1)), (3, date(2026, 8, 1)), (6, date(2026, 11, 1))]


def test_checkpoint_months_are_configurable(world: World) -> None:
    world.services.settings.set(world.admin, "checkpoint_months", [2, 12])
    ep = to_state(world, world.person(), "retention")
    assert [c.months for c in world.services.workflow.checkpoints(world.cw_a, ep)] == [2, 12]


def test_checkpoint_result_recorded(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    first = wf.checkpoints(world.cw_a, ep)[0]
    done = wf.record_checkpoint(world.cw_a, first.id, date(2026, 6, 2), "employed")
    assert (done.result, done.done_on) == ("employed", date(2026, 6, 2))
    with pytest.raises(InvalidInput):
        wf.record_checkpoint(world.cw_a, first.id, date(2026, 6, 2), "maybe")


def test_leaving_the_job_returns_the_episode_to_active(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    placement_id = wf.checkpoints(world.cw_a, ep)[0].placement_id
    summary = wf.end_placement(world.cw_a, placement_id, date(2026, 5, 20), "人間関係")
    assert summary.state == "active"
    with pytest.raises(DomainError, match="既に離職"):
        wf.end_placement(world.cw_a, placement_id, date(2026, 5, 21), "二重")
    # A second placement is possible from active.
    wf.record_placement(world.cw_a, ep, placement(date(2026, 6, 1)))
    assert wf.episode(world.cw_a, ep).state == "retention"


def test_future_dates_and_backdating_before_last_transition_are_refused(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "candidate")
    with pytest.raises(InvalidInput, match="未来"):
        wf.start_screening(world.cw_a, ep, date(2026, 6, 16))
    with pytest.raises(InvalidInput, match="以降"):
        wf.start_screening(world.cw_a, ep, date(2026, 3, 31))


def test_only_one_open_episode_per_person(world: World) -> None:
    person = world.person()
    to_state(world, person, "candidate")
    with pytest.raises(DomainError, match="終了していない"):
        world.services.workflow.open_episode(world.cw_a, person, date(2026, 5, 1))


def test_available_actions_explain_why_not(world: World) -> None:
    ep = to_state(world, world.person(), "consented")
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
            if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, info.id, date(2026, 4, 7))
    actions = {a.target: a for a in world.services.workflow.available_actions(world.cw_a, ep)}
    assert set(actions) == {"referred", "closed"}
    assert not actions["referred"].allowed
    assert "同意が未取得のため支援要請できません" in actions["referred"].reason
    assert actions["closed"].allowed


def test_contact_log_and_protection_outcome(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "active")
    wf.add_contact(world.cw_a, ep, ContactInput(
        date(2026, 5, 1), "case_conference", "支援調整会議を開催", next_action="面接練習",
        next_action_due=date(2026, 5, 8), attendees_welfare="青山", attendees_hello_work="田島",
        decisions="プラン継続", next_review_on=date(2026, 6, 1)))
    with pytest.raises(InvalidInput, match="内容"):
        wf.add_contact(world.cw_a, ep, ContactInput(date(2026, 5, 1), "phone", " "))
    with pytest.raises(InvalidInput, match="種別"):
        wf.add_contact(world.cw_a, ep, ContactInput(date(2026, 5, 1), "fax", "x"))
    assert isinstance(wf.record_protection_outcome(world.cw_a, ep, "abolished",
                                                   date(2026, 6, 1), True), uuid.UUID)


def test_every_write_is_audited_and_a_failed_write_leaves_nothing(world: World) -> None:
    db = world.services.ctx.db
    with db.read() as s:
        before_audit = s.scalar(select(func.count(AuditEntry.id)))
        before_transitions = s.scalar(select(func.count(Transition.id)))
    ep = to_state(world, world.person(), "candidate")
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.seq > before_audit)
                            .order_by(AuditEntry.seq)).all()
    assert actions == ["create", "create"]  # person, episode
    with pytest.raises(TransitionNotAllowed):
        world.services.workflow.record_placement(world.cw_a, ep, placement(date(2026, 5, 1)))
    with db.read() as s:
        assert s.scalar(select(func.count(Transition.id))) == before_transitions + 1
        assert s.scalar(select(func.count(AuditEntry.id))) == before_audit + 2


def test_intake_registers_person_and_episode_together_or_not_at_all(world: World) -> None:
    from dataclasses import replace

    from desktop.services.persons import PersonInput

    data = PersonInput("N-1", "林", "誠", "ハヤシ", "マコト", date(1970, 1, 1), "needy")
    wf = world.services.workflow
    person, episode = wf.intake(world.cw_a, data, date(2026, 6, 1), "窓口相談から")
    assert (episode.person_id, episode.state) == (person.id, "candidate")
    with pytest.raises(InvalidInput, match="未来"):
        wf.intake(world.cw_a, replace(data, case_number="N-2"), date(2026, 7, 1))
    assert world.services.search.search(world.cw_a, "N-2") == []


def test_episode_records_read_back(world: World) -> None:
    ep = to_state(world, world.person(), "retention")
    records = world.services.records
    assert [r.office_name for r in records.referrals(world.cw_a, ep)] == [world.office_name]
    plan_view = records.current_plan(world.cw_a, ep)
    assert plan_view is not None and plan_view.goal_job == "介護職員"
    assert [p.employer for p in records.placements(world.cw_a, ep)] == ["株式会社ひかり物流"]
    world.services.workflow.add_contact(world.cw_a, ep, ContactInput(date(2026, 6, 2), "phone", "定着状況を確認"))
    contacts = records.contacts(world.cw_a, ep)
    assert [(c.content, c.staff_name) for c in contacts] == [("定着状況を確認", "青山 里美")]


def test_closing_while_waiting_withdraws_the_referral(world: World) -> None:
    ep = to_state(world, world.person(), "referred")
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 4, 20), "辞退")
    assert [r.status for r in world.services.records.referrals(world.cw_a, ep)] == ["withdrawn"]


def test_closing_with_open_retention_checks_asks_what_becomes_of_them(world: World) -> None:
    """Nothing is closed until the caller says: cancel the checks or keep them."""
    from desktop.services.workflow import OpenCheckpoints

    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")  # checks due 6/1, 8/1, 11/1
    first = wf.checkpoints(world.cw_a, ep)[0]
    wf.record_checkpoint(world.cw_a, first.id, date(2026, 6, 2), "employed")
    with pytest.raises(OpenCheckpoints, match="2 件残っています（3か月、6か月）") as asked:
        wf.close_episode(world.cw_a, ep, date(2026, 6, 10), "就職(定着確認)")
    assert [c.months for c in asked.value.checkpoints] == [3, 6]
    assert wf.episode(world.cw_a, ep).state == "retention"
    with pytest.raises(InvalidInput):
        wf.close_episode(world.cw_a, ep, date(2026, 6, 10), "就職(定着確認)",
                         open_checkpoints="maybe")


def test_closing_can_cancel_the_open_checks_so_none_is_left_without_a_result(
        world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    wf.close_episode(world.cw_a, ep, date(2026, 6, 10), "転居・移管", open_checkpoints="cancel")
    checks = wf.checkpoints(world.cw_a, ep)
    assert [(c.months, c.result, c.done_on) for c in checks] == [
        (1, "cancelled", date(2026, 6, 10)), (3, "cancelled", date(2026, 6, 10)),
        (6, "cancelled", date(2026, 6, 10))]
    assert wf.open_checkpoints(world.cw_a, ep) == []
    agenda = world.services.caseload.agenda(world.cw_a)
    assert agenda.of_kind("checkpoint") == []


def test_closing_can_keep_the_checks_which_stay_on_the_agenda_and_can_be_recorded(
        world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    wf.close_episode(world.cw_a, ep, date(2026, 6, 10), "保護廃止(就労収入増)",
                     open_checkpoints="keep")
    assert [c.months for c in wf.open_checkpoints(world.cw_a, ep)] == [1, 3, 6]
    agenda = world.services.caseload.agenda(world.cw_a)
    assert [(i.detail, i.overdue) for i in agenda.of_kind("checkpoint")] == [
        ("1か月定着確認", True)]
    first = wf.open_checkpoints(world.cw_a, ep)[0]
    wf.record_checkpoint(world.cw_a, first.id, date(2026, 6, 12), "employed")
    assert world.services.caseload.agenda(world.cw_a).of_kind("checkpoint") == []


def test_a_check_dated_on_the_placement_day_is_refused(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")  # placed on 2026-05-01
    first = wf.checkpoints(world.cw_a, ep)[0]
    with pytest.raises(InvalidInput, match="就職日") as refused:
        wf.record_checkpoint(world.cw_a, first.id, date(2026, 5, 1), "employed", early=True)
    assert refused.value.field == "done_on"
    assert wf.checkpoints(world.cw_a, ep)[0].result is None


def test_a_check_well_before_its_due_date_needs_confirming(world: World) -> None:
    from desktop.services.errors import NeedsConfirmation

    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")  # 1 month due 2026-06-01
    first = wf.checkpoints(world.cw_a, ep)[0]
    with pytest.raises(NeedsConfirmation, match="予定日は 令和8年6月1日 です。21日早い"):
        wf.record_checkpoint(world.cw_a, first.id, date(2026, 5, 11), "employed")
    assert wf.checkpoints(world.cw_a, ep)[0].result is None
    # Within two weeks of the due date no question is asked; earlier, once confirmed.
    wf.record_checkpoint(world.cw_a, first.id, date(2026, 5, 11), "employed", early=True)
    assert wf.checkpoints(world.cw_a, ep)[0].done_on == date(2026, 5, 11)
    second = wf.checkpoints(world.cw_a, ep)[1]  # due 2026-08-01: in the future
    with pytest.raises(InvalidInput, match="未来"):
        wf.record_checkpoint(world.cw_a, second.id, date(2026, 7, 20), "employed")
    with pytest.raises(InvalidInput, match="確認結果"):
        wf.record_checkpoint(world.cw_a, second.id, date(2026, 6, 1), "cancelled")
