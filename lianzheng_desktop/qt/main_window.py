"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.checklist_page import ChecklistPage
from lianzheng_desktop.qt.style import hint, page_title, style_navigation, window_header
from lianzheng_desktop.storage.store import Store

DRAFT_BUTTON_WIDTH = 190  # px of text: three buttons and the line before them fit 911
FIRST_SIZE = (1280, 800)  # a first start's window, if the screen has room for it
FRAME = (16, 40)  # px the title bar and borders add around the window (Windows 10/11)
SHOWN_FILE_NAME = 24  # characters of the data file's name in the header; all in its tip
SHOWN_DRAFTS = 3
PAGE_NAMES = ("首页", "警示教育", "谈话记录", "整改事项", "会议活动", "人员名册", "年度计划",
              "述廉述责报告", "查找", "人员情况", "回收站", "设置")
# Pages of fields, not of one table: they scroll when the window is lower than they are
# (a 1366 × 768 laptop at 150 % leaves about 440 px), instead of making it taller.
SCROLLED_PAGES = ("设置",)
LEDGER_PAGES = {"警示教育": "warning_education", "谈话记录": "talk", "整改事项": "rectification",
                "会议活动": "activity", "人员名册": "roster"}


def backup_actions():
    """The 文件 menu's safety actions, loaded when first used (zipfile and all)."""
    from lianzheng_desktop.qt import backup_actions as actions

    return actions


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


