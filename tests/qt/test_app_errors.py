"""An error in a slot reaches the user as a Chinese message, and only while the window runs."""

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.cli import main
from lianzheng_desktop.core.errors import UserError
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


def test_an_unexpected_error_is_logged_and_told_in_chinese(qapp, tmp_path, dialogs):
    with _error_dialogs(tmp_path, unattended=False):
        _raise_in_slot(RuntimeError("内部问题"))
    (kind, (_, title, text)), = dialogs
    assert kind == "critical" and title == "程序出错"
    log = tmp_path / "错误日志.txt"
    assert str(log) in text and "已保存的数据不受影响" in text
    assert "RuntimeError: 内部问题" in log.read_text(encoding="utf-8")


def test_a_user_error_is_a_plain_warning(qapp, tmp_path, dialogs):
    with _error_dialogs(tmp_path, unattended=False):
        _raise_in_slot(UserError("日期格式不对"))
    assert dialogs == [("warning", (None, "提示", "日期格式不对"))]
    assert not (tmp_path / "错误日志.txt").exists()


def test_the_hook_is_gone_once_the_window_has_closed(qapp, tmp_path):
    before = sys.excepthook
    with _error_dialogs(tmp_path, unattended=False):
        assert sys.excepthook is not before
    assert sys.excepthook is before


def test_an_unattended_run_never_waits_on_a_dialog(qapp, tmp_path):
    before = sys.excepthook
    with _error_dialogs(tmp_path, unattended=True):
        assert sys.excepthook is before


def test_after_exit_after_start_a_later_error_is_not_caught_by_the_app(qapp, tmp_path):
    """It once left its hook behind: a later error opened a dialog nobody could close."""
    before = sys.excepthook
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "--today", "2022-09-30", "--exit-after-start"]) == 0
    assert sys.excepthook is before


# revloss F6: the window's error dialog never says "已保存的数据不受影响" of a damaged file.

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
