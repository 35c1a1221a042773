"""The app in English: every word a person sees on the main screens, a full case and its
dialogs comes from the English catalogue. A Japanese word left on screen fails the test,
unless it is the data itself (names, kana, the office's name) — so a text added to the UI
without a translation is caught here as well as by the catalogue check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.app import setup_application
from desktop.services.workflow import ContactInput
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog
from desktop.ui.intake import IntakeDialog
from desktop.ui.login import LoginDialog, SetupDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import World
from tests.services.helpers import to_state
from tests.ui.conftest import DialogDriver
from tests.ui.fakes import FakeRunner

# Japanese the English screens keep on purpose: the menu's own name, so it can be found in
# either language, and the 和暦 example of what a date field accepts.
KEPT = ["表示言語", "令和7年4月1日"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def english(qapp: QApplication, english_catalogue: Path) -> Iterator[None]:
    assert setup_application(qapp, "en") == "en"
    yield
    setup_application(qapp, "ja")
    assert i18n.current_language() == "ja"


def texts_of(widget: QWidget) -> list[str]:
    """What a person reads in ``widget`` and everything in it (typed values excluded)."""
    found = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            found.append(TAG.sub("", w.text()))
        elif isinstance(w, QAbstractButton):
            found += [w.text(), w.toolTip()]
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QTabBar):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QPlainTextEdit) and w.isReadOnly():  # text the app wrote
            found.append(w.toPlainText())
        elif isinstance(w, QMenu):
            found += [a.text() for a in w.actions()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
            found += [str(model.index(r, c).data() or "") for r in range(model.rowCount())
                      for c in range(model.columnCount())]
    for action in widget.actions():
        found.append(action.text())
        if action.menu() is not None:
            found += [a.text() for a in action.menu().actions()]
    return [t for t in found if t]


def untranslated(texts: list[str], data: list[str]) -> list[str]:
    left = []
    for text in texts:
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, "")
        if JAPANESE.search(text):
            left.append(text)
    return left


def data_of(world: World) -> list[str]:
    users = world.services.auth.list_users(world.admin)
    organisations = world.services.organisations.organisations()
    return [*(u.display_name for u in users), world.office_name, *KEPT,
            *(o.name for o in organisations), *(o.head_title for o in organisations),
            "代田", "花子", "シロタ", "ハナコ", "山田", "太郎", "ヤマダ", "タロウ",
            # what tests.services.helpers.to_state records as data
            "介護職員", "株式会社ひかり物流", "倉庫内軽作業", "田島 聡子"]


def collect_and_cancel(seen: list[str]):  # type: ignore[no-untyped-def]
    def fill(dialog: ActionDialog) -> None:
        seen.extend(texts_of(dialog))
        dialog.reject()
    return fill


def test_the_main_window_and_a_whole_case_are_english(
        qtbot: QtBot, english: None, world: World, driver: DialogDriver,
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person(family_name="代田", given_name="花子", family_kana="シロタ",
                          given_kana="ハナコ")
    ep = to_state(world, person, "retention")
    today = world.services.ctx.today()
    world.services.workflow.add_contact(world.cw_a, ep, ContactInput(
        today, "interview", "Interview at the office", "Call the employer",
        today + timedelta(days=3)))
    world.person()  # a second case in the list
    errors: list[BaseException] = []
    window = MainWindow(world.services, world.cw_a, FakeRunner(errors.append),
                        Path("/nonexistent-data-dir"))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = texts_of(window)
    window.tabs.setCurrentIndex(1)
    window.refresh()
    qtbot.waitUntil(lambda: window.caseload_model.rowCount() >= 1)
    seen += texts_of(window)
    window.tabs.setCurrentWidget(window.reports)
    window.reports.compute()
    qtbot.waitUntil(lambda: window.reports.report is not None)
    for index in range(window.reports.details.count()):
        window.reports.details.setCurrentIndex(index)
        seen += texts_of(window.reports)
    view = window.open_person(person)
    qtbot.waitUntil(lambda: view.person is not None)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        seen += texts_of(view)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text: shown.extend([title, text]))
    monkeypatch.setattr(dialogs, "show_info",
                        lambda parent, title, text: shown.extend([title, text]))
    buttons = {b.text(): b for b in view.findChildren(QPushButton)}
    for text in ("Record consent", "Revise plan", "Record protection change",
                 "Record leaving", "Extend support period", "Close case"):
        assert text in buttons, sorted(buttons)
        driver.then(collect_and_cancel(seen))
        buttons[text].click()
    assert len(driver.seen) == 6 and driver.queue == []
    view.tabs.setCurrentIndex(3)
    buttons["Add record"].click()  # nothing typed: the form's own message, inline
    seen += texts_of(view)
    assert "Enter the content of the record" in seen
    driver.then(collect_and_cancel(seen))
    IntakeDialog(world.services, world.cw_a, window.runner, window).exec()
    seen += texts_of(LoginDialog(window.runner, username="cwa"))
    seen += texts_of(SetupDialog(window.runner, lambda *a: "", True))
    assert errors == []
    assert len(seen) > 300
    left = untranslated(seen + shown, data_of(world))
    assert left == [], "\n".join(sorted(set(left)))
    # and the words are the catalogue's, not the source's
    assert "Caseload" in seen and "Retention support" in " ".join(seen)
    assert any("Employment support plan, revision 1" in t for t in seen)


def test_a_refusal_from_a_service_is_english_too(
        qtbot: QtBot, english: None, world: World, window: MainWindow,
        driver: DialogDriver) -> None:
    errors: list[str] = []

    def fill(dialog: ActionDialog) -> None:
        dialog.form.fields["family_name"].setText("")  # type: ignore[attr-defined]
        dialog.try_submit()
        errors.extend(texts_of(dialog))
        dialog.reject()

    driver.then(fill)
    window.intake()
    assert any("Enter" in t for t in errors), errors
    assert untranslated(errors, data_of(world)) == []


def test_choosing_english_saves_it_for_this_pc_from_the_next_start(
        qtbot: QtBot, tmp_path: Path, driver: DialogDriver, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui import language_dialog

    monkeypatch.delenv("TSUNAGI_LANG", raising=False)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append(text))

    def pick_english(dialog: ActionDialog) -> None:
        combo = dialog.findChild(QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == ["日本語", "English"]
        combo.setCurrentIndex(combo.findData("en"))
        dialog.try_submit()

    driver.then(pick_english)
    assert language_dialog.choose_language(None, tmp_path)
    assert i18n.saved_language(tmp_path) == "en"
    assert i18n.current_language() == "ja"  # this session stays as it started
    assert told and "English" in told[0]


def test_without_the_english_catalogue_the_app_stays_japanese(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop import catalogue

    monkeypatch.setattr(catalogue, "catalogue_path", lambda language: tmp_path / "none.qm")
    try:
        assert setup_application(qapp, "en") == "ja"
        assert i18n.current_language() == "ja"
        assert QApplication.translate("MainWindow", "ケース一覧") == "ケース一覧"
    finally:
        setup_application(qapp, "ja")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_standard_dialog_buttons_match_the_language(
        qapp: QApplication, english: None, language: str) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    setup_application(qapp, language)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert text == ("キャンセル" if language == "ja" else "Cancel")
