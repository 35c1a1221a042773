"""The ``tsunagi`` command line (docs/CLI.md): a stable contract for scripts and tests.

Exit codes: 0 success, 1 user error (a clear message in Japanese on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from desktop import __version__
from desktop.config import Config
from desktop.documents.report_tables import report_csv
from desktop.errors import frames_only
from desktop.files import check_writable, write_whole
from desktop.i18n import install as install_language
from desktop.i18n import listing, saved_language, shown_date, translator
from desktop.japanese.wareki import DateParseError, parse_date
from desktop.models.chain import ANCHOR_FILENAME
from desktop.models.db import DatabaseBusy, DatabaseUnavailable, storage_error
from desktop.models.keystore import KeyUnavailable, format_recovery_key
from desktop.models.migrate import MigrationFailed
from desktop.models.storage import OpenedDatabase, create_database, open_database
from desktop.services import Services, build_services
from desktop.services.auth import StaffChanges, initial_password
from desktop.services.context import Actor
from desktop.services.demo import DemoService
from desktop.services.errors import DomainError, PasswordChangeRequired
from desktop.services.labels import OFFICE_KINDS, ORGANISATION_KINDS, ROLES, STATES, shown
from desktop.services.maintenance import restore_backup
from desktop.services.offices import OfficeInput, OfficeRecord, parse_navigator
from desktop.services.organisations import OrganisationInput, OrganisationRecord
from desktop.services.reports import Period

_t = translator("CLI")
log = logging.getLogger("tsunagi")

EXPECTED_ERRORS = (DomainError, DatabaseUnavailable, KeyUnavailable, MigrationFailed)


class UserError(Exception):
    """A problem the person at the terminal can fix; the message says how."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tsunagi", description=_t("つなぎ: 就労支援ケース管理"))
    p.add_argument("--version", action="version", version=f"tsunagi {__version__}")
    p.add_argument("--data-dir", help=_t("データの保存先（既定: TSUNAGI_DATA_DIR または利用者のデータフォルダ）"))
    p.add_argument("--user", help=_t("ログインするユーザー名（既定: TSUNAGI_USER）"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help=_t("デスクトップアプリを開く（既定）"))
    init = sub.add_parser("init", help=_t("データベースと最初の管理者を作成する"))
    init.add_argument("--admin", required=True, metavar="NAME", help=_t("管理者のユーザー名"))
    init.add_argument("--display-name", default="", help=_t("管理者の表示名"))
    init.add_argument("--org", metavar="NAME",
                      help=_t("最初の組織（福祉事務所）の正式名称（省略時は「福祉事務所」。後で org edit で変更）"))

    demo = sub.add_parser("demo", help=_t("デモ用の架空のケースを作成する"))
    demo.add_argument("--persons", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--force", action="store_true",
                      help=_t("デモ以外の記録があるデータベースにも作る（本番のデータベースには使わないでください）"))

    verify = sub.add_parser("verify", help=_t("データベースと監査ログの改ざん・破損を検査する"))
    verify.add_argument(
        "--accept-divergence", action="store_true",
        help=_t("検査のあと、報告された監査ログの食い違いを、原因を確かめたものとして承認する（管理者。"
                "承認は監査ログに記録されます）"))
    backup = sub.add_parser("backup", help=_t("暗号化バックアップを作成する"))
    where = backup.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="PATH")
    where.add_argument("--auto", action="store_true",
                       help=_t("定期バックアップ: 間隔を過ぎていれば backups/ に作成し、古いものを削除する（タスクスケジューラや cron から）"))
    restore = sub.add_parser("restore", help=_t("バックアップを検証してから復元する（現在のデータベースの管理者が実行）"))
    restore.add_argument("path", metavar="PATH")
    restore.add_argument("--foreign", action="store_true",
                         help=_t("別の事務所（別のデータベース）のバックアップで置き換えることを認める"))

    prt = sub.add_parser("print", help=_t("書類をPDFに印刷する（支援要請書・同意書・プラン・連絡票・一式）"))
    prt.add_argument("kind", choices=["referral", "consent", "plan", "followup", "packet"])
    prt.add_argument("--episode", metavar="ID", help=_t("支援エピソードのID"))
    prt.add_argument("--pending", action="store_true",
                     help=_t("packet: 未印刷の支援要請すべてを --out のフォルダへ"))
    prt.add_argument("--blank", action="store_true", help=_t("consent: 署名用の白紙の同意書"))
    prt.add_argument("--out", required=True, metavar="PATH")

    rep = sub.add_parser("report", help=_t("実績報告（就職件数・就職率など）を集計する"))
    period = rep.add_mutually_exclusive_group(required=True)
    period.add_argument("--fiscal-year", type=int, metavar="YYYY", help=_t("年度（西暦、4月〜翌3月）"))
    period.add_argument("--month", metavar="YYYY-MM", help=_t("1か月"))
    period.add_argument("--range", nargs=2, metavar=("FROM", "TO"),
                        help=_t("任意の期間（R7.4.1 や 2025-04-01 の形式）"))
    rep.add_argument("--format", choices=["json", "csv", "xlsx", "pdf"], default="json")
    rep.add_argument("--out", metavar="PATH", help=_t("出力先（json/csv は省略すると画面に表示）"))
    rep.add_argument("--as-of", metavar="DATE",
                     help=_t("集計の基準日（この日までの出来事を数える。既定: 今日）"))
    rep.add_argument("--organisation", metavar="NAME",
                     help=_t("この組織の分だけを集計する（既定: すべての組織）"))

    imp = sub.add_parser("import-ledger", help=_t("Excel/CSV の台帳を取り込む（同じファイルの再取込は重複しません）"))
    imp.add_argument("file", metavar="FILE", help=_t(".xlsx または .csv（UTF-8 / Shift_JIS）"))
    imp.add_argument("--report", metavar="PATH", help=_t("取り込めなかった行の一覧の出力先"))
    imp.add_argument("--office", metavar="NAME",
                     help=_t("支援要請先を書いていない行のハローワーク（既定: 登録されているただ一つのハローワーク）"))
    imp.add_argument("--create-offices", action="store_true",
                     help=_t("台帳に書かれた未登録のハローワークを登録して取り込む"))
    imp.add_argument("--dry-run", action="store_true", help=_t("検査だけ行い、何も保存しない"))
    exp = sub.add_parser("export", help=_t("担当ケースを台帳の形式で書き出す"))
    exp.add_argument("--format", choices=["xlsx", "csv", "json"], required=True)
    exp.add_argument("--out", required=True, metavar="PATH")

    out = sub.add_parser("outreach", help=_t("出張相談用のキット（ノートPCでのオフライン作業）"))
    osub = out.add_subparsers(dest="outreach_command", metavar="ACTION", required=True)
    oexp = osub.add_parser("export", help=_t("事務所: 担当ケースのキットを作る／ノートPC: 返却用キットを作る（パスフレーズ: TSUNAGI_KIT_PASSPHRASE または入力）"))
    oexp.add_argument("--out", required=True, metavar="PATH")
    oexp.add_argument("--caseworker", metavar="NAME", help=_t("誰のケースか（ユーザー名。既定: 自分）"))
    oopen = osub.add_parser("open", help=_t("ノートPC: キットから作業用データベースを作る（--data-dir は空のフォルダ）"))
    oopen.add_argument("kit", metavar="KIT")
    oimp = osub.add_parser("import", help=_t("事務所: 返却用キットを取り込む"))
    oimp.add_argument("kit", metavar="KIT")
    oimp.add_argument("--keep", choices=["office", "laptop"],
                      help=_t("すべての競合を事務所側・ノートPC側のどちらで解決するか"))
    oimp.add_argument("--resolve", metavar="FILE.json", help=_t("競合ごとの解決（--plan の出力を編集したもの）"))
    oimp.add_argument("--plan", metavar="FILE.json", help=_t("取り込まずに、変更と競合の一覧を書き出す"))
    owipe = osub.add_parser("wipe", help=_t("ノートPC: 取込済みのキットと作業用データベースを消去する"))
    owipe.add_argument("--kit", action="append", default=[], metavar="FILE",
                       help=_t("消去するキットのファイル（複数可）"))
    owipe.add_argument("--yes", action="store_true", help=_t("確認なしで消去する"))

    setting = sub.add_parser("setting", help=_t("事務所の設定を表示・変更する（変更は管理者のみ）"))
    ssub_ = setting.add_subparsers(dest="setting_command", metavar="ACTION", required=True)
    ssub_.add_parser("list", help=_t("すべての設定とその値（JSON）"))
    sset = ssub_.add_parser("set", help=_t("設定を一つ変更する（例: hello_work_silence_days 21）"))
    sset.add_argument("key", metavar="KEY")
    sset.add_argument("value", metavar="VALUE", help=_t("値（数・一覧は JSON で。例: [1, 3, 6]）"))
    purge = sub.add_parser("purge", help=_t("保存期間を過ぎた終了ケースを一覧し、--apply で削除する"))
    purge.add_argument("--apply", action="store_true", help=_t("一覧のケースを完全に削除する"))
    purge.add_argument("--format", choices=["table", "json"], default="table")

    mig = sub.add_parser("migrate-to-server",
                         help=_t("この PC のデータベースを新しい PostgreSQL データベースへコピーし、検証する"))
    mig.add_argument("url", metavar="URL",
                     help="postgresql+psycopg://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=verify-full]")
    mig.add_argument("--use", action="store_true",
                     help=_t("コピー後、この PC はサーバーを使う（パスワードはキーチェーンへ）"))
    sub.add_parser("self-test", help=_t("インストールの自己診断（一時フォルダで DB 作成・PDF 印刷・画面表示）"))
    srv = sub.add_parser("server", help=_t("この PC が使うデータベース（ローカル／サーバー）"))
    ssub = srv.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    ssub.add_parser("show", help=_t("現在の接続先を表示する"))
    suse = ssub.add_parser("use", help=_t("PostgreSQL サーバーを使う（接続を確認してから保存）"))
    suse.add_argument("url", metavar="URL")
    ssub.add_parser("local", help=_t("サーバーの設定を消し、この PC のデータベースに戻る"))
    user = sub.add_parser("user", help=_t("利用者の管理"))
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", help=_t("利用者を追加する（初期パスワード: TSUNAGI_NEW_PASSWORD、入力、または自動生成。初回ログインで変更）"))
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--display-name", required=True)
    add.add_argument("--org", metavar="NAME", help=_t("所属する組織の正式名称（既定: 自分の組織）"))
    add.add_argument("--extension", default="", metavar="NNNN", help=_t("内線番号（書類に印刷）"))
    edit = usub.add_parser("edit", help=_t("利用者の表示名・権限・組織・内線を変更する"))
    edit.add_argument("username")
    edit.add_argument("--display-name")
    edit.add_argument("--role", choices=list(ROLES))
    edit.add_argument("--org", metavar="NAME")
    edit.add_argument("--extension", metavar="NNNN")
    lst = usub.add_parser("list", help=_t("利用者の一覧"))
    lst.add_argument("--format", choices=["table", "json"], default="table")
    dis = usub.add_parser("disable", help=_t("利用者を無効にする"))
    dis.add_argument("username")
    ena = usub.add_parser("enable", help=_t("利用者を有効にし、ロックを解除する"))
    ena.add_argument("username")
    reset = usub.add_parser("reset-password", help=_t("仮のパスワードを設定する（TSUNAGI_NEW_PASSWORD、入力、または自動生成。次のログインで変更）"))
    reset.add_argument("username")

    sub.add_parser("passwd", help=_t("自分のパスワードを変更する（新しいパスワード: TSUNAGI_NEW_PASSWORD または入力）"))

    org = sub.add_parser("org", help=_t("組織（福祉事務所・自立相談支援機関）の管理"))
    osub_ = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    org_add = osub_.add_parser("add", help=_t("組織を登録する"))
    org_add.add_argument("name", metavar="NAME", help=_t("正式名称（例: 横浜市中区福祉保健センター）"))
    org_edit = osub_.add_parser("edit", help=_t("組織の情報を変更する"))
    org_edit.add_argument("name", metavar="NAME", help=_t("今の正式名称"))
    org_edit.add_argument("--name", dest="new_name", metavar="NEW", help=_t("新しい正式名称"))
    for action, required in ((org_add, True), (org_edit, False)):
        action.add_argument("--kind", choices=list(ORGANISATION_KINDS),
                            default="welfare_office" if required else None,
                            help=_t("種別（既定: welfare_office = 福祉事務所）"))
        action.add_argument("--head-title", required=required, metavar="TITLE",
                            help=_t("長の職名（例: 中区福祉保健センター長）"))
        action.add_argument("--head-name", metavar="NAME", help=_t("長の氏名"))
        action.add_argument("--postal-code", metavar="NNN-NNNN")
        action.add_argument("--address")
        action.add_argument("--phone")
        action.add_argument("--fax")
        action.add_argument("--doc-symbol", metavar="SYMBOL", help=_t("文書記号（例: 中福）"))
        action.add_argument("--section", metavar="SECTION",
                            help=_t("担当課・係（例: 生活支援課 就労支援担当。送付書に印刷）"))
        action.add_argument("--seal", choices=["omitted", "box"],
                            help=_t("公印: omitted = 公印省略と印刷、box = 押印欄を印刷"))
    org_list = osub_.add_parser("list", help=_t("組織の一覧"))
    org_list.add_argument("--format", choices=["table", "json"], default="table")

    hw = sub.add_parser("hellowork", help=_t("支援要請先のハローワークの管理"))
    hsub = hw.add_subparsers(dest="hellowork_command", metavar="ACTION", required=True)
    hw_add = hsub.add_parser("add", help=_t("ハローワークを登録する"))
    hw_add.add_argument("name", metavar="NAME", help=_t("通称（例: ハローワーク横浜）"))
    hw_edit = hsub.add_parser("edit", help=_t("ハローワークの情報を変更する"))
    hw_edit.add_argument("name", metavar="NAME", help=_t("今の通称または正式名称"))
    hw_edit.add_argument("--name", dest="new_name", metavar="NEW", help=_t("新しい通称"))
    for action, required in ((hw_add, True), (hw_edit, False)):
        action.add_argument("--official-name", required=required, metavar="NAME",
                            help=_t("正式名称（例: 横浜公共職業安定所）"))
        action.add_argument("--head-title", required=required, metavar="TITLE",
                            help=_t("所長の職名（例: 横浜公共職業安定所長。支援要請書の宛先）"))
        action.add_argument("--kind", choices=list(OFFICE_KINDS),
                            default="main" if required else None,
                            help=_t("main = 本所・出張所、satellite = 福祉事務所内などの常設窓口"))
        action.add_argument("--postal-code", metavar="NNN-NNNN")
        action.add_argument("--address")
        action.add_argument("--phone")
        action.add_argument("--navigator", action="append", metavar="NAME[:PHONE]",
                            help=_t("就職支援ナビゲーター（氏名:電話。複数指定可。edit では一覧を置き換え）"))
    hw_list = hsub.add_parser("list", help=_t("ハローワークの一覧"))
    hw_list.add_argument("--format", choices=["table", "json"], default="table")
    hw_list.add_argument("--all", action="store_true", help=_t("無効にしたハローワークも表示する"))
    for name, text in (("disable", _t("ハローワークを無効にする（新しい支援要請先に出なくなります。記録は残ります）")),
                       ("enable", _t("無効にしたハローワークを有効に戻す"))):
        hsub.add_parser(name, help=text).add_argument("name", metavar="NAME")
    hexp = hsub.add_parser("exchange-export", help=_t("ハローワークごとに、支援中の支援要請の連絡票を書き出す"))
    hexp.add_argument("--office", required=True, metavar="NAME", help=_t("ハローワークの名称"))
    hexp.add_argument("--out", required=True, metavar="PATH")
    himp = hsub.add_parser("exchange-import", help=_t("記入された連絡票を取り込む（採用は就職の提案になる）"))
    himp.add_argument("file", metavar="FILE")
    himp.add_argument("--office", metavar="NAME",
                      help=_t("ハローワークの名称（既定: 連絡票に書かれたハローワーク）"))
    himp.add_argument("--dry-run", action="store_true", help=_t("検査だけ行い、何も保存しない"))

    assign = sub.add_parser("assign", help=_t("1件のケースの担当を変更する"))
    assign.add_argument("--case-number", required=True, metavar="N")
    assign.add_argument("--to", required=True, metavar="USER", help=_t("新しい担当者のユーザー名"))
    reassign = sub.add_parser("reassign", help=_t("担当ケースをまとめて別の職員へ移す（人事異動）"))
    reassign.add_argument("--from", dest="source", required=True, metavar="USER")
    reassign.add_argument("--to", required=True, metavar="USER")
    reassign.add_argument("--dry-run", action="store_true", help=_t("移すケースを一覧するだけで、何も変えない"))
    reassign.add_argument("--format", choices=["table", "json"], default="table")
    return p


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _password(prompt: str, env: str = "TSUNAGI_PASSWORD", confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not _interactive():
        raise UserError(_t("パスワードが必要です（環境変数 {env} で指定するか、端末から実行してください）").format(env=env))
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_t("もう一度入力してください: ")) != first:
        raise UserError(_t("パスワードが一致しません"))
    return first


