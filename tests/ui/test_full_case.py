"""A caseworker takes one case from intake to closure through the widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.person_view import PersonView
from tests.conftest import World
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner


def type_text(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Type like a person: key clicks for ASCII; Japanese arrives committed from the input
    method (QTest can only synthesise ASCII keys)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)
    widget.editingFinished.emit()


def type_into(qtbot: QtBot, dialog: ActionDialog, field: str, text: str) -> None:
    widget = dialog.form.fields[field]
    assert isinstance(widget, QLineEdit)
    widget.clear()
    type_text(qtbot, widget, text)


def choose(dialog: ActionDialog, field: str, text: str) -> None:
    combo = dialog.form.fields[field]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(text))


def error_beside(dialog: ActionDialog, field: str) -> str:
    return dialog.form.errors[field].text()


def action(view: PersonView, key: str) -> QPushButton:
    button = view.findChild(QPushButton, f"action_{key}")
    assert button is not None, f"no button {key}"
    return button


def test_intake_to_closure(qtbot: QtBot, window: MainWindow, driver: DialogDriver,
                           world: World) -> None:
    refused: dict[str, str] = {}

    def intake(d: ActionDialog) -> None:
        for field, text in (("case_number", "2026-0042"), ("family_name", "代田"),
                            ("given_name", "花子"), ("family_kana", "しろた"),
                            ("given_kana", "ﾊﾅｺ"), ("birth_date", "S55.4.1"),
                            ("postal_code", "155")):
            type_into(qtbot, d, field, text)
        choose(d, "category", "児童扶養手当受給者")
        ok(d)
        refused["postal"] = error_beside(d, "postal_code")  # validation error, shown inline
        type_into(qtbot, d, "postal_code", "155-0033")
        ok(d)

    driver.then(intake)
    qtbot.mouseClick(window.findChild(QPushButton, "primary"), Qt.MouseButton.LeftButton)
    assert "郵便番号" in refused["postal"]
    view = window.tabs.currentWidget()
    assert isinstance(view, PersonView)
    assert "代田 花子" in view.header.text() and "シロタ ハナコ" in view.header.text()
    assert "昭和55年4月1日" in view.header.text()
    view.tabs.setCurrentIndex(1)

    driver.then(ok)  # 検討を開始 (date defaults to today)
    qtbot.mouseClick(action(view, "screening"), Qt.MouseButton.LeftButton)
    driver.then(ok)  # 所内協議: 支援対象とする
    action(view, "decision").click()
    # Without consents the next step is refused, and the reason is shown.
    assert not action(view, "consented").isEnabled()
    assert "同意が未取得" in view.blocked.text()

    def consent(kind: str):  # type: ignore[no-untyped-def]
        def fill(d: ActionDialog) -> None:
            choose(d, "kind", kind)
            # The recipients and the scope are the 情報提供同意's: a 参加同意 has them off.
            assert d.form.fields["scope_identity_contact"].isEnabled() == (kind == "情報提供同意")
            # The scope boxes start blank: ticked as on the signed paper.
            assert not any(d.form.fields[f].isChecked()  # type: ignore[attr-defined]
                           for f in d.form.fields if f.startswith("scope_"))
            for item in ("scope_identity_contact", "scope_job_search_status"):
                d.form.fields[item].setChecked(True)  # type: ignore[attr-defined]
            # The registered offices are boxes, blank too (a typed name once named none).
            office = d.form.fields["office_0"]
            assert world.office_name in office.text() and not office.isChecked()  # type: ignore[attr-defined]
            office.setChecked(True)  # type: ignore[attr-defined]
            ok(d)
        return fill

    view.tabs.setCurrentIndex(2)
    for kind in ("参加同意", "情報提供同意"):
        driver.then(consent(kind))
        next(b for b in view.findChildren(QPushButton) if b.text() == "同意を記録").click()
    assert view.consents_model.rowCount() == 2

    driver.then(ok)
    action(view, "consented").click()
    driver.then(ok)  # 支援要請: the office, today, number auto
    action(view, "referred").click()

    def accept(d: ActionDialog) -> None:
        # The plan's 作成日 is entered (today unless changed), printed on the plan.
        assert d.form.fields["planned_on"].value() == world.services.ctx.today()  # type: ignore[attr-defined]
        type_into(qtbot, d, "hw_member", "田島 聡子")
        type_into(qtbot, d, "goal_job", "介護職員")
        d.form.fields["menu_navigator"].setChecked(True)  # type: ignore[attr-defined]
        ok(d)

    driver.then(accept)
    action(view, "active").click()
    assert "支援中" in view.state_line.text()

    def placement(d: ActionDialog) -> None:
        type_into(qtbot, d, "employer", "社会福祉法人みどり会")
        type_into(qtbot, d, "wage_amount", "1,150")
        choose(d, "wage_unit", "時給")
        ok(d)

    driver.then(placement)
    action(view, "placed").click()
    assert "定着支援" in view.state_line.text()
    assert view.checkpoints_model.rowCount() == 3

    view.tabs.setCurrentIndex(3)
    view.quick.fields["content"].insertPlainText("就職後の様子を電話で確認した")  # type: ignore[attr-defined]
    next(b for b in view.findChildren(QPushButton) if b.text() == "記録を追加").click()
    assert view.contacts_model.rowCount() == 1

    def close(d: ActionDialog) -> None:
        choose(d, "reason", "就職(定着確認)")
        ok(d)  # refused: the three open retention checks need a decision
        refused["checks"] = error_beside(d, "open_checkpoints")
        choose(d, "open_checkpoints", "支援の終了とともに中止する")
        ok(d)

    view.tabs.setCurrentIndex(1)
    driver.then(close)
    action(view, "closed").click()
    assert "終了" in view.state_line.text()
    assert "定着確認の扱い" in refused["checks"]
    assert [view.checkpoints_model.display(c, 3) for c in view.checkpoints_model.rows] == [
        "中止", "中止", "中止"]
    assert [t.to_state for t in view.timeline.rows] == [
        "candidate", "screening", "consented", "referred", "active", "placed", "retention",
        "closed"]
    # What the widgets did is what the services hold.
    hits = world.services.search.search(world.cw_a, "しろた")
    episodes = world.services.workflow.episodes_of(world.cw_a, hits[0].person_id)
    assert [(e.state, e.closure_reason) for e in episodes] == [("closed", "就職(定着確認)")]
    assert world.services.records.placements(world.cw_a, episodes[0].id)[0].wage_amount == 1150


def test_refused_date_keeps_the_dialog_open_with_the_reason(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    world.services.workflow.open_episode(world.cw_a, person, date(2026, 6, 1))
    view = window.open_person(person)
    view.tabs.setCurrentIndex(1)
    messages: list[str] = []

    def future(d: ActionDialog) -> None:
        type_into(qtbot, d, "on", "R9.1.1")
        ok(d)
        messages.append(d.form.errors["on"].text())
        type_into(qtbot, d, "on", "令和8年13月1日")
        ok(d)
        messages.append(d.form.errors["on"].text())
        d.reject()

    driver.then(future)
    action(view, "screening").click()
    assert "未来" in messages[0]
    assert "存在しない日付" in messages[1]
    assert world.services.workflow.episodes_of(world.cw_a, person)[0].state == "candidate"


def test_profile_validation_is_inline_and_saves_nothing(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    person = world.person()
    view = window.open_person(person)
    phone = view.profile.fields["phone_mobile"]
    assert isinstance(phone, QLineEdit)
    qtbot.keyClicks(phone, "090-12")
    assert view.dirty
    view.save_profile()
    assert "桁数" in view.profile.errors["phone_mobile"].text()
    assert world.services.persons.get_person(world.cw_a, person).phone_mobile == ""
    phone.clear()
    type_text(qtbot, phone, "０９０－１２３４－５６７８")
    view.save_profile()
    assert world.services.persons.get_person(world.cw_a, person).phone_mobile == "090-1234-5678"
    assert not view.dirty


def test_search_box_finds_by_reading_as_you_type(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    # Each with an episode, as every intake opens one: the search follows the list's
    # filters (終了以外のすべて), and a person with no episode is in no list.
    for family, given, fk, gk in (("林", "誠", "ハヤシ", "マコト"), ("東", "葵", "ヒガシ", "アオイ")):
        person = world.person(family_name=family, given_name=given, family_kana=fk,
                              given_kana=gk)
        world.services.workflow.open_episode(world.cw_a, person, date(2026, 6, 1))
    type_text(qtbot, window.search, "は")
    qtbot.waitUntil(lambda: window.caseload_view.model() is window.search_model
                    and window.search_model.rowCount() == 1)
    assert window.search_model.rows[0].family_name == "林"
    window.search.clear()
    qtbot.waitUntil(lambda: window.caseload_view.model() is window.caseload_model)


def test_caseload_model_contract_and_lazy_pages(qtbot: QtBot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                                world: World) -> None:
    from desktop.ui import models

    for i in range(7):
        world.services.workflow.open_episode(world.cw_a, world.person(case_number=f"L-{i}"),
                                             date(2026, 6, 1))
    models.PAGE = 3  # small pages so that fetchMore is exercised
    try:
        window.reload_caseload()
        model = window.caseload_model
        assert model.rowCount() == 3 and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == 7
        qtmodeltester.check(model)
        window.tabs.setCurrentIndex(1)  # the status bar counts what the tab shows
        assert window.status_count.text() == "ケース一覧 7 人"
    finally:
        models.PAGE = 200
    qtmodeltester.check(window.agenda_model)


def test_disabled_actions_for_a_viewer_explain_why(qtbot: QtBot, world: World,
                                                   driver: DialogDriver) -> None:
    person = world.person()
    world.services.workflow.open_episode(world.cw_a, person, date(2026, 6, 1))
    w = MainWindow(world.services, world.viewer, FakeRunner(lambda e: None))
    qtbot.addWidget(w)
    view = w.open_person(person)
    button = action(view, "screening")
    assert not button.isEnabled() and "閲覧のみ" in button.toolTip()
    assert "閲覧のみ" in view.findChild(QLabel, "blockedReason").text()


def test_plan_revision_and_review_from_the_plan_tab(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    from tests.services.helpers import to_state

    person = world.person()
    ep = to_state(world, person, "active")
    view = window.open_person(person)
    view.tabs.setCurrentIndex(5)
    assert view.revise_button.isEnabled() and view.review_button.isEnabled()

    def revise(d: ActionDialog) -> None:
        assert d.form.fields["goal_job"].text() == "介護職員"  # type: ignore[attr-defined]
        type_into(qtbot, d, "goal_job", "調理補助")
        ok(d)

    driver.then(revise)
    view.revise_button.click()
    plan = world.services.records.current_plan(world.cw_a, ep)
    assert plan is not None and (plan.revision, plan.goal_job) == (2, "調理補助")
    assert "第2版" in view.plan_text.toPlainText()

    # Revision 1's pending review was settled by the revision; revision 2 has none yet.
    assert not view.review_button.isEnabled()
