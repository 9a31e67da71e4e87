"""检查数据 names a record as its ledger's table shows it — an 整改事项 by its own 编号 and
problem, a talk by day, type and people, a session by day and 主题 — never by the
database's row number as “编号”; it says which fields differ from the last 留痕; quotes
inside a title are not doubled (revscreen 7: storage/audit.py, trail.py, store.py)."""

import sqlite3

import pytest

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store


@pytest.fixture
def kept(tmp_path):
    """Two talks of one type (the box could not tell them apart), an 整改事项 whose 编号
    is not its row number, and a session."""
    path = tmp_path / "a.db"
    store = Store(open_db(path))
    for name, role in (("王建国", "书记"), ("刘芳", "党员"), ("赵明", "党员")):
        store.add("roster", {"name": name, "role": role})
    store.add("talk", {"date": "2022-03-05", "type": "谈心谈话", "talker": "王建国",
                       "talkees": "刘芳"})
    store.add("talk", {"date": "2022-04-12", "type": "谈心谈话", "talker": "王建国",
                       "talkees": "赵明"})
    store.add("rectification", {"number": "XC2-01", "source": "巡察反馈",
                                "description": "“三重一大”制度执行不严格", "owner": "王建国",
                                "found_date": "2022-03-01", "deadline": "2022-06-30",
                                "status": "整改中", "measures": "修订议事规则"})
    store.add("warning_education", {"date": "2022-03-20", "form": "观看警示教育片",
                                    "topic": "观看《零容忍》", "place": "会议室"})
    store.db.close()
    return path


def outside(path, *sql):
    conn = sqlite3.connect(path)
    with conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()


def test_a_changed_record_is_named_as_its_table_shows_it_with_the_fields_that_differ(kept):
    outside(kept, "UPDATE rectification_item SET measures = measures || '（改）'",
            "UPDATE talk SET summary = '改过'",
            "UPDATE warning_session SET place = '礼堂', topic = '观看《零容忍》第三集'")
    assert audit.verify(Store(open_db(kept))) == [
        "警示教育中2022-03-20的“观看《零容忍》第三集”的内容与最后一次留痕不一致"
        "（不同之处：“主题”、“地点”），可能在软件之外被改动。",
        "谈话记录中2022-04-12的谈心谈话（王建国→赵明）的内容与最后一次留痕不一致"
        "（不同之处：“内容摘要”），可能在软件之外被改动。",
        "谈话记录中2022-03-05的谈心谈话（王建国→刘芳）的内容与最后一次留痕不一致"
        "（不同之处：“内容摘要”），可能在软件之外被改动。",
        "整改事项中编号XC2-01的“‘三重一大’制度执行不严格”的内容与最后一次留痕不一致"
        "（不同之处：“整改措施”），可能在软件之外被改动。"]


def test_records_added_or_deleted_outside_are_named_too(kept):
    outside(kept, "DELETE FROM talk_talkee WHERE record_id = 2", "DELETE FROM talk WHERE id = 2",
            "INSERT INTO rectification_item (source, description, owner_id, found_date,"
            " deadline, status, created_at, updated_at) VALUES ('自查', '公务接待清单不完整', 1,"
            " '2022-05-06', '2022-06-30', '整改中', 'x', 'x')")
    problems = audit.verify(Store(open_db(kept)))
    assert problems == [
        "整改事项中2022-05-06发现的“公务接待清单不完整”没有留痕记录，可能是在软件之外添加的。",
        "谈话记录中2022-04-12的谈心谈话（王建国→赵明）已不存在，但没有删除的留痕，"
        "可能在软件之外被删除。"]
    assert not any("编号 " in p for p in problems)


def test_a_record_gone_is_named_by_what_it_was(kept):
    store = Store(open_db(kept))
    [item] = store.list("rectification")
    store.delete("rectification", item.id)
    with pytest.raises(UserError) as gone:
        store.get("rectification", item.id)
    assert str(gone.value) == (
        "整改事项中找不到这条记录（编号XC2-01的“‘三重一大’制度执行不严格”），它可能已被删除。")
    with pytest.raises(UserError, match="^谈话记录中找不到这条记录，它可能已被删除。$"):
        store.get("talk", 99)  # never kept: nothing to name it by
