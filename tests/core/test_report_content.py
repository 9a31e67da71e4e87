"""The drafted report, checked against the demo year worked out by hand (core/demo.py)."""

from datetime import date

import pytest

from lianzheng_desktop.core.report_content import build_document, figures, tidy
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.reports import (
    list_versions,
    load_report_data,
    load_texts,
    save_texts,
)


def test_q3_figures_from_the_demo_year(demo_store):
    f = figures(load_report_data(demo_store, ReportPeriod(2022, 3)))
    # Q3 2022: 专题会议 on 09-16; warning education on 09-27 with 11 present;
    # one talk on 09-14 (陈立新, 刘芳); six items, four finished by 09-30
    # (05-26, 06-10, 06-22, 07-28), XC-06 长期坚持, XC-05 still open; one 回头看 (09-20).
    assert (f.meetings, f.sessions, f.session_attendance) == (1, 1, 11)
    assert (f.talks, f.person_times, f.one_on_one) == (1, 2, 0)
    assert (f.rectification_total, f.rectification_done, f.rectification_ongoing,
            f.rectification_open, f.reviews) == (6, 4, 1, 1, 1)
    # 12 in the roster, 何军 has left, 王建国 is the secretary: 10 in scope, 2 talked to.
    assert (f.talked_people, f.people_in_scope, f.coverage) == (2, 10, 20)


def test_a_past_period_reads_item_status_from_dates(demo_store):
    f = figures(load_report_data(demo_store, ReportPeriod(2022, 1)))
    assert f.rectification_done == 0  # nothing was finished by 31 March
    assert f.reviews == 0


def test_year_end_problems_name_the_unmet_duties_and_the_overdue_item(demo_store):
    data = load_report_data(demo_store, ReportPeriod(2022))
    problems = build_document(data).section_texts()[SECTION_HEADINGS[2]]
    assert "全年召开不少于4次专题会议" in problems
    assert "坚持每季度至少进行1次集中警示教育" in problems
    assert "基层工会经费返还拨付不及时" in problems and "已逾期92天" in problems


def test_next_steps_start_from_next_periods_obligations(demo_store):
    text = build_document(load_report_data(demo_store, ReportPeriod(2022, 3))).section_texts()[
        SECTION_HEADINGS[3]]
    assert text.startswith("2022年第四季度，将重点抓好以下工作：")
    assert "坚持每季度至少进行1次集中警示教育" in text
    assert "还需1次" in text  # 4 meetings a year, 3 held


def test_edited_sections_are_kept_and_used(demo_store):
    period = ReportPeriod(2022, 3)
    save_texts(demo_store, period, {SECTION_HEADINGS[1]: "本人严格遵守中央八项规定精神。"})
    assert load_texts(demo_store, period) == {SECTION_HEADINGS[1]: "本人严格遵守中央八项规定精神。"}
    document = build_document(load_report_data(demo_store, period), load_texts(demo_store, period))
    assert document.section_texts()[SECTION_HEADINGS[1]] == "本人严格遵守中央八项规定精神。"
    assert "9月16日召开党风廉政建设专题会议" in document.section_texts()[SECTION_HEADINGS[0]]


def test_every_written_version_is_kept_with_its_hash(demo_store, tmp_path):
    import hashlib

    from lianzheng_desktop.app.reports import write_report

    period = ReportPeriod(2022, 3)
    version = write_report(demo_store, period, tmp_path / "a.pdf")
    assert version.sha256 == hashlib.sha256((tmp_path / "a.pdf").read_bytes()).hexdigest()
    write_report(demo_store, period, tmp_path / "a.docx")
    kept = list_versions(demo_store, period)
    assert {v.kind for v in kept} == {"pdf", "docx"}


