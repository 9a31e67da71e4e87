"""One truth per report: each rule a 纪委 reader applies, checked on the demo year.

Each test names one rule; each was seen failing with the rule broken in the code.
"""

import re
from dataclasses import asdict
from datetime import date, datetime, timedelta

import pytest

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.report_content import build_document
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.reports import load_report_data

DUTY, PERSONAL, PROBLEMS, NEXT = SECTION_HEADINGS
PERIODS = [ReportPeriod(2022, q) for q in range(1, 5)] + [ReportPeriod(2022)]
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _report(store, period, as_of=None):
    document = build_document(load_report_data(store, period, as_of))
    return document, document.section_texts()


def _all_text(document):
    rows = ["".join(cell for row in a.rows for cell in row) + a.title
            for a in document.appendices]
    return "\n".join([*document.section_texts().values(), *rows, *document.closing])


@pytest.mark.parametrize("as_of", [date(2022, 8, 10), date(2022, 9, 20), None])
def test_one_as_of_date_for_every_section_and_appendix(demo_store, as_of):
    document, _ = _report(demo_store, ReportPeriod(2022, 3), as_of)
    text = _all_text(document)
    day = as_of or date(2022, 9, 30)
    stated = {date(int(y), int(m), int(d)) for y, m, d in re.findall(r"截至" + DATE_RE.pattern,
                                                                     text)}
    assert stated == {day}
    # "距年底还有 N 天" is counted from the same day wherever it is said
    for words in ("距年底还有", "距季度末还有"):
        counts = set(re.findall(words + r"(\d+)天", text))
        assert len(counts) <= 1, (words, counts)
    # signed on the day it is written (the store's clock: 31 December), not back-dated to
    # the day it counts to: a reviewer's Q3 report written on 10 October was dated 30 September
    assert document.closing[-1] == "2022年12月31日"


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_a_zero_is_never_stated_as_an_achievement(demo_store, period):
    _, texts = _report(demo_store, period)
    assert not re.search(r"(?<![\d.])0(次|人次|件|人)", texts[DUTY]), texts[DUTY]


def test_a_point_is_titled_only_by_work_that_was_done(demo_store):
    q1 = _report(demo_store, ReportPeriod(2022, 1))[1][DUTY]  # one 廉政谈话, no 谈心谈话
    assert "谈心谈话" not in q1 and "抓实廉政谈话" in q1
    q4 = _report(demo_store, ReportPeriod(2022, 4))[1][DUTY]  # no warning education at all
    assert "深化警示教育" not in q4 and "开展集中警示教育" not in q4
    # its annex is not printed, and 履责情况 does not say how the paper was put together
    assert "未附相应台账" not in q4 and "无警示教育记录" not in q4


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_section_three_says_what_the_appendix_says(demo_store, period):
    document, texts = _report(demo_store, period)
    statuses = [row[2] for row in document.appendices[0].rows]
    if "均已完成" in texts[PROBLEMS]:
        assert set(statuses) == {"已完成"}
    overview = texts[PROBLEMS].splitlines()[0]
    for label in ("已完成", "进行中", "尚未开展", "滞后", "未完成", "未到期"):
        said = re.search(label + r"(\d+)项", overview)
        assert (int(said.group(1)) if said else 0) == statuses.count(label), (label, overview)
    # every requirement the appendix shows as failed or behind is named in section three
    for row in document.appendices[0].rows:
        if row[2] in ("未完成", "滞后"):
            assert row[1] in texts[PROBLEMS], row[1]


@pytest.mark.parametrize("as_of", [date(2022, 9, 29), date(2022, 9, 30), date(2022, 12, 31)])
def test_sections_three_and_four_use_one_due_test(demo_store, as_of):
    # written the morning after the day it counts to (section four is written on the day
    # it is made: revjiwei3 J11; printed months later, items done since leave it)
    demo_store.clock = lambda: datetime(as_of.year, as_of.month, as_of.day, 9) + timedelta(1)
    period = ReportPeriod(2022, 3 if as_of.month < 10 else 4)
    _, texts = _report(demo_store, period, as_of)
    for item in demo_store.list("rectification"):
        problem = item.description in texts[PROBLEMS]
        overdue_next = re.search(f"(逾期|到期)整改事项“{item.description}”", texts[NEXT])
        overdue_next = overdue_next is not None
        # a finished item awaiting its 回头看 is named in both too (revjiwei2 N1)
        review_next = f"对“{item.description}”开展整改“回头看”" in texts[NEXT]
        assert problem == (overdue_next or review_next), (as_of, item.number)
    # XC-2022-05 is due 30 September and not done: a problem on that day, not the day before
    named = "基层工会经费返还拨付不及时" in texts[PROBLEMS]
    assert named == (as_of >= date(2022, 9, 30))


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_next_steps_name_only_dates_still_ahead(demo_store, period):
    _, texts = _report(demo_store, period)
    for y, m, d in DATE_RE.findall(texts[NEXT]):
        assert date(int(y), int(m), int(d)) > period.end, texts[NEXT]


def test_a_rectification_duty_is_not_done_while_an_item_is_open(demo_store):
    for period in (ReportPeriod(2022, 3), ReportPeriod(2022)):
        document, texts = _report(demo_store, period)
        row = next(r for r in document.appendices[0].rows if r[1] == "着力做好县委巡察整改工作")
        assert row[2] != "已完成" and "尚在整改1件" in row[3]
    assert row[2] == "未完成" and "着力做好县委巡察整改工作" in texts[PROBLEMS]


def test_a_report_written_within_its_period_plans_the_rest_of_it(demo_store):
    demo_store.clock = lambda: datetime(2022, 9, 20, 17)  # written on the day it counts to
    _, texts = _report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20))
    assert texts[NEXT].startswith("下一步，")  # not "第四季度" over a 30 September date
    assert "须于2022年9月30日前完成" in texts[NEXT]
    assert texts[NEXT].count("坚持每季度至少进行1次集中警示教育") == 1


def test_the_annual_report_speaks_of_the_year(demo_store):
    document, texts = _report(demo_store, ReportPeriod(2022))
    assert "本季度" not in texts[PROBLEMS] + texts[NEXT]
    rows = {row[1]: row for row in document.appendices[0].rows}
    quarterly = rows["坚持每季度至少进行1次集中警示教育"]
    assert quarterly[2] == "未完成"
    assert "第一季度1次" in quarterly[3] and "第四季度0次" in quarterly[3]
    half = rows["每半年开展1次党风廉政建设谈心谈话"]
    assert "上半年3次" in half[3] and "下半年2次" in half[3]
    assert "本季度" not in "".join(row[3] for row in document.appendices[0].rows)
    # next year: the unmet duties and the open item are carried forward
    assert "全年召开不少于4次专题会议" in texts[NEXT]
    assert "基层工会经费返还拨付不及时" in texts[NEXT]
    # an overdue item gets no deadline the secretary never set: she is asked to set one
    assert "重新明确整改时限" in texts[NEXT] and "2023年3月31日" not in texts[NEXT]


