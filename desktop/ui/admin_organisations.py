"""管理 → 組織: the database's own organisations and the identity each prints on forms.
An administrator adds and edits them; a supervisor sees their own."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.commands import SaveOrganisation
from desktop.services.context import Actor
from desktop.services.labels import ORGANISATION_KINDS
from desktop.services.organisations import OrganisationRecord
from desktop.services.permissions import allowed
from desktop.ui.admin_common import (
    ListModel,
    list_view,
    organisation_fields,
    organisation_input,
    refuse_or_report,
    selected,
)
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import fit_to_screen

_t = translator("Admin")
_labels = translator("Labels")


def edit_organisation(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
                      record: OrganisationRecord | None) -> OrganisationRecord | None:
    """Add (``record`` None) or edit an organisation; the saved record, or None."""
    def submit(v: dict[str, Any]) -> SaveOrganisation:
        if record is None:
            return SaveOrganisation(organisation_input(v))
        return SaveOrganisation(organisation_input(v), record.id, record.version)

    dialog = CommandDialog(
        runner, _t("組織の登録") if record is None else _t("組織の編集"),
        lambda f: organisation_fields(f, record), submit,
        _t("支援要請書などの書類に、発信者として印刷されます。"), _t("保存"), parent)
    dialog.setObjectName("organisationDialog")
    return dialog.result_value if dialog.exec() else None


class OrganisationsDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.setWindowTitle(_t("管理 — 組織"))
        self.setObjectName("organisationsDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_t("このデータベースを使う福祉事務所・自立相談支援機関です。職員とケースは"
                          "いずれかの組織に属し、査察指導員は自分の組織のケースを見ます。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ListModel(
            [_t("正式名称"), _t("種別"), _t("長"), _t("文書記号"), _t("電話"), _t("公印"),
             _t("職員"), _t("対象者")],
            lambda o: (o.name, _labels(ORGANISATION_KINDS.get(o.kind, o.kind)),
                       f"{o.head_title} {o.head_name}".strip(), o.doc_symbol, o.phone,
                       _t("省略") if o.seal_omitted else _t("押印欄"), o.staff, o.persons))
        self.view = list_view(self.model, "organisationList")
        self.view.doubleClicked.connect(lambda _: self.edit())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_t("追加…"))
        self.add_button.setObjectName("addOrganisation")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_t("編集…"))
        self.edit_button.setObjectName("editOrganisation")
        self.edit_button.clicked.connect(self.edit)
        for button in (self.add_button, self.edit_button):
            button.setVisible(allowed(actor, "manage_organisations"))
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1120, 420)
        self.reload()

    def reload(self) -> None:
        def load() -> list[OrganisationRecord]:
            found = self.services.organisations.organisations()
            if not allowed(self.actor, "manage_organisations"):  # a supervisor's own
                found = [o for o in found if o.id == self.actor.organisation_id]
            return found

        self.runner.read(load, self.model.replace,
                         refuse_or_report(self, self.runner, _t("組織")), owner=self)

    def add(self) -> None:
        if edit_organisation(self, self.services, self.actor, self.runner, None):
            self.reload()

    def edit(self) -> None:
        record = selected(self.view)
        if record is not None and allowed(self.actor, "manage_organisations") and edit_organisation(
                self, self.services, self.actor, self.runner, record):
            self.reload()
