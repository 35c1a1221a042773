"""organisations, Hello Work office identity, staff details and the assignment history

- ``organisations``: the database's own 福祉事務所 / 自立相談支援機関 with the identity printed
  on forms. An existing database gets one (a 福祉事務所) made from the office settings it had
  (name, head, address, phone), and every user, person and episode is assigned to it; the
  four settings are then removed (the organisation replaces them).
- ``users``: organisation, phone extension (内線), and ``must_change_password``.
- ``persons.organisation_id`` (the organisation responsible now) with the indexes a
  supervisor's caseload list walks, and ``episodes.organisation_id``.
- ``hello_work_offices``: official name, head's title, kind (本所 or 常設窓口), 〒, several
  navigators with phones (the one navigator name moves into the list) and an active flag.
  Existing offices keep their name as the name people use.
- ``case_assignments``: who had a case from which day.
- ``setup_completed`` is set for a database that already has staff, so that the first-run
  wizard only greets new installations.

On SQLite, ``persons`` keeps its table (its FTS triggers would go with a copy-and-move): the
column is added in place, with its foreign key inline, and left nullable. ``users`` and
``episodes`` are copied and moved to make their organisation NOT NULL.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OFFICE_SETTINGS = ("office_name", "office_head", "office_address", "office_phone")


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

# The FTS5 triggers of revision 0002, recreated when a downgrade copies the persons table.
FTS_TRIGGERS = (
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

settings = sa.table("settings", sa.column("id", sa.Uuid()), sa.column("key", sa.String()),
                    sa.column("value", sa.JSON()), sa.column("version", sa.Integer()),
                    sa.column("created_at", sa.DateTime(timezone=True)),
                    sa.column("updated_at", sa.DateTime(timezone=True)),
                    sa.column("origin", sa.String()), sa.column("deleted_at", sa.DateTime()))
offices = sa.table("hello_work_offices", sa.column("id", sa.Uuid()),
                   sa.column("navigator", sa.String()), sa.column("navigators", sa.JSON()))


def _stamp(now: datetime) -> dict[str, object]:
    return {"id": uuid.uuid4(), "version": 1, "created_at": now, "updated_at": now,
            "origin": "migration-0007", "deleted_at": None}


def _create_tables() -> None:
    op.create_table(
        "organisations",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("head_title", sa.String(length=100), nullable=False),
        sa.Column("head_name", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=8), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("fax", sa.String(length=20), nullable=False),
        sa.Column("doc_symbol", sa.String(length=16), nullable=False),
        sa.Column("seal_omitted", sa.Boolean(), nullable=False),
        *_stamp_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )


def _organisation_from_settings(bind: sa.Connection, now: datetime) -> uuid.UUID | None:
    """The one organisation of a database made before organisations existed."""
    has_staff = bind.execute(sa.text("SELECT count(*) FROM users")).scalar()
    has_persons = bind.execute(sa.text("SELECT count(*) FROM persons")).scalar()
    if not has_staff and not has_persons:
        return None  # a new database: the first administrator's set-up creates it
    found = {k: v for k, v in bind.execute(
        sa.select(settings.c.key, settings.c.value).where(
            settings.c.key.in_(OFFICE_SETTINGS), settings.c.deleted_at.is_(None)))}

    def text(key: str, default: str, limit: int) -> str:
        value = found.get(key)
        return (value if isinstance(value, str) and value.strip() else default)[:limit]

    organisation = sa.table(
        "organisations", *(sa.column(c.name, c.type) for c in _stamp_columns()),
        *(sa.column(n) for n in ("kind", "name", "head_title", "head_name", "postal_code",
                                 "address", "phone", "fax", "doc_symbol")),
        sa.column("seal_omitted", sa.Boolean()))
    row = {**_stamp(now), "created_by": None, "updated_by": None, "kind": "welfare_office",
           "name": text("office_name", "福祉事務所", 100),
           "head_title": text("office_head", "福祉事務所長", 100), "head_name": "",
           "postal_code": "", "address": text("office_address", "", 200),
           "phone": text("office_phone", "", 20), "fax": "", "doc_symbol": "",
           "seal_omitted": True}
    bind.execute(sa.insert(organisation), [row])
    return row["id"]  # type: ignore[return-value]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    now = datetime.now(UTC)
    _create_tables()
    op.create_table(
        "case_assignments",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("episode_id", sa.Uuid(), nullable=True),
        sa.Column("caseworker_id", sa.Uuid(), nullable=True),
        sa.Column("previous_caseworker_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        *_stamp_columns(),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"],
                                name=op.f("fk_case_assignments_caseworker_id_users")),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"],
                                name=op.f("fk_case_assignments_episode_id_episodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name=op.f("fk_case_assignments_organisation_id_organisations")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"],
                                name=op.f("fk_case_assignments_person_id_persons"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["previous_caseworker_id"], ["users.id"],
                                name=op.f("fk_case_assignments_previous_caseworker_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_assignments")),
    )
    op.create_index(op.f("ix_case_assignments_person_id"), "case_assignments", ["person_id"])

    organisation = _organisation_from_settings(bind, now)

    # Staff: added nullable, filled, then made NOT NULL with the key (copy-and-move on SQLite).
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("phone_extension", sa.String(length=16), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("episodes") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Uuid(), nullable=True))
    if sqlite:
        op.execute("ALTER TABLE persons ADD COLUMN organisation_id CHAR(32) "
                   "REFERENCES organisations (id)")
    else:
        op.add_column("persons", sa.Column("organisation_id", sa.Uuid(), nullable=True))
        op.create_foreign_key(op.f("fk_persons_organisation_id_organisations"), "persons",
                              "organisations", ["organisation_id"], ["id"])
    if organisation is not None:
        for table in ("users", "persons", "episodes"):
            bind.execute(sa.table(table, sa.column("organisation_id", sa.Uuid()))
                         .update().values(organisation_id=organisation))
    with op.batch_alter_table("users") as batch:
        batch.alter_column("organisation_id", existing_type=sa.Uuid(), nullable=False)
        batch.alter_column("phone_extension", existing_type=sa.String(length=16),
                           server_default=None)
        batch.alter_column("must_change_password", existing_type=sa.Boolean(),
                           server_default=None)
        batch.create_foreign_key(batch.f("fk_users_organisation_id_organisations"),
                                 "organisations", ["organisation_id"], ["id"])
        batch.create_index(batch.f("ix_users_organisation_id"), ["organisation_id"])
    with op.batch_alter_table("episodes") as batch:
        batch.alter_column("organisation_id", existing_type=sa.Uuid(), nullable=False)
        batch.create_foreign_key(batch.f("fk_episodes_organisation_id_organisations"),
                                 "organisations", ["organisation_id"], ["id"])
    op.create_index("ix_persons_organisation_kana", "persons", ["organisation_id", "kana_key"])
    op.create_index("ix_persons_organisation_case_number", "persons",
                    ["organisation_id", "case_number_key"])

    # Hello Work offices: the one navigator name becomes the first of a list.
    with op.batch_alter_table("hello_work_offices") as batch:
        for name, length in (("official_name", 100), ("head_title", 100), ("postal_code", 8)):
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                       server_default=""))
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False,
                                   server_default="main"))
        batch.add_column(sa.Column("navigators", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
    for office_id, navigator in bind.execute(sa.select(offices.c.id, offices.c.navigator)):
        names = [{"name": navigator.strip(), "phone": ""}] if navigator.strip() else []
        bind.execute(offices.update().where(offices.c.id == office_id)
                     .values(navigators=names))
    with op.batch_alter_table("hello_work_offices") as batch:
        batch.drop_column("navigator")
        for name, length in (("official_name", 100), ("head_title", 100), ("postal_code", 8)):
            batch.alter_column(name, existing_type=sa.String(length=length),
                               server_default=None)
        batch.alter_column("kind", existing_type=sa.String(length=16), server_default=None)
        batch.alter_column("navigators", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("active", existing_type=sa.Boolean(), server_default=None)

    bind.execute(settings.delete().where(settings.c.key.in_(OFFICE_SETTINGS)))
    if organisation is not None:
        bind.execute(sa.insert(settings), [{**_stamp(now), "key": "setup_completed",
                                            "value": True}])


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    now = datetime.now(UTC)
    first = bind.execute(sa.text(
        "SELECT name, head_title, address, phone FROM organisations "
        "ORDER BY created_at LIMIT 1")).first()
    bind.execute(settings.delete().where(settings.c.key.in_(
        (*OFFICE_SETTINGS, "setup_completed"))))
    if first is not None:
        bind.execute(sa.insert(settings), [{**_stamp(now), "key": key, "value": value}
                                           for key, value in zip(OFFICE_SETTINGS, first,
                                                                 strict=True)])
    with op.batch_alter_table("hello_work_offices") as batch:
        batch.add_column(sa.Column("navigator", sa.String(length=100), nullable=False,
                                   server_default=""))
    for office_id, navigators in bind.execute(sa.select(offices.c.id, offices.c.navigators)):
        first_name = navigators[0]["name"] if navigators else ""
        bind.execute(offices.update().where(offices.c.id == office_id)
                     .values(navigator=first_name[:100]))
    with op.batch_alter_table("hello_work_offices") as batch:
        for name in ("official_name", "head_title", "postal_code", "kind", "navigators",
                     "active"):
            batch.drop_column(name)
        batch.alter_column("navigator", existing_type=sa.String(length=100),
                           server_default=None)

    op.drop_index("ix_persons_organisation_case_number", table_name="persons")
    op.drop_index("ix_persons_organisation_kana", table_name="persons")
    if sqlite:
        # SQLite cannot drop a column that a foreign key names: copy and move the table,
        # then put back the search index's triggers, which went with the old table.
        with op.batch_alter_table("persons", recreate="always") as batch:
            batch.drop_column("organisation_id")
        for sql in FTS_TRIGGERS:
            op.execute(sql)
    else:
        op.drop_constraint(op.f("fk_persons_organisation_id_organisations"), "persons",
                           type_="foreignkey")
        op.drop_column("persons", "organisation_id")
    with op.batch_alter_table("episodes") as batch:
        batch.drop_constraint(batch.f("fk_episodes_organisation_id_organisations"),
                              type_="foreignkey")
        batch.drop_column("organisation_id")
    with op.batch_alter_table("users") as batch:
        batch.drop_index(batch.f("ix_users_organisation_id"))
        batch.drop_constraint(batch.f("fk_users_organisation_id_organisations"),
                              type_="foreignkey")
        for name in ("organisation_id", "phone_extension", "must_change_password"):
            batch.drop_column(name)
    op.drop_index(op.f("ix_case_assignments_person_id"), table_name="case_assignments")
    op.drop_table("case_assignments")
    op.drop_table("organisations")
