"""The report as a PDF in the official document layout (GB/T 9704-2012)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as TableText
from reportlab.platypus import Table, TableStyle

from lianzheng_desktop.core.report_model import Appendix, ReportDocument
from lianzheng_desktop.pdf.fonts import FontSet, LoadedFont, default_fonts
from lianzheng_desktop.pdf.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    BODY_CHAR_SPACE,
    BODY_SIZE,
    CELL,
    LEFT,
    LINE_PITCH,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    TITLE_SIZE,
    TOP,
    break_lines,
    split_title,
)

TABLE_SIZE = 10.5  # 五号
Progress = Callable[[int, str], None]


class _Writer:
    """Lays lines onto grid rows, page after page, numbering each page."""

    def __init__(self, canvas: Canvas | None, fonts: FontSet, title: str,
                 broken: dict | None = None):
        self.c, self.fonts = canvas, fonts  # no canvas: a dry run that only counts rows
        # (text, role, indent) -> (widths, lines): a dry run's line breaks, reused
        self._broken = broken if broken is not None else {}
        self.page = 1
        self.row = 0  # the next free grid line on this page
        self.title = title
        self._default_font()

    # -- grid and pages ---------------------------------------------------------------
    def _baseline(self, row: int, font: LoadedFont, size: float) -> float:
        """So that the glyph box's top (size + descent above the baseline) meets the row."""
        top = PAGE_HEIGHT - TOP - row * LINE_PITCH
        return top - size - font.font.face.descent * size / 1000

    def new_page(self) -> None:
        if self.c is not None:
            self._page_number()
            self.c.showPage()
        self._default_font()
        self.page += 1
        self.row = 0

    def _default_font(self) -> None:
        # Text objects open with the canvas's font; without this it is an unembedded Helvetica.
        if self.c is not None:
            self.c.setFont(self.fonts.primary("song").name, BODY_SIZE)

    def finish(self) -> None:
        self._page_number()
        self.c.save()

    def _page_number(self) -> None:
        text = f"— {self.page} —"
        font = self.fonts.primary("song")
        width = self.fonts.width(text, "song", PAGE_NUMBER_SIZE)
        inset = PAGE_NUMBER_SIZE  # one character from the block's edge
        x = (LEFT + BLOCK_WIDTH - inset - width) if self.page % 2 else (LEFT + inset)
        top = PAGE_HEIGHT - TOP - BLOCK_HEIGHT - PAGE_NUMBER_GAP
        baseline = top - PAGE_NUMBER_SIZE - font.font.face.descent * PAGE_NUMBER_SIZE / 1000
        self._draw(text, "song", PAGE_NUMBER_SIZE, x, baseline, 0.0)

    def ensure_rows(self, count: int) -> None:
        if self.row + count > LINES_PER_PAGE:
            self.new_page()

    # -- text -------------------------------------------------------------------------
    def _draw(self, text: str, role: str, size: float, x: float, baseline: float,
              space: float) -> None:
        """Each glyph at its own position, so every reader agrees where it stands.

        (Character spacing via Tc is applied inconsistently by some readers when
        reportlab switches between a font's subsets mid-line.)
        """
        if self.c is None:
            return
        obj = self.c.beginText(x, baseline)
        current = None
        for font, part in self.fonts.runs(text, role):
            if font is not current:
                obj.setFont(font.name, size)
                current = font
            for ch in part:
                obj.setTextOrigin(x, baseline)
                obj.textOut(ch)
                x += pdfmetrics.stringWidth(ch, font.name, size) + space
        self.c.drawText(obj)

    def _widths(self, text: str, role: str, size: float) -> list[float]:
        return [self.fonts.width(ch, role, size) for ch in text]

    def paragraph(self, text: str, role: str = "fangsong", indent: int = 2,
                  carry: int = 0) -> int:
        """A body paragraph on the grid: first line indented ``indent`` characters; its
        last ``carry`` lines start a new page. Returns the number of lines.

        Every line but the last is justified to the block's right edge (两端对齐), as a
        line holding half-width digits would otherwise stop short of it.
        """
        first = BLOCK_WIDTH - indent * CELL
        key = (text, role, indent)
        if key not in self._broken:
            widths = self._widths(text, role, BODY_SIZE)
            self._broken[key] = widths, break_lines(text, widths, first, BLOCK_WIDTH,
                                                    BODY_CHAR_SPACE)
        widths, lines = self._broken[key]
        position = 0
        for n, line in enumerate(lines):
            if carry and n == max(0, len(lines) - carry) and self.row > 0:
                self.new_page()
            self.ensure_rows(1)
            available = first if n == 0 else BLOCK_WIDTH
            line_widths = widths[position:position + len(line)]
            position += len(line)
            space = BODY_CHAR_SPACE
            if n < len(lines) - 1 and len(line) > 1:
                natural = sum(line_widths) + BODY_CHAR_SPACE * (len(line) - 1)
                space += (available - natural) / (len(line) - 1)
            x = LEFT + (indent * CELL if n == 0 else 0)
            font = self.fonts.primary(role)
            self._draw(line, role, BODY_SIZE, x, self._baseline(self.row, font, BODY_SIZE),
                       space)
            self.row += 1
        return len(lines)

    def centred(self, text: str, role: str, size: float) -> None:
        widths = self._widths(text, role, size)
        lines = split_title(text, widths, BLOCK_WIDTH) if role == "xiaobiaosong" else \
            break_lines(text, widths, BLOCK_WIDTH, BLOCK_WIDTH, 0.0)
        for line in lines:
            self.ensure_rows(1)
            width = self.fonts.width(line, role, size)
            font = self.fonts.primary(role)
            self._draw(line, role, size, LEFT + (BLOCK_WIDTH - width) / 2,
                       self._baseline(self.row, font, size), 0.0)
            self.row += 1

    def right(self, text: str, role: str = "fangsong", inset_chars: int = 4) -> None:
        self.ensure_rows(1)
        width = self.fonts.width(text, role, BODY_SIZE) + BODY_CHAR_SPACE * (len(text) - 1)
        x = LEFT + BLOCK_WIDTH - inset_chars * CELL - width
        font = self.fonts.primary(role)
        self._draw(text, role, BODY_SIZE, x, self._baseline(self.row, font, BODY_SIZE),
                   BODY_CHAR_SPACE)
        self.row += 1

    def blank(self, rows: int = 1) -> None:
        self.row = min(self.row + rows, LINES_PER_PAGE)

    # -- tables -----------------------------------------------------------------------
    def table(self, appendix: Appendix) -> None:
        style = ParagraphStyle("cell", fontName=self.fonts.primary("song").name,
                               fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.35,
                               wordWrap="CJK")
        head = ParagraphStyle("head", parent=style, fontName=self.fonts.primary("hei").name,
                              alignment=TA_CENTER)
        total = sum(appendix.widths)
        widths = [BLOCK_WIDTH * w / total for w in appendix.widths]
        data = [[TableText(self._markup(c, "hei"), head) for c in appendix.columns]]
        data += [[TableText(self._markup(c, "song"), style) for c in row] for row in appendix.rows]
        if len(data) == 1:
            data.append([TableText("（本期无记录）", style)] + [""] * (len(widths) - 1))
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.primary("song").name),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        pending: Table | None = table
        while pending is not None:
            top = PAGE_HEIGHT - TOP - self.row * LINE_PITCH
            available = top - (PAGE_HEIGHT - TOP - BLOCK_HEIGHT)
            _w, height = pending.wrapOn(self.c, BLOCK_WIDTH, available)
            if height <= available:
                pending.drawOn(self.c, LEFT, top - height)
                self.row = LINES_PER_PAGE if height > available - LINE_PITCH else \
                    self.row + int(height // LINE_PITCH) + 1
                pending = None
                continue
            parts = pending.split(BLOCK_WIDTH, available)
            if len(parts) < 2:
                if self.row == 0:  # a single row taller than a page: draw what fits
                    pending.drawOn(self.c, LEFT, top - height)
                    pending = None
                self.new_page()
                continue
            _w, first_height = parts[0].wrapOn(self.c, BLOCK_WIDTH, available)
            parts[0].drawOn(self.c, LEFT, top - first_height)
            pending = parts[1]
            self.new_page()

    def _markup(self, text: str, role: str) -> str:
        return "".join(f'<font name="{font.name}">{escape(part)}</font>'
                       for font, part in self.fonts.runs(text, role))


def write_pdf(document: ReportDocument, path: Path, fonts: FontSet | None = None,
              progress: Progress | None = None) -> Path:
    """Write ``document`` to ``path`` (atomically: a half-written file never remains)."""
    fonts = fonts or default_fonts()
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    canvas = Canvas(str(partial), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1,
                    initialFontName=fonts.primary("song").name, initialFontSize=BODY_SIZE)
    canvas.setTitle(document.title)
    canvas.setAuthor(document.closing[0] if document.closing else "")
    canvas.setCreator("廉政台账")
    canvas.setSubject("述廉述责报告")
    report = progress or (lambda _p, _s: None)
    report(5, "正在排版正文…")
    broken: dict = {}  # the dry run breaks the lines once for both runs
    carry = _lines_to_carry(document, fonts, broken)
    writer = _Writer(canvas, fonts, document.title, broken)
    _write_body(writer, document, carry=carry)
    for number, appendix in enumerate(document.appendices, start=1):
        share = 70 * number // max(1, len(document.appendices))
        report(20 + share, f"正在排版{appendix.title[:3]}…")
        writer.new_page()
        writer.paragraph(appendix.title.split("　")[0], "hei", indent=0)
        writer.blank()
        writer.centred(appendix.title.split("　", 1)[-1], "xiaobiaosong", 18)
        writer.blank()
        writer.table(appendix)
    writer.finish()
    partial.replace(path)
    report(100, "完成")
    return path


# The signature and date never stand alone on a page (公文不出现“此页无正文”): when they
# would, the last lines of the text go over with them.
CARRY_LINES = 2


def _write_body(writer: _Writer, document: ReportDocument, carry: int = 0) -> tuple[int, bool]:
    """Title, meta, sections and closing; the last ``carry`` lines of the text start a new
    page. Returns the last paragraph's line count and whether the closing began a page of
    its own."""
    writer.centred(document.title, "xiaobiaosong", TITLE_SIZE)
    writer.blank()
    for line in document.meta:
        writer.centred(line, "kai", BODY_SIZE)
    writer.blank()
    blocks = []  # (text, role, is a heading)
    for section in document.sections:
        blocks.append((section.heading, "hei", True))
        blocks += [(p.text, "kai" if p.level == 2 else "fangsong", False)
                   for p in section.paragraphs]
    last_lines = 0
    for n, (text, role, heading) in enumerate(blocks):
        if heading:
            writer.ensure_rows(2)  # a heading never stands alone at a page's foot
        last_lines = writer.paragraph(text, role, carry=carry if n == len(blocks) - 1 else 0)
    alone = False
    if document.closing:
        writer.blank()
        page = writer.page
        writer.ensure_rows(len(document.closing))
        alone = writer.page != page
        for line in document.closing:
            writer.right(line)
    return last_lines, alone


def _lines_to_carry(document: ReportDocument, fonts: FontSet, broken: dict) -> int:
    """How many of the last paragraph's lines to move so the closing has company."""
    last_lines, alone = _write_body(_Writer(None, fonts, document.title, broken), document)
    return min(CARRY_LINES, last_lines) if alone else 0


def registered_font_names() -> list[str]:
    return pdfmetrics.getRegisteredFontNames()
