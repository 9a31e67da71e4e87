"""The questions the checklist asks of the records, answered by lists or by the store.

The checklist never needs whole records: how many count, how many 人次, which people were
reached, how many were one-on-one problem talks, and — only when someone looks — which
records they were. Storage answers these with indexed SQL aggregates, so a checklist costs
the same on ten years of ledgers as on one; ``ListSource`` answers them from lists.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, cast

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.in_post import doer_names
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.plan import Counts
from lianzheng_desktop.core.records import Record, RectificationItem


@dataclass(frozen=True)
class RecordRef:
    ledger: str
    id: int

    def to_json(self) -> dict[str, object]:
        return {"ledger": self.ledger, "id": self.id}


class RecordSource(Protocol):
    def count(self, counts: Counts, start: date, end: date) -> int: ...

    def person_times(self, counts: Counts, start: date, end: date) -> int: ...

    def reached(self, counts: Counts, start: date, end: date) -> set[str]: ...

    def one_on_one(self, counts: Counts, start: date, end: date) -> int: ...

    def refs(self, counts: Counts, start: date, end: date,
             one_on_one_only: bool = False) -> list[RecordRef]: ...

    def per_person(self, counts: Counts, start: date, end: date,
                   with_attendees: bool = False) -> dict[str, int]: ...

    def rectification_states(self, start: date, end: date,
                             sources: tuple[str, ...] = ()) -> list[RectificationState]: ...

    def rectification_summary(self, start: date, end: date, day: date,
                              sources: tuple[str, ...] = (),
                              due: date | None = None) -> RectificationSummary:
        """``sources``: only the items of these 问题来源 (all when empty); ``due``: the
        last day whose deadlines are missed (``day`` when None)."""
        ...

    def unreviewed_before(self, start: date, day: date, sources: tuple[str, ...] = (),
                          named: int = 3) -> tuple[int, list[str]]:
        """How many items fixed before ``start`` still await their 回头看 on ``day``
        (core.record_source.unreviewed_before), and the first ``named`` of them by 编号 or
        问题描述."""
        ...


@dataclass(frozen=True)
class RectificationSummary:
    """The items found in a span, as they stood on ``day``: how many, how many fixed (of
    which 长期坚持 with measures), how many of the fixed had their 回头看."""

    total: int = 0
    fixed: int = 0
    standing: int = 0
    reviewed: int = 0
    carried: int = 0  # of the total, found before the span and still open at its start
    due: int = 0  # of the open ones, those at or past their deadline on ``day``

    @staticmethod
    def of(states: list[RectificationState], day: date,
           due: date | None = None) -> RectificationSummary:
        """``due``: the last day whose deadlines are missed (``day`` when None)."""
        fixed = [s for s in states if s.fixed_by(day)]
        return RectificationSummary(len(states), len(fixed),
                                    sum(1 for s in fixed if s.completed is None),
                                    sum(1 for s in fixed if s.reviewed_by(day)),
                                    sum(1 for s in states if s.earlier),
                                    sum(1 for s in states if s.due_by(day, due)))


@dataclass(frozen=True)
class RectificationState:
    """How far one rectification item found in a span has got (as of its last change)."""

    status: str
    has_measures: bool
    completed: date | None = None  # 完成日期
    reviewed: date | None = None  # 回头看日期
    earlier: bool = False  # found before the span (carried over into it)
    deadline: date | None = None  # 整改时限
    found: date | None = None  # 发现日期

    def fixed_by(self, day: date) -> bool:
        """Fixed as of ``day``: completed by then, or 长期坚持 with its measures."""
        if self.completed is not None:
            return self.completed <= day
        return self.status == "长期坚持" and self.has_measures

    def reviewed_by(self, day: date) -> bool:
        return self.reviewed is not None and self.reviewed <= day

    def due_by(self, day: date, due: date | None = None) -> bool:
        """Still open on ``day`` (neither completed nor 长期坚持 with its measures) with its
        deadline missed by ``due`` (``day`` when None; see last_day_over): what the report
        calls 到期未完成 (is_due, below, for a whole item)."""
        return (not self.fixed_by(day)
                and self.deadline is not None and self.deadline <= (due or day))


# -- one test of "done", "open" and "due" for every section of the report ---------

def done_by(item: RectificationItem, day: date) -> bool:
    return item.completed_date is not None and item.completed_date <= day


def is_standing(item: RectificationItem, day: date) -> bool:
    """长期坚持 with its 整改措施, and not completed: fixed, the measures go on (as
    RectificationState.fixed_by counts it). 长期坚持 with no measure written is still open:
    three rules had one report say 长期坚持2件 in 一 and 1件 in 三 of the same items."""
    return (not done_by(item, day) and item.status == vocab.STATUS_ONGOING
            and bool(item.measures.strip()))


def is_open(item: RectificationItem, day: date) -> bool:
    return not done_by(item, day) and not is_standing(item, day)


def last_day_over(as_of: date, today: date | None) -> date:
    """The last day whose deadlines are missed as of ``as_of``: the day before while
    ``as_of`` is today (it can still be met today), else ``as_of`` itself."""
    return as_of - timedelta(days=1) if today is not None and as_of >= today else as_of


def is_due(item: RectificationItem, day: date, due: date | None = None) -> bool:
    """Open on ``day`` with its deadline missed by ``due`` (``day`` when None; see
    last_day_over): a problem in section 三, carried forward in 四."""
    return is_open(item, day) and item.deadline <= (due or day)  # 长期坚持 with its
    # measures has no deadline to miss; with none written it is open like any other


def due_today(item: RectificationItem, day: date, due: date | None) -> bool:
    """Open on ``day`` with its deadline ``day`` itself, not yet missed (``due`` the day
    before: a paper made on the day): "今日到期", neither on time nor 到期未完成."""
    return due is not None and due < day and is_open(item, day) and item.deadline == day


def review_since(start: date) -> date:
    """How far back a fix still awaits its 回头看 in a span from ``start``: the year before
    (an item fixed last December and never looked back at is not yet 销号)."""
    return start.replace(year=start.year - 1) if (start.month, start.day) != (2, 29) \
        else date(start.year - 1, 2, 28)


def unreviewed_before(item: RectificationItem, start: date, day: date) -> bool:
    """Found and completed before ``start`` (within review_since), its 回头看 not done by
    ``day``: a span's 整改 is not done while it waits, though the item is not the span's."""
    return (item.status == vocab.STATUS_DONE and item.completed_date is not None
            and review_since(start) <= item.completed_date < start
            and item.found_date < start
            and (item.review_date is None or item.review_date > day))


def carried_over(item: RectificationItem, start: date) -> bool:
    """Found before ``start`` and not yet fixed then: a span's 整改 carries it (a new year's
    checklist and report speak of the items still open from the year before)."""
    return item.found_date < start and (item.completed_date is None
                                        or item.completed_date >= start)


def item_name(number: str | None, description: str) -> str:
    """An item as the secretary finds it: its 编号, else the start of its 问题描述."""
    return number or (description if len(description) <= 16 else description[:16] + "…")


DOER_FIELDS = {"warning_education": "host", "talk": "talker", "rectification": "owner",
               "activity": "host"}
"""Who did the thing a record records: the host of a session or meeting (or the member
who heard a report), the talker, the owner of an item. Free-text hosts may hold several
names separated by 、 or ，."""


def doers(ledger: str, value: object) -> set[str]:
    """The names in a record's doer field."""
    return set(doer_names(value))


