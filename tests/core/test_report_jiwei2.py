"""The second 纪委 line-by-line reading (reviews/revjiwei2.md): each finding as the sentence a
reader sees in the branch's report, the 书记's own and a member's own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lianzheng_desktop.core.records import Person, UnitProfile
from lianzheng_desktop.core.report_content import build_document, own_title
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.reports import load_report_data

DUTY, PROBLEMS, NEXT = SECTION_HEADINGS[0], SECTION_HEADINGS[2], SECTION_HEADINGS[3]
Q2 = ReportPeriod(2022, 2)
ITEM = "工会经费支出审批手续不规范，部分报销单据缺少经办人签字"  # 陈立新's, done 5-26


def _texts(store, period, as_of=None, person=None):
    return build_document(load_report_data(store, period, as_of, person)).section_texts()


# -- N1: an item awaiting its 回头看, in every paper handed in together -----------------

def test_an_item_awaiting_its_review_is_named_in_every_report(demo_store):
    """A member's report named it; the branch's and the 书记's (整改第一责任人) were silent."""
    branch, head = _texts(demo_store, Q2), _texts(demo_store, Q2, person="王建国")
    own = _texts(demo_store, Q2, person="陈立新")
    done = f"“{ITEM}”已于2022年5月26日完成整改，尚未开展“回头看”，整改成效还有待检验。"
    assert f"整改事项{done}" in branch[PROBLEMS], branch[PROBLEMS]
    assert f"整改事项“{ITEM}”（陈立新负责）已于2022年5月26日完成整改" in head[PROBLEMS]
    assert f"本人负责的整改事项{done}" in own[PROBLEMS], own[PROBLEMS]
    assert f"对“{ITEM}”开展整改“回头看”，由陈立新负责，巩固整改成效。" in branch[NEXT]
    assert f"督促陈立新对“{ITEM}”开展整改“回头看”，巩固整改成效。" in head[NEXT]
    assert f"对“{ITEM}”开展整改“回头看”，巩固整改成效。" in own[NEXT]


# -- N2: 全体 only as it is --------------------------------------------------------------

def test_talks_reaching_everyone_say_the_secretary_is_not_among_them(demo_store):
    """"谈话覆盖全体干部职工5人" in a 6-person unit: the 书记 talks, she is not her own talkee;
    one who has left since is counted, and said so."""
    demo_store.add("talk", {"date": "2022-07-01", "type": "谈心谈话", "talker": "王建国",
                            "talkees": "何军"})
    duty = _texts(demo_store, ReportPeriod(2022))[DUTY]
    assert "谈话覆盖除书记外的全体党员干部11人，含已离岗的何军。" in duty, duty
    assert "谈话覆盖全体" not in duty


# -- N4: the annex agrees with the body on 长期坚持 without 整改措施 -----------------------

def test_a_standing_item_without_measures_is_marked_in_the_annex(demo_store):
    demo_store.add("rectification", {
        "number": "ZC-01", "source": "自查", "description": "廉政风险防控措施落实不到位",
        "owner": "张志强", "found_date": date(2022, 3, 1), "deadline": date(2022, 12, 31),
        "status": "长期坚持"})
    document = build_document(load_report_data(demo_store, ReportPeriod(2022, 3)))
    ledger = next(a for a in document.appendices if "整改事项台账" in a.title)
    rows = {row[0]: row for row in ledger.rows}
    assert rows["ZC-01"][4] == "长期坚持（未填整改措施）"
    assert rows["XC-2022-06"][4] == "长期坚持"  # with its measures: as the body counts it
    assert ledger.note.startswith("注：状态为“长期坚持（未填整改措施）”的事项，未填写长期坚持的"
                                  "整改措施，正文按尚在整改计算；")  # then the 补录 mark's
    assert "长期坚持1件、尚在整改2件" in document.section_texts()[DUTY]


# -- N5: requirements without records, of any wording --------------------------------

FULL = "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面从严治党"


def test_a_requirement_without_a_record_reads_whole_and_in_quotes(demo_store):
    """"坚持以习近平…深入贯彻党的二…等3项要求尚未开展" and "抓紧开展坚持以…为指导…": any
    requirement a plan holds, a principle too, is named whole, in quotes, with no 开展."""
    data = load_report_data(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20))
    cut = FULL[:30] + "…"  # as the plan reader stores a long one
    items = [replace(i, requirement=replace(i.requirement, text=cut, item_text=FULL + "。"))
             if i.requirement.text == "强化政治监督" else i for i in data.checklist.items]
    data = replace(data, checklist=replace(data.checklist, items=items))
    texts = build_document(data).section_texts()
    [said] = [line for line in texts[PROBLEMS].splitlines() if FULL in line]
    assert said.startswith("此外，年度工作要点中“") and f"“{FULL}”" in said, said
    assert said.endswith("要求，截至2022年9月20日台账中尚无计入的工作记录。"), said
    [step] = [line for line in texts[NEXT].splitlines() if FULL in line]
    assert "对照“" in step and step.endswith(
        "要求，逐项明确牵头人和具体措施，于2022年12月31日前落实到位。"), step
    body = "".join(texts.values())
    assert "…" not in body and "开展坚持" not in body and "要求尚未开展" not in body


