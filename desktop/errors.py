"""The one base of every expected refusal, shared by all layers (no imports of its own).

Each carries a message in Japanese that the UI and CLI show as is; anything else that goes
wrong is unexpected and reported as a crash (without personal data)."""

from __future__ import annotations


class DomainError(Exception):
    """An expected refusal: bad input, a rule of the domain, a permission, storage trouble."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StorageError(DomainError):
    """The disk is full or the data folder cannot be written: nothing was saved."""
