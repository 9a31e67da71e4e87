"""The quarterly checklist: each requirement of the plan checked against the records.

Semantics (domain.md, "Checklist semantics"): records are counted from the period's start
to the checkpoint — the quarter's end, or the as-of date if earlier. A period is over on
its last day. Before it is over a requirement is compared with a pro-rated expectation:
floor(target × elapsed units / units), units being quarters of a year or half-year and
months of a quarter; so ≥ 4 a year means ≥ 1 by the end of Q1, ≥ 2 by Q2, and a once-a-
quarter duty is only failed when the quarter has ended without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist_model import Checklist, ChecklistItem, Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement, Role
from lianzheng_desktop.core.record_source import (
    ListSource,
    RecordRef,
    RecordSource,
    last_day_over,
)
from lianzheng_desktop.core.records import Person, Record, to_reach

# -- the engine -----------------------------------------------------------------------

@dataclass(frozen=True)
class _Window:
    start: date
    end: date  # the period's last day
    checkpoint: date  # count up to here
    elapsed: int  # completed units (quarters or months) at the checkpoint
    units: int

    @property
    def over(self) -> bool:
        return self.checkpoint >= self.end


def build_checklist(plan: Plan, records: Mapping[str, Sequence[Record]] | RecordSource,
                    roster: Sequence[Person], quarter: Quarter, as_of: date,
                    today: date | None = None) -> Checklist:
    """Check every requirement of ``plan`` for ``quarter`` as it stands on ``as_of``.

    ``records`` is a RecordSource (storage answers with SQL aggregates) or a mapping of
    ledger key to records; nothing here reads the database. ``today``: a deadline that
    falls on it is not yet missed (see record_source.last_day_over).
    """
    source = ListSource(records) if isinstance(records, Mapping) else records
    due_day = last_day_over(as_of, today)
    items: list[ChecklistItem] = []
    for requirement in plan.requirements:
        items += _check(requirement, source, roster, quarter, as_of, due_day)
    return Checklist(quarter, as_of, items, due_day)


def _window(period: Period | None, quarter: Quarter, as_of: date) -> _Window:
    checkpoint = min(as_of, quarter.end)
    if period is Period.QUARTER:
        start, end, units = quarter.start, quarter.end, 3
        month_ends = [_month_end(quarter.year, start.month + m) for m in range(3)]
        elapsed = sum(1 for end_of_month in month_ends if end_of_month <= checkpoint)
    elif period is Period.HALF:
        start, end, units = quarter.half_start, quarter.half_end, 2
        elapsed = sum(1 for q in _quarters_between(start, end) if q.end <= checkpoint)
    else:
        start, end, units = date(quarter.year, 1, 1), date(quarter.year, 12, 31), 4
        elapsed = sum(1 for n in range(1, 5) if Quarter(quarter.year, n).end <= checkpoint)
    return _Window(start, end, min(checkpoint, end), elapsed, units)


def _quarters_between(start: date, end: date) -> list[Quarter]:
    first = Quarter.containing(start)
    return [q for q in (first, first.next()) if q.end <= end]


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


# The ledgers whose records a requirement marked by hand can be pointed at: the forms
# that offer 计入要求.
EVENT_LEDGERS = ("warning_education", "talk", "activity")


@dataclass(frozen=True)
class _Ask:
    """The source's answers for one requirement within one span of days."""

    source: RecordSource
    requirement: Requirement
    start: date
    end: date
    due: date | None = None  # the last day whose deadlines are missed (``end`` when None)

    def count(self) -> int:
        counts = self.requirement.counts
        return 0 if counts is None else self.source.count(counts, self.start, self.end)

    def count_pointed_here(self) -> int:
        """Of ``count``, the records pointed at this requirement (计入要求), whatever
        their type: they are not what the plan's label names. For a requirement marked by
        hand (no ledger of its own), those of every ledger."""
        return sum(self.source.count(counts, self.start, self.end)
                   for counts in self._pointed_here())

    def _pointed_here(self) -> list[Counts]:
        counts, key = self.requirement.counts, self.requirement.id
        if counts is not None:
            return [] if counts.link is None else [replace(counts, linked_only=True)]
        if key is None:
            return []
        return [Counts(ledger, link=key, linked_only=True) for ledger in EVENT_LEDGERS]

    def person_times(self) -> int | None:
        counts = self.requirement.counts
        if counts is None or counts.ledger != "talk":
            return None
        return self.source.person_times(counts, self.start, self.end)

    def reached(self) -> set[str]:
        counts = self.requirement.counts
        return set() if counts is None else self.source.reached(counts, self.start, self.end)

    def one_on_one(self) -> int:
        counts = self.requirement.counts
        return 0 if counts is None else self.source.one_on_one(counts, self.start, self.end)

    def refs(self, one_on_one_only: bool = False) -> Callable[[], list[RecordRef]]:
        counts, start, end, source = self.requirement.counts, self.start, self.end, self.source
        if counts is None:  # marked by hand: the records pointed at it, if any
            pointed = self._pointed_here()
            return lambda: [ref for c in pointed for ref in source.refs(c, start, end)]
        return lambda: source.refs(counts, start, end, one_on_one_only)


