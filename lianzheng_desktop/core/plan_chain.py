"""Talks down a chain of people: a coverage of everyone, not one person's count (revother F8).

"支部书记与支部委员、支部委员与党员之间每年至少开展一次谈心谈话" — the line of the 支部工作条例
nearly every branch's plan has — asks each pair down the chain (书记 with each 委员, each 委员
with each 党员) to talk at least once a year. Read by its subject it was the 书记's own duty
("书记（第一责任人）全年谈心谈话不少于1次") and one talk met it. It is read as "谈心谈话全覆盖"
is: in the period, the talks reach every one on the roster (those who hold them, the 书记,
left out), by the branch, not by one person. Only a chain says so: a pair whose second is the
first of the next pair (A与B、B与C之间); "书记与其他班子成员之间…每年不少于2次" stays the
书记's count.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lianzheng_desktop.core.plan import Requirement

_WHO = r"[\u4e00-\u9fff]{2,10}?"
# 之间 or not: "支部书记与班子成员、班子成员与分管股室干部每半年开展1次…" (revnew6 U4)
_CHAIN = re.compile(rf"({_WHO})[与和同]({_WHO})、\2[与和同][\u4e00-\u9fff]{{2}}")


def down_the_chain(requirement: Requirement) -> Requirement:
    """A talk duty laid on a chain of pairs (A与B、B与C之间): every one covered each period."""
    if not _on_a_chain(requirement):
        return requirement
    return replace(requirement, target=None, coverage=100, role=None)


def along_the_chain(requirements: list[Requirement]) -> list[Requirement]:
    """Each talk duty of a chain read as coverage (``down_the_chain``); a bare count after
    it in its sentence ("每半年开展1次…，全年不少于2次") says the chain's cadence again: not
    a second duty, laid on the 书记 alone (revnew6 U4). Another talk duty of the sentence,
    with words of its own (支部书记每年与班子成员开展廉政谈话不少于2次), stays as it is
    (revdiff10 E1)."""
    kept: list[Requirement] = []
    chains: dict[tuple[str, str], Requirement] = {}  # (item, sentence) → its chain
    for requirement in requirements:
        where = (requirement.item, requirement.own_sentence()[1])
        chain = chains.get(where)
        if chain is not None and _restates(requirement, chain):
            continue
        if _on_a_chain(requirement):
            chains[where] = requirement
        kept.append(down_the_chain(requirement))
    return kept


def _on_a_chain(requirement: Requirement) -> bool:
    counts = requirement.counts
    return counts is not None and counts.ledger == "talk" and requirement.period is not None \
        and bool(_CHAIN.search(requirement.text))


def _restates(requirement: Requirement, chain: Requirement) -> bool:
    """A count with no words of its own (全年不少于2次), of the chain's talks."""
    from lianzheng_desktop.core.requirement_names import says_only_how_often

    return requirement.counts is not None and chain.counts is not None \
        and requirement.counts.types == chain.counts.types \
        and says_only_how_often(requirement.text)


# 党支部书记每年至少找党员谈话一次: each 党员 is talked to, not one talk in all
_TO_EACH_MEMBER = re.compile(r"找(?:每名|每位|每个|全体|所有)?党员(?:个别)?谈话")


def to_each_member(requirement: Requirement) -> Requirement:
    """A talk duty of a person toward the 党员 (找党员谈话…一次): every member covered each
    period by that person's talks (revyear2 G1, revjiwei6 G4), besides the count."""
    counts = requirement.counts
    if counts is None or counts.ledger != "talk" or counts.types or requirement.period is None \
            or requirement.coverage is not None or not _TO_EACH_MEMBER.search(requirement.text):
        return requirement
    return replace(requirement, coverage=100)
