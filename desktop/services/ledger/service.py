"""LedgerService: the use cases (preview, import, export) with their permission checks and
transactions; the work is in reading, parsing, writing and export."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import listing, translator
from desktop.models import Episode, HelloWorkOffice, Person, User
from desktop.models.db import refresh_statistics
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.ledger.export import FORMATS, ledger_file, ledger_rows
from desktop.services.ledger.parsing import (
    ImportContext,
    LedgerPreview,
    OfficeRef,
    ParsedRow,
    PreviewRow,
    parse_ledger,
    staff_key,
)
from desktop.services.ledger.reading import read_file
from desktop.services.ledger.template import HEADER
from desktop.services.ledger.writing import ImportResult, Writer, write_rejected_report
from desktop.services.offices import OfficeInput, insert_office
from desktop.services.organisations import name_key
from desktop.services.permissions import require
from desktop.services.persons import ASSIGNABLE_ROLES, INPUT_FIELDS, PersonInput
from desktop.services.settings import read_setting

_t = translator("Ledger")


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class LedgerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading

    def _context(self, s: Session, actor: Actor) -> ImportContext:
        staff: dict[str, uuid.UUID | None] = {}
        organisations: dict[uuid.UUID, uuid.UUID] = {}
        stmt = select(User.id, User.username, User.display_name, User.organisation_id).where(
            User.active.is_(True), User.deleted_at.is_(None),
            User.role.in_(ASSIGNABLE_ROLES))
        if actor.role != "admin":  # a supervisor assigns within their organisation
            stmt = stmt.where(User.organisation_id == actor.organisation_id)
        for uid, username, display, organisation in s.execute(stmt):
            name = staff_key(display)
            staff[name] = None if name in staff else uid  # None: two staff share the name
            staff[staff_key(f"{display}（{username}）")] = uid
            staff[username] = uid
            organisations[uid] = organisation
        offices: dict[str, OfficeRef] = {}
        for office_id, name, official in s.execute(
                select(HelloWorkOffice.id, HelloWorkOffice.name, HelloWorkOffice.official_name)
                .where(HelloWorkOffice.deleted_at.is_(None))
                .order_by(HelloWorkOffice.active.desc(), HelloWorkOffice.name)):
            for key in (name_key(name), name_key(official)):
                if key:
                    offices.setdefault(key, OfficeRef(office_id, name))
        return ImportContext(self.ctx.today(), staff, list(read_setting(s, "closure_reasons")),
                        list(read_setting(s, "checkpoint_months")),
                        int(read_setting(s, "support_period_months")), organisations, offices)

    def _analyse(self, s: Session, actor: Actor, data: bytes, filename: str
                 ) -> tuple[LedgerPreview, list[list[ParsedRow]]]:
        """Parse, validate and classify every row; nothing is written."""
        context = self._context(s, actor)
        preview, episodes, rows_by_number = parse_ledger(data, filename, context)
        episodes = self._against_database(s, actor, episodes, rows_by_number, preview.reject)
        self._offices_needed(preview, episodes, context)
        return preview, episodes

    @staticmethod
    def _offices_needed(preview: LedgerPreview, episodes: list[list[ParsedRow]],
                        context: ImportContext) -> None:
        """The offices the 支援要請先 column names that are not registered, and whether rows
        with a 支援要請日 but no 支援要請先 need the default office."""
        unknown: dict[str, str] = {}
        for rows in episodes:
            head = rows[0]
            if head.office and name_key(head.office) not in context.offices:
                unknown.setdefault(name_key(head.office), head.office)
            if head.referred_on is not None and not head.office:
                preview.needs_default_office = True
        preview.unknown_offices = sorted(unknown.values())

    def _against_database(self, s: Session, actor: Actor, episodes: list[list[ParsedRow]],
                          rows_by_number: dict[int, PreviewRow],
                          reject: Callable[[PreviewRow, str, str], None]
                          ) -> list[list[ParsedRow]]:
        numbers = sorted({rows[0].person.case_number for rows in episodes})
        existing: dict[str, tuple[uuid.UUID, PersonInput]] = {}
        # Case numbers held by a person of another organisation (a supervisor imports into
        # their own): refused whatever the row says, so that nothing is added to that
        # person and the answer never confirms a guessed name or birth date.
        foreign: set[str] = set()
        open_episode: dict[uuid.UUID, date] = {}
        intakes: set[tuple[uuid.UUID, date]] = set()
        for chunk in _chunks(numbers, 500):
            for person in s.scalars(select(Person).where(Person.case_number.in_(chunk),
                                                         Person.deleted_at.is_(None))):
                if actor.role != "admin" and person.organisation_id != actor.organisation_id:
                    foreign.add(person.case_number)
                    continue
                existing[person.case_number] = (person.id, PersonInput(
                    **{n: getattr(person, n) for n in INPUT_FIELDS}))
        ids = [pid for pid, _ in existing.values()]
        for chunk in _chunks(ids, 500):
            for pid, intake, state in s.execute(
                    select(Episode.person_id, Episode.intake_on, Episode.state).where(
                        Episode.person_id.in_(chunk), Episode.deleted_at.is_(None))):
                intakes.add((pid, intake))
                if state != "closed":
                    open_episode[pid] = intake

        by_person: dict[str, list[list[ParsedRow]]] = defaultdict(list)
        for rows in episodes:
            by_person[rows[0].person.case_number].append(rows)
        accepted: list[list[ParsedRow]] = []

        def reject_all(rows: list[ParsedRow], column: str, reason: str) -> None:
            for r in rows:
                reject(rows_by_number[r.row], column, reason)

        for number, person_episodes in by_person.items():
            if number in foreign:
                for rows in person_episodes:
                    reject_all(rows, HEADER["case_number"], _t(
                        "ケース番号「{number}」はほかの組織の対象者に使われているため、取り込めません"
                        "（その組織で取り込むか、管理者に依頼してください）").format(number=number))
                continue
            person_episodes.sort(key=lambda rows: rows[0].intake_on)
            first = person_episodes[0][0].person
            found = existing.get(number)
            if found is not None:
                pid, known = found
                if (known.family_name, known.given_name, known.birth_date) != (
                        first.family_name, first.given_name, first.birth_date):
                    for rows in person_episodes:
                        reject_all(rows, HEADER["case_number"],
                                   _t("ケース番号「{number}」は氏名または生年月日が異なる対象者として"
                                      "登録済みです").format(number=number))
                    continue
            fresh = []
            for rows in person_episodes:
                if rows[0].person != first:
                    reject_all(rows, HEADER["name"],
                               _t("同じケース番号の別の行と氏名・生年月日などが一致しません"))
                elif found is not None and (found[0], rows[0].intake_on) in intakes:
                    for r in rows:
                        rows_by_number[r.row].status = "exists"
                else:
                    fresh.append(rows)
            # At most one open episode per person, and it must be the latest one.
            open_on = open_episode.get(found[0]) if found else None
            for rows in fresh:
                head = rows[0]
                if open_on is not None and head.intake_on >= open_on:
                    reject_all(rows, HEADER["intake_on"],
                               _t("この対象者には終了していない支援エピソードが既にあります"))
                    continue
                later = [r for r in fresh if r[0].intake_on > head.intake_on]
                if head.closed_on is None and later:
                    reject_all(rows, HEADER["closed_on"], _t("後の受付がある支援エピソードは終了日が必要です"))
                    continue
                if open_on is not None and head.closed_on is None:
                    reject_all(rows, HEADER["closed_on"],
                               _t("この対象者には終了していない支援エピソードが既にあります"))
                    continue
                accepted.append(rows)
        return accepted

    def preview(self, actor: Actor, path: Path) -> LedgerPreview:
        """What importing ``path`` would do, row by row; nothing is written."""
        require(actor, "import_ledger")
        data = read_file(path)
        with self.ctx.db.read() as s:
            return self._analyse(s, actor, data, path.name)[0]

    # ---------------------------------------------------------------- writing

    def import_file(self, actor: Actor, path: Path, report_path: Path | None = None,
                    office_id: uuid.UUID | None = None,
                    create_offices: bool = False) -> ImportResult:
        """Import every good row in one transaction. A row's Hello Work office is its
        支援要請先; without one, ``office_id`` or the only registered office. Offices the file
        names that are not registered are created with ``create_offices`` (the preview's
        confirmation); otherwise, or when rows with a 支援要請日 have no office to go to,
        nothing is imported and the message says why."""
        require(actor, "import_ledger")
        data = read_file(path)
        with self.ctx.db.read() as s:
            context = self._context(s, actor)
        # Parsed before the write transaction: the write lock is held only to check the rows
        # against the database and insert them.
        parsed = parse_ledger(data, path.name, context)
        with self.ctx.db.write() as s:
            if self._context(s, actor) != context:  # staff or settings changed meanwhile
                context = self._context(s, actor)
                parsed = parse_ledger(data, path.name, context)
            preview, episodes, rows_by_number = parsed
            episodes = self._against_database(s, actor, episodes, rows_by_number,
                                              preview.reject)
            self._offices_needed(preview, episodes, context)
            if preview.unknown_offices and not create_offices:
                raise DomainError(_t(
                    "台帳の{column}に、登録されていないハローワークがあります: {names}。"
                    "登録してから取り込むか、取り込むときに登録してください"
                    "（コマンドでは --create-offices）。何も取り込んでいません").format(
                        column=HEADER["office"], names=listing(preview.unknown_offices)))
            default = self._default_office(s, office_id) if preview.needs_default_office else None
            if preview.needs_default_office and default is None:
                registered = s.scalar(select(func.count(HelloWorkOffice.id)).where(
                    HelloWorkOffice.active.is_(True), HelloWorkOffice.deleted_at.is_(None)))
                raise DomainError((_t(
                    "{date}のある行がありますが、支援要請先のハローワークが登録されていません。"
                    "ハローワークを登録するか、台帳に{column}の列を加えてください。何も取り込んでいません")
                    if not registered and not preview.unknown_offices else _t(
                    "{date}のある行に{column}が書かれていません。既定の支援要請先のハローワークを"
                    "指定してください（コマンドでは --office）。何も取り込んでいません")).format(
                        date=HEADER["referred_on"], column=HEADER["office"]))
            for name in preview.unknown_offices:
                office = insert_office(s, self.ctx, actor, OfficeInput(name), source="ledger")
                context.offices[name_key(name)] = OfficeRef(office.id, office.name)
            writer = Writer(s, self.ctx, actor, default, context)
            for rows in episodes:
                writer.episode(rows)
            writer.batch.flush()
            imported = sum(len(rows) for rows in episodes)
            result = ImportResult(imported, preview.count("rejected"), preview.count("exists"),
                                  writer.new_persons, len(episodes), None, preview.errors)
            audit.append(s, self.ctx, actor, "import", "ledger", path.name,
                         sha256=hashlib.sha256(data).hexdigest(), imported=imported,
                         rejected=result.rejected, skipped=result.skipped,
                         offices_created=len(preview.unknown_offices))
        if result.episodes:
            refresh_statistics(self.ctx.db.engine)  # never waits: skipped when busy
        if result.errors:
            target = report_path or path.with_name(f"{path.stem}.rejected.csv")
            write_rejected_report(target, result.errors)
            result = ImportResult(result.imported, result.rejected, result.skipped,
                                  result.persons, result.episodes, target, result.errors)
        return result

    def _default_office(self, s: Session, office_id: uuid.UUID | None) -> OfficeRef | None:
        """The office given, else the only active one (None when there are none or several)."""
        if office_id is not None:
            office = s.get(HelloWorkOffice, office_id)
            if office is None or office.deleted_at is not None or not office.active:
                raise InvalidInput("office", _t("指定したハローワークが見つかりません（無効になっていないか確認してください）"))
            return OfficeRef(office.id, office.name)
        active = s.execute(select(HelloWorkOffice.id, HelloWorkOffice.name).where(
            HelloWorkOffice.deleted_at.is_(None), HelloWorkOffice.active.is_(True)).limit(2)).all()
        return OfficeRef(*active[0]) if len(active) == 1 else None

    # ---------------------------------------------------------------- export

    def export_rows(self, actor: Actor) -> list[list[str]]:
        """The caseload the actor may read, one row per episode (per placement), in the
        ledger's column order, as text (dates in 和暦)."""
        with self.ctx.db.read() as s:
            rows = list(ledger_rows(s, actor))
        # Read without the write lock; the export is audited before its rows are handed out.
        with self.ctx.db.write() as s:
            audit.append(s, self.ctx, actor, "export", "ledger", "", rows=len(rows))
        return rows

    def export(self, actor: Actor, fmt: str) -> tuple[bytes, int]:
        """The caseload the actor may read as a ledger file (xlsx, csv or json), and its
        number of rows; audited as an export."""
        if fmt not in FORMATS:
            raise InvalidInput("format", _t("形式は xlsx・csv・json のいずれかです"))
        rows = self.export_rows(actor)
        return ledger_file(rows, fmt), len(rows)
