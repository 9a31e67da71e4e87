"""revloss7 W1: the file taken home on a USB stick, work done in both copies, then the home
copy copied back over the office's. The window opened without a word and the office's
three meetings were gone, kept only in a backup nobody was pointed to; ``check`` called it
a rewritten trail. Now the copy is told, with the backup that holds this PC's data."""

import gc
import os
import shutil
import time
from datetime import date

from lianzheng_desktop.app.session import paths_for
from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import copied_over
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store


def _meetings(db, prefix: str, n: int) -> None:
    store = Store(open_db(db))
    if not store.roster_names():
        store.add("roster", {"name": "张三", "role": "书记", "post": "主席"})
    for i in range(n):
        store.add("activity", {"date": date(2026, 11, 20), "type": "专题会议",
                               "topic": f"{prefix}{i}", "host": "张三", "attendees": ["张三"]})
    store.close()


def _topics(db) -> list[str]:
    store = Store(open_db(db))
    try:
        return sorted(a.topic for a in store.list("activity"))
    finally:
        store.close()


def _backup(db) -> None:
    assert main(["--db", str(db), "backup"]) == 0
    gc.collect()  # the command's store closed, as when its process ends: no -wal left over
    assert not db.with_name(db.name + "-wal").exists()


def _office_and_home(tmp_path):
    office, home = tmp_path / "office" / "lianzheng.db", tmp_path / "usb" / "lianzheng.db"
    office.parent.mkdir()
    home.parent.mkdir()
    _meetings(office, "起始", 1)
    _backup(office)
    shutil.copy(office, home)  # taken home
    _meetings(home, "家里", 2)
    _meetings(office, "办公室", 3)  # the office goes on
    _backup(office)  # the office's backup of the day
    return office, home


def _replaced(db):
    store = Store(open_db(db))
    try:
        return copied_over.replaced(store.db.conn, paths_for(str(db)))
    finally:
        store.close()


def test_a_copy_put_over_the_office_file_names_the_backup_with_the_office_work(
        tmp_path, capsys):
    office, home = _office_and_home(tmp_path)
    assert _replaced(office) is None  # the office's own file: nothing to say
    shutil.copy(home, office)  # next morning: home's work "brought back"
    found = _replaced(office)
    assert found is not None and found.records == 3
    assert "复制来的副本" in found.message() and found.backup.name in found.message()
    capsys.readouterr()
    assert main(["--db", str(office), "check"]) == 1
    said = capsys.readouterr().out
    assert "复制来的副本" in said and "被重写" not in said
    # the backup named is kept aside under a name no rotation deletes (revloss8 V2)
    [aside] = (office.parent / "备份").glob(f"{copied_over.KEPT_ASIDE}-*.zip")
    assert str(aside) in said and aside.read_bytes() == found.backup.read_bytes()
    # what the message points to gives the office's meetings back
    assert main(["--db", str(office), "restore", str(aside)]) == 0
    assert _topics(office) == ["办公室0", "办公室1", "办公室2", "起始0"]


def test_kept_as_it_is_the_copy_is_not_told_again(tmp_path, capsys):
    office, home = _office_and_home(tmp_path)
    shutil.copy(home, office)
    copied_over.keep_as_it_is(paths_for(str(office)))
    assert _replaced(office) is None
    assert main(["--db", str(office), "check"]) == 0


def test_a_file_that_goes_on_from_this_pcs_data_is_no_copy(tmp_path):
    office, _home = _office_and_home(tmp_path)
    _meetings(office, "次日", 2)
    assert _replaced(office) is None


def test_a_check_since_the_last_backup_does_not_hide_the_copy(tmp_path, capsys):
    """revdiff11 Z1: ``check`` moves the anchor past the last backup; no backup had the
    anchor's head, and the copy was called a rewritten trail again, no backup named."""
    office, home = _office_and_home(tmp_path)
    _meetings(office, "下午", 2)
    assert main(["--db", str(office), "check"]) == 0
    gc.collect()
    shutil.copy(home, office)
    found = _replaced(office)
    assert found is not None and found.records == 3  # the afternoon's two: in no backup
    capsys.readouterr()
    assert main(["--db", str(office), "check"]) == 1
    said = capsys.readouterr().out
    assert "复制来的副本" in said and "被重写" not in said, said


