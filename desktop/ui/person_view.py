"""The recipient record: profile, episodes with their timeline and workflow actions, consents,
contact log, plan, placements and retention checkpoints."""

from __future__ import annotations

import dataclasses
import html
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, listing, translator
from desktop.services import Services
from desktop.services.commands import (
    AcceptReferral,
    AddContact,
    AttachConsentScan,
    Changes,
    CloseEpisode,
    Command,
    ConfirmConsent,
    ConfirmConsentScope,
    DismissHire,
    DraftDocument,
    EndPlacement,
    ExtendSupport,
    OpenConsentScan,
    OpenEpisode,
    PrintDocument,
    RecordCheckpoint,
    RecordConsent,
    RecordHelloWorkActivity,
    RecordPlacement,
    RecordPlanReview,
    RecordProtectionOutcome,
    ReferToHelloWork,
    RemoveConsentScan,
    RemoveHelloWorkActivity,
    ReturnReferral,
    RevisePlan,
    SetHelloWorkDetails,
    StartScreening,
    UpdatePerson,
    WithdrawConsent,
    WithdrawParticipation,
)
from desktop.services.consent import ConsentInput, ScanRecord
from desktop.services.context import Actor
from desktop.services.errors import DomainError, InvalidInput, StaleRecord
from desktop.services.hello_work import ActivityInput, ActivityRecord, HelloWorkCase
from desktop.services.labels import (
    CHECKPOINT_OBSERVED,
    CONSENT_SCOPE,
    STATES,
    SUPPORT_MENU,
    shown,
)
from desktop.services.persons import PersonInput, PersonRecord, person_problems
from desktop.services.printing import NUMBERED, PrintDraft, PrintedDocument
from desktop.services.states import SUPPORTING
from desktop.services.workflow import (
    OPEN_CHECKS_CANCEL,
    OPEN_CHECKS_KEEP,
    ContactInput,
    EpisodeSummary,
    PlacementInput,
    PlanInput,
    TeamMember,
)
from desktop.ui import dialogs, preview
from desktop.ui.admin_assignment import AssignmentTab
from desktop.ui.admin_hellowork import offer_registration
from desktop.ui.costs_tab import CostsTab
from desktop.ui.forms import ActionDialog, CommandDialog, required
from desktop.ui.issue_dialog import IssueDialog
from desktop.ui.models import STATE_COLOURS, _Table
from desktop.ui.preview import PreviewDialog
from desktop.ui.routes_tab import (
    RoutesTab,
    ScreeningDecisionDialog,
    decision_command,
    decision_fields,
)
from desktop.ui.scan_viewer import ScanViewerDialog, describe
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import age, choices, label, parenthesised, split_list, wareki
from desktop.ui.widgets import FlowLayout, Form, record_table, scrolling, top_aligned

_t = translator("PersonView")



def _shown(value: Any, name: str) -> str:
    """A field's value as the conflict dialog shows it."""
    if value is None or value == "":
        return _t("（空欄）")
    if isinstance(value, date):
        return wareki(value)
    if name == "category":
        return label("category", value)
    return str(value)

class RecordsModel(_Table):
    """A small read-only table of records with its own column formatter."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[str]]) -> None:
        super().__init__()
        self.headers = headers
        self.cells = cells

    def display(self, row: Any, column: int) -> str:
        return str(self.cells(row)[column])


def _table(model: RecordsModel) -> QTableView:
    view = record_table(model, QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(True)
    return view


def _selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return view.model().data(rows[0], Qt.ItemDataRole.UserRole)


def add_person_fields(f: Form) -> None:
    """The identity, contact and situation fields shared by 新規受付 and the profile tab."""
    f.text("case_number", _t("ケース番号"))
    f.text("family_name", _t("氏"))
    f.text("given_name", _t("名"))
    f.text("family_kana", _t("フリガナ（氏）"))
    f.text("given_kana", _t("フリガナ（名）"))
    f.date("birth_date", _t("生年月日"))
    f.choice("sex", _t("性別"), [(None, _t("未回答")), *choices("sex")])
    f.choice("category", _t("対象者区分"), choices("category"))
    f.text("postal_code", _t("郵便番号"))
    f.text("address", _t("住所"))
    f.text("phone_home", _t("電話（自宅）"))
    f.text("phone_mobile", _t("電話（携帯）"))
    f.area("household", _t("世帯状況"))
    f.area("barriers", _t("就労阻害要因"))


# ---------------------------------------------------------------- workflow actions


@dataclass(frozen=True)
class ActionContext:
    """What an action's dialog is built from: the view, the episode it acts on, today,
    and what the action's ``needs`` read first (offices, closure reasons...)."""

    view: PersonView
    episode: EpisodeSummary
    today: date
    data: Any = None


@dataclass(frozen=True)
class ActionSpec:
    """One workflow button: its text, the dialog it opens (title, fields, intro) and the
    command the dialog runs. ``transition``: offered only when the service lists the move
    (with whether it is allowed and why not); otherwise offered whenever the episode may be
    edited. ``needs(services, actor, episode_id)`` is read on the read lane before the
    dialog opens; None or an empty list from it means there is nothing to act on."""

    key: str
    button: str
    title: str
    build: Callable[[ActionContext, Form], object]
    command: Callable[[ActionContext, dict[str, Any]], Command[Any]]
    intro: Callable[[ActionContext], str] | None = None
    transition: bool = True
    needs: Callable[[Services, Actor, uuid.UUID], Any] | None = None
    # What to offer when ``needs`` found nothing (no Hello Work office registered yet).
    when_missing: Callable[[PersonView], object] | None = None
    # A dialog of its own instead of the plain CommandDialog, from the same title, fields
    # and command: dialog(ctx, title, build, submit) opens it and returns whether it ran.
    dialog: Callable[[ActionContext, str, Callable[[Form], None],
                      Callable[[dict[str, Any]], Command[Any]]], bool] | None = None


def _on(v: dict[str, Any], name: str = "on") -> date:
    return required(v, name, _t("日付を入力してください"))


def _plan_fields(ctx: ActionContext, f: Form) -> None:
    f.date("on", _t("受理・面談日（支援開始日）"), ctx.today)
    ctx.view.plan_fields(f)


def _hire(ctx: ActionContext) -> ActivityRecord | None:
    """The 採用 Hello Work reported that the placement confirms (its 確認), if any: the
    placement's ``ctx.data`` is (the 協力事業所 registry, that 採用 or None)."""
    hire = ctx.data[1] if isinstance(ctx.data, tuple) and len(ctx.data) > 1 else None
    return hire if isinstance(hire, ActivityRecord) else None


def _placement_fields(ctx: ActionContext, f: Form) -> None:
    """就職, the employer picked from the 協力事業所 registry (``ctx.data``: read first, with
    the 採用 it confirms) or typed."""
    employers = ctx.data[0]
    hire = _hire(ctx)
    f.date("start_on", _t("就職日"), hire.on if hire else ctx.today)
    f.choice("employer_id", _t("協力事業所から選ぶ"), [
        (None, _t("（登録外の事業所: 下に入力）")),
        *((e.id, parenthesised(e.name, e.industry)) for e in employers)])
    f.text("employer", _t("事業所名"), hire.company if hire else "")
    f.text("employer_address", _t("事業所の所在地"))
    f.text("job_title", _t("職種"), hire.job_title if hire else "")
    f.text("employment_type", _t("雇用形態"))
    f.choice("term_category", _t("雇用期間"), choices("term"))
    f.text("weekly_hours", _t("週の労働時間"))
    f.text("wage_amount", _t("賃金（円）"))
    f.choice("wage_unit", _t("賃金の単位"), [("monthly", _t("月給")), ("hourly", _t("時給"))])
    f.check("employment_insurance", _t("雇用保険に加入"))
    f.choice("route", _t("就職経路"), choices("route"))


def _number(v: dict[str, Any], name: str, cast: Callable[[str], Any]) -> Any:
    if not v[name]:
        return None
    try:
        return cast(v[name].replace(",", ""))
    except ValueError:
        raise InvalidInput(name, _t("数字で入力してください")) from None


