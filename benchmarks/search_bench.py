"""Issue 16.4: a query on a 100,000-row ledger, the ledger page's LIKE filter vs the index.

The file: the demo roster and 100,000 会议活动 with topics and summaries of a few sentences
and 1–5 attendees, put in with plain INSERTs (the triggers of migration 0010 keep the index
in step as they would for records typed in; the time that takes is printed too). The
baseline is what the ledger page ran on each keystroke before: ``Store.count`` and
``Store.list`` with ``Query(search=…)``, limit 200. The index: ``search.search`` (count and
page in one statement), limit 200; and what the ledger page runs once typing pauses, its
table model's ``set_query`` (count and the first 200 rows through the index, each read with
``Store.get``). Medians of alternating runs.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import WORK, open_store, paired_medians
from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.demo import ROSTER
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.table_model import RecordTableModel
from lianzheng_desktop.storage import search
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Query, Store

ROWS = 100_000
PAGE = 200
TARGET_MS = 50
SENTENCES = [
    "传达学习上级关于党风廉政建设的部署要求。", "围绕中央八项规定精神开展专题研讨。",
    "通报近期典型案例，以案为鉴、以案促改。", "对照检查岗位廉政风险点并制定防控措施。",
    "学习《中国共产党纪律处分条例》有关章节。", "讨论落实全面从严治党主体责任清单。",
    "部署节假日期间廉洁过节有关工作。", "听取各部门落实“一岗双责”情况汇报。",
    "交流学习体会，查找思想和作风上的差距。", "研究整改巡察反馈问题的具体措施和时限。",
    "观看警示教育片并撰写心得体会。", "对下一阶段重点工作进行安排部署。",
]
TOPICS = ["理论学习中心组学习", "党风廉政建设专题会议", "支部委员会会议", "主题党日活动",
          "廉政党课", "民主生活会", "警示教育学习", "作风建设推进会"]
QUERIES = [
    ("a phrase of 4 characters", "典型案例"),
    ("a rare phrase", "廉洁过节有关"),
    ("a name of 2 characters", "赵明"),
    ("a name and a word", "赵明 廉政党课"),
    ("a word of 2 characters", "作风"),
]


def _rows(count: int, shuffled: bool) -> list[tuple]:
    """(id, day, type, topic, summary, attendee picks): in date order as typed over the
    years, or ``shuffled`` (a workbook not sorted by date, the index's worst case)."""
    rng = random.Random(16)
    first = date(2003, 1, 1)
    made = []
    for _ in range(count):
        day = (first + timedelta(days=rng.randrange(20 * 365))).isoformat()
        made.append((day, rng.choice(vocab.ACTIVITY_TYPES[:-1]),
                     f"{rng.choice(TOPICS)}（第{rng.randrange(1, 999)}次）",
                     "".join(rng.sample(SENTENCES, rng.randrange(2, 5))),
                     [rng.random() for _ in range(rng.randrange(1, 6))]))
    if not shuffled:
        made.sort(key=lambda row: row[0])
    return [(number, *row) for number, row in enumerate(made, start=1)]


def _build(path, rows: int = ROWS, indexed: bool = True, shuffled: bool = False,
           bulk: bool = False) -> float:
    """Seconds to insert the rows in one transaction (with ``indexed``, the triggers keep
    the index in step; with ``bulk`` too, inside ``search.index_rebuilt_after``)."""
    store = Store(open_db(path))
    if not indexed:
        triggers = [r[0] for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'")]
        for name in triggers:
            store.db.execute(f"DROP TRIGGER {name}")
    with store.atomic():
        for name, post, role in ROSTER:
            store.add("roster", {"name": name, "post": post, "role": role})
    people = [r[0] for r in store.db.execute("SELECT id FROM person")]
    made = _rows(rows, shuffled)
    start = time.perf_counter()
    db = store.db.conn
    writing = search.index_rebuilt_after(store) if bulk else store.atomic()
    writing.__enter__()
    for record_id, day, kind, topic, summary, picks in made:
        db.execute("INSERT INTO activity (id, date, type, topic, summary, late_entry,"
                   " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                   [record_id, day, kind, topic, summary, day + "T09:00:00", day + "T09:00:00"])
        chosen = list(dict.fromkeys(people[int(x * len(people))] for x in picks))
        db.executemany("INSERT INTO activity_attendee VALUES (?, ?, ?)",
                       [(record_id, pid, pos) for pos, pid in enumerate(chosen)])
    writing.__exit__(None, None, None)
    seconds = time.perf_counter() - start
    store.db.close()
    return seconds


def _insert_costs(count: int = 5000) -> None:
    """Per-record cost of the index when inserting, against no index, in the same run."""
    plain = _build(WORK / "insert-plain.db", count, indexed=False)
    ordered = _build(WORK / "insert-ordered.db", count)
    shuffled = _build(WORK / "insert-shuffled.db", count, shuffled=True)
    bulk = _build(WORK / "insert-bulk.db", count, bulk=True)
    print(f"  inserting {count:,} records (1–5 attendees each, one transaction), per record:")
    print(f"      without the index {plain / count * 1e6:6.0f} µs;  with it, in date order"
          f" {ordered / count * 1e6:6.0f} µs ({ordered / plain:.1f} ×);"
          f"  in random date order {shuffled / count * 1e6:6.0f} µs ({shuffled / plain:.1f} ×)")
    print(f"      inside search.index_rebuilt_after (for imports) {bulk / count * 1e6:6.0f} µs"
          f" ({bulk / plain:.1f} ×), the rebuild included")


def _backfill(path) -> float:
    """Seconds for migration 0010's backfill of the whole file (run on a copy)."""
    import shutil
    import sqlite3

    copy = WORK / "backfill.db"
    shutil.copyfile(path, copy)
    script = (Path(__file__).resolve().parent.parent / "db" / "migrations"
              / "0010_search.sql").read_text(encoding="utf-8")
    statements = [s for s in script[script.index("-- The records already"):].split(";")
                  if "INSERT" in s]
    conn = sqlite3.connect(str(copy), isolation_level=None)
    conn.execute("DELETE FROM search_text")
    conn.execute("DELETE FROM search_link")
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    start = time.perf_counter()
    conn.execute("BEGIN")
    for statement in statements:
        conn.execute(statement)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def main() -> None:
    path = WORK / "search-100k.db"
    build = _build(path) if not path.exists() else None
    store = open_store(path)
    rows = store.count("activity")
    print(f"\n== search on a {rows:,}-row ledger (会议活动), page of {PAGE}")
    if build is not None:
        print(f"  inserting {rows:,} records with the index kept in step: {build:.1f} s")
    _insert_costs()
    for label, text in QUERIES:
        query = Query(search=text, limit=PAGE)

        def baseline(query=query):
            return store.count("activity", query), store.list("activity", query)

        def indexed(text=text):
            return search.search(store, text, "activity", limit=PAGE)

        def page(text=text):  # what the ledger page runs once typing pauses
            model = RecordTableModel(store, LEDGERS["activity"])
            model.set_query(Query(search=text))
            return model.total

        old_total = baseline()[0]
        new_total = indexed()[0]
        old, new = paired_medians(baseline, indexed, 5)
        _, on_page = paired_medians(baseline, page, 5)
        verdict = "within target" if new * 1000 <= TARGET_MS else "OVER TARGET"
        if old_total == new_total:
            agree = "same count as the LIKE filter"
        elif " " in text:  # the ledger page looks for the text as typed, space and all
            agree = f"the LIKE filter, taking the space literally, finds {old_total:,}"
        else:
            agree = f"COUNTS DIFFER: the LIKE filter finds {old_total:,}"
        print(f"  {label:<26} “{text}”: {new_total:>6,} found ({agree})")
        print(f"      LIKE (Store.count + Store.list) {old * 1000:8.1f} ms"
              f"   index {new * 1000:7.1f} ms   {old / new:6.1f} × faster"
              f"   (target ≤ {TARGET_MS} ms: {verdict})")
        page_verdict = "within target" if on_page * 1000 <= TARGET_MS else "OVER TARGET"
        print(f"      the ledger page after the pause (its table model: count, {PAGE} rows)"
              f" {on_page * 1000:7.1f} ms   {old / on_page:6.1f} × faster"
              f"   (target ≤ {TARGET_MS} ms: {page_verdict})")
    store.db.close()
    print(f"  migration 0010's backfill of these {rows:,} records: {_backfill(path):.1f} s")


if __name__ == "__main__":
    main()
