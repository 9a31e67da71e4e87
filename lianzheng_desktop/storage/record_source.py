"""The checklist's questions answered with indexed SQL aggregates (see core.record_source)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.plan import Counts
from lianzheng_desktop.core.record_source import (
    DOER_FIELDS,
    RecordRef,
    RectificationState,
    RectificationSummary,
    did_it,
    doers,
    item_name,
    review_since,
)
from lianzheng_desktop.storage.store import Store
from lianzheng_desktop.storage.tables import TABLES


class SqlSource:
    def __init__(self, store: Store):
        self._db = store.db
        self._linked_ledgers: set[str] | None = None

    def _has_links(self, ledger: str) -> bool:
        """Whether any record of ``ledger`` is linked (asked once; most files have none,
        and their queries stay the plain indexed ones)."""
        if self._linked_ledgers is None:
            self._linked_ledgers = {row[0] for row in self._db.execute(
                "SELECT DISTINCT ledger FROM record_requirement")}
        return ledger in self._linked_ledgers

    def _where(self, counts: Counts, start: date, end: date) -> tuple[str, list[Any]]:
        sql, params = self._where_kind(counts, start, end)
        if counts.by:  # held by these people (a person column: talks' talker)
            column = TABLES[counts.ledger].person_columns[DOER_FIELDS[counts.ledger]]
            sql += (f" AND t.{column} IN (SELECT id FROM person WHERE name IN"
                    f" ({', '.join('?' * len(counts.by))}))")
            params = [*params, *counts.by]
        return sql, params

    def _where_kind(self, counts: Counts, start: date, end: date) -> tuple[str, list[Any]]:
        spec = LEDGERS[counts.ledger]
        sql = f"t.{spec.date_field} BETWEEN ? AND ?"
        params: list[Any] = [start.isoformat(), end.isoformat()]
        by_type, type_params = "1", []
        if counts.types and spec.counted_by:
            by_type = f"t.{spec.counted_by} IN ({', '.join('?' * len(counts.types))})"
            type_params = list(counts.types)
        if counts.link is None or not self._has_links(counts.ledger):
            if counts.linked_only:  # none pointed anywhere (count() does not ask)
                return f"{sql} AND 0", params
            return f"{sql} AND {by_type}", params + type_params
        linked = "SELECT record_id FROM record_requirement WHERE ledger = ?"
        if counts.linked_only:
            sql += f" AND t.id IN ({linked} AND requirement_id = ?)"
            return sql, [*params, counts.ledger, counts.link]
        # pointed at another requirement that counts records: counted there only; pointed
        # at one marked by hand ("强化政治监督"), it is that duty's evidence and counts by
        # its type as before (a 党员大会 shown for "由书记主持" still is the month's 党员大会)
        taken = ("SELECT l.record_id FROM record_requirement l JOIN requirement r"
                 " ON r.id = l.requirement_id WHERE l.ledger = ? AND r.ledger IS NOT NULL")
        sql += (f" AND (({by_type} AND t.id NOT IN ({taken}))"
                f" OR t.id IN ({linked} AND requirement_id = ?))")
        return sql, [*params, *type_params, counts.ledger, counts.ledger, counts.link]

    def _people_table(self, counts: Counts) -> str | None:
        tables = TABLES[counts.ledger].people_tables
        return next(iter(tables.values()), None)

    def count(self, counts: Counts, start: date, end: date) -> int:
        if counts.linked_only and not self._has_links(counts.ledger):
            return 0  # nothing pointed anywhere in this ledger: no query (most files)
        where, params = self._where(counts, start, end)
        table = TABLES[counts.ledger].table
        return self._db.execute(f"SELECT count(*) FROM {table} t WHERE {where}",
                                params).fetchone()[0]

    def person_times(self, counts: Counts, start: date, end: date) -> int:
        junction = self._people_table(counts)
        if junction is None:
            return 0
        where, params = self._where(counts, start, end)
        table = TABLES[counts.ledger].table
        return self._db.execute(
            f"SELECT count(*) FROM {junction} j JOIN {table} t ON t.id = j.record_id"
            f" WHERE {where}", params).fetchone()[0]

    def reached(self, counts: Counts, start: date, end: date) -> set[str]:
        junction = self._people_table(counts)
        if junction is None:
            return set()
        where, params = self._where(counts, start, end)
        table = TABLES[counts.ledger].table
        # Per person, walk the span's records in date order and stop at the first one the
        # person took part in (CROSS JOIN keeps that order), so a reached person costs a
        # few index lookups however many years the ledger holds; only someone not reached
        # costs a walk through the span.
        rows = self._db.execute(
            f"SELECT p.name FROM person p WHERE EXISTS (SELECT 1 FROM {table} t"
            f" CROSS JOIN {junction} j WHERE {where} AND j.record_id = t.id"
            f" AND j.person_id = p.id)", params)
        return {row[0] for row in rows}

    def one_on_one(self, counts: Counts, start: date, end: date) -> int:
        if counts.ledger != "talk":
            return 0
        where, params = self._where(counts, start, end)
        return self._db.execute(f"SELECT count(*) FROM talk t WHERE {where} AND t.one_on_one = 1",
                                params).fetchone()[0]

    def refs(self, counts: Counts, start: date, end: date,
             one_on_one_only: bool = False) -> list[RecordRef]:
        if one_on_one_only and counts.ledger != "talk":
            return []  # only talks can be one-on-one
        where, params = self._where(counts, start, end)
        if one_on_one_only:
            where += " AND t.one_on_one = 1"
        spec = LEDGERS[counts.ledger]
        rows = self._db.execute(
            f"SELECT t.id FROM {TABLES[counts.ledger].table} t WHERE {where}"
            f" ORDER BY t.{spec.date_field}, t.id", params)
        return [RecordRef(counts.ledger, row[0]) for row in rows]

    def per_person(self, counts: Counts, start: date, end: date,
                   with_attendees: bool = False) -> dict[str, int]:
        """Per person, how many of the span's records they did (or attended)."""
        where, params = self._where(counts, start, end)
        tmap = TABLES[counts.ledger]
        field = DOER_FIELDS[counts.ledger]
        if field in tmap.person_columns:
            doer = f"(SELECT name FROM person WHERE id = t.{tmap.person_columns[field]})"
        else:
            doer = f"t.{field}"
        hosts: dict[int, set[str]] = {}
        for record_id, value in self._db.execute(
                f"SELECT t.id, {doer} FROM {tmap.table} t WHERE {where}", params):
            hosts[record_id] = doers(counts.ledger, value)
        attended: dict[int, set[str]] = {}
        junction = self._people_table(counts)
        if with_attendees and junction is not None:
            for record_id, name in self._db.execute(
                    f"SELECT j.record_id, p.name FROM {junction} j JOIN {tmap.table} t"
                    f" ON t.id = j.record_id JOIN person p ON p.id = j.person_id"
                    f" WHERE {where}", params):
                attended.setdefault(record_id, set()).add(name)
        done: dict[str, int] = {}
        for record_id, host in hosts.items():
            for name in did_it(host, attended.get(record_id, set()), counts, with_attendees):
                done[name] = done.get(name, 0) + 1
        return done

    def rectification_states(self, start: date, end: date,
                             sources: tuple[str, ...] = ()) -> list[RectificationState]:
        rows = self._db.execute(
            "SELECT status, trim(measures) != '', completed_date, review_date,"
            " found_date < :start, deadline, found_date FROM"
            f" rectification_item WHERE {_SPAN}{_sources(sources)} ORDER BY found_date, id",
            {"start": start.isoformat(), "end": end.isoformat(), **_named(sources)})
        return [RectificationState(status, bool(measures), _day(completed), _day(reviewed),
                                   bool(earlier), _day(deadline), _day(found))
                for status, measures, completed, reviewed, earlier, deadline, found in rows]

    def rectification_summary(self, start: date, end: date, day: date,
                              sources: tuple[str, ...] = (),
                              due: date | None = None) -> RectificationSummary:
        """Counted from an index (0012), so a year of thousands of items costs what a few
        do; 长期坚持 items with their measures count as fixed (read from the few such rows)."""
        span = {"start": start.isoformat(), "end": end.isoformat(), "day": day.isoformat(),
                "due": (due or day).isoformat(), **_named(sources)}
        only = _sources(sources)
        total, completed, completed_reviewed, carried = self._db.execute(
            _FIXED_SQL + only, span).fetchone()
        standing, standing_reviewed = self._db.execute(_STANDING_SQL + only, span).fetchone()
        missed = self._db.execute(_DUE_SQL + only, span).fetchone()[0]
        return RectificationSummary(total, completed + standing, standing,
                                    completed_reviewed + standing_reviewed, carried, missed)


    def unreviewed_before(self, start: date, day: date, sources: tuple[str, ...] = (),
                          named: int = 3) -> tuple[int, list[str]]:
        """core.record_source.unreviewed_before, counted from 0020's index."""
        where = ("completed_date >= :since AND completed_date < :start"
                 " AND found_date < :start AND status = :done"
                 f" AND (review_date IS NULL OR review_date > :day){_sources(sources)}")
        params = {"since": review_since(start).isoformat(), "start": start.isoformat(),
                  "day": day.isoformat(), "done": vocab.STATUS_DONE, **_named(sources)}
        count = self._db.execute(f"SELECT count(*) FROM rectification_item WHERE {where}",
                                 params).fetchone()[0]
        rows = self._db.execute(f"SELECT number, description FROM rectification_item"
                                f" WHERE {where} ORDER BY completed_date, id LIMIT {int(named)}",
                                params).fetchall() if count else []
        return count, [item_name(number, description) for number, description in rows]


