"""A writer killed with SIGKILL at random moments loses nothing it had confirmed."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

WRITER = textwrap.dedent("""
    import sys
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store
    store = Store(open_db(sys.argv[1]))
    n = 0
    while True:
        n += 1
        record = store.add("activity", {"date": "2022-05-17", "type": "廉政学习",
                                        "topic": f"第{sys.argv[2]}-{n}次", "summary": "x" * 2000})
        print(record.id, flush=True)  # confirmed: the transaction has committed
""")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_loses_no_confirmed_record(tmp_path):
    db = tmp_path / "crash.db"
    rng = random.Random(7)
    confirmed: set[int] = set()
    kills = 0
    while kills < 50:
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(kills)],
                                 stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.35, 0.6))  # start-up plus a random share of writing
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        confirmed.update(int(line) for line in out.split() if line.strip().isdigit())
        kills += 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT id FROM activity")}
    assert confirmed, "the writer confirmed some records before being killed"
    assert confirmed <= stored
    chain = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert chain >= len(stored)  # every stored record has its audit entry