def test_a_report_kept_and_then_back_filled_says_so_when_made_again(demo_store, tmp_path):
    """A reviewer kept the Q2 report ("专题会议…落实进度滞后"), then entered a June meeting in
    November: the Q2 report made again said the duty was on track, and nothing said it now
    differs from the paper kept — two Q2 reports for the 纪委, unsaid."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    def notes():
        return [n for n in prepare_report(demo_store, ReportPeriod(2022, 2)).notes
                if "生成留存" in n]

    demo_store.clock = lambda: datetime(2023, 1, 5, 9)  # the demo year was entered by then
    write_report(demo_store, ReportPeriod(2022, 2), tmp_path / "q2.pdf")
    assert notes() == []
    demo_store.clock = lambda: datetime(2023, 2, 20, 9)
    demo_store.add("activity", {"date": "2022-10-20", "type": "专题会议", "topic": "十月会议"})
    assert notes() == []  # another quarter's record: the kept Q2 report stands
    demo_store.add("activity", {"date": "2022-06-28", "type": "专题会议", "topic": "补记的会议"})
    assert notes() == ["本期报告已于2023年1月5日生成留存；此后补录、修改或删除了本期的 1 条台账"
                       "记录，现在生成的报告可能与留存的不同。如已交出，重新交出时请向纪委说明"
                       "改动；留存的原件不受影响。"]
    demo_store.clock = lambda: datetime(2023, 2, 21, 9)  # made and kept once more, unchanged:
    write_report(demo_store, ReportPeriod(2022, 2), tmp_path / "q2-again.pdf")
    # still said of the first (the 纪委 may hold it), but no longer "may differ": the second
    # paper has the change, and the note says which one to hand in
    assert notes() == ["本期报告已于2023年1月5日生成留存；此后补录、修改或删除了本期的 1 条台账"
                       "记录；2023年2月21日重新生成留存的一份已含这些改动。两份内容不同：如纪委"
                       "收到的是前一份，请交出后一份并说明改动；留存的原件都不受影响。"]
    demo_store.clock = lambda: datetime(2023, 2, 22, 9)  # and changed again after the second
    demo_store.add("activity", {"date": "2022-06-29", "type": "专题会议", "topic": "又补记的会议"})
    assert notes()[0].endswith("现在生成的报告可能与留存的不同。如已交出，重新交出时请向纪委说明"
                               "改动；留存的原件不受影响。")


def _kept_on_5_january(store, period, tmp_path, later=(2023, 2, 20)):
    """The period's paper written and kept on 2023年1月5日 (the demo year entered by then),
    the clock then moved to ``later``; returns what the paper's kept-copy note says now."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    store.clock = lambda: datetime(2023, 1, 5, 9)
    write_report(store, period, tmp_path / "kept.pdf")
    store.clock = lambda: datetime(*later, 9)
    return lambda: [n for n in prepare_report(store, period).notes if "生成留存" in n]


def _values(item) -> dict:
    import dataclasses

    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in dataclasses.asdict(item).items()
            if k not in ("id", "created_at", "updated_at", "late_entry")}


def test_a_new_secretary_in_the_settings_after_a_report_was_kept_is_said(demo_store,
                                                                          tmp_path):
    """revloss7 W3: 设置's 书记 changed in December; the Q3 paper kept in October, made
    again, signed with the new secretary and nothing said it differs from the one kept."""
    from datetime import date

    from lianzheng_desktop.core.records import UnitProfile

    notes = _kept_on_5_january(demo_store, ReportPeriod(2022, 3), tmp_path)
    assert notes() == []
    was = demo_store.profile()
    demo_store.save_profile(UnitProfile(was.unit_name, was.org_name, "李秀梅"))
    assert notes() == ["本期报告已于2023年1月5日生成留存；此后在“设置”中修改了书记姓名（现在"
                       "生成的报告按修改后的填写），现在生成的报告可能与留存的不同。如已交出，"
                       "重新交出时请向纪委说明改动；留存的原件不受影响。"]
    demo_store.save_profile(was)  # put back as it was: nothing differs
    assert notes() == []
    # a handover the roster dates: the Q3 paper is still signed by the one who served then,
    # so nothing it prints changed (revdiff11 Z5: the note sent her to explain a change)
    [old] = [p for p in demo_store.list("roster") if p.name == was.secretary_name]
    demo_store.update("roster", old.id, {"name": old.name, "role": old.role, "post": old.post,
                                         "active": False, "joined_on": old.joined_on,
                                         "left_on": date(2022, 11, 30)})
    demo_store.add("roster", {"name": "赵新", "role": old.role, "post": old.post,
                              "joined_on": date(2022, 12, 1)})
    demo_store.save_profile(UnitProfile(was.unit_name, was.org_name, "赵新"))
    assert notes() == []


