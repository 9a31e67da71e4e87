"""A sentence a PDF or a narrow page wraps is listed whole (D9): every unread or untracked
line is the sentence as the secretary reads it, never cut where the page broke its line.
Each test uses a wording of its own, checked by hand."""

from __future__ import annotations

from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_text import normalise


def _listed(draft):
    return [u.text for u in draft.unread + draft.untracked]


def test_a_short_first_line_with_a_full_stop_inside_is_no_title():
    """1.…制度。党支部应当定期… ends a sentence inside it: a body line that wraps, not a
    title (a title has no 。 in it), so the next line goes on the same sentence."""
    text = ("2025年机关党支部工作计划\n"
            "1.落实组织生活制度。党支部应当定期召开支委会、党员\n"
            "大会和党小组会，按时上党课。支部委员会每月至少召开1次。\n")
    listed = _listed(parse_plan(text))
    assert "党支部应当定期召开支委会、党员大会和党小组会，按时上党课" in listed
    assert not any(line.endswith("党员") for line in listed)


def test_a_title_is_still_not_joined_to_its_first_line():
    assert normalise("2025年工会党风廉政建设工作计划\n一、每季度召开一次专题会议。") == \
        "2025年工会党风廉政建设工作计划\n一、每季度召开一次专题会议。"


def test_a_long_line_cut_mid_word_before_a_blank_line_goes_on_after_it():
    """…不少于2小⏎⏎时。: a body line of a paragraph stops in a word and a blank line follows
    (a page break); the sentence goes on after the blank line."""
    text = ("机关党支部学习制度\n\n"
            "一、党支部要认真制定年度学习计划，做到学习内容明确，学习时间保证，每两周集中学"
            "习的时间不少于2小\n\n"
            "时。学习要有记录。\n\n"
            "二、党员要定期向支部汇报学习情况。\n")
    draft = parse_plan(text)
    listed = _listed(draft)
    # a biweekly cadence with a duration: listed (weekly, not tracked), not dropped
    assert "每两周集中学习的时间不少于2小时" in listed, listed
    assert not any(line.endswith("2小") for line in listed)
    # the next item is its own paragraph (it starts with 二、), read as the duty it is
    assert "党员要定期向支部汇报学习情况" in [r.text for r in draft.requirements]


def test_short_paragraphs_without_a_full_stop_keep_their_blank_lines():
    """A heading or a short line (a name, a date) before a blank line is a paragraph of its
    own, not a wrap."""
    text = "机关党支部学习制度\n\n一、学习内容\n\n党员要定期向支部汇报学习情况。"
    assert normalise(text) == "机关党支部学习制度\n一、学习内容\n党员要定期向支部汇报学习情况。"
