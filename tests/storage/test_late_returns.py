"""A return handed in after its deadline, and the deadline day itself (revlast7 F8).

A form of the third quarter due 10月7日 and handed in on 10月20日 was counted for no period:
the third quarter said "报送纪实表0次，未达到…" beside the form in the ledger, and 首页 kept a
red 逾期 reminder for a form already handed in. On 10月7日 itself the form, which can still
be handed in that day, was 未完成 and 逾期.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from lianzheng_desktop.core.checklist import Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement, Role
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
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
    item = _check(store, Quarter(2022, 3), date(2022, 10, 7))  # the paper made that day
    assert item.status is Status.ON_TRACK, item.explanation
    assert item.explanation.endswith("要求不少于1次，10月7日为报送期限，当日仍可报送。"), \
        item.explanation
    [reminder] = _reminders(store, date(2022, 10, 7))  # 首页, showing the fourth quarter
    assert reminder.level.label == "临期"
    assert reminder.text.startswith("【尚未开展】2022年第三季度“按季度填写纪实表"), reminder.text
    store = Store(store.db, clock=lambda: datetime(2022, 10, 8, 9))
    assert _check(store, Quarter(2022, 3), date(2022, 10, 8)).status is Status.FAILED
    assert [w.level.label for w in _reminders(store, date(2022, 10, 8))] == ["逾期"]


def _reminders(store: Store, day: date):
    return [w for w in plans.load_warnings(store, day) if RETURNS.text in w.text]


def test_the_last_quarters_form_is_said_until_the_next_one_falls_due(db):
    """revjiwei8 D, N: the third quarter's form is a reminder of its own, not a row of the
    fourth quarter's list; from 12月1日 the fourth quarter's is said, due 次年1月7日."""
    store = _year(db, date(2022, 11, 30))
    assert [w.level.label for w in _reminders(store, date(2022, 11, 30))] == ["逾期"]
    store = Store(store.db, clock=lambda: datetime(2022, 12, 1, 9))
    [december] = _reminders(store, date(2022, 12, 1))
    assert december.level.label == "提示" and "距2023年1月7日报送期限还有37天" in december.text


def test_in_july_the_half_years_return_is_said(db):
    """revlast7 F2: from 7月1日 to 15日 a half-year's return due then read 未开始."""
    half = Requirement(item="11", text="半年结束后15日内报送履责情况报告",
                       counts=Counts("activity", ("报送履责情况报告",), "报送履责情况报告"),
                       period=Period.HALF, target=1)
    store = _plan_of(db, datetime(2022, 7, 5, 9), half)
    [reminder] = [w for w in plans.load_warnings(store, date(2022, 7, 5)) if half.text in w.text]
    assert reminder.level.label == "提示"
    assert reminder.text.startswith("【尚未开展】2022年上半年“半年结束后15日内"), reminder.text


def test_in_january_last_years_returns_are_said_before_this_years_plan_is_in(db):
    """revjiwei8 H, I: in January 首页 said only "尚无2027年度计划" and nothing of the form
    due 1月7日; with the new plan in, its first quarter counted last year's missing form."""
    store = _year(db, date(2023, 1, 5))
    [reminder] = _reminders(store, date(2023, 1, 5))
    assert reminder.level.label == "临期" and "2022年第四季度" in reminder.text
    plans.save_plan(store, Plan(2023, [RETURNS]))
    assert _check(store, Quarter(2023, 1), date(2023, 1, 10)).status is Status.NOT_DUE
    store = Store(store.db, clock=lambda: datetime(2023, 1, 10, 9))
    assert [w.level.label for w in _reminders(store, date(2023, 1, 10))] == ["逾期"]


def test_the_years_paper_names_the_quarter_whose_form_came_late(db):
    store = _year(db, date(2023, 1, 20))
    _form(store, "2022-10-20")
    item = _item(store, ReportPeriod(2022))
    assert item.explanation == ("报送纪实表第一季度0次、第二季度0次、第三季度0次、第四季度0次，"
                                "均未达到要求（第三季度10月7日后逾期报送1次）。")