def test_nothing_is_cut_however_many_items(demo_store):
    for n in range(14):
        demo_store.add("rectification", {
            "number": f"ZC-{n:02d}", "source": "自查", "description": f"自查问题第{n + 1}号",
            "owner": "刘芳", "found_date": date(2022, 4, 1), "deadline": date(2022, 8, 31),
            "status": "整改中"})
    _, texts = _report(demo_store, ReportPeriod(2022, 3))
    for n in range(14):
        assert f"自查问题第{n + 1}号" in texts[PROBLEMS]
        assert f"自查问题第{n + 1}号" in texts[NEXT]
    # more than three overdue: one sentence for them all, owner by owner, still every item
    # named (a reviewer read "三是整改事项…" up to "十四是", in no order)
    # (the 巡察 item is told in the 巡察整改 duty's own problem: revjiwei4 K2)
    problems = texts[PROBLEMS].splitlines()
    duty = next(line for line in problems if "巡察整改工作的要求" in line)
    assert "整改事项“基层工会经费返还拨付不及时”整改时限为2022年9月30日" in duty
    others = [line for line in problems if line is not duty]
    assert any("有14件整改事项已过整改时限仍未完成" in line and "刘芳负责的" in line
               for line in others)
    assert "抓紧完成15件逾期整改事项，逐项重新明确整改时限" in texts[NEXT]
    assert "确保于" not in texts[NEXT]  # … and no deadline invented for them
    # no sentence of one's own for any of them
    assert not any(re.search("整改事项“[^”]+”整改时限为", line) for line in others)
    assert texts[NEXT].count("抓紧完成") == 1


def test_ordinals_go_past_ten():
    from lianzheng_desktop.core.report_facts import numbered

    assert numbered(["甲"] * 120)[10:12] == ["十一是甲", "十二是甲"]
    assert numbered(["甲"] * 120)[-1] == "一百二十是甲"


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_no_nested_double_quotes(demo_store, period):
    document, _ = _report(demo_store, period)
    for line in _all_text(document).splitlines():
        depth = 0
        for ch in line:
            depth += (ch == "“") - (ch == "”")
            assert depth <= 1, line


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_right_verb_and_no_repetition(demo_store, period):
    _, texts = _report(demo_store, period)
    text = texts[DUTY] + texts[PROBLEMS]
    assert not re.search(r"开展[^，。；：]{0,20}(生活会|专题会议)", text), text
    # the form is not said again when the topic already says it ("观看警示教育专题片《零容忍》
    # （观看警示教育片，12人参加）"); one talk is not summed up as "1次"
    for form in ("观看警示教育片", "参观廉政教育基地", "典型案例通报学习"):
        assert form not in text
    assert "开展各类谈话1次" not in text


def test_nothing_of_the_software_in_print(demo_store):
    from lianzheng_desktop.storage.reports import save_texts

    period = ReportPeriod(2022, 1)
    # a draft kept by an earlier version, with its prompts written into the text
    save_texts(demo_store, period, {PERSONAL: "（请本人填写，可围绕以下方面：……）",
                                    PROBLEMS: "（请结合实际分析原因，如：……）"})
    from lianzheng_desktop.storage.reports import load_texts

    document = build_document(load_report_data(demo_store, period), load_texts(demo_store, period))
    text = _all_text(document)
    for words in ("请本人填写", "请结合实际", "完成后请", "年度计划”中标记", "请先填写"):
        assert words not in text


def _annex(document, title):
    return next(a for a in document.appendices if title in a.title)


def _row(document, requirement):
    return next(r for r in document.appendices[0].rows if r[1] == requirement)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_the_rectification_row_of_the_appendix_is_as_of_the_report_date(demo_store, period):
    """附件1's 整改 row counts completions and 回头看 up to the report's date (the demo's
    XC-2022-02/03 were reviewed in October): the same figures as section one and 附件4,
    with 长期坚持 named as such, never counted as 已完成."""
    document, texts = _report(demo_store, period)
    row = _row(document, "着力做好县委巡察整改工作")
    ledger = _annex(document, "整改事项台账").rows
    done = sum(1 for r in ledger if r[4] == "已完成")
    standing = sum(1 for r in ledger if r[4] == "长期坚持")
    said_done = re.search(r"已完成整改(\d+)件", row[3])
    assert (int(said_done.group(1)) if said_done else 0) == done, row[3]
    assert f"长期坚持{standing}件" in row[3] and f"长期坚持{standing}件" in texts[DUTY]
    # an item open at its 整改时限 (基层工会经费…, due 9月30日) is not "in progress"
    if period.end >= date(2022, 9, 30):
        assert row[2] in ("滞后", "未完成") and "其中1件到期未完成" in row[3], row
    reviewed = {ReportPeriod(2022, 1): 0, ReportPeriod(2022, 2): 0, ReportPeriod(2022, 3): 1}
    n = reviewed.get(period, 3)
    said = re.search(r"已开展“回头看”(\d+)件", row[3])
    assert (int(said.group(1)) if said else 0) == n, row[3]
    if n:
        assert f"对{n}件已完成事项开展了“回头看”" in texts[DUTY]
        # what the 回头看 found is in 附件4; the report claims no result of its own
        assert "成效得到巩固" not in texts[DUTY]
    # the items are records: the duty is never among those "without any record"
    for sentence in re.split("[。\n]", texts[PROBLEMS] + texts[NEXT]):
        if "计入这些要求的工作记录" in sentence or "及时形成工作记录" in sentence:
            assert "着力做好县委巡察整改工作" not in sentence, sentence


@pytest.mark.parametrize("as_of, done, open_", [
    (date(2022, 6, 9), 1, 4),    # the day before XC-03 was completed
    (date(2022, 6, 10), 2, 3),   # the day it was completed: done by that day
    (date(2022, 6, 15), 2, 3),
])
def test_the_rectification_row_within_the_period_counts_up_to_that_day(demo_store, as_of,
                                                                        done, open_):
    """An item completed ON the report's date is done by it — in 附件1 (and 三) as in
    section one: the demo's XC-01 was completed 5-26, XC-03 6-10; XC-06 is 长期坚持;
    XC-02 (6-22), XC-04 (7-28) and XC-05 are still open in mid-June."""
    document, texts = _report(demo_store, ReportPeriod(2022, 2), as_of)
    row = _row(document, "着力做好县委巡察整改工作")
    assert (f"2022年巡察反馈的整改事项6件，已完成整改{done}件，长期坚持1件，"
            f"尚在整改{open_}件") in row[3], row[3]
    assert (f"截至2022年{as_of.month}月{as_of.day}日，已完成整改{done}件、长期坚持1件、"
            f"尚在整改{open_}件") in texts[DUTY], texts[DUTY]


@pytest.mark.parametrize("period", PERIODS[:3], ids=lambda p: p.code)
def test_one_warning_session_is_not_summed_up_again(demo_store, period):
    _, texts = _report(demo_store, period)  # one session a quarter in Q1-Q3
    assert "深化警示教育" in texts[DUTY]
    assert "共开展集中警示教育1次" not in texts[DUTY], texts[DUTY]
    _, year = _report(demo_store, ReportPeriod(2022))
    assert "本年度共开展集中警示教育3次、参加34人次" in year[DUTY]  # 12 + 11 + 11


