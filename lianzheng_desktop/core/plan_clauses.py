"""The clauses of a goal line the numbered reading left (主要目标: 全年开展警示教育不少于4次，
谈心谈话覆盖全体党员).

``plan_reader`` reads the clause with a number and period; an item so read is not read
again as a duty without a number, so the rest of the line said nothing: 谈心谈话覆盖全体党员
was neither a requirement nor listed (a reviewer's find). Under a goal heading (主要目标,
工作目标, 目标任务 …) every other clause ends up as one of three, as it would if it stood
alone on the line:

- it names a kind of record (谈心谈话, 警示教育 …): a requirement without a number, met by a
  record of that kind or marked by hand; the branch's, not the people the goal covers
  (覆盖全体党员 names whom, not who);
- it names an act a branch does but no kind of record (落实“三会一课”制度): listed as
  unread, with the reason, for the secretary to add by hand;
- it names no act (政治生态持续向好): listed as a goal (``PRINCIPLE_REASON``).

The heading line itself (主要目标) is no clause of the goal. Nothing is dropped unsaid.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.plan_draft import ITEM_TEXT_LIMIT, PlanDraft, Unread, mask_quotes
from lianzheng_desktop.core.plan_grammar import spans
from lianzheng_desktop.core.plan_principles import ACTS, NUMBERING, PRINCIPLE_REASON
from lianzheng_desktop.core.plan_records import named_counts
from lianzheng_desktop.core.plan_text import Node, section_of, title_of

GOAL_CLAUSE_REASON = ("目标中的这一项没有写次数和周期，未作为检查事项；如需检查，请双击添加为"
                      "一项要求")
_GOAL_HEADING = re.compile(r"^(?:主要|工作|总体|年度|具体)?目标(?:任务)?(?:和任务|与任务)?"
                           r"[：:。]?$")
_SENTENCE_END = "。；;！!？?\n"
_CLAUSE_END = "，,；;"


def states_goals(node: Node) -> bool:
    """Whether ``node`` is, or stands under, a goal heading (主要目标, 目标任务 …)."""
    lines = [section_of(node)] + [n.text.strip().split("\n", 1)[0] for n in node.path()]
    heads = [re.split(r"(?<=[：:])", line, maxsplit=1)[0] for line in lines]  # 主要目标：全年…
    return any(_GOAL_HEADING.match(NUMBERING.sub("", words.strip()).strip())
               for words in heads if words)


def goal_clauses_left(node: Node, found: list[Requirement], draft: PlanDraft,
                      listed: list[Unread]) -> list[Requirement]:
    """Requirements for the clauses of a goal item that ``found`` (read from it) and
    ``listed`` (unread and untracked lines it gave) leave; the acts and goals among them are
    listed on ``draft``."""
    text = node.text
    masked = mask_quotes(text)
    taken = [_where(text, r.text) for r in found] + [_where(text, u.text) for u in listed]
    section, title = section_of(node), title_of(text)
    made: list[Requirement] = []
    for s_start, s_end in spans(masked, _SENTENCE_END):
        for c_start, c_end in spans(masked[s_start:s_end], _CLAUSE_END):
            a, b = s_start + c_start, s_start + c_end
            clause, clause_text = masked[a:b].strip(), text[a:b].strip()
            if len(clause) < 4 or _is_heading(text, a, b) or any(
                    x < b and a < y for x, y in taken):
                continue
            counts = named_counts(clause)
            if counts is not None:
                made.append(Requirement(item=node.id, text=clause_text, section=section,
                                        item_title=title, counts=counts,
                                        item_text=text[:ITEM_TEXT_LIMIT]))
            elif ACTS.search(clause):
                draft.unread.append(Unread(node.id, clause_text, GOAL_CLAUSE_REASON))
            else:
                draft.untracked.append(Unread(node.id, clause_text, PRINCIPLE_REASON))
    return made


def _where(text: str, part: str) -> tuple[int, int]:
    at = text.find(part.strip())
    return (at, at + len(part.strip())) if at >= 0 else (-1, -1)


def _is_heading(text: str, start: int, end: int) -> bool:
    """The item's own first line when it is a heading (主要目标) above the goals."""
    line_end = text.find("\n")
    return start == 0 and line_end != -1 and end <= line_end \
        and _GOAL_HEADING.match(NUMBERING.sub("", text[:line_end].strip()).strip()) is not None
