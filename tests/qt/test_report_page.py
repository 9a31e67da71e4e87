import hashlib
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QInputMethodEvent, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.qt.report_page import ReportPage
from lianzheng_desktop.storage.reports import list_versions, load_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_store, paths):
    widget = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(widget)
    widget.set_period(ReportPeriod(2022, 3))
    return widget


def test_the_drafts_fill_the_editors(page):
    duty = page.editors[SECTION_HEADINGS[0]].toPlainText()
    assert "9月16日召开党风廉政建设专题会议" in duty
    personal = page.editors[SECTION_HEADINGS[1]]
    assert personal.toPlainText() == ""  # the reporter writes it; nothing of ours in print
    assert personal.placeholderText().startswith("请本人填写")


def type_chinese(editor, text):
    """As a Chinese input method does: each committed phrase arrives as one event."""
    for phrase in (text[:2], text[2:]):
        event = QInputMethodEvent()
        event.setCommitString(phrase)
        QApplication.sendEvent(editor, event)


def _reopen(qtbot, store, paths):
    again = ReportPage(store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(again)
    again.show()
    return again


def test_typed_text_survives_closing_the_window_without_saving(qtbot, demo_store, paths):
    window = QWidget()
    layout = QVBoxLayout(window)
    page = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    layout.addWidget(page)
    qtbot.addWidget(window)
    window.show()
    page.set_period(ReportPeriod(2022, 3))
    editor = page.editors[SECTION_HEADINGS[1]]
    page.tabs.setCurrentWidget(editor)
    editor.setFocus()
    type_chinese(editor, "本人严守纪律")
    assert editor.toPlainText() == "本人严守纪律"
    window.close()  # at once: the autosave's timer has not yet fired
    again = _reopen(qtbot, demo_store, paths)
    assert again.selected_period() == ReportPeriod(2022, 3)  # opens where the user typed
    assert again.editors[SECTION_HEADINGS[1]].toPlainText() == "本人严守纪律"


def test_typed_text_is_kept_while_typing(qtbot, page, demo_store):
    editor = page.editors[SECTION_HEADINGS[2]]
    editor.appendPlainText("原因是学习不够深入。")
    qtbot.waitUntil(lambda: SECTION_HEADINGS[2] in load_texts(demo_store, ReportPeriod(2022, 3)),
                    timeout=3000)
    kept = load_texts(demo_store, ReportPeriod(2022, 3))
    assert kept[SECTION_HEADINGS[2]].endswith("原因是学习不够深入。")
    assert SECTION_HEADINGS[0] not in kept  # untouched drafts keep following the ledgers


def test_switching_period_keeps_what_was_typed(page, demo_store):
    page.editors[SECTION_HEADINGS[1]].setPlainText("第三季度的自述")
    page.set_period(ReportPeriod(2022, 2))
    assert page.editors[SECTION_HEADINGS[1]].toPlainText() == ""
    page.set_period(ReportPeriod(2022, 3))
    assert page.editors[SECTION_HEADINGS[1]].toPlainText() == "第三季度的自述"


def test_a_year_without_plan_is_said_in_place_without_a_dialog(qtbot, demo_store, paths,
                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    opened = []
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: opened.append(a))
    page = ReportPage(demo_store, paths, today=date(2026, 5, 1))
    qtbot.addWidget(page)
    page.show()
    assert opened == []
    assert "尚无2026年度计划" in page.notice.text() and page.notice.isVisibleTo(page)
    assert page.editors[SECTION_HEADINGS[0]].isReadOnly()
    assert not page.save_button.isEnabled()


def test_preview_shows_the_pdf_and_is_not_kept_as_a_version(page, demo_store, qtbot):
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    assert page.document.pageCount() >= 5
    assert list_versions(demo_store, ReportPeriod(2022, 3)) == []


def test_edits_are_kept_and_printed(page, demo_store, tmp_path):
    page.editors[SECTION_HEADINGS[1]].setPlainText("本人严格遵守中央八项规定精神，未发现违规问题。")
    target = tmp_path / "q3.pdf"
    page.generate(target)
    assert load_texts(demo_store, ReportPeriod(2022, 3))[SECTION_HEADINGS[1]] == \
        "本人严格遵守中央八项规定精神，未发现违规问题。"
    import pdfplumber

    with pdfplumber.open(target) as pdf:
        text = "".join((p.extract_text() or "").replace("\n", "") for p in pdf.pages[:3])
    assert "本人严格遵守中央八项规定精神" in text
    kept = list_versions(demo_store, ReportPeriod(2022, 3))
    assert len(kept) == 1 and kept[0].kind == "pdf"


def test_printing_sends_every_page(page, qtbot, tmp_path):
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QSizeF(210, 297), QPageSize.Unit.Millimeter))
    assert page.print_preview(printer) == page.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_year_report_is_offered(page):
    page.kind.setCurrentIndex(1)
    assert page.selected_period() == ReportPeriod(2022)
    assert "2022年度" in page.editors[SECTION_HEADINGS[0]].toPlainText()


