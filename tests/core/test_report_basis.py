"""A section typed over the drafts of one day, and the drafts of a later day."""

from datetime import date

from lianzheng_desktop.core.report_basis import stale_note, stale_sections
from lianzheng_desktop.core.report_model import SECTION_HEADINGS

DUTY, PERSONAL = SECTION_HEADINGS[0], SECTION_HEADINGS[1]
NOVEMBER = "本年度共开展集中警示教育6次；截至2026年11月30日，尚在整改3件。"
JANUARY = "本年度共开展集中警示教育7次；截至2026年12月31日，尚在整改2件。"


def test_a_typed_section_whose_drafts_moved_on_is_named_with_what_they_say_now():
    typed = {DUTY: NOVEMBER + "各项工作有序推进。", PERSONAL: "本人严守纪律。"}
    basis = {DUTY: (NOVEMBER, date(2026, 11, 30))}  # 二 was never drafted: nothing to compare
    [stale] = stale_sections(typed, basis, {DUTY: JANUARY, PERSONAL: ""})
    assert stale.heading == DUTY and stale.as_of == date(2026, 11, 30)
    assert stale.news == ("本年度共开展集中警示教育7次", "截至2026年12月31日，尚在整改2件")
    note = stale_note([stale])
    assert note.startswith("第一部分“履行全面从严治党（党风廉政建设）责任情况”是对照2026年11月30日")
    assert "如“本年度共开展集中警示教育7次”、“截至2026年12月31日，尚在整改2件”。" in note


def test_drafts_unchanged_or_a_section_not_typed_say_nothing():
    basis = {DUTY: (NOVEMBER, date(2026, 11, 30))}
    assert stale_sections({DUTY: NOVEMBER + "补充。"}, basis, {DUTY: NOVEMBER}) == []
    assert stale_sections({}, basis, {DUTY: JANUARY}) == []
    assert stale_note([]) == ""


def test_a_clause_that_only_changed_its_closing_mark_is_not_news():
    """The last activity ends the list with "。"; one added after it turns that to "；"."""
    then = "一是3月5日学习党章。"
    now = "一是3月5日学习党章；4月9日观看警示片。"
    [stale] = stale_sections({DUTY: then}, {DUTY: (then, date(2026, 4, 1))}, {DUTY: now})
    assert stale.news == ("4月9日观看警示片",)


def test_the_stale_note_names_the_plan_among_what_may_have_changed():
    """revloss8 V6: after a plan re-import the note said "此后台账或报告日期有变化": she would
    look in the ledger for a change that was not there."""
    from datetime import date

    from lianzheng_desktop.core.report_basis import StaleSection, stale_note

    note = stale_note([StaleSection("四、下一步工作打算", date(2026, 9, 30), ("一是…还需5次",))])
    assert "台账、年度计划或报告日期有变化" in note
