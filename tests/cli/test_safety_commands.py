"""``lianzheng backup / restore / check`` from the command line."""

import sqlite3
from pathlib import Path


def _backup_path(out: str) -> Path:
    assert out.startswith("已备份到 "), out
    return Path(out.strip().removeprefix("已备份到 "))


def test_backup_check_tamper_and_restore(cli, tmp_path):
    db = str(tmp_path / "data" / "l.db")
    assert cli("--db", db, "demo")[0] == 0
    code, out, _ = cli("--db", db, "check")
    assert code == 0 and "完好" in out

    code, out, _ = cli("--db", db, "backup", str(tmp_path / "usb"))
    assert code == 0
    zipped = _backup_path(out)
    assert zipped.parent == tmp_path / "usb" and zipped.suffix == ".zip" and zipped.is_file()

    conn = sqlite3.connect(db)
    before = conn.execute("SELECT count(*), min(topic) FROM activity").fetchone()
    conn.execute("UPDATE activity SET topic = '在软件之外改过' WHERE id = "
                 "(SELECT min(id) FROM activity)")
    conn.commit()
    conn.close()
    code, out, _ = cli("--db", db, "check")
    assert code == 1 and "问题" in out

    code, out, err = cli("--db", db, "restore", str(zipped))
    assert code == 0, err
    assert "已从" in out and "恢复前的数据已另行备份到" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), min(topic) FROM activity").fetchone() == before
    conn.close()
    assert cli("--db", db, "check")[0] == 0


def test_restore_refuses_a_file_that_is_not_a_backup(cli, tmp_path):
    db = str(tmp_path / "l.db")
    assert cli("--db", db, "demo")[0] == 0
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    code, out, err = cli("--db", db, "restore", str(junk))
    assert code == 1 and out == ""
    assert err.strip() and "Traceback" not in err
    assert cli("--db", db, "check")[0] == 0
