"""Every record of the domain (docs/DOMAIN.md) as a typed SQLAlchemy 2.x mapping.

Portable types only (String, Text, Date, DateTime, Integer, Boolean, JSON, Uuid) so the same
models run on SQLite/SQLCipher and PostgreSQL. Labels shown to people live in the services'
label tables, not here.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Tracked, utcnow

__all__ = [
    "AnnualTarget",
    "AuditEntry",
    "Base",
    "CaseAssignment",
    "CaseShare",
    "Consent",
    "ConsentScan",
    "ContactLog",
    "Employer",
    "Episode",
    "EpisodeReassignment",
    "HelloWorkActivity",
    "HelloWorkOffice",
    "IssuedDocument",
    "IssuedKit",
    "LoginThrottle",
    "Meeting",
    "MeetingCase",
    "Organisation",
    "Person",
    "Placement",
    "Plan",
    "PlanReview",
    "ProtectionOutcome",
    "ReadinessAssessment",
    "Referral",
    "RetentionCheckpoint",
    "RouteChange",
    "Setting",
    "SupportActivity",
    "SupportCost",
    "SupportExtension",
    "Transition",
    "User",
]


class Organisation(Tracked, Base):
    """One of the database's own organisations: a 福祉事務所 or a 自立相談支援機関 (直営・委託).

    Its identity is the issuer printed on every form; staff and episodes belong to one."""

    __tablename__ = "organisations"
    # welfare_office | independent_support_direct | independent_support_contracted | other
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100), unique=True)  # official name (正式名称)
    head_title: Mapped[str] = mapped_column(String(100), default="")  # e.g. 中区福祉保健センター長
    head_name: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    fax: Mapped[str] = mapped_column(String(20), default="")
    doc_symbol: Mapped[str] = mapped_column(String(16), default="")  # 文書記号, e.g. 中福
    seal_omitted: Mapped[bool] = mapped_column(Boolean, default=True)  # 公印省略, else a 公印 box
    # The section that sends the forms (担当課・係: 生活支援課 就労支援係), printed with the
    # sender's name on the 送付書 and the 担当者 lines (migration 0010).
    section: Mapped[str] = mapped_column(String(100), default="")


class User(Tracked, Base):
    """A staff account: 地区担当員, 就労支援員, 査察指導員 or 管理者, of one organisation."""

    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # admin | supervisor | caseworker | viewer
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"),
                                                       index=True)
    phone_extension: Mapped[str] = mapped_column(String(16), default="")  # 内線, on forms
    password_hash: Mapped[str] = mapped_column(String(255))
    # An initial or reset password: nothing but changing it is allowed until it is changed.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)


class HelloWorkOffice(Tracked, Base):
    """公共職業安定所: the office a referral is addressed to (a reference list, not ours).

    ``name`` is the name people use (ハローワーク横浜; consents name the office by it), the
    official name and the head's title address the printed referral."""

    __tablename__ = "hello_work_offices"
    name: Mapped[str] = mapped_column(String(100), unique=True)
    official_name: Mapped[str] = mapped_column(String(100), default="")  # 横浜公共職業安定所
    head_title: Mapped[str] = mapped_column(String(100), default="")  # 横浜公共職業安定所長
    kind: Mapped[str] = mapped_column(String(16), default="main")  # main | satellite (常設窓口)
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    # 就職支援ナビゲーター (contacts, not users): [{"name": ..., "phone": ...}, ...]
    navigators: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # never deleted once used


