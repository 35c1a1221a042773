"""Office settings registered once with a type and a default, and the annual targets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop.i18n import N_, translator
from desktop.models import AnnualTarget, Setting
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new
from desktop.services.errors import InvalidInput
from desktop.services.labels import (
    DEFAULT_CLOSURE_REASONS,
    DEFAULT_FUNDING_SOURCES,
    DEFAULT_READINESS_ITEMS,
)
from desktop.services.permissions import require

_t = translator("Settings")

def _positive_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v > 0


def _months_list(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(_positive_int(x) for x in v) and len(
        set(v)) == len(v)


def _text_list(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, str) and x.strip() for x in v)


def _unique_text_list(v: Any) -> bool:
    return _text_list(v) and len({x.strip() for x in v}) == len(v) and all(
        len(x) <= 100 for x in v)


@dataclass(frozen=True)
class SettingSpec:
    default: Any
    valid: Callable[[Any], bool]
    label: str


SETTINGS: dict[str, SettingSpec] = {
    "checkpoint_months": SettingSpec([1, 3, 6], _months_list, N_("定着確認の時期（か月）")),
    "support_period_months": SettingSpec(6, _positive_int, N_("支援期間（か月）")),
    "closure_reasons": SettingSpec(DEFAULT_CLOSURE_REASONS, _text_list, N_("終了理由")),
    "retention_years": SettingSpec(5, _positive_int, N_("終了後の保存年数")),
    "lockout_threshold": SettingSpec(5, _positive_int, N_("ロックまでのログイン失敗回数")),
    "lockout_minutes": SettingSpec(15, _positive_int, N_("ログインロックの時間（分）")),
    "idle_lock_minutes": SettingSpec(10, _positive_int, N_("無操作で画面をロックするまで（分）")),
    "referral_wait_days": SettingSpec(14, _positive_int, N_("HWの回答待ちを知らせるまで（日）")),
    "hello_work_silence_days": SettingSpec(
        14, _positive_int, N_("HWの支援の記録が途絶えたら知らせるまで（日）")),
    "backup_keep": SettingSpec(7, _positive_int, N_("自動バックアップの保管数")),
    "backup_interval_hours": SettingSpec(24, _positive_int, N_("自動バックアップの間隔（時間）")),
    # 就労準備度: the items each assessment scores (new assessments use the set in force).
    "readiness_items": SettingSpec(DEFAULT_READINESS_ITEMS, _unique_text_list,
                                   N_("就労準備度の評価項目")),
    # 支援費用: where the money for 交通費 and other support costs comes from.
    "funding_sources": SettingSpec(DEFAULT_FUNDING_SOURCES, _unique_text_list,
                                   N_("支援費用の財源")),
    # The first-run wizard (organisation, Hello Work offices, staff) was finished or skipped.
    "setup_completed": SettingSpec(False, lambda v: isinstance(v, bool), N_("初期設定の完了")),
}

INDICATORS = (
    "referrals", "support_targets", "placements", "regular_placements", "placed_persons",
    "placement_rate", "protection_ended_by_work",
)


def read_setting(session: Session | Connection, key: str) -> Any:
    spec = SETTINGS[key]
    value = session.scalar(select(Setting.value).where(Setting.key == key,
                                                       Setting.deleted_at.is_(None)))
    return spec.default if value is None else value


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self, key: str) -> Any:
        with self.ctx.db.read() as s:
            return read_setting(s, key)

    def all(self) -> dict[str, Any]:
        with self.ctx.db.read() as s:
            return {k: read_setting(s, k) for k in SETTINGS}

    def set(self, actor: Actor, key: str, value: Any) -> None:
        require(actor, "change_settings")
        spec = SETTINGS.get(key)
        if spec is None:
            raise InvalidInput("key", _t("設定項目「{key}」はありません").format(key=key))
        if not spec.valid(value):
            raise InvalidInput(key, _t("{label}の値が正しくありません").format(label=_t(spec.label)))
        with self.ctx.db.write() as s:
            row = s.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                s.add(stamp_new(self.ctx, actor, Setting(key=key, value=value)))
            else:
                row.value, row.updated_by, row.deleted_at = value, actor.user_id, None
            audit.append(s, self.ctx, actor, "setting_change", "setting", key)

    def set_target(self, actor: Actor, fiscal_year: int, indicator: str, value: float) -> None:
        self.set_targets(actor, fiscal_year, {indicator: value})

    def set_targets(self, actor: Actor, fiscal_year: int, values: dict[str, float]) -> None:
        """Several of a year's targets in one transaction: every value is checked first, so
        one bad value saves none of them."""
        require(actor, "set_targets")
        if not 2000 <= fiscal_year <= 2100:
            raise InvalidInput("fiscal_year", _t("目標値は0以上、年度は西暦で入力してください"))
        for indicator, value in values.items():
            if indicator not in INDICATORS:
                raise InvalidInput("indicator", _t("目標の指標「{indicator}」はありません").format(
                    indicator=indicator))
            if value < 0:
                raise InvalidInput(indicator, _t("目標値は0以上、年度は西暦で入力してください"))
            if indicator == "placement_rate" and value > 1:
                raise InvalidInput(indicator, _t("就職率の目標は0〜1の割合で入力してください（例: 0.6 = 60%）"))
        if not values:
            return
        with self.ctx.db.write() as s:
            existing = {row.indicator: row for row in s.scalars(select(AnnualTarget).where(
                AnnualTarget.fiscal_year == fiscal_year,
                AnnualTarget.indicator.in_(list(values))))}
            for indicator, value in values.items():
                row = existing.get(indicator)
                if row is None:
                    target = AnnualTarget(fiscal_year=fiscal_year, indicator=indicator,
                                          value=value)
                    s.add(stamp_new(self.ctx, actor, target))
                else:
                    row.value, row.updated_by, row.deleted_at = value, actor.user_id, None
                audit.append(s, self.ctx, actor, "target_set", "annual_target",
                             f"{fiscal_year}:{indicator}", value=value)

    def targets(self, fiscal_year: int) -> dict[str, float]:
        with self.ctx.db.read() as s:
            rows = s.execute(select(AnnualTarget.indicator, AnnualTarget.value).where(
                AnnualTarget.fiscal_year == fiscal_year, AnnualTarget.deleted_at.is_(None)))
            return {k: v for k, v in rows}
