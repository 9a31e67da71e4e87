"""The report as a Word document that opens the same in WPS and Word.

Chinese fonts are named on ``w:eastAsia`` as well as ascii/hAnsi, or WPS and Word fall
back to their own defaults. Page size, margins and the page-number footer follow the PDF.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from lianzheng_desktop.core.report_model import ReportDocument

FONTS = {"title": "方正小标宋简体", "body": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}
LINE_PITCH_PT = 28.9  # 225 mm / 22 lines, as on the PDF's grid


def set_font(run_or_style, family: str, size: float) -> None:
    """Name ``family`` for every script, East Asian included."""
    run_or_style.font.name = family
    run_or_style.font.size = Pt(size)
    fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)


def _paragraph(document, text: str, family: str, size: float, *, indent_chars: int = 2,
               align=None):
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent_chars:
        fmt.first_line_indent = Pt(size * indent_chars)
    if align is not None:
        paragraph.alignment = align
    set_font(paragraph.add_run(text), family, size)
    return paragraph


def _page_number_footer(section) -> None:
    """"— N —" in 4号 宋体; Word needs odd/even headers to alternate sides, so it is centred."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(footer.add_run("— "), FONTS["song"], 14)
    run = footer.add_run()
    set_font(run, FONTS["song"], 14)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, end):
        run._element.append(element)
    set_font(footer.add_run(" —"), FONTS["song"], 14)


def write_docx(report: ReportDocument, path: Path) -> Path:
    document = Document()
    set_font(document.styles["Normal"], FONTS["body"], 16)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.bottom_margin, section.right_margin = Mm(35), Mm(26)
    section.footer_distance = Mm(28)
    _page_number_footer(section)
    _paragraph(document, report.title, FONTS["title"], 22, indent_chars=0,
               align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in report.meta:
        _paragraph(document, line, FONTS["kai"], 16, indent_chars=0,
                   align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "", FONTS["body"], 16)
    for part in report.sections:
        _paragraph(document, part.heading, FONTS["hei"], 16)
        for paragraph in part.paragraphs:
            family = FONTS["kai"] if paragraph.level == 2 else FONTS["body"]
            _paragraph(document, paragraph.text, family, 16)
    if report.closing:
        _paragraph(document, "", FONTS["body"], 16)
        for line in report.closing:
            _paragraph(document, line, FONTS["body"], 16, indent_chars=0,
                       align=WD_ALIGN_PARAGRAPH.RIGHT)
    for appendix in report.appendices:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        label, _, title = appendix.title.partition("　")
        _paragraph(document, label, FONTS["hei"], 16, indent_chars=0)
        _paragraph(document, title, FONTS["title"], 18, indent_chars=0,
                   align=WD_ALIGN_PARAGRAPH.CENTER)
        _table(document, appendix)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    document.save(str(partial))
    partial.replace(path)
    return path


def _table(document, appendix) -> None:
    table = document.add_table(rows=1, cols=len(appendix.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(appendix.widths)
    widths = [Mm(156 * w / total) for w in appendix.widths]
    rows = appendix.rows or [["（本期无记录）"] + [""] * (len(appendix.columns) - 1)]
    for cells, texts, family in [(table.rows[0].cells, appendix.columns, FONTS["hei"])] + [
            (None, row, FONTS["song"]) for row in rows]:
        cells = cells or table.add_row().cells
        for cell, text, width in zip(cells, texts, widths, strict=True):
            cell.width = width
            set_font(cell.paragraphs[0].add_run(text), family, 10.5)
