"""Lines onto the GB/T 9704 grid, page after page, each page numbered."""

from __future__ import annotations

from itertools import pairwise

from reportlab.pdfgen.canvas import Canvas

from lianzheng_desktop.pdf.fonts import INVISIBLE, FontSet, LoadedFont
from lianzheng_desktop.pdf.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    BODY_CHAR_SPACE,
    BODY_SIZE,
    CELL,
    LEFT,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    TOP,
    break_lines,
    gives,
    split_byline,
    split_title,
    squeezed,
    stretches,
)

# (text, role, first-line width, spread) -> (widths, lines): line breaks made once, reused
# by the dry run that decides where the signature goes and by the real one
BreakCache = dict[tuple[str, str, float, float], tuple[list[float], list[str]]]



MAX_STRETCH = BODY_SIZE / 10  # a justified line widens each gap by a tenth of a character at most
# in a paragraph, an eighth: left ragged, a line reads as the paragraph's end, and a line
# short only for a date or number kept whole ("30日），") needs a little more. A quarter
# read letter by letter ("2026 年 第 四 季 度", revjiwei5 F9): a quoted term that would
# leave its line shorter than this covers breaks inside instead (``break_lines``).
PARAGRAPH_STRETCH = BODY_SIZE / 8


class Writer:
    """Lays lines onto grid rows; without a canvas it only counts rows (a dry run)."""

    def __init__(self, canvas: Canvas | None, fonts: FontSet, broken: BreakCache | None = None,
                 closer: dict[int, int] | None = None):
        self.c, self.fonts = canvas, fonts
        self._broken: BreakCache = broken if broken is not None else {}
        # page → lines more than the grid's 22 that page holds, set closer to keep the
        # signature with the text (GB/T 9704 7.3.5.5: 调整行距)
        self.closer = closer or {}
        self.page = 1
        self.row = 0  # the next free grid line on this page
        self.feet: list[int] = []  # lines left blank at the foot of each page before this
        self._default_font()

    # -- grid and pages ---------------------------------------------------------------
    @property
    def lines(self) -> int:
        """How many lines this page holds."""
        return LINES_PER_PAGE + self.closer.get(self.page, 0)

    def baseline(self, row: int, font: LoadedFont, size: float) -> float:
        """So that the glyph box's top (size + descent above the baseline) meets the row."""
        top = PAGE_HEIGHT - TOP - row * BLOCK_HEIGHT / self.lines
        return top - size - font.font.face.descent * size / 1000

    def new_page(self) -> None:
        if self.c is not None:
            self._page_number()
            self.c.showPage()
        self.feet.append(self.lines - self.row)
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
        """"— 1 —" in 4号 宋体, 7 mm below the block, one character in: odd right, even left."""
        text = f"— {self.page} —"
        font = self.fonts.primary("song")
        width = self.fonts.width(text, "song", PAGE_NUMBER_SIZE)
        inset = PAGE_NUMBER_SIZE
        x = (LEFT + BLOCK_WIDTH - inset - width) if self.page % 2 else (LEFT + inset)
        top = PAGE_HEIGHT - TOP - BLOCK_HEIGHT - PAGE_NUMBER_GAP
        baseline = top - PAGE_NUMBER_SIZE - font.font.face.descent * PAGE_NUMBER_SIZE / 1000
        self.draw(text, "song", PAGE_NUMBER_SIZE, x, baseline, 0.0)

    def ensure_rows(self, count: int) -> None:
        """A new page unless ``count`` rows fit on this one (a fresh page takes anything)."""
        if self.row > 0 and self.row + count > self.lines:
            self.new_page()

    def blank(self, rows: int = 1) -> None:
        self.row = min(self.row + rows, self.lines)

    # -- text -------------------------------------------------------------------------
    def draw(self, text: str, role: str, size: float, x: float, baseline: float,
             space: float, stretch: float = 0.0, adjust: list[float] | None = None) -> None:
        """Each glyph at its own position, so every reader agrees where it stands;
        ``stretch`` is added after each character but between two half-width letters or
        digits (see ``stretches``), ``adjust[n]`` after character n.

        (Character spacing via Tc is applied inconsistently by some readers when
        reportlab switches between a font's subsets mid-line.)
        """
        if self.c is None:
            return
        obj = self.c.beginText(x, baseline)
        current = None
        widths = iter(self.widths(text, role, size))
        n = 0
        for font, part in self.fonts.runs(text, role):
            if font is not current:
                obj.setFont(font.name, size)
                current = font
            for ch in part:
                while text[n] != ch and text[n] in INVISIBLE:  # runs leave these out
                    next(widths)
                    n += 1
                obj.setTextOrigin(x, baseline)
                obj.textOut(ch)
                x += next(widths) + space
                if n + 1 < len(text) and stretches(text[n], text[n + 1]):
                    x += stretch
                x += adjust[n] if adjust else 0.0
                n += 1
        self.c.drawText(obj)

    def widths(self, text: str, role: str, size: float = BODY_SIZE) -> list[float]:
        """Each character's advance, two brackets or quotes side by side squeezed."""
        return squeezed(text, self.fonts.widths(text, role, size), size)

    def width(self, text: str, role: str, size: float = BODY_SIZE) -> float:
        return sum(self.widths(text, role, size))

    def natural(self, text: str, role: str = "fangsong") -> float:
        """The width of ``text`` set on the grid's character pitch."""
        return self.width(text, role) + BODY_CHAR_SPACE * (len(text) - 1)

    def broken(self, text: str, role: str, first: float, rest: float = BLOCK_WIDTH,
               spread: float = PARAGRAPH_STRETCH) -> tuple[list[float], list[str]]:
        """``text`` broken into lines (``break_lines``) that ``line`` can justify widening
        each gap by ``spread`` at most."""
        key = (text, role, first, spread)
        if key not in self._broken:
            widths = self.widths(text, role)
            self._broken[key] = widths, break_lines(text, widths, first, rest,
                                                    BODY_CHAR_SPACE, overfull=2 * CELL,
                                                    spread=spread)
        return self._broken[key]

    def line(self, text: str, widths: list[float], role: str, x: float,
             justify_to: float | None = None, most: float = MAX_STRETCH,
             room: float | None = None) -> None:
        """One grid line at ``x``; ``justify_to``: stretch (or squeeze) to that width,
        widening each gap by ``most`` at most; ``room``: squeezed to that width if wider
        (a line a quoted term runs over, see ``break_lines``). A space ending the line
        (where it broke) is neither drawn nor counted."""
        self.ensure_rows(1)
        ink = len(text.rstrip())
        text, widths = text[:ink], widths[:ink]
        stretch = 0.0
        gaps = sum(stretches(a, b) for a, b in pairwise(text))
        natural = sum(widths) + BODY_CHAR_SPACE * (len(text) - 1)
        target = justify_to if justify_to is not None else room
        adjust = None
        if target is not None and natural > target + 1.0:  # (not the grid's own 0.2 pt)
            # set closer: first the marks' blank halves (标点挤压), then every gap
            closer = gives(text, widths, BODY_SIZE)
            each = min((natural - target) / len(closer), BODY_SIZE / 2) if closer else 0.0
            adjust = [0.0] * len(text)
            for gap in closer:
                adjust[gap] = -each
            natural -= each * len(closer)
            justify_to = target
        if justify_to is not None and gaps:
            stretch = (justify_to - natural) / gaps
            if stretch > most:  # a line cut short ("…截至2026年11月" before "30日）"):
                stretch = 0.0  # left as it is rather than spread to "整 改 事 项 台 账"
        font = self.fonts.primary(role)
        self.draw(text, role, BODY_SIZE, x, self.baseline(self.row, font, BODY_SIZE),
                  BODY_CHAR_SPACE, stretch, adjust)
        self.row += 1

    def paragraph_rows(self, text: str, role: str = "fangsong", indent: int = 2) -> int:
        """How many grid lines ``paragraph`` would take for ``text``."""
        return len(self.broken(text, role, BLOCK_WIDTH - indent * CELL)[1])

    def paragraph(self, text: str, role: str = "fangsong", indent: int = 2,
                  carry: int = 0) -> int:
        """A body paragraph on the grid: first line indented ``indent`` characters; its
        last ``carry`` lines start a new page. Returns the number of lines.

        Every line but the last is justified to the block's right edge (两端对齐), as a
        line holding half-width digits would otherwise stop short of it. A paragraph never
        leaves its first line alone at a page's foot, nor its last alone at the next
        page's top (孤行控制, as Word and WPS set a paper): the page ends a line early.
        """
        first = BLOCK_WIDTH - indent * CELL
        widths, lines = self.broken(text, role, first)
        position = 0
        for n, line in enumerate(lines):
            if self.row > 0 and self._page_ends_before(n, len(lines), carry):
                self.new_page()
            available = first if n == 0 else BLOCK_WIDTH
            line_widths = widths[position:position + len(line)]
            position += len(line)
            x = LEFT + (indent * CELL if n == 0 else 0)
            self.line(line, line_widths, role, x,
                      available if n < len(lines) - 1 else None, PARAGRAPH_STRETCH,
                      room=available)
        return len(lines)

    def first_rows(self, text: str, role: str = "fangsong") -> int:
        """Rows a paragraph needs at a page's foot to begin there (see ``paragraph``):
        all of one of three lines or fewer, else two."""
        count = self.paragraph_rows(text, role)
        return count if count <= 3 else 2

    def _page_ends_before(self, n: int, count: int, carry: int) -> bool:
        """Whether line ``n`` of a paragraph of ``count`` lines starts a new page."""
        if carry:
            return n == max(0, count - carry)
        free, left = self.lines - self.row, count - n
        if n == 0:  # of a paragraph that runs over, one line here, or two and one there
            return left > free and (free == 1 or (free == 2 and left == 3))
        return free == 1 and left == 2  # the last line would stand alone overleaf

    def hanging(self, prefix: str, prefix_x: float, text: str, text_x: float,
                role: str = "fangsong") -> None:
        """``prefix`` at ``prefix_x``, then ``text`` from ``text_x``, its further lines
        aligned under its first character (附件说明: "附件：1．名称")."""
        available = LEFT + BLOCK_WIDTH - text_x
        widths, lines = self.broken(text, role, available, available, MAX_STRETCH)
        position = 0
        for n, line in enumerate(lines):
            self.ensure_rows(1)
            if n == 0:
                font = self.fonts.primary(role)
                self.draw(prefix, role, BODY_SIZE, prefix_x,
                          self.baseline(self.row, font, BODY_SIZE), BODY_CHAR_SPACE)
            line_widths = widths[position:position + len(line)]
            position += len(line)
            self.line(line, line_widths, role, text_x,
                      available if n < len(lines) - 1 else None, room=available)

    def hanging_rows(self, text: str, text_x: float, role: str = "fangsong") -> int:
        available = LEFT + BLOCK_WIDTH - text_x
        return len(self.broken(text, role, available, available, MAX_STRETCH)[1])

    def centred(self, text: str, role: str, size: float) -> None:
        widths = self.widths(text, role, size)
        if role == "xiaobiaosong":
            lines = split_title(text, widths, BLOCK_WIDTH)
        elif "　" in text or "、" in text:  # who reports, under the title
            lines = split_byline(text, lambda line: self.width(line, role, size),
                                 BLOCK_WIDTH)
        else:
            lines = break_lines(text, widths, BLOCK_WIDTH, BLOCK_WIDTH, 0.0)
        for line in (line.strip() for line in lines):  # no blank where a line breaks
            self.ensure_rows(1)
            width = self.width(line, role, size)
            font = self.fonts.primary(role)
            self.draw(line, role, size, LEFT + (BLOCK_WIDTH - width) / 2,
                      self.baseline(self.row, font, size), 0.0)
            self.row += 1

    def at(self, text: str, x: float, role: str = "fangsong") -> None:
        """One line of ``text`` on the grid's pitch starting at ``x``."""
        self.line(text, self.widths(text, role), role, x)
