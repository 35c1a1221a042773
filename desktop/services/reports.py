"""Indicators (実績報告) for any period, overall, per 対象者区分, per staff member and per Hello
Work office, as of a date.

Definitions (the JSON keys are a stable contract; docs/DOMAIN.md explains them for people):

- **The as-of date.** A report covers the period's events dated on or before its as-of date
  (today for a running year, the period's end for a finished one, or a date given): a
  mid-year report counts what had happened by then. ``period.as_of`` names it; ``monthly``
  and the charts stop at its month.
- **区分 and 担当 at the time.** Every event is counted under the 対象者区分 and the caseworker
  of its episode on the day of the event: frozen on the episode at its first 支援要請 and on
  each reassignment (services/attribution.py), not the person's present values, so a past
  year's report never changes. (An episode never referred, or data older than that history,
  falls back to the person's present values.)
- ``referrals`` (支援要請件数): 支援要請 with ``referred_on`` in the period, whatever came of them.
- ``support_targets`` (支援対象者数): episodes with a 支援要請済 → 支援中 transition (Hello Work
  accepted) effective in the period. A return to 支援中 after 離職 does not count again.
- ``placements`` (就職件数): placements whose ``start_on`` is in the period.
  ``regular_placements`` (常用就職): of those, 雇用期間 定めなし or 4か月以上.
  ``referral_placements`` (うち紹介就職): of those, found through Hello Work's 職業紹介
  (route ``hello_work``).
- ``placement_rate`` (就職率): placements / support_targets of the same period — the
  programme's published outcome measure (行政事業レビュー: 「就職率 67%以上」 is 就職件数 ÷
  支援対象者数). Rounded to 3 places; 0 without targets. It can exceed 1.
- ``placed_persons``: distinct persons who became support targets in the period and started
  a job in it, counted in the month of the later of the two, under the 区分/担当 of the
  episode of their first job in the period on that day. ``placed_person_rate``
  (支援対象者のうち就職した人の割合): placed_persons / support_targets, rounded to 3 places.
- ``protection_ended_by_work`` (就労による保護廃止): 保護廃止 outcomes (ProtectionOutcome
  ``abolished``, recorded on the placement) decided in the period, for 生活保護受給者 only.
  ``protection_reduced`` (減額): ``reduced`` outcomes, likewise. ``self_reliance_benefit``
  (就労自立給付金): outcomes of the period with the benefit applied for, likewise. A closure
  reason alone does not count.
- ``job_referrals`` (職業紹介件数), ``interviews`` (面接件数), ``hires`` (採用): Hello Work
  activities of those kinds (採否 = 採用 for hires) dated in the period.
- ``retention``: per checkpoint (``1m``, ``3m``, ``6m``, or the configured months):
  ``due`` = checkpoints due in the period **and on or before the as-of date** (a check not
  yet due is not a failure); ``confirmed_employed`` = of those, confirmed 継続就労 by the
  as-of date; ``rate`` = confirmed / due; ``overdue_unrecorded`` = of those, past their due
  date and not recorded by the as-of date (shown beside the rate, not counted as 離職). A
  check cancelled with its episode (中止) is recorded: due, not confirmed, not overdue.
- ``by_category``, ``by_staff``: the same block per 区分 and per caseworker. A caseworker's
  report shows only their own row in ``by_staff``.
- ``by_hello_work_office``: per Hello Work office (the referral's office): ``referrals``,
  ``job_referrals``, ``interviews``, ``hires``.
- ``monthly``: the counts per month, from the period's first month to the as-of month.
- ``targets``: for a fiscal-year period, each configured annual target with the actual value
  and ``achievement`` = actual / target (rounded to 3 places; null for a target of 0).
- Before and beside the referral — ``assessed_persons``, ``routes``, ``work_experience_days``,
  ``employers``, ``support_costs_total``, ``meetings`` — overall and in each
  ``by_organisation`` block (a report for one organisation: its own events only): defined
  in services/report_routes.py.

Every count is one SQL aggregation over the whole table, grouped by (区分, 担当者, month);
Python only adds up those few hundred grouped rows into the overall, per-category, per-staff
and monthly views.
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
    HelloWorkActivity,
    HelloWorkOffice,
    Organisation,
    Placement,
    ProtectionOutcome,
    Referral,
    RetentionCheckpoint,
    Transition,
    User,
)
from desktop.services import audit, report_routes
from desktop.services.attribution import AttributedAt
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.labels import CATEGORIES
from desktop.services.settings import read_setting

_t = translator("Reports")
PUBLIC_ASSISTANCE = "public_assistance"
REGULAR_TERMS = ("indefinite", "over_4m")
REFERRAL_ROUTE = "hello_work"
COUNT_KEYS = ("referrals", "support_targets", "placements", "regular_placements",
              "referral_placements", "placed_persons", "protection_ended_by_work",
              "protection_reduced", "self_reliance_benefit", "job_referrals", "interviews",
              "hires")
RATES = {"placement_rate": "placements", "placed_person_rate": "placed_persons"}
# The order of a block's keys in the JSON.
BLOCK_ORDER = ("referrals", "support_targets", "placements", "regular_placements",
               "referral_placements", "placed_persons", "placement_rate", "placed_person_rate",
               "protection_ended_by_work", "protection_reduced", "self_reliance_benefit",
               "job_referrals", "interviews", "hires", "retention")
OFFICE_KEYS = ("referrals", "job_referrals", "interviews", "hires")
UNASSIGNED = "unassigned"

LABELS: dict[str, str] = {
    "referrals": N_("支援要請件数"),
    "support_targets": N_("支援対象者数"),
    "placements": N_("就職件数"),
    "regular_placements": N_("うち常用就職件数"),
    "referral_placements": N_("うち紹介就職件数"),
    "placed_persons": N_("就職者数（支援対象者のうち）"),
    "placement_rate": N_("就職率"),
    "placed_person_rate": N_("支援対象者のうち就職した人の割合"),
    "protection_ended_by_work": N_("就労による保護廃止件数"),
    "protection_reduced": N_("就労による保護減額件数"),
    "self_reliance_benefit": N_("就労自立給付金の件数"),
    "job_referrals": N_("職業紹介件数"),
    "interviews": N_("面接件数"),
    "hires": N_("採用件数"),
}
MAX_DAYS = 366 * 5


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

    def months(self, until: date | None = None) -> list[str]:
        """'YYYY-MM' of each month of the period, up to the month of ``until``."""
        last = min(self.end, until) if until is not None else self.end
        keys, cursor = [], self.start.replace(day=1)
        while cursor <= last:
            keys.append(cursor.strftime("%Y-%m"))
            cursor = add_months(cursor, 1)
        return keys


def _rate(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 3) if denominator else 0.0


class _Tally:
    """Grouped counts: (indicator, category, staff, organisation, month, n)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, int]] = []
        self._grouped: dict[tuple[str, str, str], dict[str, int]] | None = None

    def add(self, indicator: str, rows: Any) -> None:
        self._grouped = None
        for category, staff, organisation, month, n in rows:
            self.rows.append((indicator, category, str(staff or UNASSIGNED),
                              str(organisation or UNASSIGNED), month, int(n or 0)))

    def add_columns(self, indicators: tuple[str, ...], rows: Any) -> None:
        """Rows of (category, staff, organisation, month, n1, n2, ...) for several
        indicators at once."""
        for category, staff, organisation, month, *counts in rows:
            for indicator, n in zip(indicators, counts, strict=True):
                self.add(indicator, [(category, staff, organisation, month, n)])

    def totals(self, keep: Any = lambda group: True) -> dict[str, int]:
        """Sums of the rows whose group (category, staff, organisation) ``keep`` accepts.
        The rows are summed over the months once; each block (per 区分, 担当者,
        organisation) then walks the few groups, not every row."""
        if self._grouped is None:
            grouped: dict[tuple[str, str, str], dict[str, int]] = defaultdict(
                lambda: defaultdict(int))
            for ind, cat, staff, org, _m, n in self.rows:
                grouped[(cat, staff, org)][ind] += n
            self._grouped = grouped
        out = dict.fromkeys(COUNT_KEYS, 0)
        for group, counts in self._grouped.items():
            if keep(group):
                for ind, n in counts.items():
                    if ind in out:
                        out[ind] += n
        return out

    def by_month(self) -> dict[str, dict[str, int]]:
        """Every count per month, in one pass."""
        out: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNT_KEYS, 0))
        for ind, _c, _w, _o, month, n in self.rows:
            row = out[month]
            if ind in row:
                row[ind] += n
        return out


