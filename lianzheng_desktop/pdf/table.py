"""Appendix tables: columns sized to their content, rows of known height, drawn directly.

Each cell is broken into lines by the same breaker as the body (``layout.break_lines``
with short words kept whole), so a date, a number or a name is never split and no line
opens with "，" or "”". Column widths come from the content (``columns``). Row heights
then follow from the line counts — nothing is measured twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors

from lianzheng_desktop.core.report_model import Appendix
from lianzheng_desktop.pdf.columns import cell_lines, even_out, size_columns
from lianzheng_desktop.pdf.fonts import FontSet
from lianzheng_desktop.pdf.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    LEFT,
    LINE_PITCH,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    TOP,
)
from lianzheng_desktop.pdf.writer import Writer

SIZE = 10.5  # 五号
LEADING = 14.0
PAD_X = 4.0
PAD_Y = 3.0
RULE = 0.5
GAP = LINE_PITCH / 3  # at least this between a table and the text below it
HEADER_FILL = colors.HexColor("#f0f0f0")
CENTRE_UP_TO = 6 * SIZE  # columns whose every cell is this short are centred


@dataclass
class Row:
    cells: list[list[str]]  # each cell's lines
    height: float
    header: bool = False


@dataclass
class LaidTable:
    widths: list[float]
    centred: list[bool]
    header: Row
    rows: list[Row]
    empty: bool = False  # one row saying there are none, across the whole width


def lay_out(appendix: Appendix, fonts: FontSet) -> LaidTable:
    columns = len(appendix.columns)
    body_max = [0.0] * columns
    for row in appendix.rows:
        for k, text in enumerate(row):
            body_max[k] = max(body_max[k], fonts.width(text, "song", SIZE))
    pad = 2 * PAD_X
    widths = size_columns(appendix.columns, appendix.rows, fonts, SIZE, pad, BLOCK_WIDTH)
    widths = even_out(widths, appendix.columns, appendix.rows, fonts, SIZE, pad)
    centred = [bool(appendix.rows) and body_max[k] <= min(CENTRE_UP_TO, widths[k] - pad)
               for k in range(columns)]

    def row(texts: list[str], role: str, header: bool = False) -> Row:
        cells = []
        for text, width in zip(texts, widths, strict=True):
            char_widths = fonts.widths(text, role, SIZE)
            cells.append(cell_lines(text, char_widths, width - pad, balanced=header)
                         if text else [])
        lines = max((len(c) for c in cells), default=1) or 1
        return Row(cells, lines * LEADING + 2 * PAD_Y, header)

    rows = [row(r, "song") for r in appendix.rows]
    header = row(appendix.columns, "hei", header=True)
    if not rows:
        none = Row([[appendix.empty]] + [[] for _ in range(columns - 1)], LEADING + 2 * PAD_Y)
        return LaidTable(widths, centred, header, [none], empty=True)
    return LaidTable(widths, centred, header, rows)


class _PageDraw:
    """The grid lines, fills and text of one page's part of a table."""

    def __init__(self, writer: Writer, table: LaidTable, top: float):
        self.w, self.t, self.top, self.y = writer, table, top, top
        self.edges = [LEFT]
        for width in table.widths:
            self.edges.append(self.edges[-1] + width)
        self.text = writer.c.beginText() if writer.c is not None else None
        self.font = None
        self.rules: list[tuple[float, float, float, float]] = [
            (LEFT, top, LEFT + BLOCK_WIDTH, top)]

    def add(self, row: Row, span: bool = False) -> None:
        bottom = self.y - row.height
        c = self.w.c
        if c is not None:
            if row.header:
                c.setFillColor(HEADER_FILL)
                c.rect(LEFT, bottom, BLOCK_WIDTH, row.height, stroke=0, fill=1)
                c.setFillColor(colors.black)
            for k, lines in enumerate(row.cells):
                role = "hei" if row.header else "song"
                centre = row.header or self.t.centred[k]
                right = self.edges[-1] if span and k == 0 else self.edges[k + 1]
                self._cell(lines, role, self.edges[k], right, centre, row.height)
        edges = self.edges[:1] + self.edges[-1:] if span else self.edges
        self.rules += [(x, self.y, x, bottom) for x in edges]
        self.rules.append((LEFT, bottom, LEFT + BLOCK_WIDTH, bottom))
        self.y = bottom

    def _cell(self, lines: list[str], role: str, left: float, right: float, centre: bool,
              height: float) -> None:
        fonts, text = self.w.fonts, self.text
        offset = (height - len(lines) * LEADING) / 2
        descent = fonts.primary(role).font.face.descent * SIZE / 1000
        for n, line in enumerate(lines):
            line_top = self.y - offset - n * LEADING
            baseline = line_top - (LEADING - SIZE) / 2 - SIZE - descent
            x = left + PAD_X
            if centre:
                x = (left + right - fonts.width(line, role, SIZE)) / 2
            text.setTextOrigin(x, baseline)
            for font, part in fonts.runs(line, role):
                if font is not self.font:
                    text.setFont(font.name, SIZE)
                    self.font = font
                text.textOut(part)

    def close(self) -> float:
        c = self.w.c
        if c is not None:
            c.drawText(self.text)
            c.setLineWidth(RULE)
            c.lines(self.rules)
        return self.top - self.y


def _split_tall(row: Row, room: float) -> list[Row]:
    """A row taller than a page, as several rows that each fit (a rare, very long cell)."""
    per_page = max(1, int((room - 2 * PAD_Y) // LEADING))
    count = max(len(c) for c in row.cells)
    return [Row([c[i:i + per_page] for c in row.cells],
                min(per_page, count - i) * LEADING + 2 * PAD_Y)
            for i in range(0, count, per_page)]


def draw_table(writer: Writer, table: LaidTable, keep_after: float = 0.0) -> None:
    """Draw ``table`` from the writer's current row, the header repeated on every page and
    no row split across pages; the writer continues on the first grid line at least
    GAP below it. ``keep_after``: the height of what follows (a note under the table),
    which the last row goes over to a new page with rather than leave it alone there."""
    bottom = PAGE_HEIGHT - TOP - BLOCK_HEIGHT
    page_room = BLOCK_HEIGHT - table.header.height
    rows: list[Row] = []
    for row in table.rows:
        rows += _split_tall(row, page_room) if row.height > page_room else [row]
    span = table.empty
    top = PAGE_HEIGHT - TOP - writer.row * LINE_PITCH
    if top - bottom < table.header.height + rows[0].height:
        writer.new_page()
        top = PAGE_HEIGHT - TOP
    page = _PageDraw(writer, table, top)
    page.add(table.header)
    placed = 0  # rows on this page
    for n, row in enumerate(rows):
        after = GAP + keep_after if n == len(rows) - 1 and placed > 1 else 0.0
        if page.y - row.height - after < bottom - 0.01:
            page.close()
            writer.new_page()
            page = _PageDraw(writer, table, PAGE_HEIGHT - TOP)
            page.add(table.header)
            placed = 0
        page.add(row, span=span)
        placed += 1
    used = page.close()
    writer.row = min(LINES_PER_PAGE, writer.row + int(-(-(used + GAP) // LINE_PITCH)))