# Found in the span, or before it and still open at its start (core.record_source's
# carried_over): a new year's 整改 carries the items the year before left open.
# Three terms, each answered from an index: 0012's for the span, 0014's for the items
# still open at its start (the unary + keeps the planner off found_date for the third,
# which would read every earlier item).
_SPAN = ("(found_date BETWEEN :start AND :end"
         " OR (completed_date IS NULL AND found_date < :start)"
         " OR (completed_date >= :start AND +found_date < :start))")
_FIXED_SQL = (
    "SELECT count(*), coalesce(sum(completed_date <= :day), 0),"
    " coalesce(sum(completed_date <= :day AND review_date <= :day), 0),"
    " coalesce(sum(found_date < :start), 0)"
    f" FROM rectification_item WHERE {_SPAN}")
_STANDING_SQL = (
    "SELECT count(*), coalesce(sum(review_date <= :day), 0) FROM rectification_item"
    f" WHERE {_SPAN} AND completed_date IS NULL"
    " AND status = '长期坚持' AND trim(measures) != ''")

# Still open on the day with the deadline missed by :due (core.record_source's
# RectificationState.due_by), found from 0015's
# covering index on completed_date; the unary + keeps the planner off the deadline index,
# which would walk every item of earlier years (1 ms on ten years, against 0.04).
_DUE_SQL = (
    "SELECT count(*) FROM rectification_item"
    f" WHERE {_SPAN} AND (completed_date IS NULL OR completed_date > :day)"
    " AND NOT (status = '长期坚持' AND trim(measures) != '') AND +deadline <= :due")


def _named(sources: tuple[str, ...]) -> dict[str, str]:
    return {f"source{n}": source for n, source in enumerate(sources)}


def _sources(sources: tuple[str, ...]) -> str:
    """" AND source IN (:source0, …)" for the items of some 问题来源 only."""
    if not sources:
        return ""
    return f" AND source IN ({', '.join(f':source{n}' for n in range(len(sources)))})"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
