"""Naming what a count counts: the activity a phrase names, as a built-in type or one of
the plan's own (政治学习, 党小组会 …), and the words around it that are no part of the name."""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan import Counts
from lianzheng_desktop.core.plan_draft import MASK
from lianzheng_desktop.core.plan_grammar import (
    Count,
    clean_object,
    counts_in,
    keyword_after,
    keyword_before,
    periods_in,
)
from lianzheng_desktop.core.plan_records import reports
from lianzheng_desktop.core.plan_vocab import COMPARATORS, PAPERS


def not_an_activity(name: str) -> bool:
    """A quoted title (masked), a time (节庆日期间), or fetching things (到镇纪委领取招待票据)
    cannot name a type of records."""
    return MASK in name or name.endswith(("期间", "时", "前", "后", "之际")) \
        or "领取" in name or "领用" in name


def only_who(name: str) -> bool:
    """班子成员 (of 每半年班子成员召开1次): who does it, not what (支委会 is both: a meeting)."""
    from lianzheng_desktop.core.plan import Role
    from lianzheng_desktop.core.plan_vocab import ROLE_WORDS

    return any(name in words for words, role in ROLE_WORDS if role is not Role.ORGANISATION)


def clean_object_verb(text: str) -> str:
    """The verb right before a number (编发1期简报 → 编发), if it is one."""
    text = re.sub(rf"(?:{'|'.join(COMPARATORS)})$", "", text.rstrip())
    match = re.search(r"(编发|编印|撰写|召开|举办|开展|报送|提交|通报|发布|推送|讲授|上报)$", text)
    return match.group(1) if match and match.group(1) not in ("开展", "举办") else ""


# how a period's act is done, said just before its period: 主题党日推行每月…, 党小组会正常
# 每月…, 党费收缴情况通常每季度… — no part of a name (revlast8 F6)
_HOW_BEFORE = re.compile(r"(?:坚持|实行|推行|落实|做到|通常|正常|一般|原则上)$")


def strip_periods(text: str) -> str:
    """``text`` without its period words (and how they are kept, just before them: 推行每月),
    and the 或 between two (每季度或半年)."""
    periods = periods_in(text)
    for at, period in reversed(list(enumerate(periods))):
        end = period.end
        if at + 1 < len(periods) and text[end:periods[at + 1].start] in ("或", "或者", "、"):
            end = periods[at + 1].start
        how = _HOW_BEFORE.search(text, 0, period.start)
        start = how.start() if how and how.start() >= 2 else period.start
        text = text[:start] + text[end:]
    return text


def without_subject(text: str) -> str:
    """The words before a period word, less who does it (党支部, 班子成员 …)."""
    from lianzheng_desktop.core.plan_vocab import ROLE_WORDS

    for words, _ in ROLE_WORDS:
        for word in sorted(words, key=len, reverse=True):
            if word in text:
                text = text.split(word)[-1]
    return text


def unit_word(unit: str, counts: Counts) -> str:
    if unit in ("次", "件", "个", "场", "轮"):
        return ""  # the usual words; the checklist says 次 or 件 as before
    return unit


def reporting_up(clause: str) -> Counts | None:
    """向上级党委汇报 is reporting up, not 听取汇报 (hearing reports)."""
    match = re.search(r"向([\u4e00-\u9fff（）()]{1,12}?)(?:汇报|报告|述职|述责)", clause)
    if match is None or "听取" in clause[:match.start()]:
        return None
    # 履行“一岗双责”情况: the quoted words are blanked where this is read (plan_draft)
    if any(word in clause for word in ("履责", "履职", "一岗双责", "述责", "述廉", "述职",
                                       "履行职责", "履行“")):
        return Counts("activity", ("履责报告",), "报告履责情况")
    target = re.sub(r"[（(].*?[）)]", "", match.group(1))
    return new_type(f"向{target}汇报")


def _report_type(after: str) -> Counts:
    """What is reported, as a type of the plan's own: 汇报出勤情况, or 汇报工作."""
    what = clean_object(after)
    return new_type(f"汇报{what}" if len(what) >= 2 and not not_an_activity(what) else "汇报工作")


