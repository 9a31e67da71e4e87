"""修改要求 drafts follow their requirement when the plan is saved again (revcode2 C)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from lianzheng_desktop.storage import drafts, plans, requirement_drafts

TEXT = ("2026年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
        "2.警示教育。每季度至少进行1次集中警示教育。\n3.谈心谈话。每半年开展一次谈心谈话。\n")
AGAIN = ("2026年机关党支部工作要点\n一、责任\n1.学习。每月开展一次政治学习。\n"
         "2.会议。全年召开不少于4次专题会议。\n3.警示教育。每季度至少进行1次集中警示教育。\n"
         "4.谈心谈话。每半年开展一次谈心谈话。\n")
NOTE = "11月已与5名班子成员谈话，记录在册"


def _kept(store):
    return {d.record_id: requirement_drafts._kept(d)
            for d in drafts.of_form(store, requirement_drafts.FORM)}


def test_a_waiting_draft_is_not_overwritten_by_another_requirement_that_took_its_id(store):
    """A plan imported again deletes and inserts its requirements, and the ids come round
    again: the 修改 of 警示教育 was kept under the id of 谈心谈话's waiting draft, over it."""
    plans.import_plan_text(store, TEXT, 2026)
    talk = next(r for r in plans.load_plan(store, 2026).requirements if "谈心" in r.text)
    requirement_drafts.keep(store, 2026, replace(talk, note=NOTE), was=talk)
    plans.import_plan_text(store, AGAIN, 2026)
    now = plans.load_plan(store, 2026).requirements
    other = next(r for r in now if r.id == talk.id)
    assert "谈心" not in other.text  # the id is another requirement's now
    requirement_drafts.keep(store, 2026, replace(other, note="已"), was=other)
    talk_now = next(r for r in now if "谈心" in r.text)
    waiting = requirement_drafts.waiting_for(store, 2026, talk_now, now)
    assert waiting is not None and waiting.requirement.note == NOTE
    assert sorted(d.requirement.note for d in _kept(store).values()) == sorted([NOTE, "已"])


def test_a_draft_whose_requirement_was_deleted_keeps_clear_of_a_new_one(store):
    plans.import_plan_text(store, TEXT, 2026)
    talk = next(r for r in plans.load_plan(store, 2026).requirements if "谈心" in r.text)
    requirement_drafts.keep(store, 2026, replace(talk, note=NOTE), was=talk)
    plans.remove_requirement(store, talk.id)
    from lianzheng_desktop.core.plan import Requirement

    added = plans.add_requirement(store, 2026, Requirement(item="9", text="新增的一项要求"))
    requirement_drafts.keep(store, 2026, replace(added, note="新的"), was=added)
    assert sorted(d.requirement.note for d in _kept(store).values()) == sorted([NOTE, "新的"])


def test_what_a_draft_counts_goes_back_whole_over_a_requirement_read_otherwise():
    """revcode2 T10: she changed only the types; the plan imported since counts another
    ledger. Her ledger, types and name go back together — never her types under the
    import's ledger (a duty counting talk kinds among 会议活动)."""
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage.plans import requirement_as_json
    from lianzheng_desktop.storage.requirement_drafts import RequirementDraft

    was = Requirement(item="2", text="每季度开展一次专题学习", id=7, period=Period.QUARTER,
                      target=1, counts=Counts("activity", ("专题会议",), "专题会议"))
    typed = replace(was, counts=Counts("activity", ("廉政学习",), "专题会议"))
    now = replace(was, counts=Counts("talk", ("谈心谈话",), "谈心谈话"))
    draft = RequirementDraft(2026, typed, datetime(2026, 11, 30), (was.item, was.text),
                             requirement_as_json(was))
    merged, since = draft.over(now)
    assert merged.counts == Counts("activity", ("廉政学习",), "专题会议") and since


def test_of_two_requirements_alike_the_draft_goes_to_the_one_with_its_id():
    from lianzheng_desktop.core.plan import Requirement
    from lianzheng_desktop.storage.requirement_drafts import RequirementDraft

    first = Requirement(item="3", text="每月开展一次政治学习", id=4)
    second = Requirement(item="3", text="每月开展一次政治学习", id=9)
    draft = RequirementDraft(2026, replace(second, note="她的备注"), datetime(2026, 11, 30),
                             ("3", "每月开展一次政治学习"))
    assert draft.find_in([first, second]) is second


def test_a_draft_finds_its_requirement_after_an_import_that_changed_its_number(store):
    """revloss3 D-1: the county's text corrected "不少于4次" to "不少于5次" (and numbered the
    items anew): the import paired the requirement and moved the draft onto it, yet 接着修改
    said "找不到这份草稿原来修改的要求" — 否 threw her typing away, 是 made a second 专题会议
    duty — and 修改要求 opened blank over the draft."""
    plans.import_plan_text(store, TEXT, 2026)
    meetings = next(r for r in plans.load_plan(store, 2026).requirements if "专题会议" in r.text)
    requirement_drafts.keep(store, 2026, replace(meetings, target=7, note="书记要求加开"),
                            was=meetings)
    plans.import_plan_text(store, AGAIN.replace("不少于4次", "不少于5次"), 2026)
    now = plans.load_plan(store, 2026).requirements
    corrected = next(r for r in now if "专题会议" in r.text)
    assert corrected.target == 5 and corrected.item == "2"
    [kept] = _kept(store).values()
    assert kept.find_in(now) is corrected
    waiting = requirement_drafts.waiting_for(store, 2026, corrected, now)
    assert waiting is not None
    typed, changed_since = waiting.over(corrected)
    assert (typed.target, typed.note, typed.text, changed_since) == (
        7, "书记要求加开", "全年召开不少于5次专题会议", True)
