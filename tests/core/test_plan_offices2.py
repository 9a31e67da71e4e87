"""Plans another office's secretary met (revother F1, F2, F4, F8): a hospital's 2026 党建工作
计划, a 市政府机关's 2026 工作要点 (PDF line breaks) and a typical branch 廉政 plan — the texts
of tests/fixtures/plans/offices2, read as she would read them in the 核对 dialog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_draft import mask_quotes
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_text import normalise, split_nodes

OFFICES2 = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "offices2"
PLANS = OFFICES2.parent


def _text(name: str) -> str:
    lines = next(OFFICES2.glob(f"{name}*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[3:])


def _by_text(draft, words):
    found = [r for r in draft.requirements if words in r.text]
    assert len(found) == 1, [(r.item, r.text) for r in draft.requirements]
    return found[0]


# -- F1: 全年/年内 + act + N次 is a duty in a plan ------------------------------------------

@pytest.mark.parametrize(("line", "target"), [
    ("全年计划组织2-3次红色主题教育活动", 2),
    ("全年开展2次警示教育", 2),
    ("全年组织警示教育2次", 2),
    ("年内开展2次警示教育", 2),
    ("全年组织党员干部参观廉政教育基地1次", 1),
])
def test_a_years_count_in_a_plan_is_a_yearly_duty_with_its_number(line, target):
    draft = parse_plan(f"一、加强党性教育\n{line}。", year=2026)
    assert [(r.period, r.target) for r in draft.requirements] == [(Period.YEAR, target)]


def test_a_visit_to_the_education_base_counts_warning_education_of_that_form():
    requirement = _by_text(parse_plan("2.全年组织党员干部参观廉政教育基地1次。", year=2026),
                           "参观廉政教育基地")
    assert requirement.counts.ledger == "warning_education"
    assert requirement.counts.types == ("参观廉政教育基地",)


def test_a_second_duty_after_another_in_the_same_item_does_not_vanish():
    draft = parse_plan("3.每季度至少开展一次警示教育，全年组织党员干部参观廉政教育基地1次。",
                       year=2026)
    assert [(r.period, r.target) for r in draft.requirements] == [(Period.QUARTER, 1),
                                                                  (Period.YEAR, 1)]


def test_a_body_line_under_a_heading_is_read_not_replaced_by_the_heading():
    draft = parse_plan("一、加强廉政教育\n全年组织党员干部参观廉政教育基地1次。", year=2026)
    assert [r.text for r in draft.requirements] == ["全年组织党员干部参观廉政教育基地1次"]


def test_the_hospital_plans_red_education_is_read_with_its_lower_number():
    requirement = _by_text(parse_plan(_text("O01"), year=2026), "红色主题教育活动")
    assert (requirement.period, requirement.target) == (Period.YEAR, 2)


@pytest.mark.parametrize("line", [
    "全年共开展警示教育2次",  # a result, not a duty
    "全年累计开展警示教育2次",
    "全年已开展警示教育2次",
])
def test_a_years_results_are_still_no_duty(line):
    draft = parse_plan(f"一、工作开展情况\n{line}。", year=2026)
    assert not [r for r in draft.requirements if r.target is not None]


def test_a_count_under_a_year_with_no_verb_after_it_is_no_duty():
    draft = parse_plan("一、全年学习12次，效果良好。", year=2026)  # no act: a description
    assert not [r for r in draft.requirements if r.target is not None]


# -- 读不懂的不丢: every sentence is a requirement, or listed with its reason ----------------

def _sentences(text: str):
    """(sentence, whether it may go unlisted: a heading over a body, or the title line)."""
    text = normalise(text)
    nodes = split_nodes(text)
    heads = set()
    for node in nodes:
        first = node.text.split("\n", 1)[0].strip()
        if node.children or "\n" in node.text.strip():
            heads.add(first)  # a heading over its items or its body: the section's name
    title = text.split("\n", 1)[0].strip()
    for line in text.split("\n"):
        for sentence in re.split(r"[。；;！？]", line):
            sentence = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.．、])", "", sentence).strip()
            if len(sentence) >= 4:
                yield sentence, sentence in heads or sentence == title


@pytest.mark.parametrize("name", ["O01", "O02", "O03"])
def test_no_sentence_is_neither_a_requirement_nor_listed(name):
    text = _text(name)
    draft = parse_plan(text, year=2026)
    told = [r.text for r in draft.requirements] + [u.text for u in draft.unread + draft.untracked]
    said = "\n".join(mask_quotes(normalise(t)) for t in told)
    lost = []
    for sentence, may_pass in _sentences(text):
        clauses = [c for c in re.split(r"[，,：:]", mask_quotes(sentence)) if len(c) >= 4]
        if not may_pass and not any(c in said for c in clauses):
            lost.append(sentence)
    assert not lost, lost


def test_the_hospital_plans_guiding_paragraph_is_listed_as_such():
    draft = parse_plan(_text("O01"), year=2026)
    assert any("为指导" in u.text and "指导思想" in u.reason for u in draft.untracked)


# -- F8: 支部书记与支部委员、支部委员与党员之间: a chain covering everyone ---------------------

def test_talks_down_the_chain_are_a_coverage_of_everyone_not_the_secretarys_one_talk():
    draft = parse_plan((OFFICES2 / "O03-zhibu-lianzheng-yaodian-dianxing.txt")
                       .read_text(encoding="utf-8").split("\n", 3)[3], year=2026)
    requirement = _by_text(draft, "支部委员与党员之间")
    assert requirement.role is not Role.FIRST_RESPONSIBLE
    assert requirement.role is None
    assert requirement.coverage == 100
    assert requirement.period is Period.YEAR
    assert requirement.counts.types == ("谈心谈话",)
    assert requirement.text.startswith("支部书记与支部委员")


def test_a_chain_without_its_between_and_with_the_years_count_is_one_coverage():
    """revnew6 U4: "支部书记与班子成员、班子成员与分管股室干部每半年开展1次…，全年不少于2次"
    was the 书记's own count twice (每半年1次, and 全年2次 again): 张敏's talks counted for
    nothing and the paper said the 书记 owed them."""
    draft = parse_plan("一、开展谈心谈话。支部书记与班子成员、班子成员与分管股室干部每半年开展1次"
                       "党风廉政建设谈心谈话，全年不少于2次。", year=2026)
    [requirement] = draft.requirements
    assert (requirement.period, requirement.coverage, requirement.role) == (
        Period.HALF, 100, None)


def test_another_talk_duty_beside_a_chain_stays_its_own():
    """revdiff10 E1: the chain's sentence swallowed "支部书记每年与班子成员开展廉政谈话不少于
    2次" (gone, listed nowhere), and a chain of 责任书 turned the 书记's own "每季度…1次廉政
    谈话" into every member talked to each quarter."""
    draft = parse_plan("一、主体责任\n1.逐级压实责任。党组书记与班子成员、班子成员与股室负责人逐级"
                       "签订党风廉政建设责任书，党组书记每季度与班子成员开展1次廉政谈话。\n"
                       "2.加强谈心谈话。支部书记与班子成员、班子成员与分管股室干部每半年开展1次"
                       "谈心谈话，支部书记每年与班子成员开展廉政谈话不少于2次。", year=2026)
    read = [(r.period, r.target, r.coverage, r.role) for r in draft.requirements]
    assert read == [(Period.QUARTER, 1, None, Role.FIRST_RESPONSIBLE),
                    (Period.HALF, None, 100, None),
                    (Period.YEAR, 2, None, Role.FIRST_RESPONSIBLE)], read


