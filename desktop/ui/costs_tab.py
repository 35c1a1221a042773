"""A person's 支援費用 tab (交通費 and other costs paid to them, with the receipt list to sign),
and the period dialog that prints a receipt list — one person's or the office's."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import translator
from desktop.japanese.wareki import fiscal_year_of
from desktop.services import Services
from desktop.services.commands import PrintReceipts, RecordCost, VoidCost
from desktop.services.context import Actor
from desktop.services.costs import CostInput, CostRecord
from desktop.services.errors import InvalidInput
from desktop.services.labels import COST_KINDS, COST_PURPOSES
from desktop.services.printing import PrintedDocument
from desktop.services.reports import Period
from desktop.services.workflow import EpisodeSummary
from desktop.ui import dialogs
from desktop.ui.admin_common import ListModel, list_view, refuse_or_report, selected
from desktop.ui.forms import CommandDialog, required
from desktop.ui.preview import PreviewDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.text import label, wareki
from desktop.ui.widgets import Form

_t = translator("Costs")


def yen(amount: int) -> str:
    return _t("{amount:,}円").format(amount=amount)


def _amount(values: dict[str, Any]) -> int:
    text = str(values.get("amount") or "").strip()
    text = unicodedata.normalize("NFKC", text).replace(",", "").removesuffix("円").strip()  # i18n: ja
    if not text:
        raise InvalidInput("amount", _t("金額を入力してください"))
    try:
        return int(text)
    except ValueError:
        raise InvalidInput("amount", _t("金額は円単位の数字で入力してください")) from None


def period_fields(f: Form, today: date) -> None:
    """The period of a receipt list: this month by default, or any range."""
    f.date("start", _t("期間の始まり"), today.replace(day=1))
    f.date("end", _t("期間の終わり"), today)


def period_of(values: dict[str, Any]) -> Period:
    return Period.custom(required(values, "start", _t("期間の始まりを入力してください")),
                         required(values, "end", _t("期間の終わりを入力してください")))


def print_receipts(parent: QWidget, services: Services, actor: Actor, runner: TaskRunner,
                   person_id: uuid.UUID | None = None) -> None:
    """Ask for the period, build the receipt list on the runner, then preview it."""
    def submit(v: dict[str, Any]) -> PrintReceipts:
        return PrintReceipts(period_of(v), person_id)

    title = _t("支援費用の受領書") if person_id else _t("支援費用の支給一覧")
    dialog = CommandDialog(runner, title, lambda f: period_fields(f, services.ctx.today()),
                          submit,
                          _t("期間内に支給した交通費などを一覧にします。本人の署名・押印欄つきです。")
                          if person_id else
                          _t("期間内に支給した交通費などを、閲覧できる対象者について一覧にします。"),
                          _t("プレビュー"), parent)
    dialog.setObjectName("receiptPeriodDialog")
    if dialog.exec() and isinstance(dialog.result_value, PrintedDocument):
        PreviewDialog(dialog.result_value, parent).exec()


class CostsTab(QWidget):
    """支援費用: every payment to the person (all episodes), recorded on the open episode.
    Its writes are commands: the person's view reloads from their Changes, and this tab."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.person_id = person_id
        self.episode: EpisodeSummary | None = None
        layout = QVBoxLayout(self)
        self.model = ListModel(
            [_t("支給日"), _t("区分"), _t("目的"), _t("内容"), _t("財源"), _t("金額"), _t("記録者")],
            lambda c: (wareki(c.paid_on), label("cost_kind", c.kind),
                       label("cost_purpose", c.purpose), c.description, c.funding_source,
                       yen(c.amount), c.recorded_by))
        self.view = list_view(self.model, "costsView")
        layout.addWidget(self.view, 1)
        self.total = QLabel()
        self.total.setObjectName("costsTotal")
        layout.addWidget(self.total)
        row = QHBoxLayout()
        self.add_button = QPushButton(_t("支給を記録…"))
        self.add_button.setObjectName("addCost")
        self.add_button.clicked.connect(self.record)
        self.void_button = QPushButton(_t("選択した記録を取り消す"))
        self.void_button.setObjectName("voidCost")
        self.void_button.clicked.connect(self.void)
        self.print_button = QPushButton(_t("受領書を印刷…"))
        self.print_button.setObjectName("printReceipts")
        self.print_button.clicked.connect(
            lambda: print_receipts(self, services, actor, runner, person_id))
        for button in (self.add_button, self.void_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.sources: list[str] = []

    def show_episode(self, episode: EpisodeSummary | None) -> None:
        self.episode = episode
        self.add_button.setEnabled(episode is not None and episode.state != "closed")
        self.reload()

    def reload(self) -> None:
        def load() -> tuple[list[CostRecord], list[str]]:
            return (self.services.costs.costs_of(self.actor, self.person_id),
                    self.services.costs.funding_sources())

        self.runner.read(load, self._loaded, refuse_or_report(self, self.runner, _t("支援費用")),
                         key=("costs", id(self)), owner=self)

    def _loaded(self, data: tuple[list[CostRecord], list[str]]) -> None:
        costs, self.sources = data
        self.model.replace(costs)
        this_year = fiscal_year_of(self.services.ctx.today())
        in_year = sum(c.amount for c in costs if fiscal_year_of(c.paid_on) == this_year)
        self.total.setText(_t("合計 {total}（今年度 {year}）").format(
            total=yen(sum(c.amount for c in costs)), year=yen(in_year)))

    def record(self) -> None:
        episode = self.episode
        if episode is None:
            return

        def build(f: Form) -> None:
            f.date("paid_on", _t("支給日"), self.services.ctx.today())
            f.choice("kind", _t("区分"), [(k, label("cost_kind", k)) for k in COST_KINDS])
            f.choice("purpose", _t("目的"), [(k, label("cost_purpose", k)) for k in COST_PURPOSES])
            f.text("description", _t("内容（区間・品目）"))
            f.text("amount", _t("金額（円）"))
            f.choice("funding_source", _t("財源"), [(x, x) for x in self.sources])

        def submit(v: dict[str, Any]) -> RecordCost:
            return RecordCost(self.person_id, episode.id, CostInput(
                required(v, "paid_on", _t("支給日を入力してください")), v["kind"], v["purpose"],
                _amount(v), v["funding_source"] or "", v["description"]))

        dialog = CommandDialog(self.runner, _t("支援費用の支給を記録"), build, submit,
                               _t("面接・職場体験・訓練などのために支給した交通費などを記録します。"),
                               parent=self)
        dialog.setObjectName("costDialog")
        dialog.exec()  # the person's view reloads from the command's Changes, and this tab

    def void(self) -> None:
        cost = selected(self.view)
        if cost is None:
            return
        if not dialogs.ask_confirm(self, _t("支給の記録を取り消す"), _t(
                "{on} の{amount}の記録を取り消します（誤って記録した場合）。"
                "取り消した記録は一覧と集計から外れます。").format(
                    on=wareki(cost.paid_on), amount=yen(cost.amount))):
            return
        self.runner.run(VoidCost(self.person_id, cost.episode_id, cost.id), parent=self,
                        title=_t("支援費用"))
