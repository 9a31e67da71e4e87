"""What every part of the store shares: the open file, the clock that stamps each change,
the hook that waits for the integrity check before a write, and the transaction that makes
several writes land together or not at all (a refusal by the disk said in Chinese). The
store's readers and writers build on this class."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from lianzheng_desktop.storage.db import Database


def now_text(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class StoreBase:
    """The file, the clock and the transactions of a ``Store``."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = datetime.now):
        self.db = db
        self.clock = clock
        # Called before each write; the window sets it to wait for the integrity check.
        self.before_write: Callable[[], None] | None = None

    def close(self) -> None:
        """Close the file (a command's end, a worker's own connection, before a restore)."""
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[StoreBase]:
        """Several writes that land together or not at all. A write the disk or the file
        refuses (full, read-only, a USB stick pulled out) is a UserError saying so: every
        caller then tells the secretary what got in the way, not 程序出错."""
        if self.before_write is not None and not self.db.conn.in_transaction:
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
