"""Printed forms read back from the PDF: the exact names, 和暦 dates, numbers and layout of
each official document (the consent rule on every page: test_consent_rule.py; numbering:
test_numbering.py)."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import AuditEntry, IssuedDocument, Referral
from desktop.services.consent import ConsentInput
from desktop.services.errors import ConsentMissing, DomainError, InvalidInput
from desktop.services.offices import Navigator, OfficeInput
from desktop.services.organisations import OrganisationInput
from desktop.services.printing import COPY_MARK, IssueOptions
from desktop.services.workflow import ContactInput
from tests.conftest import Clock, World
from tests.services.helpers import sign_consents, to_state


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with the wrap newlines removed (pypdf breaks lines where the PDF
    does)."""
    return [page.extract_text().replace("\n", "") for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "".join(page_texts(pdf))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _person(world: World, **overrides: object) -> object:
    data: dict[str, object] = dict(
        family_name="代田", given_name="花子", family_kana="シロタ", given_kana="ハナコ",
        birth_date=date(1985, 5, 1), postal_code="155-0033",
        address="東京都世田谷区代田六丁目三番地 コーポ代田二〇一号室（長い住所の折り返し確認）",
        barriers="腰痛の持病があり、重い物を持つ作業は難しい", education="高等学校卒業",
        work_history="スーパーのレジ（5年）", desired_job="事務補助")
    data.update(overrides)
    return world.person(**data)


def _identity(world: World) -> None:
    """The organisation and the Hello Work office as an office would have entered them."""
    orgs, offices = world.services.organisations, world.services.offices
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "横浜市中区福祉保健センター", head_title="中区福祉保健センター長", head_name="山本 一郎",
        postal_code="231-0021", address="横浜市中区日本大通35", phone="045-224-8181",
        fax="045-224-8189", doc_symbol="中福", section="生活支援課 就労支援担当"))
    office = next(o for o in offices.offices() if o.id == world.office_id)
    offices.update_office(world.admin, office.id, office.version, OfficeInput(
        office.name, official_name="新宿公共職業安定所", head_title="新宿公共職業安定所長",
        navigators=(Navigator("田島 聡子", "03-3347-8620"),)))


def test_referral_prints_names_dates_number_and_office(world: World) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    doc = world.services.printing.print_document(world.cw_a, "referral", ep)
    text = text_of(doc.pdf)
    for expected in ("中福第1号", "令和8年6月15日", "新宿公共職業安定所長 殿",
                     "横浜市中区福祉保健センター", "中区福祉保健センター長 山本 一郎", "（公印省略）",
                     "支援要請書", "記", "代田 花子", "シロタ ハナコ", "昭和60年5月1日（41歳）",
                     "腰痛の持病", "高等学校卒業", "同意日 令和8年4月6日", "これまでの支援経過",
                     "■ 職業相談・職業紹介", "□ 応募書類作成", "支援期間", "特記事項",
                     "青山 里美", "生活支援課 就労支援担当", "045-224-8181", "以上"):
        assert expected in text, expected
    assert "東京都世田谷区代田六丁目三番地" in text
    assert doc.number == "中福第1号"
    assert "ハローワーク新宿長" not in text and "2026-" not in text
    assert "性別未回答" in text.replace(" ", "")  # not left blank (the trial of 12-02)


def test_the_page_shown_first_leaves_the_number_open_and_takes_none(world: World) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    printing = world.services.printing
    for _ in range(2):
        draft = printing.draft(world.cw_a, "referral", ep)
        assert not draft.issued and draft.document.number is None
        assert "中福第 号（発行時に採番）" in " ".join(text_of(draft.document.pdf).split("\u3000"))
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(IssuedDocument.id)) is None
        assert s.scalar(select(Referral.number)) is None
    assert printing.issue(world.cw_a, "referral", ep).number == "中福第1号"
    again = printing.draft(world.cw_a, "referral", ep)
    assert again.issued and again.document.number == "中福第1号"


