"""Finding 3: attachments are inside the check, and a backup records no bad file."""

import sqlite3
import zipfile

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import backup
from lianzheng_desktop.storage.attachments import add_attachment, remove_attachment
from lianzheng_desktop.storage.audit import data_problems
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

from .conftest import NOW, make_backup


def _check(paths, capsys):
    code = main(["--db", str(paths.db_path), "check"])
    out, _ = capsys.readouterr()
    return code, out


def _stored(paths):
    (path,) = [p for p in paths.attachments_dir.rglob("*") if p.is_file()]
    return path


def test_a_sound_folder_passes(paths, capsys):
    code, out = _check(paths, capsys)
    assert code == 0 and out.startswith("检查完毕：数据文件完好")


def test_a_missing_file_is_found(paths, capsys):
    _stored(paths).unlink()
    code, out = _check(paths, capsys)
    assert code == 1 and "签到表.jpg" in out and "已丢失" in out
    # the record it belongs to as its ledger shows it, not the database's row number
    assert "佐证材料“签到表.jpg”（警示教育中2022-12-20的“" in out and "编号" not in out, out


def test_a_truncated_or_changed_file_is_found(paths, capsys):
    stored = _stored(paths)
    stored.write_bytes(stored.read_bytes()[:10])
    code, out = _check(paths, capsys)
    assert code == 1 and "签到表.jpg" in out and "不一致" in out


def test_a_row_deleted_outside_the_app_is_found(paths, capsys):
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("DELETE FROM attachment")
    code, out = _check(paths, capsys)
    assert code == 1 and "签到表.jpg" in out and "没有删除的留痕" in out


def test_a_row_added_outside_the_app_is_found(paths, capsys):
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("INSERT INTO attachment (ledger, record_id, file_name, sha256, size,"
                     " added_at) SELECT ledger, record_id, '伪造.pdf', sha256, size, added_at"
                     " FROM attachment")
    code, out = _check(paths, capsys)
    assert code == 1 and "伪造.pdf" in out and "软件之外添加" in out


def test_a_file_without_any_row_is_found(paths, capsys):
    stray = paths.attachments_dir / "ab" / ("ab" + "0" * 62 + ".pdf")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"who put this here")
    code, out = _check(paths, capsys)
    assert code == 1 and "没有对应的佐证材料记录" in out


def test_removing_in_the_app_is_not_a_problem(paths, tmp_path):
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir), clock=lambda: NOW)
    session = store.list("warning_education")[0]
    other = tmp_path / "会议记录.pdf"
    other.write_bytes(b"minutes")
    added = add_attachment(store, paths.attachments_dir, "warning_education", session.id,
                           other)
    remove_attachment(store, added.id)
    store.delete("warning_education", session.id)  # its attachment rows go with it
    assert data_problems(store) == []
    store.db.close()


def test_attachments_from_before_the_trail_covered_them_raise_no_alarm(paths):
    with sqlite3.connect(paths.db_path) as conn:  # as an older version left the file
        conn.execute("DELETE FROM audit_log WHERE ledger = 'attachment'")
        conn.execute("DELETE FROM schema_migration WHERE name = '0008_audit_attachments'")
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir))
    assert data_problems(store) == []
    store.db.close()


def test_a_backup_refuses_to_record_a_changed_file(paths, tmp_path):
    stored = _stored(paths)
    stored.write_bytes(b"truncated")
    with pytest.raises(backup.IncompleteBackupError) as caught:
        make_backup(paths, tmp_path / "usb")
    assert "1 份佐证材料" in str(caught.value) and "没有放进备份" in str(caught.value)
    with zipfile.ZipFile(caught.value.path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("附件/")]
    info = backup.verify_backup(caught.value.path)  # the database itself is backed up
    assert info.counts["attachment"] == 1


def test_the_daily_backup_keeps_older_backups_when_a_file_is_bad(paths):
    _stored(paths).write_bytes(b"truncated")
    paths.backups_dir.mkdir(exist_ok=True)
    old = paths.backups_dir / "廉政台账自动备份-20200101-090000.zip"
    old.write_bytes(b"an old backup, outside the rotation's 24 months")
    conn = sqlite3.connect(paths.db_path)
    with pytest.raises(backup.IncompleteBackupError):
        backup.daily_backup(conn, paths, now=NOW)
    conn.close()
    assert old.exists()
