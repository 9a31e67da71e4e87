"""revloss F5: after the data file is renamed (app closed), its 佐证材料 sit unchanged in
``<old name>_附件``. They are found by their hashes and taken over — never called lost
("请从备份恢复"), and the next backup holds them."""

import json
import shutil
import zipfile

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.core.demo import PROFILE, demo_year
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.attachments import add_attachment, stored_name
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.demo_loader import load_entries
from lianzheng_desktop.storage.store import Store


@pytest.fixture
def old_file(tmp_path):
    """union2026.db with one record and two 佐证材料 (app closed)."""
    db = tmp_path / "data" / "union2026.db"
    store = Store(open_db(db))  # closed below: the commands then open it as a new process would
    load_entries(store, demo_year(), PROFILE)
    record = store.list("activity")[0]
    names = []
    for name, text in (("签到表.txt", "签到：张三 李四"), ("会议照片.jpg", "照片内容")):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        found = add_attachment(store, AppPaths(db).attachments_dir, "activity", record.id, source)
        names.append(stored_name(found.sha256, found.file_name))
    store.close()
    return db, names


def _renamed(db, new_name="2026年台账.db"):
    new = db.with_name(new_name)
    db.rename(new)
    return new


def test_renamed_file_takes_its_folder_over_and_check_is_clean(old_file, capsys):
    db, names = old_file
    new = _renamed(db)
    old_dir = AppPaths(db).attachments_dir
    assert main(["--db", str(new), "check"]) == 0
    out, err = capsys.readouterr()
    assert "请从备份恢复" not in out + err and "已丢失" not in out + err
    assert "union2026_附件" in err and "2026年台账_附件" in err  # said, not done silently
    own = AppPaths(new).attachments_dir
    assert not old_dir.exists()  # renamed, nothing left behind, nothing deleted
    for rel in names:
        assert own.joinpath(*rel.split("/")).is_file()


def test_the_next_backup_holds_the_evidence(old_file, capsys):
    db, names = old_file
    new = _renamed(db)
    assert main(["--db", str(new), "backup"]) == 0
    out, err = capsys.readouterr()
    assert "没有放进备份" not in out + err and "从更早的备份恢复" not in out + err
    zipped, = AppPaths(new).backups_dir.glob("廉政台账备份-*.zip")
    with zipfile.ZipFile(zipped) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert set(names) <= set(manifest["attachments"])


def test_a_folder_still_used_by_another_data_file_is_copied_not_renamed(old_file, capsys):
    db, names = old_file
    copy = db.with_name("副本.db")
    shutil.copy(db, copy)  # a copy, not a rename: union2026.db still uses its folder
    assert main(["--db", str(copy), "check"]) == 0
    out, err = capsys.readouterr()
    assert "请从备份恢复" not in out + err and "原文件夹保留未动" in err
    old_dir, own = AppPaths(db).attachments_dir, AppPaths(copy).attachments_dir
    for rel in names:
        assert old_dir.joinpath(*rel.split("/")).is_file()
        assert own.joinpath(*rel.split("/")).read_bytes() == \
            old_dir.joinpath(*rel.split("/")).read_bytes()


def test_a_new_folder_already_started_gets_the_missing_files_copied(old_file, capsys):
    db, names = old_file
    new = _renamed(db)
    own = AppPaths(new).attachments_dir
    own.mkdir()
    (own / "她后来放的.txt").write_text("x", encoding="utf-8")
    assert main(["--db", str(new), "backup"]) == 0
    capsys.readouterr()
    for rel in names:
        assert own.joinpath(*rel.split("/")).is_file()
    assert (own / "她后来放的.txt").read_text(encoding="utf-8") == "x"  # untouched
    assert AppPaths(db).attachments_dir.is_dir()  # the old folder is never deleted


def test_two_candidate_folders_are_named_and_nothing_is_moved(old_file, capsys):
    db, names = old_file
    other = AppPaths(db).attachments_dir.with_name("另一份_附件")
    shutil.copytree(AppPaths(db).attachments_dir, other)
    new = _renamed(db)
    assert main(["--db", str(new), "check"]) == 1
    out, err = capsys.readouterr()
    assert "union2026_附件" in out and "另一份_附件" in out and "2026年台账_附件" in out
    assert "请从备份恢复" not in out + err and "已丢失" not in out + err
    assert AppPaths(db).attachments_dir.is_dir() and other.is_dir()
    assert not AppPaths(new).attachments_dir.exists()


def test_a_file_whose_content_differs_is_not_taken_for_it(old_file, capsys):
    db, names = old_file
    new = _renamed(db)
    old_dir = AppPaths(db).attachments_dir
    for rel in names:
        old_dir.joinpath(*rel.split("/")).write_text("被改过", encoding="utf-8")
    assert main(["--db", str(new), "check"]) == 1
    out, _err = capsys.readouterr()
    assert "已丢失" in out  # truly not there: the check says so, as before
    assert old_dir.is_dir() and not AppPaths(new).attachments_dir.exists()


