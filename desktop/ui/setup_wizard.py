"""はじめての設定: after the first administrator, three steps a new office needs before its
first 支援要請 — the organisation's identity (printed on every form), at least one Hello Work
office, and the staff. Each step can be skipped and done later from the 管理 menu; finishing
(or skipping to the end) marks the set-up done so the wizard does not come back."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import listing, translator
from desktop.services import Services
from desktop.services.auth import UserSummary
from desktop.services.commands import AddStaff, SaveOffice, SaveOrganisation, SetSetting
from desktop.services.context import Actor
from desktop.services.errors import DatabaseBusy, DomainError, InvalidInput
from desktop.services.offices import OfficeRecord
from desktop.services.organisations import OrganisationRecord
from desktop.services.permissions import allowed
from desktop.ui.admin_common import (
    ListModel,
    list_view,
    office_fields,
    office_input,
    organisation_fields,
    organisation_input,
    required_text,
    staff_fields,
    temporary_password,
)
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label
from desktop.ui.widgets import Form, fit_to_screen, scrolling

_t = translator("SetupWizard")
STEPS = ("organisation", "offices", "staff", "done")


class SetupWizard(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 organisation: OrganisationRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.organisation = organisation
        self.done_steps: set[str] = set()
        self.added_staff: list[tuple[UserSummary, str]] = []
        self.setWindowTitle(_t("はじめての設定"))  # Qt adds 「— つなぎ」
        self.setObjectName("setupWizard")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("loginTitle")
        layout.addWidget(self.heading)
        self.step_line = QLabel()
        self.step_line.setObjectName("loginSubtitle")
        layout.addWidget(self.step_line)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        # Scrolled where the screen is short (1366×768 at 125 %), so that the buttons below
        # stay on it.
        for page in (self._organisation_page(), self._offices_page(), self._staff_page(),
                     self._done_page()):
            self.pages.addWidget(scrolling(page))
        buttons = QHBoxLayout()
        self.back_button = QPushButton(_t("戻る"))
        self.back_button.setObjectName("wizardBack")
        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.skip_button = QPushButton(_t("この手順をとばす"))
        self.skip_button.setObjectName("wizardSkip")
        self.skip_button.clicked.connect(lambda: self.go(self.pages.currentIndex() + 1))
        buttons.addWidget(self.skip_button)
        self.next_button = QPushButton()
        self.next_button.setObjectName("wizardNext")
        self.next_button.clicked.connect(self.next_step)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 680)
        self.go(0)

    # ---------------------------------------------------------------- pages

    def _organisation_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(_t("支援要請書・同意書などに発信者として印刷される、この事務所の正式な情報です。"
                          "福祉事務所が複数ある市では、ほかの組織を 管理 → 組織 で追加できます。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.organisation_form = Form()
        organisation_fields(self.organisation_form, self.organisation)
        layout.addWidget(self.organisation_form, 1)
        return page

    def _offices_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(_t("支援要請先のハローワークを1か所以上登録します。入力して「登録」を押すと"
                          "下の一覧に加わります（続けて何か所でも）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.office_form = Form()
        office_fields(self.office_form)
        layout.addWidget(self.office_form)
        add = QPushButton(_t("登録"))
        add.setObjectName("wizardAddOffice")
        add.clicked.connect(lambda: self.add_office())
        layout.addWidget(add)
        self.offices = ListModel([_t("通称"), _t("宛先"), _t("電話")],
                                 lambda o: (o.name, o.addressee, o.phone))
        layout.addWidget(list_view(self.offices, "wizardOffices"), 1)
        return page

    def _staff_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(_t("ケースワーカーや査察指導員のアカウントを作ります。初期パスワードは一覧に"
                          "表示されます。本人に伝えてください（最初のログインで本人が変更します）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.staff_form = Form()
        staff_fields(self.staff_form, [self.organisation], self.organisation.id)
        layout.addWidget(self.staff_form)
        add = QPushButton(_t("登録"))
        add.setObjectName("wizardAddStaff")
        add.clicked.connect(self.add_staff)
        layout.addWidget(add)
        self.staff = ListModel([_t("ユーザー名"), _t("表示名"), _t("権限"), _t("初期パスワード")],
                               lambda row: (row[0].username, row[0].display_name,
                                            label("role", row[0].role), row[1]))
        layout.addWidget(list_view(self.staff, "wizardStaff"), 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("wizardSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        return page

    # ---------------------------------------------------------------- moving

    def go(self, index: int) -> None:
        index = max(0, min(index, len(STEPS) - 1))
        self.pages.setCurrentIndex(index)
        step = STEPS[index]
        headings = {"organisation": _t("組織の情報"), "offices": _t("ハローワーク"),
                    "staff": _t("職員"), "done": _t("設定が終わりました")}
        self.heading.setText(headings[step])
        self.step_line.setText(_t("手順 {n} / 3").format(n=index + 1) if step != "done" else "")
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(step != "done")
        self.next_button.setText({"organisation": _t("保存して次へ"), "done": _t("完了")}.get(
            step, _t("次へ")))
        if step == "done":
            self.summary.setText(self._summary())

    def _summary(self) -> str:
        lines = [_t("・組織: {name}（{head}）").format(name=self.organisation.name,
                                                  head=self.organisation.head_title)]
        offices = [o.name for o in self.offices.rows]
        lines.append(_t("・ハローワーク: {names}").format(
            names=listing(offices)) if offices else _t("・ハローワーク: まだありません（支援要請の前に 管理 → ハローワーク で登録してください）"))
        lines.append(_t("・職員: この設定で {n} 人を登録").format(n=len(self.staff.rows)))
        lines.append("")
        lines.append(_t("あとから変えるときは 管理 メニュー（組織・ハローワーク・職員・担当の一括変更）を使います。"))
        return "\n".join(lines)

    def next_step(self) -> None:
        step = STEPS[self.pages.currentIndex()]
        if step == "organisation":
            self.save_organisation()
        elif step == "done":
            self.runner.run(SetSetting("setup_completed", True), parent=self,
                            on_done=lambda _: self.accept(), on_failed=self._failed)
        elif step == "offices" and _typed(self.office_form):
            # What is typed but not yet 登録 is registered, not silently dropped: a new office
            # that pressed 次へ believes its Hello Work office is there.
            self.add_office(then=lambda: self.go(self.pages.currentIndex() + 1))
        elif step == "staff" and _typed(self.staff_form):
            # Registered, and the page stays: the initial password is shown only in its list.
            self.add_staff()
        else:
            self.go(self.pages.currentIndex() + 1)

    def _failed(self, exc: BaseException) -> bool:
        """A refusal beside its field on the step's form (True); the busy message or a
        crash is left to present_error."""
        form = {0: self.organisation_form, 1: self.office_form, 2: self.staff_form}.get(
            self.pages.currentIndex())
        if not isinstance(exc, DomainError) or isinstance(exc, DatabaseBusy):
            return False
        if form is not None:
            form.show_refusal(exc)
        else:
            self.summary.setText(exc.message)
        return True

    # ---------------------------------------------------------------- writes

    def save_organisation(self) -> None:
        values = self.organisation_form.values()
        if values is None:
            return
        record = self.organisation

        def saved(organisation: OrganisationRecord) -> None:
            self.organisation = organisation
            combo = self.staff_form.fields["organisation"]
            combo.setItemText(0, organisation.name)  # type: ignore[attr-defined]
            self.done_steps.add("organisation")
            self.go(1)

        self.runner.run(SaveOrganisation(organisation_input(values), record.id, record.version),
                        parent=self, on_done=saved, on_failed=self._failed)

    def add_office(self, then: Callable[[], None] | None = None) -> None:
        values = self.office_form.values()
        if values is None:
            return

        def added(office: OfficeRecord) -> None:
            self.offices.replace([*self.offices.rows, office])
            self.done_steps.add("offices")
            for name in ("name", "official_name", "head_title", "postal_code", "address",
                         "phone"):
                self.office_form.fields[name].clear()  # type: ignore[attr-defined]
            self.office_form.fields["navigators"].clear()  # type: ignore[attr-defined]
            if then is not None:
                then()

        self.runner.run(SaveOffice(office_input(values)), parent=self, on_done=added,
                        on_failed=self._failed)

    def add_staff(self) -> None:
        values = self.staff_form.values()
        if values is None:
            return
        password = temporary_password()
        try:
            username = required_text(values, "username", _t("ユーザー名を入力してください"))
        except InvalidInput as exc:
            self.staff_form.show_refusal(exc)
            return

        def added(user: UserSummary) -> None:
            self.staff.replace([*self.staff.rows, (user, password)])
            self.done_steps.add("staff")
            for name in ("username", "display_name", "phone_extension"):
                self.staff_form.fields[name].clear()  # type: ignore[attr-defined]

        self.runner.run(AddStaff(username, values["display_name"], values["role"], password,
                                 values["organisation"], values["phone_extension"]),
                        parent=self, on_done=added, on_failed=self._failed)


def _typed(form: Form) -> bool:
    """Whether anything is typed in the form's text fields (the choices have defaults)."""
    for widget in form.fields.values():
        if isinstance(widget, QLineEdit) and widget.text().strip():
            return True
        if isinstance(widget, QPlainTextEdit) and widget.toPlainText().strip():
            return True
    return False


def offer(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner) -> None:
    """Open the wizard for an administrator of a database whose set-up is not done yet."""
    if not allowed(actor, "manage_organisations"):  # an administrator's set-up
        return

    def needed() -> OrganisationRecord | None:
        if services.settings.get("setup_completed"):
            return None
        mine = [o for o in services.organisations.organisations()
                if o.id == actor.organisation_id]
        return mine[0] if mine else None

    def show(organisation: OrganisationRecord | None) -> None:
        if organisation is not None:
            wizard = SetupWizard(services, actor, runner, organisation, parent)
            wizard.exec()
            if shiboken6.isValid(wizard):  # gone with its window (ログアウト) otherwise
                wizard.deleteLater()

    runner.read(needed, show, lambda exc: runner.report_unhandled(exc)
                if not isinstance(exc, DomainError) else None)
