"""SIGKILL at random moments of backups and restores (finding 3's truncated attachment,
finding 8's leftovers): nothing is left half-written, and the data passes every check.

Each round starts a process that backs up (or restores) in a loop and kills it after a
random delay; after 50 kills of each, the next open tidies up and everything is checked.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import backup
from lianzheng_desktop.storage.attachments import add_attachment
from lianzheng_desktop.storage.audit import data_problems
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

from .conftest import NOW, make_backup

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]
KILLS = 50

BACKER = textwrap.dedent("""
    import sqlite3, sys
    from pathlib import Path
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import backup, lock
    from lianzheng_desktop.storage.db import open_db
    paths = AppPaths(Path(sys.argv[1]))
    lock.acquire(paths.db_path)
    db = open_db(paths.db_path, backup_dir=paths.backups_dir)
    print("start", flush=True)
    for folder in [Path(sys.argv[2]), paths.backups_dir] * 1000:
        print(backup.create_backup(db.conn, paths, folder=folder), flush=True)
""")

RESTORER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import lock, restore
    from lianzheng_desktop.storage.db import open_db
    paths = AppPaths(Path(sys.argv[1]))
    lock.acquire(paths.db_path)
    open_db(paths.db_path, backup_dir=paths.backups_dir).close()  # finishes a restore cut short
    print("start", flush=True)
    for file in sys.argv[2:] * 1000:
        restore.restore(Path(file), paths)
        print(file, flush=True)
""")


def _data(tmp_path, n_files: int) -> AppPaths:
    paths = AppPaths(tmp_path / "data" / "lianzheng.db")
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir), clock=lambda: NOW)
    rng = random.Random(3)
    for i in range(n_files):
        record = store.add("activity", {"date": "2022-05-17", "type": "廉政学习",
                                        "topic": f"第{i}次学习"})
        source = tmp_path / f"材料{i}.pdf"
        source.write_bytes(rng.randbytes(60_000))
        add_attachment(store, paths.attachments_dir, "activity", record.id, source)
    store.db.close()
    return paths


def _kill_rounds(script, args, rng, folders) -> int:
    """Kill the loop KILLS times; return how many kills cut an operation short."""
    cut_short = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", script, *args],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        child.stdout.readline()  # "start": open and tidy-up done, the loop begins
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        cut_short += any(p.name.endswith(".part") or p.name.startswith(".")
                         for folder in folders if folder.exists() for p in folder.iterdir())
    return cut_short


def _all_sound(paths: AppPaths, *folders) -> Store:
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir))  # the next open
    for folder in (paths.data_dir, *folders):
        left = [p.name for p in folder.iterdir()
                if p.name.endswith(".part") or p.name.startswith((".", "tmp"))]
        assert left == [], left
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert data_problems(store) == []  # includes every attachment against its hash
    return store


def test_backups_killed_at_random_moments_leave_nothing_behind(tmp_path):
    paths = _data(tmp_path, 12)
    usb = tmp_path / "U盘"
    usb.mkdir()
    cut = _kill_rounds(BACKER, [str(paths.db_path), str(usb)], random.Random(11),
                       [usb, paths.backups_dir])
    assert cut >= KILLS // 2  # most kills landed inside a backup, not between two
    store = _all_sound(paths, paths.backups_dir)
    make_backup(paths, usb)  # a backup to the stick tidies what killed ones left there
    assert [p.name for p in usb.iterdir() if p.name.endswith(".part")] == []
    for zipped in list(usb.glob("*.zip")) + list(paths.backups_dir.glob("*.zip")):
        assert backup.verify_backup(zipped).counts["attachment"] == 12  # whole, or absent
    store.db.close()


def test_restores_killed_at_random_moments_finish_or_roll_back(tmp_path):
    paths = _data(tmp_path, 8)
    state_a = make_backup(paths, tmp_path / "A")
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    for i in range(4):  # state B: more records, more files
        record = store.add("activity", {"date": "2022-06-01", "type": "专题会议",
                                        "topic": f"备份之后的第{i}次会议"})
        source = tmp_path / f"谈话{i}.pdf"
        source.write_bytes(random.Random(i).randbytes(80_000))
        add_attachment(store, paths.attachments_dir, "activity", record.id, source)
    store.db.close()
    state_b = make_backup(paths, tmp_path / "B")
    cut = _kill_rounds(RESTORER, [str(paths.db_path), str(state_a), str(state_b)],
                       random.Random(13), [paths.data_dir, paths.backups_dir])
    assert cut >= KILLS // 2  # most kills landed inside a restore, not between two
    store = _all_sound(paths, paths.backups_dir)
    attachments = store.db.execute("SELECT count(*) FROM attachment").fetchone()[0]
    assert attachments in (8, 12)  # wholly A or wholly B
    files = [p for p in paths.attachments_dir.rglob("*") if p.is_file()]
    assert len(files) == attachments
    store.db.close()
    conn = sqlite3.connect(paths.db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