def _key_text(length: int) -> String:
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Person(Tracked, Base):
    """支援対象者: a support recipient. Never holds a My Number (個人番号)."""

    __tablename__ = "persons"
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(50))
    given_name: Mapped[str] = mapped_column(String(50))
    family_kana: Mapped[str] = mapped_column(String(100))
    given_kana: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(8))  # male | female | other | None
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone_home: Mapped[str] = mapped_column(String(20), default="")
    phone_mobile: Mapped[str] = mapped_column(String(20), default="")
    household: Mapped[str] = mapped_column(Text, default="")  # 世帯状況
    category: Mapped[str] = mapped_column(String(24))  # 対象者区分 key
    barriers: Mapped[str] = mapped_column(Text, default="")  # 就労阻害要因
    education: Mapped[str] = mapped_column(Text, default="")
    work_history: Mapped[str] = mapped_column(Text, default="")
    licences: Mapped[str] = mapped_column(Text, default="")
    desired_job: Mapped[str] = mapped_column(String(200), default="")
    desired_hours: Mapped[str] = mapped_column(String(100), default="")
    desired_wage: Mapped[str] = mapped_column(String(100), default="")
    desired_area: Mapped[str] = mapped_column(String(100), default="")
    caseworker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # The organisation responsible now (its supervisors and viewers read the case). Nullable
    # only because SQLite cannot add a NOT NULL column to the table in place; the services
    # always set it.
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    # Search keys (NFKC + kana folding), maintained by the person service.
    # On PostgreSQL in the "C" collation: compared by code point as on SQLite, so that a
    # prefix is a range and readings sort in 五十音 order (migration 0005).
    name_key: Mapped[str] = mapped_column(_key_text(100), index=True)
    given_name_key: Mapped[str] = mapped_column(_key_text(50), index=True)
    kana_key: Mapped[str] = mapped_column(_key_text(100), index=True)
    given_kana_key: Mapped[str] = mapped_column(_key_text(100), index=True)
    case_number_key: Mapped[str] = mapped_column(_key_text(32), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Local integer handle for the SQLite FTS5 index (its rowid); not synchronised.
    search_no: Mapped[int] = mapped_column(Integer, unique=True)

    __table_args__ = (
        Index("ix_persons_kana_birth", "kana_key", "birth_date"),  # duplicate check
        # A caseworker's list in reading order, walked page by page.
        Index("ix_persons_caseworker_kana", "caseworker_id", "kana_key"),
        Index("ix_persons_caseworker_case_number", "caseworker_id", "case_number_key"),
        # The list's other sort orders (migration 0008), walked for the whole office and,
        # skipping the others' persons, for one caseworker or organisation. With statistics,
        # SQLite once skip-scanned an index leading with the category for reading prefixes
        # (1-character search 60x slower): search now names the index of each key it walks
        # (INDEXED BY).
        Index("ix_persons_birth_date", "birth_date"),
        Index("ix_persons_category_kana", "category", "kana_key"),
        # One organisation's list (a supervisor's) by reading and by case number (migration 0007).
        Index("ix_persons_organisation_kana", "organisation_id", "kana_key"),
        Index("ix_persons_organisation_case_number", "organisation_id", "case_number_key"),
        # Reports group events by the person's 区分 and staff: this narrow covering index
        # answers that lookup without touching the wide person rows.
        Index("ix_persons_report", "id", "category", "caseworker_id", "deleted_at"),
    )


class CaseShare(Tracked, Base):
    """A person's case shared with a caseworker other than the one in charge."""

    __tablename__ = "case_shares"
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    __table_args__ = (UniqueConstraint("person_id", "user_id", name="uq_case_shares_person_user"),)


class CaseAssignment(Tracked, Base):
    """担当の履歴: from ``effective_on`` the person's case is ``caseworker_id``'s (None:
    unassigned), in ``organisation_id``. Written at intake, import and every reassignment, so
    that a report can count by the caseworker and organisation of the day."""

    __tablename__ = "case_assignments"
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    # The episode open at the time, if any.
    episode_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"))
    caseworker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    previous_caseworker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(16))  # intake | reassign | transfer | import


