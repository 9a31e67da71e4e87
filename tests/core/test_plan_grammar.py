"""One test per rule of the plan grammar (plan_grammar / plan_parser), each with a wording
written for this test — from neither shared plan nor the corpus in fixtures/plans/real."""

import pytest

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan


def read(*lines, year=2024):
    return parse_plan("\n".join([f"{year}年机关党支部工作要点", "一、主要任务", *lines]))


def numeric(draft):
    return [(r.period, r.target, r.counts.label, r.unit) for r in draft.requirements
            if r.target is not None]


def one(*lines):
    found = numeric(read(*lines))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "period"), [
    ("1.学习。每个月开展党小组学习不少于1次。", Period.MONTH),
    ("1.学习。月度召开党小组会不少于1次。", Period.MONTH),
    ("1.学习。每季召开形势研判会不少于1次。", Period.QUARTER),
    ("1.学习。每三个月召开形势研判会1次。", Period.QUARTER),
    ("1.学习。每半年召开形势研判会1次。", Period.HALF),
    ("1.学习。上下半年各召开形势研判会1次。", Period.HALF),
    ("1.学习。年度内召开形势研判会不少于1次。", Period.YEAR),
])
def test_period_words(text, period):
    assert one(text)[0] is period


def test_every_two_months_is_six_a_year():
    assert one("1.联系群众。每两个月走访联系点1次。")[:2] == (Period.YEAR, 6)


@pytest.mark.parametrize(("text", "target"), [
    ("1.交流。每季度至少开展两次交流研讨。", 2),
    ("1.交流。每年开展交流研讨不低于十二次。", 12),
    ("1.交流。全年交流研讨不得少于3次。", 3),
    ("1.交流。每年开展交流研讨８次以上。", 8),
])
def test_comparators_and_numerals(text, target):
    assert one(text)[1] == target


def test_a_bare_period_means_once():
    assert one("1.通报。违纪案例每季度通报。")[:2] == (Period.QUARTER, 1)
    assert one("1.沟通。班子成员每半年末交换意见。")[:2] == (Period.HALF, 1)


def test_a_quoted_slogan_can_be_the_obligation():
    period, target, label, _ = one("1.廉洁文化。坚持“每月一廉语推送”，营造氛围。")
    assert (period, target, label) == (Period.MONTH, 1, "廉语推送")


@pytest.mark.parametrize(("text", "unit"), [
    ("1.宣传。每季度编发廉政简报1期。", "期"),
    ("1.学习。每人每季度撰写学习体会1篇。", "篇"),
    ("1.报送。每半年报送分析报告1份。", "份"),
    ("1.培训。全年开展业务培训不少于200人次。", "人次"),
])
def test_units(text, unit):
    assert one(text)[3] == unit


def test_a_range_counts_its_minimum():
    assert one("1.学习。每人每年撰写心得2-3篇。")[1] == 2
    assert one("1.学习。每年讲授微党课二至三次。")[1] == 2


def test_the_object_of_the_clause_before_carries_over():
    period, target, label, _ = one("1.谈心。书记与支委委员的谈心谈话，每季度不少于1次。")
    assert (period, target, label) == (Period.QUARTER, 1, "谈心谈话")


def test_reporting_up_is_not_hearing_reports():
    draft = read("1.报告。支部每半年向机关党委汇报工作1次。",
                 "2.听取。书记每季度听取党小组长汇报1次。")
    labels = [r.counts.types for r in draft.requirements if r.target]
    assert labels[0] != ("听取汇报",) and "汇报" in labels[0][0]
    assert labels[1] == ("听取汇报",)


@pytest.mark.parametrize(("text", "role"), [
    ("1.分管。班子成员每季度听取分管科室汇报1次。", Role.LEADERSHIP_MEMBER),
    ("1.汇报。每名党员每半年向支部汇报思想1次。", Role.MEMBER),
    ("1.约谈。主要负责人每年约谈班子成员不少于2次。", Role.FIRST_RESPONSIBLE),
    ("1.研究。党支部每季度研究党风廉政工作1次。", Role.ORGANISATION),
    ("1.谈话。每年对班子成员开展廉政谈话1次。", None),
])
def test_who_must_do_it(text, role):
    draft = read(text)
    assert [r.role for r in draft.requirements if r.target] == [role]


