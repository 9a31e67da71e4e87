"""Deadline warnings as the county platforms show them: blue → yellow (5 days) → red.

One list for rectification items and unmet requirements, most urgent first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import NamedTuple

from lianzheng_desktop.core.checklist import Checklist, Status
from lianzheng_desktop.core.checklist_model import ChecklistItem
from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.record_source import is_open, review_since
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.requirement_names import named
from lianzheng_desktop.core.text import quoted

DUE_SOON_DAYS = 5
HAND_NOTICE_DAYS = 31  # duties without a number: said in the last month of their period
SHOWN_NAMES = 4
AFTER_EVERY_DEADLINE = 1000  # the days of a reminder with none: listed after the others


class WarningLevel(str, Enum):
    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"

    @property
    def label(self) -> str:
        return {"red": "逾期", "yellow": "临期", "blue": "提示"}[self.value]

    @property
    def colour(self) -> str:
        return {"red": "#c62828", "yellow": "#b26a00", "blue": "#1565c0"}[self.value]

    @property
    def rank(self) -> int:
        return {"red": 0, "yellow": 1, "blue": 2}[self.value]


@dataclass(frozen=True)
class Warning:
    level: WarningLevel
    text: str  # one Chinese sentence
    days: int  # days left (negative: overdue by)
    ledger: str | None = None  # "rectification" for an item, None for a requirement
    record_id: int | None = None
    requirement_id: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"level": self.level.value, "label": self.level.label, "text": self.text,
                "days": self.days, "ledger": self.ledger, "record_id": self.record_id,
                "requirement_id": self.requirement_id}


def deadline_level(item: RectificationItem, as_of: date) -> WarningLevel | None:
    """The colour of an open rectification item on ``as_of``; None once done by then (its
    完成日期, as the checklist counts it) or kept up long-term."""
    if not is_open(item, as_of):  # done by then, or 长期坚持 with its measures
        return None
    days = (item.deadline - as_of).days
    if days < 0:
        return WarningLevel.RED
    return WarningLevel.YELLOW if days <= DUE_SOON_DAYS else WarningLevel.BLUE


def rectification_warnings(items: Sequence[RectificationItem], as_of: date,
                           gone: Mapping[str, date] | None = None) -> list[Warning]:
    """``gone``: people who have left (name → 离岗日期), whose items need a new owner."""
    gone = gone or {}
    warnings = []
    for item in items:
        level = deadline_level(item, as_of)
        if level is None or item.found_date > as_of:
            continue
        days = (item.deadline - as_of).days
        name = f"整改事项{item.number}{quoted(_short(item.description))}"
        left = gone.get(item.owner)
        owner = (f"原责任人{item.owner}已于 {left.isoformat()} 离岗，请明确新的责任人"
                 if left is not None and left < as_of else f"责任人{item.owner}")
        if days < 0:
            text = f"{name}已逾期 {-days} 天（整改时限 {item.deadline.isoformat()}，{owner}）"
        elif days == 0:
            text = f"{name}今天到期（{owner}）"
        else:
            text = f"{name}还有 {days} 天到期（整改时限 {item.deadline.isoformat()}，{owner}）"
        warnings.append(Warning(level, text + "。", days, "rectification", item.id))
    return warnings


def _unmet_by_hand(checklist: Checklist) -> list[Warning]:
    """Duties without a number still owed: neither marked done nor met by a record. Said
    once per period end (a plan has many, "强化政治监督…"), in the period's last month."""
    owed: dict[date, list[ChecklistItem]] = {}
    for entry in checklist.items:
        counts = entry.requirement.counts
        if (entry.measure == "manual" and entry.status in (Status.ON_TRACK, Status.FAILED)
                and not (counts and counts.ledger == "rectification")):
            owed.setdefault(entry.period_end, []).append(entry)
    warnings = []
    for end, entries in owed.items():
        days = (end - checklist.as_of).days
        if days > HAND_NOTICE_DAYS:
            continue
        names = "、".join(quoted(named(e.requirement)) for e in entries[:SHOWN_NAMES]) + (
            f"等{len(entries)}项" if len(entries) > SHOWN_NAMES else "")
        day = f"{end.year}年{end.month}月{end.day}日"
        if days < 0 or entries[0].status is Status.FAILED:
            level, said = WarningLevel.RED, f"【未完成】截至{day}"
        else:
            level = WarningLevel.YELLOW if days <= DUE_SOON_DAYS else WarningLevel.BLUE
            said = f"【尚未开展】距{day}还有 {days} 天"
        warnings.append(Warning(level, f"{said}，{len(entries)}项没有数量指标的要求既无计入的"
                                f"记录、也未标记完成：{names}。已做的请录入记录（可在“计入要求”"
                                "中指定）或在“年度计划”中标记。", days))
    return warnings


