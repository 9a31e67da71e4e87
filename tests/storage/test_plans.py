from datetime import date, datetime

import pytest

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement
from lianzheng_desktop.storage import plans


def test_a_new_database_holds_the_branchs_own_plan(store):
    plan = plans.load_plan(store, 2022)
    assert plans.plan_years(store) == [2022]
    assert sorted({r.item for r in plan.requirements}, key=int) == [str(n) for n in range(1, 14)]
    numeric = [(r.period, r.target, r.counts.label) for r in plan.requirements if r.target]
    assert (Period.YEAR, 4, "专题会议") in numeric
    assert (Period.QUARTER, 1, "集中警示教育") in numeric
    assert (Period.HALF, 1, "谈心谈话") in numeric


def test_requirements_round_trip_and_edit(store):
    added = plans.add_requirement(store, 2022, Requirement(
        item="14", text="每月开展一次廉政学习",
        counts=Counts("activity", ("廉政学习",), "廉政学习"),
        period=Period.MONTH, target=1))
    loaded = plans.load_plan(store, 2022).requirements[-1]
    assert loaded == added
    loaded.target = 2
    plans.update_requirement(store, loaded)
    assert plans.load_plan(store, 2022).requirements[-1].target == 2
    plans.remove_requirement(store, loaded.id)
    assert all(r.id != loaded.id for r in plans.load_plan(store, 2022).requirements)


def test_invalid_requirements_are_refused_with_messages(store):
    with pytest.raises(ValidationError) as caught:
        plans.add_requirement(store, 2022, Requirement(item="1", text="x", target=3,
                                                       coverage=120))
    messages = " ".join(e.message for e in caught.value.errors)
    assert "覆盖面" in messages and "计入哪类记录" in messages and "周期" in messages
    with pytest.raises(ValidationError):
        plans.add_requirement(store, 2022, Requirement(
            item="1", text="x", counts=Counts("talk", ("聊天",)), period=Period.YEAR, target=1))


def test_a_new_year_copies_requirements_and_clears_marks(store):
    plan = plans.load_plan(store, 2022)
    first = plan.requirements[0]
    first.manual_done = True
    plans.update_requirement(store, first)
    new = plans.start_new_year(store, 2023)
    assert len(new.requirements) == len(plan.requirements)
    assert not any(r.manual_done for r in new.requirements)
    with pytest.raises(UserError):
        plans.start_new_year(store, 2023)


def test_open_items_carry_over_into_the_new_year(demo_store):
    plans.start_new_year(demo_store, 2023)
    warnings = plans.load_warnings(demo_store, date(2023, 2, 1))
    assert any(w.ledger == "rectification" and "XC-2022-05" in w.text for w in warnings)


def test_a_year_without_a_plan_is_a_clear_message(store):
    from lianzheng_desktop.core.periods import Quarter

    with pytest.raises(UserError, match="尚无2025年度计划"):
        plans.load_checklist(store, Quarter(2025, 1), date(2025, 3, 1))


REIMPORT = ("2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
            "2.谈话。每半年开展1次谈心谈话。\n")


@pytest.fixture
def year_with_hand_work(store):
    """A 2024 plan the secretary has worked on: a requirement added by hand, a target
    corrected, a record pointed at each (计入要求)."""
    store.clock = lambda: datetime(2024, 12, 31, 17)  # a ledger records the past
    plans.import_plan_text(store, REIMPORT, 2024)
    plan = plans.load_plan(store, 2024)
    meeting, talk = plan.requirements
    talk.target = 2  # corrected by hand
    plans.update_requirement(store, talk)
    added = plans.add_requirement(store, 2024, Requirement(
        item="3", text="每月开展1次廉政学习", counts=Counts("activity", ("廉政学习",)),
        period=Period.MONTH, target=1, note="手工补充"))
    record = store.add("activity", {"date": "2024-02-01", "type": "专题会议",
                                    "topic": "研究部署党风廉政建设工作"})
    store.set_links("activity", record.id, [meeting.id, added.id])
    return store, record


