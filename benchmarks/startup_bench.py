"""Issue 16.1: app start to the main window's first real paint, against a bare window.

Both programs stop at the same moment: the first Paint event of their main window, plus
the rest of that frame (the children paint in the same pass). The app does this with
``--exit-after-start`` (``qt.app.FirstPaint``), the bare PySide6 window with the same event
filter. The parent times the arrival of the line each prints then. Runs alternate (bare,
app, bare, app …) so both see the same machine load; medians of the pairs. The files: the
demo year, and synthetic ledgers of 10 and 20 years (5,000 records a year).
"""

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from benchmarks.common import WORK, alternate, database, report
from lianzheng_desktop.resources_access import resource

REPEATS = 11
BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False

def painted():
    print("painted", flush=True)
    app.quit()

app = QApplication([])
window = QMainWindow()
first_paint = FirstPaint(window)
window.installEventFilter(first_paint)
window.show()
app.exec()
"""
# The floor for the app's look: the first page's widgets (navigation, header, quarter bar,
# six wrapped warnings, a 15-row checklist table with wrapped rows) and the bundled Chinese
# font, filled with fixed text — no data file, none of the app's modules. What the app
# takes beyond this is its own Python: imports, opening the store, the checklist.
WIDGETS_ONLY = BARE.replace("window = QMainWindow()\n", """window = QMainWindow()
from PySide6.QtCore import QDate
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)
if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
    font = QFontDatabase.addApplicationFont(FONT)
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(font)[0]))
nav = QListWidget()
nav.addItems(["首页", "警示教育", "谈话记录", "整改事项", "会议活动", "人员名册", "年度计划",
              "述廉述责报告", "查找", "人员情况", "回收站", "设置"])
nav.setFixedWidth(150)
central = QWidget()
row = QHBoxLayout(central)
row.addWidget(nav)
page = QVBoxLayout()
row.addLayout(page, 1)
page.addWidget(QLabel("<b>县总工会机关党支部</b>　　当前季度：2022年第三季度　　今天：2022-09-30"))
page.addWidget(QLabel("季度责任清单"))
quarters = QComboBox()
for year in range(2018, 2023):
    for n in "一二三四":
        quarters.addItem(f"{year}年第{n}季度")
as_of = QDateEdit(QDate(2022, 9, 30))
as_of.setCalendarPopup(True)
bar = QHBoxLayout()
bar.addWidget(quarters)
bar.addWidget(as_of)
page.addLayout(bar)
warnings = QListWidget()
warnings.setWordWrap(True)
for n in range(6):
    warnings.addItem(f"●  临期：【进行中】每季度至少进行1次集中警示教育：已开展{n}次，还差1次。")
page.addWidget(warnings)
table = QTableWidget(15, 4)
table.setHorizontalHeaderLabels(["状态", "条目", "要求", "完成情况"])
table.verticalHeader().setVisible(False)
table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
table.setWordWrap(True)
for column in (0, 1):
    table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
table.setColumnWidth(2, 300)
for r in range(15):
    for c, text in enumerate(["  进行中  ", "（二）加强警示教育",
                              f"每季度至少进行{r}次集中警示教育，全年召开不少于4次专题会议",
                              "本季度已开展1次（7月12日观看警示教育片），还差1次。"]):
        table.setItem(r, c, QTableWidgetItem(text))
page.addWidget(table, 1)
window.setCentralWidget(central)
window.resize(1280, 800)
""")
FILES = [("the demo year", None, 1.4), ("a 10-year file", 10, 1.5), ("a 20-year file", 20, None)]


def _runner(command: list[str]) -> Callable[[], tuple[float, float]]:
    # As installed (pip writes .pyc) or bundled (PyInstaller ships bytecode), modules are
    # not recompiled at every start; some sandboxes set PYTHONDONTWRITEBYTECODE, which
    # would charge a recompile of every module to each start. Both programs run alike.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def run() -> tuple[float, float]:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL)
        assert child.stdout is not None
        line = child.stdout.readline()
        painted = time.perf_counter() - start
        child.stdout.read()
        if child.wait() != 0 or not line:
            raise SystemExit(f"{command[-1]} failed (exit {child.returncode})")
        return painted, time.perf_counter() - start

    return run


def _widgets_only() -> None:
    """The floor (WIDGETS_ONLY) against the bare window, once: no data file involved."""
    font = str(resource("fonts", "wqy-microhei.ttc"))
    widgets = _runner([sys.executable, "-c", f"FONT = {font!r}\n" + WIDGETS_ONLY])
    bare_runs, widget_runs = alternate(_runner([sys.executable, "-c", BARE]), widgets, REPEATS)
    ratio = statistics.median(w[0] / b[0] for b, w in zip(bare_runs, widget_runs, strict=True))
    report("start to the first real paint: the first page's widgets with fixed text", [
        ("bare PySide6 QMainWindow", statistics.median(t[0] for t in bare_runs)),
        ("the same widgets and font, no data, no app modules",
         statistics.median(t[0] for t in widget_runs))],
        ("ratio widgets only / bare window (the floor)", ratio, None))


def main() -> None:
    _widgets_only()
    bare = _runner([sys.executable, "-c", BARE])
    for label, years, target in FILES:
        name = "demo" if years is None else f"{years}-years"
        db = database(name, years=years, per_year=5000)
        app = _runner([sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "--today",
                       "2022-09-30", "--exit-after-start"])
        # The first start of a file checks it whole (storage/verified.py); what is timed
        # is every start after that, the file unchanged since.
        app()
        bare_runs, app_runs = alternate(bare, app, REPEATS)
        bare_paint, app_paint = (statistics.median(t[0] for t in runs)
                                 for runs in (bare_runs, app_runs))
        bare_exit, app_exit = (statistics.median(t[1] for t in runs)
                               for runs in (bare_runs, app_runs))
        ratio = statistics.median(a[0] / b[0] for b, a in zip(bare_runs, app_runs, strict=True))
        report(f"start to the first real paint, {label}"
               f" ({db.stat().st_size / 1e6:.1f} MB; subprocess, offscreen)", [
                   ("bare PySide6 QMainWindow", bare_paint),
                   (f"廉政台账 on {label}", app_paint),
                   ("  (bare window, start to exit)", bare_exit),
                   ("  (廉政台账, start to exit)", app_exit)],
               ("ratio app / bare window (median of pairs)", ratio, target))
    if os.environ.get("LIANZHENG_BENCH_KEEP"):
        print(f"  (files kept in {WORK})")
