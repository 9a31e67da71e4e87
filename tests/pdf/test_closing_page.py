"""Where the closing (附件说明, 署名, date) and the pages' last lines go, read from the PDF."""

import pytest

from lianzheng_desktop.app.reports import write_report
from lianzheng_desktop.core.report_model import (
    Appendix,
    Paragraph,
    ReportDocument,
    ReportPeriod,
    Section,
)
from lianzheng_desktop.core.vocab import ROLE_SECRETARY
from lianzheng_desktop.pdf.report_pdf import CLOSER_MOST, QUARTER, write_pdf
from tests.pdf.pages import CELL, HEIGHT, LEFT, PITCH, TOP, pages_of, text

# 高建军's 31 December annual (revjiwei4 K11): four annexes, one name of two lines
ANNEXES = ["2026年度警示教育台账（本人主持或参加）", "2026年度谈话记录台账（本人开展）",
           "整改事项台账（本人负责，截至2026年12月31日）", "2026年度会议活动台账（本人主持或参加）"]
LAST = ("核实整改事项“困难职工帮扶档案不完整”（整改时限为2026年12月31日）的完成情况：已按时"
        "完成的，及时开展“回头看”；未完成的，于2027年1月内重新明确整改时限、尽快销号。")
FILLER = "党风廉政建设责任制落实情况全面梳理检查"


def _pages(path):
    """Each page's text lines (page number excluded): (top, x0, text)."""
    return [[(line[0]["top"], line[0]["x0"], text(line)) for line in lines]
            for lines in pages_of(path)]


def _report(paragraphs, annexes=ANNEXES):
    appendices = [Appendix(f"附件{n}　{name}", ["序号"], [["1"]], [1])
                  for n, name in enumerate(annexes, start=1)]
    section = Section("四、下一步工作打算", [Paragraph(p) for p in paragraphs])
    return ReportDocument(title="高建军同志2026年度述责述廉报告", meta=["（2026年度）"],
                          sections=[section], appendices=appendices,
                          closing=["副主席　高建军", "2026年12月31日"])


def _closing_page(pages):
    return next(n for n, page in enumerate(pages)
                if any(text.startswith("附件：") for _, _, text in page))


def _blank_at_foot(page):
    """Lines left blank under a page's last line, in that page's own pitch."""
    pitch = min(b[0] - a[0] for a, b in zip(page, page[1:], strict=False))
    return (TOP + HEIGHT - page[-1][0]) / pitch - 1


@pytest.mark.parametrize("count", range(2, 34))
def test_the_closing_keeps_text_above_it_and_no_page_ends_half_blank(tmp_path, count):
    """K11: the closing did not fit under the last paragraph, its last two lines went
    over with it and page 2 ended mid-sentence half blank. For every length of text: the
    closing's page has text above the 附件说明, the page before ends at most a quarter
    blank, and no page is set closer than 28 lines."""
    lead = "2027年度，本人将重点抓好以下工作："
    paragraphs = [FILLER * (1 + n % 3) for n in range(count)] + [lead, LAST]
    pages = _pages(write_pdf(_report(paragraphs), tmp_path / f"k{count}.pdf"))
    at = _closing_page(pages)
    page = pages[at]
    note = next(n for n, (_, _, text) in enumerate(page) if text.startswith("附件："))
    assert note > (5 if at == 0 else 0), "the closing stands on a page without text"
    if at > 0:
        assert _blank_at_foot(pages[at - 1]) <= QUARTER + 0.2, (count, pages[at - 1][-1])
    for body in pages[:at + 1]:
        tops = [top for top, _, _ in body]
        pitches = [b - a for a, b in zip(tops[3:], tops[4:], strict=False)]
        assert min(pitches) >= HEIGHT / (22 + CLOSER_MOST) - 0.1


def test_one_line_too_many_sets_the_last_page_closer_not_half_a_page_over(tmp_path):
    """The K11 page itself: the closing needed one line more than was left. The page is
    set closer (调整行距) and holds the whole paragraph, the 附件说明 and the 署名."""
    for count in range(2, 34):
        paragraphs = [FILLER * (1 + n % 3) for n in range(count)] + [LAST]
        pages = _pages(write_pdf(_report(paragraphs), tmp_path / f"c{count}.pdf"))
        page = pages[_closing_page(pages)]
        texts = [text for _, _, text in page]
        if any(text.startswith("核实整改事项") for text in texts) and len(page) > 22:
            tops = [top for top, _, _ in page]
            pitch = tops[-1] - tops[-2]
            assert pitch < PITCH - 0.5  # closer than the grid
            assert all(b - a == pytest.approx(pitch, abs=0.3) or b - a > 1.5 * pitch
                       for a, b in zip(tops, tops[1:], strict=False))
            return
    pytest.fail("no length of text needed the page set closer")


