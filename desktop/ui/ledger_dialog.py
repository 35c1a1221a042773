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

from desktop.services import Services
from desktop.services.context import Actor
from desktop.services.errors import DomainError
from desktop.services.ledger import ImportResult, LedgerPreview
from desktop.ui import dialogs
from desktop.ui.tasks import TaskRunner

STATUS_COLOURS = {"new": "#1e7b34", "exists": "#666666", "rejected": "#b3261e"}


class LedgerImportDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.path = services, actor, runner, path
        self.result_value: ImportResult | None = None
        self.setWindowTitle(self.tr("台帳の取込 — {name}").format(name=path.name))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("ファイルを検査しています…"))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("agendaSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("行"), self.tr("結果"),
                                              self.tr("ケース番号"), self.tr("氏名"),
                                              self.tr("受付日"), self.tr("理由")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("支援要請先のハローワーク")))
        self.office = QComboBox()
        for office in services.offices.offices():
            self.office.addItem(office.name, office.id)
        row.addWidget(self.office)
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("取り込む"))
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.reject)
        row.addWidget(self.import_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1000, 600)
        runner.submit(lambda: services.ledger.preview(actor, path), self.show_preview,
                      self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.summary.setText(self.tr("取り込めません: {m}").format(m=exc.message))
            self.import_button.setEnabled(False)
        else:
            self.runner.report_unhandled(exc)

    def show_preview(self, preview: LedgerPreview) -> None:
        new, exists, rejected = (preview.count(s) for s in ("new", "exists", "rejected"))
        text = self.tr("{n}行: 取り込む {a}行・取込済み {b}行・誤りのある行 {c}行（{enc}）").format(
            n=len(preview.rows), a=new, b=exists, c=rejected, enc=preview.encoding)
        if preview.ignored_columns:
            text += "\n" + self.tr("使わない列: {cols}").format(
                cols="、".join(preview.ignored_columns))
        if rejected:
            text += "\n" + self.tr("誤りのある行は取り込まず、理由の一覧をファイルに書き出します。")
        self.summary.setText(text)
        labels = {"new": self.tr("取り込む"), "exists": self.tr("取込済み"),
                  "rejected": self.tr("誤り")}
        rows = sorted(preview.rows, key=lambda r: (r.status != "rejected", r.row))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells: list[Any] = [r.row, labels[r.status], r.case_number, r.name, r.intake_on,
                                "／".join(r.reasons)]
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
        needs_office = self.office.count() == 0
        self.import_button.setEnabled(new > 0)
        if needs_office:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "ハローワークが登録されていないため、支援要請日のある行は取り込めません。"))

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("取り込んでいます…"))
        office = self.office.currentData()
        self.runner.submit(lambda: self.services.ledger.import_file(
            self.actor, self.path, office_id=office), self.finished, self._failed)

    def finished(self, result: ImportResult) -> None:
        self.result_value = result
        text = self.tr("{a}行を取り込みました（対象者 {p}人・支援エピソード {e}件）。取込済みで飛ばした行: {s}").format(
            a=result.imported, p=result.persons, e=result.episodes, s=result.skipped)
        if result.rejected:
            text += "\n" + self.tr("取り込めなかった行: {r}（理由の一覧: {path}）").format(
                r=result.rejected, path=result.report)
        dialogs.show_info(self, self.tr("台帳の取込"), text)
        self.accept()
