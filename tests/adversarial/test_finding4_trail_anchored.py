"""Finding 4: the audit trail cannot be quietly rewritten once it has been anchored
(by a backup or a clean check): a recomputed chain, a wiped log, a cut tail and a
back-dated entry are all found."""

import json
import sqlite3

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import anchor, audit

from .conftest import make_backup


def _check(paths, capsys):
    code = main(["--db", str(paths.db_path), "check"])
    out, _ = capsys.readouterr()
    return code, out


def _recompute_chain(conn):
    """What a careful forger does after editing: every hash made to fit again."""
    prev = audit.GENESIS
    rows = conn.execute("SELECT id, at, ledger, record_id, action, before, after"
                        " FROM audit_log ORDER BY id").fetchall()
    for entry_id, at, ledger, record_id, action, before, after in rows:
        digest = audit._digest(prev, at, ledger, record_id, action, before, after)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                     [prev, digest, entry_id])
        prev = digest


def _forge_person_name(conn, name):
    """Change a person's name and make the log say it was always so."""
    conn.execute("UPDATE person SET name = ?", [name])
    for entry_id, after in conn.execute("SELECT id, after FROM audit_log WHERE ledger ="
                                        " 'roster'").fetchall():
        state = json.loads(after)
        state["name"] = name
        conn.execute("UPDATE audit_log SET after = ? WHERE id = ?",
                     [json.dumps(state, ensure_ascii=False, sort_keys=True), entry_id])
    _recompute_chain(conn)


@pytest.fixture
def anchored(paths, tmp_path, capsys):
    make_backup(paths, tmp_path / "usb")  # a backup anchors the chain
    assert _check(paths, capsys)[0] == 0
    assert anchor.anchor_path(paths).is_file()
    return paths


def test_without_an_anchor_a_careful_forgery_would_pass(paths, capsys):
    """The finding reproduced: inside the file alone, a recomputed chain is consistent."""
    with sqlite3.connect(paths.db_path) as conn:
        _forge_person_name(conn, "李四")
    assert _check(paths, capsys)[0] == 0


def test_a_recomputed_chain_is_found(anchored, capsys):
    with sqlite3.connect(anchored.db_path) as conn:
        _forge_person_name(conn, "李四")
    code, out = _check(anchored, capsys)
    assert code == 1 and "重写" in out


def test_a_wiped_log_is_found(anchored, capsys):
    with sqlite3.connect(anchored.db_path) as conn:
        for table in ("audit_log", "attachment", "warning_session", "person"):
            conn.execute(f"DELETE FROM {table}")
    code, out = _check(anchored, capsys)
    assert code == 1 and "清空" in out


def test_a_cut_tail_is_found(anchored, capsys):
    with sqlite3.connect(anchored.db_path) as conn:
        last = conn.execute("SELECT id, ledger, record_id FROM audit_log ORDER BY id DESC"
                            " LIMIT 1").fetchone()
        conn.execute("DELETE FROM audit_log WHERE id = ?", [last[0]])
        conn.execute("DELETE FROM attachment WHERE id = ?", [last[2]])
    code, out = _check(anchored, capsys)
    assert code == 1 and "截短" in out


def test_a_back_dated_entry_appended_is_found(anchored, capsys):
    with sqlite3.connect(anchored.db_path) as conn:
        prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        at = "2020-01-01T09:00:00"
        after = json.dumps({"name": "赵六"}, ensure_ascii=False)
        digest = audit._digest(prev, at, "attachment", 999, "create", None, after)
        conn.execute("INSERT INTO audit_log (at, ledger, record_id, action, before, after,"
                     " prev_hash, hash) VALUES (?, 'attachment', 999, 'create', NULL, ?, ?, ?)",
                     [at, after, prev, digest])
    code, out = _check(anchored, capsys)
    assert code == 1 and "事后补写" in out


def test_a_deleted_anchor_is_found_against_the_backups(anchored, capsys):
    make_backup(anchored, anchored.backups_dir)
    anchor.anchor_path(anchored).unlink()
    with sqlite3.connect(anchored.db_path) as conn:
        conn.execute("DELETE FROM audit_log")
    code, out = _check(anchored, capsys)
    assert code == 1 and "锚点文件不见了" in out and "所有备份" in out


def test_an_edited_anchor_is_found_by_its_signature(anchored, capsys):
    path = anchor.anchor_path(anchored)
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["entries"] = 0
    path.write_text(json.dumps(kept), encoding="utf-8")
    code, out = _check(anchored, capsys)
    assert code == 1 and "密钥对不上" in out and "另一台电脑复制而来" in out  # revloss8 V5
