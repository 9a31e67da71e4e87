"""SQLite's English errors that a user can act on, said in Chinese."""

from __future__ import annotations

import sqlite3

from lianzheng_desktop.core.errors import UserError

_MESSAGES = (
    ("disk is full", "磁盘空间已满，本次修改没有保存（已保存的数据不受影响）。请清理磁盘后重试。"),
    ("database or disk is full", "磁盘空间已满，本次修改没有保存（已保"
                                 "存的数据不受影响）。请清理磁盘后重试。"),
    ("readonly database", "数据文件所在的文件夹是只读的，本次修改没"
                          "有保存。请换到可写的位置，或检查文件权限。"),
    ("unable to open database", "无法打开数据文件：所在的磁盘或U盘可能已拔出，或文件夹不可访问。"),
    ("database is locked", "数据文件正被另一个程序占用，请稍后重试。"),
    ("disk I/O error", "读写磁盘出错，本次修改没有保存。请检查磁盘或U盘是否正常。"),
)


def user_message(exc: sqlite3.Error) -> UserError | None:
    """A UserError for errors the user can act on; None for anything else (a bug)."""
    text = str(exc)
    for fragment, message in _MESSAGES:
        if fragment in text:
            return UserError(message)
    return None
