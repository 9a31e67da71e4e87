"""Kinds of record a year's plan no longer counts, though records of the year have them.

A plan read anew names its kinds anew: the older reader made "每季度一次支委会、一次支部大会"
one kind "支委会、一次支部大会", the better one two kinds, 支委会 and 支部大会. The meetings filed
under the old kind then count for nothing, unsaid (reader13). The import says which, and
where to merge them (年度计划 → 活动类型…, whose rename moves the records with the name).
"""

from __future__ import annotations

from datetime import date

from lianzheng_desktop.core.plan import Plan
from lianzheng_desktop.storage.plans import load_plan
from lianzheng_desktop.storage.store import Query, Store

LEDGERS_WITH_TYPES = ("warning_education", "talk", "activity")


def idle_types(store: Store, year: int) -> list[tuple[str, str, int]]:
    """(ledger, kind, records of the year) for each kind a plan added that no requirement
    of the year's plan counts any more, while records of the year are of it."""
    return _idle(store, year, load_plan(store, year))


def _idle(store: Store, year: int, plan: Plan | None) -> list[tuple[str, str, int]]:
    if plan is None:
        return []
    counted = _counted(plan)
    every = {r.counts.ledger for r in plan.requirements if r.counts and not r.counts.types}
    found = []
    for ledger in LEDGERS_WITH_TYPES:
        for kind in store.plan_types(ledger):
            if (ledger, kind) in counted or ledger in every:  # (all its kinds count)
                continue
            held = store.count(ledger, Query(start=date(year, 1, 1), end=date(year, 12, 31),
                                             type=kind))
            if held:
                found.append((ledger, kind, held))
    return found


def _counted(plan: Plan) -> set[tuple[str, str]]:
    """(ledger, kind) of every kind the plan's requirements count by name."""
    return {(r.counts.ledger, kind) for r in plan.requirements if r.counts
            for kind in r.counts.types}


def idle_types_said(store: Store, year: int) -> str:
    """The sentence for the import: "" when every such kind is still counted."""
    plan = load_plan(store, year)
    idle = _idle(store, year, plan)
    if plan is None or not idle:
        return ""
    counted = _counted(plan)

    def said(ledger: str, kind: str, count: int) -> str:
        # the older reading's kind named after its list's first act: "支委会、一次支部大会"
        # held the 支委会 (its 支部大会 had a kind of its own)
        first = [k for own, k in counted if own == ledger and kind.startswith(k) and k != kind]
        return f"“{kind}”（{count} 条" + (f"，可合并到“{first[0]}”）" if len(first) == 1 else "）")

    names = "、".join(said(*found) for found in idle)
    # merging is only for records that are in truth one of the new kinds: a kind the plan
    # simply no longer asks for stays as it is (revlast4 F5: "合并" said of 政治学习 dropped)
    return (f"{year}年有记录的类型{names}已没有要求计入，这些记录照常保留在台账中。如它们其实"
            "是新计划中的某一类活动，可在“年度计划”页的“活动类型…”中把类型改名合并过去，记录随之"
            "计入；如新计划已不再要求这类活动，不必处理。")
