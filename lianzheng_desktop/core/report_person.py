"""One person's 述责述廉 report: the branch's data narrowed to what that person did.

述责述廉 is personal: a 班子成员 reports on their own 一岗双责 — the sessions they hosted or
attended, the talks they held, the rectification items they own, the meetings and activities
they held or took part in,
and the duties the plan lays on each of them (checked person by person in the checklist).
The 书记 reports as 第一责任人: on the branch's whole checklist, its next duties and every
rectification item (整改第一责任人), beside the records they made themselves.
The layout and the sections are the branch report's; the 署名 is the person's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist import Checklist, ChecklistItem, Status
from lianzheng_desktop.core.checklist_people import in_role, says_attend
from lianzheng_desktop.core.checklist_window import month_end
from lianzheng_desktop.core.checklist_words import verb_for
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Period, Plan, Requirement
from lianzheng_desktop.core.record_source import doers
from lianzheng_desktop.core.records import Activity, Person, WarningSession
from lianzheng_desktop.core.report_facts import (
    ReportData,
    cn_date,
    first_responsible,
    md,
    named,
    several,
)
from lianzheng_desktop.core.text import spans


def find_person(roster: list[Person], name: str) -> Person:
    for person in roster:
        if person.name == name:
            return person
    raise UserError(f"人员名册中没有“{name}”，无法生成其本人的述责述廉报告。")


def for_person(data: ReportData, name: str) -> ReportData:
    """``data`` narrowed to ``name``'s own records and duties.

    Only a 书记 or 班子成员 in post on the report's date writes one: the duties each carries
    are counted for those in post then, so a report for someone gone would read as if they
    had none."""
    person = find_person(data.roster, name)
    if person.role not in (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER):
        raise UserError(f"“{name}”在人员名册中是{person.role}；本人述责述廉报告由书记和班子成员"
                        "撰写。")
    day = data.as_of
    if not person.in_post(day):
        joined, left = person.joined_on, person.left_on
        when = (f"{joined.year}年{joined.month}月{joined.day}日才到岗" if joined and joined > day
                else f"已于{left.year}年{left.month}月{left.day}日离岗" if left else "已不在职")
        last = person.left_on
        how = (f"可把报告日期定在其在岗的最后一天（命令行加 --as-of {last.isoformat()}，"
               "或在窗口中选其在岗期间的季度）" if last and last >= data.period.start
               else "可选其在岗期间的季度或年度")
        raise UserError(f"“{name}”{when}，{day.year}年{day.month}月{day.day}日不在岗，无法生成"
                        f"其{data.period.label}本人述责述廉报告；{how}。")
    own = replace(
        data, person=person,
        sessions=[s for s in data.sessions if took_part("warning_education", s, name)],
        talks=[t for t in data.talks if t.talker == name],
        activities=[a for a in data.activities if took_part("activity", a, name)],
        year_activities=[a for a in data.year_activities if took_part("activity", a, name)],
    )
    if first_responsible(person):  # the branch's duties; those on the 书记 alone as 本人
        items = [_own_item(i, name, data.as_of) if i.people and set(i.people) == {name} else i
                 for i in data.checklist.items]
        return replace(own, checklist=replace(data.checklist, items=items))
    return replace(own, rectification=[i for i in data.rectification if i.owner == name],
                   checklist=_own_checklist(data.checklist, name),
                   next_plan=_own_plan(data.next_plan, person), branch_checklist=data.checklist)


def not_yet_reached(data: ReportData) -> list[ChecklistItem]:
    """The branch's duties to reach everyone (警示教育全覆盖) that have not yet reached this
    person while their period runs: his own part of them, for one's own report."""
    branch, person = data.branch_checklist, data.person
    if branch is None or person is None:
        return []
    return [i for i in branch.items if i.measure == "coverage" and person.name in i.missing
            and i.status is not Status.DONE and i.period_end > data.as_of]


def owed_to_branch(data: ReportData) -> list[str]:
    """What one owes the branch's duties ("参加集中警示教育…"), for next steps."""
    parts = []
    for item in not_yet_reached(data):
        label = item.requirement.counts.label if item.requirement.counts else ""
        parts.append(f"按要求参加{label}，落实“{named(item.requirement)}”的要求，"
                     f"须于{cn_date(item.period_end)}前完成。")
    return parts


