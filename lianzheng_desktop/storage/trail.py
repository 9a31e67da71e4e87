"""The rest of a user's work in the audit trail: the plan and its requirements, the unit
profile, report drafts and printed versions, the types plans add, records' links to
requirements, and 回收站.

Each covered row is a subject of the chain (``audit_log.ledger`` = the table's name,
``record_id`` = its number, or for a row named by text a number made from that text).
Writers call ``log`` (or ``log_all`` after a change that cascades) inside their
transaction: the row's state now is compared with its last logged state and, if it
differs, an entry is appended. ``problems`` does the same comparison for every row, so a
row added, changed or removed outside the app is reported.

Long texts are logged by their SHA-256 only (the plan's source text, a report's sections,
a 回收站 entry's content): a change is still found, and a report saved while it is typed
does not copy its whole text into the log at every pause.

Form drafts (``record_draft``) are not covered: they are unsaved scratch, rewritten as the
user types and removed when the form is saved or closed; nothing counts from them, and
what the user keeps of them becomes a record, which is covered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage.record_names import name_by_id, quoted


def text_id(*parts: object) -> int:
    """A stable number (60 bits) for a row named by text: its audit ``record_id``."""
    import hashlib  # only on writing and verifying, not on opening

    content = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int(hashlib.sha256(content).hexdigest()[:15], 16)


def _sha(text: str | None) -> str | None:
    import hashlib

    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _period_label(code: str) -> str:
    from lianzheng_desktop.core.report_model import ReportPeriod

    period, _, person = str(code).partition("@")
    try:
        label = ReportPeriod.parse(period).label + "报告"
    except (ValueError, TypeError):
        label = f"“{period}”报告"
    return f"{label}（{person}）" if person else label


def _ledger_label(key: object) -> str:
    spec = LEDGERS.get(str(key))
    return spec.label if spec else f"“{key}”"


@dataclass(frozen=True)
class Covered:
    table: str
    noun: str  # what a row is called when its own fields cannot name it
    key_columns: tuple[str, ...]
    record_id: Callable[[dict], int]
    label: Callable[[dict], str]
    hashed: tuple[str, ...] = ()  # long text columns logged by their SHA-256
    grouped: str | None = None  # a column gathered into a sorted list per key


COVERED: dict[str, Covered] = {c.table: c for c in (
    Covered("plan", "年度计划", ("year",), lambda r: r["year"], lambda r: f"{r['year']}年度计划",
            hashed=("source_text",)),
    Covered("requirement", "年度计划的要求", ("id",), lambda r: r["id"],
            lambda r: f"{r['year']}年度计划第{r['position'] + 1}条要求"
                      f"（{quoted(r['text'], 15)}）", hashed=("item_text",)),
    Covered("unit_profile", "单位信息", ("id",), lambda r: r["id"], lambda r: "单位信息"),
    Covered("report_draft", "报告草稿", ("period",), lambda r: text_id(r["period"]),
            lambda r: f"{_period_label(r['period'])}草稿", hashed=("sections",)),
    Covered("report_version", "交出报告的登记", ("id",), lambda r: r["id"],
            lambda r: f"{_period_label(r['period'])}的交出登记"
                      f"（{str(r['created_at']).replace('T', ' ')}）", hashed=("sections",)),
    Covered("record_type", "计划添加的记录类型", ("ledger", "name"),
            lambda r: text_id(r["ledger"], r["name"]),
            lambda r: f"{_ledger_label(r['ledger'])}中计划添加的类型{quoted(r['name'], None)}"),
    Covered("record_requirement", "记录与计划要求的对应关系", ("ledger", "record_id"),
            lambda r: text_id(r["ledger"], r["record_id"]),
            lambda r: f"{_ledger_label(r['ledger'])}中一条记录与计划要求的对应关系",
            grouped="requirement_id"),  # named by the record in _name
    Covered("trash", "回收站中的记录", ("id",), lambda r: r["id"],
            lambda r: f"回收站中的{quoted(r['title'], None)}",
            hashed=("content",)),
)}


def _rows(db, cover: Covered, where: str = "", params: Iterable[Any] = ()) -> list[dict]:
    cursor = db.execute(f"SELECT * FROM {cover.table}{where}", list(params))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for column in cover.hashed:
            row[column] = _sha(row.get(column))
    if cover.grouped:
        groups: dict[tuple, dict] = {}
        for row in rows:
            key = tuple(row[c] for c in cover.key_columns)
            group = groups.setdefault(key, {**{c: row[c] for c in cover.key_columns},
                                            cover.grouped: []})
            group[cover.grouped].append(row[cover.grouped])
        rows = list(groups.values())
        for row in rows:
            row[cover.grouped].sort(key=lambda v: (str(type(v)), v))
    return rows


def _snapshot(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


def current(db, table: str, where: str = "", params: Iterable[Any] = ()) -> dict[int, dict]:
    cover = COVERED[table]
    return {cover.record_id(row): row for row in _rows(db, cover, where, params)}


def logged(db, table: str) -> dict[int, str | None]:
    """Each subject's last logged state (None: logged as deleted)."""
    rows = db.execute("SELECT record_id, after FROM audit_log WHERE id IN"
                      " (SELECT max(id) FROM audit_log WHERE ledger = ? GROUP BY record_id)",
                      [table])
    return {row[0]: row[1] for row in rows}


