"""Plans and requirements in SQLite, and the checklist and warnings read from the store."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import cast

from lianzheng_desktop.core.checklist import Checklist, build_checklist
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import (
    Counts,
    Period,
    Plan,
    Requirement,
    Role,
    validate_requirement,
)
from lianzheng_desktop.core.records import Person
from lianzheng_desktop.core.requirement_pairs import (
    Replacement,
    compare,
    pair_requirements,
)
from lianzheng_desktop.core.warnings import Warning, build_warnings, reviews_since
from lianzheng_desktop.storage.reminded_items import open_rectification_items, unreviewed_items
from lianzheng_desktop.storage.store import Store

COLUMNS = ("item", "text", "section", "item_title", "item_text", "ledger", "types",
            "counts_label", "period", "target", "coverage", "share", "role", "manual_done", "note",
            "unit_word")


def _now(store: Store) -> str:
    return store.clock().isoformat(timespec="seconds")


def plan_changed_since(store: Store, year: int, moment: datetime) -> bool:
    """Whether the year's plan was imported, replaced or edited after ``moment``."""
    row = store.db.execute(
        "SELECT max(updated_at) FROM (SELECT updated_at FROM plan WHERE year = :year"
        " UNION ALL SELECT updated_at FROM requirement WHERE year = :year)",
        {"year": year}).fetchone()
    return row[0] is not None and row[0] > moment.isoformat(timespec="seconds")


def source_text(store: Store, year: int) -> str:
    """The text the year's plan was imported from ("" if it was made by hand or 沿用)."""
    row = store.db.execute("SELECT source_text FROM plan WHERE year = ?", [year]).fetchone()
    return row[0] or "" if row else ""


def plan_years(store: Store) -> list[int]:
    return [row[0] for row in store.db.execute("SELECT year FROM plan ORDER BY year")]


def load_plan(store: Store, year: int) -> Plan | None:
    row = store.db.execute("SELECT title FROM plan WHERE year = ?", [year]).fetchone()
    if row is None:
        return None
    rows = store.db.query("SELECT * FROM requirement WHERE year = ? ORDER BY position, id", [year])
    return Plan(year, [_to_requirement(r) for r in rows], row[0])


def _plan_types(store: Store) -> dict[str, tuple[str, ...]]:
    return {ledger: store.plan_types(ledger) for ledger in ("warning_education", "talk",
                                                            "activity")}


def plan_replacement(store: Store, plan: Plan, text: str = "",
                     listed: Sequence[str] = ()) -> Replacement | None:
    """What replacing the year's plan with ``plan`` (read from ``text``, if it was, with
    the sentences its reading ``listed`` as no duty) would remove or change; None when the
    year has no plan yet."""
    earlier = load_plan(store, plan.year)
    if earlier is None:
        return None
    links = dict(store.db.execute(
        "SELECT l.requirement_id, count(*) FROM record_requirement l JOIN requirement r"
        " ON r.id = l.requirement_id WHERE r.year = ? GROUP BY l.requirement_id",
        [plan.year]).fetchall())
    earlier_text = source_text(store, plan.year)
    # the earlier text as the reader reads it today: what differs from the stored plan
    # that way is the reader's change since the import, not her new text's
    earlier_now = read_plan(store, earlier_text, plan.year).requirements \
        if earlier_text else []
    from lianzheng_desktop.storage.plan_reading import read_at_import

    replacing = compare(earlier.requirements, earlier_text, plan.requirements, links, text,
                        listed, earlier_now, read_at_import(store, plan.year))
    # her change stays, the text saying the same: put into ``plan``'s requirements, so
    # fingerprint them as read before this (revloss6 N1)
    for earlier_one, new in replacing.hers:
        new.text, new.counts, new.period, new.target = earlier_one.text, \
            earlier_one.counts, earlier_one.period, earlier_one.target
        new.coverage, new.share, new.role, new.unit_word = earlier_one.coverage, \
            earlier_one.share, earlier_one.role, earlier_one.unit_word
    return replacing


