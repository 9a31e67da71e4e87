"""Shared helpers: build databases once per run, time things by their median."""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from lianzheng_desktop.core.demo import PROFILE, demo_year, synthetic_years
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.demo_loader import load_entries
from lianzheng_desktop.storage.store import Store

# Each run builds its files afresh here (10- and 20-year files: about 800 MB a run) and
# removes them when it ends; LIANZHENG_BENCH_KEEP=1 keeps them to look at.
WORK = Path(tempfile.mkdtemp(prefix="lianzheng-bench-"))
if not os.environ.get("LIANZHENG_BENCH_KEEP"):
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)
CLOCK = datetime(2022, 12, 31, 17)
T = TypeVar("T")


def median_seconds(action: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternate(baseline: Callable[[], T], measured: Callable[[], T],
              repeats: int) -> tuple[list[T], list[T]]:
    """What each returns, run alternately after one warm-up of each.

    Alternating puts both under the same machine load (the machines are shared), so a
    burst of noise cannot land on one side of the ratio only.
    """
    baseline()
    measured()
    first: list[T] = []
    second: list[T] = []
    for _ in range(repeats):
        first.append(baseline())
        second.append(measured())
    return first, second


def timed(action: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    return run


def paired_medians(baseline: Callable[[], object], measured: Callable[[], object],
                   repeats: int) -> tuple[float, float]:
    """Median seconds of each, run alternately (see ``alternate``)."""
    first, second = alternate(timed(baseline), timed(measured), repeats)
    return statistics.median(first), statistics.median(second)


def database(name: str, years: int | None = None, per_year: int = 5000) -> Path:
    """The demo year (years None) or a synthetic ledger, in a file made once per run."""
    path = WORK / f"{name}.db"
    if not path.exists():
        store = Store(open_db(path), clock=lambda: CLOCK)
        entries = demo_year() if years is None else synthetic_years(years, per_year)
        load_entries(store, entries, PROFILE)
        store.db.close()
    return path


def open_store(path: Path) -> Store:
    return Store(open_db(path), clock=lambda: CLOCK)


def report(title: str, rows: list[tuple[str, float]],
           ratio: tuple[str, float, float | None]) -> None:
    """Print timings and a ratio; ``None`` as the ratio's target means it has none."""
    print(f"\n== {title}")
    for label, seconds in rows:
        print(f"  {label:<44} {seconds * 1000:9.1f} ms")
    name, value, target = ratio
    if target is None:
        print(f"  {name:<44} {value:9.2f} ×")
        return
    verdict = "within target" if value <= target else "OVER TARGET"
    print(f"  {name:<44} {value:9.2f} ×   (target ≤ {target} ×: {verdict})")
