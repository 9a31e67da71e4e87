"""The words the checklist and the reports say a requirement's work in: the verb its count
takes (召开 a meeting, 督促 整改, none for 听取汇报), "巡察反馈的" before the 整改事项 a duty
counts, and the 往年未完成 items carried into the year."""

from __future__ import annotations

# Labels that are themselves an act ("听取汇报", "签订责任书", a plan's "汇报出勤情况"): no
# verb before them.
ACTS = ("听取", "签订", "报告", "汇报", "述职", "述责", "述廉", "讲授", "参加", "开展", "召开",
        "组织", "研究", "安排", "协调")


# The verb other counted things take, as a secretary says it (督促整改…问题: one sees to it,
# one does not 开展 it).
LABEL_VERBS = (("廉政学习", "组织"), ("廉政测试", "组织"), ("整改", "督促"), ("廉政承诺", "签订"),
               ("个人事项报告", "组织填报"), ("个人有关事项", "组织填报"), ("廉政党课", "讲授"),
               ("典型问题通报", "组织"))


def verb_for(label: str) -> str:
    """The verb a requirement's count takes: 召开 meetings, none for a label that is an
    act already (听取汇报), LABEL_VERBS' for theirs, 开展 the rest."""
    if label.endswith("会") or label.endswith("会议"):  # 组织生活会: 召开, not an act
        return "召开"
    if label.startswith(ACTS):
        return ""
    return next((verb for start, verb in LABEL_VERBS if label.startswith(start)), "开展")


def sources_words(sources: tuple[str, ...]) -> str:
    """"巡察反馈的" before 整改事项 where a duty counts some 问题来源 only: section one
    counts every item, and "整改事项2件" beside its "4个问题" would contradict it."""
    return f"{'、'.join(sources)}的" if sources else ""


def carried_words(carried: int, total: int) -> str:
    """"（含往年未完成2件）", or "（均为往年未完成）" when all are: not "4件（含…4件）"."""
    if not carried:
        return ""
    return "（均为往年未完成）" if carried == total else f"（含往年未完成 {carried} 件）"
