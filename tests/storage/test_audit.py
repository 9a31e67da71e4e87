import sqlite3

from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store


def test_every_change_is_logged_with_before_and_after(demo_store):
    talk = demo_store.list("talk")[0]
    from lianzheng_desktop.core.ledgers import TALK, to_values

    values = {**to_values(TALK, talk), "summary": "补充了谈话要点"}
    demo_store.update("talk", talk.id, values)
    demo_store.delete("talk", talk.id)
    entries = audit.history(demo_store.db, "talk", talk.id)
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert entries[1].changes() == [("内容摘要", talk.summary, "补充了谈话要点")]
    assert entries[2].after is None and entries[2].before["summary"] == "补充了谈话要点"
    assert audit.verify(demo_store) == []


def test_an_untouched_database_verifies(demo_store):
    assert audit.verify(demo_store) == []


def test_renaming_a_person_is_logged_on_the_records_that_name_them(demo_store):
    person = next(p for p in demo_store.list("roster") if p.name == "刘芳")
    demo_store.update("roster", person.id, {"name": "刘芳芳", "role": person.role,
                                            "post": person.post})
    assert audit.verify(demo_store) == []


def file_store(tmp_path):
    path = tmp_path / "a.db"
    store = Store(open_db(path))
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("roster", {"name": "刘芳", "role": "党员"})
    store.add("activity", {"date": "2022-03-08", "type": "专题会议", "topic": "部署"})
    store.db.close()
    return path


def test_a_record_changed_outside_the_app_is_found(tmp_path):
    path = file_store(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE activity SET topic = '改过的主题'")
    conn.commit()
    conn.close()
    problems = audit.verify(Store(open_db(path)))
    assert len(problems) == 1 and "与最后一次留痕不一致" in problems[0]


def test_a_log_entry_changed_or_removed_outside_the_app_is_found(tmp_path):
    path = file_store(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE audit_log SET at = '2020-01-01T00:00:00' WHERE id = 2")
    conn.commit()
    conn.close()
    assert any("对不上" in p for p in audit.verify(Store(open_db(path))))
    (tmp_path / "b").mkdir()
    path2 = file_store(tmp_path / "b")
    conn = sqlite3.connect(path2)
    conn.execute("DELETE FROM audit_log WHERE id = 1")
    conn.commit()
    conn.close()
    assert audit.verify(Store(open_db(path2)))


def test_a_record_added_or_deleted_outside_the_app_is_found(tmp_path):
    path = file_store(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO activity (date, type, topic, created_at, updated_at) VALUES"
                 " ('2022-04-01', '廉政学习', '补的', 'x', 'x')")
    conn.execute("DELETE FROM activity WHERE topic = '部署'")
    conn.commit()
    conn.close()
    problems = " ".join(audit.verify(Store(open_db(path))))
    assert "没有留痕记录" in problems and "没有删除的留痕" in problems
