"""Staff accounts: first administrator, sign-in with lockout, and user management."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.models import LoginThrottle, Organisation, Person, User
from desktop.services import audit
from desktop.services.context import Actor, ServiceContext, stamp_new, stamp_update
from desktop.services.errors import (
    AccountLocked,
    AuthenticationFailed,
    DomainError,
    InvalidInput,
    NotFound,
    PasswordChangeRequired,
)
from desktop.services.labels import (
    INDEPENDENT_SUPPORT_KINDS,
    INDEPENDENT_SUPPORT_ROLES,
    ORGANISATION_KINDS,
    ROLES,
    shown,
)
from desktop.services.organisations import (
    PLACEHOLDER_HEAD,
    PLACEHOLDER_NAME,
    OrganisationInput,
    add_organisation,
    first_organisation,
)
from desktop.services.organisations import validated as organisation_validated
from desktop.services.permissions import require
from desktop.services.settings import read_setting

_t = translator("Auth")


def locked_message() -> str:
    return _t("ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから、または管理者に解除を依頼してください")

MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1


# Initial passwords are read off a screen and passed on by hand or by phone: no 0/O, 1/l/I.
INITIAL_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"


def initial_password() -> str:
    """A generated initial (or reset) password: three groups of four characters from an
    alphabet without look-alikes, about 70 bits, changed at the first sign-in."""
    return "-".join("".join(secrets.choice(INITIAL_PASSWORD_ALPHABET) for _ in range(4))
                    for _ in range(3))


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
    organisation_id: uuid.UUID | None = None
    organisation_name: str = ""
    phone_extension: str = ""
    must_change_password: bool = False


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role, user.organisation_id)


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
    validate_password(password)


def validate_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(field, _t("パスワードは{MIN_PASSWORD}文字以上にしてください").format(
            MIN_PASSWORD=MIN_PASSWORD))


def extension(text: str) -> str:
    """内線: digits and hyphens, 16 characters at most (「内線」 itself is not kept)."""
    value = unicodedata.normalize("NFKC", text or "").strip().removeprefix("内線").strip()
    if value and (len(value) > 16 or not all(c.isdigit() or c == "-" for c in value)):
        raise InvalidInput("phone_extension", _t("内線番号は数字（とハイフン）16文字以内で入力してください"))
    return value


@dataclass(frozen=True)
class StaffChanges:
    """What an administrator may change about a staff member (None: leave as it is)."""

    display_name: str | None = None
    role: str | None = None
    organisation_id: uuid.UUID | None = None
    phone_extension: str | None = None


def check_role_fits(role: str, organisation: Organisation) -> None:
    """相談支援員 and 就労支援員 are roles of a 自立相談支援機関 (直営・委託) only."""
    if role in INDEPENDENT_SUPPORT_ROLES and organisation.kind not in INDEPENDENT_SUPPORT_KINDS:
        raise InvalidInput("role", _t(
            "「{role}」は自立相談支援機関の職員の権限です（「{organisation}」は{kind}）").format(
                role=shown(ROLES[role]), organisation=organisation.name,
                kind=shown(ORGANISATION_KINDS.get(organisation.kind, organisation.kind))))


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def has_users(self) -> bool:
        with self.ctx.db.read() as s:
            return bool(s.scalar(select(func.count(User.id))))

    def create_first_admin(self, username: str, display_name: str, password: str,
                           organisation: OrganisationInput | None = None) -> Actor:
        """The first administrator and, with them, the database's first organisation (named
        as given, or 福祉事務所 until the first-run wizard or ``tsunagi org edit`` names it)."""
        validate_new_user(username, display_name, "admin", password)
        data = organisation_validated(organisation or OrganisationInput(
            PLACEHOLDER_NAME, head_title=PLACEHOLDER_HEAD))
        with self.ctx.db.write() as s:
            if s.scalar(select(func.count(User.id))):
                raise DomainError(_t("管理者は既に登録されています"))
            org = first_organisation(s) or add_organisation(s, self.ctx, None, data)
            user = User(username=username, display_name=display_name, role="admin",
                        organisation_id=org.id, password_hash=hash_password(password))
            s.add(stamp_new(self.ctx, None, user))
            s.flush()
            actor = _actor(user)
            audit.append(s, self.ctx, actor, "user_create", "user", user.id, role="admin")
        return actor

    def _authenticate(self, s: Session, username: str, password: str) -> User | AuthenticationFailed:
        """The user whose password this is, or the failure to raise (after the transaction
        commits, so that failed attempts and lockouts are recorded). Every attempt is
        audited; the message never says whether the user name exists."""
        now = self.ctx.now()
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active or user.deleted_at is not None:
            verify_password(password, _dummy_hash())  # same time as a real check
            # Counted and locked like a real account, so the answer never tells whether the
            # name exists.
            failure: AuthenticationFailed
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
            return failure
        if (locked := _aware(user.locked_until, now)) and locked > now:
            audit.append(s, self.ctx, None, "login_failed", "user", user.id, reason="locked")
            return AccountLocked(locked_message())
        if not verify_password(password, user.password_hash):
            user.failed_logins += 1
            threshold = read_setting(s, "lockout_threshold")
            if user.failed_logins >= threshold:
                user.locked_until = now + timedelta(minutes=read_setting(s, "lockout_minutes"))
                user.failed_logins = 0
            audit.append(s, self.ctx, None, "login_failed", "user", user.id,
                         reason="password", locked=user.locked_until is not None)
            return AuthenticationFailed(_t("ユーザー名またはパスワードが違います"))
        user.failed_logins, user.locked_until = 0, None
        return user

    def login(self, username: str, password: str) -> Actor:
        """Sign in. After ``lockout_threshold`` failures in a row the account is locked for
        ``lockout_minutes``. A user whose password is an initial or reset one gets
        PasswordChangeRequired instead of a session: see ``change_initial_password``."""
        failure: DomainError | None = None
        with self.ctx.db.write() as s:
            found = self._authenticate(s, username, password)
            if isinstance(found, AuthenticationFailed):
                failure = found
            elif found.must_change_password:
                audit.append(s, self.ctx, None, "login_failed", "user", found.id,
                             reason="password_change_required")
                failure = PasswordChangeRequired(_t(
                    "初期パスワード（または管理者がリセットしたパスワード）のままです。"
                    "使い始める前に、新しいパスワードに変更してください"))
            else:
                found.last_login_at = self.ctx.now()
                actor = _actor(found)
                audit.append(s, self.ctx, actor, "login", "user", found.id)
        if failure is not None:
            raise failure
        return actor

    def logout(self, actor: Actor) -> None:
        """Sign out (ログアウト, or 別のユーザーでサインイン on the lock screen): the audit
        row that ends the session this actor's ``login`` began."""
        with self.ctx.db.write() as s:
            audit.append(s, self.ctx, actor, "logout", "user", actor.user_id)

    def change_initial_password(self, username: str, current: str, new: str) -> Actor:
        """Sign in by changing the password: for an initial or reset password (the only
        thing such a user can do), and for ``tsunagi passwd``. Failures count towards the
        lockout like a sign-in."""
        validate_password(new, "new")
        if new == current:
            raise InvalidInput("new", _t("今までと違うパスワードにしてください"))
        failure: DomainError | None = None
        with self.ctx.db.write() as s:
            found = self._authenticate(s, username, current)
            if isinstance(found, AuthenticationFailed):
                failure = found
            else:
                found.password_hash = hash_password(new)
                found.must_change_password = False
                found.last_login_at = self.ctx.now()
                actor = _actor(found)
                stamp_update(actor, found)
                audit.append(s, self.ctx, actor, "password_change", "user", found.id)
                audit.append(s, self.ctx, actor, "login", "user", found.id)
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

    def _organisation(self, s: Session, actor: Actor,
                      organisation_id: uuid.UUID | None) -> Organisation:
        org_id = organisation_id or actor.organisation_id
        org = s.get(Organisation, org_id) if org_id else first_organisation(s)
        if org is None or org.deleted_at is not None:
            raise InvalidInput("organisation", _t("所属する組織を選んでください"))
        return org

    def add_user(self, actor: Actor, username: str, display_name: str, role: str,
                 password: str, organisation_id: uuid.UUID | None = None,
                 phone_extension: str = "") -> UserSummary:
        """A new staff member of ``organisation_id`` (default: the administrator's). The
        password given is an initial one: it must be changed at the first sign-in."""
        require(actor, "manage_users")
        validate_new_user(username, display_name, role, password)
        ext = extension(phone_extension)
        with self.ctx.db.write() as s:
            if s.scalar(select(User.id).where(User.username == username)):
                raise InvalidInput("username", _t("ユーザー名「{username}」は既に使われています").format(
                    username=username))
            org = self._organisation(s, actor, organisation_id)
            check_role_fits(role, org)
            user = User(username=username, display_name=display_name.strip(), role=role,
                        organisation_id=org.id, phone_extension=ext,
                        password_hash=hash_password(password), must_change_password=True)
            s.add(stamp_new(self.ctx, actor, user))
            s.flush()
            audit.append(s, self.ctx, actor, "user_create", "user", user.id, role=role,
                         organisation=str(org.id))
            return self._summary(user, org.name)

    def update_user(self, actor: Actor, username: str, changes: StaffChanges) -> UserSummary:
        """Display name, role, organisation and extension. An administrator cannot take
        away their own administrator role (someone must be left to manage the staff)."""
        require(actor, "manage_users")
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            if changes.display_name is not None and not changes.display_name.strip():
                raise InvalidInput("display_name", _t("表示名を入力してください"))
            if changes.role is not None and changes.role not in ROLES:
                raise InvalidInput("role", _t("権限は {roles} のいずれかです").format(
                    roles=', '.join(ROLES)))
            if user.id == actor.user_id and changes.role not in (None, "admin"):
                raise InvalidInput("role", _t("自分自身の管理者の権限は外せません（ほかの管理者に依頼してください）"))
            values: dict[str, object] = {
                "display_name": (changes.display_name or "").strip() or None,
                "role": changes.role,
                "phone_extension": (None if changes.phone_extension is None
                                    else extension(changes.phone_extension))}
            if changes.organisation_id is not None:
                values["organisation_id"] = self._organisation(s, actor,
                                                               changes.organisation_id).id
                # Their cases stay with their organisation: moved with them in their charge,
                # the staff member would keep reading another organisation's recipients.
                left = s.scalar(select(func.count(Person.id)).where(
                    Person.caseworker_id == user.id, Person.deleted_at.is_(None),
                    Person.organisation_id != values["organisation_id"]))
                if left:
                    raise InvalidInput("organisation", _t(
                        "「{name}」はまだ今の組織の{count}件のケースを担当しています。先に担当を移してから"
                        "（担当の一括変更）、組織を変えてください").format(name=user.display_name,
                                                                count=left))
            org = s.get(Organisation, values.get("organisation_id") or user.organisation_id)
            assert org is not None
            check_role_fits(changes.role or user.role, org)
            changed = [k for k, v in values.items() if v is not None and getattr(user, k) != v]
            for k in changed:
                setattr(user, k, values[k])
            stamp_update(actor, user)
            s.flush()
            audit.append(s, self.ctx, actor, "user_update", "user", user.id, fields=changed)
            return self._summary(user, org.name)

    def _summary(self, u: User, organisation_name: str = "") -> UserSummary:
        now = self.ctx.now()
        locked = _aware(u.locked_until, now)
        return UserSummary(u.id, u.username, u.display_name, u.role, u.active,
                           bool(locked and locked > now), u.last_login_at, u.organisation_id,
                           organisation_name, u.phone_extension, u.must_change_password)

    def list_users(self, actor: Actor) -> list[UserSummary]:
        """Every staff member (an administrator), or the supervisor's organisation's."""
        require(actor, "list_staff")
        with self.ctx.db.read() as s:
            names = dict(s.execute(select(Organisation.id, Organisation.name)).all())
            stmt = select(User).where(User.deleted_at.is_(None))
            if actor.role != "admin":
                stmt = stmt.where(User.organisation_id == actor.organisation_id)
            users = s.scalars(stmt.order_by(User.username))
            return [self._summary(u, names.get(u.organisation_id, "")) for u in users]

    def find_user(self, actor: Actor, username: str) -> UserSummary:
        """One staff member by user name (a supervisor: of their organisation)."""
        for user in self.list_users(actor):
            if user.username == username.strip():
                return user
        raise NotFound(_t("ユーザー「{username}」は登録されていません").format(username=username))

    def disable_user(self, actor: Actor, username: str) -> None:
        require(actor, "manage_users")
        if username == actor.username:
            raise InvalidInput("username", _t("自分自身のアカウントは無効にできません"))
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.active = False
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "user_disable", "user", user.id)

    def enable_user(self, actor: Actor, username: str) -> None:
        require(actor, "manage_users")
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.active, user.failed_logins, user.locked_until = True, 0, None
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "user_enable", "user", user.id)

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        """The signed-in user's own password. A wrong current password counts towards the
        lockout as a failed sign-in does (someone at an unlocked screen cannot try
        passwords without limit), and the new one must differ from it."""
        validate_password(new)
        if new == old:
            raise InvalidInput("new", _t("今までと違うパスワードにしてください"))
        failure: DomainError | None = None
        with self.ctx.db.write() as s:
            found = self._authenticate(s, actor.username, old)
            if isinstance(found, AccountLocked):
                failure = found
            elif isinstance(found, AuthenticationFailed):
                failure = AuthenticationFailed(_t("現在のパスワードが違います"))
            else:
                found.password_hash = hash_password(new)
                found.must_change_password = False
                stamp_update(actor, found)
                audit.append(s, self.ctx, actor, "password_change", "user", found.id)
        if failure is not None:
            raise failure

    def reset_password(self, actor: Actor, username: str, new: str) -> None:
        """A temporary password the staff member must change at the next sign-in (the lock
        after failed sign-ins is lifted too)."""
        require(actor, "manage_users")
        validate_password(new)
        with self.ctx.db.write() as s:
            user = self._user(s, username)
            user.password_hash, user.failed_logins, user.locked_until = hash_password(new), 0, None
            user.must_change_password = True
            stamp_update(actor, user)
            audit.append(s, self.ctx, actor, "password_reset", "user", user.id)
