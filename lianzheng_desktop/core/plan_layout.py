"""A plan's text made regular: what a web page or a PDF adds to it taken away.

ASCII commas and colons, stray spaces, page numbers and "打印本页", lines broken mid-sentence
(a narrow page, or a PDF's text layer with blank lines between all its printed lines).
Also the numbering markers (一、 （一） 1. (1) ① 第一条 第一，) ``plan_text`` cuts items by, and
an item's name run into its first sentence (``name_apart``: 党纪检查制度党支部应…).
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.numerals import NUMERAL_CHARS

CN = _CN = NUMERAL_CHARS
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Marker kinds, each with the regex that finds it at the start of a line. The depth of a
# kind is the order in which the document first uses it, so "（一）… 1." and "一、… 1."
# both nest as written.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第([{_CN}\d]+)章\s*(.*)$")),
    ("article", re.compile(rf"^第([{_CN}\d]+)条\s*(.*)$")),
    # 第一，组织生活… / 第二、…: numbered as written ("第一"); not 第一、第二党支部… or
    # 第一、二季度…, a list of ordinals
    ("ordinal", re.compile(rf"^(第[{_CN}\d]{{1,3}})\s*(?:[，,]|、(?![{_CN}\d]))(?!第)\s*(.+)$")),
    ("cn", re.compile(rf"^([{_CN}]{{1,3}})\s*[、.．]\s*(.+)$")),
    ("paren_cn", re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*[、.．]?\s*(.+)$")),
    ("arabic", re.compile(r"^(\d{1,6})\s*[.．、](?!\d)\s*(.+)$")),
    ("paren_arabic", re.compile(r"^[（(]\s*(\d{1,6})\s*[）)]\s*[、.．]?\s*(.+)$")),
    ("circled", re.compile(rf"^([{_CIRCLED}])\s*(.+)$")),
)

_PAGE_NUMBER = re.compile(r"^(?:[-—－–_\s]*\d{1,4}[-—－–_\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页.*)$")
# 镇纪第1页共4页委: a document site's page marker dropped inside a sentence
_INLINE_PAGE = re.compile(r"第\s*\d{1,4}\s*页\s*[，,]?\s*共\s*\d{1,4}\s*页")
_FURNITURE_WORDS = ("打印本页", "关闭窗口", "【打印】", "【关闭】", "分享到", "字号：", "【字体：",
                    "浏览次数", "阅读次数", "责任编辑", "来源：", "发布时间：", "发布日期：",
                    "点击数", "返回顶部", "上一篇", "下一篇", "扫一扫")
_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_SENTENCE_ENDS = "。；;！!？?：:"


def _is_furniture(line: str) -> bool:
    """Page numbers and a web page's own words (打印本页, 来源：…), never the plan's."""
    if _PAGE_NUMBER.match(line):
        return True
    return (len(line) <= 60 and "。" not in line and not _starts_item(line)
            and any(word in line for word in _FURNITURE_WORDS))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def normalise(text: str) -> str:
    """Regular text: Chinese punctuation, no stray spaces or page furniture, joined lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.translate(str.maketrans("０１２３４５６７８９\u3000\xa0\t", "0123456789   "))
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _INLINE_PAGE.sub("", _tidy_line(raw))
        if not line or _is_furniture(line):
            if not line and lines and lines[-1] != "":
                lines.append("")
            continue
        lines.append(line)
    return "\n".join(_join_broken(lines))


def _tidy_line(line: str) -> str:
    chars = list(line.strip())
    out: list[str] = []
    for i, ch in enumerate(chars):
        prev = out[-1] if out else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch == " " and (not prev or not nxt or not (prev.isascii() and nxt.isascii())):
            continue  # a space beside Chinese text is a stray one
        if ch in _ASCII_PUNCT and (_is_cjk(prev) or _is_cjk(nxt) or prev in "）)”"):
            ch = _ASCII_PUNCT[ch]
        out.append(ch)
    return "".join(out)


def _starts_item(line: str) -> bool:
    return any(regex.match(line) for _, regex in MARKERS)


