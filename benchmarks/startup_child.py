"""One cold start, run in its own process by benchmarks.run_all.

    python -m benchmarks.startup_child bare
    python -m benchmarks.startup_child app DATA_DIR      (TSUNAGI_DB_PASSPHRASE, TSUNAGI_PASSWORD)

Bare: prints ``READY`` at the first event-loop turn after the window is shown. App: the
desktop app's own start (``desktop.app.Startup``, as ``tsunagi`` runs it): prints ``LOGIN``
at the first event-loop turn after the sign-in window is shown, ``PREPARED`` when the worker
has opened the database (the person is still typing), then types the password and presses
ログイン (``PRESS``), prints ``SHOWN`` at the first turn after the main window is shown and
``READY`` once its agenda and first caseload page are on screen; then works a little
(scroll three pages, search, open a person) and prints ``RSS <peak kB>``.
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
    # What ``tsunagi`` does (desktop.launcher → desktop.app.run_gui), with marks.
    from desktop import app as desktop_app
    from desktop import preferences
    from desktop.i18n import saved_language

    data = Path(data_dir)
    qapp = QApplication(sys.argv)
    desktop_app.setup_application(qapp, saved_language(data), preferences.text_scale(data))
    startup = desktop_app.Startup(data, "admin", desktop_app.CrashReporter())
    state: dict[str, object] = {"ready": False, "step": 0}

    def press() -> None:
        print("PREPARED", flush=True)
        startup.login.password.setText(os.environ["TSUNAGI_PASSWORD"])
        print("PRESS", flush=True)
        startup.login.try_login()

    def shown(window: object) -> None:
        if window is None:
            qapp.quit()
            return
        window.backup_timer.stop()  # type: ignore[attr-defined]  # not part of a start
        QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
        QTimer.singleShot(0, lambda: poll(window))

    def poll(window) -> None:  # type: ignore[no-untyped-def]
        if not state["ready"]:
            if window.caseload_model.rowCount() > 0 and window.agenda_model.rowCount() > 0:
                state["ready"] = True
                print("READY", flush=True)
                window.tabs.setCurrentIndex(1)
            QTimer.singleShot(5, lambda: poll(window))
            return
        model = window.caseload_model
        if state["step"] < 3:  # type: ignore[operator]
            if model.canFetchMore(model.index(-1, -1)):
                model.fetchMore(model.index(-1, -1))
            state["step"] = int(state["step"]) + 1  # type: ignore[call-overload]
            QTimer.singleShot(300, lambda: poll(window))
            return
        if state["step"] == 3:
            window.search.setText("やまだ")
            window.run_search()
            window.open_person(model.rows[0].person_id)
            state["step"] = 4
            QTimer.singleShot(1500, lambda: poll(window))
            return
        print(f"RSS {_rss_kb()}", flush=True)
        window.close()
        qapp.quit()

    startup.login_shown.connect(lambda: print("LOGIN", flush=True))
    startup.prepared.connect(press)
    startup.finished.connect(shown)
    startup.start()
    qapp.exec()
    startup.runner.wait()
    if startup.ready is not None:
        startup.ready.opened.db.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        tsunagi(sys.argv[2])
