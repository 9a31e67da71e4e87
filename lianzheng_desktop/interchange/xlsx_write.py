"""Export: every ledger to one workbook, streamed (openpyxl ``write_only``), as data only.

A cell is never code: text that Excel would read as a formula (it starts with = + - @ or a
tab) is written as a text cell marked with Excel's own "this is text" prefix, and control
characters that a workbook cannot hold (``\\x0b`` pasted from Word, …) are replaced, with
a note saying where.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS, Kind
from lianzheng_desktop.core.values import format_bool, format_names
from lianzheng_desktop.interchange.xlsx_common import SHEET_ORDER, header
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.store import Query, Store
from lianzheng_desktop.whole_files import written_whole

EXCEL_CELL_LIMIT = 32_767  # characters Excel shows in one cell; longer text is cut there
_WIDTH = {Kind.DATE: 12, Kind.BOOL: 10, Kind.COUNT: 10, Kind.CHOICE: 16, Kind.PERSON: 10,
          Kind.PEOPLE: 30, Kind.TEXT: 28, Kind.LONGTEXT: 48}
# What the XML of a workbook cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE), and Word's
# manual line break (\x0b) and page break (\x0c), which are line breaks to the writer.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_LINE_BREAKS = re.compile(r"[\x0b\x0c]")
_FORMULA_START = ("=", "+", "-", "@", "\t")
_PAGE = 5000  # records read from the database at a time


@dataclass
class ExportResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows per sheet label
    notes: list[str] = field(default_factory=list)  # what was changed on the way out


def export_workbook(store: Store, path: Path,
                    progress: Callable[[str, int], None] | None = None) -> ExportResult:
    """Write every ledger to ``path``; ``progress`` hears (sheet label, rows written so
    far) every 1,000 rows, and ("", all rows) before the file is saved."""
    book = Workbook(write_only=True)
    result = ExportResult()
    styles = _Styles()
    cleaned: list[str] = []
    too_long: list[str] = []
    try:
        for key in SHEET_ORDER:
            spec = LEDGERS[key]
            sheet = book.create_sheet(spec.label)
            for column, spec_field in enumerate(spec.fields, start=1):
                sheet.column_dimensions[get_column_letter(column)].width = _WIDTH[spec_field.kind]
            sheet.freeze_panes = "A2"
            # The sheet's size up front, as Excel writes it: without it a streaming reader
            # (openpyxl's read_only, ours on import) parses the whole sheet once just to size it.
            last = f"{get_column_letter(len(spec.fields))}{store.count(key) + 1}"
            sheet.calculate_dimension = lambda last=last: f"A1:{last}"
            sheet.append([styles.header_cell(sheet, f) for f in spec.fields])
            rows = 0
            for record in _records(store, key):
                rows += 1
                if progress is not None and rows % 1000 == 0:
                    progress(spec.label, rows)
                line = []
                for spec_field in spec.fields:
                    value = _value(spec_field.kind, getattr(record, spec_field.key))
                    if isinstance(value, str):
                        clean = _clean(value, spec_field.kind)
                        where = f"{spec.label} 第{rows + 1}行“{spec_field.label}”列"
                        if clean != value:
                            cleaned.append(where)
                        if len(clean) > EXCEL_CELL_LIMIT:
                            too_long.append(where)
                        value = styles.text_cell(sheet, clean, spec_field.kind)
                    line.append(value)
                sheet.append(line)
            result.counts[spec.label] = rows
    except BaseException:  # e.g. a damaged file met while reading: no English traceback
        _discard(book)       # from the half-written sheets on top of the Chinese message
        raise
    if cleaned:
        result.notes.append(_where_note(
            cleaned, "含有表格文件不能保存的控制字符（如从 Word 粘贴带入的换行符），"
            "导出时已换成换行或删去，台账中的原文未改动"))
    if too_long:
        result.notes.append(_where_note(
            too_long, f"超过 {EXCEL_CELL_LIMIT} 字，Excel 或 WPS 中只显示前 {EXCEL_CELL_LIMIT} 字"
            "（本软件再导入时仍读取全文）"))
    if progress is not None:
        progress("", sum(result.counts.values()))
    try:
        with written_whole(Path(path)) as partial:  # last month's export survives a failure
            book.save(partial)
    except OSError as exc:
        _discard(book)
        raise UserError(f"无法写入“{path}”：{os_error_text(exc)}。"
                        "如该文件已在 Excel 或 WPS 中打开，请先关闭。") from None
    return result


def _discard(book: Workbook) -> None:
    """Finish the sheets a failed save left streaming: otherwise each one's half-run writer
    prints an English traceback ("Exception ignored in …") when it is thrown away."""
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):  # already closed by the save, or its file gone
            sheet.close()


def _records(store: Store, key: str):
    """The ledger oldest first, read a page at a time so memory does not grow with rows."""
    offset = 0
    while True:
        page = store.list(key, Query(oldest_first=True, limit=_PAGE, offset=offset))
        yield from page
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _value(kind: Kind, value: object) -> object:
    if kind is Kind.PEOPLE:
        return format_names(value)  # type: ignore[arg-type]
    if kind is Kind.BOOL:
        return format_bool(bool(value))
    if kind is Kind.DATE:
        return value  # a real Excel date, shown as yyyy-mm-dd
    return value if value != "" else None


def _clean(text: str, kind: Kind) -> str:
    if not _ILLEGAL.search(text):
        return text
    breaks = "\n" if kind is Kind.LONGTEXT else " "
    return _ILLEGAL.sub("", _LINE_BREAKS.sub(breaks, text))


def _where_note(places: list[str], what: str) -> str:
    shown = "、".join(places[:5])
    more = f"等 {len(places)} 处" if len(places) > 5 else ""
    return f"{shown}{more}{what}。"


class _Styles:
    """The few cell styles an export uses, made once."""

    def __init__(self) -> None:
        self.fill = PatternFill("solid", fgColor="F2DCDB")
        self.required = Font(bold=True, color="9C0006")
        self.optional = Font(bold=True, color="000000")
        self.centre = Alignment(horizontal="center", vertical="center")
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def header_cell(self, sheet, spec_field) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, header(spec_field))
        cell.font = self.required if spec_field.required else self.optional
        cell.fill = self.fill
        cell.alignment = self.centre
        return cell

    def text_cell(self, sheet, text: str, kind: Kind) -> object:
        """Plain text stays a plain value; formula-looking or long text gets a cell."""
        formula_like = text.startswith(_FORMULA_START) or text in ERROR_CODES
        if not formula_like and kind is not Kind.LONGTEXT:
            return text
        cell = WriteOnlyCell(sheet, text)
        if formula_like:
            cell.data_type = "s"  # text, not the formula or error openpyxl took it for
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited
        if kind is Kind.LONGTEXT:
            cell.alignment = self.wrap
        return cell
