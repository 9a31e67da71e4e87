"""Small rules of written Chinese shared by the checklist and the report."""

from __future__ import annotations

import re

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])[ ]+|[ ]+(?=[{_CJK}])")


def tidy(text: str) -> str:
    """Chinese prose sets numbers without spaces: "召开专题会议3次"."""
    return _SPACE_BY_CJK.sub("", text)
