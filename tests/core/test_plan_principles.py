"""Guiding principles and goals are listed, not made duties (revjiwei2 N5); a duty that
sits beside a principle is never dropped. Texts from the reviewer's plan and from the
corpus (tests/fixtures/plans), each checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_principles import PRINCIPLE_REASON

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"

# /tmp/revjiwei2/plan2027.txt: the report said the branch had "not yet started" these
SLOGANS = ("2027年党风廉政建设工作要点\n"
           "一、坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面从严治党。\n"
           "二、持之以恒正风肃纪，营造风清气正的良好政治生态。\n"
           "三、加强党的纪律建设，推动全面从严治党向纵深发展。\n")


def _principles(draft) -> list[str]:
    return [u.item for u in draft.untracked if u.reason == PRINCIPLE_REASON]


def _fixture(pattern: str, year: int = 2024):
    path = next(PLANS.glob(pattern))
    lines = path.read_text(encoding="utf-8").split("\n")
    return parse_plan("\n".join(lines[3:]), year=year)


def test_a_plan_of_slogans_has_no_duty_and_says_so():
    draft = parse_plan(SLOGANS)
    assert draft.requirements == []
    assert _principles(draft) == ["一", "二", "三"]
    assert [u.text for u in draft.untracked][1] == "持之以恒正风肃纪，营造风清气正的良好政治生态。"
    summary = draft.summary()
    assert "都是指导思想或总体目标" in summary and "没有读出任何要求" not in summary


@pytest.mark.parametrize("item", [  # one sign of a principle each
    "坚持以习近平新时代中国特色社会主义思想为指导。",
    "深入贯彻党的二十大精神。",
    "营造干事创业、崇廉尚洁的良好氛围。",
    "推动党风廉政建设向纵深发展。",
    "持之以恒正风肃纪。",
    "引导党员牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。",
    "为全县高质量发展提供坚强纪律保障。",
    "不断开创党风廉政建设工作新局面。",
    "目标很明确，就是要做到“三个表率”，建设模范机关。",
])
def test_each_kind_of_principle_is_listed_not_required(item):
    draft = parse_plan(f"2027年工作要点\n一、{item}\n二、每季度召开一次党风廉政建设专题会议。\n")
    assert _principles(draft) == ["一"], [(r.item, r.text) for r in draft.requirements]
    assert [r.item for r in draft.requirements] == ["二"]
    assert "另有 1 条是指导思想或总体目标" in draft.summary()


@pytest.mark.parametrize("item", [
    # a study of the guiding thought can be on record (K10, 35: 一是)
    "深入学习宣传贯彻党的二十大精神、习近平系列讲话精神，抓好整改落实阶段各项工作。",
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习党的二十大精神。",
    # the README's own example of a duty marked by hand (trade-union-2022 4)
    "强化政治监督。认真落实党中央重大决策部署和习近平总书记重要指示批示精神，严明政治纪律和政治规矩。",
    "强化政治监督，持之以恒正风肃纪。",  # the one act: 监督
    # conduct is a duty (county-government-2022 四.4)
    "从严从实廉洁自律。把全面从严治党作为重中之重，带头遵守《中国共产党廉洁自律准则》。",
    # putting a system in place is a duty (M12 一)
    "坚持从严治党，从严治政，在医院上下全面推行党风廉政建设责任制。",
    "持之以恒正风肃纪，及时传达上级纪委通报的典型案例。",
    "营造风清气正的政治生态，开展廉洁文化进机关。",
    "全面从严治党，班子成员之间经常谈心。",
])
def test_a_duty_beside_a_principle_stays_a_duty(item):
    draft = parse_plan(f"2027年工作要点\n一、{item}\n")
    assert [r.item for r in draft.requirements] == ["一"]
    assert _principles(draft) == []


def test_a_guiding_heading_is_listed_and_the_duties_below_it_are_read():
    draft = parse_plan("2027年工作要点\n一、指导思想\n"
                       "坚持以习近平新时代中国特色社会主义思想为指导，常态开展理论学习，不断增强党组织的政治功能。\n二、工作要点\n"
                       "1. 每季度召开一次党风廉政建设专题会议。\n2. 认真开好民主生活会。\n")
    assert _principles(draft) == ["一"]
    assert [r.item for r in draft.requirements] == ["1", "2"]


def test_under_principles_a_named_record_is_still_a_duty():
    """47-jiguan-dangyuan-xuexi-jiaoyu-zhidu: 一、基本原则 — three principles, and
    "适时开展警示教育", which a warning-education record meets."""
    draft = _fixture("real/47-*.txt")
    assert _principles(draft) == ["一.1", "一.2", "一.3"]
    (warning,) = [r for r in draft.requirements if r.item == "一.4"]
    assert warning.counts is not None and warning.counts.ledger == "warning_education"


@pytest.mark.parametrize("pattern, items", [
    ("real/35-*.txt", ["一"]),  # 一、工作目标 …开创各项工作的新局面
    ("real/23-*.txt", ["六"]),  # 六、工作目标 通过建立“主题党日”，促进全体党员…
    ("real/44-*.txt", ["一"]),  # 一、目的意义
    ("real/45-*.txt", ["一"]),  # 一、总体思路
    ("heldout4/L13-*.txt", ["一是", "二是"]),  # 方向很明确，就是全面从严治党
])
def test_goals_in_real_plans_are_listed(pattern, items):
    draft = _fixture(pattern)
    assert _principles(draft) == items
    assert not any(r.item in items for r in draft.requirements)


def test_a_plan_with_a_guiding_section_and_goals_lists_them_on_one_line_each():
    """The shape of a 年度党建工作计划 as the `search` pages corpus shows it (指导思想,
    主要目标, then 重点工作 一是…): the first two listed, every 一是… read."""
    draft = parse_plan(
        "2026年党支部工作计划\n一、指导思想\n以习近平新时代中国特色社会主义思想为引领，深入学习"
        "贯彻党的二十大精神，坚持党要管党、全面从严治党，为各项工作提供坚实的政治保障。\n"
        "二、主要目标\n组织设置合理，职能定位明晰，工作全面覆盖，班子素质优良。\n三、重点工作\n"
        "一是加强党员教育管理，建立常态化学习机制；\n二是推进党组织标准化建设，规范组织生活；\n"
        "三是聚焦重点任务，推动全面从严治党向纵深发展，制定具体实施方案。\n")
    assert _principles(draft) == ["一", "二"]
    assert draft.untracked[1].text == ("主要目标：组织设置合理，职能定位明晰，工作全面覆盖，"
                                       "班子素质优良。")
    assert [r.item for r in draft.requirements] == ["一是", "二是", "三是"]


def test_a_task_named_with_a_principle_stays_a_duty():
    """"坚持以案促改，推动全面从严治党向纵深发展" under 重点任务 is a task (以案促改 sessions are
    kept in 警示教育), not a slogan (reviewer revdiff2, F10)."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    draft = parse_plan("2027年工作要点\n三、重点任务\n"
                       "3．坚持以案促改，推动全面从严治党向纵深发展。\n", 2027)
    assert [r.text for r in draft.requirements] == ["坚持以案促改，推动全面从严治党向纵深发展"]