def test_an_item_closed_after_the_year_is_no_change_to_the_years_kept_paper(demo_store,
                                                                            tmp_path):
    """revnew7 Y2: closing in February an item found the year before made the year's kept
    papers say "此后补录、修改或删除了本期的 1 条台账记录", though they read the item as it was
    on 12月31日 and came out the same; a change to what the paper shows is still said."""
    notes = _kept_on_5_january(demo_store, ReportPeriod(2022), tmp_path, later=(2023, 2, 28))
    [item] = [i for i in demo_store.list("rectification") if i.status == "整改中"]
    values = _values(item)
    demo_store.update("rectification", item.id, {**values, "status": "已完成",
                                                 "completed_date": "2023-02-28"})
    assert notes() == []
    demo_store.update("rectification", item.id, {**values, "status": "已完成",
                                                 "completed_date": "2023-02-28",
                                                 "measures": item.measures + "（已补充）"})
    assert len(notes()) == 1 and "1 条台账记录" in notes()[0]


def test_an_open_item_made_long_term_after_the_year_changes_the_years_kept_paper(
        demo_store, tmp_path):
    """revdiff11 Z4: an open item set to 长期坚持 after the year reads as fixed in the
    year's paper (its overdue days gone); the exception for items closed later hid it."""
    notes = _kept_on_5_january(demo_store, ReportPeriod(2022), tmp_path, later=(2023, 2, 28))
    [item] = [i for i in demo_store.list("rectification") if i.status == "整改中"]
    values = _values(item)
    demo_store.update("rectification", item.id, {**values, "status": "长期坚持"})
    assert len(notes()) == 1 and "1 条台账记录" in notes()[0]


def test_a_rename_after_a_report_was_kept_is_said_as_a_rename_not_as_records_changed(
        demo_store, tmp_path):
    """李秀梅 renamed 李秀美 after the Q3 report was kept: the note said "修改了本期的 5 条台账
    记录" — her sessions' 主持人 follow the rename — as if the year's work had been changed
    (reviewer revlast, L7). The paper differs by her name; that is what it says now."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    def notes():
        return [n for n in prepare_report(demo_store, ReportPeriod(2022, 3)).notes
                if "生成留存" in n]

    demo_store.clock = lambda: datetime(2023, 1, 5, 9)  # the demo year was entered by then
    write_report(demo_store, ReportPeriod(2022, 3), tmp_path / "q3.pdf")
    demo_store.clock = lambda: datetime(2023, 1, 10, 9)
    person = next(p for p in demo_store.list("roster") if p.name == "李秀梅")
    values = {f: getattr(person, f) for f in ("role", "post", "joined_on", "left_on")}
    demo_store.update("roster", person.id, {**values, "name": "李秀美"})
    assert notes() == ["本期报告已于2023年1月5日生成留存；此后人员名册中“李秀梅”改名为“李秀美”，"
                       "现在生成的报告可能与留存的不同。如已交出，重新交出时请向纪委说明改动；"
                       "留存的原件不受影响。"]
    demo_store.clock = lambda: datetime(2023, 1, 11, 9)  # a real change after it still counts
    demo_store.add("activity", {"date": "2022-09-29", "type": "专题会议", "topic": "补记的会议"})
    assert "补录、修改或删除了本期的 1 条台账记录" in notes()[0]


def test_next_years_plan_imported_after_a_report_was_kept_is_said_too(demo_store, tmp_path):
    """The 2022 report kept on 5 January; the 2023 plan imported a week later rewrote its
    section 四 (下一步打算 quotes the next plan), and nothing said the report now differs from
    the paper kept (reviewer revyear, F10)."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report
    from lianzheng_desktop.storage import plans

    def notes():
        return [n for n in prepare_report(demo_store, ReportPeriod(2022)).notes
                if "生成留存" in n]

    demo_store.clock = lambda: datetime(2023, 1, 5, 9)
    write_report(demo_store, ReportPeriod(2022), tmp_path / "2022.pdf")
    assert notes() == []
    demo_store.clock = lambda: datetime(2023, 1, 12, 9)
    plans.import_plan_text(demo_store, "2023年机关党支部工作要点\n一、责任\n"
                           "1.会议。每季度召开党风廉政建设专题会议1次。\n", 2023)
    assert notes() == ["本期报告已于2023年1月5日生成留存；此后导入或修改了2023年度计划（报告对照的"
                       "要求和下一步打算随之不同），现在生成的报告可能与留存的不同。如已交出，重新"
                       "交出时请向纪委说明改动；留存的原件不受影响。"]


