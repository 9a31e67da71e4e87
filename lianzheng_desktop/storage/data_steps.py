"""Migration steps that carry data and need the program, not only SQL.

A migration script names its step in ``data_step``; ``run_pending`` runs each once, after
the scripts, and removes its name in the same transaction (a step cut short runs again on
the next opening).
"""

from __future__ import annotations

from collections.abc import Callable

from lianzheng_desktop.core.ledgers import LEDGERS


def audit_backfill(store) -> int:
    """Records written before the audit trail existed (0005) get their 新建 entry, as they
    are now, dated when they were entered; otherwise every one of them would be reported
    as "可能是在软件之外添加的". Returns how many entries were written."""
    from lianzheng_desktop.storage import audit
    from lianzheng_desktop.storage.tables import TABLES

    written = 0
    for key in LEDGERS:
        table = TABLES[key].table
        missing = [row[0] for row in store.db.execute(
            f"SELECT id FROM {table} WHERE id NOT IN"
            " (SELECT record_id FROM audit_log WHERE ledger = ?) ORDER BY id", [key])]
        for record_id in missing:
            record = store.get(key, record_id)
            at = record.created_at or store.clock()
            audit.append(store.db, at, key, record_id, "create", None,
                         audit.snapshot(key, record))
            written += 1
    return written


def trail_baseline(store) -> int:
    """0011: the tables the trail now covers are logged as they are (``create``), and each
    record whose last logged state is exactly its state without 补录 and the times gets an
    ``update`` adding them. A record that already disagreed with its log is not touched:
    logging it now would hide a change made outside the app. Returns the entries written."""
    import json

    from lianzheng_desktop.storage import audit, trail

    now = store.clock()
    written = sum(trail.log_all(store.db, now, table) for table in trail.COVERED)
    for key in LEDGERS:
        last = trail.logged(store.db, key)
        for record in store.list(key):
            before = last.get(record.id)
            if not before:
                continue
            after = audit.snapshot(key, record)
            old = json.loads(before)
            if audit.STAMPS[0] in old:
                continue
            plain = {k: v for k, v in json.loads(after).items() if k not in audit.STAMPS}
            if plain == old:
                audit.append(store.db, now, key, record.id, "update", before, after)
                written += 1
    return written


STEPS: dict[str, Callable[..., int]] = {"audit_backfill": audit_backfill,
                                        "trail_baseline": trail_baseline}


def run_pending(db) -> list[str]:
    """Run the steps the migrations asked for; their names."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'data_step'").fetchone():
        return []
    names = [row[0] for row in db.execute("SELECT name FROM data_step ORDER BY name")]
    if not names:
        return []
    from lianzheng_desktop.storage.store import Store

    store = Store(db)
    for name in names:
        with store.atomic():
            if name in STEPS:
                STEPS[name](store)
            db.execute("DELETE FROM data_step WHERE name = ?", [name])
    return names
