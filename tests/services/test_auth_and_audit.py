"""Sign-in with lockout, user management, and the tamper-evident audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from desktop.models import AuditEntry
from desktop.services import audit
from desktop.services.errors import AccountLocked, AuthenticationFailed, InvalidInput
from tests.conftest import PASSWORD, Clock, World


def test_login_returns_the_actor_and_is_audited(world: World) -> None:
    actor = world.services.auth.login("cwa", PASSWORD)
    assert (actor.username, actor.role, actor.display_name) == ("cwa", "caseworker", "青山 里美")
    with world.services.ctx.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and (last.action, last.username) == ("login", "cwa")


def test_wrong_password_and_unknown_user_give_the_same_message(world: World) -> None:
    auth = world.services.auth
    with pytest.raises(AuthenticationFailed) as a:
        auth.login("cwa", "wrong-password")
    with pytest.raises(AuthenticationFailed) as b:
        auth.login("nobody", "wrong-password")
    assert a.value.message == b.value.message == "ユーザー名またはパスワードが違います"


def test_lockout_after_repeated_failures_then_expiry(world: World, clock: Clock) -> None:
    auth = world.services.auth
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.login("cwa", "wrong-password")
    with pytest.raises(AccountLocked, match="ロック"):
        auth.login("cwa", PASSWORD)  # right password, still locked
    assert [u.locked for u in auth.list_users(world.admin) if u.username == "cwa"] == [True]
    clock.advance(minutes=16)
    assert auth.login("cwa", PASSWORD).username == "cwa"


def test_admin_can_unlock_and_disable(world: World) -> None:
    auth = world.services.auth
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.login("cwb", "wrong-password")
    auth.enable_user(world.admin, "cwb")
    assert auth.login("cwb", PASSWORD).username == "cwb"
    auth.disable_user(world.admin, "cwb")
    with pytest.raises(AuthenticationFailed):
        auth.login("cwb", PASSWORD)
    with pytest.raises(InvalidInput, match="自分自身"):
        auth.disable_user(world.admin, "admin")


def test_user_validation(world: World) -> None:
    auth = world.services.auth
    with pytest.raises(InvalidInput, match="8文字"):
        auth.add_user(world.admin, "new", "新人", "caseworker", "short")
    with pytest.raises(InvalidInput, match="既に使われて"):
        auth.add_user(world.admin, "cwa", "重複", "caseworker", PASSWORD)
    with pytest.raises(InvalidInput, match="半角英数字"):
        auth.add_user(world.admin, "山田", "山田", "caseworker", PASSWORD)
    with pytest.raises(InvalidInput, match="権限"):
        auth.add_user(world.admin, "x1", "X", "superuser", PASSWORD)


def test_password_change(world: World) -> None:
    auth = world.services.auth
    with pytest.raises(AuthenticationFailed):
        auth.change_password(world.cw_a, "wrong-password", "new-password-1")
    auth.change_password(world.cw_a, PASSWORD, "new-password-1")
    assert auth.login("cwa", "new-password-1").username == "cwa"


def test_audit_chain_verifies(world: World) -> None:
    world.person()
    db = world.services.ctx.db
    with db.read() as s:
        report = audit.verify_chain(s, db.audit_key, db.anchor)
    assert report.ok and report.rows > 5


def test_tampered_audit_row_is_named(world: World) -> None:
    db = world.services.ctx.db
    with db.write() as s:
        s.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(username="mallory"))
    with db.read() as s:
        report = audit.verify_chain(s, db.audit_key, db.anchor)
    assert not report.ok and report.bad_seq == 3
    assert "#3" in report.problem and "改ざん" in report.problem


def test_deleted_audit_row_is_detected(world: World) -> None:
    db = world.services.ctx.db
    with db.write() as s:
        s.execute(delete(AuditEntry).where(AuditEntry.seq == 4))
    with db.read() as s:
        report = audit.verify_chain(s, db.audit_key, db.anchor)
    assert not report.ok and report.bad_seq == 4 and "欠落" in report.problem


def test_rewritten_chain_tail_is_detected(world: World) -> None:
    """Changing a row and recomputing its own hash: without the key (plain SHA-256, as the
    first release chained) the row itself fails; with the key, the next row's link does."""
    from desktop.models.chain import keyed_row_hash

    db = world.services.ctx.db
    with db.write() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.seq == 2))
        assert entry is not None
        entry.action = "nothing"
        entry.hash = audit.row_hash(entry.seq, entry.at, entry.user_id, entry.username,
                                    entry.action, entry.entity, entry.entity_id, entry.detail,
                                    entry.origin, entry.prev_hash)
    with db.read() as s:
        assert audit.verify_chain(s, db.audit_key, db.anchor).bad_seq == 2
    assert db.audit_key is not None
    with db.write() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.seq == 2))
        assert entry is not None
        entry.hash = keyed_row_hash(db.audit_key, entry.seq, entry.at, entry.user_id,
                                    entry.username, entry.action, entry.entity, entry.entity_id,
                                    entry.detail, entry.origin, entry.record_hash,
                                    entry.prev_hash)
    with db.read() as s:
        report = audit.verify_chain(s, db.audit_key, db.anchor)
    assert report.bad_seq == 3


def test_person_views_are_audited(world: World) -> None:
    person = world.person()
    world.services.persons.get_person(world.supervisor, person)
    with world.services.ctx.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None
    assert (last.action, last.entity, last.entity_id, last.username) == (
        "view", "person", str(person), "sv")
