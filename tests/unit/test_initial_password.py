"""Generated initial passwords are read off a screen and passed on by hand: found in a trial,
'eU060atrjIzH' (a capital I that reads as l, a 0 beside an O-like 6) could not be told apart
on the staff list."""

from __future__ import annotations

import re

from desktop.services.auth import INITIAL_PASSWORD_ALPHABET, MIN_PASSWORD, initial_password
from desktop.ui.admin_common import temporary_password

LOOK_ALIKES = set("0O1lI")


def test_initial_passwords_have_no_look_alikes_and_are_long_enough() -> None:
    assert not LOOK_ALIKES & set(INITIAL_PASSWORD_ALPHABET)
    seen = {initial_password() for _ in range(200)} | {temporary_password() for _ in range(50)}
    assert len(seen) == 250  # random, not repeated
    for password in seen:
        assert re.fullmatch(r"[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}", password), password
        assert not LOOK_ALIKES & set(password)
        assert len(password) >= MIN_PASSWORD