def test_the_caseworkers_texts_print_as_written_and_are_kept_for_reprints(
        world: World, clock: Clock) -> None:
    ep = to_state(world, _person(world), "referred")  # type: ignore[arg-type]
    printing = world.services.printing
    options = IssueOptions(progress="令和8年4月20日 ハローワーク見学に同行した",
                           requested=("interview", "training"),
                           period_from=date(2026, 6, 15), period_until=date(2026, 12, 14),
                           notes="午前中の面接を希望")
    first = printing.issue(world.cw_a, "referral", ep, options)
    world.services.workflow.add_contact(world.cw_a, ep, ContactInput(
        date(2026, 6, 15), "phone", "あとから書いた記録"))
    clock.advance(days=20)
    again = printing.print_document(world.cw_a, "referral", ep)
    for doc in (first, again):
        text = text_of(doc.pdf)
        for expected in ("ハローワーク見学に同行した", "午前中の面接を希望", "■ 面接対策",
                         "■ 職業訓練", "□ 職業相談・職業紹介",
                         "令和8年6月15日から令和8年12月14日まで", "第1号令和8年6月15日"):
            assert expected in text, expected
        assert "あとから書いた記録" not in text
    assert again.number == first.number


def test_the_dialogs_first_texts_come_from_the_record(world: World) -> None:
    pid = _person(world)
    wf = world.services.workflow
    ep = wf.open_episode(world.cw_a, pid, date(2026, 4, 1), "夜勤はできない").id  # type: ignore[arg-type]
    wf.start_screening(world.cw_a, ep, date(2026, 4, 3))
    wf.add_contact(world.cw_a, ep, ContactInput(date(2026, 4, 4), "interview",
                                                "本人と面談。応募書類を一緒に確認した。"))
    from tests.services.helpers import sign_consents

    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    sign_consents(world, ep, date(2026, 4, 6))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    draft = world.services.printing.draft(world.cw_a, "referral", ep)
    assert draft.options.progress.splitlines() == [
        "令和8年4月1日　受付", "令和8年4月4日　面談　本人と面談。応募書類を一緒に確認した。",
        "令和8年4月5日　所内協議で支援の対象と決定"]
    assert draft.options.notes == "夜勤はできない"
    assert draft.options.requested == ("job_placement",)
    assert (draft.options.period_from, draft.options.period_until) == (
        date(2026, 6, 15), date(2026, 12, 15))
    assert set(draft.fields) == {"progress", "requested", "period", "notes"}
    with pytest.raises(InvalidInput, match="支援期間"):
        world.services.printing.issue(world.cw_a, "referral", ep, IssueOptions(
            period_from=date(2026, 7, 1), period_until=date(2026, 6, 1)))
    with pytest.raises(InvalidInput, match="特記事項"):
        world.services.printing.issue(world.cw_a, "referral", ep, IssueOptions(
            notes="x" * 2001))


def test_a_withdrawn_sharing_consent_stops_every_print_and_nothing_is_audited(
        world: World) -> None:
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, info.id, date(2026, 6, 15))
    printing = world.services.printing
    for kind in ("referral", "packet", "plan", "consent", "followup"):
        with pytest.raises(ConsentMissing, match="印刷できません"):
            printing.print_document(world.cw_a, kind, ep)
    for kind in ("referral", "packet", "followup"):
        with pytest.raises(ConsentMissing, match="印刷できません"):
            printing.draft(world.cw_a, kind, ep)
    with pytest.raises(DomainError, match="撤回されていない"):
        printing.draft(world.cw_a, "withdrawal_notice", ep)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action.in_(
            ("print", "print_draft", "issue")))) is None
        assert s.scalar(select(IssuedDocument.id)) is None