def save_plan(store: Store, plan: Plan, source_text: str = "",
              keep: Collection[int] = (), reading: str = "") -> Plan:
    """Store ``plan`` as the year's plan, replacing any earlier one of that year.

    A requirement the earlier plan of the year also had (core.requirement_pairs) keeps
    what the secretary added to it: the mark done by hand, the note and the records
    pointed at it (计入要求). ``keep``: the ids of earlier requirements the new plan lacks
    that stay (after the new ones, with all of that); the rest go. ``reading``:
    the fingerprint of what the reader read from ``source_text`` before the secretary
    checked it (storage.plan_reading), or of the 底稿 copied from last year's plan (no
    text), or "" for a plan made otherwise.
    """
    types = _plan_types(store)
    for requirement in plan.requirements:
        validate_requirement(requirement, types)
    earlier = load_plan(store, plan.year)
    pairs = (pair_requirements(earlier.requirements, plan.requirements)
             if earlier is not None else {})
    for index, old in pairs.items():
        requirement = plan.requirements[index]
        if not requirement.manual_done and not requirement.note:
            requirement.manual_done, requirement.note = old.manual_done, old.note
    # each earlier requirement's id, by the new requirement that takes its place
    old_ids = {index: old.id for index, old in pairs.items() if old.id is not None}
    if earlier is not None and keep:  # after the new ones; the caller's list stays
        paired = [id(old) for old in pairs.values()]
        kept = [r for r in earlier.requirements if id(r) not in paired and r.id in keep]
        old_ids.update({len(plan.requirements) + n: r.id for n, r in enumerate(kept)
                        if r.id is not None})  # their 计入要求 stay with them
        plan = replace(plan, requirements=[*plan.requirements,
                                           *(replace(r, id=None) for r in kept)])
    now = _now(store)
    with store.atomic():
        links = store.db.execute(
            "SELECT l.ledger, l.record_id, l.requirement_id FROM record_requirement l"
            " JOIN requirement r ON r.id = l.requirement_id WHERE r.year = ?",
            [plan.year]).fetchall()
        store.db.execute("DELETE FROM requirement WHERE year = ?", [plan.year])
        store.db.execute(
            "INSERT INTO plan (year, title, source_text, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (year) DO UPDATE SET title = excluded.title,"
            " source_text = excluded.source_text, updated_at = excluded.updated_at",
            [plan.year, plan.title, source_text, now, now],
        )
        for position, requirement in enumerate(plan.requirements):
            requirement.id = _insert(store, plan.year, position, requirement, now)
        store.db.execute("DELETE FROM plan_reading WHERE year = ?", [plan.year])
        if reading:
            store.db.execute("INSERT INTO plan_reading (year, fingerprint) VALUES (?, ?)",
                             [plan.year, reading])
        # The requirements were replaced: each record's link follows its requirement to
        # the new row; a link to a requirement the new plan does not have goes with it.
        moved = {old_ids[index]: r.id for index, r in enumerate(plan.requirements)
                 if index in old_ids}
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO record_requirement (ledger, record_id, requirement_id)"
            " VALUES (?, ?, ?)",
            [(ledger, record, moved[old]) for ledger, record, old in links if old in moved])
        _drafts_follow(store, {old: new for old, new in moved.items() if new is not None},
                       [r.id for r in earlier.requirements if r.id is not None]
                       if earlier is not None else [])
        log_changes(store, ("plan", plan.year), "requirement", "record_requirement")
    return plan


def _drafts_follow(store: Store, moved: dict[int, int], old: list[int]) -> None:
    from lianzheng_desktop.storage import requirement_drafts  # it reads requirements here

    requirement_drafts.follow(store, moved, old)


def log_changes(store: Store, *changed) -> None:
    """Into the audit trail: a (table, key...) row, or every changed row of a table."""
    from lianzheng_desktop.storage import trail

    at = store.clock()
    for what in changed:
        if isinstance(what, tuple):
            trail.log(store.db, at, *what)
        else:
            trail.log_all(store.db, at, what)


def requirement_row(requirement: Requirement) -> dict[str, object]:
    counts = requirement.counts
    return {
        "item": requirement.item, "text": requirement.text, "section": requirement.section,
        "item_title": requirement.item_title, "item_text": requirement.item_text,
        "ledger": counts.ledger if counts else None,
        "types": json.dumps(list(counts.types) if counts else [], ensure_ascii=False),
        "counts_label": counts.label if counts else "",
        "period": requirement.period.value if requirement.period else None,
        "target": requirement.target, "coverage": requirement.coverage,
        "share": requirement.share, "role": requirement.role.value if requirement.role else None,
        "manual_done": int(requirement.manual_done), "note": requirement.note,
        "unit_word": requirement.unit_word,
    }


