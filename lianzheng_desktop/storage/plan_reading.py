"""Whether the plan reader of today reads a year's imported text otherwise than the plan
the year has, so that 年度计划 can offer 按原文重新读取 when it would change something.

At each import the reader's own requirements (before the secretary checked them) are kept
(migration 0016). When today's reader reads the text as it did then, any difference from
the stored plan is the secretary's own doing and nothing is said. When it reads otherwise
(the reader has improved since), the requirements it now reads otherwise are counted; for a
plan imported before readings were kept, those that differ from the plan.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.requirement_pairs import measures, pair_requirements
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.store import Store

_NUMBERED = re.compile(r"\d+|[一二三四五六七八九十百]+")
# What the reader decides for a requirement; not what the secretary adds (marks, notes).
_READ = tuple(c for c in plans.COLUMNS if c not in ("manual_done", "note"))


def fingerprint(requirements: list[Requirement]) -> str:
    """The reader's requirements as canonical JSON: a list of rows in ``_READ``'s order."""
    rows = [[plans.requirement_row(r)[c] for c in _READ] for r in requirements]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _by_item(reading: str) -> dict[tuple[str, str], Counter]:
    grouped: dict[tuple[str, str], Counter] = {}  # in the text's order
    for row in json.loads(reading):  # item and text lead each row (_READ)
        grouped.setdefault((row[0], row[1]), Counter())[json.dumps(row)] += 1
    return grouped


def _read_otherwise(earlier: str, now: str) -> list[str]:
    """The item of each requirement read otherwise (by item and wording): changed, gained
    or lost."""
    before, after = _by_item(earlier), _by_item(now)
    items = []
    for key in {**after, **before}:
        old, new = before.get(key, Counter()), after.get(key, Counter())
        items += [key[0]] * (max(old.total(), new.total()) - (old & new).total())
    return items


def _unlike_the_plan(plan: list[Requirement], fresh: list[Requirement]) -> list[str]:
    """The item of each requirement the plan has otherwise than the text now reads."""
    pairs = pair_requirements(plan, fresh)
    paired = [id(old) for old in pairs.values()]
    return [*(r.item for index, r in enumerate(fresh)
              if index not in pairs or measures(r) != measures(pairs[index])),
            *(r.item for r in plan if id(r) not in paired)]


def read_at_import(store: Store, year: int) -> list[Requirement] | None:
    """What the reader read from the year's text at its import, before she checked it;
    None for a plan imported before readings were kept (or made otherwise)."""
    row = store.db.execute("SELECT fingerprint FROM plan_reading WHERE year = ?",
                           [year]).fetchone()
    if row is None:
        return None
    return [plans.requirement_from_json({**dict(zip(_READ, values, strict=True)),
                                         "manual_done": 0, "note": ""})
            for values in json.loads(row[0])]


@dataclass(frozen=True)
class ReadingChange:
    year: int
    items: tuple[str, ...]  # the item of each requirement that reading again would change
    reader_changed: bool  # False: imported before readings were kept, so it may be the user's

    @property
    def differing(self) -> int:
        return len(self.items)

    @property
    def item_words(self) -> str:
        """"第4、11条" — each item once, in the text's order; items a plan names itself
        ("第五", "第3段", "导语") as they are named, not "第第五条" (reviewer revdiff3, D5);
        "涉及…，共12处" where some item has more than one, so the count given is the count
        listed."""
        items = list(dict.fromkeys(self.items))
        plain = [i for i in items if _NUMBERED.fullmatch(i)]  # 2, 十一: the plan's 条
        named = [i for i in items if i not in plain]  # 第五, 第3段, 导语, 3.一是: as named
        words = "、".join(([f"第{'、'.join(plain)}条"] if plain else []) + named)
        if len(items) == self.differing:
            return words
        return f"涉及{words}，共{len(items)}处"  # two requirements of one item: 13项…共12处


def reading_change(store: Store, year: int) -> ReadingChange | None:
    """What a fresh reading of the year's text would change in its requirements; None when
    nothing would, or the year's plan has no text to read again."""
    text = plans.source_text(store, year)
    plan = plans.load_plan(store, year)
    if not text.strip() or plan is None:
        return None
    try:
        fresh = plans.read_plan(store, text, year).requirements
    except UserError:
        return None
    row = store.db.execute("SELECT fingerprint FROM plan_reading WHERE year = ?",
                           [year]).fetchone()
    now = fingerprint(fresh)
    if row is not None and row[0] == now:
        return None  # read as it was at the import: any difference is the secretary's
    unlike = _unlike_the_plan(plan.requirements, fresh)
    if not unlike:
        return None  # the plan already has it as the text now reads
    if row is None:
        return ReadingChange(year, tuple(unlike), reader_changed=False)
    # none: the same requirements, reordered; and only where the plan is unlike the new
    # reading — an item she has already set as the reader now reads it is not said (revjiwei11
    # X2, revjiwei12 R3: her own rename listed on every report as the reader's change)
    otherwise = [item for item in _read_otherwise(row[0], now) if item in unlike]
    return ReadingChange(year, tuple(otherwise), reader_changed=True) if otherwise else None
