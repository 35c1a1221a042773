"""Alembic environment: always uses the connection handed in by desktop.models.migrate.

No fileConfig here (it would disable the application's loggers) and no URL in an ini file
(the database key must never be written anywhere).
"""

from alembic import context

import desktop.models.entities  # noqa: F401  (registers the tables)
from desktop.models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through desktop.models.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
