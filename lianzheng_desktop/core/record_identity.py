"""When two records are the same one: what an import, a restore from 回收站 and a new
entry in the form compare, so that a record is never counted twice."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any


def _rectification_key(r: Any) -> tuple:
    return (r.found_date, r.source, "编号", r.number) if r.number else (
        r.found_date, r.source, "描述", r.description)


# The same day, kind and subject (and, for a talk, the same people; for a meeting or
# activity, the same 负责人): one record. Each member's 履责报告 of one 党组会, worded
# alike, is each one's own (revjiwei10 K4: an import held back all but the first).
SAME_RECORD: dict[str, Callable[[Any], tuple]] = {
    "roster": lambda r: (r.name,),
    "warning_education": lambda r: (r.date, r.form, r.topic),
    "talk": lambda r: (r.date, r.type, r.talker, frozenset(r.talkees)),
    "rectification": _rectification_key,
    "activity": lambda r: (r.date, r.type, r.topic, r.host),
}

# What the form and a restore from 回收站 ask about: the same day, kind and subject, the
# 负责人 aside — a meeting entered again with it left blank, or typed otherwise (书记王建国,
# 王建国、李明), is likely the same one (revdiff10 E2); only ``other_doers`` tells two apart.
SAME_ENTRY: dict[str, Callable[[Any], tuple]] = {
    **SAME_RECORD, "activity": lambda r: (r.date, r.type, r.topic)}


def other_doers(one: str, other: str) -> bool:
    """Two 负责人 who are plainly other people: both given, neither within the other, no
    name in common (李明's and 张华's 履责报告 of one meeting, worded alike)."""
    from lianzheng_desktop.core.in_post import doer_names

    if not one or not other or one in other or other in one:
        return False
    return not set(doer_names(one)) & set(doer_names(other))


# Same day and kind: a row that differs from such a kept record only in its 主题 (or its
# people) is likely that record corrected in Excel, not a second one of the day.
SAME_DAY_AND_KIND: dict[str, Callable[[Any], tuple]] = {
    "warning_education": lambda r: (r.date, r.form),
    "talk": lambda r: (r.date, r.type, r.talker),
    "activity": lambda r: (r.date, r.type),
    # its 问题描述 corrected; a 编号 tells problems of one 巡察 apart, so it must agree
    "rectification": lambda r: (r.found_date, r.source, r.number),
}


def corrected_name(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one character written otherwise, added or left out (吴涛 and
    吴韬, 王芳 and 王方, 欧阳明 and 欧明): a name likely corrected, not another person's."""
    if a == b or not a or not b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


# A kept person absent from a workbook's whole roster, and a new name there with the same
# 职务 and 角色 (or a name one character apart): likely the name corrected in Excel.
SAME_PERSON_BUT_NAME: Callable[[Any], tuple] = lambda r: (r.post, r.role)  # noqa: E731


# One event may be kept in two ledgers: a 以案促改专题会 is a 专题会议 (会议活动) and a
# 警示教育 too. Entered in both on one day with near the same 主题, it is likely one event
# (一会多用, allowed, but a reader counts it once): the form asks before saving the second.
SAME_EVENT_LEDGERS = ("warning_education", "activity")
_NOT_WORDS = re.compile(r"[\s\W_]+")  # spaces, punctuation, 《》“”（）、，。
_CLOSE = 0.8  # SequenceMatcher ratio of two 主题 written a little differently
_SHORTEST = 4  # a 主题 this long or longer may be found inside the other's
_REWORDED = 0.45  # … and of one 主题 reworded (titles_alike)


def titles_alike(a: str, b: str) -> bool:
    """Two 主题 sharing a run of words (学习…全会精神 / 集中学习…全会和省纪委全会精神): one
    title reworded, not another meeting's (观看警示教育片《零容忍》)."""
    x, y = (_NOT_WORDS.sub("", t) for t in (a, b))
    if not x or not y:
        return False
    # 学习二十届中央纪委五次全会精神 / 集中学习全会和省纪委全会精神: 0.55 (revlast10 1);
    # 研究部署全年党风廉政建设工作 / 2026年党风廉政建设工作部署会: 0.67 (revlast11 1);
    # 研究巡察整改推进工作 / 研究干部选拔任用廉政意见: 0.27. In doubt a row is held and said
    # ("疑似回收站中的…"), which she can act on; imported, a meeting counts twice unsaid.
    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= _REWORDED


def same_event(a: Any, b: Any) -> bool:
    """``a`` and ``b`` (a 警示教育 and a 会议活动, or either two) are of one day with the
    same or near the same 主题: the same, one inside the other, or alike but for a word."""
    if a.date != b.date:
        return False
    x, y = _NOT_WORDS.sub("", a.topic), _NOT_WORDS.sub("", b.topic)
    if not x or not y:
        return False
    shorter, longer = sorted((x, y), key=len)
    if x == y or (len(shorter) >= _SHORTEST and shorter in longer):
        return True
    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= _CLOSE
