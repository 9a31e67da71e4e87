"""Corrections made while checking an imported plan, kept as they are made.

核对导入的年度工作要点 can take an hour: requirements corrected, sentences the reader left
turned into requirements. Each change is stored at once under the text being checked;
importing the same text again offers to go on from there. Saving the plan or giving the
corrections up removes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.plan_parser import Unread
from lianzheng_desktop.storage.errors import circumstance_text
from lianzheng_desktop.storage.plans import requirement_as_json, requirement_from_json
from lianzheng_desktop.storage.store import Store


@dataclass(frozen=True)
class CheckDraft:
    text: str  # the plan's text being checked
    year: int
    requirements: list[Requirement]
    pending: list[Unread]  # the sentences not yet made requirements
    edits: int
    saved_at: datetime


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save(store: Store, text: str, year: int, requirements: list[Requirement],
         pending: list[Unread], edits: int) -> None:
    """Keep the check as it stands; UserError (in Chinese) if the file refuses it."""
    try:
        with store.atomic():
            store.db.execute(
                "INSERT INTO plan_check_draft (text_sha, text, year, requirements, pending,"
                " edits, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (text_sha) DO UPDATE SET year = excluded.year,"
                " requirements = excluded.requirements, pending = excluded.pending,"
                " edits = excluded.edits, saved_at = excluded.saved_at",
                [_key(text), text, year,
                 json.dumps([requirement_as_json(r) for r in requirements], ensure_ascii=False),
                 json.dumps([[u.item, u.text, u.reason] for u in pending], ensure_ascii=False),
                 edits, store.clock().isoformat(timespec="seconds")])
    except (sqlite3.Error, UserError) as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, sqlite3.Error) else exc
        raise UserError(f"核对中的修改暂未能保存（{circumstance_text(cause)}），"
                        "请尽快点“保存计划”。") from None


def find(store: Store, text: str) -> CheckDraft | None:
    found = _drafts(store, "WHERE text_sha = ?", [_key(text)])
    return found[0] if found else None


def unfinished(store: Store) -> list[CheckDraft]:
    """Checks cut short with corrections in them, the latest first."""
    return _drafts(store, "WHERE edits > 0 ORDER BY saved_at DESC", [])


def _drafts(store: Store, where: str, params: list) -> list[CheckDraft]:
    rows = store.db.execute("SELECT text, year, requirements, pending, edits, saved_at"
                            f" FROM plan_check_draft {where}", params).fetchall()
    return [CheckDraft(text, year, [requirement_from_json(r) for r in json.loads(requirements)],
                       [Unread(*u) for u in json.loads(pending)], edits,
                       datetime.fromisoformat(saved_at))
            for text, year, requirements, pending, edits, saved_at in rows]


def discard(store: Store, text: str) -> None:
    with store.atomic():
        store.db.execute("DELETE FROM plan_check_draft WHERE text_sha = ?", [_key(text)])


def others_of_year(store: Store, year: int, text: str) -> list[CheckDraft]:
    """Unfinished checks (with corrections) of another text for ``year``, the latest
    first: saving the year's plan from ``text`` ends them (the caller asks first)."""
    return _drafts(store, "WHERE year = ? AND text_sha <> ? AND edits > 0"
                   " ORDER BY saved_at DESC", [year, _key(text)])


def discard_year(store: Store, year: int) -> None:
    """The year's plan is saved: checks of other texts of that year end (following one
    would put that text back over the plan saved). The caller has asked first about any
    with corrections in them (``others_of_year``)."""
    with store.atomic():
        store.db.execute("DELETE FROM plan_check_draft WHERE year = ?", [year])