def test_an_item_due_on_the_report_date_is_not_dated_twice(demo_store):
    _, texts = _report(demo_store, ReportPeriod(2022, 3))
    assert "整改时限为2022年9月30日，到期仍未完成整改" in texts[PROBLEMS]
    assert "截至2022年9月30日仍未完成" not in texts[PROBLEMS]
    _, q4 = _report(demo_store, ReportPeriod(2022, 4))
    assert "截至2022年12月31日仍未完成，已逾期92天" in q4[PROBLEMS]


def test_a_leaders_own_report_speaks_as_the_leader(demo_store):
    document = build_document(load_report_data(demo_store, ReportPeriod(2022, 3),
                                                person="张志强"))
    texts = document.section_texts()
    # his own item: not "由张志强负责" in his own report, nor a branch's ledger set up by him
    assert "张志强负责" not in texts[NEXT] and "基层工会经费返还拨付不及时" in texts[NEXT]
    assert "建立整改台账" not in texts[DUTY]
    # his only item is past its deadline: not among his achievements at all (a reviewer
    # read "推进问题整改。本人负责整改…尚在整改1件" of an item 61 days overdue), only in 三
    assert "推进问题整改" not in texts[DUTY] and "基层工会经费返还拨付不及时" in texts[PROBLEMS]
    # his post is the trade union's (县总工会党组成员), not the party branch's
    assert document.closing[0] == "县总工会党组成员、副主席\u3000张志强"
    assert "机关党支部党组成员" not in "".join(document.meta)


def test_a_rectification_duty_is_done_only_when_each_item_had_its_review(demo_store):
    item = next(i for i in demo_store.list("rectification") if i.number == "XC-2022-05")
    demo_store.update("rectification", item.id, {**asdict(item), "status": "已完成",
                                                 "completed_date": date(2022, 12, 20)})
    document, texts = _report(demo_store, ReportPeriod(2022))
    row = _row(document, "着力做好县委巡察整改工作")
    # all fixed by the year's end, 3 of 6 reviewed: not done, and the reader is told why
    assert row[2] == "未完成" and "尚在整改" not in row[3]
    assert "已完成整改5件" in row[3] and "另有3件待“回头看”" in row[3], row[3]
    for other in demo_store.list("rectification"):
        demo_store.update("rectification", other.id,
                          {**asdict(other), "review_date": date(2022, 12, 28)})
    row = _row(_report(demo_store, ReportPeriod(2022))[0], "着力做好县委巡察整改工作")
    assert row[2] == "已完成" and "已开展“回头看”6件，均已整改到位" in row[3], row[3]


def test_a_quarters_talks_are_not_measured_against_everyone(demo_store):
    """No plan item asks a quarter's talks to reach every member: "占应谈10人的20%" among the
    achievements reads as a duty missed while 附件1 shows the talk duty met."""
    _, q3 = _report(demo_store, ReportPeriod(2022, 3))
    assert "谈话覆盖党员干部2人" in q3[DUTY] and "应谈" not in q3[DUTY]
    _, year = _report(demo_store, ReportPeriod(2022))
    # the demo plan asks talks every half-year, not of everyone: no "应谈" standard, but
    # every one of the 10 was talked to, and that is said
    assert "谈话覆盖除书记外的全体党员干部10人" in year[DUTY] and "应谈" not in year[DUTY]


def test_in_ones_own_report_one_speaks_as_benren(demo_store):
    def duty(period, name):
        data = load_report_data(demo_store, period, person=name)
        return build_document(data).section_texts()[DUTY]

    own = duty(ReportPeriod(2022), "张志强")
    assert "6月8日本人与周伟、郑海涛、冯晓燕开展谈心谈话" in own
    assert "张志强同志" not in own and "应谈" not in own  # the unit's 10 are not his to talk to
    assert "分管范围内" in own
    head = duty(ReportPeriod(2022), "王建国")
    assert "本人主持" in head and "王建国" not in head
    assert "第一责任人职责" in head and "分管范围内" not in head  # the 书记 answers for all


def test_the_rectification_ledger_is_set_up_once_not_every_quarter(demo_store):
    """The 巡察 items were found in March: Q1 and the year set up their ledger; later
    quarters carry the same items on, and do not claim to set it up again."""
    for period, set_up in ((ReportPeriod(2022, 1), True), (ReportPeriod(2022, 2), False),
                           (ReportPeriod(2022, 4), False), (ReportPeriod(2022), True)):
        _, texts = _report(demo_store, period)
        duty = texts[DUTY]
        assert ("建立整改台账" in duty) is set_up, period.code
        assert ("持续推进巡察反馈的6个问题的整改" in duty) is not set_up, period.code


def test_duties_without_records_are_not_called_unmet_at_the_years_end(demo_store):
    """Section three says the unnumbered duties lack records counted toward them; section
    four must not then call them 未落实到位 beside the duties that missed their numbers."""
    _, texts = _report(demo_store, ReportPeriod(2022))
    assert "台账中没有计入这些要求的工作记录" in texts[PROBLEMS]
    carried = next(line for line in texts[NEXT].splitlines() if "未落实到位的问题" in line)
    assert "全年召开不少于4次专题会议" in carried and "明确责任分工" not in carried
    assert "明确责任分工" in texts[NEXT] and "逐项明确牵头人和具体措施" in texts[NEXT]
    # the next step is the work, not "及时形成工作记录" (留痕 for its own sake)
    assert "形成工作记录" not in texts[NEXT]


def test_records_entered_long_after_are_marked_in_the_appendices(demo_store):
    """The 9月27日 session was entered on 10月9日, after the Q3 report's date: its row says
    补录, as the ledger does, so the reader knows when it was written down."""
    document, _ = _report(demo_store, ReportPeriod(2022, 3))
    sessions = document.appendices[1].rows
    # dated as the body dates them (revjiwei6 G7: "2022-09-27" beside the body's "9月27日")
    assert [r[0] for r in sessions if r[0].startswith("9月27日")] == ["9月27日（补录）"]
    assert all("补录" not in r[0] for r in sessions if not r[0].startswith("9月27日"))


def test_a_yearly_count_says_what_this_quarters_end_asks_too(demo_store):
    """Written on 15 August: two 专题会议 held, three due by 30 September, four in the
    year: the next steps say both dates (section three names it no more: on schedule, it is
    not a problem — revjiwei3 J5)."""
    _, texts = _report(demo_store, ReportPeriod(2022, 3), date(2022, 8, 15))
    assert "全年召开不少于4次专题会议" not in texts[PROBLEMS]
    # the paper is as of 8月15日, made later: its counts say their day (revjiwei10 K3)
    assert ("全年召开不少于4次专题会议，截至8月15日已召开专题会议2次，还需2次，其中2022年9月30日"
            "前至少还需1次，须于2022年12月31日前完成") in texts[NEXT]


def test_an_item_whose_owner_has_left_asks_for_a_new_one(demo_store):
    _, before = _report(demo_store, ReportPeriod(2022))
    assert "由张志强负责" in before[NEXT]
    [him] = [p for p in demo_store.list("roster") if p.name == "张志强"]
    demo_store.update("roster", him.id, {"name": "张志强", "post": him.post, "role": him.role,
                                         "active": False, "left_on": "2022-11-30"})
    _, after = _report(demo_store, ReportPeriod(2022))
    assert "由张志强负责" not in after[NEXT]
    assert "原责任人张志强11月30日离岗，须明确新的责任人" in after[NEXT]


