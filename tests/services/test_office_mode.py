"""Connecting to the office server: libpq options in the URL, failures in Japanese, and which
setting wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url

from desktop.config import Config
from desktop.errors import DomainError
from desktop.models.db import DatabaseUnavailable
from desktop.models.server_settings import save_server
from desktop.models.storage import open_database
from tests.conftest import MemoryKeyring


def _with(url: str, **query: str) -> str:
    return make_url(url).update_query_dict(query).render_as_string(hide_password=False)


def test_tls_options_in_the_url_reach_libpq(fresh_pg_database: str, tmp_path: Path) -> None:
    # The test server has no TLS: demanding it must fail, and the failure must be a message.
    with pytest.raises(DatabaseUnavailable, match="接続できません"):
        open_database(Config(tmp_path, db_url=_with(fresh_pg_database, sslmode="require")))
    opened = open_database(Config(tmp_path, db_url=_with(fresh_pg_database, sslmode="disable")))
    with opened.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW TimeZone").scalar() == "UTC"
        assert conn.exec_driver_sql("SHOW application_name").scalar() == "tsunagi"
    opened.db.close()


def test_the_environment_wins_over_the_saved_server(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    save_server(tmp_path, "postgresql+psycopg://clerk:pw@saved.example:5432/tsunagi")
    monkeypatch.delenv("TSUNAGI_DB_URL", raising=False)
    assert Config.from_env(tmp_path).db_url == (
        "postgresql+psycopg://clerk:pw@saved.example:5432/tsunagi")
    monkeypatch.setenv("TSUNAGI_DB_URL", "postgresql+psycopg://other@env.example/tsunagi")
    assert Config.from_env(tmp_path).db_url == "postgresql+psycopg://other@env.example/tsunagi"


def test_only_postgresql_urls_are_saved(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    for bad in ("sqlite:///x.db", "not a url"):
        with pytest.raises(DomainError):
            save_server(tmp_path, bad)
    assert not (tmp_path / "server.json").exists() and memory_keyring.items == {}


def test_a_lost_server_is_a_message_when_saving(fresh_pg_database: str) -> None:
    """The server or the network is down when saving: the save fails whole, in Japanese."""
    from sqlalchemy import text

    from desktop.errors import StorageError
    from desktop.models.db import Database, server_engine

    down = Database(server_engine(make_url(fresh_pg_database).set(port=1)))
    with pytest.raises(StorageError, match="サーバーに接続できない"), down.write() as s:
        s.execute(text("SELECT 1"))
    down.close()
