"""Printing the forms: gather the plain data, enforce the consent rules, audit every print.

Shared data is printed only under an information-sharing consent in force on the day of
printing that names the Hello Work office; items outside its scope print as 「（同意範囲外）」.
Every print is audited with the document kind and the SHA-256 of the PDF bytes.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.files import make_dirs, write_whole
from desktop.i18n import translator
from desktop.lazy import lazy_module
from desktop.models import (
    Consent,
    ContactLog,
    Episode,
    HelloWorkOffice,
    Organisation,
    Person,
    Placement,
    Plan,
    PlanReview,
    Referral,
    RetentionCheckpoint,
    User,
)
from desktop.services import audit
from desktop.services.consent import WORDINGS, in_force
from desktop.services.context import Actor, ServiceContext
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import ConsentMissing, DomainError, InvalidInput
from desktop.services.labels import (
    CATEGORIES,
    CHECKPOINT_RESULTS,
    CONSENT_KINDS,
    CONSENT_SCOPE,
    CONTACT_KINDS,
    READINESS_SCORES,
    SEXES,
    SUPPORT_MENU,
    TERM_CATEGORIES,
)
from desktop.services.organisations import PLACEHOLDER_HEAD, PLACEHOLDER_NAME, first_organisation
from desktop.services.permissions import visible_persons
from desktop.services.routes import AssessmentRecord, latest_assessment

_t = translator("Printing")
if TYPE_CHECKING:
    from desktop.documents import forms
else:  # ReportLab (0.1 s to import) loads with the first print, not at start-up
    forms = lazy_module("desktop.documents.forms")

KINDS = ("referral", "consent", "plan", "followup", "packet")
PURPOSE = ("福祉事務所とハローワークが連携して就労支援を行うため、支援に必要な情報を"
           "相互に提供し、就労支援チームで共有します。")


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    filename: str
    pdf: bytes
    sha256: str


def _office(s: Session, organisation_id: uuid.UUID | None) -> forms.Office:
    """The issuer printed on a form: the episode's (or the actor's) organisation."""
    org = s.get(Organisation, organisation_id) if organisation_id else None
    if org is None:
        org = first_organisation(s)
    if org is None:  # a database with no organisation cannot have staff; kept total anyway
        return forms.Office(PLACEHOLDER_NAME, PLACEHOLDER_HEAD)
    return forms.Office(org.name, org.head_title, org.address, org.phone,
                        head_name=org.head_name, postal_code=org.postal_code, fax=org.fax,
                        doc_symbol=org.doc_symbol, seal_omitted=org.seal_omitted)


def office_of(s: Session, organisation_id: uuid.UUID | None) -> forms.Office:
    """The issuer of a document printed for ``organisation_id`` (other printing services)."""
    return _office(s, organisation_id)


# The consent scope item each readiness item belongs to: a readiness check describes what
# stands between the person and work (就労阻害要因), except the work history and the job
# search so far, which have scope items of their own. Items configured beyond the default set
# count as 就労阻害要因 too.
READINESS_SCOPE = {"職歴": "education_work_history", "求職活動の経験": "job_search_status"}
BARRIERS_SCOPE = "health_barriers"


def readiness_quote(assessment: AssessmentRecord | None, scope: set[str]) -> str:
    """The readiness assessment as the referral's 支援経過 quotes it: each item with its
    score, or （同意範囲外） when its scope item is not consented to; the summary only
    under 健康状態・就労阻害要因. Empty without an assessment."""
    if assessment is None:
        return ""
    lines = [f"就労準備度の評価（{forms.wareki(assessment.assessed_on)}、4段階）"]
    for x in assessment.scores:
        if READINESS_SCOPE.get(x.item, BARRIERS_SCOPE) not in scope:
            lines.append(f"・{x.item}　{forms.OUT_OF_SCOPE}")
            continue
        note = f"（{x.note}）" if x.note else ""
        lines.append(f"・{x.item}　{x.score} {READINESS_SCORES[x.score]}{note}")
    if assessment.summary:
        summary = assessment.summary if BARRIERS_SCOPE in scope else forms.OUT_OF_SCOPE
        lines.append(f"所見: {summary}")
    return "\n".join(lines)


def addressee(office: HelloWorkOffice) -> str:
    """「横浜公共職業安定所長」: the head's title, else the official name (or name) + 長."""
    return office.head_title or f"{office.official_name or office.name}長"


