"""The caseload list pages and today's agenda."""

from __future__ import annotations

import dataclasses
from datetime import date

from desktop.services.caseload import CaseloadFilter, CaseloadService
from desktop.services.hello_work import ActivityInput
from desktop.services.workflow import ContactInput
from tests.conftest import Clock, World
from tests.services.helpers import plan, to_state


def _names(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.kana for r in rows]


def test_pages_walk_the_whole_caseload_in_order_without_gaps(world: World) -> None:
    kana = ["アオキ", "イトウ", "ウエダ", "エンドウ", "オガワ", "カトウ", "キムラ"]
    for k in kana:
        to_state(world, world.person(family_kana=k), "candidate")
    service = CaseloadService(world.services.ctx)
    seen, after = [], None
    while True:
        page = service.page(world.cw_a, CaseloadFilter(), after=after, limit=3)
        if not page:
            break
        seen += [r.kana.split()[0] for r in page]
        after = page[-1].cursor
    assert seen == kana
    desc = service.page(world.cw_a, CaseloadFilter(), descending=True, limit=2)
    assert [r.kana.split()[0] for r in desc] == ["キムラ", "カトウ"]
    assert service.count(world.cw_a, CaseloadFilter()) == 7


def test_a_caseworkers_pages_merge_their_own_and_shared_cases_in_order(world: World) -> None:
    """Own cases come from the caseworker's index and shared ones apart; every page, both
    ways and by both sort keys, is the supervisor's list restricted to what cw_a may see."""
    own = ["アオキ", "ウエダ", "オガワ", "キムラ", "ケンドウ"]
    others = ["イトウ", "エンドウ", "カトウ", "クボタ", "コバヤシ"]
    for k in own:
        to_state(world, world.person(family_kana=k), "candidate")
    for i, k in enumerate(others):
        pid = world.person(by=world.cw_b, family_kana=k)
        to_state(world, pid, "candidate", by=world.cw_b)
        if i % 2 == 0:  # イトウ, カトウ, コバヤシ are shared with cw_a
            world.services.persons.share_case(world.cw_b, pid, world.cw_a.user_id)
    service = CaseloadService(world.services.ctx)
    visible = {"アオキ", "ウエダ", "オガワ", "キムラ", "ケンドウ", "イトウ", "カトウ", "コバヤシ"}
    for sort in ("kana", "case_number"):
        for descending in (False, True):
            expected = [r.kana.split()[0] for r in service.page(
                world.supervisor, CaseloadFilter(), sort, descending)
                if r.kana.split()[0] in visible]
            seen, after = [], None
            while page := service.page(world.cw_a, CaseloadFilter(), sort, descending, after,
                                       limit=3):
                seen += [r.kana.split()[0] for r in page]
                after = page[-1].cursor
            assert seen == expected and len(seen) == 8, (sort, descending)
    assert [r.kana.split()[0] for r in service.page(world.cw_b, CaseloadFilter())] == others


def test_filters_state_category_staff_and_caseload(world: World) -> None:
    to_state(world, world.person(category="needy"), "screening")
    to_state(world, world.person(), "active")
    to_state(world, world.person(by=world.cw_b), "candidate", by=world.cw_b)
    service = CaseloadService(world.services.ctx)
    assert [r.state for r in service.page(world.cw_a, CaseloadFilter(states=("active",)))] == [
        "active"]
    assert len(service.page(world.cw_a, CaseloadFilter(category="needy"))) == 1
    assert len(service.page(world.cw_a, CaseloadFilter())) == 2  # not cw_b's case
    everyone = service.page(world.supervisor, CaseloadFilter())
    assert len(everyone) == 3
    only_b = service.page(world.supervisor, CaseloadFilter(caseworker_id=world.cw_b.user_id))
    assert [r.caseworker_name for r in only_b] == ["石原 正人"]


def test_overdue_filter_finds_missed_checkpoints(world: World, clock: Clock) -> None:
    ep = to_state(world, world.person(), "retention")  # 1-month checkpoint due 2026-06-01
    active = to_state(world, world.person(family_kana="サトウ"), "active")
    world.services.hello_work.record_activity(  # Hello Work not silent on it
        world.cw_a, active, ActivityInput("consultation", date(2026, 6, 10)))
    service = CaseloadService(world.services.ctx)
    overdue = service.page(world.cw_a, CaseloadFilter(overdue_only=True))
    assert [r.episode_id for r in overdue] == [ep]


