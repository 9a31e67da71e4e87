"""A plan sent as a Word table (责任清单), or such a table copied out of Word and pasted: a
row is one numbered item, read where it stands (revjiwei7 F1: the cells were run together,
each row's 责任人 and 完成时限 and the next row's 序号 glued into the next duty, the table
read after the signature). Rows quote published 责任清单 (see revjiwei7's sources)."""

from __future__ import annotations

from docx import Document

from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.interchange.plan_files import read_plan_file

HEADER = ["序号", "工作任务", "具体措施", "责任人", "完成时限"]
ROWS = [
    ["1", "开展“主题党日”活动", "每月第一周的周五作为“主题党日”活动时间。", "组织委员", "每月"],
    ["2", "开展党内谈心谈话", "班子成员与普通党员开展谈心谈话，每年至少2次。",
     "支部书记、支部委员", "全年"],
    ["3", "加强廉政警示教育", "组织党员观看警示教育片，用身边事教育身边人。", "纪检委员", "每季度"],
    ["4", "抓好巡察反馈问题整改", "针对县委巡察反馈问题建立整改清单，纪检委员每月跟踪督办。",
     "支部书记、纪检委员", "按整改时限"],
]


def _docx(path, rows=ROWS, header=HEADER):
    document = Document()
    document.add_paragraph("县卫生健康局机关党支部2026年度党风廉政建设主体责任清单")
    table = document.add_table(rows=0, cols=5)
    for row in ([header] if header else []) + rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph("中共某县卫生健康局机关支部委员会")
    document.add_paragraph("2026年1月15日")
    document.save(path)
    return path


def _read(text: str) -> dict[str, list[tuple[str, Period | None, str]]]:
    draft = parse_plan(text, 2026)
    found: dict[str, list[tuple[str, Period | None, str]]] = {}
    for r in draft.requirements:
        found.setdefault(r.item, []).append(
            (r.text, r.period, r.counts.describe() if r.counts else ""))
    return found


def test_a_word_table_is_read_row_by_row_where_it_stands(tmp_path):
    text = read_plan_file(_docx(tmp_path / "清单.docx"))
    lines = text.splitlines()
    # the header row is not a duty; each row is an item numbered by its 序号, before the
    # signature that follows the table in the document
    assert lines[1] == "1. 开展“主题党日”活动。每月第一周的周五作为“主题党日”活动时间。"
    assert lines[4].startswith("4. 抓好巡察反馈问题整改。针对县委巡察反馈问题")
    assert lines[5:] == ["中共某县卫生健康局机关支部委员会", "2026年1月15日"]
    assert "责任人" not in text and "序号" not in text
    read = _read(text)
    assert [p for _, p, _ in read["1"]] == [Period.MONTH]  # not also the talks' period
    assert read["2"] == [("每年至少2次", Period.YEAR, "谈话记录：谈心谈话")]
    # its 完成时限 "每季度" is the period of measures that name none
    assert read["3"] == [("每季度组织党员观看警示教育片", Period.QUARTER, "警示教育（全部）")]
    assert ("纪检委员每月跟踪督办", Period.MONTH, "会议活动：跟踪督办") in read["4"]
    # nothing of one row is read into another
    everything = " ".join(t for rows in read.values() for t, _, _ in rows)
    assert "组织委员" not in everything and "纪检委员每季度" not in everything


def test_a_table_pasted_from_word_reads_as_the_document_does(tmp_path):
    """Copied out of Word, a table's cells come apart by tabs, a row a line."""
    pasted = "\n".join(["县卫生健康局机关党支部2026年度党风廉政建设主体责任清单",
                        *("\t".join(row) for row in [HEADER, *ROWS]),
                        "中共某县卫生健康局机关支部委员会"])
    document = read_plan_file(_docx(tmp_path / "清单.docx"))
    assert _read(pasted) == _read(document)


