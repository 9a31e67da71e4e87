"""A record already kept: what a new entry or a restore from 回收站 would double."""

from __future__ import annotations

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.record_identity import SAME_RECORD
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.storage.store import Query, Store


def same_records(store: Store, ledger_key: str, record: Record) -> list[Record]:
    """Kept records (other than ``record`` itself) that are the same one by SAME_RECORD:
    the same day, kind and subject. Counted twice, they would lift the checklist."""
    spec = LEDGERS[ledger_key]
    day = getattr(record, spec.date_field) if spec.date_field else None
    if day is None:  # the roster: a name is unique already
        return []
    key = SAME_RECORD[ledger_key]
    return [r for r in store.list(ledger_key, Query(start=day, end=day))
            if r.id != record.id and key(r) == key(record)]
