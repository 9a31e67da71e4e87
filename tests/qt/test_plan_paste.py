"""粘贴工作要点文字 (revother F9): the plan's text as the secretary has it in her browser,
pasted into a box, goes on to the same check a file goes to and is saved as a file's
text is; empty or unreadable text is said so in the box; what was pasted is never lost to
a dialog closed by mistake, a check given up or the window closing. And a PDF through the
file chooser."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
from lianzheng_desktop.qt.plan_page import PlanPage
from lianzheng_desktop.qt.plan_paste import PasteDialog
from lianzheng_desktop.storage import paste_draft, plan_check, plans
from tests.interchange.test_plan_files_pdf import PAGES, plan_pdf

pytestmark = pytest.mark.gui
REAL_EXEC = QDialog.exec  # as collected (an unattended run elsewhere replaces it)
# as copied from a web page: the site's lines around the plan, the plan wrapped as shown
PASTED = ("首页 > 通知公告\n发布时间：2027-01-05  来源：机关党委\n"
          "2027年党风廉政建设工作要点\n一、加强警示教育\n"
          "1.每季度至少开展1次集中警示教育，组织党员干部观看警示\n教育片。\n"
          "二、压实主体责任\n2.每季度至少召开1次党风廉政建设专题会议。\n"
          "【打印本页】【关闭窗口】\n")


@pytest.fixture
def page(qtbot, store):
    page = PlanPage(store, today=date(2026, 11, 30))
    qtbot.addWidget(page)
    return page


def paste_then(*steps):
    """PasteDialog.exec replaced by ``steps``, one per time the box shows: each does
    what the secretary does in it and returns what exec would."""
    left = list(steps)

    def run(dialog):
        return left.pop(0)(dialog)
    return run


def paste(text, year=None):
    def step(dialog):
        dialog.box.setPlainText(text)
        if year is not None:
            dialog.year_box.setCurrentIndex(dialog.year_box.findData(year))
            dialog._on_year_chosen()
        dialog._on_next()
        return dialog.result() == QDialog.DialogCode.Accepted
    return step


def check_and_save(seen):
    def run(dialog):
        seen.append((dialog.year_box.currentData(), [r.text for r in dialog.draft.requirements]))
        dialog._on_accept()
        return True
    return run


def test_pasted_text_goes_through_the_check_and_is_saved_as_a_files_text(page, store,
                                                                          monkeypatch):
    seen = []
    monkeypatch.setattr(PasteDialog, "exec", paste_then(paste(PASTED)))
    monkeypatch.setattr(DraftDialog, "exec", check_and_save(seen))
    assert page._on_paste() is True
    assert seen == [(2027, ["每季度至少开展1次集中警示教育",
                            "每季度至少召开1次党风廉政建设专题会议"])]
    plan = plans.load_plan(store, 2027)
    assert [(r.period.value, r.target) for r in plan.requirements] == [("quarter", 1)] * 2
    assert plans.source_text(store, 2027) == PASTED  # 按原文重新读取 reads what she pasted
    assert page.year.currentData() == 2027
    assert paste_draft.waiting(store) is None  # done with: not put back next time


def test_an_empty_box_says_what_to_do_and_does_not_go_on(page, qtbot):
    dialog = PasteDialog(page._store, page)
    qtbot.addWidget(dialog)
    dialog.box.setPlainText(" \n\t\n")
    dialog._on_next()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert dialog.error.text() == ("框中还没有文字。请先从网页或文件中复制工作要点全文，"
                                   "粘贴到上面的框中。")


def test_text_with_no_duty_comes_back_to_the_box_with_why(page, store, monkeypatch):
    """A page's menu copied instead of the plan: no check dialog to an empty list."""
    shown = []

    def look(dialog):
        shown.append((dialog.text(), dialog.error.text()))
        dialog.reject()
        return False

    menu = "首页\n机构概况\n新闻动态\n联系我们\n版权所有 ©2026 某县人民政府"
    monkeypatch.setattr(PasteDialog, "exec", paste_then(paste(menu), look))
    monkeypatch.setattr(DraftDialog, "exec", lambda d: pytest.fail("checked nothing"))
    assert page._on_paste() is False
    assert shown == [(menu, "粘贴的文字中没有读到工作要点（如“一、……”“每季度至少召开1次……”"
                            "这样的条目和要求）。请从网页或文件中复制工作要点全文，再粘贴到框中。")]
    assert plans.plan_years(store) == [2022]  # the built-in plan only: nothing saved
    assert paste_draft.waiting(store).text == menu  # still hers, as the box held it


