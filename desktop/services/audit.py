"""監査ログ: append-only rows in a keyed hash chain, anchored outside the database.

Rows name who did what to which record; they hold ids and codes, never free text or names,
so the log itself carries no more personal data than needed.

- ``append`` adds a row in the caller's transaction. Its hash is sealed when the transaction
  commits (``finalize``, a ``before_commit`` hook): HMAC-SHA256 with the audit key
  (models.chain), over the row, the content hash of the record it names as committed
  (tagged with the schema revision), and the previous row's hash; then the head is
  recorded in the anchor file.
- Before extending the chain, the first ``append`` of a transaction checks that the chain
  it found continues the anchor. When it does not (rows deleted from the end, a rewritten
  tail, an older copy of the database), it writes on, as the office must keep working, but
  first adds a signed ``audit_chain_diverged`` row and keeps the divergence in the anchor
  file; verify reports it until an administrator accepts it (``accept_divergences``).
- A chain begun before the key existed (plain SHA-256, scheme 1) is closed by a signed
  checkpoint row (``audit_chain_keyed``) at the first keyed append; the old rows keep their
  hashes and are still verified.
- ``verify_chain`` recomputes every hash, compares the head with the anchor (truncation and
  appended rows; on a server, that the chain still holds this PC's anchored row), lists the
  divergences not accepted, and ``verify_records`` compares each audited record with the
  content hash of the last row that named it (an edit that bypassed the services).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, event, select
from sqlalchemy.orm import Session

from desktop.i18n import N_, translator
from desktop.models import (
    AuditEntry,
    Consent,
    ContactLog,
    Employer,
    Episode,
    EpisodeReassignment,
    HelloWorkActivity,
    HelloWorkOffice,
    Meeting,
    MeetingCase,
    Organisation,
    Person,
    Placement,
    Plan,
    PlanReview,
    ProtectionOutcome,
    ReadinessAssessment,
    Referral,
    RetentionCheckpoint,
    SupportActivity,
    SupportCost,
    User,
)
from desktop.models.chain import (
    GENESIS,
    KEYED_CHAIN,
    SHA256_CHAIN,
    AnchorState,
    Divergence,
    Head,
    HeadAnchor,
    canonical_detail,
    chain_continues,
    keyed_row_hash,
    record_seal,
    seal_matches,
    sha256_row_hash,
)
from desktop.models.migrate import head_revision
from desktop.services.context import Actor, ServiceContext
from desktop.services.errors import PermissionDenied

_t = translator("Audit")
CHECKPOINT = "audit_chain_keyed"
DIVERGED = "audit_chain_diverged"
ACCEPTED = "audit_divergence_accepted"
# The audit entity names whose rows carry the content hash of the record they name.
AUDITED: dict[str, Any] = {
    "person": Person, "user": User, "episode": Episode, "consent": Consent,
    "referral": Referral, "plan": Plan, "plan_review": PlanReview, "placement": Placement,
    "checkpoint": RetentionCheckpoint, "contact": ContactLog,
    "protection_outcome": ProtectionOutcome, "office": HelloWorkOffice,
    "readiness": ReadinessAssessment, "activity": SupportActivity, "employer": Employer,
    "cost": SupportCost, "meeting": Meeting, "meeting_case": MeetingCase,
    "hello_work_activity": HelloWorkActivity, "episode_reassignment": EpisodeReassignment,
    "organisation": Organisation,  # the issuer printed on every form
}
TABLE_LABELS = {"persons": N_("対象者"), "users": N_("職員"), "episodes": N_("支援エピソード"),
                "consents": N_("同意"), "referrals": N_("支援要請"), "plans": N_("支援プラン"),
                "plan_reviews": N_("プランの見直し"), "placements": N_("就職"),
                "retention_checkpoints": N_("定着確認"), "contact_logs": N_("ケース記録"),
                "protection_outcomes": N_("保護の廃止・減額"), "hello_work_offices": N_("ハローワーク"),
                "hello_work_activities": N_("ハローワークの支援"),
                "episode_reassignments": N_("担当替え"),
                "readiness_assessments": N_("就労準備度"), "support_activities": N_("支援メニューの記録"),
                "employers": N_("協力事業所"), "support_costs": N_("支援費用"),
                "meetings": N_("会議"), "meeting_cases": N_("会議で検討したケース"),
                "organisations": N_("組織")}
_PENDING = "tsunagi.audit.pending"
_BEFORE = "tsunagi.audit.head_before"
_TOUCHED = "tsunagi.audit.touched"
_UNSAVED = "tsunagi.audit.unsaved"
_SIGNED_IN = "tsunagi.audit.actors_checked"
_ANCHOR = "tsunagi.audit.anchor"
_DIVERGENCE = "tsunagi.audit.divergence"
_ACCEPTING = "tsunagi.audit.accepting"

row_hash = sha256_row_hash  # the scheme-1 hash, kept for the rows written before the key


def _key(ctx: ServiceContext) -> bytes:
    key = ctx.db.audit_key
    if key is None:
        raise RuntimeError("the database was opened without its audit key")
    return key


def check_signed_in(session: Session, actor: Actor) -> None:
    """Refuse an actor whose account was disabled, removed, or given another role or
    organisation since they signed in (one primary-key read per transaction and actor)."""
    checked: set[Any] = session.info.setdefault(_SIGNED_IN, set())
    if actor.user_id in checked:
        return
    with session.no_autoflush:
        refuse_ended_session(session.execute(_account(actor)).first(), actor)
    checked.add(actor.user_id)


def check_still_signed_in(conn: Connection, actor: Actor) -> None:
    """check_signed_in for the reads that list persons on a Core connection (the caseload,
    its count, the agenda, search): names and case numbers are personal data too."""
    refuse_ended_session(conn.execute(_account(actor)).first(), actor)


def _account(actor: Actor) -> Select[bool, datetime | None, str, uuid.UUID]:
    return select(User.active, User.deleted_at, User.role,
                  User.organisation_id).where(User.id == actor.user_id)


def refuse_ended_session(row: Any, actor: Actor) -> None:
    """PermissionDenied unless ``row`` (active, deleted_at, role, organisation_id of the
    actor's account, or None) still says what the actor signed in as."""
    if (row is None or not row[0] or row[1] is not None or row[2] != actor.role
            or (actor.role != "admin" and row[3] != actor.organisation_id)):
        raise PermissionDenied(_t("このアカウントは無効にされたか、権限または所属する組織が変わりました。"
                                  "ログインし直してください"))


def append(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    entity: str = "",
    entity_id: object = "",
    **detail: Any,
) -> AuditEntry:
    """Add one row in the caller's transaction (a write transaction holds the database's
    write lock from its start, so the chain cannot fork). Hashes are sealed at commit.

    The actor's account must still be what it was at sign-in (active, same role, same
    organisation): a session an administrator disabled or changed meanwhile, on this PC
    or another, can no longer change anything that is audited. Reads, whose views are
    noted rather than appended (viewlog), check with ``check_signed_in`` themselves."""
    if actor is not None:
        check_signed_in(session, actor)
    return append_at(session, ctx, None, actor, action, entity, entity_id, detail)


def append_at(session: Session, ctx: ServiceContext, at: datetime | None, actor: Actor | None,
              action: str, entity: str, entity_id: object,
              detail: dict[str, Any]) -> AuditEntry:
    """``append`` of something that happened at ``at``, before this transaction (a view
    noted by a read and written in a batch, viewlog), or now when None. The account is not
    checked again: the read that noted the view checked it, and a view that happened is
    recorded even when the account was disabled before the batch was written (refusing it
    here would also keep everyone else's notes of the batch out of the chain)."""
    _key(ctx)
    pending: list[tuple[AuditEntry, ServiceContext]] = session.info.setdefault(_PENDING, [])
    if pending:
        seq = pending[-1][0].seq + 1
    else:
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash, AuditEntry.scheme)
            .order_by(AuditEntry.seq.desc()).limit(1)).first()
        found = Head(last[0], last[1]) if last else None
        session.info[_BEFORE] = found
        seq = last[0] + 1 if last else 1
        if last is not None and last[2] == SHA256_CHAIN:
            # The first keyed row: a checkpoint that signs the unkeyed chain's head.
            _add(session, ctx, pending, seq, None, CHECKPOINT, "audit_log", "",
                 {"sha256_rows": last[0], "sha256_head": last[1]})
            seq += 1
        seq = _check_anchor(session, ctx, pending, seq, found,
                            keyed=last is not None and last[2] == KEYED_CHAIN)
    return _add(session, ctx, pending, seq, actor, action, entity, str(entity_id or ""), detail,
                at=at)