def test_after_a_restore_the_backups_of_before_are_no_copy(tmp_path):
    """A restore lets go of the file on purpose: the backups made before it are not the
    data the file "lacks"."""
    office, _home = _office_and_home(tmp_path)
    first = sorted((office.parent / "备份").glob("*.zip"))[0]
    assert main(["--db", str(office), "restore", str(first)]) == 0
    gc.collect()
    assert _replaced(office) is None


def test_a_copy_brought_back_with_its_anchor_from_another_pc_is_told(tmp_path, monkeypatch):
    """revdiff11 Z2: the whole folder brought back, the home copy's -留痕锚点.json with it.
    The home PC signs its anchor with its own secret, which this PC's does not verify: the
    file is not known to go on from this PC's data, and the office's backup names the work
    it lacks. (Two copies on one PC share a secret: that case stays unseen.)"""
    office, home = _office_and_home(tmp_path)
    office_key = os.environ["LIANZHENG_KEY_DIR"]
    monkeypatch.setenv("LIANZHENG_KEY_DIR", str(tmp_path / "home-key"))  # the home PC
    _backup(home)  # the evening's work at home backed up there: the copy's own anchor
    monkeypatch.setenv("LIANZHENG_KEY_DIR", office_key)
    anchor_name = "lianzheng-留痕锚点.json"
    shutil.copy(home, office)
    shutil.copy(home.parent / anchor_name, office.parent / anchor_name)
    found = _replaced(office)
    assert found is not None and found.records == 3


def test_a_copy_taken_after_the_mornings_backup_is_told_once_the_window_closed(tmp_path):
    """revdiff11 Z3: the file copied at noon, the office works on in the afternoon and the
    home copy comes back. Closing the window after the afternoon's work backs it up (as
    every window does), so the copy is told with the afternoon's work named."""
    from lianzheng_desktop.storage.backup_kept import closing_backup

    office, home = tmp_path / "office" / "lianzheng.db", tmp_path / "usb" / "lianzheng.db"
    office.parent.mkdir()
    home.parent.mkdir()
    _meetings(office, "以前", 1)
    _backup(office)  # the morning's first start
    _meetings(office, "上午", 1)
    shutil.copy(office, home)  # taken at noon
    store = Store(open_db(office))
    mark = store.change_mark()
    store.add("activity", {"date": date(2026, 11, 20), "type": "专题会议", "topic": "下午0",
                           "host": "张三", "attendees": ["张三"]})
    assert closing_backup(store, paths_for(str(office)), since=mark) is not None
    store.close()
    _meetings(home, "家里", 2)
    shutil.copy(home, office)
    found = _replaced(office)
    assert found is not None and found.records == 1


def test_backups_let_go_of_by_a_restore_are_never_offered_on_another_pc(tmp_path,
                                                                       monkeypatch):
    """revdiff12 Q1: the office restored an older backup (letting 作废0–1 go), worked on
    and backed up; the whole folder went to a second PC. There the anchor (signed by the
    office) does not verify, and the backup of the discarded records was offered as "本机
    那时的数据" — restoring it replaced her current work."""
    office = tmp_path / "office" / "lianzheng.db"
    office.parent.mkdir()
    _meetings(office, "起始", 1)
    _backup(office)
    first = sorted((office.parent / "备份").glob("*.zip"))[0]
    time.sleep(1.1)
    _meetings(office, "作废", 2)
    _backup(office)
    time.sleep(1.1)
    assert main(["--db", str(office), "restore", str(first)]) == 0
    gc.collect()
    time.sleep(1.1)
    _meetings(office, "恢复后", 1)
    _backup(office)  # the anchor moves on: it keeps since when it holds to this chain
    home = tmp_path / "home"
    shutil.copytree(office.parent, home)
    monkeypatch.setenv("LIANZHENG_KEY_DIR", str(tmp_path / "home-key"))
    (tmp_path / "home-key").mkdir()
    (tmp_path / "home-key" / "留痕密钥.key").write_text("ab" * 32, encoding="ascii")
    assert _replaced(home / "lianzheng.db") is None


def _typed(db, text: str) -> None:
    from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
    from lianzheng_desktop.storage.reports import save_texts

    store = Store(open_db(db))
    save_texts(store, ReportPeriod(2026, 4), {SECTION_HEADINGS[1]: text})
    store.close()


