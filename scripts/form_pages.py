"""Render every printed form to docs/forms/ (PNG, one file per page), from a demo office
whose organisation is filled in, plus a case with 40-character names and 300-character
texts (the long-text check of the forms' layout).

    .venv/bin/python scripts/form_pages.py [OUT_DIR]

Nothing here is shown on screen: the pages are drawn with pypdfium2 at 100 dpi, as the
print preview draws them. The database lives in a temporary folder and is thrown away.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import pypdfium2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.config import Config
from desktop.models.storage import create_database
from desktop.services import Services, build_services
from desktop.services.consent import ConsentInput
from desktop.services.context import Actor
from desktop.services.demo import DemoService
from desktop.services.organisations import OrganisationInput
from desktop.services.persons import PersonInput
from desktop.services.printing import IssueOptions
from desktop.services.workflow import ContactInput, PlacementInput, PlanInput, TeamMember

PASSWORD = "password-123"
SHINJUKU = "ハローワーク新宿"
# 本人確認情報, 就労阻害要因 are left out of the consent of the first case: its pages show
# （同意範囲外） where they would be.
SCOPE = ["identity_contact", "education_work_history", "job_search_status",
         "placement_retention"]
ALL_SCOPE = ["identity_contact", "health_barriers", "education_work_history",
             "job_search_status", "placement_retention"]
LONG = ("ご本人は長く家族の介護を続けてきたため職歴に空白があり、面接で説明することに強い不安を"
        "持っている。")
LONG300 = (LONG * 8)[:300]


def save(pdf: bytes, out: Path, name: str) -> None:
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            path = out / f"{name}-{index + 1}.png"
            document[index].render(scale=100 / 72).to_pil().save(path)
            print("wrote", path)
    finally:
        document.close()


def case(services: Services, admin: Actor, person: PersonInput, scope: list[str],
         long: bool = False) -> tuple:  # type: ignore[type-arg]
    """A case referred, accepted, placed and closed off from the protection, by cw01."""
    cw = next(s for s in services.persons.assignable_staff(admin) if s.username == "cw01")
    today = services.ctx.today()
    start = today - timedelta(days=150)
    wf = services.workflow
    _, episode = wf.intake(admin, person, start, "就労を強く希望している", caseworker_id=cw.id)
    wf.start_screening(admin, episode.id, start + timedelta(days=2))
    wf.record_screening_decision(admin, episode.id, "approved", start + timedelta(days=4))
    signed = start + timedelta(days=5)
    for kind, recipients, items in (("participation", [], []),
                                    ("information_sharing", [SHINJUKU], scope)):
        services.consent.record_consent(admin, episode.id, ConsentInput(
            kind, signed, recipients=recipients, scope=items))
    wf.confirm_consent(admin, episode.id, signed)
    shinjuku = next(o for o in services.offices.offices() if o.name == SHINJUKU)
    wf.refer_to_hello_work(admin, episode.id, shinjuku.id, start + timedelta(days=7))
    text = LONG300 if long else ""
    wf.add_contact(admin, episode.id, ContactInput(
        start + timedelta(days=3), "interview",
        text or "本人と面談。子どもの保育園が決まり、9時から15時の勤務を希望。"))
    wf.add_contact(admin, episode.id, ContactInput(
        start + timedelta(days=6), "home_visit",
        text or "家庭訪問。応募書類（履歴書）を一緒に作成した。"))
    wf.accept_referral(admin, episode.id, start + timedelta(days=14), PlanInput(
        team=[TeamMember("青山 里美", "welfare", "地区担当員"),
              TeamMember("田島 聡子", "hello_work", "就職支援ナビゲーター")],
        goal_job=text[:100] or "事務補助", goal_employment_type="パート",
        goal_hours="週20〜30時間", goal_wage="時給1,100円以上", goal_area="つなぎ市内",
        goal_target_on=start + timedelta(days=100), barriers=text or "子どもの保育先",
        menu=["navigator", "seminar"], role_hello_work=text or "職業相談・職業紹介、面接対策",
        role_welfare=text or "生活面の支援、保育園との調整",
        planned_on=start + timedelta(days=14)))
    wf.record_placement(admin, episode.id, PlacementInput(
        start_on=start + timedelta(days=60), employer="株式会社ひかり物流", term_category="indefinite",
        employer_address="東京都つなぎ市港町二丁目4番1号", job_title="事務補助",
        employment_type="パート", weekly_hours=30, wage_amount=1100, wage_unit="hourly",
        employment_insurance=True, route="hello_work"))
    wf.record_protection_outcome(admin, episode.id, "reduced", start + timedelta(days=95),
                                 independence_benefit=True)
    return episode, start


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "forms"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        opened = create_database(Config(Path(tmp) / "office", passphrase="form pages passphrase"))
        services = build_services(opened.db, opened.device_id)
        services.auth.create_first_admin("admin", "管理 太郎", PASSWORD)
        admin = services.auth.login("admin", PASSWORD)
        DemoService(services.ctx).generate(admin, 30, seed=3)
        printing = services.printing

        save(printing.print_document(admin, "consent", blank=True).pdf, out, "consent-blank")
        save(printing.print_document(admin, "withdrawal_form", blank=True).pdf, out,
             "withdrawal-form")

        episode, start = case(services, admin, PersonInput(
            "2026-0420", "代田", "花子", "シロタ", "ハナコ", services.ctx.today().replace(year=1985),
            "public_assistance", sex="female", postal_code="198-0012",
            address="東京都つなぎ市中央三丁目5番8号", phone_mobile="090-1234-5678",
            household="母子世帯（子2人）", barriers="子どもの保育先が未確保",
            education="高等学校卒業", work_history="販売スタッフ（6年）",
            licences="普通自動車第一種運転免許", desired_job="事務補助", desired_hours="9時〜15時",
            desired_wage="時給1,100円以上", desired_area="つなぎ市内"), SCOPE)
        options = IssueOptions(
            progress="面談2回、家庭訪問1回。保育園の入園が決まり、応募書類を一緒に作成した。",
            requested=("job_placement", "interview", "retention"),
            period_from=start + timedelta(days=7), period_until=start + timedelta(days=190),
            notes="午前9時から午後3時までの勤務を希望（保育園の送迎のため）。")
        save(printing.issue(admin, "referral", episode.id, options).pdf, out, "referral")
        save(printing.print_document(admin, "consent", episode.id).pdf, out, "consent-recorded")
        save(printing.print_document(admin, "plan", episode.id).pdf, out, "plan")
        save(printing.issue(admin, "followup", episode.id).pdf, out, "followup")
        save(printing.issue(admin, "packet", episode.id).pdf, out, "packet")
        participation = next(c for c in services.consent.consents(admin, episode.id)
                             if c.kind == "participation")
        services.workflow.withdraw_participation(admin, participation.id, services.ctx.today())
        save(printing.issue(admin, "withdrawal_notice", episode.id).pdf, out,
             "withdrawal-notice")

        # Long names and texts: wrapped, shrunk, or carried to a second page, never clipped.
        (home,) = services.organisations.organisations()
        services.organisations.update(admin, home.id, home.version, OrganisationInput(
            "あいうえお市かきくけこ区さしすせそ福祉保健センター生活支援課就労支援担当係分室",
            kind="welfare_office", head_title="あいうえお市かきくけこ区さしすせそ福祉保健センター長",
            head_name="長谷川 久美子", postal_code="198-0001",
            address="東京都つなぎ市中央一丁目1番1号 つなぎ市役所本庁舎東館3階北側",
            phone="042-555-0200", fax="042-555-0201", doc_symbol="あか福", seal_omitted=False,
            section="生活支援課 就労支援担当係 自立相談支援担当（分室）"))
        episode, start = case(services, admin, PersonInput(
            "2026-0421", "寿限無寿限無五劫の擦り切れ海砂利水魚", "水行末雲来末風来末食う寝る処に住む処",
            "ジュゲムジュゲムゴコウノスリキレカイジャリスイギョ", "スイギョウマツウンライマツフウライマツ",
            services.ctx.today().replace(year=1979), "public_assistance", sex="male",
            postal_code="198-0012", address=("東京都つなぎ市中央三丁目5番8号 つなぎハイツ" * 3)[:80],
            phone_mobile="090-1234-5678", household=LONG300, barriers=LONG300,
            education=LONG300, work_history=LONG300, licences=LONG300[:100],
            desired_job="事務補助" * 10, desired_hours="9時〜15時", desired_wage="時給1,100円以上",
            desired_area="つなぎ市内"), ALL_SCOPE, long=True)
        options = IssueOptions(progress=LONG300 + "\n" + LONG300,
                               requested=("job_placement", "application_documents", "interview",
                                          "seminar", "training", "work_experience", "retention"),
                               period_from=start + timedelta(days=7),
                               period_until=start + timedelta(days=190), notes=LONG300)
        save(printing.issue(admin, "referral", episode.id, options).pdf, out, "long-referral")
        save(printing.print_document(admin, "plan", episode.id).pdf, out, "long-plan")
        save(printing.issue(admin, "followup", episode.id).pdf, out, "long-followup")
        opened.db.close()


if __name__ == "__main__":
    main()
