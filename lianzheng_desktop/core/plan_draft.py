"""What reading a plan gives: its items, the requirements read, what could not be read.

Also the masks the reader reads through: quoted phrases and titles blanked (a title is never
an obligation), asides in brackets. Each keeps every index where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lianzheng_desktop.core.plan import Counts, Requirement
from lianzheng_desktop.core.plan_text import Node, section_of, title_of

ITEM_TEXT_LIMIT = 500  # a requirement keeps its own sentence, and the start of its item
MASK = "＿"
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "‘": "’", "《": "》"}


@dataclass
class PlanItem:
    id: str
    section: str
    title: str
    text: str


@dataclass
class Unread:
    item: str
    text: str
    reason: str


@dataclass
class PlanDraft:
    year: int | None
    items: list[PlanItem] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)  # looked like a requirement
    untracked: list[Unread] = field(default_factory=list)  # read, but weekly or daily

    def summary(self) -> str:
        """What was read, in one sentence; a plan read as no requirement says so plainly
        (an empty list after "其中 0 项有数量指标：" tells the secretary nothing)."""
        from lianzheng_desktop.core.plan_principles import PRINCIPLE_REASON

        items, found = len(self.items), len(self.requirements)
        principles = sum(1 for u in self.untracked if u.reason == PRINCIPLE_REASON)
        if not found and principles and principles == items:
            return (f"共读到 {items} 条工作要点，都是指导思想或总体目标（如“坚持以……为指导”"
                    "“营造……政治生态”），不作为检查事项，没有读出要做的具体工作。请在“年度计划”"
                    "中逐条添加本年度要开展的工作（如召开会议、开展警示教育、谈心谈话），"
                    "或确认导入的是工作要点正文。")
        aside = (f"另有 {principles} 条是指导思想或总体目标，只列出，不作为检查事项。"
                 if principles else "")
        if not found:
            return (f"共读到 {items} 条工作要点，但没有读出任何要求。{aside}请对照原文在"
                    "“年度计划”中逐条添加，或确认导入的是工作要点正文。")
        numeric = sum(1 for r in self.requirements if r.is_numeric)
        if not numeric:
            return (f"共读到 {items} 条工作要点、{found} 项要求，都没有数量指标"
                    f"（有相应记录或手工标记即算完成）。{aside}")
        return f"共读到 {items} 条工作要点、{found} 项要求，其中 {numeric} 项有数量指标。{aside}"

    @property
    def new_types(self) -> list[tuple[str, str]]:
        """(ledger, type) pairs the plan names that no built-in vocabulary has."""
        from lianzheng_desktop.core.ledgers import LEDGERS

        found: list[tuple[str, str]] = []
        for requirement in self.requirements:
            counts = requirement.counts
            if counts is None or not counts.types:
                continue
            spec = LEDGERS[counts.ledger]
            builtin = spec.field(spec.counted_by).choices if spec.counted_by else ()
            for name in counts.types:
                if name not in builtin and (counts.ledger, name) not in found:
                    found.append((counts.ledger, name))
        return found


def plan_item(node: Node) -> PlanItem:
    return PlanItem(node.id, section_of(node), title_of(node.text), node.text)


_MASKED = re.compile(f"{MASK}+")


def unmask(counts: Counts | None, original: str) -> Counts | None:
    """A type named from masked words (将“三会一课”开展情况报送…: 报送“＿＿＿＿”开展情况) with
    its blanks put back: from where the name's words stand in ``original`` (the mask keeps
    every index), else each blank from the first quoted phrase of its length."""
    if counts is None or MASK not in counts.label + "".join(counts.types):
        return counts
    masked = mask_quotes(original)

    def restore(name: str) -> str:
        for cut in range(len(name)):  # "报送" + the words as written: the longest tail found
            if MASK not in name[cut:]:
                break
            if (at := masked.find(name[cut:])) >= 0:
                return name[:cut] + original[at:at + len(name) - cut]
        quoted = [original[m.start():m.end()] for m in _MASKED.finditer(masked)]

        def back(blank: re.Match) -> str:
            same = next((q for q in quoted if len(q) == len(blank.group(0))), blank.group(0))
            if same in quoted:
                quoted.remove(same)
            return same

        return _MASKED.sub(back, name)

    return replace(counts, types=tuple(restore(t) for t in counts.types),
                   label=restore(counts.label))


def mask_quotes(text: str) -> str:
    """Blank out quoted phrases and titles, keeping every index where it was."""
    out, closing = [], None
    for ch in text:
        if closing is not None:
            if ch == closing:
                closing = None
                out.append(ch)
            else:
                out.append(MASK if ch != "\n" else ch)
        else:
            out.append(ch)
            if ch in _QUOTES:
                closing = _QUOTES[ch]
    return "".join(out)


def bracketed(text: str) -> list[bool]:
    """For each index, whether it stands inside （…） or (…)."""
    depth, marks = 0, []
    for ch in text:
        if ch in "（(":
            depth += 1
        marks.append(depth > 0)
        if ch in "）)" and depth:
            depth -= 1
    return marks


def mask_titles(text: str) -> str:
    """《…》 blanked: a title is never an obligation; a quoted mechanism can be one."""
    return re.sub(r"《[^》]*》", lambda m: MASK * len(m.group(0)), text)


def mask_parens(text: str) -> str:
    """(每月5日) in brackets is an aside, not a duty."""
    return re.sub(r"[（(][^（()）]*[）)]", lambda m: MASK * len(m.group(0)), text)
