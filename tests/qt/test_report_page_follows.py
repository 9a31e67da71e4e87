"""The report page follows the ledgers and the roster changed elsewhere (reviewer revclose2)."""

from dataclasses import asdict
from datetime import date

import pdfplumber
import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.qt.report_page import ReportPage
from lianzheng_desktop.storage.reports import load_texts

pytestmark = pytest.mark.gui
DUTY, PERSONAL, PROBLEMS = SECTION_HEADINGS[:3]


@pytest.fixture
def page(qtbot, demo_store, paths):
    widget = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(widget)
    widget.set_period(ReportPeriod(2022, 4))
    return widget


def _pdf_text(path):
    with pdfplumber.open(path) as pdf:
        return "".join((p.extract_text() or "").replace("\n", "") for p in pdf.pages)


def _values(record):
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in asdict(record).items()
            if k not in ("id", "created_at", "updated_at", "late_entry")}


def test_a_record_added_after_the_page_was_opened_is_in_the_paper_printed(
        page, demo_store, tmp_path):
    """She opened the report, went to 警示教育, added a session, came back and saved the PDF
    without typing: 一 still said the old count while the paper's own 附件 listed the new
    session (revclose2, finding 1). Untouched sections are drafted from the ledgers as now."""
    page.hide()
    demo_store.add("warning_education", {
        "date": "2022-12-20", "form": "观看警示教育片", "topic": "观看警示教育片《零容忍》",
        "attendees": "王建国、李秀梅", "head_count": 2})
    page.on_data_changed()  # what the window does on every change
    page.show()
    assert "观看警示教育片《零容忍》" in page.editors[DUTY].toPlainText()
    # and even were the editor left behind, what is printed is drafted again
    page.editors[DUTY].blockSignals(True)
    drafted = page.tabs.drafts[DUTY]
    page.editors[DUTY].setPlainText(drafted.replace("观看警示教育片《零容忍》", "（旧的草稿）"))
    page.tabs.drafts[DUTY] = page.editors[DUTY].toPlainText()  # as an old draft on screen
    page.editors[DUTY].blockSignals(False)
    page.generate(tmp_path / "q4.pdf")
    assert "观看警示教育片《零容忍》" in _pdf_text(tmp_path / "q4.pdf")


def test_a_renamed_reporters_page_follows_the_new_name(page, demo_store, qtbot):
    """李秀梅's own report open, then renamed 李秀美 in 人员名册: the page still wrote her
    typing under 李秀梅, out of reach of the report under her name (revclose2, finding 6)."""
    page.set_person("李秀梅")
    page.editors[PERSONAL].setPlainText("（改名前写）本人严格遵守八项规定。")
    page.hide()
    page.on_data_changed()  # leaving the page keeps it (hideEvent) before the rename
    person = next(p for p in demo_store.list("roster") if p.name == "李秀梅")
    demo_store.update("roster", person.id, {**_values(person), "name": "李秀美"})
    page.on_data_changed()
    page.show()
    assert page.selected_person() == "李秀美"
    assert page.editors[PERSONAL].toPlainText() == "（改名前写）本人严格遵守八项规定。"
    page.editors[PERSONAL].setPlainText("（改名前写）本人严格遵守八项规定。（改名后补写）")
    page.keep_typed_text()
    period = ReportPeriod(2022, 4)
    assert load_texts(demo_store, period, person="李秀美")[PERSONAL].endswith("（改名后补写）")
    assert load_texts(demo_store, period, person="李秀梅") == {}


def test_one_who_left_in_the_period_still_reports_on_it(qtbot, demo_store, paths):
    """何军 left on 14 August: 报告人 no longer offered him for the third quarter he served
    in (revclose2, finding 11). He is offered, and his report is dated his last day."""
    person = next(p for p in demo_store.list("roster") if p.name == "何军")
    demo_store.update("roster", person.id, {**_values(person), "role": "班子成员"})
    widget = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(widget)
    widget.set_period(ReportPeriod(2022, 3))
    offered = [widget.person.itemData(i) for i in range(widget.person.count())]
    assert "何军" in offered
    widget.set_person("何军")
    widget._load_period()
    assert widget.notice.text().count("无法生成") == 0, widget.notice.text()
    assert widget._report_day == date(2022, 8, 14)
    widget.set_period(ReportPeriod(2022, 4))  # he served no day of it: not offered
    assert "何军" not in [widget.person.itemData(i) for i in range(widget.person.count())]


