"""SIGKILL at random moments during writes, a ledger import and a migration; after each, the
database opens, `verify` passes and every acknowledged write is there (and an interrupted
import left all of its rows or none).

Bounded: a handful of kills of each kind, about a minute in all.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.config import Config
from desktop.models import AuditEntry, HelloWorkOffice, Person
from desktop.models.chain import ANCHOR_FILENAME, HeadAnchor, audit_key
from desktop.models.db import checkpoint
from desktop.models.migrate import current_revision, downgrade, head_revision
from desktop.models.storage import open_database, open_engine
from desktop.services import build_services
from desktop.services.demo import DemoService
from desktop.services.maintenance import check_database
from tests.conftest import World
from tests.services.helpers import seal_as_an_older_release

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL is a POSIX signal")]


class Child:
    """The child process and the lines it printed, read on a thread."""

    def __init__(self, config: Config, *args: str) -> None:
        env = {**os.environ, "TSUNAGI_DB_PASSPHRASE": config.passphrase or "",
               "QT_QPA_PLATFORM": "offscreen"}
        env.pop("TSUNAGI_DATA_DIR", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.crash_child", *args[:1],
             str(config.data_dir), *args[1:]], cwd=ROOT, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def wait_for(self, word: str, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while not any(line.startswith(word) for line in self.lines):
            if self.proc.poll() is not None and not self.reader.is_alive():
                raise AssertionError(f"child ended: {self.proc.stderr.read()}")  # type: ignore[union-attr]
            assert time.monotonic() < end, f"no {word} within {timeout} s"
            time.sleep(0.01)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=5)
        assert self.proc.returncode == -signal.SIGKILL or self.proc.returncode == 0


def _check(config: Config) -> set[str]:
    """Open (as the app does), verify, and return the case numbers present."""
    opened = open_database(config)
    try:
        report = check_database(opened.db.engine, opened.db)
        assert report.ok, report.problems
        with opened.db.read() as s:
            return set(s.scalars(select(Person.case_number)))
    finally:
        opened.db.close()


def test_kill_during_writes_loses_no_acknowledged_write(world: World, config: Config) -> None:
    world.services.ctx.db.close()
    rng = random.Random(20261122)
    acknowledged: set[str] = set()
    start = 0
    for _ in range(6):
        child = Child(config, "write", str(start))
        child.wait_for("ACK")
        time.sleep(rng.uniform(0.05, 1.2))
        child.kill()
        acked = {f"K-{line.split()[1]}" for line in child.lines if line.startswith("ACK")}
        assert acked, "the child committed nothing before the kill"
        acknowledged |= acked
        present = _check(config)
        assert acknowledged <= present, sorted(acknowledged - present)[:5]
        start = max(int(n.split("-")[1]) for n in present if n.startswith("K-")) + 1


def _ledger(path: Path, rows: int) -> Path:
    lines = ["ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日,同意日,支援要請日"]
    lines += [f"I-{i},取込 {i}郎,トリコミ イチロウ,S50.1.1,生活保護受給者,R8.4.1,R8.4.2,R8.4.3"
              for i in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_kill_during_an_import_leaves_all_or_nothing(world: World, config: Config,
                                                     tmp_path: Path) -> None:
    world.services.ctx.db.close()
    ledger = _ledger(tmp_path / "ledger.csv", 3000)
    rng = random.Random(7)
    outcomes = set()
    for _ in range(4):
        child = Child(config, "import", str(ledger))
        child.wait_for("OPEN")
        time.sleep(rng.uniform(0.0, 2.5))
        child.kill()
        imported = {n for n in _check(config) if n.startswith("I-")}
        assert len(imported) in (0, 3000)
        outcomes.add(len(imported))
        if imported:
            break
    # Finish the job: the import completes once, with no duplicates.
    child = Child(config, "import", str(ledger))
    child.wait_for("DONE", timeout=120)
    child.proc.wait(timeout=30)
    assert len({n for n in _check(config) if n.startswith("I-")}) == 3000
    assert 0 in outcomes  # at least one kill landed mid-import


def _put_back(saved: Path, data: Path) -> None:
    """The database folder's files as ``saved`` holds them (the database, WAL and anchor)."""
    for name in ("tsunagi.db", "tsunagi.db-wal", "tsunagi.db-shm", ANCHOR_FILENAME):
        (data / name).unlink(missing_ok=True)
        if (saved / name).exists():
            shutil.copy2(saved / name, data / name)


def test_kill_during_a_migration_keeps_the_database(world: World, config: Config,
                                                     tmp_path: Path) -> None:
    """A database in use under an older release: at revision 0006 with every record sealed
    as that release sealed them, taken down to 0001 so that the migration (and the re-seal
    of what it rewrites) runs long enough to be killed in. Each round starts from that
    same old database; after a kill it is at the old revision or the new one, never
    between, and reopening finishes the migration with every seal still good."""
    DemoService(world.services.ctx).generate(world.admin, 2000, seed=4, force=True)  # a migration to wait on
    world.person(case_number="M-1")
    world.services.ctx.db.close()
    before = _check(config)
    engine, key, _ = open_engine(config)
    assert key is not None
    downgrade(engine, "0006")
    seal_as_an_older_release(engine, audit_key(key), HeadAnchor(config.data_dir / ANCHOR_FILENAME))
    downgrade(engine, "0001")
    checkpoint(engine)
    engine.dispose()
    saved = tmp_path / "old-database"
    saved.mkdir()
    _put_back(config.data_dir, saved)
    rng = random.Random(3)
    interrupted = 0
    for _ in range(8):
        _put_back(saved, config.data_dir)
        child = Child(config, "open")
        time.sleep(rng.uniform(0.4, 1.6))
        finished = any(line == "DONE" for line in child.lines)
        child.kill()
        if not finished and child.proc.returncode == -signal.SIGKILL:
            interrupted += 1
            engine, _, _ = open_engine(config)
            # All of the migration or none of it.
            assert current_revision(engine) in ("0001", head_revision())
            engine.dispose()
        assert _check(config) == before  # reopening migrates what is left, then verifies
        if interrupted >= 2:
            break
    assert interrupted >= 1, "no kill landed during the migration"
    opened = open_database(config)
    try:
        assert current_revision(opened.db.engine) == head_revision()
        services = build_services(opened.db, opened.device_id)
        admin = services.auth.login("admin", "password-123")
        assert [h.case_number for h in services.search.search(admin, "M-1")] == ["M-1"]
        with opened.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == len(before)
            # The Hello Work offices, whose navigator 0007 rewrote, were sealed again once
            # (0010 reseals the referrals it may rewrite, counted apart).
            assert s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "record_reseal", AuditEntry.entity == "office")) == s.scalar(
                select(func.count()).select_from(HelloWorkOffice))
    finally:
        opened.db.close()
