"""The 就労準備・経路 tab (the readiness assessment, the screening decision beside it, the
routes' activities and moving between routes), the 支援費用 tab, and the 連携 menu's screens
(協力事業所, 会議の記録 with the printed 会議録), driven through their widgets."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QDialog, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from desktop.services.offices import Navigator, OfficeInput
from desktop.services.printing import PrintedDocument
from desktop.ui import dialogs
from desktop.ui.employers_dialog import EmployersDialog
from desktop.ui.forms import ActionDialog
from desktop.ui.issue_dialog import IssueDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.meetings_dialog import MeetingDialog, MeetingsDialog, meeting_context
from desktop.ui.person_view import PersonView
from desktop.ui.preview import PreviewDialog
from desktop.ui.routes_tab import ScreeningDecisionDialog, decision_command, decision_fields
from tests.conftest import World
from tests.services import route_helpers as rh
from tests.services.helpers import to_state
from tests.ui.conftest import DialogDriver, ok
from tests.ui.fakes import FakeRunner, runner_job
from tests.ui.test_administration_ui import fill


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[PrintedDocument]:
    shown: list[PrintedDocument] = []

    def exec_(self: PreviewDialog) -> int:
        shown.append(self.document)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", exec_)
    return shown


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: seen.append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: seen.append(text))
    return seen


def runner(world: World, actor: Any) -> tuple[FakeRunner, list[BaseException]]:
    """The FakeRunner, bound to ``actor`` as after their sign-in."""
    errors: list[BaseException] = []
    run = FakeRunner(errors.append)
    run.bind(world.services, actor)
    return run, errors


def context_of(run: FakeRunner, world: World, actor: Any) -> Any:
    """The meeting dialog's context, read on the runner as the meetings screen reads it."""
    read: list[Any] = []
    run.read(lambda: meeting_context(world.services, actor), read.append)
    return read[0]


def screening(world: World, person: Any) -> Any:
    wf = world.services.workflow
    ep = wf.open_episode(world.cw_a, person, date(2026, 4, 1)).id
    wf.start_screening(world.cw_a, ep, date(2026, 4, 3))
    return ep


def open_routes(window: MainWindow, person: Any) -> PersonView:
    view = window.open_person(person, "routes")
    assert isinstance(view, PersonView)
    return view


def error_of(dialog: ActionDialog, field: str) -> str:
    return dialog.form.errors[field].text()


