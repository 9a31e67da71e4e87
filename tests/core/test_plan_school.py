"""A township school's published rules as its branch imported them (revnew N-plan-1 … 4):
items numbered 第一，第二…, each item's name run into its first sentence, a duty with no
number beside a yearly one, and a report made upward. The text is
tests/fixtures/plans/heldout7/P03 (its periodic duties are also scored by the bench)."""

from __future__ import annotations

from pathlib import Path

from lianzheng_desktop.core.plan import Period, Role
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_records import UNQUANTIFIED_REASON

HELDOUT7 = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "heldout7"


def _school():
    path = next(HELDOUT7.glob("P03*.txt"))
    return parse_plan("\n".join(path.read_text(encoding="utf-8").split("\n")[3:]), year=2026)


def _one(draft, words):
    found = [r for r in draft.requirements if words in r.text]
    assert len(found) == 1, [(r.item, r.text) for r in draft.requirements]
    return found[0]


# -- N-plan-3: 第一，第二… are item numbers ------------------------------------------------

def test_items_numbered_di_yi_are_numbered_as_written():
    draft = parse_plan("第一，组织生活\n党支部每月开展一次主题党日。\n"
                       "第二、学习制度\n党支部每季度开展一次集中学习。\n"
                       "第十，谈话制度\n书记每年与每名党员谈心谈话一次。", year=2026)
    assert [(i.id, i.title) for i in draft.items] == [
        ("第一", "组织生活"), ("第二", "学习制度"), ("第十", "谈话制度")]
    day = _one(draft, "主题党日")
    assert (day.item, day.text, day.period, day.target) == (
        "第一", "党支部每月开展一次主题党日", Period.MONTH, 1)


def test_a_list_of_ordinals_is_no_numbering():
    """第一、第二、第三党支部分别召开…: which branches, not items 第一 … 第三; 第一、二季度:
    which quarters."""
    draft = parse_plan("全年召开组织生活会6次。\n第一、第二、第三党支部分别召开组织生活会2次。",
                       year=2026)
    assert [i.id for i in draft.items] == ["第1段", "第2段"]
    draft = parse_plan("党支部每季度召开一次支委会。\n第一、二季度各开展一次警示教育。", year=2026)
    assert [i.id for i in draft.items] == ["第1段", "第2段"]


def test_the_school_texts_items_are_its_own_numbers_and_names():
    draft = _school()
    assert [(i.id, i.title) for i in draft.items] == [
        ("第一", "组织生活系统"), ("第二", "民主生活系统"), ("第三", "党员向党组织汇报制度"),
        ("第四", "党支部和群众联络系统的成员要积极开展群众工作，与群众交好朋友"),
        ("第五", "党纪检查制度"), ("第六", "党支部对党员的考核制度")]


def test_a_name_run_into_the_duty_is_split_off():
    draft = parse_plan("第六，党支部对党员的考核制度每年对党员进行一次考核。", year=2026)
    review = _one(draft, "考核")
    assert review.text == "每年对党员进行一次考核"  # not "…考核制度每年对党员进行一次考核"
    assert review.item_title == "党支部对党员的考核制度"
    assert (review.period, review.target) == (Period.YEAR, 1)


def test_a_name_that_is_what_the_sentence_counts_stays():
    """支部委员会会议每月召开一次: the meeting is what is held; split off, nothing is left
    to count."""
    draft = parse_plan("第一、支部委员会会议每月召开一次。\n第二、民主评议党员制度每年开展一次。",
                       year=2026)
    meeting = _one(draft, "支部委员会会议每月召开一次")
    assert meeting.counts is not None and meeting.counts.label == "支部委员会会议"
    review = _one(draft, "民主评议党员制度每年开展一次")
    assert (review.period, review.target) == (Period.YEAR, 1)


def test_a_sector_is_no_name():
    """全市教育系统党组织: who, not a system's name run into a duty."""
    draft = parse_plan("一、全市教育系统党组织每年开展一次警示教育。", year=2026)
    assert _one(draft, "警示教育").text == "全市教育系统党组织每年开展一次警示教育"


# -- N-plan-1: 党员每… after the name is each member's -------------------------------------

def test_reporting_to_the_branch_binds_each_member():
    draft = _school()
    report = _one(draft, "向党组织汇报一次")
    assert report.role is Role.MEMBER  # 王志刚, 李晓燕, 周丽 must each report, not one of them
    assert (report.period, report.target) == (Period.HALF, 1)
    assert report.text.startswith("党员每学期")


def test_a_members_duty_without_a_number_is_each_members():
    draft = parse_plan("第三，党员向党组织汇报制度党员要经常向党组织汇报思想、工作情况。",
                       year=2026)
    duty = _one(draft, "汇报思想")
    assert duty.role is Role.MEMBER  # not the 党组织 reported to
    assert duty.text == "党员要经常向党组织汇报思想、工作情况"


# -- N-plan-2: what is not read is listed -------------------------------------------------

_DISCIPLINE = ("党纪检查制度党支部应结合本单位的实际情况，经常对党员进行党纪教育，及时向党员提出"
               "端正党风、廉洁奉公的具体要求。")


def test_the_discipline_duty_is_read_after_di_wu():
    draft = parse_plan("第五，" + _DISCIPLINE, year=2026)
    duty = _one(draft, "党纪教育")
    assert duty.item == "第五" and duty.role is Role.ORGANISATION
    assert duty.text.startswith("党支部应") and duty.text.endswith("具体要求")


