"""The Word document's styles and page grid, set once so the user restyles in one place:
标题 (title), 标题 1 / 标题 2 (一级/二级标题, with outline levels), 正文 (Normal), and the
few the report's closing and tables need.

The grid is a *line* grid of 22 lines; 28 characters a line come from 3号 text set 0.25 pt
tighter (28 × 15.75 pt fits the 156 mm line, 29 do not). Word's character grid
(``linesAndChars``) would squeeze 16 pt characters into 15.79 pt places, but LibreOffice
gives each such character two places, so a file opened there had 14 characters a line.

Chinese fonts are named on ``w:eastAsia`` as well as ascii/hAnsi, or WPS and Word fall back
to their own defaults. Elements are inserted in the schema's order: Word refuses a file
whose properties are out of order.
"""

from __future__ import annotations

import math

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from lianzheng_desktop.pdf.layout import CELL, LINE_PITCH

FONTS = {"title": "方正小标宋简体", "body": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}
# The grid in twentieths of a point: 22 lines of 225 mm (rounded down so 22 fit) and 28
# characters of 156 mm: Word's pitch is the default size (16 pt) plus charSpace/4096 pt.
LINE_PITCH_TWIPS = int(LINE_PITCH * 20)
# Character spacing of body text in twentieths of a point: the largest that fits 28.
TIGHTEN = math.floor((156 * 72 / 25.4 / 28 - 16) * 20)
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath")
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def set_child(parent, order: tuple[str, ...], tag: str, **attributes: str):
    """Replace ``parent``'s ``tag`` child by a new one with ``attributes``, in schema order."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    parent.insert_element_before(element, *order[order.index(tag) + 1:])
    return element
BODY, TITLE, SUBTITLE = "Normal", "Title", "Subtitle"
HEADING1, HEADING2 = "Heading 1", "Heading 2"
LABEL, APPENDIX_TITLE, NOTE, SIGNATURE = "附件标注", "附件标题", "附件说明", "署名"
CELL_TEXT, CELL_HEAD, PAGE_NUMBER = "表格文字", "表头", "页码"


def set_fonts(target, family: str, size: float | None = None) -> None:
    """Name ``family`` for every script, East Asian included (a run or a style)."""
    target.font.name = family
    if size is not None:
        target.font.size = Pt(size)
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _paragraph_style(document, name: str, family: str, size: float, *, base: str | None = BODY,
                     align=None, indent_chars: float | None = None, outline: int | None = None,
                     exact: bool = True):
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else \
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = styles[base]
    style.next_paragraph_style = styles[BODY]
    set_fonts(style, family, size)
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH)
    if align is not None:
        fmt.alignment = align
    if indent_chars is not None:
        fmt.first_line_indent = Pt(CELL * indent_chars) if indent_chars else Pt(0)
        ppr = style.element.get_or_add_pPr()
        ind = ppr.find(qn("w:ind"))
        if indent_chars and ind is not None:  # in characters too, as Word and WPS show it
            ind.set(qn("w:firstLineChars"), str(int(indent_chars * 100)))
    if outline is not None:
        set_child(style.element.get_or_add_pPr(), PPR_ORDER, "w:outlineLvl", val=str(outline))
    _strip_borders(style)
    rpr = style.element.rPr
    if rpr is not None and name != BODY:  # the template's Title is spaced out and kerned
        for tag in ("w:spacing", "w:kern"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
    style.hidden = False
    style.quick_style = True
    return style


def _strip_borders(style) -> None:
    """The template's Title has a coloured rule under it; a 公文 title has none."""
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _snap_off(style) -> None:
    """Table text keeps its own line height instead of the page's 29 pt grid lines."""
    set_child(style.element.get_or_add_pPr(), PPR_ORDER, "w:snapToGrid", val="0")


def define_styles(document) -> None:
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    body = _paragraph_style(document, BODY, FONTS["body"], 16, base=None,
                            align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars=2)
    set_child(body.element.get_or_add_rPr(), RPR_ORDER, "w:spacing", val=str(TIGHTEN))
    ppr = body.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space around digits
        set_child(ppr, PPR_ORDER, tag, val="0")
    # every grid line used, as in the PDF: a paragraph may leave one line at a page's foot
    set_child(ppr, PPR_ORDER, "w:widowControl", val="0")
    _paragraph_style(document, TITLE, FONTS["title"], 22, align=center, indent_chars=0)
    _paragraph_style(document, SUBTITLE, FONTS["kai"], 16, align=center, indent_chars=0)
    _paragraph_style(document, HEADING1, FONTS["hei"], 16, indent_chars=2, outline=0)
    _paragraph_style(document, HEADING2, FONTS["kai"], 16, indent_chars=2, outline=1)
    for name in (HEADING1, HEADING2):
        document.styles[name].paragraph_format.keep_with_next = True
    _paragraph_style(document, LABEL, FONTS["hei"], 16, indent_chars=0)
    _paragraph_style(document, APPENDIX_TITLE, FONTS["title"], 18, align=center,
                     indent_chars=0)
    _paragraph_style(document, NOTE, FONTS["body"], 16, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph_style(document, SIGNATURE, FONTS["body"], 16, align=right, indent_chars=0)
    for name, family, align in ((CELL_TEXT, FONTS["song"], WD_ALIGN_PARAGRAPH.LEFT),
                                (CELL_HEAD, FONTS["hei"], center)):
        style = _paragraph_style(document, name, family, 10.5, align=align, indent_chars=0,
                                 exact=False)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _snap_off(style)
    _paragraph_style(document, PAGE_NUMBER, FONTS["song"], 14, indent_chars=0, exact=False)
    _snap_off(document.styles[PAGE_NUMBER])
    _document_defaults(document)


def _document_defaults(document) -> None:
    """16 pt and 仿宋 by default, instead of the template's theme fonts."""
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr.find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        set_child(rpr, RPR_ORDER, tag, val="32")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONTS["body"])


def set_page(section) -> None:
    """A4, margins 37/28/35/26 mm, a grid of 22 lines."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.bottom_margin, section.right_margin = Mm(35), Mm(26)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    sect.append(grid)
