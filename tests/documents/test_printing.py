"""Printed forms: the exact names, 和暦 dates and consent scope rule, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import AuditEntry, Referral
from desktop.services.consent import ConsentInput
from desktop.services.errors import ConsentMissing
from tests.conftest import World
from tests.services.helpers import sign_consents, to_state


def text_of(pdf: bytes) -> str:
    """All page text with the wrap newlines removed (pypdf breaks lines where the PDF does)."""
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _person(world: World) -> object:
    return world.person(
        family_name="代田", given_name="花子", family_kana="シロタ", given_kana="ハナコ",
        birth_date=date(1985, 5, 1), postal_code="155-0033",
        address="東京都世田谷区代田六丁目三番地 コーポ代田二〇一号室（長い住所の折り返し確認）",
        barriers="腰痛の持病があり、重い物を持つ作業は難しい", education="高等学校卒業",
        work_history="スーパーのレジ（5年）", desired_job="事務補助")


def test_referral_prints_names_dates_and_office(world: World) -> None:
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    doc = world.services.printing.print_document(world.cw_a, "referral", ep)
    text = text_of(doc.pdf)
    for expected in ("支援要請書", "ハローワーク新宿長", "殿", "代田 花子", "シロタ ハナコ",
                     "昭和60年5月1日", "令和8年4月8日", "第2026-0001号", "腰痛の持病",
                     "高等学校卒業", "青山 里美", "令和8年4月6日"):
        assert expected in text, expected
    assert "東京都世田谷区代田六丁目三番地" in text


def test_items_outside_the_consent_scope_print_as_out_of_scope(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    consent = world.services.consent
    consent.record_consent(world.cw_a, ep, ConsentInput("participation", date(2026, 4, 6)))
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", date(2026, 4, 6), recipients=[world.office_name],
        scope=["identity_contact", "job_search_status"]))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    text = text_of(world.services.printing.print_document(world.cw_a, "referral", ep).pdf)
    assert "腰痛" not in text and "高等学校卒業" not in text and "スーパーのレジ" not in text
    assert text.count("（同意範囲外）") >= 5  # household, barriers, education, work, licences
    assert "事務補助" in text and "昭和60年5月1日" in text


def test_withdrawn_consent_blocks_printing_and_nothing_is_audited(world: World) -> None:
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, info.id, date(2026, 6, 15))
    for kind in ("referral", "packet", "plan", "consent"):
        with pytest.raises(ConsentMissing, match="印刷できません"):
            world.services.printing.print_document(world.cw_a, kind, ep)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "print")) is None


def test_every_print_is_audited_with_kind_and_hash(world: World) -> None:
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    printing = world.services.printing
    docs = [printing.print_document(world.cw_a, kind, ep)
            for kind in ("referral", "consent", "plan", "followup", "packet")]
    with world.services.ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")
                         .order_by(AuditEntry.seq)).all()
    import json

    assert [json.loads(r.detail)["kind"] for r in rows] == [d.kind for d in docs]
    assert [json.loads(r.detail)["sha256"] for r in rows] == [d.sha256 for d in docs]


def test_packet_has_cover_referral_consent_copy_and_plan(world: World) -> None:
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    pdf = world.services.printing.print_document(world.cw_a, "packet", ep).pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 4
    first = [p.extract_text().replace("\n", "") for p in reader.pages]
    assert "送付書" in first[0]
    assert "支援要請書" in first[1]
    assert any("同意書" in p and "（写）" in p for p in first)
    assert "就労支援プラン" in first[-1] and "介護職員" in first[-1]


def test_consent_form_blank_and_prefilled(world: World) -> None:
    blank = world.services.printing.print_document(world.cw_a, "consent", blank=True)
    text = text_of(blank.pdf)
    assert "同意書" in text and "撤回" in text and "印" in text and "ハローワーク新宿" in text
    ep = to_state(world, _person(world), "consented")  # type: ignore[arg-type]
    filled = text_of(world.services.printing.print_document(world.cw_a, "consent", ep).pdf)
    assert "代田 花子" in filled and "令和8年4月6日" in filled and "■" in filled


def test_followup_report_lists_placement_and_checkpoints(world: World) -> None:
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    text = text_of(world.services.printing.print_document(world.cw_a, "followup", ep).pdf)
    for expected in ("支援状況連絡票", "株式会社ひかり物流", "令和8年5月1日", "1か月", "6か月",
                     "定めなし"):
        assert expected in text, expected


def test_pages_render_with_embedded_japanese_fonts(world: World) -> None:
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    pdf = world.services.printing.print_document(world.cw_a, "packet", ep).pdf
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("IPAexMincho" in f for f in fonts) and any("IPAexGothic" in f for f in fonts)
    document = pypdfium2.PdfDocument(pdf)
    image = document[1].render(scale=1).to_pil()
    document.close()
    assert image.size[0] > 500
    # Ink on the page: a real rendered form, not an empty page.
    assert image.convert("L").getextrema()[0] < 64


def test_batch_prints_every_pending_referral_once(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        to_state(world, world.person(), "referred")
    printing = world.services.printing
    assert len(printing.pending_referrals(world.cw_a)) == 3
    seen: list[tuple[int, int]] = []
    written, refused = printing.print_pending(world.cw_a, tmp_path / "out",
                                              lambda d, t: seen.append((d, t)) is None)
    assert len(written) == 3 and refused == [] and seen[-1] == (3, 3)
    assert all(pages(p.read_bytes()) >= 3 for p in written)  # cover, referral, consent (no plan yet)
    assert printing.pending_referrals(world.cw_a) == []
    with world.services.ctx.db.read() as s:
        assert all(r.printed_at for r in s.scalars(select(Referral)))


def test_the_issuer_is_the_episodes_organisation_with_its_seal_box(world: World) -> None:
    """An organisation that stamps its official seal: a box for it instead of 公印省略, and
    the consent form addressed to its head."""
    from desktop.services.offices import OfficeInput
    from desktop.services.organisations import OrganisationInput

    orgs, offices = world.services.organisations, world.services.offices
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "つなぎ市生活自立相談センター", kind="independent_support_contracted",
        head_title="つなぎ市生活自立相談センター長", head_name="大野 みどり",
        phone="042-555-0200", doc_symbol="つ自", seal_omitted=False))
    office = next(o for o in offices.offices() if o.id == world.office_id)
    offices.update_office(world.admin, office.id, office.version, OfficeInput(
        office.name, official_name="新宿公共職業安定所", head_title="新宿公共職業安定所長"))
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    referral = world.services.printing.print_document(world.cw_a, "referral", ep).pdf
    text = text_of(referral)
    for expected in ("つ自第2026-0001号", "新宿公共職業安定所長 殿", "つなぎ市生活自立相談センター",
                     "つなぎ市生活自立相談センター長 大野 みどり", "公印", "042-555-0200"):
        assert expected in text, expected
    assert "公印省略" not in text
    consent = text_of(world.services.printing.print_document(world.cw_a, "consent", ep).pdf)
    assert "つなぎ市生活自立相談センター長 殿" in consent
    document = pypdfium2.PdfDocument(referral)
    image = document[0].render(scale=1).to_pil().convert("L")
    document.close()
    # The seal box sits at the right of the issuer lines, in the top fifth of the page.
    width, height = image.size
    assert image.crop((int(width * 0.8), 0, width, height // 5)).getextrema()[0] < 64


def test_the_referral_quotes_the_readiness_assessment_only_when_asked_and_within_consent(
        world: World) -> None:
    """支援経過 quotes the assessment in force: each item scored, or （同意範囲外） when the
    consent does not cover it (職歴 → education_work_history, 求職活動の経験 →
    job_search_status, the others and the summary → health_barriers)."""
    from tests.services.route_helpers import assessment

    wf, routes = world.services.workflow, world.services.routes
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    routes.assess_readiness(world.cw_a, ep, assessment(
        date(2026, 4, 4), low=("生活リズム",), summary="通院は月1回、服薬で安定"))
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    consent = world.services.consent
    consent.record_consent(world.cw_a, ep, ConsentInput("participation", date(2026, 4, 6)))
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", date(2026, 4, 6), recipients=[world.office_name],
        scope=["identity_contact", "job_search_status"]))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    printing = world.services.printing

    plain = text_of(printing.print_document(world.cw_a, "referral", ep).pdf)
    assert "就労準備度" not in plain

    quoted = text_of(printing.print_document(world.cw_a, "referral", ep,
                                             quote_readiness=True).pdf)
    assert "就労準備度の評価（令和8年4月4日、4段階）" in quoted
    assert "求職活動の経験 3 おおむね良好" in quoted  # job_search_status is consented to
    assert "生活リズム （同意範囲外）" in quoted and "要支援" not in quoted
    assert "職歴 （同意範囲外）" in quoted
    assert "通院は月1回" not in quoted  # the summary needs health_barriers

    # With the whole scope consented to, every item and the summary are quoted.
    full = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    routes.assess_readiness(world.cw_a, full, assessment(
        date(2026, 4, 4), low=("生活リズム",), summary="通院は月1回、服薬で安定"))
    wf.record_screening_decision(world.cw_a, full, "approved", date(2026, 4, 5))
    sign_consents(world, full, date(2026, 4, 6), world.cw_a)
    wf.confirm_consent(world.cw_a, full, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, full, world.office_id, date(2026, 4, 8))
    text = text_of(printing.print_document(world.cw_a, "referral", full,
                                           quote_readiness=True).pdf)
    assert "生活リズム 1 課題が大きい（要支援）" in text and "通院は月1回、服薬で安定" in text
    assert "同意範囲外" not in text
