"""Small reusable widgets: a 和暦 date field and forms that show errors beside the field."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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
        edit.setFixedHeight(64)
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
            combo.setCurrentIndex(max(0, combo.findData(current)))
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
        result: dict[str, Any] = {}
        ok = True
        for name, widget in self.fields.items():
            if isinstance(widget, DateEdit):
                try:
                    result[name] = widget.value()
                except DateParseError as exc:
                    self.errors[name].show_message(str(exc))
                    ok = False
            elif isinstance(widget, QLineEdit):
                result[name] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                result[name] = widget.toPlainText().strip()
            elif isinstance(widget, QComboBox):
                result[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                result[name] = widget.isChecked()
        return result if ok else None
