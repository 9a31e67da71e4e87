"""SQLite's English errors that a user can act on, said in Chinese — and which kind they are.

Two kinds must never be confused. *Damage* (the file fails its integrity check, is not a
database at all, or its header is wrong) is what a restore from a backup is for. A
*circumstance* (the disk is full, another program holds the file, the folder is read-only,
the disk or USB stick reports an I/O error) says nothing about the file: it is whole, and
restoring over it would throw away good data. Only damage may offer a restore.
"""

from __future__ import annotations

import errno
import sqlite3

from lianzheng_desktop.core.errors import UserError

DAMAGE = "damage"
CIRCUMSTANCE = "circumstance"

# The data file refused a read or a write (any of SQLite's errors), and the narrower "this
# is not a readable database": named here so that no layer above storage imports sqlite3.
DataFileError = sqlite3.Error
UnreadableFileError = sqlite3.DatabaseError

# SQLite's primary result codes (the low byte of an extended code).
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_FULL, _BUSY, _LOCKED, _READONLY, _IOERR, _CANTOPEN, _PERM, _NOMEM = 13, 5, 6, 8, 10, 14, 3, 7

DISK_FULL = "磁盘空间已满，本次修改没有保存（已保存的数据不受影响）。请清理磁盘后重试。"
_BY_CODE = {
    _FULL: DISK_FULL,
    _READONLY: "数据文件或其所在的文件夹是只读的，本次修改没有保存。"
               "请换到可写的位置，或检查文件权限。",
    _CANTOPEN: "无法打开数据文件：所在的磁盘或U盘可能已拔出，或文件夹不可访问。",
    _BUSY: "数据文件正被另一个程序占用，请关闭该程序后重试。",
    _LOCKED: "数据文件正被另一个程序占用，请关闭该程序后重试。",
    _IOERR: "读写磁盘出错，本次修改没有保存。请检查磁盘或U盘是否正常。",
    _PERM: "没有读写数据文件的权限。请检查文件权限。",
    _NOMEM: "电脑内存不足。请关闭其他程序后重试。",
}
_BY_TEXT = (  # for errors raised without a code (older Python, or re-raised as text)
    ("disk is full", _FULL), ("readonly database", _READONLY),
    ("unable to open database", _CANTOPEN), ("database is locked", _BUSY),
    ("database table is locked", _LOCKED), ("disk I/O error", _IOERR),
    ("malformed", 11), ("not a database", 26),
)


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(exc)
    for fragment, known in _BY_TEXT:
        if fragment in text:
            return known
    return None


def kind(exc: BaseException) -> str | None:
    """DAMAGE, CIRCUMSTANCE, or None for an error that is neither (a bug)."""
    if isinstance(exc, OSError):
        return CIRCUMSTANCE
    code = _primary_code(exc)
    if code in _DAMAGE_CODES:
        return DAMAGE
    if code in _BY_CODE:
        return CIRCUMSTANCE
    return None


def is_damage(exc: BaseException) -> bool:
    return kind(exc) == DAMAGE


def is_io_error(exc: BaseException) -> bool:
    return _primary_code(exc) == _IOERR


_SHORT = {  # what got in the way, and what to do about it
    _FULL: ("磁盘空间已满", "请先清理磁盘"),
    _READONLY: ("数据文件或其所在的文件夹是只读的", "请检查文件权限，或换到可写的位置"),
    _CANTOPEN: ("无法打开数据文件（所在的磁盘或U盘可能已拔出，或文件夹不可访问）",
                "请检查磁盘或U盘"),
    _BUSY: ("数据文件正被另一个程序占用", "请先关闭占用它的程序"),
    _LOCKED: ("数据文件正被另一个程序占用", "请先关闭占用它的程序"),
    _IOERR: ("读写磁盘出错（磁盘或U盘可能有故障）", "请检查磁盘或U盘"),
    _PERM: ("没有读写数据文件的权限", "请检查文件权限"),
    _NOMEM: ("电脑内存不足", "请关闭其他程序"),
}


def circumstance_text(exc: BaseException) -> str:
    """What got in the way, as one short Chinese clause (no full stop)."""
    if isinstance(exc, OSError):
        return os_error_text(exc)
    return _SHORT.get(_primary_code(exc) or -1, ("读写数据文件时出错", ""))[0]


def remedy_text(exc: BaseException) -> str:
    """What to do about it, as one short Chinese clause ("" if nothing particular)."""
    if isinstance(exc, OSError):
        return "请检查磁盘或U盘的空间和权限"
    return _SHORT.get(_primary_code(exc) or -1, ("", ""))[1]


def os_error_text(exc: OSError) -> str:
    if getattr(exc, "winerror", None) in (32, 33):  # Windows: held open by another program
        return "文件正被另一个程序使用（请先关闭打开它的程序）"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "磁盘空间不足"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限（文件夹或U盘可能是只读的）"
    if exc.errno == errno.EIO:
        return "读写磁盘出错（磁盘或U盘可能有故障）"
    if exc.errno == errno.ENOENT:
        return "找不到文件或文件夹（U盘可能已拔出）"
    if exc.errno in (errno.EBUSY, getattr(errno, "ETXTBSY", -1)):
        return "文件正被另一个程序使用"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径太长"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
        return "同名的文件或文件夹妨碍了操作"
    # the system's own words are English on most machines (revcode2 F8): said in Chinese,
    # with the number a maintainer can look up
    return f"文件操作出错（错误号 {exc.errno}）" if exc.errno else "文件操作出错"


def user_message(exc: sqlite3.Error) -> UserError | None:
    """A UserError for errors the user can act on; None for anything else (a bug)."""
    code = _primary_code(exc)
    if code in _BY_CODE:
        return UserError(_BY_CODE[code])
    return None