def _placement(ctx: ActionContext, v: dict[str, Any]) -> Command[Any]:
    return RecordPlacement(ctx.episode.id, PlacementInput(
        start_on=required(v, "start_on", _t("就職日を入力してください")),
        employer=v["employer"], employer_id=v["employer_id"],
        term_category=v["term_category"], employer_address=v["employer_address"], job_title=v["job_title"],
        employment_type=v["employment_type"], weekly_hours=_number(v, "weekly_hours", float),
        wage_amount=_number(v, "wage_amount", int), wage_unit=v["wage_unit"],
        employment_insurance=v["employment_insurance"], route=v["route"],
        hired_activity_id=hire.id if (hire := _hire(ctx)) else None))


def _placement_intro(ctx: ActionContext) -> str:
    intro = _t("就職を記録すると定着支援に移り、定着確認の予定が作られます。")
    hire = _hire(ctx)
    if hire is None:
        return intro
    return _t("ハローワークから連絡のあった採用（{company}）を就職として記録します。就職日と雇用条件を確かめてください。").format(
        company=hire.company) + "\n" + intro


def _open_placement(services: Services, actor: Actor, episode_id: uuid.UUID) -> Any:
    open_ones = [p for p in services.records.placements(actor, episode_id) if p.end_on is None]
    return open_ones[-1] if open_ones else None


END_PLACEMENT = ActionSpec(
    "active", N_("離職を記録"), N_("離職を記録"),
    lambda c, f: (f.date("end_on", _t("離職日"), c.today), f.area("reason", _t("離職理由"))),
    lambda c, v: EndPlacement(c.data.id, required(v, "end_on", _t("離職日を入力してください")),
                              v["reason"]),
    lambda c: _t("{employer} の就職について離職を記録し、支援中に戻します。").format(
        employer=c.data.employer),
    needs=_open_placement)
EXTEND = ActionSpec(
    "extend", N_("支援期間を延長"), N_("支援期間を延長"),
    lambda c, f: (f.date("new_end_on", _t("延長後の終了予定日")),
                  f.area("reason", _t("延長の理由"))),
    lambda c, v: ExtendSupport(c.episode.id, required(
        v, "new_end_on", _t("終了予定日を入力してください")), v["reason"]),
    transition=False)


def _closing(services: Services, actor: Actor, episode_id: uuid.UUID) -> Any:
    """The closure reasons, and the retention checks closing would leave open."""
    return (services.settings.get("closure_reasons"),
            services.workflow.open_checkpoints(actor, episode_id))


def _close_fields(ctx: ActionContext, f: Form) -> None:
    reasons, still_open = ctx.data
    f.date("on", _t("終了日"), ctx.today)
    f.choice("reason", _t("終了理由"), [(r, shown(r)) for r in reasons])
    if still_open:
        f.choice("open_checkpoints", _t("残っている定着確認"), [
            (None, _t("選んでください")),
            (OPEN_CHECKS_CANCEL, _t("支援の終了とともに中止する")),
            (OPEN_CHECKS_KEEP, _t("予定として残す（今日の予定に表示し、後で記録する）"))])
    f.area("note", _t("メモ"))


def _close(ctx: ActionContext, v: dict[str, Any]) -> Command[Any]:
    if ctx.data[1] and v.get("open_checkpoints") is None:
        raise InvalidInput("open_checkpoints", _t("残っている定着確認の扱いを選んでください"))
    return CloseEpisode(ctx.episode.id, required(v, "on", _t("終了日を入力してください")),
                        v["reason"], v["note"], v.get("open_checkpoints"))


def _close_intro(ctx: ActionContext) -> str:
    """終了 asks what becomes of the retention checks still open (cancelled with the
    closure, or kept on the agenda to record later)."""
    still_open = ctx.data[1]
    if not still_open:
        return ""
    return _t("定着確認が {n} 件残っています（{which}）。").format(
        n=len(still_open), which=listing(
            _t("{months}か月・{due}").format(months=c.months, due=wareki(c.due_on))
            for c in still_open))


CLOSE = ActionSpec("closed", N_("終了"), N_("支援を終了"), _close_fields, _close, _close_intro,
                   needs=_closing)

# (state, key) → the button. The order is the buttons' order; 終了 comes last.
ACTIONS: dict[tuple[str, str], ActionSpec] = {
    ("candidate", "screening"): ActionSpec(
        "screening", N_("検討を開始"), N_("検討を開始"),
        lambda c, f: (f.date("on", _t("検討票の作成日"), c.today), f.area("note", _t("メモ"))),
        lambda c, v: StartScreening(c.episode.id, _on(v), v["note"])),
    ("screening", "consented"): ActionSpec(
        "consented", N_("同意取得を確定"), N_("同意取得を確定"),
        lambda c, f: f.date("on", _t("確定日"), c.today),
        lambda c, v: ConfirmConsent(c.episode.id, _on(v)),
        lambda c: _t("参加同意と情報提供同意の両方が有効であることを確認して、状態を「同意取得」にします。")),
    ("screening", "decision"): ActionSpec(
        # The route an approval leads to, with the readiness assessment in force beside.
        "decision", N_("検討結果を記録"), N_("所内協議の結果"),
        lambda c, f: decision_fields(f, c.today),
        lambda c, v: decision_command(c.episode.id, v),
        transition=False,
        needs=lambda s, a, ep: (s.routes.current_assessment(a, ep),),
        dialog=lambda c, title, build, submit: bool(ScreeningDecisionDialog(
            c.view.runner, title, build, submit, c.data[0], c.view).exec())),
    ("consented", "referred"): ActionSpec(
        "referred", N_("ハローワークへ支援要請"), N_("ハローワークへ支援要請"),
        lambda c, f: (f.choice("office", _t("支援要請先"), [(o.id, o.name) for o in c.data]),
                      f.date("on", _t("要請日"), c.today),
                      f.text("number", _t("文書番号（空欄で自動採番）"))),
        lambda c, v: ReferToHelloWork(c.episode.id, v["office"], required(
            v, "on", _t("要請日を入力してください")), v["number"] or None),
        needs=lambda s, a, ep: s.offices.offices(),
        when_missing=lambda view: offer_registration(view, view.services, view.actor,
                                                     view.runner)),
    ("referred", "active"): ActionSpec(
        "active", N_("HW受理・支援開始"), N_("HW受理・支援開始（就労支援プラン）"), _plan_fields,
        lambda c, v: AcceptReferral(c.episode.id, required(
            v, "on", _t("支援開始日を入力してください")), c.view.plan_from(v))),
    ("referred", "consented"): ActionSpec(
        "consented", N_("差戻しを記録"), N_("差戻しを記録"),
        lambda c, f: (f.date("on", _t("差戻し日"), c.today), f.area("reason", _t("差戻しの理由"))),
        lambda c, v: ReturnReferral(c.episode.id, _on(v), v["reason"])),
    ("active", "placed"): ActionSpec(
        "placed", N_("就職を記録"), N_("就職を記録"), _placement_fields, _placement,
        _placement_intro, needs=lambda s, a, ep: (s.employers.search(a), None)),
    ("placed", "active"): END_PLACEMENT,
    ("retention", "active"): END_PLACEMENT,
    **{(state, "extend"): EXTEND for state in SUPPORTING},
    **{(state, "closed"): CLOSE for state in STATES if state != "closed"},
}


# The 同意 table's column of the scope (wrapped) and of the signed originals.
CONSENT_ORIGINALS_COLUMN, CONSENT_SCOPE_COLUMN = 4, 6

# The record's tabs, by name (the agenda opens the one an item is about).
SECTIONS = ("profile", "episode", "consents", "contacts", "placements", "plan", "hello_work",
            "routes", "costs")


def person_data(values: dict[str, Any]) -> PersonInput:
    """The person's fields of a form's values (a missing date stays None)."""
    return PersonInput(**{f.name: values.get(f.name) for f in fields(PersonInput)})


def watch_person_fields(form: Form, today: Callable[[], date]) -> None:
    """Check each identity field as it is left, and show its problem beside it (the same
    checks as saving makes; no database)."""
    def left(name: str) -> None:
        values, unreadable = form.read()
        problems = {**person_problems(person_data(values), today()), **unreadable}
        form.set_error(name, problems.get(name, ""))

    for name in ("case_number", "family_name", "given_name", "family_kana", "given_kana",
                 "birth_date", "postal_code", "phone_home", "phone_mobile"):
        widget = form.fields.get(name)
        if widget is not None:
            widget.editingFinished.connect(lambda n=name: left(n))  # type: ignore[attr-defined]


