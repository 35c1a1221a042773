"""present_error: the one way the desktop shows that something did not happen.

- The database busy (another process holds the write lock past the busy timeout): the
  Japanese message with 再試行, which runs the same command again (nothing was saved).
- Any other refusal (DomainError: bad input, a rule, a permission, storage trouble): beside
  the field of the form it concerns, in the form's own line, or in a message box.
- Anything else is unexpected: the crash reporter (logged without personal data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.errors import DatabaseBusy, DomainError
from desktop.i18n import translator
from desktop.ui import dialogs

if TYPE_CHECKING:
    from desktop.ui.widgets import Form

_t = translator("Errors")


def present_error(error: BaseException, *, parent: QWidget | None,
                  report: Callable[[BaseException], None], form: Form | None = None,
                  title: str = "", retry: Callable[[], None] | None = None) -> None:
    if isinstance(error, DatabaseBusy):
        if form is not None:
            form.show_error("", error.message)
        if retry is None:
            dialogs.show_error(parent, title or _t("データベースを使用中です"), error.message)
        elif dialogs.ask_retry(parent, title or _t("データベースを使用中です"), error.message):
            if form is not None:
                form.clear_errors()
            retry()
        return
    if isinstance(error, DomainError):
        if form is not None:
            form.show_refusal(error)
        else:
            dialogs.show_error(parent, title or _t("できませんでした"), error.message)
        return
    report(error)
