"""The window closing under an open 修改要求 form, or under the plan check and a form over
it (a damaged file's restore accepted, another data file opened): nothing is asked, the
typing stays a draft and is offered next time (revclose2 finding 10). The forms' own
modal loops run here for real; timers do what the secretary and the program do."""

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from lianzheng_desktop.qt import requirement_dialog
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog
from lianzheng_desktop.storage import plan_check, plans, requirement_drafts

pytestmark = pytest.mark.gui
# The real modal loop, as collected: an in-process unattended run (--screenshot) elsewhere
# in the suite replaces QDialog.exec for good with one that returns at once.
REAL_EXEC = QDialog.exec
TEXT = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
        "2.警示教育。每季度至少进行1次集中警示教育。\n")


@pytest.fixture
def window(qtbot, demo_store, paths, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)
    QApplication.instance().setQuitOnLastWindowClosed(False)
    win = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(win)
    win.show()
    yield win
    QApplication.instance().setQuitOnLastWindowClosed(True)


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """放弃修改？ answered 继续修改, and noted: it must not be asked at all."""
    questions: list[str] = []

    def confirm(_parent, title, _text, _keep):
        questions.append(title)
        return False

    monkeypatch.setattr(requirement_dialog, "confirm_discard", confirm)
    from lianzheng_desktop.qt import plan_check_dialog

    monkeypatch.setattr(plan_check_dialog, "confirm_discard", confirm)
    return questions


def open_forms(window, kind):
    return [form for form in window.findChildren(kind) if form.isVisible()]


def then(window, ms: int, action) -> None:
    QTimer.singleShot(ms, window, action)  # never after the window has gone


def once_open(window, kind, action) -> None:
    """``action(form)`` as soon as a form of ``kind`` shows (however slow the machine)."""
    def look():
        forms = open_forms(window, kind)
        if forms:
            action(forms[0])
        else:
            then(window, 20, look)
    then(window, 20, look)


def type_then_close(window, note: str):
    """The note typed and kept, then the window closes under the form; if the form is
    still open a moment later, the program ending returns its loop (as quitting does)."""
    def act(form):
        form.note.setText(note)
        form.keep_draft()  # what its timer does 0.4 s after typing stops
        then(window, 50, window.close)
        then(window, 400, lambda: program_ends(window))
    return act


def program_ends(window) -> None:
    """What the program quitting does to a modal form still open: its loop returns 0."""
    for kind in (RequirementDialog, DraftDialog):
        for form in open_forms(window, kind):
            form.done(0)


def test_a_requirement_form_open_when_the_window_closes_stays_a_draft(window, demo_store,
                                                                      asked):
    page = window.page("年度计划")
    window.show_page("年度计划")
    page.table.setCurrentCell(0, 0)
    once_open(window, RequirementDialog, type_then_close(window, "已于11月完成"))
    page._on_edit()  # the form's loop, until the window closes under it
    waiting = requirement_drafts.waiting(demo_store)
    assert waiting is not None and waiting.requirement.note == "已于11月完成"
    assert asked == []


def test_the_plan_check_and_its_form_open_when_the_window_closes_are_kept(window,
                                                                         demo_store, asked):
    page = window.page("年度计划")
    window.show_page("年度计划")

    def edit_first_requirement(check):
        once_open(window, RequirementDialog, type_then_close(window, "核对时补充的备注"))
        check._on_edit(0, 0)

    once_open(window, DraftDialog, edit_first_requirement)
    assert page.import_text(TEXT, 2024) is False
    kept = plan_check.unfinished(demo_store)
    assert len(kept) == 1 and kept[0].edits == 1
    assert kept[0].requirements[0].note == "核对时补充的备注"
    assert asked == [] and 2024 not in plans.plan_years(demo_store)


def test_a_form_whose_draft_the_file_refuses_asks_before_the_window_closes(
        qtbot, window, demo_store, monkeypatch):
    """revclose4 8: the form said "填写的内容暂未能存为草稿（磁盘空间已满），请尽快保存", and the
    window closed under it without a word: the typed record was gone."""

    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.core.ledgers import LEDGERS
    from lianzheng_desktop.qt.record_form import RecordDialog
    from lianzheng_desktop.storage import drafts

    def full(*_a, **_k):
        raise UserError("填写的内容暂未能存为草稿（磁盘空间已满），请尽快保存。")

    monkeypatch.setattr(drafts, "save", full)
    form = RecordDialog(demo_store, LEDGERS["activity"], parent=window)
    form.show()
    form.fields["topic"].set_value("研究部署第四季度党风廉政建设工作")
    _closes_only_when_told(window, form, monkeypatch)


def _closes_only_when_told(window, form, monkeypatch) -> None:
    """Closing asks first; 否 keeps the window and the form, 是 closes."""
    from PySide6.QtWidgets import QMessageBox

    asked, answer = [], [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, *a, **k: asked.append(title) or answer[0])
    window.close()
    assert asked == ["填写的内容未能保存"]
    assert window.isVisible() and form.isVisible()  # 否: nothing closed, nothing lost
    answer[0] = QMessageBox.StandardButton.Yes
    window.close()
    assert not window.isVisible()


@pytest.mark.parametrize("kind", ["paste", "check", "requirement"])
def test_the_paste_box_and_the_plan_check_refused_by_the_file_ask_before_closing(
        window, demo_store, monkeypatch, kind):
    """revcode2 A: the close question covered the record and requirement forms only; under
    粘贴工作要点 or 核对导入的年度工作要点 whose keeping the disk refused, the window closed
    without a word and the pasted text or her corrections were gone."""

    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.core.plan_parser import parse_plan
    from lianzheng_desktop.qt.plan_paste import PasteDialog
    from lianzheng_desktop.storage import paste_draft

    def full(*_a, **_k):
        raise UserError("内容暂未能保存（磁盘空间已满）。")

    if kind == "paste":
        monkeypatch.setattr(paste_draft, "keep", full)
        dialog = PasteDialog(demo_store, window, today=date(2022, 9, 30))
        dialog.show()
        dialog.box.setPlainText(TEXT)
        dialog.keep()
    elif kind == "check":
        dialog = DraftDialog(parse_plan(TEXT), window, year=2024, keep=full)
        dialog.show()
        dialog._edited()  # a correction made; its keeping refused
    else:  # revcode2 T2: the 修改要求 form's half of revclose4 8, untested
        dialog = RequirementDialog(parse_plan(TEXT).requirements[0], window, keep=full)
        dialog.show()
        dialog.note.setText("改为每月一次")
        dialog.keep_draft()
    _closes_only_when_told(window, dialog, monkeypatch)
