"""Workbooks as offices keep them (reviewer A's findings): numbers typed in date columns,
merged cells, padded names, full-width digits, 编号 formats, title rows, other headers and
sheet names. Each test names the finding it guards."""

from datetime import datetime

from openpyxl import Workbook

from lianzheng_desktop.interchange.xlsx import import_workbook, plan_import
from tests.interchange.test_xlsx import HEADERS, ROSTER
from tests.interchange.test_xlsx_plan import fresh_store


def book_of(tmp_path, sheets, name="in.xlsx"):
    """sheets: title → list of rows (the header included), or (rows, prepare(sheet))."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        prepare = None
        if isinstance(rows, tuple):
            rows, prepare = rows
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if prepare is not None:
            prepare(sheet)
    path = tmp_path / name
    book.save(path)
    return path


def roster():
    return [HEADERS["人员名册"], *ROSTER, ["李秀梅", "", "班子成员", "是"]]


WARNING = ["日期*", "形式*", "主题*", "地点", "主持人", "参加人员", "参加人数", "内容摘要"]


def problems(result):
    return [str(p) for p in result.problems]


# F1 ----------------------------------------------------------------------------------

def test_numbers_typed_in_a_date_column_are_refused_not_read_as_1905(tmp_path):
    """2026.3 (a month), 3.15 (no year) and 2022 are numbers in Excel: from_excel made them
    1905-07-18 and 1900-01-03. Each is refused, saying what to write."""
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING,
        [2022.3, "观看警示教育片", "键入2022.3", None, "王建国", "刘芳", None],
        [3.15, "廉政党课", "键入3.15", None, "王建国", "刘芳", None],
        [2022, "廉政党课", "只写年份", None, "王建国", "刘芳", None],
    ]})
    store = fresh_store()
    result = import_workbook(store, path)
    lines = problems(result)
    assert store.is_empty()
    assert lines[0].startswith("警示教育 第2行 “日期”列：“2022.3”在 Excel 中存成了数字，只写到月")
    assert "2022-03-05" in lines[0]
    assert lines[1].startswith("警示教育 第3行 “日期”列：“3.15”在 Excel 中存成了数字，没有年份")
    assert "2022-03-15" in lines[1]  # the year of the app's today
    assert lines[2].startswith("警示教育 第4行 “日期”列：“2022”只有年份")
    assert len(lines) == 3  # said once per cell: no “为必填项” after it


def test_real_date_cells_serials_and_typed_digits_still_import(tmp_path):
    def formats(sheet):
        sheet["A3"].number_format = "General"  # a serial whose date format was lost
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": ([
        WARNING,
        [datetime(2022, 3, 1), "观看警示教育片", "日期单元格", None, "王建国", "刘芳", None],
        [44635, "观看警示教育片", "序列号", None, "王建国", "刘芳", None],
        [20220320, "观看警示教育片", "数字20220320", None, "王建国", "刘芳", None],
    ], formats)})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    assert sorted(str(s.date) for s in store.list("warning_education")) == \
        ["2022-03-01", "2022-03-15", "2022-03-20"]


def test_a_numeric_found_date_of_an_item_is_refused_too(tmp_path):
    head = HEADERS["整改事项"][:8]
    path = book_of(tmp_path, {"人员名册": roster(), "整改事项": [
        head, ["", "自查", "台账不全", "刘芳", "", 2022.3, "2022-06-30", "整改中"]]})
    result = import_workbook(fresh_store(), path)
    [line] = problems(result)
    assert line.startswith("整改事项 第2行 “发现日期”列：“2022.3”在 Excel 中存成了数字")


# F4 / S3 -------------------------------------------------------------------------------

def test_a_merged_cell_gives_its_value_to_every_row_it_covers(tmp_path):
    """负责人 D2:D4 and 参加人员 E2:E4 merged, 日期 A2:A4 merged: openpyxl's streaming reader
    gives them to the first row only."""
    def merge(sheet):
        for cells in ("A2:A4", "D2:D4", "E2:E4"):
            sheet.merge_cells(cells)
    path = book_of(tmp_path, {"人员名册": roster(), "会议活动": ([
        ["日期*", "类型*", "主题*", "负责人", "参加人员", "内容摘要"],
        ["2022-05-08", "廉政学习", "第一章", "王建国", "王建国、刘芳", "上午"],
        [None, "廉政学习", "第二章", None, None, "下午"],
        [None, "廉政学习", "第三章", None, None, "晚上"],
        ["2022-05-20", "廉政学习", "第四章", None, None, ""],
    ], merge)})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    meetings = sorted(store.list("activity"), key=lambda a: a.topic)
    assert [(str(a.date), a.host, a.attendees) for a in meetings] == [
        ("2022-05-08", "王建国", ("王建国", "刘芳")), ("2022-05-08", "王建国", ("王建国", "刘芳")),
        ("2022-05-08", "王建国", ("王建国", "刘芳")), ("2022-05-20", "", ())]


# F7 / S5 / S6 --------------------------------------------------------------------------

def test_a_padded_name_is_the_same_person_on_the_roster_and_in_a_row(tmp_path):
    path = book_of(tmp_path, {
        "人员名册": [HEADERS["人员名册"], ["王建国", "", "书记", "是"],
                 ["刘  芳", "", "党员", "是"], ["周　伟", "", "党员", "是"]],
        "警示教育": [WARNING, ["2022-04-10", "观看警示教育片", "写法", None, "王 建 国",
                           "刘  芳、周  伟、王建国", None]],
    })
    store = fresh_store()
    store.add("roster", {"name": "刘芳", "role": "党员"})
    assert problems(import_workbook(store, path)) == []
    assert sorted(store.roster_names()) == sorted(["王建国", "刘芳", "周伟"])
    [session] = store.list("warning_education")
    assert session.attendees == ("刘芳", "周伟", "王建国") and session.host == "王建国"


def test_padded_names_in_a_row_are_not_cut_into_characters_without_the_roster_either():
    from lianzheng_desktop.core.values import read_names

    assert read_names("刘  芳、赵  明") == ("刘芳", "赵明")
    assert read_names("王建国 李秀梅") == ("王建国", "李秀梅")
    assert read_names("王建国 刘 芳") == ("王建国", "刘芳")


def test_full_width_digits_and_dots_read_as_their_ascii_ones(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["２０２２．３．１５", "观看警示教育片", "全角", None, "王建国", "刘芳", "１２"]]})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    [session] = store.list("warning_education")
    assert str(session.date) == "2022-03-15" and session.head_count == 12


# F10 -----------------------------------------------------------------------------------

def test_a_numeric_number_keeps_what_the_cell_shows(tmp_path):
    head = HEADERS["整改事项"][:8]

    def formats(sheet):
        sheet["A2"].number_format = "0.0"
        sheet["A3"].number_format = "0.00"
        sheet["A4"].number_format = "000"
        sheet["A5"].number_format = '"XC-"000'
        sheet["A6"].number_format = "0.00%"
    rows = [head] + [[number, "巡察反馈", f"问题{i}", "刘芳", "", "2022-03-18", "2022-06-30",
                      "整改中"] for i, number in enumerate([1.1, 1.1, 1, 2, 7], start=1)]
    path = book_of(tmp_path, {"人员名册": roster(), "整改事项": (rows, formats)})
    result = plan_import(fresh_store(), path)
    [line] = problems(result)  # a percentage cannot be an 编号 the cell shows the same
    assert line.startswith("整改事项 第6行 “编号”列：“7”是数字，显示格式为“0.00%”")
    rows.pop()
    path = book_of(tmp_path, {"人员名册": roster(), "整改事项": (rows, formats)})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    assert sorted(i.number for i in store.list("rectification")) == \
        ["001", "1.1", "1.10", "XC-002"]


# F5 / F6 / S1 / S2 ---------------------------------------------------------------------

def test_a_title_row_and_blank_rows_above_the_header_are_skipped(tmp_path):
    def title(sheet):
        sheet.merge_cells("A1:H1")
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": ([
        ["县总工会机关党支部2022年警示教育台账"], [None],
        WARNING, ["2022-03-15", "观看警示教育片", "零容忍", None, "王建国", "刘芳", None],
    ], title)})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == [] and store.count("warning_education") == 1
    assert any("第1行“县总工会机关党支部2022年警示教育台账”在表头之上" in n for n in result.notes)


def test_several_years_in_one_sheet_skip_the_repeated_title_and_header(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["2021-03-15", "观看警示教育片", "2021年", None, "王建国", "刘芳", None],
        [None], ["2022年警示教育台账"], WARNING,
        ["2022-03-15", "观看警示教育片", "2022年", None, "王建国", "刘芳", None],
    ]})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    assert store.count("warning_education") == 2


def test_spaced_wrapped_and_office_headers_name_the_apps_columns(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        ["序号", "日 期", "形式", "主  题", "主讲人", "参加\n人员", "备注"],
        [1, "2022-03-15", "廉政党课", "党课", "王建国", "王建国、刘芳", ""]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    [session] = store.list("warning_education")
    assert session.host == "王建国" and session.attendees == ("王建国", "刘芳")
    assert "警示教育：“主讲人”列按“主持人”读取。" in result.notes
    assert "警示教育：“备注”列不是台账字段，已忽略。" in result.notes


def test_the_apps_own_column_wins_over_an_office_synonym(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "会议活动": [
        ["日期", "类型", "主题", "负责人", "主持人"],
        ["2022-03-15", "专题会议", "部署", "王建国", "刘芳"]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == [] and store.list("activity")[0].host == "王建国"
    assert "会议活动：已有“负责人”列，“主持人”列未导入。" in result.notes


def test_a_missing_column_names_the_headers_not_understood_once(tmp_path):
    head = ["序号", "问题来源", "问题描述", "责任人", "发现日期", "整改时限", "整改情况"]
    path = book_of(tmp_path, {"人员名册": roster(), "整改事项": [
        head, [1, "自查", "甲", "刘芳", "2022-03-01", "2022-06-30", "已整改"],
        [2, "自查", "乙", "刘芳", "2022-03-01", "2022-06-30", "已整改"]]})
    lines = problems(plan_import(fresh_store(), path))
    assert lines == ["整改事项 第1行 “状态”列：缺少这一必填列，请检查表头；"
                     "表头中未能识别的列：“序号”、“整改情况”"]


def test_sheets_named_as_offices_name_them_are_read(tmp_path):
    path = book_of(tmp_path, {
        "人员名册": roster(),
        "谈心谈话台账": [["日期", "类型", "谈话人", "谈话对象"],
                   ["2022-05-12", "谈心谈话", "王建国", "刘芳"]],
        "2021年警示教育": [WARNING, ["2021-03-15", "观看警示教育片", "甲", None, "王建国", "刘芳"]],
        "2022年警示教育": [WARNING, ["2022-03-15", "观看警示教育片", "乙", None, "王建国", "刘芳"],
                       ["2021-03-15", "观看警示教育片", "甲", None, "王建国", "刘芳"]],
    })
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert store.count("talk") == 1 and store.count("warning_education") == 2
    assert "工作表“谈心谈话台账”按“谈话记录”读取。" in result.notes
    [copy] = result.plan.conflicts  # the same session in two years' sheets: held back
    assert str(copy).startswith("警示教育（2022年警示教育） 第3行："
                                "与“警示教育（2021年警示教育）”第2行是同一条记录")


# K1 ------------------------------------------------------------------------------------

def test_a_message_names_its_column_once(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["3月15日", "观看警示教育片", "", None, "王建国", "张三", None]]})
    lines = problems(plan_import(fresh_store(), path))
    assert "警示教育 第2行 “日期”列：“3月15日”不是有效日期，请写成 2022-03-05 的形式" in lines
    assert "警示教育 第2行 “主题”列：必填，但未填写" in lines
    assert "警示教育 第2行 “参加人员”列：“张三”不在人员名册中，请先在人员名册中添加" in lines


# S4 ------------------------------------------------------------------------------------

def test_all_members_is_written_out_from_the_roster_in_post_that_day(tmp_path):
    """全体党员 = the roster's 书记, 班子成员 and 党员 in post on the date (not 其他, not one
    gone by then); the summary says so. Added to the roster, it would count as a person."""
    path = book_of(tmp_path, {
        "人员名册": [HEADERS["人员名册"], ["王建国", "", "书记", "是"], ["刘芳", "", "党员", "是"],
                 ["李秀梅", "", "班子成员", "是"], ["小张", "", "其他", "是"],
                 ["赵明", "", "党员", "否", None, "2022-02-28"]],
        "警示教育": [WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "王建国", "全体党员"],
                 ["2022-02-15", "观看警示教育片", "乙", None, "王建国", "全 体 党 员"]],
    })
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    people = {s.topic: (s.attendees, s.head_count) for s in store.list("warning_education")}
    assert people == {"甲": (("王建国", "刘芳", "李秀梅"), 3),
                      "乙": (("王建国", "刘芳", "李秀梅", "赵明"), 4)}
    assert ("警示教育：第2、3行“参加人员”中的“全体党员”已按人员名册写为当日在岗的党员"
            "（书记、班子成员、党员）（共 2 行）。") in result.notes


def test_so_many_people_lists_the_names_and_takes_the_head_count(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "王建国", "王建国、刘芳等12人"]],
        "会议活动": [["日期", "类型", "主题", "负责人", "参加人员"],
                 ["2022-03-16", "专题会议", "乙", "王建国", "王建国等5人"]]})
    lines = problems(plan_import(fresh_store(), path))
    assert lines == ["会议活动 第2行 “参加人员”列：写的是“王建国等5人”，这一页没有“参加人数”，"
                     "请写出全部人员的姓名（全体参加的可写“全体党员”，由软件按人员名册填写）"]
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "王建国", "王建国、刘芳等12人"]]})
    store = fresh_store()
    result = import_workbook(store, path)
    [session] = store.list("warning_education")
    assert session.attendees == ("王建国", "刘芳") and session.head_count == 12
    assert any("参加人数记为 12" in note for note in result.notes)


def test_a_group_word_on_the_roster_is_refused_as_not_a_name(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster() + [["全体党员", "", "党员", "是"]]})
    [line] = problems(plan_import(fresh_store(), path))
    assert line.startswith("人员名册 第5行 “姓名”列：“全体党员”不是一个人的姓名")


# C1 ------------------------------------------------------------------------------------

def test_common_status_spellings_are_read_and_others_refused_with_the_words_accepted(tmp_path):
    head = ["问题来源", "问题描述", "责任人", "发现日期", "整改时限", "状态", "完成日期"]
    rows = [head, ["自查", "甲", "刘芳", "2022-03-01", "2022-06-30", "已整改", "2022-05-01"],
            ["自查", "乙", "刘芳", "2022-03-01", "2022-06-30", "正在整改", None],
            ["自查", "丙", "刘芳", "2022-03-01", "2022-06-30", "持续整改", None],
            ["自查", "丁", "刘芳", "2022-03-01", "2022-06-30", "整改完成", "2022-05-01"]]
    store = fresh_store()
    result = import_workbook(store, book_of(tmp_path, {"人员名册": roster(), "整改事项": rows}))
    assert problems(result) == []
    assert {i.description: i.status for i in store.list("rectification")} == {
        "甲": "已完成", "乙": "整改中", "丙": "长期坚持", "丁": "已完成"}
    assert "整改事项：第2行的状态“已整改”按“已完成”读取。" in result.notes
    rows.append(["自查", "戊", "刘芳", "2022-03-01", "2022-06-30", "基本完成", None])
    [line] = problems(plan_import(fresh_store(),
                                  book_of(tmp_path, {"人员名册": roster(), "整改事项": rows})))
    assert line.startswith("整改事项 第6行 “状态”列：“基本完成”不在可选项中，"
                           "可选：未开始、整改中、已完成、长期坚持；也可写作：已整改、")


# S2 / F6: what was skipped is said when the import fails too ---------------------------

def test_a_failed_import_still_says_which_sheets_and_columns_were_skipped(tmp_path, cli):
    path = book_of(tmp_path, {"人员名册": roster(), "Sheet3": [["x"]], "警示教育": [
        ["时 间", "形式", "主题", "讲课人"], ["3月15日", "廉政党课", "党课", "王建国"]]})
    code, out, err = cli("--db", str(tmp_path / "x.db"), "import", str(path))
    assert code == 1
    assert "“日期”列：“3月15日”不是有效日期" in err
    assert "注意：工作表“Sheet3”不是台账，已跳过" in err
    assert "注意：警示教育：“讲课人”列不是台账字段，已忽略。" in err
    assert "注意：警示教育：“时间”列按“日期”读取。" in err


def test_a_merge_reaching_over_empty_rows_adds_no_rows(tmp_path):
    """参加人员 merged down over the template's empty rows: those rows hold nothing of
    their own, so they are blank, not rows missing their 日期."""
    def merge(sheet):
        sheet.merge_cells("E2:E6")
    path = book_of(tmp_path, {"人员名册": roster(), "会议活动": ([
        ["日期*", "类型*", "主题*", "负责人", "参加人员", "内容摘要"],
        ["2022-05-08", "廉政学习", "第一章", "王建国", "王建国、刘芳", ""],
        ["2022-05-09", "廉政学习", "第二章", "王建国", None, ""],
    ], merge)})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    assert [m.attendees for m in store.list("activity")] == [("王建国", "刘芳")] * 2


# S7 ------------------------------------------------------------------------------------

def test_numbers_written_ahead_and_a_total_row_are_skipped_not_a_page_of_errors(tmp_path):
    head = HEADERS["整改事项"][:8]
    rows = [head, [1, "巡察反馈", "问题1", "刘芳", "", "2022-03-18", "2022-06-30", "整改中"]]
    rows += [[n] for n in range(2, 9)]
    path = book_of(tmp_path, {"人员名册": roster(), "整改事项": rows, "警示教育": [
        WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "王建国", "刘芳", 1],
        ["合 计", None, None, None, None, None, 1]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert store.count("rectification") == 1 and store.count("warning_education") == 1
    assert ("整改事项：第3、4、5、6、7等行（共 7 行）只填了编号，其余为空，作为空行跳过。"
            in result.notes)
    assert "警示教育：第3行是“合 计”行，已跳过。" in result.notes


def test_names_split_at_a_slash_and_a_role_noted_after_a_name_is_dropped(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "王建国", "王建国（主持）/刘芳"]]})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    assert store.list("warning_education")[0].attendees == ("王建国", "刘芳")


def test_all_leaders_talked_to_leaves_out_the_talker_even_written_padded(tmp_path):
    path = book_of(tmp_path, {"人员名册": roster(), "谈话记录": [
        ["日期", "类型", "谈话人", "谈话对象"],
        ["2022-05-12", "廉政谈话", "王 建 国", "全体班子成员"]]})
    store = fresh_store()
    assert problems(import_workbook(store, path)) == []
    [talk] = store.list("talk")
    assert talk.talker == "王建国" and talk.talkees == ("李秀梅",)


def test_a_sheet_named_otherwise_with_a_ledgers_header_stops_the_import(tmp_path):
    """F6: a sheet of 警示教育 under the name Sheet2 would be left out with a note only."""
    path = book_of(tmp_path, {"人员名册": roster(), "Sheet2": [
        ["时间", "形式", "主题"], ["2022-03-15", "观看警示教育片", "甲"]], "说明": [["填表说明"]]})
    result = plan_import(fresh_store(), path)
    assert [str(p) for p in result.problems] == [
        "Sheet2：这个工作表的表头是“警示教育”的，但工作表名不是台账名，不知是否要导入；"
        "如要导入，请把工作表改名为“警示教育”（或“某年警示教育”），否则请删去这个工作表或在表头中改动列名"]


def test_a_message_whose_label_is_its_subject_keeps_it():
    from lianzheng_desktop.interchange.xlsx_common import ImportProblem

    reason = "“参加人数”（7）少于所列“参加人员”（8 人）"
    line = str(ImportProblem("警示教育", 2, "参加人数", reason))
    assert line == "警示教育 第2行 “参加人数”列：“参加人数”（7）少于所列“参加人员”（8 人）"


def test_a_title_after_a_roster_name_is_the_roster_person(tmp_path):
    """F8: 谈话人 “王建国书记” and 主持人 “李秀梅副主席” were kept as written, so the 书记's
    and the 班子成员's own duties found none of their work. A name not on the roster, or
    one whose end only looks like a title, stays as written."""
    path = book_of(tmp_path, {"人员名册": roster(), "警示教育": [
        WARNING, ["2022-03-15", "观看警示教育片", "甲", None, "李秀梅副主席", "王建国书记、刘芳"]],
        "谈话记录": [["日期", "类型", "谈话人", "谈话对象"],
                     ["2022-05-12", "廉政谈话", "王建国书记", "刘芳"],
                     ["2022-05-13", "提醒谈话", "县纪委 张强同志", "刘芳"]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    [session] = store.list("warning_education")
    assert (session.host, session.attendees) == ("李秀梅", ("王建国", "刘芳"))
    assert {t.talker for t in store.list("talk")} == {"王建国", "县纪委 张强同志"}
    assert any("“王建国书记”按人员名册读作“王建国”" in note for note in result.plan.notes)


def test_a_schools_titles_after_roster_names_are_read_too(tmp_path):
    """A school's sheet wrote 谈话对象 “王志刚校长”: refused as not on the roster, and the
    message's advice would have added a second person “王志刚校长” (reviewer revnew, N-xl-4)."""
    people = [["王志刚", "", "班子成员", "是"], ["周丽", "", "党员", "是"]]
    path = book_of(tmp_path, {"人员名册": roster() + people, "谈话记录": [
        ["日期", "类型", "谈话人", "谈话对象"],
        ["2022-05-12", "谈心谈话", "王建国书记", "王志刚校长、周丽老师"],
        ["2022-05-13", "谈心谈话", "李秀梅副院长", "刘芳"]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert sorted(t.talkees for t in store.list("talk")) == [("刘芳",), ("王志刚", "周丽")]
    assert {t.talker for t in store.list("talk")} == {"王建国", "李秀梅"}


def test_a_date_without_its_year_takes_the_year_in_the_sheets_name(tmp_path):
    """C2: a sheet named “2022年警示教育” whose dates read “3月15日”, as offices write within
    a year's sheet, was refused row by row; a sheet without a year in its name still is."""
    rows = [WARNING, ["3月15日", "观看警示教育片", "甲", None, "王建国", "王建国、刘芳"]]
    path = book_of(tmp_path, {"人员名册": roster(), "2022年警示教育": rows})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert [s.date.isoformat() for s in store.list("warning_education")] == ["2022-03-15"]
    assert any("只写了月日的日期，按工作表名中的2022年读取" in n for n in result.plan.notes)
    for title in ("警示教育", "2021-2022年警示教育"):  # no year, or two: which one?
        bare = book_of(tmp_path, {"人员名册": roster(), title: rows}, name="bare.xlsx")
        assert any("“3月15日”" in p for p in problems(import_workbook(fresh_store(), bare)))


def test_a_roster_role_written_as_rosters_write_it_is_read(tmp_path):
    """C3: 角色 “支部书记” or “预备党员” was refused; where the meaning is plain it is read
    (and said); 纪检委员 is not plain (a 班子成员 or not is the secretary's to say)."""
    header = HEADERS["人员名册"]
    path = book_of(tmp_path, {"人员名册": [header, ["王建国", "", "支部书记", "是"],
                                           ["刘芳", "", "预备党员", "是"]]})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert {(p.name, p.role) for p in store.list("roster")} == {("王建国", "书记"),
                                                                ("刘芳", "党员")}
    assert any("的角色“支部书记”按“书记”读取" in n for n in result.plan.notes)
    odd = book_of(tmp_path, {"人员名册": [header, ["赵明", "", "纪检委员", "是"]]}, "odd.xlsx")
    assert any("纪检委员" in p for p in problems(import_workbook(fresh_store(), odd)))


def test_a_month_day_date_with_its_weekday_or_hour_takes_the_sheets_year(tmp_path):
    """revdiff: “3月15日（星期二）” and “3月16日 下午” in “2022年警示教育” were refused as
    不是有效日期 while the bare “3月15日” was read; a weekday that is another day's is named."""
    rows = [WARNING, ["3月15日（星期二）", "观看警示教育片", "甲", None, "王建国", "王建国、刘芳"],
            ["3月16日 下午", "廉政党课", "乙", None, "王建国", "王建国、刘芳"]]
    path = book_of(tmp_path, {"人员名册": roster(), "2022年警示教育": rows})
    store = fresh_store()
    result = import_workbook(store, path)
    assert problems(result) == []
    assert sorted(s.date.isoformat() for s in store.list("warning_education")) == [
        "2022-03-15", "2022-03-16"]
    rows[1][0] = "3月15日（星期五）"
    wrong = book_of(tmp_path, {"人员名册": roster(), "2022年警示教育": rows}, name="w.xlsx")
    assert any("2022年3月15日是星期二，与所写的星期五不符" in p
               for p in problems(import_workbook(fresh_store(), wrong)))


def test_a_type_a_plan_added_tells_her_to_import_that_plan_first(tmp_path):
    """The app's own export of a 会议活动 typed “向党组织汇报” (added by the year's plan) was
    refused in a new file with the list of built-in types only; she would have changed the
    cell to 其他 (reviewer revnew, N-xl-2)."""
    path = book_of(tmp_path, {"人员名册": roster(), "会议活动": [
        ["日期", "类型", "主题"], ["2022-11-24", "向党组织汇报", "刘芳汇报思想工作"]]})
    [line] = problems(plan_import(fresh_store(), path))
    assert "“向党组织汇报”不在可选项中" in line
    assert line.endswith("请先在“年度计划”中导入该年度的工作要点，再导入本表"), line
    # not of a role, which no plan adds (revdiff3, D6)
    path = book_of(tmp_path, {"人员名册": roster() + [["赵六", "", "纪检委员", "是"]]})
    [line] = problems(plan_import(fresh_store(), path))
    assert "“纪检委员”不在可选项中" in line and "年度计划" not in line, line
