"""Section four: what comes next — the rest of a period not yet over, the next period's
duties (their first step, by when), the year's unmet duties carried on, the 整改 items.

It reads the same checklist and "due" test as section three (report_problems), so it never
calls on schedule what section three calls overdue.
"""

from __future__ import annotations

from copy import copy
from dataclasses import replace
from datetime import date, timedelta

from lianzheng_desktop.core.checklist import ChecklistItem, Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement, Role
from lianzheng_desktop.core.report_facts import (
    ReportData,
    cn_date,
    first_responsible,
    named,
    numbered,
    quoted,
    several,
    without_record,
)
from lianzheng_desktop.core.report_items import next_step_sentences, review_steps
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.core.report_person import (  # verb_for: as report_person has it
    branch_running,
    owed_to_branch,
    verb_for,
)
from lianzheng_desktop.core.report_problems import by_requirement, joined, unitemised
from lianzheng_desktop.core.requirement_pairs import ACROSS_YEARS, pair_requirements


def _numeric(item: ChecklistItem) -> bool:
    return item.measure != "manual"


def written_on(data: ReportData) -> date:
    """The day section four is written on: its date under the signature (an annual printed
    on 5 April plans from 5 April, not from 31 December) — while the period it plans for
    runs. A paper made once that one is over too (the second quarter's, printed in
    December) is a copy of a past paper: its plans stay as of its own date."""
    made = max(data.as_of, data.made_on or data.as_of)
    return made if made <= data.period.next.end else data.as_of


def _key(requirement: Requirement) -> tuple[str, str]:
    return requirement.item, requirement.text


def _earlier_selves(data: ReportData) -> dict[int, tuple[str, str]]:
    """The next plan's requirements (by identity) → their self in this period's checklist,
    paired as the plan's re-import pairs them, and across a year's renumbering and
    rewording too (requirement_pairs.ACROSS_YEARS): "进行"→"开展" is the same duty."""
    plan = data.next_plan
    if plan is None:
        return {}
    current = list({_key(i.requirement): i.requirement for i in data.checklist.items}.values())
    pairs = pair_requirements(current, plan.requirements, ACROSS_YEARS)
    return {id(plan.requirements[index]): _key(old) for index, old in pairs.items()}


def _failed(data: ReportData) -> set[tuple[str, str]]:
    return {_key(i.requirement) for i in data.checklist.items if i.status is Status.FAILED}


def _plan_duties(data: ReportData, nxt: ReportPeriod) -> list[tuple[Requirement, str, str]]:
    """The next period's numbered duties: (the requirement, its name, the sentence). Each
    with its first step, by a date still ahead on the day it is written; one with no step
    to name is left out (the plan's phrase alone is no plan: "三是做到…全覆盖。")."""
    plan = data.next_plan
    if plan is None:
        return []
    failed, earlier = _failed(data), _earlier_selves(data)
    parts = []
    for requirement in plan.requirements:
        period = requirement.period
        if not requirement.is_numeric:
            continue
        if nxt.quarter is not None and not (
                period in (Period.QUARTER, Period.MONTH)
                or (period is Period.HALF and nxt.quarter in (1, 3)) or nxt.quarter == 1):
            continue
        missed = earlier.get(id(requirement)) in failed
        again = "（本期未达到要求，须切实改进）" if missed else ""
        first = _first_step(requirement, nxt, written_on(data),
                            own=data.person is not None and not first_responsible(data.person))
        if first is None and requirement.coverage is not None and missed:
            first = _uncovered_step(data, earlier.get(id(requirement)), nxt)
        if first:
            parts.append((requirement, named(requirement),
                          f"{named(requirement)}{again}，{first}。"))
    return parts


def _first_quarter(nxt: ReportPeriod, made: date) -> Quarter | None:
    """The next period's first quarter still running on the day it is written (None: the
    next period's year is over by then)."""
    quarter = Quarter(nxt.year, nxt.quarter or 1)
    while quarter.end < made and quarter.number < 4:
        quarter = Quarter(nxt.year, quarter.number + 1)
    return quarter if quarter.end >= made else None


