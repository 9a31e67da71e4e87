"""One event kept in two ledgers (revjiwei F9): a 以案促改专题会 as 会议活动 and 警示教育."""

from datetime import date
from types import SimpleNamespace

import pytest

from lianzheng_desktop.core.record_identity import same_event

DAY = date(2026, 11, 5)


def rec(topic, day=DAY):
    return SimpleNamespace(date=day, topic=topic)


@pytest.mark.parametrize(("a", "b"), [
    ("以案促改专题会暨警示教育大会", "以案促改专题会暨警示教育大会"),
    ("以案促改专题会暨警示教育大会", "以案促改专题会"),  # one inside the other
    ("观看警示教育片《零容忍》", "观看警示教育片“零容忍”"),  # quotes and spaces aside
    ("召开以案促改专题会议", "召开以案促改专题会"),  # a word apart
])
def test_the_same_or_near_the_same_topic_on_one_day_is_one_event(a, b):
    assert same_event(rec(a), rec(b)) and same_event(rec(b), rec(a))


@pytest.mark.parametrize(("a", "b", "day"), [
    ("以案促改专题会暨警示教育大会", "以案促改专题会暨警示教育大会", date(2026, 11, 6)),
    ("观看警示教育片《零容忍》", "研究部署党风廉政建设工作", DAY),
    ("廉政党课", "党课", DAY),  # too short to be found inside another
    ("（）", "（）", DAY),  # nothing to compare
])
def test_another_day_or_another_topic_is_another_event(a, b, day):
    assert not same_event(rec(a), rec(b, day))