def test_a_check_given_up_goes_back_to_the_text_and_it_is_kept_for_next_time(page, store,
                                                                             monkeypatch):
    shown = []

    def look_and_close(dialog):
        shown.append((dialog.text(), dialog.error.text()))
        dialog.reject()
        return False

    monkeypatch.setattr(PasteDialog, "exec", paste_then(paste(PASTED), look_and_close))
    monkeypatch.setattr(DraftDialog, "exec", lambda d: False)  # 取消 in the check
    assert page._on_paste() is False
    assert shown[0][0] == PASTED and shown[0][1].startswith("计划还没有保存。文字仍在框中")
    again = PasteDialog(store, page)  # opened again later: the text is back in the box
    assert again.text() == PASTED and again.year() == 2027
    assert not again.note.isHidden() and "还没有导入，已放回框中" in again.note.text()
    again.deleteLater()


def test_a_dialog_closed_by_mistake_keeps_the_text_and_the_year(page, store, qtbot):
    dialog = PasteDialog(store, page, today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    assert dialog.year() == 2026  # nothing pasted yet: this year
    dialog.box.setPlainText(PASTED[:60])  # half of it
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2028))
    dialog._on_year_chosen()
    dialog.reject()
    kept = PasteDialog(store, page, today=date(2026, 11, 30))
    qtbot.addWidget(kept)
    assert (kept.text(), kept.year()) == (PASTED[:60], 2028)
    kept._on_clear()  # 清空: nothing put back any more
    assert paste_draft.waiting(store) is None


def test_the_text_is_kept_while_the_box_is_open(page, store, qtbot):
    """A power cut with the dialog open: kept within the timer's turn, nothing asked."""
    dialog = PasteDialog(store, page)
    qtbot.addWidget(dialog)
    dialog.box.setPlainText(PASTED)
    qtbot.waitUntil(lambda: paste_draft.waiting(store) is not None, timeout=3000)
    assert paste_draft.waiting(store).text == PASTED


def test_the_year_follows_the_title_pasted_until_she_chooses_one(page, store, qtbot):
    dialog = PasteDialog(store, page, today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.box.setPlainText(PASTED)
    dialog.keep()  # what the timer does a moment after the paste
    assert dialog.year() == 2027
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2026))
    dialog._on_year_chosen()
    dialog.box.setPlainText(PASTED.replace("2027年", "2028年"))
    dialog.keep()
    assert dialog.year() == 2026
    asked = PasteDialog(store, page, year=2025)  # 首页's offer for 2025: 2025 it stays
    qtbot.addWidget(asked)
    asked.keep()
    assert asked.year() == 2025


def test_the_file_chooser_offers_pdf_and_a_pdf_is_imported(page, store, monkeypatch,
                                                           tmp_path):
    path = plan_pdf(tmp_path / "2026年工作要点.pdf", PAGES)
    offered = []

    def choose(_parent, _title, _folder, filters):
        offered.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    seen = []
    monkeypatch.setattr(DraftDialog, "exec", check_and_save(seen))
    page._on_import()
    assert offered[0].startswith("工作要点 (*.txt *.docx *.pdf)")
    assert [len(texts) for _, texts in seen] == [3]
    assert len(plans.load_plan(store, 2026).requirements) == 3


def test_a_scanned_pdf_is_refused_for_what_it_is(page, store, monkeypatch, tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "要点.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.showPage()
    pdf.save()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))
    assert page.import_file(path) is False
    assert warned == ["“要点.pdf”中没有可读取的文字（可能是扫描件），请用文字版或 Word 文档导入，"
                      "或复制文字后粘贴。"]


