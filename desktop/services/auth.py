"""Staff accounts: first administrator, sign-in with lockout, and user management."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.models import LoginThrottle, User
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import (
    AccountLocked,
    AuthenticationFailed,
    DomainError,
    InvalidInput,
    NotFound,
)
from desktop.services.labels import ROLES
from desktop.services.permissions import require_role
from desktop.services.settings import read_setting

_t = translator("Auth")


def locked_message() -> str:
    return _t("ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから、または管理者に解除を依頼してください")

MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if algo != "scrypt":
        return False
    calc = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                          p=int(p), dklen=32)
    return hmac.compare_digest(calc.hex(), digest)


@cache
def _dummy_hash() -> str:
    """A hash to check unknown users against (same time as a real check); made on first
    use, not at import (a scrypt run costs 60 ms of start-up)."""
    return hash_password(secrets.token_hex(8))


@dataclass(frozen=True)
class UserSummary:
    id: uuid.UUID
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    last_login_at: datetime | None


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role)


def _aware(dt: datetime | None, like: datetime) -> datetime | None:
    """SQLite hands back naive UTC datetimes; compare them with aware ones safely."""
    if dt is None or dt.tzinfo is not None:
        return dt
    return dt.replace(tzinfo=like.tzinfo)


def validate_new_user(username: str, display_name: str, role: str, password: str) -> None:
    if not username or len(username) > 64 or not username.replace("-", "").replace(
            "_", "").replace(".", "").isalnum() or not username.isascii():
        raise InvalidInput("username", _t("ユーザー名は半角英数字（- _ . 可）で入力してください"))
    if not display_name.strip():
        raise InvalidInput("display_name", _t("表示名を入力してください"))
    if role not in ROLES:
        raise InvalidInput("role", _t("権限は {roles} のいずれかです").format(roles=', '.join(ROLES)))
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("password", _t("パスワードは{MIN_PASSWORD}文字以上にしてください").format(
            MIN_PASSWORD=MIN_PASSWORD))


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def has_users(self) -> bool:
        with self.ctx.db.read() as s:
            return bool(s.scalar(select(func.count(User.id))))

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        validate_new_user(username, display_name, "admin", password)
        with self.ctx.db.write() as s:
            if s.scalar(select(func.count(User.id))):
                raise DomainError(_t("管理者は既に登録されています"))
            user = User(username=username, display_name=display_name, role="admin",
                        password_hash=hash_password(password))
            s.add(stamp_new(self.ctx, None, user))
            s.flush()
            actor = _actor(user)
            audit.append(s, self.ctx, actor, "user_create", "user", user.id, role="admin")
        return actor

    def login(self, username: str, password: str) -> Actor:
        """Sign in. After ``lockout_threshold`` failures in a row the account is locked for
        ``lockout_minutes``; every attempt is audited. The message never says whether the
        user name exists."""
        now = self.ctx.now()
        failure: AuthenticationFailed | None = None
        with self.ctx.db.write() as s:
            user = s.scalar(select(User).where(User.username == username))
            if user is None or not user.active or user.deleted_at is not None:
                verify_password(password, _dummy_hash())  # same time as a real check
                # Counted and locked like a real account, so the answer never tells
                # whether the name exists.
                throttle = self._throttle(s, username)
                if (locked := _aware(throttle.locked_until, now)) and locked > now:
                    failure = AccountLocked(locked_message())
                else:
                    throttle.failed_logins += 1
                    if throttle.failed_logins >= read_setting(s, "lockout_threshold"):
                        throttle.locked_until = now + timedelta(
                            minutes=read_setting(s, "lockout_minutes"))
                        throttle.failed_logins = 0
                    failure = AuthenticationFailed(_t("ユーザー名またはパスワードが違います"))
                audit.append(s, self.ctx, None, "login_failed", "user",
                             user.id if user else "", reason="unknown_or_disabled")
            elif (locked := _aware(user.locked_until, now)) and locked > now:
                audit.append(s, self.ctx, None, "login_failed", "user", user.id,
                             reason="locked")
                failure = AccountLocked(locked_message())
            elif not verify_password(password, user.password_hash):
                user.failed_logins += 1
                threshold = read_setting(s, "lockout_threshold")
                if user.failed_logins >= threshold:
                    user.locked_until = now + timedelta(minutes=read_setting(s, "lockout_minutes"))
                    user.failed_logins = 0
                audit.append(s, self.ctx, None, "login_failed", "user", user.id,
                             reason="password", locked=user.locked_until is not None)
                failure = AuthenticationFailed(_t("ユーザー名またはパスワードが違います"))
            else:
                user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
                actor = _actor(user)
                audit.append(s, self.ctx, actor, "login", "user", user.id)
        if failure is not None:
            raise failure
        return actor

    def _throttle(self, s: Session, username: str) -> LoginThrottle:
        key = self.ctx.db.audit_key or b""
        name_hash = hmac.new(key, b"login:" + username.casefold().encode(), "sha256").hexdigest()
        row = s.get(LoginThrottle, name_hash)
        if row is None:
            row = LoginThrottle(name_hash=name_hash, failed_logins=0, locked_until=None)
            s.add(row)
        return row

    def _user(self, s: Session, username: str) -> User:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(_t("ユーザー「{username}」は登録されていません").format(username=username))
        return user

    def add_user(self, actor: Actor, username: str, display_name: str, role: str,
                 password: str) -> UserSummary:
        require_role(actor, "admin")
        validate_new_user(username, display_name, role, password)
        with self.ctx.db.write() as s:
            if s.scalar(select(User.id).where(User.username == username)):
                raise InvalidInput("username", _t("ユーザー名「{username}」は既に使われています").format(
                    username=username))
            user = User(username=username, display_name=display_name, role=role,
                        password_hash=hash_password(password))
            s.add(stamp_new(self.ctx, actor, user))
            s.flush()
            audit.append(s, self.ctx, actor, "user_create", "user", user.id, role=role)
            return self._summary(user)

    def _summary(self, u: User) -> UserSummary:
        now = self.ctx.now()
        locked = _aware(u.locked_until, now)
        return UserSummary(u.id, u.username, u.display_name, u.role, u.active,
                           bool(locked and locked > now), u.last_login_at)

    def list_users(self, actor: Actor) -> list[UserSummary]:
        require_role(actor, "admin", "supervisor")
        with self.ctx.db.read() as s:
            users = s.scalars(select(User).where(User.deleted_at.is_(None))
                              .order_by(User.username))
            return [self._summary(u) for u in users]

    def disable_user(self, actor: Actor, username: str) -> None:
        require_role(actor, "admin")
        if username == actor.username:
            raise InvalidInput("username", _t("自分自身のアカウントは無効にできません"))
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.active = False
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "user_disable", "user", user.id)

    def enable_user(self, actor: Actor, username: str) -> None:
        require_role(actor, "admin")
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.active, user.failed_logins, user.locked_until = True, 0, None
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "user_enable", "user", user.id)

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        if len(new) < MIN_PASSWORD:
            raise InvalidInput("password", _t("パスワードは{MIN_PASSWORD}文字以上にしてください").format(
                MIN_PASSWORD=MIN_PASSWORD))
        with self.ctx.db.write() as s:
            user = self._user(s, actor.username)
            if not verify_password(old, user.password_hash):
                raise AuthenticationFailed(_t("現在のパスワードが違います"))
            user.password_hash = hash_password(new)
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "password_change", "user", user.id)

    def reset_password(self, actor: Actor, username: str, new: str) -> None:
        require_role(actor, "admin")
        if len(new) < MIN_PASSWORD:
            raise InvalidInput("password", _t("パスワードは{MIN_PASSWORD}文字以上にしてください").format(
                MIN_PASSWORD=MIN_PASSWORD))
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.password_hash, user.failed_logins, user.locked_until = hash_password(new), 0, None
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "password_reset", "user", user.id)
