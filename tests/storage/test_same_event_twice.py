"""One event entered in two ledgers is asked about before the second is saved, naming
the other ledger's record, as a copy within one ledger is (revjiwei F9); the secretary
may keep both (一会多用)."""

import pytest

from lianzheng_desktop.storage.twins import twin_questions

MEETING = {"date": "2022-11-05", "type": "专题会议", "topic": "以案促改专题会暨警示教育大会"}
SESSION = {"date": "2022-11-05", "form": "以案促改专题会", "topic": "以案促改专题会暨警示教育大会"}


@pytest.fixture
def meeting_kept(store):
    store.add("activity", MEETING)
    return store


def test_the_second_ledgers_entry_asks_naming_the_first(meeting_kept):
    record = meeting_kept.validate("warning_education", SESSION)
    assert twin_questions(meeting_kept, "warning_education", record) == [(
        "会议活动中已有同一天的相近记录",
        "会议活动中已有一条同一天、主题相近的记录：\n2022-11-05　以案促改专题会暨警示教育大会\n\n"
        "如果本来就是同一次活动，既作会议活动记录、又作警示教育记录（一会多用），可以两处都保存；"
        "如果是同一件事重复录入，请选“否”。仍要保存吗？")]


def test_both_may_be_kept_and_an_edit_leaving_date_and_topic_asks_no_more(meeting_kept):
    session = meeting_kept.add("warning_education", SESSION)
    edited = meeting_kept.validate("warning_education", {**SESSION, "place": "三楼会议室"})
    assert twin_questions(meeting_kept, "warning_education", edited, before=session) == []
    moved = meeting_kept.validate("warning_education", {**SESSION, "topic": "以案促改专题会"})
    assert [title for title, _ in twin_questions(
        meeting_kept, "warning_education", moved, before=session)] == [
        "会议活动中已有同一天的相近记录"]
    [meeting] = meeting_kept.list("activity")
    assert [title for title, _ in twin_questions(meeting_kept, "activity", meeting)] == [
        "警示教育中已有同一天的相近记录"]  # the other way round too


def test_another_days_or_another_topics_session_asks_nothing(meeting_kept):
    for values in ({**SESSION, "date": "2022-11-06"},
                   {**SESSION, "topic": "观看警示教育片《零容忍》"}):
        record = meeting_kept.validate("warning_education", values)
        assert twin_questions(meeting_kept, "warning_education", record) == []