def _append(db, at: datetime, table: str, record_id: int, before: str | None,
            after: str | None) -> None:
    from lianzheng_desktop.storage import audit

    action = "create" if before is None else "delete" if after is None else "update"
    audit.append(db, at, table, record_id, action, before, after)


def log(db, at: datetime, table: str, *key: Any) -> None:
    """Log the row named by ``key`` (its key columns' values) if it changed since last
    logged; call inside the transaction that changed it."""
    cover = COVERED[table]
    where = " WHERE " + " AND ".join(f"{c} = ?" for c in cover.key_columns)
    found = current(db, table, where, key)
    record_id = cover.record_id(dict(zip(cover.key_columns, key, strict=True)))
    row = db.execute("SELECT after FROM audit_log WHERE ledger = ? AND record_id = ?"
                     " ORDER BY id DESC LIMIT 1", [table, record_id]).fetchone()
    before = row[0] if row else None
    after = _snapshot(found[record_id]) if record_id in found else None
    if before != after:
        _append(db, at, table, record_id, before, after)


def log_all(db, at: datetime, table: str) -> int:
    """Log every row of ``table`` that changed since last logged (after a change that
    cascades, or to log a table's rows as found); how many entries were written."""
    now = {rid: _snapshot(row) for rid, row in current(db, table).items()}
    last = logged(db, table)
    written = 0
    keys = now.keys() | {k for k, v in last.items() if v is not None}
    for record_id in sorted(keys, key=lambda k: (str(type(k)), k)):  # a key mangled to text
        before, after = last.get(record_id), now.get(record_id)
        if before != after:
            _append(db, at, table, record_id, before, after)
            written += 1
    return written


def _name(db, cover: Covered, row: dict) -> str:
    """The row as the user knows it (a record's link by the record, as its ledger shows
    it); a row mangled outside the app by what of it can still be read, never by the
    database's row number, which the user sees nowhere."""
    try:
        if cover.table == "record_requirement":
            return f"{name_by_id(db, row['ledger'], row['record_id'])}与计划要求的对应关系"
        return cover.label(row)
    except (KeyError, TypeError, ValueError):
        text = next((row[c] for c in ("text", "title", "name", "period")
                     if isinstance(row.get(c), str) and row[c].strip()), None)
        return f"{cover.noun}（{quoted(text, 15)}）" if text else f"一条{cover.noun}"


def problems(db) -> list[str]:
    """Rows added, changed or removed outside the app, as Chinese sentences."""
    found: list[str] = []
    for table, cover in COVERED.items():
        now = current(db, table)
        last = logged(db, table)
        for record_id, row in now.items():
            state = last.get(record_id)
            if state is None:
                found.append(f"{_name(db, cover, row)}没有留痕记录，"
                             "可能是在软件之外添加的。")
            elif state != _snapshot(row):
                found.append(f"{_name(db, cover, row)}的内容与最后一次留痕不一致，"
                             "可能在软件之外被改动。")
        for record_id, state in last.items():
            if state is not None and record_id not in now:
                try:
                    row = json.loads(state)
                except ValueError:
                    row = {}
                found.append(f"{_name(db, cover, row)}已不存在，但没有删除的留痕，"
                             "可能在软件之外被删除。")
    return found