def test_a_quarters_own_end_is_named_as_a_deadline_only_while_ahead(demo_store):
    """全年4次专题会议 with 2 held by 30 September (3 due by then): written on 30 September
    the report does not ask for one more "9月30日前"; written on 10 August it does."""
    from lianzheng_desktop.storage.store import Query

    [last] = demo_store.list("activity", Query(start=date(2022, 9, 16), end=date(2022, 9, 16),
                                               type="专题会议"))
    demo_store.delete("activity", last.id)
    _, at_end = _report(demo_store, ReportPeriod(2022, 3))
    assert not [t for t in at_end.values() if "9月30日前至少还需" in t]
    assert "还需2次，须于2022年12月31日前完成" in at_end[NEXT]
    _, midway = _report(demo_store, ReportPeriod(2022, 3), date(2022, 8, 10))
    assert "其中2022年9月30日前至少还需" in midway[NEXT]


def test_the_secretarys_own_report_says_he_chaired_the_meetings_he_chaired(demo_store):
    """The demo's 专题会议 name 王建国 as 负责人: in his own report he chaired them (not
    "本人参加"), in 张志强's they are meetings he attended."""
    def duty(period, name):
        data = load_report_data(demo_store, period, person=name)
        return build_document(data).section_texts()[DUTY]

    head = duty(ReportPeriod(2022), "王建国")
    assert "研究部署2022年党风廉政建设工作（本人主持，4人参加）" in head
    assert "本年度本人主持专题会议3次" in head and "本人参加专题会议" not in head
    leader = duty(ReportPeriod(2022, 3), "张志强")
    # a meeting another held: he took part in it ("参加"), not "召开…（本人参加）"
    assert ("9月16日参加党风廉政建设专题会议，研究中秋国庆期间作风建设" in leader
            and "工会福利发放有关规定（王建国主持，共4人）" in leader)
    assert "召开党风廉政建设专题会议" not in leader and "年内累计参加专题会议3次" in leader


def test_a_past_report_is_signed_by_the_secretary_who_served_then(demo_store):
    """王建国 left on 31 January 2023 and 周强 took over (单位信息 names him now): the 2022
    report, reprinted, is still 王建国's."""
    from datetime import datetime

    demo_store.clock = lambda: datetime(2023, 3, 1, 9)  # reprinted after the change
    [wang] = [p for p in demo_store.list("roster") if p.name == "王建国"]
    demo_store.update("roster", wang.id, {"name": "王建国", "post": wang.post, "role": "书记",
                                          "active": False, "left_on": "2023-01-31"})
    demo_store.add("roster", {"name": "周强", "role": "书记", "active": True,
                              "joined_on": "2023-02-01"})
    profile = demo_store.profile()
    demo_store.save_profile(type(profile)(unit_name=profile.unit_name,
                                          org_name=profile.org_name, secretary_name="周强"))
    document, _ = _report(demo_store, ReportPeriod(2022))
    assert "王建国" in "".join(document.closing) and "周强" not in "".join(document.closing)


def test_an_annual_report_within_the_year_asks_for_no_negative_count(demo_store):
    """Written on 30 November, the year's report: 每半年开展1次谈心谈话 is not "还需-1次"."""
    _, year = _report(demo_store, ReportPeriod(2022), date(2022, 11, 30))
    text = "".join(year.values())
    assert not re.search(r"还需-\d", text)
    assert "坚持每季度至少进行1次集中警示教育，须于2022年12月31日前完成" in text


def test_an_owner_whose_last_day_is_the_reports_is_not_given_next_quarters_work(demo_store):
    """张志强's last day is 30 September, the Q3 report's date: Q4's steps ask for a new
    owner instead of "由张志强负责"."""
    demo_store.clock = lambda: datetime(2022, 12, 31, 17)
    [him] = [p for p in demo_store.list("roster") if p.name == "张志强"]
    records_after = [r for key in ("talk", "warning_education", "activity")
                     for r in demo_store.list(key) if r.date > date(2022, 9, 30)
                     and "张志强" in (*getattr(r, "attendees", ()), *getattr(r, "talkees", ()),
                                     getattr(r, "talker", ""))]
    for record in records_after:  # he is gone from October: take him off those records
        key = "talk" if hasattr(record, "talkees") else (
            "warning_education" if hasattr(record, "form") else "activity")
        field = "talkees" if key == "talk" else "attendees"
        values = {f.key: getattr(record, f.key) for f in LEDGERS[key].fields}
        values[field] = tuple(n for n in values[field] if n != "张志强")
        demo_store.update(key, record.id, values)
    demo_store.update("roster", him.id, {"name": "张志强", "post": him.post, "role": him.role,
                                         "active": False, "left_on": "2022-09-30"})
    _, q3 = _report(demo_store, ReportPeriod(2022, 3))
    assert "由张志强负责" not in q3[NEXT]
    assert "原责任人张志强9月30日离岗，须明确新的责任人" in q3[NEXT]


def test_a_duty_met_in_every_period_is_done_before_the_year_is_out(demo_store):
    """On 30 November both half-years' talks are held: the year's report lists the duty as
    done, not among the work still to finish."""
    document, year = _report(demo_store, ReportPeriod(2022), date(2022, 11, 30))
    row = next(r for r in document.appendices[0].rows if "谈心谈话" in r[1])
    assert row[2] == "已完成"
    assert "谈心谈话" not in year[NEXT] and "上半年3次、下半年2次" not in year[PROBLEMS]


def test_an_owner_not_yet_arrived_is_not_said_to_have_left(demo_store):
    demo_store.add("roster", {"name": "李四", "role": "班子成员", "active": True,
                              "joined_on": "2023-01-01"})
    [item] = [i for i in demo_store.list("rectification") if i.number == "XC-2022-05"]
    values = {f.key: getattr(item, f.key) for f in LEDGERS["rectification"].fields}
    demo_store.update("rectification", item.id, {**values, "owner": "李四"})
    _, q3 = _report(demo_store, ReportPeriod(2022, 3))
    assert "李四已离岗" not in q3[NEXT] and "由李四负责" in q3[NEXT]


def test_the_next_years_appendix_counts_the_items_carried_over_as_the_screen_does(demo_store):
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.storage import plans

    demo_store.clock = lambda: datetime(2023, 4, 1, 9)
    plans.start_new_year(demo_store, 2023, 2022)
    screen = plans.load_checklist(demo_store, Quarter(2023, 1), date(2023, 3, 31))
    on_screen = next(i for i in screen.items if "整改" in i.requirement.text)
    document, _ = _report(demo_store, ReportPeriod(2023, 1))
    row = next(r for r in document.appendices[0].rows if "整改" in r[1])
    # revjiwei3 J4: named as what they are, not as a 2023 inspection's
    assert row[3].startswith("巡察反馈的整改事项2件（均为往年延续）")
    said = on_screen.explanation.replace(" ", "")
    assert said.startswith("巡察反馈的整改事项2件（均为往年延续）")
    assert row[2] == on_screen.status.label


