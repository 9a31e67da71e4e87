"""A return on a period: a form or a report on it (纪实表, 工作总结), handed in after the
period ends by words tied to that end — 季末次月7日前, 每季度结束后10个工作日内, 半年结束后
15日内, 次年1月15日前 (revjiwei7 F3). It is counted for the period it reports on, in a
window from the period's last month to the deadline (core.checklist_window): a form of
the first quarter handed in on 4月7日 is the first quarter's; one of the third handed in
late, on 10月9日, is no return of the fourth (revlast7 F1).

Not a return: a meeting whose minutes follow it (会议结束后5日内报送会议纪要), a monthly
report's 次月5日前, or a 交流研讨 (revdiff7 F1, revlast7 F5).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from lianzheng_desktop.core.numerals import parse_number
from lianzheng_desktop.core.plan_vocab import PAPERS

if TYPE_CHECKING:
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.core.plan import Plan, Requirement


class _Dated(Protocol):  # a record with a type and a day (core.records' ledgers)
    type: str
    date: date


R = TypeVar("R", bound=_Dated)
_N = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_AFTER_THE_END = {
    "quarter": re.compile(rf"(?:季末|季度末|每季度?末?)次月{_N}[日号](?:之)?前"
                          rf"|季度?末?结束后{_N}(个工作)?日内"),
    "half": re.compile(rf"半年度?末?结束后{_N}(个工作)?日内"),
    "year": re.compile(rf"年度?末?结束后{_N}(个工作)?日内"),
}
# 次年1月15日前, 次年一月底前, 次年2月10日前: a day of the next year's first months
_NEXT_YEAR = re.compile(rf"次年(?P<month>元|{_N})月(?:(?P<day>{_N})[日号]|(?P<end>底))(?:之)?前")
RETURN_VERBS = ("报送", "填写", "填报", "上报", "提交", "呈报")
LEAP = 2004  # the year the next year's days are counted on (it has 2月29日)
_NOT_HANDING = ("交流", "交心", "交换", "交叉", "交办")


def is_return(label: str) -> bool:
    """Whether what a duty counts is a paper handed in: 报送…, 交…, 向县纪委报送, or a paper
    by its name (主体责任纪实表, as she may rename the type: revlast7 F10)."""
    return label.startswith(RETURN_VERBS) or any(word in label for word in PAPERS) \
        or (label.startswith("交") and not label.startswith(_NOT_HANDING)) \
        or (label.startswith("向") and label.endswith(("报送", "报告", "汇报")))


def handed_in(requirement: Requirement) -> tuple[int, str] | None:
    """(days after the period's end, the plan's words for it), or None: not a return."""
    period, counts = requirement.period, requirement.counts
    if period is None or period.value not in _AFTER_THE_END or counts is None \
            or not is_return(counts.label):
        return None
    pattern = _AFTER_THE_END[period.value]
    # its own words, or the sentence they stand in (…总结，于次年1月15日前报送: revlast7 F3)
    words = (requirement.text, requirement.own_sentence()[1])
    if period.value == "year" and (due := next(filter(None, map(_NEXT_YEAR.search, words)),
                                               None)):
        return _into_next_year(due)
    found = pattern.search(words[0]) or pattern.search(words[1])
    if found is None:
        return None
    days = parse_number(next(g for g in found.groups() if g and g != "个工作"))
    if "个工作" in found.group(0):  # working days: the calendar days they take at most
        days = -(-days * 7 // 5)
    return (days, found.group(0)) if 1 <= days <= 31 else None


def working_days(requirement: Requirement) -> int:
    """N where a return is due N working days after its period (N个工作日内), its day then
    counted on the official calendar (core.workdays); 0 where the plan counts days."""
    found = handed_in(requirement)
    said = re.search(_N + "个工作", found[1]) if found else None
    return parse_number(said.group(1)) if said else 0


def _into_next_year(due: re.Match) -> tuple[int, str] | None:
    """Days from 12月31日 to 次年M月D日 (or to the month's end: 次年1月底前, revdiff8 4;
    次年2月10日前, revlast8 F3), up to 次年3月 — counted on a leap year, so that 2月28日 and
    2月底 stay apart (checklist_window.deadline names the day again: revlast10 4)."""
    month = 1 if due["month"] == "元" else parse_number(due["month"])  # 元月: January
    if not 1 <= month <= 3:
        return None
    last = date(LEAP, month + 1, 1) - timedelta(days=1)  # the month's last day
    day = last.day if due["end"] else min(parse_number(due["day"]), last.day)
    return (date(LEAP, month, day) - date(LEAP - 1, 12, 31)).days, due.group(0)


def ending_with(plan: Plan, quarter: Quarter, day: date) -> Plan:
    """The returns of ``plan`` on the periods that end with ``quarter``, as of ``day`` in
    the quarter after it: the quarter's until the next quarter's falls due (its last month),
    the half-year's after the second and fourth, the year's after the fourth. Still owed
    or overdue then, 首页 says so whatever quarter it shows (revjiwei8 D, H, N)."""
    from lianzheng_desktop.core.checklist_window import ends_with
    from lianzheng_desktop.core.plan import Period

    following = quarter.next().end
    next_due = day >= date(following.year, following.month, 1)  # the next quarter's form
    return replace(plan, requirements=[
        r for r in plan.requirements if r.handed_in_after and ends_with(r.period, quarter)
        and not (r.period is Period.QUARTER and next_due)])


def _meetings() -> frozenset[str]:
    from lianzheng_desktop.core.ledgers import LEDGERS

    spec = LEDGERS["activity"]
    return frozenset(spec.field(str(spec.type_field)).choices)


# the ledger's own kinds of meeting and work (履责报告, 专题会议 …): held in their days, and a
# return that counts them (次年1月10日前报送述责述廉材料, 每季度结束后10日内向党支部报告履行一岗
# 双责情况) takes one for the period before only when it was by that period's deadline —
# never as a late paper: every 述责 meeting of the year was taken for last year's
# (revlast13 S1), a report of 5月20日 for the first quarter's, "逾期40天" (revlast15 V1),
# while a report of 4月6日 on the first quarter stays the first quarter's (revlast14 T1).
_HELD_IN_ITS_DAYS = _meetings()


class Placed(NamedTuple):
    start: date  # the period the return reports on
    end: date
    due: date  # its deadline


def placed(kind: str, day: date, returns: Sequence[Requirement]) -> Placed | None:
    """The period a record of ``kind`` handed in on ``day`` reports on, and its deadline;
    None when no return of ``returns`` counts that kind. Where two count it (每季度…报送工作
    总结 and 年度工作总结于次年1月15日前…), the one it is on time for, else the one it is
    least late for (revdiff9 D1: the last read took every record, so the quarters' forms
    fell out of every paper, or the year's 总结 of 1月12日 was called late)."""
    from lianzheng_desktop.core.checklist_window import deadline, reported_on

    found = []
    for r in returns:
        if r.counts is not None and kind in r.counts.types:
            first, last = reported_on(r.period, day)
            due = deadline(last, r.handed_in_after, working_days(r))
            if kind not in _HELD_IN_ITS_DAYS or last < day <= due:
                found.append(Placed(first, last, due))
    # on time for one: the nearest deadline; late for all: the least late (revlast12 R1: a
    # third quarter's form of 10月20日 was given to last year's 总结, most late of all)
    return min(found, key=lambda p: (day > p.due, abs((day - p.due).days)), default=None)


def as_reported(records: Sequence[R], returns: Sequence[Requirement], start: date, end: date,
                later: Sequence[R] = (),
                returned: Mapping[int, Collection[str]] | None = None) -> list[R]:
    """What a paper on ``start``..``end`` lists of ``records`` (its days): a return — a
    record of a type the ``returns`` count — on a period that ended before ``start`` is that
    period's (last quarter's form, handed in in this one's first days, or late: revjiwei9
    J1, J2); and of ``later`` (handed in since, up to the day the paper is made) the returns
    on a period ending within it are its own (the fourth quarter's form of 1月5日).
    ``returned``: the kinds each year's plan counts as returns; a return on a year whose
    plan does not (or that has none) stays where it is dated, for that year's paper lists
    it nowhere (revlast13 S2: the first year's January held last year's 总结, listed
    nowhere; revlast14 T2: so did a year whose plan asked no 总结)."""
    def ends(record: R) -> date | None:
        found = placed(record.type, record.date, returns)
        if found is None or returned is not None and record.type not in returned.get(
                found.end.year, ()):
            return None
        return found.end

    return [r for r in records if (ends(r) or start) >= start] + [
        r for r in later if start <= (ends(r) or date.min) <= end]
