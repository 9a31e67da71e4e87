"""A report as a neutral document: what the PDF and the Word file both print."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lianzheng_desktop.core.periods import Quarter

SECTION_HEADINGS = (
    "一、履行全面从严治党（党风廉政建设）责任情况",
    "二、个人廉洁自律情况",
    "三、存在的问题及原因",
    "四、下一步工作打算",
)
PERSONAL_PROMPT = (
    "请本人填写，可围绕以下方面：学习贯彻中央八项规定及其实施细则精神情况；"
    "执行领导干部个人有关事项报告制度情况；廉洁用权、秉公办事情况；"
    "注重家庭家教家风、管好配偶子女和身边工作人员情况；"
    "有无违规收送礼品礼金、违规吃喝等问题。"
)
REASONS_PROMPT = ("请在问题之后分析原因，如：思想认识不够到位、工作统筹不够、制度执行不够严格等。"
                  "原因要结合本单位实际，避免照抄往年。")
# Shown in the editor only (as its placeholder text), never printed.
EDITOR_PROMPTS = {
    SECTION_HEADINGS[0]: "由台账数据起草，可直接修改。每段一行；以“（一）”开头的行作为小标题。",
    SECTION_HEADINGS[1]: PERSONAL_PROMPT,
    SECTION_HEADINGS[2]: "由责任清单和整改台账起草。" + REASONS_PROMPT,
    SECTION_HEADINGS[3]: "由下一阶段的计划要求和未完成事项起草，可直接修改。",
}
# Prompts earlier versions put into the text itself; dropped wherever they are found.
OLD_PROMPT_STARTS = ("（请本人填写", "（请结合实际分析原因")
_LEVEL2_RE = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass(frozen=True)
class ReportPeriod:
    """A quarter, or a whole year (``quarter`` None)."""

    year: int
    quarter: int | None = None

    @classmethod
    def parse(cls, code: str) -> ReportPeriod:
        """"2022Q3" or "2022"."""
        code = code.strip()
        if code.isdigit() and len(code) == 4:
            return cls(int(code))
        q = Quarter.parse(code)
        return cls(q.year, q.number)

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def start(self) -> date:
        return Quarter(self.year, self.quarter).start if self.quarter else date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return Quarter(self.year, self.quarter).end if self.quarter else date(self.year, 12, 31)

    @property
    def checklist_quarter(self) -> Quarter:
        return Quarter(self.year, self.quarter or 4)

    @property
    def label(self) -> str:
        """"2022年第三季度" or "2022年度"."""
        return Quarter(self.year, self.quarter).label if self.quarter else f"{self.year}年度"

    @property
    def noun(self) -> str:
        return "本季度" if self.quarter else "本年度"

    @property
    def next(self) -> ReportPeriod:
        if self.quarter is None:
            return ReportPeriod(self.year + 1)
        q = Quarter(self.year, self.quarter).next()
        return ReportPeriod(q.year, q.number)


@dataclass
class Paragraph:
    text: str
    level: int = 0  # 0 body, 2 a "（一）" subheading (楷体)


@dataclass
class Section:
    heading: str  # "一、…", printed in 黑体
    paragraphs: list[Paragraph] = field(default_factory=list)

    @classmethod
    def from_text(cls, heading: str, text: str) -> Section:
        """One paragraph per non-empty line; lines opening with （一） are subheadings."""
        paragraphs = []
        for line in text.splitlines():
            line = line.strip()
            if line:
                paragraphs.append(Paragraph(line, 2 if _LEVEL2_RE.match(line) else 0))
        return cls(heading, paragraphs)

    def to_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Appendix:
    title: str  # "附件1  2022年第三季度责任清单"
    columns: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    empty: str = "（本期无记录）"  # printed across the table when it has no rows
    note: str = ""  # a line under the table ("注：…")


@dataclass
class ReportDocument:
    title: str
    meta: list[str]  # lines under the title: reporter, unit, period
    sections: list[Section]
    appendices: list[Appendix] = field(default_factory=list)
    period: ReportPeriod | None = None
    closing: list[str] = field(default_factory=list)  # signature and date, right-aligned

    def section_texts(self) -> dict[str, str]:
        return {s.heading: s.to_text() for s in self.sections}


def unwritten_sections(document: ReportDocument) -> list[str]:
    """The headings of sections with no text: the reporter has not written them."""
    return [s.heading for s in document.sections if not s.paragraphs]
