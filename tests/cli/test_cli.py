"""The command line: exit codes, Japanese messages, and the data it leaves.

Commands run through ``desktop.cli.main`` in this process, with the environment, keychain,
standard streams and language of a process of their own (``run``); starting a Python
process for each of the suite's ~150 commands cost most of its time in imports. The few
things only a real process shows (the entry point, the self-test's window, a closed output
pipe) run as one (``run(..., process=True)``)."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import create_engine, func, select

from desktop import cli, i18n
from desktop.config import Config
from desktop.models import Base
from desktop.models.storage import open_engine

PASSPHRASE = "cli test passphrase"
ADMIN_PASSWORD = "admin-password-1"


def run(data: Path, *args: str, password: str | None = ADMIN_PASSWORD,
        user: str | None = "admin", passphrase: str = PASSPHRASE, process: bool = False,
        **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TSUNAGI_")}
    env.update(TSUNAGI_DATA_DIR=str(data), TSUNAGI_DB_PASSPHRASE=passphrase,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **extra_env)
    if password is not None:
        env["TSUNAGI_PASSWORD"] = password
    if user is not None:
        env["TSUNAGI_USER"] = user
    if process:
        return subprocess.run([sys.executable, "-m", "desktop", *args], env=env, text=True,
                              capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    return in_process(list(args), env)


def in_process(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``tsunagi ARGV`` as a process would run it (its own environment, no keychain, stdin
    not a terminal, the exit code argparse or main gives), and everything it changed in this
    process put back afterwards: environment, keychain, log handlers, language."""
    saved_env = dict(os.environ)
    saved_keyring = keyring.get_keyring()
    tsunagi_log = logging.getLogger("tsunagi")
    saved_handlers, saved_level = list(tsunagi_log.handlers), tsunagi_log.level
    out, err = _stream(), _stream()
    os.environ.clear()
    os.environ.update(env)
    keyring.set_keyring(fail.Keyring())
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        keyring.set_keyring(saved_keyring)
        for handler in tsunagi_log.handlers[:]:
            if handler not in saved_handlers:
                tsunagi_log.removeHandler(handler)
                handler.close()
        tsunagi_log.setLevel(saved_level)
        i18n.install(None)
        while cli._BUILT:
            cli._BUILT.pop().ctx.db.close()
    return subprocess.CompletedProcess(["tsunagi", *argv], code, _text(out), _text(err))


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(text=True)`` gives: the bytes decoded, newlines universal."""
    stream.flush()
    raw = stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """init + demo --persons 1000, as from a fresh clone."""
    data = tmp_path_factory.mktemp("cli") / "data"
    init = run(data, "init", "--admin", "admin", "--display-name", "管理者")
    assert init.returncode == 0, init.stderr
    assert "回復キー" in init.stdout
    demo = run(data, "demo", "--persons", "1000", "--seed", "5")
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["persons"] == 1000
    return data


@pytest.fixture
def data(demo_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    return copy


def test_database_file_contains_no_plaintext_names(demo_dir: Path) -> None:
    raw = b"".join(p.read_bytes() for p in demo_dir.glob("tsunagi.db*"))
    assert len(raw) > 1_000_000
    for known in ("山田", "ヤマダ", "東京都新宿区", "ハローワーク新宿", "admin"):
        assert known.encode("utf-8") not in raw, known


def test_verify_passes_then_names_a_tampered_audit_row(data: Path) -> None:
    ok = run(data, "verify")
    assert ok.returncode == 0, ok.stderr
    assert "問題はありません" in ok.stdout
    engine, _, _ = open_engine(Config(data, passphrase=PASSPHRASE))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET username='mallory' WHERE seq = 5")
    engine.dispose()
    bad = run(data, "verify")
    assert bad.returncode == 1
    assert "監査ログ #5" in bad.stderr and "改ざん" in bad.stderr


def test_second_init_is_refused(data: Path) -> None:
    result = run(data, "init", "--admin", "admin")
    assert result.returncode == 1
    assert "既にあります" in result.stderr


def test_init_without_password_and_terminal_explains(tmp_path: Path) -> None:
    result = run(tmp_path / "d", "init", "--admin", "admin", password=None)
    assert result.returncode == 1
    assert "TSUNAGI_PASSWORD" in result.stderr
    assert not (tmp_path / "d" / "tsunagi.db").exists()


def test_init_without_keychain_or_passphrase_explains(tmp_path: Path) -> None:
    result = run(tmp_path / "d", "init", "--admin", "admin", passphrase="")
    assert result.returncode == 1
    assert "キーチェーンが使えません" in result.stderr
    assert not (tmp_path / "d" / "tsunagi.db").exists()


@pytest.mark.parametrize("args", [["demo"], ["frobnicate"], ["demo", "--persons", "many"],
                                  ["user", "add", "x", "--role", "king", "--display-name", "X"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    assert run(tmp_path, *args).returncode == 2


def test_wrong_password_exits_1_in_japanese(data: Path) -> None:
    result = run(data, "verify", password="not-the-password")
    assert result.returncode == 1
    assert "ユーザー名またはパスワードが違います" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_passphrase_exits_1_and_changes_nothing(data: Path) -> None:
    before = (data / "tsunagi.db").read_bytes()
    result = run(data, "verify", passphrase="a wrong passphrase")
    assert result.returncode == 1
    assert "鍵" in result.stderr and "Traceback" not in result.stderr
    assert (data / "tsunagi.db").read_bytes() == before


def test_missing_database(tmp_path: Path) -> None:
    result = run(tmp_path / "none", "verify")
    assert result.returncode == 1
    assert "tsunagi init" in result.stderr


@pytest.mark.slow
def test_user_add_list_disable(data: Path) -> None:
    added = run(data, "user", "add", "kato", "--role", "caseworker", "--display-name", "加藤 誠",
                TSUNAGI_NEW_PASSWORD="kato-password-1")
    assert added.returncode == 0, added.stderr
    listed = run(data, "user", "list", "--format", "json")
    users = {u["username"]: u for u in json.loads(listed.stdout)}
    assert users["kato"]["role"] == "caseworker" and users["kato"]["active"] is True
    assert users["kato"]["must_change_password"] is True
    # The initial password opens nothing but passwd; then a caseworker may not manage users.
    first = run(data, "export", "--format", "csv", "--out", str(data / "x.csv"),
                user="kato", password="kato-password-1")
    assert first.returncode == 1 and "tsunagi passwd" in first.stderr
    assert not (data / "x.csv").exists()
    changed = run(data, "passwd", user="kato", password="kato-password-1",
                  TSUNAGI_NEW_PASSWORD="kato-own-password")
    assert changed.returncode == 0, changed.stderr
    denied = run(data, "user", "add", "x2", "--role", "viewer", "--display-name", "X",
                 user="kato", password="kato-own-password")
    assert denied.returncode == 1 and "管理者のみ" in denied.stderr
    assert run(data, "user", "disable", "kato").returncode == 0
    login = run(data, "verify", user="kato", password="kato-own-password")
    assert login.returncode == 1 and "パスワードが違います" in login.stderr


def test_user_add_generates_a_password_when_none_given(data: Path) -> None:
    added = run(data, "user", "add", "temp1", "--role", "viewer", "--display-name", "臨時")
    assert added.returncode == 0
    assert "初期パスワード" in added.stdout


@pytest.mark.slow
def test_backup_and_restore_round_trip(data: Path, tmp_path: Path) -> None:
    backup = run(data, "backup", "--out", str(tmp_path / "b.tsunagi-backup"))
    assert backup.returncode == 0, backup.stderr
    assert run(data, "user", "add", "after", "--role", "viewer", "--display-name", "後",
               TSUNAGI_NEW_PASSWORD="after-password").returncode == 0
    restored = run(data, "restore", str(tmp_path / "b.tsunagi-backup"))
    assert restored.returncode == 0, restored.stderr
    users = json.loads(run(data, "user", "list", "--format", "json").stdout)
    assert "after" not in {u["username"] for u in users}
    assert run(data, "verify").returncode == 0


def test_truncated_backup_is_refused(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "b.tsunagi-backup"
    assert run(data, "backup", "--out", str(path)).returncode == 0
    path.write_bytes(path.read_bytes()[:5000])
    result = run(data, "restore", str(path))
    assert result.returncode == 1
    assert "何も変更していません" in result.stderr


@pytest.mark.slow
def test_print_referral_packet_and_pending_batch(data: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from desktop.models import Referral

    engine, _, _ = open_engine(Config(data, passphrase=PASSPHRASE))
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT episode_id FROM referrals WHERE status = 'sent' LIMIT 1").all()
    engine.dispose()
    assert rows, Referral.__tablename__
    episode = str(uuid_from_hex(rows[0][0]))
    out = tmp_path / "r.pdf"
    result = run(data, "print", "referral", "--episode", episode, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert "支援要請書" in text and "殿" in text
    batch = run(data, "print", "packet", "--pending", "--out", str(tmp_path / "batch"))
    assert batch.returncode == 0, batch.stderr
    summary = json.loads(batch.stdout)
    assert summary["printed"] == len(list((tmp_path / "batch").glob("*.pdf"))) > 0
    again = run(data, "print", "packet", "--pending", "--out", str(tmp_path / "batch2"))
    assert json.loads(again.stdout)["printed"] == 0  # everything was printed once
    bad = run(data, "print", "referral", "--episode", "not-an-id", "--out", str(out))
    assert bad.returncode == 1 and "正しくありません" in bad.stderr


def uuid_from_hex(value: str) -> object:
    import uuid

    return uuid.UUID(hex=value)


@pytest.mark.slow
def test_report_json_keys_and_file_formats(data: Path, tmp_path: Path) -> None:
    result = run(data, "report", "--fiscal-year", "2025")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("referrals", "support_targets", "placements", "regular_placements",
                "referral_placements", "placed_persons", "placement_rate",
                "placed_person_rate", "protection_ended_by_work", "protection_reduced",
                "self_reliance_benefit", "job_referrals", "interviews", "hires", "retention",
                "by_category", "by_staff", "by_hello_work_office", "monthly", "targets"):
        assert key in report, key
    assert set(report["retention"]["1m"]) == {"due", "confirmed_employed", "rate",
                                              "overdue_unrecorded"}
    assert report["placements"] > 0
    mid_year = json.loads(run(data, "report", "--fiscal-year", "2025", "--as-of",
                              "R7.9.30").stdout)
    assert mid_year["period"]["as_of"] == "2025-09-30"
    assert mid_year["monthly"][-1]["month"] == "2025-09"
    assert mid_year["placements"] <= report["placements"]
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"report.{fmt}"
        written = run(data, "report", "--fiscal-year", "2025", "--format", fmt, "--out",
                      str(out))
        assert written.returncode == 0, written.stderr
        assert out.stat().st_size > 1000
    assert out.read_bytes().startswith(b"%PDF")


def test_report_for_one_organisation(data: Path) -> None:
    """--organisation counts that organisation's events only and names it; a second
    organisation with no cases counts zero; an unknown name is refused with a message."""
    whole = json.loads(run(data, "report", "--fiscal-year", "2025").stdout)
    (home,) = whole["by_organisation"]
    assert whole["period"]["organisation"] is None
    added = run(data, "org", "add", "横浜市西区福祉保健センター", "--head-title",
                "西区福祉保健センター長")
    assert added.returncode == 0, added.stderr
    ours = json.loads(run(data, "report", "--fiscal-year", "2025", "--organisation",
                          home).stdout)
    assert ours["period"]["organisation"] == home
    assert (ours["placements"], ours["referrals"]) == (whole["placements"], whole["referrals"])
    theirs = json.loads(run(data, "report", "--fiscal-year", "2025", "--organisation",
                            "横浜市西区福祉保健センター").stdout)
    assert (theirs["placements"], theirs["referrals"]) == (0, 0)
    assert list(theirs["by_organisation"]) == ["横浜市西区福祉保健センター"]
    unknown = run(data, "report", "--fiscal-year", "2025", "--organisation", "どこか")
    assert unknown.returncode == 1 and "どこか" in unknown.stderr and "Traceback" not in \
        unknown.stderr


def test_hello_work_exchange_sheet_round_trip(data: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sheet = tmp_path / "sheet.xlsx"
    written = run(data, "hellowork", "exchange-export", "--office", "ハローワーク新宿",
                  "--out", str(sheet))
    assert written.returncode == 0, written.stderr
    assert json.loads(written.stdout)["listed"] > 0
    wb = load_workbook(sheet)
    ws = wb["連絡票"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "支援要請番号")
    titles = {ws.cell(header, c).value: c for c in range(1, 16)}
    row = header + 1
    ws.cell(row, titles["種別"]).value = "職業紹介"
    ws.cell(row, titles["日付"]).value = ws.cell(row, titles["支援要請日"]).value
    ws.cell(row, titles["事業所名"]).value = "株式会社テスト商事"
    foreign = ws.max_row + 1
    for title, value in (("支援要請番号", "NO-SUCH"), ("ケース番号", "0"), ("種別", "職業相談"),
                         ("日付", "R7.4.1")):
        ws.cell(foreign, titles[title]).value = value
    wb.save(sheet)
    dry = run(data, "hellowork", "exchange-import", str(sheet), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["add"] == 1 and json.loads(dry.stdout)["rejected"] == 1
    assert f"{foreign}行目" in dry.stderr
    done = run(data, "hellowork", "exchange-import", str(sheet))
    assert json.loads(done.stdout)["added"] == 1
    again = run(data, "hellowork", "exchange-import", str(sheet))
    assert json.loads(again.stdout)["added"] == 0
    unknown = run(data, "hellowork", "exchange-export", "--office", "ハローワーク月面",
                  "--out", str(sheet))
    assert unknown.returncode == 1 and "登録されていません" in unknown.stderr


def test_settings_are_listed_and_changed_by_an_administrator(data: Path) -> None:
    listed = json.loads(run(data, "setting", "list").stdout)
    assert listed["hello_work_silence_days"] == 14
    changed = run(data, "setting", "set", "hello_work_silence_days", "21")
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout) == {"hello_work_silence_days": 21}
    bad = run(data, "setting", "set", "hello_work_silence_days", "-3")
    assert bad.returncode == 1 and "値が正しくありません" in bad.stderr
    unknown = run(data, "setting", "set", "no_such_setting", "1")
    assert unknown.returncode == 1 and "no_such_setting" in unknown.stderr


def test_report_refuses_bad_periods_with_a_message(data: Path) -> None:
    bad_month = run(data, "report", "--month", "2025-13")
    assert bad_month.returncode == 1 and "年月が正しくありません" in bad_month.stderr
    no_out = run(data, "report", "--fiscal-year", "2025", "--format", "xlsx")
    assert no_out.returncode == 1 and "--out" in no_out.stderr
    backwards = run(data, "report", "--range", "R7.9.1", "R7.4.1")
    assert backwards.returncode == 1 and "期間の終わり" in backwards.stderr
    assert "Traceback" not in bad_month.stderr + no_out.stderr + backwards.stderr


@pytest.mark.slow
def test_the_command_line_speaks_the_language_chosen_on_this_pc(
        data: Path, english_catalogue: Path) -> None:
    (data / "preferences.json").write_text('{"language": "en"}', encoding="utf-8")
    usage = run(data, "--help")
    assert usage.returncode == 0
    words = " ".join(usage.stdout.split())  # argparse wraps the help to the terminal
    assert "Check the database and the audit log for tampering and damage" in words
    assert "Tsunagi: employment support case management" in words
    bad_month = run(data, "report", "--month", "2025-13")
    assert bad_month.returncode == 1
    assert bad_month.stderr.strip() == "Error: The year and month are not valid"
    verified = run(data, "verify")
    assert verified.returncode == 0 and verified.stdout.startswith("No problems found")
    report = json.loads(run(data, "report", "--fiscal-year", "2025").stdout)
    assert report["period"]["label"] == "FY2025"
    japanese = run(data, "verify", TSUNAGI_LANG="ja")  # the environment overrides the file
    assert "問題はありません" in japanese.stdout


def test_export_then_import_ledger_is_idempotent(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    exported = run(data, "export", "--format", "csv", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("ケース番号,氏名,フリガナ,生年月日")
    again = run(data, "import-ledger", str(out))
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["imported"] == 0 and summary["rejected"] == 0
    assert summary["skipped"] == len(rows) - 1


def test_import_ledger_reports_rejected_rows(data: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "new.csv"
    ledger.write_bytes(("ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日\r\n"
                        "N-1,新井 一郎,アライ イチロウ,S50.1.1,生活保護受給者,R7.4.1\r\n"
                        "N-2,新井 二郎,アライ ジロウ,S50.13.1,生活保護受給者,R7.4.1\r\n")
                       .encode("cp932"))
    result = run(data, "import-ledger", str(ledger), "--report", str(tmp_path / "bad.csv"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"imported": 1, "rejected": 1, "skipped": 0,
                                         "persons": 1, "episodes": 1,
                                         "report": str(tmp_path / "bad.csv")}
    assert "3,生年月日" in (tmp_path / "bad.csv").read_text(encoding="utf-8-sig")
    missing = run(data, "import-ledger", str(tmp_path / "none.xlsx"))
    assert missing.returncode == 1 and "ファイルが見つかりません" in missing.stderr


def test_purge_lists_then_applies(data: Path) -> None:
    listed = run(data, "purge", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []  # the demo's closures are all within 5 years
    applied = run(data, "purge", "--apply")
    assert applied.returncode == 0, applied.stderr
    assert json.loads(applied.stdout)["episodes"] == 0
    refused = run(data, "purge", user="cw01", password="wrong-password")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


@pytest.mark.slow
def test_outreach_round_trip_on_the_command_line(data: Path, tmp_path: Path) -> None:
    kit, back = tmp_path / "out.kit", tmp_path / "back.kit"
    env = {"TSUNAGI_KIT_PASSPHRASE": "field trip passphrase"}
    out = run(data, "outreach", "export", "--out", str(kit), **env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["kind"] == "out"
    laptop = tmp_path / "laptop"
    opened = run(laptop, "outreach", "open", str(kit), passphrase="laptop passphrase", **env)
    assert opened.returncode == 0, opened.stderr
    ret = run(laptop, "outreach", "export", "--out", str(back), passphrase="laptop passphrase",
              **env)
    assert ret.returncode == 0, ret.stderr
    assert json.loads(ret.stdout)["kind"] == "return"
    wrong = run(data, "outreach", "import", str(back), TSUNAGI_KIT_PASSPHRASE="not the one")
    assert wrong.returncode == 1 and "パスフレーズが違う" in wrong.stderr
    first = run(data, "outreach", "import", str(back), **env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["already_imported"] is False
    second = run(data, "outreach", "import", str(back), **env)
    assert json.loads(second.stdout)["already_imported"] is True
    wiped = run(laptop, "outreach", "wipe", "--kit", str(kit), "--kit", str(back), "--yes",
                passphrase="laptop passphrase")
    assert wiped.returncode == 0, wiped.stderr
    assert not kit.exists() and not back.exists() and not (laptop / "tsunagi.db").exists()


@pytest.mark.slow
def test_migrate_to_server_copies_verifies_and_switches_this_pc(
        data: Path, fresh_empty_pg_database: str) -> None:
    """The 1,000-person demo onto a new PostgreSQL database: the same rows, a whole audit
    chain, and the same report from the server as from the file."""
    url = fresh_empty_pg_database
    local_report = run(data, "report", "--fiscal-year", "2025", "--format", "json")
    assert local_report.returncode == 0, local_report.stderr

    moved = run(data, "migrate-to-server", url, "--use")
    assert moved.returncode == 0, moved.stderr
    summary = json.loads(moved.stdout)
    assert summary["verified"] is True
    assert summary["tables"]["persons"] == 1000
    assert json.loads((data / "server.json").read_text())["url"] == url  # no password in it
    # The server's chain is signed with an audit key this PC keeps in its keychain; without
    # one (as here) it is given to each run, as printed once by the move.
    key = re.search(r"監査ログの鍵.*?: ((?:[0-9A-F]{4}-){15}[0-9A-F]{4})", moved.stderr)
    assert key is not None and "キーチェーンがないため" in moved.stderr
    audit_key = {"TSUNAGI_AUDIT_KEY": key.group(1)}
    assert run(data, "server", "show").returncode == 0
    refused = run(data, "report", "--fiscal-year", "2025", "--format", "json")
    assert refused.returncode == 1 and "監査ログの鍵がありません" in refused.stderr

    engine = create_engine(url)
    local = open_engine(Config(data, passphrase=PASSPHRASE))[0]
    try:
        with engine.connect() as server, local.connect() as mine:
            for table in Base.metadata.sorted_tables:
                count = select(func.count()).select_from(table)
                on_server = server.execute(count).scalar_one()
                on_file = mine.execute(count).scalar_one()
                assert on_server == on_file == summary["tables"][table.name] + (
                    table.name == "audit_log"), table.name  # each side logged the move
    finally:
        engine.dispose()
        local.dispose()

    shown = run(data, "server", "show")
    assert "サーバー: postgresql+psycopg://" in shown.stdout
    server_report = run(data, "report", "--fiscal-year", "2025", "--format", "json", **audit_key)
    assert server_report.returncode == 0, server_report.stderr
    assert json.loads(server_report.stdout) == json.loads(local_report.stdout)
    verify = run(data, "verify", **audit_key)
    assert verify.returncode == 0 and "問題はありません" in verify.stdout, verify.stderr

    again = run(data, "migrate-to-server", url)
    assert again.returncode == 1 and "空ではありません" in again.stderr
    back = run(data, "server", "local")
    assert back.returncode == 0 and not (data / "server.json").exists()


def test_self_test_proves_the_installation_and_leaves_no_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(data, "self-test", password=None, user=None, process=True)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] is True and result["schema"] and result["pdf_bytes"] > 10_000
    assert "IPAex" in result["window"]
    assert not (data / "tsunagi.db").exists()  # the user's folder holds no database
