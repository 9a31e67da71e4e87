"""The 修改要求 / 新增要求 form of a saved plan, kept as it is typed (a power cut, a killed
window), until it is saved or given up.

It uses the record forms' draft table (storage.drafts) under a key of its own, so the
ledgers' drafts bar does not list it: the 年度计划 page offers it instead. One draft per
requirement (its id), and one for a new requirement of whichever year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.storage import drafts
from lianzheng_desktop.storage.plans import requirement_as_json, requirement_from_json

FORM = "plan_requirement"  # record_draft.ledger of these drafts


@dataclass(frozen=True)
class RequirementDraft:
    year: int
    requirement: Requirement  # its id: the requirement being changed; None for a new one
    saved_at: datetime
    was: tuple[str, str] = ("", "")  # the item and text of the requirement being changed

    def find_in(self, requirements: list[Requirement]) -> Requirement | None:
        """The requirement this draft changes, in the year's plan as it is now: a plan
        saved again since (an import, 按原文重新读取) gave its requirements new ids, so
        the id alone could open the draft over another requirement."""
        if self.was == ("", ""):  # kept by an earlier version: its id is all it says
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
                 "was": [was.item, was.text] if was is not None else ["", ""]})


def discard(store, requirement_id: int | None) -> None:
    drafts.discard(store, FORM, _number(requirement_id))


def waiting(store, new_only: bool = False) -> RequirementDraft | None:
    """The form left unsaved last, if any (``new_only``: the 新增要求 form's)."""
    draft = drafts.find(store, FORM, drafts.NEW) if new_only else drafts.latest(store, FORM)
    if draft is None:
        return None
    requirement = requirement_from_json(draft.values["requirement"])
    requirement_id = None if draft.record_id == drafts.NEW else draft.record_id
    item, text = draft.values.get("was") or ["", ""]
    return RequirementDraft(draft.values["year"], replace(requirement, id=requirement_id),
                            draft.saved_at, (item, text))
