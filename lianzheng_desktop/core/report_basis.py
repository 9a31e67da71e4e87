"""A section the secretary typed over the drafts, and the drafts moving on since.

The drafts follow the records; a section once typed keeps what was typed, with the figures
of the day it was typed on. When the drafts of today differ from those it was typed over
(records added, an item completed, the report's date moved to the period's end), the typed
section may now contradict the appendix printed beside it: the secretary is told which
sentences the drafts now say otherwise, before the report is handed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

SHOWN = 2  # sentences quoted from the drafts of today


@dataclass(frozen=True)
class StaleSection:
    heading: str  # "一、履行全面从严治党…"
    as_of: date  # the report's date when the section was typed over its drafts
    news: tuple[str, ...]  # the drafts' sentences today that they did not have then


def _sentences(text: str) -> list[str]:
    """The clauses a section is made of, without their closing marks (a clause that ends
    a list with "。" instead of "；" is the same clause)."""
    return [s.strip() for s in re.split(r"[。；！？\n]+", text) if s.strip()]


def stale_sections(typed: Mapping[str, str], basis: Mapping[str, tuple[str, date]],
                   drafts: Mapping[str, str]) -> list[StaleSection]:
    """The typed sections whose drafts have changed since they were typed over them."""
    stale = []
    for heading in typed:
        if heading not in basis or heading not in drafts:
            continue
        then, as_of = basis[heading]
        if then == drafts[heading]:
            continue
        before = set(_sentences(then))
        news = tuple(s for s in _sentences(drafts[heading]) if s not in before)
        stale.append(StaleSection(heading, as_of, news))
    return stale


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def stale_note(stale: list[StaleSection]) -> str:
    """What to tell the secretary, in Chinese; "" when nothing is stale."""
    notes = []
    for section in stale:
        quoted = "、".join(f"“{s}”" for s in section.news[:SHOWN])
        notes.append(
            f"第{section.heading[0]}部分“{section.heading[2:]}”是对照{_day(section.as_of)}的"
            "台账改写的，此后台账、年度计划或报告日期有变化，按现在起草的文字已不同"
            + (f"，如{quoted}" if quoted else "")
            + "。请在“述廉述责报告”页核对这一部分的数字和日期，与附件一致后点“已核对”；"
            "也可点“按台账重新起草”。")
    return "\n".join(notes)
