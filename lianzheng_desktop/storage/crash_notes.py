"""What a restore or a backup killed half-way tells the next start.

A restore keeps a short note beside the data (``.<stem>-恢复中-经过.json``) from its start
to its end: which backup, where the 恢复前备份 went, and whether the swap had begun. The
next open (``opening_guards.tidy_after_a_crash``) reads it and says, once, whether the data
is now the backup's or unchanged, and where the data from before is — nothing else on
disk tells a restore finished a moment before the kill from one never begun.

A backup into another folder (a USB stick) notes that folder beside the data
(``.<stem>-备份中.json``) while it writes; the next open removes the backup's own
temporary files there (never anything else) and says the backup was not finished.

The next open's sentences wait in ``take_notices()`` for the command line or the window.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from lianzheng_desktop.paths import AppPaths

_NOTICES: list[str] = []
# SQLite's files beside a database copy being written (a backup's ``….zip.db.part``)
SIDECARS = ("-journal", "-wal", "-shm")


def take_notices() -> list[str]:
    """The sentences the last opens left to say; said once."""
    found = list(_NOTICES)
    _NOTICES.clear()
    return found


def restore_note(paths: AppPaths) -> Path:
    return paths.data_dir / f".{paths.db_path.stem}-恢复中-经过.json"


def backup_note(paths: AppPaths) -> Path:
    return paths.data_dir / f".{paths.db_path.stem}-备份中.json"


def _write(path: Path, content: dict) -> None:
    """Best effort: a note that cannot be written only costs the next start's sentence."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _read(path: Path) -> dict | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def restore_step(paths: AppPaths, **step) -> None:
    """Add to the restore's note: ``source`` (starting), ``kept`` (the 恢复前备份 made),
    ``applying=True`` (the journal is written: from now on the data is the backup's)."""
    note = restore_note(paths)
    _write(note, step if "source" in step else {**(_read(note) or {}), **step})


def _remove(note: Path) -> None:
    """The note and the half-written one a kill inside ``_write`` may have left."""
    for path in (note, note.with_name(note.name + ".part")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def restore_over(paths: AppPaths) -> None:
    """The restore has ended and its caller says so: no note is left."""
    _remove(restore_note(paths))


def after_a_restore(paths: AppPaths, finished_now: bool) -> None:
    """At the next open: say what the restore cut short did (``finished_now``: its journal
    was there and the restore has just been completed)."""
    note_path = restore_note(paths)
    note = _read(note_path)
    if note is None and not finished_now:
        _remove(note_path)  # a note half-written when the kill came: nothing to say
        return
    note = note or {}
    source = f"“{note['source']}”" if note.get("source") else ""
    kept = note.get("kept")
    where = f"恢复前的数据已备份到“{kept}”。" if kept else ""
    if finished_now:
        _NOTICES.append(f"上次从备份{source}恢复时，恢复没有做完（软件被关闭或中途出错）；"
                        f"现已把恢复做完，现在的数据是备份中的数据。{where}")
    elif note.get("applying"):
        _NOTICES.append(f"上次从备份{source}恢复已经完成（软件在显示结果前被关闭），"
                        f"现在的数据是备份中的数据。{where}")
    else:
        _NOTICES.append(f"上次从备份{source}恢复时，软件在开始替换数据之前被关闭，恢复没有进行，"
                        "数据保持恢复前的样子。如仍要恢复，请重新操作。"
                        + (f"（恢复前做的备份“{kept}”可以保留。）" if kept else ""))
    restore_over(paths)


def backup_into(paths: AppPaths, folder: Path) -> None:
    """A backup into ``folder`` (not the backups folder) begins."""
    note = backup_note(paths)
    found = _read(note) or {}
    folders = sorted(set(found.get("folders", [])) | {str(Path(folder).absolute())})
    _write(note, {"folders": folders})


def backup_into_over(paths: AppPaths, folder: Path) -> None:
    note = backup_note(paths)
    found = _read(note)
    if found is None:
        return
    left = [f for f in found.get("folders", []) if f != str(Path(folder).absolute())]
    if left:
        _write(note, {"folders": left})
    else:
        with contextlib.suppress(OSError):
            note.unlink(missing_ok=True)


def after_a_backup(paths: AppPaths) -> None:
    """At the next open: tidy the folders a killed backup was writing into."""
    note = backup_note(paths)
    found = _read(note)
    if found is None:
        _remove(note)  # unreadable or half-written: nothing to go by
        return
    waiting = []
    for folder in map(Path, found.get("folders", [])):
        if not folder.is_dir():
            waiting.append(str(folder))  # the USB stick is not in: next time
            continue
        removed = remove_unfinished(folder)
        if removed:
            _NOTICES.append(f"上次备份到“{folder}”时软件被关闭，那份备份没有完成，"
                            f"已删除它留下的 {len(removed)} 个临时文件。请重新备份一次。")
    if waiting:
        _write(note, {"folders": waiting})
    else:
        _remove(note)


def remove_unfinished(folder: Path) -> list[Path]:
    """A killed backup's own temporary files in ``folder``: ``廉政台账…zip.part``,
    ``…zip.db.part`` no living process holds, and SQLite's files beside such a copy
    (``….part-journal``, ``-wal``, ``-shm``) once the copy is gone. Nothing else."""
    from lianzheng_desktop.storage.backup import remove_leftovers

    removed = remove_leftovers(folder)
    try:
        names = {e.name for e in os.scandir(folder)}
    except OSError:
        return removed
    for name in sorted(names):
        if not name.startswith("廉政台账"):
            continue
        for sidecar in SIDECARS:
            base = name.removesuffix(sidecar)
            if base != name and base.endswith(".part") and base not in names:
                path = folder / name
                try:
                    path.unlink()
                except OSError:
                    continue
                removed.append(path)
    return removed
