"""An office set up and run from the command line alone: organisations, Hello Work offices,
staff, passwords, assignment and a ledger with its 支援要請先 column, on a fresh database.
Bad input ends with a Japanese message on stderr, exit code 1 and nothing changed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import ADMIN_PASSWORD, run

ORG = "横浜市中区福祉保健センター"
OTHER_ORG = "横浜市西区福祉保健センター"
LEDGER = ("ケース番号,氏名,フリガナ,生年月日,対象者区分,担当者,受付日,同意日,支援要請日,支援要請先,"
          "支援開始日,就職日,事業所名,雇用期間区分,1か月定着\r\n"
          "Y-1,代田 花子,シロタ ハナコ,S60.5.1,生活保護,加藤 誠,R7.4.1,R7.4.3,R7.4.8,"
          "ハローワーク横浜,R7.4.15,R7.5.1,株式会社ひかり物流,期間の定めなし,済 R7.6.2\r\n"
          "Y-2,森 一郎,モリ イチロウ,S55.1.2,生保,kato,R7.4.2,R7.4.4,R7.4.9,ハローワーク川崎,,,,,\r\n"
          "Y-3,関 陽子,セキ ヨウコ,S49.7.1,生活困窮者,,R7.4.3,,,,,,,,\r\n")


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def listing(data: Path, what: str, *extra: str) -> list[dict]:  # type: ignore[type-arg]
    rows = json.loads(ok(run(data, what, "list", "--format", "json", *extra)).stdout)
    for row in rows:
        row.pop("last_login_at", None)  # every command signs in
    return rows


@pytest.fixture(scope="module")
def fresh_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("admin-cli") / "data"
    ok(run(data, "init", "--admin", "admin", "--display-name", "管理 者", "--org", ORG))
    return data


@pytest.fixture
def data(fresh_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(fresh_dir, copy)
    return copy


def test_org_add_edit_list_and_bad_input(data: Path) -> None:
    (first,) = listing(data, "org")
    assert (first["name"], first["head_title"], first["kind"]) == (ORG, f"{ORG}長",
                                                                    "welfare_office")
    ok(run(data, "org", "edit", ORG, "--head-title", "中区福祉保健センター長", "--head-name",
           "山本 一郎", "--doc-symbol", "中福", "--phone", "045-224-8181", "--fax",
           "045-224-8189", "--postal-code", "2310021", "--address", "横浜市中区日本大通35"))
    ok(run(data, "org", "add", OTHER_ORG, "--head-title", "西区福祉保健センター長",
           "--doc-symbol", "西福", "--seal", "box"))
    ok(run(data, "org", "add", "つなぎ生活自立相談センター", "--kind",
           "independent_support_contracted", "--head-title", "センター長"))
    orgs = {o["name"]: o for o in listing(data, "org")}
    assert orgs[ORG]["head_name"] == "山本 一郎" and orgs[ORG]["postal_code"] == "231-0021"
    assert orgs[ORG]["doc_symbol"] == "中福" and orgs[ORG]["seal_omitted"] is True
    assert orgs[OTHER_ORG]["seal_omitted"] is False
    assert orgs["つなぎ生活自立相談センター"]["kind_label"] == "自立相談支援機関（委託）"
    before = listing(data, "org")
    refused(run(data, "org", "add", "横浜市中区福祉保健センター", "--head-title", "x"),
            "既に登録されています")
    refused(run(data, "org", "add", "新しい組織", "--head-title", "所長", "--phone", "12-34"),
            "電話番号")
    refused(run(data, "org", "edit", "存在しない組織", "--head-title", "所長"),
            "登録されていません", ORG)
    assert listing(data, "org") == before
    assert run(data, "org", "add", "X", "--head-title", "Y", "--kind", "bogus").returncode == 2


def test_hellowork_add_edit_list_disable_and_bad_input(data: Path) -> None:
    ok(run(data, "hellowork", "add", "ハローワーク横浜", "--official-name", "横浜公共職業安定所",
           "--head-title", "横浜公共職業安定所長", "--address", "横浜市中区山下町209",
           "--phone", "045-663-8609", "--navigator", "田島 聡子:045-663-8610",
           "--navigator", "小松 宏"))
    ok(run(data, "hellowork", "add", "中区福祉保健センター内ハローワーク窓口", "--official-name",
           "横浜公共職業安定所中区常設窓口", "--head-title", "横浜公共職業安定所長", "--kind",
           "satellite"))
    (yokohama, satellite) = sorted(listing(data, "hellowork"), key=lambda o: o["kind"])
    assert yokohama["addressee"] == "横浜公共職業安定所長"
    assert yokohama["navigators"] == [{"name": "田島 聡子", "phone": "045-663-8610"},
                                      {"name": "小松 宏", "phone": ""}]
    assert satellite["kind"] == "satellite"
    before = listing(data, "hellowork", "--all")
    refused(run(data, "hellowork", "add", "ハローワーク横浜", "--official-name", "x",
                "--head-title", "y"), "既に登録されています")
    refused(run(data, "hellowork", "add", "ハローワーク戸塚", "--official-name", "横浜公共職業安定所",
                "--head-title", "y"), "既に登録されています")  # the official name is taken
    refused(run(data, "hellowork", "edit", "ハローワーク品川", "--phone", "03-5419-8609"),
            "ハローワーク品川", "登録されていません")
    refused(run(data, "hellowork", "add", "ハローワーク鶴見", "--official-name", "鶴見",
                "--head-title", "鶴見所長", "--navigator", "鈴木:12"), "電話番号")
    assert listing(data, "hellowork", "--all") == before
    assert run(data, "hellowork", "add", "ハローワーク鶴見").returncode == 2  # names required
    # Found by either name; a correction keeps the rest.
    ok(run(data, "hellowork", "edit", "横浜公共職業安定所", "--postal-code", "231-0023"))
    ok(run(data, "hellowork", "disable", "ハローワーク横浜"))
    assert [o["name"] for o in listing(data, "hellowork")] == [satellite["name"]]
    inactive = [o for o in listing(data, "hellowork", "--all") if not o["active"]]
    assert [(o["name"], o["postal_code"]) for o in inactive] == [("ハローワーク横浜", "231-0023")]
    ok(run(data, "hellowork", "enable", "ハローワーク横浜"))
    assert len(listing(data, "hellowork")) == 2


def test_staff_initial_and_reset_passwords_must_be_changed(data: Path) -> None:
    ok(run(data, "org", "add", OTHER_ORG, "--head-title", "西区福祉保健センター長"))
    ok(run(data, "user", "add", "kato", "--role", "caseworker", "--display-name", "加藤 誠",
           "--org", OTHER_ORG, "--extension", "２３４５", TSUNAGI_NEW_PASSWORD="initial-pass-1"))
    before = listing(data, "user")
    refused(run(data, "user", "add", "sato", "--role", "caseworker", "--display-name", "佐藤",
                "--org", "横浜市北区", TSUNAGI_NEW_PASSWORD="initial-pass-2"),
            "組織「横浜市北区」は登録されていません")
    refused(run(data, "user", "add", "kato", "--role", "viewer", "--display-name", "別人",
                TSUNAGI_NEW_PASSWORD="initial-pass-3"), "既に使われています")
    refused(run(data, "user", "edit", "kato", "--extension", "内線abc"), "内線番号")
    assert listing(data, "user") == before
    kato = next(u for u in before if u["username"] == "kato")
    assert (kato["organisation"], kato["phone_extension"], kato["must_change_password"]) == (
        OTHER_ORG, "2345", True)

    # Only passwd works until the initial password is changed.
    refused(run(data, "export", "--format", "csv", "--out", str(data / "a.csv"), user="kato",
                password="initial-pass-1"), "初期パスワード", "tsunagi passwd")
    refused(run(data, "passwd", user="kato", password="wrong-password",
                TSUNAGI_NEW_PASSWORD="kato-own-pass"), "パスワードが違います")
    refused(run(data, "passwd", user="kato", password="initial-pass-1",
                TSUNAGI_NEW_PASSWORD="short"), "8文字以上")
    refused(run(data, "passwd", user="kato", password="initial-pass-1",
                TSUNAGI_NEW_PASSWORD="initial-pass-1"), "違うパスワード")
    ok(run(data, "passwd", user="kato", password="initial-pass-1",
           TSUNAGI_NEW_PASSWORD="kato-own-pass"))
    ok(run(data, "export", "--format", "csv", "--out", str(data / "a.csv"), user="kato",
           password="kato-own-pass"))

    # An administrator's reset: a generated temporary password, changed at the next sign-in.
    reset = ok(run(data, "user", "reset-password", "kato"))
    temporary = reset.stdout.split("仮のパスワード: ")[1].split()[0]
    refused(run(data, "export", "--format", "csv", "--out", str(data / "b.csv"), user="kato",
                password=temporary), "tsunagi passwd")
    ok(run(data, "passwd", user="kato", password=temporary, TSUNAGI_NEW_PASSWORD="kato-second"))
    ok(run(data, "user", "edit", "kato", "--display-name", "加藤 誠一", "--org", ORG))
    kato = next(u for u in listing(data, "user") if u["username"] == "kato")
    assert (kato["display_name"], kato["organisation"], kato["must_change_password"]) == (
        "加藤 誠一", ORG, False)
    refused(run(data, "user", "edit", "admin", "--role", "viewer"), "自分自身の管理者の権限")
    refused(run(data, "user", "reset-password", "admin", user="kato", password="kato-second"),
            "管理者のみ")


def test_a_ledger_with_its_hello_work_column_imports_into_a_fresh_database(
        data: Path, tmp_path: Path) -> None:
    ok(run(data, "user", "add", "kato", "--role", "caseworker", "--display-name", "加藤 誠",
           TSUNAGI_NEW_PASSWORD="initial-pass-1"))
    ledger = tmp_path / "ledger.csv"
    ledger.write_bytes(LEDGER.encode("cp932"))
    preview = ok(run(data, "import-ledger", str(ledger), "--dry-run"))
    assert json.loads(preview.stdout)["unknown_offices"] == ["ハローワーク川崎", "ハローワーク横浜"]
    without = run(data, "import-ledger", str(ledger))
    refused(without, "ハローワーク川崎", "ハローワーク横浜", "--create-offices", "何も取り込んでいません")
    assert listing(data, "hellowork") == []

    done = ok(run(data, "import-ledger", str(ledger), "--create-offices"))
    summary = json.loads(done.stdout)
    assert (summary["imported"], summary["rejected"], summary["persons"]) == (3, 0, 3)
    assert {o["name"] for o in listing(data, "hellowork")} == {"ハローワーク横浜", "ハローワーク川崎"}
    exported = tmp_path / "out.csv"
    ok(run(data, "export", "--format", "csv", "--out", str(exported)))
    rows = {r.split(",")[0]: r for r in exported.read_text(encoding="utf-8-sig").splitlines()}
    assert "ハローワーク横浜" in rows["Y-1"] and "加藤 誠" in rows["Y-1"]
    assert "定めなし" in rows["Y-1"] and "継続就労 令和7年6月2日" in rows["Y-1"]
    assert "ハローワーク川崎" in rows["Y-2"] and "生活保護受給者" in rows["Y-2"]
    # kato sees the two cases assigned by the 担当者 column, not the third.
    ok(run(data, "passwd", user="kato", password="initial-pass-1",
           TSUNAGI_NEW_PASSWORD="kato-own-pass"))
    mine = tmp_path / "mine.csv"
    ok(run(data, "export", "--format", "csv", "--out", str(mine), user="kato",
           password="kato-own-pass"))
    assert [r.split(",")[0] for r in mine.read_text(encoding="utf-8-sig").splitlines()[1:]] == [
        "Y-1", "Y-2"]


def test_no_hello_work_and_referral_dates_gives_one_message_and_imports_nothing(
        data: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日,同意日,支援要請日\n"
                      "Z-1,代田 花子,シロタ ハナコ,S60.5.1,生活保護受給者,R7.4.1,R7.4.3,R7.4.8\n"
                      "Z-2,関 陽子,セキ ヨウコ,S49.7.1,生活困窮者,R7.4.3,,\n", encoding="utf-8")
    result = run(data, "import-ledger", str(ledger))
    refused(result, "ハローワークが登録されていません", "何も取り込んでいません")
    assert result.stderr.count("エラー") == 1
    assert "Z-2" not in ok(run(data, "export", "--format", "csv", "--out",
                               str(tmp_path / "x.csv"))).stdout
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # header only


def test_assign_and_reassign_with_preview_and_bad_targets(data: Path, tmp_path: Path) -> None:
    for username, name in (("kato", "加藤 誠"), ("sato", "佐藤 花"), ("gone", "退職 者")):
        ok(run(data, "user", "add", username, "--role", "caseworker", "--display-name", name,
               TSUNAGI_NEW_PASSWORD="initial-pass-1"))
    ok(run(data, "user", "disable", "gone"))
    ledger = tmp_path / "ledger.csv"
    ledger.write_bytes(LEDGER.encode("cp932"))
    ok(run(data, "import-ledger", str(ledger), "--create-offices"))

    ok(run(data, "assign", "--case-number", "Y-3", "--to", "kato"))
    refused(run(data, "assign", "--case-number", "Y-3", "--to", "gone"), "無効")
    refused(run(data, "assign", "--case-number", "Y-9", "--to", "sato"), "Y-9", "登録されていません")
    refused(run(data, "assign", "--case-number", "Y-3", "--to", "nobody"), "nobody")

    preview = json.loads(ok(run(data, "reassign", "--from", "kato", "--to", "sato",
                                "--dry-run", "--format", "json")).stdout)
    assert preview["applied"] is False
    assert [c["case_number"] for c in preview["cases"]] == ["Y-1", "Y-2", "Y-3"]
    refused(run(data, "reassign", "--from", "kato", "--to", "gone"), "無効")
    refused(run(data, "reassign", "--from", "kato", "--to", "kato"), "同じ職員")
    again = json.loads(ok(run(data, "reassign", "--from", "kato", "--to", "sato",
                              "--dry-run", "--format", "json")).stdout)
    assert again == preview  # nothing moved yet
    moved = ok(run(data, "reassign", "--from", "kato", "--to", "sato"))
    assert "3 件を 加藤 誠 から 佐藤 花 へ移しました" in moved.stderr
    left = json.loads(ok(run(data, "reassign", "--from", "kato", "--to", "sato", "--dry-run",
                             "--format", "json")).stdout)
    assert left["cases"] == []


def test_demo_refuses_a_database_with_real_records_unless_forced(data: Path) -> None:
    ok(run(data, "user", "add", "kato", "--role", "caseworker", "--display-name", "加藤 誠",
           TSUNAGI_NEW_PASSWORD="initial-pass-1"))
    refused(run(data, "demo", "--persons", "5"), "デモ以外の記録", "--force")
    assert listing(data, "hellowork") == []
    forced = ok(run(data, "demo", "--persons", "5", "--force"))
    assert json.loads(forced.stdout)["persons"] == 5
    assert "最初のログインで" in forced.stderr


def test_the_initial_administrator_may_sign_in_with_the_password_they_chose(data: Path) -> None:
    assert ok(run(data, "verify", password=ADMIN_PASSWORD)).stdout
