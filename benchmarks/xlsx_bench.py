"""Issue 16.5: Excel import and export of 50,000 records, time and peak memory.

Each run is a process of its own (peak memory is the process's peak resident size, so it
includes Python and the imports), alternating with its baseline in the same run:
- import  vs openpyxl merely reading the same workbook (``read_only``, every value);
- export  vs openpyxl merely writing as many rows of the same width (``write_only``);
- a second import of the same workbook (everything already there), vs the same baseline.
Targets (issue 16): import and export ≤ 10 s with peak memory ≤ 150 MB.

Then the window (offscreen) during 文件 → 从 Excel 导入 of the same workbook and 导出 of the
ledgers: the longest gap between two turns of its event loop (a 10 ms timer), against the
same for the idle window in the same process, and against the import done the old way, on
the window's own thread. Target (bgimport brief): no gap over 200 ms. Questions are
answered at once (是, 按原台账导入), so the gaps include building them.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.common import WORK, database, open_store
from lianzheng_desktop.interchange.xlsx_common import SHEET_ORDER

ROOT_DIR = Path(__file__).resolve().parent.parent

REPEATS = 3
_PRELUDE = """
import json, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
"""
_EPILOGUE = """
seconds = time.perf_counter() - start
print(json.dumps([seconds, peak_mb()]))
"""
READ_BASELINE = """
from openpyxl import load_workbook
book = load_workbook({book!r}, read_only=True, data_only=True)
cells = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
book.close()
"""
WRITE_BASELINE = """
from datetime import date
from openpyxl import Workbook
book = Workbook(write_only=True)
sheet = book.create_sheet("会议活动")
row = [date(2022, 3, 8), "专题会议", "第123次学习", "王建国、刘芳、李秀梅", "按计划开展。", "否",
       "", ""]
for _ in range({rows}):
    sheet.append(row)
book.save({out!r})
"""
IMPORT = """
from pathlib import Path
from lianzheng_desktop.cli import main
status = main(["--db", {db!r}, "import", "--backfilled", {book!r}])
assert status == 0
"""
EXPORT = """
from lianzheng_desktop.cli import main
status = main(["--db", {db!r}, "export", "--overwrite", {out!r}])
assert status == 0
"""


# This process's peak resident memory. VmHWM counts from its own exec; ru_maxrss on Linux
# keeps the high-water mark of the process it was forked from (a big pytest, say).
PEAK = """
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


GUI = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from datetime import date
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
app = QApplication([])
from lianzheng_desktop.app import session
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt import import_timing, workbook_actions
from lianzheng_desktop.qt.main_window import MainWindow
paths = AppPaths(Path({db!r}))
store = session.open_store(paths, daily_backup=False)
window = MainWindow(store, paths, today=date.today())
window.show()
told = []
for kind in ("information", "warning", "critical"):
    setattr(QMessageBox, kind, staticmethod(lambda *a, **k: told.append(a[2])))
workbook_actions.ImportCheckDialog.exec = lambda self: True
import_timing.ask_kept_on_time = lambda *a, **k: True
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ({out!r}, ""))


class Gaps:
    def __init__(self):
        self.clock, self.timer = QElapsedTimer(), QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.turn)

    def start(self):
        self.last = self.longest = 0
        self.clock.start()
        self.timer.start()

    def turn(self):
        now = self.clock.elapsed()
        self.longest, self.last = max(self.longest, now - self.last), now

    def stop(self):
        self.turn()
        self.timer.stop()
        return self.longest


