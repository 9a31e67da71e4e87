"""A 主持人, 负责人 or 整改责任人 not in post on the record's day is refused, as an attendee
is (revjiwei F16): the forms and the Excel import alike; a guest or several names in the
free-text field are fine, and a record kept before the check is not refused on an edit
that leaves that field alone."""

from datetime import datetime

import pytest
from openpyxl import Workbook

from lianzheng_desktop.core.errors import ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.interchange.xlsx import export_workbook, import_workbook

LEFT = "郑小芳已于2022年11月15日离岗，2022年11月20日不在岗；请核对日期或人员"


@pytest.fixture
def unit(store):
    store.add("roster", {"name": "马红梅", "role": "书记"})
    store.add("roster", {"name": "郑小芳", "role": "班子成员", "active": False,
                         "left_on": "2022-11-15"})
    store.add("roster", {"name": "林峰", "role": "班子成员", "joined_on": "2022-11-25"})
    return store


def session(day="2022-11-20", host="郑小芳"):
    return {"date": day, "form": "观看警示教育片", "topic": "观看《零容忍》", "host": host,
            "attendees": "马红梅"}


def meeting(day="2022-11-20", host="郑小芳"):
    return {"date": day, "type": "专题会议", "topic": "研究整改工作", "host": host}


def item(found="2022-11-20", owner="郑小芳"):
    return {"source": "自查", "description": "公务接待清单不完整", "owner": owner,
            "found_date": found, "deadline": "2022-12-30", "status": "整改中"}


def messages(exc):
    return [(e.label, e.message) for e in exc.value.errors]


def test_a_host_who_had_left_is_refused_with_the_attendees_sentence(unit):
    with pytest.raises(ValidationError) as refused:
        unit.add("warning_education", session())
    assert messages(refused) == [("主持人", LEFT)]
    with pytest.raises(ValidationError) as refused:
        unit.add("activity", meeting(host="马红梅、郑小芳"))
    assert messages(refused) == [("负责人", LEFT)]
    assert unit.count("warning_education") == unit.count("activity") == 0


def test_a_host_not_yet_arrived_is_refused(unit):
    with pytest.raises(ValidationError) as refused:
        unit.add("activity", meeting(host="林峰"))
    assert messages(refused) == [
        ("负责人", "林峰2022年11月25日才到岗，2022年11月20日尚未到岗；请核对日期或人员")]
    assert unit.add("activity", meeting(day="2022-11-25", host="林峰")).host == "林峰"


def test_a_host_in_post_a_guest_or_a_leaver_before_leaving_is_fine(unit):
    assert unit.add("warning_education", session(host="马红梅、县纪委张三")).id
    assert unit.add("activity", meeting(day="2022-11-15")).host == "郑小芳"  # her last day


def test_an_owner_who_had_left_before_the_problem_was_found_is_refused(unit):
    with pytest.raises(ValidationError) as refused:
        unit.add("rectification", item())
    assert messages(refused) == [("责任人", LEFT)]
    # found while she served: hers (the home page then asks for a new owner)
    assert unit.add("rectification", item(found="2022-11-10")).owner == "郑小芳"
    # found before he arrived: his successor's item, as before
    assert unit.add("rectification", item(found="2022-11-10", owner="林峰")).owner == "林峰"


def _kept_before_the_check(store, ledger, values):
    """A record saved before the check existed (by an older version of the app)."""
    from lianzheng_desktop.core import in_post

    real = in_post.DOER_FIELDS_CHECKED
    in_post.DOER_FIELDS_CHECKED = {}
    try:
        return store.add(ledger, values)
    finally:
        in_post.DOER_FIELDS_CHECKED = real


@pytest.mark.parametrize(("ledger", "values", "field"), [
    ("warning_education", session(), "host"),
    ("activity", meeting(), "host"),
    ("rectification", item(), "owner"),
])
def test_a_record_kept_before_the_check_is_edited_unless_that_field_changes(
        unit, ledger, values, field):
    kept = _kept_before_the_check(unit, ledger, values)
    spec = LEDGERS[ledger]
    edited = {**to_values(spec, kept), "summary" if ledger != "rectification"
              else "measures": "补充说明"}
    assert unit.validate(ledger, edited, before=kept)  # what the form asks before saving
    assert getattr(unit.update(ledger, kept.id, edited), field) == "郑小芳"  # not rewritten
    with pytest.raises(ValidationError, match="郑小芳已于2022年11月15日离岗"):
        unit.update(ledger, kept.id, {**edited, field: "郑小芳、马红梅"
                                      if ledger != "rectification" else "郑小芳"}
                    | ({spec.date_field: "2022-11-21"} if ledger == "rectification" else {}))


