"""The 整改 items in sections three and four: overdue ones as problems, open ones as next steps.

Items are told in the order of their deadlines (the longest overdue first), and one owner's
many items of a kind are one sentence: a reviewer read "三是整改事项“问题整改”整改时限为…"
eight times over, in no order, up to "十四是". Every item is still named (by_owner).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from lianzheng_desktop.core.checklist import ChecklistItem
from lianzheng_desktop.core.record_source import done_by, is_due, is_open, is_standing
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.report_facts import (
    ReportData,
    by_owner,
    cn_date,
    days_late,
    first_responsible,
    gone_owners,
    md,
    quoted,
    several,
)

ONE_BY_ONE = 3  # up to this many items of a kind (overdue, open) each get a sentence
# An item past its deadline: the report asks for a new one rather than naming a date the
# secretary never set (she writes it in, or changes the item's 整改时限, before printing).
RESET_DEADLINE = "重新明确整改时限，尽快完成销号"


def _by_deadline(items: list[RectificationItem]) -> list[RectificationItem]:
    return sorted(items, key=lambda i: (i.deadline, i.number or "", i.description))


def _span(items: list[RectificationItem]) -> str:
    first, last = items[0].deadline, items[-1].deadline
    if first == last:
        return cn_date(first)
    return f"{cn_date(first)}至{cn_date(last) if last.year != first.year else md(last)}"


def _owners(items: list[RectificationItem], gone: dict[str, date | None] | None = None,
            me: str | None = None) -> str:
    """"张志强负责的“甲”2件；周伟负责的“乙”": every item named once, owner by owner in
    the order of their earliest deadline; one's own "本人负责的"; one gone, a new owner."""
    parts = []
    for owner, named, _n in by_owner(items):
        if owner == me:
            parts.append(f"本人负责的{named}")
        elif gone is not None and owner in gone:
            parts.append(f"原由{owner}负责的{named}（{owner}已离岗，须明确新的责任人）")
        else:
            parts.append(f"{owner}负责的{named}")
    return "；".join(parts)


def due_items(data: ReportData) -> list[RectificationItem]:
    return _by_deadline([i for i in data.rectification
                         if is_due(i, data.as_of, data.missed_up_to)])


def awaiting_review(data: ReportData) -> list[RectificationItem]:
    """Items finished by the report's date and not yet reviewed, where the branch's plan
    asks for the 回头看 (its 整改 duty is done only when each item had one)."""
    branch = data.branch_checklist or data.checklist
    if not any(i.requirement.counts is not None
               and i.requirement.counts.ledger == "rectification" for i in branch.items):
        return []
    day = data.as_of
    return _by_deadline([i for i in data.rectification if done_by(i, day)
                         and (i.review_date is None or i.review_date > day)])


def of_duty(group: list[ChecklistItem], items: list[RectificationItem]
            ) -> list[RectificationItem]:
    """The items a 整改 duty's row counts by their state ("尚在整改2件（其中1件到期未完成）",
    report_checklist.rectification_as_of): those of its 问题来源, every item when it names
    none. None for any other duty, nor for one that counts items per person ("班子成员
    整改问题：李明华2件…"), whose row does not say which are overdue."""
    counts = group[0].requirement.counts
    if counts is None or counts.ledger != "rectification" \
            or not any(i.measure == "manual" for i in group):
        return []
    return [i for i in items if not counts.types or i.source in counts.types]


def problem_sentences(data: ReportData, due: list[RectificationItem]) -> list[str]:
    """Section three: each overdue item (``due``: those of ``due_items`` still to tell),
    longest overdue first; many, in one sentence."""
    day = data.as_of
    me = data.person.name if data.person is not None else None
    voice = first_responsible(data.person)  # the 书记's own report: whose item it is, said
    if not due:
        return []
    gone = gone_owners(data)
    if len(due) > ONE_BY_ONE:
        late = days_late(due[0], day)
        return [f"截至{cn_date(day)}，有{len(due)}件整改事项已过整改时限仍未完成（整改时限为"
                f"{_span(due)}）：{_owners(due, gone, me)}"
                + (f"。其中逾期最长的已逾期{late}天。" if late else "。")]
    parts = []
    for item in due:
        # a leaver is not "负责" of what went past its deadline after he left: nobody was,
        # and that is the problem to state (revjiwei3 J10)
        left = item.owner in gone and item.owner != me
        whose = f"（{item.owner}负责）" if voice and item.owner != me and not left else ""
        late = days_late(item, day)
        parts.append(f"整改事项{quoted(item.description)}{whose}整改时限为"
                     f"{cn_date(item.deadline)}"
                     + (f"，截至{cn_date(day)}仍未完成，已逾期{late}天" if late else
                        "，到期仍未完成整改")
                     + (f"；原责任人{item.owner}{_left_on(gone[item.owner])}离岗，"
                        "未及时明确新的责任人。" if left else "。"))
    return parts


