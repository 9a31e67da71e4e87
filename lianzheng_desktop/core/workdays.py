"""Working days (个工作日), as a return's deadline counts them: "每季度结束后5个工作日内报送"
after 9月30日 runs past 国庆 to 10月13日, not to 10月7日 (revnew6 U1: a form handed in on
10月12日 was printed "逾期5天").

The official calendar — the public holidays and the weekend days worked in their place
(调休), as the State Council publishes them each year — comes from the chinese_calendar
package, which knows the years up to its release. For a later year: Monday to Friday, less
the holidays that fall on the same days each year (元旦; 清明, by the solar term on 4月4日
or 5日, taken as 4月4日至6日; 劳动节 5月1日至5日; 国庆 10月1日至7日): a first quarter's
form of 4月8日 in 2027 was called late (revdiff10 E4). The lunar holidays (春节, 端午,
中秋) move by weeks and are not guessed: a return due in the days of 春节 in such a year
may be reckoned due before it.
"""

from __future__ import annotations

from datetime import date, timedelta

_FIXED = {(1, 1)} | {(4, d) for d in range(4, 7)} | {(5, d) for d in range(1, 6)} \
    | {(10, d) for d in range(1, 8)}


def is_workday(day: date) -> bool:
    import chinese_calendar  # loaded by a plan that counts working days, not at every start

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:  # a year published after the package
        return day.weekday() < 5 and (day.month, day.day) not in _FIXED


def after(end: date, count: int) -> date:
    """The ``count``-th working day after ``end``."""
    day = end
    while count > 0:
        day += timedelta(days=1)
        count -= is_workday(day)
    return day
