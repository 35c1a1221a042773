"""The one base of every expected refusal, shared by all layers (standard library only).

Each carries a message in Japanese that the UI and CLI show as is; anything else that goes
wrong is unexpected and reported as a crash (without personal data, see frames_only)."""

from __future__ import annotations

import traceback
from types import TracebackType


class DomainError(Exception):
    """An expected refusal: bad input, a rule of the domain, a permission, storage trouble."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StorageError(DomainError):
    """The disk is full or the data folder cannot be written: nothing was saved."""


class DatabaseBusy(StorageError):
    """Another process holds the database's write lock longer than the busy timeout (an
    import, a backup, a migration): nothing was saved; trying again later works."""


def frames_only(tb: TracebackType | None) -> str:
    """Where an unexpected error happened: file, line and function of each frame, without
    the exception's message, the values, or even the source lines (a line can hold data)."""
    return "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
                   for f in traceback.extract_tb(tb))