def test_the_discipline_duty_is_listed_in_an_article_or_a_paragraph():
    for text in ("第五条 " + _DISCIPLINE, _DISCIPLINE):
        draft = parse_plan(text, year=2026)
        listed = [u for u in draft.unread if "党纪教育" in u.text]
        assert [u.reason for u in listed] == [UNQUANTIFIED_REASON], text


def test_a_duty_without_a_number_beside_a_yearly_one_is_listed():
    """The school's 第五: its yearly 评价和检查 is read; the 党纪教育 must not vanish."""
    draft = _school()
    assert not any("党纪教育" in r.text for r in draft.requirements)
    listed = [u for u in draft.unread if "经常对党员进行党纪教育" in u.text]
    assert [(u.item, u.reason) for u in listed] == [("第五", UNQUANTIFIED_REASON)]
    check = _one(draft, "评价和检查")
    assert (check.item, check.period, check.target) == ("第五", Period.YEAR, 1)


def test_an_item_that_is_the_duty_is_not_listed_again():
    """一、党组织要经常开展谈心谈话: the item is a duty without a number (met by a record or
    by hand), not also an unread line."""
    draft = parse_plan("一、党组织要经常开展谈心谈话。\n二、每季度召开一次支委会。", year=2026)
    assert _one(draft, "谈心谈话").period is None
    assert draft.unread == []


def test_what_is_not_a_duty_done_often_is_not_listed():
    for text in ("会议根据工作需要不定期召开，由党委书记主持。每年召开一次党员大会。",
                 "必要时可不定期召开。每年召开一次党员大会。",
                 "党支部要认真落实定期召开的各类会议。每年召开一次党员大会。",
                 "关键是要健全报告工作、定期述职等制度。每年召开一次党员大会。",
                 "经常外出的党员，应当在返回后向党组织报告情况。每年召开一次党员大会。"):
        draft = parse_plan(text, year=2026)
        assert draft.unread == [], (text, draft.unread)


def test_a_commentarys_point_of_understanding_is_no_duty():
    draft = parse_plan("第一，要准确理解述责述廉的内涵。述责述廉包括述责和述廉两项要求。\n"
                       "第二，每年召开一次民主生活会。", year=2026)
    assert [r.item for r in draft.requirements] == ["第二"]
    assert [u.item for u in draft.untracked] == ["第一"]


# -- N-plan-4: reporting upward is not hearing a report ------------------------------------

def test_reporting_attendance_upward_is_not_hearing_a_report():
    draft = _school()
    attendance = _one(draft, "出勤情况")
    assert attendance.counts is not None
    assert attendance.counts.types == ("汇报出勤情况",)  # not 听取汇报
    assert (attendance.period, attendance.target) == (Period.HALF, 1)
    assert ("activity", "汇报出勤情况") in draft.new_types


def test_hearing_a_report_is_still_hearing():
    draft = parse_plan("一、班子成员每季度至少听取1次分管部门工作汇报。\n"
                       "二、党委每年听一次村党委书记关于基层党建工作的情况汇报。", year=2026)
    for words in ("听取1次", "听一次"):
        assert _one(draft, words).counts.types == ("听取汇报",)


def test_a_report_up_without_a_number_counts_no_hearing():
    """做好记录，向支部汇报 (no number): no 听取汇报 record meets it."""
    draft = parse_plan("一、做好记录，向支部汇报。\n二、每季度召开一次支委会。", year=2026)
    duty = _one(draft, "向支部汇报")
    assert duty.counts is None or "听取汇报" not in duty.counts.types


def test_the_school_text_is_read_as_labelled():
    """All six periodic duties (also in the bench), and the weekly one listed."""
    draft = _school()
    read = sorted((r.item, r.period.value, r.target) for r in draft.requirements
                  if r.period is not None)
    assert read == [("第一", "half", 1), ("第三", "half", 1), ("第三", "quarter", 1),
                    ("第二", "half", 1), ("第五", "year", 1), ("第六", "year", 1)]
    assert _one(draft, "民主生活会议").text == "党支部每学期至少召开一次民主生活会议"
    assert [u.item for u in draft.untracked if "按周" in u.reason] == ["第一"]  # 每两周


# -- what the secretary then sees (the checklist reads the plan as read) -------------------

def _checklist(records):
    from datetime import date

    from lianzheng_desktop.core.checklist import build_checklist
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.core.records import Person

    roster = [Person(name="褚红梅", role="书记"), Person(name="王志刚", role="班子成员"),
              Person(name="陈建华", role="党员"), Person(name="周丽", role="党员")]
    plan = Plan(2026, _school().requirements)
    return build_checklist(plan, {"activity": records}, roster, Quarter.parse("2026Q4"),
                           date(2026, 11, 30)).items


def _activity(kind, topic, host):
    from datetime import date

    from lianzheng_desktop.core.records import Activity

    return Activity(id=1, date=date(2026, 11, 24), type=kind, topic=topic, host=host)


def test_one_members_report_does_not_tick_every_members_duty():
    from lianzheng_desktop.core.checklist import Status

    items = _checklist([_activity("向党组织汇报", "陈建华向党支部汇报思想工作学习情况", "陈建华")])
    report = next(i for i in items if "向党组织汇报一次" in i.requirement.text)
    assert report.status is not Status.DONE  # the others (书记 included) have not reported
    assert report.missing == ["褚红梅", "王志刚", "周丽"], report.explanation


def test_the_attendance_report_is_said_as_reported_not_heard():
    items = _checklist([_activity("汇报出勤情况", "向学校党总支汇报出勤情况", "褚红梅")])
    attendance = next(i for i in items if "出勤情况" in i.requirement.text)
    assert "下半年已汇报出勤情况1次" in attendance.explanation, attendance.explanation
    assert "听取" not in attendance.explanation