def test_saving_with_an_unwritten_section_asks_first(page, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    chosen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: chosen.append(1) or (str(tmp_path / "x.pdf"), ""))
    page.save_button.click()
    assert asked and asked[0].startswith("第二部分“个人廉洁自律情况”尚未填写，仍要保存吗？")
    assert chosen == []  # answered 否: nothing saved, the empty section is shown to fill in
    assert page.tabs.currentWidget() is page.editors[SECTION_HEADINGS[1]]
    page.editors[SECTION_HEADINGS[1]].setPlainText("本人严格遵守中央八项规定精神。")
    asked.clear()
    monkeypatch.setattr(page, "generate", lambda *a, **k: None)
    page.save_button.click()
    assert asked == [] and chosen == [1]


def test_saving_text_copied_from_last_quarter_shows_the_share_and_marks_it(
        page, demo_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from lianzheng_desktop.storage.reports import save_texts

    copied = ("本人始终把学习贯彻中央八项规定精神作为必修课，带头遵守各项纪律规定。"
              "注重家庭家教家风，经常提醒家属廉洁自律，未发现违规收送礼品礼金问题。")
    save_texts(demo_store, ReportPeriod(2022, 2), {SECTION_HEADINGS[1]: copied})
    editor = page.editors[SECTION_HEADINGS[1]]
    editor.setPlainText(copied + "本季度参加县纪委组织的廉政测试，成绩合格。")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not page.ready_to_hand_in("保存")
    assert "有2句（67%）与2022年第二季度报告相同或几乎相同" in asked[0]
    assert "·本人始终把学习贯彻中央八项规定精神作为必修课" in asked[0]
    marked = [s.cursor.selectedText() for s in editor.extraSelections()]
    assert len(marked) == 2 and marked[0].startswith("本人始终把学习贯彻")


def test_what_was_printed_is_kept_under_its_own_name(page, demo_store, qtbot, monkeypatch):
    """The version kept on printing is a copy of its own, not the preview file that the
    next 生成预览 (of this data file or another in the folder) writes over."""
    monkeypatch.setattr(page, "ready_to_hand_in", lambda action="保存": True)
    kept_before_the_pages = []

    def printing(printer=None, before_pages=None):
        if before_pages is not None:  # the printer has answered
            before_pages()
        # kept before a page is fed: a power cut while it prints leaves the 留存版本
        # (revclose4 5: the version was recorded only after the last page)
        kept_before_the_pages.append(len(list_versions(demo_store, ReportPeriod(2022, 3))))
        return 5

    monkeypatch.setattr(page, "print_preview", printing)
    page._on_print()
    page.wait()
    qtbot.waitUntil(lambda: list_versions(demo_store, ReportPeriod(2022, 3)) != [])
    [kept] = list_versions(demo_store, ReportPeriod(2022, 3))
    assert kept_before_the_pages == [1]
    printed = Path(kept.file_path)
    assert printed != page._preview_file.resolve() and printed.parent.name == "打印留存"
    assert "2022年第三季度述廉述责报告" in printed.name
    page.editors[SECTION_HEADINGS[1]].setPlainText("预览时改过的文字。")
    page.generate(page._preview_file)
    page.wait()
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    assert hashlib.sha256(printed.read_bytes()).hexdigest() == kept.sha256


def test_early_in_a_quarter_the_page_opens_on_the_report_then_due(qtbot, demo_store, paths):
    """On 5 January the report due is the fourth quarter's (and the year's), not that of
    the quarter five days old."""
    page = ReportPage(demo_store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(page)
    assert page.selected_period() == ReportPeriod(2022, 4)
    page.kind.setCurrentIndex(1)
    assert page.selected_period() == ReportPeriod(2022)
    later = ReportPage(demo_store, paths, today=date(2022, 8, 20))
    qtbot.addWidget(later)
    assert later.selected_period() == ReportPeriod(2022, 3)


def test_a_section_typed_over_older_drafts_is_said_before_it_is_handed_in(
        qtbot, demo_store, paths, monkeypatch):
    """A reviewer changed one sentence of section 一 of the annual report on 30 November;
    printed in January, that section still said November's figures beside the appendix of
    December's. The page now says which sentences the drafts say otherwise, asks before
    the report leaves, and is quiet once the secretary has checked it (已核对)."""
    from PySide6.QtWidgets import QMessageBox

    year = ReportPeriod(2022)
    november = ReportPage(demo_store, paths, today=date(2022, 11, 30))
    qtbot.addWidget(november)
    november.set_period(year)
    duty = november.editors[SECTION_HEADINGS[0]]
    duty.setPlainText(duty.toPlainText() + "各项工作有序推进。")
    november.keep_typed_text()
    assert november.recheck_button.isHidden()  # typed over today's drafts: nothing to say
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "年终警示教育", "host": "王建国"})
    december = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(december)
    december.set_period(year)
    note = december.notice.text()
    assert ("第一部分“履行全面从严治党（党风廉政建设）责任情况”是对照2022年11月30日的台账"
            "改写的") in note
    assert "截至2022年12月31日" in note or "年终警示教育" in note  # what the drafts say now
    assert not december.recheck_button.isHidden()
    assert "#b26a00" in december.notice.styleSheet()  # a warning, not a grey hint
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or
                        QMessageBox.StandardButton.No)
    assert not december.ready_to_hand_in("打印")
    assert "仍要打印吗" in asked[0]
    assert december.tabs.currentWidget() is december.editors[SECTION_HEADINGS[0]]
    december.recheck_button.click()  # checked against the records of 31 December
    assert december.recheck_button.isHidden() and "改写的" not in december.notice.text()
    assert "各项工作有序推进。" in december.editors[SECTION_HEADINGS[0]].toPlainText()