@pytest.mark.parametrize("text", [
    "1.回顾。今年以来已召开支委会9次。",
    "1.回顾。上半年共开展主题党日活动6次。",
    "1.期限。于2024年6月30日前完成整改并报送整改情况。",  # a one-off deadline
    "1.考核。每月20日前依托平台对各支部进行考评。",  # a recurring deadline sending nothing up
    "1.整改。针对第三轮巡察反馈的问题全面整改。",
    "1.重点。突出抓好五个重点，落实三项制度。",
    "1.时长。每次学习不少于2小时。",
    "1.人数。每次参加人数不少于30人。",
    "1.罚则。违者每次罚款200元。",
])
def test_never_an_obligation(text):
    assert numeric(read(text)) == []


def test_week_and_day_cadences_are_read_but_not_tracked():
    draft = read("1.学习。每周五下午集中学习1次。", "2.值班。每天巡查1次。")
    assert numeric(draft) == []
    assert [u.item for u in draft.untracked] == ["1", "2"]


def test_an_unknown_activity_becomes_a_type_of_the_plans_own():
    draft = read("1.学习。每月开展一次政治学习。", "2.会议。每季度召开党员大会1次。",
                 "3.会议。每年召开1次会议。")
    assert [r.counts.types for r in draft.requirements if r.target] == [
        ("政治学习",), ("党员大会",), ("召开会议",)]
    assert ("activity", "政治学习") in draft.new_types


def test_a_heading_that_states_an_obligation_is_kept():
    draft = parse_plan("2024年要点\n一、理论学习，集中学习每月不少于2次\n1、学原著。\n2、悟原理。")
    assert numeric(draft) == [(Period.MONTH, 2, "集中学习", "次")]


@pytest.mark.parametrize("numbered", [
    "第一条 支部每季度召开组织生活会1次。\n第二条 党员每月缴纳党费。",
    "一是支部每季度召开组织生活会1次；二是党员每月缴纳党费。",
    "支部每季度召开组织生活会1次。党员每月缴纳党费。",
    "(1)支部每季度召开组织生活会1次。\n(2)党员每月缴纳党费。",
    "①支部每季度召开组织生活会1次。\n②党员每月缴纳党费。",
])
def test_any_numbering(numbered):
    draft = parse_plan("2024年制度\n" + numbered)
    found = [(r.period, r.target) for r in draft.requirements if r.target]
    assert found == [(Period.QUARTER, 1), (Period.MONTH, 1)]


def test_text_copied_from_a_web_page():
    text = ("2024年工作要点\n字号：大 中 小   打印本页\n1. 每季度至少开展1次集中警示\n"
            "教育, 每半年开展 1 次谈心谈话.\n- 2 -\n")
    draft = parse_plan(text)
    assert numeric(draft) == [(Period.QUARTER, 1, "集中警示教育", "次"),
                              (Period.HALF, 1, "谈心谈话", "次")]


def test_item_numbers_of_any_size():
    lines = [f"{n}.第{n}项工作。" for n in range(1, 1205)]
    draft = parse_plan("2024年要点\n" + "\n".join(lines))
    assert len(draft.items) == 1204 and draft.items[-1].id == "1204"


def test_a_requirement_keeps_its_own_sentence():
    filler = "认真学习。" * 3000
    draft = read(f"1.学习。{filler}每季度开展集中警示教育1次。")
    found = [r for r in draft.requirements if r.target]
    assert found[0].text == "每季度开展集中警示教育1次"
    assert len(found[0].item_text) <= 500


@pytest.mark.parametrize(("text", "period", "label"), [
    ("1.报表。每月20日前向县委组织部上报当月党建工作情况。", Period.MONTH, "上报党建工作情况"),
    ("1.期限。每季度首月10日前报送上季度情况。", Period.QUARTER, "报送情况"),
    ("1.学习。每年二月底前，各支部应向机关党委报告上一年度理论学习情况。", Period.YEAR,
     "报告理论学习情况"),
    ("1.总结。每半年结束前报送半年工作总结。", Period.HALF, "报送半年工作总结"),
])
def test_a_report_due_each_period_is_a_duty_of_that_period(text, period, label):
    assert one(text) == (period, 1, label, "次")