def _book(tmp_path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "in.xlsx"
    book.save(path)
    return path


def test_the_import_refuses_a_new_row_so_named(unit, tmp_path):
    path = _book(tmp_path, {
        "警示教育": [["日期*", "形式*", "主题*", "地点", "主持人", "参加人员"],
                 [datetime(2022, 11, 20), "观看警示教育片", "观看《零容忍》", "", "郑小芳",
                  "马红梅"]],
        "会议活动": [["日期*", "类型*", "主题*", "负责人"],
                 [datetime(2022, 11, 20), "专题会议", "研究整改", "县纪委张三、马红梅"]],
        "整改事项": [["问题来源*", "问题描述*", "责任人*", "发现日期*", "整改时限*", "状态*"],
                 ["自查", "公务接待清单不完整", "郑小芳", datetime(2022, 11, 20),
                  datetime(2022, 12, 30), "整改中"]],
    })
    result = import_workbook(unit, path)
    assert [str(p) for p in result.problems] == [
        f"警示教育 第2行 “主持人”列：{LEFT}",
        f"整改事项 第2行 “责任人”列：{LEFT}"]
    assert unit.count("activity") == 0  # nothing imported


def test_an_exported_ledger_holding_such_a_record_imports_again(unit, tmp_path):
    _kept_before_the_check(unit, "warning_education", session())
    export_workbook(unit, tmp_path / "a.xlsx")
    result = import_workbook(unit, tmp_path / "a.xlsx")
    assert result.problems == [] and result.plan is not None
    assert (result.plan.new, result.plan.conflicts) == (0, [])


def test_a_review_on_an_unfinished_item_kept_before_the_check_is_edited_but_not_entered(
        unit, tmp_path):
    """revjiwei F17: 回头看日期 on an item still 整改中 is refused when entered or changed;
    one kept so before is saved again on an unrelated edit, and its ledger re-imports."""
    values = {**item(found="2022-11-10"), "review_date": "2022-11-12"}
    with pytest.raises(ValidationError, match="状态为“整改中”的事项还不能填写“回头看日期”"):
        unit.add("rectification", values)
    from lianzheng_desktop.core import entry_rules

    real, entry_rules.UNFIXED = entry_rules.UNFIXED, ()
    try:
        kept = unit.add("rectification", values)
    finally:
        entry_rules.UNFIXED = real
    assert unit.update("rectification", kept.id, {**values, "measures": "补齐清单"}).review_date
    with pytest.raises(ValidationError, match="还不能填写“回头看日期”"):
        unit.update("rectification", kept.id, {**values, "review_date": "2022-11-13"})
    export_workbook(unit, tmp_path / "a.xlsx")
    result = import_workbook(unit, tmp_path / "a.xlsx")
    assert result.problems == [] and result.plan is not None and result.plan.new == 0
    book = _book(tmp_path, {"整改事项": [
        ["问题来源*", "问题描述*", "责任人*", "发现日期*", "整改时限*", "状态*", "回头看日期"],
        ["上级督查", "另一问题", "马红梅", datetime(2022, 11, 3), datetime(2022, 12, 30),
         "整改中", datetime(2022, 11, 12)]]})
    assert [str(p) for p in import_workbook(unit, book).problems] == [
        "整改事项 第2行 “回头看日期”列：“回头看”是整改完成后的复查，状态为“整改中”的事项还不能"
        "填写“回头看日期”；如已整改完成，请把状态改为“已完成”并填写完成日期"]


def test_an_item_reopened_after_its_review_found_the_problem_back_keeps_the_review(unit):
    """revdiff: a 回头看 found the problem back, so the item went from 已完成 back to 整改中;
    the rule refused the edit unless the date of that review — its 留痕 — was erased."""
    done = {**item(found="2022-06-01", owner="马红梅"), "status": "已完成",
            "completed_date": "2022-06-20", "review_date": "2022-11-10",
            "review_conclusion": "未反弹"}
    kept = unit.add("rectification", done)
    reopened = unit.update("rectification", kept.id, {
        **done, "status": "整改中", "completed_date": None,
        "review_conclusion": "回头看发现问题反弹，重新整改"})
    assert reopened.status == "整改中" and str(reopened.review_date) == "2022-11-10"


def test_a_leave_date_before_a_session_the_person_chaired_is_refused(store):
    """revdiff: she chaired a session on 20 November; the clerk then entered her 离岗日期
    as 1 November, and the report went on printing "（郑小芳主持）" after she had left."""
    store.add("roster", {"name": "马红梅", "role": "书记"})
    store.add("roster", {"name": "郑小芳", "role": "班子成员"})
    store.add("warning_education", session(host="郑小芳"))
    person = next(p for p in store.list("roster") if p.name == "郑小芳")
    values = {"name": "郑小芳", "role": "班子成员", "active": False}
    with pytest.raises(ValidationError, match="2022年11月20日的记录还列有郑小芳，离岗日期不能早于"):
        store.update("roster", person.id, {**values, "left_on": "2022-11-01"})
    assert store.update("roster", person.id, {**values, "left_on": "2022-11-20"}).left_on


def test_a_session_restored_from_the_trash_keeps_to_the_hosts_dates(store):
    """revdiff: deleted before her 离岗日期 was entered, a session she chaired after that day
    came back from 回收站 and was printed "（郑小芳主持）"."""
    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.storage import trash

    store.add("roster", {"name": "马红梅", "role": "书记"})
    store.add("roster", {"name": "郑小芳", "role": "班子成员"})
    kept = store.add("warning_education", session(host="郑小芳"))
    store.delete("warning_education", kept.id)
    person = next(p for p in store.list("roster") if p.name == "郑小芳")
    store.update("roster", person.id, {"name": "郑小芳", "role": "班子成员", "active": False,
                                       "left_on": "2022-11-01"})
    entry = next(e for e in trash.entries(store) if e.record_id == kept.id)
    with pytest.raises(UserError, match="无法恢复：郑小芳已于2022年11月1日离岗"):
        trash.restore(store, entry.id)
    assert store.count("warning_education") == 0