def test_a_plan_imported_again_says_first_what_it_would_drop_or_change(year_with_hand_work):
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.core.plan_parser import parse_plan

    store, _record = year_with_hand_work
    draft = parse_plan(REIMPORT, 2024)
    replacing = plans.plan_replacement(store, Plan(2024, draft.requirements))
    assert replacing is not None
    assert replacing.removed == []  # the text still has both of its own
    assert [r.text for r in replacing.by_hand] == ["每月开展1次廉政学习"]
    # the target corrected by hand, the same words in the text: hers stays (revloss2 H-1)
    assert replacing.changed == [] and [new.item for _, new in replacing.hers] == ["2"]
    added = replacing.by_hand[0]
    assert replacing.links[added.id] == 1 and replacing.holds_work(added)


@pytest.mark.parametrize("keep", [True, False])
def test_importing_again_keeps_links_and_what_was_added_by_hand_if_asked(
        year_with_hand_work, keep):
    store, record = year_with_hand_work
    from lianzheng_desktop.core.plan_parser import parse_plan

    added = plans.load_plan(store, 2024).requirements[2]
    plans.store_draft(store, parse_plan(REIMPORT, 2024), REIMPORT,
                      keep={added.id} if keep else ())
    plan = plans.load_plan(store, 2024)
    texts = [r.text for r in plan.requirements]
    linked = {r.text for r in plan.requirements if r.id in store.links("activity", record.id)}
    assert texts[:2] == ["每季度召开党风廉政建设专题会议1次", "每半年开展1次谈心谈话"]
    assert plan.requirements[1].target == 1  # the import's value wins where they differ
    if keep:
        assert texts[2:] == ["每月开展1次廉政学习"] and plan.requirements[2].note == "手工补充"
        assert linked == {"每季度召开党风廉政建设专题会议1次", "每月开展1次廉政学习"}
    else:
        assert texts[2:] == []
        assert linked == {"每季度召开党风廉政建设专题会议1次"}  # the same wording: kept


