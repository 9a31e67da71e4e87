"""Every validation rule of the ledgers, each with the Chinese message naming its field."""

from datetime import date, timedelta

import pytest

from lianzheng_desktop.core.errors import ValidationError
from lianzheng_desktop.core.ledgers import (
    ACTIVITY,
    LEDGERS,
    RECTIFICATION,
    ROSTER,
    TALK,
    WARNING_EDUCATION,
    build_record,
)

ROSTER_NAMES = {"王建国", "李秀梅", "刘芳"}

VALID = {
    "roster": {"name": "王建国", "post": "书记", "role": "书记", "active": "是"},
    "warning_education": {"date": "2022-03-22", "form": "观看警示教育片", "topic": "观看《零容忍》",
                          "attendees": "王建国、刘芳", "head_count": 5},
    "talk": {"date": "2022-05-17", "type": "谈心谈话", "talker": "王建国",
             "talkees": "李秀梅、刘芳", "one_on_one": "否"},
    "rectification": {"source": "巡察反馈", "description": "台账不健全", "owner": "刘芳",
                      "found_date": "2022-03-18", "deadline": "2022-06-30", "status": "整改中"},
    "activity": {"date": "2022-03-08", "type": "专题会议", "topic": "研究部署"},
}


def errors_of(spec, values, today=None):
    with pytest.raises(ValidationError) as caught:
        build_record(spec, values, ROSTER_NAMES, today=today)
    return {e.field: e.message for e in caught.value.errors}


@pytest.mark.parametrize("key", list(LEDGERS))
def test_valid_values_build_a_record(key):
    record = build_record(LEDGERS[key], VALID[key], ROSTER_NAMES)
    assert isinstance(record, LEDGERS[key].record_type)


@pytest.mark.parametrize("key", list(LEDGERS))
def test_every_required_field_is_named_when_missing(key):
    spec = LEDGERS[key]
    for field in spec.fields:
        if not field.required:
            continue
        values = dict(VALID[key], **{field.key: ""})
        messages = errors_of(spec, values)
        assert messages[field.key] == f"“{field.label}”为必填项"


def test_a_date_with_the_wrong_weekday_says_which_day_it_is():
    messages = errors_of(ACTIVITY, dict(VALID["activity"], date="2022年3月5日（周一）"))
    assert messages["date"] == ("“日期”“2022年3月5日（周一）”：2022年3月5日是星期六，"
                                "与所写的星期一不符，请核对日期")


def test_dates_must_be_real():
    messages = errors_of(ACTIVITY, dict(VALID["activity"], date="2022-02-30"))
    assert "“日期”" in messages["date"] and "不是有效日期" in messages["date"]


def test_choice_outside_the_vocabulary_is_refused_and_lists_the_choices():
    messages = errors_of(TALK, dict(VALID["talk"], type="聊天"))
    assert "“类型”“聊天”不在可选项中" in messages["type"]
    assert "谈心谈话" in messages["type"]


def test_other_is_always_allowed():
    assert build_record(ACTIVITY, dict(VALID["activity"], type="其他"), ROSTER_NAMES).type == "其他"


def test_deadline_not_before_found_date():
    values = dict(VALID["rectification"], deadline="2022-03-17")
    assert errors_of(RECTIFICATION, values)["deadline"] == "“整改时限”不能早于“发现日期”"


def test_deadline_on_the_found_date_is_fine():
    values = dict(VALID["rectification"], deadline="2022-03-18")
    assert build_record(RECTIFICATION, values, ROSTER_NAMES).deadline == date(2022, 3, 18)


def test_done_needs_a_completion_date():
    values = dict(VALID["rectification"], status="已完成")
    assert "须填写“完成日期”" in errors_of(RECTIFICATION, values)["completed_date"]


def test_completion_date_only_when_done():
    values = dict(VALID["rectification"], completed_date="2022-05-01")
    assert "不应填写“完成日期”" in errors_of(RECTIFICATION, values)["completed_date"]


def test_done_with_completion_date_is_valid():
    values = dict(VALID["rectification"], status="已完成", completed_date="2022-05-01")
    assert build_record(RECTIFICATION, values, ROSTER_NAMES).completed_date == date(2022, 5, 1)


