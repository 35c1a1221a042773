"""Sign-in, first-run set-up, the recovery key notice and the lock screen.

Imported before anything else is loaded (the sign-in window is the first thing painted), so
it needs Qt and the standard library only: the services arrive later, as callables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import DatabaseBusy, DomainError
from desktop.i18n import translator
from desktop.ui.widgets import ErrorLabel, Form, fit_to_screen, grow_to_messages

if TYPE_CHECKING:
    from desktop.services.context import Actor
    from desktop.ui.tasks import TaskRunner

_t = translator("Login")


def _password_field(form: Form, name: str, label: str) -> QLineEdit:
    edit = form.text(name, label)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """ユーザー名とパスワード. The actor is in ``self.actor`` after acceptance.

    Signing in writes (the audit row, the failure count), so the check runs as a command
    (Login) on the runner's write lane. With ``runner`` (the lock screen) the dialog runs it
    itself. Without it (the start, before the database is open) ``submitted`` is emitted and
    the start-up answers with ``signed_in`` or ``refused``."""

    submitted = Signal(str, str)
    SWITCH_USER = 2  # the lock screen's 別のユーザーでサインイン (exec's result)

    def __init__(self, runner: TaskRunner | None = None, username: str = "",
                 locked_user: str | None = None, parent: QWidget | None = None,
                 idle: bool = True, passphrase: bool = False) -> None:
        super().__init__(parent)
        self.runner = runner
        self.actor: Actor | None = None
        # Qt adds the application's name to every title (「ログイン — つなぎ」).
        self.setWindowTitle(_t("ログイン") if locked_user is None else _t("画面のロック"))
        layout = QVBoxLayout(self)
        if locked_user is None:
            title = QLabel(_t("つなぎ"))
            title.setObjectName("loginTitle")
        else:
            title = QLabel(_t("一定時間操作がなかったため、画面をロックしました。") if idle
                           else _t("画面をロックしました。"))
            title.setObjectName("lockNotice")
            title.setWordWrap(True)
        layout.addWidget(title)
        if locked_user is None:
            subtitle = QLabel(_t("就労支援ケース管理"))
            subtitle.setObjectName("loginSubtitle")
            layout.addWidget(subtitle)
        self.form = Form(self)
        # The database passphrase, on a PC whose keychain does not hold the key: asked in
        # this window, first, never by a window popping up over it while someone types.
        self.passphrase = _password_field(self.form, "passphrase", _t("データベースの鍵"))
        self.passphrase.setPlaceholderText(_t("パスフレーズまたは回復キー"))
        self.passphrase.setMinimumWidth(  # the hint whole (the other fields grow with it)
            self.passphrase.fontMetrics().horizontalAdvance(self.passphrase.placeholderText())
            + 56)
        self.form.layout_.setRowVisible(self.passphrase.parentWidget(), passphrase)
        self.username = self.form.text("username", _t("ユーザー名"), locked_user or username)
        self.username.setReadOnly(locked_user is not None)
        self.password = _password_field(self.form, "password", _t("パスワード"))
        layout.addWidget(self.form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.status = QLabel()
        self.status.setObjectName("loginStatus")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_t("ログイン") if locked_user is None else _t("ロック解除"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_t("終了") if locked_user is None else _t("アプリを終了"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        if locked_user is not None:
            # On a shared PC a colleague signs in without quitting the app: the locked
            # session is signed out first (its unsaved changes asked about).
            switch = buttons.addButton(_t("別のユーザーでサインイン"),
                                       QDialogButtonBox.ButtonRole.ResetRole)
            switch.setObjectName("switchUser")
            switch.clicked.connect(lambda: self.done(self.SWITCH_USER))
        layout.addWidget(buttons)
        first = self.password if locked_user or username else self.username
        (self.passphrase if passphrase else first).setFocus()

    @property
    def asks_passphrase(self) -> bool:
        return not self.passphrase.parentWidget().isHidden()

    def ask_passphrase(self, message: str, answer_now: bool) -> None:
        """The key must be typed: the passphrase row is shown with ``message`` under it.
        ``answer_now`` (the person pressed ログイン and waits): it takes the focus and the
        button is enabled again; otherwise the focus stays where the person is typing."""
        self.form.layout_.setRowVisible(self.passphrase.parentWidget(), True)
        self.form.errors["passphrase"].show_message(message)
        self.fit_messages()
        if answer_now:
            self.status.clear()
            self.ok.setEnabled(True)
            self.passphrase.clear()
            self.passphrase.setFocus()

    def next_person(self, username: str = "") -> None:
        """Ready for the next sign-in after a sign-out: nothing of the last one is left."""
        self.actor = None
        self.form.layout_.setRowVisible(self.passphrase.parentWidget(), False)  # open now
        self.passphrase.clear()
        self.username.setText(username)
        self.password.clear()
        self.error.show_message("")
        self.status.clear()
        self.ok.setEnabled(True)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        self.error.show_message("")
        self.form.errors["passphrase"].show_message("")
        self.ok.setEnabled(False)
        self.status.setText(_t("確認しています…"))
        if self.runner is None:
            self.submitted.emit(username, password)
            return
        from desktop.services.commands import Login

        runner = self.runner
        runner.run(Login(username, password), parent=self, on_done=self.signed_in,
                   on_failed=lambda exc: self.login_failed(exc, username, password, runner))

    def login_failed(self, exc: BaseException, username: str, password: str,
                     runner: TaskRunner) -> bool:
        """A refusal shown here (True); an initial password changed first; the busy message
        with its retry, or a crash, is left to present_error."""
        from desktop.services.errors import PasswordChangeRequired

        if isinstance(exc, PasswordChangeRequired):
            self.change_password(username, password, runner)
            return True
        if isinstance(exc, DomainError) and not isinstance(exc, DatabaseBusy):
            self.refused(exc.message)
            return True
        self.refused("")
        return False

    def change_password(self, username: str, password: str, runner: TaskRunner) -> None:
        """Signed in with an initial or reset password: a new one first (a command too)."""
        from desktop.ui.password_dialog import change_initial_password

        actor = change_initial_password(self, runner, username, password)
        if actor is None:
            self.password_not_changed()
        else:
            self.signed_in(actor)

    def password_not_changed(self) -> None:
        self.refused(_t("新しいパスワードに変更するまでログインできません"))

    def signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.status.clear()
        self.accept()

    def refused(self, message: str) -> None:
        self.status.clear()
        self.ok.setEnabled(True)
        self.error.show_message(message)
        self.fit_messages()
        self.password.clear()
        self.password.setFocus()

    def fit_messages(self) -> None:
        """Grow the window to the messages shown: a refusal of three lines cut the password
        field off at the bottom of the window (widgets.grow_to_messages)."""
        grow_to_messages(self, [self.error, *self.form.errors.values()])


class SetupDialog(QDialog):
    """First run: there is no database yet. Creates it and the first administrator through
    ``create`` (which returns the recovery key to show once)."""

    def __init__(self, runner: TaskRunner, create: Callable[[str, str, str, str | None], str],
                 needs_passphrase: bool, parent: QWidget | None = None,
                 open_kit: Callable[[Path, str, str | None], str] | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.create = create
        self.open_kit = open_kit
        self.needs_passphrase = needs_passphrase
        self.recovery_key = ""
        self.setWindowTitle(_t("はじめての設定"))
        layout = QVBoxLayout(self)
        intro = QLabel(_t(
            "この端末にはまだデータベースがありません。暗号化されたデータベースと、"
            "最初の管理者アカウントを作成します。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(self)
        self.username = self.form.text("username", _t("管理者のユーザー名"), "admin")
        self.display = self.form.text("display_name", _t("表示名"))
        self.password = _password_field(self.form, "password", _t("パスワード（8文字以上）"))
        self.confirm = _password_field(self.form, "confirm", _t("パスワード（確認）"))
        self.passphrase: QLineEdit | None = None
        if needs_passphrase:
            self.passphrase = _password_field(
                self.form, "passphrase", _t("データベースのパスフレーズ（10文字以上）"))
            self.passphrase_confirm = _password_field(
                self.form, "passphrase_confirm", _t("パスフレーズ（確認）"))
        layout.addWidget(self.form)
        if open_kit is not None:
            kit_intro = QLabel(_t(
                "出張相談用のノートPCでは、事務所で作った出張用キットからデータベースを作ります"
                "（ログインは事務所と同じユーザー名・パスワードです）。"))
            kit_intro.setWordWrap(True)
            layout.addWidget(kit_intro)
            from_kit = QPushButton(_t("出張用キットから始める…"))
            from_kit.setObjectName("fromKit")
            from_kit.clicked.connect(self.start_from_kit)
            layout.addWidget(from_kit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("作成する"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("キャンセル"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def start_from_kit(self) -> None:
        from desktop.ui.outreach_dialogs import passphrase_dialog
        from desktop.ui.preview import choose_open_path

        assert self.open_kit is not None
        self.form.clear_errors()
        database_passphrase = None
        if self.passphrase is not None:
            database_passphrase = self.passphrase.text()
            if not database_passphrase or database_passphrase != self.passphrase_confirm.text():
                self.form.show_error("passphrase", _t(
                    "この端末のデータベースのパスフレーズを入力してから、キットを選んでください"))
                return
        path = choose_open_path(self, _t("出張用キットを選択"),
                                _t("出張用キット (*.tsunagi-kit)"))
        if not path:
            return
        kit_passphrase = passphrase_dialog(self, _t("出張用キットを開く"), confirm=False)
        if not kit_passphrase:
            return
        open_kit = self.open_kit
        if self._created(lambda: open_kit(Path(path), kit_passphrase, database_passphrase)):
            self.accept()

    def submit(self) -> None:
        self.form.clear_errors()
        if self.password.text() != self.confirm.text():
            self.form.show_error("confirm", _t("パスワードが一致しません"))
            return
        passphrase = None
        if self.passphrase is not None:
            passphrase = self.passphrase.text()
            if passphrase != self.passphrase_confirm.text():
                self.form.show_error("passphrase_confirm", _t("パスフレーズが一致しません"))
                return
        username, password = self.username.text().strip(), self.password.text()
        display = self.display.text().strip() or username
        if self._created(lambda: self.create(username, display, password, passphrase)):
            self.accept()

    def _created(self, create: Callable[[], str]) -> bool:
        """Create the database on the runner's write lane (the dialog keeps painting); a
        refusal or a key store or database problem is shown in the form, anything else
        goes to the crash reporter."""
        from desktop.models.db import DatabaseUnavailable
        from desktop.models.keystore import KeyUnavailable
        from desktop.models.migrate import MigrationFailed

        self.setEnabled(False)
        try:
            self.recovery_key = self.runner.call(create)
        except (KeyUnavailable, DatabaseUnavailable, MigrationFailed) as exc:
            self.form.show_error("", str(exc))  # Japanese messages of the storage layer
            return False
        except BaseException as exc:
            self.runner.present(exc, parent=self, form=self.form)
            return False
        finally:
            self.setEnabled(True)
        return True


# Clipboard formats that tell history and sync tools to skip an entry: Windows' clipboard
# history and cloud clipboard, and KDE Klipper.
SECRET_FORMATS = {
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
    "x-kde-passwordManagerHint": b"secret",
}


def copy_secret(text: str) -> QMimeData:
    """Put a secret on the clipboard marked so that clipboard history keeps no copy."""
    data = QMimeData()
    data.setText(text)
    for fmt, value in SECRET_FORMATS.items():
        data.setData(fmt, QByteArray(value))
    QGuiApplication.clipboard().setMimeData(data)
    return data


def clear_secret(text: str) -> None:
    """Take the secret off the clipboard if it is still there."""
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == text:
        clipboard.clear()


def print_recovery_key(parent: QWidget, key: str) -> bool:
    """The recovery key on paper, through the system's print dialog (nothing is written
    to a file on the way). True when it was sent to a printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_t("つなぎ 回復キー"))
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    document = QTextDocument()
    document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    document.setPlainText("\n\n".join((_t("つなぎ 回復キー"), recovery_key_lines(key), _t(
        "金庫など安全な場所に保管してください。データベースの鍵を失ったとき、"
        "データベースを開ける唯一の手段です。"))))
    document.print_(printer)
    return True


