"""Where the app keeps its data: one place, overridable for tests and portable installs."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "lianzheng"
DB_FILE_NAME = "lianzheng.db"
PORTABLE_MARKER = "portable.txt"


DEMO_FILE_NAME = "示范数据.db"  # the demo's file, beside the unit's own (first start)


@dataclass(frozen=True)
class AppPaths:
    """Every file the app writes lives below ``data_dir`` (or beside the chosen database)."""

    db_path: Path

    @property
    def data_dir(self) -> Path:
        return self.db_path.parent

    @property
    def is_demo(self) -> bool:
        """The demo's own file (示范数据.db), not the unit's ledgers."""
        return self.db_path.name == DEMO_FILE_NAME

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / f"{self.db_path.stem}_附件"

    @property
    def backups_dir(self) -> Path:
        """Each data file backs up into a folder of its own: ``备份`` for the default
        ``lianzheng.db`` (where every backup was kept before), ``备份/<file stem>`` for any
        other, so that two files in one folder each get their own daily backup."""
        if self.db_path.name == DB_FILE_NAME:
            return self.shared_backups_dir
        return self.shared_backups_dir / self.db_path.stem

    @property
    def shared_backups_dir(self) -> Path:
        """The folder every data file in this folder once shared (older versions)."""
        return self.data_dir / "备份"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "报告"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "日志"


def portable_data_dir() -> Path | None:
    """``data/`` beside the executable when ``portable.txt`` sits there (USB-stick installs)."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "data"
    return None


def default_db_path() -> Path:
    base = portable_data_dir() or _profile_data_dir()
    return base / DB_FILE_NAME


def app_paths(db: str | Path | None = None) -> AppPaths:
    return AppPaths(Path(db).expanduser().absolute() if db else default_db_path())


def _profile_data_dir() -> Path:
    """The user's own data folder (%LOCALAPPDATA% on Windows), as platformdirs knows it."""
    from platformdirs import user_data_dir  # only when no --db and not portable

    return Path(user_data_dir(APP_NAME, appauthor=False))
