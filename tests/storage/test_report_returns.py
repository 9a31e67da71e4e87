"""A return on a quarter handed in after it (季末次月7日前交) in the printed papers
(revcode2 J): the papers stopped at the quarter's end, so no return was ever late and the
one handed in on 1月5日 was still owed in a paper made on 1月10日."""

from __future__ import annotations

from datetime import date, datetime

from lianzheng_desktop.core.checklist import Status
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.reports import load_report_data
from lianzheng_desktop.storage.store import Store

RETURNS = Requirement(item="10", text="按季度填写纪实表，并于每季季末次月7日前交纪检委员",
                      counts=Counts("activity", ("报送纪实表",), "报送纪实表"),
                      period=Period.QUARTER, target=1)


def _year(db, today: date) -> Store:
    store = Store(db, clock=lambda: datetime(today.year, today.month, today.day, 9))
    store.add_plan_types([("activity", "报送纪实表")], 2022)
    plans.save_plan(store, Plan(2022, [RETURNS]))
    return store


def _item(store, period):
    [item] = [i for i in load_report_data(store, period).checklist.items
              if i.requirement.text == RETURNS.text]
    return item


def test_a_paper_on_the_fourth_quarter_made_in_january_counts_the_return_of_january(db):
    store = _year(db, date(2023, 1, 10))
    store.add("activity", {"date": "2023-01-05", "type": "报送纪实表", "topic": "四季度纪实表"})
    item = _item(store, ReportPeriod(2022, 4))
    assert item.status is Status.DONE, item.explanation


def test_the_years_paper_names_the_quarters_whose_return_never_came(db):
    store = _year(db, date(2023, 1, 10))
    store.add("activity", {"date": "2022-07-06", "type": "报送纪实表", "topic": "二季度纪实表"})
    item = _item(store, ReportPeriod(2022))
    assert item.status is Status.FAILED, item.explanation
    assert item.explanation == ("报送纪实表第一季度0次、第二季度1次、第三季度0次、第四季度0次，"
                                "第一季度、第三季度、第四季度未达到要求。")
