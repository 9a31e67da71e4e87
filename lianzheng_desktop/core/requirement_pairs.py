"""A year's plan imported again: which new requirement is which earlier one, and what
replacing the plan would change.

Pairing keeps what the secretary added to a requirement (the mark done by hand, the note,
the records pointed at it) when the plan comes again: renumbered, or with a count
corrected ("不少于6次" → "5次"), it is the same requirement changed, not one dropped and
one new. What the new plan lacks is told apart: a requirement the earlier text had and the
new one left out, or one the secretary added by hand, which no text speaks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from lianzheng_desktop.core.plan import Requirement

_NUMBER = re.compile(r"[0-9０-９]+|[一二三四五六七八九十两百]+(?=[次个人项件篇期天日月%％])")


_PERIOD = re.compile(r"每个?(?:半年|季度|季|年度|年|月|周)|全年|上半年|下半年|年内|半年")


def _wording(requirement: Requirement) -> str:
    """The wording with its numbers taken out: "全年召开不少于#次专题会议"."""
    return _NUMBER.sub("#", requirement.text)


def _loose(requirement: Requirement) -> str:
    """The wording without its numbers nor how often: a county's correction of "每半年"
    to "每季度" leaves the same duty ("班子成员@向党支部报告#次…")."""
    return _PERIOD.sub("@", _wording(requirement))


def _measured(requirement: Requirement) -> tuple | None:
    """None for a requirement marked by hand: two of those under one item number are
    told apart by their wording only (else a mark could pass to another duty)."""
    counts = requirement.counts
    if counts is None:
        return None
    return requirement.item, counts.ledger, counts.types, requirement.period, requirement.role


# From the surest to the loosest; each pass pairs only what the ones before left. Within
# an item first: "不少于6次" → "5次" in item 1 while item 2 goes "5次" → "4次" must not
# hand item 2's marks to item 1 because its new words are item 2's old ones.
_PASSES: tuple[tuple[Callable[[Requirement], object | None], bool], ...] = (
    (lambda r: (r.item, r.text), False),  # the same
    (lambda r: (r.item, _wording(r)), False),  # a number in it corrected
    (lambda r: (r.item, _loose(r)), False),  # how often corrected
    (_measured, False),  # reworded, measuring the same records by the same period
    (lambda r: r.text, True),  # renumbered
    (_wording, True),  # renumbered and a number corrected
    (_loose, True),  # renumbered and how often corrected
)


# The next year's plan, beside this year's: renumbered and reworded too ("进行"→"开展",
# "全年召开不少于4次专题会议"→"每年召开党风廉政建设专题会议不少于4次"), one duty still
# measures the same records by the same period and role — alone on each side (a report's
# section four names it once, with "…未达到要求"; the re-import pairs by the passes above).
ACROSS_YEARS = (*_PASSES, (lambda r: m[1:] if (m := _measured(r)) else None, True))


def pair_requirements(earlier: list[Requirement], new: list[Requirement],
                      passes: tuple = _PASSES) -> dict[int, Requirement]:
    """Each new requirement's earlier self, by its position in ``new``. Across items
    (``only_one``), a pair is made only where just one requirement on each side has the key:
    two alike are told apart by no one, and a wrong pair moves marks and 计入要求."""
    pairs: dict[int, Requirement] = {}
    left = list(earlier)
    for match, only_one in passes:
        for index, requirement in enumerate(new):
            if index in pairs:
                continue
            key = match(requirement)
            if key is None:
                continue
            found = [r for r in left if match(r) == key]
            if not found:
                continue
            if only_one and (len(found) > 1 or sum(
                    1 for n, r in enumerate(new) if n not in pairs and match(r) == key) > 1):
                continue
            pairs[index] = found[0]
            left.remove(found[0])
    _pair_run_in(pairs, left, new)
    return pairs


RUN_IN_SHORTEST = 6  # characters of the duty itself, after a run-in name


def _pair_run_in(pairs: dict[int, Requirement], left: list[Requirement],
                 new: list[Requirement]) -> None:
    """Last: an earlier reading that ran the item's name into the duty ("党支部对党员的考核
    制度每年对党员进行一次考核") is the same duty read without it ("每年对党员进行一次考核"),
    where one earlier and one new requirement alone match so (reviewer revdiff3, D4: kept
    as "此前手工补充的" beside the new one, each duty was counted twice)."""
    for index, requirement in enumerate(new):
        if index in pairs or len(requirement.text) < RUN_IN_SHORTEST:
            continue
        tail = _loose(requirement)
        found = [r for r in left if r.text != requirement.text and _runs_in(_loose(r), tail)]
        rivals = [n for n, r in enumerate(new) if n not in pairs and len(found) == 1
                  and _runs_in(_loose(found[0]), _loose(r))]
        if len(found) == 1 and rivals == [index]:
            pairs[index] = found[0]
            left.remove(found[0])


def _runs_in(earlier: str, new: str) -> bool:
    """One wording is the other with words before it: a name run in, or the subject the
    reader now keeps ("定期分析研判意识形态形势，每半年召开#次专题会议", revother F2)."""
    return earlier.endswith(new) or (len(earlier) >= RUN_IN_SHORTEST and new.endswith(earlier))


def keep_type_names(earlier: list[Requirement], new: list[Requirement],
                    own: Mapping[str, Collection[str]]) -> list[Requirement]:
    """``new`` with each type it names otherwise than its earlier self named it, where the
    earlier name is one the plans added (``own``, by ledger) and the new one is not known,
    and one holds the other ("支委会召开" read "支委会" by a better reader): the name the
    records carry stays, so that they go on counting for the requirement."""
    kept = list(new)
    for index, old in pair_requirements(earlier, new).items():
        counts, before = new[index].counts, old.counts
        if counts is None or before is None or counts.ledger != before.ledger:
            continue
        known = own.get(counts.ledger, ())
        names = {t: _old_name(t, before.types, known) for t in counts.types}
        if all(t == n for t, n in names.items()):
            continue
        kept[index] = replace(new[index], counts=replace(
            counts, types=tuple(names[t] for t in counts.types),
            label=names.get(counts.label, counts.label)))
    return kept


def _old_name(name: str, before: tuple[str, ...], known: Collection[str]) -> str:
    if name in known:
        return name
    found = [t for t in before if t in known and (name in t or t in name)]
    return found[0] if len(found) == 1 else name


def measures(requirement: Requirement) -> tuple:
    return (requirement.counts, requirement.period, requirement.target, requirement.coverage,
            requirement.share, requirement.role)


def added_by_hand(requirement: Requirement, earlier_text: str) -> bool:
    """Made with 新增要求, not read from a plan's text (nor copied from one by 沿用): it
    has no item text and its wording is not in the text the year's plan came from."""
    return not requirement.item_text and requirement.text not in earlier_text


