"""Dialogs on a 1366 × 768 laptop at 150 % Windows scaling (revscreen 2, 4): 911 × 512
logical px, about 441 below the title bar and above the taskbar. Every dialog can be made
that small with its buttons in view; a long form scrolls between them."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialogButtonBox

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.qt.plan_page import DraftDialog
from lianzheng_desktop.qt.record_form import RecordDialog
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog
from lianzheng_desktop.qt.screen_fit import room

pytestmark = pytest.mark.gui

LAPTOP_150 = (911 - 16, 441)
PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def fits_the_laptop(qtbot, dialog, buttons) -> None:
    """At the laptop's size the dialog's buttons lie wholly inside it."""
    qtbot.addWidget(dialog)
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert least.width() <= LAPTOP_150[0] and least.height() <= LAPTOP_150[1]
    dialog.resize(*LAPTOP_150)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= LAPTOP_150[1]
    for button in buttons.buttons():
        place = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        assert dialog.rect().contains(place), button.text()


@pytest.mark.parametrize("ledger", sorted(LEDGERS))
def test_every_record_form_fits_with_its_errors_shown(qtbot, demo_store, ledger):
    """新增整改事项 was 525 px tall, 559 px once 保存 on the empty form showed its errors."""
    dialog = RecordDialog(demo_store, LEDGERS[ledger])
    dialog._on_save()  # the empty form: every required field says so
    assert any(label.isVisibleTo(dialog) for label in dialog.errors.values())
    fits_the_laptop(qtbot, dialog, dialog._buttons)


def test_a_form_opens_no_taller_than_the_screen_and_the_whole_form_is_reachable(qtbot,
                                                                               demo_store):
    dialog = RecordDialog(demo_store, LEDGERS["rectification"])
    qtbot.addWidget(dialog)
    space = room(dialog)
    assert dialog.height() <= space.height() and dialog.width() <= space.width()
    dialog.resize(*LAPTOP_150)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the lower fields scroll into view
    dialog._on_save()  # the first field in error is scrolled to
    qtbot.waitUntil(lambda: dialog.errors["description"].visibleRegion().isEmpty() is False)


def test_the_requirement_dialog_fits(qtbot):
    draft = parse_plan((PLANS / "trade-union-2022.txt").read_text(encoding="utf-8"))
    dialog = RequirementDialog(draft.requirements[0])
    fits_the_laptop(qtbot, dialog, dialog.findChild(QDialogButtonBox))


def test_the_plan_check_opens_within_the_screen_with_save_in_view(qtbot):
    """核对导入的年度工作要点 had a fixed minimum of 900 × 600: 保存计划 was below the screen."""
    draft = parse_plan((PLANS / "county-government-2022.txt").read_text(encoding="utf-8"))
    dialog = DraftDialog(draft, year=2022)
    space = room(dialog)
    assert dialog.height() <= space.height() and dialog.width() <= space.width()
    fits_the_laptop(qtbot, dialog, dialog.findChild(QDialogButtonBox))


def test_the_import_check_lists_every_conflicting_row_with_yes_and_no_in_view(
        qtbot, store, monkeypatch, tmp_path):
    """revscreen 4: 导入前确认 named 6 of 15 conflicting rows (“……另有 9 行”), the rows she is
    asked to correct by hand; at 150 % its 是/否 were below the screen."""
    from types import SimpleNamespace

    from lianzheng_desktop.interchange import xlsx
    from lianzheng_desktop.qt import workbook_actions

    conflicts = [f"会议活动第 {n} 行：地点与台账中的记录不同（如以表格为准，请在软件中修改该记录）"
                 for n in range(2, 17)]
    plan = SimpleNamespace(
        problems=[], notes=[], new=1, present=6, conflicts=conflicts, late=0,
        totals=lambda: "新增 1 条，已存在 6 条（跳过），冲突 15 条（未导入）",
        details=lambda: ["会议活动：新增 1 条，冲突 15 条", "冲突的行：", *conflicts])
    monkeypatch.setattr(xlsx, "plan_import", lambda _store, _path, **_: plan)
    applied = []
    monkeypatch.setattr(xlsx, "apply_import",
                        lambda _store, chosen, **_: applied.append(chosen))
    monkeypatch.setattr(workbook_actions.QMessageBox, "information", lambda *a: None)
    shown = []

    def answer(dialog, yes):
        shown.append(dialog)
        fits_the_laptop(qtbot, dialog, dialog.buttons)
        return yes

    for yes in (False, True):
        monkeypatch.setattr(workbook_actions.ImportCheckDialog, "exec",
                            lambda dialog, yes=yes: answer(dialog, yes))
        done = workbook_actions.import_workbook(None, store, tmp_path / "台账.xlsx",
                                                lambda: None)
        assert done is yes and len(applied) == int(yes)  # 否 imports nothing
    listed = shown[0].text.toPlainText()
    assert all(conflict in listed for conflict in conflicts)  # every row, none summed up
    assert "另有" not in shown[0].said() and "是否导入这 1 条新记录？" in shown[0].said()
    assert shown[0].text.isReadOnly()  # selectable and copyable, not editable


def test_what_a_requirement_counts_is_called_is_explained(qtbot):
    """revscreen 11.5: a field labelled only “称为”, with no tip."""
    from PySide6.QtWidgets import QFormLayout

    draft = parse_plan((PLANS / "trade-union-2022.txt").read_text(encoding="utf-8"))
    dialog = RequirementDialog(draft.requirements[0])
    qtbot.addWidget(dialog)
    form = dialog.scroll.widget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(dialog.label)
    assert label.text() == "清单中称为"
    assert "清单" in label.toolTip() and "不填" in dialog.label.toolTip()
