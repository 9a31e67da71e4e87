"""Finding 2: a restore writes only what the manifest names, only where it belongs,
checks everything before it replaces anything, and a restore cut short is finished."""

import json
import os
import sqlite3
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import backup, lock, restore
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.manifest import safe_name
from lianzheng_desktop.storage.store import Store

from .conftest import NOW, files_under, make_backup


def _rewrite(source, target, *, manifest=None, extra=(), drop=(), change=None):
    """A copy of the backup ``source`` with its manifest or members altered."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        original = json.loads(src.read("manifest.json"))
        for name in src.namelist():
            if name == "manifest.json" or name in drop:
                continue
            data = src.read(name)
            dst.writestr(name, change(name, data) if change else data)
        for name, data in extra:
            dst.writestr(name, data)
        dst.writestr("manifest.json", json.dumps(manifest(original) if manifest else original,
                                                 ensure_ascii=False))
    return target


def _state(paths):
    return files_under(paths.data_dir)


@pytest.fixture
def good(paths, tmp_path):
    return make_backup(paths, tmp_path / "usb")


@pytest.mark.parametrize("member", ["附件/../../escaped.txt", "附件//tmp/escaped.txt",
                                    "附件/ab/../../../escaped.txt", "/tmp/escaped.txt",
                                    "附件/..\\..\\escaped.txt"])
def test_members_the_manifest_does_not_name_are_refused(paths, good, tmp_path, member):
    crafted = _rewrite(good, tmp_path / "crafted.zip", extra=[(member, b"owned")])
    before = _state(paths)
    with pytest.raises(backup.BackupError, match="清单之外"):
        restore.restore(crafted, paths)
    assert _state(paths) == before
    assert not list(tmp_path.rglob("escaped.txt"))


@pytest.mark.parametrize("rel", ["../../escaped.txt", "/tmp/escaped.txt", "ab//escaped.txt",
                                 "ab/./escaped.txt", "C:/escaped.txt", "ab\\..\\x"])
def test_manifest_names_that_leave_the_folder_are_refused(paths, good, tmp_path, rel):
    import hashlib

    digest = hashlib.sha256(b"owned").hexdigest()

    def add(manifest):
        manifest["attachments"][rel] = digest
        return manifest

    crafted = _rewrite(good, tmp_path / "crafted.zip", manifest=add,
                       extra=[(f"附件/{rel}", b"owned")])
    before = _state(paths)
    with pytest.raises(backup.BackupError):
        restore.restore(crafted, paths)
    assert _state(paths) == before
    assert not list(tmp_path.rglob("escaped.txt"))


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["..", ".", "", "a", "ab", "/", "\\", "x.txt", ":"]),
                min_size=1, max_size=6))
def test_a_safe_name_never_leaves_its_folder(tmp_path, parts):
    import os

    rel = "/".join(parts)
    if safe_name(rel):
        base = os.path.abspath(tmp_path / "附件")
        target = os.path.normpath(os.path.join(base, *rel.split("/")))
        assert os.path.commonpath([base, target]) == base and target != base


@pytest.mark.parametrize("field, value", [("counts", None), ("counts", {"person": -1}),
                                          ("migrations", None), ("attachments", None),
                                          ("db_sha256", "0" * 10), ("created", 5),
                                          ("app", "other")])
def test_a_bad_manifest_is_refused_before_anything_is_replaced(paths, good, tmp_path, field,
                                                               value):
    def spoil(manifest):
        manifest[field] = value
        return manifest

    crafted = _rewrite(good, tmp_path / "crafted.zip", manifest=spoil)
    before = _state(paths)
    with pytest.raises(backup.BackupError, match="不是完整的"):
        restore.restore(crafted, paths)
    assert _state(paths) == before


def test_a_changed_attachment_is_refused_before_anything_is_replaced(paths, good, tmp_path):
    crafted = _rewrite(good, tmp_path / "crafted.zip",
                       change=lambda n, d: d[:-5] + b"xxxxx" if n.startswith("附件/") else d)
    with Store(open_db(paths.db_path)).db.conn as conn:
        conn.execute("DELETE FROM person")  # the current data differs from the backup's
    before = _state(paths)
    with pytest.raises(backup.BackupError, match="佐证材料"):
        restore.restore(crafted, paths)
    assert _state(paths) == before


def test_a_missing_member_is_refused(paths, good, tmp_path):
    crafted = _rewrite(good, tmp_path / "crafted.zip",
                       drop=[n for n in zipfile.ZipFile(good).namelist() if n.startswith("附件/")])
    before = _state(paths)
    with pytest.raises(backup.BackupError, match="缺少"):
        restore.restore(crafted, paths)
    assert _state(paths) == before


def test_members_are_streamed_never_read_whole(paths, good, monkeypatch):
    def whole(*args, **kwargs):
        raise AssertionError("a member was read whole")

    monkeypatch.setattr(zipfile.ZipFile, "read", whole)
    backup.verify_backup(good)
    restore.restore(good, paths, now=NOW)


def test_a_truncated_attachment_under_its_final_name_is_replaced(paths, good):
    (stored,) = [p for p in paths.attachments_dir.rglob("*") if p.is_file()]
    whole = stored.read_bytes()
    stored.write_bytes(whole[:7])  # what a restore killed mid-write used to leave
    restore.restore(good, paths, now=NOW)
    assert stored.read_bytes() == whole


def test_a_restore_cut_short_after_its_journal_is_finished_on_the_next_open(paths, good,
                                                                            monkeypatch):
    def crash(paths_):
        raise KeyboardInterrupt  # as if the process died just after the journal was written

    with Store(open_db(paths.db_path)).db.conn as conn:
        conn.execute("DELETE FROM person")
    (stored,) = [p for p in paths.attachments_dir.rglob("*") if p.is_file()]
    stored.unlink()
    monkeypatch.setattr(restore, "_apply", crash)
    with pytest.raises(KeyboardInterrupt):
        restore.restore(good, paths, now=NOW)
    monkeypatch.undo()
    assert restore.journal_path(paths).exists()
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir))
    assert store.count("roster") == 1 and stored.read_bytes()
    assert not restore.journal_path(paths).exists() and not restore.staging_dir(paths).exists()
    store.db.close()


def test_a_restore_cut_short_before_its_journal_is_rolled_back(paths, good, monkeypatch):
    def crash(paths_, content):
        raise KeyboardInterrupt

    with Store(open_db(paths.db_path)).db.conn as conn:
        conn.execute("DELETE FROM person")
    monkeypatch.setattr(restore, "_write_journal", crash)
    with pytest.raises(KeyboardInterrupt):
        restore.restore(good, paths, now=NOW)
    monkeypatch.undo()
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir))
    assert store.count("roster") == 0  # nothing was replaced
    assert not restore.staging_dir(paths).exists()
    store.db.close()


@pytest.mark.skipif(os.name == "nt", reason="Windows protects a file being written by its"
                    " open handle, not by a lock")
def test_part_files_of_killed_backups_are_removed_also_on_the_usb_stick(paths, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    dead = usb / "廉政台账备份-20221230-100000.zip.part"
    dead.write_bytes(b"half a zip")
    (usb / "廉政台账备份-20221230-100000.zip.db.part").write_bytes(b"half a db")
    alive = usb / "廉政台账备份-20221231-090000.zip.part"
    fd = lock.hold(alive)  # another backup is writing this one right now
    try:
        make_backup(paths, usb)
        left = sorted(p.name for p in usb.iterdir() if p.name.endswith(".part"))
        assert left == [alive.name]
    finally:
        os.close(fd)
    (paths.backups_dir).mkdir(exist_ok=True)
    (paths.backups_dir / "廉政台账自动备份-20221230-100000.zip.part").write_bytes(b"x")
    Store(open_db(paths.db_path, backup_dir=paths.backups_dir)).db.close()
    assert not [p for p in paths.backups_dir.iterdir() if p.name.endswith(".part")]


def test_a_second_file_in_the_same_folder_is_not_mistaken_for_a_missing_one(paths):
    other = AppPaths(paths.data_dir / "另一个.db")
    make_backup(paths, paths.backups_dir)
    Store(open_db(other.db_path, backup_dir=other.backups_dir)).db.close()
    assert sqlite3.connect(other.db_path).execute("SELECT count(*) FROM person").fetchone()
