"""Finding 1: a full disk or a locked file is a circumstance, not damage.

Nothing is restored over a whole file; a restore never runs before the current data is
backed up, and is refused (saying why) when that backup cannot be made.
"""

import errno
import sqlite3

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import backup, errors
from lianzheng_desktop.storage.background_check import BackgroundCheck
from lianzheng_desktop.storage.db import (
    DamagedDatabaseError,
    UnavailableDatabaseError,
    open_db,
)
from lianzheng_desktop.storage.restore import restore_backup

from .conftest import NOW, make_backup, real_disk_full_error


def _hold_exclusively(db_path):
    """Another program holding the file in exclusive mode (as a second SQLite user can)."""
    other = sqlite3.connect(str(db_path), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("SELECT count(*) FROM person").fetchone()
    return other


def test_the_errors_are_sorted_by_what_they_mean():
    assert errors.kind(real_disk_full_error()) == errors.CIRCUMSTANCE
    assert errors.kind(OSError(errno.ENOSPC, "No space left on device")) == errors.CIRCUMSTANCE
    locked = sqlite3.OperationalError("database is locked")  # as raised without a code
    assert errors.kind(locked) == errors.CIRCUMSTANCE


def test_a_file_that_is_not_a_database_is_damage(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"not a database " * 500)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert errors.kind(caught.value) == errors.DAMAGE


def test_a_locked_file_opens_as_unavailable_not_damaged(paths):
    other = _hold_exclusively(paths.db_path)
    try:
        with pytest.raises(UnavailableDatabaseError) as caught:
            open_db(paths.db_path, backup_dir=paths.backups_dir)
    finally:
        other.close()
    message = str(caught.value)
    assert "占用" in message and "没有损坏" in message and "恢复" in message
    assert not isinstance(caught.value, DamagedDatabaseError)
    assert list(paths.data_dir.glob("*已损坏*")) == []


def test_not_a_database_is_damage(paths):
    paths.db_path.write_bytes(b"this is not a database at all" * 200)
    for side in ("-wal", "-shm"):
        paths.db_path.with_name(paths.db_path.name + side).unlink(missing_ok=True)
    with pytest.raises(DamagedDatabaseError, match="已损坏"):
        open_db(paths.db_path, backup_dir=paths.backups_dir)


def test_the_background_check_on_a_locked_file_offers_no_restore(paths):
    other = _hold_exclusively(paths.db_path)
    try:
        check = BackgroundCheck(paths, daily_backup=False).start()
        check.join()
        assert check.damaged is None
        assert isinstance(check.unavailable, UnavailableDatabaseError)
        with pytest.raises(UnavailableDatabaseError):
            check.wait()  # a write waits: still locked, still refused, still not damage
    finally:
        other.close()
    check.wait()  # the lock is gone: the check runs again and passes, writes may go on
    assert check.unavailable is None and check.checked.is_set()


def test_the_background_check_on_a_full_disk_is_not_damage(paths, monkeypatch):
    full = real_disk_full_error()

    def fails(conn, path):
        raise full

    monkeypatch.setattr("lianzheng_desktop.storage.background_check.check_integrity", fails)
    check = BackgroundCheck(paths, daily_backup=False).start()
    check.join()
    assert check.damaged is None and "磁盘空间" in str(check.unavailable)


def test_restore_refuses_when_the_current_data_cannot_be_backed_up(paths, tmp_path,
                                                                   monkeypatch):
    good = make_backup(paths, tmp_path / "usb")
    before = paths.db_path.read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_zip", no_space)
    with pytest.raises(backup.BackupError) as caught:
        restore_backup(good, paths)
    assert "没有恢复" in str(caught.value) and "磁盘空间不足" in str(caught.value)
    assert paths.db_path.read_bytes() == before
    assert list(paths.data_dir.glob("*已损坏*")) == []
    assert [p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")] == []


def test_restore_refuses_on_sqlite_disk_full_while_backing_up(paths, tmp_path, monkeypatch):
    good = make_backup(paths, tmp_path / "usb")
    before = paths.db_path.read_bytes()
    full = real_disk_full_error()

    def copy_fails(source, target):
        raise full

    monkeypatch.setattr(backup, "copy_database", copy_fails)
    with pytest.raises(backup.BackupError, match="没有恢复"):
        restore_backup(good, paths)
    assert paths.db_path.read_bytes() == before
    assert list(paths.data_dir.glob("*已损坏*")) == []


def test_restore_refuses_while_another_program_holds_the_file(paths, tmp_path):
    good = make_backup(paths, tmp_path / "usb")
    other = _hold_exclusively(paths.db_path)
    try:
        with pytest.raises(backup.BackupError, match="没有恢复.*占用"):
            restore_backup(good, paths)
    finally:
        other.close()
    assert list(paths.data_dir.glob("*已损坏*")) == []
    assert sqlite3.connect(paths.db_path).execute("SELECT count(*) FROM person").fetchone()[0]


def test_cli_restore_on_a_full_disk_exits_1_and_keeps_the_file(paths, tmp_path, monkeypatch,
                                                               capsys):
    good = make_backup(paths, tmp_path / "usb")
    before = paths.db_path.read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_zip", no_space)
    code = main(["--db", str(paths.db_path), "restore", str(good)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("错误：没有恢复") and "磁盘空间不足" in err and err.count("\n") == 1
    assert paths.db_path.read_bytes() == before
    assert list(paths.data_dir.glob("*已损坏*")) == []


def test_a_damaged_file_is_still_set_aside_and_restored(paths, tmp_path):
    good = make_backup(paths, tmp_path / "usb")
    damaged = b"SQLite format 3\x00" + b"\xff" * 8000
    paths.db_path.write_bytes(damaged)
    done = restore_backup(good, paths, now=NOW)
    assert done.kept is None and done.set_aside is not None
    assert done.set_aside.read_bytes() == damaged  # kept, never deleted
    assert sqlite3.connect(paths.db_path).execute("PRAGMA integrity_check").fetchone()[0] \
        == "ok"


def test_a_programs_own_sql_fault_is_neither_damage_nor_circumstance(tmp_path, monkeypatch,
                                                                       capsys):
    """ "no such table" is a bug: logged for the maintainer, not dressed up as a full disk."""
    from lianzheng_desktop.storage import db as db_module

    def buggy(db):
        db.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(db_module, "_seed_new_database", buggy)
    code = main(["--db", str(tmp_path / "new.db"), "plan", "show"])
    err = capsys.readouterr().err
    assert code == 3 and "意外问题" in err and "没有损坏" not in err
