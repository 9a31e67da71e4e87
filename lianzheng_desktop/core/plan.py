"""A year's plan (年度工作要点) as data: the requirements the checklist checks."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import Enum


class Period(str, Enum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"

    @property
    def label(self) -> str:
        labels = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "全年"}
        return labels[self.value]


class Role(str, Enum):
    ORGANISATION = "organisation"
    FIRST_RESPONSIBLE = "first_responsible"
    LEADERSHIP_MEMBER = "leadership_member"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return {"organisation": "党组织（领导班子）", "first_responsible": "书记（第一责任人）",
                "leadership_member": "每名班子成员", "member": "每名党员"}[self.value]

    @property
    def per_person(self) -> bool:
        """A duty of each person of a group: met only when every one of them has met it."""
        return self is not Role.ORGANISATION


@dataclass(frozen=True)
class Counts:
    """Which records count: one ledger and, for talks and activities, which types.

    ``types`` empty means every record of the ledger counts.
    """

    ledger: str  # "warning_education", "talk", "activity", "rectification"
    types: tuple[str, ...] = ()
    label: str = ""  # what the plan calls it, e.g. "集中警示教育"
    # Set by the checklist to the requirement being checked: records linked to it count
    # whatever their type, and a record linked elsewhere no longer counts by its type.
    link: int | None = None
    # Set by the checklist for a talk duty of the 书记 or of each 班子成员: only the talks
    # these people held count (their coverage and one-on-one share, not the branch's).
    by: tuple[str, ...] = ()
    # Set by the checklist to tell the records pointed at ``link`` from those of its types:
    # only those count.
    linked_only: bool = False

    def to_json(self) -> dict[str, object]:
        return {"ledger": self.ledger, "types": list(self.types), "label": self.label}

    def describe(self) -> str:
        """"会议活动：专题会议" — the ledger and the types that count, for checking."""
        from lianzheng_desktop.core.ledgers import LEDGERS

        ledger = LEDGERS[self.ledger].label
        return f"{ledger}：{'、'.join(self.types)}" if self.types else f"{ledger}（全部）"


@dataclass
class Requirement:
    """One checkable obligation derived from a plan item."""

    item: str  # the plan item's number, e.g. "11" (or "二.2" where numbers restart)
    text: str  # the obligation as the plan words it
    section: str = ""  # the heading the item stands under, e.g. "四、保持恒心定力…"
    item_title: str = ""  # e.g. "强化思想教育"
    item_text: str = ""  # the item's full text
    counts: Counts | None = None  # None: satisfied by hand
    period: Period | None = None
    target: int | None = None  # a count per period
    coverage: int | None = None  # percent of the people in scope to be reached
    share: int | None = None  # percent of counted talks that must be one-on-one problem talks
    role: Role | None = None  # who answers for it, where the plan says
    manual_done: bool = False  # marked as done by hand (items without a number)
    note: str = ""
    id: int | None = None
    unit_word: str = ""  # the plan's own measure word (篇, 期, 人次 …); "" = 次 or 件

    @property
    def unit(self) -> str:
        """The plan's own word where it has one; else 件 for problems and items, 次."""
        if self.unit_word:
            return self.unit_word
        counts = self.counts
        if counts and (counts.ledger == "rectification" or counts.types == ("协调解决问题",)):
            return "件"
        return "次"

    @property
    def is_numeric(self) -> bool:
        return self.target is not None or self.coverage is not None or self.share is not None

    @property
    def handed_in_after(self) -> int:
        """Days after its period ends by which a return on that period is handed in
        (core.returns); 0 for a duty done within its period."""
        from lianzheng_desktop.core.returns import handed_in

        found = handed_in(self)
        return found[0] if found else 0

    def own_sentence(self) -> tuple[str, str]:
        """The sentence of its item that holds the requirement's words, and the one before
        it (not the item's other sentences: a 政治学习 under an item that also speaks of 巡察
        is not a 巡察 duty, revlast4 F2)."""
        sentences = [s for s in re.split(r"(?<=[。；;！!？?])", self.item_text) if s]
        for at, sentence in enumerate(sentences):
            if self.text in sentence:
                return (sentences[at - 1] if at else ""), sentence
        return "", self.text

    def describe(self) -> str:
        """"每季度集中警示教育不少于1次，覆盖面100%" — what the numbers ask, in words."""
        label = self.counts.label if self.counts else ""
        parts = []
        if self.target is not None and self.period:
            who = f"{self.role.label}" if self.role and self.role.per_person else ""
            parts.append(f"{who}{self.period.label}{label}不少于{self.target}{self.unit}")
        if self.coverage is not None:
            parts.append(f"{'' if parts else label}覆盖面{self.coverage}%")
        if self.share is not None:
            parts.append(f"“一对一”问题性约谈{self.share}%")
        if parts:
            from lianzheng_desktop.core.returns import handed_in

            if found := handed_in(self):  # the plan's own words: 季末次月7日前, 10个工作日内
                parts[-1] += f"（{found[1]}报送）"
        if not parts:
            if self.counts and self.counts.ledger == "rectification":
                return "整改事项全部完成并“回头看”，或手工标记"
            return f"有{label}记录即可，或手工标记" if self.counts else "完成后手工标记"
        return "，".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "item": self.item, "text": self.text,
            "period": self.period.value if self.period else None,
            "target": self.target, "coverage": self.coverage, "share": self.share,
            "counts": self.counts.to_json() if self.counts else None,
            "role": self.role.value if self.role else None, "unit": self.unit,
        }


