"""This PC's own preferences (the display language, the text size, the user name last
signed in with), kept in ``preferences.json`` in the data folder; standard library only,
read before any window."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from desktop.files import write_whole

log = logging.getLogger("tsunagi.preferences")

PREFERENCES_FILE = "preferences.json"
TEXT_SCALES = (100, 125, 150)  # 文字の大きさ, percent of the normal size
DEFAULT_TEXT_SCALE = 100


def load(data_dir: Path) -> dict[str, Any]:
    """Every saved preference; an unreadable file counts as none (never an error at start)."""
    try:
        prefs = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return prefs if isinstance(prefs, dict) else {}


def save(data_dir: Path, **values: Any) -> None:
    """Saves ``values``, keeping the other preferences; the file is replaced whole, never
    half written. Raises OSError."""
    prefs = load(data_dir)
    prefs.update(values)
    write_whole(data_dir / PREFERENCES_FILE,
                json.dumps(prefs, ensure_ascii=False, indent=2).encode("utf-8"))


def text_scale(data_dir: Path) -> int:
    """The text size chosen on this PC, in percent (100, 125 or 150)."""
    value = load(data_dir).get("text_scale")
    return value if value in TEXT_SCALES else DEFAULT_TEXT_SCALE


def save_text_scale(data_dir: Path, scale: int) -> None:
    if scale not in TEXT_SCALES:
        raise ValueError(scale)
    save(data_dir, text_scale=scale)


def last_user(data_dir: Path) -> str:
    """The user name last signed in with on this PC (the sign-in window's first value)."""
    value = load(data_dir).get("last_user")
    return value if isinstance(value, str) else ""


def remember_user(data_dir: Path, username: str) -> None:
    """Keep the user name for the next start: a convenience, so a file that cannot be
    written is logged (without the name) and otherwise ignored."""
    if last_user(data_dir) == username:
        return
    try:
        save(data_dir, last_user=username)
    except OSError as exc:
        log.warning("the last user name was not kept: %s", type(exc).__name__)
