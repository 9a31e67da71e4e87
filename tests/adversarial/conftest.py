"""Shared ground for the adversarial tests: a small data folder with one attachment."""

import sqlite3
from datetime import datetime

import pytest

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import db as db_module
from lianzheng_desktop.storage.attachments import add_attachment
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

NOW = datetime(2022, 12, 31, 17, 0)


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch):
    """A locked file is reported after 0.2 s instead of 10 s, so the tests stay quick."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.2)


@pytest.fixture
def paths(tmp_path):
    paths = AppPaths(tmp_path / "data" / "lianzheng.db")
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir), clock=lambda: NOW)
    store.add("roster", {"name": "王建国", "role": "书记"})
    session = store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                              "topic": "观看《零容忍》"})
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"sign-in sheet photo" * 100)
    add_attachment(store, paths.attachments_dir, "warning_education", session.id, photo)
    store.db.close()
    return paths


def real_disk_full_error() -> sqlite3.OperationalError:
    """SQLite's own "database or disk is full" (SQLITE_FULL), made with max_page_count."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        for _ in range(1000):
            conn.execute("INSERT INTO t VALUES (?)", ["x" * 4000])
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("max_page_count did not fill the database")


def files_under(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_backup(paths, folder):
    """A backup of the current data, the connection closed afterwards."""
    from lianzheng_desktop.storage.backup import create_backup

    conn = sqlite3.connect(paths.db_path)
    try:
        return create_backup(conn, paths, folder=folder, now=NOW)
    finally:
        conn.close()


@pytest.fixture(autouse=True)
def secret_in_tmp(tmp_path_factory, monkeypatch):
    """The per-installation secret lives in a folder of the test's own."""
    monkeypatch.setenv("LIANZHENG_KEY_DIR", str(tmp_path_factory.mktemp("key")))
from tests.cli.conftest import cli  # noqa: E402,F401 — ``lianzheng ARGS`` run in-process
