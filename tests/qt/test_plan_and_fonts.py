import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from lianzheng_desktop.qt.fonts import ensure_cjk_font
from lianzheng_desktop.qt.plan_page import DraftDialog, PlanPage
from lianzheng_desktop.storage.plans import load_plan

pytestmark = pytest.mark.gui


def test_importing_a_plan_shows_the_draft_then_stores_it(qtbot, store, monkeypatch, tmp_path):
    from pathlib import Path

    plans_dir = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
    source = plans_dir / "county-government-2022.txt"
    plan_file = tmp_path / "县政府2023.txt"
    plan_file.write_text(source.read_text(encoding="utf-8").replace("2022年", "2023年"),
                         encoding="utf-8")
    page = PlanPage(store)
    qtbot.addWidget(page)
    seen = {}

    def confirm(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["unread"] = dialog.unread.count()
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", confirm)
    assert page.import_file(plan_file)
    plan = load_plan(store, 2023)
    assert seen["rows"] == len(plan.requirements) == 23
    # the 20% it cannot place, the 指导思想 before 一、 and six duty sentences no requirement
    # took (一.2 持续强化理论武装 …, 二.1–二.3): listed, not dropped (revother F1); the
    # headings among them said to be headings of items read (revnew6 U7)
    assert seen["unread"] == 8
    assert page.year.currentData() == 2023
    assert page.table.rowCount() == 23


def test_the_bundled_font_is_registered_when_the_system_has_no_cjk(qtbot):
    app = QApplication.instance()
    family = ensure_cjk_font(app, has_cjk=lambda: False)
    assert family  # e.g. "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert app.font().family() == family
    assert ensure_cjk_font(app, has_cjk=lambda: True) == ""


def test_a_gbk_plan_written_yishi_ershi_imports_through_the_window(qtbot, store, monkeypatch,
                                                                     tmp_path):
    """Issue 13: 一是……二是…… in GBK; an unread sentence becomes a requirement in two
    clicks (double-click it, 确定); the plan's own type is then offered for records."""
    from lianzheng_desktop.core.plan import Period
    from lianzheng_desktop.qt.requirement_dialog import RequirementDialog

    plan_file = tmp_path / "2025要点.txt"
    plan_file.write_bytes(("2025年机关党支部工作要点\n一是每月开展一次政治学习；"
                           "二是开展廉政学习不少于5次。\n").encode("gbk"))
    page = PlanPage(store)
    qtbot.addWidget(page)
    seen = {}

    def confirm(dialog):
        seen["unread"] = dialog.unread.count()
        def complete(form):  # the sentence gave 廉政学习 and 5; the secretary adds 全年
            assert form.ledger.currentData() == "activity" and form.target.value() == 5
            form.period.setCurrentIndex(form.period.findData(Period.YEAR))
            form._on_save()
            return form.result is not form._original

        monkeypatch.setattr(RequirementDialog, "exec", complete)
        dialog._on_take_unread(dialog.unread.item(0))  # the double-click
        seen["after"] = (dialog.unread.count(), dialog.table.rowCount())
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", confirm)
    assert page.import_file(plan_file)
    plan = load_plan(store, 2025)
    assert seen["unread"] == 1 and seen["after"] == (0, 3)
    numeric = sorted((r.period.value, r.target, r.counts.label) for r in plan.requirements
                     if r.target)
    assert numeric == [("month", 1, "政治学习"), ("year", 5, "廉政学习")]
    assert "政治学习" in store.type_choices("activity")


@pytest.mark.parametrize("button", ["替换，去掉这些要求", "替换，这些要求也保留", "取消"])
def test_importing_over_a_worked_plan_says_what_goes_and_does_as_answered(
        qtbot, store, monkeypatch, tmp_path, button):
    """The new text leaves out one requirement of the year's plan and corrects a count;
    the secretary added one by hand. Asked first: the left-out one goes or stays as
    answered, the hand-made one stays, the corrected one takes the old one's place."""
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.qt import plan_replace
    from lianzheng_desktop.storage import plans

    first = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于6次专题会议。\n"
             "2.推进风险防控。\n")
    plans.import_plan_text(store, first, 2024)
    plans.add_requirement(store, 2024, Requirement(
        item="3", text="每月开展1次廉政学习", counts=Counts("activity", ("廉政学习",)),
        period=Period.MONTH, target=1))
    plan_file = tmp_path / "要点.txt"
    plan_file.write_text("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于5次专题会议。\n",
                         encoding="utf-8")
    page = PlanPage(store)
    qtbot.addWidget(page)
    monkeypatch.setattr(DraftDialog, "exec", lambda dialog: dialog._on_accept() or True)
    asked = []

    def click(box):
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    monkeypatch.setattr(plan_replace.QMessageBox, "exec", click)
    assert page.import_file(plan_file) is (button != "取消")
    assert "已没有现有计划中的 1 项要求：\n  · [2] 推进风险防控" in asked[0]
    assert "导入的工作要点改动了 1 项要求的周期、次数或计入的记录" in asked[0]
    assert "手工新增的 1 项要求不在工作要点里，照常保留" in asked[0]
    texts = [r.text for r in load_plan(store, 2024).requirements]
    if button == "取消":
        assert texts == ["全年召开不少于6次专题会议", "推进风险防控", "每月开展1次廉政学习"]
    elif button == "替换，去掉这些要求":
        assert texts == ["全年召开不少于5次专题会议", "每月开展1次廉政学习"]
    else:
        assert texts == ["全年召开不少于5次专题会议", "推进风险防控", "每月开展1次廉政学习"]