def branch_running(data: ReportData) -> list[str]:
    """The branch's numbered duties still to be met this period, for one with no duty of
    his own to name in next steps (a newcomer): what he can take part in, by when."""
    branch, person = data.branch_checklist, data.person
    if branch is None:
        return []
    # not another's own duty (the 书记's talks: no one "参与推进" them, revyear2 G6)
    # nor a form or report the office hands in (revjiwei9 J8: "参与推进本单位…报送县纪委工作")
    running = [i for i in branch.items if i.status in (Status.ON_TRACK, Status.BEHIND)
               and i.measure != "manual" and i.period_end > data.as_of
               and not i.requirement.handed_in_after
               and not (person is not None and i.requirement.role is not None
                        and i.requirement.role.per_person
                        and not in_role(i.requirement.role, person))]
    by_day: dict[date, list[str]] = {}  # each by its own date, the soonest first
    for item in sorted(running, key=lambda i: i.period_end):
        texts = by_day.setdefault(item.period_end, [])
        if named(item.requirement) not in texts:
            texts.append(named(item.requirement))
    if not by_day:
        return []
    return ["参与推进本单位" + "；".join(f"{several(texts)}工作，须于{cn_date(day)}前完成"
                                   for day, texts in by_day.items()) + "。"]


def took_part(ledger: str, record: WarningSession | Activity, name: str) -> bool:
    """Hosted it (主持, 负责) or was there: a session or meeting is part of one's 述廉."""
    return name in doers(ledger, record.host) or name in record.attendees


def _own_plan(plan: Plan | None, person: Person) -> Plan | None:
    """Next period's duties that fall on this person (each 班子成员, the 书记 …)."""
    if plan is None:
        return None
    own = [r for r in plan.requirements if r.role is not None and r.role.per_person
           and in_role(r.role, person)]
    return replace(plan, requirements=own)


def _own_checklist(checklist: Checklist, name: str) -> Checklist:
    """The duties laid on each person of a group this person belongs to, as they stand for
    this person (班子成员每季度听取汇报: 张志强 1 次)."""
    items = []
    for item in checklist.items:
        if not item.people or name not in item.people:
            continue
        items.append(_own_item(item, name, checklist.as_of))
    return replace(checklist, items=items)  # the same day of reckoning as the branch's


def _own_verb(requirement: Requirement, label: str) -> str:
    """本人参加廉政学习 where the duty is to take part, not 本人组织… (revjiwei8 C)."""
    return "参加" if says_attend(requirement) else verb_for(label)


def _own_item(item: ChecklistItem, name: str, as_of: date) -> ChecklistItem:
    if item.each_month or any(part.each_month for _, part in item.periods):
        return _own_months(item, name, as_of)
    if item.periods:  # an annual report: period by period, as the duty asks
        return _own_over_periods(item, name, as_of)
    requirement = item.requirement
    target = requirement.target or 0
    done = (item.people or {}).get(name, 0)
    unit = requirement.unit
    label = requirement.counts.label if requirement.counts else ""
    status = _own_status(item, name, done, target)
    tail = {Status.DONE: "达到要求", Status.FAILED: "未达到要求",
            Status.BEHIND: f"进度滞后，须于{md(item.period_end)}前完成"}.get(
        status, f"须于{md(item.period_end)}前完成")
    # one's own report speaks as 本人, and of nothing done as not yet done
    did = _own_verb(item.requirement, label)
    text = (f"本人{did}{label} {done} {unit}" if done
            else f"本人{'未' if status is Status.FAILED else '尚未'}{did}{label}")
    text += f"，要求不少于 {target} {unit}，{tail}。"
    return replace(item, status=status, explanation=text, people={name: done},
                   missing=[] if done >= target else [name], target=target, actual=done,
                   expected=target, behind=[name] if status is Status.BEHIND else [])