def test_the_preview_says_how_to_get_one_and_when_it_is_not_the_latest(page, qtbot):
    """revscreen 5, 10: a blank grey panel on opening; after typing the old preview stayed
    without a word; after choosing another report, period or person the previous report's
    preview stayed beside the new report's text."""
    page.show()
    pane = page.preview_pane
    assert pane.stack.currentWidget() is pane.hint and "生成预览" in pane.hint.text()

    def preview():
        page.generate(page._preview_file)
        page.wait()
        qtbot.waitUntil(lambda: page.document.pageCount() > 0)

    preview()
    assert pane.stack.currentWidget() is pane.view and not pane.note.isVisibleTo(page)
    page.editors[SECTION_HEADINGS[1]].setPlainText("本人严格遵守廉洁自律各项规定。")
    assert pane.note.isVisibleTo(page) and pane.note.text() == "预览不是最新的，点“生成预览”更新"
    preview()
    assert not pane.note.isVisibleTo(page)  # the preview has the text again
    page.person.setCurrentIndex(1)  # a member's own report
    assert page.selected_person() is not None
    assert pane.stack.currentWidget() is pane.hint and page.document.pageCount() == 0
    page.person.setCurrentIndex(0)  # the branch's again: its preview was put away too
    assert pane.stack.currentWidget() is pane.hint
    preview()
    page.period.setCurrentIndex(page.period.currentIndex() - 1)  # the quarter before
    assert pane.stack.currentWidget() is pane.hint and page.document.pageCount() == 0
    preview()
    page.kind.setCurrentIndex(1)  # 年度报告
    assert pane.stack.currentWidget() is pane.hint and page.document.pageCount() == 0


