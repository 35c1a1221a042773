"""管理者 chooses the office's PostgreSQL server for this PC: the connection is tried first,
the password goes to the keychain, and server.json holds no password."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from desktop.config import Config
from desktop.models.server_settings import KEYRING_SERVICE, saved_server_url
from desktop.ui import server_dialog
from desktop.ui.forms import ActionDialog
from tests.conftest import MemoryKeyring
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner


def _fill(url: str, password: str):  # type: ignore[no-untyped-def]
    def fill(dialog: ActionDialog) -> None:
        field = dialog.form.fields["url"]
        assert isinstance(field, QLineEdit)
        field.setText(url)
        secret = dialog.form.fields["password"]
        assert isinstance(secret, QLineEdit)
        assert secret.echoMode() == QLineEdit.EchoMode.Password
        secret.setText(password)
        ok(dialog)
        messages.append(dialog.form.errors["url"].text())
        if dialog.result() != 1:
            dialog.reject()
    messages: list[str] = []
    fill.messages = messages  # type: ignore[attr-defined]
    return fill


def test_the_server_is_tried_then_saved_with_its_password_in_the_keychain(
        qtbot: QtBot, driver: DialogDriver, tmp_path: Path, fresh_pg_database: str,
        memory_keyring: MemoryKeyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "pc"
    errors: list[BaseException] = []
    runner = FakeRunner(errors.append)  # no database open yet: the check runs unbound
    shown: list[str] = []
    monkeypatch.setattr(server_dialog.dialogs, "show_info", lambda _p, _t, text: shown.append(text))

    unreachable = _fill("postgresql+psycopg://tsunagi@127.0.0.1:1/nothing", "x")
    driver.then(unreachable)
    assert server_dialog.configure_server(None, runner, data) is False
    assert "接続できません" in unreachable.messages[0]
    assert not (data / "server.json").exists() and memory_keyring.items == {}

    good = _fill(fresh_pg_database, "s3cret-pass")
    driver.then(good)
    assert server_dialog.configure_server(None, runner, data) is True
    saved = json.loads((data / "server.json").read_text())["url"]
    assert "s3cret" not in saved and make_url(saved).database == make_url(fresh_pg_database).database
    assert memory_keyring.items == {(KEYRING_SERVICE, saved): "s3cret-pass"}
    assert make_url(saved_server_url(data)).password == "s3cret-pass"  # type: ignore[arg-type]
    assert Config.from_env(data).db_url == saved_server_url(data)
    assert "次回の起動" in shown[0]

    assert server_dialog.use_local_database(None, data) is True  # ask_confirm → yes
    assert not (data / "server.json").exists() and memory_keyring.items == {}
    assert Config.from_env(data).db_url is None
    assert errors == []
