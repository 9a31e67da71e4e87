"""The SQL answers to the checklist's questions agree with the plain in-memory reading.

ListSource reads the records one by one in Python and is easy to check by eye; SqlSource
answers the same questions with indexed aggregates. Every plan requirement, over every
period of the year and a span crossing a year's end, must get the same answer from both.
"""

from dataclasses import replace
from datetime import date, datetime

import pytest

from lianzheng_desktop.core.demo import PROFILE, synthetic_years
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.record_source import ListSource
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.demo_loader import load_entries
from lianzheng_desktop.storage.record_source import SqlSource

SPANS = [(date(2022, 1, 1), date(2022, 12, 31)), (date(2022, 7, 1), date(2022, 12, 31)),
         (date(2021, 11, 15), date(2022, 2, 14)), (date(2022, 2, 28), date(2022, 2, 28))]
SPANS += [(q.start, q.end) for q in (Quarter(2022, n) for n in range(1, 5))]


def every_record(store):
    return {key: store.list(key) for key in ("warning_education", "talk", "rectification",
                                             "activity")}


def assert_sources_agree(store):
    sql, memory = SqlSource(store), ListSource(every_record(store))
    requirements = [r for r in plans.load_plan(store, 2022).requirements if r.counts]
    assert requirements
    for requirement in requirements:
        counts = requirement.counts
        for start, end in SPANS:
            for question in ("count", "person_times", "reached", "one_on_one", "refs"):
                expected = getattr(memory, question)(counts, start, end)
                assert getattr(sql, question)(counts, start, end) == expected, (
                    question, counts, start, end)
            assert sql.refs(counts, start, end, one_on_one_only=True) == memory.refs(
                counts, start, end, one_on_one_only=True)
    # talks held by some (a duty of the 书记 or of the 班子成员): each talker, two, no one
    talkers = sorted({t.talker for t in store.list("talk")})
    for by in [(name,) for name in talkers] + [tuple(talkers[:2]), ("不在名册的人",)]:
        for requirement in requirements:
            counts = replace(requirement.counts, by=by)
            if counts.ledger != "talk":
                continue
            for start, end in SPANS:
                for question in ("count", "reached", "one_on_one", "refs"):
                    assert getattr(sql, question)(counts, start, end) == getattr(
                        memory, question)(counts, start, end), (question, by, start, end)
    # 整改 as it stood on a day: fixed, reviewed, carried over, at or past its deadline
    for start, end in SPANS:
        for day in (start, end, date(2022, 6, 30)):
            assert sql.rectification_summary(start, end, day) == \
                memory.rectification_summary(start, end, day), (start, end, day)
    assert any(memory.rectification_summary(s, e, e).due for s, e in SPANS)  # tried


def test_sql_and_memory_agree_on_the_demo_year(demo_store):
    assert_sources_agree(demo_store)


@pytest.fixture
def synthetic_store(store):
    load_entries(store, synthetic_years(2, 400, seed=7), PROFILE)
    return store


def test_sql_and_memory_agree_on_two_synthetic_years(synthetic_store):
    assert_sources_agree(synthetic_store)


def test_reached_leaves_out_people_with_no_record_in_the_span(demo_store):
    demo_store.add("roster", {"name": "新同志", "post": "干事", "role": "党员"})
    source = SqlSource(demo_store)
    counts = next(r.counts for r in plans.load_plan(demo_store, 2022).requirements
                  if r.counts and r.counts.ledger == "warning_education")
    year = source.reached(counts, date(2022, 1, 1), date(2022, 12, 31))
    assert "新同志" not in year and len(year) >= 1
    assert source.reached(counts, date(2030, 1, 1), date(2030, 12, 31)) == set()


