import subprocess
import sys
import textwrap

import pytest

from lianzheng_desktop.storage import lock

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from lianzheng_desktop.storage import lock
    lock.acquire(Path(sys.argv[1]))
    print("locked", flush=True)
    time.sleep(30)
""")


def test_a_second_instance_gets_a_clear_message(tmp_path):
    db = tmp_path / "a.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(lock.DatabaseInUseError, match="正被另一个廉政台账窗口或命令使用"):
            lock.acquire(db)
    finally:
        holder.kill()
        holder.wait()
    lock.acquire(db)  # the lock went with the killed process
    lock.release(db)


def test_the_same_process_may_open_again(tmp_path):
    db = tmp_path / "b.db"
    lock.acquire(db)
    lock.acquire(db)
    lock.release(db)
