"""The audit chain's cryptography and its anchor outside the database (standard library only).

- Each audit row's ``hash`` is an HMAC-SHA256 (scheme 2) with a key derived from the database
  key by HKDF (``audit_key``); the key is never stored in the database, so a row cannot be
  forged or a tail recomputed without the database key. Rows written before the chain was
  keyed (scheme 1, plain SHA-256) stay as they were and are closed by a signed checkpoint.
- ``record_seal`` is the content hash of an audited record, kept in the audit row that
  last touched it, so an edit that bypassed the services shows. It covers the record's
  columns as they were at the schema revision it was sealed under, and names that revision
  (``"0008:…"``), so a later migration that adds columns leaves it valid: every column added
  to an audited table after revision 0006 is listed in ``COLUMNS_ADDED``. A migration that
  rewrites existing values lists the table in ``RESEALED`` and its records are sealed again
  as it runs (models.reseal).
- ``HeadAnchor`` keeps the chain's head (sequence and hash) in a file beside the key-info
  file; a backup carries it in its header. Truncating the log or appending rows without
  moving the anchor is then detected, and a writer that finds the chain elsewhere than the
  anchor says records the divergence in the anchor until an administrator accepts it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Callable, Mapping
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


def canonical_detail(detail: dict[str, Any]) -> str:
    """An audit row's detail as its hash covers it: sorted keys, no spaces."""
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


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


