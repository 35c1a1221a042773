"""Small reusable widgets: a 和暦 date field, forms that show errors beside the field, a
layout that wraps its buttons, sizing windows to the screen they open on, and list columns
sized to their headers and values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import current_language, shown_date, translator
from desktop.japanese.wareki import DateParseError, format_wareki, parse_date

_t = translator("Widgets")


class DateEdit(QLineEdit):
    """Accepts R7.4.1, 令和7年4月1日 or 2025-04-01; shows 和暦 once understood, 西暦 on hover."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_t("例: R7.4.1 / 令和7年4月1日 / 2025-04-01"))
        self.editingFinished.connect(self._normalise)
        if value is not None:
            self.set_value(value)

    def set_value(self, value: date | None) -> None:
        # Shown in the language's form; the other form on hover (和暦 ⇄ 西暦).
        if value is None:
            self.setText("")
            self.setToolTip("")
            return
        self.setText(shown_date(value))
        self.setToolTip(value.isoformat() if current_language() == "ja" else format_wareki(value))

    def value(self) -> date | None:
        """The date typed, None when empty; DateParseError (Japanese message) when unreadable."""
        text = self.text().strip()
        return parse_date(text) if text else None

    def _normalise(self) -> None:
        try:
            value = self.value()
        except DateParseError:
            return  # left as typed; the form shows the message on submit
        if value is not None:
            self.set_value(value)


def index_of(combo: QComboBox, value: Any) -> int:
    """The index of the item whose data equals ``value``, else -1. By value: findData
    compares Python objects (a UUID read in another query) by identity."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def owned_by(child: QObject, owner: QObject) -> None:
    """``child`` (a model made in Python) goes when ``owner`` goes. Qt keeps a connected
    Python slot alive; a lambda that refers to a window, connected to a signal of a model
    the window held only in Python, was a cycle the garbage collector cannot see, and the
    window lived on after it closed, with every record it had shown."""
    if child.parent() is None:
        child.setParent(owner)


def grow_to_messages(window: QWidget, labels: Iterable[QLabel]) -> None:
    """Grow ``window`` (within the screen) to the messages ``labels`` now show, instead of
    letting them squeeze the fields: a word-wrapped label's height at its width is not part
    of the window's minimum size, so a refusal was drawn in small type over the field below
    it (the sign-in window; the first-start dialog, found in the trial of 12-02)."""
    layout = window.layout()
    if layout is None:
        return
    for label in labels:
        box = label.parentWidget()
        width = label.width() or (box.width() if box is not None else 0) or window.width()
        label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)
        # Nested layouts learn of a new minimum only when their posted requests run:
        # settle them now, inside out, so that the window's minimum includes the messages.
        while box is not None and box is not window:
            if box.layout() is not None:
                box.layout().invalidate()  # type: ignore[union-attr]
                box.layout().activate()  # type: ignore[union-attr]
            box = box.parentWidget()
    layout.invalidate()
    layout.activate()
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    # Word-wrapped text elsewhere in the window (an introduction) takes its height at the
    # window's width, more than its minimum: ask the layout at that width.
    wanted = max(window.height(), layout.totalMinimumSize().height(),
                 layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else 0)
    window.resize(window.width(), min(wanted, room.height() - 40))


def _scroll_to(widget: QWidget) -> None:
    """The field a message is about, scrolled into view in the scroll area it is in (in a
    long dialog it stayed below the fold: the trial of 12-02)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 20, 60)


def _holds_focus(widget: QWidget) -> bool:
    """Whether the focus of ``widget``'s window (active or not) is in ``widget``."""
    focus = widget.window().focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def record_table(model: QObject, resize: QHeaderView.ResizeMode) -> QTableView:
    """A read-only table of records, owning its model, one row selected at a time. Tab
    leaves it for the next control (the arrow keys move within): Tab went from cell to
    cell, and a keyboard user could not get past a table (the new-office trial of 12-02)."""
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    owned_by(model, view)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(resize)
    return view


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at (width, height), or smaller: what the screen it opens on has room
    for, its frame and title bar included (office laptops: 1024×700, or 1366×768 at 125%,
    which leaves about 1093×580)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    window.resize(max(200, min(width, room.width() - 16)),
                  max(150, min(height, room.height() - 40)))


