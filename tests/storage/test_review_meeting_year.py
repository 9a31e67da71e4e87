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
