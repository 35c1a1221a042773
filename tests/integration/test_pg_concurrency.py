"""Several processes, one PostgreSQL database: the same person edited and the same episodes
moved from every process at once. No save is lost, each episode moves once, the audit chain
stays whole, and the refused saves are the expected optimistic-lock conflicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Transition
from tests.conftest import PASSWORD, World, accept_initial_passwords
from tests.services.helpers import to_state

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
ROUNDS = 12


@pytest.mark.slow
@pytest.mark.parametrize("config", ["postgresql"], indirect=True)
def test_concurrent_edits_and_transitions_lose_nothing(world: World, config, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = world.services
    person = world.person(household="")
    for name in ("cwc", "cwd"):
        services.auth.add_user(world.admin, name, f"職員 {name}", "supervisor", PASSWORD)
    accept_initial_passwords(services)
    episodes = [to_state(world, world.person(family_kana="ヘイコウ" + "アイウエオカ"[i]), "candidate")
                for i in range(6)]
    users = ["sv", "admin", "cwc", "cwd"]
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.integration.pg_worker", config.db_url,
         str(tmp_path / f"pc{i}"), users[i], f"P{i}", str(ROUNDS), str(person),
         *map(str, episodes)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}) for i in range(WORKERS)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))

    saved = [t for r in results for t in r["saved"]]
    refused = sum(r["refused"] for r in results)
    assert len(saved) + refused == WORKERS * ROUNDS
    assert refused > 0, "the processes never overlapped; the test proved nothing"
    final = services.persons.get_person(world.admin, person)
    # Every acknowledged save is in the final note, in one order, and nothing else is.
    assert sorted(final.household.split()) == sorted(saved)
    assert final.version == 1 + len(saved)

    moved = [e for r in results for e in r["moved"]]
    assert sorted(moved) == sorted(map(str, episodes))  # each episode moved exactly once
    with services.ctx.db.read() as s:
        for episode in episodes:
            n = s.scalar(select(func.count()).select_from(Transition).where(
                Transition.episode_id == episode, Transition.to_state == "screening"))
            assert n == 1
        updates = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "update", AuditEntry.entity_id == str(person)))
        seqs = list(s.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    assert updates == len(saved)
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gap, no duplicate
    assert services.maintenance.verify(world.admin).ok