def test_a_report_written_but_not_kept_says_where_it_is(demo_store, tmp_path):
    """A reviewer's data folder turned read-only: 保存 PDF wrote the file, then said 未能生成报告
    / 意外问题, while the PDF stood under the name she chose, unlisted."""
    from lianzheng_desktop.app.reports import write_report
    from lianzheng_desktop.core.errors import UserError

    pages = demo_store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_store.db.execute(f"PRAGMA max_page_count = {pages}")  # nothing more can be written
    target = tmp_path / "q3.pdf"
    with pytest.raises(UserError) as said:
        write_report(demo_store, ReportPeriod(2022, 3), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(said.value).startswith(f"报告已保存到“{target}”，但未能登记为留存版本（磁盘空间已满")


def test_a_drafted_problems_section_says_its_causes_are_the_reporters_to_write(demo_store):
    """Every report a reviewer read was headed "三、存在的问题及原因" and gave no cause: the
    draft lists the problems, and only the reporter can say why — so the notes say so."""
    from lianzheng_desktop.app.reports import CAUSES_NOTE, prepare_report

    prepared = prepare_report(demo_store, ReportPeriod(2022, 3))
    assert "存在以下问题" in prepared.drafts[SECTION_HEADINGS[2]]
    assert CAUSES_NOTE in prepared.notes
    save_texts(demo_store, ReportPeriod(2022, 3), {SECTION_HEADINGS[2]: prepared.drafts[
        SECTION_HEADINGS[2]] + "主要原因是对整改事项跟踪督促不够。"})
    assert CAUSES_NOTE not in prepare_report(demo_store, ReportPeriod(2022, 3)).notes
    own = prepare_report(demo_store, ReportPeriod(2022, 3), person="王建国")  # as 第一责任人
    assert "本人作为第一责任人，履行职责还有不到位的地方，本季度主要存在以下问题：" in \
        own.drafts[SECTION_HEADINGS[2]] and CAUSES_NOTE in own.notes


def test_tidy_removes_spaces_around_numbers_only_in_chinese():
    assert tidy("召开 3 次，占 20%。") == "召开3次，占20%。"
    assert tidy("王建国　书记") == "王建国　书记"
    # Latin words keep their spaces; spaces at either end of Chinese text go.
    assert tidy("Excel 台账 v2 版") == "Excel台账v2版"
    assert tidy("see page 3 and 4") == "see page 3 and 4"
    assert tidy(" 召开“ 廉政 ”会议 ") == "召开“廉政”会议"
    assert tidy("第 ３ 次") == "第３次"  # full-width digits are CJK forms


def test_period_labels():
    assert ReportPeriod.parse("2022Q3").label == "2022年第三季度"
    assert ReportPeriod.parse("2022").label == "2022年度"
    assert ReportPeriod(2022, 4).next == ReportPeriod(2023, 1)
    assert ReportPeriod(2022).end == date(2022, 12, 31)


def test_earlier_reports_are_last_period_and_same_period_last_year(demo_store, tmp_path):
    from lianzheng_desktop.app.reports import write_report
    from lianzheng_desktop.storage.reports import earlier_reports

    save_texts(demo_store, ReportPeriod(2022, 2), {SECTION_HEADINGS[1]: "第二季度草稿"})
    save_texts(demo_store, ReportPeriod(2021, 3), {SECTION_HEADINGS[1]: "去年第三季度"})
    save_texts(demo_store, ReportPeriod(2022, 1), {SECTION_HEADINGS[1]: "第一季度"})
    found = dict(earlier_reports(demo_store, ReportPeriod(2022, 3)))
    assert set(found) == {"2022年第二季度报告", "2021年第三季度报告"}
    # once handed in, the version as printed is what is compared
    write_report(demo_store, ReportPeriod(2022, 2), tmp_path / "q2.pdf",
                 texts={SECTION_HEADINGS[1]: "第二季度定稿"})
    found = dict(earlier_reports(demo_store, ReportPeriod(2022, 3)))
    assert found["2022年第二季度报告"][SECTION_HEADINGS[1]] == "第二季度定稿"


def test_an_empty_profile_signs_with_the_roster_secretary_and_says_what_is_missing(demo_store):
    from lianzheng_desktop.core.records import UnitProfile
    from lianzheng_desktop.core.report_content import profile_gaps

    demo_store.save_profile(UnitProfile())  # as after an Excel import into a new file
    data = load_report_data(demo_store, ReportPeriod(2022, 3))
    document = build_document(data)
    # signed the day it is made, with the roster's post as in his own report (no unit named)
    assert document.closing == ["党组书记、常务副主席　王建国", "2022年12月31日"]
    assert document.meta == ["（2022年第三季度）", "党组书记、常务副主席　王建国"]
    assert "尚未填写单位信息" in profile_gaps(data) and "王建国" in profile_gaps(data)
    # a leader's own report is signed by the leader: the hint does not name the 书记
    own = load_report_data(demo_store, ReportPeriod(2022, 3), person="张志强")
    assert build_document(own).closing[0].endswith("张志强")
    assert "尚未填写单位信息" in profile_gaps(own) and "王建国" not in profile_gaps(own)


def test_tidy_keeps_the_writers_space_between_two_chinese_words():
    """A film entered as 《持续发力 纵深推进》 printed as 《持续发力纵深推进》."""
    assert tidy("观看《持续发力 纵深推进》") == "观看《持续发力 纵深推进》"
    assert tidy("王建国 书记") == "王建国 书记"


def test_a_report_kept_on_the_periods_last_day_is_compared_too(demo_store, tmp_path):
    """revdiff: the Q3 report is usually made on 30 September; a 28 September meeting entered
    in October changed it from 1 meeting to 2 with no note."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    demo_store.clock = lambda: datetime(2022, 9, 30, 16)
    write_report(demo_store, ReportPeriod(2022, 3), tmp_path / "q3.pdf")
    demo_store.clock = lambda: datetime(2022, 10, 12, 9)
    demo_store.add("activity", {"date": "2022-09-28", "type": "专题会议", "topic": "补记的会议"})
    notes = prepare_report(demo_store, ReportPeriod(2022, 3)).notes
    assert any(n.startswith("本期报告已于2022年9月30日生成留存；此后补录、修改或删除了本期的")
               for n in notes), notes


def test_a_kept_report_is_said_to_differ_when_a_requirement_was_deleted_not_when_next_years_plan_began(  # noqa: E501
        demo_store, tmp_path):
    """Deleting a requirement changed a kept Q3 report unsaid; starting next year's plan
    flagged every kept quarterly report though none reads it (reviewer revdiff2, F8, F9)."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report
    from lianzheng_desktop.storage import plans

    def noted(period):
        return [n for n in prepare_report(demo_store, period).notes if "生成留存" in n]

    demo_store.clock = lambda: datetime(2023, 1, 5, 9)
    write_report(demo_store, ReportPeriod(2022, 3), tmp_path / "q3.pdf")
    demo_store.clock = lambda: datetime(2023, 1, 12, 9)
    plans.start_new_year(demo_store, 2023)
    assert noted(ReportPeriod(2022, 3)) == []  # its 下一步 is the fourth quarter's
    duty = next(r for r in plans.load_plan(demo_store, 2022).requirements if r.item == "5")
    plans.remove_requirement(demo_store, duty.id)
    assert noted(ReportPeriod(2022, 3)) and "导入或修改了2022年度计划" in noted(
        ReportPeriod(2022, 3))[0]


def test_a_paper_kept_on_an_items_deadline_day_and_made_again_later_says_why_they_differ(
        demo_store, tmp_path):
    """Kept on 30 September with "1件今日到期", made again on 8 October with "1件到期未完成",
    nothing changed in between and nothing said (reviewer revdiff3, D8)."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    def notes():
        return [n for n in prepare_report(demo_store, ReportPeriod(2022, 3)).notes
                if "生成留存" in n]

    demo_store.clock = lambda: datetime(2022, 9, 30, 16)
    for item in demo_store.list("rectification"):  # the demo's entries, as if kept on time
        demo_store.db.execute("UPDATE audit_log SET at = '2022-09-01T00:00:00'"
                              " WHERE ledger = 'rectification' AND record_id = ?", [item.id])
    write_report(demo_store, ReportPeriod(2022, 3), tmp_path / "q3.pdf")
    demo_store.clock = lambda: datetime(2022, 10, 8, 9)
    [note] = notes()
    assert note.startswith("本期报告已于2022年9月30日生成留存；")
    assert "；当日到期的 1 件整改事项当天未能完成，现在按到期未完成计" in note, note
    # kept again on 10 October: that paper has it, and the note says which to hand in,
    # not "may differ" for ever (reviewer revlast2, 3)
    demo_store.clock = lambda: datetime(2022, 10, 10, 9)
    write_report(demo_store, ReportPeriod(2022, 3), tmp_path / "q3-again.pdf")
    demo_store.clock = lambda: datetime(2022, 10, 15, 9)
    [note] = notes()
    assert "2022年10月10日重新生成留存的一份已含这些改动" in note, note
    assert "现在生成的报告可能与留存的不同" not in note


def test_a_paper_kept_before_a_returns_deadline_and_made_again_after_says_why(
        demo_store, tmp_path):
    """revjiwei8 K: the year's paper kept on 12月31日 and made again on 1月10日 differ by the
    form due 1月7日 (not handed in: now 未完成); the note gave only the 整改 item's reason."""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage.plans import add_requirement

    def notes():
        return [n for n in prepare_report(demo_store, ReportPeriod(2022)).notes
                if "生成留存" in n]

    demo_store.clock = lambda: datetime(2022, 12, 31, 16)
    demo_store.add_plan_types([("activity", "报送纪实表")], 2022)
    add_requirement(demo_store, 2022, Requirement(
        item="10", text="按季度填写纪实表，并于每季季末次月7日前交纪检委员",
        counts=Counts("activity", ("报送纪实表",), "报送纪实表"), period=Period.QUARTER,
        target=1))
    for ledger in ("rectification", "requirement"):  # entered before the paper was kept
        demo_store.db.execute("UPDATE audit_log SET at = '2022-12-01T00:00:00'"
                              " WHERE ledger = ?", [ledger])
    write_report(demo_store, ReportPeriod(2022), tmp_path / "y.pdf")
    demo_store.clock = lambda: datetime(2023, 1, 10, 9)
    [note] = notes()
    assert ("“按季度填写纪实表，并于每季季末次月7日前交纪检委员”的报送期限已过、未按时报送"
            in note), note
    # handed in on time between two kept copies: the older one is not the complete one
    # (revyear4 Y1)
    demo_store.clock = lambda: datetime(2023, 1, 2, 9)
    write_report(demo_store, ReportPeriod(2022), tmp_path / "y-0102.pdf")
    demo_store.clock = lambda: datetime(2023, 1, 5, 9)
    demo_store.add("activity", {"date": "2023-01-05", "type": "报送纪实表", "topic": "四季度"})
    demo_store.clock = lambda: datetime(2023, 1, 6, 9)
    [note] = notes()
    assert "已含这些改动" not in note and "此后报送了“按季度填写纪实表" in note, note
    # handed in late, after the deadline, since the copy was kept: said as such, not
    # "未按时报送" beside a paper that says "逾期报送1次" (revlast9 G4)
    demo_store.db.execute("DELETE FROM activity WHERE date = '2023-01-05'")
    demo_store.clock = lambda: datetime(2023, 1, 9, 9)
    demo_store.add("activity", {"date": "2023-01-09", "type": "报送纪实表", "topic": "四季度"})
    demo_store.clock = lambda: datetime(2023, 1, 10, 9)
    [note] = notes()
    assert "此后报送了“按季度填写纪实表" in note and "（逾期）" in note, note
    assert "未按时报送" not in note, note


def test_a_year_begun_in_the_app_late_is_said_before_printing(demo_store):
    """revother F6: a unit that began using the app in October got a year's report saying
    it held nothing in the first three quarters; nothing warned. The quarters with no record
    in any ledger are named before she prints (the paper itself is hers)."""
    from lianzheng_desktop.app.reports import prepare_report

    year = [n for n in prepare_report(demo_store, ReportPeriod(2022)).notes if "没有任何记录" in n]
    assert year == []  # the demo has records in every quarter
    for key in ("warning_education", "talk", "activity", "rectification"):
        for record in demo_store.list(key):
            day = getattr(record, "date", None) or record.found_date
            if day < date(2022, 10, 15):
                demo_store.delete(key, record.id)
    notes = prepare_report(demo_store, ReportPeriod(2022)).notes
    assert any(n.startswith("台账中2022年第一至第三季度没有任何记录（最早的一条记录是10月")
               and "请先在各台账中补录" in n for n in notes), notes
    # a quarter still running is not called empty: by 30 September, Q3's end, it is
    notes = prepare_report(demo_store, ReportPeriod(2022, 3)).notes
    assert any("第一至第三季度没有任何记录" in n for n in notes), notes
    notes = prepare_report(demo_store, ReportPeriod(2022, 3), date(2022, 9, 29)).notes
    assert any("第一季度、第二季度没有任何记录" in n for n in notes), notes


def test_what_a_talk_found_is_printed(demo_store):
    """revother F5: the 发现问题 of a 问题性约谈 was asked by the form and printed nowhere."""
    from lianzheng_desktop.core.report_content import appendices

    def talk_annex(period):
        data = load_report_data(demo_store, period)
        return data, next(a for a in appendices(data) if "谈话记录台账" in a.title)

    _, plain = talk_annex(ReportPeriod(2022, 3))
    assert "发现问题" not in plain.columns  # none found: the table stays as it was
    demo_store.add("talk", {"date": "2022-08-20", "type": "提醒谈话", "talker": "王建国",
                            "talkees": "刘芳", "one_on_one": True,
                            "problems_found": "两笔维修费报销缺少验收单。已要求补齐。"})
    data, annex = talk_annex(ReportPeriod(2022, 3))
    assert annex.columns[-1] == "发现问题"
    assert [
        row[-1] for row in annex.rows if row[-1]] == ["两笔维修费报销缺少验收单。已要求补齐。"]
    duty = build_document(data).section_texts()[SECTION_HEADINGS[0]]
    assert "8月20日王建国与刘芳开展提醒谈话，谈话指出：两笔维修费报销缺少验收单，已要求补齐" \
        in duty, duty


def test_a_paper_kept_only_before_its_period_ended_is_said_when_made_after(demo_store,
                                                                          tmp_path):
    """revnew7 Y6: the Q4 paper handed in on 12月28日, before the year ended, left no trace
    on the page made in January: which paper does the 纪委 hold?"""
    from datetime import datetime

    from lianzheng_desktop.app.reports import prepare_report, write_report

    demo_store.clock = lambda: datetime(2022, 12, 28, 9)
    write_report(demo_store, ReportPeriod(2022, 4), tmp_path / "q4.pdf")
    demo_store.clock = lambda: datetime(2023, 1, 15, 9)
    notes = [n for n in prepare_report(demo_store, ReportPeriod(2022, 4)).notes if "留存" in n]
    assert notes == ["本期报告曾于2022年12月28日（期末之前）生成留存，内容截至当日；现在生成的是"
                     "期末之后的完整报告。如已交出前一份，请交出这一份并说明；留存的原件不受影响。"]


def test_all_duties_met_beside_an_overdue_item_is_not_said_to_lack_only_quality(demo_store):
    """revjiwei12 R4: "本季度2项要求均已完成，但在工作质量和实际成效上仍有提升空间" and, next
    line, an item past its deadline: the opening now says the item."""
    from dataclasses import replace

    from lianzheng_desktop.core.checklist import Status
    from lianzheng_desktop.core.report_problems import _overview, is_due, is_open
    from lianzheng_desktop.storage.reports import load_report_data

    data = load_report_data(demo_store, ReportPeriod(2022, 4))
    done = replace(data, checklist=replace(data.checklist, items=[
        i for i in data.checklist.items if i.status is Status.DONE]))
    overdue = [i for i in data.rectification if is_open(i, data.as_of)
               and is_due(i, data.as_of, data.missed_up_to)]
    assert overdue  # the demo's item past its deadline
    assert "但有1件整改事项到期未完成。" in _overview(done)  # due that day too (revdiff14 T3)
    clean = replace(done, rectification=[i for i in data.rectification if i not in overdue])
    assert _overview(clean).endswith("但在工作质量和实际成效上仍有提升空间。")
