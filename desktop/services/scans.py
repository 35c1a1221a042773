"""Encryption of the scanned consents kept in the database (consent_scans.content).

SQLCipher already encrypts a local database as a whole; a PostgreSQL server does not, and a
scan of a signed consent shows the person's handwriting, address and birth date. So each
file is sealed with AES-GCM under a key derived (HKDF) from the database's audit key — the
database key on a PC, the office's audit key on a server, the same after migrate-to-server —
and bound to its row's id, so a sealed file cannot be moved to another row unnoticed.
"""

from __future__ import annotations

import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.i18n import translator
from desktop.models.chain import hkdf
from desktop.models.db import Database
from desktop.services.errors import DomainError

_t = translator("Consent")
MAGIC = b"TSC1"


def _key(db: Database) -> bytes:
    if db.audit_key is None:
        raise RuntimeError("the database was opened without its audit key")
    return hkdf(db.audit_key, b"tsunagi consent scans v1")


def seal(db: Database, scan_id: uuid.UUID, content: bytes) -> bytes:
    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(_key(db)).encrypt(nonce, content, scan_id.bytes)


def open_sealed(db: Database, scan_id: uuid.UUID, sealed: bytes) -> bytes:
    if not sealed.startswith(MAGIC):
        raise DomainError(_t("同意書の画像を読み取れません（形式が違います）"))
    nonce, body = sealed[4:16], sealed[16:]
    try:
        return AESGCM(_key(db)).decrypt(nonce, body, scan_id.bytes)
    except InvalidTag:
        raise DomainError(_t("同意書の画像を復号できません（別のデータベースの鍵か、改変されています）")) from None
