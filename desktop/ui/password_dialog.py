"""The new password of a user signing in with an initial or reset one: until it is changed
they can do nothing else, so the sign-in asks for it at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.i18n import translator
from desktop.services.auth import MIN_PASSWORD, AuthService
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput
from desktop.ui.forms import ActionDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Form

_t = translator("Login")


def change_initial_password(parent: QWidget | None, auth: AuthService, username: str,
                            current: str, runner: TaskRunner | None = None) -> Actor | None:
    """Sign in by choosing a new password; the actor, or None when cancelled. With a
    ``runner`` the change runs on its worker."""
    def build(form: Form) -> None:
        for name, text in (("new", _t("新しいパスワード（{n}文字以上）").format(n=MIN_PASSWORD)),
                           ("confirm", _t("新しいパスワード（確認）"))):
            form.text(name, text).setEchoMode(QLineEdit.EchoMode.Password)

    def submit(v: dict[str, Any]) -> Actor:
        if v["new"] != v["confirm"]:
            raise InvalidInput("confirm", _t("新しいパスワードが一致しません"))
        return auth.change_initial_password(username, current, v["new"])

    dialog = ActionDialog(
        _t("パスワードの変更"), build, submit,
        _t("初期パスワード（または管理者がリセットしたパスワード）でログインしました。"
           "使い始める前に、自分だけが知っている新しいパスワードに変更してください。"),
        _t("変更してログイン"), parent, runner)
    dialog.setObjectName("initialPasswordDialog")
    return dialog.result_value if dialog.exec() else None
