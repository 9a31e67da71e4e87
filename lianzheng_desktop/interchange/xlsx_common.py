"""What export and import share: the sheets, in order, and a column's header."""

from __future__ import annotations

from dataclasses import dataclass

from lianzheng_desktop.core.ledgers import FieldSpec

SHEET_ORDER = ("roster", "warning_education", "talk", "rectification", "activity")
# When an imported row and a kept record are the same entry (xlsx_plan says what follows).
KEY_RULES = {
    "roster": "姓名相同",
    "warning_education": "日期、形式、主题相同",
    "talk": "日期、类型、谈话人、谈话对象（不计先后）相同",
    "rectification": "发现日期、问题来源相同，且编号相同（没有编号时问题描述相同）",
    "activity": "日期、类型、主题相同",
}


def header(spec_field: FieldSpec) -> str:
    """A column's header; a required column's carries an asterisk ("日期*")."""
    return spec_field.label + ("*" if spec_field.required else "")


def label_of(header_text: str) -> str:
    """The field label a header names: "日期*", "日期＊" and " 日期 " all name 日期."""
    return header_text.strip().rstrip("*＊").strip()


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int  # the spreadsheet's row number (header is row 1); 0 for the whole sheet
    column: str  # the column's label, or "" for the whole row / sheet
    reason: str

    def __str__(self) -> str:
        where = f"{self.sheet} 第{self.row}行" if self.row else self.sheet
        if self.column:
            where += f" “{self.column}”列"
        return f"{where}：{self.reason}"