def requirement_warnings(checklist: Checklist) -> list[Warning]:
    warnings = _unmet_by_hand(checklist)
    for entry in checklist.items:
        if entry.measure == "manual":
            continue  # no number to fall behind on: said together above
        days = (entry.period_end - checklist.as_of).days
        if entry.status is Status.FAILED and entry.handed_in_late:
            continue  # a return handed in late: nothing left to do (its item says when)
        if entry.status is Status.FAILED:
            level = WarningLevel.RED
        elif entry.status is Status.BEHIND:
            level = WarningLevel.YELLOW
        elif entry.status is Status.ON_TRACK and entry.measure != "manual" and days >= 0:
            level = WarningLevel.YELLOW if days <= DUE_SOON_DAYS else WarningLevel.BLUE
            if level is WarningLevel.BLUE and entry.period_end > checklist.quarter.end \
                    and not entry.requirement.handed_in_after:  # a return due now is said
                continue  # a yearly duty on track: nothing to say this quarter
        else:
            continue
        text = f"【{entry.label}】{named(entry.requirement)}：{entry.explanation}"  # as 附件1
        warnings.append(Warning(level, text, days, requirement_id=entry.id))
    return warnings


def owed_returns(checklist: Checklist) -> list[Warning]:
    """The returns on the periods that ended with ``checklist``'s quarter (its items:
    core.returns.ending_with), as of a day after: due soon, or not handed in by their
    deadline. A return handed in late is not owed any more."""
    warnings = []
    quarter = checklist.quarter
    for entry in checklist.items:
        if entry.status in (Status.DONE, Status.NOT_DUE) or entry.handed_in_late:
            continue
        days = (entry.period_end - checklist.as_of).days
        level = WarningLevel.RED if entry.status is Status.FAILED else \
            WarningLevel.YELLOW if days <= DUE_SOON_DAYS else WarningLevel.BLUE
        name = {Period.QUARTER: quarter.label,
                Period.HALF: f"{quarter.year}年{'上' if quarter.number <= 2 else '下'}半年"}.get(
                    entry.period, f"{quarter.year}年度")  # type: ignore[arg-type]
        text = f"【{entry.label}】{name}{quoted(named(entry.requirement))}：{entry.explanation}"
        warnings.append(Warning(level, text, days, requirement_id=entry.id))
    return warnings


def _review_duties(checklist: Checklist) -> list[ChecklistItem]:
    """The plan's duties to fix the items whole (做好巡察整改: done once each fixed item had
    its 回头看, checklist_unnumbered.check_rectification) — not a count of items."""
    return [e for e in checklist.items if e.measure == "manual"
            and e.requirement.counts is not None
            and e.requirement.counts.ledger == "rectification"]


def reviews_since(checklist: Checklist) -> date | None:
    """The earliest 完成日期 whose 回头看 the checklist still waits for; None: it asks none."""
    duties = _review_duties(checklist)
    return min(review_since(e.period_start) for e in duties) if duties else None


class Unreviewed(NamedTuple):
    """An item finished and not yet looked back at: what its reminder names of it (read
    in one query, not item by item: a 10-year file has hundreds)."""
    id: int
    number: str
    description: str
    source: str
    completed_date: date


def review_warning(checklist: Checklist, unreviewed: Sequence[Unreviewed]) -> list[Warning]:
    """Items finished and not yet looked back at, that the plan's 整改 duty waits for (its
    sources, finished since the year before its period: as the checklist counts them):
    one line, after those with a deadline. The paper named such an item a problem that
    首页 never mentioned (revjiwei10 K9); not an item of years ago, under a plan whose only
    整改 duty is a count (revdiff10 E5)."""
    duties = _review_duties(checklist)
    unreviewed = [i for i in unreviewed if any(
        (not d.requirement.counts or not d.requirement.counts.types
         or i.source in d.requirement.counts.types)
        and i.completed_date >= review_since(d.period_start) for d in duties)]
    if not unreviewed:
        return []
    names = "、".join(i.number or quoted(_short(i.description, 10))
                      for i in unreviewed[:SHOWN_NAMES])  # one line, as every reminder
    more = "等" if len(unreviewed) > SHOWN_NAMES else ""
    return [Warning(WarningLevel.BLUE, f"{len(unreviewed)}件整改事项已完成整改，尚未开展"
                    f"“回头看”（{names}{more}），开展后请在整改事项中填写回头看日期。",
                    AFTER_EVERY_DEADLINE, "rectification", unreviewed[0].id)]


def build_warnings(checklist: Checklist, rectification_items: Sequence[RectificationItem],
                   as_of: date | None = None, gone: Mapping[str, date] | None = None,
                   returns: Checklist | None = None,
                   unreviewed: Sequence[Unreviewed] = ()) -> list[Warning]:
    """Every warning, red first; within a colour the most overdue or soonest due first.
    ``returns``: the last periods' returns still owed (``owed_returns``); ``unreviewed``:
    items finished and not looked back at (``review_warning``)."""
    as_of = as_of or checklist.as_of
    warnings = rectification_warnings(rectification_items, as_of, gone)
    warnings += requirement_warnings(checklist)
    warnings += owed_returns(returns) if returns is not None else []
    warnings += review_warning(checklist, unreviewed)
    return sorted(warnings, key=lambda w: (w.level.rank, w.days))


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
