"""Issue 14.4: each leader's own 述责述廉 report, and issue 13's per-person duty in the
report: the branch report names who has not met it; the person's own report says it of them."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from lianzheng_desktop.app.reports import prepare_report
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import plans

PLAN = ("2024年机关党支部工作要点\n一、责任落实\n1.一岗双责。班子成员每季度至少听取1次分管科室"
        "汇报。\n2.谈心谈话。每半年开展1次谈心谈话。\n")


@pytest.fixture
def unit(store):
    store.clock = lambda: datetime(2024, 12, 31, 17)
    for name, role, post in (("周书记", "书记", "党支部书记"), ("甲", "班子成员", "副主席"),
                             ("乙", "班子成员", "经审会主任"), ("丙", "班子成员", "副主席")):
        store.add("roster", {"name": name, "role": role, "post": post, "active": True})
    plans.import_plan_text(store, PLAN, 2024)
    for name in ("甲", "乙"):
        store.add("activity", {"date": "2024-02-01", "type": "听取汇报", "host": name,
                               "topic": f"{name}听取分管科室党风廉政建设情况汇报"})
    store.add("talk", {"date": "2024-03-01", "type": "谈心谈话", "talker": "甲",
                       "talkees": ["乙"]})
    return store


def appendix_row(document, words):
    return next(r for r in document.appendices[0].rows if words in r[1])


def test_the_branch_report_names_the_leader_who_has_not_met_a_duty(unit):
    document = prepare_report(unit, ReportPeriod(2024, 1)).document
    row = appendix_row(document, "班子成员")
    assert row[2] == "未完成" and "丙" in row[3]
    problems = next(s for s in document.sections if s.heading.startswith("三"))
    assert "丙" in problems.to_text()


def test_a_leaders_own_report_holds_their_records_and_duties(unit):
    prepared = prepare_report(unit, ReportPeriod(2024, 1), person="甲")
    document = prepared.document
    assert document.title == "甲同志2024年第一季度述责述廉报告"
    assert document.closing[0].endswith("甲") and "副主席" in document.closing[0]
    assert [r[2] for r in document.appendices[0].rows] == ["已完成"]  # only 甲's own duty
    assert [a.topic for a in prepared.data.activities] == ["甲听取分管科室党风廉政建设情况汇报"]
    assert [t.talker for t in prepared.data.talks] == ["甲"]
    duty = next(s for s in document.sections if s.heading.startswith("一")).to_text()
    assert "本人认真履行“一岗双责”" in duty and "乙听取" not in duty
    own = prepare_report(unit, ReportPeriod(2024, 1), person="丙").document
    assert [r[2] for r in own.appendices[0].rows] == ["未完成"]
    # one's own duty in one's own voice, nothing done said as not done
    assert own.appendices[0].rows[0][3] == "本人未听取汇报，要求不少于1次，未达到要求。"
    assert "本人听取汇报1次" in document.appendices[0].rows[0][3]


def test_a_person_not_on_the_roster_is_refused_in_chinese(unit):
    with pytest.raises(UserError, match="人员名册中没有“丁”"):
        prepare_report(unit, ReportPeriod(2024, 1), date(2024, 3, 31), person="丁")


def test_the_secretarys_own_report_answers_for_the_whole_branch(unit):
    """The 书记 is 第一责任人 (and 整改第一责任人): their report's 附件1, problems and next
    steps are the branch's, the rectification items everyone's; the records, their own."""
    unit.add("rectification", {"source": "巡察反馈", "found_date": "2024-01-10",
                                "description": "经费报销审核不严", "owner": "乙",
                                "deadline": "2024-03-01", "status": "整改中"})
    branch = prepare_report(unit, ReportPeriod(2024, 1)).document
    prepared = prepare_report(unit, ReportPeriod(2024, 1), person="周书记")
    document = prepared.document
    assert document.appendices[0].rows == branch.appendices[0].rows
    row = appendix_row(document, "班子成员")
    assert row[2] == "未完成" and "丙" in row[3]
    problems = next(s for s in document.sections if s.heading.startswith("三")).to_text()
    assert "没有对本人单独提出量化任务" not in problems
    assert "丙" in problems and "经费报销审核不严" in problems
    steps = next(s for s in document.sections if s.heading.startswith("四")).to_text()
    # another's item, named; the 书记 answers for it as 第一责任人: she 督促s its owner
    assert "督促乙抓紧完成逾期整改事项“经费报销审核不严”" in steps and "由乙负责" not in steps
    assert "本人作为第一责任人，履行职责还有不到位的地方，本季度主要存在以下问题：" in problems
    assert "“经费报销审核不严”（乙负责）" in problems
    assert prepared.data.activities == [] and prepared.data.talks == []  # held by others
    duty = next(s for s in document.sections if s.heading.startswith("一")).to_text()
    assert "本人认真履行第一责任人职责" in duty and "甲听取" not in duty
    assert ("本人作为整改第一责任人，对巡察反馈的1个问题逐项明确责任人和整改时限，"
            "督促推进整改") in duty
    assert "本人负责" not in duty  # the item is 乙's


def test_a_leaders_report_holds_what_they_attended_marked_as_such(unit):
    """张 did not host the session or the meeting but was there: both are part of their
    述廉, said as "本人参加", and the appendices say they hold this person's records."""
    unit.add("warning_education", {"date": "2024-03-05", "form": "观看警示教育片",
                                   "topic": "观看警示教育片《零容忍》", "host": "周书记",
                                   "attendees": ["甲", "乙", "丙"]})
    unit.add("activity", {"date": "2024-03-10", "type": "专题会议", "host": "周书记",
                          "topic": "研究部署党风廉政建设工作", "attendees": ["甲", "乙"]})
    document = prepare_report(unit, ReportPeriod(2024, 1), person="乙").document
    duty = next(s for s in document.sections if s.heading.startswith("一")).to_text()
    assert "（周书记主持，本人参加，共3人）" in duty
    # held by 周书记: 乙 took part ("参加"), not "召开…（本人参加）" as if 乙 had held it
    assert "3月10日参加党风廉政建设专题会议，研究部署党风廉政建设工作（周书记主持，共2人）" in duty
    assert "召开" not in duty
    titles = [a.title for a in document.appendices]
    assert "警示教育台账（本人主持或参加）" in titles[1]
    # no talk of 乙's, no item of 乙's: no empty tables printed, said in section 一 instead
    assert not [t for t in titles if "谈话记录台账" in t or "整改事项台账" in t], titles
    assert "未附相应台账" not in duty and "本人开展的谈话记录" not in duty  # not 履责情况
    assert [t[:3] for t in titles] == ["附件1", "附件2", "附件3"]  # numbered in turn
    assert [r[2] for r in document.appendices[1].rows] == ["观看警示教育片《零容忍》"]
    branch = prepare_report(unit, ReportPeriod(2024, 1)).document
    assert "本人" not in next(s for s in branch.sections if s.heading.startswith("一")).to_text()
    assert branch.appendices[1].title.endswith("警示教育台账")