def _check_anchor(session: Session, ctx: ServiceContext,
                  pending: list[tuple[AuditEntry, ServiceContext]], seq: int,
                  found: Head | None, keyed: bool) -> int:
    """Before extending the chain: does the chain as found continue the anchor? On a
    server, one indexed lookup when another PC wrote since; on SQLite, the anchor file
    alone. When it does not, a signed row says so before this transaction's own rows, and
    finalize keeps the divergence in the anchor. Returns the next free seq."""
    anchor = ctx.db.anchor
    if anchor is None:
        return seq
    state = anchor.state()
    session.info[_ANCHOR] = state

    def hash_at(at: int) -> str | None:
        return session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == at))

    if chain_continues(state, anchor.exclusive, found, keyed, hash_at):
        return seq
    expected = (state.next or state.head) if state is not None else None
    _add(session, ctx, pending, seq, None, DIVERGED, "audit_log", "",
         {"expected": expected.as_dict() if expected else None,
          "found": found.as_dict() if found else None})
    session.info[_DIVERGENCE] = Divergence(expected, found, ctx.now().astimezone(UTC)
                                           .isoformat(timespec="seconds"), seq)
    return seq + 1


def append_many(session: Session, ctx: ServiceContext, actor: Actor | None, action: str,
                records: list[tuple[str, str]], **detail: Any) -> None:
    """One row per (entity, id), for bulk paths (a kit's applied records): one flush for
    all of them."""
    if not records:
        return
    first = append(session, ctx, actor, action, records[0][0], records[0][1], **detail)
    pending: list[tuple[AuditEntry, ServiceContext]] = session.info[_PENDING]
    seq = first.seq
    unsaved: list[AuditEntry] = session.info.setdefault(_UNSAVED, [])
    for entity, entity_id in records[1:]:
        seq += 1  # inserted, sealed, by finalize: one batched INSERT, no UPDATE after it
        unsaved.append(_add(session, ctx, pending, seq, actor, action, entity,
                            str(entity_id), detail, save=False))


