"""年度计划 says when 按原文重新读取 would change a year's requirements: when the reader of
today reads the imported text otherwise than it did then, or (for a plan imported before
the reading was kept) otherwise than the plan has it — never for the secretary's own
changes to a plan the reader still reads the same."""

from dataclasses import replace

from lianzheng_desktop.core.plan import Role
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.plan_reading import fingerprint, reading_change

TEXT = ("2024年要点\n一、责任\n1.党支部书记每季度至少听取1次班子成员汇报。\n"
        "2.每季度至少开展1次集中警示教育。\n3.强化政治监督。\n")


def _as_an_older_reader_read_it(store, year):
    """The plan and its kept reading as a reader that took the 书记's duty for the branch's
    would have left them (what the reader fixed since)."""
    hear = plans.load_plan(store, year).requirements[0]
    older = replace(hear, role=Role.ORGANISATION)
    plans.update_requirement(store, older)
    as_read = [older, *plans.load_plan(store, year).requirements[1:]]
    store.db.execute("UPDATE plan_reading SET fingerprint = ? WHERE year = ?",
                     [fingerprint(as_read), year])


def test_a_plan_read_as_it_was_imported_says_nothing(store):
    plans.import_plan_text(store, TEXT, 2024)
    assert reading_change(store, 2024) is None


def test_the_secretarys_own_changes_are_not_taken_for_a_better_reading(store):
    plans.import_plan_text(store, TEXT, 2024)
    hear, watch, _ = plans.load_plan(store, 2024).requirements
    plans.update_requirement(store, replace(hear, target=2))  # the secretary's own choice
    plans.update_requirement(store, replace(watch, manual_done=True, note="已开展"))
    plans.remove_requirement(store, plans.load_plan(store, 2024).requirements[2].id)
    assert reading_change(store, 2024) is None


def test_a_reader_that_reads_the_text_otherwise_now_is_said_with_the_count(store):
    plans.import_plan_text(store, TEXT, 2024)
    _as_an_older_reader_read_it(store, 2024)
    watch = plans.load_plan(store, 2024).requirements[1]
    plans.update_requirement(store, replace(watch, target=2))  # the secretary's, not counted
    change = reading_change(store, 2024)
    assert change is not None and change.reader_changed
    assert change.items == ("1",)  # what the reader reads otherwise: the 书记's duty
    # read again and saved: the year's plan and its reading agree with the reader
    plans.import_plan_text(store, TEXT, 2024)
    assert reading_change(store, 2024) is None
    assert plans.load_plan(store, 2024).requirements[0].role is Role.FIRST_RESPONSIBLE


def test_an_item_she_already_set_as_the_reader_now_reads_it_is_not_said(store):
    """revjiwei11 X2, revjiwei12 R3: her own correction listed on every report as "按现在的
    读法…与年度计划中的不同", the plan already holding what the reader now reads."""
    plans.import_plan_text(store, TEXT, 2024)
    hear, watch, *rest = plans.load_plan(store, 2024).requirements
    older = [replace(hear, role=Role.ORGANISATION), replace(watch, target=2), *rest]
    for requirement in older[:2]:
        plans.update_requirement(store, requirement)
    store.db.execute("UPDATE plan_reading SET fingerprint = ? WHERE year = ?",
                     [fingerprint(older), 2024])  # an older reader read items 1 and 2 so
    plans.update_requirement(store, replace(older[0], role=Role.FIRST_RESPONSIBLE))  # hers
    change = reading_change(store, 2024)
    assert change is not None and change.items == ("2",)  # not item 1: she set it already


def test_a_plan_imported_before_readings_were_kept_is_compared_with_the_text(store):
    plans.import_plan_text(store, TEXT, 2024)
    store.db.execute("DELETE FROM plan_reading")  # as 0016 finds a plan imported earlier
    assert reading_change(store, 2024) is None  # reads as it stands: nothing to say
    hear = plans.load_plan(store, 2024).requirements[0]
    plans.update_requirement(store, replace(hear, role=Role.ORGANISATION))
    change = reading_change(store, 2024)
    assert change is not None and not change.reader_changed and change.items == ("1",)


