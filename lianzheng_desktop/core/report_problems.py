"""Sections three and four: the problems as the appendix shows them, and what comes next.

Both read the same checklist (the quarter's, or the year's for an annual report) and the
same "due" test (``report_facts.is_due``) as of the report's one date, so section three
never calls on schedule what section four calls overdue, and neither disagrees with 附件1.
Nothing is cut: every unmet requirement and every overdue item is named.
"""

from __future__ import annotations

from datetime import timedelta

from lianzheng_desktop.core.checklist import ChecklistItem, Status
from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.report_facts import (
    ReportData,
    by_owner,
    cn_date,
    days_late,
    for_reader,
    is_due,
    is_open,
    is_standing,
    md,
    numbered,
    quoted,
    several,
    verb_for,
)
from lianzheng_desktop.core.report_model import ReportPeriod

ONE_BY_ONE = 10  # up to this many items each get a sentence; beyond, one per owner
# An item past its deadline: the report asks for a new one rather than naming a date the
# secretary never set (she writes it in, or changes the item's 整改时限, before printing).
RESET_DEADLINE = "重新明确整改时限，尽快完成销号"


def _numeric(item: ChecklistItem) -> bool:
    return item.measure != "manual"


def _overview(data: ReportData) -> str:
    """What 附件1's 状态 column says, in one sentence."""
    items = data.checklist.items
    noun = data.period.noun
    if not items:
        if data.person is not None:
            # said plainly: nothing may follow it (the secretary writes what was found)
            return "年度工作要点中没有逐人落实到本人的量化要求。"
        return "本年度计划中尚无可对照检查的要求。"
    if all(i.status is Status.DONE for i in items):
        return (f"对照年度工作要点，{noun}{len(items)}项要求均已完成，"
                "但在工作质量和实际成效上仍有提升空间。")
    counts = [f"{s.label}{n}项" for s in Status
              if (n := sum(1 for i in items if i.status is s))]
    return f"对照年度工作要点，{noun}{len(items)}项要求中，" + "、".join(counts) + "（详见附件1）。"


def problem_items(data: ReportData) -> list[str]:
    """Each unmet requirement and each overdue item; unnumbered duties without any record
    are named together."""
    day = data.as_of
    parts = []
    unrecorded = []
    for item in data.checklist.items:
        if item.status not in (Status.FAILED, Status.BEHIND):
            continue
        if not _numeric(item) and not item.actual:
            unrecorded.append(item.requirement.text)
            continue
        how = "没有落实到位" if item.status is Status.FAILED else "落实进度滞后"
        parts.append(f"{item.requirement.text}的要求{how}：{for_reader(item, day)}")
    if unrecorded:
        scope = "全年" if data.is_year or data.period.quarter == 4 else data.period.noun
        parts.append(f"{several(unrecorded)}要求，{scope}台账中没有计入这些要求的工作记录，"
                     "落实情况缺少佐证。")
    due = [item for item in data.rectification if is_due(item, day)]
    if len(due) > ONE_BY_ONE:  # many: one line per owner, every item still named
        groups = "；".join(f"{owner}负责的{n}件（{named}）" for owner, named, n in by_owner(due))
        parts.append(f"截至{cn_date(day)}，有{len(due)}件整改事项已到整改时限仍未完成："
                     f"{groups}。")
        return parts
    for overdue in due:
        late = days_late(overdue, day)
        parts.append(f"整改事项{quoted(overdue.description)}整改时限为{cn_date(overdue.deadline)}"
                     + (f"，截至{cn_date(day)}仍未完成，已逾期{late}天。" if late else
                        "，到期仍未完成整改。"))
    return parts


def pending_items(data: ReportData) -> list[str]:
    """Requirements not yet met whose period is still running: not failures, not done."""
    parts, unrecorded = [], []
    for item in data.checklist.items:
        if item.status is not Status.ON_TRACK:
            continue
        if not _numeric(item) and not item.actual:
            unrecorded.append(item.requirement.text)
        else:
            parts.append(f"{item.requirement.text}：{for_reader(item, data.as_of)}")
    if unrecorded:
        parts.append(f"{several(unrecorded)}无量化指标的要求，"
                     "台账中尚无计入这些要求的工作记录。")
    return parts


def draft_problems(data: ReportData) -> str:
    lines = [_overview(data)]
    problems, pending = problem_items(data), pending_items(data)
    if problems:
        lines.append(f"{data.period.noun}主要存在以下问题：")
        lines += numbered(problems)
    if pending:
        lines.append("以下工作尚在推进，须在期限内完成：" if problems else
                     "有以下工作尚在推进，须在期限内完成：")
        lines += numbered(pending)
    return "\n".join(lines)



def _plan_duties(data: ReportData, nxt: ReportPeriod) -> list[str]:
    plan = data.next_plan
    if plan is None:
        return []
    failed = {i.requirement.text for i in data.checklist.items if i.status is Status.FAILED}
    parts = []
    for requirement in plan.requirements:
        period = requirement.period
        if not requirement.is_numeric:
            continue
        if nxt.quarter is not None and not (
                period in (Period.QUARTER, Period.MONTH)
                or (period is Period.HALF and nxt.quarter in (1, 3)) or nxt.quarter == 1):
            continue
        again = "（本期未达到要求，须切实改进）" if requirement.text in failed else ""
        parts.append(f"{requirement.text}{again}。")
    return parts