def test_a_table_without_a_header_is_still_a_row_an_item(tmp_path):
    text = read_plan_file(_docx(tmp_path / "无表头.docx", header=None))
    # a cell that is only a 时限 is still the row's, before its longest cell (the measures)
    assert text.splitlines()[3].startswith("3. 加强廉政警示教育。每季度组织党员观看警示教育片")
    assert "组织委员" in text.splitlines()[1]  # every cell kept: nothing known to leave out
    read = _read(text)
    assert read["2"] == [("每年至少2次", Period.YEAR, "谈话记录：谈心谈话")]


def test_a_row_spanning_the_table_is_a_heading_and_merged_cells_count_once(tmp_path):
    document = Document()
    document.add_paragraph("2026年度党风廉政建设责任清单")
    table = document.add_table(rows=3, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    heading = table.rows[1].cells[0].merge(table.rows[1].cells[4])
    heading.text = "一、加强廉政教育"
    for cell, text in zip(table.rows[2].cells, ROWS[2], strict=True):
        cell.text = text
    document.save(tmp_path / "合并.docx")
    lines = read_plan_file(tmp_path / "合并.docx").splitlines()
    assert lines[1:] == ["一、加强廉政教育", "3. 加强廉政警示教育。每季度组织党员观看警示教育片，"
                         "用身边事教育身边人。"]


def _table_docx(path, rows, before=("2026年度党风廉政建设责任清单",)):
    document = Document()
    for line in before:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            if isinstance(text, list):  # a cell of several paragraphs
                cell.text = text[0]
                for more in text[1:]:
                    cell.add_paragraph(more)
            else:
                cell.text = text
    document.save(path)
    return path


def test_the_layouts_offices_use_lose_no_period_and_invent_no_duty(tmp_path):
    """revdiff6 2, 3, 8, 10: a 考核清单's 分值/考核标准 made "每半年未组织1次扣1分" a duty; a
    清单 with no 具体措施 column lost every 完成时限; a cell of numbered measures gave the row's
    每季度 to the first only; a 类别 column became each duty's name."""
    scored = read_plan_file(_table_docx(tmp_path / "考核.docx", [
        ["序号", "工作任务", "具体措施", "分值", "考核标准", "完成时限"],
        ["1", "开展警示教育", "组织党员观看警示教育片", "5", "每半年未组织1次扣1分", "每半年"]]))
    assert scored.splitlines()[1] == "1. 开展警示教育。每半年组织党员观看警示教育片。"
    no_measures = read_plan_file(_table_docx(tmp_path / "四列.docx", [
        ["序号", "工作任务", "责任领导", "完成时限"],
        ["1", "组织观看警示教育片", "张三", "每季度"]]))
    assert _read(no_measures)["1"] == [("每季度组织观看警示教育片", Period.QUARTER,
                                        "警示教育（全部）")]
    several = read_plan_file(_table_docx(tmp_path / "多条.docx", [
        ["序号", "工作任务", "具体措施", "完成时限"],
        ["1", "加强廉政教育", ["1.组织观看警示教育片", "2.开展廉政谈话"], "每季度"]]))
    assert [p for _, p, _ in _read(several)["1"]] == [Period.QUARTER, Period.QUARTER]
    grouped = read_plan_file(_table_docx(tmp_path / "类别.docx", [
        ["类别", "序号", "工作任务", "时间节点"],
        ["一、思想建设", "1", "每月开展一次廉政学习", "每月"],
        ["一、思想建设", "2", "组织观看警示教育片", "每季度"]]))
    assert grouped.splitlines()[1:] == ["一、思想建设", "1. 每月开展一次廉政学习。",
                                        "2. 每季度组织观看警示教育片。"]


def test_a_two_row_header_lines_the_columns_up(tmp_path):
    """revdiff6 7: 责任主体 merged over 牵头领导 | 责任部门: the header's second row became a
    duty and every column after the merge moved one along (a name glued into a duty)."""
    document = Document()
    document.add_paragraph("2026年度党风廉政建设责任分解")
    table = document.add_table(rows=3, cols=6)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "具体措施", "责任主体", "",
                                                "完成时限"], strict=True):
        cell.text = text
    table.rows[0].cells[3].merge(table.rows[0].cells[4])
    for cell, text in zip(table.rows[1].cells, ["", "", "", "牵头领导", "责任部门", ""],
                          strict=True):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ["1", "加强廉政教育", "组织廉政党课", "张三",
                                                "办公室", "每季度"], strict=True):
        cell.text = text
    document.save(tmp_path / "两行表头.docx")
    lines = read_plan_file(tmp_path / "两行表头.docx").splitlines()
    assert lines[1:] == ["1. 加强廉政教育。每季度组织廉政党课。"]


