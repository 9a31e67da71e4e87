"""The Word file's structure: styles the user can restyle, fonts WPS reads, honest metadata,
tables whose grid agrees with their cells."""

import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from lianzheng_desktop.app.reports import write_report
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod

TITLE = "县总工会机关党支部2022年第三季度党风廉政建设述廉述责报告"


@pytest.fixture
def q3_docx(demo_store, tmp_path):
    path = tmp_path / "q3.docx"
    write_report(demo_store, ReportPeriod(2022, 3), path)
    return path


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def east_asian_font(style):
    for s in style_chain(style):
        fonts = s.element.rPr.rFonts if s.element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return None


def outline_level(style):
    for s in style_chain(style):
        ppr = s.element.pPr
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is not None:
            return int(level.get(qn("w:val")))
    return None


def test_the_parts_carry_real_styles_with_outline_levels(q3_docx):
    document = Document(str(q3_docx))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[0].replace("\n", "") == TITLE
    assert paragraphs[0].style.name == "Title"
    positions = [texts.index(h) for h in SECTION_HEADINGS]
    assert positions == sorted(positions)
    for n in positions:
        assert paragraphs[n].style.name == "Heading 1"
        assert outline_level(paragraphs[n].style) == 0
    body = paragraphs[positions[0] + 1]
    assert body.style.name == "Normal" and outline_level(body.style) is None
    level2 = [p for p in paragraphs if p.text.startswith("（一）")]
    assert all(p.style.name == "Heading 2" and outline_level(p.style) == 1 for p in level2)


def test_fonts_live_in_the_styles_on_east_asia(q3_docx):
    """Restyling 正文 changes every body paragraph: no run overrides the font or size."""
    document = Document(str(q3_docx))
    assert east_asian_font(document.styles["Normal"]) == "仿宋"
    assert east_asian_font(document.styles["Heading 1"]) == "黑体"
    assert east_asian_font(document.styles["Heading 2"]) == "楷体"
    assert east_asian_font(document.styles["Title"]) == "方正小标宋简体"
    for paragraph in document.paragraphs:
        assert east_asian_font(paragraph.style), paragraph.style.name
        for run in paragraph.runs:
            rpr = run._element.rPr
            assert rpr is None or (rpr.rFonts is None and rpr.sz is None), run.text
    assert document.styles["Normal"].paragraph_format.alignment == 3  # justified


def test_page_grid_and_margins(q3_docx):
    document = Document(str(q3_docx))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.top_margin - Mm(37)) < Mm(0.5)
    assert abs(section.left_margin - Mm(28)) < Mm(0.5)
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch"))) / 20
    assert 22 * pitch <= 225 * 72 / 25.4 < 23 * pitch


def test_title_and_author_set_and_nothing_of_the_library(q3_docx):
    document = Document(str(q3_docx))
    props = document.core_properties
    assert props.title == TITLE
    assert props.author == "县总工会机关党支部书记、县总工会党组书记、常务副主席　王建国"
    assert not props.comments
    with zipfile.ZipFile(q3_docx) as package:
        names = package.namelist()
        assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
        for name in names:
            assert b"python-docx" not in package.read(name).lower(), name


def test_tables_grid_widths_agree_with_cells_header_repeats_rows_do_not_split(q3_docx):
    document = Document(str(q3_docx))
    assert len(document.tables) == 5
    assert document.tables[0].rows[0].cells[1].text == "要求"
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        width = table._tbl.tblPr.find(qn("w:tblW"))
        assert int(width.get(qn("w:w"))) == sum(grid)
        assert abs(sum(grid) / 20 - 156 * 72 / 25.4) < 2
        for n, row in enumerate(table.rows):
            cells = [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in row._tr.tc_lst]
            if len(cells) == len(grid):
                assert cells == grid
            else:  # "（本期无记录）" spans the row
                assert sum(cells) == sum(grid)
            tr_pr = row._tr.trPr
            assert tr_pr.find(qn("w:cantSplit")) is not None
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (n == 0)


def test_page_numbers_odd_right_even_left(q3_docx):
    document = Document(str(q3_docx))
    settings = document.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # right, left
    for paragraph in (odd, even):
        assert "PAGE" in paragraph._p.xml and paragraph.text.startswith("— ")


def test_a_line_under_the_title_has_no_hard_break(tmp_path):
    """revjiwei2 N8: a hard break inside the subtitle stays wherever Word or WPS wraps; a
    long one is two lines of the document (report_content._meta), each a paragraph."""
    from lianzheng_desktop.core.report_model import Paragraph, ReportDocument, Section
    from lianzheng_desktop.wordexport.report_docx import write_docx

    long_line = "（2026年第二季度　某某县总工会党组成员、副主席　张志强）"
    report = ReportDocument("张志强同志2026年第二季度述责述廉报告", [long_line],
                            [Section(SECTION_HEADINGS[0], [Paragraph("正文。")])])
    write_docx(report, tmp_path / "meta.docx")
    meta = Document(str(tmp_path / "meta.docx")).paragraphs[2]
    assert meta.text == long_line and "\n" not in meta.text


def test_an_annex_note_is_in_the_body_type_not_the_label_style(tmp_path):
    """revjiwei2 N11: "注：日期后注“补录”的…" had the style 附件标注 (黑体 16 pt, the "附件1"
    label's): in Word and WPS a bold-looking label line under the table."""
    from lianzheng_desktop.core.report_model import Appendix, Paragraph, ReportDocument, Section
    from lianzheng_desktop.wordexport.report_docx import write_docx

    annex = Appendix("附件1　整改事项台账", ["编号", "状态"], [["ZC-01", "整改中"]], [1, 1],
                     note="注：状态为“长期坚持（未填整改措施）”的事项，正文按尚在整改计算。")
    report = ReportDocument("报告", [], [Section(SECTION_HEADINGS[0], [Paragraph("正文。")])],
                            [annex])
    write_docx(report, tmp_path / "note.docx")
    [note] = [p for p in Document(str(tmp_path / "note.docx")).paragraphs
              if p.text.startswith("注：")]
    assert note.style.name == "Normal" and note.paragraph_format.first_line_indent == 0
