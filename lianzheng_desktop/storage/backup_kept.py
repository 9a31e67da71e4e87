"""Backups made at a moment of the day's work, of which the latest few are kept: when the
window closes after changes, and before 回收站 is emptied (the daily one and 备份到… are
``storage.backup``'s)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.backup import (
    KINDS,
    IncompleteBackupError,
    _taken_from,
    create_backup,
)

KEEP_CLOSING = 3  # the day's work, backed up when the window closes: the latest few
KEEP_TRASH = 5  # what 回收站 held when emptied: the latest few


def closing_backup(store, paths: AppPaths, since: tuple,
                   now: datetime | None = None) -> Path | None:
    """When the window closes after a session that changed anything (``store``'s change
    mark moved from ``since``): a backup of the day's work, which the day's first-start
    backup does not hold. The newest KEEP_CLOSING are kept; None when nothing changed."""
    if tuple(store.change_mark()) == tuple(since):
        return None
    return _kept_latest(store, paths, "closing", KEEP_CLOSING, now)


def trash_backup(store, paths: AppPaths, now: datetime | None = None) -> Path:
    """Before 回收站 is emptied: a backup holding what it holds, so a record deleted since
    the last backup can still be found (revloss2 H-2: "已做的备份中仍有" was not so for a
    record entered and deleted that day). The newest KEEP_TRASH are kept. A backup made
    without a record's missing file still holds everything of 回收站 (revdiff7 F3: one
    lost 签到表 made it impossible to empty, and each try left a backup never pruned)."""
    try:
        return _kept_latest(store, paths, "trash", KEEP_TRASH, now)
    except IncompleteBackupError as exc:
        return exc.path


def _kept_latest(store, paths: AppPaths, kind: str, keep: int,
                 now: datetime | None) -> Path:
    """A backup of ``kind`` made now; of the earlier ones the newest ``keep`` - 1 stay. The
    one just made always stays, even when the clock was set back behind an earlier one
    (revloss3 TB-1: it sorted first by its name and was deleted at once)."""
    made: Path | None = None
    try:
        made = create_backup(store.db.conn, paths, kind=kind, now=now)
        return made
    except IncompleteBackupError as exc:  # an incomplete backup was made too: it stays,
        made = exc.path  # and the oldest still go
        raise
    finally:
        prefix = f"廉政台账{KINDS[kind]}-"
        earlier = sorted((p for p in paths.backups_dir.glob(f"{prefix}*.zip")
                          if _taken_from(p, paths) and p != made), key=lambda p: p.name)
        for old in earlier[:max(0, len(earlier) - (keep - 1 if made else keep))]:
            with contextlib.suppress(OSError):  # held open elsewhere (Windows): next time
                old.unlink(missing_ok=True)
