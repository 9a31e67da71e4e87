"""A return handed in after its deadline, and the deadline day itself (revlast7 F8).

A form of the third quarter due 10月7日 and handed in on 10月20日 was counted for no period:
the third quarter said "报送纪实表0次，未达到…" beside the form in the ledger, and 首页 kept a
red 逾期 reminder for a form already handed in. On 10月7日 itself the form, which can still
be handed in that day, was 未完成 and 逾期.
"""

from __future__ import annotations

from datetime import date, datetime

from lianzheng_desktop.core.checklist import Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.store import Store
from tests.storage.test_report_returns import RETURNS, _item, _year


def _check(store: Store, quarter: Quarter, as_of: date):
    [item] = [i for i in plans.load_checklist(store, quarter, as_of).items
              if i.requirement.text == RETURNS.text]
    return item


def _form(store: Store, day: str) -> int:
    return store.add("activity", {"date": day, "type": "报送纪实表", "topic": "纪实表"}).id


def test_a_form_handed_in_after_its_deadline_is_said_and_shown_among_its_records(db):
    store = _year(db, date(2022, 10, 20))
    late = _form(store, "2022-10-20")
    item = _check(store, Quarter(2022, 3), date(2022, 10, 20))
    assert item.status is Status.FAILED  # not by 10月7日, as the plan asks
    assert item.explanation == ("9月1日至10月7日报送纪实表0次，未达到不少于1次的要求；"
                                "10月7日后逾期报送1次。")
    assert item.late == 1
    assert [ref.id for ref in item.records] == [late]


def test_the_late_form_is_no_red_reminder_any_more_while_a_missing_one_is(db):
    store = _year(db, date(2022, 10, 20))
    missing = [w for w in plans.load_warnings(store, date(2022, 10, 20))
               if RETURNS.text in w.text]
    assert [w.level.label for w in missing] == ["逾期"]
    _form(store, "2022-10-20")
    assert not [w for w in plans.load_warnings(store, date(2022, 10, 20))
                if RETURNS.text in w.text]


def test_a_form_handed_in_once_the_next_quarters_form_is_due_is_that_quarters(db):
    store = _year(db, date(2022, 12, 5))
    _form(store, "2022-12-05")
    third = _check(store, Quarter(2022, 3), date(2022, 12, 5))
    assert third.late == 0 and "逾期" not in third.explanation
    assert _check(store, Quarter(2022, 4), date(2022, 12, 5)).status is Status.DONE


def test_a_paper_made_after_the_deadline_names_the_form_handed_in_late(db):
    store = _year(db, date(2023, 1, 20))
    _form(store, "2023-01-12")
    item = _item(store, ReportPeriod(2022, 4))
    assert item.status is Status.FAILED
    assert item.explanation.endswith("1月7日后逾期报送1次。"), item.explanation


def test_on_the_deadline_day_the_form_is_still_due_not_missed(db):
    store = _year(db, date(2022, 10, 7))
    item = _check(store, Quarter(2022, 4), date(2022, 10, 7))  # 首页 on 10月7日
    assert item.status is Status.ON_TRACK, item.explanation
    assert item.explanation.endswith("要求不少于1次，今天是报送期限。"), item.explanation
    [reminder] = [w for w in plans.load_warnings(store, date(2022, 10, 7))
                  if RETURNS.text in w.text]
    assert reminder.level.label == "临期"
    store = Store(store.db, clock=lambda: datetime(2022, 10, 8, 9))
    assert _check(store, Quarter(2022, 4), date(2022, 10, 8)).status is Status.FAILED


def test_the_years_paper_names_the_quarter_whose_form_came_late(db):
    store = _year(db, date(2023, 1, 20))
    _form(store, "2022-10-20")
    item = _item(store, ReportPeriod(2022))
    assert item.explanation == ("报送纪实表第一季度0次、第二季度0次、第三季度0次、第四季度0次，"
                                "均未达到要求（第三季度10月7日后逾期报送1次）。")
