from datetime import date, datetime

import pytest

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.storage.store import Query


@pytest.fixture
def people(store):
    roster = [("王建国", "书记"), ("李秀梅", "班子成员"), ("刘芳", "党员"), ("赵明", "党员")]
    for name, role in roster:
        store.add("roster", {"name": name, "role": role})
    return store


def talk(day="2022-12-30", **extra):
    return {"date": day, "type": "谈心谈话", "talker": "王建国", "talkees": "李秀梅、刘芳", **extra}


def test_profile_round_trip(store):
    assert store.profile().is_empty
    store.save_profile(UnitProfile("县总工会", "县总工会机关党支部", "王建国"))
    assert store.profile() == UnitProfile("县总工会", "县总工会机关党支部", "王建国")


def test_add_get_update_delete(people):
    added = people.add("talk", talk())
    assert added.id and added.talkees == ("李秀梅", "刘芳")
    assert people.get("talk", added.id) == added
    changed = people.update("talk", added.id, talk(talkees="赵明", summary="节前提醒"))
    assert people.get("talk", added.id).talkees == ("赵明",)
    assert changed.created_at == added.created_at
    people.delete("talk", added.id)
    with pytest.raises(UserError):
        people.get("talk", added.id)


def test_talkee_order_is_kept(people):
    added = people.add("talk", talk(talkees="赵明、刘芳、李秀梅"))
    assert people.get("talk", added.id).talkees == ("赵明", "刘芳", "李秀梅")


def test_invalid_input_stores_nothing(people):
    with pytest.raises(ValidationError):
        people.add("talk", talk(talkees="路人甲"))
    assert people.count("talk") == 0


def test_late_entry_mark_after_seven_days(people):
    # the store's clock reads 2022-12-31
    assert people.add("talk", talk(day="2022-12-24")).late_entry is False  # 7 days
    assert people.add("talk", talk(day="2022-12-23")).late_entry is True  # 8 days


def test_a_date_moved_long_before_its_entry_marks_the_record_late(people):
    """Entered on time, then its date corrected to a day 8 days before it was entered:
    it was written down late, and says so (a record taken over from an Excel ledger kept
    on time is the exception: see tests/interchange/test_xlsx_gui.py)."""
    from lianzheng_desktop.core.ledgers import LEDGERS, to_values

    added = people.add("talk", talk(day="2022-12-30"))
    assert added.late_entry is False
    moved = people.update("talk", added.id, {**to_values(LEDGERS["talk"], added),
                                             "date": "2022-12-20"})
    assert moved.late_entry is True


def test_timestamps_are_kept(people):
    added = people.add("activity", {"date": "2022-12-30", "type": "专题会议", "topic": "部署"})
    assert added.created_at == datetime(2022, 12, 31, 17, 0) == added.updated_at


def test_filters_by_period_type_and_text(people):
    people.add("activity", {"date": "2022-03-08", "type": "专题会议", "topic": "部署全年工作"})
    people.add("activity", {"date": "2022-07-12", "type": "廉政学习", "topic": "学习条例",
                            "attendees": "赵明"})
    people.add("activity", {"date": "2022-09-30", "type": "专题会议", "topic": "节前部署"})
    q3 = Query(start=date(2022, 7, 1), end=date(2022, 9, 30))
    assert [a.topic for a in people.list("activity", q3)] == ["节前部署", "学习条例"]
    assert people.count("activity", Query(type="专题会议")) == 2
    assert [a.topic for a in people.list("activity", Query(search="部署", oldest_first=True))
            ] == ["部署全年工作", "节前部署"]
    assert people.count("activity", Query(search="赵明")) == 1  # names are searched too
    assert people.count("activity", Query(search="100%_")) == 0  # LIKE wildcards are literal


def test_paging(people):
    for day in range(1, 11):
        people.add("activity", {"date": f"2022-03-{day:02d}", "type": "廉政学习",
                                "topic": f"第{day}次"})
    page = people.list("activity", Query(limit=3, offset=3, oldest_first=True))
    assert [a.topic for a in page] == ["第4次", "第5次", "第6次"]


def test_roster_names_are_unique(people):
    with pytest.raises(UserError) as caught:
        people.add("roster", {"name": "刘芳", "role": "党员"})
    assert "已有“刘芳”" in str(caught.value)


def test_a_person_in_a_record_cannot_be_deleted_but_can_leave(people):
    people.add("talk", talk())
    liu = next(p for p in people.list("roster") if p.name == "刘芳")
    with pytest.raises(UserError) as caught:
        people.delete("roster", liu.id)
    assert "在职" in str(caught.value)
    people.update("roster", liu.id, {"name": "刘芳", "role": "党员", "active": "否"})
    assert "刘芳" not in people.roster_names(active_only=True)
    assert "刘芳" in people.roster_names()


