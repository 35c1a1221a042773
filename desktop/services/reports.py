"""Indicators (docs/DOMAIN.md) for any period, overall, per 対象者区分 and per staff member.

Every count is one SQL aggregation over the whole table, grouped by (対象者区分, 担当者, month);
Python only adds up those few hundred grouped rows into the overall, per-category, per-staff
and monthly views. Definitions (the JSON keys are a stable contract):

- ``referrals``: 支援要請 with ``referred_on`` in the period (whatever their later status).
- ``support_targets``: episodes with a 支援要請済 → 支援中 transition (Hello Work accepted)
  effective in the period. A return to 支援中 after 離職 does not count again.
- ``placements``: placements whose ``start_on`` is in the period; ``regular_placements``:
  of those, 雇用期間 定めなし or 4か月以上 (常用就職).
- ``placed_persons``: distinct persons who are support targets in the period and have a
  placement starting in the period.
- ``placement_rate``: placed_persons / support_targets, rounded to 3 places (0 without targets).
- ``protection_ended_by_work``: episodes closed in the period with the reason
  保護廃止(就労収入増).
- ``retention``: per checkpoint (``1m``, ``3m``, ``6m``, or the configured months) due in the
  period: how many were due, how many confirmed 継続就労, and the rate. A check cancelled with
  its episode (中止) counts as due and not confirmed, as one left unrecorded does.
- ``targets``: for a fiscal-year period, each configured annual target with the actual value
  and ``achievement`` = actual / target (rounded to 3 places; null for a target of 0).
- Before and beside the referral — ``assessed_persons``, ``routes``, ``work_experience_days``,
  ``employers``, ``support_costs_total``, ``meetings`` — overall and in ``by_organisation``
  (every organisation by id, with its ``name``): defined in services/report_routes.py.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import String

from desktop.i18n import N_, shown_date, shown_fiscal_year, shown_month, translator
from desktop.japanese.wareki import (
    add_months,
    fiscal_year_of,
    fiscal_year_range,
)
from desktop.models import (
    AnnualTarget,
    Episode,
    Organisation,
    Person,
    Placement,
    Referral,
    RetentionCheckpoint,
    Transition,
    User,
)
from desktop.services import audit, report_routes
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import InvalidInput
from desktop.services.labels import CATEGORIES
from desktop.services.settings import read_setting

_t = translator("Reports")
PROTECTION_ENDED_REASON = "保護廃止(就労収入増)"
REGULAR_TERMS = ("indefinite", "over_4m")
COUNT_KEYS = ("referrals", "support_targets", "placements", "regular_placements",
              "placed_persons", "protection_ended_by_work")
UNASSIGNED = "unassigned"

LABELS: dict[str, str] = {
    "referrals": N_("支援要請件数"),
    "support_targets": N_("支援対象者数"),
    "placements": N_("就職件数"),
    "regular_placements": N_("うち常用就職件数"),
    "placed_persons": N_("就職者数（支援対象者のうち）"),
    "placement_rate": N_("就職率"),
    "protection_ended_by_work": N_("就労による保護廃止件数"),
}
MAX_DAYS = 366 * 5
# The person lookup of every report query stays in this narrow covering index (see 0003).
PERSON_INDEX = "INDEXED BY ix_persons_report"


class month_key(FunctionElement[str]):
    """'YYYY-MM' of a date column, on SQLite and on PostgreSQL."""

    type = String()
    inherit_cache = True


@compiles(month_key, "sqlite")
def _month_key_sqlite(element: month_key, compiler: Any, **kw: Any) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


@compiles(month_key, "postgresql")
def _month_key_pg(element: month_key, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    fiscal_year: int | None = None

    @classmethod
    def fiscal(cls, fy: int) -> Period:
        if not 1990 <= fy <= 2100:
            raise InvalidInput("fiscal_year", _t("年度「{fy}」が正しくありません（西暦の年で指定してください）").format(fy=fy))
        start, end = fiscal_year_range(fy)
        return cls(start, end, fy)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12 or not 1990 <= year <= 2100:
            raise InvalidInput("month", _t("年月が正しくありません"))
        start = date(year, month, 1)
        return cls(start, add_months(start, 1) - timedelta(days=1))

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        if end < start:
            raise InvalidInput("end", _t("期間の終わりが始まりより前になっています"))
        if (end - start).days > MAX_DAYS:
            raise InvalidInput("end", _t("期間は5年以内で指定してください"))
        if start == fiscal_year_range(fiscal_year_of(start))[0] and end == fiscal_year_range(
                fiscal_year_of(start))[1]:
            return cls.fiscal(fiscal_year_of(start))
        return cls(start, end)

    @property
    def label(self) -> str:
        if self.fiscal_year is not None:
            return shown_fiscal_year(self.fiscal_year)
        return _t("{start}〜{end}").format(start=shown_date(self.start), end=shown_date(self.end))

    def months(self) -> list[str]:
        keys, cursor = [], self.start.replace(day=1)
        while cursor <= self.end:
            keys.append(cursor.strftime("%Y-%m"))
            cursor = add_months(cursor, 1)
        return keys


def _rate(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 3) if denominator else 0.0


class _Tally:
    """Grouped counts keyed by (indicator, category, staff, month)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, int]] = []

    def add(self, indicator: str, rows: Any) -> None:
        for category, staff, month, n in rows:
            self.rows.append((indicator, category, staff or UNASSIGNED, month, int(n or 0)))

    def totals(self, keep: Any = lambda cat, staff: True) -> dict[str, int]:
        out = dict.fromkeys(COUNT_KEYS, 0)
        for ind, cat, staff, _m, n in self.rows:
            if ind in out and keep(cat, staff):
                out[ind] += n
        return out


class ReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def indicators(self, actor: Actor, period: Period, *, audit_action: str = "report",
                   **audit_detail: Any) -> dict[str, Any]:
        """The indicator report for ``period`` as JSON-ready data (keys of docs/DOMAIN.md).

        Aggregate counts only (no person is named), so every role may run it; it is audited
        with the period, like every view and export."""
        with self.ctx.db.read() as s:
            audit.check_signed_in(s, actor)  # the view is noted, not appended, below
            report = self._compute(s, period)
        # Noted, not written here: a report never holds the write lock while it counts.
        self.ctx.views.note(actor, audit_action, "report",
                            period.fiscal_year or f"{period.start}..{period.end}",
                            start=period.start.isoformat(), end=period.end.isoformat(),
                            **audit_detail)
        return report

    def export(self, actor: Actor, period: Period, fmt: str) -> bytes:
        """The report as a file (json, csv, xlsx or pdf), audited as an export."""
        from desktop.documents import reports as files

        if fmt not in ("json", "csv", "xlsx", "pdf"):
            raise InvalidInput("format", _t("形式は json・csv・xlsx・pdf のいずれかです"))
        data = self.indicators(actor, period, audit_action="report_export", format=fmt)
        if fmt == "json":
            return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
        if fmt == "csv":
            return files.report_csv(data)
        if fmt == "xlsx":
            return files.report_xlsx(data)
        with self.ctx.db.read() as s:
            # The counts cover every organisation; the heading names the reader's own.
            org = s.get(Organisation, actor.organisation_id) if actor.organisation_id else None
            office = org.name if org is not None else ""
        return files.report_pdf(data, office, self.ctx.today())

    # ------------------------------------------------------------------ SQL

    def _compute(self, s: Session, period: Period) -> dict[str, Any]:
        lo, hi = period.start, period.end
        tally = _Tally()
        live = and_(Episode.deleted_at.is_(None), Person.deleted_at.is_(None))

        def per_group(value: Any, date_col: Any, event: Any, on: Any, *where: Any,
                      extra: tuple[Any, ...] = ()) -> Any:
            """Events in the period → their episode → the person's 区分 and staff. The
            event's date index drives; every lookup stays in a covering index (0003)."""
            group = (Person.category, Person.caseworker_id, *extra)
            if date_col is not None:
                group = (*group, month_key(date_col))
            return (select(*group, *value)
                    .select_from(event).join(Episode, on).join(Person,
                                                               Person.id == Episode.person_id)
                    .with_hint(Person, PERSON_INDEX, "sqlite")
                    .where(live, *where).group_by(*group))

        # 支援要請件数
        tally.add("referrals", s.execute(per_group(
            [func.count()], Referral.referred_on, Referral, Episode.id == Referral.episode_id,
            Referral.referred_on.between(lo, hi), Referral.deleted_at.is_(None))))

        # 支援対象者数: Hello Work accepted (支援要請済 → 支援中) in the period.
        accepted = and_(Transition.effective_on.between(lo, hi),
                        Transition.to_state == "active", Transition.from_state == "referred",
                        Transition.deleted_at.is_(None))
        tally.add("support_targets", s.execute(per_group(
            [func.count(distinct(Transition.episode_id))], Transition.effective_on, Transition,
            Episode.id == Transition.episode_id, accepted)))

        # 就職件数 and 常用就職
        placed = and_(Placement.start_on.between(lo, hi), Placement.deleted_at.is_(None))
        regular = func.sum(case((Placement.term_category.in_(REGULAR_TERMS), 1), else_=0))
        for category, staff, month, n, r in s.execute(per_group(
                [func.count(), regular], Placement.start_on, Placement,
                Episode.id == Placement.episode_id, placed)):
            tally.add("placements", [(category, staff, month, n)])
            tally.add("regular_placements", [(category, staff, month, r)])

        # 就職者数: persons who are support targets in the period and placed in it, counted
        # in the month the later of the two happened (for the cumulative rate chart).
        targets = (select(Episode.person_id.label("pid"),
                          func.min(Transition.effective_on).label("t"))
                   .select_from(Transition).join(Episode, Episode.id == Transition.episode_id)
                   .where(accepted, Episode.deleted_at.is_(None))
                   .group_by(Episode.person_id).subquery())
        jobs = (select(Episode.person_id.label("pid"), func.min(Placement.start_on).label("p"))
                .select_from(Placement).join(Episode, Episode.id == Placement.episode_id)
                .where(placed, Episode.deleted_at.is_(None))
                .group_by(Episode.person_id).subquery())
        later = month_key(case((targets.c.t > jobs.c.p, targets.c.t), else_=jobs.c.p))
        tally.add("placed_persons", s.execute(
            select(Person.category, Person.caseworker_id, later, func.count())
            .select_from(targets).join(jobs, jobs.c.pid == targets.c.pid)
            .join(Person, Person.id == targets.c.pid)
            .where(Person.deleted_at.is_(None))
            .group_by(Person.category, Person.caseworker_id, later)))

        # 就労による保護廃止
        tally.add("protection_ended_by_work", s.execute(
            select(Person.category, Person.caseworker_id, month_key(Episode.closed_on),
                   func.count())
            .select_from(Episode).join(Person, Person.id == Episode.person_id)
            .with_hint(Person, PERSON_INDEX, "sqlite")
            .where(live, Episode.closed_on.between(lo, hi),
                   Episode.closure_reason == PROTECTION_ENDED_REASON)
            .group_by(Person.category, Person.caseworker_id, month_key(Episode.closed_on))))

        # 定着状況: checkpoints due in the period.
        employed = func.sum(case((RetentionCheckpoint.result == "employed", 1), else_=0))
        retention_rows = [
            (c, w or UNASSIGNED, int(m), int(n), int(e or 0)) for c, w, m, n, e in s.execute(
                per_group([func.count(), employed], None, RetentionCheckpoint,
                          Episode.id == RetentionCheckpoint.episode_id,
                          RetentionCheckpoint.due_on.between(lo, hi),
                          RetentionCheckpoint.deleted_at.is_(None),
                          extra=(RetentionCheckpoint.months,)))]
        months = sorted(set(read_setting(s, "checkpoint_months")) | {
            r[2] for r in retention_rows})

        staff = self._staff_names(s, {r[2] for r in tally.rows}
                                  | {r[1] for r in retention_rows})
        report = self._assemble(period, tally, retention_rows, months, staff,
                                self._targets(s, period))
        routes, by_organisation = report_routes.compute(s, lo, hi)
        return self._with_routes(report, routes, by_organisation)

    @staticmethod
    def _with_routes(report: dict[str, Any], routes: dict[str, Any],
                     by_organisation: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The counts before and beside the referral after the referral's own, and
        ``by_organisation`` beside ``by_category`` and ``by_staff``."""
        out: dict[str, Any] = {}
        for key, value in report.items():
            out[key] = value
            if key == "retention":
                out.update(routes)
            if key == "by_staff":
                out["by_organisation"] = by_organisation
        return out

    def _staff_names(self, s: Session, ids: set[str]) -> dict[str, tuple[str, str]]:
        real = [uuid.UUID(str(i)) if not isinstance(i, uuid.UUID) else i
                for i in ids if i != UNASSIGNED]
        names: dict[str, tuple[str, str]] = {UNASSIGNED: (UNASSIGNED, _t("（担当者なし）"))}
        if real:
            for uid, username, display in s.execute(
                    select(User.id, User.username, User.display_name).where(User.id.in_(real))):
                names[str(uid)] = (username, display)
        return names

    def _targets(self, s: Session, period: Period) -> dict[str, int | float]:
        if period.fiscal_year is None:
            return {}
        rows = s.execute(select(AnnualTarget.indicator, AnnualTarget.value).where(
            AnnualTarget.fiscal_year == period.fiscal_year, AnnualTarget.deleted_at.is_(None)))
        return {k: int(v) if float(v).is_integer() else float(v) for k, v in rows}

    # --------------------------------------------------------------- shaping

    @staticmethod
    def _block(counts: dict[str, int], retention: dict[int, list[int]],
               months: list[int]) -> dict[str, Any]:
        block: dict[str, Any] = {k: counts[k] for k in COUNT_KEYS}
        block["placement_rate"] = _rate(counts["placed_persons"], counts["support_targets"])
        block["retention"] = {
            f"{m}m": {"due": retention.get(m, [0, 0])[0],
                      "confirmed_employed": retention.get(m, [0, 0])[1],
                      "rate": _rate(retention.get(m, [0, 0])[1], retention.get(m, [0, 0])[0])}
            for m in months}
        order = ["referrals", "support_targets", "placements", "regular_placements",
                 "placed_persons", "placement_rate", "protection_ended_by_work", "retention"]
        return {k: block[k] for k in order}

    def _assemble(self, period: Period, tally: _Tally,
                  retention_rows: list[tuple[str, str, int, int, int]], months: list[int],
                  staff: dict[str, tuple[str, str]],
                  targets: dict[str, int | float]) -> dict[str, Any]:
        def retention_for(keep: Any) -> dict[int, list[int]]:
            out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
            for cat, w, m, n, e in retention_rows:
                if keep(cat, str(w)):
                    out[m][0] += n
                    out[m][1] += e
            return out

        overall = self._block(tally.totals(), retention_for(lambda c, w: True), months)
        by_category = {
            cat: self._block(tally.totals(lambda c, w, cat=cat: c == cat),
                             retention_for(lambda c, w, cat=cat: c == cat), months)
            for cat in CATEGORIES}
        staff_ids = sorted({str(r[2]) for r in tally.rows} | {str(r[1]) for r in retention_rows},
                           key=lambda i: staff.get(i, (i, i))[0])
        by_staff = {}
        for sid in staff_ids:
            username, display = staff.get(sid, (sid, sid))
            block = self._block(tally.totals(lambda c, w, sid=sid: str(w) == sid),
                                retention_for(lambda c, w, sid=sid: str(w) == sid), months)
            by_staff[username] = {"name": display, **block}
        monthly = []
        for key in period.months():
            row = dict.fromkeys(COUNT_KEYS, 0)
            for ind, _c, _w, m, n in tally.rows:
                if m == key:
                    row[ind] += n
            monthly.append({"month": key, **row})
        target_block = {}
        for indicator, value in sorted(targets.items()):
            actual = overall.get(indicator, 0)
            target_block[indicator] = {
                "target": value, "actual": actual,
                "achievement": round(actual / value, 3) if value else None}
        return {
            "period": {"from": period.start.isoformat(), "to": period.end.isoformat(),
                       "fiscal_year": period.fiscal_year, "label": period.label},
            **overall,
            "by_category": by_category,
            "by_staff": by_staff,
            "monthly": monthly,
            "targets": target_block,
        }


def category_label(key: str) -> str:
    return CATEGORIES.get(key, key)


def month_label(key: str) -> str:
    y, m = (int(x) for x in key.split("-"))
    return shown_month(y, m)