def finished_late_items(data: ReportData) -> list[RectificationItem]:
    """Items finished within the period, but after their 整改时限."""
    return _by_deadline([i for i in data.rectification if i.completed_date is not None
                         and data.period.start <= i.completed_date <= data.as_of
                         and i.completed_date > i.deadline])


def finished_late(data: ReportData, late: list[RectificationItem],
                  owed: Sequence[RectificationItem] = ()) -> list[str]:
    """Section three: items finished late (``finished_late_items``) — a problem, not only
    an achievement ("其中1件超过整改时限完成"): at the year's end one had dropped out of
    存在的问题 once finished (revjiwei9 J6), in its owner's paper too. One of ``owed`` (its
    回头看 still to come) says so in the same sentence, not in one of its own (revlast12
    R4: one item, two problems)."""
    me = data.person.name if data.person is not None else None
    voice = first_responsible(data.person)
    if len(late) > ONE_BY_ONE:
        return [f"有{len(late)}件整改事项超过整改时限才完成整改：{_owners(late, me=me)}。"]
    parts = []
    for item in late:
        whose = "本人负责的" if item.owner == me else ""
        by = f"（{item.owner}负责）" if voice and item.owner != me else ""
        done = item.completed_date
        assert done is not None
        review = "，尚未开展“回头看”，整改成效还有待检验" if item in owed else ""
        parts.append(f"{whose}整改事项{quoted(item.description)}{by}整改时限为"
                     f"{cn_date(item.deadline)}，{md(done)}才完成整改，超过整改时限"
                     f"{(done - item.deadline).days}天{review}。")
    return parts


def _left_on(day: date | None) -> str:
    return f"已于{cn_date(day)}" if day else "已"


def next_step_sentences(data: ReportData) -> list[str]:
    """Section four: the overdue items (longest first), then the open ones by deadline,
    then those kept up for good; more than a few of a kind, in one sentence."""
    day = data.as_of
    me = data.person.name if data.person is not None else None
    voice = first_responsible(data.person)  # the 书记 督促s the owner; others do their own
    gone = gone_owners(data)
    due = due_items(data)
    ahead = _by_deadline([i for i in data.rectification if is_open(i, day) and i not in due])

    def who(owner: str) -> tuple[str, str]:
        """(before the act, after it): "督促高建军" / "，由高建军负责" / a handover."""
        if owner == me:
            return "", ""
        if owner in gone:
            left = gone[owner]
            return "", f"，原责任人{owner}{md(left) if left else '已'}离岗，须明确新的责任人"
        return (f"督促{owner}", "") if voice else ("", f"，由{owner}负责")

    urge = "督促相关责任人" if voice else ""
    parts = []
    if len(due) > ONE_BY_ONE:  # no new deadline is invented: only the secretary sets one
        parts.append(f"{urge}抓紧完成{len(due)}件逾期整改事项，逐项{RESET_DEADLINE}："
                     f"{_owners(due, gone, me)}。")
    for item in due if len(due) <= ONE_BY_ONE else []:
        before, after = who(item.owner)
        late = "逾期" if days_late(item, day) else "到期"
        # due after the paper's own period, missed by the day it is written: said as of
        # then, beside 附件 that shows it 整改中 (revjiwei9 J4)
        since = (f"（整改时限为{cn_date(item.deadline)}，现已{late}）"
                 if item.deadline > data.period.end else "")
        parts.append(f"{before}抓紧完成{'' if since else late}整改事项{quoted(item.description)}"
                     f"{since}{after}，{RESET_DEADLINE}。")
    if len(ahead) > ONE_BY_ONE:
        parts.append(f"{urge}按期推进{len(ahead)}件整改事项的整改，整改时限为{_span(ahead)}，"
                     f"逐项按期完成：{_owners(ahead, gone, me)}。")
    for item in ahead if len(ahead) <= ONE_BY_ONE else []:
        before, after = who(item.owner)
        # due on the report's own day (not yet missed: is_due). The period's last paper
        # plans what the next period does, whichever way the day ends (revjiwei4, K10);
        # one written within the period, "确保于今日", not "…前完成" of a day already here
        if item.deadline <= day and data.over:
            nxt = day + timedelta(days=1)  # the period's last day: the next begins
            parts.append(f"{before}核实整改事项{quoted(item.description)}（整改时限为"
                         f"{cn_date(item.deadline)}）的完成情况{after}：已按时完成的，及时开展"
                         f"“回头看”；未完成的，于{nxt.year}年{nxt.month}月内重新明确整改时限、"
                         "尽快销号。")
            continue
        by = (f"确保于今日（{cn_date(item.deadline)}）完成" if item.deadline <= day
              else f"确保于{cn_date(item.deadline)}前完成")
        parts.append(f"{before}按期推进{quoted(item.description)}的整改{after}，{by}。")
    standing = list(dict.fromkeys(quoted(i.description) for i in data.rectification
                                  if is_standing(i, day)))
    if standing:
        parts.append(f"持续抓好{several(standing)}长期坚持事项的整改，防止问题反弹。")
    return parts


