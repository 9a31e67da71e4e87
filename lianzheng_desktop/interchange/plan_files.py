"""Reading a plan document: plain text (any common Chinese encoding), Word .docx, or a
text-based PDF (as many plans are published). A PDF's text comes in the lines it was
wrapped into on the page: a line as wide as the page's text is joined to the next, unless
that one starts a numbered item (the plan reader alone reads fewer plans as their text
reads when the lines are left wrapped)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan_table import cell_text, table_lines

_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")
# "- 3 -", "— 3 —", "第 3 页", "3/12": a page's number on a line of its own
_PAGE_NUMBER = re.compile(r"^[\s\-—－–·]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?"
                          r"[\s\-—－–·]*$")
# a line starting an item: 一、 （一） 1. (1) ① 第一条 一是 — never the rest of the line above
_ITEM_START = re.compile(r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]"
                         r"|\d+[.、．]|[①-⑳]|第[一二三四五六七八九十\d]+[条章节部分，、]"
                         r"|[一二三四五六七八九十]是)")
FULL_SLACK = 1.5  # a line this many characters short of the widest is still full
LEAST_FULL = 15  # characters: narrower "full" lines are a table's or a list's, not wrapped


def read_plan_file(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".doc":
        raise UserError("暂不支持 .doc 旧格式，请在 Word 或 WPS 中另存为 .docx 或 .txt 后再导入。")
    if suffix == ".pdf":
        return _read_pdf(path)
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 文本或 .docx 后再导入。")


def _read_docx(path: Path) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError):
        raise UserError(f"“{path.name}”不是可读取的 Word 文档（.docx）。") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for element in document.element.body.iterchildren():  # the body in its own order
        if element.tag == qn("w:p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):  # a 责任清单 as a table: a row is an item
            lines.extend(table_lines(_rows(Table(element, document))))
    return "\n".join(lines)


def _rows(table) -> list[list[str]]:
    """Each row's cells' text, in the table's columns (a cell merged across them is given
    again in each, so that every row lines up with the header); a cell's paragraphs as
    sentences, its own numbered measures ("1.组织观看…" "2.开展…") apart by PART_BREAK,
    so that the row's 完成时限 reaches each."""
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            cells.append(cell_text([p.text.strip() for p in cell.paragraphs]))
        rows.append(cells)
    return rows


def _read_pdf(path: Path) -> str:
    """The text of each page in turn, without the pages' numbers; UserError for a PDF
    that is damaged, locked by a password, or only pictures of pages (scanned)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    instead = "请用文字版或 Word 文档导入，或复制文字后粘贴。"
    locked = UserError(f"“{path.name}”设有打开密码，无法读取其中的文字。{instead}")
    log = logging.getLogger("pypdf")  # its English warnings on a damaged file: not shown
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password only: readable
            raise locked
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise locked from None
    except DependencyError:  # AES: pypdf reads it only with the cryptography package
        raise UserError(f"“{path.name}”经过加密，本软件无法读取其中的文字。{instead}") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, RecursionError):  # pypdf's ways of failing on a damaged file
        raise UserError(f"“{path.name}”不是可读取的 PDF 文件（可能已损坏）。{instead}") from None
    finally:
        log.setLevel(level)
    lines = [line for page in pages for line in page.splitlines()
             if line.strip() and not _PAGE_NUMBER.match(line)]
    text = "\n".join(unwrap(lines))
    if not text.strip():
        raise UserError(f"“{path.name}”中没有可读取的文字（可能是扫描件），{instead}")
    return text


def _width(line: str) -> float:
    """The line's width in Chinese characters (a Latin letter or digit is half one)."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line.strip())


def unwrap(lines: list[str]) -> list[str]:
    """Paragraphs from a page's wrapped lines: a line about as wide as the text's full
    width (the widest tenth of the lines) goes on in the next, unless that one starts an
    item. A title, a short last line or a heading ends where it ends."""
    if len(lines) < 4:
        return lines
    widths = sorted(_width(line) for line in lines)
    full = widths[int(len(widths) * 0.9)]
    if full < LEAST_FULL:
        return lines
    paragraphs: list[str] = []
    going_on = False
    for line in lines:
        if going_on and not _ITEM_START.match(line):
            paragraphs[-1] += line.strip()
        else:
            paragraphs.append(line.strip())
        going_on = _width(line) >= full - FULL_SLACK
    return paragraphs
