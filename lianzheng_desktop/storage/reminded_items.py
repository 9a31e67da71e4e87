"""The 整改 items 首页's reminders speak of, read from the store: those still open on a
day, and those finished and not yet looked back at (回头看)."""

from __future__ import annotations

from datetime import date
from typing import cast

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.warnings import Unreviewed
from lianzheng_desktop.storage.store import Store


def open_rectification_items(store: Store, as_of: date) -> list[RectificationItem]:
    """Items not done on ``as_of``, from any year (they carry over until closed): by their
    完成日期, as the checklist and the report count them, not by today's 状态 (首页 set to
    an earlier day named no item that was overdue then and finished since)."""
    rows = store.db.execute(
        "SELECT id FROM rectification_item WHERE (completed_date IS NULL OR completed_date > ?)"
        " AND NOT (status = ? AND trim(measures) != '') AND found_date <= ?"
        " ORDER BY deadline, id",  # 长期坚持 with no measure written is open (record_source)
        [as_of.isoformat(), vocab.STATUS_ONGOING, as_of.isoformat()]).fetchall()
    return [cast(RectificationItem, store.get("rectification", row[0])) for row in rows]


def unreviewed_items(store: Store, since: date, as_of: date) -> list[Unreviewed]:
    """Items finished from ``since`` to ``as_of`` and not looked back at by then (回头看),
    in one query (721 items read one by one cost the 10-year file's start 25 ms)."""
    rows = store.db.execute(
        "SELECT id, number, description, source, completed_date FROM rectification_item"
        " WHERE completed_date BETWEEN ? AND ? AND (review_date IS NULL OR review_date > ?)"
        " ORDER BY completed_date, id",
        [since.isoformat(), as_of.isoformat(), as_of.isoformat()]).fetchall()
    return [Unreviewed(row[0], row[1] or "", row[2] or "", row[3] or "",
                       date.fromisoformat(row[4])) for row in rows]