def test_a_report_on_ones_own_duty_counts_as_a_duty_report():
    draft = read("1.述职。班子成员每年12月底前向党组提交年度述职报告。")
    [requirement] = [r for r in draft.requirements if r.target]
    assert requirement.counts.types == ("履责报告",)
    assert requirement.role is Role.LEADERSHIP_MEMBER


def test_a_day_set_aside_each_month_is_a_monthly_duty():
    assert one("1.活动。把每月10日确定为“廉政学习日”，组织集中学习。")[:2] == (Period.MONTH, 1)


def test_a_report_with_its_own_period_is_not_taken_for_the_deadlines():
    found = numeric(read("1.考核。每月10日前完成考核，每季度向党委报告工作1次。"))
    assert [(period, target) for period, target, *_ in found] == [(Period.QUARTER, 1)]


@pytest.mark.parametrize(("text", "period", "label"), [
    ("1.进展。各科室在每季度最后一个月的25日前将本季度工作进展情况报办公室。", Period.QUARTER,
     "报送工作进展情况"),
    ("1.责任。每季度末最后一天把本单位落实主体责任的情况报送机关纪委。", Period.QUARTER,
     "报送本单位落实主体责任的情况"),
    ("1.报告。办公室于每年2月底前编制出上一年度党建工作报告。", Period.YEAR, "编制党建工作报告"),
    ("1.专报。各支部要在每年6月30日、12月25日前向机关党委专题报告党建工作情况。", Period.HALF,
     "专题报告党建工作情况"),
    ("1.总结。分别于6月底和12月底前向上级党委报告半年和全年工作情况。", Period.HALF,
     "报告半年和全年工作情况"),
    ("1.汇总。二级党组织每学期期末汇总后，及时报送统计表至组织部。", Period.HALF,
     "报送统计表至组织部"),
])
def test_the_ways_a_periodic_report_is_worded(text, period, label):
    assert one(text) == (period, 1, label, "次")


def test_a_bare_date_takes_the_period_of_the_sentence_before():
    found = numeric(read("1.例会。会议在每季度首月的15日前后召开。"
                         "各单位于10日前将书面材料报送办公室。"))
    assert (Period.QUARTER, 1, "报送书面材料", "次") in found


@pytest.mark.parametrize("text", [
    "1.方案。每季度召开推进会。于2024年1月15日前将工作方案报办公室。",  # a dated one-off
    "1.内容。丰富每季度主题活动内容。",  # 丰富 each quarter's content: not a duty
])
def test_not_a_periodic_report(text):
    assert numeric(read(text)) in ([], [(Period.QUARTER, 1, "推进会", "次")])


def test_a_report_that_states_its_count_is_read_once():
    found = numeric(read("1.月报。各支部于每月10日前向机关党委报送一次工作情况。"))
    assert [(period, target) for period, target, *_ in found] == [(Period.MONTH, 1)]


def test_a_bare_date_in_another_item_is_a_one_off():
    found = numeric(read("1.例会。会议在每季度首月的15日前后召开。",
                         "2.材料。各单位于10日前将书面材料报送办公室。"))
    assert found == []


def test_a_report_due_keeps_who_must_send_it_in_its_text():
    draft = read("1.述责。班子成员每年12月底前向党组提交年度述责述廉报告。")
    [requirement] = [r for r in draft.requirements if r.target]
    assert requirement.text.startswith("班子成员每年12月底前")


# -- rules added after the third held-out set (tests/fixtures/plans/heldout3) -------------

def test_what_each_period_has_is_a_slogan_not_a_duty():
    assert numeric(read("1.计划。主题党日要做到年度有计划，每月有安排，每季有总结。")) == []


def test_the_act_before_hou_recurs_too():
    draft = read("1.党费。党员每月按时、足额交纳党费后，党支部应及时登记造册。")
    [requirement] = [r for r in draft.requirements if r.target]
    assert (requirement.period, requirement.target, requirement.counts.label) == (
        Period.MONTH, 1, "交纳党费")
    assert requirement.role is Role.MEMBER


