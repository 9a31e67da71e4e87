"""revjiwei6 G3: "针对巡察反馈问题…每月跟踪督办" was counted from January; the annual printed
"1月至4月…未达到每月不少于1次的要求" of a 督办 whose problems came on 4月20日."""

from datetime import date, datetime

from lianzheng_desktop.core.checklist import Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.report_content import build_document
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.reports import load_report_data

PLAN = ("2022年要点\n一、整改\n1.抓好巡察整改。针对巡察反馈问题制定整改工作方案，明确整改时限，"
        "每月跟踪督办。\n")


def _year(store, plan=PLAN):
    store.clock = lambda: datetime(2022, 12, 31, 17)
    plans.import_plan_text(store, plan, 2022)
    for number, day in (("XC-01", "2022-04-20"), ("XC-02", "2022-04-20")):
        store.add("rectification", {"number": number, "source": "巡察反馈", "description":
                                    f"问题{number}", "owner": "刘芳", "found_date": day,
                                    "deadline": "2022-10-31", "status": "整改中"})
    for month in (5, 6, 7, 9, 10, 11, 12):  # August missed
        store.add("activity", {"date": f"2022-{month:02d}-15", "type": "跟踪督办",
                               "topic": "巡察反馈问题整改跟踪督办"})


def test_the_months_before_the_inspection_fed_back_owe_nothing(store):
    store.add("roster", {"name": "刘芳", "role": "党员", "active": True})
    _year(store)
    first = plans.load_checklist(store, Quarter(2022, 1), date(2022, 3, 31))
    (item,) = [i for i in first.items if i.requirement.counts
               and "跟踪督办" in i.requirement.counts.types]
    assert item.status is Status.NOT_DUE, item.explanation
    second = plans.load_checklist(store, Quarter(2022, 2), date(2022, 6, 30))
    (item,) = [i for i in second.items if i.requirement.counts
               and "跟踪督办" in i.requirement.counts.types]
    assert item.status is Status.DONE, item.explanation
    assert "巡察反馈问题于4月20日交办，此前不计" in item.explanation
    problems = build_document(load_report_data(store, ReportPeriod(2022), date(2022, 12, 31))
                              ).section_texts()[SECTION_HEADINGS[2]]
    assert "8月未达到每月不少于1次的要求" in problems, problems
    assert "1月" not in problems and "4月未达到" not in problems, problems


def test_a_monthly_duty_of_no_inspection_is_counted_from_january(store):
    store.clock = lambda: datetime(2022, 12, 31, 17)
    plans.import_plan_text(store, "2022年要点\n一、学习\n1.加强学习。每月开展一次集中学习。\n",
                           2022)
    first = plans.load_checklist(store, Quarter(2022, 1), date(2022, 3, 31))
    assert first.items[0].status is Status.FAILED


def test_a_monthly_duty_beside_a_sentence_on_the_inspection_is_not_excused(store):
    """revlast4 F2: 每月政治学习 under an item that also speaks of 巡察反馈问题 was excused
    from January to the feedback, and its misses dropped out of 三."""
    store.clock = lambda: datetime(2022, 12, 31, 17)
    plans.import_plan_text(store, "2022年要点\n一、学习\n1.加强学习。每月开展一次政治学习。"
                                  "对巡察反馈问题，立行立改。\n", 2022)
    first = plans.load_checklist(store, Quarter(2022, 1), date(2022, 3, 31))
    (item,) = [i for i in first.items if i.requirement.period is not None
               and i.requirement.period.value == "month"]
    assert item.status is Status.FAILED, item.explanation


def test_the_quarters_next_steps_do_not_blame_the_month_of_the_feedback(store):
    """revlast4 F3: the Q2 paper written in May said "（4月未达到要求，须切实改进）" beside its
    附件1's "巡察反馈问题于4月20日交办，此前不计"."""
    store.add("roster", {"name": "刘芳", "role": "党员", "active": True})
    _year(store)
    texts = build_document(load_report_data(store, ReportPeriod(2022, 2), date(2022, 5, 10))
                           ).section_texts()
    nxt = texts[SECTION_HEADINGS[3]]
    assert "每月跟踪督办" in nxt and "4月未达到要求" not in nxt, nxt


def test_next_steps_before_any_inspection_ask_for_no_dated_duty(store):
    """revlast4 F7: the Q1 paper written on 4月5日, before any 巡察 problem had come, asked
    for "2022年4月30日前至少开展跟踪督办1次"."""
    store.clock = lambda: datetime(2022, 4, 5, 17)
    plans.import_plan_text(store, PLAN, 2022)
    nxt = build_document(load_report_data(store, ReportPeriod(2022, 1), date(2022, 3, 31))
                         ).section_texts()[SECTION_HEADINGS[3]]
    assert "巡察反馈问题交办后，每月至少开展跟踪督办1次" in nxt, nxt
    assert "4月30日前至少开展跟踪督办" not in nxt, nxt


def test_a_follow_up_sentence_after_the_inspections_own_is_about_it(store):
    """revlast5 3: "…明确整改时限。每月跟踪督办…" as a sentence of its own after the 巡察's was
    owed from January again."""
    store.add("roster", {"name": "刘芳", "role": "党员", "active": True})
    _year(store, PLAN.replace("明确整改时限，每月跟踪督办。", "明确整改时限。每月跟踪督办。"))
    first = plans.load_checklist(store, Quarter(2022, 1), date(2022, 3, 31))
    (item,) = [i for i in first.items if i.requirement.counts
               and "跟踪督办" in i.requirement.counts.types]
    assert item.status is Status.NOT_DUE, item.explanation
