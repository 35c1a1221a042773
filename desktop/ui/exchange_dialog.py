"""支援状況連絡票: make the sheet for one Hello Work office, and bring a filled one back — see
what every row would do, then import.

The offices and the preview are read on the task runner's read lane; nothing is written
until the person presses 取り込む, and then a command (ImportExchangeSheet) writes every good
row in one transaction.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import listing, translator
from desktop.services import Services
from desktop.services.commands import ExportExchangeSheet, ImportExchangeSheet
from desktop.services.context import Actor
from desktop.services.errors import DatabaseBusy, DomainError
from desktop.services.hello_work import ExchangePreview, ExchangeResult, ExchangeSheet
from desktop.services.offices import OfficeRecord
from desktop.ui import dialogs, preview
from desktop.ui.forms import ActionDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, wareki
from desktop.ui.widgets import Form, fit_to_screen

_t = translator("ExchangeDialog")

STATUS_COLOURS = {"add": "#1e7b34", "update": "#1e5f9e", "duplicate": "#666666",
                  "rejected": "#b3261e"}


def status_text(status: str, proposal: bool = False) -> str:
    texts = {"add": _t("追加"), "update": _t("更新"), "duplicate": _t("取込済み"),
             "rejected": _t("誤り")}
    text = texts[status]
    return _t("{status}（就職の提案）").format(status=text) if proposal else text


def make_sheet(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner) -> None:
    """The offices are read on the read lane; then choose one and where to save, and the
    sheet is built and saved by a command on the write lane (audited as an export)."""

    def chosen_offices(offices: list[OfficeRecord]) -> None:
        if not offices:
            dialogs.show_error(parent, _t("支援状況連絡票"), _t("ハローワークが登録されていません"))
            return
        _choose(parent, services, runner, offices)

    runner.read(services.offices.offices, chosen_offices, owner=parent)


def _choose(parent: QWidget, services: Services, runner: TaskRunner,
            offices: list[OfficeRecord]) -> None:
    chosen: dict[str, uuid.UUID] = {}

    def build(form: Form) -> None:
        form.choice("office", _t("ハローワーク"), [(o.id, o.name) for o in offices])

    dialog = ActionDialog(_t("支援状況連絡票を作る"), build,
                          lambda values: chosen.setdefault("office", values["office"]),
                          _t("そのハローワークへの支援中の支援要請（情報提供の同意があるもの）を一覧にした Excel を作ります。"
                             "ナビゲーターに記入してもらい、記入後のファイルを取り込みます。"),
                          ok_text=_t("次へ"), parent=parent)
    if not dialog.exec() or "office" not in chosen:
        return
    office = next(o for o in offices if o.id == chosen["office"])
    stamp = f"{services.ctx.today():%Y%m%d}"
    path = preview.choose_save_path(parent, _t("支援状況連絡票_{office}_{stamp}.xlsx").format(
        office=office.name, stamp=stamp), _t("支援状況連絡票を保存"), "Excel (*.xlsx)")
    if not path:
        return

    def done(sheet: ExchangeSheet) -> None:
        text = _t("{n} 件の支援要請を書き出しました: {path}").format(n=sheet.listed, path=path)
        if sheet.left_out:
            text += "\n" + _t("情報提供の同意が有効でない {n} 件は載せていません。").format(
                n=sheet.left_out)
        dialogs.show_info(parent, _t("支援状況連絡票"), text)

    runner.run(ExportExchangeSheet(office.id, Path(path)), parent=parent, on_done=done,
               title=_t("支援状況連絡票"))


class ExchangeImportDialog(QDialog):
    """The filled sheet, row by row: 追加 / 更新 / 取込済み / 誤り (with the reason)."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.path = services, actor, runner, path
        self.preview: ExchangePreview | None = None
        self.result_value: ExchangeResult | None = None
        self.setWindowTitle(_t("支援状況連絡票の取込 — {name}").format(name=path.name))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("ハローワーク")))
        self.office = QComboBox()
        self.office.setObjectName("exchangeOffice")
        self.office.addItem(_t("（連絡票に書かれたハローワーク）"), None)
        top.addWidget(self.office)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary = QLabel(_t("ファイルを検査しています…"))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("agendaSummary")
        layout.addWidget(self.summary)
        headers = [_t("行"), _t("結果"), _t("支援要請番号"), _t("ケース番号"), _t("氏名"),
                   _t("種別"), _t("日付"), _t("内容（誤りはその理由）")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("exchangeRows")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(_t("取り込む"))
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.reject)
        row.addWidget(self.import_button)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1100, 600)
        runner.read(services.offices.offices, self._offices_loaded, self._preview_failed,
                    owner=self)

    def _offices_loaded(self, offices: list[OfficeRecord]) -> None:
        for office in offices:
            self.office.addItem(office.name, office.id)
        self.office.currentIndexChanged.connect(self.load_preview)
        self.load_preview()

    def _office_id(self) -> uuid.UUID | None:
        value: Any = self.office.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def load_preview(self) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(_t("ファイルを検査しています…"))
        office_id = self._office_id()
        self.runner.read(lambda: self.services.hello_work.preview_exchange(
            self.actor, self.path, office_id), self.show_preview, self._preview_failed,
            key=("exchange-preview", id(self)), owner=self)

    def _preview_failed(self, exc: BaseException) -> None:
        if not self._refused(exc):
            self.runner.present(exc, parent=self, title=_t("支援状況連絡票の取込"))

    def _import_failed(self, exc: BaseException) -> bool:
        return self._refused(exc)  # else present_error: busy (with a retry) or a crash

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError) and not isinstance(exc, DatabaseBusy):
            self.summary.setText(_t("取り込めません: {m}").format(m=exc.message))
            self.table.setRowCount(0)
            self.import_button.setEnabled(False)
            return True
        return False

    def show_preview(self, preview: ExchangePreview) -> None:
        self.preview = preview
        counts = {s: preview.count(s) for s in ("add", "update", "duplicate", "rejected")}
        text = _t("{office}: 追加 {add}行（うち就職の提案 {p}）・更新 {update}行・取込済み {dup}行・誤り {bad}行。記入のない行 {blank}行は飛ばします。").format(
            office=preview.office_name, add=counts["add"], p=preview.proposals,
            update=counts["update"], dup=counts["duplicate"], bad=counts["rejected"],
            blank=preview.blank)
        if counts["rejected"]:
            text += "\n" + _t("誤りのある行は取り込みません。連絡票を直して、もう一度取り込めます。")
        self.summary.setText(text)
        rows = sorted(preview.rows, key=lambda r: (r.status != "rejected", r.row))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells: list[Any] = [r.row, status_text(r.status, r.proposal), r.referral_number,
                                r.case_number, r.name, label("activity", r.kind),
                                wareki(r.on),
                                listing(r.reasons) if r.status == "rejected" else r.summary]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if c == 1:
                    item.setForeground(QColor(STATUS_COLOURS[r.status]))
                if c == 7:
                    item.setToolTip(str(value))
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.import_button.setEnabled(counts["add"] + counts["update"] > 0)

    def run_import(self) -> None:
        if self.preview is None:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(_t("取り込んでいます…"))
        self.runner.run(ImportExchangeSheet(self.path, self.preview.office_id), parent=self,
                        on_done=self.finished, on_failed=self._import_failed)

    def finished(self, result: ExchangeResult) -> None:
        self.result_value = result
        text = _t("{n} 件のハローワークの支援を記録しました（就職の提案 {p} 件・求職番号などの更新 {u} 件）。").format(
            n=result.added, p=result.proposals, u=result.updated)
        if result.proposals:
            text += "\n" + _t("採用の連絡は「今日の予定」と対象者の画面に出ます。就職として記録してください。")
        if result.rejected:
            text += "\n" + _t("取り込めなかった行: {n}").format(n=result.rejected)
        dialogs.show_info(self, _t("支援状況連絡票の取込"), text)
        self.accept()
