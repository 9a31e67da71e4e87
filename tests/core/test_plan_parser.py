"""The plan parser: both shared plans completely, and wordings beyond them."""

from pathlib import Path

import pytest

from lianzheng_desktop.core.numerals import parse_number
from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan, split_items

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
TALKS = ("廉政谈话", "提醒谈话", "诫勉谈话", "任前廉政谈话")


def numeric(draft):
    return sorted(
        ((r.item, r.period.value if r.period else None, r.target, r.coverage, r.share,
          r.counts.ledger, r.counts.types)
         for r in draft.requirements if r.is_numeric), key=repr)


def test_trade_union_plan_complete():
    draft = parse_plan((PLANS / "trade-union-2022.txt").read_text(encoding="utf-8"))
    assert draft.year == 2022
    assert [i.id for i in draft.items] == [str(n) for n in range(1, 14)]
    # Worked out by reading the plan: item 5 "全年召开不少于4次专题会议"; item 11
    # "党风廉政教育和警示教育全覆盖", "每季度至少进行1次集中警示教育",
    # "每半年开展1次党风廉政建设谈心谈话". Nothing else in it carries a number.
    assert numeric(draft) == sorted([
        ("5", "year", 4, None, None, "activity", ("专题会议",)),
        ("11", None, None, 100, None, "warning_education", ()),
        ("11", "quarter", 1, None, None, "warning_education", ()),
        ("11", "half", 1, None, None, "talk", ("谈心谈话",)),
    ], key=repr)
    assert draft.unread == []
    assert len(draft.requirements) == 15  # 11 items without numbers + the 4 above


def test_county_plan_complete():
    draft = parse_plan((PLANS / "county-government-2022.txt").read_text(encoding="utf-8"))
    assert len(draft.items) == 13
    assert numeric(draft) == sorted([
        ("一.2", "year", 12, None, None, "activity", ("廉政学习",)),
        ("一.2", "year", 1, None, None, "activity", ("廉政测试",)),
        ("二.1", "year", 4, None, None, "activity", ("专题会议",)),
        ("二.1", "year", 2, None, None, "activity", ("督查检查",)),
        ("二.2", "year", 4, None, None, "activity", ("专题会议",)),
        ("二.2", "year", 2, None, None, "activity", ("专题调研",)),
        ("二.2", "year", 4, None, None, "activity", ("协调解决问题",)),
        ("二.2", "year", 1, None, None, "activity", ("听取汇报",)),
        ("二.2", "year", 2, 100, 50, "talk", TALKS),
        ("二.3", "quarter", 1, None, None, "activity", ("听取汇报",)),
        ("二.3", "year", 4, None, None, "rectification", ()),
        ("二.3", "year", 2, None, None, "activity", ("专题调研",)),
        ("二.3", "quarter", 1, 100, 50, "talk", TALKS),
        ("二.3", "year", 2, None, None, "activity", ("履责报告",)),
    ], key=repr)
    assert [(u.item, u.text) for u in draft.unread] == [
        ("四.1", "将全部行政审批时限压缩至法定时限的20%")]


def test_roles_where_the_plan_names_them():
    draft = parse_plan((PLANS / "county-government-2022.txt").read_text(encoding="utf-8"))
    roles = {(r.item, r.target): r.role.value for r in draft.requirements
             if r.is_numeric and r.role}
    assert roles[("二.1", 4)] == "organisation"
    assert roles[("二.2", 1)] == "first_responsible"
    assert roles[("二.3", 4)] == "leadership_member"


def plan(*lines, year=2023):
    return parse_plan("\n".join([f"{year}年党风廉政建设工作要点", "一、总体要求", *lines]))


def only(draft):
    found = [r for r in draft.requirements if r.is_numeric]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "period", "target", "types"), [
    ("1.加强学习。每月至少开展一次廉政学习。", Period.MONTH, 1, ("廉政学习",)),
    ("1.强化责任。每季度召开两次专题会议。", Period.QUARTER, 2, ("专题会议",)),
    ("1.严格考核。年度内开展廉政测试不低于一次。", Period.YEAR, 1, ("廉政测试",)),
    ("1.强化教育。每年组织警示教育不少于四次。", Period.YEAR, 4, ()),
    ("1.加强学习。全年开展廉政学习不少于十二次。", Period.YEAR, 12, ("廉政学习",)),
    ("1.强化监督。年内开展督查检查至少3次。", Period.YEAR, 3, ("督查检查",)),
    ("1.听取汇报。班子成员每半年至少听取一次分管部门情况汇报。", Period.HALF, 1, ("听取汇报",)),
    ("1.排查风险。每年开展廉政风险点排查不少于1次。", Period.YEAR, 1, ("廉政风险排查",)),
])
def test_wordings_beyond_the_two_plans(sentence, period, target, types):
    requirement = only(plan(sentence))
    assert (requirement.period, requirement.target, requirement.counts.types) == \
        (period, target, types)


def test_several_obligations_in_one_sentence_inherit_the_period():
    draft = plan("1.抓好学习。每年开展廉政学习不少于10次、廉政测试不少于两次，专题调研不少于3次。")
    found = [(r.period, r.target, r.counts.types) for r in draft.requirements if r.is_numeric]
    assert found == [(Period.YEAR, 10, ("廉政学习",)), (Period.YEAR, 2, ("廉政测试",)),
                     (Period.YEAR, 3, ("专题调研",))]


