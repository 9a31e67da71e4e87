"""The plan's part of the store: which requirements a record is counted toward (计入要求,
kept to the record's own year), and the types plans add to a ledger (政治学习, 党小组会 …)
beside its built-in ones, with their renaming, which records and requirements follow."""

from __future__ import annotations

import builtins
import json

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.record_reads import RecordReads
from lianzheng_desktop.storage.store_base import now_text
from lianzheng_desktop.storage.tables import TABLES


class PlanAccess(RecordReads):
    """The store's links from records to the plan's requirements, and the plans' types."""

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
                                [ledger, name, year, now_text(self.clock())])
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
            self._renamed_aside(ledger_key, str(spec.type_field), old, new)
        return len(ids)

    def _renamed_aside(self, ledger_key: str, field: str, old: str, new: str) -> None:
        """Records in 回收站 and forms not yet saved take the new name too: restored, a
        record of the merged type was counted by nothing (revloss4 L4)."""
        from lianzheng_desktop.storage import drafts, trail

        for entry_id, content in self.db.execute(
                "SELECT id, content FROM trash WHERE ledger = ?", [ledger_key]).fetchall():
            kept = json.loads(content)
            if kept["row"].get(field) == old:
                kept["row"][field] = new
                self.db.execute("UPDATE trash SET content = ? WHERE id = ?",
                                [json.dumps(kept, ensure_ascii=False), entry_id])
                trail.log(self.db, self.clock(), "trash", entry_id)
        for record_id, fields in self.db.execute(
                "SELECT record_id, fields FROM record_draft WHERE ledger = ?",
                [ledger_key]).fetchall():
            typed = json.loads(fields)
            was = typed.get(drafts.WAS) if isinstance(typed.get(drafts.WAS), dict) else {}
            # and as the form opened the record: not "类型：…→…（您也改过此项）" of a change
            # she never made (revdiff9 D6)
            named = [values for values in (typed, was) if values.get(field) == old]
            for values in named:
                values[field] = new
            if named:
                self.db.execute("UPDATE record_draft SET fields = ? WHERE ledger = ?"
                                " AND record_id = ?",
                                [json.dumps(typed, ensure_ascii=False), ledger_key, record_id])
        self._renamed_in_requirement_drafts(ledger_key, old, new)

    def _renamed_in_requirement_drafts(self, ledger_key: str, old: str, new: str) -> None:
        """A 修改要求 / 新增要求 form not yet saved counts the new name too: it came back
        ticking the merged-away type, and saving it was refused (revloss5 M2)."""
        from lianzheng_desktop.storage.requirement_drafts import FORM

        for record_id, fields in self.db.execute(
                "SELECT record_id, fields FROM record_draft WHERE ledger = ?", [FORM]).fetchall():
            kept = json.loads(fields)
            rows = [row for row in (kept.get("requirement"), kept.get("was_whole"))
                    if isinstance(row, dict) and row.get("ledger") == ledger_key]
            changed = False
            for row in rows:
                names = json.loads(row.get("types") or "[]")
                if old in names:
                    row["types"] = json.dumps(list(dict.fromkeys(
                        new if name == old else name for name in names)), ensure_ascii=False)
                    row["counts_label"] = new if row.get("counts_label") == old \
                        else row.get("counts_label")
                    changed = True
            if changed:
                self.db.execute("UPDATE record_draft SET fields = ? WHERE ledger = ?"
                                " AND record_id = ?",
                                [json.dumps(kept, ensure_ascii=False), FORM, record_id])