def test_the_heading_of_an_item_whose_duty_was_read_is_not_listed_as_left_out():
    """revnew6 U7: "1.压实主体责任。党支部每季度召开1次…" — the check listed 13 such headings
    among 未纳入清单的句子 ("写了要做的事，但没有写次数和周期…请双击添加为一项要求"), inviting
    her to add each duty a second time. An item read as no duty still lists its sentences."""
    draft = parse_plan("某单位2026年党风廉政建设工作要点\n"
                       "1.压实主体责任。党支部每季度召开1次党风廉政建设专题会议，研究部署党风"
                       "廉政建设工作。\n"
                       "2.强化政治监督。认真落实政治监督各项要求。\n", 2026)
    assert len(draft.requirements) == 2, [r.text for r in draft.requirements]
    [heading] = [u for u in draft.untracked if "压实主体责任" in u.text]
    assert heading.reason.startswith("可能是本条的标题（本条的要求已从其后读出）"), heading.reason
    # a short duty before a read one is still listed, to be added by a double-click
    # (revdiff10 E3: 全体党员签订廉政承诺书。 was dropped as a heading)
    other = parse_plan("某单位2026年党风廉政建设工作要点\n1.全体党员签订廉政承诺书。党支部每季度"
                       "召开1次专题会议。\n", 2026)
    assert [u.text for u in other.untracked] == ["全体党员签订廉政承诺书"]
    # the second item is made one duty whole, marked by hand: nothing of it is lost
    assert any("强化政治监督" in r.text for r in draft.requirements)


def test_each_members_report_at_the_years_end_is_a_yearly_duty_of_each():
    """revnew6 U2: "每名班子成员年底向党支部述廉述责1次" was made one duty of the whole
    item, met by any one record ("有述廉述责记录即可"): one member's report marked it 已完成
    while the other owed it. 年底 is the year here (not 年底前, a deadline)."""
    draft = parse_plan("某单位2026年党风廉政建设工作要点\n"
                       "14.述廉述责。每名班子成员年底向党支部述廉述责1次。\n", 2026)
    [duty] = draft.requirements
    assert (duty.period, duty.target, duty.role) == (Period.YEAR, 1, Role.LEADERSHIP_MEMBER)
    assert duty.counts is not None and "履责报告" in duty.counts.types
    late = parse_plan("某单位2026年党风廉政建设工作要点\n1.督查。年底前完成3次督查。\n", 2026)
    assert all(r.period is None for r in late.requirements)
    # one of several times is not the year: listed for her to check (revdiff10 E7)
    times = parse_plan("某单位2026年党风廉政建设工作要点\n1.提醒。元旦春节、年底等重要节点开展"
                       "廉政提醒谈话1次。\n", 2026)
    assert all(r.period is not Period.YEAR for r in times.requirements)
    assert any("元旦春节、年底等重要节点" in u.text for u in times.unread)
    # 年底 before 各, 及时, 与: still each one's yearly duty (revlast18 F1); 年中、年底各…:
    # once in each half (F4)
    for line in ("班子成员年底各向党支部述廉述责1次。", "班子成员年底及时向党支部述责述廉1次。",
                 "每名班子成员年底与党支部书记开展1次谈心谈话。"):
        [each] = parse_plan(f"某单位2026年党风廉政建设工作要点\n1.{line}\n", 2026).requirements
        assert (each.period, each.target, each.role) == (
            Period.YEAR, 1, Role.LEADERSHIP_MEMBER), line
    [twice] = parse_plan("某单位2026年党风廉政建设工作要点\n3.年中、年底各开展1次督查检查。\n",
                         2026).requirements
    assert (twice.period, twice.target) == (Period.HALF, 1)
    # another time before 年底 (年初和年底各…, 在年底和春节等节点…): not the year (revlast19 H1)
    for line in ("年初与年底各召开1次专题会议。", "在年底和春节等重要节点开展廉政提醒谈话1次。"):
        read = parse_plan(f"某单位2026年党风廉政建设工作要点\n1.{line}\n", 2026).requirements
        assert all(r.period is not Period.YEAR for r in read), line
