"""The ledgers as one Excel workbook, the way offices already keep their 台账.

Sheets and header rows follow the ledger specs' labels; a required column's header carries
an asterisk ("日期*"), and both forms are accepted on import. An import is all or nothing:
every row is checked first, and a single problem stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS, Kind, LedgerSpec, build_record
from lianzheng_desktop.core.values import format_bool, format_names
from lianzheng_desktop.storage.store import Query, Store

SHEET_ORDER = ("roster", "warning_education", "talk", "rectification", "activity")
DATE_FORMAT = "yyyy-mm-dd"
_WIDTH = {Kind.DATE: 12, Kind.BOOL: 10, Kind.COUNT: 10, Kind.CHOICE: 16, Kind.PERSON: 10,
          Kind.PEOPLE: 30, Kind.TEXT: 28, Kind.LONGTEXT: 48}


def header(spec_field) -> str:
    return spec_field.label + ("*" if spec_field.required else "")


# -- export ---------------------------------------------------------------------------

def export_workbook(store: Store, path: Path) -> dict[str, int]:
    """Write every ledger to ``path``; return the number of rows per sheet."""
    book = Workbook()
    book.remove(book.active)
    counts: dict[str, int] = {}
    for key in SHEET_ORDER:
        spec = LEDGERS[key]
        sheet = book.create_sheet(spec.label)
        sheet.append([header(f) for f in spec.fields])
        records = store.list(key, Query(oldest_first=True))
        for record in records:
            sheet.append([_cell(f.kind, getattr(record, f.key)) for f in spec.fields])
        _format_sheet(sheet, spec, len(records))
        counts[spec.label] = len(records)
    try:
        book.save(path)
    except OSError as exc:
        raise UserError(f"无法写入“{path}”：{exc.strerror or exc}。"
                        "如该文件已在 Excel 或 WPS 中打开，请先关闭。") from None
    return counts


def _cell(kind: Kind, value: object) -> object:
    if kind is Kind.PEOPLE:
        return format_names(value)  # type: ignore[arg-type]
    if kind is Kind.BOOL:
        return format_bool(bool(value))
    if kind is Kind.DATE:
        return value  # a real Excel date, shown as yyyy-mm-dd
    return value if value != "" else None


def _format_sheet(sheet, spec: LedgerSpec, rows: int) -> None:
    fill = PatternFill("solid", fgColor="F2DCDB")
    for column, spec_field in enumerate(spec.fields, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font = Font(bold=True, color="9C0006" if spec_field.required else "000000")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = _WIDTH[spec_field.kind]
        if spec_field.kind is Kind.DATE:
            for row in range(2, rows + 2):
                sheet.cell(row=row, column=column).number_format = DATE_FORMAT
        if spec_field.kind is Kind.LONGTEXT:
            for row in range(2, rows + 2):
                sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True,
                                                                         vertical="top")
    sheet.freeze_panes = "A2"


# -- import ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int  # the spreadsheet's row number (header is row 1)
    column: str  # the column's label, or "" for the whole row / sheet
    reason: str

    def __str__(self) -> str:
        where = f"{self.sheet} 第{self.row}行" if self.row else self.sheet
        if self.column:
            where += f" “{self.column}”列"
        return f"{where}：{self.reason}"


@dataclass
class ImportResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows stored per sheet label
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was skipped on purpose


@dataclass
class _Row:
    spec: LedgerSpec
    number: int
    values: dict[str, object]


def import_workbook(store: Store, path: Path) -> ImportResult:
    """Check every row of the workbook, then store all of it or nothing."""
    result = ImportResult()
    book = _open(path)
    rows: list[_Row] = []
    present = {s.strip(): book[s] for s in book.sheetnames}
    known = [LEDGERS[k] for k in SHEET_ORDER if LEDGERS[k].label in present]
    if not known:
        names = "、".join(LEDGERS[k].label for k in SHEET_ORDER)
        raise UserError(f"“{path.name}”中没有可导入的工作表。工作表应名为：{names}。")
    for name in present:
        if name not in {s.label for s in known}:
            result.notes.append(f"工作表“{name}”不是台账，已跳过。")
    for spec in known:
        rows += _read_sheet(spec, present[spec.label], result)
    existing = store.roster_names()
    roster = existing | _check_roster_rows(rows, existing, result)
    records = []
    for row in rows:
        if row.spec.key == "roster" and str(row.values.get("name", "")).strip() in existing:
            continue
        try:
            records.append((row, build_record(row.spec, row.values,
                                              None if row.spec.key == "roster" else roster,
                                              today=store.clock().date())))
        except ValidationError as exc:
            for error in exc.errors:
                result.problems.append(ImportProblem(row.spec.label, row.number, error.label,
                                                     error.message))
    if result.problems:
        return result
    with store.atomic():
        for row, _record in records:
            store.add(row.spec.key, row.values)
            result.counts[row.spec.label] = result.counts.get(row.spec.label, 0) + 1
    for spec in known:
        result.counts.setdefault(spec.label, 0)
    return result


def _open(path: Path):
    if not path.exists():
        raise UserError(f"找不到文件“{path}”。")
    try:
        return load_workbook(path, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError):
        raise UserError(f"“{path.name}”不是可读取的 Excel 工作簿（.xlsx）。如是 .xls 旧格式，"
                        "请在 Excel 或 WPS 中另存为 .xlsx 后再导入。") from None


def _read_sheet(spec: LedgerSpec, sheet, result: ImportResult) -> list[_Row]:
    lines = sheet.iter_rows(values_only=True)
    head = next(lines, None) or ()
    labels = {f.label: f for f in spec.fields}
    columns: dict[int, object] = {}
    for index, cell in enumerate(head):
        text = str(cell).strip().rstrip("*＊").strip() if cell is not None else ""
        if text in labels:
            columns[index] = labels[text]
        elif text:
            result.notes.append(f"{spec.label}：“{text}”列不是台账字段，已忽略。")
    found = {f.key for f in columns.values()}  # type: ignore[attr-defined]
    for spec_field in spec.fields:
        if spec_field.required and spec_field.key not in found:
            result.problems.append(ImportProblem(spec.label, 1, spec_field.label,
                                                 "缺少这一必填列，请检查表头"))
    rows = []
    for number, line in enumerate(lines, start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in line):
            continue
        values = {columns[i].key: _from_cell(columns[i].kind, c)  # type: ignore[attr-defined]
                  for i, c in enumerate(line) if i in columns}
        rows.append(_Row(spec, number, values))
    return rows


def _from_cell(kind: Kind, value: object) -> object:
    if kind is Kind.DATE and isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return from_excel(value)  # a date typed into a cell formatted as a number
        except (ValueError, OverflowError):
            return str(value)
    if isinstance(value, datetime) and kind is not Kind.DATE:
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date) and kind is not Kind.DATE:
        return value.isoformat()
    return value


def _check_roster_rows(rows: list[_Row], existing: set[str], result: ImportResult) -> set[str]:
    """Names the workbook's roster adds; repeated names within the sheet are problems."""
    seen: dict[str, int] = {}
    for row in rows:
        if row.spec.key != "roster":
            continue
        name = str(row.values.get("name") or "").strip()
        if not name:
            continue
        if name in seen:
            result.problems.append(ImportProblem(row.spec.label, row.number, "姓名",
                                                 f"“{name}”与第{seen[name]}行重复"))
        seen.setdefault(name, row.number)
        if name in existing:
            result.notes.append(f"人员名册第{row.number}行“{name}”已在名册中，未重复添加。")
    return set(seen)


def sheet_labels() -> Mapping[str, str]:
    return {key: LEDGERS[key].label for key in SHEET_ORDER}