def _check(requirement: Requirement, source: RecordSource, roster: Sequence[Person],
           quarter: Quarter, as_of: date, due_day: date) -> list[ChecklistItem]:
    key = str(requirement.id if requirement.id is not None else requirement.item)
    if requirement.period is Period.MONTH and requirement.target is not None:
        return [_check_monthly(key, requirement, source, quarter, as_of)]
    window = _window(requirement.period, quarter, as_of)
    if as_of < window.start:
        return [_not_due(key, requirement, window, quarter)]
    if requirement.counts is not None and requirement.id is not None:
        requirement = _with_link(requirement)
    ask = _Ask(source, requirement, window.start, window.checkpoint,
               min(due_day, window.checkpoint))
    items = []
    role = requirement.role
    if requirement.target is not None and role is not None and role.per_person \
            and requirement.counts is not None \
            and people_in_role(role, roster, window.checkpoint):
        items.append(_check_per_person(key, requirement, window, quarter, ask, roster))
    elif requirement.target is not None:
        items.append(_check_count(key, requirement, window, quarter, ask))
    if requirement.coverage is not None or requirement.share is not None:
        ask = _Ask(source, _held_by_role(requirement, roster, window), window.start,
                   window.checkpoint)
    if requirement.coverage is not None:
        items.append(_check_coverage(key, requirement, window, ask, roster))
    if requirement.share is not None:
        items.append(_check_share(key, requirement, window, ask))
    if not items:
        items.append(_check_unnumbered(key, requirement, window, ask))
    return items


# Labels that are themselves an act ("听取汇报", "签订责任书"): no verb before them.
ACTS = ("听取", "签订", "报告", "述职", "述责", "述廉", "讲授", "参加", "开展", "召开", "组织",
        "研究", "安排", "协调")


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


def _held_by_role(requirement: Requirement, roster: Sequence[Person],
                  window: _Window) -> Requirement:
    """A talk duty of the 书记 or of each 班子成员 is measured on the talks they held:
    the 班子成员's one-on-one share leaves out the 书记's talks, and the other way round
    (everyone's talks count where the roster names no one in the role)."""
    role, counts = requirement.role, requirement.counts
    if counts is None or counts.ledger != "talk" or role not in (Role.FIRST_RESPONSIBLE,
                                                                  Role.LEADERSHIP_MEMBER):
        return requirement
    names = tuple(p.name for p in roster
                  if in_role(role, p) and p.in_post_during(window.start, window.checkpoint))
    return replace(requirement, counts=replace(counts, by=names)) if names else requirement


def _with_link(requirement: Requirement) -> Requirement:
    """A copy whose counts know the requirement, so records linked to it count."""
    assert requirement.counts is not None
    return replace(requirement, counts=replace(requirement.counts, link=requirement.id))


def _status(actual: int, target: int, expected: int, window: _Window) -> Status:
    if actual >= target:
        return Status.DONE
    if window.over:
        return Status.FAILED
    return Status.ON_TRACK if actual >= expected else Status.BEHIND


def _scope_words(requirement: Requirement, window: _Window) -> str:
    period = requirement.period
    if period is Period.QUARTER:
        return "本季度"
    if period is Period.HALF:
        return "上半年" if window.start.month == 1 else "下半年"
    return f"{window.start.year}年"


def _days_left(window: _Window, period: Period | None) -> str:
    days = (window.end - window.checkpoint).days
    end = {Period.QUARTER: "季度末", Period.HALF: "半年末"}.get(period, "年底")  # type: ignore
    return f"，距{end}还有 {days} 天" if days > 0 else ""


