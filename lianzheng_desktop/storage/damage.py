"""A damaged data file, said the one way: what is wrong and how to restore.

The window's opening check, ``check``/检查数据 and any command that meets a broken page
while reading all say the same: the file is damaged, which backup is the newest good one,
and how to restore from it (the damaged file is kept, never deleted). Never "程序遇到意外
问题" and never "已保存的数据不受影响": a damaged file is exactly what that is not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.db import DamagedDatabaseError


def restore_hint(paths: AppPaths, *, window: bool = False) -> str:
    """How to restore: the newest good backup and the way to it (menu or command)."""
    from lianzheng_desktop.storage.backup import newest_good_backup

    try:
        good = newest_good_backup(paths)
    except OSError:
        good = None
    if good is None:
        return "没有找到可用的备份，请联系维护人员。"
    if window:
        return (f"最近一份完好的备份是“{good}”，可用“文件 → 从备份恢复…”选它恢复"
                "（损坏的文件会改名保存在原处，不会删除）。")
    return (f"最近一份完好的备份是“{good}”，可运行 lianzheng restore \"{good}\" 恢复"
            "（损坏的文件会另存，不会删除）。")


def integrity_problem(conn, path: str | Path) -> str | None:
    """SQLite's full integrity check as one Chinese sentence; None when the file is whole.

    A file so broken that the check itself cannot run is damaged too; an error that is
    not damage (a locked file, a full disk) passes up to be said as the circumstance it is.
    """
    from lianzheng_desktop.storage import errors

    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.Error as exc:
        if not errors.is_damage(exc):
            raise
        return f"数据文件“{path}”已损坏（不是完整的数据库文件），无法读取。请从备份恢复。"
    if rows == ["ok"]:
        return None
    found = [line for row in rows for line in str(row).splitlines()
             if line.strip() and not line.startswith("***")]
    return f"数据文件“{path}”已损坏（完整性检查发现 {len(found) or 1} 处问题）。请从备份恢复。"


def met_while_reading(exc: BaseException, paths: AppPaths, *,
                      window: bool = False) -> DamagedDatabaseError | None:
    """The error to show for ``exc`` if it is the file's damage, met in the middle of a
    command or a window's page; None for anything else."""
    from lianzheng_desktop.storage import errors

    if not isinstance(exc, sqlite3.Error) or not errors.is_damage(exc):
        return None
    return DamagedDatabaseError(
        f"数据文件“{paths.db_path}”已损坏，读取时出错（其中有的内容已无法读出）。请从备份恢复。"
        + restore_hint(paths, window=window))


def refuse_writes(store, message: str) -> None:
    """A file found damaged while open: no write may make it worse (as after the
    window's opening check)."""
    def refuse() -> None:
        raise DamagedDatabaseError(f"{message}\n为免损坏扩大，不能保存任何修改。")

    store.before_write = refuse