def _insert(store: Store, year: int, position: int, requirement: Requirement, now: str) -> int:
    row = requirement_row(requirement)
    cursor = store.db.execute(
        f"INSERT INTO requirement (year, position, {', '.join(COLUMNS)}, created_at, updated_at)"
        f" VALUES (?, ?, {', '.join('?' * len(COLUMNS))}, ?, ?)",
        [year, position, *(row[c] for c in COLUMNS), now, now],
    )
    return int(cursor.lastrowid or 0)


def requirement_as_json(requirement: Requirement) -> dict[str, object]:
    """A requirement not (yet) in a plan, as a JSON object (a plan being checked)."""
    return requirement_row(requirement)


def requirement_from_json(row: dict) -> Requirement:
    return _to_requirement({"id": None, **row})


def _to_requirement(row: dict) -> Requirement:
    counts = None
    if row["ledger"]:
        counts = Counts(row["ledger"], tuple(json.loads(row["types"])), row["counts_label"])
    return Requirement(
        id=row["id"], item=row["item"], text=row["text"], section=row["section"],
        item_title=row["item_title"], item_text=row["item_text"], counts=counts,
        period=Period(row["period"]) if row["period"] else None, target=row["target"],
        coverage=row["coverage"], share=row["share"],
        role=Role(row["role"]) if row["role"] else None,
        manual_done=bool(row["manual_done"]), note=row["note"], unit_word=row["unit_word"],
    )


def add_requirement(store: Store, year: int, requirement: Requirement) -> Requirement:
    validate_requirement(requirement, _plan_types(store))
    if load_plan(store, year) is None:
        raise UserError(f"尚无{year}年度计划，请先新建或导入该年度计划。")
    position = store.db.execute("SELECT coalesce(max(position), -1) + 1 FROM requirement"
                                " WHERE year = ?", [year]).fetchone()[0]
    with store.atomic():
        requirement.id = _insert(store, year, position, requirement, _now(store))
        log_changes(store, ("requirement", requirement.id))
    return requirement


def update_requirement(store: Store, requirement: Requirement) -> Requirement:
    validate_requirement(requirement, _plan_types(store))
    row = requirement_row(requirement)
    with store.atomic():
        cursor = store.db.execute(
            f"UPDATE requirement SET {', '.join(f'{c} = ?' for c in COLUMNS)}, updated_at = ?"
            " WHERE id = ?", [*(row[c] for c in COLUMNS), _now(store), requirement.id])
        log_changes(store, ("requirement", requirement.id))
    if cursor.rowcount != 1:
        raise UserError("这项要求已不存在，可能已被删除。")
    return requirement


def records_pointed_at(store: Store, requirement_id: int) -> int:
    """How many records point at a requirement (计入要求): what deleting it undoes."""
    return store.db.execute("SELECT count(*) FROM record_requirement WHERE requirement_id = ?",
                            [requirement_id]).fetchone()[0]


def remove_requirement(store: Store, requirement_id: int) -> None:
    with store.atomic():
        year = store.db.execute("SELECT year FROM requirement WHERE id = ?",
                                [requirement_id]).fetchone()
        store.db.execute("DELETE FROM requirement WHERE id = ?", [requirement_id])
        _drafts_follow(store, {}, [requirement_id])
        if year is not None:  # the plan changed (plan_changed_since: a kept report differs)
            store.db.execute("UPDATE plan SET updated_at = ? WHERE year = ?",
                             [_now(store), year[0]])
            log_changes(store, ("plan", year[0]))
        log_changes(store, ("requirement", requirement_id), "record_requirement")  # links went too


def start_new_year(store: Store, year: int, from_year: int | None = None) -> Plan:
    """A new year's plan copied from an earlier one (its marks cleared).

    Open rectification items need no copying: they belong to no year, and the checklist
    and warnings of every later year still see them until they are done.
    """
    if load_plan(store, year) is not None:
        raise UserError(f"{year}年度计划已存在。")
    earlier = [y for y in plan_years(store) if y < year]
    source = load_plan(store, from_year if from_year is not None else max(earlier, default=0))
    requirements = []
    for old in source.requirements if source else []:
        requirements.append(Requirement(**{**old.__dict__, "id": None, "manual_done": False,
                                           "note": ""}))
    title = f"{year}年党风廉政建设工作要点"
    # the 底稿 as copied is what she changes from: an import of the year's 工作要点 that
    # says the same keeps her changes (revloss4 L3: they were taken for the text's)
    from lianzheng_desktop.storage.plan_reading import fingerprint

    return save_plan(store, Plan(year, requirements, title), reading=fingerprint(requirements))