def recovery_key_lines(key: str) -> str:
    """The 16 groups of the key on four lines of four, as read aloud and copied by hand."""
    groups = key.split("-")
    return "\n".join("-".join(groups[i:i + 4]) for i in range(0, len(groups), 4))


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, whole, on four lines in a fixed-width font; closes only
    after the administrator confirms a copy (Esc and the window's close button do not
    skip that)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("回復キー"))
        layout = QVBoxLayout(self)
        text = QLabel(_t(
            "次の回復キーを紙に書き写すか印刷し、金庫など安全な場所に保管してください。"
            "鍵を失ったとき、データベースを開ける唯一の手段です。この画面は二度と表示されません。"))
        text.setWordWrap(True)
        layout.addWidget(text)
        field = QPlainTextEdit(recovery_key_lines(key))
        field.setReadOnly(True)
        field.setObjectName("recoveryKey")
        field.setAccessibleName(_t("回復キー"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF()) * 1.3)
        field.setFont(mono)
        field.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        field.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = field.fontMetrics()
        field.setMinimumWidth(metrics.horizontalAdvance("0000-" * 4) + 40)
        field.setFixedHeight(metrics.lineSpacing() * 4 + 24)
        layout.addWidget(field)
        row = QHBoxLayout()
        copy = QPushButton(_t("クリップボードにコピー"))
        copy.setObjectName("copyRecoveryKey")
        copy.clicked.connect(lambda: copy_secret(key))
        row.addWidget(copy)
        printed = QPushButton(_t("印刷…"))
        printed.setObjectName("printRecoveryKey")
        printed.clicked.connect(self.print_key)
        row.addWidget(printed)
        row.addStretch(1)
        layout.addLayout(row)
        self.key = key
        self.confirmed = QCheckBox(_t("回復キーを控えました"))
        layout.addWidget(self.confirmed)
        self.notice = QLabel()
        self.notice.setObjectName("fieldError")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.confirmed.toggled.connect(ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_screen(self, 480, self.sizeHint().height())

    def print_key(self) -> None:
        print_recovery_key(self, self.key)

    def reject(self) -> None:
        """Esc and the window's close button come here (QDialog): not before the key has
        been noted."""
        if not self.confirmed.isChecked():
            self.notice.setText(_t("回復キーを控えてから、「回復キーを控えました」に"
                                   "チェックを入れて閉じてください。"))
            self.confirmed.setFocus()
            return
        super().reject()

    def done(self, result: int) -> None:
        clear_secret(self.key)  # the paper copy is the one to keep
        super().done(result)


class PassphraseDialog(QDialog):
    """Asks for the database passphrase (or the recovery key) when no keychain holds it."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("データベースの鍵"))
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.form = Form(self)
        self.passphrase = _password_field(self.form, "passphrase",
                                          _t("パスフレーズまたは回復キー"))
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
