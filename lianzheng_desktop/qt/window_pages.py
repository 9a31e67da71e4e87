"""The main window's pages: their names in the navigation, each built when first opened
(the window opens at once; the report page says so if it cannot be loaded), moving
between them, opening a record from 查找 or 人员情况 in its ledger, and telling the pages
that show the data when another page has changed it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage.store import Store

PAGE_NAMES = ("首页", "警示教育", "谈话记录", "整改事项", "会议活动", "人员名册", "年度计划",
              "述廉述责报告", "查找", "人员情况", "回收站", "设置")
# Pages of fields, not of one table: they scroll when the window is lower than they are
# (a 1366 × 768 laptop at 150 % leaves about 440 px), instead of making it taller.
SCROLLED_PAGES = ("设置",)
LEDGER_PAGES = {"警示教育": "warning_education", "谈话记录": "talk", "整改事项": "rectification",
                "会议活动": "activity", "人员名册": "roster"}


def report_page(store: Store, paths: AppPaths, today: date) -> QWidget:
    """The report page, or a note while it is not yet available."""
    try:
        from lianzheng_desktop.qt.report_page import ReportPage
    except ImportError:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(page_title("述廉述责报告"))
        layout.addWidget(hint("报告生成功能正在完善中，下一版本提供。目前可先在“首页”查看季度责任清单，"
                              "或用“文件 → 导出 Excel”导出台账。"))
        layout.addStretch(1)
        return page
    def open_store() -> Store:  # the report worker's own connection
        from lianzheng_desktop.storage.db import open_db

        return Store(open_db(paths.db_path, check=False))  # the window has checked it

    persistent = str(paths.db_path) != ":memory:" and paths.db_path.exists()
    return ReportPage(store, paths, open_store=open_store if persistent else None, today=today)


class PageSwitching:
    """The pages of a ``MainWindow`` (its ``stack``, ``nav`` and ``home``)."""

    # -- pages, built on first use so the window opens at once --------------------------
    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            page = self._make_page(name)
            index = PAGE_NAMES.index(name)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, scrolled(page) if name in SCROLLED_PAGES else page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[name] = page
        return self._pages[name]

    def _make_page(self, name: str) -> QWidget:
        # Each page's module is imported when the page is first opened, not at start.
        from lianzheng_desktop.qt.ledger_page import LedgerPage
        from lianzheng_desktop.qt.plan_page import PlanPage
        from lianzheng_desktop.qt.settings_page import SettingsPage

        if name in LEDGER_PAGES:
            page = LedgerPage(self._store, self._paths, LEDGERS[LEDGER_PAGES[name]],
                              today=self._fixed_today)
            page.changed.connect(self._on_data_changed)
            self._ledgers[LEDGER_PAGES[name]] = page
            return page
        if name == "年度计划":
            page = PlanPage(self._store, today=self._fixed_today)
            page.changed.connect(self._on_data_changed)  # a type renamed: the records too
            return page
        if name == "回收站":
            from lianzheng_desktop.qt.trash_page import TrashPage

            page = TrashPage(self._store, self._paths)
            page.changed.connect(self._on_restored)
            return page
        if name == "述廉述责报告":
            return report_page(self._store, self._paths, self._fixed_today)
        if name in ("查找", "人员情况"):
            from lianzheng_desktop.qt.person_page import PersonPage
            from lianzheng_desktop.qt.search_page import SearchPage

            found = SearchPage(self._store) if name == "查找" else PersonPage(
                self._store, today=self._fixed_today)
            found.open_record.connect(self.open_record)
            return found
        page = SettingsPage(self._store, self._paths)
        page.profile_changed.connect(self._on_profile_changed)
        return page

    def ledger(self, key: str):
        name = next(n for n, k in LEDGER_PAGES.items() if k == key)
        return self.page(name)  # type: ignore[return-value]

    @property
    def report(self) -> QWidget:
        return self.page("述廉述责报告")

    def _on_nav(self, row: int) -> None:
        self.page(PAGE_NAMES[row])
        self.stack.setCurrentIndex(row)

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGE_NAMES.index(name))

    def open_record(self, ledger: str, record_id: int) -> None:
        """Show ``record_id`` selected in its ledger (from 查找 or 人员情况)."""
        page = self.ledger(ledger)
        self.show_page(next(n for n, k in LEDGER_PAGES.items() if k == ledger))
        if not page.select_record(record_id):  # type: ignore[attr-defined]
            QMessageBox.information(self, "找不到记录", "这条记录已不在台账中，可能已被删除。")

    def _on_data_changed(self) -> None:
        """A page changed the data: every page built shows it anew. A ledger page built
        before a rename in 人员名册 (or of a 活动类型) would otherwise show, and its 修改
        write back, the old name."""
        self.home.refresh()
        self.refresh_drafts()  # a form saved from its page takes its draft with it
        for page in self._ledgers.values():
            page.on_data_changed()  # type: ignore[attr-defined]
        for name in ("查找", "人员情况", "回收站"):
            if name in self._pages:
                self._pages[name].refresh()  # type: ignore[attr-defined]
        for name, page in self._pages.items():  # 述廉述责报告, 设置 …: their own way
            if name not in LEDGER_PAGES and hasattr(page, "on_data_changed"):
                page.on_data_changed()

    def _on_profile_changed(self) -> None:
        """设置 saved: the header, and 首页 and 年度计划 (another unit's name drops the
        shipped union plan they offered)."""
        self._update_header()
        self.home.refresh()
        if "年度计划" in self._pages:
            self._pages["年度计划"].follow_plans()  # type: ignore[attr-defined]
        if "述廉述责报告" in self._pages:  # its title, signature and notes name the unit
            self._pages["述廉述责报告"].on_data_changed()  # type: ignore[attr-defined]

    def _on_restored(self) -> None:
        self._on_data_changed()

    def _on_import_plan(self, year: int, paste: bool = False) -> None:
        """首页's offer for a year without a plan: the plan page's own import (``paste``:
        粘贴工作要点文字)."""
        self.show_page("年度计划")
        plan_page = self.page("年度计划")
        if hasattr(plan_page, "_on_import"):
            (plan_page._on_paste if paste else plan_page._on_import)(year)
        self.home.refresh()

    def _on_plan_started(self) -> None:
        if "年度计划" in self._pages:
            self._pages["年度计划"].reload_years()  # type: ignore[attr-defined]


def scrolled(page: QWidget) -> QWidget:
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
