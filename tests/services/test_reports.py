"""Indicators against a small caseload whose every figure was counted by hand.

Fiscal year 2025 = 2025-04-01 .. 2026-03-31. The cases (P = person):

| P | 区分 | staff | 支援要請 | HW受理 | 就職 (term) | 終了 |
|---|---|---|---|---|---|---|
| 1 | 生保 | a | 2025-03-31 (FY24) | 2025-04-01 | 05-01 indefinite | |
| 2 | 生保 | a | 2025-04-15 | 04-20 | 06-01 1_to_4m, 離職 07-15; 09-01 over_4m | |
| 3 | 児扶 | b | 2025-03-10 (FY24) | 2025-03-31 (FY24) | 2025-04-01 indefinite | 2026-04-01 保護廃止 (FY26) |
| 4 | 生保 | b | 05-10 | 05-20 | 08-01 under_1m | 2026-03-31 保護廃止 |
| 5 | 困窮 | a | 06-10, 差戻し 06-20; 07-01 | — | | 07-15 辞退 (取下げ) |
| 6 | 困窮 | a | 2026-03-31 | 2026-04-01 (FY26) | | |
| 7 | 障害 | b | 10-10 | 10-20 | | |
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from desktop.services.context import Actor
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.reports import Period
from tests.conftest import World
from tests.services.helpers import placement, plan, sign_consents


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


@pytest.fixture
def caseload(world: World) -> World:
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
    wf.close_episode(b, ep, date(2026, 4, 1), "保護廃止(就労収入増)")
    # P4: closed on the last day of FY2025
    ep = _referred(w, b, "public_assistance", date(2025, 5, 1), date(2025, 5, 10))
    wf.accept_referral(b, ep, date(2025, 5, 20), plan())
    wf.record_placement(b, ep, placement(date(2025, 8, 1), "under_1m"))
    wf.close_episode(b, ep, date(2026, 3, 31), "保護廃止(就労収入増)")
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


def _counts(block: dict) -> tuple:
    return (block["referrals"], block["support_targets"], block["placements"],
            block["regular_placements"], block["placed_persons"], block["placement_rate"],
            block["protection_ended_by_work"])


def test_fiscal_year_2025_every_key(caseload: World) -> None:
    w = caseload
    w.services.settings.set_target(w.supervisor, 2025, "placements", 10)
    w.services.settings.set_target(w.supervisor, 2025, "placement_rate", 0.6)
    r = w.services.reports.indicators(w.supervisor, Period.fiscal(2025))

    assert r["period"] == {"from": "2025-04-01", "to": "2026-03-31", "fiscal_year": 2025,
                           "label": "令和7年度（2025年度）"}
    assert _counts(r) == (6, 4, 5, 3, 3, 0.75, 1)
    assert r["retention"] == {
        "1m": {"due": 5, "confirmed_employed": 3, "rate": 0.6},
        "3m": {"due": 5, "confirmed_employed": 1, "rate": 0.2},
        "6m": {"due": 5, "confirmed_employed": 0, "rate": 0.0},
    }
    cats = r["by_category"]
    assert set(cats) == {"public_assistance", "child_rearing", "housing_benefit", "needy",
                         "disability", "other"}
    assert _counts(cats["public_assistance"]) == (2, 3, 4, 2, 3, 1.0, 1)
    assert cats["public_assistance"]["retention"]["1m"] == {
        "due": 4, "confirmed_employed": 2, "rate": 0.5}
    assert _counts(cats["child_rearing"]) == (0, 0, 1, 1, 0, 0.0, 0)
    assert cats["child_rearing"]["retention"]["1m"] == {
        "due": 1, "confirmed_employed": 1, "rate": 1.0}
    assert _counts(cats["needy"]) == (3, 0, 0, 0, 0, 0.0, 0)
    assert _counts(cats["disability"]) == (1, 1, 0, 0, 0, 0.0, 0)
    assert _counts(cats["housing_benefit"]) == (0, 0, 0, 0, 0, 0.0, 0)

    staff = r["by_staff"]
    assert set(staff) == {"cwa", "cwb"}
    assert staff["cwa"]["name"] == "青山 里美"
    assert _counts(staff["cwa"]) == (4, 2, 3, 2, 2, 1.0, 0)
    assert _counts(staff["cwb"]) == (2, 2, 2, 1, 1, 0.5, 1)

    monthly = {m["month"]: m for m in r["monthly"]}
    assert list(monthly) == [f"2025-{m:02d}" for m in range(4, 13)] + [
        f"2026-{m:02d}" for m in range(1, 4)]
    assert {k: v["placements"] for k, v in monthly.items() if v["placements"]} == {
        "2025-04": 1, "2025-05": 1, "2025-06": 1, "2025-08": 1, "2025-09": 1}
    assert {k: v["placed_persons"] for k, v in monthly.items() if v["placed_persons"]} == {
        "2025-05": 1, "2025-06": 1, "2025-08": 1}
    assert sum(m["referrals"] for m in r["monthly"]) == r["referrals"]

    assert r["targets"] == {
        "placement_rate": {"target": 0.6, "actual": 0.75, "achievement": 1.25},
        "placements": {"target": 10.0, "actual": 5, "achievement": 0.5},
    }


def test_neighbouring_fiscal_years_take_the_boundary_days(caseload: World) -> None:
    reports = caseload.services.reports
    fy24 = reports.indicators(caseload.viewer, Period.fiscal(2024))
    assert _counts(fy24) == (2, 1, 0, 0, 0, 0.0, 0)
    fy26 = reports.indicators(caseload.viewer, Period.fiscal(2026))
    assert _counts(fy26) == (0, 1, 0, 0, 0, 0.0, 1)
    assert fy26["targets"] == {}


def test_a_month_and_a_custom_range(caseload: World) -> None:
    reports = caseload.services.reports
    april = reports.indicators(caseload.cw_a, Period.month(2025, 4))
    assert april["period"]["from"] == "2025-04-01" and april["period"]["to"] == "2025-04-30"
    assert _counts(april) == (1, 2, 1, 1, 0, 0.0, 0)
    assert april["targets"] == {}
    # A custom range spanning exactly a fiscal year is that fiscal year (targets included).
    whole = reports.indicators(caseload.cw_a, Period.custom(date(2025, 4, 1), date(2026, 3, 31)))
    assert whole["period"]["fiscal_year"] == 2025
    q3 = reports.indicators(caseload.cw_a, Period.custom(date(2025, 7, 1), date(2025, 9, 30)))
    assert _counts(q3) == (1, 0, 2, 1, 0, 0.0, 0)


def test_an_empty_period_gives_zeros_not_errors(world: World) -> None:
    r = world.services.reports.indicators(world.viewer, Period.fiscal(2030))
    assert _counts(r) == (0, 0, 0, 0, 0, 0.0, 0)
    assert r["retention"]["1m"] == {"due": 0, "confirmed_employed": 0, "rate": 0.0}
    assert r["by_staff"] == {}


def test_every_report_is_audited(caseload: World) -> None:
    from sqlalchemy import select

    from desktop.models import AuditEntry

    caseload.services.reports.indicators(caseload.cw_b, Period.fiscal(2025))
    with caseload.services.ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (row.action, row.entity, row.entity_id, row.username) == (
        "report", "report", "2025", "cwb")


def test_bad_periods_and_targets_are_refused(world: World) -> None:
    with pytest.raises(InvalidInput, match="期間の終わり"):
        Period.custom(date(2025, 5, 1), date(2025, 4, 1))
    with pytest.raises(InvalidInput, match="年度"):
        Period.fiscal(3000)
    with pytest.raises(InvalidInput, match="就職率"):
        world.services.settings.set_target(world.admin, 2025, "placement_rate", 60)
    with pytest.raises(PermissionDenied):
        world.services.settings.set_target(world.cw_a, 2025, "placements", 10)
