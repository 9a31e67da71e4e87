"""The printed page's geometry (GB/T 9704-2012: A4, 28 mm left, 37 mm top, a 156 × 225 mm
type area of 22 lines of 28 characters) and its text lines, read from the PDF."""

import pdfplumber

MM = 72 / 25.4
LEFT, TOP, WIDTH, HEIGHT = 28 * MM, 37 * MM, 156 * MM, 225 * MM
CELL = WIDTH / 28
PITCH = HEIGHT / 22


def lines_of(page):
    """Text lines inside the type area (the page number below it left out), top to
    bottom, each line's characters left to right."""
    rows = {}
    for char in page.chars:
        if char["top"] < TOP + HEIGHT + 2 * MM:
            rows.setdefault(round(char["top"], 1), []).append(char)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(rows.items())]


def text(line):
    return "".join(c["text"] for c in line)


def pages_of(path):
    """Each page's lines (``lines_of``)."""
    with pdfplumber.open(path) as pdf:
        return [lines_of(page) for page in pdf.pages]


def all_lines(path):
    """(page index, line) for every line of every page."""
    return [(n, line) for n, lines in enumerate(pages_of(path)) for line in lines]