def test_the_assessment_is_scored_revised_and_shown_beside_the_decision(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    ep = screening(world, person)
    view = open_routes(window, person)
    tab = view.routes_tab
    assert "まだ評価していません" in tab.revision.currentText()
    assert tab.assess_button.isEnabled()
    assert not any(b.isEnabled() for b in tab.add_buttons.values())  # not approved yet
    items = world.services.routes.readiness_items()
    assert items[0] == "生活リズム" and len(items) == 9
    refused: dict[str, str] = {}

    def first(d: ActionDialog) -> None:
        for item in items[:-1]:
            fill(d.form, **{f"score:{item}": "3 "})
        ok(d)  # the last item is not scored: refused beside it
        refused["missing"] = error_of(d, f"score:{items[-1]}")
        fill(d.form, **{f"score:{items[-1]}": "1 ", f"note:{items[-1]}": "就職活動の経験なし",
                        "summary": "生活リズムは安定。求職活動は同行から。"})
        ok(d)

    driver.then(first)
    tab.assess_button.click()
    assert items[-1] in refused["missing"]
    assert "第1版" in tab.revision.currentText()
    shown = [tab.scores.data(tab.scores.index(r, 0)) for r in range(tab.scores.rowCount())]
    assert shown == items
    assert "求職活動は同行から" in tab.summary.text()

    def second(d: ActionDialog) -> None:  # filled in from the first revision
        combo = d.form.fields[f"score:{items[-1]}"]
        assert isinstance(combo, QComboBox) and combo.currentData() == 1
        fill(d.form, **{f"score:{items[-1]}": "2 "})
        ok(d)

    driver.then(second)
    tab.assess_button.click()
    assert tab.revision.count() == 2 and "第2版" in tab.revision.currentText()
    tab.revision.setCurrentIndex(1)  # the first revision is kept as it was
    assert tab.scores.data(tab.scores.index(len(items) - 1, 1)).startswith("1")
    assert [a.revision for a in world.services.routes.assessments(world.cw_a, ep)] == [2, 1]

    # The decision's dialog shows the assessment in force beside its form.
    run, errors = runner(world, world.cw_a)
    decision = ScreeningDecisionDialog(
        run, "所内協議の結果", lambda f: decision_fields(f, world.services.ctx.today()),
        lambda v: decision_command(ep, v), world.services.routes.current_assessment(world.cw_a, ep))
    qtbot.addWidget(decision)
    beside = decision.assessment_panel.text()
    assert "第2版" in beside and "▲ " + items[-1] in beside and "就職活動の経験なし" in beside
    fill(decision.form, route="就労準備支援事業")
    fill(decision.form, decision="対象としない")
    assert not decision.form.fields["route"].isEnabled()
    fill(decision.form, decision="支援対象とする")
    assert decision.form.fields["route"].isEnabled()
    ok(decision)
    assert errors == []
    summary = world.services.workflow.episode(world.cw_a, ep)
    assert summary.route == "work_readiness" and summary.screening_route == "work_readiness"


def test_the_decision_button_opens_the_dialog_with_the_assessment(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person()
    ep = screening(world, person)
    world.services.routes.assess_readiness(world.cw_a, ep, rh.assessment(low=("移動手段",)))
    view = window.open_person(person, "episode")
    seen: dict[str, str] = {}

    def decide(dialog: ScreeningDecisionDialog) -> int:
        seen["beside"] = dialog.assessment_panel.text()
        fill(dialog.form, route="職業訓練")
        ok(dialog)
        return int(dialog.result() == QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ScreeningDecisionDialog, "exec", decide)
    view.findChild(QPushButton, "action_decision").click()
    assert "▲ 移動手段" in seen["beside"]
    assert world.services.workflow.episode(world.cw_a, ep).route == "training"
    assert "職業訓練" in view.routes_tab.route_line.text()


def test_a_route_activity_is_started_followed_and_ended_and_the_route_changed(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    ep = rh.screened(world, person, route="work_experience")
    employer = rh.employer(world)
    view = open_routes(window, person)
    tab = view.routes_tab
    assert "職場体験・中間的就労" in tab.route_line.text()
    assert tab.add_buttons["work_experience"].isEnabled()
    refused: dict[str, str] = {}

    def start(d: ActionDialog) -> None:
        fill(d.form, employer="株式会社みどり農園", course="野菜の袋詰め", start_on="R8.5.1",
             planned_end_on="R8.5.31", planned_days="１０")
        ok(d)

    driver.then(start)
    tab.add_buttons["work_experience"].click()
    assert tab.activities.rowCount() == 1
    cells = [tab.activities.data(tab.activities.index(0, c)) for c in range(6)]
    assert cells[0] == "職場体験" and cells[2] == "株式会社みどり農園" and cells[5] == "実施中"
    # A filled list starts with its first row selected (admin_common.list_view).
    assert tab.activities_view.selectionModel().selectedRows()
    assert tab.progress_button.isEnabled() and tab.end_button.isEnabled()

    def progress(d: ActionDialog) -> None:
        fill(d.form, days_attended="三")
        ok(d)
        refused["days"] = d.form.errors["days_attended"].text()
        fill(d.form, days_attended="4", evaluation="遅刻なし")
        ok(d)

    driver.then(progress)
    tab.progress_button.click()
    assert "数字" in refused["days"]
    assert "4日／予定10日" in tab.activities.data(tab.activities.index(0, 4))
    tab.activities_view.selectRow(0)

    def end(d: ActionDialog) -> None:
        fill(d.form, end_on="R8.5.31", outcome="修了", days_attended="9",
             evaluation="丁寧な作業。一般就労を目指せる")
        ok(d)

    driver.then(end)
    tab.end_button.click()
    activity = world.services.routes.activities(world.cw_a, ep)[0]
    assert (activity.outcome, activity.days_attended, activity.employer_id) == (
        "completed", 9, employer)
    assert "修了" in tab.activities.data(tab.activities.index(0, 5))

    def move(d: ActionDialog) -> None:
        fill(d.form, route="ハローワーク", on="R8.6.1", note="職場体験の評価から")
        ok(d)

    driver.then(move)
    assert tab.route_button.isEnabled()
    tab.route_button.click()
    assert world.services.workflow.episode(world.cw_a, ep).route == "hello_work"
    assert "職場体験の評価から" in tab.route_history.text()
    assert tab.route_history.text().count("→") == 2  # the decision, then the move


def test_a_training_is_refused_beside_its_field_when_the_dates_are_wrong(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    ep = rh.screened(world, person, route="training")
    tab = open_routes(window, person).routes_tab
    refused: dict[str, str] = {}

    def start(d: ActionDialog) -> None:
        fill(d.form, subtype="公共職業訓練", course="介護職員初任者研修科",
             provider="つなぎ職業能力開発校", start_on="R8.5.10", planned_end_on="R8.5.1")
        ok(d)
        refused.update({k: v.text() for k, v in d.form.errors.items() if v.text()})
        d.reject()

    driver.then(start)
    tab.add_buttons["training"].click()
    assert refused and world.services.routes.activities(world.cw_a, ep) == []


def test_support_costs_are_recorded_totalled_voided_and_listed_for_signing(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World,
        previews: list[PrintedDocument]) -> None:
    person = world.person()
    rh.screened(world, person)
    view = window.open_person(person, "costs")
    tab = view.costs_tab
    assert tab.add_button.isEnabled()
    refused: dict[str, str] = {}

    def record(d: ActionDialog) -> None:
        fill(d.form, paid_on="R8.5.1", kind="交通費", purpose="面接",
             description="自宅〜新宿駅 往復", amount="四百円")
        ok(d)
        refused["amount"] = d.form.errors["amount"].text()
        fill(d.form, amount="１，２４０円")
        ok(d)

    driver.then(record)
    tab.add_button.click()
    assert "数字" in refused["amount"]
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 5)) == "1,240円"
    assert tab.total.text() == "合計 1,240円（今年度 1,240円）"
    costs = world.services.costs.costs_of(world.cw_a, person)
    assert costs[0].amount == 1240 and costs[0].funding_source

    driver.then(lambda d: (fill(d.form, start="R8.5.1", end="R8.5.31"), ok(d)))
    tab.print_button.click()
    assert len(previews) == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(previews[0].pdf)).pages)
    assert "1,240" in text and "山田" in text

    tab.view.selectRow(0)
    tab.void_button.click()  # confirmed by the driver
    assert tab.model.rowCount() == 0 and "合計 0円" in tab.total.text()
    assert world.services.costs.costs_of(world.cw_a, person) == []


