"""Backups and restore. A backup is one .zip a secretary can copy to a USB stick:
the database copied with SQLite's backup API (consistent even while in use), every
attachment, and a manifest with the schema, the counts and SHA-256 hashes. A restore
checks all of that before it replaces anything, and keeps the current data first.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.resources_access import migrations

DB_NAME = "lianzheng.db"
MANIFEST = "manifest.json"
ATTACHMENTS = "附件"
KEEP_DAILY = 30
KEEP_MONTHLY = 24
KINDS = {"daily": "自动备份", "manual": "备份", "restore": "恢复前备份",
         "migration": "升级前备份"}


class BackupError(UserError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    migrations: list[str]
    counts: dict[str, int]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
    finally:
        dest.close()


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("person", "warning_session", "talk", "rectification_item", "activity",
              "attachment")
    known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
            if t in known}


def create_backup(conn: sqlite3.Connection, paths: AppPaths, *, folder: Path | None = None,
                  kind: str = "manual", now: datetime | None = None) -> Path:
    """Write a backup .zip into ``folder`` (the backups folder by default); return it."""
    now = now or datetime.now()
    folder = Path(folder or paths.backups_dir)
    target = folder / f"廉政台账{KINDS[kind]}-{now:%Y%m%d-%H%M%S}.zip"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder) as tmp:  # staged beside the backups
            copy = Path(tmp) / DB_NAME
            _copy_database(conn, copy)
            snapshot = sqlite3.connect(str(copy))
            names = [r[0] for r in snapshot.execute("SELECT name FROM schema_migration"
                                                    " ORDER BY name")]
            counts = _counts(snapshot)
            snapshot.close()
            files = sorted(p for p in paths.attachments_dir.rglob("*") if p.is_file()) \
                if paths.attachments_dir.exists() else []
            manifest = {
                "app": "lianzheng", "created": now.isoformat(timespec="seconds"),
                "migrations": names, "counts": counts, "db_sha256": _sha256(copy),
                "attachments": {p.relative_to(paths.attachments_dir).as_posix(): _sha256(p)
                                for p in files},
            }
            partial = target.with_name(target.name + ".part")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(copy, DB_NAME)
                for path in files:
                    rel = path.relative_to(paths.attachments_dir).as_posix()
                    archive.write(path, f"{ATTACHMENTS}/{rel}")
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
    except OSError as exc:
        raise BackupError(f"无法把备份写入“{folder}”：{exc.strerror or exc}。"
                          "请检查该文件夹（或U盘）是否可写、空间是否足够。") from None
    return target


def _daily_files(folder: Path) -> list[tuple[date, Path]]:
    prefix = f"廉政台账{KINDS['daily']}-"
    found = []
    for path in folder.glob(f"{prefix}*.zip"):
        try:
            found.append((datetime.strptime(path.stem[len(prefix):], "%Y%m%d-%H%M%S").date(),
                          path))
        except ValueError:
            continue
    return sorted(found)


def rotate(folder: Path, today: date) -> list[Path]:
    """Keep the newest 30 daily backups and the first of each month for two years."""
    files = _daily_files(folder)
    keep = {path for _, path in files[-KEEP_DAILY:]}
    first_of_month: dict[tuple[int, int], Path] = {}
    for day, path in files:
        first_of_month.setdefault((day.year, day.month), path)
    for (year, month), path in first_of_month.items():
        if (today.year - year) * 12 + (today.month - month) < KEEP_MONTHLY:
            keep.add(path)
    removed = []
    for _, path in files:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def daily_backup(conn: sqlite3.Connection, paths: AppPaths,
                 now: datetime | None = None) -> Path | None:
    """The first start of each day backs up (and rotates); later starts do nothing."""
    now = now or datetime.now()
    folder = paths.backups_dir
    if any(day == now.date() for day, _ in _daily_files(folder)) if folder.exists() else False:
        return None
    path = create_backup(conn, paths, kind="daily", now=now)
    rotate(folder, now.date())
    return path


def verify_backup(file: Path, work_dir: Path | None = None) -> BackupInfo:
    """Check a backup through and through; BackupError says in Chinese what is wrong."""
    file = Path(file)
    if not file.is_file():
        raise BackupError(f"找不到备份文件“{file}”。")
    try:
        with zipfile.ZipFile(file) as archive, tempfile.TemporaryDirectory(dir=work_dir) as tmp:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            archive.extract(DB_NAME, tmp)
            copy = Path(tmp) / DB_NAME
            if _sha256(copy) != manifest["db_sha256"]:
                raise BackupError(f"备份“{file.name}”中的数据文件与备份时不一致，可能已损坏。")
            conn = sqlite3.connect(str(copy))
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
                names = [r[0] for r in conn.execute("SELECT name FROM schema_migration")]
            finally:
                conn.close()
            if result != "ok":
                raise BackupError(f"备份“{file.name}”中的数据文件未通过完整性检查。")
            known = {m.name.removesuffix(".sql") for m in migrations()}
            if any(name not in known for name in names):
                raise BackupError(f"备份“{file.name}”由更新版本的廉政台账生成，请先升级软件。")
            for rel, digest in manifest["attachments"].items():
                data = archive.read(f"{ATTACHMENTS}/{rel}")
                if hashlib.sha256(data).hexdigest() != digest:
                    raise BackupError(f"备份中的佐证材料“{rel}”与备份时不一致。")
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, sqlite3.DatabaseError):
        raise BackupError(f"“{file.name}”不是完整的廉政台账备份文件。") from None
    return BackupInfo(file, datetime.fromisoformat(manifest["created"]), names,
                      manifest["counts"])


def restore(file: Path, paths: AppPaths, now: datetime | None = None) -> Path | None:
    """Replace the database and add the attachments from ``file``.

    The backup is verified first; the current database (if readable) is backed up first
    and otherwise set aside. Call with no connection to the database open.
    Returns the backup made of the current data, if any.
    """
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    verify_backup(file, work_dir=paths.data_dir)
    now = now or datetime.now()
    kept = None
    if paths.db_path.exists():
        try:
            conn = sqlite3.connect(str(paths.db_path))
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("damaged")
                kept = create_backup(conn, paths, kind="restore", now=now)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            set_aside_damaged(paths.db_path, now)
    try:
        with zipfile.ZipFile(file) as archive, \
                tempfile.TemporaryDirectory(dir=paths.data_dir) as tmp:
            archive.extract(DB_NAME, tmp)
            partial = paths.db_path.with_name(paths.db_path.name + ".restore-part")
            paths.db_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(tmp) / DB_NAME, partial)
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            for suffix in ("-wal", "-shm"):
                Path(f"{paths.db_path}{suffix}").unlink(missing_ok=True)
            os.replace(partial, paths.db_path)
            for name in archive.namelist():
                if name.startswith(f"{ATTACHMENTS}/") and not name.endswith("/"):
                    target = paths.attachments_dir / name[len(ATTACHMENTS) + 1:]
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(archive.read(name))
    except OSError as exc:
        raise BackupError(f"恢复时无法写入数据文件夹：{exc.strerror or exc}。") from None
    return kept


def set_aside_damaged(db_path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (never delete it) so a good copy can take its place."""
    now = now or datetime.now()
    target = db_path.with_name(f"{db_path.stem}-已损坏-{now:%Y%m%d-%H%M%S}{db_path.suffix}")
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    return target


def newest_good_backup(paths: AppPaths) -> Path | None:
    if not paths.backups_dir.exists():
        return None
    for path in sorted(paths.backups_dir.glob("*.zip"), key=lambda p: p.stat().st_mtime,
                       reverse=True):
        try:
            verify_backup(path)
        except BackupError:
            continue
        return path
    return None
