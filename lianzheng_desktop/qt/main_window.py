"""The main window: navigation on the left, one page at a time on the right.

The window itself (its parts laid out, the header naming the unit, the quarter and the data
file) is here; its pages (``window_pages``), menus (``window_menus``), drafts bar
(``window_drafts``) and closing (``window_closing``) are in modules of their own."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.checklist_page import ChecklistPage
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.style import style_navigation, window_header
from lianzheng_desktop.qt.window_closing import ClosingGuards
from lianzheng_desktop.qt.window_drafts import DraftsOffer, drafts_bar
from lianzheng_desktop.qt.window_menus import WindowMenus
from lianzheng_desktop.qt.window_pages import PAGE_NAMES, PageSwitching
from lianzheng_desktop.storage.store import Store

DAY_CHECK_MS = 60_000  # how often an open window looks whether the day has changed
SHOWN_FILE_NAME = 24  # characters of the data file's name in the header; all in its tip


class MainWindow(FollowsToday, PageSwitching, WindowMenus, DraftsOffer, ClosingGuards, QMainWindow):
    def __init__(self, store: Store, paths: AppPaths, settings: QSettings | None = None,
                 today: date | None = None, recent=None):
        super().__init__()
        from lianzheng_desktop.qt.data_files import RecentFiles

        self._store, self._paths = store, paths
        self._settings = settings
        # 最近打开: the start-up hands the user's list over; otherwise kept in memory only.
        self.recent = recent or RecentFiles(None)
        if str(paths.db_path) != ":memory:":
            self.recent.add(paths.db_path)
        self.switch_to: Path | None = None  # set when the user opens another data file
        self._fixed_today = today
        self.setWindowTitle("廉政台账")
        self.header = window_header()
        self.nav = QListWidget()
        self.nav.addItems(list(PAGE_NAMES))
        style_navigation(self.nav, self.screen().availableGeometry().height())
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.home = ChecklistPage(store, self._fixed_today)
        self._ledgers: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {"首页": self.home}
        for name in PAGE_NAMES:  # the others are built when first opened
            self.stack.addWidget(self.home if name == "首页" else QWidget())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 4, 12, 8)
        right_layout.addWidget(self.header)
        self.drafts_bar = drafts_bar(self)
        right_layout.addWidget(self.drafts_bar)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._connect_signals()
        self.nav.setCurrentRow(0)
        self._update_header()
        self._restore_geometry()
        from lianzheng_desktop.qt.unfinished_import import tell_after_first_paint

        tell_after_first_paint(self, store)  # an Excel import a kill or power cut cut short
        self._shown_day = self._today
        if self._fixed_today is None:  # left open over midnight: the header and 首页 move on
            self._day_timer = QTimer(self)
            self._day_timer.timeout.connect(self._follow_the_day)
            self._day_timer.start(DAY_CHECK_MS)

    def _follow_the_day(self) -> None:
        day = self._today
        if day != self._shown_day:
            before, self._shown_day = self._shown_day, day
            self._update_header()
            self.home.follow_day(before, day)
            if "述廉述责报告" in self._pages:  # drafted again on the day it is signed
                self._pages["述廉述责报告"].refresh_if_moved()  # type: ignore[attr-defined]
            for ledger in self._ledgers.values():  # 年度 offers the new year
                ledger.follow_day()  # type: ignore[attr-defined]

    def _update_header(self) -> None:
        profile = self._store.profile()
        quarter = Quarter.containing(self._today)
        unit = profile.org_name or profile.unit_name or "（请在“设置”中填写单位名称）"
        parts = [f"<b>{escape(unit)}</b>", f"当前季度：{quarter.label}", f"今天：{self._today}"]
        if self._paths.is_demo:  # not her ledgers, nor her day: said where she looks first
            parts[2] = f"<b>示范数据</b>，按{self._today}显示（回到本单位的台账：文件 → 最近打开）"
        if str(self._paths.db_path) != ":memory:":
            # joined (U+2060) so that a narrow window breaks the line before the name
            parts.append("\u2060".join(f"数据文件：{escape(short_name(self._paths.db_path.name))}"))
            self.header.setToolTip(f"数据文件：{self._paths.db_path}")
        self.header.setText("　　".join(parts))
        self.setWindowTitle(window_title(self._paths, profile.unit_name or profile.org_name))


def window_title(paths: AppPaths, unit: str) -> str:
    """The title bar: which data file is open, and whose data it holds."""
    name = paths.db_path.name if str(paths.db_path) != ":memory:" else ""
    parts = [part for part in (name, unit) if part]
    return " — ".join(parts + ["廉政台账"])


def short_name(name: str) -> str:
    """A long data file name with its middle left out (it names the file in the header)."""
    if len(name) <= SHOWN_FILE_NAME:
        return name
    tail = SHOWN_FILE_NAME // 2 - 1
    return f"{name[:SHOWN_FILE_NAME - tail - 1]}…{name[-tail:]}"
