"""年度计划: the year's requirements, editable; import a plan document; start a new year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Plan, Requirement
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.plan_check_dialog import (  # noqa: F401 (DraftDialog: tests use it here)
    DraftDialog,
    fill_requirements,
    requirements_table,
)
from lianzheng_desktop.qt.plan_import import PlanImport
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage import paste_draft, plan_check, plans, requirement_drafts
from lianzheng_desktop.storage.requirement_drafts import RequirementDraft
from lianzheng_desktop.storage.store import Store


def removal_question(requirement: Requirement, pointed: int) -> str:
    """删除这项要求: what goes with it (her marks and choices; the records stay)."""
    work = []
    if requirement.manual_done:
        work.append("手工标记的“已完成”")
    if requirement.note:
        work.append(f"备注“{requirement.note[:30]}”")
    if pointed:
        work.append(f"{pointed} 条台账记录“计入要求”中对此项的指定（记录本身不受影响）")
    lost = f"\n\n删除后，{'、'.join(work)}一并去掉，不能恢复。" if work else ""
    return f"删除这项要求？\n\n{requirement.text}{lost}"


def _offer(button: QPushButton, waiting, what: str) -> None:
    """A line offering work left unsaved (``waiting``: with its ``saved_at``), or none."""
    if waiting is not None:
        when = waiting.saved_at
        button.setText(f"{when.month}月{when.day}日 {when:%H:%M} {what}")
    button.setVisible(waiting is not None)


RESTORED = "已恢复上次未保存的内容。"
CHANGED_SINCE = ("这项要求此后有改动（如重新导入了计划），表中是现在的要求加上您上次改过的"
                 "内容，请核对后保存。")


class PlanPage(FollowsToday, PlanImport, QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent=None, today: date | None = None):
        super().__init__(parent)
        self._store = store
        self._fixed_today = today
        self.plan: Plan | None = None
        title = page_title("年度计划（年度工作要点）")
        self.year = QComboBox()
        self.table = requirements_table()
        self.import_button = QPushButton("导入年度工作要点…")
        self.import_button.setToolTip("从文件导入：文本文件（.txt）、Word 文档（.docx）或 PDF")
        self.paste_button = QPushButton("粘贴工作要点文字…")
        self.paste_button.setToolTip("工作要点在网页上或打开的文档中：复制全文，粘贴进来导入")
        self.reread_button = QPushButton("按原文重新读取…")
        self.reread_button.setToolTip("用本软件现在的读法，重新读取这一年度导入时的工作要点原文；"
                                      "核对后保存，手工标记、备注和“计入要求”的指定照常保留")
        self.new_year_button = QPushButton("新建年度计划…")
        self.add_button = QPushButton("新增要求")
        self.edit_button = QPushButton("修改")
        self.remove_button = QPushButton("删除")
        self.types_button = QPushButton("活动类型…")
        self.types_button.setToolTip("计划中新增的活动类型：改名，或并入另一类型")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.paste_button)
        bar.addWidget(self.reread_button)
        bar.addWidget(self.new_year_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.types_button)
        tip = hint("季度清单按这里的要求逐项检查。没有数量指标的条目，完成后可在“修改”中标记。",
                   wrap=False)
        # Shown when the reader of today reads the year's text otherwise (see refresh).
        self.reading_note = hint("")
        self.reading_note.setStyleSheet("color: #b26a00;")
        self.reading_note.hide()
        # A check of an imported plan cut short (power cut): its corrections wait here.
        self.check_button = QPushButton()
        self.check_button.setStyleSheet("color: #b26a00; text-align: left;")
        self.check_button.setFlat(True)
        self.check_button.hide()
        # A 修改要求 form left unsaved (power cut): it waits here too.
        self.form_button = QPushButton()
        self.form_button.setStyleSheet("color: #b26a00; text-align: left;")
        self.form_button.setFlat(True)
        self.form_button.hide()
        # … and a pasted text not yet imported (revclose3 F: found only by pasting again)
        self.paste_note_button = QPushButton()
        self.paste_note_button.setStyleSheet("color: #b26a00; text-align: left;")
        self.paste_note_button.setFlat(True)
        self.paste_note_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.paste_note_button)
        layout.addWidget(self.check_button)
        layout.addWidget(self.form_button)
        layout.addWidget(self.reading_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(tip)
        self._connect_signals()
        self.reload_years()

    def _connect_signals(self) -> None:
        self.year.currentIndexChanged.connect(self.refresh)
        self.import_button.clicked.connect(lambda: self._on_import())
        self.paste_button.clicked.connect(lambda: self._on_paste())
        self.reread_button.clicked.connect(self._on_reread)
        self.check_button.clicked.connect(self._on_go_on_checking)
        self.paste_note_button.clicked.connect(lambda: self._on_paste())
        self.form_button.clicked.connect(lambda: self._on_go_on_form())
        self.new_year_button.clicked.connect(self._on_new_year)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button.clicked.connect(self._on_remove)
        self.types_button.clicked.connect(self._on_types)
        self.table.cellDoubleClicked.connect(lambda *_: self._on_edit())

    def reload_years(self, select: int | None = None) -> None:
        years = plans.plan_years(self._store)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(f"{year}年", year)
        self.year.blockSignals(False)
        if years:
            self.year.setCurrentIndex(self.year.findData(select if select in years else years[-1]))
        self.refresh()

    def follow_plans(self) -> None:
        """设置 dropped the shipped union plan (another unit's name): the years anew. (Not
        on every record saved: they do not change the plans, and reading them takes
        ~15 ms.)"""
        self.reload_years(self.year.currentData())

    def _note_unfinished_check(self) -> None:
        waiting = plan_check.unfinished(self._store)
        if waiting:
            last = waiting[0]
            self.check_button.setText(
                f"上次核对{last.year}年工作要点时修改或补充了 {last.edits} 项要求，还没有保存。"
                "点此接着核对…")
        self.check_button.setVisible(bool(waiting))

    def _on_go_on_checking(self) -> None:
        waiting = plan_check.unfinished(self._store)
        if waiting:
            self.import_text(waiting[0].text, waiting[0].year, go_on=True)

    def _note_unfinished_form(self) -> None:
        waiting = requirement_drafts.waiting(self._store)
        _offer(self.form_button, waiting,
               f"{waiting.label}时没有保存就关闭了。点此接着修改…" if waiting else "")

    def _note_unfinished_paste(self) -> None:
        _offer(self.paste_note_button, paste_draft.waiting(self._store),
               "粘贴的工作要点文字还没有导入。点此接着导入…")

    def _on_paste(self, year: int | None = None) -> bool:
        try:
            return super()._on_paste(year)
        finally:  # the box closed with its text kept, or imported: said as it is now
            self._note_unfinished_paste()

    def refresh(self) -> None:
        self._note_unfinished_paste()
        self._note_unfinished_check()
        self._note_unfinished_form()
        year = self.year.currentData()
        self.plan = plans.load_plan(self._store, year) if year else None
        fill_requirements(self.table, self.plan.requirements if self.plan else [])
        # 按原文重新读取 only for a plan imported from a text (not one made by hand or 沿用)
        self.reread_button.setEnabled(bool(year and plans.source_text(self._store, year)))
        self._note_reading(year)

    def _note_reading(self, year: int | None) -> None:
        """Say so when 按原文重新读取 would change the year's requirements."""
        from lianzheng_desktop.storage.plan_reading import reading_change

        change = reading_change(self._store, year) if year else None
        if change is None:
            self.reading_note.hide()
            return
        if change.reader_changed:
            why = "本软件读取工作要点的方法已改进，"
            after = "手工标记、备注和“计入要求”的指定照常保留。"
        else:  # imported before the reading was kept: the changes may be the secretary's
            why = ""
            after = "若这些不同是您手工修改的，不必理会。"
        self.reading_note.setText(
            f"{why}按现在的读法，{year}年工作要点原文中有{change.differing}项要求"
            f"（{change.item_words}）与本计划不同。可点“按原文重新读取…”逐项核对后保存；{after}")
        self.reading_note.show()

    def _selected(self) -> Requirement | None:
        row = self.table.currentRow()
        if self.plan is None or not 0 <= row < len(self.plan.requirements):
            QMessageBox.information(self, "请先选择", "请先在表格中选中一项要求。")
            return None
        return self.plan.requirements[row]

    def _after_change(self, year: int | None = None) -> None:
        self.reload_years(year or self.year.currentData())
        self.changed.emit()

    def _on_add(self) -> None:
        if self.plan is None:
            QMessageBox.information(self, "尚无计划", "请先导入或新建年度计划。")
            return
        earlier = requirement_drafts.waiting(self._store, new_only=True)
        if earlier is not None:  # one 新增 form's draft at a time: never typed over unasked
            if QMessageBox.question(
                    self, "接着上次新增的要求？", f"上次{earlier.label}还没有保存。\n\n要接着"
                    "填写它吗？选“否”则放弃它，重新填写一项。") == QMessageBox.StandardButton.Yes:
                self._on_go_on_form(earlier)
                return
            self._discard_form(None)
        self._edit_requirement(self.plan.year, Requirement(item="", text=""))

    def _types(self) -> dict[str, tuple[str, ...]]:
        return {key: self._store.plan_types(key) for key in ("warning_education", "talk",
                                                             "activity")}

    def _on_types(self) -> None:
        from lianzheng_desktop.qt.types_dialog import TypesDialog

        TypesDialog(self._store, self).exec()
        self._after_change()

    def _on_edit(self) -> None:
        requirement = self._selected()
        if requirement is None:
            return
        kept = requirement_drafts.waiting_for(self._store, self.plan.year, requirement,
                                              self.plan.requirements)
        if kept is not None:  # left unsaved before: go on with it, never blank over it
            self._on_go_on_form(kept)
            return
        self._edit_requirement(self.plan.year, requirement)

    def _edit_requirement(self, year: int, requirement: Requirement,
                          draft: Requirement | None = None, said: str = "") -> None:
        """修改要求 / 新增要求 (``draft``: a form left unsaved, gone on with, ``said`` above
        it); the form kept as it is typed until it is saved or given up."""
        def save(typed: Requirement) -> Requirement:
            if requirement.id is None:
                return plans.add_requirement(self._store, year, typed)
            return plans.update_requirement(self._store, typed)

        was = requirement if requirement.id is not None else None
        going_on = draft is not None  # a draft left before: this form answers for it
        while True:
            dialog = RequirementDialog(
                requirement, self, self._types(), opened_from=draft, said=said,
                keep=lambda typed: requirement_drafts.keep(self._store, year, typed, was))
            if not dialog.exec():
                if dialog.put_aside:  # the window closing: the draft waits for next time
                    return
                break
            if self._save(partial(save, dialog.result),
                          kept="填写的内容仍在表中，请处理后再保存。"):
                break
            draft = dialog.result  # not saved: the form again, as it was typed
        if going_on or dialog.kept:  # a 新增 opened and closed untouched leaves an older
            self._discard_form(requirement.id)  # 新增 draft waiting where it was

    def _discard_form(self, requirement_id: int | None) -> None:
        try:
            requirement_drafts.discard(self._store, requirement_id)
        except UserError as exc:
            QMessageBox.warning(self, "草稿未能删除", str(exc))
        self._note_unfinished_form()

    def _on_go_on_form(self, waiting: RequirementDraft | None = None) -> None:
        waiting = waiting or requirement_drafts.waiting(self._store)
        if waiting is None:
            self._note_unfinished_form()
            return
        typed = waiting.requirement
        plan = plans.load_plan(self._store, waiting.year)
        saved = waiting.find_in(plan.requirements) if plan and typed.id is not None else None
        if plan is None:
            QMessageBox.information(self, "计划已不在", f"已没有{waiting.year}年度计划，这份草稿"
                                    "无法接着填写，将不再保留。")
            self._discard_form(typed.id)
            return
        if typed.id is not None and saved is None:  # the plan was re-imported or changed
            answer = QMessageBox.question(
                self, "找不到原来的要求",
                f"{waiting.year}年度计划此后重新导入或修改过，找不到这份草稿原来修改的要求"
                f"“{waiting.was[1] or typed.text}”。\n\n把草稿中填写的内容作为一项新要求"
                "接着填写吗？选“否”则放弃这份草稿。")
            self._discard_form(typed.id)
            if answer != QMessageBox.StandardButton.Yes:
                return
            typed = replace(typed, id=None)
        self.year.setCurrentIndex(max(0, self.year.findData(waiting.year)))
        said = RESTORED
        if saved is not None:
            if saved.id != typed.id:  # the plan was saved again since
                requirement_drafts.discard(self._store, typed.id)
            typed, since = waiting.over(saved)  # what she changed, over it as it is now
            if since:
                said += CHANGED_SINCE
        self._edit_requirement(waiting.year, saved or Requirement(item="", text=""), typed,
                               said)

    def _on_remove(self) -> None:
        requirement = self._selected()
        if requirement is None:
            return
        answer = QMessageBox.question(self, "确认删除", removal_question(
            requirement, plans.records_pointed_at(self._store, requirement.id or 0)),
            defaultButton=QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._save(lambda: plans.remove_requirement(self._store, requirement.id))

    def _save(self, action, kept: str = "") -> bool:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, "未能保存", f"{exc}\n\n{kept}" if kept else str(exc))
            self._note_unfinished_form()
            return False
        self._after_change()
        return True

    def _on_new_year(self) -> None:
        years = plans.plan_years(self._store)
        suggestion = (max(years) + 1) if years else self._today.year
        year, ok = QInputDialog.getInt(self, "新建年度计划",
                                       "新计划的年度（将以上一年度的要求为底稿）：",
                                       suggestion, 2000, 2100)
        if not ok:
            return
        try:
            plans.start_new_year(self._store, year)
        except UserError as exc:
            QMessageBox.warning(self, "未能新建", str(exc))
            return
        self._after_change(year)