class Episode(Tracked, Base):
    """支援エピソード: one run of support for one person. Its state changes only by Transition."""

    __tablename__ = "episodes"
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    # The organisation running the episode: set at intake, moved only with the open case
    # to another organisation's caseworker (case_assignments keeps the days).
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    # No index on state: most episodes share a handful of states, and an index there lures
    # the planner away from the ordered person indexes the caseload list pages through.
    state: Mapped[str] = mapped_column(String(16))
    state_since: Mapped[date] = mapped_column(Date)
    intake_on: Mapped[date] = mapped_column(Date)  # 受付日
    screening_decision: Mapped[str | None] = mapped_column(String(16))  # approved | rejected
    screening_decided_on: Mapped[date | None] = mapped_column(Date)
    screening_meeting: Mapped[str] = mapped_column(String(100), default="")  # 所内協議 等
    support_start_on: Mapped[date | None] = mapped_column(Date)
    planned_end_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    # Hello Work's side of the case: 求職番号 and the 就職支援ナビゲーター in charge.
    job_seeker_number: Mapped[str] = mapped_column(String(32), default="", server_default="")
    navigator: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # 区分, 担当 and organisation frozen at the first 支援要請: the report counts the episode's
    # events under them (under a later caseworker and organisation from a reassignment on:
    # EpisodeReassignment).
    category_at_referral: Mapped[str | None] = mapped_column(String(24))
    caseworker_at_referral: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    organisation_at_referral: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # 支援の経路 (labels.ROUTES): the one the screening decision led to, and the one the
    # person is on now (changed only by RouteChange; None until a decision approves).
    screening_route: Mapped[str | None] = mapped_column(String(24))
    route: Mapped[str | None] = mapped_column(String(24))

    __table_args__ = (
        # Covering indexes for reports: closures in a period, and episode → person lookups
        # (with the frozen 区分 and 担当) that stay in a small index instead of the table.
        Index("ix_episodes_closed_report", "closed_on", "closure_reason", "person_id",
              "deleted_at"),
        Index("ix_episodes_report", "id", "person_id", "category_at_referral",
              "caseworker_at_referral", "organisation_at_referral", "organisation_id",
              "deleted_at"),
        # The list sorted by 状態 or 状態の日付 walks this from the episode side; the state
        # inside lets a walk for one state skip the others without reading their rows.
        Index("ix_episodes_state_since", "state_since", "state"),
        # 支援終了予定: the agenda's period ends and the list sorted by it (most early end
        # dates belong to closed episodes, skipped inside the index).
        Index("ix_episodes_planned_end_state", "planned_end_on", "state"),
    )


class EpisodeReassignment(Tracked, Base):
    """担当替え: from ``valid_from`` (until ``valid_to``, exclusive; empty for the one in
    force) the episode's events count under ``caseworker_id`` and ``organisation_id``
    instead of those it was referred under (Episode.caseworker_at_referral,
    organisation_at_referral). Only reassignments of a referred, open episode make a row, so
    the report's lookup probes a small index. (CaseAssignment is the person's whole history,
    for people to read.)"""

    __tablename__ = "episode_reassignments"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    caseworker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))

    __table_args__ = (
        Index("ix_episode_reassignments_report", "episode_id", "valid_from", "valid_to",
              "caseworker_id", "organisation_id", "deleted_at"),
    )


class Transition(Tracked, Base):
    """One stored change of an episode's state (from, to, date, who, note)."""

    __tablename__ = "transitions"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    effective_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_transitions_report", "effective_on", "to_state", "from_state", "episode_id",
              "deleted_at"),
        # 支援対象者: the acceptances (支援要請済 → 支援中) of a period, without walking every
        # other transition of those days.
        Index("ix_transitions_accepted", "to_state", "from_state", "effective_on", "episode_id",
              "deleted_at"),
    )


class RouteChange(Tracked, Base):
    """経路の変更: the episode's route from one day (the screening decision's route, then
    every move, e.g. 就労準備支援事業 → ハローワークへの支援要請 and back)."""

    __tablename__ = "route_changes"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    from_route: Mapped[str | None] = mapped_column(String(24))
    to_route: Mapped[str] = mapped_column(String(24))
    effective_on: Mapped[date] = mapped_column(Date)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    note: Mapped[str] = mapped_column(Text, default="")