@dataclass(frozen=True)
class _Retention:
    """Grouped checkpoint counts: (category, staff, organisation, months, due, employed,
    overdue)."""

    rows: list[tuple[str, str, str, int, int, int, int]]

    def by_months(self, keep: Any = lambda group: True) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for cat, staff, org, m, due, employed, overdue in self.rows:
            if keep((cat, staff, org)):
                out[m][0] += due
                out[m][1] += employed
                out[m][2] += overdue
        return out


class ReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def indicators(self, actor: Actor, period: Period, *, as_of: date | None = None,
                   organisation_id: uuid.UUID | None = None, audit_action: str = "report",
                   **audit_detail: Any) -> dict[str, Any]:
        """The indicator report for ``period`` as of ``as_of`` (default: today), of every
        organisation or of ``organisation_id``'s events only, as JSON-ready data. Aggregate
        counts only (no person is named), so every role may run it, but only an
        administrator over another organisation or all of them: anyone else's report is of
        their own organisation (another one's is refused). A caseworker's 担当者別 holds only
        their own row, a supervisor's and a viewer's their organisation's staff. Audited with
        the period (noted: a report never holds the write lock while it counts)."""
        as_of = as_of or self.ctx.today()
        organisation_id = self._scope(actor, organisation_id)
        with self.ctx.db.read() as s:
            audit.check_signed_in(s, actor)  # the view is noted, not appended, below
            if organisation_id is not None and self._only_organisation(s):
                organisation_id = None  # the one organisation's report is the database's
            report = self._compute(s, actor, period, as_of, organisation_id)
        detail = dict(audit_detail)
        if organisation_id is not None:
            detail["organisation"] = str(organisation_id)
        self.ctx.views.note(actor, audit_action, "report",
                            period.fiscal_year or f"{period.start}..{period.end}",
                            start=period.start.isoformat(), end=period.end.isoformat(),
                            as_of=report["period"]["as_of"], **detail)
        return report

    @staticmethod
    def _scope(actor: Actor, organisation_id: uuid.UUID | None) -> uuid.UUID | None:
        """The organisation a report counts: any (or all) for an administrator; the
        actor's own for everyone else, who may not ask for another one's."""
        if actor.role == "admin" or actor.organisation_id is None:
            return organisation_id
        if organisation_id not in (None, actor.organisation_id):
            raise PermissionDenied(_t("他の組織の実績報告は作成できません"))
        return actor.organisation_id

    def organisations(self, actor: Actor) -> list[tuple[uuid.UUID, str]]:
        """The organisations ``actor`` can run a report for: every one for an
        administrator, their own for everyone else."""
        query = (select(Organisation.id, Organisation.name)
                 .where(Organisation.deleted_at.is_(None)).order_by(Organisation.name))
        own = self._scope(actor, None)
        if own is not None:
            query = query.where(Organisation.id == own)
        with self.ctx.db.read() as s:
            return [(i, n) for i, n in s.execute(query)]

    def export(self, actor: Actor, period: Period, fmt: str, as_of: date | None = None,
               organisation_id: uuid.UUID | None = None) -> bytes:
        """The report as a file (json, csv, xlsx or pdf), audited as an export."""
        from desktop.documents import reports as files

        if fmt not in ("json", "csv", "xlsx", "pdf"):
            raise InvalidInput("format", _t("形式は json・csv・xlsx・pdf のいずれかです"))
        data = self.indicators(actor, period, as_of=as_of, organisation_id=organisation_id,
                               audit_action="report_export", format=fmt)
        if fmt == "json":
            return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
        if fmt == "csv":
            return files.report_csv(data)
        if fmt == "xlsx":
            return files.report_xlsx(data)
        with self.ctx.db.read() as s:
            # The heading names the organisation reported on, else the reader's own.
            shown_org = organisation_id or actor.organisation_id
            org = s.get(Organisation, shown_org) if shown_org else None
            office = org.name if org is not None else ""
        return files.report_pdf(data, office, self.ctx.today())

    # ------------------------------------------------------------------ SQL

    def _compute(self, s: Session, actor: Actor, period: Period, as_of: date,
                 organisation_id: uuid.UUID | None) -> dict[str, Any]:
        # Events after the as-of date have not happened yet for this report.
        lo, hi = period.start, min(period.end, as_of)
        as_of = min(as_of, period.end)
        if organisation_id is not None and s.get(Organisation, organisation_id) is None:
            raise InvalidInput("organisation", _t("組織が見つかりません"))
        tally = _Tally()
        # Persons are never tombstoned apart from their episodes (purge deletes both), so
        # the episode's tombstone is the one to check: the person's row is not read at all.
        live = Episode.deleted_at.is_(None)

        def per_group(value: list[Any], event: Any, episode_id: Any, on: Any, *where: Any,
                      month: bool = True, extra: tuple[Any, ...] = (),
                      category: str | None = None) -> Any:
            """Events in the period → their episode → the 区分, 担当者 and organisation it had
            on the event's day (the person's 区分 and 担当者, if the episode was never
            referred); ``category`` keeps only events of that 区分, and a report for one
            organisation only that organisation's. The event's date index drives; every
            lookup stays in a covering index (0003, 0009)."""
            at = AttributedAt(episode_id, on)
            group = (at.category, at.caseworker, at.organisation, *extra)
            if month:
                group = (*group, month_key(on))
            if category is not None:
                where = (*where, at.category == category)
            if organisation_id is not None:
                where = (*where, at.organisation == organisation_id)
            return (select(*group, *value)
                    .select_from(event)
                    .join(Episode, Episode.id == episode_id)
                    .outerjoin(at.row, at.condition)
                    .where(live, *where).group_by(*group))

        def count_if(condition: Any) -> Any:
            return func.sum(case((condition, 1), else_=0))

        # 支援要請件数 (and per Hello Work office)
        offices: dict[Any, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OFFICE_KEYS, 0))
        for category, staff, org, office, month, n in s.execute(per_group(
                [func.count()], Referral, Referral.episode_id, Referral.referred_on,
                Referral.referred_on.between(lo, hi), Referral.deleted_at.is_(None),
                extra=(Referral.office_id,))):
            tally.add("referrals", [(category, staff, org, month, n)])
            offices[office]["referrals"] += int(n)

        # 支援対象者数: Hello Work accepted (支援要請済 → 支援中) in the period.
        accepted = and_(Transition.effective_on.between(lo, hi),
                        Transition.to_state == "active", Transition.from_state == "referred",
                        Transition.deleted_at.is_(None))
        tally.add("support_targets", s.execute(per_group(
            [func.count(distinct(Transition.episode_id))], Transition, Transition.episode_id,
            Transition.effective_on, accepted)))

        # 就職件数, 常用就職, 紹介就職
        placed = and_(Placement.start_on.between(lo, hi), Placement.deleted_at.is_(None))
        tally.add_columns(("placements", "regular_placements", "referral_placements"),
                          s.execute(per_group(
                              [func.count(), count_if(Placement.term_category.in_(REGULAR_TERMS)),
                               count_if(Placement.route == REFERRAL_ROUTE)],
                              Placement, Placement.episode_id, Placement.start_on, placed)))

        # 就職者数 (支援対象者のうち)
        tally.add("placed_persons", s.execute(
            self._placed_persons(accepted, placed, organisation_id)))

        # 保護: outcomes recorded on the placement, for 生活保護受給者 only.
        tally.add_columns(
            ("protection_ended_by_work", "protection_reduced", "self_reliance_benefit"),
            s.execute(per_group(
                [count_if(ProtectionOutcome.kind == "abolished"),
                 count_if(ProtectionOutcome.kind == "reduced"),
                 count_if(ProtectionOutcome.independence_benefit.is_(True))],
                ProtectionOutcome, ProtectionOutcome.episode_id, ProtectionOutcome.decided_on,
                ProtectionOutcome.decided_on.between(lo, hi),
                ProtectionOutcome.deleted_at.is_(None), category=PUBLIC_ASSISTANCE)))

        # 職業紹介・面接・採用 (Hello Work's activities, and per office)
        activity_keys = ("job_referrals", "interviews", "hires")
        for category, staff, org, office, month, *values in s.execute(per_group(
                self._activity_counts(), HelloWorkActivity, HelloWorkActivity.episode_id,
                HelloWorkActivity.activity_on, HelloWorkActivity.activity_on.between(lo, hi),
                HelloWorkActivity.kind.in_(("job_referral", "interview", "outcome")),
                HelloWorkActivity.deleted_at.is_(None), extra=(HelloWorkActivity.office_id,))):
            tally.add_columns(activity_keys, [(category, staff, org, month, *values)])
            for key, n in zip(activity_keys, values, strict=True):
                offices[office][key] += int(n or 0)

        # 定着状況: checkpoints due in the period, on or before the as-of date.
        recorded = and_(RetentionCheckpoint.done_on.is_not(None),
                        RetentionCheckpoint.done_on <= as_of)
        retention = _Retention([
            (c, str(w or UNASSIGNED), str(o or UNASSIGNED), int(m), int(n), int(e or 0),
             int(late or 0))
            for c, w, o, m, n, e, late in s.execute(per_group(
                [func.count(),
                 count_if(and_(recorded, RetentionCheckpoint.result == "employed")),
                 count_if(and_(RetentionCheckpoint.due_on < as_of, ~recorded))],
                RetentionCheckpoint, RetentionCheckpoint.episode_id, RetentionCheckpoint.due_on,
                RetentionCheckpoint.due_on.between(lo, hi),
                RetentionCheckpoint.deleted_at.is_(None),
                month=False, extra=(RetentionCheckpoint.months,)))])
        months = sorted(set(read_setting(s, "checkpoint_months")) | {
            r[3] for r in retention.rows})

        by_office = self._office_names(s, offices)
        staff = self._staff(s, {r[2] for r in tally.rows} | {r[1] for r in retention.rows}
                            | {str(actor.user_id)})
        organisations = self._organisation_names(s, {r[3] for r in tally.rows}
                                                 | {r[2] for r in retention.rows})
        scope = None
        if organisation_id is not None:
            scope = organisations.get(str(organisation_id)) or self._organisation_names(
                s, {str(organisation_id)})[str(organisation_id)]
        report = self._assemble(actor, period, as_of, tally, retention, months, staff,
                                organisations, by_office,
                                self._targets(s, period) if organisation_id is None else {},
                                scope)
        routes, route_orgs = report_routes.compute(s, lo, hi)
        if organisation_id is not None:
            # One organisation's report: its own counts are the report's.
            own = route_orgs.get(str(organisation_id)) or report_routes.empty_block()
            routes = {k: own[k] for k in report_routes.KEYS}
            route_orgs = {str(organisation_id): own}
        return self._with_routes(report, routes, route_orgs, organisations)

    @staticmethod
    def _only_organisation(s: Session) -> bool:
        """One organisation in the database: its report is the database's, targets and
        all (targets are set per database)."""
        return (s.scalar(select(func.count()).select_from(Organisation)
                         .where(Organisation.deleted_at.is_(None))) or 0) <= 1

    @staticmethod
    def _activity_counts() -> list[Any]:
        def count_if(condition: Any) -> Any:
            return func.sum(case((condition, 1), else_=0))

        return [count_if(HelloWorkActivity.kind == "job_referral"),
                count_if(HelloWorkActivity.kind == "interview"),
                count_if(and_(HelloWorkActivity.kind == "outcome",
                              HelloWorkActivity.result == "hired"))]

    @staticmethod
    def _placed_persons(accepted: Any, placed: Any,
                        organisation_id: uuid.UUID | None) -> Any:
        """Persons accepted and placed in the period, counted once, in the month of the
        later of the two, under the 区分/担当/organisation of their first job's episode on
        that day."""
        targets = (select(Episode.person_id.label("pid"),
                          func.min(Transition.effective_on).label("t"))
                   .select_from(Transition).join(Episode, Episode.id == Transition.episode_id)
                   .where(accepted, Episode.deleted_at.is_(None))
                   .group_by(Episode.person_id).subquery())
        # Ties broken by the episode (in the covering index), not the placement's id.
        ranked = (select(Episode.person_id, Placement.episode_id.label("eid"),
                         Placement.start_on.label("p"), Episode.category_at_referral,
                         Episode.caseworker_at_referral, Episode.organisation_at_referral,
                         Episode.organisation_id,
                         func.row_number().over(partition_by=Episode.person_id,
                                                order_by=(Placement.start_on,
                                                          Placement.episode_id))
                         .label("n"))
                  .select_from(Placement).join(Episode, Episode.id == Placement.episode_id)
                  .where(placed, Episode.deleted_at.is_(None)).subquery())
        later = case((targets.c.t > ranked.c.p, targets.c.t), else_=ranked.c.p)
        at = AttributedAt(ranked.c.eid, later, episode=ranked.c)
        group = (at.category, at.caseworker, at.organisation, month_key(later))
        query = (select(*group, func.count())
                 .select_from(targets).join(ranked, and_(ranked.c.person_id == targets.c.pid,
                                                         ranked.c.n == 1))
                 .outerjoin(at.row, at.condition)
                 .group_by(*group))
        if organisation_id is not None:
            query = query.where(at.organisation == organisation_id)
        return query

    @staticmethod
    def _office_names(s: Session,
                      counts: dict[Any, dict[str, int]]) -> dict[str, dict[str, int]]:
        """The per-office counts by office name: every office registered (zeros included)
        and any deleted one still holding events of the period."""
        names = dict(s.execute(select(HelloWorkOffice.id, HelloWorkOffice.name)
                               .where(HelloWorkOffice.deleted_at.is_(None))).all())
        missing = [k for k in counts if k not in names]
        if missing:
            names.update(s.execute(select(HelloWorkOffice.id, HelloWorkOffice.name)
                                   .where(HelloWorkOffice.id.in_(missing))).all())
        return {names[k]: dict(counts.get(k, dict.fromkeys(OFFICE_KEYS, 0)))
                for k in sorted(names, key=lambda k: names[k])}

    @staticmethod
    def _organisation_names(s: Session, ids: set[str]) -> dict[str, str]:
        """Organisation ids (as text) → names: every organisation in use, and any (even
        one since removed) that events of the period are counted under."""
        names = {}
        for oid, name, deleted in s.execute(
                select(Organisation.id, Organisation.name, Organisation.deleted_at)):
            if deleted is None or str(oid) in ids:
                names[str(oid)] = name
        if UNASSIGNED in ids:
            names[UNASSIGNED] = _t("（組織なし）")
        return names

    @staticmethod
    def _with_routes(report: dict[str, Any], routes: dict[str, Any],
                     by_organisation: dict[str, dict[str, Any]],
                     names: dict[str, str]) -> dict[str, Any]:
        """The counts before and beside the referral after the referral's own, and in each
        organisation's block of ``by_organisation`` (by name; zeros for one without any)."""
        out: dict[str, Any] = {}
        for key, value in report.items():
            out[key] = value
            if key == "retention":
                out.update(routes)
        counted = {names.get(oid, oid): block for oid, block in by_organisation.items()}
        for name, block in out["by_organisation"].items():
            extra = counted.get(name) or report_routes.empty_block()
            block.update({k: extra[k] for k in report_routes.KEYS})
        return out

    def _staff(self, s: Session, ids: set[str]) -> dict[str, tuple[str, str, str]]:
        """Staff ids (as text) → (username, display name, organisation id as text)."""
        real = [uuid.UUID(str(i)) if not isinstance(i, uuid.UUID) else i
                for i in ids if i != UNASSIGNED]
        names: dict[str, tuple[str, str, str]] = {
            UNASSIGNED: (UNASSIGNED, _t("（担当者なし）"), "")}
        if real:
            for uid, username, display, org in s.execute(
                    select(User.id, User.username, User.display_name, User.organisation_id)
                    .where(User.id.in_(real))):
                names[str(uid)] = (username, display, str(org) if org else "")
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
        for rate, numerator in RATES.items():
            block[rate] = _rate(counts[numerator], counts["support_targets"])
        block["retention"] = {}
        for m in months:
            due, employed, overdue = retention.get(m, [0, 0, 0])
            block["retention"][f"{m}m"] = {"due": due, "confirmed_employed": employed,
                                           "rate": _rate(employed, due),
                                           "overdue_unrecorded": overdue}
        return {k: block[k] for k in BLOCK_ORDER}

    def _assemble(self, actor: Actor, period: Period, as_of: date, tally: _Tally,
                  retention: _Retention, months: list[int],
                  staff: dict[str, tuple[str, str, str]], organisations: dict[str, str],
                  offices: dict[str, dict[str, int]], targets: dict[str, int | float],
                  scope: str | None) -> dict[str, Any]:
        def block(keep: Any) -> dict[str, Any]:
            return self._block(tally.totals(keep), retention.by_months(keep), months)

        overall = block(lambda g: True)
        by_category = {cat: block(lambda g, cat=cat: g[0] == cat) for cat in CATEGORIES}
        staff_ids = {r[2] for r in tally.rows} | {r[1] for r in retention.rows}
        if actor.role == "caseworker":
            # Their own row, not their colleagues' (even when they have nothing yet).
            staff_ids = {str(actor.user_id)}
        elif actor.role in ("supervisor", "viewer"):
            # Their organisation's staff.
            mine = str(actor.organisation_id)
            staff_ids = {i for i in staff_ids if staff.get(i, ("", "", ""))[2] == mine}
        by_staff = {}
        for sid in sorted(staff_ids, key=lambda i: staff.get(i, (i, i, ""))[0]):
            username, display, _org = staff.get(sid, (sid, sid, ""))
            by_staff[username] = {"name": display, **block(lambda g, sid=sid: g[1] == sid)}
        shown_orgs = set(organisations) if scope is None else {
            oid for oid, name in organisations.items() if name == scope}
        by_organisation = {
            organisations[oid]: block(lambda g, oid=oid: g[2] == oid)
            for oid in sorted(shown_orgs, key=lambda o: organisations[o])}
        per_month = tally.by_month()
        monthly = [{"month": key, **per_month[key]} for key in period.months(as_of)]
        target_block = {}
        for indicator, value in sorted(targets.items()):
            actual = overall.get(indicator, 0)
            target_block[indicator] = {
                "target": value, "actual": actual,
                "achievement": round(actual / value, 3) if value else None}
        return {
            "period": {"from": period.start.isoformat(), "to": period.end.isoformat(),
                       "fiscal_year": period.fiscal_year, "label": period.label,
                       "as_of": as_of.isoformat(), "organisation": scope},
            **overall,
            "by_category": by_category,
            "by_staff": by_staff,
            "by_organisation": by_organisation,
            "by_hello_work_office": offices,
            "monthly": monthly,
            "targets": target_block,
        }


def category_label(key: str) -> str:
    return CATEGORIES.get(key, key)


def month_label(key: str) -> str:
    y, m = (int(x) for x in key.split("-"))
    return shown_month(y, m)