def test_a_file_with_no_duty_is_said_so_by_its_name(page, monkeypatch, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于报送材料的通知\n请各支部于月底前报送。", encoding="utf-8")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))
    monkeypatch.setattr(DraftDialog, "exec", lambda d: pytest.fail("checked nothing"))
    assert page.import_file(path) is False
    assert warned and warned[0].startswith("“通知.txt”中没有读到工作要点")


def test_home_offers_the_paste_for_the_year_without_a_plan(qtbot, store, paths, monkeypatch):
    window = MainWindow(store, paths, today=date(2026, 11, 30))
    qtbot.addWidget(window)
    home = window.home
    assert not home.no_plan.isHidden() and home.paste_plan_button.isVisibleTo(home)
    asked = []
    monkeypatch.setattr(PlanPage, "_on_paste", lambda self, year=None: asked.append(year))
    home.paste_plan_button.click()
    assert asked == [2026]  # the plan page's own paste, for the year 首页 shows


def program_ends(form: PasteDialog) -> None:
    """What the program quitting does to a modal dialog still open: its loop returns 0
    (the window's closing should have put it away before; asked, it would still be open)."""
    if form.isVisible():
        form.closed_by_program = True
        form.done(0)


def test_the_window_closing_under_the_box_keeps_the_text_and_asks_nothing(qtbot, store,
                                                                          paths, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    QApplication.instance().setQuitOnLastWindowClosed(False)
    try:
        window = MainWindow(store, paths, today=date(2026, 11, 30))
        qtbot.addWidget(window)
        window.show()
        page = window.page("年度计划")

        def type_then_close():
            forms = [f for f in window.findChildren(PasteDialog) if f.isVisible()]
            if not forms:
                QTimer.singleShot(20, window, type_then_close)
                return
            forms[0].box.setPlainText(PASTED[:80])  # not yet kept: closed within 0.4 s
            QTimer.singleShot(0, window, window.close)
            QTimer.singleShot(400, window, lambda: program_ends(forms[0]))

        QTimer.singleShot(20, window, type_then_close)
        assert page._on_paste() is False
        assert not [f for f in window.findChildren(PasteDialog)
                    if getattr(f, "closed_by_program", False)]  # put away by the window
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(True)
    assert paste_draft.waiting(store).text == PASTED[:80]
    assert plan_check.unfinished(store) == []


def test_the_paste_box_fits_a_small_laptop_with_its_buttons_in_view(qtbot, store):
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.qt.test_small_screens import fits_the_laptop

    dialog = PasteDialog(store)
    dialog.box.setPlainText(PASTED * 20)
    dialog.say("粘贴的文字中没有读到工作要点（如“一、……”“每季度至少召开1次……”这样的条目和"
               "要求）。请从网页或文件中复制工作要点全文，再粘贴到框中。")
    fits_the_laptop(qtbot, dialog, dialog.findChild(QDialogButtonBox))


def test_a_kept_texts_year_follows_a_new_title_unless_she_chose_it(page, store, qtbot):
    """revclose3 G: once a kept 2027 text was put back, 清空 and a 2028 plan pasted over it
    stayed 2027, and 下一步 checked the 2028 points as 2027's plan."""
    dialog = PasteDialog(store, page, today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.box.setPlainText(PASTED)
    dialog.keep()
    dialog.reject()  # closed: kept, its year read from the title
    again = PasteDialog(store, page, today=date(2026, 11, 30))
    qtbot.addWidget(again)
    assert (again.text(), again.year()) == (PASTED, 2027)
    again._on_clear()
    again.box.setPlainText(PASTED.replace("2027年", "2028年"))
    again.keep()
    assert again.year() == 2028
    # 清空 can be undone: the text comes back with Ctrl+Z (revclose3 F)
    again._on_clear()
    assert again.text() == ""
    again.box.undo()
    assert again.text() == PASTED.replace("2027年", "2028年")


def test_a_pasted_text_not_yet_imported_is_offered_on_the_plan_page(page, store, qtbot,
                                                                    monkeypatch):
    """revclose3 F: a kept pasted text was announced nowhere: found only by pasting again."""
    assert not page.paste_note_button.isVisibleTo(page)
    monkeypatch.setattr(PasteDialog, "exec", paste_then(
        lambda dialog: dialog.box.setPlainText(PASTED) or dialog.keep() or False))
    page._on_paste()
    assert page.paste_note_button.isVisibleTo(page)
    assert "粘贴的工作要点文字还没有导入。点此接着导入" in page.paste_note_button.text()
    fresh = PlanPage(store, today=date(2026, 11, 30))  # the next start
    qtbot.addWidget(fresh)
    assert fresh.paste_note_button.isVisibleTo(fresh)