def test_her_report_text_alone_lost_to_a_copy_is_told(tmp_path):
    """revloss8 V1: only records counted; the office's typed paragraph, lost to the copy,
    was told by nobody."""
    office, home = tmp_path / "office" / "lianzheng.db", tmp_path / "usb" / "lianzheng.db"
    office.parent.mkdir()
    home.parent.mkdir()
    _meetings(office, "起始", 1)
    _backup(office)
    shutil.copy(office, home)
    _meetings(home, "家里", 1)
    _typed(office, "她亲手写的廉洁自律段落。")
    _backup(office)
    shutil.copy(home, office)
    found = _replaced(office)
    assert found is not None and found.records == 0 and "报告草稿" in found.other
    assert "报告草稿的修改不在现在的文件里" in found.message()


def test_a_second_copy_names_this_pcs_backup_not_the_first_copys(tmp_path):
    """revloss8 V3: copy A came back (以后再说), work went on in it; then copy B: the box
    named copy A's closing backup as "本机的数据"."""
    office, home = _office_and_home(tmp_path)  # the office's backup holds 办公室0–2
    other = tmp_path / "b" / "lianzheng.db"
    other.parent.mkdir()
    shutil.copy(home, other)  # a second copy, taken with the first
    shutil.copy(home, office)  # copy A back
    _meetings(office, "副本A上", 1)
    _backup(office)  # a backup of copy A's work, in this folder
    shutil.copy(other, office)  # copy B back
    found = _replaced(office)
    assert found is not None and found.records == 3  # the office's three, not copy A's


def test_a_whole_folder_copied_back_with_its_anchor_is_told(tmp_path):
    """revloss8 V4: the folder (with the office's older anchor, which the home PC could not
    move) copied back over the office's: silent, `check` said the file was sound."""
    office, home = _office_and_home(tmp_path)
    shutil.copy(office.with_name("lianzheng-留痕锚点.json"), home.parent)  # taken then
    shutil.copy(home, office)
    anchor = office.with_name("lianzheng-留痕锚点.json")
    taken = tmp_path / "taken-anchor.json"
    # the anchor as it was when the folder went home: before the office's second backup
    from lianzheng_desktop.storage import anchor as anchors

    first = sorted((office.parent / "备份").glob("*.zip"))[0]
    from lianzheng_desktop.storage.manifest import audit_head

    taken.write_text(__import__("json").dumps(audit_head(first), ensure_ascii=False),
                     encoding="utf-8")
    shutil.copy(taken, anchor)
    assert anchors.read(paths_for(str(office))) is not None
    found = _replaced(office)
    assert found is not None and found.records == 3


def test_another_pcs_backups_gathered_here_do_not_make_this_file_a_copy(tmp_path):
    """A guard: backups of the home copy copied into the office's 备份 folder (she gathers
    them in one place) go their own way; the office's own file, going on from its anchor,
    is no copy."""
    office, home = _office_and_home(tmp_path)
    _backup(home)  # the home copy's own backup, with its work
    for zipped in (home.parent / "备份").glob("*.zip"):
        shutil.copy(zipped, office.parent / "备份" / ("家里-" + zipped.name))
    _meetings(office, "次日", 1)
    assert _replaced(office) is None


def test_a_home_pcs_backup_gathered_here_is_not_this_pcs_data(tmp_path, monkeypatch):
    """revdiff13 P1: the file went home at the office's anchored state; the home PC's backup
    of the evening's work, gathered into the office's 备份 folder, made the office's own
    file a "copy" — the home work called 本机那时的数据. A backup signed by another PC is
    none of this PC's."""
    office = tmp_path / "office" / "lianzheng.db"
    home = tmp_path / "usb" / "lianzheng.db"
    office.parent.mkdir()
    home.parent.mkdir()
    _meetings(office, "起始", 1)
    _backup(office)
    shutil.copy(office, home)
    office_key = os.environ["LIANZHENG_KEY_DIR"]
    monkeypatch.setenv("LIANZHENG_KEY_DIR", str(tmp_path / "home-key"))
    time.sleep(1.1)
    _meetings(home, "家里", 1)
    _backup(home)
    monkeypatch.setenv("LIANZHENG_KEY_DIR", office_key)
    for zipped in (home.parent / "备份").glob("*.zip"):
        shutil.copy(zipped, office.parent / "备份" / ("家里-" + zipped.name))
    assert _replaced(office) is None
