"""Restore as a transaction, with the backup's manifest as law.

1. *Stage.* Every member the manifest names is streamed into a staging folder beside the
   data and checked against its hash (the database also against SQLite's integrity check
   and this version's migrations). Nothing else in the zip is accepted.
2. *Keep.* The current data is backed up first (a 恢复前备份); a damaged file is set aside
   under a new name instead. If the current data cannot be kept — the disk is full, the
   file is locked — the restore is refused and nothing has changed.
3. *Commit.* A journal naming what is to move is written and synced; then the database and
   the attachments are moved into place by renames. A restore cut short at any point is
   finished from the journal on the next open (or, without a journal, its staging is
   simply removed: nothing had been replaced).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import crash_notes, errors
from lianzheng_desktop.storage.manifest import (
    ATTACHMENTS,
    DB_NAME,
    PRINTED,
    BackupError,
    Manifest,
    attachment_target,
    extract,
    stream_member,
)


def staging_dir(paths: AppPaths) -> Path:
    return paths.data_dir / f".{paths.db_path.stem}-恢复中"


def journal_path(paths: AppPaths) -> Path:
    return paths.data_dir / f".{paths.db_path.stem}-恢复中.json"


def _sha256(path: Path) -> str | None:
    from lianzheng_desktop.storage.attachments import sha256_of

    try:
        return sha256_of(path)
    except OSError:
        return None


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    kept: Path | None  # the 恢复前备份 of the data that was replaced
    set_aside: Path | None  # where a damaged file was moved
    printed_missing: list[str] = field(default_factory=list)  # report copies not put back


def current_unit(paths: AppPaths) -> str | None:
    """The unit name in the data file as it is now (read only); None if it cannot be read."""
    from lianzheng_desktop.storage.backup_contents import unit_name

    if not paths.db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{paths.db_path.as_uri()}?mode=ro", uri=True)
        try:
            return unit_name(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def origin_warning(db_file: str | None, unit: str | None, paths: AppPaths,
                   unit_now: str | None) -> str | None:
    """In Chinese, how a backup's origin differs from the data it would replace; None
    when it came from this file and this unit (or does not say: older backups)."""
    notes = []
    if db_file and db_file != paths.db_path.name:
        notes.append(f"这份备份来自数据文件“{db_file}”，而现在打开的是“{paths.db_path.name}”。")
    if unit and unit_now and unit != unit_now:
        notes.append(f"备份中是“{unit}”的数据，而现在的数据属于“{unit_now}”。")
    if not notes:
        return None
    return "".join(notes) + "恢复后，现在的数据会整个换成备份中的数据。"


def restore(file: Path, paths: AppPaths, now: datetime | None = None) -> Path | None:
    """Replace the database and add the attachments from ``file``; see the module's doc.

    Call with no connection to the database open. Returns the 恢复前备份, if one was made.
    """
    return restore_backup(file, paths, now).kept


def restore_backup(file: Path, paths: AppPaths, now: datetime | None = None,
                   told_later: bool = False) -> Restored:
    """``told_later``: the caller says the restore is done in a message she must close, and
    removes its note then (``crash_notes.restore_over``): a kill while that message is up
    leaves the note, and the next start says the restore was done (revclose4 6)."""
    now = now or datetime.now()
    staging = staging_dir(paths)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = errors.os_error_text(exc)
        raise BackupError(f"没有恢复：无法创建数据文件夹（{why}）。") from None
    finish_interrupted_restore(paths)
    crash_notes.restore_step(paths, source=str(file))  # a kill from here on is told next start
    try:
        manifest = _stage(file, paths, staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        crash_notes.restore_over(paths)
        raise BackupError(f"没有恢复：无法在数据文件夹中准备恢复（{errors.os_error_text(exc)}）。"
                          "现有数据未作任何改动。") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        crash_notes.restore_over(paths)
        raise
    try:
        kept, aside = _keep_current(paths, now)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        crash_notes.restore_over(paths)
        raise
    crash_notes.restore_step(paths, kept=str(kept) if kept else None)
    attachments = sorted(str(p.relative_to(staging / ATTACHMENTS).as_posix())
                         for p in (staging / ATTACHMENTS).rglob("*") if p.is_file()) \
        if (staging / ATTACHMENTS).is_dir() else []
    retired = _not_in(paths.attachments_dir, set(manifest.attachments) | _needed(staging))
    try:
        _write_journal(paths, {
            "set_aside": aside.name if aside else None, "attachments": attachments,
            "retire": retired,
            "retire_to": f"{paths.attachments_dir.name}-恢复前-{now:%Y%m%d-%H%M%S}",
            # a restore cut short and finished at the next open puts these back too
            "printed_from": str(file.resolve()), "printed": manifest.printed or {}})
        crash_notes.restore_step(paths, applying=True)  # the journal is there: it will be
        _apply(paths)
    except OSError as exc:
        if not journal_path(paths).exists():  # nothing replaced: said now, not next start
            crash_notes.restore_over(paths)
        raise BackupError(f"恢复没有完成（{errors.os_error_text(exc)}）。下次打开软件时会自动"
                          "把恢复做完；现有数据已备份，不会丢失。") from None
    done = Restored(manifest, kept, aside, _put_back_printed(file, manifest.printed, paths))
    if not told_later:
        crash_notes.restore_over(paths)  # the caller says it now
    return done


def _put_back_printed(file: Path, printed: dict[str, str] | None, paths: AppPaths) -> list[str]:
    """The copies of the reports handed in, into this folder's 报告/打印留存; where a file of
    that name is another one, under “<校验码前8位>-name” (where kept_file looks). They are
    copies, not the data: one that cannot be written is named in the answer, and the
    restore stands."""
    folder = paths.reports_dir / PRINTED
    failed = []
    for rel, digest in (printed or {}).items():
        try:
            target = attachment_target(folder, rel)
            if target.exists() and _sha256(target) != digest:
                target = attachment_target(folder, f"{digest[:8]}-{rel}")
            if target.exists():
                if _sha256(target) != digest:
                    failed.append(rel)
                continue
            folder.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(file) as archive:
                if stream_member(archive, f"{PRINTED}/{rel}", target) != digest:
                    target.unlink(missing_ok=True)
                    failed.append(rel)
        except (OSError, BackupError, KeyError, zipfile.BadZipFile):
            failed.append(rel)
    return failed


def _stage(file: Path, paths: AppPaths, staging: Path) -> Manifest:
    shutil.rmtree(staging, ignore_errors=True)
    _refuse_without_space(file, paths)
    staging.mkdir()

    def attachment_dest(rel: str, sha: str) -> Path | None:
        final = attachment_target(paths.attachments_dir, rel)
        if final.is_file() and _sha256(final) == sha:
            return None  # already in place: only checked
        return attachment_target(staging / ATTACHMENTS, rel)

    manifest = extract(file, staging / DB_NAME, attachment_dest)
    _sync_tree(staging)
    return manifest


def _refuse_without_space(file: Path, paths: AppPaths) -> None:
    """Refuse at once when the members still to be written cannot fit on the disk."""
    try:
        with zipfile.ZipFile(file) as archive:
            needed = 0
            for info in archive.infolist():
                name = info.filename.removeprefix(f"{ATTACHMENTS}/")
                try:
                    target = attachment_target(paths.attachments_dir, name)
                    if target.is_file() and target.stat().st_size == info.file_size:
                        continue
                except BackupError:
                    pass  # refused with its reason when the manifest is read
                needed += info.file_size
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # said properly when the backup is read
    free = shutil.disk_usage(paths.data_dir).free
    if needed > free:
        raise BackupError(
            f"没有恢复：磁盘空间不足（恢复需要约 {needed / 2**20:.0f} MB，"
            f"现有 {free / 2**20:.0f} MB）。请清理磁盘后重试，现有数据未作任何改动。")


def _needed(staging: Path) -> set[str]:
    """The files the restored data names, 回收站's included: one an older backup left
    out (of a record in 回收站) stays where it is, not moved aside (revloss2 H-3)."""
    from lianzheng_desktop.storage.attachments import kept_files

    conn = sqlite3.connect(f"file:{staging / DB_NAME}?mode=ro", uri=True)
    try:
        return set(kept_files(conn))
    except sqlite3.Error:
        return set()
    finally:
        conn.close()


def _not_in(folder: Path, named: set[str]) -> list[str]:
    """Files in the attachments folder that the backup does not name: they are moved aside
    (never deleted), so the restored folder holds exactly what the restored data knows."""
    if not folder.is_dir():
        return []
    return sorted(rel for rel in (p.relative_to(folder).as_posix()
                                  for p in folder.rglob("*") if p.is_file())
                  if rel not in named)


def _keep_current(paths: AppPaths, now: datetime) -> tuple[Path | None, Path | None]:
    """(the 恢复前备份, or where a damaged file will be set aside); refuse if neither."""
    from lianzheng_desktop.storage.backup import IncompleteBackupError, create_backup

    db_path = paths.db_path
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, None
    aside = db_path.with_name(f"{db_path.stem}-已损坏-{now:%Y%m%d-%H%M%S}{db_path.suffix}")
    try:
        from lianzheng_desktop.storage.db import BUSY_TIMEOUT

        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None, aside
            try:
                return create_backup(conn, paths, kind="restore", now=now), None
            except IncompleteBackupError as exc:  # the data is kept; lost files stay lost
                return exc.path, None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if errors.is_damage(exc):
            return None, aside
        why = errors.circumstance_text(exc)
    except BackupError as exc:
        why = str(exc).rstrip("。")
    raise BackupError(f"没有恢复：恢复前必须先备份现有数据，但现在无法备份（{why}）。"
                      "为免丢失，现有数据未作任何改动；请排除上述情况后重试。")


def _write_journal(paths: AppPaths, content: dict) -> None:
    path = journal_path(paths)
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump(content, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    _sync_dir(paths.data_dir)


def _apply(paths: AppPaths) -> None:
    """Move the staged files into place; safe to run again after being cut short."""
    journal = json.loads(journal_path(paths).read_text(encoding="utf-8"))
    staging, db_path = staging_dir(paths), paths.db_path
    staged_db = staging / DB_NAME
    if staged_db.exists():
        aside = db_path.with_name(journal["set_aside"]) if journal.get("set_aside") else None
        if aside is not None and db_path.exists():
            os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):  # never let an old log meet the restored file
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                if aside is not None:
                    os.replace(side, Path(f"{aside}{suffix}"))
                else:
                    side.unlink()
        os.replace(staged_db, db_path)
    retire_to = paths.data_dir / journal.get("retire_to", "")
    for rel in journal.get("retire", []):  # files the restored data has no row for
        source = attachment_target(paths.attachments_dir, rel)
        if source.exists():
            target = attachment_target(retire_to, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for rel in journal.get("attachments", []):
        source = attachment_target(staging / ATTACHMENTS, rel)
        if source.exists():
            target = attachment_target(paths.attachments_dir, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            _sync_dir(target.parent)
    _sync_dir(paths.data_dir)
    from lianzheng_desktop.storage import anchor

    anchor.reset(paths)  # the restored chain is the one to hold to from now on
    journal_path(paths).unlink()
    shutil.rmtree(staging, ignore_errors=True)


def finish_interrupted_restore(paths: AppPaths) -> bool:
    """Finish a restore cut short (journal written) or drop its staging (none written).

    Also removes temporary files left by killed backups. True if a restore was finished.
    """
    finished = False
    if journal_path(paths).exists():
        try:
            journal = json.loads(journal_path(paths).read_text(encoding="utf-8"))
            _apply(paths)
        except (OSError, ValueError, KeyError) as exc:
            why = errors.os_error_text(exc) if isinstance(exc, OSError) else "恢复记录已损坏"
            raise BackupError(f"上次从备份恢复没有完成，现在也无法完成（{why}）。"
                              "请联系维护人员，现有文件都未删除。") from None
        finished = True
        if journal.get("printed") and journal.get("printed_from"):
            # the copies of reports handed in; one not put back (the backup on a USB
            # stick since taken out) is named on the report page as not found
            _put_back_printed(Path(journal["printed_from"]), journal["printed"], paths)
    else:
        shutil.rmtree(staging_dir(paths), ignore_errors=True)
    Path(f"{journal_path(paths)}.part").unlink(missing_ok=True)
    from lianzheng_desktop.storage.anchor import anchor_path

    Path(f"{anchor_path(paths)}.part").unlink(missing_ok=True)
    from lianzheng_desktop.storage.verified import record_path

    Path(f"{record_path(paths)}.part").unlink(missing_ok=True)
    Path(f"{paths.db_path}.restore-part").unlink(missing_ok=True)  # older versions' temp
    for folder in (paths.data_dir, paths.backups_dir):
        crash_notes.remove_unfinished(folder)  # killed backups' (and their copies' SQLite files)
        _remove_check_leftovers(folder)
    return finished


def _remove_check_leftovers(folder: Path) -> None:
    from lianzheng_desktop.storage.opening_guards import is_old_check_copy

    try:
        leftovers = [Path(e.path) for e in os.scandir(folder)
                     if e.name.startswith(".lianzheng-检查-") or is_old_check_copy(Path(e.path))]
    except OSError:
        return
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def _sync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows has no directory fsync; NTFS journals its renames
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_tree(root: Path) -> None:
    for folder, _dirs, _files in os.walk(root):
        _sync_dir(Path(folder))
