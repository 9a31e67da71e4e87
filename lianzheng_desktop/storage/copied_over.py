"""A data file that is not the one this PC last held: another copy put in its place.

The file goes home on a USB stick, work is done in both copies, and next morning the home
copy is copied back over the office's (revloss7 W1). The window opened without a word and
the office's work was gone, kept only in a backup nobody was pointed to; ``check`` called
it a rewritten trail. The trail's anchor (``storage.anchor``) knows better: the head this
PC last held is not in the file's chain. The backup that holds that head is the office's
data as it was; the records it has after the last trail entry the two files share are the
work the copy does not have. Said in the window (``qt.opening_check``) and by commands,
with the backup to restore from, until she restores it or keeps the file as it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import anchor


@dataclass(frozen=True)
class Replaced:
    """The file in place of this PC's own: ``backup`` holds this PC's data as it was last
    anchored, with ``records`` records added or changed that the file does not have."""

    backup: Path
    records: int
    when: str  # the anchored head's time, as the trail wrote it

    def message(self) -> str:
        try:
            at = datetime.fromisoformat(self.when)
            when = f"{at.year}年{at.month}月{at.day}日{at:%H:%M}"
        except ValueError:
            when = "上次"
        return (f"这个数据文件不是接着本机上次的数据记的，可能是从U盘或另一台电脑复制来的副本"
                f"覆盖了它：本机{when}时的数据中，有 {self.records} 条台账记录的新增或修改"
                f"不在现在的文件里。本机那时的数据保存在备份“{self.backup.name}”中。")


def replaced(conn: sqlite3.Connection, paths: AppPaths) -> Replaced | None:
    """The work this PC's last anchored data has that the file does not, if the file is
    not the continuation of it and a backup holds it; None otherwise (no anchor, the file
    goes on from it, no backup holds it, or nothing of it is missing)."""
    held = anchor.read(paths)
    if held is None or not anchor.has_chain(conn) or not anchor.compare(conn, held, "上次核对"):
        return None
    for holder in _own_backups_not_gone_on_from(conn, paths, str(held.get("set_at", ""))):
        theirs = backup_trail(holder)
        if theirs is None:
            continue
        shared = last_shared(conn, theirs)
        lost = {(ledger, record) for entry, (_, ledger, record) in theirs.items()
                if entry > shared and ledger in LEDGERS}
        if lost:
            from lianzheng_desktop.storage.manifest import audit_head

            return Replaced(holder, len(lost), str((audit_head(holder) or {}).get("at", "")))
    return None


def last_shared(conn, theirs: dict[int, tuple[str, str, object]]) -> int:
    """The last trail entry of ``conn``'s file that ``theirs`` (a backup's trail) has too:
    where the two went their own ways."""
    shared = 0
    for entry, digest in conn.execute("SELECT id, hash FROM audit_log ORDER BY id"):
        if theirs.get(entry, (None,))[0] != digest:
            break
        shared = entry
    return shared


def keep_as_it_is(paths: AppPaths) -> None:
    """She keeps the file as it is: hold to its trail from now on (the backup stays)."""
    anchor.reset(paths)


def _own_backups_not_gone_on_from(conn, paths: AppPaths, since: str):
    """This file's backups, newest first, whose trail's head the file does not hold: the
    data this PC had when each was made, that the file in its place does not go on from.
    Not one made before the last restore or "继续使用现在的文件" (``since``: the anchor's
    ``set_at``) — that data was let go of on purpose (revdiff12 Q1: a restore's discarded
    records offered back) — nor one made before a restore. The anchor may have moved past
    the last backup (``check``: revdiff11 Z1): the newest such backup is looked for, not
    one with the anchor's own head."""
    from lianzheng_desktop.storage.backup import KINDS, backups_of
    from lianzheng_desktop.storage.manifest import audit_head, made_at

    for backup in backups_of(paths):
        head = audit_head(backup) or {}
        if KINDS["restore"] in backup.name or not isinstance(head.get("last_id"), int):
            continue
        made = made_at(backup)
        if since and (made is None or made.isoformat(timespec="seconds") <= since):
            break  # newest first: the rest are older still
        if not conn.execute("SELECT 1 FROM audit_log WHERE id = ? AND hash = ?",
                            [head["last_id"], head.get("head")]).fetchone():
            yield backup


def backup_trail(backup: Path) -> dict[int, tuple[str, str, object]] | None:
    """The backup's trail: id → (hash, ledger, record id); None if it cannot be read."""
    import tempfile
    import zipfile

    from lianzheng_desktop.storage.manifest import DB_NAME, stream_member

    try:
        with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(backup) as archive:
            copy = Path(folder) / DB_NAME
            stream_member(archive, DB_NAME, copy)
            theirs = sqlite3.connect(str(copy))
            try:
                return {entry: (digest, ledger, record) for entry, digest, ledger, record
                        in theirs.execute("SELECT id, hash, ledger, record_id FROM audit_log")}
            finally:
                theirs.close()
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, sqlite3.Error):
        return None
