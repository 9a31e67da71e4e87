"""The main window's menus and what they do: 文件 (新增记录, Excel import and export,
backup, restore and the data check, opening or starting another data file, 最近打开) and
帮助. Each action's module is loaded when it is first used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox


def backup_actions():
    """The 文件 menu's safety actions, loaded when first used (zipfile and all)."""
    from lianzheng_desktop.qt import backup_actions as actions

    return actions


class WindowMenus:
    """The menus of a ``MainWindow`` and the actions behind them."""

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
        self.home.paste_plan_requested.connect(lambda year: self._on_import_plan(year, True))
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

        return import_workbook(self, self._store, path, self._on_data_changed)

    def _on_restore(self) -> None:
        report = self._pages.get("述廉述责报告")
        if report is not None:  # typed a moment ago: counted in what the restore takes out
            report.keep_typed_text()  # type: ignore[attr-defined]
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
