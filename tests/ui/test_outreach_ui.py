"""Outreach kits from the desktop: make a kit, start a laptop from it, bring it back with the
conflicts shown side by side."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.persons import ASSIGNABLE_ROLES
from desktop.ui import dialogs, main_window, preview
from desktop.ui.login import SetupDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.outreach_dialogs import OutreachImportDialog, caseworker_dialog
from tests.conftest import PASSWORD, World
from tests.services.test_outreach import KIT_PASS, laptop_factory  # noqa: F401
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner


def _type_passphrase(dialog) -> None:  # type: ignore[no-untyped-def]
    for widget in dialog.form.fields.values():
        widget.setText(KIT_PASS)
    ok(dialog)


def test_make_a_kit_then_start_a_laptop_from_it(
        window: MainWindow, world: World, driver: DialogDriver, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    pid = world.person(family_name="出張", family_kana="シュッチョウ")
    world.services.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1))
    kit = tmp_path / "out.tsunagi-kit"
    monkeypatch.setattr(preview, "choose_save_path", lambda *a: str(kit))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    driver.then(_type_passphrase)
    window.kit_action.trigger()
    assert kit.exists() and "出張用キットを作りました" in shown[0]

    laptop = tmp_path / "laptop"
    created = []

    def open_kit(path: Path, kit_passphrase: str, passphrase: str | None) -> str:
        from desktop.services.outreach import create_working_database

        opened, _ = create_working_database(Config(laptop, passphrase="laptop passphrase 1"),
                                            path, kit_passphrase)
        created.append(opened)
        return "RECOVERY-KEY"

    setup = SetupDialog(window.runner, lambda *a: "", False, open_kit=open_kit)
    qtbot.addWidget(setup)
    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(kit))
    driver.then(_type_passphrase)
    setup.start_from_kit()
    assert setup.result() == 1 and setup.recovery_key == "RECOVERY-KEY"
    created[0].db.close()
    opened = open_database(Config(laptop, passphrase="laptop passphrase 1"))
    try:
        services = build_services(opened.db, opened.device_id)
        me = services.auth.login("cwa", PASSWORD)
        assert [h.case_number for h in services.search.search(me, "シュッチョウ")] == ["T-0001"]
        laptop_window = MainWindow(services, me, FakeRunner(window.runner.report_unhandled))
        qtbot.addWidget(laptop_window)
        assert "出張用" in laptop_window.windowTitle()
        assert laptop_window.kit_action.text() == "返却用キットを作る…"
        assert not laptop_window.kit_import_action.isVisible()
    finally:
        opened.db.close()


def test_bringing_a_kit_back_shows_conflicts_side_by_side(
        window: MainWindow, world: World, tmp_path: Path, laptop_factory,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    office = world.services
    pid = world.person(phone_mobile="090-1111-2222")
    office.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1))
    kit = tmp_path / "out.tsunagi-kit"
    office.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()
    rec = laptop.services.persons.get_person(me, pid)
    laptop.services.persons.update_person(me, pid, rec.version, dataclasses.replace(
        rec, phone_mobile="080-3333-4444", address="ノートPCで入力した住所"))
    returned = tmp_path / "back.tsunagi-kit"
    laptop.services.outreach.export_kit(me, returned, KIT_PASS)
    rec = office.persons.get_person(world.cw_a, pid)
    office.persons.update_person(world.cw_a, pid, rec.version, dataclasses.replace(
        rec, phone_mobile="070-5555-6666"))

    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(returned))
    monkeypatch.setattr(main_window, "passphrase_dialog", lambda *a, **k: KIT_PASS)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    seen: dict[str, object] = {}

    def drive(dialog: OutreachImportDialog) -> int:
        box = dialog.boxes[0]
        table = box.findChild(QTableWidget)
        seen["row"] = [table.item(0, c).text() for c in range(3)]
        dialog.run_import()  # nothing chosen yet
        seen["error"] = dialog.error.text()
        box.findChild(QComboBox).setCurrentIndex(2)  # ノートPC
        dialog.run_import()
        return int(dialog.result())

    monkeypatch.setattr(OutreachImportDialog, "exec", drive)
    window.import_kit()
    assert seen["row"] == ["電話（携帯）", "070-5555-6666", "080-3333-4444"]
    assert seen["error"] == "すべての競合で、残す方を選んでください"
    assert shown and "取り込みました" in shown[0]
    final = office.persons.get_person(world.cw_a, pid)
    assert (final.phone_mobile, final.address) == ("080-3333-4444", "ノートPCで入力した住所")


def test_the_laptop_wipes_its_kits_and_working_database(
        world: World, driver: DialogDriver, tmp_path: Path, laptop_factory,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    pid = world.person()
    world.services.workflow.open_episode(world.cw_a, pid, date(2026, 6, 1))
    kit = tmp_path / "out.tsunagi-kit"
    world.services.outreach.export_kit(world.cw_a, kit, KIT_PASS)
    laptop = laptop_factory(kit)
    me = laptop.login()
    errors: list[BaseException] = []
    w = MainWindow(laptop.services, me, FakeRunner(errors.append))
    qtbot.addWidget(w)
    assert w.wipe_action.isVisible()
    database = Path(laptop.services.ctx.db.engine.url.database)
    monkeypatch.setattr(preview, "choose_open_paths", lambda *a: [str(kit)])
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    w.wipe_action.trigger()
    assert not kit.exists() and not database.exists()
    assert "上書きして削除しました" in shown[0] and errors == []


def test_a_kit_can_be_made_of_anyone_the_services_let_hold_cases(
        world: World, driver: DialogDriver) -> None:
    """The choice of whose caseload goes into the kit comes from the services' rule (those
    who may be assigned cases), not a role re-typed in the screen."""
    offered: list[str] = []

    def pick_the_supervisor(dialog) -> None:  # type: ignore[no-untyped-def]
        combo = dialog.form.fields["caseworker"]
        offered.extend(combo.itemData(i) for i in range(combo.count()))
        combo.setCurrentIndex(combo.findData("sv"))
        ok(dialog)

    driver.then(pick_the_supervisor)
    users = world.services.auth.list_users(world.supervisor)
    assert caseworker_dialog(None, users) == "sv"
    assert sorted(offered) == sorted(u.username for u in users
                                     if u.active and u.role in ASSIGNABLE_ROLES)
    assert {"sv", "cwa", "cwb"} <= set(offered) and "view" not in offered
