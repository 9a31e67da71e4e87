"""Start the Qt application on the chosen database."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from lianzheng_desktop.cli.common import open_store


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(args)
    window = QMainWindow()
    profile = store.profile()
    window.setWindowTitle(f"廉政台账 — {profile.unit_name or '未设置单位'}")
    window.setCentralWidget(QLabel("廉政台账"))
    window.resize(1100, 720)
    window.show()
    if args.exit_after_start:
        QTimer.singleShot(0, app.quit)
    return app.exec()
