"""When the whole-file check runs (issue 16 part 2): not for commands that only read, yet
always before the first write to a file changed since its last passing check."""

import gc
import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import db as db_module
from lianzheng_desktop.storage import verified
from lianzheng_desktop.storage.background_check import BackgroundCheck


@pytest.fixture
def data(tmp_path):
    paths = AppPaths(tmp_path / "data" / "l.db")
    assert main(["--db", str(paths.db_path), "demo"]) == 0  # also today's backup
    gc.collect()  # the command's connection, left open in-process
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file
    conn.close()
    _age(paths)
    return paths


def _age(paths, seconds=60):
    """Date the file back: one changed a moment ago is never vouched for (racy times)."""
    for path in (paths.db_path, paths.db_path.with_name(paths.db_path.name + "-wal")):
        if path.exists():
            stat = os.stat(path)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


@pytest.fixture
def checks(monkeypatch):
    """Counts the whole-file checks (every path goes through db.check_integrity)."""
    calls = []
    real = db_module.check_integrity

    def counted(conn, path):
        calls.append(path)
        return real(conn, path)

    monkeypatch.setattr(db_module, "check_integrity", counted)
    monkeypatch.setattr("lianzheng_desktop.storage.background_check.check_integrity", counted)
    return calls


def _touch_changed(paths):
    """The file changed since its last check (as an edit outside the app would)."""
    stat = os.stat(paths.db_path)
    os.utime(paths.db_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def test_commands_that_only_read_never_check(data, checks, capsys):
    _touch_changed(data)
    assert not verified.is_fresh(data)
    for args in (("plan", "show"), ("checklist", "--quarter", "2022Q3", "--as-of",
                                    "2022-09-30", "--json")):
        assert main(["--db", str(data.db_path), *args]) == 0
    assert checks == []


def test_a_write_waits_for_the_check_and_a_sound_state_is_remembered(data, checks):
    from lianzheng_desktop.storage.store import Store

    store = Store(db_module.open_db(data.db_path, check=False))
    _touch_changed(data)
    store.before_write = verified.Guard(store.db.conn, data)
    store.add("activity", {"date": "2022-12-01", "type": "专题会议", "topic": "甲"})
    store.add("activity", {"date": "2022-12-02", "type": "专题会议", "topic": "乙"})
    assert len(checks) == 1  # before the first write only
    store.db.close()


def test_a_fresh_record_skips_the_check_and_a_day_old_one_does_not(data, checks):
    verified.ensure_checked(db_module.connect(data.db_path), data)
    assert len(checks) == 1 and verified.is_fresh(data)
    verified.ensure_checked(db_module.connect(data.db_path), data)
    assert len(checks) == 1  # unchanged since: not again
    assert not verified.is_fresh(data, now=datetime.now() + timedelta(days=1, minutes=1))


def test_a_damaged_file_is_never_written(data):
    from lianzheng_desktop.storage.store import Store
    from tests.storage.test_background_check import damage_audit_pages

    verified.ensure_checked(db_module.connect(data.db_path), data)  # sound, remembered
    assert verified.is_fresh(data)
    damage_audit_pages(data.db_path)  # the file changed: the record no longer holds
    store = Store(db_module.open_db(data.db_path, check=False))
    store.before_write = verified.Guard(store.db.conn, data)
    with pytest.raises(db_module.DamagedDatabaseError):
        store.add("activity", {"date": "2022-12-01", "type": "专题会议", "topic": "甲"})
    store.db.close()


def test_check_always_runs_the_full_check(data, capsys, monkeypatch):
    verified.ensure_checked(db_module.connect(data.db_path), data)
    assert verified.is_fresh(data)
    seen = []
    real = db_module.Database.execute

    def watch(self, sql, parameters=()):
        seen.append(sql)
        return real(self, sql, parameters)

    monkeypatch.setattr(db_module.Database, "execute", watch)
    assert main(["--db", str(data.db_path), "check"]) == 0
    assert "PRAGMA integrity_check" in seen


def test_the_window_skips_the_check_on_a_file_known_sound(data, checks):
    verified.ensure_checked(db_module.connect(data.db_path), data)
    checks.clear()
    check = BackgroundCheck(data, daily_backup=False).start()
    check.wait()
    assert checks == [] and check.checked.is_set()
    _touch_changed(data)
    check = BackgroundCheck(data, daily_backup=False).start()
    check.wait()
    assert len(checks) == 1


def test_a_file_changed_a_moment_before_its_check_is_not_vouched_for(data):
    os.utime(data.db_path)  # just now
    verified.ensure_checked(db_module.connect(data.db_path), data)
    assert not verified.is_fresh(data)