def test_a_withdrawn_participation_closes_the_case_and_only_the_notice_prints(
        world: World, clock: Clock) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    printing = world.services.printing
    referral = printing.issue(world.cw_a, "referral", ep)
    participation = next(c for c in world.services.consent.consents(world.cw_a, ep)
                         if c.kind == "participation")
    clock.advance(days=5)
    record, summary = world.services.workflow.withdraw_participation(
        world.cw_a, participation.id, date(2026, 6, 18), "本人から電話で申出")
    assert record.withdrawn_on == date(2026, 6, 18)
    assert (summary.state, summary.closed_on, summary.closure_reason) == (
        "closed", date(2026, 6, 18), "同意撤回")
    checks = world.services.workflow.checkpoints(world.cw_a, ep)
    assert checks and all(c.result == "cancelled" for c in checks if c.due_on > date(2026, 6, 1))
    for kind in ("referral", "packet", "plan", "consent", "followup"):
        with pytest.raises(ConsentMissing, match="参加同意が令和8年6月18日に撤回"):
            printing.print_document(world.cw_a, kind, ep)
    draft = printing.draft(world.cw_a, "withdrawal_notice", ep)
    assert not draft.issued and draft.addressee == "新宿公共職業安定所長"
    notice = printing.issue(world.cw_a, "withdrawal_notice", ep)
    text = text_of(notice.pdf)
    for expected in ("中福第2号", "令和8年6月20日", "新宿公共職業安定所長 殿",
                     "支援終了・同意撤回について（連絡）",
                     f"令和8年6月15日付け{referral.number}で支援を要請した", "代田 花子",
                     "同意撤回日令和8年6月18日", "支援終了日令和8年6月18日", "以上"):
        assert expected in text, expected
    for private in ("シロタ", "昭和60年", "腰痛", "高等学校", "世田谷区"):
        assert private not in text, private


def test_every_print_is_audited_with_kind_hash_and_number(world: World) -> None:
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    printing = world.services.printing
    docs = [printing.draft(world.cw_a, "referral", ep).document]
    docs += [printing.print_document(world.cw_a, kind, ep)
             for kind in ("referral", "consent", "plan", "followup", "packet")]
    docs.append(printing.print_document(world.cw_a, "consent", blank=True))
    with world.services.ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ("print", "print_draft", "issue"))).order_by(AuditEntry.seq)).all()
    details = [json.loads(r.detail) for r in rows]
    assert [r.action for r in rows] == ["print_draft", "issue", "print", "print", "issue",
                                        "print", "print"]
    assert [d["kind"] for d in details] == [
        "referral", "referral", "consent", "plan", "followup", "packet", "consent_blank"]
    assert [d["sha256"] for d in details] == [d.sha256 for d in docs]
    assert [d.get("number") for d in details] == [None, "第1号", None, None, "第2号",
                                                  "第1号", None]
    with world.services.ctx.db.read() as s:
        register = {r.serial: r for r in s.scalars(select(IssuedDocument))}
    assert register[1].kind == "referral" and register[1].sha256 == docs[1].sha256
    assert register[2].kind == "followup" and register[2].sha256 == docs[4].sha256


def test_the_packet_is_cover_referral_consent_copy_and_plan_each_numbered_alone(
        world: World, clock: Clock) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    printing = world.services.printing
    printing.issue(world.cw_a, "referral", ep)
    clock.advance(days=3)
    texts = page_texts(printing.print_document(world.cw_a, "packet", ep).pdf)
    cover = texts[0]
    for expected in ("令和8年6月18日", "新宿公共職業安定所長 殿", "送付書",
                     "横浜市中区福祉保健センター 生活支援課 就労支援担当", "担当 青山 里美",
                     "電話 045-224-8181 FAX 045-224-8189", "支援要請書（中福第1号）1部",
                     "同意書（控）1部", "就労支援プラン（第1版）1部", "1/1"):
        assert expected in cover, expected
    assert "シロタ" not in cover
    assert "支援要請書" in texts[1] and "中福第1号令和8年6月15日" in texts[1]
    consent = [t for t in texts if "同意書" in t and COPY_MARK in t]
    assert consent and "代田 花子" in consent[-1] + "".join(texts)
    assert "就労支援プラン" in texts[-1] and "介護職員" in "".join(texts[-2:])
    # Each document numbers its own pages: 1/1, then 1/2 2/2, ... each run complete.
    numbers = [tuple(map(int, re.search(r"(\d+)/(\d+)$", t).groups())) for t in texts]  # type: ignore[union-attr]
    runs, at = [], 0
    while at < len(numbers):
        total = numbers[at][1]
        assert numbers[at:at + total] == [(n, total) for n in range(1, total + 1)], numbers
        runs.append(total)
        at += total
    assert len(runs) == 4 and runs[0] == 1, runs  # cover, referral, consent, plan


