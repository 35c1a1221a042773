"""Where Tsunagi keeps its data and how it reaches its database, from flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Tsunagi"
DB_FILENAME = "tsunagi.db"
SERVER_FILE = "server.json"  # office mode: the server this PC uses (models/server_settings)
KEYINFO_FILENAME = "tsunagi.keyinfo.json"  # the key's mode and salt (models/keystore)


@dataclass(frozen=True)
class Config:
    data_dir: Path
    db_url: str | None = None  # another SQLAlchemy URL (office mode); None = local SQLCipher
    passphrase: str | None = None  # TSUNAGI_DB_PASSPHRASE, or a recovery key

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @classmethod
    def from_env(cls, data_dir: str | os.PathLike[str] | None = None) -> Config:
        from desktop.models.server_settings import saved_server_url

        path = data_dir_from_env(data_dir)
        return cls(
            data_dir=path,
            db_url=os.environ.get("TSUNAGI_DB_URL") or saved_server_url(path),
            passphrase=os.environ.get("TSUNAGI_DB_PASSPHRASE") or None,
        )


def data_dir_from_env(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the one given, else TSUNAGI_DATA_DIR, else the per-user folder.
    (Config.from_env also reads the server settings, which loads the database layer; the
    desktop app's first window needs only this.)"""
    chosen = data_dir or os.environ.get("TSUNAGI_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, False))
    return path.expanduser().resolve()
