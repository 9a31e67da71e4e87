import json
import sqlite3
import zipfile
from datetime import date, datetime, timedelta

import pytest

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import backup, backup_kept
from lianzheng_desktop.storage.attachments import add_attachment, list_attachments, open_path
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

NOW = datetime(2022, 12, 31, 17, 0)


@pytest.fixture
def paths(tmp_path):
    paths = AppPaths(tmp_path / "data" / "lianzheng.db")
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    store.add("roster", {"name": "王建国", "role": "书记"})
    session = store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                              "topic": "观看《零容忍》"})
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"sign-in sheet photo")
    add_attachment(store, paths.attachments_dir, "warning_education", session.id, photo)
    store.db.close()
    return paths


def conn(paths):
    return sqlite3.connect(paths.db_path)


def test_a_backup_holds_the_database_the_attachments_and_a_manifest(paths, tmp_path):
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    assert file.name == "廉政台账备份-20221231-170000.zip"
    with zipfile.ZipFile(file) as archive:
        names = archive.namelist()
    assert "lianzheng.db" in names and "manifest.json" in names
    assert any(n.startswith("附件/") for n in names)
    info = backup.verify_backup(file)
    assert info.counts["warning_session"] == 1 and info.counts["attachment"] == 1


def test_restore_verifies_keeps_the_current_data_and_brings_back_attachments(paths, tmp_path):
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    store.add("activity", {"date": "2022-12-30", "type": "专题会议", "topic": "备份之后的记录"})
    store.db.close()
    import shutil

    shutil.rmtree(paths.attachments_dir)
    kept = backup.restore(file, paths, now=NOW + timedelta(minutes=1))
    assert kept is not None and "恢复前备份" in kept.name
    restored = Store(open_db(paths.db_path))
    assert restored.count("activity") == 0  # back to the backup's state
    session = restored.list("warning_education")[0]
    (attachment,) = list_attachments(restored, "warning_education", session.id)
    assert open_path(paths.attachments_dir, attachment).read_bytes() == b"sign-in sheet photo"
    assert backup.verify_backup(kept).counts["activity"] == 1  # nothing was lost


def test_a_corrupted_backup_is_refused_before_anything_is_replaced(paths, tmp_path):
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(file) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[:-100] + b"x" * 100 if name == "lianzheng.db" else data)
    before = paths.db_path.read_bytes()
    with pytest.raises(backup.BackupError, match="不一致|损坏|完整"):
        backup.restore(broken, paths)
    assert paths.db_path.read_bytes() == before
    (tmp_path / "notzip.zip").write_text("hello")
    with pytest.raises(backup.BackupError, match="不是完整的"):
        backup.verify_backup(tmp_path / "notzip.zip")


def test_a_backup_from_a_newer_version_is_refused(paths, tmp_path):
    c = conn(paths)
    c.execute("INSERT INTO schema_migration VALUES ('9999_future', 'x')")
    c.commit()
    file = backup.create_backup(c, paths, folder=tmp_path / "usb", now=NOW)
    with pytest.raises(backup.BackupError, match="更新版本"):
        backup.verify_backup(file)


def test_daily_backup_once_a_day(paths):
    assert backup.daily_backup(conn(paths), paths, NOW) is not None
    assert backup.daily_backup(conn(paths), paths, NOW + timedelta(hours=2)) is None
    assert backup.daily_backup(conn(paths), paths, NOW + timedelta(days=1)) is not None