def read_plan(store: Store, text: str, year: int | None = None,
              names_for: int | None = None):
    """The plan ``text`` as the reader reads it for ``year`` (else the year it names),
    each type keeping the name the plan of ``names_for`` (else of that year) gave it where
    the reader now names it a little otherwise (core.requirement_pairs.keep_type_names):
    records carry that name."""
    from lianzheng_desktop.core.plan_parser import parse_plan  # not needed to open the window
    from lianzheng_desktop.core.requirement_pairs import keep_type_names

    draft = parse_plan(text, year)
    names_for = names_for or year or draft.year
    earlier = load_plan(store, names_for) if names_for else None
    if earlier is not None:
        own = {key: store.plan_types(key) for key in ("warning_education", "talk", "activity")}
        draft.requirements = keep_type_names(earlier.requirements, draft.requirements, own)
    return draft


def import_plan_text(store: Store, text: str, year: int | None = None):
    """Parse and store a plan at once; return the draft (with its unread sentences)."""
    draft = read_plan(store, text, year)
    store_draft(store, draft, text)
    return draft


def store_draft(store: Store, draft, text: str, keep: Collection[int] = (),
                reading: str | None = None) -> None:
    """Store a parsed plan as its year's plan (``keep``: see save_plan). ``reading``: the
    fingerprint of the draft as the reader read it, taken before ``plan_replacement`` put
    her own changes into it; else the draft's own."""
    from lianzheng_desktop.storage.plan_reading import fingerprint

    if draft.year is None:
        raise UserError("无法从文件中看出计划年度，请用 --year 指定（如 --year 2023）。")
    if not draft.requirements and not draft.items:
        raise UserError("文件中没有读到任何工作要点，请检查文件内容。")
    with store.atomic():
        store.add_plan_types(draft.new_types, draft.year)
        save_plan(store, Plan(draft.year, draft.requirements,
                              f"{draft.year}年党风廉政建设工作要点"), text, keep,
                  reading or fingerprint(draft.requirements))


# -- the checklist and warnings, read from the store -----------------------------------

def _plan_for(store: Store, year: int) -> Plan:
    plan = load_plan(store, year)
    if plan is None:
        raise UserError(f"尚无{year}年度计划。请在“年度计划”中导入{year}年工作要点，"
                        "或以上一年的计划为底稿新建。")
    return plan


def load_checklist(store: Store, quarter: Quarter, as_of: date) -> Checklist:
    """The quarter's checklist, counted by the database through its date indexes."""
    from lianzheng_desktop.storage.record_source import SqlSource

    plan = _plan_for(store, quarter.year)
    roster = cast(list[Person], store.list("roster"))
    return build_checklist(plan, SqlSource(store), roster, quarter, as_of,
                           today=store.clock().date())


def load_warnings(store: Store, as_of: date, quarter: Quarter | None = None,
                  checklist: Checklist | None = None) -> list[Warning]:
    """Warnings as of ``as_of``; pass the quarter's checklist if it is already at hand."""
    quarter = quarter or Quarter.containing(as_of)
    if checklist is None:
        try:
            checklist = load_checklist(store, quarter, as_of)
        except UserError:
            checklist = Checklist(quarter, as_of, [])
    gone = {name: left for name, (_, left) in store.roster_posts().items() if left}
    # the last quarter's returns, unless that is the quarter shown (said once: revdiff8 11)
    owed = _returns_owed(store, as_of) if quarter != Quarter.containing(as_of).previous() \
        else None
    since = reviews_since(checklist)
    unreviewed = unreviewed_items(store, since, as_of) if since is not None else []
    return build_warnings(checklist, open_rectification_items(store, as_of), as_of, gone, owed,
                          unreviewed=unreviewed)


def _returns_owed(store: Store, as_of: date) -> Checklist | None:
    """The returns on the periods that ended before ``as_of``'s quarter, as of then: by
    last year's plan in January, whether or not this year's is in yet (revjiwei8 H)."""
    from lianzheng_desktop.core.returns import ending_with
    from lianzheng_desktop.storage.record_source import SqlSource

    last = Quarter.containing(as_of).previous()
    plan = load_plan(store, last.year)
    owed = ending_with(plan, last, as_of) if plan is not None else None
    if owed is None or not owed.requirements:
        return None
    roster = cast(list[Person], store.list("roster"))
    return build_checklist(owed, SqlSource(store), roster, last, as_of,
                           today=store.clock().date())
