"""Incremental person search by name, reading or case number.

Both the stored keys and the query are folded the same way (NFKC, case, hiragana→katakana,
no spaces), so ひらがな/カタカナ and 全角/半角 do not matter. Each whitespace-separated term
must match:
- terms of 3+ characters: substring match through the FTS5 trigram index (SQLite), or
  a LIKE on the search text answered by a pg_trgm GIN index (PostgreSQL, migration 0005) or,
  where pg_trgm could not be created, narrowed first by the ``person_grams`` table;
- terms of 1–2 characters (trigram cannot see them): prefix match on the indexed key
  columns (family/given name, family/given reading, full name and reading, case number),
  as range comparisons so that SQLite uses the indexes; a short term with a digit in it is
  also looked for anywhere in the case number (「42」 finds 2026-0042), walking the
  case-number index.
With the caseload list's filters (状態, 区分, 担当, 期限超過のみ) a person is found only when the
list would hold them, and the hit shows the same episode the list shows (their latest
matching one); without filters, every person and their latest episode.
Results are ranked (exact case number, then full-name/reading prefix, then part prefix,
then case number prefix, then the rest), limited, and only include persons the actor may
read (an administrator: everyone; a supervisor or viewer: their organisation's; a caseworker:
their caseload). On SQLite each walk names its index (INDEXED BY): with the statistics of a
large office the planner once skip-scanned a wider index for a reading prefix (60x slower).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Uuid,
    and_,
    bindparam,
    case,
    column,
    exists,
    func,
    literal,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from desktop.japanese.kana import fold_terms
from desktop.models import CaseShare, Episode, Person, User
from desktop.services.audit import check_still_signed_in, refuse_ended_session
from desktop.services.caseload import (
    CaseloadFilter,
    OverdueTerms,
    episode_matches,
    overdue_terms,
)
from desktop.services.context import Actor, ServiceContext
from desktop.services.permissions import organisation_scope

_MAX = "\U0010ffff"
# (column, rank): a prefix of the full reading or full name ranks before a prefix of the given
# name; a case number prefix comes after both. The full keys start with the family part, so
# they also cover family-name prefixes.
_PREFIX_COLUMNS: tuple[tuple[InstrumentedAttribute[str], int], ...] = (
    (Person.kana_key, 1), (Person.name_key, 1),
    (Person.given_kana_key, 2), (Person.given_name_key, 2),
    (Person.case_number_key, 3),
)
_CASE_NUMBER_ANYWHERE_RANK = 4


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
    # The person's latest episode (any state) and caseworker, shown as the list shows them.
    state: str | None = None
    state_since: date | None = None
    planned_end_on: date | None = None
    caseworker_name: str = ""


def _prefix(column: InstrumentedAttribute[str], name: str) -> ColumnElement[bool]:
    """``column`` starts with the term bound as ``name`` (a range, so SQLite uses the index)."""
    return and_(column >= bindparam(name), column < bindparam(f"{name}_end"))


def _index_of(column: InstrumentedAttribute[str]) -> str:
    return f"ix_persons_{column.key}"  # the single-column index=True ones


def _in_case_number(name: str) -> ColumnElement[bool]:
    return Person.case_number_key.like(bindparam(f"{name}_like"), escape="\\")


def _any_prefix(name: str, case_anywhere: bool = False) -> ColumnElement[bool]:
    matches = [_prefix(column, name) for column, _ in _PREFIX_COLUMNS]
    if case_anywhere:
        matches.append(_in_case_number(name))
    return or_(*matches)


def _has_digit(term: str) -> bool:
    return any(ch.isdigit() for ch in term)


# The searching account, still as it signed in (audit.check_still_signed_in, on the
# driver connection as the search itself runs).
_ACCOUNT = "SELECT active, deleted_at, role, organisation_id FROM users WHERE id = ?"


def _account(rows: list[Any]) -> tuple[Any, ...] | None:
    if not rows:
        return None
    active, deleted_at, role, organisation = rows[0]
    return active, deleted_at, role, uuid.UUID(organisation) if organisation else None


def _stored(value: Any) -> Any:
    """A bound value as SQLite holds it (UUIDs as 32 hex digits, dates as ISO text)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    return value.isoformat() if isinstance(value, date) else value


