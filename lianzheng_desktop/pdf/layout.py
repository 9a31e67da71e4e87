"""GB/T 9704-2012 page geometry, table column widths and balanced titles.

The text block is 156 × 225 mm at 28 mm from the left and 37 mm from the top; 3号 (16 pt)
body text sits on a 22-line × 28-character grid, so characters are set at a pitch of
156/28 mm (slightly tighter than 16 pt) and lines at 225/22 mm. Where lines break (and the
names below re-exported for the modules that know them from here): ``breaking``.

No reportlab here: plain arithmetic, shared by the PDF, the Word copy and tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import combinations

from lianzheng_desktop.pdf.breaking import (  # noqa: F401  (re-exported)
    CLOSING_MARKS,
    NO_LINE_END,
    NO_LINE_START,
    OPENING_MARKS,
    PUNCTUATION,
    QUOTED_TERM,
    SHORT_WORD,
    break_lines,
    fits,
    gives,
    spread_needed,
    squeezed,
    stretches,
    units,
)

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT = 28 * MM
TOP = 37 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
PAGE_NUMBER_GAP = 7 * MM  # between the block's bottom and the page number
CELL = BLOCK_WIDTH / CHARS_PER_LINE  # one character's place on the grid
# Spacing added after each character so 28 of them span the block exactly (negative:
# 28 × 16 pt is a little wider than 156 mm).
BODY_CHAR_SPACE = (BLOCK_WIDTH - CHARS_PER_LINE * BODY_SIZE) / (CHARS_PER_LINE - 1)


def column_widths(mins: Sequence[float], maxs: Sequence[float], room: float = BLOCK_WIDTH,
                  keep_whole: float = 0.0, hard: Sequence[float] | None = None) -> list[float]:
    """Automatic table layout: at least each column's minimum, the rest shared by need.

    Columns of short entries (dates, names, states: up to ``keep_whole`` wide) keep them on one
    line whenever the other columns can still hold their unbreakable pieces. When even the
    pieces do not fit, a column goes below its minimum only down to ``hard`` (its widest
    short piece — a date, a number, a name — which is never cut; a long one may be).
    """
    if sum(maxs) <= room:
        return [w * room / sum(maxs) for w in maxs]
    short = [hi <= keep_whole for hi in maxs]
    floors = [[hi if s else lo for lo, hi, s in zip(mins, maxs, short, strict=True)],
              list(mins), list(hard if hard is not None else mins)]
    floor = next((f for f in floors if sum(f) < room), None)
    if floor is None:
        return [w * room / sum(floors[-1]) for w in floors[-1]]
    need = [hi - lo for lo, hi in zip(floor, maxs, strict=True)]
    spare = room - sum(floor)
    if sum(need) <= 0:
        return [lo + spare / len(floor) for lo in floor]
    return [lo + spare * n / sum(need) for lo, n in zip(floor, need, strict=True)]


def approx_ems(text: str) -> float:
    """Width in ems without a font: full-width characters 1, the rest ½ (for Word)."""
    return sum(0.5 if ord(ch) < 0x2E80 or "\uff61" <= ch <= "\uffdc" else 1.0 for ch in text)


# Titles break between words: never inside these, and preferably after a unit's name or
# the period, or before the subject.
_TITLE_WORDS = re.compile(
    r"\d+年第[一二三四]季度|\d+年度|\d+年|[一二三四]季度|党风廉政建设|全面从严治党|述廉述责|"
    r"述责述廉|报告|情况|责任清单|落实|台账|警示教育|谈话记录|整改事项|会议活动|"
    r"（[^（）]*）|[0-9A-Za-z]+")
_BREAK_AFTER = ("党支部", "总工会", "党委", "党组", "季度", "年度", "报告", "）")
_BREAK_BEFORE = ("党风廉政建设", "述廉述责", "述责述廉", "责任清单", "警示教育", "谈话记录",
                 "整改事项", "会议活动")


def _title_cuts(text: str) -> tuple[set[int], set[int]]:
    """(positions a title may break at, the preferred ones)."""
    inside: set[int] = set()
    for match in _TITLE_WORDS.finditer(text):
        inside.update(range(match.start() + 1, match.end()))
    allowed = {cut for cut in range(1, len(text)) if cut not in inside
               and text[cut] not in NO_LINE_START and text[cut - 1] not in NO_LINE_END}
    preferred = set()
    for word in _BREAK_AFTER:
        preferred |= {m.end() for m in re.finditer(re.escape(word), text)}
    for word in _BREAK_BEFORE:
        preferred |= {m.start() for m in re.finditer(re.escape(word), text)}
    return allowed, preferred & allowed


def split_title(text: str, widths: Sequence[float], limit: float) -> list[str]:
    """A title too long for one line, in balanced lines broken between words.

    GB/T 9704 7.3.1: a title that runs over keeps its words whole and its lines of
    similar length. A break after the unit's name or the period, or before the subject,
    is preferred to any other that also fits.
    """
    if sum(widths) <= limit:
        return [text]
    allowed, preferred = _title_cuts(text)
    total = sum(widths)
    best: tuple[float, int] | None = None
    for cut in sorted(allowed):
        head = sum(widths[:cut])
        if head > limit or total - head > limit:
            continue
        score = abs(total - 2 * head) + (0 if cut in preferred else total)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is not None:
        return [text[:best[1]], text[best[1]:]]
    # Three lines or more: break greedily, but only where a word allows.
    lines, start, used = [], 0, 0.0
    for i, w in enumerate(widths):
        if used + w > limit and i > start:
            cut = max((c for c in allowed if start < c <= i), default=i)
            lines.append(text[start:cut])
            used = sum(widths[cut:i])
            start = cut
        used += w
    lines.append(text[start:])
    return lines


def split_byline(text: str, measure: Callable[[str], float], limit: float) -> list[str]:
    """Who signs ("县总工会机关党支部书记、县总工会党组书记、常务副主席　王建国") in as few lines
    no wider than ``limit`` as will do: broken at a full-width space between its parts or
    after a 、 between posts, never inside a post or a name, so the name keeps at least its
    last post beside it when a 、 allows; of the same number of lines, the most even.
    ``measure`` gives a line's width."""
    if measure(text) <= limit:
        return [text]
    cuts = [(i, i + 1) for i, ch in enumerate(text) if ch == "　"] + \
        [(i + 1, i + 1) for i, ch in enumerate(text[:-1]) if ch == "、"]
    cuts.sort()
    for count in range(1, min(len(cuts), 3) + 1):
        best: tuple[float, list[str]] | None = None
        for chosen in combinations(cuts, count):
            starts = [0] + [after for _end, after in chosen]
            ends = [end for end, _after in chosen] + [len(text)]
            lines = [text[a:b] for a, b in zip(starts, ends, strict=True)]
            widths = [measure(line) for line in lines]
            if not all(lines) or max(widths) > limit:
                continue
            # between parts rather than posts; a lone name only when nothing else fits
            score = max(widths) + sum(0.0 if text[end] == "　" else measure("一")
                                      for end, _after in chosen)
            score += 4 * measure("一") if len(lines[-1]) <= 4 and "、" in text else 0.0
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    widths = [measure(ch) for ch in text]
    return break_lines(text, widths, limit, limit, 0.0, short_words=True)
