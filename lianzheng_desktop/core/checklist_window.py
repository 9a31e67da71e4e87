"""The checklist's reasoning about periods and deadlines: the span a requirement is judged
over (its quarter, half-year or year, counted up to the checkpoint — the quarter's end, or
the as-of date if earlier), how many of its units (months of a quarter, quarters of a
half-year or year) have passed, whether it is over, and what that makes a count — done,
on track against the pro-rated floor(target × elapsed / units), behind, or failed once the
period is over. Also the words for the period ("本季度", "上半年") and for the days left,
and the item of a requirement whose period has not begun."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from lianzheng_desktop.core.checklist_model import ChecklistItem, Status
from lianzheng_desktop.core.checklist_words import span_words
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement


@dataclass(frozen=True)
class Window:
    start: date
    end: date  # the period's last day
    checkpoint: date  # count up to here
    elapsed: int  # completed units (quarters or months) at the checkpoint
    units: int
    lag: int = 0  # days the period is shifted by: a return handed in after it ends
    # a return whose deadline has passed: the last day one handed in late is its own (up
    # to the as-of date, before the next period's return is due)
    late_until: date | None = None
    due_today: bool = False  # a return's deadline is today: it can still be handed in
    working: int = 0  # a return due so many working days after its period (not ``lag``)

    @property
    def over(self) -> bool:
        return self.checkpoint >= self.end and not self.due_today


def window_of(requirement: Requirement, quarter: Quarter, as_of: date,
              today: date | None = None) -> Window:
    """The span ``requirement`` is checked over in ``quarter`` as of ``as_of``. A return
    handed in after its period (core.returns) has a window of its own (``window_for``); a
    paper made after the quarter (``today`` later than ``as_of``, its end) sees the return
    handed in since, up to its deadline: the paper on the fourth quarter made on 1月10日
    counts the return of 1月5日 (revcode2 J), and names one handed in later still
    (``late_until``). On its deadline day, as of that day, it is still due, not missed
    (revlast7 F8). The last period's return, due in this quarter's first days, is not this
    quarter's: it was, on 首页 and in the paper, until revjiwei8 D (core.returns.ending_with
    tells 首页 of it)."""
    from lianzheng_desktop.core.returns import working_days

    lag = requirement.handed_in_after
    if lag and today is not None and as_of == quarter.end and ends_with(requirement.period,
                                                                       quarter):
        # a paper made since (not a 截至 she chose: revdiff8 12), on the return of a period
        # ending with its quarter (not the year's 总结 in the third quarter: revlast8 F10)
        as_of = max(as_of, today)
    window = window_for(requirement.period, quarter, as_of, lag,
                        working_days(requirement) if lag else 0)
    if lag and window.checkpoint == window.end == today:  # not yet missed (revlast7 F8)
        window = replace(window, elapsed=0, due_today=True)
    return window


def ends_with(period: Period | None, quarter: Quarter) -> bool:
    """Whether a period of this kind ends with ``quarter``: every quarter's, the half-year's
    with the second and fourth, the year's with the fourth."""
    return period is Period.QUARTER or quarter.number == 4 or (
        period is Period.HALF and quarter.number == 2)


def window_for(period: Period | None, quarter: Quarter, as_of: date, lag: int = 0,
               working: int = 0) -> Window:
    """``lag``: a return on the period, handed in up to that many days after it ends
    (core.returns; ``working``: so many working days): counted from the period's last
    month to its deadline — the first quarter's form from 3月1日 to 4月7日; one handed in
    late, on 10月9日, is no return of the fourth quarter (revlast7 F1)."""
    window = _calendar_window(period, quarter, as_of)
    if not lag:
        return window
    start = _returns_from(period, window.end)
    end = deadline(window.end, lag, working)
    checkpoint = min(as_of, end)
    following = _returns_from(period, _next_end(period, window.end))
    late_until = min(as_of, following - timedelta(days=1))
    return Window(start, end, checkpoint, int(checkpoint >= end), 1, lag,
                  late_until if late_until > end else None, working=working)


def deadline(end: date, lag: int, working: int = 0) -> date:
    """The day a return is due, ``lag`` days after its period's ``end`` (or ``working``
    working days: core.workdays): days after 12月31日 are counted (core.returns) on a year
    with 2月29日, so they name a month and day — 次年3月10日, 次年2月底 — kept as that day
    in any year (revlast9 G3: a day early before a leap year)."""
    if working:
        from lianzheng_desktop.core import workdays

        return workdays.after(end, working)
    due = end + timedelta(days=lag)
    if end.month != 12 or lag <= 31:
        return due
    from lianzheng_desktop.core.returns import LEAP

    named = date(LEAP, 1, 1) + timedelta(days=lag - 1)
    if named == month_end(LEAP, named.month):  # a month's last day: 2月底
        return month_end(end.year + 1, named.month)
    return date(end.year + 1, named.month, named.day)


