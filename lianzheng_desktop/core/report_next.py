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
from lianzheng_desktop.core.checklist_people import says_attend
from lianzheng_desktop.core.checklist_window import ends_with, month_end
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement, Role
from lianzheng_desktop.core.report_facts import (
    ReportData,
    cn_date,
    first_responsible,
    md,
    named,
    numbered,
    quoted,
    several,
    without_record,
)
from lianzheng_desktop.core.report_items import next_step_sentences, review_steps
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.core.report_next_plan import earlier_selves, key, plan_duties, written_on
from lianzheng_desktop.core.report_person import (  # verb_for: as report_person has it
    branch_running,
    owed_to_branch,
    verb_for,
)
from lianzheng_desktop.core.report_problems import by_requirement, joined, unitemised
from lianzheng_desktop.core.returns import RETURN_VERBS
from lianzheng_desktop.core.text import spans


def _numeric(item: ChecklistItem) -> bool:
    return item.measure != "manual"


def _running(data: ReportData) -> list[str]:
    """This year's duties not yet met whose period ends after the as-of date."""
    parts, unrecorded = [], []
    made = written_on(data)  # a period over by the day it is written asks nothing more
    for requirement, group in by_requirement(
            now for i in data.checklist.items if (now := _running_part(i, data))
            and now.period_end >= made):
        clauses = [c for c in (_still_to_do(i, data) for i in group) if c]
        if clauses:
            parts.append(f"{named(requirement)}，" + joined(clauses))
        elif all(without_record(i) for i in group):
            unrecorded.append((quoted(named(requirement)), group[0].period_end))
    if unrecorded:  # the next step is the work itself, by when, and who leads each — any
        # requirement, a principle too, reads after "对照…要求" (never "抓紧开展坚持以…")
        by = max(end for _, end in unrecorded)
        each = "逐项" if len(unrecorded) > 1 else ""  # not of one (revyear2 G9)
        parts.append(f"对照{several([text for text, _ in unrecorded])}要求，{each}明确"
                     f"牵头人和具体措施，于{cn_date(by)}前落实到位。")
    return parts


def _running_part(item: ChecklistItem, data: ReportData) -> ChecklistItem | None:
    """The item, or the year's quarter (half) still running, if not yet met by the paper's
    day: a year's duty missed in the first quarter still asks the fourth's by 12月31日."""
    day = data.as_of
    if item.periods and (item.status is Status.FAILED or item.requirement.handed_in_after):
        item = item.periods[-1][1]
    if item.status in (Status.ON_TRACK, Status.BEHIND) and item.period_end > day:
        return item
    quarter = data.period.quarter
    if item.status is Status.NOT_DUE and item.requirement.handed_in_after \
            and item.period_end > day and (quarter is None or item.period is Period.HALF
                                           or ends_with(item.period,
                                                        Quarter(data.period.year, quarter))):
        # a return still to hand in on this paper's period or half-year: the form due
        # 1月7日 (a paper made in November said nothing of it: revdiff8 9; the 下半年's in
        # the third quarter's: revlast9 G9) — not the year's 总结 in a second quarter's
        # paper (revlast8 F11)
        return item
    if (item.months or item.each_month) and item.period_end > day:  # a month missed:
        return item  # the months to come ask theirs (revother F7), not "2027年…" — of each
        # person too (revjiwei8 L: "每名班子成员每月…" was put off to the next year)
    return None


def _still_to_do(item: ChecklistItem, data: ReportData) -> str:
    """What one measure of a running duty still asks, by its period's end ('' if none).
    A plan's 每学期 is counted by calendar halves: said, so that the paper does not set a
    deadline the plan does not (an autumn term runs into January; revjiwei4 K4)."""
    clause = _as_counted(item, data)
    if clause and item.period is Period.HALF and "学期" in item.requirement.text:
        return f"{clause}（学期按半年计）"
    return clause


