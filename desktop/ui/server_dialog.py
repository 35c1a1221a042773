"""管理者: which database this PC uses, the local encrypted file or the office's PostgreSQL
server. The connection is tried (and the schema brought up to date) before the setting is
saved; the password goes to the OS keychain, never to a file. Takes effect at next start."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

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
from desktop.services.errors import InvalidInput
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog

_t = translator("ServerDialog")


def _with_password(url: str, password: str) -> str:
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise InvalidInput("url", _t("URL の形式が正しくありません")) from None
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def configure_server(parent: QWidget | None, data_dir: Path) -> bool:
    """Ask for the server and save it. True when a new setting was saved."""
    current = saved_server_url(data_dir)
    shown = without_password(current) if current else ""

    def build(form: Any) -> None:
        form.text("url", _t("サーバーの URL"), shown or "postgresql+psycopg://").setCursorPosition(0)
        form.text("password", _t("パスワード（キーチェーンに保存）")).setEchoMode(
            QLineEdit.EchoMode.Password)
        form.text("audit_key", _t("監査ログの鍵（XXXX-… の16組。キーチェーンに保存）")).setEchoMode(
            QLineEdit.EchoMode.Password)

    def submit(values: dict[str, Any]) -> str:
        url = _with_password(values.get("url") or "", values.get("password") or "")
        typed = (values.get("audit_key") or "").strip()
        if typed:
            key = parse_recovery_key(typed)
            if key is None:
                raise InvalidInput("audit_key", _t("監査ログの鍵は XXXX-XXXX-… の16組で入力してください"))
            if not save_audit_key(url, key):
                raise InvalidInput("audit_key", _t("この PC にはキーチェーンがないため、鍵を保存できません"
                                                   "（TSUNAGI_AUDIT_KEY で指定してください）"))
        try:
            opened = open_database(dataclasses.replace(Config(data_dir), db_url=url))
        except (DatabaseUnavailable, KeyUnavailable) as exc:
            raise InvalidInput("audit_key" if isinstance(exc, KeyUnavailable) else "url",
                               str(exc)) from None
        opened.db.close()
        return save_server(data_dir, url)

    intro = _t("事務所の複数の PC で一つのデータベースを使うときに設定します。\n"
               "例: postgresql+psycopg://tsunagi@db.example.lg.jp:5432/tsunagi"
               "?sslmode=verify-full&sslrootcert=C:/certs/root.crt\n"
               "接続を確認してから保存します。次回の起動から有効になります。"
               "この PC のデータをサーバーへ移すには、先に tsunagi migrate-to-server を使います。")
    dialog = ActionDialog(_t("データベースの接続先"), build, submit, intro=intro,
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
        dialogs.show_error(parent, _t("戻せませんでした"), str(exc))
        return False
    return True