def _add(session: Session, ctx: ServiceContext, pending: list[tuple[AuditEntry, ServiceContext]],
         seq: int, actor: Actor | None, action: str, entity: str, entity_id: str,
         detail: dict[str, Any], save: bool = True, at: datetime | None = None) -> AuditEntry:
    entry = AuditEntry(
        id=uuid.uuid4(), seq=seq, at=(at or ctx.now()).astimezone(UTC),
        user_id=actor.user_id if actor else None, username=actor.username if actor else "",
        action=action, entity=entity, entity_id=entity_id, detail=canonical_detail(detail),
        origin=ctx.device_id, prev_hash="", hash="", record_hash="", scheme=KEYED_CHAIN)
    if save:
        session.add(entry)
        session.flush()
    pending.append((entry, ctx))
    return entry


def _record_hashes(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, str], str]:
    """The seal (content hash at this schema revision) of every record the entries name,
    read in batches per table."""
    wanted: dict[str, set[uuid.UUID]] = {}
    for e in entries:
        if e.entity in AUDITED:
            try:
                wanted.setdefault(e.entity, set()).add(uuid.UUID(e.entity_id))
            except ValueError:
                continue
    out: dict[tuple[str, str], str] = {}
    revision = head_revision()
    for entity, ids in wanted.items():
        table: Table = AUDITED[entity].__table__
        chunk = list(ids)
        for start in range(0, len(chunk), 500):
            for row in session.execute(select(table).where(
                    table.c.id.in_(chunk[start:start + 500]))):
                mapping = dict(row._mapping)
                out[(entity, str(mapping["id"]))] = record_seal(table.name, revision, mapping)
    return out