def test_renaming_a_person_follows_into_records(people):
    added = people.add("talk", talk())
    liu = next(p for p in people.list("roster") if p.name == "刘芳")
    people.update("roster", liu.id, {"name": "刘芳芳", "role": "党员"})
    assert people.get("talk", added.id).talkees == ("李秀梅", "刘芳芳")


def test_unused_person_can_be_deleted(people):
    zhao = next(p for p in people.list("roster") if p.name == "赵明")
    people.delete("roster", zhao.id)
    assert "赵明" not in people.roster_names()


def test_is_empty(store):
    """The guard in front of loading the demo (and the first-start offer): a file holding
    only the secretary's 人员名册 is not empty, and the demo is never mixed into it."""
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.storage.demo_loader import load_entries

    assert store.is_empty()
    person = store.add("roster", {"name": "王建国", "role": "书记"})
    assert not store.is_empty()
    with pytest.raises(UserError, match="示范数据只能装入空数据库"):
        load_entries(store, demo_year(), PROFILE)
    assert store.count("roster") == 1 and store.count("talk") == 0  # nothing mixed in
    store.delete("roster", person.id)
    assert store.is_empty()
    store.add("activity", {"date": "2022-11-01", "type": "廉政学习", "topic": "学习"})
    assert not store.is_empty()  # a ledger record without any roster person


def test_the_demo_year_is_not_empty(demo_store):
    assert not demo_store.is_empty()


def test_sorting_by_a_column_covers_every_row_not_one_page(people):
    for day in range(1, 31):
        people.add("activity", {"date": f"2022-11-{day:02d}", "type": "廉政学习",
                                "topic": f"学习{day:02d}"})
    by_topic = Query(order_by="topic", descending=True, limit=5)
    assert [a.topic for a in people.list("activity", by_topic)] == [
        "学习30", "学习29", "学习28", "学习27", "学习26"]
    oldest = Query(order_by="date", limit=2, offset=10)
    assert [a.date.day for a in people.list("activity", oldest)] == [11, 12]
    talks = [people.add("talk", talk(talker=name, talkees="赵明"))
             for name in ("王建国", "李秀梅", "刘芳")]
    assert [t.talker for t in people.list("talk", Query(order_by="talker"))] == sorted(
        t.talker for t in talks)


def test_a_talker_may_come_from_outside_the_roster(people):
    added = people.add("talk", talk(talker="县纪委 张强"))
    assert people.get("talk", added.id).talker == "县纪委 张强"
    assert "县纪委 张强" not in people.roster_names()
    assert people.count("talk", Query(search="张强")) == 1
    people.update("talk", added.id, talk(talker="王建国"))
    assert people.get("talk", added.id).talker == "王建国"


def test_a_record_may_not_name_someone_on_a_day_they_were_not_in_post(demo_store):
    """何军 left on 14 August (the demo); a talk with him on 20 September is refused with
    a sentence, one in June is fine (补录 of his time)."""
    talk = {"type": "谈心谈话", "talker": "王建国", "talkees": ["何军"]}
    with pytest.raises(ValidationError) as refused:
        demo_store.add("talk", {**talk, "date": "2022-09-20"})
    assert [e.message for e in refused.value.errors] == [
        "何军已于2022年8月14日离岗，2022年9月20日不在岗；请核对日期或人员"]
    assert demo_store.add("talk", {**talk, "date": "2022-06-20"}).talkees == ("何军",)
    demo_store.add("roster", {"name": "周强", "role": "党员", "active": True,
                              "joined_on": "2022-10-08"})
    with pytest.raises(ValidationError, match="周强2022年10月8日才到岗，2022年9月28日尚未到岗"):
        demo_store.add("warning_education", {"date": "2022-09-28", "form": "其他",
                                             "topic": "廉政党课", "attendees": ["周强"]})


def test_an_open_item_passes_to_the_successor_of_an_owner_who_left(demo_store):
    """张志强's item (found in 2022) goes to 周强, who arrived in 2023: the 责任人 answers
    for it now, not on the day it was found."""
    from datetime import datetime

    demo_store.clock = lambda: datetime(2023, 3, 1, 9)
    demo_store.add("roster", {"name": "周强", "role": "班子成员", "active": True,
                              "joined_on": "2023-02-01"})
    [item] = [i for i in demo_store.list("rectification") if i.number == "XC-2022-05"]
    values = {"number": item.number, "source": item.source, "description": item.description,
              "owner": "周强", "found_date": item.found_date, "deadline": item.deadline,
              "status": item.status}
    assert demo_store.update("rectification", item.id, values).owner == "周强"


