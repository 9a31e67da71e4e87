"""revloss F4: a name corrected in an exported workbook (刘芳 → 刘方 in every sheet) is a
冲突 “疑似更正姓名” pointing to 人员名册, not a new person who attended nothing; rows naming
the corrected name that would be new wait with it. After the rename in the app the same
workbook imports as already there."""

from datetime import date

from openpyxl import load_workbook

from lianzheng_desktop.core.record_identity import corrected_name
from lianzheng_desktop.interchange.xlsx import export_workbook, import_workbook


def _replace_everywhere(path, old, new, out):
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and old in cell.value:
                    cell.value = cell.value.replace(old, new)
    book.save(out)
    return book


def _with_new_meeting_naming(path, name, out):
    book = load_workbook(path)
    meetings = book["会议活动"]
    header = [c.value for c in meetings[1]]
    row = [None] * len(header)
    row[header.index("日期*")] = date(2022, 12, 20)
    row[header.index("类型*")] = "廉政学习"
    row[header.index("主题*")] = "年底前的一次廉政学习"
    row[header.index("参加人员")] = f"王建国、{name}"
    meetings.append(row)
    book.save(out)


def test_a_corrected_name_is_a_conflict_not_a_seventh_person(demo_store, tmp_path):
    demo_store.add("talk", {"date": "2022-06-10", "type": "提醒谈话", "talker": "王建国",
                            "talkees": ["刘芳"]})  # a talk with her alone (revdiff5 F4)
    before = sorted(demo_store.roster_names())
    export_workbook(demo_store, tmp_path / "a.xlsx")
    _replace_everywhere(tmp_path / "a.xlsx", "刘芳", "刘方", tmp_path / "b.xlsx")
    _with_new_meeting_naming(tmp_path / "b.xlsx", "刘方", tmp_path / "c.xlsx")
    result = import_workbook(demo_store, tmp_path / "c.xlsx")
    plan = result.plan
    assert result.problems == [] and plan is not None
    roster = next(s for s in plan.sheets if s.spec.key == "roster")
    assert roster.new == []  # not added as another person
    said = [str(c) for c in roster.conflicts]
    assert len(said) == 1 and "疑似更正姓名" in said[0]
    assert "“刘芳”" in said[0] and "“刘方”" in said[0] and "人员名册" in said[0]
    # the new meeting naming 刘方 would name someone not on the roster: it waits too
    meetings = next(s for s in plan.sheets if s.spec.key == "activity")
    assert all("刘方" not in r.attendees for r in meetings.new)
    assert any("刘方" in str(c) and "更正姓名" in str(c) for c in meetings.conflicts)
    assert sorted(demo_store.roster_names()) == before  # imported: nobody added
    # nor is a kept record naming 刘芳 one "the workbook lacks": its row is held with the
    # name (revdiff5 F4: she was told to delete it)
    assert not any("刘芳" in words for sheet in plan.sheets for _, words in sheet.absent)
    assert not any(line.startswith("台账中有、工作簿中没有") for line in plan.details())


def test_after_the_rename_in_the_app_the_same_workbook_is_already_there(demo_store, tmp_path):
    export_workbook(demo_store, tmp_path / "a.xlsx")
    _replace_everywhere(tmp_path / "a.xlsx", "刘芳", "刘方", tmp_path / "b.xlsx")
    liu = next(p for p in demo_store.list("roster") if p.name == "刘芳")
    demo_store.update("roster", liu.id, {"name": "刘方", "role": liu.role, "post": liu.post,
                                         "active": liu.active})
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None and plan.new == 0 and plan.conflicts == []