_ENTITY_OF = {model: name for name, model in AUDITED.items()}


def _note_touched(session: Session, _context: Any) -> None:
    """after_flush: the audited records this transaction created or changed through the ORM."""
    touched: set[tuple[str, str]] = session.info.setdefault(_TOUCHED, set())
    for obj in (*session.new, *session.dirty):
        entity = _ENTITY_OF.get(type(obj))
        if entity is not None:
            touched.add((entity, str(obj.id)))


def finalize(session: Session) -> None:
    """Seal the rows this transaction appended (idempotent): each one's record hash, link and
    HMAC, in order; then move the anchor. Runs before every commit; paths that commit a
    Session's connection themselves call it explicitly.

    An audited record that the transaction changed but no row names (a transition that
    also withdraws a referral, a print that marks it printed) gets its own row
    (``record_update``), so every record's content stays accounted for."""
    session.flush()
    touched: set[tuple[str, str]] = session.info.pop(_TOUCHED, set())
    pending: list[tuple[AuditEntry, ServiceContext]] | None = session.info.get(_PENDING)
    if not pending:
        session.info.pop(_BEFORE, None)
        return
    named = {(e.entity, e.entity_id) for e, _ in pending}
    first, ctx = pending[0]
    for entity, entity_id in sorted(touched - named):
        _add(session, ctx, pending, pending[-1][0].seq + 1, None, "record_update", entity,
             entity_id, {"during": first.action})
    session.info.pop(_PENDING, None)
    before: Head | None = session.info.pop(_BEFORE, None)
    prev = before.hash if before else GENESIS
    session.flush()
    digests = _record_hashes(session, [e for e, _ in pending])
    for entry, ctx in pending:
        entry.record_hash = digests.get((entry.entity, entry.entity_id), "")
        entry.prev_hash = prev
        entry.hash = keyed_row_hash(_key(ctx), entry.seq, entry.at, entry.user_id,
                                    entry.username, entry.action, entry.entity,
                                    entry.entity_id, entry.detail, entry.origin,
                                    entry.record_hash, prev)
        prev = entry.hash
    session.add_all(session.info.pop(_UNSAVED, []))
    session.flush()
    state: AnchorState | None = session.info.pop(_ANCHOR, None)
    divergence: Divergence | None = session.info.pop(_DIVERGENCE, None)
    accepted: set[int] = session.info.pop(_ACCEPTING, set())
    anchor = pending[-1][1].db.anchor
    if anchor is not None:
        kept = tuple(d for d in (state.divergences if state else ()) if d.seq not in accepted)
        anchor.write(before, Head(pending[-1][0].seq, prev),
                     kept + ((divergence,) if divergence else ()))


def discard(session: Session) -> None:
    for key in (_PENDING, _BEFORE, _TOUCHED, _UNSAVED, _ANCHOR, _DIVERGENCE, _ACCEPTING):
        session.info.pop(key, None)


def accept_divergences(session: Session, ctx: ServiceContext, actor: Actor,
                       divergences: Iterable[Divergence]) -> None:
    """An administrator has looked at these divergences and accepts them: a signed row
    names them (verify no longer reports them) and the anchor file lets them go."""
    seqs = sorted({d.seq for d in divergences})
    append(session, ctx, actor, ACCEPTED, "audit_log", "", accepted=seqs)
    session.info.setdefault(_ACCEPTING, set()).update(seqs)


def install() -> None:
    """Idempotent: every Session seals its audit rows before it commits."""
    if not event.contains(Session, "after_flush", _note_touched):
        event.listen(Session, "after_flush", _note_touched)
    if not event.contains(Session, "before_commit", finalize):
        event.listen(Session, "before_commit", finalize)
    if not event.contains(Session, "after_rollback", discard):
        event.listen(Session, "after_rollback", discard)


def chain_head(session: Session) -> Head | None:
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                           .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return Head(last[0], last[1]) if last else None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    bad_seq: int | None = None
    problem: str = ""
    head: Head | None = None
    last_seen: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict, repr=False)
    # Divergences a writer met and no administrator has accepted yet (oldest first).
    divergences: tuple[Divergence, ...] = ()


