"""What the secretary typed in a dialog is not thrown away by Esc, 取消 or the close button
without a question (the plan's review, a requirement, the welcome dialog)."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from lianzheng_desktop.core.plan import Period
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.qt import plan_check_dialog, requirement_dialog
from lianzheng_desktop.qt.first_start import FirstStartDialog, run_first_start
from lianzheng_desktop.qt.plan_page import DraftDialog
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog

pytestmark = pytest.mark.gui

PLAN = "2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"


def asked(monkeypatch, module, give_up: bool) -> list[str]:
    questions: list[str] = []

    def confirm(_parent, title, _text, _keep):
        questions.append(title)
        return give_up

    monkeypatch.setattr(module, "confirm_discard", confirm)
    return questions


@pytest.mark.parametrize("give_up", [False, True])
def test_the_plan_review_asks_before_dropping_corrections(qtbot, monkeypatch, give_up):
    dialog = DraftDialog(parse_plan(PLAN))
    qtbot.addWidget(dialog)
    dialog.show()
    questions = asked(monkeypatch, plan_check_dialog, give_up)
    dialog.reject()  # nothing corrected yet: closes without a question
    assert questions == [] and dialog.result() == QDialog.DialogCode.Rejected
    dialog.show()
    monkeypatch.setattr(RequirementDialog, "exec", lambda self: 1)
    dialog._on_edit(0, 0)
    dialog.reject()
    assert questions == ["放弃核对结果？"]
    assert dialog.isVisible() is not give_up  # 继续核对 keeps it open with the corrections


def test_a_requirement_asks_before_dropping_what_was_typed(qtbot, monkeypatch):
    requirement = parse_plan(PLAN).requirements[0]
    dialog = RequirementDialog(requirement)
    qtbot.addWidget(dialog)
    dialog.show()
    questions = asked(monkeypatch, requirement_dialog, give_up=False)
    dialog.period.setCurrentIndex(dialog.period.findData(Period.MONTH))
    dialog.note.setText("改为每月一次")
    dialog.reject()
    assert questions == ["放弃修改？"] and dialog.isVisible()
    dialog.note.setText("")
    dialog.period.setCurrentIndex(dialog.period.findData(Period.QUARTER))
    dialog.reject()  # back as it was: nothing to lose, no question
    assert questions == ["放弃修改？"] and not dialog.isVisible()


def test_the_welcome_keeps_the_unit_typed_before_later(qapp, store, tmp_path, monkeypatch):
    from lianzheng_desktop.paths import AppPaths

    def exec_(dialog):
        dialog.unit_name.setText("县档案馆")
        dialog.secretary.setText("周敏")
        return 0  # 稍后填写, or Esc

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)
    assert run_first_start(store, AppPaths(tmp_path / "lianzheng.db")) is None
    assert store.profile().unit_name == "县档案馆" and store.profile().secretary_name == "周敏"
    # typed once: the 书记 is on the roster too (a reviewer typed him a second time there)
    [secretary] = store.list("roster")
    assert (secretary.name, secretary.role) == ("周敏", "书记")
    assert run_first_start(store, AppPaths(tmp_path / "lianzheng.db")) is None  # again:
    assert len(store.list("roster")) == 1  # not twice


def test_editing_a_rectification_duty_keeps_the_source_it_counts(qtbot):
    """The 问题来源 a 巡察整改 duty counts are shown to tick, and kept by 修改."""
    requirement = next(r for r in parse_plan("2024年要点\n一、责任\n1.着力做好县委巡察整改工作。\n")
                       .requirements if r.counts and r.counts.ledger == "rectification")
    dialog = RequirementDialog(requirement)
    qtbot.addWidget(dialog)
    shown = [dialog.types.item(i).text() for i in range(dialog.types.count())]
    assert "巡察反馈" in shown and "审计" in shown
    assert dialog.built().counts.types == ("巡察反馈",)


@pytest.mark.parametrize(("unit", "keeps"), [("县审计局", False), ("县总工会", True)])
def test_another_units_new_file_does_not_take_the_trade_unions_plan(
        qtbot, store, tmp_path, monkeypatch, unit, keeps):
    """A new file started with the 县总工会's 2022 plan, and 首页 offered an audit office
    "以2022年计划为底稿…": one click made the union's 15 duties its 2026 plan (reviewer
    revoffice, F10). Another unit's file drops it at the first start; the union's keeps it,
    offered as what it is."""
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.qt.checklist_page import ChecklistPage
    from lianzheng_desktop.storage import plans

    assert plans.plan_years(store) == [2022]  # as every new file begins

    def exec_(dialog):
        dialog.unit_name.setText(unit)
        dialog.secretary.setText("王建国")
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)
    run_first_start(store, AppPaths(tmp_path / "lianzheng.db"))
    assert plans.plan_years(store) == ([2022] if keeps else [])
    page = ChecklistPage(store)
    qtbot.addWidget(page)
    page.set_quarter(Quarter(2026, 4), date(2026, 11, 30))
    offered = page.copy_plan_button.isVisibleTo(page)
    assert offered is keeps
    if keeps:
        assert page.copy_plan_button.text() == "以软件自带的县总工会2022年计划为底稿…"
    from lianzheng_desktop.storage import trail

    assert trail.problems(store.db) == []
