"""One cold start, run in its own process by benchmarks.run_all.

    python -m benchmarks.startup_child bare
    python -m benchmarks.startup_child app DATA_DIR      (TSUNAGI_DB_PASSPHRASE, TSUNAGI_PASSWORD)

Bare: prints ``READY`` at the first event-loop turn after the window is shown. App: prints
``SHOWN`` at the same point (the main window painted and taking input; its lists load on the
worker thread), ``READY`` once the agenda and the first caseload page are on screen, then
works a little (scroll three pages, search, open a person) and prints ``RSS <peak kB>``.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def _rss_kb() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def bare() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("つなぎ"))
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()


def tsunagi(data_dir: str) -> None:
    from desktop.app import CrashReporter, setup_application
    from desktop.config import Config
    from desktop.i18n import saved_language
    from desktop.models.storage import open_database
    from desktop.services import build_services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import TaskRunner

    app = QApplication(sys.argv)
    setup_application(app, saved_language(Path(data_dir)))  # as run_gui: TSUNAGI_LANG or file
    opened = open_database(Config.from_env(data_dir))
    services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                              key_info=opened.key_info)
    actor = services.auth.login("admin", os.environ["TSUNAGI_PASSWORD"])
    runner = TaskRunner(CrashReporter().report)
    window = MainWindow(services, actor, runner)
    window.backup_timer.stop()  # not part of a start-up measurement
    window.show()
    QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
    state = {"ready": False, "step": 0}

    def poll() -> None:
        if not state["ready"]:
            if window.caseload_model.rowCount() > 0 and window.agenda_model.rowCount() > 0:
                state["ready"] = True
                print("READY", flush=True)
                window.tabs.setCurrentIndex(1)
            QTimer.singleShot(5, poll)
            return
        model = window.caseload_model
        if state["step"] < 3:
            if model.canFetchMore(model.index(-1, -1)):  # type: ignore[arg-type]
                model.fetchMore(model.index(-1, -1))  # type: ignore[arg-type]
            state["step"] += 1
            QTimer.singleShot(300, poll)
            return
        if state["step"] == 3:
            window.search.setText("やまだ")
            window.run_search()
            window.open_person(model.rows[0].person_id)
            state["step"] += 1
            QTimer.singleShot(1500, poll)
            return
        print(f"RSS {_rss_kb()}", flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, poll)
    app.exec()
    opened.db.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        tsunagi(sys.argv[2])