@pytest.mark.parametrize("count", range(2, 30))
def test_a_paragraph_leaves_no_line_alone_at_a_page_foot_or_top(tmp_path, count):
    """孤行控制: a paragraph's first line alone at a page's foot, or its last alone at the
    next page's top (seen as "快销号。" over the 附件说明), reads as a slip."""
    paragraphs = [FILLER * (2 + n % 2) for n in range(count)] + [LAST]
    pages = _pages(write_pdf(_report(paragraphs, annexes=ANNEXES[:1]), tmp_path / "w.pdf"))
    indent = LEFT + 2 * CELL
    for before, after in zip(pages, pages[1:], strict=False):
        if not after or after[0][1] == pytest.approx(indent, abs=0.5):
            continue  # the page begins a paragraph
        if abs(after[0][1] - LEFT) > 0.5 or after[0][2].startswith("附件"):
            continue  # a heading, a table
        tail = next(n for n, line in enumerate(reversed(before))
                    if line[1] == pytest.approx(indent, abs=0.5)) + 1
        head = next((n for n, line in enumerate(after)
                     if line[1] != pytest.approx(LEFT, abs=0.5)), len(after))
        assert tail >= 2 and head >= 2, (before[-1][2], after[0][2])


def test_a_members_period_and_name_are_two_lines_as_the_branchs(demo_store, tmp_path):
    """K7: "（2026年第四季度，截至11月30日　副主席　高建军）" — the 署名 inside the period's
    parenthesis on a member's paper, on a line of its own on the branch's."""
    document = ReportDocument(
        title="高建军同志2026年第四季度述责述廉报告",
        meta=["（2026年第四季度，截至11月30日　副主席　高建军）"],
        sections=[Section("一、履行责任情况", [Paragraph("正文。")])],
        closing=["副主席　高建军", "2026年11月30日"])
    texts = [text for _, _, text in _pages(write_pdf(document, tmp_path / "m.pdf"))[0]]
    assert texts[1:3] == ["（2026年第四季度，截至11月30日）", "副主席　高建军"]
    own = tmp_path / "own.pdf"
    member = next(p.name for p in demo_store.list("roster") if p.role != ROLE_SECRETARY)
    write_report(demo_store, ReportPeriod(2022, 3), own, person=member)
    texts = [text for _, _, text in _pages(own)[0]]
    period = next(n for n, text in enumerate(texts) if text.startswith("（2022年"))
    assert texts[period].endswith("）") and member not in texts[period]
    assert texts[period + 1].endswith(member)


@pytest.mark.parametrize("count", range(10, 20))
def test_a_lead_in_line_keeps_a_three_line_item_that_may_not_split(tmp_path, count):
    """Branch Q4 2026: "本季度主要存在以下问题：" at page 1's foot, its "一是…" (three lines,
    which may not leave one behind) all on page 2."""
    lead = "本季度主要存在以下问题："
    item = "一是着力做好县委巡察整改工作的要求落实进度滞后：" + FILLER * 2
    paragraphs = [FILLER] * count + [lead, item, FILLER * 4]  # one line each
    pages = _pages(write_pdf(_report(paragraphs, annexes=[]), tmp_path / "l.pdf"))
    where = {text: n for n, page in enumerate(pages) for _, _, text in page}
    first = next(text for text in where if text.startswith("一是"))
    assert where[lead] == where[first], count


def test_a_heading_and_lead_in_go_over_with_the_item_the_closing_takes(tmp_path):
    """高建军's Q4 paper (revjiwei5 F9): the closing (two two-line annex names and the
    署名) cannot stand under 四 on page 1 nor on a page of its own, and 四's two-line item
    may not split; its heading and lead-in go over with it rather than stand alone at
    page 1's foot, which ends with 三 a quarter blank at most."""
    sections = [
        Section("一、履行全面从严治党（党风廉政建设）责任情况", [Paragraph(p) for p in (
            "2026年第四季度（截至11月30日），本人认真履行“一岗双责”，抓好分管范围内党风廉政"
            "建设工作，主持集中警示教育1次、推进整改事项1件。",
            "一是深化警示教育。10月16日学习县纪委通报典型案例（本人主持，6人参加）。",
            "二是扎实推进问题整改。本人负责巡察反馈的整改事项1件。截至2026年11月30日，"
            "尚在整改1件。")]),
        Section("二、个人廉洁自律情况", []),
        Section("三、存在的问题及原因", [Paragraph(
            "年度工作要点没有对本人单独提出量化任务；本人负责的1件整改事项尚未完成，"
            "仍在整改时限内。")]),
        Section("四、下一步工作打算", [Paragraph("下一步，本人将重点抓好以下工作："), Paragraph(
            "按期推进“困难职工帮扶档案不完整”的整改，确保于2026年12月31日前完成。")])]
    names = ["2026年第四季度警示教育台账（本人主持或参加，截至2026年11月30日）",
             "整改事项台账（本人负责，截至2026年11月30日）"]
    document = ReportDocument(
        title="高建军同志2026年第四季度述责述廉报告",
        meta=["（2026年第四季度，截至11月30日）", "副主席　高建军"], sections=sections,
        appendices=[Appendix(f"附件{n}　{name}", ["序号"], [["1"]], [1])
                    for n, name in enumerate(names, start=1)],
        closing=["副主席　高建军", "2026年11月30日"])
    pages = _pages(write_pdf(document, tmp_path / "gao.pdf"))
    at = _closing_page(pages)
    assert at == 1
    assert pages[1][0][2] == "四、下一步工作打算"
    assert pages[0][-1][2].endswith("仍在整改时限内。")
    assert _blank_at_foot(pages[0]) <= QUARTER + 0.2
