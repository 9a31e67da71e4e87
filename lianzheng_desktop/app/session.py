"""Opening a data file — the one way in — and the one "today".

``open_store`` does for every caller what a data file needs before use: take the
single-writer lock, open (creating, migrating and seeding a new file), guard the first
write behind the whole-file check, and take the day's first backup. ``clock_for`` is the
app's one clock: the real one, or ``--today``'s date with the real time of day, handed to
the store (补录 marks, 完成日期 not after today) and to every page and command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from lianzheng_desktop.paths import AppPaths, app_paths
from lianzheng_desktop.storage.db import DamagedDatabaseError, open_db
from lianzheng_desktop.storage.store import Store


def paths_for(db: str | Path | None) -> AppPaths:
    """The data file's paths: ``db`` if given, else the user's default data file."""
    return app_paths(db)


# The demo opens on a day of its own year (2022), as the README's pictures show it: on
# today's date it showed an empty checklist and an item 1,522 days overdue (revnew N-demo-1).
DEMO_DAY = date(2022, 9, 30)


def today_for(paths: AppPaths, today: date | None) -> date | None:
    """The day to open ``paths`` on: ``--today``'s, the demo's own, else the real one."""
    return today if today is not None or not paths.is_demo else DEMO_DAY


def clock_for(today: date | None) -> Callable[[], datetime]:
    """The app's clock: the real one, or ``today`` with the real time of day."""
    if today is None:
        return datetime.now
    return lambda: datetime.combine(today, datetime.now().time())


def _on_stderr(text: str) -> None:
    print(f"提示：{text}", file=sys.stderr)


def _daily_backup(store: Store, paths: AppPaths) -> list[str]:
    """The day's first backup; what it said, printed (a full disk does not stop the command)."""
    from lianzheng_desktop.storage import backup

    said: list[str] = []
    try:
        backup.daily_backup_of(store, paths, say=said.append)
    except backup.BackupError as exc:  # e.g. a full disk: the command may still run
        said.append(f"{exc}（本次命令照常执行。）")
    for text in said:
        print(f"提示：{text}", file=sys.stderr)
    return said


def open_store(paths: AppPaths, *, daily_backup: bool = True, check: bool = True,
               today: date | None = None, tell: Callable[[str], None] = _on_stderr) -> Store:
    """Lock, open (and migrate), and take the day's first backup.

    The whole-file integrity check runs before the first write and before the day's backup,
    unless the file is known sound since it last changed (``storage.verified``): a command
    that only reads does not wait for it. ``check=False`` leaves the check and the day's
    backup to the caller: the window runs them beside its own start
    (``storage.background_check``). ``tell``: where what happened to the file since it was
    last open goes (its 佐证材料 folder taken over, a restore or backup killed half-way):
    stderr for a command, the window's own message for a window (revdiff4 F6).
    """
    # backup (zipfile, hashlib: ~7 ms) is loaded only when used: the window's start
    # leaves the backup to its background check and should not wait for the import.
    from lianzheng_desktop.storage import lock

    lock.acquire(paths.db_path)
    try:
        store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir, check=False),
                      clock=clock_for(today))
        lock.acquire(paths.db_path)  # again: a file just created is now locked on its identity
        notices: list[str] = []
        if check:  # the whole-file check runs before the first write; reading never waits
            from lianzheng_desktop.storage.attachment_home import settle_store
            from lianzheng_desktop.storage.crash_notes import take_notices
            from lianzheng_desktop.storage.verified import guard_writes

            guard_writes(store, paths)
            moved = settle_store(store, paths)  # 佐证材料 left under the file's old name
            notices = ([moved.notice] if moved else []) + take_notices()  # and a restore or
            # backup killed last time
        said = _daily_backup(store, paths) if daily_backup and check else []
        for notice in notices:  # once: the backup's own message may say it (revloss5 L5)
            if not any(notice in text for text in said):
                tell(notice)
    except DamagedDatabaseError as exc:
        from lianzheng_desktop.storage.damage import restore_hint

        raise DamagedDatabaseError(f"{exc}{restore_hint(paths)}") from None
    return store


def fill_demo_file(target: Path, own: AppPaths) -> Path:
    """The demo year written into ``target`` — a file of its own, never ``own``'s data
    file — once: a demo file that already holds records is left as it is."""
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.storage import lock
    from lianzheng_desktop.storage.demo_loader import load_entries

    if target == own.db_path:
        raise ValueError("the demo never goes into the data file in use")
    demo = AppPaths(target)
    lock.acquire(target)
    try:
        store = Store(open_db(target, backup_dir=demo.backups_dir, check=True))
        try:
            if store.is_empty():
                load_entries(store, demo_year(), PROFILE)
        finally:
            store.close()
    finally:
        lock.release(target)
    return target
