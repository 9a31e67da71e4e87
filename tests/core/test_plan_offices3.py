"""Plans two reviewers built from published sentences (revjiwei6 G1, G2, G4, G8; revyear2
G1, G2, G3): a township 妇联 branch's 2026 要点 and a 总工会 机关党支部's 2027 要点 — the
texts of tests/fixtures/plans/offices3, read as the secretary reads them in the 核对 dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan, split_items

OFFICES3 = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "offices3"


def _text(name: str) -> str:
    lines = next(OFFICES3.glob(f"{name}*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[3:])


def _read(line: str):
    return [(r.text, r.period, r.target, r.counts.label if r.counts else None)
            for r in parse_plan(line, year=2026).requirements]


# -- G1: 每年一次A和一次B — each count its own noun ----------------------------------------

def test_a_second_count_joined_by_and_counts_its_own_noun():
    assert _read("6．每年一次民主生活会和一次民主评议党员。") == [
        ("每年一次民主生活会", Period.YEAR, 1, "民主生活会"),
        ("每年一次民主评议党员", Period.YEAR, 1, "民主评议党员")]


def test_democratic_appraisal_becomes_a_type_of_the_plans_own():
    draft = parse_plan("6．每年一次民主生活会和一次民主评议党员。", year=2026)
    assert ("activity", "民主评议党员") in draft.new_types


# -- G2: 每季度一次A、一次B — two duties, each titled by its own words --------------------

def test_counts_listed_with_a_comma_are_two_duties_with_their_own_titles():
    assert _read("6．每季度一次支委会、一次支部大会。") == [
        ("每季度一次支委会", Period.QUARTER, 1, "支委会"),
        ("每季度一次支部大会", Period.QUARTER, 1, "支部大会")]


def test_the_five_ones_of_the_womens_federation_plan():
    draft = parse_plan(_text("F01"), year=2026)
    six = [(r.text, r.period, r.target, r.counts.label) for r in draft.requirements
           if r.item == "6"]
    assert six == [("每月一次党员活动", Period.MONTH, 1, "党员活动"),
                   ("每季度一次支委会", Period.QUARTER, 1, "支委会"),
                   ("每季度一次支部大会", Period.QUARTER, 1, "支部大会"),
                   ("每半年上一次党课", Period.HALF, 1, "党课"),
                   ("每年一次民主生活会", Period.YEAR, 1, "民主生活会"),
                   ("每年一次民主评议党员", Period.YEAR, 1, "民主评议党员")]
    # the two duties of one list sentence answer for the same body
    assert len({r.role for r in draft.requirements if r.item == "6"
                and r.period is Period.QUARTER}) == 1


@pytest.mark.parametrize("name", ["F01", "F02"])
def test_no_two_requirements_of_a_plan_share_item_and_text(name):
    draft = parse_plan(_text(name))
    keys = [(r.item, r.text) for r in draft.requirements]
    assert len(keys) == len(set(keys)), keys


@pytest.mark.parametrize("name", ["F01", "F02"])
def test_no_type_name_holds_a_list_or_a_count(name):
    draft = parse_plan(_text(name))
    for _ledger, type_name in draft.new_types:
        assert "、" not in type_name and "一次" not in type_name, type_name


# -- revyear2 G1 = revjiwei6 G4: 书记每年至少找党员谈话一次 ------------------------------

@pytest.mark.parametrize("line", ["党支部书记每年至少找党员谈话一次。",
                                  "党支部负责人每年至少找党员谈话一次。"])
def test_the_secretary_talking_to_members_counts_every_talk_and_covers_them(line):
    draft = parse_plan(f"5．落实谈话与诫勉制度。{line}", year=2027)
    [requirement] = draft.requirements
    assert requirement.role is Role.FIRST_RESPONSIBLE
    assert requirement.period is Period.YEAR
    assert requirement.counts.ledger == "talk"
    assert requirement.counts.types == ()  # 谈心谈话, 廉政谈话 … whatever she held
    assert requirement.coverage == 100  # every 党员 talked to within the year
    assert draft.new_types == []
    assert not requirement.counts.label.startswith(("党支部", "书记"))
    assert "书记" not in requirement.describe().split("）", 1)[-1]


def test_a_bare_talk_with_a_person_subject_is_no_new_type_nor_named_by_its_subject():
    draft = parse_plan("4．班子成员每年至少与分管科室负责人谈话一次。", year=2027)
    [requirement] = draft.requirements
    assert requirement.counts.ledger == "talk"
    assert draft.new_types == []
    assert not requirement.counts.label.startswith("班子成员")
    assert requirement.coverage is None  # 分管科室负责人: not every member on the roster


def test_the_2027_plan_adds_no_talk_type():
    draft = parse_plan(_text("F02"))
    assert [name for ledger, name in draft.new_types if ledger == "talk"] == []


# -- revjiwei6 G8: 通过季度督查、年度自查 — a period inside the noun ------------------------

def test_quarterly_inspection_in_a_list_of_means_is_one_each_quarter():
    draft = parse_plan(_text("F01"), year=2026)
    two = [(r.text, r.period, r.target, r.counts.types) for r in draft.requirements
           if r.item == "2"]
    assert two == [("季度督查", Period.QUARTER, 1, ("督查检查",)),
                   ("年度自查", Period.YEAR, 1, ("自查",))]


def test_a_yearly_appraisal_named_in_passing_is_no_duty():
    # 结合年度考核: when it is done, not a 考核 to count (the 2027 plan's (七))
    draft = parse_plan("（七）每年召开一次专题组织生活会，结合年度考核开展民主评议党员工作。",
                       year=2027)
    assert [(r.period, r.counts.label) for r in draft.requirements] == [
        (Period.YEAR, "组织生活会")]


# -- revyear2 G2: a record type named in a chain of steps is no way to meet the duty ---------

def test_a_type_named_among_the_steps_of_a_mechanism_does_not_meet_the_duty():
    draft = parse_plan(_text("F02"))
    [first] = [r for r in draft.requirements if "第一议题" in r.text]
    assert first.counts is None  # marked by hand, not met by any 督查检查 record
    assert first.text == "将贯彻落实习近平总书记重要指示批示精神作为“第一议题”抓紧抓实"


# -- revyear2 G3: items numbered through the sections keep their own numbers -----------------

def test_items_numbered_through_the_sections_are_numbered_as_written():
    ids = [item.id for item in split_items(_text("F02"))]
    assert ids == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"]


def test_a_type_in_a_list_of_acts_that_names_no_mechanism_still_meets_the_duty():
    draft = parse_plan("（二）强化日常监督。开展监督检查、专项巡察、财务审计等工作。", year=2027)
    assert [r.counts.types for r in draft.requirements] == [("督查检查",)]


def test_reading_a_plan_saved_by_the_older_reader_again_drops_its_list_readings():
    """The plan saved before held "每季度一次支委会、一次支部大会" (a type "支委会、一次支部大会")
    and "每年一次民主生活会和一次民主评议党员" twice; read again, those readings go and are
    not kept "软件未能读出" beside the new duties (each counted twice)."""
    from lianzheng_desktop.core.plan import Counts, Requirement
    from lianzheng_desktop.core.requirement_pairs import compare

    text = _text("F01")

    def saved(words, name, period, number):
        return Requirement(item="6", text=words, item_text="组织生活做到", period=period,
                           counts=Counts("activity", (name,), name), target=1, id=number)

    earlier = [saved("每季度一次支委会、一次支部大会", "支委会、一次支部大会", Period.QUARTER, 1),
               saved("每季度一次支委会、一次支部大会", "支部大会", Period.QUARTER, 2),
               saved("每年一次民主生活会和一次民主评议党员", "民主生活会", Period.YEAR, 3),
               saved("每年一次民主生活会和一次民主评议党员", "民主生活会", Period.YEAR, 4)]
    new = parse_plan(text, year=2026).requirements
    replacing = compare(earlier, text, new, {}, new_text=text)
    assert replacing.unread == []
    # the 支部大会 reading is the new 支部大会 duty; the rest go (two alike pair with neither)
    assert {r.id for r in replacing.removed} == {1, 3, 4}


def test_reading_again_drops_the_heading_the_older_reader_made_the_duty():
    """The 2027 plan saved before held its item （一） as "聚焦两个维护，把稳“政治方向”" (item
    "一（2）", met by a 督查检查); read again the item's duty is the 第一议题 clause, and the
    heading is not kept "软件未能读出" beside it."""
    from lianzheng_desktop.core.plan import Counts, Requirement
    from lianzheng_desktop.core.requirement_pairs import compare

    text = _text("F02")
    heading = Requirement(item="一（2）", text="聚焦两个维护，把稳“政治方向”",
                          item_text="聚焦两个维护，把稳“政治方向”。要将…",
                          counts=Counts("activity", ("督查检查",), "监督检查"), id=7)
    replacing = compare([heading], text, parse_plan(text).requirements, {}, new_text=text)
    assert replacing.unread == []


def test_full_coverage_after_a_quarterly_duty_is_over_the_year():
    """revyear2 G8: "坚持每季度至少进行1次集中警示教育，做到警示教育全覆盖" was checked as 100%
    coverage every quarter (one member on leave for a quarter's only session failed it);
    the union's 2026 plan, with the same words in a clause of their own, read it yearly."""
    from lianzheng_desktop.core.plan import Period
    from lianzheng_desktop.core.plan_parser import parse_plan

    draft = parse_plan("2027年要点\n一、教育\n1.加强警示教育。坚持每季度至少进行1次集中警示教育，"
                       "做到警示教育全覆盖。每季度开展一次廉政约谈，约谈面达到100%。\n", 2027)
    read = {r.text: (r.period, r.target, r.coverage) for r in draft.requirements}
    assert read["坚持每季度至少进行1次集中警示教育"] == (Period.QUARTER, 1, None), read
    assert read["做到警示教育全覆盖"] == (Period.YEAR, None, 100), read
    # a coverage that names the quarter's own 约谈 stays the quarter's
    assert read["每季度开展一次廉政约谈，约谈面达到100%"] == (Period.QUARTER, 1, 100), read


def test_a_coverage_keeps_the_period_its_own_clause_gives():
    """revlast5 4: "全年实现全覆盖" was checked every quarter; "做到本季度全覆盖", "逐季实现全覆盖"
    and "约谈面实现全覆盖" became yearly."""
    from lianzheng_desktop.core.plan import Period
    from lianzheng_desktop.core.plan_parser import parse_plan

    def read(clause):
        text = f"2027年要点\n一、教育\n1.加强教育。每季度开展一次廉政约谈，{clause}。\n"
        draft = parse_plan(text, 2027)
        return [(r.period, r.target, r.coverage) for r in draft.requirements]

    yearly = [(Period.QUARTER, 1, None), (Period.YEAR, None, 100)]
    quarterly = [(Period.QUARTER, 1, 100)]
    for clause in ("全年实现全覆盖", "年内实现全覆盖", "全年覆盖率达到100%", "做到警示教育全覆盖"):
        assert read(clause) == yearly, clause
    for clause in ("做到本季度全覆盖", "逐季实现全覆盖", "约谈面实现全覆盖", "约谈面达到100%"):
        assert read(clause) == quarterly, clause


def test_each_branch_committee_member_is_each_leader_not_the_branch():
    """revjiwei7 F6: "支部委员每年与分管科室党员开展一次谈心谈话" was the branch's duty (支部
    matched first); each 支部委员 is a 班子成员. The committee itself is still the branch."""
    from lianzheng_desktop.core.plan import Role

    [each] = parse_plan("1.一岗双责。支部委员每年与分管科室党员开展一次谈心谈话。",
                        2026).requirements
    assert each.role is Role.LEADERSHIP_MEMBER
    [committee] = parse_plan("1.会议。支部委员会每月至少召开1次。", 2026).requirements
    assert committee.role is Role.ORGANISATION


def test_a_long_type_name_is_not_cut_in_the_middle_of_a_word():
    """revjiwei7: "支部书记每半年专题分析研究本支部廉政建设状况" made a type "析研究本支部廉政
    建设状况" (the name's last 12 characters); it starts at a word now."""
    [duty] = parse_plan("1.专题研究。支部书记每半年专题分析研究本支部廉政建设状况。",
                        2026).requirements
    assert duty.counts is not None and duty.counts.label == "研究本支部廉政建设状况"


def test_a_type_name_is_not_cut_inside_a_compound_word_and_keeps_what_is_done():
    """revjiwei7: "按季度填写落实党风廉政建设主体责任情况纪实表" made a type "政建设主体责任情况
    纪实表" (cut inside 党风廉政建设)."""
    [duty] = parse_plan("1.监督。按季度填写落实党风廉政建设主体责任情况纪实表。",
                        2026).requirements
    assert duty.counts is not None and duty.counts.label == "填写主体责任情况纪实表"


def test_a_form_handed_to_someone_by_a_date_is_one_duty_not_a_talk_and_a_person():
    """revjiwei7: "按季度填写…主体责任情况和约谈记录，并于每季季末次月7日前交支部纪检委员"
    was read as a quarterly 约谈 (from 约谈记录) and a quarterly activity named
    "交支部纪检委员" (to whom, read as what). It is one quarterly duty: hand in the form."""
    from lianzheng_desktop.core.plan import Period

    draft = parse_plan("10.强化监督检查。按季度填写落实党风廉政建设主体责任情况和约谈记录，"
                       "并于每季季末次月7日前交支部纪检委员。", 2026)
    [duty] = draft.requirements
    assert duty.counts is not None
    assert (duty.counts.ledger, duty.counts.label) == ("activity", "报送主体责任情况和约谈记录")
    assert (duty.period, duty.target) == (Period.QUARTER, 1)


def test_what_is_put_before_a_comma_is_what_is_sent_not_to_whom():
    """"将…年度总结和下一年度工作思路，以书面形式报送纪委委员" was a type "报送纪委委员"."""
    [duty] = parse_plan("4.联系。联系单位应于每年12月底前将党风廉政建设年度总结和下一年度工作"
                        "思路，以书面形式报送纪委委员。", 2026).requirements
    assert duty.counts is not None and duty.counts.label == "报送年度总结和下一年度工作思路"


def test_a_count_naming_only_who_counts_what_the_heading_names():
    """revjiwei7: "开好党支部组织生活会。每季度或半年班子成员召开1次" made a type "或班子成员";
    the count names no activity, its heading does (组织生活会), and 每季度或半年 is at least
    every half-year."""
    from lianzheng_desktop.core.plan import Period

    [duty] = parse_plan("2.开好党支部组织生活会。每季度或半年班子成员召开1次，也可根据需要随时"
                        "召开。", 2026).requirements
    assert duty.counts is not None and duty.counts.types == ("组织生活会",)
    assert duty.period is Period.HALF


def test_a_second_list_under_a_heading_whose_first_was_never_written_is_not_inside_the_first():
    """revdiff6 14: two Word tables, the second under "二、监督责任清单" (the first had no
    "一、"): the second's duties stood under the first table's last row, whose text was
    printed as their section."""
    draft = parse_plan("2026年清单\n1. 落实主体责任。每季度召开一次党风廉政建设专题会议。\n"
                       "2. 警示教育。每季度组织一次警示教育。\n二、监督责任清单\n"
                       "1. 监督检查。每月开展一次监督检查。\n", 2026)
    assert [(r.item, r.section) for r in draft.requirements] == [
        ("1", ""), ("2", ""), ("二.1", "二、监督责任清单")]


def test_who_attends_a_meeting_is_no_duty():
    """"支委会由全体支部委员参加，必要时可吸收党小组长…参加" says who attends, as 由…主持 says
    who chairs: it was a duty 完成后手工标记 that no record could meet."""
    draft = parse_plan("2026年制度\n1. 支委会由全体支部委员参加，必要时可吸收党小组长或有关党员"
                       "参加。\n2. 支委会每月至少召开一次。\n", 2026)
    assert [r.item for r in draft.requirements] == ["2"]


def test_a_life_meeting_the_leaders_hold_is_the_branchs_not_each_ones():
    """"每季度或半年班子成员召开1次" (组织生活会) and "党员领导干部民主生活会每年召开一次" were
    read as one meeting for each 班子成员 to hold: each was listed as not done."""
    from lianzheng_desktop.core.plan import Role

    [held] = parse_plan("2.开好党支部组织生活会。每季度或半年班子成员召开1次。", 2026).requirements
    assert held.role is Role.ORGANISATION
    [review] = parse_plan("二、党员领导干部民主生活会每年召开一次。", 2026).requirements
    assert review.role is Role.ORGANISATION
    [each] = parse_plan("1.谈心。班子成员每年开展1次谈心谈话。", 2026).requirements
    assert each.role is Role.LEADERSHIP_MEMBER  # a duty of each, as before


def test_each_leaders_attendance_at_a_life_meeting_stays_each_ones():
    """revlast7 F6: "每名班子成员每年至少参加1次所在支部组织生活会" became one branch meeting."""
    from lianzheng_desktop.core.plan import Role

    [each] = parse_plan("3.双重组织生活。每名班子成员每年至少参加1次所在支部组织生活会。",
                        2026).requirements
    assert each.role is Role.LEADERSHIP_MEMBER


def test_each_leaders_attendance_named_before_its_count_stays_each_ones():
    """revlast9 G11: "班子成员以普通党员身份参加所在党支部组织生活会，每年不少于1次" was read as
    the branch's one meeting, and as each one's it would have counted only who chaired it:
    the 参加 is in the clause that names the meeting, not in the count's own clause."""
    from lianzheng_desktop.core.checklist_people import attends, says_attend
    from lianzheng_desktop.core.plan import Role

    [each] = parse_plan("3.双重组织生活。班子成员以普通党员身份参加所在党支部组织生活会，"
                        "每年不少于1次。", 2026).requirements
    assert each.role is Role.LEADERSHIP_MEMBER
    assert attends(each) and says_attend(each)
    # a meeting they hold, named before its count, stays the branch's; a lesson each gives
    # is each one's own act
    [held] = parse_plan("4.民主生活会。班子成员要召开民主生活会，每年不少于1次。",
                        2026).requirements
    assert held.role is Role.ORGANISATION
    [lesson] = parse_plan("5.党课。班子成员讲廉政党课，每年不少于1次。", 2026).requirements
    assert lesson.role is Role.LEADERSHIP_MEMBER and not attends(lesson)
    # the same words twice in the sentence: each count's own (revdiff9 D2: the members who
    # attended were "0次…尚未完成", read by the 党课's clause)
    *_, life = parse_plan("6.组织生活。书记带头讲党课，每年不少于1次，班子成员参加所在支部组织"
                          "生活会，每年不少于1次。", 2026).requirements
    assert life.role is Role.LEADERSHIP_MEMBER and attends(life)
    # nor an earlier clause's act for a thing its own clause names (revlast12 R2: the talks
    # each member holds were counted as talks attended)
    *_, talks = parse_plan("7.谈心。班子成员参加所在支部组织生活会，并开展谈心谈话，每季度不少于"
                           "1次。", 2026).requirements
    assert talks.counts is not None and talks.counts.label == "谈心谈话" and not attends(talks)


def test_who_chairs_a_monthly_meeting_makes_no_type_of_its_own():
    """revlast7 F7: "每月9日的支部委员会会议由书记主持" made a type "支部委员会会议由书记主持"."""
    draft = parse_plan("4.会议。每月9日的支部委员会会议由书记主持。", 2026)
    assert not any("主持" in name for _, name in draft.new_types)


def test_a_name_does_not_open_with_and():
    """revdiff7 F12: "深入推进本单位全面从严治党和党风廉政建设" was named "和党风廉政建设"."""
    from lianzheng_desktop.core.plan_grammar import clean_object

    assert clean_object("深入推进本单位全面从严治党和党风廉政建设") == "党风廉政建设"


def test_once_each_said_as_one_period_one_act():
    """heldout11 L03: "党务公开一般为一季度一公开，财务一般为一年一公开" was read as nothing
    ("没有写次数和周期"); 一季度 was taken for the first quarter. A headline's "一月一报
    标准化党建显成效" (heldout2 G08) stays no duty."""
    from lianzheng_desktop.core.plan import Period

    read = parse_plan("3.公开。党务公开一般为一季度一公开，财务一般为一年一公开；"
                      "坚持一月一通报。", 2026).requirements
    assert [(r.period, r.target, r.counts.label if r.counts else "") for r in read] == [
        (Period.QUARTER, 1, "党务公开"), (Period.YEAR, 1, "财务公开"), (Period.MONTH, 1, "通报")]
    assert parse_plan("市政公司一月一报标准化党建显成效\n", 2026).requirements == []
    # any act after the second 一, not a short list of them (revlast8 F2)
    acts = parse_plan("4.督导。坚持一季度一排查，一月一提醒，落实一月一督办。", 2026).requirements
    assert [(r.period, r.counts.label if r.counts else "") for r in acts] == [
        (Period.QUARTER, "排查"), (Period.MONTH, "提醒"), (Period.MONTH, "督办")]
    [first_quarter] = parse_plan("4.计划。一季度完成年度工作计划制定。", 2026).requirements
    assert first_quarter.period is None  # the first quarter, a time: no cadence


def test_a_lists_total_is_no_count_of_its_period():
    """heldout11 L07: "包括每个季度一个主题的常委会、…、新春茶话会等9个会议" was read as nine
    会议 each quarter; the period is the first item's, the 9 the list's size."""
    from lianzheng_desktop.core.plan import Period

    [meeting] = parse_plan("1.会议。包括每个季度一个主题的常委会、提案交办会、新春茶话会"
                           "等9个会议。", 2026).requirements
    assert (meeting.period, meeting.target, meeting.counts.label) == (Period.QUARTER, 1, "常委会")
    # a count of times after a list is the list's count, as before (revdiff8 2)
    for line, target in (("每季度召开支委会、党员大会等2次会议", 2),
                         ("全年召开党组会、支委会、党员大会等12次会议", 12),
                         ("每月开展谈心谈话、家访等2次以上", 2)):
        [read] = parse_plan(f"2.会议。{line}。", 2026).requirements
        assert read.target == target, line


def test_the_secretarys_monthly_duty_after_a_members_one_is_read():
    """revjiwei8 A: in "每名班子成员每月至少参加1次廉政学习，书记每月至少与1名党员开展谈心谈话"
    the 书记's clause was lost without a word: the sentence's count had the month already."""
    from lianzheng_desktop.core.plan import Role

    read = parse_plan("14.日常落实。每名班子成员每月至少参加1次廉政学习，书记每月至少与1名党员"
                      "开展谈心谈话。", 2026).requirements
    assert [(r.role, r.counts.label if r.counts else "") for r in read] == [
        (Role.LEADERSHIP_MEMBER, "廉政学习"), (Role.FIRST_RESPONSIBLE, "谈心谈话")]


def test_a_years_paper_due_the_next_year_is_a_return_of_the_year():
    """revjiwei8 A: "党风廉政建设年度工作总结于次年1月15日前报送县纪委" was listed as "没有写
    次数和周期", though the README gives its wording as a return's."""
    from lianzheng_desktop.core.plan import Period

    [summary] = parse_plan("15.总结。党风廉政建设年度工作总结于次年1月15日前报送县纪委。",
                           2026).requirements
    assert (summary.period, summary.target, summary.handed_in_after) == (Period.YEAR, 1, 15)
    assert summary.counts is not None and "工作总结" in summary.counts.label
    # by the end of January: the year's too, handed in in the next (revdiff8 4)
    [report] = parse_plan("2.年度述责述廉报告于次年1月底前报送县纪委。", 2026).requirements
    assert (report.period, report.handed_in_after) == (Period.YEAR, 31)
    # and into February: still read, its days counted into the next year (revlast8 F3)
    [later] = parse_plan("3.总结。党风廉政建设工作总结于次年2月10日前报送县纪委。",
                         2026).requirements
    assert (later.period, later.target, later.handed_in_after) == (Period.YEAR, 1, 41)


def test_names_keep_no_how_nor_is():
    """revdiff8 6, 10: "主题党日活动坚持主题", "党务公开实行公开", "党员大会为", "党务公开公开",
    "居务公开通常公开": types no record has, so each period read 未完成."""
    def names(line):
        return [r.counts.label for r in parse_plan(f"1.公开。{line}", 2026).requirements
                if r.counts]

    assert names("主题党日活动坚持一月一主题，增强针对性。") == []  # one theme a month
    # nor a case, a list, a lesson-and-test; an act of four characters is one (revlast9 G6)
    assert names("坚持一季度一案例、一月一提醒。") == ["提醒"]
    # a list of them, quoted: each its own (revlast10 3: one garbled duty, a junk type)
    assert names("坚持“一月一提醒、一季度一排查、一年一考核”。") == ["提醒", "排查", "考核"]
    assert names("实行“一季度一分析研判、半年一通报”。") == ["分析研判", "通报"]  # (11 4)
    # no quote in a name (revlast11 2: types “谈心”, 廉政短信”, 实行“警示”)
    assert names("坚持“一月一谈心”。") == ["谈心谈话"]
    assert names("推行“一月一廉政短信”。") == ["廉政短信"]
    assert names("推行一季度一清单，一月一课一考。") == []
    assert names("坚持一月一分析研判。") == ["分析研判"]
    assert names("党务公开实行一季度一公开。") == ["党务公开"]
    assert names("党务公开一般为每季度公开一次。") == ["党务公开"]
    assert names("党员大会一般为每季度召开一次。") == ["党员大会"]
    assert names("居务公开通常为每月公开。") == ["居务公开"]
    # how, just before 每 (revlast8 F6)
    assert names("主题党日推行每月开展1次。") == ["主题党日"]
    assert names("党务公开坚持每季度公开1次。") == ["党务公开"]
    assert names("党小组会正常每月召开1次。") == ["党小组会"]


def test_the_years_paper_in_other_word_orders_is_a_return():
    """revlast9 G10: "须在…之前", "元月", "报县纪委" and a bare "报送" after the day were read
    as nothing at all, so the year's 总结 was never asked of the branch."""
    from lianzheng_desktop.core.plan import Period

    for line, days in (("年度工作总结须在次年1月15日之前报送县纪委。", 15),
                       ("年度工作总结于次年元月15日前报县纪委。", 15),
                       ("全年工作总结次年一月底前报送。", 31),
                       ("年度工作总结应于次年2月10日前向县纪委报送。", 41)):
        [summary] = parse_plan(f"15.总结。{line}", 2026).requirements
        assert (summary.period, summary.target, summary.handed_in_after) == (
            Period.YEAR, 1, days), line
        assert summary.counts is not None and summary.counts.label == "报送工作总结", line
    # to the county's party committee: the paper is what is sent, not "报告县委"
    [report] = parse_plan("2.年度工作报告于次年1月15日前报告县委。", 2026).requirements
    assert report.counts is not None and report.counts.label == "报送工作报告"
    # made, not sent: no return
    assert not parse_plan("3.年度工作总结于次年1月15日前完成。", 2026).requirements[0].counts


def test_the_years_paper_beside_another_return_or_after_its_day_is_read():
    """revjiwei9 J3: "每季度结束后7日内报送…纪实表，年度工作总结于次年1月15日前报送县纪委" read
    the form only — the 总结 was neither a duty nor listed as unread — and the README's own
    wordings "次年1月15日前（向县纪委）报送年度（工作）总结" were lost the same way."""
    from lianzheng_desktop.core.plan import Period

    form, summary = parse_plan("1.述廉述责。每季度结束后7日内报送党风廉政建设责任制落实情况纪实表，"
                               "年度工作总结于次年1月15日前报送县纪委。", 2026).requirements
    assert (form.period, form.handed_in_after) == (Period.QUARTER, 7)
    assert (summary.period, summary.target, summary.handed_in_after) == (Period.YEAR, 1, 15)
    assert summary.counts is not None and summary.counts.label == "报送工作总结"
    for line in ("次年1月15日前报送年度总结。", "次年1月15日前向县纪委报送年度工作总结。"):
        [paper] = parse_plan(f"2.总结。{line}", 2026).requirements
        assert (paper.period, paper.handed_in_after) == (Period.YEAR, 15), line
        assert paper.counts is not None and "总结" in paper.counts.label, line
    # a day of the next year that sends nothing is no return
    [work] = parse_plan("3.整改。次年1月底前完成整改。", 2026).requirements
    assert work.handed_in_after == 0
    # nor one that sends no paper of its own name (revdiff9 D3: a nameless "向县纪委报送"
    # took the place of the 整改 duty)
    [fixed] = parse_plan("4.整改。当年巡察发现的问题，原则上在次年3月底前整改完毕并报告县纪委。",
                         2026).requirements
    assert fixed.handed_in_after == 0 and fixed.counts is not None
    assert fixed.counts.ledger == "rectification"
    # a paper named before its day, with another beside it, or a report of the year's work
    # named after it: returns still (revlast12 R3 on the first fix of D3)
    for line, label in (("年度工作总结和下一年度工作计划于次年1月15日前报送县纪委。",
                         "报送工作总结"),
                        ("次年1月15日前报送年度工作总结及下一年度工作计划。", "报送工作总结"),
                        ("次年1月15日前向县纪委报送党风廉政建设工作情况。", "报送工作情况")):
        [paper] = parse_plan(f"6.总结。{line}", 2026).requirements
        assert paper.handed_in_after == 15 and paper.counts.label == label, line
    # a paper named "…完成情况", or written (完成) before it is sent, is a return; a paper
    # "形成"ed is named without the verb (revlast13 S3, S4)
    for line, label in (
            ("次年1月15日前报送廉政风险防控工作完成情况。", "报送廉政风险防控工作完成情况"),
            ("于次年1月10日前完成年度工作总结，报送县纪委。", "报送工作总结"),
            ("年终开展自查，形成自查报告，于次年1月15日前报送县纪委。", "报送自查报告")):
        [paper] = parse_plan(f"7.总结。{line}", 2026).requirements
        assert paper.handed_in_after and paper.counts.label == label, line
    [done] = parse_plan("8.整改。次年1月底前完成整改并报送整改情况报告。", 2026).requirements
    assert done.handed_in_after == 0
    # work done, then reported (revlast14 T3): no paper named "自查自纠" or "考核"
    for line in ("于次年1月15日前完成自查自纠并报告县纪委。",
                 "次年1月10日前完成年度考核并形成报告报送县纪委。",
                 # a report formed of the work: one type for all would merge them (X2)
                 "次年1月10日前完成专项检查并形成书面报告报送县纪委。",
                 "次年1月10日前召开专题民主生活会，完成查摆并形成报告报送县纪委。",
                 # and its other wordings (revlast15 V3)
                 "于次年1月15日前完成自查自纠并及时报告县纪委。",
                 "于次年1月15日前完成自查自纠后书面报告县纪委。",
                 "次年1月15日前完成专项检查并将结果报告县纪委。"):
        read = parse_plan(f"9.自查。{line}", 2026).requirements
        assert not any(r.handed_in_after for r in read), line
    # a paper written, then sent: named by the paper (revlast14 T4)
    for line in ("次年1月15日前形成年度工作总结报县纪委。",
                 "次年1月15日前编制年度工作总结报县纪委备案。",
                 "次年1月15日前将全年工作完成情况形成书面总结报送县纪委。"):
        [paper] = parse_plan(f"10.总结。{line}", 2026).requirements
        assert paper.counts.label in ("报送工作总结", "报送工作完成情况总结"), line
    # two such papers stay two (revlast15 V2, revlast16 W2: each was named "报送(书面)报告")
    for paper in ("报告", "书面报告"):
        labels = [parse_plan(f"11.报告。次年1月15日前将{what}情况形成{paper}报送县纪委。",
                             2026).requirements[0].counts.label
                  for what in ("廉政风险排查", "自查")]
        assert labels == ["报送廉政风险排查情况报告", "报送自查情况报告"], paper
    # a paper finished, then sent, is the year's return (revlast16 W1: "完成…总结并报送"
    # was taken for work done first, and the year's 总结 went unchecked)
    for line, label in (("次年1月10日前完成年度工作总结并报送县纪委。", "报送工作总结"),
                        ("次年1月10日前完成年度工作总结后报送县纪委。", "报送工作总结"),
                        ("次年1月10日前完成述职述廉报告并报送县纪委。", "报送述职述廉报告")):
        [paper] = parse_plan(f"12.总结。{line}", 2026).requirements
        assert (paper.handed_in_after, paper.counts.label) == (10, label), line
    # a meeting's report after it, one duty, not two alike (revdiff9 D4)
    [report] = parse_plan("5.民主生活会。每年12月底前召开民主生活会，次年1月底前将会议情况报告"
                          "县纪委。", 2026).requirements
    assert report.handed_in_after == 31
