"""The desktop application's composition root, and its start, step by step.

1. The first window (sign-in, or the database passphrase) is painted at once: Qt, the fonts,
   the stylesheet and the language only. The database layer, the services and the main
   window's modules are imported, and the database opened, on the worker thread meanwhile
   (``prepare``), while the person types.
2. First run (no database yet): set up the database and the first administrator.
3. Sign in: the password check (scrypt) runs on the worker too.
4. The main window, whose first rows are read through the same task runner.

``Startup`` runs these steps; each is one method, so that further steps (a first-run wizard,
a password that must be changed) slot in between them.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import preferences
from desktop.catalogue import install_for_app
from desktop.config import DB_FILENAME, KEYINFO_FILENAME, SERVER_FILE, Config
from desktop.errors import DomainError, frames_only
from desktop.i18n import DEFAULT_LANGUAGE, saved_language
from desktop.resources import resource_path
from desktop.ui.collector import GuiThreadCollector
from desktop.ui.login import LoginDialog, PassphraseDialog
from desktop.ui.look import apply_look
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.models.storage import OpenedDatabase
    from desktop.services import Services
    from desktop.services.context import Actor
    from desktop.ui.main_window import MainWindow

log = logging.getLogger("tsunagi.app")
# Imported on the worker while the first window is up, so that they are in memory when the
# person presses ログイン (together about 0.9 s on the project machine).
HEAVY_MODULES = ("desktop.models.storage", "desktop.services", "desktop.ui.main_window")


def setup_application(app: QApplication, language: str = DEFAULT_LANGUAGE,
                      text_scale: int = preferences.DEFAULT_TEXT_SCALE) -> str:
    """Bundled Japanese font (so Japanese never shows as boxes) at the text size chosen on
    this PC, stylesheet, names, and the language chosen on this PC (Qt's own words — Cancel,
    Yes, No, the file dialogs — in the same language). Returns the language in use
    (Japanese when the English catalogue is missing)."""
    app.setApplicationName("Tsunagi")
    language = install_for_app(app, language)
    app.setApplicationDisplayName(app.translate("App", "つなぎ"))
    apply_look(app, text_scale)
    app.setWindowIcon(QIcon(str(resource_path("icons", "tsunagi.png"))))
    app.setDesktopFileName("tsunagi")  # matches installers/linux/tsunagi.desktop
    return language


class CrashReporter(QObject):
    """The one place unexpected errors go: logged without personal data, and shown on the GUI
    thread (a queued signal) whichever thread raised."""

    crashed = Signal(str)

    def __init__(self, log_dir: Path | None = None) -> None:
        super().__init__()
        self.log_dir = log_dir
        self.crashed.connect(self._show)

    def report(self, exc: BaseException) -> None:
        # Frames only, never the exception's message or values: those may hold personal data.
        frames = frames_only(exc.__traceback__)
        text = f"{type(exc).__name__}\n{frames}"
        log.error("unexpected error: %s", text)
        self.crashed.emit(text)

    def hook(self, kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        self.report(exc.with_traceback(tb))

    def _show(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "予期しない問題"),
                          QApplication.translate(
                              "App", "予期しない問題が発生しました。作業中の変更は保存されていません。"
                                     "詳細を管理者に伝えてください（個人情報は含まれていません）。"))
        if self.log_dir is not None:
            box.setInformativeText(QApplication.translate(
                "App", "同じ内容をログに記録しました: {path}").format(
                    path=self.log_dir / "tsunagi.log"))
        box.setDetailedText(text)  # selectable and copyable, frames only
        box.exec()


def keychain_available() -> bool:
    import keyring
    from keyring.backends import fail

    return not isinstance(keyring.get_keyring(), fail.Keyring)


def first_run(data_dir: Path) -> bool:
    """No database on this PC and no server set: the set-up comes first. (Decided from the
    files alone, before the database layer is loaded.)"""
    return not ((data_dir / DB_FILENAME).exists() or os.environ.get("TSUNAGI_DB_URL")
                or (data_dir / SERVER_FILE).exists())


def passphrase_expected(data_dir: Path) -> bool:
    """The database's key is derived from a passphrase (its key-info file says so) and none
    is given in the environment: the sign-in window asks for it at once, beside the user
    name. (Decided from the files alone, before the database layer is loaded; a key missing
    from the keychain is found later, by the worker.)"""
    if (os.environ.get("TSUNAGI_DB_PASSPHRASE") or os.environ.get("TSUNAGI_DB_URL")
            or (data_dir / SERVER_FILE).exists()):
        return False
    try:
        info = json.loads((data_dir / KEYINFO_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and info.get("mode") == "passphrase"


def warm_up() -> None:
    """On the worker, while the passphrase is typed: the heavy modules into memory."""
    for name in HEAVY_MODULES:
        importlib.import_module(name)


def open_or_set_up(config: Config, runner: TaskRunner) -> OpenedDatabase | None:
    """Open the database, asking for the passphrase when needed; on first run, set up the
    database and the first administrator. None when the person cancels. (Modal: the first
    run and scripts; the everyday start is ``Startup``.) The database work runs on the
    runner's write lane while the dialogs keep painting."""
    from desktop.models.db import DatabaseUnavailable
    from desktop.models.keystore import KeyUnavailable, format_recovery_key
    from desktop.models.storage import create_database, database_exists, open_database
    from desktop.services import build_services
    from desktop.services.auth import validate_new_user
    from desktop.services.outreach import create_working_database
    from desktop.ui.login import RecoveryKeyDialog, SetupDialog

    if not database_exists(config):
        created: list[OpenedDatabase] = []
        admins: list[str] = []

        def create(username: str, display: str, password: str, passphrase: str | None) -> str:
            validate_new_user(username, display, "admin", password)
            cfg = Config(config.data_dir, config.db_url, passphrase or config.passphrase)
            opened = create_database(cfg)
            build_services(opened.db, opened.device_id).auth.create_first_admin(
                username, display, password)
            created.append(opened)
            admins.append(username)
            return format_recovery_key(opened.key) if opened.key else ""

        def from_kit(path: Path, kit_passphrase: str, passphrase: str | None) -> str:
            cfg = Config(config.data_dir, config.db_url, passphrase or config.passphrase)
            opened, _ = create_working_database(cfg, path, kit_passphrase)
            created.append(opened)
            return format_recovery_key(opened.key) if opened.key else ""

        setup = SetupDialog(runner, create,
                            not keychain_available() and config.passphrase is None,
                            open_kit=from_kit)
        if not setup.exec():
            return None
        if setup.recovery_key:
            RecoveryKeyDialog(setup.recovery_key).exec()
        if admins:  # the sign-in window that follows has the administrator's name in it
            preferences.remember_user(config.data_dir, admins[0])
        return created[0]
    passphrase = config.passphrase
    message = ""
    while True:
        try:
            return runner.call(partial(open_database,
                                       Config(config.data_dir, config.db_url, passphrase)))
        except (KeyUnavailable, DatabaseUnavailable) as exc:
            if not config.db_path.exists():
                raise
            message = str(exc)
        dialog = PassphraseDialog(message)
        if not dialog.exec():
            return None
        passphrase = dialog.passphrase.text()


