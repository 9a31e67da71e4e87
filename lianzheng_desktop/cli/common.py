"""What every command shares: opening the store and turning errors into one sentence."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths, app_paths
from lianzheng_desktop.storage.db import DamagedDatabaseError, open_db
from lianzheng_desktop.storage.errors import user_message
from lianzheng_desktop.storage.store import Store

EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 3


def paths_from(args: argparse.Namespace) -> AppPaths:
    return app_paths(getattr(args, "db", None))


def open_store(args: argparse.Namespace, *, daily_backup: bool = True,
               check: bool = True) -> Store:
    """Lock, open (and migrate), and take the day's first backup.

    The whole-file integrity check runs before the first write and before the day's backup,
    unless the file is known sound since it last changed (``storage.verified``): a command
    that only reads does not wait for it. ``check=False`` leaves the check and the day's
    backup to the caller: the window runs them beside its own start
    (``storage.background_check``).
    """
    # backup (zipfile, hashlib: ~7 ms) is loaded only when used: the window's start
    # leaves the backup to its background check and should not wait for the import.
    from lianzheng_desktop.storage import lock

    paths = paths_from(args)
    lock.acquire(paths.db_path)
    try:
        store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir, check=False))
        lock.acquire(paths.db_path)  # again: a file just created is now locked on its identity
        if check:  # the whole-file check runs before the first write; reading never waits
            from lianzheng_desktop.storage.verified import Guard

            store.before_write = Guard(store.db.conn, paths)
        if daily_backup and check:
            from lianzheng_desktop.storage import backup

            try:
                backup.daily_backup(store.db.conn, paths, before=store.before_write)
            except backup.BackupError as exc:  # e.g. a full disk: the command may still run
                print(f"提示：{exc}（本次命令照常执行。）", file=sys.stderr)
    except DamagedDatabaseError as exc:
        from lianzheng_desktop.storage import backup

        good = backup.newest_good_backup(paths)
        hint = (f"最近一份完好的备份是“{good}”，可运行 lianzheng restore \"{good}\" 恢复"
                "（损坏的文件会另存，不会删除）。" if good else "没有找到可用的备份。")
        raise DamagedDatabaseError(f"{exc}{hint}") from None
    return store


def _guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Turn SQLite's errors the user can act on into UserError."""
    try:
        return handler(args)
    except sqlite3.Error as exc:
        translated = user_message(exc)
        if translated is None:
            raise
        raise translated from None


def run_handler(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command; a user error prints its Chinese sentence, never a traceback."""
    try:
        return _guarded(handler, args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        where = f"“{exc.filename}”" if exc.filename else ""
        print(f"错误：无法读写文件{where}：{exc.strerror or exc}。", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # noqa: BLE001 — the last net: log it, say where the log is
        from lianzheng_desktop.errorlog import log_unexpected

        log_path = log_unexpected(exc, paths_from(args).log_dir)
        print(f"错误：程序遇到意外问题，已记录到 {log_path}。请把该文件发给维护人员。",
              file=sys.stderr)
        return EXIT_UNEXPECTED
