"""No personal data and no key where they do not belong: log files, temporary files, crash
reports and the clipboard.

A real session through the command line (demo caseload, printing, reports, export, a ledger
import with rejected rows, refused and failing commands) runs with its own TMPDIR; then every
file it left in the log folder and the temporary folder is scanned for the names, readings,
addresses and phone numbers in the database, the passphrase and the raw key.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.config import Config
from desktop.models import Person
from desktop.models.keystore import KeyInfo, load_key
from desktop.models.storage import open_database

PASSPHRASE = "secrets test passphrase"
PASSWORD = "admin-password-1"


def run(data: Path, tmp: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TSUNAGI_")}
    env.update(TSUNAGI_DATA_DIR=str(data), TSUNAGI_DB_PASSPHRASE=PASSPHRASE,
               TSUNAGI_USER="admin", TSUNAGI_PASSWORD=PASSWORD, TMPDIR=str(tmp), TEMP=str(tmp),
               TMP=str(tmp), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, "-m", "desktop", *args], env=env, text=True,
                            capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    if check:
        assert result.returncode == 0, (args, result.stderr)
    return result


def _personal_values(data: Path) -> set[str]:
    opened = open_database(Config(data, passphrase=PASSPHRASE))
    try:
        with opened.db.read() as s:
            rows = s.execute(select(Person.family_name, Person.given_name, Person.family_kana,
                                    Person.given_kana, Person.address, Person.phone_mobile,
                                    Person.case_number).limit(300)).all()
    finally:
        opened.db.close()
    values = set()
    for family, given, fkana, gkana, address, mobile, number in rows:
        values |= {f"{family} {given}", f"{family}{given}", f"{fkana} {gkana}", address,
                   mobile, number}
    return {v for v in values if v and len(v) >= 4}


@pytest.mark.slow
def test_logs_and_temporary_files_hold_no_personal_data_or_key(tmp_path: Path) -> None:
    data, tmp, out = tmp_path / "data", tmp_path / "tmp", tmp_path / "out"
    tmp.mkdir()
    out.mkdir()
    run(data, tmp, "init", "--admin", "admin")
    run(data, tmp, "demo", "--persons", "300", "--seed", "3")
    run(data, tmp, "verify")
    run(data, tmp, "print", "packet", "--pending", "--out", str(out / "packets"))
    run(data, tmp, "report", "--fiscal-year", "2025", "--format", "pdf", "--out",
        str(out / "r.pdf"))
    run(data, tmp, "export", "--format", "csv", "--out", str(out / "ledger.csv"))
    run(data, tmp, "backup", "--auto")
    values = _personal_values(data)
    # A ledger whose bad rows carry names into the rejected-rows report (beside the file, by
    # the person's own choice), and whose messages go to the terminal, never to the log.
    lines = (out / "ledger.csv").read_text(encoding="utf-8-sig").splitlines()
    broken = [line.replace(",令和", ",令和99年", 1) for line in lines[1:6]]
    (out / "bad.csv").write_text("\n".join([lines[0], *broken]), encoding="utf-8")
    run(data, tmp, "import-ledger", str(out / "bad.csv"))
    refused = run(data, tmp, "restore", str(out / "ledger.csv"), check=False)
    assert refused.returncode == 1
    bad_login = subprocess.run(
        [sys.executable, "-m", "desktop", "verify"], capture_output=True, text=True,
        env={**os.environ, "TSUNAGI_DATA_DIR": str(data), "TSUNAGI_DB_PASSPHRASE": PASSPHRASE,
             "TSUNAGI_USER": "admin", "TSUNAGI_PASSWORD": "wrong", "TMPDIR": str(tmp),
             "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}, timeout=120)
    assert bad_login.returncode == 1

    key = load_key(KeyInfo.load(data), PASSPHRASE)
    secrets = {PASSPHRASE, PASSWORD, key.hex(), key.hex().upper()}
    scanned = list((data / "logs").rglob("*")) + list(tmp.rglob("*"))
    files = [p for p in scanned if p.is_file()]
    assert any(p.name == "tsunagi.log" for p in files)
    assert [p for p in tmp.rglob("*") if p.is_file()] == []  # nothing left behind in TMPDIR
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for value in values | secrets:
            assert value not in text, (path.name, "personal data or secret found")


def test_crash_reports_carry_frames_not_values(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    from desktop.app import CrashReporter

    reporter = CrashReporter()
    shown: list[str] = []
    reporter.crashed.disconnect()
    reporter.crashed.connect(shown.append)
    try:
        raise ValueError(" ".join(["山田", "太郎", "東京都新宿区西新宿1-1", "090-1234-5678"]))
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="tsunagi"):
            reporter.report(exc)
    assert shown and "ValueError" in shown[0] and "test_secrets.py" in shown[0]
    for text in (shown[0], caplog.text):
        assert "山田" not in text and "090-1234-5678" not in text


def test_the_recovery_key_leaves_no_clipboard_history(qtbot: QtBot) -> None:
    from desktop.ui.login import SECRET_FORMATS, RecoveryKeyDialog

    key = "0123-4567-89AB-CDEF"
    dialog = RecoveryKeyDialog(key)
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "copyRecoveryKey").click()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == key
    for fmt in SECRET_FORMATS:
        assert mime.hasFormat(fmt), fmt
    dialog.confirmed.setChecked(True)
    dialog.accept()
    assert QGuiApplication.clipboard().text() != key
