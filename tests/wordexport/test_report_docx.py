from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.report_service import write_report


def test_docx_has_the_structure_and_east_asian_fonts(demo_store, tmp_path):
    path = tmp_path / "q3.docx"
    write_report(demo_store, ReportPeriod(2022, 3), path)
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "县总工会机关党支部2022年第三季度党风廉政建设述廉述责报告"
    positions = [texts.index(h) for h in SECTION_HEADINGS]
    assert positions == sorted(positions)
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    for run in runs:
        fonts = run._element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")), f"no East Asian font on {run.text[:10]!r}"
    heading = document.paragraphs[positions[0]].runs[0]
    assert heading._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    body = document.paragraphs[positions[0] + 1].runs[0]
    assert body._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.top_margin - Mm(37)) < Mm(0.5)
    assert abs(section.left_margin - Mm(28)) < Mm(0.5)
    assert len(document.tables) == 5
    assert document.tables[0].rows[0].cells[1].text == "要求"
