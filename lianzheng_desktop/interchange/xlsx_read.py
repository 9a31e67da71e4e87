"""Reading a workbook the secretary chose, whatever the file turns out to be.

Before openpyxl sees the file: what it is, from its first bytes rather than its name, and
the sizes its zip directory declares. Python's zipfile never inflates a member past its
declared size (it stops and reports a bad CRC), so a "zip bomb" is refused before a byte of
it is inflated. Then ``xlsx_scan`` counts what the parts hold (rows, cells, text) before
openpyxl parses them, and each sheet is streamed (openpyxl ``read_only``), a row at a time,
with a cap on the rows read. XML entities are refused outright (defusedxml, which openpyxl uses
when it is installed), so an entity bomb is one message, not minutes of work.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS, FieldSpec, Kind, LedgerSpec
from lianzheng_desktop.interchange.xlsx_common import (
    SHEET_ORDER,
    SYNONYMS,
    ImportProblem,
    Refused,
    label_of,
    ledger_of_sheet,
)

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB  # the file as stored (an export of 50,000 records is ~1.5 MB)
MAX_UNPACKED_BYTES = 400 * MB  # all its parts unpacked (that export: ~22 MB)
MAX_PARTS = 5000
MAX_ROWS = 250_000  # rows read across the workbook, blank ones and gaps included
_SAVE_AS = "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。"


def _bad_content_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl and the XML parsers raise on a file that is not what it claims."""
    errors: list[type[BaseException]] = [
        zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, InvalidFileException,
        KeyError, IndexError, ValueError, TypeError, AttributeError, ParseError,
        UnicodeError, NotImplementedError, RuntimeError,
    ]
    try:
        from defusedxml import DefusedXmlException

        errors.append(DefusedXmlException)
    except ImportError:  # pragma: no cover - a dependency; expat's own limits still apply
        pass
    return tuple(errors)


BAD_CONTENT = _bad_content_errors()


def check_file(path: Path) -> list[zipfile.ZipInfo]:
    """The workbook's parts, once the file is known to be a workbook of a sane size."""
    if path.is_dir():
        raise UserError(f"“{path}”是一个文件夹，不是 Excel 工作簿。请选择文件夹中的 .xlsx 文件。")
    if not path.exists():
        raise UserError(f"找不到文件“{path}”。")
    if not path.is_file():
        raise UserError(f"“{path}”不是普通文件，不是 Excel 工作簿。")
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"“{path.name}”是空文件（0 字节），不是 Excel 工作簿。")
    if size > MAX_FILE_BYTES:
        raise UserError(f"“{path.name}”有 {size / MB:.0f} MB，超过一次导入的上限 "
                        f"{MAX_FILE_BYTES // MB} MB。请把台账分成几个工作簿分别导入。")
    with path.open("rb") as file:
        head = file.read(4096)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(f"“{path.name}”是 Excel 97-2003 旧格式（.xls）或设置了打开密码的工作簿，"
                        f"不能直接导入。{_SAVE_AS}（如有密码，请先取消密码。）")
    if not head.startswith(b"PK\x03\x04"):
        if _looks_like_text(head):
            raise UserError(f"“{path.name}”是文本文件（如 CSV 或网页格式的表格），"
                            "不是 Excel 工作簿。" + _SAVE_AS)
        raise UserError(f"“{path.name}”不是 Excel 工作簿（.xlsx）。" + _SAVE_AS)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise UserError(f"“{path.name}”已损坏或不完整，无法作为 Excel 工作簿读取。"
                        "如是从网上或 U 盘复制来的，请重新复制一份再导入。") from None
    names = {part.filename for part in parts}
    if "xl/workbook.bin" in names:
        raise UserError(f"“{path.name}”是 Excel 二进制工作簿（.xlsb），不能直接导入。" + _SAVE_AS)
    if any(part.flag_bits & 0x1 for part in parts):
        raise UserError(f"“{path.name}”设置了密码，不能导入。请先在 Excel 或 WPS 中取消密码。")
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise UserError(f"“{path.name}”解压后有 {unpacked / MB:,.0f} MB（{len(parts)} 个部件），"
                        f"超过上限 {MAX_UNPACKED_BYTES // MB} MB，不像是台账工作簿，"
                        "未导入任何记录。"
                        "五万条记录的台账导出后解压也只有约 25 MB。")
    return parts


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 text
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start > len(head) - 4:  # cut in the middle of a character
                return True
    return False


@contextmanager
def opened(path: Path, *, formulas: bool = False) -> Iterator[Any]:
    """The workbook, streamed, closed after use; ``formulas`` gives formulas instead of
    their stored results (to find formulas stored without one)."""
    with path.open("rb") as file:  # a file object: a real workbook named .xls still opens
        try:
            book = load_workbook(file, read_only=True, data_only=not formulas)
        except BAD_CONTENT as exc:
            raise unreadable(path, exc) from None
        try:
            yield book
        finally:
            book.close()


