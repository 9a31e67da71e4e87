"""Sentences two reviewers marked reading reports line by line as the county 纪委 would
(/work/reviews/revoffice.md, revyear.md): each test names the finding and checks the
sentence a reader sees."""

import re
from dataclasses import asdict, replace
from datetime import date

from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement, Role
from lianzheng_desktop.core.records import Activity, WarningSession
from lianzheng_desktop.core.report_activities import _one_activity, _session
from lianzheng_desktop.core.report_content import build_document
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.reports import load_report_data

DUTY, PERSONAL, PROBLEMS, NEXT = SECTION_HEADINGS


def _texts(data):
    return build_document(data).section_texts()


def _point(text: str, starts: str) -> str:
    """The line of section 一 whose point begins with ``starts`` (after 一是/二是…)."""
    return next(line for line in text.splitlines() if line[2:].startswith(starts))


# -- revoffice F14: the 书记 with no post on the roster ------------------------------

def test_the_secretary_without_a_post_signs_as_the_branchs_secretary(demo_store):
    data = load_report_data(demo_store, ReportPeriod(2022, 3), person="王建国")
    data = replace(data, person=replace(data.person, post=""))  # as the first start adds him
    document = build_document(data)
    # not "县总工会书记" (the union's 党组书记, a title he was not given)
    assert document.closing[0] == "县总工会机关党支部书记\u3000王建国"
    assert document.meta == ["（2022年第三季度）", "县总工会机关党支部书记\u3000王建国"]
    # a post held in the unit is still signed as such
    held = build_document(load_report_data(demo_store, ReportPeriod(2022, 3), person="王建国"))
    assert held.closing[0] == "县总工会机关党支部书记、县总工会党组书记、常务副主席\u3000王建国"


# -- revoffice F9: "占应谈N人" only against the plan's own standard -----------------

def test_talk_coverage_is_measured_only_against_a_standard_the_plan_sets(demo_store):
    data = load_report_data(demo_store, ReportPeriod(2022))
    # the demo plan asks talks every half-year, no coverage: two talks reach 3 of the 10
    few = replace(data, talks=data.talks[:2])
    assert _point(_texts(few)[DUTY], "抓实").endswith(
        "本年度共开展各类谈话2次、5人次；谈话覆盖党员干部3人。")
    # the whole year's talks reach all 10: said so, with no standard invented
    assert _point(_texts(data)[DUTY], "抓实").endswith("；谈话覆盖除书记外的全体党员干部10人。")
    # a plan that asks talks to reach everyone: the share against it
    talk_cover = Requirement(item="9", text="谈心谈话全覆盖", counts=Counts("talk"),
                             period=Period.YEAR, coverage=100)
    items = [replace(i, requirement=talk_cover) if i.measure == "coverage" else i
             for i in few.checklist.items]
    asked = replace(few, checklist=replace(few.checklist, items=items))
    assert _point(_texts(asked)[DUTY], "抓实").endswith(
        "；谈话覆盖党员干部3人，占应谈10人的30%。")


# -- revoffice F6: a plan with no requirement ----------------------------------------

def test_a_plan_with_nothing_to_check_is_not_checked_against(demo_store):
    data = load_report_data(demo_store, ReportPeriod(2022))
    empty = replace(data, checklist=replace(data.checklist, items=[]))
    texts = _texts(empty)
    assert texts[DUTY].splitlines()[0] == (
        "2022年度，县总工会机关党支部认真履行管党治党主体责任，召开专题会议3次、"
        "开展集中警示教育3次、开展谈话8次（18人次）、推进整改事项6件。")
    problems = texts[PROBLEMS].splitlines()
    assert "对照年度工作要点" not in texts[PROBLEMS]
    assert problems[:2] == [
        "本年度主要存在以下问题：",
        "一是年度党风廉政建设工作任务没有逐项细化为具体要求，未明确完成时限和责任人，"
        "工作落实缺少逐项对照检查的依据。"]
    assert texts[NEXT].splitlines()[1] == (
        "一是对照2023年度工作要点，把党风廉政建设工作任务逐项细化为具体要求，"
        "明确牵头人、具体措施和完成时限，按季度对照检查。")
    # a member's own report of such a plan: no duty "对照" it either
    own = load_report_data(demo_store, ReportPeriod(2022), person="张志强")
    own = replace(own, checklist=replace(own.checklist, items=[]),
                  branch_checklist=replace(own.branch_checklist, items=[]))
    assert _texts(own)[PROBLEMS].splitlines()[0] == (
        "年度工作要点尚未逐人明确本人的党风廉政建设工作任务。")
    # with requirements, the opening is against them
    assert _texts(data)[DUTY].startswith(
        "2022年度，县总工会机关党支部认真履行管党治党主体责任，对照年度工作要点抓好落实，"
        "召开专题会议3次")


# -- revoffice F11: a member's quarter claims only the quarter's 整改 ------------------

def test_a_members_quarter_does_not_claim_an_item_finished_before_it(demo_store):
    # 陈立新's XC-2022-01: finished 5月26日, reviewed 9月20日 — the third quarter's work
    q3 = _texts(load_report_data(demo_store, ReportPeriod(2022, 3), person="陈立新"))[DUTY]
    assert "本人负责巡察反馈的整改事项1件" in q3
    q4 = _texts(load_report_data(demo_store, ReportPeriod(2022, 4), person="陈立新"))[DUTY]
    assert "整改" not in q4, q4
    # the branch tells its ledger as it stands, and that none was finished this quarter
    q4_branch = _texts(load_report_data(demo_store, ReportPeriod(2022, 4)))[DUTY]
    assert "已完成整改4件（均在本季度以前完成）" in q4_branch


# -- revoffice F8: verbs said once, a meeting 召开ed ---------------------------------

def test_a_topic_with_its_own_verb_is_not_given_it_twice():
    pledge = Activity(date=date(2026, 9, 1), type="廉政承诺", topic="审计组成员签订廉洁承诺书",
                      attendees=("张志远", "马骏", "李红梅"))
    assert _one_activity(pledge, True) == "9月1日组织审计组成员签订廉洁承诺书，3人参加"
    plain = replace(pledge, topic="2026年度党风廉政建设责任书")
    assert _one_activity(plain, True) == "9月1日组织签订2026年度党风廉政建设责任书，3人参加"
    # a plan's own type that is an act with its subject (revyear F7): not "开展高建军向…"
    report = Activity(date=date(2027, 1, 20), type="向党支部汇报", host="高建军",
                      topic="高建军向党支部汇报履行一岗双责情况", attendees=("高建军", "马红梅"))
    assert _one_activity(report, True) == "1月20日高建军向党支部汇报履行一岗双责情况"
    assert _one_activity(report, True, me="高建军") == "1月20日本人向党支部汇报履行一岗双责情况"


def test_a_life_meeting_or_a_report_with_its_own_verb_is_not_given_another():
    """A school's paper printed "10月20日召开召开2026年下半年民主生活会" and "11月24日开展陈建华
    向党支部汇报…" (a plan's type 向党组织汇报, its topic worded 向党支部; revnew N-rep-1, -2)."""
    life = Activity(date=date(2026, 10, 20), type="民主生活会",
                    topic="召开2026年下半年民主生活会", attendees=("甲", "乙", "丙"))
    assert _one_activity(life, True) == "10月20日召开2026年下半年民主生活会，3人参加"
    named = replace(life, topic="2026年下半年民主生活会")
    assert _one_activity(named, True) == "10月20日召开2026年下半年民主生活会，3人参加"
    report = Activity(date=date(2026, 11, 24), type="向党组织汇报", host="褚红梅",
                      topic="陈建华向党支部汇报思想工作学习情况", attendees=("陈建华",))
    assert _one_activity(report, True).startswith("11月24日陈建华向党支部汇报思想工作学习情况")


def test_a_case_meeting_named_by_its_case_is_held():
    session = WarningSession(date=date(2026, 9, 20), form="以案促改专题会",
                             topic="审计人员违反“八不准”典型案例以案促改", host="王建国",
                             head_count=4)
    assert _session(session) == (
        "9月20日召开审计人员违反“八不准”典型案例以案促改专题会（王建国主持，4人参加）")


def test_a_plans_own_meetings_are_held_under_party_life_not_oversight(demo_store):
    data = load_report_data(demo_store, ReportPeriod(2022, 4))
    meetings = [Activity(date=date(2022, 10, 25), type="党员大会召开", topic="10月党员大会",
                         host="王建国", attendees=("王建国", "刘芳", "赵明")),
                Activity(date=date(2022, 11, 8), type="集中学习", topic="《党纪处分条例》",
                         host="王建国", attendees=("王建国", "刘芳", "赵明"))]
    duty = _texts(replace(data, activities=meetings))[DUTY]
    assert _point(duty, "严格党的组织生活") == (
        "三是严格党的组织生活。10月25日召开10月党员大会，3人参加；"
        "11月8日组织学习《党纪处分条例》，3人参加。"), duty
    assert "督查检查" not in duty


# -- revyear F1: a period not yet over ---------------------------------------------

def test_a_period_not_over_says_to_which_day_on_its_first_page(demo_store):
    early = build_document(load_report_data(demo_store, ReportPeriod(2022, 4),
                                            date(2022, 12, 20)))
    signer = "县总工会机关党支部书记、县总工会党组书记、常务副主席\u3000王建国"  # two lines
    assert early.meta == ["（2022年第四季度，截至12月20日）", signer]
    assert early.section_texts()[DUTY].startswith(
        "2022年第四季度（截至12月20日），县总工会机关党支部认真履行管党治党主体责任，")
    over = build_document(load_report_data(demo_store, ReportPeriod(2022, 4)))
    assert over.meta == ["（2022年第四季度）", signer]
    assert over.section_texts()[DUTY].startswith("2022年第四季度，县总工会机关党支部")


# -- revyear F7: the next year's first steps ---------------------------------------

def _next_plan_steps(demo_store, requirements, person=None):
    data = load_report_data(demo_store, ReportPeriod(2022), person=person)
    if person is not None:  # one's own report reads the plan's duties of each
        requirements = [r for r in requirements if r.role and r.role.per_person]
    plan = Plan(2023, requirements)
    return _texts(replace(data, next_plan=plan))[NEXT]


ONCE_A_YEAR = Requirement(item="6", text="书记每年对班子成员开展廉政谈话不少于1次",
                          counts=Counts("talk", ("廉政谈话",), "廉政谈话"), period=Period.YEAR,
                          target=1, role=Role.FIRST_RESPONSIBLE)
EACH_QUARTER = Requirement(item="5", text="班子成员每季度向党支部报告一次履行“一岗双责”情况",
                           counts=Counts("activity", ("向党支部汇报",), "向党支部汇报"),
                           period=Period.QUARTER, target=1, role=Role.LEADERSHIP_MEMBER)


def test_next_steps_keep_a_yearly_duty_to_the_year_and_a_duty_of_each_to_each(demo_store):
    text = _next_plan_steps(demo_store, [ONCE_A_YEAR, EACH_QUARTER])
    assert ("书记每年对班子成员开展廉政谈话不少于1次，2023年12月31日前至少开展廉政谈话1次。"
            in text), text
    assert ("班子成员每季度向党支部报告一次履行“一岗双责”情况，2023年3月31日前每名班子成员"
            "至少向党支部汇报1次。" in text), text
    own = _next_plan_steps(demo_store, [ONCE_A_YEAR, EACH_QUARTER], person="张志强")
    assert "2023年3月31日前本人至少向党支部汇报1次。" in own, own


FORMS = Requirement(item="7", text="按季度填写纪实表，并于每季季末次月7日前交纪检委员",
                    counts=Counts("activity", ("报送纪实表",), "报送纪实表"),
                    period=Period.QUARTER, target=1)
SUMMARY = Requirement(item="8", text="全年报送1次工作总结，于次年1月15日前报送",
                      counts=Counts("activity", ("报送工作总结",), "报送工作总结"),
                      period=Period.YEAR, target=1)


def test_next_steps_give_a_return_the_plans_own_deadline(demo_store):
    """revjiwei8 E: the next quarter's form due 季末次月7日前 was pledged "2023年3月31日前",
    the year's summary due 次年1月15日前 "2023年12月31日前"."""
    text = _next_plan_steps(demo_store, [FORMS, SUMMARY])
    assert "2023年4月7日前至少报送纪实表1次。" in text, text
    assert "2024年1月15日前至少报送工作总结1次。" in text, text


# -- revyear F8: a member's item awaiting its 回头看 ---------------------------------

def test_a_members_item_awaiting_its_review_opens_his_problems(demo_store):
    item = next(i for i in demo_store.list("rectification") if i.number == "XC-2022-05")
    demo_store.update("rectification", item.id, {**asdict(item), "status": "已完成",
                                                 "completed_date": date(2022, 12, 20)})
    texts = _texts(load_report_data(demo_store, ReportPeriod(2022), person="张志强"))
    # finished 81 days past its 整改时限 (9月30日): said with it, once (revjiwei9 J6,
    # revlast12 R4)
    assert ("本人负责的整改事项“基层工会经费返还拨付不及时”整改时限为2022年9月30日，12月20日才"
            "完成整改，超过整改时限81天，尚未开展“回头看”，整改成效还有待检验。"
            ) in texts[PROBLEMS], texts[PROBLEMS]
    assert texts[PROBLEMS].count("基层工会经费返还拨付不及时") == 1
    assert "对“基层工会经费返还拨付不及时”开展整改“回头看”，巩固整改成效。" in texts[NEXT]
    # reviewed: nothing awaits
    demo_store.update("rectification", item.id, {**asdict(item), "status": "已完成",
                                                 "completed_date": date(2022, 12, 20),
                                                 "review_date": date(2022, 12, 28)})
    texts = _texts(load_report_data(demo_store, ReportPeriod(2022), person="张志强"))
    assert "回头看" not in texts[PROBLEMS] + texts[NEXT]


def test_a_monthly_duty_of_each_missed_asks_the_months_still_ahead(demo_store):
    """revjiwei8 L: the Q4 paper of 11月30日 put "每名班子成员每月至少参加1次廉政学习",
    missed by one member in October, off "在2023年工作中…按季度推进": December was ahead."""
    from lianzheng_desktop.storage.plans import add_requirement

    add_requirement(demo_store, 2022, Requirement(
        item="9", text="每名班子成员每月至少参加1次廉政学习",
        counts=Counts("activity", ("廉政学习",), "廉政学习"), period=Period.MONTH, target=1,
        role=Role.LEADERSHIP_MEMBER))
    [october] = [a for a in demo_store.list("activity")
                 if a.type == "廉政学习" and a.date == date(2022, 10, 27)]
    demo_store.update("activity", october.id, {
        **asdict(october), "attendees": [n for n in october.attendees if n != "陈立新"]})
    steps = _texts(load_report_data(demo_store, ReportPeriod(2022, 4),
                                    date(2022, 11, 30)))[NEXT]
    assert ("12月每名班子成员至少参加廉政学习1次（10月陈立新未达到要求，须切实改进），"
            "须于2022年12月31日前完成。") in steps, steps
    assert "2023年工作中" not in steps


def test_ones_own_missed_months_are_said_in_one_run(demo_store):
    """revdiff8 15: "（1月未达到要求；2月未达到要求；3月未达到要求；…）" in one's own paper."""
    from lianzheng_desktop.storage.plans import add_requirement

    add_requirement(demo_store, 2022, Requirement(
        item="9", text="每名班子成员每月至少参加1次廉政学习",
        counts=Counts("activity", ("廉政学习",), "廉政学习"), period=Period.MONTH, target=1,
        role=Role.LEADERSHIP_MEMBER))
    for study in demo_store.list("activity"):  # not there in January to March
        if study.type == "廉政学习" and study.date.month <= 3:
            demo_store.update("activity", study.id, {**asdict(study), "attendees": [
                n for n in study.attendees if n != "陈立新"]})
    steps = _texts(load_report_data(demo_store, ReportPeriod(2022), date(2022, 11, 30),
                                    person="陈立新"))[NEXT]
    [line] = [s for s in steps.splitlines() if "12月本人至少参加廉政学习1次" in s]
    assert "（1月至3月、9月未达到要求，须切实改进）" in line, line


def test_next_years_step_of_a_duty_to_take_part_says_take_part(demo_store):
    """revyear4 Y2: "每名班子成员每月至少参加1次廉政学习" was pledged as "至少组织廉政学习1次"."""
    study = Requirement(item="9", text="每名班子成员每月至少参加1次廉政学习",
                        counts=Counts("activity", ("廉政学习",), "廉政学习"),
                        period=Period.MONTH, target=1, role=Role.LEADERSHIP_MEMBER)
    text = _next_plan_steps(demo_store, [study])
    assert "每名班子成员至少参加廉政学习1次" in text, text


def test_the_next_quarters_plan_asks_no_years_return(demo_store):
    """revyear4 Y8: the fourth quarter's paper pledged for 2023年一季度 the 2023 总结 by
    "2024年1月15日前"; the quarter's own form stays asked."""
    data = load_report_data(demo_store, ReportPeriod(2022, 4))
    text = _texts(replace(data, next_plan=Plan(2023, [FORMS, SUMMARY])))[NEXT]
    assert "2023年4月7日前至少报送纪实表1次" in text, text
    assert "2024年" not in text, text


def test_the_opening_claims_no_item_finished_before_the_period(demo_store):
    """revjiwei10 K1: a member's Q4 opening said "完成整改事项1件" of an item finished in
    the third quarter and looked back at in the fourth; revnew6 U6: the branch's said
    "推进整改事项2件" of one open and one closed the quarter before. 陈立新's XC-2022-01 was
    finished on 5月26日 and looked back at on 9月20日."""
    q3 = _texts(load_report_data(demo_store, ReportPeriod(2022, 3), person="陈立新"))[DUTY]
    opening = q3.split("。")[0]
    assert "完成整改事项" not in opening and "推进整改事项" not in opening, opening
    assert "对1件此前已完成的整改事项开展“回头看”" in opening, opening
    # the branch's fourth quarter: two items still open (one 长期坚持), four finished
    # before it, two of those looked back at on 10月12日
    q4 = _texts(load_report_data(demo_store, ReportPeriod(2022, 4)))[DUTY].split("。")[0]
    assert "推进整改事项2件、对2件此前已完成的整改事项开展“回头看”" in q4, q4


def test_the_secretary_of_a_leading_group_signs_its_secretary_once(demo_store):
    """revjiwei10 K5: a 党组 unit's secretary, post "党组书记、主任", signed as "中共某县人民
    政府办公室党组书记、某县人民政府办公室党组书记、主任"."""
    data = load_report_data(demo_store, ReportPeriod(2022, 3), person="王建国")
    profile = replace(data.profile, org_name="中共某县人民政府办公室党组",
                      unit_name="某县人民政府办公室")
    data = replace(data, profile=profile, person=replace(data.person, post="党组书记、主任"))
    assert build_document(data).closing[0] == (
        "中共某县人民政府办公室党组书记、某县人民政府办公室主任\u3000王建国")


def test_the_items_annex_shows_each_look_back_the_body_counts(demo_store):
    """revjiwei10 K9: the body said "对2件…开展了“回头看”", the 整改事项台账 had no column to
    tell which."""
    document = build_document(load_report_data(demo_store, ReportPeriod(2022, 4)))
    [items] = [a for a in document.appendices if "整改事项台账" in a.title]
    looked = re.search(r"截至2022年12月31日已开展整改“回头看”的：([^；。]*)", items.note or "")
    assert looked is not None, items.note
    assert looked.group(1).count("（2022年10月12日）") == 2 \
        and looked.group(1).count("（2022年9月20日）") == 1, looked.group(1)
    early = build_document(load_report_data(demo_store, ReportPeriod(2022, 1)))
    [items] = [a for a in early.appendices if "整改事项台账" in a.title]
    assert "回头看" not in (items.note or "")  # none looked back at by 3月31日


def test_the_secretary_of_a_party_committee_signs_its_secretary_once():
    """revdiff10 E6: the K5 mend held only for a post written "党组书记": "中共某镇委员会书记、
    某镇人民政府镇党委书记、镇长"; a post with the unit's name, "县总工会县总工会党组书记"."""
    from lianzheng_desktop.core.records import Person, UnitProfile
    from lianzheng_desktop.core.report_content import own_title

    def signed(unit, org, post):
        return own_title(UnitProfile(unit_name=unit, org_name=org),
                         Person(name="甲", post=post, role="书记"))

    assert signed("某镇人民政府", "中共某镇委员会", "镇党委书记、镇长") == \
        "中共某镇委员会书记、某镇人民政府镇长"
    assert signed("某县教育局", "中共某县教育局委员会", "党委书记、局长") == \
        "中共某县教育局委员会书记、某县教育局局长"
    assert signed("县总工会", "县总工会机关党支部", "县总工会党组书记、常务副主席") == \
        "县总工会机关党支部书记、县总工会党组书记、常务副主席"
    # a branch's 支部委员会 is no 党委: her post in the unit's 党委 stays (revlast18 F3)
    assert signed("某县教育局", "中共某县教育局机关支部委员会", "党委书记、局长") == \
        "中共某县教育局机关支部委员会书记、某县教育局党委书记、局长"
    # a 总支部委员会 is the 党总支 (revlast19 H3)
    assert signed("某县第一中学", "中共某县第一中学总支部委员会", "党总支书记、校长") == \
        "中共某县第一中学总支部委员会书记、某县第一中学校长"


def test_whom_a_coverage_counts_is_said_once_in_a_sentence():
    """revjiwei10 K7: the year's paper said "（期间在岗人员，书记和班子成员除外）" after each of
    four quarters in one sentence."""
    from lianzheng_desktop.core.report_problems import joined

    scope = "（期间在岗人员，书记和班子成员除外）"
    said = joined([f"第一季度：廉政约谈覆盖4人，占应覆盖6人{scope}的67%",
                   f"第二季度：廉政约谈覆盖3人，占应覆盖6人{scope}的50%。"])
    assert said.count(scope) == 1 and said.endswith("占应覆盖6人的50%。"), said
