"""Small reusable widgets: a 和暦 date field, forms that show errors beside the field, a
layout that wraps its buttons, and sizing windows to the screen they open on."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
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


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at (width, height), or smaller: what the screen it opens on has room
    for, its frame and title bar included (office laptops: 1024×700, or 1366×768 at 125%,
    which leaves about 1093×580)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    window.resize(max(200, min(width, room.width() - 16)),
                  max(150, min(height, room.height() - 40)))


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

    def area(self, name: str, label: str, value: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        # Three lines of the text size in use.
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 16)
        self.add(name, label, edit)
        return edit

    def date(self, name: str, label: str, value: date | None = None) -> DateEdit:
        edit = DateEdit(value)
        self.add(name, label, edit)
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

    def show_errors(self, errors: dict[str, str]) -> None:
        """Every message at once, each beside its field (the others cleared); the first
        field with a problem takes the focus."""
        for name, label in self.errors.items():
            label.show_message(errors.get(name, ""))
        general = [m for f, m in errors.items() if self.aliases.get(f, f) not in self.errors]
        self.general.show_message("\n".join(general))
        first = next((self.fields[self.aliases.get(f, f)] for f in errors
                      if self.aliases.get(f, f) in self.fields), None)
        if first is not None:
            first.setFocus()

    def set_error(self, field: str, message: str) -> None:
        """One field's message (empty to clear it), without moving the focus."""
        target = self.errors.get(self.aliases.get(field, field))
        if target is not None:
            target.show_message(message)

    def show_error(self, field: str, message: str) -> None:
        name = self.aliases.get(field, field)
        target = self.errors.get(name)
        (target or self.general).show_message(message)
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus()

    def values(self) -> dict[str, Any] | None:
        """All values, or None after showing every unreadable date beside its field."""
        self.clear_errors()
        result, unreadable = self.read()
        for name, message in unreadable.items():
            self.errors[name].show_message(message)
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
