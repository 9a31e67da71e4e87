"""Rules the eighth held-out set (tests/fixtures/plans/heldout8) and a reviewer's find led to.
Each test uses a wording of its own (not the fixture's sentence), checked by hand."""

from __future__ import annotations

from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.plan_clauses import GOAL_CLAUSE_REASON
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_principles import PRINCIPLE_REASON


def _read(draft):
    return [(r.period, r.target, r.counts.label if r.counts else None, r.text)
            for r in draft.requirements]


# -- a goal line with two clauses: every clause ends up a requirement or listed ------------

GOALS = ("2025年机关党支部党风廉政建设工作要点\n"
         "一、主要目标\n"
         "全年开展警示教育不少于4次，谈心谈话覆盖全体党员，落实“三会一课”制度，"
         "干部作风明显好转。\n"
         "二、工作措施\n"
         "（一）每季度召开一次支部委员会。\n")


def test_every_clause_of_a_goal_line_is_a_requirement_or_listed():
    draft = parse_plan(GOALS)
    read = _read(draft)
    assert (Period.YEAR, 4, "警示教育", "全年开展警示教育不少于4次") in read
    # a kind of record named: a duty without a number, met by a 谈心谈话 record
    assert (None, None, "谈心谈话", "谈心谈话覆盖全体党员") in read
    talk = next(r for r in draft.requirements if r.text == "谈心谈话覆盖全体党员")
    assert talk.role is None  # 全体党员 is whom it covers, not who talks
    # an act with no kind of record: listed for the secretary to add by hand
    assert [(u.item, u.text) for u in draft.unread if u.reason == GOAL_CLAUSE_REASON] == [
        ("一", "落实“三会一课”制度")]
    # no act at all: a goal, listed as such
    assert ("一", "干部作风明显好转") in [(u.item, u.text) for u in draft.untracked
                                         if u.reason == PRINCIPLE_REASON]
    assert (Period.QUARTER, 1, "支部委员会", "每季度召开一次支部委员会") in read


def test_a_goal_heading_on_the_same_line_and_named_goals_and_tasks():
    draft = parse_plan("2025年工会工作计划\n一、目标任务：每半年开展廉政提醒1次，"
                       "警示教育覆盖全体会员。\n")
    assert (None, None, "警示教育", "警示教育覆盖全体会员") in _read(draft)


def test_a_plain_item_with_a_number_gains_nothing():
    """Only goal lines: in an ordinary item the other clauses say how or why (每季度召开一次
    支委会，研究部署工作), and making each a duty would fill the checklist."""
    draft = parse_plan("2025年工作要点\n（一）每季度召开一次支部委员会，研究部署党风廉政建设。\n")
    assert _read(draft) == [(Period.QUARTER, 1, "支部委员会", "每季度召开一次支部委员会")]
    assert draft.unread == [] and draft.untracked == []


# -- a PDF's text layer: blank lines between all printed lines ------------------------------

PDF_PAGE = ("            二、组织生活\n\n\n"
            "      党员大会一般每季度召开 1 次,支部委\n\n"
            "      员会一般每月召开 1 次,每半年\n\n\n"
            "      上 1 次廉政党课,每年召开组织生活\n\n"
            "      会 1 次。会议要有记录,资料\n\n"
            "      齐全。\n")


def test_blank_lines_of_a_pdf_page_are_line_wraps():
    read = _read(parse_plan("2025年党支部工作计划\n\n" + PDF_PAGE))
    assert [(p, t, text) for p, t, _, text in read] == [
        (Period.QUARTER, 1, "党员大会一般每季度召开1次"),
        (Period.MONTH, 1, "支部委员会一般每月召开1次"),
        (Period.HALF, 1, "每半年上1次廉政党课"),
        (Period.YEAR, 1, "每年召开组织生活会1次")]


def test_blank_lines_between_a_web_pages_paragraphs_still_end_them():
    """A heading with no stop and paragraphs ending in 。: the blank lines are paragraphs'."""
    draft = parse_plan("支部工作制度\n\n强化学习，提升素质\n\n"
                       "支部每月组织一次集中学习。\n\n支委会每季度研究一次党风廉政建设。\n")
    assert [(r.period, r.text) for r in draft.requirements] == [
        (Period.MONTH, "支部每月组织一次集中学习"),
        (Period.QUARTER, "支委会每季度研究一次党风廉政建设")]
    assert [i.title for i in draft.items][0] == "强化学习，提升素质"


# -- who: 为全体党员 is for whom -----------------------------------------------------------

def test_for_the_members_is_not_who_gives_it():
    from lianzheng_desktop.core.plan import Role

    draft = parse_plan("2025年工作计划\n（一）党总支每半年为全体党员讲一次廉政党课。\n"
                       "（二）作为支部书记，每年至少讲一次党课。\n")
    assert [(r.text, r.role) for r in draft.requirements] == [
        ("党总支每半年为全体党员讲一次廉政党课", Role.ORGANISATION),
        ("每年至少讲一次党课", Role.FIRST_RESPONSIBLE)]  # 作为: as, not for


# -- headings of principles joined (指导思想和总体目标) and 工作思路 --------------------------

def test_joined_principle_headings_and_a_working_idea_are_principles():
    draft = parse_plan("2025年卫生院党风廉政建设工作计划\n"
                       "一、指导思想与工作目标\n以党的二十大精神为指导，加强教育、健全制度、强化监督，"
                       "推动全院党风廉政建设再上新台阶。\n"
                       "二、工作思路\n围绕医院中心工作，强化监督执纪，为医院发展提供坚强保障。\n"
                       "三、主要措施\n（一）全面落实“三会一课”制度。\n")
    assert [u.item for u in draft.untracked if u.reason == PRINCIPLE_REASON] == ["一", "二"]
    assert [r.item for r in draft.requirements] == ["三.一"]


# -- 在X的基础上: X is the basis, not what is counted -------------------------------------

def test_the_basis_of_an_activity_is_not_what_it_counts():
    draft = parse_plan("2025年党支部工作计划\n"
                       "（一）党支部每年在组织生活会的基础上开展一次民主评议党员。\n")
    [requirement] = draft.requirements
    assert (requirement.period, requirement.target) == (Period.YEAR, 1)
    assert requirement.counts.label == "民主评议党员"  # not 组织生活会: a 组织生活会 record
    # would otherwise have met the yearly 民主评议


# -- what a meeting is: no duty ----------------------------------------------------------

def test_what_a_meeting_is_is_no_duty():
    draft = parse_plan("党小组工作规范\n一、党小组会\n1.党小组会是党小组成员共同参加的会议，"
                       "由党小组长主持。\n2.党小组会一般每月召开1次。\n")
    assert [(r.item, r.period) for r in draft.requirements] == [("2", Period.MONTH)]


def test_a_lesson_given_to_the_members_is_named_after_the_lesson():
    draft = parse_plan("2025年工作计划\n（一）书记每季度为全体党员讲党课1次。\n")
    assert [r.counts.label for r in draft.requirements] == ["党课"]  # not 书记为全体党员讲党课
