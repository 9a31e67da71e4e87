"""An item whose owner has left, as the 书记's and the branch's papers tell it."""

from datetime import date

from lianzheng_desktop.app.reports import report_document
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod


def test_an_item_overdue_after_its_owner_left_names_no_one_as_answering_for_it(demo_store):
    """吴涛 left on 31 December; his item went past its deadline in February. The 书记's Q1
    paper said "（吴涛负责）" in 三 and "逐项明确责任人和整改时限" in 一, while 四 of the same
    paper said a new 责任人 was still to be named (reviewer revjiwei3, J10)."""
    demo_store.add("rectification", {
        "source": "自查", "number": "ZC-01", "description": "办公用品采购未执行比价",
        "owner": "何军", "found_date": "2022-05-10", "deadline": "2022-10-31",
        "status": "整改中"})  # 何军 left on 14 August (core/demo.py)
    for person in ("王建国", None):
        texts = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31),
                                person=person).section_texts()
        duty, problems, steps = (texts[SECTION_HEADINGS[n]] for n in (0, 2, 3))
        said = "“办公用品采购未执行比价”"
        assert "（何军负责）" not in problems, problems
        assert (f"整改事项{said}整改时限为2022年10月31日，截至2022年12月31日仍未完成，已逾期61天；"
                "原责任人何军已于2022年8月14日离岗，未及时明确新的责任人。") in problems, problems
        assert "逐项明确责任人" not in duty, duty
        assert person is None or "逐项明确整改时限" not in duty and "明确整改时限" in duty, duty
        assert "原责任人何军8月14日离岗，须明确新的责任人" in steps, steps  # as before


def test_while_every_owner_is_in_post_the_paper_still_says_each_item_has_one(demo_store):
    texts = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31),
                            person="王建国").section_texts()
    assert "逐项明确责任人和整改时限" in texts[SECTION_HEADINGS[0]]


def test_an_item_finished_past_its_deadline_is_not_told_as_a_plain_achievement(demo_store):
    """XC2-03 was due on 31 December and finished on 25 January: the annual had told the 纪委
    "到期仍未完成", the next quarter's paper "完成整改事项1件" and nothing more (revjiwei3, J3)."""
    demo_store.add("rectification", {
        "source": "自查", "number": "ZC-02", "description": "会议记录不规范",
        "owner": "张志强", "found_date": "2022-09-01", "deadline": "2022-10-31",
        "status": "已完成", "completed_date": "2022-11-25", "measures": "统一记录本"})
    duty = SECTION_HEADINGS[0]
    branch = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))
    assert "已完成整改5件（其中本季度完成1件，1件超过整改时限完成）" in \
        branch.section_texts()[duty], branch.section_texts()[duty]
    own = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31),
                          person="张志强").section_texts()[duty]
    assert "已完成整改1件（超过整改时限完成）" in own, own
    year = report_document(demo_store, ReportPeriod(2022), date(2022, 12, 31))
    assert "（其中1件超过整改时限完成）" in year.section_texts()[duty]


def test_an_item_entered_late_is_marked_in_the_reports_item_annex(demo_store):
    """附件2/3/5 marked 补录 records; the 整改事项 annex did not (reviewer revnew, N-late-1)."""
    demo_store.add("rectification", {
        "source": "自查", "number": "ZC-03", "description": "公务接待清单不全",
        "owner": "张志强", "found_date": "2022-11-01", "deadline": "2023-03-31",
        "status": "整改中"})  # entered on 31 December: 补录
    document = report_document(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))
    annex = next(a for a in document.appendices if "整改事项台账" in a.title)
    row = next(r for r in annex.rows if r[0] == "ZC-03")
    assert row[1] == "公务接待清单不全（补录）"
    assert annex.note.startswith("注：") and "问题后注“补录”的" in annex.note, annex.note


def test_the_duty_row_counts_the_items_still_owed_their_review(demo_store):
    """附件1's 巡察整改 row said "已开展“回头看”1件" and nothing of the three finished items
    not yet looked back at, which 三 and 四 of the same paper name (revjiwei3, J4 note)."""
    document = report_document(demo_store, ReportPeriod(2022, 3), date(2022, 9, 30))
    [row] = [r for a in document.appendices for r in a.rows
             if len(r) > 1 and r[1] == "着力做好县委巡察整改工作"]
    assert "已完成整改4件" in row[-1], row[-1]
    assert "已开展“回头看”1件，已完成整改尚未“回头看”3件" in row[-1], row[-1]


def test_a_quarter_with_nothing_recorded_claims_no_work_on_overdue_items(demo_store):
    """2027's first quarter had no record at all and two items sat overdue: the branch's and
    the 书记's papers read "认真履行…推进整改事项2件 / 督促推进整改", a member's of the same day
    "台账中尚无…工作记录" (reviewer revjiwei4, K1)."""
    from datetime import datetime

    from lianzheng_desktop.storage import plans

    demo_store.clock = lambda: datetime(2023, 4, 5, 9)
    plans.start_new_year(demo_store, 2023, 2022)
    for item in demo_store.list("rectification"):  # only the overdue one is left open
        if item.completed_date is None and item.status == "长期坚持":
            demo_store.delete("rectification", item.id)
    for person in (None, "王建国"):
        texts = report_document(demo_store, ReportPeriod(2023, 1), date(2023, 3, 31),
                                person=person).section_texts()
        duty = texts[SECTION_HEADINGS[0]]
        assert "推进整改事项" not in duty and "督促推进整改" not in duty, duty
        assert "台账中尚无" in duty, duty
        assert "基层工会经费返还拨付不及时" in texts[SECTION_HEADINGS[2]]  # 三 names it
