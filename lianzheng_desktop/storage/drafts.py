"""Form drafts: what an open form holds, kept as it is typed, until saved or given up.

One draft per form: (ledger, record number), number 0 for a new record. The values are the
form's raw values as JSON (dates as 2022-03-05, names as lists).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage.errors import circumstance_text

NEW = 0  # the record number of a form for a new record


@dataclass(frozen=True)
class Draft:
    ledger: str
    record_id: int  # NEW for a record not yet saved
    values: dict[str, Any]
    saved_at: datetime

    @property
    def what(self) -> str:
        """"2022-11-05 研究部署…": what the form holds (two drafts of one ledger apart)."""
        spec = LEDGERS[self.ledger]
        said = [str(self.values.get(key) or "").strip()
                for key in (spec.date_field, spec.title_field) if key]
        what = " ".join(part for part in said if part)
        return what if len(what) <= 24 else what[:24] + "…"

    @property
    def label(self) -> str:
        """"修改会议活动：2022-11-05 研究部署…": which form, and what it holds."""
        verb = "新增" if self.record_id == NEW else "修改"
        return f"{verb}{LEDGERS[self.ledger].label}" + (f"：{self.what}" if self.what else "")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def save(store, ledger: str, record_id: int, values: dict[str, Any]) -> None:
    """Keep the form's values; UserError if the data file cannot take them now."""
    fields = json.dumps({k: _plain(v) for k, v in values.items()}, ensure_ascii=False)
    stamp = store.clock().isoformat(timespec="seconds")
    try:
        with store.atomic():
            store.db.execute(
                "INSERT INTO record_draft (ledger, record_id, fields, saved_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (ledger, record_id) DO UPDATE SET"
                " fields = excluded.fields, saved_at = excluded.saved_at",
                [ledger, record_id, fields, stamp])
    except (sqlite3.Error, UserError) as exc:  # the disk or the file refused it
        cause = exc.__cause__ if isinstance(exc.__cause__, sqlite3.Error) else exc
        raise UserError(f"填写的内容暂未能存为草稿（{circumstance_text(cause)}），"
                        "请尽快保存。") from None


def discard(store, ledger: str, record_id: int) -> None:
    try:
        with store.atomic():
            store.db.execute("DELETE FROM record_draft WHERE ledger = ? AND record_id = ?",
                             [ledger, record_id])
    except sqlite3.Error as exc:
        raise UserError(f"未能删除草稿（{exc}）。") from None


def discard_within(store, ledger: str, record_id: int) -> None:
    """Remove the draft inside the caller's transaction (the record's save): the record
    and its draft's removal land together or not at all, so a form is never told
    "没有保存" for a record that was, nor offered again as a draft once it is saved."""
    store.db.execute("DELETE FROM record_draft WHERE ledger = ? AND record_id = ?",
                     [ledger, record_id])


def find(store, ledger: str, record_id: int) -> Draft | None:
    row = store.db.execute("SELECT fields, saved_at FROM record_draft WHERE ledger = ?"
                           " AND record_id = ?", [ledger, record_id]).fetchone()
    return Draft(ledger, record_id, json.loads(row[0]), datetime.fromisoformat(row[1])) \
        if row else None


def latest(store, ledger: str) -> Draft | None:
    """The form of ``ledger`` left unsaved last, if any."""
    row = store.db.execute("SELECT record_id, fields, saved_at FROM record_draft"
                           " WHERE ledger = ? ORDER BY saved_at DESC LIMIT 1",
                           [ledger]).fetchone()
    return Draft(ledger, row[0], json.loads(row[1]), datetime.fromisoformat(row[2])) \
        if row else None


def all_drafts(store) -> list[Draft]:
    rows = store.db.execute("SELECT ledger, record_id, fields, saved_at FROM record_draft"
                            " ORDER BY saved_at DESC")
    return [Draft(r[0], r[1], json.loads(r[2]), datetime.fromisoformat(r[3])) for r in rows
            if r[0] in LEDGERS]
