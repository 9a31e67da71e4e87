"""The look's helpers, and the rule that the first paint does without Qt's namespace."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem, QTableWidget, QTableWidgetItem

from lianzheng_desktop.qt.style import (
    BACKGROUND_ROLE,
    FOREGROUND_ROLE,
    ROW_HEIGHT,
    colour_item,
    hint,
    page_title,
    rows_follow_text,
)

pytestmark = pytest.mark.gui


def test_role_numbers_are_qts_own():
    assert Qt.ItemDataRole.ForegroundRole.value == FOREGROUND_ROLE
    assert Qt.ItemDataRole.BackgroundRole.value == BACKGROUND_ROLE


def test_colour_item_sets_what_the_views_paint(qapp):
    item = QListWidgetItem("临期")
    colour_item(item, "#c62828", "#2e7d32")
    assert item.foreground().color() == QColor("#c62828")
    assert item.background().color() == QColor("#2e7d32")


def test_titles_are_red_and_bold_and_hints_grey(qapp):
    title, tip = page_title("季度责任清单"), hint("双击一项")
    assert title.font().bold() and title.font().pixelSize() == 20
    assert title.palette().color(title.foregroundRole()) == QColor("#8b1a1a")
    assert tip.palette().color(tip.foregroundRole()) == QColor("#666666") and tip.wordWrap()


def test_the_first_paint_does_not_build_the_qt_namespace(tmp_path):
    """Its 94 enums cost 13–16 ms of a ~190 ms start (see qt/style.py)."""
    db = tmp_path / "l.db"
    script = f"""
import sys
import PySide6.QtCore as core
from lianzheng_desktop.cli import main
import lianzheng_desktop.qt.painted as app  # FirstPaint: the first paint is over
real = app.QTimer.singleShot
seen = []
def spy(ms, *args):
    callback = args[-1]
    def wrapped():
        seen.append("Qt" in core.__dict__)
        callback()
    return real(ms, wrapped)
app.QTimer.singleShot = spy
assert main(["--db", {str(db)!r}, "demo"]) == 0
assert main(["--db", {str(db)!r}, "--today", "2022-09-30", "--exit-after-start"]) == 0
# the first callback after the paint is the start marker's (installed last, run first);
# any later one may run once quit() has closed the window (its close path loads more)
assert seen and not seen[0], seen
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]


def test_rows_follow_their_text_when_the_table_is_resized(qtbot):
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    rows_follow_text(table)
    table.setItem(0, 0, QTableWidgetItem("推进风险防控"))
    long_text = "全年召开不少于4次专题会议，研究部署党风廉政建设工作。" * 4
    table.setItem(1, 0, QTableWidgetItem(long_text))
    table.show()
    qtbot.waitExposed(table)

    def fits(width):
        table.resize(width, 400)
        qtbot.waitUntil(lambda: table.rowHeight(1) == max(ROW_HEIGHT, table.sizeHintForRow(1)))
        assert table.rowHeight(0) == ROW_HEIGHT
        return table.rowHeight(1)

    narrow, wide = fits(300), fits(1600)
    assert narrow > 2 * ROW_HEIGHT and wide < narrow
    assert fits(300) == narrow
