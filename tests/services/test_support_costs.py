"""支援費用 (交通費 and other costs): recorded per person with date, purpose, amount and funding
source (validation, permissions, audit), taken back when recorded by mistake, and printed as a
receipt list — one person's 受領書 or the office's 支給一覧 — tested by its text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.services.errors import DomainError, InvalidInput, PermissionDenied
from desktop.services.reports import Period
from tests.conftest import World
from tests.services.helpers import to_state
from tests.services.route_helpers import audit_actions, audit_rows, fare


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def test_a_fare_is_recorded_listed_and_audited(world: World) -> None:
    costs = world.services.costs
    person = world.person()
    ep = to_state(world, person, "active")
    first = costs.record_cost(world.cw_a, ep, fare())
    costs.record_cost(world.cw_a, ep, replace(fare(date(2026, 6, 1), 1200, "training"),
                                              funding_source="市単独事業費"))
    listed = costs.costs_of(world.viewer, person)
    assert [(c.paid_on, c.purpose, c.amount, c.funding_source) for c in listed] == [
        (date(2026, 6, 1), "training", 1200, "市単独事業費"),
        (date(2026, 5, 1), "interview", 440, "就労準備支援事業費")]
    assert listed[1].recorded_by == "青山 里美" and listed[1].id == first.id
    assert len(audit_rows(world, "cost", "create")) == 2
    assert world.services.maintenance.verify(world.admin).ok


@pytest.mark.parametrize(("change", "field"), [
    ({"amount": 0}, "amount"), ({"amount": 300_001}, "amount"), ({"kind": "meal"}, "kind"),
    ({"purpose": "leisure"}, "purpose"), ({"funding_source": "ポケットマネー"}, "funding_source"),
    ({"paid_on": date(2026, 6, 16)}, "paid_on"), ({"paid_on": date(2026, 3, 1)}, "paid_on"),
    ({"kind": "other", "description": ""}, "description"),
])
def test_a_bad_cost_is_refused_beside_its_field(world: World, change: dict[str, object],
                                                field: str) -> None:
    person = world.person()
    ep = to_state(world, person, "active")
    with pytest.raises(InvalidInput) as err:
        world.services.costs.record_cost(world.cw_a, ep, replace(fare(), **change))  # type: ignore[arg-type]
    assert err.value.field == field
    assert world.services.costs.costs_of(world.cw_a, person) == []


def test_funding_sources_are_configurable(world: World) -> None:
    world.services.settings.set(world.admin, "funding_sources", ["自立支援基金"])
    ep = to_state(world, world.person(), "active")
    assert world.services.costs.funding_sources() == ["自立支援基金"]
    world.services.costs.record_cost(world.cw_a, ep, replace(fare(), funding_source="自立支援基金"))
    with pytest.raises(InvalidInput):
        world.services.settings.set(world.admin, "funding_sources", ["同じ", "同じ"])


def test_only_the_case_s_editors_record_costs_and_never_on_a_closed_episode(
        world: World) -> None:
    costs = world.services.costs
    person = world.person()
    ep = to_state(world, person, "active")
    for outsider in (world.cw_b, world.viewer):
        with pytest.raises(PermissionDenied):
            costs.record_cost(outsider, ep, fare())
    with pytest.raises(PermissionDenied):
        costs.costs_of(world.cw_b, person)
    costs.record_cost(world.supervisor, ep, fare())
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 6, 12), "辞退")
    with pytest.raises(DomainError, match="記録を追加できません"):
        costs.record_cost(world.cw_a, ep, fare())


def test_a_cost_recorded_by_mistake_is_taken_out(world: World) -> None:
    costs = world.services.costs
    person = world.person()
    ep = to_state(world, person, "active")
    wrong = costs.record_cost(world.cw_a, ep, fare(amount=4400))
    with pytest.raises(PermissionDenied):
        costs.void_cost(world.cw_b, wrong.id)
    costs.void_cost(world.cw_a, wrong.id)
    assert costs.costs_of(world.cw_a, person) == []
    assert [r.action for r in audit_rows(world, "cost")] == ["create", "void"]
    with pytest.raises(DomainError, match="見つかりません"):
        costs.void_cost(world.cw_a, wrong.id)


def test_the_receipt_lists_print_the_period_s_payments(world: World) -> None:
    costs = world.services.costs
    mine = world.person(family_name="佐藤", given_name="花子", family_kana="サトウ")
    ep = to_state(world, mine, "active")
    costs.record_cost(world.cw_a, ep, fare(date(2026, 5, 1), 440))
    costs.record_cost(world.cw_a, ep, fare(date(2026, 5, 20), 1320, "work_experience"))
    costs.record_cost(world.cw_a, ep, fare(date(2026, 4, 20), 999))  # April: another month
    theirs = world.person(by=world.cw_b, family_name="鈴木", given_name="一郎",
                          family_kana="スズキ")
    other = to_state(world, theirs, "active", by=world.cw_b)
    costs.record_cost(world.cw_b, other, fare(date(2026, 5, 2), 880))
    may = Period.month(2026, 5)
    receipt = _text(costs.receipt_list(world.cw_a, may, mine).pdf)
    assert "支援費用 受領書" in receipt and "佐藤 花子" in receipt
    assert "440円" in receipt and "1,320円" in receipt and "1,760円" in receipt
    assert "999円" not in receipt and "鈴木" not in receipt
    assert "上記の金額を受領しました" in receipt
    own_list = _text(costs.receipt_list(world.cw_a, may).pdf)
    assert "支援費用 支給一覧" in own_list and "佐藤 花子" in own_list
    assert "鈴木" not in own_list  # another caseworker's case is not theirs to list
    office = _text(costs.receipt_list(world.supervisor, may).pdf)
    assert "佐藤 花子" in office and "鈴木 一郎" in office and "2,640円" in office
    with pytest.raises(PermissionDenied):
        costs.receipt_list(world.cw_b, may, mine)
    prints = audit_actions(world, "print")
    assert len(prints) == 3 and all('"kind":"cost_receipts"' in p.detail for p in prints)
    assert '"sha256"' in prints[0].detail and prints[0].entity_id == str(mine)