def unreadable(path: Path, exc: BaseException, where: str = "") -> UserError:
    causes = []
    while exc is not None and len(causes) < 10:  # openpyxl wraps what the parser raised
        causes.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    if any(type(cause).__module__.startswith("defusedxml") for cause in causes):
        return UserError(f"“{path.name}”{where}含有不安全的 XML 内容（实体定义），"
                         "为保护电脑未读取。" + _SAVE_AS)
    return UserError(f"“{path.name}”{where}内容已损坏或格式不对，无法读取。" + _SAVE_AS)


def ledger_sheets(book: Any, problems: list[ImportProblem],
                  notes: list[str]) -> list[tuple[LedgerSpec, str]]:
    """(ledger, sheet title) for each ledger sheet, named as offices name them (“谈心谈话
    台账”, “2024年警示教育”); several sheets of one ledger (one a year) are all read.
    Names differing only in spaces clash."""
    titles: dict[str, list[str]] = {}
    for title in book.sheetnames:
        titles.setdefault(title.strip(), []).append(title)
    found = []
    for label, same in titles.items():
        key = ledger_of_sheet(label)
        if key is None:
            notes += [f"工作表“{title}”不是台账，已跳过（台账工作表应名为："
                      f"{'、'.join(LEDGERS[k].label for k in SHEET_ORDER)}）。" for title in same]
        elif len(same) > 1:
            shown = "、".join(f"“{title}”" for title in same)
            problems.append(ImportProblem(label, 0, "", (
                f"工作簿中有 {len(same)} 个工作表都是“{label}”（{shown}，只差名字前后的空格），"
                "请把它们合并成一个工作表后再导入")))
        else:
            found.append((LEDGERS[key], same[0]))
            if label != LEDGERS[key].label:
                notes.append(f"工作表“{same[0]}”按“{LEDGERS[key].label}”读取。")
    order = list(SHEET_ORDER)
    return sorted(found, key=lambda pair: order.index(pair[0].key))


class RowCounter:
    """Counts rows read across the workbook and stops at ``MAX_ROWS``."""

    def __init__(self, path: Path):
        self.path = path
        self.rows = 0

    def tick(self) -> None:
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise UserError(f"“{self.path.name}”的行数超过一次导入的上限 {MAX_ROWS:,} 行"
                            "（空行也计算在内）。如表格末尾有大量空行，请在 Excel 中删去；"
                            "否则请分成几个工作簿导入。")


HEADER_ROWS = 10  # the header is looked for in this many rows (a title, blank rows above)


def read_rows(book: Any, formula_book: Any | None, spec: LedgerSpec, title: str,
              counter: RowCounter, problems: list[ImportProblem], notes: list[str],
              merges: dict[str, list[tuple[str, str]]] | None = None,
              year: int = 2026) -> Iterator[tuple[int, dict[str, object]]]:
    """(row number, raw values by field key) for each non-blank row of one sheet. The header
    is the first of the top rows naming the most columns; rows above it (a title) are
    skipped, and so are the header repeated lower down and a title just above it (one
    sheet holding several years). A cell inside a merged range reads as the range's value."""
    sheet = book[title]
    lines = _lines(book, title, cells=True)
    formula_lines = _lines(formula_book, title) if formula_book is not None else None
    top_cells: list[tuple] = []
    for line in lines:
        counter.tick()
        top_cells.append(line)
        if len(top_cells) == HEADER_ROWS:
            break
    top = [tuple(cell.value for cell in line) for line in top_cells]
    at = _header_row(spec, top)
    where = spec.label if title.strip() == spec.label else f"{spec.label}（{title.strip()}）"
    head = top[at - 1] if top else ()
    columns = _columns(spec, head, problems, notes, where, at)
    for number in range(1, at):
        shown = next((str(v) for v in top[number - 1] if v not in (None, "")), "")
        if shown:
            notes.append(f"{where}：第{number}行“{_one_line(shown)[:30]}”在表头之上，"
                         "作为标题跳过。")
    fill = _Merges(merges.get(_part_name(sheet), []) if merges else [])
    for number in range(1, at + 1):
        fill.apply(number, top[number - 1], top_cells[number - 1])
        if formula_lines is not None:
            next(formula_lines, None)
    header_labels = {index: label_of(str(head[index])) for index in columns}
    first_column = min(columns, default=0)
    pending: tuple[int, dict[str, object]] | None = None
    rows = _chain(enumerate(top_cells[at:], start=at + 1),
                  _counted(lines, counter, len(top_cells) + 1))
    for number, cells in rows:
        line = fill.apply(number, tuple(cell.value for cell in cells), cells)
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
                value = _from_cell(spec_field, value, fill.format_of(index), year)
            elif isinstance(value, date):
                value = _from_cell(spec_field, value)
            values[spec_field.key] = value
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        if pending is not None:
            yield pending
        pending = (number, values)
    if pending is not None:
        yield pending


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

    def __init__(self, ranges: list[tuple[str, str]]):
        self.starting: dict[int, list[tuple[int, int]]] = {}  # row → (column, last row)
        for first, last in ranges:
            col, row = coordinate_to_tuple(first)[::-1]
            last_row = coordinate_to_tuple(last)[0]
            if last_row > row:
                self.starting.setdefault(row, []).append((col - 1, last_row))
        self.active: dict[int, tuple[object, int, str | None]] = {}  # column → value, last row
        self.formats: dict[int, str | None] = {}  # of the row being read: column → format
        self.cells: tuple = ()  # the row being read

    def apply(self, number: int, values: tuple, cells: tuple) -> tuple:
        self.cells = cells
        if not self.starting and not self.active:
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