def test_a_requirement_stored_cut_short_is_named_whole():
    """The plan reader keeps a long requirement cut with "…" (the reviewer's "党的二…");
    the body names it whole, from its item's text, up to the end of that sentence."""
    from lianzheng_desktop.core.plan import Requirement
    from lianzheng_desktop.core.report_facts import named

    cut = Requirement(item="一",
                      text="坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二…",
                      item_text="坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大"
                                "精神，全面从严治党。持之以恒正风肃纪。")
    assert named(cut) == ("坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，"
                          "全面从严治党")
    assert named(Requirement(item="2", text="强化政治监督", item_text="强化政治监督。")) == \
        "强化政治监督"


# -- N6: a member's 一 counts what he did, and a lone point keeps its title -------------

def test_an_overdue_item_is_not_among_a_members_duties_done(demo_store):
    own = _texts(demo_store, ReportPeriod(2022, 4), person="张志强")[DUTY]
    first = own.splitlines()[0]
    assert "整改事项" not in first, first  # XC-2022-05, due 9月30日, still open
    finished = _texts(demo_store, Q2, person="陈立新")[DUTY].splitlines()[0]
    assert finished.endswith("完成整改事项1件。"), finished  # XC-2022-01, done 5月26日


def test_a_lone_point_keeps_its_title_as_a_phrase(demo_store):
    demo_store.add("warning_education", {
        "date": "2022-11-10", "form": "观看警示教育片", "topic": "观看《零容忍》",
        "host": "王建国", "attendees": "王建国、张志强", "head_count": 2})
    data = load_report_data(demo_store, ReportPeriod(2022, 4), person="张志强")
    data = replace(data, activities=[], talks=[], rectification=[])
    lines = build_document(data).section_texts()[DUTY].splitlines()
    assert lines[1] == "在深化警示教育方面，11月10日观看《零容忍》（王建国主持，本人参加，共2人）。"


# -- N7: one event in two ledgers, once in every report ---------------------------------

def test_one_meeting_kept_as_a_session_too_is_merged_in_everyones_report(demo_store):
    demo_store.add("activity", {"date": "2022-11-05", "type": "专题会议",
                                "topic": "以案促改专题会暨警示教育大会", "host": "王建国",
                                "attendees": "王建国、张志强、李秀梅"})
    demo_store.add("warning_education", {
        "date": "2022-11-05", "form": "以案促改专题会", "topic": "以案促改专题会暨警示教育大会",
        "host": "王建国", "attendees": "王建国、张志强、李秀梅、刘芳、赵明、周伟",
        "head_count": 6})
    period = ReportPeriod(2022, 4)
    head = _texts(demo_store, period, person="王建国")[DUTY]
    own = _texts(demo_store, period, person="张志强")[DUTY]
    assert "11月5日召开以案促改专题会暨警示教育大会（与集中警示教育合并召开）" in head, head
    assert "本人主持，3人参加" not in head
    assert "11月5日参加以案促改专题会暨警示教育大会（与集中警示教育合并召开）" in own, own
    assert "共3人" not in own


# -- N8: one title for the 书记, in the branch's report and her own ---------------------

def test_the_secretary_signs_both_papers_with_one_title():
    profile = UnitProfile(unit_name="某县总工会", org_name="某县总工会机关党支部",
                          secretary_name="马红梅")
    head = Person(name="马红梅", post="党支部书记、常务副主席", role="书记")
    assert own_title(profile, head) == "某县总工会机关党支部书记、某县总工会常务副主席"
    assert own_title(UnitProfile(), head) == "党支部书记、常务副主席"  # no unit to name
    member = Person(name="高建军", post="副主席", role="班子成员")
    assert own_title(profile, member) == "某县总工会副主席"
    # a post in the branch after the branch's name, one in the unit after the unit's:
    # "某县卫生健康局支部纪检委员" named a branch that does not exist (revjiwei7 F8)
    health = UnitProfile(unit_name="某县卫生健康局", org_name="中共某县卫生健康局机关支部委员会")
    inspector = Person(name="赵志刚", post="支部纪检委员、财务科科长", role="班子成员")
    assert own_title(health, inspector) == \
        "中共某县卫生健康局机关支部委员会纪检委员、某县卫生健康局财务科科长"