def test_a_plan_renumbered_keeps_the_marks_of_its_unchanged_wording(store):
    """One item taken out and the rest renumbered, as anyone edits a plan: each unchanged
    requirement keeps its mark, note and 计入要求 whatever its new number; before, all of
    them counted as dropped (doubling the plan if kept, losing the marks if not)."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    store.clock = lambda: datetime(2024, 12, 31, 17)
    first = ("2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
             "2.谈话。每半年开展1次谈心谈话。\n3.强化政治监督。\n")
    plans.import_plan_text(store, first, 2024)
    meeting, _talk, watch = plans.load_plan(store, 2024).requirements
    watch.manual_done, watch.note = True, "已开展专项监督"
    plans.update_requirement(store, watch)
    record = store.add("activity", {"date": "2024-02-01", "type": "专题会议",
                                    "topic": "研究部署党风廉政建设工作"})
    store.set_links("activity", record.id, [meeting.id])
    second = ("2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
              "2.强化政治监督。\n")  # 谈话 taken out: 监督 is now item 2
    draft = parse_plan(second, 2024)
    replacing = plans.plan_replacement(store, Plan(2024, draft.requirements))
    assert [r.text for r in replacing.removed] == ["每半年开展1次谈心谈话"]
    assert replacing.by_hand == []  # it came from the text
    talk = replacing.removed[0]
    for keep in (True, False):
        plans.store_draft(store, parse_plan(second, 2024), second,
                          keep={talk.id} if keep else ())
        plan = plans.load_plan(store, 2024)
        watch = next(r for r in plan.requirements if r.text == "强化政治监督")
        assert (watch.item, watch.manual_done, watch.note) == ("2", True, "已开展专项监督")
        assert len(plan.requirements) == (3 if keep else 2)  # not doubled
        linked = {r.text for r in plan.requirements if r.id in store.links("activity",
                                                                            record.id)}
        assert linked == {"每季度召开党风廉政建设专题会议1次"}


def test_a_requirement_made_from_an_unread_sentence_stays_when_the_same_text_comes_again(store):
    """The secretary made a requirement of a sentence the reader could not read; reading
    the same text again (按原文重新读取) called it taken out by the text, and the command
    line dropped it (a reviewer). The text still says it: it stays."""
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.core.plan_parser import parse_plan

    text = ("2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
            "2.审批。将全部行政审批时限压缩至法定时限的20%。\n")
    draft = parse_plan(text, 2024)
    [unread] = draft.unread
    made = Requirement(item=unread.item, text=unread.text,
                       counts=Counts("activity", ("专题调研",)), period=Period.YEAR, target=2)
    plans.save_plan(store, Plan(2024, [*draft.requirements, made]), text)
    replacing = plans.plan_replacement(store, Plan(2024, parse_plan(text, 2024).requirements),
                                       text)
    assert replacing.removed == [] and [r.text for r in replacing.unread] == [unread.text]
    plans.store_draft(store, parse_plan(text, 2024), text,
                      keep={r.id for r in replacing.kept})
    assert unread.text in [r.text for r in plans.load_plan(store, 2024).requirements]


def test_the_countys_corrected_frequency_keeps_the_records_pointed_at_the_duty(store):
    """The county re-issued its plan with 一岗双责 reports 每半年 → 每季度 and the item
    renumbered: answering the replace question's default took the record's 计入要求 with
    the "removed" duty, and the checklist then said the member had not done it."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    store.clock = lambda: datetime(2027, 1, 22, 9)
    first = ("2027年机关党支部工作要点\n一、责任\n1.强化政治监督。\n"
             "2.一岗双责。班子成员每半年向党支部报告一次履行“一岗双责”情况。\n")
    corrected = ("2027年机关党支部工作要点\n一、责任\n1.强化政治监督。\n2.推进党务政务公开。\n"
                 "3.一岗双责。班子成员每季度向党支部报告一次履行“一岗双责”情况。\n")
    plans.import_plan_text(store, first, 2027)
    duty = plans.load_plan(store, 2027).requirements[1]
    record = store.add("activity", {"date": "2027-01-20", "type": "听取汇报",
                                    "topic": "听取班子成员履行一岗双责情况汇报"})
    store.set_links("activity", record.id, [duty.id])
    draft = parse_plan(corrected, 2027)
    from lianzheng_desktop.core.plan import Plan

    replacing = plans.plan_replacement(store, Plan(2027, draft.requirements), corrected)
    assert replacing is not None and replacing.removed == []
    assert [new.item for _old, new in replacing.changes] == ["3"]
    assert [r.text for r in replacing.added] == ["推进党务政务公开"]
    plans.store_draft(store, draft, corrected, keep=())  # the default answer
    linked = [r for r in plans.load_plan(store, 2027).requirements
              if r.id in store.links("activity", record.id)]
    assert [(r.item, r.period) for r in linked] == [("3", Period.QUARTER)]


def test_a_type_the_reader_now_names_better_keeps_the_name_its_records_carry(store):
    """The reader once named a plan's meeting "支委会召开" and now reads "支委会": reading
    the text again gave the requirement a type no record has, and the year's 12 meetings
    stopped counting for it."""
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.storage.plan_reading import fingerprint, reading_change

    store.clock = lambda: datetime(2024, 3, 31, 17)
    text = "2024年机关党支部工作要点\n一、组织\n1.支委会。支部每月召开1次支委会。\n"
    from dataclasses import replace as changed

    from lianzheng_desktop.core.plan_parser import parse_plan

    read_now = parse_plan(text, 2024).requirements[0]
    assert read_now.counts.types == ("支委会",)
    as_read_then = [changed(read_now, counts=changed(read_now.counts, types=("支委会召开",),
                                                      label="支委会召开"))]
    store.add_plan_types([("activity", "支委会召开")], 2024)
    plans.save_plan(store, Plan(2024, as_read_then), text, reading=fingerprint(as_read_then))
    store.add("activity", {"date": "2024-03-05", "type": "支委会召开", "topic": "研究三月工作"})
    assert reading_change(store, 2024) is None  # nothing for the secretary to re-read

    draft = plans.read_plan(store, text, 2024)
    assert draft.requirements[0].counts.types == ("支委会召开",)
    assert ("activity", "支委会") not in draft.new_types  # no second name for one meeting
    plans.store_draft(store, draft, text)
    item = plans.load_checklist(store, Quarter(2024, 1), date(2024, 3, 31)).items[0]
    assert item.actual == 1 and [r.ledger for r in item.records] == ["activity"], item