def test_rotation_keeps_30_days_and_one_a_month_for_two_years(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    start = date(2020, 1, 1)
    for n in range(0, 1100, 3):  # every third day for three years
        day = start + timedelta(days=n)
        (folder / f"廉政台账自动备份-{day:%Y%m%d}-090000.zip").write_text("x")
    today = start + timedelta(days=1098)
    backup.rotate(folder)
    kept = sorted(d for d, _ in backup._daily_files(folder))
    recent = [d for d in kept if d >= today - timedelta(days=89)]
    assert len(recent) >= 30
    older = [d for d in kept if d < kept[-30]]
    months = {(d.year, d.month) for d in older}
    assert len(older) == len(months)  # one a month
    assert all((today.year - y) * 12 + today.month - m < 24 for y, m in months)
    # and that one is kept for every month of the two years (revcode2 T4: the bounds above
    # held with no monthly backup kept at all)
    made = [start + timedelta(days=n) for n in range(0, 1100, 3)]
    for y, m in {(d.year, d.month) for d in made
                 if (today.year - d.year) * 12 + today.month - d.month < 24}:
        assert min(d for d in made if (d.year, d.month) == (y, m)) in kept, (y, m)


def _hold_open(monkeypatch, held: set):
    """Backups in ``held`` cannot be deleted, as files open in another program on Windows."""
    from pathlib import Path

    unlink = Path.unlink

    def refuse(path, missing_ok=False):
        if path in held:
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)


