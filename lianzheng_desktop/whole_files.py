"""Files written whole or not at all: exports, reports, the Word copy.

The new content goes to ``NAME.part`` beside the target, is flushed to the disk, and only
then takes the target's name. A crash, a full disk or a USB stick pulled half-way leaves
the earlier file as it was (an export kept from last month, a handed-in report).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(target: Path) -> Iterator[Path]:
    """The path to write ``target``'s new content to; it becomes ``target`` when the block
    ends without an error, and is removed when it does not."""
    partial = target.with_name(f"{target.name}.part")
    try:
        yield partial
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
