"""an index for one caseworker's list in case-number order

The caseload page now names the index that yields its sort order (see
``desktop/services/caseload.py``): on the 300,000-person demo SQLite's own choice, a full
scan of a narrow index and a sort, took 4-15 s for the first page. A caseworker's list by
case number had no index in that order; this adds it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_persons_caseworker_case_number", "persons",
                    ["caseworker_id", "case_number_key"])


def downgrade() -> None:
    op.drop_index("ix_persons_caseworker_case_number", table_name="persons")
