"""The window's today: the day it was opened on with ``--today`` (or the demo's own), else
the real day, read each time it is needed.

A window is left open for days on an office PC. Held from the moment it opened, "today"
stayed the day before: on 1 January a new record's 日期 offered 31 December and the real
date was refused as later than today, so the year's first meeting went into last year's
quarter (revclose3 C). Pages and forms keep the day they were given (``_fixed_today``,
None for the real one) and hand that on, never the value of the moment.
"""

from __future__ import annotations

from datetime import date


def real_today() -> date:
    return date.today()


class FollowsToday:
    """``_today``: the fixed day if one was given, else the real day now."""

    _fixed_today: date | None = None

    @property
    def _today(self) -> date:
        return self._fixed_today or real_today()
