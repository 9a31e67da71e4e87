"""When the whole-file integrity check runs: not on every open, yet before every write.

After a check passes, the file's size, modification time and identity (and its WAL's) are
kept beside it (``<name>-已检查.json``). A later open compares: while they are unchanged and
the check is less than a day old, the file is known sound and nothing is checked again.
Otherwise the check runs before the first write (``Guard``) — commands that only read never
wait for it — and always on ``check``, before a migration and before the day's backup.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from lianzheng_desktop.paths import AppPaths

MAX_AGE = timedelta(days=1)
RACY_NS = 2 * 10**9  # a file changed less than this before its check is checked again


def record_path(paths: AppPaths) -> Path:
    return paths.data_dir / f"{paths.db_path.stem}-已检查.json"


def stamp(paths: AppPaths) -> dict | None:
    """What identifies the file's present state; None if it cannot be read."""
    try:
        main = os.stat(paths.db_path)
    except OSError:
        return None
    found = {"size": main.st_size, "mtime_ns": main.st_mtime_ns, "ino": main.st_ino}
    try:
        wal = os.stat(f"{paths.db_path}-wal")
    except OSError:
        return found
    if wal.st_size:  # an empty WAL (made anew by every first open) holds nothing
        found.update(wal_size=wal.st_size, wal_mtime_ns=wal.st_mtime_ns)
    return found


def is_fresh(paths: AppPaths, now: datetime | None = None) -> bool:
    """Whether a check passed on the file as it is now, less than a day ago."""
    try:
        kept = json.loads(record_path(paths).read_text(encoding="utf-8"))
        checked_at = datetime.fromisoformat(kept["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    now = now or datetime.now()
    return kept.get("stamp") == stamp(paths) and now - MAX_AGE < checked_at <= now


def remember(paths: AppPaths, state: dict | None, now: datetime | None = None) -> None:
    """Keep ``state`` (taken before the check began) as the file's verified state."""
    if state is None:
        return
    latest = max(state["mtime_ns"], state.get("wal_mtime_ns", 0))
    if latest > time.time_ns() - RACY_NS:
        # Changed a moment ago: a change within the same clock tick would keep the same
        # time (file times move in steps of a few milliseconds), so do not vouch for it.
        return
    path = record_path(paths)
    partial = path.with_name(path.name + ".part")
    content = {"stamp": state, "at": (now or datetime.now()).isoformat(timespec="seconds")}
    try:
        partial.write_text(json.dumps(content), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)  # only costs a check next time


def forget(paths: AppPaths) -> None:
    record_path(paths).unlink(missing_ok=True)


def ensure_checked(conn: sqlite3.Connection, paths: AppPaths) -> None:
    """Run the integrity check unless the file is known sound; DamagedDatabaseError if not."""
    from lianzheng_desktop.storage.db import check_integrity

    if is_fresh(paths):
        return
    state = stamp(paths)
    try:
        check_integrity(conn, paths.db_path)
    except Exception:
        forget(paths)
        raise
    remember(paths, state)


class Guard:
    """A store's ``before_write``: the check, once, before the first write of the process."""

    def __init__(self, conn: sqlite3.Connection, paths: AppPaths):
        self._conn, self._paths, self._passed = conn, paths, False

    def __call__(self) -> None:
        if self._passed:
            return
        try:
            ensure_checked(self._conn, self._paths)
        except sqlite3.Error as exc:
            from lianzheng_desktop.storage.db import fault

            raise fault(exc, self._paths.db_path) from None
        self._passed = True


def guard_writes(store, paths: AppPaths) -> None:
    """Make ``store`` run the whole-file check (once) before its first write."""
    store.before_write = Guard(store.db.conn, paths)
