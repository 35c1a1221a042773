"""One office PC in the concurrency test: edits and moves the same records as the others.

    python -m tests.integration.pg_worker URL DATA_DIR USERNAME TAG ROUNDS PERSON_ID EPISODE_ID...

Each round reads the shared person, appends TAG-n to its household note and saves with the
version it read (optimistic locking), then tries to start screening on every episode.
Prints one JSON line: the tokens it saved, its refused saves and the transitions it made.
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import date
from pathlib import Path

from desktop.config import Config
from desktop.models.storage import open_database
from desktop.services import build_services
from desktop.services.errors import StaleRecord, TransitionNotAllowed
from desktop.services.persons import INPUT_FIELDS, PersonInput


def main() -> None:
    url, data, username, tag, rounds, person = sys.argv[1:7]
    episodes = [uuid.UUID(e) for e in sys.argv[7:]]
    opened = open_database(Config(Path(data), db_url=url))
    services = build_services(opened.db, opened.device_id)
    actor = services.auth.login(username, "password-123")
    person_id = uuid.UUID(person)
    saved, refused, moved = [], 0, []
    rng = random.Random(tag)
    for n in range(int(rounds)):
        current = services.persons.get_person(actor, person_id)
        values = {f: getattr(current, f) for f in INPUT_FIELDS}
        token = f"{tag}-{n}"
        values["household"] = f"{values['household']} {token}".strip()
        try:
            services.persons.update_person(actor, person_id, current.version,
                                           PersonInput(**values))
            saved.append(token)
        except StaleRecord:
            refused += 1
        for episode in rng.sample(episodes, len(episodes)):
            try:
                services.workflow.start_screening(actor, episode, date(2026, 6, 20))
                moved.append(str(episode))
            except TransitionNotAllowed:
                pass
    opened.db.close()
    print(json.dumps({"saved": saved, "refused": refused, "moved": moved}), flush=True)


if __name__ == "__main__":
    main()
