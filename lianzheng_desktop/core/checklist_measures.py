"""The checks of a requirement with a number to reach: a count against its target (pro-rated
before the period is over), the same for each person a role names (班子成员每季度至少听取1次
汇报: met when every one has met it), month by month for a 每月 duty, and the share of
talks held one-on-one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from lianzheng_desktop.core.checklist_ask import Ask, with_link
from lianzheng_desktop.core.checklist_model import ChecklistItem, Status
from lianzheng_desktop.core.checklist_people import attends, people_in_role
from lianzheng_desktop.core.checklist_window import (
    Window,
    days_left,
    deadline,
    month_end,
    not_due,
    scope_words,
    status_of,
    window_for,
)
from lianzheng_desktop.core.checklist_words import verb_for
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement, Role
from lianzheng_desktop.core.record_source import RecordSource
from lianzheng_desktop.core.records import Person
from lianzheng_desktop.core.text import spans


def check_count(key: str, requirement: Requirement, window: Window, quarter: Quarter,
                ask: Ask) -> ChecklistItem:
    target = requirement.target or 0
    expected_now = target * window.elapsed // window.units
    q_units = window_for(requirement.period, quarter,
                         deadline(quarter.end, window.lag, window.working), window.lag,
                         window.working).elapsed
    expected_by_quarter_end = target * q_units // window.units
    actual = ask.count()
    status = status_of(actual, target, expected_now, window)
    label, unit = requirement.counts.label if requirement.counts else "", requirement.unit
    scope = scope_words(requirement, window)
    already = "已" if not window.over else ""
    done_so_far = f"{scope}{already}{verb_for(label)}{label} {actual} {unit}"
    if status is Status.DONE:
        text = f"{done_so_far}，达到不少于 {target} {unit}的要求"
    elif status is Status.FAILED:
        text = f"{done_so_far}，未达到不少于 {target} {unit}的要求"
    elif requirement.period in (Period.YEAR, None) and 0 < expected_by_quarter_end < target:
        text = (f"{done_so_far}，到{quarter.label[5:]}末应不少于 {expected_by_quarter_end} {unit}"
                f"（全年不少于 {target} {unit}）{days_left(window, requirement.period)}")
    else:
        whole = "全年" if requirement.period in (Period.YEAR, None) else ""
        text = (f"{done_so_far}，要求{whole}不少于 {target} {unit}"
                f"{days_left(window, requirement.period)}")
    person_times = ask.person_times() if actual else None

    if person_times:
        text += f"（共 {person_times} 人次）"
    records, late = ask.refs(), 0
    if status is Status.FAILED and window.late_until is not None:
        after = Ask(ask.source, ask.requirement, window.end + timedelta(days=1),
                    window.late_until)
        late = after.count()
        if late:  # handed in after the deadline: said, and shown among its records
            text += f"；{window.end.month}月{window.end.day}日后逾期报送 {late} {unit}"
            records = replace(after, start=window.start).refs()
    return ChecklistItem(key, requirement, "count", requirement.period, window.start, window.end,
                         target, expected_by_quarter_end, actual, status, text + "。",
                         records, person_times, late=late)


def check_per_person(key: str, requirement: Requirement, window: Window, quarter: Quarter,
                     ask: Ask, roster: Sequence[Person]) -> ChecklistItem:
    """班子成员每季度至少听取1次汇报: met only when every one of them has met it."""
    role = requirement.role
    assert role is not None and requirement.counts is not None
    people = people_in_role(role, roster, window.checkpoint)
    target = requirement.target or 0
    expected_now = target * window.elapsed // window.units
    done = ask.source.per_person(requirement.counts, ask.start, ask.end,
                                 with_attendees=attends(requirement))
    each = {p.name: done.get(p.name, 0) for p in people}
    missing = [name for name, n in each.items() if n < target]
    behind = [name for name, n in each.items() if n < expected_now]
    if not missing:
        status = Status.DONE
    elif window.over:
        status = Status.FAILED
    else:
        status = Status.BEHIND if behind else Status.ON_TRACK
    label, unit = requirement.counts.label, requirement.unit
    who = {Role.FIRST_RESPONSIBLE: "书记", Role.LEADERSHIP_MEMBER: "班子成员",
           Role.MEMBER: "党员"}[role]
    scope = scope_words(requirement, window)
    counts_text = "、".join(f"{name} {n} {unit}" for name, n in each.items())
    each_one = "每人" if len(each) > 1 else ""  # one 书记: not "每人"
    text = f"{scope}{who}{label}：{counts_text}，要求{each_one}不少于 {target} {unit}"
    if missing:
        verb = "未完成" if window.over else "尚未完成"
        text += f"；{'、'.join(missing)}{verb}{days_left(window, requirement.period)}"
    else:
        text += "，每人均已完成" if len(each) > 1 else "，已完成"
    records, late, came = ask.refs(), 0, []
    if status is Status.FAILED and window.late_until is not None:
        # each one's form handed in after the deadline (revdiff8 8: still red till 11-30)
        since = ask.source.per_person(requirement.counts, window.end + timedelta(days=1),
                                      window.late_until, with_attendees=attends(requirement))
        came = [name for name in missing if each[name] + since.get(name, 0) >= target]
        if came:
            text += f"；{'、'.join(came)}{window.end.month}月{window.end.day}日后逾期报送"
            records = replace(ask, end=window.late_until).refs()
            late = len(came)  # people, for a duty of each (forms, for the branch's count)
    met = len(people) - len(missing)
    return ChecklistItem(key, requirement, "per_person", requirement.period, window.start,
                         window.end, len(people), len(people), met, status, text + "。",
                         records, people=each, missing=missing, behind=behind, late=late,
                         late_names=tuple(came) if late else ())


def check_share(key: str, requirement: Requirement, window: Window,
                ask: Ask) -> ChecklistItem:
    target = requirement.share or 0
    label = requirement.counts.label if requirement.counts else "约谈"
    when = scope_words(requirement, window)
    total, one_on_one = ask.count(), ask.one_on_one()
    if not total:
        status = Status.FAILED if window.over else Status.ON_TRACK
        text = f"{when}尚无{label}记录，“一对一”问题性约谈比例无从计算，要求达到 {target}%。"
        actual = None
    else:
        actual = round(100 * one_on_one / total)
        # a share is judged at the period's end: before it, the next talks can still
        # bring it up (as with no talk yet), so it is not 滞后 beside a count on track
        status = Status.DONE if actual >= target else (
            Status.FAILED if window.over else Status.ON_TRACK)
        text = (f"{when}{label} {total} 次，其中“一对一”问题性约谈 {one_on_one} 次，"
                f"占 {actual}%，要求达到 {target}%。")
    return ChecklistItem(f"{key}-share", requirement, "share", requirement.period, window.start,
                         window.end, target, target, actual, status, text,
                         ask.refs(one_on_one_only=True))


# "针对巡察反馈问题…每月跟踪督办": a duty of the 巡察's problems (not the 整改 items' own count)
_OF_INSPECTION = re.compile(r"巡察.{0,12}(?:问题|整改|反馈)|(?:问题|整改|反馈).{0,6}巡察")


def inspection_fed_back(requirement: Requirement, source: RecordSource, quarter: Quarter,
                        as_of: date) -> date | None:
    """The day this year's 巡察 fed its problems back, for a monthly duty about them: the
    months before it owe nothing (revjiwei6 G3: "1月至4月未达到" of a 督办 whose problems
    came on 4月20日); date.max while none has come. None: not such a duty, or its problems
    were carried into the year (owed from January)."""
    if not about_inspection(requirement):
        return None
    states = source.rectification_states(date(quarter.year, 1, 1), min(as_of, quarter.end),
                                         ("巡察反馈",))
    if any(s.earlier for s in states):
        return None
    return min((s.found for s in states if s.found is not None), default=date.max)


# the acts that follow a 巡察's problems up: a sentence of them after the 巡察's own goes on
# about it ("…明确整改时限。每月跟踪督办…": revlast5 3)
_FOLLOWING_UP = ("督办", "跟踪", "整改", "调度", "销号", "盯办")


def about_inspection(requirement: Requirement) -> bool:
    """A monthly duty whose own sentence is about a 巡察's problems (not their 整改 count):
    it names them, or follows the sentence that does with an act of following them up."""
    if requirement.counts is not None and requirement.counts.ledger == "rectification":
        return False
    before, own = requirement.own_sentence()
    return bool(_OF_INSPECTION.search(own)) or (
        bool(_OF_INSPECTION.search(before)) and any(word in own for word in _FOLLOWING_UP))


def check_monthly(key: str, requirement: Requirement, source: RecordSource,
                  quarter: Quarter, as_of: date,
                  roster: Sequence[Person] = ()) -> ChecklistItem:
    """每月: checked month by month; one missed month fails the quarter's item. A duty of
    a 巡察's problems runs from the month they were fed back (a miss in that month itself
    is not held against it)."""
    target = requirement.target or 0
    if as_of < quarter.start:
        window = Window(quarter.start, quarter.end, quarter.start, 0, 3)
        return not_due(key, requirement, window, quarter)
    fed_back = inspection_fed_back(requirement, source, quarter, as_of)
    if fed_back is not None and fed_back > quarter.end:  # the quarter owes nothing yet
        window = Window(quarter.start, quarter.end, quarter.start, 0, 3)
        return replace(not_due(key, requirement, window, quarter), explanation=(
            "尚无巡察反馈问题，此项自问题交办之月起按月计。" if fed_back == date.max else
            f"巡察反馈问题于{fed_back.month}月{fed_back.day}日交办，此前不计。"))
    if requirement.counts is not None and requirement.id is not None:
        requirement = with_link(requirement)
    label, unit = requirement.counts.label if requirement.counts else "", requirement.unit
    checkpoint = min(as_of, quarter.end)
    role = requirement.role
    if role is not None and role.per_person and requirement.counts is not None \
            and fed_back is None and people_in_role(role, roster, checkpoint):
        return _monthly_each(key, requirement, source, quarter, checkpoint, roster)
    parts, total, failed, met, months, short = [], 0, False, 0, [], []
    owed = 3  # months of the quarter the duty runs in
    for offset in range(3):
        month = quarter.start.month + offset
        start = date(quarter.year, month, 1)
        if start > checkpoint:
            break
        end = month_end(quarter.year, month)
        found = Ask(source, requirement, start, min(end, checkpoint)).count()
        if fed_back is not None and (end < fed_back or (
                start <= fed_back and found < target)):  # before its problems came
            owed -= 1
            continue
        total += found
        months.append((month, found))
        # a month not over is not yet short: "12月 0 次" on 12月1日 read as December missed
        # (revnew6 U3)
        parts.append(f"{month}月 {found} {unit}" if end <= checkpoint or found >= target
                     else f"{month}月至今 {found} {unit}" if found else f"{month}月尚未开展")
        if found >= target:
            met += 1
        elif end <= checkpoint:
            failed = True
            short.append(month)
    if owed == 0 and fed_back is not None:  # fed back in the quarter's last month, none
        # held yet: owed from the next month
        window = Window(fed_back, quarter.end, quarter.start, 0, 3)
        return replace(not_due(key, requirement, window, quarter),
                       explanation=f"巡察反馈问题于{fed_back.month}月{fed_back.day}日交办，"
                       f"{label}自下月起按月计。")
    status = Status.DONE if met == owed else Status.FAILED if failed else Status.ON_TRACK
    text = f"本季度{label}：{'、'.join(parts)}，要求每月不少于 {target} {unit}" + (
        f"；{spans(short, lambda m: f'{m}月')}未完成" if short and len(short) < len(parts)
        else "") + "。" if parts else f"本季度{label}尚无记录，要求每月不少于 {target} {unit}。"
    if fed_back is not None and owed < 3:
        text += f"巡察反馈问题于{fed_back.month}月{fed_back.day}日交办，此前不计。"
    return ChecklistItem(key, requirement, "count", Period.MONTH, quarter.start, quarter.end,
                         target * 3, target * 3, total, status, text,
                         Ask(source, requirement, quarter.start, checkpoint).refs(),
                         months=tuple(months))


def _monthly_each(key: str, requirement: Requirement, source: RecordSource,
                  quarter: Quarter, checkpoint: date, roster: Sequence[Person]) -> ChecklistItem:
    """每名班子成员每月…, 书记每月…: each person, each month (revcode2 H: the branch's total
    for the month met it, though the 书记 or two of the three members held none)."""
    role, counts = requirement.role, requirement.counts
    assert role is not None and counts is not None
    target, unit, label = requirement.target or 0, requirement.unit, counts.label
    each: dict[str, list[tuple[int, int]]] = {}
    said, missing, failed, met, owed = [], [], False, 0, 3
    for offset in range(3):
        month = quarter.start.month + offset
        start, end = date(quarter.year, month, 1), month_end(quarter.year, month)
        if start > checkpoint:
            break
        day = min(end, checkpoint)
        done = source.per_person(counts, start, day, with_attendees=attends(requirement))
        # owed by those in post the whole month: one who came on 11月25日 owes December
        # on, not November (revdiff7 F10)
        people = [p.name for p in people_in_role(role, roster, day) if p.in_post(start)]
        if not people:  # a month of 换届: nobody owed it whole, nor is it met (revlast7 F9)
            said.append(f"{month}月（期间人员变动，不计）")
            owed -= 1
            continue
        for name in people:
            each.setdefault(name, []).append((month, done.get(name, 0)))
        short = [name for name in people if done.get(name, 0) < target]
        missing += [name for name in short if name not in missing]
        failed = failed or bool(short and end <= checkpoint)
        met += not short
        verb = "未完成" if end <= checkpoint else "尚未完成"
        # held, but nobody named on it: its 参加人员 left empty (revdiff7 F10)
        unnamed = attends(requirement) and short and not any(done.values()) \
            and source.count(counts, start, day) > 0
        said.append(f"{month}月" + (f"{'、'.join(short)}{verb}" if short else
                                    "均已完成" if len(people) > 1 else "已完成")
                    + ("（该月的记录未填参加人员）" if unnamed else ""))
    who = {Role.FIRST_RESPONSIBLE: "书记", Role.LEADERSHIP_MEMBER: "班子成员",
           Role.MEMBER: "党员"}[role]
    status = Status.FAILED if failed else Status.DONE if met == owed and (
        checkpoint >= quarter.end or met == 3) else Status.ON_TRACK
    if len(each) == 1:  # one 书记: his months, not his name month after month
        [(name, months)] = each.items()
        late = [m for m, n in months if n < target and month_end(quarter.year, m) <= checkpoint]
        text = (f"本季度{who}{label}：{name}" + "、".join(f"{m}月 {n} {unit}" for m, n in months)
                + f"，要求每月不少于 {target} {unit}"
                + (f"；{spans(late, lambda m: f'{m}月')}未完成" if late else "") + "。")
    else:
        text = f"本季度{who}{label}：{'；'.join(said)}，要求每人每月不少于 {target} {unit}。"
    return ChecklistItem(key, requirement, "per_person", Period.MONTH, quarter.start,
                         quarter.end, target * 3, target * 3, met, status, text,
                         Ask(source, requirement, quarter.start, checkpoint).refs(),
                         people={name: sum(n for _, n in months) for name, months in each.items()},
                         missing=missing, each_month={name: tuple(months)
                                                      for name, months in each.items()})