def test_the_years_summary_not_yet_sent_is_said_so_in_the_next_steps(db):
    """revjiwei8 G: "每年1次向县纪委报送…工作总结，目前尚未开展，还需1次"."""
    from lianzheng_desktop.app.reports import prepare_report

    summary = Requirement(item="8", text="每年1次向县纪委报送党风廉政建设年度工作总结",
                          counts=Counts("activity", ("报送工作总结",), "报送工作总结"),
                          period=Period.YEAR, target=1)
    assert summary.handed_in_after == 0  # no deadline in its words: none is made up
    summary = replace(summary, text=summary.text + "，于次年1月15日前报送")
    store = Store(db, clock=lambda: datetime(2023, 1, 10, 9))
    store.add_plan_types([("activity", "报送工作总结")], 2022)
    plans.save_plan(store, Plan(2022, [summary]))
    paper = prepare_report(store, ReportPeriod(2022), date(2023, 1, 10))
    steps = paper.document.section_texts()["四、下一步工作打算"]
    assert "2022年度的须于2023年1月15日前报送" in steps, steps  # one paper: whose, by when


def test_the_third_quarter_shown_in_november_says_its_form_once_and_as_of_its_own_day(db):
    """revdiff8 11, 12: 首页 set to 第三季度 on 11月30日 gave the missing form two red lines
    (the quarter's own and the last quarter's reminder); 截至10月5日 judged it as of today."""
    store = _year(db, date(2022, 11, 30))
    [only] = [w for w in plans.load_warnings(store, date(2022, 11, 30), Quarter(2022, 3))
              if RETURNS.text in w.text]
    assert only.level.label == "逾期"
    early = _check(store, Quarter(2022, 3), date(2022, 10, 5))  # 截至 before the deadline
    assert early.status is Status.ON_TRACK, early.explanation


def test_the_years_summary_sent_in_november_is_the_years(db):
    """revyear4 Y5: a 总结 sent on 11月27日, before its window (12月1日) opened, counted for no
    year: 首页 called it owed, then overdue, and the year's paper said 0 beside it."""
    store = _summary_sent_in_november(db, datetime(2022, 12, 31, 9))
    [item] = plans.load_checklist(store, Quarter(2022, 4), date(2022, 12, 31)).items
    assert item.status is Status.DONE, item.explanation


def test_a_paper_made_in_november_asks_the_form_still_to_hand_in(db):
    """revdiff8 9: the year's (and the fourth quarter's) paper made before 12月1日 said
    nothing in 下一步 of the form due 1月7日."""
    from lianzheng_desktop.app.reports import prepare_report

    store = _year(db, date(2022, 11, 30))
    for form in ("2022-04-06", "2022-07-05", "2022-10-05"):
        _form(store, form)
    for period in (ReportPeriod(2022), ReportPeriod(2022, 4)):
        paper = prepare_report(store, period, date(2022, 11, 30))
        steps = paper.document.section_texts()["四、下一步工作打算"]
        # by its deadline, as the plan says it, not the days it is counted over (revjiwei9
        # J7: "2022年12月1日至2023年1月7日报送…" read as work to do from 12月1日)
        assert "第四季度的须于2023年1月7日前报送。" in steps, steps
        assert "12月1日至" not in steps


def test_each_ones_form_handed_in_late_is_said_and_reminded_no_more(db):
    """revdiff8 8: 班子成员每季度填写一岗双责纪实表，于季末次月7日前交: 李秀梅's form of
    10月21日 was no "逾期报送", and the red reminder stayed till 11月30日."""
    each = Requirement(item="9", text="班子成员每季度填写一岗双责纪实表，于季末次月7日前交纪检委员",
                       counts=Counts("activity", ("报送纪实表",), "报送纪实表"),
                       period=Period.QUARTER, target=1, role=Role.LEADERSHIP_MEMBER)
    store = Store(db, clock=lambda: datetime(2022, 11, 30, 9))
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("roster", {"name": "李秀梅", "role": "班子成员"})
    store.add_plan_types([("activity", "报送纪实表")], 2022)
    plans.save_plan(store, Plan(2022, [each]))
    store.add("activity", {"date": "2022-10-21", "type": "报送纪实表", "topic": "三季度纪实表",
                           "host": "李秀梅"})
    [item] = plans.load_checklist(store, Quarter(2022, 3), date(2022, 11, 30)).items
    assert item.status is Status.FAILED
    assert item.explanation.endswith("李秀梅10月7日后逾期报送。"), item.explanation
    assert not [w for w in plans.load_warnings(store, date(2022, 11, 30)) if each.text in w.text]