@dataclass
class Prepared:
    """What the worker readied while the first window was up."""

    config: Config
    opened: OpenedDatabase
    services: Services


class NeedsPassphrase(Exception):
    """The database's key is not in the keychain: ask for the passphrase (or recovery key).
    ``typed``: whether one was given and refused (its message says why), or none yet."""

    def __init__(self, message: str, typed: bool) -> None:
        super().__init__(message)
        self.typed = typed


def prepare(data_dir: Path, passphrase: str | None) -> Prepared:
    """On the worker: load the heavy modules, read the configuration and open the database
    (migrating it if needed). NeedsPassphrase when its key must be typed; other refusals
    (the office server unreachable) as they are."""
    warm_up()
    from desktop.models.db import DatabaseUnavailable
    from desktop.models.keystore import KeyUnavailable
    from desktop.models.storage import open_database
    from desktop.services import build_services

    config = Config.from_env(data_dir)
    if passphrase is not None:
        config = dataclasses.replace(config, passphrase=passphrase)
    try:
        opened = open_database(config)
    except (KeyUnavailable, DatabaseUnavailable) as exc:
        if config.db_url is None and config.db_path.exists():
            raise NeedsPassphrase(str(exc), config.passphrase is not None) from None
        raise
    # View audits are written by the runner's write lane, in batches, off the reads' path.
    services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                              key_info=opened.key_info, defer_views=True)
    services.caseload.warm_up()
    return Prepared(config, opened, services)


