"""Alembic migrations, shipped inside the package and run in-process at start-up."""