def test_an_earlier_quarters_paper_made_late_keeps_the_years_return_as_it_stood(db):
    """revlast8 F10, F11: the third quarter's paper made on 11月30日 said the year's 总结,
    sent on 11月27日, was 已完成 (a paper 截至9月30日); and a second quarter's 下一步 asked
    the year's 总结 due next January."""
    from lianzheng_desktop.app.reports import prepare_report

    store = _summary_sent_in_november(db, datetime(2022, 11, 30, 9))
    [item] = plans.load_checklist(store, Quarter(2022, 3), date(2022, 9, 30)).items
    assert item.status is not Status.DONE, item.explanation
    store = Store(store.db, clock=lambda: datetime(2022, 6, 30, 9))
    steps = prepare_report(store, ReportPeriod(2022, 2)).document.section_texts()[
        "四、下一步工作打算"]
    assert "工作总结" not in steps, steps


def test_the_years_paper_keeps_each_ones_late_form(db):
    """revlast8 F4: 李秀梅's late form was said in the quarter, gone from the year's paper."""
    from lianzheng_desktop.app.reports import prepare_report

    each = Requirement(item="9", text="班子成员每季度填写一岗双责纪实表，于季末次月7日前交纪检委员",
                       counts=Counts("activity", ("报送纪实表",), "报送纪实表"),
                       period=Period.QUARTER, target=1, role=Role.LEADERSHIP_MEMBER)
    store = Store(db, clock=lambda: datetime(2022, 11, 30, 9))
    for name in ("李秀梅", "张志强"):
        store.add("roster", {"name": name, "role": "班子成员"})
    store.add_plan_types([("activity", "报送纪实表")], 2022)
    plans.save_plan(store, Plan(2022, [each]))
    for day, who in (("2022-04-06", "李秀梅"), ("2022-07-05", "李秀梅"), ("2022-10-21", "李秀梅"),
                     ("2022-04-06", "张志强"), ("2022-07-05", "张志强"), ("2022-10-05", "张志强")):
        store.add("activity", {"date": day, "type": "报送纪实表", "topic": "纪实表",
                               "host": who})
    paper = prepare_report(store, ReportPeriod(2022), date(2022, 11, 30))
    [row] = [r for r in paper.document.appendices[0].rows if r[1] == each.text]
    assert "第三季度李秀梅未达到要求（已逾期报送）" in row[3], row  # of one, no 均 (G5)
    # and her own paper says so too (revlast9 G7)
    own = prepare_report(store, ReportPeriod(2022), date(2022, 11, 30), "李秀梅")
    [row] = [r for r in own.document.appendices[0].rows if r[1] == each.text]
    assert "第二季度1次、第三季度逾期报送" in row[3], row


def _summary_sent_in_november(db, now: datetime) -> Store:
    """A plan with the year's 总结 due 次年1月15日前, one sent on 11月27日."""
    summary = Requirement(item="8", text="每年1次向县纪委报送工作总结，于次年1月15日前报送",
                          counts=Counts("activity", ("报送工作总结",), "报送工作总结"),
                          period=Period.YEAR, target=1)
    store = _plan_of(db, now, summary)
    store.add("activity", {"date": "2022-11-27", "type": "报送工作总结", "topic": "年度总结"})
    return store


def _plan_of(db, now: datetime, *requirements: Requirement) -> Store:
    """A store at ``now`` whose 2022 plan is ``requirements`` (their types the plan's own)."""
    store = Store(db, clock=lambda: now)
    store.add_plan_types([("activity", t) for r in requirements if r.counts
                          for t in r.counts.types], 2022)
    plans.save_plan(store, Plan(2022, list(requirements)))
    return store


