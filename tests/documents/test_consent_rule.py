"""The one consent rule on paper: for every combination of scope items, no item outside the
consent's scope appears on any page of any document that goes to Hello Work (支援要請書 as
shown before issue and as issued, the packet with its cover, consent copy and plan, the
plan alone, the 支援状況連絡票), and every item inside it does."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from desktop.services.consent import ConsentInput
from desktop.services.errors import ConsentMissing
from desktop.services.labels import CONSENT_SCOPE
from desktop.services.workflow import ContactInput, PlanInput, TeamMember
from tests.conftest import World
from tests.documents.test_printing import page_texts
from tests.services.helpers import placement, sign_consents

# What each scope item brings onto paper: values of this person's record only (never words
# the forms print anyway), so that finding one proves the item was printed.
MARKERS: dict[str, tuple[str, ...]] = {
    "identity_contact": ("シロタ", "昭和60年5月1日", "世田谷区代沢", "090-1234-5678"),
    "health_barriers": ("腰痛の持病", "母と二人暮らし", "重い物を避ける"),
    "education_work_history": ("高等学校卒業", "スーパーのレジ", "普通自動車免許"),
    "job_search_status": ("事務補助", "応募書類を一緒に確認", "夜勤はできない", "目標は介護職員",
                          "見直しの結果は順調"),
    "placement_retention": ("株式会社ひかり物流", "倉庫内軽作業", "紹介就職", "継続就労",
                            "令和8年6月12日"),
}
COMBINATIONS = [frozenset(c) for n in range(1, len(CONSENT_SCOPE) + 1)
                for c in itertools.combinations(CONSENT_SCOPE, n)]


def _case(world: World) -> object:
    """A person in 定着支援 with something of every scope item on record."""
    pid = world.person(family_name="代田", given_name="花子", family_kana="シロタ",
                       given_kana="ハナコ", birth_date=date(1985, 5, 1), postal_code="155-0032",
                       address="東京都世田谷区代沢二丁目", phone_mobile="090-1234-5678",
                       household="母と二人暮らし", barriers="腰痛の持病", education="高等学校卒業",
                       work_history="スーパーのレジ", licences="普通自動車免許",
                       desired_job="事務補助")
    wf = world.services.workflow
    a = world.cw_a
    ep = wf.open_episode(a, pid, date(2026, 4, 1), "夜勤はできない").id
    wf.start_screening(a, ep, date(2026, 4, 2))
    wf.add_contact(a, ep, ContactInput(date(2026, 4, 3), "interview", "応募書類を一緒に確認した"))
    wf.record_screening_decision(a, ep, "approved", date(2026, 4, 5))
    sign_consents(world, ep, date(2026, 4, 6))
    wf.confirm_consent(a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(a, ep, world.office_id, date(2026, 4, 8))
    wf.accept_referral(a, ep, date(2026, 4, 15), PlanInput(
        team=[TeamMember("青山 里美", "welfare", "地区担当員"),
              TeamMember("田島 聡子", "hello_work", "ナビゲーター")],
        goal_job="目標は介護職員", barriers="重い物を避ける", menu=["navigator"],
        review_dates=[date(2026, 5, 1)]))
    review = world.services.records.current_plan(a, ep).reviews[0][0]  # type: ignore[union-attr]
    wf.record_plan_review(a, review, date(2026, 5, 1), "見直しの結果は順調")
    wf.record_placement(a, ep, placement(date(2026, 5, 1)))
    first = next(c for c in wf.checkpoints(a, ep) if c.months == 1)
    wf.record_checkpoint(a, first.id, date(2026, 6, 1), "employed")
    wf.record_protection_outcome(a, ep, "reduced", date(2026, 6, 12), False)
    return ep


def _documents(world: World, ep: object) -> dict[str, list[str]]:
    printing, a = world.services.printing, world.cw_a
    return {
        "referral draft": page_texts(printing.draft(a, "referral", ep).document.pdf),  # type: ignore[arg-type]
        "referral": page_texts(printing.print_document(a, "referral", ep).pdf),  # type: ignore[arg-type]
        "packet": page_texts(printing.print_document(a, "packet", ep).pdf),  # type: ignore[arg-type]
        "plan": page_texts(printing.print_document(a, "plan", ep).pdf),  # type: ignore[arg-type]
        "followup draft": page_texts(printing.draft(a, "followup", ep).document.pdf),  # type: ignore[arg-type]
        "followup": page_texts(printing.print_document(a, "followup", ep).pdf),  # type: ignore[arg-type]
    }


def test_nothing_outside_the_scope_on_any_page_for_every_combination(world: World) -> None:
    ep = _case(world)
    consent = world.services.consent
    info = next(c for c in consent.consents(world.cw_a, ep)  # type: ignore[arg-type]
                if c.kind == "information_sharing")
    world.services.printing.issue(world.cw_a, "referral", ep)  # type: ignore[arg-type]
    today = world.services.ctx.today()
    for scope in COMBINATIONS:
        # Each combination: the consent before it withdrawn today, a new one signed today.
        consent.withdraw_consent(world.cw_a, info.id, today)
        info = consent.record_consent(world.cw_a, ep, ConsentInput(  # type: ignore[arg-type]
            "information_sharing", today, recipients=[world.office_name], scope=list(scope)))
        documents = _documents(world, ep)
        everything = "".join(t for texts in documents.values() for t in texts)
        for item, markers in MARKERS.items():
            for marker in markers:
                if item in scope:
                    assert marker in everything, (sorted(scope), item, marker)
                    continue
                for name, texts in documents.items():
                    for number, text in enumerate(texts, start=1):
                        assert marker not in text, (sorted(scope), name, number, marker)
        assert "（同意範囲外）" in everything or scope == frozenset(CONSENT_SCOPE)


def test_a_consent_naming_another_office_allows_nothing(world: World) -> None:
    """The plan and the 連絡票 once went out under a consent naming any recipient."""
    ep = _case(world)
    consent = world.services.consent
    info = next(c for c in consent.consents(world.cw_a, ep)  # type: ignore[arg-type]
                if c.kind == "information_sharing")
    consent.withdraw_consent(world.cw_a, info.id, world.services.ctx.today())
    consent.record_consent(world.cw_a, ep, ConsentInput(  # type: ignore[arg-type]
        "information_sharing", world.services.ctx.today(), recipients=["ハローワーク池袋"],
        scope=list(CONSENT_SCOPE)))
    for kind in ("referral", "packet", "plan", "followup"):
        with pytest.raises(ConsentMissing, match="ハローワーク新宿"):
            world.services.printing.print_document(world.cw_a, kind, ep)  # type: ignore[arg-type]