def test_a_version_made_before_the_period_ended_is_said_so_after_it(qtbot, demo_store,
                                                                       paths, tmp_path):
    """revyear2 G7: weeks after New Year the page showed the 12-28 copy as the quarter's
    latest version, with nothing to say it counted only to 12-28."""
    from datetime import datetime

    demo_store.clock = lambda: datetime(2022, 12, 20, 10)
    early = ReportPage(demo_store, paths, today=date(2022, 12, 20))
    qtbot.addWidget(early)
    early.set_period(ReportPeriod(2022, 4))
    early.generate(tmp_path / "四季度报告.pdf")
    early.wait()
    assert "结束前生成" not in early.status.text()  # the quarter still runs: nothing to add
    later = ReportPage(demo_store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(later)
    later.set_period(ReportPeriod(2022, 4))
    assert ("这一版本是2022年第四季度结束前生成的，数字截至12月20日，请重新生成"
            in later.status.text()), later.status.text()
    # one who left on 11月30日: his paper counts to that day whenever made (revdiff5 F5)
    from lianzheng_desktop.core.ledgers import LEDGERS, to_values

    [him] = [p for p in demo_store.list("roster") if p.name == "张志强"]
    demo_store.update("roster", him.id, {**to_values(LEDGERS["roster"], him),
                                         "active": False, "left_on": date(2022, 11, 30)})
    early.set_period(ReportPeriod(2022, 4))
    early.person.setCurrentIndex(early.person.findData("张志强"))
    early.generate(tmp_path / "张志强四季度.pdf")
    early.wait()
    again = ReportPage(demo_store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(again)
    again.set_period(ReportPeriod(2022, 4))
    again.person.setCurrentIndex(again.person.findData("张志强"))
    assert "本期已保存" in again.status.text() and "结束前生成" not in again.status.text()


def test_the_saved_versions_line_names_the_file_without_a_hash(page, tmp_path):
    """revscreen 11.6: “校验码 65b45db28829…” on the page meant nothing to the secretary."""
    page.generate(tmp_path / "三季度报告.pdf")
    page.wait()
    assert "本期已保存 1 个版本" in page.status.text()
    assert str(tmp_path / "三季度报告.pdf") in page.status.text()
    assert "校验码" not in page.status.text()


@pytest.mark.parametrize("choice", ["only", "every"])
def test_redrafting_a_stale_section_keeps_what_she_wrote_elsewhere(
        qtbot, demo_store, paths, monkeypatch, choice):
    """The stale note's remedy, 按台账重新起草, cleared every section: her own 二 and the
    causes she wrote in 三 with the one stale section (reviewer revyear, F5). It now offers
    to redraft the stale section only."""
    from PySide6.QtWidgets import QMessageBox

    year = ReportPeriod(2022)
    november = ReportPage(demo_store, paths, today=date(2022, 11, 30))
    qtbot.addWidget(november)
    november.set_period(year)
    duty, own = november.editors[SECTION_HEADINGS[0]], november.editors[SECTION_HEADINGS[1]]
    duty.setPlainText(duty.toPlainText() + "各项工作有序推进。")
    own.setPlainText("本人严格遵守中央八项规定精神。")
    november.keep_typed_text()
    demo_store.add("warning_education", {"date": "2022-12-20", "form": "观看警示教育片",
                                         "topic": "年终警示教育", "host": "王建国"})
    december = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(december)
    december.set_period(year)
    asked = []

    def click(box):
        asked.append((box.text(), box.defaultButton().text()))
        wanted = "只重新起草第一部分" if choice == "only" else "全部重新起草"
        box.setProperty("clicked", wanted)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if b.text() == box.property("clicked")))
    december._on_redraft()
    text, default = asked[0]
    assert text.startswith("第一部分是对照以前的台账改写的")
    # what she wrote there goes: said, and not done by Enter (revclose3 B)
    assert "您在第一部分中写的文字会一并清除" in text and default == "取消"
    texts = load_texts(demo_store, year)
    assert "各项工作有序推进。" not in december.editors[SECTION_HEADINGS[0]].toPlainText()
    assert "年终警示教育" in december.editors[SECTION_HEADINGS[0]].toPlainText() or \
        "截至2022年12月31日" in december.editors[SECTION_HEADINGS[0]].toPlainText()
    if choice == "only":
        mine = "本人严格遵守中央八项规定精神。"
        assert texts == {SECTION_HEADINGS[1]: mine}
        assert december.editors[SECTION_HEADINGS[1]].toPlainText() == mine
    else:
        assert texts == {}
    assert december.recheck_button.isHidden()