def _as_counted(item: ChecklistItem, data: ReportData) -> str:
    by = cn_date(item.period_end)
    label = item.requirement.counts.label if item.requirement.counts else ""
    unit = item.requirement.unit
    if item.months:
        return _months_to_come(item, data.as_of, label)
    if item.each_month:
        # one's own months (a member's paper), or each one's (the 书记 answers for all)
        own = data.person is not None and set(item.each_month) <= {data.person.name}
        return _months_each_to_come(item, data.as_of, label, own)
    if item.requirement.handed_in_after and not item.actual and (item.target or 1) == 1 \
            and item.measure == "count" and item.period is not None:
        # one return still to hand in: whose period, by its deadline — not the plan's rule
        # again, "目前尚未报送，还需1次，须于…前完成" (revnew7 Y5)
        return f"{_reported(item, data)}的须于{by}前报送"
    if item.status is Status.NOT_DUE:  # a return not yet due: by its deadline, as the
        # plan says it — not the days it is counted over (revjiwei9 J7: "2026年12月1日至
        # 2027年1月7日报送…1次" read as work to do from 12月1日, with no verb of intent)
        what = label if label.startswith(RETURN_VERBS) or label.endswith(RETURN_VERBS) \
            else f"报送{label}"  # 向县纪委报送: its verb said (revlast10 5)
        return f"于{by}前{what}{item.target or 1}{unit}"
    if item.measure == "count" and item.actual is not None and item.target is not None:
        # in the year's report, a duty of each quarter or half-year sums its periods:
        # the year's total against one period's target says nothing ("还需-4次")
        if (item.period in (Period.QUARTER, Period.MONTH, Period.HALF)
                and data.period.quarter is None) or item.actual >= item.target:
            return f"须于{by}前完成"
        now = _so_far(data, item)
        have = (f"{now}已{verb_for(label)}{label}{item.actual}{unit}，" if item.actual else
                f"{now}尚未报送，" if item.requirement.handed_in_after else f"{now}尚未开展，")
        # a yearly count due in step with the quarters: what this quarter's end asks too,
        # while that end is still ahead (written on it, "9月30日前" is already past)
        step = ""
        quarter_end = data.period.end if data.period.quarter else None
        if (quarter_end is not None and data.as_of < quarter_end < item.period_end
                and item.expected is not None and item.expected > item.actual
                and not item.requirement.handed_in_after):  # a return: by its deadline
            step = (f"，其中{cn_date(quarter_end)}前至少还需"
                    f"{item.expected - item.actual}{unit}")
        elif (data.over and data.period.quarter and data.period.quarter < 3
              and item.period is Period.YEAR):
            # the quarter over and behind its share: the next quarter's share by its end
            # (三 said "behind"; 四 gave only the year's end: reviewer revjiwei4, K3)
            nxt = data.period.next
            owed = item.target * (data.period.quarter + 1) // 4 - item.actual
            if owed > 0 and nxt.end < item.period_end:
                step = f"，其中{cn_date(nxt.end)}前至少还需{owed}{unit}"
        return f"{have}还需{item.target - item.actual}{unit}{step}，须于{by}前完成"
    if item.measure == "per_person" and item.missing:  # a duty of each: who still owes it
        me = data.person.name if data.person is not None else None
        if me in item.missing:  # one's own: 本人, and how many this period still asks
            part = item.periods[-1][1] if item.periods else item  # the year's: its last one
            left = (item.requirement.target or 0) - (part.people or {}).get(me, 0)
            return f"本人尚需{left}{unit}，须于{by}前完成" if left > 0 else ""
        # the 书记's own paper: the others' shares are his to 督促 (revjiwei5 F13)
        still = _owed_by_each(item, label, first_responsible(data.person), _so_far(data, item))
        return f"{still}，须于{by}前完成"
    if item.measure in ("coverage", "share") and item.target is not None:
        what = f"{label}覆盖面" if item.measure == "coverage" else "“一对一”问题性约谈比例"
        now = f"{_so_far(data, item)}为{item.actual}%，" if item.actual is not None else ""
        return f"{what}{now}须于{by}前达到{item.target}%"
    return ""