def test_the_branch_report_and_the_secretarys_own_carry_the_same_title(demo_store):
    branch = build_document(load_report_data(demo_store, Q2))
    own = build_document(load_report_data(demo_store, Q2, person="王建国"))
    signed = "县总工会机关党支部书记、县总工会党组书记、常务副主席\u3000王建国"
    assert branch.closing[0] == own.closing[0] == signed
    assert branch.meta == own.meta == ["（2022年第二季度）", signed]  # too long for one line


# -- N9: a member's 三 with no problem of his own --------------------------------------

def test_a_section_three_with_no_problem_of_ones_own_is_noted(demo_store):
    from lianzheng_desktop.app.reports import NO_OWN_PROBLEM_NOTE, prepare_report

    own = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20), "张志强")
    assert own.document.section_texts()[PROBLEMS] == (
        "年度工作要点没有对本人单独提出量化任务；本人负责的1件整改事项尚未完成，仍在整改时限内。")
    assert NO_OWN_PROBLEM_NOTE in own.notes
    late = prepare_report(demo_store, ReportPeriod(2022, 4), person="张志强")  # one overdue
    assert NO_OWN_PROBLEM_NOTE not in late.notes
    assert NO_OWN_PROBLEM_NOTE not in prepare_report(demo_store, ReportPeriod(2022, 3)).notes


# -- N12: the 书记 answers for her own duties, not "督促不力" ----------------------------

def test_the_secretary_does_not_urge_herself(demo_store):
    head = _texts(demo_store, ReportPeriod(2022, 3), person="王建国")[PROBLEMS]
    assert "督促不力" not in head
    assert "本人作为第一责任人，履行职责还有不到位的地方，本季度主要存在以下问题：" in head


# -- N13: the checklist's JSON says what the paper says -------------------------------

def test_checklist_json_labels_a_duty_without_record_as_printed(demo_store):
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.storage import plans

    checklist = plans.load_checklist(demo_store, Quarter(2022, 3), date(2022, 9, 20))
    item = next(i for i in checklist.items if i.requirement.text == "强化政治监督")
    assert item.to_json()["status_label"] == "尚未开展" == item.label
    assert item.to_json()["status"] == "on_track"


def test_a_duty_the_plan_sets_a_members_branch_post_is_named_in_his_paper(demo_store):
    """revjiwei7 F4: "纪检委员每月跟踪督办" is in the plan, yet the 纪检委员's own paper said
    "年度工作要点没有对本人单独提出量化任务". It names the duty and where it is checked."""
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage.plans import add_requirement

    person = next(p for p in demo_store.list("roster") if p.name == "张志强")
    demo_store.update("roster", person.id, {"name": person.name, "role": person.role,
                                            "post": "支部纪检委员、副主席"})
    add_requirement(demo_store, 2022, Requirement(
        item="9", text="纪检委员每月跟踪督办", counts=Counts("activity", ("督查检查",), "督查"),
        period=Period.MONTH, target=1))
    own = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20), "张志强")
    said = own.document.section_texts()[PROBLEMS]
    assert said.startswith("年度工作要点对纪检委员提出的“纪检委员每月跟踪督办”，按支部整体核对"
                           "（见支部的述廉述责报告）；此外没有对本人单独提出量化任务；"), said


def test_a_requirement_whose_words_say_only_how_often_is_named_with_its_item():
    """A table row's measure "每年至少2次" (of 开展党内谈心谈话) was printed alone: "一是每年至少
    2次的要求落实进度滞后", "二是每年至少2次，本人尚需2次" — two times of what, the reader
    cannot tell. Words that name what is counted are printed as they are."""
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.core.report_facts import named

    talks = Counts("talk", ("谈心谈话",), "谈心谈话")
    bare = Requirement(item="4", text="每年至少2次", item_title="开展党内谈心谈话", counts=talks,
                       period=Period.YEAR, target=2)
    assert named(bare) == "开展党内谈心谈话，每年至少2次"
    said = replace(bare, text="班子成员之间每年至少开展2次谈心谈话")
    assert named(said) == "班子成员之间每年至少开展2次谈心谈话"