def _username(args: argparse.Namespace) -> str:
    name = args.user or os.environ.get("TSUNAGI_USER")
    if not name:
        raise UserError(_t("ユーザー名が必要です（--user または TSUNAGI_USER）"))
    return str(name)


# The services this run built: their view audits still queued (the lock was busy when the
# read was made) are written before the command line returns.
_BUILT: list[Services] = []


def _services(opened: OpenedDatabase) -> Services:
    services = build_services(opened.db, opened.device_id, engine=opened.db.engine,
                              key_info=opened.key_info)
    _BUILT.append(services)
    return services


def _write_view_audits() -> None:
    """Views noted but not yet in the audit log, written now, waiting for the lock like any
    write (DatabaseBusy when another process holds it past the busy timeout)."""
    while _BUILT:
        services = _BUILT.pop()
        if services.ctx.views.pending:
            try:
                services.ctx.views.flush(wait=True)
            finally:
                services.ctx.db.close()


def _login(services: Services, args: argparse.Namespace) -> Actor:
    try:
        return services.auth.login(_username(args), _password(_t("パスワード: ")))
    except PasswordChangeRequired as exc:
        raise UserError(_t("{message}（tsunagi passwd で変更できます。それまでほかのコマンドは使えません）").format(
            message=exc.message)) from None


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# ------------------------------------------------------------------ commands


