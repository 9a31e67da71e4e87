"""The records a secretary keeps: one dataclass per ledger (台账).

Names of people are kept as names here; storage links them to the roster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

LATE_ENTRY_DAYS = 7  # entered more than this many days after the event: 补录
# The rule in words, said this one way on every page, in every command and in print: more
# than 7 days (超过). "7天以上/以后" would take in the 7th day, which is not 补录.
LATE_ENTRY_LIMIT = f"超过{LATE_ENTRY_DAYS}天"
LATE_ENTRY_MEANING = f"事情发生后{LATE_ENTRY_LIMIT}才录入"  # what a 补录 mark means
LATE_MARK = "（补录）"  # after a date (or an item's 问题) in print: entered late


def late_note(where: str) -> str:
    """The 注 under a printed table whose ``where`` (日期, 问题…) may carry LATE_MARK."""
    return f"注：{where}后注“补录”的，是{LATE_ENTRY_MEANING}的记录。"


@dataclass(kw_only=True)
class Record:
    id: int | None = None
    late_entry: bool = False  # 补录
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(kw_only=True)
class Person(Record):
    """人员名册 — one person in the roster."""

    name: str
    post: str = ""
    role: str
    active: bool = True
    joined_on: date | None = None  # 到岗日期, when known
    left_on: date | None = None  # 离岗日期, when known

    def in_post(self, day: date) -> bool:
        """On the roster on ``day``: arrived by then and not yet gone (the 离岗日期 is the
        last day in post). Marked 不在职 without a 离岗日期, a person counts on no day:
        when they left is not known."""
        return self.in_post_during(day, day)

    def in_post_during(self, start: date, end: date) -> bool:
        """In post on at least one day from ``start`` to ``end``."""
        if self.joined_on is not None and end < self.joined_on:
            return False
        if self.left_on is not None:
            return start <= self.left_on
        return self.active


def to_reach(roster: list[Person], start: date, day: date, reached: set[str]) -> list[Person]:
    """Whom a coverage from ``start`` to ``day`` is measured against: those in post on
    ``day``, and those ``reached`` in that time who have left since — covering them was
    work done, so the figure never shrinks when someone leaves."""
    return [p for p in roster
            if p.in_post(day) or (p.name in reached and p.in_post_during(start, day))]


@dataclass(kw_only=True)
class WarningSession(Record):
    """警示教育 — one warning-education session."""

    date: date
    form: str
    topic: str
    place: str = ""
    host: str = ""
    attendees: tuple[str, ...] = ()
    head_count: int = 0  # everyone present, roster attendees and outsiders
    summary: str = ""


@dataclass(kw_only=True)
class Talk(Record):
    """谈话记录 — one talk; a talk with three talkees is three 人次."""

    date: date
    type: str
    talker: str
    talkees: tuple[str, ...]
    one_on_one: bool = False  # 一对一问题性约谈
    summary: str = ""
    problems_found: str = ""

    @property
    def person_times(self) -> int:
        return len(self.talkees)


@dataclass(kw_only=True)
class RectificationItem(Record):
    """整改事项 — a problem found that must be fixed."""

    number: str = ""
    source: str
    description: str
    owner: str
    measures: str = ""
    found_date: date
    deadline: date
    status: str
    completed_date: date | None = None
    review_date: date | None = None  # 回头看
    review_conclusion: str = ""


@dataclass(kw_only=True)
class Activity(Record):
    """会议活动 — a meeting or other plan activity."""

    date: date
    type: str
    topic: str
    host: str = ""  # who held it or heard the report; several names with 、
    attendees: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True)
class UnitProfile:
    unit_name: str = ""
    org_name: str = ""
    secretary_name: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.unit_name or self.org_name or self.secretary_name)

    @property
    def names_another_unit(self) -> bool:
        """A unit is named and it is no trade union: the plan the software ships (a county
        trade union's) is not its own (a plain rule, not a guess at every union's name)."""
        names = self.unit_name + self.org_name
        return bool(names) and "工会" not in names


@dataclass(kw_only=True)
class Attachment:
    """佐证材料 — a file kept inside the app's data, attached to one record."""

    id: int | None = None
    ledger: str
    record_id: int
    file_name: str
    sha256: str
    size: int
    added_at: datetime | None = None
    note: str = field(default="")


def is_late_entry(event_date: date | None, entered: datetime) -> bool:
    return event_date is not None and (entered.date() - event_date).days > LATE_ENTRY_DAYS