def verify_chain(session: Session, key: bytes | None,
                 anchor: HeadAnchor | None = None) -> ChainReport:
    """Recompute every hash in order and report the first row that does not match; then
    compare the head with the anchor kept outside the database, and list the divergences
    (signed rows and the anchor's own list) that no administrator has accepted."""
    prev, expected_seq, rows = GENESIS, 1, 0
    keyed_seen = False
    last_seen: dict[tuple[str, str], tuple[int, str]] = {}
    stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    last: AuditEntry | None = None
    state = anchor.state() if anchor is not None else None
    anchored = {h.seq for h in state.known} if state is not None else set()
    hashes_at: dict[int, str] = {}
    diverged: dict[int, Divergence] = {}
    accepted: set[int] = set()

    def bad(seq: int, problem: str) -> ChainReport:
        return ChainReport(False, rows, seq, problem)

    for entry in session.scalars(stmt):
        rows += 1
        if entry.seq != expected_seq:
            return bad(expected_seq, _t("監査ログ #{seq} が欠落しています（次は #{next}）").format(
                seq=expected_seq, next=entry.seq))
        if entry.prev_hash != prev:
            return bad(entry.seq, _t("監査ログ #{seq} の直前ハッシュが一致しません"
                                     "（前の行が改ざんまたは削除されています）").format(seq=entry.seq))
        if entry.scheme == KEYED_CHAIN:
            if not keyed_seen and entry.seq > 1 and entry.action != CHECKPOINT:
                return bad(entry.seq, _t("監査ログ #{seq}: 鍵付きの連鎖の始まりが正しくありません").format(
                    seq=entry.seq))
            keyed_seen = True
            expected = (keyed_row_hash(key, entry.seq, entry.at, entry.user_id, entry.username,
                                       entry.action, entry.entity, entry.entity_id,
                                       entry.detail, entry.origin, entry.record_hash,
                                       entry.prev_hash) if key is not None else None)
            if entry.record_hash:
                last_seen[(entry.entity, entry.entity_id)] = (entry.seq, entry.record_hash)
            if entry.action == DIVERGED:
                diverged[entry.seq] = _divergence_row(entry)
            elif entry.action == ACCEPTED:
                accepted.update(_accepted_seqs(entry))
        elif keyed_seen or entry.scheme != SHA256_CHAIN:
            return bad(entry.seq, _t("監査ログ #{seq}（{action}）の内容が改ざんされています").format(
                seq=entry.seq, action=entry.action))
        else:
            expected = sha256_row_hash(entry.seq, entry.at, entry.user_id, entry.username,
                                       entry.action, entry.entity, entry.entity_id,
                                       entry.detail, entry.origin, entry.prev_hash)
        if expected is None:
            return bad(entry.seq, _t("監査ログの鍵がないため検証できません"))
        if expected != entry.hash:
            return bad(entry.seq, _t("監査ログ #{seq}（{action}）の内容が改ざんされています").format(
                seq=entry.seq, action=entry.action))
        if entry.seq in anchored:
            hashes_at[entry.seq] = entry.hash
        prev, expected_seq, last = entry.hash, expected_seq + 1, entry
    head = Head(last.seq, last.hash) if last is not None else None
    for d in state.divergences if state is not None else ():
        diverged.setdefault(d.seq, d)  # one the database lost, or that never committed
    pending = tuple(d for seq, d in sorted(diverged.items()) if seq not in accepted)
    problem = _anchor_problem(head, keyed_seen, anchor, state, hashes_at)
    if problem:
        return ChainReport(False, rows, head.seq if head else 0, problem, head,
                           divergences=pending)
    return ChainReport(True, rows, head=head, last_seen=last_seen, divergences=pending)


def _divergence_row(entry: AuditEntry) -> Divergence:
    try:
        detail = json.loads(entry.detail)
    except ValueError:
        detail = {}
    found = Divergence.from_dict({**detail, "seq": entry.seq, "at": ""})
    assert found is not None
    at = entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=UTC)
    return Divergence(found.expected, found.found, at.isoformat(timespec="seconds"), entry.seq)


