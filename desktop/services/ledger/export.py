"""The caseload in the ledger's layout: one row per episode (per placement), as text, dates in
和暦, read as column tuples (ORM objects made a 120,000-episode export take 40 s), and the
file in xlsx, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop.cells import neutralise
from desktop.i18n import translator
from desktop.japanese.wareki import format_wareki
from desktop.models import (
    Consent,
    Episode,
    HelloWorkOffice,
    Person,
    Placement,
    Referral,
    RetentionCheckpoint,
    User,
)
from desktop.services.context import Actor
from desktop.services.labels import CATEGORIES, CHECKPOINT_RESULTS, SEXES, TERM_CATEGORIES
from desktop.services.ledger.parsing import staff_key
from desktop.services.ledger.template import COLUMNS, ledger_xlsx
from desktop.services.permissions import visible_persons

_t = translator("Ledger")


def as_text(column: Any) -> Any:
    """An id column read as its stored text: building a UUID per row dominated exports."""
    return type_coerce(column, String)


def ledger_rows(s: Session, actor: Actor) -> Iterable[list[str]]:
    """Column tuples with ids left as text, not ORM objects: an export of 120,000 episodes
    loaded as objects took 40 s."""
    w = lru_cache(maxsize=65536)(lambda d: format_wareki(d) if d else "")
    users = list(s.execute(select(as_text(User.id), User.username, User.display_name)))
    shared = {d for d in (staff_key(u[2]) for u in users)
              if sum(1 for u in users if staff_key(u[2]) == d) > 1}
    # A display name two staff share is written with the username, so import finds the one.
    staff = {uid: f"{display}（{username}）" if staff_key(display) in shared else display
             for uid, username, display in users}
    person_cols = (as_text(Person.id), Person.case_number, Person.family_name, Person.given_name,
                   Person.family_kana, Person.given_kana, Person.birth_date, Person.sex,
                   Person.postal_code, Person.address, Person.phone_home, Person.phone_mobile,
                   Person.category, as_text(Person.caseworker_id))
    persons = {row[0]: row for row in s.execute(select(*person_cols).where(
        Person.deleted_at.is_(None), visible_persons(actor)))}
    episodes = [row for row in s.execute(
        select(as_text(Episode.id), as_text(Episode.person_id), Episode.intake_on, Episode.support_start_on,
               Episode.closed_on, Episode.closure_reason, Episode.note)
        .where(Episode.deleted_at.is_(None))) if row[1] in persons]
    wanted = {row[0] for row in episodes}

    def by_episode(*cols: Any, order: Any) -> dict[str, list[Any]]:
        table = cols[0].class_
        out: dict[str, list[Any]] = defaultdict(list)
        for row in s.execute(select(as_text(cols[0]), *cols[1:]).where(table.deleted_at.is_(None))
                             .order_by(order)):
            if row[0] in wanted:
                out[row[0]].append(row)
        return out

    signed = {eid: day for eid, day in s.execute(
        select(as_text(Consent.episode_id), func.max(Consent.signed_on))
        .where(Consent.deleted_at.is_(None)).group_by(Consent.episode_id))}
    referrals = by_episode(Referral.episode_id, Referral.referred_on, Referral.status,
                           as_text(Referral.office_id), order=Referral.referred_on)
    office_names: dict[str, str] = {
        oid: name for oid, name in s.execute(select(as_text(HelloWorkOffice.id),
                                                    HelloWorkOffice.name))}
    placements = by_episode(Placement.episode_id, as_text(Placement.id), Placement.start_on,
                            Placement.employer, Placement.job_title, Placement.employment_type,
                            Placement.term_category, order=Placement.start_on)
    checks: dict[tuple[str, int], tuple[str, date]] = {}
    for eid, pid, months, result, done in s.execute(
            select(as_text(RetentionCheckpoint.episode_id), as_text(RetentionCheckpoint.placement_id),
                   RetentionCheckpoint.months, RetentionCheckpoint.result,
                   RetentionCheckpoint.done_on)
            .where(RetentionCheckpoint.deleted_at.is_(None),
                   RetentionCheckpoint.result.is_not(None))):
        if eid in wanted and done is not None:
            checks[(pid, months)] = (result, done)
    episodes.sort(key=lambda e: (persons[e[1]][1], e[2]))
    for eid, person_id, intake, start, closed, reason, note in episodes:
        (_, number, family, given, fkana, gkana, birth, sex, postal, address, home, mobile,
         category, caseworker) = persons[person_id]
        sent = [r for r in referrals.get(eid, []) if r[2] != "returned"] or referrals.get(eid, [])
        person_cells = [number, f"{family} {given}", f"{fkana} {gkana}", w(birth),
                        SEXES.get(sex or "", ""), postal, address,
                        " / ".join(x for x in (home, mobile) if x),
                        CATEGORIES.get(category, category),
                        staff.get(caseworker, "") if caseworker else "", w(intake),
                        w(signed.get(eid)),
                        w(sent[-1][1] if sent else None),
                        office_names.get(sent[-1][3], "") if sent else "", w(start)]
        tail = [w(closed), reason or "", note]
        jobs = placements.get(eid)
        if not jobs:
            yield [*person_cells, "", "", "", "", "", "", "", "", *tail]
            continue
        for _, job_id, job_start, employer, job_title, employment_type, term in jobs:
            marks = []
            for months in (1, 3, 6):
                check = checks.get((job_id, months))
                marks.append(f"{CHECKPOINT_RESULTS[check[0]]} {w(check[1])}" if check else "")
            yield [*person_cells, w(job_start), employer, job_title, employment_type,
                   TERM_CATEGORIES.get(term, ""), *marks, *tail]


FORMATS = ("xlsx", "csv", "json")


def ledger_file(rows: list[list[str]], fmt: str) -> bytes:
    """The rows as a file: xlsx in the template's layout, CSV (UTF-8 with BOM, CRLF) or JSON;
    every cell a spreadsheet would run as a formula is neutralised."""
    header = [label for _, label in COLUMNS]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([neutralise(v) for v in row] for row in rows)
        return out.getvalue().encode("utf-8-sig")
    if fmt == "json":
        payload = {"columns": header,
                   "rows": [dict(zip(header, row, strict=True)) for row in rows]}
        return json.dumps(payload, ensure_ascii=False, indent=1).encode()
    return ledger_xlsx(rows)