def _reported(item: ChecklistItem, data: ReportData) -> str:
    """The period a return due at ``item``'s end reports on: 第四季度, 2026年度, 下半年, 12月."""
    from lianzheng_desktop.core.checklist_window import reported_on
    from lianzheng_desktop.core.report_facts import cn_number

    first, last = reported_on(item.period, item.period_end)
    year = "" if last.year == data.period.year else f"{last.year}年"
    if item.period is Period.YEAR:
        return f"{last.year}年度"
    if item.period is Period.QUARTER:
        return f"{year}第{cn_number((last.month + 2) // 3)}季度"
    if item.period is Period.HALF:
        return f"{year}{'上' if last.month == 6 else '下'}半年"
    return f"{year}{last.month}月"


def _months_to_come(item: ChecklistItem, day: date, label: str) -> str:
    """A duty of each month, in the quarter running: the months still ahead (or this one,
    not yet met), with those already missed said ("12月至少组织集中学习1次（10月、11月
    未达到要求，须切实改进）")."""
    target, unit = item.requirement.target or 0, item.requirement.unit
    seen = dict(item.months)
    # the quarter's months, or the year's for an annual report (revdiff4 F2)
    months = list(range(item.period_start.month, item.period_end.month + 1))
    year = item.period_start.year
    owed = [m for m in months if month_end(year, m) > day and seen.get(m, 0) < target]
    # a month the checklist did not count (before a 巡察 fed its problems back) is not one
    # missed (revlast4 F3)
    missed = [m for m in months if month_end(year, m) <= day and m in seen and seen[m] < target]
    if not owed:
        return ""
    when = spans(owed, lambda m: f"{m}月") + ("每月" if len(owed) > 1 else "")
    said = f"（{spans(missed, lambda m: f'{m}月')}未达到要求，须切实改进）" if missed else ""
    return (f"{when}至少{verb_for(label)}{label}{target}{unit}{said}，"
            f"须于{cn_date(item.period_end)}前完成")


def _months_each_to_come(item: ChecklistItem, day: date, label: str, own: bool) -> str:
    """A duty of each person, each month: the months still ahead, with who missed which
    ("12月每名班子成员至少参加廉政学习1次（10月郑小芳未达到要求，须切实改进）")."""
    requirement = item.requirement
    target, unit, year = requirement.target or 0, requirement.unit, item.period_start.year
    months = range(item.period_start.month, item.period_end.month + 1)
    ahead = [m for m in months if month_end(year, m) > day]
    if not ahead:
        return ""
    done = {name: dict(each) for name, each in item.each_month.items()}
    missed = [(m, [name for name, had in done.items() if m in had and had[m] < target])
              for m in months if month_end(year, m) <= day]
    said = (f"{spans([m for m, names in missed if names], lambda m: f'{m}月')}未达到要求"
            if own and any(names for _, names in missed) else  # 1月至6月、10月 (revdiff8 15)
            "；".join(f"{m}月{'、'.join(names)}未达到要求" for m, names in missed if names))
    who = "本人" if own or requirement.role is None else \
        "书记" if requirement.role is Role.FIRST_RESPONSIBLE else requirement.role.label
    verb = "参加" if says_attend(requirement) else verb_for(label)
    when = spans(ahead, lambda m: f"{m}月") + ("每月" if len(ahead) > 1 else "")
    return (f"{when}{who}至少{verb}{label}{target}{unit}"
            + (f"（{said}，须切实改进）" if said else "")
            + f"，须于{cn_date(item.period_end)}前完成")


def _so_far(data: ReportData, item: ChecklistItem) -> str:
    """"目前", or the paper's own day where it is made after it: a past quarter's paper of
    12月1日 said "目前…还需4次" of 9月30日's count, which the ledger had overtaken, beside a
    step "现已逾期" of 12月1日 (revjiwei10 K3). A return is counted to the day the paper is
    made (checklist_window.window_of): "目前"."""
    if data.made_on is not None and data.made_on > data.as_of \
            and not item.requirement.handed_in_after:
        return f"截至{md(data.as_of)}"
    return "目前"


