"""Document numbers: 文書記号 + 第n号, one register per organisation and fiscal year (和暦
年度: it starts again at 1 on 4月1日), taken only when a document is issued."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.models import IssuedDocument, Setting
from desktop.services.errors import DomainError
from desktop.services.organisations import OrganisationInput
from desktop.services.workflow import PlanInput, TeamMember
from tests.conftest import PASSWORD, Clock, World, accept_initial_passwords
from tests.documents.test_printing import text_of
from tests.services.helpers import to_state


def _symbol(world: World, symbol: str) -> None:
    orgs = world.services.organisations
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "横浜市中区福祉保健センター", head_title="中区福祉保健センター長", doc_symbol=symbol))


def _set_day(clock: Clock, day: date) -> None:
    clock.current = datetime(day.year, day.month, day.day, 3, 0, tzinfo=clock.current.tzinfo)


def _register(world: World) -> list[tuple[int, int, str, str]]:
    with world.services.ctx.db.read() as s:
        return [(r.fiscal_year, r.serial, r.number, r.kind) for r in s.scalars(
            select(IssuedDocument).order_by(IssuedDocument.issued_on, IssuedDocument.serial))]


def test_numbers_run_per_fiscal_year_and_start_again_on_the_first_of_april(
        world: World, clock: Clock) -> None:
    _symbol(world, "中福")
    printing = world.services.printing
    first, second = (to_state(world, world.person(), "retention") for _ in range(2))
    _set_day(clock, date(2027, 3, 31))  # the last day of 令和8年度
    printing.draft(world.cw_a, "referral", first)  # shown, not issued: no number
    a = printing.issue(world.cw_a, "referral", first)
    b = printing.issue(world.cw_a, "followup", first)
    assert (a.number, b.number) == ("中福第1号", "中福第2号")
    assert "中福第1号令和9年3月31日" in text_of(a.pdf)
    _set_day(clock, date(2027, 4, 1))  # 令和9年度
    c = printing.issue(world.cw_a, "referral", second)
    d = printing.issue(world.cw_a, "followup", first)
    assert (c.number, d.number) == ("中福第1号", "中福第2号")
    assert "中福第1号令和9年4月1日" in text_of(c.pdf)
    assert "令和9年3月31日付け中福第1号で支援を要請した" in text_of(d.pdf)
    assert _register(world) == [(2026, 1, "中福第1号", "referral"),
                                (2026, 2, "中福第2号", "followup"),
                                (2027, 1, "中福第1号", "referral"),
                                (2027, 2, "中福第2号", "followup")]
    # Printing an issued 支援要請書 again takes nothing and prints it as issued.
    again = printing.print_document(world.cw_a, "referral", first)
    assert again.number == "中福第1号" and "令和9年3月31日" in text_of(again.pdf)
    assert len(_register(world)) == 4


def test_each_organisation_keeps_its_own_register(world: World, clock: Clock) -> None:
    _symbol(world, "中福")
    orgs, auth = world.services.organisations, world.services.auth
    west = orgs.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長", doc_symbol="西福"))
    auth.add_user(world.admin, "cwwest", "西 太郎", "caseworker", PASSWORD,
                  organisation_id=west.id)
    accept_initial_passwords(world.services)
    west_cw = auth.login("cwwest", PASSWORD)
    printing = world.services.printing
    home_case = to_state(world, world.person(), "referred")
    west_case = to_state(world, world.person(by=west_cw), "referred", by=west_cw)
    assert printing.issue(world.cw_a, "referral", home_case).number == "中福第1号"
    assert printing.issue(west_cw, "referral", west_case).number == "西福第1号"
    assert printing.issue(world.cw_a, "followup", home_case).number == "中福第2号"
    assert "横浜市西区福祉保健センター" in text_of(
        printing.print_document(west_cw, "referral", west_case).pdf)


def test_a_laptop_issues_nothing(world: World) -> None:
    """An outreach laptop's copy has no register: numbers are taken at the office."""
    ep = to_state(world, world.person(), "referred")
    from desktop.services.context import stamp_new

    with world.services.ctx.db.write() as s:
        s.add(stamp_new(world.services.ctx, None, Setting(key="outreach_manifest",
                                                          value={"kit_id": "k"})))
    with pytest.raises(DomainError, match="出張用のパソコン"):
        world.services.printing.issue(world.cw_a, "referral", ep)
    world.services.printing.draft(world.cw_a, "referral", ep)  # looking is fine
    assert _register(world) == []


def test_a_returned_referral_sent_again_takes_a_new_number(world: World) -> None:
    wf, printing = world.services.workflow, world.services.printing
    ep = to_state(world, world.person(), "referred")
    assert printing.issue(world.cw_a, "referral", ep).number == "第1号"
    wf.return_referral(world.cw_a, ep, date(2026, 4, 20), "書類の不足")
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 22))
    assert printing.issue(world.cw_a, "referral", ep).number == "第2号"
    wf.accept_referral(world.cw_a, ep, date(2026, 4, 30), PlanInput(
        team=[TeamMember("青山 里美", "welfare")], goal_job="事務"))
    assert printing.print_document(world.cw_a, "referral", ep).number == "第2号"
