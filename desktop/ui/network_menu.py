"""The 連携 menu: the 協力事業所 registry, the meetings (支援調整会議・ケース会議・HW連絡会議)
and the office's list of support costs paid, for every member of staff; and, for an
administrator, the readiness items and the funding sources of support costs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.commands import SetLists
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput
from desktop.services.settings import SETTINGS
from desktop.ui import dialogs
from desktop.ui.admin_common import refuse_or_report
from desktop.ui.costs_tab import print_receipts
from desktop.ui.employers_dialog import EmployersDialog
from desktop.ui.forms import CommandDialog
from desktop.ui.meetings_dialog import MeetingsDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Form

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
    if actor.role == "admin":
        menu.addSeparator()
        action = QAction(_t("就労準備度の評価項目・支援費用の財源…"), window)
        action.setObjectName("networkSettings")
        action.triggered.connect(lambda: edit_lists(window, services, actor, runner))
        menu.addAction(action)
    return menu


LISTS = ("readiness_items", "funding_sources")


def lines_of(values: dict[str, Any], key: str) -> list[str]:
    """One entry a line, blank lines dropped; refused beside the field as the service would
    refuse it (checked for both lists before either is saved)."""
    entries = [" ".join(line.split()) for line in str(values.get(key) or "").splitlines()]
    entries = [e for e in entries if e]
    if not entries:
        raise InvalidInput(key, _t("1行に1つずつ、少なくとも1つ入力してください"))
    if len(set(entries)) != len(entries):
        raise InvalidInput(key, _t("同じものが2回あります"))
    if not SETTINGS[key].valid(entries):
        raise InvalidInput(key, _t("1つ100文字以内で入力してください"))
    return entries


def edit_lists(parent: QMainWindow, services: Services, actor: Actor,
               runner: TaskRunner) -> None:
    """The readiness items (new assessments score these; earlier ones keep theirs) and the
    funding sources offered for a support cost, one a line (read on the runner first)."""
    runner.read(lambda: {key: services.settings.get(key) for key in LISTS},
                lambda current: _lists_dialog(parent, services, actor, runner, current),
                refuse_or_report(parent, runner, _t("就労準備度の評価項目・支援費用の財源")))


def _lists_dialog(parent: QMainWindow, services: Services, actor: Actor, runner: TaskRunner,
                  current: dict[str, list[str]]) -> None:
    def build(f: Form) -> None:
        for key, text in (("readiness_items", _t("就労準備度の評価項目（1行に1つ）")),
                          ("funding_sources", _t("支援費用の財源（1行に1つ）"))):
            f.area(key, text, "\n".join(current[key]), lines=9)

    def submit(v: dict[str, Any]) -> SetLists:
        wanted = {key: lines_of(v, key) for key in LISTS}  # both checked before either is saved
        return SetLists({key: wanted[key] for key in LISTS if wanted[key] != current[key]})

    dialog = CommandDialog(
        runner, _t("就労準備度の評価項目・支援費用の財源"), build, submit,
        _t("就労準備度の評価項目を変えると、これからの評価がその項目になります（これまでの評価は"
           "そのまま残ります）。財源は支援費用の記録で選ぶ一覧です。"), _t("保存"), parent)
    dialog.setObjectName("listsDialog")
    if dialog.exec():
        dialogs.show_info(parent, _t("保存しました"), _t("評価項目と財源を保存しました。"))