def _first_step(requirement: Requirement, nxt: ReportPeriod, made: date,
                own: bool = False) -> str | None:
    """What the duty asks first in the next period, by when: "2027年3月31日前开展集中警示
    教育1次" — the act and its date, not the plan's sentence copied as a plan. The date is
    never one already past on the day it is written (``made``); None: no count to name."""
    label = requirement.counts.label if requirement.counts else ""
    target, unit = requirement.target, requirement.unit
    first_quarter = _first_quarter(nxt, made)
    if not label or not target or first_quarter is None:
        return None
    n, so_far = target, ""
    if requirement.period is Period.MONTH:
        end = _month_end(first_quarter.start if first_quarter.start > made else made)
    elif requirement.period is Period.QUARTER:
        end = first_quarter.end
    elif requirement.period is Period.HALF:
        end = date(nxt.year, 6 if first_quarter.number <= 2 else 12,
                   30 if first_quarter.number <= 2 else 31)
    else:  # the year's count, in step with its quarters (as 附件1 checks it)
        end, n = first_quarter.end, target * first_quarter.number // 4
        so_far = "累计" if first_quarter.number > 1 else ""
        if not n:  # once a year: due by the year's end, not by the first quarter's
            end, n, so_far = date(nxt.year, 12, 31), target, ""
    role = requirement.role  # a duty of each: "每名班子成员至少…", not one in all
    each = ("本人" if own else role.label) if role in (Role.LEADERSHIP_MEMBER,
                                                      Role.MEMBER) else ""
    return f"{cn_date(end)}前{each}{so_far}至少{act(label)}{n}{unit}"


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _uncovered_step(data: ReportData, earlier: tuple[str, str] | None,
                    nxt: ReportPeriod) -> str | None:
    """A coverage duty the period missed, asked again: whom it left out, first (its
    measure); None when the checklist names no one."""
    made = written_on(data)
    here = {p.name for p in data.roster if p.in_post(made)}  # not one who has left since
    missing = list(dict.fromkeys(name for i in data.checklist.items if i.measure == "coverage"
                                 and _key(i.requirement) == earlier for name in i.missing
                                 if name in here))
    quarter = _first_quarter(nxt, made)
    requirement = next(i.requirement for i in data.checklist.items
                       if _key(i.requirement) == earlier)
    label = requirement.counts.label if requirement.counts else ""
    if not missing or not label or quarter is None:
        return None
    when = data.period.label if data.period.quarter else f"{data.period.year}年"
    ledger = requirement.counts.ledger if requirement.counts else ""
    who = f"{when}未覆盖的{'、'.join(missing)}"
    return (f"{cn_date(quarter.end)}前与{who}开展{label}" if ledger == "talk"
            else f"{cn_date(quarter.end)}前组织{who}参加{label}")


def act(label: str) -> str:
    """"开展集中警示教育", "召开专题会议"; a label that is an act already ("向党支部汇报",
    "听取汇报") takes no verb: not "开展向党支部汇报" (checklist_words.verb_for)."""
    return f"{verb_for(label)}{label}"


def _running(data: ReportData) -> list[str]:
    """This year's duties not yet met whose period ends after the as-of date."""
    parts, unrecorded = [], []
    made = written_on(data)  # a period over by the day it is written asks nothing more
    for requirement, group in by_requirement(
            now for i in data.checklist.items if (now := _running_part(i, data.as_of))
            and now.period_end >= made):
        clauses = [c for c in (_still_to_do(i, data) for i in group) if c]
        if clauses:
            parts.append(f"{named(requirement)}，" + joined(clauses))
        elif all(without_record(i) for i in group):
            unrecorded.append((quoted(named(requirement)), group[0].period_end))
    if unrecorded:  # the next step is the work itself, by when, and who leads each — any
        # requirement, a principle too, reads after "对照…要求" (never "抓紧开展坚持以…")
        by = max(end for _, end in unrecorded)
        parts.append(f"对照{several([text for text, _ in unrecorded])}要求，逐项明确"
                     f"牵头人和具体措施，于{cn_date(by)}前落实到位。")
    return parts


def _running_part(item: ChecklistItem, day: date) -> ChecklistItem | None:
    """The item, or the year's quarter (half) still running, if not yet met by ``day``:
    a year's duty missed in the first quarter still asks the fourth's by 12月31日."""
    if item.periods and item.status is Status.FAILED:
        item = item.periods[-1][1]
    if item.status in (Status.ON_TRACK, Status.BEHIND) and item.period_end > day:
        return item
    return None


def _still_to_do(item: ChecklistItem, data: ReportData) -> str:
    """What one measure of a running duty still asks, by its period's end ('' if none)."""
    by = cn_date(item.period_end)
    label = item.requirement.counts.label if item.requirement.counts else ""
    unit = item.requirement.unit
    if item.measure == "count" and item.actual is not None and item.target is not None:
        # in the year's report, a duty of each quarter or half-year sums its periods:
        # the year's total against one period's target says nothing ("还需-4次")
        if (item.period in (Period.QUARTER, Period.MONTH, Period.HALF)
                and data.period.quarter is None) or item.actual >= item.target:
            return f"须于{by}前完成"
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
        return f"{have}还需{item.target - item.actual}{unit}{step}，须于{by}前完成"
    if item.measure == "per_person" and item.missing:  # a duty of each: who still owes it
        me = data.person.name if data.person is not None else None
        if me in item.missing:  # one's own: 本人, and how many this period still asks
            part = item.periods[-1][1] if item.periods else item  # the year's: its last one
            left = (item.requirement.target or 0) - (part.people or {}).get(me, 0)
            return f"本人尚需{left}{unit}，须于{by}前完成" if left > 0 else ""
        return f"{'、'.join(item.missing)}尚未完成，须于{by}前完成"
    if item.measure in ("coverage", "share") and item.target is not None:
        what = f"{label}覆盖面" if item.measure == "coverage" else "“一对一”问题性约谈比例"
        now = f"目前为{item.actual}%，" if item.actual is not None else ""
        return f"{what}{now}须于{by}前达到{item.target}%"
    return ""


