"""A data file from an older schema opens in this version with nothing lost or misreported."""

import sqlite3
from pathlib import Path

from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.db import open_db, schema_version
from lianzheng_desktop.storage.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"


def file_from(dump: str, path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / dump).read_text(encoding="utf-8"))
    conn.close()
    return path


def test_a_0004_file_upgrades_with_every_record_in_the_audit_trail(tmp_path):
    path = file_from("schema_0004.sql", tmp_path / "old.db")
    db = open_db(path, backup_dir=tmp_path / "backups")
    assert schema_version(db) >= 7
    store = Store(db)
    assert audit.verify(store) == []  # nothing "可能是在软件之外添加的"
    talk = store.list("talk")[0]
    assert (talk.talker, talk.talkees, talk.one_on_one) == ("王建国", ("李秀梅", "刘芳"), True)
    assert store.list("warning_education")[0].attendees == ("王建国", "李秀梅", "刘芳")
    [entry] = audit.history(db, "rectification", 1)
    assert entry.action == "create" and entry.at.isoformat() == "2022-03-10T10:00:00"
    assert db.execute("SELECT count(*) FROM data_step").fetchone()[0] == 0
    db.close()
    again = open_db(path)  # the step ran once: nothing doubled on the next opening
    assert len(audit.history(again, "talk", 1)) == 1


def test_a_fresh_file_needs_no_backfill(tmp_path):
    db = open_db(tmp_path / "new.db")
    # Only the built-in plan, logged as it was saved (0011): no record needed backfilling.
    logged = {row[0] for row in db.execute("SELECT DISTINCT ledger FROM audit_log")}
    assert "plan" in logged and logged <= {"plan", "requirement", "record_type"}
    assert audit.verify(Store(db)) == []


def test_a_0012_roster_gains_its_dates_with_the_trail_intact(tmp_path):
    """0013 adds 到岗日期/离岗日期: the people kept before read as dates unknown, and the trail
    logged without those fields still agrees with every record."""
    path = tmp_path / "old.db"
    store = Store(open_db(path))
    store.add("roster", {"name": "王建国", "role": "书记", "active": "是"})
    store.add("roster", {"name": "何军", "role": "党员", "active": "否"})
    store.db.close()
    conn = sqlite3.connect(path)  # the file as 0012 left it
    conn.executescript("ALTER TABLE person DROP COLUMN joined_on;"
                       "ALTER TABLE person DROP COLUMN left_on;"
                       "DELETE FROM schema_migration WHERE name = '0013_roster_dates';")
    conn.close()
    store = Store(open_db(path, backup_dir=tmp_path / "backups"))
    assert [(p.name, p.joined_on, p.left_on) for p in store.list("roster")] == [
        ("王建国", None, None), ("何军", None, None)]
    assert audit.verify(store) == []
    he = store.list("roster")[1]
    # What 0012 logged for him, field for field: unknown dates leave the snapshot as it was.
    created, updated = (moment.isoformat(timespec="seconds")
                        for moment in (he.created_at, he.updated_at))
    assert audit.snapshot("roster", he) == (
        f'{{"active": false, "created_at": "{created}", "late_entry": false, "name": "何军",'
        f' "post": "", "role": "党员", "updated_at": "{updated}"}}')
    store.update("roster", he.id, {"name": "何军", "role": "党员", "active": "否",
                                   "left_on": "2022-08-14"})
    assert audit.verify(store) == []
    [_, change] = audit.history(store.db, "roster", he.id)
    assert change.after is not None and change.after["left_on"] == "2022-08-14"
