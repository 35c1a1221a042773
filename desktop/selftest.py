"""``tsunagi self-test``: prove that an installation works, without touching the user's data.

In a temporary folder it creates an encrypted database (the shipped Alembic migrations run),
signs in a new administrator, prints a blank 同意書 with the bundled IPAex fonts, checks the
PDF's text, opens a Qt window offscreen with the bundled font and stylesheet, and verifies the
audit chain, and checks that the English catalogue loads. Prints one JSON line and exits 0 when everything worked. The installers' build
scripts run it against the built bundle.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from desktop import __version__

PASSPHRASE = "self-test passphrase"  # a throw-away database, deleted at the end
PASSWORD = "self-test-password"


def run() -> int:
    started = time.perf_counter()
    checks: dict[str, object] = {"version": __version__}
    with tempfile.TemporaryDirectory(prefix="tsunagi-selftest-") as tmp:
        from desktop.config import Config
        from desktop.models.migrate import HEAD, current_revision
        from desktop.models.storage import create_database
        from desktop.services import build_services

        opened = create_database(Config(Path(tmp) / "data", passphrase=PASSPHRASE))
        try:
            checks["schema"] = current_revision(opened.db.engine)
            if checks["schema"] != HEAD:
                raise RuntimeError(f"schema {checks['schema']} is not {HEAD}")
            services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                                      key_info=opened.key_info)
            services.auth.create_first_admin("selftest", "自己診断", PASSWORD)
            admin = services.auth.login("selftest", PASSWORD)
            services.offices.add_office(admin, "ハローワーク自己診断")
            pdf = services.printing.print_document(admin, "consent", blank=True).pdf
            import pypdfium2

            document = pypdfium2.PdfDocument(pdf)
            text = "".join(page.get_textpage().get_text_range() for page in document)
            document.close()
            if "同意書" not in text.replace("\r", "").replace("\n", ""):
                raise RuntimeError("the PDF does not hold its Japanese title")
            checks["pdf_bytes"] = len(pdf)
            checks["window"] = _window()
            checks["languages"] = _languages()
            report = services.maintenance.verify(admin)
            if not report.ok:
                raise RuntimeError("; ".join(report.problems))
            checks["audit_rows"] = report.audit_rows
        finally:
            opened.db.close()
    checks["seconds"] = round(time.perf_counter() - started, 2)
    checks["ok"] = True
    print(json.dumps(checks, ensure_ascii=False))
    return 0


def _languages() -> str:
    """The English catalogue is in the installation and translates (Japanese needs none)."""
    from desktop.catalogue import load_catalogue

    translator = load_catalogue("en")
    if translator is None or translator.translate("App", "つなぎ") != "Tsunagi":
        raise RuntimeError("the English catalogue (tsunagi_en.qm) is missing or does not load")
    return "ja, en"


def _window() -> str:
    """Show the application's look offscreen (unless a display is asked for): the bundled
    font must load and render Japanese."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.app import setup_application

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    setup_application(app)
    families = {f for f in QFontDatabase.families() if f.startswith("IPAex")}
    if not families:
        raise RuntimeError("the bundled IPAex fonts did not load")
    label = QLabel("つなぎ 自己診断")
    label.show()
    app.processEvents()
    image = label.grab().toImage()
    if image.isNull() or image.width() == 0:
        raise RuntimeError("the window could not be drawn")
    label.close()
    return ", ".join(sorted(families))
