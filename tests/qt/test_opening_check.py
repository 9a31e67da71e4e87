"""The window's answer when the background check finds the file damaged."""

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.qt.opening_check import OpeningCheck
from lianzheng_desktop.storage.db import DamagedDatabaseError

pytestmark = pytest.mark.gui


class FinishedCheck:
    """A check that is already over, with the given outcome."""

    def __init__(self, damaged=None, backup_problem=None):
        self.damaged, self.backup_problem = damaged, backup_problem

    def when_done(self, callback):
        callback(self)


class Window(QWidget):
    restore_from = None


@pytest.fixture
def window(qtbot):
    widget = Window()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_damage_found_offers_the_newest_good_backup(qtbot, window, paths, monkeypatch):
    good = paths.backups_dir / "廉政台账自动备份-20221230-090000.zip"
    monkeypatch.setattr("lianzheng_desktop.storage.backup.newest_good_backup", lambda p: good)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.Yes)
    OpeningCheck(FinishedCheck(DamagedDatabaseError("数据文件“l.db”已损坏")), window, paths)
    assert asked == []  # queued: the answer comes from the event loop, window on screen
    qtbot.waitUntil(lambda: bool(asked))
    assert "已损坏" in asked[0] and good.name in asked[0]
    assert window.restore_from == good and not window.isVisible()


def test_damage_without_a_backup_says_nothing_can_be_saved(qtbot, window, paths, monkeypatch):
    monkeypatch.setattr("lianzheng_desktop.storage.backup.newest_good_backup", lambda p: None)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    OpeningCheck(FinishedCheck(DamagedDatabaseError("数据文件“l.db”已损坏")), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert "不能保存" in shown[0] and window.restore_from is None and window.isVisible()


def test_a_failed_daily_backup_is_a_warning_not_a_stop(qtbot, window, paths, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    OpeningCheck(FinishedCheck(backup_problem="今天的自动备份没有完成：磁盘已满"), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert "磁盘已满" in shown[0] and "数据本身不受影响" in shown[0]


class CheckOnItsThread(FinishedCheck):
    """A check still running when the window is built; it answers from its own thread."""

    def when_done(self, callback):
        threading.Thread(target=callback, args=(self,)).start()


def test_a_check_ending_on_its_own_thread_answers_on_the_window_thread(qtbot, window, paths,
                                                                       monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: shown.append((a[2], threading.current_thread())))
    OpeningCheck(CheckOnItsThread(backup_problem="今天的自动备份没有完成：磁盘已满"), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert "磁盘已满" in shown[0][0] and shown[0][1] is threading.main_thread()


def test_old_backups_kept_back_are_told_as_news_not_as_a_failed_backup(qtbot, window, paths,
                                                                       monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    check = FinishedCheck()
    check.backup_notice = "今天的自动备份已完成。有1份过期的旧备份无法删除……"
    OpeningCheck(check, window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("自动备份已完成", check.backup_notice)]
