"""Rules the tenth held-out set (tests/fixtures/plans/heldout10) led to. Each test uses a
wording of its own (not the fixture's sentence), checked by hand."""

from __future__ import annotations

from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.plan_parser import parse_plan


def test_an_activity_held_on_a_day_of_each_month_is_a_monthly_duty():
    """"每月9日（遇节假日顺延）的主题党日活动" was dropped: the day read as a time within
    the month, the clause neither read nor listed."""
    draft = parse_plan("2026年工作要点\n一、各支部每年开展1次专题党课，每月15日（节假日提前）的"
                       "固定学习日活动，做到不断档。\n", 2026)
    read = [(r.period, r.target, r.counts.label if r.counts else "") for r in draft.requirements]
    assert (Period.MONTH, 1, "固定学习日活动") in read
    assert (Period.YEAR, 1, "专题党课") in read
    deadline = parse_plan("2026年工作要点\n一、每月5日前报送上月学习情况。\n", 2026)
    assert all(r.counts is None or "学习日" not in r.counts.label
               for r in deadline.requirements)


def test_the_years_plan_set_out_by_quarter_is_no_quarterly_duty():
    draft = parse_plan("2026年工作要点\n一、按季度制定切实可行的年度廉政教育工作方案。\n"
                       "二、每季度召开一次专题会议。\n", 2026)
    assert [(r.period, r.text) for r in draft.requirements if r.period] == [
        (Period.QUARTER, "每季度召开一次专题会议")]


def test_a_monthly_duty_that_follows_the_years_plan_is_still_read():
    """revdiff7 F9: the rule for "按季度制定…年度…计划" dropped every periodic clause that
    ended in 年度…计划, unread and unlisted ("每月召开支委会研究落实年度工作计划")."""
    draft = parse_plan("2026年工作要点\n1.推进。每月召开支委会研究落实年度工作计划。\n", 2026)
    assert [r.period for r in draft.requirements] == [Period.MONTH]


def test_a_return_that_names_only_to_whom_is_still_a_duty():
    """revdiff7 F9: "每季度末报送支部书记" and "每年12月10日前报送县纪委" vanished."""
    quarterly = parse_plan("2026年工作要点\n8.监督。纪检委员每月跟踪督办，每季度末报送支部书记。\n",
                           2026)
    assert [(r.period, r.counts.label if r.counts else "") for r in quarterly.requirements] \
        == [(Period.MONTH, "跟踪督办"), (Period.QUARTER, "向支部书记报送")]
    yearly = parse_plan("2026年工作要点\n5.总结。每年12月10日前报送县纪委。\n", 2026)
    assert [(r.period, r.counts.label if r.counts else "") for r in yearly.requirements] \
        == [(Period.YEAR, "向县纪委报送")]
