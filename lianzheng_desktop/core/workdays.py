"""Working days (个工作日), as a return's deadline counts them: "每季度结束后5个工作日内报送"
after 9月30日 runs past 国庆 to 10月13日, not to 10月7日 (revnew6 U1: a form handed in on
10月12日 was printed "逾期5天").

The official calendar — the public holidays and the weekend days worked in their place
(调休), as the State Council publishes them each year — comes from the chinese_calendar
package, which knows the years up to its release. For a later year: Monday to Friday, less
the holidays fixed by date (元旦; 劳动节 5月1日至5日; 国庆 10月1日至7日). That day is never
earlier than those holidays make it, so a return is not called late for them.
"""

from __future__ import annotations

from datetime import date, timedelta

_FIXED = {(1, 1)} | {(5, d) for d in range(1, 6)} | {(10, d) for d in range(1, 8)}


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