def _like_escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# PostgreSQL without pg_trgm: each person's distinct 3-character grams (migration 0005).
_GRAMS = table("person_grams", column("search_no"), column("gram"))


def _grams(term: str) -> list[str]:
    return sorted({term[i:i + 3] for i in range(len(term) - 2)})


_COLUMNS = (Person.id, Person.case_number, Person.family_name, Person.given_name,
            Person.family_kana, Person.given_kana, Person.birth_date, Person.category,
            Person.caseworker_id, Episode.state, Episode.state_since, Episode.planned_end_on,
            User.display_name)


def _hits(shape: _Shape, top: Any) -> Select:
    """The page of hits ``top`` (person id, rank, reading, birth date; ranked and limited
    already) with what the list shows: each hit's latest (matching) episode and caseworker's
    name, one index lookup per hit, after the limit, inside the same statement."""
    other = aliased(Episode)
    latest = (select(other.id)
              .where(other.person_id == Person.id, *_episode_terms(other, shape))
              .order_by(other.intake_on.desc(), other.id.desc()).limit(1)
              .correlate(Person).scalar_subquery())
    return (select(*_COLUMNS).select_from(top)
            .join(Person, Person.id == top.c.pid)
            .outerjoin(Episode, Episode.id == latest)
            .outerjoin(User, User.id == Person.caseworker_id)
            .order_by(top.c.rank, top.c.reading, top.c.birth, top.c.pid))


@dataclass(frozen=True)
class _Shape:
    """What the statement depends on besides the values: built once, reused with new values
    (statement construction cost more than running the query)."""

    scope: str  # all | organisation | caseload
    long_terms: int
    short_terms: int
    fts: bool
    grams: bool = False
    # Per short term: it has a digit, so it is also looked for anywhere in the case number.
    case_anywhere: tuple[bool, ...] = ()
    # The list's filters: the states (None: no filter, every episode), and whether a
    # category, caseworker or organisation is chosen (their values are parameters); with
    # 期限超過のみ, what overdue is measured against (a new day is a new statement).
    states: tuple[str, ...] | None = None
    category: bool = False
    caseworker: bool = False
    organisation: bool = False
    overdue: OverdueTerms | None = None


