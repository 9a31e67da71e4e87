"""GB/T 9704-2012 page geometry and a grid line-breaker for Chinese text.

The text block is 156 × 225 mm at 28 mm from the left and 37 mm from the top; 3号 (16 pt)
body text sits on a 22-line × 28-character grid, so characters are set at a pitch of
156/28 mm (slightly tighter than 16 pt) and lines at 225/22 mm.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 28 * mm
TOP = 37 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
PAGE_NUMBER_GAP = 7 * mm  # between the block's bottom and the page number
CELL = BLOCK_WIDTH / CHARS_PER_LINE  # one character's place on the grid
# Spacing added after each character so 28 of them span the block exactly.
BODY_CHAR_SPACE = (BLOCK_WIDTH - CHARS_PER_LINE * BODY_SIZE) / (CHARS_PER_LINE - 1)

NO_LINE_START = set("，。、；：？！）》」』”’…—·%％,.;:?!)]}")
NO_LINE_END = set("（《「『“‘([{")


def break_lines(text: str, widths: list[float], first: float, rest: float,
                space: float) -> list[str]:
    """Greedy breaking of ``text`` into lines no wider than ``first`` then ``rest``.

    ``widths[i]`` is the advance of ``text[i]`` before character spacing ``space``.
    Closing punctuation never opens a line and opening punctuation never ends one
    (the character before moves down with it instead).
    """
    lines: list[str] = []
    start, used, limit = 0, 0.0, first
    i = 0
    while i < len(text):
        advance = widths[i] + (space if i > start else 0)
        if used + advance > limit + 0.01 and i > start:
            cut = i
            while cut > start + 1 and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
                cut -= 1
            if cut == start + 1 and text[cut] in NO_LINE_START:
                cut = i  # a line of one character: let the punctuation stand
            lines.append(text[start:cut])
            start, used, limit = cut, 0.0, rest
            i = cut
            continue
        used += advance
        i += 1
    if start < len(text):
        lines.append(text[start:])
    return lines


def split_title(text: str, widths: list[float], limit: float) -> list[str]:
    """A long title in two balanced lines, broken after a natural word end if possible."""
    if sum(widths) <= limit:
        return [text]
    middle = len(text) // 2
    natural = ("党支部", "总工会", "年度", "季度", "年", "党委", "党组")
    best, best_distance = middle, len(text)
    for word in natural:
        at = text.find(word)
        while at >= 0:
            cut = at + len(word)
            distance = abs(cut - middle)
            if 0 < cut < len(text) and distance < best_distance and \
                    sum(widths[:cut]) <= limit and sum(widths[cut:]) <= limit:
                best, best_distance = cut, distance
            at = text.find(word, at + 1)
    if sum(widths[:best]) > limit or sum(widths[best:]) > limit:
        return break_lines(text, widths, limit, limit, 0.0)
    return [text[:best], text[best:]]