class ReadinessAssessment(Tracked, Base):
    """就労準備度: the structured readiness check made at 検討, each item scored 1–4 with a
    short note. A revision adds a row (the latest is the assessment in force); the item
    labels are kept in the row, so changing the configured items leaves old ones as made."""

    __tablename__ = "readiness_assessments"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # [{"item": "生活リズム", "score": 3, "note": "..."}, ...]
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        UniqueConstraint("episode_id", "revision", name="uq_readiness_assessments_episode_rev"),
        Index("ix_readiness_assessments_report", "assessed_on", "episode_id", "deleted_at"),
    )


class Employer(Tracked, Base):
    """協力事業所: an employer cooperating with the office (職場体験, 中間的就労, 求人,
    定着支援への協力). A reference list kept across cases: placements and 職場体験 pick
    from it, and its history is the persons placed or hosted there."""

    __tablename__ = "employers"
    name: Mapped[str] = mapped_column(String(200))
    # NFKC, kana-folded, spaceless name: duplicates are refused whatever the width.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    # Name, industry, address and contact folded the same way, for the registry's search.
    search_key: Mapped[str] = mapped_column(Text, default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    offers: Mapped[list[str]] = mapped_column(JSON, default=list)  # labels.EMPLOYER_OFFERS
    note: Mapped[str] = mapped_column(Text, default="")
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    # The organisation that registered it (the report's 新規 per organisation).
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # never deleted once used


class SupportActivity(Tracked, Base):
    """A support activity of a route besides the Hello Work referral, with its outcome:
    就労準備支援事業 (provider, dates, attendance), 職場体験・中間的就労 (協力事業所, dates,
    days attended, evaluation) or 職業訓練 (求職者支援訓練 / 公共職業訓練: course, school,
    dates, result)."""

    __tablename__ = "support_activities"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))  # labels.ACTIVITY_KINDS
    # 職場体験 / 中間的就労, or 求職者支援訓練 / 公共職業訓練; "" for 就労準備支援事業.
    subtype: Mapped[str] = mapped_column(String(32), default="")
    provider: Mapped[str] = mapped_column(String(200), default="")  # 実施事業者・訓練実施機関
    course: Mapped[str] = mapped_column(String(200), default="")  # 訓練科・体験の内容
    employer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employers.id"),
                                                          index=True)
    start_on: Mapped[date] = mapped_column(Date)
    planned_end_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    planned_days: Mapped[int | None] = mapped_column(Integer)
    days_attended: Mapped[int | None] = mapped_column(Integer)
    evaluation: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(16))  # labels.ACTIVITY_OUTCOMES
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_support_activities_started", "start_on", "kind", "episode_id",
              "deleted_at"),
        Index("ix_support_activities_ended", "end_on", "kind", "outcome", "episode_id",
              "deleted_at"),
    )


class SupportCost(Tracked, Base):
    """支援費用: 交通費 or another cost of job-search support paid to a person (date,
    purpose, amount in yen, funding source), for the receipt list and the report's totals."""

    __tablename__ = "support_costs"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    paid_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # labels.COST_KINDS
    purpose: Mapped[str] = mapped_column(String(24))  # labels.COST_PURPOSES
    description: Mapped[str] = mapped_column(String(200), default="")  # 区間・品目
    amount: Mapped[int] = mapped_column(Integer)
    funding_source: Mapped[str] = mapped_column(String(100))
    __table_args__ = (
        Index("ix_support_costs_report", "paid_on", "episode_id", "amount", "deleted_at"),
    )


class Meeting(Tracked, Base):
    """会議: a 支援調整会議, ケース会議 or ハローワーク連絡会議 held by one of the database's
    organisations, with the organisations and people attending (navigators included)."""

    __tablename__ = "meetings"
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(24))  # labels.MEETING_KINDS
    title: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    # [{"name": "ハローワーク新宿", "side": "hello_work"}, ...]: as consents name them.
    organisations: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # [{"name": "田島 聡子", "organisation": "ハローワーク新宿", "role": "就職支援ナビゲーター"}]
    attendees: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_meetings_report", "held_on", "organisation_id", "deleted_at"),
    )