SERIAL_FIRST = 18264  # 1950-01-01 as an Excel serial number
SERIAL_LAST = 73051  # 2100-01-01


def _from_cell(spec_field: FieldSpec, value: object, number_format: str | None = None,
               year: int = 2026) -> object:
    kind = spec_field.kind
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if kind is Kind.DATE:
            return _date_number(value, year)
        if kind in (Kind.TEXT, Kind.LONGTEXT, Kind.PERSON):
            return shown_number(value, number_format)
    if isinstance(value, datetime) and kind is not Kind.DATE:
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date) and kind is not Kind.DATE:
        return value.isoformat()
    return value


def _date_number(value: float, year: int) -> object:
    """A number in a date column of a cell not formatted as a date: what the secretary
    typed, where that is a date (20260315), an Excel serial (46096, a date cell whose
    format was changed); 2026.3 (a month), 3.15 (no year) and 2026 are refused, never read
    as a day in 1905 or 1900."""
    shown = _plain(value)
    if float(value).is_integer():
        whole = int(value)
        if 19000101 <= whole <= 29991231:
            return str(whole)  # typed 20260315: read_date reads it
        if 1900 <= whole <= 2100:
            return Refused(f"“{shown}”只有年份，不是某一天；请写成 {whole}-03-05 这样的年月日")
    elif 1900 <= value < 2101:
        month = shown.split(".", 1)[1]
        return Refused(
            f"“{shown}”在 Excel 中存成了数字，只写到月（{int(value)}年{int(month)}月？），"
            f"不是某一天；请写成 {int(value)}-{int(month):02d}-05 这样的年月日"
            f"（先把单元格设为“文本”，或写成 {int(value)}年{int(month)}月5日）"
            if 1 <= int(month) <= 12 and len(month) <= 2 else
            f"“{shown}”在 Excel 中存成了数字，不是日期；请写成 {int(value)}-03-05 这样的年月日")
    elif 1 <= value < 13:
        month, day = shown.split(".", 1)
        if 1 <= int(day) <= 31 and len(day) <= 2:
            return Refused(
                f"“{shown}”在 Excel 中存成了数字，没有年份（{int(month)}月{int(day)}日？）；"
                f"请写明年份，如 {year}-{int(month):02d}-{int(day):02d} "
                f"或 {year}年{int(month)}月{int(day)}日")
    if SERIAL_FIRST <= value < SERIAL_LAST:
        try:
            return from_excel(value)  # a date cell whose format was changed to a number
        except (ValueError, OverflowError):
            pass
    return Refused(f"“{shown}”是数字，不是日期；请写成 {year}-03-05 这样的年月日")


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


_NUMBER_FORMAT = re.compile(
    r'^(?P<pre>(?:"[^"]*"|\\.)*)(?P<int>[0#,]*)(?:\.(?P<dec>[0#]+))?(?P<post>(?:"[^"]*"|\\.)*)$')


def shown_number(value: float, number_format: str | None) -> object:
    """A number in a text column (编号 1.10, 001) as its cell shows it, from the cell's
    number format; refused when the format is one this cannot show the same."""
    fmt = (number_format or "General").split(";")[0]
    if fmt in ("General", "@", "通用格式", "G/通用格式"):
        return _plain(value)
    match = _NUMBER_FORMAT.match(fmt)
    if match is None or not (match["int"] or match["dec"]):
        return Refused(f"“{_plain(value)}”是数字，显示格式为“{fmt}”，不能确定表格上显示的文字；"
                       "请把这一列设为“文本”格式后重新输入")
    digits = match["dec"] or ""
    shown = f"{abs(value):{',' if ',' in match['int'] else ''}.{len(digits)}f}"
    optional = len(digits) - len(digits.rstrip("#"))
    while optional and shown.endswith("0") and "." in shown:
        shown, optional = shown[:-1], optional - 1
    shown = shown.rstrip(".")
    whole, _, frac = shown.partition(".")
    whole = whole.zfill(match["int"].count("0")) if match["int"].count("0") > 1 else whole
    shown = whole + ("." + frac if frac else "")
    literal = lambda part: "".join(  # noqa: E731
        piece[1:-1] if piece.startswith('"') else piece[1:]
        for piece in re.findall(r'"[^"]*"|\\.', part))
    return ("-" if value < 0 else "") + literal(match["pre"]) + shown + literal(match["post"])
