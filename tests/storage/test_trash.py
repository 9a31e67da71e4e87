"""回收站: a deleted record, with its attachments and people, comes back with its history."""

import pytest

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage import audit, trash
from lianzheng_desktop.storage.attachment_check import attachment_problems
from lianzheng_desktop.storage.attachments import add_attachment, list_attachments


@pytest.fixture
def people(store):
    for name, role in [("王建国", "书记"), ("李秀梅", "班子成员"), ("刘芳", "党员")]:
        store.add("roster", {"name": name, "role": role})
    return store


def test_a_deleted_record_comes_back_whole_with_its_history(people, tmp_path):
    session = people.add("warning_education", {
        "date": "2022-12-20", "form": "廉政党课", "topic": "书记讲廉政党课",
        "attendees": "李秀梅、刘芳", "head_count": 5})
    people.update("warning_education", session.id, {
        "date": "2022-12-20", "form": "廉政党课", "topic": "书记讲专题廉政党课",
        "attendees": "李秀梅、刘芳", "head_count": 5})
    evidence = tmp_path / "签到表.pdf"
    evidence.write_bytes(b"%PDF-1.4 sign-in sheet")
    add_attachment(people, tmp_path / "files", "warning_education", session.id, evidence)
    kept = people.get("warning_education", session.id)

    people.delete("warning_education", session.id)
    assert people.count("warning_education") == 0
    assert list_attachments(people, "warning_education", session.id) == []
    [entry] = trash.entries(people)
    assert (entry.ledger_label, entry.record_id, entry.attachments) == ("警示教育", session.id, 1)
    assert "书记讲专题廉政党课" in entry.title and "2022-12-20" in entry.title

    other = people.add("talk", {"date": "2022-12-21", "type": "谈心谈话", "talker": "王建国",
                                "talkees": "刘芳"})  # its file takes the next number
    add_attachment(people, tmp_path / "files", "talk", other.id, evidence)
    restored = trash.restore(people, entry.id)
    assert restored == kept  # same number, same fields, same people in the same order
    assert people.get("warning_education", session.id).attendees == ("李秀梅", "刘芳")
    assert [a.file_name for a in list_attachments(people, "warning_education", session.id)
            ] == ["签到表.pdf"]
    actions = [e.action_label for e in audit.history(people.db, "warning_education", session.id)]
    assert actions == ["新建", "修改", "删除", "恢复"]
    assert trash.entries(people) == []
    assert audit.verify(people) == []  # the trail agrees with the data
    # and with the 佐证材料 (revloss3 T-1: "没有留痕记录，可能是在软件之外添加的")
    assert attachment_problems(people.db, tmp_path / "files") == []


def test_a_new_record_never_takes_a_deleted_records_number(people):
    first = people.add("activity", {"date": "2022-12-01", "type": "专题会议", "topic": "部署"})
    people.delete("activity", first.id)
    second = people.add("activity", {"date": "2022-12-02", "type": "专题会议", "topic": "再部署"})
    assert second.id != first.id
    [entry] = trash.entries(people)
    assert trash.restore(people, entry.id).topic == "部署"
    assert {a.topic for a in people.list("activity")} == {"部署", "再部署"}
    assert len(audit.history(people.db, "activity", second.id)) == 1  # a history of its own


def test_a_record_whose_person_was_deleted_waits_for_the_person(people):
    zhao = people.add("roster", {"name": "赵明", "role": "党员"})
    talk = people.add("talk", {"date": "2022-12-20", "type": "谈心谈话", "talker": "王建国",
                               "talkees": "赵明"})
    people.delete("talk", talk.id)
    people.delete("roster", zhao.id)
    talk_entry = next(e for e in trash.entries(people) if e.ledger == "talk")
    with pytest.raises(UserError) as caught:
        trash.restore(people, talk_entry.id)
    assert "“赵明”" in str(caught.value) and "先从回收站恢复" in str(caught.value)
    person_entry = next(e for e in trash.entries(people) if e.ledger == "roster")
    trash.restore(people, person_entry.id)
    assert trash.restore(people, talk_entry.id).talkees == ("赵明",)


def test_a_person_is_not_restored_over_a_namesake(people):
    zhao = people.add("roster", {"name": "赵明", "role": "党员"})
    people.delete("roster", zhao.id)
    people.add("roster", {"name": "赵明", "role": "党员"})
    with pytest.raises(UserError) as caught:
        trash.restore(people, trash.entries(people)[0].id)
    assert "已有“赵明”" in str(caught.value)


