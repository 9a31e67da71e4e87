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
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import anchor
from lianzheng_desktop.storage.trail import COVERED

_READ_AT_MOST = 6  # backups whose trail is read, newest first: each is unzipped


@dataclass(frozen=True)
class Replaced:
    """The file in place of this PC's own: ``backup`` holds this PC's data as it was, with
    ``records`` records added or changed, and ``other`` kinds of work, that the file lacks."""

    backup: Path
    records: int
    when: str  # the backup's trail head's time, as the trail wrote it
    other: tuple[str, ...] = ()  # 报告的文字, 年度计划的要求 …

    def message(self) -> str:
        try:
            at = datetime.fromisoformat(self.when)
            when = f"{at.year}年{at.month}月{at.day}日{at:%H:%M}"
        except ValueError:
            when = "上次"
        what = "、".join(([f"{self.records} 条台账记录的新增或修改"] if self.records else [])
                        + [f"{words}的修改" for words in self.other])
        return (f"这个数据文件不是接着本机上次的数据记的，可能是从U盘或另一台电脑复制来的副本"
                f"覆盖了它：本机{when}时的数据中，有{' ' if self.records else ''}{what}不在现在"
                f"的文件里。本机那时的数据保存"
                f"在备份“{self.backup.name}”中。")


def replaced(conn: sqlite3.Connection, paths: AppPaths) -> Replaced | None:
    """The work this PC's data had that the file does not, if the file does not go on from
    it and a backup holds it; None otherwise.

    The file disagrees with the anchor (revloss7 W1) — or agrees with an anchor brought
    back with it while a backup made here since has a head the file lacks (a whole folder
    copied back: revloss8 V4). Of this file's backups not let go of on purpose, newest
    first, one whose trail passed through the anchor's head is this PC's own (revloss8 V3:
    not a first copy's, come back earlier); else the newest the file does not go on from
    (the anchor moved past every backup by ``check``: revdiff11 Z1). Any work counts, not
    only records: her report's text, the plan, 设置 (revloss8 V1)."""
    from lianzheng_desktop.storage.manifest import audit_head

    held = anchor.read(paths)
    if held is None or not anchor.has_chain(conn):
        return None
    disagrees = bool(anchor.compare(conn, held, "上次核对"))
    holders = list(_own_backups_not_gone_on_from(
        conn, paths, str(held.get("set_at", "")),
        "" if disagrees else str(held.get("at", ""))))[:_READ_AT_MOST]
    trails = [(holder, trail) for holder in holders
              if (trail := backup_trail(holder)) is not None]
    last, digest = held.get("last_id"), held.get("head")
    ours = [pair for pair in trails
            if isinstance(last, int) and last in pair[1] and pair[1][last][0] == digest]
    # an anchor that agrees names only backups of its own chain made on this PC: a backup
    # of another PC's copy gathered into this folder is no work of this PC's, though it
    # went on from the same head (revdiff13 P1)
    if not disagrees:
        ours = [pair for pair in ours if anchor.signed_here(audit_head(pair[0]) or {})]
    others = [pair for pair in trails if pair not in ours] if disagrees else []
    for holder, theirs in ours + others:
        shared = last_shared(conn, theirs)
        lost = {(ledger, record) for entry, (_, ledger, record) in theirs.items()
                if entry > shared}
        if lost:  # other work named as the trail names its tables (报告草稿, 年度计划 …)
            records = sum(1 for ledger, _ in lost if ledger in LEDGERS)
            other = tuple(dict.fromkeys(COVERED[ledger].noun if ledger in COVERED else "其他内容"
                                        for ledger, _ in lost if ledger not in LEDGERS))
            return Replaced(holder, records, str((audit_head(holder) or {}).get("at", "")),
                            other)
    return None


KEPT_ASIDE = "廉政台账副本替换前备份"  # never rotated (storage.backup, backup_kept)


def kept_aside(found: Replaced, paths: AppPaths) -> Replaced:
    """The backup holding this PC's data, copied aside under a name no rotation deletes:
    told "以后再说", she works on in the copy, and three closing backups later the one
    named was gone (revloss8 V2). Said with the copy's name; the original as it was when
    the copy cannot be made (a full disk: the backup is still there today)."""
    import shutil

    if found.backup.name.startswith(KEPT_ASIDE):
        return found
    aside = found.backup.with_name(KEPT_ASIDE + found.backup.name[found.backup.name.index("-"):])
    try:
        if not aside.exists():
            shutil.copy2(found.backup, aside)
    except OSError:
        return found
    return replace(found, backup=aside)


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


def _own_backups_not_gone_on_from(conn, paths: AppPaths, since: str, not_before: str = ""):
    """This file's backups, newest first, whose trail's head the file does not hold: the
    data this PC had when each was made, that the file in its place does not go on from.
    Not one made before the last restore or "继续使用现在的文件" (``since``: the anchor's
    ``set_at``) — that data was let go of on purpose (revdiff12 Q1: a restore's discarded
    records offered back) — nor one made before a restore. The anchor may have moved past
    the last backup (``check``: revdiff11 Z1): the newest such backup is looked for, not
    one with the anchor's own head. ``not_before``: none made before it (the anchored
    head's time, where the anchor agrees with the file)."""
    from lianzheng_desktop.storage.backup import KINDS, backups_of
    from lianzheng_desktop.storage.manifest import audit_head, made_at

    for backup in backups_of(paths):
        head = audit_head(backup) or {}
        if KINDS["restore"] in backup.name or not isinstance(head.get("last_id"), int):
            continue
        made = made_at(backup)
        made_on = made.isoformat(timespec="seconds") if made is not None else ""
        if since and made_on <= since or not_before and made_on < not_before:
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
