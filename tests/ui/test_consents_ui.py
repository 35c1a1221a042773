"""The 同意 tab: a 参加同意 withdrawn ends the support, an imported consent's scope is
confirmed from the paper, and the signed original is attached, seen in the viewer and, when
wrong, removed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.models import AuditEntry, Consent
from desktop.ui import dialogs, preview
from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.person_view import CONSENT_ORIGINALS_COLUMN, CONSENT_SCOPE_COLUMN, PersonView
from desktop.ui.scan_viewer import ScanViewerDialog
from tests.conftest import Clock, World
from tests.services.helpers import to_state
from tests.ui.conftest import DialogDriver, ok


def _consents_tab(window: MainWindow, person) -> PersonView:  # type: ignore[no-untyped-def]
    view = window.open_person(person)
    assert isinstance(view, PersonView)
    view.tabs.setCurrentIndex(2)
    return view


def _select(view: PersonView, kind: str) -> None:
    model = view.consents_model
    for row in range(model.rowCount()):
        if model.rows[row].kind == kind:
            view.consents_view.selectRow(row)
            return
    raise AssertionError(kind)


def _button(view: PersonView, text: str) -> QPushButton:
    return next(b for b in view.findChildren(QPushButton) if b.text() == text)


def test_withdrawing_participation_closes_the_case_with_the_reason(
        qtbot: QtBot, window: MainWindow, world: World, driver: DialogDriver) -> None:
    person = world.person()
    ep = to_state(world, person, "active")
    view = _consents_tab(window, person)
    _select(view, "participation")
    seen: list[str] = []

    def withdraw(d: ActionDialog) -> None:
        seen.append(d.windowTitle())
        close = d.form.fields["close"]
        assert isinstance(close, QCheckBox) and close.isChecked()
        ok(d)

    driver.then(withdraw)
    _button(view, "選択した同意の撤回を記録").click()
    assert seen == ["参加同意の撤回"]
    summary = world.services.workflow.episode(world.cw_a, ep)
    assert summary.state == "closed" and summary.closure_reason == "同意撤回"


def test_an_unconfirmed_scope_is_shown_and_confirmed_from_the_paper(
        qtbot: QtBot, window: MainWindow, world: World, driver: DialogDriver) -> None:
    person = world.person()
    ep = to_state(world, person, "consented")
    with world.services.ctx.db.engine.begin() as conn:  # as a ledger import leaves it
        conn.execute(sa.update(Consent).where(Consent.episode_id == ep,
                                              Consent.kind == "information_sharing")
                     .values(scope=[], scope_confirmed=False))
    view = _consents_tab(window, person)
    shown = [view.consents_model.index(r, CONSENT_SCOPE_COLUMN).data()
             for r in range(view.consents_model.rowCount())]
    assert any("未確認" in (text or "") for text in shown)
    _select(view, "information_sharing")

    def confirm(d: ActionDialog) -> None:
        assert not any(w.isChecked() for w in d.form.fields.values()  # type: ignore[attr-defined]
                       if isinstance(w, QCheckBox))
        d.form.fields["scope_identity_contact"].setChecked(True)  # type: ignore[attr-defined]
        ok(d)

    driver.then(confirm)
    _button(view, "範囲を原本で確認…").click()
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    assert info.scope_confirmed and info.scope == ("identity_contact",)


def test_the_signed_original_is_attached_from_a_file(
        qtbot: QtBot, window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = world.person()
    ep = to_state(world, person, "consented")
    scan = tmp_path / "同意書.png"
    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(buffer, "PNG")
    scan.write_bytes(buffer.getvalue())
    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(scan))
    view = _consents_tab(window, person)
    _select(view, "information_sharing")
    _button(view, "署名済みの同意書を添付…").click()
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    assert info.has_scan
    (record,) = world.services.consent.scans(world.cw_a, info.id)
    assert record.filename == "同意書.png" and record.mime == "image/png"
    assert date.today() >= record.attached_on


def _two_page_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        pdf.rect(50, 50, 400, 600)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_the_original_is_seen_in_the_viewer_and_a_wrong_one_removed(
        qtbot: QtBot, window: MainWindow, world: World, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, driver: DialogDriver) -> None:
    person = world.person()
    ep = to_state(world, person, "consented")
    scan = tmp_path / "山田_同意書.png"
    buffer = io.BytesIO()
    Image.new("RGB", (1240, 1754), "white").save(buffer, "PNG")  # A4 at 150 dpi
    scan.write_bytes(buffer.getvalue())
    monkeypatch.setattr(preview, "choose_open_path", lambda *a: str(scan))
    viewers: list[ScanViewerDialog] = []
    monkeypatch.setattr(ScanViewerDialog, "exec", lambda d: viewers.append(d) or 0)
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "ask_confirm",
                        lambda parent, title, text: questions.append(text) or True)
    view = _consents_tab(window, person)
    _select(view, "information_sharing")
    assert not view.view_scan_button.isEnabled() and not view.remove_scan_button.isEnabled()
    view.attach_scan_button.click()
    # The table shows the file, the day and who attached it; the buttons follow the row.
    row = next(r for r in range(view.consents_model.rowCount())
               if view.consents_model.rows[r].kind == "information_sharing")
    shown = view.consents_model.index(row, CONSENT_ORIGINALS_COLUMN).data()
    assert "山田_同意書.png" in shown and "青山 里美" in shown and "令和" in shown
    others = [view.consents_model.index(r, CONSENT_ORIGINALS_COLUMN).data()
              for r in range(view.consents_model.rowCount()) if r != row]
    assert others and all(text == "なし" for text in others)
    _select(view, "participation")
    assert not view.view_scan_button.isEnabled()
    _select(view, "information_sharing")
    assert view.view_scan_button.isEnabled() and view.remove_scan_button.isEnabled()

    view.view_scan_button.click()
    (viewer,) = viewers
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.fit_to_window()
    shown_page = viewer.page.pixmap()
    room = viewer.scroll_area.viewport().size()
    assert not shown_page.isNull() and viewer.page_count == 1
    assert viewer.page.width() <= room.width() and viewer.page.height() <= room.height()
    assert "山田_同意書.png" in viewer.findChild(QLabel, "scanInfo").text()
    fitted, fitted_height = viewer.zoom, viewer.page.height()
    viewer.zoom_in_button.click()
    assert viewer.zoom == pytest.approx(fitted * 1.25)
    assert viewer.page.height() == pytest.approx(fitted_height * 1.25, abs=2)
    assert viewer.fit_button.isEnabled() and not viewer.next_button.isEnabled()
    viewer.fit_button.click()
    assert viewer.zoom == fitted
    viewer.accept()
    with world.services.ctx.db.read() as s:
        views = s.scalars(sa.select(AuditEntry.username).where(
            AuditEntry.action == "view_scan")).all()
    assert views == ["cwa"]

    view.remove_scan_button.click()
    assert len(questions) == 1 and "山田_同意書.png" in questions[0]
    info = next(c for c in world.services.consent.consents(world.cw_a, ep)
                if c.kind == "information_sharing")
    assert not info.has_scan and info.scans == ()
    assert all(view.consents_model.index(r, CONSENT_ORIGINALS_COLUMN).data() == "なし"
               for r in range(view.consents_model.rowCount()))
    with world.services.ctx.db.read() as s:
        assert s.scalars(sa.select(AuditEntry.username).where(
            AuditEntry.action == "remove_scan")).all() == ["cwa"]


def test_a_pdf_original_pages_down_and_several_originals_are_picked_from(
        qtbot: QtBot, window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch,
        driver: DialogDriver, clock: Clock) -> None:
    person = world.person()
    ep = to_state(world, person, "consented")
    sharing = next(c for c in world.services.consent.consents(world.cw_a, ep)
                   if c.kind == "information_sharing")
    consent = world.services.consent
    consent.attach_scan(world.cw_a, sharing.id, _two_page_pdf(), "同意書.pdf")
    clock.advance(minutes=5)  # the originals are listed oldest first
    consent.attach_scan(world.cw_a, sharing.id, _two_page_pdf(), "別の人.pdf")
    viewers: list[ScanViewerDialog] = []
    monkeypatch.setattr(ScanViewerDialog, "exec", lambda d: viewers.append(d) or 0)
    view = _consents_tab(window, person)
    _select(view, "information_sharing")

    def pick_first(d: ActionDialog) -> None:
        choice = d.form.fields["scan"]
        assert isinstance(choice, QComboBox) and choice.count() == 2
        assert "同意書.pdf" in choice.itemText(0) and "別の人.pdf" in choice.itemText(1)
        ok(d)

    driver.then(pick_first)
    view.view_scan_button.click()
    (viewer,) = viewers
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.fit_to_window()  # at the size it was shown at
    assert viewer.scan.filename == "同意書.pdf" and viewer.page_count == 2
    first = viewer.page.pixmap().toImage()
    assert viewer.page_label.text() == "1 / 2 ページ" and not viewer.previous_button.isEnabled()
    # Page Down (a shortcut: key presses reach it only in an active window, which an
    # offscreen test cannot count on).
    page_down = next(k for k in viewer.findChildren(QShortcut)
                     if k.key() == QKeySequence(QKeySequence.StandardKey.MoveToNextPage))
    page_down.activated.emit()
    assert viewer.page_index == 1 and viewer.page_label.text() == "2 / 2 ページ"
    assert not viewer.next_button.isEnabled() and not viewer.page.pixmap().isNull()
    viewer.previous_button.click()
    assert viewer.page_index == 0 and viewer.page.pixmap().toImage().size() == first.size()
    viewer.accept()
    assert viewer.pdf is None  # closed with the dialog

    def pick_second(d: ActionDialog) -> None:
        d.form.fields["scan"].setCurrentIndex(1)  # type: ignore[attr-defined]
        ok(d)

    driver.then(pick_second)
    view.remove_scan_button.click()
    assert [s.filename for s in consent.scans(world.cw_a, sharing.id)] == ["同意書.pdf"]


def test_the_viewer_may_look_but_finds_no_remove_or_attach(
        qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch,
        driver: DialogDriver) -> None:
    from tests.ui.conftest import fake_runner

    person = world.person()
    ep = to_state(world, person, "consented")
    sharing = next(c for c in world.services.consent.consents(world.cw_a, ep)
                   if c.kind == "information_sharing")
    world.services.consent.attach_scan(world.cw_a, sharing.id, _two_page_pdf(), "同意書.pdf")
    errors: list[BaseException] = []
    window = MainWindow(world.services, world.viewer, fake_runner(world, errors))
    qtbot.addWidget(window)
    window.show()
    viewers: list[ScanViewerDialog] = []
    monkeypatch.setattr(ScanViewerDialog, "exec", lambda d: viewers.append(d) or 0)
    view = _consents_tab(window, person)
    _select(view, "information_sharing")
    assert view.view_scan_button.isEnabled()
    assert not view.remove_scan_button.isEnabled() and not view.attach_scan_button.isEnabled()
    assert "閲覧のみ" in view.remove_scan_button.toolTip()
    view.view_scan_button.click()
    assert len(viewers) == 1 and viewers[0].page_count == 2
    qtbot.addWidget(viewers[0])
    viewers[0].reject()
    assert errors == []
