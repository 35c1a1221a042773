"""The signed originals attached to consents: who attached what and when, who may see one
(each view audited) and who may remove one, and the packet's copy after a removal."""

from __future__ import annotations

import io
import json
import struct
import uuid
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from desktop.documents.scans import UnreadableScan
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


# ---------------------------------------------------------------- crafted originals
# Found in the attack round of 12-02: a JPEG went into the packet byte for byte (Exif, a
# comment, bytes after its end), and a 333-byte PDF with a 5 m page took 7 GB and 19 s to
# draw, then stopped the whole batch with Pillow's error.


def _jpeg_with_hidden_data() -> bytes:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = "EXIF-DESCRIPTION-SECRET"  # ImageDescription
    exif[0x013B] = "EXIF-ARTIST-SECRET"  # Artist
    Image.new("RGB", (400, 560), "white").save(buffer, "JPEG", exif=exif.tobytes())
    data = buffer.getvalue()
    comment = "COM-SECRET 山田太郎 通院中".encode()
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:] + b"TRAILING-PAYLOAD-AFTER-EOI"


def _image_streams(pdf: bytes) -> bytes:
    out = b""
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            out += xobject.get_object().get_data()
    return out


def _big_page_pdf(side: float, user_unit: float | None = None) -> bytes:
    """A valid one-page blank PDF, ``side`` points square (and its UserUnit)."""
    unit = f" /UserUnit {user_unit}" if user_unit else ""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {side} {side}]{unit} >>".encode()]
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
                  "%%EOF\n").encode()


def test_only_the_pixels_of_a_scanned_image_go_into_the_packet(world: World) -> None:
    ep, sharing = _sharing_consent(world, "referred")
    world.services.consent.attach_scan(world.cw_a, sharing, _jpeg_with_hidden_data(), "s.jpg")
    pdf = world.services.printing.issue(world.cw_a, "packet", ep).pdf
    sent = _image_streams(pdf) + pdf
    assert len(_image_streams(pdf)) > 1000  # the scan is there, drawn afresh
    for hidden in (b"EXIF-DESCRIPTION-SECRET", b"EXIF-ARTIST-SECRET",
                   b"COM-SECRET", b"TRAILING-PAYLOAD-AFTER-EOI"):
        assert hidden not in sent, hidden


@pytest.mark.parametrize("content", [_big_page_pdf(14400), _big_page_pdf(1400)],
                         ids=["5 m page", "49 cm page"])
def test_a_pdf_page_larger_than_a3_is_refused_when_attached(world: World,
                                                          content: bytes) -> None:
    _, sharing = _sharing_consent(world)
    with pytest.raises(UnreadableScan, match="大きすぎます"):
        world.services.consent.attach_scan(world.cw_a, sharing, content, "big.pdf")
    assert world.services.consent.scans(world.cw_a, sharing) == []


def test_an_image_of_more_than_forty_million_pixels_is_refused_when_attached(
        world: World) -> None:
    _, sharing = _sharing_consent(world)
    buffer = io.BytesIO()
    Image.new("1", (7000, 6000), 1).save(buffer, "PNG")
    with pytest.raises(UnreadableScan, match="4000万画素"):
        world.services.consent.attach_scan(world.cw_a, sharing, buffer.getvalue(), "big.png")


def test_a_huge_page_stored_before_the_check_is_drawn_small(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """An original kept from before the size check (or with a UserUnit that multiplies
    the page) is drawn at most A3 at 150 dpi: the packet prints, in bounded memory."""
    from desktop.documents import scans

    ep, sharing = _sharing_consent(world, "referred")
    monkeypatch.setattr(scans, "MAX_PAGE_POINTS", 10 ** 6)  # as an older release stored it
    world.services.consent.attach_scan(world.cw_a, sharing, _big_page_pdf(14400, 50), "u.pdf")
    monkeypatch.undo()
    pdf = world.services.printing.issue(world.cw_a, "packet", ep).pdf
    sizes = [(x.get_object()["/Width"], x.get_object()["/Height"])
             for page in PdfReader(io.BytesIO(pdf)).pages
             for x in (page["/Resources"].get("/XObject") or {}).values()]
    assert sizes and max(max(w, h) for w, h in sizes) <= scans.MAX_PRINT_SIDE


def test_an_original_that_cannot_be_drawn_refuses_its_case_and_the_batch_goes_on(
        world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop.documents import scans

    printing = world.services.printing
    bad, sharing = _sharing_consent(world, "referred")
    damaged = _jpeg_with_hidden_data()[:600]  # cut short: stored, then unreadable
    monkeypatch.setattr(scans, "inspect_scan", lambda content: scans.ScanFile(scans.JPEG, 1))
    world.services.consent.attach_scan(world.cw_a, sharing, damaged, "cut.jpg")
    monkeypatch.undo()
    good = [to_state(world, world.person(), "referred") for _ in range(2)]
    assert set(printing.pending_referrals(world.cw_a)) == {bad, *good}
    written, refused = printing.print_pending(world.cw_a, tmp_path / "out")
    assert len(written) == 2 and len(refused) == 1 and "原本" in refused[0]
    assert printing.pending_referrals(world.cw_a) == [bad]