def test_only_a_leader_in_post_on_the_reports_date_writes_an_own_report(unit):
    """A 党员 has no own 述责述廉 report; a leader who has left has one for the quarters at
    whose end he was in post, and a sentence, not a report claiming no duties, after."""
    unit.add("roster", {"name": "丁", "role": "党员", "active": True})
    with pytest.raises(UserError, match="“丁”在人员名册中是党员"):
        prepare_report(unit, ReportPeriod(2024, 1), date(2024, 3, 31), "丁")
    [gone] = [p for p in unit.list("roster") if p.name == "甲"]
    unit.update("roster", gone.id, {"name": "甲", "role": "班子成员", "post": "副主席",
                                    "active": False, "left_on": "2024-05-10"})
    q1 = prepare_report(unit, ReportPeriod(2024, 1), date(2024, 12, 31), "甲")
    assert "听取" in q1.document.section_texts()["一、履行全面从严治党（党风廉政建设）责任情况"]
    for period in (ReportPeriod(2024, 2), ReportPeriod(2024)):  # how to get it, said
        with pytest.raises(UserError, match="“甲”已于2024年5月10日离岗.*可把报告日期定在其在岗的"
                           "最后一天（命令行加 --as-of 2024-05-10"):
            prepare_report(unit, period, date(2024, 12, 31), "甲")
    half = prepare_report(unit, ReportPeriod(2024, 2), date(2024, 5, 10), "甲")  # as said
    assert half.data.person is not None and half.data.person.name == "甲"
    with pytest.raises(UserError, match="可选其在岗期间的季度或年度"):
        prepare_report(unit, ReportPeriod(2024, 3), date(2024, 9, 30), "甲")


