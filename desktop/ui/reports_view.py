"""実績報告: pick a period, see the indicators against the targets with charts, export them.

The report is computed by the report service on the task runner (off the GUI thread); the
tables and charts are filled from the plain JSON-like result it returns.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.report_tables import (
    SUMMARY_KEYS,
    LabelledTable,
    as_of_label,
    category_table,
    count_label,
    cumulative_rates,
    figure,
    monthly_table,
    office_table,
    organisation_table,
    period_months,
    retention_table,
    routes_organisation_table,
    routes_table,
    shown,
    staff_table,
    summary_table,
    total_label,
)
from desktop.i18n import shown_month_name, translator
from desktop.japanese.wareki import fiscal_year_of
from desktop.services import Services
from desktop.services.commands import Changes, ExportReport, SetTargets
from desktop.services.context import Actor
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.permissions import allowed
from desktop.services.reports import Period
from desktop.services.settings import INDICATORS
from desktop.ui import dialogs, preview
from desktop.ui.forms import CommandDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import fiscal_year, fiscal_year_short
from desktop.ui.widgets import DateEdit, FlowLayout

_t = translator("ReportsView")

FORMATS = {"xlsx": ("Excel (*.xlsx)", "Excel"), "pdf": ("PDF (*.pdf)", "PDF"),
           "csv": ("CSV (*.csv)", "CSV")}


def fill_table(widget: QTableWidget, table: LabelledTable) -> None:
    widget.clear()
    widget.setColumnCount(len(table.header))
    widget.setRowCount(len(table.rows))
    widget.setHorizontalHeaderLabels(table.header)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value) if c == 0 else shown(value, table.is_rate(r, c)))
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row[0] == total_label():
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(r, c, item)
    # Every column as wide as its header and figures (「就労による保護廃止」 was cut off when
    # the columns shared the width out equally); the table scrolls sideways where the window
    # is narrower.
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


def _table() -> QTableWidget:
    widget = QTableWidget()
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.verticalHeader().hide()
    widget.setAlternatingRowColors(True)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 14)
    return widget


class ReportsView(QWidget):
    """One screen: period picker, summary and retention, charts, breakdown tables, export."""

    computed = Signal(dict)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.report: dict[str, Any] | None = None
        self.period: Period | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_picker())
        self.heading = QLabel()
        self.heading.setObjectName("agendaSummary")
        layout.addWidget(self.heading)

        top = QHBoxLayout()
        self.summary = _table()
        self.retention = _table()
        top.addWidget(self.summary, 3)
        side = QVBoxLayout()
        side.addWidget(self.retention)
        self.offices = _table()
        self.offices.setObjectName("reportOffices")
        side.addWidget(self.offices)
        top.addLayout(side, 2)
        # Every indicator of the summary without a scroll bar (the page itself scrolls on a
        # small screen); Hello Work's counts are the per-office table's total row.
        self.summary.setMinimumHeight(
            (len(SUMMARY_KEYS) + 1) * self.summary.verticalHeader().defaultSectionSize() + 8)
        layout.addLayout(top, 0)

        self.details = QTabWidget()
        charts = QWidget()
        chart_row = QHBoxLayout(charts)
        chart_row.setContentsMargins(0, 0, 0, 0)
        self.placements_chart = QChartView()
        self.rate_chart = QChartView()
        for view in (self.placements_chart, self.rate_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            chart_row.addWidget(view)
        self.details.addTab(charts, _t("グラフ"))
        self.by_category = _table()
        self.by_staff = _table()
        self.by_organisation = _table()
        self.monthly = _table()
        self.details.addTab(self.by_category, _t("対象者区分別"))
        self.details.addTab(self.by_staff, _t("担当者別"))
        self.details.addTab(self.by_organisation, _t("組織別"))
        self.details.addTab(self.monthly, _t("月別"))
        routes = QWidget()
        routes_row = QHBoxLayout(routes)
        routes_row.setContentsMargins(0, 0, 0, 0)
        self.routes = _table()
        self.routes.setObjectName("routesTable")
        self.routes_by_organisation = _table()
        self.routes_by_organisation.setObjectName("routesOrganisationTable")
        routes_row.addWidget(self.routes, 1)
        routes_row.addWidget(self.routes_by_organisation, 1)
        self.details.addTab(routes, _t("就労準備・経路・連携"))
        layout.addWidget(self.details, 3)
        # The organisations a report can be run for (an administrator's choice; shown only
        # when there are several).
        runner.read(lambda: services.reports.organisations(actor), self._fill_organisations,
                    owner=self)
        runner.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """New targets, or records imported: a report on screen is counted again."""
        if self.report is not None and (changes.settings or changes.records):
            self.compute()

    # ---------------------------------------------------------------- picker

    def _build_picker(self) -> QWidget:
        picker = QWidget()
        row = FlowLayout(picker)  # wraps onto a second line on a narrow screen
        self.mode = QComboBox()
        self.mode.addItem(_t("年度"), "fiscal")
        self.mode.addItem(_t("月"), "month")
        self.mode.addItem(_t("期間を指定"), "custom")
        self.mode.setObjectName("reportMode")
        caption = QLabel(_t("期間"))
        caption.setBuddy(self.mode)
        row.addWidget(caption)
        self.mode.setAccessibleName(_t("期間"))
        row.addWidget(self.mode)
        self.year = QComboBox()
        self.year.setObjectName("reportYear")
        current = fiscal_year_of(self.services.ctx.today())
        for fy in range(current, current - 8, -1):
            self.year.addItem(fiscal_year(fy), fy)
        row.addWidget(self.year)
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())  # fiscal year: the year alone
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3):
            self.month.addItem(shown_month_name(m), m)
        self.stack.addWidget(self.month)
        custom = QWidget()
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        self.start = DateEdit()
        self.end = DateEdit()
        custom_row.addWidget(self.start)
        custom_row.addWidget(QLabel(_t("〜")))
        custom_row.addWidget(self.end)
        self.stack.addWidget(custom)
        row.addWidget(self.stack)
        self._fit_stack()
        self.organisation = QComboBox()
        self.organisation.setObjectName("reportOrganisation")
        self.organisation.setAccessibleName(_t("組織"))
        self.organisation.addItem(_t("すべての組織"), None)
        self.organisation.setVisible(False)
        row.addWidget(self.organisation)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        run = QPushButton(_t("集計"))
        run.setObjectName("primary")
        run.clicked.connect(self.compute)
        row.addWidget(run)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        row.addWidget(self.error)
        self.targets_button = QPushButton(_t("年度目標を設定…"))
        self.targets_button.clicked.connect(self.edit_targets)
        self.targets_button.setVisible(allowed(self.actor, "set_targets"))
        row.addWidget(self.targets_button)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, (_, name) in FORMATS.items():
            button = QPushButton(_t("{name}に出力").format(name=name))
            button.setObjectName(f"export_{fmt}")
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            row.addWidget(button)
            self.export_buttons[fmt] = button
        return picker

    def _fill_organisations(self, organisations: list[tuple[uuid.UUID, str]]) -> None:
        for organisation_id, name in organisations:
            self.organisation.addItem(name, organisation_id)
        # Only an administrator is offered several: anyone else's report is their own
        # organisation's (services.reports), with no choice to make.
        several = len(organisations) > 1
        self.organisation.setVisible(several)
        self.details.setTabVisible(self.details.indexOf(self.by_organisation), several)
        self.routes_by_organisation.setVisible(several)

    def selected_organisation(self) -> uuid.UUID | None:
        value = self.organisation.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.stack.setCurrentIndex({"fiscal": 0, "month": 1, "custom": 2}[mode])
        self._fit_stack()
        self.year.setVisible(mode != "custom")

    def _fit_stack(self) -> None:
        """The period's row takes the width of the page shown, not of the widest (the two
        dates' width pushed CSVに出力 alone onto a second line at 1024 px)."""
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            policy = QSizePolicy.Policy.Preferred if i == self.stack.currentIndex() \
                else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.updateGeometry()

    def selected_period(self) -> Period:
        mode, fy = self.mode.currentData(), int(self.year.currentData())
        if mode == "fiscal":
            return Period.fiscal(fy)
        if mode == "month":
            month = int(self.month.currentData())
            return Period.month(fy if month >= 4 else fy + 1, month)
        start, end = self.start.value(), self.end.value()
        if start is None or end is None:
            raise DomainError(_t("期間の始まりと終わりを入力してください"))
        return Period.custom(start, end)

    # ---------------------------------------------------------------- compute

    def compute(self) -> None:
        self.error.clear()
        try:
            period = self.selected_period()
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.heading.setText(_t("{label} を集計しています…").format(label=period.label))
        organisation = self.selected_organisation()
        self.runner.read(lambda: self.services.reports.indicators(
            self.actor, period, organisation_id=organisation),
            lambda report: self.show_report(period, report), self._failed,
            key=("report", id(self)), owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
            self.heading.clear()
        else:
            self.runner.report_unhandled(exc)

    def show_report(self, period: Period, report: dict[str, Any]) -> None:
        self.period, self.report = period, report
        label = period.label
        if report["period"].get("organisation"):
            label = _t("{period}　{organisation}").format(
                period=label, organisation=report["period"]["organisation"])
        self.heading.setText(_t("{label}　{as_of}現在　支援対象者 {t} 人・就職 {p} 件・就職率 {r}").format(
            label=label, as_of=as_of_label(report), t=f"{report['support_targets']:,}",
            p=f"{report['placements']:,}", r=shown(figure(report, "placement_rate"), True)))
        fill_table(self.summary, summary_table(report))
        fill_table(self.retention, retention_table(report))
        fill_table(self.offices, office_table(report))
        fill_table(self.by_category, category_table(report))
        fill_table(self.by_staff, staff_table(report))
        fill_table(self.by_organisation, organisation_table(report))
        fill_table(self.monthly, monthly_table(report))
        fill_table(self.routes, routes_table(report))
        fill_table(self.routes_by_organisation, routes_organisation_table(report))
        self.placements_chart.setChart(self._placements_chart(report))
        self.rate_chart.setChart(self._rate_chart(report))
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.computed.emit(report)

    # ---------------------------------------------------------------- charts

    def _months(self, report: dict[str, Any]) -> list[str]:
        """The axis: every month of the period (the lines stop at the as-of month)."""
        return [shown_month_name(int(m[5:]), short=True) for m in period_months(report)]

    def _placements_chart(self, report: dict[str, Any]) -> QChart:
        chart = QChart()
        chart.setTitle(_t("月別の就職件数と累計"))
        chart.setMargins(QMargins(4, 4, 4, 4))
        bars = QBarSet(_t("就職件数（月）"))
        bars.setColor(QColor("#4a7fb5"))
        cumulative = QLineSeries()
        cumulative.setName(_t("累計"))
        cumulative.setPen(QPen(QColor("#d9822b"), 2))
        total = 0
        for i, m in enumerate(report["monthly"]):
            bars.append(m["placements"])
            total += m["placements"]
            cumulative.append(i, total)
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        chart.addSeries(cumulative)
        top = max(total, 1)
        target = report["targets"].get("placements")
        if target:
            pace = QLineSeries()
            pace.setName(_t("目標ペース（年{n}件）").format(n=shown(target["target"], False)))
            pen = QPen(QColor("#888888"), 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            pace.setPen(pen)
            n = len(period_months(report))
            for i in range(n):
                pace.append(i, target["target"] * (i + 1) / n)
            chart.addSeries(pace)
            top = max(top, target["target"])
        self._axes(chart, self._months(report), top, counts=True)
        return chart

    def _rate_chart(self, report: dict[str, Any]) -> QChart:
        chart = QChart()
        chart.setTitle(_t("就職率の推移（累計）と目標"))
        chart.setMargins(QMargins(4, 4, 4, 4))
        line = QLineSeries()
        line.setName(_t("就職率（累計, %）"))
        line.setPen(QPen(QColor("#2e8b57"), 2))
        rates = cumulative_rates(report)
        for i, rate in enumerate(rates):
            line.append(i, rate)
        chart.addSeries(line)
        top = max([100.0, *rates])
        goal = report["targets"].get("placement_rate")
        if goal:
            target_line = QLineSeries()
            target_line.setName(_t("目標 {r}").format(r=shown(goal["target"], True)))
            pen = QPen(QColor("#c0392b"), 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            target_line.setPen(pen)
            for i in range(len(period_months(report))):
                target_line.append(i, goal["target"] * 100)
            chart.addSeries(target_line)
            top = max(top, goal["target"] * 100)
        self._axes(chart, self._months(report), top)
        return chart

    @staticmethod
    def _axes(chart: QChart, categories: list[str], top: float, counts: bool = False) -> None:
        x = QBarCategoryAxis()
        x.append(categories)
        y = QValueAxis()
        y.setLabelFormat("%d")
        if counts:
            # Whole numbers, each once (a nice range of 0–1.2 read 0, 0, 1, 1): a step of
            # 1, 2, 5, 10, 20, … giving at most five intervals, and a top a step above the
            # highest count.
            step = 1
            while top / step > 5:  # 1 → 2 → 5 → 10 → 20 → 50 → …
                step = step * 5 // 2 if str(step).startswith("2") else step * 2
            upper = (int(top) // step + 1) * step
            y.setRange(0, upper)
            y.setTickType(QValueAxis.TickType.TicksDynamic)
            y.setTickAnchor(0)
            y.setTickInterval(step)
        else:
            y.setRange(0, top)
            y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x)
            series.attachAxis(y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundBrush(QBrush(QColor("#ffffff")))

    # ---------------------------------------------------------------- actions

    def export(self, fmt: str) -> None:
        if self.period is None:
            return
        filters, _ = FORMATS[fmt]
        stem = (_t("実績報告_{fy}年度").format(fy=self.period.fiscal_year)
                if self.period.fiscal_year else _t("実績報告_{start}-{end}").format(
                    start=f"{self.period.start:%Y%m%d}", end=f"{self.period.end:%Y%m%d}"))
        path = preview.choose_save_path(self, f"{stem}.{fmt}", _t("実績報告を保存"), filters)
        if not path:
            return
        self.runner.run(ExportReport(self.period, fmt, Path(path),
                                     organisation_id=self.selected_organisation()),
                        parent=self, title=_t("実績報告"), on_done=lambda target: dialogs.show_info(
                            self, _t("実績報告"), _t("保存しました: {p}").format(p=target)))

    def edit_targets(self) -> None:
        fy = int(self.year.currentData())
        self.runner.read(lambda: self.services.settings.targets(fy),
                         lambda current: self._edit_targets(fy, current), owner=self)

    def _edit_targets(self, fy: int, current: dict[str, float]) -> None:
        def build(form: Any) -> None:
            for key in INDICATORS:
                text = count_label(key) + (_t("（割合 例: 0.6）") if key == "placement_rate"
                                            else _t("（件・人）"))
                value = current.get(key)
                form.text(key, text, "" if value is None else shown(value, False).replace(",", ""))

        def submit(values: dict[str, Any]) -> SetTargets:
            targets: dict[str, float] = {}
            for key in INDICATORS:
                raw = str(values.get(key) or "").strip().replace(",", "")
                if not raw:
                    continue
                try:
                    targets[key] = float(raw)
                except ValueError:
                    raise InvalidInput(key, _t("数値で入力してください")) from None
            return SetTargets(fy, targets)

        # Saved all together or not at all; a report on screen is counted again (changed).
        CommandDialog(self.runner, _t("{fy}の目標").format(fy=fiscal_year_short(fy)), build,
                      submit, intro=_t("運営協議会で定めた年度目標を入力します。空欄の指標は変更しません。"),
                      ok_text=_t("保存"), parent=self).exec()

