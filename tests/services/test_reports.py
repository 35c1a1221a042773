"""Indicators against a small caseload whose every figure was counted by hand.

Fiscal year 2025 = 2025-04-01 .. 2026-03-31; "today" in the tests is 2026-06-15. The cases
(P = person; a = 青山 (cwa), b = 石原 (cwb); HW = route 職業紹介, 自己 = 自己開拓; 新宿 / 池袋 =
the Hello Work office of the referral):

| P | 区分 | staff | 支援要請 | HW受理 | 就職 (term, route) | other |
|---|---|---|---|---|---|---|
| 1 | 生保 | a | 2025-03-31 (FY24) 新宿 | 2025-04-01 | 05-01 indefinite HW | 減額 07-01 |
| 2 | 生保 | a | 04-15 新宿 | 04-20 | 06-01 1_to_4m 自己, 離職 07-15; 09-01 over_4m HW | |
| 3 | 児扶 | b | 2025-03-10 (FY24) | 2025-03-31 (FY24) | 2025-04-01 indefinite HW | closed 2026-04-01 「保護廃止」 reason, no outcome |
| 4 | 生保 | b | 05-10 新宿 | 05-20 | 08-01 under_1m HW | 保護廃止 2026-03-01 + 就労自立給付金; closed 03-31 |
| 5 | 困窮 | a | 06-10, 差戻し 06-20; 07-01 新宿 | — | | 07-15 辞退 (取下げ) |
| 6 | 困窮 | a | 2026-03-31 新宿 | 2026-04-01 (FY26) | 2026-05-01 indefinite HW | |
| 7 | 障害 | b → a on 12-01 | 10-10 新宿 | 10-20 | 2026-01-15 indefinite HW (from the 採用 of 01-10) | 紹介 11-05, 面接 11-20, 不採用 11-25 (b); 紹介 12-10, 面接 12-20, 採用 01-10 (a) |
| 8 | 困窮 → 生保 after referral | a | 06-01 池袋 | 06-10 | 08-01 over_4m HW (from the 採用 of 07-20) | 相談 06-15, セミナー 06-20〜25, 紹介 07-01, 面接 07-10, 採用 07-20 |

Retention checks (due date: result; unlisted ones are not recorded): P1 06-01 継続, 08-01 継続,
11-01 離職; P2 first job 07-01 継続 (09-01, 12-01), second job (10-01, 12-01, 2026-03-01);
P3 05-01 継続 (07-01, 10-01); P4 (09-01, 11-01, 2026-02-01); P6 (2026-06-01, 08-01, 11-01);
P7 2026-02-15 継続 (04-15, 07-15); P8 09-01 継続, 11-01 継続, 2026-02-01 離職.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

import pytest

from desktop.services import report_routes
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.persons import PersonInput
from desktop.services.reports import Period
from tests.conftest import World
from tests.services.helpers import (
    SECOND_OFFICE,
    build_report_caseload,
    transfer_to_a_second_organisation,
)

ZERO = {"referrals": 0, "support_targets": 0, "placements": 0, "regular_placements": 0,
        "referral_placements": 0, "placed_persons": 0, "placement_rate": 0.0,
        "placed_person_rate": 0.0, "protection_ended_by_work": 0, "protection_reduced": 0,
        "self_reliance_benefit": 0, "job_referrals": 0, "interviews": 0, "hires": 0}


@pytest.fixture
def caseload(world: World) -> World:
    return build_report_caseload(world)


def counts(block: dict[str, Any]) -> dict[str, Any]:
    """Every count and rate of a block (its retention is asserted apart)."""
    return {k: block[k] for k in ZERO}


def expect(**values: Any) -> dict[str, Any]:
    return {**ZERO, **values}


def check(due: int, employed: int, overdue: int) -> dict[str, Any]:
    return {"due": due, "confirmed_employed": employed,
            "rate": round(employed / due, 3) if due else 0.0, "overdue_unrecorded": overdue}


def test_fiscal_year_2025_every_key(caseload: World) -> None:
    w = caseload
    w.services.settings.set_target(w.supervisor, 2025, "placements", 10)
    w.services.settings.set_target(w.supervisor, 2025, "placement_rate", 0.6)
    r = w.services.reports.indicators(w.supervisor, Period.fiscal(2025))

    assert r["period"] == {"from": "2025-04-01", "to": "2026-03-31", "fiscal_year": 2025,
                           "label": "令和7年度（2025年度）", "as_of": "2026-03-31",
                           "organisation": None}
    # 就職率 = 7 placements / 5 support targets; the cohort measure 5 of 5 persons.
    assert counts(r) == expect(
        referrals=7, support_targets=5, placements=7, regular_placements=5,
        referral_placements=6, placed_persons=5, placement_rate=1.4, placed_person_rate=1.0,
        protection_ended_by_work=1, protection_reduced=1, self_reliance_benefit=1,
        job_referrals=3, interviews=3, hires=2)
    assert r["retention"] == {"1m": check(7, 5, 2), "3m": check(6, 2, 4), "6m": check(6, 0, 4)}
    assert list(r) == [
        "period", "referrals", "support_targets", "placements", "regular_placements",
        "referral_placements", "placed_persons", "placement_rate", "placed_person_rate",
        "protection_ended_by_work", "protection_reduced", "self_reliance_benefit",
        "job_referrals", "interviews", "hires", "retention", *report_routes.KEYS, "by_category", "by_staff",
        "by_organisation", "by_hello_work_office", "monthly", "targets"]

    cats = r["by_category"]
    assert set(cats) == {"public_assistance", "child_rearing", "housing_benefit", "needy",
                         "disability", "other"}
    assert counts(cats["public_assistance"]) == expect(
        referrals=2, support_targets=3, placements=4, regular_placements=2,
        referral_placements=3, placed_persons=3, placement_rate=1.333, placed_person_rate=1.0,
        protection_ended_by_work=1, protection_reduced=1, self_reliance_benefit=1)
    assert cats["public_assistance"]["retention"]["1m"] == check(4, 2, 2)
    # P3 was accepted in FY2024: its April placement counts, it is no support target here.
    assert counts(cats["child_rearing"]) == expect(placements=1, regular_placements=1,
                                                   referral_placements=1)
    assert cats["child_rearing"]["retention"]["1m"] == check(1, 1, 0)
    # P8's person is 生活保護受給者 now; the episode was referred as 生活困窮者.
    assert counts(cats["needy"]) == expect(
        referrals=4, support_targets=1, placements=1, regular_placements=1,
        referral_placements=1, placed_persons=1, placement_rate=1.0, placed_person_rate=1.0,
        job_referrals=1, interviews=1, hires=1)
    assert counts(cats["disability"]) == expect(
        referrals=1, support_targets=1, placements=1, regular_placements=1,
        referral_placements=1, placed_persons=1, placement_rate=1.0, placed_person_rate=1.0,
        job_referrals=2, interviews=2, hires=1)
    assert counts(cats["housing_benefit"]) == ZERO

    staff = r["by_staff"]
    assert set(staff) == {"cwa", "cwb"}
    assert staff["cwa"]["name"] == "青山 里美"
    # P7 was referred and accepted under cwb, placed under cwa after the reassignment.
    assert counts(staff["cwa"]) == expect(
        referrals=5, support_targets=3, placements=5, regular_placements=4,
        referral_placements=4, placed_persons=4, placement_rate=1.667,
        placed_person_rate=1.333, protection_reduced=1, job_referrals=2, interviews=2, hires=2)
    assert counts(staff["cwb"]) == expect(
        referrals=2, support_targets=2, placements=2, regular_placements=1,
        referral_placements=2, placed_persons=1, placement_rate=1.0, placed_person_rate=0.5,
        protection_ended_by_work=1, self_reliance_benefit=1, job_referrals=1, interviews=1)
    assert staff["cwa"]["retention"]["1m"] == check(5, 4, 1)
    assert staff["cwb"]["retention"]["1m"] == check(2, 1, 1)

    assert r["by_hello_work_office"] == {
        "ハローワーク新宿": {"referrals": 6, "job_referrals": 2, "interviews": 2, "hires": 1},
        SECOND_OFFICE: {"referrals": 1, "job_referrals": 1, "interviews": 1, "hires": 1},
    }

    monthly = {m["month"]: m for m in r["monthly"]}
    assert list(monthly) == [f"2025-{m:02d}" for m in range(4, 13)] + [
        f"2026-{m:02d}" for m in range(1, 4)]

    def per_month(key: str) -> dict[str, int]:
        return {k: v[key] for k, v in monthly.items() if v[key]}

    assert per_month("placements") == {"2025-04": 1, "2025-05": 1, "2025-06": 1, "2025-08": 2,
                                       "2025-09": 1, "2026-01": 1}
    assert per_month("placed_persons") == {"2025-05": 1, "2025-06": 1, "2025-08": 2,
                                           "2026-01": 1}
    assert per_month("referrals") == {"2025-04": 1, "2025-05": 1, "2025-06": 2, "2025-07": 1,
                                      "2025-10": 1, "2026-03": 1}
    assert per_month("support_targets") == {"2025-04": 2, "2025-05": 1, "2025-06": 1,
                                            "2025-10": 1}
    assert per_month("job_referrals") == {"2025-07": 1, "2025-11": 1, "2025-12": 1}
    assert per_month("interviews") == {"2025-07": 1, "2025-11": 1, "2025-12": 1}
    assert per_month("hires") == {"2025-07": 1, "2026-01": 1}
    assert per_month("protection_reduced") == {"2025-07": 1}
    assert per_month("protection_ended_by_work") == {"2026-03": 1}
    for key in ZERO:
        if not key.endswith("rate"):
            assert sum(m[key] for m in r["monthly"]) == r[key], key

    assert r["targets"] == {
        "placement_rate": {"target": 0.6, "actual": 1.4, "achievement": 2.333},
        "placements": {"target": 10.0, "actual": 7, "achievement": 0.7},
    }


def test_a_mid_year_report_counts_what_had_happened_by_its_date(caseload: World) -> None:
    """FY2025 as of 2025-09-30: P2's second job's 1-month check (due 10-01) and P8's
    3-month check (11-01) are not yet due, so they are not failures; P4's 1-month check
    (09-01) is overdue and unrecorded; the months stop at September."""
    r = caseload.services.reports.indicators(caseload.supervisor, Period.fiscal(2025),
                                             as_of=date(2025, 9, 30))
    assert r["period"]["as_of"] == "2025-09-30"
    assert counts(r) == expect(
        referrals=5, support_targets=4, placements=6, regular_placements=4,
        referral_placements=5, placed_persons=4, placement_rate=1.5, placed_person_rate=1.0,
        protection_reduced=1, job_referrals=1, interviews=1, hires=1)
    assert r["retention"] == {"1m": check(5, 4, 1), "3m": check(3, 1, 2), "6m": check(0, 0, 0)}
    assert [m["month"] for m in r["monthly"]] == [f"2025-{m:02d}" for m in range(4, 10)]
    assert counts(r["by_staff"]["cwb"]) == expect(
        referrals=1, support_targets=1, placements=2, regular_placements=1,
        referral_placements=2, placed_persons=1, placement_rate=2.0, placed_person_rate=1.0)
    assert r["by_hello_work_office"]["ハローワーク新宿"] == {
        "referrals": 4, "job_referrals": 0, "interviews": 0, "hires": 0}


def test_a_past_year_keeps_its_numbers_after_reassignment_and_category_change(
        caseload: World) -> None:
    """Moving every case to cwb and every person to その他 today changes nothing in FY2025."""
    w = caseload
    before = w.services.reports.indicators(w.admin, Period.fiscal(2025))
    for row in w.services.caseload.page(w.admin, _all_states()):
        if w.services.persons.get_person(w.admin, row.person_id).caseworker_id != w.cw_b.user_id:
            w.services.persons.assign_caseworker(w.admin, row.person_id, w.cw_b.user_id)
        person = w.services.persons.get_person(w.admin, row.person_id)
        w.services.persons.update_person(w.admin, person.id, person.version, replace(
            PersonInput(**{f.name: getattr(person, f.name) for f in fields(PersonInput)}),
            category="other"))
    after = w.services.reports.indicators(w.admin, Period.fiscal(2025))
    assert after == before


def _all_states() -> Any:
    from desktop.services.caseload import OPEN_STATES, CaseloadFilter

    return CaseloadFilter(states=(*OPEN_STATES, "closed"))


def test_a_running_year_counts_checks_due_by_today_only(caseload: World) -> None:
    """FY2026 on 2026-06-15: P6's 1-month check (06-01) is overdue, its 3- and 6-month checks
    are not yet due; P7's 3-month check (04-15) is overdue; P3's closure with the reason
    保護廃止 and no outcome recorded is not a 保護廃止."""
    r = caseload.services.reports.indicators(caseload.viewer, Period.fiscal(2026))
    assert r["period"]["as_of"] == "2026-06-15"
    assert counts(r) == expect(
        support_targets=1, placements=1, regular_placements=1, referral_placements=1,
        placed_persons=1, placement_rate=1.0, placed_person_rate=1.0)
    assert r["retention"] == {"1m": check(1, 0, 1), "3m": check(1, 0, 1), "6m": check(0, 0, 0)}
    assert [m["month"] for m in r["monthly"]] == ["2026-04", "2026-05", "2026-06"]
    assert r["targets"] == {}


def test_the_year_before(caseload: World) -> None:
    fy24 = caseload.services.reports.indicators(caseload.viewer, Period.fiscal(2024))
    assert counts(fy24) == expect(referrals=2, support_targets=1)
    assert fy24["by_hello_work_office"]["ハローワーク新宿"]["referrals"] == 2


def test_a_caseworker_sees_only_their_own_staff_row(caseload: World) -> None:
    w = caseload
    mine = w.services.reports.indicators(w.cw_b, Period.fiscal(2025))
    assert list(mine["by_staff"]) == ["cwb"]
    office = w.services.reports.indicators(w.supervisor, Period.fiscal(2025))
    assert mine["by_staff"]["cwb"] == office["by_staff"]["cwb"]
    # The office's totals are aggregates: the same for everyone.
    assert counts(mine) == counts(office)
    # A caseworker with nothing counted still sees their own (empty) row.
    empty = w.services.reports.indicators(w.cw_b, Period.fiscal(2030))
    assert list(empty["by_staff"]) == ["cwb"] and counts(empty["by_staff"]["cwb"]) == ZERO


def test_a_month_and_a_custom_range(caseload: World) -> None:
    reports = caseload.services.reports
    april = reports.indicators(caseload.cw_a, Period.month(2025, 4))
    assert april["period"]["from"] == "2025-04-01" and april["period"]["to"] == "2025-04-30"
    assert counts(april) == expect(referrals=1, support_targets=2, placements=1,
                                   regular_placements=1, referral_placements=1,
                                   placement_rate=0.5)
    assert april["targets"] == {}
    # A custom range spanning exactly a fiscal year is that fiscal year (targets included).
    whole = reports.indicators(caseload.cw_a, Period.custom(date(2025, 4, 1), date(2026, 3, 31)))
    assert whole["period"]["fiscal_year"] == 2025
    q3 = reports.indicators(caseload.cw_a, Period.custom(date(2025, 7, 1), date(2025, 9, 30)))
    assert counts(q3) == expect(referrals=1, placements=3, regular_placements=2,
                                referral_placements=3, protection_reduced=1, job_referrals=1,
                                interviews=1, hires=1)


def test_an_empty_period_gives_zeros_not_errors(world: World) -> None:
    r = world.services.reports.indicators(world.viewer, Period.fiscal(2030))
    assert counts(r) == ZERO
    assert r["retention"]["1m"] == check(0, 0, 0)
    assert r["by_staff"] == {}
    assert r["monthly"] == []  # the year has not begun on 2026-06-15
    assert r["by_hello_work_office"] == {"ハローワーク新宿": {
        "referrals": 0, "job_referrals": 0, "interviews": 0, "hires": 0}}


def test_every_report_is_audited(caseload: World) -> None:
    from sqlalchemy import select

    from desktop.models import AuditEntry

    caseload.services.reports.indicators(caseload.cw_b, Period.fiscal(2025))
    with caseload.services.ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (row.action, row.entity, row.entity_id, row.username) == (
        "report", "report", "2025", "cwb")
    assert '"as_of":"2026-03-31"' in row.detail


def test_bad_periods_and_targets_are_refused(world: World) -> None:
    with pytest.raises(InvalidInput, match="期間の終わり"):
        Period.custom(date(2025, 5, 1), date(2025, 4, 1))
    with pytest.raises(InvalidInput, match="年度"):
        Period.fiscal(3000)
    with pytest.raises(InvalidInput, match="就職率"):
        world.services.settings.set_target(world.admin, 2025, "placement_rate", 60)
    with pytest.raises(PermissionDenied):
        world.services.settings.set_target(world.cw_a, 2025, "placements", 10)


def test_counts_per_organisation_follow_a_transfer_and_a_report_for_one(
        caseload: World) -> None:
    """P7 is transferred on 2026-01-20 to a caseworker of a second organisation: its events
    from that day (the 1-month check of 02-15) count under the new organisation, its
    placement of 01-15 and everything before under the first. A report for the second
    organisation counts only what is counted under it, without the office's targets."""
    w = caseload
    west = transfer_to_a_second_organisation(w)
    w.services.settings.set_target(w.supervisor, 2025, "placements", 10)

    everyone = w.services.reports.indicators(w.admin, Period.fiscal(2025))
    home = w.services.organisations.organisations()[0].name
    assert home != west.name
    assert list(everyone["by_organisation"]) == sorted([home, west.name])
    assert counts(everyone["by_organisation"][west.name]) == ZERO
    assert everyone["by_organisation"][west.name]["retention"]["1m"] == check(1, 1, 0)
    assert counts(everyone["by_organisation"][home]) == counts(everyone)
    assert everyone["by_organisation"][home]["retention"]["1m"] == check(6, 4, 2)
    assert everyone["retention"]["1m"] == check(7, 5, 2)  # the totals do not move
    assert everyone["by_staff"]["cwc"]["retention"]["1m"] == check(1, 1, 0)
    assert everyone["by_staff"]["cwa"]["retention"]["1m"] == check(4, 3, 1)
    assert everyone["period"]["organisation"] is None
    assert "placements" in everyone["targets"]

    theirs = w.services.reports.indicators(w.admin, Period.fiscal(2025),
                                           organisation_id=west.id)
    assert theirs["period"]["organisation"] == west.name
    assert counts(theirs) == ZERO
    assert theirs["retention"]["1m"] == check(1, 1, 0)
    assert list(theirs["by_organisation"]) == [west.name]
    assert theirs["targets"] == {}  # the office's targets are for every organisation
    assert sum(v["referrals"] for v in theirs["by_hello_work_office"].values()) == 0
    ours = w.services.reports.indicators(w.admin, Period.fiscal(2025),
                                         organisation_id=w.admin.organisation_id)
    assert counts(ours) == counts(everyone)

    # Each supervisor sees their own organisation's staff.
    assert set(w.services.reports.indicators(w.supervisor, Period.fiscal(2025))["by_staff"]) \
        == {"cwa", "cwb"}
    assert set(w.services.reports.indicators(west.supervisor, Period.fiscal(2025))["by_staff"]) \
        == {"cwc"}
    with pytest.raises(InvalidInput):
        w.services.reports.indicators(w.admin, Period.fiscal(2025),
                                      organisation_id=w.office_id)  # not an organisation


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
