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

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS, LedgerSpec
from lianzheng_desktop.interchange.xlsx_common import (
    SHEET_ORDER,
    ImportProblem,
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
    """Counts rows read across the workbook and stops at ``MAX_ROWS``; ``on_rows`` hears
    the count every ``ROW_STEP`` rows (a window's progress; it may raise to stop)."""

    ROW_STEP = 200

    def __init__(self, path: Path, on_rows: Callable[[int], None] | None = None):
        self.path = path
        self.rows = 0
        self.on_rows = on_rows

    def tick(self) -> None:
        self.rows += 1
        if self.on_rows is not None and self.rows % self.ROW_STEP == 0:
            self.on_rows(self.rows)
        if self.rows > MAX_ROWS:
            raise UserError(f"“{self.path.name}”的行数超过一次导入的上限 {MAX_ROWS:,} 行"
                            "（空行也计算在内）。如表格末尾有大量空行，请在 Excel 中删去；"
                            "否则请分成几个工作簿导入。")
