"""A 专题会议 on a subject other than 党风廉政 counts only meetings on it (revother F2).

The built-in 专题会议 type is the branch's 党风廉政 meeting (专题研究党风廉政建设). A plan that
writes "定期分析研判意识形态形势，每半年召开一次专题会议" asks for a meeting on 意识形态; read as
"每半年召开一次专题会议" counting every 专题会议, a 廉政 or 巡察整改 meeting ticked it and the
report printed it done. Records carry no topic the checklist could filter on, so such a duty
counts a type of the plan's own named for its subject (意识形态专题会议): the 核对 dialog shows
"计入记录：会议活动：意识形态专题会议", the form offers the type, and a meeting on the subject
recorded as 专题会议 counts once pointed at the duty (记录的“计入要求”). The requirement keeps
the words that name the subject. A sentence that names 党风廉政 too (研究党风廉政建设和意识形态
工作) is the branch's usual meeting and counts every 专题会议 as before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lianzheng_desktop.core.plan import Counts, Requirement

SUBJECTS = ("意识形态", "安全生产", "网络安全", "保密", "统战", "信访", "消防", "平安建设",
            "精神文明", "乡村振兴", "疫情防控")
_CLEAN_GOVERNANCE = re.compile(r"廉政|廉洁|从严治党|反腐|党风|纪律|作风|巡察|以案促改")
_CLAUSE_ENDS = "，,；;：:。"


def with_subject(requirement: Requirement, sentence: str) -> Requirement:
    """``requirement`` (read from ``sentence``) counting 专题会议 on the sentence's subject
    only, with the words that name it; unchanged where none is named or 党风廉政 is."""
    counts = requirement.counts
    if counts is None or counts.ledger != "activity" or counts.types != ("专题会议",):
        return requirement
    clause = _clause_of(sentence, requirement.text)
    if any(word in clause for word in SUBJECTS) and not _CLEAN_GOVERNANCE.search(clause):
        # the meeting named by its subject ("每半年召开一次意识形态工作专题会议"), whatever
        # else the sentence names ("落实党风廉政建设和意识形态工作责任制，…": revjiwei5 F2)
        sentence = clause
    elif _CLEAN_GOVERNANCE.search(sentence):
        return requirement
    found = [(sentence.find(word), word) for word in SUBJECTS if word in sentence]
    own = sentence.find(requirement.text)
    if not found or own < 0:
        return requirement
    at, subject = min(found)
    start, end = min(at, own), max(at + len(subject), own + len(requirement.text))
    start = max(sentence.rfind(ch, 0, start) for ch in _CLAUSE_ENDS) + 1
    ends = [i for i in (sentence.find(ch, end) for ch in _CLAUSE_ENDS) if i >= 0]
    text = sentence[start:min(ends, default=len(sentence))].strip()
    name = f"{subject}专题会议"
    return replace(requirement, text=text, counts=Counts("activity", (name,), name))


def _clause_of(sentence: str, text: str) -> str:
    """The clause of ``sentence`` that holds ``text`` (between 、-free clause marks)."""
    at = sentence.find(text)
    if at < 0:
        return ""
    start = max(sentence.rfind(ch, 0, at) for ch in _CLAUSE_ENDS) + 1
    ends = [i for i in (sentence.find(ch, at + len(text)) for ch in _CLAUSE_ENDS) if i >= 0]
    return sentence[start:min(ends, default=len(sentence))]
