import sqlite3

import pytest

from lianzheng_desktop.storage.db import (
    DatabaseOpenError,
    NewerDatabaseError,
    open_db,
    schema_version,
)


def columns(db, table):
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_an_empty_file_becomes_the_full_schema(tmp_path):
    db = open_db(tmp_path / "new.db")
    tables = set(db.table_names())
    assert {"unit_profile", "person", "warning_session", "warning_session_attendee", "talk",
            "talk_talkee", "rectification_item", "activity", "activity_attendee",
            "attachment", "schema_migration"} <= tables
    assert columns(db, "rectification_item") == [
        "id", "number", "source", "description", "owner_id", "measures", "found_date",
        "deadline", "status", "completed_date", "review_date", "review_conclusion",
        "late_entry", "created_at", "updated_at"]
    assert columns(db, "talk") == ["id", "date", "type", "talker_id", "one_on_one", "summary",
                                   "problems_found", "late_entry", "created_at", "updated_at",
                                   "talker_name"]
    assert schema_version(db) >= 1


def test_wal_and_foreign_keys_are_on(tmp_path):
    db = open_db(tmp_path / "x.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "x.db"
    first = open_db(path)
    applied = [r[0] for r in first.execute("SELECT name FROM schema_migration")]
    first.close()
    again = open_db(path)
    assert [r[0] for r in again.execute("SELECT name FROM schema_migration")] == applied


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "newer.db"
    open_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migration VALUES ('9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as caught:
        open_db(path)
    assert "更新版本" in str(caught.value)
    assert path.read_bytes() == before


class _Migration:
    """A stand-in for a migration file, as resources_access hands it over."""

    def __init__(self, name, text):
        self.name, self._text = name, text

    def read_text(self, encoding="utf-8"):
        return self._text


def test_an_older_database_is_backed_up_then_migrated(tmp_path, monkeypatch):
    import lianzheng_desktop.storage.db as dbmod

    shipped = dbmod.migrations()
    path = tmp_path / "old.db"
    open_db(path).close()  # written by "this" version
    extra = _Migration("9000_test_extra.sql", "CREATE TABLE later_table (id INTEGER);")
    monkeypatch.setattr(dbmod, "migrations", lambda: [*shipped, extra])
    backups = tmp_path / "backups"
    db = open_db(path, backup_dir=backups)
    assert "later_table" in db.table_names()
    copies = list(backups.glob("*.zip"))
    assert len(copies) == 1 and "升级前备份" in copies[0].name
    import zipfile

    with zipfile.ZipFile(copies[0]) as archive:
        archive.extract("lianzheng.db", tmp_path / "unpacked")
    old = sqlite3.connect(tmp_path / "unpacked" / "lianzheng.db")
    assert "later_table" not in {r[0] for r in old.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    import lianzheng_desktop.storage.db as dbmod

    shipped = dbmod.migrations()
    path = tmp_path / "x.db"
    open_db(path).close()
    broken = _Migration("9001_broken.sql", "CREATE TABLE half (id INTEGER); SELEKT nonsense;")
    monkeypatch.setattr(dbmod, "migrations", lambda: [*shipped, broken])
    with pytest.raises(DatabaseOpenError) as caught:
        open_db(path, backup_dir=tmp_path / "b")
    assert "保持原样" in str(caught.value)
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in names
    assert "9001_broken" not in {r[0] for r in conn.execute("SELECT name FROM schema_migration")}
