"""A person's 就労準備・経路 tab: the route they are on (and moving to another), the readiness
assessment (就労準備度) with its revisions, and the activities of the routes besides the Hello
Work referral; and the screening decision's dialog, which shows the assessment beside it.
Every read goes through the task runner, and every write is a command it runs (the person's
view reloads from the command's Changes, and with it this tab)."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translator
from desktop.services import Services
from desktop.services.commands import (
    AssessReadiness,
    ChangeRoute,
    EndActivity,
    RecordActivityProgress,
    RecordScreeningDecision,
    StartActivity,
)
from desktop.services.context import Actor
from desktop.services.employers import EmployerRecord
from desktop.services.errors import InvalidInput
from desktop.services.labels import (
    ACTIVITY_OUTCOMES,
    EXPERIENCE_TYPES,
    READINESS_SCORES,
    ROUTES,
    TRAINING_TYPES,
)
from desktop.services.routes import (
    ActivityInput,
    ActivityRecord,
    AssessmentInput,
    AssessmentRecord,
    ReadinessScore,
)
from desktop.services.workflow import ROUTE_STATES, EpisodeSummary, RouteChangeRecord
from desktop.ui.admin_common import ListModel, list_view, refuse_or_report, selected
from desktop.ui.forms import CommandDialog, required
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, parenthesised, wareki
from desktop.ui.widgets import FlowLayout, Form, fit_to_screen

_t = translator("Routes")


def whole_number(values: dict[str, Any], name: str) -> int | None:
    """A count typed in a form (全角 digits and commas accepted); None when empty."""
    text = str(values.get(name) or "").strip()
    if not text:
        return None
    try:
        return int(unicodedata.normalize("NFKC", text).replace(",", ""))
    except ValueError:
        raise InvalidInput(name, _t("数字で入力してください")) from None


def score_text(score: int) -> str:
    return _t("{score} {label}").format(score=score, label=label("readiness", score))


def assessment_lines(assessment: AssessmentRecord | None) -> str:
    """The assessment as plain lines (beside the screening decision)."""
    if assessment is None:
        return _t("就労準備度はまだ評価されていません。")
    lines = [_t("就労準備度 第{revision}版（{on}・{by}）").format(
        revision=assessment.revision, on=wareki(assessment.assessed_on),
        by=assessment.assessor_name)]
    for x in assessment.scores:
        line = parenthesised(_t("{item}: {score}").format(item=x.item,
                                                          score=score_text(x.score)), x.note)
        lines.append(_t("▲ {line}").format(line=line) if x.score <= 2 else line)
    if assessment.summary:
        lines.append(_t("所見: {summary}").format(summary=assessment.summary))
    return "\n".join(lines)


# ---------------------------------------------------------------- dialogs


def assessment_dialog(parent: QWidget, runner: TaskRunner, today: date,
                      episode_id: uuid.UUID, items: list[str],
                      previous: AssessmentRecord | None) -> AssessmentRecord | None:
    """A new revision of the readiness check: every item scored 1–4 (filled in from the
    previous revision), a note each, the date and a summary. The saved record, or None."""
    before = {x.item: x for x in previous.scores} if previous else {}
    options: list[tuple[Any, str]] = [(None, _t("選んでください")),
                                      *((k, score_text(k)) for k in READINESS_SCORES)]

    def build(f: Form) -> None:
        f.date("assessed_on", _t("評価日"), today)
        for item in items:
            old = before.get(item)
            f.choice(f"score:{item}", item, options, old.score if old else None)
            f.text(f"note:{item}", _t("　メモ"), old.note if old else "")
        f.area("summary", _t("所見"), previous.summary if previous else "")

    def submit(v: dict[str, Any]) -> AssessReadiness:
        return AssessReadiness(episode_id, AssessmentInput(
            required(v, "assessed_on", _t("評価日を入力してください")),
            tuple(ReadinessScore(item, v[f"score:{item}"] or 0, v[f"note:{item}"])
                  for item in items), v["summary"]))

    dialog = CommandDialog(
        runner, _t("就労準備度の評価"), build, submit,
        _t("各項目を4段階（1 課題が大きい 〜 4 良好）で評価し、必要なら短いメモを残します。"
           "保存すると新しい版になり、前の版もそのまま残ります。"),
        _t("保存"), parent)
    dialog.setObjectName("assessmentDialog")
    return dialog.result_value if dialog.exec() else None


def decision_fields(f: Form, today: date) -> None:
    """所内協議の結果: the decision, the route an approval leads to, its date and meeting."""
    f.choice("decision", _t("決定"), [("approved", _t("支援対象とする")),
                                     ("rejected", _t("対象としない"))])
    f.choice("route", _t("支援の経路"), [(k, label("support_route", k)) for k in ROUTES])
    f.date("decided_on", _t("決定日"), today)
    f.text("meeting", _t("会議"), _t("所内協議"))


def decision_command(episode_id: uuid.UUID, v: dict[str, Any]) -> RecordScreeningDecision:
    return RecordScreeningDecision(
        episode_id, v["decision"], required(v, "decided_on", _t("決定日を入力してください")),
        v["meeting"], v["route"] if v["decision"] == "approved" else None)


class ScreeningDecisionDialog(CommandDialog):
    """所内協議の結果 (decision_fields) with the readiness assessment in force beside the
    form; the route is asked only for an approval."""

    def __init__(self, runner: TaskRunner, title: str, build: Callable[[Form], None],
                 submit: Callable[[dict[str, Any]], Any], assessment: AssessmentRecord | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, title, build, submit, "", parent=parent)
        self.setObjectName("screeningDecisionDialog")
        decision = self.form.fields["decision"]
        assert isinstance(decision, QComboBox)
        decision.currentIndexChanged.connect(lambda _: self.form.fields["route"].setEnabled(
            decision.currentData() == "approved"))
        # The form on the left, the assessment beside it.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        scroll = next(w for w in self.findChildren(QScrollArea) if w.parent() is self)
        index = layout.indexOf(scroll)
        layout.removeWidget(scroll)
        panel = QLabel(assessment_lines(assessment))
        panel.setObjectName("assessmentBeside")
        panel.setWordWrap(True)
        panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        beside = QScrollArea()
        beside.setWidgetResizable(True)
        beside.setWidget(panel)
        row = QHBoxLayout()
        row.addWidget(scroll, 3)
        box = QGroupBox(_t("就労準備度"))
        QVBoxLayout(box).addWidget(beside)
        row.addWidget(box, 2)
        layout.insertLayout(index, row, 1)
        self.assessment_panel = panel
        fit_to_screen(self, 900, 520)


def _activity_fields(kind: str, employers: list[EmployerRecord],
                     today: date) -> Callable[[Form], None]:
    def build(f: Form) -> None:
        if kind == "work_readiness":
            f.text("provider", _t("実施事業者"))
        elif kind == "work_experience":
            f.choice("subtype", _t("種類"), [(k, label("experience", k)) for k in EXPERIENCE_TYPES])
            f.choice("employer", _t("協力事業所"), [(None, _t("選んでください")), *(
                (e.id, parenthesised(e.name, e.industry)) for e in employers)])
            f.text("course", _t("体験・作業の内容"))
        else:
            f.choice("subtype", _t("種類"), [(k, label("training", k)) for k in TRAINING_TYPES])
            f.text("course", _t("訓練科（コース）"))
            f.text("provider", _t("訓練実施機関（学校）"))
        f.date("start_on", _t("開始日"), today)
        f.date("planned_end_on", _t("終了予定日"))
        if kind != "training":
            f.text("planned_days", _t("予定日数"))
        f.area("note", _t("メモ"))
    return build


# ---------------------------------------------------------------- the tab


class RoutesTab(QWidget):
    """就労準備・経路: one episode's route, readiness and activities. Its writes are commands:
    the person's view reloads from their Changes and shows the episode here again."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.episode: EpisodeSummary | None = None
        self.assessments: list[AssessmentRecord] = []
        self.employers: list[EmployerRecord] = []
        self.items: list[str] = []
        layout = QVBoxLayout(self)

        route_row = QHBoxLayout()
        self.route_line = QLabel()
        self.route_line.setObjectName("routeLine")
        self.route_line.setWordWrap(True)
        route_row.addWidget(self.route_line, 1)
        self.route_button = QPushButton(_t("経路を変更…"))
        self.route_button.setObjectName("changeRoute")
        self.route_button.clicked.connect(self.change_route)
        route_row.addWidget(self.route_button)
        layout.addLayout(route_row)
        self.route_history = QLabel()
        self.route_history.setObjectName("routeHistory")
        self.route_history.setWordWrap(True)
        layout.addWidget(self.route_history)

        readiness = QGroupBox(_t("就労準備度"))
        column = QVBoxLayout(readiness)
        top = QHBoxLayout()
        self.revision = QComboBox()
        self.revision.setObjectName("assessmentRevision")
        self.revision.setAccessibleName(_t("評価の版"))
        self.revision.currentIndexChanged.connect(self._show_revision)
        top.addWidget(self.revision, 1)
        self.assess_button = QPushButton(_t("就労準備度を評価…"))
        self.assess_button.setObjectName("assessReadiness")
        self.assess_button.clicked.connect(self.assess)
        top.addWidget(self.assess_button)
        column.addLayout(top)
        self.scores = ListModel([_t("項目"), _t("評価"), _t("メモ")],
                                lambda x: (x.item, score_text(x.score), x.note))
        self.scores_view = list_view(self.scores, "readinessScores")
        column.addWidget(self.scores_view)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        layout.addWidget(readiness, 3)

        activities = QGroupBox(_t("就労準備支援事業・職場体験・職業訓練"))
        column = QVBoxLayout(activities)
        self.activities = ListModel(
            [_t("種類"), _t("内容"), _t("実施先"), _t("期間"), _t("出席"), _t("結果")],
            self._activity_cells)
        self.activities_view = list_view(self.activities, "activities")
        self.activities_view.selectionModel().selectionChanged.connect(
            lambda *_: self._selection())
        column.addWidget(self.activities_view)
        buttons = QWidget()
        row = FlowLayout(buttons)
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, text in (("work_readiness", _t("就労準備支援事業を追加…")),
                           ("work_experience", _t("職場体験・中間的就労を追加…")),
                           ("training", _t("職業訓練を追加…"))):
            button = QPushButton(text)
            button.setObjectName(f"add_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.add_activity(k))
            row.addWidget(button)
            self.add_buttons[kind] = button
        self.progress_button = QPushButton(_t("出席・経過を記録…"))
        self.progress_button.setObjectName("activityProgress")
        self.progress_button.clicked.connect(self.record_progress)
        self.end_button = QPushButton(_t("終了を記録…"))
        self.end_button.setObjectName("activityEnd")
        self.end_button.clicked.connect(self.end_activity)
        row.addWidget(self.progress_button)
        row.addWidget(self.end_button)
        column.addWidget(buttons)
        layout.addWidget(activities, 3)
        self.show_episode(None)

    # ---------------------------------------------------------------- loading

    def show_episode(self, episode: EpisodeSummary | None) -> None:
        self.episode = episode
        if episode is None:
            self.route_line.setText(_t("支援エピソードはまだありません"))
            self.route_history.clear()
            self.assessments = []
            self.revision.clear()
            self.scores.replace([])
            self.summary.clear()
            self.activities.replace([])
            self._enable()
            return
        ep, svc, actor = episode.id, self.services, self.actor

        def load() -> dict[str, Any]:
            return {"items": svc.routes.readiness_items(),
                    "assessments": svc.routes.assessments(actor, ep),
                    "activities": svc.routes.activities(actor, ep),
                    "history": svc.workflow.route_history(actor, ep),
                    "employers": svc.employers.search(actor)}

        self.runner.read(load, lambda data: self._loaded(episode, data),
                         refuse_or_report(self, self.runner, _t("就労準備・経路")),
                         key=("routes", id(self)), owner=self)

    def _loaded(self, episode: EpisodeSummary, data: dict[str, Any]) -> None:
        if self.episode is None or self.episode.id != episode.id:
            return  # another episode was chosen meanwhile
        self.items, self.assessments = data["items"], data["assessments"]
        self.employers = [e for e in data["employers"]
                          if {"work_experience", "intermediate_employment"} & set(e.offers)]
        route = label("support_route", episode.route) if episode.route else _t("未定（所内協議の前）")
        decided = (_t("　所内協議で決定した経路: {route}").format(
            route=label("support_route", episode.screening_route))
                   if episode.screening_route else "")
        self.route_line.setText(_t("支援の経路: {route}").format(route=route) + decided)
        history: list[RouteChangeRecord] = data["history"]
        self.route_history.setText(_t("経路の変更: {changes}").format(changes=_t("　").join(
            _t("{on} {frm}→{to}").format(on=wareki(c.on), frm=label("support_route", c.from_route)
                                        or _t("決定"), to=label("support_route", c.to_route))
            + (_t("（{note}）").format(note=c.note) if c.note else "")
            for c in history)) if history else "")
        self.revision.blockSignals(True)
        self.revision.clear()
        for a in self.assessments:
            self.revision.addItem(_t("第{revision}版　{on}　{by}").format(
                revision=a.revision, on=wareki(a.assessed_on), by=a.assessor_name), a.id)
        if not self.assessments:
            self.revision.addItem(_t("（まだ評価していません）"), None)
        self.revision.blockSignals(False)
        self._show_revision()
        self.activities.replace(data["activities"])
        self._enable()

    def _show_revision(self) -> None:
        chosen = self.revision.currentData()
        found = next((a for a in self.assessments if a.id == chosen), None)
        self.scores.replace(list(found.scores) if found else [])
        self.summary.setText(_t("所見: {summary}").format(summary=found.summary)
                             if found and found.summary else "")

    def _activity_cells(self, a: ActivityRecord) -> tuple[str, ...]:
        kind = label("support_activity", a.kind)
        if a.subtype:
            kind = label("experience" if a.kind == "work_experience" else "training", a.subtype)
        period = _t("{start}〜{end}").format(start=wareki(a.start_on),
                                            end=wareki(a.end_on or a.planned_end_on))
        attended = ""
        if a.days_attended is not None:
            attended = (_t("{days}日／予定{planned}日").format(days=a.days_attended,
                                                           planned=a.planned_days)
                        if a.planned_days else _t("{days}日").format(days=a.days_attended))
        outcome = label("outcome", a.outcome) if a.outcome else _t("実施中")
        if a.evaluation:
            outcome = _t("{outcome}（{evaluation}）").format(outcome=outcome,
                                                          evaluation=a.evaluation)
        return (kind, a.course, a.where, period, attended, outcome)

    def _enable(self) -> None:
        e = self.episode
        open_episode = e is not None and e.state not in ("candidate", "closed")
        approved = open_episode and e is not None and e.screening_decision == "approved"
        self.assess_button.setEnabled(open_episode)
        self.route_button.setEnabled(bool(approved and e and e.state in ROUTE_STATES))
        for button in self.add_buttons.values():
            button.setEnabled(bool(approved))
        self._selection()

    def _selection(self) -> None:
        activity = selected(self.activities_view)
        going = activity is not None and activity.ongoing and self.episode is not None and (
            self.episode.state != "closed")
        self.progress_button.setEnabled(bool(going))
        self.end_button.setEnabled(bool(going))

    def _dialog(self, title: str, build: Callable[[Form], None],
                submit: Callable[[dict[str, Any]], Any], intro: str = "",
                name: str = "") -> None:
        dialog = CommandDialog(self.runner, title, build, submit, intro, parent=self)
        dialog.setObjectName(name)
        dialog.exec()

    # ---------------------------------------------------------------- actions

    def assess(self) -> None:
        if self.episode is None:
            return
        assessment_dialog(self, self.runner, self.services.ctx.today(), self.episode.id,
                          self.items, self.assessments[0] if self.assessments else None)

    def change_route(self) -> None:
        episode = self.episode
        if episode is None:
            return
        intro = _t("経路を変えると、その日から新しい経路の支援になります。")
        if episode.state == "referred":
            intro += _t("ハローワーク以外の経路に変えると、回答待ちの支援要請は取下げになり、"
                        "状態は「同意取得」に戻ります。")

        def build(f: Form) -> None:
            f.choice("route", _t("新しい経路"), [(k, label("support_route", k)) for k in ROUTES
                                              if k != episode.route])
            f.date("on", _t("変更日"), self.services.ctx.today())
            f.area("note", _t("理由・メモ"))

        self._dialog(_t("支援の経路を変更"), build, lambda v: ChangeRoute(
            episode.id, v["route"], required(v, "on", _t("変更日を入力してください")),
            v["note"]), intro, "routeDialog")

    def add_activity(self, kind: str) -> None:
        episode = self.episode
        if episode is None:
            return
        titles = {"work_readiness": _t("就労準備支援事業を記録"),
                  "work_experience": _t("職場体験・中間的就労を記録"),
                  "training": _t("職業訓練を記録")}
        intro = ""
        if kind == "work_experience" and not self.employers:
            intro = _t("職場体験・中間的就労を受け入れる協力事業所が登録されていません。"
                       "連携 → 協力事業所 から登録してください。")

        def submit(v: dict[str, Any]) -> StartActivity:
            return StartActivity(episode.id, ActivityInput(
                kind, required(v, "start_on", _t("開始日を入力してください")),
                subtype=v.get("subtype") or "", provider=v.get("provider", ""),
                course=v.get("course", ""), employer_id=v.get("employer"),
                planned_end_on=v.get("planned_end_on"),
                planned_days=whole_number(v, "planned_days"), note=v.get("note", "")))

        self._dialog(titles[kind], _activity_fields(kind, self.employers,
                                                    self.services.ctx.today()),
                     submit, intro, f"activityDialog_{kind}")

    def record_progress(self) -> None:
        activity, episode = selected(self.activities_view), self.episode
        if activity is None or episode is None:
            return

        def submit(v: dict[str, Any]) -> RecordActivityProgress:
            days = whole_number(v, "days_attended")
            if days is None:
                raise InvalidInput("days_attended", _t("出席日数を入力してください"))
            return RecordActivityProgress(episode.id, activity.id, days, v["evaluation"])

        self._dialog(_t("出席・経過を記録"), lambda f: (
            f.text("days_attended", _t("これまでの出席日数"), str(activity.days_attended or "")),
            f.area("evaluation", _t("経過・評価"), activity.evaluation)), submit,
            name="progressDialog")

    def end_activity(self) -> None:
        activity, episode = selected(self.activities_view), self.episode
        if activity is None or episode is None:
            return
        evaluation = {"work_experience": _t("評価"), "training": _t("訓練の結果")}.get(
            activity.kind, _t("評価・所見"))
        self._dialog(_t("終了を記録"), lambda f: (
            f.date("end_on", _t("終了日"), self.services.ctx.today()),
            f.choice("outcome", _t("結果"), [(k, label("outcome", k)) for k in ACTIVITY_OUTCOMES]),
            f.text("days_attended", _t("出席日数"), str(activity.days_attended or "")),
            f.area("evaluation", evaluation, activity.evaluation)),
            lambda v: EndActivity(
                episode.id, activity.id, required(v, "end_on", _t("終了日を入力してください")),
                v["outcome"], whole_number(v, "days_attended"), v["evaluation"]),
            _t("{where} の{kind}を終了として記録します。").format(
                where=activity.where, kind=label("support_activity", activity.kind)), "endActivityDialog")
