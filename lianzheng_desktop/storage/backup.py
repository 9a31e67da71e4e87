"""Backups and restore. A backup is one .zip a secretary can copy to a USB stick:
the database copied with SQLite's backup API (consistent even while in use), every
attachment, and a manifest with the schema, the counts and SHA-256 hashes. A restore
checks all of that before it replaces anything, and keeps the current data first.
What goes into the .zip, and its writing: ``storage.backup_contents``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import anchor, lock
from lianzheng_desktop.storage.backup_contents import (
    copy_database,
    file_sha256,
    files_of,
    printed_copies,
    table_counts,
    unit_name,
    write_zip,
)
from lianzheng_desktop.storage.errors import circumstance_text, os_error_text
from lianzheng_desktop.storage.manifest import BackupError, origin

KEEP_DAILY = 30
KEEP_MONTHLY = 24
KINDS = {"daily": "自动备份", "manual": "备份", "restore": "恢复前备份",
         "migration": "升级前备份", "closing": "关闭时备份", "trash": "清空回收站前备份"}
SHOWN_STUCK = 3  # old backups that could not be deleted, named in the notice


class IncompleteBackupError(BackupError):
    """The backup was written, but without attachments that are missing or changed."""

    def __init__(self, path: Path, bad: list[str], elsewhere: str | None = None):
        self.path, self.bad = path, bad
        super().__init__(
            f"已备份到“{path}”，但有 {len(bad)} 份佐证材料的文件不在本数据文件的佐证材料"
            f"文件夹中，没有放进备份。{elsewhere}" if elsewhere else
            f"已备份到“{path}”，但有 {len(bad)} 份佐证材料的文件已丢失或与录入时不一致，"
            "没有放进备份。请用“检查数据”查看是哪些材料，并从更早的备份恢复。")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    migrations: list[str]
    counts: dict[str, int]
    db_file: str | None = None  # the data file it was taken from (older backups: None)
    unit: str | None = None  # the unit's name then (older backups: None)


def remove_leftovers(folder: Path) -> list[Path]:
    """Temporary files of killed backups in ``folder`` (unheld ``.part`` files): removed."""
    removed: list[Path] = []
    try:
        candidates = [Path(e.path) for e in os.scandir(folder)
                      if e.name.startswith("廉政台账") and e.name.endswith(".part")]
    except OSError:
        return removed
    for path in candidates:
        if lock.remove_if_abandoned(path):
            removed.append(path)
    return removed


def create_backup(conn: sqlite3.Connection, paths: AppPaths, *, folder: Path | None = None,
                  kind: str = "manual", now: datetime | None = None,
                  say: Callable[[str], None] | None = None) -> Path:
    """Write a backup .zip into ``folder`` (the backups folder by default); return it.

    Only attachments the database has a row for are recorded, each checked against its
    hash as it is written: a file missing or changed is left out of the backup (which is
    still written) and ``IncompleteBackupError`` names it. Files left under the data file's
    old name are taken over first (``storage.attachment_home``; ``say`` hears of it).
    """
    from lianzheng_desktop.storage.attachment_home import settle

    moved = settle(conn, paths)
    if moved and not moved.elsewhere and say is not None:
        say(moved.notice)  # (files still elsewhere: said with the incomplete backup)
    now = now or datetime.now()
    folder = Path(folder or paths.backups_dir)
    target = _free_name(folder / f"廉政台账{KINDS[kind]}-{now:%Y%m%d-%H%M%S}.zip")
    partial = target.with_name(target.name + ".part")
    copy = target.with_name(target.name + ".db.part")
    held: list[int] = []
    from lianzheng_desktop.storage import crash_notes

    elsewhere = folder != Path(paths.backups_dir)  # a USB stick: tidied by the next start
    if elsewhere:
        crash_notes.backup_into(paths, folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        crash_notes.remove_unfinished(folder)
        held.append(lock.hold(copy))
        copy_database(conn, copy)
        snapshot = sqlite3.connect(str(copy))
        try:
            names = [r[0] for r in snapshot.execute("SELECT name FROM schema_migration"
                                                    " ORDER BY name")]
            counts = table_counts(snapshot)
            wanted, extra = files_of(snapshot, paths.attachments_dir)
            printed = printed_copies(snapshot)
            unit = unit_name(snapshot)
            audit_head = anchor.advance(snapshot, paths)  # kept beside the data, and here
        finally:
            snapshot.close()
        db_sha = file_sha256(copy)
        held.append(lock.hold(partial))
        header = {"app": "lianzheng", "created": now.isoformat(timespec="seconds"),
                  "db_file": paths.db_path.name, "unit": unit, "migrations": names,
                  "counts": counts, "db_sha256": db_sha, "audit_head": audit_head}
        bad = write_zip(partial, copy, paths.attachments_dir, {**extra, **wanted}, header,
                        printed)
        if bad:  # rare: write again without the files that failed their hash
            os.truncate(partial, 0)
            trashed = set(extra)
            wanted = {rel: sha for rel, sha in wanted.items() if rel not in bad}
            extra = {rel: sha for rel, sha in extra.items() if rel not in bad}
            if write_zip(partial, copy, paths.attachments_dir, {**extra, **wanted}, header,
                         printed):
                raise BackupError("备份时佐证材料的文件正被改动，备份未完成，请稍后重试。")
            bad = [rel for rel in bad if rel not in trashed]  # 回收站's: carried if intact
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as exc:
        raise BackupError(f"无法把备份写入“{folder}”：{os_error_text(exc)}。"
                          "请检查该文件夹（或U盘）是否可写、空间是否足够。") from None
    except sqlite3.Error as exc:
        raise BackupError(f"无法把备份写入“{folder}”：{circumstance_text(exc)}。"
                          "数据本身不受影响。") from None
    finally:
        for fd in held:
            if fd >= 0:
                os.close(fd)
        for leftover in (copy, partial):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if elsewhere:
            crash_notes.backup_into_over(paths, folder)
    if bad:
        notice = moved.notice if moved is not None and set(bad) <= moved.elsewhere else None
        raise IncompleteBackupError(target, bad, notice)
    return target


def _free_name(target: Path) -> Path:
    """Two backups within one second (备份到… twice) keep both: ~2, ~3 … after the time."""
    number = 1
    while target.exists():
        number += 1
        target = target.with_name(f"{target.stem.split('~')[0]}~{number}{target.suffix}")
    return target


def _daily_files(folder: Path) -> list[tuple[date, Path]]:
    prefix = f"廉政台账{KINDS['daily']}-"
    found = []
    for path in folder.glob(f"{prefix}*.zip"):
        try:
            stamp = path.stem[len(prefix):].split("~")[0]  # ~2: a second one that second
            found.append((datetime.strptime(stamp, "%Y%m%d-%H%M%S").date(), path))
        except ValueError:
            continue
    return sorted(found)


def rotate(folder: Path, ours: Callable[[Path], bool] = lambda path: True,
           made: Path | None = None) -> Rotated:
    """Keep the newest 30 daily backups, ``made`` (the one just made), and the first of
    each of the last 24 months that have a backup made before it.

    Months are counted by the backups, not by the clock's date: one start with the PC's
    clock set years ahead had every monthly backup "over two years old" and deleted at once
    (revloss4 L1). So the backup just made counts no month of its own, and one set behind
    leaves whatever is dated after it. Only the backups ``ours`` accepts are counted and
    deleted: the default file's folder is the one older versions shared, where other
    files' backups may still lie. A backup that cannot be deleted (held open by Explorer,
    an antivirus or WPS on Windows) is left for next time and the rest are still removed.
    """
    files = [(day, path) for day, path in _daily_files(folder) if ours(path)]
    before = [(day, path) for day, path in files if path != made]
    now = next((day for day, path in files if path == made), files[-1][0] if files else None)
    keep = {path for _, path in files[-KEEP_DAILY:]} | ({made} if made else set())
    keep.update(path for day, path in before if now is not None and day > now)
    first_of_month: dict[tuple[int, int], Path] = {}
    for day, path in before:
        if now is not None and day <= now:
            first_of_month.setdefault((day.year, day.month), path)
    keep.update(path for _, path in sorted(first_of_month.items())[-KEEP_MONTHLY:])
    removed, stuck = [], []
    for _, path in files:
        if path not in keep:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                stuck.append(path)
                continue
            removed.append(path)
    return Rotated(removed, stuck)


@dataclass(frozen=True)
class Rotated:
    removed: list[Path]
    stuck: list[Path]  # due to go but could not be deleted: tried again next time

    def notice(self) -> str | None:
        """One Chinese sentence about the backups left behind; None when there are none."""
        if not self.stuck:
            return None
        names = "、".join(f"“{path.name}”" for path in self.stuck[:SHOWN_STUCK])
        more = f"等{len(self.stuck)}份" if len(self.stuck) > SHOWN_STUCK else ""
        return (f"今天的自动备份已完成。有{len(self.stuck)}份过期的旧备份无法删除（可能正被其他"
                f"程序打开），暂时留在备份文件夹中：{names}{more}；其余过期备份已照常清理。"
                f"关闭打开{'它' if len(self.stuck) == 1 else '它们'}的程序后，下次启动时会再删除。")


def daily_backup(conn: sqlite3.Connection, paths: AppPaths, now: datetime | None = None,
                 before: Callable[[], None] | None = None,
                 say: Callable[[str], None] | None = None) -> Path | None:
    """The first start of each day backs up (and rotates); later starts do nothing.

    ``before`` runs first when a backup is due (the integrity check: a damaged file is
    not backed up over good backups). ``say`` is given the Chinese notice when old backups
    due to go could not be deleted (the backup itself was made).
    """
    now = now or datetime.now()
    folder = paths.backups_dir
    if folder.exists() and any(day == now.date() and _taken_from(path, paths)
                               for day, path in _daily_files(folder)):
        return None
    if before is not None:
        before()
    # An incomplete backup raises before the rotation: older backups that still hold the
    # missing or changed attachment's good copy are kept.
    path = create_backup(conn, paths, kind="daily", now=now, say=say)
    notice = rotate(folder, lambda backup: _taken_from(backup, paths), path).notice()
    if notice and say is not None:
        say(notice)
    return path


def _taken_from(path: Path, paths: AppPaths) -> bool:
    """Whether the backup ``path`` was taken from this data file. Backups that do not say
    count as this file's; a folder shared with another file by older versions holds
    backups of that file too, which do not count."""
    found = origin(path)
    return found is None or found[0] in (None, paths.db_path.name)


def backups_of(paths: AppPaths) -> list[Path]:
    """This data file's backups, newest first: those in its own folder, and those it left
    in the folder older versions shared between data files."""
    found = [path for path in paths.backups_dir.glob("*.zip") if _taken_from(path, paths)] \
        if paths.backups_dir.is_dir() else []
    shared = paths.shared_backups_dir
    if shared != paths.backups_dir and shared.is_dir():
        found += [path for path in shared.glob("*.zip")
                  if (origin(path) or (None, None))[0] == paths.db_path.name]
    return sorted(found, key=_made, reverse=True)


def _made(path: Path) -> tuple[float, float]:
    """When a backup was made, by its manifest: a backup copied in from a USB stick bears
    the day it was copied as its file time (revloss7 W2: an older one offered as 最近的);
    of two made in one second, the one written last."""
    from lianzheng_desktop.storage.manifest import made_at

    made, written = made_at(path), path.stat().st_mtime
    return (made.timestamp() if made is not None else written, written)


def verify_backup(file: Path, work_dir: Path | None = None) -> BackupInfo:
    """Check a backup through and through; BackupError says in Chinese what is wrong.

    Nothing is read whole: the database is streamed to a temporary file and checked there,
    attachments are hashed as they stream past.
    """
    from lianzheng_desktop.storage.manifest import checked_archive

    with checked_archive(Path(file), work_dir) as (manifest, _archive, _db_copy):
        pass
    return BackupInfo(Path(file), manifest.created, manifest.migrations, manifest.counts,
                      manifest.db_file, manifest.unit)


def restore(file: Path, paths: AppPaths, now: datetime | None = None) -> Path | None:
    """Replace the data with the backup ``file``; see ``storage.restore``."""
    from lianzheng_desktop.storage.restore import restore as run

    return run(Path(file), paths, now)


def newest_good_backup(paths: AppPaths) -> Path | None:
    for path in backups_of(paths):
        try:
            verify_backup(path)
        except BackupError:
            continue
        return path
    return None


def daily_backup_of(store, paths: AppPaths,
                    say: Callable[[str], None] | None = None) -> Path | None:
    """The day's first backup of ``store``'s file, after its write guard (the check)."""
    return daily_backup(store.db.conn, paths, before=store.before_write, say=say)


def backup_of(store, paths: AppPaths, folder: Path) -> Path:
    """A full backup of ``store``'s file (data and attachments) into ``folder`` (a USB stick)."""
    return create_backup(store.db.conn, paths, folder=folder)
