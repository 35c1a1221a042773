"""Revision 0007 (organisations) on a database that was in use at revision 0005: the office
settings become its one organisation, everyone and everything is assigned to it, the Hello
Work office keeps its name and its navigator, and search still finds the person."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa

from desktop.config import Config
from desktop.models import Episode, HelloWorkOffice, Organisation, Person, Setting, User
from desktop.models.migrate import current_revision, downgrade, head_revision, upgrade
from desktop.models.storage import open_database, open_engine
from desktop.services import build_services
from desktop.services.auth import hash_password
from desktop.services.persons import search_keys

PASSWORD = "password-123"
NOW = datetime(2026, 5, 1, 3, 0, tzinfo=UTC)


def _stamp() -> dict[str, object]:
    return {"id": uuid.uuid4(), "version": 1, "created_at": NOW, "updated_at": NOW,
            "origin": "old", "deleted_at": None, "created_by": None, "updated_by": None}


def _table(conn: sa.Connection, name: str) -> sa.Table:
    """The table as the database has it, with the types the application binds."""
    table = sa.Table(name, sa.MetaData(), autoload_with=conn)
    for column in table.c:
        if column.name in ("id", "created_by", "updated_by") or column.name.endswith("_id"):
            column.type = sa.Uuid()
        elif column.name == "value":
            column.type = sa.JSON()
        elif column.name in ("created_at", "updated_at"):
            column.type = sa.DateTime(timezone=True)
    return table


def _fill_revision_0005(conn: sa.Connection) -> dict[str, uuid.UUID]:
    """A small office as revision 0005 stored it (raw rows: today's models no longer fit)."""
    ids = {}
    settings = _table(conn, "settings")
    for key, value in (("office_name", "横浜市中区福祉保健センター"),
                       ("office_head", "中区福祉保健センター長"),
                       ("office_address", "横浜市中区日本大通35"),
                       ("office_phone", "045-224-8181"), ("referral_wait_days", 10)):
        conn.execute(settings.insert().values(**_stamp(), key=key, value=value))
    user = {**_stamp(), "username": "admin", "display_name": "管理 者", "role": "admin",
            "password_hash": hash_password(PASSWORD), "active": True, "failed_logins": 0,
            "locked_until": None, "last_login_at": None}
    conn.execute(_table(conn, "users").insert().values(**user))
    ids["admin"] = user["id"]  # type: ignore[assignment]
    office = {**_stamp(), "name": "ハローワーク横浜", "address": "横浜市中区山下町209",
              "phone": "045-663-8609", "navigator": "田島 聡子"}
    conn.execute(_table(conn, "hello_work_offices").insert().values(**office))
    ids["office"] = office["id"]  # type: ignore[assignment]

    class Names:
        case_number, family_name, given_name = "Y-1", "代田", "ヒミツ子"
        family_kana, given_kana = "シロタ", "ヒミツコ"

    person = {**_stamp(), "case_number": "Y-1", "family_name": "代田", "given_name": "ヒミツ子",
              "family_kana": "シロタ", "given_kana": "ヒミツコ", "birth_date": date(1990, 1, 1),
              "sex": None, "postal_code": "", "address": "", "phone_home": "",
              "phone_mobile": "", "household": "", "category": "needy", "barriers": "",
              "education": "", "work_history": "", "licences": "", "desired_job": "",
              "desired_hours": "", "desired_wage": "", "desired_area": "",
              "caseworker_id": ids["admin"], "search_no": 1,
              **search_keys(Names)}  # type: ignore[arg-type]
    conn.execute(_table(conn, "persons").insert().values(**person))
    ids["person"] = person["id"]  # type: ignore[assignment]
    episode = {**_stamp(), "person_id": person["id"], "state": "candidate",
               "state_since": date(2026, 4, 1), "intake_on": date(2026, 4, 1),
               "screening_decision": None, "screening_decided_on": None,
               "screening_meeting": "", "support_start_on": None, "planned_end_on": None,
               "closed_on": None, "closure_reason": None, "note": ""}
    conn.execute(_table(conn, "episodes").insert().values(**episode))
    ids["episode"] = episode["id"]  # type: ignore[assignment]
    return ids


def _downgrade(engine: sa.Engine, revision: str) -> None:
    downgrade(engine, revision)  # SQLite's foreign keys off while tables are copied and moved
    assert current_revision(engine) == revision


def _to_revision(config: Config, revision: str) -> sa.Engine:
    engine, _, _ = open_engine(config)
    _downgrade(engine, revision)
    return engine


def test_a_database_in_use_gets_its_organisation_from_the_office_settings(
        config: Config) -> None:
    engine = _to_revision(config, "0005")
    with engine.begin() as conn:
        ids = _fill_revision_0005(conn)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()

    opened = open_database(config)
    try:
        db = opened.db
        with db.read() as s:
            (org,) = s.scalars(sa.select(Organisation)).all()
            assert (org.kind, org.name, org.head_title, org.address, org.phone) == (
                "welfare_office", "横浜市中区福祉保健センター", "中区福祉保健センター長",
                "横浜市中区日本大通35", "045-224-8181")
            assert s.get(User, ids["admin"]).organisation_id == org.id  # type: ignore[union-attr]
            assert s.get(Person, ids["person"]).organisation_id == org.id  # type: ignore[union-attr]
            assert s.get(Episode, ids["episode"]).organisation_id == org.id  # type: ignore[union-attr]
            office = s.get(HelloWorkOffice, ids["office"])
            assert office is not None
            assert (office.name, office.official_name, office.kind, office.active,
                    office.navigators) == ("ハローワーク横浜", "", "main", True,
                                           [{"name": "田島 聡子", "phone": ""}])
            settings = dict(s.execute(sa.select(Setting.key, Setting.value)).all())
            assert "office_name" not in settings and settings["setup_completed"] is True
            assert settings["referral_wait_days"] == 10  # other settings untouched
        services = build_services(db, opened.device_id)
        admin = services.auth.login("admin", PASSWORD)
        assert admin.organisation_id == org.id
        assert [h.case_number for h in services.search.search(admin, "ヒミツコ")] == ["Y-1"]
        assert [h.case_number for h in services.search.search(admin, "シロ")] == ["Y-1"]
        pdf_office = services.offices.offices()[0]
        assert pdf_office.addressee == "ハローワーク横浜長"  # no head's title yet: name + 長
        assert services.maintenance.verify(admin).ok
    finally:
        opened.db.close()


def test_downgrade_with_data_gives_back_the_settings_and_the_navigator(config: Config) -> None:
    engine = _to_revision(config, "0005")
    with engine.begin() as conn:
        _fill_revision_0005(conn)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.update(Organisation).values(name="横浜市西区福祉保健センター"))
    _downgrade(engine, "0005")
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        table = _table(conn, "settings")
        settings = dict(conn.execute(sa.select(table.c.key, table.c.value)).all())
        assert settings["office_name"] == "横浜市西区福祉保健センター"
        assert settings["office_head"] == "中区福祉保健センター長"
        assert "setup_completed" not in settings
        assert conn.execute(sa.text("SELECT navigator FROM hello_work_offices")).scalar() == (
            "田島 聡子")
    upgrade(engine)  # and up again: the search index's triggers survived the round trip
    engine.dispose()
    opened = open_database(config)
    try:
        services = build_services(opened.db, opened.device_id)
        admin = services.auth.login("admin", PASSWORD)
        assert [h.case_number for h in services.search.search(admin, "ヒミツコ")] == ["Y-1"]
        assert services.maintenance.verify(admin).ok
    finally:
        opened.db.close()


def test_a_new_database_has_no_organisation_until_its_first_administrator(
        config: Config) -> None:
    opened = open_database(config)
    try:
        services = build_services(opened.db, opened.device_id)
        assert services.organisations.organisations() == []
        admin = services.auth.create_first_admin("admin", "管理 者", PASSWORD)
        (org,) = services.organisations.organisations()
        assert (org.name, org.head_title, org.configured) == ("福祉事務所", "福祉事務所長", False)
        assert admin.organisation_id == org.id
        assert services.settings.get("setup_completed") is False  # the wizard will greet them
    finally:
        opened.db.close()