def _accepted_seqs(entry: AuditEntry) -> list[int]:
    try:
        seqs = json.loads(entry.detail).get("accepted", [])
    except (ValueError, AttributeError):
        return []
    return [s for s in seqs if isinstance(s, int)]


def describe_divergence(d: Divergence) -> str:
    """The divergence, in words, for verify's report."""
    return _t("監査ログの食い違い（{at}、監査ログ #{seq} に記録）: この PC の先頭の記録は {expected} でしたが、"
              "書き込むときの監査ログの先頭は {found} でした。末尾の行の削除や書き換え、古い複製への"
              "置き換えが考えられます。原因を確かめたうえで管理者が tsunagi verify --accept-divergence "
              "で承認するまで、毎回報告します").format(
        at=d.at, seq=d.seq,
        expected=f"#{d.expected.seq}" if d.expected else _t("（記録なし・読めない）"),
        found=f"#{d.found.seq}" if d.found else _t("（空）"))


def _anchor_problem(head: Head | None, keyed: bool, anchor: HeadAnchor | None,
                    stored: AnchorState | None, hashes_at: dict[int, str]) -> str:
    if anchor is None:
        return ""
    if stored is None:
        if keyed:
            return _t("監査ログの先頭の記録（{name}）がありません。監査ログの末尾が削除されていても"
                      "検出できません").format(name=anchor.path.name)
        return ""
    known = stored.known
    if stored.damaged or not known:
        return _t("監査ログの先頭の記録（{name}）が壊れています").format(name=anchor.path.name)
    top = max(h.seq for h in known)
    if anchor.exclusive:
        if head is not None and any(head == h for h in known):
            return ""
        if head is None or head.seq < min(h.seq for h in known):
            return _t("監査ログの末尾が削除されています（記録では #{seq} まであります。現在は #{now} まで）").format(
                seq=min(h.seq for h in known), now=head.seq if head else 0)
        if head.seq > top:
            return _t("監査ログ #{first}〜#{last} は先頭の記録にない行です（あとから追加または書き換えられています）").format(
                first=top + 1, last=head.seq)
        return _t("監査ログ #{seq} が先頭の記録と一致しません（書き換えられています）").format(
            seq=head.seq)
    # A server written by several PCs: the chain must still hold this PC's last head, by
    # its hash (a middle row deleted and the rest re-signed moves it, or changes it).
    if head is None or head.seq < min(h.seq for h in known):
        return _t("監査ログの末尾が削除されています（この PC の記録では #{seq} まであります）").format(
            seq=min(h.seq for h in known))
    if not stored.continued_by(head, False, hashes_at.get):
        return _t("この PC が書き込んだ監査ログ #{seq} が見つからないか、書き換えられています"
                  "（途中の行の削除や書き換え）").format(seq=top)
    return ""


def verify_records(session: Session, report: ChainReport, limit: int = 20) -> list[str]:
    """Each audited record whose content no longer matches the last audit row that named
    it: it was changed by something other than the services (raw SQL, a foreign tool)."""
    by_table: dict[str, list[tuple[str, int, str]]] = {}
    for (entity, entity_id), (seq, digest) in report.last_seen.items():
        model = AUDITED.get(entity)
        if model is not None:
            by_table.setdefault(model.__tablename__, []).append((entity_id, seq, digest))
    problems: list[str] = []
    changed = 0
    for name, wanted in by_table.items():
        table: Table = next(m.__table__ for m in AUDITED.values() if m.__tablename__ == name)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            ids = {uuid.UUID(i): (i, seq, digest) for i, seq, digest in chunk}
            for row in session.execute(select(table).where(table.c.id.in_(list(ids)))):
                entity_id, seq, digest = ids[row._mapping["id"]]
                if not seal_matches(name, digest, dict(row._mapping)):
                    changed += 1
                    if len(problems) < limit:
                        problems.append(_t("{table}（{table_name}）の記録 {id} は、最後の監査記録 #{seq} の後に"
                                           "つなぎを通らずに変更されています").format(
                            table=_t(TABLE_LABELS.get(name, name)), table_name=name,
                            id=entity_id, seq=seq))
    if changed > limit:
        problems.append(_t("ほかに {count} 件の記録が同様に変更されています").format(count=changed - limit))
    return problems
