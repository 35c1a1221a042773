"""台帳の取込: choose a file, see what would happen to every row, then import.

The preview and the import run on the task runner; nothing is written until the person
presses 取り込む, and then all good rows are written in one transaction by the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
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
from desktop.services.commands import ImportLedger
from desktop.services.context import Actor
from desktop.services.errors import DatabaseBusy, DomainError
from desktop.services.ledger import ImportResult, LedgerPreview
from desktop.services.offices import OfficeRecord
from desktop.ui import dialogs
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import fit_to_screen

_t = translator("LedgerDialog")

STATUS_COLOURS = {"new": "#1e7b34", "exists": "#666666", "rejected": "#b3261e"}


class LedgerImportDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.path = services, actor, runner, path
        self.result_value: ImportResult | None = None
        self.setWindowTitle(_t("台帳の取込 — {name}").format(name=path.name))
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t("ファイルを検査しています…"))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("agendaSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([_t("行"), _t("結果"),
                                              _t("ケース番号"), _t("氏名"),
                                              _t("受付日"), _t("理由")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.create_offices = QCheckBox()
        self.create_offices.setObjectName("createOffices")
        self.create_offices.hide()
        self.create_offices.toggled.connect(lambda _: self._can_import())
        layout.addWidget(self.create_offices)
        row = QHBoxLayout()
        self.office_label = QLabel(_t("支援要請先が書かれていない行のハローワーク"))
        row.addWidget(self.office_label)
        self.office = QComboBox()
        self.office.setObjectName("defaultOffice")
        row.addWidget(self.office)
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
        fit_to_screen(self, 1000, 600)
        self.offices: list[OfficeRecord] | None = None
        self.preview: LedgerPreview | None = None
        runner.read(lambda: (services.offices.offices(), services.ledger.preview(actor, path)),
                    self._previewed, self._preview_failed, owner=self)

    def _preview_failed(self, exc: BaseException) -> None:
        if not self._refused(exc):
            self.runner.present(exc, parent=self, title=_t("台帳の取込"))

    def _import_failed(self, exc: BaseException) -> bool:
        self._can_import()
        return self._refused(exc)  # else present_error: busy (with a retry) or a crash

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError) and not isinstance(exc, DatabaseBusy):
            self.summary.setText(_t("取り込めません: {m}").format(m=exc.message))
            self.import_button.setEnabled(False)
            return True
        return False

    def _previewed(self, data: tuple[list[OfficeRecord], LedgerPreview]) -> None:
        self.offices, preview = data
        self.office.clear()
        for office in self.offices:
            self.office.addItem(office.name, office.id)
        self.show_preview(preview)

    def show_preview(self, preview: LedgerPreview) -> None:
        new, exists, rejected = (preview.count(s) for s in ("new", "exists", "rejected"))
        text = _t("{n}行: 取り込む {a}行・取込済み {b}行・誤りのある行 {c}行（{enc}）").format(
            n=len(preview.rows), a=new, b=exists, c=rejected, enc=preview.encoding)
        if preview.ignored_columns:
            text += "\n" + _t("使わない列: {cols}").format(
                cols=listing(preview.ignored_columns))
        if rejected:
            text += "\n" + _t("誤りのある行は取り込まず、理由の一覧をファイルに書き出します。")
        self.summary.setText(text)
        labels = {"new": _t("取り込む"), "exists": _t("取込済み"),
                  "rejected": _t("誤り")}
        rows = sorted(preview.rows, key=lambda r: (r.status != "rejected", r.row))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells: list[Any] = [r.row, labels[r.status], r.case_number, r.name, r.intake_on,
                                _t("／").join(r.reasons)]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if c == 1:
                    item.setForeground(QColor(STATUS_COLOURS[r.status]))
                if c == 5:
                    item.setToolTip(str(value))
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.preview = preview
        self.office.setVisible(preview.needs_default_office)
        self.office_label.setVisible(preview.needs_default_office)
        if preview.unknown_offices:
            self.create_offices.setText(_t("台帳にある未登録のハローワークを登録して取り込む: {names}").format(
                names=listing(preview.unknown_offices)))
            self.create_offices.show()
        if preview.needs_default_office and self.office.count() == 0:
            self.summary.setText(self.summary.text() + "\n" + _t(
                "ハローワークが登録されていないため、支援要請日のある行は取り込めません"
                "（管理 → ハローワーク で登録してください）。"))
        self._can_import()

    def _can_import(self) -> None:
        preview = self.preview
        ready = preview is not None and preview.count("new") > 0 and (
            not preview.unknown_offices or self.create_offices.isChecked()) and (
            not preview.needs_default_office or self.office.count() > 0)
        self.import_button.setEnabled(ready)

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(_t("取り込んでいます…"))
        needs = self.preview is not None and self.preview.needs_default_office
        office = self.office.currentData() if needs else None
        create = self.create_offices.isChecked()
        self.runner.run(ImportLedger(self.path, office, create), parent=self,
                        on_done=self.finished, on_failed=self._import_failed)

    def finished(self, result: ImportResult) -> None:
        self.result_value = result
        text = _t("{a}行を取り込みました（対象者 {p}人・支援エピソード {e}件）。取込済みで飛ばした行: {s}").format(
            a=result.imported, p=result.persons, e=result.episodes, s=result.skipped)
        if result.rejected:
            text += "\n" + _t("取り込めなかった行: {r}（理由の一覧: {path}）").format(
                r=result.rejected, path=result.report)
        dialogs.show_info(self, _t("台帳の取込"), text)
        self.accept()
