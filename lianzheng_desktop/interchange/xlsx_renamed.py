"""A name corrected in an exported workbook (吴涛 → 吴韬): 疑似更正姓名, not a new person.

Roster rows are the same person when their 姓名 agree (``core.record_identity``). A name
corrected in Excel would so add a second person who attended nothing — and the checklist
would then print coverage short of 100% and “尚未覆盖：吴韬”. When the workbook's roster
sheet holds the kept roster (some kept names are on it) and a new name there looks like a
kept person's whose own name is missing from it — a name every row of the other sheets
has in place of the kept one (all those rows conflict on it), or the same 职务 and 角色 or
a name one character apart, with a kept record so rewritten or no row and no later
到岗日期 of his own (those fit a newcomer who took a leaver's post) — the row is a 冲突
pointing to the app's own way: change the name in 人员名册, which carries it to every
record. Rows of the other sheets that would add a record naming that person wait for it
too (they would name someone not on the roster).
"""

from __future__ import annotations

from typing import Any

from lianzheng_desktop.core.ledgers import Kind
from lianzheng_desktop.core.record_identity import SAME_PERSON_BUT_NAME, corrected_name
from lianzheng_desktop.interchange.xlsx_match import Conflict, record_words
from lianzheng_desktop.storage.store import Store


def hold_corrected_names(store: Store, plan: Any, sheet_names: set[str],
                         rows_of: dict[int, tuple[str, int]]) -> dict[str, str]:
    """Move roster rows that look like a kept person renamed (and the rows naming them)
    from ``new`` to ``conflicts``. ``sheet_names``: every name on the roster sheet.
    Returns the names held: the new name → the kept one it likely corrects."""
    roster = next((s for s in plan.sheets if s.spec.key == "roster"), None)
    if roster is None or not roster.new:
        return {}
    kept = store.list("roster")
    if not any(person.name in sheet_names for person in kept):
        return {}  # a sheet of new people only says nothing of who is missing from it
    absent = [person for person in kept if person.name not in sheet_names]
    same_post = "post" in roster.columns and "role" in roster.columns
    held: dict[str, str] = {}  # the new name → the kept one it likely corrects
    for record in list(roster.new):
        was = _only_in_conflicts(plan, record.name, absent, set(held.values()))
        if was is None:
            # alike in post or one character apart: a corrected name when a kept record is
            # rewritten to it, or when nothing else speaks of him (the roster sheet alone
            # corrected: revlast3 1); a newcomer (吴军 after 吴涛 left, both 党员) when rows
            # of his own or a 到岗日期 after the leaver's name him — held, the advice would
            # rewrite the leaver's records (revdiff4 F1)
            was = _corrected(record, absent, same_post, set(held.values()))
            if was is not None and not _renamed_somewhere(plan, record.name, was.name) \
                    and (_named_in_rows(plan, record.name) or _came_after(record, was)):
                was = None
        if was is None:
            continue
        held[record.name] = was.name
        roster.new.remove(record)
        where, number = rows_of[id(record)]
        roster.conflicts.append(Conflict(
            where, number, f"“{was.name}”", ("姓名",), near=True, said=(
                f"人员名册中没有“{record.name}”，但有“{was.name}”（{_post(was)}），"
                f"表格中却没有“{was.name}”，疑似更正姓名，未导入。如是同一人，请在软件的"
                f"“人员名册”中修改“{was.name}”的姓名为“{record.name}”（列有此人的记录会随之"
                "改过来），再导入一次；如确是另一个人，请在人员名册中新增")))
    if held:
        _hold_rows_naming(plan, held, rows_of)
    return held


def _corrected(record: Any, absent: list[Any], same_post: bool, taken: set[str]) -> Any:
    for person in absent:
        if person.name in taken:
            continue
        alike = same_post and SAME_PERSON_BUT_NAME(person) == SAME_PERSON_BUT_NAME(record)
        if alike or (corrected_name(person.name, record.name) and person.role == record.role):
            return person
    return None


def _only_in_conflicts(plan: Any, name: str, absent: list[Any], taken: set[str]) -> Any:
    """The kept person whose name the rows naming ``name`` all have in its place: every
    row of the other sheets naming ``name`` conflicts with a kept record naming them."""
    others = [s for s in plan.sheets if s.spec.key != "roster"]
    keys = {s.spec.key: _name_keys(s.spec) for s in others}
    if any(name in _names_in(r, keys[s.spec.key]) for s in others for r in s.new):
        return None  # a row naming them is new: they are not only in conflicts
    differ = [(mine, kept) for s in others for c in s.conflicts for _, mine, kept in c.values
              if name in mine and name not in kept]
    if not differ:
        return None
    for person in absent:  # named in its place, not beside it (a newcomer: revlast3 4)
        if person.name not in taken and all(person.name in kept and person.name not in mine
                                            for mine, kept in differ):
            return person
    return None


def _renamed_somewhere(plan: Any, name: str, kept_name: str) -> bool:
    """Some row of the other sheets names ``name`` in place of ``kept_name`` where its kept
    record names them: the workbook rewrote a kept record's person, not added one (a row
    naming both added a newcomer beside the leaver: revlast3 4)."""
    return any(name in mine and kept_name not in mine and kept_name in kept
               and name not in kept
               for s in plan.sheets if s.spec.key != "roster"
               for c in s.conflicts for _, mine, kept in c.values)


def _named_in_rows(plan: Any, name: str) -> bool:
    """Some row of the other sheets names ``name`` (his own records, new or not)."""
    for sheet in plan.sheets:
        if sheet.spec.key == "roster":
            continue
        keys = _name_keys(sheet.spec)
        rows = [*sheet.new, *(record for _, record in sheet.checked)]
        if any(name in _names_in(r, keys) for r in rows) or any(
                name in mine for c in sheet.conflicts for _, mine, _kept in c.values):
            return True
    return False


def _came_after(record: Any, was: Any) -> bool:
    """The new row's 到岗日期 after the kept person's 离岗日期: one who came after."""
    joined, left = getattr(record, "joined_on", None), getattr(was, "left_on", None)
    return joined is not None and left is not None and joined > left


def _name_keys(spec: Any) -> list[str]:
    return [f.key for f in spec.fields if f.kind in (Kind.PERSON, Kind.PEOPLE) or f.key == "host"]


def _post(person: Any) -> str:
    return "、".join(part for part in (person.post, person.role) if part)


def _hold_rows_naming(plan: Any, held: dict[str, str],
                      rows_of: dict[int, tuple[str, int]]) -> None:
    for sheet in plan.sheets:
        if sheet.spec.key == "roster":
            continue
        keys = _name_keys(sheet.spec)
        for record in list(sheet.new):
            named = _names_in(record, keys) & held.keys()
            if not named:
                continue
            sheet.new.remove(record)
            words = record_words(sheet.spec, record)
            for new, kept in held.items():
                words = words.replace(new, kept)
            sheet.held_words.add(words)  # the kept record it stands for is not absent
            name = sorted(named)[0]
            where, number = rows_of[id(record)]
            sheet.conflicts.append(Conflict(
                where, number, "", ("姓名",), near=True, said=(
                    f"写有“{name}”，人员名册中还没有此人（疑似“{held[name]}”更正姓名，"
                    f"见人员名册一页），未导入；如是同一人，在人员名册中把“{held[name]}”改为"
                    f"“{name}”后再导入一次即可；如是另一个人，请先在人员名册中新增“{name}”")))


def _names_in(record: Any, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for key in keys:
        value = getattr(record, key, None)
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, (tuple, list, frozenset, set)):
            found.update(v for v in value if isinstance(v, str))
    return found
