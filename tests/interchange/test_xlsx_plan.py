"""Imports that think: new, already present and conflicting rows, before anything is written."""

from datetime import datetime

from openpyxl import load_workbook

from lianzheng_desktop.interchange.xlsx import (
    apply_import,
    export_workbook,
    import_workbook,
    plan_import,
)
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store
from tests.interchange.test_xlsx import ROSTER, by_label, workbook


def meeting(day, topic, attendees="", summary="", kind="专题会议"):
    return {"日期": day, "类型": kind, "主题": topic, "参加人员": attendees, "内容摘要": summary}


def fresh_store():
    return Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))


def totals(store):
    return {key: store.count(key) for key in
            ("roster", "warning_education", "talk", "rectification", "activity")}


def test_a_second_import_of_the_same_workbook_adds_nothing_and_says_so(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    other = fresh_store()
    first = import_workbook(other, tmp_path / "a.xlsx")
    assert first.plan.totals() == "新增 50 条，已存在 0 条（跳过），冲突 0 条"
    before = totals(other)
    second = plan_import(other, tmp_path / "a.xlsx")
    assert second.totals() == "新增 0 条，已存在 50 条（跳过），冲突 0 条"
    assert apply_import(other, second) == {"人员名册": 0, "警示教育": 0, "谈话记录": 0,
                                           "整改事项": 0, "会议活动": 0}
    assert totals(other) == before


def test_planning_writes_nothing(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    other = fresh_store()
    plan = plan_import(other, tmp_path / "a.xlsx")
    assert plan.new == 50 and other.is_empty()


def test_a_changed_row_is_a_conflict_named_by_its_fields_and_not_imported(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    items = book["整改事项"]
    header = [c.value for c in items[1]]
    status, done = header.index("状态*") + 1, header.index("完成日期") + 1
    row = next(r for r in range(2, items.max_row + 1) if items.cell(r, status).value == "整改中")
    items.cell(row, status).value = "已完成"
    items.cell(row, done).value = datetime(2022, 12, 1)
    meetings = book["会议活动"]
    meetings.append(by_label("会议活动", meeting(datetime(2022, 12, 30), "研究年终工作", "王建国")))
    book.save(tmp_path / "b.xlsx")
    before = totals(demo_store)
    done_before = [i.status for i in demo_store.list("rectification")].count("已完成")
    plan = plan_import(demo_store, tmp_path / "b.xlsx")
    assert plan.totals() == "新增 1 条，已存在 49 条（跳过），冲突 1 条（未导入）"
    [conflict] = plan.conflicts
    assert (conflict.sheet, conflict.row) == ("整改事项", row)
    assert conflict.fields == ("状态", "完成日期")
    assert str(conflict).startswith(f"整改事项 第{row}行：台账中已有")
    apply_import(demo_store, plan)
    after = totals(demo_store)
    assert after["activity"] == before["activity"] + 1
    assert after["rectification"] == before["rectification"]
    assert [i.status for i in demo_store.list("rectification")].count("已完成") == done_before


def test_key_rules_per_ledger(tmp_path):
    store = fresh_store()
    path = workbook(tmp_path, {
        "人员名册": ROSTER,
        "会议活动": [meeting("2022-03-08", "部署", "王建国、刘芳", "甲")],
        "谈话记录": [["2022-05-17", "谈心谈话", "王建国", "刘芳", "是"]],
        "整改事项": [["XC-1", "巡察反馈", "台账不全", "刘芳", "", "2022-03-18", "2022-06-30",
                  "整改中"],
                 ["", "自查", "制度不全", "刘芳", "", "2022-03-18", "2022-06-30", "整改中"]],
    })
    import_workbook(store, path)
    again = workbook(tmp_path, {
        "人员名册": [["王建国", "书记", "书记", "是"], ["刘芳", "办公室副主任", "党员", ""]],
        "会议活动": [meeting("2022-03-08", "部署", "刘芳、王建国", "甲"),  # names reordered
                 meeting("2022-03-08", "部署二"),  # another topic: new
                 meeting("2022-03-09", "部署")],  # another day: new
        "谈话记录": [["2022-05-17", "谈心谈话", "王建国", "刘芳", "否"]],  # 一对一 differs
        "整改事项": [["XC-1", "巡察反馈", "台账不全（改写）", "刘芳", "", "2022-03-18",
                  "2022-06-30", "整改中"],  # same number: the same item, description differs
                 ["", "自查", "制度不全", "刘芳", "", "2022-03-18", "2022-06-30", "整改中"]],
    })
    plan = plan_import(store, again)
    lines = plan.details()
    assert "人员名册：新增 0 条，已存在 1 条，冲突 1 条" in lines  # 刘芳's post changed
    assert "会议活动：新增 2 条，已存在 1 条，冲突 0 条" in lines
    assert "谈话记录：新增 0 条，已存在 0 条，冲突 1 条" in lines
    assert "整改事项：新增 0 条，已存在 1 条，冲突 1 条" in lines
    assert {c.fields for c in plan.conflicts} == {("职务",), ("一对一问题性约谈",), ("问题描述",)}


def test_the_same_entry_twice_in_a_workbook_is_added_once_and_the_copy_held_back(tmp_path):
    """F3: a row pasted twice is one meeting, as the form would ask before saving it twice."""
    store = fresh_store()
    rows = [["2022-03-08", "廉政学习", "学习党章", "", ""]] * 2
    path = workbook(tmp_path, {"人员名册": ROSTER, "会议活动": rows})
    result = import_workbook(store, path)
    assert result.counts["会议活动"] == 1 and store.count("activity") == 1
    [conflict] = result.plan.conflicts
    assert str(conflict).startswith("会议活动 第3行：与第2行是同一条记录")
    assert "疑似重复填写，未导入" in str(conflict)
    again = plan_import(store, path)
    assert again.totals() == "新增 0 条，已存在 3 条（跳过），冲突 1 条（未导入）"


def test_each_members_own_report_of_one_meeting_is_a_record_of_its_own(tmp_path):
    """revjiwei10 K4: 李明's and 张华's 履责报告 of one 党组会, worded alike, were held back
    as "与第2行是同一条记录…疑似重复填写" and every paper said 张华 had made none."""
    store = fresh_store()
    topic = "向党组报告上半年履行一岗双责情况"
    rows = [meeting("2022-07-05", topic, kind="履责报告") | {"负责人": who}
            for who in ("王建国", "刘芳")]
    path = workbook(tmp_path, {"人员名册": ROSTER, "会议活动": rows})
    result = import_workbook(store, path)
    assert result.plan.conflicts == [] and result.counts["会议活动"] == 2
    assert sorted(a.host for a in store.list("activity")) == ["刘芳", "王建国"]
    again = plan_import(store, path)
    assert again.totals() == "新增 0 条，已存在 4 条（跳过），冲突 0 条"


def test_a_row_kept_already_and_listed_twice_is_not_stored_a_second_time(tmp_path):
    """F3: the ledger has the entry; the workbook lists it twice: nothing is added."""
    store = fresh_store()
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("activity", {"date": "2022-03-08", "type": "廉政学习", "topic": "学习党章"})
    rows = [["2022-03-08", "廉政学习", "学习党章", "", ""]] * 2
    path = workbook(tmp_path, {"会议活动": rows})
    result = import_workbook(store, path)
    assert result.counts["会议活动"] == 0 and store.count("activity") == 1
    assert result.plan.present == 1 and len(result.plan.conflicts) == 1


def test_a_ledger_holding_an_entry_twice_imports_its_own_export_with_nothing_added(tmp_path):
    """Kept twice on purpose (the form asked, the secretary said yes): both rows match."""
    store = fresh_store()
    store.add("roster", {"name": "王建国", "role": "书记"})
    for _ in range(2):
        store.add("activity", {"date": "2022-03-08", "type": "廉政学习", "topic": "学习党章"})
    export_workbook(store, tmp_path / "a.xlsx")
    plan = plan_import(store, tmp_path / "a.xlsx")
    assert plan.totals() == "新增 0 条，已存在 3 条（跳过），冲突 0 条"


def test_imported_records_carry_their_audit_entries_and_people(tmp_path):
    from lianzheng_desktop.storage import audit

    store = fresh_store()
    path = workbook(tmp_path, {
        "人员名册": ROSTER,
        "警示教育": [["2022-04-01", "观看警示教育片", "警示片", "会议室", "王建国",
                  "王建国、刘芳", None]],
    })
    import_workbook(store, path)
    [session] = store.list("warning_education")
    assert session.attendees == ("王建国", "刘芳") and session.head_count == 2
    assert session.late_entry  # entered in December for an April session
    assert audit.verify(store) == []
    assert [e.action for e in audit.history(store.db, "warning_education", session.id)] == \
        ["create"]


def test_names_with_spaces_survive_export_and_import(tmp_path):
    store = fresh_store()
    store.add("roster", {"name": "阿依古丽 买买提", "role": "党员"})
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("activity", {"date": "2022-03-08", "type": "廉政学习", "topic": "学习",
                           "attendees": ("阿依古丽 买买提", "王建国")})
    export_workbook(store, tmp_path / "a.xlsx")
    other = fresh_store()
    assert import_workbook(other, tmp_path / "a.xlsx").problems == []
    assert other.list("activity")[0].attendees == ("阿依古丽 买买提", "王建国")


def test_imported_records_never_take_a_deleted_records_number(tmp_path):
    store = fresh_store()
    store.add("roster", {"name": "王建国", "role": "书记"})
    first = store.add("activity", {"date": "2022-03-08", "type": "廉政学习", "topic": "甲"})
    store.delete("activity", first.id)
    path = workbook(tmp_path, {"会议活动": [["2022-03-09", "廉政学习", "乙", "", ""]]})
    import_workbook(store, path)
    [second] = store.list("activity")
    assert second.id > first.id


def test_types_a_plan_added_go_to_core_validation(tmp_path, monkeypatch):
    """Where the store knows a plan's own types, a row of one is taken; where it does not,
    the row is a problem (revcode2 T9: the test only spied on the argument)."""
    path = workbook(tmp_path, {"人员名册": ROSTER,
                               "会议活动": [["2022-03-08", "政治学习", "部署", "", ""]]})
    store = fresh_store()
    refused = import_workbook(store, path)
    assert any("政治学习" in str(p) for p in refused.problems), refused.problems
    store = fresh_store()
    monkeypatch.setattr(store, "plan_types", lambda key: ("政治学习",), raising=False)
    taken = import_workbook(store, path)
    assert taken.problems == [] and taken.plan is not None and taken.plan.new >= 1


def test_a_wrong_file_lists_a_thousand_problems_then_stops(tmp_path):
    rows = [["2022-02-30", "专题会议", f"部署{i}", "", ""] for i in range(1500)]
    plan = plan_import(fresh_store(), workbook(tmp_path, {"会议活动": rows}))
    assert len(plan.problems) == 1001
    assert str(plan.problems[-1]).startswith("会议活动：问题较多，以上只列出前 1000 处")
