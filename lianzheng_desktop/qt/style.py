"""The app's look: the party-red navigation, page titles and grey hints.

Titles and hints are styled with fonts and palettes rather than a window-wide style
sheet, which would route every widget in the window through Qt's slower style-sheet style
(about 3 ms more to build the first page on the 10-year database).

Nothing on the way to the first paint (app, main window, 首页) touches the ``Qt`` namespace
of QtCore: its first use builds 94 Python enums with 1,199 members, 13–16 ms. Code that
needs it after the start imports it where it is used.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHeaderView, QLabel, QListWidget, QTableView

PARTY_RED = "#8b1a1a"
# 补录 (entered long after the day): purple, apart from the deadline colours of 整改事项
# (red 逾期, orange 5天内到期, blue 未到期, green 已完成) shown beside it
LATE_ENTRY_COLOUR = "#6a1b9a"
# Item data roles by number: naming them (Qt.ItemDataRole) would build the Qt namespace.
# tests/qt/test_style.py holds them to Qt's own values.
BACKGROUND_ROLE = 8
FOREGROUND_ROLE = 9
NAV_STYLE = """
QListWidget { background: #8b1a1a; color: white; border: none; font-size: 15px; }
QListWidget::item { padding: 10px 16px; }
QListWidget::item:selected { background: #b22222; color: white; }
"""


def _label(text: str, *, colour: str, pixels: int | None = None, bold: bool = False,
           wrap: bool = False) -> QLabel:
    label = QLabel(text)
    font = label.font()
    if pixels is not None:
        font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    label.setWordWrap(wrap)
    return label


def page_title(text: str) -> QLabel:
    """A page's heading, in party red."""
    label = _label(text, colour=PARTY_RED, pixels=20, bold=True)
    label.setContentsMargins(0, 4, 0, 8)
    return label


def hint(text: str, *, wrap: bool = True) -> QLabel:
    """A grey line that explains what to do on a page."""
    return _label(text, colour="#666666", wrap=wrap)


def window_header() -> QLabel:
    """The unit name and the current quarter, above every page."""
    label = _label("", colour="#333333", pixels=14, wrap=True)  # never wider than the screen
    label.setContentsMargins(10, 6, 10, 6)
    return label


LOW_SCREEN = 700  # px of free height under which the navigation's rows are closer


def style_navigation(nav: QListWidget, free_height: int = LOW_SCREEN) -> None:
    """White page names on party red, the open page a lighter red. A style sheet on the
    list alone costs under 1 ms; it paints the selection across the full width.

    On a low screen (a 1366 × 768 laptop at 125 % or 150 %: 614 or 512 px) the twelve
    names sit closer, so that all of them, 设置 too, show without scrolling."""
    nav.setStyleSheet(NAV_STYLE if free_height >= LOW_SCREEN
                      else NAV_STYLE.replace("padding: 10px 16px", "padding: 5px 16px"))


def colour_item(item, foreground: str, background: str | None = None) -> None:
    """Text (and cell) colour of a list or table item."""
    item.setData(FOREGROUND_ROLE, QColor(foreground))
    if background is not None:
        item.setData(BACKGROUND_ROLE, QColor(background))


ROW_HEIGHT = 28  # pixels: a line of text with air above and below


def rows_follow_text(table: QTableView) -> None:
    """Rows as tall as their wrapped text (never under ROW_HEIGHT), and again on resize.

    For short tables (the plan, the checklist): sizing at fill time used the width the page
    had before it was shown, leaving rows of three lines where the text now needs one.
    """
    rows = table.verticalHeader()
    rows.setMinimumSectionSize(ROW_HEIGHT)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Qt sizes such rows when the data changes, not when a column is widened; and while a
    # column's resize is signalled its new width is not yet in effect: size them after it.
    later = QTimer(table)
    later.setSingleShot(True)
    later.setInterval(0)
    later.timeout.connect(table.resizeRowsToContents)
    table.horizontalHeader().sectionResized.connect(lambda *_: later.start())