@dataclass
class Plan:
    year: int
    requirements: list[Requirement] = field(default_factory=list)
    title: str = ""

    def to_json(self) -> dict[str, object]:
        return {"year": self.year, "requirements": [r.to_json() for r in self.requirements]}


def validate_requirement(requirement: Requirement,
                         plan_types: Mapping[str, Collection[str]] | None = None) -> None:
    """Chinese messages naming the field; raises ValidationError.

    ``plan_types``: per ledger, the types plans have added beside the built-in ones."""
    from lianzheng_desktop.core.errors import FieldError, ValidationError
    from lianzheng_desktop.core.ledgers import LEDGERS

    errors = []
    if not requirement.text.strip():
        errors.append(FieldError("text", "要求内容", "“要求内容”为必填项"))
    if not requirement.item.strip():
        errors.append(FieldError("item", "条目", "“条目”为必填项"))
    for key, label, low, high in (("target", "次数", 0, 10_000), ("coverage", "覆盖面", 0, 100),
                                  ("share", "比例", 0, 100)):
        value = getattr(requirement, key)
        if value is not None and (not isinstance(value, int) or not low <= value <= high):
            errors.append(FieldError(key, label, f"“{label}”应为 {low} 到 {high} 之间的整数"))
    counts = requirement.counts
    if counts is not None:
        spec = LEDGERS.get(counts.ledger)
        if spec is None or spec.key == "roster":
            errors.append(FieldError("counts", "计入记录", "“计入记录”应为某一类台账"))
        elif counts.types:
            allowed = spec.field(spec.counted_by).choices if spec.counted_by else ()
            allowed = (*allowed, *(plan_types or {}).get(counts.ledger, ()))
            wrong = [t for t in counts.types if t not in allowed]
            if wrong:
                errors.append(FieldError("counts", "计入记录",
                                         f"“{'、'.join(wrong)}”不是{spec.label}的类型"))
    if requirement.is_numeric and counts is None:
        errors.append(FieldError("counts", "计入记录", "有数量要求的条目须指明计入哪类记录"))
    if requirement.target is not None and requirement.period is None:
        errors.append(FieldError("period", "周期", "有次数要求的条目须指明周期"))
    if errors:
        raise ValidationError(errors)
