"""首页: the quarter's checklist, the warnings on top, a one-line summary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.checklist import Checklist, ChecklistItem
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.qt.style import colour_item, hint, page_title, rows_follow_text
from lianzheng_desktop.storage.plans import load_checklist, load_warnings
from lianzheng_desktop.storage.store import Store

WARNINGS_SHOWN = 5  # more scroll within the list
COLUMNS = ("状态", "条目", "要求", "完成情况")


class ChecklistPage(QWidget):
    """The checklist of the chosen quarter as of the chosen day (today by default)."""


    def __init__(self, store: Store, today: date | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._today = today or date.today()
        self.checklist: Checklist | None = None
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        title = page_title("季度责任清单")
        self.quarter = QComboBox()
        current = Quarter.containing(self._today)
        quarter = Quarter(current.year - 4, 1)
        while quarter <= Quarter(current.year, 4):
            self.quarter.addItem(quarter.label, quarter.code)
            quarter = quarter.next()
        self.quarter.setCurrentIndex(self.quarter.findData(current.code))
        self.as_of = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bold = QFont()
        bold.setPointSize(bold.pointSize() + 1)
        bold.setBold(True)
        self.summary.setFont(bold)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("季度"))
        bar.addWidget(self.quarter)
        bar.addWidget(QLabel("截至"))
        bar.addWidget(self.as_of)
        bar.addStretch(1)

        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        rows_follow_text(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 300)
        tip = hint("双击一项，查看计入该项的记录。", wrap=False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(QLabel("提醒"))
        layout.addWidget(self.warnings)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(tip)

    def _connect_signals(self) -> None:
        self.quarter.currentIndexChanged.connect(self.refresh)
        self.as_of.dateChanged.connect(self.refresh)
        self.table.cellDoubleClicked.connect(self._on_item_activated)

    def selected_quarter(self) -> Quarter:
        return Quarter.parse(self.quarter.currentData())

    def set_quarter(self, quarter: Quarter, as_of: date) -> None:
        self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self.quarter.setCurrentIndex(self.quarter.findData(quarter.code))
        self.refresh()

    def as_of_date(self) -> date:
        value = self.as_of.date()
        return date(value.year(), value.month(), value.day())

    def refresh(self) -> None:
        quarter, as_of = self.selected_quarter(), self.as_of_date()
        self.table.setRowCount(0)
        self.warnings.clear()
        try:
            self.checklist = load_checklist(self._store, quarter, as_of)
        except UserError as exc:
            self.checklist = None
            self.summary.setText(str(exc))
        else:
            self.summary.setText(self.checklist.summary)
            self._fill(self.checklist.items)
        for warning in load_warnings(self._store, as_of, quarter, self.checklist):
            item = QListWidgetItem(f"●  {warning.level.label}：{warning.text}")
            colour_item(item, warning.level.colour)
            self.warnings.addItem(item)
        if not self.warnings.count():
            self.warnings.addItem("没有需要提醒的事项。")
        self._fit_warnings()

    def _fit_warnings(self) -> None:
        """As tall as its lines, up to five: the checklist keeps the rest of the page."""
        shown = min(self.warnings.count(), WARNINGS_SHOWN)
        rows = sum(max(self.warnings.sizeHintForRow(i), 1) for i in range(shown))
        self.warnings.setFixedHeight(rows + 2 * self.warnings.frameWidth() + 4)

    def _fill(self, items: list[ChecklistItem]) -> None:
        self.table.setRowCount(len(items))
        for row, entry in enumerate(items):
            status = QTableWidgetItem(f"  {entry.status.label}  ")
            colour_item(status, "white", entry.status.colour)
            cells = [status, QTableWidgetItem(entry.requirement.item),
                     QTableWidgetItem(entry.requirement.text),
                     QTableWidgetItem(entry.explanation)]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)

    def _on_item_activated(self, row: int, _column: int) -> None:
        if self.checklist is None or not 0 <= row < len(self.checklist.items):
            return
        RecordsDialog(self._store, self.checklist.items[row], self).exec()


class RecordsDialog(QDialog):
    """The records that count for one checklist item."""

    def __init__(self, store: Store, entry: ChecklistItem, parent=None):
        super().__init__(parent)
        self.setWindowTitle("计入该项的记录")
        self.setMinimumSize(640, 360)
        layout = QVBoxLayout(self)
        text = QLabel(f"<b>{entry.requirement.text}</b><br>{entry.explanation}")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        for ref in entry.records:
            spec = LEDGERS[ref.ledger]
            try:
                record = store.get(ref.ledger, ref.id)
            except UserError:
                continue
            when = getattr(record, spec.date_field)
            title = getattr(record, spec.title_field)
            self.list.addItem(f"{when.isoformat()}　{spec.label}　{title}")
        if not entry.records:
            self.list.addItem("尚无计入该项的记录。")
        layout.addWidget(self.list, 1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        from PySide6.QtCore import Qt  # see qt/style.py: not loaded before the first paint

        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
