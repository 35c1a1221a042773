"""Render the screens of readiness, routes, support costs, 協力事業所 and meetings to
docs/screenshots/ (40-…), on an office laptop's 1024×700 screen, from a demo office made in a
temporary folder.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/network_screens.py

The demo (desktop/services/demo.py) assesses most screened persons, puts some on each route
besides the Hello Work referral, registers 協力事業所, pays fares and holds meetings; the
screens show one of those persons, the registry, a meeting and the report.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # One screen of 1024×700, as in tests/ui/conftest.py, so that fit_to_screen sizes the
    # dialogs as an office laptop would.
    _screen = Path(tempfile.mkdtemp(prefix="tsunagi-screen-")) / "screen.json"
    _screen.write_text(json.dumps({"screens": [{
        "name": "office", "x": 0, "y": 0, "width": 1024, "height": 700, "logicalDpi": 96,
        "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

import pypdfium2
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QScrollArea, QWidget
from screenshots import OUT, grab, set_up, settle
from sqlalchemy import select

from desktop.app import CrashReporter
from desktop.config import Config
from desktop.models import Episode, Meeting, SupportActivity
from desktop.models.storage import create_database
from desktop.services import Services, build_services
from desktop.services.context import Actor
from desktop.services.demo import DemoService
from desktop.ui.employers_dialog import EmployersDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.meetings_dialog import MeetingDialog, MeetingsDialog, meeting_context
from desktop.ui.routes_tab import ScreeningDecisionDialog, assessment_dialog
from desktop.ui.tasks import TaskRunner

PASSWORD = "password-123"


def shot(widget: QWidget, name: str) -> None:
    widget.show()
    grab(widget, name)
    widget.close()


def office(tmp: Path) -> tuple[Services, Actor, object]:
    opened = create_database(Config(tmp / "office", passphrase="network screens passphrase"))
    services = build_services(opened.db, opened.device_id)
    services.auth.create_first_admin("admin", "管理 太郎", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    DemoService(services.ctx).generate(admin, 400, seed=3)
    return services, admin, opened


def person_on_a_route(services: Services) -> tuple[object, object]:
    """A person on 職場体験・中間的就労 with an activity (the one with the most rows)."""
    with services.ctx.db.read() as s:
        row = s.execute(
            select(Episode.person_id, Episode.id).join(
                SupportActivity, SupportActivity.episode_id == Episode.id)
            .where(Episode.route == "work_experience", Episode.state != "closed")
            .order_by(Episode.intake_on.desc()).limit(1)).first()
    assert row is not None, "the demo has nobody on 職場体験"
    return row[0], row[1]


def screening_episode(services: Services) -> object:
    with services.ctx.db.read() as s:
        found = s.scalar(select(Episode.id).where(Episode.state == "screening").limit(1))
    assert found is not None
    return found


def screens(services: Services, admin: Actor, runner: TaskRunner) -> None:
    window = MainWindow(services, admin, runner)
    window.resize(1024, 700)
    window.show()
    settle()
    person, episode = person_on_a_route(services)
    view = window.open_person(person, "routes")  # type: ignore[arg-type]
    settle()
    view.routes_tab.activities_view.selectRow(0)
    grab(window, "50-person-routes")

    # The assessment's dialog, filled in from the revision in force (shown, not saved).
    current = services.routes.current_assessment(admin, episode)  # type: ignore[arg-type]
    original = QDialog.exec
    QDialog.exec = lambda self: (shot(self, "51-readiness-assessment"), 0)[1]  # type: ignore[method-assign, assignment]
    try:
        assessment_dialog(window, services, admin, runner, episode,  # type: ignore[arg-type]
                          services.routes.readiness_items(), current)
    finally:
        QDialog.exec = original  # type: ignore[method-assign]

    screening = screening_episode(services)
    decision = ScreeningDecisionDialog(
        services, admin, runner, screening,  # type: ignore[arg-type]
        services.routes.current_assessment(admin, screening) or current)  # type: ignore[arg-type]
    shot(decision, "52-screening-decision")

    view.tabs.setCurrentWidget(view.costs_tab)
    settle()
    grab(window, "53-person-costs")

    registry = EmployersDialog(services, admin, runner, window)
    registry.show()
    settle()
    if registry.model.rows:
        busiest = max(range(len(registry.model.rows)),
                      key=lambda i: registry.model.rows[i].placed + registry.model.rows[i].hosted)
        registry.view.selectRow(busiest)
        registry.show_history()
    shot(registry, "54-employers")

    meetings = MeetingsDialog(services, admin, runner, window)
    shot(meetings, "55-meetings")
    with services.ctx.db.read() as s:
        meeting_id = s.scalar(select(Meeting.id).order_by(Meeting.held_on.desc()).limit(1))
    record = services.meetings.meeting(admin, meeting_id)  # type: ignore[arg-type]
    dialog = MeetingDialog(services, admin, runner, meeting_context(services, admin), record,
                           window)
    dialog.show()
    grab(dialog, "56-meeting-dialog")
    scroll = next(w for w in dialog.findChildren(QScrollArea) if w.parent() is dialog)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    grab(dialog, "57-meeting-dialog-cases")
    dialog.close()
    pdf = services.meetings.print_minutes(admin, meeting_id).pdf  # type: ignore[arg-type]
    document = pypdfium2.PdfDocument(pdf)
    document[0].render(scale=1.3).to_pil().save(OUT / "58-form-minutes.png")
    print("wrote", OUT / "58-form-minutes.png")
    document.close()

    reports = window.reports
    window.tabs.setCurrentWidget(window.reports_tab)
    reports.compute()
    settle()
    reports.details.setCurrentIndex(reports.details.count() - 1)
    bar = window.reports_tab.verticalScrollBar()
    bar.setValue(bar.maximum())
    grab(window, "59-reports-routes")
    window.close()


def main() -> None:
    app = QApplication(sys.argv)
    set_up(app)
    runner = TaskRunner(CrashReporter().report, inline=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        services, admin, opened = office(Path(tmp_name))
        screens(services, admin, runner)
        opened.db.close()  # type: ignore[attr-defined]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QPushButton):
            widget.deleteLater()
    print("done")


if __name__ == "__main__":
    main()
