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


def test_a_late_return_among_others_names_who_handed_it_in(db):
    """revjiwei11 X1: "7月6日王海报送…；7月13日（逾期3天）报送…" — the late one, 李红's, had no
    name: the lines were compared with their days cut at "7月13日", not at the day as said."""
    from lianzheng_desktop.core.report_content import draft_sections
    from lianzheng_desktop.core.report_model import SECTION_HEADINGS

    store = _year(db, date(2022, 9, 30))
    for day, who in (("2022-07-06", "王海"), ("2022-07-13", "李红")):
        store.add("activity", {"date": day, "type": "报送纪实表", "topic": "二季度纪实表",
                               "host": who})
    text = draft_sections(load_report_data(store, ReportPeriod(2022, 2)))[SECTION_HEADINGS[0]]
    assert "7月6日王海报送二季度纪实表" in text, text
    assert "7月13日李红报送二季度纪实表（逾期6天）" in text, text


SUMMARY = Requirement(item="11", text="年度工作总结于次年1月15日前报送县纪委",
                      counts=Counts("activity", ("报送工作总结",), "报送工作总结"),
                      period=Period.YEAR, target=1)


def _two_years(db, today: date, next_plan: list) -> Store:
    store = _year(db, today)
    store.add_plan_types([("activity", "报送工作总结")], 2022)
    plans.save_plan(store, Plan(2022, [RETURNS, SUMMARY]))
    store.add_plan_types([("activity", "报送纪实表")], 2023)
    plans.save_plan(store, Plan(2023, next_plan))
    store.add("activity", {"date": "2023-01-05", "type": "报送纪实表", "topic": "四季度纪实表"})
    store.add("activity", {"date": "2023-01-05", "type": "报送工作总结",
                           "topic": "2022年度党风廉政建设工作总结"})
    return store


def test_last_years_summary_is_not_this_years_though_this_years_plan_drops_it(db):
    """revnew7 Y1: the 2026 总结 of 1月5日 was printed in the 2027 Q1 paper too, because
    the 2027 plan no longer asked a 总结 and only this year's returns were looked at."""
    store = _two_years(db, date(2023, 4, 8), [RETURNS])
    q1 = [a.topic for a in load_report_data(store, ReportPeriod(2023, 1)).activities]
    assert "2022年度党风廉政建设工作总结" not in q1 and "四季度纪实表" not in q1, q1
    year = [a.topic for a in load_report_data(store, ReportPeriod(2022)).activities]
    assert "2022年度党风廉政建设工作总结" in year


def test_the_years_summary_in_a_fourth_quarters_annex_is_said_to_be_the_years(db):
    """revnew7 Y4: 附件5 of the Q4 paper said the 年度工作总结 "属于2022年第四季度"."""
    from lianzheng_desktop.core.report_content import appendices

    store = _two_years(db, date(2023, 1, 15), [RETURNS, SUMMARY])
    annexes = appendices(load_report_data(store, ReportPeriod(2022, 4)))
    [note] = [a.note for a in annexes if a.title.endswith("会议活动台账")]
    assert "纪实表属于2022年第四季度" in note and "工作总结属于2022年度" in note, note


def test_a_return_in_a_points_title_is_not_said_with_work_twice():
    """revnew7 Y5: "抓好…和报送工作总结工作"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _oversight_title

    made = [Activity(date=date(2023, 1, 5), type=kind, topic="x")
            for kind in ("报送工作情况", "报送工作总结")]
    assert _oversight_title(made) == "抓好工作情况报送和工作总结报送工作。"


def test_a_visit_with_its_own_verb_is_not_given_kaizhan():
    """revjiwei11 X6: "11月11日开展到西村指导党风廉政建设" in a member's own paper."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    visit = Activity(date=date(2026, 11, 11), type="下沉包保村指导党风廉政建设",
                     topic="到西村指导党风廉政建设", host="李红", attendees=("李红",))
    assert _one_activity(visit, with_summary=False).startswith("11月11日到西村指导")


def test_a_guest_who_came_to_give_a_talk_is_invited_not_kaizhan():
    """revjiwei12 R6: "4月22日开展县纪委派驻组长来校作廉政教育讲座"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    talk = Activity(date=date(2026, 4, 22), type="廉政教育讲座",
                    topic="县纪委派驻组长来校作廉政教育讲座")
    assert _one_activity(talk, with_summary=False).startswith("4月22日邀请县纪委派驻组长来校")
