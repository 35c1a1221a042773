"""One domain builder: the services, the ledger import, the demo and the kit import make an
episode's history through the same check (the one table, dates in order, nothing in the
future) and take the support period from the office's setting. None of them numbers a
referral: its number is taken from the organisation's register when its 支援要請書 is issued
(tests/documents/test_numbering.py); a number typed for a paper already sent is kept."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.japanese.wareki import add_months
from desktop.models import Episode, Referral, Transition
from desktop.services.builder import History
from desktop.services.demo import DemoService
from desktop.services.errors import InvalidInput, TransitionNotAllowed
from desktop.services.outreach import KitInvalid
from desktop.services.states import ALLOWED
from tests.conftest import World
from tests.services.helpers import to_state
from tests.services.test_outreach import KIT_PASS, laptop_factory  # noqa: F401 (fixture)
from tests.services.test_outreach_attacks import _edited, _return

TODAY = date(2026, 6, 15)


def test_a_history_takes_only_the_moves_the_table_allows() -> None:
    h = History(date(2026, 4, 1), TODAY)
    h.move("screening", date(2026, 4, 2))
    with pytest.raises(TransitionNotAllowed):
        h.move("active", date(2026, 4, 3))  # 検討 → 支援中 skips the consents and the referral
    with pytest.raises(InvalidInput, match="以降"):
        h.move("consented", date(2026, 4, 1))  # before the state it leaves
    with pytest.raises(InvalidInput, match="未来"):
        h.move("consented", TODAY + timedelta(days=1))
    h.move("closed", date(2026, 4, 5), "辞退")
    assert [m.to_state for m in h.moves] == ["candidate", "screening", "closed"]
    assert h.closure() == (date(2026, 4, 5), "辞退")
    with pytest.raises(TransitionNotAllowed):
        History(date(2026, 4, 1), TODAY).move("candidate", date(2026, 4, 2))


def _numbers(world: World) -> list[str | None]:
    with world.services.ctx.db.read() as s:
        return sorted(s.scalars(select(Referral.number)), key=lambda n: (n is not None, n or ""))


def test_a_referral_is_unnumbered_until_issued_and_a_typed_number_is_kept(
        world: World) -> None:
    wf = world.services.workflow
    first = to_state(world, world.person(), "consented")
    wf.refer_to_hello_work(world.cw_a, first, world.office_id, date(2026, 4, 8), "中福第7号")
    second = to_state(world, world.person(), "consented")
    wf.refer_to_hello_work(world.cw_a, second, world.office_id, date(2026, 4, 8))
    assert _numbers(world) == [None, "中福第7号"]
    third = to_state(world, world.person(), "consented")
    with pytest.raises(InvalidInput):  # a paper number already recorded
        wf.refer_to_hello_work(world.cw_a, third, world.office_id, date(2026, 4, 9), "中福第7号")


def test_the_demo_builds_through_the_builder(world: World) -> None:
    world.services.settings.set(world.admin, "support_period_months", 9)
    DemoService(world.services.ctx).generate(world.admin, 120, seed=5, force=True)
    with world.services.ctx.db.read() as s:
        episodes = s.scalars(select(Episode)).all()
        started = [e for e in episodes if e.support_start_on is not None]
        assert started and all(e.planned_end_on == add_months(e.support_start_on, 9)
                               for e in started)  # the office's period, not a fixed 6
        referrals = {r.episode_id: r for r in s.scalars(select(Referral))}
        # Numbered when their 支援要請書 is issued (no more 第DEMO-…号).
        assert referrals and all(r.number is None for r in referrals.values())
        for e in episodes:
            r = referrals.get(e.id)
            if e.state == "referred":
                assert r is not None and r.status == "sent"
            if e.state in ("active", "placed", "retention"):
                assert r is not None and r.status == "accepted"
        for e in episodes:  # every stored move is one the table allows
            for frm, to in s.execute(select(Transition.from_state, Transition.to_state)
                                     .where(Transition.episode_id == e.id)):
                assert (frm is None and to == "candidate") or to in ALLOWED[frm]


def test_a_ledger_leaves_its_referrals_unnumbered(world: World, tmp_path: Path) -> None:
    """The ledger keeps no document number: printing such a referral again issues a new
    支援要請書 under the next number of the register."""
    episode = to_state(world, world.person(), "consented")
    world.services.workflow.refer_to_hello_work(world.cw_a, episode, world.office_id,
                                                date(2026, 4, 8), "2026-0040")
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(
        "ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日,同意日,支援要請日\n"
        "L-1,山田 太郎,ヤマダ タロウ,1980-04-01,生活保護受給者,2026-04-01,2026-04-02,2026-04-03\n"
        "L-2,山田 花子,ヤマダ ハナコ,1981-04-01,生活保護受給者,2026-04-01,2026-04-02,2026-04-03\n",
        encoding="utf-8")
    result = world.services.ledger.import_file(world.supervisor, ledger)
    assert result.imported == 2
    assert _numbers(world) == [None, None, "2026-0040"]


@pytest.fixture
def consented_trip(world: World, tmp_path: Path, laptop_factory: Any) -> Any:  # noqa: F811
    """cw_a's consented case taken out; meanwhile the office records cw_b's referral."""
    mine = world.person(case_number="MINE-1")
    mine_ep = to_state(world, mine, "consented")
    kit = tmp_path / "out.tsunagi-kit"
    world.services.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    theirs = to_state(world, world.person(by=world.cw_b, case_number="THEIRS-1"), "consented",
                      by=world.cw_b)
    world.services.workflow.refer_to_hello_work(world.cw_b, theirs, world.office_id,
                                                date(2026, 4, 8))
    laptop = laptop_factory(kit)
    return world, laptop, laptop.login(), mine_ep


def test_a_referral_made_on_the_laptop_comes_back_unnumbered(
        consented_trip: Any, tmp_path: Path) -> None:
    """A laptop takes no number of the register (it cannot issue); the office numbers the
    referral when it issues the 支援要請書."""
    world, laptop, me, mine_ep = consented_trip
    made = laptop.services.workflow.refer_to_hello_work(me, mine_ep, world.office_id,
                                                        date(2026, 4, 9))
    assert made.number is None
    back = _return(laptop, me, tmp_path / "back.tsunagi-kit")
    result = world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    assert result.renumbered == {}
    assert _numbers(world) == [None, None]
    assert world.services.records.referrals(world.cw_a, mine_ep)[0].number is None
    assert world.services.maintenance.verify(world.admin).ok


@pytest.mark.parametrize("edit", ["state_only", "forbidden_move"])
def test_a_kit_that_jumps_an_episode_ahead_is_refused_whole(
        consented_trip: Any, tmp_path: Path, edit: str) -> None:
    world, laptop, me, mine_ep = consented_trip
    laptop.services.workflow.add_contact(me, mine_ep, _contact())

    def jump(_header: dict[str, Any], payload: dict[str, Any]) -> None:
        records = payload["records"]
        row = next(r for r in _office_rows(world, Episode, mine_ep))
        records.setdefault("episodes", []).append({
            **row, "state": "retention", "state_since": "2026-06-15",
            "version": row["version"] + 1})
        payload["base"].setdefault("episodes", {})[str(mine_ep)] = row["version"]
        if edit == "forbidden_move":  # and a transition the table does not allow
            records.setdefault("transitions", []).append({
                "id": str(uuid.uuid4()), "version": 1, "created_at": "2026-06-15T03:00:00",
                "updated_at": "2026-06-15T03:00:00", "origin": "laptop", "deleted_at": None,
                "created_by": None, "updated_by": None, "episode_id": str(mine_ep),
                "from_state": "consented", "to_state": "retention",
                "effective_on": "2026-06-15", "recorded_at": "2026-06-15T03:00:00",
                "actor_id": None, "reason": None, "note": ""})

    back = _edited(_return(laptop, me, tmp_path / "back.tsunagi-kit"), jump)
    with pytest.raises(KitInvalid, match="経過が正しくありません"):
        world.services.outreach.apply_import(world.cw_a, back, KIT_PASS, {})
    assert world.services.workflow.episode(world.cw_a, mine_ep).state == "consented"


def _contact() -> Any:
    from desktop.services.workflow import ContactInput

    return ContactInput(date(2026, 6, 15), "interview", "出張先で面談")


def _office_rows(world: World, model: Any, record_id: uuid.UUID) -> list[dict[str, Any]]:
    from desktop.services.outreach import _rows

    with world.services.ctx.db.read() as s:
        return _rows(s, model.__table__, model.id == record_id)
