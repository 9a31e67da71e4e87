"""Reading a plan's text (年度工作要点, a rule, a responsibility list) into requirements.

``plan_text`` makes the text regular and finds its items; ``plan_reader`` reads each item
(with ``plan_grammar`` for the shapes an obligation takes inside a sentence, ``plan_shapes``
for those one clause does not show, ``plan_forms`` for lists, cadences and slogans,
``plan_naming`` for what a count counts, ``plan_records`` for what records a duty without a
number names); this module is the entry: it reads every item (headings and the preamble
included), keeps a rule quoted twice as one duty and says what it could not read
(``plan_draft``). An activity no built-in type names becomes a type of the plan's own, named
from the text (政治学习, 党小组会 …). What looks like an obligation but cannot be read is
returned as unread with its reason, never dropped; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Period, Requirement, Role
from lianzheng_desktop.core.plan_chain import along_the_chain, to_each_member
from lianzheng_desktop.core.plan_clauses import goal_clauses_left, states_goals
from lianzheng_desktop.core.plan_draft import (
    ITEM_TEXT_LIMIT,
    PlanDraft,
    PlanItem,
    Unread,
    mask_quotes,
    plan_item,
)
from lianzheng_desktop.core.plan_grammar import counts_in, keyword_after, keyword_before, periods_in
from lianzheng_desktop.core.plan_leftover import list_the_rest, scores_only, title_only
from lianzheng_desktop.core.plan_naming import new_type
from lianzheng_desktop.core.plan_principles import (
    PRINCIPLE_REASON,
    is_principle,
    principle_text,
)
from lianzheng_desktop.core.plan_reader import ItemReader
from lianzheng_desktop.core.plan_records import (
    UNQUANTIFIED_REASON,
    describes_a_meeting,
    named_counts,
)
from lianzheng_desktop.core.plan_table import tables_as_items
from lianzheng_desktop.core.plan_text import (
    PLAN_KINDS,
    TITLE_CHARS,
    Node,
    normalise,
    split_nodes,
    title_of,
)

MAX_PLAN_CHARS = 2_000_000  # a year's plan is a few thousand characters
# a year, not a date in it ("根据2026年12月县纪委全会部署" is when, not which year's plan)
_YEAR_RE = re.compile(r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# the year in the document's own name: "…2027年党风廉政建设工作要点" (the year nearest the
# name: "2026年工作总结暨2027年…工作要点" is 2027's)
_TITLED_YEAR_RE = re.compile(r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月)(?:(?!20\d{2})[^。；\n]){0,30}?"
                             r"(?:工作要点|工作计划|工作安排|责任清单|任务清单|实施方案|要点)")
# another document's name, cited ("根据《县委2026年…责任清单》"); "印发《…》" is the plan's own
_CITED_RE = re.compile(r"(?:根据|按照|依据|贯彻|落实|对照|结合|遵照)[^《。\n]{0,6}《[^》]*》")


def plan_year(text: str) -> int | None:
    """The year a plan is for, in this order: the year its own name gives (nearest the
    name, and not in a document it cites: "根据《县委2026年…》…2027年…工作要点" is 2027's);
    the year its first line names (its title, as written); the one year its opening names.
    None when the opening names several and no title does (a preamble reviewing 2026
    before the 2027 points: revloss F3 — the 2026 plan was replaced; revlast3 2, 3)."""
    head = text[:300]
    if titled := _TITLED_YEAR_RE.search(_CITED_RE.sub("", head)):
        return int(titled.group(1))
    first = next((line for line in head.splitlines() if line.strip()), "")
    in_title = {int(found.group(1)) for found in _YEAR_RE.finditer(_CITED_RE.sub("", first))}
    if len(in_title) == 1:
        return in_title.pop()
    years = {int(found.group(1)) for found in _YEAR_RE.finditer(head)}
    return years.pop() if len(years) == 1 else None


def split_items(text: str) -> list[PlanItem]:
    """The leaf items of a plan (what the plan page lists), numbered as the text numbers."""
    return [plan_item(node) for node in split_nodes(normalise(text))
            if node.is_leaf and node.kind != "preamble"]


def parse_plan(text: str, year: int | None = None) -> PlanDraft:
    if len(text) > MAX_PLAN_CHARS:
        raise UserError(f"文件过大（{len(text):,} 字），不像一份年度工作要点（上限 "
                        f"{MAX_PLAN_CHARS:,} 字）。请只保留工作要点正文后再导入。")
    text = normalise(tables_as_items(text))  # a table pasted from Word: a row is an item
    if year is None:
        year = plan_year(text)
    nodes = split_nodes(text)
    draft = PlanDraft(year, [plan_item(n) for n in nodes if n.is_leaf and n.kind != "preamble"])
    unnumbered: list[tuple[Requirement, str]] = []
    for node in nodes:
        reader = ItemReader(node, draft)
        unread, untracked = len(draft.unread), len(draft.untracked)
        found = reader.read()
        whole = False  # the item made one duty marked by hand: every sentence of it is in it
        # 一是半月一汇报: a point read and listed as weekly is not a duty without a number too
        weekly = node.kind == "point" and len(draft.untracked) > untracked
        if found and states_goals(node):  # 主要目标: …警示教育不少于4次，谈心谈话覆盖全体党员
            listed = draft.unread[unread:] + draft.untracked[untracked:]
            found += goal_clauses_left(node, found, draft, listed)
        if not found and not weekly and node.is_leaf and node.kind in PLAN_KINDS:
            item = plan_item(node)
            if is_principle(item):  # 坚持以…为指导: why and to what end, not a duty
                draft.untracked.append(Unread(item.id, principle_text(item), PRINCIPLE_REASON))
                continue
            found = [] if title_only(node, nodes, item, draft) or scores_only(node.text) \
                else _unnumbered(node)
            whole = bool(found)
            unnumbered += [(r, mask_quotes(node.text)) for r in found]
            if found:  # the item is the duty: 经常… is in it
                reader.done_often = []
        # 第五，党纪检查制度…经常对党员进行党纪教育…。每年都要…进行一次全面的评价和检查:
        # read as the yearly duty only, or an article of a rule: the rest is listed, not lost
        draft.unread += [Unread(reader.item.id, text.strip(), UNQUANTIFIED_REASON)
                         for text in reader.done_often]
        draft.requirements += found
        if not whole:  # 读不懂的不丢: what no requirement took is listed, with why
            list_the_rest(node, [r.text for r in found] + [
                u.text for u in draft.unread[unread:] + draft.untracked[untracked:]], draft,
                read=bool(found))
    plan_types = draft.new_types  # 党员大会每月召开一次 → 认真开好党员大会 counts them too
    for requirement, masked in unnumbered:
        requirement.counts = named_counts(masked, plan_types)
    draft.requirements = [_with_sources(r) for r in draft.requirements]
    draft.requirements = along_the_chain(draft.requirements)  # A与B、B与C之间
    draft.requirements = [to_each_member(r) for r in draft.requirements]  # 找党员谈话一次
    draft.requirements = _without_rules_quoted_again(draft.requirements)
    return draft


_QUOTES_A_RULE = re.compile(r"《[^》]{1,30}》(?:则|也|还|亦|又)?(?:规定|要求|明确)")


def _without_rules_quoted_again(requirements: list[Requirement]) -> list[Requirement]:
    """A rule a text quotes and then quotes again (《条例》则规定每年都要述责述廉, set against
    an older rule) is one duty: the later quotation is dropped where an earlier requirement
    has the same period, number and activity."""
    kept: list[Requirement] = []
    for requirement in requirements:
        again = _QUOTES_A_RULE.search(requirement.text) and any(
            (r.period, r.target) == (requirement.period, requirement.target)
            and r.counts is not None and requirement.counts is not None
            and r.counts.label == requirement.counts.label for r in kept)
        if not again:
            kept.append(requirement)
    return kept


def _with_sources(requirement: Requirement) -> Requirement:
    """A 整改 duty counts the items of the 问题来源 its own words name ("做好县委巡察整改工作":
    巡察反馈), not every item an audit or a self-check found."""
    from dataclasses import replace

    from lianzheng_desktop.core.plan_vocab import RECTIFICATION_SOURCE_WORDS

    counts = requirement.counts
    if counts is None or counts.ledger != "rectification" or counts.types:
        return requirement
    words = requirement.item_title + requirement.text
    sources = tuple(dict.fromkeys(source for word, source in RECTIFICATION_SOURCE_WORDS
                                  if word in words))
    return replace(requirement, counts=replace(counts, types=sources)) if sources else requirement


def guess_requirement(unread: Unread) -> Requirement:
    """A starting point for turning an unread sentence into a requirement by hand: what
    the sentence does say (the activity, a number, a period), for the user to complete."""
    masked = mask_quotes(unread.text)
    counts = counts_in(masked)
    periods = [p for p in periods_in(masked) if isinstance(p.period, Period)]
    period = periods[0].period if periods else None
    found = keyword_after(masked[counts[0].end:] if counts else masked) or keyword_before(
        masked[:counts[0].start] if counts else masked)
    return Requirement(item=unread.item, text=unread.text, counts=found,
                       period=period if isinstance(period, Period) else None,
                       target=counts[0].target * (periods[0].multiplier if periods else 1)
                       if counts else None)


def _unnumbered(node: Node) -> list[Requirement]:
    """An item with no number is still a requirement: met by a record of a type it names
    (counts set by parse_plan, which knows the plan's own types), or by hand. An item that
    only says who chairs a meeting or what it covers is none."""
    item = plan_item(node)
    if describes_a_meeting(item.title):
        return []
    masked = mask_quotes(item.text)
    text = item.title
    if node.run_in:  # 党纪检查制度⏎党支部应…经常对党员进行党纪教育: the duty, not its name
        masked = masked.split("\n", 1)[1]
        duty = item.text.split("\n", 1)[1]
        first = re.split(r"[。；;\n]", duty, maxsplit=1)[0]  # whole, not cut at 端正党风、
        text = first if len(first) <= 2 * TITLE_CHARS else title_of(duty)
    elif text.endswith(("：", ":")) and "\n" in item.text.strip():  # 活动报道：⏎要及时…报道
        text += title_of(item.text.strip().split("\n", 1)[1].strip())
    elif said := _what_to_do(item.text, text):
        text = said  # 把稳“政治方向”。要将…作为“第一议题”抓紧抓实: what to do, not the slogan
    return [Requirement(item=item.id, text=text, section=item.section,
                        item_title=item.title, item_text=item.text[:ITEM_TEXT_LIMIT],
                        role=_first_role(masked[:60], item.title))]


_TOLD_TO = re.compile(r"(?:必须|应当|要|应|须)(?=[将把])")


def _what_to_do(item_text: str, title: str) -> str:
    """The clause after a heading that says what is to be done (要将…作为“第一议题”抓紧抓实),
    without its 要 — where the heading ends its sentence and the next opens so (revyear2 G2:
    the heading "聚焦两个维护，把稳“政治方向”" alone said nothing to do)."""
    rest = item_text.strip()[len(title):]
    if not rest.startswith("。"):
        return ""
    told = _TOLD_TO.match(rest[1:].lstrip())
    if told is None:
        return ""
    said = re.split(r"[，,。；;\n]", rest[1:].lstrip()[told.end():], maxsplit=1)[0]
    return said if 4 <= len(said) <= 2 * TITLE_CHARS else ""


_MEMBERS_FIRST = re.compile(r"(?:每名|每位|每个|全体)?党员(?:每|要|应|必须|须|都要|均)")
_LISTED_WITH_OTHERS = re.compile(r"书记[、和与及][^，。；]{0,12}(?:委员|成员|党员|干部)")


def _first_role(text: str, title: str) -> Role | None:
    from lianzheng_desktop.core.plan_vocab import ROLE_WORDS

    if _MEMBERS_FIRST.match(text.lstrip()):
        return Role.MEMBER  # 党员要经常向党组织汇报思想: each member, not the 党组织 told
    for part in (text, mask_quotes(title)):
        part = part.replace("总书记", "")  # 习近平总书记: not the branch's secretary
        for words, role in ROLE_WORDS:
            if role is Role.MEMBER:
                continue
            if any(word in part for word in words):
                if role is Role.FIRST_RESPONSIBLE and _LISTED_WITH_OTHERS.search(part):
                    return None  # 支部书记、组宣委员、纪检委员和成员层层落实: everyone
                return role
    return None


__all__ = ["PlanDraft", "PlanItem", "Unread", "guess_requirement", "mask_quotes", "new_type",
           "parse_plan",
           "replace", "split_items"]
