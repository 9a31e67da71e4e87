"""One writer per database: a lock file held with an OS lock for the life of the process.

The OS releases the lock when the process ends, even by a crash, so a stale lock file
never blocks the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from lianzheng_desktop.core.errors import UserError

_HELD: dict[Path, int] = {}  # this process's locks: a second open in-process shares it


class DatabaseInUseError(UserError):
    pass


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def acquire(db_path: Path) -> None:
    """Hold the database's lock, or raise DatabaseInUseError with a Chinese message."""
    path = Path(f"{Path(db_path).resolve()}.lock")
    if path in _HELD:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if not _try_lock(fd):
        os.close(fd)
        raise DatabaseInUseError(
            f"数据文件“{db_path}”正被另一个廉政台账窗口或命令使用。请先关闭另一个窗口，再打开。"
        )
    _HELD[path] = fd


def release(db_path: Path) -> None:
    path = Path(f"{Path(db_path).resolve()}.lock")
    fd = _HELD.pop(path, None)
    if fd is not None:
        os.close(fd)  # closing the descriptor releases the OS lock
