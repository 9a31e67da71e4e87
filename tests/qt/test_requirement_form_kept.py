"""The 修改要求 / 新增要求 form, kept as it is typed: a power cut or a killed window while it
is open loses nothing (the record forms have done this from the start)."""

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.qt.plan_page import DraftDialog, PlanPage
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog
from lianzheng_desktop.storage import plan_check, plans, requirement_drafts
from lianzheng_desktop.storage.plans import load_plan

pytestmark = pytest.mark.gui
TEXT = ("2024年机关党支部工作要点\n一、责任\n1.会议。全年召开不少于4次专题会议。\n"
        "2.警示教育。每季度至少进行1次集中警示教育。\n3.其他。认真做好各项工作。\n")


@pytest.fixture
def page(qtbot, store, monkeypatch):
    def check_and_save(dialog):
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", check_and_save)
    page = PlanPage(store)
    qtbot.addWidget(page)
    assert page.import_text(TEXT, 2024) is True
    return page


def _type_then_power_cut(note: str):
    """The form's exec: a note typed, the keeping timer fired, then the process gone."""
    def run(dialog: RequirementDialog) -> int:
        dialog.note.setText(note)
        assert dialog._draft_timer.isActive()  # kept a moment after typing stops
        dialog._draft_timer.timeout.emit()
        return 0  # nothing after exec runs on a kill: report "not accepted" and stop
    return run


def _cut_short_then_started_again(qtbot, store, page, monkeypatch, row: int, note: str):
    """修改要求 on ``row``, ``note`` typed and kept, the process killed (no cleanup); the
    plan page of the next start."""
    monkeypatch.setattr(RequirementDialog, "exec", _type_then_power_cut(note))
    monkeypatch.setattr(PlanPage, "_discard_form", lambda *a: None)  # the kill: no cleanup
    page.table.setCurrentCell(row, 0)
    page._on_edit()
    monkeypatch.undo()
    again = PlanPage(store)  # the next start
    qtbot.addWidget(again)
    return again


def test_a_requirement_form_cut_short_comes_back_on_the_plan_page(qtbot, store, page,
                                                                     monkeypatch):
    meeting = load_plan(store, 2024).requirements[0]
    again = _cut_short_then_started_again(qtbot, store, page, monkeypatch, 0, "县委要求增至6次")
    assert again.form_button.isVisibleTo(again)
    assert "修改2024年的要求“全年召开不少于4次专题会议”时没有保存就关闭了。点此接着修改" \
        in again.form_button.text()

    opened = []

    def check_and_save(dialog: RequirementDialog) -> int:
        opened.append(dialog.note.text())
        dialog._on_save()
        return 1

    monkeypatch.setattr(RequirementDialog, "exec", check_and_save)
    again._on_go_on_form()
    assert opened == ["县委要求增至6次"]
    saved = load_plan(store, 2024).requirements[0]
    assert saved.id == meeting.id and saved.note == "县委要求增至6次"
    assert requirement_drafts.waiting(store) is None
    assert not again.form_button.isVisibleTo(again)


def test_a_new_requirement_cut_short_is_added_when_gone_on_with(qtbot, store, page,
                                                               monkeypatch):
    def type_new(dialog: RequirementDialog) -> int:
        dialog.item.setText("4")
        dialog.text.setPlainText("每半年开展1次谈心谈话")
        dialog.keep_draft()
        return 0

    monkeypatch.setattr(RequirementDialog, "exec", type_new)
    monkeypatch.setattr(PlanPage, "_discard_form", lambda *a: None)
    page._on_add()
    monkeypatch.undo()
    waiting = requirement_drafts.waiting(store)
    assert waiting is not None and waiting.requirement.id is None and waiting.year == 2024
    assert waiting.label == "新增2024年的要求“每半年开展1次谈心谈话”"

    monkeypatch.setattr(RequirementDialog, "exec", lambda d: d._on_save() or 1)
    page._on_go_on_form()
    texts = [r.text for r in load_plan(store, 2024).requirements]
    assert texts.count("每半年开展1次谈心谈话") == 1
    assert requirement_drafts.waiting(store) is None


