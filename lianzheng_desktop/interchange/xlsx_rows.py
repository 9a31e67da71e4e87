"""One sheet's rows as raw values by field, read as offices lay out a 台账: the header
found below a title or blank rows, under the app's labels or the office's own words
(``SYNONYMS``), a merged cell's value given to every row it covers, the header repeated
lower down (one sheet holding several years) skipped with the title above it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from openpyxl.utils import get_column_letter

from lianzheng_desktop.core.ledgers import LEDGERS, FieldSpec, LedgerSpec
from lianzheng_desktop.interchange.xlsx_cells import from_cell
from lianzheng_desktop.interchange.xlsx_common import (
    SHEET_ORDER,
    SYNONYMS,
    ImportProblem,
    label_of,
    ledger_of_sheet,
)
from lianzheng_desktop.interchange.xlsx_read import RowCounter

HEADER_ROWS = 10  # the header is looked for in this many rows (a title, blank rows above)
FORMATTED = {"number"}  # text fields whose number keeps the form its cell shows (编号)


def read_rows(book: Any, formula_book: Any | None, spec: LedgerSpec, title: str,
              counter: RowCounter, problems: list[ImportProblem], notes: list[str],
              merges: dict[str, dict[int, list[tuple[int, int]]]] | None = None,
              year: int = 2026) -> Iterator[tuple[int, dict[str, object]]]:
    """(row number, raw values by field key) for each non-blank row of one sheet. The header
    is the first of the top rows naming the most columns; rows above it (a title) are
    skipped, and so are the header repeated lower down and a title just above it (one
    sheet holding several years). A cell inside a merged range reads as the range's value."""
    sheet = book[title]
    # Cells with their number formats only where a number's shown form is kept (编号
    # 1.10, 001); elsewhere plain values, read faster.
    formatted = any(f.key in FORMATTED for f in spec.fields)
    lines = _lines(book, title, cells=formatted)
    formula_lines = _lines(formula_book, title) if formula_book is not None else None
    top_cells: list[tuple] = []
    for line in lines:
        counter.tick()
        top_cells.append(line)
        if len(top_cells) == HEADER_ROWS:
            break
    top = [tuple([cell.value for cell in line]) if formatted else line for line in top_cells]
    at = _header_row(spec, top)
    where = spec.label if title.strip() == spec.label else f"{spec.label}（{title.strip()}）"
    head = top[at - 1] if top else ()
    columns = _columns(spec, head, problems, notes, where, at)
    for number in range(1, at):
        shown = next((str(v) for v in top[number - 1] if v not in (None, "")), "")
        if shown:
            notes.append(f"{where}：第{number}行“{_one_line(shown)[:30]}”在表头之上，"
                         "作为标题跳过。")
    fill = _Merges(merges.pop(_part_name(sheet), {}) if merges else {})
    for number in range(1, at + 1):
        fill.apply(number, top[number - 1], top_cells[number - 1])
        if formula_lines is not None:
            next(formula_lines, None)
    header_labels = {index: label_of(str(head[index])) for index in columns}
    first_column = min(columns, default=0)
    pending: tuple[int, dict[str, object]] | None = None
    numbered: list[int] = []  # rows with nothing but a 编号
    rows = _chain(enumerate(top_cells[at:], start=at + 1),
                  _counted(lines, counter, len(top_cells) + 1))
    for number, cells in rows:
        if formatted:
            line = fill.apply(number, tuple([cell.value for cell in cells]), cells)
        else:
            line = fill.apply(number, cells, ())
        formula_line = next(formula_lines, ()) if formula_lines is not None else ()
        if _repeats_header(line, header_labels, first_column):
            if pending is not None and _title_like(pending[1]):
                notes.append(f"{where}：第{pending[0]}行“{_one_line(_first(pending[1]))[:30]}”"
                             "是表中的标题，已跳过。")
                pending = None
            notes.append(f"{where}：第{number}行重复了表头，已跳过。")
            continue
        values: dict[str, object] = {}
        for index, spec_field in columns.items():
            value = line[index] if index < len(line) else None
            if value is None and index < len(formula_line) and formula_line[index] is not None:
                problems.append(ImportProblem(where, number, spec_field.label, (
                    "是公式，但文件中没有保存它的计算结果（文件可能由其他软件生成）。"
                    "请在 Excel 或 WPS 中打开后保存一次，或把公式改成数值，再导入")))
            if isinstance(value, (int, float)):
                value = from_cell(spec_field, value, fill.format_of(index), year)
            elif isinstance(value, date):
                value = from_cell(spec_field, value)
            values[spec_field.key] = value
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        if fill.formats and all(_blank(values[f.key]) for i, f in columns.items()
                                if i not in fill.formats):
            continue  # nothing of its own: a merged range reaching over empty rows
        if formatted and not _blank(values.get("number")) and all(
                _blank(v) for k, v in values.items() if k != "number"):
            numbered.append(number)  # a template's 编号 written ahead: an empty row
            continue
        first = next(v for v in values.values() if not _blank(v))
        if isinstance(first, str) and len(first) < 8 and "".join(first.split()) in _TOTALS:
            filled = [v for v in values.values() if not _blank(v)]
            if all(not isinstance(v, str) for v in filled[1:]):
                notes.append(f"{where}：第{number}行是“{first.strip()}”行，已跳过。")
                continue
        if pending is not None:
            yield pending
        pending = (number, values)
    if pending is not None:
        yield pending
    if numbered:
        shown = "、".join(map(str, numbered[:5])) + ("等" if len(numbered) > 5 else "")
        notes.append(f"{where}：第{shown}行（共 {len(numbered)} 行）只填了编号，其余为空，"
                     "作为空行跳过。")


