"""Writing the ledgers' records: checking values into a record (core's rules, with the
roster and the plans' types from the file), adding one or a checked batch (an Excel import),
editing — 补录 kept or set by the record's date, the roster's guards, the links of another
year dropped — and deleting into 回收站. Every write is one transaction with its audit entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS, Kind, LedgerSpec, build_record
from lianzheng_desktop.core.records import Person, Record, is_late_entry
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.plan_access import PlanAccess
from lianzheng_desktop.storage.roster_access import RosterAccess
from lianzheng_desktop.storage.store_base import now_text
from lianzheng_desktop.storage.tables import TABLES

if TYPE_CHECKING:
    from lianzheng_desktop.storage.store import Store


class RecordWrites(RosterAccess, PlanAccess):
    """The store's writes of records. Validation happens in core first."""

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

            raise naming_renames(cast("Store", self), exc) from None

    def add(self, ledger_key: str, values: Mapping[str, object],
            kept_on_time: bool = False) -> Record:
        """``kept_on_time``: transcribed from the office's paper ledger, where it was written
        down at the time (the secretary says so in the form): not marked 补录."""
        spec = LEDGERS[ledger_key]
        record = self.validate(ledger_key, values)
        now = self.clock()
        event = getattr(record, spec.date_field) if spec.date_field else None
        record = replace(record, late_entry=not kept_on_time and is_late_entry(event, now),
                         created_at=now, updated_at=now)
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
            if spec.key == "roster" and cast(Person, record).name != cast(Person, old).name:
                from lianzheng_desktop.storage.reports import rename_person

                old_name, new_name = cast(Person, old).name, cast(Person, record).name
                seen = {(key, r.id) for key, r in renamed}
                renamed += [(key, r) for key, r in self._rename_doer(old_name, new_name)
                            if (key, r.id) not in seen]
                rename_person(cast("Store", self), old_name, new_name)  # her own reports
                self.db.execute("UPDATE unit_profile SET secretary_name = ?"  # the 书记 named
                                " WHERE secretary_name = ?", [new_name, old_name])  # in 设置
                from lianzheng_desktop.storage import trail

                trail.log_all(self.db, now, "unit_profile")
            if event is not None and event != getattr(old, str(spec.date_field)):
                self._drop_links_of_other_years(spec.key, record_id, event.year)
            audit.append(self.db, now, spec.key, record_id, "update",
                         audit.snapshot(spec.key, old), audit.snapshot(spec.key, record))
            for ledger, before in renamed:
                after = self.get(ledger, int(before.id or 0))
                audit.append(self.db, now, ledger, int(before.id or 0), "update",
                             audit.snapshot(ledger, before), audit.snapshot(ledger, after))
        return record

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
        row["created_at"] = now_text(record.created_at or self.clock())
        row["updated_at"] = now_text(record.updated_at or self.clock())
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

