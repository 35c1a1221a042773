"""担当: who is in charge of a case. The person's 担当 tab (history and 担当を変更…), and
管理 → 担当の一括変更, which moves a whole caseload from one caseworker to another after a
preview (the April 人事異動). Every change is audited and written to the person's history."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.auth import UserSummary
from desktop.services.commands import AssignCaseworker, MoveCaseload
from desktop.services.context import Actor
from desktop.services.labels import ASSIGNMENT_REASONS
from desktop.services.permissions import allowed
from desktop.services.persons import (
    ASSIGNABLE_ROLES,
    AssignmentRecord,
    CaseloadMove,
    StaffChoice,
)
from desktop.ui import dialogs
from desktop.ui.admin_common import ListModel, list_view, refuse_or_report
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, parenthesised, wareki
from desktop.ui.widgets import fit_to_screen

_t = translator("Admin")
_labels = translator("Labels")


def staff_label(s: StaffChoice | UserSummary) -> str:
    return parenthesised(s.display_name, s.organisation_name) if s.organisation_name else (
        s.display_name)


def choose_caseworker(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
                      person_id: uuid.UUID, staff: list[StaffChoice],
                      current: uuid.UUID | None) -> AssignmentRecord | None:
    """担当を変更: the new caseworker from today."""
    def build(f: Any) -> None:
        options = [(s.id, staff_label(s)) for s in staff if s.id != current]
        f.choice("caseworker", _t("新しい担当"), options)

    def submit(v: dict[str, Any]) -> AssignCaseworker:
        return AssignCaseworker(person_id, v["caseworker"])

    dialog = CommandDialog(runner, _t("担当の変更"), build, submit, _t(
        "今日から新しい担当のケースになります。変更は担当の履歴に残ります。"), _t("変更する"),
        parent)
    dialog.setObjectName("assignDialog")
    return dialog.result_value if dialog.exec() else None


class AssignmentTab(QWidget):
    """A person's 担当: the caseworker now, the history, and 担当を変更… for managers. The
    change is a command: the person's view reloads from its Changes, and with it this tab."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.person_id = person_id
        self.current: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("assignmentSummary")
        top.addWidget(self.summary, 1)
        self.change_button = QPushButton(_t("担当を変更…"))
        self.change_button.setObjectName("changeCaseworker")
        self.change_button.setVisible(allowed(actor, "assign_caseworker"))
        self.change_button.clicked.connect(self.change)
        top.addWidget(self.change_button)
        layout.addLayout(top)
        layout.addWidget(QLabel(_t("担当の履歴")))
        self.model = ListModel(
            [_t("日付"), _t("担当"), _t("前の担当"), _t("組織"), _t("理由"), _t("記録した人")],
            lambda a: (wareki(a.effective_on), a.caseworker_name or _t("（なし）"),
                       a.previous_caseworker_name, a.organisation_name,
                       _labels(ASSIGNMENT_REASONS.get(a.reason, a.reason)), a.recorded_by))
        self.view = list_view(self.model, "assignmentHistory")
        layout.addWidget(self.view, 1)

    def show_person(self, caseworker_id: uuid.UUID | None, caseworker: str,
                    organisation: str) -> None:
        """The person as loaded by the record view; the history is read here."""
        self.current = caseworker_id
        self.summary.setText(_t("担当: {name}　組織: {org}").format(
            name=caseworker or _t("（なし）"), org=organisation or "—"))
        self.runner.read(
            lambda: self.services.persons.assignment_history(self.actor, self.person_id),
            self.model.replace, refuse_or_report(self, self.runner, _t("担当の履歴")),
            key=("assignments", id(self)), owner=self)

    def change(self) -> None:
        def chosen(staff: list[StaffChoice]) -> None:
            choose_caseworker(self, self.services, self.actor, self.runner, self.person_id,
                              staff, self.current)

        self.runner.read(lambda: self.services.persons.assignable_staff(self.actor), chosen,
                         refuse_or_report(self, self.runner, _t("担当の変更")), owner=self)


