"""The words the checklist and the reports say a requirement's work in: the verb its count
takes (召开 a meeting, 督促 整改, none for 听取汇报), "巡察反馈的" before the 整改事项 a duty
counts, and the items carried into the year from the years before."""

from __future__ import annotations

from datetime import date

from lianzheng_desktop.core.plan import Period

# Labels that are themselves an act ("听取汇报", "签订责任书", a plan's "汇报出勤情况"): no
# verb before them. "向党支部汇报" too: "本人尚未向党支部汇报", not "本人尚未开展向党支部汇报".
ACTS = ("听取", "签订", "报告", "汇报", "述职", "述责", "述廉", "讲授", "参加", "开展", "召开",
        "组织", "研究", "安排", "协调", "向", "报送", "上报", "填写", "填报", "提交")


# The verb other counted things take, as a secretary says it (督促整改…问题: one sees to it,
# one does not 开展 it).
LABEL_VERBS = (("廉政学习", "组织"), ("廉政测试", "组织"), ("整改", "督促"), ("廉政承诺", "签订"),
               ("个人事项报告", "组织填报"), ("个人有关事项", "组织填报"), ("廉政党课", "讲授"),
               ("典型问题通报", "组织"))


_VERBS_INSIDE = ("开展", "组织", "召开", "举办", "进行")


def verb_for(label: str) -> str:
    """The verb a requirement's count takes: 召开 meetings, none for a label that is an
    act already (听取汇报), LABEL_VERBS' for theirs, 开展 the rest."""
    if label.endswith("会") or label.endswith("会议"):  # 组织生活会: 召开, not an act
        return "召开"
    if label.startswith(ACTS) or any(verb in label.replace("党组织", "")
                                     for verb in _VERBS_INSIDE):
        return ""  # a plan's own type may hold its verb: "党支部开展集中学习" (revdiff4 F3)
    return next((verb for start, verb in LABEL_VERBS if label.startswith(start)), "开展")


def span_words(period: Period | None, start: date) -> str:
    """The span a duty is checked over, as the checklist names it: "本季度", "上半年",
    "2027年" (a duty of the year, or of none)."""
    if period is Period.QUARTER:
        return "本季度"
    if period is Period.HALF:
        return "上半年" if start.month == 1 else "下半年"
    return f"{start.year}年"


def sources_words(sources: tuple[str, ...]) -> str:
    """"巡察反馈的" before 整改事项 where a duty counts some 问题来源 only: section one
    counts every item, and "整改事项2件" beside its "4个问题" would contradict it."""
    return f"{'、'.join(sources)}的" if sources else ""


def items_words(when: str, sources: tuple[str, ...], total: int, carried: int,
                space: str = "") -> str:
    """The 整改事项 a duty counts, named as what they are: "2027年巡察反馈的整改事项2件" for
    those found in the span; those carried into it are not the span's 巡察反馈 — "2027年巡察
    反馈的整改事项2件（均为往年未完成）" read as a 2027 inspection that never took place:
    "巡察反馈的整改事项2件（均为往年延续）", "…3件（2027年新增1件、往年延续2件）".
    ``space``: the screen sets numbers apart ("整改事项 2 件"), print does not."""
    count = f"{space}{total}{space}件"
    named = f"{sources_words(sources)}整改事项"
    if not carried:
        return f"{when}{named}{count}"
    before = "往年" if when.endswith("年") and when[:1].isdigit() else "此前"
    if carried >= total:
        return f"{named}{count}（均为{before}延续）"
    return f"{named}{count}（{when}新增{total - carried}件、{before}延续{carried}件）"


def still_open(count: int, due: int, today: int, day: date) -> str:
    """"尚在整改3件（其中1件到期未完成、1件整改时限为12月31日）": the open items and, of them,
    those past their deadline and those due on the paper's own ``day`` (one wording for 一
    and 附件1; a paper is read later, so its day is named, not "今日": revjiwei5 F8)."""
    on = f"整改时限为{day.month}月{day.day}日"
    which = [f"{due}件到期未完成"] * bool(due) + [f"{today}件{on}"] * bool(today)
    return f"尚在整改{count}件" + (f"（其中{'、'.join(which)}）" if which else "")
