"""Issue 17 finding 4: what putting every table into the audit trail costs.

* a report draft saved as the user types (``save_texts``), with and without its audit
  entry, in the same run and alternating, on a file whose log already holds thousands of
  earlier saves;
* ``check``'s comparison of the covered tables (``trail.problems``) beside the ledgers'
  own (``audit.verify`` without it);
* 0011's data step on a large synthetic file (every record given 补录 and its times).
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from unittest import mock

from benchmarks.common import CLOCK, WORK, alternate, database, open_store, report, timed
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import audit, data_steps, reports, trail

EARLIER_SAVES = 5000
SECTIONS = {f"{n}、第{n}部分": "本季度支部认真落实全面从严治党主体责任。" * 60
            for n in "一二三四五"}  # about 6,000 characters, a full report


def _save_texts() -> None:
    path = shutil.copy(database("demo"), WORK / "trail-drafts.db")
    store = open_store(path)
    period = ReportPeriod(2022, 4)
    for n in range(EARLIER_SAVES):  # a season of typing, each pause one save
        reports.save_texts(store, period, {**SECTIONS, "一、第一部分": str(n)})
    size = store.db.execute("SELECT sum(length(coalesce(before, '')) + length(coalesce("
                            "after, '')) + 200) FROM audit_log WHERE ledger = 'report_draft'"
                            ).fetchone()[0]
    counter = iter(range(10**9))

    def save() -> None:
        reports.save_texts(store, period, {**SECTIONS, "一、第一部分": str(next(counter))})

    def save_unlogged() -> None:  # save_texts as it was before 0011
        with store.atomic():
            store.db.execute(
                "INSERT INTO report_draft (period, sections, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (period) DO UPDATE SET sections = excluded.sections,"
                " updated_at = excluded.updated_at",
                [period.code, json.dumps({**SECTIONS, "一、第一部分": str(next(counter))},
                                         ensure_ascii=False), CLOCK.isoformat()])

    first, second = alternate(timed(save_unlogged), timed(save), 200)
    base, logged = statistics.median(first), statistics.median(second)
    report(f"report draft saved while typing (log holds {EARLIER_SAVES} earlier saves)",
           [("save_texts, no audit entry (baseline)", base),
            ("save_texts, with its audit entry", logged)],
           ("with entry / without", logged / base, None))
    print(f"  the log grows by {size / EARLIER_SAVES:.0f} bytes per save"
          f" (the draft itself: {len(json.dumps(SECTIONS, ensure_ascii=False).encode())}"
          " bytes)")
    store.db.close()


def _check() -> None:
    store = open_store(database("demo"))
    base = statistics.median(timed(lambda: _ledgers_only(store))() for _ in range(5))
    covered = statistics.median(timed(lambda: trail.problems(store.db))() for _ in range(5))
    report("check: the covered tables beside the ledgers (demo year)",
           [("audit.verify, ledgers only (baseline)", base),
            ("trail.problems, the covered tables", covered)],
           ("covered / ledgers", covered / base, None))
    store.db.close()


def _ledgers_only(store) -> list[str]:
    with mock.patch.object(trail, "problems", return_value=[]):
        return audit.verify(store)


def _upgrade_step() -> None:
    path = shutil.copy(database("synthetic-4y", years=4, per_year=5000),
                       WORK / "trail-upgrade.db")
    store = open_store(path)
    records = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with store.atomic():  # as 0010's code logged them: without 补录 and the times
        for entry_id, after in store.db.execute(
                "SELECT id, after FROM audit_log WHERE after IS NOT NULL").fetchall():
            state = {k: v for k, v in json.loads(after).items() if k not in audit.STAMPS}
            store.db.execute("UPDATE audit_log SET after = ? WHERE id = ?",
                             [json.dumps(state, ensure_ascii=False, sort_keys=True),
                              entry_id])
    start = time.perf_counter()
    with store.atomic():
        written = data_steps.trail_baseline(store)
    took = time.perf_counter() - start
    whole = timed(lambda: audit.verify(store))()
    report(f"0011's data step on {records} logged records ({written} entries written)",
           [("trail_baseline", took), ("a full audit.verify of that file (baseline)", whole)],
           ("step / verify", took / whole, None))
    store.db.close()


def main() -> None:
    assert CLOCK  # the files are stamped with the bench clock
    _save_texts()
    _check()
    _upgrade_step()


if __name__ == "__main__":
    main()