def _png(width: int = 300, height: int = 420) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    for x in range(20, width - 20):
        image.putpixel((x, height // 2), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_the_scanned_original_is_the_packets_copy_when_attached(world: World) -> None:
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    consent = world.services.consent
    info = next(c for c in consent.consents(world.cw_a, ep) if c.kind == "information_sharing")
    scan = consent.attach_scan(world.cw_a, info.id, _png(), "同意書.png")
    assert (scan.mime, scan.filename) == ("image/png", "同意書.png")
    assert next(c for c in consent.consents(world.cw_a, ep) if c.id == info.id).has_scan
    record, content = consent.scan_content(world.cw_a, scan.id)
    assert content == _png() and record.sha256 == scan.sha256
    pdf = world.services.printing.print_document(world.cw_a, "packet", ep).pdf
    texts = page_texts(pdf)
    assert any("同意書（写）" in t for t in texts[2:]) and not any(COPY_MARK in t for t in texts)
    assert "同意書（写）1部" in texts[0]
    copy = next(i for i, t in enumerate(texts) if i > 1 and t.startswith("同意書（写）"))
    page = PdfReader(io.BytesIO(pdf)).pages[copy]
    assert any(str(x.get_object()["/Subtype"]) == "/Image"
               for x in page["/Resources"]["/XObject"].values())
    with pytest.raises(DomainError, match="PDF・JPEG・PNG"):
        consent.attach_scan(world.cw_a, info.id, b"GIF89a....", "scan.gif")
    with pytest.raises(DomainError, match="PDF を開けません"):
        consent.attach_scan(world.cw_a, info.id, b"%PDF-1.7 broken", "scan.pdf")


def test_a_scanned_pdf_is_drawn_as_its_pages(world: World) -> None:
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    consent = world.services.consent
    info = next(c for c in consent.consents(world.cw_a, ep) if c.kind == "information_sharing")
    scanned = world.services.printing.print_document(world.cw_a, "consent", blank=True).pdf
    consent.attach_scan(world.cw_a, info.id, scanned, "scan.pdf")
    texts = page_texts(world.services.printing.print_document(world.cw_a, "packet", ep).pdf)
    copies = [t for t in texts if t.startswith("同意書（写）")]
    assert len(copies) == pages(scanned)
    assert all("印を付けた項目に同意します" not in t for t in copies)  # an image, no text


def test_the_blank_consent_has_no_ticked_box_and_a_reiwa_date(world: World) -> None:
    _identity(world)
    world.services.offices.add_office(world.admin, "ハローワーク池袋")
    blank = world.services.printing.print_document(world.cw_a, "consent", blank=True)
    text = text_of(blank.pdf)
    assert "■" not in text
    for expected in ("中区福祉保健センター長 様", "同意書",
                     "1 生活保護受給者等就労自立促進事業への参加について（参加同意）",
                     "就労支援チームをつくり", "□ この事業に参加することに同意します",
                     "2 個人情報の提供について（情報提供同意）",
                     "□ 新宿公共職業安定所（ハローワーク新宿）", "□ ハローワーク池袋", "□ その他",
                     "□ 氏名・連絡先等の本人確認情報", "□ 健康状態・就労阻害要因", "□ 学歴・職歴",
                     "□ 求職活動の状況", "□ 就職・定着の状況", "同意の有効期間", "同意撤回届",
                     "令和 年 月 日", "住所", "氏名（自署）", "生年月日", "大正・昭和・平成",
                     "代筆者 氏名", "本人との関係", "第2026.1版"):
        # Runs of blanks (the room to write a date) read as one space.
        assert expected in " ".join(text.replace("\u3000", " ").split()), expected
    assert "代田" not in text and "控" not in text
    # Named for what it is (it was consent_blank-blank-…: the new-office trial of 12-02).
    assert blank.filename == f"consent_blank-{world.services.ctx.today().isoformat()}.pdf"



def test_the_consent_is_signed_on_the_page_of_the_last_text_it_signs(world: World) -> None:
    """Found in the new-office trial of 12-02: page 1 ended with the last tick box and
    page 2 held the 記入日 and 氏名（自署） alone. The last section, the statement and the
    signature now go together."""
    for pdf in (world.services.printing.print_document(world.cw_a, "consent", blank=True).pdf,
                world.services.printing.print_document(
                    world.cw_a, "consent", to_state(world, _person(world), "consented")).pdf):  # type: ignore[arg-type]
        (signed,) = [t for t in page_texts(pdf) if "氏名（自署）" in t]
        for together in ("(5) 同意の撤回", "以上の内容について説明を受け、印を付けた項目に同意します",
                         "記入日"):
            assert together in signed, together
        # The 情報提供同意's own box ends part 2, before (5) (it stood inside (5) 撤回).
        whole = "".join(page_texts(pdf))
        assert whole.index("提供先に提供することに同意します") < whole.index("(5) 同意の撤回")

def test_the_recorded_consent_ticks_what_was_signed_and_says_it_is_a_copy(
        world: World) -> None:
    from desktop.services.consent import ConsentInput

    wf = world.services.workflow
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    consent = world.services.consent
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "participation", date(2026, 4, 6), wording_version="2025.1",
        wording_text="私は事業に参加します（旧様式の文言）。"))
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", date(2026, 4, 6), recipients=[world.office_name],
        scope=["identity_contact", "placement_retention"], valid_until=date(2027, 3, 31)))
    text = text_of(world.services.printing.print_document(world.cw_a, "consent", ep).pdf)
    for expected in (COPY_MARK, "私は事業に参加します（旧様式の文言）。",
                     "■ この事業に参加することに同意します", "■ ハローワーク新宿",
                     "■ 氏名・連絡先等の本人確認情報", "□ 健康状態・就労阻害要因", "□ 学歴・職歴",
                     "□ 求職活動の状況", "■ 就職・定着の状況", "令和9年3月31日まで",
                     "令和8年4月6日", "代田 花子 （原本参照）"):
        assert expected in text, expected
    assert "□ その他" not in text