def test_pasted_text_with_tabs_that_is_no_table_reads_as_before():
    """revdiff6 6, 11: a Word list pasted ("一、\t强化思想教育") and a contact block were made
    tables: items renumbered 2, 3, 5, 6, and "联系人" and "抄送" became duties."""
    from lianzheng_desktop.core.plan_table import tables_as_items

    listed = ("2026年工作要点\n一、\t强化思想教育\n（一）\t加强理论学习。每月开展一次廉政学习。\n"
              "（二）\t开展警示教育。每季度组织一次警示教育。\n")
    signed = "联系人：\t王五\t电话：\t1234567\n抄送：\t县纪委监委派驻纪检组\n"
    for text in (listed, signed):
        assert tables_as_items(text) == text
    assert sorted(_read(listed)) == ["（一）", "（二）"]  # the plan's own numbers


def test_an_assessment_table_and_a_due_said_with_its_count(tmp_path):
    """revlast6 4, 6: a 完成时限 "每季度一次" was dropped, and a 考核清单 headed 考核项目 |
    考核内容 | 评分标准 | 分值 was no table: its header became a duty, its 扣分 words duties."""
    text = read_plan_file(_table_docx(tmp_path / "考核.docx", [
        ["序号", "考核项目", "考核内容", "评分标准", "分值"],
        ["1", "警示教育", "每季度组织一次警示教育", "未组织扣1分", "5"]]))
    assert text.splitlines()[1:] == ["1. 警示教育。每季度组织一次警示教育。"]
    due = read_plan_file(_table_docx(tmp_path / "时限.docx", [
        ["序号", "工作任务", "具体措施", "完成时限"],
        ["1", "学习", "开展政治学习", "每月一次"]]))
    assert _read(due)["1"][0][1] == Period.MONTH


def test_a_pasted_cell_of_two_numbered_measures_on_two_lines_stays_in_its_row():
    """revlast6 6: Word pastes a cell of two paragraphs on two lines. The second line was a
    row of its own: its measure lost, the row's 每季度 lost, and a duty "每季度" invented as
    item 2 (the real item 2 renumbered 2（2）)."""
    pasted = ("2026年党风廉政建设工作要点\n序号\t工作任务\t具体措施\t完成时限\t责任单位\n"
              "1\t谈心谈话\t1.书记与班子成员谈话\n2.班子成员与分管干部谈话\t每季度\t办公室\n"
              "2\t警示教育\t组织观看警示教育片\t每季度\t办公室\n")
    read = _read(pasted)
    assert sorted(read) == ["1", "2"]
    assert [(text, period) for text, period, _ in read["1"]] == [
        ("每季度书记与班子成员谈话", Period.QUARTER),
        ("每季度班子成员与分管干部谈话", Period.QUARTER)]
    assert read["2"] == [("每季度组织观看警示教育片", Period.QUARTER, "警示教育（全部）")]


def test_a_short_row_after_a_short_row_is_a_row_of_its_own():
    """revdiff7 F8: two short rows in a row (trailing tabs trimmed) were glued: row 3's
    谈心谈话 became row 2's 完成时限 and vanished."""
    pasted = ("2026年要点\n序号\t工作任务\t具体措施\t完成时限\t责任人\n"
              "1\t警示教育\t每季度组织1次集中警示教育\t每季度\t王建国\n"
              "2\t廉政学习\t每月开展1次廉政学习\n3\t谈心谈话\t每半年开展1次谈心谈话\n")
    read = _read(pasted)
    assert sorted(read) == ["1", "2", "3"]
    assert read["3"][0][1] == Period.HALF
