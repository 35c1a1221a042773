"""Hostile text typed into the forms: refused beside the field, nothing saved, no crash."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.ui.conftest import DialogDriver, ok
from tests.ui.test_full_case import choose, error_beside, type_into


@pytest.mark.parametrize(("field", "value", "message"), [
    ("family_name", "\u202e田山", "表示方向"),
    ("given_name", "太\x00郎", "制御文字"),
    ("case_number", "X" * 40, "32文字以内"),
    ("family_name", "山" * 60, "50文字以内"),
])
def test_intake_refuses_hostile_text_beside_the_field(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World,
        field: str, value: str, message: str) -> None:
    seen: dict[str, str] = {}

    def intake(d: ActionDialog) -> None:
        for name, text in (("case_number", "H-1"), ("family_name", "山田"),
                           ("given_name", "太郎"), ("family_kana", "ヤマダ"),
                           ("given_kana", "タロウ"), ("birth_date", "S55.4.1")):
            type_into(qtbot, d, name, text)
        choose(d, "category", "生活保護受給者")
        d.form.fields[field].setText(value)  # type: ignore[attr-defined]
        ok(d)
        seen["error"] = error_beside(d, field)

    driver.then(intake)
    window.findChild(QPushButton, "primary").click()
    assert message in seen["error"]
    assert world.services.search.search(world.admin, "ヤマダ") == []
