"""The main window: today's agenda, the caseload list with search and filters, and one tab
per open recipient record."""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.resources import resource_path
from desktop.services import Services
from desktop.services.auth import UserSummary
from desktop.services.caseload import Agenda, AgendaItem, CaseloadFilter
from desktop.services.commands import (
    ChangePassword,
    Changes,
    CompleteNextAction,
    ExportKit,
    ExportLedger,
    Logout,
    PrintPending,
    RunAutoBackup,
)
from desktop.services.context import Actor
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.maintenance import AutoBackup
from desktop.services.outreach import ImportPlan, OutreachService
from desktop.services.permissions import allowed, sees_every_case
from desktop.services.persons import StaffChoice
from desktop.services.states import OPEN_STATES
from desktop.ui import (
    admin_menu,
    dialogs,
    exchange_dialog,
    language_dialog,
    network_menu,
    preview,
    server_dialog,
    text_size_dialog,
)
from desktop.ui.exchange_dialog import ExchangeImportDialog
from desktop.ui.forms import CommandDialog
from desktop.ui.intake import IntakeDialog
from desktop.ui.ledger_dialog import LedgerImportDialog
from desktop.ui.login import LoginDialog
from desktop.ui.models import AgendaModel, CaseloadModel, SearchModel
from desktop.ui.outreach_dialogs import (
    OutreachImportDialog,
    caseworker_dialog,
    passphrase_dialog,
)
from desktop.ui.person_view import PersonView
from desktop.ui.reports_view import ReportsView
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import choices, label, parenthesised, wareki
from desktop.ui.widgets import ColumnFitter, fit_to_screen, owned_by, record_table, scrolling

_t = translator("MainWindow")
# Which tab of the person's record an agenda item is about.
AGENDA_SECTIONS = {"checkpoint": "placements", "plan_review": "plan",
                   "waiting_referral": "plan", "next_action": "contacts",
                   "period_end": "episode", "hello_work_silent": "hello_work",
                   "hire_reported": "hello_work"}

log = logging.getLogger("tsunagi.ui")


def _view(model: QObject) -> QTableView:
    view = record_table(model, QHeaderView.ResizeMode.Interactive)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    return view


