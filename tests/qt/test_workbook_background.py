"""文件 → 从 Excel 导入 / 导出 off the window's thread: progress shown while the window keeps
turning, 取消 while reading, the window closed mid-way, and an import cut short by a kill."""

import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lianzheng_desktop.interchange import xlsx_plan
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt import workbook_jobs
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.unfinished_import import TITLE
from lianzheng_desktop.qt.workbook_actions import ImportCheckDialog
from lianzheng_desktop.qt.workbook_progress import ProgressDialog
from lianzheng_desktop.storage import import_marker
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
ROWS = 700
CLOCK = datetime(2022, 12, 31, 17)


def workbook(path: Path, rows: int = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期*", "类型*", "主题*"])
    for n in range(rows):
        sheet.append([date(2022, 1, 1) + timedelta(days=n % 360), "专题会议",
                      f"第{n + 1}次专题学习"])
    book.save(path)
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    """The window on a data file (a second connection can open it: the worker's)."""
    paths = AppPaths(tmp_path / "lianzheng.db")
    store = Store(open_db(paths.db_path), clock=lambda: CLOCK)
    win = MainWindow(store, paths, today=CLOCK.date())
    qtbot.addWidget(win)
    win.show()
    yield win, store
    store.close()


@pytest.fixture(autouse=True)
def kept_on_time(monkeypatch):
    """补录 or not (the rows are of 2022, entered at its end): 按原台账导入."""
    from lianzheng_desktop.qt import import_timing

    monkeypatch.setattr(import_timing, "ask_kept_on_time", lambda *a, **k: True)


@pytest.fixture
def said(monkeypatch):
    """Every message box's (title, text), answered at once."""
    told: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, title, text, *a, **k:
                            told.append((title, text)) or QMessageBox.StandardButton.Ok)
    return told


class Watch:
    """A timer on the window's thread, every 10 ms while the import runs: counts the event
    loop's turns, records what the progress dialog says, and acts once when asked."""

    def __init__(self, window):
        self.window, self.turns, self.lines = window, 0, []
        self.when, self.then = None, None
        self.timer = QTimer(window)  # goes with the window
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def dialog(self):
        found = [d for d in self.window.findChildren(ProgressDialog) if d.isVisible()]
        return found[0] if found else None

    def _tick(self):
        self.turns += 1
        dialog = self.dialog()
        if dialog is not None and (not self.lines or self.lines[-1] != dialog.line.text()):
            self.lines.append(dialog.line.text())
        if self.when is not None and dialog is not None and self.when(dialog):
            self.when, then = None, self.then
            then(dialog)


def gate_comparing(monkeypatch) -> threading.Event:
    """The worker waits in the comparison with the ledgers until the gate opens."""
    gate = threading.Event()
    compare = xlsx_plan.sort_out

    def held(store, sheet):
        assert gate.wait(20), "the test never opened the gate"
        return compare(store, sheet)

    monkeypatch.setattr(xlsx_plan, "sort_out", held)
    return gate


def test_reading_shows_rows_read_while_the_window_keeps_turning(window, said, monkeypatch,
                                                              tmp_path):
    win, store = window
    monkeypatch.setattr(workbook_jobs, "SAY_EVERY", 0)  # every line, not ten a second
    gate = gate_comparing(monkeypatch)
    asked = []
    monkeypatch.setattr(ImportCheckDialog, "exec", lambda d: asked.append(d.said()) or False)
    shown = []
    set_line = ProgressDialog.set_line
    monkeypatch.setattr(ProgressDialog, "set_line", lambda dialog, line, *a: (
        shown.append(line), bars.append(a), set_line(dialog, line, *a)))
    bars = []
    watch = Watch(win)
    watch.when = lambda dialog: "核对" in dialog.line.text()
    turns_at_gate = []
    watch.then = lambda _d: (turns_at_gate.append(watch.turns),
                             QTimer.singleShot(300, gate.set))
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is False  # she said 否
    assert "正在读取工作簿“台账.xlsx”…第 200 行" in shown  # every 200 rows
    assert "正在读取工作簿“台账.xlsx”…第 600 行" in shown
    # the bar: of the rows the sheet says it has (the header's included)
    assert bars[shown.index("正在读取工作簿“台账.xlsx”…第 600 行")] == (600, ROWS + 1)
    assert shown[-1] == f"已读完 {ROWS + 1:,} 行，正在与台账中的记录逐条核对…"
    assert watch.lines[-1] == shown[-1]  # on screen while the rows are compared
    # the worker held for 300 ms in the comparison: the window's loop kept turning
    assert watch.turns - turns_at_gate[0] >= 10
    assert "新增 700 条" in asked[0] and store.is_empty()
    assert watch.dialog() is None  # the progress dialog is gone again


