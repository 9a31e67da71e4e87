"""A cell's number as what the secretary typed or sees: in a date column, a date only
where the number is one (an Excel serial, 20260315), never 2026.3 read as 1905; in a text
column (编号), the text its number format shows (1.10, 001)."""

from __future__ import annotations

import re
from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from lianzheng_desktop.core.ledgers import FieldSpec, Kind
from lianzheng_desktop.interchange.xlsx_common import Refused

SERIAL_FIRST = 18264  # 1950-01-01 as an Excel serial number
SERIAL_LAST = 73051  # 2100-01-01


def from_cell(spec_field: FieldSpec, value: object, number_format: str | None = None,
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
        whole, month = int(value), shown.split(".", 1)[1]
        if 1 <= int(month) <= 12 and len(month) <= 2:
            # Excel drops a trailing zero: 2026.10 is stored, and shown, as 2026.1
            which = f"{whole}年{int(month)}月" + ("或10月" if month == "1" else "")
            return Refused(
                f"“{shown}”在 Excel 中存成了数字，只写到月（{which}？），不是某一天；"
                f"请写明哪一天，如 {whole}-{int(month):02d}-05 或 {whole}年{int(month)}月5日"
                f"（写成“{whole}.{int(month)}.5”也可以）")
        return Refused(f"“{shown}”在 Excel 中存成了数字，不是日期；"
                       f"请写成 {whole}-03-05 这样的年月日")
    elif 1 <= value < 13:
        month, day = shown.split(".", 1)
        if 1 <= int(day) <= 31 and len(day) <= 2:
            which = f"{int(month)}月{int(day)}日" + (
                f"或{int(month)}月{int(day)}0日" if len(day) == 1 and int(day) <= 3 else "")
            return Refused(
                f"“{shown}”在 Excel 中存成了数字，没有年份（{which}？）；"
                f"请写明年份，如 {year}-{int(month):02d}-{int(day):02d} "
                f"或 {year}年{int(month)}月{int(day)}日")
    if SERIAL_FIRST <= value < SERIAL_LAST:
        try:
            return from_excel(value)  # a date cell whose format was changed to a number
        except (ValueError, OverflowError):
            pass
    return Refused(f"“{shown}”是数字，不是日期；请写成 {year}-03-05 这样的年月日")


def _plain(value: float) -> str:
    """As Excel's General format shows it (15 significant digits: 0.1+0.2 is 0.3)."""
    return str(int(value)) if float(value).is_integer() else f"{float(value):.15g}"


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