def test_a_leaders_annual_report_counts_each_quarter_not_the_last_alone(unit):
    """甲 heard a report in Q1, Q2 and Q3 but not Q4: the year's own line says so quarter
    by quarter; before, it showed Q4's nought alone beside the three in section one."""
    for day in ("2024-05-10", "2024-08-10"):
        unit.add("activity", {"date": day, "type": "听取汇报", "host": "甲",
                              "topic": "甲听取分管科室党风廉政建设情况汇报"})
    document = prepare_report(unit, ReportPeriod(2024), person="甲").document
    row = appendix_row(document, "班子成员")
    assert row[2] == "未完成"
    assert row[3] == ("本人听取汇报：第一季度1次、第二季度1次、第三季度1次、第四季度0次，"
                      "要求每季度不少于1次，第四季度未达到要求。")
    # the branch's row says who missed which quarter, not "第一季度：本季度…"
    branch = appendix_row(prepare_report(unit, ReportPeriod(2024)).document, "班子成员")[3]
    assert branch.startswith("第一季度丙未达到要求，第二季度乙、丙未达到要求")
    assert "本季度" not in branch


def test_a_leader_behind_is_behind_in_their_own_report_too(unit):
    """Late in a quarter, 乙 has heard no report yet: behind, as the branch's report says,
    never '尚未听取…尚在推进' beside the branch's 滞后."""
    unit.clock = lambda: datetime(2024, 6, 20, 17)
    leaders = next(r for r in plans.load_plan(unit, 2024).requirements if "班子成员" in r.text)
    plans.update_requirement(unit, replace(leaders, target=2))  # 2 a quarter: 1 by June
    branch = appendix_row(prepare_report(unit, ReportPeriod(2024, 2), as_of=date(2024, 6, 20)
                                         ).document, "班子成员")
    assert branch[2] == "滞后"
    own = appendix_row(prepare_report(unit, ReportPeriod(2024, 2), person="乙",
                                      as_of=date(2024, 6, 20)).document, "班子成员")
    assert own[2] == "滞后"
    assert own[3] == "本人尚未听取汇报，要求不少于2次，进度滞后，须于6月30日前完成。"


def test_next_steps_name_a_duty_of_each_still_owed(unit):
    """Mid-quarter, 丙 has not yet heard a report: 下一步 says who still owes it (the
    branch's report) or how many are left (丙's own), not nothing at all."""
    unit.clock = lambda: datetime(2024, 2, 15, 17)
    day = date(2024, 2, 15)

    def next_steps(person=None):
        document = prepare_report(unit, ReportPeriod(2024, 1), as_of=day,
                                  person=person).document
        return next(s for s in document.sections if s.heading.startswith("四")).to_text()

    assert "丙还需1次，须于2024年3月31日前完成" in next_steps()
    assert "本人尚需1次，须于2024年3月31日前完成" in next_steps("丙")


def test_own_next_steps_are_ones_own_and_never_a_negative_count(unit):
    """The 书记's own report carries the branch's duties: one 丙 owes is 丙's, not "本人尚需"
    of the 书记. 甲's annual report in August, Q1–Q3 each met: no "本人尚需-2次"."""
    unit.clock = lambda: datetime(2024, 2, 15, 17)

    def next_steps(period, person, day):
        document = prepare_report(unit, period, as_of=day, person=person).document
        return next(s for s in document.sections if s.heading.startswith("四")).to_text()

    secretary = next_steps(ReportPeriod(2024, 1), "周书记", date(2024, 2, 15))
    assert "督促丙再完成1次，须于2024年3月31日前完成" in secretary and "本人尚需" not in secretary
    unit.clock = lambda: datetime(2024, 8, 15, 17)
    for day in ("2024-05-10", "2024-08-10"):
        unit.add("activity", {"date": day, "type": "听取汇报", "host": "甲",
                              "topic": "甲听取分管科室党风廉政建设情况汇报"})
    assert "尚需-" not in next_steps(ReportPeriod(2024), "甲", date(2024, 8, 15))


