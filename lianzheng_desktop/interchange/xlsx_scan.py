"""What a workbook's XML parts hold, counted before openpyxl parses any of them.

openpyxl's streaming reader still keeps one (emptied) element for each row of a sheet, for
each shared string and for each other top-level entry (columns, merged ranges, …), and it
reads the styles and the workbook's own parts whole. Within the unpacked-size limit, a file
of nothing but empty rows or cells could still take gigabytes that way. So the tags of every
part are counted first (a regular expression over the unpacked bytes, a megabyte at a time;
about 0.3 s for 50,000 records) and a workbook over the limits is refused with a sentence.
The same pass says whether any sheet holds a formula, and collects each sheet's merged
ranges (openpyxl's streaming reader does not give them: a merged cell reads as blank in
all but its first row).
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

from lianzheng_desktop.core.errors import UserError

MB = 1024 * 1024
MAX_ROWS = 250_000  # rows in all sheets (a 20-year ledger exports about 100,000)
MAX_CELLS = 3_000_000  # filled cells in all sheets
MAX_ROW_CELLS = 16_384  # cells in one row: Excel's own number of columns
MAX_STRINGS = 1_000_000  # entries of the shared-string table
MAX_OTHER = 200_000  # any other entries of the sheets (columns, merged ranges, links, …)
MAX_PART_BYTES = 20 * MB  # styles, the workbook's own parts, relations: each read whole
MAX_STRINGS_BYTES = 200 * MB
MAX_TEXT_BYTES = 2 * MB  # one piece of text between two tags (a cell holds 100,000 字 at most)
# Parts are read a megabyte at a time, and at most half MAX_TEXT_BYTES: a longer piece of
# text then always reaches from one read into the next, where it is counted.
# The start of a tag, by its local name (no "</", "<?" or "<!").
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([A-Z]+[0-9]+):([A-Z]+[0-9]+)")
_LETTERS = re.compile(rb"[A-Z]+")


def _cell(ref: bytes) -> tuple[int, int]:
    """(column from 0, row from 1) of a cell reference such as b"AB12"."""
    letters = _LETTERS.match(ref).group()  # type: ignore[union-attr]
    column = 0
    for letter in letters:
        column = column * 26 + letter - 64
    return column - 1, int(ref[len(letters):])
# Elements inside a cell or a shared string: emptied with their parent, not kept.
_INSIDE = {b"v", b"f", b"is", b"t", b"r", b"rPr", b"rFont", b"b", b"i", b"u", b"strike",
           b"sz", b"color", b"family", b"charset", b"scheme", b"vertAlign", b"outline",
           b"shadow", b"condense", b"extend", b"rPh", b"phoneticPr"}
# A sheet's own frame: one each.
_FRAME = {b"worksheet", b"sheetData", b"sheetPr", b"dimension", b"sheetViews", b"sheetView",
          b"pane", b"selection", b"sheetFormatPr", b"cols", b"pageMargins", b"pageSetup",
          b"outlinePr", b"pageSetUpPr", b"printOptions", b"headerFooter", b"mergeCells",
          b"extLst", b"ext"}


def scan(path: Path, parts: list[zipfile.ZipInfo],
         merges: dict[str, dict[int, list[tuple[int, int]]]] | None = None) -> bool:
    """Refuse a workbook whose parts hold more than the limits; True if it has formulas.
    ``merges`` receives each sheet part's ranges merged down several rows: first row →
    [(column counted from 0, last row)]."""
    sheets: Counter[bytes] = Counter()
    with zipfile.ZipFile(path) as archive:
        for part in parts:
            name = part.filename
            if not name.endswith((".xml", ".rels")) or name.endswith("/"):
                continue  # pictures and other files: openpyxl does not read them here
            if name.startswith("xl/worksheets/"):
                widest = _Widest(path)
                found = merges.setdefault(name, {}) if merges is not None else None
                _count(archive, part, sheets, lambda counts: _check_sheets(path, counts),
                       widest, found)
            elif name == "xl/sharedStrings.xml":
                _check_strings(path, archive, part)
            elif part.file_size > MAX_PART_BYTES:
                raise UserError(f"“{path.name}”中的“{name}”部分有 {part.file_size / MB:,.0f} MB，"
                                f"超过上限 {MAX_PART_BYTES // MB} MB，不像是台账工作簿，"
                                "未导入任何记录。")
    return sheets[b"f"] > 0


def _count(archive: zipfile.ZipFile, part: zipfile.ZipInfo, counts: Counter[bytes],
           check, widest: _Widest | None = None,
           merges: dict[int, list[tuple[int, int]]] | None = None) -> None:
    """Add the part's tags to ``counts``, calling ``check`` after each megabyte (so a
    bomb is refused as soon as it passes a limit, not after all of it is read)."""
    with archive.open(part) as member:
        carry = b""
        run = 0  # bytes without a tag just before this read
        while True:
            chunk = member.read(min(MB, max(1024, MAX_TEXT_BYTES // 2)))
            data = carry + chunk
            # Cut before a "<" near the end, so no tag is split between two reads.
            cut = data.rfind(b"<", max(0, len(data) - 64)) if chunk else -1
            cut = len(data) if cut == -1 else cut
            first, last = data.find(b"<", 0, cut), data.rfind(b"<", 0, cut)
            if run + (cut if first == -1 else first) > MAX_TEXT_BYTES:
                raise UserError(f"“{Path(archive.filename or '').name}”中有一段文字超过 "
                                f"{MAX_TEXT_BYTES // MB} MB，不像是台账工作簿，未导入任何记录。")
            run = run + cut if first == -1 else cut - last - 1
            tags = _TAG.findall(data, 0, cut)
            merged = counts[b"mergeCell"]
            counts.update(tags)
            if merges is not None and counts[b"mergeCell"] > merged:
                for first, last in _MERGE.findall(data, 0, cut):
                    (column, row), (_, last_row) = _cell(first), _cell(last)
                    if last_row > row:  # a merge down several rows: what a row may lack
                        merges.setdefault(row, []).append((column, last_row))
            check(counts)
            if widest is not None:
                widest.follow(tags)
            carry = data[cut:]
            if not chunk:
                return


class _Widest:
    """Refuses a row of more cells than Excel has columns (openpyxl builds a row whole)."""

    def __init__(self, path: Path):
        self.path = path
        self.cells = 0  # in the row being read

    def follow(self, tags: list[bytes]) -> None:
        cells = self.cells
        for tag in tags:
            if tag == b"c":
                cells += 1
            elif tag == b"row":
                self._check(cells)  # the row before
                cells = 0
        self._check(cells)  # the row still being read
        self.cells = cells

    def _check(self, cells: int) -> None:
        if cells > MAX_ROW_CELLS:
            raise UserError(f"“{self.path.name}”的工作表中有一行超过 {MAX_ROW_CELLS:,} 个单元格"
                            "（Excel 最多 16,384 列），不像是台账工作簿，未导入任何记录。")


def _check_sheets(path: Path, counts: Counter[bytes]) -> None:
    rows, cells = counts[b"row"], counts[b"c"]
    other = sum(n for tag, n in counts.items()
                if tag not in _INSIDE and tag not in _FRAME and tag not in (b"row", b"c"))
    if rows > MAX_ROWS:
        raise UserError(f"“{path.name}”的工作表共有 {rows:,} 行，超过一次导入的上限 "
                        f"{MAX_ROWS:,} 行（空行也计算在内）。如表格末尾有大量空行，请在 Excel "
                        "中删去；否则请分成几个工作簿导入。")
    if cells > MAX_CELLS or other > MAX_OTHER:
        raise UserError(f"“{path.name}”的工作表中有 {cells:,} 个单元格、{other:,} 项其他内容，"
                        f"超过上限（{MAX_CELLS:,} 个单元格、{MAX_OTHER:,} 项），不像是台账工作簿，"
                        "未导入任何记录。")


def _check_strings(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    def check(counts: Counter[bytes]) -> None:
        if part.file_size > MAX_STRINGS_BYTES or counts[b"si"] > MAX_STRINGS:
            raise UserError(f"“{path.name}”中的文字表过大（{part.file_size / MB:,.0f} MB），"
                            "超过上限，不像是台账工作簿，未导入任何记录。")

    check(Counter())
    _count(archive, part, Counter(), check)