class MeetingCase(Tracked, Base):
    """A case discussed at a meeting and its decision; the decision is also an entry of the
    person's ケース記録 (``contact_id``), so it stands in their history."""

    __tablename__ = "meeting_cases"
    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact_logs.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("meeting_id", "episode_id", name="uq_meeting_cases_meeting_episode"),
    )


class SupportExtension(Tracked, Base):
    """支援期間の延長: a later planned end with its reason."""

    __tablename__ = "support_extensions"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    previous_end_on: Mapped[date | None] = mapped_column(Date)
    new_end_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class Consent(Tracked, Base):
    """同意: 参加同意 (participation) or 情報提供同意 (information sharing)."""

    __tablename__ = "consents"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))  # participation | information_sharing
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    scope: Mapped[list[str]] = mapped_column(JSON, default=list)
    signed_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")
    wording_version: Mapped[str] = mapped_column(String(32))
    wording_text: Mapped[str] = mapped_column(Text)
    wording_hash: Mapped[str] = mapped_column(String(64))
    # Unused since 0010: scans are ConsentScan rows (encrypted, never in outreach kits).
    scan: Mapped[bytes | None] = mapped_column(LargeBinary)
    scan_mime: Mapped[str | None] = mapped_column(String(64))
    # False for a consent whose scope nobody has read off the signed paper yet (a ledger
    # import): nothing is shared under it until a person confirms the scope (migration 0010).
    scope_confirmed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ConsentScan(Tracked, Base):
    """The scanned signed original of a consent (PDF, JPEG or PNG). ``content`` is encrypted
    (AES-GCM under a key derived from the database's audit key: services/scans.py); the
    referral packet carries it as the consent's copy."""

    __tablename__ = "consent_scans"
    consent_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("consents.id", ondelete="CASCADE"), index=True)
    mime: Mapped[str] = mapped_column(String(32))  # application/pdf | image/jpeg | image/png
    filename: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer)  # of the file as attached
    sha256: Mapped[str] = mapped_column(String(64))  # of the file as attached
    content: Mapped[bytes] = mapped_column(LargeBinary)  # nonce + ciphertext


class Referral(Tracked, Base):
    """支援要請: a request from the welfare office to Hello Work."""

    __tablename__ = "referrals"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    # The document number as printed (中福第123号), set when the 支援要請書 is issued (an
    # IssuedDocument of the organisation's register); None until then. Numbers restart
    # every fiscal year, so they are not unique here. Before 0010: 2026-0001, set when the
    # referral was recorded (printed after the 文書記号: 中福第2026-0001号).
    number: Mapped[str | None] = mapped_column(String(32))
    referred_on: Mapped[date] = mapped_column(Date)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hello_work_offices.id"))
    sent_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # sent | accepted | returned (差戻し) | withdrawn (取下げ: the case closed while waiting)
    status: Mapped[str] = mapped_column(String(16), default="sent")
    status_on: Mapped[date | None] = mapped_column(Date)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    printed_at: Mapped[datetime | None] = mapped_column(default=None)
    # While the case is in support (支援中): the day of Hello Work's latest news on it (the
    # acceptance or the return to 支援中, then the latest activity); empty otherwise.
    # 今日の予定 lists the referrals silent for N days: one range of a small index.
    last_news_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (
        Index("ix_referrals_status_referred_on", "status", "referred_on"),
        Index("ix_referrals_silence", "status", "last_news_on"),
        Index("ix_referrals_report", "referred_on", "episode_id", "office_id", "deleted_at"),
    )


PROPOSAL = ("kind = 'outcome' AND result = 'hired' AND placement_id IS NULL"
            " AND dismissed_on IS NULL AND deleted_at IS NULL")


