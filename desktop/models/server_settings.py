"""Office mode on this PC: which PostgreSQL server to use, kept in the data folder.

``server.json`` holds the URL without its password (host, port, database, user, and libpq
options such as ``sslmode=verify-full&sslrootcert=...``); the password lives in the OS
keychain under the service "Tsunagi server", keyed by that URL. Where no keychain exists the
password is not stored at all: set TSUNAGI_DB_URL (or a libpq ~/.pgpass) instead.
TSUNAGI_DB_URL, when set, wins over the saved setting.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config import SERVER_FILE
from desktop.errors import DomainError
from desktop.i18n import translator

_t = translator("ServerSettings")
KEYRING_SERVICE = "Tsunagi server"


def server_label(url: str) -> str:
    """Host, port and database only, for messages and the audit (never user or password)."""
    u = make_url(url)
    return f"{u.host or 'localhost'}:{u.port or 5432}/{u.database}"


def without_password(url: str) -> str:
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def _plain(url: str) -> tuple[str, str | None]:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DomainError(_t("サーバーの URL の形式が正しくありません（例: postgresql+psycopg://user@host:5432/tsunagi?sslmode=verify-full）")
                          ) from None
    if parsed.get_backend_name() != "postgresql":
        raise DomainError(_t("サーバーには PostgreSQL の URL（postgresql+psycopg://…）を指定してください"))
    return without_password(url), parsed.password or None


def saved_server_url(data_dir: Path) -> str | None:
    """The saved server URL with its password from the keychain, or None (local mode)."""
    path = data_dir / SERVER_FILE
    if not path.exists():
        return None
    url = json.loads(path.read_text(encoding="utf-8"))["url"]
    try:
        password = keyring.get_password(KEYRING_SERVICE, url)
    except KeyringError:
        password = None
    if password:
        return make_url(url).set(password=password).render_as_string(hide_password=False)
    return str(url)


def save_server(data_dir: Path, url: str) -> str:
    """Remember the server for this PC; returns the URL as saved (without password)."""
    plain, password = _plain(url)
    if password:
        try:
            keyring.set_password(KEYRING_SERVICE, plain, password)
        except KeyringError:
            raise DomainError(
                _t("この PC にはパスワードを保存できるキーチェーンがありません。パスワードは保存せず、"
                   "TSUNAGI_DB_URL 環境変数か ~/.pgpass で指定してください")) from None
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / f".{SERVER_FILE}.partial"
    tmp.write_text(json.dumps({"url": plain}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, data_dir / SERVER_FILE)
    return plain


def forget_server(data_dir: Path) -> None:
    """Back to the local database: the setting and its keychain entry go."""
    path = data_dir / SERVER_FILE
    if not path.exists():
        return
    url = json.loads(path.read_text(encoding="utf-8"))["url"]
    with contextlib.suppress(KeyringError):
        keyring.delete_password(KEYRING_SERVICE, url)
    path.unlink()


AUDIT_KEY_VARIABLE = "TSUNAGI_AUDIT_KEY"


def _audit_user(url: str) -> str:
    return f"audit-key:{server_label(url)}"


def server_audit_key(url: str) -> bytes | None:
    """The office's audit key for this server (signs the audit chain; never stored on the
    server): TSUNAGI_AUDIT_KEY, or this PC's keychain."""
    from desktop.models.keystore import parse_recovery_key

    given = os.environ.get(AUDIT_KEY_VARIABLE)
    if given:
        key = parse_recovery_key(given)
        if key is None:
            raise DomainError(_t("{variable} の形式が正しくありません（XXXX-XXXX-… の16組）").format(
                variable=AUDIT_KEY_VARIABLE))
        return key
    try:
        stored = keyring.get_password(KEYRING_SERVICE, _audit_user(url))
    except KeyringError:
        stored = None
    return bytes.fromhex(stored) if stored else None


def save_audit_key(url: str, key: bytes) -> bool:
    """Keep the audit key in this PC's keychain; False where there is no keychain."""
    try:
        keyring.set_password(KEYRING_SERVICE, _audit_user(url), key.hex())
        return keyring.get_password(KEYRING_SERVICE, _audit_user(url)) == key.hex()
    except KeyringError:
        return False