def test_a_plan_is_read_again_from_its_text_keeping_the_marks(qtbot, store, monkeypatch):
    """A plan imported before the reader improved keeps its old reading until read again:
    按原文重新读取 reads the stored text with the reader as it is now, and the secretary's
    marks stay. A plan without a text (沿用) says why it cannot."""
    from dataclasses import replace as copied

    from lianzheng_desktop.core.plan import Role
    from lianzheng_desktop.qt import plan_replace
    from lianzheng_desktop.storage import plans

    text = "2024年要点\n一、责任\n1.党支部书记每季度至少听取1次班子成员汇报。\n2.强化政治监督。\n"
    plans.import_plan_text(store, text, 2024)
    hear, watch = plans.load_plan(store, 2024).requirements
    assert hear.role is Role.FIRST_RESPONSIBLE
    plans.update_requirement(store, copied(hear, role=Role.ORGANISATION))  # an old reading
    plans.update_requirement(store, copied(watch, manual_done=True, note="已开展"))
    from lianzheng_desktop.storage.plan_reading import fingerprint

    store.db.execute("UPDATE plan_reading SET fingerprint = ?",  # as that reader kept it
                     [fingerprint(plans.load_plan(store, 2024).requirements)])
    page = PlanPage(store)
    qtbot.addWidget(page)
    monkeypatch.setattr(DraftDialog, "exec", lambda dialog: dialog._on_accept() or True)
    monkeypatch.setattr(plan_replace, "ask_to_replace", lambda *a: set())  # 替换，不保留
    page.year.setCurrentIndex(page.year.findData(2024))
    page._on_reread()
    hear, watch = plans.load_plan(store, 2024).requirements
    assert hear.role is Role.FIRST_RESPONSIBLE
    assert (watch.manual_done, watch.note) == (True, "已开展")
    plans.start_new_year(store, 2025)  # 沿用: no text of its own
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    page.reload_years(2025)
    assert not page.reread_button.isEnabled()  # nothing to read again: said before asked
    page._on_reread()
    assert "没有保存导入时的原文" in shown[0]
    page.reload_years(2024)
    assert page.reread_button.isEnabled()


def test_the_plan_page_says_when_reading_the_text_again_would_change_it(qtbot, store,
                                                                         monkeypatch):
    """The note above the requirements appears when the reader of today reads the year's
    text otherwise than it did at the import, says how many requirements would change, and
    goes once the text is read again; a change the secretary made while checking the import
    is not taken for one."""
    from dataclasses import replace as copied

    from lianzheng_desktop.core.plan import Role
    from lianzheng_desktop.qt import plan_replace
    from lianzheng_desktop.storage import plans
    from lianzheng_desktop.storage.plan_reading import fingerprint

    text = ("2024年要点\n一、责任\n1.党支部书记每季度至少听取1次班子成员汇报。\n"
            "2.每季度至少开展1次集中警示教育。\n")

    def checked(dialog):  # the secretary corrects the count while checking, then saves
        dialog.draft.requirements[1] = copied(dialog.draft.requirements[1], target=2)
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", checked)
    monkeypatch.setattr(plan_replace, "ask_to_replace", lambda *a: set())
    page = PlanPage(store)
    qtbot.addWidget(page)
    assert page.import_text(text, 2024)
    assert plans.load_plan(store, 2024).requirements[1].target == 2
    assert page.reading_note.isHidden()  # the secretary's own count, not a reading
    hear = plans.load_plan(store, 2024).requirements[0]
    older = copied(hear, role=Role.ORGANISATION)  # as an older reader read it
    plans.update_requirement(store, older)
    as_read = [older, copied(plans.load_plan(store, 2024).requirements[1], target=1)]
    store.db.execute("UPDATE plan_reading SET fingerprint = ?", [fingerprint(as_read)])
    page.refresh()
    assert not page.reading_note.isHidden()
    note = page.reading_note.text()
    assert "读取工作要点的方法已改进" in note
    assert "2024年工作要点原文中有1项要求（第1条）与本计划不同" in note
    assert "按原文重新读取" in note
    monkeypatch.setattr(DraftDialog, "exec", lambda dialog: dialog._on_accept() or True)
    page._on_reread()
    assert plans.load_plan(store, 2024).requirements[0].role is Role.FIRST_RESPONSIBLE
    assert page.reading_note.isHidden()
