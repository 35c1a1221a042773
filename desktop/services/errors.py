"""Domain errors. Each carries a message in Japanese that the UI and CLI show as is."""

from __future__ import annotations

from desktop.errors import DatabaseBusy, DomainError, StorageError

__all__ = ["DatabaseBusy", "DomainError", "StorageError"]


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class InvalidInput(DomainError):
    """Bad input for one field; ``field`` lets a form show the message beside it.
    ``problems``: every field's problem found at once (field → message; the first is
    ``field``), for a form to show them together instead of one per try."""

    def __init__(self, field: str, message: str,
                 problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.problems = problems or {field: message}


class TransitionNotAllowed(DomainError):
    def __init__(self, current: str, requested: str, message: str) -> None:
        super().__init__(message)
        self.current = current
        self.requested = requested


class ConsentMissing(DomainError):
    """No consent in force covers what was asked (referral, sharing, printing)."""


class NeedsConfirmation(DomainError):
    """Allowed, but unusual enough that the person should confirm: the message is the
    question; the same call with the confirmation flag set goes through."""


class StaleRecord(DomainError):
    """Someone else saved the record after it was read (optimistic locking)."""


class AuthenticationFailed(DomainError):
    pass


class AccountLocked(AuthenticationFailed):
    pass


class PasswordChangeRequired(DomainError):
    """The password was right, but it is an initial or reset one: it must be changed before
    anything else (AuthService.change_initial_password)."""
