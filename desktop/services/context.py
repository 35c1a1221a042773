"""What every service is built with: the database, this device's id and a clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, TypeVar

from desktop.models.db import Database

if TYPE_CHECKING:
    from desktop.services.viewlog import ViewLog


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member a use case runs for (never a global)."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str
    # The organisation the staff member belongs to: a supervisor's or viewer's scope.
    organisation_id: uuid.UUID | None = None


def _system_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServiceContext:
    """``defer_views``: view audits wait for the desktop's write runner to flush them
    (viewlog.ViewLog); otherwise each is written right after its read."""

    db: Database
    device_id: str
    now: Callable[[], datetime] = field(default=_system_now)
    defer_views: bool = False
    views: ViewLog = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from desktop.services.viewlog import ViewLog

        object.__setattr__(self, "views", ViewLog(self, eager=not self.defer_views))

    def today(self) -> date:
        return self.now().astimezone().date()


T = TypeVar("T")


def stamp_new(ctx: ServiceContext, actor: Actor | None, record: T) -> T:
    """Fill who and where on a new record (created/updated by, origin device)."""
    who = actor.user_id if actor else None
    record.created_by = who  # type: ignore[attr-defined]
    record.updated_by = who  # type: ignore[attr-defined]
    record.origin = ctx.device_id  # type: ignore[attr-defined]
    return record


def stamp_update(actor: Actor, record: object) -> None:
    record.updated_by = actor.user_id  # type: ignore[attr-defined]