def _old_backups(folder, n=40):
    """``n`` daily backups from 2 January 2020, oldest first, after a month's first one of
    2018-02 … 2020-01: the last 24 months with a backup have their first ones, so no daily
    one outside the newest 30 is kept (and 2018-02's is one month too many)."""
    folder.mkdir(parents=True, exist_ok=True)
    for month in range(1, 25):
        day = date(2018 + month // 12, month % 12 + 1, 1)
        (folder / f"廉政台账自动备份-{day:%Y%m%d}-090000.zip").write_text("x")
    files = [folder / f"廉政台账自动备份-{date(2020, 1, 2) + timedelta(days=d):%Y%m%d}-090000.zip"
             for d in range(n)]
    for file in files:
        file.write_text("x")
    return files


def test_rotation_skips_backups_it_cannot_delete_and_removes_the_rest(tmp_path, monkeypatch):
    files = _old_backups(tmp_path / "b")
    held = set(files[:4])  # the oldest, first in line to go
    _hold_open(monkeypatch, held)
    monthly = sorted(set((tmp_path / "b").iterdir()) - set(files))
    done = backup.rotate(tmp_path / "b")
    assert set(done.stuck) == held and done.removed == [monthly[0], *files[4:10]]
    assert sorted((tmp_path / "b").iterdir()) == sorted([*monthly[1:], *held, *files[10:]])
    assert done.notice() == (
        "今天的自动备份已完成。有4份过期的旧备份无法删除（可能正被其他程序打开），暂时留在"
        "备份文件夹中：“廉政台账自动备份-20200102-090000.zip”、“廉政台账自动备份-20200103-"
        "090000.zip”、“廉政台账自动备份-20200104-090000.zip”等4份；其余过期备份已照常清理。"
        "关闭打开它们的程序后，下次启动时会再删除。")
    monkeypatch.undo()
    assert backup.rotate(tmp_path / "b").notice() is None  # closed: gone
    assert sorted((tmp_path / "b").iterdir()) == sorted([*monthly[1:], *files[10:]])


def test_a_command_says_once_that_an_old_backup_was_kept_and_runs(paths, monkeypatch, capsys):
    from lianzheng_desktop.app import session

    held = _old_backups(paths.backups_dir)[0]
    _hold_open(monkeypatch, {held})
    session.open_store(paths).db.close()
    err = capsys.readouterr().err
    assert err == ("提示：今天的自动备份已完成。有1份过期的旧备份无法删除（可能正被其他程序打开），"
                   "暂时留在备份文件夹中：“廉政台账自动备份-20200102-090000.zip”；其余过期备份已"
                   "照常清理。关闭打开它的程序后，下次启动时会再删除。\n")
    # today's, the 29 newest before it, the one held, and the first of each of 2018-03 …
    # 2020-01: with 2020-02 the last 24 months with a backup before today's
    assert held.exists() and len(list(paths.backups_dir.glob("*.zip"))) == 31 + 23


def test_the_newest_good_backup_skips_broken_ones(paths):
    good = backup.create_backup(conn(paths), paths, now=NOW)
    broken = paths.backups_dir / "廉政台账备份-20230101-000000.zip"
    broken.write_text("broken")
    assert backup.newest_good_backup(paths) == good


def test_the_newest_backup_is_the_one_made_last_not_the_one_copied_in_last(paths):
    """revloss7 W2: backups gathered from a USB stick bear the day they were copied as
    their file time; the damaged-file question offered the older one as 最近的备份, and
    restoring it lost a month of the office's records."""
    import os

    newer = backup.create_backup(conn(paths), paths, now=NOW)
    older = backup.create_backup(conn(paths), paths, now=NOW - timedelta(days=30))
    os.utime(newer, (1_600_000_000, 1_600_000_000))  # copied in long ago, by its file time
    assert backup.backups_of(paths) == [newer, older]
    assert backup.newest_good_backup(paths) == newer


def test_a_backup_to_an_unwritable_place_says_so(paths, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(backup.BackupError, match="无法把备份写入"):
        backup.create_backup(conn(paths), paths, folder=blocker / "sub", now=NOW)


def test_the_default_files_rotation_leaves_other_files_backups_in_the_shared_folder(paths):
    """Older versions kept every data file's backups in one 备份 folder, which is still
    lianzheng.db's own: its rotation must count and delete only its own backups there."""
    other = AppPaths(paths.data_dir / "二〇二一年.db")
    Store(open_db(other.db_path), clock=lambda: NOW).db.close()
    shared = paths.shared_backups_dir
    theirs = [backup.create_backup(conn(other), other, folder=shared, kind="daily",
                                   now=datetime(2022, 3, day, 9)) for day in (2, 9, 16)]
    for n in range(40):  # forty days of the default file's daily backups, after theirs
        backup.daily_backup(conn(paths), paths, NOW - timedelta(days=40 - n))
    assert all(path.exists() for path in theirs)
    own = [p for p in backup.backups_of(paths) if "自动备份" in p.name]
    assert len(own) == 30 + 1  # the newest 30 and the first of an earlier month


def test_two_backups_in_one_second_are_both_kept(paths, tmp_path):
    """备份到… twice within a second wrote the same file name: the second replaced the
    first. Now the second is ~2, and both are whole backups (the daily rotation reads it)."""
    first = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    second = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    assert first != second and first.exists() and second.exists()
    assert second.stem == first.stem + "~2"
    daily = [backup.create_backup(conn(paths), paths, kind="daily", now=NOW) for _ in range(2)]
    assert [d for _, d in backup._daily_files(paths.backups_dir)] == sorted(daily)


def _hand_in(paths, folder):
    """A report handed in: the version recorded, its PDF kept in ``folder``."""
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.storage import reports

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    folder.mkdir(parents=True, exist_ok=True)
    printed = folder / "2022年第四季度报告（打印）.pdf"
    printed.write_bytes(b"%PDF-1.4 the report as handed in")
    reports.record_version(store, ReportPeriod(2022, 4), printed, {"一": "正文"})
    store.db.close()
    return printed


def test_the_reports_handed_in_travel_with_the_backup_to_a_new_pc(paths, tmp_path):
    """A reviewer moved to a new PC by backup and restore: the copies kept when printing
    (报告/打印留存) stayed on the old machine, and the report page pointed at them there."""
    from lianzheng_desktop.storage.restore import restore_backup

    printed = _hand_in(paths, paths.reports_dir / "打印留存")
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    with zipfile.ZipFile(file) as archive:
        assert f"打印留存/{printed.name}" in archive.namelist()
    new_pc = AppPaths(tmp_path / "新电脑" / "lianzheng.db")
    done = restore_backup(file, new_pc, now=NOW)
    copy = new_pc.reports_dir / "打印留存" / printed.name
    assert copy.read_bytes() == printed.read_bytes() and done.printed_missing == []
    assert backup.verify_backup(file).counts["warning_session"] == 1


def test_a_report_copy_changed_inside_a_backup_fails_its_check(paths, tmp_path):
    printed = _hand_in(paths, tmp_path / "桌面")  # saved elsewhere: kept all the same
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(file) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == f"打印留存/{printed.name}":
                data = b"%PDF-1.4 another text"
            target.writestr(info, data)
    with pytest.raises(backup.BackupError, match="打印留存的报告.*不一致"):
        backup.verify_backup(tampered)
    printed.write_bytes(b"changed after it was handed in")  # not the copy handed in
    later = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb2", now=NOW)
    with zipfile.ZipFile(later) as archive:
        assert not any(n.startswith("打印留存/") for n in archive.namelist())


def test_a_version_handed_in_is_found_where_it_is_kept_now(paths, tmp_path):
    from lianzheng_desktop.storage.reports import kept_file, list_versions
    from lianzheng_desktop.storage.restore import restore_backup

    printed = _hand_in(paths, paths.reports_dir / "打印留存")
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    new_pc = AppPaths(tmp_path / "新电脑" / "lianzheng.db")
    restore_backup(file, new_pc, now=NOW)
    printed.unlink()  # the old PC is gone
    [version] = list_versions(Store(open_db(new_pc.db_path)))
    assert kept_file(version, new_pc.reports_dir) == new_pc.reports_dir / "打印留存" / printed.name
    assert kept_file(version, paths.reports_dir) is None


def test_a_session_that_changed_anything_is_backed_up_as_the_window_closes(paths):
    """The day's first start backs the file up as it was; a reviewer's whole first day of
    back-filling was in no backup until the next day. Now the close backs it up, once per
    session that changed anything, the newest three kept."""
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    mark = store.change_mark()
    assert backup_kept.closing_backup(store, paths, since=mark, now=NOW) is None  # nothing new
    for n in range(4):
        before = store.change_mark()
        store.add("activity", {"date": "2022-12-30", "type": "专题会议", "topic": f"第{n}次"})
        assert store.change_mark() > before
        made = backup_kept.closing_backup(store, paths, since=before,
                                     now=NOW + timedelta(minutes=n))
        assert made is not None and "关闭时备份" in made.name
    kept = sorted(p.name for p in paths.backups_dir.glob("廉政台账关闭时备份-*.zip"))
    assert kept == [f"廉政台账关闭时备份-20221231-17{n:02d}00.zip" for n in (1, 2, 3)]
    assert backup.verify_backup(paths.backups_dir / kept[-1]).counts["activity"] == 4
    assert backup.backups_of(paths)[0].name == kept[-1]  # offered first by 从备份恢复
    store.db.close()


def test_a_form_left_open_at_closing_is_backed_up_too(paths):
    """revloss3 L-1: the day's only work a long half-typed record, kept as a draft as the
    window closed: the trail leaves drafts out, so the close made no backup of it."""
    from lianzheng_desktop.storage import drafts

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    mark = store.change_mark()
    drafts.save(store, "activity", drafts.NEW, {"topic": "半天斟酌的会议记录"})
    made = backup_kept.closing_backup(store, paths, since=mark, now=NOW)
    assert made is not None
    assert backup_kept.closing_backup(store, paths, since=store.change_mark(), now=NOW) is None
    # typed on with the PC's clock set back: still a change (revdiff8 14)
    mark = store.change_mark()
    store.clock = lambda: NOW - timedelta(days=30)
    drafts.save(store, "talk", drafts.NEW, {"topic": "另一张表，时钟被调慢后填写"})
    assert store.change_mark() != mark
    store.db.close()


def test_the_window_backs_up_the_day_when_it_closes(paths, qapp):
    from lianzheng_desktop.qt.app import _back_up_the_day

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    mark = store.change_mark()
    _back_up_the_day(store, paths, mark)
    assert not list(paths.backups_dir.glob("廉政台账关闭时备份-*.zip"))
    store.add("activity", {"date": "2022-12-30", "type": "专题会议", "topic": "收工前录入"})
    _back_up_the_day(store, paths, mark)
    assert len(list(paths.backups_dir.glob("廉政台账关闭时备份-*.zip"))) == 1
    store.db.close()


def test_a_report_copy_whose_name_is_taken_on_the_new_pc_is_put_back_beside_it(paths,
                                                                              tmp_path):
    """A different file of that name in the new folder's 打印留存 made the restore skip the
    copy without a word, and the report page said the file was gone (a reviewer)."""
    from lianzheng_desktop.storage.reports import kept_file, list_versions
    from lianzheng_desktop.storage.restore import restore_backup

    printed = _hand_in(paths, paths.reports_dir / "打印留存")
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    new_pc = AppPaths(tmp_path / "新电脑" / "lianzheng.db")
    other = new_pc.reports_dir / "打印留存" / printed.name
    other.parent.mkdir(parents=True)
    other.write_bytes(b"%PDF-1.4 another unit's report of that name")
    done = restore_backup(file, new_pc, now=NOW)
    assert done.printed_missing == [] and other.read_bytes().startswith(b"%PDF-1.4 another")
    kept_bytes = printed.read_bytes()
    printed.unlink()  # the old PC is gone
    [version] = list_versions(Store(open_db(new_pc.db_path)))
    found = kept_file(version, new_pc.reports_dir)
    assert found is not None and found.read_bytes() == kept_bytes
    assert found.name == f"{version.sha256[:8]}-{printed.name}"


def test_a_restore_cut_short_puts_the_reports_handed_in_back_when_finished(
        paths, tmp_path, monkeypatch):
    """A restore to a new PC cut short after its journal was written is finished at the next
    open; the copies of the reports handed in were left in the backup, never put back."""
    from lianzheng_desktop.storage import restore as restoring
    from lianzheng_desktop.storage.opening_guards import tidy_after_a_crash

    printed = _hand_in(paths, paths.reports_dir / "打印留存")
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    new_pc = AppPaths(tmp_path / "新电脑" / "lianzheng.db")

    def power_cut(_paths):
        raise OSError("断电")

    with monkeypatch.context() as patch:
        patch.setattr(restoring, "_apply", power_cut)
        with pytest.raises(backup.BackupError, match="下次打开软件时会自动"):
            restoring.restore_backup(file, new_pc, now=NOW)
    copy = new_pc.reports_dir / "打印留存" / printed.name
    assert not copy.exists() and not new_pc.db_path.exists()
    tidy_after_a_crash(new_pc)  # the next open
    assert new_pc.db_path.exists()
    assert copy.read_bytes() == printed.read_bytes()


def test_a_deleted_records_evidence_travels_with_every_backup_and_comes_back(paths, tmp_path):
    """revloss2 H-3: a record in 回收站 kept its 佐证材料 only as a note in the trash, so no
    backup carried the file: restored on another PC, the record came back from 回收站 with
    its 签到表 "已丢失"."""
    from lianzheng_desktop.storage.restore import restore_backup

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    session = store.list("warning_education")[0]
    store.delete("warning_education", session.id)
    store.db.close()
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    with zipfile.ZipFile(file) as archive:
        assert any(n.startswith("附件/") for n in archive.namelist())
    new_pc = AppPaths(tmp_path / "new-pc" / "lianzheng.db")
    restore_backup(file, new_pc, now=NOW)
    assert _taken_back(new_pc) == b"sign-in sheet photo"


def test_restoring_an_older_backup_leaves_a_trashed_records_file_in_place(paths, tmp_path):
    """A backup made before the fix above lacks the file of a record in 回收站; restoring
    it moved that file aside (only the backup's own files stayed), so taking the record
    back found it missing."""
    from lianzheng_desktop.storage.restore import restore_backup

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    store.delete("warning_education", store.list("warning_education")[0].id)
    store.db.close()
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    older = tmp_path / "older.zip"  # the same backup without the file, as before the fix
    with zipfile.ZipFile(file) as source, zipfile.ZipFile(older, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["attachments"] = {}
        for info in source.infolist():
            if not info.filename.startswith("附件/") and info.filename != "manifest.json":
                target.writestr(info, source.read(info))
        target.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    restore_backup(older, paths, now=NOW + timedelta(minutes=1))
    assert _taken_back(paths) == b"sign-in sheet photo"


def test_a_trashed_records_file_gone_from_the_folder_does_not_fail_the_backup(paths, tmp_path):
    """revcode2 K: carrying 回收站's files made their absence (moved aside by an older
    restore) an "incomplete" backup every day — "已丢失…请从更早的备份恢复" about a record
    she deleted, while 检查数据 found nothing, and rotation stopped."""
    import shutil

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    store.delete("warning_education", store.list("warning_education")[0].id)
    store.db.close()
    shutil.rmtree(paths.attachments_dir)
    file = backup.create_backup(conn(paths), paths, folder=tmp_path / "usb", now=NOW)
    assert backup.verify_backup(file).counts["warning_session"] == 0


def test_a_record_file_lost_does_not_stop_the_trash_being_emptied(paths, tmp_path):
    """revdiff7 F3: one live record's missing 签到表 made the backup before 清空回收站
    "incomplete", so 回收站 could never be emptied and each try left a backup never pruned."""
    import shutil

    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    record = store.add("activity", {"date": "2022-12-01", "type": "专题会议", "topic": "删掉的"})
    store.delete("activity", record.id)
    shutil.rmtree(paths.attachments_dir)  # the live session's 签到表 gone from the folder
    made = [backup_kept.trash_backup(store, paths, now=NOW + timedelta(minutes=n))
            for n in range(7)]
    keep = backup_kept.KEEP_TRASH
    assert all(path.exists() for path in made[-keep:])
    assert len(list(paths.backups_dir.glob("廉政台账清空回收站前备份-*.zip"))) == keep


def test_the_backup_just_made_before_emptying_stays_with_the_clock_set_back(paths):
    """revloss3 TB-1: with the PC's clock behind the last emptying, the backup made for this
    one sorted first by its name and was deleted at once, and 回收站 emptied anyway."""
    store = Store(open_db(paths.db_path), clock=lambda: NOW)
    later = [backup_kept.trash_backup(store, paths, now=NOW + timedelta(days=n))
             for n in range(1, backup_kept.KEEP_TRASH + 1)]
    made = backup_kept.trash_backup(store, paths, now=NOW)  # the clock set back
    assert made.exists()
    kept = sorted(paths.backups_dir.glob("廉政台账清空回收站前备份-*.zip"))
    assert len(kept) == backup_kept.KEEP_TRASH and later[0] not in kept


def _taken_back(where: AppPaths) -> bytes:
    """The session taken back from 回收站 of the data at ``where``: its 签到表's content."""
    from lianzheng_desktop.storage import trash

    restored = Store(open_db(where.db_path), clock=lambda: NOW)
    [entry] = trash.entries(restored)
    back = trash.restore(restored, entry.id)
    (attachment,) = list_attachments(restored, "warning_education", back.id)
    return open_path(where.attachments_dir, attachment).read_bytes()


def test_a_start_with_the_clock_set_ahead_or_behind_deletes_no_monthly_backup(paths):
    """revloss4 L1: one start with the PC's clock at 2036 made a backup dated then, and the
    rotation took every real monthly backup for "over two years old": all 23 were deleted,
    without a word, and putting the clock right brought none back. Set behind instead, the
    backup just made sorted before the 30 newest and went as it was made."""
    folder = paths.backups_dir
    folder.mkdir(parents=True)
    firsts = [date(2024 + (11 + m) // 12, (11 + m) % 12 + 1, 1) for m in range(23)]
    monthly = [folder / f"廉政台账自动备份-{day:%Y%m%d}-083000.zip"
               for day in firsts]  # 2024-12 … 2026-10
    daily = [folder / f"廉政台账自动备份-{date(2026, 10, 31) + timedelta(days=d):%Y%m%d}-083000.zip"
             for d in range(30)]  # 10-31 … 11-29
    for file in monthly + daily:
        file.write_text("x")
    ahead = backup.daily_backup(conn(paths), paths, datetime(2036, 1, 1, 8, 0))
    assert ahead is not None and all(file.exists() for file in monthly)
    behind = backup.daily_backup(conn(paths), paths, datetime(2025, 6, 15, 8, 0))
    assert behind is not None and behind.exists()
    assert all(file.exists() for file in monthly)
    right = backup.daily_backup(conn(paths), paths, datetime(2026, 11, 30, 8, 0))
    assert right is not None and all(file.exists() for file in monthly)
