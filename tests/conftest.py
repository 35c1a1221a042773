"""Shared fixtures: a fresh encrypted database per test (copied from one migrated template),
a controllable clock, and a small named world of staff and offices."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, make_url, select
from sqlalchemy.exc import IntegrityError, ProgrammingError

from desktop.config import Config
from desktop.models import HelloWorkOffice, User
from desktop.models.base import Base
from desktop.models.chain import server_anchor
from desktop.models.keystore import format_recovery_key
from desktop.models.server_settings import server_label
from desktop.models.storage import OpenedDatabase, create_database, open_database
from desktop.services import Services, build_services
from desktop.services.context import Actor
from desktop.services.persons import PersonInput

PASSPHRASE = "test passphrase for tsunagi"
TODAY = date(2026, 6, 15)


class MemoryKeyring(KeyringBackend):
    """An OS keychain stand-in that really keeps what it is given."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **kw: float) -> None:
        self.current += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    # Noon UTC: the same calendar day in Japan and in UTC, whatever the machine's zone.
    return Clock(datetime(TODAY.year, TODAY.month, TODAY.day, 3, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One migrated, empty database; each test copies it (creating and migrating costs ~1 s)."""
    path = tmp_path_factory.mktemp("template")
    opened = create_database(Config(path, passphrase=PASSPHRASE))
    assert opened.key is not None
    recovery = format_recovery_key(opened.key)
    opened.db.close()
    return path, recovery


# The service and search suites run on both back ends: SQLite (SQLCipher) and PostgreSQL.
# scripts/test starts a PostgreSQL server (scripts/pg-test-server) and exports its URL; a run
# without one fails the PostgreSQL cases loudly rather than skipping them.
BOTH_BACKENDS_UNDER = (Path(__file__).parent / "services",)
PG_URL_VARIABLE = "TSUNAGI_TEST_PG_URL"


# The office audit key of every test server database (office mode keeps it on each PC; the
# tests' PCs all have it). SQLite databases derive theirs from the database key.
TEST_AUDIT_KEY = "-".join(["A11C"] * 16)


# The scrypt cost of the passwords the tests make (the product's is 2^14, about 55 ms a hash:
# the ten of every `world` were most of the service suite's time). The stored hash carries
# its cost, so checking works either way; the product code is unchanged.
TEST_SCRYPT_N = 2**4


def pytest_configure(config: pytest.Config) -> None:
    from desktop.services import auth

    auth._N = TEST_SCRYPT_N
    os.environ.setdefault("TSUNAGI_AUDIT_KEY", TEST_AUDIT_KEY)
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test is about the SQLite file itself (encryption, "
        "backups, the FTS5 index, crash recovery); it does not run on PostgreSQL")
    config.addinivalue_line(
        "markers", "backends(*names): run on these back ends: sqlite, postgresql, and "
        "postgresql_no_trgm (a role that may not create pg_trgm: the gram-table search)")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once every test module is imported (the modules, the mappers, Qt's
    and ReportLab's tables) lives to the end: set aside from the garbage collector, whose
    full collections (the UI suite asks for one after every test) then look only at what
    the tests make."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _forget_compiled_statements() -> Iterator[None]:
    """Each mapper keeps the INSERT and UPDATE statements it compiled, up to a hundred,
    keyed by the engine's dialect. The program has one engine; the suite makes one a test,
    and the hundred kept dialects (with their statements) made the heap a million objects,
    every garbage collection slower, and the UI tests' teardown half a second. A test's
    statements are no use to the next test's engine."""
    yield
    for mapper in Base.registry.mappers:
        mapper._compiled_cache.clear()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "config" not in metafunc.fixturenames or metafunc.definition.get_closest_marker(
            "sqlite_only"):
        return
    if any("config" in str(m.args[0]) for m in metafunc.definition.iter_markers("parametrize")):
        return  # the test chose its back end itself
    chosen = metafunc.definition.get_closest_marker("backends")
    if chosen is not None:
        metafunc.parametrize("config", list(chosen.args), indirect=True)
    elif any(Path(str(metafunc.definition.path)).is_relative_to(d) for d in BOTH_BACKENDS_UNDER):
        metafunc.parametrize("config", ["sqlite", "postgresql"], indirect=True)


def _pg_admin_url() -> str:
    url = os.environ.get(PG_URL_VARIABLE)
    if not url:
        pytest.fail(f"PostgreSQL のテスト用サーバーがありません（{PG_URL_VARIABLE} が未設定）。"
                    "scripts/test で実行するか、eval \"$(scripts/pg-test-server start)\" を先に"
                    "実行してください", pytrace=False)
    return url


def pg_database_url(name: str) -> str:
    return make_url(_pg_admin_url()).set(database=name).render_as_string(hide_password=False)


def pg_admin(sql: str) -> None:
    engine = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One migrated, empty PostgreSQL database; each test gets a copy (CREATE ... TEMPLATE)."""
    name = f"tsunagi_template_{os.getpid()}"
    pg_admin(f"DROP DATABASE IF EXISTS {name}")
    pg_admin(f"CREATE DATABASE {name}")
    opened = create_database(Config(tmp_path_factory.mktemp("pg-template"),
                                    db_url=pg_database_url(name)))
    opened.db.close()
    yield name
    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


LIMITED_ROLE = "tsunagi_limited"


def _create_limited_role() -> None:
    """The role is the server's, shared by the test workers (pytest-xdist): two of them may
    create it at once, and the loser of that race finds it made."""
    # A unique violation, or 'already exists': made meanwhile by another worker.
    with contextlib.suppress(IntegrityError, ProgrammingError):
        pg_admin(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                 f"'{LIMITED_ROLE}') THEN CREATE ROLE {LIMITED_ROLE} LOGIN; END IF; END$$")


@pytest.fixture(scope="session")
def pg_template_no_trgm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrated by a role that may create tables but not extensions (no CREATE on the
    database), as a cautious DBA might set up: pg_trgm cannot be created, so revision 0005
    builds the person_grams fallback."""
    name = f"tsunagi_template_notrgm_{os.getpid()}"
    pg_admin(f"DROP DATABASE IF EXISTS {name}")
    _create_limited_role()
    pg_admin(f"CREATE DATABASE {name}")
    owner = create_engine(pg_database_url(name), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {LIMITED_ROLE}")
    owner.dispose()
    url = make_url(pg_database_url(name)).set(username=LIMITED_ROLE)
    opened = create_database(Config(tmp_path_factory.mktemp("pg-template-notrgm"),
                                    db_url=url.render_as_string(hide_password=False)))
    opened.db.close()
    yield name
    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def world_template_dir(template_dir: tuple[Path, str],
                       tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The migrated template with the World's staff and office in it, made once: tests that
    use ``world`` copy it instead of making five users (and their audit rows) each."""
    path = tmp_path_factory.mktemp("world-template") / "data"
    shutil.copytree(template_dir[0], path)
    _populate_world(Config(path, passphrase=template_dir[1]))
    return path, template_dir[1]


@pytest.fixture(scope="session")
def pg_world_templates() -> Iterator[dict[str, tuple[str, Path]]]:
    """Per PostgreSQL template: a copy with the World in it, and the data folder that holds
    this PC's record of its audit head (made on first use)."""
    made: dict[str, tuple[str, Path]] = {}
    yield made
    for name, _ in made.values():
        pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _pg_world(request: pytest.FixtureRequest, template: str,
              username: str | None) -> tuple[str, Path]:
    made = request.getfixturevalue("pg_world_templates")
    if template not in made:
        name = f"{template}_world"
        pg_admin(f"DROP DATABASE IF EXISTS {name}")
        pg_admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        url = make_url(pg_database_url(name))
        if username:
            url = url.set(username=username)
        data = request.getfixturevalue("tmp_path_factory").mktemp("pg-world") / "data"
        data.mkdir()
        _populate_world(Config(data, db_url=url.render_as_string(hide_password=False)))
        made[template] = (name, data)
    return made[template]


def _populate_world(config: Config) -> None:
    opened = open_database(config)
    try:
        noon = datetime(TODAY.year, TODAY.month, TODAY.day, 3, 0, tzinfo=UTC)
        services = build_services(opened.db, opened.device_id, now=Clock(noon))
        auth = services.auth
        admin = auth.create_first_admin("admin", "管理 者", PASSWORD)
        for username, name, role in WORLD_STAFF:
            auth.add_user(admin, username, name, role, PASSWORD)
        accept_initial_passwords(services)
        services.offices.add_office(admin, "ハローワーク新宿", "東京都新宿区西新宿1-3-1")
    finally:
        opened.db.close()


def _copy_of(template: str, username: str | None = None) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    pg_admin(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = make_url(pg_database_url(name))
    if username:
        url = url.set(username=username)
    yield url.render_as_string(hide_password=False)
    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class _PgSlot:
    """A test database this worker keeps for one template and gives each test in turn.

    CREATE DATABASE ... TEMPLATE costs about 160 ms of the server's CPU (it copies the
    system catalogues too): over the 450 tests that run on PostgreSQL, that was a fifth of
    the suite. Between tests the slot is put back instead: the rows of the tables a test
    touched deleted and the template's rows copied in again (triggers and foreign-key
    checks off while it is done). A test that changed the schema (a downgrade,
    a dropped index) leaves a different fingerprint, and its slot is dropped and copied
    afresh, as every test's database was before."""

    FINGERPRINT = (
        "SELECT md5(coalesce((SELECT string_agg(table_name || '.' || column_name || ':' "
        "|| data_type || ':' || is_nullable, ',' ORDER BY table_name, column_name) "
        "FROM information_schema.columns WHERE table_schema = 'public'), '') "
        "|| coalesce((SELECT string_agg(indexname || indexdef, ',' ORDER BY indexname) "
        "FROM pg_indexes WHERE schemaname = 'public'), '') "
        "|| coalesce((SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger "
        "WHERE NOT tgisinternal), ''))")

    def __init__(self, template: str, username: str | None) -> None:
        self.template = template
        self.name = f"slot_{template}"
        self.url = make_url(pg_database_url(self.name))
        if username:
            self.url = self.url.set(username=username)
        self._make()

    def _make(self) -> None:
        pg_admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        pg_admin(f"CREATE DATABASE {self.name} TEMPLATE {self.template}")
        with self._connect() as conn:
            self.tables = [t for (t,) in conn.execute(
                "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
                "ORDER BY tablename")]
            self.fingerprint = self._fingerprint(conn)
            self.rows: dict[str, bytes] = {}
            for table in self._nonempty(conn):
                with conn.cursor().copy(f"COPY {table} TO STDOUT") as copy:
                    self.rows[table] = b"".join(bytes(block) for block in copy)

    def _connect(self) -> psycopg.Connection[Any]:
        """As the server's administrator (the slot may belong to a lesser role)."""
        url = make_url(pg_database_url(self.name)).set(drivername="postgresql")
        return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)

    def _fingerprint(self, conn: psycopg.Connection[Any]) -> str:
        row = conn.execute(self.FINGERPRINT).fetchone()
        assert row is not None
        return str(row[0])

    def _nonempty(self, conn: psycopg.Connection[Any]) -> list[str]:
        row = conn.execute("SELECT ARRAY[" + ",".join(
            f"EXISTS (SELECT 1 FROM {t})" for t in self.tables) + "]").fetchone()
        assert row is not None
        return [t for t, rows in zip(self.tables, row[0], strict=True) if rows]

    def put_back(self) -> None:
        """As the template left it, for the next test."""
        with self._connect() as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            if self._fingerprint(conn) == self.fingerprint:
                with conn.transaction():
                    conn.execute("SET LOCAL session_replication_role = replica")
                    for table in sorted(set(self._nonempty(conn)) | set(self.rows)):
                        conn.execute(f"DELETE FROM {table}")
                    for table, rows in self.rows.items():
                        with conn.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                            copy.write(rows)
                return
        self._make()  # the schema changed: a fresh copy

    def drop(self) -> None:
        pg_admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg_slots() -> Iterator[dict[str, _PgSlot]]:
    slots: dict[str, _PgSlot] = {}
    yield slots
    for slot in slots.values():
        slot.drop()


def _slot_of(request: pytest.FixtureRequest, template: str,
             username: str | None) -> Iterator[str]:
    slots = request.getfixturevalue("pg_slots")
    if template not in slots:
        slots[template] = _PgSlot(template, username)
    slot = slots[template]
    yield slot.url.render_as_string(hide_password=False)
    slot.put_back()


@pytest.fixture
def fresh_pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, migrated PostgreSQL database, dropped after the test."""
    yield from _copy_of(request.getfixturevalue("pg_template"))


@pytest.fixture
def fresh_pg_database_no_trgm(request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _copy_of(request.getfixturevalue("pg_template_no_trgm"), LIMITED_ROLE)


@pytest.fixture
def fresh_empty_pg_database() -> Iterator[str]:
    """The URL of a new PostgreSQL database with no tables at all, dropped after the test."""
    name = f"e_{uuid.uuid4().hex[:16]}"
    pg_admin(f"CREATE DATABASE {name}")
    yield pg_database_url(name)
    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Config]:
    """A fresh database: empty, or with the World in it when the test uses ``world``."""
    data = tmp_path / "data"
    backend = getattr(request, "param", "sqlite")
    with_world = "world" in request.fixturenames
    if backend.startswith("postgresql"):
        template, username = {"postgresql": ("pg_template", None),
                              "postgresql_no_trgm": ("pg_template_no_trgm", LIMITED_ROLE)
                              }[backend]
        name = request.getfixturevalue(template)
        world_data = None
        if with_world:
            name, world_data = _pg_world(request, name, username)
        data.mkdir()
        for url in _slot_of(request, name, username):
            if world_data is not None:
                # This PC's record of the audit head, as the World left it, under the name
                # of the copy's server.
                made = next(world_data.glob("tsunagi.audit-head.*.json"))
                shutil.copyfile(made, server_anchor(data, server_label(url)).path)
            yield Config(data, db_url=url)
        return
    source = request.getfixturevalue("world_template_dir" if with_world else "template_dir")
    shutil.copytree(source[0], data)
    # The recovery key opens the copy without paying for scrypt in every test.
    yield Config(data, passphrase=source[1])


@pytest.fixture
def opened(config: Config) -> Iterator[OpenedDatabase]:
    o = open_database(config)
    yield o
    o.db.close()


@pytest.fixture
def services(opened: OpenedDatabase, clock: Clock) -> Services:
    return build_services(opened.db, opened.device_id, engine=opened.db.engine,
                          key_info=opened.key_info, now=clock)


@dataclass
class World:
    """Staff of one office: an administrator, a supervisor, two caseworkers and a viewer,
    and one Hello Work office."""

    services: Services
    admin: Actor
    supervisor: Actor
    cw_a: Actor
    cw_b: Actor
    viewer: Actor
    office_id: uuid.UUID
    office_name: str
    serial: int = 0

    def person(self, by: Actor | None = None, **overrides: object) -> uuid.UUID:
        self.serial += 1
        data = dict(case_number=f"T-{self.serial:04d}", family_name="山田", given_name="太郎",
                    family_kana="ヤマダ", given_kana="タロウ", birth_date=date(1980, 4, 1),
                    category="public_assistance")
        data.update(overrides)
        record = self.services.persons.create_person(by or self.cw_a,
                                                     PersonInput(**data))  # type: ignore[arg-type]
        return record.id


PASSWORD = "password-123"
WORLD_STAFF = (("sv", "査察 指導", "supervisor"), ("cwa", "青山 里美", "caseworker"),
               ("cwb", "石原 正人", "caseworker"), ("view", "閲覧 者", "viewer"))


def accept_initial_passwords(services: Services) -> None:
    """Let the staff a test created sign in with the password it gave them (in the product
    an initial password must be changed first; tests that are not about that skip a scrypt
    run per user this way). Through the ORM and audited, as a change of password is, so an
    audit chain that checks records' content sees nothing changed behind its back."""
    from desktop.models import User
    from desktop.services import audit

    with services.ctx.db.write() as s:
        for user in s.scalars(select(User).where(User.must_change_password.is_(True))):
            user.must_change_password = False
            audit.append(s, services.ctx, None, "password_change", "user", user.id)


@pytest.fixture
def world(services: Services) -> World:
    """The staff and office are in the database already (``config`` copies a template that
    has them: world_template_dir, pg_world_templates); here they are read back."""
    with services.ctx.db.read() as s:
        users = {u.username: Actor(u.id, u.username, u.display_name, u.role,
                                   u.organisation_id)
                 for u in s.scalars(select(User))}
        office = s.scalars(select(HelloWorkOffice)).one()
        office_id, office_name = office.id, office.name
    return World(services, users["admin"], users["sv"], users["cwa"], users["cwb"],
                 users["view"], office_id, office_name)


@pytest.fixture(scope="session")
def english_catalogue() -> Path:
    """resources/translations/tsunagi_en.qm, compiled from the .ts when missing or older
    (scripts/test does this first; here too so a lone pytest run tests the current .ts)."""
    from desktop.catalogue import catalogue_path

    qm = catalogue_path("en")
    ts = qm.with_suffix(".ts")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        import subprocess
        import sys

        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm
