"""Rules the ninth held-out set (tests/fixtures/plans/heldout9) led to. Each test uses a
wording of its own (not the fixture's sentence), checked by hand."""

from __future__ import annotations

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_text import normalise


def _read(text):
    draft = parse_plan(text)
    return [(r.period, r.target, r.text) for r in draft.requirements if r.period], draft


def _listed(draft):
    return [u.text for u in draft.unread + draft.untracked]


# -- a school year, and 逐月 ---------------------------------------------------------------

def test_a_school_year_is_a_year():
    read, _ = _read("2025年校团委工作制度\n1、各团支部每学年至少开展两次主题团日活动。\n"
                    "2、每一新学年制定团委工作计划。\n3、每个学年召开一次团员大会。\n")
    assert (Period.YEAR, 2, "各团支部每学年至少开展两次主题团日活动") in read
    assert (Period.YEAR, 1, "每一新学年制定团委工作计划") in read
    assert (Period.YEAR, 1, "每个学年召开一次团员大会") in read


def test_month_by_month_is_each_month():
    read, _ = _read("镇工会廉政制度\n一、各基层工会要逐月报告经费使用情况，主动接受监督。\n"
                    "二、每季度召开一次经审会议。\n")
    assert (Period.MONTH, 1, "各基层工会要逐月报告经费使用情况") in read


def test_a_trend_month_by_month_is_no_duty():
    read, _ = _read("2025年工作计划\n一、会员人数逐月增加，服务质量逐月提高。\n"
                    "二、每季度召开一次委员会。\n")
    assert [r for r in read if r[0] is Period.MONTH] == []


# -- money, days and households under a period are not how often ----------------------------

def test_money_days_and_households_are_not_activities():
    read, draft = _read("2025年村级廉政工作计划\n"
                        "一、每年按人均80元安排活动经费，每名团员每月交0.50元团费。\n"
                        "二、包村干部每年在村工作不少于150天。\n"
                        "三、班子成员每人每年结对帮扶3户以上困难群众。\n"
                        "四、每季度召开一次党风廉政建设专题会议。\n")
    assert read == [(Period.QUARTER, 1, "每季度召开一次党风廉政建设专题会议")]
    # households are a duty a checklist cannot count: listed, not dropped
    assert any("3户以上困难群众" in line for line in _listed(draft))


# -- the start or the end of a semester is a time, not a cadence ------------------------------

def test_the_start_and_end_of_a_semester_are_times_listed_for_the_secretary():
    read, draft = _read("学院团委工作制度\n"
                        "一、每学期初组织新生团员报到登记，每学期结束前总结团支部工作；"
                        "每月召开一次团支部书记例会。\n")
    assert read == [(Period.MONTH, 1, "每月召开一次团支部书记例会")]
    listed = _listed(draft)
    assert any("每学期初组织新生团员报到登记" in line for line in listed), listed
    assert any("每学期结束前总结团支部工作" in line for line in listed), listed


# -- the subject of a clause of its own ------------------------------------------------------

def test_a_clause_with_its_own_subject_is_theirs_not_the_first_ones():
    draft = parse_plan("2025年镇机关作风建设要点\n"
                       "一、班子成员每年撰写不少于3篇调研报告，其他干部每年撰写不少于1篇"
                       "学习体会。\n")
    roles = {r.text: r.role for r in draft.requirements}
    assert roles["班子成员每年撰写不少于3篇调研报告"] is Role.LEADERSHIP_MEMBER
    assert roles["其他干部每年撰写不少于1篇学习体会"] is Role.MEMBER


# -- what is counted is named without the colon of a list ------------------------------------

def test_a_name_before_a_colon_is_named_without_it():
    draft = parse_plan("团支部工作制度\n三、时间安排：\n1、团员大会：每学期不少于两次。\n"
                       "2、团小组会：每月一次。\n")
    labels = [r.counts.label for r in draft.requirements if r.period]
    assert labels == ["团员大会", "团小组会"]


# -- a document site's page marker inside a word ------------------------------------------

def test_a_page_marker_inside_a_sentence_is_taken_out():
    assert normalise("各单位要逐月到镇纪第2页共5页委领取票据。") == "各单位要逐月到镇纪委领取票据。"


# -- fetching things is not an activity of record ----------------------------------------

def test_collecting_forms_each_month_is_no_duty_but_reporting_is():
    read, _ = _read("镇机关廉政制度\n一、各站所要逐月到镇财政所领取接待审批单，并逐月报告"
                    "公务接待情况。\n")
    assert read == [(Period.MONTH, 1, "并逐月报告公务接待情况")]


# -- 目标任务 heads a goal, not a duty ----------------------------------------------------

def test_an_item_headed_goals_and_tasks_is_a_principle():
    from lianzheng_desktop.core.plan_principles import PRINCIPLE_REASON

    draft = parse_plan("中共某县委关于落实主体责任的实施意见\n一、落实党委主体责任的要求\n"
                       "（一）目标任务。围绕落实主体责任，构建科学规范的责任体系，"
                       "以良好的党风政风促进经济社会健康发展。\n"
                       "二、主要任务\n（一）每季度召开一次党风廉政建设专题会议。\n")
    assert [r.text for r in draft.requirements] == ["每季度召开一次党风廉政建设专题会议"]
    assert any(u.text.startswith("目标任务") for u in draft.untracked
               if u.reason == PRINCIPLE_REASON)


# -- a heading with a colon is shown with what it says ----------------------------------

def test_an_item_whose_title_ends_in_a_colon_is_shown_with_its_first_sentence():
    draft = parse_plan("团委工作制度\n1、活动时间：\n每学期组织一次团员活动。\n"
                       "2、活动报道：\n要及时以团刊等形式报道团内活动开展情况。\n")
    texts = [r.text for r in draft.requirements]
    assert "活动报道：要及时以团刊等形式报道团内活动开展情况" in texts
    assert "活动报道：" not in texts
