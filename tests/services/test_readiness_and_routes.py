"""The readiness assessment at 検討, the route the screening decision leads to, moving between
routes (to the Hello Work referral and back), and the support activities of the other routes
with their outcomes: permissions, validation and audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import Referral
from desktop.services.errors import (
    ConsentMissing,
    DomainError,
    InvalidInput,
    PermissionDenied,
)
from desktop.services.labels import DEFAULT_READINESS_ITEMS
from desktop.services.routes import ActivityInput, AssessmentInput, ReadinessScore
from tests.conftest import World
from tests.services.helpers import plan, sign_consents, to_state
from tests.services.route_helpers import (
    assessment,
    audit_rows,
    employer,
    experience,
    readiness_program,
    screened,
    training,
)

# ---------------------------------------------------------------- readiness


def test_readiness_is_assessed_at_screening_revised_and_kept(world: World) -> None:
    routes = world.services.routes
    ep = to_state(world, world.person(), "screening")
    first = routes.assess_readiness(world.cw_a, ep, assessment(low=("生活リズム",),
                                                               summary="朝が弱い"))
    assert (first.revision, first.assessor_name) == (1, "青山 里美")
    assert [x.item for x in first.scores] == DEFAULT_READINESS_ITEMS
    assert [x.item for x in first.concerns] == ["生活リズム"]
    second = routes.assess_readiness(world.cw_a, ep, assessment(date(2026, 5, 1), score=4))
    assert second.revision == 2 and second.concerns == ()
    assert routes.current_assessment(world.supervisor, ep) == second
    history = routes.assessments(world.viewer, ep)
    assert [a.revision for a in history] == [2, 1]
    assert history[1].summary == "朝が弱い" and history[1].scores[0].score == 1
    assert [r.entity_id for r in audit_rows(world, "readiness", "create")] == [
        str(first.id), str(second.id)]
    assert world.services.maintenance.verify(world.admin).ok


def test_readiness_items_are_configurable_and_old_assessments_keep_theirs(
        world: World) -> None:
    routes = world.services.routes
    ep = to_state(world, world.person(), "screening")
    old = routes.assess_readiness(world.cw_a, ep, assessment())
    world.services.settings.set(world.admin, "readiness_items", ["生活リズム", "デジタル機器の利用"])
    assert routes.readiness_items() == ["生活リズム", "デジタル機器の利用"]
    with pytest.raises(InvalidInput, match="評価項目にない項目"):
        routes.assess_readiness(world.cw_a, ep, assessment())
    new = routes.assess_readiness(world.cw_a, ep, AssessmentInput(date(2026, 4, 20), (
        ReadinessScore("生活リズム", 2), ReadinessScore("デジタル機器の利用", 1, "スマホのみ"))))
    assert [x.item for x in new.scores] == ["生活リズム", "デジタル機器の利用"]
    assert routes.assessments(world.cw_a, ep)[1] == old


@pytest.mark.parametrize(("change", "field", "message"), [
    (lambda a: replace(a, scores=a.scores[1:]), "score:生活リズム", "未評価: 生活リズム"),
    (lambda a: replace(a, scores=(replace(a.scores[0], score=5), *a.scores[1:])),
     "score:生活リズム", "1〜4"),
    (lambda a: replace(a, scores=(replace(a.scores[0], note="あ" * 201), *a.scores[1:])),
     "note:生活リズム", "200文字"),
    (lambda a: replace(a, scores=(*a.scores, a.scores[0])), "scores", "2回"),
    (lambda a: replace(a, assessed_on=date(2026, 6, 16)), "assessed_on", "未来"),
    (lambda a: replace(a, assessed_on=date(2026, 3, 31)), "assessed_on", "受付日"),
])
def test_a_bad_assessment_is_refused_naming_the_item_and_nothing_is_kept(
        world: World, change: object, field: str, message: str) -> None:
    ep = to_state(world, world.person(), "screening")
    with pytest.raises(InvalidInput, match=message) as err:
        world.services.routes.assess_readiness(world.cw_a, ep, change(assessment()))  # type: ignore[operator]
    assert err.value.field == field
    assert world.services.routes.assessments(world.cw_a, ep) == []


def test_readiness_waits_for_screening_and_ends_with_the_episode(world: World) -> None:
    routes, wf = world.services.routes, world.services.workflow
    ep = to_state(world, world.person(), "candidate")
    with pytest.raises(DomainError, match="検討を始めてから"):
        routes.assess_readiness(world.cw_a, ep, assessment())
    wf.close_episode(world.cw_a, ep, date(2026, 4, 2), "辞退")
    with pytest.raises(DomainError, match="現在: 終了"):
        routes.assess_readiness(world.cw_a, ep, assessment())


def test_only_those_who_may_edit_the_case_assess_it(world: World) -> None:
    routes = world.services.routes
    ep = to_state(world, world.person(), "screening")
    for outsider in (world.cw_b, world.viewer):
        with pytest.raises(PermissionDenied):
            routes.assess_readiness(outsider, ep, assessment())
    with pytest.raises(PermissionDenied):
        routes.assessments(world.cw_b, ep)
    routes.assess_readiness(world.supervisor, ep, assessment())
    assert len(routes.assessments(world.viewer, ep)) == 1


# ---------------------------------------------------------------- the decision's route


def test_the_screening_decision_records_its_route(world: World) -> None:
    wf = world.services.workflow
    ep = screened(world, world.person(), "work_readiness")
    summary = wf.episode(world.cw_a, ep)
    assert (summary.screening_route, summary.route) == ("work_readiness", "work_readiness")
    [change] = wf.route_history(world.cw_a, ep)
    assert (change.from_route, change.to_route, change.on) == (None, "work_readiness",
                                                               date(2026, 4, 5))
    hello_work = screened(world, world.person())  # the default: the Hello Work referral
    assert wf.episode(world.cw_a, hello_work).route == "hello_work"
    [row] = [r for r in audit_rows(world, "episode", "screening_decision")
             if r.entity_id == str(ep)]
    assert '"route":"work_readiness"' in row.detail


def test_a_decision_refuses_an_unknown_route_and_a_rejection_has_none(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "screening")
    with pytest.raises(InvalidInput, match="経路") as err:
        wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5),
                                     route="somewhere")
    assert err.value.field == "route"
    with pytest.raises(InvalidInput, match="対象としない"):
        wf.record_screening_decision(world.cw_a, ep, "rejected", date(2026, 4, 5),
                                     route="training")
    assert wf.episode(world.cw_a, ep).screening_decision is None


def test_off_the_hello_work_route_there_is_no_consent_step_nor_referral(world: World) -> None:
    wf = world.services.workflow
    ep = screened(world, world.person(), "work_experience")
    sign_consents(world, ep, date(2026, 4, 6))
    with pytest.raises(ConsentMissing, match="支援の経路が「職場体験・中間的就労」"):
        wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    actions = {a.target: a for a in wf.available_actions(world.cw_a, ep)}
    assert not actions["consented"].allowed
    assert "経路を「ハローワークへの支援要請」に変更" in actions["consented"].reason


# ---------------------------------------------------------------- moving between routes


def test_a_person_moves_from_work_readiness_to_the_referral_and_back(world: World) -> None:
    wf = world.services.workflow
    ep = screened(world, world.person(), "work_readiness")
    wf.change_route(world.cw_a, ep, "hello_work", date(2026, 5, 1), "生活リズムが整った")
    sign_consents(world, ep, date(2026, 5, 2))
    wf.confirm_consent(world.cw_a, ep, date(2026, 5, 2))
    referral = wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 5, 8))
    # Not yet ready after all: back to the preparation programme before Hello Work answers.
    summary = wf.change_route(world.cw_a, ep, "work_readiness", date(2026, 5, 20), "再調整")
    assert (summary.state, summary.route) == ("consented", "work_readiness")
    with world.services.ctx.db.read() as s:
        row = s.get(Referral, referral.id)
        assert row is not None and (row.status, row.status_on) == ("withdrawn", date(2026, 5, 20))
    assert [(c.from_route, c.to_route, c.on, c.note) for c in wf.route_history(world.cw_a, ep)] == [
        (None, "work_readiness", date(2026, 4, 5), ""),
        ("work_readiness", "hello_work", date(2026, 5, 1), "生活リズムが整った"),
        ("hello_work", "work_readiness", date(2026, 5, 20), "再調整")]
    last = wf.timeline(world.cw_a, ep)[-1]
    assert (last.from_state, last.to_state, last.note) == (
        "referred", "consented", "経路の変更により支援要請を取下げ")
    with pytest.raises(ConsentMissing, match="経路"):
        wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 5, 21))
    # And to Hello Work again: the consents still hold.
    wf.change_route(world.cw_a, ep, "hello_work", date(2026, 6, 1))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 6, 2))
    assert wf.episode(world.cw_a, ep).state == "referred"
    assert [r.detail for r in audit_rows(world, "episode", "route_change")
            if r.entity_id == str(ep)][-1].count('"to":"hello_work"') == 1
    assert world.services.maintenance.verify(world.admin).ok


def test_in_support_the_route_changes_and_the_support_period_goes_on(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "active")
    summary = wf.change_route(world.cw_a, ep, "training", date(2026, 5, 1))
    assert (summary.state, summary.route, summary.support_start_on) == (
        "active", "training", date(2026, 4, 15))
    assert wf.change_route(world.cw_a, ep, "hello_work", date(2026, 6, 1)).state == "active"


@pytest.mark.parametrize(("state", "message"), [("candidate", "現在: 候補"),
                                                ("retention", "現在: 定着支援")])
def test_the_route_is_fixed_before_the_decision_and_once_placed(
        world: World, state: str, message: str) -> None:
    ep = to_state(world, world.person(), state)
    with pytest.raises(DomainError, match=message):
        world.services.workflow.change_route(world.cw_a, ep, "training", date(2026, 6, 1))


def test_a_route_change_is_refused_when_pointless_early_or_not_decided(world: World) -> None:
    wf = world.services.workflow
    undecided = to_state(world, world.person(), "screening")
    with pytest.raises(DomainError, match="支援対象と決定されてから"):
        wf.change_route(world.cw_a, undecided, "training", date(2026, 4, 10))
    ep = screened(world, world.person(), "training")
    with pytest.raises(InvalidInput, match="既に「職業訓練」"):
        wf.change_route(world.cw_a, ep, "training", date(2026, 4, 10))
    with pytest.raises(InvalidInput, match="以降"):
        wf.change_route(world.cw_a, ep, "hello_work", date(2026, 4, 4))
    with pytest.raises(InvalidInput, match="経路"):
        wf.change_route(world.cw_a, ep, "nowhere", date(2026, 4, 10))
    for outsider in (world.cw_b, world.viewer):
        with pytest.raises(PermissionDenied):
            wf.change_route(outsider, ep, "hello_work", date(2026, 4, 10))
    assert wf.episode(world.cw_a, ep).route == "training"


# ---------------------------------------------------------------- activities


def test_each_route_is_a_typed_activity_with_its_outcome(world: World) -> None:
    routes = world.services.routes
    ep = screened(world, world.person(), "work_readiness")
    farm = employer(world)
    program = routes.start_activity(world.cw_a, ep, readiness_program())
    routes.record_progress(world.cw_a, program.id, 12, "遅刻なく通所")
    done = routes.end_activity(world.cw_a, program.id, date(2026, 6, 1), "completed", 38)
    assert (done.outcome, done.days_attended, done.evaluation, done.end_on) == (
        "completed", 38, "遅刻なく通所", date(2026, 6, 1))
    visit = routes.start_activity(world.cw_a, ep, experience(farm))
    assert (visit.employer_name, visit.where, visit.provider) == (
        "株式会社みどり農園", "株式会社みどり農園", "")
    routes.end_activity(world.cw_a, visit.id, date(2026, 5, 14), "completed", 9,
                        "作業は丁寧。休憩の取り方に課題")
    course = routes.start_activity(world.cw_a, ep, training())
    routes.end_activity(world.cw_a, course.id, date(2026, 6, 10), "discontinued", 20,
                        "就職先が決まり中退の予定だったが体調不良で中断")
    listed = routes.activities(world.viewer, ep)
    assert [(a.kind, a.subtype, a.outcome) for a in listed] == [
        ("work_readiness", "", "completed"), ("work_experience", "work_experience", "completed"),
        ("training", "public_training", "discontinued")]
    assert len(audit_rows(world, "activity", "create")) == 3
    assert len(audit_rows(world, "activity", "update")) == 4
    assert world.services.maintenance.verify(world.admin).ok


@pytest.mark.parametrize(("data", "field"), [
    (ActivityInput("volunteering", date(2026, 5, 1)), "kind"),
    (ActivityInput("work_readiness", date(2026, 5, 1)), "provider"),
    (ActivityInput("work_experience", date(2026, 5, 1), subtype="work_experience"), "employer"),
    (ActivityInput("work_experience", date(2026, 5, 1), subtype="internship"), "subtype"),
    (ActivityInput("training", date(2026, 5, 1), subtype="public_training",
                   provider="校"), "course"),
    (ActivityInput("training", date(2026, 5, 1), subtype="public_training", course="科"),
     "provider"),
    (ActivityInput("training", date(2026, 5, 1), subtype="correspondence", course="科",
                   provider="校"), "subtype"),
    (ActivityInput("work_readiness", date(2026, 5, 1), provider="NPO",
                   planned_end_on=date(2026, 4, 30)), "planned_end_on"),
    (ActivityInput("work_readiness", date(2026, 5, 1), provider="NPO", planned_days=0),
     "planned_days"),
    (ActivityInput("work_readiness", date(2026, 3, 1), provider="NPO"), "start_on"),
])
def test_a_bad_activity_is_refused_beside_its_field(world: World, data: ActivityInput,
                                                     field: str) -> None:
    ep = screened(world, world.person())
    with pytest.raises(InvalidInput) as err:
        world.services.routes.start_activity(world.cw_a, ep, data)
    assert err.value.field == field
    assert world.services.routes.activities(world.cw_a, ep) == []


def test_a_disabled_employer_hosts_no_new_experience(world: World) -> None:
    ep = screened(world, world.person(), "work_experience")
    farm = employer(world)
    world.services.employers.set_active(world.cw_a, farm, False)
    with pytest.raises(InvalidInput, match="無効"):
        world.services.routes.start_activity(world.cw_a, ep, experience(farm))


def test_attendance_and_endings_are_checked(world: World) -> None:
    routes = world.services.routes
    ep = screened(world, world.person())
    program = routes.start_activity(world.cw_a, ep, readiness_program(date(2026, 6, 1)))
    with pytest.raises(InvalidInput, match="0〜15日"):  # 6/1..6/15 (today)
        routes.record_progress(world.cw_a, program.id, 16)
    with pytest.raises(InvalidInput, match="結果"):
        routes.end_activity(world.cw_a, program.id, date(2026, 6, 10), "graduated")
    with pytest.raises(InvalidInput, match="開始日"):
        routes.end_activity(world.cw_a, program.id, date(2026, 5, 31), "completed")
    with pytest.raises(InvalidInput, match="未来"):
        routes.end_activity(world.cw_a, program.id, date(2026, 6, 20), "completed")
    routes.end_activity(world.cw_a, program.id, date(2026, 6, 10), "employed", 8)
    with pytest.raises(DomainError, match="既に終了"):
        routes.end_activity(world.cw_a, program.id, date(2026, 6, 12), "completed")
    with pytest.raises(DomainError, match="終了した支援"):
        routes.record_progress(world.cw_a, program.id, 9)


def test_activities_need_an_approved_open_episode_and_the_right_to_edit(
        world: World) -> None:
    routes = world.services.routes
    undecided = to_state(world, world.person(), "screening")
    with pytest.raises(DomainError, match="支援対象と決定されてから"):
        routes.start_activity(world.cw_a, undecided, readiness_program())
    ep = to_state(world, world.person(), "active")  # a Hello Work case may train as well
    for outsider in (world.cw_b, world.viewer):
        with pytest.raises(PermissionDenied):
            routes.start_activity(outsider, ep, training())
    course = routes.start_activity(world.supervisor, ep, training())
    with pytest.raises(PermissionDenied):
        routes.record_progress(world.cw_b, course.id, 1)
    with pytest.raises(PermissionDenied):
        routes.activities(world.cw_b, ep)
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 6, 12), "辞退")
    with pytest.raises(DomainError, match="現在: 終了"):
        routes.start_activity(world.cw_a, ep, training())


def test_an_accepted_referral_with_a_plan_still_counts_the_route_as_hello_work(
        world: World) -> None:
    """The ordinary case goes on as before: approve → consents → referral → 支援中."""
    wf = world.services.workflow
    ep = screened(world, world.person())
    sign_consents(world, ep, date(2026, 4, 6))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    wf.accept_referral(world.cw_a, ep, date(2026, 4, 15), plan())
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.status).where(Referral.episode_id == ep)) == "accepted"
    assert wf.episode(world.cw_a, ep).route == "hello_work"
