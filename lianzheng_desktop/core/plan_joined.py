"""Counts joined in one clause, each with its own noun (revjiwei6 G1, G2).

"每季度一次支委会、一次支部大会", "每年一次民主生活会和一次民主评议党员" (the “五个一” of
organisational life): the clause lists two duties, each a count with the noun after it. The
first count's noun ends where the joiner (、 和 及 与) before the next count begins — not
"支委会、一次支部大会" — and the second count's words before it ("民主生活会和") are the first
one's noun, not its own. Each duty is titled by its own words under the clause's lead
("每季度一次支委会", "每季度一次支部大会"), so no two rows of a report read alike.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan_grammar import Count, counts_in, periods_in, spans

# …、一次支部大会; with the next one's own verb: 讲一次党课、写一篇心得体会 (heldout13 U08)
_JOINER = re.compile(r"(?:以及|、|和|及|与)(?P<verb>(?![每一])[\u4e00-\u9fff]{0,2})$")
_OBJECT_CHARS = 12


# 每月召开一次支委会、每季度召开一次党员大会: the next one with its own period (revdiff11 Z7)
_OWN_PERIOD_NEXT = re.compile(r"、(?=每)")


def _joined(sentence: str, first: Count, second: Count) -> int | None:
    """Where the first count's noun ends, if ``second`` follows it as the next of a list
    (一次支委会、一次支部大会; 一次支委会、每季度召开一次党员大会); else None."""
    between = sentence[first.end:second.start]
    if re.search(r"[，,。；;：:\s]", between):
        return None
    joiner = _JOINER.search(between)
    if joiner is not None and (0 if joiner.group("verb") else 2) <= joiner.start() \
            <= _OBJECT_CHARS:  # 宣讲一次、订阅一份党报: the first named before its count
        return first.end + joiner.start()
    own = _OWN_PERIOD_NEXT.search(between)
    if own is not None and 2 <= own.start() <= _OBJECT_CHARS:
        return first.end + own.start()
    return None


def own_end(sentence: str, count: Count, counts: list[Count], c_end: int) -> int:
    """Where the words a count counts end: before the next count of a list, or the clause's
    end."""
    later = [c for c in counts if count.end <= c.start < c_end]
    if later and (end := _joined(sentence, count, later[0])) is not None:
        return end
    return c_end


def joined_to_previous(sentence: str, count: Count, counts: list[Count]) -> bool:
    """Whether ``count`` is the second (or later) of a list of counts (…和一次民主评议党员)."""
    earlier = [c for c in counts if c.end <= count.start]
    return bool(earlier) and _joined(sentence, earlier[-1], count) is not None


def chain_start(sentence: str, count: Count, counts: list[Count]) -> Count:
    """The first count of the list ``count`` stands in (itself when in none)."""
    first = count
    while joined_to_previous(sentence, first, counts):
        first = [c for c in counts if c.end <= first.start][-1]
    return first


def in_a_list(sentence: str, count: Count, counts: list[Count], c_end: int) -> bool:
    return joined_to_previous(sentence, count, counts) or own_end(
        sentence, count, counts, c_end) != c_end


def own_words(text: str, sentence: str, count: Count, counts: list[Count], c_start: int,
              c_end: int) -> str:
    """The duty's title: the clause's lead before the list and this count's own words
    (每季度一次支部大会)."""
    first = chain_start(sentence, count, counts)
    lead = text[c_start:first.start]
    every = [p for p in periods_in(lead) if p.word.startswith("每")]
    if count is not first and (own := _own_period_at(sentence, count, counts)) is not None:
        # 党支部每月召开一次支委会、每季度召开一次党员大会: 党支部每季度召开一次党员大会
        return (lead[:every[0].start] if every else "") + text[own:own_end(
            sentence, count, counts, c_end)]
    verb = _own_verb(sentence, count, counts) if count is not first else ""
    if verb:  # 党员每年至少讲一次党课、写一篇心得体会: 党员每年写一篇心得体会 — by the
        # period nearest before it: …、每季度召开1次党员大会和上1次党课 is 每季度's (revdiff12 Q4)
        nearest = [p for p in periods_in(text[c_start:count.start]) if p.word.startswith("每")]
        lead = (lead[:every[0].start] if every else "") \
            + (nearest[-1].word if nearest else "") + verb
    return lead + text[count.start:own_end(sentence, count, counts, c_end)]


def _own_period_at(sentence: str, count: Count, counts: list[Count]) -> int | None:
    """Where a later count's own words start when it has its own period (、每季度召开…)."""
    earlier = [c for c in counts if c.end <= count.start][-1]
    between = sentence[earlier.end:count.start]
    own = _OWN_PERIOD_NEXT.search(between)
    return earlier.end + own.end() if own and _JOINER.search(between) is None else None


def _own_verb(sentence: str, count: Count, counts: list[Count]) -> str:
    """The verb a later count of a list has of its own (、写一篇: 写), if any."""
    earlier = [c for c in counts if c.end <= count.start][-1]
    joiner = _JOINER.search(sentence[earlier.end:count.start])
    return joiner.group("verb") if joiner else ""


def as_listed(text: str, sentence: str, count: Count, counts: list[Count], c_start: int,
              c_end: int, before: str) -> tuple[str | None, str, int, int]:
    """For a count in ``counts`` of one clause: its title (None where it stands in no list:
    the clause's text), the words before it that may name it, where its own noun ends and
    where the subject of its list is to be read up to."""
    title = own_words(text, sentence, count, counts, c_start, c_end) \
        if in_a_list(sentence, count, counts, c_end) else None
    return (title, "" if joined_to_previous(sentence, count, counts) else before,
            own_end(sentence, count, counts, c_end), chain_start(sentence, count, counts).start)


_TAIL_AFTER_COUNT = re.compile(r"^(?:以上|左右)?$")


def own_clauses(sentence: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each clause, or its pieces between 、 where every piece is a duty of its own ending
    in its count after its own period — 支部委员会每月召开一次、党员大会每季度召开一次、党课
    每季度一次; 每月召开支委会一次、每季度召开党员大会一次 (revdiff12 Q5: read as one clause,
    types named "召开一次、党课一次"). A list whose counts come before their nouns is
    ``as_listed``'s (一次支委会、一次支部大会)."""
    found = []
    for start, end in clauses:
        pieces = spans(sentence[start:end], "、")
        if len(pieces) > 1 and all(_ends_in_its_count(sentence[start + a:start + b])
                                   for a, b in pieces):
            found += [(start + a, start + b) for a, b in pieces]
        else:
            found.append((start, end))
    return found


def _ends_in_its_count(piece: str) -> bool:
    counts = counts_in(piece)
    every = [p for p in periods_in(piece) if p.word.startswith("每")]
    return len(counts) == 1 and bool(every) and every[0].end <= counts[0].start \
        and bool(_TAIL_AFTER_COUNT.match(piece[counts[0].end:]))
