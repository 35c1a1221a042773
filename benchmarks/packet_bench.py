"""The referral packet's drawing alone (no database): a typical packet and one with long
texts (40-character names, 300-character texts), timed, and optionally written out to look at.

    python -m benchmarks.packet_bench [--rounds 30] [--out DIR] [--profile]

Prints JSON: the median and p95 milliseconds of each packet beside the minimal one-page
document of scripts/bench. ``--out`` writes typical.pdf and long.pdf (render them with
``pdftoppm -r 60`` to compare layouts before and after a change)."""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from datetime import date
from pathlib import Path

from benchmarks.run_all import stats
from desktop.documents import forms
from desktop.services.consent import WORDINGS
from desktop.services.labels import (
    CONSENT_SCOPE,
    CONSENT_SCOPE_COVERS,
    REQUESTED_SUPPORT,
    SUPPORT_MENU,
)
from desktop.services.printing import COPY_MARK, PROGRAMME, WITHDRAWAL

LONG = ("腰痛の持病があり重い物を持つ作業は難しいが、座ってできる事務作業や軽作業であれば"
        "一日四時間程度から始めたいとの希望がある。通院は月に一回で服薬により安定している。")


def packet(long: bool) -> tuple[forms.CoverData, forms.ReferralData, forms.ConsentForm,
                                forms.PlanData]:
    """The four documents' plain data, as services/printing.py gathers them."""
    def text(short: str, n: int = 300) -> str:
        return (LONG * 4)[:n] if long else short

    name = ("代田" * 10 + " " + "花子" * 10) if long else "代田 花子"
    office = forms.Office(
        "横浜市中区福祉保健センター", "中区福祉保健センター長", "横浜市中区日本大通35",
        "045-224-8181", head_name="山本 一郎", postal_code="231-0021", fax="045-224-8189",
        doc_symbol="中福", section="生活支援課 就労支援担当")
    staff = forms.Staff("青山 里美", "3021")
    recipient = forms.Recipient(
        name=name, kana="シロタ ハナコ" * (5 if long else 1),
        birth_date="昭和60年5月1日（41歳）", sex="女性",
        address="〒155-0033　東京都世田谷区代田六丁目三番地 コーポ代田二〇一号室"
                + ("（長い住所の折り返し確認）" * 3 if long else ""),
        phone="090-1234-5678", case_number="0012345", category="その他の生活保護受給者",
        household=text("単身"), barriers=text("腰痛の持病があり、重い物を持つ作業は難しい"),
        education=text("高等学校卒業"), work_history=text("スーパーのレジ（5年）"),
        licences=text("普通自動車第一種運転免許"), wishes=text("事務補助　週20時間　横浜市内"))
    progress = "\n".join(f"令和8年4月{d}日　面談　" + text("本人と面談。応募書類を一緒に確認した。", 120)
                         for d in range(1, 9))
    referral = forms.ReferralData(
        number="中福第123号", issued_on=date(2026, 6, 15), addressee="新宿公共職業安定所長",
        office=office, staff=staff, recipient=recipient, consent_signed_on=date(2026, 4, 6),
        progress=progress, requested=tuple((label, key == "job_placement")
                                           for key, label in REQUESTED_SUPPORT.items()),
        period_from=date(2026, 6, 15), period_until=date(2026, 12, 14),
        notes=text("午前中の面接を希望"))
    consent = forms.ConsentForm(
        office=office, programme=PROGRAMME, participation_wording=WORDINGS["participation"],
        sharing_wording=WORDINGS["information_sharing"],
        recipients=(("新宿公共職業安定所（ハローワーク新宿）", True),),
        scope=tuple((label, CONSENT_SCOPE_COVERS[key], True)
                    for key, label in CONSENT_SCOPE.items()),
        withdrawal=WITHDRAWAL, version="2", valid_until=date(2027, 3, 31),
        participation_ticked=True, sharing_ticked=True, person_name=name,
        signed_on=date(2026, 4, 6), copy_mark=COPY_MARK)
    plan = forms.PlanData(
        office=office, recipient_name=name, case_number="0012345", revision=2,
        planned_on=date(2026, 5, 20), period_from=date(2026, 6, 15),
        period_until=date(2026, 12, 14),
        team=(("横浜市中区福祉保健センター", "青山 里美", text("就労支援員", 40)),
              ("新宿公共職業安定所", "田島 聡子", "就職支援ナビゲーター")),
        goal=(("職種", text("調理補助")), ("雇用形態", "パート"), ("時間", "週20時間"),
              ("賃金", "時給1,100円"), ("地域", "横浜市内"), ("目標時期", "令和8年9月30日")),
        barriers=text("腰痛の持病"),
        menu=tuple((label, key in ("job_placement", "interview"))
                   for key, label in SUPPORT_MENU.items()),
        roles=(("ハローワーク", text("職業紹介と求人開拓")),
               ("横浜市中区福祉保健センター", text("生活面の相談と通院の調整"))),
        reviews=((date(2026, 7, 20), date(2026, 7, 21), text("順調")),
                 (date(2026, 9, 20), None, "")),
        navigator="田島 聡子（ハローワーク新宿）")
    cover = forms.CoverData(
        sent_on=date(2026, 6, 15), addressee="新宿公共職業安定所長", office=office, staff=staff,
        subject=f"生活保護受給者等就労自立促進事業に係る支援要請（{name}）",
        enclosures=(("支援要請書（中福第123号）", "1部"), ("同意書（控）", "1部"),
                    ("就労支援プラン（第2版）", "1部")))
    return cover, referral, consent, plan


def draw(long: bool) -> bytes:
    cover, referral, consent, plan = packet(long)
    return forms.packet_pdf(cover, referral, consent, (), plan)


def minimal() -> bytes:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph("支援要請書", forms._styles()["body"])])
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    draw(False), draw(True), minimal()  # warm-up: fonts registered, caches filled
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "typical.pdf").write_bytes(draw(False))
        (args.out / "long.pdf").write_bytes(draw(True))
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            draw(False)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        return
    times: dict[str, list[float]] = {"typical": [], "long": [], "floor": []}
    for _ in range(args.rounds):
        for label, fn in (("typical", lambda: draw(False)), ("long", lambda: draw(True)),
                          ("floor", minimal)):
            t = time.perf_counter()
            fn()
            times[label].append((time.perf_counter() - t) * 1000)
    print(json.dumps({k: stats(v) for k, v in times.items()}))


if __name__ == "__main__":
    main()
