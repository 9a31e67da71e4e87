"""Shapes of an obligation the item reader reads besides NUMBER UNIT under a period: a
list of counted duties (七个一: 建立一个…、进行一次…), a cadence list (月通报、季评估),
半年和全年, and a slogan (每月一廉文荐读). A mixin of ``plan_reader.ItemReader``: each
method makes requirements with ``self.requirement`` and lists with ``self.untracked``."""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan import Period, Requirement
from lianzheng_desktop.core.plan_draft import mask_quotes
from lianzheng_desktop.core.plan_grammar import (
    DAY,
    LONG,
    WEEK,
    counts_in,
    is_past,
    keyword_after,
    spans,
    subject_role,
)
from lianzheng_desktop.core.plan_naming import new_type
from lianzheng_desktop.core.plan_records import listed_duties, named_counts
from lianzheng_desktop.core.plan_shapes import cadence_lists, half_and_year

_SLOGAN_RE = re.compile(r"每(月|季度?|半年|年|周|天|日)一(?![次回个件篇期份项度年月周天日])"
                        r"([\u4e00-\u9fff]{1,8}?)(?=[”」\"’、，,等])")

UNTRACKED = {WEEK: "按周的要求只列出，不纳入季度清单", DAY: "按天的要求只列出，不纳入季度清单",
             LONG: "周期长于一年，不纳入季度清单"}
_SLOGAN_PERIODS = {"月": Period.MONTH, "季": Period.QUARTER, "季度": Period.QUARTER,
                   "半年": Period.HALF, "年": Period.YEAR, "周": WEEK, "天": DAY, "日": DAY}


class OtherForms:
    """Needs ``requirement(text, **values)`` and ``untracked(text, reason)`` (ItemReader)."""

    def requirement(self, text: str, **values) -> Requirement:
        raise NotImplementedError  # ItemReader's

    def untracked(self, text: str, reason: str) -> None:
        raise NotImplementedError  # ItemReader's

    # -- “七个一”: 即建立一个…、进行一次…、签订一份… ------------------------------------
    def _listed(self, sentence: str, text: str) -> list[Requirement]:
        """Each element of a list of counted duties is a duty of its own (once, no period)."""
        found = []
        for c_start, c_end in spans(sentence):
            if is_past(sentence[c_start:c_end], ""):
                continue
            for a, b in listed_duties(sentence[c_start:c_end]):
                words = text[c_start + a:c_start + b]
                found.append(self.requirement(
                    words, counts=named_counts(mask_quotes(words)),
                    role=subject_role(sentence[:c_start])))
        return found

    # -- “周调度、月通报、季评估” -----------------------------------------------------------
    def _cadences(self, text: str) -> list[Requirement]:
        found = []
        for _words, period, act in cadence_lists(text):
            if not isinstance(period, Period):
                self.untracked(act, UNTRACKED[period])  # 周调度, of 周调度、月通报
                continue
            name = act[-2:]  # 月通报, 季度督查 → 通报, 督查
            # each act titled by its own words: two rows of one list never read alike
            found.append(self.requirement(act, counts=keyword_after(name) or new_type(name),
                                          period=period, target=1))
        return found

    # -- “半年和全年都有自查总结” -----------------------------------------------------------
    def _half_and_year(self, sentence: str, text: str,
                       found_here: list[Requirement]) -> list[Requirement]:
        found = []
        for c_start, c_end in spans(sentence):
            clause = sentence[c_start:c_end]
            if counts_in(clause) or (read := half_and_year(clause)) is None:
                continue
            if any(r.period is Period.HALF for r in found_here):
                continue
            at, act = read
            found.append(self.requirement(
                text[c_start:c_end], counts=keyword_after(act) or new_type(act),
                period=Period.HALF, target=1, role=subject_role(sentence[:c_start + at])))
        return found

    # -- “每月一廉文荐读” ----------------------------------------------------------------
    def _slogans(self, text: str) -> list[Requirement]:
        found = []
        for match in _SLOGAN_RE.finditer(text):
            period = _SLOGAN_PERIODS[match.group(1)]
            if not isinstance(period, Period):
                self.untracked(match.group(0), UNTRACKED[period])
                continue
            name = match.group(2) if len(match.group(2)) >= 2 else match.group(0)
            counts = keyword_after(name) or new_type(name)
            found.append(self.requirement(match.group(0), counts=counts, period=period,
                                          target=1))
        return found

