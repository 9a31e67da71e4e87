"""The 修改要求 / 新增要求 form of a saved plan, kept as it is typed (a power cut, a killed
window), until it is saved or given up.

It uses the record forms' draft table (storage.drafts) under a key of its own, so the
ledgers' drafts bar does not list it: the 年度计划 page offers it instead. One draft per
requirement (its id), and one for a new requirement of whichever year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.storage import drafts
from lianzheng_desktop.storage.plans import requirement_as_json, requirement_from_json

FORM = "plan_requirement"  # record_draft.ledger of these drafts
COUNTED = frozenset({"ledger", "types", "counts_label"})


@dataclass(frozen=True)
class RequirementDraft:
    year: int
    requirement: Requirement  # its id: the requirement being changed; None for a new one
    saved_at: datetime
    was: tuple[str, str] = ("", "")  # the item and text of the requirement being changed
    # the requirement being changed as the form opened it (its row); None in older drafts
    was_whole: dict[str, Any] | None = None
    # kept since drafts follow their requirement's id (``follow``): the id is the one
    keyed: bool = False

    def over(self, saved: Requirement) -> tuple[Requirement, bool]:
        """The draft laid over ``saved``, the requirement as it is now: only what she changed
        goes back (a plan imported again since keeps its new counting, number and target:
        revclose4 2); and whether ``saved`` changed under the draft since it was opened."""
        if self.was_whole is None:
            return replace(self.requirement, id=saved.id), False
        typed, was, now = (requirement_as_json(self.requirement), self.was_whole,
                           requirement_as_json(saved))
        mine = {key for key in typed if typed[key] != was.get(key, typed[key])}
        if mine & COUNTED:  # what it counts is one choice: its ledger, types and name
            mine |= COUNTED
        merged = {**now, **{key: typed[key] for key in mine}}
        since = any(now[key] != was.get(key, now[key]) for key in now)
        return replace(requirement_from_json(merged), id=saved.id), since

    def find_in(self, requirements: list[Requirement]) -> Requirement | None:
        """The requirement this draft changes, in the year's plan as it is now: a plan
        saved again since (an import, 按原文重新读取) gave its requirements new ids, so
        the id alone could open the draft over another requirement."""
        if self.keyed or self.was == ("", ""):  # its id is its requirement's (or all it
            # says, kept by an earlier version): an import that changed the sentence's
            # number is still the same requirement, moved there by ``follow`` (revloss3 D-1)
            return next((r for r in requirements if r.id == self.requirement.id), None)
        for same in (lambda r: r.id == self.requirement.id and (r.item, r.text) == self.was,
                     lambda r: (r.item, r.text) == self.was, lambda r: r.text == self.was[1]):
            found = [r for r in requirements if same(r)]
            if len(found) > 1:  # two alike (renumbered): the one with its id, if any
                found = [r for r in found if r.id == self.requirement.id]
            if len(found) == 1:
                return found[0]
        return None

    @property
    def label(self) -> str:
        """"修改2026年的要求“每季度至少…”": which form, and what it holds."""
        verb = "修改" if self.requirement.id is not None else "新增"
        what = self.requirement.text or self.requirement.item
        what = what if len(what) <= 24 else what[:24] + "…"
        return f"{verb}{self.year}年的要求" + (f"“{what}”" if what else "")


def _number(requirement_id: int | None) -> int:
    return drafts.NEW if requirement_id is None else requirement_id


def keep(store, year: int, requirement: Requirement, was: Requirement | None = None) -> None:
    """Keep the form as it stands (``was``: the requirement as saved, for a change);
    UserError (in Chinese) if the file refuses it."""
    drafts.save(store, FORM, _number(requirement.id),
                {"year": year, "requirement": requirement_as_json(requirement),
                 "was": [was.item, was.text] if was is not None else ["", ""],
                 "was_whole": requirement_as_json(was) if was is not None else None,
                 "keyed": True})


def follow(store, moved: dict[int, int], gone: Iterable[int] = ()) -> None:
    """Inside the transaction that replaced or removed requirements: each 修改 draft
    keyed by an old id (``moved``'s keys, ``gone``) goes to its requirement's new id, or,
    its requirement gone, to a number no requirement has, where 接着填写 says it is gone.
    Ids are handed out again: a draft left under one was overwritten by a 修改 of
    another requirement at its first keystroke (revcode2 C)."""
    old = sorted({*moved, *gone} - {drafts.NEW})
    held = [rid for (rid,) in store.db.execute(
        f"SELECT record_id FROM record_draft WHERE ledger = ? AND record_id IN"
        f" ({', '.join('?' * len(old))})", [FORM, *old])] if old else []
    if not held:
        return
    lowest = store.db.execute("SELECT min(coalesce(min(record_id), 0), 0) FROM record_draft"
                              " WHERE ledger = ?", [FORM]).fetchone()[0]
    parked = {}
    for rid in held:  # out of the way first: a new id may be another draft's old one
        lowest -= 1
        store.db.execute("UPDATE record_draft SET record_id = ? WHERE ledger = ? AND"
                         " record_id = ?", [lowest, FORM, rid])
        parked[rid] = lowest
    for rid, at in parked.items():
        if rid in moved:  # (another's draft under the new id, unlikely: stays parked)
            store.db.execute("UPDATE OR IGNORE record_draft SET record_id = ? WHERE"
                             " ledger = ? AND record_id = ?", [moved[rid], FORM, at])


def discard(store, requirement_id: int | None) -> None:
    drafts.discard(store, FORM, _number(requirement_id))


def waiting(store, new_only: bool = False) -> RequirementDraft | None:
    """The form left unsaved last, if any (``new_only``: the 新增要求 form's)."""
    draft = drafts.find(store, FORM, drafts.NEW) if new_only else drafts.latest(store, FORM)
    return None if draft is None else _kept(draft)


def waiting_for(store, year: int, requirement: Requirement,
                requirements: list[Requirement]) -> RequirementDraft | None:
    """The unsaved 修改 of ``requirement`` (one of the year's ``requirements``), if one is
    kept: opened again the usual way (修改要求, a double-click), the form goes on with it,
    not blank over it (revclose4 3: her first keystroke overwrote the kept 备注)."""
    for draft in drafts.of_form(store, FORM):
        kept = _kept(draft)
        if kept.year == year and kept.requirement.id is not None \
                and kept.find_in(requirements) is requirement:
            return kept
    return None


def _kept(draft: drafts.Draft) -> RequirementDraft:
    requirement = requirement_from_json(draft.values["requirement"])
    requirement_id = None if draft.record_id == drafts.NEW else draft.record_id
    item, text = draft.values.get("was") or ["", ""]
    return RequirementDraft(draft.values["year"], replace(requirement, id=requirement_id),
                            draft.saved_at, (item, text), draft.values.get("was_whole"),
                            bool(draft.values.get("keyed")))
