"""連携 → 協力事業所: the registry of cooperating employers, searched by any part of the name,
industry, address or contact person, with each one's history of persons placed or hosted
(only the persons the reader may read are named)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.commands import SaveEmployer, SetEmployerActive
from desktop.services.context import Actor
from desktop.services.employers import EmployerHistory, EmployerInput, EmployerRecord
from desktop.services.labels import EMPLOYER_OFFERS
from desktop.services.permissions import EDITOR_ROLES
from desktop.ui import dialogs
from desktop.ui.admin_common import ListModel, list_view, refuse_or_report, selected
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, parenthesised, wareki
from desktop.ui.widgets import Form, fit_to_screen

_t = translator("Employers")


def offers_shown(offers: tuple[str, ...]) -> str:
    return _t("・").join(label("offer", o) for o in offers)


def employer_fields(form: Form, record: EmployerRecord | None = None) -> None:
    form.text("name", _t("事業所名"), record.name if record else "")
    form.text("industry", _t("業種"), record.industry if record else "")
    form.text("postal_code", _t("郵便番号"), record.postal_code if record else "")
    form.text("address", _t("所在地"), record.address if record else "")
    form.text("phone", _t("電話"), record.phone if record else "")
    form.text("contact_person", _t("担当者"), record.contact_person if record else "")
    for key in EMPLOYER_OFFERS:
        form.check(f"offer_{key}", label("offer", key), bool(record and key in record.offers))
    form.area("note", _t("メモ"), record.note if record else "")


def employer_input(v: dict[str, Any]) -> EmployerInput:
    return EmployerInput(
        name=v["name"], industry=v["industry"], postal_code=v["postal_code"],
        address=v["address"], phone=v["phone"], contact_person=v["contact_person"],
        offers=tuple(k for k in EMPLOYER_OFFERS if v[f"offer_{k}"]), note=v["note"])


def edit_employer(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
                  record: EmployerRecord | None) -> EmployerRecord | None:
    """Register (``record`` None) or correct an employer; the saved record, or None."""
    def submit(v: dict[str, Any]) -> SaveEmployer:
        if record is None:
            return SaveEmployer(employer_input(v))
        return SaveEmployer(employer_input(v), record.id, record.version)

    dialog = CommandDialog(
        runner, _t("協力事業所の登録") if record is None else _t("協力事業所の編集"),
        lambda f: employer_fields(f, record), submit,
        _t("職場体験・中間的就労の受入れや求人で協力してくれる事業所です。就職や職場体験の記録で選べます。"),
        _t("保存"), parent)
    dialog.setObjectName("employerDialog")
    return dialog.result_value if dialog.exec() else None


class EmployersDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.setWindowTitle(_t("連携 — 協力事業所"))
        self.setObjectName("employersDialog")
        layout = QVBoxLayout(self)
        search = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("employerSearch")
        self.search.setPlaceholderText(_t("事業所名・業種・所在地・担当者で検索（ひらがな・半角も可）"))
        self.search.setAccessibleName(_t("協力事業所の検索"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self.timer.start())
        search.addWidget(self.search, 1)
        self.offer = QComboBox()
        self.offer.setObjectName("employerOffer")
        self.offer.setAccessibleName(_t("協力の内容"))
        self.offer.addItem(_t("協力の内容: すべて"), None)
        for key in EMPLOYER_OFFERS:
            self.offer.addItem(label("offer", key), key)
        self.offer.currentIndexChanged.connect(lambda _: self.reload())
        search.addWidget(self.offer)
        self.show_inactive = QCheckBox(_t("無効にしたものも表示"))
        self.show_inactive.toggled.connect(lambda _: self.reload())
        search.addWidget(self.show_inactive)
        layout.addLayout(search)

        split = QSplitter()
        self.model = ListModel(
            [_t("事業所名"), _t("業種"), _t("協力の内容"), _t("就職"), _t("体験"), _t("所在地"),
             _t("担当者"), _t("状態")],
            lambda e: (e.name, e.industry, offers_shown(e.offers), str(e.placed), str(e.hosted),
                       e.address, e.contact_person, _t("有効") if e.active else _t("無効")))
        self.view = list_view(self.model, "employerList")
        self.view.doubleClicked.connect(lambda _: self.edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        split.addWidget(self.view)
        history = QWidget()
        column = QVBoxLayout(history)
        column.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(_t("受入れ・就職の履歴"))
        column.addWidget(self.history_title)
        self.history = ListModel([_t("開始"), _t("種類"), _t("対象者"), _t("内容")],
                                 lambda r: (wareki(r.start_on), self._kind(r.kind),
                                            parenthesised(r.person_name, r.case_number), r.detail))
        column.addWidget(list_view(self.history, "employerHistory"), 1)
        self.hidden = QLabel()
        self.hidden.setWordWrap(True)
        column.addWidget(self.hidden)
        split.addWidget(history)
        split.setSizes([620, 380])
        layout.addWidget(split, 1)

        row = QHBoxLayout()
        self.add_button = QPushButton(_t("登録…"))
        self.add_button.setObjectName("addEmployer")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_t("編集…"))
        self.edit_button.setObjectName("editEmployer")
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button = QPushButton(_t("無効にする"))
        self.toggle_button.setObjectName("toggleEmployer")
        self.toggle_button.clicked.connect(self.toggle)
        self.history_button = QPushButton(_t("履歴を表示"))
        self.history_button.setObjectName("employerHistoryButton")
        self.history_button.clicked.connect(self.show_history)
        for button in (self.add_button, self.edit_button, self.toggle_button):
            button.setVisible(actor.role in EDITOR_ROLES)
            row.addWidget(button)
        row.addWidget(self.history_button)
        row.addStretch(1)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1200, 620)
        self.reload()

    @staticmethod
    def _kind(kind: str) -> str:
        return _t("就職") if kind == "placement" else label("experience", kind)

    def reload(self) -> None:
        text, offer = self.search.text(), self.offer.currentData()
        inactive = self.show_inactive.isChecked()
        self.runner.read(
            lambda: self.services.employers.search(self.actor, text, offer, inactive),
            self._loaded, refuse_or_report(self, self.runner, _t("協力事業所")),
            key=("employers", id(self)), owner=self)

    def _loaded(self, employers: list[EmployerRecord]) -> None:
        self.model.replace(employers)
        self.history.replace([])
        self.hidden.clear()
        self._selection()

    def _selection(self) -> None:
        employer = selected(self.view)
        for button in (self.edit_button, self.toggle_button, self.history_button):
            button.setEnabled(employer is not None)
        self.toggle_button.setText(_t("有効に戻す") if employer is not None and not employer.active
                                   else _t("無効にする"))

    def show_history(self) -> None:
        employer = selected(self.view)
        if employer is None:
            return
        self.runner.read(lambda: self.services.employers.history(self.actor, employer.id),
                         self._history_loaded,
                         refuse_or_report(self, self.runner, _t("協力事業所")), owner=self)

    def _history_loaded(self, history: EmployerHistory) -> None:
        self.history_title.setText(_t("受入れ・就職の履歴: {name}").format(
            name=history.employer.name))
        self.history.replace(list(history.rows))
        self.hidden.setText(_t("ほかに閲覧できないケースが {n} 人あります").format(n=history.hidden)
                            if history.hidden else "")

    def add(self) -> None:
        if edit_employer(self, self.services, self.actor, self.runner, None):
            self.reload()

    def edit(self) -> None:
        employer = selected(self.view)
        if employer is not None and self.actor.role in EDITOR_ROLES and edit_employer(
                self, self.services, self.actor, self.runner, employer):
            self.reload()

    def toggle(self) -> None:
        employer = selected(self.view)
        if employer is None:
            return
        if employer.active and not dialogs.ask_confirm(self, _t("協力事業所を無効にする"), _t(
                "「{name}」を無効にします。新しい就職・職場体験の記録で選べなくなります"
                "（これまでの記録と履歴はそのまま残ります）。").format(name=employer.name)):
            return
        self.runner.run(SetEmployerActive(employer.id, not employer.active), parent=self,
                        on_done=lambda _: self.reload(), title=_t("協力事業所"))