def _export_edited(store, tmp_path, edit):
    """The store's own export with ``edit(book)`` done to it, as planned for import."""
    export_workbook(store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    edit(book)
    book.save(tmp_path / "b.xlsx")
    return import_workbook(store, tmp_path / "b.xlsx").plan


def test_a_sheet_of_new_people_only_adds_them(demo_store, tmp_path):
    """A roster sheet naming none of the kept people says nothing of who is missing."""
    def only_a_new_name(book):
        roster = book["人员名册"]
        liu = next(r for r in range(2, roster.max_row + 1) if roster.cell(r, 1).value == "刘芳")
        row = [c.value for c in roster[liu]]
        roster.delete_rows(2, roster.max_row)
        row[0] = "刘方"
        roster.append(row)
        for other in ("警示教育", "谈话记录", "整改事项", "会议活动"):
            del book[other]

    plan = _export_edited(demo_store, tmp_path, only_a_new_name)
    assert plan is not None and plan.new == 1 and plan.conflicts == []


def test_a_newcomer_of_another_role_beside_the_whole_roster_is_new(demo_store, tmp_path):
    plan = _export_edited(demo_store, tmp_path, lambda book: book["人员名册"].append(
        ["赵新来", "新来的干事", "党员", "是", None, None]))
    assert plan is not None and plan.new == 1 and plan.conflicts == []


def test_corrected_name_is_one_character_apart():
    assert corrected_name("吴涛", "吴韬") and corrected_name("欧阳明", "欧明")
    assert not corrected_name("吴涛", "吴涛") and not corrected_name("吴涛", "李韬")
    assert not corrected_name("王芳", "王芳芳芳")


def test_a_name_found_only_in_rows_conflicting_on_it_is_held_though_post_changed(
        demo_store, tmp_path):
    """刘芳 → 周燕 (not one character apart) with her 职务 rewritten too: every row naming
    周燕 conflicts where the kept record has 刘芳, so it is still 疑似更正姓名."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = _replace_everywhere(tmp_path / "a.xlsx", "刘芳", "周燕", tmp_path / "b.xlsx")
    roster = book["人员名册"]
    row = next(r for r in range(2, roster.max_row + 1) if roster.cell(r, 1).value == "周燕")
    roster.cell(row, 2).value = "另写的职务"
    book.save(tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    assert plan is not None
    roster_plan = next(s for s in plan.sheets if s.spec.key == "roster")
    assert roster_plan.new == []
    assert any("疑似更正姓名" in str(c) and "“刘芳”" in str(c) for c in roster_plan.conflicts)
    assert "周燕" not in demo_store.roster_names()


def test_a_newcomer_in_a_leavers_post_is_a_new_person(demo_store, tmp_path):
    """revdiff4 F1: 刘芳 taken off the roster sheet and 刘方 added with her post and role and
    a meeting of his own — a newcomer, not a corrected name: he is added, and nothing
    advises rewriting 刘芳's records to his name."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    roster = book["人员名册"]
    row = next(r for r in roster.iter_rows() if r[0].value == "刘芳")
    row[0].value = "刘方"  # the leaver's row given to the newcomer, post and role alike
    book.save(tmp_path / "b.xlsx")
    _with_new_meeting_naming(tmp_path / "b.xlsx", "刘方", tmp_path / "c.xlsx")
    plan = import_workbook(demo_store, tmp_path / "c.xlsx").plan
    roster_sheet = next(s for s in plan.sheets if s.spec.key == "roster")
    assert [p.name for p in roster_sheet.new] == ["刘方"]
    assert not any("更正姓名" in str(c) for s in plan.sheets for c in s.conflicts)


def _roster_row_renamed(src, old, new, out):
    book = load_workbook(src)
    row = next(r for r in book["人员名册"].iter_rows() if r[0].value == old)
    row[0].value = new
    book.save(out)
    return book


def test_a_name_corrected_on_the_roster_sheet_only_is_still_held(demo_store, tmp_path):
    """revlast3 1: the fix for newcomers let a name corrected on the 人员名册 sheet alone
    (records left as they were) in as a second person, "尚未覆盖：刘方"."""
    before = sorted(demo_store.roster_names())
    export_workbook(demo_store, tmp_path / "a.xlsx")
    _roster_row_renamed(tmp_path / "a.xlsx", "刘芳", "刘方", tmp_path / "b.xlsx")
    plan = import_workbook(demo_store, tmp_path / "b.xlsx").plan
    roster = next(s for s in plan.sheets if s.spec.key == "roster")
    assert roster.new == [] and any("疑似更正姓名" in str(c) for c in roster.conflicts)
    assert sorted(demo_store.roster_names()) == before


def test_a_newcomer_added_beside_the_leaver_in_a_meeting_is_a_new_person(demo_store, tmp_path):
    """revlast3 4: a kept meeting's row listing both 刘芳 and the newcomer 刘方 is no rename."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = _roster_row_renamed(tmp_path / "a.xlsx", "刘芳", "刘方", tmp_path / "b.xlsx")
    meetings = book["会议活动"]
    column = [c.value for c in meetings[1]].index("参加人员")
    row = next(r for r in meetings.iter_rows(min_row=2) if "刘芳" in str(r[column].value))
    row[column].value = f"{row[column].value}、刘方"
    book.save(tmp_path / "c.xlsx")
    plan = import_workbook(demo_store, tmp_path / "c.xlsx").plan
    roster = next(s for s in plan.sheets if s.spec.key == "roster")
    assert [p.name for p in roster.new] == ["刘方"]
    assert not any("更正姓名" in str(c) for s in plan.sheets for c in s.conflicts)


def test_rows_taken_out_of_the_workbook_are_still_listed_beside_a_corrected_name(
        demo_store, tmp_path):
    """revloss2 M-2: with 吴涛 → 吴韬 corrected in the workbook, the rows she had taken
    out that named 吴涛 were not listed as "台账中有、工作簿中没有" (22 of 50 said)."""
    export_workbook(demo_store, tmp_path / "a.xlsx")
    book = _replace_everywhere(tmp_path / "a.xlsx", "刘芳", "刘方", tmp_path / "b.xlsx")
    meetings = book["会议活动"]
    header = [c.value for c in meetings[1]]
    at = header.index("参加人员")
    gone = next(n for n, row in enumerate(meetings.iter_rows(min_row=2, values_only=True),
                                          start=2) if row[at] and "刘方" in row[at]
                and n > 2)  # not the first row: the dates span the rest
    topic = meetings.cell(gone, header.index("主题*") + 1).value
    meetings.delete_rows(gone)
    book.save(tmp_path / "c.xlsx")
    plan = import_workbook(demo_store, tmp_path / "c.xlsx").plan
    assert plan is not None
    absent = [entry for sheet in plan.sheets for entry, _words in sheet.absent]
    assert any(topic[:12] in entry for entry in absent), (topic, absent)
    # the kept records the renamed rows stand for are not listed as taken out
    assert len(absent) == 1