def _join_broken(lines: list[str]) -> list[str]:
    """Join a line broken mid-sentence (copied from a PDF or a narrow page) to the next.
    A blank line ends a paragraph, except in a PDF's text layer that puts blank lines
    between all its printed lines (``_wrapped_with_blank_lines``)."""
    joined: list[str] = []
    blank_is_wrap = _wrapped_with_blank_lines(lines)
    for line in lines:
        if line == "":
            if not blank_is_wrap:
                joined.append("")
            continue
        if joined[-2:-1] and joined[-1] == "" and _cut_in_a_word(joined[-2]) \
                and not _starts_item(line) and not _looks_like_title(line):
            joined.pop()  # …不少于2小⏎⏎时。: a page break inside a sentence, not a paragraph's end
        prev = joined[-1] if joined else ""
        if (prev and prev[-1] not in _SENTENCE_ENDS and not _starts_item(line)
                and not _looks_like_title(prev)):
            joined[-1] = prev + line
        else:
            joined.append(line)
    return [line for line in joined if line != ""]


def _cut_in_a_word(line: str) -> bool:
    """A long body line that stops on a character of a word (…每两周集中学习时间不少于2小): a
    blank line after it is a page break, not a paragraph's end. A heading, a title or a short
    line (a name, a date) stops where it means to."""
    return len(line) > 40 and (_is_cjk(line[-1]) or line[-1].isdigit()) \
        and not _looks_like_title(line)


def _wrapped_with_blank_lines(lines: list[str]) -> bool:
    """Whether most lines followed by a blank line stop in mid-sentence (“支部委员会一⏎⏎般每
    月召开 1 次”): the blank lines are the layout of a page, not the ends of paragraphs. A
    web page's paragraphs end in 。, and a title or a heading before one is no such stop."""
    before_blank = [line for line, after in zip(lines, lines[1:], strict=False)
                    if line and not after]
    broken = [line for line in before_blank
              if line[-1] not in _SENTENCE_ENDS and not _looks_like_title(line)]
    return len(broken) >= 3 and len(broken) * 2 > len(before_blank)


_HEADING_KINDS = ("chapter", "cn", "paren_cn", "ordinal")


def _looks_like_title(line: str) -> bool:
    if "。" in line:
        return False  # 1.…制度。党支部必须定期召开支委会、党员: a sentence ends in it, a body line
    if len(line) <= 40 and any(
            regex.match(line) for kind, regex in MARKERS if kind in _HEADING_KINDS):
        return True  # a heading
    return len(line) <= 40 and ("要点" in line or "计划" in line or "清单" in line
                                or "制度" in line or "办法" in line or "方案" in line)


# 党纪检查制度党支部应…, 党员向党组织汇报制度党员每学期…, 党支部对党员的考核制度每年对党员进行
# 一次考核: a published rule runs an item's name into its first sentence. The name ends in 制度
# or 会议 (or 系统, which some sites put for 制度, after an activity: 民主生活系统 — not 教育系统,
# a sector) and the sentence opens with who does it or how often.
_NAME = re.compile(r"^([^\s，。；：、“”《》（）()]{2,16}?"
                   r"(?:制度|会议|(?:生活|学习|汇报|检查|考核|评议)系统))"
                   r"(?=(?:党支部|党总支|党委|党组织|党组|支部|支委会|全体党员|每名党员|每个党员|"
                   r"党员|书记|班子成员|领导班子|每(?:年|学期|半年|季度?|月)))")
_COUNT_ENDS_CLAUSE = re.compile(rf"[{_CN}\d]+\s*次\s*(?:[，,。；;：:]|$)")


def name_apart(text: str) -> str:
    """An item's text with a run-in name on a line of its own (“党纪检查制度⏎党支部应…”), so
    the name is the item's title and the duty is read without it. Not where the name is what
    the sentence counts (支部委员会会议每月召开一次, 民主评议党员制度每年开展一次)."""
    match = _NAME.match(text)
    if match is None:
        return text
    rest = text[match.end():]
    first_clause = re.split(r"[，,。；;：:\n]", rest, maxsplit=1)[0]
    if _COUNT_ENDS_CLAUSE.search(first_clause + "。"):
        return text
    return f"{match.group(1)}\n{rest}"