def test_a_requirement_the_text_gains_or_loses_is_counted(store):
    plans.import_plan_text(store, TEXT, 2024)
    store.db.execute("DELETE FROM plan_reading")
    plans.remove_requirement(store, plans.load_plan(store, 2024).requirements[1].id)
    assert reading_change(store, 2024).items == ("2",)  # the text has it, the plan not
    extra = replace(plans.load_plan(store, 2024).requirements[0], id=None, item="9",
                    text="每半年开展1次谈心谈话。")
    plans.add_requirement(store, 2024, extra)
    change = reading_change(store, 2024)  # and the plan has one the text has not
    assert change.items == ("2", "9") and change.item_words == "第2、9条"
    # items the plan names itself, as named (revdiff3, D5)
    assert replace(change, items=("第五", "第3段", "4")).item_words == "第4条、第五、第3段"


def test_the_note_counts_requirements_and_names_each_item_once_as_the_plan_names_it():
    """13 requirements in 12 items: the note says how many places it names, so that the
    count it gives is the count it lists (D5); an item the plan calls 导语 or 3.一是 is
    named so, never 第导语条."""
    from lianzheng_desktop.storage.plan_reading import ReadingChange

    two_in_one = ReadingChange(2025, ("第一", "第一", "第二", "第1段"), reader_changed=True)
    assert two_in_one.differing == 4
    assert two_in_one.item_words == "涉及第一、第二、第1段，共3处"
    mixed = ReadingChange(2025, ("导语", "3.一是", "2", "11"), reader_changed=True)
    assert mixed.item_words == "第2、11条、导语、3.一是"
    assert not any(word in mixed.item_words for word in ("第第", "段条", "第导语"))


def test_a_plan_without_a_text_has_nothing_to_read_again(store):
    plans.import_plan_text(store, TEXT, 2024)
    plans.start_new_year(store, 2025)  # 沿用
    assert reading_change(store, 2025) is None


def test_her_changes_to_a_new_years_draft_stay_when_that_years_text_says_the_same(store):
    """revloss4 L3: a 底稿 made with 新建年度计划, her 集中警示教育 raised to 2 a quarter, then
    the year's 工作要点 imported with the same words: her 2 went back to 1, and the window
    said the 工作要点 had changed it. Her changes to a plan imported from text stayed."""
    plans.import_plan_text(store, TEXT, 2024)
    draft = plans.start_new_year(store, 2025)
    warning = next(r for r in draft.requirements if "警示教育" in r.text)
    plans.update_requirement(store, replace(warning, target=2, note="局党组要求每季度2次"))
    read = plans.read_plan(store, TEXT.replace("2024", "2025"), 2025)
    replacing = plans.plan_replacement(store, _plan(read))  # as the import asks it
    assert replacing is not None and not replacing.changes, replacing.changes
    assert [(old.target, new.target) for old, new in replacing.hers] == [(2, 2)]
    # imported: her 2 stays
    plans.store_draft(store, read, TEXT.replace("2024", "2025"))
    kept = next(r for r in plans.load_plan(store, 2025).requirements if "警示教育" in r.text)
    assert (kept.target, kept.note) == (2, "局党组要求每季度2次")


def _plan(draft):
    from lianzheng_desktop.core.plan import Plan

    return Plan(draft.year, draft.requirements, "")


def test_the_report_says_what_the_plan_page_says(store):
    """A reviewer's report counted 自查 and 督查 items under "着力做好县委巡察整改工作": the plan,
    imported before the reader took the 问题来源 from the duty's words, counted every
    source, and only the 年度计划 page said the text now reads otherwise."""
    from lianzheng_desktop.app.reports import prepare_report
    from lianzheng_desktop.core.report_model import ReportPeriod

    plans.import_plan_text(store, TEXT, 2024)
    assert not any("按现在的读法" in note
                   for note in prepare_report(store, ReportPeriod(2024, 2)).notes)
    _as_an_older_reader_read_it(store, 2024)
    notes = prepare_report(store, ReportPeriod(2024, 2)).notes
    assert ("按现在的读法，2024年工作要点原文中有1项要求（第1条）与年度计划中的不同，报告按年度计划"
            "中的计算；可在“年度计划”页点“按原文重新读取…”逐项核对。") in notes