def _running(data: ReportData) -> list[str]:
    """This year's duties not yet met whose period ends after the as-of date."""
    parts, unrecorded = [], []
    for item in data.checklist.items:
        if item.status not in (Status.ON_TRACK, Status.BEHIND) or item.period_end <= data.as_of:
            continue
        by = cn_date(item.period_end)
        label = item.requirement.counts.label if item.requirement.counts else ""
        unit = item.requirement.unit
        if item.measure == "count" and item.actual is not None and item.target is not None:
            # in the year's report, a duty of each quarter or half-year sums its periods:
            # the year's total against one period's target says nothing ("还需-4次")
            if (item.period in (Period.QUARTER, Period.MONTH, Period.HALF)
                    and data.period.quarter is None) or item.actual >= item.target:
                parts.append(f"{item.requirement.text}，须于{by}前完成。")
                continue
            have = (f"目前已{verb_for(label)}{label}{item.actual}{unit}，" if item.actual else
                    "目前尚未开展，")
            # a yearly count due in step with the quarters: what this quarter's end asks too,
            # while that end is still ahead (written on it, "9月30日前" is already past)
            step = ""
            quarter_end = data.period.end if data.period.quarter else None
            if (quarter_end is not None and data.as_of < quarter_end < item.period_end
                    and item.expected is not None and item.expected > item.actual):
                step = (f"，其中{cn_date(quarter_end)}前至少还需"
                        f"{item.expected - item.actual}{unit}")
            parts.append(f"{item.requirement.text}，{have}还需{item.target - item.actual}"
                         f"{unit}{step}，须于{by}前完成。")
        elif item.measure in ("coverage", "share") and item.target is not None:
            now = f"目前为{item.actual}%，" if item.actual is not None else ""
            parts.append(f"{item.requirement.text}，{now}须于{by}前达到{item.target}%。")
        elif item.measure == "manual" and not item.actual:
            unrecorded.append(item.requirement.text)  # (with records: its items follow)
    if unrecorded:
        parts.append(f"按计划推进{several(unrecorded)}工作，"
                     "及时形成工作记录。")
    return parts


def _carried_over(data: ReportData, nxt: ReportPeriod) -> list[str]:
    """At the year's end: the year's unmet duties, named, for the year to come."""
    if nxt.year == data.period.year:
        return []
    failed = [i for i in data.checklist.items if i.status is Status.FAILED]
    # a duty without a number and without a record lacks proof: not "未落实到位" (section three)
    unrecorded = list(dict.fromkeys(i.requirement.text for i in failed
                                    if not _numeric(i) and not i.actual))
    unmet = list(dict.fromkeys(i.requirement.text for i in failed
                               if i.requirement.text not in unrecorded))
    parts = []
    if unmet:
        parts.append(f"针对{data.period.year}年{several(unmet)}要求未落实到位的问题，"
                     f"在{nxt.year}年工作中提前谋划、按季度推进，确保按要求完成。")
    if unrecorded:
        parts.append(f"对{several(unrecorded)}要求，在{nxt.year}年工作中逐项明确措施，"
                     "及时形成工作记录。")
    return parts


def _items(data: ReportData, nxt: ReportPeriod) -> list[str]:
    day, parts, standing = data.as_of, [], []
    due = [i for i in data.rectification if is_due(i, day)]
    ahead = [i for i in data.rectification if is_open(i, day) and not is_due(i, day)]
    if len(due) > ONE_BY_ONE or len(ahead) > ONE_BY_ONE:
        return _items_grouped(data, due, ahead)
    me = data.person.name if data.person is not None else None
    # the next steps begin the day after the report's: an owner gone by then hands over
    after = day + timedelta(days=1)
    gone = {p.name: p.left_on for p in data.roster
            if not p.in_post(after) and not (p.joined_on and p.joined_on > after)}
    for item in data.rectification:
        left = gone.get(item.owner)
        by = ("" if item.owner == me  # one's own: no "由某某负责"
              else f"，由{item.owner}负责" if item.owner not in gone
              else f"，原责任人{item.owner}{md(left) if left else '已'}离岗，须明确新的责任人")
        if is_due(item, day):  # its missed deadline and the days overdue: section three
            # no new deadline is invented here: only the secretary can set one
            late = "逾期" if days_late(item, day) else "到期"
            parts.append(f"抓紧完成{late}整改事项{quoted(item.description)}{by}，"
                         f"{RESET_DEADLINE}。")
        elif is_open(item, day):
            parts.append(f"按期推进{quoted(item.description)}的整改{by}，"
                         f"确保于{cn_date(item.deadline)}前完成。")
        elif is_standing(item, day):
            standing.append(quoted(item.description))
    if standing:
        parts.append(f"持续抓好{several(standing)}长期坚持事项的整改，"
                     "防止问题反弹。")
    return parts


def _items_grouped(data: ReportData, due: list, ahead: list) -> list[str]:
    parts = [f"{owner}负责抓紧完成到期未完成的{n}件整改事项（{named}），"
             f"逐项{RESET_DEADLINE}。"
             for owner, named, n in by_owner(due)]
    parts += [f"{owner}负责按期推进{n}件整改事项（{named}），各项均在整改时限前完成。"
              for owner, named, n in by_owner(ahead)]
    standing = [i for i in data.rectification if is_standing(i, data.as_of)]
    if standing:
        parts.append(f"持续抓好{len(standing)}项长期坚持事项的整改，防止问题反弹。")
    return parts


def draft_next_steps(data: ReportData) -> str:
    """The rest of the period (a report written before its end) and the next period."""
    nxt = data.period.next
    running = _running(data)
    planned = [p for p in _plan_duties(data, nxt)
               if not any(r.startswith(p.rstrip("。")) for r in running)]
    parts = running + planned + _carried_over(data, nxt) + _items(data, nxt)
    when = nxt.label if data.over else "下一步"
    lines = [f"{when}，将重点抓好以下工作："]
    lines += numbered(parts or ["严格对照年度工作要点，逐项抓好落实。"])
    return "\n".join(lines)
