"""What a branch studied, from its 廉政学习 records' topics: each subject once, not the
session's own name ("第3次廉政学习", "10月廉政学习")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lianzheng_desktop.core.requirement_names import clause

# "第3次廉政学习：", and a month's: "10月廉政学习" names the session, not what was studied
# ("学习10月廉政学习、11月廉政学习": revjiwei10 K10)
STUDY_NUMBER = re.compile(r"^(?:第?[0-9一二三四五六七八九十]+次|[0-9一二三四五六七八九十]{1,2}月份?"
                          r"(?:集中)?)(?:廉政)?学习[：:，,、\s]*")


def subjects(studied: Iterable[str]) -> list[str]:
    """Each subject once: a second session on a book already named (“《条例》第二次集中学习”
    after “《条例》”) names it no more; "" (a topic that is only its number) is left out."""
    found: list[str] = []
    for subject in studied:
        book = re.search(r"《[^》]+》", subject)
        if subject and subject not in found and not (
                book and any(book.group() in s for s in found)):
            found.append(subject)
    return found


def studied(topic: str) -> str:
    """"第7次廉政学习：学习党纪学习教育读本" → "党纪学习教育读本"."""
    topic = STUDY_NUMBER.sub("", clause(topic))  # "" when the topic is only "第3次廉政学习"
    return topic.removeprefix("学习") or topic
