"""revnew6 U1: "每季度结束后5个工作日内报送" was taken as 7 days: the third quarter's form
handed in on 10月12日 (after 国庆, on time) printed "逾期5天" and the quarter 未完成."""

from datetime import date

from lianzheng_desktop.core import workdays
from lianzheng_desktop.core.checklist import Status, build_checklist
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement
from lianzheng_desktop.core.records import Activity
from lianzheng_desktop.core.returns import placed

FORMS = Counts("activity", ("报送工作情况",), "报送工作情况")
RETURN = Requirement(item="9", text="每季度结束后5个工作日内向县纪委报送党风廉政建设工作情况",
                     counts=FORMS, period=Period.QUARTER, target=1)


def test_working_days_follow_the_official_calendar():
    # 2026: 国庆 10月1日–7日, 10月10日 (a Saturday) worked in its place
    assert workdays.after(date(2026, 9, 30), 5) == date(2026, 10, 13)
    assert workdays.after(date(2026, 3, 31), 5) == date(2026, 4, 8)  # 清明 4月4日–6日
    # a year the calendar does not know yet: weekdays, less 元旦, 清明 (revdiff10 E4) …
    assert workdays.after(date(2026, 12, 31), 5) == date(2027, 1, 8)
    # 清明 2027 is 4月5日, a Monday; 4月4日至6日 are taken off, so the day is 4月9日, a day
    # late rather than early: an on-time form is never called late (4月8日 was, before)
    assert workdays.after(date(2027, 3, 31), 5) == date(2027, 4, 9)
    assert workdays.after(date(2027, 9, 30), 5) == date(2027, 10, 14)


def _checked(day: str, as_of: str):
    form = Activity(id=1, date=date.fromisoformat(day), type="报送工作情况", topic="第三季度")
    [item] = build_checklist(Plan(2026, [RETURN]), {"activity": [form]}, [],
                             Quarter(2026, 3), date.fromisoformat(as_of)).items
    return item


def test_a_return_after_a_holiday_is_on_time():
    item = _checked("2026-10-12", "2026-10-20")
    assert item.status is Status.DONE, item.explanation
    assert "9月1日至10月13日" in item.explanation
    assert placed("报送工作情况", date(2026, 10, 12), [RETURN]).due == date(2026, 10, 13)
    late = _checked("2026-10-14", "2026-10-20")
    assert late.status is Status.FAILED and "10月13日后逾期报送1次" in late.explanation