def test_a_requirement_of_an_item_without_a_heading_is_named_once():
    """revcode2 I: an item with no heading has its first sentence as its title, holding the
    requirement's words: "开展谈心谈话，每年至少2次，每年至少2次" was printed."""
    from lianzheng_desktop.core.plan_parser import parse_plan
    from lianzheng_desktop.core.report_facts import named

    [talks] = [r for r in parse_plan("2022年工作要点\n（三）开展谈心谈话，每年至少2次。\n",
                                     2022).requirements]
    assert named(talks) == "开展谈心谈话，每年至少2次"


def test_a_members_paper_holds_his_monthly_duty_month_by_month(demo_store):
    """revcode2 H: the member's own paper left out the duty the plan lays on each 班子成员
    each month; the 书记's said it done on the others' talks."""
    row = _own_monthly_row(demo_store, "每名班子成员每月至少与分管科室党员开展1次谈心谈话",
                           "talk", "谈心谈话")
    assert row[2] == "未完成"
    assert row[3] == ("本人开展谈心谈话：10月0次、11月0次、12月0次，要求每月不少于1次，"
                      "10月至12月未达到要求。"), row


def test_the_years_paper_asks_a_monthly_duty_of_each_by_the_month(demo_store):
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role
    from lianzheng_desktop.storage.plans import add_requirement

    add_requirement(demo_store, 2022, Requirement(
        item="9", text="每名班子成员每月至少与分管科室党员开展1次谈心谈话",
        counts=Counts("talk", ("谈心谈话",), "谈心谈话"), period=Period.MONTH, target=1,
        role=Role.LEADERSHIP_MEMBER))
    year = prepare_report(demo_store, ReportPeriod(2022), date(2022, 12, 31))
    [row] = [r for r in year.document.appendices[0].rows if "每月至少与分管科室" in r[1]]
    assert row[3].endswith("（要求每人每月不少于1次）。"), row
    # which months each missed, not only which quarters (revjiwei8 F)
    talks = demo_store.list("talk")
    missed = {name: [m for m in range(1, 13) if not any(
        t.talker == name and t.date.month == m and t.type == "谈心谈话" for t in talks)]
        for name in ("李秀梅", "张志强", "陈立新")}
    assert all(missed.values()), missed
    assert row[3].startswith(f"李秀梅{missed['李秀梅'][0]}月"), row


def test_every_branch_post_is_the_branchs_in_every_title():
    """revcode2 B: two rules for one fact — a member's "副书记" and "委员" were printed as the
    bureau's (某县卫生健康局副书记), the secretary's 纪检委员 as the bureau's too."""
    health = UnitProfile(unit_name="某县卫生健康局", org_name="中共某县卫生健康局机关支部委员会")
    org, unit = "中共某县卫生健康局机关支部委员会", "某县卫生健康局"
    for post, title in (("副书记", f"{org}副书记"),
                        ("副书记、副局长", f"{org}副书记、{unit}副局长"),
                        ("委员", f"{org}委员"),
                        ("支委、办公室主任", f"{org}委员、{unit}办公室主任")):
        assert own_title(health, Person(name="甲", post=post, role="班子成员")) == title, post
    head = Person(name="王振华", post="党支部书记、纪检委员、局长", role="书记")
    assert own_title(health, head) == f"{org}书记、纪检委员、{unit}局长"


def test_another_bodys_secretary_is_not_a_post_of_the_branch():
    """revdiff7 F5: "机关党委书记", "局团委书记", "党总支书记" were printed after the branch's
    name, a body that does not hold them."""
    profile = UnitProfile(unit_name="某县交通运输局", org_name="某县交通运输局机关党支部")
    for post, title in (("副局长、局团委书记", "某县交通运输局副局长、局团委书记"),
                        ("党总支书记、副局长", "某县交通运输局党总支书记、副局长"),
                        ("机关党支部副书记、副局长",
                         "某县交通运输局机关党支部副书记、某县交通运输局副局长")):
        assert own_title(profile, Person(name="甲", post=post, role="班子成员")) == title, post


def test_a_duty_handed_to_a_post_is_not_set_to_it(demo_store):
    """revdiff7 F4: "…并于每季季末次月7日前交支部纪检委员" (handed TO him) was printed in the
    纪检委员's own paper as a task the plan set him."""
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage.plans import add_requirement

    person = next(p for p in demo_store.list("roster") if p.name == "张志强")
    demo_store.update("roster", person.id, {"name": person.name, "role": person.role,
                                            "post": "支部纪检委员、副主席"})
    demo_store.add_plan_types([("activity", "报送纪实表")], 2022)
    add_requirement(demo_store, 2022, Requirement(
        item="10", text="按季度填写纪实表，并于每季季末次月7日前交支部纪检委员",
        counts=Counts("activity", ("报送纪实表",), "报送纪实表"), period=Period.QUARTER,
        target=1))
    own = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20), "张志强")
    assert "对纪检委员提出的" not in own.document.section_texts()[PROBLEMS]


