"""Form drafts: what an open form holds, kept as it is typed, until saved or given up.

One draft per form: (ledger, record number), number 0 for a new record. The values are the
form's raw values as JSON (dates as 2022-03-05, names as lists). A 修改 form's draft also
keeps the record's values as the form opened them (``was``, under WAS in the JSON), so that
going on with it later restores only what she changed, over the record as it is by then.
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
WAS = "_was"  # the record's values when the form opened, beside the draft's own


@dataclass(frozen=True)
class Draft:
    ledger: str
    record_id: int  # NEW for a record not yet saved
    values: dict[str, Any]
    saved_at: datetime
    was: dict[str, Any] | None = None  # a 修改's record as the form opened it (plain JSON)

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


@dataclass(frozen=True)
class Restored:
    """A draft laid over its record as it is now: ``values`` to put in the form (what she
    changed; all of a draft kept without ``was``), and ``since``: field → (was, now) for
    what changed in the record under her since the draft was kept."""
    values: dict[str, Any]
    since: dict[str, tuple[Any, Any]]


def restore_over(draft: Draft, now: dict[str, Any]) -> Restored:
    """What of ``draft`` goes back into a form showing ``now`` (the form's values)."""
    now = plain(now)
    if draft.was is None:  # a new record's draft, or one kept before ``was`` was kept
        return Restored(dict(draft.values), {})
    mine = {key: value for key, value in draft.values.items()
            if value != draft.was.get(key, value)}
    since = {key: (draft.was[key], now[key]) for key in draft.was
             if key in now and draft.was[key] != now[key]}
    for key in set(mine) & set(since):  # a list both changed: her ticks over the list now
        was, hers, there = draft.was[key], mine[key], now[key]
        if all(isinstance(v, list) for v in (was, hers, there)):  # (a person renamed since
            # stays ticked under the new name, not the old one: reviewer revlast2, 3)
            mine[key] = [n for n in there if n not in set(was) - set(hers)] + [
                n for n in hers if n not in was and n not in there]
    return Restored(mine, since)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def plain(values: dict[str, Any]) -> dict[str, Any]:
    """The values as a draft keeps them (and gives them back): JSON's own types."""
    return {k: _plain(v) for k, v in values.items()}


def save(store, ledger: str, record_id: int, values: dict[str, Any],
         was: dict[str, Any] | None = None) -> None:
    """Keep the form's values (``was``: the record's as the form opened it); UserError if
    the data file cannot take them now."""
    kept = plain(values) if was is None else {**plain(values), WAS: plain(was)}
    fields = json.dumps(kept, ensure_ascii=False)
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
        raise UserError(f"未能删除草稿（{circumstance_text(exc)}）。") from None


def discard_within(store, ledger: str, record_id: int) -> None:
    """Remove the draft inside the caller's transaction (the record's save): the record
    and its draft's removal land together or not at all, so a form is never told
    "没有保存" for a record that was, nor offered again as a draft once it is saved."""
    store.db.execute("DELETE FROM record_draft WHERE ledger = ? AND record_id = ?",
                     [ledger, record_id])


def _draft(ledger: str, record_id: int, fields: str, saved_at: str) -> Draft:
    values = json.loads(fields)
    was = values.pop(WAS, None) if isinstance(values, dict) else None
    return Draft(ledger, record_id, values, datetime.fromisoformat(saved_at), was)


def find(store, ledger: str, record_id: int) -> Draft | None:
    row = store.db.execute("SELECT fields, saved_at FROM record_draft WHERE ledger = ?"
                           " AND record_id = ?", [ledger, record_id]).fetchone()
    return _draft(ledger, record_id, *row) if row else None


def of_form(store, ledger: str) -> list[Draft]:
    """Every draft kept under ``ledger`` (a form's own key), the newest first."""
    rows = store.db.execute("SELECT record_id, fields, saved_at FROM record_draft"
                            " WHERE ledger = ? ORDER BY saved_at DESC", [ledger])
    return [_draft(ledger, *row) for row in rows]


def latest(store, ledger: str) -> Draft | None:
    """The form of ``ledger`` left unsaved last, if any."""
    row = store.db.execute("SELECT record_id, fields, saved_at FROM record_draft"
                           " WHERE ledger = ? ORDER BY saved_at DESC LIMIT 1",
                           [ledger]).fetchone()
    return _draft(ledger, *row) if row else None


def all_drafts(store) -> list[Draft]:
    rows = store.db.execute("SELECT ledger, record_id, fields, saved_at FROM record_draft"
                            " ORDER BY saved_at DESC")
    return [_draft(*r) for r in rows if r[0] in LEDGERS]
