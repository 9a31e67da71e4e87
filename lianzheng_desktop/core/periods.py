"""Quarters, half-years and years: the periods a plan and a report speak of."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

CHINESE_QUARTER = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number out of range: {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read "2022Q3" (also "2022-Q3", "2022q3")."""
        match = _QUARTER_RE.match(text)
        if not match:
            raise ValueError(f"not a quarter: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    @property
    def half_start(self) -> date:
        return date(self.year, 1 if self.number <= 2 else 7, 1)

    @property
    def half_end(self) -> date:
        return date(self.year, 6, 30) if self.number <= 2 else date(self.year, 12, 31)

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def label(self) -> str:
        """"2022年第三季度"."""
        return f"{self.year}年{CHINESE_QUARTER[self.number]}"

    def __str__(self) -> str:
        return self.code


def year_start(year: int) -> date:
    return date(year, 1, 1)


def year_end(year: int) -> date:
    return date(year, 12, 31)
