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

from datetime import date

import pytest

from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.reports import Period
from tests.conftest import World
from tests.services.helpers import build_report_caseload


@pytest.fixture
def caseload(world: World) -> World:
    return build_report_caseload(world)


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


def test_a_years_targets_are_saved_all_together_or_not_at_all(world: World) -> None:
    """The targets dialog saves every indicator in one transaction: a bad 就職率 typed after
    good counts saves none of them (it used to save the counts, then show the error)."""
    settings = world.services.settings
    with pytest.raises(InvalidInput, match="就職率") as refused:
        settings.set_targets(world.supervisor, 2026, {"referrals": 40, "placements": 20,
                                                      "placement_rate": 60})
    assert refused.value.field == "placement_rate"
    assert settings.targets(2026) == {}
    settings.set_targets(world.supervisor, 2026, {"referrals": 40, "placements": 20,
                                                  "placement_rate": 0.6})
    assert settings.targets(2026) == {"referrals": 40, "placements": 20, "placement_rate": 0.6}
    settings.set_targets(world.supervisor, 2026, {"placements": 25})  # one changed, rest kept
    assert settings.targets(2026)["placements"] == 25 and settings.targets(2026)["referrals"] == 40
