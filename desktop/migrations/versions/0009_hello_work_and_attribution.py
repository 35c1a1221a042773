"""Hello Work's side of the case, and the 区分/担当 each episode's events are counted under

- ``episodes`` gains Hello Work's 求職番号 (``job_seeker_number``) and the navigator.
- ``hello_work_activities``: 職業相談, 職業紹介, 応募, 面接, 採否 and セミナー・訓練 on a
  referred case, each with the Hello Work office of its referral.
- ``episode_attributions``: the 対象者区分 and 担当者 frozen at the first 支援要請 and on each
  reassignment, so that a past year's report keeps its numbers. Every episode already
  referred gets one row from its intake date with the person's present 区分 and 担当者
  (reason "migration": what was known when the history started to be kept).
- ``protection_outcomes`` gains the placement whose income led to it (filled here with the
  episode's latest placement that had started by the decision), and its plain date index
  becomes a covering index for the report.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01
"""
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

TRACKED = (
    ("id", sa.Uuid(), False), ("version", sa.Integer(), False),
    ("created_at", sa.DateTime(timezone=True), False), ("created_by", sa.Uuid(), True),
    ("updated_at", sa.DateTime(timezone=True), False), ("updated_by", sa.Uuid(), True),
    ("origin", sa.String(length=64), False), ("deleted_at", sa.DateTime(timezone=True), True),
)


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column(name, kind, nullable=nullable) for name, kind, nullable in TRACKED]


def upgrade() -> None:
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_seeker_number", sa.String(length=32),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("navigator", sa.String(length=100), nullable=False,
                                      server_default=""))

    op.create_table(
        "episode_attributions",
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("caseworker_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f("fk_episode_attributions_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"],
                                name=op.f("fk_episode_attributions_caseworker_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode_attributions")),
    )
    op.create_index("ix_episode_attributions_report", "episode_attributions",
                    ["episode_id", "valid_from", "valid_to", "category", "caseworker_id",
                     "deleted_at"])

    op.create_table(
        "hello_work_activities",
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("activity_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("placement_id", sa.Uuid(), nullable=True),
        sa.Column("dismissed_on", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f("fk_hello_work_activities_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["office_id"], ["hello_work_offices.id"],
                                name=op.f("fk_hello_work_activities_office_id_hello_work_offices")),
        sa.ForeignKeyConstraint(["placement_id"], ["placements.id"],
                                name=op.f("fk_hello_work_activities_placement_id_placements"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hello_work_activities")),
    )
    op.create_index("ix_hello_work_activities_episode", "hello_work_activities",
                    ["episode_id", "activity_on"])
    op.create_index("ix_hello_work_activities_report", "hello_work_activities",
                    ["activity_on", "kind", "result", "episode_id", "office_id", "deleted_at"])

    with op.batch_alter_table("protection_outcomes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("placement_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_protection_outcomes_placement_id_placements"), "placements",
            ["placement_id"], ["id"], ondelete="SET NULL")
        batch_op.drop_index("ix_protection_outcomes_decided_on")
        batch_op.create_index("ix_protection_outcomes_report",
                              ["decided_on", "kind", "independence_benefit", "episode_id",
                               "deleted_at"])
    op.execute(
        "UPDATE protection_outcomes SET placement_id = ("
        " SELECT p.id FROM placements p WHERE p.episode_id = protection_outcomes.episode_id"
        " AND p.start_on <= protection_outcomes.decided_on AND p.deleted_at IS NULL"
        " ORDER BY p.start_on DESC LIMIT 1)")
    _backfill_attributions()


def _backfill_attributions() -> None:
    """One row per episode already referred: the person's present 区分 and 担当者 from the
    intake date. Inserted through the column types so each back end stores its own form."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT e.id, e.intake_on, p.category, p.caseworker_id, min(r.referred_on) "
        "FROM episodes e JOIN persons p ON p.id = e.person_id "
        "JOIN referrals r ON r.episode_id = e.id AND r.deleted_at IS NULL "
        "WHERE e.deleted_at IS NULL "
        "GROUP BY e.id, e.intake_on, p.category, p.caseworker_id").columns(
        sa.column("id", sa.Uuid()), sa.column("intake_on", sa.Date()),
        sa.column("category", sa.String()), sa.column("caseworker_id", sa.Uuid()),
        sa.column("referred", sa.Date()))).all()
    if not rows:
        return
    table = sa.table(
        "episode_attributions",
        *(sa.column(name, kind) for name, kind, _ in TRACKED),
        sa.column("episode_id", sa.Uuid()), sa.column("valid_from", sa.Date()),
        sa.column("valid_to", sa.Date()), sa.column("category", sa.String()),
        sa.column("caseworker_id", sa.Uuid()), sa.column("recorded_on", sa.Date()),
        sa.column("reason", sa.String()))
    now = datetime.now(UTC)
    for start in range(0, len(rows), 5000):
        op.bulk_insert(table, [
            {"id": uuid.uuid4(), "version": 1, "created_at": now, "created_by": None,
             "updated_at": now, "updated_by": None, "origin": "migration-0009",
             "deleted_at": None, "episode_id": episode_id, "valid_from": intake_on,
             "valid_to": None, "category": category, "caseworker_id": caseworker_id,
             "recorded_on": referred, "reason": "migration"}
            for episode_id, intake_on, category, caseworker_id, referred
            in rows[start:start + 5000]])


def downgrade() -> None:
    with op.batch_alter_table("protection_outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_protection_outcomes_report")
        batch_op.create_index("ix_protection_outcomes_decided_on", ["decided_on"])
        batch_op.drop_constraint("fk_protection_outcomes_placement_id_placements",
                                 type_="foreignkey")
        batch_op.drop_column("placement_id")
    op.drop_index("ix_hello_work_activities_report", table_name="hello_work_activities")
    op.drop_index("ix_hello_work_activities_episode", table_name="hello_work_activities")
    op.drop_table("hello_work_activities")
    op.drop_index("ix_episode_attributions_report", table_name="episode_attributions")
    op.drop_table("episode_attributions")
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_column("navigator")
        batch_op.drop_column("job_seeker_number")