def _read_apart(requirement: Requirement, new: list[Requirement]) -> bool:
    """The new reading reads the sentence now, as duties of their own ("每季度一次支委会" of
    "每季度一次支委会、一次支部大会", revjiwei6 G2), or reads the item the earlier one was
    only the heading of ("聚焦两个维护，把稳“政治方向”", revyear2 G2): the earlier reading
    goes, not kept as unread beside them (each duty counted twice). Only a reading the
    software made (it keeps its item's text): one made by hand of an unread line stays."""
    return bool(requirement.item_text) and any(n.text != requirement.text and (
        n.item == requirement.item and _first_of_list(n.text, requirement.text)
        or n.item_title == requirement.text) for n in new)


def _first_of_list(first: str, whole: str) -> bool:
    """"每季度一次支委会" opens "每季度一次支委会、一次支部大会": the list's first duty."""
    return whole.startswith(first) and whole[len(first):len(first) + 2].startswith(
        ("、", "和", "及", "与", "以及"))


@dataclass
class Replacement:
    """What storing a new plan in place of its year's plan would change, asked before it
    is done. The new plan's values win wherever the two differ."""

    removed: list[Requirement]  # the earlier text had them, the new one has not
    by_hand: list[Requirement]  # added by hand: no text speaks for them, so they stay
    # paired (earlier, new), with another period, count, records or role
    changes: list[tuple[Requirement, Requirement]]
    links: Mapping[int, int] = field(default_factory=dict)  # 计入要求 by requirement id
    # made from a sentence the reader could not read, which the new text still says: stay
    unread: list[Requirement] = field(default_factory=list)
    added: list[Requirement] = field(default_factory=list)  # new: no earlier self
    # of the changes, those the earlier text itself now reads as: not her text's change but
    # the reader's, since the plan was imported (revyear3 H1)
    reread: list[tuple[Requirement, Requirement]] = field(default_factory=list)
    # (earlier, new) of the same words, where the earlier is her own change of what the
    # reader read at the import: the new plan keeps hers (revloss2 H-1), not a change
    hers: list[tuple[Requirement, Requirement]] = field(default_factory=list)
    told_apart: bool = False  # the import's reading was kept: ``reread`` is the reader's only

    @property
    def changed(self) -> list[Requirement]:
        return [earlier for earlier, _new in self.changes]

    @property
    def her_changes(self) -> list[tuple[Requirement, Requirement]]:
        """The changes her new text made (the rest are the reader's, ``reread``)."""
        return [pair for pair in self.changes if all(pair is not r for r in self.reread)]

    @property
    def kept(self) -> list[Requirement]:
        """What the new plan lacks but stays: added by hand, or still in its words."""
        return [*self.by_hand, *self.unread]

    def holds_work(self, requirement: Requirement) -> bool:
        """A mark, a note or a record pointed at it: the secretary's work on it."""
        return bool(requirement.manual_done or requirement.note
                    or self.links.get(requirement.id or 0))

    @property
    def links_removed(self) -> int:
        return sum(self.links.get(r.id or 0, 0) for r in self.removed)

    @property
    def loses_anything(self) -> bool:
        return bool(self.removed or self.changed)


