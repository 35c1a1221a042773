"""連携 → 会議の記録: 支援調整会議, ケース会議 and ハローワーク連絡会議 — the list, the meeting
dialog (organisations and attendees with the navigators, the cases discussed with a decision
each), and the printed 会議録. Every read and write goes through the task runner."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.japanese.wareki import DateParseError, parse_date
from desktop.services import Services
from desktop.services.commands import PrintMinutes, SaveMeeting
from desktop.services.context import Actor
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.labels import MEETING_KINDS
from desktop.services.meetings import (
    Attendee,
    AttendingOrganisation,
    CaseDecision,
    MeetingInput,
    MeetingRecord,
    MeetingSummary,
)
from desktop.services.offices import OfficeRecord
from desktop.services.permissions import EDITOR_ROLES
from desktop.services.printing import PrintedDocument
from desktop.services.search import SearchHit
from desktop.ui.admin_common import ListModel, list_view, refuse_or_report, selected
from desktop.ui.preview import PreviewDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, parenthesised, wareki
from desktop.ui.widgets import AREA_LINES, Form, fit_to_screen, show_lines, top_aligned

_t = translator("Meetings")


@dataclass(frozen=True)
class MeetingContext:
    """What the dialog offers: the actor's organisation and the Hello Work offices."""

    own: str
    offices: tuple[OfficeRecord, ...]


def _table(headers: list[str], name: str, editable: bool = True) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setMinimumHeight(120)
    return table


