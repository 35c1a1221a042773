"""What a new office tripped over in its first trial (GUI at 1024×700, from an empty data
folder), each as it is met on screen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models import AgendaModel
from desktop.ui.person_view import PersonView
from tests.conftest import World
from tests.services.helpers import to_state
from tests.ui.conftest import DialogDriver, fake_runner, ok
from tests.ui.test_administration_ui import fill
from tests.ui.test_english import english  # noqa: F401  (a fixture)
from tests.ui.test_fit import assert_shows_lines
from tests.ui.test_full_case import action


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


def _headers_readable(view: QTableView) -> None:
    """Every header whole, and every column on screen without scrolling sideways."""
    header = view.horizontalHeader()
    model = view.model()
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), title
        assert (header.sectionViewportPosition(column) + header.sectionSize(column)
                <= view.viewport().width()), title
    assert view.horizontalScrollBar().maximum() == 0


def _fits_whole(view: QTableView, column: int, text: str) -> bool:
    return view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(text) + 6


def _lists_at_1024(qtbot: QtBot, window: MainWindow, world: World) -> None:
    """The agenda's kinds and the list's headers at 1024×700, with the widest values."""
    assert window.width() <= 1024
    person = world.person(category="housing_benefit", family_name="長谷川",
                          given_name="美千代", family_kana="ハセガワ", given_kana="ミチヨ")
    to_state(world, person, "retention")  # a 定着確認 overdue on the agenda
    to_state(world, world.person(birth_date=date(1988, 12, 28)), "referred")
    window.refresh()
    qtbot.waitUntil(lambda: window.agenda_model.rowCount() > 0)
    view = window.agenda_view
    qtbot.wait(10)  # the fitting runs once the event loop is back
    _headers_readable(view)
    for kind in AgendaModel.KINDS:
        assert _fits_whole(view, 1, AgendaModel.kind_label(kind)), kind
    for row in range(window.agenda_model.rowCount()):
        assert _fits_whole(view, 0, window.agenda_model.index(row, 0).data())
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.caseload_model.rowCount() == 2)
    qtbot.wait(10)
    _headers_readable(window.caseload_view)
    model = window.caseload_model
    for row in range(model.rowCount()):
        for column in (0, 1, 3, 5, 6, 7, 8):  # all but フリガナ and 対象者区分 (they give way)
            text = model.index(row, column).data()
            assert _fits_whole(window.caseload_view, column, text), text
            # A value cut short on a narrow screen is whole in its tooltip.
            assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == model.index(
                row, 4).data()
    # The same columns for the search results.
    window.search.setText("やまだ")
    window.search_typed()
    qtbot.waitUntil(lambda: window.caseload_view.model() is window.search_model)
    qtbot.wait(10)
    _headers_readable(window.caseload_view)


def test_list_headers_are_whole_at_1024_in_japanese(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    _lists_at_1024(qtbot, window, world)


@pytest.mark.usefixtures("english")
def test_list_headers_are_whole_at_1024_in_english(
        qtbot: QtBot, world: World, driver: DialogDriver) -> None:
    """In English 種別 cut 「Support period ends」 to 「Support perio…」, and the list's 担当
    (Caseworker) was off the screen."""
    window = MainWindow(world.services, world.cw_a, fake_runner(world, []))
    qtbot.addWidget(window)
    window.show()
    _lists_at_1024(qtbot, window, world)


def test_columns_give_way_in_order_and_never_below_their_headers() -> None:
    from desktop.ui.widgets import shrunk

    floors, wants = [50, 40, 60, 40], [100, 90, 60, 80]
    assert shrunk(floors, wants, 400) == wants  # room for all
    # The first to give way lose their excess first, the widest excess first.
    assert shrunk(floors, wants, 300, first=(0, 1)) == [85, 75, 60, 80]
    assert shrunk(floors, wants, 260, first=(0, 1)) == [65, 55, 60, 80]
    assert shrunk(floors, wants, 220, first=(0, 1)) == [50, 40, 60, 70]
    assert shrunk(floors, wants, 100) == floors  # the headers, whatever the room


def test_a_note_field_shows_four_whole_lines(qtbot: QtBot) -> None:
    """理由・メモ and the other notes in dialogs showed under three lines; four lines typed
    are now all in sight, the last one whole."""
    from desktop.ui.widgets import Form

    dialog = ActionDialog("支援の経路を変更", lambda f: (f.date("on", "変更日"),
                                                  f.area("note", "理由・メモ")),
                          lambda v: None)
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.findChild(QPlainTextEdit, "field_note")
    assert isinstance(dialog.form, Form)
    area.setPlainText("一行目\n二行目\n三行目\n四行目")
    qtbot.waitUntil(lambda: area.viewport().height() > 0)
    last = area.document().lastBlock()
    bottom = area.blockBoundingGeometry(last).translated(area.contentOffset()).bottom()
    assert bottom <= area.viewport().height()
    assert area.verticalScrollBar().maximum() == 0  # nothing to scroll to
    assert_shows_lines(area, 4)


def _memo_of(view: PersonView, from_state: str, to_state: str) -> str:
    model = view.timeline
    row = next(i for i, t in enumerate(model.rows)
               if (t.from_state, t.to_state) == (from_state, to_state))
    return model.data(model.index(row, 2))


def test_the_history_shows_the_reason_typed_for_a_job_that_ended(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    """離職を記録 asks for 離職理由; 経過 showed only 「離職」."""
    person = world.person()
    to_state(world, person, "retention")
    view = window.open_person(person, "episode")

    def end(d: ActionDialog) -> None:
        fill(d.form, end_on="R8.6.10", reason="職場の人間関係")
        ok(d)

    driver.then(end)
    action(view, "active").click()
    assert "支援中" in view.state_line.text()
    assert _memo_of(view, "retention", "active") == "離職 職場の人間関係"


def test_the_history_shows_the_memo_of_a_route_change_that_withdrew_the_referral(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    to_state(world, person, "referred")
    view = window.open_person(person, "routes")

    def move(d: ActionDialog) -> None:
        fill(d.form, route="職業訓練", on="R8.6.10", note="本人の希望で職業訓練へ")
        ok(d)

    driver.then(move)
    view.routes_tab.route_button.click()
    view.show_section("episode")
    assert _memo_of(view, "referred", "consented") == (
        "経路の変更により支援要請を取下げ 本人の希望で職業訓練へ")


def test_the_intake_offers_the_next_case_number_in_the_office_form(
        qtbot: QtBot, world: World) -> None:
    """The case number field gave no hint of the expected form and no number."""
    from desktop.ui.intake import IntakeDialog

    def opened() -> QLineEdit:
        dialog = IntakeDialog(world.services, world.cw_a, fake_runner(world, []))
        qtbot.addWidget(dialog)
        field = dialog.form.fields["case_number"]
        assert isinstance(field, QLineEdit)
        return field

    first = opened()  # an empty office: the referral numbers' form as the example
    assert first.placeholderText() == "例: 2026-0001" and first.text() == ""
    world.person(case_number="2026-0041")
    world.person(case_number="2026-0042")
    field = opened()
    assert field.placeholderText() == "例: 2026-0042（最後に登録した番号）"
    assert field.text() == "2026-0043" and field.selectedText() == "2026-0043"
    field.insert("K-7")  # typing replaces the offer
    assert field.text() == "K-7"


def test_a_refused_sign_in_leaves_the_fields_where_they_were(qtbot: QtBot) -> None:
    """The refusal pushed the fields up and cut the password field at the bottom of the
    window; the window now grows to the message."""
    from desktop.ui.login import LoginDialog

    dialog = LoginDialog(username="cwa")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())

    before = where(dialog.password)
    dialog.refused("ログインに 5 回失敗したため、このユーザーは 15 分間ログインできません。"
                   "時間をおいてから、もう一度お試しください")
    QApplication.processEvents()
    assert where(dialog.password) == before
    assert dialog.rect().contains(where(dialog.password))
    error = dialog.error
    assert error.height() >= error.heightForWidth(error.width())  # every line of it
    assert dialog.rect().contains(where(error))
    assert dialog.frameGeometry().bottom() <= dialog.screen().availableGeometry().bottom()


def test_the_pdf_save_question_opens_in_documents_then_the_last_folder(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """It opened in the program's working directory."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui import preview

    documents, elsewhere = tmp_path / "Documents", tmp_path / "ケース" / "6月"
    documents.mkdir()
    elsewhere.mkdir(parents=True)
    monkeypatch.setattr(preview.platformdirs, "user_documents_dir", lambda: str(documents))
    monkeypatch.setattr(preview.SaveFolder, "last", None)
    asked: list[str] = []
    answers = [str(elsewhere / "支援要請書.pdf"), "", str(tmp_path / "連絡票.pdf")]

    def question(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return answers.pop(0), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", question)
    assert preview.choose_save_path(None, "支援要請書.pdf") == str(elsewhere / "支援要請書.pdf")
    assert asked[-1] == str(documents / "支援要請書.pdf")
    assert preview.choose_save_path(None, "同意書.pdf") == ""  # cancelled: nothing changes
    assert asked[-1] == str(elsewhere / "同意書.pdf")
    preview.choose_save_path(None, "連絡票.pdf")
    assert asked[-1] == str(elsewhere / "連絡票.pdf")
    # A folder gone since (a USB stick taken out): Documents again.
    monkeypatch.setattr(preview.SaveFolder, "last", tmp_path / "gone")
    answers.append("")
    preview.choose_save_path(None, "同意書.pdf")
    assert asked[-1] == str(documents / "同意書.pdf")


def test_the_first_start_dialog_shows_a_refusal_whole_beside_its_field(qtbot: QtBot) -> None:
    """Found in the new-office trial of 12-02: 「パスフレーズが一致しません」 was drawn in
    small type over the confirmation field (the message's height was not part of the
    dialog's). Forms in dialogs now grow their window to the messages shown."""
    from desktop.ui.login import SetupDialog
    from tests.ui.fakes import FakeRunner

    dialog = SetupDialog(FakeRunner(print), lambda *a: "", True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.passphrase is not None
    dialog.password.setText("password-123")
    dialog.confirm.setText("password-123")
    dialog.passphrase.setText("passphrase-one")
    dialog.passphrase_confirm.setText("passphrase-two")
    dialog.submit()
    QApplication.processEvents()
    error = dialog.form.errors["passphrase_confirm"]
    assert error.isVisible() and "一致しません" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # every line of it

    def where(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())

    assert not where(error).intersects(where(dialog.passphrase_confirm))
    assert dialog.rect().contains(where(error))


def test_the_tab_bars_scroll_buttons_show_their_arrows_at_150_percent(qtbot: QtBot) -> None:
    """Found in the new-office trial of 12-02: at 150 % the person's tabs overflowed and the
    two scroll buttons were blank boxes (the stylesheet's tool-button padding left their
    arrows no room), hiding three tabs."""
    from PySide6.QtWidgets import QLabel, QTabWidget, QToolButton

    from desktop.ui.look import apply_look

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app, 150)
    try:
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        for name in ("プロフィール", "支援エピソード", "同意", "支援要請", "プラン", "ケース記録",
                     "就職・定着", "ハローワーク", "就労準備・経路", "支援費用", "担当"):
            tabs.addTab(QLabel(name), name)
        tabs.resize(700, 200)
        tabs.show()
        qtbot.waitExposed(tabs)
        buttons = [b for b in tabs.tabBar().findChildren(QToolButton) if b.isVisible()]
        assert len(buttons) == 2
        for button in buttons:
            image = button.grab().toImage()
            darkest = min(image.pixelColor(x, y).lightness()
                          for x in range(image.width()) for y in range(image.height()))
            assert darkest < 160, f"no arrow drawn (darkest {darkest})"
    finally:  # the session's own text size back
        apply_look(app, int(os.environ.get("TSUNAGI_TEST_TEXT_SCALE", "100")))


def test_keyboard_focus_goes_where_a_keyboard_user_needs_it(qtbot: QtBot) -> None:
    """From the new-office trial of 12-02: Tab moved from cell to cell inside a table and
    never left it; a dialog opened with no field focused; a refusal that named no field
    left the focus on キャンセル, so Enter threw the input away."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from desktop.services.errors import DomainError
    from desktop.ui.widgets import record_table

    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    model = QStandardItemModel(3, 3)
    table = record_table(model, QHeaderView.ResizeMode.ResizeToContents)
    after = QPushButton("次")
    column.addWidget(table)
    column.addWidget(after)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.tabKeyNavigation()
    assert page.focusWidget() is after

    def refuse(values: dict[str, object]) -> None:
        raise DomainError("この操作はできません")

    dialog = ActionDialog("テスト", lambda f: (f.text("first", "最初"), f.text("second", "次")),
                          refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.form.fields["first"]
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "キャンセル")
    cancel.setFocus()
    dialog.try_submit()
    assert "この操作はできません" in dialog.form.general.text()
    assert dialog.focusWidget() is dialog.form.fields["first"]