def test_records_pointed_at_a_requirement_are_not_called_what_its_label_names(demo_store):
    """A reviewer pointed the 廉政承诺 meeting at 第8条 (个人事项报告): 附件1 said "已有个人
    事项报告记录1条" of a record that is none. What was pointed there is said as such; the
    SQL and the in-memory answers agree on it."""
    from lianzheng_desktop.core.plan import Counts

    def said():
        checklist = plans.load_checklist(demo_store, Quarter(2022, 4), date(2022, 12, 31))
        return next(i.explanation for i in checklist.items if i.requirement.item == "8")

    # 第8条 names both 个人事项报告 and 廉政承诺 (revyear F3): each counts by its type
    assert said() == "此项无量化指标，2022年已有个人事项报告或廉政承诺记录2条。"
    duty = next(r for r in plans.load_plan(demo_store, 2022).requirements if r.item == "8")
    pledge = next(a for a in demo_store.list("activity") if a.type == "廉政承诺")
    demo_store.set_links("activity", pledge.id, [duty.id])
    assert said() == ("此项无量化指标，2022年已有个人事项报告或廉政承诺记录1条，"
                      "另有指定计入此项的记录1条。")
    report = next(a for a in demo_store.list("activity") if a.type == "个人事项报告")
    demo_store.delete("activity", report.id)
    assert said() == "此项无量化指标，2022年已有指定计入此项的记录1条。"
    links = {("activity", pledge.id): {duty.id}}
    memory = ListSource(every_record(demo_store), links)
    for linked_only in (False, True):
        counts = replace(duty.counts, link=duty.id, linked_only=linked_only)
        assert isinstance(counts, Counts)
        for start, end in SPANS:
            assert SqlSource(demo_store).count(counts, start, end) == memory.count(
                counts, start, end), (linked_only, start, end)


def test_a_rectification_duty_that_names_its_source_counts_those_items_only(demo_store):
    """"着力做好县委巡察整改工作" counted an audit finding and a self-check item with the
    six 巡察反馈 items (a reviewer's 纪委 reading: "2件到期未完成", one of them an audit's).
    The plan's own words pick the 问题来源; screen, 附件1 and the SQL/list answers agree."""
    from lianzheng_desktop.app.reports import report_document
    from lianzheng_desktop.core.report_model import ReportPeriod

    duty = next(r for r in plans.load_plan(demo_store, 2022).requirements if r.item == "2")
    assert duty.counts.types == ("巡察反馈",)  # read from the plan's own words
    demo_store.add("rectification", {"source": "审计", "description": "固定资产账实不符",
                                     "owner": "王建国", "found_date": "2022-10-10",
                                     "deadline": "2022-11-30", "status": "整改中"})

    def said():
        checklist = plans.load_checklist(demo_store, Quarter(2022, 4), date(2022, 12, 31))
        return next(i for i in checklist.items if i.requirement.item == "2")

    said_now = said().explanation.replace(" ", "")
    # named as what it counts: section one counts the audit's item too (a reviewer)
    assert "2022年巡察反馈的整改事项6件" in said_now and "（其中1件到期未完成）" in said_now
    document = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))
    [row] = [r for a in document.appendices for r in a.rows
             if "着力做好县委巡察整改工作" in "".join(r)]
    assert "巡察反馈的整改事项6件" in "".join(row) and "其中1件到期未完成" in "".join(row)
    memory = ListSource(every_record(demo_store))
    for start, end in SPANS:
        for sources in ((), ("巡察反馈",), ("审计",), ("巡察反馈", "审计")):
            assert SqlSource(demo_store).rectification_summary(start, end, end, sources) == \
                memory.rectification_summary(start, end, end, sources), (sources, start, end)
    assert memory.rectification_summary(date(2022, 1, 1), date(2022, 12, 31),
                                        date(2022, 12, 31), ("审计",)).due == 1


def test_a_requirement_marked_by_hand_is_met_by_a_record_pointed_at_it(demo_store, qtbot):
    """Items without a count (强化政治监督 …) could not be chosen in 计入要求, so the report
    said "台账中尚无计入这些要求的工作记录" beside the very work section 一 described. A record
    of any ledger can now be pointed at one, and counts there."""
    from lianzheng_desktop.qt.requirement_link import RequirementLink

    duty = next(r for r in plans.load_plan(demo_store, 2022).requirements if r.item == "4")
    assert duty.counts is None
    offered = RequirementLink(demo_store, "talk", 2022)
    qtbot.addWidget(offered)
    assert duty.id in [offered.itemData(i) for i in range(offered.count())]

    def item():
        checklist = plans.load_checklist(demo_store, Quarter(2022, 4), date(2022, 12, 31))
        return next(i for i in checklist.items if i.requirement.item == "4")

    assert "尚无相关记录" in item().explanation
    talk = demo_store.list("talk")[0]
    demo_store.set_links("talk", talk.id, [duty.id])
    found = item()
    assert found.explanation == "此项无量化指标，2022年已有指定计入此项的记录1条。"
    assert found.status.value == "done" and [r.id for r in found.records] == [talk.id]


