"""Issue 3: the checklist for one quarter on 10 years × 5,000 records vs the demo year."""

from datetime import date

from benchmarks.common import database, open_store, paired_medians, report
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.storage.plans import load_checklist


def main() -> None:
    small = open_store(database("demo"))
    big = open_store(database("ten-years", years=10, per_year=5000))
    quarter, as_of = Quarter(2022, 3), date(2022, 9, 30)
    # About a millisecond each: many repeats, or scheduler noise decides the ratio.
    baseline, measured = paired_medians(lambda: load_checklist(small, quarter, as_of),
                                        lambda: load_checklist(big, quarter, as_of), 101)
    records = sum(big.count(k) for k in ("warning_education", "talk", "rectification",
                                         "activity"))
    report("checklist 2022Q3", [("demo year (58 entries)", baseline),
                                (f"10 years ({records:,} records)", measured)],
           ("ratio 10 years / demo year", measured / baseline, 1.5))