def test_a_requirement_checked_by_several_measures_is_told_once(store):
    """The county plan's talks are checked by count, coverage and share: the overview
    gives the plan's own number of requirements beside 附件1's rows, and section three
    and four each name such a requirement once, not once per measure."""
    from pathlib import Path

    from lianzheng_desktop.storage import plans

    text = (Path(__file__).resolve().parents[1] / "fixtures" / "plans" /
            "county-government-2022.txt").read_text(encoding="utf-8")
    plans.import_plan_text(store, text, 2022)
    for name, role in (("周书记", "书记"), ("甲", "班子成员"), ("乙", "党员")):
        store.add("roster", {"name": name, "role": role, "active": True})
    plan = plans.load_plan(store, 2022)
    document, texts = _report(store, ReportPeriod(2022, 3), date(2022, 9, 20))
    rows = document.appendices[0].rows
    overview = re.search(r"(\d+)项要求分(\d+)项指标核对", texts[PROBLEMS])
    assert overview, texts[PROBLEMS]
    assert (int(overview[1]), int(overview[2])) == (len(plan.requirements), len(rows))
    several = [r.text for r in plan.requirements if r.coverage or r.share]
    assert several  # the plan's talks: 约谈面达到100%，“一对一”的问题性约谈达到50%
    for requirement in several:
        assert texts[PROBLEMS].count(requirement) == 1, requirement
        assert texts[NEXT].count(requirement) <= 1, requirement
        assert sum(row[1] == requirement for row in rows) > 1  # 附件1 keeps a row a measure
    # the screen's summary counts alike
    from lianzheng_desktop.core.periods import Quarter

    summary = plans.load_checklist(store, Quarter(2022, 3), date(2022, 9, 20)).summary
    assert summary.startswith(f"本季度 {len(plan.requirements)} 项要求、{len(rows)} 项指标：")


def test_work_without_a_deadline_is_not_told_to_finish_in_time(store):
    """Only duties without a number are still open, with no record: "尚未开展", neither
    "尚在推进" (a reviewer: it says work is under way that no record shows) nor "须在期限内
    完成" that nothing in the list has."""
    from datetime import datetime

    from lianzheng_desktop.storage import plans

    store.clock = lambda: datetime(2024, 12, 31, 17)
    plans.import_plan_text(store, "2024年要点\n一、监督\n1.强化政治监督。\n", 2024)
    _, texts = _report(store, ReportPeriod(2024, 2))
    assert "年度工作要点中“强化政治监督”要求，截至2024年6月30日台账中尚无计入的工作记录。" \
        in texts[PROBLEMS], texts[PROBLEMS]
    assert "尚在推进" not in texts[PROBLEMS] and "须在期限内完成" not in texts[PROBLEMS]


def test_a_session_without_a_head_count_says_no_count(demo_store):
    """A reviewer's session entered without 参加人数 printed "（王建国主持，0人参加）"."""
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "年终警示教育", "host": "王建国"})
    duty = _report(demo_store, ReportPeriod(2022, 4))[1][DUTY]
    assert "12月20日观看警示教育片：年终警示教育（王建国主持）" in duty
    assert not re.search(r"(?<![\d.])0(次|人次|件|人)", duty), duty


def test_an_item_due_today_is_not_yet_missed_until_the_day_is_over(demo_store):
    """A reviewer's report written on an item's deadline day told the 纪委 it was missed
    ("到期仍未完成整改…重新明确整改时限") while 首页 said "今天到期": within a period still
    running, an item due today is still the team's; looked at afterwards, it was missed."""
    demo_store.add("rectification", {
        "number": "ZC-11", "source": "自查", "description": "食堂采购台账不完整",
        "owner": "张志强", "found_date": date(2022, 10, 10), "deadline": date(2022, 11, 15),
        "status": "整改中"})

    def said(now):
        demo_store.clock = lambda: now
        return _report(demo_store, ReportPeriod(2022, 4), date(2022, 11, 15))[1]

    texts = said(datetime(2022, 11, 15, 9, 0))
    assert "食堂采购台账不完整" not in texts[PROBLEMS]
    # … nor promised "于2022年11月15日前" on the day itself, nor in the program's words
    assert "按期推进“食堂采购台账不完整”的整改，由张志强负责，确保于今日（2022年11月15日）完成。" \
        in texts[NEXT], texts[NEXT]
    assert "整改时限当日" not in texts[NEXT]
    texts = said(datetime(2022, 11, 20, 9, 0))
    assert "整改事项“食堂采购台账不完整”整改时限为2022年11月15日，到期仍未完成整改。" \
        in texts[PROBLEMS], texts[PROBLEMS]


def test_on_its_last_day_a_paper_counts_deadlines_as_the_checklist_and_later_as_missed(
        demo_store):
    """revjiwei2 N3 had a period's last day count as over for deadlines too, so a paper made
    on 31 December said "2件到期未完成…重新明确整改时限" of an item due that day, while the
    checklist printed beside it (首页, JSON) said 今天到期 and 1件 (revjiwei3, J1): the
    owner could still close it that day. On the day it is not yet missed, as the checklist
    says; printed later it is, and then no step carries a date already gone."""
    from lianzheng_desktop.storage import plans

    def said(now):
        demo_store.clock = lambda: now
        return _report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 30))[1]

    texts = said(datetime(2022, 9, 30, 9, 0))
    checklist = plans.load_checklist(demo_store, Quarter(2022, 3), date(2022, 9, 30))
    row = next(i.explanation for i in checklist.items if "整改事项" in i.explanation)
    assert "尚在整改1件；" in row and "到期未完成" not in row, row  # none missed yet
    # said as it is that day (revdiff3, D8) — neither on time nor missed — by its date, not
    # "今日", which the paper's later reader cannot place (revjiwei5 F8)
    assert "尚在整改1件（其中1件整改时限为9月30日）；" in texts[DUTY], texts[DUTY]
    assert "今日" not in texts[DUTY]
    assert "到期未完成" not in texts[DUTY]
    assert "基层工会经费返还拨付不及时" not in texts[PROBLEMS], texts[PROBLEMS]
    # the next quarter's plan is not "确保于今日" but what follows either way (D3)
    assert ("核实整改事项“基层工会经费返还拨付不及时”（整改时限为2022年9月30日）的完成情况，由"
            "张志强负责：已按时完成的，及时开展“回头看”；未完成的，于2022年10月内重新明确整改"
            "时限、尽快销号。") in texts[NEXT], texts[NEXT]
    assert "今日" not in texts[NEXT]  # a plan for next quarter: no "today" in it (revlast2, 6)
    document = _report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 30))[0]
    [row] = [r for a in document.appendices for r in a.rows
             if len(r) > 1 and r[1] == "着力做好县委巡察整改工作"]
    assert "尚在整改1件（其中1件整改时限为9月30日）" in row[-1], row[-1]  # 附件1 alike
    texts = said(datetime(2022, 10, 8, 9, 0))
    assert "尚在整改1件（其中1件到期未完成）" in texts[DUTY]
    assert "整改事项“基层工会经费返还拨付不及时”整改时限为2022年9月30日，到期仍未完成整改。" \
        in texts[PROBLEMS]
    assert "抓紧完成逾期整改事项“基层工会经费返还拨付不及时”，由张志强负责，重新明确整改时限" \
        in texts[NEXT], texts[NEXT]
    assert "确保于" not in texts[NEXT] and "整改时限当日" not in texts[NEXT]


