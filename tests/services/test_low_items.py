"""The Low items of the security review: each one as it was found, now answered."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.config import Config
from desktop.files import write_whole
from desktop.models import Referral
from desktop.models.storage import open_database, remove_leftovers
from desktop.services.errors import AccountLocked, AuthenticationFailed, PermissionDenied
from tests.conftest import World
from tests.services.helpers import to_state


@pytest.mark.sqlite_only(reason="a damaged page of the SQLite file")
def test_verify_reports_a_damaged_page_instead_of_crashing(world: World, config: Config,
                                                           opened) -> None:  # type: ignore[no-untyped-def]
    for i in range(40):
        world.person(case_number=f"DMG-{i}", household="記録" * 400)
    opened.db.engine.dispose()
    from desktop.models.db import checkpoint

    checkpoint(opened.db.engine)
    opened.db.engine.dispose()
    data = bytearray(config.db_path.read_bytes())
    page = 4096
    for offset in range(page * 6, min(len(data), page * 12), page):  # several data pages
        data[offset + 100:offset + 140] = bytes(40)
    config.db_path.write_bytes(bytes(data))
    report = world.services.maintenance.verify(world.admin)  # no exception: a report
    assert not report.ok
    assert any("壊れて" in p or "暗号化ページ" in p or "整合性" in p for p in report.problems)


def test_a_database_from_a_newer_release_is_refused_and_nothing_is_written(
        config: Config, opened) -> None:  # type: ignore[no-untyped-def]
    with opened.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    opened.db.close()
    from desktop.models.db import DatabaseUnavailable

    for _ in range(2):
        with pytest.raises(DatabaseUnavailable, match="新しいバージョンのつなぎ"):
            open_database(config)
    assert not config.backup_dir.exists() or not list(config.backup_dir.glob("pre-migrate-*"))


def test_unknown_user_names_are_locked_out_like_real_ones(world: World) -> None:
    auth = world.services.auth
    outcomes: dict[str, list[str]] = {}
    for name in ("cwa", "nobody-here"):
        seen = []
        for _ in range(7):
            try:
                auth.login(name, "wrong-password")
            except AccountLocked:
                seen.append("locked")
            except AuthenticationFailed:
                seen.append("failed")
        outcomes[name] = seen
    assert outcomes["cwa"] == outcomes["nobody-here"]
    assert "locked" in outcomes["nobody-here"]


def test_a_viewers_print_changes_nothing(world: World) -> None:
    """A viewer sees the referral before it is issued and prints it once issued; issuing
    (which takes a number and marks the referral sent) is refused."""
    pid = world.person()
    episode = to_state(world, pid, "referred")
    printing = world.services.printing
    printing.draft(world.viewer, "referral", episode)
    with pytest.raises(PermissionDenied):
        printing.print_document(world.viewer, "referral", episode)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.printed_at).where(Referral.episode_id == episode)) is None
        assert s.scalar(select(Referral.number).where(Referral.episode_id == episode)) is None
    assert printing.pending_referrals(world.cw_a) == [episode]
    issued = printing.print_document(world.cw_a, "referral", episode)
    assert printing.pending_referrals(world.cw_a) == []
    with world.services.ctx.db.read() as s:
        printed_at = s.scalar(select(Referral.printed_at).where(Referral.episode_id == episode))
    again = printing.print_document(world.viewer, "referral", episode)
    assert again.number == issued.number
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.printed_at).where(
            Referral.episode_id == episode)) == printed_at


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exports_are_private_whatever_the_umask(world: World, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = write_whole(tmp_path / "made" / "here" / "export.csv", b"data")
        backup = world.services.maintenance.backup(world.admin, tmp_path / "b.tsunagi-backup") \
            if world.services.ctx.db.is_sqlite else None
        pid = world.person()
        to_state(world, pid, "referred")
        written, _ = world.services.printing.print_pending(world.cw_a, tmp_path / "packets")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "made").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "made" / "here").stat().st_mode) == 0o700
    assert written and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    assert stat.S_IMODE((tmp_path / "packets").stat().st_mode) == 0o700
    if backup is not None:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


@pytest.mark.sqlite_only(reason="leftovers of file backups and restores")
def test_leftovers_of_a_killed_backup_or_restore_are_removed_at_the_next_start(
        config: Config, opened) -> None:  # type: ignore[no-untyped-def]
    opened.db.close()
    config.backup_dir.mkdir(exist_ok=True)
    stale = [config.data_dir / "restore-1a2b3c4d.db", config.data_dir / "restore-1a2b3c4d.db-wal",
             config.backup_dir / ".tsunagi-x.tsunagi-backup.partial",
             config.backup_dir / ".b.tsunagi-backup.5f5f5f5f.tmp",
             config.data_dir / ".tsunagi.audit-head.json.partial"]
    fresh = config.backup_dir / ".now.tsunagi-backup.partial"  # a backup being written now
    for path in [*stale, fresh]:
        path.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    for path in stale:
        os.utime(path, (an_hour_ago, an_hour_ago))
    open_database(config).db.close()
    assert not any(p.exists() for p in stale)
    assert fresh.exists()
    assert remove_leftovers(config) == []


def test_referral_printing_by_a_caseworker_still_marks_it(world: World) -> None:
    pid = world.person()
    episode = to_state(world, pid, "referred")
    world.services.printing.print_document(world.cw_a, "referral", episode)
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.printed_at).where(Referral.episode_id == episode))