class MainWindow(QMainWindow):
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
        self._today = today or date.today()
        self.setWindowTitle("廉政台账")
        self.header = window_header()
        self.nav = QListWidget()
        self.nav.addItems(list(PAGE_NAMES))
        style_navigation(self.nav, self.screen().availableGeometry().height())
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.home = ChecklistPage(store, self._today)
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

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.import_action = QAction("从 Excel 导入台账…", self)
        self.export_action = QAction("导出全部台账到 Excel…", self)
        self.new_action = QAction("新增记录", self)
        self.new_action.setShortcuts(QKeySequence.StandardKey.New)
        quit_action = QAction("退出", self)
        quit_action.triggered.connect(self.close)
        self.new_file_action = QAction("新建数据文件…", self)
        self.open_file_action = QAction("打开数据文件…", self)
        self.open_file_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_file_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_file_action)
        file_menu.addSeparator()
        self.backup_action = QAction("备份到…", self)
        self.restore_action = QAction("从备份恢复…", self)
        self.check_action = QAction("检查数据", self)
        for action in (self.new_action, self.import_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.backup_action, self.restore_action, self.check_action):
            file_menu.addAction(action)
        self.file_menu = file_menu
        self.restore_from: Path | None = None  # set when the user asks to restore
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.addAction(self.new_action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于廉政台账", self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav)
        self.home.import_plan_requested.connect(self._on_import_plan)
        self.home.plan_changed.connect(self._on_plan_started)
        self.new_action.triggered.connect(self._on_new_record)
        self.import_action.triggered.connect(self._on_import)
        self.export_action.triggered.connect(self._on_export)
        self.backup_action.triggered.connect(
            lambda: backup_actions().backup_to(self, self._store, self._paths))
        self.check_action.triggered.connect(
            lambda: backup_actions().check_data(self, self._store))
        self.restore_action.triggered.connect(self._on_restore)
        self.new_file_action.triggered.connect(self._on_new_file)
        self.open_file_action.triggered.connect(self._on_open_file)

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
                              today=self._today)
            page.changed.connect(self._on_data_changed)
            self._ledgers[LEDGER_PAGES[name]] = page
            return page
        if name == "年度计划":
            page = PlanPage(self._store, today=self._today)
            page.changed.connect(self.home.refresh)
            return page
        if name == "回收站":
            from lianzheng_desktop.qt.trash_page import TrashPage

            page = TrashPage(self._store)
            page.changed.connect(self._on_restored)
            return page
        if name == "述廉述责报告":
            return report_page(self._store, self._paths, self._today)
        if name in ("查找", "人员情况"):
            from lianzheng_desktop.qt.person_page import PersonPage
            from lianzheng_desktop.qt.search_page import SearchPage

            found = SearchPage(self._store) if name == "查找" else PersonPage(
                self._store, today=self._today)
            found.open_record.connect(self.open_record)
            return found
        page = SettingsPage(self._store, self._paths)
        page.profile_changed.connect(self._update_header)
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

    def _update_header(self) -> None:
        profile = self._store.profile()
        quarter = Quarter.containing(self._today)
        unit = profile.org_name or profile.unit_name or "（请在“设置”中填写单位名称）"
        parts = [f"<b>{escape(unit)}</b>", f"当前季度：{quarter.label}", f"今天：{self._today}"]
        if str(self._paths.db_path) != ":memory:":
            # joined (U+2060) so that a narrow window breaks the line before the name
            parts.append("\u2060".join(f"数据文件：{escape(short_name(self._paths.db_path.name))}"))
            self.header.setToolTip(f"数据文件：{self._paths.db_path}")
        self.header.setText("　　".join(parts))
        self.setWindowTitle(window_title(self._paths, profile.unit_name or profile.org_name))

    def open_record(self, ledger: str, record_id: int) -> None:
        """Show ``record_id`` selected in its ledger (from 查找 or 人员情况)."""
        page = self.ledger(ledger)
        self.show_page(next(n for n, k in LEDGER_PAGES.items() if k == ledger))
        if not page.select_record(record_id):  # type: ignore[attr-defined]
            QMessageBox.information(self, "找不到记录", "这条记录已不在台账中，可能已被删除。")

    def _on_data_changed(self) -> None:
        self.home.refresh()
        self.refresh_drafts()  # a form saved from its page takes its draft with it
        for name in ("查找", "人员情况"):
            if name in self._pages:
                self._pages[name].refresh()  # type: ignore[attr-defined]
        if "回收站" in self._pages:
            self._pages["回收站"].refresh()  # type: ignore[attr-defined]

    def _on_restored(self) -> None:
        for page in self._ledgers.values():
            page.refresh()  # type: ignore[attr-defined]
        self.home.refresh()

    def _on_import_plan(self, year: int) -> None:
        """首页's offer for a year without a plan: the plan page's own import."""
        self.show_page("年度计划")
        plan_page = self.page("年度计划")
        if hasattr(plan_page, "_on_import"):
            plan_page._on_import(year)
        self.home.refresh()

    def _on_plan_started(self) -> None:
        if "年度计划" in self._pages:
            self._pages["年度计划"].reload_years()  # type: ignore[attr-defined]

    def continue_draft(self, ledger: str, record_id: int) -> None:
        """Open the form a draft belongs to; it fills itself from the draft."""
        from lianzheng_desktop.qt.record_form import RecordDialog
        from lianzheng_desktop.storage import drafts

        if drafts.find(self._store, ledger, record_id) is None:  # saved or given up since
            self.refresh_drafts()
            return
        page = self.ledger(ledger)
        self.show_page(next(n for n, k in LEDGER_PAGES.items() if k == ledger))
        try:
            if record_id == 0:
                page.add_record()
                return
            try:
                record = self._store.get(ledger, record_id)
            except UserError as exc:  # deleted since: the draft can only be given up
                self._give_up_draft(ledger, record_id, str(exc))
                return
            dialog = RecordDialog(self._store, LEDGERS[ledger], record, self, today=self._today)
            if dialog.exec() and dialog.saved is not None:
                page.refresh()
                self._on_data_changed()
        finally:
            self.refresh_drafts()  # the others are still offered

    def _give_up_draft(self, ledger: str, record_id: int, why: str) -> None:
        from lianzheng_desktop.storage import drafts

        answer = QMessageBox.question(
            self, "无法继续填写", f"{why}\n\n这份未保存的修改已无处可存。要放弃它吗？"
            "（放弃后不再提示；回收站未清空时，记录本身可在“回收站”中找回）",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                drafts.discard(self._store, ledger, record_id)
            except UserError as exc:
                QMessageBox.warning(self, "未能放弃", str(exc))

    def refresh_drafts(self) -> None:
        """The drafts bar as the drafts now stand (one continued, the rest still there)."""
        layout = self.drafts_bar.parentWidget().layout()
        fresh = drafts_bar(self)
        layout.replaceWidget(self.drafts_bar, fresh)
        self.drafts_bar.deleteLater()
        self.drafts_bar = fresh

    def _on_new_record(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "add_record"):  # a ledger page
            page.add_record()
        else:
            QMessageBox.information(self, "新增记录", "请先在左侧选择一类台账（如"
                                                  "“警示教育”），再新增记录。")

    def _on_export(self) -> None:
        from lianzheng_desktop.qt.workbook_actions import export_all

        export_all(self, self._store)

    def _on_import(self) -> None:
        from lianzheng_desktop.qt.workbook_actions import choose_workbook

        path = choose_workbook(self)
        if path is not None:
            self.import_workbook(path)

    def import_workbook(self, path: Path) -> bool:
        """Check the workbook, show what it would add, and import only when confirmed."""
        from lianzheng_desktop.qt.workbook_actions import import_workbook

        def refresh() -> None:
            for page in self._ledgers.values():
                page.refresh()  # type: ignore[attr-defined]
            self.home.refresh()

        return import_workbook(self, self._store, path, refresh)

    def _on_restore(self) -> None:
        chosen = backup_actions().choose_and_verify(self, paths=self._paths,
                                                    store=self._store)
        if chosen is not None:
            self.restore_from = chosen  # run_app restores once this window has closed
            self.close()

    # -- data files ---------------------------------------------------------------------
    def _fill_recent(self) -> None:
        from lianzheng_desktop.qt.data_files import fill_recent_menu

        fill_recent_menu(self.recent_menu, self.recent, self._paths.db_path, self.open_data_file)

    def _on_open_file(self) -> None:
        from lianzheng_desktop.qt.data_files import choose_to_open

        chosen = choose_to_open(self, self._paths.data_dir)
        if chosen is not None:
            self.open_data_file(chosen)

    def _on_new_file(self) -> None:
        from lianzheng_desktop.qt.data_files import choose_new

        chosen = choose_new(self, self._paths.data_dir)
        if chosen is not None:
            self.open_data_file(chosen)

    def open_data_file(self, path: Path) -> bool:
        """Close this window so that the start-up opens ``path`` in its place (run_app)."""
        from lianzheng_desktop.qt.data_files import why_not_open

        path = Path(path).absolute()
        if path == self._paths.db_path:
            QMessageBox.information(self, "打开数据文件", f"“{path.name}”就是现在打开的数据文件。")
            return False
        problem = why_not_open(path)
        if problem:
            QMessageBox.warning(self, "无法打开数据文件", problem)
            return False
        self.switch_to = path
        self.close()  # pages and forms keep what is typed as they hide
        return True

    def _on_about(self) -> None:
        from lianzheng_desktop import __version__

        QMessageBox.about(self, "关于廉政台账",
                          f"廉政台账 {__version__}\n党支部党"
                          "风廉政建设台账、季度责任清单与述廉述责报告。\n"
                          f"数据文件：{self._paths.db_path}\n本软件不联网，数据只保存在本机。")

    # -- geometry -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main/geometry") if self._settings else None
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.fit_screen()

    def fit_screen(self) -> None:
        """A first start: 1280 × 800 where the screen has room, else the room there is
        (frame included), centred — never larger than the screen's free area."""
        room = self.screen().availableGeometry()
        width = min(FIRST_SIZE[0], room.width() - FRAME[0])
        height = min(FIRST_SIZE[1], room.height() - FRAME[1])
        self.resize(width, height)
        self.move(room.x() + (room.width() - width - FRAME[0]) // 2,
                  room.y() + (room.height() - height - FRAME[1]) // 2)

    def closeEvent(self, event) -> None:  # noqa: N802
        report = self._pages.get("述廉述责报告")
        if report is not None:
            if report.text_not_kept() and QMessageBox.question(  # type: ignore[attr-defined]
                    self, "报告文字未能保存",
                    "述廉述责报告页中刚写的文字还没能保存（原因见该页下方）。现在关闭，这些文字"
                    "会丢失。\n\n仍要关闭吗？", QMessageBox.StandardButton.Yes
                    | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No) \
                    != QMessageBox.StandardButton.Yes:
                event.ignore()  # and whatever the close was for is not done either:
                self.restore_from = self.switch_to = None  # no restore, no other file later
                return
            report.finish_before_closing()  # type: ignore[attr-defined]
        task = self.findChild(QObject, "workbook_task")  # an Excel import or export
        if task is not None:  # reading is stopped, writing finished; she is told which
            task.finish_before_closing()  # type: ignore[attr-defined]
        from lianzheng_desktop.qt.record_form import RecordDialog

        for form in self.findChildren(RecordDialog):  # a form still open: kept as a draft
            if form.isVisible():
                form.put_away()
        if self._settings is not None:
            self._settings.setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)


def window_title(paths: AppPaths, unit: str) -> str:
    """The title bar: which data file is open, and whose data it holds."""
    name = paths.db_path.name if str(paths.db_path) != ":memory:" else ""
    parts = [part for part in (name, unit) if part]
    return " — ".join(parts + ["廉政台账"])


def scrolled(page: QWidget) -> QWidget:
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def short_name(name: str) -> str:
    """A long data file name with its middle left out (it names the file in the header)."""
    if len(name) <= SHOWN_FILE_NAME:
        return name
    tail = SHOWN_FILE_NAME // 2 - 1
    return f"{name[:SHOWN_FILE_NAME - tail - 1]}…{name[-tail:]}"


def drafts_bar(window: MainWindow) -> QWidget:
    """A line above the pages when forms were left unsaved last time: 继续填写 each."""
    from lianzheng_desktop.storage import drafts

    bar = QWidget()
    bar.setObjectName("drafts_bar")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(10, 2, 10, 2)
    try:
        found = drafts.all_drafts(window._store)
    except UserError:
        found = []
    if not found:
        bar.hide()
        return bar
    from PySide6.QtCore import Qt  # its namespace costs 13–16 ms: only with drafts to show

    shown = f"（先列出最近的 {SHOWN_DRAFTS} 张）" if len(found) > SHOWN_DRAFTS else ""
    # the line wraps, the buttons are cut short: the bar never widens the window
    layout.addWidget(hint(f"上次有 {len(found)} 张表填了一半未保存{shown}：", wrap=True), 1)
    for draft in found[:SHOWN_DRAFTS]:  # the next comes up as one is dealt with
        button = QPushButton()
        # what it holds first, cut short if long (the whole in the tip): three buttons
        # never widen the window, and two drafts of one ledger are told apart
        # a change to a record already in the table is told apart from a new one: taken
        # for a copy of the row below, a reviewer's half-edit would have been given up
        verb = "继续填写" if draft.record_id == drafts.NEW else "继续修改"
        button.setText(button.fontMetrics().elidedText(
            f"{verb}：{draft.what or draft.label}", Qt.TextElideMode.ElideRight,
            DRAFT_BUTTON_WIDTH))
        button.setToolTip(f"{draft.label}（{draft.saved_at:%Y-%m-%d %H:%M} 存为草稿）" + (
            "" if draft.record_id == drafts.NEW else "；台账中的这条记录还是修改前的样子"))
        button.clicked.connect(lambda _=False, d=draft: window.continue_draft(d.ledger,
                                                                                d.record_id))
        layout.addWidget(button)
    return bar
