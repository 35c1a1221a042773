"""The support episode's state machine, in one place: which state may follow which, and the
check every move makes (the services' use cases one at a time, the ledger import, the kit
import and the demo in bulk). Exported for the screens, which never re-type these rules."""

from __future__ import annotations

from datetime import date

from desktop.i18n import shown_date, translator
from desktop.services.errors import InvalidInput, TransitionNotAllowed
from desktop.services.labels import STATES, shown

# The catalogue's context of these messages (they were the workflow's first).
_t = translator("Workflow")

ALLOWED: dict[str, frozenset[str]] = {
    "candidate": frozenset({"screening", "closed"}),
    "screening": frozenset({"consented", "closed"}),
    "consented": frozenset({"referred", "closed"}),
    "referred": frozenset({"active", "consented", "closed"}),  # consented = 差戻し
    "active": frozenset({"placed", "closed"}),
    "placed": frozenset({"retention", "active", "closed"}),
    "retention": frozenset({"active", "closed"}),
    "closed": frozenset(),
}
FIRST = "candidate"  # every episode starts here (受付)
# 支援中・就職・定着支援: the support period runs, the plan can be revised.
SUPPORTING = ("active", "placed", "retention")
OPEN_STATES = tuple(s for s in STATES if s != "closed")


def refusal(current: str, requested: str) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        current, requested,
        _t("現在の状態「{current}」から「{requested}」へは移行できません").format(
            current=shown(STATES[current]), requested=shown(STATES[requested])),
    )


def check_day(on: date, earliest: date | None, today: date, field_name: str = "on") -> None:
    """A date of the record: not in the future, not before the record it follows."""
    if on > today:
        raise InvalidInput(field_name, _t("未来の日付は入力できません"))
    if earliest is not None and on < earliest:
        raise InvalidInput(field_name, _t("日付は {earliest} 以降にしてください（直前の記録より前の日付です）").format(
            earliest=shown_date(earliest)))


def check_move(current: str | None, to: str, on: date, since: date | None, today: date,
               field_name: str = "on") -> None:
    """The one check of a move: allowed by the table from the state the episode is in (an
    episode begins in FIRST), dated on or after the state it leaves and not in the future."""
    if to not in STATES or (current is not None and current not in STATES):
        raise InvalidInput("state", _t("支援エピソードの状態の値が正しくありません"))
    if current is None:
        if to != FIRST:
            raise refusal(FIRST, to)
    elif to not in ALLOWED[current]:
        raise refusal(current, to)
    check_day(on, since, today, field_name)