class Startup(QObject):
    """The start of the desktop app (see the module's docstring). ``finished`` carries the
    main window, or None when the person stopped before it."""

    login_shown = Signal()  # the first window is up (the start-up benchmark listens)
    prepared = Signal()  # the database is open and the services built
    finished = Signal(object)

    def __init__(self, data_dir: Path, username: str, crash: CrashReporter,
                 ready: Prepared | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.crash = crash
        self.runner = runner or TaskRunner(crash.report, self)
        self.ready = ready  # already open after a first-run set-up
        if ready is not None:
            self.runner.bind(ready.services)
        self.waiting: tuple[str, str] | None = None  # pressed ログイン before ``ready``
        self.opening = False  # the worker is opening the database
        self.window: MainWindow | None = None
        self.closed_window: MainWindow | None = None  # signed out, deleted at the next sign-in
        username = (username or os.environ.get("TSUNAGI_USER", "")
                    or preferences.last_user(data_dir))
        self.login = LoginDialog(username=username,
                                 passphrase=ready is None and passphrase_expected(data_dir))
        self.login.submitted.connect(self.sign_in)
        self.login.passphrase.editingFinished.connect(self._passphrase_typed)
        self.login.rejected.connect(lambda: self.finish(None))

    # -- 1. the first window, and the database on the worker -------------------

    def start(self) -> None:
        self.login.show()
        # The worker starts once the window is on screen: its imports would hold Python's
        # lock while the window paints.
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        self.login_shown.emit()
        if self.ready is None:
            if self.login.asks_passphrase:  # opened once it is typed (sign_in)
                self.runner.write(warm_up)
            else:
                self.open_database(None)

    def open_database(self, passphrase: str | None) -> None:
        # The write lane: opening may migrate the schema.
        self.opening = True
        self.runner.write(lambda: prepare(self.data_dir, passphrase), self._opened,
                          self._not_opened)

    def _opened(self, ready: Prepared) -> None:
        self.opening = False
        self.ready = ready
        self.runner.bind(ready.services)
        self.prepared.emit()
        if self.waiting is not None:
            self.sign_in(*self.waiting)

    def _not_opened(self, exc: BaseException) -> None:
        from desktop.models.db import DatabaseUnavailable
        from desktop.models.keystore import KeyUnavailable
        from desktop.models.migrate import MigrationFailed

        self.opening = False
        if isinstance(exc, NeedsPassphrase):
            # None typed yet: the keystore's own words name an environment variable, which
            # is for the command line; a person at the window is asked in its words.
            self.ask_passphrase(str(exc) if exc.typed else QApplication.translate(
                "App", "この PC のキーチェーンにはデータベースの鍵がありません。データベースの"
                       "パスフレーズ（または回復キー）を入力してください。"))
        elif isinstance(exc, DomainError | DatabaseUnavailable | KeyUnavailable
                        | MigrationFailed):
            # Expected refusals with a message in Japanese (the server is unreachable, the
            # upgrade was rolled back): shown as they are, and the app stops.
            QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("App", "つなぎ"),
                        exc.message if isinstance(exc, DomainError) else str(exc),
                        parent=self.login).exec()
            self.finish(None)
        else:
            self.crash.report(exc)
            self.finish(None)

    # -- 2. the database passphrase, when no keychain holds the key ------------

    def ask_passphrase(self, message: str) -> None:
        """In the sign-in window's own passphrase row (no window over it): at once when
        the key-info file says a passphrase is used, else when the worker finds no key.
        The database is opened with it when ログイン is pressed."""
        self.login.ask_passphrase(message, answer_now=self.waiting is not None)
        self.waiting = None

    def _passphrase_typed(self) -> None:
        """The person has moved on from the passphrase to their user name: the database
        opens meanwhile, as it does at once where the keychain has the key."""
        passphrase = self.login.passphrase.text()
        if self.ready is None and not self.opening and passphrase and self.login.asks_passphrase:
            self.open_database(passphrase)

    # -- 3. sign in -----------------------------------------------------------

    def sign_in(self, username: str, password: str) -> None:
        if self.ready is None:
            self.waiting = (username, password)  # checked as soon as the database is open
            if self.login.asks_passphrase and not self.opening:
                passphrase = self.login.passphrase.text()
                if not passphrase:
                    self.ask_passphrase(QApplication.translate(
                        "App", "データベースのパスフレーズ（または回復キー）を入力してください"))
                    return
                self.open_database(passphrase)
            return
        self.waiting = None
        from desktop.services.commands import Login

        # A command on the write lane (the audit row, the failure count); an initial
        # password is changed first; a busy database shows the busy message with its retry,
        # anything unexpected the crash dialog.
        runner = self.runner

        def refused(exc: BaseException) -> bool:
            from desktop.services.errors import PasswordChangeRequired

            if isinstance(exc, PasswordChangeRequired):
                self.change_password(username, password)
                return True
            return self.login.login_failed(exc, username, password, runner)

        runner.run(Login(username, password), parent=self.login, on_done=self.signed_in,
                   on_failed=refused)

    # -- 3b. a new password, when the one given is initial or was reset ------

    def change_password(self, username: str, password: str) -> None:
        from desktop.ui.password_dialog import change_initial_password

        actor = change_initial_password(self.login, self.runner, username, password)
        if actor is None:
            self.login.password_not_changed()
        else:
            self.signed_in(actor)

    def signed_in(self, actor: Actor) -> None:
        preferences.remember_user(self.data_dir, actor.username)  # the next start's value
        self.show_main_window(actor)  # before the sign-in window goes: never no window
        self.login.signed_in(actor)

    # -- 4. the main window ---------------------------------------------------

    def show_main_window(self, actor: Actor) -> None:
        from desktop.ui.main_window import MainWindow

        assert self.ready is not None
        if self.closed_window is not None:  # the last person's, signed out
            self.closed_window.deleteLater()
            self.closed_window = None
        window = MainWindow(self.ready.services, actor, self.runner, self.data_dir)
        QApplication.instance().installEventFilter(window.idle_watcher)  # type: ignore[union-attr]
        window.signed_out.connect(self.signed_out)
        window.show()
        self.window = window
        from desktop.ui import setup_wizard

        # First run: the organisation, a Hello Work office and staff, each step skippable.
        setup_wizard.offer(window, self.ready.services, actor, self.runner)
        # Planner statistics, refreshed off the GUI thread after the first rows are asked for,
        # and never waiting for another process's write lock (opening the database writes
        # nothing).
        from desktop.models.db import refresh_statistics

        engine = self.ready.opened.db.engine
        self.runner.write(lambda: refresh_statistics(engine))
        self.finish(window)

    # -- 5. ログアウト: the sign-in window again, the database still open ---------

    def signed_out(self, username: str) -> None:
        """The main window has written the logout row and closes next: the next person
        signs in to a main window of their own (no passphrase again)."""
        assert self.ready is not None
        self.runner.bind(self.ready.services)  # no one's commands run until the next sign-in
        # It closes next, and goes (with its event filter) when the next person's window
        # comes: by then no dialog's event loop runs inside it.
        self.closed_window = self.window
        self.window = None
        self.login.next_person()
        self.login.show()
        self.login.activateWindow()

    def finish(self, window: QWidget | None) -> None:
        if window is None:
            self.login.hide()
        self.finished.emit(window)


