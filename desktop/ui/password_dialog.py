"""The new password of a user signing in with an initial or reset one: until it is changed
they can do nothing else, so the sign-in asks for it at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.i18n import translator
from desktop.services.auth import MIN_PASSWORD
from desktop.services.commands import ChangeInitialPassword
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Form

_t = translator("Login")


def change_initial_password(parent: QWidget | None, runner: TaskRunner, username: str,
                            current: str) -> Actor | None:
    """Sign in by choosing a new password (the ChangeInitialPassword command, on the write
    lane); the actor, or None when cancelled."""
    def build(form: Form) -> None:
        for name, text in (("new", _t("新しいパスワード（{n}文字以上）").format(n=MIN_PASSWORD)),
                           ("confirm", _t("新しいパスワード（確認）"))):
            form.text(name, text).setEchoMode(QLineEdit.EchoMode.Password)

    def submit(v: dict[str, Any]) -> ChangeInitialPassword:
        if v["new"] != v["confirm"]:
            raise InvalidInput("confirm", _t("新しいパスワードが一致しません"))
        return ChangeInitialPassword(username, current, v["new"])

    dialog = CommandDialog(
        runner, _t("パスワードの変更"), build, submit,
        _t("初期パスワード（または管理者がリセットしたパスワード）でログインしました。"
           "使い始める前に、自分だけが知っている新しいパスワードに変更してください。"),
        _t("変更してログイン"), parent)
    dialog.setObjectName("initialPasswordDialog")
    return dialog.result_value if dialog.exec() else None