def _episode_terms(ep: Any, shape: _Shape) -> list[ColumnElement[bool]]:
    """Conditions on the episode ``ep`` for it to be the one a hit shows."""
    if shape.states is None:
        return [ep.deleted_at.is_(None)]
    return episode_matches(ep, CaseloadFilter(states=shape.states,
                                              overdue_only=shape.overdue is not None),
                           shape.overdue)


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._statements: dict[_Shape, Select] = {}
        # By id of a cached statement (they live as long as the service).
        self._sql: dict[int, tuple[str, list[str], dict[str, Any]]] = {}
        self._gram_table: bool | None = None

    def _uses_gram_table(self) -> bool:
        """PostgreSQL where pg_trgm was not available: the fallback gram table exists."""
        if self._gram_table is None:
            with self.ctx.db.read_connection() as conn:
                self._gram_table = bool(conn.exec_driver_sql(
                    "SELECT to_regclass('person_grams') IS NOT NULL").scalar())
        return self._gram_table

    def search(self, actor: Actor, query: str, limit: int = 50,
               filters: CaseloadFilter | None = None) -> list[SearchHit]:
        """Persons matching ``query``; with ``filters``, only those the caseload list holds
        under them."""
        prepared = self.statement(actor, query, limit, filters)
        if prepared is None:
            return []
        stmt, params = prepared
        db = self.ctx.db
        if not db.is_sqlite:
            with db.read_connection() as conn:
                check_still_signed_in(conn, actor)
                return [SearchHit(*row) for row in conn.execute(stmt, params)]
        refuse_ended_session(_account(db.select_rows(_ACCOUNT, (actor.user_id.hex,))), actor)
        # On SQLite the statement's SQL is compiled once per shape and run as one driver
        # statement: SQLAlchemy's per-call execute, result processing and the BEGIN/COMMIT
        # round trips doubled a sub-millisecond query. Values are bound and read as SQLite
        # stores them.
        sql, names, fixed = self._compiled_sql(stmt, db.engine.dialect)
        bound = tuple(_stored(params[n] if n in params else fixed[n]) for n in names)
        rows = db.select_rows(sql, bound)
        # A page of hits has a handful of caseworkers: parse each id once.
        staff = {h: uuid.UUID(h) for h in {r[8] for r in rows} if h}
        return [SearchHit(uuid.UUID(r[0]), r[1], r[2], r[3], r[4], r[5],
                          date.fromisoformat(r[6]), r[7], staff.get(r[8]), r[9],
                          date.fromisoformat(r[10]) if r[10] else None,
                          date.fromisoformat(r[11]) if r[11] else None, r[12] or "")
                for r in rows]

    def _compiled_sql(self, stmt: Select,
                      dialect: Any) -> tuple[str, list[str], dict[str, Any]]:
        """SQL text, parameter order and the statement's own literal values."""
        found = self._sql.get(id(stmt))
        if found is None:
            compiled = stmt.compile(dialect=dialect)
            found = self._sql[id(stmt)] = (str(compiled), list(compiled.positiontup or []),
                                           dict(compiled.params))
        return found

    def statement(self, actor: Actor, query: str, limit: int = 50,
                  filters: CaseloadFilter | None = None
                  ) -> tuple[Select, dict[str, Any]] | None:
        """The SELECT behind ``search`` and its parameters (benchmarks time it as raw SQL)."""
        terms = fold_terms(query)
        if not terms:
            return None
        overdue: OverdueTerms | None = None
        if filters is not None and filters.overdue_only:
            with self.ctx.db.read_connection() as conn:
                overdue = overdue_terms(self.ctx, conn)
        long_terms = [t for t in terms if len(t) >= 3]
        short_terms = [t for t in terms if len(t) < 3]
        sqlite = self.ctx.db.is_sqlite
        scope = ("all" if actor.role == "admin" else "organisation"
                 if organisation_scope(actor) else "caseload")
        shape = _Shape(scope, len(long_terms), len(short_terms),
                       sqlite, bool(long_terms) and not sqlite and self._uses_gram_table(),
                       tuple(_has_digit(t) for t in short_terms))
        if filters is not None:
            shape = replace(shape, states=filters.states, category=bool(filters.category),
                            caseworker=bool(filters.caseworker_id),
                            organisation=bool(filters.organisation_id), overdue=overdue)
        stmt = self._statements.get(shape)
        if stmt is None:
            stmt = self._statements[shape] = _build(shape)
        params: dict[str, Any] = {"limit": limit, "me": actor.user_id}
        if scope == "organisation":
            params["org"] = actor.organisation_id
        if filters is not None:
            params.update(f_category=filters.category, f_caseworker=filters.caseworker_id,
                          f_organisation=filters.organisation_id)
        ordered = long_terms + short_terms  # the names used by _build
        for i, term in enumerate(ordered):
            params[f"t{i}"], params[f"t{i}_end"] = term, term + _MAX
            if i >= len(long_terms) and _has_digit(term):
                params[f"t{i}_like"] = f"%{_like_escaped(term)}%"
        if shape.fts and long_terms:
            params["match"] = " AND ".join(_fts_phrase(t) for t in long_terms)
        elif long_terms:
            for i, term in enumerate(long_terms):
                params[f"t{i}_like"] = f"%{_like_escaped(term)}%"
                if shape.grams:
                    params[f"t{i}_grams"] = _grams(term)
                    params[f"t{i}_ngrams"] = len(params[f"t{i}_grams"])
        first = terms[0]
        params["first"], params["first_end"] = first, first + _MAX
        return stmt, params