def set_up(data_dir: Path, runner: TaskRunner) -> Prepared | None:
    """First run: the database and the first administrator (None when cancelled)."""
    from desktop.services import build_services

    config = Config.from_env(data_dir)
    opened = open_or_set_up(config, runner)
    if opened is None:
        return None
    return Prepared(config, opened, build_services(
        opened.db, opened.device_id, engine=opened.db.engine, key_info=opened.key_info,
        defer_views=True))


def run_gui(data_dir: Path, username: str = "") -> int:
    """The desktop app: from the first window to the end of the session."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app, saved_language(data_dir), preferences.text_scale(data_dir))
    crash = CrashReporter(Config(data_dir).log_dir)
    sys.excepthook = crash.hook
    # Cycles are collected on this thread only (a worker must never destroy a Qt object).
    collector = GuiThreadCollector(app)
    collector.start()
    try:
        return _session(app, data_dir, username, crash)
    finally:
        collector.stop()


def _session(app: QApplication, data_dir: Path, username: str, crash: CrashReporter) -> int:
    runner = TaskRunner(crash.report)
    ready = None
    if first_run(data_dir):
        from desktop.models.db import DatabaseUnavailable
        from desktop.models.keystore import KeyUnavailable

        try:
            ready = set_up(data_dir, runner)
        except (KeyUnavailable, DatabaseUnavailable) as exc:
            QMessageBox(QMessageBox.Icon.Warning, app.translate("App", "つなぎ"), str(exc)).exec()
            return 1
        if ready is None:
            return 0
    startup = Startup(data_dir, username, crash, ready, runner)
    startup.finished.connect(lambda window: window is None and app.quit())
    startup.start()
    code = app.exec()
    # Queued writes finish and the last view audits are written before the database closes.
    startup.runner.shutdown()
    if startup.ready is not None:
        startup.ready.opened.db.close()
    return code