def _check_count(key: str, requirement: Requirement, window: _Window, quarter: Quarter,
                 ask: _Ask) -> ChecklistItem:
    target = requirement.target or 0
    expected_now = target * window.elapsed // window.units
    q_units = _window(requirement.period, quarter, quarter.end).elapsed
    expected_by_quarter_end = target * q_units // window.units
    actual = ask.count()
    status = _status(actual, target, expected_now, window)
    label, unit = requirement.counts.label if requirement.counts else "", requirement.unit
    scope = _scope_words(requirement, window)
    already = "已" if not window.over else ""
    done_so_far = f"{scope}{already}{verb_for(label)}{label} {actual} {unit}"
    if status is Status.DONE:
        text = f"{done_so_far}，达到不少于 {target} {unit}的要求"
    elif status is Status.FAILED:
        text = f"{done_so_far}，未达到不少于 {target} {unit}的要求"
    elif requirement.period in (Period.YEAR, None) and 0 < expected_by_quarter_end < target:
        text = (f"{done_so_far}，到{quarter.label[5:]}末应不少于 {expected_by_quarter_end} {unit}"
                f"（全年不少于 {target} {unit}）{_days_left(window, requirement.period)}")
    else:
        whole = "全年" if requirement.period in (Period.YEAR, None) else ""
        text = (f"{done_so_far}，要求{whole}不少于 {target} {unit}"
                f"{_days_left(window, requirement.period)}")
    person_times = ask.person_times() if actual else None

    if person_times:
        text += f"（共 {person_times} 人次）"
    return ChecklistItem(key, requirement, "count", requirement.period, window.start, window.end,
                         target, expected_by_quarter_end, actual, status, text + "。",
                         ask.refs(), person_times)


_ROLE_SCOPE = {Role.FIRST_RESPONSIBLE: (vocab.ROLE_SECRETARY,),
               Role.LEADERSHIP_MEMBER: (vocab.ROLE_LEADER,),
               Role.MEMBER: (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER, vocab.ROLE_MEMBER)}


def in_role(role: Role, person: Person) -> bool:
    """The duties laid on ``role`` (书记, 班子成员, 党员) fall on ``person``."""
    return person.role in _ROLE_SCOPE.get(role, ())


def people_in_role(role: Role, roster: Sequence[Person], day: date) -> list[Person]:
    """Those of ``roster`` the role names who were in post on ``day``."""
    return [p for p in roster if p.in_post(day) and in_role(role, p)]


def _check_per_person(key: str, requirement: Requirement, window: _Window, quarter: Quarter,
                      ask: _Ask, roster: Sequence[Person]) -> ChecklistItem:
    """班子成员每季度至少听取1次汇报: met only when every one of them has met it."""
    role = requirement.role
    assert role is not None and requirement.counts is not None
    people = people_in_role(role, roster, window.checkpoint)
    target = requirement.target or 0
    expected_now = target * window.elapsed // window.units
    done = ask.source.per_person(requirement.counts, ask.start, ask.end,
                                 with_attendees=role is Role.MEMBER)
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
    scope = _scope_words(requirement, window)
    counts_text = "、".join(f"{name} {n} {unit}" for name, n in each.items())
    each_one = "每人" if len(each) > 1 else ""  # one 书记: not "每人"
    text = f"{scope}{who}{label}：{counts_text}，要求{each_one}不少于 {target} {unit}"
    if missing:
        verb = "未完成" if window.over else "尚未完成"
        text += f"；{'、'.join(missing)}{verb}{_days_left(window, requirement.period)}"
    else:
        text += "，每人均已完成" if len(each) > 1 else "，已完成"
    met = len(people) - len(missing)
    return ChecklistItem(key, requirement, "per_person", requirement.period, window.start,
                         window.end, len(people), len(people), met, status, text + "。",
                         ask.refs(), people=each, missing=missing, behind=behind)


def _left_out(requirement: Requirement) -> tuple[str, ...]:
    """The roles a coverage does not ask about: those who hold the talks."""
    if not (requirement.counts and requirement.counts.ledger == "talk"):
        return ()
    if requirement.role is Role.LEADERSHIP_MEMBER:
        return (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER)
    return (vocab.ROLE_SECRETARY,)


def _in_scope(requirement: Requirement, roster: Sequence[Person], window: _Window,
              reached: set[str]) -> list[Person]:
    people = to_reach(list(roster), window.start, window.checkpoint, reached)
    left_out = _left_out(requirement)
    return [p for p in people if p.role not in left_out]


