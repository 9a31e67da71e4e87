"""The ledgers in SQLite: one repository for every ledger, driven by its ``LedgerSpec``."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date, datetime
from typing import Any, cast

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import FieldError, UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS, Kind, LedgerSpec, build_record
from lianzheng_desktop.core.records import Person, Record, UnitProfile, is_late_entry
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.db import Database


@dataclass(frozen=True)
class TableMap:
    table: str
    person_columns: Mapping[str, str]  # field → column holding a person id
    people_tables: Mapping[str, str]  # field → junction table (record_id, person_id, position)
    # field → column holding a name from outside the roster (the id column then NULL)
    free_names: Mapping[str, str] = dataclass_field(default_factory=dict)


TABLES: dict[str, TableMap] = {
    "roster": TableMap("person", {}, {}),
    "warning_education": TableMap("warning_session", {}, {"attendees": "warning_session_attendee"}),
    "talk": TableMap("talk", {"talker": "talker_id"}, {"talkees": "talk_talkee"},
                     {"talker": "talker_name"}),
    "rectification": TableMap("rectification_item", {"owner": "owner_id"}, {}),
    "activity": TableMap("activity", {}, {"attendees": "activity_attendee"}),
}


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


def _now_text(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class Store:
    """Every read and write of the unit's records. Validation happens in core first."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = datetime.now):
        self.db = db
        self.clock = clock
        # Called before each write; the window sets it to wait for the integrity check.
        self.before_write: Callable[[], None] | None = None

    def close(self) -> None:
        """Close the file (a command's end, a worker's own connection, before a restore)."""
        self.db.close()

    def history(self, ledger_key: str, record_id: int) -> list:
        """The record's audit entries, oldest first (修改记录)."""
        return audit.history(self.db, ledger_key, record_id)

    # -- unit profile -----------------------------------------------------------------
    def profile(self) -> UnitProfile:
        rows = list(self.db.query("SELECT * FROM unit_profile WHERE id = 1"))
        if not rows:
            return UnitProfile()
        row = rows[0]
        return UnitProfile(row["unit_name"], row["org_name"], row["secretary_name"])

    def save_profile(self, profile: UnitProfile) -> None:
        from lianzheng_desktop.storage import trail

        with self.atomic():
            self._save_profile(profile)
            trail.log(self.db, self.clock(), "unit_profile", 1)

    def _save_profile(self, profile: UnitProfile) -> None:
        self.db.execute(
            "INSERT INTO unit_profile (id, unit_name, org_name, secretary_name, updated_at)"
            " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET unit_name = excluded.unit_name,"
            " org_name = excluded.org_name, secretary_name = excluded.secretary_name,"
            " updated_at = excluded.updated_at",
            [profile.unit_name.strip(), profile.org_name.strip(),
             profile.secretary_name.strip(), _now_text(self.clock())],
        )

    # -- reading ----------------------------------------------------------------------
    def roster_names(self, *, active_only: bool = False) -> set[str]:
        sql = "SELECT name FROM person" + (" WHERE active = 1" if active_only else "")
        return {row[0] for row in self.db.execute(sql)}

    def roster_posts(self) -> dict[str, tuple[date | None, date | None]]:
        """The people whose 到岗日期 or 离岗日期 is known: name → (joined, left)."""
        rows = self.db.execute("SELECT name, joined_on, left_on FROM person"
                               " WHERE joined_on IS NOT NULL OR left_on IS NOT NULL")
        return {name: (date.fromisoformat(joined) if joined else None,
                       date.fromisoformat(left) if left else None)
                for name, joined, left in rows}

    def gone_without_date(self) -> list[str]:
        """Names marked 不在职 with no 离岗日期 (past quarters count them nowhere)."""
        return [row[0] for row in self.db.execute(
            "SELECT name FROM person WHERE active = 0 AND left_on IS NULL ORDER BY id")]

    def change_mark(self) -> int:
        """A number that grows with every change the app writes (the audit log's head):
        compared later, it says whether anything was changed in between."""
        return self.db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]

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

    # -- writing ----------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """Several writes that land together or not at all. A write the disk or the file
        refuses (full, read-only, a USB stick pulled out) is a UserError saying so: every
        caller then tells the secretary what got in the way, not 程序出错."""
        if self.before_write is not None and not self.db.conn.in_transaction:
            self.before_write()
        try:
            with self.db.atomic():
                yield self
        except sqlite3.Error as exc:
            from lianzheng_desktop.storage.errors import user_message

            said = user_message(exc)
            if said is None:
                raise
            raise said from exc

    def validate(self, ledger_key: str, values: Mapping[str, object],
                 before: Record | None = None) -> Record:
        """The record ``values`` would make; ValidationError (nothing stored) if invalid.
        ``before``: the kept record this edits (its unchanged 主持人/负责人/责任人 is not
        checked against the roster's dates again: a record kept before that check)."""
        spec = LEDGERS[ledger_key]
        roster = None if spec.key == "roster" else self.roster_names()
        extra = {spec.type_field: self.plan_types(ledger_key)} if spec.type_field else {}
        try:
            return build_record(spec, values, roster, today=self.clock().date(),
                                extra_choices=extra,
                                posts=None if spec.key == "roster" else self.roster_posts(),
                                before=before)
        except ValidationError as exc:
            from lianzheng_desktop.storage.renames import naming_renames

            raise naming_renames(self, exc) from None

    # -- records counted toward chosen requirements ----------------------------------------
    def links(self, ledger_key: str, record_id: int) -> tuple[int, ...]:
        """The requirements a record is explicitly counted toward (none: by its type)."""
        rows = self.db.execute("SELECT requirement_id FROM record_requirement WHERE ledger = ?"
                               " AND record_id = ? ORDER BY requirement_id",
                               [ledger_key, record_id])
        return tuple(row[0] for row in rows)

    def set_links(self, ledger_key: str, record_id: int,
                  requirement_ids: builtins.list[int]) -> None:
        from lianzheng_desktop.storage import trail

        with self.atomic():
            self._check_links_in_year(ledger_key, record_id, requirement_ids)
            self.db.execute("DELETE FROM record_requirement WHERE ledger = ? AND record_id = ?",
                            [ledger_key, record_id])
            for requirement_id in dict.fromkeys(requirement_ids):
                self.db.execute("INSERT INTO record_requirement (ledger, record_id,"
                                " requirement_id) VALUES (?, ?, ?)",
                                [ledger_key, record_id, requirement_id])
            trail.log(self.db, self.clock(), "record_requirement", ledger_key, record_id)

    def _record_year(self, ledger_key: str, record_id: int) -> int | None:
        spec = LEDGERS[ledger_key]
        row = self.db.execute(f"SELECT {spec.date_field} FROM {TABLES[ledger_key].table}"
                              " WHERE id = ?", [record_id]).fetchone() if spec.date_field else None
        return int(str(row[0])[:4]) if row and row[0] else None

    def _check_links_in_year(self, ledger_key: str, record_id: int,
                             requirement_ids: builtins.list[int]) -> None:
        """A record counts toward its own year's plan only: linked to another year's
        requirement, it would count nowhere (the other year's span leaves it out)."""
        year = self._record_year(ledger_key, record_id)
        if year is None or not requirement_ids:
            return
        other = self.db.execute(
            f"SELECT count(*) FROM requirement WHERE year != ? AND id IN"
            f" ({', '.join('?' * len(requirement_ids))})", [year, *requirement_ids]).fetchone()[0]
        if other:
            raise UserError(f"“计入要求”只能选{year}年度计划中的要求（这条记录的日期在{year}年），"
                            "请重新选择。")

    def _drop_links_of_other_years(self, ledger_key: str, record_id: int, year: int) -> None:
        """A record moved to ``year`` leaves the old year's requirement it was linked to
        (the form offers the new year's plan to choose from)."""
        from lianzheng_desktop.storage import trail

        if self.db.execute(
                "DELETE FROM record_requirement WHERE ledger = ? AND record_id = ?"
                " AND requirement_id IN (SELECT id FROM requirement WHERE year != ?)",
                [ledger_key, record_id, year]).rowcount:
            trail.log(self.db, self.clock(), "record_requirement", ledger_key, record_id)

    # -- the types plans add (政治学习, 党小组会 …) -----------------------------------------
    def plan_types(self, ledger_key: str) -> tuple[str, ...]:
        """The types plans added to a ledger, beside its built-in ones."""
        if ledger_key not in ("warning_education", "talk", "activity"):
            return ()
        rows = self.db.execute("SELECT name FROM record_type WHERE ledger = ?"
                               " ORDER BY created_at, name", [ledger_key])
        return tuple(row[0] for row in rows)

    def type_choices(self, ledger_key: str) -> tuple[str, ...]:
        """What a type field offers: the built-in types, the plans' own, then 其他."""
        spec = LEDGERS[ledger_key]
        if not spec.type_field:
            return ()
        builtin = spec.field(spec.type_field).choices
        own = tuple(t for t in self.plan_types(ledger_key) if t not in builtin)
        if builtin and builtin[-1] == vocab.OTHER:
            return (*builtin[:-1], *own, vocab.OTHER)
        return (*builtin, *own)

    def add_plan_types(self, pairs: builtins.list[tuple[str, str]], year: int | None) -> None:
        from lianzheng_desktop.storage import trail

        with self.atomic():
            for ledger, name in pairs:
                self.db.execute("INSERT OR IGNORE INTO record_type (ledger, name, year,"
                                " created_at) VALUES (?, ?, ?, ?)",
                                [ledger, name, year, _now_text(self.clock())])
                trail.log(self.db, self.clock(), "record_type", ledger, name)

    def rename_plan_type(self, ledger_key: str, old: str, new: str) -> int:
        """Rename (or, if ``new`` exists, merge into it) a plan's type; records and
        requirements follow. Returns how many records changed."""
        spec = LEDGERS[ledger_key]
        new = new.strip()
        if not new:
            raise UserError("新的类型名称不能为空。")
        if old in spec.field(str(spec.type_field)).choices:
            raise UserError(f"“{old}”是软件自带的类型，不能改名。")
        table = TABLES[ledger_key].table
        from lianzheng_desktop.storage import trail

        with self.atomic():
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM {table} WHERE {spec.type_field} = ?", [old])]
            befores = [(i, self.get(ledger_key, i)) for i in ids]
            self.db.execute(f"UPDATE {table} SET {spec.type_field} = ? WHERE"
                            f" {spec.type_field} = ?", [new, old])
            for record_id, before in befores:
                audit.append(self.db, self.clock(), ledger_key, record_id, "update",
                             audit.snapshot(ledger_key, before),
                             audit.snapshot(ledger_key, self.get(ledger_key, record_id)))
            self.db.execute("DELETE FROM record_type WHERE ledger = ? AND name = ?",
                            [ledger_key, old])
            trail.log(self.db, self.clock(), "record_type", ledger_key, old)
            if new not in spec.field(str(spec.type_field)).choices:
                self.add_plan_types([(ledger_key, new)], None)
            rows = self.db.execute("SELECT id, types FROM requirement WHERE ledger = ?",
                                   [ledger_key]).fetchall()
            for requirement_id, types in rows:
                names = json.loads(types)
                if old in names:
                    merged = list(dict.fromkeys(new if t == old else t for t in names))
                    self.db.execute("UPDATE requirement SET types = ?,"
                                    " counts_label = CASE counts_label WHEN ? THEN ?"
                                    " ELSE counts_label END WHERE id = ?",
                                    [json.dumps(merged, ensure_ascii=False), old, new,
                                     requirement_id])
                    trail.log(self.db, self.clock(), "requirement", requirement_id)
        return len(ids)

    def add(self, ledger_key: str, values: Mapping[str, object]) -> Record:
        spec = LEDGERS[ledger_key]
        record = self.validate(ledger_key, values)
        now = self.clock()
        event = getattr(record, spec.date_field) if spec.date_field else None
        record = replace(record, late_entry=is_late_entry(event, now), created_at=now,
                         updated_at=now)
        with self.atomic():
            if spec.key == "roster":
                self._check_unique_name(cast(Person, record).name, None)
            row = {"id": self._next_id(spec.key), **self._row(spec, record)}
            self.db.execute(
                f"INSERT INTO {TABLES[spec.key].table} ({', '.join(row)})"
                f" VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            record = replace(record, id=row["id"])
            self._write_people(spec, record)
            audit.append(self.db, now, spec.key, int(record.id or 0), "create", None,
                         audit.snapshot(spec.key, record))
        return record

    def add_validated(self, ledger_key: str, records: Iterable[Record], *,
                      kept_on_time: bool = False) -> int:
        """Store records ``build_record`` has already checked (an Excel import), in bulk.

        One prepared statement per table (``executemany``) and each record's audit entry,
        inside one transaction. The ids follow the largest this ledger has ever used (in
        the table or its audit trail), so no new record takes a deleted one's number.
        Returns how many were stored. ``kept_on_time``: written into the office's own
        ledger when they happened (taken over from Excel), so none is marked 补录.
        """
        spec = LEDGERS[ledger_key]
        tmap = TABLES[spec.key]
        now = self.clock()
        with self.atomic():
            people = dict(self.db.execute("SELECT name, id FROM person").fetchall())
            next_id = self.db.execute(
                f"SELECT max(coalesce((SELECT max(id) FROM {tmap.table}), 0),"
                " coalesce((SELECT max(record_id) FROM audit_log WHERE ledger = ?), 0)) + 1",
                [spec.key]).fetchone()[0]
            stored: list[Record] = []
            for record in records:
                event = getattr(record, spec.date_field) if spec.date_field else None
                late = not kept_on_time and is_late_entry(event, now)
                stored.append(replace(record, id=next_id + len(stored), created_at=now,
                                      updated_at=now, late_entry=late))
            if not stored:
                return 0
            rows = [{"id": r.id, **self._row(spec, r)} for r in stored]
            self.db.conn.executemany(
                f"INSERT INTO {tmap.table} ({', '.join(rows[0])})"
                f" VALUES ({', '.join('?' * len(rows[0]))})",
                [list(row.values()) for row in rows])
            for key, junction in tmap.people_tables.items():
                self.db.conn.executemany(
                    f"INSERT INTO {junction} (record_id, person_id, position) VALUES (?, ?, ?)",
                    [(r.id, people[name], position) for r in stored
                     for position, name in enumerate(getattr(r, key))])
            for record in stored:
                audit.append(self.db, now, spec.key, int(record.id or 0), "create", None,
                             audit.snapshot(spec.key, record))
        return len(stored)

    def update(self, ledger_key: str, record_id: int, values: Mapping[str, object]) -> Record:
        spec = LEDGERS[ledger_key]
        old = self.get(ledger_key, record_id)
        record = self.validate(ledger_key, values, before=old)
        now = self.clock()
        event = getattr(record, spec.date_field) if spec.date_field else None
        # 补录 says when the record was first written down: an edit that keeps its date
        # keeps the mark, and so does one of a record taken over from an Excel ledger kept
        # on time (unmarked though entered here long after its day): a date corrected
        # later does not undo what the secretary said of that ledger
        old_day = getattr(old, spec.date_field) if spec.date_field else None
        said_on_time = not old.late_entry and is_late_entry(old_day, old.created_at or now)
        late = old.late_entry if event == old_day or said_on_time \
            else is_late_entry(event, old.created_at or now)
        record = replace(record, id=record_id, created_at=old.created_at, updated_at=now,
                         late_entry=late)
        with self.atomic():
            renamed: list[tuple[str, Record]] = []
            if spec.key == "roster":
                self._check_unique_name(cast(Person, record).name, record_id)
                self._check_post_covers_records(cast(Person, record), record_id)
                # records naming this person change with it
                if cast(Person, record).name != cast(Person, old).name:
                    renamed = self._records_naming(record_id)
            row = self._row(spec, record)
            row.pop("created_at")
            assignments = ", ".join(f"{column} = ?" for column in row)
            self.db.execute(
                f"UPDATE {TABLES[spec.key].table} SET {assignments} WHERE id = ?",
                [*row.values(), record_id],
            )
            self._write_people(spec, record)
            if event is not None and event != getattr(old, str(spec.date_field)):
                self._drop_links_of_other_years(spec.key, record_id, event.year)
            audit.append(self.db, now, spec.key, record_id, "update",
                         audit.snapshot(spec.key, old), audit.snapshot(spec.key, record))
            for ledger, before in renamed:
                after = self.get(ledger, int(before.id or 0))
                audit.append(self.db, now, ledger, int(before.id or 0), "update",
                             audit.snapshot(ledger, before), audit.snapshot(ledger, after))
        return record

    def _check_post_covers_records(self, person: Person, person_id: int) -> None:
        """New 到岗/离岗日期 may not leave out a day a kept record names them on (records
        could not be saved again, nor the export imported). 整改事项 do not count: their
        责任人 answers for them now."""
        days = []
        for key, tmap in TABLES.items():
            if key in ("roster", "rectification"):
                continue
            day = f"t.{LEDGERS[key].date_field}"
            sources = [f"{tmap.table} t WHERE t.{c} = ?" for c in tmap.person_columns.values()]
            sources += [f"{tmap.table} t JOIN {j} p ON p.record_id = t.id WHERE p.person_id = ?"
                        for j in tmap.people_tables.values()]
            for source in sources:
                row = self.db.execute(f"SELECT min({day}), max({day}) FROM {source}",
                                      [person_id]).fetchone()
                days += [date.fromisoformat(d) for d in row if d]
        days += self._days_as_doer(person.name)
        if not days:
            return
        first, last = min(days), max(days)
        if person.joined_on is not None and person.joined_on > first:
            raise ValidationError([FieldError("joined_on", "到岗日期", (
                f"台账中{first.year}年{first.month}月{first.day}日的记录已列有{person.name}，"
                "到岗日期不能晚于这一天"))])
        if person.left_on is not None and person.left_on < last:
            raise ValidationError([FieldError("left_on", "离岗日期", (
                f"台账中{last.year}年{last.month}月{last.day}日的记录还列有{person.name}，"
                "离岗日期不能早于这一天"))])

    def _days_as_doer(self, name: str) -> builtins.list[date]:
        """The days a kept session or meeting names ``name`` as its 主持人/负责人 (a free-text
        field: a leaver must not be left there as having chaired it after leaving)."""
        from lianzheng_desktop.core.in_post import DOER_FIELDS_CHECKED, doer_names

        days = []
        for key, (column, _) in DOER_FIELDS_CHECKED.items():
            if key == "rectification":  # its 责任人 answers for it now: not a day of work
                continue
            day = LEDGERS[key].date_field
            rows = self.db.execute(f"SELECT {day}, {column} FROM {TABLES[key].table}"
                                   f" WHERE instr({column}, ?) > 0", [name]).fetchall()
            days += [date.fromisoformat(d) for d, names in rows
                     if d and name in doer_names(names)]
        return days

    def _records_naming(self, person_id: int) -> builtins.list[tuple[str, Record]]:
        found: list[tuple[str, Record]] = []
        for key, tmap in TABLES.items():
            ids: set[int] = set()
            for column in tmap.person_columns.values():
                ids.update(r[0] for r in self.db.execute(
                    f"SELECT id FROM {tmap.table} WHERE {column} = ?", [person_id]))
            for junction in tmap.people_tables.values():
                ids.update(r[0] for r in self.db.execute(
                    f"SELECT record_id FROM {junction} WHERE person_id = ?", [person_id]))
            found += [(key, self.get(key, record_id)) for record_id in sorted(ids)]
        return found

    def _next_id(self, ledger_key: str) -> int:
        """A number no record of this ledger has ever had, so that a record in 回收站 gets
        its own number back on restore and no two records share one history."""
        table = TABLES[ledger_key].table
        row = self.db.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            " coalesce((SELECT max(record_id) FROM audit_log WHERE ledger = ?), 0),"
            " coalesce((SELECT max(record_id) FROM trash WHERE ledger = ?), 0))",
            [ledger_key, ledger_key]).fetchone()
        return row[0] + 1

    def delete(self, ledger_key: str, record_id: int) -> None:
        """Move the record, with its people links and attachments, to 回收站."""
        from lianzheng_desktop.storage import trash

        spec = LEDGERS[ledger_key]
        old = self.get(ledger_key, record_id)  # a clear message when it is already gone
        with self.atomic():
            if spec.key == "roster":
                self._check_person_unused(record_id)
            trash.keep(self, spec, old)
            self.db.execute("DELETE FROM attachment WHERE ledger = ? AND record_id = ?",
                            [spec.key, record_id])
            # Its links to requirements stay: numbers are never reused, so they count for
            # nothing while it is in 回收站 and come back with it (emptying drops them).
            self.db.execute(f"DELETE FROM {TABLES[spec.key].table} WHERE id = ?", [record_id])
            audit.append(self.db, self.clock(), spec.key, record_id, "delete",
                         audit.snapshot(spec.key, old), None)

    def _row(self, spec: LedgerSpec, record: Record) -> dict[str, Any]:
        tmap = TABLES[spec.key]
        row: dict[str, Any] = {}
        for field in spec.fields:
            value = getattr(record, field.key)
            if field.key in tmap.people_tables:
                continue
            if field.key in tmap.free_names:
                person = self._person_id(value, missing_ok=True)
                row[tmap.person_columns[field.key]] = person
                row[tmap.free_names[field.key]] = "" if person is not None else value
            elif field.key in tmap.person_columns:
                row[tmap.person_columns[field.key]] = self._person_id(value)
            elif field.kind is Kind.DATE:
                row[field.key] = value.isoformat() if value else None
            elif field.kind is Kind.BOOL:
                row[field.key] = int(value)
            else:
                row[field.key] = value
        row["late_entry"] = int(record.late_entry)
        row["created_at"] = _now_text(record.created_at or self.clock())
        row["updated_at"] = _now_text(record.updated_at or self.clock())
        return row

    def _write_people(self, spec: LedgerSpec, record: Record) -> None:
        for key, junction in TABLES[spec.key].people_tables.items():
            self.db.execute(f"DELETE FROM {junction} WHERE record_id = ?", [record.id])
            for position, name in enumerate(getattr(record, key)):
                self.db.execute(
                    f"INSERT INTO {junction} (record_id, person_id, position) VALUES (?, ?, ?)",
                    [record.id, self._person_id(name), position],
                )

    def _person_id(self, name: str, missing_ok: bool = False) -> Any:
        row = self.db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()
        if row is None and missing_ok:
            return None
        if row is None:  # validation checked the roster; this guards against a race
            raise UserError(f"人员名册中没有“{name}”，请先在人员名册中添加。")
        return row[0]

    def _check_unique_name(self, name: str, own_id: int | None) -> None:
        row = self.db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()
        if row is not None and row[0] != own_id:
            raise UserError(
                f"人员名册中已有“{name}”，同名人员请在姓名后加以区分（如“{name}（办公室）”）。"
            )

    def _check_person_unused(self, person_id: int) -> None:
        uses = []
        for key, tmap in TABLES.items():
            for column in tmap.person_columns.values():
                n = self.db.execute(f"SELECT count(*) FROM {tmap.table} WHERE {column} = ?",
                                    [person_id]).fetchone()[0]
                if n:
                    uses.append(f"{LEDGERS[key].label} {n} 条")
            for junction in tmap.people_tables.values():
                n = self.db.execute(f"SELECT count(*) FROM {junction} WHERE person_id = ?",
                                    [person_id]).fetchone()[0]
                if n:
                    uses.append(f"{LEDGERS[key].label} {n} 条")
        if uses:
            raise UserError(
                f"此人已出现在{'、'.join(uses)}记录中，不能删除；如已调离，请把“在职”改为“否”并填写离岗日期。"
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