def test_a_form_given_up_or_saved_leaves_no_draft(qtbot, store, page, monkeypatch):
    def type_then_cancel(dialog: RequirementDialog) -> int:
        dialog.note.setText("草稿")
        dialog.keep_draft()
        assert requirement_drafts.waiting(store) is not None  # kept while open
        monkeypatch.setattr("lianzheng_desktop.qt.requirement_dialog.confirm_discard",
                            lambda *a, **k: True)
        dialog.reject()
        return 0

    monkeypatch.setattr(RequirementDialog, "exec", type_then_cancel)
    page.table.setCurrentCell(0, 0)
    page._on_edit()
    assert requirement_drafts.waiting(store) is None
    assert not page.form_button.isVisibleTo(page)


def test_a_save_the_file_refuses_brings_the_form_back_as_typed(qtbot, store, page,
                                                              monkeypatch):
    """Before, the form had closed when 保存 was pressed: a refused save lost the typing."""
    shown, warned = [], []

    def type_and_save(dialog: RequirementDialog) -> int:
        shown.append(dialog.note.text())
        if len(shown) == 1:
            dialog.note.setText("已于3月完成")
        dialog._on_save()
        return 1

    real_update = plans.update_requirement
    calls = []

    def refuse_once(store_, requirement):
        calls.append(requirement.note)
        if len(calls) == 1:
            raise UserError("没有保存（磁盘空间已满）。")
        return real_update(store_, requirement)

    monkeypatch.setattr(RequirementDialog, "exec", type_and_save)
    monkeypatch.setattr(plans, "update_requirement", refuse_once)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))
    page.table.setCurrentCell(0, 0)
    page._on_edit()
    assert shown == ["", "已于3月完成"]  # opened again, with what she typed
    assert "磁盘空间已满" in warned[0] and "仍在表中" in warned[0]
    assert load_plan(store, 2024).requirements[0].note == "已于3月完成"
    assert requirement_drafts.waiting(store) is None


@pytest.mark.parametrize("go_on", [True, False])
def test_a_draft_of_a_requirement_since_removed_is_offered_as_a_new_one(qtbot, store, page,
                                                                        monkeypatch, go_on):
    """A draft whose requirement the plan no longer has (re-imported, reworded, removed) was
    dropped with a message, the typing lost (reviewer revlast, L3): she is asked whether to
    go on with it as a new requirement."""
    meeting = load_plan(store, 2024).requirements[0]
    requirement_drafts.keep(store, 2024, replace(meeting, note="草稿"), was=meeting)
    plans.remove_requirement(store, meeting.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a, **k: asked.append(
        title) or (QMessageBox.StandardButton.Yes if go_on else QMessageBox.StandardButton.No))
    monkeypatch.setattr(RequirementDialog, "exec", lambda d: d._on_save() or 1)
    page.refresh()
    page._on_go_on_form()
    assert asked == ["找不到原来的要求"]
    notes = [r.note for r in load_plan(store, 2024).requirements]
    assert ("草稿" in notes) is go_on
    assert requirement_drafts.waiting(store) is None


def test_a_draft_kept_by_an_earlier_version_is_found_by_its_id(qtbot, store, page,
                                                               monkeypatch):
    """Drafts kept before the requirement's words were kept with them: found by id, as
    then (they were all deleted as "已没有这项要求", reviewer revlast L3)."""
    from lianzheng_desktop.storage import drafts
    from lianzheng_desktop.storage.plans import requirement_as_json

    meeting = load_plan(store, 2024).requirements[0]
    drafts.save(store, requirement_drafts.FORM, meeting.id, {
        "year": 2024, "requirement": requirement_as_json(replace(meeting, note="旧草稿"))})
    monkeypatch.setattr(RequirementDialog, "exec", lambda d: d._on_save() or 1)
    page.refresh()
    page._on_go_on_form()
    assert load_plan(store, 2024).requirements[0].note == "旧草稿"


