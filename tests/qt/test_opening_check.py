"""The window's answer when the background check finds the file damaged."""

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.qt.opening_check import OpeningCheck
from lianzheng_desktop.storage import crash_notes
from lianzheng_desktop.storage.db import DamagedDatabaseError

pytestmark = pytest.mark.gui


class FinishedCheck:
    """A check that is already over, with the given outcome."""

    unavailable = backup_notice = None

    def __init__(self, damaged=None, backup_problem=None, attachments_notice=None):
        self.damaged, self.backup_problem = damaged, backup_problem
        self.attachments_notice = attachments_notice

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


# revloss F5/F7: what the last start left to say and 佐证材料 taken over, shown once.

def test_a_restore_finished_before_the_kill_is_told_in_the_window(qtbot, window, paths,
                                                                   monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    crash_notes.take_notices()
    note = crash_notes.restore_note(paths)
    note.parent.mkdir(parents=True, exist_ok=True)
    crash_notes.restore_step(paths, source="备份.zip")
    crash_notes.restore_step(paths, kept="/备份/廉政台账恢复前备份-1.zip", applying=True)
    crash_notes.after_a_restore(paths, finished_now=False)
    OpeningCheck(FinishedCheck(), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    title, text = shown[0]
    assert title == "上次的操作没有做完"
    assert "恢复已经完成" in text and "廉政台账恢复前备份-1.zip" in text
    assert not note.exists()


def test_attachments_taken_over_are_told(qtbot, window, paths, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    OpeningCheck(FinishedCheck(attachments_notice="已把该文件夹改名为“新_附件”"), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == ("佐证材料文件夹", "已把该文件夹改名为“新_附件”")


class CopiedOver(FinishedCheck):
    def __init__(self, found):
        super().__init__()
        self.replaced = found


@pytest.mark.parametrize("choice", ["恢复本机的数据…", "继续使用现在的文件", "以后再说"])
def test_a_copy_put_over_this_pcs_file_is_asked_about(qtbot, window, paths, monkeypatch,
                                                      choice):
    """revloss7 W1: the home copy copied back over the office's file; the window said
    nothing. Now she is told, and may restore this PC's data, keep the file, or wait."""
    from lianzheng_desktop.storage.copied_over import Replaced

    found = Replaced(paths.backups_dir / "廉政台账备份-20261130-170000.zip", 3,
                     "2026-11-30T17:00:00")
    shown, kept = [], []

    def answer(box):
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr("lianzheng_desktop.storage.copied_over.keep_as_it_is",
                        lambda p: kept.append(p))
    OpeningCheck(CopiedOver(found), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert "3 条台账记录" in shown[0] and found.backup.name in shown[0]
    assert "两份数据都不会丢" in shown[0]
    if choice.startswith("恢复"):
        assert window.restore_from == found.backup and not window.isVisible()
    else:
        assert window.restore_from is None and window.isVisible()
        assert kept == ([paths] if choice == "继续使用现在的文件" else [])