def test_the_network_menu_opens_the_registry_meetings_and_receipt_list(
        window: MainWindow) -> None:
    menu = window.findChild(QMenu, "networkMenu")
    assert menu is not None
    names = [a.objectName() for a in menu.actions()]
    assert names == ["networkEmployers", "networkMeetings", "networkCosts"]  # no lists: not admin


def test_an_administrator_changes_the_readiness_items_and_funding_sources(
        qtbot: QtBot, world: World, driver: DialogDriver, messages: list[str],
        tmp_path: Any) -> None:
    run, errors = runner(world, world.admin)
    window = MainWindow(world.services, world.admin, run, tmp_path)
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "networkMenu")
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == "networkSettings")
    refused: dict[str, str] = {}
    kept: dict[str, list[str]] = {}

    def edit(d: ActionDialog) -> None:
        items = d.form.fields["readiness_items"]
        assert "生活リズム\n健康状態・通院" in items.toPlainText()  # type: ignore[attr-defined]
        fill(d.form, readiness_items="", funding_sources="市単独事業費\n市単独事業費")
        ok(d)
        refused["readiness_items"] = d.form.errors["readiness_items"].text()
        fill(d.form, readiness_items="生活リズム")
        ok(d)  # nothing saved while the other list is refused
        refused["funding_sources"] = d.form.errors["funding_sources"].text()
        with runner_job():  # the test looks at the database, not the screen
            kept["items"] = world.services.routes.readiness_items()
        fill(d.form, readiness_items="生活リズム\n\n  就労意欲 \n移動手段",
             funding_sources="市単独事業費\n社会福祉協議会の貸付")
        ok(d)

    driver.then(edit)
    action.trigger()
    assert "少なくとも1つ" in refused["readiness_items"]
    assert "2回" in refused["funding_sources"]
    assert kept["items"][1] == "健康状態・通院"
    assert world.services.routes.readiness_items() == ["生活リズム", "就労意欲", "移動手段"]
    assert world.services.costs.funding_sources() == ["市単独事業費", "社会福祉協議会の貸付"]
    assert messages and errors == []
    # A new assessment scores the new items.
    person = world.person()
    rh.screened(world, person)
    view = window.open_person(person, "routes")
    assert view.routes_tab.items == ["生活リズム", "就労意欲", "移動手段"]


