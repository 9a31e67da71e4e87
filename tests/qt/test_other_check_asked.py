"""Saving a year's plan (an import, 按原文重新读取) while a check of ANOTHER text of that
year is unfinished: she is asked first, told how many corrections it holds, 否 by default;
否 keeps both (revclose2 finding 4)."""

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.qt.plan_page import DraftDialog, PlanPage
from lianzheng_desktop.storage import plan_check, plans

pytestmark = pytest.mark.gui
OLD = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
       "2.警示教育。每季度至少进行1次集中警示教育。\n")
NEW = OLD.replace("不少于4次", "不少于5次")  # the newer file, being checked


@pytest.fixture
def page(qtbot, store, monkeypatch):
    page = PlanPage(store)
    qtbot.addWidget(page)

    def three_corrections_then_power_cut(dialog):
        for _ in range(3):
            dialog._edited()
        return False

    monkeypatch.setattr(DraftDialog, "exec", three_corrections_then_power_cut)
    page.import_text(NEW, 2024)  # an hour's check of the new file, cut short
    assert plan_check.find(store, NEW).edits == 3
    monkeypatch.setattr(DraftDialog, "exec", lambda d: d._on_accept() or True)
    return page


def answering(monkeypatch, button) -> list[tuple[str, object]]:
    asked = []

    def question(_parent, _title, text, _buttons=None, default=None):
        asked.append((text, default))
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_saving_another_text_of_the_year_asks_first_and_no_keeps_the_check(
        store, page, monkeypatch):
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    assert page.import_text(OLD, 2024) is False
    text, default = asked[-1]
    assert "另有一份2024年工作要点的核对还没有保存" in text and "修改或补充了 3 项要求" in text
    assert default == QMessageBox.StandardButton.No
    assert plan_check.find(store, NEW).edits == 3 and 2024 not in plans.plan_years(store)


def test_yes_saves_the_plan_and_ends_the_other_check(store, page, monkeypatch):
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    assert page.import_text(OLD, 2024) is True
    assert 2024 in plans.plan_years(store) and plan_check.unfinished(store) == []


def test_a_check_of_another_year_is_not_asked_about(store, page, monkeypatch):
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    assert page.import_text(OLD.replace("2024", "2025"), 2025) is True
    assert asked == [] and plan_check.find(store, NEW).edits == 3
