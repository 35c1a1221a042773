"""Writing a file whole or not at all, for every export the app and the CLI make."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_whole(path: Path, payload: bytes) -> Path:
    """A temporary file beside ``path``, then a rename: a reader never sees half a file,
    and a failure (full disk, no permission) leaves no partial one. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return path
