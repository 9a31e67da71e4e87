import subprocess
import sys
from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.window_pages import PAGE_NAMES
from lianzheng_desktop.qt.workbook_actions import ProblemsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_store, paths):
    win = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(win)
    return win


def test_navigation_has_every_page_and_the_header_names_the_unit(window):
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == list(PAGE_NAMES)
    assert "县总工会机关党支部" in window.header.text()
    assert "2022年第三季度" in window.header.text()
    window.show_page("整改事项")
    assert window.stack.currentWidget() is window.ledger("rectification")


def test_home_shows_the_quarter_summary_and_warnings(window):
    assert window.home.selected_quarter() == Quarter(2022, 3)
    assert window.home.summary.text().startswith("本季度 15 项要求：")
    texts = [window.home.warnings.item(i).text() for i in range(window.home.warnings.count())]
    assert any("XC-2022-05" in t for t in texts)


def test_the_checklist_updates_when_a_record_is_added(window, demo_store):
    window.home.set_quarter(Quarter(2022, 4), date(2022, 12, 31))

    def status_of(text):
        return next(i.status.value for i in window.home.checklist.items
                    if i.requirement.text == text)

    duty = "坚持每季度至少进行1次集中警示教育"
    assert status_of(duty) == "failed"
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "观看《永远吹冲锋号》"})
    window.ledger("warning_education").changed.emit()
    assert status_of(duty) == "done"


def test_excel_import_problems_are_listed_in_a_dialog(window, tmp_path, monkeypatch):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期*", "类型*", "主题*"])
    sheet.append(["2022-02-30", "专题会议", "部署"])
    book.save(tmp_path / "bad.xlsx")
    shown = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda self: shown.append(self.text.toPlainText()))
    assert window.import_workbook(tmp_path / "bad.xlsx") is False
    assert "会议活动 第2行 “日期”列" in shown[0]


