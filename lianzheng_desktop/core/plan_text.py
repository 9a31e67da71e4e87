"""A plan's text as people publish it, made regular and cut into its numbered items.

Plans arrive numbered in every common style — 一、 （一） 1. 1、 (1) ① 第一条 第一，, points
written 一是……二是……, or plain paragraphs — and often copied from a web page: ASCII
commas and colons, stray spaces, lines broken mid-sentence, page numbers and "打印本页".
``normalise`` (``plan_layout``) makes the text regular; ``split_nodes`` finds its items at
every level.
No item is invented and no text is dropped: what stands before the first number is the
preamble, and a heading's own words are kept with it (a heading can state an obligation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lianzheng_desktop.core.plan_layout import CN as _CN
from lianzheng_desktop.core.plan_layout import MARKERS as _MARKERS
from lianzheng_desktop.core.plan_layout import name_apart, normalise

__all__ = ["PLAN_KINDS", "Node", "normalise", "section_of", "split_nodes", "title_of"]

# Inline points: 一是……；二是……
_POINT_RE = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))([{_CN}]{{1,3}})是(?=[^是])")
# Kinds whose items are a plan's own points (an item with no number there is still a
# requirement, satisfied by a record or by hand); articles of a rule and paragraphs are not.
PLAN_KINDS = frozenset({"cn", "paren_cn", "ordinal", "arabic", "paren_arabic", "circled",
                        "point"})


@dataclass
class Node:
    """One numbered (or pointed, or paragraph) piece of the text, with what it holds."""

    kind: str  # a _MARKERS kind, "point", "paragraph" or "preamble"
    number: str  # as written: "3", "二", "一是" …
    text: str  # its own words (the heading line and lines before its first child)
    depth: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    id: str = ""
    run_in: bool = False  # its name was run into its first sentence (plan_layout.name_apart)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def path(self) -> list[Node]:
        node: Node | None = self
        nodes = []
        while node is not None:
            nodes.append(node)
            node = node.parent
        return nodes[::-1]


def split_nodes(text: str) -> list[Node]:
    """Every item of ``text`` (in order), nested by the document's own numbering."""
    depth_of: dict[str, int] = {}
    nodes: list[Node] = []
    stack: list[Node] = []
    preamble: list[str] = []
    for line in text.split("\n"):
        hit = next(((kind, m) for kind, regex in _MARKERS if (m := regex.match(line))), None)
        if hit is None:
            if stack:
                stack[-1].text += "\n" + line
            else:
                preamble.append(line)
            continue
        kind, match = hit
        if kind not in depth_of and match.group(1) not in _FIRST and stack and all(
                _RANK[kind] < _RANK.get(n.kind, 0) for n in stack):
            depth = stack[0].depth  # 1.… 2.… 二、监督责任清单: a list of a higher kind whose
            stack.clear()  # 一、 was never written (two tables, the second under a heading)
            depth_of[kind] = depth
        else:
            depth = _place(kind, match.group(1), stack, depth_of.setdefault(kind, len(depth_of)))
        words = match.group(2).strip()
        node = Node(kind, match.group(1), name_apart(words), depth, stack[-1] if stack else None)
        node.run_in = node.text != words
        if node.parent:
            node.parent.children.append(node)
        nodes.append(node)
        stack.append(node)
    if not nodes:  # prose: each paragraph is an item (a title line before them is not)
        paragraphs = [p for p in preamble if p.strip()]
        preamble = []
        if paragraphs and len(paragraphs[0]) <= 40 and "。" not in paragraphs[0]:
            preamble = paragraphs[:1]
            paragraphs = paragraphs[1:]
        nodes = _paragraphs(paragraphs)
    nodes = _with_points(nodes)
    if preamble and "\n".join(preamble).strip():
        nodes.insert(0, Node("preamble", "导语", "\n".join(preamble), -1))
    _assign_ids(nodes)
    return nodes


_RANK = {kind: rank for rank, (kind, _) in enumerate(_MARKERS)}  # 一、 above （一） above 1.
_FIRST = ("一", "1", "①", "第一", "第1")
_POINT_START = re.compile(rf"^([{_CN}]{{1,3}})是(?=[^是])")


def _place(kind: str, number: str, stack: list[Node], depth: int) -> int:
    """Pop ``stack`` to the new item's parent; return the item's depth.

    A number of a kind already open on the stack continues that list (a sibling). A first
    number (一, 1) under an item of another kind starts a list inside it, even where the
    document used the same kind higher up before ((二)…二、…(一)党员大会制度 1.…: the (一)
    is under 二、, not a new top part) — where that item is a heading; after a sentence it is
    the document starting again. Otherwise the depth is the order in which the document
    first used the kind."""
    same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == kind), None)
    if number in _FIRST and stack and stack[-1].kind != kind and depth <= stack[-1].depth \
            and _is_heading(stack[-1].text.split("\n", 1)[0]):
        return stack[-1].depth + 1
    if number not in _FIRST and same is not None:
        depth = stack[same].depth
        del stack[same:]
        return depth
    while stack and stack[-1].depth >= depth:
        stack.pop()
    return depth