def test_talks_between_the_secretary_and_others_alone_stay_the_secretarys():
    requirement = parse_plan("一、党支部书记与其他班子成员之间的谈心谈话每年不少于2次。",
                             year=2026).requirements[0]
    assert requirement.coverage is None and requirement.target == 2


# -- F2: 每半年召开一次专题会议 on 意识形态 is not ticked by a 廉政 meeting ------------------------

def test_a_meeting_on_ideology_keeps_its_subject_and_counts_only_such_meetings():
    requirement = _by_text(parse_plan(_text("O01"), year=2026), "专题会议")
    assert "意识形态" in requirement.text
    assert (requirement.period, requirement.target) == (Period.HALF, 1)
    assert requirement.counts.types == ("意识形态专题会议",)
    assert "意识形态专题会议" in requirement.counts.describe()


def test_a_meeting_named_with_its_subject_counts_only_such_meetings():
    requirement = parse_plan("一、每季度召开一次安全生产专题会议。", year=2026).requirements[0]
    assert requirement.counts.types == ("安全生产专题会议",)


def test_the_unions_clean_governance_meetings_still_count_every_special_meeting():
    draft = parse_plan((PLANS / "trade-union-2022.txt").read_text(encoding="utf-8"), year=2022)
    requirement = _by_text(draft, "专题会议")
    assert requirement.counts.types == ("专题会议",)
    mixed = parse_plan("一、每半年召开一次专题会议，研究党风廉政建设和意识形态工作。", year=2026)
    assert mixed.requirements[0].counts.types == ("专题会议",)


