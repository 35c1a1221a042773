"""管理 → 職員: staff accounts (display name, role, organisation, 内線), disable and enable,
and password resets. An administrator manages; a supervisor sees their organisation's staff.
Every initial or reset password is shown once and must be changed at the next sign-in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.auth import StaffChanges, UserSummary
from desktop.services.commands import AddStaff, ResetPassword, SetStaffActive, UpdateStaff
from desktop.services.context import Actor
from desktop.services.organisations import OrganisationRecord
from desktop.services.permissions import allowed
from desktop.ui import dialogs
from desktop.ui.admin_common import (
    ListModel,
    list_view,
    refuse_or_report,
    required_text,
    role_choices,
    selected,
    staff_fields,
    temporary_password,
)
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, wareki
from desktop.ui.widgets import fit_to_screen

_t = translator("Admin")


@dataclass(frozen=True)
class AddedStaff:
    user: UserSummary
    password: str  # the initial password, to tell the colleague once


def staff_state(u: UserSummary) -> str:
    if not u.active:
        return _t("無効")
    if u.locked:
        return _t("ロック中")
    if u.must_change_password:
        return _t("初回のパスワード変更待ち")
    return _t("有効")


def add_staff(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
              organisations: list[OrganisationRecord]) -> AddedStaff | None:
    def build(f: Any) -> None:
        staff_fields(f, organisations, actor.organisation_id)
        f.text("password", _t("初期パスワード（本人が最初のログインで変更）"), temporary_password())

    typed: dict[str, str] = {}

    def submit(v: dict[str, Any]) -> AddStaff:
        typed["password"] = required_text(v, "password", _t("初期パスワードを入力してください"))
        return AddStaff(v["username"], v["display_name"], v["role"], typed["password"],
                        v["organisation"], v["phone_extension"])

    dialog = CommandDialog(runner, _t("職員の登録"), build, submit, "", _t("登録"), parent)
    dialog.setObjectName("staffDialog")
    if not dialog.exec():
        return None
    added = AddedStaff(dialog.result_value, typed["password"])
    dialogs.show_info(parent, _t("職員の登録"), _t(
        "{name}（{username}）を登録しました。初期パスワード: {password}\n"
        "本人に伝えてください。最初のログインで本人のパスワードに変更します。").format(
            name=added.user.display_name, username=added.user.username, password=added.password))
    return added


def edit_staff(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
               user: UserSummary, organisations: list[OrganisationRecord]) -> UserSummary | None:
    def build(f: Any) -> None:
        f.text("display_name", _t("表示名（氏名）"), user.display_name)
        f.choice("role", _t("権限"), role_choices(), user.role)
        f.choice("organisation", _t("所属"), [(o.id, o.name) for o in organisations],
                 user.organisation_id)
        f.text("phone_extension", _t("内線"), user.phone_extension)

    def submit(v: dict[str, Any]) -> UpdateStaff:
        return UpdateStaff(user.username, StaffChanges(
            v["display_name"], v["role"], v["organisation"], v["phone_extension"]))

    dialog = CommandDialog(runner, _t("職員の編集 — {username}").format(username=user.username),
                           build, submit, "", _t("保存"), parent)
    dialog.setObjectName("staffDialog")
    return dialog.result_value if dialog.exec() else None


class StaffDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.organisations: list[OrganisationRecord] = []
        self.setWindowTitle(_t("管理 — 職員"))
        self.setObjectName("staffListDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_t("職員の登録・変更と、パスワードのリセットです。退職・異動した職員は無効にします"
                          "（担当ケースは 管理 → 担当の一括変更 で移します）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ListModel(
            [_t("ユーザー名"), _t("表示名"), _t("権限"), _t("所属"), _t("内線"), _t("状態"),
             _t("最終ログイン")],
            lambda u: (u.username, u.display_name, label("role", u.role), u.organisation_name,
                       u.phone_extension, staff_state(u),
                       wareki(u.last_login_at.date()) if u.last_login_at else ""))
        self.view = list_view(self.model, "staffList")
        self.view.doubleClicked.connect(lambda _: self.edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("addStaff", _t("追加…"), self.add),
                                ("editStaff", _t("編集…"), self.edit),
                                ("toggleStaff", _t("無効にする"), self.toggle),
                                ("resetPassword", _t("パスワードをリセット…"), self.reset)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            button.setVisible(allowed(actor, "manage_users"))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1000, 480)
        self.reload()

    def reload(self) -> None:
        def load() -> tuple[list[UserSummary], list[OrganisationRecord]]:
            return (self.services.auth.list_users(self.actor),
                    self.services.organisations.organisations())

        self.runner.read(load, self._loaded, refuse_or_report(self, self.runner, _t("職員")),
                         key=("staff", id(self)), owner=self)

    def _loaded(self, data: tuple[list[UserSummary], list[OrganisationRecord]]) -> None:
        users, self.organisations = data
        self.model.replace(users)
        self._selection()

    def _selection(self) -> None:
        user = selected(self.view)
        for key in ("editStaff", "toggleStaff", "resetPassword"):
            self.buttons[key].setEnabled(user is not None)
        self.buttons["toggleStaff"].setText(
            _t("有効に戻す") if user is not None and not user.active else _t("無効にする"))

    def add(self) -> None:
        if add_staff(self, self.services, self.actor, self.runner, self.organisations):
            self.reload()

    def edit(self) -> None:
        user = selected(self.view)
        if user is not None and allowed(self.actor, "manage_users") and edit_staff(
                self, self.services, self.actor, self.runner, user, self.organisations):
            self.reload()

    def toggle(self) -> None:
        user = selected(self.view)
        if user is None:
            return
        if user.active and not dialogs.ask_confirm(self, _t("職員を無効にする"), _t(
                "{name} を無効にします。ログインできなくなり、新しく担当にもできなくなります"
                "（記録はそのまま残ります）。").format(name=user.display_name)):
            return
        self.runner.run(SetStaffActive(user.username, not user.active), parent=self,
                        on_done=lambda _: self.reload(), title=_t("職員"))

    def reset(self) -> None:
        user = selected(self.view)
        if user is None or not dialogs.ask_confirm(self, _t("パスワードのリセット"), _t(
                "{name} に仮のパスワードを設定します。本人は次のログインで新しいパスワードに"
                "変更します（ロックも解除されます）。").format(name=user.display_name)):
            return
        password = temporary_password()

        def done(_: object) -> None:
            dialogs.show_info(self, _t("パスワードのリセット"), _t(
                "{name}（{username}）の仮のパスワード: {password}\n本人に伝えてください。").format(
                    name=user.display_name, username=user.username, password=password))
            self.reload()

        self.runner.run(ResetPassword(user.username, password), parent=self, on_done=done,
                        title=_t("パスワードのリセット"))