def test_the_form_open_over_a_plan_check_is_kept_with_the_check(qtbot, store, monkeypatch):
    """核对导入的年度工作要点 kept each correction once its form was closed; the form being
    typed when the power went was lost."""
    page = PlanPage(store)
    qtbot.addWidget(page)

    def open_form_then_power_cut(dialog: DraftDialog) -> bool:
        monkeypatch.setattr(RequirementDialog, "exec", _type_then_power_cut("县委要求6次"))
        dialog._on_edit(0, 0)
        return False

    monkeypatch.setattr(DraftDialog, "exec", open_form_then_power_cut)
    monkeypatch.setattr(DraftDialog, "_keep_state", lambda self: None)  # the kill: no
    monkeypatch.setattr(plan_check, "discard", lambda *a: None)  # cleanup after exec
    assert page.import_text(TEXT, 2024) is False
    monkeypatch.undo()
    kept = plan_check.find(store, TEXT)
    assert kept is not None and kept.edits == 1
    assert kept.requirements[0].note == "县委要求6次"


def test_a_form_given_up_over_a_plan_check_leaves_the_check_as_it_was(qtbot, store,
                                                                     monkeypatch):
    page = PlanPage(store)
    qtbot.addWidget(page)

    def type_then_cancel(form: RequirementDialog) -> int:
        form.note.setText("不要了")
        form.keep_draft()
        return 0

    def open_form_and_cancel_it(dialog: DraftDialog) -> bool:
        monkeypatch.setattr(RequirementDialog, "exec", type_then_cancel)
        dialog._on_edit(0, 0)
        return False  # then the power went

    monkeypatch.setattr(DraftDialog, "exec", open_form_and_cancel_it)
    monkeypatch.setattr(plan_check, "discard", lambda *a: None)  # the kill: no cleanup
    page.import_text(TEXT, 2024)
    monkeypatch.undo()
    kept = plan_check.find(store, TEXT)
    assert kept is not None and kept.edits == 0 and kept.requirements[0].note == ""
    assert plan_check.unfinished(store) == []  # nothing offered at the next start


def test_deleting_a_requirement_says_what_goes_with_it(qtbot, store, page, monkeypatch):
    """The question was only "删除这项要求？": the mark, the note and every record's
    计入要求 went with it for good (reviewer revcode, F-H)."""
    meeting = load_plan(store, 2024).requirements[0]
    plans.update_requirement(store, replace(meeting, manual_done=True, note="已于3月完成"))
    store.clock = lambda: datetime(2024, 12, 31, 17)
    record = store.add("activity", {"date": "2024-03-05", "type": "专题会议",
                                    "topic": "研究部署党风廉政建设工作"})
    store.set_links("activity", record.id, [meeting.id])
    page.refresh()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a, **k: asked.append(
        (text, k.get("defaultButton"))) or QMessageBox.StandardButton.No)
    page.table.setCurrentCell(0, 0)
    page._on_remove()
    text, default = asked[0]
    assert text.endswith("删除后，手工标记的“已完成”、备注“已于3月完成”、1 条台账记录“计入要求”中"
                         "对此项的指定（记录本身不受影响）一并去掉，不能恢复。")
    assert default == QMessageBox.StandardButton.No
    assert len(load_plan(store, 2024).requirements) == 3  # 否: nothing removed


def test_a_form_draft_outlives_the_plan_saved_again_and_opens_over_its_own_requirement(
        qtbot, store, page, monkeypatch):
    """The plan was saved again (an import, 按原文重新读取) after a 修改要求 form was left
    unsaved: the ids were handed out anew and 点此接着修改 opened the draft over another
    requirement, whose 保存 then overwrote it (reviewer revdiff2, F2)."""
    warning = next(r for r in load_plan(store, 2024).requirements if "警示教育" in r.text)
    requirement_drafts.keep(store, 2024, replace(warning, note="我改的，未保存"), was=warning)
    plans.store_draft(store, plans.read_plan(store, TEXT.replace(
        "1.会议。全年召开不少于4次专题会议。\n", ""), 2024), TEXT)  # 第1条 dropped, renumbered
    opened = []

    def save_it(dialog: RequirementDialog) -> int:
        opened.append((dialog._original.text, dialog.note.text()))
        dialog._on_save()
        return 1

    monkeypatch.setattr(RequirementDialog, "exec", save_it)
    page.refresh()
    page._on_go_on_form()
    assert opened == [(warning.text, "我改的，未保存")]
    after = {r.text: r.note for r in load_plan(store, 2024).requirements}
    assert after[warning.text] == "我改的，未保存"
    assert requirement_drafts.waiting(store) is None


