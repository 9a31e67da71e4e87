"""An Excel import under way, marked in the data file so that a kill or a power cut mid-way
is told at the next start.

``begin`` writes the mark in a transaction of its own before the import's rows; ``clear``
removes it inside the import's one transaction, so the mark and the rows land together or
not at all: a mark found later always means that nothing of that import was written.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import verified
from lianzheng_desktop.storage.store import Store


@dataclass(frozen=True)
class Unfinished:
    file: Path  # the workbook being imported
    started_at: datetime


def begin(store: Store, workbook: Path) -> None:
    """Mark an import of ``workbook`` as begun (committed at once)."""
    with store.atomic():
        store.db.execute("INSERT OR REPLACE INTO import_underway (id, file, started_at)"
                         " VALUES (1, ?, ?)",
                         [str(workbook), store.clock().isoformat(timespec="seconds")])


def clear(store: Store) -> None:
    """Remove the mark; inside the import's transaction, or after it failed."""
    with store.atomic():
        store.db.execute("DELETE FROM import_underway")


def unfinished(store: Store) -> Unfinished | None:
    """The import a kill or a power cut left unfinished, if any."""
    try:
        row = store.db.execute("SELECT file, started_at FROM import_underway").fetchone()
    except sqlite3.Error:  # a file that cannot be read now: the opening check says why
        return None
    if row is None:
        return None
    return Unfinished(Path(row[0]), datetime.fromisoformat(row[1]))


def forget(store: Store) -> bool:
    """Remove the mark once the secretary has been told; False if the file refused it
    (she is then told again at the next start, which is still true)."""
    try:
        clear(store)
    except (UserError, sqlite3.Error):
        return False
    return True


def file_of(store: Store) -> Path | None:
    """The file ``store`` is open on; None for a database in memory (tests, a preview)."""
    row = store.db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row is not None and row[2] else None


def opener(store: Store) -> Callable[[], Store] | None:
    """What opens a connection of its own to ``store``'s file, to be called on a worker
    thread (a SQLite connection stays on the thread that opened it): the same clock, and
    the same wait for the opening check before any write. None when ``store`` is in
    memory (nothing else can see it: the work is then done on the caller's thread)."""
    path = file_of(store)
    if path is None:
        return None

    def open_worker_store() -> Store:
        from lianzheng_desktop.storage.db import open_db

        worker = Store(open_db(path, check=False), clock=store.clock)  # the window checks it
        guard = store.before_write
        if isinstance(guard, verified.Guard):  # bound to the caller's connection: the same
            guard = verified.Guard(worker.db.conn, AppPaths(path))  # check on this one
        worker.before_write = guard  # the window's check runs on a thread of its own
        return worker

    return open_worker_store


def forget_in_background(store: Store) -> threading.Thread | None:
    """``forget`` on a thread and a connection of its own (the first write of a session
    waits for the opening check and the day's backup); in memory, at once."""
    open_store = opener(store)
    if open_store is None:
        forget(store)
        return None

    def run() -> None:
        try:
            worker = open_store()
        except (UserError, sqlite3.Error):
            return  # told again next time, which is still true
        try:
            forget(worker)
        finally:
            worker.close()

    thread = threading.Thread(target=run, name="import-marker", daemon=False)
    thread.start()
    return thread