def _cell(text: str, data: Any = None, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


class MeetingDialog(QDialog):
    """A new meeting (``record`` None) or a correction of one. Saved in one service call;
    a refusal is shown in the dialog, which stays open. ``result_value`` is the record."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 context: MeetingContext, record: MeetingRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.context, self.record = context, record
        self.result_value: MeetingRecord | None = None
        self.found: list[SearchHit] = []
        self.setWindowTitle(_t("会議の記録") if record is None else _t("会議の記録の訂正"))
        self.setObjectName("meetingDialog")
        outer = QVBoxLayout(self)
        page = QWidget()
        layout = QVBoxLayout(page)

        self.form = Form()
        today = services.ctx.today()
        self.form.date("held_on", _t("開催日"), record.held_on if record else today)
        self.form.choice("kind", _t("会議の種類"), [(k, label("meeting", k)) for k in MEETING_KINDS],
                         record.kind if record else "coordination")
        self.form.text("title", _t("名称"), record.title if record else "").setPlaceholderText(
            _t("例: 6月定例"))
        self.form.text("place", _t("場所"), record.place if record else "")
        layout.addWidget(self.form)

        # 出席機関
        box = QGroupBox(_t("出席機関"))
        column = QVBoxLayout(box)
        self.organisations = _table([_t("区分"), _t("機関名")], "meetingOrganisations",
                                    editable=False)
        column.addWidget(self.organisations)
        row = QHBoxLayout()
        own = QPushButton(_t("当機関を追加"))
        own.setObjectName("addOwnOrganisation")
        own.clicked.connect(lambda: self.add_organisation(context.own, "own"))
        row.addWidget(own)
        self.office = QComboBox()
        self.office.setObjectName("meetingOffice")
        self.office.setAccessibleName(_t("ハローワーク"))
        for office in context.offices:
            self.office.addItem(office.name, office.name)
        row.addWidget(self.office, 1)
        add_office = QPushButton(_t("ハローワークを追加"))
        add_office.setObjectName("addOfficeOrganisation")
        add_office.clicked.connect(lambda: self.add_organisation(
            self.office.currentData() or "", "hello_work"))
        row.addWidget(add_office)
        column.addLayout(row)
        row = QHBoxLayout()
        self.other = QLineEdit()
        self.other.setObjectName("otherOrganisation")
        self.other.setPlaceholderText(_t("関係機関名（例: つなぎ市社会福祉協議会）"))
        self.other.setAccessibleName(_t("関係機関名"))
        row.addWidget(self.other, 1)
        add_other = QPushButton(_t("関係機関を追加"))
        add_other.setObjectName("addOtherOrganisation")
        add_other.clicked.connect(self._add_other)
        row.addWidget(add_other)
        remove = QPushButton(_t("選択した機関を外す"))
        remove.setObjectName("removeOrganisation")
        remove.clicked.connect(lambda: self._remove(self.organisations))
        row.addWidget(remove)
        column.addLayout(row)
        layout.addWidget(box)

        # 出席者
        box = QGroupBox(_t("出席者"))
        column = QVBoxLayout(box)
        self.attendees = _table([_t("所属"), _t("氏名"), _t("役割")], "meetingAttendees")
        column.addWidget(self.attendees)
        row = QHBoxLayout()
        self.attendee_org = QComboBox()
        self.attendee_org.setObjectName("attendeeOrganisation")
        self.attendee_org.setAccessibleName(_t("所属"))
        row.addWidget(self.attendee_org, 1)
        self.attendee_name = QLineEdit()
        self.attendee_name.setObjectName("attendeeName")
        self.attendee_name.setPlaceholderText(_t("氏名"))
        self.attendee_name.setAccessibleName(_t("出席者の氏名"))
        row.addWidget(self.attendee_name, 1)
        self.attendee_role = QLineEdit()
        self.attendee_role.setObjectName("attendeeRole")
        self.attendee_role.setPlaceholderText(_t("役割（例: 相談支援員）"))
        self.attendee_role.setAccessibleName(_t("出席者の役割"))
        row.addWidget(self.attendee_role, 1)
        add = QPushButton(_t("出席者を追加"))
        add.setObjectName("addAttendee")
        add.clicked.connect(self._add_attendee)
        row.addWidget(add)
        column.addLayout(row)
        row = QHBoxLayout()
        navigators = QPushButton(_t("ナビゲーターを追加"))
        navigators.setObjectName("addNavigators")
        navigators.setToolTip(_t("出席機関のハローワークの就職支援ナビゲーターを出席者に加えます"))
        navigators.clicked.connect(self.add_navigators)
        row.addWidget(navigators)
        me = QPushButton(_t("自分を追加"))
        me.setObjectName("addMyself")
        me.clicked.connect(lambda: self.add_attendee(context.own, actor.display_name,
                                                     label("role", actor.role)))
        row.addWidget(me)
        remove = QPushButton(_t("選択した出席者を外す"))
        remove.setObjectName("removeAttendee")
        remove.clicked.connect(lambda: self._remove(self.attendees))
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)
        layout.addWidget(box)

        # 検討したケース
        box = QGroupBox(_t("検討したケースと決定事項"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.person_search = QLineEdit()
        self.person_search.setObjectName("caseSearch")
        self.person_search.setPlaceholderText(_t("氏名・フリガナ・ケース番号"))
        self.person_search.setAccessibleName(_t("対象者の検索"))
        self.person_search.returnPressed.connect(self.search)
        row.addWidget(self.person_search, 1)
        find = QPushButton(_t("検索"))
        find.setObjectName("searchCase")
        find.clicked.connect(self.search)
        row.addWidget(find)
        self.hits = QComboBox()
        self.hits.setObjectName("caseHits")
        self.hits.setAccessibleName(_t("検索結果"))
        row.addWidget(self.hits, 2)
        add_case = QPushButton(_t("ケースを追加"))
        add_case.setObjectName("addCase")
        add_case.clicked.connect(self._add_hit)
        row.addWidget(add_case)
        column.addLayout(row)
        self.cases = _table([_t("対象者"), _t("決定事項"), _t("次回見直し")], "meetingCases")
        column.addWidget(self.cases)
        row = QHBoxLayout()
        remove = QPushButton(_t("選択したケースを外す"))
        remove.setObjectName("removeCase")
        remove.clicked.connect(lambda: self._remove(self.cases))
        row.addWidget(remove)
        self.hidden = QLabel()
        row.addWidget(self.hidden, 1)
        column.addLayout(row)
        layout.addWidget(box)
        self.note = QPlainTextEdit(record.note if record else "")
        self.note.setObjectName("meetingNote")
        self.note.setAccessibleName(_t("議事の概要"))
        self.note.setTabChangesFocus(True)
        show_lines(self.note, AREA_LINES)
        layout.addWidget(QLabel(_t("議事の概要")))
        layout.addWidget(self.note)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(top_aligned(page))
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_t("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        if record is None:
            self.add_organisation(context.own, "own")
            self.add_attendee(context.own, actor.display_name, label("role", actor.role))
        else:
            for org in record.organisations:
                self.add_organisation(org.name, org.side)
            for person in record.attendees:
                self.add_attendee(person.organisation, person.name, person.role)
            for case in record.cases:
                self.add_case(case.person_id, parenthesised(case.person_name, case.case_number),
                              case.decision, case.next_review_on)
            if record.hidden_cases:
                self.hidden.setText(_t("ほかに閲覧できないケースが {n} 件あります（そのまま残ります）").format(
                    n=record.hidden_cases))
        fit_to_screen(self, 980, 760)

    # ---------------------------------------------------------------- editing

    def add_organisation(self, name: str, side: str) -> None:
        name = " ".join(name.split())
        if not name or name in self._organisation_names():
            return
        row = self.organisations.rowCount()
        self.organisations.insertRow(row)
        self.organisations.setItem(row, 0, _cell(label("side", side), side, editable=False))
        self.organisations.setItem(row, 1, _cell(name, editable=False))
        self._organisations_changed()

    def _add_other(self) -> None:
        self.add_organisation(self.other.text(), "other")
        self.other.clear()

    def _organisation_names(self) -> list[str]:
        return [_text(self.organisations, r, 1) for r in range(self.organisations.rowCount())]

    def _organisations_changed(self) -> None:
        current = self.attendee_org.currentText()
        self.attendee_org.clear()
        self.attendee_org.addItems(self._organisation_names())
        index = self.attendee_org.findText(current)
        self.attendee_org.setCurrentIndex(max(0, index))

    def add_attendee(self, organisation: str, name: str, role: str = "") -> None:
        if not name.strip():
            return
        row = self.attendees.rowCount()
        self.attendees.insertRow(row)
        self.attendees.setItem(row, 0, _cell(organisation, editable=False))
        self.attendees.setItem(row, 1, _cell(name.strip()))
        self.attendees.setItem(row, 2, _cell(role.strip()))

    def _add_attendee(self) -> None:
        self.add_attendee(self.attendee_org.currentText(), self.attendee_name.text(),
                          self.attendee_role.text())
        self.attendee_name.clear()
        self.attendee_role.clear()

    def add_navigators(self) -> None:
        """The navigators of every Hello Work office attending, once each."""
        present = {(_text(self.attendees, r, 0), _text(self.attendees, r, 1))
                   for r in range(self.attendees.rowCount())}
        names = set(self._organisation_names())
        for office in self.context.offices:
            if office.name not in names:
                continue
            for navigator in office.navigators:
                if (office.name, navigator.name) not in present:
                    self.add_attendee(office.name, navigator.name, _t("就職支援ナビゲーター"))

    def add_case(self, person_id: uuid.UUID, shown: str, decision: str = "",
                 next_review: date | None = None) -> None:
        for r in range(self.cases.rowCount()):
            if self.cases.item(r, 0).data(Qt.ItemDataRole.UserRole) == person_id:
                return
        row = self.cases.rowCount()
        self.cases.insertRow(row)
        self.cases.setItem(row, 0, _cell(shown, person_id, editable=False))
        self.cases.setItem(row, 1, _cell(decision))
        self.cases.setItem(row, 2, _cell(wareki(next_review) if next_review else ""))

    def _remove(self, table: QTableWidget) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            table.removeRow(rows[0].row())
            if table is self.organisations:
                self._organisations_changed()

    def search(self) -> None:
        text = self.person_search.text().strip()
        if not text:
            return
        self.runner.read(lambda: self.services.search.search(self.actor, text, limit=30),
                         self._found, self._search_failed, key=("meeting-search", id(self)),
                         owner=self)

    def _search_failed(self, exc: BaseException) -> None:
        if not self._refused(exc):
            self.runner.present(exc, parent=self)

    def _found(self, hits: list[SearchHit]) -> None:
        self.found = hits
        self.hits.clear()
        for hit in hits:
            self.hits.addItem(parenthesised(f"{hit.family_name} {hit.given_name}", hit.case_number),
                              hit.person_id)
        if not hits:
            self.hits.addItem(_t("見つかりません"), None)

    def _add_hit(self) -> None:
        person_id = self.hits.currentData()
        if person_id is not None:
            self.add_case(person_id, self.hits.currentText())

    # ---------------------------------------------------------------- saving

    def data(self) -> MeetingInput:
        """What the dialog holds, as the service takes it (InvalidInput for a date it cannot
        read)."""
        values = self.form.values()
        if values is None:
            raise InvalidInput("held_on", _t("日付を確認してください"))
        sides = {_text(self.organisations, r, 1): self.organisations.item(r, 0).data(
            Qt.ItemDataRole.UserRole) for r in range(self.organisations.rowCount())}
        cases = []
        for r in range(self.cases.rowCount()):
            review_text = _text(self.cases, r, 2)
            try:
                review = parse_date(review_text) if review_text else None
            except DateParseError as exc:
                raise InvalidInput("cases", _t("{person}の次回見直し日: {problem}").format(
                    person=_text(self.cases, r, 0), problem=str(exc))) from None
            cases.append(CaseDecision(self.cases.item(r, 0).data(Qt.ItemDataRole.UserRole),
                                      _text(self.cases, r, 1), review))
        return MeetingInput(
            held_on=values["held_on"] or self.services.ctx.today(), kind=values["kind"],
            organisations=tuple(AttendingOrganisation(n, s) for n, s in sides.items()),
            attendees=tuple(Attendee(_text(self.attendees, r, 1), _text(self.attendees, r, 0),
                                     _text(self.attendees, r, 2))
                            for r in range(self.attendees.rowCount())),
            cases=tuple(cases), title=values["title"], place=values["place"],
            note=self.note.toPlainText())

    def save(self) -> None:
        self.error.clear()
        self.form.clear_errors()
        try:
            data = self.data()
        except InvalidInput as exc:
            self._refused(exc)
            return
        record = self.record
        command = (SaveMeeting(data) if record is None
                   else SaveMeeting(data, record.id, record.version))
        self.ok_button.setEnabled(False)
        self.runner.run(command, parent=self, on_done=self._saved, on_failed=self._refused)

    def _saved(self, record: MeetingRecord) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = record
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        """A refusal shown in the dialog (True: dealt with); anything else is left to
        present_error (the busy message with a retry, or the crash reporter)."""
        self.ok_button.setEnabled(True)
        if isinstance(exc, InvalidInput) and exc.field in self.form.fields:
            self.form.show_refusal(exc)
        elif isinstance(exc, DomainError):
            self.error.setText(exc.message)
        else:
            return False
        return True


def meeting_context(services: Services, actor: Actor) -> MeetingContext:
    """Read on the runner: the actor's organisation's name and the Hello Work offices."""
    own = next((o.name for o in services.organisations.organisations()
                if o.id == actor.organisation_id), "")
    return MeetingContext(own, tuple(services.offices.offices()))


class MeetingsDialog(QDialog):
    """The organisation's meetings, newest first, with counts only; open one to correct it
    or print its 会議録."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.setWindowTitle(_t("連携 — 会議の記録"))
        self.setObjectName("meetingsDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_t("支援調整会議・ケース会議・ハローワーク連絡会議の記録です。検討したケースの決定事項は、"
                          "それぞれの対象者のケース記録にも残ります。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ListModel(
            [_t("開催日"), _t("種類"), _t("名称"), _t("出席機関"), _t("出席者"), _t("ケース")],
            lambda m: (wareki(m.held_on), label("meeting", m.kind), m.title,
                       _t("、").join(m.organisation_names), _t("{n}人").format(n=m.attendees),
                       _t("{n}件").format(n=m.cases)))
        self.view = list_view(self.model, "meetingList")
        self.view.doubleClicked.connect(lambda _: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(_t("新しい会議…"))
        self.new_button.setObjectName("newMeeting")
        self.new_button.clicked.connect(self.new)
        self.new_button.setVisible(actor.role in EDITOR_ROLES)
        self.open_button = QPushButton(_t("開く・訂正…"))
        self.open_button.setObjectName("openMeeting")
        self.open_button.clicked.connect(self.open_selected)
        self.print_button = QPushButton(_t("会議録を印刷…"))
        self.print_button.setObjectName("printMinutes")
        self.print_button.clicked.connect(self.print_minutes)
        for button in (self.new_button, self.open_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(_t("閉じる"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 1000, 560)
        self.reload()

    def reload(self) -> None:
        self.runner.read(lambda: self.services.meetings.meetings(self.actor), self._loaded,
                         refuse_or_report(self, self.runner, _t("会議の記録")),
                         key=("meetings", id(self)), owner=self)

    def _loaded(self, meetings: list[MeetingSummary]) -> None:
        self.model.replace(meetings)
        self._selection()

    def _selection(self) -> None:
        chosen = selected(self.view) is not None
        self.open_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def _open(self, record: MeetingRecord | None) -> None:
        def show(context: MeetingContext) -> None:
            dialog = MeetingDialog(self.services, self.actor, self.runner, context, record, self)
            if dialog.exec():
                self.reload()

        self.runner.read(lambda: meeting_context(self.services, self.actor), show,
                         refuse_or_report(self, self.runner, _t("会議の記録")), owner=self)

    def new(self) -> None:
        self._open(None)

    def open_selected(self) -> None:
        summary = selected(self.view)
        if summary is None:
            return
        self.runner.read(lambda: self.services.meetings.meeting(self.actor, summary.id),
                         self._open, refuse_or_report(self, self.runner, _t("会議の記録")),
                         owner=self)

    def print_minutes(self) -> None:
        summary = selected(self.view)
        if summary is None:
            return

        def show(document: PrintedDocument) -> None:
            PreviewDialog(document, self).exec()

        self.runner.run(PrintMinutes(summary.id), parent=self, on_done=show,
                        title=_t("会議録"))
