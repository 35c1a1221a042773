"""Keyed audit chain and issued outreach kits

- audit_log.record_hash: the content hash of the record an audit row names (models.chain).
- audit_log.scheme: 1 for the rows written before this revision (plain SHA-256 chain), 2 for
  rows signed with the audit key (HMAC). The first keyed row appended after this revision is
  a checkpoint that signs the old chain's head (services.audit).
- issued_kits: every outreach kit the office makes, with its caseworker and the person ids
  of the caseload it may bring changes back to; a return kit answering no issued kit is
  refused.
- login_throttle: failed sign-ins under names that do not exist, counted like a real
  account's, so the lockout does not reveal which names exist.
- settings row "installation_id": a random id of this installation (the same database on
  SQLite or, after migrate-to-server, on the server), written into every kit it issues.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("audit_log")}
    if "scheme" not in present:  # kept by a downgrade (see there)
        with op.batch_alter_table("audit_log", schema=None) as batch_op:
            batch_op.add_column(sa.Column("record_hash", sa.String(length=64), nullable=False,
                                          server_default=""))
            batch_op.add_column(sa.Column("scheme", sa.Integer(), nullable=False,
                                          server_default="1"))
    op.create_table(
        "issued_kits",
        sa.Column("installation_id", sa.String(length=64), nullable=False),
        sa.Column("caseworker_id", sa.Uuid(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_ids", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"],
                                name=op.f("fk_issued_kits_caseworker_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_kits")),
    )
    op.create_table(
        "login_throttle",
        sa.Column("name_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name_hash", name=op.f("pk_login_throttle")),
    )
    settings = sa.table("settings", sa.column("id", sa.Uuid()), sa.column("version", sa.Integer()),
                        sa.column("created_at", sa.DateTime(timezone=True)),
                        sa.column("updated_at", sa.DateTime(timezone=True)),
                        sa.column("origin", sa.String()), sa.column("key", sa.String()),
                        sa.column("value", sa.JSON()))
    now = datetime.now(UTC)
    op.bulk_insert(settings, [{"id": uuid.uuid4(), "version": 1, "created_at": now,
                               "updated_at": now, "origin": "migration-0006",
                               "key": "installation_id", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'installation_id'")
    op.drop_table("login_throttle")
    op.drop_table("issued_kits")
    # audit_log.record_hash and scheme stay: the keyed rows' signatures cover them, so
    # dropping them would make every row written since 0006 unverifiable. Release 0005
    # ignores them (their server defaults fill the rows it writes), and upgrading again
    # finds them in place.
