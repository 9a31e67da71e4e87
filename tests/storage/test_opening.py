"""Opening a damaged file: a Chinese sentence, the file kept aside, the newest good backup back."""

import re
import sqlite3

from lianzheng_desktop.cli import main
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.backup import newest_good_backup, restore


def test_a_damaged_file_is_reported_kept_aside_and_recovered_from_a_backup(tmp_path, capsys):
    db = tmp_path / "data" / "l.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    conn = sqlite3.connect(db)
    talks = conn.execute("SELECT count(*) FROM talk").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert talks > 0
    raw = bytearray(db.read_bytes())
    raw[4096:4096 * 3] = b"\x5a" * (4096 * 2)  # scribble over pages 2 and 3
    db.write_bytes(bytes(raw))
    capsys.readouterr()

    code = main(["--db", str(db), "check"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith(f"错误：数据文件“{db}”已损坏") and err.count("\n") == 1, err
    assert db.read_bytes() == bytes(raw)  # nothing was written over the damaged file

    paths = AppPaths(db)
    good = newest_good_backup(paths)
    assert good is not None and f"最近一份完好的备份是“{good}”" in err
    # What the window runs when the secretary agrees to restore (qt/app.py _offer_restore):
    # the damaged file itself — the only copy of everything since that backup — is moved
    # aside under a new name by the restore, never deleted.
    assert restore(good, paths) is None  # nothing to back up first: the file is damaged
    aside = [p for p in db.parent.iterdir() if re.fullmatch(r"l-已损坏-\d{8}-\d{6}\.db", p.name)]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(raw)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM talk").fetchone()[0] == talks
    conn.close()
    assert main(["--db", str(db), "check"]) == 0


def test_opening_never_deletes_a_folder_of_the_secretarys_that_starts_with_tmp(tmp_path):
    """Only the exact check copies older versions left (tempfile's tmpXXXXXXXX holding
    nothing but the database) are tidied away; a folder of hers is never touched."""
    from lianzheng_desktop.app import session

    data = tmp_path / "台账"
    data.mkdir()
    hers = data / "tmp旧数据"
    hers.mkdir()
    (hers / "lianzheng.db").write_bytes(b"an old copy she keeps")
    (hers / "给纪委的说明.docx").write_bytes(b"notes")
    looks_like_ours = data / "tmpab12cd_3"
    looks_like_ours.mkdir()
    (looks_like_ours / "lianzheng.db").write_bytes(b"x")
    (looks_like_ours / "照片.jpg").write_bytes(b"a photo she put there")
    left_by_a_kill = data / "tmpq7x_k2m9"
    left_by_a_kill.mkdir()
    (left_by_a_kill / "lianzheng.db").write_bytes(b"a check copy")
    store = session.open_store(session.paths_for(str(data / "支部台账.db")), check=False)
    store.close()
    assert sorted(p.name for p in hers.iterdir()) == ["lianzheng.db", "给纪委的说明.docx"]
    assert (looks_like_ours / "照片.jpg").exists()
    assert not left_by_a_kill.exists()


def test_a_disk_with_no_room_left_is_said_full_not_faulty(tmp_path, monkeypatch):
    """revloss2 M-1: on a disk with no byte free the open fails on its shared-memory file
    with an I/O error, and she was told "读写磁盘出错（磁盘或U盘可能有故障）…请检查磁盘或U盘"."""
    import shutil
    import sqlite3
    from collections import namedtuple

    from lianzheng_desktop.storage import db as storage_db

    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10 | (18 << 8)  # SQLITE_IOERR_SHMSIZE
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10 << 20, 10 << 20, 0))
    said = str(storage_db.fault(error, tmp_path / "a.db"))
    assert "磁盘空间已满" in said and "请先清理磁盘" in said and "故障" not in said
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10 << 30, 1 << 30, 9 << 30))
    assert "磁盘或U盘可能有故障" in str(storage_db.fault(error, tmp_path / "a.db"))


def test_an_os_error_is_said_in_chinese_whatever_its_kind():
    """revcode2 F8: an error number the app does not name fell back to the system's own
    words — English on most machines — in front of the secretary."""
    import errno

    from lianzheng_desktop.storage.errors import os_error_text

    for number in (errno.EBUSY, errno.ENAMETOOLONG, errno.EEXIST, errno.EINVAL, 0):
        said = os_error_text(OSError(number, "Some English words"))
        assert "English" not in said and said, number
    held = PermissionError(13, "The process cannot access the file")
    held.winerror = 32
    assert os_error_text(held).startswith("文件正被另一个程序使用")
