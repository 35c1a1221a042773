"""What a new office tripped over in its first trial (GUI at 1024×700, from an empty data
folder), each as it is met on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.services.helpers import to_state


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_search_results_follow_the_state_filter(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    """With 「終了以外のすべて」 a 終了 person used to be listed among the results."""
    open_one = world.person(given_name="一郎", given_kana="イチロウ")
    to_state(world, open_one, "candidate")
    closed = world.person(given_name="二郎", given_kana="ジロウ")
    world.services.workflow.close_episode(world.cw_a, to_state(world, closed, "candidate"),
                                          date(2026, 5, 1), "辞退")
    window.search.setText("やまだ")
    window.search_typed()
    qtbot.waitUntil(lambda: window.caseload_view.model() is window.search_model)
    assert window.state_filter.currentText() == "終了以外のすべて"
    assert [(r.given_name, r.state) for r in window.search_model.rows] == [
        ("一郎", "candidate")]
    _choose(window.state_filter, "終了")
    qtbot.waitUntil(lambda: [r.given_name for r in window.search_model.rows] == ["二郎"])
    _choose(window.state_filter, "終了を含むすべて")
    qtbot.waitUntil(lambda: len(window.search_model.rows) == 2)
    assert window.caseload_view.model() is window.search_model  # still the results
