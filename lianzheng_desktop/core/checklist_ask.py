"""The checklist's counting: what the record source answers for one requirement within one
span of days — how many records, how many of them were pointed at the requirement by hand
(计入要求), the person-times of talks, whom they reached, how many were one-on-one, and the
records themselves when the secretary asks to see them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from lianzheng_desktop.core.plan import Counts, Requirement
from lianzheng_desktop.core.record_source import RecordRef, RecordSource

# The ledgers whose records a requirement marked by hand can be pointed at: the forms
# that offer 计入要求.
EVENT_LEDGERS = ("warning_education", "talk", "activity")


@dataclass(frozen=True)
class Ask:
    """The source's answers for one requirement within one span of days."""

    source: RecordSource
    requirement: Requirement
    start: date
    end: date
    due: date | None = None  # the last day whose deadlines are missed (``end`` when None)

    def count(self) -> int:
        counts = self.requirement.counts
        return 0 if counts is None else self.source.count(counts, self.start, self.end)

    def count_pointed_here(self) -> int:
        """Of ``count``, the records pointed at this requirement (计入要求), whatever
        their type: they are not what the plan's label names. For a requirement marked by
        hand (no ledger of its own), those of every ledger."""
        return sum(self.source.count(counts, self.start, self.end)
                   for counts in self._pointed_here())

    def _pointed_here(self) -> list[Counts]:
        counts, key = self.requirement.counts, self.requirement.id
        if counts is not None:
            return [] if counts.link is None else [replace(counts, linked_only=True)]
        if key is None:
            return []
        return [Counts(ledger, link=key, linked_only=True) for ledger in EVENT_LEDGERS]

    def person_times(self) -> int | None:
        counts = self.requirement.counts
        if counts is None or counts.ledger != "talk":
            return None
        return self.source.person_times(counts, self.start, self.end)

    def reached(self) -> set[str]:
        counts = self.requirement.counts
        return set() if counts is None else self.source.reached(counts, self.start, self.end)

    def one_on_one(self) -> int:
        counts = self.requirement.counts
        return 0 if counts is None else self.source.one_on_one(counts, self.start, self.end)

    def refs(self, one_on_one_only: bool = False) -> Callable[[], list[RecordRef]]:
        counts, start, end, source = self.requirement.counts, self.start, self.end, self.source
        if counts is None:  # marked by hand: the records pointed at it, if any
            pointed = self._pointed_here()
            return lambda: [ref for c in pointed for ref in source.refs(c, start, end)]
        return lambda: source.refs(counts, start, end, one_on_one_only)


def with_link(requirement: Requirement) -> Requirement:
    """A copy whose counts know the requirement, so records linked to it count."""
    assert requirement.counts is not None
    return replace(requirement, counts=replace(requirement.counts, link=requirement.id))
