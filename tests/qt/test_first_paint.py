"""``--exit-after-start`` ends at the main window's first real paint (issue 16.1)."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QWidget

from lianzheng_desktop.cli import main
from lianzheng_desktop.qt import app as app_module
from lianzheng_desktop.qt.painted import FirstPaint

pytestmark = pytest.mark.gui


class PaintCounter(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_first_paint_waits_for_a_paint_event_and_fires_once(qtbot, qapp):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen = []
    FirstPaint(widget, lambda: seen.append(counter.paints))
    counter = PaintCounter(widget)
    qtbot.wait(50)
    assert seen == []  # not shown, never painted: nothing yet
    widget.show()
    qtbot.waitUntil(lambda: len(seen) > 0)
    assert seen[0] >= 1  # called after the widget had painted
    widget.update()
    qtbot.wait(50)
    assert len(seen) == 1


def test_exit_after_start_reports_after_the_main_window_has_painted(qapp, tmp_path,
                                                                   monkeypatch):
    from lianzheng_desktop.qt import main_window

    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo"]) == 0
    paints = []

    def paint_event(window, event):
        paints.append(event)
        QMainWindow.paintEvent(window, event)

    printed = []
    monkeypatch.setattr(main_window.MainWindow, "paintEvent", paint_event)
    monkeypatch.setattr(app_module, "print", lambda *a, **k: printed.append((a, len(paints))),
                        raising=False)
    assert main(["--db", db, "--today", "2022-09-30", "--exit-after-start"]) == 0
    assert [text for text, _ in printed] == [("主窗口已显示",)]
    assert printed[0][1] >= 1  # the window had painted when it was said


def test_the_window_closes_its_data_file_when_it_ends(qapp, tmp_path, monkeypatch):
    """revclose3 I: the process ended with the store still open: the day's work stayed in
    the file's -wal beside it, and a copy of the .db alone (e-mailed, put on a USB stick)
    lacked it."""
    import gc
    import sqlite3

    from lianzheng_desktop.app import session

    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo"]) == 0
    gc.collect()  # the demo command's file, closed as its process would end
    opened = []
    real_open = session.open_store
    monkeypatch.setattr(session, "open_store",
                        lambda *a, **k: opened.append(real_open(*a, **k)) or opened[-1])
    assert main(["--db", db, "--today", "2022-09-30", "--exit-after-start"]) == 0
    assert opened
    with pytest.raises(sqlite3.ProgrammingError):  # closed: its -wal folded back in
        opened[0].db.execute("SELECT 1")
    assert not (tmp_path / "l.db-wal").exists()