def _scope_basis(requirement: Requirement) -> str:
    """Whom "应覆盖N人" counts, where it is not everyone on the roster (the reader of the
    report cannot tell otherwise whom a plan's "分管部门负责人" were taken to be)."""
    left_out = _left_out(requirement)
    return f"（人员名册中在岗的，{'和'.join(left_out)}除外）" if left_out else ""


def _check_coverage(key: str, requirement: Requirement, window: _Window, ask: _Ask,
                    roster: Sequence[Person]) -> ChecklistItem:
    target = requirement.coverage or 0
    names = ask.reached()
    scope = _in_scope(requirement, roster, window, names)
    label = requirement.counts.label if requirement.counts else ""
    when = _scope_words(requirement, window)
    expected = target * window.elapsed // window.units
    if not scope:
        status = Status.FAILED if window.over else Status.BEHIND
        day = window.checkpoint
        text = (f"人员名册中没有在职人员，无法计算{label}覆盖面，请先填写人员名册。"
                if not any(p.active or p.left_on for p in roster) else
                f"人员名册中没有{day.year}年{day.month}月{day.day}日在岗的人员，无法计算{label}"
                "覆盖面，请核对人员的到岗、离岗日期。")
        return ChecklistItem(f"{key}-coverage", requirement, "coverage", requirement.period,
                             window.start, window.end, target, expected, None, status, text,
                             ask.refs())
    reached = [p.name for p in scope if p.name in names]
    actual = round(100 * len(reached) / len(scope))
    status = _status(actual, target, expected, window)
    missing = [p.name for p in scope if p.name not in reached]
    gone = [p.name for p in scope if not p.in_post(window.checkpoint)]
    text = (f"{when}{label}覆盖 {len(reached)} 人"
            + (f"（含期间已离岗的{'、'.join(gone)}）" if gone else "")
            + f"，占应覆盖 {len(scope)} 人{_scope_basis(requirement)}的 {actual}%，"
            f"要求达到 {target}%")
    if missing and status is not Status.DONE:
        shown = "、".join(missing[:6]) + ("等" if len(missing) > 6 else "")
        text += f"；尚未覆盖：{shown}"
    return ChecklistItem(f"{key}-coverage", requirement, "coverage", requirement.period,
                         window.start, window.end, target, expected, actual, status, text + "。",
                         ask.refs(), missing=missing)


def _check_share(key: str, requirement: Requirement, window: _Window,
                 ask: _Ask) -> ChecklistItem:
    target = requirement.share or 0
    label = requirement.counts.label if requirement.counts else "约谈"
    when = _scope_words(requirement, window)
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


def sources_words(sources: tuple[str, ...]) -> str:
    """"巡察反馈的" before 整改事项 where a duty counts some 问题来源 only: section one
    counts every item, and "整改事项2件" beside its "4个问题" would contradict it."""
    return f"{'、'.join(sources)}的" if sources else ""


def carried_words(carried: int, total: int) -> str:
    """"（含往年未完成2件）", or "（均为往年未完成）" when all are: not "4件（含…4件）"."""
    if not carried:
        return ""
    return "（均为往年未完成）" if carried == total else f"（含往年未完成 {carried} 件）"


def _check_rectification(key: str, requirement: Requirement, window: _Window,
                         ask: _Ask) -> ChecklistItem:
    """做好巡察整改: met only when the items are fixed (已完成, or 长期坚持 with its measures)
    and each fixed item has had its 回头看 — one item still 整改中 is not done."""
    when = _scope_words(requirement, window)
    # as the items stood on the checkpoint, not as they stand today
    sources = requirement.counts.types if requirement.counts else ()  # 巡察整改: 巡察反馈
    summary = ask.source.rectification_summary(ask.start, ask.end, ask.end, sources, ask.due)
    total, fixed, standing, reviewed = (summary.total, summary.fixed, summary.standing,
                                        summary.reviewed)
    open_items = total - fixed
    parts = [f"{when}{sources_words(sources)}整改事项 {total} 件"
             f"{carried_words(summary.carried, total)}"]
    if fixed:
        done = [f"已完成 {fixed - standing} 件" if fixed > standing else "",
                f"长期坚持 {standing} 件" if standing else ""]
        parts.append("、".join(p for p in done if p))
        if reviewed:  # of all the fixed ones, not of the last named
            parts.append(f"已“回头看” {reviewed} 件")
    if open_items:
        parts.append(f"尚在整改 {open_items} 件"
                     + (f"（其中 {summary.due} 件到期未完成）" if summary.due else ""))
    if requirement.manual_done:
        status, tail = Status.DONE, "已手工标记为完成"
    elif total and reviewed == total:
        status, tail = Status.DONE, "均已整改到位并“回头看”"
    else:  # an item past its deadline is not "in progress": the report lists it a problem
        status = Status.FAILED if window.over else (
            Status.BEHIND if summary.due else Status.ON_TRACK)
        if not total:
            tail = "尚无整改事项记录"
        elif open_items:
            tail = "全部整改完成并“回头看”后方为完成"
        else:
            tail = "尚待“回头看”"
    text = "，".join(parts) + "；" + tail if total else f"{when}{tail}"
    return ChecklistItem(key, requirement, "manual", requirement.period, window.start,
                         window.end, None, None, reviewed, status, text + "。",
                         ask.refs())


