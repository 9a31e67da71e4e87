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
    """Former names → the name the same person has now, from the trail of roster edits
    (改名), person by person: a name another person took later is not theirs."""
    now = {row[0]: row[1] for row in store.db.execute("SELECT id, name FROM person")}
    edits = store.db.execute("SELECT record_id, before, after FROM audit_log"
                             " WHERE ledger = 'roster' AND action = 'update' ORDER BY id")
    whose: dict[str, int] = {}  # a former name → the person who bore it (last)
    for person_id, before, after in edits:
        old, new = json.loads(before).get("name"), json.loads(after).get("name")
        if old and new and old != new:
            whose[old] = person_id
    roster = set(now.values())
    return {old: now[person_id] for old, person_id in whose.items()
            if person_id in now and now[person_id] != old and old not in roster}


def naming_renames(store: Store, exc: ValidationError) -> ValidationError:
    """``exc`` with each name the roster renamed said as it is now."""
    if not any(NOT_ON_ROSTER in e.message for e in exc.errors):
        return exc
    return reworded(exc, renamed_names(store))


def reworded(exc: ValidationError, renamed: dict[str, str]) -> ValidationError:
    """``exc`` with the former names in ``renamed`` (old → now) said as they are now."""
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
