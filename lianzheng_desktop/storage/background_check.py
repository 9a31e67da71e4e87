"""The opening integrity check and the day's first backup, on a thread of their own.

On a large file the check reads every page (60 ms for ten years of ledgers when the disk
cache is warm, several times that after a reboot). SQLite releases Python's lock while
it reads, so run here it overlaps with Qt loading and the window being built instead of
delaying them. It only reads, so it may start before the store is opened. Nothing is
written before it has passed: the store waits for it before its first write, and a
failed check refuses every write with the same message the command line gives.

The day's backup (zipping the file) waits until ``back_up_now()`` — the window calls it
once it is on screen — so that it does not compete with the window's start either; a
write, ``wait()`` or ``join()`` lets it go ahead at once.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import db, errors, verified
from lianzheng_desktop.storage.db import (
    DamagedDatabaseError,
    UnavailableDatabaseError,
    check_integrity,
    fault,
)
from lianzheng_desktop.storage.store import Store

if TYPE_CHECKING:
    from lianzheng_desktop.storage.copied_over import Replaced

Callback = Callable[["BackgroundCheck"], None]


class BackgroundCheck:
    def __init__(self, paths: AppPaths, *, daily_backup: bool = True):
        self._paths = paths
        self._daily_backup = daily_backup
        self.damaged: DamagedDatabaseError | None = None  # the file itself is damaged
        # The check could not run (disk full, file locked, I/O error): the file is not
        # known to be damaged, so no restore is offered; writes wait for a check that runs.
        self.unavailable: UnavailableDatabaseError | None = None
        self.backup_problem: str | None = None  # the backup failed; the data is fine
        self.backup_notice: str | None = None  # made, with something to say (old ones kept)
        # 佐证材料 found under the data file's old name and taken over (or where they are)
        self.attachments_notice: str | None = None
        # another copy in place of this PC's own, with the backup holding its data (W1)
        self.replaced: Replaced | None = None
        self._lock = threading.Lock()
        self._done = False
        self._on_done: Callback | None = None
        self._go_ahead = threading.Event()  # set: the day's backup may start
        self.checked = threading.Event()  # set once the file has passed the check
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> BackgroundCheck:
        self._thread.start()
        return self

    def back_up_now(self) -> None:
        """Let the day's backup start (it waits for this after the check)."""
        self._go_ahead.set()

    def guard(self, store: Store) -> None:
        """Make ``store`` wait for the check before each write."""
        store.before_write = self.wait

    def when_done(self, callback: Callback) -> None:
        """Call ``callback`` once the check is over: now if it is, else from its thread."""
        with self._lock:
            if not self._done:
                self._on_done = callback
                return
        callback(self)

    def _run(self) -> None:
        path = self._paths.db_path
        try:
            conn = sqlite3.connect(str(path), timeout=db.BUSY_TIMEOUT)
            try:
                if not verified.is_fresh(self._paths):  # unchanged since it last passed
                    state = verified.stamp(self._paths)
                    check_integrity(conn, path)
                    verified.remember(self._paths, state)
                self.checked.set()
                from lianzheng_desktop.storage.attachment_home import settle

                moved = settle(conn, self._paths)
                self.attachments_notice = moved.notice if moved else None
                if self._daily_backup:
                    self._go_ahead.wait()
                # another copy in place of this PC's own: asked once the window is on
                # screen, before the day's backup is made of it
                from lianzheng_desktop.storage.copied_over import kept_aside, replaced

                found = replaced(conn, self._paths)
                self.replaced = kept_aside(found, self._paths) if found else None
                if self._daily_backup:
                    from lianzheng_desktop.storage import backup  # loaded on this thread

                    backup.daily_backup(conn, self._paths,  # checked just above
                                        say=lambda text: setattr(self, "backup_notice", text))
            finally:
                conn.close()
        except DamagedDatabaseError as exc:
            self.damaged = exc
        except sqlite3.Error as exc:
            found = self._fault(exc)  # damage, or a circumstance that is not the file's fault
            if isinstance(found, DamagedDatabaseError):
                self.damaged = found
            else:
                self.unavailable = found
        except UserError as exc:
            self.backup_problem = f"今天的自动备份没有完成：{exc}"
        except OSError as exc:
            self.backup_problem = f"今天的自动备份没有完成：{errors.os_error_text(exc)}。"
        except Exception as exc:  # noqa: BLE001 - a thread's error would otherwise vanish
            from lianzheng_desktop.errorlog import log_unexpected

            log = log_unexpected(exc, self._paths.log_dir)
            self.backup_problem = ("今天的自动备份没有完成：程序遇到意外问题，已记录到"
                                   f"“{log}”，请把该文件发给维护人员。")
        with self._lock:
            self._done = True
            callback = self._on_done
        if callback is not None:
            callback(self)

    def join(self) -> None:
        """Block until the check (and the backup) is over."""
        self._go_ahead.set()
        self._thread.join()

    def wait(self) -> None:
        """Block until the check is over; DamagedDatabaseError if the file failed it.

        A check that could not run is tried again here, so a write goes ahead once the
        circumstance (a full disk, another program's lock) is over.
        """
        self.join()
        if self.unavailable is not None:
            self._check_again()
        if self.damaged is not None:
            raise self.damaged
        if self.unavailable is not None:
            raise self.unavailable

    def _fault(self, exc: sqlite3.Error):
        from lianzheng_desktop.storage import errors

        if errors.kind(exc) is not None:
            return fault(exc, self._paths.db_path)
        from lianzheng_desktop.errorlog import log_unexpected  # a fault of the program

        log = log_unexpected(exc, self._paths.log_dir)
        return UnavailableDatabaseError(
            f"检查数据文件时程序遇到意外问题，已记录到“{log}”，请把该文件发给维护人员。"
            "为稳妥起见，本次暂不保存修改。")

    def _check_again(self) -> None:
        path = self._paths.db_path
        try:
            conn = sqlite3.connect(str(path), timeout=db.BUSY_TIMEOUT)
            try:
                verified.ensure_checked(conn, self._paths)
            finally:
                conn.close()
        except DamagedDatabaseError as exc:
            self.damaged, self.unavailable = exc, None
        except sqlite3.Error as exc:
            found = self._fault(exc)
            if isinstance(found, DamagedDatabaseError):
                self.damaged, self.unavailable = found, None
            else:
                self.unavailable = found
        else:
            self.unavailable = None
            self.checked.set()