def _build(shape: _Shape) -> Select:
    me = bindparam("me", type_=Uuid)
    filters: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
    if shape.scope == "organisation":
        filters.append(Person.organisation_id == bindparam("org", type_=Uuid))
    elif shape.scope == "caseload":
        shared = exists(select(CaseShare.id).where(
            CaseShare.person_id == Person.id, CaseShare.user_id == me,
            CaseShare.deleted_at.is_(None)))
        filters.append(or_(Person.caseworker_id == me, shared))
    if shape.category:
        filters.append(Person.category == bindparam("f_category"))
    if shape.caseworker:
        filters.append(Person.caseworker_id == bindparam("f_caseworker", type_=Uuid))
    if shape.organisation:
        filters.append(Person.organisation_id == bindparam("f_organisation", type_=Uuid))
    # The person has an episode the list would show: tested after the name terms (the
    # conditions are tested in order, and this one is a lookup per person, four with
    # 期限超過のみ).
    listed = ([exists(select(Episode.id).where(Episode.person_id == Person.id,
                                               *_episode_terms(Episode, shape)))]
              if shape.states is not None else [])
    long_names = [f"t{i}" for i in range(shape.long_terms)]
    short_names = [f"t{i}" for i in range(shape.long_terms, shape.long_terms + shape.short_terms)]
    anywhere = dict(zip(short_names, shape.case_anywhere, strict=False))
    if long_names and shape.fts:
        filters.append(Person.search_no.in_(
            text("SELECT rowid FROM person_fts WHERE person_fts MATCH :match")))
    elif long_names:
        # PostgreSQL: LIKE '%term%' is answered by the pg_trgm GIN index on search_text, or
        # confirms the persons whose grams include all of the term's.
        filters.extend(Person.search_text.like(bindparam(f"{n}_like"), escape="\\")
                       for n in long_names)
        if shape.grams:
            filters.extend(Person.search_no.in_(
                select(_GRAMS.c.search_no)
                .where(_GRAMS.c.gram.in_(bindparam(f"{n}_grams", expanding=True)))
                .group_by(_GRAMS.c.search_no)
                .having(func.count(_GRAMS.c.gram.distinct())
                        == bindparam(f"{n}_ngrams", type_=Integer)))
                for n in long_names)
    limit = bindparam("limit", type_=Integer)
    if long_names:
        # The trigram index narrows the rows; rank them all in one pass. The first term
        # typed decides the rank.
        filters.extend(_any_prefix(n, anywhere.get(n, False)) for n in short_names)
        filters.extend(listed)
        rank = case(
            (Person.case_number_key == bindparam("first"), literal(0)),
            (or_(_prefix(Person.kana_key, "first"), _prefix(Person.name_key, "first")),
             literal(1)),
            (or_(_prefix(Person.given_kana_key, "first"),
                 _prefix(Person.given_name_key, "first")), literal(2)),
            else_=literal(3),
        )
        return _hits(shape, select(Person.id.label("pid"), rank.label("rank"),
                                   Person.kana_key.label("reading"),
                                   Person.birth_date.label("birth"))
                     .where(*filters)
                     .order_by(rank, Person.kana_key, Person.birth_date, Person.id)
                     .limit(limit).subquery())
    # Only short terms: a one-character prefix can match a large part of the caseload, so walk
    # each key's index in order and take at most ``limit`` rows from each, instead of
    # collecting and sorting every match.
    driver, others = short_names[0], short_names[1:]
    filters.extend(_any_prefix(n, anywhere.get(n, False)) for n in others)
    filters.extend(listed)
    walks: list[tuple[InstrumentedAttribute[str], ColumnElement[bool], int]] = [
        (key_column, _prefix(key_column, driver), col_rank)
        for key_column, col_rank in _PREFIX_COLUMNS]
    if anywhere.get(driver):
        walks.append((Person.case_number_key, _in_case_number(driver),
                      _CASE_NUMBER_ANYWHERE_RANK))
    parts = []
    for key_column, match, col_rank in walks:
        part = (select(Person.id.label("pid"),
                       case((Person.case_number_key == bindparam(driver), literal(0)),
                            else_=literal(col_rank)).label("rank"))
                .where(match, *filters)
                .order_by(key_column).limit(limit)
                .with_hint(Person, f"INDEXED BY {_index_of(key_column)}", "sqlite")
                .subquery())
        parts.append(select(part.c.pid, part.c.rank))
    candidates = union_all(*parts).subquery()
    ranked = (select(candidates.c.pid, func.min(candidates.c.rank).label("rank"))
              .group_by(candidates.c.pid).subquery())
    return _hits(shape, select(Person.id.label("pid"), ranked.c.rank,
                               Person.kana_key.label("reading"),
                               Person.birth_date.label("birth"))
                 .join(ranked, ranked.c.pid == Person.id)
                 .order_by(ranked.c.rank, Person.kana_key, Person.birth_date, Person.id)
                 .limit(limit).subquery())
