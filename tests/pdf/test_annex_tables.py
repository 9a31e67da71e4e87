"""Annex tables read back from the PDF: what a short column holds stays on one line, a
crowded table cuts only long pieces, a note under a table keeps company with it."""

import pdfplumber
import pytest

from lianzheng_desktop.core.report_model import Appendix
from lianzheng_desktop.pdf.fonts import default_fonts
from lianzheng_desktop.pdf.report_pdf import write_pdf
from lianzheng_desktop.pdf.table import PAD_X, SIZE, lay_out
from tests.pdf.pages import LEFT, PITCH, TOP, lines_of, text
from tests.pdf.test_layout_rules import _doc, cell_lines

NOTE = "注：日期后注“补录”的，是事情发生后超过7天才录入的记录。"
# the 谈话记录 annex of a real year (union2026): before, "2026-04-10（补录）" took two lines
# while the column of 是/否 under "一对一问题性约谈" stood a whole header wide
TALKS = [["2026-04-10（补录）", "谈心谈话", "马红梅", "高建军、郑小芳、吴涛、何静、林峰", "否"],
         ["2026-09-05（补录）", "谈心谈话", "马红梅", "高建军", "否"],
         ["2026-09-06（补录）", "提醒谈话", "高建军", "林峰", "是"],
         ["2026-11-30", "任前廉政谈话", "欧阳建国", "高建军、郑小芳、吴涛", "否"]]
TALK_COLUMNS = ["日期", "类型", "谈话人", "谈话对象", "一对一问题性约谈"]


def _pieces(path, first_page=1):
    with pdfplumber.open(path) as pdf:
        return [p for page in pdf.pages[first_page:] for p in cell_lines(page)]


def test_a_date_with_its_note_and_every_short_cell_stay_on_one_line(tmp_path):
    table = Appendix("附件3　2026年度谈话记录台账", TALK_COLUMNS, TALKS, [1] * 5, note=NOTE)
    path = write_pdf(_doc(["正文。"], appendices=[table]), tmp_path / "t.pdf")
    pieces = _pieces(path)
    for row in TALKS:
        for value in row[:3] + row[4:]:  # (a list of names reads back in pieces at the 、)
            assert value in pieces, f"{value} is not on one line"
    laid = lay_out(table, default_fonts())
    assert all(len(max(row.cells, key=len)) == 1 for row in laid.rows)  # one line a row
    # the long header takes even lines over its column of 是/否, not one wide line (here
    # three: two would leave the names a little short of one line)
    assert laid.header.cells[4] == ["一对一", "问题性", "约谈"]
    short = TALKS[:3]  # with room enough, two lines
    assert lay_out(Appendix("附件3", TALK_COLUMNS, short, [1] * 5),
                   default_fonts()).header.cells[4] == ["一对一问", "题性约谈"]


def test_a_crowded_table_cuts_long_codes_never_a_date_a_number_or_a_status(tmp_path):
    """Wide unbreakable pieces in every column: the old layout shrank every column below
    its widest piece alike, and the date came out as "2026-11-" over "30"."""
    code = "GHZ-2026-LZJS-ZXJC-00017-FK"  # one piece, wider than its share of the line
    rows = [[code, code, "2026-11-30", "12", "已完成", "进行中", code, "欧阳建国"]
            for _ in range(3)]
    columns = ["文号", "来文号", "日期", "人次", "状态", "进度", "备案号", "责任人"]
    table = Appendix("附件1　登记表", columns, rows, [1] * 8)
    laid = lay_out(table, default_fonts())
    assert sum(laid.widths) == pytest.approx(156 * 72 / 25.4)
    path = write_pdf(_doc(["正文。"], appendices=[table]), tmp_path / "t.pdf")
    pieces = _pieces(path)
    for value in ("2026-11-30", "12", "已完成", "进行中", "欧阳建国"):
        assert pieces.count(value) == 3, f"{value} broken: {pieces[:12]}"
    assert code not in pieces  # only the long codes were cut
    fonts = default_fonts()
    date_width = fonts.width("2026-11-30", "song", SIZE) + 2 * PAD_X
    assert laid.widths[2] >= date_width - 0.01


def test_the_note_under_a_table_keeps_the_last_row_with_it_and_a_gap_above(tmp_path):
    """However many rows, the note never starts a page of its own (it did when the table
    ended at the page's foot), and it never touches the table's last rule."""
    for count in range(24, 34):
        rows = [[f"2026-01-{n % 28 + 1:02d}", "谈心谈话", "马红梅", "高建军", "否"]
                for n in range(count)]
        table = Appendix("附件3　2026年度谈话记录台账", TALK_COLUMNS, rows, [1] * 5, note=NOTE)
        path = write_pdf(_doc(["正文。"], appendices=[table]), tmp_path / f"n{count}.pdf")
        with pdfplumber.open(path) as pdf:
            page = next(p for p in pdf.pages if any(text(line).startswith("注：")
                                                    for line in lines_of(p)))
            note_top = next(line[0]["top"] for line in lines_of(page)
                            if text(line).startswith("注："))
            rules = [edge["top"] for edge in page.horizontal_edges
                     if edge["top"] < note_top and edge["x0"] < LEFT + 1]
            assert rules, f"{count} rows: the note stands alone on page {page.page_number}"
            assert note_top - max(rules) >= PITCH / 3 - 0.5, count
            assert note_top > TOP


def test_width_goes_where_it_saves_lines_and_the_checklist_keeps_to_one_page(q3_pdf):
    """The demo's 附件1: 要求 wrapped to three lines beside room to spare in 完成情况, and
    its 15th row went over to a page of its own under a repeated header."""
    with pdfplumber.open(q3_pdf) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    first = next(n for n, page in enumerate(pages) if page.startswith("附件1"))
    assert "严肃执纪问责" in pages[first]
    assert "附件2" in pages[first + 1]


def test_even_out_moves_width_to_where_it_saves_lines():
    """Shared by need alone, both columns of this table wrap to three lines; a character's
    width moved from the shorter text to the longer leaves every row two lines."""
    from lianzheng_desktop.pdf.columns import even_out, size_columns

    fonts = default_fonts()
    words = "党风廉政建设责任制落实情况全面梳理检查整改到位" * 3
    header, rows = ["要求", "完成情况"], [[words[:41], words[:38]]] * 5
    table = Appendix("附件1", header, rows, [1, 1])
    pad = 2 * PAD_X
    shared = size_columns(header, rows, fonts, SIZE, pad, 156 * 72 / 25.4)
    laid = lay_out(table, fonts)
    assert sum(laid.widths) == pytest.approx(sum(shared))
    assert [len(c) for c in laid.rows[0].cells] == [2, 2]
    assert laid.widths == pytest.approx(even_out(shared, header, rows, fonts, SIZE, pad))
    for cells in laid.rows[0].cells:
        assert "".join(cells) in words
