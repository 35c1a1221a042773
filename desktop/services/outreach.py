"""Outreach kits (出張・巡回相談): a caseworker's caseload taken offline on a laptop and merged
back at the office without losing anything.

1. Office: ``export_kit`` writes the caseload (persons with an open episode, those episodes
   and every record hanging off them, plus the users, Hello Work offices and settings needed
   to work) with each record's version at that moment (the *base*).
2. Laptop: ``open_kit`` turns the kit into a new encrypted working database; the caseworker
   signs in with their office password and works normally.
3. Laptop: ``export_kit`` on that database writes a *return kit*: every record new or changed
   since the kit was opened, the base versions, and the laptop's audit entries.
4. Office: ``plan_import`` compares each returned record with the office's current version
   and the base: changed only on the laptop → applied; changed on both sides → a conflict,
   field by field, for a person to resolve; a new person who looks like an existing one (same
   reading and birth date) → offered for merge. ``apply_import`` writes it all in one
   transaction; the same return kit twice changes nothing the second time.
5. Laptop: ``wipe`` overwrites and deletes the kit files and the working database.

Kit file: ``TSUNAGI-KIT/1`` + a JSON header line + AES-256-GCM ciphertext of the compressed
JSON payload. The key comes from a passphrase the caseworker sets (scrypt); the header is the
associated data, so any change to header or body, a truncation or a wrong passphrase fails
authentication and nothing is written.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    LargeBinary,
    Table,
    Uuid,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from desktop.files import make_dirs, write_private
from desktop.i18n import N_, translator
from desktop.models import (
    AuditEntry,
    Base,
    CaseShare,
    Consent,
    ContactLog,
    Employer,
    Episode,
    EpisodeReassignment,
    HelloWorkActivity,
    HelloWorkOffice,
    IssuedKit,
    Organisation,
    Person,
    Placement,
    Plan,
    PlanReview,
    ProtectionOutcome,
    ReadinessAssessment,
    Referral,
    RetentionCheckpoint,
    RouteChange,
    Setting,
    SupportActivity,
    SupportCost,
    SupportExtension,
    Transition,
    User,
)
from desktop.models.db import refresh_statistics
from desktop.services import audit, hygiene
from desktop.services.builder import ReferralNumbers
from desktop.services.context import Actor, ServiceContext, stamp_new
from desktop.services.errors import DomainError, InvalidInput, PermissionDenied
from desktop.services.labels import STATES
from desktop.services.permissions import allowed, require, require_same_organisation
from desktop.services.persons import search_keys
from desktop.services.states import ALLOWED, FIRST

_t = translator("Outreach")
MAGIC = b"TSUNAGI-KIT/1\n"
MIN_PASSPHRASE = 10
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MANIFEST_KEY = "outreach_manifest"
INSTALLATION_KEY = "installation_id"
LOCAL_SETTINGS = {INSTALLATION_KEY, MANIFEST_KEY}

REFERENCE: list[Table] = [m.__table__ for m in (  # type: ignore[misc]
    Organisation, User, HelloWorkOffice, Setting, Employer)]
# Parents before children: the order records are inserted in.
SYNCED: list[Table] = [m.__table__ for m in (  # type: ignore[misc]
    Person, CaseShare, Episode, EpisodeReassignment, Transition, SupportExtension, Consent,
    Referral, Plan, PlanReview, ContactLog, Placement, RetentionCheckpoint, ProtectionOutcome,
    HelloWorkActivity, RouteChange, ReadinessAssessment, SupportActivity, SupportCost)]
BY_NAME = {t.name: t for t in REFERENCE + SYNCED}
# Every synced record that hangs off an episode: a return kit's rows of these must lie in the
# kit's caseload (_check_scope). Derived, so that a table added to SYNCED is never left out.
EPISODE_RECORDS: list[Any] = [m.class_ for m in Base.registry.mappers
                              if m.local_table in SYNCED and m.local_table.name != "episodes"
                              and "episode_id" in m.local_table.c]
BOOKKEEPING = {"id", "version", "created_at", "created_by", "updated_at", "updated_by",
               "origin", "search_no"}
DERIVED = {"name_key", "given_name_key", "kana_key", "given_kana_key", "case_number_key",
           "search_text"}


# Never brought back from a laptop: who a case is shared with, and who is in charge of it,
# are decided at the office.
NEVER_RETURNED = {"case_shares"}
# The organisation a case belongs to moves only by an administrator's transfer: a return
# kit edited to name another one moved the recipient there (the second attack round of
# 12-02). Rows made on the laptop take the caseworker's organisation.
NEVER_RETURNED_COLUMNS = {"caseworker_id", "organisation_id"}
ENTITY_OF_TABLE = {"persons": "person", "episodes": "episode", "consents": "consent",
                   "referrals": "referral", "plans": "plan", "plan_reviews": "plan_review",
                   "placements": "placement", "retention_checkpoints": "checkpoint",
                   "contact_logs": "contact", "protection_outcomes": "protection_outcome",
                   "hello_work_activities": "hello_work_activity",
                   "episode_reassignments": "episode_reassignment",
                   "readiness_assessments": "readiness", "support_activities": "activity",
                   "support_costs": "cost"}


class KitInvalid(DomainError):
    """The kit is truncated, altered, encrypted with another passphrase, or not a kit."""


def on_laptop(s: Session) -> bool:
    """A laptop's working database (opened from a kit): records the return kit does not
    carry back (the office's registries, meetings) are not written here."""
    return s.scalar(select(Setting.id).where(Setting.key == MANIFEST_KEY)) is not None


def refuse_on_laptop(s: Session) -> None:
    if on_laptop(s):
        raise DomainError(_t("出張用のノートPCでは記録できません。事務所に戻ってから記録してください"))


def installation_id(s: Session) -> str:
    """This installation's id (settings, written by migration 0006)."""
    value = s.scalar(select(Setting.value).where(Setting.key == INSTALLATION_KEY))
    return str(value or "")


def _short(value: Any, limit: int = 2000) -> Any:
    """A value a laptop claims, kept in an audit detail: text only, bounded."""
    if value is None or isinstance(value, int | float | bool):
        return value
    return str(value)[:limit]


def checked_payload(payload: Any) -> dict[str, Any]:
    """A return kit's payload made safe to plan with, before any transaction: only the
    synchronised tables (case shares are dropped and counted), every row decoded to its
    column types and through the one value check (services.hygiene). A row that fails
    refuses the whole kit."""
    broken = KitInvalid(_t("キットの内容が壊れています。何も取り込んでいません"))
    if not isinstance(payload, dict) or not isinstance(payload.get("records"), dict) or (
            not isinstance(payload.get("base"), dict)):
        raise broken
    records: dict[str, list[dict[str, Any]]] = {}
    ignored: dict[str, int] = {}
    synced = {t.name: t for t in SYNCED}
    for name, rows in payload["records"].items():
        table = synced.get(name)
        if table is None or name in NEVER_RETURNED or not isinstance(rows, list):
            ignored[str(name)[:40]] = len(rows) if isinstance(rows, list) else 0
            continue
        for row in rows:
            if not isinstance(row, dict):
                raise broken
            try:
                uuid.UUID(str(row.get("id")))
                decoded = decode_row(table, row)
            except (ValueError, TypeError, AttributeError):
                raise broken from None
            try:
                hygiene.check_values(table, decoded)
            except InvalidInput as exc:
                raise KitInvalid(_t("キットの記録（{record}）に保存できない値があります: {why}。何も取り込んでいません").format(
                    record=_label(name, row), why=exc.message)) from None
        records[name] = rows
    audit_rows = payload.get("audit")
    return {"records": records, "base": payload["base"],
            "base_rows": payload.get("base_rows") if isinstance(payload.get("base_rows"), dict)
            else {},
            "audit": [a for a in audit_rows if isinstance(a, dict)]
            if isinstance(audit_rows, list) else [],
            "ignored": ignored}


def _in_chunks(s: Session, stmt_for: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    out: dict[uuid.UUID, uuid.UUID] = {}
    for start in range(0, len(ids), 500):
        out.update({a: b for a, b in s.execute(stmt_for(ids[start:start + 500]))})
    return out


def _check_scope(s: Session, records: dict[str, list[dict[str, Any]]],
                 caseload: set[uuid.UUID]) -> None:
    """Every record of the return kit lies inside the caseload the kit was made from, or
    hangs off a person created on the laptop; otherwise the whole kit is refused."""
    def refuse(table: str) -> KitInvalid:
        return KitInvalid(_t("キットに、このキットの担当ケース以外の記録が含まれています（{table}）。"
                             "何も取り込んでいません").format(table=_t(TABLE_NAMES.get(table, table))))

    def ids(table: str, column: str = "id") -> list[uuid.UUID]:
        return [uuid.UUID(str(r[column])) for r in records.get(table, []) if r.get(column)]

    person_rows = ids("persons")
    at_office = set(_in_chunks(s, lambda c: select(Person.id, Person.id).where(
        Person.id.in_(c)), person_rows))
    if at_office - caseload:
        raise refuse("persons")
    persons = caseload | (set(person_rows) - at_office)

    def parents(model: Any, parent: str, rows: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
        column = getattr(model, parent)
        return _in_chunks(s, lambda c: select(model.id, column).where(model.id.in_(c)), rows)

    # Episodes: the laptop's person and, for one the office has, the office's person.
    office_episode_person = parents(Episode, "person_id", ids("episodes"))
    for row in records.get("episodes", []):
        office_person = office_episode_person.get(uuid.UUID(str(row["id"])))
        if uuid.UUID(str(row["person_id"])) not in persons or (
                office_person is not None and office_person not in caseload):
            raise refuse("episodes")
    kit_episodes = {uuid.UUID(str(r["id"])) for r in records.get("episodes", [])}
    referenced = {uuid.UUID(str(r["episode_id"])) for t, rows in records.items()
                  for r in rows if t not in ("persons", "episodes") and r.get("episode_id")}
    outside = referenced - kit_episodes
    owner = parents(Episode, "person_id", list(outside))
    allowed_episodes = kit_episodes | {e for e in outside if owner.get(e) in caseload}

    def under(table: str, model: Any, parent: str, allowed: set[uuid.UUID]) -> set[uuid.UUID]:
        office_parent = parents(model, parent, ids(table))
        for row in records.get(table, []):
            if not row.get(parent) or uuid.UUID(str(row[parent])) not in allowed:
                raise refuse(table)
            known = office_parent.get(uuid.UUID(str(row["id"])))
            if known is not None and known not in allowed:
                raise refuse(table)
        return set(ids(table))

    plans = placements = set()
    for model in EPISODE_RECORDS:
        done = under(model.__tablename__, model, "episode_id", allowed_episodes)
        if model is Plan:
            plans = done
        if model is Placement:
            placements = done
    plan_ids = ids("plan_reviews", "plan_id")
    plan_episode = parents(Plan, "episode_id", [p for p in plan_ids if p not in plans])
    allowed_plans = plans | {p for p, e in plan_episode.items() if e in allowed_episodes}
    under("plan_reviews", PlanReview, "plan_id", allowed_plans)
    place_ids = ids("retention_checkpoints", "placement_id")
    place_episode = parents(Placement, "episode_id", [p for p in place_ids if p not in placements])
    allowed_places = placements | {p for p, e in place_episode.items() if e in allowed_episodes}
    under("retention_checkpoints", RetentionCheckpoint, "placement_id", allowed_places)


TABLE_NAMES = {"persons": N_("対象者"), "episodes": N_("支援エピソード"), "contact_logs": N_("ケース記録"),
               "consents": N_("同意"), "referrals": N_("支援要請"), "plans": N_("支援プラン"),
               "placements": N_("就職"), "retention_checkpoints": N_("定着確認"),
               "transitions": N_("状態の記録"), "case_shares": N_("ケース共有"),
               "plan_reviews": N_("プランの見直し"), "support_extensions": N_("支援期間の延長"),
               "protection_outcomes": N_("保護の廃止・減額"), "route_changes": N_("経路の変更"),
               "readiness_assessments": N_("就労準備度"), "support_activities": N_("支援メニューの記録"),
               "support_costs": N_("支援費用"), "hello_work_activities": N_("ハローワークでの活動"),
               "episode_reassignments": N_("担当・区分の変更")}


# ------------------------------------------------------------------ encoding


def _encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _decoder(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    return None


def decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        convert = _decoder(column)
        out[column.name] = convert(value) if value is not None and convert else value
    return out


def _reference_rows(s: Session, records: dict[str, list[dict[str, Any]]],
                    caseworker: User) -> dict[str, list[dict[str, Any]]]:
    """What the laptop needs beside the caseload: every Hello Work office and setting; the
    employers the caseload's records name and those the caseworker's organisation
    registered (to choose from); of the staff and the organisations, only the kit's
    caseworker and those these rows name (a case shared, reassigned, assessed…), never the
    whole staff list of every organisation in the database, nor an organisation only
    because it registered an employer (the attack rounds of 12-02)."""
    out = {t.name: _rows(s, t) for t in REFERENCE
           if t.name not in ("users", "organisations", "employers")}
    users = {str(caseworker.id)} | _named(records, SYNCED, "users")
    out["users"] = [r for r in _rows(s, User.__table__) if r["id"] in users]  # type: ignore[arg-type]
    employers = _named(records, SYNCED, "employers")
    own = str(caseworker.organisation_id)
    out["employers"] = [r for r in _rows(s, Employer.__table__)  # type: ignore[arg-type]
                        if r["id"] in employers or r["organisation_id"] == own]
    named = _named({**records, **out}, [*SYNCED, *REFERENCE], "organisations")
    out["organisations"] = [r for r in _rows(s, Organisation.__table__)  # type: ignore[arg-type]
                            if r["id"] in named]
    return out


def _named(records: dict[str, list[dict[str, Any]]], tables: list[Table],
           target: str) -> set[str]:
    """The ids of ``target`` rows that the foreign keys of ``records`` point at."""
    named: set[str] = set()
    for table in tables:
        for key in table.foreign_keys:
            if key.column.table.name == target:
                named |= {r[key.parent.name] for r in records.get(table.name, [])
                          if r.get(key.parent.name)}
    return named


def _rows(s: Session, table: Table, where: Any = None) -> list[dict[str, Any]]:
    stmt = select(table)
    if where is not None:
        stmt = stmt.where(where)
    return [{k: _encode(v) for k, v in row._mapping.items()} for row in s.execute(stmt)]


# ------------------------------------------------------------------ kit files


def _key(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(passphrase.encode(), salt=salt, dklen=32, maxmem=64 * 1024 * 1024,
                          **params)


def write_kit(path: Path, header: dict[str, Any], payload: dict[str, Any],
              passphrase: str) -> Path:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput("passphrase", _t("キットのパスフレーズは{MIN_PASSPHRASE}文字以上にしてください").format(
            MIN_PASSPHRASE=MIN_PASSPHRASE))
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = {**header, "format": 1, "kdf": {"salt": base64.b64encode(salt).decode(),
                                             **SCRYPT},
              "nonce": base64.b64encode(nonce).decode()}
    head = MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n"
    body = zlib.compress(json.dumps(payload, ensure_ascii=False).encode(), 6)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when kits are used

    sealed = AESGCM(_key(passphrase, salt, SCRYPT)).encrypt(nonce, body, head)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        make_dirs(path.parent)
        write_private(tmp, head + sealed, sync=True)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise DomainError(_t("キットを書き込めません（{reason}）: {path}").format(
            reason=exc.strerror or exc, path=path)) from None
    return path


def read_kit(path: Path, passphrase: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and payload, or KitInvalid: nothing is trusted before the tag checks out."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KitInvalid(_t("キットのファイルが見つかりません: {path}").format(path=path)) from None
    except OSError as exc:
        raise KitInvalid(_t("キットを読めません（{reason}）").format(reason=exc.strerror or exc)) from None
    if not data.startswith(MAGIC):
        raise KitInvalid(_t("つなぎの出張用キットではありません。何も変更していません"))
    try:
        line, sealed = data[len(MAGIC):].split(b"\n", 1)
        header = json.loads(line)
        kdf = header["kdf"]
        salt, nonce = base64.b64decode(kdf["salt"]), base64.b64decode(header["nonce"])
        params = {k: int(kdf[k]) for k in ("n", "r", "p")}
    except (ValueError, KeyError, TypeError):
        raise KitInvalid(_t("キットの見出しが壊れています。何も変更していません")) from None
    if params != SCRYPT:
        raise KitInvalid(_t("キットの暗号化の設定が正しくありません。何も変更していません"))
    head = data[:len(MAGIC) + len(line) + 1]
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        body = AESGCM(_key(passphrase, salt, params)).decrypt(nonce, sealed, head)
        payload = json.loads(zlib.decompress(body))
    except InvalidTag:
        raise KitInvalid(_t("キットを開けません: パスフレーズが違うか、ファイルが途中で切れているか、内容が書き換えられています。何も変更していません")) from None
    except (zlib.error, ValueError):
        raise KitInvalid(_t("キットの内容が壊れています。何も変更していません")) from None
    return header, payload


def _overwrite_and_delete(path: Path) -> bool:
    """Best effort secure delete: overwrite with random bytes, flush, then unlink."""
    if not path.exists():
        return False
    size = path.stat().st_size
    with open(path, "r+b") as f:
        remaining = size
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            f.write(secrets.token_bytes(chunk))
            remaining -= chunk
        f.flush()
        os.fsync(f.fileno())
    path.unlink()
    return True


# ------------------------------------------------------------------ the import plan


@dataclass
class FieldDiff:
    name: str
    office: Any
    laptop: Any


@dataclass
class Conflict:
    id: str  # table:record id
    table: str
    record_id: str
    kind: str  # both_changed | office_deleted | possible_duplicate
    summary: str  # which record, in Japanese, for the person resolving it
    fields: list[FieldDiff] = field(default_factory=list)
    existing_id: str | None = None  # possible_duplicate: the office person
    office_version: int = 0
    merged: dict[str, Any] | None = None  # both_changed: office row + the laptop's other changes


@dataclass
class ImportPlan:
    kit_id: str
    already_imported: bool
    inserts: dict[str, list[dict[str, Any]]]
    updates: dict[str, list[tuple[dict[str, Any], int]]]  # laptop row, office version
    conflicts: list[Conflict]
    unchanged: int
    laptop_rows: dict[str, dict[str, dict[str, Any]]]  # table → id → laptop row (encoded)
    audit_rows: list[dict[str, Any]]
    caseload: set[uuid.UUID] = field(default_factory=set)  # as it stood when the kit was made
    caseworker_id: uuid.UUID | None = None
    ignored: dict[str, int] = field(default_factory=dict)  # records that never travel back

    @property
    def counts(self) -> dict[str, int]:
        return {"inserted": sum(len(v) for v in self.inserts.values()),
                "updated": sum(len(v) for v in self.updates.values()),
                "conflicts": len(self.conflicts), "unchanged": self.unchanged}


@dataclass(frozen=True)
class ImportResult:
    kit_id: str
    already_imported: bool
    inserted: int
    updated: int
    conflicts_resolved: int
    merged_persons: int
    # Referrals made on the laptop whose number the office had given meanwhile: new number
    # from the office's series (old → new).
    renumbered: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {"kit": self.kit_id, "already_imported": self.already_imported,
                "inserted": self.inserted, "updated": self.updated,
                "conflicts_resolved": self.conflicts_resolved,
                "merged_persons": self.merged_persons, "renumbered": self.renumbered}


def _label(table: str, row: dict[str, Any]) -> str:
    what = _t(TABLE_NAMES.get(table, table))
    if table == "persons":
        return f"{what} {row.get('case_number', '')} {row.get('family_name', '')} {row.get('given_name', '')}"
    on = row.get("contact_on") or row.get("intake_on") or row.get("start_on") or row.get(
        "signed_on") or row.get("due_on") or ""
    return _t("{what}（{on}）").format(what=what, on=on) if on else what


def create_working_database(config: Any, kit: Path, kit_passphrase: str,
                            device_id: str = "") -> tuple[Any, dict[str, Any]]:
    """On the laptop: a new encrypted database in ``config.data_dir`` filled from the kit,
    all or nothing (a failure leaves no database behind)."""
    from desktop.models.storage import create_database

    read_kit(kit, kit_passphrase)  # refuse a bad kit before creating anything
    opened = create_database(config)
    try:
        ctx = ServiceContext(opened.db, device_id or opened.device_id)
        with opened.db.write() as s:
            header = OutreachService.open_kit(s, ctx, kit, kit_passphrase)
    except BaseException:
        opened.db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{config.db_path}{suffix}").unlink(missing_ok=True)
        raise
    return opened, header


def _with_search_keys(row: dict[str, Any]) -> dict[str, Any]:
    """A person row whose name fields came from both sides: recompute its search keys."""
    names = SimpleNamespace(**{k: row.get(k) or "" for k in (
        "case_number", "family_name", "given_name", "family_kana", "given_kana")})
    return {**row, **search_keys(names)}  # type: ignore[arg-type]


class OutreachService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- office → laptop

    def manifest(self) -> dict[str, Any] | None:
        """The kit this database was opened from (a laptop), or None (an office)."""
        with self.ctx.db.read() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == MANIFEST_KEY))
            return value if isinstance(value, dict) else None

    def export_kit(self, actor: Actor, out: Path, passphrase: str,
                   caseworker: str | None = None) -> dict[str, Any]:
        """Office: a kit of a caseload. Laptop: the return kit of what changed."""
        if self.manifest() is not None:
            return self._export_return(actor, out, passphrase)
        with self.ctx.db.write() as s:
            user = self._caseworker(s, actor, caseworker)
            shared = select(CaseShare.person_id).where(CaseShare.user_id == user.id,
                                                       CaseShare.deleted_at.is_(None))
            open_episodes = select(Episode.person_id).where(Episode.state != "closed",
                                                            Episode.deleted_at.is_(None))
            persons = _rows(s, Person.__table__, (  # type: ignore[arg-type]
                or_(Person.caseworker_id == user.id, Person.id.in_(shared)))
                & Person.id.in_(open_episodes) & Person.deleted_at.is_(None))
            person_ids = [uuid.UUID(p["id"]) for p in persons]
            # The caseload as it stands now, past recipients included (a look-alike made on
            # the laptop may be one of them); what comes back must lie inside it.
            caseload = s.scalars(select(Person.id).where(
                or_(Person.caseworker_id == user.id, Person.id.in_(shared)),
                Person.deleted_at.is_(None))).all()
            payload = self._caseload_rows(s, person_ids)
            payload["persons"] = persons
            payload.update(_reference_rows(s, payload, user))
            # The office's own identity never leaves it (the laptop keeps its own).
            payload["settings"] = [r for r in payload["settings"] if r["key"] not in LOCAL_SETTINGS]
            for u in payload["users"]:  # only the caseworker of the kit can sign in
                if u["id"] != str(user.id):
                    u["password_hash"], u["active"] = "!", False
            kit_id = uuid.uuid4()
            installation = installation_id(s)
            issued_at = self.ctx.now()
            # The office remembers what it issued: a return kit must answer this record, and
            # may touch only these persons (and persons created on the laptop).
            s.add(stamp_new(self.ctx, actor, IssuedKit(
                id=kit_id, installation_id=installation, caseworker_id=user.id,
                issued_at=issued_at, person_ids=[str(p) for p in caseload])))
            base = {t.name: {r["id"]: r["version"] for r in payload[t.name]} for t in SYNCED}
            counts = {t.name: len(payload[t.name]) for t in SYNCED if payload[t.name]}
            header = {"kind": "out", "kit_id": str(kit_id), "created_at": issued_at.isoformat(),
                      "installation": installation, "office_device": self.ctx.device_id,
                      "caseworker": user.username, "counts": counts}
            audit.append(s, self.ctx, actor, "outreach_export", "kit", kit_id,
                         caseworker=user.username, **counts)
            audit.finalize(s)
            write_kit(out, header, {"records": payload, "base": base}, passphrase)
            return header

    def _caseworker(self, s: Session, actor: Actor, name: str | None) -> User:
        username = name or actor.username
        require(actor, "outreach")
        if username != actor.username and not allowed(actor, "kit_for_others"):
            raise PermissionDenied(_t("ほかの職員のケースのキットは作れません"))
        user = s.scalar(select(User).where(User.username == username,
                                           User.deleted_at.is_(None)))
        if user is None or not user.active:
            raise InvalidInput("caseworker", _t("職員「{username}」が見つかりません").format(username=username))
        require_same_organisation(actor, user.organisation_id)
        return user

    def _caseload_rows(self, s: Session, person_ids: list[uuid.UUID]) -> dict[str, Any]:
        out: dict[str, list[dict[str, Any]]] = {t.name: [] for t in SYNCED}
        episode_ids: list[uuid.UUID] = []
        plan_ids: list[uuid.UUID] = []
        placement_ids: list[uuid.UUID] = []
        for start in range(0, len(person_ids), 500):
            chunk = person_ids[start:start + 500]
            out["case_shares"] += _rows(s, CaseShare.__table__,  # type: ignore[arg-type]
                                        CaseShare.person_id.in_(chunk))
            eps = _rows(s, Episode.__table__, Episode.person_id.in_(chunk)  # type: ignore[arg-type]
                        & (Episode.state != "closed"))
            out["episodes"] += eps
            episode_ids += [uuid.UUID(e["id"]) for e in eps]
        for start in range(0, len(episode_ids), 500):
            chunk = episode_ids[start:start + 500]
            for model in (EpisodeReassignment, Transition, SupportExtension, Consent, Referral,
                          Plan, ContactLog, Placement, RetentionCheckpoint, ProtectionOutcome,
                          HelloWorkActivity, RouteChange, ReadinessAssessment, SupportActivity,
                          SupportCost):
                rows = _rows(s, model.__table__, model.episode_id.in_(chunk))  # type: ignore[arg-type]
                out[model.__tablename__] += rows
                if model is Plan:
                    plan_ids += [uuid.UUID(r["id"]) for r in rows]
                if model is Placement:
                    placement_ids += [uuid.UUID(r["id"]) for r in rows]
        for start in range(0, len(plan_ids), 500):
            out["plan_reviews"] += _rows(s, PlanReview.__table__,  # type: ignore[arg-type]
                                         PlanReview.plan_id.in_(plan_ids[start:start + 500]))
        return out

    # ---------------------------------------------------------------- on the laptop

    @staticmethod
    def open_kit(s: Session, ctx: ServiceContext, path: Path, passphrase: str) -> dict[str, Any]:
        """Fill a new, empty working database (``s``) from an office kit."""
        header, payload = read_kit(path, passphrase)
        if header.get("kind") != "out":
            raise KitInvalid(_t("これは返却用のキットです。事務所で取り込んでください"))
        if s.scalar(select(Person.id).limit(1)) or s.scalar(select(User.id).limit(1)):
            raise DomainError(_t("作業用のデータベースが空ではありません。新しいフォルダを指定してください"))
        records = payload["records"]
        for number, row in enumerate(records["persons"], start=1):
            row["search_no"] = number
        for table in REFERENCE + SYNCED:
            rows = [decode_row(table, r) for r in records.get(table.name, [])]
            if rows:
                s.execute(insert(table), rows)
        s.add(Setting(key=MANIFEST_KEY, value={
            "kit_id": header["kit_id"], "base": payload["base"],
            # The records as they were: the return kit carries them for the changed ones, so
            # the office can tell which side changed each field.
            "base_rows": {t.name: {r["id"]: r for r in records.get(t.name, [])}
                          for t in SYNCED},
            "caseworker": header["caseworker"], "opened_at": ctx.now().isoformat(),
            "office_device": header["office_device"], "installation": header.get("installation"),
            "issued_at": header.get("created_at")}, origin=ctx.device_id))
        s.flush()
        audit.append(s, ctx, None, "outreach_open", "kit", header["kit_id"],
                     caseworker=header["caseworker"])
        return header

    def _export_return(self, actor: Actor, out: Path, passphrase: str) -> dict[str, Any]:
        manifest = self.manifest()
        assert manifest is not None
        base: dict[str, dict[str, int]] = manifest["base"]
        base_rows: dict[str, dict[str, Any]] = manifest.get("base_rows", {})
        with self.ctx.db.write() as s:
            changed: dict[str, list[dict[str, Any]]] = {}
            originals: dict[str, dict[str, Any]] = {}
            for table in SYNCED:
                known = base.get(table.name, {})
                rows = [r for r in _rows(s, table)
                        if known.get(r["id"]) != r["version"]]
                if rows:
                    changed[table.name] = rows
                    originals[table.name] = {
                        r["id"]: base_rows[table.name][r["id"]] for r in rows
                        if r["id"] in base_rows.get(table.name, {})}
            entry = audit.append(s, self.ctx, actor, "outreach_return", "kit",
                                 manifest["kit_id"],
                                 **{k: len(v) for k, v in changed.items()})
            audit.finalize(s)
            audit_rows = _rows(s, AuditEntry.__table__)  # type: ignore[arg-type]
            header = {"kind": "return", "kit_id": manifest["kit_id"],
                      "return_id": str(entry.id), "created_at": self.ctx.now().isoformat(),
                      "installation": manifest.get("installation"),
                      "issued_at": manifest.get("issued_at"),
                      "laptop_device": self.ctx.device_id, "caseworker": actor.username,
                      "counts": {k: len(v) for k, v in changed.items()}}
        write_kit(out, header, {"records": changed, "base": base, "base_rows": originals,
                                "audit": audit_rows}, passphrase)
        return header

    # ---------------------------------------------------------------- back at the office

    def plan_import(self, actor: Actor, path: Path, passphrase: str) -> ImportPlan:
        """What importing the return kit would do; nothing is written."""
        require(actor, "outreach")
        header, payload = read_kit(path, passphrase)
        if header.get("kind") != "return":
            raise KitInvalid(_t("事務所で作ったキットです。取り込めるのはノートPCで作った返却用のキットです"))
        payload = checked_payload(payload)
        with self.ctx.db.read() as s:
            return self._plan(s, actor, header, payload)

    def _issued(self, s: Session, actor: Actor, header: dict[str, Any]) -> tuple[IssuedKit, User]:
        """The office kit this return kit answers, or a refusal: another installation's
        kit, a kit id never issued here, or a header that names another caseworker."""
        foreign = KitInvalid(_t("このキットはこの事務所のものではありません。何も取り込んでいません"))
        try:
            kit_id = uuid.UUID(str(header.get("kit_id")))
            uuid.UUID(str(header.get("return_id")))
        except ValueError:
            raise foreign from None
        claimed = header.get("installation")
        issued = s.get(IssuedKit, kit_id)
        if issued is None or issued.deleted_at is not None or (
                claimed is not None and claimed != issued.installation_id) or (
                issued.installation_id != installation_id(s)):
            raise foreign
        user = s.get(User, issued.caseworker_id)
        assert user is not None
        if header.get("caseworker") != user.username:
            raise KitInvalid(_t("キットの担当者が、事務所で作ったときの担当者（{username}）と違います。"
                                "何も取り込んでいません").format(username=user.username))
        if actor.user_id != user.id and not allowed(actor, "kit_for_others"):
            raise PermissionDenied(_t("ほかの職員のキットは取り込めません"))
        return issued, user

    def _plan(self, s: Session, actor: Actor, header: dict[str, Any],
              payload: dict[str, Any]) -> ImportPlan:
        issued, _user = self._issued(s, actor, header)
        kit_id = f"{header['kit_id']}:{header['return_id']}"
        # The import is recorded under the return kit's own id (audit entity ids are at most
        # 64 characters); the first release recorded "kit:return", which still counts.
        done = s.scalar(select(AuditEntry.id).where(
            AuditEntry.action == "outreach_import",
            AuditEntry.entity_id.in_([header["return_id"], kit_id])))
        plan = ImportPlan(kit_id, done is not None, {}, {}, [], 0, {}, payload.get("audit", []))
        plan.caseload = {uuid.UUID(p) for p in issued.person_ids}
        plan.caseworker_id = issued.caseworker_id
        plan.ignored = payload.get("ignored", {})
        if done is not None:
            return plan
        _check_scope(s, payload["records"], plan.caseload)
        base: dict[str, dict[str, int]] = payload["base"]
        for table in SYNCED:
            rows = payload["records"].get(table.name, [])
            plan.laptop_rows[table.name] = {r["id"]: r for r in rows}
            if not rows:
                continue
            ids = [uuid.UUID(r["id"]) for r in rows]
            office: dict[str, dict[str, Any]] = {}
            for start in range(0, len(ids), 500):
                for row in _rows(s, table, table.c.id.in_(ids[start:start + 500])):
                    office[row["id"]] = row
            originals = payload.get("base_rows", {}).get(table.name, {})
            for row in rows:
                self._classify(s, plan, table, row, office.get(row["id"]),
                               base.get(table.name, {}).get(row["id"]),
                               originals.get(row["id"]))
        return plan

    def _classify(self, s: Session, plan: ImportPlan, table: Table, row: dict[str, Any],
                  office: dict[str, Any] | None, base_version: int | None,
                  original: dict[str, Any] | None) -> None:
        """Three-way, field by field: the laptop's row, the office's row and the row as it
        was when the kit was made (``original``)."""
        name = table.name
        compared = [c.name for c in table.columns
                    if c.name not in BOOKKEEPING and c.name not in DERIVED
                    and c.name not in NEVER_RETURNED_COLUMNS]
        if base_version is None and office is None:  # new on the laptop
            if name == "persons":
                # A look-alike is looked for only in the caseload the kit was made from: a
                # person outside it is never named, offered for merge, or merged into.
                caseload = list(plan.caseload) or [uuid.UUID(int=0)]
                twin = s.execute(select(Person.id, Person.case_number).where(
                    Person.kana_key == row["kana_key"],
                    Person.birth_date == date.fromisoformat(row["birth_date"]),
                    Person.id.in_(caseload),
                    Person.deleted_at.is_(None)).limit(1)).first()
                if twin is not None:
                    plan.conflicts.append(Conflict(
                        f"{name}:{row['id']}", name, row["id"], "possible_duplicate",
                        _t("{record} は事務所の {case_number} と同じ人かもしれません"
                           "（フリガナと生年月日が同じ）").format(
                            record=_label(name, row), case_number=twin[1]), existing_id=str(twin[0])))
                    return
            plan.inserts.setdefault(name, []).append(row)
            return
        if office is None:  # removed at the office (purged) after the kit was made
            plan.conflicts.append(Conflict(
                f"{name}:{row['id']}", name, row["id"], "office_deleted",
                _t("{record} は出張中に事務所で削除されました").format(
                    record=_label(name, row))))
            return
        if not any(office.get(c) != row.get(c) for c in compared):
            plan.unchanged += 1
            return
        if office["version"] == base_version or original is None:
            if office["version"] == base_version:
                plan.updates.setdefault(name, []).append((row, office["version"]))
                return
            original = office  # no record of the original: every difference is a conflict
        on_laptop = [c for c in compared if row.get(c) != original.get(c)]
        on_office = {c for c in compared if office.get(c) != original.get(c)}
        clashes = [FieldDiff(c, office.get(c), row.get(c)) for c in on_laptop
                   if c in on_office and office.get(c) != row.get(c)]
        merged = dict(office)
        for c in on_laptop:
            if c not in on_office:
                merged[c] = row[c]  # changed on the laptop only
        if name == "persons":
            merged = _with_search_keys(merged)
        if not clashes:
            if merged != office:
                plan.updates.setdefault(name, []).append((merged, int(office["version"])))
            else:
                plan.unchanged += 1
            return
        plan.conflicts.append(Conflict(f"{name}:{row['id']}", name, row["id"], "both_changed",
                                       _t("{record} は事務所とノートPCの両方で変更されました").format(
                                           record=_label(name, office)),
                                       clashes, office_version=int(office["version"]),
                                       merged=merged))

    def apply_import(self, actor: Actor, path: Path, passphrase: str,
                     resolutions: dict[str, Any] | None = None) -> ImportResult:
        """Apply a return kit in one transaction. Every conflict needs a resolution:
        ``"office"``, ``"laptop"``, or for a both-changed record ``{field: "office"|"laptop"}``;
        for a possible duplicate ``"merge"`` (the laptop's person is the office's) or ``"new"``.
        """
        require(actor, "outreach")
        header, payload = read_kit(path, passphrase)
        if header.get("kind") != "return":
            raise KitInvalid(_t("取り込めるのはノートPCで作った返却用のキットです"))
        payload = checked_payload(payload)  # decrypted, decoded and checked before the lock
        resolutions = resolutions or {}
        with self.ctx.db.write() as s:
            plan = self._plan(s, actor, header, payload)
            if plan.already_imported:
                return ImportResult(plan.kit_id, True, 0, 0, 0, 0)
            missing = [c.summary for c in plan.conflicts if c.id not in resolutions]
            if missing:
                raise DomainError(_t("未解決の競合が {count} 件あります（例: {example}）。すべての競合について、"
                                     "事務所・ノートPCのどちらを残すか選んでください").format(count=len(missing), example=missing[0]))
            merged = self._resolve(plan, resolutions)
            if any(uuid.UUID(office) not in plan.caseload for office in merged.values()):
                raise PermissionDenied(_t("キットの担当ケース以外の対象者とはまとめられません"))
            inserted = updated = 0
            applied: list[tuple[str, str]] = []
            touched_persons: set[str] = set(merged.values())
            renumbered: dict[str, str] = {}
            organisation = s.scalar(select(User.organisation_id).where(
                User.id == plan.caseworker_id))
            for table in SYNCED:
                if table.name in NEVER_RETURNED:
                    continue
                rows = [self._remap(r, merged) for r in plan.inserts.get(table.name, [])]
                if "organisation_id" in table.c:
                    rows = [{**r, "organisation_id": str(organisation) if organisation else None}
                            for r in rows]
                if table.name == "persons":
                    rows = [{**r, "caseworker_id": str(plan.caseworker_id)}
                            for r in rows if r["id"] not in merged]
                    self._number_persons(s, rows)
                elif table.name == "referrals":
                    rows = self._number_referrals(s, rows, renumbered)
                if rows:
                    s.execute(insert(table), [decode_row(table, r) for r in rows])
                    inserted += len(rows)
                    applied += [(table.name, r["id"]) for r in rows]
                for row, version in plan.updates.get(table.name, []):
                    values = decode_row(table, self._remap(row, merged))
                    values.pop("id")
                    values.pop("search_no", None)
                    for column in NEVER_RETURNED_COLUMNS:  # the office's, never the kit's
                        values.pop(column, None)
                    values["version"] = version + 1
                    done = s.execute(update(table).where(table.c.id == uuid.UUID(row["id"]),
                                                         table.c.version == version)
                                     .values(**values))
                    if done.rowcount != 1:  # type: ignore[attr-defined]
                        raise DomainError(_t("取込中に事務所側で同じ記録が更新されました。もう一度取り込んでください"))
                    updated += 1
                    applied.append((table.name, row["id"]))
                for r in [*rows, *(u for u, _ in plan.updates.get(table.name, []))]:
                    if table.name == "persons":
                        touched_persons.add(r["id"])
                    elif table.name == "episodes":
                        touched_persons.add(self._remap(r, merged)["person_id"])
            self._one_open_episode(s, touched_persons)
            self._check_histories(s, applied)
            kit = plan.kit_id
            audit.append_many(s, self.ctx, actor, "outreach_apply", [  # each record, sealed
                (ENTITY_OF_TABLE[t], record_id) for t, record_id in applied
                if t in ENTITY_OF_TABLE], kit=kit)
            self._append_laptop_audit(s, actor, plan)
            audit.append(s, self.ctx, actor, "outreach_import", "kit",
                         plan.kit_id.rpartition(":")[2], kit=plan.kit_id, inserted=inserted,
                         updated=updated, conflicts=len(plan.conflicts), merged=len(merged),
                         ignored=plan.ignored, renumbered=renumbered)
            issued = s.get(IssuedKit, uuid.UUID(plan.kit_id.partition(":")[0]))
            if issued is not None and issued.imported_at is None:
                issued.imported_at = self.ctx.now()
            result = ImportResult(plan.kit_id, False, inserted, updated, len(plan.conflicts),
                                  len(merged), renumbered)
        refresh_statistics(self.ctx.db.engine)  # never waits: skipped when busy
        return result

    @staticmethod
    def _one_open_episode(s: Session, person_ids: set[str]) -> None:
        """At most one open episode per person, after the kit's episodes are in."""
        ids = [uuid.UUID(p) for p in person_ids]
        for start in range(0, len(ids), 500):
            crowded = s.execute(
                select(Person.case_number).join(Episode, Episode.person_id == Person.id)
                .where(Episode.person_id.in_(ids[start:start + 500]),
                       Episode.state != "closed", Episode.deleted_at.is_(None))
                .group_by(Person.id, Person.case_number).having(func.count(Episode.id) > 1)
                .limit(1)).first()
            if crowded is not None:
                raise DomainError(_t("{case_number} に終了していない支援エピソードが2つになるため取り込めません。"
                                     "同じ人としてまとめず別の人として取り込むか、事務所側のエピソードを先に終了して"
                                     "ください。何も取り込んでいません").format(case_number=crowded[0]))

    def _resolve(self, plan: ImportPlan, resolutions: dict[str, Any]) -> dict[str, str]:
        """Turn resolved conflicts into inserts/updates; returns laptop → office person ids
        for merged duplicates."""
        merged: dict[str, str] = {}
        for c in plan.conflicts:
            choice = resolutions[c.id]
            row = plan.laptop_rows[c.table][c.record_id]
            if c.kind == "possible_duplicate":
                if choice == "merge":
                    assert c.existing_id is not None
                    merged[c.record_id] = c.existing_id
                elif choice == "new":
                    plan.inserts.setdefault(c.table, []).append(row)
                else:
                    raise InvalidInput(c.id, _t("同じ人か別の人か（merge / new）を選んでください"))
            elif c.kind == "office_deleted":
                if choice == "laptop":
                    plan.inserts.setdefault(c.table, []).append(row)
                elif choice != "office":
                    raise InvalidInput(c.id, _t("事務所（削除のまま）かノートPC（戻す）を選んでください"))
            else:
                fields = {d.name: choice for d in c.fields} if isinstance(choice, str) else choice
                if set(fields) != {d.name for d in c.fields} or not set(fields.values()) <= {
                        "office", "laptop"}:
                    raise InvalidInput(c.id, _t("各項目について事務所かノートPCかを選んでください"))
                chosen = dict(c.merged or row)
                for d in c.fields:
                    chosen[d.name] = d.laptop if fields[d.name] == "laptop" else d.office
                if c.table == "persons":
                    chosen = _with_search_keys(chosen)
                plan.updates.setdefault(c.table, []).append((chosen, c.office_version))
        return merged

    @staticmethod
    def _remap(row: dict[str, Any], merged: dict[str, str]) -> dict[str, Any]:
        if not merged or "person_id" not in row or row["person_id"] not in merged:
            return row
        return {**row, "person_id": merged[row["person_id"]]}

    @staticmethod
    def _number_referrals(s: Session, rows: list[dict[str, Any]],
                          renumbered: dict[str, str]) -> list[dict[str, Any]]:
        """A referral made on the laptop was numbered from the laptop's copy: one whose
        number the office has given meanwhile takes the next of the office's series
        (builder.ReferralNumbers, from the highest in use), recorded in the import's audit."""
        numbers = ReferralNumbers(s)
        # Unnumbered (a laptop issues no 支援要請書: the office numbers it when it does).
        numbered = [r for r in rows if r.get("number")]
        if not numbered:
            return rows
        wanted = [str(r["number"]) for r in numbered]
        used: set[str] = set()
        for start in range(0, len(wanted), 500):
            used.update(s.scalars(select(Referral.number).where(
                Referral.number.in_(wanted[start:start + 500]))))
        for number in used:
            numbers.taken(number)
        out = []
        for row in rows:
            if not row.get("number"):
                out.append(row)
                continue
            number = str(row["number"])
            if number in used:
                fresh = numbers.next(date.fromisoformat(str(row["referred_on"])))
                renumbered[number] = fresh
                row = {**row, "number": fresh}
            used.add(row["number"])
            numbers.taken(row["number"])
            out.append(row)
        return out

    @staticmethod
    def _check_histories(s: Session, applied: list[tuple[str, str]]) -> None:
        """What the kit brought of an episode's history obeys the one table: each transition
        is a move the table allows, and each episode it brought or changed is in a state one
        of its transitions led to. A kit edited to jump an episode ahead is refused whole."""
        refused = KitInvalid(_t("キットの支援エピソードの経過が正しくありません。何も取り込んでいません"))
        moves = [uuid.UUID(i) for t, i in applied if t == "transitions"]
        episodes = {uuid.UUID(i) for t, i in applied if t == "episodes"}
        for start in range(0, len(moves), 500):
            for episode_id, frm, to in s.execute(
                    select(Transition.episode_id, Transition.from_state, Transition.to_state)
                    .where(Transition.id.in_(moves[start:start + 500]))):
                episodes.add(episode_id)
                if not (to in STATES and ((frm is None and to == FIRST)
                                          or (frm in ALLOWED and to in ALLOWED[frm]))):
                    raise refused
        ids = list(episodes)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            reached: dict[uuid.UUID, set[str]] = {}
            for episode_id, to in s.execute(select(Transition.episode_id, Transition.to_state)
                                            .where(Transition.episode_id.in_(chunk))):
                reached.setdefault(episode_id, set()).add(to)
            for episode_id, state in s.execute(select(Episode.id, Episode.state)
                                               .where(Episode.id.in_(chunk))):
                if state not in reached.get(episode_id, set()):
                    raise refused

    @staticmethod
    def _number_persons(s: Session, rows: list[dict[str, Any]]) -> None:
        top = s.scalar(select(Person.search_no).order_by(Person.search_no.desc()).limit(1)) or 0
        for i, row in enumerate(rows, start=1):
            row["search_no"] = top + i

    def _append_laptop_audit(self, s: Session, actor: Actor, plan: ImportPlan) -> None:
        """The laptop's audit entries (views, prints, changes made on the road) join the
        office's chain re-signed as received from the kit, by the person importing it: what
        the laptop claims (who, what, when) is kept as the entry's detail, never as the
        office's own record of who did it."""
        for entry in plan.audit_rows:
            if entry.get("action") in ("outreach_open",):
                continue
            claimed = {k: _short(entry.get(k)) for k in (
                "seq", "at", "username", "action", "entity", "entity_id", "origin", "detail")}
            audit.append(s, self.ctx, actor, "outreach_received", "kit",
                         plan.kit_id.rpartition(":")[2], kit=plan.kit_id, laptop=claimed)

    # ---------------------------------------------------------------- wipe

    @staticmethod
    def wipe(paths: list[Path]) -> list[Path]:
        """Overwrite then delete each file (and a database's -wal/-shm). Returns what went."""
        gone = []
        for path in paths:
            for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                if candidate.is_file() and _overwrite_and_delete(candidate):
                    gone.append(candidate)
        return gone
