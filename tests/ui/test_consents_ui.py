"""The 同意 tab: a 参加同意 withdrawn ends the support, an imported consent's scope is
confirmed from the paper, and the signed original is attached."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from PySide6.QtWidgets import QCheckBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.models import Consent
from desktop.ui import preview
from desktop.ui.forms import ActionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.person_view import PersonView
from tests.conftest import World
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
    shown = [view.consents_model.index(r, 5).data() for r in range(view.consents_model.rowCount())]
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
