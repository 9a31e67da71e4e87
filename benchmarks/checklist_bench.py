"""The checklist for one quarter on 10 years × 5,000 records vs the demo year: in process
(issue 3) and as the command a secretary or a script runs (issue 16)."""

import statistics
import subprocess
import sys
from datetime import date
from pathlib import Path

from benchmarks.common import alternate, database, open_store, paired_medians, report, timed
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.storage.plans import load_checklist

COMMAND_REPEATS = 11


def _command(db: Path):
    argv = [sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "checklist",
            "--quarter", "2022Q3", "--as-of", "2022-09-30", "--json"]
    return timed(lambda: subprocess.run(argv, check=True, capture_output=True))


def main() -> None:
    small_db, big_db = database("demo"), database("ten-years", years=10, per_year=5000)
    small, big = open_store(small_db), open_store(big_db)
    quarter, as_of = Quarter(2022, 3), date(2022, 9, 30)
    # About a millisecond each: many repeats, or scheduler noise decides the ratio.
    baseline, measured = paired_medians(lambda: load_checklist(small, quarter, as_of),
                                        lambda: load_checklist(big, quarter, as_of), 101)
    records = sum(big.count(k) for k in ("warning_education", "talk", "rectification",
                                         "activity"))
    report("checklist 2022Q3", [("demo year (58 entries)", baseline),
                                (f"10 years ({records:,} records)", measured)],
           ("ratio 10 years / demo year", measured / baseline, 1.5))
    # The first command on a file checks it whole (storage/verified.py); alternate() runs
    # each once before timing, so what is timed is every run after that.
    demo_runs, big_runs = alternate(_command(small_db), _command(big_db), COMMAND_REPEATS)
    ratio = statistics.median(b / d for d, b in zip(demo_runs, big_runs, strict=True))
    report("checklist --quarter 2022Q3 --json, as a command (subprocess)", [
        ("demo year", statistics.median(demo_runs)),
        (f"10 years ({big_db.stat().st_size / 1e6:.0f} MB)", statistics.median(big_runs))],
        ("ratio 10 years / demo year (median of pairs)", ratio, 1.2))
