"""Pieces the 管理 screens and the first-run wizard share: a small list model, its table view,
and the forms for an organisation, a Hello Work office and a staff member."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QPlainTextEdit, QTableView, QWidget

from desktop.i18n import translator
from desktop.services.auth import initial_password
from desktop.services.errors import InvalidInput
from desktop.services.labels import OFFICE_KINDS, ORGANISATION_KINDS, ROLES
from desktop.services.offices import Navigator, OfficeInput, OfficeRecord
from desktop.services.organisations import OrganisationInput, OrganisationRecord
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label
from desktop.ui.widgets import Form, record_table

_t = translator("Admin")
_labels = translator("Labels")
Index = QModelIndex | QPersistentModelIndex


class ListModel(QAbstractTableModel):
    """Rows of frozen dataclasses shown through ``cells(row)`` (lists here are short: the
    organisations, offices and staff of one office)."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[str]]) -> None:
        super().__init__()
        self.headers = list(headers)
        self.cells = cells
        self.rows: list[Any] = []

    def replace(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self.cells(row)[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


def list_view(model: ListModel, name: str) -> QTableView:
    view = record_table(model, QHeaderView.ResizeMode.ResizeToContents)
    view.setObjectName(name)

    def first_row() -> None:
        # 編集… with nothing selected did nothing and said nothing (the new-office trial
        # of 12-02): a filled list starts with its first row selected.
        if model.rowCount() and not view.selectionModel().hasSelection():
            view.selectRow(0)

    model.modelReset.connect(first_row)
    model.rowsInserted.connect(first_row)
    return view


def selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return view.model().data(rows[0], Qt.ItemDataRole.UserRole) if rows else None


def refuse_or_report(parent: QWidget, runner: TaskRunner, title: str) -> Callable[[BaseException], None]:
    """An on_error for a read: present_error (a refusal in a message box titled ``title``,
    anything else to the crash reporter)."""
    def failed(exc: BaseException) -> None:
        runner.present(exc, parent=parent, title=title)
    return failed


def temporary_password() -> str:
    """An initial password for a new colleague or a reset: told to them once, changed at
    their first sign-in."""
    return initial_password()


# ---------------------------------------------------------------- organisation


def organisation_fields(form: Form, record: OrganisationRecord | None = None) -> None:
    form.choice("kind", _t("種別"), [(k, _labels(v)) for k, v in ORGANISATION_KINDS.items()],
                record.kind if record else "welfare_office")
    form.text("name", _t("正式名称"), record.name if record else "").setPlaceholderText(
        _t("例: 横浜市中区福祉保健センター"))
    form.text("head_title", _t("長の職名"), record.head_title if record else "").setPlaceholderText(
        _t("例: 中区福祉保健センター長"))
    form.text("head_name", _t("長の氏名"), record.head_name if record else "")
    form.text("postal_code", _t("郵便番号"), record.postal_code if record else "")
    form.text("address", _t("所在地"), record.address if record else "")
    form.text("phone", _t("電話"), record.phone if record else "")
    form.text("fax", _t("FAX"), record.fax if record else "")
    form.text("section", _t("担当課・係"), record.section if record else "").setPlaceholderText(
        _t("例: 生活支援課 就労支援担当（送付書と担当者欄に印刷）"))
    form.text("doc_symbol", _t("文書記号"), record.doc_symbol if record else "").setPlaceholderText(
        _t("例: 中福（文書番号は「中福第○○号」。年度ごとに1から）"))
    form.check("seal_omitted", _t("公印省略（書類に「公印省略」と印刷。外すと押印欄を印刷）"),
               record.seal_omitted if record else True)


def organisation_input(v: dict[str, Any]) -> OrganisationInput:
    return OrganisationInput(
        name=v["name"], kind=v["kind"], head_title=v["head_title"], head_name=v["head_name"],
        postal_code=v["postal_code"], address=v["address"], phone=v["phone"], fax=v["fax"],
        doc_symbol=v["doc_symbol"], seal_omitted=bool(v["seal_omitted"]), section=v["section"])


# ---------------------------------------------------------------- Hello Work office

_PHONE_AT_END = re.compile(r"^(.*?)\s+([0-9][0-9()-]{8,})$")


def parse_navigators(text: str) -> tuple[Navigator, ...]:
    """One navigator a line: 「田島 聡子 045-663-8610」, 「田島 聡子：045-…」 or a name alone
    (full-width digits, colons and spaces read as half-width)."""
    found = []
    for line in text.splitlines():
        line = unicodedata.normalize("NFKC", line).strip()
        if not line:
            continue
        if ":" in line:
            name, _, phone = line.partition(":")
        elif m := _PHONE_AT_END.match(line):
            name, phone = m[1], m[2]
        else:
            name, phone = line, ""
        found.append(Navigator(name.strip(), phone.strip()))
    return tuple(found)


def office_fields(form: Form, record: OfficeRecord | None = None) -> None:
    form.text("name", _t("通称"), record.name if record else "").setPlaceholderText(
        _t("例: ハローワーク横浜（同意書に書く名前）"))
    form.text("official_name", _t("正式名称"), record.official_name if record else ""
              ).setPlaceholderText(_t("例: 横浜公共職業安定所"))
    form.text("head_title", _t("所長の職名（支援要請書の宛先）"), record.head_title if record else ""
              ).setPlaceholderText(_t("例: 横浜公共職業安定所長"))
    form.choice("kind", _t("種別"), [(k, _labels(v)) for k, v in OFFICE_KINDS.items()],
                record.kind if record else "main")
    form.text("postal_code", _t("郵便番号"), record.postal_code if record else "")
    form.text("address", _t("所在地"), record.address if record else "")
    form.text("phone", _t("電話"), record.phone if record else "")
    navigators = form.area("navigators", _t("就職支援ナビゲーター"), "\n".join(
        f"{n.name} {n.phone}".strip() for n in record.navigators) if record else "")
    navigators.setPlaceholderText(_t("1行に1人: 田島 聡子 045-663-8610"))
    assert isinstance(navigators, QPlainTextEdit)


def office_input(v: dict[str, Any]) -> OfficeInput:
    return OfficeInput(
        name=v["name"], official_name=v["official_name"], head_title=v["head_title"],
        kind=v["kind"], postal_code=v["postal_code"], address=v["address"], phone=v["phone"],
        navigators=parse_navigators(v["navigators"]))


# ---------------------------------------------------------------- staff


def role_choices() -> list[tuple[str, str]]:
    return [(k, label("role", k)) for k in ROLES]


def staff_fields(form: Form, organisations: Sequence[OrganisationRecord],
                 default_organisation: Any = None, with_username: bool = True) -> None:
    if with_username:
        form.text("username", _t("ユーザー名（半角英数字）"))
    form.text("display_name", _t("表示名（氏名）"))
    form.choice("role", _t("権限"), role_choices(), "caseworker")
    form.choice("organisation", _t("所属"), [(o.id, o.name) for o in organisations],
                default_organisation)
    form.text("phone_extension", _t("内線"))


def required_text(v: dict[str, Any], name: str, message: str) -> str:
    value = str(v.get(name) or "").strip()
    if not value:
        raise InvalidInput(name, message)
    return value
