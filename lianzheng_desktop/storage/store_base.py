"""What every part of the store shares: the open file, the clock that stamps each change,
the hook that waits for the integrity check before a write, and the transaction that makes
several writes land together or not at all (a refusal by the disk said in Chinese). The
store's readers and writers build on this class."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.db import Database


def _file_of(conn: sqlite3.Connection) -> tuple[str, tuple[int, int]] | None:
    """The main database's path and (device, inode), or None (in memory)."""
    path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"),
                "")
    if not path:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return path, (found.st_dev, found.st_ino)


def now_text(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class StoreBase:
    """The file, the clock and the transactions of a ``Store``."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = datetime.now):
        self.db = db
        self.clock = clock
        # Called before each write; the window sets it to wait for the integrity check.
        self.before_write: Callable[[], None] | None = None
        self._file = _file_of(db.conn)  # which file was opened, to write to no other

    def _still_there(self) -> None:
        """Refuse a write once the file opened is no longer at its path: renamed or
        deleted under the open window (Linux allows it), SQLite would go on "saving" into
        a journal no later opening reads (reviewer revloss F2: 25 of 312 saves lost)."""
        if self._file is None:
            return
        path, identity = self._file
        try:
            now = os.stat(path)
        except FileNotFoundError:
            moved = True
        except OSError:  # a share that blinked, a folder's permission: not moved — SQLite
            return       # says what got in the way (revdiff4 F9)
        else:  # another file now at the path; Windows refuses to rename an open file, and
            # some shares there number files anew, so only its absence counts there
            moved = os.name != "nt" and (now.st_dev, now.st_ino) != identity
        if moved:
            raise UserError(f"数据文件“{path}”已被移动、改名或删除，这次的修改没有保存。"
                            "请关闭本软件，把数据文件放回原处后重新打开；如是有意移动的，"
                            "请从新的位置打开它。")

    def close(self) -> None:
        """Close the file (a command's end, a worker's own connection, before a restore)."""
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[StoreBase]:
        """Several writes that land together or not at all. A write the disk or the file
        refuses (full, read-only, a USB stick pulled out) is a UserError saying so: every
        caller then tells the secretary what got in the way, not 程序出错."""
        if not self.db.conn.in_transaction:
            self._still_there()
            if self.before_write is not None:
                self.before_write()
        try:
            with self.db.atomic():
                yield self
        except sqlite3.Error as exc:
            from lianzheng_desktop.storage.errors import user_message

            said = user_message(exc)
            if said is None:
                raise
            raise said from exc