def idle(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measured(action):
    gaps.start()
    begun = time.perf_counter()
    action()
    return gaps.stop(), time.perf_counter() - begun


def on_the_windows_thread():  # as 文件 → 从 Excel 导入 did before
    from lianzheng_desktop.interchange.xlsx import apply_import, plan_import
    QTimer.singleShot(0, lambda: apply_import(store, plan_import(store, Path({book!r})),
                                              kept_on_time=True))
    idle(20)


gaps = Gaps()
idle(300)
idle_gap, _ = measured(lambda: idle({idle_ms}))
if {blocking!r}:
    figures = {{"idle": idle_gap, "blocking": measured(on_the_windows_thread)}}
else:
    figures = {{"idle": idle_gap,
               "import": measured(lambda: window.import_workbook(Path({book!r}))),
               "export": measured(window._on_export)}}
    assert told and not any("无法" in t or "失败" in t for t in told), told
figures["records"] = sum(store.count(k) for k in ("warning_education", "talk",
                                                  "rectification", "activity"))
print(json.dumps(figures))
"""


def _gui(book: str, db: str, *, blocking: bool = False, idle_ms: int = 2000) -> dict:
    """The window's gaps (ms) and times (s) in a process of its own."""
    code = GUI.format(root=str(ROOT_DIR), db=db, book=book, out=str(WORK / "gui-export.xlsx"),
                      blocking=blocking, idle_ms=idle_ms)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run(body: str, **names: object) -> tuple[float, float]:
    code = PEAK + _PRELUDE.format(root=str(ROOT_DIR)) + body.format(**names) + _EPILOGUE
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    seconds, peak = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, peak


def _fresh_db(tag: str, counter: list[int]) -> str:
    counter[0] += 1
    return str(WORK / f"xlsx-import-{tag}-{counter[0]}.db")


def _pairs(baseline, measured) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    first, second = [], []
    for _ in range(REPEATS):
        first.append(baseline())
        second.append(measured())
    return first, second


def _line(label: str, runs: list[tuple[float, float]]) -> tuple[float, float]:
    seconds = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    print(f"  {label:<46} {seconds:7.2f} s   peak {peak:6.0f} MB")
    return seconds, peak


def main() -> None:
    source = database("ten-years", years=10, per_year=5000)
    book = str(WORK / "ten-years.xlsx")
    _run(EXPORT, db=str(source), out=book)
    counter = [0]
    store = open_store(source)
    rows = sum(store.count(key) for key in SHEET_ORDER)
    store.db.close()

    print(f"\n== Excel import / export, {rows:,} records (each run a process of its own)")
    export_base, export_runs = _pairs(
        lambda: _run(WRITE_BASELINE, rows=rows, out=str(WORK / "baseline.xlsx")),
        lambda: _run(EXPORT, db=str(source), out=str(WORK / "export.xlsx")))
    import_base, import_runs = _pairs(
        lambda: _run(READ_BASELINE, book=book),
        lambda: _run(IMPORT, db=_fresh_db("new", counter), book=book))
    again = str(WORK / "xlsx-import-again.db")
    _run(IMPORT, db=again, book=book)
    again_runs = [_run(IMPORT, db=again, book=book) for _ in range(REPEATS)]

    base_w = _line("baseline: openpyxl writes the rows", export_base)
    export = _line("export (lianzheng export)", export_runs)
    base_r = _line("baseline: openpyxl reads the workbook", import_base)
    first = _line("import into an empty file", import_runs)
    second = _line("import again (all already there, none added)", again_runs)
    print(f"  {'export / baseline':<46} {export[0] / base_w[0]:7.2f} ×   target ≤ 10 s, "
          f"≤ 150 MB: {_verdict(export)}")
    print(f"  {'import / baseline':<46} {first[0] / base_r[0]:7.2f} ×   target ≤ 10 s, "
          f"≤ 150 MB: {_verdict(first)}")
    print(f"  {'import again / baseline':<46} {second[0] / base_r[0]:7.2f} ×   "
          f"{_verdict(second)}")
    window_gaps(book, counter)


def window_gaps(book: str, counter: list[int]) -> None:
    print("\n== The window during 从 Excel 导入 and 导出 (offscreen; each run a process "
          "of its own)")
    runs = [_gui(book, _fresh_db("gui", counter)) for _ in range(REPEATS)]
    before = _gui(book, _fresh_db("gui-blocking", counter), blocking=True)
    idle = max(run["idle"] for run in runs + [before])
    worst_import = max(run["import"][0] for run in runs)
    worst_export = max(run["export"][0] for run in runs)
    seconds = statistics.median(run["import"][1] for run in runs)
    print(f"  {'idle window: longest gap between turns':<52} {idle:6.0f} ms")
    print(f"  {'import through the window: longest gap':<52} {worst_import:6.0f} ms   "
          f"{worst_import / idle:5.1f} × idle   target ≤ 200 ms: "
          f"{'within target' if worst_import <= 200 else 'OVER TARGET'}")
    print(f"  {'export through the window: longest gap':<52} {worst_export:6.0f} ms   "
          f"{worst_export / idle:5.1f} × idle   target ≤ 200 ms: "
          f"{'within target' if worst_export <= 200 else 'OVER TARGET'}")
    print(f"  {'as before, on the window thread: longest gap':<52} "
          f"{before['blocking'][0]:6.0f} ms")
    print(f"  {'import through the window, start to 导入完成':<52} {seconds:6.2f} s    "
          f"({runs[0]['records']:,} records stored)")


def _verdict(figures: tuple[float, float]) -> str:
    seconds, peak = figures
    return "within target" if seconds <= 10 and peak <= 150 else "OVER TARGET"


if __name__ == "__main__":
    main()
