"""revloss F6: the window's error dialog never says "已保存的数据不受影响" of a damaged file."""

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.qt.app import _error_dialogs
from lianzheng_desktop.storage.db import DamagedDatabaseError

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(("critical", a)))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a)))
    return shown


def _raise_in_slot(error):
    try:
        raise error
    except Exception as exc:  # noqa: BLE001 — handed to the hook as Qt would
        sys.excepthook(type(exc), exc, exc.__traceback__)


def _malformed() -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = 11  # SQLITE_CORRUPT, as SQLite sets it
    return error


def test_a_broken_page_met_in_a_slot_is_said_as_damage(qapp, tmp_path, dialogs):
    db = tmp_path / "l.db"
    with _error_dialogs(tmp_path / "日志", unattended=False, db_path=db):
        _raise_in_slot(_malformed())
    (kind, (_, title, text)), = dialogs
    assert kind == "critical" and title == "数据文件已损坏"
    assert "已保存的数据不受影响" not in text and "意外问题" not in text
    assert str(db) in text and "从备份恢复" in text
    assert not (tmp_path / "日志" / "错误日志.txt").exists()


def test_a_write_refused_after_damage_was_found_is_said_as_damage(qapp, tmp_path, dialogs):
    with _error_dialogs(tmp_path, unattended=False, db_path=tmp_path / "l.db"):
        _raise_in_slot(DamagedDatabaseError("数据文件已损坏。为免损坏扩大，不能保存任何修改。"))
    (kind, (_, title, text)), = dialogs
    assert kind == "critical" and title == "数据文件已损坏"
    assert "已保存的数据不受影响" not in text