# -- F4: a heading alone is a title, not a duty -----------------------------------------------

def test_a_bare_heading_at_the_end_is_listed_as_a_title_not_a_duty():
    draft = parse_plan(_text("O01"), year=2026)
    assert not [r for r in draft.requirements if "加强组织建设" in r.text]
    assert any("加强组织建设" in u.text and "标题" in u.reason for u in draft.untracked)


def test_a_slogan_heading_over_a_body_the_reader_cannot_read_is_no_duty():
    draft = parse_plan(_text("O02"), year=2026)
    assert not [r for r in draft.requirements if "摆在首位" in r.text]
    assert any("摆在首位" in u.text and "标题" in u.reason for u in draft.untracked)
    assert any("闭环管理流程" in u.text for u in draft.untracked)  # the body: listed, not lost


def test_the_unions_headed_items_stay_duties_marked_by_hand():
    draft = parse_plan((PLANS / "trade-union-2022.txt").read_text(encoding="utf-8"), year=2022)
    texts = [r.text for r in draft.requirements]
    for title in ("巩固拓展党史学习教育成果", "强化政治监督", "明确责任分工", "严肃执纪问责"):
        assert title in texts


def test_reading_the_saved_plan_again_pairs_the_meeting_with_its_subject_now_kept():
    """The plan saved before kept "每半年召开一次专题会议"; read again it is the same duty with
    its subject: paired (its marks and 计入要求 kept, the new records named), not kept as a
    sentence "软件未能读出" beside the new one and counted twice."""
    from lianzheng_desktop.core.plan import Counts, Requirement
    from lianzheng_desktop.core.requirement_pairs import compare

    text = _text("O01")
    saved = Requirement(item="一", text="每半年召开一次专题会议", item_text="深入开展理论学习",
                        counts=Counts("activity", ("专题会议",), "专题会议"),
                        period=Period.HALF, target=1, id=3)
    new = parse_plan(text, year=2026).requirements
    replacing = compare([saved], text, new, {}, new_text=text)
    assert replacing.unread == [] and replacing.removed == []
    assert [(old.id, now.counts.types) for old, now in replacing.changes] == [
        (3, ("意识形态专题会议",))]


def test_a_meeting_named_by_its_subject_keeps_it_beside_the_branchs_words():
    """revjiwei5 F2: "落实党风廉政建设和意识形态工作责任制，每半年召开一次意识形态工作专题会议"
    lost its subject because the sentence also named 党风廉政, and a 巡察整改 meeting ticked it."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    for text in ("落实党风廉政建设和意识形态工作责任制，每半年召开一次意识形态工作专题会议。",
                 "完善党风廉政建设责任制，全年召开不少于4次专题会议，"
                 "每半年召开一次意识形态工作专题会议。"):
        draft = parse_plan(f"2026年要点\n一、责任\n1.{text}\n")
        found = {r.text: r.counts.types for r in draft.requirements}
        assert found["每半年召开一次意识形态工作专题会议"] == ("意识形态专题会议",), found
    both = parse_plan("2026年要点\n一、责任\n1.研究党风廉政建设和意识形态工作，"
                      "每季度召开专题会议1次。\n")
    assert [r.counts.types for r in both.requirements] == [("专题会议",)]  # the branch's own


def test_a_heading_the_new_reading_lists_is_not_kept_as_unread():
    """revjiwei5 F1: re-reading the hospital's plan listed "加强组织建设…" as a title, then kept
    the requirement an older reading had made of it "是此前手工补充的"; the paper promised
    measures for a section heading."""
    from lianzheng_desktop.core.plan import Requirement
    from lianzheng_desktop.core.requirement_pairs import compare

    text = ("2026年计划\n一、加强党性教育\n每月组织一次集中学习。\n"
            "二、加强组织建设，提升党组织凝聚力和战斗力\n")
    heading = Requirement(item="二", text="加强组织建设，提升党组织凝聚力和战斗力",
                          item_text="加强组织建设，提升党组织凝聚力和战斗力")
    draft = parse_plan(text)
    listed = [line.text for line in draft.untracked]
    assert "加强组织建设，提升党组织凝聚力和战斗力" in listed
    went = compare([heading], text, draft.requirements, {}, text, listed)
    assert went.removed == [heading] and went.unread == []
    kept = compare([heading], text, draft.requirements, {}, text)  # a sentence not read
    assert kept.unread == [heading]
