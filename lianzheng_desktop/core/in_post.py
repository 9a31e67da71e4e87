"""Who may be named as having done what a record records, on its day.

A 主持人 (警示教育) or 负责人 (会议活动) must be in post on the day, as attendees and the
people of a talk are (``ledgers.out_of_post``). A 整改责任人 may not be one who had left
before the problem was found; one who arrived after it may (the successor takes the item
over). These fields are free text: they may hold several names (马红梅、郑小芳) or a guest
not on the roster (县纪委张三), so only the names on the roster with a known 到岗/离岗日期
are checked.

A record kept before this rule existed is not rewritten, nor refused on an edit that
leaves the field and the record's date as they were (``before``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from lianzheng_desktop.core.errors import FieldError

if TYPE_CHECKING:
    from lianzheng_desktop.core.ledgers import LedgerSpec
    from lianzheng_desktop.core.records import Record

Posts = Mapping[str, tuple[date | None, date | None]]

DOER_SEPARATORS = re.compile(r"[、，,；;\s]+")
DOER_NAME = re.compile(r"[^、，,；;\s]+")  # one name in such a field

# ledger → (the doer field, whether arriving after the day also counts against it)
DOER_FIELDS_CHECKED: dict[str, tuple[str, bool]] = {
    "warning_education": ("host", True),
    "activity": ("host", True),
    "rectification": ("owner", False),
}


def doer_names(value: object) -> list[str]:
    """The names in a free-text doer field, in the order written."""
    if not value:
        return []
    return [name for name in DOER_SEPARATORS.split(str(value)) if name]


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def absence(name: str, day: date, joined: date | None, left: date | None,
            arrivals: bool = True) -> str | None:
    """Why ``name`` was not in post on ``day`` (None when they were, or it is not known)."""
    if left is not None and day > left:
        return f"{name}已于{_day(left)}离岗，{_day(day)}不在岗；请核对日期或人员"
    if arrivals and joined is not None and day < joined:
        return f"{name}{_day(joined)}才到岗，{_day(day)}尚未到岗；请核对日期或人员"
    return None


def doers_out_of_post(ledger: LedgerSpec, t: Mapping[str, Any], posts: Posts,
                      before: Record | None = None) -> Iterator[FieldError]:
    """The 主持人/负责人/整改责任人 named on a day they were not in post. ``before``: the
    kept record this is an edit of; unchanged field and date are not checked again."""
    rule = DOER_FIELDS_CHECKED.get(ledger.key)
    if rule is None or ledger.date_field is None:
        return
    key, arrivals = rule
    day = t.get(ledger.date_field)
    if day is None:
        return
    if before is not None and getattr(before, key, None) == t.get(key) \
            and getattr(before, ledger.date_field, None) == day:
        return
    for name in dict.fromkeys(doer_names(t.get(key))):
        if name not in posts:  # a guest, or one whose dates are not known
            continue
        why = absence(name, day, *posts[name], arrivals=arrivals)
        if why is not None:
            yield FieldError(key, ledger.field(key).label, why)
