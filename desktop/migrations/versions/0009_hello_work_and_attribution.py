"""Hello Work's side of the case, and the 区分/担当 each episode's events are counted under

- ``episodes`` gains Hello Work's 求職番号 (``job_seeker_number``) and the navigator, and the
  区分, 担当 and organisation frozen at its first 支援要請 (``category_at_referral``,
  ``caseworker_at_referral``, ``organisation_at_referral``): every episode already referred
  takes the person's present 区分 and 担当 and its own organisation (what was known when this
  history started to be kept). Its report index carries them.
- ``episode_reassignments``: from a reassignment on, the episode's events count under the new
  caseworker and organisation.
- ``hello_work_activities``: 職業相談, 職業紹介, 応募, 面接, 採否 and セミナー・訓練 on a
  referred case, each with the Hello Work office of its referral.
- ``protection_outcomes`` gains the placement whose income led to it (filled here with the
  episode's latest placement that had started by the decision), and its plain date index
  becomes a covering index for the report.
- The report indexes of referrals (+ office), placements (+ route) and retention checks
  (+ the day recorded) cover the new counts; acceptances get an index of their own.
- ``referrals.last_news_on``: while the case is in support (支援中), the day of Hello Work's
  latest news on it (here: the day it entered 支援中), indexed for 今日の予定's silent
  referrals; and a partial index of the 採用 waiting to be recorded as placements.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TRACKED = (
    ("id", sa.Uuid(), False), ("version", sa.Integer(), False),
    ("created_at", sa.DateTime(timezone=True), False), ("created_by", sa.Uuid(), True),
    ("updated_at", sa.DateTime(timezone=True), False), ("updated_by", sa.Uuid(), True),
    ("origin", sa.String(length=64), False), ("deleted_at", sa.DateTime(timezone=True), True),
)
# The 採用 waiting to be recorded as a placement (今日の予定), in a partial index.
PROPOSAL = ("kind = 'outcome' AND result = 'hired' AND placement_id IS NULL"
            " AND dismissed_on IS NULL AND deleted_at IS NULL")
REPORT_INDEXES = (
    # table, index, columns before, columns after
    ("referrals", "ix_referrals_report", ["referred_on", "episode_id", "deleted_at"],
     ["referred_on", "episode_id", "office_id", "deleted_at"]),
    ("placements", "ix_placements_report",
     ["start_on", "episode_id", "term_category", "deleted_at"],
     ["start_on", "episode_id", "term_category", "route", "deleted_at"]),
    ("retention_checkpoints", "ix_retention_checkpoints_report",
     ["due_on", "episode_id", "months", "result", "deleted_at"],
     ["due_on", "episode_id", "months", "result", "done_on", "deleted_at"]),
    ("episodes", "ix_episodes_report", ["id", "person_id", "deleted_at"],
     ["id", "person_id", "category_at_referral", "caseworker_at_referral",
      "organisation_at_referral", "organisation_id", "deleted_at"]),
)


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column(name, kind, nullable=nullable) for name, kind, nullable in TRACKED]


def upgrade() -> None:
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_seeker_number", sa.String(length=32),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("navigator", sa.String(length=100), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("category_at_referral", sa.String(length=24),
                                      nullable=True))
        batch_op.add_column(sa.Column("caseworker_at_referral", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("organisation_at_referral", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE episodes SET"
        " category_at_referral = (SELECT p.category FROM persons p"
        "                         WHERE p.id = episodes.person_id),"
        " caseworker_at_referral = (SELECT p.caseworker_id FROM persons p"
        "                           WHERE p.id = episodes.person_id),"
        " organisation_at_referral = organisation_id"
        " WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.episode_id = episodes.id"
        "               AND r.deleted_at IS NULL)")

    op.create_table(
        "episode_reassignments",
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("caseworker_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f("fk_episode_reassignments_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"],
                                name=op.f("fk_episode_reassignments_caseworker_id_users")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"],
            name=op.f("fk_episode_reassignments_organisation_id_organisations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode_reassignments")),
    )
    op.create_index("ix_episode_reassignments_report", "episode_reassignments",
                    ["episode_id", "valid_from", "valid_to", "caseworker_id", "organisation_id",
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
    op.create_index("ix_hello_work_activities_proposals", "hello_work_activities",
                    ["activity_on"], sqlite_where=sa.text(PROPOSAL),
                    postgresql_where=sa.text(PROPOSAL))

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

    for table, name, _, columns in REPORT_INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
    op.create_index("ix_transitions_accepted", "transitions",
                    ["to_state", "from_state", "effective_on", "episode_id", "deleted_at"])
    # Hello Work's latest news on each accepted referral: so far, its acceptance.
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_news_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE referrals SET last_news_on = (SELECT e.state_since FROM episodes e"
        "                                     WHERE e.id = referrals.episode_id)"
        " WHERE status = 'accepted' AND EXISTS (SELECT 1 FROM episodes e"
        "       WHERE e.id = referrals.episode_id AND e.state = 'active')")
    op.create_index("ix_referrals_silence", "referrals", ["status", "last_news_on"])


def downgrade() -> None:
    op.drop_index("ix_referrals_silence", table_name="referrals")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("last_news_on")
    op.drop_index("ix_transitions_accepted", table_name="transitions")
    for table, name, columns, _ in REPORT_INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
    with op.batch_alter_table("protection_outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_protection_outcomes_report")
        batch_op.create_index("ix_protection_outcomes_decided_on", ["decided_on"])
        batch_op.drop_constraint("fk_protection_outcomes_placement_id_placements",
                                 type_="foreignkey")
        batch_op.drop_column("placement_id")
    op.drop_index("ix_hello_work_activities_proposals", table_name="hello_work_activities")
    op.drop_index("ix_hello_work_activities_report", table_name="hello_work_activities")
    op.drop_index("ix_hello_work_activities_episode", table_name="hello_work_activities")
    op.drop_table("hello_work_activities")
    op.drop_index("ix_episode_reassignments_report", table_name="episode_reassignments")
    op.drop_table("episode_reassignments")
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_column("organisation_at_referral")
        batch_op.drop_column("caseworker_at_referral")
        batch_op.drop_column("category_at_referral")
        batch_op.drop_column("navigator")
        batch_op.drop_column("job_seeker_number")
