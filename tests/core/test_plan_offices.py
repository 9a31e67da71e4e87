"""Plans as other offices write them (revoffice F1–F5, revyear F3): the two texts of
tests/fixtures/plans/heldout7 and the shapes they showed, read as a secretary would."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianzheng_desktop.core.plan import Role
from lianzheng_desktop.core.plan_parser import parse_plan

HELDOUT7 = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "heldout7"


def _text(name: str) -> str:
    lines = next(HELDOUT7.glob(f"{name}*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[3:])


def _audit():
    return parse_plan(_text("P01"), year=2026)


def _xinfang():
    return parse_plan(_text("P02"), year=2026)


def _by_text(draft, words):
    found = [r for r in draft.requirements if words in r.text]
    assert len(found) == 1, [(r.item, r.text) for r in draft.requirements]
    return found[0]


# -- F1: 一是…二是…三是… paragraphs -------------------------------------------------------

def test_points_written_one_per_paragraph_are_the_plans_items():
    draft = _audit()
    assert [i.id for i in draft.items if i.id.endswith("是")] == ["一是", "二是", "三是"]
    assert draft.requirements, "a plan of 一是…三是 read as no requirement at all"


def test_each_of_the_seven_ones_is_a_duty_counted_by_its_records():
    draft = _audit()
    talk = _by_text(draft, "进行一次审前廉政谈话")
    assert talk.text == "进行一次审前廉政谈话" and talk.item == "一是"
    assert talk.counts is not None and talk.counts.ledger == "talk"
    promise = _by_text(draft, "签订一份廉洁承诺书")
    assert promise.counts is not None and promise.counts.types == ("廉政承诺",)
    warning = _by_text(draft, "进行一次以案促改警示教育")
    assert warning.counts is not None and warning.counts.ledger == "warning_education"
    for words in ("建立一个临时党支部", "搭建一个党建工作阵地", "开展一次审中项目检查",
                  "上报一份党建和廉政建设的审计工作报告"):
        assert _by_text(draft, words).period is None  # once per 外出审计组: no period
    # the seven are what the first point asks; nothing else of it becomes a duty
    assert len([r for r in draft.requirements if r.item == "一是"]) == 7


def test_a_duty_of_every_member_is_not_the_secretarys_alone():
    """F1 addendum: 支部书记、组宣委员、纪检委员和成员层层落实“一岗双责” binds everyone."""
    (third,) = [r for r in _audit().requirements if r.item == "三是"]
    assert third.role is not Role.FIRST_RESPONSIBLE


def test_a_count_with_no_period_in_prose_is_listed_unread_with_its_reason():
    draft = parse_plan("各支部要开展一次廉政专题党课，并做好记录。", year=2026)
    assert draft.requirements == []
    (unread,) = draft.unread
    assert "开展一次廉政专题党课" in unread.text and "周期" in unread.reason


# -- F2: unnumbered duties that name records, and lines that are not duties ---------------

def test_an_unnumbered_duty_naming_a_known_type_counts_those_records():
    meeting = _by_text(_xinfang(), "党组织定期召开专题例会")
    assert meeting.counts is not None and meeting.counts.types == ("专题会议",)


def test_an_unnumbered_duty_counts_a_type_the_plan_itself_named():
    draft = parse_plan("一、组织生活\n1.党员大会每月召开一次。\n2.支部要认真开好党员大会，"
                       "做好会议记录。", year=2026)
    second = _by_text(draft, "认真开好党员大会")
    assert second.counts is not None and second.counts.types == ("党员大会",)


def test_who_chairs_a_meeting_and_what_it_covers_are_not_duties():
    draft = _xinfang()
    texts = [r.text for r in draft.requirements]
    assert not any("主持" in t for t in texts), texts
    assert not any("主要内容" in t for t in texts), texts


# -- revyear F3: several institutions named ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "1.严格制度执行。严格落实领导干部报告个人事项、廉政承诺、谈话、责任追究等制度。",
    "1.严格制度执行。严格落实廉政承诺、领导干部报告个人事项、谈话、责任追究等制度。",
])
def test_a_duty_naming_several_institutions_counts_each(sentence):
    (requirement,) = parse_plan(sentence, year=2026).requirements
    assert requirement.counts is not None
    assert set(requirement.counts.types) == {"个人事项报告", "廉政承诺"}


# -- F3/F5: whole clauses, findable numbers ---------------------------------------------

def test_requirement_texts_are_whole_clauses_never_cut_mid_word():
    draft = _xinfang()
    for requirement in draft.requirements:
        assert "…" not in requirement.text, requirement.text
        assert requirement.text in requirement.item_text, requirement.text
    first = _by_text(draft, "每年年初制定党建工作安排")
    assert first.text.endswith(("制定党建工作安排", "紧密结合起来"))


def test_sections_keep_their_brackets_and_items_their_place():
    draft = _xinfang()
    first = _by_text(draft, "每年年初制定党建工作安排")
    assert first.section == "（一）党组党建工作责任制度"
    monthly = _by_text(draft, "党员大会每月召开一次")
    assert "（2）" not in monthly.item
    assert monthly.item != first.item and not first.item.startswith(monthly.item)
    assert monthly.section == "（二）党支部委员会工作制度"


# -- F4: the type named with its verb ---------------------------------------------------

def test_a_type_named_with_its_verb_is_the_meeting():
    monthly = _by_text(_xinfang(), "党员大会每月召开一次")
    assert monthly.counts.types == ("党员大会",)
    assert monthly.counts.label == "党员大会"


def test_a_list_restarted_after_a_sentence_is_the_text_starting_again():
    """Only a heading (“三会一课”制度) takes a restarted (一) as its own; after a sentence the
    restart is a new part (a plan pasted twice keeps its items, numbered apart)."""
    once = "一、教育\n（一）强化教育。每季度开展1次集中警示教育。\n二、监督\n（一）加强监督。\n"
    draft = parse_plan(once * 2, year=2026)
    assert [i.id for i in draft.items] == ["一.一", "二.一", "一.一（2）", "二.一（2）"]
    assert [i.section for i in draft.items][2] == "一、教育"


def test_the_siblings_of_a_repeated_number_are_numbered_alike():
    text = ("1.学习\n（1）学习制度\n①每月集中学习一次。\n②做好记录。\n"
            "2.会议\n（1）会议制度\n①每月召开支委会一次。\n②做好记录。\n③会前通知。")
    ids = [i.id for i in parse_plan(text, year=2026).items]
    assert ids == ["1.1.①", "1.1.②", "2.1.①", "2.1.②", "2.1.③"]


@pytest.mark.parametrize("sentence", [
    "该县要求各级党政组织认真学习贯彻十八届纪委二次全会精神。",
    "支部要组织好两年一次的民主评议党员工作。",
])
def test_an_ordinal_or_a_long_period_is_not_listed_as_a_count_without_period(sentence):
    assert parse_plan(sentence, year=2026).unread == []


def test_a_duty_at_the_start_of_the_year_beside_a_monthly_one_is_listed_unread():
    """revoffice F5: 年初，党支部…制定具体的年度学习计划 was neither a requirement nor unread."""
    draft = _xinfang()
    assert any("制定具体的年度学习计划" in u.text and "年初" in u.reason for u in draft.unread)