def compare(earlier: list[Requirement], earlier_text: str, new: list[Requirement],
            links: Mapping[int, int], new_text: str = "",
            listed: Sequence[str] = (), earlier_now: Sequence[Requirement] = (),
            read_then: Sequence[Requirement] | None = None) -> Replacement:
    """``new_text``: the text ``new`` was read from, if any; a requirement whose words it
    still holds is not one it took out (the reader could not read that sentence) — unless
    the new reading lists that sentence as no duty (``listed``: a title, a goal, a result),
    when it goes like any other (revjiwei5 F1: a bare heading kept as 此前手工补充的).
    ``earlier_now``: the earlier text as the reader reads it today; a change it reads too
    is the reader's, not the new text's (``Replacement.reread``). ``read_then``: what the
    reader read at the import, before she checked it (None where not kept): an earlier
    requirement unlike it is hers, and stays where the new text says the same words."""
    pairs = pair_requirements(earlier, new)
    paired = [id(old) for old in pairs.values()]
    unpaired = [r for r in earlier if id(r) not in paired]
    read = [r for r in unpaired if not added_by_hand(r, earlier_text)]
    still = [r for r in read if new_text and r.text in new_text
             and not any(r.text in line for line in listed) and not _read_apart(r, new)]
    # hers: she changed what the import read (its words or its counting), and the new
    # text says just what it said then (not set anew in this check: revdiff7 F2)
    hers = [(old, new[index]) for index, old in sorted(pairs.items())
            if read_then is not None and _hers(old, new[index], read_then)]
    changes = [(old, new[index]) for index, old in sorted(pairs.items())
               if measures(new[index]) != measures(old)
               and all(old is not mine for mine, _ in hers)]
    now = {(r.text, measures(r)) for r in earlier_now}
    return Replacement(
        removed=[r for r in read if all(r is not s for s in still)],
        by_hand=[r for r in unpaired if added_by_hand(r, earlier_text)],
        changes=changes, links=links, unread=still,
        added=[r for index, r in enumerate(new) if index not in pairs],
        reread=[pair for pair in changes if (pair[1].text, measures(pair[1])) in now],
        hers=hers, told_apart=read_then is not None)


def _hers(earlier: Requirement, later: Requirement, read_then: Sequence[Requirement]) -> bool:
    """``earlier`` is her change (in the check, or with 修改要求) of what the reader read at
    the import, and ``later`` reads just as that did: the new text says the same as then.
    Her change may be of the words too ("全年召开不少于6次专题会议", 6: revloss3 P-2) or of
    the words alone (P-3): the reading it came from is then the one its words pair with."""
    same = [r for r in read_then if r.text == earlier.text]
    if any(measures(r) == measures(earlier) for r in same):
        return False  # read so then: not changed
    origins = same or list(pair_requirements(list(read_then), [earlier]).values())
    return any(r.text == later.text and measures(r) == measures(later) for r in origins)
