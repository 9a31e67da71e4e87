"""``lianzheng restore`` of a backup taken from another data file needs ``--force``."""

import sqlite3
from pathlib import Path


def _count(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM activity").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_of_another_file_is_refused_without_force(cli, tmp_path):
    demo = str(tmp_path / "示范数据.db")
    own = str(tmp_path / "lianzheng.db")
    assert cli("--db", demo, "demo")[0] == 0
    code, out, _ = cli("--db", demo, "backup", str(tmp_path / "usb"))
    zipped = Path(out.strip().removeprefix("已备份到 "))
    assert cli("--db", own, "check")[0] == 0  # creates the (empty) own file
    assert _count(own) == 0

    code, out, err = cli("--db", own, "restore", str(zipped))
    assert code == 1
    assert "来自数据文件“示范数据.db”" in err and "--force" in err
    assert _count(own) == 0  # nothing replaced

    code, out, err = cli("--db", own, "restore", "--force", str(zipped))
    assert code == 0, err
    assert "提示：" in out and "已从" in out
    assert _count(own) == _count(demo) > 0


def test_a_backup_of_the_same_file_restores_without_a_question(cli, tmp_path):
    db = str(tmp_path / "l.db")
    assert cli("--db", db, "demo")[0] == 0
    code, out, _ = cli("--db", db, "backup")
    zipped = Path(out.strip().removeprefix("已备份到 "))
    assert zipped.parent == tmp_path / "备份" / "l"  # its own folder
    code, out, err = cli("--db", db, "restore", str(zipped))
    assert code == 0, err
    assert "提示" not in out


def test_restore_says_what_work_since_the_backup_it_takes_out(cli, tmp_path):
    """revloss2 L-3: the window names the work done since the backup before it is taken
    out; the command said only where the data was kept."""
    from datetime import datetime, timedelta

    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    db = str(tmp_path / "l.db")
    assert cli("--db", db, "demo")[0] == 0
    code, out, _ = cli("--db", db, "backup")
    zipped = Path(out.strip().removeprefix("已备份到 "))
    later = Store(open_db(db), clock=lambda: datetime.now() + timedelta(minutes=5))
    later.add("activity", {"date": "2022-12-30", "type": "专题会议", "topic": "备份之后开的会"})
    later.db.close()
    code, out, err = cli("--db", db, "restore", str(zipped))
    assert code == 0, err
    assert "这份备份之后，" in out and "只留在上面这份恢复前的备份里" in out, out


def test_work_done_while_the_clock_was_behind_the_backup_is_named_before_a_restore(
        cli, tmp_path):
    """revloss4 L2: meetings added and a report typed with the PC's clock set back behind
    the backup's time were named by neither the window's question nor the command: work was
    counted by the clock's time, not by the trail's order."""
    from datetime import datetime, timedelta

    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import drafts, reports
    from lianzheng_desktop.storage.changes_since import work_after_backup, work_taken_out
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    db = str(tmp_path / "l.db")
    assert cli("--db", db, "demo")[0] == 0
    code, out, _ = cli("--db", db, "backup")
    zipped = Path(out.strip().removeprefix("已备份到 "))
    behind = Store(open_db(db), clock=lambda: datetime.now() - timedelta(days=28))
    for day in ("2022-12-28", "2022-12-29", "2022-12-30"):
        behind.add("activity", {"date": day, "type": "专题会议", "topic": f"{day}开的会"})
    reports.save_texts(behind, ReportPeriod(2022, 3), {"二、履行监督责任情况": "她打的字"})
    drafts.save(behind, "activity", drafts.NEW, {"topic": "填了一半"})
    said = work_after_backup(behind, zipped)  # the window, that day
    behind.db.close()
    assert "新增、修改或删除了 3 条台账记录" in said, said
    assert "改写了 1 份报告的文字" in said and "有 1 张表填了一半还没有保存" in said, said
    # the command, the clock put right since: the trail's order still tells
    assert "新增、修改或删除了 3 条台账记录" in work_taken_out(AppPaths(Path(db)), zipped)


def test_a_backup_of_a_copy_that_went_its_own_way_names_the_work_it_replaces(cli, tmp_path):
    """revloss5 M1: the file copied home, a meeting recorded there and backed up; the three
    recorded at the office since the copy were named by neither the question nor the
    command when that backup was restored at the office — its time was later than theirs,
    and its trail's head is in no chain here."""
    import shutil
    from datetime import datetime

    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage.changes_since import work_taken_out
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    office, home = tmp_path / "office" / "lianzheng.db", tmp_path / "home" / "lianzheng.db"
    office.parent.mkdir()
    home.parent.mkdir()
    assert cli("--db", str(office), "demo")[0] == 0
    _checkpoint(office)  # the app closed: its file is whole, as she copies it
    shutil.copy2(office, home)
    at_office = Store(open_db(office), clock=lambda: datetime(2026, 11, 23, 9))
    for n in range(3):
        at_office.add("activity", {"date": f"2022-12-2{n}", "type": "专题会议",
                                   "topic": f"办公室记的会议{n}"})
    at_office.db.close()
    at_home = Store(open_db(home), clock=lambda: datetime(2026, 11, 25, 20))
    at_home.add("activity", {"date": "2022-12-25", "type": "廉政学习", "topic": "家里记的学习"})
    at_home.db.close()
    code, out, _ = cli("--db", str(home), "backup")
    zipped = Path(out.strip().removeprefix("已备份到 "))
    said = work_taken_out(AppPaths(office), zipped)
    assert "新增、修改或删除了 3 条台账记录" in said, said
    # the backup of this very file, made later and not gone its own way: nothing
    code, out, _ = cli("--db", str(office), "backup")
    assert work_taken_out(AppPaths(office), Path(out.strip().removeprefix("已备份到 "))) == []


def _checkpoint(db):
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()

