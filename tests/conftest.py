"""Shared fixtures: a fresh encrypted database per test (copied from one migrated template),
a controllable clock, and a small named world of staff and offices."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.config import Config
from desktop.models.keystore import format_recovery_key
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


@pytest.fixture
def config(tmp_path: Path, template_dir: tuple[Path, str]) -> Config:
    data = tmp_path / "data"
    shutil.copytree(template_dir[0], data)
    # The recovery key opens the copy without paying for scrypt in every test.
    return Config(data, passphrase=template_dir[1])


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


@pytest.fixture
def world(services: Services) -> World:
    auth = services.auth
    auth.create_first_admin("admin", "管理 者", PASSWORD)
    admin = auth.login("admin", PASSWORD)
    auth.add_user(admin, "sv", "査察 指導", "supervisor", PASSWORD)
    auth.add_user(admin, "cwa", "青山 里美", "caseworker", PASSWORD)
    auth.add_user(admin, "cwb", "石原 正人", "caseworker", PASSWORD)
    auth.add_user(admin, "view", "閲覧 者", "viewer", PASSWORD)
    office = services.offices.add_office(admin, "ハローワーク新宿", "東京都新宿区西新宿1-3-1")
    return World(services, admin, auth.login("sv", PASSWORD), auth.login("cwa", PASSWORD),
                 auth.login("cwb", PASSWORD), auth.login("view", PASSWORD), office.id,
                 office.name)