class HelloWorkActivity(Tracked, Base):
    """ハローワークの支援: one step of Hello Work's support on a referred case — 職業相談,
    職業紹介, 応募, 面接, 採否 (採用/不採用/辞退) or セミナー・訓練 — entered by the caseworker
    or brought back on the 支援状況連絡票. A 採用 not yet recorded as a placement is a
    proposal for the caseworker to confirm (``placement_id`` empty, not dismissed)."""

    __tablename__ = "hello_work_activities"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"))
    # The Hello Work office of the referral it belongs to (counts per office stay frozen).
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hello_work_offices.id"))
    kind: Mapped[str] = mapped_column(String(16))
    activity_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)  # セミナー・訓練: the last day
    company: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(200), default="")  # セミナー・訓練の名称
    result: Mapped[str | None] = mapped_column(String(16))  # 採否: hired | rejected | declined
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16), default="manual")  # manual | exchange
    placement_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("placements.id", ondelete="SET NULL"))
    dismissed_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_hello_work_activities_episode", "episode_id", "activity_on"),
        # Reports count activities of a period by kind, and per Hello Work office.
        Index("ix_hello_work_activities_report", "activity_on", "kind", "result", "episode_id",
              "office_id", "deleted_at"),
        # 今日の予定: the 採用 waiting to be recorded as a placement (a handful at any time).
        Index("ix_hello_work_activities_proposals", "activity_on",
              sqlite_where=text(PROPOSAL), postgresql_where=text(PROPOSAL)),
    )


class Plan(Tracked, Base):
    """就労支援プラン. Revisions add a row; the latest revision is the plan in force."""

    __tablename__ = "plans"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    team: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    goal_job: Mapped[str] = mapped_column(String(200), default="")
    goal_employment_type: Mapped[str] = mapped_column(String(32), default="")
    goal_hours: Mapped[str] = mapped_column(String(100), default="")
    goal_wage: Mapped[str] = mapped_column(String(100), default="")
    goal_area: Mapped[str] = mapped_column(String(100), default="")
    goal_target_on: Mapped[date | None] = mapped_column(Date)
    barriers: Mapped[str] = mapped_column(Text, default="")
    menu: Mapped[list[str]] = mapped_column(JSON, default=list)
    role_hello_work: Mapped[str] = mapped_column(Text, default="")
    role_welfare: Mapped[str] = mapped_column(Text, default="")
    # The plan's date (作成日) as the caseworker entered it; None for plans made before 0010
    # (printed with the day support started, or the revision's recording day).
    planned_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("episode_id", "revision", name="uq_plans_episode_rev"),)


class PlanReview(Tracked, Base):
    """A review date of a plan and, once held, its result."""

    __tablename__ = "plan_reviews"
    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str] = mapped_column(Text, default="")


class ContactLog(Tracked, Base):
    """ケース記録・支援経過: one contact. A case conference also records attendees and decisions."""

    __tablename__ = "contact_logs"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    contact_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(24))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    content: Mapped[str] = mapped_column(Text, default="")
    next_action: Mapped[str] = mapped_column(Text, default="")
    next_action_due: Mapped[date | None] = mapped_column(Date)
    next_action_done_on: Mapped[date | None] = mapped_column(Date)
    attendees_welfare: Mapped[str] = mapped_column(Text, default="")
    attendees_hello_work: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[date | None] = mapped_column(Date)
    # Open next actions in due order: "done IS NULL AND due <= ?" is one index range.
    __table_args__ = (
        Index("ix_contact_logs_open_actions", "next_action_done_on", "next_action_due"),
    )


class Placement(Tracked, Base):
    """就職: a job start and its terms; ``end_on`` is set at 離職."""

    __tablename__ = "placements"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    start_on: Mapped[date] = mapped_column(Date)
    employer: Mapped[str] = mapped_column(String(200))
    employer_address: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(100), default="")
    employment_type: Mapped[str] = mapped_column(String(32), default="")
    term_category: Mapped[str] = mapped_column(String(16))  # indefinite|over_4m|1_to_4m|under_1m
    weekly_hours: Mapped[float | None] = mapped_column()
    wage_amount: Mapped[int | None] = mapped_column(Integer)
    wage_unit: Mapped[str] = mapped_column(String(8), default="monthly")  # monthly | hourly
    employment_insurance: Mapped[bool] = mapped_column(Boolean, default=False)
    route: Mapped[str] = mapped_column(String(16), default="hello_work")
    end_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    # The 協力事業所 picked for it, if any (its history of persons placed).
    employer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employers.id"),
                                                          index=True)

    __table_args__ = (
        Index("ix_placements_report", "start_on", "episode_id", "term_category", "route",
              "deleted_at"),
    )


class RetentionCheckpoint(Tracked, Base):
    """定着確認: due at N months after the placement's start."""

    __tablename__ = "retention_checkpoints"
    placement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    months: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(16))  # employed | left | unreachable
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_retention_checkpoints_open_due", "done_on", "due_on"),
        Index("ix_retention_checkpoints_report", "due_on", "episode_id", "months", "result",
              "done_on", "deleted_at"),
    )


class ProtectionOutcome(Tracked, Base):
    """保護廃止 or 減額 by work income; 就労自立給付金 applied or not."""

    __tablename__ = "protection_outcomes"
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # abolished | reduced
    decided_on: Mapped[date] = mapped_column(Date)
    independence_benefit: Mapped[bool] = mapped_column(Boolean, default=False)
    # The placement whose work income led to it (the latest one when it was recorded).
    placement_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("placements.id", ondelete="SET NULL"))
    __table_args__ = (
        # Reports count outcomes of a period by kind (replaces the plain decided_on index).
        Index("ix_protection_outcomes_report", "decided_on", "kind", "independence_benefit",
              "episode_id", "deleted_at"),
    )


class IssuedDocument(Tracked, Base):
    """文書番号簿: one number an organisation gave a document it sent out (支援要請書,
    支援状況連絡票, 支援終了・同意撤回の連絡). Numbers run per organisation and fiscal year
    (4月1日 starts again at 1): 中福第123号 is ``doc_symbol`` + 第 + ``serial`` + 号.
    ``content`` keeps what the caseworker wrote at issue (支援経過, 希望する支援, 支援期間,
    特記事項), so that a reprint is the document that was sent."""

    __tablename__ = "issued_documents"
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40))  # as printed
    kind: Mapped[str] = mapped_column(String(24))  # referral | followup | withdrawal_notice
    episode_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("episodes.id", ondelete="CASCADE"), index=True)
    referral_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    addressee: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sha256: Mapped[str] = mapped_column(String(64), default="")  # of the PDF issued
    __table_args__ = (
        UniqueConstraint("organisation_id", "fiscal_year", "serial",
                         name="uq_issued_documents_serial"),
    )


class Setting(Tracked, Base):
    """An office-wide setting (checkpoint months, support period, closure reasons, ...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class AnnualTarget(Tracked, Base):
    """年度目標: a target set by the 運営協議会 for one indicator in one fiscal year."""

    __tablename__ = "annual_targets"
    fiscal_year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(32))
    value: Mapped[float] = mapped_column()
    __table_args__ = (
        UniqueConstraint("fiscal_year", "indicator", name="uq_annual_targets_fy_indicator"),
    )


class AuditEntry(Base):
    """監査ログ: append-only; each row holds the hash of the previous one (tamper evident)."""

    __tablename__ = "audit_log"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column()
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON, no free text
    origin: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Content hash of the record this row names, as committed (models.chain.record_digest).
    record_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # 1: SHA-256 (rows written before the chain was keyed); 2: HMAC with the audit key.
    scheme: Mapped[int] = mapped_column(Integer, default=2, server_default="1")


class IssuedKit(Tracked, Base):
    """An outreach kit made at this office: the only kits whose return is accepted, and the
    caseload (person ids) it may bring changes to, as it stood when the kit was made."""

    __tablename__ = "issued_kits"
    installation_id: Mapped[str] = mapped_column(String(64))
    caseworker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column()
    person_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime | None] = mapped_column(default=None)


class LoginThrottle(Base):
    """Failed sign-ins under a user name that does not exist, counted exactly as a real
    account's are, so that the lockout never tells which names exist. Keyed by an HMAC of
    the name (the audit key), never the name itself: people type passwords into it."""

    __tablename__ = "login_throttle"
    name_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
