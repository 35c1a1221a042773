"""The signed originals attached to consents: who attached what and when, who may see one
(each view audited) and who may remove one, and the packet's copy after a removal."""

from __future__ import annotations

import io
import json
import uuid

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import AuditEntry, ConsentScan
from desktop.services.context import Actor
from desktop.services.errors import NotFound, PermissionDenied
from desktop.services.organisations import OrganisationInput
from desktop.services.printing import COPY_MARK
from tests.conftest import PASSWORD, Clock, World
from tests.services.helpers import to_state


def _png(shade: int = 255) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 170), (shade, shade, shade)).save(buffer, "PNG")
    return buffer.getvalue()


def _sharing_consent(world: World, state: str = "consented") -> tuple[uuid.UUID, uuid.UUID]:
    ep = to_state(world, world.person(), state)
    consent = next(c for c in world.services.consent.consents(world.cw_a, ep)
                   if c.kind == "information_sharing")
    return ep, consent.id


def _audited(world: World, action: str) -> list[tuple[str, dict[str, str]]]:
    """(username, detail) of each audit row of ``action``, in order."""
    with world.services.ctx.db.read() as s:
        rows = s.execute(select(AuditEntry.username, AuditEntry.detail)
                         .where(AuditEntry.action == action).order_by(AuditEntry.seq)).all()
    return [(name, json.loads(detail)) for name, detail in rows]


def test_each_consent_lists_its_originals_with_file_date_and_who_attached_them(
        world: World, clock: Clock) -> None:
    ep, consent_id = _sharing_consent(world)
    service = world.services.consent
    first = service.attach_scan(world.cw_a, consent_id, _png(), "同意書_表.png")
    first_day = world.services.ctx.today()
    clock.advance(days=2)
    second = service.attach_scan(world.supervisor, consent_id, _png(200), "同意書_裏.png")
    listed = {c.kind: c for c in service.consents(world.viewer, ep)}
    sharing, participation = listed["information_sharing"], listed["participation"]
    assert sharing.has_scan and not participation.has_scan and participation.scans == ()
    assert [(s.id, s.filename, s.attached_by, s.attached_on) for s in sharing.scans] == [
        (first.id, "同意書_表.png", "青山 里美", first_day),
        (second.id, "同意書_裏.png", "査察 指導", world.services.ctx.today())]
    assert (world.services.ctx.today() - first_day).days == 2
    assert sharing.scans[0].mime == "image/png" and sharing.scans[0].size == len(_png())
    assert (first.attached_by, second.attached_by) == ("青山 里美", "査察 指導")
    assert service.scans(world.cw_a, consent_id) == list(sharing.scans)


@pytest.mark.parametrize("who", ["cw_a", "supervisor", "viewer", "admin"])
def test_whoever_may_read_the_case_sees_the_original_and_the_view_is_audited(
        world: World, who: str) -> None:
    _, consent_id = _sharing_consent(world)
    service = world.services.consent
    scan = service.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    actor: Actor = getattr(world, who)
    record, content = service.scan_content(actor, scan.id)
    assert content == _png()
    assert (record.id, record.filename, record.attached_by) == (scan.id, "同意書.png", "青山 里美")
    assert _audited(world, "view_scan") == [(actor.username, {"scan": str(scan.id)})]


def test_another_caseworkers_recipient_original_is_neither_shown_nor_removed(
        world: World) -> None:
    ep, consent_id = _sharing_consent(world)
    service = world.services.consent
    scan = service.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    with pytest.raises(PermissionDenied):
        service.scan_content(world.cw_b, scan.id)
    with pytest.raises(PermissionDenied):
        service.remove_scan(world.cw_b, scan.id)
    with pytest.raises(PermissionDenied):
        service.consents(world.cw_b, ep)
    assert _audited(world, "view_scan") == [] and _audited(world, "remove_scan") == []
    assert [s.id for s in service.scans(world.cw_a, consent_id)] == [scan.id]


def test_the_viewer_may_see_but_not_remove_an_original(world: World) -> None:
    _, consent_id = _sharing_consent(world)
    service = world.services.consent
    scan = service.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    with pytest.raises(PermissionDenied, match="閲覧のみ"):
        service.remove_scan(world.viewer, scan.id)
    assert [s.id for s in service.scans(world.viewer, consent_id)] == [scan.id]
    assert service.scan_content(world.viewer, scan.id)[1] == _png()
    assert _audited(world, "remove_scan") == []


@pytest.mark.parametrize("who", ["cw_a", "supervisor"])
def test_whoever_may_attach_removes_a_wrong_original_and_it_is_gone_and_audited(
        world: World, who: str) -> None:
    _, consent_id = _sharing_consent(world)
    service = world.services.consent
    kept = service.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    wrong = service.attach_scan(world.cw_a, consent_id, _png(0), "別の人の同意書.png")
    actor: Actor = getattr(world, who)
    removed = service.remove_scan(actor, wrong.id)
    assert (removed.id, removed.filename) == (wrong.id, "別の人の同意書.png")
    assert [s.id for s in service.scans(actor, consent_id)] == [kept.id]
    with world.services.ctx.db.read() as s:
        assert s.get(ConsentScan, wrong.id) is None  # the sealed file too
    assert _audited(world, "remove_scan") == [
        (actor.username, {"scan": str(wrong.id), "sha256": wrong.sha256})]
    with pytest.raises(NotFound):
        service.scan_content(actor, wrong.id)
    with pytest.raises(NotFound):
        service.remove_scan(actor, wrong.id)
    assert len(_audited(world, "remove_scan")) == 1


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text().replace("\n", "") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_packet_prints_the_office_copy_again_once_the_original_is_removed(
        world: World) -> None:
    ep, consent_id = _sharing_consent(world, "active")
    service, printing = world.services.consent, world.services.printing
    scan = service.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    with_scan = _pages(printing.print_document(world.cw_a, "packet", ep).pdf)
    assert "同意書（写）1部" in with_scan[0]
    assert not any(COPY_MARK in t for t in with_scan)
    service.remove_scan(world.cw_a, scan.id)
    without = _pages(printing.print_document(world.cw_a, "packet", ep).pdf)
    assert "同意書（控）1部" in without[0] and "同意書（写）" not in "".join(without)
    assert any(COPY_MARK in t for t in without[1:])



def test_another_organisations_viewer_and_supervisor_see_no_original(world: World) -> None:
    """A viewer may see an original only where they may see the person: in their own
    organisation."""
    services = world.services
    west = services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    strangers = []
    for username, role in (("view2", "viewer"), ("sv2", "supervisor")):
        user = services.auth.add_user(world.admin, username, f"西区 {username}", role,
                                      PASSWORD, west.id)
        strangers.append(Actor(user.id, user.username, user.display_name, role, west.id))
    _, consent_id = _sharing_consent(world)
    scan = services.consent.attach_scan(world.cw_a, consent_id, _png(), "同意書.png")
    for stranger in strangers:
        with pytest.raises(PermissionDenied, match="ほかの組織"):
            services.consent.scan_content(stranger, scan.id)
        with pytest.raises(PermissionDenied):
            services.consent.remove_scan(stranger, scan.id)
    assert _audited(world, "view_scan") == [] and _audited(world, "remove_scan") == []
    assert [s.id for s in services.consent.scans(world.cw_a, consent_id)] == [scan.id]