def _own_months(item: ChecklistItem, name: str, as_of: date) -> ChecklistItem:
    """本人谈心谈话：10月1次、11月0次、12月1次 — a duty of each, each month (revcode2 H: a
    member's paper left it out, the 书记's said it done on the others' talks)."""
    requirement = item.requirement
    target, unit = requirement.target or 0, requirement.unit
    label = requirement.counts.label if requirement.counts else ""
    parts = [part for _, part in item.periods] or [item]
    months = [m for part in parts for m in part.each_month.get(name, ())]
    year = item.period_start.year
    over = [(m, n) for m, n in months if month_end(year, m) <= as_of]
    missed = [m for m, n in over if n < target]
    running = [m for m, n in months if (m, n) not in over and n < target]
    month = lambda m: f"{m}月"  # noqa: E731
    if missed:
        status, tail = Status.FAILED, f"{spans(missed, month)}未达到要求"
    elif running:
        status, tail = Status.ON_TRACK, f"{month(running[0])}尚未完成，须于" \
            f"{md(month_end(year, running[0]))}前完成"
    elif as_of >= item.period_end:
        status, tail = Status.DONE, "每月均达到要求"
    else:
        status, tail = Status.ON_TRACK, "至今每月均达到要求"
    said = "、".join(f"{m}月{n}{unit}" for m, n in months)
    did = _own_verb(requirement, label)
    text = (f"本人{did}{label}：{said}，要求每月不少于{target}{unit}，{tail}。"
            if months else f"本人尚无此项要求的月份，要求每月不少于{target}{unit}。")
    done = sum(n for _, n in months)
    return replace(item, status=status, explanation=text, people={name: done},
                   missing=[name] if missed or running else [], actual=done,
                   behind=[], each_month={name: tuple(months)}, periods=[])


def _own_over_periods(item: ChecklistItem, name: str, as_of: date) -> ChecklistItem:
    """本人听取汇报：第一季度1次、…第四季度0次 — each period against its own target."""
    requirement = item.requirement
    target, unit = requirement.target or 0, requirement.unit
    label = requirement.counts.label if requirement.counts else ""
    each = "季度" if item.period in (Period.QUARTER, Period.MONTH) else "半年"
    # each period as it stands for this person alone (kept: the next steps ask what the
    # running one still needs)
    mine = [(period, _own_part(part, name, target)) for period, part in item.periods
            if name in (part.people or {})]
    failed = [period for period, part in mine if part.status is Status.FAILED]
    running = [period for period, part in mine if part.status in (Status.ON_TRACK,
                                                                   Status.BEHIND)]
    whole = len(mine) == (4 if each == "季度" else 2)
    if failed:  # and the period still running, if it is not met yet
        status, tail = Status.FAILED, f"{'、'.join(failed)}未达到要求" + (
            f"，{'、'.join(running)}尚未完成" if running else "")
    elif running:
        status = mine[-1][1].status
        tail = f"{'、'.join(running)}尚未完成" + ("，进度滞后" if status is Status.BEHIND else "")
    elif (whole or item.status is Status.DONE  # every period one was in post: met
          or as_of >= date(item.period_start.year, 12, 31)):
        status, tail = Status.DONE, f"{'每个' if whole else '在岗的各个'}{each}均达到要求"
    else:  # every period so far met, the year not over
        status, tail = Status.ON_TRACK, f"至今各{each}均达到要求"
    counts = "、".join(f"{period}逾期报送" if name in part.late_names  # one's own late
                      else f"{period}{(part.people or {})[name]}{unit}"  # form (G7)
                      for period, part in mine)
    did = _own_verb(item.requirement, label)
    text = f"本人{did}{label}：{counts}，要求每{each}不少于{target}{unit}，{tail}。"
    done = sum((part.people or {})[name] for _, part in mine)
    return replace(item, status=status, explanation=text, people={name: done},
                   missing=[name] if failed or running else [], target=target,
                   actual=done, expected=target, periods=mine,
                   behind=[name] if status is Status.BEHIND else [])


def _own_status(item: ChecklistItem, name: str, done: int, target: int) -> Status:
    """A duty of each, for ``name`` alone: met, missed (the period over: the group's item
    failed), or as the branch's report says it, behind the pace or with time left."""
    if done >= target:
        return Status.DONE
    if item.status is Status.FAILED:
        return Status.FAILED
    return Status.BEHIND if name in item.behind else Status.ON_TRACK


def _own_part(part: ChecklistItem, name: str, target: int) -> ChecklistItem:
    """One period of a duty of each, as it stands for ``name`` alone."""
    done = (part.people or {})[name]
    status = _own_status(part, name, done, target)
    return replace(part, status=status, people={name: done},
                   missing=[name] if done < target else [],
                   behind=[name] if status is Status.BEHIND else [])
