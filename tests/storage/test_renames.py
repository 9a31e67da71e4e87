"""A name renamed on the roster since a draft or a workbook was made: said as it is now."""

import pytest

from lianzheng_desktop.core.errors import ValidationError


def test_a_renamed_person_is_named_as_now_not_added_again(store):
    """Before, the message said "请先在人员名册中添加": following it made a second 孙莉."""
    for name in ("王建国", "孙丽"):
        store.add("roster", {"name": name, "role": "党员"})
    sun = next(p for p in store.list("roster") if p.name == "孙丽")
    store.update("roster", sun.id, {"name": "孙莉", "role": "党员"})
    talk = {"date": "2022-05-17", "type": "谈心谈话", "talker": "王建国",
            "talkees": ["孙丽", "张三"]}
    with pytest.raises(ValidationError) as caught:
        store.add("talk", talk)
    message = str(caught.value)
    assert "“孙丽”已在人员名册中改名为“孙莉”，请改选现在的名字" in message
    assert "其余请先在人员名册中添加" in message  # 张三 is someone new
    with pytest.raises(ValidationError, match="请先在人员名册中添加"):  # never renamed
        store.add("talk", {**talk, "talkees": ["张三"]})


def test_a_former_name_belongs_to_its_own_person(store):
    """孙丽 became 孙莉 and left (deleted); another 孙莉 came and became 孙莉莉: 孙丽 is not
    said to be 孙莉莉 now (the names chained, not the people)."""
    from lianzheng_desktop.storage.renames import renamed_names

    first = store.add("roster", {"name": "孙丽", "role": "党员"})
    store.update("roster", first.id, {"name": "孙莉", "role": "党员"})
    store.delete("roster", first.id)
    second = store.add("roster", {"name": "孙莉", "role": "党员"})
    store.update("roster", second.id, {"name": "孙莉莉", "role": "党员"})
    assert renamed_names(store) == {"孙莉": "孙莉莉"}


def test_a_renamed_person_keeps_their_own_report_and_the_sessions_they_chaired(demo_store):
    """李秀梅's name corrected to 李秀美 on the roster: the text typed into her own report was
    out of reach under the new name (and would have opened in the report of a later 李秀梅),
    and the sessions she chaired still named 李秀梅 as 主持人, so her own report said
    "李秀梅主持，本人参加" (reviewer revcode, F-D and F-I). The trail holds nothing unlogged."""
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.storage import reports, trail

    q3 = ReportPeriod(2022, 3)
    typed = {"二、个人廉洁自律情况": "本人严格遵守中央八项规定精神（手写的一段）。"}
    reports.save_texts(demo_store, q3, typed, person="李秀梅")
    chaired = [s for s in demo_store.list("warning_education") if "李秀梅" in s.host]
    assert chaired
    person = next(p for p in demo_store.list("roster") if p.name == "李秀梅")
    values = {f: getattr(person, f) for f in ("role", "post", "joined_on", "left_on")
              if hasattr(person, f)}
    demo_store.update("roster", person.id, {**values, "name": "李秀美"})
    assert reports.load_texts(demo_store, q3, person="李秀美") == typed
    assert reports.load_texts(demo_store, q3, person="李秀梅") == {}
    hosts = [demo_store.get("warning_education", s.id).host for s in chaired]
    assert all("李秀美" in h and "李秀梅" not in h for h in hosts), hosts
    assert trail.problems(demo_store.db) == []


def test_a_rename_to_the_name_of_someone_deleted_does_not_take_their_papers(demo_store):
    """孙立 was deleted with a typed report left under his name; 孙丽, renamed 孙立, opened
    his text as hers — or, with a text of her own, the rename failed with 程序出错 (UNIQUE
    constraint) (reviewer revdiff2, F3). The 书记 renamed is renamed in 设置 too (F5)."""
    from lianzheng_desktop.core.records import UnitProfile
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.storage import reports, trail

    q3 = ReportPeriod(2022, 3)
    gone = demo_store.add("roster", {"name": "孙立", "role": "党员"})
    reports.save_texts(demo_store, q3, {"二、个人廉洁自律情况": "孙立写的。"}, person="孙立")
    demo_store.delete("roster", gone.id)
    she = demo_store.add("roster", {"name": "孙丽", "role": "党员"})
    reports.save_texts(demo_store, q3, {"二、个人廉洁自律情况": "孙丽写的。"}, person="孙丽")
    demo_store.update("roster", she.id, {"name": "孙立", "role": "党员"})
    assert reports.load_texts(demo_store, q3, person="孙立") == {
        "二、个人廉洁自律情况": "孙丽写的。"}
    assert reports.load_texts(demo_store, q3, person="孙立（已删除人员）") == {
        "二、个人廉洁自律情况": "孙立写的。"}
    secretary = next(p for p in demo_store.list("roster") if p.role == "书记")
    demo_store.save_profile(UnitProfile("县总工会", "县总工会机关党支部", secretary.name))
    demo_store.update("roster", secretary.id, {"name": "王建华", "role": "书记"})
    assert demo_store.profile().secretary_name == "王建华"
    assert trail.problems(demo_store.db) == []


def test_a_record_restored_after_a_rename_names_its_host_as_now(demo_store):
    """A session 李秀梅 chaired was deleted, she was renamed 李秀美, and the session restored
    from 回收站 came back naming 李秀梅 as its 主持人 (reviewer revdiff2, F6)."""
    from lianzheng_desktop.storage import trail, trash

    session = next(s for s in demo_store.list("warning_education") if "李秀梅" in s.host)
    demo_store.delete("warning_education", session.id)
    person = next(p for p in demo_store.list("roster") if p.name == "李秀梅")
    values = {f: getattr(person, f) for f in ("role", "post", "joined_on", "left_on")
              if hasattr(person, f)}
    demo_store.update("roster", person.id, {**values, "name": "李秀美"})
    [entry] = [e for e in trash.entries(demo_store) if e.record_id == session.id]
    back = trash.restore(demo_store, entry.id)
    assert "李秀美" in back.host and "李秀梅" not in back.host
    assert trail.problems(demo_store.db) == []