class PrintService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    # ---------------------------------------------------------------- helpers

    def _latest_referral(self, s: Session, episode_id: uuid.UUID) -> Referral:
        referral = s.scalar(select(Referral).where(
            Referral.episode_id == episode_id, Referral.deleted_at.is_(None),
            Referral.status.in_(("sent", "accepted")))
            .order_by(Referral.referred_on.desc()).limit(1))
        if referral is None:
            raise DomainError(_t("この支援エピソードには有効な支援要請がありません（差戻し・取下げを除く）"))
        return referral

    def _sharing_consent(self, s: Session, episode_id: uuid.UUID, office: str,
                         on: date) -> Consent:
        granted = [c for c in in_force(s, episode_id, on, "information_sharing")
                   if office in c.recipients]
        if not granted:
            raise ConsentMissing(
                _t("「{office}」への情報提供に有効な同意がないため印刷できません（未取得・期限切れ・撤回済み）").format(office=office))
        return max(granted, key=lambda c: c.signed_on)

    def _referral_data(self, s: Session, episode: Episode, person: Person,
                       referral: Referral, on: date,
                       quote_readiness: bool = False) -> tuple[forms.ReferralData, Consent]:
        office = s.get(HelloWorkOffice, referral.office_id)
        assert office is not None
        consent = self._sharing_consent(s, episode.id, office.name, on)
        scope = set(consent.scope)

        def shown(item: str, value: str) -> str:
            return value if item in scope else forms.OUT_OF_SCOPE

        identity = "identity_contact" in scope
        wishes = " ".join(x for x in (person.desired_job, person.desired_hours,
                                      person.desired_wage, person.desired_area) if x)
        recipient = forms.Recipient(
            name=f"{person.family_name} {person.given_name}",
            kana=shown("identity_contact", f"{person.family_kana} {person.given_kana}"),
            birth_date=person.birth_date if identity else None,
            sex=shown("identity_contact", SEXES.get(person.sex or "", "")),
            postal_code=person.postal_code if identity else "",
            address=shown("identity_contact", person.address),
            phone=shown("identity_contact", person.phone_mobile or person.phone_home),
            case_number=person.case_number, category=CATEGORIES.get(person.category, ""),
            household=shown("health_barriers", person.household),
            barriers=shown("health_barriers", person.barriers),
            education=shown("education_work_history", person.education),
            work_history=shown("education_work_history", person.work_history),
            licences=shown("education_work_history", person.licences),
            wishes=shown("job_search_status", wishes),
        )
        caseworker = s.execute(select(User.display_name, User.phone_extension).where(
            User.id == person.caseworker_id)).first()
        issuer = _office(s, episode.organisation_id)
        data = forms.ReferralData(
            number=issuer.number(referral.number), issued_on=referral.referred_on,
            hello_work_office=addressee(office), office=issuer, recipient=recipient,
            motivation=shown("job_search_status", episode.note or "就労を希望している"),
            notes="", caseworker=caseworker[0] if caseworker else "",
            consent_signed_on=consent.signed_on,
            caseworker_extension=caseworker[1] if caseworker else "",
            progress=readiness_quote(latest_assessment(s, episode.id), scope)
            if quote_readiness else "")
        return data, consent

    def _consent_data(self, s: Session, consent: Consent | None, person: Person | None,
                      recipients: list[str],
                      organisation_id: uuid.UUID | None) -> forms.ConsentData:
        scope = set(consent.scope) if consent else set(CONSENT_SCOPE)
        return forms.ConsentData(
            office=_office(s, organisation_id), kinds=tuple(CONSENT_KINDS.values()), purpose=PURPOSE,
            wording=consent.wording_text if consent else WORDINGS["information_sharing"],
            wording_version=consent.wording_version if consent else "2025.1",
            recipients=tuple(consent.recipients if consent else recipients),
            scope=tuple((label, key in scope) for key, label in CONSENT_SCOPE.items()),
            valid_until=consent.valid_until if consent else None,
            recipient_name=f"{person.family_name} {person.given_name}" if person else "",
            signed_on=consent.signed_on if consent else None)

    def _plan_data(self, s: Session, person: Person, episode: Episode) -> forms.PlanData | None:
        plan = s.scalar(select(Plan).where(Plan.episode_id == episode.id,
                                           Plan.deleted_at.is_(None))
                        .order_by(Plan.revision.desc()).limit(1))
        if plan is None:
            return None
        reviews = s.execute(select(PlanReview.due_on, PlanReview.done_on, PlanReview.result)
                            .where(PlanReview.plan_id == plan.id)
                            .order_by(PlanReview.due_on)).all()
        sides = {"welfare": "福祉事務所", "hello_work": "ハローワーク"}
        return forms.PlanData(
            office=_office(s, episode.organisation_id), recipient_name=f"{person.family_name} {person.given_name}",
            case_number=person.case_number, revision=plan.revision,
            created_on=plan.created_at.date(),
            team=tuple((m["name"], sides.get(m["side"], m["side"]), m.get("role", ""))
                       for m in plan.team),
            goal=(("職種", plan.goal_job), ("雇用形態", plan.goal_employment_type),
                  ("時間", plan.goal_hours), ("賃金", plan.goal_wage), ("地域", plan.goal_area),
                  ("目標時期", forms.wareki(plan.goal_target_on) if plan.goal_target_on else "")),
            barriers=plan.barriers,
            menu=tuple((label, key in plan.menu) for key, label in SUPPORT_MENU.items()),
            role_hello_work=plan.role_hello_work, role_welfare=plan.role_welfare,
            reviews=tuple((r[0], r[1], r[2]) for r in reviews))

    # ---------------------------------------------------------------- documents

    def print_document(self, actor: Actor, kind: str, episode_id: uuid.UUID | None = None,
                       blank: bool = False, quote_readiness: bool = False) -> PrintedDocument:
        """One form. ``blank`` prints an empty 同意書 for signature (no episode needed);
        ``quote_readiness`` quotes the readiness assessment in force in the referral's
        支援経過 (each item only inside the consent's scope: readiness_quote).

        The data is read (and the consent rules checked) in a read transaction and the PDF
        drawn outside any; then one short write audits the print with its SHA-256 and
        marks a referral printed. The PDF is handed out only once that write is done."""
        if kind not in KINDS:
            raise InvalidInput("kind", _t("印刷できる書類は {kinds} です").format(kinds=', '.join(KINDS)))
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            draw, case_number, printed_referral = self._gather(s, actor, kind, episode_id,
                                                               blank, today, quote_readiness)
        pdf = draw()
        digest = hashlib.sha256(pdf).hexdigest()
        with self.ctx.db.write() as s:
            if printed_referral is not None and actor.role != "viewer":
                # A viewer's copy is audited and changes nothing.
                referral = s.get(Referral, printed_referral)
                if referral is not None:
                    referral.printed_at = self.ctx.now()
            if blank:
                audit.append(s, self.ctx, actor, "print", kind="consent_blank", sha256=digest)
            else:
                audit.append(s, self.ctx, actor, "print", "episode", episode_id, kind=kind,
                             sha256=digest)
        if blank:
            return PrintedDocument("consent", f"consent-blank-{today.isoformat()}.pdf", pdf,
                                   digest)
        name = f"{kind}-{case_number}-{today.isoformat()}.pdf"
        return PrintedDocument(kind, name, pdf, digest)

    def _gather(self, s: Session, actor: Actor, kind: str, episode_id: uuid.UUID | None,
                blank: bool, today: date, quote_readiness: bool = False,
                ) -> tuple[Callable[[], bytes], str, uuid.UUID | None]:
        """The form's plain data under the consent rules: (draw the PDF, case number, the
        referral the print sends)."""
        if kind == "consent" and blank:
            offices = [o for o in s.scalars(select(HelloWorkOffice.name).where(
                HelloWorkOffice.active.is_(True)).order_by(HelloWorkOffice.name))]
            blank_data = self._consent_data(s, None, None, offices[:1], actor.organisation_id)
            return lambda: forms.consent_pdf(blank_data), "", None
        if episode_id is None:
            raise InvalidInput("episode", _t("支援エピソードを指定してください"))
        episode, person = self.access.for_read(s, actor, episode_id)
        case_number = person.case_number
        if kind in ("referral", "packet"):
            referral = self._latest_referral(s, episode.id)
            data, consent = self._referral_data(s, episode, person, referral, today,
                                                quote_readiness)
            if kind == "referral":
                return lambda: forms.referral_pdf(data), case_number, referral.id
            consent_data = self._consent_data(s, consent, person, [], episode.organisation_id)
            plan_data = self._plan_data(s, person, episode)
            return (lambda: forms.packet_pdf(data, consent_data, plan_data), case_number,
                    referral.id)
        if kind == "consent":
            consent = self._any_sharing_consent(s, episode.id, today)
            form = self._consent_data(s, consent, person, [], episode.organisation_id)
            return lambda: forms.consent_pdf(form), case_number, None
        if kind == "plan":
            self._any_sharing_consent(s, episode.id, today)
            plan = self._plan_data(s, person, episode)
            if plan is None:
                raise DomainError(_t("この支援エピソードには就労支援プランがありません"))
            return lambda: forms.plan_pdf(plan), case_number, None
        consent = self._any_sharing_consent(s, episode.id, today)
        if "placement_retention" not in consent.scope:
            raise ConsentMissing(_t("就職・定着の状況は同意の範囲外のため報告書を印刷できません"))
        followup = self._followup_data(s, person, episode)
        return lambda: forms.followup_pdf(followup), case_number, None

    def _any_sharing_consent(self, s: Session, episode_id: uuid.UUID, on: date) -> Consent:
        granted = in_force(s, episode_id, on, "information_sharing")
        if not granted:
            raise ConsentMissing(_t("有効な情報提供同意がないため印刷できません（未取得・期限切れ・撤回済み）"))
        return max(granted, key=lambda c: c.signed_on)

    def _followup_data(self, s: Session, person: Person, episode: Episode) -> forms.FollowupData:
        counts = s.execute(select(ContactLog.kind, func.count(ContactLog.id))
                           .where(ContactLog.episode_id == episode.id,
                                  ContactLog.deleted_at.is_(None))
                           .group_by(ContactLog.kind)).all()
        placements = s.scalars(select(Placement).where(Placement.episode_id == episode.id)
                               .order_by(Placement.start_on)).all()
        checkpoints = s.scalars(select(RetentionCheckpoint)
                                .where(RetentionCheckpoint.episode_id == episode.id)
                                .order_by(RetentionCheckpoint.due_on)).all()
        start = episode.support_start_on or episode.intake_on
        return forms.FollowupData(
            office=_office(s, episode.organisation_id), recipient_name=f"{person.family_name} {person.given_name}",
            case_number=person.case_number,
            period=f"{forms.wareki(start)}〜{forms.wareki(episode.closed_on or self.ctx.today())}",
            activity=tuple((CONTACT_KINDS.get(k, k), n) for k, n in counts),
            placements=tuple((forms.wareki(p.start_on), p.employer, p.job_title,
                              TERM_CATEGORIES.get(p.term_category, ""),
                              f"{p.wage_amount:,}円/{'月' if p.wage_unit == 'monthly' else '時'}"
                              if p.wage_amount else "",
                              forms.wareki(p.end_on) if p.end_on else "")
                             for p in placements),
            checkpoints=tuple((f"{c.months}か月", forms.wareki(c.due_on),
                               forms.wareki(c.done_on) if c.done_on else "",
                               CHECKPOINT_RESULTS.get(c.result or "", "")) for c in checkpoints),
            closure=(f"{forms.wareki(episode.closed_on)} 終了（{episode.closure_reason}）"
                     if episode.closed_on else ""),
            written_on=self.ctx.today())

    # ---------------------------------------------------------------- batch

    def pending_referrals(self, actor: Actor) -> list[uuid.UUID]:
        """Episodes whose referral is waiting and has never been printed."""
        with self.ctx.db.read() as s:
            rows = s.scalars(select(Referral.episode_id)
                             .join(Episode, Episode.id == Referral.episode_id)
                             .join(Person, Person.id == Episode.person_id)
                             .where(Referral.status == "sent", Referral.printed_at.is_(None),
                                    Referral.deleted_at.is_(None), visible_persons(actor))
                             .order_by(Referral.referred_on))
            return list(dict.fromkeys(rows))

    def print_pending(self, actor: Actor, out_dir: Path,
                      progress: Callable[[int, int], bool] | None = None
                      ) -> tuple[list[Path], list[str]]:
        """Every pending referral as a packet into ``out_dir``. ``progress(done, total)``
        returning False cancels. Returns the files written and the refusals (one per case)."""
        make_dirs(out_dir)
        pending = self.pending_referrals(actor)
        written: list[Path] = []
        refused: list[str] = []
        for i, episode_id in enumerate(pending):
            try:
                doc = self.print_document(actor, "packet", episode_id)
            except DomainError as exc:
                refused.append(f"{episode_id}: {exc.message}")
            else:
                path = write_whole(out_dir / doc.filename, doc.pdf)
                written.append(path)
            if progress is not None and progress(i + 1, len(pending)) is False:
                break
        return written, refused