def test_ones_own_report_on_the_deadline_day_agrees_with_the_branchs(demo_store):
    """A reviewer read the branch report and 张志强's own, both made on an item's deadline
    day: the branch's said it was still to be done by that day, his said "到期仍未完成整改…
    重新明确整改时限". Both are handed in together; within the period it is not yet missed."""
    demo_store.add("rectification", {
        "number": "ZC-11", "source": "自查", "description": "食堂采购台账不完整",
        "owner": "张志强", "found_date": date(2022, 10, 10), "deadline": date(2022, 11, 15),
        "status": "整改中"})
    demo_store.clock = lambda: datetime(2022, 11, 15, 9, 0)

    def own():
        data = load_report_data(demo_store, ReportPeriod(2022, 4), date(2022, 11, 15),
                                person="张志强")
        return build_document(data).section_texts()

    texts = own()
    assert "按期推进“食堂采购台账不完整”的整改，确保于今日（2022年11月15日）完成。" in texts[NEXT]
    assert "食堂采购台账不完整" not in texts[PROBLEMS]
    branch = _report(demo_store, ReportPeriod(2022, 4), date(2022, 11, 15))[1]
    assert "食堂采购台账不完整" not in branch[PROBLEMS]
    demo_store.clock = lambda: datetime(2022, 11, 20, 9, 0)
    assert "整改事项“食堂采购台账不完整”整改时限为2022年11月15日，到期仍未完成整改。" \
        in own()[PROBLEMS]


def test_a_missed_duty_the_next_plan_asks_again_is_named_once_in_the_next_steps(demo_store):
    """With the 2023 plan in the file, the 2022 annual report's next steps listed
    "坚持每季度至少进行1次集中警示教育（本期未达到要求，须切实改进）" and then again
    "针对2022年…坚持每季度至少进行1次集中警示教育等…要求未落实到位的问题" (a reviewer)."""
    from lianzheng_desktop.storage import plans

    plans.start_new_year(demo_store, 2023, 2022)  # the same duties again
    nxt = _report(demo_store, ReportPeriod(2022))[1][NEXT]
    assert nxt.count("坚持每季度至少进行1次集中警示教育") == 1
    assert "坚持每季度至少进行1次集中警示教育（2022年度未达到要求，须切实改进）" in nxt
    assert nxt.count("全年召开不少于4次专题会议") == 1
    # the 巡察整改 duty is planned by its items' own steps, not by "提前谋划、按季度推进"
    # (revjiwei3 J2: 套话)
    assert "基层工会经费返还拨付不及时" in nxt and "提前谋划" not in nxt


def test_a_missed_count_of_items_is_planned_beside_the_items_own_steps(demo_store):
    """revjiwei10 K6: "年内督促整改…问题不少于4件" named in 三 as not met, then left out of
    下一步, which planned the overdue items one by one and every other missed count."""
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage import plans

    plans.add_requirement(demo_store, 2022, Requirement(
        item="9", text="年内督促整改作风建设方面的问题不少于8件",
        counts=Counts("rectification", (), "整改问题"), period=Period.YEAR, target=8))
    texts = _report(demo_store, ReportPeriod(2022))[1]
    assert "年内督促整改作风建设方面的问题不少于8件的要求没有落实到位" in texts[PROBLEMS]
    nxt = texts[NEXT]
    assert "基层工会经费返还拨付不及时" in nxt  # an overdue item's own step
    assert "“年内督促整改作风建设方面的问题不少于8件”" in nxt, nxt


def test_the_appendices_say_what_the_late_entry_mark_means(demo_store, tmp_path):
    """A secretary who back-filled the year on her first day printed "（补录）" on every
    line of 附件2, 3 and 5, and nothing in the report said what it means (a reviewer)."""
    import pdfplumber

    from lianzheng_desktop.app.reports import write_report

    demo_store.clock = lambda: datetime(2023, 1, 20, 9)
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "年终警示教育", "host": "王建国"})
    document, _ = _report(demo_store, ReportPeriod(2022, 4))
    sessions = document.appendices[1]
    assert any(row[0] == "12月20日（补录）" for row in sessions.rows)
    assert sessions.note == "注：日期后注“补录”的，是事情发生后超过7天才录入的记录。"
    for ledger in (document.appendices[n] for n in (1, 2, 4)):  # said where the mark is used
        assert bool(ledger.note) == any(row[0].endswith("（补录）") for row in ledger.rows)
    path = tmp_path / "q4.pdf"
    write_report(demo_store, ReportPeriod(2022, 4), path)
    with pdfplumber.open(path) as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages).replace("\n", "")
    assert "日期后注“补录”的，是事情发生后超过7天才录入的记录。" in text


# -- a 纪委 reader's findings on the wording (reviews/revjiwei.md) ----------------------

def test_a_session_without_a_head_count_is_not_summed_as_nought(demo_store):
    """F10: "本季度共开展集中警示教育3次、参加12人次" where one of the three had no head
    count: 12 is the sum over two, said so, not a total of all three."""
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "年终警示教育", "host": "王建国"})
    demo_store.add("warning_education", {"date": "2022-12-21", "form": "廉政党课",
                                         "topic": "廉政党课", "host": "王建国", "head_count": 10})
    q4 = _report(demo_store, ReportPeriod(2022, 4))[1][DUTY]
    assert "本季度共开展集中警示教育2次、参加10人次（其中1次参加人数未记录）。" in q4, q4
    year = _report(demo_store, ReportPeriod(2022))[1][DUTY]
    assert "共开展集中警示教育5次、参加44人次（其中1次参加人数未记录）" in year, year
    assert "未计入" not in q4 + year  # read as if the session were not counted


@pytest.mark.parametrize("as_of", [date(2022, 6, 30), date(2022, 9, 20)])
def test_a_duty_with_no_record_is_not_said_to_be_under_way(demo_store, as_of):
    """F5: eight duties with no record at all were "进行中" in 附件1 and "以下工作尚在推进"
    in section 三, and the next step was "及时形成工作记录": not started, and the next
    step is the work itself."""
    period = ReportPeriod(2022, 2 if as_of.month <= 6 else 3)
    document, texts = _report(demo_store, period, as_of)
    rows = {row[1]: row for row in document.appendices[0].rows}
    assert rows["强化政治监督"][2] == "尚未开展", rows["强化政治监督"]
    unrecorded = [row for row in rows.values() if "尚无相关记录" in row[3]]
    assert unrecorded and all(row[2] == "尚未开展" for row in unrecorded), unrecorded
    not_started = [line for line in texts[PROBLEMS].splitlines() if "强化政治监督" in line]
    assert len(not_started) == 1 and "尚无计入的工作记录" in not_started[0], texts[PROBLEMS]
    assert "尚在推进" not in not_started[0]
    step = next(line for line in texts[NEXT].splitlines() if "强化政治监督" in line)
    assert "逐项明确牵头人和具体措施，于2022年12月31日前落实到位" in step, step
    for period in PERIODS:  # a record for the record's sake is nowhere a next step
        assert "形成工作记录" not in _report(demo_store, period)[1][NEXT]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code)
