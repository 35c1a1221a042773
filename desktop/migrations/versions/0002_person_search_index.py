"""person search index: FTS5 trigram over the folded search text (SQLite only)

Trigram finds substrings of three characters or more; shorter queries use the indexed
prefix columns of persons (see desktop/services/search.py). The FTS table is contentless
(the text lives in persons.search_text) and keyed by persons.search_no, an explicit integer,
because VACUUM may renumber the implicit rowid of a table with a UUID primary key.
PostgreSQL gets its own index in a later revision.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER persons_fts_ai AFTER INSERT ON persons WHEN new.deleted_at IS NULL BEGIN
         INSERT INTO person_fts(rowid, body) VALUES (new.search_no, new.search_text);
       END""",
    """CREATE TRIGGER persons_fts_au AFTER UPDATE OF search_text, search_no, deleted_at ON persons
       BEGIN
         DELETE FROM person_fts WHERE rowid = old.search_no;
         INSERT INTO person_fts(rowid, body)
           SELECT new.search_no, new.search_text WHERE new.deleted_at IS NULL;
       END""",
    """CREATE TRIGGER persons_fts_ad AFTER DELETE ON persons BEGIN
         DELETE FROM person_fts WHERE rowid = old.search_no;
       END""",
)


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE person_fts USING fts5("
        "body, content='', contentless_delete=1, tokenize='trigram')"
    )
    for sql in TRIGGERS:
        op.execute(sql)
    op.execute(
        "INSERT INTO person_fts(rowid, body) "
        "SELECT search_no, search_text FROM persons WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    for name in ("persons_fts_ai", "persons_fts_au", "persons_fts_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS person_fts")