@pytest.mark.parametrize("other_first", [True, False])
def test_the_recorded_consent_is_the_one_naming_the_office_referred_to(
        world: World, other_first: bool) -> None:
    """Found in the new-office trial of 12-02: with two 情報提供同意 in force signed the
    same day (one naming another office), the 同意書 printed another office's."""
    wf, consent = world.services.workflow, world.services.consent
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    consent.record_consent(world.cw_a, ep, ConsentInput("participation", date(2026, 4, 6)))
    names = ["ハローワーク東京", world.office_name]
    for name in names if other_first else reversed(names):
        consent.record_consent(world.cw_a, ep, ConsentInput(
            "information_sharing", date(2026, 4, 6), recipients=[name],
            scope=["identity_contact", "job_search_status"]))
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    text = text_of(world.services.printing.print_document(world.cw_a, "consent", ep).pdf)
    assert "■ ハローワーク新宿" in text and "ハローワーク東京" not in text

def test_the_withdrawal_form(world: World) -> None:
    _identity(world)
    text = text_of(world.services.printing.print_document(
        world.cw_a, "withdrawal_form", blank=True).pdf)
    assert "■" not in text
    for expected in ("同意撤回届", "中区福祉保健センター長 様", "令和", "参加同意",
                     "情報提供同意", "撤回の理由", "氏名（自署）", "代筆者", "受付日"):
        assert expected in text, expected


