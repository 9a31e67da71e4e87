"""首页's warnings: the lines in view at the first paint, the rest once it has painted."""

from datetime import date

import pytest

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.qt.checklist_page import WARNINGS_SHOWN, ChecklistPage

pytestmark = pytest.mark.gui
OVERDUE = 15


def _overdue_items(store):
    with store.atomic():
        for n in range(OVERDUE):
            store.add("rectification", {"source": "巡察反馈", "description": f"旧问题{n:02d}",
                                        "owner": "赵明", "found_date": "2022-01-03",
                                        "deadline": f"2022-02-{n + 1:02d}", "status": "整改中"})


def _texts(page):
    return [page.warnings.item(i).text() for i in range(page.warnings.count())]


def test_the_warnings_below_the_first_screenful_follow_the_first_paint(qtbot, demo_store):
    _overdue_items(demo_store)
    page = ChecklistPage(demo_store, date(2022, 9, 30))
    qtbot.addWidget(page)
    total = int(page.warnings_label.text().split("（")[1].split(" 条")[0])
    assert total >= OVERDUE > WARNINGS_SHOWN
    assert page.warnings.count() == WARNINGS_SHOWN  # not painted yet: the lines in view
    assert "旧问题00" in _texts(page)[0]  # the most overdue first
    page.show()
    qtbot.waitUntil(lambda: page.warnings.count() == total)
    assert sum("旧问题" in text for text in _texts(page)) == OVERDUE


def test_a_second_refresh_lists_its_own_warnings_once(qtbot, demo_store):
    _overdue_items(demo_store)
    page = ChecklistPage(demo_store, date(2022, 9, 30))
    qtbot.addWidget(page)
    page.set_quarter(Quarter(2022, 4), date(2022, 12, 31))  # before the first paint
    page.show()
    total = int(page.warnings_label.text().split("（")[1].split(" 条")[0])
    qtbot.waitUntil(lambda: page.warnings.count() == total)
    qtbot.wait(50)
    assert page.warnings.count() == total
    assert len(set(_texts(page))) == total  # none listed twice


def test_the_table_says_of_each_duty_what_its_summary_and_the_report_say(qtbot, demo_store):
    """首页's summary read "尚未开展 5" above rows marked "进行中" for the same duties (the
    report's 附件1 prints 尚未开展 too)."""
    page = ChecklistPage(demo_store, date(2022, 9, 30))
    qtbot.addWidget(page)
    shown = [page.table.item(row, 0).text().strip() for row in range(page.table.rowCount())]
    assert shown.count("尚未开展") == 5
    said = dict(part.split(" ") for part in page.summary.text().split("：")[1].split("，"))
    assert said == {label: str(shown.count(label)) for label in set(shown)}


def test_a_reminder_says_of_a_duty_what_the_table_says(qtbot, demo_store):
    """revdiff: 提醒 read "【进行中】坚持每季度至少进行1次集中警示教育" beside a row marked
    尚未开展 (nothing held yet this quarter)."""
    from datetime import datetime

    demo_store.clock = lambda: datetime(2022, 1, 5, 9)  # nothing held yet this quarter
    page = ChecklistPage(demo_store, date(2022, 1, 5))
    qtbot.addWidget(page)
    rows = {page.table.item(r, 2).text(): page.table.item(r, 0).text().strip()
            for r in range(page.table.rowCount())}
    compared = 0
    for text in _texts(page):
        label = text.split("【")[1].split("】")[0] if "【" in text else ""
        duty = text.split("】")[1].split("：")[0] if "】" in text else ""
        if duty in rows:
            assert label == rows[duty], (text, rows[duty])
            compared += 1
    assert compared and rows["坚持每季度至少进行1次集中警示教育"] == "尚未开展"
