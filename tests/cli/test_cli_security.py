"""The command line under the conditions the security review found it failing in: another
process holding the write lock, an output pipe that closes (security issue, items 7 and Low).

The busy case runs ``main()`` in this process with the busy timeout cut to 50 ms (a
subprocess would wait the full 10 s); the pipe case runs the real command as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from desktop import cli
from desktop.config import Config
from desktop.models import AuditEntry
from desktop.models import db as dbmodule
from tests.conftest import PASSWORD, World
from tests.services.test_busy import write_lock_held_elsewhere


@pytest.fixture
def as_admin(config: Config, world: World, monkeypatch: pytest.MonkeyPatch) -> Config:
    monkeypatch.setenv("TSUNAGI_DATA_DIR", str(config.data_dir))
    monkeypatch.setenv("TSUNAGI_DB_PASSPHRASE", config.passphrase or "")
    monkeypatch.setenv("TSUNAGI_USER", "admin")
    monkeypatch.setenv("TSUNAGI_PASSWORD", PASSWORD)
    monkeypatch.delenv("TSUNAGI_DB_URL", raising=False)
    return config


def test_a_command_meeting_a_held_write_lock_says_busy_and_exits_1(
        as_admin: Config, world: World, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 50)
    with write_lock_held_elsewhere(world.services.ctx.db):
        code = cli.main(["user", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "他の処理がデータベースを使用中です" in err and "もう一度" in err
    assert "予期しない" not in err


def test_from_a_terminal_the_busy_command_is_offered_again_and_then_succeeds(
        as_admin: Config, world: World, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setenv("TSUNAGI_NEW_PASSWORD", "kato-password-1")
    lock = write_lock_held_elsewhere(world.services.ctx.db)
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        lock.__exit__(None, None, None)  # the other process has finished meanwhile
        return "y"

    monkeypatch.setattr("builtins.input", answer)
    lock.__enter__()
    code = cli.main(["user", "add", "kato", "--role", "caseworker", "--display-name", "加藤 誠"])
    captured = capsys.readouterr()
    assert code == 0 and len(asked) == 1 and "もう一度実行しますか" in asked[0]
    assert "他の処理がデータベースを使用中です" in captured.err
    assert "kato" in {u.username for u in world.services.auth.list_users(world.admin)}


def _env(config: Config) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TSUNAGI_")}
    env.update(TSUNAGI_DATA_DIR=str(config.data_dir), TSUNAGI_DB_PASSPHRASE=config.passphrase or "",
               TSUNAGI_USER="admin", TSUNAGI_PASSWORD=PASSWORD,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return env


def test_a_closed_output_pipe_does_not_claim_the_committed_work_was_lost(
        as_admin: Config, world: World, tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "report", "--fiscal-year", "2025",
                             "--format", "json"], env=_env(as_admin), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before anything is printed (| head -0)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert "予期しない" not in err and "Traceback" not in err
    assert "出力先が閉じられた" in err
    # Only the unfinished step is said to be lost: the report had been computed and audited.
    assert "完了していなかった処理" in err
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)) == "report"


def test_backup_into_a_folder_that_does_not_exist_yet(as_admin: Config, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "not-yet"
    assert cli.main(["backup", "--out", f"{target}/"]) == 0
    made = list(target.glob("*.tsunagi-backup"))
    assert len(made) == 1 and target.is_dir()  # a folder with the backup, not a file "not-yet"
    assert "バックアップを作成しました" in capsys.readouterr().out


def test_verify_accept_divergence_on_the_command_line(
        as_admin: Config, world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """A cut chain: verify says so and records the divergence; a later verify still reports
    it; `verify --accept-divergence` explains what it accepts, in Japanese, and verify is
    clean after it. Only an administrator accepts (a supervisor may verify)."""
    pid = world.person()
    for _ in range(3):  # rows that change no record, so that the cut leaves records sealed
        world.services.persons.get_person(world.cw_a, pid)
    with world.services.ctx.db.engine.begin() as conn:  # the last two views cut away
        top = conn.execute(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())).first()
        assert top is not None
        conn.execute(delete(AuditEntry).where(AuditEntry.seq > top[0] - 2))
    for _ in range(2):
        assert cli.main(["verify"]) == 1
        assert "食い違い" in capsys.readouterr().err
    code = cli.main(["--user", "sv", "verify", "--accept-divergence"])
    assert code == 1 and "管理者のみ" in capsys.readouterr().err
    assert cli.main(["verify"]) == 1  # still there
    capsys.readouterr()
    assert cli.main(["verify", "--accept-divergence"]) == 0
    out = capsys.readouterr().out
    assert "承認しました" in out and "古い複製" in out and "問題はありません" in out
    assert cli.main(["verify"]) == 0
    assert cli.main(["verify", "--accept-divergence"]) == 0
    assert "承認が必要な監査ログの食い違いはありません" in capsys.readouterr().err


def test_no_number_is_taken_for_a_document_that_cannot_be_written(
        as_admin: Config, world: World, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found in the attack round of 12-02: `print followup --out` into a path that could
    not be written took a number (audited as issued) each time and wrote nothing."""
    from desktop.models import IssuedDocument
    from tests.services.helpers import to_state

    ep = to_state(world, world.person(), "active")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for _ in range(2):
        code = cli.main(["print", "followup", "--episode", str(ep),
                         "--out", str(blocker / "followup.pdf")])
        assert code == 1 and "書き込めません" in capsys.readouterr().err
    with world.services.ctx.db.read() as s:
        assert s.scalars(select(IssuedDocument)).all() == []
    # The batch likewise: nothing is issued into a folder that cannot be written.
    to_state(world, world.person(), "referred")
    assert cli.main(["print", "packet", "--pending", "--out", str(blocker / "out")]) == 1
    assert "書き込めません" in capsys.readouterr().err
    with world.services.ctx.db.read() as s:
        assert s.scalars(select(IssuedDocument)).all() == []
    assert world.services.printing.pending_referrals(world.admin)