def test_employers_are_registered_searched_picked_and_their_history_shown(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    run, errors = runner(world, world.cw_a)
    registry = EmployersDialog(world.services, world.cw_a, run)
    qtbot.addWidget(registry)
    refused: dict[str, str] = {}

    def register(d: ActionDialog) -> None:
        ok(d)  # no name
        refused["name"] = d.form.errors["name"].text()
        fill(d.form, name="株式会社みどり農園", industry="農業", address="東京都つなぎ市西町2-3",
             contact_person="緑川 一郎", offer_work_experience=True, offer_job_offers=True)
        ok(d)

    driver.then(register)
    registry.add_button.click()
    assert "事業所名" in refused["name"]
    rh.employer(world, "つなぎ運送株式会社", offers=("intermediate_employment",))
    registry.reload()
    assert registry.model.rowCount() == 2
    registry.offer.setCurrentIndex(registry.offer.findData("intermediate_employment"))
    assert [r.name for r in registry.model.rows] == ["つなぎ運送株式会社"]
    registry.offer.setCurrentIndex(0)
    registry.search.setText("みどり")
    registry.reload()
    assert [r.name for r in registry.model.rows] == ["株式会社みどり農園"]

    # Picked for a 職場体験, then shown in the employer's history.
    person = world.person(family_name="佐藤", given_name="花子")
    ep = rh.screened(world, person, route="work_experience")
    employer = registry.model.rows[0]
    world.services.routes.start_activity(world.cw_a, ep, rh.experience(employer.id))
    registry.view.selectRow(0)
    registry.history_button.click()
    assert "株式会社みどり農園" in registry.history_title.text()
    assert registry.history.rowCount() == 1
    assert "佐藤 花子" in registry.history.data(registry.history.index(0, 2))

    # Made inactive: kept, no longer offered.
    registry.view.selectRow(0)
    registry.toggle_button.click()
    assert world.services.employers.search(world.cw_a, "みどり") == []
    registry.show_inactive.setChecked(True)
    assert any(r.name == "株式会社みどり農園" and not r.active for r in registry.model.rows)
    assert errors == []


def test_a_viewer_sees_the_registry_without_the_edit_buttons(
        qtbot: QtBot, world: World) -> None:
    run, errors = runner(world, world.viewer)
    registry = EmployersDialog(world.services, world.viewer, run)
    qtbot.addWidget(registry)
    registry.show()
    assert not registry.add_button.isVisible() and registry.history_button.isVisible()
    meetings = MeetingsDialog(world.services, world.viewer, run)
    qtbot.addWidget(meetings)
    meetings.show()
    assert not meetings.new_button.isVisible()
    assert errors == []


def test_a_meeting_is_recorded_with_navigators_and_decisions_and_its_minutes_printed(
        qtbot: QtBot, world: World, previews: list[PrintedDocument],
        monkeypatch: pytest.MonkeyPatch) -> None:
    office = world.services.offices.find(world.office_name)
    world.services.offices.update_office(world.admin, office.id, office.version, OfficeInput(
        office.name, address=office.address, navigators=(Navigator("田島 聡子"),)))
    person = world.person(family_name="佐藤", given_name="花子")
    ep = rh.screened(world, person)
    run, errors = runner(world, world.cw_a)
    dialog = MeetingDialog(world.services, world.cw_a, run,
                           context_of(run, world, world.cw_a))
    qtbot.addWidget(dialog)
    own = dialog.organisations.item(0, 1).text()
    assert dialog.attendees.rowCount() == 1  # the one recording it
    dialog.office.setCurrentIndex(dialog.office.findText(world.office_name))
    dialog.findChild(QPushButton, "addOfficeOrganisation").click()
    dialog.findChild(QPushButton, "addNavigators").click()
    dialog.findChild(QPushButton, "addNavigators").click()  # once each
    assert dialog.attendees.rowCount() == 2
    assert dialog.attendees.item(1, 1).text() == "田島 聡子"
    dialog.person_search.setText("佐藤")
    dialog.findChild(QPushButton, "searchCase").click()
    assert "佐藤 花子" in dialog.hits.currentText()
    dialog.findChild(QPushButton, "addCase").click()
    fill(dialog.form, kind="支援調整会議", title="6月定例", place="第2会議室")

    dialog.findChild(QPushButton, "addCase").click()  # not twice
    assert dialog.cases.rowCount() == 1
    dialog.save()  # no decision yet: refused in the dialog, which stays open
    assert "決定事項" in dialog.error.text() and dialog.result_value is None
    dialog.cases.item(0, 1).setText("職場体験を経てハローワークへ支援要請")
    dialog.cases.item(0, 2).setText("R8.7.10")
    dialog.save()
    assert errors == []
    record = dialog.result_value
    assert record is not None
    assert [o.name for o in record.organisations] == [own, world.office_name]
    assert [c.decision for c in record.cases] == ["職場体験を経てハローワークへ支援要請"]
    assert record.cases[0].next_review_on == date(2026, 7, 10)
    # The decision is in the person's ケース記録.
    contacts = world.services.records.contacts(world.cw_a, ep)
    assert any(c.kind == "case_conference" and "ハローワークへ支援要請" in c.decisions
               for c in contacts)

    meetings = MeetingsDialog(world.services, world.cw_a, run)
    qtbot.addWidget(meetings)
    assert meetings.model.rowCount() == 1 and meetings.print_button.isEnabled()  # row 1 selected
    assert meetings.model.data(meetings.model.index(0, 5)) == "1件"
    meetings.print_button.click()
    assert len(previews) == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(previews[0].pdf)).pages)
    assert "会議録" in text and "田島 聡子" in text

    # Opened again for a correction: everything is read back.
    opened: list[MeetingDialog] = []
    monkeypatch.setattr(MeetingDialog, "exec", lambda self: opened.append(self) or 0)
    meetings.open_button.click()
    assert opened and opened[0].cases.rowCount() == 1
    assert opened[0].cases.item(0, 2).text() == "令和8年7月10日"
    assert opened[0].attendees.rowCount() == 2
    qtbot.addWidget(opened[0])
    assert errors == []


