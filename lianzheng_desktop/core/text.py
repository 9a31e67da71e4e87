"""Small rules of written Chinese shared by the checklist and the report."""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACES = re.compile(" +")
# CJK punctuation, ideographs, full-width forms and Chinese quotes. Tested by code point:
# a regex class of these ranges takes over a millisecond to compile, at every start.
_CJK_RANGES = (("\u3000", "\u303f"), ("\u4e00", "\u9fff"), ("\uff00", "\uffef"))


def is_cjk(char: str) -> bool:
    return char != "" and (char in "“”" or any(low <= char <= high
                                                for low, high in _CJK_RANGES))


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def tidy(text: str) -> str:
    """Chinese prose sets numbers without spaces: "召开专题会议3次". A space between two
    Chinese characters is the writer's own ("《持续发力 纵深推进》") and stays."""
    def drop_by_cjk(space: re.Match[str]) -> str:
        before, after = text[space.start() - 1:space.start()], text[space.end():space.end() + 1]
        if _ideograph(before) and _ideograph(after):
            return space.group()
        return "" if is_cjk(before) or is_cjk(after) else space.group()

    return _SPACES.sub(drop_by_cjk, text)


def quoted(text: str) -> str:
    """“text”, with quotes inside it turned to single quotes (no nested “”)."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def spans(numbers: list[int], name: Callable[[int], str],
          span: Callable[[int, int], str] | None = None) -> str:
    """Ascending numbers said as a reader counts them: three or more in a row as one span
    ([1, 2, 3, 5, 9, 10] → "1月至3月、5月、9月、10月" with name "{n}月"); ``span`` says a run
    ("第一至第三季度"), else "{first}至{last}"."""
    span = span or (lambda first, last: f"{name(first)}至{name(last)}")
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(span(r[0], r[-1]) if len(r) > 2 else
                    "、".join(name(n) for n in r) for r in runs)


_SCOPE = re.compile(r"（期间在岗人员[^（）]*）")  # checklist_people._scope_basis


def scope_once(text: str) -> str:
    """Whom a coverage counts, said at its first use only: the year's paper said
    "（期间在岗人员，书记和班子成员除外）" after each of four quarters (revjiwei10 K7)."""
    seen: set[str] = set()

    def first(found: re.Match[str]) -> str:
        if found.group() in seen:
            return ""
        seen.add(found.group())
        return found.group()

    return _SCOPE.sub(first, text)
