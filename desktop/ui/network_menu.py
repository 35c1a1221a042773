"""The 連携 menu: the 協力事業所 registry, the meetings (支援調整会議・ケース会議・HW連絡会議)
and the office's list of support costs paid, for every member of staff."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.context import Actor
from desktop.ui.costs_tab import print_receipts
from desktop.ui.employers_dialog import EmployersDialog
from desktop.ui.meetings_dialog import MeetingsDialog
from desktop.ui.tasks import TaskRunner

_t = translator("Network")


def install(window: QMainWindow) -> QMenu:
    """Add the 連携 menu to ``window`` (a MainWindow)."""
    services: Services = window.services  # type: ignore[attr-defined]
    actor: Actor = window.actor  # type: ignore[attr-defined]
    runner: TaskRunner = window.runner  # type: ignore[attr-defined]
    menu = window.menuBar().addMenu(_t("連携(&R)"))
    menu.setObjectName("networkMenu")

    def opener(make: Callable[[], QDialog]) -> Callable[[], None]:
        def open_dialog() -> None:
            dialog = make()
            dialog.exec()
            dialog.deleteLater()
        return open_dialog

    items: list[tuple[str, str, Callable[[], None]]] = [
        ("networkEmployers", _t("協力事業所…"),
         opener(lambda: EmployersDialog(services, actor, runner, window))),
        ("networkMeetings", _t("会議の記録…"),
         opener(lambda: MeetingsDialog(services, actor, runner, window))),
        ("networkCosts", _t("支援費用の支給一覧…"),
         lambda: print_receipts(window, services, actor, runner)),
    ]
    for name, text, handler in items:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(handler)
        menu.addAction(action)
    return menu
