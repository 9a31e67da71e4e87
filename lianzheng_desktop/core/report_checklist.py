"""The year's checklist for an annual report: each requirement judged over the whole year.

The quarterly checklist judges a once-a-quarter duty on one quarter only; an annual report
must say whether it was met in every quarter, a half-yearly one in both halves. Built from
the checklists of the year's quarters (each as of its end, or the report's as-of date).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist import Checklist, ChecklistItem, Status
from lianzheng_desktop.core.checklist_window import month_end
from lianzheng_desktop.core.checklist_words import items_words, span_words, still_open
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.record_source import (
    carried_over,
    due_today,
    is_due,
    unreviewed_before,
)
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.text import quoted, scope_once, spans

_QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def year_checklist(quarterly: list[Checklist], as_of: date) -> Checklist:
    """``quarterly``: the year's checklists in order (Q1 first), those begun by ``as_of``."""
    last = quarterly[-1]
    year = last.quarter.year
    over = as_of >= date(year, 12, 31)
    by_quarter = [{item.id: item for item in c.items} for c in quarterly]
    items = []
    for item in last.items:
        if item.period in (Period.QUARTER, Period.MONTH):
            parts = [(_QUARTER_NAMES[c.quarter.number], found[item.id])
                     for c, found in zip(quarterly, by_quarter, strict=True) if item.id in found]
            combined = _combined(item, parts, over, "季度")
            items.append(_by_month(combined, as_of) if item.months
                         else _by_month_each(combined, as_of) if item.each_month else combined)
        elif item.period is Period.HALF:
            halves = [("上半年", c) for c in quarterly if c.quarter.number == 2]
            if last.quarter.number >= 3:
                halves.append(("下半年", last))
            elif last.quarter.number == 1:
                halves = [("上半年", last)]
            parts = [(name, {i.id: i for i in c.items}[item.id]) for name, c in halves
                     if item.id in {i.id for i in c.items}]
            items.append(_combined(item, parts, over, "半年"))
        else:
            items.append(item)  # a yearly duty: Q4's item already counts from 1 January
    return Checklist(Quarter(year, 4), as_of, items, last.due_day)


def _combined(item: ChecklistItem, parts: list[tuple[str, ChecklistItem]], over: bool,
              unit_name: str) -> ChecklistItem:
    # a return not yet due (the fourth quarter's, due 1月7日) is no part of what is said,
    # but stays among the periods: 下一步 asks it (revdiff8 9)
    owed = [(name, part) for name, part in parts if part.status is Status.NOT_DUE
            and item.requirement.handed_in_after]
    parts = [(name, part) for name, part in parts if part.status is not Status.NOT_DUE]
    if not parts:
        return item
    statuses = [p.status for _, p in parts]
    if Status.FAILED in statuses:
        status = Status.FAILED
    elif all(s is Status.DONE for s in statuses):
        # met in every period of the year already (the last half-year's talk held in
        # November): done, though the year is not over
        every = len(parts) == (4 if unit_name == "季度" else 2)
        status = Status.DONE if over or every else Status.ON_TRACK
    elif Status.BEHIND in statuses:
        status = Status.BEHIND
    else:
        status = Status.ON_TRACK
    if any(part.measure == "per_person" for _, part in parts):  # (the last may be a
        return _combined_per_person(item, parts, status, unit_name)  # return not yet due)
    if item.measure == "count" and all(p.actual is not None for _, p in parts):
        unit = item.requirement.unit
        # what is counted, where the requirement's own text does not name it so:
        # "每半年召开一次专题会议" counting 意识形态 meetings says "意识形态专题会议上半年0次"
        # (revjiwei5 F7)
        counts = item.requirement.counts
        label = counts.label if counts and counts.label not in item.requirement.text else ""
        # a return of the last period, its days still running (the fourth quarter's form,
        # due 1月10日, in the year's paper of 1月8日): not "第四季度0次" (revjiwei10 K8)
        running = [(name, p) for name, p in parts if item.requirement.handed_in_after
                   and not p.actual and p.status in (Status.ON_TRACK, Status.BEHIND)]
        told = [(name, p) for name, p in parts if (name, p) not in running] or parts
        each = "、".join(f"{name}{p.actual}{unit}" for name, p in told)
        missed = [name for name, p in parts if p.status is Status.FAILED]
        text = f"{label}{each}" if label else each
        if missed and len(missed) == len(parts) > 1:  # not every name said twice (F11)
            text += "，均未达到要求"
        elif missed:
            text += f"，{'、'.join(missed)}未达到要求"
        elif status is Status.DONE:
            text += f"，每个{unit_name}均达到要求"
        late = [f"{name}{p.period_end.month}月{p.period_end.day}日后逾期报送{p.late}{unit}"
                for name, p in parts if p.late]
        text += f"（{'，'.join(late)}）" if late else ""
        text += "".join(f"；{name}的报送期限为{p.period_end.year}年{p.period_end.month}月"
                        f"{p.period_end.day}日，尚未到期" for name, p in running
                        if told is not parts)
        text += "。"
        actual: int | None = sum(p.actual or 0 for _, p in parts)
    else:  # "第一季度：廉政约谈3次…", not "第一季度：本季度廉政约谈3次…"
        # a duty not met: the periods that fell short, the others said met in a word — a
        # quarter that met its share, listed among "没有落实到位", read as one more failure
        # (revjiwei5 F4)
        short = [(name, p) for name, p in parts if p.status is not Status.DONE]
        shown = short if status is not Status.DONE and 0 < len(short) < len(parts) else parts
        text = scope_once("；".join(f"{name}：{_without_scope(p.explanation, name).rstrip('。')}"
                                   for name, p in shown))
        met = [name for name, p in parts if p.status is Status.DONE]
        text += (f"；{'、'.join(met)}达到要求" if shown is short and met else "") + "。"
        actual = parts[-1][1].actual
    times = [p.person_times for _, p in parts if p.person_times]
    # its periods kept: a year's report made before 31 December plans the half (quarter)
    # still open by its date, not only the one lost (revnew N-rep-3)
    return replace(item, status=status, actual=actual, explanation=text,
                   period_start=parts[0][1].period_start, period_end=parts[-1][1].period_end,
                   person_times=sum(times) if times else None, periods=parts + owed)