def test_the_plan_has_its_date_period_team_and_signature_lines(world: World) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    text = text_of(world.services.printing.print_document(world.cw_a, "plan", ep).pdf)
    for expected in ("作成日 令和8年4月15日（第1版）", "就労支援プラン",
                     "令和8年4月15日から令和8年10月15日まで", "横浜市中区福祉保健センター",
                     "青山 里美", "新宿公共職業安定所", "田島 聡子", "介護職員",
                     "■ ナビゲーター職業相談・紹介", "本人 氏名（自署）",
                     "就職支援ナビゲーター田島 聡子（ハローワーク新宿）", "1/1"):
        assert expected in text, expected


def test_a_revised_plan_prints_the_date_entered(world: World) -> None:
    from dataclasses import replace

    from tests.services.helpers import plan

    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    world.services.workflow.revise_plan(world.cw_a, ep, replace(
        plan("調理補助"), planned_on=date(2026, 5, 20), goal_target_on=date(2026, 9, 1)))
    text = text_of(world.services.printing.print_document(world.cw_a, "plan", ep).pdf)
    assert "作成日 令和8年5月20日（第2版）" in text and "調理補助" in text
    with pytest.raises(InvalidInput, match="目標時期"):
        world.services.workflow.revise_plan(world.cw_a, ep, replace(
            plan(), planned_on=date(2026, 5, 20), goal_target_on=date(2026, 5, 1)))


def test_the_followup_report_is_addressed_numbered_and_complete(world: World) -> None:
    _identity(world)
    ep = to_state(world, _person(world), "retention")  # type: ignore[arg-type]
    printing = world.services.printing
    printing.issue(world.cw_a, "referral", ep)
    wf = world.services.workflow
    first = next(c for c in wf.checkpoints(world.cw_a, ep) if c.months == 1)
    wf.record_checkpoint(world.cw_a, first.id, date(2026, 6, 1), "employed")
    wf.record_protection_outcome(world.cw_a, ep, "abolished", date(2026, 6, 10), True)
    text = text_of(printing.issue(world.cw_a, "followup", ep).pdf)
    for expected in ("中福第2号", "新宿公共職業安定所長 殿", "支援状況連絡票（就職・定着の状況）",
                     "令和8年6月15日付け中福第1号で支援を要請した", "株式会社ひかり物流",
                     "倉庫内軽作業", "30時間", "1,100円（時給）", "雇用保険加入",
                     "就職経路紹介就職（ハローワークの紹介）", "継続就労", "令和8年6月10日 保護廃止",
                     "就労自立給付金: 申請あり", "支援継続中", "青山 里美", "以上"):
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


def test_batch_issues_every_pending_referral_once(world: World, tmp_path: Path) -> None:
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
        assert sorted(s.scalars(select(Referral.number))) == ["第1号", "第2号", "第3号"]



def test_the_batch_takes_no_number_when_its_folder_cannot_be_written(
        world: World, tmp_path: Path) -> None:
    """(The attack round of 12-02.) A folder that cannot be written is found before the
    first number is taken: nothing is issued, every referral stays pending."""
    from desktop.errors import StorageError

    episodes = {to_state(world, world.person(), "referred") for _ in range(2)}
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    printing = world.services.printing
    with pytest.raises(StorageError, match="書き込めません"):
        printing.print_pending(world.cw_a, blocker / "out")
    assert set(printing.pending_referrals(world.cw_a)) == episodes
    with world.services.ctx.db.read() as s:
        assert s.scalars(select(IssuedDocument)).all() == []

