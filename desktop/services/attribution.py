"""帰属: the 対象者区分, 担当者 and organisation an episode's events are counted under.

Frozen on the episode at its first 支援要請 (``category_at_referral``,
``caseworker_at_referral``, ``organisation_at_referral``) and changed only by a reassignment,
which counts the episode's events from that day on under the new caseworker and their
organisation (an EpisodeReassignment row; the previous one ends that day). A report therefore counts every event under the 区分 and 担当者 of its
episode on the day it happened, and a past year's report does not change when a person's
区分 or caseworker changes later. An episode keeps the 区分 it was referred under for its
whole life (a later 区分 change applies from the person's next episode). Definitions:
docs/DOMAIN.md.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import Episode, EpisodeReassignment, Person
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update


def freeze_at_referral(episode: Episode, person: Person) -> None:
    """At the episode's first referral: its 区分, 担当者 and organisation from then on."""
    if episode.category_at_referral is None:
        episode.category_at_referral = person.category
        episode.caseworker_at_referral = person.caseworker_id
        episode.organisation_at_referral = episode.organisation_id


def record_reassignment(s: Session, ctx: ServiceContext, actor: Actor, person_id: uuid.UUID,
                        caseworker_id: uuid.UUID | None, organisation_id: uuid.UUID | None,
                        on: date) -> int:
    """The person's open, referred episodes count under ``caseworker_id`` (of
    ``organisation_id``) from ``on``; returns how many episodes changed hands."""
    episodes = s.scalars(select(Episode).where(
        Episode.person_id == person_id, Episode.state != "closed",
        Episode.deleted_at.is_(None), Episode.category_at_referral.is_not(None))).all()
    changed = 0
    for episode in episodes:
        current = s.scalar(select(EpisodeReassignment).where(
            EpisodeReassignment.episode_id == episode.id,
            EpisodeReassignment.deleted_at.is_(None), EpisodeReassignment.valid_to.is_(None)))
        in_charge = ((current.caseworker_id, current.organisation_id) if current else
                     (episode.caseworker_at_referral, episode.organisation_at_referral))
        if in_charge == (caseworker_id, organisation_id):
            continue
        changed += 1
        if current is not None and current.valid_from >= on:
            # Reassigned again the same day: no empty interval.
            current.caseworker_id, current.organisation_id = caseworker_id, organisation_id
            stamp_update(actor, current)
            continue
        if current is not None:
            current.valid_to = on
            stamp_update(actor, current)
        s.add(stamp_new(ctx, actor, EpisodeReassignment(
            episode_id=episode.id, valid_from=on, valid_to=None, caseworker_id=caseworker_id,
            organisation_id=organisation_id)))
    return changed


class AttributedAt:
    """The 区分 and 担当者 of an episode on an event's day, for report queries: the query
    joins ``Episode`` (or selects from ``episode``, anything with its ``person_id`` and
    frozen columns) and outer-joins ``row`` on ``condition``.

    An episode never referred (a ledger row without a 支援要請日) falls back to the
    person's present values through a scalar subquery that COALESCE evaluates only then, so
    the report reads one narrow episode index per event and not the persons as well."""

    def __init__(self, episode_id: Any, on: Any, episode: Any = Episode) -> None:
        self.episode = episode
        self.row = aliased(EpisodeReassignment)
        self.condition: ColumnElement[bool] = and_(
            self.row.episode_id == episode_id, self.row.deleted_at.is_(None),
            self.row.valid_from <= on, or_(self.row.valid_to.is_(None), self.row.valid_to > on))

    def _person(self, column: Any) -> Any:
        return (select(column).where(Person.id == self.episode.person_id)
                .with_hint(Person, "INDEXED BY ix_persons_report", "sqlite")
                .scalar_subquery())

    @property
    def category(self) -> ColumnElement[str]:
        return func.coalesce(self.episode.category_at_referral, self._person(Person.category))

    @property
    def caseworker(self) -> ColumnElement[Any]:
        return func.coalesce(self.row.caseworker_id, self.episode.caseworker_at_referral,
                             self._person(Person.caseworker_id))

    @property
    def organisation(self) -> ColumnElement[Any]:
        return func.coalesce(self.row.organisation_id, self.episode.organisation_at_referral,
                             self.episode.organisation_id)
