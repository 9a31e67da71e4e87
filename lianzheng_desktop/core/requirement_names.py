"""A requirement by name, as the paper, 首页 and the reminders say it: "开展党内谈心谈话，每年
至少2次", not "每年至少2次" (revnew6 U8: 首页 named three duties "全年不少于1次/2次/4次",
the paper beside it named them with their items' headings)."""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan import Requirement


def clause(text: str) -> str:
    """A record's free text as a clause inside our sentence: no closing full stop."""
    return text.strip().rstrip("。；;，,.")


def named(requirement: Requirement) -> str:
    """A requirement as the body of a report names it: never cut off with "…" (the plan
    reader stores a long one shortened; its item's full text is kept beside it)."""
    text = requirement.text
    full = requirement.item_text
    if text.endswith("…") and full.startswith(text[:-1]):
        end = full.find("。", len(text) - 1)  # the sentence it was cut in, whole
        return clause(full[:end] if end >= 0 else full)
    label, title = requirement.counts.label if requirement.counts else "", requirement.item_title
    if label and label not in text and says_only_how_often(text) and title \
            and title not in text:
        if text in title:  # an item with no heading: its first sentence holds the words
            return clause(title)
        return f"{clause(title)}，{text}"  # 开展党内谈心谈话，每年至少2次 — not "每年至少2次"
    return text


# the words of how often and how many, and of doing: what is left says what is done
_HOW_OFTEN = re.compile(r"每|[年月周]|季度?|半年|学[期年]|至少|不少于|不得少于|不低于|以上|一般"
                        r"|原则上|要|应|须|必须|[0-9０-９一二两三四五六七八九十]|次|个|度|全|按"
                        r"|开展|召开|进行|举行|组织|[，,、：:；;。\s（）()]")


def says_only_how_often(text: str) -> bool:
    """每年至少2次, 一般每月不少于1次, 每学期不得少于两次: no word of what is done."""
    return len(_HOW_OFTEN.sub("", text)) < 2
