from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook, load_workbook

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.interchange.xlsx import export_workbook, import_workbook
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

HEADERS = {
    "人员名册": ["姓名*", "职务", "角色*", "在职", "到岗日期", "离岗日期"],
    "警示教育": ["日期*", "形式*", "主题*", "地点", "主持人", "参加人员", "参加人数", "内容摘要"],
    "谈话记录": ["日期*", "类型*", "谈话人*", "谈话对象*", "一对一问题性约谈", "内容摘要",
             "发现问题"],
    "整改事项": ["编号", "问题来源*", "问题描述*", "责任人*", "整改措施", "发现日期*", "整改时限*",
             "状态*", "完成日期", "回头看日期", "回头看结论"],
    "会议活动": ["日期*", "类型*", "主题*", "负责人", "参加人员", "内容摘要"],
}


def fresh_store():
    return Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))


def cells(path):
    book = load_workbook(path)
    return {name: [list(r) for r in book[name].iter_rows(values_only=True)]
            for name in book.sheetnames}


def test_sheets_and_headers_are_exactly_the_issues(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = cells(tmp_path / "a.xlsx")
    assert list(book) == list(HEADERS)
    for name, header in HEADERS.items():
        assert book[name][0] == header


def test_export_import_export_gives_identical_cells(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    other = fresh_store()
    result = import_workbook(other, tmp_path / "a.xlsx")
    assert result.problems == []
    assert result.counts == {"人员名册": 12, "警示教育": 3, "谈话记录": 8, "整改事项": 6,
                             "会议活动": 21}
    export_workbook(other, tmp_path / "b.xlsx")
    assert cells(tmp_path / "a.xlsx") == cells(tmp_path / "b.xlsx")


def test_exported_cells_hold_real_dates_names_and_yes_no(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    talks = cells(tmp_path / "a.xlsx")["谈话记录"]
    first = talks[1]
    assert first[0] == datetime(2022, 2, 16)
    assert first[3] == "李秀梅、张志强、陈立新"
    assert first[4] == "否"


def workbook(tmp_path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(HEADERS[name])
        for row in rows:
            sheet.append(by_label(name, row) if isinstance(row, dict) else row)
    path = tmp_path / "in.xlsx"
    book.save(path)
    return path


ROSTER = [["王建国", "书记", "书记", "是"], ["刘芳", "办公室主任", "党员", ""]]


def test_dates_names_and_yes_no_in_the_forms_offices_type(tmp_path):
    path = workbook(tmp_path, {
        "人员名册": ROSTER + [["李秀梅", "", "班子成员", None]],
        "谈话记录": [["2022/5/17", "谈心谈话", "王建国", "刘芳，李秀梅", "是"],
                 ["2022年6月1日", "廉政谈话", "王建国", "刘芳,李秀梅", "否"],
                 [datetime(2022, 7, 1), "提醒谈话", "王建国", "刘芳", None]],
    })
    store = fresh_store()
    result = import_workbook(store, path)
    assert result.problems == []
    talks = store.list("talk", )
    assert sorted(t.date for t in talks) == [date(2022, 5, 17), date(2022, 6, 1), date(2022, 7, 1)]
    assert {t.talkees for t in talks} == {("刘芳", "李秀梅"), ("刘芳",)}
    assert [t.one_on_one for t in sorted(talks, key=lambda t: t.date)] == [True, False, False]


def test_any_invalid_row_imports_nothing_and_every_problem_is_listed(tmp_path):
    path = workbook(tmp_path, {
        "人员名册": ROSTER,
        "整改事项": [["XC-1", "巡察反馈", "台账不全", "刘芳", "", "2022-03-18", "2022-06-30",
                  "整改中"],
                 ["XC-2", "巡察反馈", "经费", "刘芳", "", "2022-05-01", "2022-04-01", "整改中"],
                 ["XC-3", "巡察", "公示", "张三", "", "2022-02-30", "2022-06-30", "已完成"]],
    })
    store = fresh_store()
    result = import_workbook(store, path)
    lines = [str(p) for p in result.problems]
    assert "整改事项 第3行 “整改时限”列：不能早于“发现日期”" in lines
    assert any(line.startswith("整改事项 第4行 “问题来源”列：") for line in lines)
    assert any(line.startswith("整改事项 第4行 “责任人”列：") and "张三" in line for line in lines)
    assert any(line.startswith("整改事项 第4行 “发现日期”列：") for line in lines)
    assert store.is_empty()  # not even the valid roster rows


def test_missing_required_column_is_reported(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期", "主题"])
    sheet.append(["2022-03-08", "部署"])
    book.save(tmp_path / "c.xlsx")
    result = import_workbook(fresh_store(), tmp_path / "c.xlsx")
    problems = [str(p) for p in result.problems]
    assert "会议活动 第1行 “类型”列：缺少这一必填列，请检查表头" in problems


def test_duplicate_roster_names_in_the_sheet(tmp_path):
    path = workbook(tmp_path, {"人员名册": ROSTER + [["刘芳", "", "党员", "是"]]})
    result = import_workbook(fresh_store(), path)
    assert [str(p) for p in result.problems] == ["人员名册 第4行 “姓名”列：“刘芳”与第3行重复"]


def test_not_a_workbook(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError, match="不是 Excel 工作簿"):
        import_workbook(fresh_store(), bad)
    with pytest.raises(UserError, match="找不到文件"):
        import_workbook(fresh_store(), tmp_path / "none.xlsx")


def test_workbook_without_ledger_sheets(tmp_path):
    book = Workbook()
    book.active.title = "Sheet1"
    book.save(tmp_path / "y.xlsx")
    with pytest.raises(UserError, match="没有可导入的工作表"):
        import_workbook(fresh_store(), tmp_path / "y.xlsx")


def by_label(sheet, values):
    """A row of ``sheet`` from {label: value}, in whatever order its columns are."""
    return [values.get(h.rstrip("*")) for h in HEADERS[sheet]]


def test_a_plans_own_type_imports_and_counts_in_the_checklist(tmp_path):
    """Issue 13: a 政治学习 row from Excel counts toward 每月开展一次政治学习, and a 负责人
    column says who heard a report (a duty of each 班子成员)."""
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.storage import plans

    store = fresh_store()
    plans.import_plan_text(store, "2022年要点\n一、学习\n1.学习。每月开展一次政治学习。\n", 2022)
    path = workbook(tmp_path, {
        "人员名册": ROSTER,
        "会议活动": [["2022-02-10", "政治学习", "学习党章", "王建国", "刘芳", ""]],
    })
    result = import_workbook(store, path)
    assert result.problems == []
    assert store.list("activity")[0].host == "王建国"
    checklist = plans.load_checklist(store, Quarter(2022, 1), date(2022, 3, 31))
    study = next(i for i in checklist.items if "政治学习" in i.requirement.text)
    assert "2月1次" in study.explanation and study.status.value == "failed"


def test_roster_dates_go_out_and_come_back_and_older_sheets_without_them_import(tmp_path):
    store = fresh_store()
    store.add("roster", {"name": "王建国", "role": "书记", "active": "是",
                         "joined_on": "2021-03-01"})
    store.add("roster", {"name": "刘芳", "role": "党员", "active": "否",
                         "left_on": "2022-06-30"})
    export_workbook(store, tmp_path / "out.xlsx")
    rows = cells(tmp_path / "out.xlsx")["人员名册"]
    assert rows[1][4:] == [datetime(2021, 3, 1), None]
    assert rows[2][4:] == [None, datetime(2022, 6, 30)]
    again = fresh_store()
    assert import_workbook(again, tmp_path / "out.xlsx").problems == []
    assert [(p.joined_on, p.left_on) for p in again.list("roster")] == [
        (date(2021, 3, 1), None), (None, date(2022, 6, 30))]
    # A workbook from before these columns (four of them) still imports.
    book = Workbook()
    book.active.title = "人员名册"
    for row in [["姓名*", "职务", "角色*", "在职"], *ROSTER]:
        book.active.append(row)
    book.save(tmp_path / "old.xlsx")
    old = fresh_store()
    assert import_workbook(old, tmp_path / "old.xlsx").problems == []
    assert {(p.name, p.joined_on, p.left_on) for p in old.list("roster")} == {
        ("王建国", None, None), ("刘芳", None, None)}
    # Imported again where the dates are kept: a sheet without those columns says nothing
    # about them, so its rows are the kept people (已存在), not conflicts.
    book = Workbook()
    book.active.title = "人员名册"
    for row in [["姓名*", "职务", "角色*", "在职"], ["王建国", None, "书记", "是"],
                ["刘芳", None, "党员", "否"]]:
        book.active.append(row)
    book.save(tmp_path / "old2.xlsx")
    result = import_workbook(store, tmp_path / "old2.xlsx")
    assert result.problems == [] and result.plan is not None
    assert (result.plan.new, result.plan.present, result.plan.conflicts) == (0, 2, [])
    assert store.list("roster")[1].left_on == date(2022, 6, 30)


def test_an_imported_row_naming_someone_before_they_arrived_is_a_problem(tmp_path):
    """The roster sheet's own 到岗日期 counts for the sheets after it."""
    path = workbook(tmp_path, {
        "人员名册": [["王建国", "书记", "书记", "是"],
                 ["周强", "", "党员", "是", datetime(2022, 10, 8)]],
        "谈话记录": [["2022-09-20", "谈心谈话", "王建国", "周强", "否"]],
    })
    store = fresh_store()
    result = import_workbook(store, path)
    assert [str(p) for p in result.problems] == [
        "谈话记录 第2行 “谈话对象”列："
        "周强2022年10月8日才到岗，2022年9月20日尚未到岗；请核对日期或人员"]
    assert store.is_empty()


def test_a_row_corrected_in_excel_is_not_added_a_second_time(demo_store, tmp_path):
    """The exported ledger with one meeting's 主题 corrected and a name added to a talk:
    both rows are 疑似同一条记录 and not imported (the counts in print would double); a
    second meeting on a day the workbook also keeps the first of is new."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    meetings, talks = book["会议活动"], book["谈话记录"]
    header = [c.value for c in meetings[1]]
    topic = header.index("主题*") + 1
    first = meetings.cell(2, topic).value
    meetings.cell(2, topic).value = first + "（更正）"
    talkees = [c.value for c in talks[1]].index("谈话对象*") + 1
    talks.cell(2, talkees).value = talks.cell(2, talkees).value + "、刘芳"
    second = [c.value for c in meetings[3]]
    second[topic - 1] = "同一天的另一次学习"
    second[header.index("日期*")] = meetings.cell(3, header.index("日期*") + 1).value
    meetings.append(second)
    book.save(tmp_path / "b.xlsx")
    result = import_workbook(demo_store, tmp_path / "b.xlsx")
    plan = result.plan
    assert result.problems == [] and plan is not None
    near = [str(c) for c in plan.conflicts if c.near]
    assert len(near) == 2
    corrected = (first + "（更正）")[:20]  # the message shows what each side holds
    assert any(f"“主题”（表格中为“{corrected}" in line and f"台账中为“{first[:20]}" in line
               and "不同，疑似同一条记录" in line for line in near), near
    # who is more in the workbook, not two re-sorted lists to compare (revyear3 H2)
    assert any(line.startswith("谈话记录 第2行") and "“谈话对象”（表格中多了“刘芳”）" in line
               for line in near), near
    assert plan.new == 1  # the second meeting of the day


def test_a_record_deleted_since_the_export_does_not_come_back_with_it(demo_store, tmp_path):
    """Exported, then a meeting deleted (it is in 回收站): importing the workbook again does
    not bring it back unasked, and says where it is."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    gone = demo_store.list("activity")[0]
    demo_store.delete("activity", gone.id)
    result = import_workbook(demo_store, tmp_path / "a.xlsx")
    plan = result.plan
    assert result.problems == [] and plan is not None and plan.new == 0
    assert ("会议活动：新增 0 条，已存在 20 条，冲突 0 条，已删除（在回收站中）1 条"
            in plan.details())
    assert any("请到“回收站”页恢复" in line for line in plan.details())
    assert not any("与回收站中的记录不同" in line for line in plan.details())  # the same
    assert gone.id not in {a.id for a in demo_store.list("activity")}


def test_a_deleted_records_row_that_says_more_than_the_trash_is_said(demo_store, tmp_path):
    """revloss2 L-4: a row whose record is in 回收站 was skipped as 已删除 though the
    workbook's row held a 内容摘要 the trashed record lacks; restored, it was lost."""
    book, sheet, row, _gone = _trashed_meetings_row(demo_store, tmp_path)
    summary_at = [c.value for c in sheet[1]].index("内容摘要") + 1
    sheet.cell(row, summary_at).value = "在Excel中补写的会议内容摘要"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None
    said = [line for line in plan.details() if "与回收站中的记录不同" in line]
    assert len(said) == 1 and "“内容摘要”" in said[0] and f"第{row}行" in said[0], said


def test_a_row_correcting_a_deleted_records_title_is_not_a_new_record(demo_store, tmp_path):
    """revloss3 W-1: a row renaming a meeting now in 回收站 was imported as new; taken back
    from 回收站, the one meeting then counted twice."""
    book, sheet, row, gone = _trashed_meetings_row(demo_store, tmp_path)
    topic_at = [c.value for c in sheet[1]].index("主题*") + 1
    sheet.cell(row, topic_at).value = gone.topic + "（第二轮）"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0
    said = [line for line in plan.details() if "疑似回收站中的" in line]
    assert len(said) == 1 and f"第{row}行" in said[0] and "“主题”不同" in said[0], said


def test_another_meeting_of_a_deleted_ones_day_is_imported(demo_store, tmp_path):
    """revdiff8 1: a row of ANOTHER meeting of the day and type of a trashed one was held as
    that one ("疑似回收站中的…"): never imported, and the advice to restore and correct the
    trashed one would have made one meeting of two."""
    book, sheet, row, gone = _trashed_meetings_row(demo_store, tmp_path)
    header = [c.value for c in sheet[1]]
    values = [sheet.cell(row, c).value for c in range(1, len(header) + 1)]
    values[header.index("主题*")] = "部署下半年党风廉政建设工作"  # the same people, no summary
    sheet.append(values)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 1, plan.details()
    assert not any("疑似回收站中的" in line for line in plan.details())


def test_a_deleted_meetings_row_reworded_is_held_not_imported(demo_store, tmp_path):
    """revlast8 F5: the trashed study's row with its title reworded (nothing else) was
    imported as new; taken back from 回收站, the one study counted twice."""
    book, sheet, row, gone = _trashed_meetings_row(demo_store, tmp_path)
    topic_at = [c.value for c in sheet[1]].index("主题*") + 1
    sheet.cell(row, topic_at).value = f"集中{gone.topic}并交流研讨"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0, plan.details()
    assert any("疑似回收站中的" in line for line in plan.details())


def test_an_import_says_how_many_rows_it_will_mark_as_entered_late(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    later = fresh_store()  # on 31 December 2022: the year's records, all but December's late
    plan = import_workbook(later, tmp_path / "a.xlsx").plan
    assert plan is not None
    late = sum(r.late_entry for key in ("warning_education", "talk", "rectification",
                                        "activity") for r in later.list(key))
    assert late > 30
    assert plan.late == late
    assert (f"新增的记录中有 {late} 条录入本软件时距活动日期已超过7天。当时已按时记在 Excel 台账"
            "中的，可不标“补录”（选“按原台账导入”）") \
        in "".join(plan.notes)
    assert "--kept-on-time" not in "".join(plan.notes)  # the window's words (the command asks)
    # a file moved through Excel loses entry times and 计入要求: the way that keeps them
    assert "请改用“备份”和“恢复”" in "".join(plan.notes)


def test_a_roster_row_not_kept_lends_the_other_sheets_no_dates(demo_store, tmp_path):
    """The workbook moves 何军's 离岗日期 to 31 December (a 冲突: not saved) and adds an
    October talk with him: checked against the kept date, the talk is refused."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    roster, talks = book["人员名册"], book["谈话记录"]
    left = [c.value for c in roster[1]].index("离岗日期") + 1
    row = next(r for r in range(2, roster.max_row + 1) if roster.cell(r, 1).value == "何军")
    roster.cell(row, left).value = datetime(2022, 12, 31)
    talks.append([datetime(2022, 10, 1), "谈心谈话", "王建国", "何军", "否"])
    book.save(tmp_path / "b.xlsx")
    result = import_workbook(demo_store, tmp_path / "b.xlsx")
    assert any("何军已于2022年8月14日离岗，2022年10月1日不在岗" in str(p)
               for p in result.problems)


def test_another_meeting_of_the_same_day_differing_in_much_is_new(demo_store, tmp_path):
    """Kept: 20 December 专题会议 on year-end work (added after the export). The workbook
    has a 专题会议 that day on something else, other people, another host: a second
    meeting, imported, not a 疑似同一条记录."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    demo_store.add("activity", {"date": "2022-12-20", "type": "专题会议",
                                "topic": "研究部署年终廉政工作", "host": "王建国",
                                "attendees": ["李秀梅", "张志强"]})
    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["会议活动"]
    header = [c.value for c in sheet[1]]
    row = [None] * len(header)
    for label, value in (("日期*", datetime(2022, 12, 20)), ("类型*", "专题会议"),
                         ("主题*", "专题研究巡察整改推进"), ("负责人", "李秀梅"),
                         ("参加人员", "陈立新、刘芳"), ("内容摘要", "逐项梳理整改进度")):
        row[header.index(label)] = value
    sheet.append(row)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 1 and not plan.conflicts


def test_a_date_corrected_on_either_side_is_not_a_second_record(demo_store, tmp_path):
    """A 警示教育 whose date was corrected by a day in Excel, a meeting moved by a day in
    the app after the export, an 整改事项 without 编号 whose 问题描述 was corrected in the
    app: each is 疑似同一条记录, not added again (they were doubled). The same meeting
    three weeks later is another one, and new."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    meeting = demo_store.list("activity")[0]
    moved = {f: getattr(meeting, f) for f in ("type", "topic", "host", "attendees",
                                               "summary", "head_count") if hasattr(meeting, f)}
    demo_store.update("activity", meeting.id, {**moved, "date": date.fromordinal(
        meeting.date.toordinal() + 1)})
    item = demo_store.add("rectification", {
        "source": "自查", "description": "公务接待清单未及时登记", "owner": "刘芳",
        "found_date": "2022-11-10", "deadline": "2022-12-20", "status": "整改中"})
    export_workbook(demo_store, tmp_path / "c.xlsx")  # with the item as first written
    demo_store.update("rectification", item.id, {
        "source": "自查", "description": "公务接待清单未及时登记、审批单缺签字", "owner": "刘芳",
        "found_date": "2022-11-10", "deadline": "2022-12-20", "status": "整改中"})
    book = load_workbook(tmp_path / "a.xlsx")
    sessions = book["警示教育"]
    day = [c.value for c in sessions[1]].index("日期*") + 1
    sessions.cell(2, day).value += timedelta(days=1)
    meetings = book["会议活动"]
    header = [c.value for c in meetings[1]]
    later = [c.value for c in meetings[2]]
    later[header.index("日期*")] += timedelta(days=21)
    meetings.append(later)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None
    near = [str(c) for c in plan.conflicts if c.near]
    moved = sessions.cell(2, day).value.date()
    assert any(line.startswith("警示教育 第2行") and f"“日期”（表格中为{moved}，台账中为"
               f"{moved - timedelta(days=1)}）不同" in line for line in near), near
    assert any(line.startswith("会议活动") and "“日期”（表格中为" in line for line in near), near
    assert plan.new == 1  # three weeks on: another meeting
    corrected = import_workbook(demo_store, tmp_path / "c.xlsx").plan
    assert corrected is not None and corrected.new == 0
    assert any(line.startswith("整改事项") and "“问题描述”（表格中为“公务接待清单未及时登记”，"
               "台账中为“公务接待清单未及时登记、审批单缺签字”）不同" in line
               for line in map(str, corrected.conflicts))


def test_a_date_corrected_by_days_in_an_exported_ledger_is_not_a_second_record(
        demo_store, tmp_path):
    """revyear2 G0: an exported ledger with one meeting's date corrected from 6-09 to 6-19
    (a typo) imported it as a new record, "冲突 0 条": the meeting counted twice. Within a
    workbook of the whole ledger, a kept record it lacks that is the row in all but the
    date is the row corrected, however far the date moved."""
    demo_store.add("activity", {"date": "2022-01-20", "type": "专题会议", "topic": "年度工作部署",
                                "host": "王建国"})  # (no one named who has left since)
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    meetings = book["会议活动"]
    day = [c.value for c in meetings[1]].index("日期*") + 1
    dates = [meetings.cell(n, day).value for n in range(2, meetings.max_row + 1)]
    # a meeting within the workbook's dates, its date moved on by ten days, still within
    row = next(n for n, d in enumerate(dates, start=2)
               if min(dates) < d and d + timedelta(days=10) < max(dates))
    was = meetings.cell(row, day).value.date()
    meetings.cell(row, day).value += timedelta(days=10)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0
    (line,) = [str(c) for c in plan.conflicts]
    assert line.startswith(f"会议活动 第{row}行") and (
        f"只是“日期”（表格中为{was + timedelta(days=10)}，台账中为{was}）不同，疑似同一条记录"
        in line), line
    # the sheet's first meeting moved on by eleven days: still that meeting (revlast4 F1)
    first_moved = load_workbook(tmp_path / "a.xlsx")
    sheet = first_moved["会议活动"]
    earliest = min(range(2, sheet.max_row + 1), key=lambda n: sheet.cell(n, day).value)
    sheet.cell(earliest, day).value += timedelta(days=11)
    first_moved.save(tmp_path / "e.xlsx")
    plan = import_workbook(demo_store, tmp_path / "e.xlsx").plan
    assert plan is not None and plan.new == 0, plan.details()
    assert [c.row for c in plan.conflicts] == [earliest]
    # …but not last quarter's like meeting: a January row repeating December's, in a
    # workbook that repeats one kept row, is new (revlast5 1, 2)
    demo_store.clock = lambda: datetime(2023, 2, 1, 9)
    demo_store.add("activity", {"date": "2023-01-06", "type": "专题会议", "topic": "新年部署",
                                "host": "王建国"})  # imported before: 2023's ledger so far
    january = Workbook()
    sheet = january.active
    sheet.title = "会议活动"
    sheet.append([c.value for c in meetings[1]])
    kept = [None] * meetings.max_column
    for column, value in (("日期*", datetime(2023, 1, 6)), ("类型*", "专题会议"),
                          ("主题*", "新年部署"), ("负责人", "王建国")):
        kept[[c.value for c in meetings[1]].index(column)] = value
    sheet.append(kept)
    demo_store.add("activity", {"date": "2022-12-20", "type": "廉政学习", "topic": "节前廉政提醒",
                                "host": "王建国"})
    again = list(kept)  # December's 廉政学习, held again in January
    for column, value in (("日期*", datetime(2023, 1, 10)), ("类型*", "廉政学习"),
                          ("主题*", "节前廉政提醒")):
        again[[c.value for c in meetings[1]].index(column)] = value
    sheet.append(again)
    january.save(tmp_path / "f.xlsx")
    plan = import_workbook(demo_store, tmp_path / "f.xlsx").plan
    assert plan is not None and plan.new == 1 and not plan.conflicts, plan.details()
    demo_store.clock = lambda: datetime(2022, 12, 31, 17)
    # a sheet of new rows only (a month's entries) says nothing of the kind: a copy of a
    # kept meeting ten days on is another one
    new_rows = Workbook()
    sheet = new_rows.active
    sheet.title = "会议活动"
    sheet.append([c.value for c in meetings[1]])
    sheet.append([c.value for c in meetings[row]])
    new_rows.save(tmp_path / "c.xlsx")
    plan = import_workbook(demo_store, tmp_path / "c.xlsx").plan
    assert plan is not None and plan.new == 1 and not plan.conflicts
    # revdiff5 F1: a workbook of the ledger's last months, with a new row that repeats a
    # kept meeting of months before them in all but the date: another meeting, imported
    late = Workbook()
    sheet = late.active
    sheet.title = "会议活动"
    sheet.append([c.value for c in meetings[1]])
    last = max(range(2, meetings.max_row + 1), key=lambda n: meetings.cell(n, day).value)
    sheet.append([c.value for c in meetings[last]])  # kept: the workbook holds the ledger
    topic = [c.value for c in meetings[1]].index("主题*") + 1
    first = next(n for n in range(2, meetings.max_row + 1)
                 if meetings.cell(n, topic).value == "年度工作部署")
    again = [c.value for c in meetings[first]]
    again[day - 1] = meetings.cell(last, day).value - timedelta(days=1)
    sheet.append(again)
    late.save(tmp_path / "d.xlsx")
    plan = import_workbook(demo_store, tmp_path / "d.xlsx").plan
    assert plan is not None and plan.new == 1 and not plan.conflicts, plan.details()


def test_a_row_the_office_took_out_of_its_ledger_is_named_not_kept_unsaid(demo_store,
                                                                          tmp_path):
    """revyear2 G4: a meeting deleted from the exported ledger in Excel stayed in the app,
    still counted, and the check said nothing of it."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    meetings = book["会议活动"]
    header = [c.value for c in meetings[1]]
    gone = [c.value for c in meetings[3]]
    meetings.delete_rows(3)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0 and not plan.conflicts
    lines = plan.details()
    at = lines.index("台账中有、工作簿中没有的记录（导入不会删除它们，仍计入台账；如确已不要，"
                     "请在软件中删除）：")
    day, kind = gone[header.index("日期*")].date(), gone[header.index("类型*")]
    assert lines[at + 1].startswith(f"  会议活动：{day} 的{kind}“"), lines
    assert len(lines) == at + 2  # that one only


def _export_with_a_meeting(store, tmp_path, day, kind, topic):
    """The ledger exported to a.xlsx, and as b.xlsx with one meeting row added."""
    export_workbook(store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["会议活动"]
    header = [c.value for c in sheet[1]]
    row = [None] * len(header)
    for label, value in (("日期*", day), ("类型*", kind), ("主题*", topic)):
        row[header.index(label)] = value
    sheet.append(row)
    book.save(tmp_path / "b.xlsx")


def test_a_row_dated_after_today_is_refused_as_the_form_refuses_it(demo_store, tmp_path):
    """A 民主生活会 planned for next month and typed into the sheet was imported without a
    word (the form refuses it): the ledgers record what has happened."""
    _export_with_a_meeting(demo_store, tmp_path, datetime(2023, 1, 20), "民主生活会",
                           "2022年度民主生活会")
    result = import_workbook(demo_store, tmp_path / "b.xlsx")
    assert any("不能晚于今天（2022-12-31）" in str(p) for p in result.problems), result.problems
    assert "2022年度民主生活会" not in {a.topic for a in demo_store.list("activity")}


def test_problems_of_one_inspection_and_a_weekly_study_are_new_not_near(store, tmp_path):
    """Two 巡察 problems found on one day differ in 编号 (and description): the second is
    new, not 疑似同一条记录. A study of the same topic a week on, its summary different, is
    new too; only a date a few days off with all else alike is taken for a correction."""
    store.clock = lambda: datetime(2022, 12, 31, 17)
    store.add("roster", {"name": "刘芳", "role": "党员"})
    item = {"source": "巡察反馈", "owner": "刘芳", "found_date": "2022-04-10",
            "deadline": "2022-06-30", "status": "整改中"}
    store.add("rectification", {**item, "number": "XC-2022-01", "description": "会议记录不全"})
    store.add("activity", {"date": "2022-03-01", "type": "廉政学习", "topic": "学习党章",
                           "summary": "第一章"})
    other = fresh_store()
    other.add("roster", {"name": "刘芳", "role": "党员"})
    other.add("rectification", {**item, "number": "XC-2022-02", "description": "公车登记缺项"})
    other.add("activity", {"date": "2022-03-08", "type": "廉政学习", "topic": "学习党章",
                           "summary": "第二章"})
    export_workbook(other, tmp_path / "o.xlsx")
    plan = import_workbook(store, tmp_path / "o.xlsx").plan
    assert plan is not None and not plan.conflicts, [str(c) for c in plan.conflicts]
    assert plan.new == 2


def test_a_workbook_from_before_a_rename_does_not_add_the_person_again(demo_store, tmp_path):
    """刘芳 renamed 刘芳芳 after the export: importing the old workbook added 刘芳 as a new
    member (and her records under the old name); now the row says what she is called."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    liu = next(p for p in demo_store.list("roster") if p.name == "刘芳")
    demo_store.update("roster", liu.id, {"name": "刘芳芳", "role": liu.role, "post": liu.post,
                                         "active": liu.active})
    result = import_workbook(demo_store, tmp_path / "a.xlsx")
    assert any("“刘芳”已在人员名册中改名为“刘芳芳”" in str(p) for p in result.problems)
    assert "刘芳" not in demo_store.roster_names()
    # the roster row taken out, the ledgers' rows under her old name say the same
    book = load_workbook(tmp_path / "a.xlsx")
    roster = book["人员名册"]
    row = next(r for r in range(2, roster.max_row + 1) if roster.cell(r, 1).value == "刘芳")
    roster.delete_rows(row)
    book.save(tmp_path / "b.xlsx")
    problems = [str(p) for p in import_workbook(demo_store, tmp_path / "b.xlsx").problems]
    named = [p for p in problems if "“刘芳”" in p]
    assert named and all("改名为“刘芳芳”" in p and "请先在人员名册中添加" not in p
                         for p in named), named[:3]


def test_a_type_talker_or_source_corrected_in_excel_is_not_a_second_record(demo_store,
                                                                           tmp_path):
    """A reviewer corrected a 廉政学习 to 专题会议 in the exported workbook and imported it:
    it came back as a second record, and "全年专题会议不少于4次" showed 已完成 with three
    held. The same for a talk's 谈话人 and an item's 问题来源. Each is now 疑似同一条记录;
    a meeting of the same day differing in more than one field is still new."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")

    def column(sheet, label):
        return [c.value for c in sheet[1]].index(label) + 1

    meetings, talks, items = book["会议活动"], book["谈话记录"], book["整改事项"]
    study = next(r for r in range(2, meetings.max_row + 1)
                 if meetings.cell(r, column(meetings, "类型*")).value == "廉政学习")
    meetings.cell(study, column(meetings, "类型*")).value = "专题会议"
    talks.cell(2, column(talks, "谈话人*")).value = "县纪委 张强"
    items.cell(2, column(items, "问题来源*")).value = "审计"
    other = [c.value for c in meetings[study]]
    other[column(meetings, "类型*") - 1] = "专题调研"
    other[column(meetings, "主题*") - 1] = "同一天的基层调研"
    meetings.append(other)
    book.save(tmp_path / "b.xlsx")
    before = {key: demo_store.count(key) for key in ("activity", "talk", "rectification")}
    result = import_workbook(demo_store, tmp_path / "b.xlsx")
    plan = result.plan
    assert plan is not None, result.problems
    near = [str(c) for c in plan.conflicts if c.near]
    assert any(line.startswith("会议活动") and "只是“类型”（表格中为“专题会议”，台账中为"
               "“廉政学习”）不同，疑似同一条记录" in line for line in near), near
    assert any(line.startswith("谈话记录 第2行") and "“谈话人”（表格中为“县纪委 张强”，台账中为"
               "“王建国”）不同" in line for line in near), near
    assert any(line.startswith("整改事项 第2行") and "“问题来源”（表格中为“审计”" in line
               for line in near)
    assert plan.new == 1  # the 调研: another record of that day
    assert {key: demo_store.count(key) for key in before} == {
        **before, "activity": before["activity"] + 1}


def test_every_problem_of_a_workbook_is_listed_in_one_go(demo_store, tmp_path):
    """revdiff: a bad date was listed alone; once it was fixed, the next import found a
    主持人 not yet in post and a 回头看 on an item still 整改中 — one more round each."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    sessions = book["警示教育"]
    header = [c.value for c in sessions[1]]
    row = [None] * len(header)
    for name, value in (("日期*", "2022年3月5日（星期五）"), ("形式*", "观看警示教育片"),
                        ("主题*", "第二场"), ("主持人", "王建国")):
        row[header.index(name)] = value
    sessions.append(row)
    items = book["整改事项"]
    header = [c.value for c in items[1]]
    row = [None] * len(header)
    for name, value in (("问题来源*", "自查"), ("问题描述*", "新问题"), ("责任人*", "王建国"),
                        ("发现日期*", datetime(2022, 11, 1)), ("整改时限*", datetime(2022, 12, 1)),
                        ("状态*", "整改中"), ("回头看日期", datetime(2022, 11, 20))):
        row[header.index(name)] = value
    items.append(row)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(fresh_store(), tmp_path / "b.xlsx").plan
    said = [str(p) for p in plan.problems]
    assert any("是星期六，与所写的星期五不符" in m for m in said), said
    assert any("还不能填写“回头看日期”" in m for m in said), said


def test_a_row_whose_date_and_one_more_field_were_corrected_is_not_a_second_record(
        demo_store, tmp_path):
    """An office corrected, in its exported ledger, a session's date and its 主题, and a
    talk's date and its people: both came back as new records beside the old ones, and
    the quarter's report printed 3 sessions and 4 talks for 2 and 3 (reviewer revyear, F9).
    They are 疑似同一条记录 now, with what each side holds."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")

    def column(sheet, label):
        return [c.value for c in sheet[1]].index(label) + 1

    sessions, talks = book["警示教育"], book["谈话记录"]
    kept_day = sessions.cell(2, column(sessions, "日期*")).value
    sessions.cell(2, column(sessions, "日期*")).value = kept_day - timedelta(days=1)
    sessions.cell(2, column(sessions, "主题*")).value = "观看警示教育片《警钟长鸣》（上）"
    talks.cell(2, column(talks, "日期*")).value -= timedelta(days=1)
    talks.cell(2, column(talks, "谈话对象*")).value += "、刘芳"
    book.save(tmp_path / "b.xlsx")
    before = {key: demo_store.count(key) for key in ("warning_education", "talk")}
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0
    near = [str(c) for c in plan.conflicts if c.near]
    moved = (kept_day - timedelta(days=1)).date()
    assert any(line.startswith("警示教育 第2行") and f"“日期”（表格中为{moved}" in line
               and "“主题”（表格中为“观看警示教育片《警钟长鸣》（上）”" in line
               for line in near), near
    assert any(line.startswith("谈话记录 第2行") and "“日期”（表格中为" in line
               and "“谈话对象”（表格中多了“刘芳”）" in line for line in near), near
    assert {key: demo_store.count(key) for key in before} == before


def test_a_meeting_moved_a_week_and_reworded_is_not_a_second_meeting(demo_store, tmp_path):
    """revyear3 H0: the office moved a 专题会议 by a week and reworded its 主题 in its
    workbook; beyond three days it was imported as new ("冲突 0 条") and "全年不少于4次"
    was met on 3 meetings. Within a month in the quarter it is 疑似同一条记录."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    meetings = book["会议活动"]
    head = [c.value for c in meetings[1]]
    day, topic = head.index("日期*") + 1, head.index("主题*") + 1
    row = next(n for n in range(2, meetings.max_row + 1)
               if (d := meetings.cell(n, day).value.date()).month in (1, 4, 7, 10)
               and d.day <= 20)  # a week on stays in its quarter
    was = meetings.cell(row, day).value.date()
    meetings.cell(row, day).value += timedelta(days=7)
    meetings.cell(row, topic).value = "研究部署" + meetings.cell(row, topic).value
    book.save(tmp_path / "b.xlsx")
    before = demo_store.count("activity")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0, plan.details()
    (line,) = [str(c) for c in plan.conflicts]
    assert line.startswith(f"会议活动 第{row}行") and (
        f"“日期”（表格中为{was + timedelta(days=7)}，台账中为{was}）" in line) and \
        "疑似同一条记录" in line, line
    assert demo_store.count("activity") == before


def test_the_check_names_the_new_rows_of_a_workbook_of_kept_records(demo_store, tmp_path):
    """revyear3 H0: "新增 1 条" did not say which, so a corrected row the check does not pair
    was not seen beside the kept one it repeats. A workbook of kept records names its new
    rows; a first import of a whole ledger does not list thousands."""
    _export_with_a_meeting(demo_store, tmp_path, datetime(2022, 9, 20), "专题会议",
                           "研究第四季度工作")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 1
    details = plan.details()
    at = details.index("将新增的记录：")
    assert details[at + 1] == "  会议活动：2022-09-20 的专题会议“研究第四季度工作”"
    empty = Store(open_db(tmp_path / "empty.db"), clock=demo_store.clock)
    first = import_workbook(empty, tmp_path / "a.xlsx").plan
    assert first is not None and first.new > 20 and "将新增的记录：" not in first.details()


def test_a_conflict_says_the_table_may_be_the_one_to_correct(demo_store, tmp_path):
    """revyear3 H2: an older copy of the workbook imported again was answered only with
    "如以表格为准，请在软件中修改该记录": undo the correction made in the app. Either side may
    be the newer; the conflict says both ways, and its people as who differs."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    sessions = book["警示教育"]
    head = [c.value for c in sessions[1]]
    host = head.index("主持人") + 1
    sessions.cell(2, host).value = "赵明" if sessions.cell(2, host).value != "赵明" else "刘芳"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0
    (line,) = [str(c) for c in plan.conflicts]
    assert line.startswith("警示教育 第2行") and "“主持人”（表格中为“" in line
    assert line.endswith("未导入（如以表格为准，请在软件中修改该记录；如以台账为准，请改正表格，"
                         "以免下次导入再次提示）"), line


def test_a_sheet_of_new_rows_only_takes_a_session_days_after_another_as_new(
        demo_store, tmp_path):
    """A month's new entries typed into an empty sheet: a 廉政学习 two days after one
    already kept is another meeting, not that one corrected."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    meetings = book["会议活动"]
    header = [c.value for c in meetings[1]]
    study = next(r for r in range(2, meetings.max_row + 1)
                 if meetings.cell(r, header.index("类型*") + 1).value == "廉政学习")
    row = [c.value for c in meetings[study]]
    row[header.index("日期*")] += timedelta(days=2)
    row[header.index("主题*")] = "学习新修订的《中国共产党纪律处分条例》"
    for name in book.sheetnames:
        sheet = book[name]
        sheet.delete_rows(2, sheet.max_row)
    meetings.append(row)
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 1 and plan.conflicts == []


def test_a_yes_no_conflict_is_said_as_the_workbook_says_it():
    """"（表格中为True，台账中为False）" (reviewer revdiff2, F11)."""
    from lianzheng_desktop.interchange.xlsx_match import Conflict

    conflict = Conflict("谈话记录", 3, "2026-09-05 马红梅的谈心谈话（对象：高建军）",
                        ("一对一问题性约谈",), values=(("一对一问题性约谈", "“是”", "“否”"),))
    assert "“一对一问题性约谈”（表格中为“是”，台账中为“否”）不同" in str(conflict)
    from lianzheng_desktop.interchange.xlsx_match import _said

    assert (_said(True), _said(False)) == ("“是”", "“否”")


def _trashed_meetings_row(store, tmp_path):
    """The workbook exported, then its first meeting deleted (in 回收站): the book, its
    会议活动 sheet, that meeting's row number and the meeting."""
    from openpyxl import load_workbook

    export_workbook(store, tmp_path / "a.xlsx")
    gone = store.list("activity")[0]
    store.delete("activity", gone.id)
    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["会议活动"]
    topic_at = [c.value for c in sheet[1]].index("主题*") + 1
    row = next(r for r in range(2, sheet.max_row + 1)
               if sheet.cell(r, topic_at).value == gone.topic)
    return book, sheet, row, gone


def test_a_title_reworded_without_the_old_words_is_still_held():
    """revlast10 1, revlast11 1: a title reworded ("学习二十届中央纪委五次全会精神" →
    "集中学习全会和省纪委全会精神"; "研究部署全年党风廉政建设工作" → "2026年党风廉政建设工作部署
    会") was imported as new, the meeting counted twice; an unrelated title is another
    meeting."""
    from lianzheng_desktop.core.record_identity import titles_alike

    assert titles_alike("学习二十届中央纪委五次全会精神", "集中学习全会和省纪委全会精神")
    assert titles_alike("研究部署全年党风廉政建设工作", "2026年党风廉政建设工作部署会")  # (11 1)
    assert not titles_alike("研究巡察整改推进工作", "研究干部选拔任用廉政意见")
    assert not titles_alike("学习二十届中央纪委五次全会精神", "观看警示教育片《零容忍》")


def test_a_trashed_talks_row_corrected_is_held_not_a_crash(demo_store, tmp_path):
    """Found on the last read: a row near a trashed talk was asked for its 主题 (talks have
    none) — the import stopped with an error. It is held like a meeting's."""
    from openpyxl import load_workbook

    export_workbook(demo_store, tmp_path / "a.xlsx")
    gone = demo_store.list("talk")[0]
    demo_store.delete("talk", gone.id)
    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["谈话记录"]
    header = [c.value for c in sheet[1]]
    day_at = header.index("日期*") + 1
    row = next(r for r in range(2, sheet.max_row + 1)
               if str(sheet.cell(r, day_at).value)[:10] == gone.date.isoformat())
    summary_at = next(i for i, h in enumerate(header, 1) if h and h.startswith("谈话对象"))
    sheet.cell(row, summary_at).value = f"{sheet.cell(row, summary_at).value}、吴静"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0, plan.details()
    assert any("疑似回收站中的" in line for line in plan.details()), plan.details()
