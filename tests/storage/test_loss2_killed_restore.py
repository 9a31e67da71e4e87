"""revloss F7: a restore or a backup killed half-way. The next start says what happened —
restored or not, and where the 恢复前备份 is — and removes the app's own temporary files
(those of killed backups, SQLite's files beside their copies), never a user's file."""

import os
import subprocess
import sys
import textwrap

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import crash_notes
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store


@pytest.fixture
def data(tmp_path):
    """A file with the demo year and a backup of it; then one more meeting-free change."""
    db = tmp_path / "data" / "l.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup", str(tmp_path / "bk")]) == 0
    crash_notes.take_notices()
    backup, = (tmp_path / "bk").glob("*.zip")
    return db, backup


def _killed(code: str, db, backup, tmp_path):
    """Run ``code`` in a process of its own that ends with os._exit(9) where it says."""
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from lianzheng_desktop.paths import AppPaths
        from lianzheng_desktop.storage import restore, backup
        paths = AppPaths(Path({str(db)!r}))
        file = Path({str(backup)!r})
        def die(*args, **kwargs):
            os._exit(9)
    """) + textwrap.dedent(code)
    env = {**os.environ, "LIANZHENG_KEY_DIR": os.environ["LIANZHENG_KEY_DIR"]}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr


def _next_start(db, capsys):
    assert main(["--db", str(db), "check"]) in (0, 1)
    return capsys.readouterr().err


def _kept_backups(db):
    return sorted(AppPaths(db).backups_dir.glob("廉政台账恢复前备份-*.zip"))


def test_killed_after_the_swap_the_next_start_says_it_was_restored(data, tmp_path, capsys):
    db, backup = data
    _killed("restore._put_back_printed = die\nrestore.restore_backup(file, paths)",
            db, backup, tmp_path)
    err = _next_start(db, capsys)
    kept, = _kept_backups(db)
    assert "恢复已经完成" in err and str(kept) in err and backup.name in err
    assert "恢复已经完成" not in _next_start(db, capsys)  # said once


def test_killed_while_the_window_says_restore_done_the_next_start_says_it(data, tmp_path,
                                                                           capsys):
    """revclose4 6: the window's "恢复完成" waits for a click; killed (a power cut) while it
    was up, the next start said nothing: the note was gone before the message showed."""
    db, backup = data
    _killed("restore.restore_backup(file, paths, told_later=True)\ndie()  # 恢复完成 on screen",
            db, backup, tmp_path)
    err = _next_start(db, capsys)
    kept, = _kept_backups(db)
    assert "恢复已经完成（软件在显示结果前被关闭）" in err and str(kept) in err


def test_killed_after_the_journal_the_next_start_finishes_and_says_so(data, tmp_path, capsys):
    db, backup = data
    _killed("restore._apply = die\nrestore.restore_backup(file, paths)", db, backup, tmp_path)
    err = _next_start(db, capsys)
    kept, = _kept_backups(db)
    assert "现已把恢复做完" in err and str(kept) in err


def test_killed_before_anything_was_replaced_says_nothing_was_restored(data, tmp_path,
                                                                        capsys):
    db, backup = data
    store = Store(open_db(db))
    before = len(store.list("activity"))
    store.close()
    _killed("restore._write_journal = die\nrestore.restore_backup(file, paths)",
            db, backup, tmp_path)
    err = _next_start(db, capsys)
    assert "恢复没有进行" in err and "数据保持恢复前的样子" in err
    store = Store(open_db(db))
    assert len(store.list("activity")) == before
    store.close()


def test_sqlite_files_of_a_killed_backup_copy_go_and_a_users_files_stay(data, capsys):
    db, _backup = data
    folder = AppPaths(db).backups_dir
    ours = [folder / f"廉政台账恢复前备份-20261130-124847.zip.db.part{s}"
            for s in ("-journal", "-wal", "-shm")]
    theirs = [folder / "廉政台账说明.txt", folder / "我的笔记.part-journal",
              folder / "廉政台账备份-20261130-124847.zip.db.part-wal.txt"]
    for path in ours + theirs:
        path.write_text("x", encoding="utf-8")
    _next_start(db, capsys)
    assert not any(path.exists() for path in ours)
    assert all(path.exists() for path in theirs)


def test_a_backup_to_a_usb_stick_killed_half_way_is_tidied_and_said(data, tmp_path, capsys):
    db, backup = data
    stick = tmp_path / "U盘"
    stick.mkdir()
    (stick / "她自己的文件.docx").write_text("x", encoding="utf-8")
    _killed("""
        import sqlite3
        real = backup.write_zip
        def half(partial, *args, **kwargs):
            partial.write_bytes(b"PK")
            os._exit(9)
        backup.write_zip = half
        conn = sqlite3.connect(str(paths.db_path))
        backup.create_backup(conn, paths, folder=Path("U盘"))  # as typed: relative
    """, db, backup, tmp_path)
    assert any(p.name.endswith(".part") for p in stick.iterdir())
    err = _next_start(db, capsys)
    assert "备份没有完成" in err and str(stick) in err
    assert sorted(p.name for p in stick.iterdir()) == ["她自己的文件.docx"]
    assert not crash_notes.backup_note(AppPaths(db)).exists()


def test_a_note_half_written_when_the_kill_came_is_removed(tmp_path):
    """A kill inside the note's own write leaves its .part: the next open removes it (the
    random-kill test once found '.…-恢复中-经过.json.part' left in the data folder)."""
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import crash_notes
    from lianzheng_desktop.storage.db import open_db

    paths = AppPaths(tmp_path / "台账.db")
    open_db(paths.db_path).close()
    for note in (crash_notes.restore_note(paths), crash_notes.backup_note(paths)):
        note.with_name(note.name + ".part").write_text("{\"sou", encoding="utf-8")
    open_db(paths.db_path, backup_dir=paths.backups_dir).close()  # as every open does
    crash_notes.take_notices()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
