"""Appendix tables: columns sized to their content, rows of known height, drawn directly.

Each cell is broken into lines by the same breaker as the body (``layout.break_lines``
with short words kept whole), so a date, a number or a name is never split and no line
opens with "，" or "”". Column widths follow the classic automatic table layout: every
column gets at least its widest unbreakable piece, and the room left is shared in
proportion to how much more each column would need to hold its longest cell on one line.
Row heights then follow from the line counts — nothing is measured twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors

from lianzheng_desktop.core.report_model import Appendix
from lianzheng_desktop.pdf.fonts import FontSet
from lianzheng_desktop.pdf.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    LEFT,
    LINE_PITCH,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    TOP,
    break_lines,
    column_widths,
    units,
)
from lianzheng_desktop.pdf.writer import Writer

SIZE = 10.5  # 五号
LEADING = 14.0
PAD_X = 4.0
PAD_Y = 3.0
RULE = 0.5
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


def _cell_extent(text: str, fonts: FontSet, role: str) -> tuple[float, float]:
    """(widest unbreakable piece, whole text on one line)."""
    widest = 0.0
    total = 0.0
    for unit in units(text, short_words=True):
        w = fonts.width(unit, role, SIZE)
        widest = max(widest, w)
        total += w
    return widest, total


def lay_out(appendix: Appendix, fonts: FontSet) -> LaidTable:
    columns = len(appendix.columns)
    mins = [0.0] * columns
    maxs = [0.0] * columns
    for texts, role in [(appendix.columns, "hei")] + [(row, "song") for row in appendix.rows]:
        for k, text in enumerate(texts):
            lo, hi = _cell_extent(text, fonts, role)
            mins[k] = max(mins[k], lo)
            maxs[k] = max(maxs[k], hi)
    body_max = [0.0] * columns
    for row in appendix.rows:
        for k, text in enumerate(row):
            body_max[k] = max(body_max[k], fonts.width(text, "song", SIZE))
    pad = 2 * PAD_X
    widths = column_widths([m + pad for m in mins], [m + pad for m in maxs],
                           keep_whole=8 * SIZE + pad)
    centred = [bool(appendix.rows) and body_max[k] <= min(CENTRE_UP_TO, widths[k] - pad)
               for k in range(columns)]

    def row(texts: list[str], role: str, header: bool = False) -> Row:
        cells = []
        for text, width in zip(texts, widths, strict=True):
            char_widths = fonts.widths(text, role, SIZE)
            room = width - pad
            cells.append(break_lines(text, char_widths, room, room, 0.0, short_words=True)
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


def draw_table(writer: Writer, table: LaidTable) -> None:
    """Draw ``table`` from the writer's current row, the header repeated on every page and
    no row split across pages; the writer continues on the grid line below it."""
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
    for row in rows:
        if page.y - row.height < bottom - 0.01:
            page.close()
            writer.new_page()
            page = _PageDraw(writer, table, PAGE_HEIGHT - TOP)
            page.add(table.header)
        page.add(row, span=span)
    used = page.close()
    writer.row = min(LINES_PER_PAGE, writer.row + int(-(-used // LINE_PITCH)))
