"""Every change the desktop makes, as a typed command (the model: Anki's CollectionOp).

A command is a frozen value naming one use case and its inputs. The desktop runs it on its
one write thread (ui/tasks.TaskRunner.run): ``run`` calls the service, which checks the
permission, validates, audits and writes in one transaction; ``changes`` says what it
changed, so each screen refreshes only what it shows. Commands hold no Qt and no session;
they can be run and tested without the desktop.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from desktop.files import write_whole
from desktop.i18n import translator
from desktop.services.errors import DomainError, StorageError

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.auth import StaffChanges, UserSummary
    from desktop.services.consent import ConsentInput, ConsentRecord, ScanRecord
    from desktop.services.context import Actor
    from desktop.services.costs import CostInput, CostRecord
    from desktop.services.employers import EmployerInput, EmployerRecord
    from desktop.services.hello_work import ActivityInput as HelloWorkActivityInput
    from desktop.services.hello_work import ExchangeResult, ExchangeSheet
    from desktop.services.ledger import ImportResult as LedgerImport
    from desktop.services.maintenance import AutoBackup
    from desktop.services.meetings import MeetingInput, MeetingRecord
    from desktop.services.offices import OfficeInput, OfficeRecord
    from desktop.services.organisations import OrganisationInput, OrganisationRecord
    from desktop.services.outreach import ImportResult as KitImport
    from desktop.services.persons import (
        AssignmentRecord,
        CaseloadMove,
        DuplicateCandidate,
        PersonInput,
        PersonRecord,
    )
    from desktop.services.printing import IssueOptions, PrintDraft, PrintedDocument
    from desktop.services.reports import Period
    from desktop.services.routes import (
        ActivityInput,
        ActivityRecord,
        AssessmentInput,
        AssessmentRecord,
    )
    from desktop.services.workflow import (
        CheckpointRecord,
        ContactInput,
        EpisodeSummary,
        PlacementInput,
        PlanInput,
        ReferralRecord,
    )

_t = translator("Commands")
R = TypeVar("R")


@dataclass(frozen=True)
class Changes:
    """What a command changed: the persons and episodes (a screen showing one of them
    reloads it), whether the caseload list and search results, today's agenda, the office
    settings and targets, or the staff and offices may show something else now.
    ``records`` means any person or episode (an import)."""

    persons: frozenset[uuid.UUID] = frozenset()
    episodes: frozenset[uuid.UUID] = frozenset()
    caseload: bool = False
    agenda: bool = False
    settings: bool = False
    staff: bool = False
    records: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.persons | other.persons, self.episodes | other.episodes,
                       self.caseload or other.caseload, self.agenda or other.agenda,
                       self.settings or other.settings, self.staff or other.staff,
                       self.records or other.records)

    def __bool__(self) -> bool:
        return bool(self.persons or self.episodes or self.caseload or self.agenda
                    or self.settings or self.staff or self.records)

    def touches(self, person_id: uuid.UUID | None = None,
                episode_ids: frozenset[uuid.UUID] | set[uuid.UUID] = frozenset()) -> bool:
        """Whether a screen showing this person (and these episodes of theirs) is stale."""
        return (self.records or (person_id is not None and person_id in self.persons)
                or bool(self.episodes & set(episode_ids)))


NOTHING = Changes()
EVERYTHING = Changes(caseload=True, agenda=True, records=True, staff=True, settings=True)


def _episode(episode_id: uuid.UUID, lists: bool = True) -> Changes:
    """An episode changed: its screen; and the lists and the agenda (state, dates)."""
    return Changes(episodes=frozenset({episode_id}), caseload=lists, agenda=True)


class Command(Generic[R]):
    """One use case and its inputs. Subclasses are frozen dataclasses."""

    def run(self, services: Services, actor: Actor | None) -> R:
        raise NotImplementedError

    def changes(self, result: R) -> Changes:
        return NOTHING


def _signed_in(actor: Actor | None) -> Actor:
    if actor is None:  # a programming error: every command but Login runs for someone
        raise RuntimeError("a command ran without a signed-in actor")
    return actor


# ---------------------------------------------------------------- sign-in and account


@dataclass(frozen=True)
class Login(Command["Actor"]):
    username: str
    password: str = field(repr=False)

    def run(self, services: Services, actor: Actor | None) -> Actor:
        return services.auth.login(self.username, self.password)


@dataclass(frozen=True)
class Logout(Command[None]):
    """Sign out: the view audits still queued are written first (they are this actor's),
    then the logout row; the database stays open for the next person."""

    def run(self, services: Services, actor: Actor | None) -> None:
        services.ctx.views.flush(wait=True)
        services.auth.logout(_signed_in(actor))


@dataclass(frozen=True)
class ChangeInitialPassword(Command["Actor"]):
    """Sign in by choosing a new password (an initial or reset one must be changed first)."""

    username: str
    current: str = field(repr=False)
    new: str = field(repr=False)

    def run(self, services: Services, actor: Actor | None) -> Actor:
        return services.auth.change_initial_password(self.username, self.current, self.new)


@dataclass(frozen=True)
class ChangePassword(Command[None]):
    old: str = field(repr=False)
    new: str = field(repr=False)

    def run(self, services: Services, actor: Actor | None) -> None:
        services.auth.change_password(_signed_in(actor), self.old, self.new)


# ---------------------------------------------------------------- persons


class PossibleDuplicates(DomainError):
    """Persons with the same reading and birth date are registered already; the intake
    goes ahead once the caseworker confirms they are someone else."""

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        super().__init__(_t("重複の可能性があります。既存の記録を確認し、別人であればチェックを入れてください"))
        self.candidates = candidates


@dataclass(frozen=True)
class Intake(Command[tuple["PersonRecord", "EpisodeSummary"]]):
    """新規受付: a person and their first episode. Refused with PossibleDuplicates while
    look-alikes (same reading and birth date) exist that the caseworker has not confirmed
    as other people (``not_duplicates``)."""

    data: PersonInput
    intake_on: date
    note: str = ""
    not_duplicates: frozenset[uuid.UUID] = frozenset()
    caseworker_id: uuid.UUID | None = None  # 担当 (a caseworker's own case: themselves)

    def run(self, services: Services, actor: Actor | None
            ) -> tuple[PersonRecord, EpisodeSummary]:
        actor = _signed_in(actor)
        if self.data.family_kana and self.data.given_kana and isinstance(
                self.data.birth_date, date):
            candidates = services.persons.possible_duplicates(
                actor, self.data.family_kana, self.data.given_kana, self.data.birth_date)
            if any(c.id not in self.not_duplicates for c in candidates):
                raise PossibleDuplicates(candidates)
        return services.workflow.intake(actor, self.data, self.intake_on, self.note,
                                        self.caseworker_id)

    def changes(self, result: tuple[PersonRecord, EpisodeSummary]) -> Changes:
        person, episode = result
        return Changes(persons=frozenset({person.id}), episodes=frozenset({episode.id}),
                       caseload=True, agenda=True)


@dataclass(frozen=True)
class UpdatePerson(Command["PersonRecord"]):
    """A profile saved as of ``version`` (StaleRecord when another PC saved it since)."""

    person_id: uuid.UUID
    version: int
    data: PersonInput

    def run(self, services: Services, actor: Actor | None) -> PersonRecord:
        return services.persons.update_person(_signed_in(actor), self.person_id, self.version,
                                              self.data)

    def changes(self, result: PersonRecord) -> Changes:
        return Changes(persons=frozenset({self.person_id}), caseload=True, agenda=True)


# ---------------------------------------------------------------- the episode


@dataclass(frozen=True)
class OpenEpisode(Command["EpisodeSummary"]):
    person_id: uuid.UUID
    intake_on: date
    note: str = ""

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.open_episode(_signed_in(actor), self.person_id,
                                              self.intake_on, self.note)

    def changes(self, result: EpisodeSummary) -> Changes:
        return Changes(persons=frozenset({self.person_id}), episodes=frozenset({result.id}),
                       caseload=True, agenda=True)


@dataclass(frozen=True)
class StartScreening(Command["EpisodeSummary"]):
    episode_id: uuid.UUID
    on: date
    note: str = ""

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.start_screening(_signed_in(actor), self.episode_id, self.on,
                                                 self.note)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class RecordScreeningDecision(Command["EpisodeSummary"]):
    """所内協議の結果; an approval names the route it leads to (labels.ROUTES)."""

    episode_id: uuid.UUID
    decision: str
    decided_on: date
    meeting: str
    route: str | None = None

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.record_screening_decision(
            _signed_in(actor), self.episode_id, self.decision, self.decided_on, self.meeting,
            self.route)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class ConfirmConsent(Command["EpisodeSummary"]):
    episode_id: uuid.UUID
    on: date

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.confirm_consent(_signed_in(actor), self.episode_id, self.on)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class ReferToHelloWork(Command["ReferralRecord"]):
    episode_id: uuid.UUID
    office_id: uuid.UUID
    on: date
    number: str | None = None

    def run(self, services: Services, actor: Actor | None) -> ReferralRecord:
        return services.workflow.refer_to_hello_work(_signed_in(actor), self.episode_id,
                                                     self.office_id, self.on, self.number)

    def changes(self, result: ReferralRecord) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class ReturnReferral(Command["EpisodeSummary"]):
    episode_id: uuid.UUID
    on: date
    reason: str

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.return_referral(_signed_in(actor), self.episode_id, self.on,
                                                 self.reason)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class AcceptReferral(Command["EpisodeSummary"]):
    episode_id: uuid.UUID
    on: date
    plan: PlanInput

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.accept_referral(_signed_in(actor), self.episode_id, self.on,
                                                 self.plan)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class RecordPlacement(Command[uuid.UUID]):
    episode_id: uuid.UUID
    data: PlacementInput

    def run(self, services: Services, actor: Actor | None) -> uuid.UUID:
        return services.workflow.record_placement(_signed_in(actor), self.episode_id,
                                                  self.data)

    def changes(self, result: uuid.UUID) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class EndPlacement(Command["EpisodeSummary"]):
    placement_id: uuid.UUID
    end_on: date
    reason: str

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.end_placement(_signed_in(actor), self.placement_id,
                                               self.end_on, self.reason)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(result.id)


@dataclass(frozen=True)
class RecordCheckpoint(Command["CheckpointRecord"]):
    """定着確認の結果. Well before its due date it raises NeedsConfirmation; the same
    command with ``early`` set is the confirmed one."""

    episode_id: uuid.UUID
    checkpoint_id: uuid.UUID
    done_on: date
    result: str
    note: str = ""
    early: bool = False

    def run(self, services: Services, actor: Actor | None) -> CheckpointRecord:
        return services.workflow.record_checkpoint(_signed_in(actor), self.checkpoint_id,
                                                   self.done_on, self.result, self.note,
                                                   early=self.early)

    def changes(self, result: CheckpointRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class ExtendSupport(Command["EpisodeSummary"]):
    episode_id: uuid.UUID
    new_end_on: date
    reason: str

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.extend_support(_signed_in(actor), self.episode_id,
                                                self.new_end_on, self.reason)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class CloseEpisode(Command["EpisodeSummary"]):
    """終了; ``open_checkpoints`` says what becomes of retention checks still open
    (workflow.OPEN_CHECKS_CANCEL or _KEEP)."""

    episode_id: uuid.UUID
    on: date
    reason: str
    note: str = ""
    open_checkpoints: str | None = None

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.close_episode(_signed_in(actor), self.episode_id, self.on,
                                               self.reason, self.note,
                                               open_checkpoints=self.open_checkpoints)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class RecordProtectionOutcome(Command[uuid.UUID]):
    episode_id: uuid.UUID
    kind: str
    on: date
    independence_benefit: bool = False

    def run(self, services: Services, actor: Actor | None) -> uuid.UUID:
        return services.workflow.record_protection_outcome(
            _signed_in(actor), self.episode_id, self.kind, self.on, self.independence_benefit)

    def changes(self, result: uuid.UUID) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class RevisePlan(Command[int]):
    episode_id: uuid.UUID
    plan: PlanInput

    def run(self, services: Services, actor: Actor | None) -> int:
        return services.workflow.revise_plan(_signed_in(actor), self.episode_id, self.plan)

    def changes(self, result: int) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class RecordPlanReview(Command[None]):
    episode_id: uuid.UUID
    review_id: uuid.UUID
    done_on: date
    result: str

    def run(self, services: Services, actor: Actor | None) -> None:
        services.workflow.record_plan_review(_signed_in(actor), self.review_id, self.done_on,
                                             self.result)

    def changes(self, result: None) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class AddContact(Command[uuid.UUID]):
    """ケース記録 (with a next action, it joins today's agenda)."""

    episode_id: uuid.UUID
    data: ContactInput

    def run(self, services: Services, actor: Actor | None) -> uuid.UUID:
        return services.workflow.add_contact(_signed_in(actor), self.episode_id, self.data)

    def changes(self, result: uuid.UUID) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class CompleteNextAction(Command[None]):
    contact_id: uuid.UUID
    done_on: date

    def run(self, services: Services, actor: Actor | None) -> None:
        services.workflow.complete_next_action(_signed_in(actor), self.contact_id,
                                               self.done_on)

    def changes(self, result: None) -> Changes:
        return Changes(agenda=True)


# ---------------------------------------------------------------- consents


@dataclass(frozen=True)
class RecordConsent(Command["ConsentRecord"]):
    episode_id: uuid.UUID
    data: ConsentInput

    def run(self, services: Services, actor: Actor | None) -> ConsentRecord:
        return services.consent.record_consent(_signed_in(actor), self.episode_id, self.data)

    def changes(self, result: ConsentRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class WithdrawConsent(Command["ConsentRecord"]):
    episode_id: uuid.UUID
    consent_id: uuid.UUID
    on: date
    note: str = ""

    def run(self, services: Services, actor: Actor | None) -> ConsentRecord:
        return services.consent.withdraw_consent(_signed_in(actor), self.consent_id, self.on,
                                                 self.note)

    def changes(self, result: ConsentRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class WithdrawParticipation(Command[tuple["ConsentRecord", "EpisodeSummary"]]):
    """撤回 of a 参加同意, closing the episode (同意撤回) with it unless told not to."""

    episode_id: uuid.UUID
    consent_id: uuid.UUID
    on: date
    note: str = ""
    close_episode: bool = True

    def run(self, services: Services, actor: Actor | None
            ) -> tuple[ConsentRecord, EpisodeSummary]:
        return services.workflow.withdraw_participation(
            _signed_in(actor), self.consent_id, self.on, self.note, self.close_episode)

    def changes(self, result: tuple[ConsentRecord, EpisodeSummary]) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class ConfirmConsentScope(Command["ConsentRecord"]):
    """The scope of an 情報提供同意 read off the signed paper."""

    episode_id: uuid.UUID
    consent_id: uuid.UUID
    expected_version: int
    scope: tuple[str, ...]

    def run(self, services: Services, actor: Actor | None) -> ConsentRecord:
        return services.consent.confirm_scope(_signed_in(actor), self.consent_id,
                                              self.expected_version, list(self.scope))

    def changes(self, result: ConsentRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class AttachConsentScan(Command["ScanRecord"]):
    """The scanned signed original of a consent, from a file on this PC."""

    episode_id: uuid.UUID
    consent_id: uuid.UUID
    path: Path

    def run(self, services: Services, actor: Actor | None) -> ScanRecord:
        return services.consent.attach_scan_file(_signed_in(actor), self.consent_id, self.path)

    def changes(self, result: ScanRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class OpenConsentScan(Command["tuple[ScanRecord, bytes]"]):
    """A consent's signed original, decrypted in memory for the viewer. On the write lane:
    the view is audited in the same transaction as the file is read."""

    scan_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> tuple[ScanRecord, bytes]:
        return services.consent.scan_content(_signed_in(actor), self.scan_id)


@dataclass(frozen=True)
class RemoveConsentScan(Command["ScanRecord"]):
    """A signed original attached by mistake, removed (the packet prints the 控 again)."""

    episode_id: uuid.UUID
    scan_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> ScanRecord:
        return services.consent.remove_scan(_signed_in(actor), self.scan_id)

    def changes(self, result: ScanRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


# ---------------------------------------------------------------- printing and files


@dataclass(frozen=True)
class PrintDocument(Command["PrintedDocument"]):
    """A form: audited with its SHA-256, and a referral it sends marked printed."""

    kind: str
    episode_id: uuid.UUID | None
    blank: bool = False  # an empty 同意書 or 同意撤回届 for signature
    quote_readiness: bool = False  # the referral's 支援経過 quotes the readiness assessment

    def run(self, services: Services, actor: Actor | None) -> PrintedDocument:
        return services.printing.print_document(_signed_in(actor), self.kind, self.episode_id,
                                                blank=self.blank,
                                                quote_readiness=self.quote_readiness)

    def changes(self, result: PrintedDocument) -> Changes:
        return Changes(agenda=self.kind in ("referral", "packet"))


@dataclass(frozen=True)
class DraftDocument(Command["PrintDraft"]):
    """A numbered document as it would be issued, its number left open (audited)."""

    kind: str
    episode_id: uuid.UUID
    options: IssueOptions | None = None
    quote_readiness: bool = False  # the referral's 支援経過 quotes the readiness assessment

    def run(self, services: Services, actor: Actor | None) -> PrintDraft:
        return services.printing.draft(_signed_in(actor), self.kind, self.episode_id,
                                       self.options, quote_readiness=self.quote_readiness)


@dataclass(frozen=True)
class IssueDocument(Command["PrintedDocument"]):
    """A numbered document issued: the next number of the organisation's register."""

    kind: str
    episode_id: uuid.UUID
    options: IssueOptions | None = None

    def run(self, services: Services, actor: Actor | None) -> PrintedDocument:
        return services.printing.issue(_signed_in(actor), self.kind, self.episode_id,
                                       self.options)

    def changes(self, result: PrintedDocument) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class PrintPending(Command[tuple[list[Path], list[str]]]):
    """Every referral not yet printed, as packets into ``folder``; ``progress(done,
    total)`` returning False cancels (it is called on the write thread)."""

    folder: Path
    progress: Callable[[int, int], bool] | None = field(default=None, compare=False)

    def run(self, services: Services, actor: Actor | None
            ) -> tuple[list[Path], list[str]]:
        return services.printing.print_pending(_signed_in(actor), self.folder, self.progress)

    def changes(self, result: tuple[list[Path], list[str]]) -> Changes:
        return Changes(agenda=True)


def _write_file(path: Path, payload: bytes) -> Path:
    try:
        return write_whole(path, payload)
    except OSError as exc:
        raise StorageError(_t("書き出せませんでした（{reason}）: {path}").format(
            reason=exc.strerror or type(exc).__name__, path=path)) from None


@dataclass(frozen=True)
class ExportLedger(Command[int]):
    """The caseload in the ledger's layout into ``path`` (audited as an export). Returns
    the rows written."""

    path: Path
    fmt: str

    def run(self, services: Services, actor: Actor | None) -> int:
        payload, count = services.ledger.export(_signed_in(actor), self.fmt)
        _write_file(self.path, payload)
        return count


@dataclass(frozen=True)
class ExportReport(Command[Path]):
    """The report of ``period`` as of ``as_of`` (default today), of every organisation or
    of ``organisation_id``'s, into ``path`` (audited as an export)."""

    period: Period
    fmt: str
    path: Path
    as_of: date | None = None
    organisation_id: uuid.UUID | None = None

    def run(self, services: Services, actor: Actor | None) -> Path:
        payload = services.reports.export(_signed_in(actor), self.period, self.fmt,
                                          self.as_of, self.organisation_id)
        return _write_file(self.path, payload)


# ---------------------------------------------------------------- Hello Work's side


@dataclass(frozen=True)
class SetHelloWorkDetails(Command[None]):
    """Hello Work's 求職番号 and the navigator in charge of the case."""

    episode_id: uuid.UUID
    job_seeker_number: str
    navigator: str

    def run(self, services: Services, actor: Actor | None) -> None:
        services.hello_work.set_details(_signed_in(actor), self.episode_id,
                                        self.job_seeker_number, self.navigator)

    def changes(self, result: None) -> Changes:
        return Changes(episodes=frozenset({self.episode_id}))


@dataclass(frozen=True)
class RecordHelloWorkActivity(Command[uuid.UUID]):
    """One step of Hello Work's support (a 採用 becomes a proposed placement); it restarts
    the agenda's clock of Hello Work's silence."""

    episode_id: uuid.UUID
    data: HelloWorkActivityInput

    def run(self, services: Services, actor: Actor | None) -> uuid.UUID:
        return services.hello_work.record_activity(_signed_in(actor), self.episode_id,
                                                   self.data)

    def changes(self, result: uuid.UUID) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class RemoveHelloWorkActivity(Command[None]):
    """A mistaken activity withdrawn (not one already recorded as a placement)."""

    episode_id: uuid.UUID
    activity_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> None:
        services.hello_work.remove_activity(_signed_in(actor), self.activity_id)

    def changes(self, result: None) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class DismissHire(Command[None]):
    """A 採用 Hello Work reported, set aside: it will not be recorded as a placement."""

    episode_id: uuid.UUID
    activity_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> None:
        services.hello_work.dismiss_proposal(_signed_in(actor), self.activity_id)

    def changes(self, result: None) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class ExportExchangeSheet(Command["ExchangeSheet"]):
    """The 支援状況連絡票 of one Hello Work office into ``path`` (audited as an export)."""

    office_id: uuid.UUID
    path: Path

    def run(self, services: Services, actor: Actor | None) -> ExchangeSheet:
        sheet = services.hello_work.exchange_sheet(_signed_in(actor), self.office_id)
        _write_file(self.path, sheet.data)
        return sheet


@dataclass(frozen=True)
class ImportExchangeSheet(Command["ExchangeResult"]):
    """A filled 支援状況連絡票 brought back: its good rows' activities (and 求職番号 /
    ナビゲーター) in one transaction; ``office_id`` when the sheet's is not the one."""

    path: Path
    office_id: uuid.UUID | None = None

    def run(self, services: Services, actor: Actor | None) -> ExchangeResult:
        return services.hello_work.import_exchange(_signed_in(actor), self.path,
                                                   self.office_id)

    def changes(self, result: ExchangeResult) -> Changes:
        # Any episode of the office's referrals, and the agenda's proposals and silences.
        return Changes(records=True, agenda=True) if result.added or result.updated \
            else NOTHING


# ---------------------------------------------------------------- imports and kits


@dataclass(frozen=True)
class ImportLedger(Command["LedgerImport"]):
    """台帳の取込: ``office_id`` for rows that name no Hello Work office; ``create_offices``
    registers the offices the file names that are not registered (the preview's
    confirmation)."""

    path: Path
    office_id: uuid.UUID | None = None
    create_offices: bool = False

    def run(self, services: Services, actor: Actor | None) -> LedgerImport:
        return services.ledger.import_file(_signed_in(actor), self.path,
                                           office_id=self.office_id,
                                           create_offices=self.create_offices)

    def changes(self, result: LedgerImport) -> Changes:
        return EVERYTHING if result.episodes else NOTHING


@dataclass(frozen=True)
class ExportKit(Command[dict[str, Any]]):
    """An outreach kit (office) or the return kit (laptop), sealed with ``passphrase``."""

    path: Path
    passphrase: str = field(repr=False)
    caseworker: str | None = None

    def run(self, services: Services, actor: Actor | None) -> dict[str, Any]:
        return services.outreach.export_kit(_signed_in(actor), self.path, self.passphrase,
                                            self.caseworker)


@dataclass(frozen=True)
class ApplyKit(Command["KitImport"]):
    """A return kit brought back, with a resolution for every conflict."""

    path: Path
    passphrase: str = field(repr=False)
    resolutions: dict[str, Any] = field(default_factory=dict, compare=False)

    def run(self, services: Services, actor: Actor | None) -> KitImport:
        return services.outreach.apply_import(_signed_in(actor), self.path, self.passphrase,
                                              self.resolutions)

    def changes(self, result: KitImport) -> Changes:
        return NOTHING if result.already_imported else EVERYTHING


# ---------------------------------------------------------------- office


@dataclass(frozen=True)
class SetTargets(Command[None]):
    """The year's targets of 運営協議会, all saved or none."""

    fiscal_year: int
    values: dict[str, float] = field(compare=False)

    def run(self, services: Services, actor: Actor | None) -> None:
        services.settings.set_targets(_signed_in(actor), self.fiscal_year, self.values)

    def changes(self, result: None) -> Changes:
        return Changes(settings=True)


@dataclass(frozen=True)
class RunAutoBackup(Command["AutoBackup"]):
    """The scheduled encrypted backup (when the newest is older than the interval)."""

    def run(self, services: Services, actor: Actor | None) -> AutoBackup:
        return services.maintenance.auto_backup(_signed_in(actor))


@dataclass(frozen=True)
class SetSetting(Command[None]):
    key: str
    value: Any

    def run(self, services: Services, actor: Actor | None) -> None:
        services.settings.set(_signed_in(actor), self.key, self.value)

    def changes(self, result: None) -> Changes:
        return Changes(settings=True)


# ---------------------------------------------------------------- 管理: organisations, offices, staff

STAFF_CHANGED = Changes(staff=True)


@dataclass(frozen=True)
class SaveOrganisation(Command["OrganisationRecord"]):
    """A new organisation (``organisation_id`` None), or one corrected as of ``version``."""

    data: OrganisationInput
    organisation_id: uuid.UUID | None = None
    version: int = 0

    def run(self, services: Services, actor: Actor | None) -> OrganisationRecord:
        if self.organisation_id is None:
            return services.organisations.add(_signed_in(actor), self.data)
        return services.organisations.update(_signed_in(actor), self.organisation_id,
                                             self.version, self.data)

    def changes(self, result: OrganisationRecord) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class SaveOffice(Command["OfficeRecord"]):
    """A Hello Work office registered (``office_id`` None), or corrected as of ``version``."""

    data: OfficeInput
    office_id: uuid.UUID | None = None
    version: int = 0

    def run(self, services: Services, actor: Actor | None) -> OfficeRecord:
        if self.office_id is None:
            return services.offices.register_office(_signed_in(actor), self.data)
        return services.offices.update_office(_signed_in(actor), self.office_id, self.version,
                                              self.data)

    def changes(self, result: OfficeRecord) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class SetOfficeActive(Command["OfficeRecord"]):
    office_id: uuid.UUID
    active: bool

    def run(self, services: Services, actor: Actor | None) -> OfficeRecord:
        return services.offices.set_active(_signed_in(actor), self.office_id, self.active)

    def changes(self, result: OfficeRecord) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class AddStaff(Command["UserSummary"]):
    """A staff member with an initial password (changed at their first sign-in)."""

    username: str
    display_name: str
    role: str
    password: str = field(repr=False)
    organisation_id: uuid.UUID | None = None
    phone_extension: str = ""

    def run(self, services: Services, actor: Actor | None) -> UserSummary:
        return services.auth.add_user(_signed_in(actor), self.username, self.display_name,
                                      self.role, self.password, self.organisation_id,
                                      self.phone_extension)

    def changes(self, result: UserSummary) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class UpdateStaff(Command["UserSummary"]):
    username: str
    edit: StaffChanges

    def run(self, services: Services, actor: Actor | None) -> UserSummary:
        return services.auth.update_user(_signed_in(actor), self.username, self.edit)

    def changes(self, result: UserSummary) -> Changes:
        return Changes(staff=True, caseload=True)  # the lists show staff names


@dataclass(frozen=True)
class SetStaffActive(Command[None]):
    username: str
    active: bool

    def run(self, services: Services, actor: Actor | None) -> None:
        if self.active:
            services.auth.enable_user(_signed_in(actor), self.username)
        else:
            services.auth.disable_user(_signed_in(actor), self.username)

    def changes(self, result: None) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class ResetPassword(Command[None]):
    """A temporary password, to be changed at the next sign-in."""

    username: str
    password: str = field(repr=False)

    def run(self, services: Services, actor: Actor | None) -> None:
        services.auth.reset_password(_signed_in(actor), self.username, self.password)

    def changes(self, result: None) -> Changes:
        return STAFF_CHANGED


@dataclass(frozen=True)
class AssignCaseworker(Command["AssignmentRecord"]):
    """担当変更 from today."""

    person_id: uuid.UUID
    caseworker_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> AssignmentRecord:
        return services.persons.assign_caseworker(_signed_in(actor), self.person_id,
                                                  self.caseworker_id)

    def changes(self, result: AssignmentRecord) -> Changes:
        return Changes(persons=frozenset({self.person_id}), caseload=True, agenda=True)


@dataclass(frozen=True)
class MoveCaseload(Command["CaseloadMove"]):
    """担当の一括変更 (人事異動): every case of one caseworker to another."""

    from_id: uuid.UUID
    to_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> CaseloadMove:
        return services.persons.move_caseload(_signed_in(actor), self.from_id, self.to_id)

    def changes(self, result: CaseloadMove) -> Changes:
        return Changes(caseload=True, agenda=True, records=True)


# ---------------------------------------------------------------- readiness, routes, costs,
# employers and meetings (issue 22)


@dataclass(frozen=True)
class AssessReadiness(Command["AssessmentRecord"]):
    """A new revision of the episode's 就労準備度 (earlier ones stay as made)."""

    episode_id: uuid.UUID
    data: AssessmentInput

    def run(self, services: Services, actor: Actor | None) -> AssessmentRecord:
        return services.routes.assess_readiness(_signed_in(actor), self.episode_id, self.data)

    def changes(self, result: AssessmentRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class ChangeRoute(Command["EpisodeSummary"]):
    """経路の変更 (a waiting referral is withdrawn when the Hello Work route is left)."""

    episode_id: uuid.UUID
    to: str
    on: date
    note: str = ""

    def run(self, services: Services, actor: Actor | None) -> EpisodeSummary:
        return services.workflow.change_route(_signed_in(actor), self.episode_id, self.to,
                                              self.on, self.note)

    def changes(self, result: EpisodeSummary) -> Changes:
        return _episode(self.episode_id)


@dataclass(frozen=True)
class StartActivity(Command["ActivityRecord"]):
    """就労準備支援事業, 職場体験 or 職業訓練 begins."""

    episode_id: uuid.UUID
    data: ActivityInput

    def run(self, services: Services, actor: Actor | None) -> ActivityRecord:
        return services.routes.start_activity(_signed_in(actor), self.episode_id, self.data)

    def changes(self, result: ActivityRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class RecordActivityProgress(Command["ActivityRecord"]):
    """出席・経過 of an activity still going on."""

    episode_id: uuid.UUID
    activity_id: uuid.UUID
    days_attended: int
    evaluation: str | None = None

    def run(self, services: Services, actor: Actor | None) -> ActivityRecord:
        return services.routes.record_progress(_signed_in(actor), self.activity_id,
                                               self.days_attended, self.evaluation)

    def changes(self, result: ActivityRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class EndActivity(Command["ActivityRecord"]):
    episode_id: uuid.UUID
    activity_id: uuid.UUID
    end_on: date
    outcome: str
    days_attended: int | None = None
    evaluation: str = ""

    def run(self, services: Services, actor: Actor | None) -> ActivityRecord:
        return services.routes.end_activity(_signed_in(actor), self.activity_id, self.end_on,
                                            self.outcome, self.days_attended, self.evaluation)

    def changes(self, result: ActivityRecord) -> Changes:
        return _episode(self.episode_id, lists=False)


@dataclass(frozen=True)
class RecordCost(Command["CostRecord"]):
    """A payment to the person during their open episode."""

    person_id: uuid.UUID
    episode_id: uuid.UUID
    data: CostInput

    def run(self, services: Services, actor: Actor | None) -> CostRecord:
        return services.costs.record_cost(_signed_in(actor), self.episode_id, self.data)

    def changes(self, result: CostRecord) -> Changes:
        return Changes(persons=frozenset({self.person_id}),
                       episodes=frozenset({self.episode_id}))


@dataclass(frozen=True)
class VoidCost(Command[None]):
    """A payment recorded by mistake, taken out of the lists and totals."""

    person_id: uuid.UUID
    episode_id: uuid.UUID
    cost_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> None:
        services.costs.void_cost(_signed_in(actor), self.cost_id)

    def changes(self, result: None) -> Changes:
        return Changes(persons=frozenset({self.person_id}),
                       episodes=frozenset({self.episode_id}))


@dataclass(frozen=True)
class PrintReceipts(Command["PrintedDocument"]):
    """受領書 of one person (``person_id``) or 支給一覧 of every person the actor reads:
    audited like every print."""

    period: Period
    person_id: uuid.UUID | None = None

    def run(self, services: Services, actor: Actor | None) -> PrintedDocument:
        return services.costs.receipt_list(_signed_in(actor), self.period, self.person_id)


@dataclass(frozen=True)
class SaveEmployer(Command["EmployerRecord"]):
    """A new 協力事業所 (``employer_id`` None), or one corrected as of ``version``."""

    data: EmployerInput
    employer_id: uuid.UUID | None = None
    version: int = 0

    def run(self, services: Services, actor: Actor | None) -> EmployerRecord:
        if self.employer_id is None:
            return services.employers.register(_signed_in(actor), self.data)
        return services.employers.update(_signed_in(actor), self.employer_id, self.version,
                                         self.data)


@dataclass(frozen=True)
class SetEmployerActive(Command["EmployerRecord"]):
    employer_id: uuid.UUID
    active: bool

    def run(self, services: Services, actor: Actor | None) -> EmployerRecord:
        return services.employers.set_active(_signed_in(actor), self.employer_id, self.active)


@dataclass(frozen=True)
class SaveMeeting(Command["MeetingRecord"]):
    """A meeting (``meeting_id`` None) or its correction as of ``version``; each case it
    decided on gets the decision in its ケース記録."""

    data: MeetingInput
    meeting_id: uuid.UUID | None = None
    version: int = 0

    def run(self, services: Services, actor: Actor | None) -> MeetingRecord:
        if self.meeting_id is None:
            return services.meetings.record_meeting(_signed_in(actor), self.data)
        return services.meetings.update_meeting(_signed_in(actor), self.meeting_id,
                                                self.version, self.data)

    def changes(self, result: MeetingRecord) -> Changes:
        # A correction may drop a case it listed before: every record screen reloads.
        return Changes(persons=frozenset(c.person_id for c in self.data.cases), agenda=True,
                       records=self.meeting_id is not None)


@dataclass(frozen=True)
class PrintMinutes(Command["PrintedDocument"]):
    meeting_id: uuid.UUID

    def run(self, services: Services, actor: Actor | None) -> PrintedDocument:
        return services.meetings.print_minutes(_signed_in(actor), self.meeting_id)


@dataclass(frozen=True)
class SetLists(Command[None]):
    """The readiness items and the funding sources (each list changed is saved)."""

    values: dict[str, list[str]] = field(compare=False)

    def run(self, services: Services, actor: Actor | None) -> None:
        for key, value in self.values.items():
            services.settings.set(_signed_in(actor), key, value)

    def changes(self, result: None) -> Changes:
        return Changes(settings=True)