def test_the_sql_and_list_answers_agree_on_deadlines_missed_by_an_earlier_day(demo_store):
    memory = ListSource(every_record(demo_store))
    for start, end in SPANS:
        for due in (end, date(2022, 9, 29), date(2022, 9, 30)):
            assert SqlSource(demo_store).rectification_summary(start, end, end, (), due) == \
                memory.rectification_summary(start, end, end, (), due), (start, end, due)
    year = (date(2022, 1, 1), date(2022, 12, 31), date(2022, 12, 31))
    assert memory.rectification_summary(*year, (), date(2022, 9, 29)).due == 0
    assert memory.rectification_summary(*year, (), date(2022, 9, 30)).due == 1


def test_a_record_pointed_at_a_duty_marked_by_hand_still_counts_by_its_type(demo_store):
    """A reviewer did as 首页 says ("在“计入要求”中选此项"): the month's 党员大会 pointed at
    "党员大会由支部书记主持召开" (no count) was taken from "党员大会每月召开一次", and the report
    printed "11月0次…没有落实到位" beside "11月25日开展11月党员大会". A duty marked by hand takes
    the record as its evidence; the record still counts wherever its type does."""
    def item(number):
        checklist = plans.load_checklist(demo_store, Quarter(2022, 4), date(2022, 12, 31))
        return next(i for i in checklist.items if i.requirement.item == number)

    year = plans.load_plan(demo_store, 2022).requirements
    meetings = next(r for r in year if r.item == "5")  # 全年召开不少于4次专题会议
    watch = next(r for r in year if r.counts is None)  # marked by hand (强化政治监督 …)
    before = item("5").actual
    meeting = next(a for a in demo_store.list("activity") if a.type == "专题会议")
    demo_store.set_links("activity", meeting.id, [watch.id])
    assert item("5").actual == before  # still one of the year's 专题会议
    assert "已有指定计入此项的记录1条" in item(watch.item).explanation
    links = {("activity", meeting.id): {watch.id}}
    memory = ListSource(every_record(demo_store), links, marked_by_hand={watch.id})
    counts = replace(meetings.counts, link=meetings.id)
    for start, end in SPANS:
        assert SqlSource(demo_store).count(counts, start, end) == memory.count(
            counts, start, end), (start, end)
    demo_store.set_links("activity", meeting.id, [next(
        r for r in year if r.counts is not None and r.counts.ledger == "activity"
        and r.id != meetings.id).id])
    assert item("5").actual == before - 1  # pointed at another counted duty: counted there


def test_an_item_fixed_in_december_but_never_looked_back_at_keeps_the_new_year_open(demo_store):
    """XC2-03 was fixed on 17 December and never had its 回头看: the next year's checklist
    and report said "均已整改到位并“回头看”" (reviewer revyear, F6). It is not yet 销号: the
    new year's 巡察整改 waits for it, named, and the SQL and in-memory answers agree."""
    from lianzheng_desktop.core.checklist_model import Status

    demo_store.clock = lambda: datetime(2023, 3, 31, 17)
    for item in demo_store.list("rectification"):  # the demo's own: all looked back at
        if item.completed_date is not None and item.review_date is None:
            demo_store.update("rectification", item.id, {
                **_values(item), "review_date": "2023-01-05"})
    demo_store.add("rectification", {
        "source": "巡察反馈", "number": "XC2-03", "description": "困难职工帮扶档案不完整",
        "owner": "王建国", "found_date": "2022-10-10", "deadline": "2022-12-31",
        "status": "已完成", "completed_date": "2022-12-17", "measures": "逐户补齐档案"})
    plans.start_new_year(demo_store, 2023)

    def item_2(day):
        checklist = plans.load_checklist(demo_store, Quarter(2023, 1), day)
        return next(i for i in checklist.items if i.requirement.item == "2")

    waiting = item_2(date(2023, 3, 31))
    assert waiting.status is not Status.DONE
    assert "此前已完成整改的1件（XC2-03）尚未“回头看”" in waiting.explanation
    sql, memory = SqlSource(demo_store), ListSource(every_record(demo_store))
    for start, day in ((date(2023, 1, 1), date(2023, 3, 31)), (date(2022, 1, 1),
                                                               date(2022, 12, 31))):
        assert sql.unreviewed_before(start, day) == memory.unreviewed_before(start, day)
    assert sql.unreviewed_before(date(2023, 1, 1), date(2023, 3, 31)) == (1, ["XC2-03"])
    xc = next(i for i in demo_store.list("rectification") if i.number == "XC2-03")
    demo_store.update("rectification", xc.id, {**_values(xc), "review_date": "2023-03-20"})
    assert "尚未“回头看”" not in item_2(date(2023, 3, 31)).explanation


