"""What a checklist is: its items, their statuses, and how each reads (no engine here;
``core.checklist`` builds them from the plan and the records)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement
from lianzheng_desktop.core.record_source import RecordRef
from lianzheng_desktop.core.text import tidy


class Status(str, Enum):
    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAILED = "failed"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def colour(self) -> str:
        return _STATUS_COLOURS[self]


_STATUS_LABELS = {Status.DONE: "已完成", Status.ON_TRACK: "进行中", Status.BEHIND: "滞后",
                  Status.FAILED: "未完成", Status.NOT_DUE: "未到期"}
NOT_STARTED_LABEL = "尚未开展"  # ChecklistItem.label of an ON_TRACK duty with no record
NOT_STARTED_COLOUR = "#546e7a"
_STATUS_COLOURS = {Status.DONE: "#2e7d32", Status.ON_TRACK: "#1565c0", Status.BEHIND: "#b26a00",
                   Status.FAILED: "#c62828", Status.NOT_DUE: "#757575"}


@dataclass
class ChecklistItem:
    id: str  # the requirement's id, with "-coverage" / "-share" for those measures
    requirement: Requirement
    measure: str  # "count", "coverage", "share" or "manual"
    period: Period | None
    period_start: date
    period_end: date
    target: int | None  # for the whole period: a count, or a percentage
    expected: int | None  # what should stand by the quarter's end (pro-rated)
    actual: int | None  # count, or percentage (None when it cannot be computed)
    status: Status
    explanation: str
    find_records: Callable[[], list[RecordRef]] = field(default=list, repr=False,
                                                         compare=False)
    person_times: int | None = None  # 人次, for talks
    _records: list[RecordRef] | None = field(default=None, repr=False, compare=False)
    people: dict[str, int] | None = None  # a duty of each person: what each has done
    missing: list[str] = field(default_factory=list)  # … and who has not met it yet
    behind: list[str] = field(default_factory=list)  # … of them, who is behind the pace
    # an annual report's duty of each quarter (or half-year): each period's own item
    periods: list[tuple[str, ChecklistItem]] = field(default_factory=list, repr=False,
                                                     compare=False)
    # a duty of each month: (month, how many) for each month of the quarter begun so far
    months: tuple[tuple[int, int], ...] = ()
    # a duty of each person, each month: their (month, how many) (每名班子成员每月…)
    each_month: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    # a return not handed in by its deadline: how many were handed in since (of a duty of
    # each, how many of those missing it handed theirs in since)
    late: int = 0
    late_names: tuple[str, ...] = ()  # … and who they are, for a duty of each

    @property
    def handed_in_late(self) -> bool:
        """Missed by its deadline, and all of it handed in since: nothing left to do."""
        owed = len(self.missing) if self.measure == "per_person" else (self.target or 1)
        return bool(self.late) and self.late >= owed

    @property
    def records(self) -> list[RecordRef]:
        """The records that count for this item (asked of the source when first needed)."""
        if self._records is None:
            self._records = self.find_records()
        return self._records

    @property
    def without_record(self) -> bool:
        """A duty without a number that no record counts toward, nor marked done: nothing
        shows it under way (the 整改 duty's records are its items, never "without")."""
        counts = self.requirement.counts
        return (self.measure == "manual" and not self.actual and self.status is not Status.DONE
                and not (counts is not None and counts.ledger == "rectification"))

    @property
    def nothing_yet(self) -> bool:
        """A duty with a number, running, at nought so far ("本季度尚未开展集中警示教育")."""
        counts = self.requirement.counts
        # a duty of each person counts who has met it: the 书记's 3 of 4 meetings are not
        # nought (revjiwei5: "尚未开展" printed beside "王建国3次，要求不少于4次")
        # a share is begun with the first talk, whatever its share (revjiwei5 F5: "尚未
        # 开展" beside "本季度廉政约谈1次，其中“一对一”问题性约谈0次")
        done = (any(self.people.values()) if self.people is not None else
                self.actual is not None if self.measure == "share" else self.actual)
        return (self.status is Status.ON_TRACK and self.measure != "manual" and not done
                and not (counts is not None and counts.ledger == "rectification"))

    @property
    def label(self) -> str:
        """The status as printed (附件1): such a duty while its period runs is "尚未开展",
        not "进行中" (which says work is under way that no record shows); so is a duty
        with a number at nought so far."""
        if self.status is Status.ON_TRACK and (self.without_record or self.nothing_yet):
            return NOT_STARTED_LABEL
        return self.status.label

    @property
    def colour(self) -> str:
        """The status colour, 尚未开展 in blue-grey apart from 进行中's blue."""
        return NOT_STARTED_COLOUR if self.label == NOT_STARTED_LABEL else self.status.colour

    @property
    def unit(self) -> str:
        if self.measure == "per_person":
            return "人"
        return "%" if self.measure in ("coverage", "share") else self.requirement.unit

    def __post_init__(self) -> None:
        self.explanation = tidy(self.explanation)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "item": self.requirement.item, "text": self.requirement.text,
            "measure": self.measure, "period": self.period.value if self.period else None,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "target": self.target, "expected": self.expected, "actual": self.actual,
            "unit": self.unit, "status": self.status.value, "status_label": self.label,
            "explanation": self.explanation, "records": [r.to_json() for r in self.records],
            "role": self.requirement.role.value if self.requirement.role else None,
            "people": self.people, "missing": self.missing,
        }


@dataclass
class Checklist:
    quarter: Quarter
    as_of: date
    items: list[ChecklistItem]
    # Deadlines up to this day are missed: ``as_of`` once its day is over, the day before
    # while it is today (an item due today can still be closed today). None: ``as_of``.
    due_day: date | None = None

    @property
    def missed_up_to(self) -> date:
        return self.due_day or self.as_of

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status is status)

    @property
    def requirement_count(self) -> int:
        """How many of the plan's requirements the items check: one requirement may be
        checked by several measures (its count, coverage and share of problem talks)."""
        return len({id(item.requirement) for item in self.items})

    def scope(self, gap: str = " ") -> str:
        """"8 项要求", or "23 项要求、27 项指标" where some are checked by several measures
        (the plan says 23: a count of 27 "要求" would contradict it)."""
        requirements, measures = self.requirement_count, len(self.items)
        if requirements == measures:
            return f"{requirements}{gap}项要求"
        return f"{requirements}{gap}项要求、{measures}{gap}项指标"

    @property
    def summary(self) -> str:
        """"本季度 8 项要求：已完成 5，进行中 1，滞后 1，未完成 1"."""
        labels = [item.label for item in self.items]  # as printed: 尚未开展 apart
        order = [Status.DONE.label, Status.ON_TRACK.label, NOT_STARTED_LABEL,
                 *(s.label for s in Status if s not in (Status.DONE, Status.ON_TRACK))]
        parts = [f"{label} {labels.count(label)}" for label in order if labels.count(label)]
        if not parts:
            return "本季度没有要求"
        return f"本季度 {self.scope()}：" + "，".join(parts)

    def to_json(self) -> dict[str, object]:
        return {"quarter": self.quarter.code, "as_of": self.as_of.isoformat(),
                "summary": self.summary, "items": [i.to_json() for i in self.items]}
