"""The window closing under an open 修改要求 form, or under the plan check and a form over
it (a damaged file's restore accepted, another data file opened): nothing is asked, the
typing stays a draft and is offered next time (revclose2 finding 10). The forms' own
modal loops run here for real; timers do what the secretary and the program do."""

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lianzheng_desktop.qt import requirement_dialog
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog
from lianzheng_desktop.storage import plan_check, plans, requirement_drafts

pytestmark = pytest.mark.gui
TEXT = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
        "2.警示教育。每季度至少进行1次集中警示教育。\n")


@pytest.fixture
def window(qtbot, demo_store, paths, monkeypatch):
    monkeypatch.setattr(QApplication, "quitOnLastWindowClosed", lambda: False)
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


def program_ends(window) -> None:
    """What the program quitting does to a modal form still open: its loop returns 0."""
    for kind in (RequirementDialog, DraftDialog):
        for form in open_forms(window, kind):
            form.done(0)


def type_note(window, note: str) -> None:
    form = open_forms(window, RequirementDialog)[0]
    form.note.setText(note)
    form.keep_draft()  # what its timer does 0.4 s after typing stops


def test_a_requirement_form_open_when_the_window_closes_stays_a_draft(window, demo_store,
                                                                      asked):
    page = window.page("年度计划")
    window.show_page("年度计划")
    page.table.setCurrentCell(0, 0)
    then(window, 50, lambda: type_note(window, "已于11月完成"))
    then(window, 150, window.close)
    then(window, 300, lambda: program_ends(window))
    page._on_edit()  # the form's loop, until the window closes under it
    waiting = requirement_drafts.waiting(demo_store)
    assert waiting is not None and waiting.requirement.note == "已于11月完成"
    assert asked == []


def test_the_plan_check_and_its_form_open_when_the_window_closes_are_kept(window,
                                                                         demo_store, asked):
    page = window.page("年度计划")
    window.show_page("年度计划")

    def edit_first_requirement():
        check = open_forms(window, DraftDialog)[0]
        then(window, 50, lambda: type_note(window, "核对时补充的备注"))
        then(window, 150, window.close)
        then(window, 300, lambda: program_ends(window))
        check._on_edit(0, 0)

    then(window, 50, edit_first_requirement)
    assert page.import_text(TEXT, 2024) is False
    kept = plan_check.unfinished(demo_store)
    assert len(kept) == 1 and kept[0].edits == 1
    assert kept[0].requirements[0].note == "核对时补充的备注"
    assert asked == [] and 2024 not in plans.plan_years(demo_store)