def test_a_point_title_claims_no_duty_section_three_finds_unrecorded(demo_store, period):
    """F7: "六是强化日常监督" in section 一, and in 三 "严格党内监督、强化政治监督……台账中
    没有计入这些要求的工作记录": a point's title names the work done, not such a duty."""
    _, texts = _report(demo_store, period)
    titles = [re.sub(r"^[一二三四五六七八九十]+是", "", line).split("。")[0]
              for line in texts[DUTY].splitlines()[1:]]
    unrecorded = "".join(line for line in texts[PROBLEMS].splitlines()
                         if re.search("计入(这些要求)?的工作记录", line))
    assert "监督" in unrecorded, texts[PROBLEMS]  # the demo never records 强化政治监督
    assert not [t for t in titles if "监督" in t], titles
    if period == ReportPeriod(2022, 1):  # the 3月 排查 and 个人事项报告: named as such
        assert "抓好廉政风险防控和个人有关事项报告工作" in titles


def test_a_leader_files_his_own_personal_matters_report(demo_store):
    """F13: "组织领导干部个人事项报告，3人参加（本人参加）" in a 班子成员's own report (it
    was another's to organise): each leader 报告s his own; the branch organises them."""
    def duty(person=None):
        data = load_report_data(demo_store, ReportPeriod(2022, 1), person=person)
        return build_document(data).section_texts()[DUTY]

    own = duty("张志强")
    assert "3月30日按规定报告个人有关事项" in own, own
    assert "组织领导干部" not in own and "个人有关事项集中填报" not in own
    branch = duty()
    assert "3月30日组织领导干部报告个人有关事项，4名领导干部按时如实填报" in branch, branch
    assert "个人事项报告，" not in branch and "人参加" not in branch.split("个人有关事项")[1][:12]


def test_a_newcomers_report_starts_from_his_first_day(demo_store):
    """F20: one who took up the post on 20 November: no "2022年第四季度，本人认真履行
    “一岗双责”" over "尚无工作记录", and a next step from the data, not "严格对照年度工作
    要点，逐项抓好落实"."""
    demo_store.add("roster", {"name": "李四", "role": "班子成员", "post": "副主席",
                              "active": True, "joined_on": "2022-11-20"})
    data = load_report_data(demo_store, ReportPeriod(2022, 4), date(2022, 12, 10),
                            person="李四")
    texts = build_document(data).section_texts()
    assert texts[DUTY] == ("本人于2022年11月20日到岗。到岗以来，台账中尚无本人主持或参加的"
                           "党风廉政建设工作记录。"), texts[DUTY]
    assert "认真履行" not in texts[DUTY]
    # the branch's 警示教育全覆盖 has not reached him: his part of it, with its date
    assert "尚未覆盖本人" in texts[PROBLEMS]
    assert ("按要求参加警示教育，落实“做到党风廉政教育和警示教育全覆盖”的要求，须于"
            "2022年12月31日前完成") in texts[NEXT], texts[NEXT]
    assert "逐项抓好落实" not in texts[NEXT]


def test_overdue_items_are_told_in_the_order_of_their_deadlines(demo_store):
    """F19: the items past their time were told in the ledger's order (5-8, 3-10, 8-11…)."""
    for number, owner, deadline in (("ZC-1", "刘芳", "2022-08-31"), ("ZC-2", "赵明", "2022-07-15")):
        demo_store.add("rectification", {
            "number": number, "source": "巡察反馈", "description": f"自查问题{number}",
            "owner": owner, "found_date": "2022-04-01", "deadline": deadline,
            "status": "整改中"})
    _, texts = _report(demo_store, ReportPeriod(2022, 4))
    # three: a sentence each, in date order (in 三 within the 巡察整改 duty's problem)
    for section in (texts[PROBLEMS], texts[NEXT]):
        at = [section.index(words) for words in
              ("自查问题ZC-2", "自查问题ZC-1", "基层工会经费返还拨付不及时")]
        assert at == sorted(at), section


def test_the_secretarys_own_report_answers_as_first_responsible(demo_store):
    """F18: the 书记's own sections 三 and 四 were the branch report's, word for word."""
    def texts(person=None):
        data = load_report_data(demo_store, ReportPeriod(2022, 3), person=person)
        return build_document(data).section_texts()

    branch, own = texts(), texts("王建国")
    assert own[PROBLEMS] != branch[PROBLEMS] and own[NEXT] != branch[NEXT]
    assert "本人作为第一责任人，履行职责还有不到位的地方，本季度主要存在以下问题：" in own[PROBLEMS]
    assert "“基层工会经费返还拨付不及时”（张志强负责）" in own[PROBLEMS]
    # written on 31 December (the demo's clock), three months past the item's deadline
    assert "督促张志强抓紧完成逾期整改事项“基层工会经费返还拨付不及时”" in own[NEXT]
    assert own[NEXT].startswith("2022年第四季度，本人将重点抓好以下工作")


def test_openings_differ_from_period_to_period(demo_store):
    """F14: one opening sentence, word for word, in every report of the year."""
    openings = [_report(demo_store, period)[1][DUTY].splitlines()[0] for period in PERIODS]
    # the period's name differs anyway: the rest of the sentence must differ too
    rests = [line.removeprefix(period.label) for line, period in zip(openings, PERIODS,
                                                                     strict=True)]
    assert len(set(rests)) == len(rests), rests
    assert "摆在突出位置" not in "".join(openings)
    assert "召开专题会议1次" in openings[2]  # Q3: its own facts (9月16日 专题会议)


def test_a_next_step_does_not_only_restate_the_plan(demo_store):
    """F14: "四是坚持每季度至少进行1次集中警示教育。" as a next step is the plan copied:
    the next period's first act and its date are said."""
    nxt = _report(demo_store, ReportPeriod(2022, 2))[1][NEXT]
    assert "坚持每季度至少进行1次集中警示教育，2022年9月30日前至少开展集中警示教育1次" in nxt
    for line in nxt.splitlines()[1:]:
        assert not re.fullmatch(r"[一二三四五六七八九十]+是[^，]+。", line), line


def test_a_member_who_reported_on_his_duty_did_not_hear_the_reports(demo_store):
    """revdiff: 张志强's own annual report said "11月18日听取班子成员向党组报告履行“一岗双责”
    情况…（本人参加）" — he was one of the three who reported, not the one who heard them."""
    own = build_document(load_report_data(demo_store, ReportPeriod(2022), person="张志强"))
    duty = own.section_texts()[DUTY]
    assert "11月18日本人向党组报告履行“一岗双责”情况" in duty
    assert "听取班子成员向党组报告" not in duty
    head = build_document(load_report_data(demo_store, ReportPeriod(2022), person="王建国"))
    assert "听取班子成员向党组报告履行“一岗双责”情况" in head.section_texts()[DUTY]


