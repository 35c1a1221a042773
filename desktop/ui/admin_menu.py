"""The 管理 menu: organisations, Hello Work offices, staff, moving caseloads, and the first-run
wizard again. For administrators; a supervisor gets the screens of their own organisation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.context import Actor
from desktop.services.permissions import allowed
from desktop.ui import setup_wizard
from desktop.ui.admin_assignment import CaseloadMoveDialog
from desktop.ui.admin_hellowork import HelloWorkDialog
from desktop.ui.admin_organisations import OrganisationsDialog
from desktop.ui.admin_staff import StaffDialog
from desktop.ui.tasks import TaskRunner

_t = translator("Admin")


class Window(Protocol):
    """What the menu needs of the main window."""

    services: Services
    actor: Actor
    runner: TaskRunner


def install(window: QMainWindow) -> QMenu | None:
    """Add the 管理 menu to ``window`` (a MainWindow) for administrators and supervisors."""
    services: Services = window.services  # type: ignore[attr-defined]
    actor: Actor = window.actor  # type: ignore[attr-defined]
    runner: TaskRunner = window.runner  # type: ignore[attr-defined]
    if not allowed(actor, "manage_offices"):  # administrators and supervisors
        return None
    menu = window.menuBar().addMenu(_t("管理(&A)"))
    menu.setObjectName("adminMenu")

    def opener(make: Callable[[], QDialog]) -> Callable[[], None]:
        def open_dialog() -> None:
            # What the dialog changes, its commands announce (TaskRunner.changed): the
            # lists and the staff filter refresh from that.
            dialog = make()
            dialog.exec()
            dialog.deleteLater()
        return open_dialog

    items: list[tuple[str, str, Callable[[], None]]] = [
        ("adminOrganisations", _t("組織…"),
         opener(lambda: OrganisationsDialog(services, actor, runner, window))),
        ("adminHelloWork", _t("ハローワーク…"),
         opener(lambda: HelloWorkDialog(services, actor, runner, window))),
        ("adminStaff", _t("職員…"), opener(lambda: StaffDialog(services, actor, runner, window))),
        ("adminMoveCaseload", _t("担当の一括変更（人事異動）…"),
         opener(lambda: CaseloadMoveDialog(services, actor, runner, window))),
    ]
    for name, text, handler in items:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(handler)
        menu.addAction(action)
    if allowed(actor, "manage_organisations"):
        menu.addSeparator()
        wizard = QAction(_t("はじめての設定をもう一度…"), window)
        wizard.setObjectName("adminWizard")
        wizard.triggered.connect(lambda: _wizard_again(window, services, actor, runner))
        menu.addAction(wizard)
    return menu


def _wizard_again(window: QMainWindow, services: Services, actor: Actor,
                  runner: TaskRunner) -> None:
    def show(organisations: list) -> None:  # type: ignore[type-arg]
        mine = [o for o in organisations if o.id == actor.organisation_id]
        if mine:
            wizard = setup_wizard.SetupWizard(services, actor, runner, mine[0], window)
            wizard.exec()
            wizard.deleteLater()

    runner.read(services.organisations.organisations, show)
