"""回收站: a deleted record is kept whole (row, people links, attachments) until emptied.

Deleting moves the record here and logs 删除; restoring puts it back under its own number
(``Store._next_id`` never hands a number out twice) and logs 恢复, so its history reads on.
The attachment files themselves never left the attachments folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.in_post import doers_out_of_post
from lianzheng_desktop.core.ledgers import LEDGERS, LedgerSpec, out_of_post, to_values
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.storage import audit, trail
from lianzheng_desktop.storage.attachments import row_snapshot


@dataclass(frozen=True)
class TrashEntry:
    id: int
    ledger: str
    record_id: int
    title: str
    deleted_at: datetime
    attachments: int  # how many files come back with it

    @property
    def ledger_label(self) -> str:
        return LEDGERS[self.ledger].label


def describe(spec: LedgerSpec, record: Record) -> str:
    """What names the record in a list: its date and title."""
    title = " ".join(str(getattr(record, spec.title_field, "") or "").split())
    when = getattr(record, spec.date_field, None) if spec.date_field else None
    title = title if len(title) <= 40 else title[:40] + "…"
    return f"{when.isoformat()}　{title}" if when else title


def keep(store, spec: LedgerSpec, record: Record) -> None:
    """Copy the record and what hangs on it into 回收站 (inside the deleting transaction)."""
    from lianzheng_desktop.storage.tables import TABLES

    tmap = TABLES[spec.key]
    row = store.db.query(f"SELECT * FROM {tmap.table} WHERE id = ?", [record.id])[0]
    links = {junction: store.db.query(
        f"SELECT person_id, position FROM {junction} WHERE record_id = ? ORDER BY position",
        [record.id]) for junction in tmap.people_tables.values()}
    files = store.db.query(
        "SELECT file_name, sha256, size, note, added_at FROM attachment"
        " WHERE ledger = ? AND record_id = ? ORDER BY id", [spec.key, record.id])
    content = json.dumps({"row": row, "links": links, "attachments": files},
                         ensure_ascii=False)
    cursor = store.db.execute("INSERT INTO trash (ledger, record_id, title, deleted_at,"
                              " content) VALUES (?, ?, ?, ?, ?)",
                              [spec.key, record.id, describe(spec, record),
                               store.clock().isoformat(timespec="seconds"), content])
    trail.log(store.db, store.clock(), "trash", cursor.lastrowid)


def entries(store) -> list[TrashEntry]:
    """Everything in 回收站, the latest deleted first."""
    rows = store.db.execute("SELECT id, ledger, record_id, title, deleted_at, content"
                            " FROM trash ORDER BY deleted_at DESC, id DESC")
    return [TrashEntry(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]),
                       len(json.loads(r[5])["attachments"])) for r in rows
            if r[1] in LEDGERS]


def deleted_values(store, ledger: str) -> list[dict[str, Any]]:
    """The fields of each record of ``ledger`` now in 回收站, as logged when deleted."""
    rows = store.db.execute(
        "SELECT (SELECT before FROM audit_log a WHERE a.ledger = t.ledger"
        " AND a.record_id = t.record_id AND a.action = 'delete' ORDER BY a.id DESC LIMIT 1)"
        " FROM trash t WHERE t.ledger = ?", [ledger])
    return [json.loads(row[0]) for row in rows if row[0]]


def count(store) -> int:
    return store.db.execute("SELECT count(*) FROM trash").fetchone()[0]


class SameRecordError(UserError):
    """The record to restore was entered again since it was deleted: restored too, it
    would be counted twice. Restore anyway with ``restore(..., twice=True)``."""


def _as_named_now(store, ledger: str, row: dict[str, Any]) -> dict[str, Any]:
    """A person renamed on the roster since the record was deleted: its free-text
    主持人/负责人 name them as now, as the kept records' do (their people, kept by id,
    follow by themselves). Else one's own report said "高建军主持，本人参加"."""
    from lianzheng_desktop.core.in_post import DOER_FIELDS_CHECKED, DOER_NAME
    from lianzheng_desktop.storage.renames import renamed_names
    from lianzheng_desktop.storage.tables import TABLES

    doer = DOER_FIELDS_CHECKED.get(ledger)
    if doer is None or doer[0] in TABLES[ledger].person_columns or not row.get(doer[0]):
        return row
    now = renamed_names(store)
    return {**row, doer[0]: DOER_NAME.sub(lambda m: now.get(m.group(0), m.group(0)),
                                            row[doer[0]])}


