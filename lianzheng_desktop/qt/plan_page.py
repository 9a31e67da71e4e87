"""年度计划: the year's requirements, editable; import a plan document; start a new year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Plan, Requirement
from lianzheng_desktop.core.plan_parser import PlanDraft, parse_plan
from lianzheng_desktop.qt.buttons import accept_cancel
from lianzheng_desktop.qt.requirement_dialog import RequirementDialog, describe
from lianzheng_desktop.qt.style import hint, page_title, rows_follow_text
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.store import Store

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


class PlanPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self.plan: Plan | None = None
        title = page_title("年度计划（年度工作要点）")
        self.year = QComboBox()
        self.table = requirements_table()
        self.import_button = QPushButton("导入年度工作要点…")
        self.new_year_button = QPushButton("新建年度计划…")
        self.add_button = QPushButton("新增要求")
        self.edit_button = QPushButton("修改")
        self.remove_button = QPushButton("删除")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.new_year_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tip = hint("季度清单按这里的要求逐项检查。没有数量指标的条目，完成后可在“修改”中标记。",
                   wrap=False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(tip)
        self._connect_signals()
        self.reload_years()

    def _connect_signals(self) -> None:
        self.year.currentIndexChanged.connect(self.refresh)
        self.import_button.clicked.connect(self._on_import)
        self.new_year_button.clicked.connect(self._on_new_year)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button.clicked.connect(self._on_remove)
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

    def refresh(self) -> None:
        year = self.year.currentData()
        self.plan = plans.load_plan(self._store, year) if year else None
        fill_requirements(self.table, self.plan.requirements if self.plan else [])

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
        dialog = RequirementDialog(Requirement(item="", text=""), self)
        if dialog.exec():
            self._save(lambda: plans.add_requirement(self._store, self.plan.year, dialog.result))

    def _on_edit(self) -> None:
        requirement = self._selected()
        if requirement is None:
            return
        dialog = RequirementDialog(requirement, self)
        if dialog.exec():
            self._save(lambda: plans.update_requirement(self._store, dialog.result))

    def _on_remove(self) -> None:
        requirement = self._selected()
        if requirement is None:
            return
        answer = QMessageBox.question(self, "确认删除", f"删除这项要求？\n\n{requirement.text}")
        if answer == QMessageBox.StandardButton.Yes:
            self._save(lambda: plans.remove_requirement(self._store, requirement.id))

    def _save(self, action) -> None:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, "未能保存", str(exc))
            return
        self._after_change()

    def _on_new_year(self) -> None:
        years = plans.plan_years(self._store)
        suggestion = (max(years) + 1) if years else 2022
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

    def _on_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择年度工作要点", "",
                                              "工作要点 (*.txt *.docx);;所有文件 (*)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        from lianzheng_desktop.interchange.plan_files import read_plan_file

        try:
            text = read_plan_file(path)
            draft = parse_plan(text)
        except UserError as exc:
            QMessageBox.warning(self, "无法导入", str(exc))
            return False
        dialog = DraftDialog(draft, self)
        if not dialog.exec():
            return False
        draft.year = dialog.year
        existing = plans.load_plan(self._store, draft.year)
        if existing is not None:
            answer = QMessageBox.question(
                self, "替换已有计划", f"{draft.year}年度计划已存在，用导入的内容替换它吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            plans.save_plan(self._store, Plan(draft.year, draft.requirements,
                                              f"{draft.year}年党风廉政建设工作要点"), text)
        except UserError as exc:
            QMessageBox.warning(self, "未能保存", str(exc))
            return False
        self._after_change(draft.year)
        return True


class DraftDialog(QDialog):
    """The parsed plan for the user to check: requirements found and sentences not read."""

    def __init__(self, draft: PlanDraft, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.year = draft.year or 0
        self.setWindowTitle("核对导入的年度工作要点")
        self.setMinimumSize(900, 600)
        numeric = sum(1 for r in draft.requirements if r.is_numeric)
        summary = QLabel(f"共读到 {len(draft.items)} 条工作要点、{len(draft.requirements)} 项要求，"
                         f"其中 {numeric} 项有数量指标。双击一项可修改；确认无误后点“保存计划”。")
        summary.setWordWrap(True)
        self.year_box = QComboBox()
        for year in range(2015, 2041):
            self.year_box.addItem(f"{year}年", year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(draft.year or 2022)))
        self.table = requirements_table()
        fill_requirements(self.table, draft.requirements)
        self.unread = QListWidget()
        for unread in draft.unread:
            self.unread.addItem(f"[{unread.item}] {unread.text}（{unread.reason}）")
        buttons = accept_cancel("保存计划")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        self.table.cellDoubleClicked.connect(self._on_edit)
        year_bar = QHBoxLayout()
        year_bar.addWidget(QLabel("计划年度"))
        year_bar.addWidget(self.year_box)
        year_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(year_bar)
        layout.addWidget(self.table, 3)
        label = QLabel(f"未能读懂的句子（{len(draft.unread)} 处，请核对，必要时手工新增要求）：")
        layout.addWidget(label)
        layout.addWidget(self.unread, 1)
        layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)

    def _on_edit(self, row: int, _column: int) -> None:
        dialog = RequirementDialog(self.draft.requirements[row], self)
        if dialog.exec():
            self.draft.requirements[row] = dialog.result
            fill_requirements(self.table, self.draft.requirements)

    def _on_accept(self) -> None:
        self.year = self.year_box.currentData()
        self.accept()
