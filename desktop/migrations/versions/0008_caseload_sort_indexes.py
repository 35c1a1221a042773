"""indexes for sorting the caseload list by every column it shows

The list is read page by page by walking an index in the order asked for (see
``desktop/services/caseload.py``); each new sort order needs an index that yields it. One
caseworker's list walks the same office-wide index and skips the others' persons (about 1 in
8 match: a few milliseconds a page); indexes per caseworker as well made the ledger import of
10,000 rows about a second slower:
- 氏名: the name key index exists;
- 生年月日: (birth date);
- 対象者区分: (category, reading). An index leading with the category was tried before and
  made SQLite skip-scan it for reading prefixes in search; search now names its indexes
  (INDEXED BY);
- 状態 / 状態の日付 / 支援終了予定 are the episode's: the list walks (state since, state) and
  (planned end, state) from the episode side; the state inside lets a walk skip closed
  episodes (most of the early dates) without reading their rows. The second replaces the
  planned-end index, its prefix.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ADDED = (
    ("persons", "ix_persons_birth_date", ["birth_date"]),
    ("persons", "ix_persons_category_kana", ["category", "kana_key"]),
    ("episodes", "ix_episodes_state_since", ["state_since", "state"]),
    ("episodes", "ix_episodes_planned_end_state", ["planned_end_on", "state"]),
)
REPLACED = (("episodes", "ix_episodes_planned_end_on", ["planned_end_on"]),)


def upgrade() -> None:
    for table, name, _cols in REPLACED:
        op.drop_index(name, table_name=table)
    for table, name, cols in ADDED:
        op.create_index(name, table, cols)


def downgrade() -> None:
    for table, name, _cols in ADDED:
        op.drop_index(name, table_name=table)
    for table, name, cols in REPLACED:
        op.create_index(name, table, cols)