AREA_LINES = 4  # a note, a reason: four whole lines before it scrolls


def show_lines(edit: QPlainTextEdit, lines: int) -> None:
    """``edit`` exactly ``lines`` whole lines of its text size tall. Said in the widget's
    own style sheet: the application's ``min-height`` is applied again each time the
    widget is polished (when it joins a dialog) and overrode a fixed height, so a form
    short of room squeezed notes to one line. The style sheet's height is the text's
    (padding and border come on top): the lines and the document's margins."""
    height = (edit.fontMetrics().lineSpacing() * lines
              + round(2 * edit.document().documentMargin()) + 2)
    edit.setStyleSheet(f"QPlainTextEdit {{ min-height: {height}px; max-height: {height}px; }}")


class ColumnFitter(QObject):
    """Sizes a list's columns to what they hold: each as wide as its header and its widest
    value (``samples``: per column, the values it can hold, such as every state's label; and
    the values of the rows on screen), shrunk where the view is too narrow for all of them, but never
    below its header, so that every header stays readable; the last column takes what is
    left. ``give_way``: the columns cut first where the room runs out (a category before a
    state); a value cut short is whole in its tooltip. Fitted again when the view's width,
    its font (text size) or its rows change, until the person resizes a column by hand."""

    ROWS_SAMPLED = 60  # the rows on screen, at most

    def __init__(self, view: QTableView,
                 samples: Callable[[], dict[int, Iterable[str]]] = dict,
                 give_way: tuple[int, ...] = ()) -> None:
        super().__init__(view)
        self.view, self.samples, self.give_way = view, samples, give_way
        self.by_hand = False
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._resized)
        self.watch(view.model())

    def watch(self, model: Any) -> None:
        """Fit again when ``model`` (the view's, or one it is about to show) changes rows."""
        if model is not None:
            model.modelReset.connect(self._timer.start)
            model.rowsInserted.connect(self._timer.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self._timer.start()
        return False

    def refit(self) -> None:
        """Fit once the event loop is back (after a change of model, say)."""
        self._timer.start()

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # The last column stretches with the view by itself.
        last = self.view.horizontalHeader().count() - 1
        if not self._fitting and column != last and self.view.isVisible():
            self.by_hand = True

    def _rows_on_screen(self) -> range:
        first = max(0, self.view.rowAt(0))
        last = self.view.rowAt(self.view.viewport().height() - 1)
        if last < 0:
            last = self.view.model().rowCount() - 1
        return range(first, min(last + 1, first + self.ROWS_SAMPLED))

    def wanted(self) -> tuple[list[int], list[int]]:
        """Per column: the header's width (the least it may have) and the width it wants."""
        model, header = self.view.model(), self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        padding = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                     None, self.view) + 1) + 4
        floors, wants = [], []
        samples = self.samples()
        rows = self._rows_on_screen()
        for column in range(model.columnCount()):
            floor = header.sectionSizeHint(column)
            values = {*samples.get(column, ()),
                      *(str(model.index(r, column).data() or "") for r in rows)}
            floors.append(floor)
            wants.append(max([floor, *(metrics.horizontalAdvance(v) + padding
                                       for v in values if v)]))
        return floors, wants

    def fit(self) -> None:
        model = self.view.model()
        if self.by_hand or model is None or model.columnCount() == 0:
            return
        floors, wants = self.wanted()
        widths = shrunk(floors, wants, self.view.viewport().width(), self.give_way)
        self._fitting = True
        try:  # the last one too: the header stretches it from there, never below it
            for column, width in enumerate(widths):
                self.view.setColumnWidth(column, width)
        finally:
            self._fitting = False


