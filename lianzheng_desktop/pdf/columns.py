"""Table columns sized from their content, for the report's annexes and the 打印台账 PDF.

The classic automatic table layout: every column gets at least its widest unbreakable
piece, and the room left is shared in proportion to how much more each column would need
to hold its longest cell on one line. Then width moves between the columns that still
wrap while that saves lines (``even_out``): a column of requirements no longer wraps to
three lines beside a column of results with room to spare.
"""

from __future__ import annotations

from lianzheng_desktop.pdf.fonts import FontSet
from lianzheng_desktop.pdf.layout import break_lines, column_widths, units

REFERENCE_SIZE = 10.5
KEEP_TOKEN = 12 * REFERENCE_SIZE  # a piece up to this wide is never cut, however crowded
SAMPLE_ROWS = 200  # even_out looks at this many rows of a long table, spread over it


def _in_lines(widths: list[float], count: int) -> float:
    """The narrowest width that holds these units in ``count`` lines (a header may take
    two or three)."""
    def lines_at(room: float) -> int:
        lines, used = 1, 0.0
        for w in widths:
            if used and used + w > room + 0.01:
                lines, used = lines + 1, 0.0
            used += w
        return lines

    low, high = max(widths, default=0.0), sum(widths)
    for _ in range(20):
        middle = (low + high) / 2
        low, high = (middle, high) if lines_at(middle) > count else (low, middle)
    return high


def size_columns(header: list[str], rows: list[list[str]], fonts: FontSet, size: float,
                 pad: float, room: float) -> list[float]:
    """Column widths from the cells' content at ``size`` (headers in 黑体, cells in 宋体).

    Every column is at least as wide as its widest short piece (a date with its （补录）, a
    number, a name, 已完成), so none of these ever breaks; a column of short entries keeps
    them on one line; a header may take two lines, or three, rather than widen a column
    of 是 and 否 and make a row of cells take two.
    """
    count = len(header)
    mins, hard, body, one = ([0.0] * count for _ in range(4))
    fewer: list[list[float]] = [[0.0] * count, [0.0] * count]  # a header in two, three lines
    keep_token = KEEP_TOKEN * size / REFERENCE_SIZE
    for texts, role in [(header, "hei")] + [(row, "song") for row in rows]:
        for k, text in enumerate(texts):
            pieces = [fonts.width(u, role, size) for u in units(text, short_words=True)]
            mins[k] = max([mins[k], *pieces])
            hard[k] = max([hard[k], *(w for w in pieces if w <= keep_token)])
            if role == "hei":
                one[k] = sum(pieces)
                fewer[0][k], fewer[1][k] = _in_lines(pieces, 2), _in_lines(pieces, 3)
            else:
                body[k] = max(body[k], sum(pieces))
    full = [max(b, h) + pad for b, h in zip(body, one, strict=True)]
    if sum(full) <= room:
        return column_widths(full, full, room)
    for header_widths in fewer:
        least = [max(b, h, m) + pad for b, h, m in zip(body, header_widths, mins, strict=True)]
        if sum(least) <= room:  # the headers get back what is left, as far as it goes
            gain = [f - lo for f, lo in zip(full, least, strict=True)]
            spare = room - sum(least)
            return [lo + spare * g / sum(gain) for lo, g in zip(least, gain, strict=True)]
    least = [max(b, h, m) + pad for b, h, m in zip(body, fewer[0], mins, strict=True)]
    return column_widths([m + pad for m in mins], least, room, keep_whole=8 * size + pad,
                         hard=[h + pad for h in hard])


def cell_lines(text: str, widths: list[float], room: float,
               balanced: bool = False) -> list[str]:
    """``text`` broken to fit ``room``; ``balanced``: its lines as even as the same number of
    lines allows (a header: "一对一问 / 题性约谈", not "一对一问题性 / 约谈"). A space where a line
    breaks is left out: it would set the next line in by half a place (revjiwei5 F14)."""
    if sum(widths) <= room + 0.01:
        return [text]
    lines = [line.rstrip() for line in break_lines(text, widths, room, room, 0.0,
                                                    short_words=True)]
    if not balanced or len(lines) < 2:
        return lines
    low, high = max(widths), room  # the narrowest room that still takes as few lines
    for _ in range(12):
        middle = (low + high) / 2
        if len(break_lines(text, widths, middle, middle, 0.0, short_words=True)) > len(lines):
            low = middle
        else:
            high = middle
    return [line.rstrip() for line in break_lines(text, widths, high, high, 0.0,
                                                   short_words=True)]


def even_out(widths: list[float], header: list[str], rows: list[list[str]], fonts: FontSet,
             size: float, pad: float) -> list[float]:
    """``widths`` with room moved, a character's width or a few at a time, from one
    wrapping column to another while the rows then take fewer lines in all; no column
    goes below its widest piece."""
    if not rows:
        return widths
    sample = rows[::max(1, len(rows) // SAMPLE_ROWS)]
    count = len(widths)
    columns = [[row[k] for row in sample] for k in range(count)]
    advances = [[fonts.widths(text, "song", size) for text in column] for column in columns]
    floor = [max([fonts.width(u, role, size) for text, role in
                  [(header[k], "hei")] + [(t, "song") for t in columns[k]]
                  for u in units(text, short_words=True)] or [0.0]) + pad
             for k in range(count)]

    known: dict[tuple[int, float], list[int]] = {}

    def lines(k: int, width: float) -> list[int]:
        key = (k, round(width, 3))
        if key not in known:
            room = width - pad
            known[key] = [len(break_lines(text, adv, room, room, 0.0, short_words=True))
                          if text else 1 for text, adv in zip(columns[k], advances[k],
                                                               strict=True)]
        return known[key]

    counts = [lines(k, w) for k, w in enumerate(widths)]
    widths = list(widths)

    def total(changed: dict[int, list[int]]) -> int:
        return sum(max(changed.get(k, counts[k])[n] for k in range(count))
                   for n in range(len(sample)))

    best = total({})
    for _round in range(40):
        wrapping = [k for k in range(count) if max(counts[k]) > 1]
        move = None
        for a in wrapping:
            for b in wrapping:
                for step in (size, 2 * size, 4 * size):
                    if a == b or widths[a] - step < floor[a] - 0.01:
                        continue
                    trial = {a: lines(a, widths[a] - step), b: lines(b, widths[b] + step)}
                    lines_now = total(trial)
                    if lines_now < best:
                        best, move = lines_now, (a, b, step, trial)
        if move is None:
            break
        a, b, step, trial = move
        widths[a] -= step
        widths[b] += step
        counts[a], counts[b] = trial[a], trial[b]
    return widths