def restore(store, entry_id: int, twice: bool = False) -> Record:
    """Put the record back as it was deleted; UserError when something stands in the way,
    SameRecordError (unless ``twice``) when the ledger holds the same record again."""
    from lianzheng_desktop.storage.tables import TABLES
    from lianzheng_desktop.storage.twins import near_records, same_records

    found = store.db.execute("SELECT ledger, record_id, content FROM trash WHERE id = ?",
                             [entry_id]).fetchone()
    if found is None:
        raise UserError("回收站中已没有这条记录，可能已被恢复或已清空。")
    ledger, record_id, content = found[0], found[1], json.loads(found[2])
    spec, tmap = LEDGERS[ledger], TABLES[ledger]
    row: dict[str, Any] = _as_named_now(store, ledger, content["row"])
    _check_can_restore(store, spec, row, content["links"])
    with store.atomic():
        store.db.execute(f"INSERT INTO {tmap.table} ({', '.join(row)})"
                         f" VALUES ({', '.join('?' * len(row))})", list(row.values()))
        for junction, links in content["links"].items():
            for link in links:
                store.db.execute(f"INSERT INTO {junction} (record_id, person_id, position)"
                                 " VALUES (?, ?, ?)",
                                 [record_id, link["person_id"], link["position"]])
        for file in content["attachments"]:
            added = store.db.execute(
                "INSERT INTO attachment (ledger, record_id, file_name, sha256, size, note,"
                " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [ledger, record_id, file["file_name"], file["sha256"], file["size"],
                 file["note"], file["added_at"]]).lastrowid
            # in the trail as the record is: 检查数据 took it for a file added outside
            # the software (revloss3 T-1)
            audit.append(store.db, store.clock(), audit.ATTACHMENT, added, "create", None,
                         row_snapshot(store.db, added))
        record = store.get(ledger, record_id)
        kept = [] if twice else same_records(store, ledger, record)
        # or its title corrected since, in the window or a workbook (revloss3 W-1)
        alike = [] if twice or kept else near_records(store, ledger, record)
        if kept or alike:  # raised inside the transaction: nothing is restored
            what = "相同" if kept else "同一天、同类型、内容相近"
            raise SameRecordError(f"{spec.label}中已有一条{what}的记录（"
                                  f"{describe(spec, (kept or alike)[0])}），可能是删除后又重新"
                                  "录入的；再恢复这条，同一件事会计算两次。")
        if ledger != "roster":  # 到岗/离岗 dates set since it was deleted
            values, posts = to_values(spec, record), store.roster_posts()
            problems = [*out_of_post(spec, values, posts),
                        *doers_out_of_post(spec, values, posts)]  # 主持人/负责人/责任人
            if problems:
                raise UserError(f"无法恢复：{problems[0].message}。")
        audit.append(store.db, store.clock(), ledger, record_id, "restore", None,
                     audit.snapshot(ledger, record))
        store.db.execute("DELETE FROM trash WHERE id = ?", [entry_id])
        trail.log(store.db, store.clock(), "trash", entry_id)
    return record


def _check_can_restore(store, spec: LedgerSpec, row: dict[str, Any],
                       links: dict[str, list[dict[str, Any]]]) -> None:
    from lianzheng_desktop.storage.tables import TABLES

    tmap = TABLES[spec.key]
    if store.db.execute(f"SELECT 1 FROM {tmap.table} WHERE id = ?", [row["id"]]).fetchone():
        raise UserError(f"{spec.label}中已有编号 {row['id']} 的记录，无法恢复。")
    if spec.key == "roster":
        if store.db.execute("SELECT 1 FROM person WHERE name = ?", [row["name"]]).fetchone():
            raise UserError(f"人员名册中已有“{row['name']}”，不能再恢复同名人员；"
                            "如需恢复，请先把现有的改名。")
        return
    person_ids = [row[column] for column in tmap.person_columns.values()
                  if row.get(column) is not None]
    person_ids += [link["person_id"] for group in links.values() for link in group]
    missing = [pid for pid in person_ids if not store.db.execute(
        "SELECT 1 FROM person WHERE id = ?", [pid]).fetchone()]
    if missing:
        names = _names_in_trash(store, missing)
        raise UserError(f"这条记录涉及的人员{names}已从人员名册删除，"
                        "请先从回收站恢复这些人员，再恢复这条记录。")


def _names_in_trash(store, person_ids: list[int]) -> str:
    names = []
    for pid in person_ids:
        found = store.db.execute("SELECT content FROM trash WHERE ledger = 'roster'"
                                 " AND record_id = ?", [pid]).fetchone()
        if found:
            names.append(f"“{json.loads(found[0])['row']['name']}”")
    return "（" + "、".join(names) + "）" if names else ""


def empty(store) -> int:
    """Delete everything in 回收站 for good; how many records went."""
    with store.atomic():
        for ledger, record_id in store.db.execute("SELECT ledger, record_id FROM trash").fetchall():
            store.db.execute("DELETE FROM record_requirement WHERE ledger = ? AND record_id = ?",
                             [ledger, record_id])
        gone = store.db.execute("DELETE FROM trash").rowcount
        for table in ("trash", "record_requirement"):
            trail.log_all(store.db, store.clock(), table)
        return gone
