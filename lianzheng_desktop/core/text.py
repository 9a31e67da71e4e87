"""Small rules of written Chinese shared by the checklist and the report."""

from __future__ import annotations

import re

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
