"""A justified line never reads letter by letter, and no line opens with a blank
(revjiwei5 F9, F14), read from the PDF's text positions."""

from itertools import pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lianzheng_desktop.core.report_model import Paragraph, ReportDocument, Section
from lianzheng_desktop.pdf.layout import break_lines
from lianzheng_desktop.pdf.report_pdf import write_pdf
from tests.pdf.pages import CELL, LEFT, WIDTH, all_lines

MOST = 16 / 8  # PARAGRAPH_STRETCH: an eighth of a character a gap
# 高建军's Q4 paper, the first sentence of 一 (revjiwei5 F9)
GAO = ("2026年第四季度（截至11月30日），本人认真履行“一岗双责”，抓好分管范围内党风廉政建设"
       "工作，主持集中警示教育1次、推进整改事项1件。")


def _doc(paragraphs):
    section = Section("一、履行责任情况", [Paragraph(p) for p in paragraphs])
    return ReportDocument(title="关于党风廉政建设情况的报告", meta=[], sections=[section],
                          appendices=[],
                          closing=["县总工会机关党支部书记　王建国", "2022年9月30日"])


def _lines(path):
    """Every text line of every page (page numbers aside), its characters left to right."""
    return [line for _, line in all_lines(path)]


def _text(line):
    return "".join(c["text"] for c in line)


def _paragraphs(path, bodies):
    """The lines each of ``bodies`` was set in, in order (they follow one another)."""
    lines = [line for line in _lines(path) if line[0]["size"] == pytest.approx(16)]
    start = next(n for n, line in enumerate(lines) if bodies[0].startswith(_text(line)))
    out, seen = [[]], ""
    for line in lines[start:]:
        out[-1].append(line)
        seen += _text(line)
        assert bodies[len(out) - 1].startswith(seen)
        if seen == bodies[len(out) - 1]:
            if len(out) == len(bodies):
                return out
            out.append([])
            seen = ""
    raise AssertionError("not all paragraphs found")


def _widest_gap(line):
    """The widest step from one Chinese character to the next beyond the grid's pitch, in
    characters (marks, digits and the line's ends aside)."""
    steps = [b["x0"] - a["x0"] - CELL for a, b in pairwise(line)
             if "\u4e00" <= a["text"] <= "\u9fff" and "\u4e00" <= b["text"] <= "\u9fff"]
    return max(steps, default=0.0) / 16


def test_a_member_paper_s_first_line_is_not_spread_letter_by_letter(tmp_path):
    """"2026 年 第 四 季 度 （ 截 至 11 月 30 日 ） ， 本 人 认 真 履 行": “一岗双责”，
    went down whole and its line was spread a fifth of a character a gap. Now the term
    breaks after its first two characters, the line reaching the right edge at the grid's
    own pitch."""
    path = write_pdf(_doc([GAO]), tmp_path / "gao.pdf")
    [[first, second, *_]] = _paragraphs(path, [GAO])
    assert _text(first).endswith("履行“一岗") and _text(second).startswith("双责”，")
    assert first[-1]["x1"] == pytest.approx(LEFT + WIDTH, abs=1.0)
    assert _widest_gap(first) < 0.06


@pytest.mark.parametrize("term", ["“一岗双责”，", "“回头看”，", "（“一对一”问题性约谈），",
                                  "“三重一大”事项", "“四风”问题"])
def test_no_justified_line_is_spread_more_than_an_eighth_of_a_character(tmp_path, term):
    """Wherever a quoted term falls, every line but a paragraph's last stays within an
    eighth of a character a gap; a term breaks only after two of its characters ("“一"
    never ends a line) and before at least one."""
    bodies = ["党" * n + "本人认真履行" + term + "抓好分管范围内党风廉政建设工作，主持集中警示"
              "教育一次。" for n in range(28)]
    path = write_pdf(_doc(bodies), tmp_path / "sweep.pdf")
    inner = term[term.index("“") + 1:term.index("”")]
    broken = 0
    for lines in _paragraphs(path, bodies):
        for line, after in pairwise(lines):
            assert _widest_gap(line) <= MOST / 16 + 0.02, _text(line)
            left, right = _text(line), _text(after)
            if "“" in left and "”" not in left[left.rindex("“"):]:  # the term broke here
                head = left[left.rindex("“") + 1:]
                assert len(head) >= 2 and inner.startswith(head), (left, right)
                broken += 1
    if len(inner) >= 3:  # some position needs the break, or a line would be spread
        assert broken