def test_one_took_part_in_a_briefing_not_in_its_kind(demo_store):
    """revdiff: every leader's own report read "7月12日参加典型问题通报，传达学习县纪委关于…的
    通报" — one takes part in the 传达学习 itself."""
    own = build_document(load_report_data(demo_store, ReportPeriod(2022, 3), person="李秀梅"))
    text = "".join(own.section_texts().values())
    assert "7月12日参加传达学习县纪委关于违反中央八项规定精神典型问题的通报" in text
    assert "参加典型问题通报，" not in text
    assert "要求全体党员干部引以为戒" not in text  # the organiser's demand, not her act


def test_a_counted_duty_at_nought_is_not_said_to_be_under_way(demo_store):
    """revdiff: on 10 January 附件1 said "进行中 … 本季度尚未开展集中警示教育", and section 三 put
    five duties with nothing done "尚在推进" beside ten 尚未开展 ones."""
    demo_store.clock = lambda: datetime(2022, 1, 10, 9)
    document, texts = _report(demo_store, ReportPeriod(2022, 1), date(2022, 1, 10))
    rows = {row[1]: row[2] for row in document.appendices[0].rows}
    assert rows["坚持每季度至少进行1次集中警示教育"] == "尚未开展"
    assert rows["全年召开不少于4次专题会议"] == "尚未开展"
    problems = texts[PROBLEMS]
    # revjiwei3 J5: nothing due yet is no problem — section four says what each asks, by when
    assert "尚在推进" not in problems and "须在期限内完成" not in problems
    assert "坚持每季度至少进行1次集中警示教育，目前尚未开展" in texts[NEXT], texts[NEXT]


def test_a_co_host_is_said_to_have_chaired_in_his_own_report(demo_store):
    """revdiff: with 主持人 "高建军、马红梅", 高建军's own report said he had only attended
    ("（高建军、马红梅主持，本人参加）", "参加集中警示教育1次")."""
    session = next(s for s in demo_store.list("warning_education") if s.date.month in (7, 8, 9))
    values = to_values(LEDGERS["warning_education"], session)
    host = session.host
    other = next(p.name for p in demo_store.list("roster")
                 if p.role == "班子成员" and p.name != host and p.active)
    demo_store.update("warning_education", session.id, {**values, "host": f"{other}、{host}"})
    data = load_report_data(demo_store, ReportPeriod(2022, 3), person=other)
    duty = build_document(data).section_texts()[DUTY]
    assert f"（本人、{host}主持" in duty and "主持集中警示教育" in duty


def test_a_leader_not_yet_arrived_is_not_said_to_have_left(demo_store):
    """revdiff: a 班子成员 arriving on 1 September was told "已不在职" of the second quarter."""
    from lianzheng_desktop.core.errors import UserError

    demo_store.add("roster", {"name": "钱新", "role": "班子成员", "joined_on": "2022-09-01"})
    with pytest.raises(UserError, match="“钱新”2022年9月1日才到岗，2022年6月30日不在岗"):
        load_report_data(demo_store, ReportPeriod(2022, 2), person="钱新")


def test_a_topic_that_names_its_act_is_not_given_a_second_verb(demo_store):
    """revdiff: "10月11日开展对基层工会经费使用情况开展专项检查" (the branch's) and "参加协调解决
    问题，协调解决困难职工帮扶资金发放问题" (a member's)."""
    for kind, topic in (("督查检查", "对基层工会经费使用情况开展专项检查"),
                        ("协调解决问题", "协调解决困难职工帮扶资金发放问题")):
        demo_store.add("activity", {"date": "2022-10-11", "type": kind, "topic": topic,
                                    "host": "王建国", "attendees": "王建国、李秀梅"})
    branch = "".join(_report(demo_store, ReportPeriod(2022, 4))[1].values())
    assert "10月11日对基层工会经费使用情况开展专项检查" in branch
    assert "开展对基层" not in branch
    own = build_document(load_report_data(demo_store, ReportPeriod(2022, 4), person="李秀梅"))
    text = "".join(own.section_texts().values())
    assert "10月11日参加对基层工会经费使用情况的专项检查" in text
    assert "10月11日参与协调解决困难职工帮扶资金发放问题" in text


def test_one_meeting_kept_in_both_ledgers_is_told_with_one_head_count(demo_store):
    """revjiwei F9: a 以案促改专题会暨警示教育大会 kept as a 专题会议 (3 people) and as a 警示教育
    (6 people) read "…，3人参加" then "…（马红梅主持，6人参加）" in the same section."""
    for ledger, values in (
            ("activity", {"type": "专题会议", "attendees": "王建国、李秀梅、张志强"}),
            ("warning_education", {"form": "以案促改专题会", "host": "王建国",
                                   "attendees": "王建国、李秀梅、张志强、陈立新、刘芳、赵明",
                                   "head_count": 6})):
        demo_store.add(ledger, {"date": "2022-11-05", "topic": "以案促改专题会暨警示教育大会",
                                **values})
    duty = _report(demo_store, ReportPeriod(2022, 4))[1][DUTY]
    assert "以案促改专题会暨警示教育大会（与集中警示教育合并召开）" in duty
    assert "3人参加" not in duty.split("以案促改专题会暨警示教育大会")[1][:12]
    assert duty.count("6人参加") >= 1


def test_a_finished_act_after_a_preposition_is_not_made_a_noun():
    """"对…开展了检查" must not become "参加对…的了检查"."""
    from lianzheng_desktop.core.report_activities import _took_part

    assert "的了" not in _took_part("对基层工会经费使用情况开展了检查", "督查检查")


def test_ones_own_total_of_sessions_says_what_the_opening_says(demo_store):
    """张志强 attended all three of the year's sessions and hosted none: his opening said
    "参加集中警示教育3次", and point 二 "本年度本人主持或参加集中警示教育3次"."""
    duty = build_document(load_report_data(demo_store, ReportPeriod(2022), person="张志强")
                          ).section_texts()[DUTY]
    assert "参加集中警示教育3次" in duty.splitlines()[0]
    assert "本年度本人参加集中警示教育3次" in duty and "主持或参加集中警示教育" not in duty


def test_a_duty_s_items_are_one_problem_not_three(demo_store):
    """revjiwei4 K2: the 巡察整改 duty's row said "其中1件到期未完成" and three numbered
    problems later the same item had a sentence of its own; a 纪委 tallying the 问题 counted
    one item twice. Its overdue items and its 回头看 still owed are told in its problem."""
    _, texts = _report(demo_store, ReportPeriod(2022, 3))
    lines = texts[PROBLEMS].splitlines()
    for description in ("基层工会经费返还拨付不及时", "固定资产台账不健全，账实不符",
                        "困难职工帮扶资金发放公示不及时"):
        told = [line for line in lines if description in line]
        assert len(told) == 1 and "巡察整改工作的要求" in told[0], texts[PROBLEMS]
    duty = next(line for line in lines if "巡察整改工作的要求" in line)
    assert "（其中1件到期未完成）" in duty and "已完成整改尚未“回头看”3件" in duty
    assert re.search("“基层工会经费返还拨付不及时”整改时限为2022年9月30日，到期仍未完成整改", duty)