def test_a_meeting_with_an_unreadable_review_date_is_refused_in_the_dialog(
        qtbot: QtBot, world: World) -> None:
    person = world.person()
    rh.screened(world, person)
    run, errors = runner(world, world.cw_a)
    dialog = MeetingDialog(world.services, world.cw_a, run,
                           context_of(run, world, world.cw_a))
    qtbot.addWidget(dialog)
    dialog.add_case(person, "山田 太郎（T-0001）", "継続")
    dialog.cases.item(0, 2).setText("来月")
    dialog.save()
    assert "次回見直し日" in dialog.error.text() and dialog.result_value is None
    assert world.services.meetings.meetings(world.cw_a) == []
    assert errors == []


def test_a_placement_picks_the_employer_from_the_registry(
        qtbot: QtBot, window: MainWindow, driver: DialogDriver, world: World) -> None:
    person = world.person()
    ep = to_state(world, person, "active")
    employer = rh.employer(world)
    view = window.open_person(person, "episode")

    def place(d: ActionDialog) -> None:
        fill(d.form, employer_id="株式会社みどり農園", start_on="R8.6.1", job_title="農作業")
        ok(d)

    driver.then(place)
    view.findChild(QPushButton, "action_placed").click()
    placement = world.services.records.placements(world.cw_a, ep)[0]
    assert placement.employer_id == employer
    history = world.services.employers.history(world.cw_a, employer)
    assert [r.kind for r in history.rows] == ["placement"]


def test_the_report_shows_routes_and_organisations(
        qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    person = world.person()
    ep = rh.screened(world, person, route="work_readiness")
    world.services.routes.assess_readiness(world.cw_a, ep, rh.assessment())
    world.services.routes.start_activity(world.cw_a, ep, rh.readiness_program())
    run, errors = runner(world, world.supervisor)
    window = MainWindow(world.services, world.supervisor, run, tmp_path)
    qtbot.addWidget(window)
    window.reports.compute()
    table = window.reports.routes
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["就労準備度を評価した人数"].startswith("1")
    assert rows["就労準備支援事業の開始"].startswith("1")
    assert window.reports.by_organisation.rowCount() >= 1
    assert errors == []


def test_the_print_menu_quotes_the_assessment_in_the_referral_when_ticked(
        qtbot: QtBot, window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 支援要請書 is shown before it is issued (issue 19): the page the caseworker sees
    quotes the assessment only when the print menu's tick is on. Both are cancelled, so no
    number is taken and the second is drafted afresh."""
    drafts: list[PrintedDocument] = []

    def cancel(dialog: IssueDialog) -> int:
        drafts.append(dialog.draft.document)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(IssueDialog, "exec", cancel)
    person = world.person()
    ep = to_state(world, person, "referred")
    world.services.routes.assess_readiness(world.cw_a, ep, rh.assessment())
    view = window.open_person(person, "episode")
    view.print_form("referral")
    view.quote_readiness.setChecked(True)
    view.print_form("referral")
    plain, quoted = ("".join(p.extract_text() for p in PdfReader(io.BytesIO(d.pdf)).pages)
                     for d in drafts)
    assert "就労準備度" not in plain and "就労準備度の評価" in quoted
