"""The database key: a random 256-bit key in the OS keychain, or one derived from a passphrase.

Nothing secret is written to disk. ``tsunagi.keyinfo.json`` beside the database holds only
the database id, the key mode and the scrypt salt and parameters.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from desktop.config import KEYINFO_FILENAME
from desktop.i18n import translator

_t = translator("Keystore")
KEYRING_SERVICE = "Tsunagi"
# scrypt cost: 2**15 × 8 × 1 uses 32 MiB and about 0.1 s, once per start.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 10


class KeyUnavailable(Exception):
    """The key cannot be had; the message (Japanese) says what to do."""


@dataclass(frozen=True)
class KeyInfo:
    db_id: str
    mode: str  # "keyring" | "passphrase"
    salt: str = ""
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def save(self, data_dir: Path) -> None:
        path = data_dir / KEYINFO_FILENAME
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, data_dir: Path) -> KeyInfo | None:
        path = data_dir / KEYINFO_FILENAME
        if not path.exists():
            return None
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    @property
    def keyring_user(self) -> str:
        return f"database-key:{self.db_id}"


def derive_key(passphrase: str, salt_hex: str, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=n, r=r, p=p,
        maxmem=256 * 1024 * 1024, dklen=32,
    )


def format_recovery_key(key: bytes) -> str:
    """The key as 16 groups of 4 hex digits, for the administrator to keep on paper."""
    h = key.hex().upper()
    return "-".join(h[i : i + 4] for i in range(0, 64, 4))


_RECOVERY = re.compile(r"^([0-9A-Fa-f]{4}-){15}[0-9A-Fa-f]{4}$")


def parse_recovery_key(text: str) -> bytes | None:
    s = text.strip()
    return bytes.fromhex(s.replace("-", "")) if _RECOVERY.match(s) else None


def create_key(data_dir: Path, passphrase: str | None) -> tuple[KeyInfo, bytes]:
    """Make the key for a new database and remember how to find it again.

    With a passphrase the key is derived with scrypt; without one a random key goes to the
    OS keychain, and is read back to prove the keychain really keeps it (the null backend
    accepts a write and forgets it).
    """
    db_id = str(uuid.uuid4())
    if passphrase is not None:
        if len(passphrase) < MIN_PASSPHRASE:
            raise KeyUnavailable(_t("パスフレーズは{MIN_PASSPHRASE}文字以上にしてください").format(
                MIN_PASSPHRASE=MIN_PASSPHRASE))
        info = KeyInfo(db_id, "passphrase", salt=secrets.token_hex(16))
        return info, derive_key(passphrase, info.salt, info.n, info.r, info.p)
    info = KeyInfo(db_id, "keyring")
    key = secrets.token_bytes(32)
    try:
        keyring.set_password(KEYRING_SERVICE, info.keyring_user, key.hex())
        stored = keyring.get_password(KEYRING_SERVICE, info.keyring_user)
    except KeyringError:
        stored = None
    if stored != key.hex():
        raise KeyUnavailable(
            _t("この環境ではOSのキーチェーンが使えません。TSUNAGI_DB_PASSPHRASE にパスフレーズ（10文字以上）を設定して、もう一度実行してください")
        )
    return info, key


def load_key(info: KeyInfo, passphrase: str | None) -> bytes:
    """The key of an existing database; a recovery key given as passphrase always works."""
    if passphrase and (recovered := parse_recovery_key(passphrase)):
        return recovered
    if info.mode == "passphrase":
        if not passphrase:
            raise KeyUnavailable(
                _t("データベースのパスフレーズが必要です（TSUNAGI_DB_PASSPHRASE で指定してください）")
            )
        return derive_key(passphrase, info.salt, info.n, info.r, info.p)
    try:
        stored = keyring.get_password(KEYRING_SERVICE, info.keyring_user)
    except KeyringError:
        stored = None
    if not stored:
        raise KeyUnavailable(
            _t("OSのキーチェーンにデータベースの鍵が見つかりません。初期設定時に控えた回復キーを TSUNAGI_DB_PASSPHRASE に指定してください")
        )
    return bytes.fromhex(stored)


def forget_key(info: KeyInfo) -> None:
    if info.mode == "keyring":
        with contextlib.suppress(KeyringError):
            keyring.delete_password(KEYRING_SERVICE, info.keyring_user)
