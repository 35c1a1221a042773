"""帰属: the 対象者区分 and 担当者 an episode's events are counted under.

Frozen on the episode at its first 支援要請 (valid from the intake date) and again on each
reassignment (the old row ends the day the new one starts), so that a report counts every
event under the 区分 and 担当者 of the episode on the day it happened, and a past year's
report does not change when a person's 区分 or caseworker changes later. An episode keeps the
区分 it was referred under for its whole life (a later 区分 change applies from the person's
next episode). Definitions: docs/DOMAIN.md.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import Episode, EpisodeAttribution, Person
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update


def freeze_at_referral(s: Session, ctx: ServiceContext, actor: Actor, episode: Episode,
                       person: Person, on: date) -> None:
    """At the episode's first referral: its 区分 and 担当者 from its intake date on."""
    frozen = s.scalar(select(EpisodeAttribution.id).where(
        EpisodeAttribution.episode_id == episode.id,
        EpisodeAttribution.deleted_at.is_(None)).limit(1))
    if frozen is not None:
        return
    s.add(stamp_new(ctx, actor, EpisodeAttribution(
        episode_id=episode.id, valid_from=min(episode.intake_on, on), valid_to=None,
        category=person.category, caseworker_id=person.caseworker_id, recorded_on=on,
        reason="referral")))


def record_reassignment(s: Session, ctx: ServiceContext, actor: Actor, person_id: uuid.UUID,
                        caseworker_id: uuid.UUID | None, on: date) -> int:
    """The person's open episodes that were referred are counted under ``caseworker_id``
    from ``on``; returns how many episodes changed hands."""
    rows = s.scalars(
        select(EpisodeAttribution)
        .join(Episode, Episode.id == EpisodeAttribution.episode_id)
        .where(Episode.person_id == person_id, Episode.state != "closed",
               Episode.deleted_at.is_(None), EpisodeAttribution.deleted_at.is_(None),
               EpisodeAttribution.valid_to.is_(None))).all()
    changed = 0
    for current in rows:
        if current.caseworker_id == caseworker_id:
            continue
        changed += 1
        if current.valid_from >= on:
            # Reassigned again the same day (or before the row starts): no empty interval.
            current.caseworker_id = caseworker_id
            stamp_update(actor, current)
            continue
        current.valid_to = on
        stamp_update(actor, current)
        s.add(stamp_new(ctx, actor, EpisodeAttribution(
            episode_id=current.episode_id, valid_from=on, valid_to=None,
            category=current.category, caseworker_id=caseworker_id, recorded_on=on,
            reason="reassignment")))
    return changed


class AttributedAt:
    """The attribution row covering an event's day, for report queries: join it with
    ``join(query)`` (an outer join: an episode never referred, or data from before the
    history was kept, falls back to the person's present values)."""

    def __init__(self, episode_id: Any, on: Any) -> None:
        self.row = aliased(EpisodeAttribution)
        self.condition: ColumnElement[bool] = and_(
            self.row.episode_id == episode_id, self.row.deleted_at.is_(None),
            self.row.valid_from <= on, or_(self.row.valid_to.is_(None), self.row.valid_to > on))

    @property
    def category(self) -> ColumnElement[str]:
        return func.coalesce(self.row.category, Person.category)

    @property
    def caseworker(self) -> ColumnElement[Any]:
        return func.coalesce(self.row.caseworker_id, Person.caseworker_id)
