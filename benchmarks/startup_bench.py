"""Issue 4: app start to first painted main window (10-year database) vs a bare window."""

import os
import statistics
import subprocess
import sys
import time

from benchmarks.common import WORK, database, report

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(command: list[str], repeats: int = 5) -> float:
    # As installed (pip writes .pyc) or bundled (PyInstaller ships bytecode), modules are
    # not recompiled at every start; some sandboxes set PYTHONDONTWRITEBYTECODE, which
    # would charge a recompile of every module to each start. Both programs run alike.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run(command, check=True, env=env, capture_output=True)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    db = database("ten-years", years=10, per_year=5000)
    bare = _time([sys.executable, "-c", BARE])
    app = _time([sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "--today",
                 "2022-09-30", "--exit-after-start"])
    report("start to first painted window (subprocess, offscreen)", [
        ("bare PySide6 QMainWindow", bare), ("廉政台账 on a 10-year database", app)],
        ("ratio app / bare window", app / bare, 2.0))
    print(f"  (database: {db.stat().st_size / 1e6:.1f} MB in {WORK})")
