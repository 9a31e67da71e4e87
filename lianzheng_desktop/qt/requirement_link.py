"""计入要求: count a record toward one chosen requirement of the year's plan, whatever its
type. Left at 按类型自动计入, the record counts wherever its type matches."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox

from lianzheng_desktop.core.requirement_names import named
from lianzheng_desktop.storage.plans import load_plan
from lianzheng_desktop.storage.store import Store

AUTOMATIC = "按类型自动计入"


def label_of(requirement) -> str:
    """"第8条：每季度至少进行1次集中警示教育", or "（二）…" as the plan numbers it."""
    name = named(requirement)
    text = name if len(name) <= 34 else name[:34] + "…"
    where = requirement.item if requirement.item.startswith("（") \
        else f"第{requirement.item}条："
    return f"{where}{text}"


def linked_labels(store: Store, ledger: str, record) -> list[str]:
    """The requirements ``record`` is pointed at (计入要求), as the form shows them."""
    ids = set(store.links(ledger, record.id))
    day = getattr(record, "date", None)
    plan = load_plan(store, day.year) if ids and day is not None else None
    return [label_of(r) for r in plan.requirements if r.id in ids] if plan else []


class RequirementLink(QComboBox):
    """The requirements of the record's own year: a new date in another year offers that
    year's plan (a link to another year's requirement would count nowhere)."""

    def __init__(self, store: Store, ledger: str, year: int, linked: tuple[int, ...] = (),
                 parent=None):
        super().__init__(parent)
        self._store, self._ledger, self.year = store, ledger, year
        self._fill()
        self.setToolTip("一般按记录的类型自动计入年度计划的相应要求；类型对不上时，可在此指定"
                        "这条记录计入哪一项要求。指定有次数要求的一项，只计入该项；指定无量化"
                        "指标的一项（如“强化政治监督”），作为该项已有的工作，同时照常按类型计入。")
        self.choose(list(linked))
        self.initial = self.chosen()
        self._chosen_in: dict[int, list[int]] = {year: self.initial}  # a year's last choice

    def _fill(self) -> None:
        self.clear()
        self.addItem(AUTOMATIC, None)
        plan = load_plan(self._store, self.year)
        for requirement in plan.requirements if plan else []:
            # one marked by hand (no records count by type) can be met by a record of any
            # ledger pointed at it; one that counts records, by records of its ledger
            if requirement.counts is not None and requirement.counts.ledger != self._ledger:
                continue
            self.addItem(label_of(requirement), requirement.id)

    def find_label(self, label: str) -> int:
        """The index of the choice shown as ``label``, or of the one choice with its words
        under another number (a plan renumbered: "第8条：" now "第7条：", "（八）" "（七）");
        -1 when there is none, or more than one."""
        at = self.findText(label)
        if at >= 0:
            return at
        alike = [i for i in range(1, self.count())
                 if without_number(self.itemText(i)) == without_number(label)]
        return alike[0] if len(alike) == 1 else -1

    def follow_year(self, year: int) -> None:
        """The record's date moved to ``year``: offer that year's requirements (a choice
        from another year goes back to 按类型自动计入; the year's own comes back with it)."""
        if year != self.year:
            self._chosen_in[self.year] = self.chosen()
            self.year = year
            self._fill()
            self.choose(self._chosen_in.get(year, []))  # back in a year: its choice again

    def choose(self, requirement_ids: list[int]) -> None:
        self.setCurrentIndex(max(0, self.findData(requirement_ids[0])) if requirement_ids
                             else 0)

    def chosen(self) -> list[int]:
        value = self.currentData()
        return [] if value is None else [int(value)]


def without_number(label: str) -> str:
    """A choice's words without the number ``_fill`` puts before them: "第8条：严格制度执行"
    → "严格制度执行"."""
    return re.sub(r"^(?:第[^条：]+条：|（[^）]*）)", "", label)
