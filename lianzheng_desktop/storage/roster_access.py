"""The roster's part of the store: the names and 在岗 dates records are checked against, and
the guards of a roster edit — a name used once only, 到岗/离岗日期 that still cover every day
a kept record names the person on, no deleting of someone records name, and the records that
change with a person's new name."""

from __future__ import annotations

import builtins
from datetime import date

from lianzheng_desktop.core.errors import FieldError, UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.records import Person, Record
from lianzheng_desktop.storage.record_reads import RecordReads
from lianzheng_desktop.storage.tables import TABLES


class RosterAccess(RecordReads):
    """The store's reads and checks of the roster (人员名册)."""

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

    def _rename_doer(self, old: str, new: str) -> builtins.list[tuple[str, Record]]:
        """A person renamed on the roster: the free-text 主持人/负责人/责任人 that name them
        follow (the records, as they were, for the trail). Before, her own report said
        "李秀梅主持，本人参加" of the session she chaired as 李秀美."""
        from lianzheng_desktop.core.in_post import DOER_FIELDS_CHECKED, DOER_NAME, doer_names

        changed: list[tuple[str, Record]] = []
        for key, (column, _) in DOER_FIELDS_CHECKED.items():
            if column in TABLES[key].person_columns:  # a person's id: follows by itself
                continue
            table = TABLES[key].table
            rows = self.db.execute(f"SELECT id, {column} FROM {table}"
                                   f" WHERE instr({column}, ?) > 0", [old]).fetchall()
            for record_id, names in rows:
                if old not in doer_names(names):
                    continue
                changed.append((key, self.get(key, record_id)))
                self.db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [
                    DOER_NAME.sub(lambda m: new if m.group(0) == old else m.group(0), names),
                    record_id])
        return changed

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

