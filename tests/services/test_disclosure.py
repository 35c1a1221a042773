"""The one consent rule (services/disclosure.py) that every export and print calls, the
confirmation of an imported consent's scope, the withdrawal of the 参加同意 with the end of
support, and the scanned signed originals."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from desktop.models import AuditEntry, ConsentScan
from desktop.services.consent import ConsentInput
from desktop.services.disclosure import (
    NO_CONSENT,
    PARTICIPATION_WITHDRAWN,
    SCOPE_UNCONFIRMED,
    Disclosure,
    Refusal,
    disclosure,
    disclosures,
)
from desktop.services.errors import ConsentMissing, DomainError, InvalidInput, StaleRecord
from tests.conftest import World
from tests.services.helpers import ledger_case, to_state


def _screened(world: World) -> uuid.UUID:
    ep = to_state(world, world.person(), "screening")
    world.services.workflow.record_screening_decision(world.cw_a, ep, "approved",
                                                      date(2026, 4, 5))
    world.services.consent.record_consent(world.cw_a, ep, ConsentInput(
        "participation", date(2026, 4, 6)))
    return ep


def _share(world: World, ep: uuid.UUID, recipients: list[str], scope: list[str],
           on: date = date(2026, 4, 6), until: date | None = None) -> uuid.UUID:
    return world.services.consent.record_consent(world.cw_a, ep, ConsentInput(
        "information_sharing", on, until, recipients=recipients, scope=scope)).id


def _rule(world: World, episode_ids: list[uuid.UUID], recipients: list[str],
          on: date = date(2026, 6, 15)) -> dict[uuid.UUID, Disclosure | Refusal]:
    with world.services.ctx.db.read() as s:
        return disclosures(s, episode_ids, recipients, on)


def test_each_recipient_needs_a_consent_naming_it_and_only_shared_items_go(
        world: World) -> None:
    ep = _screened(world)
    _share(world, ep, ["ハローワーク新宿"], ["identity_contact", "health_barriers"])
    _share(world, ep, ["ハローワーク新宿", "つなぎ市生活自立相談センター"],
           ["identity_contact", "placement_retention"])
    one = _rule(world, [ep], ["ハローワーク新宿"])[ep]
    assert isinstance(one, Disclosure)
    assert one.scope == {"identity_contact", "health_barriers", "placement_retention"}
    assert one.shown("education_work_history", "高校") == "（同意範囲外）"
    assert one.shown("health_barriers", "腰痛") == "腰痛"
    both = _rule(world, [ep], ["ハローワーク新宿", "つなぎ市生活自立相談センター"])[ep]
    assert isinstance(both, Disclosure)
    assert both.scope == {"identity_contact", "placement_retention"}  # what both may receive
    # Names as people type them: width and spaces do not matter.
    assert isinstance(_rule(world, [ep], ["ハローワーク　新宿"])[ep], Disclosure)
    missing = _rule(world, [ep], ["ハローワーク新宿", "ハローワーク池袋"])[ep]
    assert isinstance(missing, Refusal) and missing.reason == NO_CONSENT
    assert "ハローワーク池袋" in missing.message


def test_a_consent_counts_only_while_in_force(world: World) -> None:
    ep = _screened(world)
    consent_id = _share(world, ep, ["ハローワーク新宿"], ["identity_contact"],
                        until=date(2026, 5, 31))
    assert isinstance(_rule(world, [ep], ["ハローワーク新宿"], date(2026, 5, 31))[ep],
                      Disclosure)
    assert _rule(world, [ep], ["ハローワーク新宿"], date(2026, 6, 1))[ep].reason == NO_CONSENT  # type: ignore[union-attr]
    assert _rule(world, [ep], ["ハローワーク新宿"], date(2026, 4, 5))[ep].reason == NO_CONSENT  # type: ignore[union-attr]
    world.services.consent.withdraw_consent(world.cw_a, consent_id, date(2026, 5, 10))
    assert isinstance(_rule(world, [ep], ["ハローワーク新宿"], date(2026, 5, 9))[ep],
                      Disclosure)
    assert _rule(world, [ep], ["ハローワーク新宿"], date(2026, 5, 10))[ep].reason == NO_CONSENT  # type: ignore[union-attr]


def test_a_withdrawn_participation_stops_everything_from_its_day(world: World) -> None:
    ep = to_state(world, world.person(), "active")
    participation = next(c for c in world.services.consent.consents(world.cw_a, ep)
                         if c.kind == "participation")
    record, summary = world.services.workflow.withdraw_participation(
        world.cw_a, participation.id, date(2026, 6, 1), close_episode=False)
    assert record.withdrawn_on == date(2026, 6, 1) and summary.state == "active"
    assert isinstance(_rule(world, [ep], [world.office_name], date(2026, 5, 31))[ep],
                      Disclosure)
    refused = _rule(world, [ep], [world.office_name], date(2026, 6, 1))[ep]
    assert isinstance(refused, Refusal) and refused.reason == PARTICIPATION_WITHDRAWN
    assert refused.withdrawn_on == date(2026, 6, 1)
    with world.services.ctx.db.read() as s, pytest.raises(ConsentMissing, match="撤回"):
        disclosure(s, ep, [world.office_name], date(2026, 6, 2))


def test_withdrawing_participation_closes_the_case_in_the_same_write(world: World) -> None:
    wf = world.services.workflow
    ep = to_state(world, world.person(), "retention")
    consents = world.services.consent.consents(world.cw_a, ep)
    sharing = next(c for c in consents if c.kind == "information_sharing")
    with pytest.raises(InvalidInput, match="参加同意"):
        wf.withdraw_participation(world.cw_a, sharing.id, date(2026, 6, 10))
    participation = next(c for c in consents if c.kind == "participation")
    with pytest.raises(DomainError):
        wf.withdraw_participation(world.cw_b, participation.id, date(2026, 6, 10))
    _, summary = wf.withdraw_participation(world.cw_a, participation.id, date(2026, 6, 10),
                                           "本人の申出")
    assert (summary.state, summary.closure_reason) == ("closed", "同意撤回")
    assert {c.result for c in wf.checkpoints(world.cw_a, ep)} == {"cancelled"}
    assert wf.timeline(world.cw_a, ep)[-1].note == "本人の申出"
    with pytest.raises(InvalidInput, match="既に撤回"):
        wf.withdraw_participation(world.cw_a, participation.id, date(2026, 6, 11))


def test_many_episodes_in_one_call(world: World) -> None:
    """How an export (the 支援状況連絡票 exchange sheet, a meeting's minutes) asks."""
    full = to_state(world, world.person(), "active")
    other_office = _screened(world)
    _share(world, other_office, ["ハローワーク池袋"], ["identity_contact"])
    nothing = to_state(world, world.person(), "screening")
    found = _rule(world, [full, other_office, nothing], [world.office_name])
    assert isinstance(found[full], Disclosure) and len(found[full].scope) == 5
    assert found[other_office].reason == NO_CONSENT  # type: ignore[union-attr]
    assert found[nothing].reason == NO_CONSENT  # type: ignore[union-attr]
    assert list(found) == [full, other_office, nothing]


def test_an_imported_consent_shares_nothing_until_its_scope_is_confirmed(
        world: World, tmp_path: Path) -> None:
    episode_id = ledger_case(world, tmp_path)
    consents = world.services.consent.consents(world.supervisor, episode_id)
    sharing = next(c for c in consents if c.kind == "information_sharing")
    assert not sharing.scope_confirmed and sharing.scope == ()
    assert next(c for c in consents if c.kind == "participation").scope_confirmed
    refused = _rule(world, [episode_id], [world.office_name])[episode_id]
    assert isinstance(refused, Refusal) and refused.reason == SCOPE_UNCONFIRMED
    with pytest.raises(ConsentMissing, match="範囲が確認されていません"):
        world.services.printing.print_document(world.supervisor, "referral", episode_id)
    consent = world.services.consent
    with pytest.raises(InvalidInput, match="1つ以上"):
        consent.confirm_scope(world.supervisor, sharing.id, sharing.version, [])
    with pytest.raises(StaleRecord):
        consent.confirm_scope(world.supervisor, sharing.id, sharing.version + 5,
                              ["identity_contact"])
    participation = next(c for c in consents if c.kind == "participation")
    with pytest.raises(InvalidInput, match="情報提供同意"):
        consent.confirm_scope(world.supervisor, participation.id, participation.version,
                              ["identity_contact"])
    confirmed = consent.confirm_scope(world.supervisor, sharing.id, sharing.version,
                                      ["job_search_status", "identity_contact"])
    assert confirmed.scope_confirmed
    assert confirmed.scope == ("identity_contact", "job_search_status")
    allowed = _rule(world, [episode_id], [world.office_name])[episode_id]
    assert isinstance(allowed, Disclosure)
    assert allowed.scope == {"identity_contact", "job_search_status"}
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "confirm_scope",
                                                   AuditEntry.entity_id == str(sharing.id)))


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 60), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_scans_are_kept_encrypted_bound_to_their_row_and_audited(world: World) -> None:
    ep = to_state(world, world.person(), "consented")
    consent = world.services.consent
    sharing = next(c for c in consent.consents(world.cw_a, ep)
                   if c.kind == "information_sharing")
    scan = consent.attach_scan(world.cw_a, sharing.id, _png(), "C:\\scans\\同意書.png")
    assert scan.filename == "同意書.png" and scan.size == len(_png())
    assert [s.id for s in consent.scans(world.viewer, sharing.id)] == [scan.id]
    with world.services.ctx.db.read() as s:
        row = s.get(ConsentScan, scan.id)
        assert row is not None and _png() not in row.content and b"IHDR" not in row.content
    _, content = consent.scan_content(world.viewer, scan.id)
    assert content == _png()
    with pytest.raises(DomainError):
        consent.attach_scan(world.viewer, sharing.id, _png(), "x.png")
    with pytest.raises(DomainError):
        consent.scan_content(world.cw_b, scan.id)
    # Moved to another row, the sealed file does not open.
    other = consent.attach_scan(world.cw_a, sharing.id, _png(), "y.png")
    with world.services.ctx.db.write() as s:
        first, second = s.get(ConsentScan, scan.id), s.get(ConsentScan, other.id)
        assert first is not None and second is not None
        second.content = first.content
    with pytest.raises(DomainError, match="復号できません"):
        consent.scan_content(world.cw_a, other.id)
    consent.remove_scan(world.cw_a, other.id)
    assert [s.id for s in consent.scans(world.cw_a, sharing.id)] == [scan.id]
    with world.services.ctx.db.read() as s:
        actions = set(s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == str(sharing.id))))
    assert {"attach_scan", "view_scan", "remove_scan"} <= actions
    for bad, why in ((b"", "空"), (b"GIF89a", "PDF・JPEG・PNG"),
                     (b"\x89PNG\r\n\x1a\nbroken", "読み取れません")):
        with pytest.raises(DomainError, match=why):
            consent.attach_scan(world.cw_a, sharing.id, bad, "bad")