class _ProgressRelay(QObject):
    """Carries a worker's progress to the GUI thread, and the cancel request back."""

    progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class IdleWatcher(QObject):
    """Restarts the idle timer on any keyboard or mouse input in the application."""

    EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
              QEvent.Type.Wheel)

    def __init__(self, timer: QTimer) -> None:
        # A child of the timer: it goes with the window, and Qt then takes it off the
        # application's event filters (a filter left behind touched a deleted timer).
        super().__init__(timer)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.EVENTS and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """Built at once from what needs no database; the rest (this PC's role as an outreach
    laptop, the staff names, the idle-lock setting, the lists) arrives from the read lane.
    Lists, the agenda and open records refresh from the Changes of each command.
    ``signed_out`` (the username) after ログアウト, just before the window closes."""

    signed_out = Signal(str)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 data_dir: Path | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir  # for this PC's settings (the server to use)
        self.signing_out = False
        self.services, self.actor, self.runner = services, actor, runner
        runner.bind(services, actor)
        # Qt adds the application's name to the title (「就労支援ケース管理 — つなぎ」).
        self.setWindowTitle(_t("就労支援ケース管理"))
        self.person_tabs: dict[uuid.UUID, PersonView] = {}
        self.staff: dict[uuid.UUID, str] = {actor.user_id: actor.display_name}
        self.laptop: dict[str, object] | None = None  # the kit, on an outreach laptop

        self.status_count = QLabel()
        self.status_busy = QLabel()
        self.statusBar().addWidget(self.status_count)
        self.statusBar().addPermanentWidget(self.status_busy)
        self.statusBar().addPermanentWidget(
            QLabel(parenthesised(actor.display_name, label("role", actor.role))))
        # A method, not a lambda: Qt lets go of it when the window goes (ログアウト), the
        # runner staying for the next person.
        runner.busy_changed.connect(self._show_busy)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_toolbar())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(_t("画面の切り替え"))
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.counts: dict[int, str] = {}  # the status bar's count, per fixed tab
        self._build_agenda()
        self._build_caseload()
        # 実績報告 is built when first opened (its charts are a tenth of the window's cost).
        self._reports: ReportsView | None = None
        self.reports_page = QWidget()
        QVBoxLayout(self.reports_page).setContentsMargins(0, 0, 0, 0)
        self.reports_tab = scrolling(self.reports_page)
        self.tabs.addTab(self.reports_tab, _t("実績報告"))
        self.tabs.currentChanged.connect(self._tab_changed)
        for fixed in range(3):
            self.tabs.tabBar().setTabButton(fixed, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self._build_menu()
        network_menu.install(self)
        admin_menu.install(self)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.search_typed)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(10 * 60_000)  # until the office's setting has been read
        self.idle_timer.timeout.connect(self.lock)
        self.idle_timer.start()
        self.idle_watcher = IdleWatcher(self.idle_timer)

        # Scheduled encrypted backups, on the write lane (a snapshot is read while the
        # screens go on reading; a save waits for it).
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(30 * 60_000)
        self.backup_timer.timeout.connect(self.auto_backup)
        if services.maintenance.key_info is not None:
            self.backup_timer.start()
            QTimer.singleShot(10_000, self.auto_backup)

        for keys, slot in ((QKeySequence.StandardKey.Find, self.focus_search),
                           (QKeySequence.StandardKey.New, self.intake),
                           (QKeySequence.StandardKey.Refresh, self.refresh),
                           (QKeySequence("Ctrl+L"), self.lock_now),
                           (QKeySequence.StandardKey.Close, self.close_current_tab)):
            QShortcut(keys, self).activated.connect(slot)
        runner.changed.connect(self._on_changes)
        self._load_session()
        self.refresh()
        fit_to_screen(self, 1280, 800)

    @property
    def reports(self) -> ReportsView:
        if self._reports is None:
            self._reports = ReportsView(self.services, self.actor, self.runner)
            layout = self.reports_page.layout()
            assert layout is not None
            layout.addWidget(self._reports)
        return self._reports

    def _show_busy(self, busy: bool) -> None:
        self.status_busy.setText(_t("読み込み中…") if busy else "")

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.reports_tab:
            self.reports  # noqa: B018  (built on first view)
        self.status_count.setText(self.counts.get(index, ""))

    def _set_count(self, tab: int, text: str) -> None:
        self.counts[tab] = text
        if self.tabs.currentIndex() == tab:
            self.status_count.setText(text)

    # ---------------------------------------------------------------- building

    def _load_session(self) -> None:
        """What the window shows that comes from the database, read on the read lane."""
        services, actor = self.services, self.actor

        def load() -> tuple[dict[str, object] | None, dict[uuid.UUID, str], int]:
            staff = {actor.user_id: actor.display_name}
            if allowed(actor, "list_staff"):
                staff = {u.id: u.display_name for u in services.auth.list_users(actor)}
            return (services.outreach.manifest(), staff,
                    int(services.settings.get("idle_lock_minutes")))

        self.runner.read(load, self._session_loaded, owner=self)

    def _session_loaded(self, data: tuple[dict[str, object] | None, dict[uuid.UUID, str],
                                          int]) -> None:
        self.laptop, staff, minutes = data
        if self.laptop is not None:
            self.setWindowTitle(_t("出張用（オフライン）"))
            self.kit_action.setText(_t("返却用キットを作る…"))
        self.kit_import_action.setVisible(self.laptop is None)
        self.wipe_action.setVisible(self.laptop is not None)
        self.idle_timer.setInterval(minutes * 60_000)
        if self.idle_timer.isActive():
            self.idle_timer.start()
        self.staff = staff
        current = self.staff_filter.currentData()
        self.staff_filter.blockSignals(True)
        while self.staff_filter.count() > 1:
            self.staff_filter.removeItem(1)
        for user_id, name in sorted(staff.items(), key=lambda x: x[1]):
            self.staff_filter.addItem(name, user_id)
        self.staff_filter.setCurrentIndex(max(0, self.staff_filter.findData(current)))
        self.staff_filter.blockSignals(False)

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(_t("つなぎ"))
        title.setObjectName("appTitle")
        bar.addWidget(title)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(
            _t("氏名・フリガナ・ケース番号で検索（ひらがな・半角も可）  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_t("検索"))
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        bar.addWidget(self.search, 1)
        style = self.style()
        intake = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                             _t("新規受付 (Ctrl+N)"))
        intake.setObjectName("primary")
        intake.clicked.connect(self.intake)
        bar.addWidget(intake)
        refresh = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
                              _t("更新 (F5)"))
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        user = QToolButton()
        user.setObjectName("userMenu")
        user.setText(self.actor.display_name)
        user.setAccessibleName(_t("{name}のメニュー").format(name=self.actor.display_name))
        user.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(user)
        change = QAction(_t("パスワードを変更"), menu)
        change.triggered.connect(self.change_password)
        lock = QAction(_t("画面をロック (Ctrl+L)"), menu)
        lock.triggered.connect(self.lock_now)
        logout = QAction(_t("ログアウト"), menu)
        logout.setObjectName("logout")
        logout.triggered.connect(self.log_out)
        menu.addAction(change)
        menu.addAction(lock)
        menu.addSeparator()
        menu.addAction(logout)
        user.setMenu(menu)
        bar.addWidget(user)
        return bar

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(_t("ファイル(&F)"))
        self.import_action = QAction(_t("台帳の取込…"), self)
        self.import_action.triggered.connect(self.import_ledger)
        self.import_action.setEnabled(allowed(self.actor, "import_ledger"))
        menu.addAction(self.import_action)
        for fmt, text in (("xlsx", _t("台帳の書出し（Excel）…")),
                          ("csv", _t("台帳の書出し（CSV）…"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, f=fmt: self.export_ledger(f))
            menu.addAction(action)
        menu.addSeparator()
        can_exchange = allowed(self.actor, "hello_work_exchange")
        self.exchange_export_action = self._menu_item(
            menu, _t("支援状況連絡票を作る（ハローワークへ）…"), self.make_exchange_sheet,
            "exchangeExport")
        self.exchange_import_action = self._menu_item(
            menu, _t("支援状況連絡票を取り込む…"), self.import_exchange_sheet, "exchangeImport")
        for action in (self.exchange_export_action, self.exchange_import_action):
            action.setEnabled(can_exchange)
        menu.addSeparator()
        # On an outreach laptop the kit actions change once the kit has been read.
        self.kit_action = QAction(_t("出張用キットを作る…"), self)
        self.kit_action.triggered.connect(self.export_kit)
        menu.addAction(self.kit_action)
        self.kit_import_action = QAction(_t("出張キットの取込…"), self)
        self.kit_import_action.triggered.connect(self.import_kit)
        menu.addAction(self.kit_import_action)
        self.wipe_action = QAction(_t("キットと作業用データを消去…"), self)
        self.wipe_action.triggered.connect(self.wipe_laptop)
        self.wipe_action.setVisible(False)
        menu.addAction(self.wipe_action)
        menu.addSeparator()
        template = QAction(_t("台帳のひな形を保存…"), self)
        template.triggered.connect(self.save_template)
        menu.addAction(template)
        if self.data_dir is not None:  # this PC's own settings
            data_dir = self.data_dir
            menu.addSeparator()
            if allowed(self.actor, "configure_server"):
                self._menu_item(menu, _t("データベースの接続先（サーバー）…"),
                                lambda: server_dialog.configure_server(self, self.runner,
                                                                       data_dir),
                                "serverSettings")
                self._menu_item(menu, _t("この PC のデータベースに戻す…"),
                                lambda: server_dialog.use_local_database(self, data_dir))
            self._menu_item(menu, _t("表示言語 (Language)…"),
                            lambda: language_dialog.choose_language(self, data_dir),
                            "languageSettings")
            self._menu_item(menu, _t("文字の大きさ…"),
                            lambda: text_size_dialog.choose_text_size(self, data_dir),
                            "textSize")
        menu.addSeparator()
        quit_action = QAction(_t("終了"), self)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _menu_item(self, menu: QMenu, text: str, handler: Callable[[], object],
                   name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _build_agenda(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.agenda_summary = QLabel()
        self.agenda_summary.setObjectName("agendaSummary")
        layout.addWidget(self.agenda_summary)
        self.agenda_model = AgendaModel()
        self.agenda_view = _view(self.agenda_model)
        self.agenda_view.setObjectName("agendaView")
        self.agenda_view.setAccessibleName(_t("今日の予定"))
        self.agenda_fit = ColumnFitter(self.agenda_view, self._agenda_samples)
        self.agenda_view.doubleClicked.connect(self._open_from_agenda)
        self.agenda_view.activated.connect(self._open_from_agenda)
        layout.addWidget(self.agenda_view)
        row = QHBoxLayout()
        done = QPushButton(_t("選択した「次の対応」を完了にする"))
        done.setObjectName("completeAction")
        done.clicked.connect(self.complete_selected_action)
        row.addWidget(done)
        row.addStretch(1)
        batch = QPushButton(_t("未印刷の支援要請を一括印刷…"))
        batch.setObjectName("batchPrint")
        batch.clicked.connect(self.print_pending)
        row.addWidget(batch)
        layout.addLayout(row)
        self.tabs.addTab(scrolling(page), _t("今日の予定"))

    def _build_caseload(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.state_filter = QComboBox()
        self.state_filter.addItem(_t("終了以外のすべて"), OPEN_STATES)
        for key, text in choices("state"):
            self.state_filter.addItem(text, (key,))
        self.state_filter.addItem(_t("終了を含むすべて"), (*OPEN_STATES, "closed"))
        self.category_filter = QComboBox()
        self.category_filter.addItem(_t("すべての区分"), None)
        for key, text in choices("category"):
            self.category_filter.addItem(text, key)
        self.staff_filter = QComboBox()
        self.staff_filter.addItem(_t("すべての担当"), None)
        self.staff_filter.setVisible(sees_every_case(self.actor))
        self.overdue_filter = QCheckBox(_t("期限超過のみ"))
        for widget, label_text in ((self.state_filter, _t("状態")),
                                   (self.category_filter, _t("区分")),
                                   (self.staff_filter, _t("担当"))):
            if widget.isVisibleTo(page) or widget is not self.staff_filter:
                caption = QLabel(label_text)
                caption.setBuddy(widget)
                filters.addWidget(caption)
            widget.setAccessibleName(label_text)
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.reload_caseload)
        self.overdue_filter.toggled.connect(self.reload_caseload)
        filters.addWidget(self.overdue_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.caseload_model = CaseloadModel(self.services.caseload.page,
                                            self.services.caseload.count, self.runner,
                                            self.actor)
        self.caseload_model.count_changed.connect(
            lambda n: self._set_count(1, _t("ケース一覧 {n} 人").format(n=f"{n:,}")))
        self.search_model = SearchModel()
        owned_by(self.search_model, self)
        self.caseload_view = _view(self.caseload_model)
        self.caseload_view.setObjectName("caseloadView")
        self.caseload_view.setAccessibleName(_t("ケース一覧"))
        self.caseload_view.setSortingEnabled(True)
        self.caseload_view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
        self.caseload_view.doubleClicked.connect(self._open_from_list)
        self.caseload_view.activated.connect(self._open_from_list)
        # Where 1024 pixels are not enough (in English), 対象者区分, then the names give way.
        self.caseload_fit = ColumnFitter(self.caseload_view, self._list_samples,
                                         give_way=(4, 2, 1))
        self.caseload_fit.watch(self.search_model)
        layout.addWidget(self.caseload_view)
        self.tabs.addTab(scrolling(page), _t("ケース一覧"))

    @staticmethod
    def _agenda_samples() -> dict[int, list[str]]:
        """What 今日の予定's columns can hold besides the rows on screen: every kind."""
        return {1: [AgendaModel.kind_label(k) for k in AgendaModel.KINDS]}

    @staticmethod
    def _list_samples() -> dict[int, list[str]]:
        """What ケース一覧's columns can hold besides the rows on screen: the widest date,
        every category and state."""
        widest = wareki(date(1988, 12, 28))  # 昭和63年12月28日
        return {3: [widest], 4: [text for _, text in choices("category")],
                5: [text for _, text in choices("state")], 6: [widest], 7: [widest]}

    # ---------------------------------------------------------------- actions

    def refresh(self) -> None:
        self.reload_agenda()
        self.reload_caseload()
        for view in self.person_tabs.values():
            view.reload()

    def _on_changes(self, changes: Changes) -> None:
        """After a command: refresh the lists it may have changed (records refresh
        themselves)."""
        if changes.agenda or changes.records:
            self.reload_agenda()
        if changes.caseload or changes.records:
            self.reload_caseload()
        if changes.staff:
            self._load_session()  # staff names and the filter

    def reload_agenda(self) -> None:
        self.runner.read(lambda: self.services.caseload.agenda(self.actor), self._show_agenda,
                         key="agenda", owner=self)

    def _show_agenda(self, agenda: Agenda) -> None:
        self.agenda_model.replace(list(agenda.items))
        self.agenda_fit.fit()  # 期限 with its 「（期限超過）」 whole at once
        counted = _t("予定 {n} 件（うち期限超過 {o} 件）").format(n=len(agenda.items),
                                                           o=agenda.overdue)
        self.agenda_summary.setText(_t("{today}　{counted}").format(
            today=wareki(agenda.today), counted=counted))
        self._set_count(0, counted)

    def complete_selected_action(self) -> None:
        rows = self.agenda_view.selectionModel().selectedRows()
        if not rows:
            return
        item = self.agenda_model.row_at(rows[0].row())
        if item.kind != "next_action" or item.item_id is None:
            dialogs.show_info(self, _t("今日の予定"), _t(
                "完了にできるのは「次の対応」です。定着確認などは対象者の画面で記録してください。"))
            return
        self.runner.run(CompleteNextAction(item.item_id, self.services.ctx.today()),
                        parent=self, title=_t("今日の予定"))

    def print_pending(self) -> None:
        """Every referral not yet printed, as packets into a chosen folder, with progress
        and cancel; the work runs on the task runner, progress arrives by queued signal."""
        folder = preview.choose_folder(self)
        if not folder:
            return
        progress = QProgressDialog(_t("支援要請書類を印刷しています…"), _t("中止"),
                                   0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        relay = _ProgressRelay()
        relay.progressed.connect(lambda done, total: (progress.setMaximum(total),
                                                      progress.setValue(done)))

        def step(done: int, total: int) -> bool:
            relay.progressed.emit(done, total)
            return not relay.cancelled

        progress.canceled.connect(relay.cancel)

        def finished(result: tuple[list[Path], list[str]]) -> None:
            progress.close()
            written, refused = result
            text = _t("{n} 件を印刷しました（{folder}）").format(n=len(written), folder=folder)
            if refused:
                text += "\n" + _t("印刷できなかったもの:") + "\n" + "\n".join(refused[:20])
            dialogs.show_info(self, _t("一括印刷"), text)

        self.runner.run(PrintPending(Path(folder), step), parent=self, on_done=finished,
                        on_failed=lambda _: progress.close(), title=_t("一括印刷"))

    def auto_backup(self) -> None:
        def done(result: AutoBackup) -> None:
            if result.path is not None:
                self.statusBar().showMessage(
                    _t("自動バックアップを作成しました（{name}）").format(name=result.path.name),
                    10_000)

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, DomainError):
                return False  # the crash reporter
            self.statusBar().showMessage(
                _t("自動バックアップに失敗しました: {m}").format(m=exc.message))
            return True

        self.runner.run(RunAutoBackup(), parent=self, on_done=done, on_failed=failed)

    def export_kit(self) -> None:
        if self.laptop is not None or not allowed(self.actor, "kit_for_others"):
            self._export_kit(None if self.laptop is not None else self.actor.username)
            return

        def chosen(users: list[UserSummary]) -> None:
            caseworker = caseworker_dialog(self, users)
            if caseworker is not None:
                self._export_kit(caseworker)

        self.runner.read(lambda: self.services.auth.list_users(self.actor), chosen,
                         owner=self)

    def _export_kit(self, caseworker: str | None) -> None:
        returning = self.laptop is not None
        title = _t("返却用キット") if returning else _t("出張用キット")
        passphrase = passphrase_dialog(self, title, confirm=True)
        if not passphrase:
            return
        stamp = f"{self.services.ctx.today():%Y%m%d}"
        name = (_t("返却_{stamp}.tsunagi-kit").format(stamp=stamp) if returning
                else _t("出張_{caseworker}_{stamp}.tsunagi-kit").format(caseworker=caseworker,
                                                                       stamp=stamp))
        path = preview.choose_save_path(self, name, _t("キットを保存"),
                                        _t("出張用キット (*.tsunagi-kit)"))
        if not path:
            return

        def done(header: dict[str, object]) -> None:
            counts = header["counts"]
            records = sum(counts.values()) if isinstance(counts, dict) else 0
            dialogs.show_info(self, title, _t(
                "{title}を作りました（{n} 件の記録）: {p}").format(title=title, n=records, p=path))

        self.runner.run(ExportKit(Path(path), passphrase, caseworker), parent=self,
                        on_done=done, title=title)

    def wipe_laptop(self) -> None:
        """On the laptop, once the office has imported the return kit: overwrite and delete
        the kit files and this working database, then quit."""
        if not dialogs.ask_confirm(self, _t("キットと作業用データの消去"), _t(
                "事務所で返却用キットを取り込んだことを確認しましたか？\n"
                "この端末の作業用データベースと、選んだキットのファイルを上書きしてから削除します。"
                "元に戻せません。")):
            return
        kits = preview.choose_open_paths(self, _t("消去するキットのファイル"),
                                         _t("出張用キット (*.tsunagi-kit)"))
        database = self.services.ctx.db.engine.url.database
        self.backup_timer.stop()
        self.runner.shutdown()
        self.services.ctx.db.close()
        targets = [Path(k) for k in kits] + ([Path(database)] if database else [])
        gone = OutreachService.wipe(targets)
        if database:
            (Path(database).parent / "tsunagi.keyinfo.json").unlink(missing_ok=True)
        log.info("outreach wipe: %d files", len(gone))
        dialogs.show_info(self, _t("消去しました"), _t(
            "{n} 個のファイルを上書きして削除しました。アプリを終了します。").format(n=len(gone)))
        self.wiped = True
        self.close()

    def import_kit(self) -> None:
        path = preview.choose_open_path(self, _t("返却用キットを選択"),
                                        _t("出張用キット (*.tsunagi-kit)"))
        if not path:
            return
        passphrase = passphrase_dialog(self, _t("出張キットの取込"), confirm=False)
        if not passphrase:
            return

        def show(plan: ImportPlan) -> None:
            OutreachImportDialog(self.services, self.actor, self.runner, Path(path),
                                 passphrase, plan, self).exec()

        self.runner.read(lambda: self.services.outreach.plan_import(
            self.actor, Path(path), passphrase), show,
            lambda exc: self.runner.present(exc, parent=self, title=_t("出張キットの取込")),
            owner=self)

    def import_ledger(self) -> None:
        path = preview.choose_open_path(self, _t("台帳ファイルを選択"),
                                        _t("台帳 (*.xlsx *.csv)"))
        if not path:
            return
        LedgerImportDialog(self.services, self.actor, self.runner, Path(path), self).exec()

    def make_exchange_sheet(self) -> None:
        exchange_dialog.make_sheet(self, self.services, self.actor, self.runner)

    def import_exchange_sheet(self) -> None:
        path = preview.choose_open_path(self, _t("記入された支援状況連絡票を選択"),
                                        _t("支援状況連絡票 (*.xlsx)"))
        if not path:
            return
        # The import is a command: the lists and open records reload from its Changes.
        ExchangeImportDialog(self.services, self.actor, self.runner, Path(path), self).exec()

    def export_ledger(self, fmt: str) -> None:
        filters = "Excel (*.xlsx)" if fmt == "xlsx" else "CSV (*.csv)"
        path = preview.choose_save_path(self, _t("就労支援台帳_{stamp}.{fmt}").format(
            stamp=f"{self.services.ctx.today():%Y%m%d}", fmt=fmt),
                                        _t("台帳を書き出す"), filters)
        if not path:
            return

        self.runner.run(ExportLedger(Path(path), fmt), parent=self, title=_t("台帳の書出し"),
                        on_done=lambda n: dialogs.show_info(
                            self, _t("台帳の書出し"), _t("{n}行を書き出しました: {p}").format(
                                n=f"{n:,}", p=path)))

    def save_template(self) -> None:
        path = preview.choose_save_path(self, _t("就労支援台帳_ひな形.xlsx"),
                                        _t("台帳のひな形を保存"), "Excel (*.xlsx)")
        if not path:
            return
        try:
            shutil.copyfile(resource_path("templates", "ledger_template.xlsx"), path)
        except OSError as exc:
            dialogs.show_error(self, _t("台帳のひな形"), _t(
                "保存できませんでした（{m}）").format(m=exc.strerror or exc))

    def current_filter(self) -> CaseloadFilter:
        return CaseloadFilter(states=self.state_filter.currentData(),
                              category=self.category_filter.currentData(),
                              caseworker_id=self.staff_filter.currentData(),
                              overdue_only=self.overdue_filter.isChecked())

    def reload_caseload(self) -> None:
        """Refresh the list or the search results in place (the current tab stays)."""
        if self.search.text().strip():
            self.run_search()
        else:
            self._show_model(self.caseload_model)
            self.caseload_model.reload(self.current_filter())

    def _show_model(self, model: QObject) -> None:
        if self.caseload_view.model() is model:
            return
        header = self.caseload_view.horizontalHeader()
        order = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.caseload_view.setModel(model)  # type: ignore[arg-type]
        header.setSortIndicator(*order)  # both lists sort by every column
        self.caseload_fit.refit()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def search_typed(self) -> None:
        """The search box changed: show the list with what is typed."""
        self.tabs.setCurrentIndex(1)
        self.run_search()

    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.reload_caseload()
            return

        def show(hits: list) -> None:  # type: ignore[type-arg]
            self.search_model.replace(hits)
            self._show_model(self.search_model)
            header = self.caseload_view.horizontalHeader()
            self.search_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self._set_count(1, _t("検索結果 {n} 件").format(n=len(hits)))

        # Typed on since: the older search's answer is dropped (same key). The list's
        # filters hold for the search too: a changed filter runs it again (reload_caseload).
        filters = self.current_filter()
        self.runner.read(lambda: self.services.search.search(self.actor, query,
                                                             filters=filters),
                         show, key="search", owner=self)

    def _open_from_list(self, index: object) -> None:
        row = self.caseload_view.model().row_at(index.row())  # type: ignore[attr-defined]
        self.open_person(row.person_id, episode_id=getattr(row, "episode_id", None))

    def _open_from_agenda(self, index: object) -> None:
        """The person, at the tab and episode the item is about (a check on 就職・定着,
        a next action on ケース記録, …)."""
        self.open_agenda_item(self.agenda_model.row_at(index.row()))  # type: ignore[attr-defined]

    def open_person(self, person_id: uuid.UUID, section: str | None = None,
                    episode_id: uuid.UUID | None = None,
                    item_id: uuid.UUID | None = None) -> PersonView:
        view = self.person_tabs.get(person_id)
        if view is None:
            view = PersonView(self.services, self.actor, self.runner, person_id)
            view.title_changed.connect(
                lambda title, v=view: self.tabs.setTabText(self.tabs.indexOf(v), title))
            self.person_tabs[person_id] = view
            self.tabs.addTab(view, _t("読み込み中…"))
        self.tabs.setCurrentWidget(view)
        view.show_section(section, episode_id, item_id)
        return view

    def open_agenda_item(self, item: AgendaItem) -> PersonView:
        """The person, at the tab and episode where the item is dealt with."""
        return self.open_person(item.person_id, AGENDA_SECTIONS[item.kind], item.episode_id,
                                item.item_id)

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if not isinstance(view, PersonView):
            return
        if view.dirty and not dialogs.ask_confirm(
                self, _t("未保存の変更"),
                _t("基本情報に保存していない変更があります。破棄して閉じますか？")):
            return
        self.tabs.removeTab(index)
        self.person_tabs.pop(view.person_id, None)
        view.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def intake(self) -> None:
        def open_dialog(staff: list[StaffChoice]) -> None:
            dialog = IntakeDialog(self.services, self.actor, self.runner, self, staff)
            if dialog.exec() and dialog.result_value is not None:
                person, _ = dialog.result_value
                self.open_person(person.id)
            elif dialog.existing is not None:  # 開く beside a possible duplicate
                self.open_person(dialog.existing)

        self.runner.read(lambda: self.services.persons.assignable_staff(self.actor),
                         open_dialog, owner=self)

    def change_password(self) -> None:
        def build(form: object) -> None:
            for name, text in (("old", _t("現在のパスワード")),
                               ("new", _t("新しいパスワード（8文字以上）")),
                               ("confirm", _t("新しいパスワード（確認）"))):
                form.text(name, text).setEchoMode(QLineEdit.EchoMode.Password)  # type: ignore[attr-defined]

        def submit(v: dict) -> ChangePassword:  # type: ignore[type-arg]
            if v["new"] != v["confirm"]:
                raise InvalidInput("confirm", _t("新しいパスワードが一致しません"))
            return ChangePassword(v["old"], v["new"])

        CommandDialog(self.runner, _t("パスワードの変更"), build, submit,
                      ok_text=_t("変更する"), parent=self).exec()

    def lock_now(self) -> None:
        """Ctrl+L or the menu: lock at once."""
        self.lock(idle=False)

    def lock(self, idle: bool = True) -> None:
        """Hide the data and ask for the password again (after idle minutes, or asked)."""
        self.idle_timer.stop()
        central = self.centralWidget()
        central.hide()
        dialog = LoginDialog(self.runner, locked_user=self.actor.username, parent=self,
                             idle=idle)
        result = dialog.exec()
        if result == LoginDialog.SWITCH_USER:
            # The data stays hidden: whoever declines to discard unsaved changes is
            # asked for the locked user's password again.
            if not self.log_out():
                self.lock(idle=False)
        elif result:
            central.show()
            self.idle_timer.start()
        else:
            self.close()

    def log_out(self) -> bool:
        """ログアウト: after the unsaved-changes question, the logout row (with the view
        audits still queued) is written and ``signed_out`` hands the PC to the sign-in
        window, the database still open; then this window closes. False when the person
        kept their unsaved changes."""
        if self.signing_out:
            return True
        if any(v.dirty for v in self.person_tabs.values()) and not dialogs.ask_confirm(
                self, _t("未保存の変更"),
                _t("保存していない変更があります。破棄してログアウトしますか？")):
            return False
        self.signing_out = True
        self.idle_timer.stop()
        self.backup_timer.stop()

        def done(_: None) -> None:
            self.signing_out = True
            # A dialog still open over the window (the first-run wizard under the lock
            # screen) is closed first, so that its exec() returns before the window goes.
            for dialog in self.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.reject()
            self.signed_out.emit(self.actor.username)  # the sign-in window first
            self.close()

        def failed(_: BaseException) -> bool:
            self.signing_out = False  # not signed out (busy: the message offers a retry)
            if self.centralWidget().isVisible():
                self.idle_timer.start()
            else:  # from the lock screen: locked again once the message is read
                QTimer.singleShot(0, lambda: self.lock(idle=False))
            return False

        self.runner.run(Logout(), parent=self, on_done=done, on_failed=failed,
                        title=_t("ログアウト"))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        finishing = not (getattr(self, "wiped", False) or self.signing_out)
        if finishing:  # (signing out asked already; the runner goes on for the next person)
            dirty = [v for v in self.person_tabs.values() if v.dirty]
            if dirty and not dialogs.ask_confirm(
                    self, _t("未保存の変更"),
                    _t("保存していない変更があります。破棄して終了しますか？")):
                event.ignore()
                return
        # A closed window neither locks nor backs up, however long its object outlives it
        # (the idle lock of a window closed but not yet deleted would open a sign-in dialog).
        self.idle_timer.stop()
        self.backup_timer.stop()
        if finishing:
            # Let queued writes finish (each is one transaction) and the view audits be written.
            self.runner.shutdown()
        event.accept()
