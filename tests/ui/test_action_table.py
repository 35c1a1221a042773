"""The person view's workflow buttons are a table (person_view.ACTIONS) built on the
services' one state machine (services/states.py): every move a button makes is one the
table of moves allows, and every allowed move has its button, except 定着支援, which the
retention check's result makes."""

from __future__ import annotations

from desktop.services.labels import STATES
from desktop.services.states import ALLOWED, SUPPORTING
from desktop.ui.person_view import ACTIONS, CLOSE, EXTEND


def test_every_button_moves_the_episode_only_as_the_state_machine_allows() -> None:
    for (state, key), spec in ACTIONS.items():
        assert state in STATES and spec.key == key, (state, key)
        if spec.transition:
            assert key in ALLOWED[state], (state, key)
        else:
            assert key not in STATES, (state, key)  # an edit, not a move


def test_every_allowed_move_has_its_button_but_the_retention_checks_own() -> None:
    moves = {(state, to) for state, targets in ALLOWED.items() for to in targets}
    buttons = {(state, key) for (state, key), spec in ACTIONS.items() if spec.transition}
    assert moves - buttons == {("placed", "retention")}
    assert buttons <= moves


def test_extending_and_closing_are_offered_from_the_services_state_lists() -> None:
    assert {s for (s, k) in ACTIONS if k == "extend"} == set(SUPPORTING)
    assert all(ACTIONS[(s, "extend")] is EXTEND for s in SUPPORTING)
    assert {s for (s, k) in ACTIONS if k == "closed"} == {s for s in ALLOWED if ALLOWED[s]}
    assert all(ACTIONS[(s, "closed")] is CLOSE for s in ALLOWED if ALLOWED[s])