def _is_heading(line: str) -> bool:
    """“三会一课”制度, 党员大会制度: a short title with no sentence, which a list may follow."""
    return len(line) <= 25 and not any(ch in line for ch in "。；;，")


def _paragraphs(paragraphs: list[str]) -> list[Node]:
    """Plain paragraphs; those written 一是…, 二是… (one point a paragraph) are points."""
    points = [m for p in paragraphs if (m := _POINT_START.match(p))]
    if len(points) < 2 or points[0].group(1) != "一":
        return [Node("paragraph", f"第{n}段", para, 0)
                for n, para in enumerate(paragraphs, start=1)]
    nodes, count = [], 0
    for para in paragraphs:
        if match := _POINT_START.match(para):
            nodes.append(Node("point", f"{match.group(1)}是", para[match.end():].strip(), 0))
        else:
            count += 1
            nodes.append(Node("paragraph", f"第{count}段", para, 0))
    return nodes


def _with_points(nodes: list[Node]) -> list[Node]:
    """Split 一是……二是…… inside a leaf into points below it."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        if not node.is_leaf:
            continue
        marks = list(_POINT_RE.finditer(node.text))
        if len(marks) < 2 or marks[0].group(1) != "一":
            continue
        head = node.text[:marks[0].start()]
        for i, mark in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(node.text)
            point = Node("point", f"{mark.group(1)}是", node.text[mark.end():end].strip(),
                         node.depth + 100, node)
            node.children.append(point)
            out.append(point)
        node.text = head.strip()
    return out


def _assign_ids(nodes: list[Node]) -> None:
    """Leaves by their own numbers where all differ, else by their parent's too (一.2)."""
    own = [n.number for n in nodes if n.is_leaf]
    unique = len(set(own)) == len(own)
    for node in nodes:
        if node.kind == "preamble":
            node.id = node.number
            continue
        path = [n for n in node.path() if n.kind != "chapter"] or node.path()
        if node.is_leaf and (unique or len(path) < 2):
            node.id = node.number
        elif len(path) >= 2 and node.is_leaf:
            node.id = f"{path[-2].number}.{node.number}"
        else:
            node.id = ".".join(n.number for n in path)
    _lengthen_repeated(nodes)
    _bracket_through_numbered(nodes)
    seen: dict[str, int] = {}
    for node in nodes:  # still repeated (a document numbering twice): make unique
        count = seen.get(node.id, 0)
        seen[node.id] = count + 1
        if count:
            node.id = f"{node.id}（{count + 1}）"


def _lengthen_repeated(nodes: list[Node]) -> None:
    """Leaves whose short ids repeat (一.1 under (一), and 1. under (二)二、(一)) are
    numbered by their whole path (二.二.一.1), so the secretary can find each in her text."""
    leaves = [n for n in nodes if n.is_leaf and n.kind != "preamble"]
    counts: dict[str, int] = {}
    for node in leaves:
        counts[node.id] = counts.get(node.id, 0) + 1
    lists = {id(n.parent) for n in leaves if counts[n.id] > 1}  # and their siblings alike
    for node in leaves:
        if id(node.parent) in lists:
            node.id = ".".join(n.number for n in node.path() if n.kind != "chapter")


def _bracket_through_numbered(nodes: list[Node]) -> None:
    """Items （一）…（八） numbered through the sections 一、二、三、 keep their brackets
    (revyear2 G3): "（二）", as the text writes it, not "二" — the label of the section 二、
    — nor "一（2）"."""
    taken = {n.id for n in nodes if n.kind not in ("paren_cn", "paren_arabic")}
    kinds = {n.kind for n in nodes if n.kind in ("paren_cn", "paren_arabic") and n.is_leaf
             and n.id == n.number and n.id in taken}
    for node in nodes:
        if node.kind in kinds and node.is_leaf and node.id == node.number:
            node.id = f"（{node.number}）"


def section_of(node: Node) -> str:
    """The top heading a node stands under, as written ("二、强化责任担当…")."""
    top = node.path()[0]
    if top is node or top.kind in ("paragraph", "preamble"):
        return ""
    marker = {"cn": "、", "ordinal": "，", "chapter": ""}.get(top.kind, "")
    prefix = f"第{top.number}章" if top.kind == "chapter" else f"{top.number}{marker}"
    if top.kind in ("paren_cn", "paren_arabic"):
        prefix = f"（{top.number}）"  # (一)党组…: as written, not "一党组…"
    return prefix + top.text.split("\n", 1)[0]


TITLE_CHARS = 40


def title_of(text: str) -> str:
    """The item's first sentence, or as many of its first clauses as fit in TITLE_CHARS —
    whole clauses, never cut inside a word or a quotation (the text reaches the report)."""
    first = re.split(r"[。；;\n]", text, maxsplit=1)[0]
    if len(first) <= TITLE_CHARS:
        return first
    cuts, quoted = [], False
    for index, ch in enumerate(first):
        if ch in "“‘「《":
            quoted = True
        elif ch in "”’」》":
            quoted = False
        elif ch in "，、：:" and not quoted:
            cuts.append(index)
    fits = [i for i in cuts if i <= TITLE_CHARS]
    if fits:
        return first[:fits[-1]]
    return first[:cuts[0]] if cuts else first
