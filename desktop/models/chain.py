"""The audit chain's cryptography and its anchor outside the database (standard library only).

- Each audit row's ``hash`` is an HMAC-SHA256 (scheme 2) with a key derived from the database
  key by HKDF (``audit_key``); the key is never stored in the database, so a row cannot be
  forged or a tail recomputed without the database key. Rows written before the chain was
  keyed (scheme 1, plain SHA-256) stay as they were and are closed by a signed checkpoint.
- ``record_digest`` is the content hash of an audited record (all its columns), kept in
  the audit row that last touched it, so an edit that bypassed the services shows.
- ``HeadAnchor`` keeps the chain's head (sequence and hash) in a file beside the key-info
  file; a backup carries it in its header. Truncating the log or appending rows without
  moving the anchor is then detected.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64
SHA256_CHAIN, KEYED_CHAIN = 1, 2
ANCHOR_FILENAME = "tsunagi.audit-head.json"


def hkdf(key: bytes, info: bytes, length: int = 32) -> bytes:
    """HKDF-SHA256 (RFC 5869) with an empty salt."""
    prk = hmac.new(b"\x00" * 32, key, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def audit_key(database_key: bytes) -> bytes:
    """The chain's HMAC key, derived from the database key (never stored anywhere)."""
    return hkdf(database_key, b"tsunagi audit chain v2")


def timestamp(dt: datetime) -> str:
    """UTC, microseconds, no zone suffix: SQLite returns naive datetimes, PostgreSQL aware."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.isoformat(timespec="microseconds")


def sha256_row_hash(seq: int, at: datetime, user_id: uuid.UUID | None, username: str,
                    action: str, entity: str, entity_id: str, detail: str, origin: str,
                    prev_hash: str) -> str:
    """Scheme 1 (before the chain was keyed): SHA-256 over the row and the previous hash."""
    body = json.dumps(
        [seq, timestamp(at), str(user_id) if user_id else "", username, action, entity,
         entity_id, detail, origin, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def keyed_row_hash(key: bytes, seq: int, at: datetime, user_id: uuid.UUID | None,
                   username: str, action: str, entity: str, entity_id: str, detail: str,
                   origin: str, record_hash: str, prev_hash: str) -> str:
    """Scheme 2: HMAC-SHA256 over the row, the audited record's content hash and the
    previous row's hash."""
    body = json.dumps(
        [2, seq, timestamp(at), str(user_id) if user_id else "", username, action, entity,
         entity_id, detail, origin, record_hash, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Columns added to audited tables after the keyed chain began (revision 0011 on). While
# empty they are left out of a record's content hash, so that a record last audited before
# its table gained them still matches that hash after the upgrade; once they hold a value
# they count like every other column (setting or clearing one by hand is still seen).
LATE_COLUMNS: dict[str, frozenset[str]] = {
    "episodes": frozenset({"screening_route", "route"}),
    "placements": frozenset({"employer_id"}),
}


def record_digest(table: str, row: dict[str, Any]) -> str:
    """SHA-256 of a record's every column (LATE_COLUMNS only when set), the same on
    SQLite and PostgreSQL."""
    late = LATE_COLUMNS.get(table, frozenset())
    body = json.dumps([table, sorted((k, _plain(v)) for k, v in row.items()
                                     if v is not None or k not in late)],
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


@dataclass
class HeadAnchor:
    """The chain's head kept outside the database.

    Before each write transaction that appended audit rows commits, the anchor records the
    head before it and the head it will leave (``next``); the committed head is one of the
    two whether the commit happens or not, so a crash between the two never looks like
    tampering. ``exclusive``: this file is the database's only writer (SQLite): the chain
    must end exactly at the anchor. Otherwise (a PostgreSQL server that other PCs write
    too) the anchor is this PC's last known head: the chain must contain it.
    """

    path: Path
    exclusive: bool = True

    def read(self) -> tuple[Head | None, Head | None] | None:
        """(head, next) or None when there is no anchor file."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return (None, None)

        def head(value: Any) -> Head | None:
            if isinstance(value, dict) and isinstance(value.get("seq"), int) and isinstance(
                    value.get("hash"), str):
                return Head(value["seq"], value["hash"])
            return None

        return head(data.get("head")), head(data.get("next"))

    def write(self, head: Head | None, following: Head | None = None) -> None:
        data = {"head": head.as_dict() if head else None,
                "next": following.as_dict() if following else None}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.partial")
        # Written whole, then renamed over the old one; not fsynced, like the database's own
        # commits (WAL, synchronous=NORMAL): a power cut may lose the last transactions of
        # both, which verify then reports as missing rows, truthfully.
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(data))
        os.replace(tmp, self.path)
        if os.name == "posix":
            with contextlib.suppress(OSError):
                self.path.chmod(0o600)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)


def server_anchor(data_dir: Path, server: str) -> HeadAnchor:
    """This PC's last known head of a PostgreSQL server's chain."""
    name = hashlib.sha256(server.encode()).hexdigest()[:16]
    return HeadAnchor(data_dir / f"tsunagi.audit-head.{name}.json", exclusive=False)