def reported_on(period: Period | None, day: date) -> tuple[date, date]:
    """The period a return handed in on ``day`` reports on, as (first day, last day): the
    latest whose window has opened by then (``_returns_from``), so a window runs until the
    next one opens — the third quarter's form of 10月20日 is the third quarter's, handed in
    late; the fourth's of 1月5日 the fourth's; last year's 总结 of 1月12日 last year's."""
    quarter, spans = Quarter.containing(day), []
    for _ in range(6):  # back over a year and a half: every kind of period's last two
        window = _calendar_window(period, quarter, quarter.end)
        spans.append((window.start, window.end))
        quarter = quarter.previous()
    return max(span for span in spans if _returns_from(period, span[1]) <= day)


def _returns_from(period: Period | None, end: date) -> date:
    """The first day a return on the period ending on ``end`` is counted: its last month,
    or its last two for a year's (a 总结 sent on 11月27日: revyear4 Y5)."""
    return date(end.year, end.month - (1 if period in (Period.YEAR, None) else 0), 1)


def _next_end(period: Period | None, end: date) -> date:
    """The last day of the period after the one ending on ``end``."""
    months = {Period.QUARTER: 3, Period.HALF: 6}.get(period, 12)  # type: ignore[arg-type]
    month = end.month + months
    return month_end(end.year + (month - 1) // 12, (month - 1) % 12 + 1)


def _calendar_window(period: Period | None, quarter: Quarter, as_of: date) -> Window:
    checkpoint = min(as_of, quarter.end)
    if period is Period.QUARTER:
        start, end, units = quarter.start, quarter.end, 3
        month_ends = [month_end(quarter.year, start.month + m) for m in range(3)]
        elapsed = sum(1 for end_of_month in month_ends if end_of_month <= checkpoint)
    elif period is Period.HALF:
        start, end, units = quarter.half_start, quarter.half_end, 2
        elapsed = sum(1 for q in _quarters_between(start, end) if q.end <= checkpoint)
    else:
        start, end, units = date(quarter.year, 1, 1), date(quarter.year, 12, 31), 4
        elapsed = sum(1 for n in range(1, 5) if Quarter(quarter.year, n).end <= checkpoint)
    return Window(start, end, min(checkpoint, end), elapsed, units)


def _quarters_between(start: date, end: date) -> list[Quarter]:
    first = Quarter.containing(start)
    return [q for q in (first, first.next()) if q.end <= end]


def month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def status_of(actual: int, target: int, expected: int, window: Window) -> Status:
    if actual >= target:
        return Status.DONE
    if window.over:
        return Status.FAILED
    return Status.ON_TRACK if actual >= expected else Status.BEHIND


def scope_words(requirement: Requirement, window: Window) -> str:
    if window.lag:
        return handing_in_days(window.start, window.end)
    return span_words(requirement.period, window.start)


def handing_in_days(start: date, end: date) -> str:
    """12月1日至1月7日: the days a return is handed in, with the years when they cross one
    ("次年", read in January, was taken for the year after: revyear4 Y3)."""
    if end.year > start.year:
        return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    return f"{start.month}月{start.day}日至{end.month}月{end.day}日"


def days_left(window: Window, period: Period | None) -> str:
    days = (window.end - window.checkpoint).days
    end = {Period.QUARTER: "季度末", Period.HALF: "半年末"}.get(period, "年底")  # type: ignore
    if window.due_today:  # on paper too, read later: the day, not "今天" (revdiff8 16)
        return f"，{window.end.month}月{window.end.day}日为报送期限，当日仍可报送"
    if window.lag:
        year = f"{window.end.year}年" if window.end.year > window.checkpoint.year else ""
        end = f"{year}{window.end.month}月{window.end.day}日报送期限"
    return f"，距{end}还有 {days} 天" if days > 0 else ""


def not_due(key: str, requirement: Requirement, window: Window,
            quarter: Quarter) -> ChecklistItem:
    measure = "count" if requirement.target is not None else "manual"
    text = (f"{quarter.label}自 {window.start.month}月{window.start.day}日起，"
            "截至查看日期尚未开始。")
    if window.lag:  # a return: when it is handed in, not "第二季度自12月1日起"
        text = f"{scope_words(requirement, window)}报送，截至查看日期尚未开始。"
    return ChecklistItem(key, requirement, measure, requirement.period, window.start, window.end,
                         requirement.target, None, None, Status.NOT_DUE, text)
