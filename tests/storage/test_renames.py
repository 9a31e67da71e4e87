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
