"""Issue 4: app start to first painted main window (10-year database) vs a bare window.

Both programs print a line from the first turn of the event loop after ``show()`` — the
moment the window has painted — and the parent times the arrival of that line. The time
to exit is shown too: after the paint the app still waits for its background integrity
check, which the user never waits for.
"""

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from benchmarks.common import WORK, alternate, database, report

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def painted():
    print("painted", flush=True)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


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
    db = database("ten-years", years=10, per_year=5000)
    bare, app = alternate(
        _runner([sys.executable, "-c", BARE]),
        _runner([sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "--today",
                 "2022-09-30", "--exit-after-start"]), 15)
    bare_paint, app_paint = (statistics.median(t[0] for t in runs) for runs in (bare, app))
    bare_exit, app_exit = (statistics.median(t[1] for t in runs) for runs in (bare, app))
    report("start to first painted window (subprocess, offscreen)", [
        ("bare PySide6 QMainWindow", bare_paint), ("廉政台账 on a 10-year database", app_paint),
        ("  (bare window, start to exit)", bare_exit), ("  (廉政台账, start to exit)", app_exit)],
        ("ratio app / bare window, to first paint", app_paint / bare_paint, 2.0))
    print(f"  (database: {db.stat().st_size / 1e6:.1f} MB in {WORK})")
