"""The report as a Word document that matches the PDF and opens the same in WPS and Word.

Every paragraph carries a style (``styles.py``) and no direct formatting beyond what its
place needs (the 署名's offset, the 附件说明's hanging indent), so the user restyles the whole
report by changing one style.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from lianzheng_desktop.core.report_model import Appendix, ReportDocument
from lianzheng_desktop.pdf.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    CELL,
    MM,
    PAGE_HEIGHT,
    TOP,
    approx_ems,
    column_widths,
    split_title,
    units,
)
from lianzheng_desktop.whole_files import written_whole
from lianzheng_desktop.wordexport import metadata
from lianzheng_desktop.wordexport.styles import (
    APPENDIX_TITLE,
    BODY,
    CELL_HEAD,
    CELL_TEXT,
    HEADING1,
    HEADING2,
    LABEL,
    NOTE,
    PAGE_NUMBER,
    SIGNATURE,
    SUBTITLE,
    TBLPR_ORDER,
    TITLE,
    define_styles,
    set_child,
    set_page,
)

PAGE_NUMBER_SIZE = 14.0
TABLE_SIZE = 10.5
CELL_PAD = 4.0  # points each side, as Word's default cell margins (0.19 cm) roughly


def write_docx(report: ReportDocument, path: Path) -> Path:
    document = Document()
    define_styles(document)
    section = document.sections[0]
    set_page(section)
    _page_numbers(document, section)
    body = document.paragraphs[0] if document.paragraphs else None
    if body is not None and not body.text:  # the template's empty first paragraph
        body._element.getparent().remove(body._element)
    _title(document, report.title)
    document.add_paragraph("", BODY)
    for line in report.meta:
        # a long one is two lines of the document (core's _meta): no hard break, which
        # Word and WPS would keep whatever the width
        document.add_paragraph("", SUBTITLE).add_run(line)
    if report.meta:
        document.add_paragraph("", BODY)
    for part in report.sections:
        document.add_paragraph(part.heading, HEADING1)
        for said in part.paragraphs:
            document.add_paragraph(said.text, HEADING2 if said.level == 2 else BODY)
    closing_from = len(document.paragraphs) - 1  # the last paragraph of the text
    _attachment_note(document, report)
    _signature(document, report.closing)
    # the signature never stands alone on a page: the text's last lines go over with it
    for kept in document.paragraphs[closing_from:-1]:
        kept.paragraph_format.keep_with_next = True
    for appendix in report.appendices:
        label, _, title = appendix.title.partition("　")
        document.add_paragraph(label, LABEL).paragraph_format.page_break_before = True
        document.add_paragraph("", LABEL)
        document.add_paragraph(title or label, APPENDIX_TITLE)
        document.add_paragraph("", LABEL)
        _table(document, appendix)
        if appendix.note:  # in the body's type, as the PDF prints it (not 附件标注's 黑体)
            note = document.add_paragraph(appendix.note, BODY)
            note.paragraph_format.first_line_indent = 0
    metadata.set_properties(document, title=report.title,
                            author=report.closing[0] if report.closing else "")
    path = Path(path)
    with written_whole(path) as partial:
        document.save(str(partial))
        metadata.strip_template_parts(partial)
    return path


def _title(document, title: str) -> None:
    """The title, broken between words as in the PDF (a line break inside one paragraph)."""
    widths = [approx_ems(ch) * 22 for ch in title]
    paragraph = document.add_paragraph(style=TITLE)
    for n, line in enumerate(split_title(title, widths, BLOCK_WIDTH)):
        run = paragraph.add_run(line)
        if n:
            run._element.insert(0, OxmlElement("w:br"))


def _ems_to_pt(ems: float) -> float:
    """Width on the 28-character grid: full-width characters take one place each."""
    return ems * CELL


def _attachment_note(document, report: ReportDocument) -> None:
    """附件说明: one blank line, "附件：1．名称" two characters in, the numbers aligned, a long
    name's next line under its first character, no full stop after a name."""
    names = []
    for appendix in report.appendices:
        label, _, title = appendix.title.partition("　")
        names.append((title or label).strip().rstrip("。．."))
    if not names:
        return
    document.add_paragraph("", BODY)
    number_at = 5 * CELL  # "附件：" fills places 3-5
    name_at = number_at + max(_ems_to_pt(approx_ems(f"{n}．")) for n in range(1, len(names) + 1))
    for n, name in enumerate(names, start=1):
        prefix = "附件：" if n == 1 else ""
        paragraph = document.add_paragraph(f"{prefix}{n}．{name}", NOTE)
        fmt = paragraph.paragraph_format
        fmt.left_indent = Pt(name_at)
        fmt.first_line_indent = Pt((2 * CELL if n == 1 else number_at) - name_at)