def test_agenda_lists_what_is_due(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    referred = to_state(world, world.person(family_kana="サトウ"), "referred")
    wf.add_contact(world.cw_a, ep, ContactInput(date(2026, 6, 10), "phone", "体調確認",
                                                next_action="面接練習",
                                                next_action_due=date(2026, 6, 17)))
    agenda = CaseloadService(world.services.ctx).agenda(world.cw_a)
    checkpoints = agenda.of_kind("checkpoint")
    assert [(i.due_on, i.overdue, i.detail) for i in checkpoints] == [
        (date(2026, 6, 1), True, "1か月定着確認")]
    assert [i.episode_id for i in agenda.of_kind("waiting_referral")] == [referred]
    assert [i.detail for i in agenda.of_kind("next_action")] == ["面接練習"]
    # Marking it done takes it off the agenda.
    wf.complete_next_action(world.cw_a, agenda.of_kind("next_action")[0].item_id,
                            date(2026, 6, 12))
    assert CaseloadService(world.services.ctx).agenda(world.cw_a).of_kind("next_action") == []
    # Other caseworkers do not see this agenda.
    assert CaseloadService(world.services.ctx).agenda(world.cw_b).items == ()


def _sorting_world(world: World) -> None:
    """Eight persons whose every listed column differs, three of them cw_b's (one shared
    with cw_a), in several states."""
    wf = world.services.workflow
    people = [  # case number, kana, name, birth, category, state, by cw_b
        ("C-08", "アオキ", ("青木", "一郎"), date(1970, 5, 1), "needy", "active", False),
        ("C-03", "イトウ", ("伊藤", "二郎"), date(1985, 1, 9), "public_assistance",
         "candidate", False),
        ("C-05", "ウエダ", ("上田", "三郎"), date(1962, 3, 3), "disability", "retention", True),
        ("C-01", "エンドウ", ("遠藤", "四郎"), date(1990, 7, 7), "child_rearing", "screening",
         False),
        ("C-07", "オガワ", ("小川", "五郎"), date(1979, 2, 2), "needy", "referred", True),
        ("C-02", "カトウ", ("加藤", "六郎"), date(1955, 9, 9), "other", "active", False),
        ("C-06", "キムラ", ("木村", "七郎"), date(1999, 4, 4), "public_assistance",
         "retention", False),
        ("C-04", "クボタ", ("久保田", "八郎"), date(1966, 6, 6), "housing_benefit",
         "consented", True),
    ]
    for number, kana, (family, given), birth, category, state, by_b in people:
        actor = world.cw_b if by_b else world.cw_a
        pid = world.person(by=actor, case_number=number, family_kana=kana, given_kana="タロウ",
                           family_name=family, given_name=given, birth_date=birth,
                           category=category)
        to_state(world, pid, state, by=actor)
        if kana == "ウエダ":
            world.services.persons.share_case(world.cw_b, pid, world.cw_a.user_id)
    # Different support-period ends and state dates.
    eps = {r.kana.split()[0]: r.episode_id
           for r in CaseloadService(world.services.ctx).page(world.supervisor, CaseloadFilter())}
    wf.extend_support(world.cw_a, eps["カトウ"], date(2028, 1, 1), "延長")


def _walk(service: CaseloadService, actor, sort: str, descending: bool,  # type: ignore[no-untyped-def]
          limit: int = 3) -> list:  # type: ignore[type-arg]
    rows, after = [], None
    while page := service.page(actor, CaseloadFilter(), sort, descending, after, limit):
        rows += page
        after = page[-1].cursor
    return rows


def _expected_key(row, sort: str):  # type: ignore[no-untyped-def]
    from desktop.services.labels import CATEGORIES, STATES

    return {"case_number": row.case_number, "name": row.name, "kana": row.kana,
            "birth_date": row.birth_date,
            "category": (list(CATEGORIES).index(row.category), row.kana),
            "state": (list(STATES).index(row.state), row.state_since),
            "state_since": row.state_since,
            "planned_end_on": ((0, row.planned_end_on) if row.planned_end_on
                               else (1, row.state_since)),
            "caseworker": row.caseworker_name}[sort]


def test_every_column_sorts_both_ways_page_by_page(world: World) -> None:
    """Each listed column orders the list (the rows' own values are in order), for the
    whole office and for a caseworker, in pages that neither repeat nor skip a person."""
    from desktop.services.caseload import SORT_KEYS

    _sorting_world(world)
    service = CaseloadService(world.services.ctx)
    for actor, expected_count in ((world.supervisor, 8), (world.cw_a, 6)):
        for sort in SORT_KEYS:
            for descending in (False, True):
                rows = _walk(service, actor, sort, descending)
                assert len({r.person_id for r in rows}) == len(rows) == expected_count, (
                    actor.username, sort, descending)
                keys = [_expected_key(r, sort) for r in rows]
                if sort == "caseworker":  # one block per caseworker, ordered by name
                    blocks = [k for i, k in enumerate(keys) if i == 0 or keys[i - 1] != k]
                    assert len(blocks) == len(set(keys))
                    keys = blocks
                    if descending:
                        keys = keys[::-1]
                    assert keys == sorted(keys), sort
                    continue
                assert keys == sorted(keys, reverse=descending), (actor.username, sort,
                                                                  descending, keys)


def test_an_unknown_sort_is_refused(world: World) -> None:
    import pytest

    from desktop.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        CaseloadService(world.services.ctx).page(world.cw_a, CaseloadFilter(), "shoe_size")


def test_sorting_by_the_episode_shows_each_person_once_with_the_latest_episode(
        world: World) -> None:
    """A person with a closed episode and a new one is one row, with the new episode, in
    every order, even with 終了を含むすべて."""
    wf = world.services.workflow
    pid = world.person(family_kana="アオキ")
    old = wf.open_episode(world.cw_a, pid, date(2026, 4, 1)).id
    wf.close_episode(world.cw_a, old, date(2026, 4, 2), "辞退")
    new = wf.open_episode(world.cw_a, pid, date(2026, 5, 1)).id
    service = CaseloadService(world.services.ctx)
    everything = CaseloadFilter(states=(*CaseloadFilter().states, "closed"))
    for sort in ("kana", "state", "state_since", "planned_end_on"):
        rows = service.page(world.cw_a, everything, sort)
        assert [r.episode_id for r in rows] == [new], sort


def test_overdue_only_lists_everyone_the_agenda_marks_overdue(world: World) -> None:
    """今日の予定 and ケース一覧's 期限超過のみ agree: every overdue item of the agenda (a
    check, a plan review, an unanswered referral, a next action, a check kept open after
    closing, a referral Hello Work has been silent on, a reported hire not recorded) has its
    person in the list, and nobody else is there."""
    wf = world.services.workflow
    service = CaseloadService(world.services.ctx)
    checkpoint = to_state(world, world.person(family_kana="アオキ"), "retention")  # due 6/1
    waiting = to_state(world, world.person(family_kana="イトウ"), "referred")  # 4/8 + 14 days
    action = to_state(world, world.person(family_kana="ウエダ"), "screening")
    wf.add_contact(world.cw_a, action, ContactInput(
        date(2026, 6, 1), "phone", "電話した", next_action="書類を受け取る",
        next_action_due=date(2026, 6, 5)))
    heard = to_state(world, world.person(family_kana="エンドウ"), "active")  # review 7/1
    hw = world.services.hello_work
    hw.record_activity(world.cw_a, heard, ActivityInput("consultation", date(2026, 6, 10)))
    review = to_state(world, world.person(family_kana="エノモト"), "referred")
    wf.accept_referral(world.cw_a, review, date(2026, 4, 15), dataclasses.replace(
        plan(), review_dates=[date(2026, 6, 1)]))  # review overdue
    kept = to_state(world, world.person(family_kana="オガワ"), "retention")
    wf.close_episode(world.cw_a, kept, date(2026, 6, 10), "保護廃止(就労収入増)",
                     open_checkpoints="keep")
    cancelled = to_state(world, world.person(family_kana="カトウ"), "retention")
    wf.close_episode(world.cw_a, cancelled, date(2026, 6, 10), "転居・移管",
                     open_checkpoints="cancel")
    fresh = to_state(world, world.person(family_kana="キムラ"), "active")  # nothing overdue
    hw.record_activity(world.cw_a, fresh, ActivityInput(  # a hire of 6/10: a week to record
        "outcome", date(2026, 6, 10), company="A社", result="hired"))
    silent = to_state(world, world.person(family_kana="クボタ"), "active")  # silent since 4/15
    hired = to_state(world, world.person(family_kana="ケンドウ"), "active")
    hw.record_activity(world.cw_a, hired, ActivityInput(
        "outcome", date(2026, 6, 1), company="B社", result="hired"))  # not recorded in a week
    agenda = service.agenda(world.cw_a)
    overdue_episodes = {i.episode_id for i in agenda.items if i.overdue}
    listed = service.page(world.cw_a, CaseloadFilter(overdue_only=True))
    assert {r.episode_id for r in listed} == overdue_episodes
    kinds = {i.kind for i in agenda.items if i.overdue}
    assert {"checkpoint", "waiting_referral", "next_action", "plan_review",
            "hello_work_silent", "hire_reported"} <= kinds
    assert {checkpoint, waiting, action, kept, review, silent, hired} <= overdue_episodes
    assert cancelled not in overdue_episodes
    assert heard not in overdue_episodes and fresh not in overdue_episodes
    assert service.count(world.cw_a, CaseloadFilter(overdue_only=True)) == len(listed)
    # Sorted by state, the same persons.
    by_state = service.page(world.cw_a, CaseloadFilter(overdue_only=True), "state")
    assert {r.episode_id for r in by_state} == overdue_episodes
