"""The caseload list pages and today's agenda."""

from __future__ import annotations

from datetime import date

from desktop.services.caseload import CaseloadFilter, CaseloadService
from desktop.services.workflow import ContactInput
from tests.conftest import Clock, World
from tests.services.helpers import to_state


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
        after = (page[-1].sort_value, page[-1].person_id)
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
                after = (page[-1].sort_value, page[-1].person_id)
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
    to_state(world, world.person(family_kana="サトウ"), "active")
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