def new_type(name: str) -> Counts:
    """A type of the plan's own, in the ledger its name points to (会议活动 by default)."""
    name = name.strip("＿ ")
    ledger = "activity"
    if "警示" in name:
        ledger = "warning_education"
    elif "谈" in name and "座谈" not in name and not name.endswith(PAPERS):  # 约谈记录
        ledger = "talk"
    elif "整改" in name:
        return Counts("rectification", (), name)
    return Counts(ledger, (name,), name)


_BARE_TALK = re.compile(r"(?:(?:找|与|同|和|跟)[\u4e00-\u9fff、]{1,12})?(?:个别)?谈话")


def any_talk(name: str) -> Counts | None:
    """党支部书记找党员谈话, 与分管科室负责人谈话: a talk of no kind the plan names is any talk
    the ledger holds (谈心谈话, 廉政谈话 …), never a type of its own named with who holds it
    (revyear2 G1, revjiwei6 G4: "书记党支部书记找党员谈话")."""
    return Counts("talk", (), "谈话") if _BARE_TALK.fullmatch(without_subject(name)) else None


def own_object(after: str) -> str:
    """What follows a number, up to where the next obligation's object begins.

    In "不少于10次、廉政测试不少于2次" the words after "10次" belong to the next count.
    """
    joined = after.find("并")  # 参加1次主题党日活动并讲1次廉政党课: the next act's own
    if joined > 0 and counts_in(after[joined:]):  # count, not this one's (revlast10 2)
        after = after[:joined]
    firsts = [at for at in (after.find(word) for word in COMPARATORS) if at >= 0]
    if not firsts:
        return after
    return after[:max(after.rfind("、", 0, min(firsts)), 0)]


# 每月一次的支部会: the count says how often the thing after 的 recurs; the name is that
# thing, up to where the next one (和, 、, 及) or its own attribute (的) begins
_COUNT_AS_ATTRIBUTE = re.compile(r"的([^和、及与的，,；;]{2,12}?)(?=[和、及与的，,；;]|$)")


_ON_THE_BASIS = re.compile(r"在[^，。；、]{1,20}?的?基础上")
_GIVEN_TO = re.compile(r"(?:为|给)[^，。；、]{1,10}?(?:上|讲)([\u4e00-\u9fff]{2,8})$")


_ACT_AFTER_MODAL = re.compile(r"(?:至少|必须|要|应|须)([\u4e00-\u9fff]{2})$")


def counted_by(sentence: str, clause: str, count: Count, before: str,
               c_start: int, c_end: int) -> Counts | None:
    """What a count counts: a report up, a built-in type named after or before the number,
    or a type of the plan's own named from the words around it (or the clause before)."""
    after = own_object(sentence[count.end:c_end])
    if attribute := _COUNT_AS_ATTRIBUTE.match(after):
        after = attribute.group(1)  # 列为每月一次的支部会和…的重要议题: the 支部会 recurs
    up = reporting_up(clause)
    if up is not None:
        return up
    before = _ON_THE_BASIS.sub("", before)  # 在民主生活会的基础上召开一次民主评议: the basis
    named = keyword_after(after) or keyword_before(before)
    if named is not None and named.types == ("听取汇报",) and reports(clause):
        return _report_type(after)
    if named is not None:
        return named
    if not after and sentence[c_end:c_end + 1] in ("、", "和", "及", "与") \
            and (act := _ACT_AFTER_MODAL.search(before)):  # 至少宣讲一次、订阅一份党报
        return keyword_after(act.group(1)) or new_type(act.group(1))
    for phrase, verb_from in ((after, before), (before, "")):
        name = clean_object(strip_periods(phrase))
        if given := _GIVEN_TO.search(name):
            name = given.group(1)  # 支部为全体党员上党课: the 党课, not who gets it
        if not_an_activity(name) or only_who(name):  # 每季度或半年班子成员召开1次
            return None
        if talk := any_talk(name):
            return talk
        if len(name) >= 2:
            if len(name) == 2 and verb_from:
                verb = clean_object_verb(verb_from)
                name = verb + name if verb else name
            return new_type(name)
    previous = sentence[:c_start].rstrip("，,、")
    carried = keyword_before(previous)
    if carried is not None:
        return carried
    name = clean_object(strip_periods(re.split(r"[，,；;]", previous)[-1])) if previous \
        else ""
    return new_type(name) if len(name) >= 2 and not not_an_activity(name) else None
