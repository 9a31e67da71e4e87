"""The plan the program ships (县总工会机关党支部 2022): a new file starts with it, and a file
of another unit lets it go while nothing hangs on it."""

from __future__ import annotations

from datetime import datetime

from lianzheng_desktop.resources_access import read_text
from lianzheng_desktop.storage.plans import (
    import_plan_text,
    load_plan,
    log_changes,
    plan_years,
    source_text,
)
from lianzheng_desktop.storage.store import Store

BUILTIN_PLAN = ("plans", "trade-union-2022.txt")
BUILTIN_YEAR = 2022


def is_builtin_plan(store: Store, year: int) -> bool:
    """The year's plan is the one the program ships (县总工会机关党支部 2022), as shipped."""
    return year == BUILTIN_YEAR and source_text(store, year) == read_text(*BUILTIN_PLAN)


def drop_builtin_plan(store: Store) -> bool:
    """A new file of another unit (an audit office, a hospital): the trade union's plan the
    file started with is not its plan, and 首页 offered it as the unit's own last year's
    plan to copy. Removed while nothing hangs on it (a mark, a note, a record pointed at
    it); True if it went."""
    plan = load_plan(store, BUILTIN_YEAR)
    if plan is None or not is_builtin_plan(store, BUILTIN_YEAR):
        return False
    pointed = store.db.execute(
        "SELECT count(*) FROM record_requirement l JOIN requirement r"
        " ON r.id = l.requirement_id WHERE r.year = ?", [BUILTIN_YEAR]).fetchone()[0]
    if pointed or any(r.manual_done or r.note for r in plan.requirements):
        return False
    with store.atomic():
        store.db.execute("DELETE FROM requirement WHERE year = ?", [BUILTIN_YEAR])
        store.db.execute("DELETE FROM plan_reading WHERE year = ?", [BUILTIN_YEAR])
        store.db.execute("DELETE FROM plan WHERE year = ?", [BUILTIN_YEAR])
        log_changes(store, ("plan", BUILTIN_YEAR), "requirement")
    return True


def seed_builtin_plan(store: Store) -> None:
    """A new database starts with the branch's own plan (县总工会 2022)."""
    if plan_years(store):
        return
    # Dated (row and audit entries) at the start of its year: the program's own plan comes
    # before anything entered, so the demo year's records, entered "in 2022" after the new
    # file's first backup, are not taken for entries written back-dated behind its anchor.
    issued = Store(store.db, clock=lambda: datetime(BUILTIN_YEAR, 1, 1))
    import_plan_text(issued, read_text(*BUILTIN_PLAN), BUILTIN_YEAR)