def test_coverage_and_share_attach_to_their_talk():
    requirement = only(plan("1.规范约谈。全年开展廉政约谈不少于3次，约谈面达到百分之百，"
                            "“一对一”的问题性约谈达到百分之五十。".replace("百分之百", "100%")))
    assert (requirement.target, requirement.coverage, requirement.share) == (3, 100, 50)


def test_full_coverage_wording():
    requirement = only(plan("1.谈心谈话。全年开展谈心谈话，谈话面达到100%。"))
    assert requirement.coverage == 100 and requirement.counts.types == ("谈心谈话",)
    requirement = only(plan("1.强化教育。做到警示教育全覆盖。"))
    assert requirement.coverage == 100 and requirement.counts.ledger == "warning_education"


def test_ordinals_slogans_and_congress_names_are_not_obligations():
    draft = plan("1.整改。针对第三轮巡察反馈的问题，全面整改。",
                 "2.服务。推动“一次办”“两个维护”落地，学习十九届六中全会和二十大精神。",
                 "3.落实“三会一课”。")
    assert [r for r in draft.requirements if r.is_numeric] == []
    assert draft.unread == []


def test_what_cannot_be_read_is_listed_with_a_reason():
    draft = plan("1.学习。开展廉政学习不少于5次。", "2.分析。上半年完成风险分析不少于3次。")
    reasons = {u.item: u.reason for u in draft.unread}
    assert "周期" in reasons["1"]
    assert "时段" in reasons["2"]
    assert [r for r in draft.requirements if r.is_numeric] == []


def test_items_numbered_with_parentheses_and_restarting_numbers():
    text = "2024年工作要点\n一、教育\n（一）强化教育。每季度至少开展1次集中警示教育。\n" \
           "（二）强化学习。\n二、监督\n（一）强化监督。年内开展督查检查不少于2次。"
    draft = parse_plan(text)
    assert [i.id for i in draft.items] == ["一.一", "一.二", "二.一"]
    assert draft.year == 2024
    assert [(r.item, r.target) for r in draft.requirements if r.is_numeric] == \
        [("一.一", 1), ("二.一", 2)]


def test_a_plan_with_only_headings():
    items = split_items("一、强化教育。每季度至少开展1次集中警示教育。\n二、加强监督。")
    assert [i.id for i in items] == ["一", "二"]


@pytest.mark.parametrize(("text", "value"), [("4", 4), ("１２", 12), ("一", 1), ("两", 2),
                                             ("十", 10), ("十二", 12), ("二十", 20),
                                             ("二十五", 25), ("一百", 100), ("一百零五", 105)])
def test_numerals(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "一二", "abc", "五个"])
def test_numerals_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_talk_coverage_written_as_yuetan_mian():
    requirement = only(plan("1.谈心谈话。全年开展谈心谈话，约谈面达到100%。"))
    assert (requirement.period, requirement.coverage, requirement.counts.ledger) == \
        (Period.YEAR, 100, "talk")
    assert requirement.counts.types == ("谈心谈话",)


def test_percent_written_in_chinese():
    requirement = only(plan("1.规范约谈。全年开展廉政约谈不少于2次，约谈面达到百分之百，"
                            "“一对一”的问题性约谈达到百分之五十。"))
    assert (requirement.target, requirement.coverage, requirement.share) == (2, 100, 50)


def test_arabic_item_numbers_restart_per_section_and_ids_stay_unique():
    text = "2025年工作要点\n一、教育\n1.强化教育。每季度至少开展1次集中警示教育。\n" \
           "2.强化学习。\n二、监督\n1.强化监督。\n2.检查。年内开展督查检查不少于2次。"
    draft = parse_plan(text)
    assert draft.year == 2025
    assert [i.id for i in draft.items] == ["一.1", "一.2", "二.1", "二.2"]
    assert [(r.item, r.target) for r in draft.requirements if r.is_numeric] == \
        [("一.1", 1), ("二.2", 2)]


def test_county_plan_roles_of_the_talks_and_the_duty_report():
    """二.2: "党组织主要负责人对下级党组织负责人…廉政约谈" is the 书记's own duty like the
    other four in 二.2; 二.3: "年内向同级党组织报告履责情况" is each 班子成员's, like its
    siblings — the 同级党组织 is whom they report to."""
    draft = parse_plan((PLANS / "county-government-2022.txt").read_text(encoding="utf-8"))
    roles = {(r.item, r.period.value, r.target, r.counts.label): r.role
             for r in draft.requirements if r.is_numeric and r.target}
    assert roles[("二.2", "year", 2, "廉政约谈")] is Role.FIRST_RESPONSIBLE
    assert roles[("二.3", "year", 2, "报告履责情况")] is Role.LEADERSHIP_MEMBER
    assert {role for (item, *_), role in roles.items() if item == "二.2"} == {
        Role.FIRST_RESPONSIBLE}
    assert {role for (item, *_), role in roles.items() if item == "二.3"} == {
        Role.LEADERSHIP_MEMBER}


def test_a_rectification_duty_counts_the_source_its_words_name():
    """"着力做好县委巡察整改工作" counts the 巡察反馈 items only; a 整改 duty naming no
    source counts every item."""
    text = ("2024年工作要点\n一、责任\n1.着力做好县委巡察整改工作。\n2.抓好审计发现问题整改。\n"
            "3.年内督促整改问题不少于4件。\n")
    draft = parse_plan(text)
    sources = {r.item: r.counts.types for r in draft.requirements
               if r.counts and r.counts.ledger == "rectification"}
    assert sources == {"1": ("巡察反馈",), "2": ("审计",), "3": ()}
    assert draft.new_types == []  # 问题来源 are the ledger's own words, not new types
