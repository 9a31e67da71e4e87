"""A year's review meeting held early in the next year counts for the year it names, not
for its date's (revjiwei6 G5, revjiwei7 F5): "2021年度支委班子民主生活会" of 20 January 2022
ticked 2022's "每年召开一次民主生活会" while 2022's was still to come."""

from __future__ import annotations

from datetime import date

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.record_source import ListSource
from lianzheng_desktop.core.record_year import named_year
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.plans import load_checklist

PLAN = "2022年机关党支部工作要点\n一、组织生活\n1.民主生活会。每年召开一次民主生活会。\n"


def _meeting(store, day, topic):
    return store.add("activity", {"date": day, "type": "民主生活会", "topic": topic})


def _item(store, as_of):
    checklist = load_checklist(store, Quarter(2022, 4), as_of)
    return next(i for i in checklist.items if "民主生活会" in i.requirement.text)


def test_last_years_meeting_held_in_january_does_not_meet_this_years_duty(store):
    plans.import_plan_text(store, PLAN, 2022)
    january = _meeting(store, "2022-01-20", "2021年度支委班子民主生活会")
    item = _item(store, date(2022, 12, 31))
    assert item.actual == 0 and item.label != "已完成", item
    # said where she would look for it: the meeting is in the ledger, dated this year
    assert "1月20日的“2021年度支委班子民主生活会”是2021年度的，未计入" in item.explanation
    # the same in memory (ListSource): the two sources answer alike
    source = ListSource({"activity": store.list("activity")})
    assert source.count(item.requirement.counts, date(2022, 1, 1), date(2022, 12, 31)) == 0
    _meeting(store, "2022-12-28", "2022年度支委班子民主生活会")
    assert _item(store, date(2022, 12, 31)).actual == 1
    # pointed at the duty by hand (计入要求), the January one counts there all the same
    store.set_links("activity", january.id, [_item(store, date(2022, 12, 31)).requirement.id])
    assert _item(store, date(2022, 12, 31)).actual == 2


def test_only_a_review_named_for_an_earlier_year_is_held_back(store):
    assert named_year("2021年度支委班子民主生活会") == 2021
    assert named_year("召开2021年度组织生活会和民主评议党员") == 2021
    # a meeting about last year's work is this year's meeting
    assert named_year("总结2021年度党风廉政建设工作") is None
    plans.import_plan_text(store, PLAN, 2022)
    _meeting(store, "2022-03-10", "民主生活会会前征求意见")
    _meeting(store, "2022-12-20", "2022年度民主生活会")
    assert _item(store, date(2022, 12, 31)).actual == 2


def test_as_evidence_of_a_duty_without_a_number_last_years_meeting_still_counts(demo_store):
    """"严肃党内政治生活" asks no number: holding the 2021年度 meetings well in January is
    2022's work on it (the demo's 1月20日 and 1月27日 meetings)."""
    checklist = load_checklist(demo_store, Quarter(2022, 1), date(2022, 3, 31))
    [item] = [i for i in checklist.items if i.requirement.text == "严肃党内政治生活"]
    assert item.label == "已完成" and "2条" in item.explanation, item.explanation


def test_a_meeting_of_another_kind_about_last_years_review_is_this_years(store):
    """revdiff6 1: a 专题会议 "专题研究2021年度民主生活会查摆问题整改工作" held in March was
    held back as last year's, and "全年召开不少于4次专题会议" fell to 滞后."""
    plans.import_plan_text(store, "2022年要点\n一、会议\n1.专题会议。全年召开不少于1次专题会议。\n",
                           2022)
    store.add("activity", {"date": "2022-03-10", "type": "专题会议",
                           "topic": "专题研究2021年度民主生活会查摆问题整改工作"})
    checklist = load_checklist(store, Quarter(2022, 4), date(2022, 12, 31))
    [item] = checklist.items
    assert item.actual == 1 and "未计入" not in item.explanation


def test_this_years_meeting_held_next_january_counts_for_this_year(store):
    """revdiff6 5: held back from 2023, the 2022年度 meeting of January 2023 counted for no
    year: 2022's paper, made once it was held, said 未完成. It counts for the year it names;
    pointed at 2023's duty by hand, it counts there and is not said to be held back."""
    from datetime import datetime

    plans.import_plan_text(store, PLAN, 2022)
    plans.import_plan_text(store, PLAN.replace("2022", "2023"), 2023)
    store.clock = lambda: datetime(2023, 2, 1, 9)
    january = _meeting(store, "2023-01-15", "2022年度支委班子民主生活会")
    assert _item(store, date(2022, 12, 31)).actual == 1  # the 2022 paper, made in February
    source = ListSource({"activity": store.list("activity")})
    counts = _item(store, date(2022, 12, 31)).requirement.counts
    assert source.count(counts, date(2022, 1, 1), date(2022, 12, 31)) == 1  # both sources
    later = load_checklist(store, Quarter(2023, 1), date(2023, 3, 31))
    [of_2023] = [i for i in later.items if "民主生活会" in i.requirement.text]
    assert of_2023.actual == 0 and "是2022年度的，未计入" in of_2023.explanation
    store.set_links("activity", january.id, [of_2023.requirement.id])
    later = load_checklist(store, Quarter(2023, 1), date(2023, 3, 31))
    [of_2023] = [i for i in later.items if "民主生活会" in i.requirement.text]
    assert of_2023.actual == 1 and "未计入" not in of_2023.explanation
