"""When two records are the same one: what an import, a restore from 回收站 and a new
entry in the form compare, so that a record is never counted twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _rectification_key(r: Any) -> tuple:
    return (r.found_date, r.source, "编号", r.number) if r.number else (
        r.found_date, r.source, "描述", r.description)


# The same day, kind and subject (and, for a talk, the same people): one record.
SAME_RECORD: dict[str, Callable[[Any], tuple]] = {
    "roster": lambda r: (r.name,),
    "warning_education": lambda r: (r.date, r.form, r.topic),
    "talk": lambda r: (r.date, r.type, r.talker, frozenset(r.talkees)),
    "rectification": _rectification_key,
    "activity": lambda r: (r.date, r.type, r.topic),
}

# Same day and kind: a row that differs from such a kept record only in its 主题 (or its
# people) is likely that record corrected in Excel, not a second one of the day.
SAME_DAY_AND_KIND: dict[str, Callable[[Any], tuple]] = {
    "warning_education": lambda r: (r.date, r.form),
    "talk": lambda r: (r.date, r.type, r.talker),
    "activity": lambda r: (r.date, r.type),
    # its 问题描述 corrected; a 编号 tells problems of one 巡察 apart, so it must agree
    "rectification": lambda r: (r.found_date, r.source, r.number),
}
