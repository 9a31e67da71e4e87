"""What an open must settle before it touches the file (see ``db.open_db``).

A restore or backup cut short is finished or tidied; a missing or empty file is not
silently made a new database while backups of it exist; another program's SQLite file is
refused before anything (even the switch to WAL) changes it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import db
from lianzheng_desktop.storage.db import ForeignDatabaseError, MissingDatabaseError

# A check copy older versions left when killed mid-check: tempfile's own name (tmp and
# eight of [a-z0-9_]) holding nothing but the copied database. Nothing else that starts
# with "tmp" is ours: a secretary's folder such as tmp旧数据 is never touched.
OLD_CHECK_COPY = re.compile(r"tmp[a-z0-9_]{8}")
OLD_CHECK_FILES = {"lianzheng.db", "lianzheng.db-wal", "lianzheng.db-shm",
                   "lianzheng.db-journal"}


def is_old_check_copy(folder: Path) -> bool:
    if not OLD_CHECK_COPY.fullmatch(folder.name) or not folder.is_dir():
        return False
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return False
    return "lianzheng.db" in names and names <= OLD_CHECK_FILES


def tidy_after_a_crash(paths: AppPaths) -> None:
    """Finish a restore cut short and remove killed backups' leftovers, if there are any."""
    if _left_by_a_crash(paths):
        from lianzheng_desktop.storage import crash_notes
        from lianzheng_desktop.storage.restore import finish_interrupted_restore

        finished = finish_interrupted_restore(paths)
        crash_notes.after_a_restore(paths, finished)  # said by the command or the window
        crash_notes.after_a_backup(paths)


def _left_by_a_crash(paths: AppPaths) -> bool:
    """Whether a restore or backup cut short left something (two short folder listings)."""
    stem = paths.db_path.stem
    for folder in (paths.data_dir, paths.backups_dir):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.endswith((".part", ".restore-part", ".part-journal",
                                      ".part-wal", ".part-shm")) \
                            or name.startswith((f".{stem}-恢复中", f".{stem}-备份中",
                                                ".lianzheng-检查-")) \
                            or is_old_check_copy(Path(entry.path)):
                        return True
        except OSError:
            continue
    return False


def refuse_missing_with_backups(path: Path, backup_dir: Path) -> None:
    """A missing or empty file is a new database only when it has no backups to restore."""
    try:
        empty = not path.exists() or path.stat().st_size == 0
        backups = empty and _has_backups_of(path, backup_dir)
    except OSError:
        return
    if backups:
        state = "是空的" if path.exists() else "不存在"
        raise MissingDatabaseError(
            f"数据文件“{path}”{state}，但备份文件夹“{backup_dir}”里有它的备份，"
            "数据可能被误删或移走。请从备份恢复；如果确实要从头开始，请先把备份文件夹移走。")


def _has_backups_of(path: Path, backup_dir: Path) -> bool:
    """Whether ``backup_dir`` holds a backup of the file named like ``path``.

    Backups name their data file in the manifest; older ones did not, and count for the
    app's standard file name only (several files may share one data folder).
    """
    if not backup_dir.is_dir():
        return False
    import json
    import zipfile

    from lianzheng_desktop.paths import DB_FILE_NAME
    from lianzheng_desktop.storage.manifest import MANIFEST

    for zipped in backup_dir.glob("*.zip"):
        try:
            with zipfile.ZipFile(zipped) as archive:
                if archive.getinfo(MANIFEST).file_size > 1 << 24:
                    continue
                manifest = json.loads(archive.read(MANIFEST))
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            continue
        if isinstance(manifest, dict) and manifest.get("db_file", DB_FILE_NAME) == path.name:
            return True
    return False


def refuse_foreign(path: Path) -> None:
    if not path.exists():
        return
    probe = sqlite3.connect(str(path), timeout=db.BUSY_TIMEOUT)  # no pragmas: only reads
    try:
        tables = {r[0] for r in probe.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        probe.close()
    if tables and "schema_migration" not in tables:
        raise ForeignDatabaseError(
            f"“{path}”是其他软件的数据库文件，不是廉政台账的数据文件，未作任何改动。"
            "请选择廉政台账的数据文件（lianzheng.db）。")