def test_the_page_says_a_quarter_still_running_is_reported_so_far(qtbot, demo_store, paths):
    """The command said it; the page printed the report of a quarter not over with nothing
    said (reviewer revyear, F1)."""
    page = ReportPage(demo_store, paths, today=date(2022, 11, 30))
    qtbot.addWidget(page)
    page.set_period(ReportPeriod(2022, 4))
    assert ("2022年第四季度尚未结束，报告中的数字截至2022年11月30日；"
            "2022年第四季度结束后请重新生成。") in page.notice.text()
    page.set_period(ReportPeriod(2022, 3))
    assert "尚未结束" not in page.notice.text()


def test_redrafting_a_stale_section_three_says_her_causes_go_with_it(
        qtbot, demo_store, paths, monkeypatch):
    """When 三 was the stale section, the question promised to keep "问题原因" — which live in
    三 — and its default button erased them (reviewer revdiff2, F1)."""
    from PySide6.QtWidgets import QMessageBox

    november = ReportPage(demo_store, paths, today=date(2022, 11, 30))
    qtbot.addWidget(november)
    november.set_period(ReportPeriod(2022, 4))
    problems = november.editors[SECTION_HEADINGS[2]]
    problems.setPlainText(problems.toPlainText() + "产生上述问题的原因：本人督促不够。")
    november.keep_typed_text()
    demo_store.add("rectification", {"source": "自查", "description": "会议记录不全",
                                     "owner": "刘芳", "found_date": "2022-12-05",
                                     "deadline": "2022-12-20", "status": "整改中"})
    december = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(december)
    december.set_period(ReportPeriod(2022, 4))
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(
        (box.text(), box.defaultButton().text())) or 0)
    december._on_redraft()
    text, default = seen[0]
    assert "（包括第三部分写的问题原因）会一并清除" in text and "照旧保留吗" in text
    assert default == "取消"
    assert "本人督促不够" in december.editors[SECTION_HEADINGS[2]].toPlainText()


def test_the_page_opens_again_on_the_members_report_she_typed_in_last(qtbot, demo_store,
                                                                        paths):
    """revclose4 4: after a kill the page came back on the quarter she typed in, but on the
    branch's report with its 二 empty: her text under 张志强本人 seemed lost."""
    from lianzheng_desktop.storage.reports import save_texts

    save_texts(demo_store, ReportPeriod(2022, 2), {SECTION_HEADINGS[1]: "本人严格遵守规定。"},
               person="张志强")
    page = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(page)
    page.show()  # the page drafts its report when first shown
    assert page.selected_period() == ReportPeriod(2022, 2)
    assert page.selected_person() == "张志强"
    assert page.editors[SECTION_HEADINGS[1]].toPlainText() == "本人严格遵守规定。"