def _by_month(item: ChecklistItem, as_of: date) -> ChecklistItem:
    """A duty of each month over the year, told by month, not by quarter ("第一季度0次…"
    of a monthly duty hid which months were missed; reviewer revother F6)."""
    months = [m for _, part in item.periods for m in part.months]
    if not item.periods or not months:
        return item
    year, unit = item.period_start.year, item.requirement.unit
    target = item.requirement.target or 0
    missed = [m for m, n in months if n < target and month_end(year, m) <= as_of]
    label = item.requirement.counts.label if item.requirement.counts else ""
    total = sum(n for _, n in months)
    # "2026年未开展集中学习", not the reader's rewrite of "…0次" ("未集中学习": F11)
    text = f"{year}年{label}{total}{unit}" if total else f"{year}年尚无{label}记录"
    if missed:
        text += f"，{spans(missed, lambda m: f'{m}月')}未达到每月不少于{target}{unit}的要求。"
    elif item.status is Status.DONE:
        text += "，每个月均达到要求。"
    else:
        text += f"，要求每月不少于{target}{unit}。"
    return replace(item, explanation=text, months=tuple(months))


def _by_month_each(item: ChecklistItem, as_of: date) -> ChecklistItem:
    """A duty of each person, each month, over the year: who missed which months
    ("郑小芳10月、12月，高建军8月未达到要求"), not only which quarter (revjiwei8 F)."""
    each: dict[str, list[tuple[int, int]]] = {}
    for _, part in item.periods:
        for name, months in part.each_month.items():
            each.setdefault(name, []).extend(months)
    if not item.periods or not each:
        return item
    year, unit = item.period_start.year, item.requirement.unit
    target = item.requirement.target or 0
    missed = {name: ms for name, months in each.items()
              if (ms := [m for m, n in months if n < target and month_end(year, m) <= as_of])}
    several = len(each) > 1
    if missed:
        text = "，".join(f"{name if several else ''}{spans(ms, lambda m: f'{m}月')}"
                        for name, ms in missed.items()) + "未达到要求"
    else:
        text = ("" if item.status is Status.DONE else "至今") + \
            ("每人每月均达到要求" if several else "每月均达到要求")
    text += f"（要求{'每人' if several else ''}每月不少于{target}{unit}）。"
    return replace(item, explanation=text)


def _without_scope(explanation: str, name: str) -> str:
    for scope in ("本季度", name):
        explanation = explanation.removeprefix(scope)
    return explanation


def _combined_per_person(item: ChecklistItem, parts: list[tuple[str, ChecklistItem]],
                         status: Status, unit_name: str) -> ChecklistItem:
    """A duty of each person, each quarter (or half-year), over the year: who missed
    which period; each period's item is kept for the person's own report."""
    names = list(dict.fromkeys(n for _, p in parts for n in (p.people or {})))
    several = len(names) > 1
    said = []
    for name, part in parts:
        if not part.missing:
            said.append(f"{name}{'均' if several else ''}达到要求")
            continue
        verb = "未达到要求" if part.status is Status.FAILED else "尚未完成"
        if part.late_names:  # handed in after the deadline, as the quarter's paper said
            came = part.late_names  # (revlast8 F4), by name when not all (revlast9 G5)
            verb += ("（已逾期报送）" if len(came) == 1 else "（均已逾期报送）") \
                if part.handed_in_late else f"（其中{'、'.join(came)}已逾期报送）"
        said.append(f"{name}{'、'.join(part.missing)}{verb}" if several else f"{name}{verb}")
    requirement = item.requirement
    every = "月" if item.period is Period.MONTH else unit_name  # 每名班子成员每月…: by month
    text = ("，".join(said) + f"（要求{'每人' if several else ''}每{every}不少于"
            f"{requirement.target}{requirement.unit}）。")
    totals = {n: sum((p.people or {}).get(n, 0) for _, p in parts) for n in names}
    missing = list(dict.fromkeys(n for _, p in parts for n in p.missing))
    return replace(item, status=status, explanation=text, people=totals, missing=missing,
                   behind=parts[-1][1].behind, periods=parts,
                   period_start=parts[0][1].period_start, period_end=parts[-1][1].period_end,
                   actual=len(names) - len(missing))