def test_the_replace_question_tells_her_change_from_the_readers_own(store):
    """revyear3 H1: her corrected plan changed one frequency; the box said "7 项…不同",
    named five she never touched (the reader reads the old text otherwise since it was
    imported) and hid hers behind "……等 7 项". Her changes come first, every one; the
    reader's are said apart, as the old text's new reading."""
    from dataclasses import replace

    from lianzheng_desktop.core.plan_parser import parse_plan
    from lianzheng_desktop.qt.plan_replace import replacement_text

    first = ("2027年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
             "2.谈话。每半年开展1次谈心谈话。\n3.学习。每月开展1次廉政学习。\n")
    draft = parse_plan(first, 2027)
    # as an older reader stored it: the 学习 duty counted quarterly
    older = [replace(r, period=Period.QUARTER) if r.item == "3" else r
             for r in draft.requirements]
    plans.save_plan(store, Plan(2027, older), first)
    corrected = first.replace("每半年开展1次谈心谈话", "每季度开展1次谈心谈话")
    replacing = plans.plan_replacement(store, Plan(2027, parse_plan(corrected, 2027)
                                                   .requirements), corrected)
    assert replacing is not None
    assert [old.item for old, _new in replacing.her_changes] == ["2"]
    assert [old.item for old, _new in replacing.reread] == ["3"]
    said = replacement_text(2027, replacing)
    hers = said.index("导入的工作要点改动了 1 项要求")
    # (or she changed it in the app: from the stored plan alone the two cannot be told apart)
    reader = said.index("另有 1 项要求的原文没有改动，但与年度计划中现有的不同（软件现在的读法"
                        "与导入时不同，或此前在软件中修改过这项要求）")
    assert hers < said.index("[2] 每半年开展1次谈心谈话") \
        < said.index("改为：[2] 每季度开展1次谈心谈话") < reader \
        < said.index("[3] 每月开展1次廉政学习")
    assert "原为：" in said[reader:] and "等" not in said
    # what was and is, told apart: the period (revdiff6 12: the same words printed twice)
    assert "原为：每季度" in said[reader:] and "改为：每月" in said[reader:], said


def test_a_change_of_role_alone_is_said_as_such():
    """revdiff6 12: "原为：完成后手工标记 / 改为：完成后手工标记" for a duty that stopped being
    the 书记's own: she was asked about a change she could not see."""
    from dataclasses import replace

    from lianzheng_desktop.core.plan import Role
    from lianzheng_desktop.qt.plan_replace import _listed_changes

    was = Requirement("4", "强化政治监督", role=Role.FIRST_RESPONSIBLE)
    lines = _listed_changes([(was, replace(was, role=None))]).splitlines()
    assert lines[1].startswith("      原为：") and lines[1].endswith("责任主体：书记（第一责任人）")
    assert lines[2].startswith("      改为：") and lines[2].endswith("责任主体：未写明")


def test_a_change_of_words_says_what_each_side_asks(store):
    """revloss3 M-1: her 修改要求 raised 4 to 6; the county's text says 5 now. The question
    read "全年召开不少于4次专题会议 改为：全年召开不少于5次专题会议" — the county raising 4 to 5
    — and hid that her 6 drops to 5."""
    from dataclasses import replace

    from lianzheng_desktop.qt.plan_replace import _listed_changes

    was = Requirement("5", "全年召开不少于4次专题会议",
                      counts=Counts("activity", ("专题会议",), "专题会议"),
                      period=Period.YEAR, target=6)
    lines = _listed_changes([(was, replace(was, item="6", text="全年召开不少于5次专题会议",
                                           target=5))]).splitlines()
    assert lines[0].endswith("（现为：全年专题会议不少于6次）"), lines
    assert lines[1].endswith("（全年专题会议不少于5次）"), lines


