"""PostgreSQL: byte-order collation on the search keys and a trigram index for search

SQLite compares text by code point, so the search and the caseload rely on two things a
PostgreSQL database with a linguistic collation would not give: a prefix is a range
``key >= 'ヤマ' AND key < 'ヤマ' || U+10FFFF``, and readings sort in 五十音 (code point) order.
The folded key columns therefore use the "C" collation on PostgreSQL.

Substring search for terms of three characters or more is a LIKE '%term%' on
persons.search_text, answered on PostgreSQL by a GIN index of pg_trgm (a contrib extension
that a database owner may create since PostgreSQL 13). Where the extension cannot be created
(not installed, or a role without CREATE on the database), the migration builds the indexed
fallback instead: ``person_grams`` holds every distinct three-character gram of each
person's search text, kept by a PL/pgSQL trigger (as SQLite's FTS5 table is by its
triggers), and a term's grams must all be present before the LIKE confirms the match.

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
GRAM_FALLBACK = (
    """CREATE TABLE person_grams (
         search_no integer NOT NULL,
         gram varchar(3) COLLATE "C" NOT NULL,
         PRIMARY KEY (gram, search_no))""",
    "CREATE INDEX ix_person_grams_search_no ON person_grams (search_no)",
    """CREATE FUNCTION tsunagi_person_grams() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           DELETE FROM person_grams WHERE search_no = OLD.search_no;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
           INSERT INTO person_grams (search_no, gram)
             SELECT DISTINCT NEW.search_no, substr(NEW.search_text, i, 3)
             FROM generate_series(1, char_length(NEW.search_text) - 2) AS i;
         END IF;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER persons_grams AFTER INSERT OR DELETE
         OR UPDATE OF search_text, search_no, deleted_at ON persons
         FOR EACH ROW EXECUTE FUNCTION tsunagi_person_grams()""",
    """INSERT INTO person_grams (search_no, gram)
         SELECT DISTINCT p.search_no, substr(p.search_text, i, 3)
         FROM persons p, generate_series(1, char_length(p.search_text) - 2) AS i
         WHERE p.deleted_at IS NULL""",
)


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
            "pg_trgm を作成できないため、検索には person_grams 索引を使います")
        for sql in GRAM_FALLBACK:
            op.execute(sql)
        return
    op.execute(f"CREATE INDEX {TRGM_INDEX} ON persons USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
    op.execute("DROP TRIGGER IF EXISTS persons_grams ON persons")
    op.execute("DROP FUNCTION IF EXISTS tsunagi_person_grams()")
    op.execute("DROP TABLE IF EXISTS person_grams")
    for name, length in KEY_COLUMNS:
        op.execute(f"ALTER TABLE persons ALTER COLUMN {name} TYPE varchar({length})")