def test_a_deadline_in_march_of_a_leap_year_is_the_day_the_plan_names():
    """revlast9 G3: for the 2027 plan, 次年3月10日前 was 3月9日 and 次年2月底 2月28日 (2028
    has a 2月29日): overdue a day early."""
    from lianzheng_desktop.core.checklist_window import window_for

    def due(line, year):
        [paper] = parse_plan(f"{year}年要点\\n1.总结。{line}", year).requirements
        return window_for(paper.period, Quarter(year, 4), date(year, 12, 31),
                          paper.handed_in_after).end

    assert due("年度工作总结于次年3月10日前报送县纪委。", 2027) == date(2028, 3, 10)
    assert due("年度述责述廉报告于次年2月底前报送县纪委。", 2027) == date(2028, 2, 29)
    assert due("年度述责述廉报告于次年2月底前报送县纪委。", 2026) == date(2027, 2, 28)
    # 2月28日 named is 2月28日, in a leap year too (revlast10 4)
    assert due("年度述责述廉报告于次年2月28日前报送县纪委。", 2027) == date(2028, 2, 28)


def test_the_third_quarters_paper_asks_the_half_years_return(db):
    """revlast9 G9: the 下半年 report due 1月10日 was no longer asked in the third quarter's
    下一步 (its half ends with the fourth)."""
    from lianzheng_desktop.app.reports import prepare_report

    half = Requirement(item="11", text="半年工作总结于每半年结束后10日内报送县纪委",
                       counts=Counts("activity", ("报送半年工作总结",), "报送半年工作总结"),
                       period=Period.HALF, target=1)
    store = _plan_of(db, datetime(2022, 9, 30, 9), half)
    steps = prepare_report(store, ReportPeriod(2022, 3)).document.section_texts()[
        "四、下一步工作打算"]
    assert "下半年的须于2023年1月10日前报送" in steps, steps  # by its deadline (J7)
    # a return named only by whom it goes to: its verb said once (revlast10 5)
    half = replace(half, counts=Counts("activity", ("向县纪委报送",), "向县纪委报送"))
    store = _plan_of(store.db, datetime(2022, 9, 30, 9), half)
    steps = prepare_report(store, ReportPeriod(2022, 3)).document.section_texts()[
        "四、下一步工作打算"]
    assert "下半年的须于2023年1月10日前报送" in steps and "报送向" not in steps, steps


def _paper(store: Store, period: ReportPeriod):
    from lianzheng_desktop.app.reports import prepare_report

    document = prepare_report(store, period).document
    [ledger] = [a for a in document.appendices if "会议活动台账" in a.title]
    for row in ledger.rows:  # entered on the paper's day: (补录) is not what is looked at
        row[0] = row[0].removesuffix("（补录）")
    return document.section_texts()[SECTION_HEADINGS[0]], ledger


def test_a_return_is_listed_in_the_paper_of_the_period_it_reports_on(db):
    """revjiwei9 J1, J2: section 一 and 附件 会议活动台账 placed a return by the day it was
    handed in: the year's paper listed last year's fourth-quarter form (1月6日) as this
    year's work and left out this year's (handed in 2027年1月5日) that its 附件1 counted; the
    fourth quarter's paper told the third's form, handed in late on 10月20日, as its own."""
    store = _year(db, date(2023, 1, 10))
    store.add_plan_types([("activity", "专题会议")], 2022)
    plans.save_plan(store, Plan(2021, [RETURNS]))  # last year's form is its paper's
    for day, topic in (("2022-01-06", "报送2021年第四季度纪实表"),
                       ("2022-04-06", "报送2022年第一季度纪实表"),
                       ("2022-10-20", "报送2022年第三季度纪实表"),
                       ("2023-01-05", "报送2022年第四季度纪实表")):
        store.add("activity", {"date": day, "type": "报送纪实表", "topic": topic})
    store.add("activity", {"date": "2022-11-08", "type": "专题会议", "topic": "研究整改工作"})
    year, ledger = _paper(store, ReportPeriod(2022))
    dates = [row[0] for row in ledger.rows]
    assert "1月6日" not in dates and "2021年第四季度" not in year
    assert dates[-1] == "2023年1月5日" and "2023年1月5日报送2022年第四季度纪实表" in year
    assert "10月20日（逾期13天）" in dates and "10月20日（逾期13天）报送2022年第三季度" in year
    assert ledger.note.endswith("2023年1月5日报送的材料属于2022年度，在期末之后报送，列入本表。")
    fourth, ledger = _paper(store, ReportPeriod(2022, 4))
    assert "第三季度纪实表" not in fourth and "10月20日" not in [r[0] for r in ledger.rows]
    assert [r[0] for r in ledger.rows] == ["11月8日", "2023年1月5日"]
    first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [r[0] for r in ledger.rows] == ["4月6日"] and "2021年" not in first
    # a paper with a 截至 of her choosing within the period lists its own days only
    store = Store(store.db, clock=lambda: datetime(2022, 11, 30, 9))
    fourth, ledger = _paper(store, ReportPeriod(2022, 4))
    assert [r[0] for r in ledger.rows] == ["11月8日"] and "纪实表" not in fourth


