"""Issue 4: app start to first painted main window (10-year database) vs a bare window."""

import os
import subprocess
import sys
from collections.abc import Callable

from benchmarks.common import WORK, database, paired_medians, report

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _runner(command: list[str]) -> Callable[[], object]:
    # As installed (pip writes .pyc) or bundled (PyInstaller ships bytecode), modules are
    # not recompiled at every start; some sandboxes set PYTHONDONTWRITEBYTECODE, which
    # would charge a recompile of every module to each start. Both programs run alike.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return lambda: subprocess.run(command, check=True, env=env, capture_output=True)


def main() -> None:
    db = database("ten-years", years=10, per_year=5000)
    bare, app = paired_medians(
        _runner([sys.executable, "-c", BARE]),
        _runner([sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "--today",
                 "2022-09-30", "--exit-after-start"]), 9)
    report("start to first painted window (subprocess, offscreen)", [
        ("bare PySide6 QMainWindow", bare), ("廉政台账 on a 10-year database", app)],
        ("ratio app / bare window", app / bare, 2.0))
    print(f"  (database: {db.stat().st_size / 1e6:.1f} MB in {WORK})")
