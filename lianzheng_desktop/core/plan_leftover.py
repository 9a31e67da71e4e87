"""What the reader said nothing about: every sentence is a requirement or listed (读不懂的不丢).

An item read as counted duties (每月组织一次集中学习) said nothing of its other sentences: a
hospital plan's "建立健全意识形态工作责任制…" or "开展重温入党誓词…等活动" were neither a
requirement nor listed, and the 核对 dialog showed "0 处" unread (revother F1, F4). Here each
sentence of an item that no requirement and no listed line took is listed with its reason,
among the lines read and not checked (``untracked``: the dialog lists them with the unread
ones, and a double-click makes any of them a requirement; ``unread`` keeps to what looks like
a count the reader could not place):

- in an item (not a result, not a principle): "写了要做的事，但没有写次数和周期";
- it reports what was done (共召开, 累计, 以来 …): listed as a result, not a duty;
- the words before the first item (指导思想, 总体要求: ``PREAMBLE_REASON``) or a sentence
  that says a principle or goal (``GOAL_REASON``): listed as such (apart from the items of
  principles, ``PRINCIPLE_REASON``, which the summary counts);
- else (the preamble's "2022年是党的二十大召开之年", "现将《要点》下发给你们"): listed as
  background.

Not listed: a heading over its items or its body (the section's name the requirements carry),
the title line of the text, and an item made one duty marked by hand as a whole.

A heading alone is a title, not a duty (revother F4): "二、加强组织建设，提升党组织凝聚力和
战斗力" at the end of a pasted text, with nothing under it where its sibling 一、 has a body,
and a slogan that heads a body the reader cannot read ("坚定不移把党的政治建设摆在首位。坚持
把…") are listed with ``TITLE_REASON``; the body's sentences are listed as above. The union's
"强化政治监督。认真落实…" (an act: 监督) stays a duty marked by hand.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan_draft import PlanDraft, PlanItem, Unread, mask_quotes
from lianzheng_desktop.core.plan_grammar import is_past, is_scoring, spans
from lianzheng_desktop.core.plan_principles import _SIGNALS, ACTS
from lianzheng_desktop.core.plan_text import Node

LEFTOVER_REASON = ("写了要做的事，但没有写次数和周期，未作为检查事项；如需检查，请双击添加为"
                   "一项要求")
RESULT_REASON = "写的是已经开展的工作情况，不是要求，只列出"
ASIDE_REASON = "说明做法、目的或背景，没有要做的具体事项，只列出"
SCORING_REASON = "写的是考核评分的扣分或加分标准，不是要做的事，只列出"
# the words before the first item: counted apart from the items (PlanDraft.summary)
PREAMBLE_REASON = "开头的指导思想或总体要求，不作为检查事项"
# a sentence, not an item: PlanDraft.summary counts whole items of principles only
GOAL_REASON = "说的是指导思想或目标，不作为检查事项"
TITLE_REASON = "标题或口号，下面没有读出要做的具体工作，不作为检查事项"
TITLED_REASON = ("可能是本条的标题（本条的要求已从其后读出）；如这句本身是另一件要做的事，"
                 "请双击添加为一项要求")
_SENTENCE_END = "。；;！!？?\n"
_PIECES = re.compile(r"[，,：:、]")
_HEADING_CHARS = 40
_HEADLINE_CHARS = 16  # a first sentence this short, over a read duty, heads its item
# 把党的政治建设摆在首位, 作为首要任务: where a thing stands, not something done
_PRIORITY = re.compile(r"把[^，。；]{2,24}?(?:摆在|放在|摆到|放到)[^，。；]{0,6}?"
                       r"(?:首位|首要位置|突出位置|重要位置|第一位)")


def is_title_line(line: str) -> bool:
    """A short line with no sentence in it: a heading or a title."""
    line = line.strip()
    return 0 < len(line) <= _HEADING_CHARS and not any(ch in line for ch in "。；;！？")


def bare_heading(node: Node, nodes: list[Node]) -> bool:
    """Whether ``node`` is a heading with nothing under it: one short line that ends the
    text (a page's text cut after it), a top heading after one of its kind that heads a
    body or items of its own (一、… with paragraphs, 二、… alone). The last line of a list of
    short items (a contents page: 16.党务公开制度) or a sub-item cut short is no such heading."""
    if node is not nodes[-1] or node.parent is not None or "\n" in node.text.strip() \
            or not is_title_line(node.text):
        return False
    before = [other for other in nodes[:-1] if other.kind == node.kind and other.parent is None]
    return bool(before) and bool(before[-1].children or "\n" in before[-1].text.strip())


def slogan_title(item: PlanItem) -> bool:
    """Whether the item opens with a sentence that ranks a thing (把…摆在首位) and goes on."""
    first = item.title
    rest = item.text.strip()[len(first):].lstrip("。；; \n")
    return bool(_PRIORITY.search(first)) and bool(rest) and not ACTS.search(
        _PRIORITY.sub("", mask_quotes(first)))


def title_only(node: Node, nodes: list[Node], item: PlanItem, draft: PlanDraft) -> bool:
    """A heading alone or a slogan over a body: listed as a title, and True; else False."""
    if bare_heading(node, nodes) or slogan_title(item):
        draft.untracked.append(Unread(item.id, item.title, TITLE_REASON))
        return True
    return False


def list_the_rest(node: Node, told: list[str], draft: PlanDraft, read: bool = False) -> None:
    """List each sentence of ``node`` that none of ``told`` (the texts of its requirements and
    listed lines) takes, with its reason (above). ``read``: the item gave a requirement, so
    a short first sentence ("1.压实主体责任。党支部每季度召开…") is likely its heading:
    listed as such (``TITLED_REASON``), not as a duty left out — 13 of those invited her to
    add each duty again (revnew6 U7); dropped, a short duty (全体党员签订廉政承诺书。) was
    listed nowhere (revdiff10 E3)."""
    text = node.text
    masked = mask_quotes(text)
    taken = [False] * len(text)
    for part in told:
        for piece in [part.strip(), *_PIECES.split(part.strip())]:
            if len(piece) < 3:
                continue
            at = text.find(piece)
            while at >= 0:
                taken[at:at + len(piece)] = [True] * len(piece)
                at = text.find(piece, at + 1)
    first_end = masked.find("\n")
    first_line = text[:first_end] if first_end != -1 else text
    heading = is_title_line(first_line) and (first_end != -1 or bool(node.children)
                                              or node.kind == "preamble")
    for start, end in spans(masked, _SENTENCE_END):
        sentence, words = masked[start:end].strip(), text[start:end].strip()
        if len(sentence) < 4 or any(taken[start:end]):
            continue
        if start == 0 and heading:
            continue  # the heading over the item's body or its items; the text's title
        reason = TITLED_REASON if start == 0 and read and _headline(sentence) \
            else _reason(node, sentence)
        draft.untracked.append(Unread(node.id, words, reason))


def scores_only(text: str) -> bool:
    """Whether every sentence of an item is a score for a miss (每月少一次扣1分; 无学习记录，扣1分):
    a 考核细则's points, listed, not an item to tick by hand (heldout12 T10). A duty given
    its points (建立…任务清单，2分，未制定的扣1分) stays the duty."""
    sentences = [text[a:b] for a, b in spans(mask_quotes(text), _SENTENCE_END)
                 if text[a:b].strip(_SENTENCE_END + " \n")]
    return bool(sentences) and all(_a_miss_scored(s) for s in sentences)


def _a_miss_scored(sentence: str) -> bool:
    first = _PIECES.split(sentence.strip(), maxsplit=1)[0]
    return is_scoring(sentence) and (is_scoring(first) or first.startswith(_MISSES)
                                     or bool(_FAULTS.search(sentence)))


_MISSES = ("未", "无", "没", "不", "缺", "少")
# 对…工作落实不力，工作拖拉，每一次扣1分: a fault scored (revdiff11 Z8)
_FAULTS = re.compile(r"不力|拖拉|不及时|不到位|不明确|不规范|不完整|不齐全|缺失|滞后")


def _headline(sentence: str) -> bool:
    """A short first sentence with no pause in it: 压实主体责任。 强化警示教育。"""
    words = sentence.rstrip(_SENTENCE_END)
    return len(words) <= _HEADLINE_CHARS and not _PIECES.search(words)


def _reason(node: Node, sentence: str) -> str:
    if is_past(sentence, ""):
        return RESULT_REASON
    if is_scoring(sentence):
        return SCORING_REASON
    if _SIGNALS.search(sentence) and node.kind == "preamble":
        return PREAMBLE_REASON
    if _SIGNALS.search(sentence) and not ACTS.search(sentence):
        return GOAL_REASON
    if node.kind != "preamble":  # 加强…管理, 严格审核: a plan's sentences are its duties,
        return LEFTOVER_REASON  # whatever the verb
    return ASIDE_REASON  # 2022年是党的二十大召开之年, 现将《要点》下发给你们
