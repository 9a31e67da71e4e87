"""revloss F6: on a damaged file, ``check`` and 检查数据 say it is damaged and how to restore
(never "程序遇到意外问题"), read nothing else from it, and refuse writes from then on; a
command that meets a broken page mid-way (``checklist``) says the same."""

import shutil
import sqlite3

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.db import DamagedDatabaseError, open_db
from lianzheng_desktop.storage.store import Store

PAGE = 4096


@pytest.fixture
def demo_file(tmp_path):
    db = tmp_path / "data" / "l.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup"]) == 0  # a good backup to be pointed to
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    AppPaths(db).data_dir.joinpath("l-已检查.json").unlink(missing_ok=True)
    return db


def scribble(db, table, keep_first=0):
    """Overwrite ``table``'s pages (after the first ``keep_first``) past their 8-byte header."""
    conn = sqlite3.connect(db)
    pages = [row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table])]
    conn.close()
    raw = bytearray(db.read_bytes())
    for page in pages[keep_first:]:
        raw[(page - 1) * PAGE + 8:page * PAGE] = b"\xff" * (PAGE - 8)
    db.write_bytes(bytes(raw))


@pytest.mark.parametrize("table", ["audit_log", "activity", "person"])
def test_check_says_damaged_and_names_the_backup(demo_file, capsys, table):
    scribble(demo_file, table)
    assert main(["--db", str(demo_file), "check"]) == 1
    out, err = capsys.readouterr()
    assert "意外问题" not in out + err
    assert "已损坏" in out and "lianzheng restore" in out
    assert any(str(zip_) in out for zip_ in AppPaths(demo_file).backups_dir.glob("*.zip"))
    assert "检查发现 1 个问题" in out  # nothing read from the broken file beyond the check


def test_the_window_check_points_to_the_menu_and_refuses_writes(demo_file):
    scribble(demo_file, "audit_log")
    store = Store(open_db(demo_file, check=False))
    try:
        problems = audit.data_problems(store, window=True)
        assert len(problems) == 1
        assert "已损坏" in problems[0] and "文件 → 从备份恢复" in problems[0]
        assert "lianzheng restore" not in problems[0]
        from lianzheng_desktop.core.records import UnitProfile

        with pytest.raises(DamagedDatabaseError, match="不能保存任何修改"):
            store.save_profile(UnitProfile("某支部", "某机关", "王书记"))
    finally:
        store.close()


def test_a_sound_file_still_checks_clean(demo_file):
    store = Store(open_db(demo_file, check=False))
    try:
        assert audit.data_problems(store) == []
    finally:
        store.close()


def test_checklist_on_a_damaged_file_is_a_clear_message(demo_file, capsys):
    scribble(demo_file, "requirement")  # the year's plan, which every checklist reads
    code = main(["--db", str(demo_file), "--today", "2022-12-31", "checklist"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "意外问题" not in err
    assert "已损坏" in err and "lianzheng restore" in err


def test_without_a_backup_it_still_says_damaged(demo_file, capsys):
    shutil.rmtree(AppPaths(demo_file).backups_dir)
    scribble(demo_file, "audit_log")
    assert main(["--db", str(demo_file), "check"]) == 1
    out, err = capsys.readouterr()
    assert "已损坏" in out and "没有找到可用的备份" in out and "意外问题" not in out + err


def test_export_on_a_damaged_file_says_so_without_an_english_traceback(demo_file, tmp_path):
    import os
    import subprocess
    import sys

    from lianzheng_desktop.storage import lock

    lock.release(demo_file)  # held by the commands run in this process for the fixture
    scribble(demo_file, "activity")
    done = subprocess.run([sys.executable, "-m", "lianzheng_desktop", "--db", str(demo_file),
                           "export", str(tmp_path / "out.xlsx")], capture_output=True,
                          text=True, timeout=120, env={**os.environ})
    assert done.returncode == 1
    assert "已损坏" in done.stderr and "lianzheng restore" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert not (tmp_path / "out.xlsx").exists()
