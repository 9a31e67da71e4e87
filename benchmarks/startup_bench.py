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


def main() -> None:
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
    print(f"  (files in {WORK})")
