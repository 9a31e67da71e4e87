"""What export and import share: the sheets, in order, and a column's header."""

from __future__ import annotations

from dataclasses import dataclass

from lianzheng_desktop.core.ledgers import FieldSpec

SHEET_ORDER = ("roster", "warning_education", "talk", "rectification", "activity")


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
