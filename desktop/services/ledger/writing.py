"""Writing an import: the good rows in bulk in the caller's transaction (persons with their
担当, episodes built by the domain builder, consents, referrals numbered from the highest in
use, placements and retention checkpoints), and the report of rejected rows."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cells import neutralise
from desktop.files import write_whole
from desktop.i18n import translator
from desktop.japanese.wareki import add_months
from desktop.models import (
    CaseAssignment,
    Consent,
    Person,
    Placement,
    Referral,
    RetentionCheckpoint,
    RouteChange,
)
from desktop.services.builder import Stamps, add_episode, support_end
from desktop.services.bulk import Batch
from desktop.services.consent import WORDING_VERSION, WORDINGS, wording_hash
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import DomainError
from desktop.services.ledger.parsing import (
    ImportContext,
    OfficeRef,
    ParsedRow,
    RowError,
    episode_history,
    placements_of,
)
from desktop.services.organisations import name_key
from desktop.services.persons import INPUT_FIELDS, actor_organisation, search_keys

_t = translator("Ledger")


IMPORT_MEETING = "台帳取込"


@dataclass(frozen=True)
class ImportResult:
    imported: int
    rejected: int
    skipped: int
    persons: int
    episodes: int
    report: Path | None
    errors: list[RowError]

    def summary(self) -> dict[str, Any]:
        """The JSON summary of docs/CLI.md (plus what was skipped)."""
        return {"imported": self.imported, "rejected": self.rejected, "skipped": self.skipped,
                "persons": self.persons, "episodes": self.episodes,
                "report": str(self.report) if self.report else None}


def write_rejected_report(path: Path, errors: list[RowError]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["行", "列", "理由"])
    for e in sorted(errors, key=lambda e: e.row):
        writer.writerow([e.row, neutralise(e.column), neutralise(e.reason)])
    try:
        write_whole(path, out.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        raise DomainError(_t("取り込めなかった行の一覧を {path} に書き込めません（{reason}）。取り込んだ行は保存されています").format(
            path=path, reason=exc.strerror or exc)) from None


class Writer:
    """Rows for one import, inserted in bulk in the caller's transaction: each episode built
    from its checked history (builder.add_episode); referrals unnumbered (the ledger keeps no
    document number), consents with their scope unconfirmed."""

    def __init__(self, s: Session, ctx: ServiceContext, actor: Actor,
                 office: OfficeRef | None, settings: ImportContext) -> None:
        self.s, self.ctx, self.actor, self.office, self.settings = s, ctx, actor, office, settings
        self.batch = Batch(s)
        self.now = ctx.now()
        self.stamps = Stamps(self.now, ctx.device_id)
        self.organisation = actor_organisation(s, actor)
        self.persons: dict[str, tuple[uuid.UUID, uuid.UUID | None]] = {
            number: (pid, org) for number, pid, org in s.execute(
                select(Person.case_number, Person.id, Person.organisation_id))}
        self.search_no = (s.scalar(select(func.max(Person.search_no))) or 0)
        self.new_persons = 0

    def stamp(self) -> dict[str, Any]:
        return self.stamps(self.actor.user_id)

    def person(self, row: ParsedRow, episode_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
        """The person's id and organisation: a new person belongs to their 担当者's
        organisation (none: the importer's), and their assignment is the first line of their
        担当の履歴."""
        number = row.person.case_number
        if number in self.persons:
            pid, org = self.persons[number]
            return pid, org or self.organisation
        self.search_no += 1
        values = {n: getattr(row.person, n) for n in INPUT_FIELDS}
        org = (self.settings.staff_organisation.get(row.caseworker_id, self.organisation)
               if row.caseworker_id else self.organisation)
        record = {**self.stamp(), **values, **search_keys(row.person),
                  "caseworker_id": row.caseworker_id, "organisation_id": org,
                  "search_no": self.search_no}
        self.batch.add(Person, record)
        if row.caseworker_id is not None:
            self.batch.add(CaseAssignment, {
                **self.stamp(), "person_id": record["id"], "episode_id": episode_id,
                "caseworker_id": row.caseworker_id, "previous_caseworker_id": None,
                "organisation_id": org, "effective_on": row.intake_on, "reason": "import"})
        self.persons[number] = (record["id"], org)
        self.new_persons += 1
        return record["id"], org

    def office_of(self, row: ParsedRow) -> OfficeRef | None:
        if row.office:
            return self.settings.offices[name_key(row.office)]
        return self.office

    def episode(self, rows: list[ParsedRow]) -> None:
        head = rows[0]
        eid = uuid.uuid4()
        pid, organisation = self.person(head, eid)
        office = self.office_of(head) if head.referred_on is not None else None
        # A row with a 支援要請日 always has an office by now (import_file refuses otherwise).
        assert head.referred_on is None or office is not None
        history = episode_history(rows, self.settings.today)
        values: dict[str, Any] = {"note": head.note, "organisation_id": organisation}
        if head.consent_on is not None:
            # The ledger is the Hello Work programme's: its cases are on that route.
            values.update(screening_decision="approved", screening_decided_on=head.consent_on,
                          screening_meeting=IMPORT_MEETING, screening_route="hello_work",
                          route="hello_work")
            self.batch.add(RouteChange, {
                **self.stamp(), "episode_id": eid, "from_route": None,
                "to_route": "hello_work", "effective_on": head.consent_on,
                "actor_id": self.actor.user_id, "note": ""})
            self.consents(eid, head.consent_on, office)
        referral: dict[str, Any] | None = None
        if head.referred_on is not None and office is not None:
            # Sent on paper under a number the ledger does not keep: printing it again
            # issues a new 支援要請書 with the next number of the organisation's register.
            referral = {**self.stamp(), "episode_id": eid, "number": None,
                        "referred_on": head.referred_on, "office_id": office.id,
                        "sent_by": self.actor.user_id, "status": "sent",
                        "status_on": head.referred_on, "return_reason": "",
                        "last_news_on": None,
                        # Sent on paper before the ledger came in: not waiting to be printed.
                        "printed_at": self.now}
            self.batch.add(Referral, referral)
            # The ledger's row says under which 区分 and 担当者 this episode was referred.
            values.update(category_at_referral=head.person.category,
                          caseworker_at_referral=head.caseworker_id,
                          organisation_at_referral=organisation)
            if head.support_start_on is not None:
                referral.update(status="accepted", status_on=head.support_start_on)
                values.update(support_start_on=head.support_start_on,
                              planned_end_on=support_end(head.support_start_on,
                                                         self.settings.support_months))
        for row, end_on in placements_of(rows):
            self.placement(eid, row, end_on)
        if head.closed_on is not None and referral is not None and referral["status"] == "sent":
            referral.update(status="withdrawn", status_on=head.closed_on)
        if referral is not None and history.state == "active" and referral["status"] == "accepted":
            referral["last_news_on"] = history.since  # in support since: Hello Work's clock starts
        add_episode(self.batch, self.stamps, eid, pid, history, self.actor.user_id, **values)

    def consents(self, eid: uuid.UUID, on: date, recipient: OfficeRef | None) -> None:
        """The ledger says a consent was signed, not what it covers: the 情報提供同意 is
        recorded with its scope unconfirmed, and nothing is shared under it until someone
        reads the scope off the signed paper (ConsentService.confirm_scope)."""
        office = [recipient.name] if recipient is not None else []
        for kind in ("participation", "information_sharing"):
            text = WORDINGS[kind]
            sharing = kind == "information_sharing"
            self.batch.add(Consent, {
                **self.stamp(), "episode_id": eid, "kind": kind,
                "recipients": office if sharing else [],
                "scope": [], "scope_confirmed": not sharing, "signed_on": on,
                "valid_until": None, "withdrawn_on": None, "withdrawal_note": "",
                "wording_version": WORDING_VERSION, "wording_text": text,
                "wording_hash": wording_hash(text), "scan": None, "scan_mime": None})

    def placement(self, eid: uuid.UUID, row: ParsedRow, end_on: date | None) -> None:
        assert row.placed_on is not None and row.term is not None
        record = {**self.stamp(), "episode_id": eid, "start_on": row.placed_on,
                  "employer": row.employer, "employer_address": "", "job_title": row.job_title,
                  "employment_type": row.employment_type, "term_category": row.term,
                  "weekly_hours": None, "wage_amount": None, "wage_unit": "monthly",
                  "employment_insurance": False, "route": "hello_work", "end_on": end_on,
                  "end_reason": "台帳取込: 次の就職の前に離職" if end_on else ""}
        self.batch.add(Placement, record)
        for months in sorted(set(self.settings.checkpoint_months) | set(row.results)):
            result, done = row.results.get(months, (None, None))
            self.batch.add(RetentionCheckpoint, {
                **self.stamp(), "placement_id": record["id"], "episode_id": eid,
                "months": months, "due_on": add_months(row.placed_on, months),
                "done_on": done, "result": result, "note": ""})
