"""PostgreSQL: byte-order collation on the search keys and a trigram index for search

SQLite compares text by code point, so the search and the caseload rely on two things a
PostgreSQL database with a linguistic collation would not give: a prefix is a range
``key >= 'ヤマ' AND key < 'ヤマ' || U+10FFFF``, and readings sort in 五十音 (code point) order.
The folded key columns therefore use the "C" collation on PostgreSQL.

Substring search for terms of three characters or more is a LIKE '%term%' on
persons.search_text, answered on PostgreSQL by a GIN index of pg_trgm (a contrib extension
that a database owner may create since PostgreSQL 13). Where the extension cannot be created,
the migration goes on without the index: search still gives the same answers, by scanning
search_text, and ``tsunagi verify`` reports the missing index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

KEY_COLUMNS = (("name_key", 100), ("given_name_key", 50), ("kana_key", 100),
               ("given_kana_key", 100), ("case_number_key", 32))
TRGM_INDEX = "ix_persons_search_text_trgm"


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for name, length in KEY_COLUMNS:
        op.execute(f'ALTER TABLE persons ALTER COLUMN {name} TYPE varchar({length}) COLLATE "C"')
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        logging.getLogger("tsunagi").warning(
            "pg_trgm を作成できません。検索は索引なしで動作します")
        return
    op.execute(f"CREATE INDEX {TRGM_INDEX} ON persons USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
    for name, length in KEY_COLUMNS:
        op.execute(f"ALTER TABLE persons ALTER COLUMN {name} TYPE varchar({length})")
