"""Unexpected errors go to a log file the user can send on; never a traceback on screen."""

from __future__ import annotations

import tempfile
import traceback
from datetime import datetime
from pathlib import Path


def log_unexpected(exc: BaseException, log_dir: Path) -> Path:
    """Append the traceback to ``log_dir/错误日志.txt`` (or the temp folder) and return it."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = datetime.now().isoformat(timespec="seconds")
    for folder in (log_dir, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "错误日志.txt"
            with path.open("a", encoding="utf-8") as log:
                log.write(f"==== {stamp}\n{text}\n")
            return path
        except OSError:
            continue
    return log_dir / "错误日志.txt"
