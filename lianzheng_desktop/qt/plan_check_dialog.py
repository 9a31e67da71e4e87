"""核对导入的年度工作要点: the requirements the reader found and the sentences it could not
read, for the secretary to correct before the plan is saved (each correction kept as it is
made: storage.plan_check). Also the requirements table the plan page shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.plan_parser import PlanDraft, Unread, guess_requirement
from lianzheng_desktop.qt.buttons import accept_cancel, confirm_discard
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog, describe
from lianzheng_desktop.qt.screen_fit import fit_to_screen
from lianzheng_desktop.qt.style import hint, rows_follow_text

COLUMNS = ("条目", "要求", "周期与指标", "计入记录", "已手工标记")


def fill_requirements(table: QTableWidget, requirements: list[Requirement]) -> None:
    table.setRowCount(len(requirements))
    for row, requirement in enumerate(requirements):
        cells = (requirement.item, requirement.text, describe(requirement),
                 requirement.counts.describe() if requirement.counts else "手工标记",
                 "是" if requirement.manual_done else "")
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def requirements_table() -> QTableWidget:
    table = QTableWidget(0, len(COLUMNS))
    table.setHorizontalHeaderLabels(list(COLUMNS))
    table.verticalHeader().setVisible(False)
    rows_follow_text(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in ((0, 60), (2, 230), (3, 170), (4, 80)):
        table.setColumnWidth(column, width)
    return table


class DraftDialog(QDialog):
    """The parsed plan for the user to check: requirements found and sentences not read.

    A sentence the parser could not read becomes a requirement in two clicks: double-click
    it, check the prefilled form, 确定."""

    def __init__(self, draft: PlanDraft, parent=None,
                 plan_types: dict[str, tuple[str, ...]] | None = None, year: int | None = None,
                 keep: Callable[[int, list[Requirement], list[Unread], int], None] | None = None):
        super().__init__(parent)
        self.draft = draft
        # each correction stored as it is made, and the form being typed too: keep(year,
        # requirements, sentences still to take, edits) raises UserError if it could not
        self._keep = keep
        self.given_up = False  # 取消 with corrections, and 放弃 confirmed
        self.put_aside = False  # closed by the window closing: the check is kept as it is
        year = year or draft.year or date.today().year
        self.year = year
        self.edits = 0  # requirements corrected or taken from the unread sentences
        self._keep_failed = False  # the last keep the file refused (draft_not_kept)
        self._plan_types = plan_types or {}
        self.setWindowTitle("核对导入的年度工作要点")
        self.setMinimumSize(560, 360)  # opened at 900 × 600 where the screen has room
        summary = QLabel(draft.summary() + (
            "双击一项可修改；确认无误后点“保存计划”。" if draft.requirements else
            "可双击下方未纳入清单的句子补为要求。"))
        summary.setWordWrap(True)
        self.year_box = QComboBox()
        for choice in range(2015, 2041):
            self.year_box.addItem(f"{choice}年", choice)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(year)))
        # asked for one year, the text names another (last year's text reused?): say so
        self.year_note = hint(f"注意：文件中写的是{draft.year}年，请核对计划年度。")
        self.year_note.setStyleSheet("color: #b26a00;")
        self.year_box.currentIndexChanged.connect(self._note_year)
        # the year changed after the last correction is kept too (revclose3: a power cut
        # brought the check back under the year it had before)
        self.year_box.currentIndexChanged.connect(self._keep_state)
        self._note_year()
        self.table = requirements_table()
        fill_requirements(self.table, draft.requirements)
        self.pending = [*draft.unread, *draft.untracked]
        self.unread = QListWidget()
        for unread in self.pending:
            self.unread.addItem(f"[{unread.item}] {unread.text}（{unread.reason}）")
        self.unread.setMaximumHeight(22 * min(max(len(self.pending), 1), 6) + 8)
        buttons = accept_cancel("保存计划")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        self.table.cellDoubleClicked.connect(self._on_edit)
        self.unread.itemDoubleClicked.connect(self._on_take_unread)
        year_bar = QHBoxLayout()
        year_bar.addWidget(QLabel("计划年度"))
        year_bar.addWidget(self.year_box)
        year_bar.addWidget(self.year_note)
        year_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(year_bar)
        layout.addWidget(self.table, 3)
        self.unread_label = QLabel()
        self._label_unread()
        layout.addWidget(self.unread_label)
        layout.addWidget(self.unread)
        layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
        fit_to_screen(self, QSize(900, 600))  # 保存计划 in view on a 125 %/150 % laptop

    def _note_year(self) -> None:
        chosen = self.year_box.currentData()
        self.year_note.setVisible(bool(self.draft.year) and self.draft.year != chosen)

    def _label_unread(self) -> None:
        self.unread_label.setText(
            f"未纳入清单的句子（{len(self.pending)} 处，附原因）。双击一句，核对后即成为一项要求：")

    def new_types(self) -> list[tuple[str, str]]:
        return PlanDraft(self.draft.year, requirements=self.draft.requirements).new_types

    def _types(self) -> dict[str, tuple[str, ...]]:
        types = {k: tuple(v) for k, v in self._plan_types.items()}
        for ledger, name in self.new_types():
            types[ledger] = (*types.get(ledger, ()), name)
        return types

    def reject(self) -> None:
        """取消, Esc or the close button: ask first if corrections would be lost."""
        if self.edits and not confirm_discard(
                self, "放弃核对结果？", f"您已修改或补充了 {self.edits} 项要求，计划还没有保存。"
                "\n\n要放弃这些修改吗？", "继续核对"):
            return
        self.given_up = bool(self.edits)
        super().reject()

    def put_away(self) -> None:
        """The window is closing under the check: its corrections (and a requirement form
        open over it, kept by that form) wait for the next import of this text."""
        for form in self.findChildren(RequirementDialog):
            if form.isVisible():
                form.put_away()
        self.put_aside = True
        super().reject()

    def resume(self, pending: list, edits: int) -> None:
        """Go on from a check cut short: its sentences still to take, its count of edits."""
        self.pending = list(pending)
        self.unread.clear()
        for unread in self.pending:
            self.unread.addItem(f"[{unread.item}] {unread.text}（{unread.reason}）")
        self._label_unread()
        self.edits = edits

    def note_unkept(self, message: str) -> None:
        self.unread_label.setText(message)
        self.unread_label.setStyleSheet("color: #c62828;")

    def _edited(self) -> None:
        self.edits += 1
        self._keep_state()

    def _keep_state(self) -> None:
        """The check as it stands (also after a requirement form given up, whose typing
        was kept while it was open)."""
        if self._keep is not None:
            try:
                self._keep(self.year_box.currentData(), self.draft.requirements, self.pending,
                           self.edits)
                self._keep_failed = False
            except UserError as exc:
                self._keep_failed = True
                self.note_unkept(str(exc))

    def draft_not_kept(self) -> bool:
        """Corrections made and not in the file even now (the disk full): closing the
        window would lose them (revcode2 A)."""
        if self._keep_failed:
            self._keep_state()
        return self._keep_failed and self.edits > 0

    def _keep_form(self, row: int | None, taken: int | None, typed: Requirement) -> None:
        """The requirement form open over the check, as typed so far, kept as a correction
        made (``row``: the requirement it changes; ``taken``: the sentence it reads)."""
        if self._keep is None:
            return
        requirements, pending = list(self.draft.requirements), list(self.pending)
        if row is not None:
            requirements[row] = typed
        else:
            requirements.append(typed)
            del pending[taken]
        self._keep(self.year_box.currentData(), requirements, pending, self.edits + 1)

    def _on_edit(self, row: int, _column: int) -> None:
        dialog = RequirementDialog(self.draft.requirements[row], self, self._types(),
                                   keep=lambda typed: self._keep_form(row, None, typed))
        if not dialog.exec():
            if not dialog.put_aside:  # given up: the check as it was before the form
                self._keep_state()
            return
        self.draft.requirements[row] = dialog.result
        fill_requirements(self.table, self.draft.requirements)
        self._edited()

    def _on_take_unread(self, item) -> None:
        row = self.unread.row(item)
        unread = self.pending[row]
        dialog = RequirementDialog(guess_requirement(unread), self, self._types(),
                                   keep=lambda typed: self._keep_form(None, row, typed))
        if not dialog.exec():
            if not dialog.put_aside:
                self._keep_state()
            return
        self.draft.requirements.append(dialog.result)
        fill_requirements(self.table, self.draft.requirements)
        del self.pending[row]
        self.unread.takeItem(row)
        self._label_unread()
        self._edited()

    def _on_accept(self) -> None:
        self.year = self.year_box.currentData()
        self.accept()