def test_the_term_stays_whole_when_its_line_is_only_a_little_short():
    """A line a place or two short is justified with the term kept whole: breaking inside
    is for when keeping it costs more than an eighth of a character a gap."""
    text = "党" * 18 + "“一岗双责”，抓好分管工作。"
    widths = [16.0] * len(text)
    for room in (19, 20):  # the line left 1 or 2 places short by the term going down
        lines = break_lines(text, widths, room * 16.0, 28 * 16.0, 0.0, spread=2.0)
        assert lines[0] == "党" * 18 and lines[1].startswith("“一岗双责”")
    lines = break_lines(text, widths, 22 * 16.0, 28 * 16.0, 0.0, spread=2.0)
    assert lines[0] == "党" * 18 + "“一岗" and lines[1].startswith("双责”")
    # without ``spread`` (table cells) the term is never broken
    lines = break_lines(text, widths, 22 * 16.0, 28 * 16.0, 0.0)
    assert lines[0] == "党" * 18


TITLE = "11月12日组织观看警示教育片《一刻不停歇 半步不退让》（刘春梅主持，8人参加）。"


def test_no_line_of_the_body_opens_with_a_blank(tmp_path):
    """Hospital Q4 一 二是 (revjiwei5 F14): the ledger's title 《一刻不停歇 半步不退让》 broke
    at its space and the next line began " 半步不退让》", set in by half a place. The space
    where a line breaks is dropped, wherever the title falls."""
    path = write_pdf(_doc(["党" * n + TITLE for n in range(28)]), tmp_path / "space.pdf")
    at_break = 0
    for line in _lines(path):
        assert not line[0]["text"].isspace(), _text(line)
        if _text(line).endswith("不停歇") or _text(line).startswith("半步"):
            at_break += 1
            if _text(line).startswith("半步"):
                assert line[0]["x0"] == pytest.approx(LEFT, abs=0.5)
            else:  # the line before reaches the edge with its last character
                assert line[-1]["x1"] == pytest.approx(LEFT + WIDTH, abs=1.0)
    assert at_break >= 2


def test_no_line_of_a_table_cell_opens_with_a_blank():
    """附件2's cell: the same title broken at its space began its next line with it. In a
    cell just wide enough for the words before the space, the space is dropped."""
    from lianzheng_desktop.pdf.columns import cell_lines
    from lianzheng_desktop.pdf.fonts import default_fonts

    fonts = default_fonts()
    title = "组织观看《一刻不停歇 半步不退让》"
    widths = fonts.widths(title, "song", 10.5)
    head = title.index(" ")
    for room in (sum(widths[:head]), sum(widths[:head]) + widths[head] / 2):
        lines = cell_lines(title, widths, room)
        assert lines[:2] == ["组织观看《一刻不停歇", "半步不退让》"], lines


@given(st.text(alphabet="党风廉政建设整改“一岗双责”，。（） 12", min_size=1, max_size=90),
       st.integers(min_value=6, max_value=28), st.booleans())
@example("“ ”””””", 6, False)  # found by this test: a break moved back past the closing
@example("1““。。。 ”", 6, False)  # marks left the blank before them opening a line
def test_any_text_loses_nothing_and_no_line_opens_with_a_blank(text, chars, short_words):
    widths = [8.0 if ch.isdigit() or ch == " " else 16.0 for ch in text]
    limit = chars * 16.0
    lines = break_lines(text, widths, limit, limit, 0.0, short_words=short_words,
                        spread=0.0 if short_words else 2.0)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        ink = line.rstrip()
        start = len("".join(lines[:n]))
        if len(ink) > 1:  # a line of one unit wider than the line is cut by character
            assert sum(widths[start:start + len(ink)]) <= limit + 0.01, lines
        if n and ink:
            assert not line[0].isspace(), lines
