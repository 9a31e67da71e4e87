"""Finding 8 (storage's part): cases that went wrong silently now say so or are made right."""

import errno
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import backup, lock
from lianzheng_desktop.storage.db import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    MissingDatabaseError,
    open_db,
)

from .conftest import make_backup


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("how", ["missing", "zero bytes"])
def test_a_missing_or_empty_file_with_backups_is_reported_not_made_new(paths, capsys, how):
    make_backup(paths, paths.backups_dir)
    if how == "missing":
        paths.db_path.unlink()
    else:
        paths.db_path.write_bytes(b"")
    for side in ("-wal", "-shm"):
        paths.db_path.with_name(paths.db_path.name + side).unlink(missing_ok=True)
    with pytest.raises(MissingDatabaseError) as caught:
        open_db(paths.db_path, backup_dir=paths.backups_dir)
    assert isinstance(caught.value, DamagedDatabaseError)  # so the window offers a restore
    code, out, err = _run(capsys, "--db", str(paths.db_path), "check")
    assert code == 1 and "完好" not in out
    assert ("不存在" if how == "missing" else "是空的") in err and "restore" in err
    assert not paths.db_path.exists() or paths.db_path.stat().st_size == 0


def test_the_window_offers_the_restore_for_a_missing_file(paths, monkeypatch):
    from lianzheng_desktop.qt import app

    good = make_backup(paths, paths.backups_dir)
    paths.db_path.unlink()
    offered = []

    def offer(paths_, message):
        offered.append(message)
        return False

    monkeypatch.setattr(app, "_offer_restore", offer)
    import argparse

    args = argparse.Namespace(db=str(paths.db_path), screenshot=None, exit_after_start=False,
                              today=None)
    with pytest.raises(DamagedDatabaseError, match="不存在"):  # with the command line's hint
        app._open_and_run(None, args, None, paths, unattended=False)
    assert offered and "不存在" in offered[0]
    assert good.exists() and not paths.db_path.exists()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, capsys):
    foreign = tmp_path / "其他软件.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('张三')")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_db(foreign)
    code, _, err = _run(capsys, "--db", str(foreign), "check")
    assert code == 1 and "其他软件的数据库文件" in err and err.count("\n") == 1
    assert foreign.read_bytes() == before


HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from lianzheng_desktop.storage import lock
    lock.acquire(Path(sys.argv[1]))
    print("held", flush=True)
    time.sleep(60)
""")


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_the_lock_holds_across_a_hard_link(paths, tmp_path):
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    alias = elsewhere / "同一个文件.db"
    os.link(paths.db_path, alias)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(lock.DatabaseInUseError, match="正被另一个"):
            lock.acquire(alias)
    finally:
        holder.kill()
        holder.wait()
    lock.acquire(alias)  # once the other process is gone, the file is free
    lock.release(alias)


def test_read_only_commands_work_on_a_full_disk(paths, tmp_path, capsys, monkeypatch):
    db = str(paths.db_path)

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_zip", no_space)  # the day's backup cannot be written
    for args in (("plan", "show"), ("checklist", "--quarter", "2022Q4", "--as-of",
                                    "2022-12-31")):
        code, out, err = _run(capsys, "--db", db, *args)
        assert code == 0, err
        assert out and "磁盘空间不足" in err and "照常执行" in err
    (tmp_path / "U盘").mkdir()  # another disk, with room
    code, out, err = _run(capsys, "--db", db, "export", str(tmp_path / "U盘" / "导出.xlsx"))
    assert code == 0, err
    assert (tmp_path / "U盘" / "导出.xlsx").is_file()
