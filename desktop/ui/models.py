"""Item models for the caseload list, search results and today's agenda.

The caseload model fetches keyset pages lazily (canFetchMore/fetchMore) through the task
runner, so that 100,000 persons open as fast as one page does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import N_, translator
from desktop.services.caseload import SORT_KEYS, AgendaItem, CaseloadFilter, CaseloadRow
from desktop.services.context import Actor
from desktop.services.search import SearchHit
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, wareki

Index = QModelIndex | QPersistentModelIndex
PAGE = 200

STATE_COLOURS = {
    "candidate": "#6b7280", "screening": "#7c3aed", "consented": "#2563eb",
    "referred": "#0891b2", "active": "#059669", "placed": "#16a34a", "retention": "#15803d",
    "closed": "#9ca3af",
}
OVERDUE = QColor("#b91c1c")


_t = translator("Models")


class _Table(QAbstractTableModel):
    """Rows of frozen dataclasses; subclasses say how to show a row."""

    headers: Sequence[str] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return _t(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text by default: a narrow screen may show a long value cut short.
            tip = self.tooltip(row, index.column())
            return tip if tip is not None else self.display(row, index.column()) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def foreground(self, row: Any, column: int) -> QBrush | None:
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def replace(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()


COLUMNS = (N_("ケース番号"), N_("氏名"), N_("フリガナ"), N_("生年月日"), N_("対象者区分"),
           N_("状態"), N_("状態の日付"), N_("支援終了予定"), N_("担当"))


def _cells(row: CaseloadRow | SearchHit, name: str, kana: str) -> tuple[str, ...]:
    """The list's columns, the same for the caseload and for search results."""
    return (row.case_number, name, kana, wareki(row.birth_date),
            label("category", row.category), label("state", row.state),
            wareki(row.state_since), wareki(row.planned_end_on), row.caseworker_name)


def _dates_tooltip(row: CaseloadRow | SearchHit, column: int) -> str | None:
    dates = {3: row.birth_date, 6: row.state_since, 7: row.planned_end_on}
    value = dates.get(column)
    return value.isoformat() if isinstance(value, date) else None


def _state_colour(row: CaseloadRow | SearchHit, column: int) -> QBrush | None:
    if column == 5 and row.state:
        return QBrush(QColor(STATE_COLOURS.get(row.state, "#111827")))
    return None


class CaseloadModel(_Table):
    headers = COLUMNS
    # Every column sorts (the service walks an index for each).
    SORTABLE: ClassVar[dict[int, str]] = dict(enumerate(SORT_KEYS))
    loading_changed = Signal(bool)
    count_changed = Signal(int)

    def __init__(self, page: Callable[..., list[CaseloadRow]], count: Callable[..., int],
                 runner: TaskRunner, actor: Actor) -> None:
        super().__init__()
        self._page, self._count, self.runner, self.actor = page, count, runner, actor
        self.filters = CaseloadFilter()
        self.sort_key, self.descending = "kana", False
        self._exhausted = False
        self._loading = False
        self._generation = 0  # results of a superseded query are dropped

    def display(self, row: CaseloadRow, column: int) -> str:
        return _cells(row, row.name, row.kana)[column]

    def tooltip(self, row: CaseloadRow, column: int) -> str | None:
        return _dates_tooltip(row, column)

    def foreground(self, row: CaseloadRow, column: int) -> QBrush | None:
        return _state_colour(row, column)

    def reload(self, filters: CaseloadFilter | None = None) -> None:
        if filters is not None:
            self.filters = filters
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        generation = self._generation
        # The first page before the count: the rows are what a person waits for (the count
        # only fills the status bar, and takes longer on a large office).
        self.fetchMore(QModelIndex())
        filters = self.filters
        self.runner.read(lambda: self._count(self.actor, filters),
                         lambda n: generation == self._generation and self.count_changed.emit(n),
                         key=("caseload-count", id(self)), owner=self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is None:
            return
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.sort_key, self.descending) and self._generation:
            return  # the view re-announcing the order it already has
        self.sort_key, self.descending = wanted
        if self._generation:  # before the first load, the first load uses this order
            self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._loading = True
        self.loading_changed.emit(True)
        after = self.rows[-1].cursor if self.rows else None
        generation, filters = self._generation, self.filters
        sort_key, descending = self.sort_key, self.descending
        self.runner.read(
            lambda: self._page(self.actor, filters, sort_key, descending, after, PAGE),
            lambda page: self._append(generation, page),
            lambda exc: self._failed(generation, exc))

    def _append(self, generation: int, page: list[CaseloadRow]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.loading_changed.emit(False)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.loading_changed.emit(False)
        self.runner.present(exc)


class SearchModel(_Table):
    """Search results (at most a page): the list's columns, sorted here by any of them."""

    headers = COLUMNS

    def display(self, row: SearchHit, column: int) -> str:
        return _cells(row, f"{row.family_name} {row.given_name}",
                      f"{row.family_kana} {row.given_kana}")[column]

    def tooltip(self, row: SearchHit, column: int) -> str | None:
        return _dates_tooltip(row, column)

    def foreground(self, row: SearchHit, column: int) -> QBrush | None:
        return _state_colour(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        def key(row: SearchHit) -> tuple[Any, ...]:
            dates = {3: row.birth_date, 6: row.state_since, 7: row.planned_end_on}
            value = dates[column] if column in dates else self.display(row, column)
            return (value is None, str(value or ""), row.family_kana, row.given_kana)
        self.beginResetModel()
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()


class AgendaModel(_Table):
    headers = (N_("期限"), N_("種別"), N_("ケース番号"), N_("氏名"), N_("内容"))
    KINDS: ClassVar[dict[str, str]] = {"checkpoint": N_("定着確認"), "plan_review": N_("プラン見直し"),
             "waiting_referral": N_("HW回答待ち"), "hello_work_silent": N_("HW記録なし"),
             "hire_reported": N_("HW採用連絡"), "next_action": N_("次の対応"),
             "period_end": N_("支援期間終了")}

    @classmethod
    def kind_label(cls, kind: str) -> str:
        return _t(cls.KINDS[kind])

    def display(self, row: AgendaItem, column: int) -> str:
        due = wareki(row.due_on) + (_t("（期限超過）") if row.overdue else "")
        return (due, self.kind_label(row.kind), row.case_number, row.name, row.detail)[column]

    def foreground(self, row: AgendaItem, column: int) -> QBrush | None:
        return QBrush(OVERDUE) if row.overdue and column == 0 else None
