"""revloss F5/F7 in the window: what the last start left to say (a restore killed after
its swap) and 佐证材料 taken over from the file's old name are shown, once."""

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.qt.opening_check import OpeningCheck
from lianzheng_desktop.storage import crash_notes

pytestmark = pytest.mark.gui


class FinishedCheck:
    damaged = unavailable = backup_problem = backup_notice = None

    def __init__(self, attachments_notice=None):
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
    OpeningCheck(FinishedCheck("已把该文件夹改名为“新_附件”"), window, paths)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == ("佐证材料文件夹", "已把该文件夹改名为“新_附件”")
