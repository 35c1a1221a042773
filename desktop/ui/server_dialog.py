"""管理者: which database this PC uses, the local encrypted file or the office's PostgreSQL
server. The connection is tried (and the schema brought up to date) before the setting is
saved, on the runner's write lane; the password goes to the OS keychain, never to a file.
Takes effect at next start."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config import Config
from desktop.errors import DomainError
from desktop.i18n import translator
from desktop.models.db import DatabaseUnavailable
from desktop.models.keystore import KeyUnavailable, parse_recovery_key
from desktop.models.server_settings import (
    forget_server,
    save_audit_key,
    save_server,
    saved_server_url,
    without_password,
)
from desktop.models.storage import open_database
from desktop.services.commands import Command
from desktop.services.errors import InvalidInput
from desktop.ui import dialogs
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.context import Actor

_t = translator("ServerDialog")


def _with_password(url: str, password: str) -> str:
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise InvalidInput("url", _t("URL の形式が正しくありません")) from None
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


@dataclass(frozen=True)
class UseServer(Command[str]):
    """Connect to the server (migrating its schema when needed), then keep it as this PC's
    database from the next start: the URL in server.json, the password and the audit key
    in the keychain. Returns the URL saved (without its password)."""

    data_dir: Path
    url: str = field(repr=False)
    audit_key: bytes | None = field(default=None, repr=False)

    def run(self, services: Services, actor: Actor | None) -> str:
        if self.audit_key is not None and not save_audit_key(self.url, self.audit_key):
            raise InvalidInput("audit_key", _t("この PC にはキーチェーンがないため、鍵を保存できません"
                                               "（TSUNAGI_AUDIT_KEY で指定してください）"))
        try:
            opened = open_database(dataclasses.replace(Config(self.data_dir), db_url=self.url))
        except (DatabaseUnavailable, KeyUnavailable) as exc:
            raise InvalidInput("audit_key" if isinstance(exc, KeyUnavailable) else "url",
                               str(exc)) from None
        opened.db.close()
        return save_server(self.data_dir, self.url)


def configure_server(parent: QWidget | None, runner: TaskRunner, data_dir: Path) -> bool:
    """Ask for the server and save it. True when a new setting was saved."""
    current = saved_server_url(data_dir)
    shown = without_password(current) if current else ""

    def build(form: Any) -> None:
        form.text("url", _t("サーバーの URL"), shown or "postgresql+psycopg://").setCursorPosition(0)
        form.text("password", _t("パスワード（キーチェーンに保存）")).setEchoMode(
            QLineEdit.EchoMode.Password)
        form.text("audit_key", _t("監査ログの鍵（XXXX-… の16組。キーチェーンに保存）")).setEchoMode(
            QLineEdit.EchoMode.Password)

    def submit(values: dict[str, Any]) -> UseServer:
        url = _with_password(values.get("url") or "", values.get("password") or "")
        typed = (values.get("audit_key") or "").strip()
        key = None
        if typed:
            key = parse_recovery_key(typed)
            if key is None:
                raise InvalidInput("audit_key", _t("監査ログの鍵は XXXX-XXXX-… の16組で入力してください"))
        return UseServer(data_dir, url, key)

    intro = _t("事務所の複数の PC で一つのデータベースを使うときに設定します。\n"
               "例: postgresql+psycopg://tsunagi@db.example.lg.jp:5432/tsunagi"
               "?sslmode=verify-full&sslrootcert=C:/certs/root.crt\n"
               "接続を確認してから保存します。次回の起動から有効になります。"
               "この PC のデータをサーバーへ移すには、先に tsunagi migrate-to-server を使います。")
    dialog = CommandDialog(runner, _t("データベースの接続先"), build, submit, intro=intro,
                           ok_text=_t("接続を確認して保存"), parent=parent)
    if not dialog.exec():
        return False
    dialogs.show_info(parent, _t("保存しました"), _t(
        "次回の起動から、サーバー {url} を使います。").format(url=dialog.result_value))
    return True


def use_local_database(parent: QWidget | None, data_dir: Path) -> bool:
    if saved_server_url(data_dir) is None:
        return False
    if not dialogs.ask_confirm(parent, _t("この PC のデータベースに戻す"), _t(
            "サーバーの設定とキーチェーンのパスワードを削除します。次回の起動から、"
            "この PC のデータベースを使います。サーバーのデータは変わりません。")):
        return False
    try:
        forget_server(data_dir)
    except (OSError, DomainError) as exc:
        dialogs.show_error(parent, _t("戻せませんでした"), exc.message if isinstance(
            exc, DomainError) else (exc.strerror or type(exc).__name__))
        return False
    return True