def test_a_time_before_hou_is_not_an_act():
    assert numeric(read("1.报送。每季度结束后，各支部及时整理会议记录。")) == []


def test_a_report_named_by_its_period_recurs():
    found = numeric(read("1.月报。机关党委对每月底月报内容作出统一规定，按五个方面填写。"))
    assert found == [(Period.MONTH, 1, "月报", "次")]


def test_a_heading_restated_by_its_body_is_read_once():
    draft = parse_plan("2024年工作安排\n一、每季度召开一次形势研判会\n"
                       "党委每季度召开一次形势研判会议，由班子成员参加，分析研判形势。")
    assert numeric(draft) == [(Period.QUARTER, 1, "形势研判会议", "次")]


def test_a_heading_over_another_duty_is_kept():
    draft = parse_plan("2024年工作安排\n一、每季度召开一次形势研判会\n"
                       "各支部每季度开展一次廉政学习，由书记主持。")
    assert [(p, t) for p, t, *_ in numeric(draft)] == [(Period.QUARTER, 1), (Period.QUARTER, 1)]


def test_themed_days_named_in_the_item_are_so_many_days_a_month():
    found = numeric(read("1.活动。开展“每月三日”活动，设“学习日”“服务日”“议事日”，"
                         "把“每月三日”落到实处。"))
    assert found == [(Period.MONTH, 3, "“每月三日”活动", "天")]


def test_themed_days_without_the_days_named_may_be_a_date():
    assert numeric(read("1.活动。坚持“每月五日”活动。")) == []


def test_the_day_of_the_month_is_not_part_of_the_activity():
    assert one("1.党日。每月第一周星期五开展主题党日活动。")[:3] == (
        Period.MONTH, 1, "主题党日活动")


def test_a_new_clause_takes_who_from_the_clause_before():
    draft = read("1.党费。收齐党费后，党支部应及时登记造册，每月月底前交机关党委备案。")
    [requirement] = [r for r in draft.requirements if r.target]
    assert requirement.role is Role.ORGANISATION


# -- who bears a duty: the subject, never an organisation it is done to or reported to ----

@pytest.mark.parametrize(("text", "role"), [
    # 党组织主要负责人: the organisation's principal leader, not the organisation
    ("1.约谈。党组织主要负责人对下级党组织书记每年约谈不少于2次。", Role.FIRST_RESPONSIBLE),
    ("1.党课。党组织书记每年讲廉政党课不少于1次。", Role.FIRST_RESPONSIBLE),
    # an organisation after 向 / 对 with a qualifier between (同级, 上一级, 下级) is an object
    ("1.报告。每名班子成员年内向同级党组织报告履责情况不少于2次。", Role.LEADERSHIP_MEMBER),
    ("1.报告。年内向上一级党委报告履责情况不少于2次。", None),
    ("1.约谈。每年对下级党支部书记开展廉政约谈不少于2次。", None),
    ("1.约谈。每季度约谈本级班子成员1次。", None),
    # and the organisation that reports is still the subject
    ("1.报告。党支部每半年向上级党组织报告工作1次。", Role.ORGANISATION),
])
def test_an_organisation_named_after_to_or_towards_is_not_who_does_it(text, role):
    draft = read(text)
    assert [r.role for r in draft.requirements if r.target] == [role]


def test_a_clause_without_its_own_subject_takes_the_subject_before_it():
    # the subject of an earlier clause carries on; the 党组织 reported to does not replace it
    draft = read("1.分管。坚持问题导向，年内班子成员开展专题调研不少于2次，"
                 "年内向同级党组织报告履责情况不少于2次。")
    assert [r.role for r in draft.requirements if r.target] == [Role.LEADERSHIP_MEMBER] * 2


def test_a_clause_with_a_subject_of_its_own_does_not_take_the_one_before():
    # 县纪委 is no role of the branch's own, but it is the subject: the members do not
    # report in its place
    draft = read("1.通报。坚持公开通报，班子成员每季度在班子会上通报履责情况1次，"
                 "县纪委对检查情况每半年通报1次。")
    assert [r.role for r in draft.requirements if r.target] == [Role.LEADERSHIP_MEMBER, None]


