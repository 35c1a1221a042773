"""Revision 0011 (readiness, routes, employers, support costs, meetings) on a database in use
at revision 0010 (and at 0008, from a release before issues 19 and 20): an approved case goes
on to its referral on the Hello Work route it was decided for, every record keeps the content
hash it was audited with, and a downgrade with the new records in it gives back the revision
it came from and comes up again."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from desktop.config import Config
from desktop.models.chain import record_seal, seal_matches
from desktop.models.migrate import current_revision, downgrade, head_revision, upgrade
from desktop.models.storage import open_database, open_engine
from desktop.services import build_services
from desktop.services.auth import hash_password
from desktop.services.consent import WORDINGS, wording_hash
from desktop.services.employers import EmployerInput
from desktop.services.meetings import (
    Attendee,
    AttendingOrganisation,
    CaseDecision,
    MeetingInput,
)
from desktop.services.persons import search_keys
from tests.services.route_helpers import assessment, fare, readiness_program

PASSWORD = "password-123"
NOW = datetime(2026, 5, 1, 3, 0, tzinfo=UTC)
NEW_TABLES = ("route_changes", "readiness_assessments", "employers", "support_activities",
              "support_costs", "meetings", "meeting_cases")


def _stamp() -> dict[str, object]:
    return {"id": uuid.uuid4(), "version": 1, "created_at": NOW, "updated_at": NOW,
            "origin": "old", "deleted_at": None, "created_by": None, "updated_by": None}


def _table(conn: sa.Connection, name: str) -> sa.Table:
    """The table as the database has it, with the types the application binds."""
    table = sa.Table(name, sa.MetaData(), autoload_with=conn)
    for column in table.c:
        if column.name in ("id", "created_by", "updated_by") or column.name.endswith("_id"):
            column.type = sa.Uuid()
        elif column.name in ("value", "recipients", "scope", "navigators"):
            column.type = sa.JSON()
        elif column.name in ("created_at", "updated_at", "recorded_at"):
            column.type = sa.DateTime(timezone=True)
    return table


def _row(conn: sa.Connection, name: str, row_id: object) -> dict[str, object]:
    table = _table(conn, name)
    found = conn.execute(sa.select(table).where(table.c.id == row_id)).one()
    return dict(found._mapping)


def _fill(conn: sa.Connection) -> dict[str, uuid.UUID]:
    """A small office as revision 0008 or 0010 stored it: a case approved and consented,
    waiting to be referred, and another placed (raw rows: today's models no longer fit; a
    column of 0008 gone by the revision at hand is left out, one added since takes its
    default)."""
    ids: dict[str, uuid.UUID] = {}

    def insert(table: str, key: str | None = None, **values: object) -> uuid.UUID:
        row = {**_stamp(), **values}
        stored = _table(conn, table)
        conn.execute(stored.insert().values(**{k: v for k, v in row.items() if k in stored.c}))
        if key:
            ids[key] = row["id"]  # type: ignore[assignment]
        return row["id"]  # type: ignore[return-value]

    org = insert("organisations", "org", kind="welfare_office", name="横浜市中区福祉保健センター",
                 head_title="中区福祉保健センター長", head_name="", postal_code="", address="",
                 phone="", fax="", doc_symbol="中福", seal_omitted=True)
    admin = insert("users", "admin", username="admin", display_name="管理 者", role="admin",
                   organisation_id=org, phone_extension="", must_change_password=False,
                   password_hash=hash_password(PASSWORD), active=True, failed_logins=0,
                   locked_until=None, last_login_at=None)
    insert("hello_work_offices", "office", name="ハローワーク横浜", official_name="横浜公共職業安定所",
           head_title="横浜公共職業安定所長", kind="main", postal_code="", address="", phone="",
           navigators=[{"name": "田島 聡子", "phone": ""}], active=True)
    for n, state in ((1, "consented"), (2, "retention")):
        class Names:
            case_number, family_name, given_name = f"Y-{n}", "代田", "ヒミツ子"
            family_kana, given_kana = "シロタ", "ヒミツコ"

        person = insert("persons", f"person{n}", case_number=f"Y-{n}", family_name="代田",
                        given_name="ヒミツ子", family_kana="シロタ", given_kana="ヒミツコ",
                        birth_date=date(1990, 1, 1), sex=None, postal_code="", address="",
                        phone_home="", phone_mobile="", household="", category="needy",
                        barriers="", education="", work_history="", licences="",
                        desired_job="", desired_hours="", desired_wage="", desired_area="",
                        caseworker_id=admin, organisation_id=org, search_no=n,
                        **search_keys(Names))  # type: ignore[arg-type]
        episode = insert("episodes", f"episode{n}", person_id=person, organisation_id=org,
                         state=state, state_since=date(2026, 4, 6), intake_on=date(2026, 4, 1),
                         screening_decision="approved", screening_decided_on=date(2026, 4, 5),
                         screening_meeting="所内協議", support_start_on=None,
                         planned_end_on=None, closed_on=None, closure_reason=None, note="")
        for kind in ("participation", "information_sharing"):
            insert("consents", episode_id=episode, kind=kind,
                   recipients=["ハローワーク横浜"] if kind == "information_sharing" else [],
                   scope=["identity_contact"] if kind == "information_sharing" else [],
                   signed_on=date(2026, 4, 6), valid_until=None, withdrawn_on=None,
                   withdrawal_note="", wording_version="2025.1", wording_text=WORDINGS[kind],
                   wording_hash=wording_hash(WORDINGS[kind]), scan=None, scan_mime=None)
    insert("placements", "placement", episode_id=ids["episode2"], start_on=date(2026, 5, 1),
           employer="株式会社ひかり物流", employer_address="", job_title="軽作業",
           employment_type="", term_category="indefinite", weekly_hours=30.0, wage_amount=1100,
           wage_unit="hourly", employment_insurance=True, route="hello_work", end_on=None,
           end_reason="")
    return ids


def _at(config: Config, revision: str) -> sa.Engine:
    engine, _, _ = open_engine(config)
    downgrade(engine, revision)
    assert current_revision(engine) == revision
    return engine


FROM = pytest.mark.parametrize("start", ["0010", "0008"])


@FROM
def test_a_database_in_use_keeps_its_cases_on_the_hello_work_route(config: Config,
                                                                    start: str) -> None:
    engine = _at(config, start)
    with engine.begin() as conn:
        ids = _fill(conn)
        before = {name: record_seal(name, start, _row(conn, name, ids[key]))
                  for name, key in (("episodes", "episode1"), ("placements", "placement"))}
    upgrade(engine)
    assert current_revision(engine) == head_revision() == "0011"
    with engine.connect() as conn:
        # A record sealed before the upgrade still matches its seal: the columns 0011 added are listed
        # in chain.COLUMNS_ADDED, so the seal is checked without them.
        for name, key in (("episodes", "episode1"), ("placements", "placement")):
            row = _row(conn, name, ids[key])
            assert seal_matches(name, before[name], row), name
        assert _row(conn, "episodes", ids["episode1"])["route"] is None
        for table in NEW_TABLES:
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0
    engine.dispose()

    opened = open_database(config)
    try:
        services = build_services(opened.db, opened.device_id,
                                  now=lambda: datetime(2026, 6, 15, 3, 0, tzinfo=UTC))
        admin = services.auth.login("admin", PASSWORD)
        wf = services.workflow
        summary = wf.episode(admin, ids["episode1"])
        assert (summary.route, summary.screening_route) == ("hello_work", "hello_work")
        assert wf.route_history(admin, ids["episode1"]) == []
        wf.refer_to_hello_work(admin, ids["episode1"], ids["office"], date(2026, 6, 1))
        wf.change_route(admin, ids["episode1"], "work_readiness", date(2026, 6, 2))
        assert [(c.from_route, c.to_route) for c in wf.route_history(admin, ids["episode1"])] == [
            ("hello_work", "work_readiness")]
        assert wf.episode(admin, ids["episode1"]).state == "consented"
        services.routes.assess_readiness(admin, ids["episode1"], assessment())
        assert services.records.placements(admin, ids["episode2"])[0].employer_id is None
        assert services.maintenance.verify(admin).ok
    finally:
        opened.db.close()


@FROM
def test_downgrade_with_the_new_records_in_it_and_up_again(config: Config, start: str) -> None:
    engine = _at(config, start)
    with engine.begin() as conn:
        ids = _fill(conn)
    upgrade(engine)
    engine.dispose()
    opened = open_database(config)
    try:
        services = build_services(opened.db, opened.device_id,
                                  now=lambda: datetime(2026, 6, 15, 3, 0, tzinfo=UTC))
        admin = services.auth.login("admin", PASSWORD)
        ep = ids["episode1"]
        services.routes.assess_readiness(admin, ep, assessment())
        services.routes.start_activity(admin, ep, readiness_program())
        services.employers.register(admin, EmployerInput("株式会社みどり農園"))
        services.costs.record_cost(admin, ep, fare())
        services.meetings.record_meeting(admin, MeetingInput(
            date(2026, 6, 10), "coordination",
            (AttendingOrganisation("横浜市中区福祉保健センター", "own"),),
            (Attendee("管理 者", "横浜市中区福祉保健センター"),),
            (CaseDecision(ids["person1"], "就労準備支援事業を継続"),)))
        wf = services.workflow
        wf.change_route(admin, ep, "work_readiness", date(2026, 6, 1))
    finally:
        opened.db.close()
    engine, _, _ = open_engine(config)
    downgrade(engine, start)
    assert current_revision(engine) == start
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        names = set(sa.inspect(conn).get_table_names())
        assert not names & set(NEW_TABLES)
        columns = {c["name"] for c in sa.inspect(conn).get_columns("episodes")}
        assert not columns & {"route", "screening_route"}
        assert conn.execute(sa.text("SELECT count(*) FROM episodes")).scalar() == 2
        # The meeting's decision stays in the person's ケース記録.
        assert conn.execute(sa.text("SELECT decisions FROM contact_logs")).scalar() == (
            "就労準備支援事業を継続")
    upgrade(engine)
    assert current_revision(engine) == "0011"
    engine.dispose()
    opened = open_database(config)
    try:
        services = build_services(opened.db, opened.device_id,
                                  now=lambda: datetime(2026, 6, 15, 3, 0, tzinfo=UTC))
        admin = services.auth.login("admin", PASSWORD)
        assert services.workflow.episode(admin, ids["episode1"]).route == "hello_work"
        assert services.routes.assessments(admin, ids["episode1"]) == []
        services.routes.assess_readiness(admin, ids["episode1"], assessment())
    finally:
        opened.db.close()