def test_redrafting_the_whole_report_is_never_one_enter_away(page, monkeypatch):
    """With no stale section the question's default was 是 and named only 第二部分: one Enter
    wiped her 二 and the causes she wrote in 三 (revclose2, finding 5)."""
    asked = []

    def question(_parent, _title, text, buttons=None, default=None):
        asked.append((text, default))
        return default  # Enter
    monkeypatch.setattr(QMessageBox, "question", question)
    page.editors[PERSONAL].setPlainText("本人严格遵守中央八项规定精神。")
    page.keep_typed_text()
    page._on_redraft()
    [(text, default)] = asked
    assert default == QMessageBox.StandardButton.No
    assert "第三部分写的问题原因" in text
    assert page.editors[PERSONAL].toPlainText() == "本人严格遵守中央八项规定精神。"


def test_the_window_tells_the_report_page_of_every_change(qtbot, demo_store, paths):
    """The page's following was called by no one in the window (reviewer revdiff3, D1): a
    record saved on a ledger page, or a rename, left the report page as it was."""
    from lianzheng_desktop.qt.main_window import MainWindow

    window = MainWindow(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(window)
    window.show()
    window.show_page("述廉述责报告")
    window.report.set_period(ReportPeriod(2022, 4))
    window.show_page("警示教育")
    demo_store.add("warning_education", {
        "date": "2022-12-20", "form": "观看警示教育片", "topic": "观看警示教育片《零容忍》",
        "attendees": "王建国、李秀梅", "head_count": 2})
    window._on_data_changed()  # what a ledger page's 保存 ends with
    window.show_page("述廉述责报告")
    assert "观看警示教育片《零容忍》" in window.report.editors[DUTY].toPlainText()


def test_a_change_while_she_types_leaves_her_sentence_and_cursor_alone(page, demo_store):
    """An Excel import run from the report page reloaded every editor: her cursor jumped to
    the start and she typed on into the middle of her own text (reviewer revlast2, 2)."""
    page.show()
    editor = page.editors[PERSONAL]
    editor.setPlainText("本人严格遵守八项规定，")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    demo_store.add("warning_education", {
        "date": "2022-12-20", "form": "观看警示教育片", "topic": "观看警示教育片《零容忍》",
        "attendees": "王建国、李秀梅", "head_count": 2})
    page.on_data_changed()
    assert "观看警示教育片《零容忍》" in page.editors[DUTY].toPlainText()  # drafted anew
    assert editor.toPlainText() == "本人严格遵守八项规定，"
    assert editor.textCursor().position() == len("本人严格遵守八项规定，")


def test_a_preview_made_before_a_change_is_said_to_be_out_of_date(page, demo_store, qtbot):
    """A change reaching only an annex (an item's 编号) left the preview unmarked, while 保存
    PDF wrote another paper (reviewer revlast2, 4)."""
    from PySide6.QtPdf import QPdfDocument

    page.show()
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    assert not page.preview_pane.note.isVisible()
    item = demo_store.list("rectification")[0]
    values = {**_values(item), "number": (item.number or "") + "（巡察）"}
    demo_store.update("rectification", item.id, values)
    page.on_data_changed()
    assert page.preview_pane.note.isVisible()
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: not page.preview_pane.note.isVisible())


def test_her_own_words_in_a_drafted_section_stay_when_its_draft_moves(page, demo_store):
    """revcode2 T1: the test above types in 二, whose draft never moves; a section she
    wrote in (一) whose draft changes with a new record must keep her words, in the editor
    and in the file."""
    from lianzheng_desktop.storage.reports import load_texts

    page.show()
    editor = page.editors[DUTY]
    mine = editor.toPlainText() + "另组织党员干部学习了新修订的《条例》。"
    editor.setPlainText(mine)
    page.tabs.keep_typed_text()
    demo_store.add("warning_education", {
        "date": "2022-12-20", "form": "观看警示教育片", "topic": "观看警示教育片《零容忍》",
        "attendees": "王建国、李秀梅", "head_count": 2})
    page.on_data_changed()
    assert editor.toPlainText() == mine
    page.tabs.keep_typed_text()
    assert load_texts(demo_store, ReportPeriod(2022, 4))[DUTY] == mine