def rectification_as_of(checklist: Checklist, items: list[RectificationItem],
                        as_of: date, unreviewed: Sequence[RectificationItem] = ()) -> Checklist:
    """附件1's 整改 duty as it stood on the report's date, in section one's words.

    The checklist reads each item's present state; a report of an earlier period must say
    how far the items had got by its own date (completed, 回头看 by then), and call an item
    已完成 only when it was completed — 长期坚持 is named as such, as in section one.
    """
    settled = [_rectification_item(i, items, as_of, checklist.missed_up_to, list(unreviewed))
               if i.requirement.counts is not None
               and i.requirement.counts.ledger == "rectification"
               and i.measure == "manual" and not i.requirement.manual_done else i
               for i in checklist.items]
    return replace(checklist, items=settled)


def _rectification_item(item: ChecklistItem, found: list[RectificationItem],
                        as_of: date, missed: date,
                        unreviewed: list[RectificationItem]) -> ChecklistItem:
    start = item.period_start
    sources = item.requirement.counts.types if item.requirement.counts else ()
    # the span's items and those still open from before it, of the 问题来源 the plan names
    # (巡察整改: 巡察反馈), as the checklist counts them
    scope = [i for i in found if (start <= i.found_date <= as_of or carried_over(i, start))
             and (not sources or i.source in sources)]
    # fixed before the span and never looked back at: the checklist keeps the duty open
    waiting = [i for i in [*found, *unreviewed] if unreviewed_before(i, start, as_of)
               and (not sources or i.source in sources)]
    if not scope:
        return item
    when = span_words(item.period, start)  # the screen's words (checklist_words)
    earlier = sum(1 for i in scope if i.found_date < start)
    done = [i for i in scope if i.completed_date is not None and i.completed_date <= as_of]
    standing = [i for i in scope if i not in done and i.status == vocab.STATUS_ONGOING
                and i.measures.strip()]
    fixed = done + standing
    reviewed = [i for i in fixed if i.review_date is not None and i.review_date <= as_of]
    open_items = len(scope) - len(fixed)
    parts = [items_words(when, sources, len(scope), earlier)]
    if done:
        parts.append(f"已完成整改{len(done)}件")
    if standing:
        parts.append(f"长期坚持{len(standing)}件")
    due = [i for i in scope if is_due(i, as_of, missed)]  # section three names each
    today = [i for i in scope if due_today(i, as_of, missed)]
    if open_items:
        parts.append(still_open(open_items, len(due), len(today), as_of))
    text = "，".join(parts)
    if reviewed:
        text += f"；已开展“回头看”{len(reviewed)}件"
    pending = [i for i in done if i not in reviewed]  # 三 and 四 name them; the row counts
    if pending:  # them (revjiwei3 J4 note: the row was silent on the 回头看 still owed)
        text += f"{'，' if reviewed else '；'}已完成整改尚未“回头看”{len(pending)}件"
    if waiting:  # by what they are: the paper's reader has no ledger to look a 编号 up in
        names = "、".join(quoted(i.description) for i in waiting[:3])
        text += (f"；此前已完成整改的{names}尚未“回头看”" if len(waiting) == 1 else
                 f"；此前已完成整改的{names}{'等' if len(waiting) > 3 else ''}{len(waiting)}件"
                 "尚未“回头看”")
    if len(reviewed) == len(scope) and not waiting:
        status, text = Status.DONE, text + "，均已整改到位"
    else:
        status = Status.FAILED if as_of >= item.period_end else (
            Status.BEHIND if due else Status.ON_TRACK)
        if not open_items and len(fixed) > len(reviewed):  # all fixed: the 回头看 is left
            text += f"，另有{len(fixed) - len(reviewed)}件待“回头看”" if reviewed else \
                "；均待开展“回头看”"
    # actual: how many records there are (sections three and four call a manual duty with
    # none "尚无计入这些要求的工作记录"), not how many were reviewed
    return replace(item, status=status, actual=len(scope),
                   explanation=text + "。")