class CaseloadMoveDialog(QDialog):
    """担当の一括変更: choose from and to, see every case that would move, then move them."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.previewed: tuple[uuid.UUID, uuid.UUID] | None = None
        self.setWindowTitle(_t("管理 — 担当の一括変更（人事異動）"))
        self.setObjectName("caseloadMoveDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_t("ある職員の担当ケースを、まとめて別の職員の担当にします。"
                          "先に「対象を表示」で移すケースを確かめてください。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("移す元")))
        self.source = QComboBox()
        self.source.setObjectName("moveFrom")
        row.addWidget(self.source, 1)
        row.addWidget(QLabel(_t("移す先")))
        self.target = QComboBox()
        self.target.setObjectName("moveTo")
        row.addWidget(self.target, 1)
        self.preview_button = QPushButton(_t("対象を表示"))
        self.preview_button.setObjectName("previewMove")
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        self.count = QLabel()
        self.count.setObjectName("moveCount")
        layout.addWidget(self.count)
        self.model = ListModel([_t("ケース番号"), _t("氏名"), _t("状態")],
                               lambda c: (c.case_number, c.name,
                                          label("state", c.state) if c.state else "—"))
        layout.addWidget(list_view(self.model, "moveList"), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.move_button = QPushButton(_t("移す"))
        self.move_button.setObjectName("applyMove")
        self.move_button.setEnabled(False)
        self.move_button.clicked.connect(self.apply)
        buttons.addWidget(self.move_button)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for combo in (self.source, self.target):
            combo.currentIndexChanged.connect(lambda _: self._pair_changed())
        fit_to_screen(self, 820, 560)

        def load() -> tuple[list[UserSummary], list[StaffChoice]]:
            return (self.services.auth.list_users(self.actor),
                    self.services.persons.assignable_staff(self.actor))

        self.runner.read(load, self._loaded, refuse_or_report(self, self.runner, _t("職員")),
                         owner=self)

    def _loaded(self, data: tuple[list[UserSummary], list[StaffChoice]]) -> None:
        everyone, assignable = data
        for user in everyone:
            if user.role in ASSIGNABLE_ROLES:  # those who may hold cases
                suffix = "" if user.active else _t("（無効）")
                self.source.addItem(staff_label(user) + suffix, user.id)
        for choice in assignable:
            self.target.addItem(staff_label(choice), choice.id)

    def _pair(self) -> tuple[uuid.UUID, uuid.UUID] | None:
        source, target = self.source.currentData(), self.target.currentData()
        return (source, target) if source and target else None

    def _pair_changed(self) -> None:
        self.move_button.setEnabled(False)
        self.previewed = None
        self.model.replace([])
        self.count.setText("")

    def preview(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        # The preview writes nothing (dry_run): a read.
        self.runner.read(lambda: self.services.persons.move_caseload(
            self.actor, pair[0], pair[1], dry_run=True),
            lambda moved: self._previewed(pair, moved),
            refuse_or_report(self, self.runner, _t("担当の一括変更")), key=("move", id(self)),
            owner=self)

    def _previewed(self, pair: tuple[uuid.UUID, uuid.UUID], moved: CaseloadMove) -> None:
        self.model.replace(list(moved.cases))
        self.count.setText(_t("{source} の担当 {n} 件を {target} へ移します").format(
            source=moved.from_name, n=len(moved.cases), target=moved.to_name))
        self.previewed = pair
        self.move_button.setEnabled(bool(moved.cases))

    def apply(self) -> None:
        pair = self._pair()
        if pair is None or pair != self.previewed or not dialogs.ask_confirm(
                self, _t("担当の一括変更"), _t("表示した {n} 件の担当を移します。よろしいですか？").format(
                    n=self.model.rowCount())):
            return

        def done(moved: CaseloadMove) -> None:
            # The moved cases leave the list at once (it listed them under the message,
            # which waits for OK), then the preview is read again for what is left.
            self._pair_changed()
            self.preview()
            dialogs.show_info(self, _t("担当の一括変更"), _t(
                "{n} 件を {source} から {target} へ移しました。").format(
                    n=len(moved.cases), source=moved.from_name, target=moved.to_name))

        self.move_button.setEnabled(False)
        self.runner.run(MoveCaseload(pair[0], pair[1]), parent=self, on_done=done,
                        on_failed=self._move_failed, title=_t("担当の一括変更"))

    def _move_failed(self, _exc: BaseException) -> bool:
        self.move_button.setEnabled(True)
        return False  # present_error shows it
