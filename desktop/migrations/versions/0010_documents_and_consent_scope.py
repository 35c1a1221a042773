"""official documents: the organisations' number registers, scanned consents, and consent
scopes read off the paper

- ``issued_documents``: each number an organisation gave a document it sent out, per fiscal
  year (中福第123号), with what the caseworker wrote at issue.
- ``referrals.number``: empty until the 支援要請書 is issued, and no longer unique (numbers
  start again every April, per organisation). Numbers already given stay as they are; the
  id that this revision's downgrade wrote as the number of a referral never issued is
  taken away again.
- ``consent_scans``: the scanned signed originals (encrypted by the application).
- ``consents.scope_confirmed``: a consent's scope as someone read it off the signed paper.
  A ledger import recorded every scope item for every consent it made, which nobody had
  read: those consents (of episodes that came from a ledger, still in force, and never
  touched by a service since) become unconfirmed and share nothing until a person
  confirms the scope.
- ``plans.planned_on``: the plan's date as entered (empty for the plans before).
- ``organisations.section``: the section that sends the forms (担当課・係).

Records sealed before keep their seals: the new consent and plan columns are listed under
0010 in ``models/chain.COLUMNS_ADDED``. The consents made unconfirmed are only those that no
audit row names (so none has a seal to break); the referrals, whose number the upgrade may
take away again, are listed in ``RESEALED``.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

IMPORT_NOTE = "台帳から取込"  # the note of an imported episode's first transition


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
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


def _unconfirm_imported_consents() -> None:
    conn = op.get_bind()
    consents = sa.table("consents", sa.column("id", sa.Uuid()), sa.column("kind"),
                        sa.column("episode_id", sa.Uuid()), sa.column("withdrawn_on"),
                        sa.column("scope_confirmed", sa.Boolean()))
    transitions = sa.table("transitions", sa.column("episode_id", sa.Uuid()),
                           sa.column("from_state"), sa.column("note"))
    audit = sa.table("audit_log", sa.column("entity"), sa.column("entity_id"))
    imported = sa.select(transitions.c.episode_id).where(
        transitions.c.from_state.is_(None), transitions.c.note == IMPORT_NOTE)
    candidates = conn.execute(sa.select(consents.c.id).where(
        consents.c.kind == "information_sharing", consents.c.withdrawn_on.is_(None),
        consents.c.episode_id.in_(imported))).scalars().all()
    if not candidates:
        return
    named = set(conn.execute(sa.select(audit.c.entity_id).where(
        audit.c.entity == "consent")).scalars())
    ids = [i for i in candidates if str(i) not in named]
    for start in range(0, len(ids), 500):
        conn.execute(sa.update(consents).where(consents.c.id.in_(ids[start:start + 500]))
                     .values(scope_confirmed=False))


def _unnumber_downgraded_referrals() -> None:
    """A referral that 0010's downgrade gave its id as its number (it had none: never
    issued) gets none again, as it was when its record was sealed."""
    conn = op.get_bind()
    referrals = sa.table("referrals", sa.column("id", sa.Uuid()), sa.column("number"))
    ids = [rid for rid, number in conn.execute(
        sa.select(referrals.c.id, referrals.c.number)
        .where(sa.func.length(referrals.c.number) == 32)).all() if number == rid.hex]
    for start in range(0, len(ids), 500):
        conn.execute(sa.update(referrals).where(referrals.c.id.in_(ids[start:start + 500]))
                     .values(number=None))


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("section", sa.String(length=100), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("scope_confirmed", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("planned_on", sa.Date(), nullable=True))
    with op.batch_alter_table("referrals") as batch:
        batch.drop_constraint("uq_referrals_number", type_="unique")
        batch.alter_column("number", existing_type=sa.String(length=32), nullable=True)
    _unnumber_downgraded_referrals()
    _unconfirm_imported_consents()

    op.create_table(
        "consent_scans",
        sa.Column("consent_id", sa.Uuid(), nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["consent_id"], ["consents.id"],
                                name="fk_consent_scans_consent_id_consents",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_consent_scans"),
    )
    op.create_index("ix_consent_scans_consent_id", "consent_scans", ["consent_id"])
    op.create_table(
        "issued_documents",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("episode_id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("addressee", sa.String(length=100), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name="fk_issued_documents_organisation_id_organisations"),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name="fk_issued_documents_episode_id_episodes",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"],
                                name="fk_issued_documents_referral_id_referrals",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_issued_documents"),
        sa.UniqueConstraint("organisation_id", "fiscal_year", "serial",
                            name="uq_issued_documents_serial"),
    )
    op.create_index("ix_issued_documents_episode_id", "issued_documents", ["episode_id"])
    op.create_index("ix_issued_documents_referral_id", "issued_documents", ["referral_id"])


def downgrade() -> None:
    op.drop_index("ix_issued_documents_referral_id", table_name="issued_documents")
    op.drop_index("ix_issued_documents_episode_id", table_name="issued_documents")
    op.drop_table("issued_documents")
    op.drop_index("ix_consent_scans_consent_id", table_name="consent_scans")
    op.drop_table("consent_scans")
    # Numbers are unique again before 0010: a referral not yet issued, or one whose number
    # another referral has too (a later fiscal year's), gets its id as its number.
    conn = op.get_bind()
    referrals = sa.table("referrals", sa.column("id", sa.Uuid()), sa.column("number"),
                         sa.column("referred_on"))
    seen: set[str] = set()
    for rid, number in conn.execute(sa.select(referrals.c.id, referrals.c.number)
                                    .order_by(referrals.c.referred_on, referrals.c.id)).all():
        if number is None or number in seen:
            conn.execute(sa.update(referrals).where(referrals.c.id == rid)
                         .values(number=rid.hex))
        else:
            seen.add(number)
    with op.batch_alter_table("referrals") as batch:
        batch.alter_column("number", existing_type=sa.String(length=32), nullable=False)
        batch.create_unique_constraint("uq_referrals_number", ["number"])
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("planned_on")
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("scope_confirmed")
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("section")
