"""Issue 16 part 3: "the GUI preview of a quarter shows within half a second of asking".

Timed as the secretary sees it, in the real window (offscreen): from the click on
述廉述责报告 in the navigation to the page painted with its drafted text, and from the click
on 生成预览 to the first page of the PDF painted in the preview pane. Each run is a fresh
process that has just opened the demo, so the first preview pays what a first preview
pays (reportlab, the fonts from their cache); a second click is timed too. The baseline,
in the same process: showing the same finished PDF in the pane again (load and paint, no
writing), so the ratio is what writing the report adds to merely showing it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

from benchmarks.common import WORK, database
from benchmarks.report_bench import ENV

REPEATS = 5
CHILD = r"""
import json, sys, time
from datetime import date
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtWidgets import QApplication
from lianzheng_desktop.app import session
from lianzheng_desktop.qt.fonts import ensure_cjk_font
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.painted import FirstPaint

app = QApplication([])
ensure_cjk_font(app)  # as the app's start does (the bundled font where the PC has none)
paths = session.paths_for(sys.argv[1])
store = session.open_store(paths, check=False, daily_backup=False)
window = MainWindow(store, paths, None, today=date(2022, 9, 30))


loop = QEventLoop()
FirstPaint(window, loop.quit)
window.show()
QTimer.singleShot(20000, loop.quit)  # never hang the benchmark
loop.exec()
# the page is built (its report drafted from the ledgers) on the first click, as in use
loop = QEventLoop()
start = time.perf_counter()
page = window.report
FirstPaint(page, loop.quit)
window.show_page("述廉述责报告")
QTimer.singleShot(20000, loop.quit)
loop.exec()
nav = time.perf_counter() - start
pane = page.preview_pane
# QPdfView draws blank pages first and each page's picture once its renderer (a thread of
# its own) has made it: what she sees is the paint after page 1's picture arrived
[renderer] = pane.view.findChildren(QPdfPageRenderer)


def shown_after(act):
    loop, ready, painted = QEventLoop(), [], []
    def status(value):  # the new PDF is loaded: pictures made from now on are of it
        ready.append(value == QPdfDocument.Status.Ready)
    def rendered(number, *_):
        if number == 0 and any(ready) and not painted:
            FirstPaint(pane.view.viewport(), lambda: (painted.append(1), loop.quit()))
    page.document.statusChanged.connect(status)
    renderer.pageRendered.connect(rendered)
    QTimer.singleShot(20000, loop.quit)
    start = time.perf_counter()
    act()
    loop.exec()
    seconds = time.perf_counter() - start
    renderer.pageRendered.disconnect(rendered)
    page.document.statusChanged.disconnect(status)
    assert painted, "the preview never showed its first page"
    return seconds


first = shown_after(page.preview_button.click)
second = shown_after(page.preview_button.click)
path, shown = str(page._preview_file), pane.shown
shown_again = shown_after(lambda: pane.load(path, shown))
assert page.document.pageCount() > 0, "no pages in the preview"
print(json.dumps({"nav": nav, "first": first, "second": second, "show": shown_again}))
window.close()
store.close()
"""


def _run(db) -> dict[str, float]:
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    demo = database("demo")
    _run(demo)  # fills the font cache, as the first report on a PC does
    runs = [_run(demo) for _ in range(REPEATS)]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    print("\n== the report page and its preview in the window (demo, 2022Q3; fresh process "
          f"each, median of {REPEATS}; target: preview ≤ 0.5 s after 生成预览)")
    for label, key in (("showing a finished PDF in the pane (baseline)", "show"),
                       ("click 述廉述责报告 → the page painted, drafted", "nav"),
                       ("click 生成预览 → first page painted (first time)", "first"),
                       ("click 生成预览 again → first page painted", "second")):
        print(f"  {label:<52} {median[key] * 1000:9.1f} ms")
    worst = max(median["first"], median["second"])
    print(f"  first preview / showing the PDF {median['first'] / median['show']:.1f} ×; "
          f"slowest preview {worst:.2f} s (target ≤ 0.5 s: "
          f"{'within target' if worst <= 0.5 else 'OVER TARGET'})")
    print(f"  (files in {WORK})")