def reported_upward(counts: Counts) -> bool:
    """Records of members reporting to the branch (向党组织汇报, 书面报告): their 负责人 is
    the one who heard it, so a member's own duty to report counts those who reported —
    the attendees — not the 书记 who listened (reviewer revnew, N-check-1)."""
    return any(("汇报" in t or "报告" in t) and "听取" not in t for t in counts.types)


def did_it(host: set[str], attendees: set[str], counts: Counts,
           with_attendees: bool) -> set[str]:
    """Who did a record's thing for a per-person duty (per_person of both sources)."""
    if not with_attendees:
        return host
    if reported_upward(counts) and attendees:
        return attendees
    return host | attendees


class ListSource:
    """Answers from records in memory (tests, and callers that already hold them)."""

    def __init__(self, records: Mapping[str, Sequence[Record]],
                 links: Mapping[tuple[str, int], set[int]] | None = None,
                 marked_by_hand: Collection[int] = ()):
        self._records = records
        self._links = links or {}  # (ledger, record id) → the requirements it is linked to
        # requirements that count no records: a record pointed there still counts by type
        self._by_hand = set(marked_by_hand)

    def _counts_for(self, counts: Counts, record: Record) -> bool:
        spec = LEDGERS[counts.ledger]
        if counts.by and not doers(counts.ledger, getattr(
                record, DOER_FIELDS[counts.ledger])) & set(counts.by):
            return False
        linked = self._links.get((counts.ledger, record.id or 0)) or set()
        if counts.link is not None:
            if counts.linked_only or counts.link in linked:
                return counts.link in linked
            if linked - self._by_hand:  # pointed at another requirement that counts
                return False
        return not counts.types or getattr(record, str(spec.counted_by)) in counts.types

    def _matching(self, counts: Counts, start: date, end: date) -> list[Record]:
        field = str(LEDGERS[counts.ledger].date_field)  # the event ledgers all have one
        found = []
        for record in self._records.get(counts.ledger, ()):
            day = getattr(record, field)
            if start <= day <= end and self._counts_for(counts, record):
                found.append(record)
        return sorted(found, key=lambda r: (getattr(r, field), r.id or 0))

    def count(self, counts: Counts, start: date, end: date) -> int:
        return len(self._matching(counts, start, end))

    @staticmethod
    def _people(record: Record) -> tuple[str, ...]:
        """The people a record reaches: a talk's talkees, a session's roster attendees."""
        return getattr(record, "talkees", ()) or getattr(record, "attendees", ())

    def person_times(self, counts: Counts, start: date, end: date) -> int:
        return sum(len(self._people(r)) for r in self._matching(counts, start, end))

    def reached(self, counts: Counts, start: date, end: date) -> set[str]:
        names: set[str] = set()
        for record in self._matching(counts, start, end):
            names.update(self._people(record))
        return names

    def one_on_one(self, counts: Counts, start: date, end: date) -> int:
        return sum(1 for r in self._matching(counts, start, end) if getattr(r, "one_on_one", 0))

    def per_person(self, counts: Counts, start: date, end: date,
                   with_attendees: bool = False) -> dict[str, int]:
        done: dict[str, int] = {}
        for record in self._matching(counts, start, end):
            names = did_it(doers(counts.ledger, getattr(record, DOER_FIELDS[counts.ledger], "")),
                           set(self._people(record)), counts, with_attendees)
            for name in names:
                done[name] = done.get(name, 0) + 1
        return done

    def rectification_states(self, start: date, end: date,
                             sources: tuple[str, ...] = ()) -> list[RectificationState]:
        items = cast(list[RectificationItem], self._records.get("rectification", ()))
        return [RectificationState(r.status, bool(r.measures.strip()), r.completed_date,
                                   r.review_date, r.found_date < start, r.deadline,
                                   r.found_date)
                for r in sorted(items, key=lambda r: (r.found_date, r.id or 0))
                if (start <= r.found_date <= end or carried_over(r, start))
                and (not sources or r.source in sources)]

    def rectification_summary(self, start: date, end: date, day: date,
                              sources: tuple[str, ...] = (),
                              due: date | None = None) -> RectificationSummary:
        return RectificationSummary.of(self.rectification_states(start, end, sources), day,
                                       due)

    def unreviewed_before(self, start: date, day: date, sources: tuple[str, ...] = (),
                          named: int = 3) -> tuple[int, list[str]]:
        items = cast(list[RectificationItem], self._records.get("rectification", ()))
        found = sorted((r for r in items if unreviewed_before(r, start, day)
                        and (not sources or r.source in sources)),
                       key=lambda r: (r.completed_date, r.id or 0))
        return len(found), [item_name(r.number, r.description) for r in found[:named]]

    def refs(self, counts: Counts, start: date, end: date,
             one_on_one_only: bool = False) -> list[RecordRef]:
        return [RecordRef(counts.ledger, r.id) for r in self._matching(counts, start, end)
                if r.id is not None and (not one_on_one_only or getattr(r, "one_on_one", False))]