def test_the_issuer_is_the_episodes_organisation_with_its_seal_box(world: World) -> None:
    """An organisation that stamps its official seal: a box for it instead of 公印省略, and
    the consent form addressed to its head."""
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
    for expected in ("つ自第1号", "新宿公共職業安定所長 殿", "つなぎ市生活自立相談センター",
                     "つなぎ市生活自立相談センター長 大野 みどり", "公印", "042-555-0200"):
        assert expected in text, expected
    assert "公印省略" not in text
    consent = text_of(world.services.printing.print_document(world.cw_a, "consent", ep).pdf)
    assert "つなぎ市生活自立相談センター長 様" in consent
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

    plain = text_of(printing.draft(world.cw_a, "referral", ep).document.pdf)
    assert "就労準備度" not in plain

    quoted = text_of(printing.draft(world.cw_a, "referral", ep,
                                    quote_readiness=True).document.pdf)
    assert "就労準備度の評価（令和8年4月4日、4段階）" in quoted
    assert "求職活動の経験 3 おおむね良好" in quoted  # job_search_status is consented to
    assert "生活リズム （同意範囲外）" in quoted and "要支援" not in quoted
    assert "職歴 （同意範囲外）" in quoted
    assert "通院は月1回" not in quoted  # the summary needs health_barriers
    # Issued with the quote, it is printed again as issued, quote and all.
    issued = text_of(printing.issue(world.cw_a, "referral", ep, quote_readiness=True).pdf)
    again = text_of(printing.print_document(world.cw_a, "referral", ep).pdf)
    assert "求職活動の経験 3 おおむね良好" in issued and "求職活動の経験 3 おおむね良好" in again

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



def test_an_issued_referral_is_not_printed_again_once_the_scope_narrowed(world: World) -> None:
    """Found in the attack round of 12-02: a 支援要請書 issued with the readiness assessment
    quoted under the whole scope was printed again, health items and all, after the person
    narrowed the consent (the texts are kept as issued and were checked against
    job_search_status only)."""
    from tests.services.route_helpers import assessment

    wf, printing, consent = world.services.workflow, world.services.printing, world.services.consent
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    world.services.routes.assess_readiness(world.cw_a, ep, assessment(
        date(2026, 4, 4), low=("生活リズム",), summary="通院は月1回、服薬で安定"))
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    _, sharing = sign_consents(world, ep, date(2026, 4, 6), world.cw_a)  # the whole scope
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    issued = printing.issue(world.cw_a, "referral", ep, quote_readiness=True)
    assert "通院は月1回" in text_of(issued.pdf)
    assert "通院は月1回" in text_of(printing.print_document(world.cw_a, "referral", ep).pdf)
    today = world.services.ctx.today()
    consent.withdraw_consent(world.cw_a, sharing, today)
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", today, recipients=[world.office_name],
        scope=["identity_contact", "job_search_status"]))
    for kind in ("referral", "packet"):
        with pytest.raises(ConsentMissing, match="範囲が狭くなった"):
            printing.print_document(world.cw_a, kind, ep)


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("就労準備度の評価（", "就労準備度評価（"),
    lambda t: t.replace("就労準備度の評価（", "就労準備度の評価 ("),
    lambda t: t.replace("・", "　・"),
    lambda t: t.replace("就労準備度の評価", "準備状況"),
], ids=["heading", "half-width bracket", "indented items", "renamed"])
def test_a_quote_edited_in_the_print_dialog_is_still_caught_on_a_reprint(
        world: World, edit: object) -> None:
    """(The second attack round of 12-02.) The quote, touched up in the print dialog before
    issuing, escaped the reprint rule, which read the printed text. The issue keeps the
    items it could quote."""
    from tests.services.route_helpers import assessment

    wf, printing, consent = world.services.workflow, world.services.printing, world.services.consent
    ep = to_state(world, _person(world), "screening")  # type: ignore[arg-type]
    world.services.routes.assess_readiness(world.cw_a, ep, assessment(
        date(2026, 4, 4), low=("生活リズム",), summary="通院は月1回、服薬で安定"))
    wf.record_screening_decision(world.cw_a, ep, "approved", date(2026, 4, 5))
    _, sharing = sign_consents(world, ep, date(2026, 4, 6), world.cw_a)
    wf.confirm_consent(world.cw_a, ep, date(2026, 4, 6))
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 8))
    draft = printing.draft(world.cw_a, "referral", ep, quote_readiness=True)
    edited = IssueOptions(edit(draft.options.progress), draft.options.requested,  # type: ignore[operator]
                          draft.options.period_from, draft.options.period_until)
    printing.issue(world.cw_a, "referral", ep, edited, quote_readiness=True)
    today = world.services.ctx.today()
    consent.withdraw_consent(world.cw_a, sharing, today)
    consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", today, recipients=[world.office_name],
        scope=["identity_contact", "job_search_status"]))
    with pytest.raises(ConsentMissing, match="範囲が狭くなった"):
        printing.print_document(world.cw_a, "referral", ep)