def test_a_type_two_returns_count_is_placed_by_the_one_it_is_on_time_for(db):
    """revdiff9 D1: "每季度结束后7日内报送…工作总结。年度…工作总结于次年1月15日前报送县纪委"
    give both returns one type; the last read took every record: the quarters' forms fell
    out of every paper (or, the other way round, the year's 总结 of 1月12日 was "逾期5天"
    and the year's span ran "4月5日至1月12日")."""
    read = parse_plan("2022年要点\n一、责任\n1.报送。每季度结束后7日内报送党风廉政建设工作总结。"
                      "年度党风廉政建设工作总结于次年1月15日前报送县纪委。\n", 2022)
    assert [r.counts.types for r in read.requirements] == [("报送工作总结",)] * 2
    for order in (read.requirements, read.requirements[::-1]):
        store = Store(db, clock=lambda: datetime(2023, 1, 20, 9))
        store.add_plan_types(read.new_types, 2022)
        plans.save_plan(store, Plan(2022, list(order)))
        if not store.list("activity"):
            for day in ("2022-04-05", "2022-07-05", "2022-10-05", "2023-01-05", "2023-01-12"):
                store.add("activity", {"date": day, "type": "报送工作总结", "topic": "总结"})
        year, ledger = _paper(store, ReportPeriod(2022))
        assert [row[0] for row in ledger.rows] == [
            "4月5日", "7月5日", "10月5日", "2023年1月5日", "2023年1月12日"], order
        assert "逾期" not in year and "4月5日至1月12日" not in year, year
        _second, ledger = _paper(store, ReportPeriod(2022, 2))  # its own, of 7月5日
        assert [row[0] for row in ledger.rows] == ["7月5日"]


def test_a_record_late_for_both_returns_of_its_type_is_the_one_it_is_least_late_for(db):
    """revlast12 R1: a third quarter's form handed in on 10月20日, late for both the
    quarter's return (10月7日) and last year's 总结 (1月15日), was given to the 总结 — most
    late of all — and so to no paper of the year."""
    read = parse_plan("2022年要点\n一、责任\n1.报送。年度党风廉政建设工作总结于次年1月15日前报送"
                      "县纪委。每季度结束后7日内报送党风廉政建设工作总结。\n", 2022)
    store = Store(db, clock=lambda: datetime(2023, 1, 20, 9))
    store.add_plan_types(read.new_types, 2022)
    plans.save_plan(store, Plan(2022, read.requirements))
    store.add("activity", {"date": "2022-10-20", "type": "报送工作总结", "topic": "三季度总结"})
    year, ledger = _paper(store, ReportPeriod(2022))
    assert [row[0] for row in ledger.rows] == ["10月20日（逾期13天）"]
    assert "10月20日（逾期13天）" in year


def test_a_meeting_a_return_counts_stays_in_the_days_it_was_held(db):
    """revlast13 S1: "次年1月10日前报送述责述廉材料" counts the ledger's 履责报告; every 述责
    meeting of the year was then taken for last year's late paper: a member's report of
    7月15日 was in no paper, and her own said she had done nothing all year."""
    read = parse_plan("2022年要点\n一、责任\n1.述责。次年1月10日前报送述责述廉材料。\n", 2022)
    [paper] = read.requirements
    assert paper.handed_in_after == 10 and paper.counts.types == ("履责报告",)
    store = Store(db, clock=lambda: datetime(2022, 10, 10, 9))
    plans.save_plan(store, Plan(2022, read.requirements))
    store.add("activity", {"date": "2022-07-15", "type": "履责报告",
                           "topic": "班子成员向党支部报告履行一岗双责情况"})
    third, ledger = _paper(store, ReportPeriod(2022, 3))
    assert [row[0] for row in ledger.rows] == ["7月15日"] and "逾期" not in third