def test_printing_goes_on_when_the_file_refuses_the_kept_version(qtbot, demo_store, paths,
                                                                  monkeypatch, tmp_path):
    """revcode2 D: the 留存版本 registered before the pages, refused by a full disk,
    raised past the printer: nothing printed, the job left open, and she was told only
    "本次修改没有保存". The pages are printed; she is told the version was not registered."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMessageBox

    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.qt import report_output

    page = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(page)
    page.set_period(ReportPeriod(2022, 3))
    monkeypatch.setattr(page, "ready_to_hand_in", lambda action="保存": True)

    def full(*_a, **_k):
        raise UserError("磁盘空间已满，本次修改没有保存。请清理磁盘后重试。")

    monkeypatch.setattr(report_output, "record_version", full)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(title))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    real, printed = page.print_preview, []
    monkeypatch.setattr(page, "print_preview", lambda _printer=None, before_pages=None:
                        printed.append(real(printer, before_pages)) or printed[-1])
    page._on_print()
    page.wait()
    qtbot.waitUntil(lambda: bool(printed), timeout=20000)
    assert printed[0] > 0 and warned == ["未能登记留存版本"]
    assert printer.printerState() is not QPrinter.PrinterState.Active


def test_the_page_reopens_on_the_years_report_typed_in_last(qtbot, demo_store, paths):
    """revcode2 E: after a power cut while she wrote the 年度报告, the page opened on
    2022年第四季度 with 二 empty; "where she typed last" skipped year reports."""
    from lianzheng_desktop.storage.reports import save_texts

    save_texts(demo_store, ReportPeriod(2022), {SECTION_HEADINGS[1]: "本人全年严格遵守规定。"})
    page = ReportPage(demo_store, paths, today=date(2023, 1, 5))
    qtbot.addWidget(page)
    page.show()
    assert (page.kind.currentIndex(), page.period.currentData()) == (1, "2022")
    assert page.editors[SECTION_HEADINGS[1]].toPlainText() == "本人全年严格遵守规定。"


def test_steady_typing_is_kept_without_waiting_for_a_pause(qtbot, demo_store, paths):
    """revloss2 L-1: the text was kept only 0.8 s after the last key; typed at one
    character every half second, nothing since the last pause was in the file when the
    window was killed."""
    from lianzheng_desktop.qt.report_editors import AUTOSAVE_MS
    from lianzheng_desktop.storage.reports import load_texts

    page = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(page)
    page.set_period(ReportPeriod(2022, 3))
    editor = page.editors[SECTION_HEADINGS[1]]
    for _key in range(8):  # a key every half of the wait, for four waits: never a pause
        editor.insertPlainText("字")
        qtbot.wait(AUTOSAVE_MS // 2)
    kept = load_texts(demo_store, ReportPeriod(2022, 3)).get(SECTION_HEADINGS[1], "")
    assert kept.startswith("字" * 5), kept


def test_a_members_kept_text_stays_in_view_when_his_report_cannot_be_made(qtbot, demo_store,
                                                                         paths):
    """revcode2 L: his role changed to 党员 after he wrote his own report; the page offered
    him, refused the report, hid his text and told her to import a plan."""
    from dataclasses import asdict

    from lianzheng_desktop.storage.reports import save_texts

    save_texts(demo_store, ReportPeriod(2022, 3), {SECTION_HEADINGS[1]: "本人严格遵守规定。"},
               person="张志强")
    person = next(p for p in demo_store.list("roster") if p.name == "张志强")
    values = {k: v for k, v in asdict(person).items()
              if k not in ("id", "created_at", "updated_at")}
    demo_store.update("roster", person.id, {**values, "role": "党员"})
    page = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(page)
    page.show()
    page.set_period(ReportPeriod(2022, 3))
    page.set_person("张志强")
    page._load_period()
    editor = page.editors[SECTION_HEADINGS[1]]
    assert editor.toPlainText() == "本人严格遵守规定。" and editor.isReadOnly()
    notice = page.notice.text()
    assert "是党员" in notice and "导入计划" not in notice and "只读显示" in notice
