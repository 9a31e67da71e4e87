"""Finding 1 in the window: a check that could not run is a warning, never a restore offer."""

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.qt.opening_check import OpeningCheck
from lianzheng_desktop.storage.db import UnavailableDatabaseError

pytestmark = pytest.mark.gui


class FinishedCheck:
    def __init__(self, unavailable):
        self.damaged, self.backup_problem, self.unavailable = None, None, unavailable

    def when_done(self, callback):
        callback(self)


class Window(QWidget):
    restore_from = None


def test_a_locked_file_is_reported_as_such_and_no_restore_is_offered(qtbot, paths,
                                                                      monkeypatch):
    window = Window()
    qtbot.addWidget(window)
    window.show()
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: asked.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    problem = UnavailableDatabaseError("暂时无法打开数据文件“l.db”：数据文件正被另一个程序占用"
                                       "。数据文件本身没有损坏，无需从备份恢复。")
    OpeningCheck(FinishedCheck(problem), window, paths)
    qtbot.waitUntil(lambda: bool(warned))
    assert "占用" in warned[0] and "没有损坏" in warned[0]
    assert asked == [] and window.restore_from is None and window.isVisible()


def test_a_restore_refused_at_the_start_is_said_in_a_dialog(paths, monkeypatch, qapp):
    import errno

    from lianzheng_desktop.qt import app
    from lianzheng_desktop.storage import backup

    from .conftest import make_backup

    good = make_backup(paths, paths.backups_dir)
    before = paths.db_path.read_bytes()
    monkeypatch.setattr("lianzheng_desktop.qt.opening_check.ask_to_restore",
                        lambda parent, p, message: good)

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_zip", no_space)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert app._offer_restore(paths, "数据文件已损坏") is False
    assert warned and "没有恢复" in warned[0] and "磁盘空间不足" in warned[0]
    assert paths.db_path.read_bytes() == before
