"""Section four's duties from the next period's plan: each paired with this period's
self (requirement_pairs, as the plan's re-import pairs them, and across a year's renumbering
and rewording), with its first step by a date still ahead on the day the paper is written.
"""

from __future__ import annotations

from datetime import date, timedelta

from lianzheng_desktop.core.checklist import Status
from lianzheng_desktop.core.checklist_measures import about_inspection
from lianzheng_desktop.core.checklist_people import says_attend
from lianzheng_desktop.core.checklist_window import deadline
from lianzheng_desktop.core.checklist_words import verb_for
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement, Role
from lianzheng_desktop.core.report_facts import ReportData, cn_date, first_responsible, named
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.core.requirement_pairs import ACROSS_YEARS, pair_requirements
from lianzheng_desktop.core.returns import working_days


def written_on(data: ReportData) -> date:
    """The day section four is written on: its date under the signature (an annual printed
    on 5 April plans from 5 April, not from 31 December) — while the period it plans for
    runs. A paper made once that one is over too (the second quarter's, printed in
    December) is a copy of a past paper: its plans stay as of its own date."""
    made = max(data.as_of, data.made_on or data.as_of)
    return made if made <= data.period.next.end else data.as_of


def key(requirement: Requirement) -> tuple[str, str, str]:
    """A requirement of this period's checklist: by its number, words and what it counts
    (two duties cut from one sentence, "每季度一次支委会、一次支部大会", share the first two:
    四 put "本期未达到要求" on the one that was met, revjiwei6 G2)."""
    return requirement.item, requirement.text, requirement.describe()


def earlier_selves(data: ReportData) -> dict[int, tuple[str, str, str]]:
    """The next plan's requirements (by identity) → their self in this period's checklist,
    paired as the plan's re-import pairs them, and across a year's renumbering and
    rewording too (requirement_pairs.ACROSS_YEARS): "进行"→"开展" is the same duty."""
    plan = data.next_plan
    if plan is None:
        return {}
    current = list({key(i.requirement): i.requirement for i in data.checklist.items}.values())
    pairs = pair_requirements(current, plan.requirements, ACROSS_YEARS)
    return {id(plan.requirements[index]): key(old) for index, old in pairs.items()}


def _failed(data: ReportData) -> set[tuple[str, str, str]]:
    return {key(i.requirement) for i in data.checklist.items if i.status is Status.FAILED}


def plan_duties(data: ReportData, nxt: ReportPeriod) -> list[tuple[Requirement, str, str]]:
    """The next period's numbered duties: (the requirement, its name, the sentence). Each
    with its first step, by a date still ahead on the day it is written; one with no step
    to name is left out (the plan's phrase alone is no plan: "三是做到…全覆盖。")."""
    plan = data.next_plan
    if plan is None:
        return []
    failed, earlier = _failed(data), earlier_selves(data)
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
        # which period missed it, by name: "本期" in a point about next year read as next
        # year's (revyear3 H4)
        again = f"（{data.period.label}未达到要求，须切实改进）" if missed else ""
        first = _first_step(requirement, nxt, written_on(data),
                            own=data.person is not None and not first_responsible(data.person))
        if first and requirement.period is Period.MONTH and about_inspection(requirement) \
                and not _fed_back(data, nxt.year):  # no problem yet: nothing due by a date
            # (revlast4 F7: "4月30日前至少开展跟踪督办1次" before any 巡察)
            first = f"巡察反馈问题交办后，每月至少{act(requirement.counts.label)}" \
                    f"{requirement.target}{requirement.unit}" if requirement.counts else first
        if first is None and requirement.coverage is not None and missed:
            first = _uncovered_step(data, earlier.get(id(requirement)), nxt)
        if first:
            parts.append((requirement, named(requirement),
                          f"{named(requirement)}{again}，{first}。"))
    return parts


def _fed_back(data: ReportData, year: int) -> bool:
    """Whether a 巡察 fed problems back in ``year`` (or its items run on into it)."""
    return any(item.source == "巡察反馈" and (item.found_date.year == year or (
        item.found_date.year < year and item.completed_date is None))
        for item in data.rectification)


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
    if requirement.handed_in_after and requirement.period is not Period.MONTH:
        if nxt.quarter is not None and end > nxt.end:  # the year's 总结 asks nothing of the
            return None  # next quarter (revyear4 Y8: a 2028 date in a plan for 2027年一季度)
        # a return on the period, due after it: 次年1月7日, not 12月31日 (revjiwei8 E)
        end = deadline(end, requirement.handed_in_after, working_days(requirement))
    role = requirement.role  # a duty of each: "每名班子成员至少…", not one in all
    each = ("本人" if own else role.label) if role in (Role.LEADERSHIP_MEMBER,
                                                      Role.MEMBER) else ""
    if requirement.coverage is not None:  # whom it reaches, not one talk (revyear3 H4:
        # "找党员谈话" of every 党员 pledged as "至少开展谈话1次")
        when = end if requirement.period in (Period.MONTH, Period.QUARTER, Period.HALF) \
            else date(nxt.year, 12, 31)
        return f"{cn_date(when)}前{each}{label}覆盖面达到{requirement.coverage}%"
    done = f"参加{label}" if says_attend(requirement) else act(label)  # (revyear4 Y2)
    return f"{cn_date(end)}前{each}{so_far}至少{done}{n}{unit}"


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _uncovered_step(data: ReportData, earlier: tuple[str, str, str] | None,
                    nxt: ReportPeriod) -> str | None:
    """A coverage duty the period missed, asked again: whom it left out, first (its
    measure); None when the checklist names no one."""
    made = written_on(data)
    here = {p.name for p in data.roster if p.in_post(made)}  # not one who has left since
    missing = list(dict.fromkeys(name for i in data.checklist.items if i.measure == "coverage"
                                 and key(i.requirement) == earlier for name in i.missing
                                 if name in here))
    quarter = _first_quarter(nxt, made)
    requirement = next(i.requirement for i in data.checklist.items
                       if key(i.requirement) == earlier)
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
