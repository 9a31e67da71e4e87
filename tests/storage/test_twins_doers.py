"""revdiff10 E2: with 负责人 in a meeting's identity (for each member's own 履责报告 of one
meeting, revjiwei10 K4), the form no longer asked about one meeting entered twice with its
负责人 left blank or typed otherwise, and 回收站 restored it beside its copy."""

from datetime import date, datetime

import pytest

from lianzheng_desktop.core.records import Activity
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store
from lianzheng_desktop.storage.twins import twin_questions

TOPIC = "研究部署第四季度党风廉政建设工作"


@pytest.fixture
def kept():
    store = Store(open_db(":memory:"), clock=lambda: datetime(2026, 11, 30, 9))
    store.add("activity", {"date": "2026-11-20", "type": "专题会议", "topic": TOPIC,
                           "host": "王建国"})
    return store


@pytest.mark.parametrize("host", ["", "王建国", "王建国、李明", "书记王建国"])
def test_one_meeting_entered_again_is_asked_about(kept, host):
    again = Activity(id=None, date=date(2026, 11, 20), type="专题会议", topic=TOPIC, host=host)
    asked = [title for title, _ in twin_questions(kept, "activity", again)]
    assert asked == ["台账中已有相同的记录"]


def test_two_peoples_own_reports_of_one_meeting_are_not(kept):
    kept.add("activity", {"date": "2026-07-05", "type": "履责报告", "host": "李明",
                          "topic": "向党组报告上半年履行一岗双责情况"})
    his = Activity(id=None, date=date(2026, 7, 5), type="履责报告", host="张华",
                   topic="向党组报告上半年履行一岗双责情况")
    assert twin_questions(kept, "activity", his) == []


def test_a_meeting_retitled_with_its_host_typed_otherwise_is_not_restored_beside_it(kept):
    """回收站's near-same check (a title corrected since) had its own rule for two people:
    any two different 负责人 were two records, "王建国、李明" beside "王建国" too."""
    from lianzheng_desktop.storage import trash
    from lianzheng_desktop.storage.trash import SameRecordError

    [meeting] = kept.list("activity")
    kept.delete("activity", meeting.id)
    kept.add("activity", {"date": "2026-11-20", "type": "专题会议", "host": "王建国、李明",
                          "topic": "研究部署第四季度党风廉政建设"})
    [entry] = [row[0] for row in kept.db.execute("SELECT id FROM trash")]
    with pytest.raises(SameRecordError):
        trash.restore(kept, entry)