def cmd_init(config: Config, args: argparse.Namespace) -> int:
    from desktop.services.auth import MIN_PASSWORD

    password = _password(_t("管理者のパスワード（{MIN_PASSWORD}文字以上）: ").format(
        MIN_PASSWORD=MIN_PASSWORD), confirm=True)
    if len(password) < MIN_PASSWORD:
        raise UserError(_t("パスワードは{MIN_PASSWORD}文字以上にしてください").format(MIN_PASSWORD=MIN_PASSWORD))
    organisation = None
    if args.org:
        name = args.org.strip()
        organisation = OrganisationInput(name, head_title=f"{name}長")
    opened = create_database(config)
    try:
        services = _services(opened)
        services.auth.create_first_admin(args.admin, args.display_name or args.admin, password,
                                         organisation)
    except BaseException:
        opened.db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{config.db_path}{suffix}").unlink(missing_ok=True)
        raise
    opened.db.close()
    print(_t("データベースを作成しました: {db_path}").format(db_path=config.db_path))
    if opened.new_audit_key is not None:
        print(_t("サーバーの監査ログの鍵（この一度だけ表示します。ほかの PC で tsunagi server use するときに"
                 " TSUNAGI_AUDIT_KEY に指定します。紙に控えて保管してください）:"))
        print(f"  {format_recovery_key(opened.new_audit_key)}")
    if opened.key is not None and opened.key_info is not None:
        where = (_t("OSのキーチェーン") if opened.key_info.mode == "keyring"
                 else _t("パスフレーズ（TSUNAGI_DB_PASSPHRASE）"))
        print(_t("暗号化の鍵: {where}").format(where=where))
        print(_t("回復キー（この一度だけ表示します。紙に控えて金庫などに保管してください）:"))
        print(f"  {format_recovery_key(opened.key)}")
    return 0