def review_problems(data: ReportData, items: list[RectificationItem]) -> list[str]:
    """Section three: items finished and not yet reviewed where the plan asks a 回头看
    (``items``: those of ``awaiting_review`` still to tell) — one rule for the branch's
    report, the 书记's (整改第一责任人: whose item it is) and a member's (本人负责的): each
    paper handed in together names them."""
    items = [i for i in items if i.completed_date is not None]
    me = data.person.name if data.person is not None else None
    voice = data.person is not None  # the 书记's own names the owner; the branch's does not
    if len(items) > ONE_BY_ONE:
        return [f"有{len(items)}件整改事项已完成整改，尚未开展“回头看”，整改成效还有待检验："
                f"{_owners(items, me=me)}。"]
    parts = []
    for item in items:
        if item.owner == me:
            what = f"本人负责的整改事项{quoted(item.description)}"
        else:
            whose = f"（{item.owner}负责）" if voice else ""
            what = f"整改事项{quoted(item.description)}{whose}"
        parts.append(f"{what}已于{cn_date(item.completed_date)}完成整改，"  # type: ignore[arg-type]
                     "尚未开展“回头看”，整改成效还有待检验。")
    return parts


def unreviewed_earlier(data: ReportData) -> list[RectificationItem]:
    """Items fixed before the year and never looked back at (ReportData.unreviewed): not
    the year's work, but still owed a 回头看 — on one's own paper, one's own."""
    own = data.person is not None and not first_responsible(data.person)
    return _by_deadline([i for i in data.unreviewed
                         if not own or i.owner == data.person.name])  # type: ignore[union-attr]


def review_steps(data: ReportData) -> list[str]:
    """Section four: the 回头看 still owed (review_problems, and the earlier years' items
    the duty's row names in 三), who does it: a problem named is a step planned."""
    items = awaiting_review(data)
    if items or any(i.requirement.counts is not None  # the plan asks 回头看 (awaiting_review)
                    and i.requirement.counts.ledger == "rectification"
                    for i in (data.branch_checklist or data.checklist).items):
        items = _by_deadline(items + [i for i in unreviewed_earlier(data) if i not in items])
    me = data.person.name if data.person is not None else None
    voice = first_responsible(data.person)  # the 书记 督促s the owner
    gone = gone_owners(data)
    if len(items) > ONE_BY_ONE:
        urge = "督促相关责任人" if voice else ""
        return [f"{urge}对{len(items)}件已完成整改事项开展整改“回头看”，巩固整改成效："
                f"{_owners(items, gone, me)}。"]
    parts = []
    for item in items:
        before, after = "", ""
        if item.owner in gone and item.owner != me:
            after = f"（原责任人{item.owner}已离岗，须明确新的责任人）"
        elif item.owner != me and voice:
            before = f"督促{item.owner}"
        elif item.owner != me and data.person is None:
            after = f"，由{item.owner}负责"
        parts.append(f"{before}对{quoted(item.description)}开展整改“回头看”{after}，"
                     "巩固整改成效。")
    return parts
