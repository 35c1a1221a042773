"""Render the office-mode screens to docs/screenshots/: the administrator's server dialog and
the dialog a caseworker sees when a colleague saved the same person first.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/office_screens.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import grab, set_up

from desktop.app import CrashReporter
from desktop.i18n import translate
from desktop.ui.dialogs import StaleRecordDialog
from desktop.ui.forms import ActionDialog
from desktop.ui.tasks import TaskRunner


def main() -> None:
    app = QApplication(sys.argv)
    set_up(app)

    from desktop.ui import server_dialog

    captured: dict[str, ActionDialog] = {}
    original = ActionDialog.exec

    def show_instead(dialog: ActionDialog) -> int:
        captured["d"] = dialog
        return 0

    ActionDialog.exec = show_instead  # type: ignore[method-assign]
    # Shown, not run: nothing reaches the runner.
    server_dialog.configure_server(None, TaskRunner(CrashReporter().report),
                                   Path("/nonexistent-tsunagi"))
    ActionDialog.exec = original  # type: ignore[method-assign]
    dialog = captured["d"]
    url = dialog.form.fields["url"]
    assert isinstance(url, QLineEdit)
    url.setText("postgresql+psycopg://tsunagi@db.fukushi.example.lg.jp:5432/tsunagi"
                "?sslmode=verify-full")
    secret = dialog.form.fields["password"]
    assert isinstance(secret, QLineEdit)
    secret.setText("password")
    url.setCursorPosition(0)
    dialog.resize(1000, 360)  # the whole URL in its field
    dialog.show()
    grab(dialog, "21-server-settings")

    stale = StaleRecordDialog([
        (translate("PersonView", "住所"), "東京都新宿区西新宿2-8-1 第3ビル201",
         "東京都新宿区北新宿1-5-3"),
        (translate("PersonView", "電話（携帯）"), "090-1234-5678", "080-2222-3333"),
    ])
    stale.show()
    grab(stale, "22-stale-save")


if __name__ == "__main__":
    main()
