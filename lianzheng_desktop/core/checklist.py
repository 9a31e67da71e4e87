"""The quarterly checklist: each requirement of the plan checked against the records.

Semantics (domain.md, "Checklist semantics"): records are counted from the period's start
to the checkpoint — the quarter's end, or the as-of date if earlier. A period is over on
its last day. Before it is over a requirement is compared with a pro-rated expectation:
floor(target × elapsed units / units), units being quarters of a year or half-year and
months of a quarter; so ≥ 4 a year means ≥ 1 by the end of Q1, ≥ 2 by Q2, and a once-a-
quarter duty is only failed when the quarter has ended without it.

Here: which check each requirement takes. The parts, each in a module of its own: the
periods and deadlines (``checklist_window``), the counting (``checklist_ask``), the checks
with a number to reach (``checklist_measures``), the roles and coverage
(``checklist_people``), the checks without a number (``checklist_unnumbered``) and the
words (``checklist_words``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from lianzheng_desktop.core.checklist_ask import Ask, with_link
from lianzheng_desktop.core.checklist_measures import (
    check_count,
    check_monthly,
    check_per_person,
    check_share,
)
from lianzheng_desktop.core.checklist_model import Checklist, ChecklistItem, Status
from lianzheng_desktop.core.checklist_people import check_coverage, held_by_role, people_in_role
from lianzheng_desktop.core.checklist_unnumbered import check_unnumbered
from lianzheng_desktop.core.checklist_window import not_due, window_of
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Plan, Requirement
from lianzheng_desktop.core.record_source import ListSource, RecordSource, last_day_over
from lianzheng_desktop.core.records import Person, Record


def build_checklist(plan: Plan, records: Mapping[str, Sequence[Record]] | RecordSource,
                    roster: Sequence[Person], quarter: Quarter, as_of: date,
                    today: date | None = None) -> Checklist:
    """Check every requirement of ``plan`` for ``quarter`` as it stands on ``as_of``.

    ``records`` is a RecordSource (storage answers with SQL aggregates) or a mapping of
    ledger key to records; nothing here reads the database. ``today``: a deadline that
    falls on it is not yet missed (see record_source.last_day_over).
    """
    source = ListSource(records) if isinstance(records, Mapping) else records
    due_day = last_day_over(as_of, today)
    items: list[ChecklistItem] = []
    for requirement in plan.requirements:
        items += _check(requirement, source, roster, quarter, as_of, today, due_day)
    return Checklist(quarter, as_of, items, due_day)


def _check(requirement: Requirement, source: RecordSource, roster: Sequence[Person],
           quarter: Quarter, as_of: date, today: date | None,
           due_day: date) -> list[ChecklistItem]:
    key = str(requirement.id if requirement.id is not None else requirement.item)
    if requirement.period is Period.MONTH and requirement.target is not None:
        return [check_monthly(key, requirement, source, quarter, as_of, roster)]
    window = window_of(requirement, quarter, as_of, today)
    if window.checkpoint < window.start:
        return [not_due(key, requirement, window, quarter)]
    if requirement.counts is not None and requirement.id is not None:
        requirement = with_link(requirement)
    ask = Ask(source, requirement, window.start, window.checkpoint,
              min(due_day, window.checkpoint))
    items = []
    role = requirement.role
    if requirement.target is not None and role is not None and role.per_person \
            and requirement.counts is not None \
            and people_in_role(role, roster, window.checkpoint):
        items.append(check_per_person(key, requirement, window, quarter, ask, roster))
    elif requirement.target is not None:
        items.append(check_count(key, requirement, window, quarter, ask))
    if requirement.coverage is not None or requirement.share is not None:
        ask = Ask(source, held_by_role(requirement, roster, window), window.start,
                  window.checkpoint)
    if requirement.coverage is not None:
        items.append(check_coverage(key, requirement, window, ask, roster))
    if requirement.share is not None:
        items.append(check_share(key, requirement, window, ask))
    if not items:
        items.append(check_unnumbered(key, requirement, window, ask))
    return items


__all__ = ["Checklist", "ChecklistItem", "Status", "build_checklist"]
