"""Printing the official documents: gather the plain data, apply the one consent rule,
number what is issued, audit every print.

- What leaves the office follows services/disclosure.py: a document addressed to a Hello
  Work office (支援要請書, 就労支援プラン, 支援状況連絡票, the packet) prints only under an
  情報提供同意 in force today naming that office, each item only inside its scope
  (「（同意範囲外）」 otherwise); nothing prints for an episode whose 参加同意 was withdrawn,
  except the 支援終了・同意撤回の連絡.
- Numbered documents (支援要請書, 支援状況連絡票, 支援終了・同意撤回の連絡) are first shown as
  a draft (``draft``: the number's place left open, the caseworker's texts editable) and take
  the next number of their organisation's register for the fiscal year only when issued
  (``issue``). A 支援要請書 is issued once; printing it again reprints what was issued.
- Every print, draft and issue is audited with the document kind and the PDF's SHA-256.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import StorageError
from desktop.files import check_writable, write_whole
from desktop.i18n import translator
from desktop.japanese.validators import printed_phone
from desktop.japanese.wareki import add_months, fiscal_year_of, format_wareki
from desktop.lazy import lazy_module
from desktop.models import (
    Consent,
    ConsentScan,
    ContactLog,
    Episode,
    HelloWorkOffice,
    IssuedDocument,
    Organisation,
    Person,
    Placement,
    Plan,
    PlanReview,
    ProtectionOutcome,
    Referral,
    RetentionCheckpoint,
    Setting,
    User,
)
from desktop.services import audit, hygiene, scans
from desktop.services.consent import WORDING_VERSION, WORDINGS, in_force
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.disclosure import (
    Disclosure,
    disclosure,
    participation_withdrawals,
    recipient_key,
)
from desktop.services.episodes_base import EpisodeAccess
from desktop.services.errors import ConsentMissing, DomainError, InvalidInput
from desktop.services.labels import (
    CATEGORIES,
    CHECKPOINT_RESULTS,
    CONSENT_SCOPE,
    CONSENT_SCOPE_COVERS,
    CONTACT_KINDS,
    PROTECTION_OUTCOMES,
    READINESS_SCORES,
    REQUESTED_SUPPORT,
    SEXES,
    SUPPORT_MENU,
    TERM_CATEGORIES,
    shown,
)
from desktop.services.organisations import PLACEHOLDER_HEAD, PLACEHOLDER_NAME, first_organisation
from desktop.services.permissions import check_edit, visible_persons
from desktop.services.routes import AssessmentRecord, latest_assessment
from desktop.services.settings import read_setting

_t = translator("Printing")
if TYPE_CHECKING:
    from desktop.documents import forms
else:  # ReportLab (0.1 s to import) loads with the first print, not at start-up
    forms = lazy_module("desktop.documents.forms")

KINDS = ("referral", "consent", "plan", "followup", "packet", "withdrawal_notice",
         "withdrawal_form")
# Documents that take a number of the organisation's register when issued.
NUMBERED = ("referral", "packet", "followup", "withdrawal_notice")
# Forms printed blank, for a person to fill in and sign (no episode).
BLANK = ("consent", "withdrawal_form")
FORM_VERSION = WORDING_VERSION
COPY_MARK = "控（署名欄は原本参照）"
PROGRAMME = (
    "この事業は、福祉事務所等と公共職業安定所（ハローワーク）が連携して就労支援チームをつくり、"
    "就職に向けた相談、職業紹介、応募書類の作成や面接の練習、セミナー・職業訓練・職場体験の案内、"
    "就職した後の職場定着の支援などを一体的に行うものです。参加は本人の希望によるもので、参加しない"
    "ことや途中でやめることによって、生活保護その他の支援で不利な扱いを受けることはありません。")
WITHDRAWAL = (
    "同意は、いつでも撤回することができます。撤回するときは、担当の職員に申し出るか、"
    "同意撤回届を提出してください。参加同意を撤回すると、この事業による支援は終了します。"
    "撤回した日以降、情報の提供は行いません。撤回の前に提供した情報の取扱いには影響しません。"
    "撤回によって、生活保護その他の支援で不利な扱いを受けることはありません。")
PLACEMENT_ROUTE_PRINTED = {"hello_work": "紹介就職（ハローワークの紹介）", "self": "自己開拓",
                           "other": "その他"}
OUTREACH_MANIFEST = "outreach_manifest"  # services/outreach.MANIFEST_KEY: a laptop's copy
# How much of the contact log pre-fills the 支援経過, and how long the caseworker's texts may be.
PROGRESS_ENTRIES = 8
MAX_PROGRESS, MAX_NOTES = 4000, 2000


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    filename: str
    pdf: bytes
    sha256: str
    number: str | None = None  # the document number it was issued under


@dataclass(frozen=True)
class IssueOptions:
    """What the caseworker writes and chooses in the print dialog before issuing."""

    progress: str = ""  # 支援経過
    requested: tuple[str, ...] = ()  # 希望する支援 (REQUESTED_SUPPORT keys)
    period_from: date | None = None  # 支援期間
    period_until: date | None = None
    notes: str = ""  # 特記事項

    def as_content(self) -> dict[str, Any]:
        return {"progress": self.progress, "requested": list(self.requested),
                "period_from": self.period_from.isoformat() if self.period_from else None,
                "period_until": self.period_until.isoformat() if self.period_until else None,
                "notes": self.notes}

    @staticmethod
    def from_content(content: dict[str, Any]) -> IssueOptions:
        def day(value: Any) -> date | None:
            return date.fromisoformat(value) if value else None

        return IssueOptions(str(content.get("progress", "")),
                            tuple(content.get("requested", ())),
                            day(content.get("period_from")), day(content.get("period_until")),
                            str(content.get("notes", "")))


@dataclass(frozen=True)
class PrintDraft:
    """A numbered document as it would be issued (its number left open), or, once issued,
    as it was (``issued``: printing it again takes no number)."""

    kind: str
    episode_id: uuid.UUID
    document: PrintedDocument
    options: IssueOptions
    issued: bool
    addressee: str
    scope: tuple[str, ...]  # the CONSENT_SCOPE keys the consent allows
    fields: tuple[str, ...] = field(default=())  # the IssueOptions fields the kind uses


EDITABLE = {"referral": ("progress", "requested", "period", "notes"),
            "packet": ("progress", "requested", "period", "notes"),
            "followup": ("notes",), "withdrawal_notice": ()}
# How many times an issue is read and drawn again when another PC took its number first.
ISSUE_ATTEMPTS = 5


@dataclass(frozen=True)
class _Taking:
    """The number an issue will take (the next of the register when it was read) and what
    the register keeps with it."""

    kind: str  # the register's kind: a packet issues its 支援要請書
    fiscal_year: int
    serial: int
    number: str  # as printed: 中福第123号
    content: dict[str, Any]


@dataclass(frozen=True)
class _Prepared:
    """A numbered document read under the consent rule, ready to draw outside any
    transaction, and what recording it (_record) writes and checks."""

    kind: str
    episode_id: uuid.UUID
    case_number: str
    draw: Callable[[str], bytes]  # the PDF with this number printed on it
    number: str  # printed: the number to take, a reprint's number, or the open place
    options: IssueOptions
    addressee: str
    scope: tuple[str, ...]
    fields: tuple[str, ...]
    reprint: bool  # a 支援要請書 issued before, printed again as issued
    taking: _Taking | None  # None: nothing is issued
    referral_id: uuid.UUID
    guard: tuple[Any, ...]  # PrintService._guard when read: unchanged when recorded


class _NumberTaken(Exception):
    """The number an issue was drawn with went to another issue first, or what the document
    rests on changed since it was read: read and draw again."""


def _latest(consents: Sequence[Consent]) -> Consent:
    """The consent signed last, the one recorded last among those signed the same day."""
    return max(consents, key=lambda c: (c.signed_on, c.created_at))


def _office(s: Session, organisation_id: uuid.UUID | None) -> forms.Office:
    """The issuer printed on a form: the episode's (or the actor's) organisation. Read once
    a transaction (a packet prints it on four documents)."""
    read: dict[uuid.UUID | None, forms.Office] = s.info.setdefault("printed_issuers", {})
    if organisation_id not in read:
        read[organisation_id] = _read_office(s, organisation_id)
    return read[organisation_id]


def _read_office(s: Session, organisation_id: uuid.UUID | None) -> forms.Office:
    org = s.get(Organisation, organisation_id) if organisation_id else None
    if org is None:
        org = first_organisation(s)
    if org is None:  # a database with no organisation cannot have staff; kept total anyway
        return forms.Office(PLACEHOLDER_NAME, PLACEHOLDER_HEAD)
    return forms.Office(org.name, org.head_title, org.address, printed_phone(org.phone),
                        head_name=org.head_name, postal_code=org.postal_code,
                        fax=printed_phone(org.fax),
                        doc_symbol=org.doc_symbol, seal_omitted=org.seal_omitted,
                        section=org.section)


def office_of(s: Session, organisation_id: uuid.UUID | None) -> forms.Office:
    """The issuer of a document printed for ``organisation_id`` (other printing services)."""
    return _office(s, organisation_id)


# The consent scope item each readiness item belongs to: a readiness check describes what
# stands between the person and work (就労阻害要因), except the work history and the job
# search so far, which have scope items of their own. Items configured beyond the default set
# count as 就労阻害要因 too.
READINESS_SCOPE = {"職歴": "education_work_history", "求職活動の経験": "job_search_status"}
BARRIERS_SCOPE = "health_barriers"


QUOTE_HEADING = "就労準備度の評価（"  # how readiness_quote begins (and a reprint recognises it)
_QUOTABLE = frozenset({*READINESS_SCOPE.values(), BARRIERS_SCOPE})  # what a quote may hold


def readiness_quote(assessment: AssessmentRecord | None, scope: set[str]) -> str:
    """The readiness assessment as the referral's 支援経過 quotes it: each item with its
    score, or （同意範囲外） when its scope item is not consented to; the summary only
    under 健康状態・就労阻害要因. Empty without an assessment."""
    if assessment is None:
        return ""
    lines = [f"{QUOTE_HEADING}{forms.wareki(assessment.assessed_on)}、4段階）"]
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


def official_name(office: HelloWorkOffice) -> str:
    """「横浜公共職業安定所（ハローワーク横浜）」: how a consent names its recipient."""
    if office.official_name and office.official_name != office.name:
        return f"{office.official_name}（{office.name}）"
    return office.name


def printed_number(office: forms.Office, number: str | None) -> str:
    """A number as printed: numbers given since 0010 are stored as printed (中福第123号);
    earlier ones (2026-0001) were printed after the 文書記号."""
    if not number:
        return office.number(None)
    return number if "第" in number else f"{office.doc_symbol}第{number}号"


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _text(value: str, name: str, limit: int, label: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if why := hygiene.problem(value, limit, True):
        raise InvalidInput(name, _t("{field}: {why}").format(field=label, why=why))
    return value


class PrintService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.access = EpisodeAccess(ctx)

    # ---------------------------------------------------------------- the rule

    def _refuse_after_withdrawal(self, s: Session, episode: Episode, today: date) -> None:
        """Nothing of an episode prints once its 参加同意 is withdrawn (the notice aside)."""
        withdrawn = participation_withdrawals(s, [episode.id], today)
        if episode.id in withdrawn:
            raise ConsentMissing(_t(
                "参加同意が{day}に撤回されているため印刷できません。撤回日以降に印刷できるのは"
                "支援終了・同意撤回の連絡だけです").format(day=format_wareki(withdrawn[episode.id])))

    def _rule(self, s: Session, episode: Episode, office: HelloWorkOffice,
              today: date) -> Disclosure:
        try:
            return disclosure(s, episode.id, [office.name], today)
        except ConsentMissing as exc:
            raise ConsentMissing(_t("印刷できません。{reason}").format(reason=exc.message)) from None

    # ---------------------------------------------------------------- records

    @staticmethod
    def _referral(s: Session, episode_id: uuid.UUID,
                  statuses: Sequence[str] = ("sent", "accepted")) -> Referral | None:
        return s.scalar(select(Referral).where(
            Referral.episode_id == episode_id, Referral.deleted_at.is_(None),
            Referral.status.in_(statuses))
            .order_by(Referral.referred_on.desc(), Referral.created_at.desc()).limit(1))

    def _latest_referral(self, s: Session, episode_id: uuid.UUID) -> Referral:
        referral = self._referral(s, episode_id)
        if referral is None:
            raise DomainError(_t("この支援エピソードには有効な支援要請がありません（差戻し・取下げを除く）"))
        return referral

    @staticmethod
    def _hello_work(s: Session, referral: Referral) -> HelloWorkOffice:
        office = s.get(HelloWorkOffice, referral.office_id)
        assert office is not None
        return office

    @staticmethod
    def _issued(s: Session, referral: Referral) -> IssuedDocument | None:
        return s.scalar(select(IssuedDocument).where(
            IssuedDocument.referral_id == referral.id, IssuedDocument.kind == "referral",
            IssuedDocument.deleted_at.is_(None)).order_by(IssuedDocument.issued_on.desc())
            .limit(1))

    @staticmethod
    def _is_issued(referral: Referral) -> bool:
        return referral.number is not None and referral.printed_at is not None

    def _reference(self, s: Session, issuer: forms.Office, referral: Referral | None) -> str:
        """「令和8年4月8日付け中福第123号」: the 支援要請書 a later document follows."""
        if referral is None or not self._is_issued(referral):
            return ""
        issued = self._issued(s, referral)
        day = issued.issued_on if issued is not None else referral.referred_on
        return f"{format_wareki(day)}付け{printed_number(issuer, referral.number)}"

    @staticmethod
    def _staff(s: Session, person: Person) -> forms.Staff:
        row = s.execute(select(User.display_name, User.phone_extension).where(
            User.id == person.caseworker_id)).first()
        return forms.Staff(row[0], row[1]) if row else forms.Staff("")

    @staticmethod
    def _name(person: Person) -> str:
        return f"{person.family_name} {person.given_name}"

    def _finish(self, s: Session, actor: Actor, kind: str, episode_id: uuid.UUID | None,
                case_number: str, pdf: bytes, action: str = "print",
                number: str | None = None) -> PrintedDocument:
        digest = hashlib.sha256(pdf).hexdigest()
        detail: dict[str, Any] = {"kind": kind, "sha256": digest}
        if number:
            detail["number"] = number
        if episode_id is None:
            audit.append(s, self.ctx, actor, action, **detail)
        else:
            audit.append(s, self.ctx, actor, action, "episode", episode_id, **detail)
        # A blank form has no case: consent_blank-2026-12-02.pdf.
        name = "-".join(x for x in (kind, case_number, self.ctx.today().isoformat()) if x) + ".pdf"
        return PrintedDocument(kind, name, pdf, digest, number)

    # ---------------------------------------------------------------- 支援要請書

    def _defaults(self, s: Session, episode: Episode, rule: Disclosure,
                  referral: Referral, quote_readiness: bool = False) -> IssueOptions:
        """The dialog's first values: the contact log as 支援経過 (``quote_readiness``: and
        the readiness assessment in force, each item only inside the consent's scope:
        readiness_quote), the episode's note as 特記事項 (both only when the consent lets
        them go), 職業相談・職業紹介, and the support period (the episode's, else from
        today for the configured months)."""
        today = self.ctx.today()
        progress = notes = ""
        if rule.allows("job_search_status"):
            lines = [(episode.intake_on, 0, "受付")]
            if episode.screening_decided_on and episode.screening_decision == "approved":
                lines.append((episode.screening_decided_on, 1,
                              f"{episode.screening_meeting or '所内協議'}で支援の対象と決定"))
            contacts = s.execute(select(ContactLog.contact_on, ContactLog.kind,
                                        ContactLog.content)
                                 .where(ContactLog.episode_id == episode.id,
                                        ContactLog.deleted_at.is_(None))
                                 .order_by(ContactLog.contact_on.desc(),
                                           ContactLog.created_at.desc())
                                 .limit(PROGRESS_ENTRIES)).all()
            lines += [(on, 2, f"{CONTACT_KINDS.get(kind, kind)}　{' '.join(content.split())}")
                      for on, kind, content in contacts]
            progress = "\n".join(f"{format_wareki(on)}　{text}"
                                  for on, _, text in sorted(lines, key=lambda x: x[:2]))
            quote = readiness_quote(latest_assessment(s, episode.id),
                                    {k for k in CONSENT_SCOPE if rule.allows(k)}
                                    ) if quote_readiness else ""
            progress = "\n".join(x for x in (progress, quote) if x)
            notes = episode.note.strip()
        start = episode.support_start_on or today
        until = episode.planned_end_on or add_months(
            start, int(read_setting(s, "support_period_months")))
        return IssueOptions(progress, ("job_placement",), start, until, notes)

    @staticmethod
    def _quoted(options: IssueOptions, rule: Disclosure, quote_readiness: bool) -> list[str]:
        """The scope items the texts of an issue may quote the readiness assessment under:
        those consented to at issue, when the quote was asked for or the texts speak of the
        assessment however edited; kept with the issue (_refuse_narrowed)."""
        text = unicodedata.normalize("NFKC", options.progress + options.notes)
        if not (quote_readiness or "就労準備度" in "".join(text.split())):
            return []
        return [k for k in CONSENT_SCOPE if k in _QUOTABLE and rule.allows(k)]

    @staticmethod
    def _refuse_narrowed(content: dict[str, Any], rule: Disclosure) -> None:
        """A 支援要請書 is printed again as issued, its 支援経過 as written then. Where that
        quotes the readiness assessment, the items were quoted under the scope of that day:
        once one of them has left the scope, the text may hold what may no longer go, and
        the reprint is refused. The issue keeps the items it could quote (_quoted); for an
        issue of an earlier release they are read from the quote itself (an item printed
        （同意範囲外） never went). (Without job_search_status the texts are left out anyway.)"""
        if not rule.allows("job_search_status"):
            return
        if "quoted" in content:
            quoted = set(content["quoted"])
        else:
            quoted = set()
            progress = str(content.get("progress", ""))
            for line in progress.splitlines() if QUOTE_HEADING in progress else ():
                if forms.OUT_OF_SCOPE in line:
                    continue
                if line.startswith("・"):
                    quoted.add(READINESS_SCOPE.get(line[1:].split("　", 1)[0], BARRIERS_SCOPE))
                elif line.startswith("所見: "):
                    quoted.add(BARRIERS_SCOPE)
        lost = [shown(CONSENT_SCOPE[k]) for k in CONSENT_SCOPE
                if k in quoted and not rule.allows(k)]
        if lost:
            raise ConsentMissing(_t(
                "発行した後で情報提供同意の範囲が狭くなったため（{items}）、発行済みの支援要請書は"
                "印刷できません。支援経過に引用した就労準備度の評価に、範囲外になった項目があります").format(
                    items=", ".join(lost)))

    def _clean_options(self, options: IssueOptions) -> IssueOptions:
        unknown = [x for x in options.requested if x not in REQUESTED_SUPPORT]
        if unknown:
            raise InvalidInput("requested", _t("希望する支援が正しくありません: {items}").format(
                items=", ".join(unknown)))
        if (options.period_from and options.period_until
                and options.period_until < options.period_from):
            raise InvalidInput("period_until", _t("支援期間の終わりが始まりより前になっています"))
        return replace(options,
                       progress=_text(options.progress, "progress", MAX_PROGRESS, _t("支援経過")),
                       notes=_text(options.notes, "notes", MAX_NOTES, _t("特記事項")),
                       requested=tuple(k for k in REQUESTED_SUPPORT if k in options.requested))

    def _recipient(self, person: Person, rule: Disclosure, on: date) -> forms.Recipient:
        shown = rule.shown
        identity = rule.allows("identity_contact")
        wishes = "　".join(x for x in (person.desired_job, person.desired_hours,
                                      person.desired_wage, person.desired_area) if x)
        postal = f"〒{person.postal_code}　" if person.postal_code else ""
        birth = (f"{format_wareki(person.birth_date)}（{_age(person.birth_date, on)}歳）"
                 if identity else forms.OUT_OF_SCOPE)
        return forms.Recipient(
            name=self._name(person),
            kana=shown("identity_contact", f"{person.family_kana} {person.given_kana}"),
            birth_date=birth,
            sex=shown("identity_contact", SEXES.get(person.sex or "", "") or "未回答"),
            address=shown("identity_contact", postal + person.address),
            phone=shown("identity_contact",
                        printed_phone(person.phone_mobile or person.phone_home)),
            case_number=person.case_number, category=CATEGORIES.get(person.category, ""),
            household=shown("health_barriers", person.household),
            barriers=shown("health_barriers", person.barriers),
            education=shown("education_work_history", person.education),
            work_history=shown("education_work_history", person.work_history),
            licences=shown("education_work_history", person.licences),
            wishes=shown("job_search_status", wishes))

    def _referral_data(self, s: Session, episode: Episode, person: Person,
                       referral: Referral, rule: Disclosure, options: IssueOptions,
                       number: str, issued_on: date) -> forms.ReferralData:
        office = self._hello_work(s, referral)
        return forms.ReferralData(
            number=number, issued_on=issued_on, addressee=addressee(office),
            office=_office(s, episode.organisation_id), staff=self._staff(s, person),
            recipient=self._recipient(person, rule, issued_on),
            consent_signed_on=rule.signed_on,
            progress=rule.shown("job_search_status", options.progress),
            requested=tuple((label, key in options.requested)
                            for key, label in REQUESTED_SUPPORT.items()),
            period_from=options.period_from, period_until=options.period_until,
            notes=rule.shown("job_search_status", options.notes))

    # ---------------------------------------------------------------- 同意書

    def _consent_form(self, s: Session, organisation_id: uuid.UUID | None,
                      sharing: Consent | None = None, participation: Consent | None = None,
                      person: Person | None = None) -> forms.ConsentForm:
        """The blank form (every active Hello Work office offered, nothing ticked) or the
        office's copy of the recorded consents (their wording as signed, ticked)."""
        offices = {recipient_key(o.name): o for o in s.scalars(
            select(HelloWorkOffice).where(HelloWorkOffice.deleted_at.is_(None)))}
        if sharing is None:
            recipients = tuple((official_name(o), False) for o in sorted(
                (o for o in offices.values() if o.active), key=lambda o: o.name))
            recipients += (("その他（　　　　　　　　　　　　　　　　　）", False),)
        else:
            recipients = tuple(
                (official_name(offices[recipient_key(name)])
                 if recipient_key(name) in offices else name, True)
                for name in sharing.recipients)
        scope = set(sharing.scope) if sharing is not None and sharing.scope_confirmed else set()
        return forms.ConsentForm(
            office=_office(s, organisation_id), programme=PROGRAMME,
            participation_wording=(participation.wording_text if participation is not None
                                   else WORDINGS["participation"]),
            sharing_wording=(sharing.wording_text if sharing is not None
                             else WORDINGS["information_sharing"]),
            recipients=recipients,
            scope=tuple((label, CONSENT_SCOPE_COVERS[key], key in scope)
                        for key, label in CONSENT_SCOPE.items()),
            withdrawal=WITHDRAWAL,
            version=(sharing.wording_version if sharing is not None else FORM_VERSION),
            valid_until=sharing.valid_until if sharing is not None else None,
            participation_ticked=participation is not None,
            sharing_ticked=sharing is not None,
            person_name=self._name(person) if person is not None else "",
            signed_on=(max(c.signed_on for c in (sharing, participation) if c is not None)
                       if sharing is not None or participation is not None else None),
            copy_mark=COPY_MARK if sharing is not None else "")

    def _recorded_consents(self, s: Session, episode_id: uuid.UUID,
                           today: date) -> tuple[Consent, Consent | None]:
        sharing = in_force(s, episode_id, today, "information_sharing")
        if not sharing:
            raise ConsentMissing(_t("有効な情報提供同意がないため印刷できません（未取得・期限切れ・撤回済み）"))
        # With several in force (one per office, say), the one naming the office the case
        # is referred to; then the latest signed, the latest recorded among those (the
        # new-office trial of 12-02 got another office's, two being signed the same day).
        referral = self._referral(s, episode_id)
        if referral is not None:
            key = recipient_key(self._hello_work(s, referral).name)
            sharing = [c for c in sharing
                       if any(recipient_key(r) == key for r in c.recipients)] or sharing
        participation = in_force(s, episode_id, today, "participation")
        return _latest(sharing), _latest(participation) if participation else None

    def _scan_pages(self, s: Session, consents: Sequence[Consent]) -> list[forms.ScanPage]:
        """The scanned signed originals of ``consents`` as page images (each file once)."""
        from desktop.documents.scans import printed_pages

        pages: list[forms.ScanPage] = []
        seen: set[str] = set()
        for row in s.scalars(select(ConsentScan).where(
                ConsentScan.consent_id.in_([c.id for c in consents]),
                ConsentScan.deleted_at.is_(None)).order_by(ConsentScan.created_at)):
            if row.sha256 in seen:
                continue
            seen.add(row.sha256)
            content = scans.open_sealed(self.ctx.db, row.id, row.content)
            pages += printed_pages(content, row.mime)
        return pages

    # ---------------------------------------------------------------- プラン

    def _plan_data(self, s: Session, person: Person, episode: Episode,
                   rule: Disclosure, office: HelloWorkOffice) -> forms.PlanData | None:
        plan = s.scalar(select(Plan).where(Plan.episode_id == episode.id,
                                           Plan.deleted_at.is_(None))
                        .order_by(Plan.revision.desc()).limit(1))
        if plan is None:
            return None
        reviews = s.execute(select(PlanReview.due_on, PlanReview.done_on, PlanReview.result)
                            .where(PlanReview.plan_id == plan.id,
                                   PlanReview.deleted_at.is_(None))
                            .order_by(PlanReview.due_on)).all()
        issuer = _office(s, episode.organisation_id)
        sides = {"welfare": issuer.name, "hello_work": office.official_name or office.name}
        search = rule.allows("job_search_status")
        navigators = [m["name"] for m in plan.team if m.get("side") == "hello_work"]
        planned_on = plan.planned_on or (episode.support_start_on if plan.revision == 1
                                         else None) or plan.created_at.date()
        return forms.PlanData(
            office=issuer, recipient_name=self._name(person), case_number=person.case_number,
            revision=plan.revision, planned_on=planned_on,
            period_from=episode.support_start_on, period_until=episode.planned_end_on,
            team=tuple((sides.get(m.get("side", ""), m.get("side", "")), m["name"],
                        m.get("role", "")) for m in plan.team),
            goal=(("職種", plan.goal_job), ("雇用形態", plan.goal_employment_type),
                  ("時間", plan.goal_hours), ("賃金", plan.goal_wage), ("地域", plan.goal_area),
                  ("目標時期", format_wareki(plan.goal_target_on) if plan.goal_target_on
                   else "")) if search else None,
            barriers=rule.shown("health_barriers", plan.barriers),
            menu=tuple((label, key in plan.menu) for key, label in SUPPORT_MENU.items())
            if search else None,
            roles=(("ハローワーク", plan.role_hello_work), (issuer.name, plan.role_welfare))
            if search else None,
            reviews=tuple((r[0], r[1], r[2] if search or not r[2] else forms.OUT_OF_SCOPE)
                          for r in reviews),
            navigator="　".join(navigators) + (f"（{office.name}）" if navigators else ""))

    # ---------------------------------------------------------------- 連絡票

    def _followup_data(self, s: Session, person: Person, episode: Episode, rule: Disclosure,
                       office: HelloWorkOffice, referral: Referral | None, number: str,
                       issued_on: date, options: IssueOptions) -> forms.FollowupData:
        issuer = _office(s, episode.organisation_id)
        search, placed = rule.allows("job_search_status"), rule.allows("placement_retention")
        start = episode.support_start_on or episode.intake_on
        activity = None
        if search:
            counts = s.execute(select(ContactLog.kind, func.count(ContactLog.id))
                               .where(ContactLog.episode_id == episode.id,
                                      ContactLog.deleted_at.is_(None))
                               .group_by(ContactLog.kind)).all()
            activity = tuple((CONTACT_KINDS.get(k, k), f"{n} 回") for k, n in counts)
        placements = checkpoints = protection = None
        if placed:
            placements = tuple(self._placement_rows(p) for p in s.scalars(
                select(Placement).where(Placement.episode_id == episode.id,
                                        Placement.deleted_at.is_(None))
                .order_by(Placement.start_on)))
            checkpoints = tuple(
                (f"{c.months}か月", format_wareki(c.due_on),
                 format_wareki(c.done_on) if c.done_on else "",
                 CHECKPOINT_RESULTS.get(c.result or "", ""))
                for c in s.scalars(select(RetentionCheckpoint).where(
                    RetentionCheckpoint.episode_id == episode.id,
                    RetentionCheckpoint.deleted_at.is_(None))
                    .order_by(RetentionCheckpoint.due_on)))
            protection = tuple(
                f"{format_wareki(o.decided_on)}　{PROTECTION_OUTCOMES.get(o.kind, o.kind)}"
                f"（就労収入による）　就労自立給付金: {'申請あり' if o.independence_benefit else '申請なし'}"
                for o in s.scalars(select(ProtectionOutcome).where(
                    ProtectionOutcome.episode_id == episode.id,
                    ProtectionOutcome.deleted_at.is_(None))
                    .order_by(ProtectionOutcome.decided_on)))
        closure = (f"{format_wareki(episode.closed_on)}　終了（{episode.closure_reason}）"
                   if episode.closed_on else "")
        return forms.FollowupData(
            number=number, issued_on=issued_on, addressee=addressee(office), office=issuer,
            staff=self._staff(s, person), recipient_name=self._name(person),
            case_number=person.case_number, reference=self._reference(s, issuer, referral),
            period=f"{format_wareki(start)}〜{format_wareki(episode.closed_on or issued_on)}",
            activity=activity, placements=placements, checkpoints=checkpoints,
            protection=protection, closure=closure if search else None,
            notes=rule.shown("job_search_status", options.notes) if options.notes else "")

    @staticmethod
    def _placement_rows(p: Placement) -> tuple[tuple[str, str], ...]:
        wage = (f"{p.wage_amount:,}円（{'月給' if p.wage_unit == 'monthly' else '時給'}）"
                if p.wage_amount else "")
        hours = f"{p.weekly_hours:g}時間" if p.weekly_hours else ""
        ended = (f"{format_wareki(p.end_on)}（{p.end_reason}）" if p.end_on else "")
        # The workplace's name and address each in a cell of their own (they once ran
        # together), then the terms.
        return (("事業所", p.employer), ("所在地", p.employer_address or "　"),
                ("就職日", format_wareki(p.start_on)),
                ("職種", p.job_title), ("雇用形態", p.employment_type),
                ("雇用期間", TERM_CATEGORIES.get(p.term_category, "")),
                ("週の労働時間", hours), ("賃金", wage),
                ("雇用保険", "加入" if p.employment_insurance else "未加入"),
                ("就職経路", PLACEMENT_ROUTE_PRINTED.get(p.route, p.route)),
                ("離職", ended or "　"))

    # ---------------------------------------------------------------- numbers

    def _may_issue(self, s: Session, actor: Actor, person: Person) -> None:
        """Issuing changes the record: those who may edit the case issue (a viewer reads);
        an outreach laptop's copy has no register."""
        check_edit(s, actor, person)
        if s.scalar(select(Setting.id).where(Setting.key == OUTREACH_MANIFEST)) is not None:
            raise DomainError(_t("出張用のパソコンでは文書番号を取れないため、発行できません。"
                                 "事務所のパソコンで発行してください"))

    def _next_number(self, s: Session, organisation_id: uuid.UUID | None) -> tuple[int, int]:
        """(fiscal year, serial): the next number of the organisation's register for this
        fiscal year (the register restarts at 1 every 4月1日)."""
        year = fiscal_year_of(self.ctx.today())
        serial = (s.scalar(select(func.max(IssuedDocument.serial)).where(
            IssuedDocument.organisation_id == organisation_id,
            IssuedDocument.fiscal_year == year)) or 0) + 1
        return year, serial

    def _guard(self, s: Session, kind: str, episode: Episode, person: Person,
               referral: Referral, rule: Disclosure | None = None) -> tuple[Any, ...]:
        """What an issue rests on, read when the document is drawn and again when its number
        is taken: the rows printed from and the consents that let it go (``rule``: as just
        checked). Raises as printing does when the consent rule no longer allows it."""
        today = self.ctx.today()
        if kind == "withdrawal_notice":
            ground: Any = participation_withdrawals(s, [episode.id], today).get(episode.id)
        else:
            if rule is None:
                self._refuse_after_withdrawal(s, episode, today)
                rule = self._rule(s, episode, self._hello_work(s, referral), today)
            ground = (tuple(sorted(rule.consent_ids)), tuple(sorted(rule.scope)))
        return (today, referral.id, referral.version, person.version, episode.version, ground)

    # ---------------------------------------------------------------- building

    def _prepare(self, s: Session, actor: Actor, kind: str, episode: Episode, person: Person,
                 options: IssueOptions | None, issue: bool,
                 quote_readiness: bool = False) -> _Prepared:
        """The numbered document ``kind`` of the episode read (in a read transaction) and
        ready to draw: to issue now (``issue``: the number it will take if no other document
        takes one first), as issued before (a reprint), or as a draft, its number open."""
        today = self.ctx.today()
        issuer = _office(s, episode.organisation_id)
        if kind == "withdrawal_notice":
            return self._prepare_notice(s, actor, episode, person, issuer, issue)
        self._refuse_after_withdrawal(s, episode, today)
        referral = (self._latest_referral(s, episode.id) if kind in ("referral", "packet")
                    else self._referral(s, episode.id))
        if referral is None:
            raise DomainError(_t("この支援エピソードには支援要請がないため、連絡先のハローワークがありません"))
        office = self._hello_work(s, referral)
        rule = self._rule(s, episode, office, today)
        number = issuer.number(None)
        reprint = False
        draw: Callable[[str], bytes]
        if kind == "followup":
            chosen = self._clean_options(options or IssueOptions())
            followup = self._followup_data(s, person, episode, rule, office, referral, number,
                                           today, chosen)
            content: dict[str, Any] = {"notes": chosen.notes}
            draw = lambda n: forms.followup_pdf(replace(followup, number=n))  # noqa: E731
        else:
            reprint = self._is_issued(referral)
            if reprint:
                previous = self._issued(s, referral)
                if previous is not None:
                    self._refuse_narrowed(previous.content, rule)
                chosen = (IssueOptions.from_content(previous.content) if previous is not None
                          else self._defaults(s, episode, rule, referral))
                issued_on = previous.issued_on if previous is not None else referral.referred_on
                number = printed_number(issuer, referral.number)
            else:
                chosen = self._clean_options(
                    options if options is not None
                    else self._defaults(s, episode, rule, referral, quote_readiness))
                issued_on = today
            data = self._referral_data(s, episode, person, referral, rule, chosen, number,
                                       issued_on)
            content = {**chosen.as_content(),
                       "quoted": self._quoted(chosen, rule, quote_readiness)}
            if kind == "referral":
                draw = lambda n: forms.referral_pdf(replace(data, number=n))  # noqa: E731
            else:
                packet = self._packet(s, episode, person, rule, office, today)
                draw = lambda n: packet(replace(data, number=n))  # noqa: E731
        taking = None
        if issue and not reprint:
            self._may_issue(s, actor, person)
            year, serial = self._next_number(s, episode.organisation_id)
            number = issuer.number(serial)
            taking = _Taking("followup" if kind == "followup" else "referral", year, serial,
                             number, content)
        return _Prepared(kind, episode.id, person.case_number, draw, number, chosen,
                         addressee(office), tuple(k for k in CONSENT_SCOPE if rule.allows(k)),
                         EDITABLE[kind], reprint, taking, referral.id,
                         self._guard(s, kind, episode, person, referral, rule))

    def _packet(self, s: Session, episode: Episode, person: Person, rule: Disclosure,
                office: HelloWorkOffice, today: date) -> Callable[[forms.ReferralData], bytes]:
        """送付書, 支援要請書, the consent's copy and the plan: read now, drawn around the
        支援要請書 given. The copy is the scanned signed original when one is attached and the
        person's identity may go (the paper shows their address and birth date); else the
        office's 控 with the recorded scope ticked."""
        used = list(s.scalars(select(Consent).where(Consent.id.in_(rule.consent_ids))))
        participation = in_force(s, episode.id, today, "participation")
        sharing = _latest(used)
        pages = (self._scan_pages(s, [*used, *participation])
                 if rule.allows("identity_contact") else [])
        consent = None if pages else self._consent_form(
            s, episode.organisation_id, sharing,
            _latest(participation) if participation else None, person)
        plan = self._plan_data(s, person, episode, rule, office)
        subject = f"生活保護受給者等就労自立促進事業に係る支援要請（{self._name(person)}）"

        def draw(referral: forms.ReferralData) -> bytes:
            enclosures = [(f"支援要請書（{referral.number}）", "1部"),
                          ("同意書（写）" if pages else "同意書（控）", "1部")]
            if plan is not None:
                enclosures.append((f"就労支援プラン（第{plan.revision}版）", "1部"))
            cover = forms.CoverData(sent_on=today, addressee=referral.addressee,
                                    office=referral.office, staff=referral.staff,
                                    subject=subject, enclosures=tuple(enclosures))
            return forms.packet_pdf(cover, referral, consent, pages, plan)

        return draw

    def _prepare_notice(self, s: Session, actor: Actor, episode: Episode, person: Person,
                        issuer: forms.Office, issue: bool) -> _Prepared:
        """支援終了・同意撤回の連絡 to the Hello Work office of the latest referral: the one
        document that goes after a 参加同意 is withdrawn, and only then."""
        today = self.ctx.today()
        withdrawn = participation_withdrawals(s, [episode.id], today)
        if episode.id not in withdrawn:
            raise DomainError(_t("参加同意が撤回されていないため、支援終了・同意撤回の連絡は印刷できません"))
        referral = self._referral(s, episode.id, ("sent", "accepted", "withdrawn"))
        if referral is None:
            raise DomainError(_t("ハローワークへ支援要請していないため、連絡する先がありません"))
        office = self._hello_work(s, referral)
        data = forms.NoticeData(
            number=issuer.number(None), issued_on=today,
            addressee=addressee(office), office=issuer, staff=self._staff(s, person),
            recipient_name=self._name(person),
            reference=self._reference(s, issuer, referral),
            withdrawn_on=withdrawn[episode.id], closed_on=episode.closed_on)
        number, taking = data.number, None
        if issue:
            self._may_issue(s, actor, person)
            year, serial = self._next_number(s, episode.organisation_id)
            number = issuer.number(serial)
            taking = _Taking("withdrawal_notice", year, serial, number, {})
        return _Prepared("withdrawal_notice", episode.id, person.case_number,
                         lambda n: forms.notice_pdf(replace(data, number=n)), number,
                         IssueOptions(), addressee(office), (), (), False, taking, referral.id,
                         self._guard(s, "withdrawal_notice", episode, person, referral))

    def _record(self, s: Session, actor: Actor, prepared: _Prepared, pdf: bytes) -> PrintDraft:
        """In one short write: the issue (the number taken, checked to be the one printed,
        with the document's content and SHA-256), or a reprint's or a draft's audit.
        _NumberTaken when another issue took that number first or what the document rests
        on changed since it was read (the caller reads and draws again)."""
        episode, person = self.access.for_read(s, actor, prepared.episode_id)
        referral = s.get(Referral, prepared.referral_id)
        assert referral is not None
        taking = prepared.taking
        row: IssuedDocument | None = None
        number: str | None = None
        if taking is not None:
            self._may_issue(s, actor, person)
            if (self._guard(s, prepared.kind, episode, person, referral) != prepared.guard
                    or self._next_number(s, episode.organisation_id)
                    != (taking.fiscal_year, taking.serial)):
                raise _NumberTaken
            row = IssuedDocument(organisation_id=episode.organisation_id,
                                 fiscal_year=taking.fiscal_year, serial=taking.serial,
                                 number=taking.number, kind=taking.kind, episode_id=episode.id,
                                 referral_id=referral.id, issued_on=self.ctx.today(),
                                 addressee=prepared.addressee, content=taking.content)
            s.add(stamp_new(self.ctx, actor, row))
            if taking.kind == "referral":
                referral.number, referral.printed_at = taking.number, self.ctx.now()
                stamp_update(actor, referral)
            action, number = "issue", taking.number
        else:
            if prepared.reprint and actor.role != "viewer":
                referral.printed_at = self.ctx.now()
                stamp_update(actor, referral)
            action = "print" if prepared.reprint else "print_draft"
            number = prepared.number if prepared.reprint else None
        document = self._finish(s, actor, prepared.kind, episode.id, prepared.case_number, pdf,
                                action, number)
        if row is not None:
            row.sha256 = document.sha256
        return PrintDraft(prepared.kind, episode.id, document, prepared.options,
                          prepared.reprint or taking is not None, prepared.addressee,
                          prepared.scope, prepared.fields)

    # ---------------------------------------------------------------- use cases

    def _print(self, actor: Actor, kind: str, episode_id: uuid.UUID,
               options: IssueOptions | None, issue: bool, quote_readiness: bool) -> PrintDraft:
        """Read, draw outside any transaction, then record in one short write: the write
        lock (every PC's, in office mode) is never held while a document is drawn. An issue
        whose number another PC took meanwhile is read and drawn again with the next one."""
        if kind not in NUMBERED:
            raise InvalidInput("kind", _t("発行する書類は {kinds} です").format(kinds=", ".join(NUMBERED)))
        for _ in range(ISSUE_ATTEMPTS):
            with self.ctx.db.read() as s:
                episode, person = self.access.for_read(s, actor, episode_id)
                prepared = self._prepare(s, actor, kind, episode, person, options, issue,
                                         quote_readiness)
            pdf = prepared.draw(prepared.number)
            try:
                with self.ctx.db.write() as s:
                    return self._record(s, actor, prepared, pdf)
            except _NumberTaken:
                continue
        raise DomainError(_t("ほかのパソコンで同時に文書が発行されているため、発行できませんでした。"
                             "もう一度発行してください"))

    def draft(self, actor: Actor, kind: str, episode_id: uuid.UUID,
              options: IssueOptions | None = None, quote_readiness: bool = False) -> PrintDraft:
        """A numbered document as it would be issued, its number left open (shown before
        anything is issued: audited as a print_draft), with the texts the caseworker may
        change; or, for a 支援要請書 already issued, that document (``issued``)."""
        return self._print(actor, kind, episode_id, options, False, quote_readiness)

    def issue(self, actor: Actor, kind: str, episode_id: uuid.UUID,
              options: IssueOptions | None = None,
              quote_readiness: bool = False) -> PrintedDocument:
        """Issue a numbered document: the next number of the organisation's register is
        taken now and printed on it (a 支援要請書 already issued is printed again as it was,
        under its number)."""
        return self._print(actor, kind, episode_id, options, True, quote_readiness).document

    def print_document(self, actor: Actor, kind: str, episode_id: uuid.UUID | None = None,
                       blank: bool = False, quote_readiness: bool = False) -> PrintedDocument:
        """One form. ``blank`` prints an empty 同意書 or 同意撤回届 for signature (no
        episode). A numbered document is issued with the record's texts (the command line
        and the batch: there is no dialog to show it first), or printed again as issued;
        ``quote_readiness`` adds the readiness assessment to a referral's 支援経過 (_defaults)."""
        if kind not in KINDS:
            raise InvalidInput("kind", _t("印刷できる書類は {kinds} です").format(kinds=', '.join(KINDS)))
        if kind in NUMBERED:
            if episode_id is None:
                raise InvalidInput("episode", _t("支援エピソードを指定してください"))
            return self.issue(actor, kind, episode_id, quote_readiness=quote_readiness)
        today = self.ctx.today()
        # The data is read (and the consent rule checked) in a read transaction and the PDF
        # drawn outside any; then one short write audits the print with its SHA-256. The
        # PDF is handed out only once that write is done (an issue likewise: _print).
        with self.ctx.db.read() as s:
            draw, audited_kind, episode_ref, case_number = self._plain_form(
                s, actor, kind, episode_id, blank, today)
        pdf = draw()
        with self.ctx.db.write() as s:
            return self._finish(s, actor, audited_kind, episode_ref, case_number, pdf)

    def _plain_form(self, s: Session, actor: Actor, kind: str, episode_id: uuid.UUID | None,
                    blank: bool, today: date
                    ) -> tuple[Callable[[], bytes], str, uuid.UUID | None, str]:
        """An unnumbered form's plain data under the consent rule: (draw the PDF, the kind
        audited, the episode, the case number)."""
        if blank or kind == "withdrawal_form":
            if kind not in BLANK:
                raise InvalidInput("kind", _t("白紙で印刷できるのは同意書と同意撤回届です"))
            if kind == "consent":
                form = self._consent_form(s, actor.organisation_id)
                return lambda: forms.consent_pdf(form), "consent_blank", None, ""
            withdrawal = forms.WithdrawalForm(_office(s, actor.organisation_id), FORM_VERSION)
            return (lambda: forms.withdrawal_form_pdf(withdrawal), f"{kind}_blank", None, "")
        if episode_id is None:
            raise InvalidInput("episode", _t("支援エピソードを指定してください"))
        episode, person = self.access.for_read(s, actor, episode_id)
        self._refuse_after_withdrawal(s, episode, today)
        if kind == "consent":
            sharing, participation = self._recorded_consents(s, episode.id, today)
            recorded = self._consent_form(s, episode.organisation_id, sharing, participation,
                                          person)
            return lambda: forms.consent_pdf(recorded), kind, episode.id, person.case_number
        referral = self._referral(s, episode.id)
        if referral is None:
            raise DomainError(_t("この支援エピソードには支援要請がないため、プランを共有するハローワークがありません"))
        office = self._hello_work(s, referral)
        plan = self._plan_data(s, person, episode, self._rule(s, episode, office, today), office)
        if plan is None:
            raise DomainError(_t("この支援エピソードには就労支援プランがありません"))
        return lambda: forms.plan_pdf(plan), kind, episode.id, person.case_number

    # ---------------------------------------------------------------- batch

    @staticmethod
    def _save_issued(doc: PrintedDocument, out_dir: Path, saved: int) -> Path:
        try:
            return write_whole(out_dir / doc.filename, doc.pdf)
        except OSError as exc:  # a full disk, the folder taken away: the batch stops here
            raise StorageError(_t(
                "{number} を発行しましたが、{path} に書き込めませんでした（{reason}）。"
                "ここまでに {count} 件を書き込みました。番号は発行簿に記録されています").format(
                    number=doc.number, path=out_dir / doc.filename,
                    reason=exc.strerror or exc, count=saved)) from None

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
        """Every pending referral issued as a packet into ``out_dir``. ``progress(done,
        total)`` returning False cancels. Returns the files written and the refusals (one
        per case)."""
        # Before any number is taken: the folder can be written (a number is never taken
        # for a packet that could not be saved).
        try:
            check_writable(out_dir / ".packet.pdf")
        except OSError as exc:
            raise StorageError(_t("{path} に書き込めません（{reason}）").format(
                path=out_dir, reason=exc.strerror or exc)) from None
        pending = self.pending_referrals(actor)
        written: list[Path] = []
        refused: list[str] = []
        for i, episode_id in enumerate(pending):
            try:
                doc = self.issue(actor, "packet", episode_id)
            except DomainError as exc:
                refused.append(f"{episode_id}: {exc.message}")
            else:
                written.append(self._save_issued(doc, out_dir, len(written)))
            if progress is not None and progress(i + 1, len(pending)) is False:
                break
        return written, refused
