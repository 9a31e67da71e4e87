"""A year's review meeting held early in the next year: "2025年度支委班子民主生活会" on 5
February 2026 is 2025's 民主生活会, not 2026's (revjiwei6 G5, revjiwei7 F5: it ticked
2026's "每年一次民主生活会" while 2026's was still to come). Such a record does not count by
its type for its own date's year; pointed at a requirement (计入要求), it counts there."""

from __future__ import annotations

import re
from datetime import date

# "<year>年度" before the name of a year's review: 民主生活会, 组织生活会, 民主评议(党员)
_NAMED = re.compile(r"(20\d{2})\s*年度[^，。；;,]{0,12}?(?:民主生活会|组织生活会|民主评议)")


def named_year(topic: str) -> int | None:
    """The year a review meeting's topic says it is of, if it says one."""
    found = _NAMED.search(topic or "")
    return int(found.group(1)) if found else None


def of_an_earlier_year(day: date, topic: str) -> bool:
    """Whether a record of ``day`` is a review of a year before ``day``'s."""
    year = named_year(topic)
    return year is not None and year < day.year