def test_the_discipline_sides_head_is_a_subject_of_its_own():
    draft = read("1.约谈。书记每年约谈班子成员不少于1次，纪委书记每年约谈下级纪委书记不少于1次。")
    assert [r.role for r in draft.requirements if r.target] == [Role.FIRST_RESPONSIBLE, None]


def test_only_the_opening_words_of_an_earlier_clause_say_who():
    # 党支部 deep in the clause before is what each leader is assigned to, not who acts
    draft = read("1.联系。实行挂包责任制，分别挂包1个党支部作为联系点，"
                 "年内参加主题党日活动不少于2次。")
    assert [r.role for r in draft.requirements if r.target] == [None]


@pytest.mark.parametrize(("text", "role"), [
    # Adapted from 武定县《关于落实党风廉政建设主体责任的实施办法》 as reported at
    # http://ynjjjc.gov.cn/html/2015/dangfengzhengfeng_0805/9058.html (工作约谈制度):
    # the 主要负责人 of the 党委(党组) talks to the 下级党委 heads, who are objects.
    ("1.约谈。党委(党组)主要负责人每年至少约谈1次本级班子成员和下级党委(党组、内设机构)"
     "主要负责人。", Role.FIRST_RESPONSIBLE),
    # The same page (分头推进制度): 班子成员 hear their departments' reports.
    ("1.汇报。班子成员每季度至少听取1次分管部门单位党风廉政建设和反腐败工作情况汇报。",
     Role.LEADERSHIP_MEMBER),
    # Adapted from 绍兴市纪委 (http://m.shaoxing.com.cn/news/content/2017-04/01/
    # content_2620798.htm): 党委(党组) report to 上一级党委、纪委 — the subject reports,
    # the 上一级党委 is reported to.
    ("1.报告。党委(党组)每年向上一级党委、纪委报告1次党风廉政建设主体责任落实情况。",
     Role.ORGANISATION),
])
def test_published_wordings_of_who_talks_and_who_reports(text, role):
    draft = read(text)
    assert [r.role for r in draft.requirements if r.target] == [role]


def test_the_general_secretary_is_not_the_branchs_secretary():
    draft = read("1.学习。每月集中学习习近平总书记重要讲话精神1次。",
                 "2.政治建设。坚决维护习近平总书记党中央的核心、全党的核心地位。")
    assert [(r.item, r.role) for r in draft.requirements] == [("1", None), ("2", None)]


def test_an_article_number_is_not_words_between_a_preposition_and_its_object():
    # "程序与要求" ends a heading; 第四条 opens an article whose subject is 党委会议
    draft = read("1.会议。议事程序与要求第四条党委会议一般每月召开一次。")
    assert [r.role for r in draft.requirements if r.target] == [Role.ORGANISATION]


# -- heldout4 (tests/fixtures/plans/heldout4/README.md): each rule with its own wording --

def test_each_members_one_turn_in_a_series_does_not_take_the_series_period():
    # 每名… 一次 with no period of its own: each one's turn over the year, not a monthly duty
    draft = read("1.讲堂。开设“廉政微课堂”，坚持每月一期，每名支委轮流讲一次。")
    assert [(r.period, r.target) for r in draft.requirements if r.target] == [
        (Period.MONTH, 1)]


def test_each_member_with_a_period_of_their_own_still_counts():
    draft = read("1.学习。每月开展一次集中学习，每名党员每季度交流发言一次。")
    assert [(r.period, r.target, r.role) for r in draft.requirements if r.target] == [
        (Period.MONTH, 1, None), (Period.QUARTER, 1, Role.MEMBER)]


def test_a_period_standing_alone_still_goes_on_to_each_member():
    draft = read("1.谈心。每季度，每名党员至少与支部书记谈心一次。")
    assert [(r.period, r.target, r.role) for r in draft.requirements if r.target] == [
        (Period.QUARTER, 1, Role.MEMBER)]


