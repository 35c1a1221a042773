"""新規受付: register a person and open their first episode, warning about likely duplicates
(same reading and birth date) before anything is saved: the warning sits above the form,
where it is seen, with a button to open each existing record instead."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.japanese.wareki import DateParseError, fiscal_year_of
from desktop.services import Services
from desktop.services.commands import Intake, PossibleDuplicates
from desktop.services.context import Actor
from desktop.services.errors import InvalidInput
from desktop.services.permissions import allowed
from desktop.services.persons import (
    CaseNumberHint,
    DuplicateCandidate,
    PersonInput,
    StaffChoice,
)
from desktop.ui.forms import CommandDialog, required
from desktop.ui.person_view import add_person_fields, check_person_form, watch_person_fields
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import parenthesised, wareki
from desktop.ui.widgets import Form

_t = translator("Intake")


NOT_CHOSEN, UNASSIGNED = "", "none"


class IntakeDialog(CommandDialog):
    """The look-alikes are looked up (on the read lane) as the reading and birth date are
    typed, and again by the Intake command itself before it writes; the caseworker confirms
    that the ones shown are other people, or opens one of them instead.

    ``staff``: whom the case can be given to (a caseworker: only themselves); an
    administrator or supervisor must choose the 担当, or say there is none yet."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None, staff: list[StaffChoice] | None = None) -> None:
        self.services, self.actor = services, actor
        self.staff = staff or []
        self.duplicates: list[DuplicateCandidate] = []
        self.existing: uuid.UUID | None = None  # 開く chosen beside a possible duplicate
        super().__init__(runner, _t("新規受付"), self._build, self._submit,
                         _t("支援対象者を登録し、支援エピソード（候補）を開始します。"),
                         _t("登録する"), parent)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.duplicate_box)  # above the form, never below the fold
        self.runner.read(lambda: services.persons.case_number_hint(actor),
                         self.show_case_number, key=("case-number", id(self)), owner=self)

    def show_case_number(self, hint: CaseNumberHint) -> None:
        """The office's form of case number as the field's example, and the next free one
        of that form typed in already (selected: typing replaces it)."""
        field = self.form.fields["case_number"]
        assert isinstance(field, QLineEdit)
        if hint.example:
            field.setPlaceholderText(_t("例: {example}（最後に登録した番号）").format(
                example=hint.example))
        if hint.next_number and not field.text():
            field.setText(hint.next_number)
            field.selectAll()
            field.setToolTip(_t("次の空き番号です。別の番号にするときは上書きしてください"))

    def _build(self, f: Form) -> None:
        f.date("intake_on", _t("受付日"), self.services.ctx.today())
        if not allowed(self.actor, "assign_caseworker"):  # a caseworker's own case
            f.choice("caseworker", _t("担当"), [(self.actor.user_id, self.actor.display_name)]
                     ).setEnabled(False)
        else:
            f.choice("caseworker", _t("担当"), [
                (NOT_CHOSEN, _t("選んでください")),
                *((s.id, parenthesised(s.display_name, s.organisation_name))
                  for s in self.staff),
                (UNASSIGNED, _t("（担当なし・あとで決める）"))])
        add_person_fields(f)
        # Until the office's numbers are read (and before the first one): the form the
        # referral numbers take.
        f.fields["case_number"].setPlaceholderText(  # type: ignore[attr-defined]
            _t("例: {example}").format(
                example=f"{fiscal_year_of(self.services.ctx.today())}-0001"))
        birth = f.fields["birth_date"]
        f.text("desired_job", _t("希望職種"))
        f.area("note", _t("受付時のメモ"))
        watch_person_fields(f, self.services.ctx.today)
        self.duplicate_box = QFrame()
        self.duplicate_box.setObjectName("duplicateBox")
        box = QVBoxLayout(self.duplicate_box)
        self.duplicate_label = QLabel(_t("同じフリガナと生年月日の人が既に登録されています:"))
        self.duplicate_label.setObjectName("duplicateWarning")
        self.duplicate_label.setWordWrap(True)
        box.addWidget(self.duplicate_label)
        self.duplicate_rows = QVBoxLayout()
        box.addLayout(self.duplicate_rows)
        self.not_duplicate = QCheckBox(_t("上記の人とは別人であることを確認しました"))
        box.addWidget(self.not_duplicate)
        self.duplicate_box.hide()
        birth.editingFinished.connect(self.check_duplicates)  # type: ignore[attr-defined]
        for name in ("family_kana", "given_kana"):
            f.fields[name].editingFinished.connect(self.check_duplicates)  # type: ignore[attr-defined]

    def check_duplicates(self) -> None:
        f = self.form
        try:
            birth = f.fields["birth_date"].value()  # type: ignore[attr-defined]
        except DateParseError:
            return
        family = f.fields["family_kana"].text()  # type: ignore[attr-defined]
        given = f.fields["given_kana"].text()  # type: ignore[attr-defined]
        if not (birth and family and given):
            return
        self.runner.read(lambda: self.services.persons.possible_duplicates(
            self.actor, family, given, birth), self.show_duplicates,
            key=("duplicates", id(self)), owner=self)

    def show_duplicates(self, duplicates: list[DuplicateCandidate]) -> None:
        if [d.id for d in duplicates] == [d.id for d in self.duplicates]:
            return  # the same people: a confirmation already given stays
        self.duplicates = duplicates
        while self.duplicate_rows.count():
            item = self.duplicate_rows.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for d in duplicates:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(_t("{case_number} {name}（{kana}）{birth}生").format(
                case_number=d.case_number, name=d.name, kana=d.kana,
                birth=wareki(d.birth_date))), 1)
            button = QPushButton(_t("この人の記録を開く"))
            button.setObjectName("openExisting")
            button.setAccessibleName(_t("{name}の記録を開く").format(name=d.name))
            button.clicked.connect(lambda _=False, pid=d.id: self.open_existing(pid))
            line.addWidget(button)
            self.duplicate_rows.addWidget(row)
        self.duplicate_box.setVisible(bool(duplicates))
        self.not_duplicate.setChecked(False)

    def open_existing(self, person_id: uuid.UUID) -> None:
        """Leave the intake (nothing saved) for the existing record."""
        self.existing = person_id
        self.reject()

    def _submit(self, v: dict[str, Any]) -> Intake:
        if check_person_form(self.form, self.services.ctx.today()) is None:
            field, message = next((n, e.text()) for n, e in self.form.errors.items()
                                  if e.text())
            raise InvalidInput(field, message)  # every problem is shown, this one focused
        data = PersonInput(
            case_number=v["case_number"], family_name=v["family_name"],
            given_name=v["given_name"], family_kana=v["family_kana"],
            given_kana=v["given_kana"],
            birth_date=required(v, "birth_date", _t("生年月日を入力してください")),
            category=v["category"], sex=v["sex"], postal_code=v["postal_code"],
            address=v["address"], phone_home=v["phone_home"], phone_mobile=v["phone_mobile"],
            household=v["household"], barriers=v["barriers"], desired_job=v["desired_job"])
        caseworker = v.get("caseworker")
        if caseworker == NOT_CHOSEN:
            raise InvalidInput("caseworker", _t("担当を選んでください（決まっていなければ「担当なし」）"))
        confirmed = frozenset(d.id for d in self.duplicates) if (
            self.not_duplicate.isChecked()) else frozenset()
        return Intake(data, required(v, "intake_on", _t("受付日を入力してください")),
                      v["note"], confirmed, None if caseworker == UNASSIGNED else caseworker)

    def _failed(self, error: BaseException, command: Any = None) -> bool:
        if isinstance(error, PossibleDuplicates):
            self.show_duplicates(error.candidates)
        return super()._failed(error, command)
