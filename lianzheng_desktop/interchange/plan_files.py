"""Reading a plan document: plain text (any common Chinese encoding) or Word .docx."""

from __future__ import annotations

from pathlib import Path

from lianzheng_desktop.core.errors import UserError

_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def read_plan_file(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".doc":
        raise UserError("暂不支持 .doc 旧格式，请在 Word 或 WPS 中另存为 .docx 或 .txt 后再导入。")
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

    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError):
        raise UserError(f"“{path.name}”不是可读取的 Word 文档（.docx）。") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("".join(cell.text for cell in row.cells))
    return "\n".join(lines)
