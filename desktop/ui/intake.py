"""新規受付: register a person and open their first episode, warning about likely duplicates
(same reading and birth date) before anything is saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop.i18n import translator
from desktop.japanese.wareki import DateParseError
from desktop.services import Services
from desktop.services.commands import Intake, PossibleDuplicates
from desktop.services.context import Actor
from desktop.services.persons import DuplicateCandidate, PersonInput
from desktop.ui.forms import CommandDialog, required
from desktop.ui.person_view import add_person_fields
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import wareki
from desktop.ui.widgets import Form

_t = translator("Intake")


class IntakeDialog(CommandDialog):
    """The look-alikes are looked up (on the read lane) as the reading and birth date are
    typed, and again by the command itself before it writes; the caseworker confirms the
    ones shown are other people."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        self.services, self.actor = services, actor
        self.duplicates: list[DuplicateCandidate] = []
        super().__init__(runner, _t("新規受付"), self._build, self._submit,
                         _t("支援対象者を登録し、支援エピソード（候補）を開始します。"),
                         _t("登録する"), parent)

    def _build(self, f: Form) -> None:
        f.date("intake_on", _t("受付日"), self.services.ctx.today())
        add_person_fields(f)
        birth = f.fields["birth_date"]
        f.text("desired_job", _t("希望職種"))
        f.area("note", _t("受付時のメモ"))
        self.duplicate_label = QLabel()
        self.duplicate_label.setObjectName("duplicateWarning")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.hide()
        f.layout_.addRow(self.duplicate_label)
        self.not_duplicate = QCheckBox(_t("上記の人とは別人であることを確認しました"))
        self.not_duplicate.hide()
        f.layout_.addRow(self.not_duplicate)
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
        if duplicates:
            names = "\n".join(_t("・{case_number} {name}（{kana}）{birth}生").format(
                case_number=d.case_number, name=d.name, kana=d.kana, birth=wareki(d.birth_date))
                for d in duplicates)
            self.duplicate_label.setText(
                _t("同じフリガナと生年月日の人が既に登録されています:") + "\n" + names)
        self.duplicate_label.setVisible(bool(duplicates))
        self.not_duplicate.setVisible(bool(duplicates))
        self.not_duplicate.setChecked(False)

    def _submit(self, v: dict[str, Any]) -> Intake:
        data = PersonInput(
            case_number=v["case_number"], family_name=v["family_name"],
            given_name=v["given_name"], family_kana=v["family_kana"],
            given_kana=v["given_kana"],
            birth_date=required(v, "birth_date", _t("生年月日を入力してください")),
            category=v["category"], sex=v["sex"], postal_code=v["postal_code"],
            address=v["address"], phone_home=v["phone_home"], phone_mobile=v["phone_mobile"],
            household=v["household"], barriers=v["barriers"], desired_job=v["desired_job"])
        confirmed = frozenset(d.id for d in self.duplicates) if (
            self.not_duplicate.isChecked()) else frozenset()
        return Intake(data, required(v, "intake_on", _t("受付日を入力してください")),
                      v["note"], confirmed)

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        if isinstance(error, PossibleDuplicates):
            self.show_duplicates(error.candidates)
