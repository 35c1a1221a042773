"""First-run set-up, the idle lock and unsaved-changes protection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop import app as app_module
from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.ui import dialogs
from desktop.ui.login import LoginDialog, RecoveryKeyDialog, SetupDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD, World
from tests.ui.fakes import FakeRunner


def test_first_run_creates_database_admin_and_shows_recovery_key_once(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fill_setup(dialog: SetupDialog) -> int:
        dialog.username.setText("kanri")
        dialog.display.setText("管理 花子")
        dialog.password.setText("short")
        dialog.confirm.setText("short")
        assert dialog.passphrase is not None  # no keychain in tests: a passphrase is asked
        dialog.passphrase.setText("office passphrase 1")
        dialog.passphrase_confirm.setText("office passphrase 1")
        dialog.submit()
        assert "8文字以上" in dialog.form.errors["password"].text()
        assert not (tmp_path / "tsunagi.db").exists()  # refused before anything was created
        dialog.password.setText("kanri-password-1")
        dialog.confirm.setText("kanri-password-1")
        dialog.submit()
        return dialog.result()

    def note_key(dialog: RecoveryKeyDialog) -> int:
        field = dialog.findChild(QPlainTextEdit, "recoveryKey")
        shown.append(field.toPlainText().replace("\n", "-") if field else "")
        dialog.confirmed.setChecked(True)
        return 1

    monkeypatch.setattr(app_module, "keychain_available", lambda: False)
    monkeypatch.setattr(SetupDialog, "exec", fill_setup)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", note_key)
    errors: list[BaseException] = []
    opened = app_module.open_or_set_up(Config(tmp_path), FakeRunner(errors.append))
    assert errors == []
    assert opened is not None
    opened.db.close()
    assert len(shown) == 1 and len(shown[0].split("-")) == 16
    reopened = open_database(Config(tmp_path, passphrase="office passphrase 1"))
    try:
        actor = build_services(reopened.db, reopened.device_id).auth.login(
            "kanri", "kanri-password-1")
        assert (actor.role, actor.display_name) == ("admin", "管理 花子")
    finally:
        reopened.db.close()


def test_idle_lock_hides_the_data_until_the_password_is_given(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def unlock(dialog: LoginDialog) -> int:
        seen["hidden"] = not window.centralWidget().isVisible()
        seen["user"] = dialog.username.text()
        dialog.password.setText("wrong-password")
        dialog.try_login()
        seen["error"] = dialog.error.text()
        dialog.password.setText(PASSWORD)
        dialog.try_login()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", unlock)
    assert window.idle_timer.interval() == 10 * 60_000
    window.idle_timer.setInterval(50)
    window.idle_timer.start()
    qtbot.waitUntil(lambda: "hidden" in seen, timeout=3000)
    assert seen["hidden"] is True and seen["user"] == "cwa"
    assert "パスワードが違います" in str(seen["error"])
    assert window.centralWidget().isVisible()
    assert window.idle_timer.isActive()  # watching again after unlocking
    window.idle_timer.stop()


def test_closing_a_record_with_unsaved_changes_asks_first(
        qtbot: QtBot, window: MainWindow, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.open_person(world.person())
    view.profile.fields["address"].setText("東京都新宿区西新宿2-8-1")  # type: ignore[attr-defined]
    assert view.dirty
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "ask_confirm",
                        lambda parent, title, text: questions.append(text) or False)
    window.close_tab(window.tabs.indexOf(view))
    assert window.tabs.indexOf(view) >= 0 and questions
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    window.close_tab(window.tabs.indexOf(view))
    assert window.tabs.indexOf(view) == -1


def test_qt_standard_buttons_speak_japanese(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt's own translations are loaded with the app's look (qtbase_ja from the wheel)."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Yes)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["はい(&Y)", "キャンセル"]
