"""A record named as the secretary sees it in its ledger's table — an 整改事项 by its own
编号 and problem, a talk by its day, type and people, a session by its day and 主题 —
never by the database's row number, which no table shows (revscreen 7)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from lianzheng_desktop.core.ledgers import LEDGERS

STAMP_LABELS = {"late_entry": "补录标记", "created_at": "录入时间", "updated_at": "修改时间"}
TITLE_CHARS = 20  # of a 主题 or 问题描述 in a sentence
MOST_NAMES = 3  # of the people talked to


def quoted(text: object, limit: int | None = TITLE_CHARS) -> str:
    """“text”, cut at ``limit`` characters; quotes inside become ‘’ (never ““…”)."""
    plain = re.sub(r"\s*[\r\n]\s*", " ", str(text or "").strip())  # one line
    if limit is not None and len(plain) > limit:
        plain = plain[:limit] + "…"
    return "“" + plain.replace("“", "‘").replace("”", "’").replace('"', "'") + "”"


def _day(value: object) -> str:
    return str(value or "")[:10]


def record_words(ledger: str, values: Mapping[str, Any]) -> str:
    """The record without its ledger: 编号XC-01的“…”, 2022-03-05的“…”, …"""
    if ledger == "roster":
        return quoted(values.get("name"), None)
    if ledger == "rectification":
        number = str(values.get("number") or "").strip()
        problem = quoted(values.get("description"))
        return (f"编号{number}的{problem}" if number
                else f"{_day(values.get('found_date'))}发现的{problem}")
    day = _day(values.get("date"))
    if ledger == "talk":
        talkees = [str(n) for n in values.get("talkees") or ()]
        people = "、".join(talkees[:MOST_NAMES]) + (
            f"等{len(talkees)}人" if len(talkees) > MOST_NAMES else "")
        return f"{day}的{values.get('type') or '谈话'}（{values.get('talker') or ''}→{people}）"
    return f"{day}的{quoted(values.get('topic'))}"


def record_name(ledger: str, values: Mapping[str, Any]) -> str:
    """整改事项中编号XC-01的“…”; 谈话记录中2022-03-05的谈心谈话（王建国→刘芳）."""
    spec = LEDGERS.get(ledger)
    if spec is None:
        return "一条记录"
    return f"{spec.label}中{record_words(ledger, values)}"


def changed_labels(ledger: str, logged: str | None, now: str) -> list[str]:
    """The fields (in Chinese) in which the logged state and ``now`` (both as the audit
    trail's JSON) differ; none when the logged state cannot be read."""
    try:
        before, after = json.loads(logged or ""), json.loads(now)
    except ValueError:
        return []
    if not isinstance(before, dict):
        return []
    spec = LEDGERS[ledger]
    labels = [f.label for f in spec.fields if before.get(f.key) != after.get(f.key)]
    return labels + [label for key, label in STAMP_LABELS.items()  # logged since 0011
                     if key in before and before.get(key) != after.get(key)]


def last_logged(db, ledger: str, record_id: int) -> dict[str, Any] | None:
    """The record's fields as last logged (a deleted one's as it was before), if any."""
    row = db.execute("SELECT before, after FROM audit_log WHERE ledger = ? AND record_id = ?"
                     " ORDER BY id DESC LIMIT 1", [ledger, record_id]).fetchone()
    for state in (row[1], row[0]) if row else ():
        try:
            values = json.loads(state) if state else None
        except ValueError:
            continue
        if isinstance(values, dict):
            return values
    return None


def name_by_id(db, ledger: str, record_id: object) -> str:
    """The record with this row number, kept or (by its trail) deleted, named in words."""
    from lianzheng_desktop.core.ledgers import to_values
    from lianzheng_desktop.storage.store import Store
    from lianzheng_desktop.storage.tables import TABLES

    spec = LEDGERS.get(str(ledger))
    if spec is None or not isinstance(record_id, int):
        return "一条记录"
    found = db.execute(f"SELECT 1 FROM {TABLES[spec.key].table} WHERE id = ?",
                       [record_id]).fetchone()
    if found:
        return record_name(spec.key, to_values(spec, Store(db).get(spec.key, record_id)))
    values = last_logged(db, spec.key, record_id)
    return record_name(spec.key, values) if values else f"{spec.label}中一条已删除的记录"