def test_completion_not_before_found_and_not_in_the_future():
    values = dict(VALID["rectification"], status="已完成", completed_date="2022-03-01")
    assert "不能早于" in errors_of(RECTIFICATION, values)["completed_date"]
    values = dict(VALID["rectification"], status="已完成", completed_date="2022-05-01")
    assert "不能晚于今天" in errors_of(RECTIFICATION, values, today=date(2022, 4, 30))[
        "completed_date"]


def test_review_needs_its_date_and_not_before_found():
    values = dict(VALID["rectification"], review_conclusion="整改到位")
    assert "回头看日期" in errors_of(RECTIFICATION, values)["review_date"]
    values = dict(VALID["rectification"], status="长期坚持", review_date="2022-01-01")
    assert "不能早于" in errors_of(RECTIFICATION, values)["review_date"]
    values = dict(VALID["rectification"], status="长期坚持", review_date="2022-05-01")
    assert "“回头看日期”不能晚于今天" in errors_of(RECTIFICATION, values, today=date(2022, 4, 30))[
        "review_date"]


@pytest.mark.parametrize("status", ["未开始", "整改中"])
def test_a_review_is_refused_on_an_item_not_yet_fixed(status):
    """回头看 checks a fix: on an item still 整改中 it is a slip (revjiwei F17)."""
    values = dict(VALID["rectification"], status=status, review_date="2022-04-10")
    assert errors_of(RECTIFICATION, values) == {"review_date": (
        f"“回头看”是整改完成后的复查，状态为“{status}”的事项还不能填写“回头看日期”；"
        "如已整改完成，请把状态改为“已完成”并填写完成日期")}


@pytest.mark.parametrize("fixed", [{"status": "已完成", "completed_date": "2022-04-01"},
                                   {"status": "长期坚持", "measures": "每季度检查"}])
def test_a_review_of_a_fixed_item_is_kept(fixed):
    """长期坚持 counts as fixed with its measures, and the checklist asks for its 回头看."""
    values = dict(VALID["rectification"], **fixed, review_date="2022-04-10")
    assert build_record(RECTIFICATION, values, ROSTER_NAMES).review_date == date(2022, 4, 10)


@pytest.mark.parametrize("key", ["warning_education", "talk", "rectification", "activity"])
def test_an_event_after_today_is_refused(key):
    """From the form, an Excel row or a command alike: the ledgers record the past."""
    spec = LEDGERS[key]
    day = "2022-03-18" if key == "rectification" else VALID[key][spec.date_field]
    message = errors_of(spec, VALID[key], today=date.fromisoformat(day) - timedelta(days=1))[
        spec.date_field]
    assert "不能晚于今天" in message and "请填写事情实际发生的日期" in message


def test_roster_names_are_checked_where_a_roster_name_is_expected():
    messages = errors_of(TALK, dict(VALID["talk"], talker="张无忌", talkees="李秀梅、赵敏"))
    assert "talker" not in messages  # a talker may come from outside (a 县纪委 comrade)
    assert "“赵敏”" in messages["talkees"]
    messages = errors_of(RECTIFICATION, dict(VALID["rectification"], owner="某人"))
    assert "“责任人”" in messages["owner"]
    messages = errors_of(WARNING_EDUCATION, dict(VALID["warning_education"], attendees="路人"))
    assert "“参加人员”" in messages["attendees"]


def test_talker_cannot_talk_to_themself():
    messages = errors_of(TALK, dict(VALID["talk"], talkees="王建国、刘芳"))
    assert messages["talkees"] == "“谈话人”不能同时是“谈话对象”"


def test_head_count_not_below_listed_attendees_and_defaults_to_them():
    messages = errors_of(WARNING_EDUCATION, dict(VALID["warning_education"], head_count=1))
    assert "少于所列“参加人员”（2 人）" in messages["head_count"]
    values = dict(VALID["warning_education"], head_count="")
    assert build_record(WARNING_EDUCATION, values, ROSTER_NAMES).head_count == 2


