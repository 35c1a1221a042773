"""Two people save the same recipient: the second save is refused by the version check,
and the person view merges what it can and asks about the rest."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.services.persons import PersonInput
from desktop.ui import dialogs
from desktop.ui.dialogs import StaleRecordDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import World


def _someone_else_saves(world: World, person, **changes) -> None:  # type: ignore[no-untyped-def]
    current = world.services.persons.get_person(world.supervisor, person)
    values = {f: getattr(current, f) for f in PersonInput.__dataclass_fields__}
    values.update(changes)
    world.services.persons.update_person(world.supervisor, person, current.version,
                                         PersonInput(**values))


def _set(view, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = view.profile.fields[name]
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


@pytest.mark.parametrize("choice", ["mine", "theirs", None])
def test_both_changed_the_address_the_caseworker_chooses_and_nothing_else_is_lost(
        qtbot: QtBot, window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch,
        choice: str | None) -> None:
    person = world.person(address="東京都新宿区1-1")
    view = window.open_person(person)
    _someone_else_saves(world, person, address="東京都新宿区2-2", phone_home="03-1111-2222")
    _set(view, "address", "東京都新宿区3-3")
    _set(view, "phone_mobile", "090-1234-5678")
    shown: list[list[tuple[str, str, str]]] = []

    def decide(_parent, rows):  # type: ignore[no-untyped-def]
        shown.append(list(rows))
        return choice

    monkeypatch.setattr(dialogs, "resolve_stale", decide)
    view.save_profile()
    assert shown == [[("住所", "東京都新宿区3-3", "東京都新宿区2-2")]]
    saved = world.services.persons.get_person(world.admin, person)
    if choice is None:  # still editing: the form keeps the input, the database the other save
        assert view.dirty and view.profile.fields["address"].text() == "東京都新宿区3-3"
        assert (saved.address, saved.phone_mobile) == ("東京都新宿区2-2", "")
        return
    assert saved.address == ("東京都新宿区3-3" if choice == "mine" else "東京都新宿区2-2")
    assert saved.phone_home == "03-1111-2222"  # only the other user changed it: kept
    assert saved.phone_mobile == "090-1234-5678"  # only this user changed it: kept
    assert not view.dirty
    assert view.person is not None and view.person.version == saved.version


def test_changes_to_different_fields_merge_without_asking(
        qtbot: QtBot, window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person()
    view = window.open_person(person)
    _someone_else_saves(world, person, phone_home="03-1111-2222")
    _set(view, "address", "東京都新宿区3-3")
    monkeypatch.setattr(dialogs, "resolve_stale", lambda *a: pytest.fail("asked"))
    view.save_profile()
    saved = world.services.persons.get_person(world.admin, person)
    assert (saved.address, saved.phone_home) == ("東京都新宿区3-3", "03-1111-2222")
    assert "合わせて保存" in view.save_state.text()


def test_the_dialog_shows_both_versions(qtbot: QtBot) -> None:
    dialog = StaleRecordDialog([("住所", "東京都新宿区3-3", "東京都新宿区2-2")])
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "staleDiff")
    assert [table.item(0, c).text() for c in range(3)] == [
        "住所", "東京都新宿区3-3", "東京都新宿区2-2"]
    dialog.findChild(QPushButton, "stale_theirs").click()
    assert dialog.choice == "theirs"