def test_cancel_while_reading_writes_nothing_and_asks_nothing(
        window, no_unexpected_modal_dialog, monkeypatch, tmp_path):
    """取消 while the workbook is read: no 导入前确认 (the fixture fails the test on any
    dialog), no marker, no record."""
    win, store = window
    gate = gate_comparing(monkeypatch)
    watch = Watch(win)
    watch.when = lambda dialog: "核对" in dialog.line.text()

    def cancel(dialog):
        assert dialog.cancel_button.isVisible()
        dialog.cancel_button.click()
        assert dialog.line.text() == "正在停止读取…"
        gate.set()

    watch.then = cancel
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is False
    assert store.is_empty() and import_marker.unfinished(store) is None
    assert win.isVisible()


def gate_writing(monkeypatch) -> threading.Event:
    """Each record's write waits until the returned gate is set (the import is writing)."""
    gate = threading.Event()
    add = Store.add_validated

    def held(self, *args, **kwargs):
        assert gate.wait(20)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add_validated", held)
    return gate


def test_writing_offers_no_cancel_and_says_so(window, said, monkeypatch, tmp_path):
    win, store = window
    monkeypatch.setattr(ImportCheckDialog, "exec", lambda d: True)
    gate = gate_writing(monkeypatch)
    watch = Watch(win)
    watch.when = lambda dialog: "正在写入" in dialog.line.text()

    def try_to_cancel(dialog):
        assert not dialog.cancel_button.isVisible()
        dialog.reject()  # Esc, or the dialog's ×
        assert dialog.isVisible() and "写入完成前不能取消" in dialog.note.text()
        gate.set()

    watch.then = try_to_cancel
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is True
    assert store.count("activity") == ROWS and import_marker.unfinished(store) is None
    assert said == [("导入完成", "已导入：新增 700 条，已存在 0 条（跳过），冲突 0 条。")]


def test_closing_the_window_while_reading_stops_it_and_says_so(window, said, monkeypatch,
                                                              tmp_path):
    win, store = window
    gate = gate_comparing(monkeypatch)
    monkeypatch.setattr(ImportCheckDialog, "exec", lambda d: pytest.fail("asked after close"))
    watch = Watch(win)
    watch.when = lambda dialog: "核对" in dialog.line.text()
    watch.then = lambda _d: (QTimer.singleShot(200, gate.set), win.close())
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is False
    assert not win.isVisible()
    assert said == [("导入已停止", "窗口关闭时还在读取“台账.xlsx”，已停止读取，未导入任何记录，"
                     "台账没有改动。需要时请重新导入。")]
    assert store.is_empty()


def test_closing_the_window_while_writing_finishes_the_import_first(window, said, monkeypatch,
                                                                   tmp_path):
    """Never half an import: the rows are written whole, then the window closes, and she
    is told they were (over the window still on screen), and asked nothing more."""
    win, store = window
    monkeypatch.setattr(ImportCheckDialog, "exec", lambda d: True)
    gate = gate_writing(monkeypatch)
    visible_when_told = []
    watch = Watch(win)
    watch.when = lambda dialog: "正在写入" in dialog.line.text()
    watch.then = lambda _d: (QTimer.singleShot(200, gate.set), win.close())
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a:
                        visible_when_told.append(parent.isVisible()) or said.append(
                            (title, text)))
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is True
    assert not win.isVisible() and store.count("activity") == ROWS
    assert said == [("导入已完成", "窗口关闭前已导入“台账.xlsx”：新增 700 条，已存在 0 条（跳过），"
                     "冲突 0 条。")]
    assert visible_when_told == [True]
    assert import_marker.unfinished(store) is None


def test_closing_the_window_while_asked_to_confirm_imports_nothing(window, said, monkeypatch,
                                                                  tmp_path):
    win, store = window

    def closed_meanwhile(dialog):
        win.close()  # e.g. Windows shutting down under the question
        return True  # and her 是 comes too late: nothing is written

    monkeypatch.setattr(ImportCheckDialog, "exec", closed_meanwhile)
    assert win.import_workbook(workbook(tmp_path / "台账.xlsx")) is False
    assert store.is_empty()
    assert said == [("导入已取消", "窗口关闭时还在确认是否导入“台账.xlsx”，未导入任何记录，"
                     "台账没有改动。")]