@pytest.mark.parametrize(("text", "role"), [
    # 成员之间, like 委员之间: each member of the team talks with the others
    ("1.谈心。支委成员要带头谈心，成员之间每半年谈心一次。", Role.LEADERSHIP_MEMBER),
    ("1.谈心。成员之间每季度至少交流思想一次。", Role.LEADERSHIP_MEMBER),
    # 党组织负责人 is the secretary, not the 党组织
    ("1.谈话。党组织负责人每年与支委委员谈话不少于1次。", Role.FIRST_RESPONSIBLE),
    # a list of who talks with whom that holds 委员之间: each of them, the secretary too
    ("1.谈心。支部书记与支委委员、支委委员之间开展谈心谈话，每半年至少1次。",
     Role.LEADERSHIP_MEMBER),
    # but 书记与其他委员之间 is one pair: the secretary talks with each of the others
    ("1.谈心。支部书记与其他支委委员之间的谈心谈话，每季度不少于1次。",
     Role.FIRST_RESPONSIBLE),
])
def test_who_talks_between_members_and_the_head_of_a_party_organisation(text, role):
    draft = read(text)
    assert [r.role for r in draft.requirements if r.target] == [role]


@pytest.mark.parametrize("text", [
    # a meeting named after those who attend it: 书记 there is no subject
    "1.例会。支部书记例会每季度召开一次。",
    "1.座谈。全区机关党组织书记座谈会，每年举办一次。",
])
def test_a_role_in_a_meetings_name_is_not_who_holds_it(text):
    draft = read(text)
    # the unit holds it (None or the organisation named in the title), no one person
    assert [r.role in (None, Role.ORGANISATION) for r in draft.requirements if r.target] == [
        True]


@pytest.mark.parametrize(("text", "label"), [
    # 一般 / 原则上 hedge the duty; they are no part of the activity's name
    ("1.会议。团小组会一般每月召开一次。", "团小组会"),
    ("1.联席会。党建联席会原则上每半年召开一次。", "党建联席会"),
    # a name that was nothing but the hedge: the activity is in the clause before
    ("1.谈心。支部书记与其他委员之间的定期谈心，一般每季度不少于1次。", "定期谈心"),
    # an item number or an article run into the text is no part of the name
    ("1.制度。会议制度3、支部委员会每月召开一次。", "支部委员会"),
    ("1.规则。议事规则第五条党组会议每月召开一次。", "党组会议"),
    # too long a name is cut where "与" begins what is done, not inside a word
    ("1.谈心。各科室负责人每年与青年干部职工谈心不少于2次。", "与青年干部职工谈心"),
    # nothing but a hedge before 通过: the means is what is done, not the clause before
    ("1.联系。要深入基层,原则上每月通过走访或者电话联系基层支部1次。", "走访或者电话联系基层支部"),
    # the topic first, then what must be done to it: neither the modal nor a light verb
    # after the topic is part of the name (召开 was kept before: “团小组会召开”)
    ("1.公开。党务事项应当每季度公开一次。", "党务事项公开"),
    ("1.评议。民主评议党员每年至少进行一次。", "民主评议党员"),
    ("1.会议。工会小组会一般每月举行一次。", "工会小组会"),
    # the count as an attribute (每月一次的…): the thing after 的 is what recurs, not the
    # last noun of the clause
    ("1.议题。把廉政教育列为每月一次的党小组会和周例会的固定议题。", "党小组会"),
])
def test_the_name_of_a_plans_own_activity_is_read_cleanly(text, label):
    assert one(text)[2] == label


@pytest.mark.parametrize(("text", "expected"), [
    # a cadence written as acts, each after a one-character period: each act is a duty
    ("1.督办。对重点任务实行“周调度、月通报、季评估”,确保落实。",
     [(Period.MONTH, 1, "通报"), (Period.QUARTER, 1, "评估")]),
    ("1.台账。整改台账坚持月分析、季讲评、年考核。",
     [(Period.MONTH, 1, "分析"), (Period.QUARTER, 1, "讲评"), (Period.YEAR, 1, "考核")]),
    ("1.台账。做到“季研判、半年小结”。", [(Period.QUARTER, 1, "研判"), (Period.HALF, 1, "小结")]),
])
def test_a_cadence_written_as_a_list_of_acts(text, expected):
    assert [found[:3] for found in numeric(read(text))] == expected