def _carried_over(data: ReportData, nxt: ReportPeriod, listed: list[Requirement],
                  items_planned: bool = False) -> list[str]:
    """At the year's end: the year's unmet duties, named, for the year to come — where the
    next year's plan is in, only those it still asks (by its own words), and none it lists
    already with "本期未达到要求" (``listed``, _plan_duties). ``items_planned``: the 整改
    items have their own steps, which are the 巡察整改 duty's (not "提前谋划、按季度推进")."""
    if nxt.year == data.period.year:
        return []
    failed = [i for i in data.checklist.items if i.status is Status.FAILED
              and not (items_planned and i.requirement.counts is not None
                       and i.requirement.counts.ledger == "rectification")]
    if data.next_plan is not None:  # what the next plan asks of each, and not yet said
        earlier, said = _earlier_selves(data), {id(r) for r in listed}
        asked = {key: requirement for requirement in data.next_plan.requirements
                 if (key := earlier.get(id(requirement))) and id(requirement) not in said}
        failed = [replace(i, requirement=asked[_key(i.requirement)]) for i in failed
                  if _key(i.requirement) in asked]
    # a duty without a number and without a record lacks proof: not "未落实到位" (section three)
    unrecorded = list(dict.fromkeys(quoted(named(i.requirement)) for i in failed
                                    if not _numeric(i) and not i.actual))
    unmet = list(dict.fromkeys(quoted(named(i.requirement)) for i in failed
                               if quoted(named(i.requirement)) not in unrecorded))
    parts = []
    if unmet:
        parts.append(f"针对{data.period.year}年{several(unmet)}要求未落实到位的问题，"
                     f"在{nxt.year}年工作中提前谋划、按季度推进，确保按要求完成。")
    if unrecorded:
        parts.append(f"对{several(unrecorded)}要求，在{nxt.year}年工作中逐项明确牵头人"
                     "和具体措施，按季度抓好落实。")
    return parts


def _as_written(data: ReportData) -> ReportData:
    """The report's data as of the day section four is written, for the 整改 items' steps:
    none finished by then is still to do, none with a deadline passed by then is "按期"
    (the day itself: still to be met today). The figures of sections 一–三 stay as of
    ``as_of``."""
    made = written_on(data)
    if made <= data.as_of:
        return data
    late = copy(data)  # not dataclasses.replace: __post_init__ would fix the figures anew
    late.as_of = made
    late.checklist = replace(data.checklist, due_day=made - timedelta(days=1))
    return late


def draft_next_steps(data: ReportData) -> str:
    """The rest of the period (a report written before its end) and the next period."""
    nxt = data.period.next
    running = _running(data)
    duties = [(r, sentence) for r, text, sentence in _plan_duties(data, nxt)
              if not any(said.startswith(text) for said in running)]
    written = _as_written(data)
    items = next_step_sentences(written) + review_steps(written)
    parts = (running + [sentence for _, sentence in duties]
             + _carried_over(data, nxt, [r for r, _ in duties], bool(items)) + items)
    if unitemised(data):  # the first step is to set the work out (section 三's first)
        year = nxt.year if data.over else data.period.year
        parts.insert(0, f"对照{year}年度工作要点，把党风廉政建设工作任务逐项细化为具体要求，"
                        "明确牵头人、具体措施和完成时限，按季度对照检查。")
    if data.person is not None and not first_responsible(data.person):
        parts += owed_to_branch(data)
        if not parts:  # nothing of one's own (a newcomer): the branch's work still running
            parts = branch_running(data)
    when = nxt.label if data.over else "下一步"
    who = "本人" if data.person is not None else ""
    lines = [f"{when}，{who}将重点抓好以下工作："]
    # nothing the records and the plan ask: the first act is to set the work out
    own = data.person is not None and not first_responsible(data.person)
    lines += numbered(parts or [
        f"对照{nxt.year}年度工作要点，结合分管工作明确本人党风廉政建设工作任务和完成时限。"
        if own else f"对照{nxt.year}年度工作要点，逐项明确牵头人、具体措施和完成时限。"])
    return "\n".join(lines)