def check_person_form(form: Form, today: date) -> dict[str, Any] | None:
    """The form's values, or None after showing every problem at once, each beside its
    field (not one at a time)."""
    values, unreadable = form.read()
    problems = {**person_problems(person_data(values), today), **unreadable}
    if problems:
        form.show_errors(problems)
        return None
    form.clear_errors()
    return values


class PersonView(QWidget):
    """One person's record. It reloads itself when a command changed this person or one
    of their episodes (TaskRunner.changed)."""

    title_changed = Signal(str)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.person_id = person_id
        self.person: PersonRecord | None = None
        self.episodes: list[EpisodeSummary] = []
        self.current_plan: Any = None
        self.wanted: tuple[uuid.UUID | None, uuid.UUID | None] = (None, None)
        self.dirty = False
        self._loading_form = False
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("personHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("personTabs")
        self.tabs.setAccessibleName(_t("対象者の記録"))
        layout.addWidget(self.tabs)
        self._build_profile()
        self._build_episode()
        self._build_consents()
        self._build_contacts()
        self._build_placements()
        self._build_plan()
        self._build_hello_work()
        # Its 担当変更 is a command: this view reloads from its Changes like any other; so
        # do the 就労準備・経路 and 支援費用 tabs, shown the episode again.
        self.routes_tab = RoutesTab(services, actor, runner)
        self.tabs.addTab(scrolling(self.routes_tab), _t("就労準備・経路"))
        self.costs_tab = CostsTab(services, actor, runner, person_id)
        self.tabs.addTab(self.costs_tab, _t("支援費用"))
        self.assignment_tab = AssignmentTab(services, actor, runner, person_id)
        self.tabs.addTab(self.assignment_tab, _t("担当"))
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save_profile)
        runner.changed.connect(self._on_changes)
        self.reload()

    def show_section(self, section: str | None, episode_id: uuid.UUID | None = None,
                     item_id: uuid.UUID | None = None) -> None:
        """Bring up one tab of the record (by name, see SECTIONS), on ``episode_id`` with
        ``item_id`` (a retention check) selected once loaded."""
        if section is not None:
            self.tabs.setCurrentIndex(SECTIONS.index(section))
        if episode_id is None:
            return
        self.wanted = (episode_id, item_id)
        index = self._episode_index(episode_id)
        if index >= 0 and index != self.episode_combo.currentIndex():
            self.episode_combo.setCurrentIndex(index)  # loads it
        elif index >= 0:
            self._select_wanted()

    def _episode_index(self, episode_id: uuid.UUID) -> int:
        # By value: QComboBox.findData compares Python objects by identity.
        return next((i for i in range(self.episode_combo.count())
                     if self.episode_combo.itemData(i) == episode_id), -1)

    def _select_wanted(self) -> None:
        episode_id, item_id = self.wanted
        if item_id is None or self.episode() is None or self.episode().id != episode_id:  # type: ignore[union-attr]
            return
        for row, check in enumerate(self.checkpoints_model.rows):
            if check.id == item_id:
                self.checkpoints_view.selectRow(row)
                self.wanted = (None, None)
                return
        for row, activity in enumerate(self.activities_model.rows):
            if activity.id == item_id:  # a hire Hello Work reported
                self.activities_view.selectRow(row)
                self.wanted = (None, None)
                return

    # ---------------------------------------------------------------- loading

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.person_id, {e.id for e in self.episodes}):
            self.reload()

    def reload(self) -> None:
        def load() -> tuple[PersonRecord, list[EpisodeSummary]]:
            person = self.services.persons.get_person(self.actor, self.person_id)
            return person, self.services.workflow.episodes_of(self.actor, self.person_id)

        self.runner.read(load, self._loaded, key=("person", id(self)), owner=self)

    def _loaded(self, data: tuple[PersonRecord, list[EpisodeSummary]]) -> None:
        person, self.episodes = data
        if self.dirty:
            # What is typed stays, and so does the version it was typed against: saving
            # merges with what others saved since (_resolve_stale), field by field.
            person = self.person or person
        self.person = p = person
        today = self.services.ctx.today()
        self.header.setText(
            f"<span style='font-size:x-large;font-weight:600'>{html.escape(p.family_name)} "
            f"{html.escape(p.given_name)}</span>&nbsp;&nbsp;<span style='color:#4b5563'>"
            f"{html.escape(p.family_kana)} {html.escape(p.given_kana)}</span><br>"
            "<span style='color:#374151'>"
            + html.escape(_t("ケース番号 {case_number}　{birth}生（{age}歳）　{category}　担当: {staff}")
                          .format(case_number=p.case_number, birth=wareki(p.birth_date),
                                  age=age(p.birth_date, today),
                                  category=label("category", p.category),
                                  staff=p.caseworker_name or "—")) + "</span>")
        self.title_changed.emit(f"{p.family_name} {p.given_name}")
        if not self.dirty:
            self._fill_profile(p)
        self.assignment_tab.show_person(p.caseworker_id, p.caseworker_name, p.organisation_name)
        current = self.episode_combo.currentData()
        self.episode_combo.blockSignals(True)
        self.episode_combo.clear()
        for e in reversed(self.episodes):
            self.episode_combo.addItem(
                _t("{on} 受付 — {state}").format(on=wareki(e.intake_on),
                                                  state=label("state", e.state)), e.id)
        wanted = self.wanted[0]
        if wanted is not None and self._episode_index(wanted) >= 0:
            current = wanted
        index = self._episode_index(current) if current else 0
        self.episode_combo.setCurrentIndex(max(0, index))
        self.episode_combo.blockSignals(False)
        self.new_episode_button.setEnabled(all(e.state == "closed" for e in self.episodes))
        self._show_episode()

    def episode(self) -> EpisodeSummary | None:
        episode_id = self.episode_combo.currentData()
        return next((e for e in self.episodes if e.id == episode_id), None)

    # ---------------------------------------------------------------- profile

    def _build_profile(self) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.profile = Form()
        f = self.profile
        add_person_fields(f)
        f.area("education", _t("学歴"))
        f.area("work_history", _t("職歴"))
        f.area("licences", _t("資格・免許"))
        f.text("desired_job", _t("希望職種"))
        f.text("desired_hours", _t("希望の時間帯"))
        f.text("desired_wage", _t("希望賃金"))
        f.text("desired_area", _t("希望地域"))
        f.changed.connect(self._mark_dirty)
        watch_person_fields(f, self.services.ctx.today)
        scroll.setWidget(top_aligned(f))
        outer.addWidget(scroll)
        row = QHBoxLayout()
        self.save_state = QLabel()
        row.addWidget(self.save_state, 1)
        self.save_button = QPushButton(_t("保存 (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_profile)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.tabs.addTab(page, _t("基本情報"))

    def _fill_profile(self, p: PersonRecord) -> None:
        self._loading_form = True
        for field in fields(PersonInput):
            widget = self.profile.fields[field.name]
            value = getattr(p, field.name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif hasattr(widget, "set_value"):
                widget.set_value(value)
            else:
                widget.setText(value or "")
        self._loading_form = False
        self.dirty = False

    def _mark_dirty(self) -> None:
        if not self._loading_form:
            self.dirty = True
            self.save_state.setText(_t("未保存の変更があります"))

    def save_profile(self) -> None:
        if self.person is None:
            return
        values = check_person_form(self.profile, self.services.ctx.today())
        if values is None:
            return
        self._store(self.person.version, PersonInput(**values), _t("保存しました"),
                    merge_if_stale=True)

    def _store(self, version: int, data: PersonInput, done: str,
               merge_if_stale: bool = False) -> None:
        """Save the profile as of ``version``; a refusal shows beside its field."""

        def saved(record: PersonRecord) -> None:
            self.dirty = False
            self.person = record
            self.save_state.setText(done)

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, StaleRecord) and merge_if_stale:
                self._resolve_stale(data)
                return True
            return False

        self.runner.run(UpdatePerson(self.person_id, version, data), parent=self,
                        form=self.profile, on_done=saved, on_failed=failed)

    def _resolve_stale(self, data: PersonInput) -> None:
        """Another PC saved this person after the form was read. Merge field by field against
        the version the form was filled from: a field only one side changed takes that
        side's value; a field both changed differently is shown side by side for the
        caseworker to choose. Nothing typed is dropped without their choice."""
        base = self.person

        def merge(saved: PersonRecord) -> None:
            merged: dict[str, Any] = {}
            clashes: list[str] = []
            for f in fields(PersonInput):
                mine, theirs = getattr(data, f.name), getattr(saved, f.name)
                original = getattr(base, f.name) if base is not None else theirs
                if mine in (theirs, original):
                    merged[f.name] = theirs
                elif theirs == original:
                    merged[f.name] = mine
                else:
                    clashes.append(f.name)
                    merged[f.name] = mine
            if clashes:
                rows = [(self.profile.labels.get(n, n), _shown(getattr(data, n), n),
                         _shown(getattr(saved, n), n)) for n in clashes]
                choice = dialogs.resolve_stale(self, rows)
                if choice is None:
                    self.save_state.setText(
                        _t("未保存の変更があります（他の利用者が先に保存しています）"))
                    return
                if choice == "theirs":
                    merged.update({n: getattr(saved, n) for n in clashes})
            self._store(saved.version, PersonInput(**merged),
                        _t("他の利用者の変更と合わせて保存しました"))

        self.runner.read(lambda: self.services.persons.get_person(self.actor, self.person_id),
                         merge, lambda exc: self.runner.present(exc, parent=self,
                                                                form=self.profile),
                         owner=self)

    # ---------------------------------------------------------------- episode

    def _build_episode(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("支援エピソード")))
        self.episode_combo = QComboBox()
        self.episode_combo.currentIndexChanged.connect(self._show_episode)
        top.addWidget(self.episode_combo, 1)
        self.new_episode_button = QPushButton(_t("新しい支援エピソード"))
        self.new_episode_button.clicked.connect(self.open_new_episode)
        top.addWidget(self.new_episode_button)
        self.print_button = QToolButton()
        self.print_button.setObjectName("printMenu")
        self.print_button.setText(_t("印刷"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        for kind, text in (("referral", N_("支援要請書")), ("consent", N_("同意書")),
                           ("plan", N_("就労支援プラン")),
                           ("followup", N_("支援状況連絡票（就職・定着）")),
                           ("packet", N_("支援要請書類一式（送付書つき）")),
                           ("withdrawal_notice", N_("支援終了・同意撤回の連絡")),
                           ("consent_blank", N_("同意書（白紙・署名用）")),
                           ("withdrawal_form", N_("同意撤回届（白紙）"))):
            action = menu.addAction(_t(text))
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.print_form(k))
        menu.addSeparator()
        self.quote_readiness = menu.addAction(_t("支援要請書の支援経過に就労準備度を記載する"))
        self.quote_readiness.setObjectName("quoteReadiness")
        self.quote_readiness.setCheckable(True)
        self.print_button.setMenu(menu)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.state_line = QLabel()
        self.state_line.setObjectName("stateLine")
        self.state_line.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.state_line)
        actions = QWidget()
        self.actions_row = FlowLayout(actions)  # wraps on a narrow screen
        layout.addWidget(actions)
        self.blocked = QLabel()
        self.blocked.setObjectName("blockedReason")
        self.blocked.setWordWrap(True)
        layout.addWidget(self.blocked)
        self.timeline = RecordsModel(
            (_t("日付"), _t("変更"), _t("理由・メモ")),
            lambda t: (wareki(t.on), f"{label('state', t.from_state) or _t('受付')} → "
                       f"{label('state', t.to_state)}",
                       " ".join(shown(x) for x in (t.reason or "", t.note, t.detail) if x)))
        layout.addWidget(QLabel(_t("経過（すべての状態の変更）")))
        layout.addWidget(_table(self.timeline), 1)
        self.tabs.addTab(scrolling(page), _t("支援経過"))

    def _show_episode(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget():
                item.widget().setParent(None)  # gone from the window at once
                item.widget().deleteLater()
        self.buttons: dict[str, QPushButton] = {}
        episode = self.episode()
        self.routes_tab.show_episode(episode)
        self.costs_tab.show_episode(episode)
        if episode is None:
            self.state_line.setText(_t("支援エピソードはまだありません"))
            self.timeline.replace([])
            for model in (self.consents_model, self.contacts_model, self.placements_model,
                          self.checkpoints_model, self.activities_model):
                model.replace([])
            self.plan_text.setPlainText("")
            self.hello_work = None
            self._show_hello_work(None)
            return
        colour = STATE_COLOURS.get(episode.state, "#111827")
        period = ""
        if episode.support_start_on:
            period = _t("　支援期間 {start}〜{end}").format(
                start=wareki(episode.support_start_on), end=wareki(episode.planned_end_on))
        detail = _t("　{since}から").format(since=wareki(episode.state_since)) + period
        if episode.closure_reason:
            detail += _t("　終了理由: {reason}").format(reason=shown(episode.closure_reason))
        self.state_line.setText(
            f"<span style='color:{colour};font-size:x-large;font-weight:600'>"
            f"{label('state', episode.state)}</span>" + html.escape(detail))
        ep = episode.id

        def load() -> dict[str, Any]:
            svc, a = self.services, self.actor
            return {
                "actions": svc.workflow.available_actions(a, ep),
                "edit_refusal": svc.workflow.edit_refusal(a, ep),
                "timeline": svc.workflow.timeline(a, ep),
                "consents": svc.consent.consents(a, ep),
                "contacts": svc.records.contacts(a, ep),
                "placements": svc.records.placements(a, ep),
                "checkpoints": svc.workflow.checkpoints(a, ep),
                "plan": svc.records.current_plan(a, ep),
                "referrals": svc.records.referrals(a, ep),
                "hello_work": svc.hello_work.case(a, ep),
            }

        self.runner.read(load, lambda data: self._episode_loaded(episode, data),
                         key=("episode", id(self)), owner=self)

    def _episode_loaded(self, episode: EpisodeSummary, data: dict[str, Any]) -> None:
        if self.episode() is None or self.episode().id != episode.id:  # type: ignore[union-attr]
            return
        self.timeline.replace(data["timeline"])
        self.consents_model.replace(data["consents"])
        self.contacts_model.replace(data["contacts"])
        self.placements_model.replace(data["placements"])
        self.checkpoints_model.replace(data["checkpoints"])
        self._show_plan(data["plan"], data["referrals"])
        self._show_hello_work(data["hello_work"], episode)
        self.revise_button.setEnabled(episode.state in SUPPORTING and data["plan"] is not None)
        self.protection_button.setEnabled(episode.state != "closed")
        self.current_plan = data["plan"]
        self.consent_edit_refusal = data["edit_refusal"]
        self._show_scan_buttons()
        self.review_button.setEnabled(bool(data["plan"] and any(
            done is None for _, _, done, _ in data["plan"].reviews)))
        self._select_wanted()
        offered = {a.target: a for a in data["actions"]}
        refusal = data["edit_refusal"]
        reasons = []
        for (state, key), spec in ACTIONS.items():
            if state != episode.state:
                continue
            if spec.transition:
                availability = offered.get(key)
                if availability is None:
                    continue
                allowed, reason = availability.allowed, availability.reason
            else:
                allowed, reason = not refusal, refusal
            self._add_action(key, _t(spec.button), allowed, reason)
            if not allowed and spec.transition and key != "closed":
                reasons.append(_t("{action}: {reason}").format(action=_t(spec.button),
                                                              reason=reason))
        self.blocked.setText("\n".join(dict.fromkeys(reasons)))

    def _add_action(self, key: str, text: str, allowed: bool, reason: str) -> None:
        button = QPushButton(text)
        button.setObjectName(f"action_{key}")
        button.setEnabled(allowed)
        button.setToolTip(reason)
        button.clicked.connect(lambda: self.run_action(key))
        self.actions_row.addWidget(button)
        self.buttons[key] = button

    def _dialog(self, title: str, build: Callable[[Form], object],
                submit: Callable[[dict[str, Any]], Command[Any]], intro: str = "",
                confirmed: Callable[[Any], Command[Any]] | None = None,
                question_field: str = "") -> bool:
        """A dialog that runs a command; the view reloads through TaskRunner.changed."""
        dialog = CommandDialog(self.runner, title, build, submit, intro, parent=self,
                               confirmed=confirmed, question_field=question_field)
        return bool(dialog.exec())

    def run_action(self, key: str) -> None:
        """The workflow button ``key`` of the episode shown: its dialog from ACTIONS."""
        episode = self.episode()
        if episode is None:
            return
        spec = ACTIONS.get((episode.state, key))
        if spec is None:
            return
        today = self.services.ctx.today()
        if spec.needs is None:
            self._open_action(spec, ActionContext(self, episode, today))
            return
        needs = spec.needs

        def opened(data: Any) -> None:
            if data is not None and data != []:
                self._open_action(spec, ActionContext(self, episode, today, data))
            elif spec.when_missing is not None:
                spec.when_missing(self)

        self.runner.read(lambda: needs(self.services, self.actor, episode.id), opened,
                         owner=self)

    def _open_action(self, spec: ActionSpec, ctx: ActionContext) -> bool:
        if spec.dialog is not None:
            return spec.dialog(ctx, _t(spec.title), lambda f: spec.build(ctx, f),
                               lambda v: spec.command(ctx, v))
        return self._dialog(_t(spec.title), lambda f: spec.build(ctx, f),
                            lambda v: spec.command(ctx, v), spec.intro(ctx) if spec.intro else "")

    def plan_fields(self, f: Form, plan: Any = None) -> None:
        welfare = [m["name"] for m in plan.team if m["side"] == "welfare"] if plan else []
        hw = [m["name"] for m in plan.team if m["side"] == "hello_work"] if plan else []
        # 作成日 as printed on the plan (the day it is made with the person, entered).
        f.date("planned_on", _t("プランの作成日"), self.services.ctx.today())
        f.text("welfare_member", _t("チーム（福祉側）"),
               listing(welfare) or self.actor.display_name, "team")
        f.text("hw_member", _t("チーム（ハローワーク側）"), listing(hw))
        f.text("goal_job", _t("目標職種"), plan.goal_job if plan else "")
        f.text("goal_employment_type", _t("雇用形態"), plan.goal_employment_type if plan else "")
        f.text("goal_hours", _t("時間"), plan.goal_hours if plan else "")
        f.text("goal_wage", _t("賃金"), plan.goal_wage if plan else "")
        f.text("goal_area", _t("地域"), plan.goal_area if plan else "")
        f.date("goal_target_on", _t("目標時期"), plan.goal_target_on if plan else None)
        f.area("barriers", _t("阻害要因と対応"), plan.barriers if plan else "")
        for key, text in SUPPORT_MENU.items():
            f.check(f"menu_{key}", shown(text), bool(plan and key in plan.menu))
        f.area("role_hello_work", _t("役割分担（ハローワーク）"), plan.role_hello_work if plan else "")
        f.area("role_welfare", _t("役割分担（福祉事務所）"), plan.role_welfare if plan else "")
        f.date("review_on", _t("次回見直し日"), None, "review_dates")

    @staticmethod
    def plan_from(v: dict[str, Any]) -> PlanInput:
        team = [TeamMember(n, "welfare") for n in split_list(v["welfare_member"])]
        team += [TeamMember(n, "hello_work") for n in split_list(v["hw_member"])]
        return PlanInput(
            team=team, goal_job=v["goal_job"], goal_employment_type=v["goal_employment_type"],
            goal_hours=v["goal_hours"], goal_wage=v["goal_wage"], goal_area=v["goal_area"],
            goal_target_on=v["goal_target_on"], barriers=v["barriers"],
            menu=[k for k in SUPPORT_MENU if v[f"menu_{k}"]],
            role_hello_work=v["role_hello_work"], role_welfare=v["role_welfare"],
            review_dates=[v["review_on"]] if v["review_on"] else [],
            planned_on=v["planned_on"])

    def revise_plan(self) -> None:
        episode, plan = self.episode(), self.current_plan
        if episode is None or plan is None:
            return
        self._dialog(_t("支援プランの改訂"), lambda f: self.plan_fields(f, plan),
                     lambda v: RevisePlan(episode.id, self.plan_from(v)),
                     _t("改訂すると新しい版として保存され、前の版もそのまま残ります。"))

    def record_review(self) -> None:
        episode, plan = self.episode(), self.current_plan
        if episode is None or plan is None:
            return
        pending = [(rid, due) for rid, due, done, _ in plan.reviews if done is None]
        if not pending:
            return
        self._dialog(_t("プランの見直し"), lambda f: (
            f.choice("review", _t("見直し予定"), [(rid, wareki(due)) for rid, due in pending]),
            f.date("done_on", _t("実施日"), self.services.ctx.today()),
            f.area("result", _t("見直しの結果"))),
            lambda v: RecordPlanReview(episode.id, v["review"], required(
                v, "done_on", _t("実施日を入力してください")), v["result"]))

    def record_protection(self) -> None:
        episode = self.episode()
        if episode is None:
            return
        self._dialog(_t("保護の変更（就労収入による）"), lambda f: (
            f.choice("kind", _t("変更"), choices("protection")),
            f.date("on", _t("決定日"), self.services.ctx.today()),
            f.check("benefit", _t("就労自立給付金を申請した"))),
            lambda v: RecordProtectionOutcome(episode.id, v["kind"], required(
                v, "on", _t("決定日を入力してください")), v["benefit"]))

    def print_form(self, kind: str) -> None:
        """Build the PDF off the GUI thread, then preview it; refusals (no consent in force,
        withdrawn) are shown as they are."""
        episode = self.episode()
        if episode is None:
            return

        def show(document: PrintedDocument) -> None:
            PreviewDialog(document, self).exec()

        def confirm(draft: PrintDraft) -> None:
            """A numbered document is shown before it is issued (and numbered); one
            issued already is printed again as it was."""
            if draft.issued:
                show(draft.document)
                return
            dialog = IssueDialog(draft, self.runner, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.document is not None:
                show(dialog.document)

        if kind in NUMBERED:
            # The readiness assessment goes into the referral's 支援経過 the dialog shows
            # (each item only inside the consent's scope).
            quote = self.quote_readiness.isChecked() and kind in ("referral", "packet")
            self.runner.run(DraftDocument(kind, episode.id, quote_readiness=quote), parent=self,
                            on_done=confirm, title=_t("印刷できません"))
            return
        command = (PrintDocument("consent", None, blank=True) if kind == "consent_blank"
                   else PrintDocument(kind, episode.id))
        self.runner.run(command, parent=self, on_done=show, title=_t("印刷できません"))

    def open_new_episode(self) -> None:
        today = self.services.ctx.today()
        self._dialog(_t("新しい支援エピソード"), lambda f: (
            f.date("on", _t("受付日"), today), f.area("note", _t("メモ"))),
            lambda v: OpenEpisode(self.person_id, required(
                v, "on", _t("受付日を入力してください")), v["note"]))

    # ---------------------------------------------------------------- consents

    def _build_consents(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.consents_model = RecordsModel(
            (_t("種類"), _t("署名日"), _t("有効期限"), _t("撤回日"), _t("署名済みの原本"),
             _t("提供先"), _t("範囲"), _t("文言")),
            lambda c: (label("consent", c.kind), wareki(c.signed_on), wareki(c.valid_until),
                       wareki(c.withdrawn_on),
                       "\n".join(describe(s, lines=True) for s in c.scans) or _t("なし"),
                       listing(c.recipients),
                       listing(label("scope", s) for s in c.scope) if c.scope_confirmed
                       else _t("未確認（原本で確認してください）"),
                       f"{c.wording_version} ({c.wording_hash[:8]})"))
        self.consents_view = _table(self.consents_model)
        # The scope is long (five items): it wraps in the room left, so that the original
        # and the wording stay in view on a 1024×700 screen.
        header = self.consents_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CONSENT_SCOPE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.consents_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.consents_view.selectionModel().selectionChanged.connect(self._show_scan_buttons)
        self.consents_model.modelReset.connect(self._show_scan_buttons)
        layout.addWidget(self.consents_view, 1)
        row = QHBoxLayout()
        record = QPushButton(_t("同意を記録"))
        record.clicked.connect(self.record_consent)
        withdraw = QPushButton(_t("選択した同意の撤回を記録"))
        withdraw.clicked.connect(self.withdraw_consent)
        confirm = QPushButton(_t("範囲を原本で確認…"))
        confirm.setObjectName("confirmScope")
        confirm.clicked.connect(self.confirm_scope)
        for button in (record, withdraw, confirm):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        # The signed original of the consent selected: attach, see, remove (a wrong file).
        originals = QHBoxLayout()
        originals.addWidget(QLabel(_t("選択した同意の署名済み原本:")))
        self.attach_scan_button = QPushButton(_t("署名済みの同意書を添付…"))
        self.attach_scan_button.setObjectName("attachScan")
        self.attach_scan_button.clicked.connect(self.attach_scan)
        self.view_scan_button = QPushButton(_t("原本を表示"))
        self.view_scan_button.setObjectName("viewScan")
        self.view_scan_button.clicked.connect(self.view_scan)
        self.remove_scan_button = QPushButton(_t("原本を削除…"))
        self.remove_scan_button.setObjectName("removeScan")
        self.remove_scan_button.clicked.connect(self.remove_scan)
        for button in (self.attach_scan_button, self.view_scan_button, self.remove_scan_button):
            originals.addWidget(button)
        originals.addStretch(1)
        layout.addLayout(originals)
        self.consent_edit_refusal = ""
        self._show_scan_buttons()
        self.tabs.addTab(scrolling(page), _t("同意"))

    def _show_scan_buttons(self) -> None:
        """原本を表示 with a consent selected that has one; 添付 and 削除 also only for
        whoever may change the case (the service checks the same: check_edit)."""
        consent = _selected(self.consents_view)
        refusal = self.consent_edit_refusal
        scanned = consent is not None and bool(consent.scans)
        self.view_scan_button.setEnabled(scanned)
        self.attach_scan_button.setEnabled(consent is not None and not refusal)
        self.remove_scan_button.setEnabled(scanned and not refusal)
        for button in (self.attach_scan_button, self.remove_scan_button):
            button.setToolTip(refusal)

    def record_consent(self) -> None:
        episode = self.episode()
        if episode is None:
            return

        def build(f: Form, offices: list[str]) -> None:
            f.choice("kind", _t("種類"), choices("consent"))
            f.date("signed_on", _t("署名日"), self.services.ctx.today())
            f.date("valid_until", _t("有効期限（任意）"))
            # The registered Hello Work offices to tick, as on the paper (a name typed by
            # hand once named no office at all: the new-office trial of 12-02); others,
            # such as a サポステ, typed.
            for i, name in enumerate(offices):
                f.check(f"office_{i}", _t("提供先: {name}").format(name=name), False)
            f.text("recipients", _t("その他の提供先（読点区切り）"))
            # Blank: ticked by the caseworker from the boxes ticked on the signed paper.
            for key, text in CONSENT_SCOPE.items():
                f.check(f"scope_{key}", shown(text), False)
            # The recipients and the scope belong to the 情報提供同意: a 参加同意 dropped
            # whatever was filled in them without a word (the new-office trial of 12-02).
            sharing_only = [w for n, w in f.fields.items()
                            if n.startswith(("office_", "scope_")) or n == "recipients"]
            kind = f.fields["kind"]
            assert isinstance(kind, QComboBox)

            def follow_kind() -> None:
                for widget in sharing_only:
                    widget.setEnabled(kind.currentData() == "information_sharing")

            kind.currentIndexChanged.connect(lambda _: follow_kind())
            follow_kind()

        def submit(v: dict[str, Any], offices: list[str]) -> Command[Any]:
            sharing = v["kind"] == "information_sharing"
            recipients = [n for i, n in enumerate(offices) if v[f"office_{i}"]]
            recipients += [n for n in split_list(v["recipients"]) if n not in recipients]
            return RecordConsent(episode.id, ConsentInput(
                v["kind"], required(v, "signed_on", _t("署名日を入力してください")),
                v["valid_until"], recipients if sharing else [],
                [k for k in CONSENT_SCOPE if v[f"scope_{k}"]] if sharing else []))

        def opened(offices: list[str]) -> None:
            self._dialog(_t("同意を記録"), lambda f: build(f, offices),
                         lambda v: submit(v, offices),
                         _t("署名された同意書の内容を記録します。文言は現在の版が保存されます。"))

        self.runner.read(lambda: [o.name for o in self.services.offices.offices() if o.active],
                         opened, owner=self)

    def withdraw_consent(self) -> None:
        episode, consent = self.episode(), _selected(self.consents_view)
        if episode is None or consent is None:
            return
        if consent.kind == "participation":
            # 参加同意: the support ends with it (asked, ticked by default).
            self._dialog(_t("参加同意の撤回"), lambda f: (
                f.date("on", _t("撤回日"), self.services.ctx.today()),
                f.check("close", _t("支援を終了する（終了理由: 同意撤回）"), True),
                f.area("note", _t("メモ"))),
                lambda v: WithdrawParticipation(
                    episode.id, consent.id, required(v, "on", _t("撤回日を入力してください")),
                    v["note"], close_episode=bool(v["close"])),
                _t("撤回日以降、この支援エピソードの情報は提供できなくなります。ハローワークには"
                   "「支援終了・同意撤回の連絡」を印刷して送ります（印刷 → 支援終了・同意撤回の連絡）。"))
            return
        self._dialog(_t("同意の撤回"), lambda f: (
            f.date("on", _t("撤回日"), self.services.ctx.today()), f.area("note", _t("メモ"))),
            lambda v: WithdrawConsent(episode.id, consent.id, required(
                v, "on", _t("撤回日を入力してください")), v["note"]),
            _t("撤回日以降、この同意にもとづく支援要請と情報提供はできなくなります。"))

    def confirm_scope(self) -> None:
        """The scope of an 情報提供同意 read off the signed paper (a ledger's consent shares
        nothing until then)."""
        episode, consent = self.episode(), _selected(self.consents_view)
        if episode is None or consent is None or consent.kind != "information_sharing":
            return

        def build(f: Form) -> None:
            for key, text in CONSENT_SCOPE.items():
                f.check(f"scope_{key}", shown(text), False)

        self._dialog(_t("同意範囲の確認"), build, lambda v: ConfirmConsentScope(
            episode.id, consent.id, consent.version,
            tuple(k for k in CONSENT_SCOPE if v[f"scope_{k}"])),
            _t("署名された同意書を見て、印の付いている項目を選んでください。"))

    def attach_scan(self) -> None:
        """The scanned signed original (PDF, JPEG or PNG), stored encrypted; the packet
        sends it as the consent's copy."""
        episode, consent = self.episode(), _selected(self.consents_view)
        if episode is None or consent is None:
            return
        path = preview.choose_open_path(self, _t("署名済みの同意書（PDF・JPEG・PNG）"),
                                        _t("PDF・画像 (*.pdf *.jpg *.jpeg *.png)"))
        if not path:
            return

        self.runner.run(AttachConsentScan(episode.id, consent.id, Path(path)), parent=self,
                        title=_t("添付できません"))

    def _chosen_scan(self, title: str, ok_text: str) -> ScanRecord | None:
        """The selected consent's original; with several attached, the one picked."""
        consent = _selected(self.consents_view)
        if consent is None or not consent.scans:
            return None
        if len(consent.scans) == 1:
            return consent.scans[0]

        def build(f: Form) -> None:
            f.choice("scan", _t("原本"), [(s.id, describe(s)) for s in consent.scans])

        dialog = ActionDialog(title, build, lambda v: next(
            s for s in consent.scans if s.id == v["scan"]), ok_text=ok_text, parent=self)
        return dialog.result_value if dialog.exec() else None

    def view_scan(self) -> None:
        """The signed original in the viewer: read and decrypted on the write lane, where
        the view is audited; shown from memory."""
        scan = self._chosen_scan(_t("表示する原本"), _t("表示"))
        if scan is None:
            return

        def show(result: tuple[ScanRecord, bytes]) -> None:
            ScanViewerDialog(*result, parent=self).exec()

        self.runner.run(OpenConsentScan(scan.id), parent=self, on_done=show,
                        title=_t("原本を表示できません"))

    def remove_scan(self) -> None:
        """A wrong attachment removed, after a question naming the file."""
        episode = self.episode()
        scan = self._chosen_scan(_t("削除する原本"), _t("次へ"))
        if episode is None or scan is None:
            return
        if not dialogs.ask_confirm(self, _t("原本を削除"), _t(
                "添付された原本「{file}」を削除しますか？\n削除すると元に戻せません。ほかに"
                "原本がなければ、支援要請書類一式の同意書は「控（署名欄は原本参照）」で"
                "印刷されます。").format(file=describe(scan))):
            return
        self.runner.run(RemoveConsentScan(episode.id, scan.id), parent=self,
                        title=_t("原本を削除できません"))

    # ---------------------------------------------------------------- contact log

    def _build_contacts(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.quick = Form()
        self.quick.date("on", _t("日付"), None)
        self.quick.choice("kind", _t("種別"), choices("contact"))
        self.quick.area("content", _t("内容"))
        self.quick.text("next_action", _t("次の対応"))
        self.quick.date("next_action_due", _t("期限"))
        self.quick.text("attendees_welfare", _t("出席者（福祉）※ケース会議"))
        self.quick.text("attendees_hello_work", _t("出席者（HW）※ケース会議"))
        self.quick.text("decisions", _t("決定事項 ※ケース会議"))
        layout.addWidget(self.quick)
        add = QPushButton(_t("記録を追加"))
        add.setObjectName("primary")
        add.clicked.connect(self.add_contact)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        layout.addLayout(row)
        self.contacts_model = RecordsModel(
            (_t("日付"), _t("種別"), _t("担当"), _t("内容"), _t("次の対応")),
            lambda c: (wareki(c.contact_on), label("contact", c.kind), c.staff_name, c.content,
                       parenthesised(c.next_action, wareki(c.next_action_due))))
        self.contacts_view = _table(self.contacts_model)
        # On a 1024×700 screen the entry form above left the history one row high; the page
        # scrolls instead, so that at least five past records show at once.
        self.contacts_view.setMinimumHeight(
            self.contacts_view.horizontalHeader().sizeHint().height()
            + 5 * self.contacts_view.verticalHeader().defaultSectionSize() + 4)
        layout.addWidget(self.contacts_view, 1)
        self.tabs.addTab(scrolling(page), _t("ケース記録"))

    def add_contact(self) -> None:
        episode = self.episode()
        if episode is None:
            return
        values = self.quick.values()
        if values is None:
            return

        def added(_: uuid.UUID) -> None:
            for name in ("content", "next_action", "next_action_due", "attendees_welfare",
                         "attendees_hello_work", "decisions"):
                widget = self.quick.fields[name]
                widget.clear()  # type: ignore[attr-defined]

        self.runner.run(AddContact(episode.id, ContactInput(
            values["on"] or self.services.ctx.today(), values["kind"], values["content"],
            values["next_action"], values["next_action_due"], values["attendees_welfare"],
            values["attendees_hello_work"], values["decisions"])),
            parent=self, form=self.quick, on_done=added)

    # ---------------------------------------------------------------- placements

    def _build_placements(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.placements_model = RecordsModel(
            (_t("就職日"), _t("事業所"), _t("職種"), _t("雇用期間"), _t("賃金"), _t("経路"),
             _t("離職日")),
            lambda p: (wareki(p.start_on), p.employer, p.job_title, label("term", p.term_category),
                       ((_t("{amount:,}円/月") if p.wage_unit == "monthly"
                         else _t("{amount:,}円/時")).format(amount=p.wage_amount)
                        if p.wage_amount else ""), label("route", p.route), wareki(p.end_on)))
        layout.addWidget(QLabel(_t("就職")))
        layout.addWidget(_table(self.placements_model), 1)
        self.checkpoints_model = RecordsModel(
            (_t("定着確認"), _t("予定日"), _t("確認日"), _t("結果")),
            lambda c: (_t("{months}か月").format(months=c.months), wareki(c.due_on),
                       wareki(c.done_on), self._check_status(c)))
        layout.addWidget(QLabel(_t("定着確認")))
        self.checkpoints_view = _table(self.checkpoints_model)
        self.checkpoints_view.setObjectName("checkpointsView")
        self.checkpoints_view.setAccessibleName(_t("定着確認"))
        layout.addWidget(self.checkpoints_view, 1)
        record = QPushButton(_t("選択した定着確認の結果を記録"))
        record.clicked.connect(self.record_checkpoint)
        row = QHBoxLayout()
        row.addWidget(record)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs.addTab(scrolling(page), _t("就職・定着"))

    def _check_status(self, check: Any) -> str:
        """Every check has a status: its result, or still to do (予定 / 期限超過)."""
        if check.result:
            return label("checkpoint", check.result)
        if check.due_on < self.services.ctx.today():
            return _t("期限超過（未確認）")
        return _t("予定")

    def record_checkpoint(self) -> None:
        episode, checkpoint = self.episode(), _selected(self.checkpoints_view)
        if episode is None or checkpoint is None:
            return
        self._dialog(_t("定着確認の結果"), lambda f: (
            f.date("done_on", _t("確認日"), self.services.ctx.today()),
            f.choice("result", _t("結果"), [(k, label("checkpoint", k))
                                            for k in CHECKPOINT_OBSERVED]),
            f.area("note", _t("メモ"))),
            lambda v: RecordCheckpoint(episode.id, checkpoint.id, required(
                v, "done_on", _t("確認日を入力してください")), v["result"], v["note"]),
            # Well before its due date: asked first, then recorded as confirmed.
            confirmed=lambda c: dataclasses.replace(c, early=True), question_field="done_on")

    # ---------------------------------------------------------------- plan

    def _build_plan(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.plan_text = QPlainTextEdit()
        self.plan_text.setReadOnly(True)
        layout.addWidget(self.plan_text)
        row = QHBoxLayout()
        self.revise_button = QPushButton(_t("プランを改訂"))
        self.revise_button.clicked.connect(self.revise_plan)
        self.protection_button = QPushButton(_t("保護の変更を記録"))
        self.protection_button.clicked.connect(self.record_protection)
        self.review_button = QPushButton(_t("見直しの結果を記録"))
        self.review_button.clicked.connect(self.record_review)
        row.addWidget(self.revise_button)
        row.addWidget(self.review_button)
        row.addWidget(self.protection_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs.addTab(scrolling(page), _t("支援プラン・支援要請"))

    def _show_plan(self, plan: Any, referrals: list[Any]) -> None:
        lines = []
        statuses = {"sent": _t("回答待ち"), "accepted": _t("受理"), "returned": _t("差戻し"),
                    "withdrawn": _t("取下げ")}
        for r in referrals:
            lines.append(_t("支援要請 {number}　{on}　{office}　{status}").format(
                number=r.number or _t("（未発行）"), on=wareki(r.referred_on), office=r.office_name,
                status=parenthesised(statuses[r.status], r.return_reason or "")))
        if plan is not None:
            team = listing(parenthesised(m["name"], _t("福祉") if m["side"] == "welfare"
                                         else _t("HW")) for m in plan.team)
            goal = " ".join(x for x in (plan.goal_job, plan.goal_employment_type, plan.goal_hours,
                                        plan.goal_wage, plan.goal_area,
                                        wareki(plan.goal_target_on)) if x)
            lines += ["", _t("就労支援プラン 第{revision}版").format(revision=plan.revision),
                      _t("チーム: {team}").format(team=team),
                      _t("目標: {goal}").format(goal=goal),
                      _t("阻害要因: {barriers}").format(barriers=plan.barriers),
                      _t("支援メニュー: {menu}").format(
                          menu=listing(label("menu", m) for m in plan.menu)),
                      _t("ハローワークの役割: {role}").format(role=plan.role_hello_work),
                      _t("福祉事務所の役割: {role}").format(role=plan.role_welfare)]
            lines += [_t("見直し {due}").format(due=wareki(due))
                      + (f" → {wareki(done)} {result}" if done else "")
                      for _, due, done, result in plan.reviews]
        self.plan_text.setPlainText("\n".join(lines) or _t("支援プランはまだありません"))

    # ---------------------------------------------------------------- Hello Work

    def _build_hello_work(self) -> None:
        """Hello Work's side of the case: its 求職番号 and navigator, the activities it
        reported, and the 採用 waiting to be recorded as the placement."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self.hw_referral = QLabel()
        self.hw_referral.setObjectName("stateLine")
        layout.addWidget(self.hw_referral)
        details = QHBoxLayout()
        details.addWidget(QLabel(_t("求職番号")))
        self.hw_number = QLineEdit()
        self.hw_number.setObjectName("jobSeekerNumber")
        self.hw_number.setPlaceholderText(_t("ハローワークの求職番号"))
        details.addWidget(self.hw_number, 1)
        details.addWidget(QLabel(_t("担当ナビゲーター")))
        self.hw_navigator = QLineEdit()
        self.hw_navigator.setObjectName("navigator")
        details.addWidget(self.hw_navigator, 1)
        self.hw_save = QPushButton(_t("保存"))
        self.hw_save.setObjectName("saveHelloWork")
        self.hw_save.clicked.connect(self.save_hello_work_details)
        details.addWidget(self.hw_save)
        layout.addLayout(details)
        self.hw_message = QLabel()
        self.hw_message.setObjectName("fieldError")
        self.hw_message.setWordWrap(True)
        self.hw_message.hide()
        layout.addWidget(self.hw_message)
        self.hw_proposals = QLabel()
        self.hw_proposals.setObjectName("hireProposal")
        self.hw_proposals.setWordWrap(True)
        layout.addWidget(self.hw_proposals)
        self.activities_model = RecordsModel(
            (_t("日付"), _t("種別"), _t("事業所・名称"), _t("職種"), _t("採否"), _t("記録元"),
             _t("備考")),
            lambda a: (wareki(a.on) + (_t("〜{end}").format(end=wareki(a.end_on))
                                       if a.end_on else ""),
                       label("activity", a.kind), a.title if a.kind == "seminar" else a.company,
                       a.job_title, self._hiring_text(a),
                       _t("連絡票") if a.source == "exchange" else _t("入力"), a.note))
        self.activities_view = _table(self.activities_model)
        self.activities_view.setObjectName("helloWorkActivities")
        layout.addWidget(self.activities_view, 1)
        buttons = QWidget()
        row = FlowLayout(buttons)  # wraps on a narrow screen or with large text
        self.hw_add = QPushButton(_t("ハローワークの支援を記録…"))
        self.hw_add.setObjectName("addActivity")
        self.hw_add.clicked.connect(self.record_activity)
        self.hw_confirm = QPushButton(_t("選択した採用を就職として記録…"))
        self.hw_confirm.setObjectName("confirmHire")
        self.hw_confirm.clicked.connect(self.confirm_hire)
        self.hw_dismiss = QPushButton(_t("選択した採用を就職として記録しない"))
        self.hw_dismiss.setObjectName("dismissHire")
        self.hw_dismiss.clicked.connect(self.dismiss_hire)
        self.hw_remove = QPushButton(_t("選択した記録を削除"))
        self.hw_remove.setObjectName("removeActivity")
        self.hw_remove.clicked.connect(self.remove_activity)
        for button in (self.hw_add, self.hw_confirm, self.hw_dismiss, self.hw_remove):
            row.addWidget(button)
        layout.addWidget(buttons)
        self.hello_work: HelloWorkCase | None = None
        self.hello_work_page = scrolling(page)
        self.tabs.addTab(self.hello_work_page, _t("ハローワーク"))

    @staticmethod
    def _hiring_text(a: ActivityRecord) -> str:
        if a.result is None:
            return ""
        text = label("hiring", a.result)
        if a.proposal:
            return _t("{result}（就職の記録待ち）").format(result=text)
        if a.placement_id is not None:
            return _t("{result}（就職として記録済み）").format(result=text)
        if a.dismissed_on is not None:
            return _t("{result}（記録しない）").format(result=text)
        return text

    def _show_hello_work(self, case: HelloWorkCase | None,
                         episode: EpisodeSummary | None = None) -> None:
        self.hello_work = case
        self.hw_message.hide()
        statuses = {"sent": _t("回答待ち"), "accepted": _t("受理"), "returned": _t("差戻し"),
                    "withdrawn": _t("取下げ")}
        if case is None or not case.office_name:
            self.hw_referral.setText(_t("ハローワークへの支援要請はまだありません"))
        else:  # a referral's number comes with its 支援要請書 (未発行 until it is issued)
            self.hw_referral.setText(_t("支援要請 {number}　{office}　{status}").format(
                number=case.referral_number or _t("未発行"), office=case.office_name,
                status=statuses.get(case.referral_status, case.referral_status)))
        self.hw_number.setText(case.job_seeker_number if case else "")
        self.hw_navigator.setText(case.navigator if case else "")
        self.activities_model.replace(list(case.activities) if case else [])
        proposals = case.proposals if case else []
        self.hw_proposals.setText("\n".join(
            _t("ハローワークから採用の連絡があります: {on} {company}{job}　→「選択した採用を就職として記録」で確かめてください").format(
                on=wareki(a.on), company=a.company,
                job=_t("（{job}）").format(job=a.job_title) if a.job_title else "")
            for a in proposals))
        self.hw_proposals.setVisible(bool(proposals))
        editable = episode is not None and episode.state != "closed"
        open_referral = case is not None and case.referral_status in ("sent", "accepted")
        self.hw_save.setEnabled(episode is not None)
        self.hw_add.setEnabled(editable and open_referral)
        self.hw_add.setToolTip("" if open_referral else _t(
            "ハローワークへの支援要請（回答待ちまたは受理）があるときに記録できます"))
        self.hw_confirm.setEnabled(bool(proposals) and episode is not None
                                   and episode.state == "active")
        self.hw_confirm.setToolTip("" if episode is None or episode.state == "active" else _t(
            "就職は「支援中」のときに記録できます"))
        self.hw_dismiss.setEnabled(bool(proposals))

    def _hw_failed(self, exc: BaseException) -> bool:
        """A refusal is shown on the tab, above the list; anything else as usual."""
        if isinstance(exc, DomainError) and not isinstance(exc, StaleRecord):
            self.hw_message.setText(exc.message)
            self.hw_message.show()
            return True
        return False

    def save_hello_work_details(self) -> None:
        episode = self.episode()
        if episode is None:
            return
        self.runner.run(SetHelloWorkDetails(episode.id, self.hw_number.text(),
                                            self.hw_navigator.text()),
                        parent=self, on_failed=self._hw_failed)

    def record_activity(self) -> None:
        episode = self.episode()
        if episode is None:
            return
        today = self.services.ctx.today()

        def build(f: Form) -> None:
            f.choice("kind", _t("種別"), choices("activity"))
            f.date("on", _t("日付（セミナー・訓練は初日）"), today)
            f.text("company", _t("事業所名（職業紹介・応募・面接・採否）"))
            f.text("job_title", _t("職種"))
            f.choice("result", _t("採否"), [(None, _t("（採否のときに選ぶ）")),
                                           *choices("hiring")])
            f.text("title", _t("セミナー・訓練の名称"))
            f.date("end_on", _t("最終日（セミナー・訓練）"))
            f.area("note", _t("備考"))

        self._dialog(_t("ハローワークの支援を記録"), build, lambda v: RecordHelloWorkActivity(
            episode.id, ActivityInput(
                v["kind"], required(v, "on", _t("日付を入力してください")), v["company"],
                v["job_title"], v["result"], v["title"], v["end_on"], v["note"])),
            _t("ハローワークから聞いた支援の状況を1件ずつ記録します。採用は就職の記録を待つ提案になります。"))

    def _selected_activity(self) -> ActivityRecord | None:
        selected = _selected(self.activities_view)
        return selected if isinstance(selected, ActivityRecord) else None

    def _selected_proposal(self) -> ActivityRecord | None:
        selected = self._selected_activity()
        if selected is not None and selected.proposal:
            return selected
        proposals = self.hello_work.proposals if self.hello_work else []
        return proposals[0] if len(proposals) == 1 else None

    def confirm_hire(self) -> None:
        """就職を記録, filled in from the 採用 Hello Work reported and linked to it."""
        episode, hire = self.episode(), self._selected_proposal()
        spec = ACTIONS.get(("active", "placed"))
        if episode is None or hire is None or spec is None or episode.state != "active":
            return
        today = self.services.ctx.today()
        self.runner.read(lambda: self.services.employers.search(self.actor),
                         lambda employers: self._open_action(
                             spec, ActionContext(self, episode, today, (employers, hire))),
                         owner=self)

    def dismiss_hire(self) -> None:
        episode, hire = self.episode(), self._selected_proposal()
        if episode is None or hire is None or not dialogs.ask_confirm(self, _t("採用の連絡"), _t(
                "{company} の採用を就職として記録しないことにします。よろしいですか。").format(
                company=hire.company)):
            return
        self.runner.run(DismissHire(episode.id, hire.id), parent=self,
                        on_failed=self._hw_failed)

    def remove_activity(self) -> None:
        episode, activity = self.episode(), self._selected_activity()
        if episode is None or activity is None or not dialogs.ask_confirm(
                self, _t("記録の削除"), _t(
                    "{on} の「{kind}」の記録を削除します。よろしいですか。").format(
                    on=wareki(activity.on), kind=label("activity", activity.kind))):
            return
        self.runner.run(RemoveHelloWorkActivity(episode.id, activity.id), parent=self,
                        on_failed=self._hw_failed)