def test_the_weekly_act_of_a_cadence_list_is_read_but_not_tracked():
    draft = read("1.督办。实行“周调度、月通报”。")
    assert [found[:2] for found in numeric(draft)] == [(Period.MONTH, 1)]
    assert [u.text for u in draft.untracked] == ["周调度"]


@pytest.mark.parametrize("text", [
    "1.简报。按时编发工作月通报。",  # one such word alone may be a report's name
    "1.点评。做好本月通报、季评估的准备。",  # this month's report, not a cadence
    "1.讲评。坚持月通报、月点评。",  # two acts a month: no list of periods
    "1.总结。做好2023年总结、2024年考核工作。",  # years, not a period
])
def test_not_a_cadence_list(text):
    assert numeric(read(text)) == []


def test_a_period_inside_a_condition_for_another_act_is_no_duty():
    # each claim must pass the monthly meeting: the unit is asked to hold nothing
    assert numeric(read("1.报销。每笔报销需经支部委员会每月例会审议通过后方可入账。")) == []
    # the same meeting stated as a duty is read
    assert one("1.例会。支部委员会每月例会审议财务开支。")[:2] == (Period.MONTH, 1)


def test_where_one_goes_is_not_who_goes():
    draft = read("1.联系。要深入到基层党支部,倾听群众意见,原则上每月走访联系点1次。")
    assert [(r.period, r.target, r.role) for r in draft.requirements if r.target] == [
        (Period.MONTH, 1, None)]


def test_the_name_of_a_system_a_text_reports_set_up_is_no_duty():
    # the system's name holds a period; the duty is read where the text states it
    assert numeric(read("1.述职。局党组今年建立了班子成员每半年向党组汇报思想工作制度。")) == []
    assert one("1.述职。班子成员每半年向党组汇报思想工作。")[:2] == (Period.HALF, 1)


def test_a_period_over_a_number_of_people_is_a_head_count():
    # how many go each year, not how often anyone goes
    assert numeric(read("1.培训。每年选派3名支部委员参加上级党校轮训。")) == []
    assert numeric(read("1.述职。每年安排五位左右站所负责人到党委会上现场述职。")) == []
    assert one("1.培训。支部委员每年参加上级党校轮训。")[:2] == (Period.YEAR, 1)


def test_half_year_and_year_end_is_once_each_half_year():
    assert numeric(read("1.总结。各党小组半年和全年都要进行工作总结。")) == [
        (Period.HALF, 1, "工作总结", "次")]
    # what a report covers, not when something is done; and a result
    assert numeric(read("1.报告。向镇党委报告半年和全年工作情况。")) == []
    assert numeric(read("1.总结。去年半年和全年都开展了工作总结。")) == []


def test_a_rule_quoted_again_is_one_duty():
    text = ("1.述责。《实施办法》规定班子成员每年在党组扩大会议上述责述廉。",
            "2.对照。原规定要求换届前述职,《实施办法》则规定每年都要述责述廉。")
    assert [found[:2] for found in numeric(read(*text))] == [(Period.YEAR, 1)]
    # two rules with periods of their own are two duties
    assert len(numeric(read("1.述责。《实施办法》规定每年述责述廉。",
                            "2.谈话。《实施细则》还规定每季度开展谈心谈话。"))) == 2


@pytest.mark.parametrize(("text", "role"), [
    ("1.述职。各站所主要负责同志每年向局党组述职1次。", Role.FIRST_RESPONSIBLE),
    # the standing committee meets as a body; each of its members is 常委
    ("1.研究。县委常委会每季度至少专题研究1次党风廉政建设工作。", None),
    ("1.调研。各常委每季度至少到联系点调研1次。", Role.LEADERSHIP_MEMBER),
])
def test_who_a_head_and_a_standing_committee_are(text, role):
    draft = read(text)
    assert [r.role for r in draft.requirements if r.target] == [role]


def test_a_light_verb_after_a_time_word_stays_so_the_duty_is_not_lost():
    # without 召开, “遇事随时” would end in a time (…时) and the monthly meeting go unread
    assert one("1.会议。支委会每月召开一次、遇事随时召开。")[:2] == (Period.MONTH, 1)
