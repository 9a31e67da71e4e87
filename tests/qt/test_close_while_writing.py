"""Closing the window while a report is being written (a reviewer, 保存 PDF… then ×)."""

from datetime import date, datetime

import pytest

from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.window_pages import PAGE_NAMES
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.reports import list_versions
from lianzheng_desktop.storage.store import Store

pytestmark = pytest.mark.gui


def _year_report_page(qtbot, tmp_path):
    """The demo in a file of its own (reports are written on a worker thread, as in use),
    its window on 5 January 2023, showing the 2022 annual report."""
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.storage.demo_loader import load_entries

    paths = AppPaths(tmp_path / "lianzheng.db")
    store = Store(open_db(paths.db_path), clock=lambda: datetime(2023, 1, 5, 9))
    load_entries(store, demo_year(), PROFILE)
    window = MainWindow(store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(window)
    report = window.page("述廉述责报告")
    report.set_period(ReportPeriod(2022))
    return store, window, report


def test_closing_the_window_while_a_report_is_written_finishes_and_keeps_it(qtbot, tmp_path):
    """The window closed at once and the worker died with it: the PDF she had asked for
    was never written (or written and not kept as handed in), and 错误日志 said 程序出错."""
    store, window, report = _year_report_page(qtbot, tmp_path)
    target = tmp_path / "2022年度报告.pdf"
    after = []
    report.generate(target, then=after.append)  # in the background, as 保存 PDF… does
    window.close()
    assert target.read_bytes().startswith(b"%PDF")
    assert [v.file_path for v in list_versions(store, ReportPeriod(2022))] == [str(target)]
    assert after == []  # nothing more is asked of a window that is closing


def test_closing_with_report_text_the_disk_refused_asks_first(qtbot, demo_store, tmp_path,
                                                             monkeypatch):
    """The page said "刚才输入的文字未能保存…请勿关闭本页", and the window closed all the same:
    the 第二部分 a reviewer typed with the disk full was gone."""
    from PySide6.QtWidgets import QMessageBox

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS

    window = MainWindow(demo_store, AppPaths(tmp_path / "lianzheng.db"), today=date(2022, 12, 31))
    qtbot.addWidget(window)
    window.show()
    report = window.page("述廉述责报告")
    window.nav.setCurrentRow(PAGE_NAMES.index("述廉述责报告"))
    pages = demo_store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    report.editors[SECTION_HEADINGS[1]].setPlainText("本人严格遵守中央八项规定精神。" * 300)
    asked, answer = [], [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *a: asked.append(text) or answer[0])
    window.restore_from = tmp_path / "备份.zip"  # the close was for a restore (从备份恢复)
    window.close()
    assert window.isVisible() and "刚写的文字还没能保存" in asked[0]
    # refused: the restore is not done either, nor later by an ordinary close (a reviewer's
    # restore ran at the evening's close and took the day's typing with it)
    assert window.restore_from is None and window.switch_to is None
    assert "磁盘空间已满" in report.status.text()
    demo_store.db.execute(f"PRAGMA max_page_count = {pages * 10}")  # space again
    window.close()  # kept now: closes without a question
    assert not window.isVisible() and len(asked) == 1


def test_a_form_open_when_the_window_closes_is_kept_as_a_draft_without_a_question(
        qtbot, demo_store, tmp_path, monkeypatch):
    """Closed under an open form (another data file opened), the window asked "放弃填写的
    内容？" over nothing, and 继续填写 was answered by the program quitting (a reviewer)."""
    from PySide6.QtWidgets import QMessageBox

    from lianzheng_desktop.core.ledgers import LEDGERS
    from lianzheng_desktop.qt.record_form import RecordDialog
    from lianzheng_desktop.storage import drafts

    window = MainWindow(demo_store, AppPaths(tmp_path / "lianzheng.db"), today=date(2022, 12, 31))
    qtbot.addWidget(window)
    window.show()
    form = RecordDialog(demo_store, LEDGERS["activity"], parent=window, today=date(2022, 12, 31))
    form.show()
    form.fields["topic"].input.setText("学习新修订的纪律处分条例")
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    window.close()
    assert asked == [] and not form.isVisible() and not window.isVisible()
    kept = drafts.find(demo_store, "activity", 0)
    assert kept is not None and kept.values["topic"] == "学习新修订的纪律处分条例"


def test_what_a_report_is_of_stays_chosen_while_it_is_written(qtbot, tmp_path):
    """revclose4 1: 打印 of the year's report, then 人员 switched to a member while it was
    written: the buttons came back at once and the print step read the member's page (an
    empty document printed, or the branch's report kept as his)."""
    store, window, report = _year_report_page(qtbot, tmp_path)
    printed = []
    report.generate(tmp_path / "预览.pdf", then=printed.append)  # in the background
    choosers = (report.kind, report.period, report.person)
    assert not any(c.isEnabled() for c in choosers) and not report.save_button.isEnabled()
    report._load_period()  # the page reloaded meanwhile (the data or the day changed)
    assert not report.save_button.isEnabled() and not report.person.isEnabled()
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    assert all(c.isEnabled() for c in choosers) and report.save_button.isEnabled()
    assert report._shown_person is None  # still the branch's, as asked
    window.close()


def test_text_the_disk_refused_is_not_thrown_away_by_choosing_another_report(
        qtbot, demo_store, tmp_path, monkeypatch):
    """revclose4 7: the page said "刚才输入的文字未能保存…请勿关闭本页"; picking another 期间
    (or 报告人) put other texts in the editors and hers were gone, the warning with them."""
    from PySide6.QtWidgets import QMessageBox

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS

    window = MainWindow(demo_store, AppPaths(tmp_path / "lianzheng.db"), today=date(2022, 12, 31))
    qtbot.addWidget(window)
    report = window.page("述廉述责报告")
    report.set_period(ReportPeriod(2022, 4))
    pages = demo_store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    typed = "本人严格遵守中央八项规定精神。" * 300
    report.editors[SECTION_HEADINGS[1]].setPlainText(typed)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: told.append(title))
    report.period.setCurrentIndex(report.period.findData("2022Q3"))  # another quarter
    assert told == ["报告文字未能保存"]
    assert report.period.currentData() == "2022Q4"
    assert report.editors[SECTION_HEADINGS[1]].toPlainText() == typed
    report.person.setCurrentIndex(1)  # another 报告人: the same
    assert report.selected_person() is None and len(told) == 2
    assert report.editors[SECTION_HEADINGS[1]].toPlainText() == typed
    demo_store.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    report.period.setCurrentIndex(report.period.findData("2022Q3"))
    assert report.period.currentData() == "2022Q3" and len(told) == 2
    window.close()