def test_new_roster_dates_may_not_leave_out_a_day_a_record_names_them(demo_store):
    """刘芳 is named in records up to 24 November (and from January): her 离岗日期 cannot be
    20 September nor her 到岗日期 1 March (those records could not be saved again, nor an
    export imported)."""
    [her] = [p for p in demo_store.list("roster") if p.name == "刘芳"]
    values = {"name": "刘芳", "post": her.post, "role": her.role, "active": False}
    with pytest.raises(ValidationError) as refused:
        demo_store.update("roster", her.id, {**values, "left_on": "2022-09-20"})
    assert [(e.field, e.message) for e in refused.value.errors] == [(
        "left_on", "台账中2022年11月24日的记录还列有刘芳，离岗日期不能早于这一天")]
    with pytest.raises(ValidationError, match="到岗日期不能晚于这一天"):
        demo_store.update("roster", her.id, {**values, "active": True,
                                             "joined_on": "2022-03-01"})
    assert demo_store.update("roster", her.id, {**values, "left_on": "2022-12-30"}).left_on


def test_a_record_restored_from_the_bin_must_fit_the_dates_set_since(demo_store):
    """A November talk naming 周伟 is deleted, 周伟's 离岗日期 set to 31 October, and the
    talk restored: refused with the sentence a form gives, so the export still imports."""
    from lianzheng_desktop.storage import trash

    late = [t for t in demo_store.list("talk") if t.date > date(2022, 10, 31)
            and "周伟" in t.talkees]
    for record in late:
        demo_store.delete("talk", record.id)
    for record in demo_store.list("activity"):
        if record.date > date(2022, 10, 31) and "周伟" in record.attendees:
            values = {f.key: getattr(record, f.key) for f in LEDGERS["activity"].fields}
            values["attendees"] = tuple(n for n in record.attendees if n != "周伟")
            demo_store.update("activity", record.id, values)
    [him] = [p for p in demo_store.list("roster") if p.name == "周伟"]
    demo_store.update("roster", him.id, {"name": "周伟", "role": him.role, "post": him.post,
                                         "active": False, "left_on": "2022-10-31"})
    entry = next(e for e in trash.entries(demo_store) if e.ledger == "talk")
    with pytest.raises(UserError, match="无法恢复：周伟已于2022年10月31日离岗"):
        trash.restore(demo_store, entry.id)
    assert entry.id in {e.id for e in trash.entries(demo_store)}  # still in 回收站


def test_the_home_warning_asks_for_a_new_owner_when_the_owner_has_left(demo_store):
    from lianzheng_desktop.storage.plans import load_warnings

    [item] = [i for i in demo_store.list("rectification") if i.number == "XC-2022-05"]
    values = {f.key: getattr(item, f.key) for f in LEDGERS["rectification"].fields}
    demo_store.update("rectification", item.id, {**values, "owner": "何军"})  # left 14 August
    texts = [w.text for w in load_warnings(demo_store, date(2022, 9, 30))]
    assert any("原责任人何军已于 2022-08-14 离岗，请明确新的责任人" in t for t in texts)


def test_a_name_padded_to_line_up_is_one_person_in_the_forms_too(store):
    """Rosters pad a two-character name to three ("刘  芳"); typed so in the roster form it
    made a second 刘芳 (the Excel import already read it as one)."""
    import pytest

    from lianzheng_desktop.core.errors import UserError

    assert store.add("roster", {"name": "刘  芳", "role": "党员"}).name == "刘芳"
    with pytest.raises(UserError, match="人员名册中已有“刘芳”"):
        store.add("roster", {"name": "刘芳", "role": "党员"})
    talk = store.add("talk", {"date": "2022-12-01", "type": "谈心谈话", "talker": "县纪委 张强",
                              "talkees": "刘  芳"})
    assert (talk.talker, talk.talkees) == ("县纪委 张强", ("刘芳",))  # a longer piece stays


def test_a_roster_name_kept_padded_by_an_older_version_is_still_that_person(store):
    """Names were kept as typed before padding was taken out: "刘  芳" on the roster. The
    forms, which now write 刘芳, refused her as 责任人 and lost her as 谈话人 (a reviewer)."""
    kept = store.add("roster", {"name": "刘芳", "role": "书记"})
    store.db.execute("UPDATE person SET name = '刘  芳' WHERE id = ?", [kept.id])  # as kept
    store.add("roster", {"name": "王建国", "role": "党员"})
    item = store.add("rectification", {
        "source": "自查", "description": "台账不全", "owner": "刘  芳",
        "found_date": "2022-02-01", "deadline": "2022-04-01", "status": "整改中"})
    talk = store.add("talk", {"date": "2022-02-20", "type": "谈心谈话", "talker": "刘芳",
                              "talkees": "王建国"})
    heard = store.add("talk", {"date": "2022-02-21", "type": "谈心谈话", "talker": "王建国",
                               "talkees": "刘 芳"})
    assert item.owner == "刘  芳" and talk.talker == "刘  芳" and heard.talkees == ("刘  芳",)