def test_emptying_the_trash_is_final(people):
    added = people.add("activity", {"date": "2022-12-01", "type": "专题会议", "topic": "部署"})
    people.delete("activity", added.id)
    assert trash.count(people) == 1
    assert trash.empty(people) == 1
    assert trash.entries(people) == []
    assert audit.verify(people) == []


def test_a_record_entered_again_is_not_restored_twice_unasked(people):
    """Deleted, then entered again by hand: restoring the deleted one too would count the
    meeting twice; it is refused with a sentence saying so, and done only when asked."""
    values = {"date": "2022-12-01", "type": "专题会议", "topic": "研究部署节前廉洁工作"}
    first = people.add("activity", values)
    people.delete("activity", first.id)
    people.add("activity", values)
    [entry] = trash.entries(people)
    with pytest.raises(trash.SameRecordError, match="已有一条相同的记录.*计算两次"):
        trash.restore(people, entry.id)
    assert people.count("activity") == 1 and len(trash.entries(people)) == 1  # nothing done
    trash.restore(people, entry.id, twice=True)
    assert people.count("activity") == 2


def test_a_record_whose_title_was_corrected_since_is_not_restored_twice_unasked(people):
    """revloss3 W-1: the meeting entered again with its title corrected (in the window, or
    by a workbook row) was a second meeting once the deleted one was taken back."""
    first = people.add("activity", {"date": "2022-07-08", "type": "专题会议",
                                    "topic": "研究巡察整改推进工作"})
    people.delete("activity", first.id)
    people.add("activity", {"date": "2022-07-08", "type": "专题会议",
                            "topic": "研究巡察整改推进工作（第二轮）"})
    [entry] = trash.entries(people)
    with pytest.raises(trash.SameRecordError, match="同一天、同类型、内容相近的记录"):
        trash.restore(people, entry.id)
    assert people.count("activity") == 1
    people.add("activity", {"date": "2022-07-08", "type": "专题会议",
                            "topic": "部署下半年党风廉政建设工作"})  # another of the day
    [other] = [r for r in people.list("activity") if r.topic.startswith("部署")]
    people.delete("activity", other.id)
    [entry] = [e for e in trash.entries(people) if "部署" in e.title]
    trash.restore(people, entry.id)  # not alike: taken back unasked


def test_two_peoples_own_records_of_a_day_are_not_taken_for_one(people):
    """Found by the whole year's walk: 甲听取分管部门汇报 and 乙听取分管部门汇报 of one day are
    two records, however alike their titles: 乙's came back from 回收站 unasked before."""
    for name in ("李秀梅", "王建国"):
        people.add("activity", {"date": "2022-03-08", "type": "听取汇报", "host": name,
                                "topic": f"{name[0]}听取分管部门汇报"})
    heard = next(a for a in people.list("activity") if a.host == "王建国")
    people.delete("activity", heard.id)
    [entry] = trash.entries(people)
    trash.restore(people, entry.id)
    assert people.count("activity") == 2


def test_a_meeting_entered_again_under_a_reworded_title_is_asked_about(people):
    """revlast8 F5: the same study entered again with its title reworded, then the deleted
    one taken back: one study, two records, nothing asked."""
    first = people.add("activity", {"date": "2022-03-05", "type": "廉政学习",
                                    "topic": "学习二十届中央纪委五次全会精神",
                                    "attendees": "王建国、李秀梅、刘芳"})
    people.delete("activity", first.id)
    people.add("activity", {"date": "2022-03-05", "type": "廉政学习",
                            "topic": "集中学习二十届中央纪委五次全会和省纪委全会精神",
                            "attendees": "王建国、李秀梅、刘芳"})
    [entry] = trash.entries(people)
    with pytest.raises(trash.SameRecordError, match="内容相近"):
        trash.restore(people, entry.id)


def test_another_meeting_of_the_same_people_comes_back_unasked(people):
    """revlast9 G12: a branch's 支委会 has the same three people every time; another meeting
    of that day was called "相同的记录…同一件事会计算两次"."""
    for topic in ("研究巡察整改推进工作", "研究干部选拔任用廉政意见"):
        people.add("activity", {"date": "2022-07-08", "type": "专题会议", "topic": topic,
                                "attendees": "王建国、李秀梅、刘芳"})
    other = next(a for a in people.list("activity") if "干部" in a.topic)
    people.delete("activity", other.id)
    [entry] = trash.entries(people)
    trash.restore(people, entry.id)
    assert people.count("activity") == 2
