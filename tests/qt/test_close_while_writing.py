"""Closing the window while a report is being written (a reviewer, 保存 PDF… then ×)."""

from datetime import date, datetime

import pytest

from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.reports import list_versions
from lianzheng_desktop.storage.store import Store

pytestmark = pytest.mark.gui


def test_closing_the_window_while_a_report_is_written_finishes_and_keeps_it(qtbot, tmp_path):
    """The window closed at once and the worker died with it: the PDF she had asked for
    was never written (or written and not kept as handed in), and 错误日志 said 程序出错."""
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.storage.demo_loader import load_entries

    paths = AppPaths(tmp_path / "lianzheng.db")
    store = Store(open_db(paths.db_path), clock=lambda: datetime(2023, 1, 5, 9))
    load_entries(store, demo_year(), PROFILE)
    window = MainWindow(store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(window)
    report = window.page("述廉述责报告")
    report.set_period(ReportPeriod(2022))
    target = tmp_path / "2022年度报告.pdf"
    after = []
    report.generate(target, then=after.append)  # in the background, as 保存 PDF… does
    window.close()
    assert target.read_bytes().startswith(b"%PDF")
    assert [v.file_path for v in list_versions(store, ReportPeriod(2022))] == [str(target)]
    assert after == []  # nothing more is asked of a window that is closing
