"""管理 → ハローワーク: the offices referrals go to (name, official name, head's title, kind,
navigators). Added and corrected by administrators and supervisors; disabled, never deleted.
The referral dialog sends people here when no office is registered yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.commands import SaveOffice, SetOfficeActive
from desktop.services.context import Actor
from desktop.services.labels import OFFICE_KINDS
from desktop.services.offices import OfficeRecord
from desktop.services.permissions import allowed
from desktop.ui import dialogs
from desktop.ui.admin_common import (
    ListModel,
    list_view,
    office_fields,
    office_input,
    refuse_or_report,
    selected,
)
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import fit_to_screen

_t = translator("Admin")
_labels = translator("Labels")


def edit_office(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
                record: OfficeRecord | None) -> OfficeRecord | None:
    """Register (``record`` None) or correct an office; the saved record, or None."""
    def submit(v: dict[str, Any]) -> SaveOffice:
        if record is None:
            return SaveOffice(office_input(v))
        return SaveOffice(office_input(v), record.id, record.version)

    dialog = CommandDialog(
        runner, _t("ハローワークの登録") if record is None else _t("ハローワークの編集"),
        lambda f: office_fields(f, record), submit,
        _t("支援要請書は「所長の職名　殿」宛てに印刷されます。同意書の提供先には通称を書きます。"),
        _t("保存"), parent)
    dialog.setObjectName("officeDialog")
    return dialog.result_value if dialog.exec() else None


class HelloWorkDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.setWindowTitle(_t("管理 — ハローワーク"))
        self.setObjectName("helloWorkDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_t("支援要請先のハローワークです。使われなくなったハローワークは無効にします"
                          "（記録に残るため削除はしません）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ListModel(
            [_t("通称"), _t("正式名称"), _t("宛先"), _t("種別"), _t("電話"),
             _t("就職支援ナビゲーター"), _t("状態")],
            lambda o: (o.name, o.official_name, o.addressee,
                       _labels(OFFICE_KINDS.get(o.kind, o.kind)), o.phone, o.navigator,
                       _t("有効") if o.active else _t("無効")))
        self.view = list_view(self.model, "officeList")
        self.view.doubleClicked.connect(lambda _: self.edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_t("追加…"))
        self.add_button.setObjectName("addOffice")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_t("編集…"))
        self.edit_button.setObjectName("editOffice")
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button = QPushButton(_t("無効にする"))
        self.toggle_button.setObjectName("toggleOffice")
        self.toggle_button.clicked.connect(self.toggle)
        for button in (self.add_button, self.edit_button, self.toggle_button):
            button.setVisible(allowed(actor, "manage_offices"))
            row.addWidget(button)
        self.show_inactive = QCheckBox(_t("無効にしたものも表示"))
        self.show_inactive.setObjectName("showInactiveOffices")
        self.show_inactive.toggled.connect(lambda _: self.reload())
        row.addWidget(self.show_inactive)
        row.addStretch(1)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1260, 420)
        self.reload()

    def reload(self) -> None:
        include = self.show_inactive.isChecked()
        self.runner.read(lambda: self.services.offices.offices(include_inactive=include),
                         self._loaded, refuse_or_report(self, self.runner, _t("ハローワーク")),
                         key=("offices", id(self)), owner=self)

    def _loaded(self, offices: list[OfficeRecord]) -> None:
        self.model.replace(offices)
        self._selection()

    def _selection(self) -> None:
        office = selected(self.view)
        self.edit_button.setEnabled(office is not None)
        self.toggle_button.setEnabled(office is not None)
        self.toggle_button.setText(_t("有効に戻す") if office is not None and not office.active
                                   else _t("無効にする"))

    def add(self) -> None:
        if edit_office(self, self.services, self.actor, self.runner, None):
            self.reload()

    def edit(self) -> None:
        office = selected(self.view)
        if office is not None and allowed(self.actor, "manage_offices") and edit_office(
                self, self.services, self.actor, self.runner, office):
            self.reload()

    def toggle(self) -> None:
        office = selected(self.view)
        if office is None:
            return
        if office.active and not dialogs.ask_confirm(self, _t("ハローワークを無効にする"), _t(
                "「{name}」を無効にします。新しい支援要請の宛先に出なくなります"
                "（これまでの支援要請の記録はそのまま残ります）。").format(name=office.name)):
            return
        self.runner.run(SetOfficeActive(office.id, not office.active), parent=self,
                        on_done=lambda _: self.reload(), title=_t("ハローワーク"))


def offer_registration(parent: QWidget, services: Services, actor: Actor,
                       runner: TaskRunner) -> None:
    """The referral dialog found no Hello Work office: say so, and open the screen that
    registers one for those who may."""
    title = _t("支援要請先のハローワーク")
    if not allowed(actor, "manage_offices"):
        dialogs.show_info(parent, title, _t(
            "支援要請先のハローワークがまだ登録されていません。管理者または査察指導員に、"
            "管理 → ハローワーク での登録を依頼してください。"))
        return
    if dialogs.ask_confirm(parent, title, _t(
            "支援要請先のハローワークがまだ登録されていません。今、登録しますか？")):
        HelloWorkDialog(services, actor, runner, parent).exec()