def shrunk(floors: list[int], wants: list[int], room: int,
           first: tuple[int, ...] = ()) -> list[int]:
    """Widths that fit ``room``: the columns ``first`` give way before the others; among
    those giving way, the ones that want most beyond their floor give way first (every
    column's excess over its floor is capped at one level); none goes below its floor.
    When even the floors do not fit, the floors."""
    if sum(wants) <= room:
        return list(wants)
    if sum(floors) >= room:
        return list(floors)
    widths = list(wants)
    for group in (set(first), set(range(len(wants))) - set(first)):
        fixed = sum(w for i, w in enumerate(widths) if i not in group)
        slack = {i: widths[i] - floors[i] for i in group}
        if not slack:
            continue
        low, high = 0, max(slack.values())  # the largest cap with everything fitting
        while low < high:
            cap = (low + high + 1) // 2
            if fixed + sum(floors[i] + min(s, cap) for i, s in slack.items()) <= room:
                low = cap
            else:
                high = cap - 1
        for i, s in slack.items():
            widths[i] = floors[i] + min(s, low)
        if sum(widths) <= room:
            break
    return widths


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: shown whole where there is room, scrolled on a
    small screen instead of pushing the window's buttons off it."""
    area = QScrollArea()
    area.setObjectName("pageScroll")  # transparent: the page looks as it did unscrolled
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def top_aligned(form: QWidget) -> QWidget:
    """``form`` at the top of a page that may be taller than it (in a scroll area): the
    spare height goes below the last field, not between a label and its field."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(form)
    column.addStretch(1)
    return page


class FlowLayout(QLayout):
    """Buttons in a row that wraps onto the next line when the window is narrow (Qt's Flow
    Layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class Form(QWidget):
    """A form of named fields. ``values()`` reads them (dates parsed, errors shown inline);
    ``show_error(field, message)`` puts a service's message beside the field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.aliases: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.general = ErrorLabel(self)
        self.layout_.addRow(self.general)

    def add(self, name: str, label: str, widget: QWidget, *aliases: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel(box)
        column.addWidget(error)
        self.layout_.addRow(label, box)
        self.fields[name], self.errors[name] = widget, error
        self.labels[name] = label
        if label:  # what a screen reader says for the field (its visible label)
            widget.setAccessibleName(label.replace("&", ""))
        for alias in aliases:
            self.aliases[alias] = name
        widget.setObjectName(f"field_{name}")
        for signal in ("textChanged", "currentIndexChanged", "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(lambda *_: self.changed.emit())
        return widget

    def text(self, name: str, label: str, value: str = "", *aliases: str) -> QLineEdit:
        edit = QLineEdit(value)
        self.add(name, label, edit, *aliases)
        return edit

    def area(self, name: str, label: str, value: str = "",
             lines: int = AREA_LINES) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        show_lines(edit, lines)
        self.add(name, label, edit)
        return edit

    def date(self, name: str, label: str, value: date | None = None,
             *aliases: str) -> DateEdit:
        edit = DateEdit(value)
        self.add(name, label, edit, *aliases)
        return edit

    def choice(self, name: str, label: str, options: list[tuple[Any, str]],
               current: Any = None) -> QComboBox:
        combo = QComboBox()
        for key, text in options:
            combo.addItem(text, key)
        if current is not None:
            combo.setCurrentIndex(max(0, index_of(combo, current)))
        self.add(name, label, combo)
        return combo

    def check(self, name: str, label: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(label)
        box.setChecked(checked)
        self.add(name, "", box)
        return box

    def clear_errors(self) -> None:
        self.general.show_message("")
        for error in self.errors.values():
            error.show_message("")

    def fit_window(self) -> None:
        """Grow the dialog this form is in to the messages now shown (grow_to_messages)."""
        window = self.window()
        if isinstance(window, QDialog):
            grow_to_messages(window, [self.general, *self.errors.values()])

    def show_errors(self, errors: dict[str, str]) -> None:
        """Every message at once, each beside its field (the others cleared); the first
        field with a problem takes the focus."""
        for name, label in self.errors.items():
            label.show_message(errors.get(name, ""))
        general = [m for f, m in errors.items() if self.aliases.get(f, f) not in self.errors]
        self.general.show_message("\n".join(general))
        self.fit_window()
        first = next((self.fields[self.aliases.get(f, f)] for f in errors
                      if self.aliases.get(f, f) in self.fields), None)
        if first is not None:
            first.setFocus()
            _scroll_to(first)

    def set_error(self, field: str, message: str) -> None:
        """One field's message (empty to clear it), without moving the focus: the check
        as a field is left. A message cleared keeps its room until the whole form is
        checked again: the fields below moved up under the pointer as the person clicked
        the next one (the new-office trial of 12-02)."""
        target = self.errors.get(self.aliases.get(field, field))
        if target is None:
            return
        if message or target.isHidden():
            target.show_message(message)
            self.fit_window()
        else:
            target.setMinimumHeight(target.height())  # the room it had, lines and all
            target.setText("")

    def show_refusal(self, error: Exception) -> None:
        """A service's refusal: every field's problem beside its field when it names
        several (InvalidInput.problems), else its message beside its one field."""
        problems = getattr(error, "problems", None)
        if problems and len(problems) > 1:
            self.show_errors(problems)
        else:
            self.show_error(getattr(error, "field", ""), str(getattr(error, "message", error)))

    def show_error(self, field: str, message: str) -> None:
        """``message`` beside ``field`` (or above the form), the focus in that field. A
        refusal naming no field brings the focus back into the form when it was not there:
        it stayed on キャンセル (the OK button disabled while the command ran), so Enter
        threw the input away (the new-office trial of 12-02)."""
        name = self.aliases.get(field, field)
        target = self.errors.get(name)
        (target or self.general).show_message(message)
        self.fit_window()
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus()
            _scroll_to(widget)
        elif not _holds_focus(self):
            self.focus_first()

    def focus_first(self) -> None:
        """The focus to the first field that takes it."""
        for widget in self.fields.values():
            if widget.isEnabled() and widget.isVisibleTo(self) and (
                    widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus()
                return

    def values(self) -> dict[str, Any] | None:
        """All values, or None after showing every unreadable date beside its field."""
        self.clear_errors()
        result, unreadable = self.read()
        for name, message in unreadable.items():
            self.errors[name].show_message(message)
        if unreadable:
            self.fit_window()
        return None if unreadable else result

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """All values as typed (an unreadable date as None), and the message of each
        unreadable date; nothing shown."""
        result: dict[str, Any] = {}
        unreadable: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, DateEdit):
                try:
                    result[name] = widget.value()
                except DateParseError as exc:
                    result[name] = None
                    unreadable[name] = str(exc)
            elif isinstance(widget, QLineEdit):
                result[name] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                result[name] = widget.toPlainText().strip()
            elif isinstance(widget, QComboBox):
                result[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                result[name] = widget.isChecked()
        return result, unreadable


def fill_preview(table: QTableWidget, rows: list[tuple[str, list[Any]]]) -> None:
    """An import preview's table, one ``(colour, cells)`` per row: the file's row number
    first (right-aligned), the row's status second (in ``colour``), and the last column (the
    reasons or what will be recorded) stretched, its whole text in a tooltip."""
    table.setRowCount(len(rows))
    for i, (colour, cells) in enumerate(rows):
        for c, value in enumerate(cells):
            item = QTableWidgetItem(str(value))
            if c == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif c == 1:
                item.setForeground(QColor(colour))
            elif c == len(cells) - 1:
                item.setToolTip(str(value))
            table.setItem(i, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(table.columnCount() - 1,
                                                  QHeaderView.ResizeMode.Stretch)