def test_phone_numbers_print_with_hyphens_and_the_workplace_address_apart(
        world: World, tmp_path: Path) -> None:
    """Numbers typed as plain digits printed as typed, and the 連絡票 ran the workplace's
    name and address together (the address was not in a cell of its own)."""
    from dataclasses import replace as changed

    from tests.services.helpers import placement

    orgs = world.services.organisations
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "新宿区福祉事務所", head_title="新宿区福祉事務所長", phone="0332091111",
        fax="0451234567", doc_symbol="新福"))
    person = _person(world, phone_mobile="09012345678")
    ep = to_state(world, person, "active")  # type: ignore[arg-type]
    world.services.workflow.record_placement(world.cw_a, ep, changed(
        placement(date(2026, 5, 1)), employer_address="東京都新宿区西新宿2-8-1"))
    printing = world.services.printing
    referral = text_of(printing.print_document(world.cw_a, "referral", ep).pdf)
    assert "090-1234-5678" in referral and "09012345678" not in referral
    assert "03-3209-1111" in referral
    assert "0451234567" in referral  # an area code the rule cannot tell: as typed
    pdf = printing.print_document(world.cw_a, "followup", ep).pdf
    text = text_of(pdf)
    assert "事業所株式会社ひかり物流所在地東京都新宿区西新宿2-8-1" in text.replace(" ", "")
    # Rendered: the PNG of this page was looked at (the cells in docs/forms).
    document = pypdfium2.PdfDocument(pdf)
    document[0].render(scale=1).to_pil().save(tmp_path / "followup.png")
    document.close()


def test_no_line_of_a_form_begins_with_a_full_stop_or_a_closing_bracket(world: World) -> None:
    """行頭禁則. Found in the new-office trial of 12-02: the opening sentence of every
    支援要請書 left its 「。」 alone at the start of the next line (ReportLab keeps such marks
    off a line's start only within a run without spaces). They now hang at the end of the
    line before, as Japanese print does, for any width."""
    from desktop.documents import forms

    ep = to_state(world, _person(world), "active")  # type: ignore[arg-type]
    pdf = world.services.printing.print_document(world.cw_a, "packet", ep).pdf
    lines = [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages
             for line in page.extract_text().split("\n")]
    assert not [line for line in lines if line and line[0] in "。、）」"], lines
    text = ("生活保護受給者等就労自立促進事業の実施について、下記の者に対する就労支援を要請します。"
            "なお、本人から、事業への参加及び下記の情報の提供について同意を得ています"
            "（同意日　令和8年12月2日）。")
    style = forms._styles()["body"]
    for width in (*range(200, 480, 3), forms.WIDTH - 12):  # the frame's width inside its padding
        broken = forms._broken(text, style, width)
        assert broken is not None, width  # drawn as these lines, not by Paragraph
        assert not [t for t, _ in broken[1:] if t[:1] in forms._HANGING], (width, broken)
        assert "".join(t for t, _ in broken).replace(" ", "") == text.replace("　", "")
    # A mark that begins a line of its own (after a line break) stays there: only wrapped
    # lines hang (the review of 12-02 found 「」」 moved into the line before).
    lines = forms._broken("連絡先の一覧\n」以上のとおりです。これは長い文章で、幅を超えるように書かれています。",
                          style, 200)
    assert lines is not None and lines[0][0] == "連絡先の一覧" and lines[1][0].startswith("」")
