"""The window's integrity check runs on a thread; nothing is written before it has passed."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.background_check import BackgroundCheck
from lianzheng_desktop.storage.db import DamagedDatabaseError, open_db
from lianzheng_desktop.storage.store import Store

PAGE = 4096


@pytest.fixture
def demo_file(tmp_path):
    db = tmp_path / "data" / "l.db"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.rmtree(AppPaths(db).backups_dir)  # as if today's first start were still to come
    return db


def damage_audit_pages(db):
    """Scribble over the audit trail's pages: the file opens and reads, the check fails."""
    conn = sqlite3.connect(db)
    pages = [row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf'")]
    conn.close()
    raw = bytearray(db.read_bytes())
    for page in pages[1:3]:
        raw[(page - 1) * PAGE + 8:page * PAGE] = b"\x5a" * (PAGE - 8)
    db.write_bytes(bytes(raw))
    return bytes(raw)


def backups(db):
    folder = AppPaths(db).backups_dir
    return sorted(folder.glob("*.zip")) if folder.exists() else []


def test_a_sound_file_passes_and_gets_its_daily_backup(demo_file):
    assert backups(demo_file) == []
    store = Store(open_db(demo_file, check=False))
    check = BackgroundCheck(AppPaths(demo_file)).start()
    check.guard(store)
    store.save_profile(UnitProfile("县总工会机关党支部", "县总工会机关", "王书记"))
    check.join()
    assert check.damaged is None and check.backup_problem is None
    assert len(backups(demo_file)) == 1
    assert store.profile().secretary_name == "王书记"


def test_the_daily_backup_waits_until_the_window_is_on_screen(demo_file):
    check = BackgroundCheck(AppPaths(demo_file)).start()
    assert check.checked.wait(30)
    check._thread.join(timeout=0.5)  # an eager backup of this small file takes milliseconds
    assert check._thread.is_alive() and backups(demo_file) == []
    check.back_up_now()
    check._thread.join(timeout=30)
    assert not check._thread.is_alive() and len(backups(demo_file)) == 1


def test_an_unexpected_error_on_the_thread_is_reported_not_lost(demo_file, monkeypatch):
    def broken(conn, paths, **kwargs):
        raise RuntimeError("磁盘驱动异常")

    monkeypatch.setattr("lianzheng_desktop.storage.backup.daily_backup", broken)
    told = []
    check = BackgroundCheck(AppPaths(demo_file)).start()
    check.when_done(told.append)
    check.join()
    log = AppPaths(demo_file).log_dir / "错误日志.txt"
    assert check.damaged is None and str(log) in check.backup_problem
    assert "RuntimeError" not in check.backup_problem  # the secretary reads Chinese only
    assert "RuntimeError: 磁盘驱动异常" in log.read_text(encoding="utf-8")
    assert told == [check]  # the window hears of it


def test_an_old_backup_that_cannot_be_deleted_does_not_undo_the_days_backup(demo_file,
                                                                           monkeypatch):
    """One old backup held open (Explorer, an antivirus, WPS): the day's backup was made and
    the rest rotate; the secretary hears that once, in Chinese — before, every start said
    "今天的自动备份没有完成：[Errno …]" and no old backup was ever removed again."""
    folder = AppPaths(demo_file).backups_dir
    folder.mkdir(parents=True)
    for n in range(40):  # January and February 2020: past the newest 30 but each month's first
        (folder / f"廉政台账自动备份-2020{1 + n // 28:02d}{1 + n % 28:02d}-080000.zip"
         ).write_bytes(b"x")
    held = hold_open(monkeypatch, folder / "廉政台账自动备份-20200102-080000.zip")
    told = []
    check = BackgroundCheck(AppPaths(demo_file)).start()
    check.when_done(told.append)
    check.join()
    assert check.damaged is None and check.backup_problem is None and told == [check]
    # 30 daily, January's first (a month with a backup: revloss4 L1) and the one held open
    assert held.exists() and len(backups(demo_file)) == 32
    assert check.backup_notice == (
        "今天的自动备份已完成。有1份过期的旧备份无法删除（可能正被其他程序打开），暂时留在"
        "备份文件夹中：“廉政台账自动备份-20200102-080000.zip”；其余过期备份已照常清理。"
        "关闭打开它的程序后，下次启动时会再删除。")


def test_a_backup_stopped_by_the_disk_is_said_in_chinese(demo_file, monkeypatch):
    def refused(conn, paths, **kwargs):
        raise PermissionError(13, "Permission denied", str(paths.backups_dir))

    monkeypatch.setattr("lianzheng_desktop.storage.backup.daily_backup", refused)
    check = BackgroundCheck(AppPaths(demo_file)).start()
    check.join()
    assert check.backup_problem == ("今天的自动备份没有完成："
                                    "没有写入权限（文件夹或U盘可能是只读的）。")


def hold_open(monkeypatch, held):
    """``held`` cannot be deleted, as a file open in another program on Windows."""
    from pathlib import Path

    held.write_bytes(b"x")
    unlink = Path.unlink

    def refuse(path, missing_ok=False):
        if path == held:
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    return held


def test_a_damaged_file_opens_for_reading_but_refuses_every_write(demo_file):
    damaged = damage_audit_pages(demo_file)
    store = Store(open_db(demo_file, check=False))
    assert store.profile().unit_name  # the window can still show what is there
    check = BackgroundCheck(AppPaths(demo_file)).start()
    check.guard(store)
    with pytest.raises(DamagedDatabaseError) as caught:
        store.add("roster", {"name": "新同志", "post": "干事", "role": "党员"})
    assert "损坏" in str(caught.value) and "备份" in str(caught.value)
    with pytest.raises(DamagedDatabaseError):
        store.save_profile(UnitProfile("别的单位", "", ""))
    store.db.close()
    assert demo_file.read_bytes() == damaged  # nothing written over it
    assert backups(demo_file) == []  # and no daily backup taken of a damaged file


def test_the_window_start_fails_on_a_damaged_file_with_a_sentence(demo_file, qapp, capsys):
    damaged = damage_audit_pages(demo_file)
    capsys.readouterr()
    code = main(["--db", str(demo_file), "--exit-after-start"])
    captured = capsys.readouterr()
    assert code == 1 and "损坏" in captured.err and "Traceback" not in captured.err
    assert "处问题" in captured.err and "page" not in captured.err  # not SQLite's own report
    assert demo_file.read_bytes() == damaged


def test_the_window_starts_on_a_sound_file_and_takes_the_daily_backup(demo_file, qapp, capsys):
    assert main(["--db", str(demo_file), "--today", "2022-09-30", "--exit-after-start"]) == 0
    assert "主窗口已显示" in capsys.readouterr().out
    assert len(backups(demo_file)) == 1


def test_after_the_window_closes_the_next_dialog_still_runs(demo_file, qapp, capsys):
    """No quit request outlives the window's loop (it would end the 恢复完成 message)."""
    from PySide6.QtCore import QEventLoop, QTimer

    assert main(["--db", str(demo_file), "--today", "2022-09-30", "--exit-after-start"]) == 0
    qapp.processEvents()  # as between tests, or before the next dialog opens
    loop = QEventLoop()
    QTimer.singleShot(30, lambda: loop.exit(7))
    assert loop.exec() == 7  # ended by its own timer, not by a leftover quit


def test_reading_does_not_load_sqlite_utils_and_writing_does(demo_file):
    """The first paint only reads; sqlite-utils (70–100 ms to import) waits for a write."""
    script = f"""
import sys
from datetime import date
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.plans import load_checklist, load_warnings
from lianzheng_desktop.storage.store import Store
store = Store(open_db({str(demo_file)!r}, check=False))
checklist = load_checklist(store, Quarter(2022, 3), date(2022, 9, 30))
load_warnings(store, date(2022, 9, 30), checklist=checklist)
store.profile()
assert checklist.items
assert "sqlite_utils" not in sys.modules, "loaded to read"
store.add("roster", {{"name": "新同志", "post": "干事", "role": "党员"}})
assert "sqlite_utils" in sys.modules
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
