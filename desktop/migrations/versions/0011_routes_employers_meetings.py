"""before and beside the referral: readiness, routes, employers, support costs, meetings

- ``readiness_assessments``: the 就労準備度 check of an episode, revisions kept.
- ``episodes.screening_route`` and ``episodes.route`` (支援の経路), with ``route_changes``
  holding every move. They stay empty on existing episodes: an approved screening without a
  route was decided when the Hello Work referral was the only route, and is read as that
  (workflow.route_of). The new columns, and ``placements.employer_id``, are listed under
  "0011" in models.chain.COLUMNS_ADDED, so records sealed before the upgrade stay verifiable.
- ``employers`` (協力事業所), and ``placements.employer_id`` for the one picked.
- ``support_activities``: 就労準備支援事業, 職場体験・中間的就労, 職業訓練 with their outcome.
- ``support_costs``: 交通費 and other costs paid to a person.
- ``meetings`` and ``meeting_cases``: 支援調整会議・ケース会議・HW連絡会議 and each case's
  decision (which is also a ケース記録 entry).

On SQLite the columns of ``episodes`` and ``placements`` are added in place (``placements``
with its foreign key inline), so neither table is copied.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _stamp_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    """The bookkeeping columns every synchronisable table carries (models/base.py)."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def _episode_child(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        *columns,
        *_stamp_columns(),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f(f"fk_{name}_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_episode_id"), name, ["episode_id"])


def _tables() -> None:
    _episode_child(
        "route_changes",
        sa.Column("from_route", sa.String(length=24), nullable=True),
        sa.Column("to_route", sa.String(length=24), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
    )
    _episode_child(
        "readiness_assessments",
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor_id", sa.Uuid(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["assessor_id"], ["users.id"],
                                name=op.f("fk_readiness_assessments_assessor_id_users")),
        sa.UniqueConstraint("episode_id", "revision",
                            name="uq_readiness_assessments_episode_rev"),
    )
    op.create_index("ix_readiness_assessments_report", "readiness_assessments",
                    ["assessed_on", "episode_id", "deleted_at"])
    op.create_table(
        "employers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=8), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("contact_person", sa.String(length=100), nullable=False),
        sa.Column("offers", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_stamp_columns(),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name=op.f("fk_employers_organisation_id_organisations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employers")),
        sa.UniqueConstraint("name_key", name=op.f("uq_employers_name_key")),
    )
    op.create_index(op.f("ix_employers_registered_on"), "employers", ["registered_on"])
    _episode_child(
        "support_activities",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("subtype", sa.String(length=32), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("course", sa.String(length=200), nullable=False),
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("planned_end_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("planned_days", sa.Integer(), nullable=True),
        sa.Column("days_attended", sa.Integer(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"],
                                name=op.f("fk_support_activities_employer_id_employers")),
    )
    op.create_index(op.f("ix_support_activities_employer_id"), "support_activities",
                    ["employer_id"])
    op.create_index("ix_support_activities_started", "support_activities",
                    ["start_on", "kind", "episode_id", "deleted_at"])
    op.create_index("ix_support_activities_ended", "support_activities",
                    ["end_on", "kind", "outcome", "episode_id", "deleted_at"])
    _episode_child(
        "support_costs",
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=24), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("funding_source", sa.String(length=100), nullable=False),
    )
    op.create_index("ix_support_costs_report", "support_costs",
                    ["paid_on", "episode_id", "amount", "deleted_at"])
    op.create_table(
        "meetings",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("organisations", sa.JSON(), nullable=False),
        sa.Column("attendees", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamp_columns(),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name=op.f("fk_meetings_organisation_id_organisations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index("ix_meetings_report", "meetings", ["held_on", "organisation_id",
                                                       "deleted_at"])
    op.create_table(
        "meeting_cases",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        *_stamp_columns(),
        sa.ForeignKeyConstraint(["contact_id"], ["contact_logs.id"],
                                name=op.f("fk_meeting_cases_contact_id_contact_logs"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f("fk_meeting_cases_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_meeting_cases_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_cases")),
        sa.UniqueConstraint("meeting_id", "episode_id", name="uq_meeting_cases_meeting_episode"),
    )
    op.create_index(op.f("ix_meeting_cases_meeting_id"), "meeting_cases", ["meeting_id"])
    op.create_index(op.f("ix_meeting_cases_episode_id"), "meeting_cases", ["episode_id"])


def upgrade() -> None:
    bind = op.get_bind()
    _tables()
    op.add_column("episodes", sa.Column("screening_route", sa.String(length=24), nullable=True))
    op.add_column("episodes", sa.Column("route", sa.String(length=24), nullable=True))
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE placements ADD COLUMN employer_id CHAR(32) "
                   "REFERENCES employers (id)")
    else:
        op.add_column("placements", sa.Column("employer_id", sa.Uuid(), nullable=True))
        op.create_foreign_key(op.f("fk_placements_employer_id_employers"), "placements",
                              "employers", ["employer_id"], ["id"])
    op.create_index(op.f("ix_placements_employer_id"), "placements", ["employer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_placements_employer_id"), table_name="placements")
    with op.batch_alter_table("placements") as batch:
        if op.get_bind().dialect.name != "sqlite":
            batch.drop_constraint(op.f("fk_placements_employer_id_employers"),
                                  type_="foreignkey")
        batch.drop_column("employer_id")
    with op.batch_alter_table("episodes") as batch:
        batch.drop_column("route")
        batch.drop_column("screening_route")
    for table in ("meeting_cases", "meetings", "support_costs", "support_activities",
                  "employers", "readiness_assessments", "route_changes"):
        op.drop_table(table)
