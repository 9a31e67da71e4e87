"""Reading the ledgers' records: one record by its number, a page of them by a ``Query``
(dates, type, free text, order), how many there are, and the marks that say whether anything
changed (the audit log's head, each record's history). The SQL that turns a row, its people
and its free names back into the record core knows is here, and only here."""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS, Kind, LedgerSpec
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.store_base import StoreBase
from lianzheng_desktop.storage.tables import TABLES


@dataclass(frozen=True)
class Query:
    """Which records to list: all filters optional, dates inclusive."""

    start: date | None = None
    end: date | None = None
    type: str | None = None  # matches the ledger's type field
    search: str | None = None  # free text over the record's text and names
    limit: int | None = None
    offset: int = 0
    oldest_first: bool = False
    order_by: str | None = None  # a field key, or "late_entry"; None: the ledger's own order
    descending: bool = False  # with order_by


class RecordReads(StoreBase):
    """Every read of the unit's records."""

    def history(self, ledger_key: str, record_id: int) -> list:
        """The record's audit entries, oldest first (修改记录)."""
        return audit.history(self.db, ledger_key, record_id)

    def change_mark(self) -> tuple[int, str, str]:
        """What moves with every change the app writes (the audit log's head) and every
        form kept as a draft (which the trail leaves out): compared later, it says whether
        anything was changed or typed in between (revloss3 L-1: a half-typed record left
        open at closing was in no backup)."""
        # the drafts by their content as well as their time: a clock set back does not
        # hide what was typed (revdiff8 14)
        return self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM audit_log),"
            " (SELECT coalesce(max(saved_at), '') || '|' || count(*) || '|'"
            "  || coalesce(sum(length(fields)), 0) FROM record_draft),"
            " (SELECT coalesce(max(saved_at), '') || '|' || coalesce(sum(edits), 0)"
            "  FROM plan_check_draft)").fetchone()

    def is_empty(self) -> bool:
        """True when no ledger (roster included) holds a record."""
        return all(self.count(key) == 0 for key in TABLES)

    def latest_event_date(self) -> date | None:
        """The date of the latest event in any ledger (None when there is none)."""
        found = [self.db.execute(f"SELECT max({spec.date_field}) FROM {TABLES[key].table}"
                                 ).fetchone()[0]
                 for key, spec in LEDGERS.items() if spec.date_field]
        days = [date.fromisoformat(text) for text in found if text]
        return max(days, default=None)

    def event_days(self, start: date, end: date) -> set[date]:
        """The days from ``start`` to ``end`` (inclusive) on which any ledger has an event."""
        days: set[date] = set()
        for key, spec in LEDGERS.items():
            if spec.date_field:
                column = spec.date_field
                days.update(date.fromisoformat(row[0]) for row in self.db.execute(
                    f"SELECT DISTINCT {column} FROM {TABLES[key].table}"
                    f" WHERE {column} BETWEEN ? AND ?", [start.isoformat(), end.isoformat()]))
        return days

    def get(self, ledger_key: str, record_id: int) -> Record:
        sql, params = self._select(LEDGERS[ledger_key], Query(), where_id=record_id)
        rows = list(self.db.query(sql, params))
        if not rows:
            from lianzheng_desktop.storage.record_names import last_logged, record_words

            was = last_logged(self.db, ledger_key, record_id)  # named as the table showed it
            raise UserError(f"{LEDGERS[ledger_key].label}中找不到这条记录"
                            + (f"（{record_words(ledger_key, was)}）" if was else "")
                            + "，它可能已被删除。")
        return self._to_record(LEDGERS[ledger_key], rows[0])

    def list(self, ledger_key: str, query: Query = Query()) -> list[Record]:
        spec = LEDGERS[ledger_key]
        sql, params = self._select(spec, query)
        return [self._to_record(spec, row) for row in self.db.query(sql, params)]

    def count(self, ledger_key: str, query: Query = Query()) -> int:
        spec = LEDGERS[ledger_key]
        where, params = self._where(spec, query)
        sql = f"SELECT count(*) FROM {TABLES[spec.key].table} AS t {where}"
        return self.db.execute(sql, params).fetchone()[0]

    def _select(self, spec: LedgerSpec, query: Query, where_id: int | None = None):
        tmap = TABLES[spec.key]
        columns = ["t.*"]
        for key, column in tmap.person_columns.items():
            name = f"(SELECT name FROM person WHERE id = t.{column})"
            if key in tmap.free_names:  # a name from outside the roster
                name = f"COALESCE({name}, t.{tmap.free_names[key]})"
            columns.append(f"{name} AS {key}")
        for key, junction in tmap.people_tables.items():
            columns.append(
                f"(SELECT json_group_array(json_array(j.position, p.name)) FROM {junction} j"
                f" JOIN person p ON p.id = j.person_id WHERE j.record_id = t.id) AS {key}"
            )
        if where_id is not None:
            where, params = "WHERE t.id = ?", [where_id]
        else:
            where, params = self._where(spec, query)
        order = self._order(spec, query)
        sql = f"SELECT {', '.join(columns)} FROM {tmap.table} AS t {where} {order}"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        return sql, params

    def _where(self, spec: LedgerSpec, query: Query) -> tuple[str, builtins.list[Any]]:
        tmap = TABLES[spec.key]
        clauses: list[str] = []
        params: list[Any] = []
        if spec.date_field and query.start:
            clauses.append(f"t.{spec.date_field} >= ?")
            params.append(query.start.isoformat())
        if spec.date_field and query.end:
            clauses.append(f"t.{spec.date_field} <= ?")
            params.append(query.end.isoformat())
        if spec.type_field and query.type:
            clauses.append(f"t.{spec.type_field} = ?")
            params.append(query.type)
        for term in (query.search or "").split():  # every word must appear (as 查找 does)
            needle = f"%{_escape_like(term)}%"
            texts = [
                f"t.{f.key} LIKE ? ESCAPE '\\'"
                for f in spec.fields
                if f.kind in (Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE)
            ]
            params += [needle] * len(texts)
            for column in tmap.person_columns.values():
                texts.append(f"EXISTS (SELECT 1 FROM person p WHERE p.id = t.{column}"
                             " AND p.name LIKE ? ESCAPE '\\')")
                params.append(needle)
            for column in tmap.free_names.values():
                texts.append(f"t.{column} LIKE ? ESCAPE '\\'")
                params.append(needle)
            for junction in tmap.people_tables.values():
                texts.append(f"EXISTS (SELECT 1 FROM {junction} j JOIN person p ON"
                             " p.id = j.person_id WHERE j.record_id = t.id"
                             " AND p.name LIKE ? ESCAPE '\\')")
                params.append(needle)
            clauses.append("(" + " OR ".join(texts) + ")")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    @staticmethod
    def _order(spec: LedgerSpec, query: Query) -> str:
        if query.order_by is not None:
            return _column_order(spec, query.order_by, query.descending)
        direction = "ASC" if query.oldest_first else "DESC"
        if spec.key == "roster":
            ranks = " ".join(f"WHEN '{role}' THEN {i}" for i, role in enumerate(vocab.ROSTER_ROLES))
            return f"ORDER BY t.active DESC, CASE t.role {ranks} ELSE 9 END, t.id"
        return f"ORDER BY t.{spec.date_field} {direction}, t.id {direction}"

    @staticmethod
    def _to_record(spec: LedgerSpec, row: Mapping[str, Any]) -> Record:
        values: dict[str, Any] = {}
        for field in spec.fields:
            raw = row[field.key]
            if field.kind is Kind.DATE:
                values[field.key] = date.fromisoformat(raw) if raw else None
            elif field.kind is Kind.BOOL:
                values[field.key] = bool(raw)
            elif field.kind is Kind.PEOPLE:
                pairs = json.loads(raw) if raw else []
                values[field.key] = tuple(name for _, name in sorted(pairs))
            else:
                values[field.key] = raw
        return spec.record_type(
            id=row["id"],
            late_entry=bool(row["late_entry"]),
            created_at=_timestamp(row["created_at"]),
            updated_at=_timestamp(row["updated_at"]),
            **values,
        )


def _timestamp(text: str | None) -> datetime | None:
    """None for a timestamp the app did not write (the audit check reports such rows)."""
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _column_order(spec: LedgerSpec, key: str, descending: bool) -> str:
    """ORDER BY one column over every row (not just the rows loaded), then by number."""
    direction = "DESC" if descending else "ASC"
    if key == "late_entry":
        column = "t.late_entry"
    else:
        field = spec.field(key)  # KeyError for a field the ledger does not have
        # person and people fields are the selected names (aliases), the others columns
        column = key if field.kind in (Kind.PERSON, Kind.PEOPLE) else f"t.{key}"
        if field.kind is Kind.DATE:  # an empty date last whichever way
            return f"ORDER BY {column} IS NULL, {column} {direction}, t.id {direction}"
    return f"ORDER BY {column} {direction}, t.id {direction}"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