def test_a_leader_who_came_in_the_last_quarter_met_the_year_in_post(unit):
    """丁 came on 8 October and heard a report in November: the finished year's own line is
    met in the quarters in post, not "进行中 … 至今"."""
    unit.add("roster", {"name": "丁", "role": "班子成员", "active": True,
                        "joined_on": "2024-10-08"})
    unit.add("activity", {"date": "2024-11-10", "type": "听取汇报", "host": "丁",
                          "topic": "丁听取分管科室汇报"})
    row = appendix_row(prepare_report(unit, ReportPeriod(2024), person="丁").document, "班子成员")
    assert row[2] == "已完成"
    assert row[3] == "本人听取汇报：第四季度1次，要求每季度不少于1次，在岗的各个季度均达到要求。"


def test_a_year_missed_in_one_quarter_still_owes_the_quarter_running(unit):
    """Written on 15 November: 甲 missed Q2 and Q3, Q4 is still open. The year is not met,
    and yet this quarter is still owed by 31 December (before, it was only put off to the
    next year, beside the quarterly report of the same day asking it by the 31st)."""
    unit.clock = lambda: datetime(2024, 11, 15, 17)
    day = date(2024, 11, 15)
    own = prepare_report(unit, ReportPeriod(2024), as_of=day, person="甲").document
    row = appendix_row(own, "班子成员")
    assert row[3].endswith("第二季度、第三季度未达到要求，第四季度尚未完成。"), row[3]
    steps = next(s for s in own.sections if s.heading.startswith("四")).to_text()
    assert "本人尚需1次，须于2024年12月31日前完成" in steps
    branch = prepare_report(unit, ReportPeriod(2024), as_of=day).document
    steps = next(s for s in branch.sections if s.heading.startswith("四")).to_text()
    assert "甲、乙、丙各还需1次，须于2024年12月31日前完成" in steps


def test_the_secretarys_own_duty_reads_as_his_own_in_his_report(store):
    """A duty of the 书记 alone, in his own report: "本人听取汇报…", not "书记听取汇报：周书记0次
    …周书记未完成" of himself in the third person."""
    store.clock = lambda: datetime(2024, 12, 31, 17)
    store.add("roster", {"name": "周书记", "role": "书记", "post": "党支部书记", "active": True})
    plans.import_plan_text(store, "2024年要点\n一、责任\n1.党支部书记每季度至少听取1次班子成员"
                                  "汇报。\n", 2024)
    assert plans.load_plan(store, 2024).requirements[0].role is not None
    document = prepare_report(store, ReportPeriod(2024, 1), person="周书记").document
    row = document.appendices[0].rows[0]
    assert row[3].startswith("本人") and "周书记" not in row[3], row


def test_a_leader_without_a_duty_of_his_own_is_told_of_his_items_in_section_three(
        demo_store):
    """Section 三 of a 班子成员 with no per-person duty said only "年度工作要点中没有逐人落实
    到本人的量化要求。" — not a problem, and silent on his own 整改 (a reviewer)."""
    from lianzheng_desktop.core.report_model import SECTION_HEADINGS

    on_time = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20), "张志强")
    assert on_time.document.section_texts()[SECTION_HEADINGS[2]] == (
        "年度工作要点没有对本人单独提出量化任务；本人负责的1件整改事项尚未完成，仍在整改时限内。")
    late = prepare_report(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31), "张志强")
    problems = late.document.section_texts()[SECTION_HEADINGS[2]]
    assert problems.startswith("年度工作要点没有对本人单独提出量化任务。")  # past due:
    assert "基层工会经费返还拨付不及时" in problems  # named below as a problem instead


def test_the_discipline_members_own_report_names_his_oversight(unit):
    """revjiwei8 M: the 纪检委员's paper spoke only of 一岗双责, never of his 监督责任."""
    def opening(name):
        document = prepare_report(unit, ReportPeriod(2024, 1), person=name).document
        return next(s for s in document.sections if s.heading.startswith("一")).to_text()

    [watcher] = [p for p in unit.list("roster") if p.name == "乙"]
    unit.update("roster", watcher.id, {**vars(watcher), "post": "党支部纪检委员、经审会主任"})
    assert "本人认真履行监督责任和“一岗双责”" in opening("乙")
    assert "本人认真履行“一岗双责”" in opening("甲")  # another 班子成员, as before
    [secretary] = [p for p in unit.list("roster") if p.name == "周书记"]
    unit.update("roster", secretary.id, {**vars(secretary), "post": "党支部书记兼纪检委员"})
    unit.add("talk", {"date": "2024-03-05", "type": "谈心谈话", "talker": "周书记",
                      "talkees": ["丙"]})
    assert "本人认真履行第一责任人职责和监督责任" in opening("周书记")