def test_window_geometry_is_remembered(qtbot, demo_store, paths, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(demo_store, paths, settings)
    qtbot.addWidget(first)
    first.resize(720, 520)  # within the offscreen screen (800 × 600)
    first.close()
    second = MainWindow(demo_store, paths, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 520)


def test_screenshot_and_exit_after_start_from_the_command_line(tmp_path):
    db = tmp_path / "demo.db"
    run = [sys.executable, "-m", "lianzheng_desktop", "--db", str(db)]
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    subprocess.run([*run, "demo"], check=True, capture_output=True, env=env, timeout=120)
    started = subprocess.run([*run, "--exit-after-start"], capture_output=True, env=env,
                             timeout=120)
    assert started.returncode == 0
    shots = subprocess.run([*run, "--today", "2022-09-30", "--screenshot", str(tmp_path / "s")],
                           capture_output=True, env=env, timeout=120)
    assert shots.returncode == 0
    names = sorted(p.name for p in (tmp_path / "s").glob("*.png"))
    assert names == [f"{i:02d}-{n}.png" for i, n in enumerate(PAGE_NAMES, start=1)]
    assert all((tmp_path / "s" / n).stat().st_size > 10_000 for n in names)


def whole(warnings, first: int = 5) -> bool:
    """The first ``first`` reminders lie wholly inside the list's visible area."""
    view = warnings.viewport().rect()
    rows = [warnings.visualItemRect(warnings.item(i)) for i in range(min(first,
                                                                          warnings.count()))]
    return all(row.top() >= 0 and row.bottom() <= view.bottom() for row in rows)


def test_the_warnings_list_shows_each_reminder_whole_at_any_width(window, qtbot):
    """revscreen 6: one warning takes one line (the checklist keeps the rest of the page);
    four are each shown whole, and still whole once a narrower window wraps them."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    warnings = window.home.warnings
    window.home.set_quarter(Quarter(2022, 3), date(2022, 9, 30))
    qtbot.waitUntil(lambda: whole(warnings))
    line = warnings.visualItemRect(warnings.item(0)).height()
    # an overdue item, and the items finished and not yet looked back at (revjiwei10 K9)
    assert warnings.count() == 2 and warnings.height() < 3 * line  # a line each
    window.home.set_quarter(Quarter(2022, 4), date(2022, 12, 31))
    assert warnings.count() == 5
    qtbot.waitUntil(lambda: whole(warnings))
    wide = warnings.height()
    window.resize(760, 768)  # the lines wrap: the list grows with them
    qtbot.waitUntil(lambda: whole(warnings) and warnings.height() > wide)
    window.resize(1366, 768)  # and shrinks back, leaving the room to the checklist
    qtbot.waitUntil(lambda: warnings.height() == wide)


def test_more_than_five_warnings_show_five_whole_and_scroll(qtbot):
    from lianzheng_desktop.qt.checklist_page import WARNINGS_FITTED, WarningsList

    warnings = WarningsList()
    qtbot.addWidget(warnings)
    for n in range(8):
        line = f"临期：整改事项XC2-0{n}“困难职工帮扶档案不完整”还有 {n} 天到期"
        warnings.addItem(line * (1 + n % 2))
    warnings.resize(420, 100)
    warnings.show()
    qtbot.waitExposed(warnings)
    qtbot.waitUntil(lambda: whole(warnings, WARNINGS_FITTED))
    sixth = warnings.visualItemRect(warnings.item(WARNINGS_FITTED))
    assert sixth.top() >= warnings.viewport().height() - 2  # the rest below: scrolled to
    assert warnings.verticalScrollBar().isVisible()


def test_a_record_found_by_search_opens_selected_in_its_ledger(qtbot, demo_store, paths):
    """Issue 15.10: 查找 across every ledger; double-clicking a hit shows it in its ledger."""
    window = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(window)
    search = window.page("查找")
    search.box.setText("零容忍")
    search.refresh()
    assert search.table.rowCount() >= 1
    ledger, record_id = search.hit_at(0).ledger, search.hit_at(0).record_id
    window.open_record(ledger, record_id)
    page = window.ledger(ledger)
    assert window.stack.currentWidget() is page
    assert page.selected_record().id == record_id


def test_the_unit_typed_in_settings_is_kept_without_pressing_save(window, demo_store):
    """The secretary types the unit's name and goes to another page, or closes the window:
    it is saved (and the header follows), not lost."""
    window.show()
    window.show_page("设置")
    settings = window.page("设置")
    settings.unit_name.setText("县总工会 ")
    settings.org_name.setText("县总工会机关第二党支部")
    window.show_page("首页")
    assert demo_store.profile().org_name == "县总工会机关第二党支部"
    assert demo_store.profile().unit_name == "县总工会"  # the stray space dropped
    assert "县总工会机关第二党支部" in window.header.text()
    window.show_page("设置")
    settings.secretary.setText("李秀梅")
    window.close()
    assert demo_store.profile().secretary_name == "李秀梅"


LAPTOP_150 = (911 - 16, 441)  # a 1366 × 768 laptop at 150 %: logical px left for a window


def test_every_page_fits_a_1024_screen_and_a_laptop_at_150_percent(qtbot, demo_store,
                                                                    tmp_path):
    """revscreen 1, 3, 9: the window's minimum, once every page has been opened, with a
    long data file name in the header and forms left half-filled, leaves every button on
    a 1366 × 768 screen at 150 % (911 × 512 logical, about 441 px below the title bar)."""
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import drafts

    paths = AppPaths(tmp_path / "2026年县总工会机关党支部党风廉政建设台账（第二党支部）.db")
    for ledger, values in (
            ("warning_education", {"topic": "观看警示教育片《零容忍》第三集并开展专题讨论"}),
            ("talk", {"summary": "谈心谈话"}),
            ("activity", {"topic": "研究部署第四季度党风廉政建设工作和巡察整改推进"}),
            ("rectification", {"description": "经费报销审批手续不全"})):
        drafts.save(demo_store, ledger, 0, values)
    window = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(window)
    window.show()
    assert window.drafts_bar.isVisible()
    for name in PAGE_NAMES:
        window.show_page(name)
        least = window.minimumSizeHint()
        assert least.width() <= LAPTOP_150[0] and least.height() <= LAPTOP_150[1], name
    # the whole name is in the header's tip; the line itself leaves out its middle
    assert str(paths.db_path) in window.header.toolTip()
    shown = window.header.text().replace("\u2060", "")
    assert paths.db_path.name not in shown and "数据文件：2026年县总工会" in shown


def test_a_first_start_opens_within_the_screen_and_centred(window):
    room = window.screen().availableGeometry()
    assert room.width() < 1280  # the test screen is smaller than the usual first size
    assert window.width() <= room.width() and window.height() <= room.height()
    left = window.x() - room.x()
    right = room.right() - (window.x() + window.width())
    assert abs(left - right) <= 20  # centred, allowing for the frame