def _signature(document, closing: list[str]) -> None:
    """署名 two characters in from the right, the date below starting two characters right
    of the 署名's first character (GB/T 9704 7.3.5.2, no seal)."""
    if not closing:
        return
    *names, day = closing if len(closing) > 1 else (closing + [""])
    name_width = max(_ems_to_pt(approx_ems(n)) for n in names)
    day_width = _ems_to_pt(approx_ems(day))
    name_right = 2 * CELL
    day_right = name_right + name_width - 2 * CELL - day_width
    if day and day_right < 2 * CELL:  # a longer date: it keeps two, the 署名 moves left
        day_right = 2 * CELL
        name_right = day_right + day_width + 2 * CELL - name_width
    document.add_paragraph("", BODY)
    for name in names:
        document.add_paragraph(name, SIGNATURE).paragraph_format.right_indent = Pt(name_right)
    if day:
        document.add_paragraph(day, SIGNATURE).paragraph_format.right_indent = Pt(day_right)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A field (PAGE) with a result shown until the reader updates it."""
    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    for element in (char("begin"), text, char("separate")):
        paragraph.add_run()._element.append(element)
    paragraph.add_run(shown)
    paragraph.add_run()._element.append(char("end"))


def _page_numbers(document, section) -> None:
    """"— 1 —" in 4号 宋体, 7 mm below the block, one character in: odd pages right, even
    pages left (odd and even footers)."""
    document.settings.odd_and_even_pages_header_footer = True
    # the footer's line ends about 1.4 × its size below the glyphs' top
    top_from_bottom = PAGE_HEIGHT - TOP - BLOCK_HEIGHT - 7 * MM
    section.footer_distance = Pt(top_from_bottom - PAGE_NUMBER_SIZE * 1.4)
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[PAGE_NUMBER]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Pt(PAGE_NUMBER_SIZE)
        paragraph.add_run("— ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" —")


def _table(document, appendix: Appendix) -> None:
    """Columns sized to their content as in the PDF; the grid's widths agree with the
    cells'; the header repeats on each page; no row splits across pages."""
    columns = len(appendix.columns)
    rows = appendix.rows or [[appendix.empty] + [""] * (columns - 1)]
    mins = [0.0] * columns
    maxs = [0.0] * columns
    for texts in [appendix.columns, *rows]:
        for k, text in enumerate(texts):
            whole = approx_ems(text) * TABLE_SIZE
            pieces = units(text, short_words=True)
            piece = max((approx_ems(p) for p in pieces), default=0) * TABLE_SIZE
            mins[k], maxs[k] = max(mins[k], piece), max(maxs[k], whole)
    pad = 2 * CELL_PAD + 2  # and a little for fonts wider than the estimate
    widths = column_widths([m + pad for m in mins], [m + pad for m in maxs], BLOCK_WIDTH,
                           keep_whole=8 * TABLE_SIZE + pad)
    twips = [int(w * 20) for w in widths]
    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table, sum(twips))
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for n, texts in enumerate([appendix.columns, *rows]):
        row = table.add_row()
        _row_properties(row, header=n == 0)
        for cell, text, width in zip(row.cells, texts, twips, strict=True):
            cell.width = Pt(width / 20)
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles[CELL_HEAD if n == 0 else CELL_TEXT]
            if text:
                paragraph.add_run(text)
    if not appendix.rows:
        first = table.rows[1].cells
        first[0].merge(first[-1])


def _fixed_layout(table, width_twips: int) -> None:
    """The table's width is the sum of its columns, laid out as given, with the cell
    margins the widths were computed for."""
    tbl_pr = table._tbl.tblPr
    set_child(tbl_pr, TBLPR_ORDER, "w:tblW", w=str(width_twips), type="dxa")
    set_child(tbl_pr, TBLPR_ORDER, "w:tblLayout", type="fixed")
    margins = set_child(tbl_pr, TBLPR_ORDER, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int((CELL_PAD if side in ("left", "right") else 2) * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)


def _row_properties(row, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))

