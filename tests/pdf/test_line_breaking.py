"""The line breaker's rules, for any text (hypothesis)."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from lianzheng_desktop.pdf.layout import NO_LINE_END, NO_LINE_START, break_lines

ALPHABET = "党风廉政建设整改陈立新，。、“”（）：；0123456789-" + "谈话会议"
NUMBER = re.compile(r"[0-9][0-9\-]*")


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120),
       st.integers(min_value=6, max_value=28), st.booleans())
@example("“000””", 6, False)  # the number alone after its quote: nowhere else to go
def test_lines_keep_the_rules(text, chars, short_words):
    widths = [8.0 if ch.isdigit() or ch == "-" else 16.0 for ch in text]
    limit = chars * 16.0
    lines = break_lines(text, widths, limit - 32, limit, 0.0, short_words=short_words)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        width = sum(widths[len("".join(lines[:n])):][:len(line)])
        assert width <= (limit - 32 if n == 0 else limit) + 0.01
    # the rules hold wherever a line could be made to hold them (not for runs of
    # punctuation or numbers longer than a line)
    for before, after in zip(lines, lines[1:], strict=False):
        if len(before) > 1 and not all(c in NO_LINE_START for c in after[:3]):
            assert after[0] not in NO_LINE_START, lines
            assert before[-1] not in NO_LINE_END, lines
        left, right = NUMBER.search(before[::-1]), NUMBER.match(after)
        # what stands before the number on its line, less what may not end a line (“):
        # nothing there, the number could not have moved down ("“00" / "0””" alone)
        ahead = before[:len(before) - len(left.group())] if left else ""
        ahead = ahead.rstrip("".join(NO_LINE_END))
        if left and right and left.start() == 0 and ahead:
            short = len(left.group()) + len(right.group()) < chars  # it could have moved
            assert not short, f"number split: {before!r} / {after!r}"


def test_a_date_keeps_its_day_whole():
    """"…截至2026年11月30" | "日）": a line opened with "日）" (seen in a 附件 list)."""
    from lianzheng_desktop.pdf.layout import units

    assert "30日）" in units("4．整改事项台账（本人负责，截至2026年11月30日）")


def test_a_heading_and_a_lead_in_line_keep_what_follows():
    """"下一步，将重点抓好以下工作：" stood alone at a page's foot, its one item overleaf."""
    from lianzheng_desktop.pdf.fonts import FontSet
    from lianzheng_desktop.pdf.report_pdf import _kept_with_next
    from lianzheng_desktop.pdf.writer import Writer

    writer = Writer(None, FontSet(use_system=False))
    blocks = [("四、下一步工作打算", "hei", True),
              ("下一步，将重点抓好以下工作：", "fangsong", False),
              ("按期推进“困难职工帮扶档案不完整”的整改，确保于2026年12月31日前完成。",
               "fangsong", False)]
    assert _kept_with_next(writer, blocks, 2) == 1  # the item itself: as it comes
    # the lead-in and the item's first two lines (of its two: none left alone overleaf)
    assert _kept_with_next(writer, blocks, 1) == 3
    assert _kept_with_next(writer, blocks, 0) == 4  # the heading, the lead-in, two lines


def test_a_heading_keeps_its_subheading_and_lead_in_with_what_follows():
    """"二、…" then "（一）…" (a secretary's own subheading) then "下一步…：": none of them
    stands alone at a page's foot (a sweep of layouts found the pair left behind)."""
    from lianzheng_desktop.pdf.fonts import FontSet
    from lianzheng_desktop.pdf.report_pdf import _kept_with_next
    from lianzheng_desktop.pdf.writer import Writer

    writer = Writer(None, FontSet(use_system=False))
    blocks = [("二、下一步工作", "hei", True), ("（一）加强教育", "kai", True),
              ("下一步，将重点抓好以下工作：", "fangsong", False),
              ("组织一次警示教育。", "fangsong", False)]
    assert _kept_with_next(writer, blocks, 0) == 4
    assert _kept_with_next(writer, blocks, 1) == 3


def test_in_a_table_cell_a_count_keeps_its_measure_word():
    """附件1 broke "…未达到不少于12" / "次的要求。" (reviewer revdiff3, D7); the body's
    26-character grid still breaks where print breaks."""
    from lianzheng_desktop.pdf.layout import units

    assert "12次" in units("未达到不少于12次的要求。", short_words=True)
    assert "1件" in units("已完成整改1件", short_words=True)
    assert "12次" not in units("未达到不少于12次的要求。")


def test_a_short_quoted_term_is_never_split_over_two_lines():
    """高建军's annual printed "…提醒谈话（“一" | "对一”问题性约谈）" (revdiff3 D9): a term of
    at most five characters in quotation marks goes over whole, with its opening bracket;
    a longer quotation still breaks where the line is full."""
    sentence = ("开展提醒谈话（“一对一”问题性约谈），及时开展“回头看”，"
                "整改“困难职工帮扶档案不完整”问题。")
    widths = [16.0] * len(sentence)
    kept = [(sentence.index(term), sentence.index(term) + len(term))
            for term in ("（“一对一”", "“回头看”")]
    for chars in range(6, 29):
        for first in range(chars - 3, chars + 1):
            lines = break_lines(sentence, widths, first * 16.0, chars * 16.0, 0.0)
            assert "".join(lines) == sentence
            cuts = [len("".join(lines[:n])) for n in range(1, len(lines))]
            assert not [c for c in cuts for a, b in kept if a < c < b], lines
    # the long one is not held whole: some width breaks inside it
    split = [break_lines(sentence, widths, c * 16.0, c * 16.0, 0.0) for c in range(6, 29)]
    assert any(not any("“困难职工帮扶档案不完整”" in line for line in lines) for lines in split)


def test_two_brackets_or_quotes_of_one_side_share_a_place_and_a_half():
    """"（ “一": the blank halves of two full-width marks made a gap; a mark beside a
    comma keeps its full place."""
    from lianzheng_desktop.pdf.layout import squeezed

    text = "话（“一对一”）、“回头看”，"
    out = squeezed(text, [16.0] * len(text), 16.0)
    assert out[text.index("（")] == 8.0 and out[text.index("“")] == 16.0
    assert out[text.index("”")] == 8.0 and out[text.index("）")] == 16.0
    assert out[text.rindex("”")] == 16.0  # before "，"
    # a half-width mark (a font without full-width quotes) is left as it is
    assert squeezed("（\u201c一", [16.0, 6.0, 16.0], 16.0) == [16.0, 6.0, 16.0]


def test_a_paragraph_does_not_end_in_a_line_of_one_character():
    """Under every annex table: "注：日期后注“补录”的，是事情发生后超过7天才录入的记" | "录。"
    (单字成行). The character before goes down with it, at any width."""
    note = "注：日期后注“补录”的，是事情发生后超过7天才录入的记录。"
    widths = [8.0 if ch.isdigit() else 16.0 for ch in note]
    seen = 0
    for chars in range(6, 28):
        lines = break_lines(note, widths, chars * 16.0, chars * 16.0, 0.0)
        assert "".join(lines) == note
        if len(lines) > 1:
            assert len(lines[-1].rstrip("。，”")) >= 2, lines
            seen += 1
    assert seen
