"""First-run set-up, the idle lock and unsaved-changes protection."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
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


def test_a_closed_window_neither_locks_nor_backs_up_later(window: MainWindow) -> None:
    """A window closed but not yet deleted (its object outlives the close) must not open a
    sign-in dialog at the idle time, as one did in a long test run."""
    assert window.idle_timer.isActive()
    window.close()
    assert not window.isVisible()
    assert not window.idle_timer.isActive() and not window.backup_timer.isActive()


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


# ---------------------------------------------------------------- ログアウト (a shared PC)


def _last_audits(world: World, n: int) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from desktop.models import AuditEntry

    with world.services.ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(n)).all()
    return [(r.action, r.username) for r in reversed(rows)]


def test_logout_writes_the_queued_view_audits_and_then_the_logout_row(world: World) -> None:
    from desktop.services.commands import Logout

    world.services.ctx.views.eager = False
    world.services.ctx.views.note(world.cw_a, "view", "person", world.person())
    Logout().run(world.services, world.cw_a)
    assert not world.services.ctx.views.pending
    assert _last_audits(world, 2) == [("view", "cwa"), ("logout", "cwa")]


def test_logout_from_the_user_menu_asks_about_unsaved_changes_and_hands_the_pc_over(
        qtbot: QtBot, window: MainWindow, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QAction

    logout = window.findChild(QAction, "logout")
    assert logout is not None and logout.text() == "ログアウト"
    view = window.open_person(world.person())
    view.profile.fields["address"].setText("東京都新宿区西新宿2-8-1")  # type: ignore[attr-defined]
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "ask_confirm",
                        lambda parent, title, text: questions.append(text) or False)
    handed: list[str] = []
    window.signed_out.connect(handed.append)
    logout.trigger()
    assert questions == ["保存していない変更があります。破棄してログアウトしますか？"]
    assert handed == [] and window.isVisible()  # kept: still signed in
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    logout.trigger()
    assert handed == ["cwa"] and not window.isVisible()
    assert _last_audits(world, 1) == [("logout", "cwa")]


def test_the_lock_screen_lets_a_colleague_sign_in_but_not_past_unsaved_changes(
        qtbot: QtBot, window: MainWindow, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QPushButton

    view = window.open_person(world.person())
    view.profile.fields["address"].setText("東京都新宿区西新宿2-8-1")  # type: ignore[attr-defined]
    answers = [False, True]
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: answers.pop(0))
    locks: list[bool] = []

    def switch(dialog: LoginDialog) -> int:
        locks.append(window.centralWidget().isVisible())
        button = dialog.findChild(QPushButton, "switchUser")
        assert button is not None and button.text() == "別のユーザーでサインイン"
        button.click()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", switch)
    handed: list[str] = []
    window.signed_out.connect(handed.append)
    window.lock_now()
    # Declining to discard locks the screen again (the data never shows); then signed out.
    assert locks == [False, False] and answers == []
    assert handed == ["cwa"] and not window.isVisible()
    assert _last_audits(world, 1) == [("logout", "cwa")]


def test_after_logout_the_next_person_signs_in_without_the_passphrase_again(
        qtbot: QtBot, world: World, config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import CrashReporter, Startup

    monkeypatch.setenv("TSUNAGI_DB_PASSPHRASE", str(config.passphrase))
    monkeypatch.delenv("TSUNAGI_DB_URL", raising=False)
    startup = Startup(config.data_dir, "cwa", CrashReporter())
    opened: list[None] = []
    startup.prepared.connect(lambda: opened.append(None))
    with qtbot.waitSignal(startup.prepared, timeout=60_000):
        startup.open_database(None)
    windows: list[MainWindow] = []
    startup.finished.connect(windows.append)
    startup.login.password.setText(PASSWORD)
    startup.login.try_login()
    qtbot.waitUntil(lambda: len(windows) == 1, timeout=10_000)
    first = windows[0]
    first.backup_timer.stop()
    first.log_out()
    qtbot.waitUntil(lambda: startup.login.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=10_000)
    assert startup.window is None and startup.runner.actor is None
    # Nothing of the last person is left in the sign-in window.
    assert (startup.login.username.text(), startup.login.password.text()) == ("", "")
    assert startup.login.ok.isEnabled() and not startup.login.error.text()
    startup.login.username.setText("cwb")
    startup.login.password.setText(PASSWORD)
    startup.login.try_login()
    qtbot.waitUntil(lambda: len(windows) == 2, timeout=10_000)
    second = windows[1]
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=10_000)  # gone now
    assert second.actor.username == "cwb" and startup.runner.actor == second.actor
    assert len(opened) == 1  # the database stayed open: no passphrase, no second open
    assert _last_audits(world, 2) == [("logout", "cwa"), ("login", "cwb")]
    second.backup_timer.stop()
    second.close()
    startup.runner.wait()
    assert startup.ready is not None
    startup.ready.opened.db.close()


# ---------------------------------------------------------------- the user name, remembered


def test_the_sign_in_window_has_the_first_administrators_name_after_the_set_up(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_setup(dialog: SetupDialog) -> int:
        dialog.username.setText("kanri")
        dialog.password.setText("kanri-password-1")
        dialog.confirm.setText("kanri-password-1")
        assert dialog.passphrase is not None
        dialog.passphrase.setText("office passphrase 1")
        dialog.passphrase_confirm.setText("office passphrase 1")
        dialog.submit()
        return dialog.result()

    def note_key(dialog: RecoveryKeyDialog) -> int:
        dialog.confirmed.setChecked(True)
        return 1

    monkeypatch.delenv("TSUNAGI_USER", raising=False)
    monkeypatch.setattr(app_module, "keychain_available", lambda: False)
    monkeypatch.setattr(SetupDialog, "exec", fill_setup)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", note_key)
    errors: list[BaseException] = []
    runner = FakeRunner(errors.append)
    ready = app_module.set_up(tmp_path, runner)
    assert errors == [] and ready is not None
    try:
        startup = app_module.Startup(tmp_path, "", app_module.CrashReporter(), ready, runner)
        qtbot.addWidget(startup.login)
        assert startup.login.username.text() == "kanri"
        startup.login.show()
        assert startup.login.focusWidget() is startup.login.password
    finally:
        ready.opened.db.close()


def test_the_last_user_name_is_remembered_on_this_pc_for_the_next_start(
        qtbot: QtBot, world: World, config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import preferences

    monkeypatch.setenv("TSUNAGI_DB_PASSPHRASE", str(config.passphrase))
    monkeypatch.delenv("TSUNAGI_DB_URL", raising=False)
    monkeypatch.delenv("TSUNAGI_USER", raising=False)
    startup = app_module.Startup(config.data_dir, "", app_module.CrashReporter())
    qtbot.addWidget(startup.login)
    assert startup.login.username.text() == ""  # no one has signed in on this PC yet
    with qtbot.waitSignal(startup.prepared, timeout=60_000):
        startup.open_database(None)
    startup.login.username.setText("cwb")
    startup.login.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=10_000) as finished:
        startup.login.try_login()
    window = finished.args[0]
    qtbot.addWidget(window)
    window.backup_timer.stop()
    # A UI preference beside the language and the text size; no password is kept.
    prefs = preferences.load(config.data_dir)
    assert prefs["last_user"] == "cwb" and PASSWORD not in str(prefs)
    window.close()
    startup.runner.wait()
    assert startup.ready is not None
    startup.ready.opened.db.close()
    again = app_module.Startup(config.data_dir, "", app_module.CrashReporter())
    qtbot.addWidget(again.login)
    assert again.login.username.text() == "cwb"


def test_logout_closes_a_dialog_left_open_over_the_window_first(
        qtbot: QtBot, window: MainWindow) -> None:
    """The idle lock can come while a dialog (the first-run wizard) is open; signing out
    from it must not delete the window under the dialog's running exec()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(window)
    handed: list[str] = []
    window.signed_out.connect(handed.append)
    QTimer.singleShot(0, window.log_out)
    assert dialog.exec() == QDialog.DialogCode.Rejected  # returned, nothing deleted
    assert shiboken6.isValid(dialog) and handed == ["cwa"] and not window.isVisible()
