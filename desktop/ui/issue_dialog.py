"""The print dialog of a numbered document (支援要請書, 一式, 連絡票, 支援終了の連絡): the
texts the caseworker may change beside the page as it would be issued, its number left
open. 「発行」 takes the next number of the organisation's register; nothing is numbered
before that."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services.commands import DraftDocument, IssueDocument
from desktop.services.labels import REQUESTED_SUPPORT, shown
from desktop.services.printing import IssueOptions, PrintDraft, PrintedDocument
from desktop.ui.preview import PreviewDialog, render_pages
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Form, fit_to_screen, top_aligned

_t = translator("IssueDialog")


class IssueDialog(QDialog):
    """Shows ``draft``; 「プレビューを更新」 redraws it with the texts as edited, 「発行」
    issues it (``document`` then holds what was issued)."""

    def __init__(self, draft: PrintDraft, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.runner = draft, runner
        self.document: PrintedDocument | None = None
        self.setWindowTitle(_t("発行前の確認 — {title}").format(
            title=_t(PreviewDialog.TITLES.get(draft.kind, ""))))
        layout = QVBoxLayout(self)
        intro = QLabel(_t("宛先: {addressee}。文書番号は「発行」したときに付きます。"
                          "内容を確かめ、必要なら書き直してから発行してください。").format(
                              addressee=draft.addressee))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.form = Form()
        self._build(draft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(top_aligned(self.form))
        scroll.setMinimumWidth(360)
        body.addWidget(scroll, 2)
        # A document with nothing to write in it (支援終了・同意撤回の連絡) shows its page
        # alone: the texts' pane stood empty (the new-office trial of 12-02).
        scroll.setVisible(bool(draft.fields))
        self.pages = QScrollArea()
        self.pages.setWidgetResizable(True)
        self.pages.setObjectName("issuePreview")
        body.addWidget(self.pages, 3)
        layout.addLayout(body, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.refresh_button = QPushButton(_t("プレビューを更新"))
        self.refresh_button.setObjectName("refreshDraft")
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.setVisible(bool(draft.fields))
        self.issue_button = QPushButton(_t("発行"))
        self.issue_button.setObjectName("primary")
        self.issue_button.clicked.connect(self.issue)
        cancel = QPushButton(_t("キャンセル"))
        cancel.clicked.connect(self.reject)
        for button in (self.refresh_button, self.issue_button, cancel):
            row.addWidget(button)
        layout.addLayout(row)
        self._show(draft)
        fit_to_screen(self, 1100, 900)

    def _build(self, draft: PrintDraft) -> None:
        options, fields = draft.options, draft.fields
        if "progress" in fields:
            self.form.area("progress", _t("支援経過"), options.progress, lines=8)
        if "requested" in fields:
            for key, text in REQUESTED_SUPPORT.items():
                self.form.check(f"requested_{key}", shown(text), key in options.requested)
        if "period" in fields:
            self.form.date("period_from", _t("支援期間（から）"), options.period_from)
            self.form.date("period_until", _t("支援期間（まで）"), options.period_until)
        if "notes" in fields:
            self.form.area("notes", _t("特記事項"), options.notes)

    def options(self) -> IssueOptions | None:
        values = self.form.values()
        if values is None:
            return None
        return self._options(values)

    def _options(self, values: dict[str, Any]) -> IssueOptions:
        fields, current = self.draft.fields, self.draft.options
        return replace(
            current,
            progress=values["progress"] if "progress" in fields else current.progress,
            requested=tuple(k for k in REQUESTED_SUPPORT if values.get(f"requested_{k}"))
            if "requested" in fields else current.requested,
            period_from=values["period_from"] if "period" in fields else current.period_from,
            period_until=values["period_until"] if "period" in fields
            else current.period_until,
            notes=values["notes"] if "notes" in fields else current.notes)

    def _show(self, draft: PrintDraft) -> None:
        pages = QWidget()
        column = QVBoxLayout(pages)
        for image in render_pages(draft.document.pdf, 1.0):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setObjectName("draftPage")
            column.addWidget(label)
        self.pages.setWidget(pages)

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.issue_button.setEnabled(not busy)

    def refresh(self) -> None:
        options = self.options()
        if options is None:
            return
        self._busy(True)
        self.runner.run(DraftDocument(self.draft.kind, self.draft.episode_id, options),
                        parent=self, on_done=self._drafted, on_failed=self._refused,
                        form=self.form)

    def _drafted(self, draft: PrintDraft) -> None:
        self._busy(False)
        self.draft = draft
        self._show(draft)

    def issue(self) -> None:
        options = self.options()
        if options is None:
            return
        self._busy(True)
        self.runner.run(IssueDocument(self.draft.kind, self.draft.episode_id, options),
                        parent=self, on_done=self._issued, on_failed=self._refused,
                        form=self.form)

    def _issued(self, document: PrintedDocument) -> None:
        self._busy(False)
        self.document = document
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        """The button back; the message goes beside its field (present_error)."""
        self._busy(False)
        return False