@pytest.mark.parametrize("go_on", [True, False])
def test_a_new_requirement_form_with_an_older_one_waiting_asks_first(
        qtbot, store, page, monkeypatch, go_on):
    """Every 新增要求 form shares one draft: opening one and typing wrote over a half-typed
    older one unasked (reviewer revlast, L6; revdiff2 F2)."""
    requirement_drafts.keep(store, 2024, Requirement(item="4", text="每季度开展1次廉政提醒"))
    asked, opened = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a, **k: asked.append(
        text) or (QMessageBox.StandardButton.Yes if go_on else QMessageBox.StandardButton.No))
    monkeypatch.setattr(RequirementDialog, "exec", lambda d: opened.append(
        d.text.toPlainText()) or 0)
    page._on_add()
    assert "上次新增2024年的要求“每季度开展1次廉政提醒”还没有保存" in asked[0]
    assert opened == ["每季度开展1次廉政提醒" if go_on else ""]


def test_a_draft_gone_on_with_after_a_new_import_keeps_the_imports_changes(
        qtbot, store, page, monkeypatch):
    """revclose4 2: a 修改要求 left unsaved (a 备注 typed), then the plan imported again with
    that duty renumbered and its count raised: 点此接着修改 put the whole old requirement
    back — old 条目编号 (two 第1条) and old 次数 — over what the import set, unsaid. Only
    what she changed goes back, and the form says the requirement changed since."""
    warning = next(r for r in load_plan(store, 2024).requirements if "警示教育" in r.text)
    requirement_drafts.keep(store, 2024, replace(warning, note="由纪检委员负责"), was=warning)
    corrected = TEXT.replace("1.会议。全年召开不少于4次专题会议。\n", "").replace(
        "2.警示教育", "1.警示教育").replace("3.其他", "2.其他")
    draft = plans.read_plan(store, corrected, 2024)  # renumbered: 警示教育 is now 第1条
    draft.requirements = [replace(r, target=2) if "警示教育" in r.text else r
                          for r in draft.requirements]  # and read as twice a quarter
    plans.store_draft(store, draft, corrected)
    shown = []

    def save_it(dialog: RequirementDialog) -> int:
        shown.append((dialog.item.text(), dialog.target.value(), dialog.note.text(),
                      dialog.said.text()))
        dialog._on_save()
        return 1

    monkeypatch.setattr(RequirementDialog, "exec", save_it)
    page.refresh()
    page._on_go_on_form()
    [(item, target, note, said)] = shown
    assert (item, target, note) == ("1", 2, "由纪检委员负责")
    assert said.startswith("已恢复上次未保存的内容。") and "此后有改动" in said
    after = next(r for r in load_plan(store, 2024).requirements if "警示教育" in r.text)
    assert (after.item, after.target, after.note) == ("1", 2, "由纪检委员负责")
    assert sorted(r.item for r in load_plan(store, 2024).requirements) == ["1", "2"]


def test_opening_a_requirement_with_a_kept_draft_the_usual_way_goes_on_with_it(
        qtbot, store, page, monkeypatch):
    """revclose4 3: after a kill, 修改要求 on the same requirement (not 点此接着修改) opened a
    blank form; her first keystroke overwrote the kept 备注 and 保存 threw it away."""
    again = _cut_short_then_started_again(qtbot, store, page, monkeypatch, 1, "由郑小芳负责")
    shown = []
    monkeypatch.setattr(RequirementDialog, "exec", lambda d: shown.append(
        (d.note.text(), d.said.text())) or 0)
    again.table.setCurrentCell(1, 0)
    again._on_edit()  # the usual way
    assert shown == [("由郑小芳负责", "已恢复上次未保存的内容。")]
