"""Printing from the desktop: preview rendered in-app, save, refusals, and the batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QToolButton
from pytestqt.qtbot import QtBot

from desktop.ui import dialogs, preview
from desktop.ui.issue_dialog import IssueDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.preview import PreviewDialog
from tests.conftest import World
from tests.services.helpers import to_state


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[PreviewDialog]:
    shown: list[PreviewDialog] = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: shown.append(self) or 1)
    return shown


@pytest.fixture
def issuing(monkeypatch: pytest.MonkeyPatch) -> list[IssueDialog]:
    """The issue dialog, answered by clicking 「発行」 as it opened."""
    shown: list[IssueDialog] = []

    def run(self: IssueDialog) -> int:
        shown.append(self)
        self.issue_button.click()
        return self.result()

    monkeypatch.setattr(IssueDialog, "exec", run)
    return shown


def _menu_action(view, kind: str):  # type: ignore[no-untyped-def]
    button = view.findChild(QToolButton, "printMenu")
    return next(a for a in button.menu().actions() if a.objectName() == f"print_{kind}")


def test_referral_preview_renders_pages_and_saves_the_pdf(
        qtbot: QtBot, window: MainWindow, world: World, previews: list[PreviewDialog],
        issuing: list[IssueDialog], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person(family_name="代田", given_name="花子", family_kana="シロタ",
                          given_kana="ハナコ")
    to_state(world, person, "active")
    view = window.open_person(person)
    _menu_action(view, "packet").trigger()
    assert len(issuing) == 1 and len(previews) == 1
    dialog = previews[0]
    # 送付書, 支援要請書, 同意書（控） on two pages, プラン
    assert len(dialog.page_labels) == 5
    assert not dialog.page_labels[0].pixmap().isNull()
    target = tmp_path / "packet.pdf"
    monkeypatch.setattr(preview, "choose_save_path", lambda parent, name: str(target))
    assert dialog.save() == target
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "代田 花子" in text and "送付書" in text


def test_printing_after_withdrawal_is_refused_with_the_reason(
        qtbot: QtBot, window: MainWindow, world: World, previews: list[PreviewDialog],
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person()
    ep = to_state(world, person, "referred")
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    world.services.consent.withdraw_consent(world.cw_a, info.id, date(2026, 6, 15))
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    view = window.open_person(person)
    _menu_action(view, "referral").trigger()
    assert previews == []
    assert errors and "同意" in errors[0] and "印刷できません" in errors[0]


def test_batch_prints_pending_referrals_into_a_folder(
        qtbot: QtBot, window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(2):
        to_state(world, world.person(), "referred")
    infos: list[str] = []
    monkeypatch.setattr(preview, "choose_folder", lambda parent: str(tmp_path / "out"))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: infos.append(text))
    window.print_pending()
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2
    assert infos and "2 件を印刷しました" in infos[0]
    assert world.services.printing.pending_referrals(world.cw_a) == []


def _pdf_text(pdf: bytes) -> str:
    import io

    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def test_the_referral_is_shown_and_edited_before_it_is_issued_and_numbered(
        qtbot: QtBot, window: MainWindow, world: World, previews: list[PreviewDialog],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The print dialog shows the page with its number open; the caseworker rewrites the
    特記事項, ticks 面接対策, sees it redrawn, and only 「発行」 takes the number."""
    person = world.person()
    to_state(world, person, "referred")
    opened: list[IssueDialog] = []

    def run(dialog: IssueDialog) -> int:
        opened.append(dialog)
        assert "第1号" not in _pdf_text(dialog.draft.document.pdf)
        assert dialog.findChildren(QLabel, "draftPage")
        notes = dialog.form.fields["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.insertPlainText("午前中の勤務を希望")  # keyClicks cannot type kanji
        interview = dialog.form.fields["requested_interview"]
        assert isinstance(interview, QCheckBox)
        interview.setChecked(True)
        dialog.refresh_button.click()
        redrawn = _pdf_text(dialog.draft.document.pdf)
        assert "午前中の勤務を希望" in redrawn and "■ 面接対策" in redrawn
        assert "第1号" not in redrawn  # still no number: only 「発行」 takes one
        dialog.issue_button.click()
        return dialog.result()

    monkeypatch.setattr(IssueDialog, "exec", run)
    view = window.open_person(person)
    _menu_action(view, "referral").trigger()
    assert len(opened) == 1 and len(previews) == 1
    issued = _pdf_text(previews[0].document.pdf)
    assert "第1号" in issued and "午前中の勤務を希望" in issued
    # Printed again: the document as issued, straight to the preview, no second number.
    _menu_action(view, "referral").trigger()
    assert len(opened) == 1 and len(previews) == 2
    assert "第1号" in _pdf_text(previews[1].document.pdf)


def test_a_cancelled_issue_dialog_takes_no_number(
        qtbot: QtBot, window: MainWindow, world: World, previews: list[PreviewDialog],
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person()
    ep = to_state(world, person, "referred")
    monkeypatch.setattr(IssueDialog, "exec", lambda self: 0)
    view = window.open_person(person)
    _menu_action(view, "referral").trigger()
    assert previews == []
    assert world.services.printing.draft(world.cw_a, "referral", ep).issued is False


def test_a_document_with_nothing_to_write_shows_its_page_alone(
        qtbot: QtBot, world: World) -> None:
    """The 支援終了・同意撤回の連絡 has no text to write before issuing: its dialog showed an
    empty pane beside the page (the new-office trial of 12-02)."""
    from tests.ui.conftest import fake_runner

    ep = to_state(world, world.person(), "active")
    participation = next(c for c in world.services.consent.consents(world.cw_a, ep)
                         if c.kind == "participation")
    world.services.workflow.withdraw_participation(
        world.cw_a, participation.id, world.services.ctx.today(), "本人の申出")
    errors: list[BaseException] = []
    notice = IssueDialog(world.services.printing.draft(world.cw_a, "withdrawal_notice", ep),
                         fake_runner(world, errors))
    qtbot.addWidget(notice)
    notice.show()
    assert notice.draft.fields == () and not notice.form.isVisibleTo(notice)
    assert notice.findChildren(QLabel, "draftPage") and not notice.refresh_button.isVisibleTo(notice)
    referral_ep = to_state(world, world.person(), "referred")
    referral = IssueDialog(world.services.printing.draft(world.cw_a, "referral", referral_ep),
                           fake_runner(world, errors))
    qtbot.addWidget(referral)
    referral.show()
    assert referral.form.isVisibleTo(referral)
    assert errors == []