def _values(item):
    from dataclasses import asdict

    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in asdict(item).items()
            if k not in ("id", "created_at", "updated_at", "late_entry")}


def test_the_report_names_last_years_item_awaiting_its_review_as_the_checklist_does(
        demo_store):
    """The checklist kept 巡察整改 open for XC2-03 (fixed in December, never looked back at)
    while the printed 附件1 of the same quarter said "均已整改到位" and named it nowhere
    (reviewer revdiff2, F4)."""
    from lianzheng_desktop.app.reports import report_document
    from lianzheng_desktop.core.report_model import ReportPeriod

    demo_store.clock = lambda: datetime(2023, 3, 31, 17)
    demo_store.add("rectification", {
        "source": "巡察反馈", "number": "XC2-03", "description": "困难职工帮扶档案不完整",
        "owner": "王建国", "found_date": "2022-10-10", "deadline": "2022-12-31",
        "status": "已完成", "completed_date": "2022-12-17", "measures": "逐户补齐档案"})
    plans.start_new_year(demo_store, 2023)
    document = report_document(demo_store, ReportPeriod(2023, 1), date(2023, 3, 31))
    [row] = [r for a in document.appendices for r in a.rows
             if len(r) > 1 and r[1] == "着力做好县委巡察整改工作"]
    checklist = plans.load_checklist(demo_store, Quarter(2023, 1), date(2023, 3, 31))
    screen = next(i.explanation for i in checklist.items if i.requirement.item == "2")
    # the screen by 编号, as she finds them in the ledger; the paper by what they are (its
    # reader has no ledger to look a 编号 up in: reviewer revjiwei3, J7)
    assert "此前已完成整改的2件（XC-2022-04、XC2-03）尚未“回头看”" in screen, screen
    assert ("此前已完成整改的“困难职工帮扶资金发放公示不及时”、“困难职工帮扶档案不完整”2件尚未"
            "“回头看”") in row[-1], row
    # and, being named as owed, each is listed in the 整改 annex and has its step in 四
    annex = next(a for a in document.appendices if "整改事项台账" in a.title)
    assert {"XC-2022-04", "XC2-03"} <= {r[0] for r in annex.rows}, annex.rows
    steps = document.section_texts()["四、下一步工作打算"]
    assert "对“困难职工帮扶档案不完整”开展整改“回头看”" in steps, steps
    assert "对“困难职工帮扶资金发放公示不及时”开展整改“回头看”" in steps, steps
    assert "均已整改到位" not in row[-1] and "另有0件" not in row[-1]
    # not this year's work: section 一 does not count or tell it (reviewer revlast, L1)
    duty = document.section_texts()["一、履行全面从严治党（党风廉政建设）责任情况"]
    assert "推进整改事项2件" in duty and "均在本季度以前完成" not in duty, duty


def test_a_members_duty_to_report_counts_who_reported_not_the_secretary_who_heard_it(store):
    """One record "陈建华向党支部汇报思想工作学习情况" (负责人 褚红梅, who heard it; 参加人员
    陈建华) printed "褚红梅1次 … 陈建华1次" for the members' duty to report (reviewer revnew,
    N-check-1). Both answers — SQL and in memory — credit 陈建华 alone."""
    for name, role in (("褚红梅", "书记"), ("陈建华", "党员"), ("周丽", "党员")):
        store.add("roster", {"name": name, "role": role, "active": True})
    plans.import_plan_text(store, "2022年党支部工作要点\n一、组织生活\n"
                           "1.每名党员每半年至少向党组织汇报1次思想工作情况。\n", 2022)
    store.add("activity", {"date": "2022-11-24", "type": "向党组织汇报",
                           "topic": "陈建华向党支部汇报思想工作学习情况", "host": "褚红梅",
                           "attendees": "陈建华"})
    [duty] = plans.load_plan(store, 2022).requirements
    start, end = date(2022, 7, 1), date(2022, 12, 31)
    for source in (SqlSource(store), ListSource(every_record(store))):
        assert source.per_person(duty.counts, start, end, with_attendees=True) == {"陈建华": 1}
    item = plans.load_checklist(store, Quarter(2022, 4), date(2022, 12, 31)).items[0]
    assert "褚红梅0次、陈建华1次、周丽0次" in item.explanation, item.explanation
