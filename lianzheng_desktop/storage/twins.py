"""A record already kept: what a new entry or a restore from 回收站 would double."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.record_identity import (
    SAME_DAY_AND_KIND,
    SAME_ENTRY,
    SAME_EVENT_LEDGERS,
    other_doers,
    same_event,
    titles_alike,
)
from lianzheng_desktop.core.record_source import DOER_FIELDS
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.storage.store import Query, Store


def same_records(store: Store, ledger_key: str, record: Record) -> list[Record]:
    """Kept records (other than ``record`` itself) that are the same one by SAME_ENTRY:
    the same day, kind and subject, unless two people's own (``other_doers``). Counted
    twice, they would lift the checklist."""
    spec = LEDGERS[ledger_key]
    day = getattr(record, spec.date_field) if spec.date_field else None
    if day is None:  # the roster: a name is unique already
        return []
    key = SAME_ENTRY[ledger_key]
    doer = DOER_FIELDS.get(ledger_key) if ledger_key == "activity" else None
    return [r for r in store.list(ledger_key, Query(start=day, end=day))
            if r.id != record.id and key(r) == key(record)
            and not (doer and other_doers(getattr(r, doer, ""), getattr(record, doer, "")))]


def near_records(store: Store, ledger_key: str, record: Record) -> list[Record]:
    """Kept records (other than ``record``) of its day and kind with near the same 主题
    (a session or meeting whose title was corrected): one event, likely, kept twice."""
    if ledger_key not in SAME_EVENT_LEDGERS:
        return []
    rec = cast(Any, record)
    kind, doer = SAME_DAY_AND_KIND[ledger_key], DOER_FIELDS[ledger_key]
    # near the same title, or its title reworded with the same people on it (revlast8 F5;
    # not another meeting of the same people: revlast9 G12)
    return [r for r in store.list(ledger_key, Query(start=rec.date, end=rec.date))
            if r.id != record.id and kind(r) == kind(record)
            and (same_event(rec, r) or titles_alike(rec.topic, cast(Any, r).topic)
                 and set(cast(Any, r).attendees) == set(rec.attendees))
            and not other_doers(getattr(r, doer, ""), getattr(rec, doer, ""))]


def same_event_elsewhere(store: Store, ledger_key: str, record: Record,
                         before: Record | None = None) -> list[tuple[str, Record]]:
    """Kept records of the other ledgers that are likely the same event as ``record``
    (``SAME_EVENT_LEDGERS``: one day, near the same 主题), as (ledger, record). For an
    edit (``before``, the record as kept), only when its date or 主题 changed: a pair
    already kept in both on purpose (一会多用) is not asked about again."""
    if ledger_key not in SAME_EVENT_LEDGERS:
        return []
    rec = cast(Any, record)
    if before is not None and (cast(Any, before).date, cast(Any, before).topic) == (
            rec.date, rec.topic):
        return []
    return [(other, kept) for other in SAME_EVENT_LEDGERS if other != ledger_key
            for kept in store.list(other, Query(start=rec.date, end=rec.date))
            if same_event(rec, kept)]


def twin_questions(store: Store, ledger_key: str, record: Record,
                   before: Record | None = None) -> list[tuple[str, str]]:
    """What the form asks before saving ``record`` (title, text; each answered 是 to save):
    a copy of a kept record of its ledger, then the same event kept in another ledger.
    ``before``: the record as kept, when this is an edit of it."""
    from lianzheng_desktop.storage.trash import describe

    spec = LEDGERS[ledger_key]
    if before is not None:  # an edit: the record itself is no copy of itself
        record = replace(record, id=before.id)
    asked = []
    kept = same_records(store, ledger_key, record)
    if kept:
        asked.append(("台账中已有相同的记录", (
            f"{spec.label}中已有一条相同的记录：\n{describe(spec, kept[0])}\n\n"
            "同一件事录入两次会重复计数。确实是另一条记录、仍要保存吗？")))
    elsewhere = same_event_elsewhere(store, ledger_key, record, before)
    if elsewhere:
        other, twin = LEDGERS[elsewhere[0][0]], elsewhere[0][1]
        asked.append((f"{other.label}中已有同一天的相近记录", (
            f"{other.label}中已有一条同一天、主题相近的记录：\n{describe(other, twin)}\n\n"
            f"如果本来就是同一次活动，既作{other.label}记录、又作{spec.label}记录"
            "（一会多用），可以两处都保存；如果是同一件事重复录入，请选“否”。仍要保存吗？")))
    return asked
