"""A name a record gives that the roster has since renamed (a draft or a workbook made
before the change): said as what it is now, rather than "请先在人员名册中添加", which would
make a second person of one."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lianzheng_desktop.core.errors import ValidationError
from lianzheng_desktop.core.ledgers import NOT_ON_ROSTER

if TYPE_CHECKING:
    from lianzheng_desktop.storage.store import Store


def renamed_names(store: Store) -> dict[str, str]:
    """Former names → the roster's name now, from the trail of roster edits (改名)."""
    roster = store.roster_names()
    became: dict[str, str] = {}
    edits = store.db.execute("SELECT before, after FROM audit_log WHERE ledger = 'roster'"
                             " AND action = 'update' ORDER BY id")
    for before, after in edits:
        old, new = json.loads(before).get("name"), json.loads(after).get("name")
        if old and new and old != new:
            became[old] = new
    now = {}
    for old in became:
        name, seen = old, {old}
        while name in became and became[name] not in seen:  # renamed again since
            name = became[name]
            seen.add(name)
        if name in roster and name != old and old not in roster:
            now[old] = name
    return now


def naming_renames(store: Store, exc: ValidationError) -> ValidationError:
    """``exc`` with each name the roster renamed said as it is now."""
    if not any(NOT_ON_ROSTER in e.message for e in exc.errors):
        return exc
    renamed = renamed_names(store)
    errors = []
    for error in exc.errors:
        names = re.findall(r"“([^”]+)”", error.message.split(NOT_ON_ROSTER)[0])[1:]
        now = [(old, renamed[old]) for old in names if old in renamed]
        if NOT_ON_ROSTER in error.message and now:
            said = "、".join(f"“{old}”已在人员名册中改名为“{new}”" for old, new in now)
            rest = "，其余请先在人员名册中添加" if len(now) < len(names) else ""
            error = replace(error, message=error.message.split("，请先")[0]
                            + f"；{said}，请改选现在的名字{rest}")
        errors.append(error)
    return ValidationError(errors)
