"""Start the Qt application on the chosen database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lianzheng_desktop.cli.common import open_store, paths_from
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.errorlog import log_unexpected
from lianzheng_desktop.qt.fonts import ensure_cjk_font


def _install_excepthook(log_dir: Path) -> None:
    def hook(kind, value, trace):
        if isinstance(value, UserError):
            QMessageBox.warning(None, "提示", str(value))
            return
        path = log_unexpected(value, log_dir)
        QMessageBox.critical(None, "程序出错",
                             f"程序遇到意外问题，已记录到：\n{path}\n\n请把该文件发给维护人员。"
                             "已保存的数据不受影响。")

    sys.excepthook = hook


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("廉政台账")
    ensure_cjk_font(app)
    paths = paths_from(args)
    _install_excepthook(paths.log_dir)
    try:
        store = open_store(args)
    except UserError as exc:
        if args.screenshot or args.exit_after_start:
            raise
        QMessageBox.critical(None, "无法打开数据文件", str(exc))
        return 1
    from lianzheng_desktop.qt.main_window import MainWindow

    unattended = bool(args.screenshot or args.exit_after_start)
    settings = None if unattended else QSettings("lianzheng", "lianzheng_desktop")
    if store.is_empty() and store.profile().is_empty and not unattended:
        _first_start(store)
    window = MainWindow(store, paths, settings, today=getattr(args, "today", None))
    if args.screenshot:
        from lianzheng_desktop.qt.screenshots import save_screenshots

        written = save_screenshots(window, Path(args.screenshot))
        print(f"已保存 {len(written)} 张截图到 {args.screenshot}")
        return 0
    window.show()
    if args.exit_after_start:
        QTimer.singleShot(0, app.quit)  # runs once the first paint has been processed
    return app.exec()


def _first_start(store) -> None:
    from lianzheng_desktop.qt.first_start import FirstStartDialog

    dialog = FirstStartDialog()
    if not dialog.exec():
        return
    if dialog.load_demo.isChecked():
        from lianzheng_desktop.core.demo import PROFILE, demo_year
        from lianzheng_desktop.storage.demo_loader import load_entries

        load_entries(store, demo_year(), PROFILE)
        if not dialog.profile().is_empty:
            store.save_profile(dialog.profile())
    else:
        store.save_profile(dialog.profile())