def test_importing_the_same_text_again_keeps_her_own_change(store):
    """revloss2 H-1: she raised 全年专题会议 from 4 to 6 (修改要求); importing the very text
    again (or 按原文重新读取) put it back to 4, kept her note, and the command line said
    the software now read the text otherwise — untrue: the reader read 4 all along."""
    from dataclasses import replace

    from lianzheng_desktop.storage.plan_reading import fingerprint

    text = ("2026年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
            "2.警示教育。每季度至少进行1次集中警示教育。\n")
    draft = plans.read_plan(store, text, 2026)
    plans.save_plan(store, Plan(2026, draft.requirements), text,
                    reading=fingerprint(draft.requirements))
    meetings = next(r for r in plans.load_plan(store, 2026).requirements if r.target == 4)
    plans.update_requirement(store, replace(meetings, target=6, note="支部决定提高到6次"))
    again = plans.read_plan(store, text, 2026)
    plan = Plan(2026, again.requirements)
    replacing = plans.plan_replacement(store, plan, text)
    assert replacing is not None and replacing.changes == [] and replacing.told_apart
    assert [new.text for _old, new in replacing.hers] == ["全年召开不少于4次专题会议"]
    plans.save_plan(store, plan, text, reading=fingerprint(again.requirements))
    kept = next(r for r in plans.load_plan(store, 2026).requirements if "专题" in r.text)
    assert (kept.target, kept.note) == (6, "支部决定提高到6次")
    # a text that changes the sentence itself is hers to follow: the new words win
    revised = text.replace("不少于4次", "不少于5次")
    plan = Plan(2026, plans.read_plan(store, revised, 2026).requirements)
    replacing = plans.plan_replacement(store, plan, revised)
    assert replacing is not None and replacing.hers == []
    assert [(old.target, new.target) for old, new in replacing.changes] == [(6, 5)]


def test_her_change_of_the_words_too_or_alone_stays_when_the_same_text_comes_again(store):
    """revloss3 P-2, P-3: she wrote her decision into the sentence ("全年召开不少于6次专题
    会议", 6), or reworded one alone; importing the very text again put the plan's back and
    blamed the reader ("软件现在的读法不同"), or said nothing at all."""
    from dataclasses import replace

    from lianzheng_desktop.storage.plan_reading import fingerprint

    text = ("2026年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
            "2.警示教育。每季度至少进行1次集中警示教育。\n")
    draft = plans.read_plan(store, text, 2026)
    plans.save_plan(store, Plan(2026, draft.requirements), text,
                    reading=fingerprint(draft.requirements))
    meetings, sessions = plans.load_plan(store, 2026).requirements
    plans.update_requirement(store, replace(meetings, text="全年召开不少于6次专题会议", target=6))
    worded = "坚持每季度至少进行1次集中警示教育（含观看警示教育片）"
    plans.update_requirement(store, replace(sessions, text=worded))
    plan = Plan(2026, plans.read_plan(store, text, 2026).requirements)
    replacing = plans.plan_replacement(store, plan, text)
    assert replacing is not None and replacing.changes == [] and replacing.reread == []
    assert [new.text for _old, new in replacing.hers] == ["全年召开不少于6次专题会议", worded]
    plans.save_plan(store, plan, text)
    assert [(r.text, r.target) for r in plans.load_plan(store, 2026).requirements] == [
        ("全年召开不少于6次专题会议", 6), (worded, 1)]


def test_a_value_she_sets_in_the_check_of_the_same_text_wins_over_her_old_change(store):
    """revdiff7 F2: importing the same text again and setting 8 in the 核对 dialog, where she
    had once changed 4 to 6, stored 6 and said "照常保留您的修改"."""
    from dataclasses import replace

    from lianzheng_desktop.storage.plan_reading import fingerprint

    text = "2026年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
    draft = plans.read_plan(store, text, 2026)
    plans.save_plan(store, Plan(2026, draft.requirements), text,
                    reading=fingerprint(draft.requirements))
    [meetings] = plans.load_plan(store, 2026).requirements
    plans.update_requirement(store, replace(meetings, target=6))
    again = plans.read_plan(store, text, 2026)
    checked = [replace(again.requirements[0], target=8)]  # set in this check
    replacing = plans.plan_replacement(store, Plan(2026, checked), text)
    assert replacing is not None and replacing.hers == []
    assert [(old.target, new.target) for old, new in replacing.changes] == [(6, 8)]
