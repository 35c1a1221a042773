"""Loading an episode together with its person and checking the actor's rights on it."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.models import Episode, Person
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import NotFound, TransitionNotAllowed
from desktop.services.labels import STATES, shown
from desktop.services.permissions import check_edit, check_read

_t = translator("Workflow")

class EpisodeAccess:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _load(self, s: Session, episode_id: uuid.UUID) -> tuple[Episode, Person]:
        episode = s.get(Episode, episode_id)
        if episode is None or episode.deleted_at is not None:
            raise NotFound(_t("支援エピソードが見つかりません"))
        person = s.get(Person, episode.person_id)
        if person is None or person.deleted_at is not None:
            raise NotFound(_t("対象者が見つかりません"))
        return episode, person

    def for_read(self, s: Session, actor: Actor, episode_id: uuid.UUID) -> tuple[Episode, Person]:
        episode, person = self._load(s, episode_id)
        check_read(s, actor, person)
        return episode, person

    def for_edit(self, s: Session, actor: Actor, episode_id: uuid.UUID) -> tuple[Episode, Person]:
        episode, person = self._load(s, episode_id)
        check_edit(s, actor, person)
        return episode, person

    @staticmethod
    def require_open(episode: Episode) -> None:
        if episode.state == "closed":
            raise TransitionNotAllowed(
                "closed", episode.state,
                _t("この支援エピソードは「{state}」のため記録を追加できません").format(state=shown(STATES['closed'])),
            )
