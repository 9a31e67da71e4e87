"""revloss F2: the data file renamed or deleted under an open window — SQLite went on
"saving" into a journal no later opening reads (25 of 312 saves lost, every one after a
delete). A write is refused with a Chinese message instead, and nothing is written."""

import pytest

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

MEETING = {"date": "2026-11-30", "type": "专题会议", "topic": "研究部署"}


@pytest.mark.parametrize("how", ["rename", "delete"])
def test_a_write_after_the_file_went_is_refused(tmp_path, how):
    path = tmp_path / "台账.db"
    store = Store(open_db(path))
    store.add("activity", MEETING)  # saved while the file is where it was opened
    if how == "rename":
        path.rename(tmp_path / "改名.db")
    else:
        path.unlink()
    with pytest.raises(UserError, match="已被移动、改名或删除，这次的修改没有保存"):
        store.add("activity", {**MEETING, "topic": "第二次"})
    store.close()


def test_writes_go_on_while_the_file_stays(tmp_path):
    store = Store(open_db(tmp_path / "台账.db"))
    for n in range(3):
        store.add("activity", {**MEETING, "topic": f"第{n}次"})
    assert store.count("activity") == 3
    store.close()