def test_export_runs_off_the_window_thread_and_a_close_finishes_it(window, said, monkeypatch,
                                                                   tmp_path):
    win, store = window
    store.add("roster", {"name": "王建国", "role": "书记"})
    target = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    threads = []
    export = workbook_jobs.exporting

    gate = threading.Event()

    def noted(path):
        work = export(path)

        def held(worker_store, job):
            threads.append(threading.current_thread())
            assert gate.wait(20)
            return work(worker_store, job)
        return held

    monkeypatch.setattr(workbook_jobs, "exporting", noted)
    watch = Watch(win)
    watch.when = lambda dialog: True
    watch.then = lambda _d: (QTimer.singleShot(200, gate.set), win.close())
    win._on_export()
    assert threads and threads[0] is not threading.main_thread()
    assert target.exists() and not win.isVisible()
    assert said[0][0] == "导出已完成" and "人员名册 1 条" in said[0][1]
    assert len(said) == 1


KILLED_MID_IMPORT = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from lianzheng_desktop.interchange import xlsx
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

store = Store(open_db({db!r}))
plan = xlsx.plan_import(store, Path({book!r}))
add = Store.add_validated

def add_then_hang(self, *args, **kwargs):
    stored = add(self, *args, **kwargs)
    print("written", stored, flush=True)  # inside the transaction, not yet committed
    time.sleep(600)

Store.add_validated = add_then_hang
xlsx.apply_import_marked(store, Path({book!r}), plan, kept_on_time=True)
"""


def test_an_import_killed_mid_way_is_told_once_at_the_next_start(qtbot, tmp_path, said):
    paths = AppPaths(tmp_path / "lianzheng.db")
    open_db(paths.db_path).close()
    book = workbook(tmp_path / "年度台账.xlsx")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_IMPORT.format(root=str(ROOT), db=str(paths.db_path),
                                                        book=str(book))],
        stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().split() == ["written", str(ROWS)]
    finally:
        child.kill()  # as Windows' 结束任务, or the power going
        child.wait()
    store = Store(open_db(paths.db_path), clock=lambda: CLOCK)
    try:
        assert store.is_empty()  # one transaction: nothing of it
        found = import_marker.unfinished(store)
        assert found is not None and found.file == book
        first = MainWindow(store, paths, today=CLOCK.date())
        qtbot.addWidget(first)
        first.show()
        qtbot.waitUntil(lambda: len(said) == 1)
        title, text = said[0]
        assert title == TITLE
        assert text.startswith(f"上次从 Excel 导入“年度台账.xlsx”（{found.started_at.year}年")
        assert "导入没有完成" in text and "一条也没有写入" in text and "请重新导入这个文件" in text
        assert str(book) in text
        qtbot.waitUntil(lambda: import_marker.unfinished(store) is None)  # told once
        first.close()
        second = MainWindow(store, paths, today=CLOCK.date())
        qtbot.addWidget(second)
        second.show()
        qtbot.wait(100)
        assert len(said) == 1
    finally:
        store.close()


def test_an_import_that_fails_leaves_no_marker(tmp_path, monkeypatch):
    """A refusal (a full disk) is told at once, 无法导入: nothing to tell at the next start;
    and an import that succeeds leaves none either."""
    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.interchange import xlsx

    store = Store(open_db(tmp_path / "lianzheng.db"), clock=lambda: CLOCK)
    book = workbook(tmp_path / "台账.xlsx", rows=3)
    plan = xlsx_plan.plan_import(store, book)
    apply = xlsx.apply_import

    def refused(*args, **kwargs):
        assert import_marker.unfinished(store) is not None  # marked before the rows
        raise UserError("磁盘空间已满，本次修改没有保存。")

    monkeypatch.setattr(xlsx, "apply_import", refused)
    with pytest.raises(UserError):
        xlsx.apply_import_marked(store, book, plan, kept_on_time=True)
    assert import_marker.unfinished(store) is None and store.is_empty()
    monkeypatch.setattr(xlsx, "apply_import", apply)
    xlsx.apply_import_marked(store, book, plan, kept_on_time=True)
    assert store.count("activity") == 3 and import_marker.unfinished(store) is None
    store.close()