def _owed_by_each(item: ChecklistItem, label: str, urge: bool = False,
                  now: str = "目前") -> str:
    """Who still owes a duty of each, and how much ("王建国目前已专题调研1次，还需1次";
    "张卫东、刘志强各还需1次"), as the branch's own count duty says it (revjiwei4 K6);
    ``urge``: the 书记's own paper, "督促张卫东、刘志强各再完成1次"; ``now``: as of when
    (_so_far), said before the names where it is a day."""
    part = item.periods[-1][1] if item.periods else item  # the year's: its running one
    target, unit = item.requirement.target, item.requirement.unit
    had = part.people or {}
    if target is None or not all(name in had for name in item.missing):
        return f"{'督促' if urge else ''}{'、'.join(item.missing)}尚未完成"
    owed = {name: target - had[name] for name in item.missing if target > had[name]}
    if len(owed) == 1 and (name := next(iter(owed))) and had[name]:
        done = f"{verb_for(label)}{label}{had[name]}{unit}"
        return (f"督促{name}再完成{owed[name]}{unit}（{now}已{done}）" if urge else
                f"{name}{now}已{done}，还需{owed[name]}{unit}" if now == "目前" else
                f"{now}{name}已{done}，还需{owed[name]}{unit}")
    by_count: dict[int, list[str]] = {}
    for name, left in owed.items():
        by_count.setdefault(left, []).append(name)
    said = "，".join(f"{'、'.join(names)}{'各' if len(names) > 1 else ''}"
                     f"{'再完成' if urge else '还需'}{left}{unit}"
                     for left, names in by_count.items())
    if not said:
        return f"{'、'.join(item.missing)}尚未完成"
    said = f"督促{said}" if urge else said
    return said if now == "目前" else f"{now}，{said}"


def _carried_over(data: ReportData, nxt: ReportPeriod, listed: list[Requirement],
                  items_planned: bool = False, running: tuple[str, ...] = ()) -> list[str]:
    """At the year's end: the year's unmet duties, named, for the year to come — where the
    next year's plan is in, only those it still asks (by its own words), and none it lists
    already with "…未达到要求" (``listed``, _plan_duties). ``items_planned``: the 整改
    items have their own steps, which are the 巡察整改 duty's (not "提前谋划、按季度推进")."""
    if nxt.year == data.period.year:
        return []
    failed = [i for i in data.checklist.items if i.status is Status.FAILED
              # the items' steps answer for a duty to fix them all, not for a count of
              # them ("督促整改…问题不少于4件": named in 三, dropped here; revjiwei10 K6)
              and not (items_planned and i.requirement.counts is not None
                       and i.requirement.counts.ledger == "rectification"
                       and i.requirement.target is None)
              # before the year's end, a duty whose open part is planned above by its date
              # is not planned again "在下一年" (reviewer revjiwei4, K6)
              and not (not data.over
                       and any(step.startswith(named(i.requirement)) for step in running))]
    if data.next_plan is not None:  # what the next plan asks of each, and not yet said
        earlier, said = earlier_selves(data), {id(r) for r in listed}
        asked = {self: requirement for requirement in data.next_plan.requirements
                 if (self := earlier.get(id(requirement))) and id(requirement) not in said}
        failed = [replace(i, requirement=asked[key(i.requirement)]) for i in failed
                  if key(i.requirement) in asked]
    # a duty without a number and without a record lacks proof: not "未落实到位" (section three)
    unrecorded = list(dict.fromkeys(quoted(named(i.requirement)) for i in failed
                                    if not _numeric(i) and not i.actual))
    unmet = list(dict.fromkeys(quoted(named(i.requirement)) for i in failed
                               if quoted(named(i.requirement)) not in unrecorded))
    parts = []
    if unmet:  # a part already lost (a quarter over): for next year; a part still open is
        # planned by its date above (_running: the year's item keeps its periods)
        parts.append(f"针对{data.period.year}年{several(unmet)}要求未落实到位的问题，"
                     f"在{nxt.year}年工作中提前谋划、按季度推进，确保按要求完成。")
    if unrecorded:
        each = "逐项" if len(unrecorded) > 1 else ""
        parts.append(f"对{several(unrecorded)}要求，在{nxt.year}年工作中{each}明确牵头人"
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
    duties = [(r, sentence) for r, text, sentence in plan_duties(data, nxt)
              if not any(said.startswith(text) for said in running)]
    written = _as_written(data)
    items = next_step_sentences(written) + review_steps(written)
    parts = (running + [sentence for _, sentence in duties]
             + _carried_over(data, nxt, [r for r, _ in duties], bool(items),
                             tuple(running)) + items)
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