def cmd_demo(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if _interactive() or os.environ.get("TSUNAGI_PROGRESS"):
                print("\r" + _t("作成中 {done:,}/{total:,} 人").format(
                    done=done, total=total), end="", file=sys.stderr, flush=True)

        result = DemoService(services.ctx).generate(actor, args.persons, args.seed, progress,
                                                    force=args.force)
        if _interactive():
            print(file=sys.stderr)
        _print_json({"persons": result.persons, "episodes": result.episodes,
                     "contacts": result.contacts,
                     "seconds": round(time.perf_counter() - started, 1)})
        if result.staff_password:
            print(_t("デモ職員（cw01〜cw08, sv01）の初期パスワード: {staff_password}（最初のログインで各自のパスワードに変更します）").format(
                staff_password=result.staff_password),
                  file=sys.stderr)
    return 0


def cmd_verify(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        report = services.maintenance.verify(actor)
        if args.accept_divergence:
            # After verify, whose own row records a divergence no write has met yet; then
            # verify again, so that what is printed is the state left.
            accepted = services.maintenance.accept_divergences(actor)
            if not accepted:
                print(_t("承認が必要な監査ログの食い違いはありません"), file=sys.stderr)
            else:
                print(_t("監査ログの食い違いを承認しました（承認したことは監査ログに記録しました）。"
                         "食い違いとは、この PC がデータベースの外に控えている監査ログの先頭と、"
                         "書き込むときに見つけた監査ログの先頭が一致しなかったことです。監査ログの"
                         "末尾の行が削除された、書き換えられた、データベースが古い複製（バックアップ"
                         "のファイルなど）に置き換えられた、などのときに起こります。承認した食い違い:"))
                for divergence in accepted:
                    print(f"  {divergence}")
                report = services.maintenance.verify(actor)
    if report.ok:
        print(_t("検査の結果、問題はありません（監査ログ {audit_rows:,} 行を確認）").format(audit_rows=report.audit_rows))
        return 0
    for problem in report.problems + report.divergences:
        print(_t("問題: {problem}").format(problem=problem), file=sys.stderr)
    return 1


def cmd_backup(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        if args.auto:
            result = services.maintenance.auto_backup(actor)
            if result.path is None:
                print(_t("前回の自動バックアップから設定の間隔がたっていないため、作成しませんでした"))
                return 0
            out = result.path
            for old in result.removed:
                print(_t("古い自動バックアップを削除しました: {name}").format(name=old.name))
        else:
            out = services.maintenance.backup(actor, Path(args.out),
                                              into_folder=args.out.endswith(("/", os.sep)))
    print(_t("バックアップを作成しました: {out}").format(out=out))
    return 0


def cmd_restore(config: Config, args: argparse.Namespace) -> int:
    previous = restore_backup(config, Path(args.path), _username(args),
                              _password(_t("現在のデータベースの管理者のパスワード: ")),
                              foreign=args.foreign,
                              backup_passphrase=os.environ.get("TSUNAGI_BACKUP_PASSPHRASE"))
    print(_t("バックアップを検証し、復元しました。"))
    if previous:
        print(_t("復元前のデータベースは次の場所に保管しました: {previous}").format(previous=previous))
    return 0


def cmd_print(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        printing = services.printing
        if args.pending:
            if args.kind != "packet":
                raise UserError(_t("--pending は packet と組み合わせて使います"))

            def progress(done: int, total: int) -> bool:
                print("\r" + _t("印刷中 {done}/{total}").format(
                    done=done, total=total), end="", file=sys.stderr, flush=True)
                return True

            _writable(Path(args.out) / "packet.pdf")
            written, refused = printing.print_pending(actor, Path(args.out), progress)
            print(file=sys.stderr)
            for line in refused:
                print(_t("印刷できませんでした: {line}").format(line=line), file=sys.stderr)
            _print_json({"printed": len(written), "refused": len(refused), "out": args.out})
            return 1 if refused and not written else 0
        episode = None
        if args.episode:
            try:
                episode = uuid.UUID(args.episode)
            except ValueError:
                raise UserError(_t("支援エピソードのID「{episode}」が正しくありません").format(
                    episode=args.episode)) from None
        elif not (args.kind == "consent" and args.blank):
            raise UserError(_t("--episode を指定してください"))
        out = Path(args.out)
        _writable(out)  # before a number is taken for a file that could not be written
        doc = printing.print_document(actor, args.kind, episode, blank=args.blank)
        try:
            write_whole(out, doc.pdf)
        except OSError as exc:
            if doc.number is None:
                raise UserError(_t("{path} に書き込めません（{reason}）").format(
                    path=out, reason=exc.strerror or exc)) from None
            raise UserError(_t("{number} を発行しましたが、{path} に書き込めませんでした（{reason}）。"
                               "番号は発行簿に記録されています").format(
                number=doc.number, path=out, reason=exc.strerror or exc)) from None
        print(_t("印刷しました: {out}（SHA-256 {sha}…）").format(out=out, sha=doc.sha256[:16]))
    return 0


def _period(args: argparse.Namespace) -> Period:
    if args.fiscal_year is not None:
        return Period.fiscal(args.fiscal_year)
    if args.month:
        try:
            year, month = (int(x) for x in args.month.split("-"))
        except ValueError:
            raise UserError(_t("月「{month}」は YYYY-MM の形式で指定してください").format(
                month=args.month)) from None
        return Period.month(year, month)
    try:
        start, end = (parse_date(x) for x in args.range)
    except DateParseError as exc:
        raise UserError(str(exc)) from None
    return Period.custom(start, end)


def cmd_report(config: Config, args: argparse.Namespace) -> int:
    period = _period(args)
    as_of = None
    if args.as_of:
        try:
            as_of = parse_date(args.as_of)
        except DateParseError as exc:
            raise UserError(str(exc)) from None
    if args.format in ("xlsx", "pdf") and not args.out:
        raise UserError(_t("{format} 形式には --out で出力先を指定してください").format(format=args.format))
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        organisation = (services.organisations.find(args.organisation).id
                        if args.organisation else None)
        if args.out:
            payload = services.reports.export(actor, period, args.format, as_of, organisation)
        else:
            data = services.reports.indicators(actor, period, as_of=as_of,
                                               organisation_id=organisation)
            payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode() if (
                args.format == "json") else report_csv(data)
    if not args.out:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return 0
    _write_file(Path(args.out), payload)
    print(_t("{label}の実績報告を書き出しました: {out}").format(label=period.label, out=args.out))
    return 0


def _hello_work_exchange(config: Config, args: argparse.Namespace) -> int:
    """hellowork exchange-export / exchange-import: the 支援状況連絡票 of one office."""
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        office_id = services.offices.find(args.office).id if args.office else None
        hw = services.hello_work
        if args.hellowork_command == "exchange-export":
            assert office_id is not None
            sheet = hw.exchange_sheet(actor, office_id)
            _write_file(Path(args.out), sheet.data)
            _print_json({"listed": sheet.listed, "left_out": sheet.left_out})
            if sheet.left_out:
                print(_t("{n}件は「{office}」への情報提供に有効な同意がないため載せていません").format(
                    n=sheet.left_out, office=args.office), file=sys.stderr)
            return 0
        path = Path(args.file)
        if args.dry_run:
            preview = hw.preview_exchange(actor, path, office_id)
            rows, counts = preview.rows, {s: preview.count(s) for s in (
                "add", "update", "duplicate", "rejected")}
            counts["proposals"], counts["blank"] = preview.proposals, preview.blank
        else:
            result = hw.import_exchange(actor, path, office_id)
            rows, counts = result.rows, result.summary()
    for row in rows:
        if row.status == "rejected":
            print(_t("{row}行目: {reason}").format(row=row.row, reason=listing(row.reasons)),
                  file=sys.stderr)
    _print_json(counts)
    return 0


def cmd_import_ledger(config: Config, args: argparse.Namespace) -> int:
    path = Path(args.file)
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        if args.dry_run:
            preview = services.ledger.preview(actor, path)
            for e in preview.errors:
                print(_t("{row}行目 {column}: {reason}").format(
                    row=e.row, column=e.column, reason=e.reason), file=sys.stderr)
            _print_json({"new": preview.count("new"), "existing": preview.count("exists"),
                         "rejected": preview.count("rejected"),
                         "unknown_offices": preview.unknown_offices})
            return 0
        office_id = services.offices.find(args.office, False).id if args.office else None
        result = services.ledger.import_file(
            actor, path, Path(args.report) if args.report else None, office_id,
            create_offices=args.create_offices)
    _print_json(result.summary())
    if result.rejected:
        print(_t("{rejected}行を取り込めませんでした。理由の一覧: {report}").format(
            rejected=result.rejected, report=result.report),
              file=sys.stderr)
    return 0


def cmd_export(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        payload, count = services.ledger.export(actor, args.format)
    _write_file(Path(args.out), payload)
    print(_t("{count:,}行を書き出しました: {out}").format(count=count, out=args.out))
    return 0


def cmd_setting(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        if args.setting_command == "list":
            _print_json(services.settings.all())
            return 0
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError:
            value = args.value  # a plain text, such as a name
        services.settings.set(actor, args.key, value)
        _print_json({args.key: services.settings.get(args.key)})
    return 0


def cmd_purge(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        retention = services.retention
        if args.apply:
            result = retention.purge(actor)
            _print_json({"episodes": result.episodes, "persons": result.persons,
                         "closed_on_or_before": result.closed_on_or_before})
            return 0
        found = retention.candidates(actor)
    if args.format == "json":
        _print_json([{"case_number": c.case_number, "closed_on": c.closed_on,
                      "episode_id": c.episode_id, "whole_person": c.whole_person}
                     for c in found])
        return 0
    for c in found:
        whole = _t("（対象者ごと削除）") if c.whole_person else ""
        print(_t("{case_number:<16} 終了 {closed_on}{whole}").format(
            case_number=c.case_number, closed_on=shown_date(c.closed_on), whole=whole))
    print(_t("保存期間を過ぎた支援エピソード: {count:,}件。削除するには --apply を付けて実行してください").format(count=len(found)),
          file=sys.stderr)
    return 0


def _kit_passphrase(confirm: bool = False) -> str:
    return _password(_t("キットのパスフレーズ: "), "TSUNAGI_KIT_PASSPHRASE", confirm=confirm)


def cmd_outreach(config: Config, args: argparse.Namespace) -> int:
    from desktop.services.outreach import OutreachService

    action = args.outreach_command
    if action == "open":
        return _outreach_open(config, args)
    if action == "wipe":
        return _outreach_wipe(config, args)
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        outreach: OutreachService = services.outreach
        if action == "export":
            header = outreach.export_kit(actor, Path(args.out), _kit_passphrase(confirm=True),
                                         args.caseworker)
            kind = _t("返却用キット") if header["kind"] == "return" else _t("出張用キット")
            print(_t("{kind}を作りました: {out}").format(kind=kind, out=args.out), file=sys.stderr)
            _print_json({"kit": header["kit_id"], "kind": header["kind"],
                         "records": header["counts"]})
            return 0
        passphrase = _kit_passphrase()
        plan = outreach.plan_import(actor, Path(args.kit), passphrase)
        if args.plan or (plan.conflicts and not (args.keep or args.resolve)):
            listing = {"kit": plan.kit_id, "already_imported": plan.already_imported,
                       **plan.counts,
                       "conflicts": [{"id": c.id, "kind": c.kind, "summary": c.summary,
                                      "fields": {d.name: {"office": d.office, "laptop": d.laptop}
                                                 for d in c.fields},
                                      "resolution": None} for c in plan.conflicts]}
            if args.plan:
                _write_file(Path(args.plan), json.dumps(listing, ensure_ascii=False,
                                                        indent=2, default=str).encode())
                print(_t("変更と競合の一覧を書き出しました: {plan}（何も取り込んでいません）").format(plan=args.plan))
                return 0
            for c in plan.conflicts:
                print(_t("競合: {summary}").format(summary=c.summary), file=sys.stderr)
            raise UserError(_t("競合が {count} 件あります。何も取り込んでいません。--plan で一覧を書き出して resolution を記入し --resolve で指定するか、"
                               "--keep office|laptop で一括して解決してください").format(count=len(plan.conflicts)))
        resolutions: dict[str, object] = {}
        if args.resolve:
            try:
                listing = json.loads(Path(args.resolve).read_text(encoding="utf-8"))
                resolutions = {c["id"]: c["resolution"] for c in listing["conflicts"]
                               if c.get("resolution") is not None}
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise UserError(_t("解決のファイルを読めません（{exc}）").format(exc=exc)) from None
        elif args.keep:
            for c in plan.conflicts:
                if c.kind == "possible_duplicate":
                    resolutions[c.id] = "new"  # merging people is always a person's decision
                else:
                    resolutions[c.id] = args.keep
        result = outreach.apply_import(actor, Path(args.kit), passphrase, resolutions)
    _print_json(result.summary())
    return 0


def _outreach_open(config: Config, args: argparse.Namespace) -> int:
    from desktop.services.outreach import create_working_database

    opened, header = create_working_database(config, Path(args.kit), _kit_passphrase())
    opened.db.close()
    print(_t("作業用データベースを作りました: {db_path}").format(db_path=config.db_path), file=sys.stderr)
    print(_t("{caseworker} のユーザー名とパスワードでログインしてください").format(
        caseworker=header['caseworker']), file=sys.stderr)
    _print_json({"kit": header["kit_id"], "records": header["counts"]})
    return 0


def _outreach_wipe(config: Config, args: argparse.Namespace) -> int:
    from desktop.services.outreach import OutreachService

    targets = [Path(k) for k in args.kit] + [config.db_path]
    if not args.yes:
        if not _interactive():
            raise UserError(_t("消去するには --yes を付けてください（元に戻せません）"))
        answer = input(_t("{files} を消去します。よろしいですか [y/N]: ").format(
            files=', '.join(str(p) for p in targets)))
        if answer.strip().lower() not in ("y", "yes"):
            print(_t("中止しました"))
            return 0
    gone = OutreachService.wipe(targets)
    (config.data_dir / "tsunagi.keyinfo.json").unlink(missing_ok=True)
    (config.data_dir / ANCHOR_FILENAME).unlink(missing_ok=True)
    log.info("outreach wipe: %d files", len(gone))
    _print_json({"wiped": [str(p) for p in gone]})
    return 0


def _writable(path: Path) -> None:
    try:
        check_writable(path)
    except OSError as exc:
        raise UserError(_t("{path} に書き込めません（{reason}）").format(
            path=path, reason=exc.strerror or exc)) from None


def _write_file(path: Path, payload: bytes) -> None:
    try:
        write_whole(path, payload)
    except OSError as exc:
        raise UserError(_t("{path} に書き込めません（{reason}）").format(
            path=path, reason=exc.strerror or exc)) from None


def _new_password(prompt: str) -> tuple[str, bool]:
    """A password for someone else (TSUNAGI_NEW_PASSWORD, a prompt, or generated)."""
    new_password = os.environ.get("TSUNAGI_NEW_PASSWORD")
    if not new_password and _interactive():
        new_password = _password(prompt, "TSUNAGI_NEW_PASSWORD", confirm=True)
    if not new_password:
        return initial_password(), True
    return new_password, False


def _organisation_id(services: Services, name: str | None) -> uuid.UUID | None:
    return services.organisations.find(name).id if name else None


def cmd_user(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        auth = services.auth
        if args.user_command == "add":
            organisation = _organisation_id(services, args.org)
            new_password, generated = _new_password(_t("新しい利用者の初期パスワード: "))
            added = auth.add_user(actor, args.username, args.display_name, args.role,
                                  new_password, organisation, args.extension)
            print(_t("利用者「{username}」（{role}、{org}）を追加しました").format(
                username=args.username, role=shown(ROLES[args.role]),
                org=added.organisation_name))
            if generated:
                print(_t("初期パスワード: {new_password}（本人に伝えてください。最初のログインで本人のパスワードに変更します）").format(
                    new_password=new_password))
        elif args.user_command == "edit":
            auth.update_user(actor, args.username, StaffChanges(
                args.display_name, args.role, _organisation_id(services, args.org),
                args.extension))
            print(_t("利用者「{username}」を変更しました").format(username=args.username))
        elif args.user_command == "reset-password":
            new_password, generated = _new_password(_t("仮のパスワード: "))
            auth.reset_password(actor, args.username, new_password)
            print(_t("利用者「{username}」のパスワードをリセットしました（次のログインで本人が変更します）").format(
                username=args.username))
            if generated:
                print(_t("仮のパスワード: {new_password}").format(new_password=new_password))
        elif args.user_command == "list":
            users = auth.list_users(actor)
            if args.format == "json":
                _print_json([{"username": u.username, "display_name": u.display_name,
                              "role": u.role, "active": u.active, "locked": u.locked,
                              "organisation": u.organisation_name,
                              "phone_extension": u.phone_extension,
                              "must_change_password": u.must_change_password,
                              "last_login_at": u.last_login_at} for u in users])
            else:
                for u in users:
                    state = _t("無効") if not u.active else (_t("ロック中") if u.locked else _t("有効"))
                    print(f"{u.username:<16} {u.display_name:<12} {shown(ROLES[u.role]):<8} "
                          f"{state:<6} {u.organisation_name}")
        elif args.user_command == "disable":
            auth.disable_user(actor, args.username)
            print(_t("利用者「{username}」を無効にしました").format(username=args.username))
        elif args.user_command == "enable":
            auth.enable_user(actor, args.username)
            print(_t("利用者「{username}」を有効にしました").format(username=args.username))
    return 0


def cmd_passwd(config: Config, args: argparse.Namespace) -> int:
    """The signed-in user's own password; the one thing a user with an initial or reset
    password can do."""
    from desktop.services.auth import MIN_PASSWORD

    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        username = _username(args)
        current = _password(_t("現在のパスワード: "))
        new = _password(_t("新しいパスワード（{n}文字以上）: ").format(n=MIN_PASSWORD),
                        "TSUNAGI_NEW_PASSWORD", confirm=True)
        services.auth.change_initial_password(username, current, new)
    print(_t("パスワードを変更しました。次からは新しいパスワードを使ってください"))
    return 0


def _organisation_input(args: argparse.Namespace,
                        base: OrganisationRecord | None = None) -> OrganisationInput:
    def value(name: str, attr: str | None = None) -> object:
        given = getattr(args, name)
        if given is not None:
            return given
        return getattr(base, attr or name) if base is not None else ""

    seal = base.seal_omitted if base is not None else True
    if args.seal is not None:
        seal = args.seal == "omitted"
    return OrganisationInput(
        name=str(getattr(args, "new_name", None) or (base.name if base else args.name)),
        kind=str(value("kind") or "welfare_office"), head_title=str(value("head_title")),
        head_name=str(value("head_name")), postal_code=str(value("postal_code")),
        address=str(value("address")), phone=str(value("phone")), fax=str(value("fax")),
        doc_symbol=str(value("doc_symbol")), seal_omitted=seal, section=str(value("section")))


def cmd_org(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        organisations = services.organisations
        if args.org_command == "add":
            added = organisations.add(actor, _organisation_input(args))
            print(_t("組織「{name}」を登録しました").format(name=added.name))
        elif args.org_command == "edit":
            current = organisations.find(args.name)
            changed = organisations.update(actor, current.id, current.version,
                                           _organisation_input(args, current))
            print(_t("組織「{name}」を変更しました").format(name=changed.name))
        else:
            found = organisations.organisations()
            if args.format == "json":
                _print_json([{**{f.name: getattr(o, f.name) for f in dataclasses.fields(o)},
                              "kind_label": ORGANISATION_KINDS[o.kind]} for o in found])
            else:
                for o in found:
                    seal = _t("公印省略") if o.seal_omitted else _t("押印欄")
                    print(f"{o.name}　{shown(ORGANISATION_KINDS[o.kind])}　{o.head_title} "
                          f"{o.head_name}　{o.doc_symbol or '-'}　{seal}　"
                          + _t("職員 {staff} 人・対象者 {persons} 人").format(
                              staff=o.staff, persons=o.persons))
    return 0


def _office_input(args: argparse.Namespace, base: OfficeRecord | None = None) -> OfficeInput:
    def value(name: str) -> str:
        given = getattr(args, name)
        if given is not None:
            return str(given)
        return str(getattr(base, name)) if base is not None else ""

    navigators = (tuple(parse_navigator(n) for n in args.navigator) if args.navigator
                  else base.navigators if base is not None else ())
    return OfficeInput(name=getattr(args, "new_name", None) or (base.name if base else args.name),
                       official_name=value("official_name"), head_title=value("head_title"),
                       kind=value("kind") or "main", postal_code=value("postal_code"),
                       address=value("address"), phone=value("phone"), navigators=navigators)


def cmd_hellowork(config: Config, args: argparse.Namespace) -> int:
    if args.hellowork_command in ("exchange-export", "exchange-import"):
        return _hello_work_exchange(config, args)
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        offices = services.offices
        action = args.hellowork_command
        if action == "add":
            added = offices.register_office(actor, _office_input(args))
            print(_t("ハローワーク「{name}」（{official}）を登録しました").format(
                name=added.name, official=added.official_name))
        elif action == "edit":
            current = offices.find(args.name)
            changed = offices.update_office(actor, current.id, current.version,
                                            _office_input(args, current))
            print(_t("ハローワーク「{name}」を変更しました").format(name=changed.name))
        elif action in ("disable", "enable"):
            office = offices.set_active(actor, offices.find(args.name).id, action == "enable")
            print((_t("ハローワーク「{name}」を無効にしました") if action == "disable"
                   else _t("ハローワーク「{name}」を有効にしました")).format(name=office.name))
        else:
            found = offices.offices(include_inactive=args.all)
            if args.format == "json":
                _print_json([{"name": o.name, "official_name": o.official_name,
                              "head_title": o.head_title, "addressee": o.addressee,
                              "kind": o.kind, "postal_code": o.postal_code,
                              "address": o.address, "phone": o.phone, "active": o.active,
                              "navigators": [dataclasses.asdict(n) for n in o.navigators]}
                             for o in found])
            else:
                for o in found:
                    state = "" if o.active else _t("（無効）")
                    print(f"{o.name}{state}　{o.official_name or '-'}　{o.addressee}　"
                          f"{shown(OFFICE_KINDS[o.kind])}　{o.phone}　{o.navigator}")
    return 0


def cmd_assign(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        person = services.persons.person_by_case_number(actor, args.case_number)
        target = services.auth.find_user(actor, args.to)
        done = services.persons.assign_caseworker(actor, person, target.id)
    print(_t("ケース番号 {case_number} の担当を {previous} から {name} に変更しました").format(
        case_number=args.case_number, previous=done.previous_caseworker_name or _t("（なし）"),
        name=done.caseworker_name))
    return 0


def cmd_reassign(config: Config, args: argparse.Namespace) -> int:
    opened = open_database(config)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)
        source = services.auth.find_user(actor, args.source)
        target = services.auth.find_user(actor, args.to)
        moved = services.persons.move_caseload(actor, source.id, target.id, args.dry_run)
    if args.format == "json":
        _print_json({"from": args.source, "to": args.to, "applied": moved.applied,
                     "cases": [{"case_number": c.case_number, "state": c.state}
                               for c in moved.cases]})
        return 0
    for c in moved.cases:
        state = shown(STATES[c.state]) if c.state else "-"
        print(f"{c.case_number:<16} {c.name:<12} {state}")
    text = (_t("{n} 件を {source} から {target} へ移しました") if moved.applied else
            _t("{n} 件を {source} から {target} へ移します（--dry-run のため何も変えていません）"))
    print(text.format(n=len(moved.cases), source=moved.from_name, target=moved.to_name),
          file=sys.stderr)
    return 0


def cmd_migrate_to_server(config: Config, args: argparse.Namespace) -> int:
    from desktop.models.server_settings import save_audit_key, save_server
    from desktop.services.server_copy import copy_to_server

    local = dataclasses.replace(config, db_url=None)
    opened = open_database(local)
    with closing(opened.db):
        services = _services(opened)
        actor = _login(services, args)

        def progress(table: str, n: int) -> None:
            if _interactive():
                print("\r" + _t("コピー中 {table}: {n:,} 行").format(
                    table=table, n=n), end="", file=sys.stderr, flush=True)

        result = copy_to_server(services.ctx, actor, args.url, progress)
        if _interactive():
            print(file=sys.stderr)
    _print_json({"tables": result.counts, "rows": sum(result.counts.values()),
                 "audit_rows": result.audit_rows, "verified": True})
    assert opened.db.audit_key is not None
    print(_t("サーバーの監査ログの鍵（ほかの PC で tsunagi server use するときに TSUNAGI_AUDIT_KEY に指定します。"
             "紙に控えて保管してください）: {key}").format(key=format_recovery_key(opened.db.audit_key)),
          file=sys.stderr)
    if args.use:
        saved = save_server(config.data_dir, args.url)
        if not save_audit_key(args.url, opened.db.audit_key):
            print(_t("キーチェーンがないため監査ログの鍵は保存していません。TSUNAGI_AUDIT_KEY に指定してください"),
                  file=sys.stderr)
        print(_t("この PC はサーバーを使います: {saved}").format(saved=saved), file=sys.stderr)
    else:
        print(_t("サーバーを使うには: tsunagi server use URL（各 PC で）"), file=sys.stderr)
    return 0


def cmd_server(config: Config, args: argparse.Namespace) -> int:
    from sqlalchemy import make_url

    from desktop.models.server_settings import forget_server, save_audit_key, save_server

    if args.server_command == "show":
        if config.db_url:
            print(_t("サーバー: {server}").format(
                server=make_url(config.db_url).render_as_string(hide_password=True)))
        else:
            print(_t("この PC のデータベース: {db_path}").format(db_path=config.db_path))
    elif args.server_command == "use":
        opened = open_database(dataclasses.replace(config, db_url=args.url))
        opened.db.close()  # reachable, migrated, and ours: only then remember it
        if opened.db.audit_key is not None:
            save_audit_key(args.url, opened.db.audit_key)  # given once in TSUNAGI_AUDIT_KEY
        print(_t("この PC はサーバーを使います: {server}").format(
            server=save_server(config.data_dir, args.url)))
    else:
        forget_server(config.data_dir)
        print(_t("この PC のデータベースに戻しました: {db_path}").format(db_path=config.db_path))
    return 0


def cmd_self_test(config: Config, args: argparse.Namespace) -> int:
    from desktop.selftest import run

    return run()


def cmd_gui(config: Config, args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(config.data_dir, args.user or "")


COMMANDS: dict[str, Callable[[Config, argparse.Namespace], int]] = {
    "gui": cmd_gui, "init": cmd_init, "demo": cmd_demo, "verify": cmd_verify,
    "backup": cmd_backup, "restore": cmd_restore, "user": cmd_user, "print": cmd_print,
    "report": cmd_report, "import-ledger": cmd_import_ledger, "export": cmd_export,
    "purge": cmd_purge, "outreach": cmd_outreach, "passwd": cmd_passwd, "org": cmd_org,
    "hellowork": cmd_hellowork, "assign": cmd_assign, "reassign": cmd_reassign,
    "setting": cmd_setting,
    "migrate-to-server": cmd_migrate_to_server, "server": cmd_server,
    "self-test": cmd_self_test,
}


def _setup_logging(config: Config) -> None:
    from desktop.launcher import setup_logging

    setup_logging(config.log_dir)


def _language_before_parsing(argv: Sequence[str]) -> None:
    """The CLI speaks this PC's language (help included, so it is chosen before parsing): the
    data folder's preference, TSUNAGI_LANG overriding it. The GUI installs its own."""
    data_dir = None
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            data_dir = argv[i + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    language = saved_language(Config.from_env(data_dir).data_dir)
    if language == "ja":
        install_language(None)
    else:
        from desktop.catalogue import install_without_app

        install_without_app(language)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _language_before_parsing(argv)
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    config = Config.from_env(args.data_dir)
    _setup_logging(config)
    try:
        return _run_retrying_when_busy(command, config, args)
    except (UserError, *EXPECTED_ERRORS) as exc:
        message = exc.message if isinstance(exc, DomainError) else str(exc)
        print(_t("エラー: {message}").format(message=message), file=sys.stderr)
        log.info("command %s refused: %s", command, type(exc).__name__)
        return 1
    except KeyboardInterrupt:
        print("\n" + _t("中断しました（途中の変更は保存されていません）"), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output went away (``| head``). What was committed before stays
        # committed; only the step under way is lost. Say no more than that.
        _silence_stdout()
        print(_t("出力先が閉じられたため、表示を中止しました。完了していなかった処理の変更は保存されていません"),
              file=sys.stderr)
        log.info("command %s: output closed", command)
        return 1
    except Exception as exc:  # the one place unexpected errors are reported
        busy = storage_error(exc)
        if busy is not None:  # a storage fault met outside a service's transaction
            print(_t("エラー: {message}").format(message=busy.message), file=sys.stderr)
            log.info("command %s refused: %s", command, type(busy).__name__)
            return 1
        log.error("command %s failed: %s\n%s", command, type(exc).__name__,
                  frames_only(exc.__traceback__))
        print(_t("エラー: 予期しない問題が発生しました（{error}）。詳細はログ {log} を管理者に"
                 "渡してください。完了していなかった処理の変更は保存されていません").format(
                  error=type(exc).__name__, log=config.log_dir / "tsunagi.log"), file=sys.stderr)
        return 1


def _run_retrying_when_busy(command: str, config: Config, args: argparse.Namespace) -> int:
    """The command; when the database is busy (another process holds the write lock past
    the busy timeout: nothing was saved), the message, and from a terminal the offer to run
    it again."""
    while True:
        try:
            code = COMMANDS[command](config, args)
            _write_view_audits()
            return code
        except DatabaseBusy as exc:
            _BUILT.clear()
            if not _interactive():
                raise
            print(_t("エラー: {message}").format(message=exc.message), file=sys.stderr)
            answer = input(_t("もう一度実行しますか [y/N]: "))
            if answer.strip().lower() not in ("y", "yes", "はい"):
                return 1


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush does
    not raise again (the Python documentation's recipe for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
