"""Outreach kits in the desktop app: make a kit (office) or a return kit (laptop), and bring a
return kit back with every conflict shown side by side, field by field, for a person to
decide. Nothing is written until 取り込む, and then in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, translator
from desktop.services import Services
from desktop.services.auth import UserSummary
from desktop.services.commands import ApplyKit
from desktop.services.context import Actor
from desktop.services.errors import DatabaseBusy, DomainError, InvalidInput
from desktop.services.outreach import Conflict, ImportPlan, ImportResult
from desktop.services.persons import ASSIGNABLE_ROLES
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import user_label
from desktop.ui.widgets import fit_to_screen

_t = translator("OutreachDialogs")

FIELD_LABELS = {
    "phone_mobile": N_("電話（携帯）"), "phone_home": N_("電話（自宅）"), "address": N_("住所"),
    "postal_code": N_("郵便番号"), "household": N_("世帯状況"), "barriers": N_("就労阻害要因"),
    "family_name": N_("氏"), "given_name": N_("名"), "family_kana": N_("フリガナ（氏）"),
    "given_kana": N_("フリガナ（名）"), "content": N_("内容"), "next_action": N_("次の対応"),
    "next_action_due": N_("次の対応の期限"), "next_action_done_on": N_("次の対応の完了日"),
    "state": N_("状態"), "state_since": N_("状態の日付"), "note": N_("備考"), "deleted_at": N_("削除"),
    "caseworker_id": N_("担当者"), "category": N_("対象者区分"), "result": N_("結果"),
    "done_on": N_("確認日"), "end_on": N_("離職日"), "end_reason": N_("離職理由"), "employer": N_("事業所名"),
    "desired_job": N_("希望職種"), "work_history": N_("職歴"), "education": N_("学歴"),
    "licences": N_("資格・免許"), "closed_on": N_("終了日"), "closure_reason": N_("終了理由"),
}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return _t("（空欄）")
    return str(value)


def passphrase_dialog(parent: QWidget | None, title: str, confirm: bool) -> str | None:
    """Ask for a kit passphrase (twice when setting one). None when cancelled."""
    result: dict[str, str] = {}

    def build(form: Any) -> None:
        form.text("passphrase", _t("キットのパスフレーズ（10文字以上）")).setEchoMode(
            QLineEdit.EchoMode.Password)
        if confirm:
            form.text("confirm", _t("パスフレーズ（確認）")).setEchoMode(QLineEdit.EchoMode.Password)

    def submit(values: dict[str, Any]) -> None:
        value = values.get("passphrase") or ""
        if confirm and value != values.get("confirm"):
            raise InvalidInput("confirm", _t("パスフレーズが一致しません"))
        if len(value) < 10:
            raise InvalidInput("passphrase", _t("パスフレーズは10文字以上にしてください"))
        result["value"] = value

    intro = (_t("ノートPCでキットを開くときと、事務所で取り込むときに必要です。紙に控える場合は"
                "キットと別に保管してください。") if confirm else "")
    if ActionDialog(title, build, submit, intro=intro, ok_text="OK", parent=parent).exec():
        return result.get("value")
    return None


class ConflictBox(QGroupBox):
    """One conflict: the two versions side by side with a choice per field (or, for a
    look-alike person, merge or keep apart)."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(conflict.summary, parent)
        self.conflict = conflict
        self.choices: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        if conflict.kind == "possible_duplicate":
            combo = QComboBox()
            combo.addItem(_t("選んでください"), None)
            combo.addItem(_t("同じ人: 事務所の記録にまとめる"), "merge")
            combo.addItem(_t("別の人: 新しく登録する"), "new")
            layout.addWidget(combo)
            self.choices[""] = combo
            return
        if conflict.kind == "office_deleted":
            combo = QComboBox()
            combo.addItem(_t("選んでください"), None)
            combo.addItem(_t("事務所: 削除のままにする"), "office")
            combo.addItem(_t("ノートPC: 記録を戻す"), "laptop")
            layout.addWidget(combo)
            self.choices[""] = combo
            return
        table = QTableWidget(len(conflict.fields), 4)
        table.setHorizontalHeaderLabels([_t("項目"), _t("事務所"), _t("ノートPC"),
                                         _t("残す方")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, diff in enumerate(conflict.fields):
            table.setItem(row, 0, QTableWidgetItem(_t(FIELD_LABELS.get(diff.name, diff.name))))
            table.setItem(row, 1, QTableWidgetItem(_shown(diff.office)))
            table.setItem(row, 2, QTableWidgetItem(_shown(diff.laptop)))
            combo = QComboBox()
            combo.addItem(_t("選んでください"), None)
            combo.addItem(_t("事務所"), "office")
            combo.addItem(_t("ノートPC"), "laptop")
            table.setCellWidget(row, 3, combo)
            self.choices[diff.name] = combo
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setFixedHeight(32 + 30 * len(conflict.fields))
        layout.addWidget(table)

    def resolution(self) -> Any:
        picked = {name: combo.currentData() for name, combo in self.choices.items()}
        if any(v is None for v in picked.values()):
            return None
        return picked.get("", picked)

    def choose_all(self, side: str) -> None:
        for combo in self.choices.values():
            index = combo.findData(side)
            if index >= 0:
                combo.setCurrentIndex(index)


class OutreachImportDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, path: Path,
                 passphrase: str, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.path, self.passphrase, self.plan = path, passphrase, plan
        self.result_value: ImportResult | None = None
        self.setWindowTitle(_t("出張キットの取込 — {name}").format(name=path.name))
        layout = QVBoxLayout(self)
        counts = plan.counts
        summary = QLabel(_t(
            "新しい記録 {i} 件・更新 {u} 件を取り込みます。変更なし {n} 件。"
            "競合 {c} 件は、どちらを残すか選んでください。").format(
            i=counts["inserted"], u=counts["updated"], n=counts["unchanged"],
            c=counts["conflicts"]))
        if plan.already_imported:
            summary.setText(_t("このキットは取込済みです。もう一度取り込んでも何も変わりません。"))
        summary.setWordWrap(True)
        summary.setObjectName("agendaSummary")
        layout.addWidget(summary)
        inner = QWidget()
        boxes = QVBoxLayout(inner)
        self.boxes = [ConflictBox(c) for c in plan.conflicts]
        for box in self.boxes:
            boxes.addWidget(box)
        boxes.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_t("取り込む"))
        self.ok.setEnabled(not plan.already_imported)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("閉じる"))
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 640)

    def resolutions(self) -> dict[str, Any] | None:
        out = {}
        for box in self.boxes:
            choice = box.resolution()
            if choice is None:
                return None
            out[box.conflict.id] = choice
        return out

    def run_import(self) -> None:
        resolutions = self.resolutions()
        if resolutions is None:
            self.error.setText(_t("すべての競合で、残す方を選んでください"))
            return
        self.ok.setEnabled(False)
        self.error.clear()
        self.runner.run(ApplyKit(self.path, self.passphrase, resolutions), parent=self,
                        on_done=self.finished, on_failed=self.failed)

    def failed(self, exc: BaseException) -> bool:
        self.ok.setEnabled(True)
        if isinstance(exc, DomainError) and not isinstance(exc, DatabaseBusy):
            self.error.setText(exc.message)
            return True
        return False  # busy (with a retry) or unexpected: present_error

    def finished(self, result: ImportResult) -> None:
        self.result_value = result
        dialogs.show_info(self, _t("出張キットの取込"), _t(
            "取り込みました: 新しい記録 {i} 件・更新 {u} 件・解決した競合 {c} 件・統合した対象者 {m} 人。"
            "ノートPCのキットと作業用データは消去してかまいません。").format(
            i=result.inserted, u=result.updated, c=result.conflicts_resolved,
            m=result.merged_persons))
        self.accept()


def caseworker_dialog(parent: QWidget | None, users: list[UserSummary]) -> str | None:
    """Whose caseload goes into the kit, for a manager who may choose (the staff list was
    read on the read lane): anyone the services let hold a caseload."""
    caseworkers = [u for u in users if u.active and u.role in ASSIGNABLE_ROLES]
    picked: dict[str, str] = {}

    def build(form: Any) -> None:
        form.choice("caseworker", _t("担当者"),
                    [(u.username, user_label(u.display_name, u.username)) for u in caseworkers])

    def submit(values: dict[str, Any]) -> None:
        if not values.get("caseworker"):
            raise InvalidInput("caseworker", _t("担当者を選んでください"))
        picked["value"] = values["caseworker"]

    ok = ActionDialog(_t("出張用キット"), build, submit, ok_text=_t("次へ"), parent=parent).exec()
    return picked.get("value") if ok else None
