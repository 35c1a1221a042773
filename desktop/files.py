"""Writing a file whole or not at all, for every export the app and the CLI make."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_whole(path: Path, payload: bytes) -> Path:
    """A temporary file beside ``path``, then a rename: a reader never sees half a file,
    and a failure (full disk, no permission) leaves no partial one. The file is readable
    by its owner only (0600), and folders made for it are 0700, whatever the umask: every
    export holds personal data. Raises OSError."""
    make_dirs(path.parent)
    tmp = path.with_name(f".{path.name}.part")
    try:
        write_private(tmp, payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return path


def private_dir(path: Path) -> Path:
    """A folder only its owner can enter (0700 on POSIX, whatever the umask)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def write_private(path: Path, payload: bytes, sync: bool = False) -> Path:
    """Write ``path`` readable by its owner only (0600 on POSIX, whatever the umask): the
    file is created with that mode, never widened afterwards. Raises OSError."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
        with os.fdopen(fd, "wb") as f:
            fd = -1
            f.write(payload)
            if sync:
                f.flush()
                os.fsync(f.fileno())
    finally:
        if fd >= 0:
            os.close(fd)
    return path


def make_dirs(path: Path) -> Path:
    """Create ``path`` and any missing parents, each one made here 0700 (folders that
    already exist are left as they are)."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True)
        if os.name == "posix":
            folder.chmod(0o700)
    return path


def check_writable(path: Path) -> Path:
    """Before anything irreversible (a document number taken) is done for a file: that
    ``path`` can be written — its folder exists or is made, and a file can be created in
    it — and is not a folder. Raises OSError (IsADirectoryError for a folder)."""
    if path.is_dir():
        raise IsADirectoryError(21, os.strerror(21), str(path))
    make_dirs(path.parent)
    probe = path.with_name(f".{path.name}.probe")
    write_private(probe, b"")
    probe.unlink()
    return path
