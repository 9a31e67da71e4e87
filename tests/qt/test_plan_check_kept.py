"""核对导入的年度工作要点 cut short (power cut, window killed): the corrections come back."""

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.qt.plan_page import DraftDialog, PlanPage
from lianzheng_desktop.storage import plan_check
from lianzheng_desktop.storage.plans import load_plan

pytestmark = pytest.mark.gui
TEXT = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
        "2.警示教育。每季度至少进行1次集中警示教育。\n")


@pytest.mark.parametrize("go_on", [True, False])
def test_corrections_of_a_check_cut_short_are_offered_when_the_text_comes_again(
        qtbot, store, monkeypatch, go_on):
    """A reviewer corrected a requirement while checking an imported plan, and the process
    was killed: on the next start nothing said so and the correction was gone."""
    page = PlanPage(store)
    qtbot.addWidget(page)

    def correct_then_power_cut(dialog):
        meeting = dialog.draft.requirements[0]
        dialog.draft.requirements[0] = replace(meeting, target=6, note="县委要求6次")
        dialog._edited()  # as the 修改要求 form's 确定 does
        return False  # never answered: the window went (nothing after exec runs on a kill)

    monkeypatch.setattr(DraftDialog, "exec", correct_then_power_cut)
    assert page.import_text(TEXT, 2024) is False
    kept = plan_check.find(store, TEXT)
    assert kept is not None and kept.edits == 1 and kept.requirements[0].target == 6
    # the plan page says so, with a way back to it (the file may be elsewhere by then)
    assert page.check_button.isVisibleTo(page)
    assert page.check_button.text().startswith("上次核对2024年工作要点时修改或补充了 1 项要求")

    asked, seen = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a: asked.append(
        text) or (QMessageBox.StandardButton.Yes if go_on else QMessageBox.StandardButton.No))

    def check_and_save(dialog):
        seen.append((dialog.draft.requirements[0].target, dialog.edits))
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", check_and_save)
    assert page.import_text(TEXT, 2024) is True
    assert "修改或补充了 1 项要求，还没有保存" in asked[0]
    assert seen == [(6, 1) if go_on else (4, 0)]
    assert load_plan(store, 2024).requirements[0].target == (6 if go_on else 4)
    assert plan_check.find(store, TEXT) is None  # saved: nothing left to offer


def test_corrections_given_up_are_not_offered_again(qtbot, store, monkeypatch):
    page = PlanPage(store)
    qtbot.addWidget(page)

    def correct_then_give_up(dialog):
        dialog._edited()
        monkeypatch.setattr("lianzheng_desktop.qt.plan_check_dialog.confirm_discard",
                            lambda *a, **k: True)
        dialog.reject()  # 取消, and 放弃 confirmed
        return False

    monkeypatch.setattr(DraftDialog, "exec", correct_then_give_up)
    assert page.import_text(TEXT, 2024) is False
    assert plan_check.find(store, TEXT) is None


def test_the_plan_page_goes_on_from_a_check_cut_short(qtbot, store, monkeypatch):
    page = PlanPage(store)
    qtbot.addWidget(page)

    def correct_then_power_cut(dialog):
        dialog.draft.requirements[0] = replace(dialog.draft.requirements[0], target=6)
        dialog._edited()
        return False

    monkeypatch.setattr(DraftDialog, "exec", correct_then_power_cut)
    page.import_text(TEXT, 2024)
    again = PlanPage(store)  # the next start
    qtbot.addWidget(again)
    assert again.check_button.isVisibleTo(again)
    monkeypatch.setattr(DraftDialog, "exec", lambda d: d._on_accept() or True)
    again.check_button.click()  # no file needed, no question: it was asked for
    assert load_plan(store, 2024).requirements[0].target == 6
    assert not again.check_button.isVisibleTo(again)


def test_a_check_of_an_older_text_is_not_offered_once_the_years_plan_is_saved(
        qtbot, store, monkeypatch):
    """revdiff: a check of text A was cut short; the county's corrected text B was imported
    and saved; the page still offered A's check, and following it put 4 back over B's 5."""
    page = PlanPage(store)
    qtbot.addWidget(page)

    def correct_then_power_cut(dialog):
        dialog._edited()
        return False

    monkeypatch.setattr(DraftDialog, "exec", correct_then_power_cut)
    page.import_text(TEXT, 2024)
    assert page.check_button.isVisibleTo(page)
    monkeypatch.setattr(DraftDialog, "exec", lambda d: d._on_accept() or True)
    monkeypatch.setattr(QMessageBox, "question",  # A's check is to end: 是 (asked first,
                        lambda *a, **k: QMessageBox.StandardButton.Yes)  # see close3 tests)
    assert page.import_text(TEXT.replace("不少于4次", "不少于5次"), 2024)
    assert not page.check_button.isVisibleTo(page) and plan_check.unfinished(store) == []


def test_the_check_of_a_plan_read_as_no_requirement_says_so_plainly(qtbot):
    """The 核对 dialog said "共读到 4 条工作要点、0 项要求，其中 0 项有数量指标" of an audit
    office's plan and nothing more (reviewer revoffice, F1)."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    dialog = DraftDialog(parse_plan("2026年工作要点\n今年的总体要求是：坚持全面从严治党。\n"))
    qtbot.addWidget(dialog)
    said = [label.text() for label in dialog.findChildren(type(dialog.unread_label))]
    assert any("但没有读出任何要求" in text for text in said), said
    assert not any("其中 0 项有数量指标" in text for text in said)


def test_the_year_chosen_after_the_last_correction_is_kept_too(qtbot, store, monkeypatch):
    """revclose3: a year changed after the last correction came back as it was before."""
    page = PlanPage(store)
    qtbot.addWidget(page)

    def correct_choose_year_then_power_cut(dialog):
        meeting = dialog.draft.requirements[0]
        dialog.draft.requirements[0] = replace(meeting, target=6)
        dialog._edited()
        dialog.year_box.setCurrentIndex(dialog.year_box.findData(2025))
        return False

    monkeypatch.setattr(DraftDialog, "exec", correct_choose_year_then_power_cut)
    page.import_text(TEXT, 2024)
    assert plan_check.find(store, TEXT).year == 2025
