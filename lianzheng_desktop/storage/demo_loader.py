"""Putting the demo year (or a synthetic ledger) into an empty store."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from lianzheng_desktop.core.demo import DemoEntry
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.storage.store import Store


def load_entries(store: Store, entries: Iterable[DemoEntry], profile: UnitProfile) -> int:
    """Add every entry in one transaction, each stamped with the time it was entered.

    Refuses a store that already holds records, so the demo never mixes with real data.
    Returns the number of entries applied.
    """
    if not store.is_empty():
        raise UserError(
            "数据库中已有记录，示范数据只能装入空数据库。请用 --db 指定一个新的数据文件。"
        )
    # the unit set up before its first record (not "now": a backup made after the example
    # year would count the profile as changed since)
    entries = list(entries)
    moment = entries[0].entered if entries else datetime.now()
    original_clock = store.clock
    store.clock = lambda: moment
    ids: dict[str, int] = {}
    count = 0
    try:
        with store.atomic():
            store.save_profile(profile)
            for entry in entries:
                moment = entry.entered
                if entry.updates:
                    store.update(entry.ledger, ids[entry.updates], entry.values)
                else:
                    record = store.add(entry.ledger, entry.values)
                    if entry.key:
                        ids[entry.key] = record.id  # type: ignore[assignment]
                count += 1
    finally:
        store.clock = original_clock
    return count