def test_counts_and_yes_no_are_checked():
    assert "整数" in errors_of(WARNING_EDUCATION,
                             dict(VALID["warning_education"], head_count="很多"))["head_count"]
    assert "“是”或“否”" in errors_of(TALK, dict(VALID["talk"], one_on_one="也许"))["one_on_one"]


def test_roster_active_defaults_to_yes():
    assert build_record(ROSTER, {"name": "刘芳", "role": "党员"}, None).active is True


def test_all_problems_are_reported_at_once():
    messages = errors_of(TALK, {"date": "昨天", "type": "", "talker": "", "talkees": ""})
    assert set(messages) == {"date", "type", "talker", "talkees"}


@pytest.mark.parametrize("bad", [object(), ["a"], {"a": 1}, 3.5j])
def test_wrong_types_are_messages_not_crashes(bad):
    with pytest.raises(ValidationError):
        build_record(ACTIVITY, dict(VALID["activity"], topic=bad, date=bad), ROSTER_NAMES)


def test_roster_dates_in_order_and_a_person_gone_is_not_in_post():
    arrived = {**VALID["roster"], "joined_on": "2022-07-01"}
    assert errors_of(ROSTER, {**arrived, "left_on": "2022-06-30"}) == {
        "left_on": "“离岗日期”不能早于“到岗日期”"}
    gone = {**VALID["roster"], "left_on": "2022-08-15"}
    # Past the 离岗日期 the person is 不在职, whatever the box or the Excel cell says: a date
    # set ahead while still serving must not make the entry unsavable once it has passed.
    for active in ("是", None):
        assert not build_record(ROSTER, {**gone, "active": active}, None,
                                today=date(2022, 9, 1)).active
    person = build_record(ROSTER, {**gone, "active": "否"}, None, today=date(2022, 9, 1))
    assert (person.left_on, person.active) == (date(2022, 8, 15), False)
    assert errors_of(ROSTER, {**gone, "active": "否", "left_on": "2022-12-31"},
                     today=date(2022, 9, 1)) == {
        "left_on": "离岗日期2022年12月31日还没到；如已离岗，请填实际离岗的日子"}
    # Leaving later this year, or today, is still being in post today.
    for last_day in ("2022-12-31", "2022-09-01"):
        assert build_record(ROSTER, {**gone, "left_on": last_day}, None,
                            today=date(2022, 9, 1)).active


@pytest.mark.parametrize("word", ["全体党员", "全体 班子成员", "全体干部职工"])
def test_a_group_word_is_not_a_persons_name_on_the_roster(word):
    """A reviewer added “全体党员” through the roster form: the checklist then counted it as
    one more member never covered, and the app's own Excel export could not be imported
    again (the import refuses it; the form did not)."""
    messages = errors_of(ROSTER, {**VALID["roster"], "name": word})
    assert messages["name"].startswith(f"“{word}”不是一个人的姓名，不能加入人员名册"), messages
    build_record(ROSTER, {**VALID["roster"], "name": "全体"}, ROSTER_NAMES)  # a real surname


def test_a_review_before_the_item_was_finished_is_refused():
    """回头看 is the check after the fix: dated before 完成日期 it counted the item reviewed."""
    values = {**VALID["rectification"], "status": "已完成", "completed_date": "2022-05-27",
              "review_date": "2022-05-26"}
    assert errors_of(RECTIFICATION, values) == {
        "review_date": "“回头看”是整改完成后的复查，“回头看日期”不能早于“完成日期”"}
    build_record(RECTIFICATION, {**values, "review_date": "2022-05-27"}, ROSTER_NAMES)


def test_another_units_name_is_a_named_unit_without_a_trade_union_in_it():
    """The first start and 设置 drop the shipped union plan by this one rule; a profile
    with only the 书记 typed names no unit, and a half-typed "县" is left to 设置's timing."""
    from lianzheng_desktop.core.records import UnitProfile

    assert UnitProfile("县审计局").names_another_unit
    assert UnitProfile("", "县妇联机关党支部").names_another_unit
    assert not UnitProfile("县总工会").names_another_unit
    assert not UnitProfile("", "", "王建国").names_another_unit
