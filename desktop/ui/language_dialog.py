"""表示言語 (Language): this PC's choice of Japanese or English, applied from the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.i18n import LANGUAGES, current_language, save_language, saved_language, translator
from desktop.services.errors import DomainError
from desktop.ui import dialogs
from desktop.ui.forms import ActionDialog

_t = translator("LanguageDialog")


def language_dialog(parent: QWidget | None, data_dir: Path) -> ActionDialog:
    """The dialog itself (its result_value is the language saved)."""
    before = saved_language(data_dir)

    def build(form: Any) -> None:
        # Each language is named in itself, so anyone can find their own.
        form.choice("language", _t("表示言語 (Language)"), list(LANGUAGES.items()), before)

    def submit(values: dict[str, Any]) -> str:
        chosen = str(values.get("language") or before)
        try:
            save_language(data_dir, chosen)
        except OSError as exc:
            raise DomainError(_t("設定を保存できませんでした（{reason}）").format(
                reason=exc.strerror or type(exc).__name__)) from None
        return chosen

    return ActionDialog(_t("表示言語 (Language)"), build, submit, intro=_t(
        "この PC で使う言語を選びます。次回の起動から切り替わります。"
        "印刷する書類（支援要請書・同意書など）は日本語のままです。"), ok_text=_t("保存"),
        parent=parent)


def choose_language(parent: QWidget | None, data_dir: Path) -> bool:
    """Ask for the language and save it for this PC. True when a new choice was saved."""
    before = saved_language(data_dir)
    dialog = language_dialog(parent, data_dir)
    if not dialog.exec() or dialog.result_value == before:
        return False
    if dialog.result_value != current_language():
        dialogs.show_info(parent, _t("表示言語 (Language)"), _t(
            "次回の起動から「{language}」で表示します。").format(
                language=LANGUAGES[dialog.result_value]))
    return True