def test_last_years_return_stays_in_this_years_paper_where_last_year_has_no_plan(db):
    """revlast13 S2: in the first year of use (no plan of last year), last year's 总结 of
    1月12日 was taken out of the first quarter's paper, and no paper of last year can be
    made: it was listed nowhere."""
    store = _year(db, date(2022, 4, 10))
    for day in ("2022-01-06", "2022-04-06"):
        _form(store, day)
    _first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [row[0] for row in ledger.rows] == ["1月6日", "4月6日"]
    store.add_plan_types([("activity", "报送纪实表")], 2021)
    plans.save_plan(store, Plan(2021, [RETURNS]))  # last year's plan there: its own
    _first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [row[0] for row in ledger.rows] == ["4月6日"]


def test_a_members_report_a_quarter_after_is_that_quarters(db):
    """revlast14 T1: "班子成员每季度结束后10日内向党支部报告履行一岗双责情况" counts the ledger's
    own 履责报告; taking every such kind out of the returns' placing put her report of 4月6日
    in no first-quarter paper and into the second's, beside "本人未报告履责情况"."""
    read = parse_plan("2022年要点\n一、责任\n1.述责。班子成员每季度结束后10日内向党支部报告履行一岗"
                      "双责情况。\n", 2022)
    [each] = read.requirements
    assert each.period is Period.QUARTER and each.counts.types == ("履责报告",)
    store = Store(db, clock=lambda: datetime(2022, 4, 12, 9))
    plans.save_plan(store, Plan(2022, read.requirements))
    store.add("activity", {"date": "2022-04-06", "type": "履责报告",
                           "topic": "班子成员向党支部报告一季度履行一岗双责情况"})
    _first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [row[0] for row in ledger.rows] == ["4月6日"]
    # one made after that deadline is held in its own days, not "逾期" of the quarter
    # before (revlast15 V1: a report of 5月20日 was the first quarter's, "逾期40天")
    store = Store(db, clock=lambda: datetime(2022, 7, 12, 9))
    store.add("activity", {"date": "2022-05-20", "type": "履责报告",
                           "topic": "班子成员向党支部报告履行一岗双责情况"})
    second, ledger = _paper(store, ReportPeriod(2022, 2))
    assert [row[0] for row in ledger.rows] == ["5月20日"]
    assert "4月6日" not in second and "逾期" not in second
    _first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [row[0] for row in ledger.rows] == ["4月6日"]


def test_last_years_return_stays_where_last_years_plan_asks_none(db):
    """revlast14 T2: last year's plan asked no form; this year's placed last year's form of
    1月6日 into last year, whose paper lists no such return: it was listed nowhere."""
    store = _year(db, date(2022, 4, 10))
    store.add_plan_types([("activity", "专题会议")], 2021)
    plans.save_plan(store, Plan(2021, [Requirement(
        item="1", text="全年召开不少于4次专题会议", period=Period.YEAR, target=4,
        counts=Counts("activity", ("专题会议",), "专题会议"))]))
    for day in ("2022-01-06", "2022-04-06"):
        _form(store, day)
    _first, ledger = _paper(store, ReportPeriod(2022, 1))
    assert [row[0] for row in ledger.rows] == ["1月6日", "4月6日"]



def test_a_years_forms_are_each_named_however_many(db):
    """Five forms in a year's paper were summed as "本年度开展报送纪实表5次（…）": 开展 of a
    form, and no word of whose period each was or which came late."""
    store = _year(db, date(2023, 1, 20))
    for day in ("2022-04-06", "2022-07-05", "2022-10-05", "2022-10-20", "2023-01-05"):
        store.add("activity", {"date": day, "type": "报送纪实表", "topic": f"{day}的纪实表"})
    year, _ledger = _paper(store, ReportPeriod(2022))
    assert "开展报送" not in year and "5次" not in year, year
    for said in ("4月6日报送", "7月5日报送", "10月5日报送", "10月20日", "2023年1月5日报送"):
        assert said in year, said
