"""Percentages in a plan: coverage (约谈面达到100%, 全覆盖) and the one-on-one share.

A percentage attaches to the count obligation it qualifies (the talk before it in the
sentence, or in the item); alone, a coverage becomes a requirement of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lianzheng_desktop.core.numerals import NUMERAL_CHARS, parse_number
from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.plan_grammar import keyword_before, periods_in, spans, subject_role
from lianzheng_desktop.core.plan_vocab import COVERAGE_WORDS, SHARE_WORDS

if TYPE_CHECKING:
    from lianzheng_desktop.core.plan_reader import ItemReader

_NUM = rf"\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+"
PERCENT_RE = re.compile(rf"(?:百分之(?P<cn>[{NUMERAL_CHARS}]+))|(?:(?P<num>{_NUM})\s*[%％])")


def _value(match: re.Match[str]) -> int | None:
    try:
        if match.group("cn"):
            return parse_number(match.group("cn"))
        return round(float(match.group("num")))
    except ValueError:
        return None


def read_percents(reader: ItemReader, sentence: str, text: str, found: list[Requirement],
                  result: list[Requirement]) -> None:
    clauses = spans(sentence) or [(0, len(sentence))]
    hits = [(m.start(), m.end(), _value(m)) for m in PERCENT_RE.finditer(sentence)]
    hits += [(m.start(), m.end(), 100) for m in re.finditer("全覆盖", sentence)]
    for start, end, value in sorted(hits):
        c_start, c_end = next(((a, b) for a, b in clauses if a <= start < b), clauses[-1])
        clause, clause_text = sentence[c_start:c_end], text[c_start:c_end].strip()
        is_share = any(word in clause for word in SHARE_WORDS)
        is_coverage = not is_share and (any(w in clause for w in COVERAGE_WORDS)
                                        or sentence[start:end] == "全覆盖")
        if value is None or not (is_share or is_coverage):
            reader.unread(clause_text, "含百分比，但无法判断对应哪项要求")
            continue
        before = sentence[:start]
        for word in COVERAGE_WORDS:  # 约谈面 names the measure, not what is counted
            before = before.replace(word, "　" * len(word))
        subject = keyword_before(before) or Counts("talk")
        ledger = "talk" if is_share or "约谈" in clause or "谈话" in clause else subject.ledger
        earlier = [r for r in found if r.counts and r.counts.ledger == ledger
                   and 0 <= text.find(r.text) < start]
        earlier_in_item = [r for r in result if r.counts and r.counts.ledger == ledger]
        target = earlier[-1] if earlier else (
            earlier_in_item[-1] if earlier_in_item and is_share else None)
        if target is not None and not is_share and _of_the_year(
                target, clause, sentence[start:end] == "全覆盖"):
            # "每季度至少进行1次集中警示教育，做到警示教育全覆盖": everyone reached over the
            # year, not at every quarter's session (revyear2 G8): a requirement of its own
            found.append(reader.requirement(clause_text, counts=target.counts,
                                            period=Period.YEAR, coverage=value,
                                            role=target.role))
            continue
        if target is not None:
            if is_share:
                target.share = value
            else:
                target.coverage = value
            target.text = f"{target.text}，{clause_text}"
            continue
        if is_share:
            reader.unread(clause_text, "写明了比例，但没有对应的约谈要求")
            continue
        counts = subject if subject.ledger == ledger else keyword_before(clause)
        period = next((p.period for p in reversed(periods_in(sentence[:start]))
                       if isinstance(p.period, Period)), None)
        if sentence[start:end] == "全覆盖" and period is not None and _of_the_year(
                Requirement("", "", period=period), clause, True):  # as above: the year's
            period = Period.YEAR
        found.append(reader.requirement(
            clause_text, counts=counts or subject, period=period, coverage=value,
            role=subject_role(sentence[:start])))


def _of_the_year(target: Requirement, clause: str, full: bool) -> bool:
    """A coverage over the year after a duty of a shorter period: the clause says the year
    ("全年实现全覆盖", "年内覆盖率达到100%"), or "全覆盖" (``full``) says no period at all
    after "每季度…1次" (as such plans mean it, revyear2 G8). Not one of the quarter's own
    ("本季度全覆盖", "逐季实现全覆盖"), nor a 约谈面 of the quarter's 约谈 (revlast5 4)."""
    if target.period not in (Period.QUARTER, Period.MONTH, Period.HALF):
        return False
    said = [p.period for p in periods_in(clause) if isinstance(p.period, Period)]
    if said:
        return said[-1] is Period.YEAR
    return full and not any(word in clause for word in ("季", "月", "半年", *COVERAGE_WORDS))
