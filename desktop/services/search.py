"""Incremental person search by name, reading or case number.

Both the stored keys and the query are folded the same way (NFKC, case, hiragana→katakana,
no spaces), so ひらがな/カタカナ and 全角/半角 do not matter. Each whitespace-separated term
must match:
- terms of 3+ characters: substring match through the FTS5 trigram index (SQLite), or
  a LIKE on the search text on other back ends;
- terms of 1–2 characters (trigram cannot see them): prefix match on the indexed key
  columns (family/given name, family/given reading, full name and reading, case number),
  as range comparisons so that SQLite uses the indexes.
Results are ranked (exact case number, then full-name/reading prefix, then part prefix,
then the rest), limited, and only include persons the actor may read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, case, literal, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute

from desktop.japanese.kana import fold_terms
from desktop.models import Person
from desktop.services.context import Actor, ServiceContext
from desktop.services.permissions import visible_persons

_MAX = "\U0010ffff"
_PREFIX_COLUMNS = (
    Person.family_kana_key, Person.given_kana_key, Person.kana_key,
    Person.family_name_key, Person.given_name_key, Person.name_key, Person.case_number_key,
)


@dataclass(frozen=True)
class SearchHit:
    person_id: uuid.UUID
    case_number: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    birth_date: date
    category: str
    caseworker_id: uuid.UUID | None


def _prefix(column: InstrumentedAttribute[str], term: str) -> ColumnElement[bool]:
    return and_(column >= term, column < term + _MAX)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, actor: Actor, query: str, limit: int = 50) -> list[SearchHit]:
        terms = fold_terms(query)
        if not terms:
            return []
        long_terms = [t for t in terms if len(t) >= 3]
        conditions: list[ColumnElement[bool]] = [Person.deleted_at.is_(None),
                                                 visible_persons(actor)]
        if long_terms and self.ctx.db.is_sqlite:
            match = " AND ".join(_fts_phrase(t) for t in long_terms)
            conditions.append(Person.search_no.in_(
                text("SELECT rowid FROM person_fts WHERE person_fts MATCH :match")
                .bindparams(match=match)))
        else:
            conditions.extend(Person.search_text.contains(t, autoescape=True)
                              for t in long_terms)
        for term in terms:
            if len(term) < 3:
                conditions.append(or_(*(_prefix(c, term) for c in _PREFIX_COLUMNS)))
        first = terms[0]
        rank = case(
            (Person.case_number_key == first, literal(0)),
            (or_(_prefix(Person.kana_key, first), _prefix(Person.name_key, first)), literal(1)),
            (or_(_prefix(Person.given_kana_key, first), _prefix(Person.given_name_key, first)),
             literal(2)),
            else_=literal(3),
        )
        stmt = (
            select(Person.id, Person.case_number, Person.family_name, Person.given_name,
                   Person.family_kana, Person.given_kana, Person.birth_date, Person.category,
                   Person.caseworker_id)
            .where(*conditions)
            .order_by(rank, Person.kana_key, Person.birth_date)
            .limit(limit)
        )
        with self.ctx.db.read() as s:
            return [SearchHit(*row) for row in s.execute(stmt)]
