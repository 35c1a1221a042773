"""Who may see and change what. Enforced here, in the services, never only in the UI.

- admin: everything, in every organisation, including users, organisations and settings.
- supervisor (査察指導員): reads and edits every case of their own organisation; sets
  targets, registers Hello Work offices, assigns and reassigns their organisation's cases.
- caseworker, and the 自立相談支援機関's 相談支援員 and 就労支援員 (CASELOAD_ROLES): read and
  edit the persons in their caseload and the cases shared with them.
- viewer: reads every case of their own organisation, changes nothing.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, exists, false, or_, select, true
from sqlalchemy.orm import Session

from desktop.i18n import listing, translator
from desktop.models import CaseShare, Person
from desktop.services.audit import check_signed_in
from desktop.services.context import Actor
from desktop.services.errors import PermissionDenied
from desktop.services.labels import CASELOAD_ROLES, ROLES, shown

_t = translator("Permissions")
# Read a whole organisation's cases (admin: every organisation's).
OFFICE_READERS = frozenset({"admin", "supervisor", "viewer"})
OFFICE_EDITORS = frozenset({"admin", "supervisor"})
MANAGERS = frozenset({"admin", "supervisor"})
ADMIN = frozenset({"admin"})
# Everyone who may change a record (in their own caseload or organisation).
STAFF = frozenset({"admin", "supervisor", *CASELOAD_ROLES})
EDITOR_ROLES = ("admin", "supervisor", *CASELOAD_ROLES)

# Office-level use cases and the roles that may run them. The services enforce these (with
# require(actor, name)); the screens show or enable the same things from the same table.
RULES: dict[str, frozenset[str]] = {
    "import_ledger": MANAGERS,       # 台帳の取込 (and its preview)
    "set_targets": MANAGERS,         # 運営協議会の年度目標
    "list_staff": MANAGERS,          # the staff list (the caseload's staff filter)
    "manage_users": ADMIN,
    "manage_organisations": ADMIN,
    "manage_offices": MANAGERS,
    "change_settings": ADMIN,
    "configure_server": ADMIN,       # this PC's database server
    "kit_for_others": MANAGERS,      # an outreach kit of another caseworker's caseload
    "register_persons": STAFF,
    "assign_caseworker": MANAGERS,
    "backup": MANAGERS,
    "verify": MANAGERS,
    "purge": ADMIN,
    "demo": ADMIN,
    "migrate_to_server": ADMIN,
    "outreach": STAFF,
    "hello_work_exchange": STAFF,   # 支援状況連絡票 (the sheet, its preview and import)
}


def allowed(actor: Actor, rule: str) -> bool:
    """Whether ``actor`` may do ``rule`` (a key of RULES): for the screens."""
    return actor.role in RULES[rule]


def require(actor: Actor, rule: str) -> None:
    require_role(actor, *sorted(RULES[rule], key=list(ROLES).index))


def sees_every_case(actor: Actor) -> bool:
    """Admin, supervisor and viewer read every case of their organisation (admin: of every
    organisation); a caseworker, their own caseload."""
    return actor.role in OFFICE_READERS


def has_caseload(actor: Actor) -> bool:
    """A caseworker, 相談支援員 or 就労支援員: reads and edits their own caseload."""
    return actor.role in CASELOAD_ROLES


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        allowed = listing(shown(ROLES[r]) for r in roles)
        raise PermissionDenied(_t("この操作は{allowed}のみ行えます（現在: {current}）").format(
            allowed=allowed, current=shown(ROLES[actor.role])))


def organisation_scope(actor: Actor) -> uuid.UUID | None:
    """The one organisation whose cases the actor reads as a whole (supervisor, viewer);
    None for an administrator (every organisation) and a caseworker (their caseload)."""
    return actor.organisation_id if actor.role in ("supervisor", "viewer") else None


def require_same_organisation(actor: Actor, organisation_id: uuid.UUID | None) -> None:
    """Supervisors act within their own organisation; administrators anywhere."""
    if actor.role == "admin":
        return
    if organisation_id is None or organisation_id != actor.organisation_id:
        raise PermissionDenied(_t("ほかの組織の職員・ケースは扱えません（自分の組織のみ）"))


def visible_persons(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on Person limiting rows to what the actor may read."""
    if actor.role == "admin":
        return true()
    if actor.role in OFFICE_READERS:
        if actor.organisation_id is None:
            return false()
        return Person.organisation_id == actor.organisation_id
    shared = exists(
        select(CaseShare.id).where(
            CaseShare.person_id == Person.id,
            CaseShare.user_id == actor.user_id,
            CaseShare.deleted_at.is_(None),
        )
    )
    return or_(Person.caseworker_id == actor.user_id, shared)


def _in_caseload(session: Session, actor: Actor, person: Person) -> bool:
    if person.caseworker_id == actor.user_id:
        return True
    return session.scalar(
        select(CaseShare.id).where(
            CaseShare.person_id == person.id,
            CaseShare.user_id == actor.user_id,
            CaseShare.deleted_at.is_(None),
        )
    ) is not None


def _in_organisation(actor: Actor, person: Person) -> bool:
    return actor.role == "admin" or (
        actor.organisation_id is not None and person.organisation_id == actor.organisation_id)


def check_read(session: Session, actor: Actor, person: Person) -> None:
    # Every read of a case, a tab of an open record's included: an account disabled or
    # changed since sign-in reads nothing more (once a transaction; audit.check_signed_in).
    check_signed_in(session, actor)
    if actor.role in OFFICE_READERS and _in_organisation(actor, person):
        return
    if _in_caseload(session, actor, person):
        return
    if actor.role in OFFICE_READERS:
        raise PermissionDenied(_t("ほかの組織のケースは閲覧できません"))
    raise PermissionDenied(_t("この対象者のケースを閲覧する権限がありません（担当または共有されたケースのみ）"))


def check_edit(session: Session, actor: Actor, person: Person) -> None:
    check_signed_in(session, actor)
    if actor.role in OFFICE_EDITORS and _in_organisation(actor, person):
        return
    if actor.role == "viewer":
        raise PermissionDenied(_t("閲覧のみの利用者は記録を変更できません"))
    if (has_caseload(actor) or actor.role == "supervisor") and _in_caseload(
            session, actor, person):
        return
    if actor.role == "supervisor":
        raise PermissionDenied(_t("ほかの組織のケースは変更できません"))
    raise PermissionDenied(_t("この対象者のケースを変更する権限がありません（担当または共有されたケースのみ）"))