_TOTALS = {"合计", "总计", "小计", "共计"}


def unnamed_ledgers(book: Any, counter: RowCounter, problems: list[ImportProblem]) -> None:
    """A sheet skipped for its name (Sheet1, 2026年工作) whose header is a ledger's, all its
    required columns there: a problem, not a sheet of records left out unnoticed."""
    for title in book.sheetnames:
        if ledger_of_sheet(title.strip()) is not None:
            continue
        lines = _lines(book, title)
        top = []
        for line in lines:
            counter.tick()
            top.append(line)
            if len(top) == HEADER_ROWS:
                break
        for key in SHEET_ORDER:
            spec = LEDGERS[key]
            required = {f.key for f in spec.fields if f.required}
            if any(required <= {f.key for f in _known(spec, line).values()} for line in top):
                problems.append(ImportProblem(title.strip(), 0, "", (
                    f"这个工作表的表头是“{spec.label}”的，但工作表名不是台账名，不知是否要导入；"
                    f"如要导入，请把工作表改名为“{spec.label}”（或“某年{spec.label}”），"
                    "否则请删去这个工作表或在表头中改动列名")))
                break


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _repeats_header(line: tuple, header_labels: dict[int, str], first: int) -> bool:
    """The header again, lower down (several years' tables in one sheet)."""
    if first >= len(line) or not isinstance(line[first], str) or not header_labels:
        return False
    if label_of(line[first]) != header_labels.get(first):
        return False
    same = sum(label_of(str(line[i])) == text for i, text in header_labels.items()
               if i < len(line) and line[i] is not None)
    return same >= max(2, len(header_labels) // 2)


def _chain(first, second):
    yield from first
    yield from second


def _counted(lines, counter: RowCounter, start: int):
    for number, line in enumerate(lines, start=start):
        counter.tick()
        yield number, line


def _first(values: dict[str, object]) -> str:
    return next(str(v) for v in values.values() if v not in (None, ""))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _title_like(values: dict[str, object]) -> bool:
    """One filled cell of text, e.g. “2026年警示教育台账” above a repeated header."""
    filled = [v for v in values.values() if v not in (None, "")]
    return len(filled) == 1 and isinstance(filled[0], str)


def _part_name(sheet: Any) -> str:
    return str(getattr(sheet, "_worksheet_path", "")).lstrip("/")


class _Merges:
    """Fills each row a merged range covers with the value of its first cell (the range's
    first column only: a title merged across the columns is not copied into each)."""

    def __init__(self, starting: dict[int, list[tuple[int, int]]]):
        self.starting = starting  # first row → [(column, last row)], as xlsx_scan found them
        self.active: dict[int, tuple[object, int, str | None]] = {}  # column → value, last row
        self.formats: dict[int, str | None] = {}  # of the row being read: column → format
        self.cells: tuple = ()  # the row being read

    def apply(self, number: int, values: tuple, cells: tuple) -> tuple:
        self.cells = cells
        if not self.starting and not self.active:
            if self.formats:
                self.formats = {}
            return values
        self.formats = {}
        for col, last_row in self.starting.pop(number, ()):
            value = values[col] if col < len(values) else None
            fmt = getattr(cells[col], "number_format", None) if col < len(cells) else None
            self.active[col] = (value, last_row, fmt)
        if not self.active:
            return values
        filled = list(values)
        for col, (value, last_row, fmt) in list(self.active.items()):
            if number > last_row:
                del self.active[col]
                continue
            if col >= len(filled):
                filled += [None] * (col + 1 - len(filled))
            if filled[col] is None:
                filled[col] = value
                self.formats[col] = fmt
        return tuple(filled)

    def format_of(self, index: int) -> str | None:
        if index in self.formats:
            return self.formats[index]
        cells = self.cells
        return getattr(cells[index], "number_format", None) if index < len(cells) else None


def _lines(book: Any, title: str, cells: bool = False) -> Iterator[tuple]:
    sheet = book[title]
    sheet.reset_dimensions()  # the file's own dimensions may claim a million columns
    return sheet.iter_rows(values_only=not cells)


def _header_row(spec: LedgerSpec, top: list[tuple]) -> int:
    """The row (1-based) among the top rows naming the most of the ledger's columns; the
    first row when none names two."""
    best, at = 1, 1
    for number, line in enumerate(top, start=1):
        named = len({field.key for field in _known(spec, line).values()})
        if named > best:
            best, at = named, number
    return at


def _known(spec: LedgerSpec, head: tuple) -> dict[int, FieldSpec]:
    labels = {f.label: f for f in spec.fields}
    synonyms = SYNONYMS.get(spec.key, {})
    known = {}
    for index, cell in enumerate(head):
        text = label_of(str(cell)) if cell is not None else ""
        if text in labels:
            known[index] = labels[text]
        elif text in synonyms:
            known[index] = labels[synonyms[text]]
    return known


def _columns(spec: LedgerSpec, head: tuple, problems: list[ImportProblem],
             notes: list[str], where: str = "", at: int = 1) -> dict[int, FieldSpec]:
    where = where or spec.label
    labels = {f.label: f for f in spec.fields}
    synonyms = SYNONYMS.get(spec.key, {})
    texts = {index: label_of(str(cell)) for index, cell in enumerate(head) if cell is not None}
    own = {text for text in texts.values() if text in labels}
    columns: dict[int, FieldSpec] = {}
    seen: dict[str, list[int]] = {}
    ignored: list[str] = []
    for index, text in texts.items():
        if text in labels:
            seen.setdefault(text, []).append(index)
            columns[index] = labels[text]
        elif text in synonyms and synonyms[text] not in own:
            target = synonyms[text]
            seen.setdefault(target, []).append(index)
            columns[index] = labels[target]
            notes.append(f"{where}：“{text}”列按“{target}”读取。")
        elif text in synonyms:
            notes.append(f"{where}：已有“{synonyms[text]}”列，“{text}”列未导入。")
        elif text:
            ignored.append(text)
            notes.append(f"{where}：“{text}”列不是台账字段，已忽略。")
    for text, indexes in seen.items():
        if len(indexes) > 1:
            letters = "、".join(f"第 {get_column_letter(i + 1)} 列"
                               + (f"（“{texts[i]}”）" if texts[i] != text else "")
                               for i in indexes)
            problems.append(ImportProblem(where, at, text, (
                f"这一列出现了 {len(indexes)} 次（{letters}），不知以哪一列为准，"
                "请删去多余的列后再导入")))
    found = {f.key for f in columns.values()}
    unknown = ("；表头中未能识别的列："
               + "、".join(f"“{t}”" for t in ignored[:10])) if ignored else ""
    for spec_field in spec.fields:
        if spec_field.required and spec_field.key not in found:
            problems.append(ImportProblem(where, at, spec_field.label,
                                          "缺少这一必填列，请检查表头" + unknown))
    return columns


