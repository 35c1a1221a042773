"""The desktop application's composition root: config → database → services → windows."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial
from pathlib import Path
from types import TracebackType

import keyring
from keyring.backends import fail
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.catalogue import install_for_app
from desktop.config import Config
from desktop.errors import frames_only
from desktop.i18n import DEFAULT_LANGUAGE, saved_language
from desktop.models.db import DatabaseUnavailable, refresh_statistics
from desktop.models.keystore import KeyUnavailable, format_recovery_key
from desktop.models.storage import (
    OpenedDatabase,
    create_database,
    database_exists,
    open_database,
)
from desktop.resources import resource_path
from desktop.services import Services, build_services
from desktop.services.auth import validate_new_user
from desktop.services.outreach import create_working_database
from desktop.ui.login import LoginDialog, PassphraseDialog, RecoveryKeyDialog, SetupDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner

log = logging.getLogger("tsunagi.app")
UI_FONT = "ipaexg.ttf"


def setup_application(app: QApplication, language: str = DEFAULT_LANGUAGE) -> str:
    """Bundled Japanese font (so Japanese never shows as boxes), stylesheet, names, and the
    language chosen on this PC (Qt's own words — Cancel, Yes, No — in the same language).
    Returns the language in use (Japanese when the English catalogue is missing)."""
    app.setApplicationName("Tsunagi")
    language = install_for_app(app, language)
    app.setApplicationDisplayName(app.translate("App", "つなぎ"))
    family = "IPAexGothic"
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", UI_FONT)))
    if font_id >= 0:
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    app.setFont(QFont(family, 10))
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
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
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def open_or_set_up(config: Config, runner: TaskRunner) -> OpenedDatabase | None:
    """Open the database, asking for the passphrase when needed; on first run, set up the
    database and the first administrator. None when the person cancels. The database work
    runs on the runner's write lane; the screens keep painting meanwhile."""
    if not database_exists(config):
        created: list[OpenedDatabase] = []

        def create(username: str, display: str, password: str, passphrase: str | None) -> str:
            validate_new_user(username, display, "admin", password)
            cfg = Config(config.data_dir, config.db_url, passphrase or config.passphrase)
            opened = create_database(cfg)
            build_services(opened.db, opened.device_id).auth.create_first_admin(
                username, display, password)
            created.append(opened)
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


def run_gui(config: Config, args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app, saved_language(config.data_dir))
    crash = CrashReporter(config.log_dir)
    sys.excepthook = crash.hook
    runner = TaskRunner(crash.report)
    try:
        opened = open_or_set_up(config, runner)
    except (KeyUnavailable, DatabaseUnavailable) as exc:
        QMessageBox(QMessageBox.Icon.Warning, app.translate("App", "つなぎ"), str(exc)).exec()
        return 1
    if opened is None:
        return 0
    # View audits are written by the runner's write lane, in batches, off the reads' path.
    services: Services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                                        key_info=opened.key_info, defer_views=True)
    runner.bind(services)
    login = LoginDialog(runner, username=args.user or os.environ.get("TSUNAGI_USER", ""))
    if not login.exec() or login.actor is None:
        runner.shutdown()
        return 0
    # Planner statistics, refreshed off the GUI thread and never waiting for another
    # process's write lock (opening the database writes nothing).
    runner.write(lambda: refresh_statistics(opened.db.engine))
    window = MainWindow(services, login.actor, runner, config.data_dir)
    app.installEventFilter(window.idle_watcher)
    window.show()
    code = app.exec()
    runner.shutdown()
    opened.db.close()
    return code
