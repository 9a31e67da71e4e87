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