def _check_unnumbered(key: str, requirement: Requirement, window: _Window,
                      ask: _Ask) -> ChecklistItem:
    when = _scope_words(requirement, window)
    if requirement.counts is not None and requirement.counts.ledger == "rectification":
        return _check_rectification(key, requirement, window, ask)
    found = ask.count() if requirement.counts is not None else ask.count_pointed_here()
    if requirement.manual_done:
        status, text = Status.DONE, "此项无量化指标，已手工标记为完成"
        if requirement.note:
            text += f"（{requirement.note}）"
    elif found:
        label = requirement.counts.label if requirement.counts else ""
        pointed = ask.count_pointed_here()
        by_type = f"{label}记录 {found - pointed} 条" if found > pointed else ""
        chosen = f"指定计入此项的记录 {pointed} 条" if pointed else ""
        found_words = "，另有".join(part for part in (by_type, chosen) if part)
        status, text = Status.DONE, f"此项无量化指标，{when}已有{found_words}"
    else:
        status = Status.FAILED if window.over else Status.ON_TRACK
        record = f"录入{requirement.counts.label}记录" if requirement.counts else \
            "录入记录并在“计入要求”中选此项"
        text = f"此项无量化指标，{when}尚无相关记录；完成后请{record}，或在“年度计划”中标记"
    return ChecklistItem(key, requirement, "manual", requirement.period, window.start,
                         window.end, None, None, found, status, text + "。", ask.refs())


def _not_due(key: str, requirement: Requirement, window: _Window,
             quarter: Quarter) -> ChecklistItem:
    measure = "count" if requirement.target is not None else "manual"
    text = (f"{quarter.label}自 {window.start.month}月{window.start.day}日起，"
            "截至查看日期尚未开始。")
    return ChecklistItem(key, requirement, measure, requirement.period, window.start, window.end,
                         requirement.target, None, None, Status.NOT_DUE, text)


def _check_monthly(key: str, requirement: Requirement, source: RecordSource,
                   quarter: Quarter, as_of: date) -> ChecklistItem:
    """每月: checked month by month; one missed month fails the quarter's item."""
    target = requirement.target or 0
    if as_of < quarter.start:
        window = _Window(quarter.start, quarter.end, quarter.start, 0, 3)
        return _not_due(key, requirement, window, quarter)
    if requirement.counts is not None and requirement.id is not None:
        requirement = _with_link(requirement)
    label, unit = requirement.counts.label if requirement.counts else "", requirement.unit
    checkpoint = min(as_of, quarter.end)
    parts, total, failed, met = [], 0, False, 0
    for offset in range(3):
        month = quarter.start.month + offset
        start = date(quarter.year, month, 1)
        if start > checkpoint:
            break
        end = _month_end(quarter.year, month)
        found = _Ask(source, requirement, start, min(end, checkpoint)).count()
        total += found
        parts.append(f"{month}月 {found} {unit}")
        if found >= target:
            met += 1
        elif end <= checkpoint:
            failed = True
    status = Status.DONE if met == 3 else Status.FAILED if failed else Status.ON_TRACK
    text = f"本季度{label}：{'、'.join(parts)}，要求每月不少于 {target} {unit}。"
    return ChecklistItem(key, requirement, "count", Period.MONTH, quarter.start, quarter.end,
                         target * 3, target * 3, total, status, text,
                         _Ask(source, requirement, quarter.start, checkpoint).refs())


__all__ = ["Checklist", "ChecklistItem", "Status", "build_checklist", "in_role", "people_in_role",
           "verb_for"]
