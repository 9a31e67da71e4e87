"""A full disk or a read-only folder: a clear message, and nothing half written."""

import os
import sqlite3

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.db import DatabaseOpenError, open_db
from lianzheng_desktop.storage.errors import user_message
from lianzheng_desktop.storage.store import Store


def test_a_full_disk_stores_nothing_half_and_says_so(tmp_path):
    store = Store(open_db(tmp_path / "full.db"))
    store.add("roster", {"name": "王建国", "role": "书记"})
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now 'full'
    before = store.count("activity")
    with pytest.raises(UserError, match="磁盘空间已满，本次修改没有保存") as caught:
        store.add("activity", {"date": "2022-03-08", "type": "专题会议", "topic": "部署",
                               "summary": "很长的记录" * 5000})
    # a UserError every caller already shows as it is (the form, an import, the command
    # line), not an unexpected error: a reviewer's Excel import into a full disk said 程序出错
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert "磁盘空间已满" in str(user_message(caught.value.__cause__))
    assert store.count("activity") == before
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_is_a_clear_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseOpenError):
            open_db(folder / "sub" / "x.db")
    finally:
        folder.chmod(0o700)


def test_an_unopenable_place_is_one_sentence_from_the_command_line(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(["--db", str(blocker / "x.db"), "check"])
    assert code == 1
    assert capsys.readouterr().err.startswith("错误：")