def test_the_window_check_takes_the_folder_over_and_has_the_notice(old_file):
    from lianzheng_desktop.storage.background_check import BackgroundCheck

    db, names = old_file
    new = _renamed(db)
    check = BackgroundCheck(AppPaths(new), daily_backup=False).start()
    check.wait()
    assert check.attachments_notice and "2026年台账_附件" in check.attachments_notice
    assert AppPaths(new).attachments_dir.is_dir() and not AppPaths(db).attachments_dir.exists()


def test_copied_then_renamed_takes_the_folder_no_other_file_uses(old_file, tmp_path, capsys):
    """revdiff4 F7: 2025.db copied to 2026.db (its files copied to 2026_附件), a new file
    added there, then 2026.db renamed: two folders hold the files, but only 2026_附件 holds
    them all and no data file uses it. It is taken; 2025's own folder is left alone, and
    she is never told to rename a folder another data file uses."""
    db, names = old_file
    first = db.with_name("2025.db")
    db.rename(first)
    shutil.move(str(AppPaths(db).attachments_dir), str(AppPaths(first).attachments_dir))
    second = db.with_name("2026.db")
    shutil.copyfile(first, second)
    assert main(["--db", str(second), "check"]) == 0  # copies them into 2026_附件
    store = Store(open_db(second))
    record = store.list("activity")[0]
    source = tmp_path / "新照片.jpg"
    source.write_text("新照片", encoding="utf-8")
    add_attachment(store, AppPaths(second).attachments_dir, "activity", record.id, source)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # closed as the app closes it
    store.close()
    renamed = _renamed(second, "2026台账.db")
    capsys.readouterr()
    assert main(["--db", str(renamed), "check"]) == 0
    _, err = capsys.readouterr()
    assert "软件无法确定" not in err and "2026_附件" in err, err
    assert AppPaths(first).attachments_dir.is_dir()  # 2025's own, untouched
    own = AppPaths(renamed).attachments_dir
    assert len([p for p in own.rglob("*") if p.is_file()]) == len(names) + 1


def test_a_folder_is_owned_by_a_file_named_without_an_extension(tmp_path):
    """revdiff4 F11: a data file with no extension (台账) owned no folder, so its folder
    could be renamed away to another file's."""
    from lianzheng_desktop.storage.attachment_home import _used_by_another_file

    folder = tmp_path / "台账_附件"
    folder.mkdir()
    assert _used_by_another_file(folder) is None
    (tmp_path / "台账").write_bytes(b"")
    assert _used_by_another_file(folder) == tmp_path / "台账"


def test_a_folder_holding_part_of_the_files_is_copied_not_renamed(old_file, capsys):
    """revlast3 5: an unowned folder holding one of the two files was renamed away and the
    notice said both were found."""
    db, names = old_file
    new = _renamed(db)
    old_dir = AppPaths(db).attachments_dir
    gone = old_dir.joinpath(*names[1].split("/"))
    gone.unlink()
    assert main(["--db", str(new), "check"]) == 1  # one is missing, and said so
    _, err = capsys.readouterr()
    assert "都已找回" not in err and "另有 1 份没有找到" in err, err
    assert old_dir.is_dir()  # copied from, not renamed away
    assert AppPaths(new).attachments_dir.joinpath(*names[0].split("/")).is_file()


def test_a_file_copied_without_its_folder_is_not_sent_to_an_older_backup(old_file, capsys):
    """revloss4 L5: the data file copied to another folder without its ``_附件`` folder:
    each 佐证材料 was called lost, "请从备份恢复" — a restore that would put older ledgers in
    place of hers — and the backup said to restore "从更早的备份", while the files sat
    untouched beside the original. Said once now: where they should be, how to bring
    them, and a restore only if they cannot be found."""
    db, _names = old_file
    moved = db.parent.parent / "新电脑" / "台账.db"
    moved.parent.mkdir()
    shutil.copy2(db, moved)
    assert main(["--db", str(moved), "check"]) == 1
    said = "".join(capsys.readouterr())
    assert "请从备份恢复" not in said and "已丢失" not in said, said
    assert "数据文件旁没有它的佐证材料文件夹“台账_附件”，2 份" in said
    assert "“…_附件”文件夹一并复制过来" in said and "再考虑从备份恢复" in said
    assert main(["--db", str(moved), "backup"]) == 1
    said = "".join(capsys.readouterr())
    assert "从更早的备份恢复" not in said and "一并复制过来" in said, said


@pytest.mark.parametrize("command", [["check"], ["checklist"], ["backup"]])
def test_a_file_copied_without_its_folder_is_told_once(old_file, capsys, command):
    """The notice of the missing folder, then the day's backup (or ``check``'s finding,
    or ``backup``'s message) saying it again: three copies of one paragraph (revloss5)."""
    db, _names = old_file
    moved = db.parent.parent / "新电脑" / "台账.db"
    moved.parent.mkdir()
    shutil.copy2(db, moved)
    main(["--db", str(moved), *command])
    said = "".join(capsys.readouterr())
    assert said.count("一并复制过来") == 1, said