def test_a_secretary_who_is_also_the_inspector_is_titled_once_for_each_post():
    """revlast7 F11: "党支部书记兼纪检委员" was printed "…书记、书记兼纪检委员"."""
    profile = UnitProfile(unit_name="某县交通运输局", org_name="某县交通运输局机关党支部")
    head = Person(name="甲", post="党支部书记兼纪检委员、副局长", role="书记")
    assert own_title(profile, head) == ("某县交通运输局机关党支部书记、纪检委员、"
                                        "某县交通运输局副局长")


def test_a_post_typed_with_a_bracket_does_not_break_the_paper(demo_store):
    """A post as she types it ("支部纪检委员（兼"), read as a pattern, raised an error
    out of the report."""
    from lianzheng_desktop.app.reports import prepare_report

    person = next(p for p in demo_store.list("roster") if p.name == "张志强")
    demo_store.update("roster", person.id, {"name": person.name, "role": person.role,
                                            "post": "支部纪检委员(兼、副主席"})
    own = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 20), "张志强")
    assert own.document.section_texts()[PROBLEMS]


def test_a_members_paper_says_he_took_part_where_the_duty_is_to_take_part(demo_store):
    """revjiwei8 C: "每名班子成员每月至少参加1次廉政学习" printed in his own paper as "本人组织
    廉政学习：10月0次…未达到要求", beside "本季度参加廉政学习2次" on the same page."""
    row = _own_monthly_row(demo_store, "每名班子成员每月至少参加1次廉政学习", "activity",
                           "廉政学习")
    assert row[3] == ("本人参加廉政学习：10月1次、11月1次、12月0次，要求每月不少于1次，"
                      "12月未达到要求。"), row


def _own_monthly_row(store, text: str, ledger: str, kind: str) -> list[str]:
    """附件1's row of a monthly duty of each 班子成员 in 陈立新's own Q4 paper."""
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role
    from lianzheng_desktop.storage.plans import add_requirement

    add_requirement(store, 2022, Requirement(
        item="9", text=text, counts=Counts(ledger, (kind,), kind), period=Period.MONTH,
        target=1, role=Role.LEADERSHIP_MEMBER))
    own = prepare_report(store, ReportPeriod(2022, 4), date(2022, 12, 31), "陈立新")
    [row] = [r for r in own.document.appendices[0].rows if r[1] == text]
    return row


def test_the_last_quarters_form_not_yet_due_is_not_a_nought_in_the_years_paper(demo_store):
    """revjiwei10 K8: the year's paper made on 1月8日 said "第四季度0次" of the fourth
    quarter's form, due on 1月10日; only "第二季度未达到要求" hinted it was no miss."""
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage.plans import add_requirement

    demo_store.add_plan_types([("activity", "报送纪实表")], 2022)
    add_requirement(demo_store, 2022, Requirement(
        item="10", text="每季度结束后10日内报送党风廉政建设纪实表",
        counts=Counts("activity", ("报送纪实表",), "报送纪实表"), period=Period.QUARTER,
        target=1))
    for day in ("2022-04-08", "2022-07-15", "2022-10-09"):  # the second quarter's late
        demo_store.add("activity", {"date": day, "type": "报送纪实表", "topic": "纪实表"})
    paper = prepare_report(demo_store, ReportPeriod(2022), date(2023, 1, 8))
    said = paper.document.section_texts()[PROBLEMS]
    line = next(x for x in said.split("。") if "报送党风廉政建设纪实表的要求" in x)
    assert "第四季度0次" not in line, line
    assert "第一季度1次、第二季度0次、第三季度1次" in line
    assert "第四季度的报送期限为2023年1月10日，尚未到期" in line, line


def test_a_past_quarters_paper_made_later_counts_as_of_its_end_in_words(demo_store):
    """revjiwei10 K3: the third quarter's paper made on 12月1日 said "目前已组织…8次，还需4次"
    of 9月30日's count (the ledger had 10 by then) beside "现已逾期" of 12月1日."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report

    demo_store.clock = lambda: datetime(2022, 12, 1, 9, 0)
    steps = prepare_report(demo_store, ReportPeriod(2022, 3)).document.section_texts()[NEXT]
    assert "目前" not in steps and "截至9月30日已召开专题会议3次，还需1次" in steps, steps
    demo_store.clock = lambda: datetime(2022, 9, 30, 17, 0)
    on_time = prepare_report(demo_store, ReportPeriod(2022, 3))
    assert "目前已召开专题会议3次" in on_time.document.section_texts()[NEXT]
