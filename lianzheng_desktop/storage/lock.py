"""One writer per database: OS locks held for the life of the process.

Two locks are taken. One on ``<database>.lock`` beside the file (it exists before the
database does), and one keyed on the database file's identity — its device and inode
numbers — in a folder shared by every process on the machine, so that the same file
reached by another path (a hard link, a second name for the folder) is still one file
with one writer.

The OS releases the locks when the process ends, even by a crash, so a stale lock file
never blocks the next start. The same mechanism marks temporary files that are being
written (``hold``): a temporary file nobody holds was left by a killed process.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from lianzheng_desktop.core.errors import UserError

_HELD: dict[str, int] = {}  # this process's locks: a second open in-process shares it
_BY_DB: dict[str, list[str]] = {}  # the locks taken for each database path


class DatabaseInUseError(UserError):
    pass


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _identity_lock_path(db_path: Path) -> Path | None:
    try:
        stat = os.stat(db_path)
    except OSError:
        return None  # not created yet: the path lock covers it until then
    from lianzheng_desktop.paths import portable_data_dir

    portable = portable_data_dir()  # a USB install writes nothing outside its data/
    folder = portable / "锁" if portable is not None else \
        Path(tempfile.gettempdir()) / "lianzheng-locks"
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o1777)  # shared by every user of the machine
    return folder / f"{stat.st_dev}-{stat.st_ino}.lock"


def _take(key: Path, db_path: Path) -> None:
    if str(key) in _HELD:
        return
    _BY_DB.setdefault(str(Path(db_path).absolute()), []).append(str(key))
    key.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o666)
    if not _try_lock(fd):
        os.close(fd)
        raise DatabaseInUseError(
            f"数据文件“{db_path}”正被另一个廉政台账窗口或命令使用。请先关闭另一个窗口，再打开；"
            "刚关闭的窗口会先做完关闭时的备份，请稍等几秒再打开。"
        )
    _HELD[str(key)] = fd


def acquire(db_path: Path) -> None:
    """Hold the database's locks, or raise DatabaseInUseError with a Chinese message.

    Call again once a new file has been created, to lock its identity too.
    """
    _take(Path(f"{Path(db_path).resolve()}.lock"), db_path)
    identity = _identity_lock_path(Path(db_path))
    if identity is not None:
        with contextlib.suppress(OSError):  # no temp folder to write: the path lock remains
            _take(identity, db_path)


def release(db_path: Path) -> None:
    for key in _BY_DB.pop(str(Path(db_path).absolute()), []):
        fd = _HELD.pop(key, None)
        if fd is not None:
            os.close(fd)  # closing the descriptor releases the OS lock


def hold(path: Path) -> int:
    """Create ``path`` new and hold its lock while it is being written; returns the fd
    to close when done (-1 on Windows, where the writer's own open handle is protection
    enough — an open file cannot be removed there — and a held one could not be renamed)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    if os.name == "nt":
        os.close(fd)
        return -1
    _try_lock(fd)
    return fd


def remove_if_abandoned(path: Path) -> bool:
    """Delete a temporary file no living process holds; True if it was removed."""
    if os.name != "nt":
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        try:
            if not _try_lock(fd):
                return False  # being written right now
        finally:
            os.close(fd)
    try:
        os.unlink(path)  # on Windows a file still open elsewhere cannot be removed
    except OSError:
        return False
    return True