def record_digest(table: str, row: Mapping[str, Any]) -> str:
    """SHA-256 of the record's given columns, the same on SQLite and PostgreSQL. Untagged,
    as the releases at revisions 0006 to 0008 sealed records (see ``LEGACY_SEALS``)."""
    body = json.dumps([table, sorted((k, _plain(v)) for k, v in row.items())],
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# Every column added to an audited table after revision 0006 (when records were first
# sealed), under the revision that added it. A record sealed at revision R is checked
# against its columns minus those added after R, so a seal outlives migrations that add
# columns. A migration that adds a column to an audited table adds it here; a new audited
# table lists nothing here until a later revision adds to it (its seals name a revision at
# or after its creation). tests/services/test_audit_chain.py fails on a column missing here.
# Revision ids are four digits: they compare in order as strings.
COLUMNS_ADDED: dict[str, dict[str, tuple[str, ...]]] = {
    "0007": {
        "users": ("organisation_id", "phone_extension", "must_change_password"),
        "persons": ("organisation_id",),
        "episodes": ("organisation_id",),
        "hello_work_offices": ("official_name", "head_title", "postal_code", "kind",
                               "navigators", "active"),
    },
    "0009": {
        "episodes": ("job_seeker_number", "navigator", "category_at_referral",
                     "caseworker_at_referral", "organisation_at_referral"),
        "referrals": ("last_news_on",),
        "protection_outcomes": ("placement_id",),
    },
    "0010": {
        "consents": ("scope_confirmed",),
        "plans": ("planned_on",),
        "organisations": ("section",),
    },
    "0011": {
        "episodes": ("screening_route", "route"),
        "placements": ("employer_id",),
    },
}
# Migrations that rewrite existing values of audited records (UPDATE of an existing column,
# a dropped, renamed or retyped column): the audit entity and table of the records they
# change. Seals older than the revision cannot be checked against the rewritten values, so
# the records are sealed again in the migration's own transaction, each only if it still
# matched its seal before the migration (models.reseal).
RESEALED: dict[str, dict[str, str]] = {
    "0007": {"office": "hello_work_offices"},  # navigator became the list navigators
    # A referral never issued that 0010's downgrade numbered with its id gets no number
    # again. (The consents 0010 makes unconfirmed are named by no audit row: no seal.)
    "0010": {"referral": "referrals"},
}
# Seals written before they named their revision (a bare SHA-256) came from releases at
# revisions 0006 to 0008, whose column sets are those of 0006 and of 0007.
LEGACY_SEALS = ("0006", "0007")
_TAG = ":"


@functools.cache
def added_after(table: str, revision: str) -> frozenset[str]:
    """The columns of ``table`` that migrations after ``revision`` added."""
    return frozenset(column for added_in, tables in COLUMNS_ADDED.items()
                     if added_in > revision for column in tables.get(table, ()))


def _columns_at(table: str, revision: str, row: Mapping[str, Any]) -> dict[str, Any]:
    later = added_after(table, revision)
    return {k: v for k, v in row.items() if k not in later}


def record_seal(table: str, revision: str, row: Mapping[str, Any]) -> str:
    """The content hash of a record at schema ``revision``: ``"<revision>:<SHA-256>"``,
    over the record's columns that existed at that revision, cut to the audit column's 64
    characters (236 bits). Inside the HMAC of the audit row that holds it."""
    body = json.dumps([table, revision, sorted(
        (k, _plain(v)) for k, v in _columns_at(table, revision, row).items())],
        ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)
    tag = f"{revision}{_TAG}"
    return tag + hashlib.sha256(body.encode("utf-8")).hexdigest()[:64 - len(tag)]


def seal_revision(seal: str) -> str | None:
    """The revision a seal names, or None for an untagged (legacy) seal."""
    revision, tag, _ = seal.partition(_TAG)
    return revision if tag else None


def seal_matches(table: str, seal: str, row: Mapping[str, Any]) -> bool:
    """Whether the record ``row`` (every column it has now) still matches ``seal``."""
    revision = seal_revision(seal)
    if revision is not None:
        return hmac.compare_digest(record_seal(table, revision, row), seal)
    return any(hmac.compare_digest(record_digest(table, _columns_at(table, legacy, row)), seal)
               for legacy in LEGACY_SEALS)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


def _head(value: Any) -> Head | None:
    if isinstance(value, dict) and isinstance(value.get("seq"), int) and isinstance(
            value.get("hash"), str):
        return Head(value["seq"], value["hash"])
    return None


@dataclass(frozen=True)
class Divergence:
    """A writer found the chain elsewhere than the anchor said (rows deleted from its end,
    rewritten, or the database replaced by an older copy): what it expected, what it found,
    when, and the audit row that records it (``seq``). Reported by verify until an
    administrator accepts it."""

    expected: Head | None
    found: Head | None
    at: str
    seq: int

    def as_dict(self) -> dict[str, Any]:
        return {"expected": self.expected.as_dict() if self.expected else None,
                "found": self.found.as_dict() if self.found else None,
                "at": self.at, "seq": self.seq}

    @classmethod
    def from_dict(cls, value: Any) -> Divergence | None:
        if not isinstance(value, dict) or not isinstance(value.get("seq"), int):
            return None
        return cls(_head(value.get("expected")), _head(value.get("found")),
                   str(value.get("at", "")), value["seq"])


@dataclass(frozen=True)
class AnchorState:
    """What the anchor file holds: the head before the last write and the head it left
    (``next``), the divergences not yet accepted; ``damaged`` when it cannot be read."""

    head: Head | None
    next: Head | None
    divergences: tuple[Divergence, ...] = ()
    damaged: bool = False

    @property
    def known(self) -> list[Head]:
        return [h for h in (self.head, self.next) if h is not None]

    def continued_by(self, found: Head | None, exclusive: bool,
                     hash_at: Callable[[int], str | None]) -> bool:
        """Whether a chain whose last row is ``found`` continues this anchor. Exclusive (the
        database's only writer): it must end at the anchored head or at the head the last
        write was about to leave (a crash between the anchor and the commit). Otherwise
        (other PCs write too): it must still hold this PC's anchored row, by hash
        (``hash_at(seq)``: the hash of the row at seq, or None)."""
        if self.damaged:
            return False
        if not self.known:
            return True
        if exclusive:
            return found in self.known or (self.head is None and found is None)
        for h in reversed(self.known):
            if (found.hash if found is not None and found.seq == h.seq
                    else hash_at(h.seq)) == h.hash:
                return True
        # Only the first write to an empty chain, which may never have committed (another
        # PC's row may now stand at its place): nothing of this PC's to look for.
        return self.head is None


def chain_continues(state: AnchorState | None, exclusive: bool, found: Head | None,
                    keyed: bool, hash_at: Callable[[int], str | None]) -> bool:
    """Whether the chain a writer found (its last row ``found``; ``keyed``: that row is
    HMAC-signed) continues the anchor ``state``. Without an anchor file: a new database, a
    chain not keyed yet, or a PC that has not written to this server yet; but an exclusive
    writer's keyed chain always had one, so its loss is a divergence too."""
    if state is None:
        return not (exclusive and keyed)
    return state.continued_by(found, exclusive, hash_at)


@dataclass
class HeadAnchor:
    """The chain's head kept outside the database.

    Before each write transaction that appended audit rows commits, the anchor records the
    head before it and the head it will leave (``next``); the committed head is one of the
    two whether the commit happens or not, so a crash between the two never looks like
    tampering. ``exclusive``: this file is the database's only writer (SQLite): the chain
    must end exactly at the anchor. Otherwise (a PostgreSQL server that other PCs write
    too) the anchor is this PC's last known head: the chain must contain it. Divergences a
    writer met stay listed here until an administrator accepts them.
    """

    path: Path
    exclusive: bool = True

    def state(self) -> AnchorState | None:
        """The anchor, or None when there is no anchor file."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return AnchorState(None, None, damaged=True)
        if not isinstance(data, dict):
            return AnchorState(None, None, damaged=True)
        divergences = tuple(d for d in map(Divergence.from_dict, data.get("divergences") or ())
                            if d is not None)
        head, following = _head(data.get("head")), _head(data.get("next"))
        return AnchorState(head, following, divergences,
                           damaged=head is None and following is None)

    def read(self) -> tuple[Head | None, Head | None] | None:
        """(head, next) or None when there is no anchor file."""
        state = self.state()
        return None if state is None else (state.head, state.next)

    def write(self, head: Head | None, following: Head | None = None,
              divergences: tuple[Divergence, ...] = ()) -> None:
        data: dict[str, Any] = {"head": head.as_dict() if head else None,
                                "next": following.as_dict() if following else None}
        if divergences:
            data["divergences"] = [d.as_dict() for d in divergences]
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
