"""Each data file backs up into its own folder, and a backup says which file and unit it
came from, so that a restore can warn when they differ."""

import sqlite3
from datetime import datetime

from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import backup
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.restore import current_unit, origin_warning
from lianzheng_desktop.storage.store import Store

NOW = datetime(2022, 12, 31, 17, 0)


def make(path, unit):
    paths = AppPaths(path)
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.save_profile(UnitProfile(unit, f"{unit}机关党支部", "王建国"))
    store.db.close()
    return paths


def daily(paths, now=NOW):
    conn = sqlite3.connect(paths.db_path)
    try:
        return backup.daily_backup(conn, paths, now=now)
    finally:
        conn.close()


def test_two_files_in_one_folder_each_get_the_days_backup_in_a_folder_of_their_own(tmp_path):
    own = make(tmp_path / "lianzheng.db", "县总工会")
    other = make(tmp_path / "示范数据.db", "示范单位")
    first, second = daily(own), daily(other)
    assert first is not None and first.parent == tmp_path / "备份"  # where it always was
    assert second is not None and second.parent == tmp_path / "备份" / "示范数据"
    assert daily(own) is None and daily(other) is None  # once a day each


def test_a_backup_names_its_file_and_unit(tmp_path):
    paths = make(tmp_path / "2023年.db", "县总工会")
    info = backup.verify_backup(daily(paths))
    assert (info.db_file, info.unit) == ("2023年.db", "县总工会")


def test_backups_another_file_left_in_the_shared_folder_do_not_count_for_the_default(
        tmp_path):
    """Before each file had its own folder, 示范数据.db backed up into 备份 too: its backup
    of today must not stop lianzheng.db's, and it is still found for 示范数据.db."""
    own = make(tmp_path / "lianzheng.db", "县总工会")
    other = make(tmp_path / "示范数据.db", "示范单位")
    conn = sqlite3.connect(other.db_path)
    old = backup.create_backup(conn, other, folder=tmp_path / "备份", kind="daily",
                               now=NOW.replace(hour=9))
    conn.close()
    assert daily(own) is not None  # not skipped because of the other file's backup
    assert backup.newest_good_backup(other) == old
    assert old not in backup.backups_of(own)


def test_restore_warns_when_the_backup_came_from_another_file_or_unit(tmp_path):
    own = make(tmp_path / "lianzheng.db", "县总工会")
    other = make(tmp_path / "示范数据.db", "示范单位")
    info = backup.verify_backup(daily(other))
    assert current_unit(own) == "县总工会"
    warning = origin_warning(info.db_file, info.unit, own, current_unit(own))
    assert "“示范数据.db”" in warning and "“lianzheng.db”" in warning
    assert "“示范单位”" in warning and "“县总工会”" in warning
    same = backup.verify_backup(daily(own))
    assert origin_warning(same.db_file, same.unit, own, current_unit(own)) is None
    assert origin_warning(None, None, own, "县总工会") is None  # older backups do not say
