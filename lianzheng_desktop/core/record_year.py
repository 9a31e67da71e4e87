"""A year's review meeting held early in the next year: "2025年度支委班子民主生活会" on 5
February 2026 is 2025's 民主生活会, not 2026's (revjiwei6 G5, revjiwei7 F5: it ticked
2026's "每年一次民主生活会" while 2026's was still to come). For a counted yearly duty
(``Counts.own_year_only``) such a meeting counts for the year it names — 2025's, looked at
once it has been held — not its date's; pointed at a requirement (计入要求), it counts there.

Only a record of a review's own kind (民主生活会, 组织生活会, 民主评议) is read so: a 专题会议
"研究2025年度民主生活会查摆问题整改工作" held in March is March's meeting (revdiff6 1)."""

from __future__ import annotations

import re
from datetime import date

REVIEWS = ("民主生活会", "组织生活会", "民主评议")
# "<year>年度" before the name of a year's review
_NAMED = re.compile(rf"(20\d{{2}})\s*年度[^，。；;,]{{0,12}}?(?:{'|'.join(REVIEWS)})")


def named_year(topic: str) -> int | None:
    """The year a review meeting's topic says it is of, if it says one."""
    found = _NAMED.search(topic or "")
    return int(found.group(1)) if found else None


def review_year(day: date, kind: str, topic: str) -> int | None:
    """The year a review meeting of ``day`` is of, when that is not ``day``'s: a meeting of
    a review's kind whose topic names an earlier 年度. None for any other record."""
    if not any(review in (kind or "") for review in REVIEWS):
        return None
    year = named_year(topic)
    return year if year is not None and year < day.year else None
